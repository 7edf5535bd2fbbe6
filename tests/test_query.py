"""`aidextract query`: DuckDB over a real output folder, compared with pandas on the same tables."""

from __future__ import annotations

import io
import json
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import aidextract
from aidextract.cli import app
from aidextract.query import QueryError, cell_text, query, table_files
from aidextract.schema import TABLES

runner = CliRunner()
ARTICLES = ("dev-01", "dev-03", "dev-20")  # aid, troops, both


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory, gold_dir):
    out = tmp_path_factory.mktemp("query-out")
    aidextract.run([gold_dir / f"{stem}.txt" for stem in ARTICLES], out)
    return out


@pytest.fixture(scope="module")
def tables(out_dir):
    return aidextract.load(out_dir)


def query_cli(*args):
    return runner.invoke(app, ["query", *map(str, args)])


def said(result) -> str:
    """stderr with rich's line wrapping undone."""
    return " ".join(result.stderr.split())


def test_group_by_matches_pandas(out_dir, tables):
    got = query(
        "SELECT donor, count(*) AS n, sum(amount_usd) AS usd FROM aid_packages "
        "GROUP BY donor ORDER BY donor",
        out_dir,
    )
    aid = tables["aid_packages"]
    want = aid.groupby("donor").agg(n=("donor", "size"), usd=("amount_usd", "sum")).reset_index()
    assert len(want) >= 2, "the fixture should have aid from more than one donor"
    assert got["donor"].tolist() == want["donor"].tolist()
    assert got["n"].tolist() == want["n"].tolist()
    assert got["usd"].tolist() == pytest.approx(want["usd"].tolist())


def test_every_table_is_a_view(out_dir, tables):
    for name, frame in tables.items():
        assert query(f"SELECT count(*) AS n FROM {name}", out_dir)["n"][0] == len(frame), name


def test_csv_parses_back(out_dir, tables):
    result = query_cli(
        "SELECT article_id, origin, count, items FROM troop_deployments "
        "LEFT JOIN (SELECT article_id, items FROM aid_packages LIMIT 1) USING (article_id) "
        "ORDER BY start_char",
        "--out",
        out_dir,
        "--csv",
    )
    assert result.exit_code == 0, result.output
    parsed = pd.read_csv(io.StringIO(result.stdout))
    troops = tables["troop_deployments"].sort_values("start_char")
    assert parsed["origin"].tolist() == troops["origin"].tolist()
    assert parsed["count"].tolist() == troops["count"].tolist()
    lists = parsed["items"].dropna()
    assert all(isinstance(json.loads(cell), list) for cell in lists)  # list cells are JSON


def test_table_output(out_dir):
    sql = "SELECT donor, sum(amount_usd) FROM aid_packages GROUP BY donor"
    result = query_cli(sql, "--out", out_dir)
    assert result.exit_code == 0, result.output
    assert "USA" in result.stdout
    assert " rows" in result.stdout


@pytest.mark.parametrize(
    "sql,message",
    [
        ("SELEC donor FROM aid_packages", "syntax error"),
        ("SELECT * FROM no_such_table", "no_such_table"),
        ("SELECT no_such_column FROM people", "no_such_column"),
    ],
)
def test_bad_sql_is_a_usage_error(out_dir, sql, message):
    result = query_cli(sql, "--out", out_dir)
    assert result.exit_code == 2
    assert message in said(result)
    assert "Tables: articles, aid_packages" in said(result)
    with pytest.raises(QueryError):
        query(sql, out_dir)


def test_missing_folder_says_run_first(tmp_path):
    result = query_cli("SELECT 1", "--out", tmp_path / "nothing")
    assert result.exit_code == 2
    assert "run `aidextract run --out" in said(result)


def copy_as_parts(source, target_dir, n_parts=2):
    """A table written the way a Dask run writes it: a folder of part files."""
    table = pq.read_table(source)
    target_dir.mkdir()
    size = -(-table.num_rows // n_parts)
    for i in range(n_parts):
        pq.write_table(table.slice(i * size, size), target_dir / f"part.{i}.parquet")
    (target_dir / "_metadata").write_bytes(b"not parquet")  # Dask's side files are ignored


@pytest.mark.parametrize("folder", ["aid_packages.parquet", "aid_packages"])
def test_folders_of_parts_and_extra_tables(out_dir, tables, tmp_path, folder):
    out = tmp_path / "out"
    shutil.copytree(out_dir, out)
    (out / "aid_packages.parquet").rename(tmp_path / "aid.parquet")
    copy_as_parts(tmp_path / "aid.parquet", out / folder)
    shutil.copy(tmp_path / "aid.parquet", out / "aid_events.parquet")  # a table beyond schema
    (out / "people.parquet").unlink()  # a schema table missing: empty, with its columns
    assert set(table_files(out)) == set(TABLES) - {"people"} | {"aid_events"}
    n = len(tables["aid_packages"])
    assert query("SELECT count(*) AS n FROM aid_packages", out)["n"][0] == n
    assert query("SELECT count(*) AS n FROM aid_events", out)["n"][0] == n
    assert query("SELECT * FROM people", out).columns.tolist() == TABLES["people"].names


def test_a_table_held_twice_is_refused(out_dir, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(out_dir, out)
    copy_as_parts(out / "dates.parquet", out / "dates")
    with pytest.raises(ValueError, match="holds table dates twice"):
        query("SELECT 1", out)
    assert query_cli("SELECT 1", "--out", out).exit_code == 2


@pytest.mark.parametrize(
    "value,text",
    [
        (1.85e9, "1,850,000,000"),
        (38.89511, "38.89511"),
        (None, ""),
        (float("nan"), ""),
        (["tanks", "shells"], "tanks; shells"),
        (12, "12"),
        ("a [b]", "a [b]"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_deployments_over_time_lists_every_count_in_date_order(out_dir, tables):
    view = aidextract.deployments_over_time(out_dir)
    troops = tables["troop_deployments"]
    assert len(view) == len(troops) > 0
    for _, group in view.groupby(["origin", "destination"], dropna=False):
        dates = group["reported"].dropna().tolist()
        assert dates == sorted(dates)
    assert set(view["article_id"]) == set(troops["article_id"])


def test_aid_events_is_a_view_with_each_package_once(out_dir, tables):
    events = query("SELECT event_id, n_articles FROM aid_events", out_dir)
    assert len(events) == len(tables["aid_events"]) > 0
    linked = query(
        "SELECT count(*) AS n FROM aid_packages WHERE event_id IS NOT NULL AND NOT cumulative",
        out_dir,
    )["n"][0]
    assert events["n_articles"].sum() == linked
