"""The Dask engine: partitions of the input processed on a cluster, each written as part files.

Workers write their partition's rows straight into the run's staging folder (which must be on
storage every worker sees), so the driver never holds the rows; the driver streams the input,
keeps a bounded number of partitions in flight and commits the tables as usual.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from .pipeline import Reused, Rows, process_chunk
from .previous import PreviousOutput
from .readers import Article
from .schema import ARTICLE_TABLES
from .store import TableWriter, write_part

PARTITION_ARTICLES = 64


def run_partitions(
    items: Iterable[Article | Reused],
    writer: TableWriter,
    previous: PreviousOutput | None,
    record: Callable[[dict], None],
    jobs: int,
    scheduler: str | None = None,
) -> None:
    """Process `items` on Dask and write every table as part files of `writer`'s staging."""
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)  # its INFO lines are for admins
    if scheduler:
        with Client(scheduler) as client:
            _submit(client, items, writer, previous, record)
        return
    local = LocalCluster(
        n_workers=jobs,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_kwargs={"dashboard": False},
        silence_logs=logging.ERROR,
    )
    with local as cluster, Client(cluster) as client:
        _submit(client, items, writer, previous, record)


def _submit(client, items, writer: TableWriter, previous, record) -> None:
    """Keep two partitions per worker in flight; collect them as they finish."""
    from distributed import as_completed

    in_flight = as_completed()
    for index, partition in enumerate(_partitions(items, previous)):
        parts = {table: writer.part(table, index) for table in ARTICLE_TABLES}
        in_flight.add(client.submit(process_partition, partition, parts, pure=False))
        if in_flight.count() >= 2 * max(1, len(client.scheduler_info()["workers"])):
            _collect(next(in_flight).result(), writer, record)
    for future in in_flight:
        _collect(future.result(), writer, record)


def process_partition(
    partition: list[Article | tuple[dict, Rows]], parts: dict[str, Path]
) -> tuple[list[dict], dict[str, int]]:
    """Runs on a worker: process the articles, write each table's part, report what it did."""
    fresh = iter(process_chunk([item for item in partition if isinstance(item, Article)]))
    results = [next(fresh) if isinstance(item, Article) else item for item in partition]
    counts = {}
    for table, path in parts.items():
        if table == "articles":
            rows = [row for row, _ in results]
        else:
            rows = [fact for _, facts in results for fact in facts[table]]
        write_part(path, table, rows)
        counts[table] = len(rows)
    done = [
        {"status": r["status"], "source": r["source"], "error": r["error"], "reused": reused}
        for (r, _), reused in zip(
            results, (not isinstance(i, Article) for i in partition), strict=True
        )
    ]
    return done, counts


def _partitions(
    items: Iterable[Article | Reused], previous: PreviousOutput | None
) -> Iterator[list[Article | tuple[dict, Rows]]]:
    """Partitions in input order; reused articles carry their previous rows."""
    it = iter(items)
    while chunk := list(islice(it, PARTITION_ARTICLES)):
        yield [previous.rows_of(i.article_id) if isinstance(i, Reused) else i for i in chunk]


def _collect(result: tuple[list[dict], dict[str, int]], writer: TableWriter, record) -> None:
    done, counts = result
    for table, n in counts.items():
        writer.counts[table] += n
    for row in done:
        record(row)
