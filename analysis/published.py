"""When was an article published?  Catalog, then dateline, then inference from the text, then the
page header — and always say which, and how precisely.

A date printed in a site's page header is the day the page was saved, not the article's date, so it
is only a last resort.  Inference never presents a guessed day as fact: it gives month or year
precision unless the text states the day ("أمس الجمعة 17 تشرين الثاني").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .dates import DEADLINE_CUES, FROM_AT_END, DateMention, ResolvedDate, find_dates, resolve
from .arabic import normalize
from .lexicon import FUTURE_PHRASES, FUTURE_TENSE
from .officials import office_range
from .text import clause_before, line_around

DATELINE_REGION = 400  # characters from the top of the text where a dateline may stand
_FUTURE_VERB = re.compile(r"(?<!\w)(?:" + FUTURE_TENSE + "|" + FUTURE_PHRASES
                          + r"|المقرر|يتوقع|تعتزم|يعتزم|موعد|[أا]قصاه)")
_WONT = re.compile(r"(?<!\w)لن(?!\w)")  # "لن تنسحب القوات حتى أيلول 2023": still a deadline
_WHAT_WAS = re.compile(r"(?<!\w)ما\s+(?:كان|كانت|كانوا)(?!\w)")  # "لن تعود إلى ما كانت عليه قبل"
_UNTIL_JOIN = re.compile(r"\s*و?حتى\s*")
_RECENT_DAYS = 31
_POST_SIGNATURE = re.compile(r"\(@\w+\)\s*$")  # the handle an embedded post's date follows
_COMPARED_WITH = re.compile(r"(?<!\w)(?:بالمقارنة|مقارنة)\s+(?:مع\s+)?$")  # "… مقارنة بعام 2023": a year gone by
_FUTURE_WINDOW = 60
_TODAY_SHIFT = {"اليوم": 0, "أمس": 1, "امس": 1}  # days back from the publication date
_NEAR_DAYS = 7  # a year-less weekday date up to a week ahead of the top date can still be a plan
_SAME_OCCURRENCE_DAYS = 45  # "4 يناير" read just after "5 يناير" is the same January, not the next
# A newspaper's masthead gives the Hijri date first: "الأربعاء 3 من ربيع الآخر 1442 هـ 18 نوفمبر 2020
# السنة 145 العدد 48945" (after normalisation, which drops the tatweel of "هــ").
_HIJRI_MONTHS = (r"محرم|صفر|ربيع\s+(?:الأول|الاول|الآخر|الاخر|الثاني)|جمادى\s+(?:الأولى|الاولى|الآخرة|الاخرة|الثانية)"
                 r"|رجب|شعبان|رمضان|شوال|ذو\s+القعدة|ذو\s+الحجة")
_MASTHEAD_PREFIX = re.compile(r"[\W_]*(?:\w+[\W_]+)?\d{1,2}\s+(?:من\s+)?(?:شهر\s+)?(?:" + _HIJRI_MONTHS
                              + r")\s+1[34]\d\d\s*هـ?[\W_]*")


@dataclass(frozen=True)
class Published:
    value: date | None
    precision: str  # day | month | year | none
    basis: str  # catalog | dateline | url | header | inferred | none
    span: tuple[int, int] | None = None  # view offsets of the dateline, which is not an event


NONE = Published(None, "none", "none")


# The years a table's dates can hold (pandas' nanosecond timestamps end in 1677 and 2262).
YEARS = range(1678, 2262)


def parse_iso(raw: str | None) -> tuple[date, str] | None:
    """'2021-02-16' / '2021-02' / '2021' -> (date, precision); None if absent, malformed, or
    outside YEARS (a catalog's "2300-01-01" stopped the whole run)."""
    if not raw:
        return None
    raw = raw.strip()
    raw = re.sub(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}.*$", r"\1", raw)  # an ISO timestamp: its day
    for pattern, precision in ((r"(\d{4})-(\d{1,2})-(\d{1,2})", "day"), (r"(\d{4})-(\d{1,2})", "month"),
                               (r"(\d{4})", "year")):
        match = re.fullmatch(pattern, raw)
        if match:
            parts = [int(g) for g in match.groups()] + [1] * (3 - len(match.groups()))
            try:
                return (date(*parts), precision) if parts[0] in YEARS else None
            except ValueError:
                return None
    return None


def is_future_context(text: str, mention: DateMention) -> bool:
    """A deadline cue, a future-tense verb right before the date, or "لن … قبل" / "لن … بعد <year>"
    ("لن تغادر قبل أيلول"; not "لن تعود إلى ما كانت عليه قبل 7 تشرين الأول")."""
    if mention.cue in DEADLINE_CUES or mention.future:
        return True
    clause = _clause_before(text, mention)
    if _FUTURE_VERB.search(clause):
        return True
    # "لن تغادر قبل أيلول", "لن تبقى بعد أيلول 2025"; not "لن تستهدفها بعد 28 كانون الثاني، حين قتل …"
    deadline = mention.cue == "قبل" or (mention.cue == "بعد" and mention.year is not None)
    wont = _WONT.search(clause) if deadline else None
    return wont is not None and not _WHAT_WAS.search(clause, wont.end())


def closes_period(text: str, previous: DateMention | None, mention: DateMention) -> bool:
    """"منذ/من 17 تشرين الأول (و)حتى 4 شباط": a "حتى" date that ends the period the date just before
    it opens, rather than a deadline."""
    return previous is not None and mention.cue == "حتى" \
        and _UNTIL_JOIN.fullmatch(text, previous.end, mention.start) is not None \
        and (previous.cue == "منذ" or FROM_AT_END.search(text, max(0, previous.start - 6), previous.start) is not None)


def read_mention(text: str, mention: DateMention, published: Published,
                 previous: DateMention | None = None) -> tuple[bool, ResolvedDate | None]:
    """Whether a date mention speaks of the future, and the date it resolves to.  A bare "حتى" is a
    deadline unless the date was reached (see _reached): "منذ 17 تشرين الأول وحتى 4 شباط" closes the
    period `previous` opens; never after "لن" or a future verb."""
    future = is_future_context(text, mention)
    resolved = resolve(mention, published.value, published.precision, future)
    if future and mention.cue == "حتى" and not mention.future:
        clause = _clause_before(text, mention)
        if not _FUTURE_VERB.search(clause) and not _WONT.search(clause):
            past = resolve(mention, published.value, published.precision)
            if past is not None and _reached(text, previous, mention, past, published):
                return False, _in_a_known_year(past, mention, published)
    return future, _in_a_known_year(resolved, mention, published)


def _in_a_known_year(resolved: ResolvedDate | None, mention: DateMention, published: Published) -> ResolvedDate | None:
    """A year inferred from the text is only the earliest the article can be from ("جو بايدن": 2021 or
    later), so a year-less "31 تشرين الأول" read against it is known to its year at best, and not charted."""
    if resolved is None or mention.year is not None or published.basis != "inferred" or published.precision != "year":
        return resolved
    return ResolvedDate(date(resolved.value.year, 1, 1), "year")


def _reached(text: str, previous: DateMention | None, mention: DateMention, past: ResolvedDate,
             published: Published) -> bool:
    """Whether a "حتى" date read as past is the one meant: a period's end (which may fall in the
    publication's own month), a date with its own year that is over ("حتى أيلول 2026" in an article of
    September 2026 may still be ahead), a day in the month before publication ("170 هجوما حتى 4 شباط"
    read on 10 February; a year-less deadline is rarely a year ahead) or the month before it, or
    "الماضي"."""
    if "الماضي" in (mention.relative or ""):
        return True  # "حتى كانون الثاني الماضي"
    if closes_period(text, previous, mention):
        opened = resolve(previous, published.value, published.precision)  # "منذ 30 كانون الثاني وحتى 20 شباط"
        return not after_publication(past.value, published) and (opened is None or opened.value <= past.value)
    if mention.year is not None:
        return _over_before(past, published)
    if published.value is None or published.precision != "day":
        return False
    if past.precision == "month":  # "حتى نهاية كانون الثاني" read in February
        return (published.value.year * 12 + published.value.month) - (past.value.year * 12 + past.value.month) == 1
    return (published.value - past.value).days <= _RECENT_DAYS


def _clause_before(text: str, mention: DateMention) -> str:
    """The clause the date ends (a headline's "سنرد" above does not make the lead's date future; a
    wrapped line's verb does)."""
    return clause_before(text[max(0, mention.start - _FUTURE_WINDOW):mention.start], ".،؛!?")


def _over_before(resolved: ResolvedDate, published: Published) -> bool:
    """Whether the date is over before the article's publication, at the coarser of their precisions
    (in an article of September 2026, "أيلول 2026" may still be ahead)."""
    if published.value is None:
        return False
    coarser = max(_PRECISION_RANK[resolved.precision], _PRECISION_RANK[published.precision])
    return _truncated(resolved.value, coarser) < _truncated(published.value, coarser)


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def _truncated(day: date, rank: int) -> tuple[int, ...]:
    return (day.year, day.month, day.day)[:3 - rank]


def after_publication(day: date, published: Published) -> bool:
    """Later than the whole publication period (day, month or year) the article is known by: an
    article inferred to be of November 2024 may report 21 November."""
    if published.value is None:
        return False
    if published.precision == "day":
        return day > published.value
    if published.precision == "month":
        return (day.year, day.month) > (published.value.year, published.value.month)
    return day.year > published.value.year


def _full(mention: DateMention) -> bool:
    return mention.year is not None and mention.month is not None and mention.day is not None


def _datelines(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Fully dated mentions in the top region, each on a short line and not older than the text's
    other dates: a dateline, and on a saved page perhaps the site's header above it (which does not
    make the dateline below it old)."""
    lines = _top_lines(text, mentions)
    on_top = {id(mention) for mention, _ in lines}
    found = []
    for mention, stamped in lines:
        later = [m for m in mentions if m.year and m.year > mention.year and id(m) not in on_top
                 and not is_future_context(text, m)]  # a plan for next year does not make it old
        if later and not stamped:
            continue  # a photo-caption date older than what the article reports
        found.append(mention)
    return found


def _top_lines(text: str, mentions: list[DateMention]) -> list[tuple[DateMention, bool]]:
    """The full dates of the top region that stand on a short line, a time-stamped line or a
    masthead, and whether the line carries a time."""
    found = []
    for mention in mentions:
        if mention.start > DATELINE_REGION:
            break
        if not _full(mention):
            continue
        line_start, line_end = line_around(text, mention.start, mention.end)
        line = text[line_start:line_end]
        stamped = re.search(r"الساعة|\d{1,2}:\d{2}", line) is not None
        masthead = _MASTHEAD_PREFIX.fullmatch(text, line_start, mention.start)
        if not stamped and not masthead and len(line) > 60 and mention.start - line_start > 20:
            continue  # a date inside a long line (a photo caption) is not a dateline
        found.append((mention, stamped))
    return found


def _contradicted(view: str, mentions: list[DateMention], top: date) -> bool:
    """Whether the body's weekdays deny that it was written on the top date: a site's header shows
    the day the page was saved ("الأحد، 9 حزيران 2024" above "فجر اليوم الأربعاء"; a February date
    above "أمس الجمعة 27 كانون الأول"; an October date above "ليل الأحد 27 جوان", which no June
    of that year had)."""
    for index, mention in enumerate(mentions):
        if mention.weekday is None or mention.year is not None:
            continue
        previous = mentions[index - 1] if index else None
        if previous and previous.relative in _TODAY_SHIFT and not view[previous.end:mention.start].strip():
            if (top - timedelta(days=_TODAY_SHIFT[previous.relative])).weekday() != mention.weekday:
                return True
        elif mention.day is not None and mention.month is not None and not is_future_context(view, mention):
            near = top + timedelta(days=_NEAR_DAYS)  # "الأحد 27 يونيو" may be a day or two ahead
            year = _latest_year(mention, near)
            try:
                if year is not None and date(year, mention.month, mention.day).weekday() != mention.weekday:
                    return True
            except ValueError:  # "الخميس 29 شباط" in a year without it: no evidence either way
                continue
    return False


def _lower_bound(text: str, mentions: list[DateMention]) -> tuple[date, str] | None:
    """The latest past date the text states with a year: the article cannot be older (nor from a year it
    compares itself with: "مقارنة بعام 2023" is a year gone by).  So does the
    date an embedded post is signed with ("— Lloyd J. Austin III (@SecDef) December 26, 2023")."""
    best: tuple[date, str] | None = None
    posts = [m for m in _english_dates(text) if _POST_SIGNATURE.search(text, max(0, m.start - 40), m.start)]
    for index, mention in enumerate([*mentions, *posts]):
        previous = mentions[index - 1] if 0 < index < len(mentions) else None
        if mention.year is None or (is_future_context(text, mention) and not closes_period(text, previous, mention)):
            continue
        resolved = resolve(mention, None, None)
        if resolved and resolved.precision == "year" and _COMPARED_WITH.search(text, max(0, mention.start - 20), mention.start):
            resolved = replace(resolved, value=date(resolved.value.year + 1, 1, 1))
        if resolved and (best is None or resolved.value > best[0]):
            best = (resolved.value, resolved.precision)
    return best


def _years_with_weekday(month: int, day: int, weekday: int, low: int, high: int) -> list[int]:
    years = []
    for year in range(low, high + 1):
        try:
            if date(year, month, day).weekday() == weekday:
                years.append(year)
        except ValueError:
            continue
    return years


def _pin_year(mention: DateMention, low: date, high: date) -> int | None:
    """The year of a year-less "الخميس 26 أكتوبر" between `low` and `high`: the weekday decides when
    it can, otherwise the first occurrence on or after `low`."""
    if mention.year is not None:
        return mention.year
    if mention.weekday is not None and mention.day is not None:
        years = [y for y in _years_with_weekday(mention.month, mention.day, mention.weekday, low.year, high.year)
                 if low <= date(y, mention.month, mention.day) <= high]
        return years[0] if len(years) == 1 else None
    year = low.year
    # counted from the 1st, so that a day the month lacks this year ("29 شباط") is no error here
    if date(year, mention.month, 1) + timedelta(days=(mention.day or 1) - 1) \
            < low - timedelta(days=_SAME_OCCURRENCE_DAYS):
        year += 1
    return year if date(year, mention.month, 1) <= high else None


def _latest_year(mention: DateMention, low: date) -> int | None:
    """The year of the latest occurrence of a year-less day and month on or before `low`."""
    try:
        this_year = date(low.year, mention.month, mention.day or 1)
    except ValueError:
        return None
    return low.year if this_year <= low else low.year - 1


def _stated_today(view: str, mentions: list[DateMention], low: date, high: date) -> date | None:
    """'أمس الجمعة 17 تشرين الثاني' / 'اليوم الأربعاء 9 أيلول': the text tells its own day."""
    for index, mention in enumerate(mentions[:-1]):
        if mention.relative not in _TODAY_SHIFT:
            continue
        following = mentions[index + 1]
        if following.day is None or following.month is None or view[mention.end:following.start].strip(" ()،,-"):
            continue
        shift = _TODAY_SHIFT[mention.relative]
        year = _pin_year(following, low - timedelta(days=shift), high)
        if year is None:
            continue
        try:
            return date(year, following.month, following.day) + timedelta(days=shift)
        except ValueError:
            continue
    return None


def _last_year_cue(mentions: list[DateMention]) -> int | None:
    """'العام الماضي' beside an event dated in year Y means the article is from Y + 1."""
    for mention in mentions:
        if mention.relative not in ("العام الماضي", "العام المنصرم"):
            continue
        window = [m for m in mentions if m.year is not None and abs(m.start - mention.start) < 250
                  and m.month is not None]
        if window:
            return max(m.year for m in window) + 1
    return None


def infer(view: str, mentions: list[DateMention], today: date) -> Published | None:
    """Publication date from the text alone: a lower bound from the dates it reports and the
    officials it names, moved forward by year-less recent dates; a stated "yesterday" gives the day."""
    bound = _lower_bound(view, mentions)
    office = office_range(view, today)
    low, precision = bound if bound else (None, "none")
    if office and (low is None or office[0] > low):
        low, precision = office[0], "year"
    last_year = _last_year_cue(mentions)
    if last_year and (low is None or date(last_year, 1, 1) > low):
        low, precision = date(last_year, 1, 1), "year"
    if low is None:
        return None
    high = min(office[1], today) if office else today
    stated = _stated_today(view, mentions, low, high)
    if stated:
        return Published(stated, "day", "inferred")
    base = low  # each year-less date is placed from what the years and officials say, not from another
    for index, mention in enumerate(mentions):
        if mention.year is not None or mention.month is None or (
                is_future_context(view, mention) and not closes_period(view, mentions[index - 1] if index else None, mention)):
            continue
        if mention.day is None and mention.weekday is None:
            continue  # a bare month name says too little
        relative = mention.relative or ""
        last_year = "العام الماضي" in relative
        past = last_year or any(word in relative for word in ("الماضي", "الفائت", "المنصرم"))
        year = _latest_year(mention, base) if past else _pin_year(mention, base, high)
        if year is None:
            continue
        try:
            candidate = date(year, mention.month, mention.day or 1)
        except ValueError:
            continue
        if last_year:
            # "منذ 17 تشرين الأول من العام الماضي": that October was last year, so the article is
            # from January of the next year or later
            candidate = date(year + 1, 1, 1)
        elif past:
            # "منذ 17 تشرين الأول الماضي": that October is over, so the article is from a later month
            candidate = date(year + mention.month // 12, mention.month % 12 + 1, 1)
        if (low < candidate or (low == candidate and precision == "year")) and candidate <= high:
            low, precision = candidate, "month"
    if precision == "day":
        precision = "month"
    value = low.replace(day=1) if precision == "month" else date(low.year, 1, 1)
    return Published(value, precision, "inferred")


def publication_date(view: str, mentions: list[DateMention], catalog_value: str | None,
                     header_date: str | None, today: date | None = None, url: str | None = None) -> Published:
    """Catalog > dateline > the date in the article's address > inferred from the text > page header >
    none (`view`: normalised text)."""
    parsed = parse_iso(catalog_value)
    datelines = _datelines(view, mentions)
    if parsed:
        # a top date the catalog contradicts is a lead's date ("في 3 كانون الثاني 2020 كان …"), not a dateline
        same = [m for m in datelines if date(m.year, m.month, m.day) == parsed[0]]
        return Published(parsed[0], parsed[1], "catalog", (same[0].start, same[0].end) if same else None)
    today = today or date.today()
    if datelines:
        # A site's header shows the day the page was saved, never before the article's own dateline
        # below it: the earliest top date the body's weekdays do not deny.
        tops = sorted((date(m.year, m.month, m.day), m.start, m) for m in datelines)
        for top, _, dateline in tops:
            if not _contradicted(view, mentions, top):
                return Published(top, "day", "dateline", (dateline.start, dateline.end))
    addressed = date_in_url(url)
    if addressed:
        return Published(addressed[0], addressed[1], "url")
    if datelines:
        # every top date denied: the article is no later than the earliest, which does not date its
        # figures (the span)
        top, _, dateline = tops[0]
        span = (dateline.start, dateline.end)
        inferred = infer(view, [m for m in mentions if m not in datelines], min(today, top))
        return replace(inferred, span=span) if inferred else Published(top, "day", "header", span)
    inferred = infer(view, mentions, today)
    if inferred:
        return inferred
    if header_date:
        header = [m for m in find_dates(normalize(header_date).text) if _full(m)]
        header += [m for m in _english_dates(header_date)]
        if header:
            m = header[0]
            return Published(date(m.year, m.month, m.day), "day", "header")
    return NONE


# "https://www.al-akhbar.com/Arab/2010/08/20/…", "…/news/2024-02-03/…": the day a site filed the article
# under, or its month ("/2010/08/")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})([/-])(\d{1,2})(?:\2(\d{1,2}))?(?=[/._-]|$)")


def date_in_url(url: str | None) -> tuple[date, str] | None:
    """The date an article's address files it under, to the day or the month; None if it has none."""
    for match in _URL_DATE.finditer(url or ""):
        year, _, month, day = match.groups()
        found = parse_iso(f"{year}-{month}-{day}" if day else f"{year}-{month}")  # checked as a catalog date is
        if found:
            return found
    return None


_EN_MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], start=1)}
_EN_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+((?:19|20)\d{2})|([A-Za-z]+)\s+(\d{1,2}),?\s+((?:19|20)\d{2})")


def _english_dates(text: str) -> list[DateMention]:
    """'Saturday, 07 February 2026' — page headers are often in English."""
    found = []
    for m in _EN_DATE.finditer(text):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        if month.lower() in _EN_MONTHS:
            found.append(DateMention(m.start(), m.end(), int(year), _EN_MONTHS[month.lower()], int(day)))
    return found
