"""readers: every format, encoding and bad input becomes the right Article row."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from aidextract.readers import Article, content_sha256, iter_articles

BODY = (
    "The United States announced $425 million in military aid for Ukraine on Friday.\n"
    "Officials said the package includes air defence interceptors.\n"
)
FRONT_MATTER = (
    "---\n"
    'title: "US announces aid: $425 million"\n'
    "published: 2024-11-01\n"
    "url: https://www.example.com/news/aid\n"
    "source: 'Daily Example'\n"
    "---\n"
)
# Western text in one byte a character, which charset-normalizer alone decodes as cp1250
# ("naďf") and mac_iceland respectively.
ACCENTED = (
    "Le café de Zoë est naïf, à côté de la façade. Über alles, señor.\n"
    "The United States announced aid for Ukraine on Friday.\n"
)
GERMAN = "Grüße aus München, sagte der Bürgermeister.\n"
SMART_QUOTES = (
    "Kyiv’s mayor said “we need air defence” — and the café’s owner agreed.\n"
    "The United States announced aid for Ukraine on Friday.\n"
)
HTML_PAGE = """<html><head><title>US announces aid | Daily News</title>
<meta property="og:site_name" content="Daily News">
<meta property="article:published_time" content="2024-11-01T10:00:00Z">
<link rel="canonical" href="https://www.news.example.com/a/1">
<script>var tracker = "SCRIPTWORD";</script><style>.x { color: red }</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">NAVWORD World</a></li></ul></nav>
<article><h1>US announces aid</h1>
<p>The United States announced an additional $425 million in military aid for Ukraine on
Friday, officials said in Washington.</p>
<p>The package includes air defense interceptors and armored vehicles, according to a
Pentagon statement.</p><script>document.write("INLINESCRIPTWORD")</script></article>
<footer>FOOTERWORD Copyright 2024 Daily News. All rights reserved.</footer></body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def read(path: Path, **options) -> list[Article]:
    return list(iter_articles([path], **options))


def read_one(path: Path, **options) -> Article:
    (article,) = read(path, **options)
    return article


# --- plain text and front matter ----------------------------------------------------------


def test_utf8_front_matter_gives_metadata_and_body_after_the_block(tmp_path):
    article = read_one(write(tmp_path, "aid.txt", FRONT_MATTER + BODY))
    assert article.status == "ok"
    assert article.article_id == article.source == "aid.txt"
    assert article.title == "US announces aid: $425 million"
    assert article.published == "2024-11-01"
    assert article.url == "https://www.example.com/news/aid"
    assert article.outlet == "Daily Example"
    assert article.text == BODY
    assert article.error is None


def test_markdown_and_utf8_bom_read_like_text(tmp_path):
    article = read_one(write(tmp_path, "aid.md", b"\xef\xbb\xbf" + (FRONT_MATTER + BODY).encode()))
    assert (article.status, article.text) == ("ok", BODY)
    assert article.title == "US announces aid: $425 million"


def test_crlf_becomes_lf_before_front_matter_is_read(tmp_path):
    crlf = (FRONT_MATTER + BODY).replace("\n", "\r\n").encode()
    article = read_one(write(tmp_path, "aid.txt", crlf))
    assert article.published == "2024-11-01"
    assert article.text == BODY


def test_outlet_falls_back_to_the_url_host(tmp_path):
    text = "---\nurl: https://www.kyivnews.example.org/x?id=1\n---\n" + BODY
    assert read_one(write(tmp_path, "a.txt", text)).outlet == "kyivnews.example.org"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("---\ntitle: Never closed\n" + BODY, id="unclosed"),
        pytest.param("---\ntitle: Aid\nno colon here\n---\n" + BODY, id="line-without-colon"),
        pytest.param("---\n", id="only-a-fence"),
    ],
)
def test_malformed_front_matter_keeps_the_whole_file_as_body(tmp_path, text):
    article = read_one(write(tmp_path, "a.txt", text))
    assert (article.status, article.title, article.text) == ("ok", None, text)


def test_front_matter_ignores_unknown_keys_comments_and_yaml_lists(tmp_path):
    text = "---\n# exported\nauthor: Jane Roe\ntags:\n  - aid\n- war\nTitle: Aid\n---\n" + BODY
    article = read_one(write(tmp_path, "a.txt", text))
    assert (article.title, article.text) == ("Aid", BODY)


def test_front_matter_closed_at_end_of_file_gives_an_empty_article(tmp_path):
    article = read_one(write(tmp_path, "a.txt", "---\ntitle: Only metadata\n---"))
    assert (article.status, article.title, article.text) == ("skipped", "Only metadata", "")


def test_impossible_published_date_keeps_the_article_ok(tmp_path):
    article = read_one(write(tmp_path, "a.txt", "---\npublished: 2024-13-45\n---\n" + BODY))
    assert (article.status, article.published, article.text) == ("ok", None, BODY)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2024-11-01", "2024-11-01"),
        ("2024-11-01T10:00:00Z", "2024-11-01"),
        ("2024-11-01 23:30:00-05:00", "2024-11-01"),
        ("2024-11", "2024-11"),
        ("2024", "2024"),
        ("'2022'", "2022"),
        ("November 1, 2024", "2024-11-01"),
        ("21st December, 2022", "2022-12-21"),
        ("Nov 2024", "2024-11"),
        ("2024-02-30", None),
        ("2024-00", None),
        ("March", None),
        ("yesterday", None),
        ("soon", None),
    ],
)
def test_published_is_a_validated_partial_iso_date(tmp_path, value, expected):
    article = read_one(write(tmp_path, "a.txt", f"---\npublished: {value}\n---\n{BODY}"))
    assert article.published == expected


# --- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,encoding",
    [
        pytest.param(ACCENTED, "latin-1", id="latin-1"),
        pytest.param(GERMAN, "latin-1", id="latin-1-german"),
        pytest.param(ACCENTED, "cp1252", id="cp1252-accents"),
        pytest.param(SMART_QUOTES, "cp1252", id="cp1252-smart-quotes"),
        pytest.param(SMART_QUOTES, "utf-16", id="utf-16-bom"),
        pytest.param(SMART_QUOTES, "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(SMART_QUOTES, "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(FRONT_MATTER + ACCENTED, "latin-1", id="latin-1-front-matter"),
    ],
)
def test_legacy_encodings_decode_correctly(tmp_path, text, encoding):
    article = read_one(write(tmp_path, "a.txt", text.encode(encoding)))
    assert article.status == "ok"
    assert article.text == text.removeprefix(FRONT_MATTER)


def test_utf8_with_a_stray_cp1252_byte_keeps_both(tmp_path):
    """A cp1252 "é" pasted into a UTF-8 page: the UTF-8 text stays, the stray byte is read."""
    data = "Zelensky met officials in Kyiv’s centre – “a turning point”, ".encode() + (
        "said the caf\xe9 owner in Rzesz\xf3w.".encode("cp1252")
    )
    article = read_one(write(tmp_path, "a.txt", data * 3))
    assert article.status == "ok"
    assert "Kyiv’s centre – “a turning point”" in article.text
    assert "café owner in Rzeszów" in article.text


def test_utf16_crlf_is_normalised(tmp_path):
    crlf = SMART_QUOTES.replace("\n", "\r\n").encode("utf-16")
    article = read_one(write(tmp_path, "a.txt", crlf))
    assert article.text == SMART_QUOTES


@pytest.mark.parametrize(
    "data,reason",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "NUL", id="png"),
        pytest.param(b"An ordinary sentence\x00 with a NUL byte in it.\n" * 20, "NUL", id="nul"),
        pytest.param(random.Random(7).randbytes(4096), "NUL", id="random"),
        pytest.param(bytes(range(0x80, 0x100)) * 8, "no text encoding", id="no-encoding"),
    ],
)
def test_binary_content_is_an_error_row(tmp_path, data, reason):
    article = read_one(write(tmp_path, "photo.txt", data))
    assert (article.status, article.text) == ("error", "")
    assert article.error.startswith("binary file, not text: ")
    assert reason in article.error


@pytest.mark.parametrize("content", ["", "  \n\t\n   \r\n", "---\ntitle: x\n---\n\n  \n"])
def test_empty_or_whitespace_text_is_skipped(tmp_path, content):
    article = read_one(write(tmp_path, "a.txt", content))
    assert (article.status, article.text) == ("skipped", "")
    assert article.error == "empty article (no text)"


# --- limits ----------------------------------------------------------------------------------


def test_text_over_max_chars_is_an_error_row(tmp_path):
    article = read_one(write(tmp_path, "a.txt", "x" * 101), max_chars=100)
    assert (article.status, article.text) == ("error", "")
    assert article.error == (
        "article has 101 characters, more than the limit of 100; "
        "raise --max-chars or split the file"
    )
    assert read_one(tmp_path / "a.txt", max_chars=101).status == "ok"


def test_file_far_over_max_chars_is_refused_unread(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", "x" * 500)

    def fail(self):
        raise AssertionError("the file should not be read")

    monkeypatch.setattr(Path, "read_bytes", fail)
    article = read_one(path, max_chars=100)
    assert article.status == "error"
    assert "500 bytes" in article.error and "--max-chars" in article.error


def test_max_chars_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="max_chars"):
        iter_articles([tmp_path], max_chars=0)


def test_two_megabyte_line_without_a_space(tmp_path):
    line = "a" * 2_000_000
    article = read_one(write(tmp_path, "long.txt", "---\ntitle: Long\n---\n" + line))
    assert (article.status, article.title, len(article.text)) == ("ok", "Long", 2_000_000)
    record = json.dumps({"id": "long", "text": line})
    (row,) = read(write(tmp_path / "j", "long.jsonl", record + "\n"))
    assert (row.status, row.source, len(row.text)) == ("ok", "long.jsonl#long", 2_000_000)


# --- HTML ------------------------------------------------------------------------------------


def test_html_main_text_and_metadata_without_nav_footer_or_scripts(tmp_path):
    article = read_one(write(tmp_path, "page.html", HTML_PAGE))
    assert article.status == "ok"
    assert "additional $425 million in military aid for Ukraine" in article.text
    assert "armored vehicles" in article.text
    for furniture in ("SCRIPTWORD", "NAVWORD", "FOOTERWORD", "color: red", "Copyright"):
        assert furniture not in article.text
    assert article.title == "US announces aid"
    assert article.published == "2024-11-01"
    assert article.url == "https://www.news.example.com/a/1"
    assert article.outlet == "Daily News"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The talks on 3 March 2023 ended without a deal, officials in Washington said on Friday.",
        "The talks ended without a deal, officials said.</p><p>Copyright 2021 Daily News",
    ],
)
def test_html_published_comes_from_metadata_not_body_text(tmp_path, paragraph):
    page = f"<html><body><article><p>{paragraph}</p></article></body></html>"
    article = read_one(write(tmp_path, "page.html", page))
    assert (article.status, article.published) == ("ok", None)


def test_broken_html_is_read_best_effort(tmp_path):
    broken = (
        "<html><body><div><p>The United States announced $425 million in military aid for "
        "Ukraine on Friday <b>despite objections<p>Officials said more aid would follow </div"
    )
    article = read_one(write(tmp_path, "broken.htm", broken))
    assert article.status == "ok"
    assert "despite objections" in article.text
    assert "Officials said more aid would follow" in article.text


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html><head><script>var SCRIPTWORD = 1;</script></head><body></body></html>",
        "<<<>>> <p",
    ],
)
def test_html_without_article_text_is_an_error_row(tmp_path, page):
    article = read_one(write(tmp_path, "empty.html", page))
    assert (article.status, article.error) == ("error", "no article text found in the HTML page")


# --- JSON Lines and JSON ---------------------------------------------------------------------


def test_jsonl_bad_lines_are_one_error_row_each_and_good_lines_are_read(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "First\r\narticle.", "title": "One", "source": "Wire"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": 42}),
        json.dumps(
            {"text": "Third article.", "published": "November 1, 2024", "url": "http://x.org/1"}
        ),
        json.dumps({"id": 7, "text": "   "}),
    ]
    rows = read(write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n"))
    summary = [(row.source, row.status) for row in rows]
    assert summary == [
        ("batch.jsonl#a1", "ok"),
        ("batch.jsonl#3", "error"),
        ("batch.jsonl#4", "error"),
        ("batch.jsonl#5", "error"),
        ("batch.jsonl#6", "error"),
        ("batch.jsonl#7", "ok"),
        ("batch.jsonl#7~2", "skipped"),
    ]
    first, bad_json, not_object, no_text, number_text, third, blank = rows
    assert (first.text, first.title, first.outlet) == ("First\narticle.", "One", "Wire")
    assert bad_json.error.startswith("line 3: invalid JSON")
    assert not_object.error.startswith("line 4 is a list, not a record")
    assert no_text.error.startswith("line 5 has no 'text' field")
    assert number_text.error.startswith("line 6 has a 'text' that is a number")
    assert (third.published, third.outlet) == ("2024-11-01", "x.org")
    assert blank.error == "empty article (no text)"


def test_empty_jsonl_is_one_skipped_row(tmp_path):
    article = read_one(write(tmp_path, "none.jsonl", "\n\n"))
    assert (article.source, article.status) == ("none.jsonl", "skipped")


def test_json_list_of_records(tmp_path):
    records = [{"text": "Aid article one."}, {"id": "x", "text": "Two.", "outlet": "Desk"}, "oops"]
    rows = read(write(tmp_path, "list.json", json.dumps(records)))
    assert [(row.source, row.status) for row in rows] == [
        ("list.json#0", "ok"),
        ("list.json#x", "ok"),
        ("list.json#2", "error"),
    ]
    assert rows[1].outlet == "Desk"
    assert "item 2 is a string, not a record" in rows[2].error


def test_json_single_record(tmp_path):
    article = read_one(write(tmp_path, "one.json", json.dumps({"text": "Aid.", "title": "T"})))
    assert (article.source, article.status) == ("one.json", "ok")
    assert (article.title, article.text) == ("T", "Aid.")


@pytest.mark.parametrize(
    "content,expected",
    [
        pytest.param("42", "the file holds a number", id="number"),
        pytest.param('"just text"', "the file holds a string", id="string"),
        pytest.param("{oops", "invalid JSON", id="invalid"),
        pytest.param("[" * 100_000, "invalid JSON", id="too-deep"),
    ],
)
def test_json_that_is_not_records_is_one_error_row(tmp_path, content, expected):
    article = read_one(write(tmp_path, "bad.json", content))
    assert (article.source, article.status) == ("bad.json", "error")
    assert expected in article.error
    assert "JSON must be a record or a list of records with a 'text' field" in article.error


def test_json_list_of_strings_gives_one_error_row_per_item(tmp_path):
    rows = read(write(tmp_path, "strings.json", json.dumps(["a", "b"])))
    assert [(row.source, row.status) for row in rows] == [
        ("strings.json#0", "error"),
        ("strings.json#1", "error"),
    ]


def test_json_lone_surrogate_becomes_replacement_character(tmp_path):
    article = read_one(write(tmp_path, "s.json", '{"text": "bad \\ud800 char"}'))
    assert article.text == "bad \ufffd char"
    content_sha256(article.text)


# --- files and folders -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.pdf", "notes.DOCX", "README"])
def test_unsupported_files_are_skipped_rows(tmp_path, name):
    article = read_one(write(tmp_path, name, b"%PDF-1.7"))
    assert article.status == "skipped"
    assert article.error.endswith("aidextract reads .txt, .md, .html, .htm, .json, .jsonl")
    if name == "report.pdf":
        assert article.error.startswith("unsupported file type '.pdf'; ")


def test_nested_folders_walked_in_sorted_order_and_hidden_entries_ignored(tmp_path):
    write(tmp_path, "b.txt", BODY)
    write(tmp_path, "a/z.md", BODY)
    write(tmp_path, "a/deep/er/x.TXT", BODY)
    write(tmp_path, "c.json", json.dumps([{"text": "one"}]))
    write(tmp_path, ".hidden.txt", BODY)
    write(tmp_path, ".git/config.txt", BODY)
    write(tmp_path, "a/.cache/y.txt", BODY)
    sources = [article.source for article in iter_articles([tmp_path])]
    assert sources == ["a/deep/er/x.TXT", "a/z.md", "b.txt", "c.json#0"]


def test_a_file_given_directly_is_named_by_its_file_name(tmp_path):
    path = write(tmp_path, "sub/.explicit.txt", BODY)
    assert read_one(path).source == ".explicit.txt"


def test_same_names_under_two_roots_stay_unique_and_a_file_is_read_once(tmp_path):
    first = write(tmp_path, "one/a.txt", BODY)
    write(tmp_path, "two/a.txt", BODY)
    articles = list(iter_articles([tmp_path / "one", tmp_path / "two", first]))
    assert [article.article_id for article in articles] == ["a.txt", "a.txt~2"]
    assert all(article.source == article.article_id for article in articles)


def test_missing_path_raises_before_anything_is_read(tmp_path):
    write(tmp_path, "a.txt", BODY)
    with pytest.raises(FileNotFoundError, match="missing"):
        iter_articles([tmp_path, tmp_path / "missing"])


def test_unreadable_file_is_an_error_row_and_the_walk_goes_on(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.txt", BODY)
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    first, second = iter_articles([tmp_path])
    assert (first.status, second.status) == ("error", "ok")
    assert first.error.startswith("cannot read the file (Permission denied)")


def test_unreadable_folder_is_an_error_row(tmp_path, monkeypatch):
    write(tmp_path, "locked/a.txt", BODY)
    write(tmp_path, "z.txt", BODY)
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    rows = [(row.source, row.status) for row in iter_articles([tmp_path])]
    assert rows == [("locked/", "error"), ("z.txt", "ok")]


def test_broken_symlink_is_an_error_row(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    write(tmp_path, "ok.txt", BODY)
    rows = [(row.source, row.status) for row in iter_articles([tmp_path])]
    assert rows == [("gone.txt", "error"), ("ok.txt", "ok")]


def test_content_sha256_is_the_hex_digest_of_the_utf8_text():
    assert content_sha256("Kyiv’s") == hashlib.sha256("Kyiv’s".encode()).hexdigest()
    assert content_sha256("a") != content_sha256("b")


# --- the gold articles -----------------------------------------------------------------------


def test_gold_articles_read_with_the_body_after_front_matter(gold_dir):
    paths = sorted(gold_dir.glob("*.txt"))
    articles = {article.source: article for article in iter_articles(paths)}
    assert len(articles) >= 10
    for source, article in articles.items():
        raw = (gold_dir / source).read_text(encoding="utf-8")
        labels = json.loads((gold_dir / source).with_suffix(".json").read_text(encoding="utf-8"))
        assert article.status == "ok", source
        assert raw.endswith(article.text), source
        assert not article.text.startswith("---"), source
        if raw.startswith("---\n"):
            assert article.title and article.published == labels["published"], source
        for package in labels["aid_packages"]:
            assert package["evidence"] in article.text, source
