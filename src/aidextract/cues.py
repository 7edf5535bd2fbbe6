"""Cue lexicons and their distance to a phrase in the dependency tree.

A money amount or a head count is classified by the nearest cue words in the parse (an
amount's own noun, the verb it is the object of, the prepositions hanging off them), not by
a flat window of words: "a $1.5 trillion spending bill that includes $13.6B in aid" gives
each amount its own nearest cue.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Span, Token

from .resources import read_tsv


class Lexicon:
    """lemma (or multiword "lemma lemma") -> set of cue names, from a TSV under models/."""

    def __init__(self, name: str):
        self.words: dict[str, set[str]] = {}
        # each word of a multiword entry -> (the entry's words, the word's place, its cues)
        self.phrases: dict[str, list[tuple[tuple[str, ...], int, set[str]]]] = {}
        entries: dict[tuple[str, ...], set[str]] = {}
        for row in read_tsv(name, required=("lemma", "cue")):
            parts = tuple(row["lemma"].lower().split())
            if len(parts) == 1:
                self.words.setdefault(parts[0], set()).add(row["cue"])
            else:
                entries.setdefault(parts, set()).add(row["cue"])
        for parts, cues in entries.items():
            for offset, word in enumerate(parts):
                self.phrases.setdefault(word, []).append((parts, offset, cues))

    def cues_at(self, token: Token) -> set[str]:
        """Cues of `token`; a multiword entry covering the token wins over its own word."""
        doc, key = token.doc, _key(token)
        for parts, offset, cues in self.phrases.get(key, ()):
            start = token.i - offset
            end = start + len(parts)
            if start >= 0 and end <= len(doc) and tuple(map(_key, doc[start:end])) == parts:
                return cues
        return self.words.get(key, set()) | self.words.get(token.lower_, set())


def _key(token: Token) -> str:
    return token.lemma_.lower()


@cache
def lexicon(name: str) -> Lexicon:
    return Lexicon(name)


def tree_distances(span: Span, max_dist: int) -> dict[int, int]:
    """Distance in dependency arcs from `span` to every token of its sentence within reach."""
    sent = span.sent
    dist = {t.i: 0 for t in span}
    queue = deque(span)
    while queue:
        tok = queue.popleft()
        d = dist[tok.i]
        if d >= max_dist:
            continue
        for nxt in (tok.head, *tok.children):
            if sent.start <= nxt.i < sent.end and nxt.i not in dist:
                dist[nxt.i] = d + 1
                queue.append(nxt)
    return dist


def tree_gap(a: Token, b: Token) -> int:
    """Arcs between two tokens of one sentence, through their lowest common ancestor."""
    up_a = {t.i: d for d, t in enumerate([a, *a.ancestors])}
    for d, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return d + up_a[t.i]
    return 99  # not in one tree


def nearest_cues(
    span: Span, lex: Lexicon, max_dist: int = 4, rivals: Iterable[Span] = ()
) -> dict[str, int]:
    """cue name -> the smallest tree distance at which a word with that cue stands.

    A word nearer to one of `rivals` (the other amounts of the sentence) belongs to that one:
    in "a $1.5 trillion spending bill that includes $13.6B in aid", "bill" is the first
    amount's word and "aid" the second's.
    """
    found: dict[str, int] = {}
    doc = span.doc
    rival_dists = [tree_distances(r, max_dist) for r in rivals if r.sent == span.sent]
    for i, d in tree_distances(span, max_dist).items():
        if span.start <= i < span.end and not doc[i].is_alpha:
            continue
        if any(r.get(i, 99) < d for r in rival_dists):
            continue
        for cue in lex.cues_at(doc[i]):
            if d < found.get(cue, max_dist + 1):
                found[cue] = d
    return found


def token_span(doc: Doc, start_char: int, end_char: int) -> Span | None:
    """The tokens covering a character range (expanded to token boundaries)."""
    return doc.char_span(start_char, end_char, alignment_mode="expand")
