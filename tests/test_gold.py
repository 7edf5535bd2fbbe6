"""The gold labels are the spec: first assert they are sound, then that the check can fail."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from aidextract.gold import GoldError, body_of, load_events, load_gold, validate_gold

GOLD_DIR = Path(__file__).parent / "gold"
STEMS = sorted(p.stem for p in GOLD_DIR.glob("*.json") if p.name != "events.json")
SAMPLE = "dev-01"


@pytest.fixture(scope="module")
def gold_problems() -> list[str]:
    return validate_gold(GOLD_DIR)


def test_gold_folder_has_articles():
    assert len(STEMS) >= 20


@pytest.mark.parametrize("stem", STEMS)
def test_gold_article_is_sound(stem, gold_problems):
    assert [p for p in gold_problems if p.startswith(f"{stem}.json:")] == []


@pytest.mark.parametrize(
    "folder",
    ["events", *(f"heldout{n}" for n in ("", *range(2, 16)))],
)
def test_labeled_subfolders_are_sound(folder):
    assert validate_gold(GOLD_DIR / folder) == []


def test_events_json_is_sound(gold_problems):
    assert [p for p in gold_problems if p.startswith("events.json:")] == []


def test_load_gold_reads_pairs_and_skips_events():
    gold = load_gold(GOLD_DIR)
    assert sorted(gold) == STEMS
    article = gold["dev-02"]
    assert article.stem == "dev-02" and article.path.name == "dev-02.txt"
    assert article.text.startswith("---\n")
    assert not article.body.startswith("---") and article.body in article.text
    assert set(article.labels) >= {"aid_packages", "people", "dates"}


def test_load_events_lists_clusters(tmp_path):
    events = load_events(GOLD_DIR)
    assert events and all(isinstance(c, list) and len(c) >= 2 for c in events)
    assert load_events(tmp_path) is None


@pytest.mark.parametrize(
    "text,body",
    [
        ("---\ntitle: T\n---\nBody.\n", "Body.\n"),
        ("No front matter.\n", "No front matter.\n"),
        ("---\nunclosed block\n", "---\nunclosed block\n"),
    ],
)
def test_body_of(text, body):
    assert body_of(text) == body


def _copy_sample(tmp_path: Path) -> dict:
    for suffix in (".txt", ".json"):
        shutil.copy(GOLD_DIR / f"{SAMPLE}{suffix}", tmp_path / f"{SAMPLE}{suffix}")
    return json.loads((tmp_path / f"{SAMPLE}.json").read_text(encoding="utf-8"))


def _write(tmp_path: Path, labels: dict) -> None:
    (tmp_path / f"{SAMPLE}.json").write_text(json.dumps(labels), encoding="utf-8")


def _set(table: str, field: str, value):
    def change(labels: dict) -> None:
        labels[table][0][field] = value

    return change


BREAKAGES = [
    (
        "evidence not in body",
        _set("aid_packages", "evidence", "A sentence nobody wrote."),
        "aid_packages[0].evidence is not in the body",
    ),
    (
        "country name for a code",
        _set("aid_packages", "donor", "United States"),
        "aid_packages[0].donor: not an ISO alpha-3 code",
    ),
    (
        "lowercase currency",
        _set("aid_packages", "currency", "usd"),
        "aid_packages[0].currency must be an ISO 4217 code",
    ),
    ("negative amount", _set("aid_packages", "amount", -5), "aid_packages[0].amount must be"),
    (
        "date in words",
        _set("aid_packages", "announced", "21 December 2022"),
        "aid_packages[0].announced: not a partial ISO date",
    ),
    (
        "month 13",
        _set("aid_packages", "announced", "2022-13"),
        "aid_packages[0].announced: not a partial ISO date",
    ),
    (
        "bad qualifier",
        _set("aid_packages", "qualifier", "approximately"),
        "aid_packages[0].qualifier 'approximately' is not one of",
    ),
    ("bad kind", _set("aid_packages", "kind", "lethal"), "aid_packages[0].kind 'lethal'"),
    (
        "cumulative as string",
        _set("aid_packages", "cumulative", "false"),
        "aid_packages[0].cumulative must be true/false",
    ),
    ("bad place type", _set("places", "type", "town"), "places[0].type 'town'"),
    (
        "person not in body",
        _set("people", "name", "Nobody Atall"),
        "people[0].name is not in the body",
    ),
    (
        "date text not in body",
        _set("dates", "text", "Octember 41"),
        "dates[0].text is not in the body",
    ),
    ("date without value", _set("dates", "value", None), "dates[0].value is required"),
    (
        "missing key",
        lambda labels: labels.pop("troop_deployments"),
        "missing key troop_deployments",
    ),
]


@pytest.mark.parametrize(
    "change,expected", [b[1:] for b in BREAKAGES], ids=[b[0] for b in BREAKAGES]
)
def test_validate_gold_catches_broken_label(tmp_path, change, expected):
    labels = _copy_sample(tmp_path)
    assert validate_gold(tmp_path) == []
    change(labels)
    _write(tmp_path, labels)
    problems = validate_gold(tmp_path)
    assert any(p.startswith(f"{SAMPLE}.json: {expected}") for p in problems), problems


def test_validate_gold_catches_labels_without_article(tmp_path):
    _copy_sample(tmp_path)
    (tmp_path / f"{SAMPLE}.txt").unlink()
    assert validate_gold(tmp_path) == [f"{SAMPLE}.json: no {SAMPLE}.txt beside it"]
    with pytest.raises(GoldError, match="no dev-01.txt"):
        load_gold(tmp_path)


def test_validate_gold_catches_bad_json(tmp_path):
    _copy_sample(tmp_path)
    (tmp_path / f"{SAMPLE}.json").write_text("{not json", encoding="utf-8")
    assert [p.split(":")[1].strip() for p in validate_gold(tmp_path)] == ["bad JSON"]


@pytest.mark.parametrize(
    "clusters,expected",
    [
        ([[f"{SAMPLE}#0", f"{SAMPLE}#99"]], f"{SAMPLE} has no aid_packages[99]"),
        ([[f"{SAMPLE}#0", "dev-77#0"]], "'dev-77#0' names no labeled article entry"),
        ([[f"{SAMPLE}#0"]], "a package needs two or more entries"),
        ([[f"{SAMPLE}#0", f"{SAMPLE}#1"], [f"{SAMPLE}#1", f"{SAMPLE}#2"]], "is in two packages"),
        ([[f"{SAMPLE}#0", f"{SAMPLE}#3"]], "is a running total"),
        ([[f"{SAMPLE}#0", f"{SAMPLE}#1"]], "entries differ in donor, recipient or currency"),
    ],
)
def test_validate_gold_catches_bad_events(tmp_path, clusters, expected):
    labels = _copy_sample(tmp_path)
    labels["aid_packages"][1]["currency"] = "EUR"  # so that #0 and #1 differ in currency
    labels["aid_packages"][3]["cumulative"] = True
    _write(tmp_path, labels)
    (tmp_path / "events.json").write_text(json.dumps({"aid_events": clusters}), encoding="utf-8")
    problems = validate_gold(tmp_path)
    assert any(p.startswith("events.json: aid_events[") and expected in p for p in problems), (
        problems
    )
