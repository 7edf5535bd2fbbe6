"""One pyarrow schema per output table: the single source of truth for column names and types.

Field meanings follow the gold-label format (README, "Tables"). Every writer and reader goes
through these schemas, so a table is never written with a column missing or mistyped.
"""

from __future__ import annotations

import pyarrow as pa

STATUSES = ("ok", "error", "skipped")
QUALIFIERS = ("exact", "up_to", "more_than", "about", "nearly")
KINDS = ("military", "financial", "humanitarian", "mixed", "unspecified")
PLACE_TYPES = ("country", "admin1", "city", "other")
GRANULARITIES = ("day", "month", "year")
ORG_CODES = ("EU", "NATO", "UN", "IMF", "WB", "ADB", "EIB", "EBRD", "AIIB")  # beside ISO alpha-3
LENDERS = ("IMF", "WB", "ADB", "EIB", "EBRD", "AIIB")  # bodies whose aid is finance

_str = pa.string()

TABLES: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", _str),
            ("source", _str),
            ("title", _str),
            ("published", _str),
            ("url", _str),
            ("outlet", _str),
            ("text", pa.large_string()),
            ("content_sha256", _str),
            ("n_chars", pa.int64()),
            ("status", _str),
            ("error", _str),
            ("pipeline_version", _str),
            ("processed_at", pa.timestamp("ms", tz="UTC")),
        ]
    ),
    "aid_packages": pa.schema(
        [
            ("article_id", _str),
            ("donor", _str),
            ("recipient", _str),
            ("amount", pa.float64()),
            ("currency", _str),
            ("amount_usd", pa.float64()),
            ("qualifier", _str),
            ("kind", _str),
            ("cumulative", pa.bool_()),
            ("announced", _str),
            ("items", pa.list_(_str)),
            ("evidence", _str),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
            ("confidence", pa.float64()),
            ("event_id", _str),  # the aid_events row of this package; null for running totals
        ]
    ),
    "troop_deployments": pa.schema(
        [
            ("article_id", _str),
            ("origin", _str),
            ("count", pa.int64()),
            ("qualifier", _str),
            ("destination", _str),
            ("location", _str),
            ("reported", _str),
            ("evidence", _str),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
            ("confidence", pa.float64()),
        ]
    ),
    "people": pa.schema(
        [
            ("article_id", _str),
            ("name", _str),
            ("role", _str),
            ("country", _str),
            ("mentions", pa.int64()),
        ]
    ),
    "places": pa.schema(
        [
            ("article_id", _str),
            ("name", _str),
            ("type", _str),
            ("country", _str),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("mentions", pa.int64()),
        ]
    ),
    "dates": pa.schema(
        [
            ("article_id", _str),
            ("text", _str),
            ("value", _str),
            ("granularity", _str),
            ("relative", pa.bool_()),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
        ]
    ),
    "quantities": pa.schema(
        [
            ("article_id", _str),
            ("text", _str),
            ("value", pa.float64()),
            ("unit", _str),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
        ]
    ),
    "entities": pa.schema(
        [
            ("article_id", _str),
            ("text", _str),
            ("label", _str),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
        ]
    ),
    # one row per real-world package, consolidated over the whole output (events.py)
    "aid_events": pa.schema(
        [
            ("event_id", _str),
            ("donor", _str),
            ("recipient", _str),
            ("amount", pa.float64()),
            ("currency", _str),
            ("amount_usd", pa.float64()),
            ("qualifier", _str),
            ("kind", _str),
            ("announced", _str),
            ("first_reported", _str),
            ("last_reported", _str),
            ("n_articles", pa.int64()),
            ("n_outlets", pa.int64()),
            ("article_ids", pa.list_(_str)),
            ("evidence", _str),
            ("evidence_article", _str),
            ("items", pa.list_(_str)),
            ("confidence", pa.float64()),
        ]
    ),
}

CORPUS_TABLES = ("aid_events",)  # derived from the whole output, not from one article
FACT_TABLES = tuple(name for name in TABLES if name != "articles" and name not in CORPUS_TABLES)
ARTICLE_TABLES = ("articles", *FACT_TABLES)  # rows per article, written as articles are done


def columns(table: str) -> list[str]:
    """Column names of `table`, in schema order."""
    return TABLES[table].names
