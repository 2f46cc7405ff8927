"""Read article files into clean `Document`s, recording every problem instead of dropping input.

Inputs are .txt, .html/.htm and .jsonl files (or folders of them) plus an optional catalog.csv.
Each file is decoded (BOM, UTF-8, cp1256), cleaned of page chrome (see `clean.py`), and returned
with its title, outlet and header date.  All downstream offsets index into `Document.text`.  The
extraction pipeline reads `RawDocument`s instead and has its workers clean them.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import NamedTuple

__all__ = [
    "MAX_BYTES", "SUFFIXES", "Problem", "Document", "RawDocument", "CatalogEntry", "InputError",
    "read_catalog", "iter_documents", "clean_text",
]

from .clean import clean_page, clean_text

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


class InputError(ValueError):
    """A path the user gave cannot be used at all (the message names it and the fix)."""


# --------------------------------------------------------------------------------------------
# Decoding

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
_SURROGATE = re.compile(r"[\udc80-\udcff]")


def _looks_arabic(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC_LETTER.findall(text)) >= 0.6 * letters


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

_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _valid_date(s: str) -> bool:
    if _DATE_RE.fullmatch(s):
        parts = [int(p) for p in s.split("-")] + [1, 1]
        try:
            _dt.date(parts[0], parts[1], parts[2])
            return 1000 <= parts[0] <= 2999
        except ValueError:
            return False
    try:
        _dt.datetime.fromisoformat(s)
        return True
    except ValueError:
        return False


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
                                    "date; use YYYY-MM-DD, YYYY-MM or YYYY (left empty)"))
            published = None
        if name in entries:
            problems.append(Problem(p, "catalog", f"{p}, line {lineno}: {name} is listed twice; the first row is used, "
                                    "remove the duplicate"))
            continue
        entries[name] = CatalogEntry(name, rec.get("url") or None, rec.get("outlet") or None, published)
    return entries, problems


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


def _jsonl_lines(path: str, max_bytes: int) -> Iterator[tuple[int, bytes, str | None, str]]:
    """(line number, raw bytes, text if already decoded, encoding); streams UTF-8 files line by line."""
    with open(path, "rb") as fh:
        head = fh.read(2)
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):  # rare: decode the whole file
            raw = head + fh.read(max_bytes + 1)
            for lineno, line in enumerate(raw.decode("utf-16", errors="replace").lstrip("\ufeff").split("\n"), 1):
                line = line.rstrip("\r")
                yield lineno, line.encode("utf-8"), line, "utf-16"
            return
        fh.seek(0)
        for lineno, line in enumerate(fh, 1):
            if lineno == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8):]
            yield lineno, line.rstrip(b"\r\n"), None, "utf-8"


def _read_jsonl(path: str, catalog: dict[str, CatalogEntry], max_bytes: int,
                ids: dict[str, int]) -> Iterator[RawDocument | Problem]:
    """One Document per line with a "text" field; other lines become Problems naming the line."""
    stem = _safe_id(path) or "doc"
    pending: list[Problem] = []  # held back until an article shows this is not a metadata file
    no_text = parsed = 0
    streaming = False

    def emit(item: RawDocument | Problem) -> Iterator[RawDocument | Problem]:
        nonlocal streaming
        if isinstance(item, RawDocument) and not streaming:
            streaming = True
            yield from pending
        if streaming:
            yield item
        else:
            pending.append(item)  # type: ignore[arg-type]

    for lineno, bline, sline, enc in _jsonl_lines(path, max_bytes):
        if not bline.strip():
            continue
        where = f"{path}, line {lineno}"
        if len(bline) > max_bytes:
            yield from emit(Problem(path, "read", f"{where}: {len(bline)} bytes, over the limit of {max_bytes}; "
                                    f"{_RAISE_LIMIT}"))
            continue
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
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            no_text += 1
            yield from emit(Problem(path, "parse", f"{where}: no non-empty \"text\" string; add the article "
                                    "text under \"text\" (line skipped)"))
            continue
        file_field = _str_field(obj, "file")
        base = _safe_id(file_field or _str_field(obj, "id") or "") or f"{stem}-{lineno}"
        cat = catalog.get(_basename(file_field)) if file_field else None
        meta = _Meta(_str_field(obj, "url"), _str_field(obj, "outlet"), _str_field(obj, "published"))
        yield from emit(_raw_doc(_unique(base, ids), path, text, enc, hashlib.sha256(bline).hexdigest(), meta, cat,
                                 _str_field(obj, "title"), where=where))
    if not streaming and parsed and no_text == parsed:  # e.g. gold.jsonl: one problem, not one per line
        yield Problem(path, "parse", f"{path}: none of its {parsed} JSON lines has a \"text\" field, so it holds "
                      "no articles (a metadata file?); move it out of the input folder or add \"text\"")
        pending = [p for p in pending if "\"text\" string" not in p.message]
    if not streaming:
        yield from pending
    if not streaming and not pending and not parsed:
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


def _read_file(path: str, catalog: dict[str, CatalogEntry], max_bytes: int,
               ids: dict[str, int]) -> Iterator[RawDocument | Problem]:
    suffix = os.path.splitext(path)[1].lower()
    try:
        size = os.stat(path).st_size
        if size == 0:
            yield Problem(path, "read", f"{path}: empty file; remove it or fill it with the article text")
            return
        if suffix == ".jsonl":  # streamed; the size limit applies to each line
            yield from _read_jsonl(path, catalog, max_bytes, ids)
            return
        if size > max_bytes:
            yield Problem(path, "read", f"{path}: {size:,} bytes, over the limit of {max_bytes:,} bytes; "
                          f"{_RAISE_LIMIT}")
            return
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
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
    by file basename (for .jsonl, by each line's "file" field) and its non-empty fields win.

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


def _iter(roots: list[str], catalog: dict[str, CatalogEntry], max_bytes: int) -> Iterator[RawDocument | Problem]:
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    ids: dict[str, int] = {}
    for root in roots:
        problems: list[Problem] = []
        files = _walk(root, seen_dirs, problems) if os.path.isdir(root) else iter([root])
        for path in files:
            yield from problems
            problems.clear()
            real = os.path.realpath(path)
            if real in seen_files:
                continue
            seen_files.add(real)
            yield from _read_file(path, catalog, max_bytes, ids)
        yield from problems
