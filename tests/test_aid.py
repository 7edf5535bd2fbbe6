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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gapped coordination: the actor before the amount gives it
        (
            "Sweden pledged SEK 13.5bn, the Netherlands €350m, and Denmark $200 million in "
            "military aid for Ukraine.",
            {("SWE", 1.35e10, "UKR"), ("NLD", 3.5e8, "UKR"), ("DNK", 2e8, "UKR")},
        ),
        (
            "Norway gave Ukraine NOK 2 billion in military aid and Finland €100 million.",
            {("NOR", 2e9, "UKR"), ("FIN", 1e8, "UKR")},
        ),
        # an entity run into a live blog's bullet and time still names its actor
        ("• 16:30 Dutch add €350m in military aid for drones for Ukraine", {("NLD", 3.5e8, "UKR")}),
        # own spending and estimates are no aid; spending for a recipient is
        ("France spends about €80m a year keeping its troops in Romania.", set()),
        (
            "Poland will spend 4.8% of GDP on defence this year, about 200 billion zlotys, "
            "while sending aid to Ukraine.",
            set(),
        ),
        (
            "The UK will spend £3bn a year on military aid to Ukraine.",
            {("GBR", 3e9, "UKR")},
        ),
        (
            "The EU has provided aid to Kyiv, and the World Bank puts Ukraine's reconstruction "
            "bill at more than $520bn.",
            set(),
        ),
        (
            "The Pentagon followed with a military aid package for Ukraine valued at up to "
            "$2.5 billion.",
            {("USA", 2.5e9, "UKR")},
        ),
        # a price is no aid, whatever military word stands near
        ("His firm sells its drones for Ukraine for around €30,000 apiece.", set()),
    ],
)
def test_who_gives_and_what_is_no_aid(text, expected):
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert {(r["donor"], r["amount"], r["recipient"]) for r in rows} == expected


def test_a_restatement_says_better_what_the_package_is():
    text = (
        "Sweden unveils 13.5 billion kronor package\n\n"
        "Sweden will give Ukraine military aid worth 13.5 billion Swedish kronor, its largest "
        "package yet.\n\n"
        "EU pays out €4.1bn\n\n"
        "The European Commission disbursed €4.1bn in loans to Ukraine on Wednesday."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert {(r["donor"], r["amount"], r["kind"]) for r in rows} == {
        ("SWE", 1.35e10, "military"),
        ("EU", 4.1e9, "financial"),
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Norway announced NOK 1.35 billion for long-range drones for Ukraine.", "military"),
        ("Canada gave Ukraine $80 million for armoured vehicles.", "military"),
        ("The IMF agreed to lend Ukraine $2.2 billion.", "financial"),
        ("Japan gave Ukraine $5 million for shelter and medicine.", "humanitarian"),
    ],
)
def test_kind_from_what_the_money_buys(text, kind):
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [r["kind"] for r in rows] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several recipients in one phrase: no one recipient, no row
        (
            "Biden signed a $95 billion foreign aid package that sends weapons and money to "
            "Ukraine, Israel and Taiwan.",
            set(),
        ),
        # many givers no actor names: no one donor
        ("Donors committed about €267bn to Ukraine between 2022 and 2024.", set()),
        # "the Israel portion": the country a part is for
        (
            "The United States approved the aid bill. The Israel portion, $26.4 billion in "
            "military aid, reflects the war in Gaza.",
            {("USA", 2.64e10, "ISR")},
        ),
        # the place of the purpose receives
        (
            "The Asian Development Bank approved a $250 million grant for food security in "
            "Afghanistan.",
            {("ADB", 2.5e8, "AFG")},
        ),
        # an addressee is no recipient
        (
            "The US Congress passed the bill. It also gives Ukraine $9.5 billion in economic "
            "assistance, a concession to House Speaker Mike Johnson.",
            {("USA", 9.5e9, "UKR")},
        ),
        # money for the donor's own forces or industry
        (
            "The US bill gives $60 billion in military aid to Ukraine. Another $11.3 billion pays "
            "for current U.S. military operations in Europe.",
            {("USA", 6e10, "UKR")},
        ),
        # a word of aid beside the amount carries the recipient
        (
            "The US approved a bill that includes $2 billion in Foreign Military Financing for "
            "Taiwan.",
            {("USA", 2e9, "TWN")},
        ),
        (
            "Congress has approved about $175 billion for Ukraine since the invasion.",
            {("USA", 1.75e11, "UKR")},
        ),
        # a country right after an amount's "for" receives it, whatever the parse joins
        (
            "Norway's foreign minister has announced new humanitarian aid: €30m for Gaza and "
            "€15m for Lebanon, where many remain displaced.",
            {("NOR", 3e7, "PSE"), ("NOR", 1.5e7, "LBN")},
        ),
        # a lender reviewing a country's loan programme gives it; the owner receives
        (
            "The International Monetary Fund completed a review of Kenya's $3.6 billion loan "
            "programme last week.",
            {("IMF", 3.6e9, "KEN")},
        ),
        # a clause on the subject names no giver
        (
            "The European Commission set up a facility for Moldova in 2024. The Facility, "
            "known in Chișinău as the Growth Plan, foresees up to 1.9 billion euro for Moldova, "
            "of which 400 million euro are grants.",
            {("EU", 1.9e9, "MDA"), ("EU", 4e8, "MDA")},
        ),
        # "the Bank" after the World Bank is the World Bank
        (
            "- Germany. Germany gave a grant of MDL 10 million for schools in Moldova.\n"
            "- World Bank. On 2 May the Bank approved a loan of 40 million USD for roads in "
            "Moldova.",
            {("DEU", 1e7, "MDA"), ("WB", 4e7, "MDA")},
        ),
        # a "from" phrase on the aid gives, before the clause's subject
        (
            "Jordan's army chief spoke on Monday. He said the government wants to hire 2,000 "
            "more soldiers, helped by $40m in military assistance from Qatar to Jordan, "
            "announced in January.",
            {("QAT", 4e7, "JOR")},
        ),
        # a country opening the clause receives when no phrase names a receiver
        (
            "In Somalia, the EU has provided more than €500 million in humanitarian aid "
            "since 2015.",
            {("EU", 5e8, "SOM")},
        ),
    ],
)
def test_one_recipient_one_donor_and_whom_money_serves(text, expected):
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert {(r["donor"], r["amount"], r["recipient"]) for r in rows} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative pronoun's antecedent gives
        (
            "Poland lends Moldova PLN 450 million. The project is co-financed by the European "
            "Investment Bank (EIB), which signed its loan of EUR 50 mln to Moldova in December.",
            {("POL", 4.5e8, False), ("EIB", 5e7, False)},
        ),
        # an acronym-led body is that body
        (
            "The IMF Executive Board completed the review of the programme for Moldova, which "
            "allows immediate disbursement of SDR 43.3 mln.",
            {("IMF", 4.33e7, False)},
        ),
        # "of the total" names a part, not a running total
        (
            "Japan pledged ¥100 billion in aid for Ukraine. Of the total, ¥45 billion will be used "
            "to guarantee a World Bank loan.",
            {("JPN", 1e11, False), ("JPN", 4.5e10, False)},
        ),
        # a past period "between ... and ..." is a running total
        (
            "The United States allocated about $119bn in aid to Ukraine between January 2022 and "
            "December 2024.",
            {("USA", 1.19e11, True)},
        ),
        # a "since" clause about something else makes no running total; a year naming a thing
        (
            "The United States announced $1.85 billion in new military aid for Ukraine, hours "
            "before Zelensky arrived on his first trip since Russia invaded it.",
            {("USA", 1.85e9, False)},
        ),
        (
            "The US promised $38 billion in military aid to Israel in a 2016 agreement.",
            {("USA", 3.8e10, False)},
        ),
        # a period on the subject of the amount's verb makes a running total
        (
            "With the new package, Norway's military support to Ukraine since February 2022 "
            "will reach about 80 billion kroner ($7.9 billion), the government said.",
            {("NOR", 8e10, True)},
        ),
        # a list line restated in the text as a running total is one
        (
            "Germany: €28bn\n\nBerlin says it has committed about €28bn in military aid to "
            "Ukraine since 2022.",
            {("DEU", 2.8e10, True)},
        ),
        # the total a "bringing" clause reaches is its own amount, and a year in a clause of
        # its own dates that clause
        (
            "Norway said it would provide 40 million kroner in humanitarian aid to Sudan, "
            "bringing its total aid to Sudan since the war began in 2023 to 900 million kroner.",
            {("NOR", 4e7, False), ("NOR", 9e8, True)},
        ),
        # a relative clause with its own date keeps its own time
        (
            "Washington, which gave $135 million in energy aid to Moldova in October 2024, has "
            "frozen most new projects since January.",
            {("USA", 1.35e8, False)},
        ),
        # a "since" clause of time before a perfect
        (
            "Since Armenia joined the World Bank, the Bank has committed more than $3 billion "
            "to Armenia, mostly as loans.",
            {("WB", 3e9, True)},
        ),
        # money asked for is no aid
        (
            "The EU gave €20m in humanitarian aid to Chad on Monday. UNHCR needs US$ 409.6 "
            "million for its operations in Chad in 2025.",
            {("EU", 2e7, False)},
        ),
        # a conversion after the package's noun is the same package
        (
            "The World Bank approved a $250 million grant (around €230 million) to Niger.",
            {("WB", 2.5e8, False)},
        ),
        # the outcome of a condition is no aid
        (
            "If France gave at Danish rates, its military aid to Ukraine would be closer to "
            "€9bn, analysts calculate.",
            set(),
        ),
        # table rows of past years' figures are those years' totals
        (
            "UK military support to Ukraine by year:\n\n| Year | Amount |\n|---|---|\n"
            "| 2023 | £2.3 billion |\n| 2024 | £2.3 billion |\n| 2025 | £3 billion |\n",
            {("GBR", 2.3e9, True), ("GBR", 3e9, False)},
        ),
        # a line label naming a body the aid goes through is no giver
        (
            "Canada will give 5 million dollars in emergency aid to Malawi, through the World "
            "Food Programme (WFP) and UNICEF.\n\n- WFP: 3 million dollars for food\n"
            "- UNICEF: 2 million dollars for water and sanitation",
            {("CAN", 5e6, False), ("CAN", 3e6, False), ("CAN", 2e6, False)},
        ),
        # an unlabeled country before a gapped amount
        (
            "At the conference, the European Union pledged €522 million and Germany €125 million "
            "in humanitarian aid for Sudan.",
            {("EU", 5.22e8, False), ("DEU", 1.25e8, False)},
        ),
    ],
)
def test_givers_parts_and_running_totals(text, expected):
    rows = extract(text, published="2025-03-13")["aid_packages"]
    assert {(r["donor"], r["amount"], r["cumulative"]) for r in rows} == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Japan will provide ¥2.5 billion in emergency grant aid for shelter kits for Ukraine.",
            "humanitarian",
        ),
        ("The World Bank approved a $500 million grant for Ukraine.", "financial"),
    ],
)
def test_a_grant_is_financial_only_by_itself(text, kind):
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [r["kind"] for r in rows] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Estonia and Latvia will contribute EUR 5 million each to Ukraine.",
            {("EST", 5e6, "UKR"), ("LVA", 5e6, "UKR")},
        ),
        (
            "The Kiel Institute, a German research group, estimates French military aid to "
            "Ukraine since 2022 at about 5 billion euros.",
            {("FRA", 5e9, "UKR")},
        ),
        ("The State Department approved $11.1 billion in arms sales to Taiwan.", set()),
        (
            "Britain says its military support for Ukraine will reach 4.5 billion pounds this "
            "year.",
            {("GBR", 4.5e9, "UKR")},
        ),
        (
            "Aid has continued in a trickle: America still gave Niger some $200m in humanitarian "
            "aid last year.",
            {("USA", 2e8, "NER")},
        ),
        (
            "The US approved aid to Taiwan. Counting everything, Taiwan has received roughly "
            "$2.4 billion in American military aid since 2023.",
            {("USA", 2.4e9, "TWN")},
        ),
        (
            "On April 1, the Government of Japan decided to extend Emergency Grant Aid of "
            "approximately 900 million yen for humanitarian assistance to people affected by the "
            "earthquake in Myanmar.",
            {("JPN", 9e8, "MMR")},
        ),
        (
            "Poland will grant Moldova a credit line. Lithuania pledged EUR 5 mln in grants for "
            "schools in Gagauzia and Estonia EUR 1.5 mln for the grid operator.",
            {("LTU", 5e6, "MDA"), ("EST", 1.5e6, "MDA")},
        ),
    ],
)
def test_each_estimates_sales_receivers_and_purposes(text, expected):
    rows = extract(text, published="2025-06-26")["aid_packages"]
    assert {(r["donor"], r["amount"], r["recipient"]) for r in rows} == expected


def test_a_breakdown_list_names_channels_not_givers():
    text = (
        "1. On April 1, the Government of Japan decided to extend Emergency Grant Aid of "
        "approximately 900 million yen for humanitarian assistance to people affected by the "
        "earthquake that struck central Myanmar.\n\n"
        "2. The breakdown of the assistance is as follows:\n"
        "(1) WFP: US$2.5 million for food assistance\n"
        "(2) UNICEF: US$1.5 million for safe drinking water\n\n"
        "3. Japan's Emergency Grant Aid was also extended to Lebanon last year."
    )
    rows = extract(text, published="2025-04-01")["aid_packages"]
    assert {(r["donor"], r["recipient"], r["amount"]) for r in rows} == {
        ("JPN", "MMR", 9e8),
        ("JPN", "MMR", 2.5e6),
        ("JPN", "MMR", 1.5e6),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an indirect object right before the amount receives; it is no gapped giver
        (
            "The United States signed a memorandum in 2016. It promises Israel $38 billion in "
            "military aid through 2028.",
            {("USA", 3.8e10, "ISR")},
        ),
        # money to support a budget is aid
        (
            "Canada pledged a 2.3 billion Canadian dollar loan to support Ukraine's budget.",
            {("CAN", 2.3e9, "UKR")},
        ),
        # a named programme of aid carries its recipient
        (
            "The US spending bill carries $3.3 billion in Foreign Military Financing for Israel.",
            {("USA", 3.3e9, "ISR")},
        ),
    ],
)
def test_indirect_objects_budgets_and_named_programmes(text, expected):
    rows = extract(text, published="2025-06-26")["aid_packages"]
    assert {(r["donor"], r["amount"], r["recipient"]) for r in rows} == expected


def test_a_date_after_the_article_announces_nothing():
    text = (
        "Estonia and Latvia will contribute EUR 5 million each to Ukraine, while Lithuania is "
        "expected to decide on a new contribution in October."
    )
    rows = extract(text, published="2025-09-17")["aid_packages"]
    assert {(r["donor"], r["announced"]) for r in rows} == {
        ("EST", "2025-09-17"),
        ("LVA", "2025-09-17"),
    }


def test_a_kind_word_nearer_another_amount_is_that_amounts():
    text = (
        "Canada pledged 2 billion Canadian dollars in military aid for drones, and a 2.3 billion "
        "Canadian dollar loan to support Ukraine's budget."
    )
    rows = extract(text, published="2025-06-26")["aid_packages"]
    assert [(r["amount"], r["kind"]) for r in rows] == [(2e9, "military"), (2.3e9, "financial")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "from X" on the aid noun names the giver
        (
            "The water project is co-financed by a US$12 million grant from Switzerland for "
            "Tajikistan.",
            {("CHE", 12e6, "TJK")},
        ),
        # the owner of what the amount is the worth of gives, whatever the clause's subject
        (
            "The German measures complement the European Union's Growth Plan for Moldova, worth "
            "1.9 billion euros in grants and concessional loans.",
            {("EU", 1.9e9, "MDA")},
        ),
        # a plural of receivers is no one recipient
        (
            "The World Bank approved an $80 million grant for Tajikistan. Since 1960, the bank has "
            "provided $590 billion to 114 countries.",
            {("WB", 8e7, "TJK")},
        ),
        # rollovers of deposits are financial aid
        (
            "The United Arab Emirates rolled over a 2-billion-dollar deposit to Pakistan in "
            "January.",
            {("ARE", 2e9, "PAK")},
        ),
    ],
)
def test_givers_from_owners_and_many_receivers(text, expected):
    rows = extract(text, published="2025-06-12")["aid_packages"]
    assert {(r["donor"], r["amount"], r["recipient"]) for r in rows} == expected


def test_a_newsletter_section_names_the_receiver_and_items_keep_their_own_kind():
    text = (
        "■ HAITI: more boots, not enough for the mission\n\n"
        "• A second contingent of 75 Guatemalan soldiers landed in Port-au-Prince on Saturday.\n"
        "• The EU on Monday announced €20m in humanitarian aid for Haiti this year.\n\n"
        "■ MYANMAR: three weeks after the quake\n\n"
        "• China, the largest single donor, has pledged 1 billion yuan in emergency aid, "
        "including tents, blankets and rescue equipment.\n"
    )
    rows = extract(text, published="2025-04-18")["aid_packages"]
    assert {(r["donor"], r["recipient"], r["kind"]) for r in rows} == {
        ("EU", "HTI", "humanitarian"),
        ("CHN", "MMR", "humanitarian"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the owner of the "in <aid>" phrase gives, but not the article's receiver
        (
            "Development Minister Jane Doe has announced £17m in new UK humanitarian funding for "
            "Gaza.",
            {("GBR", 17e6, "PSE")},
        ),
        (
            "Ukraine will get weapons. Most of it comes from the $61 billion in Ukraine aid that "
            "Congress approved in April for Ukraine.",
            {("USA", 61e9, "UKR")},
        ),
        # a headline's verb the model reads as a plural noun
        ("• The UK pledges £17m in new humanitarian funding for Gaza", {("GBR", 17e6, "PSE")}),
        # a territory or region receiving aid stands for its country; a city does not
        ("The EU promised €120m in humanitarian aid for Gaza on Monday.", {("EU", 120e6, "PSE")}),
    ],
)
def test_phrase_owners_headline_verbs_and_territories(text, expected):
    rows = extract(text, published="2024-12-02")["aid_packages"]
    assert {(r["donor"], r["amount"], r["recipient"]) for r in rows} == expected


def test_national_agencies_give_for_their_government():
    text = (
        "Speaking by video link, USAID Administrator Samantha Power announced nearly $100m in "
        "new humanitarian assistance for Palestinians.\n\nJapan, through JICA, is providing a "
        "parallel loan of ¥4.5 billion for drainage works in Kyrgyzstan."
    )
    rows = extract(text, published="2025-06-12")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == {("USA", "PSE"), ("JPN", "KGZ")}


@pytest.mark.parametrize(
    "text",
    [
        "India on Friday announced a fresh line of credit of Rs 4,850 crore for the Maldives.",
        "The foreign minister announced new German support for Moldova totalling 57 million euros.",
    ],
)
def test_a_new_package_is_no_running_total(text):
    rows = extract(text, published="2025-07-26")["aid_packages"]
    assert [r["cumulative"] for r in rows] == [False]


def test_a_ministry_named_for_a_purpose_gives_and_is_no_own_spending():
    text = (
        "The foreign minister announced new German support for Moldova totalling 57 million "
        "euros.\n\nThe package comprises the following measures:\n\n"
        "Energy security – 20 million euros, provided as a grant by the Federal Ministry for "
        "Economic Cooperation and Development through KfW Development Bank"
    )
    rows = extract(text, published="2025-03-04")["aid_packages"]
    assert {(r["donor"], r["amount"], r["recipient"]) for r in rows} == {
        ("DEU", 5.7e7, "MDA"),
        ("DEU", 2e7, "MDA"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a development bank or the IMF gives is finance, whatever it pays for
        (
            "The World Bank approved a $80 million grant for rural water supply and sanitation "
            "in Tajikistan.",
            [(8e7, "financial", False)],
        ),
        ("The IMF approved a $7 billion arrangement for Pakistan.", [(7e9, "financial", False)]),
        # a total that rises to an amount is a running total
        (
            "With this package, Germany's bilateral support for Moldova rises to more than 300 "
            "million euros.",
            [(3e8, "unspecified", True)],
        ),
    ],
)
def test_lenders_give_finance_and_totals_rise(text, expected):
    rows = extract(text, published="2025-06-12")["aid_packages"]
    assert [(r["amount"], r["kind"], r["cumulative"]) for r in rows] == expected


def test_a_release_part_heading_names_its_receiver():
    text = (
        "The World Bank approved two operations in Central Asia.\n\n"
        "Tajikistan: Rural Water Supply Project – Phase II\n\n"
        "The project will be financed by an IDA grant of US$80 million.\n\n"
        "Kyrgyz Republic: Climate-Resilient Irrigation Modernization Project\n\n"
        "The irrigation project will receive IDA financing of US$100 million.\n"
    )
    rows = extract(text, published="2025-06-12")["aid_packages"]
    assert {(r["donor"], r["amount"], r["recipient"]) for r in rows} == {
        ("WB", 8e7, "TJK"),
        ("WB", 1e8, "KGZ"),
    }


def test_the_country_receiving_is_the_country_named_before():
    text = (
        "Since Tajikistan joined the World Bank in 1993, the Bank has committed more than "
        "US$2.6 billion to the country, mostly as grants."
    )
    rows = extract(text, published="2025-06-12")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == {("WB", "TJK")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bill named for its receiver gives nothing
        (
            "The United States approved new military aid on Saturday. The Israel bill totals "
            "about $26.4 billion for Israel's missile defence.",
            {("USA", "ISR")},
        ),
        # spending on aid is aid; goods made at home are no own spending
        (
            "The British government will spend £4.5 billion on military aid to Ukraine in 2025.",
            {("GBR", "UKR")},
        ),
        (
            "Britain gave Ukraine £300 million for artillery ammunition produced in the UK.",
            {("GBR", "UKR")},
        ),
        # UN pooled funds give for the UN
        (
            "The Central Emergency Response Fund (CERF) released an allocation of US$5 million "
            "for Sudan on 14 April.",
            {("UN", "SDN")},
        ),
    ],
)
def test_bills_spending_on_aid_and_pooled_funds(text, expected):
    rows = extract(text, published="2025-04-16")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == expected


def test_a_fund_of_a_body_that_receives_contributions_gives_them_on():
    text = (
        "The security mission in Haiti is short of money. A UN-administered trust fund for "
        "Haiti has received just USD 112 million in contributions."
    )
    rows = extract(text, published="2025-06-10")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == {("UN", "HTI")}


def test_a_kenyan_grant_in_shillings_keeps_its_currency():
    text = (
        "Washington gave Kenya a KSh 1.7 billion (USD 13 million) security assistance grant to "
        "equip the officers."
    )
    rows = extract(text, published="2025-06-10")["aid_packages"]
    assert [(r["amount"], r["currency"]) for r in rows] == [(1.7e9, "KES")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lender's common nouns stand for the lender named last
        (
            "The World Bank, which froze disbursements after the coup, said Thursday its board "
            "had approved a $250 million grant to Niger.",
            {("WB", "NER")},
        ),
        (
            "China rolled over $2bn in deposits for Pakistan in March. The IMF's executive board "
            "met on Friday.\n\nThe board also approved a separate arrangement, giving Pakistan "
            "access to about $1.4bn over 28 months.",
            {("CHN", "PAK"), ("IMF", "PAK")},
        ),
        (
            "The World Bank approved a loan to Armenia on Monday. The bank has committed some "
            "$2.9 billion to Armenia since 1992.",
            {("WB", "ARM")},
        ),
        # ... but not for a commercial bank named since
        (
            "The IMF approved its review in March. The Industrial and Commercial Bank of China "
            "said the bank had refinanced a $1bn loan to Pakistan.",
            {("CHN", "PAK")},
        ),
    ],
)
def test_the_bank_and_its_board_are_the_lender_named_last(text, expected):
    rows = extract(text, published="2025-05-10")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == expected


def test_a_country_naming_a_currency_gives_nothing_and_list_items_stand_alone():
    text = (
        "Japan will provide the following assistance to Myanmar, worth 6 million US dollars:\n"
        "(1) WFP: 2.5 million US dollars for food assistance, including rice;\n"
        "(2) UNICEF: 2 million US dollars for safe drinking water;\n"
        "(3) IFRC: 1.5 million US dollars for emergency shelter."
    )
    rows = extract(text, published="2025-04-01")["aid_packages"]
    assert {(r["donor"], r["amount"]) for r in rows} == {
        ("JPN", 6e6),
        ("JPN", 2.5e6),
        ("JPN", 2e6),
        ("JPN", 1.5e6),
    }
    assert len({r["evidence"] for r in rows}) == 4


PART_WHOLE = (
    "Norway will give Ukraine 5.5 billion Norwegian crowns in air defence aid, the government "
    "said on Tuesday.\n\n"
    '"Ukraine needs to protect its cities now," the minister said.\n\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the whole just named takes its parties, and a bare "crowns" its currency
        (
            PART_WHOLE + "Of the total, about 2 billion crowns will go towards a joint purchase "
            "of launchers, the ministry said.",
            {("NOR", "UKR", 5.5e9, "NOK"), ("NOR", "UKR", 2e9, "NOK")},
        ),
        # a package named by its giver is not "the whole just named"
        (
            "The World Bank approved a US$50 million IDA grant for Yemen on Friday. Saudi "
            "Arabia will provide US$12 million in parallel financing to Yemen.\n\n"
            "Of the IDA grant, US$32 million will finance irrigation canals.",
            {("WB", "YEM", 5e7, "USD"), ("SAU", "YEM", 1.2e7, "USD"), ("WB", "YEM", 3.2e7, "USD")},
        ),
    ],
)
def test_a_part_of_the_whole_just_named_shares_its_parties(text, expected):
    rows = extract(text, published="2025-03-04")["aid_packages"]
    assert {(r["donor"], r["recipient"], r["amount"], r["currency"]) for r in rows} == expected


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("NIAMEY, April 12 (AFP) - ", {("WB", "NER")}),  # filed from the receiver
        ("PARIS, April 12 (AFP) - ", {("WB", "NER")}),  # not the dateline's: the story's
    ],
)
def test_aid_naming_no_receiver_goes_to_the_datelines_country(dateline, expected):
    text = (
        dateline + "Around 100 Russian instructors landed in Niger on Wednesday, Russian "
        "media said.\n\nThe World Bank said on Thursday its board had approved a $250 million "
        "grant to shore up food security."
    )
    rows = extract(text, published="2024-04-12")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == expected


def test_a_gapped_clause_gives_for_its_own_actor_in_its_own_crowns():
    text = (
        "Norway has raised its military support for Ukraine this year to 85 billion Norwegian "
        "crowns, and Sweden its military aid to 40 billion crowns."
    )
    rows = extract(text, published="2025-03-04")["aid_packages"]
    assert {(r["donor"], r["amount"], r["currency"]) for r in rows} == {
        ("NOR", 8.5e10, "NOK"),
        ("SWE", 4e10, "SEK"),
    }


def test_the_receivers_official_speaking_gives_nothing():
    text = (
        "KYIV, May 3 - The first American weapons from a $1 billion package announced on "
        "April 24 have reached Ukrainian units in the east, Defence Minister Rustem Umerov "
        "said on Friday.\n\nPresident Joe Biden signed the supplemental, which provides "
        "nearly $61 billion in security assistance for Ukraine."
    )
    rows = extract(text, published="2024-05-03")["aid_packages"]
    assert {(r["donor"], r["recipient"], r["amount"]) for r in rows} == {
        ("USA", "UKR", 1e9),
        ("USA", "UKR", 6.1e10),
    }


def test_a_long_list_of_donor_lines_with_dashes():
    lines = ["United States", "European Union", "Germany", "Japan", "Denmark", "France"]
    text = "UNHCR thanks the donors of its aid to Chad. Contributions received include:\n\n"
    text += "".join(f"• {name} – US$ {i + 1} million\n" for i, name in enumerate(lines))
    rows = extract(text, published="2025-04-15")["aid_packages"]
    assert {(r["donor"], r["amount"]) for r in rows} == {
        ("USA", 1e6),
        ("EU", 2e6),
        ("DEU", 3e6),
        ("JPN", 4e6),
        ("DNK", 5e6),
        ("FRA", 6e6),
    }


def test_a_dateline_in_title_case_gives_nothing():
    text = (
        "Chișinău, 05.11.2025 – The European Commission has transferred to Moldova a tranche "
        "of 120 million euro from its growth facility, the ministry said."
    )
    rows = extract(text, published="2025-11-05")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == {("EU", "MDA")}


def test_a_dateline_misread_as_subject_gives_nothing():
    text = (
        "BAMAKO, Mali — The European Union said Tuesday it would release an additional 25 "
        "million euros in humanitarian aid for Mali."
    )
    rows = extract(text, published="2025-05-06")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == {("EU", "MLI")}


def test_a_law_named_for_its_receiver_gives_nothing_and_its_signing_dates_it():
    text = (
        "The Taiwan Resilience Appropriations Act, 2024, signed by President Joe Biden on "
        "April 24, 2024, included $2 billion in military financing for Taiwan."
    )
    rows = extract(text, published="2025-01-10")["aid_packages"]
    assert [(r["donor"], r["recipient"], r["announced"], r["cumulative"]) for r in rows] == [
        ("USA", "TWN", "2024-04-24", False)
    ]


def test_a_section_headed_by_a_countrys_name_is_about_that_country():
    text = (
        "U.S. Assistance in the Region\n\nJordan\n\nThe United States is the largest donor to "
        "the kingdom's armed forces. Annual aid is set by a memorandum that pledges $1.45 "
        "billion in economic and military aid.\n\nEgypt\n\nWashington committed $1.3 billion "
        "in military financing this year."
    )
    rows = extract(text, published="2025-01-10")["aid_packages"]
    assert {(r["recipient"], r["amount"]) for r in rows} == {("JOR", 1.45e9), ("EGY", 1.3e9)}


def test_packages_a_report_of_a_conference_gives_were_announced_there():
    text = (
        "PARIS (AP) — Lebanon's prime minister said Friday that the pledges would help the "
        "displaced.\n\nDelegations from 70 countries met on Thursday in the French capital."
        "\n\nFrance opened the meeting by announcing 100 million euros in humanitarian aid for "
        "Lebanon."
    )
    rows = extract(text, published="2024-10-25")["aid_packages"]
    assert [(r["donor"], r["announced"]) for r in rows] == [("FRA", "2024-10-24")]


def test_an_event_named_with_its_members_dates_its_packages():
    text = (
        "The minister reported on the results of the fifth meeting of the Nordic-Baltic "
        "Support Group, which took place in Oslo on 3 March.\n\nPartners announced:\n\n"
        "Finland – EUR 150 million for Ukraine's air defence."
    )
    rows = extract(text, published="2025-03-05")["aid_packages"]
    assert [(r["donor"], r["announced"]) for r in rows] == [("FIN", "2025-03-03")]


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        (
            "Donors promised more than €2 billion for Sudan in Paris.",
            {("EU", 3.55e8), ("DEU", 2.44e8), ("FRA", 1.1e8)},
        ),
        ("Donors met in Paris to discuss the war in Sudan.", set()),  # the list breaks down nothing
    ],
)
def test_a_sentence_silent_on_its_amounts_breaks_down_the_one_before(before, expected):
    text = (
        before
        + " The European Union put up €355 million, Germany €244 million and France €110 million."
    )
    rows = extract(text, published="2024-04-16")["aid_packages"]
    assert {(r["donor"], r["amount"]) for r in rows} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a conjunct the parse hung on the verb carries the "to" phrase
            "Japan extended about $2 billion in credit lines, currency swaps and deferred "
            "import payments to Bangladesh in 2023. Separately, the Red Cross sent $1 million "
            "in relief to Nepal.",
            ("JPN", "BGD"),
        ),
        (  # whom the money helps
            "The State Department approved a $1 billion Foreign Military Financing loan to help "
            "Romania pay for American equipment, officials said in Nepal.",
            ("USA", "ROU"),
        ),
        (  # in support of a country's forces
            "Ministers met in Ghana. The EU assistance measure in support of the Nigerien Armed "
            "Forces, worth €20 million, will finance armoured vehicles.",
            ("EU", "NER"),
        ),
        (  # the owner of the forces supported
            "Ministers met in Ghana. The EU adopted an assistance measure worth €15 million "
            "in support of the Chadian armed forces.",
            ("EU", "TCD"),
        ),
        (  # a country's army named as a body
            "The largest of the EU measures, amounting to €30 million, will support units of the "
            "Somali National Army trained in Kenya.",
            ("EU", "SOM"),
        ),
    ],
)
def test_receivers_helped_supported_or_named_beside_the_amount(text, expected):
    rows = extract(text, published="2025-03-04")["aid_packages"]
    assert (rows[0]["donor"], rows[0]["recipient"]) == expected


def test_a_pipe_tables_rows_are_packages_dated_by_their_own_cells():
    text = (
        "New commitments to Ukraine in 2025\n\n"
        "Table 1. Selected new pledges to Ukraine, January-June 2025\n"
        "Donor | Amount | Type | Announced\n"
        "Norway | NOK 5bn | military and civilian, for 2026 | 25 Feb\n"
        "Sweden | SEK 2bn | military: 18th package, incl. air defence | 17 Mar\n"
        "Japan | ¥100bn (≈$650m) | loan | 2 Apr\n"
    )
    rows = extract(text, published="2025-06-30")["aid_packages"]
    assert {(r["donor"], r["amount"], r["announced"]) for r in rows} == {
        ("NOR", 5e9, "2025-02-25"),
        ("SWE", 2e9, "2025-03-17"),
        ("JPN", 1e11, "2025-04-02"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the "for" phrase of an aid noun the parse chained as a conjunct
            "The EU announced €10 million in aid for Yemen. Together with its member states, the "
            "EU has mobilised more than €3 billion in humanitarian, development, economic and "
            "stabilisation assistance for Syrians since 2011.",
            {("EU", "YEM", 1e7), ("EU", "SYR", 3e9)},
        ),
        (  # a people named by its demonym receives, not the goods named by one
            "Egypt hosted the talks in Cairo. The UAE pledged $20 million in humanitarian aid "
            "for Sudanese civilians. Germany pledged $50 million for American weapons for "
            "Ukraine.",
            {("ARE", "SDN", 2e7), ("DEU", "UKR", 5e7)},
        ),
    ],
)
def test_receivers_named_by_demonyms_and_in_conjoined_aid_nouns(text, expected):
    rows = extract(text, published="2025-03-04")["aid_packages"]
    assert {(r["donor"], r["recipient"], r["amount"]) for r in rows} == expected


@pytest.mark.parametrize(
    "follow_up",
    [
        "It also provides $2 billion in budget support for Ukraine.",  # a pronoun subject
        "The package includes $2 billion for air defence.",  # the package itself
        "Of that sum, $2 billion is budget support.",  # a part
    ],
)
def test_a_clause_telling_more_of_the_package_takes_its_date(follow_up):
    text = (
        "WASHINGTON — The U.S. House of Representatives on Wednesday approved a $9 billion "
        f"package of aid for Ukraine.\n\nThe vote ended months of delay in Congress.\n\n{follow_up}"
    )
    rows = extract(text, published="2026-03-12")["aid_packages"]
    assert {(r["amount"], r["announced"]) for r in rows} == {
        (9e9, "2026-03-11"),
        (2e9, "2026-03-11"),
    }


def test_an_undated_package_of_another_paragraph_takes_the_articles_date():
    text = (
        "WASHINGTON — The U.S. House of Representatives on Wednesday approved a $9 billion "
        "package of aid for Ukraine.\n\nThe vote ended months of delay in Congress.\n\n"
        "Canada has pledged C$500 million in military aid for Ukraine."
    )
    rows = extract(text, published="2026-03-12")["aid_packages"]
    assert {(r["amount"], r["announced"]) for r in rows} == {
        (9e9, "2026-03-11"),
        (5e8, "2026-03-12"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # money spent at home, however the qualifier is parsed
        "Poland sent shells to Ukraine. Warsaw plans to spend more than 200bn zlotys on its "
        "own defence in 2026.",
        # money a clause says was not given
        "Britain has sent Ukraine shells. No, the UK has not given Ukraine £159 billion.",
    ],
)
def test_money_spent_at_home_or_not_given_is_no_aid(text):
    assert extract(text, published="2025-06-01")["aid_packages"] == []


def test_a_headline_in_a_conversions_currency_is_the_package_again():
    text = (
        "Sweden unveils record $1.9 billion military aid package for Ukraine\n\n"
        "Sweden will send Ukraine its 20th military aid package, worth 18.5 billion kronor "
        "($1.9 billion), the government announced on Tuesday. Japan gave $1.9 billion in aid "
        "to Ukraine last week."
    )
    rows = extract(text, published="2025-09-17")["aid_packages"]
    assert {(r["donor"], r["amount"], r["currency"]) for r in rows} == {
        ("SWE", 1.85e10, "SEK"),
        ("JPN", 1.9e9, "USD"),
    }


def test_aid_naming_no_receiver_goes_where_the_story_happens():
    """Russia is named more often, as actor; Niger's places (its towns too) more often."""
    text = (
        "Niamey (AFP) - Russian advisers arrived in Niger on Tuesday, Russian state media said.\n\n"
        "The Russian team will train soldiers at bases near Agadez and Tillaberi, the Russian "
        "embassy said. Russian officials said more Russian equipment would follow.\n\n"
        "The World Bank said it had approved a $250 million grant to shore up food security "
        "and basic services. Officials in Niamey welcomed the grant."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["recipient"], r["amount"]) for r in rows] == [("WB", "NER", 2.5e8)]


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Japan signed a grant of 650 million FCFA for food aid in Chad.", "XAF"),
        ("Japan gave Niger a grant of 650 million FCFA for food aid.", "XOF"),
        ("Japan will give 650 million CFA francs in food aid to Cameroon.", "XAF"),
    ],
)
def test_a_cfa_franc_is_the_receiving_countrys(text, currency):
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["currency"]) for r in rows] == [("JPN", currency)]


@pytest.mark.parametrize(
    "text",
    [
        "The EU adopted two EPF measures for Ghana, of €9.5 million in 2023.",
        "Washington released $80 million of FY2024 FMF to Lebanon in March.",
    ],
)
def test_named_instruments_of_military_aid(text):
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [r["kind"] for r in rows] == ["military"]


def test_an_adjective_on_the_aid_noun_before_of_gives():
    text = (
        "The IMF approved a $7 billion loan for Pakistan on Monday. The new airport in Gwadar "
        "was built with a Chinese grant of about 246 million dollars."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["amount"]) for r in rows] == [("IMF", 7e9), ("CHN", 2.46e8)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the parse makes the receiver the subject of the participle after it
            "The European Union approved a €1.2bn package for the Palestinians covering three "
            "years.",
            [("EU", "PSE")],
        ),
        (  # a people's adjective deeper in the receiver's phrase
            "The United States will send $500 million for Israeli air and missile defence.",
            [("USA", "ISR")],
        ),
        (  # but not the maker of what the money buys
            "Norway will send $50 million for American air defence systems for Ukraine.",
            [("NOR", "UKR")],
        ),
    ],
)
def test_receivers_the_parse_hides(text, expected):
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["recipient"]) for r in rows] == expected


def test_a_country_giving_as_often_as_receiving_is_no_main_receiver():
    text = (
        "Baltic aid to Ukraine has grown since 2022, while allies rotate troops through the "
        "region.\n\nThe State Department allocated $90m in Foreign Military Financing to "
        "Lithuania in September 2024.\n\nLithuania announced a EUR 35 million package in January "
        "2025, including anti-drone systems.\n\nEstonia's cumulative military assistance passed "
        "€500m in March 2025."
    )
    rows = extract(text, published="2025-06-17")["aid_packages"]
    assert {(r["donor"], r["recipient"]) for r in rows} == {
        ("USA", "LTU"),
        ("LTU", "UKR"),
        ("EST", "UKR"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a dateline set off by a double hyphen is no giver
            "CHISINAU -- The European Union on February 4 unveiled a 250 million euro package "
            "of grants to help Moldova through its energy crisis.",
            [("EU", "MDA", "financial")],
        ),
        (  # receivers in the plural, but all in one country
            "The European Union released an additional €60 million for humanitarian partners in "
            "the DRC.",
            [("EU", "COD", "humanitarian")],
        ),
        (  # spending to send aid's things to a country
            "South Korea will spend 12 billion won to send demining equipment to Ukraine.",
            [("KOR", "UKR", "military")],
        ),
        (  # export finance is a loan, and what a loan buys says nothing of its kind
            "Britain will make available £1.6 billion of UK Export Finance to enable Ukraine to "
            "buy 5,000 air defence missiles.",
            [("GBR", "UKR", "financial")],
        ),
        (
            "Japan offered Ukraine a $500 million loan to buy artillery shells.",
            [("JPN", "UKR", "financial")],
        ),
        (  # a deal backed by a body: the body gives
            "Ukraine will be able to use a £1.6bn loan deal backed by UK Export Finance to buy "
            "missiles.",
            [("GBR", "UKR", "financial")],
        ),
        (  # the act of a gerund subject names no giver
            "The IMF said that completing a review of Kenya's programme would allow a "
            "disbursement of about $28 million.",
            [("IMF", "KEN", "financial")],
        ),
        (
            "The IMF board completed a review of Moldova's program on Thursday, unlocking about "
            "$110 million for the government in Chisinau.",
            [("IMF", "MDA", "financial")],
        ),
        (  # spending with another country's industry
            "Ukraine needs drones. The Netherlands would spend a further 90 million euros on "
            "drones to be built together with Ukrainian manufacturers.",
            [("NLD", "UKR", "military")],
        ),
        (  # the value of the package, put at an amount
            "Germany unveiled a new military package for Ukraine on Monday. Defence Minister "
            "Boris Pistorius put the value of the new package at about 5 billion euros.",
            [("DEU", "UKR", "military")],
        ),
        (  # the one country a purpose after the amount lies in
            "The European Commission gave €20 million in humanitarian aid to Yemen on Monday. "
            "It has also released €1.5 million in aid to respond to the cholera outbreak in "
            "Darfur.",
            [("EU", "YEM", "humanitarian"), ("EU", "SDN", "unspecified")],
        ),
    ],
)
def test_givers_receivers_and_kinds_of_wire_and_agency_copy(text, expected):
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["recipient"], r["kind"]) for r in rows] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Poland will spend 12 billion zlotys to send its troops to Latvia.",
        "France will spend €80m a year to keep its troops in Romania.",
        "Canada will spend 25 million dollars to buy drones from Canadian companies.",
        # "securities" is no security aid
        "Euroclear, the Brussels-based securities depository, booked €6.9bn in interest on "
        "Russian assets last year.",
    ],
)
def test_own_spending_and_earnings_are_no_aid(text):
    assert extract(text, published=PUBLISHED)["aid_packages"] == []


def test_a_sentence_naming_its_receiver_for_several_amounts_names_it_once():
    text = (
        "Donors met in Cairo to rebuild Gaza.\n\nThe EU pledged €1.2bn for Gaza.\n\n"
        "Britain gave £30m for Gaza on Monday.\n\nGermany will provide €200m for Syria, €120m "
        "of it in humanitarian aid and €80m to rebuild schools in Aleppo.\n\n"
        "Qatar pledged $60m in humanitarian aid."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert ("QAT", "PSE") in [(r["donor"], r["recipient"]) for r in rows]


def test_the_goods_given_in_the_sentence_before_valued_are_aid():
    text = (
        "Japan will give $5 million in emergency grant aid to Myanmar. It has also decided to "
        "provide relief goods, including tents. The goods, worth approximately 60 million yen, "
        "will arrive in Yangon this week."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["recipient"], r["amount"]) for r in rows] == [
        ("JPN", "MMR", 5e6),
        ("JPN", "MMR", 6e7),
    ]


def test_a_duration_in_a_clause_about_something_else_dates_no_package():
    text = (
        "The EU released €1.5 million in humanitarian aid to respond to the cholera outbreak in "
        "Darfur, where cases have risen sharply since May."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["recipient"], r["announced"]) for r in rows] == [("SDN", PUBLISHED)]


def test_a_purposes_place_fills_its_row_but_makes_no_story_receiver():
    text = (
        "Donors scramble after the earthquake in Afghanistan's Kunar province killed 1,400 "
        "people in Afghanistan.\n\nBritain released up to £1m in emergency funding through UN "
        "agencies.\n\nThe World Bank on Tuesday approved a $300mn grant to rebuild health "
        "centres and roads in Ethiopia's Tigray region."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["recipient"]) for r in rows] == [("GBR", "AFG"), ("WB", "ETH")]


def test_a_bills_bullets_take_the_giver_above_and_receivers_of_their_phrases():
    text = (
        "The European Union gave €270 million to Armenia this month.\n\n"
        "After six months of deadlock, the House on Saturday passed the foreign aid bills.\n\n"
        "What's in it:\n"
        "• $60.8 billion in aid for Ukraine.\n"
        "• $26.4 billion related to Israel.\n"
        "• More than $9 billion in humanitarian aid, including for civilians in Gaza, is part "
        "of the Israel bill.\n\n"
        "The EU also pledged €10 million for Armenia."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["recipient"]) for r in rows] == [
        ("EU", "ARM"),
        ("USA", "UKR"),
        ("USA", "ISR"),
        ("USA", "PSE"),
        ("EU", "ARM"),
    ]


def test_a_paragraph_opening_on_a_country_and_a_receiver_after_but_to():
    text = (
        "In March 2023 the IMF approved a $15.6 billion loan for Ukraine.\n\n"
        "Or Pakistan. The Fund approved a $7 billion Extended Fund Facility in September 2024.\n\n"
        "And the largest IMF loan went not to a war zone but to Argentina: $20 billion in April "
        "2025.\n\nSWEDEN\nThe Swedish government adopted a SEK 13.3bn package for Ukraine."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["recipient"]) for r in rows] == [
        ("IMF", "UKR"),
        ("IMF", "PAK"),
        ("IMF", "ARG"),
        ("SWE", "UKR"),
    ]


def test_a_makers_place_and_a_ground_based_system_say_nothing_of_the_aid():
    text = (
        "Britain announced a £1.6bn package of military aid for Ukraine on Monday. The package "
        "includes £150 million for 5,000 missiles, built by workers in Belfast, and £120 million "
        "for ground-based air defence systems."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["donor"], r["recipient"], r["amount"]) for r in rows] == [
        ("GBR", "UKR", 1.6e9),
        ("GBR", "UKR", 1.5e8),
        ("GBR", "UKR", 1.2e8),
    ]


def test_a_tie_between_receivers_goes_to_the_one_the_headline_names():
    text = (
        "India sends food to Myanmar after the earthquake\n\n"
        "India lent Sri Lanka $4 billion in 2022 during its economic crisis.\n\n"
        "India gave $1 million in aid to Myanmar in 2024.\n\n"
        "On Friday India announced that it would provide $5 million for rebuilding schools."
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["recipient"], r["amount"]) for r in rows] == [
        ("LKA", 4e9),
        ("MMR", 1e6),
        ("MMR", 5e6),
    ]


def test_a_list_item_is_judged_by_its_intro_not_by_the_items_between():
    text = (
        "Today, the European Commission announced €104 million in new humanitarian funding.\n\n"
        "The funding will be allocated as follows:\n\n"
        "• €12 million for Lebanon, to help families and rehabilitate damaged water networks;\n\n"
        "• €30 million for Sudan, where famine has been confirmed and more than 12 million "
        "people have been displaced;"
    )
    rows = extract(text, published=PUBLISHED)["aid_packages"]
    assert [(r["recipient"], r["amount"]) for r in rows][1:] == [("LBN", 1.2e7), ("SDN", 3e7)]
