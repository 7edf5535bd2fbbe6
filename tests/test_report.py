"""`aidextract report`: a self-contained page with a mark per fact, checked as HTML and in a
headless Chromium (Debian's package; skipped, saying how to enable it, where it is missing)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import aidextract
from aidextract.cli import app
from aidextract.report import Mark, article_marks, build_report, resolve_overlaps

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_CHROMIUM = (
    "install Debian's chromium (apt-get install chromium) to run the report's browser test"
)
ARTICLES = ("dev-01", "dev-03", "dev-20")  # aid, troops, both
HOSTILE = (
    "---\ntitle: Pledge <script>alert('title')</script>\npublished: 2023-03-03\n"
    "url: javascript:alert('url')\n---\n"
    "Germany pledged €500 million in military aid to Ukraine on 3 March 2023, Chancellor "
    "Olaf Scholz said in Berlin. <script>alert('body')</script> <img src=x onerror=alert(1)>\n"
)
MARK = re.compile(r'<mark class="entity" data-label="(\w+)" data-start="(\d+)" data-end="(\d+)"')
runner = CliRunner()


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory, gold_dir):
    raw = tmp_path_factory.mktemp("report-raw")
    for stem in ARTICLES:
        shutil.copy(gold_dir / f"{stem}.txt", raw)
    (raw / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("report-out")
    aidextract.run([raw], out)
    return out


@pytest.fixture(scope="module")
def tables(out_dir):
    return aidextract.load(out_dir)


@pytest.fixture(scope="module")
def page(out_dir, tmp_path_factory) -> Path:
    return build_report(out_dir, tmp_path_factory.mktemp("report") / "report.html")


def expected_marks(tables) -> list[Mark]:
    """What the page should highlight: every article's marks, from the tables themselves."""
    marks = []
    for article in tables["articles"].itertuples():
        facts = {
            name: frame[frame["article_id"] == article.article_id]
            for name, frame in tables.items()
            if "article_id" in frame
        }
        marks += article_marks(article.text, facts)
    return marks


class Fetches(HTMLParser):
    """Every src/href of the page outside <a> links, and every script element."""

    def __init__(self):
        super().__init__()
        self.urls, self.scripts = [], 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        if tag != "a":
            self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def test_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    parser = Fetches()
    parser.feed(text)
    assert parser.scripts == 0
    assert all(url.startswith(("data:", "#")) for url in parser.urls), parser.urls
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text)
    assert "<svg" in text  # the chart is inline


def test_hostile_text_is_escaped(page, tables):
    stored = tables["articles"].set_index("article_id").loc["hostile.txt"]
    assert "<script>alert('body')</script>" in stored["text"]  # the attack reached the page
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "<img src=x" not in text
    assert "&lt;script&gt;alert(&#x27;title&#x27;)" in text
    assert "&lt;script&gt;alert('body')" in text  # displaCy's escaping
    assert 'href="javascript:' not in text


def test_a_mark_per_fact(page, tables):
    marks = {(label, int(s), int(e)) for label, s, e in MARK.findall(page.read_text("utf-8"))}
    assert len(marks) == len(expected_marks(tables))
    by_table = {"aid_packages": "AMOUNT", "troop_deployments": "COUNT", "dates": "DATE"}
    for table, label in by_table.items():
        spans = tables[table][["start_char", "end_char"]].drop_duplicates()
        assert len(spans) > 0, table
        got = {(s, e) for lab, s, e in marks if lab == label}
        assert got == set(spans.itertuples(index=False, name=None)), table
    labels = {label for label, _, _ in marks}
    assert {"PERSON", "PLACE"} <= labels


def test_names_are_marked_whatever_spacy_labelled_them(page):
    tips = re.findall(r'data-label="PERSON"[^>]*title="([^"]*)"', page.read_text("utf-8"))
    assert any(tip.startswith("Olaf Scholz") for tip in tips)  # en_core_web_sm: ORG / GPE


@pytest.mark.parametrize(
    "marks,kept",
    [
        ([Mark(0, 5, "DATE", "a"), Mark(0, 5, "DATE", "b")], [Mark(0, 5, "DATE", "a | b")]),
        ([Mark(0, 9, "DATE", "d"), Mark(3, 7, "AMOUNT", "m")], [Mark(3, 7, "AMOUNT", "m")]),
        ([Mark(0, 4, "PLACE", "x"), Mark(2, 9, "PLACE", "y")], [Mark(2, 9, "PLACE", "y")]),
        ([Mark(0, 3, "PLACE", "x"), Mark(3, 6, "DATE", "y")], None),  # touching, both kept
        ([Mark(8, 12, "DATE", "out"), Mark(5, 5, "DATE", "empty")], []),
    ],
)
def test_resolve_overlaps(marks, kept):
    assert resolve_overlaps(marks, n_chars=10) == (marks if kept is None else kept)


def test_left_out_articles_are_counted(out_dir, tmp_path):
    text = build_report(out_dir, tmp_path / "one.html", max_articles=1).read_text("utf-8")
    assert "1 of 4 articles" in text
    assert "3 left out" in text
    assert text.count("<article ") == 1


def test_aid_events_are_charted_when_present(out_dir, tables, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(out_dir, out)
    aid = tables["aid_packages"]
    events = aid[~aid["cumulative"]][["donor", "recipient", "amount_usd", "announced"]]
    pq.write_table(pa.Table.from_pandas(events, preserve_index=False), out / "aid_events.parquet")
    text = build_report(out, tmp_path / "events.html").read_text("utf-8")
    assert "From aid_events (each package once)" in text
    assert "aid_events</div>" in text  # its row count is on a summary card


def test_cli(out_dir, tmp_path):
    target = tmp_path / "sub" / "r.html"
    result = runner.invoke(app, ["report", "--out", str(out_dir), "--html", str(target)])
    assert result.exit_code == 0, result.output
    assert target.is_file()
    missing = runner.invoke(app, ["report", "--out", str(tmp_path / "nothing")])
    assert missing.exit_code == 2
    assert "run `aidextract run --out" in " ".join(missing.stderr.split())


def test_in_chromium(page, tables, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    problems, fetched = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1400, "height": 1600})
            tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            tab.on("pageerror", lambda e: problems.append(str(e)))
            tab.on("dialog", lambda d: (problems.append(f"dialog {d.message}"), d.dismiss()))
            tab.on("request", lambda r: fetched.append(r.url))
            tab.goto(page.as_uri())
            marks = tab.locator("mark")
            assert marks.first.is_visible()
            assert marks.count() == len(expected_marks(tables))
            assert tab.locator("svg").first.is_visible()
            shot = tmp_path / "report.png"
            tab.screenshot(path=str(shot))
        finally:
            browser.close()
    assert problems == []
    assert fetched == [page.as_uri()]  # nothing but the page itself
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 50_000
