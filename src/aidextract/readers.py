"""Input paths -> Article records: the one place that knows file formats and encodings.

Every file found yields at least one row, so nothing a user gave is dropped without a word:
an article that cannot be read becomes a row with status "error" or "skipped" and a message
that says what went wrong and what to do. Only a path that does not exist raises, because that
is a mistake in the command, not in the data.

All character offsets downstream refer to `Article.text`, so it is kept verbatim apart from
two normalisations made before anything else: line endings become "\\n", and lone surrogates
(possible only in JSON strings) become U+FFFD, which keeps the length unchanged.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import charset_normalizer
import trafilatura
from dateparser.date import DateDataParser

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
_EMPTY_ARTICLE = "empty article (no text)"
_NO_HTML_TEXT = "no article text found in the HTML page"
_RECORD_HINT = "JSON must be a record or a list of records with a 'text' field"

# Upper bound of bytes per character of the text a whole-file format can hold. No supported text
# encoding needs more than 4 bytes a character, so a larger .txt cannot fit under max_chars and
# is refused unread; for HTML and JSON the bound only keeps a runaway file out of memory.
_BYTES_PER_CHAR = {".txt": 4, ".md": 4, ".html": 20, ".htm": 20, ".json": 20}
# How much worse than charset-normalizer's winner cp1252 may fit and still be preferred.
_CHAOS_TOLERANCE = 0.05
_MAX_DATE_LENGTH = 100
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\S.*)?")
_FRONT_MATTER_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")
_SURROGATE = re.compile("[\ud800-\udfff]")
_FRONT_MATTER_KEYS = {
    "title": "title",
    "published": "published",
    "date": "published",
    "url": "url",
    "source": "outlet",
    "outlet": "outlet",
}
_HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class Article:
    """One input article; `text` is the body all offsets refer to ("" for error/skipped rows)."""

    article_id: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    status: str = "ok"
    error: str | None = None


class _NotText(ValueError):
    """The bytes of a text file are not text; the message says why."""


def content_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(article: Article) -> str:
    """Hash of the article as read, text and metadata: tells an incremental run whether an
    article changed (a new published date in the front matter changes its relative dates)."""
    fields = (article.text, article.title, article.published, article.url, article.outlet)
    return content_sha256("\x00".join(field or "" for field in fields))


def iter_articles(paths: Sequence[str | Path], max_chars: int = 5_000_000) -> Iterator[Article]:
    """Yield one Article per article in `paths` (files or folders, folders walked recursively).

    Raises FileNotFoundError at once, before anything is read, if a path does not exist. A file
    reached twice (a folder and a file inside it) is read once. An `article_id` already used in
    this run gets "~2", "~3", ... appended, so ids stay unique when two roots share file names.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    roots = [Path(path) for path in paths]
    for root in roots:
        if not root.exists():
            raise FileNotFoundError(f"input path does not exist: {root}")
    return _iter_unique(roots, max_chars)


def _iter_unique(roots: list[Path], max_chars: int) -> Iterator[Article]:
    read: set[Path] = set()
    used_ids: set[str] = set()
    for root in roots:
        for path, source, problem in _walk(root):
            if problem is not None:
                yield _unique(_problem(source, "error", problem), used_ids)
                continue
            real = path.resolve()
            if real in read:
                continue
            read.add(real)
            for article in _read_file(path, source, max_chars):
                yield _unique(article, used_ids)


def _unique(article: Article, used_ids: set[str]) -> Article:
    source, copy = article.source, 2
    while source in used_ids:
        source, copy = f"{article.source}~{copy}", copy + 1
    used_ids.add(source)
    if source == article.source:
        return article
    return replace(article, article_id=source, source=source)


def _walk(root: Path) -> Iterator[tuple[Path, str, str | None]]:
    """(path, source, problem) for every file under `root`; problem names an unreadable folder."""
    if root.is_dir():
        yield from _walk_folder(root, root, set())
    else:
        yield root, root.name, None


def _walk_folder(
    folder: Path, root: Path, visited: set[Path]
) -> Iterator[tuple[Path, str, str | None]]:
    # `visited` holds resolved folders, so a symlink back up the tree is not walked forever.
    real = folder.resolve()
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        relative = folder.relative_to(root).as_posix()
        source = (folder.name if relative == "." else relative) + "/"
        yield folder, source, f"cannot read the folder ({exc.strerror}); check its permissions"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk_folder(entry, root, visited)
        else:
            yield entry, entry.relative_to(root).as_posix(), None


def _read_file(path: Path, source: str, max_chars: int) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"unsupported file type '{suffix}'" if suffix else "unsupported file (no extension)"
        readable = ", ".join(SUPPORTED_SUFFIXES)
        yield _problem(source, "skipped", f"{kind}; aidextract reads {readable}")
        return
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield _problem(source, "error", "not a regular file; remove it from the input")
            return
        if suffix == ".jsonl":
            yield from _read_jsonl(path, source, max_chars)
            return
        limit = _BYTES_PER_CHAR[suffix] * max_chars + len(codecs.BOM_UTF8)
        if info.st_size > limit:
            message = (
                f"file has {info.st_size:,} bytes, too many for the limit of {max_chars:,} "
                "characters; raise --max-chars or split the file"
            )
            yield _problem(source, "error", message)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _problem(source, "error", _unreadable(exc))
        return
    yield from _WHOLE_FILE_READERS[suffix](data, source, max_chars)


def _read_jsonl(path: Path, source: str, max_chars: int) -> Iterator[Article]:
    """Stream the lines, so a large JSONL file never sits in memory whole.

    A read error part way is caught by the caller and becomes one more error row.
    """
    with path.open("rb") as handle:
        if b"\x00" in handle.peek(8192)[:8192]:
            yield _problem(source, "error", _binary("it contains NUL bytes"))
            return
        yield from _jsonl_articles(handle, source, max_chars)


def _unreadable(exc: OSError) -> str:
    return f"cannot read the file ({exc.strerror or exc}); check that it exists and is readable"


def _binary(reason: str) -> str:
    return f"binary file, not text: {reason}; save the article as a text file or remove it"


# --- plain text and Markdown -------------------------------------------------------------


def _text_articles(data: bytes, source: str, max_chars: int) -> Iterator[Article]:
    try:
        text = _normalise(_decode(data))
    except _NotText as exc:
        yield _problem(source, "error", _binary(str(exc)))
        return
    fields, body = split_front_matter(text)
    yield _article(
        source,
        body,
        max_chars,
        title=fields.get("title"),
        published=fields.get("published"),
        url=fields.get("url"),
        outlet=fields.get("outlet"),
    )


def _decode(data: bytes) -> str:
    """Decode text bytes: a BOM wins, then UTF-16 (NUL bytes), then UTF-8, then detection."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _without_nul(data.decode(encoding))
            except UnicodeDecodeError:
                break
    if b"\x00" in data:
        return _decode_utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_mixed(data) or _decode_legacy(data)


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("aidextract-cp1252", _cp1252_bytes)


def _decode_mixed(data: bytes) -> str | None:
    """UTF-8 text with a few stray legacy bytes (a cp1252 "é" pasted into a UTF-8 page):
    charset-normalizer would pick a code page for the whole file and garble every real UTF-8
    character, so the stray bytes alone are read as cp1252. None when the file is not UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    if good == 0 or bad > max(8, len(data) // 200):
        return None
    return data.decode("utf-8", errors="aidextract-cp1252")


def _without_nul(text: str) -> str:
    if "\x00" in text:
        raise _NotText("it contains NUL bytes")
    return text


def _decode_utf16_without_bom(data: bytes) -> str:
    """Text in UTF-16 has NUL in one byte of most pairs, the same one; anything else is binary."""
    pairs = len(data) // 2
    if len(data) % 2 == 0 and pairs:
        even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
        encoding = None
        if odd_nuls > 0.1 * pairs and even_nuls < 0.01 * pairs:
            encoding = "utf-16-le"
        elif even_nuls > 0.1 * pairs and odd_nuls < 0.01 * pairs:
            encoding = "utf-16-be"
        if encoding is not None:
            try:
                return _without_nul(data.decode(encoding))
            except UnicodeDecodeError:
                pass
    raise _NotText("it contains NUL bytes")


def _decode_legacy(data: bytes) -> str:
    """Detect a legacy encoding with charset-normalizer, preferring cp1252 on a tie.

    charset-normalizer ranks code pages that fit equally well by language coherence, which on
    ordinary Western text picks cp1250 or mac_roman and turns "naïve" into "naďve". cp1252 is
    the usual legacy encoding of English-language news (browsers decode "latin-1" labels as
    cp1252), so it wins whenever it fits about as well as the winner. UTF-16/32 without a BOM
    are handled before this, so they are not accepted here.
    """
    matches = [
        match
        for match in charset_normalizer.from_bytes(data)
        if not match.encoding.startswith(("utf_16", "utf_32"))
    ]
    if not matches:
        raise _NotText("no text encoding fits its bytes")
    best = matches[0]  # charset-normalizer sorts by chaos, then coherence
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + _CHAOS_TOLERANCE:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a front-matter block off `text`: ({field: value}, body).

    The block is a first line `---`, then `key: value` lines, then a `---` line; the body is
    everything after the closing line, verbatim. Keys are read case-insensitively and mapped
    to title / published (or date) / url / outlet (from `source` or `outlet`); other keys are
    ignored, and so are blank lines, `#` comments and indented or `- ` list lines (YAML
    continuations). A malformed block (no closing `---`, or another line without a colon) is
    not front matter: the whole text is the body, so no article text is ever lost.
    """
    first_end = text.find("\n")
    if first_end == -1 or text[:first_end].rstrip() != "---":
        return {}, text
    fields: dict[str, str] = {}
    start = first_end + 1
    while True:
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if line.rstrip() == "---":
            return fields, "" if end == -1 else text[end + 1 :]
        if line.strip() and not line[0].isspace() and not line.startswith(("#", "- ")):
            match = _FRONT_MATTER_FIELD.fullmatch(line.rstrip())
            if match is None:
                return {}, text
            key = _FRONT_MATTER_KEYS.get(match[1].lower())
            if key is not None:
                fields.setdefault(key, _unquote(match[2]))
        if end == -1:
            return {}, text
        start = end + 1


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# --- HTML --------------------------------------------------------------------------------


def _html_articles(data: bytes, source: str, max_chars: int) -> Iterator[Article]:
    """Main text and metadata by trafilatura, which drops menus, footers and scripts.

    Dates come from the page's metadata only (no search of the body text), and tables are
    left out: on news pages they are mostly charts and listings, not sentences of the article.
    """
    try:
        document = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_HTML_DATE_PARAMS,
        )
    # trafilatura parses arbitrary markup; whatever it raises on one page must not stop a run.
    except Exception as exc:
        yield _problem(source, "error", f"the HTML page could not be parsed ({exc})")
        return
    if document is None:
        yield _problem(source, "error", _NO_HTML_TEXT)
        return
    meta = {
        "title": document.title,
        "published": document.date,
        "url": document.url,
        "outlet": document.sitename,
    }
    text = _normalise(document.text or "")
    if not text.strip():
        yield _problem(source, "error", _NO_HTML_TEXT, **meta)
        return
    yield _article(source, text, max_chars, **meta)


# --- JSON and JSON Lines -----------------------------------------------------------------


def _jsonl_articles(lines: Iterable[bytes], source: str, max_chars: int) -> Iterator[Article]:
    """One article per non-blank line; a bad line is one error row naming the line."""
    records = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw
        if not line.strip():
            continue
        records += 1
        where = f"line {number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            message = f"{where}: invalid JSON ({exc}); each line must be one JSON record"
            yield _problem(f"{source}#{number}", "error", message)
            continue
        yield _record_article(record, source, where, str(number), max_chars)
    if records == 0:
        yield _problem(source, "skipped", "no records in the file (it is empty)")


def _json_articles(data: bytes, source: str, max_chars: int) -> Iterator[Article]:
    """A list of records (ids fall back to the 0-based index) or one record."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError) as exc:
        yield _problem(source, "error", f"invalid JSON ({exc}); {_RECORD_HINT}")
        return
    if isinstance(value, dict):
        yield _record_article(value, source, "the record", None, max_chars)
    elif isinstance(value, list):
        if not value:
            yield _problem(source, "skipped", "empty JSON list (no records)")
        for index, item in enumerate(value):
            yield _record_article(item, source, f"item {index}", str(index), max_chars)
    else:
        yield _problem(source, "error", f"{_RECORD_HINT}; the file holds {_json_kind(value)}")


def _record_article(
    record: object, file_source: str, where: str, fallback_key: str | None, max_chars: int
) -> Article:
    """One JSON record -> Article; source is "file#<id>", else "file#<fallback_key>"."""
    record_id = record.get("id") if isinstance(record, dict) else None
    if isinstance(record_id, bool) or not isinstance(record_id, str | int):
        record_id = None
    key = str(record_id).strip() if record_id is not None else ""
    key = key or fallback_key
    source = f"{file_source}#{key}" if key else file_source
    if not isinstance(record, dict):
        message = f"{where} is {_json_kind(record)}, not a record; {_RECORD_HINT}"
        return _problem(source, "error", message)
    text = record.get("text")
    if not isinstance(text, str):
        found = "no 'text' field" if text is None else f"a 'text' that is {_json_kind(text)}"
        message = f"{where} has {found}; each record needs its article as a 'text' string"
        return _problem(source, "error", message)
    published = record.get("published")
    return _article(
        source,
        _normalise(text),
        max_chars,
        title=_json_str(record.get("title")),
        published=str(published) if isinstance(published, str | int) else None,
        url=_json_str(record.get("url")),
        outlet=_json_str(record.get("outlet")) or _json_str(record.get("source")),
    )


def _json_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


_WHOLE_FILE_READERS: dict[str, Callable[[bytes, str, int], Iterator[Article]]] = {
    ".txt": _text_articles,
    ".md": _text_articles,
    ".html": _html_articles,
    ".htm": _html_articles,
    ".json": _json_articles,
}


# --- rows and fields ---------------------------------------------------------------------


def _normalise(text: str) -> str:
    """CRLF and lone CR -> LF, lone surrogates -> U+FFFD (same length), a leading BOM dropped."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", text)


def _article(
    source: str,
    text: str,
    max_chars: int,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An ok row, or a skipped/error row when the text is empty or over the limit."""
    meta = {"title": title, "published": published, "url": url, "outlet": outlet}
    if not text.strip():
        return _problem(source, "skipped", _EMPTY_ARTICLE, **meta)
    if len(text) > max_chars:
        message = (
            f"article has {len(text):,} characters, more than the limit of {max_chars:,}; "
            "raise --max-chars or split the file"
        )
        return _problem(source, "error", message, **meta)
    return Article(source, source, text, **_clean_meta(**meta))


def _problem(
    source: str,
    status: str,
    message: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    meta = _clean_meta(title=title, published=published, url=url, outlet=outlet)
    return Article(source, source, "", status=status, error=message, **meta)


def _clean_meta(
    *, title: str | None, published: str | None, url: str | None, outlet: str | None
) -> dict[str, str | None]:
    """Metadata as stored: trimmed, empty -> None, dates validated, outlet from the URL host."""
    url = _clean(url)
    return {
        "title": _clean(title),
        "published": _iso_date(published) if published else None,
        "url": url,
        "outlet": _clean(outlet) or _host(url),
    }


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SURROGATE.sub("\ufffd", " ".join(value.split()))
    return value or None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _iso_date(value: str) -> str | None:
    """A metadata date as a partial ISO string ("2024-11-01", "2024-11", "2024"), else None.

    ISO forms are read exactly, and an impossible one ("2024-13-45") is None rather than a
    guess. Other forms go to dateparser (English, absolute dates only, a year required), whose
    period gives the precision. The article stays ok either way: a bad date is only metadata.
    """
    value = value.strip()
    if not value or len(value) > _MAX_DATE_LENGTH:
        return None
    match = _ISO_DATE.fullmatch(value)
    if match:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None
        return "-".join(part for part in (year, month, day) if part)
    parsed = _date_parser().get_date_data(value)
    if parsed.date_obj is None:
        return None
    formats = {"year": "%Y", "month": "%Y-%m"}
    return parsed.date_obj.strftime(formats.get(parsed.period, "%Y-%m-%d"))


@cache
def _date_parser() -> DateDataParser:
    settings = {"REQUIRE_PARTS": ["year"], "PARSERS": ["custom-formats", "absolute-time"]}
    return DateDataParser(languages=["en"], settings=settings)
