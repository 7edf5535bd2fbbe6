"""The places table: every geographic place named in the body, once each, canonicalized.

Places come from GPE/LOC/FAC entities, and from what en_core_web_sm labels wrongly or not at
all: places it takes for people or organisations ("Aachen" PERSON, "Bamako" ORG), demonyms
outside NORP entities ("Dutch F-16s" PERSON), named sites ("Rafah crossing") and datelines
("WASHINGTON — March 16, 2022").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from .furniture import Furniture
from .geo import (
    Place,
    actor_code,
    country_of_adjective,
    country_place,
    is_major,
    resolve_name,
    resolve_place,
)
from .nlp import text_of
from .resources import read_tsv

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Labels en_core_web_sm gives to places it does not know; events, laws and works of art are
# left out, since place names inside their names are no places ("Munich Security Conference").
MISLABELS = ("ORG", "PERSON", "PRODUCT")
# Words before a name that make it a place even when the place is a small town.
_LOCATIVE = frozenset(
    {"in", "to", "from", "near", "at", "around", "outside", "towards", "toward", "via", "into"}
)
_COORDINATION = frozenset({"and", "or", ",", "&"})
# A named site right after a place's name ("Rafah crossing", "Engels air base").
_SITE_AFTER = re.compile(
    r"[ \t]+(border crossing|crossing|checkpoint|air ?base|naval base|military base|airfield|"
    r"airport)\b"
)
# A dateline: a place (and its country) opening a line before a date or an agency
# ("WASHINGTON — March 16, 2022", "LUXEMBOURG, Oct 17 (CWS) -", "Vilnius, 11 June 2024").
_DATELINE = re.compile(
    r"^[ \t]*((?:[^\W\d_][\w'’.-]*)(?:[ \t][^\W\d_][\w'’.-]*){0,2})"
    r"(?:,[ \t]*[^\W\d_][\w.]*)?[ \t]*(?:,|—|–|--?)[ \t]*"
    r"(?=\(|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))",
    re.IGNORECASE | re.MULTILINE,
)
# Breadcrumb separators of site navigation ("WORLD › EUROPE"): such a line is page furniture.
_BREADCRUMB = re.compile(r"\s[›»]\s")
_BREADCRUMB_MAX_WORDS = 8
# Entities whose demonyms are read with the entity (or are part of a place's name).
_NO_DEMONYM = (*PLACE_LABELS, "NORP")
# Words that precede a country's demonym to form another one ("North Korean", "South African").
_COMPOUND_DEMONYM_HEADS = frozenset({"north", "south", "new", "sri", "costa", "el"})


@cache
def _name_heads() -> frozenset[str]:
    return frozenset(row["word"] for row in read_tsv("geo_name_heads.tsv", ("word", "kind")))


@dataclass
class PlaceMention:
    place: Place
    start_char: int
    end_char: int


def place_mentions(doc: Doc, furniture: Furniture) -> list[PlaceMention]:
    """Places named by entities, demonyms and datelines, outside the page furniture."""
    reader = _Reader(doc)
    found = reader.entity_mentions() + reader.demonym_mentions() + reader.dateline_mentions()
    seen: set[int] = set()
    out = []
    for m in sorted(found, key=lambda m: m.start_char):
        if m.start_char in seen or furniture.hides(m.start_char) or _breadcrumb(doc, m):
            continue
        seen.add(m.start_char)
        out.append(m)
    return out


def _name(ent: Span) -> bool:
    """A person's name: a PERSON entity of capitalized words only ("German Galushchenko"), not
    a mislabeled phrase ("Dutch F-16s")."""
    return ent.label_ == "PERSON" and len(ent) > 1 and all(t.is_alpha and t.is_title for t in ent)


def _breadcrumb(doc: Doc, mention: PlaceMention) -> bool:
    start = text_of(doc).rfind("\n", 0, mention.start_char) + 1
    end = text_of(doc).find("\n", mention.start_char)
    line = text_of(doc)[start : end if end >= 0 else len(text_of(doc))]
    return bool(_BREADCRUMB.search(line)) and len(line.split()) <= _BREADCRUMB_MAX_WORDS


class _Reader:
    """The place mentions of one doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.ents = doc.ents  # spaCy builds the spans anew on every access
        # Words of full person names ("Lloyd Austin"): alone, they are that person, not a city.
        # A PERSON entity that is a place ("Bila Tserkva") is no name.
        self.person_words = {
            token.lower_
            for ent in self.ents
            if ent.label_ == "PERSON" and len(ent) > 1 and resolve_name(ent.text) is None
            for token in ent
        }
        self.place_tokens: set[int] = set()

    def entity_mentions(self) -> list[PlaceMention]:
        out = []
        for ent in self.ents:
            place, end_char = self._site(ent), None
            if place is not None:
                end_char = ent.end_char + len(_SITE_AFTER.match(text_of(self.doc), ent.end_char)[0])
            else:
                place = self._entity_place(ent)
            if place is not None:
                self.place_tokens.update(range(ent.start, ent.end))
                out.append(PlaceMention(place, ent.start_char, end_char or ent.end_char))
        return out

    def _site(self, ent: Span) -> Place | None:
        """A named site after a place name: "Rafah crossing" (en_core_web_sm: "Rafah" PERSON)."""
        match = _SITE_AFTER.match(text_of(self.doc), ent.end_char)
        if match is None or ent.label_ not in (*PLACE_LABELS, *MISLABELS):
            return None
        return resolve_place(f"{ent.text} {match[1]}")

    def _entity_place(self, ent: Span) -> Place | None:
        if self._inside_name(ent):
            return None
        if ent.label_ == "NORP":
            code = actor_code(ent.text)
            return country_place(code) if code else None
        if ent.label_ in PLACE_LABELS:
            place = resolve_place(ent.text)
            return None if place and self._person_city(ent, place) else place
        if ent.label_ in MISLABELS:
            return self._mislabeled_place(ent)
        return None

    def _inside_name(self, ent: Span) -> bool:
        """A place name opening the name of an outlet, agreement or event ("Kyiv Independent",
        "Minsk Agreements"), which spaCy or the gazetteer ruler cut short."""
        return ent.end < len(self.doc) and self.doc[ent.end].text in _name_heads()

    def _person_city(self, ent: Span, place: Place) -> bool:
        """A city named like a person of the text ("Austin" after "Lloyd Austin")."""
        return place.type == "city" and all(t.lower_ in self.person_words for t in ent)

    def _mislabeled_place(self, ent: Span) -> Place | None:
        """A place spaCy took for a person, organisation or product: a name of the gazetteer
        that is no person of the text, and, for a city, not after "the" ("the Bank"), and
        either a major city or a town after a locative preposition or in a list of places."""
        place = resolve_name(ent.text)
        if place is None or self._person_city(ent, place):
            return None
        if place.type != "city":
            return place
        before = self._before(ent.start)
        if before is not None and before.lower_ == "the":
            return None
        return place if is_major(place) or self._locative(ent) else None

    def _before(self, i: int):
        return self.doc[i - 1] if i > 0 else None

    def _locative(self, ent: Span) -> bool:
        before = self._before(ent.start)
        if before is None:
            return False
        if before.lower_ in _LOCATIVE:
            return True
        return before.lower_ in _COORDINATION and (ent.start - 2) in self.place_tokens

    def demonym_mentions(self) -> list[PlaceMention]:
        """Countries named by a capitalized demonym outside the NORP and place entities,
        where en_core_web_sm left it or put it into another entity ("Dutch F-35s" ORG)."""
        taken = {
            i
            for ent in self.ents
            if ent.label_ in _NO_DEMONYM or _name(ent)
            for i in range(ent.start, ent.end)
        }
        out = []
        for token in self.doc:
            if token.i in taken or not token.text[:1].isupper() or token.pos_ == "VERB":
                continue
            start, code = token, None
            before = self._before(token.i)
            if before is not None and before.lower_ in _COMPOUND_DEMONYM_HEADS:
                code = country_of_adjective(f"{before.text} {token.text}")
                start = before if code else token
            code = code or country_of_adjective(token.text)
            place = country_place(code) if code else None
            if place is not None:
                out.append(PlaceMention(place, start.idx, token.idx + len(token)))
        return out

    def dateline_mentions(self) -> list[PlaceMention]:
        """The place of a dateline, which spaCy rarely labels ("WASHINGTON —" has no entity)."""
        out = []
        for match in _DATELINE.finditer(text_of(self.doc)):
            name = match[1]
            place = resolve_name(name) if name[:1].isupper() else None
            if place is not None:
                out.append(PlaceMention(place, match.start(1), match.end(1)))
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
