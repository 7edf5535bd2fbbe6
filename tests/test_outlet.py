"""The outlet's home country: whose officials a paper names without their country."""

from __future__ import annotations

import pytest

from aidextract.facts import extract_facts
from aidextract.nlp import parse
from aidextract.outlet import home_country


@pytest.mark.parametrize(
    ("outlet", "url", "home"),
    [
        ("Dawn", None, "PAK"),  # the lexicon: a name that says no country
        (None, "https://en.yna.co.kr/view/AEN2025", "KOR"),  # the lexicon's web host
        ("The Times of Israel", None, "ISR"),  # the name says it
        ("The Washington Post", None, "USA"),  # a capital, written in English
        ("Pacific Rim Wire", None, None),  # not "Rim", Rome in other languages
        ("Ministry of Foreign Affairs of Japan", None, "JPN"),
        ("UN Office for the Coordination of Humanitarian Affairs", None, None),  # a body's
        ("NATO Kosovo Force (KFOR)", None, None),
        ("Reuters", "https://www.reuters.com/world/x", None),  # a wire is no one's
        (None, "https://www.gov.uk/government/news/x", "GBR"),  # a country-code domain
        ("Some Blog", "https://defence.io/x", None),  # .io is sold worldwide
    ],
)
def test_home_country(outlet, url, home):
    assert home_country(outlet, url) == home


def test_an_official_named_bare_is_the_outlets_countrys(nlp):
    text = (
        "China rolled over $2bn in deposits with the central bank of Pakistan in March.\n\n"
        "Minister of State for Finance Bilal Kayani said the deposits would be kept for a year."
    )
    doc = next(iter(parse(nlp, [text])))
    people = {
        p["name"]: p["country"] for p in extract_facts(doc, "2025-05-10", "Dawn")[1]["people"]
    }
    assert people == {"Bilal Kayani": "PAK"}
    doc = next(iter(parse(nlp, [text])))
    people = {p["name"]: p["country"] for p in extract_facts(doc, "2025-05-10")[1]["people"]}
    assert people == {"Bilal Kayani": "CHN"}  # without the outlet: the main donor's


def test_an_unknown_domain_is_no_country_and_logs_nothing(caplog):
    assert home_country(None, "https://commission.europa.eu/news") is None
    assert not caplog.records
