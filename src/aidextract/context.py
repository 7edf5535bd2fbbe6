"""What the fact extractors share about one parsed article."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .actors import Actors
from .dates import DateMention
from .furniture import Furniture
from .money import Amount, Count
from .people import Person


@dataclass
class ArticleContext:
    doc: Doc
    published: str | None
    dates: list[DateMention]
    amounts: list[Amount]
    counts: list[Count]
    people: list[Person]
    actors: Actors
    furniture: Furniture
    _country_counts: Counter = field(default_factory=Counter)

    def dates_in(self, sent: Span) -> list[DateMention]:
        return [d for d in self.dates if sent.start_char <= d.start_char < sent.end_char]

    def main_country(self, exclude: str | None = None) -> str | None:
        """The country the article names most often (GPE mentions), other than `exclude`."""
        if not self._country_counts:
            for ent in self.doc.ents:
                if ent.label_ in ("GPE", "NORP") and ent.start_char not in self.furniture:
                    code = self.actors.of_token(ent.root)
                    if code:
                        self._country_counts[code] += 1
        for code, _ in self._country_counts.most_common():
            if code != exclude:
                return code
        return None
