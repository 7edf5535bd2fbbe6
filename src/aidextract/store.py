"""Writes the tables atomically and reads them back.

A run streams rows into Parquet files in a staging folder beside the output (one row group
per batch, so memory stays flat in corpus size); only when every table is complete are the
files moved into place with `os.replace`. An interrupted run therefore leaves the previous
output as it was. A run killed while moving files leaves a staging folder marked complete; the
next run finishes those moves first, so no table stays a run behind the others.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import TABLES

_COMPLETE = "COMPLETE"  # marks a staging folder whose every table is written and closed


class TableWriter:
    """Streams rows of every table into staging Parquet files; `commit()` moves them in place.

    One run writes to an output folder at a time; staging folders a killed run left behind
    are removed when the next one starts. Rows are validated against the table's schema on
    the way in (a wrong type raises
    `pyarrow.ArrowInvalid` / `ArrowTypeError` naming the column).
    """

    def __init__(self, out_dir: str | Path, batch_rows: int = 5_000):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for stale in self.out_dir.glob(".staging-*"):  # left by a killed run (SIGKILL)
            if (stale / _COMPLETE).exists():
                _move_into_place(stale, self.out_dir)
            shutil.rmtree(stale, ignore_errors=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out_dir))
        self.batch_rows = batch_rows
        self._buffers: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self.counts: dict[str, int] = dict.fromkeys(TABLES, 0)

    def add(self, table: str, rows: Iterable[Mapping]) -> None:
        buf = self._buffers[table]
        for row in rows:
            buf.append(row)
            self.counts[table] += 1
        if len(buf) >= self.batch_rows:
            self._flush(table)

    def _writer(self, table: str) -> pq.ParquetWriter:
        if table not in self._writers:
            self._writers[table] = pq.ParquetWriter(
                self.staging / f"{table}.parquet", TABLES[table], compression="zstd"
            )
        return self._writers[table]

    def _flush(self, table: str) -> None:
        buf = self._buffers[table]
        if buf:
            self._writer(table).write_table(pa.Table.from_pylist(buf, schema=TABLES[table]))
            buf.clear()

    def finish(self) -> None:
        """Close every staged file, writing empty tables for those without rows, so the
        staging folder can be read (consolidation runs on it before the commit)."""
        for table in TABLES:
            self._flush(table)
            if table in self._writers:
                self._writers.pop(table).close()
            elif not (self.staging / f"{table}.parquet").exists():
                write_part(self.staging / f"{table}.parquet", table, [])

    def commit(self) -> None:
        """Finish every file (empty tables included), then move them into the output folder."""
        self.finish()
        (self.staging / _COMPLETE).touch()
        _move_into_place(self.staging, self.out_dir)
        shutil.rmtree(self.staging, ignore_errors=True)

    def part(self, table: str, index: int) -> Path:
        """Where a worker writes part `index` of a partitioned table (the Dask engine)."""
        folder = self.staging / f"{table}.parquet"
        folder.mkdir(exist_ok=True)
        return folder / f"part-{index:05d}.parquet"

    def abort(self) -> None:
        """Drop the staging files; the previous output stays untouched."""
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
        shutil.rmtree(self.staging, ignore_errors=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_part(path: Path, table: str, rows: list[dict]) -> None:
    """One part file of a partitioned table, validated against the table's schema."""
    pq.write_table(pa.Table.from_pylist(rows, schema=TABLES[table]), path, compression="zstd")


def read_table(out_dir: str | Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """One table of an output (or staging) folder, whatever its layout; empty if missing."""
    schema = TABLES[table]
    parts = [pq.read_table(f, schema=schema, columns=columns) for f in table_files(out_dir, table)]
    if not parts:
        empty = schema.empty_table()
        return empty.select(columns) if columns else empty
    return pa.concat_tables(parts)


def replace_column(out_dir: str | Path, table: str, column: str, values: list) -> None:
    """Set `column` of a staged table to `values` (in table order), file by file."""
    start = 0
    for path in table_files(out_dir, table):
        part = pq.read_table(path, schema=TABLES[table])
        chunk = pa.array(values[start : start + part.num_rows], TABLES[table].field(column).type)
        start += part.num_rows
        part = part.set_column(part.schema.get_field_index(column), column, chunk)
        tmp = path.with_name(path.name + ".tmp")
        pq.write_table(part, tmp, compression="zstd")
        os.replace(tmp, path)
    if start != len(values):
        raise ValueError(f"{table}: {len(values)} values for {start} rows")


def table_files(out_dir: str | Path, table: str) -> list[Path]:
    """The Parquet files of a table: one file, or a folder of parts in order; [] if none."""
    path = Path(out_dir) / f"{table}.parquet"
    if path.is_dir():
        return sorted(path.glob("part-*.parquet"))
    return [path] if path.exists() else []


def _move_into_place(staging: Path, out_dir: Path) -> None:
    """Move a complete staging folder's tables into the output (those not moved yet).

    A file replaces a file atomically; a folder of parts (or a change of layout) first moves
    the old table aside into the staging folder, which is deleted afterwards.
    """
    for table in TABLES:
        staged, target = staging / f"{table}.parquet", out_dir / f"{table}.parquet"
        if not staged.exists():
            continue
        if target.exists() and (target.is_dir() or staged.is_dir()):
            os.replace(target, staging / f"old-{table}.parquet")
        os.replace(staged, target)


def load(out_dir: str | Path = "data/out") -> dict[str, pd.DataFrame]:
    """Every table of an output folder as a DataFrame, keyed by table name.

    A table missing from the folder comes back empty with its schema's columns.
    """
    out = Path(out_dir)
    if not out.is_dir():
        raise FileNotFoundError(f"no output folder at {out}; run `aidextract run` first")
    return {name: read_table(out, name).to_pandas() for name in TABLES}
