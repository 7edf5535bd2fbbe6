"""Money a clause shows is no aid given, whatever aid words stand near it: the outcome of a
condition, money a clause denies was given.

Each test reads the dependency parse of the amount's own clause; `not_aid` is their union.
"""

from __future__ import annotations

from spacy.tokens import Span

from .amount_parse import amount_noun, clause_verbs
from .context import GIVE_VERBS

UNREAL_AUX = ("would", "could", "might")  # the outcome of a condition ("would be €11bn")


def not_aid(span: Span) -> bool:
    """The amount at `span` is no aid given, as its clause says."""
    return _unreal(span) or _denied(span)


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
