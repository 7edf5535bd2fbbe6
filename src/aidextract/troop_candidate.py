"""What troops, troop_places and troop_dates share: the Candidate record, word lists and word
tests; a module of its own so that place and date finding need not import troops (a cycle)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .cues import Lexicon
from .resources import ResourceError, read_tsv

if TYPE_CHECKING:
    from .money import Count

WORDS = "troop_words.tsv"
WORD_KINDS = (
    *("growth_verb", "raise_verb", "estimate_verb", "size_noun", "stay_verb", "need_verb"),
    *("promise_verb", "authorize_verb", "strength_noun", "ceiling_noun", "target_word"),
    *("capacity_verb", "contribute_verb", "level_noun", "train_verb", "more_word"),
    *("arrival_verb", "owning_verb", "most_word", "admin_suffix", "companion_word"),
    *("region_noun", "receive_verb"),
)
SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
DESTINATION_PREPS = ("to", "into", "for")
LOCATION_PREPS = ("in", "at", "inside", "on", "across", "near", "within")
NULLING_PREPS = ("around", "along")  # "around Ukraine": no one country is meant
PLACE_PREPS = (*DESTINATION_PREPS, *LOCATION_PREPS, *NULLING_PREPS)  # open a place phrase
LOCATIVE_PREPS = (*PLACE_PREPS, "from", "of", "out")
PARTITIVE_PRONOUNS = ("them", "whom", "those", "which", "these")
PLACE_LABELS = ("GPE", "LOC", "FAC")
# "Armed Forces medics", "crew members": a force's name or a crew makes people troops
FORCE_CUES = ("army", "army_size", "crew")
# numbers and times: "in March" is no town, "Two days later" no plural a pronoun takes up
NUMERIC_LABELS = ("DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL")
Place = tuple[str | None, str | None]


@dataclass
class Candidate:
    """One troop count of the article and what was found about it."""

    count: Count | None  # set once the count is accepted
    span: Span
    noun: Token  # the force noun counted, or the count's own root
    parent: Candidate | None = None  # "500 of them": the count this one is a part of
    origin: str | None = None
    place: Place | None = None  # None = no place phrase; (None, None) = phrase naming no country
    reported: str | None = None
    dated: bool = False  # reported comes from a date of its own clause
    cues: dict[str, int] = field(default_factory=dict)
    row: tuple[str, int, int] | None = None  # a table row: (its label, its heading's chars)
    placed_by: Token | None = None  # the verb of the next sentence that gave its town


@cache
def troop_words(kind: str) -> tuple[str, ...]:
    """The words of one kind of models/troop_words.tsv, in file order (admin_suffix is
    stripped in that order); the file is checked whole on first use, so that a misspelt kind
    fails loudly instead of leaving a rule with no words."""
    rows = read_tsv(WORDS, required=("word", "kind"))
    unknown = sorted({row["kind"] for row in rows} - set(WORD_KINDS))
    if unknown or kind not in WORD_KINDS:
        raise ResourceError(f"models/{WORDS}: unknown kind(s) {', '.join(unknown or [kind])}")
    return tuple(row["word"] for row in rows if row["kind"] == kind)


def noun_cues(lex: Lexicon, noun: Token) -> set[str]:
    """Cues of a counted noun, its own word's and those of a multiword entry covering it
    ("service members")."""
    return lex.cues_at(noun) | lex.words.get(noun.lemma_.lower(), set())


def _is_military(lex: Lexicon, noun: Token, cues: set[str]) -> bool:
    """ "military construction workers", "1,000 Wagner men", "170 Jordanian Armed Forces
    medics", "410 members of the People's Liberation Army": a noun of people made military
    or owned by a named force or an army (not "nine military aid decrees")."""
    if "person" not in cues:
        return False
    lefts = [t for c in noun.lefts for t in c.subtree]
    owners = lefts + [o for p in noun.children if p.lower_ == "of" for o in p.children]
    return any(_force_owner(lex, t) for t in owners) or any(t.lower_ == "military" for t in lefts)


def _force_owner(lex: Lexicon, token: Token) -> bool:
    """A word naming a force that owns people: a named force ("Wagner") or an army."""
    return any(c.startswith("origin=") or c in FORCE_CUES for c in lex.cues_at(token))


def troop_noun(lex: Lexicon, noun: Token) -> bool:
    """Whether a counted noun is a force: a troop word, people made military or owned by a
    force, or people counted with a force noun."""
    cues = noun_cues(lex, noun)
    if "not_troops" in cues:
        return False
    return "troops" in cues or _is_military(lex, noun, cues) or _with_troops(lex, noun, cues)


def _with_troops(lex: Lexicon, noun: Token, cues: set[str]) -> bool:
    """ "700 officers and soldiers": people counted together with a force noun are part of it."""
    if "person" not in cues:
        return False
    return any(c.dep_ == "conj" and "troops" in noun_cues(lex, c) for c in noun.children)


def size_word(token: Token) -> bool:
    """The word naming a force by its size: "a 2,000-strong team", "the 118-member team",
    "a 300-man unit", "a 48-member Engineer Task Force" (a hyphened noun of people modifying
    the unit; whether the unit is a force, not "the 12-member Community", is _sized_force's)."""
    if token.lower_ == "strong":
        return True
    hyphened = token.i > 1 and token.nbor(-1).text == "-" and token.nbor(-2).like_num
    named = token.lemma_ in troop_words("size_noun") and token.dep_ in ("compound", "amod")
    return hyphened and named and token.head.pos_ in ("NOUN", "PROPN")


def has_subject(verb: Token) -> bool:
    """Whether `verb` has a subject of its own: a clause with one is about another force."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def clause_verb(token: Token) -> Token | None:
    """The nearest verb above `token`: the clause whose cues, subject and dates are its own."""
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


def definite(token: Token) -> bool:
    """ "the force", "the country": a noun with "the" takes up one named before."""
    return any(c.lower_ == "the" for c in token.children)


def sentences_back(token: Token, count: int = 1) -> int:
    """The first token of the sentence `count` sentences before `token`'s: how far back a
    pronoun, "there" or "the force" looks for what it takes up."""
    start = token.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def line_bounds(text: str, char: int) -> tuple[int, int]:
    """The character range of the line holding `char` (headlines, table rows, list labels)."""
    end = text.find("\n", char)
    return text.rfind("\n", 0, char) + 1, end if end >= 0 else len(text)


def is_partitive(lex: Lexicon, token: Token) -> bool:
    """ "500 of them", "Of the soldiers ..., about 1,700 belong": an "of" naming the force."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    obj.lower_ in PARTITIVE_PRONOUNS
                    or troop_noun(lex, obj)
                    or "unit" in noun_cues(lex, obj)
                ):
                    return True
    return False


def earlier_level_prep(prep: Token) -> bool:
    """A "from" of "up from" / "down from"."""
    around = [prep.head, *prep.head.children, *prep.children]
    return any(t.lower_ in ("up", "down") for t in around)
