"""The Dask engine writes the same tables as the local one, as folders of parts (issue 6)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from aidextract import load, run
from aidextract.schema import ARTICLE_TABLES

from .test_incremental import tables_equal

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def runs(gold_dir, tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for stem in ("dev-02", "dev-07", "dev-13", "h-04", "new-03"):
        shutil.copy(gold_dir / f"{stem}.txt", raw)
    (raw / "empty.txt").write_text("", encoding="utf-8")
    local, dask = tmp_path_factory.mktemp("local"), tmp_path_factory.mktemp("dask")
    run([raw], local, jobs=1)
    summary = run([raw], dask, jobs=2, engine="dask")
    again = run([raw], dask, jobs=2, engine="dask")
    return raw, local, dask, summary, again


def test_dask_tables_equal_the_local_runs(runs):
    _, local, dask, summary, _ = runs
    tables_equal(load(local), load(dask))
    assert summary.statuses == {"ok": 5, "error": 0, "skipped": 1}
    assert summary.rows["aid_packages"] == len(load(local)["aid_packages"])


def test_dask_writes_a_partitioned_dataset_pandas_reads(runs):
    _, local, dask, _, _ = runs
    for name in ARTICLE_TABLES:
        assert (dask / f"{name}.parquet").is_dir()
        assert list((dask / f"{name}.parquet").glob("part-*.parquet"))
    frame = pd.read_parquet(dask / "aid_packages.parquet")
    assert len(frame) == len(load(local)["aid_packages"])
    assert frame["event_id"].tolist() == load(local)["aid_packages"]["event_id"].tolist()
    assert (dask / "aid_events.parquet").is_file()  # consolidated once, over every part


def test_dask_reruns_are_incremental_too(runs):
    _, _, _, _, again = runs
    assert again.reused == 5


def test_a_local_run_replaces_a_dask_output(runs, tmp_path):
    raw, local, dask, _, _ = runs
    out = tmp_path / "out"
    shutil.copytree(dask, out)
    run([raw], out, jobs=1, force=True)
    assert (out / "articles.parquet").is_file()
    tables_equal(load(local), load(out))
