"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).parent / "gold"


@pytest.fixture(scope="session")
def nlp():
    from aidextract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD_DIR


@pytest.fixture(scope="session")
def gold_tables(tmp_path_factory):
    """The pipeline's tables for every tests/gold article, computed once per session."""
    import aidextract

    out = tmp_path_factory.mktemp("gold-out")
    aidextract.run(sorted(GOLD_DIR.glob("*.txt")), out)
    return aidextract.load(out)


@pytest.fixture(scope="session")
def corpus_tables(tmp_path_factory):
    """The pipeline's tables for a labeled subfolder of tests/gold ("events", "heldout"),
    computed once per session and folder."""
    import aidextract

    done: dict[str, dict] = {}

    def tables(folder: str) -> dict:
        if folder not in done:
            out = tmp_path_factory.mktemp(f"{folder}-out")
            aidextract.run(sorted((GOLD_DIR / folder).glob("*.txt")), out)
            done[folder] = aidextract.load(out)
        return done[folder]

    return tables
