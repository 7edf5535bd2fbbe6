"""Gold labels vs the pipeline's tables: precision / recall / F1 per table, with every error.

Matching follows the project's reference scorer: per article, gold facts in gold order each take
the first unused predicted fact that agrees on the key fields (greedy, one-to-one); dates are
compared as sets of distinct values. Attributes are then compared over the matched pairs. Each
miss, false alarm and attribute error is kept with its evidence sentence, so a report shows at
once what went wrong and where.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from aidextract.event_scores import score_events
from aidextract.gold import GoldArticle, load_events, load_gold

SCORED_TABLES = ("aid_packages", "troop_deployments", "people", "places", "dates")
AMOUNT_TOLERANCE = 0.01  # an amount within 1% of the gold one is the same amount
SENTENCE_WIDTH = 200  # a sentence in the report is cut to this many characters
INLINE_WIDTH = 40  # evidence this short stays on the line of its fact


def norm(text: Any) -> str:
    """Name form for comparing: accents split off, lowercase, curly apostrophe straight,
    anything but letters, digits, apostrophe and space -> space, spaces squashed."""
    text = unicodedata.normalize("NFKD", str(text)).lower().replace("\u2019", "'")
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text).split())


def plain(value: Any) -> Any:
    """A table cell as a plain Python value: NaN / NA -> None, numpy scalars -> int/float/bool."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy scalars and arrays (a list column's cell)
        return plain(value.tolist())
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _text(value: Any) -> str | None:
    """Free text compared after `norm`; an empty string is no value."""
    value = plain(value)
    return (norm(value) or None) if value is not None else None


def _same_amount(pred: Any, gold: Any) -> bool:
    try:
        return abs(float(pred) - float(gold)) <= AMOUNT_TOLERANCE * abs(float(gold))
    except (TypeError, ValueError):
        return False


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _same_aid(gold: dict, pred: dict) -> bool:
    return (
        gold["donor"] == pred.get("donor")
        and gold["recipient"] == pred.get("recipient")
        and gold["currency"] == pred.get("currency")
        and _same_amount(pred.get("amount"), gold["amount"])
    )


def _same_troops(gold: dict, pred: dict) -> bool:
    return gold["origin"] == pred.get("origin") and _as_int(pred.get("count")) == gold["count"]


def _same_person(gold: dict, pred: dict) -> bool:
    return norm(gold["name"]) == norm(pred.get("name") or "")


def _same_place(gold: dict, pred: dict) -> bool:
    names = {norm(name) for name in [gold["name"], *gold.get("aliases", [])]}
    return norm(pred.get("name") or "") in names


@dataclass(frozen=True)
class _Spec:
    """How one fact table is matched and shown: key fields, evidence field, attributes."""

    same: Callable[[dict, dict], bool]
    key: tuple[str, ...]
    evidence: str
    attributes: dict[str, Callable[[Any], Any]]


_SPECS = {
    "aid_packages": _Spec(
        _same_aid,
        ("donor", "recipient", "amount", "currency"),
        "evidence",
        {"qualifier": plain, "cumulative": plain, "kind": plain, "announced": plain},
    ),
    "troop_deployments": _Spec(
        _same_troops,
        ("origin", "count"),
        "evidence",
        {"destination": plain, "location": _text, "reported": plain},
    ),
    "people": _Spec(_same_person, ("name",), "name", {"role": _text, "country": plain}),
    "places": _Spec(_same_place, ("name",), "name", {}),
}


def _match(golds: list[dict], preds: list[dict], same: Callable[[dict, dict], bool]):
    """Greedy one-to-one matching in gold order -> (pairs, missed golds, unmatched preds)."""
    used: set[int] = set()
    pairs, misses = [], []
    for gold in golds:
        j = next((j for j, p in enumerate(preds) if j not in used and same(gold, p)), None)
        if j is None:
            misses.append(gold)
        else:
            used.add(j)
            pairs.append((gold, preds[j]))
    return pairs, misses, [p for j, p in enumerate(preds) if j not in used]


def _stem_of(articles: pd.DataFrame | None) -> dict[str, str]:
    """article_id -> gold stem: the stem of the article's source file (else of its id)."""
    if articles is None or articles.empty or "article_id" not in articles:
        return {}
    sources = articles["source"] if "source" in articles else [None] * len(articles)
    return {
        str(aid): Path(str(src)).stem if plain(src) else Path(str(aid)).stem
        for aid, src in zip(articles["article_id"], sources, strict=True)
    }


def _rows_by_stem(table: pd.DataFrame | None, stem_of: dict[str, str]) -> dict[str, list[dict]]:
    """The rows of a fact table grouped by gold stem, in table order."""
    grouped: dict[str, list[dict]] = {}
    if table is None or table.empty or "article_id" not in table:
        return grouped
    for row in table.to_dict("records"):
        aid = str(row["article_id"])
        grouped.setdefault(stem_of.get(aid, Path(aid).stem), []).append(row)
    return grouped


def _fact(stem: str, row: dict, spec: _Spec) -> dict:
    return {
        "article": stem,
        "fact": {k: plain(row.get(k)) for k in spec.key},
        "evidence": plain(row.get(spec.evidence)),
    }


class _Tally:
    """Counts and error lists of one table, summed over articles."""

    def __init__(self, attributes: tuple[str, ...] = ()) -> None:
        self.tp = self.pred = self.gold = 0
        self.misses: list[dict] = []
        self.false_alarms: list[dict] = []
        self.attribute_errors: list[dict] = []
        self.attributes = {name: [0, 0] for name in attributes}  # correct, compared

    def scores(self) -> dict:
        precision = self.tp / self.pred if self.pred else (1.0 if self.gold == 0 else 0.0)
        recall = self.tp / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
            "precision": precision,
            "recall": recall,
            "f1": f1,
        }

    def accuracy(self) -> dict:
        out = {name: _ratio(ok, n) for name, (ok, n) in self.attributes.items()}
        total = [
            sum(c[0] for c in self.attributes.values()),
            sum(c[1] for c in self.attributes.values()),
        ]
        out["overall"] = _ratio(*total)
        return out

    def errors(self) -> dict:
        return {
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "attribute_errors": self.attribute_errors,
        }


def _ratio(correct: int, total: int) -> dict:
    return {"correct": correct, "total": total, "accuracy": correct / total if total else None}


def _score_facts(stem: str, golds: list[dict], preds: list[dict], spec: _Spec, tally: _Tally):
    pairs, misses, false_alarms = _match(golds, preds, spec.same)
    tally.tp += len(pairs)
    tally.pred += len(preds)
    tally.gold += len(golds)
    tally.misses += [_fact(stem, g, spec) for g in misses]
    tally.false_alarms += [_fact(stem, p, spec) for p in false_alarms]
    for gold, pred in pairs:
        for name, canon in spec.attributes.items():
            counts = tally.attributes[name]
            counts[1] += 1
            if canon(gold.get(name)) == canon(pred.get(name)):
                counts[0] += 1
                continue
            error = _fact(stem, gold, spec)
            error.update(attribute=name, gold=plain(gold.get(name)), pred=plain(pred.get(name)))
            tally.attribute_errors.append(error)


def _first_text(dates: list[dict]) -> dict[str, Any]:
    """value -> the text of its first entry (the sentence shown for a date)."""
    texts: dict[str, Any] = {}
    for d in dates:
        value = plain(d.get("value"))
        if value is not None:
            texts.setdefault(str(value), plain(d.get("text")))
    return texts


def _score_dates(stem: str, golds: list[dict], preds: list[dict], tally: _Tally, relative: list):
    """Dates count as distinct values per article; `relative` sums [found, gold] for the
    values the gold marks relative."""
    gold_text, pred_text = _first_text(golds), _first_text(preds)
    found = gold_text.keys() & pred_text.keys()
    tally.tp += len(found)
    tally.pred += len(pred_text)
    tally.gold += len(gold_text)
    rel = {d["value"] for d in golds if d["relative"]}
    relative[0] += len(rel & found)
    relative[1] += len(rel)
    tally.misses += [_date_fact(stem, v, t) for v, t in gold_text.items() if v not in found]
    tally.false_alarms += [_date_fact(stem, v, t) for v, t in pred_text.items() if v not in found]


def _date_fact(stem: str, value: str, text: Any) -> dict:
    return {"article": stem, "fact": {"value": value}, "evidence": text}


def evaluate(gold_dir: Path, tables: dict[str, pd.DataFrame]) -> dict:
    """Score the pipeline's `tables` (run on the .txt files of `gold_dir`) against its labels.

    Returns a JSON-serialisable dict: "tables" (tp, pred, gold, precision, recall, f1 per
    table, micro over articles), "mean_f1", "attributes" (accuracy over matched pairs),
    "relative_date_recall", "articles_without_output", "articles_without_gold", "errors"
    (misses, false alarms, attribute errors per table, each with article and evidence).
    """
    gold = load_gold(gold_dir)
    stem_of = _stem_of(tables.get("articles"))
    by_stem = {name: _rows_by_stem(tables.get(name), stem_of) for name in SCORED_TABLES}
    tallies = {name: _Tally(tuple(_SPECS[name].attributes)) for name in _SPECS}
    tallies["dates"] = _Tally()
    relative = [0, 0]
    for stem, article in gold.items():
        for name, spec in _SPECS.items():
            golds = article.labels.get(name, [])
            _score_facts(stem, golds, by_stem[name].get(stem, []), spec, tallies[name])
        golds = article.labels.get("dates", [])
        _score_dates(stem, golds, by_stem["dates"].get(stem, []), tallies["dates"], relative)
    scores = {name: tallies[name].scores() for name in SCORED_TABLES}
    output_stems = set(stem_of.values()) | {s for rows in by_stem.values() for s in rows}
    clusters = load_events(gold_dir)
    aid = by_stem["aid_packages"]
    return {
        "events": None if clusters is None else _events(gold, clusters, aid),
        "tables": scores,
        "mean_f1": sum(s["f1"] for s in scores.values()) / len(scores),
        "attributes": {n: tallies[n].accuracy() for n, spec in _SPECS.items() if spec.attributes},
        "relative_date_recall": relative[0] / relative[1] if relative[1] else None,
        "articles_without_output": sorted(set(gold) - output_stems),
        "articles_without_gold": sorted(output_stems - set(gold)),
        "errors": {name: tallies[name].errors() for name in SCORED_TABLES},
    }


def _events(gold: dict[str, GoldArticle], clusters: list, aid: dict[str, list[dict]]) -> dict:
    """The consolidation measure: gold aid entries matched to rows as in the aid table."""
    matched = {}
    for stem, article in gold.items():
        golds, preds = article.labels.get("aid_packages", []), aid.get(stem, [])
        pairs, _, _ = _match(golds, preds, _same_aid)
        index_of = {id(x): i for i, x in enumerate(golds)} | {id(x): j for j, x in enumerate(preds)}
        matched[stem] = {index_of[id(g)]: index_of[id(p)] for g, p in pairs}
    return score_events(gold, clusters, matched, {stem: aid.get(stem, []) for stem in gold})


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
        return f"{value:,}"
    return "null" if value is None else str(value)


def clip(text: Any, width: int = SENTENCE_WIDTH) -> str:
    """A sentence on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(str(text).split()) if text is not None else "(no evidence)"
    return text if len(text) <= width else text[: width - 1] + "…"


def _fact_line(fact: dict) -> str:
    return " ".join(f"{k}={_show(v)}" for k, v in fact.items())


def _score_lines(result: dict) -> list[str]:
    lines = [f"{'table':20} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"]
    for name, s in result["tables"].items():
        lines.append(
            f"{name:20} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}"
            f" {s['tp']:5d} {s['pred']:5d} {s['gold']:5d}"
        )
    lines.append(f"{'mean F1':20} {'':>6} {'':>6} {result['mean_f1']:6.3f}")
    lines.append(f"relative date recall: {_rate(result['relative_date_recall'])}")
    return lines


def _attribute_lines(result: dict) -> list[str]:
    lines = ["", "attribute accuracy over matched pairs (correct/compared)"]
    for name, attrs in result["attributes"].items():
        parts = [
            f"{attr} {_rate(a['accuracy'])} ({a['correct']}/{a['total']})"
            for attr, a in attrs.items()
        ]
        lines.append(f"  {name}: " + ", ".join(parts))
    return lines


def _event_lines(result: dict) -> list[str]:
    events = result.get("events")
    if not events:
        return []
    lines = [
        "",
        f"aid events (events.json): {events['entries']} entries, {events['gold_links']} links",
        f"  {'':12} {'link P':>7} {'link R':>7} {'link F1':>7} {'B3 F1':>7}"
        f" {'right':>6} {'pred':>5}",
    ]
    for name in ("alone", "end_to_end"):
        e = events[name]
        lines.append(
            f"  {name.replace('_', ' '):12} {e['link_precision']:7.3f} {e['link_recall']:7.3f}"
            f" {e['link_f1']:7.3f} {e['b3_f1']:7.3f} {e['links_right']:6d} {e['links_pred']:5d}"
        )
    return lines


def _error_lines(result: dict) -> list[str]:
    lines = []
    for name, errors in result["errors"].items():
        counts = {kind: len(items) for kind, items in errors.items()}
        if not any(counts.values()):
            continue
        lines += [
            "",
            f"== {name}: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()),
        ]
        by_article: dict[str, list[str]] = {}
        for kind, items in errors.items():
            for item in items:
                by_article.setdefault(item["article"], []).append(_error_text(kind, item))
        for article in sorted(by_article):
            lines.append(f"  {article}")
            lines += by_article[article]
    return lines


_ERROR_LABELS = {"misses": "miss", "false_alarms": "false alarm"}


def _error_text(kind: str, item: dict) -> str:
    if kind == "attribute_errors":
        head = (
            f"{item['attribute']}: gold {_show(item['gold'])}, pred {_show(item['pred'])}"
            f" [{_fact_line(item['fact'])}]"
        )
    else:
        head = f"{_ERROR_LABELS[kind]}: {_fact_line(item['fact'])}"
    evidence = item["evidence"]
    if evidence in item["fact"].values():  # a person's or place's name is its own evidence
        return f"    {head}"
    if evidence is not None and len(evidence) <= INLINE_WIDTH:  # a date's text
        return f'    {head} "{clip(evidence)}"'
    return f'    {head}\n        "{clip(evidence)}"'


def format_report(result: dict, show_errors: bool = True) -> str:
    """The result of `evaluate` as plain text: scores, attribute accuracy, then every error
    grouped by table and article with its sentence."""
    lines = _score_lines(result) + _attribute_lines(result) + _event_lines(result)
    for label in ("articles_without_output", "articles_without_gold"):
        if result[label]:
            lines.append(f"{label.replace('_', ' ')}: {', '.join(result[label])}")
    if show_errors:
        lines += _error_lines(result)
    return "\n".join(lines) + "\n"
