"""The output measured against the hand-labeled articles in tests/gold.

The floors sit just under the measured figures (`aidextract eval tests/gold`); raise them
whenever quality rises, so that a regression fails the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aidextract.evaluate import evaluate
from aidextract.gold import load_gold

F1_FLOORS = {
    "aid_packages": 0.92,
    "troop_deployments": 0.97,
    "people": 0.97,
    "places": 0.99,
    "dates": 0.98,
}
MEAN_F1_FLOOR = 0.96
# Sets written after the rules: tests/gold/events (32 articles, five styles, the consolidation
# corpus), tests/gold/heldout (8 real-press pages with their furniture), tests/gold/heldout2 and
# tests/gold/heldout3 (10 each: wire copy, live blogs, opinion, press releases, factboxes,
# scraped pages), tests/gold/heldout4 (12: newsletters, transcripts, galleries, Asian and
# Gulf donors) and tests/gold/heldout5 (12: state-media wires, OCHA updates, Hansard answers,
# EU and NATO releases, CRS briefs, timelines, fact checks) and tests/gold/heldout6 (12: wire
# copy with trailers, live-blog summaries, columns, regional outlets, ministry releases) to
# tests/gold/heldout9 (12 each, session 5: economics desks, Pentagon and World Bank releases,
# sitreps, state media, newsletters, galleries, CRS briefs, transcripts, factboxes), each
# scored before any rule was tuned on it; their floors guard the quality on text like the
# hidden sets'. heldout7 served as a gate for session 5's rules (scores only, one row read),
# heldout8's aid errors were read after its first score, heldout9 was never read. Session 6
# read heldout8 and heldout9 for every table, and wrote tests/gold/heldout10 (scores only:
# wire copy, live blog, op-ed, UN and ministry releases, transcript, explainer, newsletter,
# bank release) and tests/gold/heldout11 (factbox, state media, conflict monitor, ministry and
# Commission releases, local paper, columns; its aid errors read late in the session). Session 7
# read heldout11 for every table and wrote tests/gold/heldout12 (scores only: wire copy, live
# blog, column, Commission and ministry releases, scraped pages, think-tank briefs) and
# tests/gold/heldout13 (the same genres; read after its first score). Session 11 wrote
# tests/gold/heldout14 (wire copy, live blogs, think-tank and CRS briefs, morning briefing,
# op-ed, government release; labeled twice, blind) and read it after its first score. Session
# 12 wrote tests/gold/heldout15 (wire copy, live blog, analysis, press release with captions,
# NATO rotation, bank financing, shared EU package, UN appeal, brief, troop withdrawal; labeled
# twice, blind). The newest sets keep the lowest floors.
SUBSET_FLOORS = {
    "events": {
        "aid_packages": 0.94,
        "troop_deployments": 0.95,
        "people": 0.96,
        "places": 0.97,
        "dates": 0.97,
    },
    "heldout": {
        "aid_packages": 0.92,
        "troop_deployments": 0.95,
        "people": 0.95,
        "places": 0.97,
        "dates": 0.97,
    },
    "heldout2": {
        "aid_packages": 0.91,
        "troop_deployments": 0.95,
        "people": 0.95,
        "places": 0.97,
        "dates": 0.96,
    },
    "heldout3": {
        "aid_packages": 0.90,
        "troop_deployments": 0.90,
        "people": 0.93,
        "places": 0.91,
        "dates": 0.95,
    },
    "heldout4": {
        "aid_packages": 0.90,
        "troop_deployments": 0.95,
        "people": 0.92,
        "places": 0.97,
        "dates": 0.96,
    },
    "heldout5": {
        "aid_packages": 0.81,
        "troop_deployments": 0.88,
        "people": 0.89,
        "places": 0.95,
        "dates": 0.93,
    },
    "heldout6": {
        "aid_packages": 0.93,
        "troop_deployments": 0.86,
        "people": 0.97,
        "places": 0.97,
        "dates": 0.94,
    },
    "heldout7": {
        "aid_packages": 0.85,
        "troop_deployments": 0.80,
        "people": 0.87,
        "places": 0.90,
        "dates": 0.93,
    },
    "heldout8": {
        "aid_packages": 0.80,
        "troop_deployments": 0.92,
        "people": 0.94,
        "places": 0.93,
        "dates": 0.95,
    },
    "heldout9": {
        "aid_packages": 0.86,
        "troop_deployments": 0.86,
        "people": 0.92,
        "places": 0.92,
        "dates": 0.90,
    },
    "heldout10": {
        "aid_packages": 0.77,
        "troop_deployments": 0.81,
        "people": 0.92,
        "places": 0.94,
        "dates": 0.95,
    },
    "heldout11": {
        "aid_packages": 0.87,
        "troop_deployments": 0.88,
        "people": 0.95,
        "places": 0.94,
        "dates": 0.94,
    },
    "heldout12": {
        "aid_packages": 0.78,
        "troop_deployments": 0.81,
        "people": 0.95,
        "places": 0.92,
        "dates": 0.94,
    },
    "heldout13": {
        "aid_packages": 0.93,
        "troop_deployments": 0.89,
        "people": 0.95,
        "places": 0.95,
        "dates": 0.94,
    },
    "heldout14": {
        "aid_packages": 0.79,
        "troop_deployments": 0.94,
        "people": 0.82,
        "places": 0.92,
        "dates": 0.94,
    },
    "heldout15": {
        "aid_packages": 0.78,
        "troop_deployments": 0.71,
        "people": 0.97,
        "places": 0.91,
        "dates": 0.97,
    },
}
EVENTS_LINK_F1_FLOOR = 0.95  # end to end: the pipeline's rows, consolidated, against events.json
GOLD_STEMS = sorted(load_gold(Path(__file__).parent / "gold"))


@pytest.fixture(scope="module")
def result(gold_tables, gold_dir):
    return evaluate(gold_dir, gold_tables)


@pytest.mark.parametrize("table", sorted(F1_FLOORS))
def test_f1_floor(result, table):
    f1 = result["tables"][table]["f1"]
    assert f1 >= F1_FLOORS[table], f"{table} F1 {f1:.3f} fell under its floor {F1_FLOORS[table]}"


def test_mean_f1_floor(result):
    assert result["mean_f1"] >= MEAN_F1_FLOOR


@pytest.mark.parametrize("stem", GOLD_STEMS)
def test_article_processed(gold_tables, stem):
    """Every gold article is read ok, and every evidence span points into its text."""
    articles = gold_tables["articles"]
    row = articles[articles.source == f"{stem}.txt"].iloc[0]
    assert row.status == "ok", row.error
    for table in ("aid_packages", "troop_deployments"):
        facts = gold_tables[table]
        for fact in facts[facts.article_id == row.article_id].itertuples():
            assert 0 <= fact.start_char < fact.end_char <= len(row.text)
            assert row.text[fact.start_char : fact.end_char] in fact.evidence


@pytest.fixture(scope="module")
def subset_result(corpus_tables, gold_dir):
    results: dict[str, dict] = {}

    def result(folder: str) -> dict:
        if folder not in results:
            results[folder] = evaluate(gold_dir / folder, corpus_tables(folder))
        return results[folder]

    return result


@pytest.mark.parametrize(
    ("folder", "table"), [(f, t) for f, floors in SUBSET_FLOORS.items() for t in floors]
)
def test_subset_f1_floor(subset_result, folder, table):
    f1 = subset_result(folder)["tables"][table]["f1"]
    floor = SUBSET_FLOORS[folder][table]
    assert f1 >= floor, f"{folder} {table} F1 {f1:.3f} under {floor}"


def test_events_consolidation_floors(subset_result):
    events = subset_result("events")["events"]
    assert events["alone"]["link_f1"] >= 0.90 and events["alone"]["b3_f1"] >= 0.97
    assert events["end_to_end"]["link_f1"] >= EVENTS_LINK_F1_FLOOR
