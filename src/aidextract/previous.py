"""What an earlier run wrote: lets a re-run reuse the rows of articles that did not change.

An article is reused when the output holds it as `ok` with the same fingerprint (text and
metadata) and the same pipeline version; everything else is processed again, and articles no
longer in the input drop out, so an incremental run writes the same tables as a full one.
The previous tables are read forward in row groups, never whole: rows of one article are
contiguous and in article order, so each table needs one pass and holds only rows asked for
out of order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq

from .readers import Article, fingerprint
from .resources import pipeline_version
from .schema import ARTICLE_TABLES
from .store import table_files

_BATCH_ROWS = 4_096


class PreviousOutput:
    """The reusable articles of an output folder, and their rows on request, in order."""

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self._keys: dict[str, str] = {}
        self._order: dict[str, int] = {}
        version = pipeline_version()
        columns = ["article_id", "content_sha256", "status", "pipeline_version"]
        for position, row in enumerate(_rows(table_files(self.out_dir, "articles"), columns)):
            self._order[row["article_id"]] = position
            if row["status"] == "ok" and row["pipeline_version"] == version:
                self._keys[row["article_id"]] = row["content_sha256"]
        self._cursors: dict[str, _Cursor] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def reusable(self, article: Article) -> bool:
        """Unchanged since the previous run, which processed it without error."""
        key = self._keys.get(article.article_id)
        return key is not None and article.status == "ok" and key == fingerprint(article)

    def rows_of(self, article_id: str) -> tuple[dict, dict[str, list[dict]]]:
        """The previous article row and fact rows of a reusable article."""
        rows = {name: self._cursor(name).take(article_id) for name in ARTICLE_TABLES}
        (article,) = rows.pop("articles")
        return article, rows

    def _cursor(self, table: str) -> _Cursor:
        if table not in self._cursors:
            files = table_files(self.out_dir, table)
            self._cursors[table] = _Cursor(_rows(files), self._order, set(self._keys))
        return self._cursors[table]


class _Cursor:
    """Rows of one previous table, read forward; rows of articles wanted later are held."""

    def __init__(self, rows: Iterator[dict], order: dict[str, int], wanted: set[str]):
        self._rows = rows
        self._order = order
        self._wanted = wanted
        self._held: dict[str, list[dict]] = {}
        self._ahead: dict | None = None  # the first row past the article last asked for

    def take(self, article_id: str) -> list[dict]:
        position = self._order[article_id]
        while self._ahead is None or self._order.get(self._ahead["article_id"], -1) <= position:
            if self._ahead is not None:
                self._hold(self._ahead)
            self._ahead = next(self._rows, None)
            if self._ahead is None:
                break
        return self._held.pop(article_id, [])

    def _hold(self, row: dict) -> None:
        if row["article_id"] in self._wanted:
            self._held.setdefault(row["article_id"], []).append(row)


def _rows(files: list[Path], columns: list[str] | None = None) -> Iterator[dict]:
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=_BATCH_ROWS, columns=columns):
            yield from batch.to_pylist()
