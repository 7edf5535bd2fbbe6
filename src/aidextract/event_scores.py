"""How well aid mentions are consolidated into packages, against a gold folder's events.json.

Two measures over the gold aid entries that are not running totals: link precision / recall /
F1 (pairs of entries placed in one package) and B-cubed F1 (per entry, the overlap of its
predicted and gold packages). Each is taken twice: on the gold entries themselves, so the
consolidation rules are measured alone, and end to end, on the pipeline's own rows matched to
gold entries as in the aid table (an unmatched gold entry stands alone; a link between rows
that match no gold entry is a false link).
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from .events import consolidate
from .gold import GoldArticle
from .readers import split_front_matter


def score_events(
    gold: dict[str, GoldArticle],
    clusters: list[list[str]],
    matched: dict[str, dict[int, int]],
    predicted: dict[str, list[dict]],
) -> dict:
    """`matched`: per stem, gold entry index -> index of the predicted row it matched;
    `predicted`: per stem, the pipeline's aid rows (with `event_id`) in table order."""
    truth = _gold_partition(gold, clusters)
    alone = _consolidate_gold(gold)
    end_to_end, false_links = _pipeline_partition(truth, matched, predicted)
    return {
        "entries": len(truth),
        "gold_links": len(_links(truth)),
        "alone": _scores(truth, alone),
        "end_to_end": _scores(truth, end_to_end, extra_false_links=false_links),
    }


def _packages(gold: dict[str, GoldArticle]) -> list[tuple[str, dict]]:
    return [
        (f"{stem}#{i}", entry)
        for stem, article in gold.items()
        for i, entry in enumerate(article.labels.get("aid_packages", []))
        if not entry.get("cumulative")
    ]


def _gold_partition(gold: dict[str, GoldArticle], clusters: list[list[str]]) -> dict[str, int]:
    """entry ref -> package number; every entry not in a cluster is a package of its own."""
    package = {ref: n for n, cluster in enumerate(clusters) for ref in cluster}
    refs = [ref for ref, _ in _packages(gold)]
    return {ref: package.get(ref, len(clusters) + i) for i, ref in enumerate(refs)}


def _consolidate_gold(gold: dict[str, GoldArticle]) -> dict[str, str]:
    rows, refs = [], []
    for ref, entry in _packages(gold):
        stem, index = ref.split("#")
        rows.append({**entry, "article_id": stem, "start_char": int(index), "confidence": 1.0})
        refs.append(ref)
    articles = pd.DataFrame(
        [
            {
                "article_id": stem,
                "published": article.labels.get("published"),
                "outlet": split_front_matter(article.text)[0].get("source"),
            }
            for stem, article in gold.items()
        ]
    )
    columns = ["amount_usd", "qualifier", "kind", "announced", "items", "evidence", "donor"]
    packages = pd.DataFrame(rows).reindex(columns=list(dict.fromkeys([*rows[0], *columns])))
    _, event_ids = consolidate(packages, articles) if rows else (None, [])
    return dict(zip(refs, event_ids, strict=True))


def _pipeline_partition(
    truth: dict[str, int], matched: dict[str, dict[int, int]], predicted: dict[str, list[dict]]
) -> tuple[dict[str, object], int]:
    """Gold ref -> event of the row it matched (unmatched: its own), and the number of
    predicted links between rows of which at least one matches no gold entry."""
    partition: dict[str, object] = {}
    matched_rows = set()
    for ref in truth:
        stem, index = ref.split("#")
        row = matched.get(stem, {}).get(int(index))
        event = predicted[stem][row].get("event_id") if row is not None else None
        partition[ref] = event if event is not None else ("alone", ref)
        if row is not None:
            matched_rows.add((stem, row))
    by_event: dict[str, list[tuple[str, int]]] = {}
    for stem, rows in predicted.items():
        for i, row in enumerate(rows):
            if row.get("event_id") is not None:
                by_event.setdefault(row["event_id"], []).append((stem, i))
    false_links = sum(
        1
        for members in by_event.values()
        for a, b in combinations(members, 2)
        if a not in matched_rows or b not in matched_rows
    )
    return partition, false_links


def _links(partition: dict[str, object]) -> set[frozenset[str]]:
    groups: dict[object, list[str]] = {}
    for ref, package in partition.items():
        groups.setdefault(package, []).append(ref)
    return {frozenset(p) for refs in groups.values() for p in combinations(refs, 2)}


def _scores(truth: dict[str, int], pred: dict[str, object], extra_false_links: int = 0) -> dict:
    gold_links, pred_links = _links(truth), _links(pred)
    right = len(gold_links & pred_links)
    n_pred = len(pred_links) + extra_false_links
    precision = right / n_pred if n_pred else 1.0
    recall = right / len(gold_links) if gold_links else 1.0
    return {
        "links_right": right,
        "links_pred": n_pred,
        "link_precision": precision,
        "link_recall": recall,
        "link_f1": _f1(precision, recall),
        "b3_f1": _b_cubed(truth, pred),
    }


def _b_cubed(truth: dict[str, int], pred: dict[str, object]) -> float:
    def members(partition: dict) -> dict[str, set[str]]:
        groups: dict[object, set[str]] = {}
        for ref, package in partition.items():
            groups.setdefault(package, set()).add(ref)
        return {ref: groups[package] for ref, package in partition.items()}

    gold_of, pred_of = members(truth), members(pred)
    if not truth:
        return 1.0
    overlap = {ref: len(gold_of[ref] & pred_of[ref]) for ref in truth}
    precision = sum(overlap[r] / len(pred_of[r]) for r in truth) / len(truth)
    recall = sum(overlap[r] / len(gold_of[r]) for r in truth) / len(truth)
    return _f1(precision, recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
