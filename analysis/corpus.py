"""Read article files into clean `Document`s, recording every problem instead of dropping input.

Inputs are .txt, .html/.htm and .jsonl files (or folders of them) plus an optional catalog.csv.
Each file is decoded (BOM, UTF-8, cp1256), stripped of page chrome and boilerplate that is not the
article, and returned with its title, outlet and header date.  All downstream offsets index into
`Document.text`, so cleaning only ever drops or trims whole lines (plus one leading distributor tag)
and never rewrites the words of the article.
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
from difflib import SequenceMatcher
from html.parser import HTMLParser
from typing import NamedTuple

__all__ = [
    "MAX_BYTES", "SUFFIXES", "Problem", "Document", "CatalogEntry", "InputError",
    "read_catalog", "iter_documents", "clean_text",
]

log = logging.getLogger(__name__)

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
class CatalogEntry:
    file: str
    url: str | None
    outlet: str | None
    published: str | None


class InputError(ValueError):
    """A path the user gave cannot be used at all (the message names it and the fix)."""


# --------------------------------------------------------------------------------------------
# Arabic folding: patterns are written with natural spelling and folded the same way as the lines
# they are matched against, so hamza/alef forms, ى/ي, ة/ه, tanween and tatweel never matter.

_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None,
     **{chr(c): None for c in range(0x064B, 0x0660)}, "\u0670": None,
     **{chr(c): None for c in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0xAD)},
     **{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)
_WS = re.compile(r"\s+")


def _fold(s: str) -> str:
    return _WS.sub(" ", s.translate(_FOLD).lower()).strip()


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.translate(_FOLD), re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Line patterns (matched with fullmatch against the folded, stripped line)

_READ = r"(?:اقرأ|إقرأ|أقرأ|اقرا|إقرا)"
_ALSO = r"(?:ايضا|أيضاً|أيضا|كذلك)"
_BLOCK_WORDS = (
    rf"{_READ}(?:\s+{_ALSO}|\s+المزيد)?|(?:شاهد|شاهدوا|تابع|طالع)\s+{_ALSO}|شاهد المزيد|للمزيد|"
    r"(?:\.{2,}|…)?\s*المزيد|الأكثر\s+(?:قراءة|مشاهدة|تداولا|تداولاً|شعبية|تعليقا)|"
    r"(?:مواضيع|موضوعات|أخبار|مقالات|قصص|تقارير)?\s*ذات\s+صلة|(?:أخبار|مواضيع|مقالات)\s+(?:متعلقة|مشابهة)|"
    r"إخترنا لك|اخترنا لك|قد (?:يهمك|يعجبك|يهمكم)(?:\s+ايضا)?|المزيد من (?:الأخبار|الاخبار|المقالات)|"
    r"(?:آخر|أحدث)\s+(?:الأخبار|المقالات)|"
    r"related(?:\s+(?:posts|articles|news|stories))?|read\s+(?:also|more)|you may also like|"
    r"most\s+(?:read|popular|viewed)|more\s+(?:stories|news)"
)
# Heading alone on its line, or "heading: linked title" on one line; both start a link block.
_BLOCK_HEAD = _rx(rf"(?:{_BLOCK_WORDS})\s*[:：.\-–—]*")
_BLOCK_INLINE = _rx(rf"(?:{_READ}\s+{_ALSO}|شاهد\s+{_ALSO}|للمزيد|read also)\s*[:：\-–—|]\s*\S.*")
# Headings whose following lines are a comment form or a distributor footer: dropped like link blocks.
_TAIL_HEAD = _rx(
    r"leave a (?:reply|comment)|(?:اترك|أضف|اضف|شارك) (?:تعليقا|تعليقاً|تعليق|ردا|رد|رأيك)|"
    r"التعليقات|تعليقات|\d+ (?:تعليق|تعليقات|comments?)|comments?|"
    r"يتم توفير (?:هذا )?(?:المقال|المحتوى|الخبر) من قبل مزود محتوى .*|"
    r"the article is provided by a third-party content provider.*"
)
_MASTHEAD_RE = r"رئيس (?:مجلسي |مجلس )?(?:الإدارة|التحرير)(?:\s*و\s*رئيس (?:مجلسي |مجلس )?(?:الإدارة|التحرير))?\s*[:\-–]?.{0,30}"
_CHROME = _rx("|".join((
    # navigation / skip links / widgets
    r"skip to (?:main )?(?:content|navigation)|(?:\d+\.\s*)?(?:الانتقال|انتقل|تخطى|تخطي|اذهب) (?:إلى|الى) .{2,40}",
    r"(?:back to )?top|(?:site )?logo|menu|search|home|print|share|advertisement|toggle navigation|"
    r"أعلى الصفحة|العودة (?:إلى|الى|ل)\s*الأعلى|(?:إلى|الى) الأعلى|إعلان|اعلان|الرئيسية|القائمة|بحث|طباعة|شارك|مشاركة",
    r"(?:تفعيل|تعطيل)\s+الوضع\s+(?:المظلم|الليلي|الداكن|النهاري)|الوضع (?:الليلي|المظلم|الداكن)|dark mode|light mode",
    # comment forms
    r"comments are closed|post comment|cancel reply|(?:باب )?التعليقات (?:مغلق|مغلقة)\.?|باب التعليقات مغلق\.?|"
    r"لا توجد تعليقات.*|(?:إرسال|ارسال|أرسل) (?:التعليق|تعليق)|إلغاء الرد|δ",
    r"your email address will not be published.*|required fields are marked.*|save my name.*",
    r"لن يتم نشر (?:عنوان )?(?:بريدك|البريد) الإلكتروني.*|(?:الحقول|الخانات) (?:المطلوبة|الإلزامية) .*|احفظ اسمي.*",
    r"(?:comment|name|email|website|التعليق|الاسم|البريد الإلكتروني|الموقع الإلكتروني|الموقع)\s*\*?\s*:?",
    # app / social prompts
    r"(?:حمل|حمّل|نزل|نزّل|حملوا|نزلوا|قم بتحميل|download)\s+(?:تطبيق|التطبيق|the app|our app)\b.{0,60}",
    r"(?:تابع|تابعوا|تابعونا|تابعنا|follow us|اشترك|اشتركوا|انضم|انضموا)\b.{0,60}?"
    r"(?:فيسبوك|فيس بوك|facebook|تويتر|twitter|إكس|تلغرام|تليغرام|تلجرام|تيليجرام|telegram|يوتيوب|youtube|"
    r"انستغرام|إنستغرام|انستجرام|instagram|واتساب|واتس اب|whatsapp|google news|جوجل نيوز|غوغل نيوز|نبض|"
    r"تطبيق|قناتنا|قناة)\b.{0,30}",
    # masthead, copyright, CMS residue, bare links, bylines in Latin script
    _MASTHEAD_RE,
    r".{0,60}(?:©|copyright|all rights reserved|جميع الحقوق محفوظة|حقوق (?:النشر|الطبع) محفوظة).{0,60}",
    r"[\[\]{}“”\"':,\s]*(?:value)?[\[\]{}“”\"':,\s]*",
    r"(?:https?://|www\.)\S+",
    r"عن\s+[a-z][a-z .'-]{1,40}",
    # press-release distributors (SeaPRwire and the like)
    r".*seaprwire.*|(?:القطاعات|sectors?)\s*:.*",
)))
_MASTHEAD = _rx(_MASTHEAD_RE)
_BYLINE = re.compile(r"عن\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2}")
_PRINT_FOOTER = _rx(r"(?:طبع|طُبع) هذا (?:المحتوى|المقال|الخبر) من (?:موقع )?(?P<outlet>.{2,40})")
_LEAD_TAG = re.compile(r"^\s*\((?:SeaPRwire|[^()]{0,30}(?:wire|newswire|PR))\)\s*[–—\-]\s*", re.IGNORECASE)

_CITIES = {_fold(c) for c in (
    "بغداد أربيل اربيل البصرة الموصل كركوك السليمانية النجف كربلاء الأنبار الانبار الفلوجة الرمادي "
    "دهوك ديالى بعقوبة تكريت الناصرية الحلة الكوت العمارة السماوة الديوانية دمشق حلب حمص الحسكة "
    "القامشلي الرقة إدلب ادلب بيروت القاهرة عمان واشنطن نيويورك دبي أبوظبي الرياض جدة الدوحة الكويت "
    "المنامة مسقط طهران أنقرة انقرة إسطنبول اسطنبول غزة القدس صنعاء عدن الخرطوم تونس الجزائر الرباط "
    "طرابلس لندن باريس موسكو برلين جنيف بروكسل"
).split()} | {"دير الزور", "رام الله", "ابو ظبي"}
_AGENCY = re.compile(r"\(?(?P<a>[^/–—\-|:()]{2,40}?)\)?\s*[/–—\-]\s*\(?(?P<b>[^/–—\-|:()]{2,40}?)\)?\s*:?")

_MONTHS = (
    "يناير فبراير مارس ابريل إبريل أبريل مايو يونيو يونيه يوليو يوليه اغسطس أغسطس سبتمبر اكتوبر أكتوبر "
    "نوفمبر ديسمبر كانون الثاني الأول الاول شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول "
    "تشرين جانفي فيفري أفريل افريل ماي جوان جويلية جويلة أوت اوت "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = (
    "الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت يوم "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur fri sat sun"
)
_MONTH_SET = {_fold(w) for w in _MONTHS.split()}
_DATE_WORDS = _MONTH_SET | {_fold(w) for w in _WEEKDAYS.split()} | {"ص", "م", "am", "pm", "gmt", "الساعه"}
_DATE_SPLIT = re.compile(r"[\s,،/\\\-–—|.:•·()]+")
_PARA_END = re.compile(r"(?<!\.)\.[\"'”»)\]]*$")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_TITLE_STRIP = re.compile(r"^[\s•·▪●◦*\-–—>]+|\s+$")
_TITLE_KEY_DROP = re.compile(r"[\W_]+")


def _is_paragraph(s: str) -> bool:
    """A line of running text (ends a link block); link titles are short and lack a final full stop."""
    return len(s) >= 200 or (len(s.split()) >= 8 and _PARA_END.search(s) is not None)


def _is_date_line(s: str) -> bool:
    tokens = [t for t in _DATE_SPLIT.split(_fold(s)) if t]
    if not tokens or len(tokens) > 10:
        return False
    numbers = [t for t in tokens if t.isdigit()]
    if any(not (t.isdigit() and len(t) <= 4) and t not in _DATE_WORDS for t in tokens):
        return False
    has_year = any(len(t) == 4 for t in numbers)
    has_month = any(t in _MONTH_SET for t in tokens)
    return (has_year and (has_month or len(numbers) >= 3)) or (has_month and bool(numbers))


def _agency(s: str) -> str | None:
    """Outlet from an agency line such as "سكاي برس/ بغداد" or "دبي - الشرق"."""
    if len(s) > 60 or len(s.split()) > 7:
        return None
    m = _AGENCY.fullmatch(s.strip())
    if not m:
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    if any(ch.isdigit() for ch in a + b):
        return None  # "بغداد - 15 كانون الثاني 2024" is a dateline, not an outlet
    if _fold(b) in _CITIES and _fold(a) not in _CITIES:
        return a
    if _fold(a) in _CITIES and _fold(b) not in _CITIES:
        return b
    return None


_NOT_TITLE_END = re.compile(r"(?:[:：،,]|\([^()]*/[^()]*\))\s*$")  # a lead-in ("أبرز ما جاء:") or photo credit


def _is_title_like(s: str) -> bool:
    return (len(_LETTER_WORD.findall(s)) >= 3 and len(s) <= 250 and len(s.split()) <= 30
            and not _PARA_END.search(s) and not _NOT_TITLE_END.search(s)
            and not _is_date_line(s) and _agency(s) is None)


def _title_key(s: str) -> str:
    return _TITLE_KEY_DROP.sub(" ", _fold(s)).strip()


_TAG_SEP = re.compile(r"[-–—|:]")


def _is_repeat(line: str, title_key: str) -> bool:
    """Same headline again, allowing other quote marks, spacing, or an outlet tag ("X - headline")."""
    key = _title_key(line)
    if not key:
        return False
    if key == title_key:
        return True
    if title_key in key and len(key.split()) - len(title_key.split()) <= 4 and _TAG_SEP.search(line):
        return True
    if len(title_key) >= 20 and abs(len(key) - len(title_key)) <= 0.15 * len(title_key):
        return SequenceMatcher(None, key, title_key, autojunk=False).ratio() >= 0.9
    return False


def _signature(s: str) -> str | None:
    """Outlet from a closing signature line ("سونا نيوز", "باسنيوز"): 1-3 words, letters only."""
    words = s.split()
    if 1 <= len(words) <= 3 and len(s) <= 30 and all(_LETTER_WORD.fullmatch(w) for w in words):
        return s.strip()
    return None


class _Cleaned(NamedTuple):
    text: str
    title: str | None
    header_date: str | None
    outlet: str | None


def _is_page_header(line: str, index: int, kept: list[str], chrome_at: set[int]) -> bool:
    """A date line is the page's current date when it sits among page chrome (logo, masthead,
    dark-mode switch) or is written in page-furniture style (bullet, Latin script); a date line
    alone above the headline is the article's dateline and stays in the text."""
    if line[:1] in "•·▪●" or re.search(r"[A-Za-z]{3,}", line):
        return True
    before = index
    while before > 0 and not kept[before - 1].strip():
        before -= 1
    after = index + 1
    while after < len(kept) and not kept[after].strip():
        after += 1
    return bool(chrome_at & {before, index, index + 1, after})


def _clean(text: str) -> _Cleaned:
    """Drop chrome lines, link/comment/distributor blocks, repeated titles and the header date."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    kept: list[str] = []
    outlet: str | None = None
    in_block = False
    after_masthead = False
    chrome_at: set[int] = set()  # positions in `kept` where a chrome line was dropped
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            kept.append("")
            continue
        line = _LEAD_TAG.sub("", line, count=1)
        folded = _fold(line)
        if m := _PRINT_FOOTER.fullmatch(folded):
            # keep the outlet as written: the last words of the raw line (folding changes letters)
            outlet = outlet or " ".join(line.split()[-len(m.group("outlet").split()):])
            continue
        if _TAIL_HEAD.fullmatch(folded) or _BLOCK_HEAD.fullmatch(folded) or _BLOCK_INLINE.fullmatch(folded):
            in_block = True
            continue
        if _CHROME.fullmatch(folded):
            chrome_at.add(len(kept))
            after_masthead = _MASTHEAD.fullmatch(folded) is not None
            continue
        if after_masthead:
            after_masthead = False
            if len(line.split()) <= 4 and not any(c.isdigit() for c in line):
                continue  # the editor's name under "رئيس التحرير"
        if in_block:
            if not _is_paragraph(line.strip()):
                continue
            in_block = False
        kept.append(line)

    # Headline: the first title-like line before any running text; a date line above it is page chrome.
    title_i = header_i = None
    seen = 0
    for i, line in enumerate(kept):
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > 10 or _is_paragraph(s):
            break
        if header_i is None and _is_date_line(s) and _is_page_header(s, i, kept, chrome_at):
            header_i = i
        elif _is_title_like(s):
            title_i = i
            break
    header_date = None
    title = None
    if title_i is not None:
        title = _TITLE_STRIP.sub("", kept[title_i])
        key = _title_key(title)
        for j in range(title_i + 1, len(kept)):
            if kept[j] and len(kept[j]) <= len(title) + 60 and _is_repeat(kept[j], key):
                kept[j] = ""
        if header_i is not None:
            header_date = kept[header_i].strip()
            kept[header_i] = ""
        title = _WS.sub(" ", title)
        if "|" in title:  # "headline | section or site"
            head, _, tail = title.rpartition("|")
            if head.strip() and len(tail.split()) <= 4:
                title = head.strip()

    while kept and (not kept[-1].strip() or _BYLINE.fullmatch(kept[-1].strip())):
        kept.pop()  # a closing "عن <author>" byline
    body = "\n".join(kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")

    if outlet is None:
        lines = [ln for ln in (x.strip() for x in body.split("\n")) if ln]
        outlet = next((a for a in map(_agency, lines[:6]) if a), None)
        if outlet is None and len(lines) >= 2 and _PARA_END.search(lines[-2]):
            outlet = _signature(lines[-1])
    return _Cleaned(body, title, header_date, outlet)


def clean_text(text: str) -> tuple[str, str | None, str | None]:
    """Article text without page chrome -> (cleaned text, title, header_date). Pure and fast."""
    cleaned = _clean(text)
    return cleaned.text, cleaned.title, cleaned.header_date


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


def _make_doc(article_id: str, path: str, text: str, encoding: str, sha: str, meta: _Meta,
              cat: CatalogEntry | None, title: str | None = None,
              fallback_title: str | None = None) -> Document | Problem:
    cleaned = _clean(text)
    if not cleaned.text.strip():
        return Problem(path, "clean", f"{path}: nothing is left after removing page chrome and boilerplate; "
                       "check that the file holds an article")
    return Document(
        article_id=article_id, path=path, text=cleaned.text, encoding=encoding, sha256=sha,
        title=title or cleaned.title or fallback_title,
        outlet=(cat and cat.outlet) or meta.outlet or cleaned.outlet,
        url=(cat and cat.url) or meta.url,
        published=(cat and cat.published) or meta.published,
        header_date=cleaned.header_date,
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
                ids: dict[str, int]) -> Iterator[Document | Problem]:
    """One Document per line with a "text" field; other lines become Problems naming the line."""
    stem = _safe_id(path) or "doc"
    pending: list[Problem] = []  # held back until a Document shows this is not a metadata file
    no_text = parsed = 0
    streaming = False

    def emit(item: Document | Problem) -> Iterator[Document | Problem]:
        nonlocal streaming
        if isinstance(item, Document) and not streaming:
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
        doc = _make_doc(_unique(base, ids), path, text, enc, hashlib.sha256(bline).hexdigest(), meta, cat,
                        _str_field(obj, "title"))
        yield from emit(Problem(path, doc.stage, f"{where}: {doc.message}") if isinstance(doc, Problem) else doc)
    if not streaming and parsed and no_text == parsed:  # e.g. gold.jsonl: one problem, not one per line
        yield Problem(path, "parse", f"{path}: none of its {parsed} JSON lines has a \"text\" field, so it holds "
                      "no articles (a metadata file?); move it out of the input folder or add \"text\"")
        pending = [p for p in pending if "\"text\" string" not in p.message]
    if not streaming:
        yield from pending
    if not streaming and not pending and not parsed:
        yield Problem(path, "read", f"{path}: empty file (no JSON lines); remove it or add one article per line")


def _unique(base: str, ids: dict[str, int]) -> str:
    """Deterministic de-duplication of article ids (same stem in two folders): base, base-2, ..."""
    n = ids.get(base, 0) + 1
    ids[base] = n
    return base if n == 1 else f"{base}-{n}"


def _read_file(path: str, catalog: dict[str, CatalogEntry], max_bytes: int,
               ids: dict[str, int]) -> Iterator[Document | Problem]:
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
    yield _make_doc(article_id, path, text, enc, hashlib.sha256(raw).hexdigest(), meta, cat,
                    fallback_title=html_title)


def iter_documents(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                   catalog: dict[str, CatalogEntry] | None = None, *,
                   max_bytes: int = MAX_BYTES) -> Iterator[Document | Problem]:
    """Documents (and Problems) for files and folders, in a deterministic order.

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
    return _iter(roots, catalog or {}, max_bytes)


def _iter(roots: list[str], catalog: dict[str, CatalogEntry], max_bytes: int) -> Iterator[Document | Problem]:
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
