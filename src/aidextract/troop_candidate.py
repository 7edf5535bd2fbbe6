"""What troops, troop_places and troop_dates share: the Candidate record, word lists and word
tests; a module of its own so that place and date finding need not import troops (a cycle)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .cues import Lexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
DESTINATION_PREPS = ("to", "into", "for")
LOCATION_PREPS = ("in", "at", "inside", "on", "across", "near", "within")
NULLING_PREPS = ("around", "along")  # "around Ukraine": no one country is meant
LOCATIVE_PREPS = (*DESTINATION_PREPS, *LOCATION_PREPS, *NULLING_PREPS, "from", "of", "out")
PARTITIVE_PRONOUNS = ("them", "whom", "those", "which", "these")
GROWTH_VERBS = ("grow", "rise", "increase", "swell", "shrink", "fall", "drop")
RAISE_VERBS = ("raise", "increase", "bring", "expand", "boost", "lift", "take")
ESTIMATE_VERBS = ("put", "estimate", "place")
SIZE_NOUNS = ("member", "man", "person")
# "Armed Forces medics", "crew members": a force's name or a crew makes people troops
FORCE_CUES = ("army", "army_size", "crew")
NOT_PLACES = ("DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL")  # "in March" is no town
Place = tuple[str | None, str | None]


@dataclass
class Candidate:
    """One troop count of the article and what was found about it."""

    count: object  # money.Count
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


def token_cues(lex: Lexicon, token: Token) -> set[str]:
    return lex.cues_at(token)


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
    return any(c.startswith("origin=") or c in FORCE_CUES for c in token_cues(lex, token))


def troop_noun(lex: Lexicon, noun: Token) -> bool:
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
    "a 300-man unit" (a hyphened noun of people modifying the unit)."""
    if token.lower_ == "strong":
        return True
    hyphened = token.i > 1 and token.nbor(-1).text == "-" and token.nbor(-2).like_num
    named = token.lemma_ in SIZE_NOUNS and token.dep_ in ("compound", "amod")
    return hyphened and named and token.head.pos_ == "NOUN"  # not "the 12-member Community"


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def clause_verb(token: Token) -> Token | None:
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


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
