"""Date expressions of an article, pinned to a day, month or year (FORMAT.md, "dates").

A small grammar finds the expressions: explicit dates ("21st December, 2022", "24.02.2023",
"August 2021", "2014"), dates without a year ("Feb 28", "in April"), weekdays and relative
phrases ("last week", "earlier that month", "two days later"); dateparser reads each one,
a relative one from the date it counts from (the plain shapes most of them have are read
here as dateparser reads them, without its milliseconds per phrase). The grammar chooses the
spans (over raw text dateparser takes amounts and durations for dates) and keeps what
dateparser cannot know (LIBRARY-NOTES.md): period prefixes ("late December 2023"), "since",
the event an offset counts from, the filters for names, counts and decades.

A date without a year goes where the article's own dates put it: after the date with a year a
chronicle of its paragraph stands at (a chronicle moves forward, "since" points back), else next
to the publication date, on the side the tense of the governing verb points to. An offset counts
from a date told before, or from the dated event it names; never from publication.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from .furniture import Furniture
from .nlp import LIST_ITEM, TABLE_BAR, text_of
from .resources import read_tsv


@dataclass(frozen=True)
class DateMention:
    """One date expression of the body and the partial ISO date it stands for."""

    text: str
    start_char: int
    end_char: int
    value: str
    granularity: str  # day | month | year
    relative: bool  # the value needed the article's other dates (no year, weekday, "last week")


@dataclass(frozen=True)
class _Point:
    """A partial date: a year, a month of a year, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def granularity(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def key(self, depth: int) -> tuple[int, ...]:
        return (self.year, self.month or 0, self.day or 0)[:depth]

    @property
    def depth(self) -> int:
        return 3 if self.day else 2 if self.month else 1

    def middle(self) -> date:
        """The middle of the period, to measure how far apart two partial dates are."""
        return date(self.year, self.month or 7, self.day or (15 if self.month else 1))


def _cmp(a: _Point, b: _Point) -> int:
    """Order of two partial dates at the coarser of their precisions (2024-12 == 2024-12-02)."""
    depth = min(a.depth, b.depth)
    ka, kb = a.key(depth), b.key(depth)
    return (ka > kb) - (ka < kb)


def later_than(value: str, reference: str | None) -> bool:
    """Whether partial ISO date `value` lies after `reference`, at the coarser precision of
    the two ("2025-10" after "2025-09-17"; "2025" not after "2025-09-17")."""
    if not reference:
        return False
    size = min(len(value), len(reference))
    return value[:size] > reference[:size]


def _point(year: int, month: int | None = None, day: int | None = None) -> _Point | None:
    """A valid partial date, or None (31 April, 29 February of a common year)."""
    if month and day and day > calendar.monthrange(year, month)[1]:
        return None
    return _Point(year, month, day)


# ---------------------------------------------------------------- dateparser

# dateparser's periods -> how many of year, month, day the reading gives; a week is a day
# ("a week earlier"), times and quarters are no dates here ("4 minute read")
_PERIOD_DEPTH = {"year": 1, "month": 2, "week": 3, "day": 3}


@lru_cache(maxsize=64)
def _parser(base: date | None, prefer: str, order: str) -> DateDataParser:
    """One parser per base date, direction and order: dateparser fixes them when it is made."""
    settings = {"PREFER_DATES_FROM": prefer, "DATE_ORDER": order}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _read(
    text: str, base: date | None = None, prefer: str = "past", order: str = "MDY"
) -> tuple[int | None, int | None, int | None] | None:
    """dateparser's (year, month, day) for `text`, to the precision the text gives; the year is
    None when the text leaves it open ("Feb 28"). Relative text counts from `base`; `order`
    reads all-number dates ("12/21/2022" is month first, "24.02.2023" day first). Plain
    shapes, most dates of an article, are read without dateparser, with the same answer."""
    plain = _read_plain(text) if base is None else _read_relative(text, base, prefer)
    return plain if plain is not None else _dateparser_read(text, base, prefer, order)


def _dateparser_read(
    text: str, base: date | None, prefer: str, order: str
) -> tuple[int | None, int | None, int | None] | None:
    data = _parser(base, prefer, order).get_date_data(text)
    depth = _PERIOD_DEPTH.get(data.period, 0)
    if data.date_obj is None or not depth:
        return None
    found = data.date_obj
    year = found.year if "year" in data.parts else None
    return year, found.month if depth > 1 else None, found.day if depth > 2 else None


def _resolve(text: str, base: _Point | None = None, prefer: str = "past") -> _Point | None:
    """The date `text` gives with its year ("2024-11", "yesterday", "two days later"); relative
    text counts from `base`."""
    reading = _read(text, base.middle() if base else None, prefer)
    return _Point(*reading) if reading and reading[0] else None


# Dates in the plain shapes most dates of an article have are read here, as dateparser reads
# them (tests/test_dates_plain.py compares the two), without its milliseconds per phrase:
# month words and numbers ("2014", "June 2018", "21st of December, 2022", "Jan. 20, 2024",
# "2018-06"), and from a base date weekdays ("last Friday"), "yesterday", "last month" and
# offsets ("two days later"). A date not valid in every year it may stand for ("31 June",
# "Feb 29") and anything else goes to dateparser.
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_ABBR_NUMBER = {abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr}
_MONTH_ABBR_NUMBER["sept"] = 9
_PLAIN_MONTH = r"(?P<mon>[A-Za-z]{3,9})(?P<dot>\.)?"
_PLAIN_DAY = r"(?P<day>\d\d?)(?:st|nd|rd|th)?"
_PLAIN_YEAR = r"(?:,? (?P<year>\d{4}))?"
_PLAIN_DATES = tuple(
    re.compile(pattern)
    for pattern in (
        r"(?P<year>\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?",
        _PLAIN_MONTH + _PLAIN_YEAR,
        rf"{_PLAIN_DAY}(?: of)? {_PLAIN_MONTH}{_PLAIN_YEAR}",
        rf"{_PLAIN_MONTH} {_PLAIN_DAY}{_PLAIN_YEAR}",
    )
)
_PLAIN_WEEKDAY = re.compile(r"(?:(?P<mod>(?i:last|next)) )?(?P<weekday>[A-Za-z]{6,9})")
# dateparser's own number words (its English data), which it reads as the count of an offset
_COUNT_WORDS = dict(a=1, an=1, one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8)
_COUNT_WORDS |= dict(nine=9, ten=10, eleven=11, twelve=12)
_DEICTIC = {"yesterday": -1, "today": 0, "tomorrow": 1}
_PERIOD_STEP = {"last": -1, "this": 0, "next": 1}
_PLAIN_PERIOD = re.compile(r"(?i:(?P<mod>last|this|next) (?P<unit>week|month|year))")
_PLAIN_OFFSET = re.compile(
    r"(?i:(?P<n>[a-z]+|\d\d?) (?P<unit>day|week|month|year)s? (?P<dir>later|after|before|ago))"
)


def _read_plain(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a date in a plain shape, else None (dateparser then reads it)."""
    m = next((m for p in _PLAIN_DATES if (m := p.fullmatch(text))), None)
    if m is None:
        return None
    g = m.groupdict()
    if g.get("mon"):
        month = _plain_month(g["mon"], g["dot"])
        if month is None:
            return None
    else:
        month = int(g["month"]) if g["month"] else None  # None: a year alone
    year = int(g["year"]) if g["year"] else None
    day = int(g["day"]) if g.get("day") else None
    if year is not None and not 1800 <= year <= 2099:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    # the day must exist in every year the text may stand for ("Feb 29" goes to dateparser)
    if day is not None and not 1 <= day <= calendar.monthrange(year or 2023, month)[1]:
        return None
    return year, month, day


def _read_relative(text: str, base: date, prefer: str) -> tuple[int, ...] | None:
    """The date a plain relative phrase gives from `base`, as dateparser reads it, else None."""
    return _read_weekday(text, base, prefer) or _read_offset(text, base)


def _read_weekday(text: str, base: date, prefer: str) -> tuple[int, int, int] | None:
    """ "Friday" is the nearest one before `base` (after it when `prefer` is "future"),
    "last Friday" the nearest before and "next Friday" the nearest after, whatever `prefer`."""
    m = _PLAIN_WEEKDAY.fullmatch(text)
    if m is None or prefer not in ("past", "future"):
        return None
    word = m["weekday"]
    weekday = _WEEKDAYS.get(word.lower())
    if weekday is None or not (word.istitle() or word.isupper() or word.islower()):
        return None
    mod = (m["mod"] or "").lower()
    if mod == "next" or (not mod and prefer == "future"):
        step = (weekday - base.weekday()) % 7 or 7
    else:
        step = -((base.weekday() - weekday) % 7 or 7)
    day = base + timedelta(days=step)
    return day.year, day.month, day.day


def _read_offset(text: str, base: date) -> tuple[int, ...] | None:
    """ "today", "last week", "this year", "two days later", "a month before" from `base`."""
    if not text.isascii():
        return None
    if text.lower() in _DEICTIC:
        return _shifted(base, "day", _DEICTIC[text.lower()])
    if m := _PLAIN_PERIOD.fullmatch(text):
        return _shifted(base, m["unit"].lower(), _PERIOD_STEP[m["mod"].lower()])
    m = _PLAIN_OFFSET.fullmatch(text)
    if m is None:
        return None
    count = int(m["n"]) if m["n"].isdigit() else _COUNT_WORDS.get(m["n"].lower())
    if count is None:
        return None
    sign = -1 if m["dir"].lower() in ("before", "ago") else 1
    return _shifted(base, m["unit"].lower(), sign * count)


def _shifted(base: date, unit: str, count: int) -> tuple[int, ...]:
    """`base` moved by `count` units, to the precision of the unit (a week counts in days)."""
    if unit in ("day", "week"):
        day = base + timedelta(days=count * (7 if unit == "week" else 1))
        return day.year, day.month, day.day
    if unit == "month":
        months = base.year * 12 + base.month - 1 + count
        return months // 12, months % 12 + 1, None
    return base.year + count, None, None


def _plain_month(word: str, dot: str | None) -> int | None:
    """Number of a month name or abbreviation written in one case ("June", "JUNE", "Jun.")."""
    if not (word.istitle() or word.isupper() or word.islower()):
        return None
    low = word.lower()
    if dot:  # only an abbreviation takes a full stop ("Jan.", not "May." or "June.")
        return _MONTH_ABBR_NUMBER.get(low) if low not in _MONTH_NUMBER else None
    return _MONTH_NUMBER.get(low) or _MONTH_ABBR_NUMBER.get(low)


# ---------------------------------------------------------------- words of the grammar


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in read_tsv("dates_lexicon.tsv", required=("word", "kind")):
        out.setdefault(row["kind"], set()).add(row["word"].lower())
    return {kind: frozenset(words) for kind, words in out.items()}


# English names from the standard library (the C locale Python starts in)
_MONTHS = frozenset(name.lower() for name in calendar.month_name if name)
_MONTH_ABBR = frozenset(abbr.lower() for abbr in calendar.month_abbr if abbr) | {"sept"}
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_DATE_WORDS = _MONTHS | _MONTH_ABBR | frozenset(_WEEKDAYS)


def _cased(words) -> str:
    """Title-case and upper-case forms only: "may" and "march" in lower case are verbs."""
    forms = {f for w in words for f in (w.title(), w.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


_L = r"(?<![\w$€£¥.,/:])"  # a number starts here: not inside a word, amount or decimal
_WD = rf"(?:{_cased(_WEEKDAYS)})"
_MON_FULL = rf"(?:{_cased(_MONTHS)})"
_MON = rf"(?:{_cased(_MONTHS)}|(?:{_cased(_MONTH_ABBR - _MONTHS)})\.?)(?![A-Za-z])"
# next to a day number or a year a month name in lower case is still a month ("7 march 2024",
# "28 february"); "may" and "march" next to a number alone stay verbs ("28 may die")
_MON_YEAR = rf"(?:{_MON}|(?:{'|'.join(_MONTHS)})(?![A-Za-z]))"
_MON_DAY = rf"(?:{_MON}|(?:{'|'.join(sorted(_MONTHS - {'may', 'march'}))})(?![A-Za-z]))"
_DAY = rf"{_L}(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\w|[.,:/]\d)"
_YEAR_DIGITS = r"(?P<year>1[89]\d\d|20\d\d)(?!\w|[.,]\d)"
_YEAR = rf"{_L}{_YEAR_DIGITS}"
# what may stand before a match, read backwards from its start (cheaper than an optional
# group that the regex engine tries at every position of the text)
_LOOKBACK = 48
_WD_BEFORE = re.compile(rf"(?P<wd>{_WD}),?\s+\Z")
_MOD_BEFORE = re.compile(r"(?P<mod>(?i:last|next|this))\s+\Z")
_RANGE = r"(?:[-–]|and|to|until|till)"
# the last day of "Feb. 10-20", after a day_month match
_RANGE_END = re.compile(rf"\s*[-–]\s*{_DAY}(?!\s*(?:{_MON}))")
# the year after a month without one: "October last year", "April of next year"
_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?P<ref>(?i:last|next|this))\s+year\b")


@cache
def _prefix_before() -> re.Pattern:
    """'the end of', 'the first months of', 'early', 'mid-': kept in the text of a month or year."""
    words = _lexicon()["period_prefix"]
    phrases = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words if " " in w)
    adjectives = "|".join(re.escape(w) for w in words if " " not in w)
    return re.compile(
        rf"(?i:(?:the\s+)?(?:{phrases})\s+(?:the\s+)?(?:year\s+)?|(?:{adjectives})[\s-]+)\Z"
    )


# forms that count from another date; dateparser reads the others as they stand
_RELATIVE_FORMS = frozenset({"weekday", "deictic", "period", "offset", "following"})
# words of the grammar that dateparser knows by others ("two days earlier", "the next day")
_DATEPARSER_WORDS = dict(earlier="before", previous="before", preceding="before", next="after")


@cache
def _forms() -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, pattern) of every form the grammar reads; the longest match at a place wins."""
    forms = {
        "full_dmy": rf"{_DAY}(?:\s+of)?\s+(?P<mon>{_MON_YEAR}),?\s+{_YEAR}",
        "full_mdy": rf"(?P<mon>{_MON_YEAR})\s+{_DAY},?\s+{_YEAR}",
        "numeric": rf"{_L}\d{{1,2}}(?P<sep>[./-])\d{{1,2}}(?P=sep){_YEAR_DIGITS}",
        "iso": rf"{_L}\d{{4}}-\d\d-\d\d(?!\d)",
        "month_year": rf"(?P<mon>{_MON_YEAR}),?\s+{_YEAR}",
        "day_month": rf"{_DAY}(?:\s+of)?\s+(?P<mon>{_MON_DAY})",
        # the first day of "15-17 March 2024", "between 10 and 20 February": month ahead
        "range_start": (
            rf"{_DAY}(?=\s*{_RANGE}\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?P<mon>{_MON_DAY})"
            rf"(?:,?\s+{_YEAR_DIGITS})?)"
        ),
        "month_day": rf"(?P<mon>{_MON_DAY})\s+{_DAY}",
        "month": rf"(?P<mon>{_MON_FULL})(?![A-Za-z])",
        "year": rf"{_YEAR}",
        "weekday": rf"(?P<wd>{_WD})(?![A-Za-z])",
        "deictic": r"(?i:\b(?:yesterday|today|tomorrow)\b)(?!['’]s)",
        "period": (
            r"(?i:\b(?:(?:earlier|later)\s+)?(?P<ref>this|that|last|next)\s+"
            r"(?P<unit>week|month|year)\b)"
        ),
        # any word for the count: dateparser knows which ones are numbers ("two", not "many")
        "offset": (
            r"(?i:\b(?P<n>[^\W\d_]+(?:-[^\W\d_]+)?|\d{1,2})\s+(?P<unit>day|week|month|year)s?\s+"
            r"(?P<dir>later|earlier|after|before|ago)\b)"
        ),
        "following": (
            r"(?i:\bthe\s+(?P<dir>following|next|previous|preceding)\s+(?P<unit>day|month|year)\b)"
        ),
    }
    return tuple((kind, re.compile(p)) for kind, p in forms.items())


@dataclass(frozen=True)
class _Candidate:
    """One match of the grammar: what the text says, before any year is filled in."""

    kind: str  # full | month_year | year | day_month | month, or a relative form of _forms
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    mod: str | None = None  # last | next | this, before a month or weekday; the period's ref
    unit: str | None = None
    direction: str | None = None
    query: str = ""  # what dateparser reads for a relative form, from the date it counts from
    year_step: int | None = None  # "October last year": the year of publication moved by this

    @property
    def explicit(self) -> bool:
        return self.year is not None


def _extend_back(kind: str, text: str, start: int) -> tuple[int, dict[str, str]]:
    """A weekday before a date ("Friday 18 February"), last / next / this before a month or
    weekday, a period prefix before a month or year ("the end of June", "mid-2023")."""
    found: dict[str, str] = {}
    befores = {
        "full_dmy": (_WD_BEFORE,),
        "full_mdy": (_WD_BEFORE,),
        "day_month": (_WD_BEFORE,),
        "month_day": (_WD_BEFORE,),
        "month": (_MOD_BEFORE, _prefix_before()),
        "weekday": (_MOD_BEFORE,),
        "month_year": (_prefix_before(),),
        "year": (_prefix_before(),),
    }.get(kind, ())
    for pattern in befores:
        m = pattern.search(text, max(0, start - _LOOKBACK), start)
        if m:
            start = m.start()
            found.update({k: v for k, v in m.groupdict().items() if v})
    return start, found


def _date_kind(year: int | None, month: int | None, day: int | None) -> str:
    """What the dateline and the placing of dates tell apart in a reading."""
    if year is None:
        return "day_month" if day else "month"
    return "full" if day else "month_year" if month else "year"


def _candidate(kind: str, m: re.Match, start: int, before: dict[str, str]) -> _Candidate | None:
    g = {**{k: v for k, v in m.groupdict().items() if v}, **before}
    text = m.string[start : m.end()].rstrip(",")
    wd = _WEEKDAYS.get(g.get("wd", "").lower())
    mod = g.get("mod", g.get("ref", "")).lower() or None
    base = {"start": start, "end": start + len(text), "text": text, "weekday": wd, "mod": mod}
    if kind in _RELATIVE_FORMS:
        unit, direction = g.get("unit", "").lower() or None, g.get("dir", "").lower() or None
        if kind == "following":  # "the following day" counts like "1 day after"
            direction = _DATEPARSER_WORDS.get(direction, "after")
        query = {
            "weekday": text if mod in ("last", "next") else g.get("wd"),
            "period": f"{'this' if mod == 'that' else mod} {unit}",
            "offset": f"{g.get('n')} {unit}s {_DATEPARSER_WORDS.get(direction, direction)}",
            "following": f"1 {unit} {direction}",
        }.get(kind, text)
        return _Candidate(kind, unit=unit, direction=direction, query=query, **base)
    # the prefix ("late", "the end of") and the weekday are context, dateparser reads the rest
    query = m.group(0).rstrip(",")
    if kind == "range_start":
        query = f"{g['day']} {g['mon']} {g.get('year', '')}".strip()
    reading = _read(query, order="DMY" if g.get("sep") == "." else "MDY")
    if reading is None:
        return None
    year, month, day = reading
    return _Candidate(_date_kind(*reading), year=year, month=month, day=day, **base)


@lru_cache(maxsize=256)
def _scan(text: str) -> tuple[_Candidate, ...]:
    """Every match of the grammar in `text`, in text order; overlaps go to the longest match
    that dateparser can read."""
    found = []
    for order, (kind, pattern) in enumerate(_forms()):
        for m in pattern.finditer(text):
            start, before = _extend_back(kind, text, m.start())
            found.append((start, start - m.end(), order, kind, m, before))
    found.sort(key=lambda f: f[:3])
    out: list[_Candidate] = []
    for start, _, _, kind, m, before in found:
        if out and start < out[-1].end:
            continue
        cand = _candidate(kind, m, start, before)
        if cand and cand.text.strip():
            out.append(_with_year_after(text, cand))
            out.extend(_range_end(text, cand))
    return tuple(out)


def _with_year_after(text: str, cand: _Candidate) -> _Candidate:
    """A month (or day) without a year takes "last year" after it into its text: one date."""
    m = _YEAR_AFTER.match(text, cand.end) if cand.kind in ("month", "day_month") else None
    if m is None:
        return cand
    step = _PERIOD_STEP[m["ref"].lower()]
    return replace(cand, end=m.end(), text=text[cand.start : m.end()], year_step=step)


def _range_end(text: str, cand: _Candidate) -> list[_Candidate]:
    """ "Feb. 10-20": the second day takes the month (and year) of the first."""
    m = _RANGE_END.match(text, cand.end) if cand.day and cand.text[:1].isalpha() else None
    if not m:
        return []
    day = int(m.group("day"))
    if day <= cand.day or not _point(cand.year or 2024, cand.month, day):
        return []
    start = m.start("day")
    return [
        replace(cand, start=start, end=m.end(), text=text[start : m.end()], day=day, weekday=None)
    ]


# ---------------------------------------------------------------- the article's own date

_DATELINE_KINDS = frozenset({"full", "month_year", "day_month"})
_DATELINE_LINES = 12
_DATELINE_PREFIX_WORDS = 7
_DATELINE_REST_WORDS = 4  # a date alone on its line: "Friday 18 February 2022. All times GMT."
_SEGMENT = re.compile(r"[^|·•]+")
_BYLINE = re.compile(r"^By\s+[A-Z]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True)
class _Dateline:
    point: _Point
    start: int  # the date's characters
    end: int
    byline: bool  # a byline timestamp: the article's date, but furniture, not a date entry


def _dateline_prefix(prefix: str, rest: str, cand: _Candidate) -> bool:
    """What may stand before a dateline date: a place and agency ("WASHINGTON (AP) -",
    "Kiev,"), a label ("Updated", "Status:"), or nothing when the date stands alone."""
    words = _WORD.findall(prefix)
    if len(words) > _DATELINE_PREFIX_WORDS:
        return False
    labels, stop = _lexicon()["label"], _stop_words()
    labelled = any(w.lower() in labels for w in words)
    names = [w for w in words if w.lower() not in labels]
    if not all(w[0].isupper() and (labelled or w.lower() not in stop) for w in names):
        return False
    placed = bool(names) and prefix.rstrip()[-1:] in ",(—–-"
    if cand.year is None:  # "LUXEMBOURG, Oct 17 (CWS) -": only a wire dateline goes without a year
        return placed and any(w.isupper() and len(w) > 1 for w in names)
    if cand.kind == "month_year":
        return labelled
    return labelled or placed or (not words and len(_WORD.findall(rest)) <= _DATELINE_REST_WORDS)


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _dateline(text: str) -> _Dateline | None:
    """The dateline or issue date in the first lines ("Kiev, 4 December 2021 (Agency).")."""
    pos, seen = 0, 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > _DATELINE_LINES:
            break
        for seg in _SEGMENT.finditer(line):
            part = seg.group(0)
            cands = [c for c in _scan(part) if c.kind in _DATELINE_KINDS]
            if not cands:
                continue
            cand = cands[0]
            if not _dateline_prefix(part[: cand.start], part[cand.end :], cand):
                continue
            year = cand.year or _latest_year(text)
            point = _point(year, cand.month, cand.day) if year else None
            if point:
                at = start + seg.start() + cand.start
                return _Dateline(point, at, at + len(cand.text), bool(_BYLINE.match(line)))
    return None


def _latest_year(text: str) -> int | None:
    """The latest year the text states, targets ("until 2027") aside: the year of a wire
    dateline that gives none ("LUXEMBOURG, Oct 17 (CWS) -")."""
    years = [c.year for c in _scan(text) if c.year and not _target(text, c)]
    return max(years) if years else None


def _target(text: str, cand: _Candidate) -> bool:
    """A date the article looks ahead to ("until 2027", "by 9 July 2025"), not one it reports."""
    return bool(re.search(r"(?i)\b(until|till|to|by|through)\s+$", text[: cand.start][-10:]))


def find_published(
    text: str, published: str | None = None, furniture: Furniture | None = None
) -> str | None:
    """The article's own date: `published` (from metadata) if given; else a dateline or issue
    date near the top ("WASHINGTON — March 16, 2022", "Status: December 2024"); else the latest
    full date the text states (news reports recent days). Partial ISO or None. `furniture`:
    the text's, when the caller has built it already."""
    furniture = furniture or Furniture(text)
    point = _published_point(text, published, _dateline(text), furniture)
    return point.iso if point else None


def _published_point(
    text: str, published: str | None, line: _Dateline | None, furniture: Furniture
) -> _Point | None:
    given = _resolve(published) if published else None
    if given or line:
        return given or line.point
    days = [
        _Point(c.year, c.month, c.day)
        for c in _scan(text)
        if c.kind == "full" and not furniture.hides(c.start) and not _target(text, c)
    ]
    return max(days, key=lambda p: p.key(3)) if days else None


# ---------------------------------------------------------------- reading the sentence


def _tokens(doc: Doc, cand: _Candidate) -> Span | None:
    return doc.char_span(cand.start, cand.end, alignment_mode="expand")


def _before_token(doc: Doc, span: Span) -> Token | None:
    i = span.start - 1
    return doc[i] if i >= 0 and not doc[i].is_space else None


def _is_name_part(tok: Token | None) -> bool:
    """A capitalised noun right before a year or weekday makes a name ("Allied Resolve 2022")."""
    return (
        tok is not None
        and tok.tag_ in ("NN", "NNS", "NNP", "NNPS")
        and (tok.is_title or tok.is_upper)
        and tok.lower_.rstrip(".") not in _DATE_WORDS
    )


def _is_count(span: Span, prev: Token | None) -> bool:
    """A number of things, not a year: "sent 1900 tanks", "about 1850 km" (but "the 2024
    budget", "in 2022 talks", a heading "2023")."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is None or nxt is None or nxt.tag_ not in ("NN", "NNS"):
        return False
    if prev.head.i == nxt.i:
        return False  # both modify the noun: "its draft 2026 budget"
    if prev.lower_ in _qualifier_words():
        return True
    return prev.pos_ not in ("DET", "ADP", "PRON", "PART", "CCONJ", "PUNCT", "SYM")


@cache
def _qualifier_words() -> frozenset[str]:
    """Last words of the qualifiers of a count ("about", "more than", models/qualifiers.tsv),
    but not those that also lead dates ("up to", "in excess of")."""
    words = {row["phrase"].split()[-1] for row in read_tsv("qualifiers.tsv", ("phrase",))}
    return frozenset(words - set(_lexicon()["month_lead"]))


def _keep(cand: _Candidate, doc: Doc, text: str) -> bool:
    """Grammar matches that are not dates: years in names, decades, copyright, bare months."""
    span = _tokens(doc, cand)
    if span is None:
        return False
    prev = _before_token(doc, span)
    bare = cand.text.isdigit() or cand.text.lower() in _DATE_WORDS  # no prefix, no modifier
    if cand.kind == "year":
        before = text[max(0, cand.start - 12) : cand.start]
        if re.match(r"[-–]?ies\b|['’]s\b", text[cand.end : cand.end + 4]):
            return False  # a decade: "1920-ies", "1990's"
        if re.search(r"(?i)(©|\(c\)|copyright)\s*$", before):
            return False
        if bare and re.search(r"\b[A-Z][\w]*-$", before):
            return False  # a year inside a name: "Zapad-2025"
        return not (bare and (_is_name_part(prev) or _is_count(span, prev)))
    if cand.kind == "weekday":
        return not (bare and _is_name_part(prev))
    if cand.kind == "deictic" and cand.text.istitle() and prev is not None:
        return not (prev.is_alpha and not span[0].is_sent_start)  # "USA Today", "the Today show"
    if cand.kind == "month" and bare:
        month = span[-1]
        if month.ent_type_ not in ("", "DATE"):
            return False  # April the person, June the organisation
        lead = prev.lower_ if prev is not None else ""
        if lead in _lexicon()["month_lead"] or prev is not None and prev.tag_ == "POS":
            return True
        # "May" alone is the verb unless the model reads it as a date next to a preposition
        return month.ent_type_ == "DATE" and cand.month != 5
    return True


def _future(tok: Token) -> bool:
    return tok.lemma_.lower() in _lexicon()["future"] or tok.lower_ in _lexicon()["future"]


def _verb_tense(verb: Token) -> str:
    """past | perfect | future | present of a verb, from its tag and its auxiliaries."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = any(a.lemma_ == "have" for a in aux)
    if any(a.tag_ == "MD" and _future(a) for a in aux):
        return "past" if perfect else "future"  # "will send", but "would have sent"
    if any(a.tag_ == "VBD" for a in aux):  # had, did, was
        return "past"
    if verb.tag_ == "VB" and any(a.tag_ == "TO" for a in aux) and verb.head.i != verb.i:
        head = verb.head
        if _future(head) or head.lemma_ == "go":
            return "future"
        return _verb_tense(head) if head.pos_ in ("VERB", "AUX") else "unknown"
    if _future(verb):
        return "future"
    if verb.tag_ == "VBN" and perfect:
        return "perfect"  # "has extended": the act is past, its state may run on
    if verb.tag_ == "VBD" or verb.tag_ == "VBN" and not aux:
        return "past"  # "signed", "unveiled at the summit"
    if verb.tag_ in ("VBZ", "VBP") or verb.tag_ in ("VBN", "VBG") and aux:
        return "present"  # "runs out", "is expected", "are meeting"
    if verb.tag_ == "VB" and any(a.tag_ in ("VBZ", "VBP") for a in aux):
        return "present"  # "do not need"
    return "unknown"


def _tense(span: Span) -> str:
    """Where the sentence puts the date: past | perfect | future | present | unknown.

    Walks from the date up the parse to the first verb. Through a noun ("Thursday's order
    is larger") a present tense says nothing of the date; a cue like "due" still does.
    """
    verb, via_noun = _governor(span)
    if verb is None:
        return "future" if via_noun is None else "unknown"
    tense = _verb_tense(verb)
    return "unknown" if via_noun and tense == "present" else tense


def _governor(span: Span) -> tuple[Token | None, bool | None]:
    """The verb a date belongs to, and whether a noun stands between them; (None, None) when a
    future cue ("due", "upcoming") comes first. A date between a reporting verb and the subject
    of its complement clause belongs to the reporting verb, however the parser attaches it:
    "said on Thursday it would provide" tells when it was said."""
    tok, via_noun = span.root, False
    while tok.head.i != tok.i:
        head = tok.head
        if head.pos_ in ("VERB", "AUX"):
            return _reporting_verb(head, span) or head, via_noun
        if _future(head):
            return None, None
        if head.pos_ not in ("ADP", "SCONJ", "CCONJ", "PUNCT", "DET") and tok.dep_ != "conj":
            via_noun = True  # a date joined to a date ("Saturday and Sunday") is no noun
        tok = head
    return None, via_noun


def _reporting_verb(verb: Token, span: Span) -> Token | None:
    """The verb `verb`'s clause depends on, when `span` stands after it and before the clause's
    subject or "that"."""
    head = verb.head
    if verb.dep_ != "ccomp" or not head.i < span.start or head.pos_ not in ("VERB", "AUX"):
        return None
    opening = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "mark", "expl")]
    return head if opening and span.end <= min(opening) else None


def _attributive(span: Span) -> bool:
    """A month naming a thing already told of: "the May package", "Sunak's January pledge"."""
    month = span[-1]
    return month.dep_ in ("compound", "nmod", "amod") and month.head.pos_ == "NOUN"


# ---------------------------------------------------------------- placing dates in time


def _near(ref: _Point, month: int | None, day: int | None) -> list[_Point]:
    """The same month (and day) in the year of `ref` and the years either side."""
    return [p for y in (-1, 0, 1) if (p := _point(ref.year + y, month, day))]


def _on_or_before(ref: _Point, month, day, strict: bool = False) -> _Point | None:
    ok = [p for p in _near(ref, month, day) if _cmp(p, ref) < (0 if strict else 1)]
    return max(ok, key=lambda p: p.key(3)) if ok else None


def _on_or_after(ref: _Point, month, day, strict: bool = False) -> _Point | None:
    ok = [p for p in _near(ref, month, day) if _cmp(p, ref) > (0 if strict else -1)]
    return min(ok, key=lambda p: p.key(3)) if ok else None


def _nearest(ref: _Point, month, day) -> _Point | None:
    options = _near(ref, month, day)
    return min(options, key=lambda p: (abs((p.middle() - ref.middle()).days), p.key(3)))


def _toward(ref: _Point, month, day, tense: str) -> _Point | None:
    if tense == "past":
        return _on_or_before(ref, month, day)
    if tense == "future":
        return _on_or_after(ref, month, day)
    return _nearest(ref, month, day)


def _clamp(point: _Point, ref: _Point | None, tense: str) -> _Point | None:
    """Keep a date on the side of publication its tense allows ("runs until Sept. 16" may lie
    either side)."""
    if ref is None:
        return point
    if tense == "past" and _cmp(point, ref) > 0:
        return _on_or_before(ref, point.month, point.day)
    if tense == "future" and _cmp(point, ref) < 0:
        return _on_or_after(ref, point.month, point.day)
    return point


def _match_weekday(point: _Point, weekday: int | None) -> _Point:
    """'Thursday, 23 February': the year nearest the guess in which that day is a Thursday."""
    if weekday is None or not point.day:
        return point
    for years in (0, -1, 1):
        p = _point(point.year + years, point.month, point.day)
        if p and p.middle().weekday() == weekday:
            return p
    return point


@dataclass
class _Placed:
    cand: _Candidate
    point: _Point
    paragraph: int
    sentence: int  # index of its sentence in the doc
    item: int | None  # where its list item ("• In 2024, ...") starts, if it stands in one
    since: bool
    main: bool  # it times its sentence's main clause, not a clause of a noun ("the loan
    # approved in March 2023")


_YEAR_LINE = re.compile(r"(?m)^[^\w\n]*(?P<year>(?:19|20)\d\d)[^\w\n]*$")
_ENTRY_LINE = re.compile(
    r"\W*(?:[-•*–—]|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)  # a timeline entry opens with a list mark or a date ("Feb. 23 - ...", "- Mar 24: ...")


class _Article:
    """The dates of one article placed so far, and what relative expressions lean on."""

    def __init__(self, doc: Doc, ref: _Point | None, furniture: Furniture):
        self.doc, self.ref, self.text, self.furniture = doc, ref, text_of(doc), furniture
        self.placed: list[_Placed] = []
        self.paragraph_starts = _paragraph_starts(self.text)
        self.sentences = list(doc.sents)
        self.sentence_starts = [sent.start_char for sent in self.sentences]
        self.year_lines = [(m.start(), int(m["year"])) for m in _YEAR_LINE.finditer(self.text)]

    def paragraph(self, char: int) -> int:
        return bisect_right(self.paragraph_starts, char)

    def after_word(self, cand: _Candidate, words: str) -> bool:
        """Whether `cand` follows one of `words` ("since August", "until the end of June")."""
        before = self.text[max(0, cand.start - 16) : cand.start]
        return bool(re.search(rf"(?i)\b(?:{words})\s+(?:the\s+)?(?:year\s+)?$", before))

    def tense(self, cand: _Candidate) -> str:
        """The tense of the date's verb (_tense); an image caption's present tells of the
        moment the picture was taken ("A technician checks a drone frame on Monday")."""
        span = _tokens(self.doc, cand)
        tense = _tense(span) if span is not None else "unknown"
        caption = cand.start in self.furniture and not self.furniture.hides(cand.start)
        return "past" if tense == "present" and caption else tense

    def conjoined_weekday(self, cand: _Candidate) -> _Point | None:
        """The day of the weekday `cand` is joined to ("on Saturday and Sunday"), if placed."""
        span = _tokens(self.doc, cand)
        if span is None or span.root.dep_ != "conj" or not self.placed:
            return None
        last = self.placed[-1]
        head = span.root.head
        joined = last.cand.kind == "weekday" and last.cand.start <= head.idx < last.cand.end
        return last.point if joined and last.point.day else None

    def sentence(self, char: int) -> int:
        return bisect_right(self.sentence_starts, char) - 1

    def where(self, char: int) -> tuple[int, int, int | None]:
        """Paragraph, sentence, and the start of the list item ("• ...") or table row ("Norway
        | NOK 85bn | 25 Feb") holding `char`."""
        line = self.text.rfind("\n", 0, char) + 1
        item = line if self.in_row(char) or LIST_ITEM.match(self.text, line) else None
        return self.paragraph(char), self.sentence(char), item

    def in_row(self, char: int) -> bool:
        """`char` stands in a table's row ("Norway | NOK 85bn | 25 Feb")."""
        line = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return TABLE_BAR in self.text[line : end if end >= 0 else None]

    def anchor(self, cand: _Candidate) -> _Placed | None:
        """The date with a year a chronicle stands at: the nearest before `cand` in its
        paragraph, in its own sentence or in the main clause of an earlier one, unless a
        sentence in the present tense came between (the text is back at its own time). A
        "since" date opens a period that runs to the present, and a list item ("• In 2024,
        ...") is a fact of its own: they anchor nothing outside it. A table's row holds its
        own date ("| 25 Feb"), in the year of its caption's period or of the article."""
        if self.in_row(cand.start):
            return None
        par, sent, item = self.where(cand.start)
        for placed in reversed(self.placed):
            if placed.paragraph != par:
                return None
            if not placed.cand.explicit or placed.since or placed.item not in (None, item):
                continue
            if placed.sentence == sent:
                return placed
            if placed.main:
                return None if self.present_between(placed.sentence, sent) else placed
        return None

    def year_heading(self, char: int) -> int | None:
        """The year of the last line above `char` that holds only a year, as timelines put
        one over their entries ("2023" / "Feb. 23 - ..."), when `char` stands in one of the
        entries (lines opening with a date or a list mark) right below it."""
        above = [(start, year) for start, year in self.year_lines if start < char]
        if not above:
            return None
        start, year = above[-1]
        line_end = self.text.find("\n", char)
        lines = self.text[start : line_end if line_end >= 0 else None].split("\n")[1:]
        entries = all(_ENTRY_LINE.match(line) for line in lines if line.strip())
        return year if entries else None

    def present_between(self, first: int, last: int) -> bool:
        roots = (sent.root for sent in self.sentences[first + 1 : last])
        return any(r.pos_ in ("VERB", "AUX") and _verb_tense(r) == "present" for r in roots)

    def last(self, depth: int, told: bool = False) -> _Point | None:
        """The latest placed date at least as precise as `depth`, else (unless only `told`
        dates will do) the publication date."""
        for placed in reversed(self.placed):
            if placed.point.depth >= depth:
                return placed.point
        return self.ref if not told and self.ref and self.ref.depth >= depth else None

    def same_month_before(self, month: int) -> _Point | None:
        for placed in reversed(self.placed):
            if placed.cand.explicit and placed.point.month == month:
                return placed.point
        return None

    def place(self, cand: _Candidate) -> _Point | None:
        if cand.explicit:
            return _Point(cand.year, cand.month, cand.day)
        return getattr(self, f"_place_{cand.kind}")(cand)

    def _place_day_month(self, cand: _Candidate) -> _Point | None:
        """A month, or a day of a month, without a year: the year the context gives."""
        if self.ref and (point := self._named_year(cand)):
            return point
        heading = self.year_heading(cand.start)
        if heading is not None:  # a timeline's "2023" line above "Feb. 23 - ..."
            return _point(heading, cand.month, cand.day)
        span, tense = _tokens(self.doc, cand), self.tense(cand)
        since = self.after_word(cand, "since")
        if self.after_word(cand, "until|till") and tense != "past":
            tense = "future"  # "has extended until December": the period runs on from now
        to_now = since and tense in ("perfect", "present")  # "has frozen projects since January"
        tense = "past" if since or tense == "perfect" else tense
        anchor = None if to_now else self.anchor(cand)  # a period to now counts from now
        if anchor:
            place = _on_or_before if since else _on_or_after
            point = place(anchor.point, cand.month, cand.day)
            return _match_weekday(_clamp(point, self.ref, tense), cand.weekday) if point else None
        if cand.day is None and span is not None and _attributive(span):
            told = self.same_month_before(cand.month)
            if told:
                return _Point(told.year, cand.month)
        if self.ref is None:
            return None
        if re.search(
            r"(?i)\b(?:up|down) from\b[^.;:]*$", self.text[max(0, cand.start - 60) : cand.start]
        ):
            tense = "past"  # "numbers 4,700, up from some 4,300 in January": an earlier level
        point = _toward(self.ref, cand.month, cand.day, tense)
        return _match_weekday(point, cand.weekday) if point else None

    def _named_year(self, cand: _Candidate) -> _Point | None:
        """ "last September", "next January", "this April", "April of last year"."""
        if cand.year_step is not None:
            return _point(self.ref.year + cand.year_step, cand.month, cand.day)
        if cand.mod == "last":
            return _on_or_before(self.ref, cand.month, cand.day, strict=True)
        if cand.mod == "next":
            return _on_or_after(self.ref, cand.month, cand.day, strict=True)
        return _point(self.ref.year, cand.month, cand.day) if cand.mod == "this" else None

    _place_month = _place_day_month

    def _place_weekday(self, cand: _Candidate) -> _Point | None:
        """ "last Saturday" as dateparser reads it; "on Friday", "this Wednesday" on the side of
        publication the tense says (dateparser's choice does not read the sentence): before it
        for a past act, after it for a future one; in the present ("meet on Thursday", a
        caption's "checks a drone on Monday") or the perfect, which takes no day of its own
        ("have confirmed attendance at the summit on Saturday"), the nearer one."""
        if not self.ref or not self.ref.day:
            return None
        if cand.mod in ("last", "next"):
            return _resolve(cand.query, self.ref)
        if cand.weekday == self.ref.middle().weekday():
            return self.ref  # dateparser would take the same weekday a week off
        if (before := self.conjoined_weekday(cand)) is not None:
            return _resolve(cand.query, before, "future")  # the next such day after it
        tense = self.tense(cand)
        if self.after_word(cand, "until|till|through|extended to"):
            tense = "future"  # "truce extended to Thursday morning": the period runs on
        if tense not in ("present", "perfect"):
            return _resolve(cand.query, self.ref, "future" if tense == "future" else "past")
        ahead = (cand.weekday - self.ref.middle().weekday()) % 7
        return _resolve(cand.query, self.ref, "future" if ahead <= 3 else "past")

    def _place_deictic(self, cand: _Candidate) -> _Point | None:
        return _resolve(cand.query, self.ref) if self.ref and self.ref.day else None

    def _place_period(self, cand: _Candidate) -> _Point | None:
        """this/that/last/next week|month|year; "this week" is no date and "last week" stands
        for its month (FORMAT.md); "that month" is the month of the date told before."""
        if cand.unit == "week" and cand.mod not in ("last", "next"):
            return None
        depth = 1 if cand.unit == "year" else 2
        base = self.last(depth) if cand.mod == "that" else self.ref
        if base is None or base.depth < depth:
            return None
        point = _resolve(cand.query, base)
        return _Point(point.year, point.month) if point and cand.unit == "week" else point

    def _place_offset(self, cand: _Candidate) -> _Point | None:
        """ "two days later", "a week earlier", "three years ago", "the following day"."""
        depth = {"day": 3, "week": 3, "month": 2, "year": 1}[cand.unit]
        base = self._offset_base(cand, depth)
        if base is None or base.depth < depth:
            return None
        return _resolve(cand.query, base)

    _place_following = _place_offset

    def _offset_base(self, cand: _Candidate, depth: int) -> _Point | None:
        """What an offset counts from: publication for "ago"; for "a day before the
        announcement", the date told with that event. Nothing for an event the text does not
        date here ("a week after Ukrainian troops crossed", "four years after Russia's
        invasion") or for the period a figure is compared with ("up from $486 billion a year
        earlier"). Else the date told last ("two days later"), never publication."""
        if cand.direction == "ago":
            return self.ref
        if _compared(_tokens(self.doc, cand).root.head):
            return None
        if cand.kind == "offset" and cand.direction in ("before", "after"):
            m = re.match(r"\s+(\w+)(?:\s+([a-z]{4,}))?", self.text[cand.end : cand.end + 40])
            if m and m[1].lower() == "the" and m[2]:
                return self.event_date(m[2], depth, cand)
            if m and m[1].lower() not in _lexicon()["anaphor"]:
                return None
        return self.last(depth, told=True)

    def event_date(self, event: str, depth: int, cand: _Candidate) -> _Point | None:
        """The date of the latest earlier sentence that tells of the event ("announced ... on
        November 1"); the publication date when the article tells of it only without a date
        (its own news); else None."""
        for placed in reversed(self.placed):
            span = _tokens(self.doc, placed.cand)
            if placed.point.depth < depth or span is None:
                continue
            if _tells(span.sent, event):
                return placed.point
        told = any(_tells(sent, event) for sent in self.sentences[: self.sentence(cand.start)])
        return self.ref if told else None

    def add(self, cand: _Candidate, point: _Point) -> None:
        # a period's start or end ("since 2022", "through 2028") sets no time for what follows
        since = self.after_word(cand, "since|through|until|till")
        verb, _ = _governor(_tokens(self.doc, cand))  # _keep made sure the span exists
        main = verb is None or verb.dep_ not in ("relcl", "acl")
        self.placed.append(_Placed(cand, point, *self.where(cand.start), since, main))


_STEM = 4  # "announce" / "announcement", "invade" / "invasion"


def _same_stem(word: str, other: str) -> bool:
    return len(word) >= _STEM and word[:_STEM] == other[:_STEM]


def _compared(head: Token) -> bool:
    """Whether an offset hangs on a figure or a comparison ("up from $486 billion a year
    earlier", "from a year earlier"): it dates what the figure is compared with."""
    return (
        head.lower_ in _lexicon()["comparison"]
        or head.pos_ == "NUM"
        or head.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
    )


def _tells(sent: Span, event: str) -> bool:
    """Whether a sentence tells of the event: a word of the same stem ("announced")."""
    return any(_same_stem(t.lemma_.lower(), event) for t in sent if t.is_alpha)


def _paragraph_starts(text: str) -> list[int]:
    """Where paragraphs begin: after a blank line, unless the block before ends with ':'."""
    starts = []
    for m in re.finditer(r"(:?)[ \t]*\n[ \t]*\n\s*", text):
        if not m.group(1):
            starts.append(m.end())
    return starts


# ---------------------------------------------------------------- the public entry point


def extract_dates(
    doc: Doc, published: str | None, furniture: Furniture | None = None
) -> list[DateMention]:
    """Every date expression in the doc that can be pinned to a day, month or year, in text order.

    `published` (partial ISO) anchors relative expressions; without it the dateline or the
    latest full date of the text does (find_published). Page furniture (link lists, bylines,
    copyright lines) gives no dates; a dateline and image captions do.
    """
    text = text_of(doc)
    furniture, line = furniture or Furniture(text), _dateline(text)
    article = _Article(doc, _published_point(text, published, line, furniture), furniture)
    out = []
    for cand in _scan(text):
        in_dateline = line is not None and not line.byline and line.start <= cand.start < line.end
        if furniture.hides(cand.start) and not in_dateline:
            continue
        if not _keep(cand, doc, text):
            continue
        point = article.place(cand)
        if point is None:
            continue
        article.add(cand, point)
        out.append(
            DateMention(
                text=cand.text,
                start_char=cand.start,
                end_char=cand.end,
                value=point.iso,
                granularity=point.granularity,
                relative=not cand.explicit,
            )
        )
    return out
