"""Titles before and appositions after a person's name, read as the role and country they give.

spaCy's small model does not join titles to names ("U.S. Secretary of Defense" + "Lloyd
Austin"), so title phrases are rebuilt from the words of models/people_titles.tsv and the parse:
a head word ("minister"), the modifiers before it ("Deputy Foreign"), an "of ..." complement,
and a leading country or owner that leaves the role for the country column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pycountry
from spacy.tokens import Doc, Span, Token

from .resources import ResourceError, read_tsv

ActorCode = Callable[[str], str | None]

# "Then-Defence Minister Christine Lambrecht" is listed as "Defence Minister"
_THEN = re.compile(r"^then\b[\s-]*", re.IGNORECASE)
INITIAL = re.compile(r"[A-Z]\.")  # "J." of "Lloyd J. Austin"
_AGE = re.compile(r"\d{1,3}-year-old\b")
# an Arabic or similar particle joined to a name ("al-Assad", "el-Sisi", "bin-Zayed")
_PARTICLE_NAME = re.compile(r"(?:a[lnrsdtz]|ash|el|bin|ibn|ben|abu|abd|ul|ud)-[A-Z][\w'’-]*")
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# prepositions that open a complement kept in the role ("ambassador to the OSCE")
COMPLEMENT_PREPS = frozenset({"of", "to", "for"})
_COMPLEMENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "ADP", "PART", "NUM"})
_TITLE_WORD_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_NOT_NAME_POS = frozenset(
    {"ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SYM", "SPACE"}
)
# inside a name the model found, words of these tags still are none ("Than" as ADP may be)
_NEVER_NAME_POS = frozenset({"DET", "PRON", "AUX", "CCONJ", "NUM", "PUNCT", "SYM"})
NUMBER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
APPOSITION_END = frozenset({",", ".", ";", ":", ")", "—", "–"})
_RELATIVES = frozenset({"who", "whose", "which", "that"})
_BECOME = frozenset({"be", "become", "serve"})  # ", who became defence minister in July"
_LEAD_VERBS = frozenset({"lead", "head"})  # ", who leads the agency's Ukraine desk"
_EMPLOYER_PREPS = frozenset({"at", "with"})  # ", a researcher at the Stimson Center"
_NAME_JOINS = frozenset({"of", "and", "for", "&"})  # inside a body's name
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_COMPLEMENT_DEPS = frozenset({"pobj", "prep", "conj", "compound"})
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")  # "PCG", "AFD": an acronym an article defines
_MAX_COMPLEMENT = 14  # tokens a title's "of ..." complement may span before the name
_TITLE_KINDS = frozenset(
    {"head", "rank", "style", "local", "relation", "modifier", "honorific", "passing"}
)
_MAX_BRACKET = 6  # tokens of a bracket after a name: "(C)", "(left)", "(R-Texas)"
_PARTY_LABELS = frozenset({"ORG", "NORP"})
# ", the US envoy,", ", his Ukrainian counterpart,": words that may open an apposition
_APPOSITION_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their"})


@dataclass(frozen=True)
class TitleLexicon:
    heads: frozenset[str]
    locals: frozenset[str]
    ranks: frozenset[str]
    styles: frozenset[str]
    passing: frozenset[str]
    relations: frozenset[str]
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    role_countries: tuple[tuple[str, str], ...]
    institutions: tuple[tuple[re.Pattern, str], ...]
    shortforms: dict[str, str]
    body_codes: frozenset[str]
    parties: dict[str, str]


@cache
def title_lexicon() -> TitleLexicon:
    titles = read_tsv("people_titles.tsv", required=("word", "kind"))
    for row in titles:
        if row["kind"] not in _TITLE_KINDS:
            raise ResourceError(f"models/people_titles.tsv: unknown kind {row['kind']!r}")
    roles = read_tsv("people_role_countries.tsv", required=("role", "country"))
    institutions = read_tsv("people_institutions.tsv", required=("name", "country"))
    bodies = read_tsv("people_bodies.tsv", required=("code",))
    parties = read_tsv("people_parties.tsv", required=("party", "country"))
    return TitleLexicon(
        heads=frozenset(
            r["word"] for r in titles if r["kind"] in ("head", "rank", "style", "local", "relation")
        ),
        locals=frozenset(r["word"] for r in titles if r["kind"] == "local"),
        ranks=frozenset(r["word"] for r in titles if r["kind"] == "rank"),
        styles=frozenset(r["word"] for r in titles if r["kind"] == "style"),
        passing=frozenset(r["word"] for r in titles if r["kind"] == "passing"),
        relations=frozenset(r["word"] for r in titles if r["kind"] == "relation"),
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
        parties={r["party"]: r["country"] for r in parties},
    )


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("geo_demonyms.tsv", required=("word", "code")))


@cache
def _is_country_name(text: str) -> bool:
    """A country's name as pycountry knows it ("Guyana", "the Netherlands"), not a code."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    if len(text) < 4:
        return False
    try:
        pycountry.countries.lookup(text)
    except LookupError:
        return False
    return True


def word_bounds(texts: list[str], spaces: list[str]) -> tuple[list[int], list[int]]:
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


class DocWords:
    """One doc's words as the rules see them: hyphen-joined words, entities, title words and
    the caller's codes. The token strings are read once: the rules look at each token many
    times, and every doc[i] or doc[a:b] builds a new Python object."""

    def __init__(self, doc: Doc, actor_code: ActorCode, place_country: ActorCode | None = None):
        self.doc = doc
        self.lex = title_lexicon()
        self._actor_code = actor_code
        self.place_country = place_country or (lambda text: None)
        self._codes: dict[str, str | None] = {}
        self.texts: list[str] = []
        self.lowers: list[str] = []
        self.pos: list[str] = []
        spaces = []
        for token in doc:
            self.texts.append(token.text)
            self.lowers.append(token.lower_)
            self.pos.append(token.pos_)
            spaces.append(token.whitespace_)
        self.word_start, self.word_end = word_bounds(self.texts, spaces)
        self.word_text = [
            "".join(self.texts[self.word_start[i] : self.word_end[i]]) for i in range(len(doc))
        ]
        self.ents = doc.ents  # spaCy builds the spans anew on every access
        self.ent: dict[int, Span] = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.body_refs = self._body_refs()
        self.acronyms: dict[str, str] = {}  # the owners of the names they stand for are read first
        self.acronyms = self._acronyms()
        self._namelike: dict[int, bool] = {}

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
        """Country of a government institution named in `text` ("Pentagon spokesman"), or of
        a body whose acronym the article defined ("PCG spokesman")."""
        code = next((code for pat, code in self.lex.institutions if pat.search(text)), None)
        defined = (self.acronyms[a] for a in _ACRONYM.findall(text) if a in self.acronyms)
        return code or next(defined, None)

    def country_word(self, i: int) -> str | None:
        """Code of the word at token `i` when it names a country or is a country's adjective
        ("Guyana", "Chinese"), not a capital or city ("London" of "London School")."""
        text = self.word_text[i]
        code = self.code(text)
        if code is None or code in self.lex.body_codes:
            return code
        return code if text in _demonyms() or _is_country_name(text) else None

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

    def _acronyms(self) -> dict[str, str]:
        """Acronyms the article defines after a body's name whose words give its country or
        body: "the Philippine Coast Guard (PCG)" -> PHL, "NATO's Kosovo Force (KFOR)" -> NATO."""
        out: dict[str, str] = {}
        for i in range(1, len(self.texts) - 2):
            acronym = self.texts[i + 1]
            if self.texts[i] != "(" or self.texts[i + 2] != ")" or not _ACRONYM.fullmatch(acronym):
                continue
            code = self._body_name_code(i)
            if code and acronym not in out and self.code(acronym) is None:
                out[acronym] = code
        return out

    def _body_name_code(self, end: int) -> str | None:
        """Code of the proper name of a body that ends before token `end`: its owner ("NATO's
        Kosovo Force"), its first word ("French Development Agency") or an "of" and a country
        at its end ("Bank of China")."""
        floor = self.doc[end - 1].sent.start
        start = end
        while start > floor and (
            self.texts[start - 1][:1].isupper()
            or (start < end and self.lowers[start - 1] in _NAME_JOINS)
        ):
            start -= 1
        while start < end and (not self.texts[start][:1].isupper() or self.lowers[start] == "the"):
            start += 1
        if end - start < 2:
            return None
        if start >= floor + 2 and self.texts[start - 1] in POSSESSIVE:
            owner = self.word_start[start - 2]
            return self.owner_code(self.doc[owner : start - 1].text)
        ofs = [k for k in range(start, end) if self.lowers[k] == "of"]
        tail = self.doc[ofs[-1] + 1 : end].text if ofs else ""
        return self.country_word(start) or (self.code(tail) if _is_country_name(tail) else None)

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

    # --- words -------------------------------------------------------------------------

    def text_at(self, i: int) -> str:
        return self.texts[i] if 0 <= i < len(self.texts) else ""

    def words(self, start: int, end: int) -> list[int]:
        """First tokens of the words in [start, end)."""
        out, i = [], start
        while i < end:
            out.append(i)
            i = self.word_end[i]
        return out

    def label(self, i: int) -> str | None:
        ent = self.ent.get(i)
        return ent.label_ if ent is not None else None

    def is_head(self, i: int) -> bool:
        low = self.word_text[i].lower()
        return low in self.lex.heads or any(p in self.lex.heads for p in low.split("-") if p)

    def is_title_word(self, i: int) -> bool:
        low = self.word_text[i].lower()
        return self.is_head(i) or any(p in self.lex.modifiers for p in low.split("-") if p)

    def is_rank_word(self, w: int) -> bool:
        return self.word_text[w].lower() in self.lex.ranks

    def is_plural_head(self, i: int) -> bool:
        low = self.lowers[i]
        return low.endswith("s") and low in self.lex.heads and low[:-1] in self.lex.heads

    def is_modifier(self, i: int) -> bool:
        """A word that may stand before a title's head: "Defence", "U.S.", "Ukraine 's", "top"."""
        text = self.word_text[i]
        if text in POSSESSIVE:
            return True
        if self.is_title_word(i):
            return True
        last = self.word_end[i] - 1
        if text.islower():
            return self._is_role_noun(last) or text in self.lex.passing
        if not text[:1].isupper() or self.pos[last] not in _TITLE_WORD_POS:
            return False
        if text.endswith("ing") and self.doc[i].is_sent_start:
            return False  # "• Meeting Palestinian Prime Minister X, the envoy ...": a participle
        if self.label(last) == "PERSON":
            # "Moldovan" read as part of a name; "Crown" of "[Crown Prince Mohammed]" PERSON
            return self.code(text) is not None or self._before_head_in_name(i)
        return self.label(last) not in NUMBER_ENTS

    def _before_head_in_name(self, i: int) -> bool:
        """The word before a title's head, both inside one PERSON entity ("Crown Prince")."""
        after = self.word_end[i]
        return after < len(self.doc) and self.is_head(after) and self.ent.get(after) is self.ent[i]

    def _is_role_noun(self, k: int) -> bool:
        """A lower-case word inside a title: a compound's part ("border guard chief", "foreign
        ministry spokeswoman" with "ministry" tagged PROPN), a participle ("commanding
        officer") or the owner of the office ("the brigade's commander")."""
        tok = self.doc[k]
        if tok.pos_ in ("NOUN", "PROPN") and self.text_at(k + 1) in POSSESSIVE:
            return True
        if tok.dep_ == "amod":
            return tok.tag_ == "VBG" and tok.head.i == k + 1
        return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound" and tok.head.i > k

    def is_complement(self, k: int) -> bool:
        tok = self.doc[k]
        if tok.pos_ not in _COMPLEMENT_POS and tok.text != "-":
            return False
        label = self.label(k)
        if label in NUMBER_ENTS:
            return False
        # "President of [Sri Lanka] Mr X": a country the model read as a person's name
        return label != "PERSON" or any(self.code(t) for t in (tok.text, self.ent[k].text))

    def is_namelike(self, i: int) -> bool:
        """A word that can be part of a person's name (the name finders ask about each word
        many times, so the answer is kept). Past the text's end there is no word."""
        if not 0 <= i < len(self.word_text):
            return False
        if i not in self._namelike:
            self._namelike[i] = self._namelike_word(i)
        return self._namelike[i]

    def _namelike_word(self, i: int) -> bool:
        text = self.word_text[i]
        if INITIAL.fullmatch(text):
            return True
        last = self.word_end[i] - 1
        label = self.label(last)
        if label == "PERSON" and self._inside_full_name(i):
            return True
        if text.isupper() and len(text) <= 3 and label == "PERSON":
            return self.code(text) is None  # "JD Vance"
        if not (text[:1].isupper() and any(ch.islower() for ch in text)):
            return False
        if not all(ch.isalpha() or ch in "-'’" for ch in text):
            return False
        if self.doc[last].tag_ == "VBG" and label != "PERSON":
            return False  # "Meeting Palestinian Prime Minister X ...": a participle opens it
        return self.pos[last] not in _NOT_NAME_POS and label not in NUMBER_ENTS

    def _inside_full_name(self, i: int) -> bool:
        """A word of a PERSON entity that also holds a capitalised name word, whatever its
        tag or case: a particle ("al-Ansari"), a word tagged as a function word ("Than Swe")
        or a surname in capitals ("IWAYA Takeshi"). A capitals-only entity is a shouted
        heading, not a name."""
        text, end = self.word_text[i], self.word_end[i]
        ent = self.ent[end - 1]
        if _PARTICLE_NAME.fullmatch(text):
            return True
        if not (text.isalpha() and text[:1].isupper()) or self.pos[i] in _NEVER_NAME_POS:
            return False
        if text.isupper() and self.code(text) is not None:
            return False
        return any(
            not i <= t.i < end and t.text[:1].isupper() and any(ch.islower() for ch in t.text)
            for t in ent
        )


def first_conjunct(tok: Token) -> Token:
    """First word of a coordination: "Donetsk" for "Luhansk" in "Donetsk and Luhansk regions"."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


@dataclass(frozen=True)
class Title:
    start: int  # first token of the title phrase
    head: int  # first token of its head word
    end: int  # token after the phrase


# --- the title of a mention ---------------------------------------------------------------


def mention_title(w: DocWords, start: int, end: int) -> tuple[str | None, str | None]:
    """Role and country of one mention, from titles before, around and after the name."""
    before = title_before(w, start)
    outer = before.start if before else start
    titles = []
    if outer > 0 and w.texts[outer - 1] == ",":
        titles.append(_title_in_apposition(w, start, end, outer - 1))
    after = title_after(w, _past_origin(w, end))
    # a bare rank or one-word title yields to an apposition: "Gen. Mark Milley, chairman
    # of the Joint Chiefs", "Senator X, the chair of the Armed Services Committee"
    bare = before and (_is_rank(w, before) or len(w.words(before.start, before.end)) == 1)
    copula = _copula_title(w, outer)
    titles += [after, copula, before] if bare else [before, after, copula]
    titles.append(_shared_title(w, start, end))
    read = [read_title(w, t) for t in titles if t]
    read += [_unit_led(w, end), _party_of(w, end), _demonym_apposition(w, end)]
    role = next((r for r, _ in read if r), None)
    country = next((c for _, c in read if c), None)
    return role, country


def _title_in_apposition(w: DocWords, start: int, end: int, comma: int) -> Title | None:
    """The title a name stands in apposition to, before the comma at `comma`: "the minister,
    X, said", and, by the parse, "one Moldovan analyst, X from ...", "the Commissioner for
    Trade, Industry and Jobs, X, said"."""
    if _closes_apposition(w, end):
        title = title_before(w, comma)
        if title:
            return title
    root = w.doc[start:end].root
    if root.dep_ != "appos":
        return None
    near = root.head  # the model may hang the name on a word of the complement: "Trade"
    while not w.is_head(near.i) and near.dep_ in _COMPLEMENT_DEPS and near.head.i < near.i:
        near = near.head
    head = w.word_start[near.i]
    if not head < comma or not w.is_head(head):
        return None
    tail = range(w.word_end[head], comma)
    if len(tail) > _MAX_COMPLEMENT or (tail and w.lowers[tail[0]] not in COMPLEMENT_PREPS):
        return None
    if not all(w.is_complement(k) or w.texts[k] == "," for k in tail):
        return None
    return Title(_modifiers_start(w, head, _sentence_floor(w, head)), head, comma)


def _copula_title(w: DocWords, start: int) -> Title | None:
    """ "the paramilitary RSF, whose commander is Gen. X": the title the name completes."""
    be = start - 1
    if be < 1 or w.doc[be].lemma_ != "be" or w.pos[be] not in ("AUX", "VERB"):
        return None
    return title_before(w, be)


def _past_origin(w: DocWords, end: int) -> int:
    """Token after "of Kentucky" in "Sen. X of Kentucky, the Republican leader": where the
    person comes from stands between the name and its apposition."""
    if end >= len(w.doc) or w.lowers[end] != "of":
        return end
    k = end + 1
    while k < len(w.doc) and w.pos[k] == "PROPN" and w.texts[k][:1].isupper():
        k = w.word_end[k]
    return k if k > end + 1 and w.text_at(k) == "," else end


def _unit_led(w: DocWords, end: int) -> tuple[str | None, str | None]:
    """ "X, who leads the institute's Ukraine Support Tracker": head of the named unit, and
    the country or body that owns it."""
    if w.text_at(end) != "," or w.text_at(end + 1).lower() != "who" or end + 2 >= len(w.doc):
        return None, None
    verb = w.doc[end + 2]
    unit = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    if verb.lemma_ not in _LEAD_VERBS or unit is None:
        return None, None
    start, country = unit.left_edge.i, None
    owners = [k for k in range(start, unit.i) if w.texts[k] in POSSESSIVE]
    if owners:
        country = w.owner_code(w.doc[start : owners[-1]].text)
        start = owners[-1] + 1
    name = w.doc[start : unit.i + 1].text
    article = "the " if owners else ""
    return f"head of {article}{name}", country or (w.code(name) if start == unit.i else None)


def _closes_apposition(w: DocWords, end: int) -> bool:
    if end >= len(w.doc):
        return True
    tok = w.doc[end]
    return tok.text in APPOSITION_END or tok.pos_ in ("VERB", "AUX")


def _is_rank(w: DocWords, title: Title) -> bool:
    """A rank, maybe with its service ("Air Force Maj. Gen."), but no title word of its own
    ("Senior General" is a rank's name)."""
    words = w.words(title.start, title.end)
    return w.is_rank_word(title.head) and all(
        w.is_rank_word(k) or w.texts[k] == "." or not w.is_title_word(k) for k in words
    )


def _shared_title(w: DocWords, start: int, end: int) -> Title | None:
    """A plural title before the first of joined names: "Presidents X and Y" -> for Y."""
    root = w.doc[start:end].root
    if root.dep_ != "conj" or not w.is_namelike(root.i):
        return None
    first = first_conjunct(root).i
    while first > 0 and w.is_namelike(first - 1) and not w.is_title_word(first - 1):
        first -= 1
    title = title_before(w, first)
    return title if title and w.is_plural_head(title.head) else None


# --- title phrases before the name ---------------------------------------------------------


def title_before(w: DocWords, end: int) -> Title | None:
    """The title phrase that ends right before token `end` ("U.S. Secretary of Defense")."""
    doc = w.doc
    split = end < len(doc) and doc[end].is_sent_start and not _title_alone(w, end - 1)
    if end <= 0 or (split and not _after_rank_stop(w, end) and w.texts[end - 1] != ")"):
        return None
    j = _before_bracket(w, end - 1)
    floor = _sentence_floor(w, j)
    if j > floor and w.lowers[j] in w.lex.honorifics:
        j -= 1  # "Foreign Secretary Mr Lammy"
    if w.lowers[j] in COMPLEMENT_PREPS or w.pos[j] == "CCONJ":
        return None  # "Minister of National Defence": the name is the complement
    stop = j + 1
    if j > floor and w.texts[j] == "." and not w.doc[j - 1].whitespace_ and w.is_rank_word(j - 1):
        j -= 1  # "spokesperson Col . Lee": the tokenizer split the rank's stop
    head = w.word_start[j] if w.is_head(j) else _complement_head(w, j, floor)
    if head is None:
        return None
    ranks = _rank_start(w, head, floor)
    # "Pentagon spokesman Maj. Gen. X", "Foreign Minister Prince X" name the office
    office_end = _office_before_style(w, head, ranks, floor)
    if office_end is not None:
        return title_before(w, office_end)
    start = _modifiers_start(w, head, floor)
    outer = _outer_head(w, start, floor)
    if outer is not None:  # "Head of the Office of the President X": the title holds "President"
        head = outer
        return Title(_modifiers_start(w, head, floor), head, stop)
    first = _joined_title(w, start, head, floor)
    return Title(first.start, first.head, stop) if first else Title(start, head, stop)


def _before_bracket(w: DocWords, j: int) -> int:
    """Token before a short bracket that ends at token `j` between a title and its name
    ("Major General (Retd.) X"), else `j`."""
    if w.texts[j] != ")":
        return j
    opening = next((k for k in range(j - 1, max(j - _MAX_BRACKET, 0), -1) if w.texts[k] == "("), 0)
    return opening - 1 if 0 < opening < j - 1 else j


def _after_rank_stop(w: DocWords, i: int) -> bool:
    """Token `i` follows the stop the tokenizer split from a short rank ("Sgt" "." "Tyler"),
    where the model often ends a sentence ("Thanks, General. X" is no title)."""
    return (
        i >= 2
        and w.texts[i - 1] == "."
        and not w.doc[i - 2].whitespace_
        and w.word_text[w.word_start[i - 2]].lower() + "." in w.lex.ranks
    )


def _modifiers_start(w: DocWords, head: int, floor: int) -> int:
    """First token of the modifiers before a title's head, past split rank stops ("Lt . Col")."""
    start = head
    while start > floor:
        if w.is_modifier(start - 1):
            start = w.word_start[start - 1]
        elif start - 2 > floor and _after_rank_stop(w, start):
            start = w.word_start[start - 2]
        else:
            break
    return start


def _outer_head(w: DocWords, start: int, floor: int) -> int | None:
    """Head of a title whose "of the ..." complement holds the title found at `start`."""
    if start - 1 <= floor or w.lowers[start - 1] != "the":
        return None
    return _complement_head(w, start - 1, floor)


def _office_before_style(w: DocWords, head: int, ranks: int, floor: int) -> int | None:
    """End of the office before a rank or a style ("Senator", "Prince") stacked after it,
    which is no part of the role: "army spokesman Brig. Gen. X", "spokesperson Senior Col.
    X", "Minister for Finance Senator X", "Chief of the Naval Staff Admiral X". "General"
    after a head of its own case joins it ("Secretary General X"); after a lower-case one it
    is a rank ("military leader General X")."""
    style = w.word_text[head].lower() in w.lex.styles
    if not (w.is_rank_word(head) or style):
        return None
    end = ranks
    if end > floor + 1 and _complement_head(w, end - 1, floor) is not None:
        return end  # "Chief of the Naval Staff Admiral X": an office closed by its complement
    while end > floor + 1 and _is_rank_modifier(w, w.word_start[end - 1]):
        end = w.word_start[end - 1]  # "Senior Col.", "Vice Adm."
    if end <= floor:
        return None
    before = w.word_start[end - 1]
    if w.word_text[end].lower() == "general" and w.is_head(before):
        rank = w.texts[before][:1].islower() and w.texts[end][:1].isupper()
        return end if rank else None
    if w.is_head(before):
        return end
    return end if style and _complement_head(w, end - 1, floor) is not None else None


def _is_rank_modifier(w: DocWords, k: int) -> bool:
    """A title word that is no head, before a rank ("Senior" of "Senior Col.")."""
    return w.is_title_word(k) and not w.is_head(k) and w.word_text[k][:1].isupper()


def _joined_title(w: DocWords, start: int, head: int, floor: int) -> Title | None:
    """The title before "and" when one person holds both: "Deputy Prime Minister and
    Minister of Finance X". Heads of one case only: "the premier and President X" are two."""
    if start - 1 <= floor or w.lowers[start - 1] != "and":
        return None
    first = title_before(w, start - 1)
    if first is None or w.texts[first.head][:1].isupper() != w.texts[head][:1].isupper():
        return None
    return first


def _sentence_floor(w: DocWords, j: int) -> int:
    """Start of token `j`'s sentence, past a split the model makes after an abbreviated rank
    ("army spokesman Brig. | Gen. X said")."""
    floor = w.doc[j].sent.start
    while floor >= 2 and w.texts[floor - 1] == "." and w.is_rank_word(w.word_start[floor - 2]):
        floor = w.doc[floor - 1].sent.start
    return floor


def _rank_start(w: DocWords, head: int, floor: int) -> int:
    """First token of the rank words that end with `head` ("Maj. Gen.")."""
    ranks = head
    while ranks > floor and w.is_rank_word(prev := _word_before(w, ranks, floor)):
        ranks = w.word_start[prev]
    return ranks


def _word_before(w: DocWords, i: int, floor: int) -> int:
    """Last token of the word before token `i`, past the "." of an abbreviation ("Maj .")."""
    return i - 2 if w.texts[i - 1] == "." and i - 1 > floor else i - 1


def _title_alone(w: DocWords, j: int) -> bool:
    """The model split a title from its name: "Presidents" | "X and Y signed"."""
    sent = w.doc[j].sent
    return w.doc[j].whitespace_ == " " and all(w.is_modifier(k) for k in range(sent.start, j + 1))


def _complement_head(w: DocWords, j: int, floor: int) -> int | None:
    """Head of a title whose "of ..." complement ends at token `j` ("Minister of defense")."""
    k = j
    while k > floor and j - k < _MAX_COMPLEMENT and w.is_complement(k):
        if (w.lowers[k] in COMPLEMENT_PREPS or _posted_in(w, k, j + 1)) and w.is_head(k - 1):
            return w.word_start[k - 1]
        k -= 1
    return None


# --- appositions after the name ------------------------------------------------------------


def title_after(w: DocWords, end: int) -> Title | None:
    """An apposition after the name: ", the US ambassador to the OSCE," / ", chief of ..."."""
    doc = w.doc
    if end >= len(doc) or doc[end].text != ",":
        return None
    limit = doc[end].sent.end
    start, relative = _apposition_start(w, end + 1, limit)
    head, k = None, start
    while k < limit and (
        w.is_modifier(k)
        or _describes_head(w, k)
        or (head is None and _joins_modifiers(w, k, limit))
    ):
        head = w.word_start[k] if w.is_head(k) else head
        k = w.word_end[k]
    if head is None or not _ends_title(w, w.word_end[head], k):
        return None
    if k < limit and _posted_in(w, k, _place_end(w, k + 1)):
        place = _place_end(w, k + 1)  # ", UNHCR's Representative in Chad,"
        if _apposition_ends(w, place, limit):
            return Title(start, head, place)
    keep = k < limit and w.lowers[k] in COMPLEMENT_PREPS
    stop = k
    while stop < limit and w.lowers[stop] not in _RELATIVES and w.is_complement(stop):
        if w.lowers[stop] in _EMPLOYER_PREPS:
            break
        stop += 1
    close = stop if keep else k
    employer = _employer_end(w, close, limit)
    if employer is not None and (relative or _apposition_ends(w, employer, limit)):
        return Title(start, head, employer)
    rest = stop
    while rest < limit and w.lowers[rest] not in _RELATIVES and w.is_complement(rest):
        rest += 1
    # "an analyst at the Chisinau-based think tank X", "head of Y at Z in Copenhagen": where
    # the person works, told at length, is no part of the role but ends it
    at_work = stop < limit and w.lowers[stop] in _EMPLOYER_PREPS
    if not (relative or at_work or _apposition_ends(w, rest, limit) or _participle(w, rest)):
        return None
    return Title(start, head, close)


def _place_end(w: DocWords, k: int) -> int:
    """End of the entity, else of the proper nouns, that open at token `k`."""
    ent = w.ent.get(k)
    if ent is not None and ent.start == k:
        return ent.end
    while k < len(w.doc) and w.pos[k] == "PROPN" and w.texts[k][:1].isupper():
        k += 1
    return k


def _posted_in(w: DocWords, k: int, end: int) -> bool:
    """ "Representative in Chad", "Country Director in Sudan": "in" and one country, the
    posting of an agency's officer, up to token `end` (a city is only where the office sits:
    "spokesperson in Geneva")."""
    if w.lowers[k] != "in" or k + 1 >= end:
        return False
    place = w.doc[k + 1 : end].text
    return place[:1].isupper() and w.code(place) is not None


def _participle(w: DocWords, k: int) -> bool:
    """ "a teacher watching from the gates": a participle that describes the apposition."""
    tok = w.doc[k] if k < len(w.doc) else None
    return tok is not None and tok.tag_ in ("VBG", "VBN") and tok.dep_ == "acl"


def _demonym_apposition(w: DocWords, end: int) -> tuple[str | None, str | None]:
    """ ", a 34-year-old Sudanese mother of five": the country of a demonym that opens an
    apposition of a common noun."""
    if w.text_at(end) != ",":
        return None, None
    limit = w.doc[end].sent.end
    start, _ = _apposition_start(w, end + 1, limit)
    ent = w.ent.get(start)
    if start == end + 1 or ent is None or ent.label_ != "NORP" or ent.start != start:
        return None, None
    noun = w.doc[ent.end] if ent.end < limit else None
    code = w.code(ent.text)
    if noun is None or noun.pos_ != "NOUN" or not noun.text.islower() or code in w.lex.body_codes:
        return None, None
    return None, code


def _describes_head(w: DocWords, k: int) -> bool:
    """A lower-case adjective of an apposition's head: "a political economist"."""
    tok = w.doc[k]
    return (
        tok.pos_ == "ADJ"
        and tok.dep_ == "amod"
        and tok.text.islower()
        and tok.head.i > k
        and w.is_head(tok.head.i)
    )


def _employer_end(w: DocWords, k: int, limit: int) -> int | None:
    """End of the employers named right after a title ("at the Stimson Center", "with the
    Institute of South Asian Studies at Sichuan University"): each "at" or "with" and a
    proper name. A lower-case word ("at the Chisinau-based think tank X") makes it a
    description, which is no part of the role."""
    end = None
    while k < limit and w.lowers[k] in _EMPLOYER_PREPS:
        first = k + 1 + (k + 1 < limit and w.lowers[k + 1] == "the")
        n = first
        while n < limit and (
            (w.texts[n][:1].isupper() and w.pos[n] == "PROPN")
            or (n > first and w.lowers[n] in _NAME_JOINS)
        ):
            n += 1
        while n > first and w.lowers[n - 1] in _NAME_JOINS:
            n -= 1
        if n == first or (n == first + 1 and w.lex.shortforms.get(w.lowers[first])):
            return end  # "at the Fund": a back-reference to a body, no employer's name
        k = end = n
    return end


def _ends_title(w: DocWords, after_head: int, k: int) -> bool:
    """The words after an apposition's head are none, or a place of the office ("Supreme
    Allied Commander Europe"), not a name ("the minister, Defence Minister X")."""
    if after_head == k:
        return True
    ent = w.ent.get(after_head)
    return (
        ent is not None and ent.label_ in _PLACE_LABELS and (ent.start, ent.end) == (after_head, k)
    )


def _joins_modifiers(w: DocWords, k: int, limit: int) -> bool:
    """ "the UN Resident and Humanitarian Coordinator": an "and" between capitalised words
    of one title, before its head."""
    return (
        w.lowers[k] == "and"
        and k + 1 < limit
        and w.texts[k - 1][:1].isupper()
        and w.texts[k + 1][:1].isupper()
        and w.is_modifier(k + 1)
    )


def _apposition_ends(w: DocWords, stop: int, limit: int) -> bool:
    """Token `stop` may end an apposition: the sentence's end, punctuation, a line break or a
    relative pronoun (", the US envoy, who ...")."""
    if stop >= limit:
        return True
    if w.texts[stop] == "(":  # ", commander of U.S. Forces Korea (USFK), told ...": an acronym
        close = next(
            (k for k in range(stop, min(stop + _MAX_BRACKET, limit)) if w.texts[k] == ")"), None
        )
        return close is not None and _apposition_ends(w, close + 1, limit)
    return w.texts[stop] in APPOSITION_END or w.doc[stop].is_space or w.lowers[stop] in _RELATIVES


def _apposition_start(w: DocWords, start: int, limit: int) -> tuple[int, bool]:
    """First word of an apposition past "who became (as)" and an article or owner ("his"),
    and whether the apposition is such a relative clause."""
    relative = start + 1 < limit and w.lowers[start] == "who"
    relative = relative and w.doc[start + 1].lemma_ in _BECOME
    if relative:
        start += 3 if start + 2 < limit and w.lowers[start + 2] == "as" else 2
    if start < limit and w.lowers[start] in _APPOSITION_DETERMINERS:
        start += 1
    age = _AGE.match(w.doc[start:limit].text) if start < limit else None
    if age:  # ", a 29-year-old teacher": the age is no part of the role
        start = w.doc.char_span(
            w.doc[start].idx, w.doc[start].idx + age.end(), alignment_mode="expand"
        ).end
    return start, relative


# --- a title phrase read as role and country -----------------------------------------------


def read_title(w: DocWords, title: Title) -> tuple[str | None, str | None]:
    """Role text and country of a title phrase: the country prefix leaves the role."""
    doc = w.doc
    kept = list(range(title.start, title.head))
    owners = [k for k in kept if w.texts[k] in POSSESSIVE]
    if owners:
        owner = doc[title.start : owners[-1]]
        country = w.owner_code(owner.text) or _office_owner(w, title.start, owners[-1])
        if country and w.institution(owner.text):  # "the European Council's president"
            kept = [k for k in kept if k > owners[-1] or (k < owners[-1] and w.lowers[k] != "the")]
        elif country or not _named_owner(w, title.start, owners[-1]):
            kept = [k for k in kept if k > owners[-1]]  # "Wagner's founder" keeps its owner
    else:
        country, kept = _country_prefix(w, title, kept)
    party, kept = _party_prefix(w, kept)
    country = country or party
    complement = list(range(title.head, title.end))
    code, complement = _country_of_tail(w, title, complement)
    country = country or code or _employer(w, complement)
    pieces, owner_country = _complement_text(w, complement)
    country = country or owner_country or _party_country(w, kept, title)
    country = country or _pronoun_owner(w, title)
    if not country:
        country, kept = _local_country(w, title, kept)
    kept = [k for k in kept if w.lowers[k] not in w.lex.passing]
    role = _text_of_tokens(w, kept) + pieces
    role = _THEN.sub("", role.strip()).strip(" ,;:-")
    if w.word_text[title.head].lower() in w.lex.relations:
        return None, country  # "his Ukrainian counterpart, X": whose, but no office
    if w.is_plural_head(title.head):  # "Presidents X and Y": each is "President"
        role = role.replace(w.texts[title.head], w.texts[title.head][:-1], 1)
    return role or None, country


def _office_owner(w: DocWords, start: int, end: int) -> str | None:
    """Country of an owner that is an office: "the UN Secretary-General's envoy" -> UN."""
    last = w.word_start[end - 1]
    return read_title(w, Title(start, last, end))[1] if last > start and w.is_head(last) else None


def _pronoun_owner(w: DocWords, title: Title) -> str | None:
    """ "Unifil ... Its spokesperson, X": a sentence opened by "Its" before the title names
    the office of the subject of the sentence before."""
    k = title.start - 1
    if k < 1 or w.lowers[k] != "its" or not w.doc[k].is_sent_start:
        return None
    before = w.doc[k - 1].sent
    subject = next(
        (t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass") and t.i < k), None
    )
    if subject is None:
        return None
    ent = w.ent.get(subject.i)
    return w.owner_code(ent.text if ent is not None else subject.text)


def _text_of_tokens(w: DocWords, tokens: list[int]) -> str:
    """The tokens' text, with a space where a dropped token stood without one ("Council's")."""
    kept = set(tokens)
    doc = w.doc
    return "".join(doc[k].text + (doc[k].whitespace_ or " " * (k + 1 not in kept)) for k in tokens)


def _named_owner(w: DocWords, start: int, end: int) -> bool:
    """An owner named by a proper name that is no country, body or place ("Wagner's")."""
    words = [k for k in w.words(start, end) if w.lowers[k] != "the"]
    if not words or w.place_country(w.doc[start:end].text):
        return False
    return all(w.pos[k] == "PROPN" and w.texts[k][:1].isupper() for k in words)


def _local_country(w: DocWords, title: Title, kept: list[int]) -> tuple[str | None, list[int]]:
    """Country of the place a local office names, and the tokens left when a prefix named it:
    the owner or prefix ("Belfast's Lord Mayor", "Kitakyushu Mayor" -> "Mayor", also when
    the model read the city into the name), the "of ..." ("governor of the Kharkiv region"),
    else a place named before it in the sentence ("Missiles hit Dnipro, the regional
    governor said")."""
    heads = [k for k in w.words(title.start, title.end) if w.word_text[k].lower() in w.lex.locals]
    if not heads:
        return None, kept
    lead = title.start
    while lead < heads[0] and not w.is_title_word(lead) and w.texts[lead] not in POSSESSIVE:
        lead = w.word_end[lead]
    code = w.place_country(w.doc[title.start : lead].text) if lead > title.start else None
    if code:
        return code, [k for k in kept if k >= lead]
    places = []
    if title.start > 0 and w.texts[title.start - 1][:1].isupper():
        places.append(w.word_text[w.word_start[title.start - 1]])  # "[Kitakyushu] Mayor X" PERSON
    ofs = [k for k in range(heads[0], title.end) if w.lowers[k] == "of"]
    if ofs:
        places.append(w.doc[ofs[0] + 1 : title.end].text)
    sent = w.doc[title.start].sent
    places += [
        e.text
        for e in reversed(w.ents)
        if sent.start <= e.start and e.end <= title.start and e.label_ in _PLACE_LABELS
    ]
    return next((c for c in map(w.place_country, places) if c), None), kept


def _country_of_tail(w: DocWords, title: Title, complement: list[int]) -> tuple[str | None, list]:
    """A country closing the title ("Minister of defense of Ukraine") and the tokens left."""
    ofs = [k for k in complement if w.lowers[k] == "of"]
    tail = w.doc[ofs[-1] + 1 : title.end] if ofs else None
    if tail and all(t.text[:1].isupper() or t.lower_ == "the" for t in tail) and _one_name(w, tail):
        code = None if w.institution(tail.text) else w.code(tail.text)
        if code and _names_a_body(w, ofs):
            return code, complement  # "Governor of the National Bank of Moldova"
        if code:
            return code, [k for k in complement if k < ofs[-1]]
    return None, complement


def _one_name(w: DocWords, tail: Span) -> bool:
    """The words after "of" are one name, not a unit named after places ("of U.S. Forces
    Korea"): one entity holds them all, or none holds any."""
    ents = [w.ent.get(t.i) for t in tail if t.lower_ != "the"]
    return all(e is None for e in ents) or (ents[0] is not None and all(e is ents[0] for e in ents))


def _names_a_body(w: DocWords, ofs: list[int]) -> bool:
    """The last "of" closes the proper name of a body ("of the National Bank of Moldova"),
    not the title ("Minister of defense of Ukraine")."""
    if len(ofs) < 2 or w.lowers[ofs[-2] + 1] != "the":
        return False
    return all(w.texts[k][:1].isupper() for k in range(ofs[-2] + 2, ofs[-1]))


def _party_country(w: DocWords, kept: list[int], title: Title) -> str | None:
    """ "Republican nominee", "Democratic Senator": a party that one country alone has."""
    first = kept[0] if kept else title.head
    after = w.word_end[first]
    if after >= title.end or not (w.is_title_word(after) or w.texts[after].islower()):
        return None
    return w.lex.parties.get(w.word_text[first])


def _party_prefix(w: DocWords, kept: list[int]) -> tuple[str | None, list[int]]:
    """A party's name before the head leaves the role, like a country ("ruling People Power
    Party lawmaker" -> "lawmaker"), and gives the country a listed party has."""
    for k in kept:
        name = _party_name(w, k)
        if name is not None:
            return w.lex.parties.get(name.text), [i for i in kept if i >= name.end]
    return None, kept


def _party_name(w: DocWords, k: int) -> Span | None:
    """The organisation's name that ends with the word "Party" at token `k`, without "the"."""
    ent = w.ent.get(k)
    if w.texts[k] != "Party" or ent is None or ent.label_ not in _PARTY_LABELS or ent.end != k + 1:
        return None
    start = ent.start + (w.lowers[ent.start] == "the")
    return w.doc[start : k + 1] if start < k else None


def _party_of(w: DocWords, end: int) -> tuple[str | None, str | None]:
    """ "Rep. X (C) of the ruling People Power Party": the country of the person's party."""
    k = end
    if w.text_at(k) == "(":
        while k < len(w.doc) and w.texts[k] != ")" and k - end < _MAX_BRACKET:
            k += 1
        k += 1
    if w.text_at(k).lower() != "of":
        return None, None
    for n in range(k + 1, min(k + _MAX_COMPLEMENT, len(w.doc))):
        if w.texts[n] == "Party":
            name = _party_name(w, n)
            return None, w.lex.parties.get(name.text) if name is not None else None
        if w.texts[n] in APPOSITION_END:
            break
    return None, None


def _country_prefix(w: DocWords, title: Title, kept: list[int]) -> tuple[str | None, list[int]]:
    """A leading country or body ("U.S.", "South Korean", "NATO") and the tokens left after it.

    Only words before the first title word can be the prefix, and an institution
    ("European Council", "Pentagon") stays in the role, after a country ("Polish Senate").
    """
    words = w.words(title.start, title.head)
    # "a retired US admiral": lower-case title words may stand before the country
    lead = next((k for k in words if not w.word_text[k].islower()), title.head)
    starts = []
    for k in words:
        if k < lead:
            continue
        if w.is_title_word(k) or len(starts) == 3:
            break
        starts.append(k)
    for n in range(len(starts), 0, -1):
        prefix = w.doc[lead : w.word_end[starts[n - 1]]].text
        if w.institution(prefix):
            continue
        code = w.code(prefix)
        if code in w.lex.body_codes and _agency_kept(w, title, prefix, code):
            return code, kept
        if code:
            after = w.word_end[starts[n - 1]]
            return code, [k for k in kept if k < lead or k >= after]
    return None, kept


def _agency_kept(w: DocWords, title: Title, prefix: str, code: str) -> bool:
    """A body's agency stays in the role of an apposition ("X, the UNICEF Representative in
    Sudan"), as a sub-body's name does; before the name it is the press's label for whose
    speaker this is and leaves the role ("UNHCR spokesperson X" -> "spokesperson")."""
    before_name = title.end < len(w.doc) and w.is_namelike(title.end)
    return not before_name and not _is_body_itself(prefix, code)


def _is_body_itself(name: str, code: str) -> bool:
    """The body's own name, not one of its agencies: "U.N.", "Nato", "United Nations",
    "European Union" spell the code ("UN") by their letters or their words' initials."""
    words = [t for t in re.split(r"[\s.-]+", name) if t and t.lower() not in ("the", "of", "and")]
    letters = "".join(words).upper()
    return code in (letters, "".join(t[0] for t in words).upper())


def _employer(w: DocWords, complement: list[int]) -> str | None:
    """Country or body right after a title's "of": "head of the UN nuclear watchdog" -> UN."""
    doc = w.doc
    ofs = [k for k in complement if w.lowers[k] == "of"]
    if not ofs:
        return None
    k = ofs[0] + 1
    if k <= complement[-1] and w.lowers[k] == "the":
        k += 1
    for n in (2, 1):
        words = doc[k : min(k + n, complement[-1] + 1)]
        if len(words) == n and not any(w.is_title_word(t.i) for t in words):
            code = w.code(words.text)
            if code:
                return code
    return _named_employer(w, complement)


def _named_employer(w: DocWords, complement: list[int]) -> str | None:
    """A body named after its country further in the complement: "chief of staff of the
    Guyana Defence Force", "a researcher at the Chinese Academy of Sciences" (a city's name
    is none: "the London School of Economics")."""
    for k in complement[:-2]:
        if w.lowers[k] not in ("of", "at", "with"):
            continue
        first = k + 1 + (w.lowers[k + 1] == "the")
        after = w.word_end[first]
        if after in complement and w.texts[after][:1].isupper() and w.pos[after] == "PROPN":
            code = w.country_word(first)
            if code:
                return code
    return None


def _demonym_in_name(w: DocWords, k: int, tokens: list[int]) -> Span | None:
    """A country's adjective at token `k` that opens a proper name after "the" ("the Russian
    General Staff"); a body's name ("the European Union") is none."""
    if k - 1 not in tokens or w.lowers[k - 1] != "the" or w.label(k) != "NORP":
        return None
    ent = w.ent[k]
    after = ent.end
    if ent.start != k or after not in tokens or not w.texts[after][:1].isupper():
        return None
    code = w.code(ent.text)
    return ent if code and code not in w.lex.body_codes else None


def _complement_text(w: DocWords, tokens: list[int]) -> tuple[str, str | None]:
    """Head and complement text, a country possessive made "the": "of Russia's" -> "of the";
    a demonym after "the" leaves it: "of the Russian General Staff" -> "of the General Staff"."""
    doc, country, out, skip = w.doc, None, [], set()
    for k in tokens:
        demonym = _demonym_in_name(w, k, tokens)
        if demonym:
            country = country or w.code(demonym.text)
            skip.update(range(demonym.start, demonym.end))
    for k in tokens:
        if w.texts[k] not in POSSESSIVE or k - 1 not in tokens:
            continue
        o = k
        while o - 1 in tokens and w.texts[o - 1][:1].isupper():
            o -= 1
        code = w.owner_code(doc[o:k].text) if o < k else None
        if code:
            country = country or code
            skip.update(range(o, k + 1))
            out.append((o, "the "))
    replaced = dict(out)
    text = "".join(
        replaced.get(k, "") if k in skip else doc[k].text_with_ws for k in tokens
    ).rstrip()
    return text, country
