"""The data files under models/: each says where it comes from, and a bad file names its line."""

from __future__ import annotations

import pytest

from aidextract import resources


@pytest.mark.parametrize("path", sorted(resources.models_dir().glob("*.*")), ids=lambda p: p.name)
def test_every_data_file_names_source_and_licence(path):
    first = path.read_text(encoding="utf-8").splitlines()[0].lower()
    assert first.startswith("#"), f"{path.name}: the first line must say source and licence"
    assert any(word in first for word in ("mit", "cc0", "cc by", "public domain")), path.name


def test_a_bad_row_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "broken.tsv").write_text("# test\nlemma\tcue\ntroop\t\n", encoding="utf-8")
    monkeypatch.setattr(resources, "models_dir", lambda: tmp_path)
    resources.read_tsv.cache_clear()
    with pytest.raises(resources.ResourceError, match=r"broken\.tsv, data line 2: empty 'cue'"):
        resources.read_tsv("broken.tsv", required=("lemma", "cue"))


def test_a_missing_file_says_how_to_fix_it(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "models_dir", lambda: tmp_path)
    with pytest.raises(resources.ResourceError, match="reinstall"):
        resources.path("nothing.tsv")
