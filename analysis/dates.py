"""Arabic date expressions: find them in normalised text and resolve them against a publication date.

Three month-name families are read (Egyptian/Gulf يناير…, Levantine/Iraqi كانون الثاني…, Maghrebi
جانفي…), alone or doubled ("أيلول/ سبتمبر 2025"), with day ranges, "منتصف/أوائل/أواخر", weekdays
and relative words.  Every resolved date carries a precision (day | month | year).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .arabic import fold
from .patterns import FOLDED_SPELLINGS, alternation, finditer_near

Precision = str  # "day" | "month" | "year"

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "كانون ثاني", "جانفي", "جانفيي"),
    2: ("فبراير", "شباط", "فيفري"),
    3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "أيار", "ايار", "مايس", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "جويليه"),
    8: ("أغسطس", "اغسطس", "آب", "أوت", "اوت"),
    9: ("سبتمبر", "أيلول", "ايلول"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "تشرين أول", "تشرين اول"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني"),
    12: ("ديسمبر", "كانون الأول", "كانون الاول", "كانون أول", "كانون اول"),
}
_MONTH_BY_NAME = {fold(name): month for month, names in _MONTH_NAMES.items() for name in names}
# Names that are also ordinary words: accepted only beside a day, a year or a date cue.
_AMBIGUOUS_MONTHS = {fold(n) for n in ("مارس", "آب", "ماي", "أوت", "اوت")}

WEEKDAYS = {  # Python weekday numbers
    "اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعه": 4, "سبت": 5, "احد": 6,
}

_ALL_MONTH_NAMES = [name for names in _MONTH_NAMES.values() for name in names]
_MONTH_ALT = alternation(_ALL_MONTH_NAMES)
_MONTHS = rf"(?:{_MONTH_ALT})(?:\s*[/(،-]?\s*(?:{_MONTH_ALT})\)?)?"
_WEEKDAY = r"(?<!\w)(?:ال|يوم\s+(?:ال)?)(?:أحد|احد|[إا]ثنين|ثلاثاء|[أا]ربعاء|خميس|جمعة|سبت)"
_PART_OF_MONTH = r"منتصف|[أا]وائل|[أا]واخر|مطلع|بداية|بدايات|نهاية|[أا]وسط"
# Days written as ordinals: "في الثاني من شباط", "الحادي والعشرين من الشهر الجاري" (folded spellings)
_ORDINAL_UNITS = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
ORDINAL_DAYS: dict[str, int] = {
    "الاول": 1, **{w: n for n, w in enumerate(_ORDINAL_UNITS[1:], start=2)}, "العاشر": 10,
    **{f"{w} عشر": n for n, w in enumerate(_ORDINAL_UNITS, start=11)},
    "العشرين": 20, **{f"{w} والعشرين": n for n, w in enumerate(_ORDINAL_UNITS, start=21)},
    "الثلاثين": 30, "الحادي والثلاثين": 31,
}
_ORDINAL_DAY = alternation(ORDINAL_DAYS, FOLDED_SPELLINGS)
_CUE = r"خلال|في|منذ|حتى|بحلول|قبل|بعد"
_MODIFIER = rf"{_PART_OF_MONTH}|{_CUE}|شهر"
_CUES = {"خلال", "شهر", "في", "منذ", "حتى", "بحلول", "قبل", "بعد"}
DEADLINE_CUES = frozenset({"حتى", "بحلول"})  # "أمهلت … حتى 20 شباط", "بحلول نهاية أيلول 2025"
DAY_WORDS = frozenset({"أمس", "امس", "البارحة", "اليوم"})  # the relative words that name one day
FROM_AT_END = re.compile(r"(?<!\w)من\s*$")  # "من 17 تشرين الأول 2023 وحتى 4 شباط 2024": a period's start
_CUE_BEFORE = re.compile(rf"(?<!\w)(?P<cue>حتى|بحلول|منذ)\s+(?:يوم\s+)?$")
_YEAR = r"(?:19|20)\d{2}"
_REL = r"الماضي|المقبل|القادم|الجاري|الحالي|المنصرم|الفائت"

DATE_RE = re.compile(
    rf"(?P<wd>{_WEEKDAY})?[\s،,(-]*"
    rf"(?:(?P<cue>{_CUE})\s+(?=(?:{_PART_OF_MONTH})\s))?"  # "بحلول نهاية أيلول 2025": a deadline still
    rf"(?:(?P<mod>{_MODIFIER})\s+)?"
    rf"(?:(?<!\d)(?P<d1>\d{{1,2}})\s*(?:[-–]|إلى|الى|حتى|و)\s*)?"  # not the end of a year ("من 2025 إلى")
    rf"(?:(?<!\d)(?P<day>\d{{1,2}})\s*[/-]?\s*|(?<!\w)(?P<oday>{_ORDINAL_DAY})\s+(?=من\s))?"
    rf"(?:من\s+)?(?:شهر\s+)?(?:(?<!\w)|(?<=(?<!\w)و))(?P<month>{_MONTHS})(?!\w)"  # "وكانون الثاني 2024"
    rf"(?:\s*[/,،-]?\s*(?:من\s+)?(?:عام|العام|سنة|لعام)?\s*(?P<year>{_YEAR})(?!\d))?"
    rf"(?:\s+(?:من\s+)?(?P<rel>{_REL}|العام\s+الماضي))?"
)
NUMERIC_DATE_RE = re.compile(
    rf"(?<![\d.])(?:(?P<iy>{_YEAR})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})"
    rf"|(?P<day>\d{{1,2}})\s?(?P<sep>[/.\-]|\s)\s?(?P<month>\d{{1,2}})\s?(?P=sep)\s?(?P<year>{_YEAR}))(?![\d])"
)
YEAR_RE = re.compile(
    rf"(?<!\w)(?:(?P<cue>منذ|في|حتى|بحلول|خلال|قبل|بعد)\s+)?"
    rf"(?:(?P<mod>منتصف|[أا]وائل|[أا]واخر|مطلع|بداية|نهاية)\s+)?"
    rf"(?P<word>(?:[لب]?ال|[لب])?(?:عام|سنة)\s*)?(?P<year>{_YEAR})(?!\d)"
)
# "بين 2003 و2011", "بين عامي 2007 و2008", "من 2003 إلى 2011", "(2003-2011)": both ends are years,
# not counts.
YEAR_RANGE_RE = re.compile(
    rf"(?:(?<=بين\s)|(?<=من\s)|(?<=\()|(?<=عامي\s)|(?<=سنتي\s))\s*(?P<first>{_YEAR})\s*(?:و|إلى|الى|حتى|-|–)\s*(?P<second>{_YEAR})(?!\d)"
)
_WEEKDAY_NAMES = ("أحد", "احد", "إثنين", "اثنين", "ثلاثاء", "أربعاء", "اربعاء", "خميس", "جمعة", "سبت")
WEEKDAY_RE = re.compile(
    "(?P<wd>" + alternation([f"{lead}{name}" for lead in ("ال", "يوم ", "يوم ال") for name in _WEEKDAY_NAMES],
                            word_start=True, after_and=True)  # "بين الأحد والثلاثاء"
    + r")(?!\w)(?:\s+(?P<rel>(?:الماضي|المقبل|القادم)(?:ين)?)(?!\w))?"  # "يومي الجمعة والسبت الماضيين"
)
_RELATIVE_WORDS = (
    "أمس", "امس", "البارحة", "اليوم", "هذا العام", "العام المنصرم",
    *(f"الشهر {w}" for w in ("الماضي", "المقبل", "القادم", "الجاري", "الحالي")),
    *(f"الأسبوع {w}" for w in ("الماضي", "المقبل", "القادم", "الجاري")),
    *(f"الاسبوع {w}" for w in ("الماضي", "المقبل", "القادم")),
    *(f"العام {w}" for w in ("الماضي", "المقبل", "القادم", "الحالي", "الجاري")),
    *(f"السنة {w}" for w in ("الماضية", "المقبلة", "القادمة")),
)
# "في ذلك اليوم", "في اليوم ذاته": the day the text named last (find_dates copies it), never today
_SAME_DAY_WORDS = ("ذلك اليوم", "اليوم ذاته", "اليوم نفسه", "نفس اليوم", "ذات اليوم")
_SAME_DAY = "ذلك اليوم"
_WHICH = re.compile(r"\s+(?:الذي|التي)(?!\w)")
_NIGHT_JOIN = re.compile(r"\s*[-–/]\s*")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_DAY_OF_MONTH_BEFORE = re.compile(rf"(?:(?<!\w)(?P<oday>{_ORDINAL_DAY})|(?<![\d/.\-])(?P<day>\d{{1,2}}))\s+$")
_MONTH_RELATIVE = re.compile(r"الشهر\s+(?P<rel>الجاري|الحالي|الماضي|المنصرم|الفائت|المقبل|القادم|ذاته|نفسه)(?!\w)")
# "منذ مطلع العام", "بداية الشهر", "مطلع العام الجديد": the year or month of publication, its start (not
# "مطلع العام الدراسي/الهجري"; "مطلع العام الماضي/الحالي" are relative words, "مطلع العام 2024" a year)
_START_WORDS = ("مطلع", "بداية", "مستهل", "أوائل", "اوائل")
_START_OF_PERIOD = re.compile(r"\s+(?P<rel>العام|السنة|الشهر)(?:\s+الجديد)?(?!\w|\s+(?:ال|لل|\d))")  # after one
RELATIVE_RE = re.compile(f"(?P<rel>{alternation(_RELATIVE_WORDS + _SAME_DAY_WORDS, word_start=True)})(?!\\w)")
# "اليوم" that is not today: "اليوم ذاته/التالي" (the same / the next day), and outlets named after a
# place: "روسيا اليوم", "بغداد اليوم" in quotes or before a dash ("المغرب اليوم - بغداد").
_DAY_ADJECTIVE = re.compile(r"\s+(?:ذاته|نفسه|ذات|التالي|السابق|السابع|الأول|الاول|الأخير|الاخير|الوطني|العالمي"
                            r"|الذي|التي)(?!\w)")  # "وهو اليوم الذي سقط فيه النظام": the day on which
_OUTLET_PLACE = re.compile(
    r"(?<!\w)(?:" + alternation(["روسيا", "بغداد", "العراق", "المغرب", "مصر", "سوريا", "لبنان", "الأردن", "الكويت",
                                  "الخليج", "الشرق", "فلسطين", "تونس", "الجزائر", "ليبيا", "السودان", "اليمن",
                                  "كردستان", "البصرة", "الموصل", "أربيل", "دمشق", "بيروت", "عمان", "تركيا",
                                  "إيران", "أمريكا", "أوروبا", "العرب", "الإمارات", "السعودية", "قطر"])
    + r")\s+$")
_OUTLET_AFTER = re.compile(r"[\"”»]|[ \t]*[-–][ \t]")


def _not_today(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20):start]
    place = _OUTLET_PLACE.search(before)
    return bool(_DAY_ADJECTIVE.match(text, end) or before.endswith("مثل هذا ")  # an anniversary
                or place and (place.group().startswith("روسيا") or _OUTLET_AFTER.match(text, end)))


TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


@dataclass(frozen=True)
class DateMention:
    """A date expression as written; fields left None were not stated."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_first: int | None = None  # start of a day range "من 17 إلى 31"
    weekday: int | None = None
    modifier: str | None = None
    relative: str | None = None  # الماضي / المقبل / أمس / العام الماضي ...
    cue: str | None = None  # the word before it that says how it is used: منذ, بحلول, في, حتى ...

    @property
    def explicit_year(self) -> bool:
        return self.year is not None

    @property
    def future(self) -> bool:
        return bool(self.relative) and any(w in self.relative for w in ("المقبل", "القادم", "المقبلة", "القادمة"))


@dataclass(frozen=True)
class ResolvedDate:
    value: date
    precision: Precision
    end: date | None = None  # for ranges


def _month_of(text: str) -> int | None:
    first = re.split(r"\s*[/(،-]\s*|\s{2,}", text.strip())[0]
    key = fold(re.sub(r"\s+", " ", first))
    if key in _MONTH_BY_NAME:
        return _MONTH_BY_NAME[key]
    for name, month in _MONTH_BY_NAME.items():
        if key.startswith(name):
            return month
    return None


def _valid(year: int, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year if year else 2000, month)[1]


# The full date patterns are slow to try at every position; each is searched only around what every
# one of its matches contains (a month name, a year), as far (in non-space characters) as a match
# can reach before and after it.  A month name is an anchor even when glued to the next word, so
# that DATE_RE's doubled names without a separator ("أيلولسبتمبر") are found as a full search would.
_MONTH_HIT = re.compile(alternation([*_ALL_MONTH_NAMES, *("و" + name for name in _ALL_MONTH_NAMES)], word_start=True))
_YEAR_HIT = re.compile(_YEAR)
# DATE_RE before the month: weekday "يوم الأربعاء" 11, separators, modifier "بدايات" 6, day range
# "31 إلى" 5, day and "/" 3, "من" "شهر" 5: 30 (45 leaves room for separators); after it:
# "(" + "كانون الأول" + ")" 12, "/" "من" "العام" + year 12, "من" "العام الماضي" 13, look-ahead 1: 38.
_AROUND_MONTH = (45, 40)
_AROUND_YEAR = {
    "numeric": (10, 7),  # "31 / 12 / " before the year, "-12-31" + look-ahead after it
    "year": (20, 1),  # "بحلول" "منتصف" "لالعام" before it (16), look-ahead after it
    "range": (8, 9),  # the other year and "إلى" on either side, + look-ahead
}


_WEEKDAY_LEAD = re.compile(r"^(?:يوم\s+)?(?:ال)?")


def _weekday_key(written: str) -> str:
    """"يوم الأربعاء" -> the WEEKDAYS key "اربعاء"."""
    return fold(_WEEKDAY_LEAD.sub("", written))


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in a normalised text, left to right, without overlaps."""
    found: list[DateMention] = []
    starts: list[int] = []  # the spans taken so far, sorted; they never overlap, so their ends are sorted too
    ends: list[int] = []

    def add(mention: DateMention) -> None:
        index = bisect_left(starts, mention.end)  # the spans before it start before it ends
        if index and ends[index - 1] > mention.start:
            return  # overlaps one found earlier (a look-up, not a scan: a long page has thousands)
        starts.insert(index, mention.start)
        ends.insert(index, mention.end)
        found.append(mention)

    years = [hit.span() for hit in _YEAR_HIT.finditer(text)]
    for m in finditer_near(NUMERIC_DATE_RE, text, years, *_AROUND_YEAR["numeric"]):
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        else:
            y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
        if _valid(y, mo, d):
            add(DateMention(m.start(), m.end(), y, mo, d))
    months = (hit.span() for hit in _MONTH_HIT.finditer(text))
    for m in finditer_near(DATE_RE, text, months, *_AROUND_MONTH):
        month = _month_of(m.group("month"))
        if month is None:
            continue
        day = _day_of(m)
        year = int(m.group("year")) if m.group("year") else None
        mod = m.group("mod")
        has_cue = day or year or mod or m.group("rel")
        if not has_cue or (fold(m.group("month").split()[0]) in _AMBIGUOUS_MONTHS and not (day or year)):
            if not (mod and mod not in ("في", "قبل", "بعد")):
                continue
        if day is not None and not _valid(year or 2000, month, day):
            continue  # "31 شباط", "32 يناير": not a date
        d1 = int(m.group("d1")) if m.group("d1") else None
        if d1 is not None and not (day is not None and 1 <= d1 < day):
            d1 = None  # "30-2 شباط", "17 إلى أيلول": not a day range
        cue = m.group("cue") or (mod if mod in _CUES else None)
        if m.group("wd"):
            start = m.start("wd")
        elif mod and mod not in _CUES:
            start = m.start("mod")
        else:
            start = m.start("d1") if d1 else m.start("oday") if m.group("oday") else m.start("day") if day \
                else m.start("month")
        if cue is None:  # "حتى الخميس 15 شباط", "حتى يوم 20 شباط"
            cue = _cue_before(text, start)
        weekday = WEEKDAYS.get(_weekday_key(m.group("wd"))) if m.group("wd") else None
        modifier = mod if mod in ("منتصف", "أوائل", "اوائل", "أواخر", "اواخر", "مطلع", "بداية", "بدايات", "نهاية", "أوسط", "اوسط") else None
        add(DateMention(start, m.end(), year, month, day, d1, weekday, modifier, m.group("rel"), cue))
    for m in finditer_near(YEAR_RE, text, years, *_AROUND_YEAR["year"]):
        if not (m.group("cue") or m.group("mod") or m.group("word")):
            continue  # a bare 4-digit number may be a count ("2000 جندي")
        start = m.start("mod") if m.group("mod") else m.start("word") if m.group("word") else m.start("year")
        add(DateMention(start, m.end(), int(m.group("year")), modifier=m.group("mod"), cue=m.group("cue")))
    for m in finditer_near(YEAR_RANGE_RE, text, years, *_AROUND_YEAR["range"]):
        add(DateMention(m.start("first"), m.end("first"), int(m.group("first"))))
        add(DateMention(m.start("second"), m.end("second"), int(m.group("second"))))
    weekdays = list(WEEKDAY_RE.finditer(text))
    for m, following in zip(weekdays, [*weekdays[1:], None]):
        weekday = WEEKDAYS[_weekday_key(m.group("wd"))]
        if following and WEEKDAYS[_weekday_key(following.group("wd"))] == (weekday + 1) % 7 \
                and _NIGHT_JOIN.fullmatch(text, m.end(), following.start()):
            continue  # "ليل الإثنين-الثلاثاء": the night's events fall on the day after midnight
        add(DateMention(m.start(), m.end(), weekday=weekday, relative=m.group("rel")))
    # "في الثامن عشر من الشهر الجاري", "في 18 من الشهر الجاري": a day of the month named relative to
    # publication; "في 25 من الشهر ذاته": of the month named last before it
    for at in _positions(text, "من الشهر"):
        day_written = _DAY_OF_MONTH_BEFORE.search(text, max(0, at - 24), at)
        rel = _MONTH_RELATIVE.match(text, at + len("من "))
        if not (day_written and rel):
            continue
        day, cue = _day_of(day_written), _cue_before(text, day_written.start())
        if rel.group("rel") not in ("ذاته", "نفسه"):
            add(DateMention(day_written.start(), rel.end(), day=day, relative=" ".join(rel.group().split()), cue=cue))
            continue
        named = [m for m in found if m.month is not None and m.end <= day_written.start()]
        if named:
            month = max(named, key=lambda m: m.start)
            if _valid(month.year or 2000, month.month, day):
                add(DateMention(day_written.start(), rel.end(), month.year, month.month, day, cue=cue,
                                relative=month.relative))
    same_day = False
    for m in RELATIVE_RE.finditer(text):
        if m.group("rel") == "اليوم" and _not_today(text, m.start(), m.end()):
            continue
        relative = re.sub(r"\s+", " ", m.group("rel"))
        if relative in _SAME_DAY_WORDS:
            if _WHICH.match(text, m.end()):
                continue  # "في اليوم نفسه الذي يختاره": the day of its choosing, not the one named
            relative, same_day = _SAME_DAY, True
        add(DateMention(m.start(), m.end(), relative=relative))
    for word in _START_WORDS:
        for at in _positions(text, word):
            m = _START_OF_PERIOD.match(text, at + len(word))
            if m and (at == 0 or not text[at - 1].isalnum()):
                add(DateMention(at, m.end(), modifier=word, relative=m.group("rel"), cue=_cue_before(text, at)))
    found.sort(key=lambda d: d.start)
    return _same_days_named(text, found) if same_day else found


def _positions(text: str, phrase: str) -> Iterator[int]:
    """Where `phrase` occurs in `text`: a plain substring search, for a rule too rare to scan for."""
    at = text.find(phrase)
    while at >= 0:
        yield at
        at = text.find(phrase, at + len(phrase))


def _day_of(match: re.Match[str]) -> int | None:
    """The day a match's "day" (digits) or "oday" (an ordinal, "الثامن عشر") group holds."""
    if match.group("day"):
        return int(match.group("day"))
    return ORDINAL_DAYS.get(" ".join(fold(match.group("oday")).split())) if match.group("oday") else None


def _cue_before(text: str, at: int) -> str | None:
    """"حتى", "بحلول" or "منذ" right before a date that starts at `at` ("حتى يوم 20 شباط")."""
    lead = _CUE_BEFORE.search(text, max(0, at - 12), at)
    return lead.group("cue") if lead else None


def names_a_day(mention: DateMention) -> bool:
    """A single day: "4 شباط", "الخميس", "أمس"; not a month, a year or a range of days."""
    return (mention.day is not None or mention.weekday is not None or mention.relative in DAY_WORDS) \
        and mention.day_first is None


def _same_days_named(text: str, found: list[DateMention]) -> list[DateMention]:
    """"وفي اليوم ذاته" takes the date of the last mention before it that names one day ("يوم الجمعة 2
    شباط"), with its own span.  A period's start or end ("منذ 17 تشرين الأول", "حتى 4 شباط") only when
    it was named in a later sentence than any other day ("أعلن، الخميس، أن … منذ 17 تشرين الأول. وفي
    اليوم نفسه": Thursday).  Without one it is dropped."""
    named: DateMention | None = None  # the last day named, not as a period's bound
    bound: DateMention | None = None  # the last day named as a period's start or end, or a deadline
    kept = []
    for mention in found:
        if mention.relative == _SAME_DAY:
            later_sentence = bound is not None and (named is None or _SENTENCE_END.search(text, named.end, bound.start))
            antecedent = bound if later_sentence else named
            if antecedent is None:
                continue
            deadline = antecedent.cue if antecedent.cue in DEADLINE_CUES else None  # "حتى 20 شباط. وفي ذلك اليوم"
            mention = replace(antecedent, start=mention.start, end=mention.end, cue=deadline)
        elif names_a_day(mention):
            if mention.cue == "منذ" or mention.cue in DEADLINE_CUES:
                bound = mention
            else:
                named = mention
        kept.append(mention)
    return kept


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve(mention: DateMention, anchor: date | None, anchor_precision: Precision | None,
            future: bool = False) -> ResolvedDate | None:
    """The calendar date a mention refers to, read from an article published at `anchor`.

    Year-less dates are taken as the latest occurrence on or before publication, or the next one
    when the text speaks of the future; weekdays and relative words need a day-precise anchor.
    """
    future = future or mention.future
    rel = mention.relative or ""
    if mention.month is not None:
        month, day = mention.month, mention.day
        if mention.modifier and day is None and mention.modifier in ("منتصف", "أوسط", "اوسط"):
            day = 15
        precision = "day" if mention.day is not None else "month"
        if mention.year is not None:
            year = mention.year
        elif anchor is None:
            return None
        elif anchor_precision == "year":
            year = anchor.year
            if "العام الماضي" in rel:
                year -= 1
        else:
            year = anchor.year
            if "العام الماضي" in rel:
                year -= 1
            else:
                candidate = (month, day or 1)
                now = (anchor.month, anchor.day if anchor_precision == "day" else 31)
                if future and candidate < (anchor.month, anchor.day if anchor_precision == "day" else 1):
                    year += 1
                elif not future and candidate > now:
                    year -= 1
        if day is not None and not _valid(year, month, day):
            return None
        start = date(year, month, mention.day_first or day or 1)
        end = date(year, month, day) if mention.day_first else None
        return ResolvedDate(start, precision, end)
    if mention.year is not None:
        return ResolvedDate(date(mention.year, 1, 1), "year")
    if anchor is None:
        return None
    if mention.weekday is not None:
        if anchor_precision != "day":
            return None
        back = (anchor.weekday() - mention.weekday) % 7
        if future:
            forward = (mention.weekday - anchor.weekday()) % 7 or 7
            return ResolvedDate(anchor + timedelta(days=forward), "day")
        if "الماضي" in rel and back == 0:
            back = 7
        return ResolvedDate(anchor - timedelta(days=back), "day")
    return _resolve_relative(rel, anchor, anchor_precision, mention.day)


def _resolve_relative(rel: str, anchor: date, precision: Precision | None,
                      day: int | None = None) -> ResolvedDate | None:
    rel = rel.replace("أ", "ا")
    if rel in ("امس", "البارحة"):
        return ResolvedDate(anchor - timedelta(days=1), "day") if precision == "day" else None
    if rel == "اليوم":
        return ResolvedDate(anchor, "day") if precision == "day" else None
    past = "الماضي" in rel or "المنصرم" in rel or "الماضية" in rel
    ahead = any(w in rel for w in ("المقبل", "القادم"))
    delta = -1 if past else 1 if ahead else 0
    if rel.startswith(("العام", "السنة", "هذا")):
        return ResolvedDate(date(anchor.year + delta, 1, 1), "year")
    if rel.startswith("الشهر") and precision in ("day", "month"):
        year, month = _shift_month(anchor.year, anchor.month, delta)
        if day is not None:  # "الثامن عشر من الشهر الجاري"
            return ResolvedDate(date(year, month, day), "day") if _valid(year, month, day) else None
        return ResolvedDate(date(year, month, 1), "month")
    if rel.startswith(("الاسبوع",)) and precision == "day":
        return ResolvedDate(anchor + timedelta(days=7 * delta), "day")
    return None
