"""The CLI run for real on a tmp folder of every input format; tables read back with pandas."""

from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from aidextract.cli import app
from aidextract.schema import TABLES

runner = CliRunner()

WIRE = (
    "---\ntitle: Aid\npublished: 2024-11-01\nsource: Test Wire\n---\n"
    "The United States on Friday announced $425 million in military aid for Ukraine, "
    "including armored vehicles and air defense interceptors.\n"
)
HTML = """<html><head><title>Berlin pledges</title>
<meta property="article:published_time" content="2023-05-13"></head><body>
<nav>Home | World | Sign in</nav><script>var x = "$9 billion in aid";</script>
<article><h1>Berlin pledges</h1><p>Germany announced a €2.7 billion package of military aid
for Ukraine on Saturday, its largest so far, Defence Minister Boris Pistorius said in
Berlin.</p><p>The package includes 30 Leopard 1A5 tanks and 20 Marder vehicles, officials
said, and deliveries are to begin within weeks.</p></article>
<footer>© 2023 Example Media</footer></body></html>"""


@pytest.fixture()
def corpus(tmp_path):
    raw = tmp_path / "raw"
    (raw / "nested").mkdir(parents=True)
    (raw / "wire.txt").write_text(WIRE, encoding="utf-8")
    (raw / "nested" / "page.html").write_text(HTML, encoding="utf-8")
    records = [
        {
            "id": "a1",
            "text": "Japan pledged $5.5bn in financial support to Ukraine.",
            "published": "2023-02-20",
        },
        "not a record",
    ]
    (raw / "batch.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n{broken json\n", encoding="utf-8"
    )
    (raw / "list.json").write_text(json.dumps([{"text": "Nothing happened today."}]))
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (raw / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    return raw


def run_cli(*args):
    return runner.invoke(app, ["run", *map(str, args), "--quiet"])


def test_run_every_format(corpus, tmp_path):
    out = tmp_path / "out"
    result = run_cli(corpus, "--out", out)
    assert result.exit_code == 1, result.output  # some inputs are errors
    for name, schema in TABLES.items():
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(schema), name
    articles = pq.read_table(out / "articles.parquet").to_pandas().set_index("source")
    assert articles.loc["wire.txt", "status"] == "ok"
    assert articles.loc["wire.txt", "published"] == "2024-11-01"
    assert articles.loc["wire.txt", "outlet"] == "Test Wire"
    assert articles.loc["nested/page.html", "status"] == "ok"
    assert "$9 billion" not in articles.loc["nested/page.html", "text"]
    assert articles.loc["batch.jsonl#a1", "status"] == "ok"
    assert (articles.status == "error").sum() == 3  # "not a record", broken line, blob.txt
    assert articles.loc["scan.pdf", "status"] == "skipped"
    assert articles.loc["scan.pdf", "error"]
    errors = articles[articles.status == "error"]
    assert errors.error.str.len().min() > 10

    aid = pq.read_table(out / "aid_packages.parquet").to_pandas()
    by_amount = {row.amount: row for row in aid.itertuples()}
    assert by_amount[425e6].donor == "USA" and by_amount[425e6].recipient == "UKR"
    assert by_amount[2.7e9].donor == "DEU" and by_amount[2.7e9].currency == "EUR"
    assert by_amount[5.5e9].donor == "JPN"
    texts = articles.reset_index().set_index("article_id").text
    for row in aid.itertuples():
        assert texts[row.article_id][row.start_char : row.end_char] in row.evidence


def test_all_ok_exits_zero(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "wire.txt").write_text(WIRE, encoding="utf-8")
    result = run_cli(raw, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output


def test_missing_path_is_usage_error(tmp_path):
    result = run_cli(tmp_path / "nope", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_failed_run_keeps_previous_output(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "wire.txt").write_text(WIRE, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(raw, "--out", out).exit_code == 0
    before = (out / "aid_packages.parquet").read_bytes()

    import aidextract.pipeline as pipeline

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "process", boom)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([raw], out)
    assert (out / "aid_packages.parquet").read_bytes() == before
    assert not list(out.glob(".staging-*"))


def test_next_run_clears_a_killed_runs_staging(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "wire.txt").write_text(WIRE, encoding="utf-8")
    out = tmp_path / "out"
    stale = out / ".staging-killed"
    stale.mkdir(parents=True)
    (stale / "articles.parquet").write_bytes(b"half written")
    assert run_cli(raw, "--out", out).exit_code == 0
    assert not stale.exists()


def test_eval_json(gold_dir, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for stem in ("dev-01", "dev-03"):
        for ext in (".txt", ".json"):
            shutil.copy(gold_dir / f"{stem}{ext}", gold)
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report["tables"]) == {
        "aid_packages",
        "troop_deployments",
        "people",
        "places",
        "dates",
    }
    assert 0.0 <= report["mean_f1"] <= 1.0


def test_every_command_and_option_has_help():
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert command.help, name
        assert "Example" in command.help, name
        for param in command.params:
            assert getattr(param, "help", None), f"{name} {param.name}"


def test_worker_processes_give_the_same_rows(gold_dir):
    """jobs=2 (chunks in worker processes) yields the rows of jobs=1, in input order."""
    from aidextract.pipeline import process
    from aidextract.readers import iter_articles

    paths = sorted(gold_dir.glob("dev-0[1-4].txt"))

    def rows(jobs):
        out = []
        for article, facts in process(iter_articles(paths), jobs=jobs, chunk_size=1):
            article = {k: v for k, v in article.items() if k != "processed_at"}
            out.append((article, facts))
        return out

    assert rows(2) == rows(1)
