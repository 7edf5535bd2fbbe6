"""Doc -> rows of every fact table: the one place that knows what each column means."""

from __future__ import annotations

import re
from collections import Counter
from functools import partial

from spacy.tokens import Doc

from .actors import Actors
from .aid import extract_aid
from .context import ArticleContext
from .dates import extract_dates, find_published
from .furniture import Furniture
from .geo import actor_code, resolve_name
from .money import find_amounts, find_counts, find_quantities
from .nlp import text_of
from .outlet import home_country
from .people import Person, extract_people
from .places import place_mentions, place_rows
from .resources import read_words
from .schema import ORG_CODES
from .troops import extract_troops

Rows = dict[str, list[dict]]
_HEADING_NUMBER = re.compile(r"^\W*(?:\d+\s*[.)]\s*)?")  # "2) GERMANY", "• POLAND"
_HEADING_WORDS = 8  # a heading in capitals is a short line


def extract_facts(
    doc: Doc, published: str | None = None, outlet: str | None = None, url: str | None = None
) -> tuple[str | None, Rows]:
    """The article's own date and the rows of every fact table (without article_id).

    `published` is the date from the article's metadata, if any; without it the dateline or
    the most salient date in the text is used. Relative dates resolve against it. `outlet`
    and `url` (metadata too) say whose press it is, and so whose officials it names bare.
    """
    furniture = Furniture(text_of(doc))
    published = find_published(text_of(doc), published, furniture)
    dates = extract_dates(doc, published, furniture)
    places = place_mentions(doc, furniture)
    place_starts = {m.start_char for m in places}
    people = [
        p
        for p in extract_people(doc, partial(actor_code, capitals=True), published, _place_country)
        if any(not furniture.hides(s) for s, _ in p.spans) and not _is_place(p, place_starts)
    ]
    person_country = {}
    for person in people:
        if person.country:
            for start, end in person.spans:
                span = doc.char_span(start, end, alignment_mode="expand")
                for tok in span or ():
                    person_country[tok.i] = person.country
    amounts = find_amounts(doc)
    ctx = ArticleContext(
        doc=doc,
        published=published,
        dates=dates,
        amounts=amounts,
        counts=find_counts(doc, amounts),
        people=people,
        actors=Actors(doc, person_country),
        furniture=furniture,
        places=places,
    )
    aid = extract_aid(ctx)
    outlet_home = home_country(outlet, url)
    home = outlet_home or _main_donor(aid) or ctx.main_country()
    return published, {
        "aid_packages": aid,
        "troop_deployments": extract_troops(ctx, outlet_home),
        "people": [
            {
                "name": p.name,
                "role": p.role,
                "country": p.country or _official_country(ctx, p, home),
                "mentions": p.mentions,
            }
            for p in people
        ],
        "places": place_rows(places),
        "dates": [
            {
                "text": d.text,
                "value": d.value,
                "granularity": d.granularity,
                "relative": d.relative,
                "start_char": d.start_char,
                "end_char": d.end_char,
            }
            for d in dates
        ],
        "quantities": [
            {
                "text": q.text,
                "value": q.value,
                "unit": q.unit,
                "start_char": q.start_char,
                "end_char": q.end_char,
            }
            for q in find_quantities(doc, amounts)
        ],
        "entities": [
            {
                "text": e.text,
                "label": e.label_,
                "start_char": e.start_char,
                "end_char": e.end_char,
            }
            for e in doc.ents
        ],
    }


def _main_donor(aid: list[dict]) -> str | None:
    """The donor of most of the article's packages: whose officials it mostly quotes."""
    donors = Counter(row["donor"] for row in aid if row["donor"] not in ORG_CODES)
    return donors.most_common(1)[0][0] if donors else None


def _place_country(text: str) -> str | None:
    """Country of a city or region a local office names ("Belfast's Lord Mayor")."""
    place = resolve_name(text)
    return place.country if place else None


def _is_place(person: Person, place_starts: set[int]) -> bool:
    """A one-word "person" every mention of which the places read as a place ("M23 rebels
    seized Goma"): spaCy's PERSON label on a town the place gazetteer knows."""
    return " " not in person.name and all(start in place_starts for start, _ in person.spans)


def _official_country(ctx: ArticleContext, person: Person, home: str | None) -> str | None:
    """Country of a government official named without one: the country the section's
    heading names ("■ LEBANON: ..."), else the one the paragraph is about, unless that is the
    aid's main receiver (whose officials are named with it), else `home`: the outlet's
    country, else the main donor's."""
    if not _in_government(person.role):
        return None
    char = person.spans[0][0]
    section = ctx.section_country(char) or ctx.section_actor(char)
    if section and section not in ORG_CODES:
        return section
    subject = ctx.paragraph_subject(ctx.paragraph_of(char))
    if subject and subject not in ORG_CODES and subject != ctx.main_recipient(story=False):
        return subject
    code = _heading_country(ctx, char) or home
    return code if code not in ORG_CODES else None  # a national office is no body's


def _heading_country(ctx: ArticleContext, char: int) -> str | None:
    """The country the nearest heading in capitals above `char` opens with ("AUSTRALIA SENDS
    MORE BUSHMASTERS", "SEOUL ADDS LOANS"): a briefing's section says whose news it is."""
    text = text_of(ctx.doc)
    end = text.rfind("\n", 0, char)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        words = _HEADING_NUMBER.sub("", text[start:end]).split()
        end = start - 1
        if ctx.furniture.hides(start) or not _is_caps_heading(words):
            continue
        codes = (actor_code(" ".join(words[:n]).title(), capitals=True) for n in (2, 1))
        code = next((c for c in codes if c), None)
        return code if code not in ORG_CODES else None
    return None


def _is_caps_heading(words: list[str]) -> bool:
    letters = [c for word in words for c in word if c.isalpha()]
    return 0 < len(words) <= _HEADING_WORDS and bool(letters) and all(c.isupper() for c in letters)


def _in_government(role: str | None) -> bool:
    """A national government's office ("Prime Minister", "Minister for Defence"), not a
    body's ("Secretary General") nor a local one's ("Union local president", "president of
    Unifor Local 27")."""
    if not role:
        return False
    words = re.split(r"\s+(?:of|for|to)\s+", role.lower())[0].split()
    if "general" in words or "local" in role.lower().split():
        return False
    return words[-1] in read_words("people_government_heads.txt")
