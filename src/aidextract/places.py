"""The places table: every geographic place named in the body, once each, canonicalized.

Places come from GPE/LOC/FAC entities, and from what en_core_web_sm labels wrongly or not at
all: places it takes for people or organisations ("Aachen" PERSON, "Bamako" ORG), demonyms
outside NORP entities ("Dutch F-16s" PERSON), named sites ("Rafah crossing"), datelines
("WASHINGTON — March 16, 2022"), regions it leaves unlabeled ("whether Gelderland should"),
and names that a head noun makes a place ("Murasaki River", "Oxford Street", "Lake Donuzlav",
"the villages of Berdychi and Semenivka", "Tower 22"; models/geo_place_heads.tsv) or that an
apposition or a locative phrase places ("Kenscoff, a hillside town", "to Minova, on the shores
of Lake Kivu"). Names before a plural word for regions are regions ("the Kharkiv and Sumy
regions"). Navigation (breadcrumbs, tickers, section labels), postal addresses, groupings of
countries named as actors ("the Baltic states joined"), far-off regions' bare ISO names before
a noun, without their country ("Gulf donors"), and place names inside the name of a currency,
an office's portfolio or an event ("U.S. dollars", "Commissioner for the Mediterranean", "the
ninth Brussels conference") are no places. A row takes the text's spelling of a canonical
name that differs from it only in diacritics ("Tartus" for GeoNames' "Ţarţūs"); a region
named like a city of the text takes its longer name ("Sagaing Region"), and a town known only
by an alternate name of a town in a country the text does not name keeps the text's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from .furniture import Furniture
from .geo import (
    Place,
    actor_code,
    as_written,
    bare_foreign_region,
    by_other_name,
    common_noun,
    country_of_adjective,
    country_place,
    direction_words,
    foreign_country,
    is_capital,
    is_major,
    is_populous,
    known_non_place,
    resolve_name,
    resolve_place,
)
from .money import currency_word_forms
from .nlp import text_of
from .resources import read_tsv, read_words
from .roles import title_lexicon

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Labels en_core_web_sm gives to places it does not know; events, laws and works of art are
# left out, since place names inside their names are no places ("Munich Security Conference").
MISLABELS = ("ORG", "PERSON", "PRODUCT")
# Words before a name that make it a place even when the place is a small town.
_LOCATIVE = frozenset(
    {"in", "to", "from", "near", "at", "around", "outside", "towards", "toward", "via", "into"}
)
_COORDINATION = frozenset({"and", "or", ",", "&"})
# Prepositions after which a single unknown name that spaCy takes for an organisation or a
# product is a town ("troops around Senafe"): no body or firm is "around" or "near".
_AROUND = frozenset({"around", "near", "outside"})
# Plural heads that make a name a grouping of countries ("the Baltic states").
_GROUPING_HEADS = frozenset({"states", "countries", "nations", "republics"})
# Words before a name that make it a place even when no gazetteer knows it ("near Radymno").
_WHERE = frozenset({"in", "near", "at", "around", "outside", "inside", "into"})
# A dateline: a place (and its country) opening a line before a date or an agency
# ("WASHINGTON — March 16, 2022", "LUXEMBOURG, Oct 17 (CWS) -", "Vilnius, 11 June 2024").
_DATELINE = re.compile(
    r"^[ \t]*((?:[^\W\d_][\w'’.-]*)(?:[ \t][^\W\d_][\w'’.-]*){0,2})"
    r"(?:,[ \t]*[^\W\d_][\w.]*)?[ \t]*(?:,|—|–|--?)[ \t]*"
    r"(?=\(|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))",
    re.IGNORECASE | re.MULTILINE,
)
# Breadcrumb separators of site navigation ("WORLD › EUROPE", "World > Europe") and the
# separators of a ticker ("Breaking: ECB holds rates • Moldova votes • Ukraine energy"): such
# a line is page furniture.
_BREADCRUMB = re.compile(r"\s[›»>]\s")
_BREADCRUMB_MAX_WORDS = 8
_TICKER = re.compile(r"\s•\s")
_TICKER_MIN_ITEMS = 3
_TICKER_MAX_ITEM_WORDS = 4
# Entities whose demonyms are read with the entity (or are part of a place's name).
_NO_DEMONYM = (*PLACE_LABELS, "NORP")
# Words that precede a country's demonym to form another one ("North Korean", "South African").
_COMPOUND_DEMONYM_HEADS = frozenset({"north", "south", "new", "sri", "costa", "el"})


@cache
def _name_heads() -> frozenset[str]:
    """Capitalized words that make a place name before them part of another name."""
    rows = read_tsv("geo_name_heads.tsv", ("word", "kind"))
    return frozenset(row["word"] for row in rows if row["kind"] != "event noun")


@cache
def _event_nouns() -> frozenset[str]:
    """Lower-case nouns after "the" and a place name that name an event ("the ninth Brussels
    conference"): the place name is then part of the event's name (FORMAT.md)."""
    rows = read_tsv("geo_name_heads.tsv", ("word", "kind"))
    return frozenset(row["word"] for row in rows if row["kind"] == "event noun")


@cache
def _place_heads() -> dict[str, dict[tuple[str, ...], str]]:
    """kind -> {head's lower-case words -> its singular form as written} (geo_place_heads.tsv).
    Site heads also stand in the plural ("crossings") after coordinated names."""
    heads: dict[str, dict[tuple[str, ...], str]] = {}
    for row in read_tsv("geo_place_heads.tsv", ("word", "kind")):
        words = tuple(row["word"].lower().split())
        table = heads.setdefault(row["kind"], {})
        table[words] = row["word"]
        if row["kind"] == "site":
            table.setdefault((*words[:-1], words[-1] + "s"), row["word"])
    return heads


@cache
def _title_words() -> frozenset[str]:
    """Titles of people (people_titles.tsv): in a PERSON entity "Kitakyushu Mayor Satoshi
    Hamada", the words before the title are no part of the person's name."""
    return frozenset(row["word"] for row in read_tsv("people_titles.tsv", ("word", "kind")))


@cache
def _office_heads() -> frozenset[str]:
    """Head words of titles (people_titles.tsv, kinds head and style, a head too): a place
    after one and "for" is the portfolio of an office ("Commissioner for the Mediterranean"),
    no place."""
    rows = read_tsv("people_titles.tsv", ("word", "kind"))
    return frozenset(row["word"] for row in rows if row["kind"] in ("head", "style"))


@cache
def _region_words_in_text() -> frozenset[str]:
    """Words for regions that, after a name or names coordinated with it, make them regions
    ("the Kharkiv and Sumy regions"; geo_region_words.tsv, in_text)."""
    rows = read_tsv("geo_region_words.tsv", ("word",))
    return frozenset(row["word"] for row in rows if row["in_text"] == "yes")


@cache
def _site_after() -> re.Pattern[str]:
    """A named site right after a place entity ("Rafah crossing", "Engels air base";
    geo_site_words.tsv, after_entity)."""
    rows = read_tsv("geo_site_words.tsv", ("word",))
    words = [re.escape(row["word"]) for row in rows if row["after_entity"] == "yes"]
    return re.compile(rf"[ \t]+({'|'.join(words)})\b")


@cache
def _near_after() -> re.Pattern[str]:
    """What ties an unknown name to a place after it ("in Bolechowo near Poznań", "to Minova,
    on the shores of Lake Kivu", "north of Kyiv"): the name is a town there."""
    points = "|".join(re.escape(word) for word in sorted(direction_words("point", "compound")))
    return re.compile(
        r",?[ \t]+(?:near|outside|close to|on the (?:shores?|banks?|outskirts|edge) of|"
        rf"(?:{points}) of)[ \t]+(?:the[ \t]+)?"
    )


# Entities a capitalized name inside which is no place name of its own. EVENT is not here:
# en_core_web_sm takes streets for events ("the Castlereagh Road site" EVENT).
_NAMED_THINGS = frozenset({"LAW", "WORK_OF_ART", "DATE", "TIME", "MONEY", "PERCENT"})
# How far after a name a word for regions may follow the names coordinated with it ("the
# Kharkiv and Sumy regions"), and how far before one an office's "for" may stand.
_MAX_COORDINATED = 8
# A base named by its unit's ordinal ("the 102nd military base", "the 201st base").
_ORDINAL = re.compile(r"^\d{1,4}(?:st|nd|rd|th)$")
_BASE_WORDS = frozenset({"base", "airbase"})
_MAX_NAME_TOKENS = 4
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
# A line opening with a link-list label ("READ MORE: ...", "MORE FROM THE GAZETTE: ...",
# "MOST READ: ..."): the headlines after it are links, page furniture (FORMAT.md).
_LABELED_LINE = re.compile(r"^\s*([^:\n]{2,40}):\s*\S")
# A postal address alone on a line ("The Desk, 27 Old Gloucester Street, London WC1N 3AX,
# United Kingdom"): a house number before a street, at the start of a line or after a comma.
_HOUSE_NUMBER = re.compile(r"(?:^|,)\s*\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'’.-]*\s+){1,4}([A-Z]\w+)")
_ADDRESS_MAX_WORDS = 16
# A print-issue line ("Published in The Courier, June 3rd, 2025", "First published in The
# Herald on 3 March 2025"): the outlet's name runs to the comma or "on" before the closing date.
_ISSUE_LINE = re.compile(
    r"[ \t]*(?:first |originally )?(?:published|printed) in[ \t]+([^,\n]+?)[ \t]*"
    r"(?:,|\bon\b)[^\n]{0,30}\b\d{4}[ \t.]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Words between "the" and a place name before an event noun ("the ninth Brussels conference").
_EVENT_MODIFIERS = 2
# How far after a name and its comma the head noun of an apposition may be ("Cobasna, one of
# the largest depots").
_APPOSITION_WORDS = 6
_APPOSITION_POS = frozenset({"DET", "NUM", "ADJ", "ADV", "NOUN", "PROPN"})


@dataclass
class PlaceMention:
    place: Place
    start_char: int
    end_char: int
    # For a named site ("Rukla military base"): the key of its town's name, under which a bare
    # mention of the town ("Rukla") in the same text is that site.
    site_of: str | None = None


def place_mentions(doc: Doc, furniture: Furniture) -> list[PlaceMention]:
    """Places named by entities, demonyms, datelines, unlabeled region names, head nouns and
    names joined by hyphens, outside the page furniture; a town named by a site of the text
    counts as that site."""
    reader = _Reader(doc)
    found = reader.entity_mentions() + reader.demonym_mentions() + reader.dateline_mentions()
    found += reader.grammar_mentions() + reader.unlabeled_region_mentions()
    found += reader.joined_mentions()
    seen: set[int] = set()
    out = []
    for m in sorted(found, key=lambda m: m.start_char):
        if m.start_char in seen or furniture.hides(m.start_char) or _no_place(doc, m):
            continue
        seen.add(m.start_char)
        out.append(m)
    out = _towns_by_other_names(doc, _regions_in_context(doc, out))
    return _spelled_as_written(doc, _towns_as_sites(out))


def _no_place(doc: Doc, mention: PlaceMention) -> bool:
    """Whether the mention names no place of the text: it is navigation, a link list, a
    section label, a grouping named as an actor, an address, part of another name or the
    outlet of a print-issue line."""
    tests = (_breadcrumb, _link_line, _section_label, _grouping_as_actor, _address_line)
    return any(test(doc, mention) for test in (*tests, _inside_other_name, _issue_outlet))


def _mention_text(doc: Doc, mention: PlaceMention) -> str:
    return text_of(doc)[mention.start_char : mention.end_char]


def _mention_span(doc: Doc, mention: PlaceMention) -> Span | None:
    """The tokens of a mention (a demonym or dateline mention may cut a token)."""
    return doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")


def _region_named(text: str) -> Place | None:
    """The first-level region `text` names ("Tahoua region"), else None: a city or a site of
    that name is not read where the text says region."""
    place = resolve_place(text)
    return place if place is not None and place.type == "admin1" else None


def _spelled_as_written(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Each place under the spelling of its first mention that is its canonical name up to
    diacritics ("Tartus" for GeoNames' "Ţarţūs"), so that the row shows the text's name; a
    mention that writes the canonical name itself keeps it ("Rostov-on-Don", then "Rostov")."""
    spelling: dict[Place, Place] = {}
    for m in mentions:
        if m.place not in spelling:
            text = _mention_text(doc, m)
            written = as_written(m.place, text)
            if written is not m.place or text.casefold() == m.place.name.casefold():
                spelling[m.place] = written
    for m in mentions:
        m.place = spelling.get(m.place, m.place)
    return _regions_apart_from_cities(doc, mentions)


def _regions_apart_from_cities(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A region named like a city of the same text ("Sagaing" and "Sagaing Region") takes
    the name with the word for regions that the text writes after it, else "region": the
    table holds the two as two rows (FORMAT.md: a city and the region named after it)."""
    cities = {m.place.name.casefold() for m in mentions if m.place.type == "city"}
    regions = {m.place for m in mentions if m.place.type == "admin1"}
    renamed: dict[Place, Place] = {}
    for m in mentions:
        if m.place not in regions or m.place.name.casefold() not in cities:
            continue
        text = _written_name(_mention_text(doc, m))
        if text.casefold().startswith(m.place.name.casefold() + " "):
            renamed.setdefault(m.place, replace(m.place, name=text))
    for place in regions:
        if place.name.casefold() in cities:
            renamed.setdefault(place, replace(place, name=f"{place.name} region"))
    for m in mentions:
        m.place = renamed.get(m.place, m.place)
    return mentions


def _inside_other_name(doc: Doc, mention: PlaceMention) -> bool:
    """A place name that is part of the name of something else (FORMAT.md): a currency ("U.S.
    dollars"), the portfolio of an office ("Commissioner for the Mediterranean") or an event
    ("the ninth Brussels conference")."""
    span = _mention_span(doc, mention)
    if span is None:
        return False
    return (
        (mention.place.type == "country" and _before_currency(span))
        or _portfolio(span)
        or _event_name(span)
        or _title_area(span, mention.place)
    )


def _title_area(span: Span, place: Place) -> bool:
    """A region of the world right after a title's capitalized head ("Supreme Allied
    Commander Europe"): the area of the office, part of its name."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None or place.type != "other" or place.country is not None:
        return False
    return _capitalized(before) and before.lower_ in _office_heads()


def _before_currency(span: Span) -> bool:
    """A name before a currency's word, also after a hyphen ("U.S. dollars", "U.S.-dollar
    bonds"): part of the currency's name."""
    doc = span.doc
    i = span.end + 1 if span.end < len(doc) and doc[span.end].text == "-" else span.end
    return i < len(doc) and doc[i].lower_ in currency_word_forms()


def _portfolio(span: Span) -> bool:
    """A place after an office's head and "for", or coordinated with one there ("Minister
    for Asia, Africa and the Middle East")."""
    doc = span.doc
    i = span.start - 1
    for _ in range(_MAX_COORDINATED):
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i >= 1 and doc[i].lower_ == "for" and doc[i - 1].lower_ in _office_heads():
            return True
        if i < 1 or doc[i].lower_ not in _COORDINATION or not _capitalized(doc[i - 1]):
            return False
        i -= 1
        while i >= 0 and _capitalized(doc[i]):
            i -= 1
    return False


def _event_name(span: Span) -> bool:
    """A place name between "the" (and at most two modifiers) and an event noun."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in _event_nouns():
        return False
    if doc[span.end].pos_ not in ("NOUN", "PROPN"):
        return False
    for token in reversed(doc[max(span.start - 1 - _EVENT_MODIFIERS, 0) : span.start]):
        if token.lower_ == "the":
            return True
        if token.pos_ not in ("ADJ", "NUM"):
            return False
    return False


def _issue_outlet(doc: Doc, mention: PlaceMention) -> bool:
    """A mention in the outlet's name of a print-issue line ("Published in The Courier, June
    3rd, 2025"): the line dates the article, but names no place there."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, mention.start_char) + 1
    match = _ISSUE_LINE.match(text, line_start)
    return bool(match) and match.start(1) <= mention.start_char < match.end(1)


def _address_line(doc: Doc, mention: PlaceMention) -> bool:
    """A mention on a line that is a postal address (a publisher's, in the footer): a short
    line of three or more comma-separated parts, one a house number and a street."""
    line = _line(doc, mention.start_char)
    if line.count(",") < 2 or len(line.split()) > _ADDRESS_MAX_WORDS:
        return False
    streets = {words[-1] for words in _place_heads().get("feature", {})}
    return any(m[1].lower() in streets for m in _HOUSE_NUMBER.finditer(line))


def _regions_in_context(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A bare ISO name of a far-off region before a noun ("Gulf donors": Gulf, a province of
    Papua New Guinea) is as likely a word or a grouping's adjective: it names the region only
    where the text also names a place of the region's country."""
    foreign = [_foreign_modifier(doc, m) for m in mentions]
    countries = {m.place.country for m, weak in zip(mentions, foreign, strict=True) if not weak}
    return [
        m
        for m, weak in zip(mentions, foreign, strict=True)
        if not weak or m.place.country in countries
    ]


def _towns_by_other_names(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A town named only by an alternate name of a GeoNames town in a country the text names
    no other place of ("Temisco, near the border": Temixco, Mexico) is a town the
    gazetteer lacks: it keeps the text's name and no country."""
    other = [by_other_name(m.place, _mention_text(doc, m)) for m in mentions]
    countries = {m.place.country for m, weak in zip(mentions, other, strict=True) if not weak}
    for m, weak in zip(mentions, other, strict=True):
        if weak and m.place.country not in countries:
            m.place = Place(_written_name(_mention_text(doc, m)), "city", None)
    return mentions


def _written_name(text: str) -> str:
    """A mention's text as a place's name: without a leading "the" or a possessive."""
    return _POSSESSIVE.sub("", _THE.sub("", text.strip()))


def _towns_as_sites(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A town whose named site the text also names ("the Rukla military base" ... "Rukla")
    is that site: the text knows the place by the site. Not a capital or a city of 100,000
    or more ("Goma airport" ... "Goma"): the text means the city by its name."""
    sites = {m.site_of: m.place for m in mentions if m.site_of}
    for m in mentions:
        key = m.place.name.casefold()
        if key in sites and m.place != sites[key] and _town_like(m.place):
            m.place = sites[key]
    return mentions


def _town_like(place: Place) -> bool:
    """A town, or a place of its own name that no gazetteer knows, and no big city."""
    unknown = place.type == "other" and place.country is None
    return (place.type == "city" or unknown) and not is_populous(place)


def _person_name(ent: Span) -> bool:
    """A person's name: a PERSON entity of capitalized words only ("German Galushchenko"), not
    a mislabeled phrase ("Dutch F-16s")."""
    return ent.label_ == "PERSON" and len(ent) > 1 and all(t.is_alpha and t.is_title for t in ent)


def _line(doc: Doc, char: int) -> str:
    """The line of the text that holds a character, without its newline."""
    text = text_of(doc)
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return text[start : end if end >= 0 else len(text)]


def _breadcrumb(doc: Doc, mention: PlaceMention) -> bool:
    """A mention on a line of site navigation: a short breadcrumb trail, or a ticker of three
    or more short items between bullets (a bullet opening the line is a list's)."""
    line = _line(doc, mention.start_char).strip()
    if _BREADCRUMB.search(line) and len(line.split()) <= _BREADCRUMB_MAX_WORDS:
        return True
    items = _TICKER.split(line.lstrip("•").strip())
    return len(items) >= _TICKER_MIN_ITEMS and all(
        len(item.split()) <= _TICKER_MAX_ITEM_WORDS for item in items
    )


def _link_line(doc: Doc, mention: PlaceMention) -> bool:
    """A mention on a line of links under a label that is itself furniture ("READ MORE:
    FUKUOKA STUDENTS RAISE ¥3 MILLION FOR KHARKIV SCHOOL"); a caption ("Photo: ...") is not."""
    match = _LABELED_LINE.match(_line(doc, mention.start_char))
    return bool(match) and _furniture_label(match[1].strip())


def _foreign_modifier(doc: Doc, mention: PlaceMention) -> bool:
    """A bare foreign region's name before a noun other than a word for regions ("Gulf
    donors", but not "the Oueme department")."""
    span = _mention_span(doc, mention)
    if span is None or span[-1].dep_ != "compound" or not bare_foreign_region(span.text):
        return False
    return span.end >= len(doc) or doc[span.end].lower_ not in _region_words_in_text()


def _section_label(doc: Doc, mention: PlaceMention) -> bool:
    """A line holding only the name of a region of the world ("Asia Pacific" over a headline,
    or among topic tags): the section of a news site, not a place of the text. A line holding
    only a country is a heading of the text ("NETHERLANDS" in a fact sheet)."""
    place = mention.place
    if place.type != "other" or place.country is not None:
        return False
    line = _line(doc, mention.start_char).strip()
    return line == _mention_text(doc, mention).strip()


def _grouping_as_actor(doc: Doc, mention: PlaceMention) -> bool:
    """A grouping of countries ("the Baltic states", "the Nordic countries") named as actors
    or neighbours, not as where something is or goes ("moved to the Baltic states"): no place
    (FORMAT.md: groupings)."""
    span = _mention_span(doc, mention)
    if span is None or span[-1].lower_ not in _GROUPING_HEADS or mention.place.type != "other":
        return False
    start = span.start - 1 if span.start > 0 and doc[span.start - 1].lower_ == "the" else span.start
    return start == 0 or doc[start - 1].lower_ not in _LOCATIVE | {"across", "throughout"}


@cache
def _furniture_label(label: str) -> bool:
    """Whether a line's label ("READ MORE") is furniture, by the patterns of furniture.tsv."""
    return Furniture(label).hides(0)


class _Reader:
    """The place mentions of one doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.ents = doc.ents  # spaCy builds the spans anew on every access
        # Words of full person names ("Lloyd Austin"): alone, they are that person, not a city.
        # A PERSON entity that is a place ("Bila Tserkva") is no name, and words before a
        # title inside one ("Kitakyushu Mayor Satoshi Hamada") are not the person's.
        self.person_words = {
            token.lower_
            for ent in self.ents
            if ent.label_ == "PERSON" and len(ent) > 1 and resolve_name(ent.text) is None
            for token in _after_title(ent)
        }
        self.place_tokens: set[int] = set()
        self.place_at: dict[int, Place] = {}  # token -> the place of the mention it is in
        self.ent_of = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.runs = _name_runs(doc)

    def entity_mentions(self) -> list[PlaceMention]:
        """Places of entities, marking their tokens as taken for the readers that follow."""
        out = []
        for ent in self.ents:
            site = self._site(ent)
            if site is not None:
                end_char = ent.end_char + len(
                    _site_after().match(text_of(self.doc), ent.end_char)[0]
                )
                self.place_tokens.update(range(ent.start, ent.end))
                out.append(PlaceMention(site, ent.start_char, end_char, _site_key(ent.text)))
                continue
            for place, start, end in self._entity_places(ent):
                self.place_tokens.update(range(start, end))
                self.place_at.update(dict.fromkeys(range(start, end), place))
                span = self.doc[start:end]
                out.append(PlaceMention(place, span.start_char, span.end_char, _town_of(span)))
        return out

    def _site(self, ent: Span) -> Place | None:
        """A named site after a place name: "Rafah crossing" (en_core_web_sm: "Rafah" PERSON)."""
        match = _site_after().match(text_of(self.doc), ent.end_char)
        if match is None or ent.label_ not in (*PLACE_LABELS, *MISLABELS):
            return None
        return resolve_place(f"{ent.text} {match[1]}")

    def _entity_places(self, ent: Span) -> list[tuple[Place, int, int]]:
        """The places of an entity with their token spans: the entity's own place, else the
        places of its coordinated parts ("Eindhoven to Veldhoven" ORG)."""
        city = self._city_named(ent)
        if city is not None:
            return [(city, ent.start, ent.end + 1)]
        if self._site_name(ent):
            return []
        place = self._entity_place(ent)
        if place is not None:
            return [(self._region_reading(ent, place), ent.start, ent.end)]
        if ent.label_ == "LANGUAGE":
            return self._city_as_language(ent)
        if ent.label_ not in (*PLACE_LABELS, *MISLABELS) or self._inside_name(ent):
            return []
        if ent.label_ in PLACE_LABELS and self._unknown_place(ent):
            name = ent[1:] if ent[0].lower_ == "the" else ent
            type_ = "city" if ent.label_ == "GPE" else "other"
            place = foreign_country(name.text) or Place(name.text, type_, None)
            return [(place, name.start, name.end)]
        town = self._town_near(ent) or self._described_place(ent)
        if town is not None:
            return [(town, ent.start, ent.end)]
        return self._coordinated_places(ent)

    def _city_as_language(self, ent: Span) -> list[tuple[Place, int, int]]:
        """A major city spaCy takes for a language after a locative ("buildings in
        Naypyitaw" LANGUAGE); no language is a city the gazetteer knows by its own name."""
        place = resolve_name(ent.text) if self._after_locative(ent) else None
        if place is None or place.type != "city" or not is_major(place):
            return []
        return [(place, ent.start, ent.end)]

    def _coordinated_places(self, ent: Span) -> list[tuple[Place, int, int]]:
        """The places of two or more coordinated parts of an entity ("Eindhoven to Veldhoven"
        ORG), each a known place that is major or after a locative; none for a single part."""
        parts = _coordinated_parts(ent)
        out = []
        for part in parts:
            place = resolve_name(part.text)
            if place is not None and (is_major(place) or self._after_locative_or_place(part)):
                out.append((place, part.start, part.end))
        if out and self._after_locative(ent) and len(parts) > len(out):
            # "from Eindhoven to Veldhoven": a name joined to a place after a locative is a town
            found = {start for _, start, _ in out}
            out += [
                (Place(part.text, "city", None), part.start, part.end)
                for part in parts
                if part.start not in found and all(_capitalized(t) for t in part)
            ]
        return sorted(out, key=lambda hit: hit[1]) if len(out) > 1 else []

    def _site_name(self, ent: Span) -> bool:
        """A far-off region's bare ISO name before the head of a site or feature ("the Unity
        stadium"): the name of that site, which grammar_mentions reads."""
        if not bare_foreign_region(ent.text):
            return False
        after = tuple(t.lower_ for t in self.doc[ent.end : ent.end + 2])
        heads = _place_heads()
        return any(
            after[:size] in heads.get(kind, {}) for kind in ("site", "feature") for size in (1, 2)
        )

    def _town_near(self, ent: Span) -> Place | None:
        """A name no gazetteer knows after a locative preposition and before "near", "outside"
        or "on the shores of" a place ("the factory in Bolechowo near Poznań", "home to Minova,
        on the shores of Lake Kivu"): a town, in that place's country if it is a known place
        other than a country."""
        if not self._located_name(ent):
            return None
        match = _near_after().match(text_of(self.doc), ent.end_char)
        near = self._entity_at(match.end()) if match else None
        if near is None or near.label_ not in (*PLACE_LABELS, "NORP"):
            return None
        place = resolve_place(near.text)
        if near.label_ == "NORP" and place is None:
            return None
        # near a border ("at Tinzaouaten, near the Algerian border"), the town may lie across it
        country = place.country if place is not None and place.type != "country" else None
        return Place(ent.text, "city", country)

    def _entity_at(self, char: int) -> Span | None:
        """The entity that starts at a character of the text, if any."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        ent = self.ent_of.get(span.start) if span is not None else None
        return ent if ent is not None and ent.start_char == char else None

    def _unknown_entity(self, ent: Span) -> bool:
        """A capitalized name spaCy labels a place, person or organisation that no gazetteer,
        body or building knows: a place only where the grammar around it says so."""
        return (
            ent.label_ in (*PLACE_LABELS, *MISLABELS)
            and _proper_name(ent)
            and not known_non_place(ent.text)
            and resolve_name(ent.text) is None
        )

    def _located_name(self, ent: Span) -> bool:
        return self._after_locative(ent) and self._unknown_entity(ent)

    def _described_place(self, ent: Span) -> Place | None:
        """A name no gazetteer knows that an apposition calls a town ("parts of Kenscoff, a
        hillside town"), or, after a locative preposition, a site ("stored at Cobasna, one of
        the largest depots") or the place of a clause ("fled towards Petion-Ville, where")."""
        if not self._unknown_entity(ent):
            return None
        kind = self._apposition(ent)
        if kind == "settlement":
            return Place(ent.text, "city", None)
        if not self._after_locative(ent):
            return None
        if kind in ("site", "at"):
            return Place(ent.text, "other", None)
        if self._around_town(ent) or self._route_start(ent):
            return Place(ent.text, "city", None)
        after = self.doc[ent.end : ent.end + 2]
        where = len(after) == 2 and after[0].text == "," and after[1].lower_ == "where"
        return Place(ent.text, "city", None) if where else None

    def _route_start(self, ent: Span) -> bool:
        """A name between "from" and "to" or "into" a known place ("crossed from Dolo Ado
        into Somalia's Gedo region"): the town a route starts from."""
        before = self._before(ent.start)
        if before is None or before.lower_ != "from" or ent.end + 1 >= len(self.doc):
            return False
        if self.doc[ent.end].lower_ not in ("to", "into"):
            return False
        target = self.ent_of.get(ent.end + 1)
        return (
            target is not None
            and target.label_ in PLACE_LABELS
            and bool(resolve_place(target.text))
        )

    def _around_town(self, ent: Span) -> bool:
        """A single word spaCy takes for an organisation or a product after "around", "near"
        or "outside" ("troops around Senafe"), no acronym ("around SDG 12,000")."""
        before = self._before(ent.start)
        return (
            before is not None
            and before.lower_ in _AROUND
            and ent.label_ != "PERSON"
            and len(ent) == 1
            and not ent.text.isupper()
        )

    def _apposition(self, ent: Span) -> str | None:
        """The kind of place head (geo_place_heads.tsv) of a noun phrase after an entity and
        a comma ("Kenscoff, a hillside town": settlement; "Cobasna, one of the largest
        depots": at), else None; not a clause ("Dorota Kaleta, said the city")."""
        doc = self.doc
        opener = doc[ent.end + 1] if ent.end + 2 < len(doc) else None
        if opener is None or doc[ent.end].text != "," or opener.pos_ not in ("DET", "NUM"):
            return None
        heads = _place_heads()
        for token in doc[ent.end + 1 : ent.end + 1 + _APPOSITION_WORDS]:
            if token.pos_ not in _APPOSITION_POS and token.lower_ != "of":
                return None
            if token.pos_ == "NOUN" and token.dep_ != "compound":
                word = (token.lemma_.lower(),)
                kinds = ("settlement", "site", "at")
                return next((kind for kind in kinds if word in heads.get(kind, {})), None)
        return None

    def _city_named(self, ent: Span) -> Place | None:
        """The city the text names "X City" where the entity is X ("Gaza" LOC, then "City"),
        when X alone names another place (the Gaza Strip; Kuwait, the country)."""
        doc = self.doc
        if ent.end >= len(doc) or doc[ent.end].text != "City":
            return None
        if ent.end + 1 < len(doc) and doc[ent.end + 1].text in _name_heads():
            return None  # "Kyiv City Council"
        city = resolve_place(f"{ent.text} City")
        if city is None or city.type != "city" or resolve_place(ent.text) == city:
            return None
        return city if city.name.endswith("City") else replace(city, name=f"{city.name} City")

    def _after_locative(self, ent: Span) -> bool:
        """Whether a locative preposition stands right before the entity ("near Radymno"), or
        "of" after an act on a place ("the siege of Babanusa"; geo_place_heads.tsv, kind of)."""
        before = self._before(ent.start)
        if before is not None and before.lower_ == "of" and before.i > 0:
            return (self.doc[before.i - 1].lower_,) in _place_heads().get("of", {})
        return before is not None and before.lower_ in _LOCATIVE

    def _unknown_place(self, ent: Span) -> bool:
        """A name spaCy labels a place that no gazetteer knows ("near Radymno", "at Borgo
        Egnazia"): a place where it follows "in", "near", "at", "around" or "outside", or a
        place coordinated with one, unless it is a body, a building or a name's head
        ("the Japan-Ukraine Conference")."""
        before = self._before(ent.start)
        if before is not None and before.lower_ in direction_words("adjective"):
            before = self._before(before.i)  # "in northern Luzon"
        name = ent[1:] if ent[0].lower_ == "the" else ent
        if before is None or not len(name) or not _proper_name(name):
            return False
        if ent[-1].text in _name_heads() or known_non_place(ent.text):
            return False
        if ent.end < len(self.doc) and self.doc[ent.end].lower_ == "of":
            return False  # a name cut short: "Democratic Republic" of the Congo
        coordinated = before.lower_ in _COORDINATION and (ent.start - 2) in self.place_tokens
        return before.lower_ in _WHERE or coordinated or self._quarter(ent, before)

    def _quarter(self, ent: Span, before: Token) -> bool:
        """A quarter of a town: a name before a quarter's head, after a known place's
        possessive ("Mogadishu's Hamar Weyne district") or after a locative and "the" ("in the
        Daraja Oula neighbourhood")."""
        after = self.doc[ent.end].lower_ if ent.end < len(self.doc) else ""
        if (after,) not in _place_heads().get("quarter", {}) or before.i == 0:
            return False
        owner = self.doc[before.i - 1]
        if before.text in ("'s", "’s"):
            return owner.i in self.place_tokens
        return before.lower_ == "the" and owner.lower_ in _WHERE

    def _entity_place(self, ent: Span) -> Place | None:
        """The place an entity names by its label: a country or region for NORP, the
        gazetteer's place for a place label, a mislabeled place for ORG, PERSON, PRODUCT."""
        if self._inside_name(ent):
            return None
        if ent.label_ == "NORP":  # "Kigali denies", "in Ungheni and Cahul districts" are NORP
            code = actor_code(ent.text)
            if code:
                return country_place(code)
            region = self._region_of_adjective(ent) or self._partisan_home(ent)
            return region or self._mislabeled_place(ent)
        if ent.label_ in PLACE_LABELS:
            place = resolve_place(ent.text) or self._named_region(ent)  # "the Afar region"
            return None if place and self._person_city(ent, place) else place
        if ent.label_ in MISLABELS:
            return self._mislabeled_place(ent)
        return None

    def _region_reading(self, ent: Span, place: Place) -> Place:
        """The region named like a city where the text means the region: "the partner region of
        Lviv", "the Kharkiv front"."""
        if place.type != "city":
            return place
        heads = _place_heads()
        before = tuple(t.lower_ for t in self.doc[max(ent.start - 2, 0) : ent.start])
        after = self.doc[ent.end].lower_ if ent.end < len(self.doc) else ""
        admin = self._admin_word_after(ent)
        if admin is not None:
            return _region_named(f"{ent.text} {admin}") or place
        of_region = (
            len(before) == 2 and before[1] == "of" and (before[0],) in heads.get("region", {})
        )
        if of_region or (after,) in heads.get("front", {}):
            return _region_named(f"{ent.text} region") or place
        return place

    def _partisan_home(self, ent: Span) -> Place | None:
        """The state or city before a party word in a NORP entity ("the Mississippi Republican",
        people_parties.tsv)."""
        if len(ent) < 2 or ent[-1].text not in title_lexicon().parties:
            return None
        place = resolve_name(ent[:-1].text)
        return place if place is not None and place.type in ("admin1", "city") else None

    def _region_of_adjective(self, ent: Span) -> Place | None:
        """The region an adjective before a word for regions names ("the Transnistrian
        region")."""
        if ent.end >= len(self.doc) or self.doc[ent.end].lower_ not in _region_words_in_text():
            return None
        return _region_named(f"{ent.text} {self.doc[ent.end].text}")

    def _admin_word_after(self, ent: Span) -> str | None:
        """The word for a region after a name ("Ungheni district"), or after the names
        coordinated with it ("the Kharkiv and Sumy regions"), else None; not a word that
        names something else ("the Kyiv district court")."""
        for token in self.doc[ent.end : ent.end + _MAX_COORDINATED]:
            if token.lower_ in _region_words_in_text():
                after = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
                named = after is not None and after.pos_ in ("NOUN", "PROPN")
                return None if named else token.lower_
            if not (_capitalized(token) or token.lower_ in ("and", ",", "-")):
                return None
        return None

    def _inside_name(self, ent: Span) -> bool:
        """A place name opening the name of an outlet, agreement or event ("Kyiv Independent",
        "Minsk Agreements"), also after a feature's head ("the Nile River Alliance"), which
        spaCy or the gazetteer ruler cut short."""
        after = ent.end
        if after < len(self.doc) and (self.doc[after].lower_,) in _place_heads().get("feature", {}):
            after += 1
        return after < len(self.doc) and self.doc[after].text in _name_heads()

    def _person_city(self, ent: Span, place: Place) -> bool:
        """A city named like a person of the text ("Austin" after "Lloyd Austin")."""
        return place.type == "city" and all(t.lower_ in self.person_words for t in ent)

    def _mislabeled_place(self, ent: Span) -> Place | None:
        """A place spaCy took for a person, organisation or product: a name of the gazetteer
        that is no person of the text, and, for a city, not after "the" ("the Bank"), and
        either a major city or a town after a locative preposition, in a list of places or
        before an apposition that calls it a town ("Kenscoff, a hillside town")."""
        region = self._named_region(ent)
        if region is not None:
            return region
        place = resolve_name(ent.text) or self._town_by_other_name(ent)
        if place is None or self._person_city(ent, place) or self._surname(ent):
            return None
        if place.type != "city":
            return place
        before = self._before(ent.start)
        if before is not None and before.lower_ == "the" and not self._front_after(ent):
            return None
        if (
            is_major(place)
            or self._after_locative_or_place(ent)
            or self._apposition(ent) == "settlement"
            or self._front_after(ent)
        ):
            return place
        return None

    def _front_after(self, ent: Span) -> bool:
        """Whether a front's head follows the name ("the Bure front"): the front is named
        after the town."""
        after = self.doc[ent.end].lower_ if ent.end < len(self.doc) else ""
        return (after,) in _place_heads().get("front", {})

    def _town_by_other_name(self, ent: Span) -> Place | None:
        """A town the gazetteer knows only by a GeoNames alternate name ("Bara", GeoNames
        "Bārah"), after a locative and in the country of a place the text named before it
        ("In North Kordofan, fighting spread around Bara"): the town, under the text's name."""
        if len(ent.text) <= 3 or not _proper_name(ent) or not self._after_locative(ent):
            return None
        place = resolve_place(ent.text)
        if place is None or place.type != "city" or known_non_place(ent.text):
            return None
        countries = {p.country for p in self.place_at.values()}
        return replace(place, name=ent.text) if place.country in countries else None

    def _named_region(self, ent: Span) -> Place | None:
        """The region a mislabeled name before a word for regions names ("in the Tahoua
        region", "Tahoua" ORG): the word makes it a region even after "the"."""
        admin = self._admin_word_after(ent)
        return _region_named(f"{ent.text} {admin}") if admin is not None else None

    def _surname(self, ent: Span) -> bool:
        """A PERSON entity after a capitalized name that spaCy left out of it ("Baroness Priya
        Khanna" -> "Khanna" PERSON) or split off ("Samia Suluhu" + "Hassan"): the surname of
        that person, not a place."""
        before = self._before(ent.start)
        return (
            ent.label_ == "PERSON"
            and before is not None
            and before.pos_ == "PROPN"
            and _capitalized(before)
            and before.lower_ not in direction_words("point")
            and (before.i not in self.ent_of or self.ent_of[before.i].label_ == "PERSON")
        )

    def _before(self, i: int) -> Token | None:
        """The token before token `i`, None at the start of the doc."""
        return self.doc[i - 1] if i > 0 else None

    def _after_locative_or_place(self, ent: Span) -> bool:
        """Whether a locative preposition stands before the entity, or "and" or a comma after
        a place mention ("in Lviv and Drohobych"): a town there is a place."""
        if self._after_locative(ent):
            return True
        before = self._before(ent.start)
        return (
            before is not None
            and before.lower_ in _COORDINATION
            and (ent.start - 2) in self.place_tokens
        )

    def demonym_mentions(self) -> list[PlaceMention]:
        """Countries named by a capitalized demonym outside the NORP and place entities,
        where en_core_web_sm left it or put it into another entity ("Dutch F-35s" ORG)."""
        taken = {
            i
            for ent in self.ents
            if ent.label_ in _NO_DEMONYM or _person_name(ent)
            for i in range(ent.start, ent.end)
        }
        out = []
        for token in self.doc:
            if token.i in taken or not token.text[:1].isupper() or token.pos_ == "VERB":
                continue
            if token.i + 1 < len(self.doc) and self.doc[token.i + 1].text in _name_heads():
                continue  # "Agence France Presse"
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

    def unlabeled_region_mentions(self) -> list[PlaceMention]:
        """Regions and capitals en_core_web_sm left without an entity ("whether Gelderland
        should be", "Kigali denies"): a run of proper nouns outside every entity that is a
        region's name or a capital's, and no word of a person's name; names before a word for
        regions ("the Chui, Osh and Jalal-Abad regions") and towns coordinated with a region
        of the same name ("in Rakhine and Sagaing") are regions."""
        out = []
        for run in self.runs:
            if any(i in self.ent_of for i in range(run.start, run.end)):
                continue
            place = self._unlabeled_region(run)
            if place is not None:
                out.append(PlaceMention(place, run.start_char, run.end_char))
        return out

    def _unlabeled_region(self, run: Span) -> Place | None:
        """The region or capital an unlabeled run names, else None."""
        region = self._named_region(run)
        if region is not None:
            return region
        place = resolve_name(run.text)
        if place is None or (place.type == "city" and self._person_city(run, place)):
            return None
        if place.type == "admin1" or (place.type == "city" and is_capital(place)):
            return place
        return self._region_among_regions(run, place)

    def _region_among_regions(self, run: Span, place: Place) -> Place | None:
        """The region named like a town where the name follows a region of the same country
        and "and" or a comma ("fighting in Rakhine and Sagaing"); no big city."""
        if place.type != "city" or is_major(place) or run.start < 2:
            return None
        joint, previous = self.doc[run.start - 1], self.place_at.get(run.start - 2)
        if joint.lower_ not in ("and", ",") or previous is None or previous.type != "admin1":
            return None
        region = _region_named(f"{run.text} region")
        return region if region is not None and region.country == previous.country else None

    def joined_mentions(self) -> list[PlaceMention]:
        """Known places joined by hyphens ("the Kayes-Bamako road"; "Sikasso-Bamako" PERSON)
        and known places coordinated after a locative inside a work of art's entity ("moved
        toward Luuq and Baardheere"): each is a place where every part is a known place."""
        out = []
        for run in self.runs:
            if not self._unclaimed(run) or not self._free_name(run):
                continue
            out += self._known_parts(_hyphenated_parts(run))
        for ent in self.ents:
            if ent.label_ == "WORK_OF_ART" and self._after_locative(ent) and self._free_name(ent):
                out += self._known_parts(_coordinated_parts(ent))
        return out

    def _free_name(self, span: Span) -> bool:
        """A span that is no place mention yet and opens no other name ("Japan-Ukraine
        Conference")."""
        if any(i in self.place_tokens for i in range(span.start, span.end)):
            return False
        return span.end >= len(self.doc) or self.doc[span.end].text not in _name_heads()

    def _known_parts(self, parts: list[Span]) -> list[PlaceMention]:
        """A mention for each of two or more parts where each is a known place, else none."""
        places = [resolve_name(part.text) if _proper_name(part) else None for part in parts]
        if len(parts) < 2 or None in places:
            return []
        return [
            PlaceMention(place, part.start_char, part.end_char)
            for place, part in zip(places, parts, strict=True)
        ]

    def grammar_mentions(self) -> list[PlaceMention]:
        """Places a head noun names (geo_place_heads.tsv): features and sites after a name
        ("Murasaki River", "Volkel air base"), features before one ("Lake Donuzlav"), towns
        after "the town of" or "the villages of", and bases named by an ordinal ("its 102nd
        military base")."""
        out = []
        for run in self.runs:
            if not self._unclaimed(run):
                continue
            out += self._feature_or_site(run)
            out += self._settlements(run)
        return out + self._ordinal_bases()

    def _ordinal_bases(self) -> list[PlaceMention]:
        """Bases named by an ordinal before a base head ("the 102nd military base")."""
        out = []
        sites = _place_heads().get("site", {})
        for token in self.doc:
            if not _ORDINAL.match(token.text) or token.i in self.place_tokens:
                continue
            for size in (2, 1):
                head = tuple(t.lower_ for t in self.doc[token.i + 1 : token.i + 1 + size])
                if len(head) == size and head in sites and head[-1] in _BASE_WORDS:
                    phrase = self.doc[token.i : token.i + 1 + size]
                    place = Place(phrase.text, "other", None)
                    out.append(PlaceMention(place, phrase.start_char, phrase.end_char))
                    break
        return out

    def _unclaimed(self, run: Span) -> bool:
        """A name run that is no place mention yet and no part of an event's, a law's or a
        date's name."""
        return not any(
            i in self.place_tokens or self.ent_of.get(i, run).label_ in _NAMED_THINGS
            for i in range(run.start, run.end)
        )

    def _feature_or_site(self, run: Span) -> list[PlaceMention]:
        """The feature or site a run names with a head: a number after it, a head inside it, a
        head before the name ("Lake Donuzlav") or one right after the run."""
        heads = _place_heads()
        words = [t.lower_ for t in run]
        numbered = self._numbered_site(run)
        if numbered or any(tuple(words) in heads.get(kind, {}) for kind in ("feature", "site")):
            return numbered  # "Tower 22", "Air Base 201"; a bare head ("Air Base") names none
        for i in range(1, len(run)):  # a head inside the run: "Kuril Islands", "Oxford Street East"
            for size in (2, 1):
                head = tuple(words[i : i + size])
                rest = words[i + size :]
                if len(head) == size and all(w in direction_words("point") for w in rest):
                    for kind in ("feature", "site", "pass"):
                        if head in heads.get(kind, {}) and (kind != "pass" or _known_town(run[:i])):
                            return self._named(run[:i], run, kind)
        before = self._head_before(run)
        if before is not None:
            return self._named(run[before + 1 :], run, "before")
        after = [t.lower_ for t in self.doc[run.end : run.end + 2]]
        for size in (2, 1):
            head = tuple(after[:size])
            for kind in ("feature", "site"):
                if len(head) == size and head in heads.get(kind, {}):
                    phrase = self.doc[run.start : run.end + size]
                    return self._coordinated_sites(run, phrase, heads[kind][head], kind)
        return []

    def _head_before(self, run: Span) -> int | None:
        """The index of a head before a name in a run ("Lake Donuzlav"), also after an
        operator's acronym ("RAAF Base Tindal"), else None."""
        firsts = {head[0] for head in _place_heads().get("before", {})}
        for i, token in enumerate(run[:-1]):
            if token.lower_ in firsts:
                return i
            if not (token.text.isupper() and len(token) > 1):
                return None
        return None

    def _numbered_site(self, run: Span) -> list[PlaceMention]:
        """A site named by a head and a number of one to three digits ("killed at Tower 22",
        "Air Base 201"; geo_place_heads.tsv, kind numbered), not a year."""
        number = self.doc[run.end] if run.end < len(self.doc) else None
        if number is None or not number.text.isdigit() or len(number.text) > 3:
            return []
        words = tuple(t.lower_ for t in run)
        heads = _place_heads().get("numbered", {})
        if not any(words[-size:] in heads for size in (1, 2) if len(words) >= size):
            return []
        phrase = self.doc[run.start : run.end + 1]
        return [PlaceMention(Place(phrase.text, "other", None), phrase.start_char, phrase.end_char)]

    def _named(self, name: Span, phrase: Span, kind: str) -> list[PlaceMention]:
        """The place a phrase of a name and a head names: the gazetteer's reading of the phrase
        if it has one, else a place of type other named by the phrase; none where the name is
        a known place, body or building ("Black Sea port", "NATO base") or opens an outlet's
        or event's name ("Wall Street Journal")."""
        after = self.doc[phrase.end] if phrase.end < len(self.doc) else None
        if (after is not None and after.text in _name_heads()) or known_non_place(phrase.text):
            return []
        place = resolve_place(phrase.text)
        if place is not None:
            site_of = _site_key(name.text) if kind == "site" else None
            return [PlaceMention(place, phrase.start_char, phrase.end_char, site_of)]
        if not self._unknown_name(name, kind):
            return []
        if kind == "site" and not _capitalized(phrase[-1]) and not common_noun(name.text):
            # the text knows the site by the name: "the Korczowa border crossing"; not by a
            # word ("the Unity stadium") or without a head that is part of the name
            # ("Hanimaadhoo International Airport")
            return [PlaceMention(Place(name.text, "other", None), name.start_char, name.end_char)]
        site_of = _site_key(name.text) if kind == "site" else None
        place = Place(phrase.text, "other", None)
        return [PlaceMention(place, phrase.start_char, phrase.end_char, site_of)]

    def _unknown_name(self, name: Span, kind: str) -> bool:
        """Whether a name before or after a head names a place of its own: no country, body or
        demonym ("Russian port", "NATO base"), and for a site no known place either ("Black Sea
        port"; "Odesa port" is Odesa); a feature may take the name of a city or a region
        ("Oxford Street", "Lake Kivu")."""
        if not name.text[:1].isupper() or actor_code(name.text):
            return False
        place = resolve_place(name.text)
        if place is None or bare_foreign_region(name.text):
            return True  # a far-off region's bare ISO name is as likely a word ("Unity")
        return kind != "site" and place.type != "country"

    def _coordinated_sites(
        self, run: Span, phrase: Span, singular: str, kind: str
    ) -> list[PlaceMention]:
        """A site or feature after a name, and, after a plural site head, the names joined to
        it ("the Korczowa and Medyka crossings" -> Korczowa crossing, Medyka crossing)."""
        if phrase[-1].lower_ == singular.lower().split()[-1]:
            return self._named(_before_acronyms(run) if kind == "site" else run, phrase, kind)
        out = []
        for name in [*_names_before(self.doc, run), run]:
            place = resolve_place(f"{name.text} {singular}")
            if place is None and self._unknown_name(name, kind):
                place = Place(name.text, "other", None)
            if place is not None:
                site_of = _site_key(name.text)
                out.append(PlaceMention(place, name.start_char, name.end_char, site_of))
        return out

    def _settlements(self, run: Span) -> list[PlaceMention]:
        """Towns after "the town of", "the villages of ... and ..." or a site and "at" ("the
        border crossing at Medyka"): the names the gazetteer does not know become cities of
        unknown country."""
        first = run
        names = [run]
        while True:
            before = [t.lower_ for t in self.doc[max(first.start - 2, 0) : first.start]]
            if len(before) == 2 and before[1] in ("of", "at"):
                break
            previous = _names_before(self.doc, first)
            if not previous:
                return []
            first = previous[-1]
            names.insert(0, first)
        head, joint = (t.lower_ for t in self.doc[first.start - 2 : first.start])
        kinds = ("settlement",) if joint == "of" else ("site", "at")  # "the crossing at Medyka"
        if not any((head,) in _place_heads().get(kind, {}) for kind in kinds):
            return []
        out = []
        for name in names:
            if not self._unclaimed(name):
                continue
            place = resolve_place(name.text) or Place(name.text, "city", None)
            if place.type == "city":
                out.append(PlaceMention(place, name.start_char, name.end_char))
        return out


def _before_acronyms(name: Span) -> Span:
    """A site's name without the acronyms between it and the head, which qualify the head
    ("the Kalma IDP camp", "the Incirlik US air base"): the text knows the site by the name."""
    end = name.end
    while end > name.start + 1 and name.doc[end - 1].text.isupper() and len(name.doc[end - 1]) > 1:
        end -= 1
    return name.doc[name.start : end]


def _known_town(name: Span) -> bool:
    """Whether a name is a known town or region ("Fulda"), not a country or a word."""
    place = resolve_name(name.text)
    return place is not None and place.type in ("city", "admin1")


def _site_key(name: str) -> str:
    return name.strip().casefold()


def _town_of(span: Span) -> str | None:
    """The key of the town a site entity is named after ("Jasionka airport" -> "jasionka"),
    None for an entity that ends in no site head."""
    words = [t.lower_ for t in span]
    for size in (2, 1):
        if len(words) > size and tuple(words[-size:]) in _place_heads().get("site", {}):
            name = span[1:-size] if words[0] == "the" else span[:-size]
            return _site_key(name.text) if len(name) else None
    return None


def _after_title(ent: Span) -> Span:
    """The tokens of a PERSON entity after its last title word ("Kitakyushu Mayor Satoshi
    Hamada" -> "Satoshi Hamada"); the whole entity where it has none."""
    titles = [t.i for t in ent if t.lower_ in _title_words()]
    return ent.doc[titles[-1] + 1 : ent.end] if titles else ent


def _coordinated_parts(ent: Span) -> list[Span]:
    """The parts of an entity joined by "and", "to", "&" or a comma ("Eindhoven to
    Veldhoven"); the whole entity when it has no such joint."""
    parts, start = [], ent.start
    for token in ent:
        if token.lower_ in ("and", "to", "&", ","):
            if token.i > start:
                parts.append(ent.doc[start : token.i])
            start = token.i + 1
    if start < ent.end:
        parts.append(ent.doc[start : ent.end])
    return parts


def _hyphenated_parts(run: Span) -> list[Span]:
    """The parts of a run between its hyphens ("Kayes-Bamako" -> Kayes, Bamako)."""
    parts, start = [], run.start
    for token in run:
        if token.text == "-":
            parts.append(run.doc[start : token.i])
            start = token.i + 1
    parts.append(run.doc[start : run.end])
    return [part for part in parts if len(part)]


def _name_runs(doc: Doc) -> list[Span]:
    """Maximal runs of capitalized words (joined by hyphens without spaces: "Rzeszów-Jasionka"),
    of at most _MAX_NAME_TOKENS words, without a stop word or a sentence-opening word that is
    no proper noun at their start ("The", "A Kokura firm" keeps "Kokura")."""
    out = []
    for run in _capitalized_runs(doc):
        while len(run) and (run[0].is_stop or run[0].text == "-" or _opener(run[0])):
            run = run[1:]
        while len(run) and run[-1].text == "-":
            run = run[:-1]
        if 0 < len(run) <= _MAX_NAME_TOKENS:
            out.append(run)
    return out


def _capitalized_runs(doc: Doc) -> list[Span]:
    """Maximal runs of capitalized words and the hyphens that join them without spaces."""
    runs, start = [], None
    for token in doc:
        joined = start is not None and not doc[token.i - 1].whitespace_
        if _capitalized(token) or (joined and token.text == "-"):
            if start is None:
                start = token.i
            continue
        if start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start : len(doc)])
    return runs


def _proper_name(span: Span) -> bool:
    """Capitalized words, with lower-case particles and hyphens inside ("Deir al-Balah")."""
    if not len(span) or not (_capitalized(span[0]) and _capitalized(span[-1])):
        return False
    return all(_capitalized(t) or t.lower_ in read_words("geo_name_particles.txt") for t in span)


def _capitalized(token: Token) -> bool:
    """A word with a capital initial: letters only, or with an apostrophe ("O'Hare")."""
    return token.text[:1].isupper() and (token.is_alpha or "'" in token.text or "’" in token.text)


def _opener(token: Token) -> bool:
    """A capitalized word that only opens a sentence: no proper noun."""
    return token.is_sent_start and token.pos_ != "PROPN"


def _names_before(doc: Doc, run: Span) -> list[Span]:
    """The capitalized names coordinated before a run ("Korczowa and" before "Medyka"),
    nearest last."""
    names = []
    end = run.start
    while end >= 2 and doc[end - 1].lower_ in ("and", ","):
        start = end - 1
        while start > 0 and _capitalized(doc[start - 1]):
            start -= 1
        if start == end - 1:
            break
        names.insert(0, doc[start : end - 1])
        end = start
    return names


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
