"""evaluate(): the gold labels turned into tables score 1.0; each perturbation costs exactly
what it should and is listed with its evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from aidextract.evaluate import SCORED_TABLES, evaluate, format_report, norm
from aidextract.gold import load_gold
from aidextract.schema import columns

GOLD_DIR = Path(__file__).parent / "gold"
AID_ATTRIBUTES = ("qualifier", "cumulative", "kind", "announced")


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD_DIR)


def gold_rows(gold) -> dict[str, list[dict]]:
    """The labels as output rows. article_id differs from the stem, so the join goes through
    the articles' `source` column as it does for real output."""
    rows: dict[str, list[dict]] = {"articles": []}
    for stem, article in gold.items():
        article_id = f"id-{stem}"
        rows["articles"].append({"article_id": article_id, "source": f"{stem}.txt", "status": "ok"})
        for table in SCORED_TABLES:
            rows.setdefault(table, [])
            for entry in article.labels[table]:
                row = {k: v for k, v in entry.items() if k != "aliases"}
                rows[table].append(dict(row, article_id=article_id))
    return rows


def as_tables(rows: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame(r, columns=columns(name)) for name, r in rows.items()}


def first(rows: list[dict], stem: str) -> int:
    return next(i for i, r in enumerate(rows) if r["article_id"] == f"id-{stem}")


@pytest.fixture
def rows(gold):
    return gold_rows(gold)


@pytest.fixture(scope="module")
def perfect(gold):
    return evaluate(GOLD_DIR, as_tables(gold_rows(gold)))


def test_gold_as_output_scores_one(perfect):
    for table in SCORED_TABLES:
        s = perfect["tables"][table]
        assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0), table
        assert s["tp"] == s["pred"] == s["gold"] > 0
    assert perfect["mean_f1"] == 1.0
    assert perfect["relative_date_recall"] == 1.0
    for attrs in perfect["attributes"].values():
        assert all(a["accuracy"] == 1.0 for a in attrs.values())
    assert all(not any(e.values()) for e in perfect["errors"].values())
    assert perfect["articles_without_output"] == [] == perfect["articles_without_gold"]


def test_dropped_aid_row_is_a_miss(rows, perfect):
    i = first(rows["aid_packages"], "dev-01")
    dropped = rows["aid_packages"].pop(i)
    result = evaluate(GOLD_DIR, as_tables(rows))
    n = perfect["tables"]["aid_packages"]["gold"]
    s = result["tables"]["aid_packages"]
    assert (s["tp"], s["pred"], s["gold"]) == (n - 1, n - 1, n)
    assert s["precision"] == 1.0 and s["recall"] == pytest.approx((n - 1) / n)
    errors = result["errors"]["aid_packages"]
    assert errors["false_alarms"] == [] and errors["attribute_errors"] == []
    assert errors["misses"] == [
        {
            "article": "dev-01",
            "fact": {k: dropped[k] for k in ("donor", "recipient", "amount", "currency")},
            "evidence": dropped["evidence"],
        }
    ]
    assert dropped["evidence"][:150] in format_report(result)


@pytest.mark.parametrize("factor,matched", [(1.05, False), (0.95, False), (1.009, True)])
def test_changed_amount(rows, perfect, factor, matched):
    i = first(rows["aid_packages"], "dev-06")
    rows["aid_packages"][i]["amount"] *= factor
    result = evaluate(GOLD_DIR, as_tables(rows))
    n = perfect["tables"]["aid_packages"]["gold"]
    s = result["tables"]["aid_packages"]
    errors = result["errors"]["aid_packages"]
    if matched:
        assert s["tp"] == n and errors["misses"] == []
        return
    assert (s["tp"], s["pred"], s["gold"]) == (n - 1, n, n)
    evidence = rows["aid_packages"][i]["evidence"]
    assert [(e["article"], e["evidence"]) for e in errors["misses"]] == [("dev-06", evidence)]
    assert [(e["article"], e["evidence"]) for e in errors["false_alarms"]] == [("dev-06", evidence)]
    assert errors["false_alarms"][0]["fact"]["amount"] == pytest.approx(
        rows["aid_packages"][i]["amount"]
    )


def test_false_person_is_listed(rows, perfect):
    rows["people"].append({"article_id": "id-dev-03", "name": "Ivan Invented", "role": None})
    result = evaluate(GOLD_DIR, as_tables(rows))
    n = perfect["tables"]["people"]["gold"]
    s = result["tables"]["people"]
    assert (s["tp"], s["pred"], s["gold"]) == (n, n + 1, n)
    assert s["recall"] == 1.0 and s["precision"] == pytest.approx(n / (n + 1))
    assert result["errors"]["people"]["false_alarms"] == [
        {"article": "dev-03", "fact": {"name": "Ivan Invented"}, "evidence": "Ivan Invented"}
    ]
    assert "false alarm: name=Ivan Invented" in format_report(result)


def test_changed_qualifier_is_an_attribute_error(rows, perfect):
    aid = rows["aid_packages"]
    i = next(j for j, r in enumerate(aid) if r["qualifier"] == "exact")
    aid[i]["qualifier"] = "about"
    result = evaluate(GOLD_DIR, as_tables(rows))
    assert result["tables"]["aid_packages"] == perfect["tables"]["aid_packages"]
    qualifier = result["attributes"]["aid_packages"]["qualifier"]
    n = qualifier["total"]
    assert (qualifier["correct"], n) == (n - 1, perfect["tables"]["aid_packages"]["tp"])
    overall = result["attributes"]["aid_packages"]["overall"]
    assert (overall["correct"], overall["total"]) == (4 * n - 1, 4 * n)
    [error] = result["errors"]["aid_packages"]["attribute_errors"]
    assert (error["attribute"], error["gold"], error["pred"]) == ("qualifier", "exact", "about")
    assert error["evidence"] == aid[i]["evidence"]
    assert error["article"] == aid[i]["article_id"].removeprefix("id-")
    assert "qualifier: gold exact, pred about" in format_report(result)


def test_role_compared_after_normalization(rows):
    person = next(r for r in rows["people"] if r["role"])
    person["role"] = person["role"].upper() + " "
    other = next(r for r in rows["people"] if r["role"] and r is not person)
    other["role"] = "Chief Baker"
    result = evaluate(GOLD_DIR, as_tables(rows))
    role = result["attributes"]["people"]["role"]
    assert role["correct"] == role["total"] - 1
    [error] = result["errors"]["people"]["attribute_errors"]
    assert error["pred"] == "Chief Baker" and error["fact"] == {"name": other["name"]}


def test_place_matches_by_alias(rows, gold):
    stem, place = next(
        (stem, p) for stem, a in gold.items() for p in a.labels["places"] if p.get("aliases")
    )
    row = next(
        r for r in rows["places"] if r["article_id"] == f"id-{stem}" and r["name"] == place["name"]
    )
    row["name"] = place["aliases"][0].upper()
    result = evaluate(GOLD_DIR, as_tables(rows))
    assert result["tables"]["places"]["f1"] == 1.0


def test_dates_are_distinct_values(rows, gold, perfect):
    stem, date = next(
        (stem, d) for stem, a in gold.items() for d in a.labels["dates"] if d["relative"]
    )
    article_id = f"id-{stem}"
    kept = [
        r
        for r in rows["dates"]
        if not (r["article_id"] == article_id and r["value"] == date["value"])
    ]
    kept.append(dict(next(r for r in kept if r["article_id"] == article_id)))  # counts once
    rows["dates"] = kept
    result = evaluate(GOLD_DIR, as_tables(rows))
    n = perfect["tables"]["dates"]["gold"]
    s = result["tables"]["dates"]
    assert (s["tp"], s["pred"], s["gold"]) == (n - 1, n - 1, n)
    assert result["relative_date_recall"] < 1.0
    assert result["errors"]["dates"]["misses"] == [
        {"article": stem, "fact": {"value": date["value"]}, "evidence": date["text"]}
    ]
    assert result["errors"]["dates"]["false_alarms"] == []


def test_troop_count_must_be_equal(rows, perfect):
    troop = rows["troop_deployments"][0]
    troop["count"] += 1
    result = evaluate(GOLD_DIR, as_tables(rows))
    s = result["tables"]["troop_deployments"]
    n = perfect["tables"]["troop_deployments"]["gold"]
    assert (s["tp"], s["pred"], s["gold"]) == (n - 1, n, n)
    [miss] = result["errors"]["troop_deployments"]["misses"]
    assert miss["evidence"] == troop["evidence"]


def test_missing_article_and_empty_tables():
    result = evaluate(GOLD_DIR, {})
    assert result["tables"]["people"]["recall"] == 0.0
    assert result["tables"]["people"]["precision"] == 0.0
    assert len(result["articles_without_output"]) == len(load_gold(GOLD_DIR))
    assert "articles without output: dev-01" in format_report(result, show_errors=False)


def test_result_is_json_and_report_is_readable(rows):
    rows["aid_packages"].pop(0)
    rows["people"].append({"article_id": "id-dev-01", "name": "Ivan Invented"})
    rows["aid_packages"][0]["kind"] = "humanitarian"
    result = evaluate(GOLD_DIR, as_tables(rows))
    assert json.loads(json.dumps(result)) == result
    report = format_report(result)
    assert report.splitlines()[0].split() == ["table", "P", "R", "F1", "tp", "pred", "gold"]
    assert "mean F1" in report and "attribute accuracy" in report
    assert "== aid_packages: 1 misses, 0 false alarms, 1 attribute errors" in report
    assert max(len(line) for line in report.splitlines()) < 260
    assert "== aid_packages" not in format_report(result, show_errors=False)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Volodymyr Zelensky", "volodymyr zelensky"),
        ("Zelens’kyi", "zelens'kyi"),
        ("  Olaf   SCHOLZ ", "olaf scholz"),
        ("Jens-Stoltenberg", "jens stoltenberg"),
        # As the reference scorer: NFKD splits the umlaut off and the mark becomes a space.
        ("M\u00fcller", "mu ller"),
    ],
)
def test_norm(raw, expected):
    assert norm(raw) == expected
