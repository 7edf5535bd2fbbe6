"""What the fact extractors share about one parsed article."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .actors import Actors, is_dateline
from .cues import lexicon
from .dates import DateMention
from .furniture import Furniture
from .geo import actor_code, is_demonym, resolve_place
from .money import Amount, Count
from .nlp import text_of
from .people import Person
from .places import PlaceMention
from .schema import ORG_CODES


def _is_heading(line: str) -> bool:
    """A short line in capitals, or a short line ending with a colon."""
    words = line.split()
    if not words or len(words) > 6:
        return False
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or line.endswith(":"))


# a section line standing alone: a short label, a colon, a headline ("■ GAZA: the EU's €1.6bn",
# "Kyrgyz Republic: Climate-Resilient Irrigation Modernization Project")
_LABELLED_HEADING = re.compile(r"^\W*(?P<label>[A-Z][\w .'’&-]{0,40}[\w.])\s*:\s+\S.{0,100}$")
_LABEL_WORDS = 5
# any label: the model reads some country names as works or products ("landed in Niger")
_ANY_NAME = ("GPE", "LOC", "NORP", "ORG", "FAC", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT")
_DATELINE_SENTENCES = 30  # a dateline opens the body, after at most this much furniture


def _heading_names(line: str, alone: bool) -> tuple[str, list[str]]:
    """What a line heads ("giver": a fact sheet's "GERMANY", "Poland:"; "topic": a labelled
    headline standing `alone` between blank lines, "■ MYANMAR: three weeks after the quake";
    "" for no heading) and its texts that may name an actor, most specific first."""
    line = line.strip()
    labelled = _LABELLED_HEADING.match(line) if alone else None
    rest = line[labelled.end("label") :].strip(" :") if labelled else ""
    short = labelled is not None and len(labelled["label"].split()) <= _LABEL_WORDS
    if short and not line.endswith(".") and len(rest.split()) >= 3:
        return "topic", [labelled["label"], *rest.split(":")]
    if alone and _is_country_name(line):  # a report's section "Israel" ... "Egypt"
        return "topic", [line]
    if _is_heading(line):
        stripped = line.strip(":").lstrip("0123456789.)( ").strip()
        return "giver", [stripped, *(part.strip() for part in stripped.split(":")[1:])]
    return "", []


def _is_country_name(line: str) -> bool:
    """A line that is only a country's name as the gazetteer writes it ("Israel", "South
    Sudan"; not a demonym standing as a kicker, "Japanese")."""
    line = line.strip()
    if not 0 < len(line.split()) <= _LABEL_WORDS:
        return False
    place = resolve_place(line)
    return place is not None and place.type == "country" and place.name == line


# verbs whose direct object may be the receiver when the parse reads two objects
# ("lend Ukraine up to C$500 million")
GIVE_VERBS = ("give", "lend", "offer", "send", "grant", "provide", "pledge", "promise", "hand")
LOCATIVE_PREPS = ("in", "at", "to", "from", "near", "into", "across", "outside")
COUNTRY_LABELS = ("GPE", "ORG", "PERSON")  # labels the NER gives a country's name


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
    places: list[PlaceMention] = field(default_factory=list)
    _subjects: list[tuple[int, str]] | None = None
    _mentions: dict = field(default_factory=dict)
    _sections: list[tuple[int, str, str | None]] | None = None
    _paragraph_starts: list[int] | None = None
    _story_places: list[str] | None = None

    def dates_in(self, sent: Span) -> list[DateMention]:
        return [d for d in self.dates if sent.start_char <= d.start_char < sent.end_char]

    def section_actor(self, char: int, kind: str = "giver") -> str | None:
        """The actor a heading names for the section holding `char`: fact sheets put the
        donor in the heading ("EUROPEAN UNION", "2) GERMANY", "Poland:"; kind "giver"),
        newsletters and releases the country an item is about ("■ MYANMAR: three weeks after
        the quake", "Kyrgyz Republic: Irrigation Project"; kind "topic")."""
        if self._sections is None:
            self._sections = []
            pos = 0
            lines = text_of(self.doc).splitlines(keepends=True)
            for n, line in enumerate(lines):
                alone = all(not lines[k].strip() for k in (n - 1, n + 1) if 0 <= k < len(lines))
                heads, names = _heading_names(line, alone)
                if names:
                    code = next((c for c in map(actor_code, names) if c), None)
                    self._sections.append((pos, heads, code))
                pos += len(line)
        current = None
        for start, heads, code in self._sections:
            if start > char:
                break
            current = code if heads == kind else None
        return current

    def section_country(self, char: int) -> str | None:
        """The country a labelled section line names for the section holding `char` ("■
        LEBANON: UNIFIL waits ...", "Kyrgyz Republic: Irrigation Project"); a body is none."""
        code = self.section_actor(char, "topic")
        return code if code not in ORG_CODES else None

    def country_before(
        self,
        token: Token,
        exclude: str | None = None,
        floor: int = 0,
        labels: tuple[str, ...] = COUNTRY_LABELS,
    ) -> str | None:
        """The country last named before `token` (from token `floor` on), other than
        `exclude`: what "the country" refers to. By default a country's name the NER took for
        a person or a body counts too."""
        for ent in reversed([e for e in self.doc.ents if floor <= e.start and e.end <= token.i]):
            if ent.label_ not in labels or ent.start_char in self.furniture:
                continue
            place = resolve_place(ent.text)
            if place and place.type == "country" and place.country != exclude:
                return place.country
        return None

    def paragraph_subject(self, paragraph: int, exclude: str | None = None) -> str | None:
        """The actor most often the subject of a sentence in one paragraph ("Canada reached
        for its chequebook even earlier. ... Trudeau offered Kyiv a loan ...")."""
        if self._subjects is None:
            self._subjects = [
                (self.paragraph_of(tok.idx), code)
                for tok in self.doc
                if tok.dep_ in ("nsubj", "nsubjpass") and (code := self.actors.of_token(tok))
            ]
        return _most_common_but((code for par, code in self._subjects if par == paragraph), exclude)

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph (blank-line separated) holding offset `char`."""
        if self._paragraph_starts is None:
            text = text_of(self.doc)
            self._paragraph_starts = [m.end() for m in re.finditer(r"\n\n", text)]
        return bisect_right(self._paragraph_starts, char)

    def main_country(self, exclude: str | None = None) -> str | None:
        """The country or body the article names most often, other than `exclude`. Places
        after "in / at / to / from" are where things happen, not actors."""
        return _most_common_but(self._actor_mentions(("GPE", "NORP", "ORG"), _is_actor), exclude)

    def main_recipient(self, exclude: str | None = None, story: bool = True) -> str | None:
        """The country the article most often names as a receiver: after "for" / "to", as an
        (indirect) object of giving, or as the owner of something ("Ukraine's army"); else
        the dateline's, else (with `story`) the country where the story happens."""
        receivers = (
            code
            for code in self._actor_mentions(("GPE", "NORP"), _is_receiver)
            if code not in ORG_CODES
        )
        code = (
            _most_common_but(receivers, exclude)
            or self._dateline_country(exclude)
            or (self.story_country(exclude) if story else None)
            or self.main_country(exclude=exclude)
        )
        return code if code not in ORG_CODES else None  # a body gives, never receives

    def story_country(self, exclude: str | None = None) -> str | None:
        """The country whose places (itself, its towns and regions, not its people) the text
        names most: where the story happens, so whom aid that names no receiver most likely
        helps ("Niamey (AFP) - ... arrived in Niger" over a World Bank grant)."""
        if self._story_places is None:  # once per article: asked for every amount
            text = text_of(self.doc)
            self._story_places = [
                m.place.country
                for m in self.places
                if m.place.country not in (None, *ORG_CODES)
                and not is_demonym(text[m.start_char : m.end_char])
                and not self._in_dateline(m.start_char)  # where the reporter is
            ]
        return _most_common_but(self._story_places, exclude)

    def _in_dateline(self, char: int) -> bool:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span is not None and is_dateline(span[0])

    def _dateline_country(self, exclude: str | None) -> str | None:
        """The country of the dateline's city ("NIAMEY, April 12 (AFP) -"): aid an article
        filed from a country names no receiver for is most likely that country's, unless
        that country gives in the article (`exclude`, or the subject of a verb of giving) or
        the story is not about it ("PARIS, April 12 (AFP) -" over news from Niger)."""
        for sent in itertools.islice(self.doc.sents, _DATELINE_SENTENCES):
            words = list(itertools.takewhile(lambda t: t.is_upper and t.is_alpha, sent))
            if not words or words[0].idx in self.furniture or not is_dateline(words[0]):
                continue
            place = resolve_place(" ".join(w.text for w in words).title())
            code = place.country if place is not None and place.type == "city" else None
            givers = self._actor_mentions(("GPE", "NORP", "ORG"), _is_giver)
            named = self._actor_mentions(_ANY_NAME, _anywhere)  # the dateline itself is not
            return code if code in named and code != exclude and code not in givers else None
        return None

    def _actor_mentions(self, labels: tuple[str, ...], role) -> list[str]:
        """Codes of the entities with one of `labels`, outside furniture, whose root token
        plays `role` in its sentence (computed once per article and role)."""
        key = (labels, role)
        if key not in self._mentions:
            self._mentions[key] = [
                code
                for ent in self.doc.ents
                if ent.label_ in labels and ent.start_char not in self.furniture and role(ent.root)
                if (code := self.actors.of_token(ent.root))
            ]
        return self._mentions[key]


def _anywhere(root: Token) -> bool:
    return True


def _is_giver(root: Token) -> bool:
    return root.dep_ == "nsubj" and root.head.lemma_ in GIVE_VERBS


def _is_actor(root: Token) -> bool:
    return not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS)


def _is_receiver(root: Token) -> bool:
    """After "for / to", an indirect object, or the owner of what aid goes to ("Ukraine's
    army", not "Japan's Emergency Grant Aid")."""
    owner = root.dep_ == "poss" and "receiver" in lexicon("aid_cues.tsv").cues_at(root.head)
    return (
        (root.dep_ == "pobj" and root.head.lower_ in ("for", "to"))
        or root.dep_ == "dative"
        or owner
        or (root.dep_ == "dobj" and root.head.lemma_ in GIVE_VERBS)
    )


def _most_common_but(codes: Iterable[str], exclude: str | None) -> str | None:
    """The most frequent code other than `exclude` (ties: the first named)."""
    for code, _ in Counter(codes).most_common():
        if code != exclude:
            return code
    return None
