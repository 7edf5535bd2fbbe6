"""Unit cases for the outlet's own forces, region names and caption lines in the troop rules
(troops.py, troop_places.py, models/troop_cues.tsv, geo_admin1.tsv, furniture.tsv): invented
sentences, not copied from the gold articles."""

from __future__ import annotations

import pytest

from aidextract.facts import extract_facts
from aidextract.geo import resolve_place

PUBLISHED = "2026-03-02"


def _rows(nlp, text: str, url: str | None = None) -> list[tuple]:
    """(origin, count, destination, location) of the troop rows of `text` on a page at `url`."""
    _, facts = extract_facts(nlp(text), PUBLISHED, None, url)
    rows = facts["troop_deployments"]
    return sorted((r["origin"], r["count"], r["destination"], r["location"]) for r in rows)


OUTLET_FORCES = [
    # members of a national force named bare are the force of the outlet's country
    (
        "The minister said 90 members of the Defence Forces will deploy to Cyprus in May.",
        "https://www.gov.ie/en/press/",
        [("IRL", 90, "CYP", None)],
    ),
    # the bare force as the subject of the clause owns the count
    (
        "The Defence Forces plan to raise their contingent in Kosovo to 60 personnel next year.",
        "https://www.gov.ie/en/press/",
        [("IRL", 60, "XKX", None)],
    ),
    # a compound of the bare force's name
    (
        "In addition, up to 15 Defence Forces instructors will join the EU Training Mission "
        "in Bamako, Mali, from June.",
        "https://www.gov.ie/en/press/",
        [("IRL", 15, "MLI", "Bamako")],
    ),
    # a force whose name gives its country keeps that country
    (
        "About 3,000 members of the Israel Defense Forces were deployed to Lebanon.",
        "https://www.gov.ie/en/press/",
        [("ISR", 3000, "LBN", None)],
    ),
]


@pytest.mark.parametrize("text,url,expected", OUTLET_FORCES)
def test_outlet_force(nlp, text, url, expected):
    assert _rows(nlp, text, url) == expected


def test_caption_in_brackets_is_no_deployment(nlp):
    text = (
        "Ireland will send 90 soldiers to Cyprus.\n\n"
        "[Image: Troops on parade in Dublin. Some of the 45 soldiers have never served abroad. "
        "Photo: Army Press]\n\nThe deployment is the first since 2020.\n"
    )
    assert _rows(nlp, text) == [("IRL", 90, "CYP", None)]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Duhok Province", ("admin1", "IRQ")),
        ("Dohuk Governorate", ("admin1", "IRQ")),
        ("Anbar", ("admin1", "IRQ")),
        ("Nineveh Province", ("admin1", "IRQ")),
    ],
)
def test_iraqi_provinces_resolve(name, expected):
    place = resolve_place(name)
    assert place is not None and (place.type, place.country) == expected


def test_province_of_a_town_name_is_the_province(nlp):
    """ "Duhok province" is the region (its own name), not a site at the town of Dihok."""
    text = "Turkey keeps about 900 soldiers at outposts in Duhok province, officials said."
    assert _rows(nlp, text) == [("TUR", 900, "IRQ", "Duhok")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a lower-case region word is no part of the name
        ("Russia has massed 5,000 troops in the Belgorod region.", "Belgorod"),
        # a capitalised one is ("Kursk Oblast", "Duhok Province")
        ("North Korea has sent 2,000 troops to Russia's Kursk Oblast.", "Kursk Oblast"),
    ],
)
def test_region_word_in_location(nlp, text, expected):
    assert [row[3] for row in _rows(nlp, text)] == [expected]


def test_golan_heights_resolve():
    place = resolve_place("Golan Heights")
    assert place is not None and (place.type, place.country) == ("other", "SYR")


@pytest.mark.parametrize(
    "text,expected",
    [
        # a phrase opened by "mainly" places most of the force: its town
        (
            "France keeps nearly 300 French soldiers in Gabon under a defence treaty, mainly in "
            "the capital Libreville.",
            [("FRA", 300, "GAB", "Libreville")],
        ),
        # "the region" takes up a region named two sentences before
        (
            "The first Kenyan soldiers landed in Jubaland in May. The rebels fled within weeks. "
            "About 900 Kenyan soldiers are now deployed in the region.",
            [("KEN", 900, "SOM", "Jubaland")],
        ),
        # "mostly around A and B": two places give no town
        (
            "About 900 Chadian soldiers are deployed in Niger, mostly around Ayorou and the "
            "town of Tera.",
            [("TCD", 900, "NER", None)],
        ),
    ],
)
def test_places_of_most_of_a_force(nlp, text, expected):
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "there" after a site described as "its base in X" takes up the site
        (
            "Italy trains Libyan sailors at Camp Falco, its base near Misrata, and keeps about "
            "300 Italian soldiers there.",
            [("ITA", 300, "LBY", "Camp Falco")],
        ),
        # with no such description, the town
        (
            "Italy has a base in Misrata. It keeps about 300 Italian soldiers there.",
            [("ITA", 300, "LBY", "Misrata")],
        ),
    ],
)
def test_there_takes_up_a_described_site(nlp, text, expected):
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a sea is the force's location, in no country
        (
            "The French carrier group, with about 2,000 French sailors, remains in the Red Sea.",
            [("FRA", 2000, None, "Red Sea")],
        ),
        # two seas at once give none; a region of the world is no location
        (
            "About 2,000 French sailors are deployed in the Gulf of Aden and the Arabian Sea.",
            [("FRA", 2000, None, None)],
        ),
        (
            "About 2,000 French sailors are deployed in the Middle East.",
            [("FRA", 2000, None, None)],
        ),
    ],
)
def test_seas_as_locations(nlp, text, expected):
    assert _rows(nlp, text) == expected
