"""Killing a run at any moment leaves the previous output readable and complete (issue 7)."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import aidextract.store as store
from aidextract import load
from aidextract.schema import ARTICLE_TABLES, FACT_TABLES, TABLES

CLI = Path(sys.executable).with_name("aidextract")


def _corpus(gold_dir: Path, folder: Path, stems: list[str]) -> Path:
    folder.mkdir(parents=True)
    for stem in stems:
        shutil.copy(gold_dir / f"{stem}.txt", folder)
    return folder


def _ids(out: Path) -> dict[str, set[str]]:
    """The article ids each table holds: all tables of one run agree with its articles table."""
    tables = load(out)
    ids = {name: set(tables[name]["article_id"]) for name in ARTICLE_TABLES}
    ids["aid_events"] = {
        a for article_ids in tables["aid_events"]["article_ids"] for a in article_ids
    }
    return ids


def _write(out: Path, article_ids: list[str]) -> None:
    with store.TableWriter(out) as writer:
        for article_id in article_ids:
            writer.add("articles", [_article(article_id)])


def _article(article_id: str) -> dict:
    return {
        "article_id": article_id,
        "source": article_id,
        "content_sha256": "0" * 64,
        "n_chars": 1,
        "status": "ok",
        "pipeline_version": "test",
        "processed_at": None,
    }


def test_a_commit_killed_between_moves_is_finished_by_the_next_run(tmp_path, monkeypatch):
    out = tmp_path / "out"
    _write(out, ["old"])
    old_files = {t: (out / f"{t}.parquet").stat().st_ino for t in TABLES}
    real_replace, moved = os.replace, []

    def dies_after_two(src, dst):
        if len(moved) == 2:
            raise KeyboardInterrupt  # as if the process died here
        moved.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        _write(out, ["new"])
    monkeypatch.setattr(store.os, "replace", real_replace)
    # the interrupted commit left the first two tables new, the rest old: mixed
    assert set(load(out)["articles"]["article_id"]) == {"new"}
    assert list(out.glob(".staging-*")), "the complete staging folder must survive the crash"
    store.TableWriter(out).abort()  # any next run starts by finishing the moves
    assert not list(out.glob(".staging-*"))
    new_files = {t: (out / f"{t}.parquet").stat().st_ino for t in TABLES}
    assert all(new_files[t] != old_files[t] for t in TABLES), "every table is the new run's"
    assert set(load(out)["articles"]["article_id"]) == {"new"}


def test_an_incomplete_staging_folder_is_dropped(tmp_path):
    out = tmp_path / "out"
    _write(out, ["old"])
    stale = out / ".staging-killed"
    stale.mkdir()
    (stale / "articles.parquet").write_bytes(b"half written")
    store.TableWriter(out).abort()
    assert not stale.exists()
    assert set(load(out)["articles"]["article_id"]) == {"old"}


def test_sigkill_at_random_moments_never_breaks_the_output(gold_dir, tmp_path):
    """Real processes, real SIGKILL: after each kill every table reads back, and all tables
    come from one run (the previous one, or the new one if it had committed)."""
    first = _corpus(gold_dir, tmp_path / "first", ["dev-01", "dev-03"])
    second = _corpus(gold_dir, tmp_path / "second", [f"dev-{i:02d}" for i in range(4, 16)])
    out = tmp_path / "out"
    subprocess.run([CLI, "run", first, "--out", out, "-q", "-j", "1"], check=True)
    before = _ids(out)
    rng = random.Random(7)
    for _ in range(3):
        # its own process group, so that the workers the killed run leaves behind go too
        proc = subprocess.Popen(
            [CLI, "run", second, "--out", out, "-q", "-j", "2"], start_new_session=True
        )
        time.sleep(rng.uniform(1.0, 12.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        after = _ids(out)
        articles = after["articles"]
        assert articles in (before["articles"], {p.name for p in second.glob("*.txt")})
        for table in (*FACT_TABLES, "aid_events"):
            assert after[table] <= articles, f"{table} holds rows of another run"
    subprocess.run([CLI, "run", second, "--out", out, "-q", "-j", "2"], check=True)
    assert _ids(out)["articles"] == {p.name for p in second.glob("*.txt")}
    assert not list(out.glob(".staging-*"))


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for whoever adopted it to reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _children(pid: int) -> set[int]:
    kids = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(FileNotFoundError):
            kids |= {int(k) for k in (task / "children").read_text().split()}
    return kids


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_killed_run_leaves_no_worker_behind(gold_dir, tmp_path):
    """SIGKILL gives a run no chance to stop its pool: its workers must notice and end."""
    corpus = _corpus(gold_dir, tmp_path / "in", [f"dev-{i:02d}" for i in range(1, 16)])
    proc = subprocess.Popen(
        [CLI, "run", corpus, "--out", tmp_path / "out", "-q", "-j", "2"], start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(workers) == 2, "the run never started its two workers"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(map(_alive, workers)), "workers outlived the killed run"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
