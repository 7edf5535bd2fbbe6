"""Doc -> rows of every fact table: the one place that knows what each column means."""

from __future__ import annotations

from functools import partial

from spacy.tokens import Doc

from .actors import Actors
from .aid import extract_aid
from .context import ArticleContext
from .dates import extract_dates, find_published
from .furniture import Furniture
from .geo import actor_code
from .money import find_amounts, find_counts, find_quantities
from .nlp import text_of
from .people import extract_people
from .places import place_mentions, place_rows
from .troops import extract_troops

Rows = dict[str, list[dict]]


def extract_facts(doc: Doc, published: str | None = None) -> tuple[str | None, Rows]:
    """The article's own date and the rows of every fact table (without article_id).

    `published` is the date from the article's metadata, if any; without it the dateline or
    the most salient date in the text is used. Relative dates resolve against it.
    """
    furniture = Furniture(text_of(doc))
    published = find_published(text_of(doc), published, furniture)
    dates = extract_dates(doc, published, furniture)
    people = [
        p
        for p in extract_people(doc, partial(actor_code, capitals=True))
        if any(not furniture.hides(s) for s, _ in p.spans)
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
    )
    return published, {
        "aid_packages": extract_aid(ctx),
        "troop_deployments": extract_troops(ctx),
        "people": [
            {"name": p.name, "role": p.role, "country": p.country, "mentions": p.mentions}
            for p in people
        ],
        "places": place_rows(place_mentions(doc, furniture)),
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
