"""Strip page chrome and boilerplate from an article's text, and find its title, header date and outlet.

Scraped pages carry navigation, "اقرأ أيضاً" link blocks, comment forms, app prompts, repeated
headlines and press-release distributor footers (SeaPRwire's "6500 متجر إعلامي و 86000 محرر" must
never become claims).  Cleaning only drops or trims whole lines (plus one leading distributor tag)
and never rewrites the words of the article, so offsets into the cleaned text quote it exactly.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

from .patterns import translate_runs

# --------------------------------------------------------------------------------------------
# Arabic folding: patterns are written with natural spelling and folded the same way as the lines
# they are matched against, so hamza/alef forms, ى/ي, ة/ه, tanween and tatweel never matter.

_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None,
     **{chr(c): None for c in range(0x064B, 0x0660)}, "\u0670": None,
     **{chr(c): None for c in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0xAD)},
     **{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)
# The same folding done faster on whole lines: str.translate looks up every character, while
# deleting with one regex and replacing letter by letter run in C over the few that change.
_FOLD_DROP = re.compile("[" + "".join(chr(code) for code, to in _FOLD.items() if to is None) + "]")
_FOLD_DIGITS = re.compile("[٠-٩۰-۹]+")
_FOLD_LETTERS = tuple((chr(c), to) for c, to in _FOLD.items() if to is not None and not to.isdigit())
_WS = re.compile(r"\s+")


def _fold_letters(s: str) -> str:
    """Folding without the whitespace step: line breaks stay where they were."""
    s = _FOLD_DROP.sub("", s)
    for letter, folded in _FOLD_LETTERS:
        s = s.replace(letter, folded)
    return translate_runs(s, _FOLD_DIGITS, _FOLD).lower()


def _fold(s: str) -> str:
    return " ".join(_fold_letters(s).split())  # whitespace runs as one space, none at the ends


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
        similar = SequenceMatcher(None, key, title_key, autojunk=False)
        # the quick ratios are upper bounds of ratio(): most lines fail them at a fraction of the cost
        return similar.real_quick_ratio() >= 0.9 and similar.quick_ratio() >= 0.9 and similar.ratio() >= 0.9
    return False


def _signature(s: str) -> str | None:
    """Outlet from a closing signature line ("سونا نيوز", "باسنيوز"): 1-3 words, letters only."""
    words = s.split()
    if 1 <= len(words) <= 3 and len(s) <= 30 and all(_LETTER_WORD.fullmatch(w) for w in words):
        return s.strip()
    return None


class Cleaned(NamedTuple):
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


def clean_page(text: str) -> Cleaned:
    """Drop chrome lines, link/comment/distributor blocks, repeated titles and the header date."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    kept: list[str] = []
    outlet: str | None = None
    in_block = False
    after_masthead = False
    chrome_at: set[int] = set()  # positions in `kept` where a chrome line was dropped
    folded_lines = _fold_letters(text).split("\n")  # the whole page at once, line for line
    for raw, folded_raw in zip(text.split("\n"), folded_lines):
        line = raw.rstrip()
        if not line.strip():
            kept.append("")
            continue
        if tag := _LEAD_TAG.match(line):
            line = line[tag.end():]
        folded = _fold(line) if tag else " ".join(folded_raw.split())
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
    return Cleaned(body, title, header_date, outlet)


def clean_text(text: str) -> tuple[str, str | None, str | None]:
    """Article text without page chrome -> (cleaned text, title, header_date). Pure and fast."""
    cleaned = clean_page(text)
    return cleaned.text, cleaned.title, cleaned.header_date
