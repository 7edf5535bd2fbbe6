"""Hand-labeled gold articles: loading and validation of the labels (tests/gold/FORMAT rules).

A gold folder holds `<stem>.txt` (the raw article) beside `<stem>.json` (its labels), and may
hold one `events.json` saying which aid entries of different articles are the same package.
The labels are the spec of the output, so they are checked before anything is scored against
them: codes, enums, partial dates, and every quoted sentence or name really in the body.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from aidextract.readers import split_front_matter
from aidextract.schema import KINDS, ORG_CODES, PLACE_TYPES, QUALIFIERS

EVENTS_FILE = "events.json"
TOP_KEYS = ("published", "aid_packages", "troop_deployments", "people", "places", "dates")
# International bodies that stand where a country code would (FORMAT.md, "Codes").
_ALPHA3 = re.compile(r"[A-Z]{3}")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class GoldError(ValueError):
    """A gold folder cannot be loaded (labels without their article, unreadable JSON)."""


@dataclass(frozen=True)
class GoldArticle:
    """One labeled article: `path` is the .txt file, `labels` the parsed .json beside it."""

    path: Path
    text: str
    body: str
    labels: dict[str, Any]

    @property
    def stem(self) -> str:
        return self.path.stem


def body_of(text: str) -> str:
    """The article body as `aidextract run` reads it: the text after a front-matter block."""
    return split_front_matter(text)[1]


def label_files(gold_dir: Path) -> list[Path]:
    """The `<stem>.json` label files of a gold folder, sorted; events.json is not one."""
    return sorted(p for p in Path(gold_dir).glob("*.json") if p.name != EVENTS_FILE)


def load_gold(gold_dir: Path) -> dict[str, GoldArticle]:
    """Every labeled article of `gold_dir`, keyed by stem. Raises GoldError on a broken pair."""
    articles = {}
    for json_path in label_files(gold_dir):
        txt_path = json_path.with_suffix(".txt")
        if not txt_path.is_file():
            raise GoldError(f"{json_path.name}: no {txt_path.name} beside it")
        text = txt_path.read_text(encoding="utf-8")
        articles[json_path.stem] = GoldArticle(
            path=txt_path, text=text, body=body_of(text), labels=_read_json(json_path)
        )
    return articles


def load_events(gold_dir: Path) -> list[list[str]] | None:
    """The `aid_events` clusters (lists of `stem#i`) of events.json, or None without the file."""
    path = Path(gold_dir) / EVENTS_FILE
    if not path.is_file():
        return None
    return [list(cluster) for cluster in _read_json(path).get("aid_events", [])]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path.name}: bad JSON: {exc}") from exc


def validate_gold(gold_dir: Path) -> list[str]:
    """Every problem of the labels in `gold_dir` as "file: problem"; an empty list means sound."""
    gold_dir = Path(gold_dir)
    problems = []
    for json_path in label_files(gold_dir):
        problems += [f"{json_path.name}: {p}" for p in check_article(json_path)]
    events = gold_dir / EVENTS_FILE
    if events.is_file():
        problems += [f"{EVENTS_FILE}: {p}" for p in check_events(events)]
    return problems


def check_article(json_path: Path) -> list[str]:
    """Problems of one label file against FORMAT.md and the body of the article beside it."""
    txt_path = json_path.with_suffix(".txt")
    if not txt_path.is_file():
        return [f"no {txt_path.name} beside it"]
    try:
        labels = _read_json(json_path)
    except GoldError as exc:
        return [str(exc).removeprefix(f"{json_path.name}: ")]
    if not isinstance(labels, dict):
        return ["labels must be a JSON object"]
    body = _squash(body_of(txt_path.read_text(encoding="utf-8")))
    problems = [f"missing key {key}" for key in TOP_KEYS if key not in labels]
    problems += _check_date(labels.get("published"), "published")
    checks = {
        "aid_packages": _check_aid,
        "troop_deployments": _check_troops,
        "people": _check_person,
        "places": _check_place,
        "dates": _check_date_entry,
    }
    for table, check in checks.items():
        entries = labels.get(table, [])
        if not isinstance(entries, list):
            problems.append(f"{table} must be a list")
            continue
        for i, entry in enumerate(entries):
            where = f"{table}[{i}]"
            if not isinstance(entry, dict):
                problems.append(f"{where} must be an object")
                continue
            problems += [f"{where}.{p}" for p in check(entry, body)]
    problems += _duplicate_date_values(labels.get("dates"))
    return problems


def _squash(text: str) -> str:
    """Whitespace runs as one space: a quote may span a line break of the body."""
    return " ".join(str(text).split())


def _check_code(value: Any, field: str, nullable: bool = False) -> list[str]:
    if value is None and nullable:
        return []
    if isinstance(value, str) and (_ALPHA3.fullmatch(value) or value in ORG_CODES):
        return []
    return [f"{field}: not an ISO alpha-3 code or known org: {value!r}"]


def is_partial_date(value: Any) -> bool:
    """True for a real calendar date written as "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""
    found = _PARTIAL_DATE.fullmatch(value) if isinstance(value, str) else None
    if not found:
        return False
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _check_date(value: Any, field: str) -> list[str]:
    if value is None or is_partial_date(value):
        return []
    return [f"{field}: not a partial ISO date: {value!r}"]


def _check_enum(value: Any, allowed: tuple[str, ...], field: str) -> list[str]:
    return [] if value in allowed else [f"{field} {value!r} is not one of {', '.join(allowed)}"]


def _is_positive(value: Any, kind: type | tuple[type, ...]) -> bool:
    # bool is an int in Python; `true` is never a count or an amount.
    return isinstance(value, kind) and not isinstance(value, bool) and value > 0


def _check_evidence(entry: dict, body: str) -> list[str]:
    evidence = entry.get("evidence")
    if isinstance(evidence, str) and evidence.strip() and _squash(evidence) in body:
        return []
    return [f"evidence is not in the body: {evidence!r}"]


def _check_aid(entry: dict, body: str) -> list[str]:
    problems = _check_code(entry.get("donor"), "donor")
    problems += _check_code(entry.get("recipient"), "recipient")
    if not _is_positive(entry.get("amount"), (int, float)):
        problems.append(f"amount must be a positive number: {entry.get('amount')!r}")
    currency = entry.get("currency")
    if not (isinstance(currency, str) and _ALPHA3.fullmatch(currency)):
        problems.append(f"currency must be an ISO 4217 code: {currency!r}")
    problems += _check_enum(entry.get("qualifier"), QUALIFIERS, "qualifier")
    problems += _check_enum(entry.get("kind"), KINDS, "kind")
    if not isinstance(entry.get("cumulative"), bool):
        problems.append("cumulative must be true/false")
    problems += _check_date(entry.get("announced"), "announced")
    if not isinstance(entry.get("items", []), list):
        problems.append("items must be a list")
    return problems + _check_evidence(entry, body)


def _check_troops(entry: dict, body: str) -> list[str]:
    problems = _check_code(entry.get("origin"), "origin")
    problems += _check_code(entry.get("destination"), "destination", nullable=True)
    if not _is_positive(entry.get("count"), int):
        problems.append(f"count must be a positive integer: {entry.get('count')!r}")
    problems += _check_enum(entry.get("qualifier"), QUALIFIERS, "qualifier")
    problems += _check_date(entry.get("reported"), "reported")
    return problems + _check_evidence(entry, body)


def _check_person(entry: dict, body: str) -> list[str]:
    name = entry.get("name")
    problems = []
    if not (isinstance(name, str) and name.strip() and _squash(name).lower() in body.lower()):
        problems.append(f"name is not in the body: {name!r}")
    return problems + _check_code(entry.get("country"), "country", nullable=True)


def _check_place(entry: dict, body: str) -> list[str]:
    # A place named only through a demonym ("North Korean troops") is not quoted, so its
    # name is not looked up in the body.
    problems = _check_enum(entry.get("type"), PLACE_TYPES, "type")
    problems += _check_code(entry.get("country"), "country", nullable=True)
    if not isinstance(entry.get("aliases", []), list):
        problems.append("aliases must be a list")
    return problems


def _check_date_entry(entry: dict, body: str) -> list[str]:
    text = entry.get("text")
    problems = []
    if not (isinstance(text, str) and text.strip() and _squash(text).lower() in body.lower()):
        problems.append(f"text is not in the body: {text!r}")
    if entry.get("value") is None:
        problems.append("value is required")
    else:
        problems += _check_date(entry.get("value"), "value")
    if not isinstance(entry.get("relative"), bool):
        problems.append("relative must be true/false")
    return problems


def _duplicate_date_values(dates: Any) -> list[str]:
    """Dates are scored as distinct values, so FORMAT.md lists each value once."""
    if not isinstance(dates, list):
        return []
    values = [d.get("value") for d in dates if isinstance(d, dict)]
    repeated = sorted({str(v) for v in values if v is not None and values.count(v) > 1})
    return [f"dates: value {v} is listed more than once" for v in repeated]


def check_events(path: Path) -> list[str]:
    """Problems of events.json: every `stem#i` must name an aid entry of a labeled article
    beside it, once; a package's entries share donor, recipient and currency; running totals
    (cumulative) are statements, never listed."""
    try:
        events = _read_json(path)
    except GoldError as exc:
        return [str(exc).removeprefix(f"{path.name}: ")]
    clusters = events.get("aid_events", []) if isinstance(events, dict) else None
    if not isinstance(clusters, list):
        return ["aid_events must be a list of lists"]
    problems, seen = [], set()
    for k, cluster in enumerate(clusters):
        where = f"aid_events[{k}]"
        if not isinstance(cluster, list) or len(cluster) < 2:
            problems.append(f"{where}: a package needs two or more entries")
            continue
        entries = []
        for ref in cluster:
            entry, problem = _resolve_ref(path.parent, str(ref))
            if problem:
                problems.append(f"{where}: {problem}")
                continue
            if ref in seen:
                problems.append(f"{where}: {ref} is in two packages")
            seen.add(ref)
            if entry.get("cumulative") is True:
                problems.append(f"{where}: {ref} is a running total (cumulative)")
            entries.append(entry)
        keys = {(e.get("donor"), e.get("recipient"), e.get("currency")) for e in entries}
        if len(keys) > 1:
            problems.append(f"{where}: entries differ in donor, recipient or currency")
    return problems


def _resolve_ref(gold_dir: Path, ref: str) -> tuple[dict, str | None]:
    """The aid entry `stem#i` names, or a problem saying why it names none."""
    stem, _, index = ref.partition("#")
    json_path = gold_dir / f"{stem}.json"
    if not stem or not index.isdigit() or not json_path.is_file():
        return {}, f"{ref!r} names no labeled article entry"
    try:
        labels = _read_json(json_path)
    except GoldError:
        return {}, f"{ref!r}: {json_path.name} is not valid JSON"
    aid = labels.get("aid_packages", []) if isinstance(labels, dict) else []
    if int(index) >= len(aid) or not isinstance(aid[int(index)], dict):
        return {}, f"{stem} has no aid_packages[{index}]"
    return aid[int(index)], None
