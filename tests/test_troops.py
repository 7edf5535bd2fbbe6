"""Unit cases for the troop-deployment rules (src/aidextract/troops.py): one sentence or two
per rule, written for these tests (not copied from the gold articles)."""

from __future__ import annotations

import pytest

from aidextract.api import extract
from aidextract.resources import ResourceError
from aidextract.troop_candidate import WORD_KINDS, troop_words

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
    # a count reported by a clause of saying of its own does not take another one's date
    (
        "A spokesman said on March 3 that the force would stay, and press reports suggest that "
        "about 900 Swedish soldiers now remain in Latvia.",
        {900: PUBLISHED},
    ),
    # the date of the count's own verb of saying is its date
    ("Officials said on March 3 that Sweden had 900 soldiers in Latvia.", {900: "2024-03-03"}),
    # the year a force is to be raised to a size dates that size
    (
        "Norway plans to raise its contingent in Latvia to about 200 soldiers in 2027.",
        {200: "2027"},
    ),
    # a count in an exercise takes the start the next sentence gives the exercise
    (
        "About 300 Dutch soldiers are taking part in a NATO exercise in Latvia. The exercise, "
        "which began on April 2, ends next week.",
        {300: "2024-04-02"},
    ),
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
        # "bringing the number of X ... to N", the parse misattaching "to"; the place of what
        # the force operates is the force's
        (
            "A second battery followed, bringing the number of US troops operating the system "
            "in Israel to roughly 200.",
            [("USA", 200, "ISR", None)],
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


def _rows(text: str, published: str = PUBLISHED) -> list[tuple]:
    rows = extract(text, published)["troop_deployments"]
    return [(r["origin"], r["count"], r["destination"], r["location"]) for r in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue of a coordinated clause with its own subject belongs to that clause
        (
            "Officials said about 9,000 Belarusian soldiers had been sent to Russia and that "
            "around 900 of them had been wounded.",
            [("BLR", 9000, "RUS", None)],
        ),
        (
            "A Patriot battery is normally crewed by about 90 soldiers, but the 240 Dutch troops "
            "sent to Poland operate three of them.",
            [("NLD", 240, "POL", None)],
        ),
        (
            "Counting the armed forces of all members, the official added, the alliance has "
            "about 3 million troops.",
            [],
        ),
        # contingencies, ranges, authorised strengths, prisoners freed, civilian engineers
        ("Italy says it could send up to 2,000 soldiers to Romania if needed.", []),
        ("Officials have floated a force of between 5,000 and 20,000 troops.", []),
        ("The council authorized the mission with a strength of up to 3,000 personnel.", []),
        ("The swap freed 40 Polish soldiers.", []),
        ("At the plant, 40 engineers build drone frames.", []),
        # "20 of them" takes up the helicopters, the last plural before it
        (
            "The package moved 800 US soldiers and 30 helicopters to Poland, 20 of them from "
            "Germany.",
            [("USA", 800, None, None)],
        ),
    ],
)
def test_other_clauses_and_non_counts(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UN missions: their peacekeepers are the UN's; a mission named stands for its host
        (
            "Roughly 12,000 MINUSCA peacekeepers remain deployed in the Central African Republic.",
            [("UN", 12000, "CAF", None)],
        ),
        ("Ghana keeps about 870 troops in UNIFIL.", [("GHA", 870, "LBN", None)]),
        (
            "UNIFIL has patrolled the area since 1978. Ireland has about 340 soldiers in the "
            "force.",
            [("IRL", 340, "LBN", None)],
        ),
        # police sent abroad count
        (
            "About 500 Rwandan police officers are stationed in the Central African Republic.",
            [("RWA", 500, "CAF", None)],
        ),
        # "under" a body: the subject's troops; with no subject, the body's
        (
            "Sweden will send 550 troops to Finland under NATO's forward land forces.",
            [("SWE", 550, "FIN", None)],
        ),
        ("About 20,000 troops are now under direct NATO command.", [("NATO", 20000, None, None)]),
        (
            "Allied commanders plan to station up to 3,000 troops in Slovakia.",
            [("NATO", 3000, "SVK", None)],
        ),
        # a clause whose verb the parse reads as a noun ("numbers") has its own subject
        (
            "About 5,000 US troops are stationed in Romania, and the NATO battlegroup at Cincu, "
            "led by France, numbers about 1,200 soldiers.",
            [("USA", 5000, "ROU", None), ("NATO", 1200, "ROU", "Cincu")],
        ),
        # a country's part of a multinational whole: the part is the country's, the whole
        # the alliance's or the UN's
        (
            "Britain leads the multinational battlegroup at Tapa. Britain provides about 900 of "
            "the roughly 1,400 soldiers at Tapa.",
            [("GBR", 900, "EST", "Tapa"), ("NATO", 1400, "EST", "Tapa")],
        ),
        (
            "Indonesia provides about 1,000 of the 9,000 UNIFIL peacekeepers in Lebanon.",
            [("IDN", 1000, "LBN", None), ("UN", 9000, "LBN", None)],
        ),
        # a state's or province's own force is its country's
        (
            "About 450 soldiers of the Ohio National Guard left for Kosovo on Monday.",
            [("USA", 450, "XKX", None)],
        ),
        # a clause under a verb's object is the object's doing, not the subject's
        (
            "Armenian officials accused Baku of having massed about 4,000 troops near the border.",
            [("AZE", 4000, None, None)],
        ),
        (
            "Washington urged Tokyo to send 300 soldiers to Djibouti.",
            [("JPN", 300, "DJI", None)],
        ),
        # a headline over the paragraph says whose the force is
        (
            "Italy will send 500 troops to Latvia.\n\nSpain keeps 3,000 soldiers on its southern "
            "frontier\n\nThe defence minister said on Monday that about 3,000 soldiers deployed "
            "to the frontier would stay there.",
            [("ITA", 500, "LVA", None), ("ESP", 3000, "ESP", None)],
        ),
    ],
)
def test_missions_police_and_origins(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where most of the force is
        (
            "Denmark has about 700 soldiers in Latvia, most of them in Riga.",
            [("DNK", 700, "LVA", "Riga")],
        ),
        (
            "Estonia hosts the battalion. The British battalion already has about 1,100 soldiers "
            "in the country, most of them at Tapa.",
            [("GBR", 1100, "EST", "Tapa")],
        ),
        # places the NER misses or the parse hangs oddly
        (
            "About 60 Canadian instructors are in Poland helping to train Ukrainian recruits.",
            [("CAN", 60, "POL", None)],
        ),
        (
            "About 300 Russian instructors are based at an airfield near the capital, Bamako.",
            [("RUS", 300, "MLI", "Bamako")],
        ),
        (
            "Russia moved 2,000 marines to the port city of Tartus.",
            [("RUS", 2000, "SYR", "Tartus")],
        ),
        ("Turkey has about 3,000 soldiers inside Syrian territory.", [("TUR", 3000, "SYR", None)]),
        (
            "Russia has moved about 3,000 troops back to bases in Pskov.",
            [("RUS", 3000, "RUS", "Pskov")],
        ),
        (
            "About 250 Czech troops serve with the NATO battlegroup in Slovakia.",
            [("CZE", 250, "SVK", None)],
        ),
        # "there"; the next sentence's "they"; a force coordinated with another
        (
            "Hungary had around 400 soldiers in Bosnia last year; Budapest wants to station "
            "about 1,000 troops there.",
            [("HUN", 400, "BIH", None), ("HUN", 1000, "BIH", None)],
        ),
        (
            "Belgium will send 200 soldiers to Romania. They will be based near Constanta.",
            [("BEL", 200, "ROU", "Constanta")],
        ),
        (
            "Belarus will send 500 sappers and 2,000 soldiers to Russia's Bryansk region.",
            [("BLR", 500, "RUS", "Bryansk"), ("BLR", 2000, "RUS", "Bryansk")],
        ),
        # the force whose size is estimated carries the place
        (
            "North Korea has sent 10,000 soldiers to Russia. Ukrainian officials put the "
            "contingent fighting in Russia's Belgorod region at about 9,000.",
            [("PRK", 10000, "RUS", None), ("PRK", 9000, "RUS", "Belgorod")],
        ),
        # a count describing a unit shares the unit's place
        (
            "The United States will send 2,000 troops to Poland. It also announced a new "
            "battalion in Bulgaria, about 900 troops plus a 150-strong team.",
            [("USA", 2000, "POL", None), ("USA", 900, "BGR", None), ("USA", 150, "BGR", None)],
        ),
        # a recap completes the place of the count it repeats
        (
            "Chad sent 1,000 soldiers to Niger on March 3. Chad's 1,000 soldiers are based in "
            "Niamey.",
            [("TCD", 1000, "NER", "Niamey")],
        ),
    ],
)
def test_places_of_a_force(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what remains of a force, more of it, its new size: the force counted before
        (
            "Chad had about 1,000 troops in Mali when the pullout began. The remaining 600 are "
            "due to leave by June.",
            [("TCD", 1000, "MLI", None), ("TCD", 600, "MLI", None)],
        ),
        (
            "Kenya deployed 900 officers to Haiti in June. About 700 remain in Port-au-Prince.",
            [("KEN", 900, "HTI", None), ("KEN", 700, "HTI", "Port-au-Prince")],
        ),
        (
            "Ghana has 800 troops in Lebanon. Ghana sent about 150 more in March.",
            [("GHA", 800, "LBN", None), ("GHA", 150, "LBN", None)],
        ),
        (
            "About 1,200 Dutch soldiers serve in Lithuania, and the government has promised to "
            "raise that number to as many as 1,800.",
            [("NLD", 1200, "LTU", None), ("NLD", 1800, "LTU", None)],
        ),
        (
            "Norway has 600 soldiers in Lithuania. Norway will increase its contribution to up "
            "to 900 personnel by 2027.",
            [("NOR", 600, "LTU", None), ("NOR", 900, "LTU", None)],
        ),
        # not when the number raised is an army's or a casualty count
        (
            "About 800 Polish soldiers serve in Latvia. Poland's armed forces number about "
            "150,000 soldiers, and Warsaw wants to raise that to 250,000.",
            [("POL", 800, "LVA", None)],
        ),
        (
            "Russia sent 5,000 troops to Kursk. Kyiv said 300 of them had been killed, and later "
            "raised its count of the dead to 600.",
            [("RUS", 5000, "RUS", "Kursk")],
        ),
    ],
)
def test_counts_taking_up_a_force(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date of another clause is not the count's
        (
            "In Estonia, where a drone crashed on Sunday, Britain will send 300 more troops.",
            PUBLISHED,
        ),
        # but that of a clause describing the force, its exercise, or a "when" clause is
        (
            "The roughly 5,000 Belarusian soldiers Minsk sent to Russia in March were still there.",
            "2024-03",
        ),
        (
            "Officials said about 3,000 Russian troops had been sent to Belarus for the drills, "
            "which began last Monday.",
            "2024-05-06",
        ),
        (
            "When the exercise began on 1 April 2024, Spain had around 600 soldiers in Latvia.",
            "2024-04-01",
        ),
        # "since March" starts the period; the count is of the day it was said
        (
            "About 9,000 Belarusian soldiers have been sent to Russia since March, officials said "
            "on Tuesday.",
            "2024-05-07",
        ),
        # a dispatch to be complete by a date refers to that date
        ("Germany will send up to 500 more soldiers to Lithuania by December.", "2024-12"),
    ],
)
def test_reported_dates_of_clauses(nlp, text, expected):
    rows = extract(text, PUBLISHED)["troop_deployments"]
    assert [r["reported"] for r in rows] == [expected]


def test_counts_stamped_now_stay_apart(nlp):
    """The same number of one country's troops, dated and stated as now, is two facts."""
    text = (
        "Rwanda had 2,000 troops in Congo in July. Rwanda now has about 2,000 soldiers in "
        "Mozambique."
    )
    assert [
        (r["destination"], r["reported"]) for r in extract(text, PUBLISHED)["troop_deployments"]
    ] == [
        ("COD", "2023-07"),
        ("MOZ", PUBLISHED),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table of contributors under a heading that counts troops: owner from the label,
        # host of the mission from the heading, date from the heading
        (
            "UNIFIL contributors - troops deployed as of 2 March 2024\n\n"
            "Spain .................. 650\nGhana ......... 870\n",
            [("ESP", 650, "LBN", None, "2024-03-02"), ("GHA", 870, "LBN", None, "2024-03-02")],
        ),
        # the same in a Markdown table: the header row names what the columns count
        (
            "Table 2: Mission personnel in Haiti (as of 2 March 2024)\n\n"
            "| Country | Personnel | Arrived |\n|---|---|---|\n"
            "| Chile | 120 soldiers | 3 May 2023 |\n| Benin | 40 | 9 June 2023 |\n",
            [("BEN", 40, "HTI", None, "2024-03-02"), ("CHL", 120, "HTI", None, "2024-03-02")],
        ),
        # a table whose heading counts no troops is no deployment
        ("Pledges by donor (million euros)\n\nSpain .......... 650\n", []),
    ],
)
def test_contributor_tables(nlp, text, expected):
    rows = extract(text, PUBLISHED)["troop_deployments"]
    got = [(r["origin"], r["count"], r["destination"], r["location"], r["reported"]) for r in rows]
    assert sorted(got) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count coordinated with a part of a force ("half of them") takes up the force
        (
            "About 30,000 Italian troops are based in Libya, more than half of them in Tripoli, "
            "and roughly 4,000 in Tunisia.",
            [("ITA", 30000, "LBY", "Tripoli"), ("ITA", 4000, "TUN", None)],
        ),
        # a people counted by "number", most of them in a town
        (
            "In Chad, the Turks number perhaps 400, most of them in Abeche.",
            [("TUR", 400, "TCD", "Abeche")],
        ),
        # a mission named as a force: its owner and its host
        (
            "KFOR currently numbers about 3,900 troops, up from some 3,500 in March.",
            [("NATO", 3900, "XKX", None), ("NATO", 3500, "XKX", None)],
        ),
        # the level of a force growing to a new size
        (
            "Spain has 600 soldiers in Latvia. Its strength there will rise to about 900.",
            [("ESP", 600, "LVA", None), ("ESP", 900, "LVA", None)],
        ),
        # "military police", "Marines" and a named force's "men" are forces
        (
            "Chile has about 120 military police in Haiti.",
            [("CHL", 120, "HTI", None)],
        ),
        (
            "In Mali, the roughly 800 Wagner men guard the mines.",
            [("RUS", 800, "MLI", None)],
        ),
        # an army at home, soldiers lost and forces placed on orders are no deployment
        ("Chad's army has grown to perhaps 30,000 troops.", []),
        ("Niger may have lost as many as 5,000 soldiers since 2020.", []),
        (
            "About 1,500 Marines at Camp Pendleton were placed on orders to prepare to deploy.",
            [],
        ),
        # a named site no gazetteer knows, in a town that resolves
        (
            "Greece is deploying a company of up to 120 soldiers, which will be based at Camp "
            "Rilindja in Prizren.",
            [("GRC", 120, "XKX", "Camp Rilindja")],
        ),
        # the count in a clause the parse left under another verb ("dep") keeps its cues
        (
            "The group, set up after its founder died in a crash in 2023, now has some 1,200 "
            "Russian fighters in Libya.",
            [("RUS", 1200, "LBY", None)],
        ),
    ],
)
def test_forces_counted_without_a_verb_of_sending(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun subject takes the nearest subject before it in its sentence
        (
            "Under the truce, Eritrean forces have 30 days to withdraw from northern Ethiopia, "
            "while the Ethiopian army has said it will deploy at least 4,000 soldiers in the "
            "north of the country.",
            [("ETH", 4000, "ETH", None)],
        ),
        (
            "When the EU went into Chad in 2008, it sent some 3,700 troops to protect refugees.",
            [("EU", 3700, "TCD", None)],
        ),
        # "that" takes its antecedent; a source ("according to X") owns nothing
        (
            "Facing them is a Turkish army that, according to Kurdish officials, has some "
            "9,000 troops inside Syria.",
            [("TUR", 9000, "SYR", None)],
        ),
        # the body a force serves with; a country "with" a force
        (
            "About 1,200 peacekeepers serving with the UN's force, UNFICYP, remain in Cyprus.",
            [("UN", 1200, "CYP", None)],
        ),
        (
            "UNIFIL has patrolled southern Lebanon since 1978. Ireland, with about 340 troops "
            "in the mission, is one of its oldest contributors.",
            [("IRL", 340, "LBN", None)],
        ),
        # "respectively" pairs counts and subjects; "and 200 from X" comes from X
        (
            "Chile and Peru will send 200 and 300 soldiers respectively.",
            [("CHL", 200, None, None), ("PER", 300, None, None)],
        ),
        (
            "Some 500 Kenyan troops and about 200 from Rwanda arrived this week in Bangui.",
            [("KEN", 500, "CAF", "Bangui"), ("RWA", 200, "CAF", "Bangui")],
        ),
        # "The country" is the country last named; "to the west" is in it
        (
            "Chad has faced attacks near its border. The country has already deployed about "
            "2,000 of its own soldiers to the west.",
            [("TCD", 2000, "TCD", None)],
        ),
        # a country's presence given by its earlier peak
        (
            "The British presence in the Gulf is down from a peak of nearly 2,000 in 2021.",
            [("GBR", 2000, None, None)],
        ),
        # a region named by its adjective; a region gives no destination
        (
            "Russia continues to keep some 3,000 soldiers in the Abkhazian region.",
            [("RUS", 3000, "GEO", "Abkhazia")],
        ),
        (
            "Britain keeps 100 soldiers in Jordan. It has 300 more troops in Jordan's north. "
            "Britain also approved the deployment of about 1,500 additional troops to the "
            "Middle East.",
            [("GBR", 100, "JOR", None), ("GBR", 300, "JOR", None), ("GBR", 1500, None, None)],
        ),
        # "most of them" hung on another word still takes up the force before it
        (
            "Spain leads the battlegroup in Latvia, where around 600 Spanish troops are "
            "stationed, most of them at Adazi near Riga.",
            [("ESP", 600, "LVA", "Adazi")],
        ),
        # a force sent "along with" a system goes where the system goes
        (
            "He said the NASAMS air-defence battery sent to Ukraine in May, along with about 60 "
            "Norwegian soldiers to operate it, would stay.",
            [("NOR", 60, "UKR", None)],
        ),
        # the next sentence's "They ..., he said" gives the town
        (
            "Norway will deploy 40 military personnel to Lithuania this week. They will work "
            "at a depot in Rukla, he said.",
            [("NOR", 40, "LTU", "Rukla")],
        ),
        # a mission named in the sentence is the country's host, not the country named last
        (
            "Uganda and Rwanda border the region. The UN mission, MONUSCO, still has about "
            "9,000 peacekeepers in the country.",
            [("UN", 9000, "COD", None)],
        ),
    ],
)
def test_owners_and_places_of_long_sentences(nlp, text, expected):
    assert sorted(_rows(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a force with no place goes to the country of its newsletter section; a mission
        # named in another section is not "the first contingent"'s
        (
            "■ LEBANON: UNIFIL stays on for now\n\n• UNIFIL keeps patrolling the south.\n\n"
            "■ MALI: the junta's new partners\n\n"
            "• Turkey confirmed it will send about 500 soldiers, with the first contingent "
            "due in May.\n",
            [("TUR", 500, "MLI", None)],
        ),
        # "in the south" under a country's heading is that country's south
        (
            "■ SYRIA: the army moves north\n\n"
            "• Officials say about 4,000 Syrian soldiers are now deployed in the north.\n",
            [("SYR", 4000, "SYR", None)],
        ),
    ],
)
def test_sections_name_the_destination(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # conditions, inverted or with "if", around the count
        "Were Italy to commit 5,000 soldiers, it would need to keep twice that number ready.",
        "If Norway and Sweden send 8,000 soldiers without a backstop, they will have built a "
        "bluff.",
        # forces needed or promised, ceilings, forces on orders at home
        "Macron said that 50,000 foreign troops would be needed to secure the ceasefire.",
        "The Kenyan police mission still has barely half of the 2,500 officers it was promised.",
        "Kenya leads the force. Its authorised ceiling is 3,000 uniformed personnel.",
        "Separately, about 2,000 US soldiers at Fort Hood, Texas, remain on prepare-to-deploy "
        "orders.",
        "Britain and France discussed a force for Ukraine, which officials have floated at "
        "anywhere between 10,000 and 30,000 troops.",
    ],
)
def test_conditions_needs_and_ceilings(nlp, text):
    """Only the force of the opening sentence is a deployment."""
    assert _rows("Kenya has 1,000 troops in Haiti. " + text) == [("KEN", 1000, "HTI", None)]


def test_compared_count_of_another_noun(nlp):
    """ "65 trucks a day ..., compared with about 400 a day": not the force before."""
    text = (
        "Chad has 1,000 troops on the border. Some 80 trucks a day crossed into Sudan in May, "
        "compared with about 400 a day before the war."
    )
    assert _rows(text) == [("TCD", 1000, None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date of an "as we announced" clause is the count's
        (
            "First, as we announced on Monday, Spain approved the deployment of about 300 "
            "soldiers to Latvia.",
            {300: "2024-05-06"},
        ),
        # a date of a clause describing the place, or of a name's participle, is not
        (
            "About 8,000 US troops are based in Japan, which plans to cut its budget this year.",
            {8000: PUBLISHED},
        ),
        (
            "Mali has deployed about 2,000 soldiers to Menaka under Operation Kepi, launched in "
            "2019.",
            {2000: PUBLISHED},
        ),
        # "this week" is the article's week
        ("Some 300 Polish troops landed this week in Riga.", {300: PUBLISHED}),
        # "That's" does not take up the start of a period; "we'll have" is stated now
        (
            "Since November, the Houthis have attacked 100 ships. The US group remains in the "
            "Red Sea. That's about 3,000 US sailors and Marines.",
            {3000: PUBLISHED},
        ),
        (
            "Germany sent 500 troops to Lithuania on 2 May. With these additions, we'll have "
            "roughly 2,000 German soldiers in Lithuania.",
            {500: "2024-05-02", 2000: PUBLISHED},
        ),
    ],
)
def test_reported_dates_of_comments_and_anaphora(nlp, text, expected):
    rows = extract(text, PUBLISHED)["troop_deployments"]
    assert {r["count"]: r["reported"] for r in rows} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list line labelled "Host (place):" gives destination and location
        (
            "Rotations this spring:\n- Poland (Orzysz): about 700 Croatian soldiers took over "
            "the battalion, with a Romanian company of some 120 troops.",
            [("HRV", 700, "POL", "Orzysz"), ("ROU", 120, "POL", "Orzysz")],
        ),
        # a force drawn from a number of states is multinational
        (
            "The eastern battlegroups now count more than 9,000 troops from 18 Allies.",
            [("NATO", 9000, None, None)],
        ),
        # a country in the name of a multinational formation is not its owner
        (
            "In Estonia, the Multinational Division North is planning drills which will bring "
            "together about 2,000 troops.",
            [("NATO", 2000, "EST", None)],
        ),
        # "the brigade" takes the owner of the brigade named in its sentence or the one before
        (
            "Poland plans a new base. Once built, the brigade will number about 3,500 soldiers, "
            "the first Dutch armoured brigade stationed abroad.",
            [("NLD", 3500, None, None)],
        ),
        # a count in apposition to a unit takes the unit's owner
        (
            "The Swedish battalion, some 600 troops, arrived in Finland.",
            [("SWE", 600, "FIN", None)],
        ),
        # "the Xian region of Country": the region named by its adjective
        (
            "About 900 Russian troops are stationed in the Abkhazian region of Georgia.",
            [("RUS", 900, "GEO", "Abkhazia")],
        ),
        # the number of a force rising from one count to another: both counts, both dated
        (
            "The number of British troops in Estonia rose from about 900 in March 2023 to "
            "roughly 1,700 by May 2023.",
            [("GBR", 900, "EST", None), ("GBR", 1700, "EST", None)],
        ),
        # "the deployment of X troops, estimated at N and concentrated in Y"
        (
            "The deployment of Belarusian troops to Russia, estimated at about 4,000 and massed "
            "in the Bryansk region, worries Kyiv.",
            [("BLR", 4000, "RUS", "Bryansk")],
        ),
        # bare counts "are in X" after a force counted in the sentence before
        (
            "About 30,000 French troops are in Africa. About 1,500 are in Chad and about 600 "
            "in Mali.",
            [("FRA", 30000, None, None), ("FRA", 1500, "TCD", None), ("FRA", 600, "MLI", None)],
        ),
        # "more" serving with a unit; a "US-led" unit is not in the US
        (
            "About 800 Dutch troops are in Lithuania. Roughly 100 more serve with a US-led "
            "battlegroup in Poland.",
            [("NLD", 800, "LTU", None), ("NLD", 100, "POL", None)],
        ),
        # "are reported to be in X"
        ("About 200 Turkish soldiers are reported to be in Qatar.", [("TUR", 200, "QAT", None)]),
    ],
)
def test_host_labels_multinational_totals_and_parts(nlp, text, expected):
    assert sorted(_rows(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # an outgoing force is no deployment
        "The outgoing Polish battalion, about 500 troops, has completed its handover.",
        # the size of an army with no place given
        "For comparison, the regular Dutch Army has about 20,000 trained soldiers.",
    ],
)
def test_outgoing_forces_and_home_armies(nlp, text):
    assert _rows("Spain has 1,000 troops in Latvia. " + text) == [("ESP", 1000, "LVA", None)]


def test_dates_of_a_rising_number(nlp):
    text = (
        "The number of British troops in Estonia rose from about 900 in March 2023 to roughly "
        "1,700 by May 2023."
    )
    rows = extract(text, PUBLISHED)["troop_deployments"]
    assert {r["count"]: r["reported"] for r in rows} == {900: "2023-03", 1700: "2023-05"}


def test_dates_of_an_exercise_to_come(nlp):
    """A drill to come is dated at the start of its period, though that lies after publication."""
    text = (
        "In Poland, the Multinational Corps is preparing for exercise Iron Shield, which will "
        "bring together about 4,000 troops in June."
    )
    rows = extract(text, "2025-02-14")["troop_deployments"]
    assert [(r["origin"], r["count"], r["reported"]) for r in rows] == [("NATO", 4000, "2025-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gapped second clause: its country (parsed as a verb or a name) owns its count
        (
            "Ecuador has deployed eight military medics, and Bolivia two soldiers.",
            [("ECU", 8, None, None), ("BOL", 2, None, None)],
        ),
        (
            "Ecuador has deployed eight soldiers to Haiti, and Bolivia two.",
            [("ECU", 8, "HTI", None), ("BOL", 2, "HTI", None)],
        ),
        (
            "Chile has sent 300 soldiers to Haiti, and Peru 200.",
            [("CHL", 300, "HTI", None), ("PER", 200, "HTI", None)],
        ),
        # "Of those, N rotate through X": a verb the parse took for the counted noun
        (
            "Roughly 20,000 US troops are based in Europe. Of those, about 500 rotate through "
            "Romania at any one time.",
            [("USA", 20000, None, None), ("USA", 500, "ROU", None)],
        ),
        # a count before a force's name counts the noun the name modifies
        (
            "Ghana keeps roughly 800 Ghana Armed Forces (GAF) soldiers in Lebanon.",
            [("GHA", 800, "LBN", None)],
        ),
        # a casualty clause coordinated with a relative clause is another clause
        (
            "According to officials, Iran has sent some 3,000 troops to Syria, most of whom have "
            "been deployed near Aleppo, and around 200 of them have been killed in combat.",
            [("IRN", 3000, "SYR", "Aleppo")],
        ),
        # troops of an alliance's member countries are the alliance's
        (
            "Moscow says about 30,000 troops of the alliance's countries are concentrated in "
            "Poland near its border.",
            [("NATO", 30000, "POL", None)],
        ),
        # more reinforcements to follow take up the force before
        (
            "Russia sent 100 instructors to Mali in May. The defence ministry has said 200 more "
            "are to follow.",
            [("RUS", 100, "MLI", None), ("RUS", 200, "MLI", None)],
        ),
        (
            "Some 2,000 Russian reinforcements arrived in Kursk in March.",
            [("RUS", 2000, "RUS", "Kursk")],
        ),
    ],
)
def test_gapped_clauses_parts_and_owners(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an authorised size, a generic crew, a count of casualties, a withdrawn force, a name
        "The mission is authorized to have up to 3,000 police officers.",
        "A Patriot battery is usually run by about 90 soldiers.",
        "Each HIMARS launcher is operated by three soldiers.",
        "Kyiv put the number of Russian casualties at about 5,000.",
        "In June, Russia completed the withdrawal of its roughly 1,500-strong peacekeeping "
        "contingent from Transnistria, which Moldova had long demanded.",
        "The plan was agreed by the Group of Twenty.",
        "Officials said the strength of the Serbian army will remain at about 25,000 military "
        "personnel this year.",
    ],
)
def test_ceilings_crews_casualties_and_names(nlp, text):
    assert _rows("Kenya has 1,000 troops in Haiti. " + text) == [("KEN", 1000, "HTI", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a site named by its town and a common noun is at the town, also inside another site
        (
            "About 60 Spanish soldiers landed at Dakar airport on Monday.",
            [("ESP", 60, "SEN", "Dakar")],
        ),
        (
            "Germany, which keeps around 100 soldiers at an air transport base at Bamako airport, "
            "will leave.",
            [("DEU", 100, "MLI", "Bamako")],
        ),
        # a named site no gazetteer knows, placed by the description after it
        (
            "Italy still has about 500 soldiers in Niger, most of them at Forward Base Kilo, a "
            "supply base near Agadez.",
            [("ITA", 500, "NER", "Forward Base Kilo")],
        ),
        # "where" after a body named with its place
        (
            "Canada also leads the Multinational Land Forces in Latvia, where about 1,000 Canadian "
            "personnel are currently deployed.",
            [("CAN", 1000, "LVA", None)],
        ),
        # a force on its own side of a border with another country; not at another's borders
        (
            "Finland keeps about 3,000 soldiers on the border with Russia.",
            [("FIN", 3000, "FIN", None)],
        ),
        ("Russia has about 90,000 soldiers at Ukraine's borders.", [("RUS", 90000, None, None)]),
        # "the kingdom" takes up the country, also named by its capital
        (
            "Riyadh values the ties; about 800 Egyptian military personnel are currently posted "
            "in the kingdom.",
            [("EGY", 800, "SAU", None)],
        ),
        # "the country" is not a country acting in the same sentence
        (
            "Brazil leads the mission in Haiti. Chile has sent 300 soldiers, while Peru has about "
            "200 soldiers in the country.",
            [("CHL", 300, None, None), ("PER", 200, "HTI", None)],
        ),
        # a country's capital
        (
            "Some 300 Rwandan soldiers landed in Mozambique's capital on Friday.",
            [("RWA", 300, "MOZ", "Maputo")],
        ),
        # in a story whose placed forces are all in one country, forces sent with no place
        (
            "Kenya has 1,000 police officers in Haiti, and 400 more landed in Port-au-Prince in "
            "May. Chile has deployed 50 soldiers, and Peru has 30 soldiers in the mission.",
            [
                ("KEN", 1000, "HTI", None),
                ("KEN", 400, "HTI", "Port-au-Prince"),
                ("CHL", 50, "HTI", None),
                ("PER", 30, "HTI", None),
            ],
        ),
        # the next sentence takes up the force by its noun; a denied move is no place
        (
            "A contingent of 200 Rwandan soldiers has arrived in Mozambique. The soldiers left "
            "Kigali on Friday and landed at the airport in Pemba on Saturday.",
            [("RWA", 200, "MOZ", "Pemba")],
        ),
        (
            "The US will send 1,000 soldiers to build a pier off Gaza. They will work from ships "
            "and will not go ashore in Gaza.",
            [("USA", 1000, None, None)],
        ),
        # the place of an arrival raising a force to a new total: its country
        (
            "Some 300 Rwandan troops flew out of Kigali on Friday. Their arrival in Pemba will "
            "bring the number of Rwandan soldiers to about 2,500.",
            [("RWA", 300, None, None), ("RWA", 2500, "MOZ", None)],
        ),
    ],
)
def test_places_of_sites_borders_and_missions(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count tied to a period ("in February and March") is dated at its start
        (
            "Russia says its force includes about 5,000 soldiers deployed in the first wave in "
            "February and March this year.",
            {5000: "2024-02"},
        ),
        # a date after a semicolon belongs to the clause after it
        (
            "Spain has about 600 troops in Latvia; in 2022 Madrid promised to raise that number "
            "to 900.",
            {600: PUBLISHED, 900: "2022"},
        ),
        # a past perfect reported by a verb of saying stands for a present perfect
        (
            "Ukraine's intelligence agency said Russia had massed more than 30,000 troops near "
            "Kupiansk.",
            {30000: PUBLISHED},
        ),
        # the date of the next sentence's arrival
        (
            "A contingent of 200 Rwandan soldiers has arrived in Mozambique. The soldiers left "
            "Kigali on Friday and landed at the airport in Pemba on Saturday.",
            {200: "2024-05-04"},
        ),
        # "Their arrival ..." takes up the date before, also over an undated recap
        (
            "The new contingent raises the number of Kenyan officers in Haiti to about 800.\n\n"
            "Some 400 Kenyan officers landed in Port-au-Prince on Saturday. Their arrival brings "
            "the number of Kenyan officers in Haiti to about 800.",
            {800: "2024-05-04", 400: "2024-05-04"},
        ),
        # a speaker quoted again speaks in the statement dated before
        (
            '"We are ready," army spokesman John Okoth said in a statement on Sunday. Another 300 '
            "Kenyan soldiers will leave for Mozambique next month, Mr Okoth said.",
            {300: "2024-05-05"},
        ),
        # an exercise is dated by its period, not by the year naming its edition
        (
            "In Norway, some 4,000 Dutch troops took part in this year's Cold Response exercise, "
            "which ran from March 4 to March 15.",
            {4000: "2024-03-04"},
        ),
        # "in the same month" takes up the month named before
        (
            "Iran fired missiles at Israel in April 2024. In the same month, the Pentagon sent "
            "about 200 soldiers to Israel.",
            {200: "2024-04"},
        ),
        # the month of a dispatch to come is the month the count refers to
        ("Around 120 British personnel will deploy to Estonia in July.", {120: "2024-07"}),
    ],
)
def test_reported_dates_of_periods_clauses_and_speakers(nlp, text, expected):
    rows = extract(text, PUBLISHED)["troop_deployments"]
    assert {r["count"]: r["reported"] for r in rows} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a semicolon closes the count's clause: "wounded" is the next clause's word
        (
            "In 2019, Canada had about 900 soldiers deployed across the region; 12 were wounded "
            "over the years.",
            [("CAN", 900, None, None)],
        ),
        # a "when" clause with its own subject: the main clause's casualty word is not its own
        (
            "In 2016, when the British contingent numbered about 400 troops, a mine injured "
            "three soldiers near Gao.",
            [("GBR", 400, "MLI", "Gao")],
        ),
        # people counted with a force noun, members or medics of an army are troops
        (
            "Spain sent a battalion made up of 600 officers and soldiers to Latvia.",
            [("ESP", 600, "LVA", None)],
        ),
        (
            "A contingent of 300 members of the Indonesian National Army is deployed in Lebanon.",
            [("IDN", 300, "LBN", None)],
        ),
        (
            "Some 90 Egyptian Armed Forces medics are serving at a field hospital in Rafah.",
            [("EGY", 90, "PSE", "Rafah")],
        ),
        # the subject country owns peacekeepers serving with a UN mission
        (
            "Ghana currently has more than 800 peacekeepers serving with UNIFIL.",
            [("GHA", 800, "LBN", None)],
        ),
        # an EU mission's troops are the EU's
        ("The training mission EUTM Somalia numbered up to 200 troops.", [("EU", 200, None, None)]),
        # "an N-member team" counts people, like "N-strong"
        ("Kenya deployed a 150-member team to Haiti.", [("KEN", 150, "HTI", None)]),
        # "the number of X troops ... is close to N"
        (
            "The number of Nepali troops deployed in Lebanon is now close to 900.",
            [("NPL", 900, "LBN", None)],
        ),
        # the crew of a deployed ship is a force sent
        (
            "Denmark has deployed a frigate with about 180 crew members aboard.",
            [("DNK", 180, None, None)],
        ),
        # a bare count that is the subject of a verb of sending takes up the force before it
        (
            "Officials estimate that 3,000 Turkish soldiers are stationed in Iraq, while an "
            "estimated 2,000 are deployed in Syria.",
            [("TUR", 3000, "IRQ", None), ("TUR", 2000, "SYR", None)],
        ),
        # a ship's name is no owner; its prefix names the navy
        (
            "The strike group, which includes the cruiser USS Philippine Sea, is operating in "
            "the Red Sea with about 5,000 sailors aboard.",
            [("USA", 5000, None, "Red Sea")],
        ),
        # "most of them around <town>": around a town places the force
        (
            "Kenya has massed 2,000 troops in the north, most of them around Mandera.",
            [("KEN", 2000, "KEN", "Mandera")],
        ),
    ],
)
def test_clauses_members_crews_and_owners(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the size of an army, however its count is attached
        "Canada's army, estimated at some 60,000 soldiers, needs new rifles.",
        "The regular army, at about 50,000 soldiers, is the smallest in decades.",
        "Spain's own army is growing. It now numbers about 120,000 soldiers.",
        # recruits, a withdrawal, an authorised ceiling, a force a country is able to send
        "The grant will help the Iraqi army recruit some 5,000 new soldiers.",
        "The handover completes the departure of some 200 Belgian soldiers.",
        "The council voted to authorize a force of up to 4,000 personnel for Somalia.",
        "Germany says it can send a brigade of up to 5,000 soldiers to Lithuania at short notice.",
        # "N-member" sizes a unit, not a council or a community of states
        "Kenya said the 15-member council met in Nairobi to discuss sending troops.",
    ],
)
def test_armies_recruits_ceilings_and_abilities(nlp, text):
    assert _rows(text) == []


@pytest.mark.parametrize("kind", WORD_KINDS)
def test_every_word_kind_has_words(kind):
    """A kind the code tests with and models/troop_words.tsv lacks would leave a rule idle."""
    assert troop_words(kind)


def test_unknown_word_kind_fails_loudly():
    with pytest.raises(ResourceError, match="no_such_kind"):
        troop_words("no_such_kind")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region known only by its full name ("the Lac province")
        (
            "Chad has sent about 2,000 soldiers into the Lac province along its border with Niger.",
            [("TCD", 2000, "TCD", "Lac")],
        ),
        # a compass adjective before a region is no part of the location's name
        (
            "About 3,000 Eritrean soldiers remain inside western Tigray.",
            [("ERI", 3000, "ETH", "Tigray")],
        ),
        # "the region" takes up the sub-national place named before
        (
            "Moscow said its contingent would remain in Nagorno-Karabakh. About 1,800 Russian "
            "troops are still stationed in the region.",
            [("RUS", 1800, "AZE", "Nagorno-Karabakh")],
        ),
        # "there" takes up the place the sentence before is about
        (
            "Transnistria, a strip of land beside the Ukrainian border, split from Moldova in "
            "1992. Russia still keeps about 1,200 troops there.",
            [("RUS", 1200, "MDA", "Transnistria")],
        ),
        # ... also when a place of no one country stands beside it
        (
            "Djibouti, in the Horn of Africa, is different. Japan keeps about 200 troops there.",
            [("JPN", 200, "DJI", None)],
        ),
        # the place phrase of a named unit the soldiers belong to
        (
            "Russia keeps about 1,300 soldiers of the so-called Operational Group of Russian "
            "Forces in the Transnistrian region.",
            [("RUS", 1300, "MDA", "Transnistria")],
        ),
        # the site a purpose clause names, in the country the force goes to
        (
            "About 150 British soldiers will deploy to Poland to help protect the supply hub at "
            "Rzeszów.",
            [("GBR", 150, "POL", "Rzeszów")],
        ),
    ],
)
def test_places_taken_up_and_named_regions(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "an N-member team of <army>": the unit's owner, even inside an "On the request of"
        (
            "At the request of the Government of Nepal, a 60-member team of the Indian Army's "
            "medical corps is being flown in on Tuesday.",
            [("IND", 60)],
        ),
        # "an N-member <Name> Force": a unit with a proper name is still sized by its members
        ("Kenya has dispatched a 40-member Engineer Task Force to Malawi.", [("KEN", 40)]),
        # "its troops" / "its army": the actor the pronoun takes up, not the force before
        (
            "Britain will send 300 troops to Estonia. Malaysia's defence ministry said the "
            "first 500 of its troops would deploy to Lebanon.",
            [("GBR", 300), ("MYS", 500)],
        ),
        (
            "Ghana sent 200 soldiers to Mali. Chile, which borders the region, has moved too. "
            "Its army sent 20 trucks north and has doubled its presence in the town of Arica to "
            "about 400 soldiers, officials said.",
            [("CHL", 400), ("GHA", 200)],
        ),
        # the subject of a verb of receiving is the host; "from" names the owner
        ("Belarus will host 300 soldiers from Russia.", [("RUS", 300)]),
        ("Iran has been bringing in about 2,000 fighters from Iraq.", [("IRQ", 2000)]),
        # "on the <X> side": the side a force staffs is its owner's
        (
            "Russia sent 300 troops to Tartus. A joint Russian-Iranian post near the port, "
            "staffed on the Iranian side by about 40 troops, remains open.",
            [("IRN", 40), ("RUS", 300)],
        ),
    ],
)
def test_owners_of_sized_units_pronouns_and_sides(nlp, text, expected):
    assert sorted((r[0], r[1]) for r in _rows(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # repatriated, or flown out of a place abroad: a force leaving, not sent
        "About 1,500 Nepali peacekeepers have been repatriated from the province.",
        "The last 250 Pakistani soldiers flew out of Bunia on Tuesday.",
    ],
)
def test_repatriated_and_flown_out_of_abroad(nlp, text):
    assert _rows(text) == []


def test_a_ceiling_of_personnel_is_no_force(nlp):
    """ "the ceiling of N personnel" is an allowed size; the force beside it still counts."""
    text = "Kenya keeps 900 soldiers in Somalia, below the ceiling of 1,500 military personnel."
    assert [(r[0], r[1]) for r in _rows(text)] == [("KEN", 900)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # flying out of home, or out of one place to another, is a dispatch
        ("Some 300 Rwandan troops flew out of Kigali on Friday.", [("RWA", 300)]),
        ("About 400 Pakistani soldiers were flown out of Karachi to Bunia.", [("PAK", 400)]),
    ],
)
def test_flown_out_of_home_is_sent(nlp, text, expected):
    assert [(r[0], r[1]) for r in _rows(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective complement places its subject like a verb ("remain confined to")
        (
            "About 700 Italian soldiers remain confined to their barracks in Bunia.",
            [("ITA", 700, "COD", "Bunia")],
        ),
        # "most of them" as the subject of a clause: that clause's place phrase
        (
            "Moscow has brought in about 8,000 troops from North Korea, most of them now serving "
            "in Belgorod.",
            [("PRK", 8000, "RUS", "Belgorod")],
        ),
        # "working out of" a site places the force at the site's town
        (
            "Some 350 Dutch troops are in Lithuania, most of them working out of a camp near "
            "Kaunas.",
            [("NLD", 350, "LTU", "Kaunas")],
        ),
        # "most of them" takes up a plural noun, not the singular frontier before it
        (
            "Chad has massed some 4,000 soldiers along its southern frontier, most of them around "
            "Abéché.",
            [("TCD", 4000, "TCD", "Abéché")],
        ),
        # a town the NER reads as a person, placed in the country the phrase names
        (
            "About 150 British soldiers are working at a logistics hub in Kiryat Gat, in southern "
            "Israel.",
            [("GBR", 150, "ISR", "Kiryat Gat")],
        ),
        # the units a force works with: their own place before their country's adjective
        (
            "Officials said some 40 Belarusian instructors were working with Russian artillery "
            "units in Kherson.",
            [("BLR", 40, "UKR", "Kherson")],
        ),
        # a base that houses a force: the base's place phrase
        (
            "The Italian base in Djibouti houses about 90 Italian soldiers.",
            [("ITA", 90, "DJI", None)],
        ),
        # the last word of a longer name is no town of its own ("Airport" in GeoNames)
        (
            "The first 200 Kenyan police officers landed at Jomo Mwangi International Airport in "
            "March.",
            [("KEN", 200, None, None)],
        ),
    ],
)
def test_places_of_clauses_most_and_unlabelled_names(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital as the subject stands for its government, even read as a person
        (
            "After the ambush, N'Djamena sent 2,000 additional soldiers to the Tibesti region.",
            [("TCD", 2000, "TCD", "Tibesti")],
        ),
        # "by X estimates" names the source of the count, not the owner of the force
        (
            "Turkey held talks with Athens in May and has massed, by Greek estimates, some 12,000 "
            "troops near Edirne.",
            [("TUR", 12000, "TUR", "Edirne")],
        ),
        # a force of troops drawn from a number of countries is multinational
        (
            "A force of about 3,200 soldiers from 20 countries has been in Kosovo since 1999.",
            [("NATO", 3200, "XKX", None)],
        ),
        # the relative clause of the unit a force is drawn from places the force
        (
            "About 400 US soldiers from the Ohio National Guard who have been in Poland since May "
            "will come home in June.",
            [("USA", 400, "POL", None)],
        ),
        # small towns of the gazetteer (geo_towns.tsv)
        (
            "Eritrea has massed about 5,000 troops around Senafe.",
            [("ERI", 5000, "ERI", "Senafe")],
        ),
        (
            "About 100 Egyptian soldiers were at the Merowe air base in April.",
            [("EGY", 100, "SDN", "Merowe")],
        ),
    ],
)
def test_capitals_sources_multinational_forces_and_source_units(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tally of peacekeepers sent to many missions over the years
        (
            "Since 2001, India has sent more than 200,000 peacekeepers to over 40 UN missions.",
            [],
        ),
        # a figure put on a death toll counts casualties
        (
            "Nigeria keeps 3,000 troops in Niger. Local sources put the death toll at no fewer "
            "than 35 soldiers.",
            [("NGA", 3000, "NER", None)],
        ),
        # a National Guard's whole size, and fighters "under arms", are forces at home
        ("The Texas National Guard has about 20,000 soldiers and airmen.", []),
        (
            "Iran sent 200 advisers to Yemen. The Houthis say they have some 100,000 fighters "
            "under arms.",
            [("IRN", 200, "YEM", None)],
        ),
    ],
)
def test_tallies_tolls_and_forces_under_arms(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural closing a unit's name is no noun "them" takes up
        (
            "Russia keeps about 1,500 soldiers of the Southern Group of Russian Forces in "
            "Abkhazia, and around 300 of them guard the depot.",
            [("RUS", 1500, "GEO", "Abkhazia"), ("RUS", 300, "GEO", "Abkhazia")],
        ),
        # a part whose own phrase names no country is in the whole's country
        (
            "Russia keeps about 2,000 troops in Abkhazia, around 500 of whom patrol along the "
            "Inguri River.",
            [("RUS", 2000, "GEO", "Abkhazia"), ("RUS", 500, "GEO", None)],
        ),
        # "close to X" says what the force is near, after its own "in" phrase
        (
            "Turkey now has about 8,000 troops in Hatay, close to Aleppo.",
            [("TUR", 8000, "TUR", "Hatay")],
        ),
        # "on the X side" of a joint post says whose; a post "staffed" by a force places it
        (
            "A joint Armenian-Russian checkpoint near Gyumri, staffed on the Russian side by about "
            "40 soldiers, opened in May.",
            [("RUS", 40, "ARM", "Gyumri")],
        ),
        # "south of X": in X's country, not at X
        ("Egypt has deployed 2,000 soldiers north of Aswan.", [("EGY", 2000, "EGY", None)]),
    ],
)
def test_parts_sides_and_compass_places(nlp, text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # reservists called up or mobilised are forces at home
        "Israel approved the call-up of about 60,000 reservists, who will report for duty in May.",
        "Ukraine has mobilised 200,000 soldiers.",
        # a force allowed to be fielded is a ceiling ("up" parsed as a particle)
        "A U.N. Security Council resolution adopted in May endorsed the mission and authorized "
        "it to field up to 9,500 uniformed personnel.",
        # a force sent or flown home is withdrawn
        "Ethiopia sent home about 5,000 soldiers from Somalia in 2024.",
        "About 500 Kenyan officers were flown home in May.",
    ],
)
def test_call_ups_fielded_ceilings_and_forces_sent_home(nlp, text):
    assert _rows(text) == []


def test_home_in_an_apposition_is_no_return(nlp):
    """ "..., home to its base": a description of the place, the force stays."""
    text = "Russia keeps about 3,000 troops in Gyumri, in the north of Armenia, home to its base."
    assert _rows(text) == [("RUS", 3000, "ARM", "Gyumri")]


MANDATES_ARMIES_AND_ELIDED_COUNTS = [
    # a mandate's ceiling is no force sent
    ("The parliament voted a mandate authorizing up to 600 Dutch soldiers for Mali.", []),
    ("The vote would allow up to 900 Dutch soldiers to take part in the mission.", []),
    # an army at home, taken up by "which"
    ("Norway's army, which has 9,000 soldiers, plans to grow.", []),
    # an elided second count beside a placed force
    (
        "In 2023, about 2,000 U.S. troops were deployed in Kuwait, alongside roughly 800 in Qatar.",
        [("USA", 800, "QAT", None), ("USA", 2000, "KWT", None)],
    ),
    # "more than N" after a country's "has" is that country's share, not more of the first
    (
        "Ghana is the largest contributor, with about 900 troops; Kenya, which leads the "
        "eastern sector, has more than 600.",
        [("GHA", 900, None, None), ("KEN", 600, None, None)],
    ),
    # a ship's sailors are its navy's
    (
        "The British destroyer HMS Diamond, with about 200 sailors, is in the Red Sea.",
        [("GBR", 200, None, "Red Sea")],
    ),
]


@pytest.mark.parametrize("text,expected", MANDATES_ARMIES_AND_ELIDED_COUNTS)
def test_mandates_armies_and_elided_counts(nlp, text, expected):
    assert sorted(_rows(text)) == sorted(expected)


OWNER_SITES_AND_LED_FORMATIONS = [
    # a site named in a relative clause of the force's owner
    (
        "Spain, which commands the battlegroup at Camp Adazi, plans to raise its contribution "
        "to up to 900 troops.",
        [("ESP", 900, "LVA", "Camp Adazi")],
    ),
    # a site named in an apposition of the owner, with a participle
    (
        "The French contingent, a small training force headquartered in Niamey, had some "
        "300 personnel last year.",
        [("FRA", 300, "NER", "Niamey")],
    ),
    # the owner's own "at" phrase; a formation one country leads is the alliance's
    (
        "The Dutch-led battlegroup at Tapa was briefly doubled to about 1,400 troops.",
        [("NATO", 1400, "EST", "Tapa")],
    ),
    # a definite unit takes the place the sentence before gives the unit of that name
    (
        "The team will prepare the arrival of Belgium's new regiment, which will be based "
        "mainly in Cincu. When complete, the regiment will number around 1,500 soldiers.",
        [("BEL", 1500, "ROU", "Cincu")],
    ),
    (
        "Sweden's new battalion will be established in Riga on 1 May. Once formed, the "
        "battalion will number about 600 soldiers.",
        [("SWE", 600, "LVA", "Riga")],
    ),
    # a first verb sharing the force's subject names its town in the same country
    (
        "The Polish Brigade, stood up in Vilnius on May 2, will have roughly 2,000 soldiers in "
        "Lithuania by 2027.",
        [("POL", 2000, "LTU", "Vilnius")],
    ),
    # "the exercise" takes up the exercise named before, placed near a town
    (
        "About 200 Dutch marines are taking part in a joint exercise near Klaipeda. The "
        "exercise, which began on 3 May, also involves some 900 Polish soldiers.",
        [("NLD", 200, "LTU", "Klaipeda"), ("POL", 900, "LTU", "Klaipeda")],
    ),
    # a unit with no owner opening the next sentence is the force just sent
    (
        "Kenya will send about 400 more soldiers to Somalia. The new battalion, which will be "
        "based in Kismayo, leaves next week.",
        [("KEN", 400, "SOM", "Kismayo")],
    ),
    # a force the unit joins is not at the unit's site
    (
        "The new battalion, which will be based in Kismayo, joins roughly 1,200 Kenyan troops "
        "already in Somalia.",
        [("KEN", 1200, "SOM", None)],
    ),
    # a relative clause inside the force's own phrase places it
    (
        "Tokyo will dispatch an air force unit of about 40 personnel with two transport "
        "aircraft, which will be based in Yangon.",
        [("JPN", 40, "MMR", "Yangon")],
    ),
    # "their number" is where the force noun it takes up was placed
    (
        "About 2,000 Turkish soldiers are in Syria. Turkey also keeps a presence in Libya, "
        "where Turkish instructors have been working since 2020. In May, the prime minister "
        "put their number at about 700.",
        [("TUR", 700, "LBY", None), ("TUR", 2000, "SYR", None)],
    ),
    # a common noun is no site, whatever a gazetteer's alternate names say
    (
        "North Korea has sent about 14,000 troops to Russia. The tally includes about 11,000 "
        "soldiers deployed in the first wave in October and some 3,000 reinforcements who "
        "arrived in January, the NIS said.",
        [("PRK", 3000, None, None), ("PRK", 11000, None, None), ("PRK", 14000, "RUS", None)],
    ),
    # a site at home is no destination
    (
        "Poland, which hosts the base in Rzeszow, sent 200 soldiers.",
        [("POL", 200, None, None)],
    ),
]


@pytest.mark.parametrize("text,expected", OWNER_SITES_AND_LED_FORMATIONS)
def test_owner_sites_and_led_formations(nlp, text, expected):
    assert sorted(_rows(text)) == sorted(expected)


MOST_PLACED_COUNTRY = [
    # a force with no place goes where most of its origin's forces are
    (
        "Chile sent 300 soldiers to Haiti on Monday. Their arrival in Haiti will bring the "
        "number of Chilean soldiers there to 800. Chile first deployed 500 soldiers in May. "
        "Beyond Haiti, Chile keeps 200 soldiers in Cyprus.",
        [
            ("CHL", 200, "CYP", None),
            ("CHL", 300, "HTI", None),
            ("CHL", 500, "HTI", None),
            ("CHL", 800, "HTI", None),
        ],
    ),
    # a mission's story: a contributor with no place is in the country most forces are in
    (
        "Nepal sent 300 soldiers to Haiti. Spain sent 200 soldiers to Haiti. Peru keeps 100 "
        "soldiers in Cyprus. Guatemala has some 150 soldiers in the mission.",
        [
            ("ESP", 200, "HTI", None),
            ("GTM", 150, "HTI", None),
            ("NPL", 300, "HTI", None),
            ("PER", 100, "CYP", None),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", MOST_PLACED_COUNTRY)
def test_most_placed_country(nlp, text, expected):
    assert sorted(_rows(text)) == sorted(expected)


def _qualified(text: str) -> list[tuple]:
    rows = extract(text, PUBLISHED)["troop_deployments"]
    return sorted((r["origin"], r["count"], r["qualifier"], r["destination"]) for r in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rest of a force whose withdrawn part was just counted
        (
            "Chad had 900 troops in Mali. Some 500 of them have been withdrawn, and the remaining "
            "400 will go by June.",
            [("TCD", 400, "exact", "MLI"), ("TCD", 900, "exact", "MLI")],
        ),
        # a range states no one count
        ("Chad has between 50 and 60 soldiers in Mali.", []),
        # a force that will return home is still deployed; one flown home is not
        (
            "Chad has 900 troops in Mali. Chad has 800 troops in Mali. They replace a battalion "
            "whose 700 Chadian soldiers will return home next week.",
            [
                ("TCD", 700, "exact", "MLI"),
                ("TCD", 800, "exact", "MLI"),
                ("TCD", 900, "exact", "MLI"),
            ],
        ),
        (
            "Chad has 900 troops in Mali. Chad has 800 troops in Mali. Last month 700 Chadian "
            "soldiers were flown home.",
            [("TCD", 800, "exact", "MLI"), ("TCD", 900, "exact", "MLI")],
        ),
    ],
)
def test_remainders_ranges_and_returns(nlp, text, expected):
    assert _qualified(text) == expected
