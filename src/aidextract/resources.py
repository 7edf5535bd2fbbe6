"""Loads the data files under models/ (gazetteers, patterns, word lists), validated on load.

The files ship inside the wheel as `aidextract/models`; in a source checkout (editable
install) they are read from the repository's `models/` folder.
"""

from __future__ import annotations

import csv
import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path
from string import Template


@cache
def pipeline_version() -> str:
    """The release plus a digest of the code and data files that make the rows, so an
    incremental run redoes the articles another build of aidextract processed."""
    from . import __version__

    digest = hashlib.sha256()
    for folder in (Path(__file__).parent, models_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".jsonl", ".json"):
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


class ResourceError(ValueError):
    """A data file under models/ is missing or malformed; the message names file and line."""


@cache
def models_dir() -> Path:
    packaged = Path(str(files("aidextract"))) / "models"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "models"
    if checkout.is_dir():
        return checkout
    raise ResourceError(f"no models/ folder found (looked in {packaged} and {checkout})")


def path(name: str) -> Path:
    p = models_dir() / name
    if not p.is_file():
        raise ResourceError(f"models/{name} is missing; reinstall aidextract or restore the file")
    return p


@cache
def read_tsv(name: str, required: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header line; `#` lines are comments.

    Empty cells become "". Raises ResourceError naming the line when a required column is
    missing or empty.
    """
    p = path(name)
    with p.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise ResourceError(f"models/{name}: header lacks column(s) {', '.join(missing)}")
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row:
            raise ResourceError(f"models/{name}, data line {lineno}: too many fields")
        clean = {k: (v or "").strip() for k, v in row.items()}
        for col in required:
            if not clean.get(col):
                raise ResourceError(f"models/{name}, data line {lineno}: empty '{col}'")
        rows.append(clean)
    return tuple(rows)


@cache
def read_words(name: str) -> frozenset[str]:
    """A one-entry-per-line word list (lower-cased); `#` lines are comments."""
    with path(name).open(encoding="utf-8") as fh:
        return frozenset(
            line.strip().lower() for line in fh if line.strip() and not line.startswith("#")
        )


@cache
def read_template(name: str) -> Template:
    """A `string.Template` text file (the report page); its leading `#` lines, which say
    source and licence as in every data file, are not part of the text."""
    lines = path(name).read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return Template("".join(lines))
