"""What the charts call things and how they draw them: month names, the Arabic and English
words of every label and caption, and the colours and markers of each category.

Kept apart from `charts.py` so the drawing code stays short and the translations can be read
(and corrected) in one place.  All strings are logical-order Unicode; `charts` shapes them.
"""

from __future__ import annotations

import math
from datetime import datetime

import pandas as pd

from . import typography

LANGS = ("ar", "en")
MAX_SOURCES = 4
MONTHS = {
    "levant": ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
               "تشرين الأول", "تشرين الثاني", "كانون الأول"),
    "egypt": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
              "أكتوبر", "نوفمبر", "ديسمبر"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

# Okabe-Ito colours: distinguishable with common colour-vision deficiencies.
SCOPE_COLORS = {"iraq": "#0072B2", "syria": "#D55E00", "iraq+syria": "#009E73",
                "region": "#CC79A7", None: "#7F7F7F"}
COUNTRY_COLORS = {"US": "#0072B2", "foreign": "#E69F00"}
# Where a troop figure applies: one marker shape (and one line) per place, "unspecified" included.
SCOPE_MARKERS = {"iraq": "o", "syria": "s", "iraq+syria": "D", "region": "^", None: "P"}

# Event types: Paul Tol's colour-blind-safe "muted" qualitative scheme (nine colours) plus black
# and grey, one colour and one marker shape per type, so a type is told apart by either.
EVENT_STYLES: dict[str, tuple[str, str]] = {
    "visit": ("#88CCEE", "o"),  # cyan, circle
    "meeting": ("#332288", "s"),  # indigo, square
    "talks": ("#44AA99", "p"),  # teal, pentagon
    "agreement": ("#117733", "D"),  # green, diamond
    "deadline": ("#AA4499", "X"),  # purple, filled x
    "withdrawal": ("#999933", "v"),  # olive, triangle down
    "attack": ("#882255", "^"),  # wine, triangle up
    "strike": ("#CC6677", "*"),  # rose, star
    "killing": ("#000000", "P"),  # black, filled plus
    "statement": ("#DDCC77", "h"),  # sand, hexagon
    "other": ("#888888", "<"),  # grey, triangle left
}
EVENT_FALLBACK = ("#555555", "d")  # a type outside the contract

WORDS: dict[str, dict[str, str]] = {
    "ar": {
        "iraq": "العراق", "syria": "سوريا", "iraq+syria": "العراق وسوريا", "region": "المنطقة",
        "scope?": "غير محدد",
        "exact": "رقم محدد", "approx": "تقريبي (نحو)", "at_least": "على الأقل / أكثر من",
        "less_than": "أقل من", "best": "أفضل تقدير (أعلى حد أدنى معلن في فترة العدّ)",
        "US": "القوات الأمريكية", "foreign": "القوات الأجنبية الأخرى", "planned": "مخطط",
        "no_data": "لا توجد بيانات",
        "attacks_title": "الهجمات على القوات الأمريكية: الأعداد المعلنة",
        "attacks_y": "عدد الهجمات منذ بداية الفترة",
        "attacks_what": "كل نقطة عدد تراكمي للهجمات ورد في خبر (أكبر رقم فيه لكل منطقة وفترة عدّ)،"
                        " بتاريخ الإفادة (أو تاريخ النشر)؛ الخط أعلى حد أدنى معلن حتى ذلك التاريخ"
                        " ضمن فترة العدّ نفسها، ويبدأ من جديد مع كل فترة عدّ جديدة.",
        "side_by_side": "النقاط المتطابقة تاريخًا وقيمةً موضوعة جنبًا إلى جنب.",
        "troops_title": "عدد القوات الأجنبية في العراق وسوريا: الأرقام المعلنة",
        "troops_y": "عدد الجنود",
        "troops_what": "كل نقطة عدد جنود ورد في خبر، وشكلها يدل على المكان؛ لكل قوة في كل مكان خط"
                       " يمر بالقيمة الوسطى المعلنة في كل تاريخ وينقطع حيث تفصل بين رقمين متتاليين"
                       " أكثر من 18 شهرًا؛ الخط المتقطع والنقاط المفرغة مستويات مخططة.",
        "events_title": "أحداث بارزة",
        "events_what": "كل علامة حدث مؤرخ ورد في خبر؛ العلامات المفرغة أحداث معلنة للمستقبل.",
        "imprecise": "أرقام معلنة غير مرسومة لأن تاريخها معروف بالسنة فقط أو غير معروف:",
        "outside_figures": "أرقام معلنة خارج الفترة المعروضة:",
        "outside_events": "أحداث خارج الفترة المعروضة:",
        "imprecise_events": "أحداث غير مرسومة لأن تاريخها معروف بالسنة فقط:",
        "before": "قبل", "after": "بعد",
        "sources": "المصادر وتواريخ نشرها", "none": "لا مصادر", "unknown_outlet": "مصدر غير معروف",
        "visit": "زيارة", "meeting": "اجتماع", "talks": "مباحثات", "agreement": "اتفاق",
        "deadline": "موعد نهائي", "withdrawal": "انسحاب", "attack": "هجوم", "strike": "ضربة",
        "killing": "قتل", "statement": "تصريح", "other": "أخرى",
    },
    "en": {
        "iraq": "Iraq", "syria": "Syria", "iraq+syria": "Iraq + Syria", "region": "Region",
        "scope?": "Unspecified",
        "exact": "exact", "approx": "approximate (~)", "at_least": "at least / more than",
        "less_than": "less than",
        "best": "best estimate (highest lower bound reported in the period)",
        "US": "US forces", "foreign": "Other foreign forces", "planned": "planned",
        "no_data": "No data",
        "attacks_title": "Attacks on US forces: reported counts",
        "attacks_y": "Attacks since start of period",
        "attacks_what": "Each point is a cumulative attack count reported in one article (its"
                        " largest figure per area and counting period), dated as of the report (or"
                        " publication); the line is the highest lower bound so far within one"
                        " counting period and starts again with each new period.",
        "side_by_side": "Markers that share a date and value are set side by side.",
        "troops_title": "Foreign troops in Iraq and Syria: reported numbers",
        "troops_y": "Troops",
        "troops_what": "Each point is a troop number reported in one article, its shape showing"
                       " where; one line per force and place follows the middle reported value per"
                       " date and breaks where two reports are more than 18 months apart; dashed"
                       " lines and open points are planned levels.",
        "events_title": "Key events",
        "events_what": "Each marker is a dated event reported in an article; open markers are"
                       " announced for the future.",
        "imprecise": "Reported figures not shown because their date is known only to the year,"
                     " or not at all:",
        "outside_figures": "Reported figures outside the period shown:",
        "outside_events": "Events outside the period shown:",
        "imprecise_events": "Events not shown because their date is known only to the year:",
        "before": "before", "after": "after",
        "sources": "Sources (publication dates)", "none": "no sources",
        "unknown_outlet": "unknown outlet",
        "visit": "visit", "meeting": "meeting", "talks": "talks", "agreement": "agreement",
        "deadline": "deadline", "withdrawal": "withdrawal", "attack": "attack", "strike": "strike",
        "killing": "killing", "statement": "statement", "other": "other",
    },
}


# ----------------------------------------------------------------------------- text
class Style:
    """Language, digit and month conventions of one chart; every string leaves through `t`."""

    def __init__(self, lang: str, digits: str, months: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"lang={lang!r}: use 'ar' or 'en'")
        if digits not in ("western", "arabic"):
            raise ValueError(f"digits={digits!r}: use 'western' or 'arabic'")
        if months not in ("levant", "egypt"):
            raise ValueError(f"months={months!r}: use 'levant' or 'egypt'")
        self.lang = lang
        self.rtl = lang == "ar"
        self.arabic_digits = self.rtl and digits == "arabic"
        self.months = MONTHS[months] if self.rtl else MONTHS["en"]
        self.words = WORDS[lang]

    def t(self, text: object) -> str:
        """Drawable form of a logical string (see `typography.ar`)."""
        return typography.ar(text, rtl=self.rtl)

    def digits(self, text: str) -> str:
        return typography.arabic_digits(text) if self.arabic_digits else text

    def num(self, value: float) -> str:
        text = f"{int(round(value)):,}"
        return self.digits(text).replace(",", "\u066c") if self.arabic_digits else text

    def date(self, when: datetime | pd.Timestamp, precision: object = "day") -> str:
        """*when* written to its precision: '16 Feb 2021', 'Feb 2021' or '2021'."""
        if precision == "year":
            return self.digits(str(when.year))
        if precision == "month":
            return self.digits(f"{self.months[when.month - 1]} {when.year}")
        return self.digits(f"{when.day} {self.months[when.month - 1]} {when.year}")

    def word(self, key: object) -> str:
        if key is None or key is pd.NA or (isinstance(key, float) and math.isnan(key)):
            return self.words["scope?"]
        return self.words.get(str(key), str(key))


def _truncate(when: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The first day of the day / month / year *when* is known to."""
    when = pd.Timestamp(when).normalize()
    if precision == "year":
        return when.replace(month=1, day=1)
    return when.replace(day=1) if precision == "month" else when


def source_entries(frame: pd.DataFrame, style: Style, date_col: str = "published",
                   limit: int = MAX_SOURCES) -> list[str]:
    """['outlet (date, date)', ...]: the articles' outlets and publication dates, each written
    to its precision (`published_precision`: '16 Feb 2021', 'Jul 2021', '2021'); outlets with
    most dates first, an unknown outlet last, at most *limit*, the rest counted; 3+ dates are
    shown as a range."""
    if frame.empty:
        return [style.words["none"]]
    if date_col not in frame.columns:
        date_col = "as_of" if "as_of" in frame.columns else "date_start"
    if date_col == "published" and "published_precision" in frame.columns:
        precisions = frame["published_precision"].astype("object").where(
            frame["published_precision"].notna(), "day")
    else:
        precisions = pd.Series("day", index=frame.index)
    unknown = style.words["unknown_outlet"]
    outlets = frame["outlet"].astype("object").where(frame["outlet"].notna(), None)
    per_outlet: dict[str | None, set[tuple[pd.Timestamp, str]]] = {}
    for outlet, when, precision in zip(outlets, frame[date_col], precisions):
        key = None if outlet is None or not str(outlet).strip() else str(outlet)
        per_outlet.setdefault(key, set())
        if pd.notna(when) and precision != "none":
            per_outlet[key].add((_truncate(when, precision), str(precision)))
    ranked = sorted(per_outlet, key=lambda o: (o is None, -len(per_outlet[o]), o or ""))
    sep = "، " if style.rtl else ", "
    entries = []
    for outlet in ranked[:limit]:
        dates = [style.date(d, p) for d, p in sorted(per_outlet[outlet])]
        span = f"{dates[0]} – {dates[-1]}" if len(dates) > 2 else sep.join(dates)
        name = typography.embed(unknown if outlet is None else outlet, rtl=style.rtl)
        entries.append(f"{name} ({span})" if span else name)
    if len(ranked) > limit:
        entries.append(more_sources(len(ranked) - limit, style))
    return entries


def left_out_notes(style: Style, imprecise: int = 0, before: int = 0, start: object = None,
                   after: int = 0, end: object = None, key: str = "outside_figures",
                   imprecise_key: str = "imprecise") -> str:
    """Caption sentences saying what is not drawn: *imprecise* figures whose date is only a
    year (or unknown), *before* rows earlier than *start* and *after* rows later than *end*."""
    notes = []
    if imprecise:
        notes.append(f"{style.words[imprecise_key]} {style.digits(str(imprecise))}.")
    if before or after:
        parts = []
        for n, word, when in ((before, "before", start), (after, "after", end)):
            if n:
                parts.append(f"{style.digits(str(n))} {style.words[word]} {style.date(when)}")
        notes.append(f"{style.words[key]} {('، ' if style.rtl else ', ').join(parts)}.")
    return " ".join(notes)


def more_sources(n: int, style: Style) -> str:
    """'and N more' (Arabic: the counted noun agrees with N: مصدر / مصدران / مصادر / مصدرًا)."""
    if not style.rtl:
        return f"and {n} more"
    if n == 1:
        return "ومصدر آخر"
    if n == 2:
        return "ومصدران آخران"
    noun = "مصادر أخرى" if n <= 10 else "مصدرًا آخر"
    return f"و{style.digits(str(n))} {noun}"


def caption_chunks(what: str, entries: list[str], style: Style) -> list[str]:
    """Unbreakable pieces of a caption: the words of *what*, then 'Sources:' and each entry."""
    sep = "،" if style.rtl else ","
    chunks = what.split()
    for i, entry in enumerate(entries):
        piece = entry + (sep if i < len(entries) - 1 else ".")
        chunks.append(f"{style.words['sources']}: {piece}" if i == 0 else piece)
    return chunks
