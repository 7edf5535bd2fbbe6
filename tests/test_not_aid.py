"""Money a clause shows is no aid given (not_aid.py): one invented case per rule, each after a
sentence of aid so that the amount would count as aid without the rule, plus aid that stays."""

from __future__ import annotations

import pytest

from aidextract import extract

PUBLISHED = "2025-01-10"
LEAD = (
    "Ukraine's allies pledged more military aid on Monday, and the Pentagon announced "
    "a $300 million package of weapons for Kyiv. "
)


def amounts(sentence: str) -> list[float]:
    rows = extract(LEAD + sentence, published=PUBLISHED)["aid_packages"]
    return [r["amount"] for r in rows]


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        # _disowned: a relative clause denying it is aid
        (
            "The act also provided $1.9 billion for U.S. Central Command operations, which is "
            "not assistance to Israel.",
            1.9e9,
        ),
        # _unused: authority not yet used
        (
            "Of the drawdown authority approved by Congress, approximately $4.1 billion remains "
            "available.",
            4.1e9,
        ),
        (
            "Congress may consider whether remaining PDA authority, about $2.9 billion, should "
            "be used.",
            2.9e9,
        ),
        # _traded: the value of a sale, a licence, an order, a deal buying from a seller
        (
            "The State Department approved the possible sale of guided bombs worth about "
            "$1.2bn to Saudi Arabia, which has received military aid from Washington.",
            1.2e9,
        ),
        (
            "That comes on top of 32 F-35 jets ordered from the United States last year for "
            "about $6 billion in military aid talks.",
            6e9,
        ),
        (
            "Romania signed a $3.1 billion deal in March for 54 Abrams tanks from General "
            "Dynamics, its biggest arms purchase in decades.",
            3.1e9,
        ),
        (
            "Analysts note a backlog of roughly $12 billion in weapons that Taiwan has bought "
            "and is still waiting for.",
            12e9,
        ),
        ("Thirty billion dollars for a port is a purchase.", 30e9),
        # _priced: a rate per unit
        (
            "Electricity tariffs rose to about 3 lei per kilowatt-hour after the aid was cut, "
            "the regulator said.",
            3,
        ),
        # _earned
        (
            "Iran is estimated to have earned about $5 billion from its military cooperation "
            "with Russia, including payments for drones.",
            5e9,
        ),
        # _debt_or_capital: a debt stock, private capital
        (
            "Japan is Cambodia's largest creditor, holding roughly $2 billion of the country's "
            "external debt, much of it loans for roads.",
            2e9,
        ),
        (
            "The Gulf Corridor has brought 12 billion dollars in direct investment to Egypt and "
            "created jobs, officials said of the aid.",
            12e9,
        ),
        # _own_use: means used up, spending on one's defence, own stocks, buying one's own
        (
            "We've expended more than $900 million in munitions in the region since March, "
            "and we've requested replenishment funding from Congress.",
            9e8,
        ),
        (
            "Latvia will spend about 3.1% of GDP on defence this year, or roughly €1.2bn, "
            "while also sending military aid to Ukraine.",
            1.2e9,
        ),
        (
            "Defence, which received a 15pc increase, has been allocated Rs1.9tr in the new plan.",
            1.9e12,
        ),
        (
            "The bill includes $50 billion in aid for Ukraine, about $18 billion of which would "
            "go to replenish U.S. weapons stocks.",
            18e9,
        ),
        (
            "The Commission's plan talks about mobilizing up to €500 billion for Europe's own "
            "defence.",
            5e11,
        ),
        (
            "The 6.1 trillion yen defense budget is the second installment of a five-year, "
            "40 trillion yen buildup that runs through 2027.",
            4e13,
        ),
    ],
)
def test_no_aid(sentence, amount):
    found = amounts(sentence)
    assert 3e8 in found  # the lead's package is still read
    assert amount not in found


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        (
            "Germany will allocate USD 500 million for the purchase of American weapons for "
            "Ukraine under the PURL mechanism.",
            5e8,
        ),
        ("Within that, £350m would buy 100,000 drones for Ukraine's armed forces.", 3.5e8),
        (
            "Denmark will give DKK 1.7 billion to buy 18 howitzers from Ukrainian manufacturers "
            "for Ukraine.",
            1.7e9,
        ),
        (
            "Germany bought Patriot systems worth $1bn from the United States to give to Ukraine.",
            1e9,
        ),
        ("Berlin will buy 20 tanks worth €400 million for Ukraine's army.", 4e8),
        ("The US has expended $2 billion in military aid to Ukraine this year.", 2e9),
        ("Beijing has agreed to refinance $3.4bn of Pakistan's maturing debt.", 3.4e9),
        ("The Netherlands will spend €400m on long-range drones for Ukraine.", 4e8),
        ("The bill includes $4 billion to replenish Israel's Iron Dome missile defense.", 4e9),
        ("Norway will give NOK 15 billion per year in military aid to Ukraine.", 15e9),
        ("Qatar promised a further five billion dollars in investments for Egypt.", 5e9),
    ],
)
def test_stays_aid(sentence, amount):
    assert amount in amounts(sentence)
