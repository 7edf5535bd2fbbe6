"""Writes the tables atomically and reads them back.

A run streams rows into Parquet files in a staging folder beside the output (one row group
per batch, so memory stays flat in corpus size); only when every table is complete are the
files moved into place with `os.replace`. An interrupted run therefore leaves the previous
output as it was.
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

    def commit(self) -> None:
        """Finish every file (empty tables included), then move them into the output folder."""
        for table in TABLES:
            self._flush(table)
            self._writer(table).close()
        for table in TABLES:
            os.replace(self.staging / f"{table}.parquet", self.out_dir / f"{table}.parquet")
        shutil.rmtree(self.staging, ignore_errors=True)

    def abort(self) -> None:
        """Drop the staging files; the previous output stays untouched."""
        for writer in self._writers.values():
            writer.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def load(out_dir: str | Path = "data/out") -> dict[str, pd.DataFrame]:
    """Every table of an output folder as a DataFrame, keyed by table name.

    A table missing from the folder comes back empty with its schema's columns.
    """
    out = Path(out_dir)
    if not out.is_dir():
        raise FileNotFoundError(f"no output folder at {out}; run `aidextract run` first")
    tables = {}
    for name, schema in TABLES.items():
        path = out / f"{name}.parquet"
        table = pq.read_table(path) if path.exists() else schema.empty_table()
        tables[name] = table.to_pandas()
    return tables
