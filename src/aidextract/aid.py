"""Aid packages: which money amounts are aid, from whom, to whom, of what kind, and when.

Every decision reads the dependency parse around the amount: the nearest cue words (models/
aid_cues.tsv) say whether it is aid and of what kind; the subjects of the verbs above it say
who gives; "for / to X" and indirect objects say who receives. What a sentence leaves open
is taken from the article: its main donor and recipient.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from .actors import DATELINE_DASHES, SCHEME_NOUNS, is_dateline
from .amount_parse import (
    BILL_NOUNS,
    LEXICON,
    PACKAGE_NOUNS,
    PORTION_NOUNS,
    TOTAL_VERBS,
    amount_noun,
    clause_verbs,
    line_label,
    names_for,
)
from .context import GIVE_VERBS, ArticleContext
from .cues import lexicon, nearest_cues, token_span, tree_distances, tree_gap
from .dates import later_than
from .fx import to_usd
from .geo import actor_code, resolve_place
from .money import Amount, donor_dollar, receiver_franc
from .nlp import LIST_ITEM, entity_of, text_of
from .not_aid import not_aid
from .schema import LENDERS, ORG_CODES
from .totals import is_cumulative, past_year_row

KIND_CUES = ("military", "financial", "humanitarian")
OWN_SPEND_VERBS = ("spend", "devote")
TOPIC_WORDS = 4  # "Take Egypt.", "Or Pakistan.": a paragraph's opening fragment
MAKE_VERBS = ("build", "make", "manufacture", "produce", "assemble")
INDUSTRY_NOUNS = ("company", "manufacturer", "firm", "producer", "industry", "maker")
VALUE_NOUNS = ("value", "size", "worth")  # "put the value of the package at €5bn"
PURCHASE_VERBS = ("buy", "purchase", "procure", "acquire", "pay")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RECIPIENT_PREPS = ("for", "to", "into")
RECEIVE_VERBS = ("receive", "get", "obtain", "secure", "win", "accept")
CONVERSION = re.compile(
    r"^\s*(\(|[a-z][a-z-]*\s+\(|,?\s*or\b|—|–|,)\s*"  # "a $250m grant (around ..."
    r"(about|approximately|approx\.|roughly|some|around|nearly|"
    r"almost|equivalent to|worth|more than|over|≈|~)?\s*$",
    re.IGNORECASE,
)
ASK_VERBS = ("need", "require", "ask", "seek", "request")  # money asked for ("it needs $2bn")
ESTIMATE_VERBS = ("put", "estimate", "peg", "assess", "reckon", "calculate", "place")
GIVER_NOUNS = ("donor", "country", "ally", "partner", "government", "nation", "state", "lender")
SEVERAL = "*"  # a recipient phrase naming several countries: no one recipient
SAY_VERBS = ("say", "tell", "add", "note", "confirm", "write", "post")
GAP_WORDS = (",", "and", ";", "while", "whereas")  # before the giver of a gapped clause
_GAP_CLAUSE_WORDS = 8  # words from a gapped clause's "and" to its amount
_PART_PARAGRAPHS = 3  # "Of that sum, ..." refers to an amount at most this many paragraphs up
_LIST_LINES = 12  # lines of a list between an amount and the sentence that opens it
CHANNEL_PREPS = ("through", "via")  # "provided through the WFP": a body the aid goes through


@dataclass
class AidCandidate:
    amount: Amount
    span: Span
    cues: dict[str, int]  # cue -> tree distance from the amount
    context: set[str]  # cues of its sentence (and list intro)
    donor: str | None  # as its own clause states them
    recipient: str | None
    # the other amounts of its sentence, and the bill or budget that holds it
    rivals: list[Span] = field(default_factory=list)
    part: bool = False  # a part of the package before it ("Of that sum, ...")


def _subject_actor(ctx: ArticleContext, verb: Token, amount: Token | None = None) -> str | None:
    """The actor a verb's subject (or agent) names; never a subject that holds the amount
    itself, nor a dateline the parse took into the subject ("BAMAKO, Mali — The EU said")."""
    for child in verb.children:
        if amount is not None and child.left_edge.i <= amount.i <= child.right_edge.i:
            continue
        if child.dep_ == "csubj" and child.tag_ == "VBG" and not _own_subject(child):
            continue  # "completing a review of Bangui's programme would allow ...": no giver
        if child.dep_ in SUBJECT_DEPS or child.dep_ == "agent":  # agent: "approved by X"
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":  # "the EIB, which signed"
                antecedent = verb.head
                if antecedent.dep_ == "pobj" and antecedent.head.lower_ in RECIPIENT_PREPS:
                    continue  # "the programme for Moldova, which allows": the receiver
                owners = [c for c in antecedent.children if c.dep_ in ("compound", "appos")]
                code = ctx.actors.first_in([antecedent, *owners])
            else:  # "its military support for Ukraine will reach", "the Israel bill": not them
                code = ctx.actors.first_in(
                    t
                    for t in _after_dateline(child)
                    if not _in_receiver_phrase(t) and not names_for(t) and not _in_clause(t, child)
                )
            if code:
                return code
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "poss") for c in verb.children)


def _in_clause(tok: Token, subject: Token) -> bool:
    """ "The Facility, known in Chișinău as the Growth Plan, foresees ...": a word in a clause
    on the subject describes it and names no giver, but the clause's agent may ("The ... Act,
    signed by President Joe Biden, included $2 billion")."""
    for anc in [tok, *tok.ancestors]:
        if anc == subject:
            return False
        if anc.dep_ == "acl":
            return not any(c.dep_ == "agent" for c in anc.children)
    return False


def _after_dateline(subject: Token) -> list[Token]:
    """The words of a subject after the dateline opening it, if one does."""
    words = list(subject.subtree)
    if not is_dateline(words[0]):
        return words
    dash = next((i for i, t in enumerate(words) if t.text in DATELINE_DASHES), len(words) - 1)
    return words[dash + 1 :]


def _in_receiver_phrase(tok: Token) -> bool:
    """`tok` lies in a "for / to X" phrase."""
    return any(a.dep_ == "prep" and a.lower_ in RECIPIENT_PREPS for a in [tok, *tok.ancestors][:4])


def _from_actor(ctx: ArticleContext, verb: Token) -> str | None:
    """ "from X" on a verb of receiving: the giver."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            return ctx.actors.first_in(child.subtree)
    return None


def _from_giver(ctx: ArticleContext, span: Span) -> str | None:
    """The actor a "from" phrase on the amount or its aid noun names ("$60m in military
    assistance from Qatar"); "a loan from frozen Russian assets" names none, and a part of a
    package ("Of that, €400m comes as loans from the EIB") is its package's giver's."""
    if span.sent[0].lower_ == "of":
        return None
    heads = {span.root, span.root.head, *span.root.ancestors}
    for tok in [amount_noun(span), *_aid_nouns(span, heads)]:
        # "a loan deal backed by UK Export Finance": the agent of a participle on it
        backed = [a for c in tok.children if c.dep_ == "acl" for a in c.children]
        for prep in [*tok.children, *backed]:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by"):
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                if not objects or "\n" in tok.doc[prep.i : objects[0].i].text:
                    continue  # a list's next line taken into the phrase
                code = ctx.actors.of_token(objects[0])
                if code:
                    return code
    return None


def parties(ctx: ArticleContext, span: Span) -> tuple[str | None, str | None]:
    """(donor, recipient) the amount's own clause states; either may be None.

    The donor is the subject of the nearest verb above the amount that names an actor, or a
    possessive / adjective on the amount's noun ("Britain's share", "U.S. assistance"). With a
    verb of receiving ("Ukraine received $1bn from the IMF") the roles swap.
    """
    donor = _gapped_subject(ctx, span)
    if donor:
        return donor, find_recipient(ctx, span, donor)
    recipient = None
    estimate = _estimate_of(span)
    if estimate is not None and estimate[1] is not None:  # "estimates French military aid ..."
        donor = ctx.actors.first_in(estimate[1].subtree)
        return donor, find_recipient(ctx, span, donor)
    owner, lex = _named_owner(ctx, span), lexicon(LEXICON)
    given_from = _from_giver(ctx, span)
    for verb in clause_verbs(span.root):
        if given_from and verb.lemma_ not in RECEIVE_VERBS:
            donor = given_from  # "helped by $60m in military assistance from Qatar"
            break
        if owner and "aid" not in lex.cues_at(verb):
            lender = _subject_actor(ctx, verb, span.root)
            if lender in LENDERS and lender != owner:  # "the IMF completed a review of
                donor, recipient = lender, owner  # Ethiopia's $3.4 billion loan programme"
                break
            donor = owner  # "The measures complement the EU's Growth Plan, worth €1.9bn"
            break
        code = _subject_actor(ctx, verb, span.root)
        if not code and _many_givers(ctx, verb):  # "donors committed about €267bn"
            channel = next(
                (c for c in verb.children if c.dep_ == "prep" and c.lower_ in CHANNEL_PREPS),
                None,
            )  # "donors have channelled $41bn through the bank": the bank gives
            if channel is None:
                return SEVERAL, None
            code = ctx.actors.first_in(channel.subtree)
        if not code:
            continue
        if verb.lemma_ in SAY_VERBS and code == (
            find_recipient(ctx, span, None) or ctx.main_recipient()
        ):
            continue  # "... have reached Ukrainian units, Defence Minister X said": the receiver's
        if verb.lemma_ in RECEIVE_VERBS and code in ORG_CODES:
            donor = code  # "a UN-administered trust fund has received $112m": a channel that gives
        elif verb.lemma_ in RECEIVE_VERBS:  # "... received $2.4 billion in American aid"
            recipient, donor = code, _from_actor(ctx, verb) or _phrase_owner(ctx, span)
        else:
            donor = code
        break
    if donor is None:  # "That brings Japan's total support to $12 billion"
        totals = (_total_owner(ctx, verb) for verb in clause_verbs(span.root))
        donor = next((code for code in totals if code), None)
    if donor is None:
        noun = amount_noun(span)
        head = noun.head
        if noun.dep_ == "appos" and head.lemma_ in GIVE_VERBS and head.lower_.endswith("s"):
            noun = head  # a headline's verb read as a noun: "The UK pledges £17m in ..."
        elif noun.dep_ == "pobj" and head.lower_ == "of" and "aid" in lex.cues_at(head.head):
            noun = head.head  # "a Chinese grant of about 246 million dollars"
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                donor = ctx.actors.first_in(child.subtree)
            elif child.dep_ == "prep" and child.lower_ == "from":  # "a $12m grant from Switzerland"
                donor = next(
                    (ctx.actors.of_token(o) for o in child.children if o.dep_ == "pobj"), None
                )
            if donor:
                break
    if donor is None:  # "announced £17m in new UK humanitarian funding", not "in Ukraine aid"
        owner = _phrase_owner(ctx, span)
        donor = owner if owner != ctx.main_recipient() else None
    return donor, recipient or find_recipient(ctx, span, donor)


def _worth_of(worth: Token) -> Token:
    """The noun "worth" values: its head, or the phrase before its comma when the parse
    hangs "worth" on the verb ("complement [the EU's Plan for Moldova], worth €1.9bn")."""
    if worth.head.pos_ in ("NOUN", "PROPN") or worth.i < 2 or worth.nbor(-1).text != ",":
        return worth.head
    tok = worth.nbor(-2)
    while tok.dep_ in ("pobj", "prep", "compound") and tok.head.i < worth.i:
        tok = tok.head
    return tok


def _named_owner(ctx: ArticleContext, span: Span) -> str | None:
    """The actor named as owner of the amount's noun, or of the thing the amount is the worth
    of ("the European Union's Growth Plan for Moldova, worth 1.9 billion euros"), unless the
    noun is one its receiver owns ("Ukraine's budget")."""
    nouns = [amount_noun(span)]
    if span.root.head.lower_ == "worth":
        nouns.append(_worth_of(span.root.head))
    lex = lexicon(LEXICON)
    for noun in nouns:
        if "receiver" in lex.cues_at(noun):
            continue
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                code = ctx.actors.first_in(child.subtree)
                if code:
                    return code
    return None


def _phrase_owner(ctx: ArticleContext, span: Span) -> str | None:
    """The actor named on the amount's "in <aid>" noun ("$2.4 billion in American aid")."""
    preps = [p for p in span.root.children if p.dep_ == "prep" and p.lower_ == "in"]
    return _owner_of(ctx, [o for p in preps for o in p.children if o.dep_ == "pobj"])


def _owner_of(ctx: ArticleContext, nouns: list[Token]) -> str | None:
    """The first actor that owns or qualifies one of `nouns` ("Japan's total", "American aid")."""
    for noun in nouns:
        code = ctx.actors.first_in(
            c for c in noun.children if c.dep_ in ("poss", "amod", "compound")
        )
        if code:
            return code
    return None


def _many_givers(ctx: ArticleContext, verb: Token) -> bool:
    """The verb's subject is a plural of givers no actor names ("donors", "Western allies")."""
    return any(
        c.dep_ in SUBJECT_DEPS
        and c.tag_ == "NNS"
        and c.lemma_ in GIVER_NOUNS
        and ctx.actors.first_in(c.subtree) is None
        for c in verb.children
    )


def _gapped_subject(ctx: ArticleContext, span: Span) -> str | None:
    """The actor right before the amount in a clause whose verb is left out ("Sweden pledged
    SEK 13.5bn, the Netherlands €350m and Denmark $200m"): that clause's giver."""
    doc = span.doc
    i = span.start - 1
    if i <= span.sent.start:
        return None
    if not ctx.actors.of_token(doc[i]):
        return _gapped_clause_giver(ctx, span)
    while i > span.sent.start and (
        doc[i].ent_iob_ == "I" or (doc[i].ent_iob_ == "O" and doc[i - 1].pos_ == "PROPN")
    ):
        i -= 1  # back to the name's first word ("New Zealand", an unlabeled "Germany")
    if not _after_gap_word(doc, i, span.sent.start):
        return None
    if not any(t.pos_ == "VERB" for t in doc[span.sent.start : i]):
        return None  # no verb earlier in the sentence to have been left out
    return ctx.actors.of_token(doc[span.start - 1])


def _gapped_clause_giver(ctx: ArticleContext, span: Span) -> str | None:
    """ "Norway has raised its support to 85 billion crowns, and Sweden its military aid to 40
    billion crowns": a clause after "and" or a comma that opens on an actor and holds no
    verb of its own before the amount, while one stands before it in the sentence."""
    doc, floor = span.doc, span.sent.start
    for j in range(span.start - 1, max(floor, span.start - _GAP_CLAUSE_WORDS) - 1, -1):
        if doc[j].pos_ in ("VERB", "AUX"):
            return None
        if doc[j].lower_ in GAP_WORDS and j + 1 < span.start:
            first = j + 2 if doc[j + 1].lower_ == "the" else j + 1
            code = ctx.actors.of_token(doc[first])
            if code and any(t.pos_ == "VERB" for t in doc[floor:j]):
                return code
            return None
    return None


def _after_gap_word(doc: Doc, start: int, floor: int) -> bool:
    """The name at `start` follows a comma or "and" (with an optional "the" between), past
    `floor`: it may open a gapped clause."""
    if start > floor and doc[start - 1].lower_ == "the":
        start -= 1
    return start > floor and doc[start - 1].lower_ in GAP_WORDS


def _total_owner(ctx: ArticleContext, verb: Token) -> str | None:
    """Whose total a verb of totalling raises: the owner of its object."""
    if verb.lemma_ not in TOTAL_VERBS:
        return None
    return _owner_of(ctx, [c for c in verb.children if c.dep_ == "dobj"])


def find_recipient(ctx: ArticleContext, span: Span, donor: str | None) -> str | None:
    """A country after "for / to / into" on the amount, its noun or its verbs, or an indirect
    object ("give Ukraine $5.5bn", "offered Kyiv a loan"), nearest the amount in the tree;
    SEVERAL when that phrase names more than one ("to Ukraine, Israel and Taiwan").
    International bodies are donors here, never recipients, and the giver of a gapped clause
    ("Sweden pledged X, the Netherlands Y") is no receiver."""
    noun = amount_noun(span)
    if noun.dep_ == "appos":  # "The Israel portion, $26.4 billion in all"
        noun = noun.head
    heads = _receiver_heads(span, noun)
    if _to_many(heads) or _to_many_after(span):
        return SEVERAL
    adjacent = _receiver_right_after(ctx, span, donor)
    if adjacent:
        return adjacent
    best: tuple[int, str, Token] | None = None
    for tok in span.sent:
        if tok.i in ctx.actors.person_country:
            continue  # "a concession to House Speaker Mike Johnson": people receive no aid
        code = _receiver_code(ctx, tok, heads, noun)
        if not code or code == donor or code in ORG_CODES or tok.lemma_.lower() in SCHEME_NOUNS:
            continue  # "to the Czech initiative to buy shells for Ukraine": Ukraine receives
        if _gives_gapped_amount(ctx, tok) or any(
            a.start_char <= tok.idx < a.end_char for a in ctx.amounts
        ):  # "give A$20m in aid and New Zealand NZ$8m": the other amount receives nothing
            continue
        dist = tree_gap(span.root, tok)
        if best is None or dist < best[0]:
            best = (dist, code, tok)
    if best is None:
        return _framing_country(ctx, span, heads, donor)
    others = {
        ctx.actors.of_token(t)
        for t in _coordinated(best[2])
        if t.ent_type_ == "GPE"
        and not _gives_gapped_amount(ctx, t)  # "in Gagauzia and Estonia €1.5m"
    }
    return SEVERAL if others - {None, best[1], donor} else best[1]


def _framing_country(
    ctx: ArticleContext, span: Span, heads: set[Token], donor: str | None
) -> str | None:
    """ "In Yemen, the EU has allocated more than €1.3 billion": a country opening the clause
    of an amount that names no receiver is where the aid goes."""
    first = span.sent[0]
    if first.lower_ != "in" or first.dep_ != "prep" or first.head not in heads:
        return None
    place = next((c for c in first.children if c.dep_ == "pobj"), None)
    if place is None or place.ent_type_ != "GPE" or place.right_edge.i + 1 >= span.start:
        return None
    if place.doc[place.right_edge.i + 1].text != ",":
        return None
    found = resolve_place(place.doc[place.left_edge.i : place.right_edge.i + 1].text)
    if found is None or found.type != "country" or found.country == donor:
        return None
    return found.country


def _receiver_heads(span: Span, noun: Token) -> set[Token]:
    """The words a receiver's phrase may hang on: the amount, its noun, their verbs, the aid
    nouns and the relative clauses on them."""
    heads = {span.root, span.root.head, *span.root.ancestors}
    # "$38bn in military aid ... that the United States promised Israel"
    heads |= {t for t in noun.subtree if t.dep_ == "relcl" and t.head in noun.subtree}
    heads |= _aid_nouns(span, heads)
    heads |= _noun_conjuncts(heads)  # "$4bn in credit lines, swaps and payments to Sri Lanka"
    if span.root.head.lower_ == "worth":  # "the EU's Growth Plan for Moldova, worth €1.9bn"
        heads.add(_worth_of(span.root.head))
    # "$26.4 billion related to Israel": a participle on the amount
    heads |= {c for t in (span.root, noun) for c in t.children if c.dep_ == "acl"}
    # "$9 billion in humanitarian aid, including for civilians in Gaza"
    heads |= {
        c for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ == "including"
    }
    return heads


def _purpose_country(span: Span, donor: str | None) -> str | None:
    """ "released €1.5 million to respond to the cholera outbreak in Darfur": the one country
    whose places the purpose of money that names no receiver lies in (the purpose after the
    amount, not after another: "$2bn for Taiwan ..., along with $3.3bn to expand shipyards").
    Weaker than a receiver named: it fills the row but never makes the story's receiver."""
    heads = _receiver_heads(span, amount_noun(span))
    countries = set()
    money = [t.i for t in span.sent if t.ent_type_ == "MONEY" and t.i >= span.end]
    for verb in heads:
        if verb.lemma_ in OWN_SPEND_VERBS:
            continue  # "spend €80m a year to keep its troops in Romania": its own outlay
        for clause in verb.children:
            if clause.dep_ not in ("advcl", "xcomp", "relcl", "acl") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
            ):
                continue
            if clause.i < span.start or any(i < clause.left_edge.i for i in money):
                continue
            for tok in clause.subtree:
                if tok.dep_ in ("pobj", "poss") and _is_place(tok):
                    place = resolve_place(_ent_text(tok))
                    if place is not None and place.country:
                        countries.add(place.country)
    countries -= {donor}
    return countries.pop() if len(countries) == 1 else None


def _receiver_right_after(ctx: ArticleContext, span: Span, donor: str | None) -> str | None:
    """ "£30m for Gaza and £15m for Lebanon": in a sentence of several amounts, a country
    right after an amount's "for / to" receives it, whatever the parse joins the phrase to."""
    doc = span.doc
    if span.end + 1 >= span.sent.end or doc[span.end].lower_ not in ("for", "to"):
        return None
    if sum(span.sent.start_char <= a.start_char < span.sent.end_char for a in ctx.amounts) < 2:
        return None
    tok = doc[span.end + 1]
    if tok.conjuncts or tok.i in ctx.actors.person_country:
        return None
    code = _territory_country(tok) or (ctx.actors.of_token(tok) if tok.ent_type_ == "GPE" else None)
    return code if code and code != donor and code not in ORG_CODES else None


def _noun_conjuncts(heads: set[Token]) -> set[Token]:
    """Nouns the parse chained to a head verb as its conjuncts ("extended $4bn in credit
    lines, currency swaps and deferred payments to Sri Lanka": "swaps" hangs on the verb)."""
    found: set[Token] = set()
    todo = [c for h in heads if h.pos_ in ("VERB", "AUX") for c in h.children if c.dep_ == "conj"]
    while todo:
        tok = todo.pop()
        if tok.pos_ in ("NOUN", "PROPN") and tok not in found:
            found.add(tok)
            todo += [c for c in tok.children if c.dep_ == "conj"]
    return found


def _helped(tok: Token, heads: set[Token]) -> bool:
    """`tok` is whom the money helps ("a $2bn loan to help Poland pay for equipment", "to
    help Kyiv")."""
    verb = tok.head
    if tok.dep_ == "nsubj" and verb.dep_ in ("ccomp", "xcomp"):
        verb = verb.head
    elif tok.dep_ != "dobj":
        return False
    return verb.lemma_ in HELP_VERBS and (verb in heads or verb.head in heads)


def _in_support_of(tok: Token) -> bool:
    """ "in support of the Beninese Armed Forces": the object of a support that the money is."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_ == "support"
        and prep.head.head.lower_ in ("in", "for")
    )


def _national_force(tok: Token) -> bool:
    """`tok` heads a country's forces named as a body ("the Somali National Army")."""
    ent = entity_of(tok)
    return (
        ent is not None
        and ent.label_ == "ORG"
        and tok == ent.root
        and tok.lower_ in ("army", "forces", "military")
    )


def _to_many(heads: set[Token]) -> bool:
    """ "provided $590 billion to 114 countries": a plural of receivers, no one recipient;
    but "for humanitarian partners in the DRC" are all in one place."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in RECIPIENT_PREPS
        and obj.dep_ == "pobj"
        and obj.tag_ == "NNS"
        and obj.lemma_ in GIVER_NOUNS
        and any(c.dep_ in ("nummod", "amod") for c in obj.children)
        and not _placed_in(obj)
        for head in heads
        for prep in head.children
        for obj in prep.children
    )


def _placed_in(noun: Token) -> bool:
    """ "partners in the DRC": the noun has an "in" phrase naming a place."""
    return any(
        prep.lower_ == "in" and _is_place(obj)
        for prep in noun.children
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def _to_many_after(span: Span) -> bool:
    """The same, read off the words when the parse takes "$590 billion to 114" for a range."""
    doc, i = span.doc, span.end
    if i + 2 >= len(doc) or doc[i].lower_ not in RECIPIENT_PREPS:
        return False
    nxt = doc[i + 1 : i + 4]
    return any(t.tag_ == "NNS" and t.lemma_ in GIVER_NOUNS for t in nxt) and nxt[0].like_num


def _aid_nouns(span: Span, heads: set[Token]) -> set[Token]:
    """Words of aid that the amount's clause names beside it, whose "for / to" phrase says
    who receives ("$2 billion in Foreign Military Financing for Taiwan", "goes to humanitarian
    assistance for ...", "send a military aid package to Ukraine, worth ...")."""
    lex = lexicon(LEXICON)
    found: set[Token] = set()
    for tok in span.sent:
        if "aid" not in lex.cues_at(tok) or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        base = tok  # "in humanitarian, development and stabilisation assistance for Syrians"
        while base.dep_ == "conj" and base.head is not base:
            base = base.head
        beside = base.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and base.head in heads
        if beside or (base.dep_ == "pobj" and base.head.dep_ == "prep" and base.head.head in heads):
            found.add(tok)
    return found


def _receiver_code(ctx: ArticleContext, tok: Token, heads: set[Token], noun: Token) -> str | None:
    """The actor `tok` names when it stands where a receiver does."""
    if tok.ent_iob_ == "I" and _after_preposition_of_name(tok):
        return None  # "the Federal Ministry for Economic Cooperation": words of a name
    prep = _preposition_of(tok)
    if prep is not None and prep.dep_ == "conj" and prep.head.dep_ == "prep":
        prep = prep.head  # "went not to a war zone but to Argentina"
    if prep is not None and prep.lower_ in RECIPIENT_PREPS and prep.head in heads:
        owners = [c for c in tok.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
        # "for Sudanese civilians", "for Israeli air and missile defence", not "for American
        # weapons"
        if "receiver" in lexicon(LEXICON).cues_at(tok):
            owners += [t for c in tok.lefts for t in c.subtree if t.ent_type_ == "NORP"]
        return (
            ctx.actors.first_in([tok, *owners])
            or _territory_country(tok)
            or _country_referred(ctx, tok)
        )
    if tok.dep_ in ("dative", "iobj") or (
        tok.dep_ == "dobj" and tok.head.lemma_ in GIVE_VERBS and tok.head in heads
    ):  # "offered Kyiv a loan"; "lend Ukraine up to C$500 million" (parsed as two objects)
        return _with_owners(ctx, tok)  # not "a concession to Speaker Johnson"
    if _owns_receiver(tok):  # "the defences of Taiwan", "Ukraine's armed forces"
        return ctx.actors.of_token(tok)
    if _helped(tok, heads) or _in_support_of(tok) or _national_force(tok):
        return _with_owners(ctx, tok)  # "of the Armenian armed forces"
    if _purpose_place(tok, heads):  # "a grant for food security in Afghanistan"
        place = resolve_place(_ent_text(tok))
        return ctx.actors.of_token(tok) or (place.country if place else None)
    if tok.dep_ == "compound" and tok.head == noun and tok.head.lemma_ in PORTION_NOUNS:
        return ctx.actors.of_token(tok)  # "the Israel portion, $26.4 billion"
    return None


def _preposition_of(tok: Token) -> Token | None:
    """The preposition `tok` is the object of, also where the parser makes it the subject of
    a participle after it ("a package for the Palestinians covering three years")."""
    if tok.dep_ == "pobj":
        return tok.head
    if tok.dep_ == "nsubj" and tok.head.dep_ == "pcomp" and tok.head.tag_ == "VBG":
        return tok.head.head
    return None


def _with_owners(ctx: ArticleContext, tok: Token) -> str | None:
    """The actor `tok` or a word owning it names ("Kyiv", "the Armenian armed forces")."""
    owners = [c for c in tok.children if c.dep_ in ("compound", "poss", "amod")]
    return ctx.actors.first_in([tok, *owners])


def _after_preposition_of_name(tok: Token) -> bool:
    """`tok` follows a preposition inside its own entity's name."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].ent_iob_ == "I":
        if tok.doc[i].pos_ == "ADP":
            return True
        i -= 1
    return False


def _country_referred(ctx: ArticleContext, tok: Token) -> str | None:
    """ "the country": the last country named before it, in its sentence or the one before
    ("Since Tajikistan joined the Bank in 1993, it has committed $2.6bn to the country")."""
    if tok.lower_ != "country" or not any(c.lower_ == "the" for c in tok.children):
        return None
    start = tok.sent.start
    floor = tok.doc[start - 1].sent.start if start > 0 else start
    return ctx.country_before(tok, floor=floor, labels=("GPE", "NORP"))


def _territory_country(tok: Token) -> str | None:
    """The country of a territory or region aid goes to ("€120m for Gaza" -> PSE, "for the
    Kharkiv region"); a city is a destination of shipments, no receiver."""
    if tok.ent_type_ not in ("GPE", "LOC"):
        return None
    place = resolve_place(_ent_text(tok))
    return place.country if place and place.type in ("other", "admin1") else None


def _coordinated(tok: Token) -> list[Token]:
    """The words coordinated with `tok` ("to Ukraine, Israel and Taiwan"), however the parse
    chains them (conjuncts, appositions, compounds), but not those of its own phrases."""
    out = []
    for t in tok.subtree:
        path = [t, *t.ancestors]
        path = path[: path.index(tok)]
        if all(p.dep_ in ("conj", "appos", "compound", "cc", "punct") for p in path):
            out.append(t)
    return out


def _purpose_place(tok: Token, heads: set[Token]) -> bool:
    """`tok` is the place of a purpose the money is for ("for civilians in Gaza", "to people
    affected by the earthquake that struck central Myanmar")."""
    placed = tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of"))
    if not placed or not _is_place(tok):
        return False
    chain = list(tok.ancestors)[1:7]
    for anc in chain:
        if anc.lemma_ in MAKE_VERBS:
            return False  # "for 5,000 missiles, built by workers in Belfast": the maker's place
        if anc.dep_ == "prep" and anc.lower_ in ("for", "to") and anc.head in heads:
            return True
    return False


def _is_place(tok: Token) -> bool:
    """A place's name, also where the model takes it for an organization ("the DRC")."""
    if tok.ent_type_ in ("GPE", "LOC"):
        return True
    return tok.ent_type_ == "ORG" and resolve_place(_ent_text(tok)) is not None


def _gives_gapped_amount(ctx: ArticleContext, tok: Token) -> bool:
    """`tok` names the giver of a gapped clause: an amount follows its name directly, and a
    comma or "and" comes before it (not "promises Israel $38 billion")."""
    ent = entity_of(tok)
    start, end = (ent.start, ent.end_char) if ent is not None else (tok.i, tok.idx + len(tok))
    if not _after_gap_word(tok.doc, start, 0):
        return False
    return any(0 <= a.start_char - end <= 1 for a in ctx.amounts)


def _owns_receiver(tok: Token) -> bool:
    """`tok` owns a thing that aid goes to: its army, defences, budget, people."""
    if tok.dep_ == "poss":
        owned = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "of":
        owned = tok.head.head
    else:
        return False
    return "receiver" in lexicon(LEXICON).cues_at(owned)


def is_aid(cues: dict[str, int], context: set[str]) -> bool:
    """Aid when a word of aid, or of a kind of aid ("military equipment"), stands nearer the
    amount than any not-aid word (ties: not aid).

    With no cue in reach of the amount (a misparse, or a terse list line "Feb 28: €500m"),
    its context decides: a word of aid or of a kind of aid, and no not-aid word.
    """
    evidence = min(cues.get(c, 99) for c in ("aid", *KIND_CUES))
    if evidence < 99 or "not_aid" in cues:
        return evidence < cues.get("not_aid", 99)
    return bool(context & {"aid", *KIND_CUES}) and "not_aid" not in context


HELP_VERBS = ("help", "assist", "enable")
SUPPORT_VERBS = ("support", "fund", "finance", "cover", "bolster", "prop", "shore", "plug")
CONTAIN_VERBS = ("include", "carry", "contain", "provide", "fund")


def _containers(span: Span) -> list[Span]:
    """The subject of a verb of containing whose object is the amount: the bill or budget that
    holds it is no word about the amount itself."""
    root = span.root
    if root.dep_ != "dobj" or root.head.lemma_ not in CONTAIN_VERBS:
        return []
    return [
        span.doc[c.left_edge.i : c.right_edge.i + 1]
        for c in root.head.children
        if c.dep_ in ("nsubj", "nsubjpass")
    ]


def _own_noun_verdict(span: Span, lex) -> bool | None:
    """What the amount's own noun says it is ("$11.1 billion in arms sales", "a $110m drone
    base", "$61 billion in military aid"): aid, not aid, or nothing (None)."""
    root = span.root
    nouns = [amount_noun(span)] if amount_noun(span) is not root else []
    nouns += [
        o
        for p in root.children
        if p.dep_ == "prep" and p.lower_ in ("in", "of")
        for o in p.children
        if o.dep_ == "pobj" and o.pos_ == "NOUN"
    ]
    for noun in nouns:
        cues = lex.cues_at(noun)
        if "not_aid" in cues and not cues & {"aid", *KIND_CUES}:
            return False
        if "aid" in cues and "not_aid" not in cues:
            return True
    if root.head.lower_ == "worth" and _given_before(_worth_of(root.head), lex):
        return True  # "... decided to provide emergency relief goods. The goods, worth ¥60m"
    return None


def _given_before(noun: Token, lex) -> bool:
    """ "The goods": a definite noun the sentence before has given ("to provide relief
    goods, including tents")."""
    if noun.i == noun.sent.start or not any(c.lower_ in ("the", "these") for c in noun.children):
        return False
    before = noun.doc[noun.sent.start - 1].sent
    return any(
        t.lemma_ == noun.lemma_ and t.dep_ in ("dobj", "conj") and "aid" in lex.cues_at(t.head)
        for t in before
    )


def _each_givers(ctx: ArticleContext, span: Span, donor: str | None) -> list[str]:
    """The other givers of "Estonia and Latvia will contribute EUR 5 million each"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "each" or donor is None:
        return []
    verbs = clause_verbs(span.root)
    subjects = [c for v in verbs[:1] for c in v.children if c.dep_ in SUBJECT_DEPS]
    codes = [ctx.actors.of_token(t) for s in subjects for t in s.conjuncts]
    return [c for c in dict.fromkeys(codes) if c and c != donor]


def _own_spending(span: Span, donor: str | None = None) -> bool:
    """What a government spends or devotes ("France spends about €80m a year keeping its
    troops in Romania", "devoting 13.5 trillion roubles to defence") is its own outlay unless
    the clause names whom it is for ("spend £3bn a year on military aid to Ukraine") or buys
    from another country's industry ("on drones to be built with Ukrainian manufacturers")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "than":  # "spend more than 200bn zlotys"
        root = root.head.head
    if root.dep_ != "dobj" or root.head.lemma_ not in OWN_SPEND_VERBS:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False  # "spend 500 million euros of that on drones": part of aid
    lex = lexicon(LEXICON)
    if any(
        c.dep_ == "prep" and c.lower_ == "on" and any("aid" in lex.cues_at(o) for o in c.children)
        for c in root.head.children
    ):
        return False  # "will spend £4.5 billion on military aid in 2025"
    if any(_gives_to_country(c) for c in root.head.children if c.dep_ in ("advcl", "xcomp")):
        return False  # "will spend 12 billion won to send demining equipment to Ukraine"
    if _foreign_industry(root.head, donor):
        return False
    return not any(
        t.dep_ == "pobj"
        and t.head.lower_ in RECIPIENT_PREPS
        and t.ent_type_ in ("GPE", "NORP")
        and clause_verbs(t)[0] == root.head
        for t in root.head.subtree
    )


def _foreign_industry(verb: Token, donor: str | None) -> bool:
    """The clause names another country's industry ("co-fund production of drones by
    Ukrainian and Canadian companies")."""
    for tok in verb.subtree:
        owner = tok
        while owner.dep_ == "conj":
            owner = owner.head  # "Ukrainian and Canadian companies"
        if owner.dep_ in ("amod", "compound") and owner.head.lemma_ in INDUSTRY_NOUNS:
            code = actor_code(tok.text)
            if code is not None and code != donor:
                return True
    return False


def _gives_to_country(verb: Token) -> bool:
    """A clause giving aid's things to a country ("to send equipment to Ukraine", "to supply
    Ukraine with ammunition"), not troops."""
    if verb.lemma_ not in (*GIVE_VERBS, "supply", "deliver"):
        return False
    lex = lexicon(LEXICON)
    things = [t for t in verb.subtree if t.dep_ in ("dobj", "pobj") and t.head.i >= verb.i]
    if not any(lex.cues_at(t) & {"aid", *KIND_CUES} for o in things for t in o.subtree):
        return False
    return any(t.ent_type_ in ("GPE", "NORP") for t in verb.subtree)


def _serves_donor(ctx: ArticleContext, span: Span, donor: str) -> bool:
    """Money for the donor's own forces or industry ("pays for current U.S. military operations
    in Europe", "$3.3 billion to expand submarine shipyards in the United States"): no aid to
    anyone. Only the amount's own phrase, or its verb's when it is the subject, is read."""
    scope = list(amount_noun(span).subtree)
    if span.root.dep_ in ("nsubj", "nsubjpass"):
        scope += span.root.head.subtree
    others = {
        t.i
        for a in ctx.amounts
        if not span.start_char <= a.start_char < span.end_char
        and (other := token_span(span.doc, a.start_char, a.end_char)) is not None
        and other.root not in span
        for t in amount_noun(other).subtree
    }
    for tok in scope:
        if tok.i in others:
            continue
        made = tok.head.head.tag_ == "VBN" and tok.head.head.dep_ == "acl"
        if made:  # "ammunition produced in the UK": where the goods come from
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.ent_type_ == "GPE":
            place = resolve_place(_ent_text(tok))
            if place and place.type == "country" and place.country == donor:
                return True
        owner = tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.dep_ == "pobj"
        owner = owner and tok.ent_type_ in ("GPE", "NORP")  # not "the Ministry for Economic ..."
        if owner and tok.head.head.lower_ == "for" and ctx.actors.of_token(tok) == donor:
            return True
    return False


def _ent_text(tok: Token) -> str:
    ent = entity_of(tok)
    return ent.text if ent is not None else tok.text


def _estimate(span: Span) -> bool:
    """A figure something is put at ("puts Ukraine's reconstruction bill at more than
    $520bn", "estimated the damage at $150bn") is an estimate, not money given."""
    estimate = _estimate_of(span)
    return estimate is not None and estimate[1] is None  # "estimates French aid at €5bn": aid


def _asked_for(span: Span) -> bool:
    """ "the WFP says it needs $230 million", "the plan asks for 1.4 billion dollars": money
    asked for, which no one has given yet."""
    tok = amount_noun(span)
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for":
        tok, head = head, head.head
    return tok.dep_ in ("dobj", "prep") and head.pos_ == "VERB" and head.lemma_ in ASK_VERBS


def _estimate_of(span: Span) -> tuple[Token, Token | None] | None:
    """(verb, aid object) when the amount is what something is put at ("puts the bill at $X",
    "estimates French military aid since 2022 at about €5bn"); the object only if it is aid."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "at":
        return None
    head = root.head.head
    if head.dep_ == "dobj" and head.head.lemma_ in ESTIMATE_VERBS:  # "at" on the object
        verb = head.head
    elif head.lemma_ in ESTIMATE_VERBS:
        verb = head
    else:
        return None
    lex = lexicon(LEXICON)
    objs = [c for c in verb.children if c.dep_ == "dobj" and _names_aid(lex, c)]
    return verb, (objs[0] if objs else None)


def _names_aid(lex, noun: Token) -> bool:
    """ "French military aid", "the value of the new package": aid, or the value of aid."""
    if "aid" in lex.cues_at(noun):
        return True
    objects = (o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
    return noun.lemma_ in VALUE_NOUNS and any("aid" in lex.cues_at(o) for o in objects)


def _is_bullet(sent: Span) -> bool:
    """The sentence opens a list item line ("• $80 million for ...")."""
    text = text_of(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    return LIST_ITEM.match(text[line_start : line_start + 8]) is not None


def _in_budget(span: Span, lex) -> bool:
    """An amount a budget holds ("the $500 million ... set out in Budget 2024", "the budget
    sets aside €4bn for aid") is a budget line, never aid, whatever aid word is nearer;
    money for a budget ("budget support", "financing for the state budget") is aid."""
    doc = span.doc
    return any(
        doc[i].lemma_.lower() == "budget"
        and "not_aid" in lex.cues_at(doc[i])
        and doc[i].head.lower_ not in RECIPIENT_PREPS  # "financing for the state budget"
        and doc[i].head.lemma_ not in SUPPORT_VERBS  # "a loan to support Ukraine's budget"
        for i in tree_distances(span, 4)
    )


def context_cues(span: Span) -> set[str]:
    """Cues of the amount's sentence; a short line or a bullet (a list item) adds the lines
    before it back to the one that introduces the list ("The new package will fund:")."""
    sents = [span.sent]
    if _list_item(span):
        sents += _lines_above(span)
    return _cues_outside(span, sents)


def _list_item(span: Span) -> bool:
    """The amount stands on a short line or a bullet: a list item."""
    return len(span.sent) < 15 or _is_bullet(span.sent)


def _cues_outside(span: Span, sents: list[Span]) -> set[str]:
    """The cues of the words of `sents` outside the amount."""
    lex = lexicon(LEXICON)
    return {
        c
        for sent in sents
        for t in sent
        if not span.start <= t.i < span.end
        for c in lex.cues_at(t)
    }


def _item_context(span: Span) -> set[str] | None:
    """Cues of a list item's own sentences and of the intro of its list ("The funding will be
    allocated as follows:"), not of the items between ("• €12m for ... damaged networks")."""
    if not _list_item(span):
        return None
    intro = _list_intro(span)
    if intro is None:
        return None
    line_start = text_of(span.doc).rfind("\n", 0, span.sent.start_char) + 1
    own = [span.sent]  # and the sentences before it on its line
    own += [s for s in _lines_above(span) if s.start_char >= line_start and s != intro]
    return _cues_outside(span, [*own, intro])


def _previous_sentence_cues(ctx: ArticleContext, span: Span) -> set[str]:
    """Cues of the sentence before the amount's, in its paragraph, when it names an amount
    too: a sentence that says nothing of its amounts breaks down the one before ("Donors
    pledged €2bn. The EU put up €355m, Germany €244m ...")."""
    if span.sent.start == 0:
        return set()
    before = span.doc[span.sent.start - 1].sent
    if ctx.paragraph_of(before.start_char) != ctx.paragraph_of(span.start_char):
        return set()
    if not any(before.start_char <= a.start_char < before.end_char for a in ctx.amounts):
        return set()
    lex = lexicon(LEXICON)
    return {c for t in before for c in lex.cues_at(t)}


def kind_of(span: Span, sentence_cues: set[str], rivals: list[Span] = ()) -> tuple[str, int]:
    """(kind, strength): military / financial / humanitarian from the kind words within three
    arcs of the amount (with their conjuncts: "military and economic aid"; strength 2), else
    of its sentence (strength 1); several -> mixed; none -> unspecified (strength 0). A word
    nearer another amount of the sentence is that amount's ("$2bn in military aid ..., and a
    $2.3bn loan"). A loan to buy arms is financial: what it buys says nothing of its kind
    ("£1.6bn of UK Export Finance to enable Ukraine to buy 5,000 missiles")."""
    bought = _bought_words(span)
    if bought:
        near, _ = _kind_cues(span, sentence_cues, rivals, bought)
        if near - {"form"} == {"financial"}:
            return "financial", 2
    near, in_sentence = _kind_cues(span, sentence_cues, rivals, set())
    kinds = (near - {"form"}) or (in_sentence - {"form"})
    if not kinds and "form" in near | in_sentence:  # a grant is financial only by itself
        kinds = {"financial"}
    if not kinds:
        return "unspecified", 0
    return (min(kinds) if len(kinds) == 1 else "mixed"), 2 if kinds & near else 1


def _kind_cues(
    span: Span, sentence_cues: set[str], rivals: list[Span], skip: set[int]
) -> tuple[set[str], set[str]]:
    """The kind cues within three arcs of the amount, and those of its sentence, leaving out
    the words at `skip`."""
    lex = lexicon(LEXICON)
    near: set[str] = set()
    rival_dists = [tree_distances(r, 3) for r in rivals]
    dists = tree_distances(span, 3)
    for i, dist in dists.items():
        tok = span.doc[i]
        for word in (tok, *tok.conjuncts):
            own = dists.get(word.i, dist + 1)
            if word.i not in skip and not any(r.get(word.i, 99) < own for r in rival_dists):
                near |= lex.cues_at(word) & {*KIND_CUES, "form"}
    own_sentence = {
        c
        for t in span.sent
        if not span.start <= t.i < span.end and t.i not in skip
        for c in lex.cues_at(t)
    }
    # the amount's own sentence before the lines of its list ("• ... 75 soldiers landed"
    # says nothing of the next item's "€20m in humanitarian aid")
    in_sentence = set(KIND_CUES) & own_sentence or set(KIND_CUES) & sentence_cues
    in_sentence |= {"form"} & (own_sentence | sentence_cues)
    return near, in_sentence


def _bought_words(span: Span) -> set[int]:
    """The words of the clauses of buying in the amount's sentence ("to buy more than 5,000
    missiles", "to help Poland pay for American equipment") that do not hold the amount."""
    words: set[int] = set()
    for tok in span.sent:
        if tok.lemma_ in PURCHASE_VERBS and tok.pos_ == "VERB" and span.root not in tok.subtree:
            words |= {t.i for t in tok.subtree}
    return words


def _part_of_previous(ctx: ArticleContext, span: Span, before: list[AidCandidate]) -> bool:
    """ "Of that sum, $150 million is budget support", "Of the total, 2 billion crowns will
    go to ...": a sentence that opens on a part of the whole just named, when the amount
    named last, at most a few paragraphs up (quotes may stand between), is aid."""
    sent = span.sent
    if not before or sent[0].lower_ != "of" or span.start < sent.start + 3:
        return False
    whole = next((t for t in sent[1:6] if t.dep_ == "pobj" and t.head == sent[0]), None)
    if whole is None or not any(c.lower_ in ("that", "the", "this") for c in whole.children):
        return False
    if any(t is not whole and t.text[:1].isupper() for t in whole.subtree):
        return False  # "Of the IDA grant, ...": a package named by its own giver or name
    if not any(t.text == "," for t in sent[whole.i - sent.start : span.start - sent.start]):
        return False
    last = [a for a in ctx.amounts if a.end_char <= sent.start_char]
    if not last or not before[-1].span.sent.start_char <= last[-1].start_char:
        return False  # the amount named last is no aid ("that" is a plan's requirement)
    gap = ctx.paragraph_of(span.start_char) - ctx.paragraph_of(before[-1].span.start_char)
    return 0 <= gap <= _PART_PARAGRAPHS


def _parts(cand: AidCandidate) -> bool:
    """The amount's list breaks down a package named before ("The breakdown of the assistance
    is as follows:", "The package includes:"): its line labels name channels, not givers."""
    intro = _list_intro(cand.span)
    if intro is None:
        return False
    lex = lexicon(LEXICON)
    return any(
        t.lower_ == "breakdown"
        or ("aid" in lex.cues_at(t) and any(c.lower_ in ("the", "this") for c in t.children))
        for t in intro
    )


def _list_intro(span: Span) -> Span | None:
    """The sentence ending in a colon that opens the amount's list, if it is one."""
    lines = _lines_above(span)
    return lines[-1] if lines and lines[-1].text.rstrip().endswith(":") else None


def _lines_above(span: Span) -> list[Span]:
    """The sentences above the amount's, nearest first, up to the one that opens its list
    (ending in a colon) or the first that is no list item."""
    sent, lines = span.sent, []
    while len([s for s in lines if len(s) > 1]) < _LIST_LINES and sent.start > 0:
        sent = span.doc[sent.start - 1].sent
        lines.append(sent)  # a bullet mark the parser set apart as a sentence counts for none
        if sent.text.rstrip().endswith(":") or (len(sent) >= 15 and not _is_bullet(sent)):
            break
    return lines


def _giver_above_list(
    ctx: ArticleContext, span: Span, paragraph: int, recipient: str | None
) -> str | None:
    """ "The House on Saturday passed the aid bills ... / What's in it: / • $60.8 billion for
    Ukraine": a list whose intro names no giver takes the subject of the paragraph above."""
    intro = _list_intro(span)
    if intro is None or ctx.paragraph_of(intro.start_char) != paragraph or paragraph == 0:
        return None
    return ctx.paragraph_subject(paragraph - 1, exclude=recipient)


def _label_giver(ctx: ArticleContext, label: Span) -> str | None:
    """The giver a line label names, unless the text before named it as a channel the aid
    goes through ("provided through the World Food Programme (WFP) ... (1) WFP: $2.5m")."""
    words = {t.text for t in label if t.is_alpha and t.text[:1].isupper()}
    for tok in ctx.doc[: label.start]:
        if tok.text in words and any(
            a.dep_ == "prep" and a.lower_ in CHANNEL_PREPS for a in tok.ancestors
        ):
            return None
    return ctx.actors.first_in(label)


def announced(
    ctx: ArticleContext, span: Span, cumulative: bool, label: Span | None = None
) -> tuple[str | None, bool]:
    """(date, stated): the date that dates the amount's announcement, and whether its own
    sentence states it.

    In the amount's sentence the most precise date wins, then one opening the sentence ("On
    12 January 2024, ...", "Feb 28: €500m"), then the nearest in the parse. A date of duration
    or deadline ("for the year beginning in April", "until 2027") or inside a clause about
    something else ("the supplemental that Congress passed in April") counts only when no
    other date dates the paragraph: the last announcement before the amount in it ("On 7
    March its board approved a package. At its core was a $489 million operation ...").
    """
    if cumulative:
        return None, False
    if label is not None:  # a timeline's line "19 September: Finland announced ..."
        for date in ctx.dates:
            if date.start_char - label.start_char <= 3 and 0 <= label.end_char - date.end_char <= 1:
                return date.value, True
    best = fallback = None
    for date in ctx.dates_in(span.sent):
        date_span = token_span(ctx.doc, date.start_char, date.end_char)
        if date_span is None or later_than(date.value, ctx.published):
            continue  # "is expected to decide in October": what is announced is already told
        before = text_of(ctx.doc)[max(span.sent.start_char, date.start_char - 12) : date.start_char]
        words = before.lower().split()
        opening = date.start_char - span.sent.start_char <= 4 or (
            words == ["on"] and date.start_char - span.sent.start_char <= 7
        )
        key = (
            GRANULARITY_ORDER[date.granularity],
            not opening,
            tree_gap(date_span.root, span.root),
        )
        duration = bool(words) and words[-1] in NOT_ANNOUNCEMENT_WORDS
        other_clause = _in_other_clause(date_span, span)
        if duration and other_clause:
            continue  # "in Darfur, where cases have risen since May": dates nothing given
        if duration or other_clause:
            if fallback is None or key < fallback[0]:
                fallback = (key, date.value)
        elif best is None or key < best[0]:
            best = (key, date.value)
    if best:
        return best[1], True
    earlier = _paragraph_announcement(ctx, span) or _event_date(ctx, span)
    if earlier:
        return earlier, False
    return (fallback[1], True) if fallback else (ctx.published, False)


def _event_date(ctx: ArticleContext, span: Span) -> str | None:
    """The day of the last meeting, conference or summit the text dates before the amount
    ("delegations met on Thursday", "the meeting, which took place on 15 October"): what a
    report of the event tells without a date of its own was announced there."""
    lex = lexicon(LEXICON)
    found = None
    for date in ctx.dates:
        if date.start_char >= span.sent.start_char:
            break
        if date.granularity != "day" or later_than(date.value, ctx.published):
            continue
        date_span = token_span(ctx.doc, date.start_char, date.end_char)
        if date_span is None:
            continue
        # "the meeting of the Contact Group, which took place on 15 October": an "of" phrase
        # names the event's members, no step away from it
        arcs = [a for a in date_span.root.ancestors if not (a.dep_ == "prep" and a.lower_ == "of")]
        if any("event" in lex.cues_at(t) for t in arcs[:_EVENT_ARCS]):
            found = date.value
    return found


def _paragraph_topic(ctx: ArticleContext, cand: AidCandidate) -> str | None:
    """ "Or Pakistan. The Fund approved a $7 billion Extended Fund Facility ...": a paragraph
    opening on a fragment that names one country is about that country."""
    paragraph = ctx.paragraph_of(cand.span.start_char)
    sent = cand.span.sent
    while sent.start > 0:
        before = ctx.doc[sent.start - 1].sent
        if ctx.paragraph_of(before.start_char) != paragraph:
            break
        sent = before
    if sent == cand.span.sent or len([t for t in sent if not t.is_punct]) > TOPIC_WORDS:
        return None
    if sent.text.rstrip()[-1:] not in (".", "?") or sent.text.isupper():
        return None  # a heading ("SWEDEN", "Netherlands") names the giver of a fact sheet
    places = [resolve_place(_ent_text(t)) for t in sent if t.ent_type_ == "GPE"]
    countries = {p.country for p in places if p is not None and p.type == "country"}
    code = countries.pop() if len(countries) == 1 else None
    return code if code != cand.donor else None


def _section_receiver(ctx: ArticleContext, cand: AidCandidate) -> str | None:
    """The country a labelled section line names: a newsletter's "■ MYANMAR: ..." item is
    about Myanmar ("China has pledged 1 billion yuan"), a release's "Kyrgyz Republic: Irrigation
    Project" part about the Kyrgyz Republic."""
    code = ctx.section_country(cand.span.start_char)
    return code if code != cand.donor else None


def _paragraph_announcement(ctx: ArticleContext, span: Span) -> str | None:
    """The date of the last announcement ("announced", "approved", "pledged" ...) made before
    the amount in its paragraph."""
    paragraph = ctx.paragraph_of(span.start_char)
    found = None
    for date in ctx.dates:
        if date.start_char >= span.sent.start_char:
            break
        if ctx.paragraph_of(date.start_char) != paragraph:
            continue
        date_span = token_span(ctx.doc, date.start_char, date.end_char)
        verbs = clause_verbs(date_span.root) if date_span is not None else []
        if verbs and verbs[0].lemma_ in ANNOUNCE_VERBS:
            found = date.value
    return found


def _in_other_clause(date_span: Span, amount: Span) -> bool:
    """The date sits in a relative clause about something else: one that neither holds the
    amount nor hangs off the amount's own noun phrase ("$350 million in weapons that the
    administration announced on Feb. 26" dates the amount)."""
    own_phrase = {t.i for t in amount_noun(amount).subtree}
    for anc in date_span.root.ancestors:
        if anc.dep_ not in ("relcl", "acl"):
            continue
        holds_amount = anc.left_edge.i <= amount.start <= anc.right_edge.i
        if not holds_amount and anc.head.i not in own_phrase and not _holds(anc.head, amount):
            return True
    return False


def _holds(noun: Token, amount: Span) -> bool:
    """`noun` is a law or package whose clause includes the amount ("The ... Act, signed by
    President Biden on April 24, 2024, included $3.5 billion"): its clauses date the amount."""
    ent = entity_of(noun)
    name = (ent.root if ent is not None else noun).lemma_.lower()
    return (
        noun.dep_ in SUBJECT_DEPS
        and noun.head in clause_verbs(amount.root)[:1]
        and name in (*BILL_NOUNS, *PACKAGE_NOUNS)
    )


GRANULARITY_ORDER = {"day": 0, "month": 1, "year": 2}
_EVENT_ARCS = 4  # "the meeting, which took place on 15 October": date -> on -> took -> meeting
ANNOUNCE_VERBS = (
    "announce",
    "approve",
    "unveil",
    "pledge",
    "sign",
    "adopt",
    "agree",
    "commit",
    "promise",
    "authorize",
    "authorise",
    "pass",
    "release",
    "offer",
    "grant",
    "decide",
    "allocate",
)
# words before a date that make it a period, deadline or starting point, not an announcement
NOT_ANNOUNCEMENT_WORDS = (
    "for",
    "until",
    "till",
    "by",
    "beginning",
    "starting",
    "through",
    "due",
    "from",
    "since",
    "before",
    "after",
    "between",
    "to",
    "over",
)


ITEM_TRIGGERS = ("including", "include", "includes", "included", "contain", "containing")


def items_of(span: Span, amounts: list[Amount]) -> list[str]:
    """Goods named as part of the package: the conjoined noun phrases after "including",
    "which includes" or "containing" that follow the amount (with no other amount between),
    and the bullet lines under a sentence that ends in a colon ("The package will provide:")."""
    out: list[str] = []
    starts = [a.start_char for a in amounts]
    for tok in span.sent:
        if tok.lower_ not in ITEM_TRIGGERS or tok.i < span.end:
            continue
        if any(span.end_char <= start < tok.idx for start in starts):
            continue
        for obj in (c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr")):
            for noun in (obj, *obj.conjuncts):
                phrase = _phrase(noun)
                if phrase and phrase not in out and not MONEY_SIGN.search(phrase):
                    out.append(phrase)
    return out + [item for item in _bullets_after(span) if item not in out]


def _phrase(noun: Token) -> str:
    """A conjunct's own words: its subtree without the conjuncts, "and" and commas after it."""
    skip = {t.i for c in noun.children if c.dep_ in ("conj", "cc", "punct") for t in c.subtree}
    words = [t for t in noun.subtree if t.i not in skip]
    text = " ".join(t.text for t in words)
    for glued in (" 's", " - ", " ,"):
        text = text.replace(glued, glued.strip() if glued != " - " else "-")
    text = text.strip(" ,;.")
    for article in ("a ", "an ", "the "):
        if text.lower().startswith(article):
            text = text[len(article) :]
    return text


def _bullets_after(span: Span) -> list[str]:
    """The bullet lines right after the amount's paragraph when a sentence near the amount
    announces a list ("... will provide:")."""
    doc = span.doc
    tail = doc[span.sent.end : min(len(doc), span.sent.end + 40)]
    intro = next((s for s in [span.sent, *tail.sents][:3] if s.text.rstrip().endswith(":")), None)
    if intro is None:
        return []
    items = []
    for line in text_of(doc)[intro.end_char :].split("\n"):
        line = line.strip()
        if not line:
            if items:
                break
            continue
        mark = LIST_ITEM.match(line)
        if not mark:
            break
        item = line[mark.end() :].rstrip(";.,").removesuffix(" and").removesuffix(";").strip()
        items.append(item.removeprefix("and ").strip())
    if any(MONEY_SIGN.search(i) for i in items):  # a list of packages, not of goods
        return []
    return [i for i in items if i]


MONEY_SIGN = re.compile(r"[$€£¥]|\b[A-Z]{3} \d")


def is_conversion(ctx: ArticleContext, amount: Amount, previous: Amount | None) -> bool:
    """The same package restated in another currency: "NOK 75 billion (approximately 7,2 bln
    USD)", "SDR 11.6 billion, or about $15.6 billion"."""
    if previous is None or previous.currency == amount.currency:
        return False
    between = text_of(ctx.doc)[previous.end_char : amount.start_char]
    return len(between) <= 30 and CONVERSION.match(between) is not None


def _conversions(ctx: ArticleContext) -> dict[int, Amount]:
    """Start offset of each conversion in the text -> the amount it converts."""
    pairs = zip(ctx.amounts[1:], ctx.amounts, strict=False)
    return {a.start_char: prev for a, prev in pairs if is_conversion(ctx, a, prev)}


def _restates_conversion(
    ctx: ArticleContext, cand: AidCandidate, conversions: dict[int, Amount]
) -> bool:
    """ "Sweden unveils $1.9 billion package" over "18.5 billion kronor ($1.9 billion)": the
    figure of a conversion stated elsewhere is that package again, in another currency."""
    figure = (cand.amount.currency, cand.amount.amount)
    source = next(
        (
            conversions[a.start_char]
            for a in reversed(ctx.amounts)  # the last conversion of that figure
            if a.start_char in conversions and (a.currency, a.amount) == figure
        ),
        None,
    )
    if source is None:
        return False
    span = token_span(ctx.doc, source.start_char, source.end_char)
    donor = parties(ctx, span)[0] if span is not None else None
    return None in (donor, cand.donor) or donor == cand.donor


def extract_aid(ctx: ArticleContext) -> list[dict]:
    """One row per distinct aid amount of the article (the same donor, recipient, amount and
    currency in headline, body and caption is one row: the first).

    Who gives when the clause does not say: the last donor stated in the same paragraph, else
    the one its section heading names, else the actor the paragraph has most often as subject,
    else the article's main donor.
    """
    lex = lexicon(LEXICON)
    candidates: list[AidCandidate] = []
    asked: list[tuple[int, str | None]] = []  # receivers of money asked for, by sentence
    conversions = _conversions(ctx)
    for amount in ctx.amounts:
        if amount.start_char in ctx.furniture or amount.start_char in conversions:
            continue
        span = token_span(ctx.doc, amount.start_char, amount.end_char)
        if span is None:
            continue
        rivals = [
            token_span(ctx.doc, other.start_char, other.end_char)
            for other in ctx.amounts
            if other is not amount and span.sent.start_char <= other.start_char < span.sent.end_char
        ]
        rivals = [r for r in rivals if r is not None]
        rivals += _containers(span)  # "the spending bill ... includes $300 million in FMF"
        cues = nearest_cues(span, lex, rivals=rivals)
        context = context_cues(span)
        verdict = _own_noun_verdict(span, lex)  # "$11.1 billion in arms sales"
        carried = not cues and not context and verdict is None
        if carried:  # "Donors pledged €2bn. The EU put up €355m, Germany €244m ..."
            context = _previous_sentence_cues(ctx, span)
        part = _part_of_previous(ctx, span, candidates)
        if verdict is None and part:
            verdict = True  # "Of that sum, $150 million is ...": a part of the aid before
        judged = _item_context(span) or context  # a list item is judged by its intro
        if not (is_aid(cues, judged) if verdict is None else verdict) or _in_budget(span, lex):
            continue
        cand = AidCandidate(amount, span, cues, context, *parties(ctx, span), rivals, part)
        own = cand.recipient is None and _own_spending(span, cand.donor)
        if own or _estimate(span) or not_aid(span):
            continue
        if _restates_conversion(ctx, cand, conversions):
            continue
        if _asked_for(span):  # no aid, but it says whom the article's money is for
            asked.append((span.sent.start, parties(ctx, span)[1]))
            continue
        if carried and cand.donor is None:
            continue  # a sentence saying nothing of its amount holds aid only from a giver
        if SEVERAL in (cand.donor, cand.recipient):
            continue
        candidates.append(cand)
        for code in _each_givers(ctx, span, cand.donor):  # "Estonia and Latvia ... €5m each"
            candidates.append(
                AidCandidate(amount, span, cues, context, code, cand.recipient, rivals)
            )
    # a sentence naming its receiver (or giver) for several amounts names it once: "€200m for
    # Syria, €120m of it in humanitarian aid and €80m to rebuild schools in Aleppo"
    receivers = dict.fromkeys([*((c.span.sent.start, c.recipient) for c in candidates), *asked])
    told = Counter(code for _, code in receivers if code)
    givers = Counter(
        code
        for _, code in dict.fromkeys(
            (c.span.sent.start, c.donor) for c in candidates if "aid" in c.cues
        )
    )
    # a country the article has giving as often as receiving is no story's receiver
    ranked = [(n, code) for code, n in told.most_common() if n > givers[code]]
    tied = [code for n, code in ranked if n == ranked[0][0]] if ranked else []
    # a tie goes to the one the headline names ("India sends 442 tonnes of food to Myanmar")
    headline = _headline_codes(ctx) if len(tied) > 1 else set()
    headlined = [code for code in tied if code in headline]
    main_recipient = (headlined[0] if len(headlined) == 1 else None) or (
        tied[0] if tied else ctx.main_recipient()
    )
    main_donor = _most_common(c.donor for c in candidates if c.donor != main_recipient)
    rows: dict[tuple, dict] = {}
    # paragraph -> the last donor, recipient and announcement date stated in it
    last_donor: dict[int, str] = {}
    last_recipient: dict[int, str] = {}
    last_date: dict[int, str] = {}
    last_when: str | None = None  # the date of the last package, any paragraph
    whole: tuple[str | None, str | None] = (None, None)  # parties of the last package
    for cand in candidates:
        paragraph = ctx.paragraph_of(cand.span.start_char)
        recipient = (
            cand.recipient
            or (whole[1] if cand.part else None)
            or _purpose_country(cand.span, cand.donor)
            or last_recipient.get(paragraph)
            or _paragraph_topic(ctx, cand)
            or _section_receiver(ctx, cand)
            or main_recipient
        )
        if cand.recipient:
            last_recipient[paragraph] = cand.recipient
        label = line_label(ctx, cand.span)
        donor = (
            cand.donor
            or (whole[0] if cand.part else None)
            or (_label_giver(ctx, label) if label is not None and not _parts(cand) else None)
            or last_donor.get(paragraph)
            or ctx.section_actor(cand.span.start_char)
            or ctx.paragraph_subject(paragraph, exclude=recipient)
            or _giver_above_list(ctx, cand.span, paragraph, recipient)
            or main_donor
            or ctx.main_country(exclude=recipient)
        )
        if cand.donor:
            last_donor[paragraph] = cand.donor
        last_donor.setdefault(paragraph, donor)  # the paragraph's next amounts share it
        whole = (donor, recipient)
        if not donor or not recipient or donor == recipient:
            continue
        if cand.recipient is None and _serves_donor(ctx, cand.span, donor):
            continue
        amount = cand.amount
        currency = receiver_franc(donor_dollar(amount, donor), recipient)
        cumulative = is_cumulative(ctx, cand.span, cand.cues)
        when, stated = announced(ctx, cand.span, cumulative, label)
        if not stated and not cumulative and paragraph in last_date:
            when = last_date[paragraph]  # a part takes its package's date
        elif not stated and not cumulative and last_when and (cand.part or _refers_back(cand)):
            when = last_when  # "The package includes ...", paragraphs on: the package's date
        elif stated:
            last_date[paragraph] = when
        if not cumulative:
            last_when = when
        key = (donor, recipient, currency, round(amount.amount, 2))
        # the same amount on two stated dates is two packages ("Feb 28: €500m", "Apr 13: €500m")
        row_year = past_year_row(ctx, cand.span)  # "| 2022 | £2.3bn |", "| 2023 | £2.3bn |"
        dated_key = (*key, when if stated else row_year)
        kind, strength = kind_of(cand.span, cand.context, cand.rivals)
        if donor in LENDERS and kind != "military":
            kind = "financial"  # what a development bank or the IMF gives is finance
        same = [k for k in rows if k == dated_key or (not stated and not row_year and k[:4] == key)]
        if same:  # a restatement (headline, summary): it may say better what the package is
            items = items_of(cand.span, ctx.amounts)
            _merge_mention(rows[same[0]], kind, strength, items, cumulative)
            continue
        # a dated mention replaces an undated one of the same amount (a headline)
        replaced = rows.pop((*key, None), None) if stated else None
        confidence = 0.5 + 0.2 * (cand.donor is not None) + 0.2 * (cand.recipient is not None)
        confidence += 0.1 * (cand.cues.get("aid", 9) <= 2)
        rows[dated_key] = {
            "donor": donor,
            "recipient": recipient,
            "amount": amount.amount,
            "currency": currency,
            "amount_usd": to_usd(amount.amount, currency, when),
            "qualifier": amount.qualifier,
            "kind": kind,
            "_kind_strength": strength,
            "_stated": stated,
            "cumulative": cumulative,
            "announced": when,
            "items": items_of(cand.span, ctx.amounts),
            "evidence": cand.span.sent.text.strip(),
            "start_char": amount.start_char,
            "end_char": amount.end_char,
            "confidence": round(min(confidence, 1.0), 2),
        }
        if replaced:
            _merge_mention(rows[dated_key], replaced["kind"], replaced["_kind_strength"], [])
    return [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows.values()]


def _headline_codes(ctx: ArticleContext) -> set[str]:
    """The actors the article's first paragraph (its headline) names."""
    first = takewhile(lambda t: ctx.paragraph_of(t.idx) == 0, ctx.doc)
    return {code for t in first if (code := ctx.actors.of_token(t))}


def _refers_back(cand: AidCandidate) -> bool:
    """The amount's clause tells more of the package told last: its subject is a pronoun
    ("It also provides $4.6 billion") or the package itself ("The package includes ...")."""
    verbs = clause_verbs(amount_noun(cand.span))
    if not verbs:
        return False
    for subj in verbs[0].children:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "she", "he"):
            return True
        definite = any(c.lower_ in ("the", "this", "that") for c in subj.children)
        if definite and subj.lemma_.lower() in (*PACKAGE_NOUNS, *BILL_NOUNS, "legislation"):
            return True
    return False


def _merge_mention(
    row: dict, kind: str, strength: int, items: list[str], cumulative: bool = False
) -> None:
    """Fold a later mention of a package into its row: a kind read nearer the amount, items
    where the row has none, and a running total where it says so ("Germany: €28bn" in a list,
    "Berlin has committed about €28bn since 2022" in the text)."""
    if strength > row["_kind_strength"]:
        row["kind"], row["_kind_strength"] = kind, strength
    if not row["items"]:
        row["items"] = items
    if cumulative and not row["cumulative"] and not row["_stated"]:
        row["cumulative"], row["announced"] = True, None  # not a dated announcement restated


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
