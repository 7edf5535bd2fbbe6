"""Aid packages: which money amounts are aid, from whom, to whom, of what kind, and when.

Every decision reads the dependency parse around the amount: the nearest cue words (models/
aid_cues.tsv) say whether it is aid and of what kind; the subjects of the verbs above it say
who gives; "for / to X" and indirect objects say who receives. What a sentence leaves open
is taken from the article: its main donor and recipient.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .context import ArticleContext
from .cues import lexicon, nearest_cues, token_span
from .fx import to_usd
from .money import Amount

LEXICON = "aid_cues.tsv"
KIND_CUES = ("military", "financial", "humanitarian")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RECIPIENT_PREPS = ("for", "to", "into")
# verbs whose "to <amount>" states a new running total ("taking aid for the year to £3bn")
TOTAL_VERBS = ("bring", "take", "lift", "push", "boost")


@dataclass
class AidCandidate:
    amount: Amount
    span: Span
    cues: dict[str, int]
    donor: str | None
    recipient: str | None
    donor_sure: bool
    recipient_sure: bool


def _clause_verbs(token: Token) -> list[Token]:
    """The verbs above `token`, nearest first (its clause, then the clauses governing it)."""
    verbs = []
    for anc in [token, *token.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and anc not in verbs:
            verbs.append(anc)
    return verbs


def _subject_actor(ctx: ArticleContext, verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            code = ctx.actors.first_in(child.subtree)
            if code:
                return code
        if child.dep_ == "agent":  # passive: "approved by the Bundestag"
            code = ctx.actors.first_in(child.subtree)
            if code:
                return code
    return None


def find_donor(ctx: ArticleContext, span: Span) -> str | None:
    """The subject of the nearest verb above the amount that names an actor; else a
    possessive or adjective on the amount's own noun ("Britain's share", "U.S. assistance")."""
    head = span.root
    for verb in _clause_verbs(head):
        code = _subject_actor(ctx, verb)
        if code:
            return code
    noun = head.head if head.dep_ in ("nummod", "compound", "quantmod", "nmod") else head
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            code = ctx.actors.first_in(child.subtree)
            if code:
                return code
    return None


def find_recipient(ctx: ArticleContext, span: Span, donor: str | None) -> str | None:
    """ "for / to X", an indirect object ("give Ukraine $5.5bn", "offered Kyiv a loan"), or a
    possessive on the amount's noun, nearest the amount in the tree."""
    best: tuple[int, str] | None = None
    sent = span.sent
    for tok in sent:
        code = None
        if tok.dep_ == "pobj" and tok.head.lower_ in RECIPIENT_PREPS:
            code = ctx.actors.first_in([tok, *tok.subtree])
        elif tok.dep_ in ("dative", "iobj"):
            code = ctx.actors.first_in(tok.subtree)
        if not code or code == donor:
            continue
        dist = _tree_gap(span.root, tok)
        if best is None or dist < best[0]:
            best = (dist, code)
    return best[1] if best else None


def _tree_gap(a: Token, b: Token) -> int:
    """Arcs between two tokens of one sentence (through their lowest common ancestor)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    for i, tok in enumerate(up_a):
        if tok in up_b:
            return i + up_b.index(tok)
    return len(up_a) + len(up_b)


def is_aid(cues: dict[str, int], context_cues: set[str]) -> bool:
    """Aid when an aid cue stands nearer the amount than any not-aid cue (ties: not aid).

    With no cue in reach of the amount (a misparse, or a terse list line "Feb 28: €500m"),
    the words of its context decide: an aid word and no not-aid word.
    """
    if "aid" in cues or "not_aid" in cues:
        return cues.get("aid", 99) < cues.get("not_aid", 99)
    return "aid" in context_cues and "not_aid" not in context_cues


def context_cues(span: Span) -> set[str]:
    """Cues of the amount's sentence; a short line (a list item) adds the sentence before it."""
    lex = lexicon(LEXICON)
    sent = span.sent
    tokens = list(sent)
    if len(tokens) < 15 and sent.start > 0:
        tokens += list(span.doc[sent.start - 1].sent)
    return {c for t in tokens if not (span.start <= t.i < span.end) for c in lex.cues_at(t)}


def kind_of(cues: dict[str, int], sentence_cues: set[str]) -> str:
    """military / financial / humanitarian from the nearest kind words; several -> mixed."""
    near = {k for k in KIND_CUES if cues.get(k, 99) <= 3}
    kinds = near or {k for k in KIND_CUES if k in sentence_cues}
    if not kinds:
        return "unspecified"
    return kinds.pop() if len(kinds) == 1 else "mixed"


def is_cumulative(ctx: ArticleContext, span: Span, cues: dict[str, int]) -> bool:
    """A running total: "in total", "since February 2022", "bringing the total to", "taking
    aid for the year to £3bn", or a past year's sum ("£2.3bn ... in 2022")."""
    if cues.get("cumulative", 99) <= 4:
        return True
    head = span.root
    if head.head.lower_ == "to" and head.head.head.lemma_ in TOTAL_VERBS:
        return True
    for verb in _clause_verbs(head)[:2]:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "since":
                return True
            if child.dep_ == "prep" and child.lower_ in ("over", "during", "in"):
                words = {t.lower_ for t in child.subtree}
                if words & {"past", "last"} and not words & {"day", "days"}:
                    return True
    year = _past_year_of_clause(ctx, span)
    return year is not None


def _past_year_of_clause(ctx: ArticleContext, span: Span) -> str | None:
    """A bare year before the article's year attached to the amount's verb ("in 2022")."""
    if not ctx.published:
        return None
    verbs = _clause_verbs(span.root)[:1]
    if not verbs:
        return None
    verb = verbs[0]
    for date in ctx.dates_in(span.sent):
        if date.granularity != "year" or date.value >= ctx.published[:4]:
            continue
        date_span = token_span(ctx.doc, date.start_char, date.end_char)
        if date_span is not None and verb in date_span.root.ancestors:
            return date.value
    return None


def announced(ctx: ArticleContext, span: Span, cumulative: bool) -> str | None:
    """The date in the amount's sentence nearest the amount; else the article's date."""
    if cumulative:
        return None
    best = None
    for date in ctx.dates_in(span.sent):
        if date.text.lower().startswith("since"):
            continue
        gap = min(abs(date.start_char - span.end_char), abs(span.start_char - date.end_char))
        if best is None or gap < best[0]:
            best = (gap, date.value)
    return best[1] if best else ctx.published


ITEM_TRIGGERS = ("including", "include", "includes", "included", "contain", "containing")


def items_of(span: Span) -> list[str]:
    """Goods named as part of the package: the conjoined noun phrases after "including",
    "which includes" or "containing" that follow the amount in its sentence."""
    out: list[str] = []
    for tok in span.sent:
        if tok.lower_ not in ITEM_TRIGGERS or tok.i < span.end:
            continue
        for obj in (c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr")):
            for noun in (obj, *obj.conjuncts):
                phrase = _phrase(noun)
                if phrase and phrase not in out:
                    out.append(phrase)
    return out


def _phrase(noun: Token) -> str:
    """A conjunct's own words: its subtree without the conjuncts, "and" and commas after it."""
    skip = {t.i for c in noun.children if c.dep_ in ("conj", "cc", "punct") for t in c.subtree}
    words = [t for t in noun.subtree if t.i not in skip]
    text = "".join(t.text_with_ws for t in words).strip(" ,;.")
    for article in ("a ", "an ", "the "):
        if text.lower().startswith(article):
            text = text[len(article) :]
    return text


def extract_aid(ctx: ArticleContext) -> list[dict]:
    """One row per distinct aid amount of the article (same donor, recipient, amount and
    currency in headline, body and caption is one row: the first with the most detail)."""
    lex = lexicon(LEXICON)
    candidates: list[AidCandidate] = []
    for amount in ctx.amounts:
        if amount.start_char in ctx.furniture:
            continue
        span = token_span(ctx.doc, amount.start_char, amount.end_char)
        if span is None:
            continue
        cues = nearest_cues(span, lex)
        if not is_aid(cues, context_cues(span)):
            continue
        donor = find_donor(ctx, span)
        recipient = find_recipient(ctx, span, donor)
        candidates.append(
            AidCandidate(
                amount, span, cues, donor, recipient, donor is not None, recipient is not None
            )
        )
    main_donor = _most_common(c.donor for c in candidates)
    main_recipient = _most_common(c.recipient for c in candidates) or ctx.main_country(
        exclude=main_donor
    )
    rows: dict[tuple, dict] = {}
    for cand in candidates:
        donor = cand.donor or main_donor or ctx.main_country(exclude=main_recipient)
        recipient = cand.recipient or main_recipient
        if not donor or not recipient or donor == recipient:
            continue
        amount = cand.amount
        key = (donor, recipient, amount.currency, round(amount.amount, 2))
        if key in rows:
            continue
        cumulative = is_cumulative(ctx, cand.span, cand.cues)
        sentence_cues = {c for t in cand.span.sent for c in lexicon(LEXICON).cues_at(t)}
        confidence = 0.5 + 0.2 * cand.donor_sure + 0.2 * cand.recipient_sure
        confidence += 0.1 * (cand.cues.get("aid", 9) <= 2)
        rows[key] = {
            "donor": donor,
            "recipient": recipient,
            "amount": amount.amount,
            "currency": amount.currency,
            "amount_usd": None,
            "qualifier": amount.qualifier,
            "kind": kind_of(cand.cues, sentence_cues),
            "cumulative": cumulative,
            "announced": announced(ctx, cand.span, cumulative),
            "items": items_of(cand.span),
            "evidence": cand.span.sent.text.strip(),
            "start_char": amount.start_char,
            "end_char": amount.end_char,
            "confidence": round(min(confidence, 1.0), 2),
        }
    for row in rows.values():
        row["amount_usd"] = to_usd(row["amount"], row["currency"], row["announced"])
    return list(rows.values())


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
