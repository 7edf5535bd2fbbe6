"""People named in an article, merged to the fullest name, with the role and country it gives.

spaCy's small model glues titles to names ("Defense Lloyd Austin"), reads places and weapons as
PERSON ("Kyiv", "Patriot") and hides names inside ORG spans ("Chancellor Olaf Scholz"). The
rules here repair those slips from the parse, the title phrases of `roles` and the caller's
`actor_code` (country names, demonyms, bodies, capitals -> codes), so that the same code serves
any article: no person's name or country is written down anywhere but the office holders' list.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import pycountry
from spacy.tokens import Doc, Token

from .nlp import text_of
from .resources import ResourceError, read_tsv, read_words
from .roles import (
    INITIAL,
    POSSESSIVE,
    ActorCode,
    DocWords,
    Title,
    first_conjunct,
    mention_title,
    read_title,
    title_before,
)

__all__ = ["ActorCode", "Person", "extract_people", "office_country"]

_SUFFIXES = frozenset({"Jr.", "Jr", "Jnr.", "Jnr", "Sr.", "Sr", "Snr.", "Snr", "II", "III", "IV"})
_PARTICLES = frozenset({"al", "bin", "ibn", "de", "del", "der", "van", "von", "da", "di", "dos"})
_THING_ENTS = frozenset(
    {"ORG", "PRODUCT", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
)
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# "the war in Donbass", "travelled to Aachen": a lone word there is a place, not a person
_PLACE_PREPS = frozenset({"in", "near", "across", "outside", "around", "into", "inside"})
_PLACE_PREPS_LONE = _PLACE_PREPS | {"to", "from", "at", "on", "towards", "toward", "through", "via"}
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_MODALS = frozenset({"would", "will", "could", "can", "'ll", "wo", "shall"})
_LABEL_WORDS = 3  # words a line label may hold after a name before its colon ("X and Y:")
_BODY_LOOKBACK = 3  # sentences searched back for the body of "Secretary General X"
# what a line of bylines holds besides the names: "and", "&", commas, "(now)", "By"
_NAME_GLUE = re.compile(r"(?:\s|[,&|]|\band\b|\bby\b|\([a-z ]{1,20}\))*", re.IGNORECASE)
_LINE_LABEL = re.compile(r"^\W*([A-Z][\w .'’-]{1,40}?):\s")
_HEADING_NUMBER = re.compile(r"^\W*(?:\d+\s*[.)]\s*)?")
# an Arabic article joined to a surname, which a later mention may drop ("al-Assad" -> "Assad")
_JOINED_PARTICLE = re.compile(r"^(?:a[lnrsdtz]|el|ash)-(?=\w)")


@dataclass
class Person:
    """One person of an article; `spans` are the character offsets of every merged mention."""

    name: str
    role: str | None
    country: str | None
    mentions: int
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Mention:
    start: int  # token range of the name
    end: int
    role: str | None
    country: str | None


@dataclass(frozen=True)
class _NameLexicon:
    not_names: frozenset[str]
    thing_heads: frozenset[str]
    group_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    vessel_prefixes: frozenset[str]
    thing_prefixes: frozenset[str]
    credits_before: tuple[re.Pattern, ...]
    credits_line: tuple[re.Pattern, ...]
    credits_sentence: tuple[re.Pattern, ...]
    credits_after: tuple[re.Pattern, ...]
    contacts: tuple[re.Pattern, ...]


@cache
def _names() -> _NameLexicon:
    credits = read_tsv("people_credits.tsv", required=("kind", "pattern"))
    calendar_words = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}
    return _NameLexicon(
        not_names=read_words("people_not_names.txt") | calendar_words,
        thing_heads=read_words("people_not_names.txt"),
        group_nouns=read_words("people_group_nouns.txt"),
        thing_nouns=read_words("people_thing_nouns.txt"),
        vessel_prefixes=read_words("people_vessel_prefixes.txt"),
        thing_prefixes=read_words("people_thing_prefixes.txt"),
        credits_before=_patterns(credits, "before"),
        credits_line=_patterns(credits, "line"),
        credits_sentence=_patterns(credits, "sentence"),
        credits_after=_patterns(credits, "after"),
        contacts=_patterns(credits, "contact"),
    )


def _patterns(rows: tuple[dict[str, str], ...], kind: str) -> tuple[re.Pattern, ...]:
    try:
        return tuple(re.compile(r["pattern"], re.IGNORECASE) for r in rows if r["kind"] == kind)
    except re.error as exc:
        raise ResourceError(f"models/people_credits.tsv: bad pattern ({exc})") from exc


# --- known office holders ------------------------------------------------------------------


@cache
def _office_holders() -> dict[str, tuple[tuple[str, str], ...]]:
    """Name key of every form of an office holder's name -> ((since, code), ...) by date."""
    name = "people_office_holders.tsv"
    forms: dict[str, dict[tuple[str, str], None]] = {}
    owner: dict[str, str] = {}
    for row in read_tsv(name, required=("name", "country", "since")):
        for form in (row["name"], *row.get("aliases", "").split(",")):
            key = _name_key(form)
            if not key:
                continue
            if owner.setdefault(key, row["name"]) != row["name"]:
                raise ResourceError(f"models/{name}: {form!r} names {owner[key]} and {row['name']}")
            forms.setdefault(key, {})[(row["since"], row["country"])] = None
    return {key: tuple(sorted(terms)) for key, terms in forms.items()}


def _name_key(name: str) -> str:
    """A name without accents, case, initials, suffixes or hyphens ("Joseph R. Biden Jr.")."""
    plain = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    suffixes = {s.lower().rstrip(".") for s in _SUFFIXES}
    words = [w.strip(".") for w in re.split(r"[\s-]+", plain)]
    return " ".join(w for w in words if len(w) > 1 and w not in suffixes)


def office_country(name: str, published: str | None = None) -> str | None:
    """Country or body of a known office holder ("Volodymyr Zelensky" -> UKR), else None.

    A holder who moved between a country and a body takes the office begun last before
    `published` (the latest one without a date).
    """
    terms = _office_holders().get(_name_key(name))
    if not terms:
        return None
    month = (published or "")[:7]
    begun = [code for since, code in terms if not month or since <= month]
    return begun[-1] if begun else terms[0][1]


# --- the people of a doc -------------------------------------------------------------------


def extract_people(
    doc: Doc,
    actor_code: ActorCode,
    published: str | None = None,
    place_country: ActorCode | None = None,
) -> list[Person]:
    """Every person named in `doc`, once each, in order of first mention.

    `actor_code(text)` maps a country name, demonym, body or capital to its code (or None);
    it decides which title prefixes are countries and which PERSON spans are really places.
    `published` (ISO date, maybe partial) picks the office of a holder who changed office.
    `place_country(text)` gives the country of a city or region ("Belfast" -> GBR), for the
    holders of local offices.
    """
    w = DocWords(doc, actor_code, place_country)
    candidates = _candidates(w)
    credits, credited = _credits(w, candidates)
    mentions = [
        _Mention(start, end, *mention_title(w, start, end))
        for start, end in candidates
        if (start, end) not in credits and _is_mention(w, start, end)
    ]
    no_people = credited | _thing_names(w, candidates)
    groups = [g for g in _merge(w, mentions) if not _is_named_as(w, g, no_people)]
    ministries = _ministries(w)
    people = [_person(w, group, ministries, published) for group in groups]
    _add_titles_referring_back(w, groups, people)
    return people


# --- name spans ----------------------------------------------------------------------------


def _candidates(w: DocWords) -> list[tuple[int, int]]:
    """Name spans: runs of capitalised words that are PERSON or stand next to a title."""
    out, unlabelled = [], []
    for run_start, run_end in _name_runs(w):
        start = _after_titles(w, run_start, run_end)
        end = _before_group_noun(w, start, run_end)
        if start >= end or _is_vessel(w, run_start):
            continue
        # a holder's name may open with a country's ("Israel Katz"), which the cut took
        holder = _holder_start(w, run_start, end)
        if holder is not None:
            out.append((holder, end))
        elif any(rule(w, start, end) for rule in (_is_person_ent, _has_title, _by_grammar)):
            out.append((start, end))
        elif len(w.words(start, end)) > 1 and all(k not in w.ent for k in range(start, end)):
            unlabelled.append((start, end))
    # "• Volodymyr Zelensky meets ...": a full name the model missed, of a surname it found
    surnames = {w.word_text[e - 1].lower() for s, e in out if _is_person_ent(w, s, e)}
    out += [(s, e) for s, e in unlabelled if w.word_text[e - 1].lower() in surnames]
    return sorted(out)


def _is_vessel(w: DocWords, start: int) -> bool:
    """A ship's name: the run opens with a ship prefix or follows one ("INS Satpura")."""
    words = [w.word_text[start]] + ([w.word_text[w.word_start[start - 1]]] if start else [])
    return any(word.isupper() and word.lower() in _names().vessel_prefixes for word in words)


def _is_person_ent(w: DocWords, start: int, end: int) -> bool:
    return any(w.label(k) == "PERSON" for k in range(start, end))


def _holder_start(w: DocWords, start: int, end: int) -> int | None:
    """Start of the longest full name of a known office holder that ends the run, whatever
    the model's label: "Najib Mikati told" (WORK_OF_ART), "of the United Kingdom John
    Healey", "High Commissioner for Refugees Filippo Grandi". The name opens with no
    initial, which the list's keys ignore ("wrote on X. Anna Bjerde" is "Anna Bjerde"), nor
    with a title ("King Salman" is "Salman")."""
    words = w.words(start, end)
    return next(
        (
            k
            for n, k in enumerate(words)
            if len(words) - n > 1
            and not INITIAL.fullmatch(w.word_text[k])
            and not w.is_title_word(k)
            and _is_holder(w, k, end)
        ),
        None,
    )


def _is_holder(w: DocWords, start: int, end: int) -> bool:
    return office_country(w.doc[start:end].text) is not None


def _by_grammar(w: DocWords, start: int, end: int) -> bool:
    """A name the model gave another label, told by what follows it: ", who" after a full
    name ("Anne-Marie Doherty, who manages the site"), or a circle after a known office
    holder's surname ("the Sunak government")."""
    if len(w.words(start, end)) > 1:
        return w.text_at(end) == "," and w.text_at(end + 1).lower() == "who"
    return _before_group(w, end) and office_country(w.word_text[start]) is not None


def _name_runs(w: DocWords) -> Iterator[tuple[int, int]]:
    """Runs of name-like words, with suffixes and particles inside ("Ursula von der Leyen")."""
    doc, i = w.doc, 0
    while i < len(doc):
        if not w.is_namelike(i):
            i = w.word_end[i]
            continue
        start, end = i, w.word_end[i]
        while end < len(doc) and doc[end - 1].whitespace_ == " ":
            if w.is_namelike(end) or w.texts[end] in _SUFFIXES:
                end = w.word_end[end]
                continue
            after = end
            while after < len(doc) and doc[after].whitespace_ and _joins_name(w.texts[after]):
                after += 1
            if after == end or after >= len(doc) or not w.is_namelike(after):
                break
            end = w.word_end[after]
        yield start, end
        i = end


def _joins_name(text: str) -> bool:
    """A particle ("von der") or an initial without its stop ("Dinesh K Tripathi") inside a
    name."""
    return text in _PARTICLES or (len(text) == 1 and text.isupper() and text not in "AI")


def _after_titles(w: DocWords, start: int, end: int) -> int:
    """Start of the name in a run, past glued titles and countries ("Defense Lloyd Austin");
    a country's word right after a title's head is a surname ("Vice Minister Han Ji-seok"),
    and an honorific after a name word is a name word ("Hassan Sheikh Mohamud")."""
    starts = w.words(start, end)
    flags: list[bool] = []
    for n, k in enumerate(starts):
        flags.append(
            (w.is_title_word(k) and not _given_name_like_rank(w, starts, n))
            or (w.word_text[k].lower() in w.lex.honorifics and all(flags))
            or (w.code(w.word_text[k]) is not None and not (n and w.is_head(starts[n - 1])))
        )
    if all(flags):
        return end  # titles and countries only: "Pentagon Press Secretary Maj"
    cut = _past_complement_entity(w, start, end)
    for n, flag in enumerate(flags):
        if (flag or _honorific_after_country(w, starts, n)) and not all(flags[n + 1 :]):
            cut = w.word_end[starts[n]]
    # "Chief of the General Staff Valery Gerasimov": the org word left before the name
    while cut < end and w.word_text[cut].lower() in _names().not_names:
        cut = w.word_end[cut]
    return cut


def _honorific_after_country(w: DocWords, starts: list[int], n: int) -> bool:
    """An honorific after a country of several words, which opens the name: "High
    Commissioner to [Sri Lanka Shri Santosh Jha]" (but "Hassan Sheikh Mohamud" is one name)."""
    k = starts[n]
    if w.word_text[k].lower() not in w.lex.honorifics:
        return False
    return any(w.code(w.doc[starts[m] : k].text) for m in range(n - 1))


def _past_complement_entity(w: DocWords, start: int, end: int) -> int:
    """Start of a name after the tail of a title's complement that the model read as an
    organisation: "Minister of Humanitarian Affairs and [Disaster Management] Albino Akol
    Atak". The name left has two words at least and no entity of its own."""
    ent = w.ent.get(start)
    if ent is None or ent.label_ == "PERSON" or ent.start != start or ent.end >= end:
        return start
    rest = range(ent.end, end)
    if len(w.words(ent.end, end)) < 2 or any(k in w.ent for k in rest):
        return start
    return ent.end if title_before(w, ent.end) is not None else start


def _given_name_like_rank(w: DocWords, starts: list[int], n: int) -> bool:
    """A rank's short form without its stop between a title and one last name word is a
    given name the model put in the name: "Defense Minister Gen Nakatani"."""
    k = starts[n]
    return (
        0 < n == len(starts) - 2
        and w.is_rank_word(k)
        and not w.word_text[k].endswith(".")
        and len(w.word_text[k]) <= 4
        and w.is_head(starts[n - 1])
        and not w.is_rank_word(starts[n - 1])
        and w.label(k) == "PERSON"
        and w.ent.get(k) is w.ent.get(starts[n + 1])
    )


def _before_group_noun(w: DocWords, start: int, end: int) -> int:
    """End of the name before a capitalised "Administration" or "Government"."""
    while end > start and w.word_text[end - 1].lower() in _names().group_nouns:
        end = w.word_start[end - 1]
    return end


def _has_title(w: DocWords, start: int, end: int) -> bool:
    """A name the model gave another label ("Chancellor Olaf Scholz" as ORG) by its title."""
    if len(w.words(start, end)) == 1 and w.is_title_word(start):
        return False
    if mention_title(w, start, end)[0] is None:
        return False
    if w.lowers[start - 1] in _PLACE_PREPS and any(
        w.label(k) in _PLACE_ENTS for k in range(start, end)
    ):
        return False  # "head of the Egyptian Red Crescent in [North Sinai]": the office's place
    ent = w.ent.get(start)
    if ent is None:
        return True
    # "the UN General Assembly", "the Official Journal": the title word is the org's own,
    # unless a full name follows it ("[Founder Ilse de Groot]" ORG)
    before = title_before(w, start)
    if before and w.ent.get(before.head) is ent:
        return len(w.words(start, end)) > 1
    # "Governor of [the National Bank of Moldova Octavian Ciobanu]": the entity opens in the
    # title's complement; one word left is the org's own ("member of the National Assembly")
    if before and before.head < ent.start:
        return len(w.words(start, end)) > 1
    # "... Security and Co-operation": the tail of an organisation's name
    return all(
        t.lower_ == "the" or w.is_title_word(t.i) or w.code(t.text)
        for t in w.doc[ent.start : start]
    )


# --- credits: names of the article's makers -------------------------------------------------


def _credits(
    w: DocWords, candidates: list[tuple[int, int]]
) -> tuple[set[tuple[int, int]], set[tuple[str, ...]]]:
    """Candidates that credit the article's makers (bylines, photo and reporting credits, lines
    of names alone: "Lena Hartmann (now) and Tom Ashby (earlier)") or are press contacts,
    and the names credited (not the contacts'), so that an author's bio is no person
    either. A name alone on its line is no mention,
    but credits no one: it may be a caption. A byline the model gave another label
    ("By Marta Lindqvist" ORG) still credits its name."""
    spans, names = set(), set()
    lines = _name_lines(w, candidates)
    for start, end in candidates:
        credit = _is_credit(w, start, end)
        names_on_line = lines.get(_line_start(w, start), 0)
        if credit or names_on_line > 1:
            names.add(_name_words(w, start, end))
        if credit or names_on_line or _is_contact(w, end):
            spans.add((start, end))
    for run_start, run_end in _name_runs(w):
        start = _after_titles(w, run_start, run_end)
        if len(w.words(start, run_end)) > 1 and _is_credit(w, start, run_end):
            names.add(_name_words(w, start, run_end))
    return spans, names


def _line_start(w: DocWords, i: int) -> int:
    return text_of(w.doc).rfind("\n", 0, w.doc[i].idx) + 1


def _name_lines(w: DocWords, candidates: list[tuple[int, int]]) -> dict[int, int]:
    """Start offset -> number of names, of every line that holds names and glue alone."""
    text, doc = text_of(w.doc), w.doc
    on_line: dict[int, list[tuple[int, int]]] = {}
    for start, end in candidates:
        span = doc[start:end]
        on_line.setdefault(_line_start(w, start), []).append((span.start_char, span.end_char))
    out = {}
    for line_start, spans in on_line.items():
        line_end = text.find("\n", line_start)
        line_end = line_end if line_end >= 0 else len(text)
        edges = [line_start, *(c for span in spans for c in span), line_end]
        glue = [text[edges[k] : edges[k + 1]] for k in range(0, len(edges), 2)]
        if all(_NAME_GLUE.fullmatch(piece) for piece in glue):
            out[line_start] = len(spans)
    return out


# --- names of things -----------------------------------------------------------------------


def _thing_names(w: DocWords, candidates: list[tuple[int, int]]) -> set[tuple[str, ...]]:
    """Names the text shows to be things: a company's ("Skyforge Robotics": the last word is
    a listed non-name, not a weekday or month glued to a name), one after a thing's prefix
    ("Operation Sagar Bandhu", "Cyclone Mocha"), one followed by
    ", which" ("Hibiki Denki, which employs 310 people"), one in apposition to a company
    or event noun ("Budomex Podkarpacie, a family-run construction firm") or after one."""
    named = (_name_words(w, start, end) for start, end in candidates)
    out = {words for words in named if len(words) > 1 and words[-1] in _names().thing_heads}
    for start, end in _name_runs(w):
        after_prefix = w.word_end[start]
        if w.word_text[start].lower() in _names().thing_prefixes and after_prefix < end:
            out |= {_name_words(w, k, end) for k in (start, after_prefix)}  # "Operation X"
        if (
            _followed_by_which(w, end)
            or _in_thing_apposition(w, start, end)
            or _after_thing_noun(w, start)
        ):
            out.add(_name_words(w, start, end))
    return out


def _after_thing_noun(w: DocWords, start: int) -> bool:
    """ "the aid group Relief International", "the grid operator Ukrenergo": a name set after
    a company or group noun."""
    noun = w.doc[start - 1] if start > 0 else None
    return (
        noun is not None
        and noun.pos_ == "NOUN"
        and noun.text.islower()
        and noun.lemma_ in _names().thing_nouns
    )


def _followed_by_which(w: DocWords, end: int) -> bool:
    return w.text_at(end) == "," and w.text_at(end + 1).lower() == "which"


def _in_thing_apposition(w: DocWords, start: int, end: int) -> bool:
    root = w.doc[start:end].root
    beside = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        beside.append(root.head)
    nouns = _names().thing_nouns
    return any(t.text.islower() and t.lemma_.lower() in nouns for t in beside)


def _is_named_as(w: DocWords, group: list[_Mention], names: set[tuple[str, ...]]) -> bool:
    """The group's name is, in full or in part, one of `names`; a lone word is also the first
    word of one ("Skyforge" of "Skyforge Robotics")."""
    words = max((_name_words(w, m.start, m.end) for m in group), key=len)
    if len(words) == 1 and any(name[0] == words[0] for name in names if len(name) > 1):
        return True
    return any(_part_of(words, name) for name in names)


# --- which spans name a person -------------------------------------------------------------


def _is_mention(w: DocWords, start: int, end: int) -> bool:
    """False for handles and capitalised words that are not names."""
    if _is_handle(w, start) or _is_origin(w, start) or not _has_name_words(w, start, end):
        return False
    span = w.doc[start:end]
    if len(w.words(start, end)) > 1 and w.code(span.text) and not title_before(w, start):
        return False  # "Luís Montenegro" is a country's name, but not after "Prime Minister"
    if w.pos[start] == "ADP" and w.code(w.doc[w.word_end[start] : end].text):
        return False  # "Beyond Haiti, Kenya keeps ...": a preposition read into a name
    if _ends_in_demonym(w, start, end):
        return False  # "Preliminary Sri Lankan government estimates"
    root = first_conjunct(span.root)
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
        return title_before(w, start) is not None
    return not _is_attributive(w, start, end)


def _ends_in_demonym(w: DocWords, start: int, end: int) -> bool:
    """The span closes, after another word, with a country's adjective of two words ("Sri
    Lankan", "South Korean"): a code that is no country's name (a surname may be one:
    "Michael Jordan")."""
    words = w.words(start, end)
    if len(words) < 3:
        return False
    tail = w.doc[words[-2] : end].text
    if w.code(tail) is None:
        return False
    try:
        pycountry.countries.lookup(tail)
    except LookupError:
        return True
    return False


def _is_origin(w: DocWords, start: int) -> bool:
    """ "Sen. X of [Kentucky], the Republican leader", "X, 22, of [Clinton]": where a named
    person comes from, after the name or after the age set after it."""
    if start < 2 or w.lowers[start - 1] != "of":
        return False
    if w.label(start - 2) == "PERSON":
        return True
    age = start - 3
    return (
        age > 1
        and w.texts[start - 2] == w.texts[age - 1] == ","
        and w.texts[age].isdigit()
        and w.is_namelike(w.word_start[age - 2])
    )


def _is_handle(w: DocWords, start: int) -> bool:
    """ "@JohnSmith", "#Biden": a social-media handle or tag."""
    return start > 0 and w.texts[start - 1] in ("@", "#") and not w.doc[start - 1].whitespace_


def _is_credit(w: DocWords, start: int, end: int) -> bool:
    """A "Reuters/Jane Doe" credit, a byline, a dateline's agency, a reporter's credit, a
    caption's "[Jane Doe, Outlet]" or a press contact ("Jane Doe, +1 202 ...")."""
    doc, text = w.doc, text_of(w.doc)
    span = doc[start:end]
    a, b = span.start_char, span.end_char
    if text[b : b + 1] == "/" or text[a - 1 : a] == "/":
        return True
    lex = _names()
    segment = text[max(text.rfind(mark, 0, a) for mark in "\n(;") + 1 : a]
    if any(p.search(segment) for p in lex.credits_before):
        return True
    line = text[text.rfind("\n", 0, a) + 1 : a]
    if any(p.search(line) for p in lex.credits_line):
        return True
    line_end = text.find("\n", b)
    rest = text[b : line_end if line_end >= 0 else len(text)]
    if any(p.search(rest) for p in lex.credits_after):
        return True
    sent = span.sent
    sentence = text[sent.start_char : sent.end_char]  # = sent.text, without its tokens
    return any(p.search(sentence) for p in lex.credits_sentence)


def _is_contact(w: DocWords, end: int) -> bool:
    """A press contact ("Jane Doe, +41 79 ..., doe@unhcr.org"): no mention, but the person
    the body names with a title ("UNHCR spokesperson Jane Doe said") is still one."""
    text = text_of(w.doc)
    b = w.doc[end - 1].idx + len(w.doc[end - 1])
    line_end = text.find("\n", b)
    rest = text[b : line_end if line_end >= 0 else len(text)]
    return any(p.search(rest) for p in _names().contacts)


def _has_name_words(w: DocWords, start: int, end: int) -> bool:
    """No word is a known non-name, the surname has lower-case letters (not "PDF", not "JD"
    alone), and no word is "Russian-Belarusian"."""
    words = [w.word_text[k] for k in w.words(start, end)]
    surname = [word for word in words if word not in _SUFFIXES][-1:]
    if (
        any(word.lower() in _names().not_names for word in words)
        or not surname
        or surname[0].isupper()
    ):
        return False
    return not any(w.code(part) for word in words for part in word.split("-")[1:])


def _is_attributive(w: DocWords, start: int, end: int) -> bool:
    """True for "the Patriot battery", "20 Marder vehicles", "Bayraktar TB2s": a name used as
    a thing's name (a hyphenated name's lower-case tail, "Sun-won", is no thing's noun)."""
    doc = w.doc
    root = first_conjunct(doc[start:end].root)
    head = root.head
    if (
        root.dep_ in ("compound", "amod", "nmod")
        and head.i > root.i
        and (w.word_text[head.i].islower() or any(ch.isdigit() for ch in head.text))
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in _names().group_nouns
    ):
        return True
    if start > 0 and w.lowers[start - 1] in _DETERMINERS and w.pos[start - 1] in ("DET", "PRON"):
        return not _before_group(w, end)
    return False


def _before_group(w: DocWords, i: int) -> bool:
    """Token `i` names a person's circle ("the Biden administration")."""
    return w.text_at(i).lower() in _names().group_nouns


# --- merging mentions ----------------------------------------------------------------------


def _merge(w: DocWords, mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions grouped per person: a shorter form joins the fullest name it is part of."""
    keyed = [(m, _name_words(w, m.start, m.end)) for m in mentions]
    canonical = _canonical_names({tuple(words) for _, words in keyed if len(words) > 1})
    groups: dict[tuple[str, ...], list[_Mention]] = {}
    lone: dict[str, list[_Mention]] = {}
    for m, words in keyed:
        if len(words) > 1:
            groups.setdefault(canonical[tuple(words)], []).append(m)
        else:
            lone.setdefault(words[0], []).append(m)
    for word, alone in lone.items():
        owners = [g for g in groups if len(g) > 1 and word in (g[0], *_surnames(g))]
        # "Albino Akol Atak" ... "Akol thanked China": a middle name of one full name alone
        owners = owners or [g for g in groups if len(g) > 2 and word in g[1:-1]][:1]
        if owners:
            for m in alone:
                groups[_nearest(owners, groups, m)].append(m)
        elif _lone_word_is_person(w, alone):
            groups[(word,)] = alone
    _add_entity_surnames(w, groups)
    return sorted(
        (sorted(g, key=lambda m: m.start) for g in groups.values()), key=lambda g: g[0].start
    )


def _name_words(w: DocWords, start: int, end: int) -> tuple[str, ...]:
    """The name's words as merge keys ("von der Leyen" = "Von der Leyen")."""
    return tuple(w.word_text[k].replace("’", "'").lower() for k in w.words(start, end))


def _canonical_names(names: set[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each name of several words -> the longest name it is part of (or itself)."""
    full = sorted(names, key=len, reverse=True)
    return {
        name: next((big for big in full if len(big) > len(name) and _part_of(name, big)), name)
        for name in full
    }


def _nearest(owners: list, groups: dict, m: _Mention) -> tuple[str, ...]:
    """The owner mentioned last before `m` (else first after it)."""

    def distance(g):
        before = [x.start for x in groups[g] if x.start < m.start]
        return (0, m.start - max(before)) if before else (1, min(x.start for x in groups[g]))

    return min(owners, key=distance)


def _surname(name: tuple[str, ...]) -> str:
    """Surname of a lower-cased name, past suffixes and initials ("lloyd j. austin iii")."""
    suffixes = {s.lower() for s in _SUFFIXES}
    words = [w for w in name if w not in suffixes and not re.fullmatch(r"[a-z]\.", w)]
    return words[-1] if words else name[-1]


def _surnames(name: tuple[str, ...]) -> tuple[str, ...]:
    """The surname, and without its joined particle: "al-assad" and "assad"."""
    surname = _surname(name)
    bare = _JOINED_PARTICLE.sub("", surname)
    return (surname, bare) if bare and bare != surname else (surname,)


def _part_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "Lloyd Austin" is part of "Lloyd J. Austin III": same surname, words in order."""
    if _surname(short) != _surname(full):
        return False
    it = iter(full)
    return all(w in it for w in short)


def _add_entity_surnames(w: DocWords, groups: dict[tuple[str, ...], list[_Mention]]) -> None:
    """Count a surname the model left out or read as ORG ("Sunak's January pledge")."""
    taken = {k for g in groups.values() for m in g for k in range(m.start, m.end)}
    surnames = {_surname(g): g for g in groups if len(g) > 1}
    for i, low in enumerate(w.lowers):
        ent = w.ent.get(i)
        if i in taken or low not in surnames or (ent and ent.label_ == "PERSON"):
            continue
        alone = ent is None or all(t.i == i or t.text in POSSESSIVE for t in ent)
        neighbours = (i - 1, w.word_end[i])
        if (
            alone
            and w.is_namelike(i)
            and not any(0 <= n < len(w.doc) and w.is_namelike(n) for n in neighbours)
        ):
            groups[surnames[low]].append(_Mention(i, i + 1, None, None))


# --- a surname alone -----------------------------------------------------------------------


def _lone_word_is_person(w: DocWords, mentions: list[_Mention]) -> bool:
    """A surname alone ("the Andersson government") that is no place, weapon or label.

    The word is a thing when the model gives it another label elsewhere ("Patriots" ORG),
    or names a thing ("Patriot battery", "20 Marder") and never a person's circle or title.
    """
    word = w.word_text[mentions[0].start]
    if w.code(word) is not None or word.lower() in _names().not_names:
        return False
    if all(w.doc[m.start].tag_ == "NNS" and w.label(m.start) != "PERSON" for m in mentions):
        return False  # "Thanks, General.": a plural noun the model left unnamed
    forms = {word, word + "s", word.removesuffix("s")}
    occurrences = [w.doc[i] for i, text in enumerate(w.texts) if text in forms]
    if _labelled_a_thing(w, occurrences, {m.start for m in mentions}):
        return False
    cue = any(m.role or _before_group(w, m.end) or w.text_at(m.end) in POSSESSIVE for m in mentions)
    if not cue and any(_names_a_thing(w, tok) for tok in occurrences):
        return False
    if all(_owns_a_name(w, m.end) for m in mentions):
        return False  # "David's Sling systems": the possessive is part of a thing's name
    return any(_lone_mention_ok(w, m) for m in mentions)


def _labelled_a_thing(w: DocWords, occurrences: list[Token], own: set[int]) -> bool:
    """The model labels another occurrence of the word as a thing ("Patriots" ORG)."""
    return any(
        w.label(tok.i) in _THING_ENTS and tok.i not in own and not _before_group(w, tok.i + 1)
        for tok in occurrences
    )


def _owns_a_name(w: DocWords, i: int) -> bool:
    """Token `i` is a possessive before a capitalised word of no entity ("'s Sling")."""
    after = i + 1
    return (
        w.text_at(i) in POSSESSIVE
        and w.text_at(after)[:1].isupper()
        and w.pos[after] == "PROPN"
        and after not in w.ent
    )


def _names_a_thing(w: DocWords, tok: Token) -> bool:
    """ "20 Marder", "more Patriots", "the Patriot battery": a count or a thing's name."""
    before = w.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and (before.pos_ == "NUM" or before.lower_ in ("more", "fewer")):
        return True
    if any(c.dep_ == "nummod" for c in tok.children):
        return True
    return _is_attributive(w, tok.i, tok.i + 1)


def _lone_mention_ok(w: DocWords, m: _Mention) -> bool:
    """A lone word with a title or circle, or one that stands where a person may: not after
    a place preposition or a common noun, not joined to places or things, not a line label."""
    doc = w.doc
    root = first_conjunct(doc[m.start : m.end].root)
    if m.role or _before_group(w, m.end):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS_LONE:
        return False
    if _after_common_noun(w, m.start):
        return False
    others = [c for c in (root, *root.conjuncts) if not m.start <= c.i < m.end]
    if any(w.token_code(c) or w.label(c.i) in _PLACE_ENTS or _bare_plural(c) for c in others):
        return False
    return not _is_line_label(w, m)


def _bare_plural(tok: Token) -> bool:
    """ "Bridges, schools, water pipes", "Patriot and NASAMS systems": a name joined to a
    plural noun of no owner is a thing too ("Biden and his aides" are people)."""
    return (
        tok.tag_ == "NNS"
        and tok.text.islower()
        and not any(c.dep_ in ("poss", "det") for c in tok.children)
    )


def _is_line_label(w: DocWords, m: _Mention) -> bool:
    """ "Goma: the city fell", "Shelter and NFIs: ...": a word at the start of its line
    before a colon, with at most a few words and no verb between."""
    doc, text = w.doc, text_of(w.doc)
    line_start = text.rfind("\n", 0, doc[m.start].idx) + 1
    if text[line_start : doc[m.start].idx].strip():
        return False
    for k in range(m.end, min(m.end + _LABEL_WORDS + 1, len(doc))):
        if w.texts[k] == ":":
            return True
        if w.pos[k] in ("VERB", "AUX") or doc[k].is_space:
            return False
    return False


def _after_common_noun(w: DocWords, i: int) -> bool:
    """ "the broadcaster Yle", "the newspaper Bild": a name set after what it names."""
    noun = i - 1
    return (
        noun > 0
        and w.pos[noun] == "NOUN"
        and w.texts[noun].islower()
        and not w.is_title_word(noun)
        and w.lowers[noun - 1] in _DETERMINERS
    )


# --- a person's row ------------------------------------------------------------------------


def _person(
    w: DocWords,
    group: list[_Mention],
    ministries: dict[str, tuple[int, str]],
    published: str | None,
) -> Person:
    """The fullest name of a group, the fullest role given (the first of the longest) and
    the country."""
    doc = w.doc
    best = max(group, key=lambda m: (len(w.words(m.start, m.end)), m.end - m.start))
    role = max((m.role for m in group if m.role), key=lambda r: len(r.split()), default=None)
    spans = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in group]
    name = doc[best.start : best.end].text
    country = _country(w, group, role, name, ministries, published)
    return Person(name=name, role=role, country=country, mentions=len(group), spans=spans)


def _country(
    w: DocWords,
    group: list[_Mention],
    role: str | None,
    name: str,
    ministries: dict[str, tuple[int, str]],
    published: str | None,
) -> str | None:
    """The country a mention states, else the body or institution the role names, else a
    known office holder's (a title's wording only guesses a country: India has a "Foreign
    secretary" too), else the country the role's wording says, else what the line or the
    clause says, else that of a ministry named before."""
    stated = next((m.country for m in group if m.country), None)
    default = _role_country(w, role, group[0].start) if role and not stated else None
    holder = office_country(name, published)
    # a body's title or an institution says more than the list, unless the list names a body
    # too: "Economy commissioner X" is the EU's, whatever body the sentence names
    if holder in w.lex.body_codes or (
        default not in w.lex.body_codes and not (role and w.institution(role))
    ):
        default = holder or default
    known = stated or default or holder
    if known:
        return known
    for rule in (_line_country, _clause_country):
        code = next((c for c in (rule(w, m) for m in group) if c), None)
        if code:
            return code
    ministry = ministries.get(role.lower()) if role else None
    return ministry[1] if ministry and ministry[0] < group[0].start else None


def _role_country(w: DocWords, role: str, start: int) -> str | None:
    """Whose official the role's wording says: an institution, a title one country alone
    uses, or an international body's title (the body named nearest)."""
    code = w.institution(role)
    if code:
        return code
    low = role.lower()
    # "Deputy Special Representative of the Secretary-General for Protection": the title
    # without the field or place it serves ends as listed
    cores = (low, re.split(r" (?:for|in|to) ", low, maxsplit=1)[0])
    code = next(
        (c for r, c in w.lex.role_countries for x in cores if x == r or x.endswith(" " + r)), None
    )
    return _nearest_body(w, start) if code == "BODY" else code


def _nearest_body(w: DocWords, start: int) -> str | None:
    """The body named in the person's sentence, else the last one named shortly before."""
    sent = w.doc[start].sent
    inside = [c for i, c in w.body_refs if sent.start <= i < sent.end]
    if inside:
        return inside[0]
    floor = sent.start
    for _ in range(_BODY_LOOKBACK):
        if floor == 0:
            break
        floor = w.doc[floor - 1].sent.start
    before = [c for i, c in w.body_refs if floor <= i < sent.start]
    return before[-1] if before else None


def _add_titles_referring_back(
    w: DocWords, groups: list[list[_Mention]], people: list[Person]
) -> None:
    """ "... a message to Vladimir Putin. The Russian president has said ...": a title with a
    country and no name, as a subject, names the person of that country mentioned last in
    the sentence or the one before, who is given the role if no mention gave one."""
    for title in _bare_titles(w):
        role, country = read_title(w, title)
        floor = _previous_sentence_start(w, title.start)
        before = [
            (max(m.start for m in group if m.start < title.start), person)
            for group, person in zip(groups, people, strict=True)
            if person.country == country and any(floor <= m.start < title.start for m in group)
        ]
        if role and before:
            person = max(before, key=lambda pair: pair[0])[1]
            person.role = person.role or role


def _bare_titles(w: DocWords) -> Iterator[Title]:
    """Subjects like "the Ukrainian president", "Ukraine's president": a country's modifier
    or owner and a head word, with no name after them."""
    for i, tok in enumerate(w.doc):
        if tok.dep_ not in ("nsubj", "nsubjpass") or not w.is_head(i) or w.is_namelike(i + 1):
            continue
        if w.label(i) == "PERSON" or not tok.text.islower():
            continue
        start = i
        while start > tok.sent.start and w.is_modifier(start - 1):
            start = w.word_start[start - 1]
        title = Title(start, w.word_start[i], i + 1)
        if start < i and read_title(w, title)[1]:
            yield title


def _previous_sentence_start(w: DocWords, i: int) -> int:
    start = w.doc[i].sent.start
    return w.doc[start - 1].sent.start if start > 0 else start


def _ministries(w: DocWords) -> dict[str, tuple[int, str]]:
    """Minister titles whose ministry has a country in the article, with the token of its
    first mention: "Belarus's Defence Ministry" -> {"defence minister": (i, "BLR")},
    "Ministry of Finance of Ukraine" -> UKR. A minister takes the country of a ministry
    named before him: one named after is more often a counterpart's ("Russia's defence
    ministry did not respond")."""
    out = {}
    for i, low in enumerate(w.lowers):
        if low != "ministry":
            continue
        tok = w.doc[i]
        if tok.dep_ == "pobj" and tok.head.lower_ == "with":
            continue  # "coordinated with Ukraine's defence ministry": a counterpart's
        role, country = read_title(w, _ministry_title(w, tok))
        if role and country:
            out.setdefault(re.sub(r"ministry", "minister", role.lower()), (i, country))
    return out


def _ministry_title(w: DocWords, tok: Token) -> Title:
    """The phrase of a ministry read as a title: its modifiers and an "of ..." of names."""
    start, floor = tok.i, tok.sent.start
    while start > floor and w.is_modifier(start - 1):
        start = w.word_start[start - 1]
    end = tok.i + 1
    if end < len(w.doc) and w.lowers[end] == "of":
        while end < tok.sent.end and (w.texts[end][:1].isupper() or w.lowers[end] in ("of", "the")):
            end += 1
    return Title(start, tok.i, end)


def _line_country(w: DocWords, m: _Mention) -> str | None:
    """A line label ("• Germany: ... Defence Minister X") or a heading above ("2) GERMANY")."""
    text = text_of(w.doc)
    at = w.doc[m.start].idx
    line_start = text.rfind("\n", 0, at) + 1
    line = text[line_start : text.find("\n", at) if "\n" in text[at:] else len(text)]
    label = _LINE_LABEL.match(line)
    if label and line_start + label.end() <= at:
        code = w.code(label.group(1))
        if code:
            return code
    above = text[:line_start].rstrip("\n").rsplit("\n", 1)[-1].strip()
    above = _HEADING_NUMBER.sub("", above)
    if above.isupper() and 0 < len(above.split()) <= 4:
        return w.code(above.title())
    return None


def _clause_country(w: DocWords, m: _Mention) -> str | None:
    """ "Chancellor X announced that Germany would supply": the country the person commits."""
    root = w.doc[m.start : m.end].root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for clause in root.head.children:
        if clause.dep_ != "ccomp":
            continue
        for verb in (clause, *clause.conjuncts):
            if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
                continue
            for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                mods = [c for c in subj.children if c.dep_ in ("compound", "amod")]
                code = next((c for c in map(w.token_code, (subj, *mods)) if c), None)
                if code:
                    return code
    return None
