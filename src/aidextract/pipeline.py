"""Runs articles through the pipeline: parse in batches, extract facts, stream rows to the store.

Work is split into chunks of articles; with `jobs > 1` each chunk goes to a worker process
that loads the pipeline once and returns finished rows, so parsing and extraction use every
core and only a bounded number of chunks is in flight at any time.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from . import __version__
from .facts import extract_facts
from .nlp import load_nlp, parse
from .readers import Article, content_sha256, iter_articles
from .schema import FACT_TABLES
from .store import TableWriter

Rows = dict[str, list[dict]]


@dataclass
class RunSummary:
    """What a run did: article counts by status, rows per table, seconds."""

    out_dir: Path
    statuses: dict[str, int] = field(default_factory=lambda: {"ok": 0, "error": 0, "skipped": 0})
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
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
        "content_sha256": content_sha256(article.text),
        "n_chars": len(article.text),
        "status": article.status,
        "error": article.error,
        "pipeline_version": __version__,
        "processed_at": datetime.now(UTC).replace(microsecond=0),
    }


def no_facts() -> Rows:
    """Every fact table, empty: what an error or skipped article contributes."""
    return {table: [] for table in FACT_TABLES}


def facts_of(article: Article, doc) -> tuple[dict, Rows]:
    """Facts of one parsed article; a failure becomes an error row, never a lost run."""
    try:
        published, facts = extract_facts(doc, article.published)
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


def process_chunk(articles: list[Article], batch_size: int = 16) -> list[tuple[dict, Rows]]:
    """Parse and extract one chunk of articles (runs inside a worker when jobs > 1)."""
    nlp = load_nlp()
    ok = [a for a in articles if a.status == "ok"]
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
    return [results.get(id(a)) or (article_row(a, a.published), no_facts()) for a in articles]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process(
    articles: Iterable[Article], jobs: int = 1, chunk_size: int = 8
) -> Iterator[tuple[dict, Rows]]:
    """(article row, fact rows) for every article, in input order."""
    if jobs <= 1:
        for chunk in _chunks(articles, chunk_size):
            yield from process_chunk(chunk)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=load_nlp) as pool:
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
) -> RunSummary:
    """Process every file under `paths` and write all tables to `out_dir` atomically."""
    start = datetime.now(UTC)
    summary = RunSummary(out_dir=Path(out_dir))
    with TableWriter(out_dir) as writer:
        for row, facts in process(iter_articles(list(paths), max_chars=max_chars), jobs=jobs):
            writer.add("articles", [row])
            for table, rows in facts.items():
                writer.add(table, rows)
            summary.statuses[row["status"]] = summary.statuses.get(row["status"], 0) + 1
            if row["status"] == "error":
                summary.errors.append((row["source"], row["error"]))
            if progress:
                progress(row)
        summary.rows = dict(writer.counts)
    summary.seconds = (datetime.now(UTC) - start).total_seconds()
    return summary
