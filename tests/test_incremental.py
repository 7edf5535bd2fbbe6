"""Re-runs reuse unchanged articles and write the same tables as a full run (issue 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from aidextract import load, run
from aidextract.previous import PreviousOutput
from aidextract.readers import iter_articles

STEMS = ("dev-01", "dev-03", "dev-05", "dev-06", "h-02")
ADDED = "Germany pledged €30 million in humanitarian aid for Ukraine on Monday.\n"


def tables_equal(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in a:
        left = a[name].drop(columns="processed_at", errors="ignore")
        right = b[name].drop(columns="processed_at", errors="ignore")
        pd.testing.assert_frame_equal(left, right, obj=name)


@pytest.fixture()
def corpus(gold_dir, tmp_path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for stem in STEMS:
        shutil.copy(gold_dir / f"{stem}.txt", raw)
    return raw


def test_a_rerun_reuses_every_unchanged_article(corpus, tmp_path):
    out = tmp_path / "out"
    first = run([corpus], out)
    before = load(out)
    again = run([corpus], out)
    assert (first.reused, again.reused) == (0, len(STEMS))
    after = load(out)
    tables_equal(before, after)
    assert after["articles"]["processed_at"].equals(before["articles"]["processed_at"])


def test_changed_added_and_removed_files_give_the_full_runs_tables(corpus, gold_dir, tmp_path):
    out = tmp_path / "out"
    run([corpus], out)
    changed = corpus / "dev-03.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    (corpus / "dev-01.txt").unlink()
    shutil.copy(gold_dir / "h-03.txt", corpus)
    summary = run([corpus], out)
    assert summary.reused == len(STEMS) - 2  # dev-03 changed, dev-01 gone, h-03 new
    incremental = load(out)
    assert "dev-01.txt" not in set(incremental["articles"]["article_id"])
    assert 30_000_000 in set(incremental["aid_packages"]["amount"])
    run([corpus], tmp_path / "full")
    tables_equal(incremental, load(tmp_path / "full"))


def test_force_processes_everything_again(corpus, tmp_path):
    out = tmp_path / "out"
    run([corpus], out)
    assert run([corpus], out, force=True).reused == 0


def test_a_new_published_date_in_the_front_matter_is_a_change(corpus, tmp_path):
    out = tmp_path / "out"
    run([corpus], out)
    path = corpus / "dev-06.txt"
    text = path.read_text(encoding="utf-8")
    assert "published: 2025-03-05" in text
    path.write_text(text.replace("2025-03-05", "2025-03-06", 1), encoding="utf-8")
    previous = PreviousOutput(out)
    reusable = {a.article_id: previous.reusable(a) for a in iter_articles([corpus])}
    assert reusable == {f"{stem}.txt": stem != "dev-06" for stem in STEMS}


def test_rows_asked_out_of_order_still_come_back(corpus, tmp_path):
    out = tmp_path / "out"
    run([corpus], out)
    full = load(out)
    previous = PreviousOutput(out)
    for article_id in reversed(list(full["articles"]["article_id"])):
        _, facts = previous.rows_of(article_id)
        expected = full["dates"][full["dates"]["article_id"] == article_id]
        assert len(facts["dates"]) == len(expected)
