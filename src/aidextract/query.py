"""SQL over an output folder: one DuckDB view per table, read straight from its Parquet.

A table is either one `<name>.parquet` file (a local run) or a folder `<name>.parquet/` or
`<name>/` of part files (a Dask run); both are read with a glob, so one query sees every part.
Every table of `schema.TABLES` has a view, empty with its schema's columns when the folder
lacks it; any other table file there (`aid_events`) gets one too.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from .schema import TABLES

# Troop counts are not merged (a force grows and shrinks), but an analyst follows them: per
# origin and destination, every reported count in date order, with the article it came from.
DEPLOYMENTS_OVER_TIME = """
CREATE VIEW deployments_over_time AS
SELECT t.origin, t.destination, coalesce(t.reported, a.published) AS reported, t.count,
       t.qualifier, t.location, t.article_id, a.published, a.outlet, t.evidence
FROM troop_deployments t LEFT JOIN articles a USING (article_id)
ORDER BY t.origin, t.destination NULLS LAST, reported NULLS LAST, a.published, t.article_id
"""


class QueryError(ValueError):
    """The SQL failed (syntax, unknown table or column); the message is DuckDB's."""


def _missing(out: Path) -> FileNotFoundError:
    return FileNotFoundError(f"no output folder at {out}; run `aidextract run --out {out}` first")


def _table_of(entry: Path) -> tuple[str, str] | None:
    """(table name, read_parquet glob) of one entry of the output folder, or None."""
    if entry.name.startswith("."):  # staging folders of a run in progress
        return None
    if entry.is_file() and entry.suffix == ".parquet":
        return entry.stem, str(entry)
    if entry.is_dir() and next(entry.rglob("*.parquet"), None) is not None:
        return entry.name.removesuffix(".parquet"), str(entry / "**" / "*.parquet")
    return None


def table_files(out_dir: str | Path) -> dict[str, str]:
    """Table name -> the glob its Parquet file(s) are read with, for every table in `out_dir`.

    Raises FileNotFoundError when the folder is missing, ValueError when two entries hold
    the same table (a file and a folder of parts), since which one is current is unknowable.
    """
    out = Path(out_dir)
    if not out.is_dir():
        raise _missing(out)
    found: dict[str, str] = {}
    for entry in sorted(out.iterdir()):
        table = _table_of(entry)
        if table is None:
            continue
        name, pattern = table
        if name in found:
            raise ValueError(
                f"{out} holds table {name} twice ({found[name]} and {pattern}); "
                "remove the stale one or run `aidextract run` again into an empty folder"
            )
        found[name] = pattern
    return found


def quote_ident(name: str) -> str:
    """`name` as a DuckDB identifier, whatever characters a table file's name holds."""
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(out_dir: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table of `out_dir`.

    Raises FileNotFoundError when the folder is missing or holds no table at all.
    """
    files = table_files(out_dir)
    if not files:
        raise FileNotFoundError(
            f"no tables in {out_dir}; run `aidextract run --out {out_dir}` first"
        )
    con = duckdb.connect()
    for name, pattern in files.items():
        con.execute(
            f"CREATE VIEW {quote_ident(name)} AS SELECT * FROM "
            f"read_parquet({_quote_literal(pattern)}, union_by_name = true)"
        )
    for name, schema in TABLES.items():
        if name not in files:
            con.register(name, schema.empty_table())
    con.execute(DEPLOYMENTS_OVER_TIME)
    return con


def deployments_over_time(out_dir: str | Path = "data/out") -> pd.DataFrame:
    """Per origin and destination, the reported troop counts in date order with their
    articles (the `deployments_over_time` view of `aidextract query`)."""
    return query("SELECT * FROM deployments_over_time", out_dir)


def cell_text(value: object) -> str:
    """One result value as a person reads it: nulls blank, lists joined by "; ", floats
    without a trailing ".0" and with thousands separated ("1,850,000,000", "38.89511")."""
    if isinstance(value, list | tuple | np.ndarray):
        return "; ".join(cell_text(v) for v in value)
    if pd.isna(value):
        return ""
    if isinstance(value, float):
        return f"{value:,.15g}"
    return str(value)


def query(sql: str, out_dir: str | Path = "data/out") -> pd.DataFrame:
    """The result of `sql` over the tables of `out_dir` (e.g. `SELECT donor,
    sum(amount_usd) FROM aid_packages GROUP BY donor`); an empty frame for a statement that
    returns no rows. Raises QueryError for SQL DuckDB rejects."""
    con = connect(out_dir)
    try:
        relation = con.sql(sql)
        return relation.df() if relation is not None else pd.DataFrame()
    except duckdb.Error as exc:
        raise QueryError(str(exc)) from exc
    finally:
        con.close()
