"""Money a clause shows is no aid given, whatever aid words stand near it: the outcome of a
condition, money a clause denies was given or denies is aid, authority not yet used, the value
of a sale or purchase, a price or rate, earnings, a stock of debt or private investment, and a
country's spending on itself. The word lists are in models/not_aid_words.tsv.

Each test reads the dependency parse of the amount's own clause; `not_aid` is their union.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from .amount_parse import LEXICON, PACKAGE_NOUNS, amount_noun, clause_verbs
from .context import GIVE_VERBS
from .cues import lexicon
from .resources import read_tsv

UNREAL_AUX = ("would", "could", "might")  # the outcome of a condition ("would be €11bn")
WORDS = "not_aid_words.tsv"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
ARGUMENTS = ("dobj", "nsubj", "nsubjpass", "attr")  # a clause verb's words that name its act
PEOPLE = ("GPE", "NORP")  # a "for" naming them buys for someone: aid ("for Ukraine's army")
NEAR = 4  # how deep under its clause a purpose phrase still speaks of the amount


def not_aid(span: Span) -> bool:
    """The amount at `span` is no aid given, as its clause says."""
    if _unreal(span) or _denied(span):
        return True
    path = _path(span)  # the tests below all read the amount's path to its clause verb
    return any(
        test(path)
        for test in (_disowned, _unused, _traded, _priced, _earned, _debt_or_capital, _own_use)
    )


@cache
def _words(cls: str) -> frozenset[str]:
    return frozenset(
        r["lemma"] for r in read_tsv(WORDS, required=("lemma", "class")) if r["class"] == cls
    )


def _is(tok: Token, cls: str) -> bool:
    return tok.lemma_.lower() in _words(cls)


def _unreal(span: Span) -> bool:
    """ "If Germany gave at Estonian rates, its aid would be closer to €11bn": the outcome of
    a condition, which no one gives (a pledge on a condition, "would provide €5m if", is one)."""
    verbs = clause_verbs(span.root)
    if not verbs or verbs[0].lemma_ in GIVE_VERBS:
        return False
    verb = verbs[0]
    if not any(c.dep_ == "aux" and c.lower_ in UNREAL_AUX for c in verb.children):
        return False
    heads = [*verbs[:2], *(c for c in verb.children if c.dep_ == "parataxis")]
    clauses = [c for v in heads for c in v.children if c.dep_ == "advcl"]
    return any(m.dep_ == "mark" and m.lower_ == "if" for c in clauses for m in c.children)


def _denied(span: Span) -> bool:
    """ "the UK has not given Ukraine £159 billion": money a clause says was not given."""
    verbs = clause_verbs(span.root)
    if not verbs or verbs[0].lemma_ not in GIVE_VERBS:
        return False
    return amount_noun(span).head == verbs[0] and any(c.dep_ == "neg" for c in verbs[0].children)


def _disowned(path: list[Token]) -> bool:
    """ "$2.4 billion for U.S. Central Command operations, which is not assistance to Israel":
    a relative clause denying that the money or its purpose is aid."""
    noun = path[0]
    purposes = [o for p in noun.children if p.lower_ == "for" for o in p.children]
    return any(
        c.dep_ == "relcl"
        and c.lemma_ == "be"
        and any(n.dep_ == "neg" for n in c.children)
        and any(a.dep_ == "attr" and "aid" in lexicon(LEXICON).cues_at(a) for a in c.children)
        for t in (noun, *purposes)
        for c in t.children
    )


def _unused(path: list[Token]) -> bool:
    """Authority not yet used ("approximately $5.6 billion remains available", "remaining PDA
    authority, about $3.85 billion, should be used"): a ceiling, no package."""
    verb = _clause_verb(path)
    unused = [c for c in verb.children if c.dep_ in ("acomp", "oprd")] if verb else []
    if verb is not None and verb.lemma_ == "remain" and any(_is(c, "unused") for c in unused):
        return True
    return any(
        _is(t, "authority") and any(c.dep_ == "amod" and _is(c, "unused") for c in t.children)
        for t in path
    )


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _relative_copula(tok: Token) -> bool:
    """ "a deal that could be worth $18b": a copula of a relative clause, which sizes the noun
    the clause hangs on."""
    return tok.lemma_ == "be" and any(c.dep_ in SUBJECTS and c.tag_ == "WDT" for c in tok.children)


def _path(span: Span) -> list[Token]:
    """The amount's noun and the words above it up to the verb heading its clause; a
    participle ("a deal valued at $825m", "ordered for $10bn") is no clause of its own."""
    tok = amount_noun(span)
    path = [tok]
    while tok.dep_ != "ROOT":
        if _is_verb(tok) and tok.dep_ not in ("acl", "amod"):
            if not _relative_copula(tok):
                break
            while tok.dep_ not in ("relcl", "ROOT"):
                tok = tok.head
            if tok.dep_ != "relcl":
                break
        tok = tok.head
        path.append(tok)
    return path


def _through_subject(path: list[Token]) -> bool:
    """The path enters its clause verb as the subject: the money is what acts ("£350m would
    buy drones", "$23bn went to ...")."""
    return len(path) > 1 and _is_verb(path[-1]) and path[-2].dep_ in SUBJECTS


def _act(path: list[Token]) -> list[Token]:
    """The words that name what the amount is the value of: its path, the nouns set beside
    them, and the arguments of the clause verb unless the money is that verb's subject."""
    words = list(path)
    if _through_subject(path):  # only a copula's noun still names it ("$35bn ... is a purchase")
        verb = words.pop()
        words += [c for c in verb.children if c.dep_ == "attr" and verb.lemma_ == "be"]
    elif _is_verb(path[-1]):
        words += [c for c in path[-1].children if c.dep_ in ARGUMENTS]
    return words + [c for t in words for c in t.children if c.dep_ == "appos"]


def _for_someone(tok: Token) -> bool:
    """`tok` says for whom it is bought or spent ("for Ukraine", "for the Ukrainian army")."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            named = [obj, *(c for c in obj.children if c.dep_ in ("poss", "amod", "compound"))]
            if any(t.ent_type_ in PEOPLE for t in named):
                return True
    return False


def _seller(tok: Token) -> bool:
    """`tok` or the goods it is for come "from" a firm or a country ("for 180 K2 tanks from
    Hyundai Rotem")."""
    goods = [o for p in tok.children if p.lower_ == "for" for o in p.children]
    return any(
        p.lower_ == "from" and any(o.ent_type_ in ("ORG", "GPE") for o in p.children)
        for t in (tok, *goods)
        for p in t.children
    )


def _trade_word(tok: Token) -> bool:
    return _is(tok, "trade") and (tok.lemma_ != "order" or tok.pos_ == "VERB")  # not a decree


def _bought_goods(noun: Token) -> bool:
    """ "$19 billion in weapons that Taiwan has bought": goods a named buyer bought."""
    goods = [o for p in noun.children if p.lower_ == "in" for o in p.children]
    return any(
        c.dep_ == "relcl"
        and _is(c, "trade")
        and any(s.dep_ == "nsubj" and s.tag_ != "WDT" for s in c.children)
        for g in goods
        for c in g.children
    )


def _traded(path: list[Token]) -> bool:
    """The amount is the value of a sale or a purchase ("approved the possible sale of
    missiles, a deal valued at about $825m", "helicopters ordered from the United States for
    about $10bn", "licenses worth €32,000"), unless money pays for it or it is bought for
    someone ("€100m for the purchase of shells for Ukraine")."""
    words = _act(path)
    if any(_is(t, "fund") or t.lemma_ in GIVE_VERBS or _for_someone(t) for t in words):
        return False
    if any(c.dep_ in ("xcomp", "advcl") and _is(c, "pass_on") for t in words for c in t.children):
        return False  # "bought Patriots worth $1bn to give to Ukraine"
    if any(_is(t, "deal") for t in words) and any(_seller(t) for t in words):
        return True
    return any(_trade_word(t) for t in words) or _bought_goods(path[0])


def _clause_verb(path: list[Token]) -> Token | None:
    return path[-1] if _is_verb(path[-1]) else None


def _priced(path: list[Token]) -> bool:
    """A price ("a single fire unit costs an estimated €140m") or a rate ("4 lei per
    kilowatt-hour"); the cost of a package ("the package costs $1bn") stays aid."""
    noun = path[0]
    if any(
        p.lower_ == "per" and any(not _is(o, "time") for o in p.children) for p in noun.children
    ):
        return True
    verb = _clause_verb(path)
    if verb is None or not _is(verb, "price") or _through_subject(path):
        return False
    return not any(c.dep_ in SUBJECTS and _package(c) for c in verb.children)


def _package(tok: Token) -> bool:
    return tok.lemma_.lower() in (*PACKAGE_NOUNS, "aid", "assistance", "support")


def _earned(path: list[Token]) -> bool:
    """ "North Korea is estimated to have earned about US$20 billion": earnings."""
    verb = _clause_verb(path)
    return verb is not None and _is(verb, "earn") and not _through_subject(path)


def _debt_or_capital(path: list[Token]) -> bool:
    """A stock of debt ("holding roughly $4bn of the country's external debt", "external
    public debt of about $130bn") or private capital ("$25.4bn in direct investment"); debt
    rolled over, refinanced or written off stays aid."""
    noun = path[0]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _is(noun.head.head, "debt"):
        return True
    objects = [o for p in noun.children if p.lower_ in ("of", "in") for o in p.children]
    verb = _clause_verb(path)
    if verb is not None and noun.dep_ == "dobj":  # "has brought $25.4bn in direct investment"
        objects += [o for p in verb.children if p.lower_ == "in" for o in p.children]
    if any(
        o.lemma_ == "investment" and any(_is(c, "private") for c in o.children) for o in objects
    ):
        return True
    return verb is not None and _is(verb, "hold") and any(_is(o, "debt") for o in objects)


def _below(tok: Token, depth: int = NEAR) -> Iterator[Token]:
    """Words under `tok` down to `depth`, not entering the clause of another amount
    ("..., while about $23 billion is set aside to replenish ...")."""
    for child in tok.children:
        if _is_verb(child) and any(_money(c) for c in child.children if c.dep_ in SUBJECTS):
            continue
        yield child
        if depth > 1:
            yield from _below(child, depth - 1)


def _own_use(path: list[Token]) -> bool:
    """A country's spending on itself: means used up ("we've expended more than $1.8bn in
    munitions"), spending on its defence ("Estonia will spend ... on defence, or roughly
    €1.4bn"), refilling its stocks ("$23bn to replenish U.S. weapons stocks"), buying its
    own ("the €150bn instrument that lets member states borrow to buy their own kit")."""
    verb = _clause_verb(path)
    if _package(path[0]) or any(_for_someone(t) for t in path):  # "the £2.26bn loan"
        return False
    if _is(path[0], "own_plan") or (verb is not None and _spent_on_itself(verb)):
        return True
    return any(_restocks(t) or _owns(t) for h in path for t in (h, *_below(h)))


def _money(tok: Token) -> bool:
    return any(t.ent_type_ == "MONEY" for t in tok.subtree)


def _spent_on_itself(verb: Token) -> bool:
    """ "we've expended $1.8bn", "spend ... on defence", "Defence has been allocated Rs2.55tr"."""
    if not (_is(verb, "expend") or _is(verb, "spend")):
        return False
    means = [
        o
        for c in (verb, *verb.children)
        for p in c.children
        if p.lower_ == "in"
        for o in p.children
    ]
    if any("aid" in lexicon(LEXICON).cues_at(o) for o in means):
        return False  # "expended $2bn in aid"
    if _is(verb, "expend"):
        return True
    targets = [o for p in verb.children if p.lower_ in ("on", "to") for o in p.children]
    targets += [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(_own_forces(t) for t in targets)


def _own_forces(tok: Token) -> bool:
    """A country's defence, not one named as another's ("the defence of Ukraine")."""
    if not _is(tok, "own_forces"):
        return False
    owners = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound")]
    owners += [o for p in tok.children if p.lower_ == "of" for o in p.children]
    return not any(o.ent_type_ in PEOPLE for o in owners)


def _restocks(tok: Token) -> bool:
    return _is(tok, "restock") and any(c.dep_ == "dobj" and _is(c, "stock") for c in tok.children)


def _owns(tok: Token) -> bool:
    """ "for Europe's own defence", "buy their own kit"."""
    if not any(c.dep_ == "amod" and c.lower_ == "own" for c in tok.children):
        return False
    if tok.dep_ == "pobj":
        return tok.head.lower_ == "for"
    return tok.dep_ == "dobj" and _is(tok.head, "buy")
