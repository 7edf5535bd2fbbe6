"""Aid rules on single sentences and short texts: one case per rule, each able to fail."""

from __future__ import annotations

import pytest

from aidextract import extract

PUBLISHED = "2024-10-02"


def packages(text: str) -> list[tuple]:
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    return [(r["donor"], r["amount"], r["currency"], r["cumulative"]) for r in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "$" of a donor with its own dollar
        (
            "Canada has committed $500 million in military assistance to Ukraine.",
            [("CAN", 5e8, "CAD", False)],
        ),
        (
            "Canada pledged US$50 million in military aid for Ukraine.",
            [("CAN", 5e7, "USD", False)],
        ),
        (
            "The United States sent $300 million in military aid to Ukraine.",
            [("USA", 3e8, "USD", False)],
        ),
        # a period word on a rank, or in another relative clause, is no running total
        (
            "Denmark unveiled a military aid package for Ukraine worth €500 million, its "
            "sixteenth since the Russian invasion.",
            [("DNK", 5e8, "EUR", False)],
        ),
        (
            "The Congress voted for the $61 billion in security assistance for Ukraine that it "
            "had sat on since October.",
            [("USA", 6.1e10, "USD", False)],
        ),
        (
            "Since February 2022, Germany has provided or committed military support worth "
            "around €28 billion to Ukraine.",
            [("DEU", 2.8e10, "EUR", True)],
        ),
        # a subject that holds the amount (a dateline misparse) is never the donor
        (
            "WASHINGTON, April 24 (TPA) - President Joe Biden on Wednesday signed into law a bill "
            "that provides $61 billion in military aid for Ukraine, and the Pentagon said "
            "weapons would move within days.",
            [("USA", 6.1e10, "USD", False)],
        ),
        (
            "The Dutch government will spend half a billion euros on military aid for Ukraine.",
            [("NLD", 5e8, "EUR", False)],
        ),
    ],
)
def test_rule(text, expected):
    assert packages(text) == expected


def test_line_labels_give_donor_and_date():
    text = (
        "Support to Ukraine\n\n"
        "IMF: $2.2 billion in budget support disbursed to Ukraine.\n"
        "Switzerland: CHF 74 million grant to Ukraine to repair district heating networks.\n\n"
        "Timeline\n"
        "19 September: Finland announced its 25th defence materiel package for Ukraine, worth "
        "EUR 161 million.\n"
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    got = {(r["donor"], r["amount"]): r["announced"] for r in rows}
    assert ("IMF", 2.2e9) in got and ("CHE", 7.4e7) in got
    assert got[("FIN", 1.61e8)] == "2024-09-19"


def test_a_government_official_without_a_country_is_the_main_donors():
    text = (
        "Germany pledged €500 million in military aid to Ukraine on Friday. "
        "Defence Minister Boris Pistorius said the package would include air defence systems."
    )
    people = {p["name"]: p["country"] for p in extract(text, published=PUBLISHED)["people"]}
    assert people == {"Boris Pistorius": "DEU"}


def test_every_bullet_of_a_list_takes_the_lists_introduction():
    text = (
        "Canada will provide $200 million in new military assistance to Ukraine.\n\n"
        "The new package will fund:\n\n"
        "• $80 million for armoured vehicles built by Canadian industry, to be delivered "
        "this year;\n"
        "• $60 million for drones produced in Ukraine, purchased through a joint fund led by "
        "Denmark;\n"
    )
    assert {a for _, a, _, _ in packages(text)} == {2e8, 8e7, 6e7}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This funding comes from the $500 million for military aid to Ukraine set out in "
            "Budget 2024.",
            [],
        ),
        (
            "The World Bank approved another $1.25 billion in financing for Ukraine's state "
            "budget.",
            [("WB", 1.25e9, "USD", False)],
        ),
    ],
)
def test_a_budget_line_is_not_aid_but_money_for_a_budget_is(text, expected):
    assert packages(text) == expected
