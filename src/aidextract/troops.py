"""Troop deployments: counts of forces sent abroad or massed, whose, where and when.

A count is a deployment when the noun it counts is a force ("10,000 troops", "a 2,000-strong
team", "5,000 military construction workers"), or, without a noun of its own, when grammar ties
it to one ("a battalion of about 800", "roughly 500 of them", "put the figure at 115,000",
"compared with about 100,000", "the remaining 800", "raise that number to 2,200"). Counts of
units ("two battalions"), equipment ("90 personnel carriers"), casualties, prisoners, crews,
forces on alert, authorised strengths, ranges, contingencies ("if needed") and whole armies at
home are not (models/troop_cues.tsv); a cue word of another clause does not count. Origin
comes from the force's own modifiers, else the subject of the clause (not of a verb of
saying), a "Country:" list header, a headline with the same count, or the force counted just
before; UN missions are the UN's. Destination and location come from the place phrases of the
force and its clause ("most of them at X", "there", a mission's host country, the next
sentence's "They ... near X"); "near" or "around" a country, or several countries at once,
leave the destination null (FORMAT.md). Dates of other clauses, "since" dates and future
dates other than a deadline ("by December") are not the count's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .context import ArticleContext
from .cues import Lexicon, lexicon, token_span, tree_distances, tree_gap
from .dates import DateMention, later_than
from .geo import actor_code, country_of_adjective, resolve_place
from .nlp import text_of

LEXICON = "troop_cues.tsv"
SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
OWNER_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "nummod")
DESTINATION_PREPS = ("to", "into", "for")
LOCATION_PREPS = ("in", "at", "inside", "on", "across", "near", "within")
NULLING_PREPS = ("around", "along")  # "around Ukraine": no one country is meant
LOCATIVE_PREPS = (*DESTINATION_PREPS, *LOCATION_PREPS, *NULLING_PREPS, "from", "of", "out")
NOT_OWNER_PREPS = (*LOCATIVE_PREPS, "against", "toward", "towards", "over")
NOUN_PHRASE_DEPS = ("compound", "amod", "poss", "case", "det", "nmod", "pobj", "prep", "appos")
PRONOUNS = ("he", "she", "they", "it", "we")
ANAPHORA_OPENERS = ("he", "she", "they", "it", "that", "this", "these", "those", "then")
PARTITIVE_PRONOUNS = ("them", "whom", "those", "which", "these")
ARRIVAL_VERBS = ("reach", "enter", "join", "cross")
OWNING_VERBS = ("have", "number", "include", "comprise", "count")
ATTRIBUTIVE = ("compound", "amod", "nummod")
GROWTH_VERBS = ("grow", "rise", "increase", "swell", "shrink", "fall", "drop")
RAISE_VERBS = ("raise", "increase", "bring", "expand", "boost", "lift", "take")
STAY_VERBS = ("remain", "stay")
CONDITIONS = ("if", "unless")
AUTHORIZE_VERBS = ("authorize", "authorise", "allow", "permit", "mandate")
STRENGTH_NOUNS = ("strength", "ceiling", "cap")
CONTRIBUTE_VERBS = ("provide", "contribute", "supply")
ESTIMATE_VERBS = ("put", "estimate", "place")
LEVEL_NOUNS = ("number", "peak", "high", "low", "total", "strength", "level")
MORE_WORDS = ("more", "additional", "extra", "further", "another")
MOST_WORDS = ("most", "majority", "bulk")
ADMIN_SUFFIXES = (" region", " oblast", " province", " krai", " district")
PLACE_LABELS = ("GPE", "LOC", "FAC")
NOT_PLACES = ("DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL")  # "in March" is no town
CLOSE, NEAR = 3, 4  # tree distances within which an exclusion cue rules a count out
Place = tuple[str | None, str | None]
TABLE_ROW = re.compile(r"\s*(?P<label>[^\W\d][^.\n]*?)\s*\.{3,}\s*[\d][\d.,]*\s*")


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


# ------------------------------------------------------------------------ is it a troop count


def _cues(lex: Lexicon, token: Token) -> set[str]:
    return lex.cues_at(token)


def _noun_cues(lex: Lexicon, noun: Token) -> set[str]:
    """Cues of a counted noun, its own word's and those of a multiword entry covering it
    ("service members")."""
    return lex.cues_at(noun) | lex.words.get(noun.lemma_.lower(), set())


def counted_noun(span: Span) -> Token:
    """The noun a count counts: "10,000 troops" -> troops, "7,000 more troops" -> troops,
    "a 2,000-strong team" -> strong; a bare count ("about 115,000") is its own root."""
    root = span.root
    head = root.head
    if root.dep_ in ("nummod", "compound", "quantmod", "npadvmod") and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return head
    if head.lower_ == "strong":
        return head
    if head.lower_ in MORE_WORDS and head.head.pos_ == "NOUN" and head.head != root:
        return head.head
    return root


def _is_military(lex: Lexicon, noun: Token, cues: set[str]) -> bool:
    """ "military construction workers", "1,000 Wagner men": a noun of people made military
    or owned by a named force (not "nine military aid decrees")."""
    if "person" not in cues:
        return False
    lefts = [t for c in noun.lefts for t in c.subtree]
    named = any(c.startswith("origin=") for t in lefts for c in _cues(lex, t))
    return named or any(t.lower_ == "military" for t in lefts)


def _troop_noun(lex: Lexicon, noun: Token) -> bool:
    cues = _noun_cues(lex, noun)
    if "not_troops" in cues:
        return False
    return "troops" in cues or _is_military(lex, noun, cues)


def cue_distances(span: Span, lex: Lexicon, noun: Token) -> dict[str, int]:
    """Nearest cues of a count, leaving out nouns coordinated with its own ("4,800 soldiers
    and some 200 civilian employees": "civilian" is the employees' word)."""
    others = {t.i for c in noun.children if c.dep_ == "conj" for t in c.subtree}
    others |= _other_clauses(noun)
    found: dict[str, int] = {}
    for i, dist in tree_distances(span, NEAR).items():
        token = span.doc[i]
        if i in others or (span.start <= i < span.end and not token.is_alpha):
            continue
        for cue in _cues(lex, token):
            found[cue] = min(dist, found.get(cue, 99))
    return found


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _clause_verb(token: Token) -> Token | None:
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


def _other_clauses(noun: Token) -> set[int]:
    """Tokens of coordinated or inserted clauses with subjects of their own ("15,000 soldiers
    had been sent ... and 4,700 of them had been killed": "killed" is the other clause's word;
    "the official added")."""
    verb = _clause_verb(noun)
    if verb is None:
        return set()
    own = {t.i for t in verb.subtree}
    others = [c for c in verb.children if c.dep_ in ("conj", "parataxis") and _has_subject(c)]
    out = {t.i for c in others for t in c.subtree}
    if verb.dep_ == "dep" or verb.dep_ == "conj" and _has_subject(verb):
        out |= {t.i for t in noun.sent if t.i not in own}  # "dep": a clause the parse lost
    return out


def _hypothetical(noun: Token) -> bool:
    """ "could send up to 4,000 more if needed": a contingency, not a decided dispatch."""
    verb = _clause_verb(noun)
    return verb is not None and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for c in verb.children
    )


def _excluded(cues: dict[str, int]) -> bool:
    """Casualties, crews, prisoners, readiness pools and armies at home."""
    if cues.get("not_troops", 99) <= CLOSE or cues.get("readiness", 99) <= NEAR:
        return True
    return cues.get("army_size", 99) <= NEAR and cues.get("deploy", 99) > CLOSE


def _capacity(noun: Token) -> bool:
    """ "the whole force can number up to 40,000 troops", "are authorised to number 1.5
    million": a strength, not a deployment."""
    verb = noun.head
    if noun.head.lower_ == "of" and noun.head.head.lemma_ in STRENGTH_NOUNS:
        # "authorized the mission with a strength of up to 2,500 personnel"
        return any(t.lemma_ in AUTHORIZE_VERBS for t in list(noun.head.head.ancestors)[:3])
    if verb.lemma_ != "number":
        return False
    allowed = verb.head.lemma_ in AUTHORIZE_VERBS
    return allowed or any(c.lower_ in ("can", "could", "may") for c in verb.children)


def _army_size(lex: Lexicon, noun: Token) -> bool:
    """ "Mali's army has grown to perhaps 40,000 troops": the size of an army at home."""
    verb = noun.head.head if noun.head.lower_ == "to" else noun.head
    if verb.lemma_ not in (*GROWTH_VERBS, "number"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(_noun_cues(lex, s) & {"army", "army_size"} for s in subjects)


def _range(span: Span) -> bool:
    """ "anywhere between 10,000 and 30,000 troops": a range states no one count."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return any(t.lower_ == "between" for t in [*span[:1], before] if t is not None)


def _trained(noun: Token) -> bool:
    """ "4,000 Ukrainian soldiers have been trained in Lithuania": trainees, not a force sent."""
    return noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_ == "train"


def _partitive(lex: Lexicon, token: Token) -> bool:
    """ "500 of them", "Of the soldiers ..., about 1,700 belong": an "of" naming the force."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    obj.lower_ in PARTITIVE_PRONOUNS
                    or _troop_noun(lex, obj)
                    or "unit" in _noun_cues(lex, obj)
                ):
                    return True
    return False


def _bare_is_troops(
    lex: Lexicon, root: Token, accepted: list[Candidate], cues: dict[str, int]
) -> Candidate | None:
    """Whether a count without a noun of its own counts a force; returns the count it
    refers back to (or a stand-in) so that place and date can be inherited."""
    head = root.head
    same_sentence = [c for c in accepted if c.span.sent == root.sent]
    earlier = [c for c in accepted if c.span.sent.start < root.sent.start]
    partitive = _partitive(lex, root) or (
        root.dep_ in ("nummod", "nsubj") and _partitive(lex, head)
    )
    if partitive and not _antecedent_is_troops(lex, root):
        return None  # "800 soldiers and 30 helicopters, 20 of them from Germany"
    if root.dep_ in ("appos", "conj") and any(c.noun == head for c in same_sentence):
        return next(c for c in same_sentence if c.noun == head)
    if (
        root.dep_ == "conj"
        and same_sentence
        and _partitive(lex, head)
        and _antecedent_is_troops(lex, head)
    ):
        return same_sentence[-1]  # "..., half of them on Okinawa, and 28,500 in South Korea"
    if partitive:
        return same_sentence[-1] if same_sentence else _SELF
    if root.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head
        if "unit" in _noun_cues(lex, owner) or _troop_noun(lex, owner):
            return _SELF
    verb = head.head
    if root.dep_ == "pobj" and head.lower_ == "at" and verb.dep_ == "acl":
        objects = [verb.head] if verb.head.head.lemma_ in ESTIMATE_VERBS else []
        if verb.lemma_ in ESTIMATE_VERBS:
            objects.append(verb.head)
    elif root.dep_ == "pobj" and head.lower_ == "at" and verb.lemma_ in ESTIMATE_VERBS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        objects = []
    if objects:
        for obj in objects:
            obj_cues = _noun_cues(lex, obj)
            if "troops" in obj_cues or "unit" in obj_cues:
                return _SELF
            if "estimate" in obj_cues and (same_sentence or earlier):
                return same_sentence[-1] if same_sentence else _SELF
    if root.dep_ == "pobj" and head.head.lemma_ == "compare" and (same_sentence or earlier):
        return same_sentence[-1] if same_sentence else _SELF
    if same_sentence and _earlier_level(root):
        return same_sentence[-1]  # "about 11,000 troops ..., up from roughly 8,000 in January"
    if same_sentence and any(c.lower_ in MORE_WORDS for c in root.children):
        return same_sentence[-1]  # "12,000 troops ..., and another 2,000 ..."
    if earlier and _more(root) and cues.get("deploy", 99) <= CLOSE:
        return _SELF  # "Kenya sent about 200 more in January."
    return _takes_up(root, same_sentence or earlier[-1:])


def _more(root: Token) -> bool:
    return any(t.lower_ in MORE_WORDS for t in [*root.children, root.head])


def _takes_up(root: Token, before: list[Candidate]) -> Candidate | None:
    """A count standing for a force counted before: what remains of it ("The remaining 800
    are due to leave", "About 1,500 remain around Uvira"), or its new size ("would bring it
    to about 2,800", "raise that number to as many as 2,200")."""
    if not before or not _last_count_is(root, before[-1]):
        return None
    stays = root.dep_ == "nsubj" and root.head.lemma_ in STAY_VERBS
    if stays or any(c.lemma_ in STAY_VERBS and c.dep_ == "amod" for c in root.children):
        return before[-1]
    return before[-1] if _raised_to(root) else None


def _last_count_is(root: Token, cand: Candidate) -> bool:
    """Whether the last number before `root` (in its sentence or the one before) is `cand`'s:
    "armed forces number 200,000 ..., and the government wants to raise that to 300,000"
    takes up the army, not a force counted earlier."""
    sent = root.sent
    start = sent.start if sent.start == 0 else root.doc[sent.start - 1].sent.start
    for tok in reversed(root.doc[start : root.i]):
        if tok.pos_ == "NUM" and tok.ent_type_ != "DATE" and any(c.isdigit() for c in tok.text):
            return cand.span.start <= tok.i < cand.span.end
    return True


def _raised_to(root: Token) -> bool:
    """ "increase its contribution to up to 2,500", "bring it to about 2,800"."""
    to = root.head
    if to.lower_ == "as" and to.head.lower_ == "many":  # "to as many as 2,200"
        to = to.head.head
    if to.lower_ == "to" and to.head.lower_ == "up" and to.head.head.lower_ == "to":
        to = to.head.head  # "to up to 2,500"
    verb = to.head.head if to.head.dep_ == "dobj" else to.head  # "its contribution to 900"
    if root.dep_ not in ("pobj", "nummod") or to.lower_ != "to":
        return False
    return verb.lemma_ in RAISE_VERBS or _level_grows(verb)


def _level_grows(verb: Token) -> bool:
    """ "its strength will rise to about 5,300": a force's level growing to a new size."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return verb.lemma_ in GROWTH_VERBS and any(s.lemma_ in LEVEL_NOUNS for s in subjects)


def _antecedent_is_troops(lex: Lexicon, root: Token) -> bool:
    """ "six of them" refers to troops only when the plural noun it takes up, the last one
    before it in this or the previous sentence, is a troop noun ("Russia sent 10,000 troops.
    Some 2,000 of them ..."; not "troop counts ... This brief sets out six of them")."""
    pronoun = next(
        (o for p in root.children if p.lower_ in ("of", "from") for o in p.children), None
    )
    if pronoun is None or pronoun.lower_ not in PARTITIVE_PRONOUNS:
        return True  # "500 of the soldiers": the noun is there
    sent = root.sent
    start = sent.start if sent.start == 0 else root.doc[sent.start - 1].sent.start
    plurals = [
        t
        for t in root.doc[start : root.i]
        if t.tag_ in ("NNS", "NNPS")
        and t.ent_type_ not in NOT_PLACES  # "Two days later"; not "the Marines"
        and not (t.dep_ == "nsubj" and "speech" in _cues(lex, t.head))
    ]  # "US officials said about 8,000 of them": the speakers are not what "them" takes up
    return bool(plurals) and _troop_noun(lex, plurals[-1])


def _earlier_level(root: Token) -> bool:
    """ "up from roughly 8,000", "down from a peak of nearly 1,700": the same force's
    earlier size."""
    tok = root
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in LEVEL_NOUNS:
        tok = tok.head.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and _earlier_level_prep(tok.head)


def _earlier_level_prep(prep: Token) -> bool:
    """A "from" of "up from" / "down from"."""
    around = [prep.head, *prep.head.children, *prep.children]
    return any(t.lower_ in ("up", "down") for t in around)


def _number_of_troops(lex: Lexicon, root: Token) -> Token | None:
    """ "keeps the number of US troops in Poland at roughly 10,000", "bringing the number of
    US troops ... to roughly 200": the force whose number a bare count gives."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("at", "to"):
        return None
    for anc in list(root.head.ancestors)[:5]:  # "to" misattached under the troops' own clause
        of_level = anc.head.lower_ == "of" and anc.head.head.lemma_ in LEVEL_NOUNS
        if anc.dep_ == "pobj" and of_level and _troop_noun(lex, anc):
            return anc
    for obj in root.head.head.children:
        if obj.dep_ == "dobj" and obj.lemma_ in LEVEL_NOUNS:
            for prep in (c for c in obj.children if c.lower_ == "of"):
                troops = [o for o in prep.children if _troop_noun(lex, o)]
                if troops:
                    return troops[0]
    return None


def _numbering_people(root: Token) -> Token | None:
    """ "the Russians number perhaps 300": a people counted by the verb "number" (parsed as
    a verb with a subject or as a noun with a compound)."""
    verb = root.head
    if verb.lemma_ != "number" or root.dep_ not in ("dobj", "attr", "appos", "npadvmod"):
        return None
    people = [c for c in verb.children if c.dep_ in ("nsubj", "compound")]
    return next((p for p in people if p.tag_ == "NNPS" or p.ent_type_ == "NORP"), None)


_SELF = Candidate(count=None, span=None, noun=None)  # type: ignore[arg-type]


def table_row(doc, char: int) -> tuple[str, int, int] | None:
    """ "Italy ........ 1,140" in a table: the row's label and the character range of the
    table's heading, the last line before it that is no row."""
    text = text_of(doc)
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    match = TABLE_ROW.fullmatch(text[start : end if end >= 0 else None])
    if match is None:
        return None
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1]
        if line.strip() and not TABLE_ROW.fullmatch(line):
            return match["label"], prev, start - 1
        start = prev
    return None


def _heading(doc, row: tuple[str, int, int]) -> Span | None:
    return doc.char_span(row[1], row[2], alignment_mode="expand")


def _troop_table(lex: Lexicon, span: Span) -> Candidate | None:
    """A row of a table whose heading counts forces ("contributing nations - troops in
    theatre"): the row's label is the force's owner."""
    row = table_row(span.doc, span.start_char)
    heading = _heading(span.doc, row) if row else None
    if heading is None or not any(_troop_noun(lex, t) for t in heading):
        return None
    return Candidate(None, span, span.root, row=row)


def classify(lex: Lexicon, span: Span, accepted: list[Candidate]) -> Candidate | None:
    """A Candidate when the count at `span` counts forces, else None."""
    if table_row(span.doc, span.start_char):
        return _troop_table(lex, span)
    noun = counted_noun(span)
    cues = cue_distances(span, lex, noun)
    if _excluded(cues) or _capacity(noun) or _trained(noun) or _hypothetical(noun) or _range(span):
        return None
    if _army_size(lex, noun):
        return None
    if noun != span.root:
        if "unit" in _noun_cues(lex, noun) and noun.lower_ != "strong":
            return None
        if noun.lower_ == "strong" or _troop_noun(lex, noun):
            return Candidate(None, span, noun, cues=cues)
        return None
    troops = _number_of_troops(lex, span.root) or _numbering_people(span.root)
    if troops is not None:
        return Candidate(None, span, troops, cues=cues)
    parent = _bare_is_troops(lex, span.root, accepted, cues)
    if parent is None:
        return None
    return Candidate(None, span, noun, parent=None if parent is _SELF else parent, cues=cues)


# ------------------------------------------------------------------------------------ origin


def _locative(token: Token) -> bool:
    """A token inside a place phrase ("in Russia's Kursk region", "from Germany")."""
    for anc in [token, *token.ancestors]:
        if anc.dep_ == "pobj" and anc.head.lower_ in NOT_OWNER_PREPS and anc.head.lower_ != "of":
            return True
        if anc.dep_ not in NOUN_PHRASE_DEPS:
            return False
    return False


def _actor_in(ctx: ArticleContext, lex: Lexicon, tokens) -> str | None:
    for tok in tokens:
        if _locative(tok):
            continue
        for cue in _cues(lex, tok):
            if cue.startswith("origin="):
                return cue.removeprefix("origin=")
        code = ctx.actors.of_token(tok)
        if code and (tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or tok.pos_ == "ADJ"):
            return code
        if tok.pos_ in ("PROPN", "ADJ") and tok.is_title:
            code = actor_code(tok.text)  # a name inside a longer entity ("Parliament of Hungary")
            if code:
                return code
    return None


def _of_chain(token: Token):
    """Tokens of the "of" phrases under `token`: "fighters of the Russian Africa Corps"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            yield from prep.subtree


def _own_origin(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> str | None:
    """Whose the force is, by its own words: "North Korean troops", "500 of them German"."""
    noun, root = cand.noun, cand.span.root
    mods = [c for c in noun.children if c.dep_ in OWNER_DEPS and c.i not in range(*_ij(cand))]
    mods += [c for c in root.children if c.pos_ in ("ADJ", "PROPN")]
    if root.dep_ == "nsubj" and root.head.pos_ == "ADJ":
        mods.append(root.head)  # "roughly 900 of them British"
    if noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        unit = noun.head.head  # "a US armoured brigade of some 3,500 soldiers"
        mods += [c for c in unit.children if c.dep_ in OWNER_DEPS]
    tokens = [t for m in mods for t in m.subtree] + list(_of_chain(noun))
    if noun.pos_ == "PROPN" and noun != root:
        tokens.append(noun)  # "the Russians number perhaps 300"
    if noun.lower_ == "strong":
        tokens += [t for t in noun.head.subtree if t.i < noun.i]
    return _actor_in(ctx, lex, tokens)


def _adjective_origin(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> str | None:
    root = cand.span.root
    mods = [c for c in root.children if c.pos_ == "ADJ"]
    if root.dep_ == "nsubj" and root.head.pos_ == "ADJ":
        mods.append(root.head)
    return _actor_in(ctx, lex, mods)


def _ij(cand: Candidate) -> tuple[int, int]:
    return cand.span.start, cand.span.end


def _subject_origin(ctx: ArticleContext, lex: Lexicon, subject: Token) -> str | None:
    if subject.lower_ in PRONOUNS:
        return sentence_actor(ctx, lex, _previous_sentence(subject))
    code = _actor_in(ctx, lex, subject.subtree)
    if code:
        return code
    if any("nato" in _cues(lex, t) for t in subject.subtree):
        return "NATO"
    return None


def _clause_origin(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate
) -> tuple[str | None, str | None]:
    """(origin from the subjects of the clauses above the force, else from the body it serves
    under, subject of a verb of saying). "The Netherlands will send 300 troops under Nato's
    mission": Dutch troops; "40,000 troops were under NATO command": NATO's."""
    speaker = under = None
    for anc in [cand.noun, *cand.noun.ancestors]:
        for prep in anc.children:
            if prep.dep_ == "prep" and prep.lower_ == "under":
                under = under or _actor_in(ctx, lex, prep.subtree)
        if anc.pos_ not in ("VERB", "AUX") and not _has_subject(anc):  # "numbers" as a noun
            continue
        speech = "speech" in _cues(lex, anc)
        for child in anc.children:
            if child.dep_ not in SUBJECT_DEPS or cand.noun in child.subtree:
                continue
            subject = next((c for c in child.children if c.dep_ == "pobj"), child)
            if subject.lower_ in ("which", "who", "that") and anc.dep_ == "relcl":
                if not ctx.actors.of_token(anc.head):
                    continue
                subject = anc.head  # "Washington, which keeps about 28,500 troops"
            code = _subject_origin(ctx, lex, subject)
            if code and speech:
                speaker = speaker or code
            elif code:
                return code, speaker
    return under, speaker


def _previous_sentence(token: Token) -> Span | None:
    start = token.sent.start
    return token.doc[start - 1].sent if start > 0 else None


def sentence_actor(ctx: ArticleContext, lex: Lexicon, sent: Span | None) -> str | None:
    """The actor a pronoun stands for: the subject of the previous sentence's main verb."""
    if sent is None:
        return None
    for child in sent.root.children:
        if child.dep_ in SUBJECT_DEPS:
            return _actor_in(ctx, lex, child.subtree)
    return None


def _header_origin(ctx: ArticleContext, span: Span) -> str | None:
    """ "United States: nearly 5,000 paratroopers ..." — a list item opened by its actor."""
    sent = span.sent
    for tok in sent[:6]:
        if tok.text == ":" and tok.i < span.start:
            return ctx.actors.first_in(t for t in sent[: tok.i - sent.start] if t.is_alpha)
    return None


def find_origin(
    ctx: ArticleContext,
    lex: Lexicon,
    cand: Candidate,
    previous: str | None,
    headlines: list[Candidate] = (),
) -> str | None:
    if cand.row is not None:
        return actor_code(cand.row[0])
    if cand.parent is not None and cand.parent.origin:
        # "up to 8,000 of them stationed in the Kursk region, which borders Ukraine": the part
        # is the whole's, unless an adjective on the count says otherwise ("500 of them German")
        return _adjective_origin(ctx, lex, cand) or cand.parent.origin
    clause, speaker = _clause_origin(ctx, lex, cand)
    if clause and _contributed(cand):
        return clause  # "Indonesia provides 1,000 of the 9,000 UNIFIL peacekeepers"
    code = _own_origin(ctx, lex, cand) or _multinational_whole(lex, cand) or clause
    code = code or _header_origin(ctx, cand.span) or _headline_origin(ctx, lex, cand, headlines)
    return code or previous or speaker


def _contributed(cand: Candidate) -> bool:
    """A count a country contributes: the object of "provide", "contribute", "supply"."""
    return cand.noun.dep_ == "dobj" and cand.noun.head.lemma_ in CONTRIBUTE_VERBS


def _multinational_whole(lex: Lexicon, cand: Candidate) -> str | None:
    """ "France provides about 1,500 of the roughly 2,300 soldiers at Cincu": a whole that
    countries contribute to is the multinational force's, NATO's or the UN's as the text
    around it (this sentence and the one before) says."""
    noun = cand.noun
    if not (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NUM"):
        return None
    sent = noun.sent
    start = sent.start if sent.start == 0 else noun.doc[sent.start - 1].sent.start
    cues = set().union(*(_cues(lex, t) for t in noun.doc[start : sent.end]))
    if "origin=UN" in cues:
        return "UN"
    return "NATO" if "nato" in cues or "origin=NATO" in cues else None


def _headline_origin(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate, headlines: list[Candidate]
) -> str | None:
    """ "Poland keeps 40,000 soldiers on its eastern frontier" over a paragraph that counts
    "about 40,000 soldiers" without saying whose: the headline's actor."""
    same = [
        h for h in headlines if h.count.value == cand.count.value and h.span.end <= cand.span.start
    ]
    if not same:
        return None
    return _own_origin(ctx, lex, same[-1]) or _clause_origin(ctx, lex, same[-1])[0]


# ------------------------------------------------------------------------------------- place


def _location_name(text: str) -> str:
    """The place as the text names it, without "the" or a region word ("Kursk region")."""
    name = text.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if "'s " in name:
        name = name.split("'s ", 1)[1]
    for suffix in ADMIN_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _ents_in(ctx: ArticleContext, start: int, end: int) -> list[Span]:
    return [e for e in ctx.doc.ents if e.label_ in PLACE_LABELS and start <= e.start < end]


def _resolve_ent(ent: Span) -> Place | None:
    start = ent.start  # "Camp Adazi": the name with the place noun the NER left out
    while start > 0 and ent.doc[start - 1].dep_ == "compound" and ent.doc[start - 1].is_title:
        start -= 1
    if start < ent.start and resolve_place(ent.doc[start : ent.end].text) is not None:
        ent = ent.doc[start : ent.end]
    place = resolve_place(ent.text)
    if place is None:
        return None
    if place.type == "country":
        return place.country, None
    if place.country and place.type in ("admin1", "city", "other"):
        return place.country, _location_name(ent.text)
    return None


def _resolve_text(span: Span) -> Place | None:
    """A place the NER left unlabeled ("arrive to N'Djamena")."""
    return _resolve_ent(span) if len(span) <= 4 else None


def _country_before(ctx: ArticleContext, token: Token, origin: str | None) -> str | None:
    """ "in the country": the country last named before it, other than the force's own."""
    for ent in reversed([e for e in ctx.doc.ents if e.end <= token.i]):
        if ent.label_ != "GPE" or ent.start_char in ctx.furniture:
            continue
        place = resolve_place(ent.text)
        if place and place.type == "country" and place.country != origin:
            return place.country
    return None


def _phrase_place(
    ctx: ArticleContext, lex: Lexicon, prep: Token, obj: Token, origin: str | None
) -> Place | None:
    """The place a prepositional (or object) phrase names; (None, None) when it names none
    that can be a destination (near a country, several countries, a region)."""
    word = prep.lower_
    siblings = [c.lower_ for c in prep.children if c.dep_ == "conj"]
    if word in NULLING_PREPS or any(s in ("near", *NULLING_PREPS) for s in siblings):
        place = _named_place(ctx, lex, word, obj, origin)
        return place if place and place[1] else (None, None)  # "in and around Vilnius"
    return _named_place(ctx, lex, word, obj, origin)


def _named_place(
    ctx: ArticleContext, lex: Lexicon, word: str, obj: Token, origin: str | None
) -> Place | None:
    """The place the object of a preposition `word` names."""
    cues = _noun_cues(lex, obj)
    if "border" in cues:
        return (origin, None) if word in DESTINATION_PREPS else (None, None)
    if word == "there":
        return _place_before(ctx, obj)
    if obj.lower_ == "country" and _definite(obj):
        country = _country_before(ctx, obj, origin)
        return (country, None) if country else None
    if "unit" in cues:
        code = _adjective_country(obj)
        if code and code != origin:
            return code, None
    places = []
    for ent in _ents_in(ctx, obj.left_edge.i, obj.right_edge.i + 1):
        place = _resolve_ent(ent)
        if place is not None:
            places.append((ent, place))
    if not places:
        return _unlabelled_place(ctx, lex, obj) or _site_in(ctx, lex, obj, origin)
    first = places[0][1]
    if first[1] is None:  # "to Russia's Kursk region": the region, in the country
        first = next((p for _, p in places if p[0] == first[0] and p[1]), first)
    conjoined = [p for e, p in places[1:] if e.root.dep_ == "conj" and p[1] is None]
    if first[1] is None and any(p[0] != first[0] for p in conjoined):
        return None, None  # "to Poland and Germany"
    if word == "near" and first[1] is None:
        return None, None
    return first


def _place_before(ctx: ArticleContext, token: Token) -> Place | None:
    """What "there" takes up: the last place named in a place phrase, in this sentence or the
    one before ("it had 500 soldiers in Lithuania; Berlin plans to station 4,800 there")."""
    sent = token.sent
    start = sent.start if sent.start == 0 else token.doc[sent.start - 1].sent.start
    for ent in reversed(_ents_in(ctx, start, token.i)):
        if ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE_PREPS:
            place = _resolve_ent(ent)
            if place is not None:
                return place
    return None


def _definite(token: Token) -> bool:
    return any(c.lower_ == "the" for c in token.children)


def _adjective_country(token: Token) -> str | None:
    """ "inside Congolese territory", "the Lithuanian battlegroup": a country's adjective."""
    for child in token.children:
        code = country_of_adjective(child.text) if child.dep_ in ("amod", "compound") else None
        if code:
            return code
    return None


def _unlabelled_place(ctx: ArticleContext, lex: Lexicon, obj: Token) -> Place | None:
    """A place the NER missed: a name ("based at a base near the capital, Niamey"), a
    country's adjective, a mission's host ("in UNMISS", "in the force" after UNIFIL)."""
    names = [obj] + [t for t in obj.subtree if t.dep_ == "appos"]
    names += [o for p in obj.children if p.lower_ == "of" for o in p.children]  # "city of X"
    for name in (t for t in names if t.pos_ == "PROPN" and t.ent_type_ not in NOT_PLACES):
        place = _resolve_text(ctx.doc[name.left_edge.i : name.i + 1]) or _resolve_text(
            ctx.doc[name.i : name.i + 1]
        )
        if place:
            return place
    code = _adjective_country(obj) or _host(lex, obj.subtree)
    if code is None and _definite(obj) and _noun_cues(lex, obj) & {"mission", "unit"}:
        code = _host(lex, reversed(ctx.doc[: obj.i]))
    return (code, None) if code else None


def _site_in(ctx: ArticleContext, lex: Lexicon, obj: Token, origin: str | None) -> Place | None:
    """ "at Camp Sultan Murat in Prizren": a named site no gazetteer knows, in the country of
    the place it is said to be in."""
    if obj.pos_ != "PROPN":
        return None
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "in"):
        for inner in _prep_objects(prep):
            place = _named_place(ctx, lex, "in", inner, origin)
            if place and place[0]:
                return place[0], ctx.doc[obj.left_edge.i : obj.i + 1].text
    return None


def _host(lex: Lexicon, tokens) -> str | None:
    """The country of the first mission named among `tokens` ("UNIFIL" -> LBN)."""
    for tok in tokens:
        for cue in _cues(lex, tok):
            if cue.startswith("host="):
                return cue.removeprefix("host=")
    return None


def _scope_phrases(lex: Lexicon, scope: Token):
    """(preposition, object) pairs hanging off `scope`, destinations first."""
    pairs = []
    for prep in scope.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in LOCATIVE_PREPS[:-3]:
            pairs.extend((prep, obj) for obj in _prep_objects(prep))
        elif prep.dep_ == "dobj" and scope.lemma_ in ARRIVAL_VERBS:
            pairs.append((prep, prep))
        elif prep.dep_ == "advmod" and prep.lower_ == "there":
            pairs.append((prep, prep))  # "plans to station 4,800 troops there"
        elif prep.dep_ == "advmod" and prep.lower_ in ("back", "close", "closer"):
            pairs.extend(_scope_phrases(lex, prep))  # "moved 2,000 troops back to bases in X"
        elif prep.dep_ == "prep" and prep.lower_ == "against" and "offensive" in _cues(lex, scope):
            pairs.extend((prep, obj) for obj in prep.children if obj.dep_ == "pobj")
        elif prep.dep_ == "prep" and prep.lower_ == "with":  # "serve with the battlegroup in X"
            pairs.extend((prep, o) for o in _prep_objects(prep) if "unit" in _noun_cues(lex, o))
    return sorted(pairs, key=lambda p: p[0].lower_ not in DESTINATION_PREPS)


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, also through "in and around X" and a clause the parse
    hangs under it ("are in Britain helping to train": Britain as the clause's subject)."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    objs += [o for c in prep.children if c.dep_ == "conj" for o in c.children if o.dep_ == "pobj"]
    for clause in (c for c in prep.children if c.dep_ == "pcomp"):
        objs += [o for o in clause.children if o.dep_ == "nsubj" and o.pos_ == "PROPN"]
    return objs


def _noun_scopes(noun: Token):
    """A noun, the clauses that modify it ("units at Rzeszów, which are operated by") and
    what they act on ("troops operating the system in Israel"), and the nouns of its "of"
    phrases ("officers of the brigade in Lithuania")."""
    yield noun
    for child in noun.children:
        if child.dep_ in ("acl", "relcl"):
            yield child
            yield from (o for o in child.children if o.dep_ == "dobj")
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    yield from _noun_scopes(obj)


def _verb_scopes(lex: Lexicon, verb: Token, noun: Token):
    """A clause above the force: the verb, verbs coordinated with it or serving it ("send
    1,000 sappers to clear mines in Kursk"), and the force-like objects it takes."""
    yield verb
    for child in verb.children:
        if noun in child.subtree:
            continue
        if child.dep_ in ("xcomp", "acomp", "advcl", "conj") and child.pos_ == "VERB":
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                yield child  # a clause with a subject of its own is about another force
        elif child.dep_ == "dobj":
            yield from _noun_scopes(child)  # "put the contingent fighting in Kursk at 12,000"
        elif child.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in (*OWNING_VERBS, *GROWTH_VERBS):
            yield from _noun_scopes(child)  # "The battlegroup in Lithuania ... had 1,200"


def _scopes(lex: Lexicon, cand: Candidate):
    """(group, token, is_place) to search for place phrases, nearest the force first; tokens
    of one group describe one thing. A force coordinated with another ("1,000 sappers and
    5,000 troops to Kursk") climbs from the first one, leaving out that one's own phrases
    unless it is a unit the count describes; the climb ends at the root. The place where
    something was said is not the force's."""
    noun = cand.noun.head if cand.noun.lower_ == "strong" else cand.noun
    for scope in _noun_scopes(noun):
        yield 0, scope, False
    node = noun
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
        if "unit" in _noun_cues(lex, node):  # "a brigade in Romania, about 3,000 troops"
            yield from ((0, scope, False) for scope in _noun_scopes(node))
    for level in range(1, 7):
        if node.dep_ == "ROOT":
            return
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            yield level, node.head, True  # "in Ukraine, where ... 700,000 troops were fighting"
            return
        anc = node.head
        if anc.pos_ == "VERB" and "speech" in _cues(lex, anc):
            if anc.lemma_ in ESTIMATE_VERBS:  # "put the contingent fighting in Kursk at 12,000"
                for obj in (c for c in anc.children if c.dep_ == "dobj"):
                    yield from ((level, scope, False) for scope in _noun_scopes(obj))
        else:
            clause = anc.pos_ in ("VERB", "AUX") or _has_subject(anc)  # "numbers" as a noun
            scopes = _verb_scopes(lex, anc, noun) if clause else [anc]
            for scope in scopes:
                yield level, scope, False
        node = anc


def find_place(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> Place | None:
    """Destination and location: the first place phrase found; a bare country takes a
    sub-national location in it named for the same thing ("in Lithuania, based at Rukla")."""
    found: list[tuple[int, Place]] = []
    for group, scope, is_place in _scopes(lex, cand):
        if is_place:
            ent = next((e for e in ctx.doc.ents if e.start <= scope.i < e.end), None)
            place = _resolve_ent(ent) if ent is not None else None
            if place:
                found.append((group, place))
            continue
        for prep, obj in _scope_phrases(lex, scope):
            if cand.span.start <= obj.i < cand.span.end or obj == cand.noun:
                continue
            place = _phrase_place(ctx, lex, prep, obj, cand.origin)
            if place is not None:
                found.append((group, place))
    most = _most_place(ctx, lex, cand)
    if not found:
        return most
    group, first = found[0]
    if first[0] and first[1] is None:
        for other_group, (country, location) in found[1:]:
            if other_group == group and country == first[0] and location:
                return country, location
    if most and first[1] is None and first[0] in (None, most[0]):
        return most
    return first


def _most_place(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> Place | None:
    """ "2,000 soldiers in the country, most of them at Rudninkai": where most of the force
    is, said right after its count (FORMAT.md: the place of the force or most of it)."""
    ancestors = {cand.noun.i, *(t.i for t in cand.noun.ancestors)}
    for tok in cand.span.sent[cand.span.end - cand.span.sent.start :]:
        if any(tok.idx <= c.start_char < tok.idx + len(tok) for c in ctx.counts):
            return None  # "most of them" takes up the count nearest before it
        if not _most(tok) or tok.head.i not in ancestors or not _partitive(lex, tok):
            continue
        after = tok.doc[min(tok.right_edge.i + 1, len(tok.doc) - 1)]  # parsed onto the verb
        for prep in (c for c in [*tok.children, after] if c.lower_ in LOCATION_PREPS):
            for obj in _prep_objects(prep):
                place = _named_place(ctx, lex, prep.lower_, obj, cand.origin)
                if place and place[1]:
                    return place
    return None


def _most(token: Token) -> bool:
    """ "most", "the bulk", "more than half" (of them)."""
    if token.lower_ == "half":
        return any(c.lower_ == "more" for c in token.children)
    return token.lower_ in MOST_WORDS


# ---------------------------------------------------------------------------------- reported


def _target(ctx: ArticleContext, lex: Lexicon, date: DateMention) -> bool:
    """ "will send 800 more soldiers by December", "reach 4,800 troops by 2027": the date a
    dispatch or a build-up is to be complete, which is the date the count refers to."""
    token = _date_token(ctx, date)
    prep = next((t for t in token.ancestors if t.dep_ == "prep"), None) if token else None
    if prep is None or prep.lower_ != "by":
        return False
    verb = prep.head
    return verb.lemma_ in RAISE_VERBS or "deploy" in _cues(lex, verb)


def _usable_dates(ctx: ArticleContext, lex: Lexicon, sent: Span) -> list[DateMention]:
    return [d for d in ctx.dates_in(sent) if _usable(ctx, lex, sent, d)]


def _usable(ctx: ArticleContext, lex: Lexicon, sent: Span, date: DateMention) -> bool:
    if later_than(date.value, ctx.published) and not _target(ctx, lex, date):
        return False
    before = text_of(ctx.doc)[sent.start_char : date.start_char]
    if before.count("(") > before.count(")"):
        return False  # a dateline inside parentheses
    token = _date_token(ctx, date)
    if token is None:
        return True
    first = token_span(ctx.doc, date.start_char, date.end_char).start
    before_date = ctx.doc[max(first - 1, 0)]
    if any(t.lower_ == "since" for t in [before_date, token, *list(token.ancestors)[:2]]):
        return False  # "sent since October": the start of a period, the count is of its end
    # a year naming a thing: "under a 1992 ceasefire deal"
    return not (date.granularity == "year" and token.dep_ in ATTRIBUTIVE)


def _date_token(ctx: ArticleContext, date: DateMention) -> Token | None:
    span = token_span(ctx.doc, date.start_char, date.end_char)
    return span.root if span is not None else None


def _anchor(token: Token) -> Token | None:
    """The clause a date modifies: its verb, climbing out of adverbial clauses ("After
    meeting Kim on June 17, Shoigu said ..." -> said); None for a date heading a sentence."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    while verb is not None and verb.dep_ in ("pcomp", "advcl"):
        verb = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb


def _covers(ctx: ArticleContext, lex: Lexicon, date: DateMention, cand: Candidate) -> bool:
    token = _date_token(ctx, date)
    if token is None:
        return False
    earlier = next(
        (t for t in token.ancestors if t.lower_ == "from" and _earlier_level_prep(t)), None
    )
    if earlier is not None and cand.span.root not in earlier.subtree:
        return False  # "11,000 troops ..., up from roughly 8,000 in January": the 8,000's date
    anchor = _anchor(token)
    return anchor is None or anchor in cand.span.root.ancestors and not _foreign(lex, token, cand)


def assign_own_dates(ctx: ArticleContext, lex: Lexicon, cands: list[Candidate]) -> None:
    """A date goes to the troop counts in the clause it modifies, nearest first; else to the
    count(s) nearest it in the parse ("190,000 ..., compared with 100,000 on January 30")."""
    for cand in cands:
        dates = _usable_dates(ctx, lex, cand.span.sent)
        covering = [d for d in dates if _covers(ctx, lex, d, cand)]
        if covering:
            date = min(covering, key=lambda d: tree_gap(cand.span.root, _date_token(ctx, d)))
            cand.reported, cand.dated = date.value, True
    _assign_nearest(ctx, lex, cands)


def _foreign(lex: Lexicon, token: Token, cand: Candidate) -> bool:
    """A date of another clause: one with a subject of its own, or a relative clause, that
    does not hold the count ("In Romania, where a drone entered on Saturday, France will send
    150 troops"). The date of a verb of saying is the count's, and so is that of a "when"
    clause, of a clause describing the force ("the 12,000 soldiers Pyongyang sent in
    October") or its exercise ("for the drills, which began last Friday")."""
    verb = _clause_verb(token)
    if verb is None or cand.span.root in verb.subtree or "speech" in _cues(lex, verb):
        return False
    if any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in verb.children):
        return False
    if verb.dep_ in ("relcl", "acl"):
        described = verb.head
        return described not in (cand.noun, cand.span.root) and not _cues(lex, described) & {
            "exercise"
        }
    return _has_subject(verb)


def _date_distance(lex: Lexicon, cand: Candidate, token: Token) -> int:
    """Tree distance from a count to a date; "1,000 sappers and 5,000 troops": the second
    force stands where the first does."""
    if _foreign(lex, token, cand):
        return 99
    head = cand.noun
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    if head == cand.noun:
        return tree_gap(cand.span.root, token)
    return tree_gap(head, token) + 1


def _assign_nearest(ctx: ArticleContext, lex: Lexicon, cands: list[Candidate]) -> None:
    """A date no clause claims goes to the undated count(s) nearest it, unless a count that
    already has its date stands nearer."""
    by_sent: dict[int, list[Candidate]] = {}
    for cand in cands:
        by_sent.setdefault(cand.span.sent.start, []).append(cand)
    for group in by_sent.values():
        owned: dict[int, tuple[int, str]] = {}
        for date in _usable_dates(ctx, lex, group[0].span.sent):
            token = _date_token(ctx, date)
            if token is None:
                continue
            dist = {id(c): _date_distance(lex, c, token) for c in group}
            best = min(dist.values())
            for cand in group:
                if dist[id(cand)] == best and best < owned.get(id(cand), (99, ""))[0]:
                    owned[id(cand)] = (best, date.value)
        for cand in group:
            if id(cand) in owned and not cand.dated:
                cand.reported, cand.dated = owned[id(cand)][1], True


def _anaphoric(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha][:3]
    if not words:
        return False
    first = words[0].lower_
    if first in ANAPHORA_OPENERS and words[0].pos_ in ("PRON", "DET", "ADV"):
        return True
    if first in ("with", "of") and len(words) > 1 and words[1].lower_ in ANAPHORA_OPENERS[4:]:
        return True
    if first == "of" and len(words) > 1 and words[1].lower_ == "the":
        return True
    return any(t.lower_ == "then" and t.dep_ == "advmod" for t in sent)


def _date_before(ctx: ArticleContext, char: int) -> str | None:
    for date in reversed([d for d in ctx.dates if d.end_char <= char]):
        if date.start_char not in ctx.furniture and not later_than(date.value, ctx.published):
            return date.value
    return None


def _header_date(ctx: ArticleContext, char: int) -> str | None:
    """ "FEBRUARY 2022: REINFORCEMENTS" — a dated heading opening the paragraph."""
    text = text_of(ctx.doc)
    par_start = text.rfind("\n\n", 0, char)
    par_start = 0 if par_start < 0 else par_start + 2
    line_end = text.find("\n", par_start)
    if line_end < 0 or line_end >= char:
        return None
    line = text[par_start:line_end].strip()
    if line.endswith((".", "!", "?")):
        return None
    for date in ctx.dates:
        if par_start <= date.start_char < line_end:
            return date.value
    return None


def _now(lex: Lexicon, sent: Span) -> bool:
    """ "now", "currently": the count is stamped with the article's date."""
    return any("now" in _cues(lex, t) for t in sent)


def _past(cand: Candidate) -> bool:
    """Whether the clause of the count is in a past tense ("had 1,200 troops", "had arrived"),
    not the present perfect ("has massed") or the present."""
    verb = next((t for t in cand.noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.lower_ == "had" for c in verb.children)


def fallback_reported(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate, previous: str | None
) -> str | None:
    """The date of a count whose own clause gives none (FORMAT.md, "reported")."""
    sent = cand.span.sent
    parent = cand.parent
    if parent is not None and parent.reported and parent.span.sent == sent:
        return parent.reported
    if _anaphoric(sent):
        return _date_before(ctx, sent.start_char) or ctx.published
    if _now(lex, sent):
        return ctx.published
    header = _header_date(ctx, sent.start_char)
    if header:
        return header
    if _past(cand):
        return previous
    return ctx.published


# ---------------------------------------------------------------------------------- assembly


def _headline(ctx: ArticleContext, span: Span) -> bool:
    """A line without closing punctuation: a headline or a table of contents."""
    text = text_of(ctx.doc)
    end = text.find("\n", span.end_char)
    line = text[text.rfind("\n", 0, span.start_char) + 1 : end if end >= 0 else None].strip()
    return not line.endswith((".", "!", "?", '"', "”", ")"))


def find_candidates(ctx: ArticleContext, lex: Lexicon) -> list[Candidate]:
    found: list[Candidate] = []
    for count in ctx.counts:
        if count.start_char in ctx.furniture:
            continue
        span = token_span(ctx.doc, count.start_char, count.end_char)
        if span is None:
            continue
        cand = classify(lex, span, found)
        if cand is not None:
            cand.count = count
            found.append(cand)
    return found


def _fill_consensus(cands: list[Candidate]) -> None:
    """A force with no place phrase goes where every other force of its origin went."""
    for cand in cands:
        if cand.place is not None:
            continue
        others = {c.place[0] for c in cands if c.origin == cand.origin and c.place is not None}
        with_place = [c for c in cands if c.origin == cand.origin and c.place is not None]
        if len(others) == 1 and len(with_place) >= 2 and None not in others:
            cand.place = (others.pop(), None)


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """One row per force and date: a recap of the same count adds only missing places; a
    recap without a date of its own is the dated mention's count."""
    kept: list[Candidate] = []
    for cand in cands:
        same = next((k for k in kept if _same_count(k, cand)), None)
        if same is None:
            kept.append(cand)
            continue
        same.place = _fuller(same.place, cand.place)
        if cand.dated and not same.dated:
            same.reported, same.dated = cand.reported, True
    return kept


def _fuller(kept: Place | None, recap: Place | None) -> Place | None:
    """The kept mention's place, completed by a recap's: a place where it had none, a town
    in the same country where it had only the country."""
    if kept in (None, (None, None)):
        return recap or kept
    if recap and kept[1] is None and recap[0] == kept[0]:
        return recap
    return kept


def _same_count(a: Candidate, b: Candidate) -> bool:
    if (a.origin, a.count.value) != (b.origin, b.count.value):
        return False
    return a.reported == b.reported or not (a.dated and b.dated)


def _drop_headlines(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """A headline or contents line repeats a count of the body; keep the body's."""
    body = [c for c in cands if c.row or not _headline(ctx, c.span)]
    values = {c.count.value for c in body}
    return [c for c in cands if c in body or c.count.value not in values]


def _reinforces(cand: Candidate) -> bool:
    """ "up to 3,000 more soldiers", "another 2,000 troops", "increase its contribution to
    2,500 personnel": more of a force named before."""
    words = [*cand.span.root.children, *cand.noun.children, *cand.span]
    return (
        _more(cand.span.root) or any(t.lower_ in MORE_WORDS for t in words) or _raised_to(cand.noun)
    )


def _last_country(before: list[Candidate], origin: str | None) -> Place | None:
    """The country of the last force of `origin` named before (its town may not be the new
    troops'); None if that is not known."""
    place = next((c.place for c in reversed(before) if c.origin == origin), None)
    return (place[0], None) if place else None


def _assign_places(ctx: ArticleContext, lex: Lexicon, cands: list[Candidate]) -> None:
    for cand in cands:
        cand.place = _heading_place(ctx, lex, cand) if cand.row else find_place(ctx, lex, cand)
        parent = cand.parent
        if cand.place is None and parent is not None and parent.place is not None:
            # a new size of the force is in its country, not necessarily its town
            raised = _raised_to(cand.span.root)
            cand.place = (parent.place[0], None) if raised else parent.place
        if cand.place is None:
            host = _host(lex, cand.span.sent)  # "KFOR numbers 4,700 troops": in its host
            cand.place = (host, None) if host else None
    _fill_consensus(cands)
    for i, cand in enumerate(cands):
        if cand.place is None and _reinforces(cand):
            cand.place = _last_country(cands[:i], cand.origin)
        if cand.place is None or cand.place[1] is None:
            cand.place = _fuller(cand.place, _next_place(ctx, lex, cand, cands))


def _heading_place(ctx: ArticleContext, lex: Lexicon, cand: Candidate) -> Place | None:
    """A table row's place: the mission's host, or the place its heading names."""
    heading = _heading(ctx.doc, cand.row)
    host = _host(lex, heading)
    if host:
        return host, None
    return next(filter(None, map(_resolve_ent, _ents_in(ctx, heading.start, heading.end))), None)


def _next_place(
    ctx: ArticleContext, lex: Lexicon, cand: Candidate, cands: list[Candidate]
) -> Place | None:
    """ "The Netherlands will send 300 troops to Poland. They will be stationed near
    Rzeszow.": the town the next sentence gives the only force of this one."""
    sent = cand.span.sent
    nxt = next((t.sent for t in ctx.doc[sent.end :] if t.is_alpha), None)
    if nxt is None or any(c is not cand and c.span.sent in (sent, nxt) for c in cands):
        return None
    verb = nxt.root
    if not any(c.lower_ == "they" and c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for prep, obj in _scope_phrases(lex, verb):
        place = _phrase_place(ctx, lex, prep, obj, cand.origin)
        if place and place[1]:
            return place
    return None


def _assign_dates(ctx: ArticleContext, lex: Lexicon, cands: list[Candidate]) -> None:
    assign_own_dates(ctx, lex, cands)
    previous = None
    for cand in cands:
        if cand.row:
            dates = [d.value for d in ctx.dates if cand.row[1] <= d.start_char < cand.row[2]]
            cand.reported, cand.dated = (dates or [ctx.published])[0], True
        if not cand.dated:
            cand.reported = fallback_reported(ctx, lex, cand, previous)
            cand.dated = _now(lex, cand.span.sent)
        previous = cand.reported or previous


def _row(cand: Candidate) -> dict:
    destination, location = cand.place or (None, None)
    confidence = 0.6 + 0.2 * (cand.noun != cand.span.root) + 0.1 * (destination is not None)
    return {
        "origin": cand.origin,
        "count": cand.count.value,
        "qualifier": cand.count.qualifier,
        "destination": destination,
        "location": location,
        "reported": cand.reported,
        "evidence": cand.span.sent.text.strip(),
        "start_char": cand.count.start_char,
        "end_char": cand.count.end_char,
        "confidence": round(min(confidence, 1.0), 2),
    }


def extract_troops(ctx: ArticleContext) -> list[dict]:
    lex = lexicon(LEXICON)
    found = find_candidates(ctx, lex)
    cands = _drop_headlines(ctx, found)
    headlines = [c for c in found if c not in cands]
    previous = None
    for cand in cands:
        cand.origin = find_origin(ctx, lex, cand, previous, headlines)
        previous = cand.origin or previous
    main = Counter(c.origin for c in cands if c.origin).most_common(1)
    cands = [c for c in cands if c.origin or main]
    for cand in cands:
        cand.origin = cand.origin or main[0][0]
    _assign_places(ctx, lex, cands)
    _assign_dates(ctx, lex, cands)
    return [_row(cand) for cand in _merge(cands)]
