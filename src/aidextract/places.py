"""The places table: every geographic place named in the body, once each, canonicalized."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .furniture import Furniture
from .geo import Place, actor_code, country_place, resolve_place

PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass
class PlaceMention:
    place: Place
    start_char: int
    end_char: int


def place_mentions(doc: Doc, furniture: Furniture) -> list[PlaceMention]:
    """Places named by GPE/LOC/FAC entities, and countries named through demonyms (NORP)."""
    out = []
    for ent in doc.ents:
        if furniture.hides(ent.start_char):
            continue
        place = None
        if ent.label_ in PLACE_LABELS:
            place = resolve_place(ent.text)
        elif ent.label_ == "NORP":
            code = actor_code(ent.text)
            place = country_place(code) if code else None
        if place is not None:
            out.append(PlaceMention(place, ent.start_char, ent.end_char))
    return out


def place_rows(mentions: list[PlaceMention]) -> list[dict]:
    """One row per canonical place with its number of mentions, in order of first mention."""
    rows: dict[str, dict] = {}
    for m in mentions:
        row = rows.get(m.place.name)
        if row is None:
            rows[m.place.name] = {
                "name": m.place.name,
                "type": m.place.type,
                "country": m.place.country,
                "latitude": m.place.latitude,
                "longitude": m.place.longitude,
                "mentions": 1,
            }
        else:
            row["mentions"] += 1
    return list(rows.values())
