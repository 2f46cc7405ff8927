"""Read article files into clean `Document`s, recording every problem instead of dropping input.

Inputs are .txt, .html/.htm and .jsonl files (or folders of them) plus an optional catalog.csv.
Each file is decoded (BOM, UTF-8, cp1256), cleaned of page chrome (see `clean.py`), and returned
with its title, outlet and header date.  All downstream offsets index into `Document.text`.  The
extraction pipeline reads `RawDocument`s instead and has its workers clean them.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import json
import logging
import os
import re
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple, TypeVar

__all__ = [
    "MAX_BYTES", "SUFFIXES", "Problem", "Document", "RawDocument", "CatalogEntry", "InputError", "input_files",
    "read_catalog", "iter_documents", "clean_text",
]

from .clean import clean_page, clean_text
from .published import YEARS, parse_iso

log = logging.getLogger(__name__)
_WS = re.compile(r"\s+")

MAX_BYTES = 20 * 1024 * 1024
"""Largest file (or .jsonl line) read; bigger ones are almost never articles and would stall a run."""

_RAISE_LIMIT = "raise the limit with `analysis extract --max-mb N` (max_bytes= in Python) to read it"
SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
CATALOG_COLUMNS = ("file", "url", "outlet", "published")


# --------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class Problem:
    path: str
    stage: str  # "read" | "decode" | "parse" | "catalog" | "clean"
    message: str


@dataclass(frozen=True)
class Document:
    article_id: str
    path: str
    text: str
    encoding: str
    sha256: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    header_date: str | None


@dataclass(frozen=True)
class RawDocument:
    """A document read but not yet cleaned.  Cleaning is most of the cost of reading, so with
    `iter_documents(..., clean=False)` it runs in the extraction workers, not in the one process
    that walks the files."""

    article_id: str
    path: str
    text: str  # as decoded, page chrome included
    encoding: str
    sha256: str
    title: str | None  # given with the input (a .jsonl "title"): wins over the page's own
    fallback_title: str | None  # the HTML <title>: used when the page has no headline line
    outlet: str | None  # from the catalog or page metadata: wins over the one the cleaner finds
    url: str | None
    published: str | None
    where: str | None = None  # "<file>, line N" for a .jsonl line: starts a cleaning problem

    def clean(self) -> Document | Problem:
        """The clean `Document`, or a Problem when nothing of an article is left."""
        cleaned = clean_page(self.text)
        if not cleaned.text.strip():
            message = (f"{self.path}: nothing is left after removing page chrome and boilerplate; "
                       "check that the file holds an article")
            return Problem(self.path, "clean", f"{self.where}: {message}" if self.where else message)
        return Document(
            article_id=self.article_id, path=self.path, text=cleaned.text, encoding=self.encoding,
            sha256=self.sha256, title=self.title or cleaned.title or self.fallback_title,
            outlet=self.outlet or cleaned.outlet, url=self.url, published=self.published,
            header_date=cleaned.header_date,
        )


@dataclass(frozen=True)
class CatalogEntry:
    file: str
    url: str | None
    outlet: str | None
    published: str | None
    source: str = field(default="catalog", compare=False)  # the CSV and line it was read from, for problems
    line: int = field(default=0, compare=False)


class InputError(ValueError):
    """A path the user gave cannot be used at all (the message names it and the fix)."""


# --------------------------------------------------------------------------------------------
# Decoding

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_SURROGATE = re.compile(r"[\udc80-\udcff]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_Record = TypeVar("_Record", RawDocument, Problem)
_MARK_INVALID = "analysis.mark-invalid"


def _mark_invalid(error: UnicodeDecodeError) -> tuple[str, int]:
    """A decoding error handler for text read line by line: a lone surrogate, which decoded text
    never holds, in place of each invalid sequence, so that each line can count and report them."""
    return "\udc00", error.end


codecs.register_error(_MARK_INVALID, _mark_invalid)


def _looks_arabic(text: str) -> bool:
    """Most letters outside ASCII are Arabic: what cp1256 text decodes to.  ASCII letters do not
    count against it (a saved page's markup and scripts are mostly Latin)."""
    letters = len(_NON_ASCII_LETTER.findall(text))
    return letters > 0 and len(_ARABIC_LETTER.findall(text)) >= 0.6 * letters


def _displayable(item: _Record) -> _Record:
    """`item` with lone surrogates, which the tables cannot store, replaced by '\ufffd': os gives the
    bytes of a file name that is not UTF-8 as surrogates."""
    fixed = {name: _LONE_SURROGATE.sub("\ufffd", value) for name, value in vars(item).items()
             if isinstance(value, str) and _LONE_SURROGATE.search(value)}
    return dataclasses.replace(item, **fixed) if fixed else item


def _decode(raw: bytes, path: str) -> tuple[str | None, str, Problem | None]:
    """-> (text or None if unusable, encoding, problem). Tries BOMs, UTF-8, then cp1256."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            text = raw.decode(enc, errors="replace")
            bad = text.count("\ufffd") - raw.decode(enc, errors="ignore").count("\ufffd")
            problem = Problem(path, "decode", f"{path}: {bad} invalid {enc} byte sequence(s) replaced with '\ufffd'; "
                              "re-save the file in that encoding to recover them") if bad else None
            return text.lstrip("\ufeff"), enc, problem
    sample = raw[:65536]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        return None, "", Problem(path, "decode", f"{path}: binary data (NUL or control bytes), not text; "
                                 "remove it from the input, or if it is UTF-16 without a BOM re-save it as UTF-8")
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    loose = raw.decode("utf-8", errors="surrogateescape")
    bad = len(_SURROGATE.findall(loose))
    non_ascii = sum(1 for b in raw if b >= 0x80)
    if bad > 0.05 * non_ascii:
        cp = raw.decode("cp1256", errors="replace")
        if _looks_arabic(cp):
            return cp, "cp1256", None
    if bad > 0.3 * len(raw):
        return None, "", Problem(path, "decode", f"{path}: mostly undecodable bytes ({bad} of {len(raw)}), "
                                 "not UTF-8 or cp1256 text; convert it to UTF-8 or remove it from the input")
    return _SURROGATE.sub("\ufffd", loose), "utf-8", Problem(
        path, "decode", f"{path}: {bad} byte(s) are not valid UTF-8 and were replaced with '\ufffd'; "
        "the rest was read. Re-save the file as UTF-8 to recover them")


# --------------------------------------------------------------------------------------------
# HTML -> visible text


class _HTMLText(HTMLParser):
    SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
            "svg", "iframe", "button", "select", "canvas", "object", "head"}
    BLOCK = {"p", "div", "li", "ul", "ol", "section", "article", "main", "blockquote", "pre", "table", "tr",
             "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "dl", "figure", "figcaption", "address",
             "hr", "br", "caption", "details", "summary", "body"}
    VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "track"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip: str | None = None
        self._depth = 0
        self._in_title = False
        self._pre = 0
        self._article = 0  # open <article>/<main>: a <header> inside holds the headline, not site chrome

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
        elif tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("canonical", a["href"].strip())
        elif tag == "title":
            self._in_title = True
        if self._skip is not None:
            self._depth += tag == self._skip
            return
        if tag in self.VOID:
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        skip = tag in self.SKIP and not (tag == "header" and self._article)
        if skip or "hidden" in a or a.get("aria-hidden", "").lower() == "true":
            self._skip, self._depth = tag, 1
            return
        if tag in ("article", "main"):
            self._article += 1
        if tag == "pre":
            self._pre += 1
        if tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in self.BLOCK:
            self.parts.append("\n\n" if tag[0] in "ph" and tag != "hr" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skip is not None:
            if tag == self._skip:
                self._depth -= 1
                if self._depth <= 0:
                    self._skip = None
            return
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in ("article", "main"):
            self._article = max(0, self._article - 1)
        if tag in self.BLOCK:
            self.parts.append("\n\n" if tag[0] in "ph" else "\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif self._skip is None:
            self.parts.append(data if self._pre else _WS.sub(" ", data))

    def text(self) -> str:
        lines = (ln.strip() for ln in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _html(text: str) -> tuple[str, str | None, dict[str, str]]:
    """Visible text, <title>/og:title and meta tags of an HTML page."""
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    title = parser.meta.get("og:title") or _WS.sub(" ", "".join(parser.title)).strip() or None
    return parser.text(), title, parser.meta


# --------------------------------------------------------------------------------------------
# Catalog

_YEARS = f"years {YEARS.start}-{YEARS.stop - 1}"  # the dates a table can hold, for messages


def _valid_date(s: str) -> bool:
    """Only what `published.parse_iso` reads: a value it cannot read would be dropped silently."""
    return parse_iso(s) is not None


def _basename(name: str) -> str:
    return name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def read_catalog(path: str | os.PathLike[str]) -> tuple[dict[str, CatalogEntry], list[Problem]]:
    """catalog.csv (file, url, outlet, published) -> entries keyed by file basename, plus problems."""
    p = str(path)
    try:
        with open(p, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except FileNotFoundError:
        raise InputError(f"{p}: catalog not found; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder; --catalog takes the catalog's CSV file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: catalog is not UTF-8 ({exc.reason} at byte {exc.start}); re-save it as UTF-8") from None
    if not rows:
        raise InputError(f"{p}: catalog is empty; it needs a header row with the column 'file' "
                         f"(optional: url, outlet, published)")
    header = [h.strip().lower() for h in rows[0]]
    if "file" not in header:
        raise InputError(f"{p}: catalog has no 'file' column (found: {', '.join(header) or 'none'}); "
                         "it needs 'file' and may have url, outlet, published")
    problems = [Problem(p, "catalog", f"{p}: unknown column '{h}' ignored; known columns are "
                        f"{', '.join(CATALOG_COLUMNS)}") for h in header if h not in CATALOG_COLUMNS]
    entries: dict[str, CatalogEntry] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        rec = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        name = _basename(rec.get("file", ""))
        if not name:
            problems.append(Problem(p, "catalog", f"{p}, line {lineno}: empty 'file' cell; row skipped, fill it in"))
            continue
        published = rec.get("published") or None
        if published and not _valid_date(published):
            problems.append(Problem(p, "catalog", f"{p}, line {lineno}: published '{published}' for {name} is not a "
                                    f"date; use YYYY-MM-DD, YYYY-MM or YYYY, {_YEARS} (left empty)"))
            published = None
        if name in entries:
            problems.append(Problem(p, "catalog", f"{p}, line {lineno}: {name} is listed twice; the first row is used, "
                                    "remove the duplicate"))
            continue
        entries[name] = CatalogEntry(name, rec.get("url") or None, rec.get("outlet") or None, published, p, lineno)
    return entries, [_displayable(problem) for problem in problems]


# --------------------------------------------------------------------------------------------
# Reading


_ID_BAD = re.compile(r"[^\w.-]+")


def _safe_id(value: object) -> str:
    name = _basename(str(value)).strip()
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return _ID_BAD.sub("_", stem).strip("._")


def _walk(root: str, seen_dirs: set[str], problems: list[Problem]) -> Iterator[str]:
    """Files under root with a known suffix, sorted, following links once per real directory."""
    real = os.path.realpath(root)
    if real in seen_dirs:
        log.debug("skipping %s: already visited (symlink loop or duplicate)", root)
        return
    seen_dirs.add(real)
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(root, "read", f"{root}: cannot list folder ({exc.strerror}); check its permissions"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, seen_dirs, problems)
        elif entry.name.lower().endswith(SUFFIXES):
            yield entry.path


class _Meta(NamedTuple):
    url: str | None
    outlet: str | None
    published: str | None


def _raw_doc(article_id: str, path: str, text: str, encoding: str, sha: str, meta: _Meta,
             cat: CatalogEntry | None, title: str | None = None, fallback_title: str | None = None,
             where: str | None = None) -> RawDocument:
    """Catalog fields win over the page's metadata, which wins over what the cleaner finds."""
    return RawDocument(
        article_id=article_id, path=path, text=text, encoding=encoding, sha256=sha, title=title,
        fallback_title=fallback_title, outlet=(cat and cat.outlet) or meta.outlet,
        url=(cat and cat.url) or meta.url, published=(cat and cat.published) or meta.published, where=where,
    )


def _str_field(obj: dict, key: str) -> str | None:
    v = obj.get(key)
    if key == "id" and isinstance(v, int) and not isinstance(v, bool):
        v = str(v)
    return (v.strip() or None) if isinstance(v, str) else None


_PIECE = 1 << 20  # read at a time from a line over the limit


def _lines(fh: io.IOBase, limit: int, ends: bytes | str) -> Iterator[tuple[bytes | str | None, int]]:
    """(line without its end, 0) for each line of a binary or text file, or (None, its length in
    UTF-8 bytes) for a line over `limit`: that one is skipped in pieces, never held whole."""
    size = min(limit, sys.maxsize - 2) + 2  # room for "\r\n"; readline() takes at most sys.maxsize
    newline = ends[-1:]
    while line := fh.readline(size):
        if len(line) < size or line.endswith(newline):
            yield line.rstrip(ends), 0
            continue
        skipped = 0
        while line and not line.endswith(newline):
            skipped += _utf8_len(line)
            tail = line[-1:]  # a "\r" here and a final piece of "\n" make one line end
            line = fh.readline(_PIECE)
        end = ends if (tail + line).endswith(ends) else newline if line.endswith(newline) else line[:0]
        yield None, skipped + _utf8_len(line) - len(end)


def _utf8_len(piece: bytes | str) -> int:
    return len(piece.encode("utf-8", errors="surrogatepass")) if isinstance(piece, str) else len(piece)


def _jsonl_lines(path: str, max_bytes: int) -> Iterator[tuple[int, bytes, str | None, str] | Problem]:
    """(line number, raw bytes, text if already decoded, encoding) for each line, read one by one
    (UTF-16 files are decoded as they are read, and measured as UTF-8); a Problem for a line over
    max_bytes."""
    with open(path, "rb") as fh:
        head = fh.read(3)
        utf16 = head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        fh.seek(3 if head == codecs.BOM_UTF8 else 0)
        lines = (_lines(io.TextIOWrapper(fh, "utf-16", errors=_MARK_INVALID, newline="\n"), max_bytes, "\r\n")
                 if utf16 else _lines(fh, max_bytes, b"\r\n"))
        for lineno, (line, skipped) in enumerate(lines, 1):
            if isinstance(line, str):  # UTF-16, decoded with invalid sequences marked
                line, invalid = _LONE_SURROGATE.subn("\ufffd", line)
                if invalid:
                    yield Problem(path, "decode", f"{path}, line {lineno}: {invalid} invalid utf-16 sequence(s) "
                                  "replaced with '\ufffd'; re-save the file in that encoding to recover them")
            raw = line.encode("utf-8") if isinstance(line, str) else line
            size = skipped or len(raw)
            if size > max_bytes:
                yield Problem(path, "read", f"{path}, line {lineno}: {size} bytes, over the limit of {max_bytes}; "
                              f"{_RAISE_LIMIT}")
            elif utf16:
                yield lineno, raw, line, "utf-16"
            else:
                yield lineno, raw, None, "utf-8"


_FIELDS = ("text", "title", "url", "outlet", "published", "file", "id")


def _replace_surrogates(obj: dict) -> list[str]:
    """Replaces lone surrogates in the fields read from a .jsonl line (JSON escapes can make them, the
    tables cannot store them) with '\ufffd'; -> the fields that had some."""
    replaced = [key for key in _FIELDS if isinstance(obj.get(key), str) and _LONE_SURROGATE.search(obj[key])]
    for key in replaced:
        obj[key] = _LONE_SURROGATE.sub("\ufffd", obj[key])
    return replaced


def _no_text(path: str, lineno: int) -> Problem:
    return Problem(path, "parse", f"{path}, line {lineno}: no non-empty \"text\" string; add the article text "
                   "under \"text\" (line skipped)")


def _held_problems(path: str, held: list[Problem | array]) -> Iterator[Problem]:
    """The problems held back by `_read_jsonl`, in line order."""
    for item in held:
        if isinstance(item, Problem):
            yield item
        else:
            yield from (_no_text(path, lineno) for lineno in item)


def _read_jsonl(path: str, catalog: dict[str, CatalogEntry], max_bytes: int, ids: dict[str, int],
                used: set[str]) -> Iterator[RawDocument | Problem]:
    """One Document per line with a "text" field; other lines become Problems naming the line."""
    stem = _safe_id(path) or "doc"
    # Held back until an article shows this is not a metadata file; lines without text only as runs
    # of line numbers, as a metadata file may have millions of them.
    held: list[Problem | array] = []
    parsed = 0
    streaming = False

    def emit(item: RawDocument | Problem) -> Iterator[RawDocument | Problem]:
        nonlocal streaming
        if isinstance(item, RawDocument) and not streaming:
            streaming = True
            yield from _held_problems(path, held)
            held.clear()
        if streaming:
            yield item
        else:
            held.append(item)  # type: ignore[arg-type]

    for line in _jsonl_lines(path, max_bytes):
        if isinstance(line, Problem):
            yield from emit(line)
            continue
        lineno, bline, sline, enc = line
        if not bline.strip():
            continue
        where = f"{path}, line {lineno}"
        if sline is None:
            sline, enc, problem = _decode(bline, where)
            if problem:
                yield from emit(Problem(path, problem.stage, problem.message))
            if sline is None:
                continue
        try:
            obj = json.loads(sline)
        except json.JSONDecodeError as exc:
            yield from emit(Problem(path, "parse", f"{where}: not valid JSON ({exc.msg}, column {exc.colno}); "
                                    "fix the line, each line must be one JSON object"))
            continue
        if not isinstance(obj, dict):
            yield from emit(Problem(path, "parse", f"{where}: a JSON {type(obj).__name__}, not an object; "
                                    "each line must be an object with a \"text\" field"))
            continue
        parsed += 1
        if not isinstance(obj.get("text"), str) or not obj["text"].strip():
            if streaming:
                yield _no_text(path, lineno)
            elif held and isinstance(held[-1], array):
                held[-1].append(lineno)
            else:
                held.append(array("I", [lineno]))
            continue
        replaced = _replace_surrogates(obj) if "\\u" in sline else []
        if replaced:
            yield from emit(Problem(path, "decode", f"{where}: lone surrogate escape(s) (\\ud800-\\udfff without their "
                                    f"pair) in {', '.join(replaced)} replaced with '\ufffd'; the article was read, "
                                    "fix the escapes in the line to recover those characters"))
        file_field = _str_field(obj, "file")
        base = _safe_id(file_field or _str_field(obj, "id") or "") or f"{stem}-{lineno}"
        cat = None
        if file_field:
            used.add(_basename(file_field))
            cat = catalog.get(_basename(file_field))
        published, given = _str_field(obj, "published"), obj.get("published")
        if (published and not _valid_date(published)) or not isinstance(given, (str, type(None))):
            yield from emit(Problem(path, "parse", f"{where}: published {json.dumps(given, ensure_ascii=False)} is "
                                    f"not a date; use \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\", {_YEARS} "
                                    "(the article is read without it)"))
            published = None
        meta = _Meta(_str_field(obj, "url"), _str_field(obj, "outlet"), published)
        yield from emit(_raw_doc(_unique(base, ids), path, obj["text"], enc, hashlib.sha256(bline).hexdigest(), meta,
                                 cat, _str_field(obj, "title"), where=where))
    if streaming:
        return
    if parsed:  # every JSON line lacks "text", e.g. gold.jsonl: one problem, not one per line
        yield Problem(path, "parse", f"{path}: none of its {parsed} JSON lines has a \"text\" field, so it holds "
                      "no articles (a metadata file?); move it out of the input folder or add \"text\"")
    yield from (item for item in held if isinstance(item, Problem))
    if not parsed and not held:
        yield Problem(path, "read", f"{path}: empty file (no JSON lines); remove it or add one article per line")


def _unique(base: str, ids: dict[str, int]) -> str:
    """Deterministic de-duplication of article ids (same stem in two folders): base, base-2, ...,
    never an id already given ("x", "x", "x-2" -> x, x-2, x-2-2).  `ids` maps every id given to
    the next number to try after it."""
    if base not in ids:
        ids[base] = 2
        return base
    number = ids[base]
    while f"{base}-{number}" in ids:
        number += 1
    ids[base] = number + 1
    ids[f"{base}-{number}"] = 2
    return f"{base}-{number}"


def _read_file(path: str, catalog: dict[str, CatalogEntry], max_bytes: int, ids: dict[str, int],
               used: set[str]) -> Iterator[RawDocument | Problem]:
    """The file's document(s) and problems; `used` collects the names the catalog may match."""
    suffix = os.path.splitext(path)[1].lower()
    used.add(os.path.basename(path))
    try:
        size = os.stat(path).st_size
        if size == 0:
            yield Problem(path, "read", f"{path}: empty file; remove it or fill it with the article text")
            return
        if suffix == ".jsonl":  # streamed; the size limit applies to each line
            yield from _read_jsonl(path, catalog, max_bytes, ids, used)
            return
        if size > max_bytes:
            yield Problem(path, "read", f"{path}: {size:,} bytes, over the limit of {max_bytes:,} bytes; "
                          f"{_RAISE_LIMIT}")
            return
        with open(path, "rb") as fh:
            raw = fh.read(size)  # not max_bytes: read(n) reserves n bytes up front, and a huge n fails
    except OSError as exc:
        yield Problem(path, "read", f"{path}: cannot read ({exc.strerror or exc}); check that it exists and is readable")
        return
    if not raw.replace(codecs.BOM_UTF8, b"").strip():
        yield Problem(path, "read", f"{path}: empty file; remove it or fill it with the article text")
        return
    text, enc, problem = _decode(raw, path)
    if problem:
        yield problem
    if text is None:
        return
    if not text.strip():
        yield Problem(path, "read", f"{path}: empty file (whitespace only); remove it or fill it with the article text")
        return
    meta = _Meta(None, None, None)
    html_title = None
    if suffix in (".html", ".htm"):
        text, html_title, tags = _html(text)
        meta = _Meta(tags.get("og:url") or tags.get("canonical"), tags.get("og:site_name"),
                     tags.get("article:published_time"))
        if html_title:  # "headline | site"
            head, _, tail = html_title.rpartition("|")
            html_title = head.strip() if head.strip() and len(tail.split()) <= 4 else html_title
    cat = catalog.get(os.path.basename(path))
    if meta.published and not _valid_date(meta.published) and not (cat and cat.published):
        yield Problem(path, "parse", f"{path}: article:published_time {json.dumps(meta.published, ensure_ascii=False)} "
                      f"is not a date (YYYY-MM-DD, {_YEARS}); the article is read without it. Give its date in "
                      "the catalog (--catalog) if the text does not say it")
        meta = meta._replace(published=None)
    article_id = _unique(_safe_id(path) or "doc", ids)
    yield _raw_doc(article_id, path, text, enc, hashlib.sha256(raw).hexdigest(), meta, cat,
                   fallback_title=html_title)


def iter_documents(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                   catalog: dict[str, CatalogEntry] | None = None, *,
                   max_bytes: int = MAX_BYTES, clean: bool = True) -> Iterator[Document | RawDocument | Problem]:
    """Documents (and Problems) for files and folders, in a deterministic order.  With
    `clean=False` they come as `RawDocument`s, to be cleaned where they are extracted.

    Folders are read recursively in sorted order (hidden entries skipped, each real folder once, so
    symlink loops end); files given explicitly are read whatever their suffix.  The catalog is matched
    by file basename (for .jsonl, by each line's "file" field) and its non-empty fields win; rows that
    match no input become Problems after all inputs.

    Raises InputError at once for a path that does not exist; everything else that goes wrong with a
    single file becomes a Problem so one bad file never stops the others.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    roots = [os.fspath(p) for p in paths]
    for root in roots:
        if not os.path.exists(root):
            raise InputError(f"{root}: no such file or folder; check the path "
                             f"(relative paths are resolved from {os.getcwd()})")
    items = _iter(roots, catalog or {}, max_bytes)
    return (item.clean() if isinstance(item, RawDocument) else item for item in items) if clean else items


def input_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files `iter_documents` reads for `paths`, in its order: what a cache of its output must
    hash (not every file under the folders, and through symlinked folders as it goes)."""
    return list(_unique_files([os.fspath(p) for p in paths], []))


def _unique_files(roots: list[str], problems: list[Problem]) -> Iterator[str]:
    """Each file under `roots` once (by its real path); folders that cannot be listed go to `problems`."""
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for root in roots:
        for path in _walk(root, seen_dirs, problems) if os.path.isdir(root) else [root]:
            real = os.path.realpath(path)
            if real not in seen_files:
                seen_files.add(real)
                yield path


def _iter(roots: list[str], catalog: dict[str, CatalogEntry], max_bytes: int) -> Iterator[RawDocument | Problem]:
    ids: dict[str, int] = {}
    used: set[str] = set()
    problems: list[Problem] = []
    for path in _unique_files(roots, problems):
        yield from map(_displayable, problems)
        problems.clear()
        items = _read_file(path, catalog, max_bytes, ids, used)
        if _LONE_SURROGATE.search(path):  # read by its real name, shown with '\ufffd'
            yield _displayable(Problem(path, "read", f"{path}: the file or folder name is not valid UTF-8 (shown "
                                       "with '\ufffd'); rename it in UTF-8 to keep its name in the tables"))
            items = map(_displayable, items)
        yield from items
    yield from map(_displayable, problems)
    yield from map(_displayable, _unused_rows(catalog, used))


def _unused_rows(catalog: dict[str, CatalogEntry], used: set[str]) -> Iterator[Problem]:
    """Catalog rows no input matched, as one problem: a typo in `file` would otherwise lose their
    fields silently (and a catalog of a whole archive, used for one folder, is not 1,000s of them)."""
    unused = [(name, entry) for name, entry in catalog.items() if name not in used]
    if not unused:
        return
    source = unused[0][1].source
    shown = ", ".join(f"'{name}'" + (f" (line {entry.line})" if entry.line else "") for name, entry in unused[:5])
    more = f" and {len(unused) - 5:,} more" if len(unused) > 5 else ""
    yield Problem(source, "catalog", f"{source}: {len(unused):,} row(s) name no input file (or .jsonl \"file\" "
                                     f"field): {shown}{more}; check the names if those files were meant to be read")
