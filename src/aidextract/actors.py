"""Who a phrase stands for: a country or international body code, from names, demonyms,
capitals standing for governments, and people whose country the article gives."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Span, Token

from .geo import actor_code, resolve_place
from .money import currency_word_forms
from .resources import read_tsv
from .schema import LENDERS, ORG_CODES

# Schemes named after whom they serve ("the Ukraine Facility", "the Czech initiative").
SCHEME_NOUNS = ("initiative", "fund", "facility", "scheme", "programme", "program", "mechanism")

ACTOR_LABELS = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")
DATELINE_DASHES = ("—", "–", "-", "--")  # between a dateline and the story


@cache
def _short_forms() -> dict[str, str]:
    return {r["word"]: r["code"] for r in read_tsv("actor_short_forms.tsv", ("word", "code"))}


def is_dateline(token: Token) -> bool:
    """A place in capitals opening a sentence before a date ("LUXEMBOURG, Oct 17 (CWS) -"),
    or any place so opening it before a date and a dash ("Chișinău, 05.11.2025 – ")."""
    sent = token.sent
    if token.i - sent.start >= 3:
        return False
    after = token.doc[token.i + 1 : token.i + 3]
    if token.is_upper and len(token) > 2:
        return any(t.text in (",", "(", *DATELINE_DASHES) for t in after)
    if not token.is_title or not after or after[0].text != ",":
        return False
    rest = token.doc[token.i + 2 : min(token.i + 7, sent.end)]
    dated = any(t.ent_type_ == "DATE" or t.like_num or t.text[:1].isdigit() for t in rest)
    return dated and any(t.text in DATELINE_DASHES for t in rest)


def _named_code(ent: Span) -> str | None:
    """The code of an entity's name, or of its name or acronym when it gives both ("the
    European Investment Bank (EIB)")."""
    text = ent.text
    if "(" not in text:
        return actor_code(text, capitals=True)
    name, _, rest = text.partition("(")
    return actor_code(name.strip(), capitals=True) or actor_code(rest.strip(" )"), capitals=True)


def _located_by(token: Token) -> bool:
    """ "the Manila-based Asian Development Bank": a place that locates another actor."""
    nxt = token.doc[token.i + 1 : token.i + 3]
    return len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in ("based", "headquartered")


def _region_country(words: list[Token]) -> str | None:
    """ "the Indiana National Guard", "the New York Police Department": an organisation named
    after a state or province belongs to that region's country."""
    for n in (3, 2, 1):
        if len(words) > n and all(t.is_title for t in words[:n]):
            place = resolve_place(" ".join(t.text for t in words[:n]))
            if place is not None and place.type == "admin1":
                return place.country
    return None


class Actors:
    """Resolves tokens of one doc to actor codes; people resolve through their country."""

    def __init__(self, doc: Doc, person_country: dict[int, str]):
        self.doc = doc
        self.person_country = person_country  # token index of a person mention -> code
        self._ent_of: dict[int, Span] = {}
        self._ents = doc.ents
        for ent in self._ents:
            if ent.label_ in ACTOR_LABELS:
                for t in ent:
                    self._ent_of[t.i] = ent

    def of_token(self, token: Token) -> str | None:
        """Code of the entity (or the bare word) at `token`."""
        if token.i in self.person_country:
            return self.person_country[token.i]
        if is_dateline(token) or _located_by(token) or self._names_currency(token):
            return None
        short = self._short_form(token)
        if short:
            return short
        ent = self._ent_of.get(token.i)
        named = self._named_before(token) if ent is not None and len(ent) == 1 else None
        if named:
            return named
        if ent is not None:
            if ent.label_ == "PERSON":  # "gave Niger some $200m": a country the model took
                place = resolve_place(ent.text)
                return place.country if place and place.type == "country" else None
            words = [t for t in ent if t.is_alpha or t.text in ".-'&"]
            if len(words) < len(ent) and words:  # run into bullets and times ("• 16:30 Dutch")
                ent = Span(self.doc, words[0].i, words[-1].i + 1, label=ent.label_)
            return _named_code(ent) or self._leading_country(ent)
        if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isupper():
            run = self._capitalized_run(token)
            return actor_code(run, capitals=True) or actor_code(token.text, capitals=True)
        return None

    def _named_before(self, token: Token) -> str | None:
        """ "the World Bank ... the Bank approved", "the International Monetary Fund ... the
        Fund": a body's last name word after "the" stands for the body named with it before."""
        doc = self.doc
        if token.i == 0 or doc[token.i - 1].lower_ != "the" or not token.is_title:
            return None
        for earlier in reversed(doc[: token.i - 1]):
            after_the = earlier.i > 0 and doc[earlier.i - 1].lower_ == "the"
            if earlier.text == token.text and not after_the:
                code = self.of_token(earlier)
                if code:
                    return code
        return None

    @staticmethod
    def _leading_country(ent: Span) -> str | None:
        """An organisation named after its country ("the US House of Representatives", "the
        German Bundestag"): the country its first word names."""
        words = [t for t in ent if t.lower_ != "the"]
        if ent.label_ != "ORG" or len(words) < 2 or words[-1].lemma_.lower() in SCHEME_NOUNS:
            return None  # "the Ukraine Facility" is a scheme for Ukraine, not Ukraine's
        ofs = [t.i for t in words if t.lower_ == "of"]
        if ofs and ofs[-1] + 1 < ent.end:  # "the Government of Japan", "Ministry of Defence of X"
            code = actor_code(ent.doc[ofs[-1] + 1 : ent.end].text)
            if code and code not in ORG_CODES:
                return code
        # an agency's acronym leads too: "USAID Administrator Samantha Power" (ORG)
        code = actor_code(words[0].text, capitals=words[0].is_upper)
        if code in ORG_CODES and not words[0].is_upper:
            return None  # "European Peace Facility" is no EU body by its first word alone
        return code or _region_country(words)  # "the IMF Executive Board" is the IMF's

    def _capitalized_run(self, token: Token) -> str:
        """The run of capitalized words around `token` that the NER left unlabeled
        ("European Union foreign ministers" -> "European Union")."""
        doc = self.doc
        start = end = token.i
        while start > token.sent.start and doc[start - 1].is_title and token.i - start < 3:
            start -= 1
        while end + 1 < token.sent.end and doc[end + 1].is_title and end - token.i < 3:
            end += 1
        return doc[start : end + 1].text

    def _names_currency(self, token: Token) -> bool:
        """ "2 million US dollars", "Canadian dollars": a country's name that names a currency."""
        ent = self._ent_of.get(token.i)
        end = ent.end if ent is not None else token.i + 1
        return end < len(self.doc) and self.doc[end].lower_ in currency_word_forms()

    def _short_form(self, token: Token) -> str | None:
        """ "the Fund", "the bloc": the body of that name, if the article named it before.
        A lender's common nouns ("the bank", "its board") stand for the lender named last."""
        code = _short_forms().get(token.lower_)
        det = token.doc[token.i - 1].lower_ if token.i else ""
        if not code or det not in ("the", "its"):
            return None
        if code == "LENDER" or (token.lower_ in ("fund", "bank") and not token.is_title):
            return self._last_lender(token)
        if det != "the" or (token.lower_ in ("commission", "council") and not token.is_title):
            return None
        named = any(actor_code(ent.text) == code for ent in self._ents if ent.end_char <= token.idx)
        return code if named else None

    def _last_lender(self, token: Token) -> str | None:
        """The lender the last body named before `token` is, if it is one and, for "the bank"
        or "the fund", if its name has that word (not a commercial bank named since)."""
        word = token.lower_
        for ent in reversed(self._ents):
            if ent.end_char > token.idx or ent.label_ != "ORG":
                continue
            if word != "board" and word not in ent.text.lower():
                continue
            code = _named_code(ent)
            if code is not None or word != "board":
                return code if code in LENDERS else None
        return None

    def first_in(self, tokens: Iterable[Token]) -> str | None:
        """The first actor among `tokens` (in order)."""
        for tok in tokens:
            code = self.of_token(tok)
            if code:
                return code
        return None
