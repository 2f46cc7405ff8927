"""Reported numbers ("more than 60 attacks since 17 October") as claims.

A pure function of the normalised article text, its sentences, date mentions and publication date.
Each number is read in its clause: what it counts (the noun after or before it, casualty words for
counts of people), how it is qualified, where, since when and as of when.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import lexicon as lx
from .arabic import RANGE_WORD, NumberMatch, find_numbers, fold
from .dates import FROM_AT_END, DateMention, ResolvedDate, names_a_day
from .published import Published, after_publication, read_mention
from .text import Sentence, after_last, clause_before, line_around

MAX_PLAUSIBLE = {"troops": 2_000_000, "foreign_troops": 2_000_000, "fighters": 5_000_000,
                 "attacks": 100_000, "rockets": 1_000_000, "drones": 100_000, "strikes": 100_000,
                 "targets": 100_000, "killed": 10_000_000, "injured": 10_000_000, "other": 10**9}

_NON_CLAIM_BEFORE = re.compile(
    r"(?<!\w)(?:المشاهدات|مشاهدة|رقم\s+العدد|رقم|البرج|برج|الساعة|هاتف|الهاتف|ص\.ب|[إا]ف|F|UH|MQ|قرار|القرار|المادة|البند|الفقرة"
    r"|الصفحة|الطبعة|كوفيد|كورونا|الطراز|طراز|الجولة|الدورة)\s*[-(\[]?\s*$"
    r"|\d:$"  # the minutes of "07:45"
)
_NON_CLAIM_AFTER = re.compile(r"^\s*(?:%|٪|(?:في\s+ال|بال)(?:مئة|مائة|مئه|مائه)(?!\w)|:\d|/\s*\d|دقيقة\s+للقراءة|-\s*\d)")
_TOKEN = re.compile(r"[^\s.,،؛:!?؟()\"“”«»\[\]{}/\-–—]+")
_OF_THOSE = re.compile(r"^\s*(?:من|مِن)\s+(?:تلك|هذه|هؤلاء|ال)?\s*(\S+)")
_RANGE_AFTER = re.compile(rf"^\s*(?:\S+\s+)?{RANGE_WORD}\s*(?=\d|\w)")
_COORDINATED = re.compile(r"(?:^|\s)(?:و|علاوة\s+على|فضلا\s+عن|إضافة\s+إلى|اضافة\s+الى|بالإضافة\s+إلى)\s*$")
_FROM_TO = re.compile(r"من\s+$")
_WHERE_OR_WHEN = frozenset(  # prepositions that start a phrase of place or time
    {"في", "على", "خلال", "جراء", "إثر", "اثر", "بعد", "قبل", "عند", "داخل", "قرب"})
# "العراق وسوريا" (the "و" is part of the name found), "العراق وفي سوريا", "غرب العراق وشرق سوريا"
_PLACE_JOIN = re.compile(r"\s*(?:،\s*)?(?:(?:و|أو|او)\s*(?:في\s+)?(?:\w+\s+)?)?")
_REDUCTION = re.compile(r"خفض|تقليص|ينخفض|انخفض|تراجع|يتقلص|تقلص|تخفيض|هبط")
_AFTER_REDUCTION = re.compile(r"(?<!\w)بعد\s+(?:تقليص|خفض|تخفيض)")  # "بعد تقليص عددهم إلى 2500": done
_PAST_FALL = re.compile(r"(?<!\w)[وف]?(?:(?:انخفض|تراجع|تقلص|هبط)ت?|خفضت|خفّضت|قلصت|قلّصت)(?!\w)")
_NEXT_CLAUSE = re.compile(r"(?:،|,|؛)\s*(?:و|بينما|فيما|مقابل)")
_PREVIOUS_CLAUSE = re.compile(r"[،,؛]|(?<!\w)(?:بينما|فيما|مقابل)(?!\w)")
_JORDAN = re.compile(r"[أا]ردن")
_LATIN_BEFORE = re.compile(r"[A-Za-z]\s*-?\s*$")
_CLAUSE_MARK = re.compile(r"[،,؛]")
_MISSING_REACH = 150  # characters after a number that hold the nine words its missing words are looked for in
_PREPOSITION = re.compile(r"(?<!\w)(?:عن|على|من|إلى|الى|مع|بين|لدى)(?!\w)")
_AFTER_QUALIFIER = r"(?:على\s+(?:الأقل|الاقل)|تقريبا)"  # a qualifier after the number ("و900 تقريبا في سوريا")
_LEADING_NOISE = re.compile(r"^[\s\"“”«»']*(?:" + _AFTER_QUALIFIER + r"|فقط)?[\s\"“”«»']*")
_RANGE_PARTNER = re.compile(rf"^{RANGE_WORD}\s*(?:(?:نحو|حوال[يى]|قرابة|زهاء)\s+)?(?:\d[\d,.]*|\S+)(?:\s+(?:ألف|الف|آلاف|ألاف|مليون))?\s+")
# A toll names what it counts: "حصيلة المصابين … إلى 40 جندياً"; one attack's toll is an incident, not a total.
_TOLL_NOUNS = r"(?:(?P<killed>(?:ال)?قتلى)|(?:ال)?(?:مصابين|جرحى|[إا]صابات))(?!\w)"
_TOLL = re.compile(r"حصيلة\s+" + _TOLL_NOUNS)
_TOLL_NOUN = re.compile(r"(?<!\w)[وف]?" + _TOLL_NOUNS)
# "بلغ عدد قتلى الجيش الأمريكي في العراق ألفي جندي": an army's toll is a running total, unless it is one
# event's ("حصيلة قتلى القوات في الهجوم")
_ARMY_TOLL = re.compile(r"(?<!\w)(?:عدد|حصيلة)\s+" + _TOLL_NOUNS + r"\s+(?:ال)?(?:جيش|قوات|جنود|عسكريين)")
_ONE_EVENT = re.compile(r"(?<!\w)(?:في|جراء|ب)\s*(?:ال)?(?:هجوم|تفجير|انفجار|ضربة|غارة|قصف|حادث)")
_REACHED_AT_END = re.compile(r"(?<!\w)[إا]لى\s*$")  # the number the toll reaches, not one inside a clause on the way
# A toll is one event's ("حصيلة قتلى الضربات الأميركية ترتفع إلى 25", "حصيلة القتلى بلغت سبعة") unless
# it is a campaign's: "حصيلة قتلى الهجمات", "حصيلة الحرب"
_CAMPAIGN_TOLL = re.compile(r"\s+(?:\S+\s+){0,2}?(?:في\s+|جراء\s+)?(?:ال)?(?:هجمات|حرب|معارك|مواجهات)(?!\w)")
_KILLED_AND_INJURED = re.compile(r"^\s*\S*\s*\S*\s*(?:بين\s+قتيل\s+وجريح|بين\s+قتلى\s+وجرحى)")
_ELLIPTIC = re.compile(r"^\s*(?:" + _AFTER_QUALIFIER + r"\s*)?(?:[،,.]|$|في\s|داخل\s|ب?منطقة\s|على\s|طال|استهدف|جرت|وقع|منها|آخر|اخر|فقط)")
_BETWEEN_AT_END = re.compile(r"(?:(?<!من )بين|يتراوح\s+بين)\s+$")  # not "من بين" (among)
_OR = ("أو", "او", "-", "–")
_RANGE_WORD_AT_END = re.compile(rf"{RANGE_WORD}\s*$")
# a date that opens a counting period: "منذ 17 أكتوبر", "منذ تاريخ 19 تشرين الأول", "بين 18 تشرين الأول 2023 و…",
# "بين عامي 2019 و2020", "يومي الإثنين والثلاثاء"
_PERIOD_START_AT_END = re.compile(r"(?<!\w)(?:منذ(?:\s+تاريخ)?|بين|عامي|سنتي|شهري|يومي)\s*$")
# what joins a period's two ends: "بين X و Y", "منذ X وحتى Y", "من X إلى Y"
_TO = re.compile(r"\s*(?:و|و?حتى|إلى|الى)\s*")
_DURATION = re.compile(r"\d+\s+(?:سنوات|سنة|أعوام|اعوام|عاما|عام|أشهر|اشهر|شهرا|شهور|أسابيع|اسابيع|أيام|ايام|يوما)(?!\w)")
# "منذ بدء الحرب إلى انسحاب القوات … عام 2011": "إلى" an end, not "منذ وصول بايدن إلى البيت الأبيض"
_TO_END = re.compile(r"(?<!\w)(?:إلى|الى|وحتى)\s+(?:حين|غاية|نهاية|انسحاب|انتهاء|اليوم|الآن|الان|يومنا|تاريخ)(?!\w)")
_SINCE = r"(?<!\w)[وف]?منذ(?!\w)"
_SINCE_WORD = re.compile(_SINCE)
# "منذ الغزو", "منذ اجتياح هذا البلد", and in an article of the years of that war "منذ بدء الحرب": the
# invasion of Iraq in March 2003 (not "الحرب على داعش", "الحرب في غزة", "الغزو الروسي")
_INVASION = date(2003, 3, 20)
_IRAQ_WAR_YEARS = range(2003, 2012)
_WAR_START = re.compile(_SINCE + r"\s+(?:(?:بدء|بداية|اندلاع|انطلاق)\s+)?(?:ال)?(?:(?P<invasion>غزو|اجتياح)|حرب)(?!\w)"
                        r"(?!\s+(?:على|ضد|في\s+(?:غزة|سوريا|لبنان|أوكرانيا|اليمن)|الروسي|الإسرائيلي|التركي|العراقي))")
# "في أول مرة يسقط فيها قتلى … منذ اندلاع الحرب", "ثالث هجوم يطال القاعدة منذ منتصف شباط": the "since"
# of a first, second, … time, not of a running total (not the "الأول" of "تشرين الأول")
_ORDINAL_BEFORE_SINCE = re.compile(
    r"(?<!\w)(?<!تشرين )(?<!كانون )(?<!ربيع )(?<!جمادى )(?:ال)?(?:أول|اول|أولى|اولى|ثاني|ثانية|ثالث|ثالثة|رابع|رابعة|خامس|خامسة)(?!\w)[^،,؛.:]{0,80}?" + _SINCE + "$")
# "منذ شباط الماضي، حين علقت هجماتها بعد مقتل 3 جنود": a figure inside a "when" clause set off right
# after the date happened then; it is not counted since then ("ومنذ 17 تشرين الأول، حين اندلعت الحرب،
# تعرضت القوات لـ 160 هجوما" is: the figure is past the clause; without the comma after a "منذ" date,
# where the clause ends is unknown).  After a plain date the comma may be left out: "وكان أعنفها في 28
# كانون الثاني عندما قتل 3 جنود"
_WHEN = r"\s*(?:حين|حينما|عندما)(?!\w)[^،,؛.:]*"  # the clause, up to the number
_WHEN_CLAUSE = re.compile(r"\s*[،,]" + _WHEN)
_AFTER = re.compile(r"(?<!\w)بعد(?!\w)")
_SO_FAR = re.compile(r"حتى\s+(?:الآن|الان)")
_WHEN_CLAUSE_UNMARKED = re.compile(r"\s*[،,]?" + _WHEN)  # after a plain date
_SINCE_REACH = 60  # characters from "منذ" to the date it leads to: "منذ أن غزته القوات الأمريكية في شهر مارس"
# "ومنذ تولي بايدن منصبه في يناير": no clause mark and no "until" between "منذ" and the date
_SINCE_IN_CLAUSE = re.compile(_SINCE + r"(?:(?!(?<!\w)(?:حتى|وحتى|آخرها|اخرها)(?!\w))[^،,؛.:!?؟\n])*$")
# "ضمن التحالف الذي شكّلته عام 2014": the founding of what a relative clause describes
# a troop level told in the present ("تنشر واشنطن 2500 جندي", "يتمركز حاليا"): true as of publication,
# so a relative clause after it ("في العراق، الذي غزته الولايات المتحدة عام 2003") dates something else
# said to hold now: "فيما يبلغ حاليا نحو 2500" (a present verb alone may be a historical present: "وفي عام
# 2019، وبحسب أرقام البنتاغون، تنشر واشنطن 5200")
_NOW_WORDS = r"حاليا|حالياً|الآن|الان|الراهن"
_NOW = re.compile(rf"(?<!\w)(?:{_NOW_WORDS})(?!\w)")
_PRESENT_LEVEL = re.compile(r"(?<!\w)[وف]?(?:تنشر|ينشر|تحتفظ|يحتفظ|يتمركز|تتمركز|ينتشر|تنتشر|يوجد|توجد|يتواجد|تتواجد"
                            rf"|يبلغ|تبلغ|يقدر|تقدر|يضم|تضم|يبقى|تبقى|{_NOW_WORDS})(?!\w)")
# where a figure's own clause starts: "، و…" (not "، وفق"), "فيما", "مقارنة"; reported speech "… إن/أن …"
_NEW_CLAUSE = r"؛|[،,]\s*(?=و(?!فق))|(?<!\w)(?:فيما|بينما|مقابل|مقارنة|حيث)(?!\w)"
_THAT = r"(?<!\w)(?:إن|أن|بأن)"  # reported speech
_REPORTED_THAT = re.compile(_THAT + r"(?!\w)")
_CLAUSE_START = re.compile(_NEW_CLAUSE + "|" + _THAT + r"(?:ه|هم)?(?!\w)")  # not "إنها وقعت منذ": the figure's
_NEXT_STATEMENT = re.compile(_NEW_CLAUSE)  # not reported speech: "أعلن يوم الجمعة أن عديد القوات بات حاليا 2500"
_WAS_FORMS = r"(?<!\w)[وف]?(?:كان|كانت|كانوا)"
_WAS = re.compile(_WAS_FORMS + r"(?!\w)")
# "… إلى المنطقة، التي ينتشر فيها 40 ألف جندي": a level in a relative clause of its own
_RELATIVE_AFTER_COMMA = re.compile(r"[،,]\s*(?:التي|الذي)(?!\w)")
_RELATIVE_PRONOUN = re.compile(r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي|حيث)(?!\w)")
_FOUNDED_CLAUSE = re.compile(r"(?<!\w)(?:الذي|التي)\s+(?:\S+\s+){0,2}?(?:تشكل|تشكّل|شكل|شكّل|شكلت|شكّلت|شكلته|شكّلته"
                             r"|تأسس|تاسس|أسس|اسس|أسسته|أنشئ|أُنشئ|انشئ|أنشأ|انشأ|أنشأته|أطلق|أطلقته|نشأ|ظهر|قام)"
                             r"(?:ت|ه|ها|تها|ته)?(?!\w)")
# "وكانت الفصائل قد قتلت 3 جنود في هجوم سابق": the pluperfect tells background, not the story's day
_BACKGROUND = re.compile(_WAS_FORMS + r"\s+(?:\S+\s+){0,6}?قد(?!\w)")
# "وكانت وزارة الصحة قد ذكرت أن القصف أدى إلى إصابة 3": the pluperfect tells who reported it first;
# what they reported is the story's own
_REPORTED = re.compile(r"\s*(?:ذكر|قال|[أا]علن|[أا]فاد|[أا]كد|[أا]وضح|[أا]شار|نقل|كشف)(?:ت)?(?!\w)")
_LAST_WEEK = frozenset({"الماضي", "الماضيين"})  # "الأحد الماضي": a day of last week
_HEADLINE_LENGTH = 160
_STORY_DAYS = 7  # a weekday ("الخميس") is the latest one within a week before publication
_WINDOW = 300  # characters of context either side of a number that the rules read
# "يودي بحياة أمريكيين وبريطاني": a nationality in the dual right after a casualty word counts two.
_CASUALTY_DUAL = re.compile(r"(?:مقتل|بحياة|إصابة|اصابة|جرح)\s+(?P<who>[أا]مي?ري?كيين|بريطانيين|فرنسيين|عراقيين)"
                            r"(?!\s+(?:اثنين|آخرين|من|في))")
# "إرسال/نشر/سحب 500 جندي" is a change; "تنشر 2500 جندي" (it has them deployed) is a level
_CHANGE_NOUN_AT_END = re.compile(r"(?:إرسال|ارسال|(?<!\w)[وبل]?(?:ال)?نشر|سحب|إضافة|اضافة|زيادة|تقليص|خفض)\s+"
                                 r"(?:نحو\s+|حوال[يى]\s+)?$")
# Troops on the move are a change, whatever the tense: the verb at most four words (its subject, when)
# before the number ("سحبت الولايات المتحدة 500 جندي", "وغادر العراق في الأيام الأخيرة 200 جندي", "ستسحب
# نحو 1000"; not "يصل عددهم 2500", "ونقلت رويترز أن 2500", "ويعود انتشار 900", levels), or in the plural
# after it, in its clause ("900 جندي من بين 2500 سيغادرون"; not past "الذي/حيث/بعد").
_MOVE_VERB = (r"(?<!\w)[وف]?(?:(?:[أا]رسل|سحب|غادر|وصل|انسحب|عاد|دفع|نقل)(?:ت|وا)?"
              r"|س?[يت](?:رسل|سحب|غادر|صل|نسحب|عود|دفع|نقل)(?:ون|ان)?)(?!\w)")
_NOT_BETWEEN = (r"[إا]لى|عن|[أا]ن|[إا]ن|عدد\w*|تعداد\w*|عديد\w*|[أا]عداد|قوام\w*|حجم\w*|ذروت\w*|انتشار\w*|الذي|التي"
                r"|الذين|حيث|بينما|فيما|لدى")
_MOVE_BEFORE = re.compile(_MOVE_VERB + r"(?:\s+(?!(?:" + _NOT_BETWEEN + r")(?!\w))[^\s\d]+){0,4}\s+(?:بـ?|الـ?)?$")
_AFTER_IN_CLAUSE = (r"^\s*\S+(?:\s+(?:من\s+بين\s+\S+|(?!(?:الذي|التي|الذين|حيث|بعد|منذ|عندما|حين|قبل)(?!\w))"
                    r"[^\s\d،,؛.]+)){0,6}?\s+")
# After the number the troops are the verb's subject, so not what others do to them in the present
# ("يرسلون", "يسحبون") nor "دفعوا"; the troops themselves staying on is a plan: "900 جندي من بين 2500
# سيبقون في إقليم كردستان".
_VERB_AFTER = re.compile(_AFTER_IN_CLAUSE + r"[وف]?(?:(?P<move>(?:[أا]رسل|سحب|غادر|وصل|انسحب|عاد|نقل)وا"
                         r"|س?[يت](?:غادر|صل|نسحب|عود|نقل)ون)|(?P<stay>س[يت](?:بق|ظل|تمركز|نتشر)ون))(?!\w)")
# "عنصر" counts fighters unless soldiers are named after it: "عسكري", "من القوات الأمريكية", "من القوات
# الخاصة" (not the Iraqi ones), "من مشاة البحرية"
_SOLDIERS_AFTER = re.compile(r"^\s*(?:(?P<anyone>عسكري)|من\s+(?:عناصر\s+)?(?:القوات\s+(?:الأ?مي?ري?كية|الخاصة(?!\s+العراقية))"
                             r"|مشاة\s+البحرية|المارينز))")
# Soldiers a convoy carries ("رتل من 110 آليات يستقلها 500 جندي") and a small group already named ("الجنود
# الثلاثة", "الجنديين") are counted once, not a level; reinforcements ("تعزيزات … تضم 150 جندياً") a change.
_CARRIED_AT_END = re.compile(r"(?<!\w)(?:[يت](?:ستقل|قلّ?|حمل)(?:ها|ه|هم|ونها)?|على\s+متنه(?:ا|م)?)\s+$")
_NAMED_GROUP = 10  # "الجنود الثلاثة"; "إخراج الخمسة آلاف جندي" is the whole force
_TAIL = 24  # characters "من بين " or "على متنها " need before the number
_REINFORCEMENTS_AT_END = re.compile(r"تعزيزات(?:\s+[^\s\d]+){0,3}?\s+(?:تضم|قوامها|تتألف\s+من|من)\s+$")
_BREAKDOWN = re.compile(r"(?<!\w)(?:منها|بينها|مقابل|في\s+(?:العراق|سوريا))(?!\w)")
_ASIDE_CLOSED = re.compile(r"[،,]\s*$")
_OUT_OF_AT_END = re.compile(r"(?<!\w)من\s+بين\s+$")  # "900 جندي من بين 2500": the 2500 is the level
# "حرب 2003", "موازنة 2024", "منذ الغزو 2003": a year named after what happened in it, not a count
# (but "خلال الحرب 2000 جندي" is one: a counted noun follows)
_NAMED_YEAR_BEFORE = re.compile(r"(?<!\w)[وبل]?(?P<the>ال)?(?:حرب|غزو|انتخابات|موازنة|ثورة|أحداث|اتفاقية|دستور"
                                r"|احتجاجات|تظاهرات)\s*$")
_PART_OF_YEAR_BEFORE = re.compile(r"(?<!\w)[وبل]?(?:نهاية|مطلع|بداية|أواخر|اواخر|أوائل|اوائل|منتصف|صيف|شتاء|ربيع|خريف)\s*$")
_RISE = re.compile(r"(?:ترتفع|ارتفع|ارتفعت|يرتفع|تصل|وصل|وصلت|يصل|بلغ|بلغت|يبلغ|تبلغ|صعد|صعدت|تجاوز|تجاوزت)\s+"
                   r"(?:إلى|الى)?\s*$")


@dataclass(frozen=True)
class Claim:
    kind: str
    measure: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    scope: str | None
    period_start: date | None
    as_of: date | None
    as_of_precision: str
    start: int  # view offsets of the number as written
    end: int
    sentence: Sentence


@dataclass(frozen=True)
class Implausible:
    """A figure too large to be real ("10 مليار جندي"): reported as a problem, never charted."""

    value_text: str
    kind: str
    start: int
    end: int


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


_ANY_QUALIFIER_AT_END = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in lx.QUALIFIERS))
_QUALIFIER_REACH = 40  # no qualifier phrase is longer
_OPENING_QUOTE = re.compile(r"[(\"“”«»]\s*$")
_ATTACHED_AT_END = re.compile(r"(?<!\w)(?:ب|ل|ال)\s*$")


def _clamp(view: str, sentence: Sentence, number: NumberMatch) -> Sentence:
    """The sentence, or a word-aligned window of it around the number when the sentence is very long
    (a scraped page with no full stops): rules look no further, and the quote stays readable."""
    if sentence.end - sentence.start <= 2 * _WINDOW:
        return sentence
    start = max(sentence.start, number.start - _WINDOW)
    end = min(sentence.end, number.end + _WINDOW)
    if start > sentence.start:
        space = view.find(" ", start, number.start)
        start = space + 1 if space >= 0 else start
    if end < sentence.end:
        space = view.rfind(" ", number.end, end)
        end = space if space >= 0 else end
    return Sentence(start, end)


def _bounds(qualifier: str, value: int) -> tuple[int | None, int | None]:
    """Bounds implied by the qualifier (the stated figure is the bound; strictness is in `qualifier`).

    approx gives none: the article does not say how far off the figure may be.
    """
    return {
        "exact": (value, value),
        "at_least": (value, None),
        "more_than": (value, None),
        "less_than": (None, value),
    }.get(qualifier, (None, None))


class _Reader:
    """Reads the claims of one article; holds the article-wide context the rules need."""

    def __init__(self, view: str, sentences: list[Sentence], mentions: list[DateMention],
                 published: Published) -> None:
        self.view = view
        self.sentences = sentences
        self.mentions = mentions
        self.published = published
        self.date_spans = [(m.start, m.end) for m in mentions]
        self.mention_starts = [m.start for m in mentions]
        self.all_numbers = find_numbers(view)  # one pass over the article, shared by its sentences
        self.number_starts = [n.start for n in self.all_numbers]
        self.claims: list[Claim] = []
        self.implausible: list[Implausible] = []
        self.totals_by_kind: dict[str, list[tuple[int, date]]] = {}  # (value, period start) of each dated total
        self.about_coalition = len(re.findall("التحالف", view)) >= 3 and not lx.US_TROOPS_RE.search(view)
        # places named in the article, found once and looked up per clause
        self.places = _place_spans(view)
        self.place_spans = sorted(span for starts, ends in self.places.values() for span in zip(starts, ends))
        self.place_starts = [span_start for span_start, _ in self.place_spans]
        # dual nouns ("صاروخين"): (start with prefixes, start of the noun, end), found once
        self.dual_nouns = [(m.start(), m.start("dual"), m.end()) for m in lx.DUAL_RE.finditer(view)]
        self.jordan = _spans(_JORDAN.finditer(view))
        # memos: the numbers of a sentence read the same text before them and the same date mentions
        self._qualifier_matches: dict[str, re.Match[str] | None] = {}
        self._scopes: dict[tuple[int, int], str | None] = {}
        self._mention_readings: dict[int, tuple[bool, ResolvedDate | None]] = {}
        self._story_days: tuple[list[int], list[ResolvedDate]] | None = None  # found when first needed

    # -- which numbers are counts -------------------------------------------------------------
    def numbers(self, sentence: Sentence) -> list[NumberMatch]:
        found = []
        first = bisect_left(self.number_starts, sentence.start)
        for index in range(first, len(self.all_numbers)):  # not a slice: a copy of the rest of a long page
            number = self.all_numbers[index]
            start, end = number.start, number.end
            if start >= sentence.end:
                break
            if end > sentence.end or self._in_date(start, end) or number.decimal:
                continue
            before = self.view[max(sentence.start, start - 25):start]
            after = self.view[end:min(sentence.end, end + 25)]
            if _NON_CLAIM_BEFORE.search(before) or _NON_CLAIM_AFTER.match(after):
                continue
            if 1900 <= number.value <= 2100 and not number.is_words and self._named_year(before, after):
                continue
            if _LATIN_BEFORE.search(before) or (after[:1].isascii() and after[:1].isalpha()):
                continue
            found.append(NumberMatch(start, end, number.value, number.is_words, False))
        return found + self._duals(sentence, found)

    def _named_year(self, before: str, after: str) -> bool:
        if _PART_OF_YEAR_BEFORE.search(before):
            return True  # "بنهاية 2011", "صيف 2014"
        named = _NAMED_YEAR_BEFORE.search(before)
        if named is None:
            return False
        noun = _TOKEN.search(after)
        counted = noun is not None and (noun.group() == "من" or lx.noun_kind(noun.group()) not in (None, "skip"))
        return not named.group("the") or not counted  # "الحرب 2000 جندي", "الحرب 2000 من عناصر" are counts

    def _duals(self, sentence: Sentence, numbers: list[NumberMatch]) -> list[NumberMatch]:
        """Dual nouns count two: "صاروخين", "مبنيين"; a pair like "طائرتين مسيرتين" counts once."""
        found: list[NumberMatch] = []
        for match in _CASUALTY_DUAL.finditer(self.view, sentence.start, sentence.end):
            start = match.start("who")
            if not any(n.start <= start < n.end for n in numbers):
                found.append(NumberMatch(start, match.end("who"), 2, True, False))
        last_end = -10
        for index in range(bisect_left(self.dual_nouns, (sentence.start,)), len(self.dual_nouns)):
            word_start, start, end = self.dual_nouns[index]
            if end > sentence.end:
                break
            adjacent = start - last_end <= 1 or any(abs(n.end - word_start) <= 1 or abs(end - n.start) <= 1
                                                    for n in numbers)
            last_end = end
            if not adjacent:
                found.append(NumberMatch(start, end, 2, True, False))
        return found

    def _mentions_within(self, start: int, end: int) -> range:
        """The indices of the date mentions that start in [start, end)."""
        return range(bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end))

    def _in_date(self, start: int, end: int) -> bool:
        index = bisect_right(self.mention_starts, start) - 1
        return index >= 0 and self.date_spans[index][1] >= end

    def _qualifier_at_end(self, before: str) -> re.Match[str] | None:
        """The qualifier phrase ending `before`, if any (the rules ask about the same text often)."""
        if before not in self._qualifier_matches:
            self._qualifier_matches[before] = (_ANY_QUALIFIER_AT_END.search(before)
                                               if lx.may_end_with_qualifier(before) else None)
        return self._qualifier_matches[before]

    def _without_qualifier(self, before: str) -> str:
        """The text before a number without the qualifier that ends it ("أقل من", "نحو")."""
        head, tail = before[:-_QUALIFIER_REACH], before[-_QUALIFIER_REACH:]
        qualifier = self._qualifier_at_end(tail)
        return head + (tail[:qualifier.start()] + tail[qualifier.end():] if qualifier else tail)

    def _reading(self, index: int) -> tuple[bool, ResolvedDate | None]:
        """Whether date mention `index` speaks of the future, and the date it resolves to."""
        if index not in self._mention_readings:
            self._mention_readings[index] = read_mention(self.view, self.mentions[index], self.published,
                                                         self.mentions[index - 1] if index else None)
        return self._mention_readings[index]

    # -- what a number counts ----------------------------------------------------------------
    def kind_of(self, number: NumberMatch, sentence: Sentence) -> str | None:
        view = self.view
        before = view[sentence.start:number.start]
        after = view[number.end:sentence.end]
        written = view[number.start:number.end]
        is_one = _is_one(written)  # "مقاول مدني واحد": the noun comes first
        if lx.stem(written) in lx.DUALS:
            noun, rest = written, after
        elif is_one:
            tokens = _tokens(before)[-3:]
            noun = next((t for t in reversed(tokens) if lx.noun_kind(t)), "")
            rest = after
        else:
            noun, rest = self._noun_after(after)
            if lx.has_particle(noun):  # "وإصابة ستة بهجوم صاروخي": no noun after the number
                noun, rest = "", after
        kind = lx.noun_kind(noun) if noun else None
        if kind is None and not is_one:
            kind = self._kind_before(before, number)
        elif kind == "person":
            before_kind = self._kind_before(before, number)
            if before_kind and (before_kind != "inherit" or self._previous_kind(sentence)):
                kind = before_kind  # "عدد الجنود … 900 شخص"; a bare "عددهم" keeps the person noun
        if kind in ("times",) or fold(noun) in lx.TIMES_WORDS:
            kind = self._times_kind(before)
        if kind == "aircraft":
            kind = "drones" if lx.AIRCRAFT_DRONE_RE.match(rest) or "مسير" in rest[:15] else "other"
        if kind == "shells":
            kind = "rockets" if re.match(r"^\s*(?:ال)?(?:هاون|صاروخية|الصاروخية)", rest) else "other"
        if kind in ("person", "troops", "fighters", "inherit", None):
            casualty = self._casualty(before, "" if is_one else after) or self._coordinated_casualty(number, sentence)
            if casualty:
                return casualty
        if kind == "inherit" or (kind is None and after.strip() and self._elliptic(after)):
            kind = self._previous_kind(sentence)
        if kind in ("person", "troops", "fighters"):
            kind = self._whose(kind, before, rest, sentence)
        return kind if kind in lx.KINDS else None

    def _noun_after(self, after: str) -> tuple[str, str]:
        """The counted noun after a number, past "على الأقل", quotes, "من تلك" and a range partner."""
        rest = _LEADING_NOISE.sub("", after)
        partner = _RANGE_PARTNER.match(rest)
        if partner and find_numbers(partner.group(0)):
            rest = rest[partner.end():]
        if _OF_THOSE.match(rest):
            for token in itertools.islice(_TOKEN.finditer(rest), 1, 5):
                if token.group() in _WHERE_OR_WHEN:
                    break  # "أربعة من منتسبيها في الغارات": the strikes are where, not who
                if lx.noun_kind(token.group()) not in (None, "skip"):
                    return token.group(), rest
        first = _TOKEN.search(rest)
        noun = first.group() if first else ""
        return noun, rest[rest.find(noun) + len(noun):] if noun else rest

    def _times_kind(self, before: str) -> str | None:
        """"استُهدفت 12 مرة" counts attacks; "ردت باستهداف مرتين" counts US strikes."""
        recent = before[-80:]
        if re.search(r"(?:ردت|رد|ردا|ردّت)\s", recent):
            return "strikes"
        return "attacks" if lx.ATTACKED_RE.search(recent) else None

    def _whose(self, kind: str, before: str, rest: str, sentence: Sentence) -> str | None:
        """Troops, foreign troops or fighters: decided by who the clause is about."""
        clause = after_last(before, "،,؛")[-80:]
        right = rest[:40] if lx.FOREIGN_AFTER_RE.match(rest) else ""
        nearby = clause + " " + right
        foreign = bool(right) or lx.FOREIGN_RE.search(clause) is not None  # "التحالف", "600 جندي فرنسي"
        if not foreign and kind != "fighters":
            allied = _last(lx.ALLIED_NAMED_RE.finditer(before))
            foreign = allied is not None and not lx.US_NAMED_RE.search(before, allied.end()) \
                and not lx.US_AFTER_RE.match(rest)  # "وقالت وكالة الصحافة الفرنسية إن 2500 جندي أمريكي"
        if kind == "fighters":
            soldiers = _SOLDIERS_AFTER.match(rest)
            if soldiers:  # "عنصر عسكري" is anyone's soldier; "عنصر من القوات الخاصة" a soldier of the force told of
                kind = "person" if soldiers.group("anyone") else "troops"
            elif lx.MILITIA_RE.search(nearby) or not foreign:
                return "fighters"
        if foreign or (lx.FOREIGN_STATE_RE.search(clause) and not lx.US_AFTER_RE.match(rest)):
            return "foreign_troops"  # or "وتنشر فرنسا نحو 600 جندي" (not "… 2500 جندي أمريكي")
        if kind == "troops":
            return "troops"
        sentence_text = self.view[sentence.start:sentence.end]
        if lx.MILITIA_RE.search(clause):
            return "fighters"
        if lx.US_FORCES_RE.search(nearby) or lx.US_FORCES_RE.search(sentence_text):
            return "foreign_troops" if self.about_coalition else "troops"
        if lx.FOREIGN_RE.search(sentence_text) or self.about_coalition:
            return "foreign_troops"
        return None

    def _kind_before(self, before: str, number: NumberMatch) -> str | None:
        """A number after its noun: "عدد الهجمات صعد إلى 38", "الصواريخ الثلاثة", "الضحايا الـ146"."""
        trimmed = re.sub(r"\s*ال\s*$", "", before)
        if trimmed != before or number.is_words:
            tokens = _tokens(trimmed)
            if tokens and lx.noun_kind(tokens[-1]) not in (None, "person"):
                return lx.noun_kind(tokens[-1])  # "skip" too: "خلال الأشهر الثلاثة الماضية" is a duration
        recent = before[-90:]
        count = _last(re.finditer(r"(?:عدد|أعداد|اعداد|حصيلة|عديد)\s+(\S+)", recent))
        if count:
            kind = lx.noun_kind(count.group(1))
            if kind and kind not in ("skip", "person"):
                return kind
        own_count = re.search(r"(?:عددها|عددهم)\s+(?:\S+\s+){0,2}$", recent)
        if own_count:  # "الجنود الأمريكيين وعددهم نحو 2500": the noun before "their number"
            for token in reversed(_tokens(recent[:own_count.start()])[-4:]):
                if lx.noun_kind(token) not in (None, "skip", "person"):
                    return lx.noun_kind(token)
        if re.search(r"(?:العدد|الحصيلة|عددها|عددهم)\s+(?:\S+\s+){0,2}$|(?:بينهم|منهم|بينها|من\s+بينهم)\s*$", recent):
            return "inherit"  # "18 شخصا بينهم 4 مدنيين": one of the previous figure's kind
        if _RISE.search(recent):  # "وهجمات الانتقام لغزة ترتفع إلى 18": the subject is the first noun
            clause = after_last(before, ".،,؛:")
            for token in _tokens(clause):
                if lx.noun_kind(token) not in (None, "skip", "person"):
                    return lx.noun_kind(token)
        return None

    def _casualty(self, before: str, after: str) -> str | None:
        """Killed or injured, by the casualty word nearest the number; both at once is "other", and so
        are people missing or taken, named right beside the number ("فقد الاتصال بـ 3 جنود", "3 جنود
        مفقودين", "في عداد المفقودين"; not "2500 جندي … يضم آلاف المخطوفين")."""
        if "بين" in after and _KILLED_AND_INJURED.match(after):
            return "other"
        recent = before[-80:]
        if "حصيلة" in recent and _REACHED_AT_END.search(self._without_qualifier(recent)):
            clause = after_last(recent, "،,؛")
            toll = _TOLL.search(clause)
            if toll:  # "ارتفعت حصيلة المصابين في الهجوم على البرج 22 إلى أكثر من 40 جندياً"; the nearest: "… والمصابين إلى 40"
                nearest = list(_TOLL_NOUN.finditer(clause, toll.start()))[-1]
                return "killed" if nearest.group("killed") else "injured"
        army = self._army_toll(recent)
        if army:
            return "killed" if army.group("killed") else "injured"
        killed_or_injured = lx.may_name_casualty(recent) or lx.may_name_casualty(after)
        missing = lx.may_name_missing(recent) or lx.may_name_missing(after[:_MISSING_REACH])
        if not killed_or_injured and not missing:
            return None  # most numbers: no casualty word near them
        clause_end = _CLAUSE_MARK.search(after)
        after_tokens = [t.group() for t in itertools.islice(
            _TOKEN.finditer(after, 0, clause_end.start() if clause_end else len(after)), 9)]
        near_after = " ".join(after_tokens)
        windows = []
        if killed_or_injured:
            near_before = " ".join(_tokens(self._without_qualifier(recent))[-4:])
            windows += [("killed", lx.KILLED_RE, near_before, near_after), ("injured", lx.INJURED_RE, near_before, near_after)]
        if missing:
            beside_before = " ".join(_tokens(after_last(before, "،,؛"))[-3:])  # not past a comma: "مختطفين في العراق، وأن 2500"
            counted = lx.COUNTED_MISSING_RE.search(near_after)  # not "200 جندي عن طيارين في عداد المفقودين"
            beside_after = near_after if counted and not _PREPOSITION.search(near_after, 0, counted.start()) \
                else " ".join(after_tokens[:3])
            if lx.LOST_LIVES_RE.search(beside_after):  # "فقدان 3 جنود أمريكيين حياتهم", "3 جنود فقدوا حياتهم"
                return "killed"
            windows.append(("other", lx.MISSING_RE, beside_before, beside_after))
        hits: list[tuple[int, str]] = []
        for kind, pattern, words_before, words_after in windows:
            for m in pattern.finditer(words_before):
                hits.append((len(words_before) - m.end(), kind))
            for m in pattern.finditer(words_after):
                if not m.group().startswith(("و", "ف")):  # "... وأصيب آخرون" opens a new clause
                    hits.append((m.start(), kind))
        return min(hits)[1] if hits else None

    @staticmethod
    def _army_toll(before: str) -> re.Match[str] | None:
        """An army's toll ("عدد قتلى الجيش الأمريكي في العراق") in the clause before a number, not one event's."""
        clause = after_last(before, "،,؛")
        toll = _last(_ARMY_TOLL.finditer(clause)) if "عدد" in clause or "حصيلة" in clause else None
        return toll if toll and not _ONE_EVENT.search(clause, toll.end()) else None

    def _coordinated_casualty(self, number: NumberMatch, sentence: Sentence) -> str | None:
        """"أصيب أربعة عسكريين أمريكيين وعنصران من القوات الأمنية": people joined by "و" to the killed
        or injured before them, in the same clause, are killed or injured too."""
        previous = self._coordinated_previous(number, sentence)
        if previous and previous.kind in ("killed", "injured") and not _CLAUSE_MARK.search(self.view, previous.end, number.start):
            return previous.kind
        return None

    def _elliptic(self, after: str) -> bool:
        """"و18 في سوريا", "أي ما مجموعه 38": no noun, the kind is the previous number's."""
        return bool(_ELLIPTIC.match(after))

    def _previous_kind(self, sentence: Sentence) -> str | None:
        for claim in reversed(self.claims):
            if claim.start >= sentence.start - 400:
                return claim.kind
            break
        return None

    # -- qualifier, scope, measure, dates -----------------------------------------------------
    def qualifier_of(self, number: NumberMatch, sentence: Sentence) -> str:
        # the same window as _without_qualifier's, so that the qualifier scan is shared
        before = self.view[max(sentence.start, number.start - _QUALIFIER_REACH):number.start]
        before = _OPENING_QUOTE.sub("", before)
        before = _ATTACHED_AT_END.sub("", before)  # "بنحو", "قرابة الـ2500"
        if self._qualifier_at_end(before):  # one scan; most numbers have no qualifier
            return next(qualifier for qualifier, pattern in lx.QUALIFIERS if pattern.search(before))
        after = self.view[number.end:sentence.end]
        if lx.AFTER_AT_LEAST_RE.match(after):
            return "at_least"
        if lx.AFTER_APPROX_RE.match(after):
            return "approx"
        if _BETWEEN_AT_END.search(before) or (
                _RANGE_AFTER.match(after) and self._range_partner(number, after) and not _FROM_TO.search(before)):
            return "approx"
        if _RANGE_WORD_AT_END.search(before) and self._is_range_end(number, sentence):
            return "approx"
        previous = self._coordinated_previous(number, sentence)
        if previous and previous.qualifier == "approx":
            return "approx"
        return "exact"

    def _range_partner(self, number: NumberMatch, after: str) -> bool:
        m = re.match(rf"^\s*(\S+\s+)?({RANGE_WORD})\s*(\d[\d,.]*|\S+)", after)
        if not m:
            return False
        partner = self._number_at(number.end + m.start(3))  # the article's reading: "3 أو 4 آلاف" is 4000
        # a noun between the two only with "أو" ("5 صواريخ أو 6"): "5 صواريخ و10 قذائف" is a list
        return partner is not None and partner.value > number.value and (
            m.group(1) is None or (lx.noun_kind(m.group(1)) is not None and m.group(2) in _OR))

    def _number_at(self, start: int) -> NumberMatch | None:
        """The article's number starting at `start` or just after (past an attached "ال" or "ب")."""
        index = bisect_left(self.number_starts, start)
        if index < len(self.all_numbers) and self.all_numbers[index].start <= start + 2:
            return self.all_numbers[index]
        return None

    def _is_range_end(self, number: NumberMatch, sentence: Sentence) -> bool:
        before = self.view[max(sentence.start, number.start - 40):number.start]
        nums = find_numbers(before)
        if not nums:
            return False
        last = nums[-1]
        between = before[last.end:]
        if not re.fullmatch(r"\s*(?:\S+\s+(?=" + "|".join(_OR) + r"))?" + RANGE_WORD + r"\s*", between):
            return False  # a noun between the two only with "أو": "5 صواريخ و10 قذائف" is a list
        head = before[:last.start]
        return last.value < number.value and (re.search(r"(?:بين|سوى)\s+$", head) is not None
                                              or not _FROM_TO.search(head))

    def _coordinated_previous(self, number: NumberMatch, sentence: Sentence) -> Claim | None:
        """"نحو 2500 جندي في العراق علاوة على 900 في سوريا": the qualifier carries over."""
        before = self.view[max(sentence.start, number.start - 25):number.start]
        if not _COORDINATED.search(before):
            return None
        for claim in reversed(self.claims):
            if claim.start >= sentence.start and number.start - claim.end < 70:
                return claim
            break
        return None

    def scope_of(self, number: NumberMatch, sentence: Sentence, next_start: int, prev_end: int) -> str | None:
        """Where: the first place named after the number (up to the next clause), else before it
        (back to the previous clause), else anywhere in the sentence."""
        cut = _NEXT_CLAUSE.search(self.view, number.end, next_start)
        forward_end = self._first_places_end(number.end, cut.start() if cut else next_start)
        backward_start = prev_end
        for boundary in _PREVIOUS_CLAUSE.finditer(self.view[prev_end:number.start]):
            backward_start = prev_end + boundary.end()
        for start, end in ((number.end, forward_end), (backward_start, number.start),
                           (sentence.start, sentence.end)):
            scope = self._scope(start, end)
            if scope:
                return scope
        return None

    def _first_places_end(self, start: int, end: int) -> int:
        """Where the first place named in [start, end) ends, with the places joined to it ("في العراق
        وسوريا", "في العراق وفي سوريا"): "900 جندي في سوريا، بعدما كان عدد قواتها في العراق" is Syria's."""
        index = bisect_left(self.place_starts, start)
        if index == len(self.place_starts) or self.place_spans[index][1] > end:
            return end
        last = self.place_spans[index][1]
        for following_start, following_end in self.place_spans[index + 1:]:
            if following_end > end or not _PLACE_JOIN.fullmatch(self.view, last, following_start):
                break
            last = following_end
        return last

    def _scope(self, start: int, end: int) -> str | None:
        if (start, end) not in self._scopes:  # every number of a sentence may fall back on the sentence
            iraq, syria = _any_within(self.places["iraq"], start, end), _any_within(self.places["syria"], start, end)
            region = _any_within(self.places["region"], start, end)
            if iraq and syria:
                scope = "region" if region and _any_within(self.jordan, start, end) else "iraq+syria"
            else:
                scope = "iraq" if iraq else "syria" if syria else "region" if region else None
            self._scopes[(start, end)] = scope
        return self._scopes[(start, end)]

    def measure_of(self, kind: str, number: NumberMatch, sentence: Sentence) -> str:
        before = self._without_qualifier(self.view[max(sentence.start, number.start - 70):number.start])
        after = self.view[number.end:min(sentence.end, number.end + 30)]
        sentence_text = self.view[sentence.start:sentence.end]
        if kind == "attacks":
            return "total"
        # "إلى قاعدة واحدة": the noun comes before "one"
        reduced = _reduced_measure(re.sub(r"\S+\s+$", "", before) if _is_one(self.view[number.start:number.end]) else before) \
            if kind in ("troops", "foreign_troops", "fighters", "other") else None
        if reduced:
            return reduced
        if kind in ("troops", "foreign_troops", "fighters"):
            tail = max(0, len(before) - _TAIL)  # the end-anchored patterns below need no more than this
            if _OUT_OF_AT_END.search(before, tail):
                return "level"
            named_group = number.is_words and number.value <= _NAMED_GROUP and self.view.endswith("ال", 0, number.start)
            if named_group or _CARRIED_AT_END.search(before, tail):
                return "incident"
            clause = clause_before(before, "،,")  # not a headline's "ستسحب" above
            if re.search(r"بمقدار\s*$", before) or re.match(r"^\s*\S+\s+(?:\S+\s+)?(?:إضافي|اضافي)", after) \
                    or _CHANGE_NOUN_AT_END.search(before) \
                    or ("تعزيزات" in before and _REINFORCEMENTS_AT_END.search(before)):
                return "change"
            negated = lx.NEGATION_RE.search(clause)  # "لم تسحب واشنطن 500 جندي", "لا تنوي الإبقاء على"
            rest_of_clause = self.view[number.end:min(sentence.end, number.end + 80)]
            verb_after = _VERB_AFTER.match(rest_of_clause) if "ون" in rest_of_clause or "وا" in rest_of_clause else None
            if not negated and (_MOVE_BEFORE.search(clause) or (verb_after and verb_after.group("move"))):
                return "change"
            if lx.FUTURE_RE.search(clause) or not negated and (
                    (verb_after and verb_after.group("stay")) or (lx.may_keep(clause) and lx.KEEP_AT_END_RE.search(clause))):
                return "planned"
            return "level"
        other = _other_measure(clause_before(before, "،,")) if kind == "other" else "incident"
        if other == "change":  # "أخلى التحالف 6 قواعد منذ بداية العام"
            return other
        if kind in ("killed", "injured") and (self._army_toll(before) or self._over_a_month(number, sentence)):
            return "total"
        for total in lx.TOTAL_RE.finditer(self.view, sentence.start, sentence.end):
            if total.group().endswith("حصيلة") and not _CAMPAIGN_TOLL.match(self.view, total.end()):
                continue
            if total.group().endswith("منذ") and (
                    _ORDINAL_BEFORE_SINCE.search(self.view, max(sentence.start, total.start() - 100), total.end())
                    or self._when_clause_date(number, sentence)):
                continue
            return "total"
        if kind in ("killed", "injured") and self._caused_by_campaign(number, sentence):
            return "total"
        return other

    def _over_a_month(self, number: NumberMatch, sentence: Sentence) -> bool:
        """"قتل 127 جندياً خلال شهر ماي": casualties summed over a month named in the figure's clause."""
        within = self._mentions_within(sentence.start, sentence.end)
        if not within:
            return False
        clause_start, clause_end = self._clause_around(number, sentence)
        return any(m.cue == "خلال" and m.month is not None and m.day is None and m.weekday is None
                   and clause_start < m.start < clause_end for m in self.mentions[within.start:within.stop])

    def _caused_by_campaign(self, number: NumberMatch, sentence: Sentence) -> bool:
        """"الهجمات … أسفرت عن إصابة 45", "الحرب … خلّفت 4500 قتيل", "أصيب 19 جندياً جراء الهجمات":
        casualties summed over a campaign, unless the sentence names a day ("أسفرت الهجمات أمس عن …")."""
        if self.view.find("هجمات", sentence.start, sentence.end) < 0 and self.view.find("حرب", sentence.start, sentence.end) < 0:
            return False  # most casualties: no campaign named
        causes = list(lx.CAUSED_RE.finditer(self.view, sentence.start, number.start))
        caused = causes and lx.CAMPAIGN_RE.search(self.view, sentence.start, number.start) \
            and not lx.CASUALTY_VERB_RE.search(self.view, causes[-1].end(), number.start)
        if not (caused or lx.CAUSED_BY_CAMPAIGN_AFTER_RE.search(self.view, number.end, min(sentence.end, number.end + 60))):
            return False
        said = [m.end() for m in _REPORTED_THAT.finditer(self.view, sentence.start, number.start)]
        within = self._mentions_within(said[-1] if said else sentence.start, sentence.end)  # "قال الثلاثاء إن الهجمات …"
        return not any(names_a_day(mention) for mention in self.mentions[within.start:within.stop])

    def dates_of(self, number: NumberMatch, sentence: Sentence, kind: str, measure: str,
                 figures: list[NumberMatch]) -> tuple[date | None, date | None, str]:
        """Since when and as of when.  as_of is the date the sentence gives the figure (the nearest;
        not one after another of the sentence's `figures`: "2500 جندي، بعد أن كان يتجاوز 170 ألفا عام
        2007" does not date the 2500, while "ففي عام 2003 … بين 100 ألف و150 ألف" dates both); else, for an
        incident or a running total not told as background, the day the article's story happened (a
        date within a week before publication, stated before the number: "أمس الجمعة"); else the
        publication date."""
        anchor = self.published.value
        period_start = None
        as_of: ResolvedDate | None = None
        within = self._mentions_within(sentence.start, sentence.end)
        opened: DateMention | None = None  # the mention that opened a "بين X و Y" period, while Y may follow
        nearest = (True, len(self.view))  # (outside the figure's clause, distance): its own clause first
        clause_start, clause_end = self._clause_around(number, sentence) if within else (0, 0)
        as_of_mention: DateMention | None = None
        # "بقي عند 5200 جندي حتى عام 2020، فيما يبلغ حاليا نحو 2500": not dated by an earlier clause
        present_from = (self._present_clause_start(number, sentence, _NEXT_STATEMENT, _NOW)
                        or self._present_clause_start(number, sentence, _RELATIVE_AFTER_COMMA, _PRESENT_LEVEL)) \
            if measure == "level" else None
        when = self._when_clause_date(number, sentence) if measure in ("incident", "total") else None
        for index in within:
            mention = self.mentions[index]
            future, resolved = self._reading(index)
            if resolved is None or self._is_dateline(mention):
                continue
            closes = opened is not None and _TO.fullmatch(self.view, opened.end, mention.start) is not None
            if closes and opened.weekday is not None and period_start is not None and period_start > resolved.value:
                period_start -= timedelta(days=7)  # "بين الأحد والثلاثاء" read on a Monday: last week's
            opened = None
            if resolved.end is not None:  # "بين 1 و5 شباط", "من 17 إلى 31 تشرين الأول"
                period_start, as_of, as_of_mention = resolved.value, ResolvedDate(resolved.end, resolved.precision), None
            elif self._opens_period(mention, number) and mention is not when:
                if mention.start > number.end and self._in_later_clause(number, mention):
                    continue  # "130 هجوما منذ 17 تشرين الأول، بينما … 27 هجوما منذ 19 تشرين الثاني": the 27's
                period_start, opened = resolved.value, mention
            elif closes and not future:  # "بين تشرين الأول 2023 وكانون الثاني 2024": as of the period's end
                as_of, as_of_mention = resolved, None
            elif measure in ("incident", "change", "level", "total") and not future and not after_publication(resolved.value, self.published) \
                    and not (measure in ("level", "change") and self._dates_another_noun(number, mention, sentence)) \
                    and not (present_from is not None and mention.end <= present_from) \
                    and not any(number.start < figure.start < mention.start and not _DURATION.match(self.view, figure.start)
                                for figure in figures) \
                    and (distance := (not clause_start < mention.start < clause_end,
                                      abs(mention.start - number.start))) < nearest:
                as_of, nearest, as_of_mention = resolved, distance, mention
        if as_of is None and (measure in ("incident", "total") or self._troops_sent(kind, measure, number, sentence)):
            background = _BACKGROUND.search(self.view, sentence.start, number.start)
            if background is None or _REPORTED.match(self.view, background.end()):
                as_of = self._story_day(number.start, sentence)
        if measure == "total":
            period_start = self._total_period(kind, number, sentence, period_start, as_of, as_of_mention)
        else:
            period_start = None  # "since" dates count totals; a level is a stock at a date
        if as_of is None:
            return period_start, anchor, self.published.precision
        return period_start, as_of.value, as_of.precision

    def _troops_sent(self, kind: str, measure: str, number: NumberMatch, sentence: Sentence) -> bool:
        """Troops sent or withdrawn as the story tells ("أعلن أمس إرسال 450 عسكرياً"): a change on the
        story's day; not one to come ("سيُنقل 250 عسكرياً") nor one told as what came before ("بعد إرسال")."""
        if measure != "change" or kind not in ("troops", "foreign_troops"):
            return False
        clause = clause_before(self.view[sentence.start:number.start], "،,")
        return not lx.FUTURE_RE.search(clause) and not _AFTER.search(clause)

    def _total_period(self, kind: str, number: NumberMatch, sentence: Sentence, since: date | None,
                      as_of: ResolvedDate | None, as_of_mention: DateMention | None) -> date | None:
        """Where a running total starts: its own "since" date (kept for the figures after it that are
        its shares), else the month it is told of ("27 هجوما خلال ديسمبر"), else the total it is a share
        of; never from a month after the figure's own ("6 منذ مطلع الشهر، مقابل 27 في كانون الثاني"; a
        "منذ منتصف أكتوبر" a day after "أمس" is an approximate mid-month, kept)."""
        def possible(start: date) -> bool:
            return as_of is None or (start.year, start.month) <= (as_of.value.year, as_of.value.month)

        if since is not None and possible(since):
            self.totals_by_kind.setdefault(kind, []).append((number.value, since))
            return since
        if as_of_mention is not None and as_of_mention.cue in ("في", "خلال") and as_of.precision == "month":
            return as_of.value
        if _SINCE_WORD.search(self.view, sentence.start, sentence.end):
            return self._war_start(sentence)  # a "منذ" of its own starts anew
        whole = self._period_of_whole(kind, number.value, sentence)
        return whole if whole is not None and possible(whole) else None

    def _war_start(self, sentence: Sentence) -> date | None:
        """The invasion of 2003, when the sentence counts since it ("منذ الغزو", "منذ بدء الحرب" told in
        the years of that war)."""
        start = _WAR_START.search(self.view, sentence.start, sentence.end)
        published = self.published.value
        if start is None or published is None or published < _INVASION:
            return None
        return _INVASION if start.group("invasion") or published.year in _IRAQ_WAR_YEARS else None

    def _in_later_clause(self, number: NumberMatch, mention: DateMention) -> bool:
        """Whether a clause starts between a figure and the "since" date after it (not counting the
        "أن" of "منذ أن غزته", nor an aside the comma right before "منذ" closes)."""
        since = self.view.rfind("منذ", number.end, mention.start)
        if since >= 0 and _ASIDE_CLOSED.search(self.view, number.end, since):
            return False  # "150 هجوما …، ومعظمها بطائرات مسيرة، منذ 17 تشرين الأول"
        return _CLAUSE_START.search(self.view, number.end, since if since >= 0 else mention.start) is not None

    def _period_of_whole(self, kind: str, part: int, sentence: Sentence) -> date | None:
        """The period of the total a figure without its own "since" is a share of ("61 هجوما منذ 17 تشرين
        الأول، وقع 29 منها في العراق"): the latest total of its kind it can be part of; a figure larger than
        the latest total ("130 منذ 17 تشرين الأول … 27 منذ 19 تشرين الثاني … 77 في سوريا") shares an
        earlier one, and a figure larger than all of them continues the latest; a figure that is no
        breakdown (no "منها", "مقابل", "في العراق/سوريا") is an update of the latest."""
        totals = self.totals_by_kind.get(kind)
        if not totals:
            return None
        if not _BREAKDOWN.search(self.view, sentence.start, sentence.end):
            return totals[-1][1]  # "وارتفع عدد الهجمات على السفن لاحقا إلى 35": an update of the latest
        return next((start for value, start in reversed(totals) if part <= value), totals[-1][1])

    def _opens_period(self, mention: DateMention, number: NumberMatch | None = None) -> bool:
        """"منذ 17 أكتوبر", "منذ تاريخ 19 تشرين الأول", "بين 18 تشرين الأول 2023 و…", and "منذ تولي
        بايدن منصبه في يناير" (the first date after "منذ" in its clause, with `number` not between
        them: "منذ اندلاع الحرب 170 هجوما في 4 شباط" dates the count): a count's start."""
        if mention.cue == "منذ" or _PERIOD_START_AT_END.search(self.view, max(0, mention.start - 16), mention.start):
            return True
        if FROM_AT_END.search(self.view, max(0, mention.start - 4), mention.start):  # "من X" with its "إلى Y"
            following = bisect_right(self.mention_starts, mention.start)
            return following < len(self.mentions) and _TO.fullmatch(
                self.view, mention.end, self.mentions[following].start) is not None
        reach = max(0, mention.start - _SINCE_REACH)
        if self.view.find("منذ", reach, mention.start) < 0:
            return False  # most dates: no "منذ" before them
        since = _SINCE_IN_CLAUSE.search(self.view, reach, mention.start)
        if since is None or (number is not None and since.start() < number.start < mention.start):
            return False
        between = since.group()
        if _DURATION.search(between) or _TO_END.search(between):
            return False  # "منذ 5 سنوات" is a duration; "منذ بدء الحرب إلى انسحاب … عام 2011" ends there
        return bisect_left(self.mention_starts, since.start()) == bisect_left(self.mention_starts, mention.start)

    def _when_clause_date(self, number: NumberMatch, sentence: Sentence) -> DateMention | None:
        """The date a "حين/عندما" clause holding the number follows: "منذ شباط الماضي، حين … 3 جنود"."""
        if self.view.find("حين", sentence.start, number.start) < 0 and self.view.find("عندما", sentence.start, number.start) < 0:
            return None  # most figures: no such clause
        for index in reversed(self._mentions_within(sentence.start, number.start)):
            mention = self.mentions[index]
            if not self._opens_period(mention):
                if _WHEN_CLAUSE_UNMARKED.fullmatch(self.view, mention.end, number.start):
                    return mention
            elif _WHEN_CLAUSE.fullmatch(self.view, mention.end, number.start) and (
                    _CLAUSE_MARK.search(self.view, number.end, sentence.end)  # an aside: "منذ 2 شباط، حين ضربت 85 هدفا، تراجعت"
                    or _AFTER.search(self.view, mention.end, number.start)) \
                    and not _SO_FAR.search(self.view, mention.end, number.start):  # "… التي تجاوز عددها حتى الآن 170"
                return mention  # not "منذ تشرين الأول، حين اندلعت الحرب تعرضت القوات لـ 170 هجوما"
        return None

    def _dates_another_noun(self, number: NumberMatch, mention: DateMention, sentence: Sentence) -> bool:
        """Whether a date in a relative clause after a troop level dates something else: always for a
        founding ("ضمن التحالف الذي شكّلته عام 2014"), and for any relative clause when the level is
        told in the present ("تنشر واشنطن 2500 جندي في العراق، الذي غزته عام 2003").  A level told in
        the past may be dated by one: "170 ألف جندي خلال زيادة القوات التي أمر بها بوش عام 2007"."""
        if mention.start < number.end:
            return False
        clause = after_last(self.view[number.end:mention.start], "،,؛")
        if _FOUNDED_CLAUSE.search(clause):
            return True
        return _RELATIVE_PRONOUN.search(clause) is not None \
            and self._present_clause_start(number, sentence, _CLAUSE_START, _PRESENT_LEVEL) is not None

    def _present_clause_start(self, number: NumberMatch, sentence: Sentence, boundaries: re.Pattern[str],
                              present: re.Pattern[str]) -> int | None:
        """Where a level's own clause starts (an aside's commas stay in it) when it tells the level in
        the `present` ("فيما يبلغ حاليا نحو 2500 جندي"): true at publication, not at an earlier clause's date."""
        start = sentence.start
        for boundary in boundaries.finditer(self.view, sentence.start, number.start):
            start = boundary.end()
        own = self.view[start:number.start]
        return start if present.search(own) and not _WAS.search(own) else None

    def _is_dateline(self, mention: DateMention) -> bool:
        """The article's own dateline dates the article, not what it reports (nor does its weekday:
        "الثلاثاء 06-08-2024")."""
        span = self.published.span
        return span is not None and (mention.start == span[0] or (
            mention.end <= span[0] and not self.view[mention.end:span[0]].strip(" ،,-|")))

    def _clause_around(self, number: NumberMatch, sentence: Sentence) -> tuple[int, int]:
        """The commas (or the sentence's ends) around a figure."""
        start = max(self.view.rfind(mark, sentence.start, number.start) for mark in "،,؛")
        end = _CLAUSE_MARK.search(self.view, number.end, sentence.end)
        return start, end.start() if end else sentence.end

    def _in_relative_clause(self, mention: DateMention) -> bool:
        """Whether a relative pronoun opens the clause a date is in: it dates the noun before it."""
        clause_start = max(0, *(self.view.rfind(mark, 0, mention.start) for mark in "،,؛.\n"))
        return _RELATIVE_PRONOUN.search(self.view, clause_start, mention.start) is not None

    def _story_day(self, position: int, sentence: Sentence) -> ResolvedDate | None:
        """The day the article's story happened, as last stated before `position`; a headline above the
        first one tells that day's story ("مقتل 3 جنود أمريكيين" over "… فجر الأحد"), and so does the
        sentence that states it."""
        if self._story_days is None:
            self._story_days = self._find_story_days()
        starts, days = self._story_days
        index = bisect_left(starts, position) - 1
        if index < 0 and days and (starts[0] < sentence.end or self._in_headline(position)):
            index = 0  # "قتل 3 جنود وأصيب 34 آخرون، فجر الأحد": the sentence's own day
        return days[index] if index >= 0 else None

    def _in_headline(self, position: int) -> bool:
        """Whether `position` is on a short line that no full stop ends (a title cut short with "..." may)."""
        line_start, line_end = line_around(self.view, position, position)
        line = self.view[line_start:line_end].rstrip()
        return len(line) <= _HEADLINE_LENGTH and (line.endswith(("...", "…")) or not line.endswith((".", "!", "؟", "?", ":")))

    def _find_story_days(self) -> tuple[list[int], list[ResolvedDate]]:
        """Days stated within a week before a day-precise publication date ("أمس الجمعة", "مساء
        الإثنين (15 فبراير)"), where the text states them: the article's undated sentences after
        one go on reporting that day."""
        starts: list[int] = []
        days: list[ResolvedDate] = []
        published = self.published.value
        if self.published.precision != "day" or published is None:
            return starts, days
        sentence_starts = [sentence.start for sentence in self.sentences]
        for index, mention in enumerate(self.mentions):
            if not names_a_day(mention) or self._opens_period(mention) or self._is_dateline(mention):
                continue  # cannot be the story's day: spares the reading below
            future, resolved = self._reading(index)
            if future or resolved is None or resolved.precision != "day":
                continue
            sentence = bisect_right(sentence_starts, mention.start) - 1
            if _BACKGROUND.search(self.view, sentence_starts[sentence] if sentence >= 0 else 0, mention.start):
                continue  # "وكان الرئيس قد توعد يوم الأحد": told as background
            if days and resolved.value < days[-1].value and mention.relative in _LAST_WEEK \
                    and self._in_relative_clause(mention):
                continue  # "شنت ليل الجمعة غارات … ردا على الهجوم الذي أودى بحياة 3 جنود الأحد الماضي"
            if 0 <= (published - resolved.value).days <= _STORY_DAYS:
                starts.append(mention.start)
                days.append(resolved)
        return starts, days

    # -- all together -----------------------------------------------------------------------
    def read(self) -> None:
        for sentence in self.sentences:
            numbers = sorted(self.numbers(sentence), key=lambda n: n.start)
            whole = sentence
            for index, number in enumerate(numbers):
                sentence = _clamp(self.view, whole, number)
                kind = self.kind_of(number, sentence)
                if kind is None or kind == "skip":
                    continue
                if number.value > MAX_PLAUSIBLE.get(kind, 10**9) or number.value <= 0:
                    self.implausible.append(Implausible(self.view[number.start:number.end], kind,
                                                        number.start, number.end))
                    continue
                next_start = min(numbers[index + 1].start, sentence.end) if index + 1 < len(numbers) else sentence.end
                prev_end = max(numbers[index - 1].end, sentence.start) if index else sentence.start
                qualifier = self.qualifier_of(number, sentence)
                measure = self.measure_of(kind, number, sentence)
                period_start, as_of, as_of_precision = self.dates_of(number, sentence, kind, measure, numbers)
                low, high = _bounds(qualifier, number.value)
                self.claims.append(Claim(
                    kind=kind, measure=measure, value=number.value, low=low, high=high,
                    qualifier=qualifier, scope=self.scope_of(number, sentence, next_start, prev_end),
                    period_start=period_start, as_of=as_of, as_of_precision=as_of_precision,
                    start=number.start, end=number.end, sentence=sentence,
                ))


def _is_one(written: str) -> bool:
    return fold(written) in ("واحد", "واحده")


def _reduced_measure(before: str) -> str | None:
    """"خفض قواتها من 2000 إلى 1400", "ستقلص قواعدها من ثماني قواعد إلى قاعدة واحدة": the figure before
    "إلى" was the level, the one after it the target (a reduction under way or to come); "انخفض العدد
    من 2500 إلى 2000" (it fell), "بعد تقليص عددهم إلى 2500" (after it was cut): the level now."""
    if not (re.search(r"(?:من|إلى|الى)\s+$", before) and _REDUCTION.search(before)):
        return None
    if _FROM_TO.search(before):
        return "level"
    return "level" if _PAST_FALL.search(before) or _AFTER_REDUCTION.search(before) else "planned"


def _other_measure(clause: str) -> str:
    """Bases, vehicles or ships: closed, evacuated or left is a change, deployed in or present at a level
    (whichever the clause says last before the number; "بعد تسليم 8 قواعد" too, not "لم يغلق … قواعده الـ8");
    anything else counted once is an incident."""
    if lx.NEGATION_RE.search(clause):
        return "incident"
    if lx.AFTER_CHANGE_AT_END_RE.search(clause):
        return "change"
    change = [m.end() for m in lx.OTHER_CHANGE_RE.finditer(clause)]
    level = [m.end() for m in lx.OTHER_LEVEL_RE.finditer(clause)]
    if not change and not level:
        return "incident"
    return "change" if max(change, default=-1) > max(level, default=-1) else "level"


def _any_within(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether one of the (sorted, non-overlapping) spans lies within [start, end)."""
    starts, ends = spans
    index = bisect_left(starts, start)
    return index < len(starts) and ends[index] <= end


def _last(matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    """The last of `matches`, if any."""
    last = None
    for last in matches:
        pass
    return last


def _spans(matches: Iterable[re.Match[str]]) -> tuple[list[int], list[int]]:
    matches = list(matches)
    return [m.start() for m in matches], [m.end() for m in matches]


def _place_spans(view: str) -> dict[str, tuple[list[int], list[int]]]:
    """Where the article names Iraq, Syria or the region, by scope."""
    matches = [(m, lx.PLACE_SCOPE[" ".join(m.group().split())]) for m in lx.PLACES_RE.finditer(view)]
    return {scope: _spans(m for m, named in matches if named == scope) for scope in lx.PLACE_NAMES}


def extract_claims(view: str, sentences: list[Sentence], mentions: list[DateMention],
                   published: Published) -> tuple[list[Claim], list[Implausible]]:
    """Claims of one article, in text order; implausible figures apart."""
    reader = _Reader(view, sentences, mentions, published)
    reader.read()
    default = _article_scope(reader.claims)
    claims = [c if c.scope else _with_scope(c, default) for c in reader.claims]
    return claims, reader.implausible


def _article_scope(claims: list[Claim]) -> str | None:
    scopes = [c.scope for c in claims if c.scope]
    return max(sorted(set(scopes)), key=scopes.count) if scopes else None


def _with_scope(claim: Claim, scope: str | None) -> Claim:
    return replace(claim, scope=scope)
