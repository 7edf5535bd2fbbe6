"""Unit cases for the troop-deployment rules (src/aidextract/troops.py): one sentence or two
per rule, written for these tests (not copied from the gold articles)."""

from __future__ import annotations

import pytest

from aidextract.api import extract

PUBLISHED = "2024-05-10"


@pytest.fixture(scope="module")
def troops(nlp):
    """Troop rows of a text (the `nlp` fixture loads the pipeline once per session)."""

    def run(text: str) -> list[tuple]:
        rows = extract(text, PUBLISHED).get("troop_deployments", [])
        return sorted(
            (r["origin"], r["count"], r["qualifier"], r["destination"], r["location"]) for r in rows
        )

    return run


DEPLOYMENTS = [
    # a force noun with a demonym; destination after "to"
    (
        "Officials said about 3,000 Belgian soldiers had been sent to Romania.",
        [("BEL", 3000, "about", "ROU", None)],
    ),
    # origin from the subject of the sending verb; a city gives the location
    (
        "Spain will deploy 600 troops to Vilnius next month.",
        [("ESP", 600, "exact", "LTU", "Vilnius")],
    ),
    # a unit with "of": the people it holds are counted, not the unit
    ("Canada sent a battalion of about 800 to Latvia.", [("CAN", 800, "about", "LVA", None)]),
    # "N-strong": a force named by its size
    (
        "The Netherlands announced a 250-strong team for Lithuania.",
        [("NLD", 250, "exact", "LTU", None)],
    ),
    # a partitive part of a force takes its own demonym and the whole's place
    (
        "The battlegroup in Estonia had about 1,600 troops, roughly 900 of them British.",
        [("GBR", 900, "about", "EST", None), ("NATO", 1600, "about", "EST", None)],
    ),
    # "put the figure at N" refers back to the force counted before
    (
        "Russia has massed more than 60,000 troops near Ukraine's borders. "
        "Kyiv put the figure at about 70,000.",
        [("RUS", 60000, "more_than", None, None), ("RUS", 70000, "about", None, None)],
    ),
    # near a country: no destination; near a town: the town and its country
    (
        "Russia had concentrated some 20,000 soldiers near Pokrovsk.",
        [("RUS", 20000, "about", "UKR", "Pokrovsk")],
    ),
    # several countries at once: no destination
    (
        "Washington will send 1,500 troops to Poland and Germany.",
        [("USA", 1500, "exact", None, None)],
    ),
    # moved to its own border: destination is the force's own country
    (
        "Finland moved about 5,000 troops to its border with Russia.",
        [("FIN", 5000, "about", "FIN", None)],
    ),
    # Wagner / Africa Corps fighters are Russian
    (
        "About 1,500 fighters of the Wagner group were camped in Libya.",
        [("RUS", 1500, "about", "LBY", None)],
    ),
    # military workers sent abroad count; "in the country" is the country named before
    (
        "North Korea will send 2,000 military construction workers to Russia.",
        [("PRK", 2000, "exact", "RUS", None)],
    ),
    (
        "Italy, which keeps about 700 soldiers in the country, backed the mission in Lebanon.",
        [("ITA", 700, "about", "LBN", None)],
    ),
    (
        "A Dutch infantry company of some 200 soldiers moved into Lithuania in May.",
        [("NLD", 200, "about", "LTU", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DEPLOYMENTS)
def test_deployments(troops, text, expected):
    assert troops(text) == sorted(expected)


NOT_DEPLOYMENTS = [
    "At least 40 soldiers were killed in the attack.",  # casualties
    "Ukraine said 120 Russian soldiers had been taken prisoner.",  # prisoners
    "Poland's armed forces now number about 200,000 soldiers.",  # army size at home
    "A Patriot battery is normally crewed by about 90 soldiers.",  # crew of a system
    "The brigade will have some 300 civilian employees.",  # civilians
    "Thousands of troops were sent to the border.",  # no number
    "Some 8,000 personnel were placed on heightened alert.",  # readiness, not deployed
    "The package includes 90 armored personnel carriers.",  # equipment
    "Germany will assemble two tank battalions for Ukraine.",  # units, not people
    "The whole force can number up to 40,000 troops.",  # a capacity
    "Madrid has signed six military aid decrees since 2022.",  # "military" on a non-person noun
]


@pytest.mark.parametrize("text", NOT_DEPLOYMENTS)
def test_not_deployments(troops, text):
    assert troops(text) == []


REPORTED = [
    # the date of the clause; a date of another count in the sentence is not taken
    (
        "On March 3 officials said Russia had 50,000 troops in Belarus, compared with "
        "30,000 on January 20.",
        {60000: None, 50000: "2024-03-03", 30000: "2024-01-20"},
    ),
    # present tense without a date: the article's date
    ("About 4,000 U.S. troops are stationed in Romania.", {4000: PUBLISHED}),
    # a future date (a plan's start) is not the reporting date
    ("Sweden will send 500 soldiers to Latvia in August 2025.", {500: PUBLISHED}),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_reported(nlp, text, expected):
    rows = extract(text, PUBLISHED)["troop_deployments"]
    got = {r["count"]: r["reported"] for r in rows}
    assert got == {k: v for k, v in expected.items() if v is not None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 4,000 Ukrainian soldiers have been trained in Lithuania since 2022.", []),
        ("Moldova's own army, barely 6,000 strong, could not dislodge them.", []),
        (
            "Germany's armoured brigade in Lithuania has grown to about 4,000 soldiers.",
            [("DEU", 4000, "LTU", "2025-05-20")],
        ),
        (
            "About 1,500 Russian troops remain in Transnistria under a 1992 ceasefire deal.",
            [("RUS", 1500, "MDA", "2025-05-20")],
        ),
    ],
)
def test_trainees_home_armies_growth_and_named_years(text, expected):
    from aidextract import extract

    rows = extract(text, published="2025-05-20")["troop_deployments"]
    assert [(r["origin"], r["count"], r["destination"], r["reported"]) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia has moved about 11,000 troops into the Kaliningrad region, up from roughly "
            "8,000 in January.",
            [("RUS", 11000, "2025-05-20"), ("RUS", 8000, "2025-01")],
        ),
        (
            "The rotation keeps the number of US troops in Poland at roughly 10,000, the "
            "minister said on Tuesday.",
            [("USA", 10000, "2025-05-20")],
        ),
        ("Russia's armed forces as a whole are authorised to number 1.5 million personnel.", []),
        (
            "About 2,200 Canadian Armed Forces members are currently deployed to Latvia.",
            [("CAN", 2200, "2025-05-20")],
        ),
    ],
)
def test_earlier_levels_numbers_of_a_force_and_strengths(text, expected):
    from aidextract import extract

    rows = extract(text, published="2025-05-20")["troop_deployments"]
    assert [(r["origin"], r["count"], r["reported"]) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armies at home, withdrawals, and "of them" that takes up no force
        ("The Canadian Armed Forces have about 68,000 Regular Force members.", []),
        ("Poland wants to expand its army to 300,000 soldiers by 2035.", []),
        ("The Pentagon said it would pull about 3,000 soldiers out of Romania.", []),
        (
            "Troop counts are the most quoted figures in debates. This brief sets out six of them.",
            [],
        ),
        (
            "Russia sent 10,000 troops to Belarus. Two days later, officials said 2,000 of them "
            "were in Brest.",
            [("RUS", 10000, "BLR", None), ("RUS", 2000, "BLR", "Brest")],
        ),
        # "bringing the number of X ... to N", the parse misattaching "to"
        (
            "A second battery followed, bringing the number of US troops operating the system "
            "in Israel to roughly 200.",
            [("USA", 200, None, None)],
        ),
        # more of a force goes where it went
        (
            "Pyongyang has sent 11,000 soldiers to Russia. It is preparing to send up to 3,000 "
            "more soldiers within weeks.",
            [("PRK", 11000, "RUS", None), ("PRK", 3000, "RUS", None)],
        ),
        # "in and around" a city still places the force there
        (
            "About 1,700 German soldiers are based in and around Vilnius.",
            [("DEU", 1700, "LTU", "Vilnius")],
        ),
        # a clause with its own subject is about another force
        (
            "Russia had moved roughly 2,000 troops back to bases near the Finnish border, after "
            "most units there were sent to Ukraine.",
            [("RUS", 2000, None, None)],
        ),
    ],
)
def test_home_armies_withdrawals_and_places_of_a_force(text, expected):
    from aidextract import extract

    rows = extract(text, published="2025-05-20")["troop_deployments"]
    got = [(r["origin"], r["count"], r["destination"], r["location"]) for r in rows]
    assert got == expected
