"""The Python API: extract() on one text, load() of an output folder."""

from __future__ import annotations

import aidextract
from aidextract.schema import TABLES


def test_extract_aid_sentence():
    facts = aidextract.extract(
        "The United States on Friday announced $425 million in military aid for Ukraine.",
        published="2024-11-01",
    )
    (row,) = facts["aid_packages"]
    assert (row["donor"], row["recipient"], row["amount"], row["currency"]) == (
        "USA",
        "UKR",
        425e6,
        "USD",
    )
    assert row["kind"] == "military"
    assert row["announced"] == "2024-11-01"
    assert facts["articles"][0]["published"] == "2024-11-01"


def test_extract_rows_fit_their_schemas():
    facts = aidextract.extract(
        "About 10,000 North Korean troops were sent to Russia's Kursk region, "
        "Defense Secretary Lloyd Austin said on Monday.",
        published="2024-10-31",
    )
    for table, rows in facts.items():
        names = set(TABLES[table].names) - {"article_id"}
        for row in rows:
            assert names <= set(row), table
    (troops,) = facts["troop_deployments"]
    assert troops["origin"] == "PRK" and troops["count"] == 10000
    assert troops["destination"] == "RUS"


def test_extract_empty_text_is_skipped():
    facts = aidextract.extract("   ")
    assert facts["articles"][0]["status"] == "skipped"


def test_load_returns_every_table(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("Germany pledged €500 million in aid to Ukraine.")
    summary = aidextract.run([tmp_path / "raw"], tmp_path / "out")
    assert summary.statuses["ok"] == 1
    tables = aidextract.load(tmp_path / "out")
    assert set(tables) == set(TABLES)
    assert list(tables["aid_packages"].columns) == TABLES["aid_packages"].names
    assert len(tables["aid_packages"]) == 1


def test_a_bare_verb_of_giving_makes_aid():
    facts = aidextract.extract("Japan gave Ukraine $5bn.", published="2023-02-20")
    assert [(r["donor"], r["recipient"], r["amount"]) for r in facts["aid_packages"]] == [
        ("JPN", "UKR", 5e9)
    ]
