"""Page furniture gives no aid or troop fact; captions still give people and places."""

from __future__ import annotations

import pytest

import aidextract

PAGE = """Germany pledges new tanks

Germany on Tuesday pledged €500 million in military aid for Ukraine, Defence Minister \
Boris Pistorius said in Berlin.

Chancellor Olaf Scholz and Kristina Dahl visit troops in Munster on Monday. (Photo: Jane Roe/Agency)

MOST READ: POLAND SENDS $2BN IN AID TO UKRAINE AND 5,000 TROOPS TO LITHUANIA

Related articles
• France pledges €3bn to Ukraine
• 10,000 British troops head to Estonia

© 2024 Example Media. All rights reserved.
"""


def test_furniture_gives_no_aid_or_troops():
    facts = aidextract.extract(PAGE, published="2024-05-14")
    assert [(r["donor"], r["amount"]) for r in facts["aid_packages"]] == [("DEU", 500e6)]
    assert facts["troop_deployments"] == []


@pytest.mark.parametrize(
    "link",
    [
        "Read also: Denmark to fund long-range drones for Ukraine with $350 million",
        "Related: Denmark pledges €20 million in humanitarian aid for Moldova",
        "See also: Sweden unveils a SEK 5 billion package and 150 troops for Finland",
    ],
)
def test_a_link_line_mid_article_gives_no_aid_or_troops(link):
    text = (
        f"Aid for Niger\n\nThe EU sent aid to Niger on Monday.\n\n{link}\n\nMore aid will follow.\n"
    )
    facts = aidextract.extract(text, published="2024-04-22")
    assert facts["aid_packages"] == facts["troop_deployments"] == []


def test_captions_still_name_people_and_places():
    facts = aidextract.extract(PAGE, published="2024-05-14")
    assert "Kristina Dahl" in {p["name"] for p in facts["people"]}
    assert "Jane Roe" not in {p["name"] for p in facts["people"]}  # a photo credit
    assert "Munster" in {p["name"] for p in facts["places"]}  # as the text spells it


@pytest.mark.parametrize(
    "caption",
    [
        "Soldiers unload boxes from a C$60m shipment of military aid for Ukraine at the hub in "
        "Rzeszów, Poland, on Wednesday. Photograph: Jane Doe/AP",
        "Photo caption: Soldiers unload a C$60m shipment of military aid for Ukraine in Rzeszów.",
        "[1/2] Soldiers unload a C$60m shipment of military aid for Ukraine in Rzeszów, Poland. "
        "REUTERS/Jane Doe",
        "Soldiers unload a C$60m shipment of military aid for Ukraine in Rzeszów, Poland. "
        "(Jane Doe/Getty Images)",
    ],
)
def test_caption_styles_give_no_aid_but_places(caption):
    text = f"Canada sends aid\n\n{caption}\n\nCanada said on Wednesday it was sending aid."
    facts = aidextract.extract(text, published="2025-01-23")
    assert facts["aid_packages"] == []
    assert "Rzeszów" in {p["name"] for p in facts["places"]}


def test_a_credit_line_below_makes_a_caption_and_a_counter_opens_one():
    text = (
        "Aid reaches Goma\n\n"
        "11 / 13\n"
        "A plane carries $2m of medicines from the EU for Congo to Goma on 12 February.\n\n"
        "A cargo plane chartered by the EU is unloaded at Kavumu airport. The flight carried "
        "40 tonnes of medicines for Congo worth €1.2m.\n"
        "Photograph: EU/ECHO\n\n"
        "The EU said on Friday it was sending more aid to Congo."
    )
    facts = aidextract.extract(text, published="2025-02-21")
    assert facts["aid_packages"] == []
    assert "Kavumu" in {p["name"] for p in facts["places"]}  # captions still name places


@pytest.mark.parametrize(
    "line",
    [
        "Go deeper: What the U.S. loses in the Sahel",
        "Up next: Pashinyan says peace talks with Baku are within reach",
        "Lena Hart is a contributing writer at The Review, covering the Sahel.",
    ],
)
def test_link_lines_and_author_bios_name_no_places(line):
    text = f"Aid for Niger\n\nThe EU sent aid to Niger on Monday.\n\n{line}\n"
    places = {p["name"] for p in aidextract.extract(text, published="2024-04-22")["places"]}
    assert places == {"Niger"}


# Lines of page furniture found on new press (heldout6-style texts); each line is our own.
FURNITURE_LINES = [
    # a site's menu, its items apart by two or more spaces; in capitals too
    "HOME  News  Ukraine war  Middle East  Economy  Video",
    "WORLD  |  LEBANON  |  MIDDLE EAST",
    # a section label over the headline
    "Middle East | The long war",
    "GLOBAL | THE MIDDLE EAST",
    # wire trailers: where a reporter filed from, who else reported
    "Karimi reported from Beirut.",
    "Associated Press writer Jo Ames in Beirut contributed to this report.",
    "Additional reporting from Beirut by Jo Ames",
    # a print edition's trailer, an agency's disclaimer, a social-media box
    "This article appeared in the Middle East section of the print edition.",
    "The AP receives support for coverage in Lebanon from a foundation. The AP is solely "
    "responsible for all content.",
    "Follow our Beirut desk on X, Instagram and Facebook for more.",
    # a market and weather ticker
    "Kyiv  +3°C   USD/UAH 41.20   Brent $63.9",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_lines_name_no_places_or_people(line):
    text = f"Aid for Niger\n\n{line}\n\nThe EU sent aid to Niger on Monday.\n"
    facts = aidextract.extract(text, published="2024-04-22")
    assert {p["name"] for p in facts["places"]} == {"Niger"}
    assert facts["people"] == []


@pytest.mark.parametrize(
    "line,place",
    [
        ("Follow the money: the EU sent aid to Beirut on Monday.", "Beirut"),  # prose
        ("Lebanon  |  12 March 2024", "Lebanon"),  # a date line with its place
        ("Temperatures in Kyiv fell to -20°C on Monday.", "Kyiv"),  # weather in prose
        # a Markdown table is text, not a menu: its rule line under the header says so
        ("| Town | Shelters |\n|---|---|\n| Agadez | 12 |", "Agadez"),
    ],
)
def test_lines_like_furniture_that_are_text(line, place):
    text = f"Aid for Niger\n\n{line}\n\nThe EU sent aid to Niger on Monday.\n"
    assert place in {p["name"] for p in aidextract.extract(text, published="2024-04-22")["places"]}
