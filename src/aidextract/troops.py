"""Troop deployments: counts of forces sent abroad or massed, whose, where and when.

A count is a deployment when the noun it counts is a force ("troops", "soldiers", "a
2,000-strong team") or a verb of sending or massing governs it, and no casualty, prisoner or
home-army word stands nearer (models/troop_cues.tsv). Origin comes from the force's own
modifiers ("North Korean troops", "500 of them German"), else the subject of the sending
verb; destination and location from "to / into / in / at X" resolved with the gazetteer.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from .context import ArticleContext
from .cues import lexicon, nearest_cues, token_span
from .geo import resolve_place
from .money import Count

LEXICON = "troop_cues.tsv"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
PLACE_PREPS = ("to", "into", "in", "at", "inside", "across", "on")
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "appos", "attr", "advmod")


def is_deployment(cues: dict[str, int]) -> bool:
    troops = cues.get("troops", 99)
    deploy = cues.get("deploy", 99)
    against = cues.get("not_troops", 99)
    if against <= 2 or against < min(troops, deploy):
        return False
    return troops <= 2 or (deploy <= 2 and troops <= 5)


def _force_noun(span: Span) -> Token:
    """The noun a count counts: "10,000 troops" -> troops; else the count itself."""
    root = span.root
    return root.head if root.dep_ in ("nummod", "compound", "quantmod", "npadvmod") else root


def find_origin(ctx: ArticleContext, span: Span) -> str | None:
    noun = _force_noun(span)
    for tok in (noun, *noun.children, *span):
        if tok.dep_ in MODIFIER_DEPS or tok is noun or tok in span:
            for sub in [tok] if tok is noun or tok in span else list(tok.subtree):
                code = ctx.actors.of_token(sub)
                if code and (sub.ent_type_ in ("NORP", "GPE", "ORG") or sub.pos_ == "ADJ"):
                    return code
    # "500 of them German": the adjective hangs off the count
    for child in span.root.children:
        if child.pos_ in ("ADJ", "PROPN"):
            code = ctx.actors.of_token(child)
            if code:
                return code
    for anc in noun.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        for child in anc.children:
            if child.dep_ in SUBJECT_DEPS or child.dep_ == "agent":
                code = ctx.actors.first_in(child.subtree)
                if code:
                    return code
    return None


def find_place(ctx: ArticleContext, span: Span) -> tuple[str | None, str | None]:
    """(destination country, sub-national location) from the place phrases nearest the count."""
    noun = _force_noun(span)
    scopes = [noun, *[a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")][:2]]
    for scope in scopes:
        for prep in scope.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            place = _place_in(ctx, prep)
            if place:
                return place
    return None, None


def _place_in(ctx: ArticleContext, prep: Token) -> tuple[str | None, str | None] | None:
    for ent in ctx.doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or not (prep.i < ent.start <= prep.right_edge.i):
            continue
        place = resolve_place(ent.text)
        if place is None:
            continue
        if place.type == "country":
            return place.country, None
        if place.type in ("admin1", "city") or (place.type == "other" and place.country):
            return place.country, place.name
        return None, None
    return None


def reported(ctx: ArticleContext, span: Span) -> str | None:
    best = None
    for date in ctx.dates_in(span.sent):
        gap = min(abs(date.start_char - span.end_char), abs(span.start_char - date.end_char))
        if best is None or gap < best[0]:
            best = (gap, date.value)
    return best[1] if best else ctx.published


def extract_troops(ctx: ArticleContext) -> list[dict]:
    lex = lexicon(LEXICON)
    found: list[tuple[Count, Span, str | None, dict[str, int]]] = []
    for count in ctx.counts:
        if count.start_char in ctx.furniture:
            continue
        span = token_span(ctx.doc, count.start_char, count.end_char)
        if span is None:
            continue
        cues = nearest_cues(span, lex, max_dist=5)
        if is_deployment(cues):
            found.append((count, span, find_origin(ctx, span), cues))
    main_origin = Counter(o for _, _, o, _ in found if o).most_common(1)
    rows: dict[tuple, dict] = {}
    for count, span, origin, cues in found:
        origin = origin or (main_origin[0][0] if main_origin else None)
        if not origin:
            continue
        destination, location = find_place(ctx, span)
        when = reported(ctx, span)
        key = (origin, count.value, when)
        if key in rows:
            continue
        confidence = 0.6 + 0.2 * (cues.get("troops", 9) <= 1) + 0.1 * (destination is not None)
        rows[key] = {
            "origin": origin,
            "count": count.value,
            "qualifier": count.qualifier,
            "destination": destination,
            "location": location,
            "reported": when,
            "evidence": span.sent.text.strip(),
            "start_char": count.start_char,
            "end_char": count.end_char,
            "confidence": round(min(confidence, 1.0), 2),
        }
    return list(rows.values())
