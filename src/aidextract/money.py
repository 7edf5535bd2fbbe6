"""Money amounts, counts of things and other quantities in a Doc.

spaCy's MONEY spans leave the symbol outside ("$1.85bn" -> "1.85bn") and call "2.5 per cent"
money; quantulum3 reads "bn" as barn-newton and splits decimal commas (LIBRARY-NOTES.md). So a
small grammar over the text does the work: currency symbol, ISO code or currency word + a number
with either decimal mark + a multiplier word. quantulum3, slow to load, is used only for the
value of spelled-out numbers ("sixty million") and for the non-money entities of `quantities`.
Currency codes and names come from pycountry; models/money_*.tsv hold the press forms.
"""

from __future__ import annotations

import calendar
import itertools
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import pycountry
from spacy.lang.en.lex_attrs import _num_words, _ordinal_words
from spacy.tokens import Doc, Span, Token

from .nlp import text_of
from .resources import ResourceError, read_tsv, read_words
from .schema import QUALIFIERS


@dataclass(frozen=True)
class Amount:
    """A money expression: its text (symbol, code or currency word included) and value."""

    text: str
    start_char: int
    end_char: int
    amount: float
    currency: str
    qualifier: str


@dataclass(frozen=True)
class Count:
    """An integer count of things ("about 12,000", "a 2,000-strong team")."""

    text: str
    start_char: int
    end_char: int
    value: int
    qualifier: str


@dataclass(frozen=True)
class Quantity:
    """A row of the `quantities` table; `unit` is "" for a dimensionless number."""

    text: str
    start_char: int
    end_char: int
    value: float
    unit: str


@dataclass(frozen=True)
class _Currency:
    """What a symbol or word means: a default code, codes a sentence may pick instead."""

    code: str
    alternatives: tuple[str, ...] = ()
    bare_ok: bool = True  # money even without a multiplier word ("20 dollars", not "500 pounds")


_QUANTITY_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
_SPACE = "[ \u00a0\u2009\u202f]"
# Grouped thousands, dotted groups ("1.000.000"), space-grouped ("500 000"), plain with an
# optional decimal part of either mark ("1.85", "7,2"); never a piece of a longer number.
_NUMBER = (
    r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}})+|\d+(?:[.,]\d+)?)(?!\d|[.,]\d)"
)
_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")
_NUMBER_WORDS = tuple(w for w in _num_words if w != "zero")
_MONTHS = tuple(m for m in (*calendar.month_name, *calendar.month_abbr, "Sept") if m)


def _alternation(words: object) -> str:
    """Regex alternation of literal words, longest first so "bn" never shadows "bln"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --- data -----------------------------------------------------------------------------------


@cache
def _multipliers() -> dict[str, tuple[float, bool]]:
    rows = read_tsv("money_multipliers.tsv", required=("word", "factor", "counts"))
    return {r["word"].lower(): (float(r["factor"]), r["counts"] == "yes") for r in rows}


@cache
def _own_dollars() -> dict[str, str]:
    """ISO alpha-3 -> the country's own dollar other than the US one (CAN -> CAD), from
    countryinfo's currencies and pycountry's currency names."""
    out = {}
    for country, codes in _own_currencies().items():
        for code in codes:
            currency = pycountry.currencies.get(alpha_3=code)
            if code != "USD" and currency is not None and currency.name.endswith("Dollar"):
                out.setdefault(country, code)
    return out


def donor_dollar(amount: Amount, donor: str | None) -> str:
    """The currency of an amount written with a bare "$": the donor's own dollar when it has
    one ("Ottawa ... $500 million" is Canadian dollars, as Canadian and Australian papers and
    governments write them), else the amount's currency."""
    if amount.currency != "USD" or not amount.text.startswith("$") or donor is None:
        return amount.currency
    return _own_dollars().get(donor, amount.currency)


CFA_FRANCS = ("XOF", "XAF")  # one name ("CFA francs", "FCFA"), two currencies


def receiver_franc(currency: str, recipient: str | None) -> str:
    """A CFA franc is the receiving country's: West African (XOF) or Central African (XAF),
    as "1.3 billion FCFA for boreholes in Chad" is XAF however the sentence names it."""
    if currency not in CFA_FRANCS or recipient is None:
        return currency
    return next((c for c in _own_currencies().get(recipient, ()) if c in CFA_FRANCS), currency)


@cache
def _own_currencies() -> dict[str, tuple[str, ...]]:
    """ISO alpha-3 -> the country's currencies (countryinfo)."""
    from countryinfo import all_countries

    return {c.iso()["alpha3"]: tuple(c.currencies()) for c in all_countries()}


@cache
def _fractions() -> dict[str, float]:
    rows = read_tsv("money_fractions.tsv", required=("phrase", "factor"))
    return {r["phrase"].lower(): float(r["factor"]) for r in rows}


@cache
def _qualifiers() -> dict[str, str]:
    rows = read_tsv("qualifiers.tsv", required=("phrase", "qualifier"))
    for row in rows:
        if row["qualifier"] not in QUALIFIERS:
            raise ResourceError(f"models/qualifiers.tsv: unknown qualifier {row['qualifier']!r}")
    return {r["phrase"].lower(): r["qualifier"] for r in rows}


@cache
def _longest_qualifier() -> int:
    return max(len(phrase.split()) for phrase in _qualifiers())


@cache
def _measure_units() -> frozenset[str]:
    return read_words("money_measure_units.txt")


@cache
def _codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _valid(codes: str, name: str) -> tuple[str, ...]:
    """The comma-separated ISO 4217 codes of a cell; a code pycountry does not know is an error
    in the file, not a silent miss."""
    found = tuple(c for c in codes.split(",") if c)
    for code in found:
        if code not in _codes():
            raise ResourceError(f"models/{name}: {code!r} is not an ISO 4217 code (pycountry)")
    return found


@cache
def _symbols() -> dict[str, _Currency]:
    name = "money_symbols.tsv"
    rows = read_tsv(name, required=("symbol", "currency"))
    return {
        r["symbol"]: _Currency(_valid(r["currency"], name)[0], _valid(r["alternatives"], name))
        for r in rows
    }


@cache
def _currency_words() -> dict[str, dict[str, str]]:
    name = "money_currency_words.tsv"
    rows = read_tsv(name, required=("singular", "plurals", "currency", "bare_ok"))
    for row in rows:
        _valid(row["currency"].strip("-"), name)
    return {r["singular"]: r for r in rows}


def _forms(word: str) -> list[str]:
    """A word and, when it is a currency word, its plurals ("krona" -> "krona", "kronor")."""
    row = _currency_words().get(word)
    if row is None or row["plurals"] == "-":
        return [word]
    return [word, *row["plurals"].split(",")]


@cache
def currency_word_forms() -> frozenset[str]:
    """Every currency word of the press with its plurals ("dollar", "dollars", "kronor"): a
    country's name before one names the currency ("U.S. dollars"), not the country."""
    return frozenset(form for word in _currency_words() for form in _forms(word))


def _phrase_forms(phrase: str) -> list[str]:
    """Every singular/plural form of a currency phrase ("Swedish krona" -> "swedish kronor")."""
    words = [_forms(w) for w in phrase.lower().split()]
    return [" ".join(combo) for combo in itertools.product(*words)]


@cache
def _named_currencies() -> tuple[tuple[str, str], ...]:
    """(lower-case name, code) of pycountry currencies named by more than one word."""
    names = [(c.name.lower(), c.alpha_3) for c in pycountry.currencies if "(" not in c.name]
    return tuple((name, code) for name, code in names if " " in name)


@cache
def _phrases() -> dict[str, _Currency]:
    """Lower-case currency phrase -> currency: bare words, pycountry names, press phrases."""
    table: dict[str, _Currency] = {}
    name = "money_currency_phrases.tsv"
    extra = read_tsv(name, required=("phrase", "currency"))
    named = [*_named_currencies(), *((r["phrase"], _valid(r["currency"], name)[0]) for r in extra)]
    for singular, row in _currency_words().items():
        default = row["currency"].strip("-")  # "-": no default; only a sentence can say which
        shared = tuple(
            dict.fromkeys(
                code
                for phrase, code in named
                if phrase.lower().endswith(" " + singular) and code != default
            )
        )
        currency = _Currency(default, shared, row["bare_ok"] == "yes")
        for form in _forms(singular):
            table[form] = currency
    for name, code in named:
        for form in _phrase_forms(name):
            table[form] = _Currency(code)
    return table


@cache
def _cue_regex(code: str) -> re.Pattern[str]:
    """Words whose presence in a sentence says `code` is meant: the country's names, the
    adjective of the currency's name ("Canadian"), the code, our cue list, its currency words."""
    exact = {code}
    country = pycountry.countries.get(alpha_2=code[:2])
    if country is not None:
        exact |= {country.name, getattr(country, "common_name", country.name)}
    currency = pycountry.currencies.get(alpha_3=code)
    if currency is not None and " " in currency.name:
        exact.add(currency.name.rsplit(" ", 1)[0])
    rows = read_tsv("money_currency_cues.tsv", required=("cue", "currency"))
    exact |= {r["cue"] for r in rows if r["currency"] == code}
    words = {p for p, c in _phrases().items() if c.code == code}
    either = f"{_alternation(exact)}|(?i:{_alternation(words)})" if words else _alternation(exact)
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)")


# --- the money grammar ----------------------------------------------------------------------


@cache
def _multiplier_pattern() -> str:
    return rf"(?:[\s\u00a0-]?(?P<mult>(?i:{_alternation(_multipliers())}))(?![A-Za-z]))?"


@cache
def _words_pattern() -> str:
    """Spelled-out numbers, optionally a fraction of a scale word ("half a billion"), after a
    whole number ("seven and a half billion")."""
    word = rf"(?:{_alternation(_NUMBER_WORDS)})\b"
    whole = rf"(?P<whole>{word}(?:[\s-]+{word})*)\s+and\s+"  # "seven and a half billion"
    fraction = rf"(?:{whole})?(?P<frac>{_alternation(_fractions())})\s+(?:(?:of\s+)?an?\s+)?(?=\w)"
    return rf"(?<![\w-])(?i:(?:{fraction})?{word}(?:(?:[\s-]+|\s+and\s+){word})*)"


@cache
def _prefix_re() -> re.Pattern[str]:
    """Currency before the number: "$1.85bn", "US$300m", "USD 500 million", "C$500-million"."""
    currency = rf"(?<![A-Za-z])(?P<cur>{_alternation(_symbols())}|[A-Z]{{3}})"
    return re.compile(rf"{currency}{_SPACE}?(?P<num>{_NUMBER}){_multiplier_pattern()}")


@cache
def _suffix_re() -> re.Pattern[str]:
    """Currency after the number: "2.5 billion euros", "7,2 bln USD", "sixty million dollars"."""
    phrases = "|".join(
        r"\s+".join(re.escape(w) for w in p.split())
        for p in sorted(_phrases(), key=len, reverse=True)
    )
    currency = rf"(?P<cur>(?i:{phrases})|{_alternation(_symbols())}|[A-Z]{{3}})(?![A-Za-z])"
    number = rf"(?:(?P<num>{_NUMBER})|(?P<words>{_words_pattern()}))"
    # "2.5 billion euros", and the hyphenated adjective "a 7-billion-dollar arrangement"
    return re.compile(rf"{number}{_multiplier_pattern()}(?:{_SPACE}+|-){currency}")


@cache
def _bare_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<num>{_NUMBER}){_multiplier_pattern()}")


@cache
def _range_tail_re() -> re.Pattern[str]:
    """The upper end of a range whose multiplier the lower end shares ("$1-2 billion")."""
    symbols = _alternation(_symbols())
    return re.compile(
        rf"\s?(?:-|–|to|and|or)\s?(?P<cur>{symbols})?{_SPACE}?(?P<num>{_NUMBER})"
        + _multiplier_pattern()
    )


def _number_value(text: str) -> float:
    """Value of a digit string with either decimal mark: "1,000" 1000, "7,2" 7.2, "1.000.000"."""
    digits = re.sub(_SPACE, "", text)
    if "," in digits and "." in digits:
        decimal = max(digits.rfind(","), digits.rfind("."))
        whole = re.sub(r"[.,]", "", digits[:decimal])
        return float(f"{whole}.{digits[decimal + 1 :]}")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        return float(digits.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", digits):
        return float(digits.replace(".", ""))
    return float(digits.replace(",", "."))


@cache
def _quantulum():
    """quantulum3's parser, imported on first use: loading its unit tables takes seconds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser
    return parser


@cache
def _spelled_value(words: str) -> float | None:
    """Value of a spelled-out number ("four hundred million"), or None if quantulum3 cannot read
    it as one number."""
    found = _quantulum().parse(words)
    if len(found) != 1 or found[0].surface.strip() != words.strip():
        return None
    return float(found[0].value)


def _currency_of(text: str) -> _Currency | None:
    text = " ".join(text.split())
    if text in _symbols():
        return _symbols()[text]
    if text in _codes():
        return _Currency(text)
    return _phrases().get(text.lower())


def _is_year(num: str | None) -> bool:
    return bool(num) and re.fullmatch(r"(19|20)\d\d", num) is not None


def _value(match: re.Match[str]) -> float | None:
    """Value of a matched money expression, multiplier applied (the range's, if it has none)."""
    words, fraction = match.groupdict().get("words"), match.groupdict().get("frac")
    if fraction:  # "half a billion": the fraction times the number after "(of) a"
        words = re.sub(
            r"(?i)^\s*(?:of\s+)?an?\s+", "", match.string[match.end("frac") : match.end("words")]
        )
    value = _spelled_value(words) if words else _number_value(match["num"])
    if value is not None and fraction:
        whole = match.groupdict().get("whole")  # "one and a half billion": one billion + half
        base = _spelled_value(f"{whole} {words}") if whole else 0.0
        if base is None:
            return None
        value = base + value * _fractions()[" ".join(fraction.lower().split())]
    tail = _range_tail(match)
    mult = tail["mult"] if tail else match["mult"]
    return None if value is None else _scaled(value, mult)


def _range_tail(match: re.Match[str]) -> re.Match[str] | None:
    """The upper end of a range ("$1-2 billion", "$5 to 10 million") when the lower end lacks
    the multiplier they share."""
    if match["mult"] is not None:
        return None
    tail = _range_tail_re().match(match.string, match.end())
    return tail if tail and tail["mult"] else None


def _factor(mult: str | None) -> float:
    return _multipliers()[mult.lower()][0] if mult else 1.0


def _scaled(value: float, mult: str | None) -> float:
    """`value` times its multiplier in decimal: "4.1bn" is 4100000000.0, not 4099999999.9999995."""
    return float(Decimal(repr(value)) * Decimal(repr(_factor(mult))))


def _evaluate(match: re.Match[str]) -> tuple[float, _Currency] | None:
    """(value, currency) of a grammar match, or None when the match is not money: an ISO code
    before a small number without multiplier ("TOP 10"), a weight ("500 pounds"), a year."""
    currency = _currency_of(match["cur"])
    if currency is None:
        return None
    has_mult = match["mult"] is not None
    is_code = match["cur"] in _codes() and match["cur"] not in _symbols()
    value = _value(match)
    if value is None or (not has_mult and not currency.bare_ok):
        return None
    if not has_mult and is_code and value < 1000:
        return None
    if not has_mult and match.re is _suffix_re() and _is_year(match["num"]):
        return None
    return value, currency


def parse_money(text: str, default_currency: str | None = None) -> tuple[float, str] | None:
    """(amount, currency) of one money expression, or None if it is not money.

    `default_currency` is used for an expression without symbol, code or currency word; such a
    bare number must carry a multiplier or thousands separators ("1.85bn", "500,000").
    """
    text = " ".join(text.split())
    for regex in (_prefix_re(), _suffix_re()):
        match = regex.fullmatch(text)
        if match and (hit := _evaluate(match)) and hit[1].code:
            return hit[0], hit[1].code
    match = _bare_re().fullmatch(text)
    if default_currency and match and (match["mult"] or "," in match["num"]):
        return _scaled(_number_value(match["num"]), match["mult"]), default_currency
    return None


# --- amounts in a doc -----------------------------------------------------------------------


def _token_index(doc: Doc, start_char: int, end_char: int) -> int:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return span.start if span is not None else 0


def _sentence(doc: Doc, start_char: int, end_char: int) -> Span:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return doc[:]
    return span.sent


def _resolve(doc: Doc, start: int, end: int, currency: _Currency) -> str:
    """The code meant: the default, unless the sentence (outside the amount) names exactly one
    of the other currencies the symbol or word may mean ("Canada ... four hundred million
    dollars" -> CAD). A word with no default ("crowns") is money only when the sentence says
    whose (the country named nearest before it, if several are): "" otherwise."""
    if not currency.alternatives:
        return currency.code
    sent = _sentence(doc, start, end)
    before, after = text_of(doc)[sent.start_char : start], text_of(doc)[end : sent.end_char]
    codes = (currency.code, *currency.alternatives) if currency.code else currency.alternatives
    named = [c for c in codes if _cue_regex(c).search(before + " " + after)]
    if len(named) == 1:
        return named[0]
    if named and not currency.code:  # "Norway ... Norwegian crowns, and Sweden ... 40bn crowns"
        ends = {
            c: max((m.end() for m in _cue_regex(c).finditer(before)), default=-1) for c in named
        }
        nearest = max(ends, key=ends.get)
        return nearest if ends[nearest] >= 0 else ""
    return currency.code


def _grammar_hits(text: str) -> list[tuple[int, int, float, _Currency]]:
    hits = []
    for regex in (_prefix_re(), _suffix_re()):
        for match in regex.finditer(text):
            if not (found := _evaluate(match)):
                continue
            hits.append((match.start(), match.end(), *found))
            tail = _range_tail(match)
            if tail and not tail["cur"]:  # with a symbol, the upper end is found on its own
                value = _scaled(_number_value(tail["num"]), tail["mult"])
                hits.append((tail.start("num"), tail.end(), value, found[1]))
    return hits


def _non_overlapping(hits: list[tuple]) -> list[tuple]:
    """Leftmost, then longest, hits that do not overlap."""
    chosen, end = [], -1
    for hit in sorted(hits, key=lambda h: (h[0], h[0] - h[1])):
        if hit[0] >= end:
            chosen.append(hit)
            end = hit[1]
    return chosen


def _overlaps(start: int, end: int, spans: list[tuple]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end, *_ in spans)


def _currency_before(doc: Doc, hits: list[tuple], start: int, end: int) -> _Currency | None:
    """The currency of the last amount found before `start` in its sentence (hits in text
    order): what a bare number in a list of amounts is counted in."""
    sent_start = _sentence(doc, start, end).start_char
    before = [h for h in hits if sent_start <= h[0] and h[1] <= start]
    return before[-1][3] if before else None


def _entity_hits(doc: Doc, hits: list[tuple]) -> list[tuple[int, int, float, _Currency]]:
    """spaCy MONEY spans the grammar missed because they lack a currency ("€33 billion ... and
    17 billion as grants"): they take the currency of the amount before them in the sentence."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "MONEY" or _overlaps(ent.start_char, ent.end_char, hits):
            continue
        first = next((t for t in ent if t.like_num and not t.is_alpha), None)
        currency = _currency_before(doc, hits, ent.start_char, ent.end_char)
        if first is None or currency is None:
            continue
        start, end = first.idx, ent.end_char
        parsed = parse_money(text_of(doc)[start:end], currency.code)
        if parsed:
            found.append((start, end, parsed[0], currency))
    return found


@cache
def _gapped_re() -> re.Pattern[str]:
    """A number with a multiplier and no currency ("three billion", "244 million")."""
    units = tuple(w for w in _NUMBER_WORDS if w not in _SCALE_WORDS)
    words = rf"(?i:{_alternation(units)})(?:[\s-]+(?i:{_alternation(units)}))*"
    mult = rf"[\s\u00a0-]?(?P<mult>(?i:{_alternation(_multipliers())}))(?![A-Za-z])"
    return re.compile(rf"(?<![\w$€£¥-])(?P<num>{_NUMBER}|{words}){mult}")


def _gapped_hits(doc: Doc, hits: list[tuple]) -> list[tuple[int, int, float, _Currency]]:
    """Amounts of a gapped list that leaves out the currency the sentence stated before ("Saudi
    Arabia promised five billion dollars, the UAE three billion and Kuwait four billion"):
    right after the name of their giver."""
    found = []
    for match in _gapped_re().finditer(text_of(doc)):
        start, end = match.span()
        if _overlaps(start, end, hits):
            continue
        i = _token_index(doc, start, end)
        currency = _currency_before(doc, hits, start, end)
        giver = doc[i - 1] if i > 0 else None
        if currency is None or giver is None or not _names_giver(giver):
            continue
        if not any(t.text in (",", "and", ";") for t in doc[max(0, i - 6) : i - 1]):
            continue
        if match["num"][0].isdigit():
            value = _scaled(_number_value(match["num"]), match["mult"])
        else:  # quantulum3 reads "one billion" but not a lone "one"
            value = _spelled_value(match[0])
        if value is not None:
            found.append((start, end, value, currency))
    return found


def _names_giver(token: Token) -> bool:
    """A name, not a date ("in March 3 billion"), may give in a gapped list."""
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY"):
        return False
    return token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or token.pos_ == "PROPN"


def find_amounts(doc: Doc) -> list[Amount]:
    """Every money amount in the doc, in text order, non-overlapping.

    A word with no default currency ("crowns") whose sentence does not say whose means the
    one of its currencies the article named last ("5.5 billion Norwegian crowns ... Of the
    total, 2 billion crowns").
    """
    hits = _grammar_hits(text_of(doc))
    hits = _non_overlapping(hits + _entity_hits(doc, _non_overlapping(hits)))
    hits = _non_overlapping(hits + _gapped_hits(doc, hits))
    amounts: list[Amount] = []
    for start, end, value, currency in hits:  # in text order, as _non_overlapping leaves them
        code = _resolve(doc, start, end, currency)
        if not code:
            named = (a.currency for a in reversed(amounts) if a.currency in currency.alternatives)
            code = next(named, "")
        if code:
            amounts.append(
                Amount(
                    text=text_of(doc)[start:end],
                    start_char=start,
                    end_char=end,
                    amount=value,
                    currency=code,
                    qualifier=qualifier_before(doc, _token_index(doc, start, end)),
                )
            )
    return amounts


def qualifier_before(doc: Doc, start_token_index: int) -> str:
    """exact | up_to | more_than | about | nearly, from the words just before a number; the
    longest phrase of models/qualifiers.tsv that ends right before it wins."""
    first = max(0, start_token_index - _longest_qualifier())
    words = [t.lower_ for t in doc[first:start_token_index]]
    for size in range(len(words), 0, -1):
        qualifier = _qualifiers().get(" ".join(words[-size:]))
        if qualifier:
            return qualifier
    return "exact"


# --- counts ---------------------------------------------------------------------------------


@cache
def _count_re() -> re.Pattern[str]:
    words = [w for w, (_, counts) in _multipliers().items() if counts]
    return re.compile(
        rf"(?P<num>{_NUMBER})(?:[ \u00a0-](?P<mult>{_alternation(words)})(?![A-Za-z]))?"
    )


_MONTH_BEFORE = re.compile(rf"\b(?:{_alternation(_MONTHS)})\.?\s*$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_alternation(_MONTHS)})\b")
_NEXT_WORD = re.compile(r"[ \u00a0-]?([A-Za-z°%][\w.'/°%]*)")
_PREVIOUS_WORD = re.compile(r"(?<![.!?:;]\s)(?<!^)\b([A-Za-z]+)\s$")
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


def _is_measure(text: str, end: int) -> bool:
    """A unit of measure, time or rate follows ("2,000 kilometres", "48-month", "2.5 per cent")."""
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return False
    word = match[1].lower()
    return bool({word, word.rstrip("."), word.split("/")[0]} & _measure_units())


def _is_designation(text: str, start: int, end: int) -> bool:
    """Part of a name, code, time or date: "F-35", "G7", "82nd", "M88", "10:30", "9/25/2024"."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "#/:$€£¥" or after.isalpha() or after in "/:":
        return True
    return before == "-" and start > 1 and text[start - 2].isalpha()


def _is_label(text: str, start: int, end: int) -> bool:
    """A list marker ("1. The lenders", "2) GERMANY") or the number of a named thing ending a
    phrase ("Issue 37 |", "Article 5."); such numbers carry no thousands separator."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and text[end : end + 1] in (".", ")"):
        return True
    if "," in text[start:end]:
        return False
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return (
        previous is not None
        and previous[1] not in _MONTHS
        and previous[1][0].isupper()
        and not _NEXT_WORD.match(text, end)
    )


def _is_day_of_month(text: str, start: int, end: int, value: float) -> bool:
    return value <= 31 and bool(
        _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text[end:])
    )


def _digit_counts(text: str) -> list[tuple[int, int, float]]:
    found = []
    for match in _count_re().finditer(text):
        num, mult = match["num"], match["mult"]
        start, end = match.start(), match.end("num")
        if mult is None and (re.search(r"[.,]\d{1,2}$|\.\d+$", num) or _is_year(num)):
            continue  # a decimal ("10.30") or a year, not a count
        if num.startswith("0") or _is_designation(text, start, end) or _is_label(text, start, end):
            continue
        value = _scaled(_number_value(num), mult)
        found.append((start, match.end(), value))
    return found


def _spells_count(doc: Doc, run: list) -> bool:
    """A run of number words that is a count: not a bare scale ("thousand"), not the pronoun
    "one", not the scale of a digit number ("175 thousand"), not an ordinal ("twenty-eighth")."""
    first, last = run[0], run[-1]
    if first.lower_ in _SCALE_WORDS or [t.lower_ for t in run] == ["one"]:
        return False
    if first.i > 0 and doc[first.i - 1].like_num and not doc[first.i - 1].is_alpha:
        return False
    after = doc[last.i + 1 : last.i + 3]
    return not (len(after) == 2 and after[0].text == "-" and after[1].lower_ in _ordinal_words)


def _word_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token runs that spell a count ("one hundred thousand", "twenty-five"), as char spans."""
    spans, run = [], []
    for token in [*doc, None]:
        if token is not None and (
            token.lower_ in _NUMBER_WORDS or (run and token.text in ("-", "and"))
        ):
            run.append(token)
            continue
        while run and run[-1].lower_ not in _NUMBER_WORDS:
            run.pop()
        if run and _spells_count(doc, run):
            spans.append((run[0].idx, run[-1].idx + len(run[-1])))
        run = []
    return spans


def _word_counts(doc: Doc) -> list[tuple[int, int, float]]:
    found = []
    for start, end in _word_runs(doc):
        value = _spelled_value(text_of(doc)[start:end])
        if value is not None:
            found.append((start, end, value))
    return found


def find_counts(doc: Doc, amounts: list[Amount] | None = None) -> list[Count]:
    """Every integer count of things in the doc, with the qualifier before it.

    Not counts: money, years, days of a month, times, percentages, ordinals, numbers followed by
    a unit of measure or time, parts of names ("F-35"), and numbers without a number
    ("thousands", "a dozen").
    """
    text = text_of(doc)
    amounts = find_amounts(doc) if amounts is None else amounts
    taken = [(a.start_char, a.end_char) for a in amounts]
    taken += [m.span() for m in _NUMERIC_DATE.finditer(text)]
    counts = []
    for start, end, value in sorted(_digit_counts(text) + _word_counts(doc)):
        if value < 1 or value != int(value) or _overlaps(start, end, taken):
            continue
        if _is_measure(text, end) or _is_day_of_month(text, start, end, value):
            continue
        qualifier = qualifier_before(doc, _token_index(doc, start, end))
        counts.append(Count(text[start:end], start, end, int(value), qualifier))
    return counts


# --- quantities -----------------------------------------------------------------------------


def find_quantities(doc: Doc, amounts: list[Amount] | None = None) -> list[Quantity]:
    """Every quantity for the `quantities` table: money from find_amounts (unit = currency
    code), the rest from quantulum3 run only on spaCy's number entities, never on the whole
    text (there it reads years and "a" as quantities, and is slow)."""
    found = [
        Quantity(a.text, a.start_char, a.end_char, a.amount, a.currency)
        for a in (find_amounts(doc) if amounts is None else amounts)
    ]
    taken = [(q.start_char, q.end_char) for q in found]
    for ent in doc.ents:
        if ent.label_ not in _QUANTITY_LABELS or _overlaps(ent.start_char, ent.end_char, taken):
            continue
        for quantity in _quantulum().parse(ent.text):
            start = ent.start_char + quantity.span[0]
            end = ent.start_char + quantity.span[1]
            unit = "" if quantity.unit.name == "dimensionless" else quantity.unit.name
            if not unit and _is_year(text_of(doc)[start:end]):
                continue  # spaCy sometimes calls a year CARDINAL
            found.append(Quantity(text_of(doc)[start:end], start, end, float(quantity.value), unit))
    return sorted(found, key=lambda q: (q.start_char, q.end_char))
