"""The fast readers give what the slow libraries give: plain dates vs dateparser, and the
per-currency ECB converters vs currencyconverter's converter of every currency."""

from __future__ import annotations

import calendar
import itertools
import random
from datetime import date, timedelta

import pytest

from aidextract.dates import _dateparser_read, _read_plain, _read_relative

# (text, reading): shapes the plain reader takes; dateparser must agree
PLAIN = [
    ("2014", (2014, None, None)),
    ("2018-06", (2018, 6, None)),
    ("2024-03-05", (2024, 3, 5)),
    ("March", (None, 3, None)),
    ("MARCH", (None, 3, None)),
    ("June 2018", (2018, 6, None)),
    ("June, 2018", (2018, 6, None)),
    ("21st of December, 2022", (2022, 12, 21)),
    ("2 MARCH 2020", (2020, 3, 2)),
    ("7 march 2024", (2024, 3, 7)),
    ("Jan. 20, 2024", (2024, 1, 20)),
    ("Sept. 26, 2023", (2023, 9, 26)),
    ("29 February 2024", (2024, 2, 29)),
    ("28 february", (None, 2, 28)),
    ("June 13", (None, 6, 13)),
    ("3rd of May", (None, 5, 3)),
]
# texts left to dateparser: not valid in every year, other shapes, or mixed case
NOT_PLAIN = ["31 June", "Feb 29", "29 February 2023", "May. 5", "jUne 5", "12/21/2022", "1799"]

BASE = date(2024, 3, 13)  # a Wednesday
# (text, prefer, reading) from BASE
RELATIVE = [
    ("Friday", "past", (2024, 3, 8)),
    ("Friday", "future", (2024, 3, 15)),
    ("Wednesday", "past", (2024, 3, 6)),
    ("last Friday", "future", (2024, 3, 8)),
    ("next Monday", "past", (2024, 3, 18)),
    ("yesterday", "past", (2024, 3, 12)),
    ("Today", "past", (2024, 3, 13)),
    ("last week", "past", (2024, 3, 6)),
    ("this month", "past", (2024, 3, None)),
    ("next year", "past", (2025, None, None)),
    ("Two days later", "past", (2024, 3, 15)),
    ("a weeks ago", "past", (2024, 3, 6)),
    ("13 months after", "past", (2025, 4, None)),
    ("three years ago", "past", (2021, None, None)),
]
NOT_RELATIVE = ["twenty days after", "approved days before", "this week end", "Fridays"]


@pytest.mark.parametrize("text,reading", PLAIN)
def test_plain_reading_is_dateparsers(text, reading):
    assert _read_plain(text) == reading
    assert _dateparser_read(text, None, "past", "MDY") == reading


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_other_shapes_go_to_dateparser(text):
    assert _read_plain(text) is None


@pytest.mark.parametrize("text,prefer,reading", RELATIVE)
def test_relative_reading_is_dateparsers(text, prefer, reading):
    assert _read_relative(text, BASE, prefer) == reading
    assert _dateparser_read(text, BASE, prefer, "MDY") == reading


@pytest.mark.parametrize("text", NOT_RELATIVE)
def test_other_relative_phrases_go_to_dateparser(text):
    assert _read_relative(text, BASE, "past") is None


def _plain_sample(rng: random.Random, n: int) -> list[str]:
    months = [m for m in calendar.month_name if m] + [a for a in calendar.month_abbr if a]
    forms = [f(m) for m in [*months, "Sept"] for f in (str.title, str.upper, str.lower)]
    forms += [f + "." for f in forms]
    days = [f"{d}{s}" for d in [*range(1, 32), "01", "09"] for s in ("", "st", "nd", "rd", "th")]
    years = ["", " 2023", ", 2024", " 1900", ", 2000"]
    shapes = [
        lambda m, d, y: f"{d} {m}{y}",
        lambda m, d, y: f"{d} of {m}{y}",
        lambda m, d, y: f"{m} {d}{y}",
        lambda m, d, y: f"{m}{y}",
    ]
    return [
        rng.choice(shapes)(rng.choice(forms), rng.choice(days), rng.choice(years)) for _ in range(n)
    ]


def test_plain_sample_agrees_with_dateparser():
    """A random sample of the shapes (a full sweep of them found no difference either)."""
    texts = _plain_sample(random.Random(7), 600)
    read = [(t, _read_plain(t)) for t in texts]
    assert sum(r is not None for _, r in read) > 300
    for text, reading in read:
        if reading is not None:
            assert reading == _dateparser_read(text, None, "past", "MDY"), text


def test_relative_sample_agrees_with_dateparser():
    rng = random.Random(7)
    counts = ["a", "an", "one", "Two", "twelve", "0", "1", "7", "31", "99"]
    phrases = [
        f"{c} {u}{s} {d}"
        for c, u, s, d in itertools.product(
            counts, ("day", "week", "month", "year"), ("", "s"), ("later", "after", "ago")
        )
    ]
    phrases += [f"{m} {u}" for m in ("last", "This", "NEXT") for u in ("week", "month", "year")]
    phrases += [f"{m}{w}" for m in ("", "last ", "Next ") for w in calendar.day_name]
    for text in rng.sample(phrases, 120):
        base = date(2023, 12, 20) + timedelta(days=rng.randrange(80))
        prefer = rng.choice(["past", "future"])
        reading = _read_relative(text, base, prefer)
        assert reading is not None, text
        assert reading == _dateparser_read(text, base, prefer, "MDY"), (text, base, prefer)


def test_per_currency_converters_agree_with_the_full_one():
    from currency_converter import CurrencyConverter

    from aidextract.fx import _day, to_usd

    full = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
    rng = random.Random(7)
    days = [None, "1998", "2030-01-01", "2024-02", *(f"{y}-06-15" for y in range(1999, 2026))]
    for currency in ["EUR", "GBP", "JPY", "CAD", "PLN", "UAH", "XYZ"]:
        for on in rng.sample(days, 8):
            amount = rng.choice([1.0, 5e8, 1234567.89])
            expected = None
            if currency in full.currencies:
                expected = round(full.convert(amount, currency, "USD", date=_day(on)), 2)
            assert to_usd(amount, currency, on) == expected, (currency, on)
