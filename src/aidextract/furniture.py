"""Page furniture: link lists, captions, credits, share bars and copyright lines.

Facts of aid and troops never come from furniture (FORMAT.md); people and places may come
from captions, so callers decide what to skip. Patterns live in models/furniture.tsv.
"""

from __future__ import annotations

import re
from functools import cache

from .nlp import TABLE_LINE, TABLE_RULE
from .resources import read_tsv

# a link list under a heading ends at the first line of real prose
_PROSE_MIN_WORDS = 25
_HEADLINE_MAX_WORDS = 12  # a link headline ending in a full stop is still this short
_CAPTION_MAX_WORDS = 45


@cache
def _patterns() -> dict[str, list[re.Pattern]]:
    kinds: dict[str, list[re.Pattern]] = {
        "heading": [],
        "line": [],
        "caption": [],
        "promo": [],
        "credit": [],
        "counter": [],
    }
    for row in read_tsv("furniture.tsv", required=("kind", "pattern")):
        kinds[row["kind"]].append(re.compile(row["pattern"], re.IGNORECASE))
    return kinds


def _is_prose(line: str) -> bool:
    """A line that ends a sentence ("... worth €1.4 billion. It includes:") is text under a
    heading such as "Latest decision", not one of a list of link headlines."""
    return line.endswith((".", ":", ";")) and len(line.split()) > _HEADLINE_MAX_WORDS


def _caption_sized(text: str, span: tuple[int, int]) -> bool:
    """A caption is a line or two; a paragraph above a lone credit is more likely the story's
    own text with the image's caption lost."""
    return len(text[span[0] : span[1]].split()) <= _CAPTION_MAX_WORDS


def _table_lines(text: str) -> set[int]:
    """Start offsets of the lines of Markdown tables: a run of "| a | b |" lines with a rule
    line ("|---|---|") under its header is a table of the text, not a menu of the site."""
    starts: set[int] = set()
    block: list[tuple[int, str]] = []
    pos = 0
    for line in [*text.splitlines(keepends=True), ""]:
        start, pos = pos, pos + len(line)
        if TABLE_LINE.fullmatch(line):
            block.append((start, line))
            continue
        if any(TABLE_RULE.fullmatch(row) for _, row in block):
            starts.update(s for s, _ in block)
        block = []
    return starts


def furniture_ranges(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the furniture lines of `text`, and of its caption and promo lines
    (lines in capitals), which hold no aid or troop fact but may name places and people."""
    kinds = _patterns()
    headings, lines, captions = kinds["heading"], kinds["line"], kinds["caption"]
    out: list[tuple[int, int]] = []
    caption_out: list[tuple[int, int]] = []
    in_links = after_counter = False
    above: tuple[int, int] | None = None  # the line right above, if not blank and not furniture
    tables = _table_lines(text)
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        stripped = line.strip()
        if not stripped or start in tables:
            above = None
            continue
        if any(p.search(stripped) for p in headings):
            in_links = True
            out.append((start, pos))
            continue
        if in_links and len(stripped.split()) < _PROSE_MIN_WORDS and not _is_prose(stripped):
            out.append((start, pos))
            continue
        in_links, counted, after_counter = False, after_counter, False
        if any(p.search(stripped) for p in kinds["counter"]):  # "11 / 13" opens a slide
            after_counter = True
            out.append((start, pos))
        elif any(p.search(stripped) for p in kinds["credit"]):
            # "Photograph: EU/ECHO" under a line credits that line: it is a caption
            if above is not None and above not in caption_out and _caption_sized(text, above):
                caption_out.append(above)
            out.append((start, pos))
        elif counted or any(p.search(stripped) for p in captions):
            caption_out.append((start, pos))
        elif any(p.search(stripped) for p in lines):  # a menu in capitals is a menu, no promo
            out.append((start, pos))
        elif any(p.search(stripped) for p in kinds["promo"]):
            caption_out.append((start, pos))
        above = (start, pos) if not out or out[-1] != (start, pos) else None
    return out, sorted(caption_out)


class Furniture:
    """Membership of character offsets in the furniture of one text.

    `offset in furniture` covers captions too (no aid or troop fact comes from them);
    `furniture.hides(offset)` leaves captions out (people, places and dates may come from them).
    """

    def __init__(self, text: str):
        self.others, self.captions = furniture_ranges(text)

    def __contains__(self, char: int) -> bool:
        return self.hides(char) or any(s <= char < e for s, e in self.captions)

    def hides(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.others)
