"""Where an amount stands in its sentence: the noun it sizes, the verbs above it, the words
naming what a law or a portion is for, and the label opening its line. Shared by the aid rules
and the running-total rules."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .context import ArticleContext
from .cues import token_span
from .nlp import entity_of, text_of

LEXICON = "aid_cues.tsv"  # the cue words of money amounts (aid, kinds, running totals)
BILL_NOUNS = ("bill", "supplemental", "appropriation", "act", "law")
PORTION_NOUNS = ("portion", "part", "share", "component", "section", "chunk", "slice")
LABEL_MARK = re.compile(r":|\s[–—|-]\s|\t")  # ends a line's label
LABEL_WORDS = 8  # tokens of a line label before its colon ("Republic of Korea:", "23 September:")
PACKAGE_NOUNS = (
    "loan",
    "package",
    "tranche",
    "drawdown",
    "grant",
    "programme",
    "program",
    "pledge",
    "instalment",
    "installment",
    "deal",
    "operation",
    "arrangement",
    "facility",
    "credit",
)
FRESH_WORDS = ("new", "fresh", "additional", "further", "extra", "latest")  # one more package
# verbs whose "to <amount>" states a new running total ("taking aid for the year to £3bn")
TOTAL_VERBS = ("bring", "take", "lift", "push", "boost", "rise", "climb", "grow", "increase")


def amount_noun(span: Span) -> Token:
    """The noun an amount modifies ("a $1 billion drawdown" -> drawdown), else its root."""
    root = span.root
    return root.head if root.dep_ in ("nummod", "compound", "quantmod", "nmod") else root


def clause_verbs(token: Token) -> list[Token]:
    """The verbs above `token`, nearest first (its clause, then the clauses governing it),
    after a participle on it ("20 million euros, provided as a grant by the Ministry")."""
    own = [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return own + [anc for anc in (token, *token.ancestors) if anc.pos_ in ("VERB", "AUX")]


def names_for(tok: Token) -> bool:
    """`tok` names what a bill or a portion is for: "the Israel bill", "the Ukraine portion",
    any word of a law's name ("The Israel Security Supplemental Appropriations Act")."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in (*PORTION_NOUNS, *BILL_NOUNS):
        return True
    ent = entity_of(tok)
    return ent is not None and ent.root.lemma_.lower() in BILL_NOUNS


def line_label(ctx: ArticleContext, span: Span) -> Span | None:
    """The label opening the amount's line ("IMF: $2.2bn disbursed", "23 September: Norway
    announced ...", "• Germany – US$ 7.9 million", "Norway | NOK 85bn | ..."): up to
    LABEL_WORDS words before a colon, dash or table bar, which fact sheets, tables and
    timelines use for the donor or the date of the line."""
    text = text_of(ctx.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    mark = LABEL_MARK.search(text, start, span.start_char)
    if mark is None:
        return None
    label = token_span(ctx.doc, start, mark.start())
    if label is None or not 0 < len(label) <= LABEL_WORDS or label.end > span.start:
        return None
    return label
