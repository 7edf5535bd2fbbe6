"""One row per real-world package: consolidates `aid_packages` mentions across articles.

Two mentions are one package when they have the same donor, recipient and currency, the same
amount as stated (one figure may be a rounding of the other: "$1.2bn" and "$1.22bn", never
"$1.22bn" and "$1.25bn"), dates that fit one announcement (a window that follows the dates'
granularity) and come from different articles. Running totals are statements, not packages:
they get no event. Mentions are blocked by donor, recipient and currency and sorted by amount,
so only near-equal amounts are ever compared; clusters grow by complete linkage (every pair in
a package is compatible), closest pairs first, so a chain of near-matches never drifts.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import TABLES
from .store import read_table, replace_column

ROUNDING_TOLERANCE = 0.03  # a rounded figure is within 3% of the precise one ($61bn / $60.8bn)
SAME_DAY_WINDOW = timedelta(days=7)  # stages of one act: the vote, passage and signing
# A mention dated only by its article (no date, or the publication day itself, which is also
# what an undated mention falls back to) may have been announced in the weeks before.
UNDATED_LOOKBACK = timedelta(days=14)


@dataclass
class _Mention:
    row: int  # position in the aid_packages table
    article_id: str
    block: tuple | None  # (donor, recipient, currency); None: never merged
    amount: float
    digits: int  # significant digits the amount is stated with
    span: tuple[date, date]  # when it may have been announced
    key: str  # content-derived identity: the article's hash and the amount's offset


def consolidate_folder(folder: Path) -> int:
    """Write `aid_events` for the tables in `folder` and fill `aid_packages.event_id`."""
    packages = read_table(folder, "aid_packages").to_pandas()
    meta = ["article_id", "published", "outlet", "content_sha256"]
    articles = read_table(folder, "articles", columns=meta).to_pandas()
    events, event_ids = consolidate(packages, articles)
    table = pa.Table.from_pandas(events, schema=TABLES["aid_events"], preserve_index=False)
    pq.write_table(table, folder / "aid_events.parquet", compression="zstd")
    replace_column(folder, "aid_packages", "event_id", event_ids)
    return len(events)


@dataclass
class _Cluster:
    members: list[_Mention]
    articles: set[str]


def consolidate(packages: pd.DataFrame, articles: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """(aid_events, event_id per row of `packages`); cumulative rows get None."""
    rows = packages.to_dict("records")
    meta = {a["article_id"]: a for a in articles.to_dict("records")}
    mentions = [m for m in _mentions(rows, meta) if m is not None]
    clusters = _cluster(mentions)
    event_ids: list = [None] * len(packages)
    events = []
    for members in clusters:
        event_id = "ev-" + hashlib.sha1(min(m.key for m in members).encode()).hexdigest()[:16]
        for m in members:
            event_ids[m.row] = event_id
        events.append(_event(event_id, [rows[m.row] for m in members], meta))
    columns = TABLES["aid_events"].names
    table = pd.DataFrame(events, columns=columns).sort_values("event_id", ignore_index=True)
    return table, event_ids


def _mentions(rows: list[dict], meta: dict[str, dict]):
    for row, pkg in enumerate(rows):
        if pkg["cumulative"] is True or not _number(pkg["amount"]):
            yield None
            continue
        article = pkg["article_id"]
        parties = (pkg["donor"], pkg["recipient"], pkg["currency"])
        digest = _get(meta, article, "content_sha256") or str(article)
        yield _Mention(
            row=row,
            article_id=str(article),
            block=parties if all(isinstance(p, str) for p in parties) else None,
            amount=float(pkg["amount"]),
            digits=_significant_digits(float(pkg["amount"])),
            span=_span(pkg["announced"], _get(meta, article, "published")),
            key=f"{digest}:{pkg['start_char']}:{pkg['amount']}",
        )


def _cluster(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Complete-linkage clusters over compatible pairs, closest first; one article per cluster
    at most once."""
    pairs = [(_distance(a, b), a.row, b.row) for a, b in _candidates(mentions) if _compatible(a, b)]
    owner = {m.row: _Cluster([m], {m.article_id}) for m in mentions}
    for _, ra, rb in sorted(pairs):
        ca, cb = owner[ra], owner[rb]
        if ca is cb or ca.articles & cb.articles:
            continue
        if not all(_compatible(x, y) for x in ca.members for y in cb.members):
            continue
        ca.members.extend(cb.members)
        ca.articles |= cb.articles
        for m in cb.members:
            owner[m.row] = ca
    unique = {id(c): c.members for c in owner.values()}
    return sorted(unique.values(), key=lambda c: min(m.row for m in c))


def _candidates(mentions: list[_Mention]):
    """Pairs worth comparing: same block, amounts in the same or the next bucket of width
    ROUNDING_TOLERANCE, dates within the window (a sweep over start dates), so even thousands
    of "$1 billion" mentions of one donor cost little more than a sort."""
    buckets: dict[tuple, list[_Mention]] = {}
    for m in mentions:
        if m.block:
            step = int(math.log(m.amount) / math.log1p(ROUNDING_TOLERANCE))
            buckets.setdefault((m.block, step), []).append(m)
    for (block, step), here in buckets.items():
        upper = buckets.get((block, step + 1), [])
        lower = {id(m) for m in here}
        ordered = sorted(here + upper, key=lambda m: m.span[0])
        for i, a in enumerate(ordered):
            reach = _reach(a.span[1])
            for b in ordered[i + 1 :]:
                if b.span[0] > reach:
                    break
                if id(a) in lower or id(b) in lower:
                    yield a, b


def _reach(last: date) -> date:
    return last + SAME_DAY_WINDOW if last < date.max - SAME_DAY_WINDOW else date.max


def _compatible(a: _Mention, b: _Mention) -> bool:
    return (
        a.article_id != b.article_id
        and a.block == b.block
        and a.block is not None
        and same_stated_amount(a.amount, a.digits, b.amount, b.digits)
        and _gap(a.span, b.span) <= SAME_DAY_WINDOW
    )


def _distance(a: _Mention, b: _Mention) -> tuple:
    return (_gap(a.span, b.span), abs(a.amount - b.amount) / max(a.amount, b.amount))


def same_stated_amount(a: float, a_digits: int, b: float, b_digits: int) -> bool:
    """Equal at the coarser figure's precision, and close: "$1.2bn" is "$1.22bn" rounded."""
    if abs(a - b) > ROUNDING_TOLERANCE * max(a, b):
        return False
    (coarse, digits), fine = (a, a_digits), b
    if b_digits < a_digits:
        (coarse, digits), fine = (b, b_digits), a
    return _round_to(fine, digits) == _round_to(coarse, digits)


def _significant_digits(amount: float) -> int:
    text = f"{Decimal(repr(amount)).normalize():f}".replace(".", "").lstrip("0")
    return max(1, len(text.rstrip("0")))


@lru_cache(maxsize=65_536)
def _round_to(amount: float, digits: int) -> Decimal:
    value = Decimal(repr(amount))
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(f"1e{exponent}"), rounding=ROUND_HALF_UP)


def _span(announced, published) -> tuple[date, date]:
    """The days a mention's announcement may fall on: its date at its granularity, else the
    weeks before its article's publication; unknown: any day."""
    if announced != published and isinstance(announced, str) and (span := _partial_span(announced)):
        return span
    if isinstance(published, str) and (span := _partial_span(published)):
        return span[0] - UNDATED_LOOKBACK, span[1]
    return date.min, date.max


def _partial_span(value: str) -> tuple[date, date] | None:
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None


def _gap(a: tuple[date, date], b: tuple[date, date]) -> timedelta:
    if a[1] >= b[0] and b[1] >= a[0]:
        return timedelta(0)
    return b[0] - a[1] if a[1] < b[0] else a[0] - b[1]


def _event(event_id: str, rows: list[dict], meta: dict[str, dict]) -> dict:
    ids = list(dict.fromkeys(r["article_id"] for r in rows))
    published = sorted(p for p in (_get(meta, a, "published") for a in ids) if p)
    outlets = {o for o in (_get(meta, a, "outlet") for a in ids) if o}
    precise = max(rows, key=lambda r: _significant_digits(float(r["amount"])))
    best = max(rows, key=lambda r: _number(r["confidence"]) or 0.0)
    doubt = 1.0
    for r in rows:
        doubt *= 1 - (_number(r["confidence"]) or 0.0)
    return {
        "event_id": event_id,
        "donor": precise["donor"],
        "recipient": precise["recipient"],
        "amount": float(precise["amount"]),
        "currency": precise["currency"],
        "amount_usd": _number(precise["amount_usd"]),
        "qualifier": precise["qualifier"],
        "kind": _kind([r["kind"] for r in rows]),
        "announced": _announced([r["announced"] for r in rows]),
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "n_articles": len(ids),
        "n_outlets": len(outlets),
        "article_ids": sorted(ids),
        "evidence": best["evidence"],
        "evidence_article": best["article_id"],
        "items": _union(r["items"] for r in rows),
        "confidence": round(1 - doubt, 3),
    }


def _announced(values: list) -> str | None:
    """The most precise date the mentions give; of several, the latest (a signing follows
    the votes)."""
    dates = [v for v in values if isinstance(v, str) and _partial_span(v)]
    if not dates:
        return None
    finest = max(len(v.split("-")) for v in dates)
    return max(v for v in dates if len(v.split("-")) == finest)


def _kind(values: list) -> str:
    """The kind the mentions state most often ('mixed' on a tie); 'unspecified' only when
    none states one."""
    counts = Counter(k for k in values if isinstance(k, str) and k != "unspecified").most_common(2)
    if not counts:
        return "unspecified"
    return counts[0][0] if len(counts) == 1 or counts[0][1] > counts[1][1] else "mixed"


def _union(lists) -> list[str]:
    seen: dict[str, str] = {}
    for items in lists:
        for item in [] if items is None else list(items):
            seen.setdefault(str(item).lower(), str(item))
    return list(seen.values())


def _get(meta: dict[str, dict], article_id, column: str):
    value = meta.get(article_id, {}).get(column)
    return value if isinstance(value, str) else None


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and number > 0 else None
