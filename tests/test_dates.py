"""Dates: the grammar and its resolution on single sentences, and the gold articles' values."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidextract.dates import DateMention, extract_dates, find_published
from aidextract.gold import load_gold
from aidextract.readers import split_front_matter

# A Wednesday: "Tuesday" is the day before, "Friday" two days ahead or five back.
PUBLISHED = "2024-03-13"

# (text, expected values in text order); published = PUBLISHED
CASES = [
    # explicit forms
    ("The package was announced on November 1, 2024.", ["2024-11-01"]),
    ("Russia invaded on 24 February 2022.", ["2022-02-24"]),
    ("It came into force on the 2nd of March 2022.", ["2022-03-02"]),
    ("The deal was signed on 12/21/2022.", ["2022-12-21"]),
    ("The regulation was adopted on 16.05.2024.", ["2024-05-16"]),
    ("The file is dated 2024-03-05.", ["2024-03-05"]),
    ("The pledge was made on Sept. 26, 2023.", ["2023-09-26"]),
    ("The talks ended in August 2021.", ["2021-08"]),
    ("Aid has flowed since 2014.", ["2014"]),
    ("Reinforcements arrived in late December 2023.", ["2023-12"]),
    ("About 3,000 soldiers arrived in the first months of 2025.", ["2025"]),
    ("Output should double by mid-2026.", ["2026"]),
    ("The grant covers the financial year beginning in April 2024.", ["2024-04"]),
    ("The facility covers the years 2024 to 2027.", ["2024", "2027"]),
    ("Canada lent Kyiv money in 2014 and 2015.", ["2014", "2015"]),
    (
        "Deliveries worth €2.75bn were approved between 24 February 2022 and 24 April 2023.",
        ["2022-02-24", "2023-04-24"],
    ),
    ("FEBRUARY 2022: REINFORCEMENTS", ["2022-02"]),
    ("Another tranche came on 03-03-2022, officials said.", ["2022-03-03"]),
    # dateparser reads a dotted date day first, and rejects a day the month lacks
    ("The decree is dated 05.06.2024.", ["2024-06-05"]),
    ("The fund was set up on 31 April 2024.", ["2024-04"]),
    # no year: placed next to the publication date, on the side the tense says
    ("The first tranche arrived on Feb 28.", ["2024-02-28"]),
    ("The first tranche arrived on Feb. 29.", ["2024-02-29"]),
    ("Congress approved the money in April.", ["2023-04"]),
    ("The second tranche is expected in April.", ["2024-04"]),
    ("Troops have been stationed there since August.", ["2023-08"]),
    ("The review, due by the end of June, will show whether the plan works.", ["2024-06"]),
    ("Talks began in early March.", ["2024-03"]),
    ("Russia may attack in May.", ["2024-05"]),
    ("The board met last September.", ["2023-09"]),
    (
        "The council adopted the plan in 2022, and a further loan followed in July.",
        ["2022", "2022-07"],
    ),
    (
        "The process began on 7 March 2022. On 14 March the first payment was made.",
        ["2022-03-07", "2022-03-14"],
    ),
    ("The exercise began on Thursday, 23 February.", ["2023-02-23"]),
    # weekdays
    ("Ministers met on Tuesday.", ["2024-03-12"]),
    ("Ministers met on Wednesday.", ["2024-03-13"]),
    ("He said on Monday that more aid would come.", ["2024-03-11"]),
    ("Current funding runs out on Friday.", ["2024-03-15"]),
    ("Leaders will meet in Brussels on Monday.", ["2024-03-18"]),
    ("Leaders are due to meet on Thursday.", ["2024-03-14"]),
    ("Trump said he would meet Zelensky on Friday.", ["2024-03-15"]),
    ("Kyiv signed the agreement last Saturday.", ["2024-03-09"]),
    # a date before the subject of a reported clause tells when it was said
    (
        "Separately, Luxembourg said on Thursday it would provide a further 12 million euros "
        "for Ukraine's air defence.",
        ["2024-03-07"],
    ),
    ("He said Kyiv would receive the money on Friday.", ["2024-03-15"]),
    # the present and the perfect take the nearer day; a caption's present tells of the past
    ("Ministers meet again on Thursday.", ["2024-03-14"]),
    ("Soldiers train near Kharkiv on Monday.", ["2024-03-11"]),
    ("Engineers test a reconnaissance drone on Thursday. (Photo: Reuters)", ["2024-03-07"]),
    ("Photo: Troops arrive in Lviv on Thursday.", ["2024-03-07"]),
    ("Troops arrive in Lviv on Thursday.", ["2024-03-14"]),
    (
        "Leaders have confirmed attendance at the summit on Saturday and Sunday.",
        ["2024-03-16", "2024-03-17"],
    ),
    ("Thursday's vote was close.", ["2024-03-07"]),
    # relative phrases
    ("The bill passed last week.", ["2024-03"]),
    ("Officials said last month that stocks were low.", ["2024-02"]),
    ("Earlier this month, NATO said the plan was ready.", ["2024-03"]),
    ("Another €300 million is due next week.", ["2024-03"]),
    ("The summit takes place next month.", ["2024-04"]),
    ("Training will start next year.", ["2025"]),
    ("The fund was created last year.", ["2023"]),
    ("Parliament gave its consent yesterday.", ["2024-03-12"]),
    ("Today, the President signed the bill.", ["2024-03-13"]),
    ("Zelensky today signed a decree.", ["2024-03-13"]),
    ("The war began three years ago.", ["2021"]),
    ("In October last year the Commission announced a plan.", ["2023-10"]),
    ("Elections are due on 5 May next year.", ["2025-05-05"]),
    (
        "The board approved a loan on 7 March. Two days later the IMF followed.",
        ["2024-03-07", "2024-03-09"],
    ),
    (
        "A ship docked on 5 March. A week earlier, Berlin had pledged tanks.",
        ["2024-03-05", "2024-02-27"],
    ),
    (
        "Lambrecht visited on 11 October 2022, after a promise made earlier that month.",
        ["2022-10-11", "2022-10"],
    ),
    ("A soldier captured on 6 March died the following day.", ["2024-03-06", "2024-03-07"]),
    ("Talks opened on 1 March 2023; twenty days later they failed.", ["2023-03-01", "2023-03-21"]),
    (
        "Talks opened on 1 March 2023; twenty-one days later they failed.",
        ["2023-03-01", "2023-03-22"],
    ),
    ("Talks opened on 1 March 2023; a month later they failed.", ["2023-03-01", "2023-04"]),
    (
        "Talks opened on 1 March 2023; two days after that they failed.",
        ["2023-03-01", "2023-03-03"],
    ),
    ("The ministry approved the plan in 2023. The IMF followed a year later.", ["2023", "2024"]),
    ("Kyiv announced new aid. One day before the announcement, Blinken spoke.", ["2024-03-12"]),
    # an offset from an event the text does not date, or from a figure compared with, is none
    (
        "Germany pledged tanks on 12 March. The pledge came a week after troops crossed the "
        "border on March 5.",
        ["2024-03-12", "2024-03-05"],
    ),
    (
        "Kyiv set a budget in 2022. Four years after Russia's invasion, the front is static.",
        ["2022"],
    ),
    (
        "Embassies closed on 12 March. The warning came a day after Ukraine marked the 1,000th "
        "day of the war.",
        ["2024-03-12"],
    ),
    ("A week after the invasion, NATO met.", []),
    ("One day before the vote, Blinken spoke.", []),
    (
        "Kyiv set a budget in 2023. The cost is $524 billion, up from $486 billion a year earlier.",
        ["2023"],
    ),
    ("Kyiv set a budget in 2023. Exports rose 5% from a year earlier.", ["2023"]),
    # ranges: one date per end
    ("Drills were held between 10 and 20 February.", ["2024-02-10", "2024-02-20"]),
    (
        "Talks ran on 3-4 March 2023 and on Feb. 24-25.",
        ["2023-03-03", "2023-03-04", "2024-02-24", "2024-02-25"],
    ),
    ("The programme runs from 2024 through 2027.", ["2024", "2027"]),
    ("The 2024-2027 budget was approved.", ["2024", "2027"]),
    # non-native English
    ("The European Union announced the 28 february a new help.", ["2024-02-28"]),
    ("N'Djamena, 7 march 2024 (Tchad Horizon). The parliament approved.", ["2024-03-07"]),
    ("Refugees arrived since April of last year.", ["2023-04"]),
    ("This Wednesday the minister informed in Budapest.", ["2024-03-13"]),
    ("In Thursday, 23 February, the government took the decision.", ["2023-02-23"]),
    ("The Energy Support Fund was created in 2022 year.", ["2022"]),
    # "until" points ahead unless the act is simply past
    ("Germany has extended until December the deployment of two Patriot units.", ["2024-12"]),
    ("The troops stayed until January.", ["2024-01"]),
    # counts and quantities are no years
    ("They sent 1900 tanks over about 1850 km.", []),
    ("Germany set aside 9 billion euros in its draft 2026 budget.", ["2026"]),
    # not dates
    ("The Allied Resolve 2022 drills ended.", []),
    ("Russia and Belarus began their Zapad-2025 exercise.", []),
    ("Trending: Hurricane Helene • Election 2024", []),
    ("ANALYSIS | Security | 9 min read", []),
    ("The war has lasted two years.", []),
    ("Several days later, and many years ago, the 5th brigade came.", []),
    ("This week, ministers met again.", []),
    ("Prices rose in recent months and may rise in the coming days.", []),
    ("Over the past week the front barely moved.", []),
    ("21:40 GMT — Biden speaks", []),
    ("Fighting slowed in the spring and through the autumn.", []),
    ("The reforms of the 1990s failed, and the 1920-ies were worse.", []),
    ("It was the war's second year.", []),
    ("Theresa May said nothing, and April Ryan reported it.", []),
    ("Black Friday sales were weak.", []),
    ("Today's Ukraine could be tomorrow's East Asia.", []),
    ("By the Podillia Today newsroom\n\nAid arrived.", []),
    ("She told the Today programme that aid would come.", []),
    ("Kyiv had spent months asking for Patriots.", []),
    ("© 2024 NewsHub Media LLC. All rights reserved.", []),
]


# (published, text, expected): the year from the paragraph's dates, or from publication
CONTEXT_CASES = [
    (
        "2023-06-20",
        "Russia invaded Ukraine on 24 February 2022.\n\nIn March, Kyiv asked for jets.",
        ["2022-02-24", "2023-03"],
    ),
    (
        "2023-06-20",
        "Russia invaded Ukraine on 24 February 2022. In March, Kyiv asked for jets.",
        ["2022-02-24", "2022-03"],
    ),
    # a chronicle ends at a sentence in the present, and only a main clause moves it
    (
        "2024-03-04",
        "In 1956, Japan restored ties with Moscow. Officials do not need lectures. "
        "The minister said as much in January.",
        ["1956", "2024-01"],
    ),
    (
        "2024-03-04",
        "In 1956, Japan restored ties with Moscow. In October, Soviet tanks entered Budapest.",
        ["1956", "1956-10"],
    ),
    (
        "2024-02-01",
        "Leaders approved a fund that will run from 2024 to 2027. The first money could flow "
        "in March.",
        ["2024", "2027", "2024-03"],
    ),
    (
        "2025-12-19",
        "The facility replaces a program approved in March 2023. Staff had reached an agreement "
        "in late October.",
        ["2023-03", "2025-10"],
    ),
    # a list item is a fact of its own
    (
        "2025-03-04",
        "• In 2024, Canada lent Ukraine $5 billion.\n• On February 24, Ottawa announced $25m.",
        ["2024", "2025-02-24"],
    ),
    (
        "2024-03-13",
        "Since 24 February 2022, the EU has provided €100bn. On 1 February, leaders added more.",
        ["2022-02-24", "2024-02-01"],
    ),
    (
        "2024-06-10",
        "The invasion began on 24 February 2022. By April, Russian forces had left Kyiv.",
        ["2022-02-24", "2022-04"],
    ),
    (
        "2024-12-31",
        "By June 2022, aid committed since Feb. 24 stood at $6.1B.",
        ["2022-06", "2022-02-24"],
    ),
    # a period running to now counts from now, whatever date the sentence tells before it
    (
        "2025-11-05",
        "Washington, which gave $135 million in October 2024, has frozen new projects since "
        "January.",
        ["2024-10", "2025-01"],
    ),
    (
        "2024-12",
        "• 13 May 2023: a €2.7 billion package.\n• Contents of the May package: tanks.",
        ["2023-05-13", "2023-05"],
    ),
    (
        "2024-02-28",
        "The process started in June 2023. Leaders agreed on the package on 1 February.",
        ["2023-06", "2024-02-01"],
    ),
    (
        "2022-10-17",
        "The envelope was topped up in 2022:\n\n- Feb 28: €500m\n- Oct 17: €500m",
        ["2022", "2022-02-28", "2022-10-17"],
    ),
    (
        "2025-01-15",
        "Biden's term ends on Jan. 20. He approved a package on Dec. 30.",
        ["2025-01-20", "2024-12-30"],
    ),
    (
        "2021-12-04",
        "Russia gathered troops in April and can attack at the end of January.",
        ["2021-04", "2022-01"],
    ),
    (
        "2024-11-01",
        "The U.S. announced $425 million on November 1, 2024. Kyiv was hit on March 6, 2024.\n\n"
        "One day before the announcement, Blinken spoke.",
        ["2024-11-01", "2024-03-06", "2024-10-31"],
    ),
]


@pytest.mark.parametrize("published,text,expected", CONTEXT_CASES)
def test_context(nlp, published, text, expected):
    assert _values(nlp, text, published) == expected


def _values(nlp, text: str, published: str | None = PUBLISHED) -> list[str]:
    return [m.value for m in extract_dates(nlp(text), published)]


@pytest.mark.parametrize("text,expected", CASES)
def test_forms(nlp, text, expected):
    assert _values(nlp, text) == expected


def test_mention_fields(nlp):
    text = "Ministers met on Tuesday and again on 21st December, 2022."
    tuesday, explicit = extract_dates(nlp(text), PUBLISHED)
    assert tuesday == DateMention("Tuesday", 17, 24, "2024-03-12", "day", True)
    assert explicit.text == "21st December, 2022"
    assert text[explicit.start_char : explicit.end_char] == explicit.text
    assert (explicit.granularity, explicit.relative) == ("day", False)


def test_granularity(nlp):
    mentions = extract_dates(nlp("In 2022, and in August 2021, and on Feb 28."), PUBLISHED)
    assert [m.granularity for m in mentions] == ["year", "month", "day"]


def test_without_published_the_dateline_anchors(nlp):
    text = "KYIV, 4 December 2021 (Agency). Ministers met on Friday."
    assert _values(nlp, text, None) == ["2021-12-04", "2021-12-03"]


def test_byline_timestamp_sets_published_but_is_no_date(nlp):
    text = (
        "Headline\n\nBy Wire Desk | 25 Feb 2022, 06:12 GMT | 4 min read\n\nTroops moved on Monday."
    )
    assert find_published(text) == "2022-02-25"
    assert _values(nlp, text, None) == ["2022-02-21"]


def test_link_list_is_furniture(nlp):
    text = (
        "Aid rose on Monday.\n\nMORE FROM NEWSHUB\n"
        "• Oil jumps for the first time since 2014 - 24 Feb 2022\n"
    )
    assert _values(nlp, text) == ["2024-03-11"]


PUBLISHED_CASES = [
    ("WASHINGTON (Agency - 21st December, 2022): The United States said", "2022-12-21"),
    ("FOR IMMEDIATE RELEASE\n\nWASHINGTON — March 16, 2022\n\nToday, the President", "2022-03-16"),
    ("LIVE | Ukraine crisis\nFriday 18 February 2022\nRefresh for updates", "2022-02-18"),
    ("FACT SHEET\nNATO's flank\nUpdated 1 July 2022\n\nBEFORE THE INVASION", "2022-07-01"),
    ("FACT SHEET\nCompiled from announcements | Status: December 2024\n", "2024-12"),
    ("Headline\n\n24.02.2023 | 11:40 | Economy\n\nNorway will give", "2023-02-24"),
    ("Kiev, 4 December 2021 (UkrInfoNews). The Russian Federation is preparing", "2021-12-04"),
    ("LUXEMBOURG, Oct 17 (CWS) - Ministers approved a tranche, the sixth in 2022.", "2022-10-17"),
    ("Issue 37 | Friday, 11 March 2022\nSecurity and aid", "2022-03-11"),
    # no dateline: the latest full date stated
    (
        "OPINION\n\nOn 3 March 2024 Berlin pledged tanks; on 10 March 2024 it sent them.",
        "2024-03-10",
    ),
    # a timeline entry or "as of" line is no dateline
    ("• 24 February 2022: Russia invades and NATO activates its defence plans\n", "2022-02-24"),
    ("Figures as of 3 February 2025\n\nThe loan of 12 January 2025 was the largest.", "2025-02-03"),
    ("No dates at all here.", None),
]


@pytest.mark.parametrize("text,expected", PUBLISHED_CASES)
def test_find_published(text, expected):
    assert find_published(text) == expected


@pytest.mark.parametrize(
    "metadata,expected",
    [
        ("2022-03-17", "2022-03-17"),
        ("2022-03", "2022-03"),
        ("2022-03-17T23:30:00-05:00", "2022-03-17"),
    ],
)
def test_find_published_prefers_metadata(metadata, expected):
    assert find_published("WASHINGTON — March 16, 2022", metadata) == expected


# ---------------------------------------------------------------- the gold articles

GOLD = load_gold(Path(__file__).parent / "gold")
# stem -> why extract_dates misses some of that article's gold values (none at present)
KNOWN_MISSES: dict[str, str] = {}
# Micro F1 over the 28 gold articles when this file was written: 1.000. The rules were written
# reading dev-01..20 and new-05/07, so unseen articles score lower (new-01..08 before any fix for
# them: 0.954). The floor catches regressions.
F1_FLOOR = 0.98


def _front_published(text: str) -> str | None:
    return split_front_matter(text)[0].get("published")


@pytest.fixture(scope="module")
def gold_runs(nlp) -> dict[str, tuple[set[str], set[str], str | None]]:
    """stem -> (predicted values, gold values, find_published of the body)."""
    runs = {}
    for stem, art in GOLD.items():
        published = find_published(art.body, _front_published(art.text))
        found = {m.value for m in extract_dates(nlp(art.body), published)}
        runs[stem] = (found, {d["value"] for d in art.labels["dates"]}, published)
    return runs


def _gold_param(stem: str):
    reason = KNOWN_MISSES.get(stem)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(stem, marks=marks, id=stem)


@pytest.mark.parametrize("stem", [_gold_param(s) for s in GOLD])
def test_gold_recall(gold_runs, stem):
    found, gold, _ = gold_runs[stem]
    assert sorted(gold - found) == []


# find_published falls back to the most salient full date (issue 5); FORMAT.md's labels leave
# `published` null when the article states none
NO_STATED_DATE = pytest.mark.xfail(strict=True, reason="no stated date; fallback differs")


@pytest.mark.parametrize(
    "stem", [pytest.param(s, marks=NO_STATED_DATE) if s == "h-06" else s for s in GOLD]
)
def test_gold_published(gold_runs, stem):
    assert gold_runs[stem][2] == GOLD[stem].labels["published"]


def test_gold_f1_floor(gold_runs):
    tp = sum(len(found & gold) for found, gold, _ in gold_runs.values())
    n_pred = sum(len(found) for found, _, _ in gold_runs.values())
    n_gold = sum(len(gold) for _, gold, _ in gold_runs.values())
    precision, recall = tp / n_pred, tp / n_gold
    assert 2 * precision * recall / (precision + recall) >= F1_FLOOR


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday a period runs to lies ahead
        ("Qatar says truce extended to Thursday morning.", "2023-11-27", ["2023-11-30"]),
        ("The ceasefire will hold until Friday, officials said.", "2023-11-27", ["2023-12-01"]),
        # an earlier level's month is past, whatever the tense of the sentence
        (
            "KFOR currently numbers about 4,700 troops, up from some 4,300 in January.",
            "2025-10-14",
            ["2025-01"],
        ),
        # a period's end sets no year for the next sentence's bare day
        (
            "The memorandum promises Israel $38 billion through 2028. The same Jan. 30 bill "
            "carries $3.3 billion.",
            "2026-02-10",
            ["2028", "2026-01-30"],
        ),
    ],
)
def test_periods_and_earlier_levels(nlp, text, published, expected):
    from aidextract.dates import extract_dates

    assert [d.value for d in extract_dates(nlp(text), published)] == expected


def test_a_timelines_year_line_gives_its_entries_their_year(nlp):
    text = (
        "Here are key dates over the past two years:\n\n2023\n\n"
        "Feb. 23 - Officials say the Pentagon will send 200 troops.\n\n"
        "Nov. 15 - The two leaders meet in Woodside.\n\n2024\n\n"
        "Jan. 13 - Lai Ching-te wins the election.\n"
    )
    assert _values(nlp, text, "2024-12-21") == [
        "2023",
        "2023-02-23",
        "2023-11-15",
        "2024",
        "2024-01-13",
    ]
