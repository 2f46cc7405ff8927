"""Who held office when: a sitting official named in an article bounds when it was written.

Landmark events bound it too: an article about "الحرب في غزة" was written after 7 October 2023.

"الرئيس الأمريكي جو بايدن" puts an article between January 2021 and January 2025.  Only offices that
recur in this field are listed; a name preceded by "السابق"/"الأسبق" (former) is ignored.
"""

from __future__ import annotations

import re
from datetime import date

# name pattern -> (start, end) of the term; end None = still in office.
TERMS: tuple[tuple[str, date, date | None], ...] = (
    # landmark events: an article that speaks of them is not older than they are
    (r"طوفان\s+الأقصى|الحرب\s+(?:في|على)\s+(?:قطاع\s+)?غزة|حرب\s+غزة|الحرب\s+بين\s+إسرائيل\s+وحماس|الانتقام\s+لغزة",
     date(2023, 10, 7), None),
    # the campaign of attacks on US forces counted "since 17 October" began in 2023 (a missing
    # space, "هجومامنذ", is a common typo)
    (r"(?:هجوما|هجمات|الهجمات|هجوم)(?:\s+|(?=منذ))(?:\S+\s+){0,5}منذ\s+1[78]\s+(?:تشرين\s+الأول|تشرين\s+أول|أكتوبر|اكتوبر)",
     date(2023, 10, 17), None),
    (r"سقوط\s+(?:نظام|حكومة)\s+(?:بشار\s+)?الأسد|سقوط\s+الأسد", date(2024, 12, 8), None),
    # the outpost in Jordan was named in the news when three US soldiers were killed there
    (r"(?:ال)?برج\s+(?:22|٢٢)", date(2024, 1, 28), None),
    (r"بايدن", date(2021, 1, 20), date(2025, 1, 20)),
    (r"[أا]وباما", date(2009, 1, 20), date(2017, 1, 20)),
    (r"لويد\s+[أا]وستن", date(2021, 1, 22), date(2025, 1, 20)),
    (r"مارك\s+[إا]سبر", date(2019, 7, 23), date(2020, 11, 9)),
    (r"(?:جيم|جيمس)\s+ماتيس", date(2017, 1, 20), date(2019, 1, 1)),
    (r"هيغسيث|هيجسيث", date(2025, 1, 25), None),
    (r"(?:بات|باتريك)\s+رايدر", date(2022, 8, 1), date(2025, 1, 20)),
    (r"سابرينا\s+سينغ", date(2023, 2, 1), date(2025, 1, 20)),
    (r"جين\s+ساكي", date(2021, 1, 20), date(2022, 5, 13)),
    (r"كارين\s+جان[\s-]بيير", date(2022, 5, 13), date(2025, 1, 20)),
    (r"[أا]نتوني\s+بلينكن|بلينكن", date(2021, 1, 26), date(2025, 1, 20)),
    (r"مايك\s+بومبيو|بومبيو", date(2018, 4, 26), date(2021, 1, 20)),
    (r"مصطفى\s+الكاظمي|(?:حكومة|رئيس\s+الوزراء(?:\s+العراقي)?،?)\s+الكاظمي", date(2020, 5, 7), date(2022, 10, 27)),
    (r"شياع\s+السوداني|(?:حكومة|رئيس\s+الوزراء(?:\s+العراقي)?،?)\s+(?:محمد\s+)?السوداني", date(2022, 10, 27), None),
    (r"عادل\s+عبد\s*المهدي", date(2018, 10, 25), date(2020, 5, 7)),
    (r"حيدر\s+العبادي", date(2014, 9, 8), date(2018, 10, 25)),
    (r"(?:فرانك\s+)?ماكينزي|(?:فرانك\s+)?ماكنزي", date(2019, 3, 28), date(2022, 4, 1)),
    (r"مايكل\s+كوريلا|كوريلا", date(2022, 4, 1), date(2025, 8, 8)),
)
_FORMER = re.compile(r"(?:السابق|الأسبق|الاسبق|الراحل|السابقة)\s*$")
# One pass over the text: each term is a named group of a single alternation.
_ANY = re.compile(r"(?<!\w)[وبل]?(?:" + "|".join(rf"(?P<t{i}>{pattern})" for i, (pattern, _, _) in enumerate(TERMS))
                  + r")(?!\w)")
_TITLE_WINDOW = 40


def office_range(view: str, today: date) -> tuple[date, date] | None:
    """The span of dates in which every sitting official the text names was in office; None if
    nobody is named or the terms do not overlap (then the text is not trusted on this)."""
    low, high = None, None
    for match in _ANY.finditer(view):
        _, start, end = TERMS[int(match.lastgroup[1:])]
        before = view[max(0, match.start() - _TITLE_WINDOW):match.start()]
        after = view[match.end():match.end() + 12]
        if _FORMER.search(before) or re.match(r"^\s*(?:السابق|الأسبق)", after):
            continue
        low = start if low is None or start > low else low
        term_end = end or today
        high = term_end if high is None or term_end < high else high
    if low is None or high is None or low > high:
        return None
    return low, high
