"""Articles longer than one parse: cut into pieces that join back exactly (issue 7)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aidextract.nlp as nlp_module
from aidextract.nlp import _pieces, parse
from aidextract.pipeline import process_chunk
from aidextract.readers import iter_articles


@pytest.fixture()
def small_chunks(monkeypatch):
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 3000)


@given(st.text(alphabet=st.sampled_from("ab \n\t."), max_size=12_000))
def test_pieces_join_back_and_stay_under_the_limit(text):
    nlp_module.CHUNK_CHARS = 1000
    try:
        pieces = _pieces(text)
    finally:
        nlp_module.CHUNK_CHARS = 100_000
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)


def test_a_line_without_a_space_is_cut_hard(small_chunks):
    text = "x" * 10_000
    assert [len(p) for p in _pieces(text)] == [3000, 3000, 3000, 1000]


def test_cuts_fall_on_paragraph_breaks(small_chunks):
    para = "The minister spoke in Kyiv. " * 20 + "\n\n"
    pieces = _pieces(para * 20)
    assert len(pieces) > 1
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_chunked_parse_keeps_offsets(nlp, small_chunks):
    text = ("Germany sent tanks to Ukraine on Friday.\n\n" * 200).strip()
    doc = parse(nlp, [text])[0]
    assert doc.text == text
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert len(list(doc.sents)) == 200


def test_chunked_articles_give_the_same_facts(gold_dir, monkeypatch):
    paths = [gold_dir / f"{stem}.txt" for stem in ("dev-02", "dev-13", "h-03")]
    articles = list(iter_articles(paths))
    assert max(len(a.text) for a in articles) > 3000
    whole = process_chunk(copy.deepcopy(articles))
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 3000)
    chunked = process_chunk(copy.deepcopy(articles))
    for (row, facts), (_, facts_chunked) in zip(whole, chunked, strict=True):
        for table in ("aid_packages", "troop_deployments", "people", "places", "dates"):
            assert facts[table] == facts_chunked[table], (row["article_id"], table)


def test_spacy_max_length_does_not_limit_an_article(nlp, small_chunks, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 5000)
    text = "NATO said 3,000 troops were deployed to Romania on Monday.\n\n" * 300
    doc = parse(nlp, [text])[0]
    assert len(doc.text) == len(text) > nlp.max_length
