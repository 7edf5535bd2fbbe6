"""People named in an article, merged to the fullest name, with the role and country it gives.

spaCy's small model glues titles to names ("Defense Lloyd Austin"), reads places and weapons as
PERSON ("Kyiv", "Patriot") and hides names inside ORG spans ("Chancellor Olaf Scholz"). The
rules here repair those slips from the parse, the title words of models/people_titles.tsv and
the caller's `actor_code` (country names, demonyms, bodies, capitals -> codes), so that the
same code serves any article: no person's name or country is written down anywhere.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from .nlp import text_of
from .resources import ResourceError, read_tsv, read_words

ActorCode = Callable[[str], str | None]

# "Then-Defence Minister Christine Lambrecht" is listed as "Defence Minister"
_THEN = re.compile(r"^then\b[\s-]*", re.IGNORECASE)
_INITIAL = re.compile(r"[A-Z]\.")
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_PARTICLES = frozenset({"al", "bin", "ibn", "de", "del", "der", "van", "von", "da", "di", "dos"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# prepositions that open a complement kept in the role ("ambassador to the OSCE")
_COMPLEMENT_PREPS = frozenset({"of", "to", "for"})
_COMPLEMENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "ADP", "PART", "NUM"})
_TITLE_WORD_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_NOT_NAME_POS = frozenset(
    {"ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SYM", "SPACE"}
)
_NUMBER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_THING_ENTS = frozenset(
    {"ORG", "PRODUCT", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
)
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# "the war in Donbass", "travelled to Aachen": a lone word there is a place, not a person
_PLACE_PREPS = frozenset({"in", "near", "across", "outside", "around", "into", "inside"})
_PLACE_PREPS_LONE = _PLACE_PREPS | {"to", "from", "at", "on", "towards", "toward", "through", "via"}
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_MODALS = frozenset({"would", "will", "could", "can", "'ll", "wo", "shall"})
_APPOSITION_END = frozenset({",", ".", ";", ":", ")", "—", "–"})
_RELATIVES = frozenset({"who", "whose", "which", "that"})
_BECOME = frozenset({"be", "become", "serve"})  # ", who became defence minister in July"
_MAX_COMPLEMENT = 14  # tokens a title's "of ..." complement may span before the name
_BODY_LOOKBACK = 3  # sentences searched back for the body of "Secretary General X"
_LINE_LABEL = re.compile(r"^\W*([A-Z][\w .'’-]{1,40}?):\s")
_HEADING_NUMBER = re.compile(r"^\W*(?:\d+\s*[.)]\s*)?")


@dataclass
class Person:
    """One person of an article; `spans` are the character offsets of every merged mention."""

    name: str
    role: str | None
    country: str | None
    mentions: int
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Lexicon:
    heads: frozenset[str]
    ranks: frozenset[str]
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    role_countries: tuple[tuple[str, str], ...]
    institutions: tuple[tuple[re.Pattern, str], ...]
    shortforms: dict[str, str]
    body_codes: frozenset[str]
    not_names: frozenset[str]
    group_nouns: frozenset[str]
    parties: dict[str, str]
    credits_before: tuple[re.Pattern, ...]
    credits_sentence: tuple[re.Pattern, ...]


@cache
def _lexicon() -> _Lexicon:
    titles = read_tsv("people_titles.tsv", required=("word", "kind"))
    for row in titles:
        if row["kind"] not in ("head", "rank", "modifier", "honorific"):
            raise ResourceError(f"models/people_titles.tsv: unknown kind {row['kind']!r}")
    roles = read_tsv("people_role_countries.tsv", required=("role", "country"))
    institutions = read_tsv("people_institutions.tsv", required=("name", "country"))
    bodies = read_tsv("people_bodies.tsv", required=("code",))
    credits = read_tsv("people_credits.tsv", required=("kind", "pattern"))
    parties = read_tsv("people_parties.tsv", required=("party", "country"))
    calendar_words = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}
    return _Lexicon(
        heads=frozenset(r["word"] for r in titles if r["kind"] in ("head", "rank")),
        ranks=frozenset(r["word"] for r in titles if r["kind"] == "rank"),
        modifiers=frozenset(r["word"] for r in titles if r["kind"] == "modifier"),
        honorifics=frozenset(r["word"] for r in titles if r["kind"] == "honorific"),
        role_countries=tuple(
            sorted(((r["role"], r["country"]) for r in roles), key=lambda rc: -len(rc[0]))
        ),
        institutions=tuple(
            (re.compile(rf"\b{re.escape(r['name'])}\b", re.IGNORECASE), r["country"])
            for r in institutions
        ),
        shortforms={
            s.strip().lower(): r["code"]
            for r in bodies
            for s in r.get("shortforms", "").split(",")
            if s.strip()
        },
        body_codes=frozenset(r["code"] for r in bodies),
        not_names=read_words("people_not_names.txt") | calendar_words,
        group_nouns=read_words("people_group_nouns.txt"),
        parties={r["party"]: r["country"] for r in parties},
        credits_before=_patterns(credits, "before"),
        credits_sentence=_patterns(credits, "sentence"),
    )


def _patterns(rows: tuple[dict[str, str], ...], kind: str) -> tuple[re.Pattern, ...]:
    try:
        return tuple(re.compile(r["pattern"], re.IGNORECASE) for r in rows if r["kind"] == kind)
    except re.error as exc:
        raise ResourceError(f"models/people_credits.tsv: bad pattern ({exc})") from exc


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


@dataclass(frozen=True)
class _Title:
    start: int  # first token of the title phrase
    head: int  # first token of its head word
    end: int  # token after the phrase


@dataclass
class _Mention:
    start: int  # token range of the name
    end: int
    role: str | None
    country: str | None


def extract_people(doc: Doc, actor_code: ActorCode, published: str | None = None) -> list[Person]:
    """Every person named in `doc`, once each, in order of first mention.

    `actor_code(text)` maps a country name, demonym, body or capital to its code (or None);
    it decides which title prefixes are countries and which PERSON spans are really places.
    `published` (ISO date, maybe partial) picks the office of a holder who changed office.
    """
    reader = _Reader(doc, actor_code, published)
    mentions = [
        _Mention(start, end, *reader.mention_title(start, end))
        for start, end in reader.candidates()
        if reader.is_mention(start, end)
    ]
    return [reader.person(group) for group in reader.merge(mentions)]


def _word_bounds(texts: list[str], spaces: list[str]) -> tuple[list[int], list[int]]:
    """Token ranges of hyphen-joined words ("Prime-minister", "Seong-kweun", "Then-Defence"),
    from the tokens' texts and trailing whitespace."""
    n = len(texts)
    start, end = list(range(n)), [i + 1 for i in range(n)]
    i = 0
    while i < n:
        j = i
        while (
            j + 2 < n
            and texts[j + 1] == "-"
            and not spaces[j]
            and not spaces[j + 1]
            and texts[j][-1:].isalpha()
            and texts[j + 2][:1].isalpha()
        ):
            j += 2
        for k in range(i, j + 1):
            start[k], end[k] = i, j + 1
        i = j + 1
    return start, end


class _Reader:
    """The rules over one doc: its words, entities, title phrases and the caller's codes."""

    def __init__(self, doc: Doc, actor_code: ActorCode, published: str | None = None):
        self.doc = doc
        self.published = published
        self.lex = _lexicon()
        self._actor_code = actor_code
        self._codes: dict[str, str | None] = {}
        # the tokens' strings, read once: the rules look at each token many times, and every
        # doc[i] or doc[a:b] builds a new Python object
        self.texts: list[str] = []
        self.lowers: list[str] = []
        self.pos: list[str] = []
        spaces = []
        for token in doc:
            self.texts.append(token.text)
            self.lowers.append(token.lower_)
            self.pos.append(token.pos_)
            spaces.append(token.whitespace_)
        self.word_start, self.word_end = _word_bounds(self.texts, spaces)
        self.word_text = [
            "".join(self.texts[self.word_start[i] : self.word_end[i]]) for i in range(len(doc))
        ]
        self.ents = doc.ents  # spaCy builds the spans anew on every access
        self.ent: dict[int, Span] = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.body_refs = self._body_refs()
        self.ministries = self._ministries()

    # --- codes -------------------------------------------------------------------------

    def code(self, text: str) -> str | None:
        """The caller's code of `text` ("Ukraine's", "the U.S."), or None."""
        text = re.sub(r"(?:'s|’s|'|’)$", "", text.strip()).strip()
        text = re.sub(r"^(?:the|The)\s+", "", text)
        if not text[:1].isupper():
            return None
        if text not in self._codes:
            code = self._actor_code(text)
            if code is None and text.isupper() and len(text) > 4:
                code = self._actor_code(text.title())  # "UKRAINE" in a heading
            self._codes[text] = code
        return self._codes[text]

    def institution(self, text: str) -> str | None:
        """Country of a government institution named in `text` ("Pentagon spokesman")."""
        return next((code for pat, code in self.lex.institutions if pat.search(text)), None)

    def owner_code(self, text: str) -> str | None:
        """Code of a possessive owner: "Ukraine's", "the Bank's" (a body the article named)."""
        code = self.institution(text) or self.code(text)
        if code:
            return code
        short = self.lex.shortforms.get(re.sub(r"^the\s+", "", text.strip(), flags=re.I).lower())
        return short if short in {c for _, c in self.body_refs} else None

    def token_code(self, tok: Token) -> str | None:
        ent = self.ent.get(tok.i)
        if ent is not None and ent.label_ == "PERSON":
            return None
        return self.code(ent.text if ent is not None else tok.text)

    # --- words -------------------------------------------------------------------------

    def is_head(self, i: int) -> bool:
        low = self.word_text[i].lower()
        return low in self.lex.heads or any(p in self.lex.heads for p in low.split("-") if p)

    def is_title_word(self, i: int) -> bool:
        low = self.word_text[i].lower()
        return self.is_head(i) or any(p in self.lex.modifiers for p in low.split("-") if p)

    def is_modifier(self, i: int) -> bool:
        """A word that may stand before a title's head: "Defence", "U.S.", "Ukraine 's", "top"."""
        text = self.word_text[i]
        if text in _POSSESSIVE:
            return True
        if self.is_title_word(i):
            return True
        last = self.word_end[i] - 1
        if text.islower():
            return self._is_role_noun(last)
        if not text[:1].isupper() or self.pos[last] not in _TITLE_WORD_POS:
            return False
        ent = self.ent.get(last)
        if ent is not None and ent.label_ == "PERSON":
            return self.code(text) is not None  # "Moldovan" read as part of a name
        return ent is None or ent.label_ not in _NUMBER_ENTS

    def _is_role_noun(self, k: int) -> bool:
        """A lower-case noun inside a title: a compound's part ("border guard chief") or the
        owner of the office ("the brigade's commander")."""
        tok = self.doc[k]
        if tok.pos_ != "NOUN":
            return False
        return self._text_at(k + 1) in _POSSESSIVE or (tok.dep_ == "compound" and tok.head.i > k)

    def is_complement(self, k: int) -> bool:
        tok = self.doc[k]
        if tok.pos_ not in _COMPLEMENT_POS and tok.text != "-":
            return False
        ent = self.ent.get(k)
        if ent is not None and ent.label_ in _NUMBER_ENTS:
            return False
        return ent is None or ent.label_ != "PERSON" or self.code(tok.text) is not None

    def is_namelike(self, i: int) -> bool:
        text = self.word_text[i]
        if _INITIAL.fullmatch(text):
            return True
        last = self.word_end[i] - 1
        ent = self.ent.get(last)
        if text.isupper() and len(text) <= 3 and ent is not None and ent.label_ == "PERSON":
            return self.code(text) is None  # "JD Vance"
        if not (text[:1].isupper() and any(ch.islower() for ch in text)):
            return False
        if not all(ch.isalpha() or ch in "-'’" for ch in text):
            return False
        return self.pos[last] not in _NOT_NAME_POS and not (ent and ent.label_ in _NUMBER_ENTS)

    def words(self, start: int, end: int) -> list[int]:
        """First tokens of the words in [start, end)."""
        out, i = [], start
        while i < end:
            out.append(i)
            i = self.word_end[i]
        return out

    # --- title phrases -----------------------------------------------------------------

    def title_before(self, end: int) -> _Title | None:
        """The title phrase that ends right before token `end` ("U.S. Secretary of Defense")."""
        if end <= 0 or (
            end < len(self.doc) and self.doc[end].is_sent_start and not self._title_alone(end - 1)
        ):
            return None
        j = end - 1
        floor = self.doc[j].sent.start
        if j > floor and self.doc[j].lower_ in self.lex.honorifics:
            j -= 1  # "Foreign Secretary Mr Lammy"
        if self.doc[j].lower_ in _COMPLEMENT_PREPS or self.pos[j] == "CCONJ":
            return None  # "Minister of National Defence": the name is the complement
        head = self.word_start[j] if self.is_head(j) else self._complement_head(j, floor)
        if head is None:
            return None
        ranks = head
        while ranks > floor and self._is_rank_word(prev := self._word_before(ranks, floor)):
            ranks = self.word_start[prev]  # "Maj. Gen.": the rank words before the head
        # "Pentagon spokesman Maj. Gen. X" names the office, "Secretary General X" one title
        if (
            self._is_rank_word(head)
            and self.word_text[ranks].lower() != "general"
            and ranks > floor
            and self.is_head(ranks - 1)
        ):
            return self.title_before(ranks)
        start = head
        while start > floor and self.is_modifier(start - 1):
            start = self.word_start[start - 1]
        return _Title(start, head, j + 1)

    def _word_before(self, i: int, floor: int) -> int:
        """Last token of the word before token `i`, past the "." of an abbreviation ("Maj .")."""
        return i - 2 if self.texts[i - 1] == "." and i - 1 > floor else i - 1

    def _title_alone(self, j: int) -> bool:
        """The model split a title from its name: "Presidents" | "X and Y signed"."""
        sent = self.doc[j].sent
        return self.doc[j].whitespace_ == " " and all(
            self.is_modifier(k) for k in range(sent.start, j + 1)
        )

    def _complement_head(self, j: int, floor: int) -> int | None:
        """Head of a title whose "of ..." complement ends at token `j` ("Minister of defense")."""
        k = j
        while k > floor and j - k < _MAX_COMPLEMENT and self.is_complement(k):
            if self.doc[k].lower_ in _COMPLEMENT_PREPS and self.is_head(k - 1):
                return self.word_start[k - 1]
            k -= 1
        return None

    def title_after(self, end: int) -> _Title | None:
        """An apposition after the name: ", the US ambassador to the OSCE," / ", chief of ..."."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return None
        limit = doc[end].sent.end
        start = end + 1
        relative = start + 1 < limit and doc[start].lower_ == "who"
        relative = relative and doc[start + 1].lemma_ in _BECOME
        if relative:
            start += 3 if start + 2 < limit and doc[start + 2].lower_ == "as" else 2
        if start < limit and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        head, k = None, start
        while k < limit and self.is_modifier(k):
            head = self.word_start[k] if self.is_head(k) else head
            k = self.word_end[k]
        if head is None or self.word_end[head] != k:
            return None
        stop = k
        while stop < limit and doc[stop].lower_ not in _RELATIVES and self.is_complement(stop):
            stop += 1
        ends = relative or doc[stop].is_space or doc[stop].lower_ in _RELATIVES
        if stop < limit and doc[stop].text not in _APPOSITION_END and not ends:
            return None
        keep = k < limit and doc[k].lower_ in _COMPLEMENT_PREPS
        return _Title(start, head, stop if keep else k)

    def read_title(self, title: _Title) -> tuple[str | None, str | None]:
        """Role text and country of a title phrase: the country prefix leaves the role."""
        doc = self.doc
        country = None
        kept = list(range(title.start, title.head))
        owners = [k for k in kept if doc[k].text in _POSSESSIVE]
        if owners:
            country = self.owner_code(doc[title.start : owners[-1]].text)
            kept = [k for k in kept if k > owners[-1]]
        else:
            country, kept = self._country_prefix(title, kept)
        complement = list(range(title.head, title.end))
        ofs = [k for k in complement if doc[k].lower_ == "of"]
        tail = doc[ofs[-1] + 1 : title.end] if ofs else None
        if tail and all(t.text[:1].isupper() or t.lower_ == "the" for t in tail):
            code = None if self.institution(tail.text) else self.code(tail.text)
            if code:
                country = country or code
                complement = [k for k in complement if k < ofs[-1]]
        country = country or self._employer(complement)
        pieces, owner_country = self._complement_text(complement)
        role = "".join(doc[k].text_with_ws for k in kept) + pieces
        role = _THEN.sub("", role.strip()).strip(" ,;:-")
        if self._is_plural_head(title.head):  # "Presidents X and Y": each is "President"
            role = role.replace(doc[title.head].text, doc[title.head].text[:-1], 1)
        return role or None, country or owner_country or self._party_country(title)

    def _party_country(self, title: _Title) -> str | None:
        """ "Republican nominee", "Democratic Senator": a party that one country alone has."""
        first, after = title.start, self.word_end[title.start]
        if after >= title.end or not (self.is_title_word(after) or self.texts[after].islower()):
            return None
        return self.lex.parties.get(self.word_text[first])

    def _country_prefix(self, title: _Title, kept: list[int]) -> tuple[str | None, list[int]]:
        """A leading country or body ("U.S.", "South Korean", "NATO") and the tokens left after it.

        Only words before the first title word can be the prefix, and an institution
        ("European Council", "Pentagon") stays in the role, after a country ("Polish Senate").
        """
        words = self.words(title.start, title.head)
        # "a retired US admiral": lower-case title words may stand before the country
        lead = next((w for w in words if not self.word_text[w].islower()), title.head)
        starts = []
        for w in words:
            if w < lead:
                continue
            if self.is_title_word(w) or len(starts) == 3:
                break
            starts.append(w)
        for n in range(len(starts), 0, -1):
            prefix = self.doc[lead : self.word_end[starts[n - 1]]].text
            if self.institution(prefix):
                continue
            code = self.code(prefix)
            if code:
                after = self.word_end[starts[n - 1]]
                return code, [k for k in kept if k < lead or k >= after]
        return None, kept

    def _employer(self, complement: list[int]) -> str | None:
        """Country or body right after a title's "of": "head of the UN nuclear watchdog" -> UN."""
        doc = self.doc
        ofs = [k for k in complement if doc[k].lower_ == "of"]
        if not ofs:
            return None
        k = ofs[0] + 1
        if k <= complement[-1] and doc[k].lower_ == "the":
            k += 1
        for n in (2, 1):
            words = doc[k : min(k + n, complement[-1] + 1)]
            if len(words) == n and not any(self.is_title_word(t.i) for t in words):
                code = self.code(words.text)
                if code:
                    return code
        return None

    def _complement_text(self, tokens: list[int]) -> tuple[str, str | None]:
        """Head and complement text, a country possessive made "the": "of Russia's" -> "of the"."""
        doc, country, out, skip = self.doc, None, [], set()
        for k in tokens:
            if doc[k].text not in _POSSESSIVE or k - 1 not in tokens:
                continue
            o = k
            while o - 1 in tokens and doc[o - 1].text[:1].isupper():
                o -= 1
            code = self.owner_code(doc[o:k].text) if o < k else None
            if code:
                country = country or code
                skip.update(range(o, k + 1))
                out.append((o, "the "))
        replaced = dict(out)
        text = "".join(
            replaced.get(k, "") if k in skip else doc[k].text_with_ws for k in tokens
        ).rstrip()
        return text, country

    def mention_title(self, start: int, end: int) -> tuple[str | None, str | None]:
        """Role and country of one mention, from titles before, around and after the name."""
        before = self.title_before(start)
        outer = before.start if before else start
        titles = []
        if outer > 0 and self.doc[outer - 1].text == "," and self._closes_apposition(end):
            titles.append(self.title_before(outer - 1))
        after = self.title_after(end)
        # a bare rank or one-word title yields to an apposition: "Gen. Mark Milley, chairman
        # of the Joint Chiefs", "Senator X, the chair of the Armed Services Committee"
        bare = before and (self._is_rank(before) or len(self.words(before.start, before.end)) == 1)
        titles += [after, before] if bare else [before, after]
        titles.append(self._shared_title(start, end))
        read = [self.read_title(t) for t in titles if t]
        role = next((r for r, _ in read if r), None)
        country = next((c for _, c in read if c), None)
        return role, country

    def _is_plural_head(self, i: int) -> bool:
        low = self.lowers[i]
        return low.endswith("s") and low in self.lex.heads and low[:-1] in self.lex.heads

    def _shared_title(self, start: int, end: int) -> _Title | None:
        """A plural title before the first of joined names: "Presidents X and Y" -> for Y."""
        root = self.doc[start:end].root
        if root.dep_ != "conj" or not self.is_namelike(root.i):
            return None
        first = _first_conjunct(root).i
        while first > 0 and self.is_namelike(first - 1) and not self.is_title_word(first - 1):
            first -= 1
        title = self.title_before(first)
        return title if title and self._is_plural_head(title.head) else None

    def _is_rank(self, title: _Title) -> bool:
        return all(self._is_rank_word(w) for w in self.words(title.start, title.end))

    def _is_rank_word(self, w: int) -> bool:
        return self.word_text[w].lower() in self.lex.ranks

    def _closes_apposition(self, end: int) -> bool:
        if end >= len(self.doc):
            return True
        tok = self.doc[end]
        return tok.text in _APPOSITION_END or tok.pos_ in ("VERB", "AUX")

    # --- names -------------------------------------------------------------------------

    def candidates(self) -> list[tuple[int, int]]:
        """Name spans: runs of capitalised words that are PERSON or stand next to a title."""
        out, unlabelled = [], []
        for run_start, run_end in self._name_runs():
            start = self._after_titles(run_start, run_end)
            end = self._before_group_noun(start, run_end)
            if start >= end:
                continue
            if self._is_person_ent(start, end) or self._has_title(start, end):
                out.append((start, end))
            elif len(self.words(start, end)) > 1 and all(
                k not in self.ent for k in range(start, end)
            ):
                unlabelled.append((start, end))
        # "• Volodymyr Zelensky meets ...": a full name the model missed, of a surname it found
        surnames = {self.word_text[e - 1].lower() for s, e in out if self._is_person_ent(s, e)}
        out += [(s, e) for s, e in unlabelled if self.word_text[e - 1].lower() in surnames]
        return sorted(out)

    def _is_person_ent(self, start: int, end: int) -> bool:
        return any(
            self.ent.get(k) is not None and self.ent[k].label_ == "PERSON"
            for k in range(start, end)
        )

    def _has_title(self, start: int, end: int) -> bool:
        """A name the model gave another label ("Chancellor Olaf Scholz" as ORG) by its title."""
        if len(self.words(start, end)) == 1 and self.is_title_word(start):
            return False
        if self.mention_title(start, end)[0] is None:
            return False
        ent = self.ent.get(start)
        if ent is None:
            return True
        # "the UN General Assembly", "the Official Journal": the title word is the org's own
        before = self.title_before(start)
        if before and self.ent.get(before.head) is ent:
            return False
        # "... Security and Co-operation": the tail of an organisation's name
        return all(
            t.lower_ == "the" or self.is_title_word(t.i) or self.code(t.text)
            for t in self.doc[ent.start : start]
        )

    def _name_runs(self) -> Iterator[tuple[int, int]]:
        doc, i = self.doc, 0
        while i < len(doc):
            if not self.is_namelike(i):
                i = self.word_end[i]
                continue
            start, end = i, self.word_end[i]
            while end < len(doc) and doc[end - 1].whitespace_ == " ":
                if self.is_namelike(end) or doc[end].text in _SUFFIXES:
                    end = self.word_end[end]
                    continue
                after = end
                while after < len(doc) and doc[after].text in _PARTICLES and doc[after].whitespace_:
                    after += 1
                if after == end or after >= len(doc) or not self.is_namelike(after):
                    break
                end = self.word_end[after]
            yield start, end
            i = end

    def _before_group_noun(self, start: int, end: int) -> int:
        """End of the name before a capitalised "Administration" or "Government"."""
        while end > start and self.word_text[end - 1].lower() in self.lex.group_nouns:
            end = self.word_start[end - 1]
        return end

    def _after_titles(self, start: int, end: int) -> int:
        """Start of the name in a run, past glued titles and countries ("Defense Lloyd Austin")."""
        starts = self.words(start, end)
        flags = [
            self.is_title_word(w)
            or self.word_text[w].lower() in self.lex.honorifics
            or self.code(self.word_text[w]) is not None
            for w in starts
        ]
        if all(flags):
            return end  # titles and countries only: "Pentagon Press Secretary Maj"
        cut = start
        for n, flag in enumerate(flags):
            if flag and not all(flags[n + 1 :]):
                cut = self.word_end[starts[n]]
        # "Chief of the General Staff Valery Gerasimov": the org word left before the name
        while cut < end and self.word_text[cut].lower() in self.lex.not_names:
            cut = self.word_end[cut]
        return cut

    def is_mention(self, start: int, end: int) -> bool:
        """False for handles, credits, bylines and capitalised words that are not names."""
        doc, text = self.doc, text_of(self.doc)
        span = doc[start:end]
        if start > 0 and doc[start - 1].text in ("@", "#") and not doc[start - 1].whitespace_:
            return False
        a, b = span.start_char, span.end_char
        if text[b : b + 1] == "/" or text[a - 1 : a] == "/":
            return False
        segment = text[max(text.rfind(mark, 0, a) for mark in "\n(;") + 1 : a]
        if any(p.search(segment) for p in self.lex.credits_before):
            return False
        sent = span.sent
        sentence = text[sent.start_char : sent.end_char]  # = sent.text, without its tokens
        if any(p.search(sentence) for p in self.lex.credits_sentence):
            return False
        words = [self.word_text[w] for w in self.words(start, end)]
        surname = [w for w in words if w not in _SUFFIXES][-1:]
        if (
            any(w.lower() in self.lex.not_names for w in words)
            or not surname
            or surname[0].isupper()
        ):
            return False  # a surname has lower-case letters: not "PDF", not "JD" alone
        if any(self.code(part) for w in words for part in w.split("-")[1:]):
            return False  # "Joint Russian-Belarusian (exercises)"
        if len(words) > 1 and self.code(span.text) is not None and not self.title_before(start):
            return False  # "Luís Montenegro" is a country's name, but not after "Prime Minister"
        root = _first_conjunct(span.root)
        if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
            return self.title_before(start) is not None
        return not self._is_attributive(start, end)

    def _is_attributive(self, start: int, end: int) -> bool:
        """True for "the Patriot battery", "20 Marder vehicles": a name used as a thing's name."""
        doc = self.doc
        root = _first_conjunct(doc[start:end].root)
        head = root.head
        if (
            root.dep_ in ("compound", "amod", "nmod")
            and head.i > root.i
            and head.text.islower()
            and head.pos_ in ("NOUN", "PROPN")
            and head.lower_ not in self.lex.group_nouns
        ):
            return True
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.lower_ in _DETERMINERS and prev.pos_ in ("DET", "PRON"):
            return not self._before_group(end)
        return False

    # --- merging -----------------------------------------------------------------------

    def merge(self, mentions: list[_Mention]) -> list[list[_Mention]]:
        """Mentions grouped per person: a shorter form joins the fullest name it is part of."""
        keyed = [(m, self._name_words(m)) for m in mentions]
        full = sorted({tuple(w) for _, w in keyed if len(w) > 1}, key=len, reverse=True)
        groups: dict[tuple[str, ...], list[_Mention]] = {}
        canonical: dict[tuple[str, ...], tuple[str, ...]] = {}
        for name in full:
            canonical[name] = next(
                (big for big in full if len(big) > len(name) and _part_of(name, big)), name
            )
        lone: dict[str, list[_Mention]] = {}
        for m, words in keyed:
            if len(words) > 1:
                groups.setdefault(canonical[tuple(words)], []).append(m)
            else:
                lone.setdefault(words[0], []).append(m)
        for word, alone in lone.items():
            owners = [g for g in groups if len(g) > 1 and word in (g[0], _surname(g))]
            if owners:
                for m in alone:
                    groups[self._nearest(owners, groups, m)].append(m)
            elif self._lone_word_is_person(alone):
                groups[(word,)] = alone
        self._add_entity_surnames(groups)
        return sorted(
            (sorted(g, key=lambda m: m.start) for g in groups.values()), key=lambda g: g[0].start
        )

    def _name_words(self, m: _Mention) -> list[str]:
        """The name's words as merge keys ("von der Leyen" = "Von der Leyen")."""
        return [self.word_text[w].replace("’", "'").lower() for w in self.words(m.start, m.end)]

    @staticmethod
    def _nearest(owners: list, groups: dict, m: _Mention) -> tuple[str, ...]:
        """The owner mentioned last before `m` (else first after it)."""

        def distance(g):
            before = [x.start for x in groups[g] if x.start < m.start]
            return (0, m.start - max(before)) if before else (1, min(x.start for x in groups[g]))

        return min(owners, key=distance)

    def _lone_word_is_person(self, mentions: list[_Mention]) -> bool:
        """A surname alone ("the Andersson government") that is no place, weapon or label.

        The word is a thing when the model gives it another label elsewhere ("Patriots" ORG),
        or names a thing ("Patriot battery", "20 Marder") and never a person's circle or title.
        """
        word = self.word_text[mentions[0].start]
        if self.code(word) is not None or word.lower() in self.lex.not_names:
            return False
        forms = {word, word + "s", word.removesuffix("s")}
        own = {m.start for m in mentions}
        occurrences = [self.doc[i] for i, text in enumerate(self.texts) if text in forms]
        for tok in occurrences:
            ent = self.ent.get(tok.i)
            thing = ent is not None and ent.label_ in _THING_ENTS
            if thing and tok.i not in own and not self._before_group(tok.i + 1):
                return False
        cue = any(
            m.role or self._before_group(m.end) or self._text_at(m.end) in _POSSESSIVE
            for m in mentions
        )
        if not cue and any(self._names_a_thing(tok) for tok in occurrences):
            return False
        if all(self._owns_a_name(m.end) for m in mentions):
            return False  # "David's Sling systems": the possessive is part of a thing's name
        return any(self._lone_mention_ok(m) for m in mentions)

    def _owns_a_name(self, i: int) -> bool:
        """Token `i` is a possessive before a capitalised word of no entity ("'s Sling")."""
        after = i + 1
        return (
            self._text_at(i) in _POSSESSIVE
            and self._text_at(after)[:1].isupper()
            and self.pos[after] == "PROPN"
            and after not in self.ent
        )

    def _before_group(self, i: int) -> bool:
        """Token `i` names a person's circle ("the Biden administration")."""
        return self._text_at(i).lower() in self.lex.group_nouns

    def _text_at(self, i: int) -> str:
        return self.texts[i] if 0 <= i < len(self.texts) else ""

    def _names_a_thing(self, tok: Token) -> bool:
        before = self.doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and (before.pos_ == "NUM" or before.lower_ in ("more", "fewer")):
            return True
        if any(c.dep_ == "nummod" for c in tok.children):
            return True
        return self._is_attributive(tok.i, tok.i + 1)

    def _lone_mention_ok(self, m: _Mention) -> bool:
        doc = self.doc
        root = _first_conjunct(doc[m.start : m.end].root)
        if m.role or self._before_group(m.end):
            return True
        if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS_LONE:
            return False
        if self._after_common_noun(m.start):
            return False
        others = [c for c in (root, *root.conjuncts) if not m.start <= c.i < m.end]
        if any(self.token_code(c) or self._is_place(c) for c in others):
            return False
        line_start = text_of(doc).rfind("\n", 0, doc[m.start].idx) + 1
        label = (
            m.end < len(doc)
            and doc[m.end].text == ":"
            and not text_of(doc)[line_start : doc[m.start].idx].strip()
        )
        return not label

    def _after_common_noun(self, i: int) -> bool:
        """ "the broadcaster Yle", "the newspaper Bild": a name set after what it names."""
        noun = i - 1
        return (
            noun > 0
            and self.pos[noun] == "NOUN"
            and self.texts[noun].islower()
            and not self.is_title_word(noun)
            and self.lowers[noun - 1] in _DETERMINERS
        )

    def _is_place(self, tok: Token) -> bool:
        ent = self.ent.get(tok.i)
        return ent is not None and ent.label_ in _PLACE_ENTS

    def _add_entity_surnames(self, groups: dict[tuple[str, ...], list[_Mention]]) -> None:
        """Count a surname the model left out or read as ORG ("Sunak's January pledge")."""
        taken = {k for g in groups.values() for m in g for k in range(m.start, m.end)}
        surnames = {_surname(g): g for g in groups if len(g) > 1}
        for i, low in enumerate(self.lowers):
            ent = self.ent.get(i)
            if i in taken or low not in surnames or (ent and ent.label_ == "PERSON"):
                continue
            tok = self.doc[i]
            alone = ent is None or all(t.i == tok.i or t.text in _POSSESSIVE for t in ent)
            neighbours = (tok.i - 1, self.word_end[tok.i])
            if (
                alone
                and self.is_namelike(tok.i)
                and not any(0 <= n < len(self.doc) and self.is_namelike(n) for n in neighbours)
            ):
                groups[surnames[tok.lower_]].append(_Mention(tok.i, tok.i + 1, None, None))

    # --- people ------------------------------------------------------------------------

    def person(self, group: list[_Mention]) -> Person:
        best = max(group, key=lambda m: (len(self.words(m.start, m.end)), m.end - m.start))
        role = next((m.role for m in group if m.role), None)
        spans = [
            (self.doc[m.start].idx, self.doc[m.end - 1].idx + len(self.doc[m.end - 1]))
            for m in group
        ]
        name = self.doc[best.start : best.end].text
        return Person(
            name=name,
            role=role,
            country=self._country(group, role, name),
            mentions=len(group),
            spans=spans,
        )

    def _country(self, group: list[_Mention], role: str | None, name: str) -> str | None:
        """The country a mention states, else what the role says, else a known office
        holder's, else what a ministry, the line or the clause says."""
        stated = next((m.country for m in group if m.country), None)
        default = self._role_country(role, group[0].start) if role and not stated else None
        known = stated or default or office_country(name, self.published)
        if known:
            return known
        if role and role.lower() in self.ministries:
            return self.ministries[role.lower()]
        for rule in (self._line_country, self._clause_country):
            code = next((c for c in map(rule, group) if c), None)
            if code:
                return code
        return None

    def _role_default(self, role: str) -> str | None:
        low = role.lower()
        return next(
            (c for r, c in self.lex.role_countries if low == r or low.endswith(" " + r)), None
        )

    def _role_country(self, role: str, start: int) -> str | None:
        code = self.institution(role)
        if code:
            return code
        code = self._role_default(role)
        return self._nearest_body(start) if code == "BODY" else code

    def _ministries(self) -> dict[str, str]:
        """Minister titles whose ministry has a country in the article: "Belarus's Defence
        Ministry" -> {"defence minister": "BLR"}, "Ministry of Finance of Ukraine" -> UKR."""
        out = {}
        for i, low in enumerate(self.lowers):
            if low != "ministry":
                continue
            tok = self.doc[i]
            if tok.dep_ == "pobj" and tok.head.lower_ == "with":
                continue  # "coordinated with Ukraine's defence ministry": a counterpart's
            start, floor = tok.i, tok.sent.start
            while start > floor and self.is_modifier(start - 1):
                start = self.word_start[start - 1]
            end = tok.i + 1
            if end < len(self.doc) and self.doc[end].lower_ == "of":
                while end < tok.sent.end and (
                    self.doc[end].text[:1].isupper() or self.doc[end].lower_ in ("of", "the")
                ):
                    end += 1
            role, country = self.read_title(_Title(start, tok.i, end))
            if role and country:
                out.setdefault(re.sub(r"ministry", "minister", role.lower()), country)
        return out

    def _body_refs(self) -> list[tuple[int, str]]:
        """(token, code) of every international body named, and of back-references ("the Fund")."""
        refs = []
        for ent in self.ents:
            code = self.code(ent.text) if ent.label_ != "PERSON" else None
            if code in self.lex.body_codes:
                refs.append((ent.start, code))
        named = {c for _, c in refs}
        for i in range(1, len(self.lowers)):
            code = self.lex.shortforms.get(self.lowers[i])
            if code in named and self.lowers[i - 1] == "the" and self.texts[i][:1].isupper():
                refs.append((i, code))
        return sorted(refs)

    def _nearest_body(self, start: int) -> str | None:
        """The body named in the person's sentence, else the last one named shortly before."""
        sent = self.doc[start].sent
        inside = [c for i, c in self.body_refs if sent.start <= i < sent.end]
        if inside:
            return inside[0]
        floor = sent.start
        for _ in range(_BODY_LOOKBACK):
            if floor == 0:
                break
            floor = self.doc[floor - 1].sent.start
        before = [c for i, c in self.body_refs if floor <= i < sent.start]
        return before[-1] if before else None

    def _line_country(self, m: _Mention) -> str | None:
        """A line label ("• Germany: ... Defence Minister X") or a heading above ("2) GERMANY")."""
        text = text_of(self.doc)
        at = self.doc[m.start].idx
        line_start = text.rfind("\n", 0, at) + 1
        line = text[line_start : text.find("\n", at) if "\n" in text[at:] else len(text)]
        label = _LINE_LABEL.match(line)
        if label and line_start + label.end() <= at:
            code = self.code(label.group(1))
            if code:
                return code
        above = text[:line_start].rstrip("\n").rsplit("\n", 1)[-1].strip()
        above = _HEADING_NUMBER.sub("", above)
        if above.isupper() and 0 < len(above.split()) <= 4:
            return self.code(above.title())
        return None

    def _clause_country(self, m: _Mention) -> str | None:
        """ "Chancellor X announced that Germany would supply": the country the person commits."""
        root = self.doc[m.start : m.end].root
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
                    code = next((c for c in map(self.token_code, (subj, *mods)) if c), None)
                    if code:
                        return code
        return None


def _first_conjunct(tok: Token) -> Token:
    """First word of a coordination: "Donetsk" for "Luhansk" in "Donetsk and Luhansk regions"."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _surname(name: tuple[str, ...]) -> str:
    """Surname of a lower-cased name, past suffixes and initials ("lloyd j. austin iii")."""
    suffixes = {s.lower() for s in _SUFFIXES}
    words = [w for w in name if w not in suffixes and not re.fullmatch(r"[a-z]\.", w)]
    return words[-1] if words else name[-1]


def _part_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "Lloyd Austin" is part of "Lloyd J. Austin III": same surname, words in order."""
    if _surname(short) != _surname(full):
        return False
    it = iter(full)
    return all(w in it for w in short)
