"""Invariants of extract() for any text (hypothesis): no exception, offsets inside the text,
evidence holding its span, positive amounts and counts, valid codes and dates."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import aidextract
from aidextract.schema import KINDS, ORG_CODES, QUALIFIERS

WORDS = [
    "The",
    "United States",
    "announced",
    "$425 million",
    "€2.5bn",
    "in",
    "military",
    "aid",
    "for",
    "Ukraine",
    "on",
    "Friday",
    "about",
    "10,000",
    "North Korean",
    "troops",
    "were",
    "sent",
    "to",
    "Russia",
    "Kursk region",
    "President",
    "Joe Biden",
    "said",
    "loan",
    "of",
    "NOK 75 billion",
    "since",
    "February 2022",
    "up to",
    ".",
    ",",
    "\n",
    "\n\n",
    "•",
    "(",
    ")",
]
CODE = re.compile(r"^[A-Z]{3}$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)


def valid_code(code) -> bool:
    return code is None or code in ORG_CODES or bool(CODE.match(code))


# derandomized: the same examples on every run, so that CI cannot fail by chance
@settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(texts)
@example("SAID PRESIDEnt")  # a subject title as the text's last word
def test_extract_invariants(text):
    facts = aidextract.extract(text, published="2024-11-01")
    assert facts["articles"][0]["status"] in ("ok", "skipped")
    for table in ("aid_packages", "troop_deployments", "dates", "quantities", "entities"):
        for row in facts.get(table, []):
            assert 0 <= row["start_char"] < row["end_char"] <= len(text), table
    for row in facts.get("aid_packages", []):
        assert row["amount"] > 0
        assert text[row["start_char"] : row["end_char"]] in row["evidence"]
        assert valid_code(row["donor"]) and valid_code(row["recipient"])
        assert row["qualifier"] in QUALIFIERS and row["kind"] in KINDS
        assert row["announced"] is None or PARTIAL_DATE.match(row["announced"])
    for row in facts.get("troop_deployments", []):
        assert row["count"] > 0
        assert text[row["start_char"] : row["end_char"]] in row["evidence"]
        assert valid_code(row["origin"]) and valid_code(row["destination"])
    for row in facts.get("dates", []):
        assert PARTIAL_DATE.match(row["value"])
    for row in facts.get("places", []):
        assert valid_code(row["country"])
