"""Who a phrase stands for: a country or international body code, from names, demonyms,
capitals standing for governments, and people whose country the article gives."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .geo import actor_code

ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")


class Actors:
    """Resolves tokens of one doc to actor codes; people resolve through their country."""

    def __init__(self, doc: Doc, person_country: dict[int, str]):
        self.doc = doc
        self.person_country = person_country  # token index of a person mention -> code
        self._ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS:
                for t in ent:
                    self._ent_of[t.i] = ent

    def of_token(self, token: Token) -> str | None:
        """Code of the entity (or the bare word) at `token`."""
        if token.i in self.person_country:
            return self.person_country[token.i]
        ent = self._ent_of.get(token.i)
        if ent is not None:
            if ent.label_ == "PERSON":
                return None
            return actor_code(ent.text, capitals=True)
        if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isupper():
            return actor_code(token.text, capitals=True)
        return None

    def first_in(self, tokens: Iterable[Token]) -> str | None:
        """The first actor among `tokens` (in order)."""
        for tok in tokens:
            code = self.of_token(tok)
            if code:
                return code
        return None

    def all_in(self, tokens: Iterable[Token]) -> list[tuple[int, str]]:
        """(token index, code) of every actor among `tokens`, one per entity."""
        out, seen = [], set()
        for tok in tokens:
            ent = self._ent_of.get(tok.i)
            key = (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)
            if key in seen:
                continue
            code = self.of_token(tok)
            if code:
                seen.add(key)
                out.append((tok.i, code))
        return out
