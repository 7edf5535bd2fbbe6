"""Runs articles through the pipeline: parse in batches, extract facts, stream rows to the store.

Work is split into chunks of articles; with `jobs > 1` each chunk goes to a worker process
that loads the pipeline once and returns finished rows, so parsing and extraction use every
core and only a bounded number of chunks is in flight at any time.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from .events import consolidate_folder
from .facts import extract_facts
from .nlp import load_nlp, parse
from .previous import PreviousOutput
from .readers import Article, fingerprint, iter_articles
from .resources import pipeline_version
from .schema import FACT_TABLES
from .store import TableWriter

Rows = dict[str, list[dict]]


@dataclass(frozen=True)
class Reused:
    """An article the previous output holds unchanged: its rows are copied, not recomputed."""

    article_id: str


Result = tuple[dict, Rows] | Reused


@dataclass
class RunSummary:
    """What a run did: article counts by status, rows per table, seconds."""

    out_dir: Path
    statuses: dict[str, int] = field(default_factory=lambda: {"ok": 0, "error": 0, "skipped": 0})
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    reused: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def n_articles(self) -> int:
        return sum(self.statuses.values())


def article_row(article: Article, published: str | None) -> dict:
    return {
        "article_id": article.article_id,
        "source": article.source,
        "title": article.title,
        "published": published,
        "url": article.url,
        "outlet": article.outlet,
        "text": article.text,
        "content_sha256": fingerprint(article),
        "n_chars": len(article.text),
        "status": article.status,
        "error": article.error,
        "pipeline_version": pipeline_version(),
        "processed_at": datetime.now(UTC).replace(microsecond=0),
    }


def no_facts() -> Rows:
    """Every fact table, empty: what an error or skipped article contributes."""
    return {table: [] for table in FACT_TABLES}


def facts_of(article: Article, doc) -> tuple[dict, Rows]:
    """Facts of one parsed article; a failure becomes an error row, never a lost run."""
    try:
        published, facts = extract_facts(doc, article.published, article.outlet, article.url)
    except Exception as exc:  # one article's bug must not cost its neighbours
        article.status = "error"
        article.error = (
            f"extraction failed ({type(exc).__name__}: {exc}); the other articles are fine — "
            "please report this file: " + traceback.format_exc(limit=1).strip().splitlines()[-1]
        )
        return article_row(article, article.published), no_facts()
    for rows in facts.values():
        for row in rows:
            row["article_id"] = article.article_id
    return article_row(article, published), facts


def process_chunk(articles: list[Article | Reused], batch_size: int = 16) -> list[Result]:
    """Parse and extract one chunk of articles (runs inside a worker when jobs > 1)."""
    nlp = load_nlp()
    ok = [a for a in articles if isinstance(a, Article) and a.status == "ok"]
    results: dict[int, tuple[dict, Rows]] = {}
    try:
        docs = parse(nlp, (a.text for a in ok), batch_size=batch_size)
    except Exception:  # a bad text in the batch: parse one by one to isolate it
        docs = []
        for a in ok:
            try:
                docs.extend(parse(nlp, [a.text]))
            except Exception as exc:
                a.status, a.error = "error", f"the NLP pipeline failed on this text ({exc})"
                docs.append(None)
    for article, doc in zip(ok, docs, strict=True):
        if doc is not None:
            results[id(article)] = facts_of(article, doc)
    return [a if isinstance(a, Reused) else results.get(id(a)) or _unparsed(a) for a in articles]


def _unparsed(article: Article) -> tuple[dict, Rows]:
    """An error or skipped article: its row, and no facts."""
    return article_row(article, article.published), no_facts()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _watch_parent(parent: int, interval: float = 0.5) -> None:
    """End this worker once the run that started it is gone.

    A run killed outright (SIGKILL, the OOM killer) cannot stop its pool, and its workers
    would live on, each holding a loaded pipeline; polling the parent is portable and, unlike
    Linux's PR_SET_PDEATHSIG, does not depend on which thread of the parent spawned us.
    """
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)


def _start_worker(parent: int) -> None:
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    load_nlp()


def process(
    articles: Iterable[Article | Reused], jobs: int = 1, chunk_size: int = 8
) -> Iterator[Result]:
    """(article row, fact rows) for every article, in input order; `Reused` passes through."""
    if jobs <= 1:
        for chunk in _chunks(articles, chunk_size):
            yield from process_chunk(chunk)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        pending: list[Future] = []
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(process_chunk, chunk))
            while len(pending) >= 2 * jobs:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def run(
    paths: Iterable[str | Path],
    out_dir: str | Path = "data/out",
    jobs: int = 1,
    max_chars: int = 1_000_000,
    progress: Callable[[dict], None] | None = None,
    force: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
) -> RunSummary:
    """Process every file under `paths` and write all tables to `out_dir` atomically.

    Articles the output already holds unchanged are copied from it unless `force`; the tables
    always describe exactly the articles under `paths`. `engine="dask"` processes partitions
    on a Dask cluster (`scheduler` address, else a local cluster of `jobs` workers) and writes
    each table as a folder of part files.
    """
    start = datetime.now(UTC)
    summary = RunSummary(out_dir=Path(out_dir))
    articles = iter_articles(list(paths), max_chars=max_chars)

    def record(row: dict, facts: Rows | None = None) -> None:
        summary.statuses[row["status"]] = summary.statuses.get(row["status"], 0) + 1
        summary.reused += row.get("reused", False)
        if row["status"] == "error":
            summary.errors.append((row["source"], row["error"]))
        if progress:
            progress(row)

    with TableWriter(out_dir) as writer:  # finishes a killed run's commit before reading it
        previous = None if force else PreviousOutput(out_dir)
        items = (
            Reused(a.article_id) if previous is not None and previous.reusable(a) else a
            for a in articles
        )
        if engine == "dask":
            from .cluster import run_partitions

            run_partitions(items, writer, previous, record, jobs=jobs, scheduler=scheduler)
        else:
            for result in process(items, jobs=jobs):
                reused = isinstance(result, Reused)
                row, facts = previous.rows_of(result.article_id) if reused else result
                writer.add("articles", [row])
                for table, rows in facts.items():
                    writer.add(table, rows)
                record({**row, "reused": reused})
        writer.finish()
        writer.counts["aid_events"] = consolidate_folder(writer.staging)
        summary.rows = dict(writer.counts)
    summary.seconds = (datetime.now(UTC) - start).total_seconds()
    return summary
