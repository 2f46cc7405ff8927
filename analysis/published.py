"""When was an article published?  Catalog, then dateline, then inference from the text, then the
page header — and always say which, and how precisely.

A date printed in a site's page header is the day the page was saved, not the article's date, so it
is only a last resort.  Inference never presents a guessed day as fact: it gives month or year
precision unless the text states the day ("أمس الجمعة 17 تشرين الثاني").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import DateMention, find_dates, resolve
from .arabic import normalize

DATELINE_REGION = 400  # characters from the top of the text where a dateline may stand
_FUTURE_CUES = {"بحلول", "حتى"}
_FUTURE_VERB = re.compile(r"(?<!\w)(?:[وف]?س(?:ي|ت|ن)\w{2,}|المقبل|القادم|المقبلة|القادمة)")
_FUTURE_WINDOW = 60


@dataclass(frozen=True)
class Published:
    value: date | None
    precision: str  # day | month | year | none
    basis: str  # catalog | dateline | header | inferred | none
    span: tuple[int, int] | None = None  # view offsets of the dateline, which is not an event


NONE = Published(None, "none", "none")


def parse_iso(raw: str | None) -> tuple[date, str] | None:
    """'2021-02-16' / '2021-02' / '2021' -> (date, precision); None if absent or malformed."""
    if not raw:
        return None
    raw = raw.strip()
    for pattern, precision in ((r"(\d{4})-(\d{1,2})-(\d{1,2})", "day"), (r"(\d{4})-(\d{1,2})", "month"),
                               (r"(\d{4})", "year")):
        match = re.fullmatch(pattern, raw)
        if match:
            parts = [int(g) for g in match.groups()] + [1] * (3 - len(match.groups()))
            try:
                return date(*parts), precision
            except ValueError:
                return None
    return None


def is_future_context(text: str, mention: DateMention) -> bool:
    """A deadline cue or a future-tense verb right before the date."""
    if mention.cue in _FUTURE_CUES or mention.future:
        return True
    before = text[max(0, mention.start - _FUTURE_WINDOW):mention.start]
    clause = re.split(r"[.،؛!?\n]", before)[-1]
    return bool(_FUTURE_VERB.search(clause))


def _full(mention: DateMention) -> bool:
    return mention.year is not None and mention.month is not None and mention.day is not None


def _dateline(text: str, mentions: list[DateMention]) -> DateMention | None:
    """A fully dated mention in the top region, on a short line, not older than the text's own dates."""
    for mention in mentions:
        if mention.start > DATELINE_REGION:
            break
        if not _full(mention):
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        stamped = re.search(r"الساعة|\d{1,2}:\d{2}|\|", line)
        if len(line) > 120 and not stamped:
            continue
        candidate = date(mention.year, mention.month, mention.day)
        later = [m for m in mentions if m is not mention and m.year and m.year > candidate.year]
        if later and not stamped:
            continue  # a photo-caption date older than what the article reports
        return mention
    return None


def _lower_bound(text: str, mentions: list[DateMention]) -> tuple[date, str] | None:
    """The latest past date the text states with a year: the article cannot be older."""
    best: tuple[date, str] | None = None
    for mention in mentions:
        if mention.year is None or is_future_context(text, mention):
            continue
        resolved = resolve(mention, None, None)
        if resolved and (best is None or resolved.value > best[0]):
            best = (resolved.value, resolved.precision)
    return best


def _stated_today(text: str, mentions: list[DateMention], bound: tuple[date, str] | None) -> date | None:
    """'أمس الجمعة 17 تشرين الثاني' / 'اليوم الأربعاء 9 أيلول': the text tells its own day."""
    for index, mention in enumerate(mentions):
        if mention.relative not in ("أمس", "امس", "اليوم") or index + 1 >= len(mentions):
            continue
        following = mentions[index + 1]
        gap = text[mention.end:following.start]
        if following.day is None or following.month is None or len(gap.strip(" ()،,")) > 0:
            continue
        year = following.year or (bound[0].year if bound else None)
        if year is None:
            continue
        try:
            day = date(year, following.month, following.day)
        except ValueError:
            continue
        if bound and following.year is None and day < bound[0]:
            day = day.replace(year=year + 1)
        return day + timedelta(days=1) if mention.relative in ("أمس", "امس") else day
    return None


def _last_year_cue(text: str, mentions: list[DateMention]) -> int | None:
    """'العام الماضي' beside an event dated in year Y means the article is from Y + 1."""
    for mention in mentions:
        if mention.relative not in ("العام الماضي", "العام المنصرم"):
            continue
        window = [m for m in mentions if m.year is not None and abs(m.start - mention.start) < 250
                  and m.month is not None]
        if window:
            return max(m.year for m in window) + 1
    return None


def infer(text: str, mentions: list[DateMention]) -> Published | None:
    """Publication date from the text alone, with an honest precision."""
    bound = _lower_bound(text, mentions)
    stated = _stated_today(text, mentions, bound)
    if stated:
        return Published(stated, "day", "inferred")
    last_year = _last_year_cue(text, mentions)
    if last_year and (bound is None or last_year >= bound[0].year):
        return Published(date(last_year, 1, 1), "year", "inferred")
    if bound is None:
        return None
    # Year-less past dates ("في 4 يناير") that follow the bound move it forward.
    latest, precision = bound
    for mention in mentions:
        if mention.year is None and mention.month is not None and not is_future_context(text, mention):
            resolved = resolve(mention, latest, "month" if precision != "year" else "year")
            if resolved is None:
                continue
            candidate = resolved.value
            if candidate < latest and precision != "year":
                candidate = candidate.replace(year=candidate.year + 1)
            if candidate > latest:
                latest, precision = candidate, "month"
    if precision == "day":
        precision = "month"
    return Published(latest.replace(day=1) if precision == "month" else date(latest.year, 1, 1), precision,
                     "inferred")


def publication_date(view: str, mentions: list[DateMention], catalog_value: str | None,
                     header_date: str | None) -> Published:
    """Catalog > dateline > inferred from the text > page header > none (`view`: normalised text)."""
    parsed = parse_iso(catalog_value)
    dateline = _dateline(view, mentions)
    if parsed:
        span = (dateline.start, dateline.end) if dateline else None
        return Published(parsed[0], parsed[1], "catalog", span)
    dateline = _dateline(view, mentions)
    if dateline:
        return Published(date(dateline.year, dateline.month, dateline.day), "day", "dateline",
                         (dateline.start, dateline.end))
    inferred = infer(view, mentions)
    if inferred:
        return inferred
    if header_date:
        header = [m for m in find_dates(normalize(header_date).text) if _full(m)]
        header += [m for m in _english_dates(header_date)]
        if header:
            m = header[0]
            return Published(date(m.year, m.month, m.day), "day", "header")
    return NONE


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
