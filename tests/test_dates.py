"""Arabic dates in three month-name families, resolved against a publication date."""

from datetime import date

import pytest

from analysis.arabic import normalize
from analysis.dates import find_dates, resolve


def first(text: str, published: date, precision: str = "day", future: bool = False):
    view = normalize(text).text
    mentions = find_dates(view)
    assert mentions, text
    return resolve(mentions[0], published, precision, future)


@pytest.mark.parametrize("text, expected, precision", [
    ("الاثنين 03 شباط 2025 الساعة 22:41", date(2025, 2, 3), "day"),
    ("بحلول أيلول/ سبتمبر 2025", date(2025, 9, 1), "month"),
    ("في آب من عام 2023", date(2023, 8, 1), "month"),
    ("في 3 يناير 2020", date(2020, 1, 3), "day"),
    ("(15 فبراير/شباط 2021)", date(2021, 2, 15), "day"),
    ("في 12 جانفي 2024", date(2024, 1, 12), "day"),
    ("منتصف تشرين الأول/ أكتوبر 2023", date(2023, 10, 15), "month"),
    ("أواخر العام 2019", date(2019, 1, 1), "year"),
    ("27 02 2021 | تقارير", date(2021, 2, 27), "day"),
    ("السبت - ١٦ / نوفمبر / ٢٠٢٤", date(2024, 11, 16), "day"),
    ("ع. ب / وكالات\n2024/02/03 10:15", date(2024, 2, 3), "day"),  # year first, with slashes
    ("نشر في 2023.10.05", date(2023, 10, 5), "day"),
])
def test_explicit_dates(text, expected, precision):
    resolved = first(text, date(2026, 1, 1))
    assert (resolved.value, resolved.precision) == (expected, precision)


def test_since_17_october_in_a_january_2024_article_is_2023():
    resolved = first("تعرضوا لأكثر من 60 هجومًا منذ 17 أكتوبر", date(2024, 1, 10))
    assert resolved.value == date(2023, 10, 17)
    assert find_dates(normalize("منذ 17 أكتوبر").text)[0].cue == "منذ"


def test_weekday_is_the_latest_on_or_before_publication():
    # 10 January 2024 was a Wednesday; the latest Tuesday on or before it is 9 January.
    assert first("غارات جوية يوم الثلاثاء", date(2024, 1, 10)).value == date(2024, 1, 9)
    assert first("غارات جوية يوم الأربعاء", date(2024, 1, 10)).value == date(2024, 1, 10)


def test_relative_words():
    assert first("قال أمس", date(2024, 1, 10)).value == date(2024, 1, 9)
    assert first("العام الماضي", date(2021, 7, 1), "month").value.year == 2020
    assert first("في أبريل/نيسان المقبل", date(2021, 2, 16)).value == date(2021, 4, 1)


@pytest.mark.parametrize("text", [
    'بحسب موقع "روسيا اليوم".', "نقلت روسيا اليوم عن مصدر", 'وأفاد المصدر لـ"بغداد اليوم" بأن القوات',
    "عنوان\nالمغرب اليوم - بغداد", "في وقت سابق من اليوم ذاته", "وفي اليوم التالي انسحبت القوات",
    "في الثامن من الشهر، وهو اليوم الذي سقط فيه النظام",
])
def test_today_that_is_not_today(text):
    # outlets named "<place> اليوم", and "the same / the next day"
    assert [m.relative for m in find_dates(text)] == []


@pytest.mark.parametrize("text", ["أعلن اليوم أن القوات", "قال المتحدث اليوم - الثلاثاء - إن", 'وقال: "نحن اليوم أقوى"',
                                  "قال اليوم - الأحد 4 شباط - إن", 'وقال القائد: "انسحبنا اليوم"',
                                  "العراق اليوم يواجه تحديات"])
def test_today(text):
    assert "اليوم" in [m.relative for m in find_dates(text)]


def test_a_month_after_and():
    found = find_dates("وتعرضت القواعد لهجمات في كانون الأول 2023 وكانون الثاني 2024.")
    assert [(m.month, m.year) for m in found] == [(12, 2023), (1, 2024)]


def test_future_day_month_goes_forward():
    assert first("سيعقد اجتماع 26 يوليو", date(2021, 7, 9), future=True).value == date(2021, 7, 26)


def test_day_range():
    resolved = first("خلال الفترة الممتدة من 17 إلى 31 تشرين أول/ أكتوبر الماضي", date(2023, 11, 1))
    assert (resolved.value, resolved.end) == (date(2023, 10, 17), date(2023, 10, 31))


@pytest.mark.parametrize("text", ["31 شباط 2025", "32 يناير 2024", "مارس ضغوطا كبيرة"])
def test_impossible_or_ambiguous_dates_are_not_dates(text):
    assert find_dates(normalize(text).text) == []


@pytest.mark.parametrize("text, written, day, day_first", [
    # "from 2025 to September 2026": the "25" of 2025 is not the first day of a range
    ("في الفترة من 2025 إلى أيلول 2026", "أيلول 2026", None, None),
    ("من 2025 إلى 5 أيلول 2026", "5 أيلول 2026", 5, None),
    ("بين 2029 و 3 شباط 2030", "3 شباط 2030", 3, None),
    # a "range" whose first day is not before its last is no range
    ("من 30-2 شباط 2024", "2 شباط 2024", 2, None),
    ("من 17 إلى 20 أيلول 2026", "17 إلى 20 أيلول 2026", 20, 17),
])
def test_a_year_before_a_date_is_not_a_day_range(text, written, day, day_first):
    view = normalize(text).text
    mention = next(m for m in find_dates(view) if m.month is not None)
    assert (view[mention.start:mention.end], mention.day, mention.day_first) == (written, day, day_first)
    resolved = resolve(mention, date(2025, 10, 12), "day")
    assert resolved.end is None or resolved.value < resolved.end


def test_a_page_of_thousands_of_dates_keeps_each_once():
    # the overlap check is a look-up among the spans taken so far: every date of a long page is
    # found once; the year pass does not take "عام 2023" of a full date again, and "هذا العام" (a
    # later pass, starting before the year's span) does not take "العام 2023" again
    text = "، ".join(f"في {day % 28 + 1} أكتوبر من عام 2023 وفي هذا العام {2000 + day % 20}" for day in range(3000))
    view = normalize(text).text
    mentions = find_dates(view)
    assert [view[m.start:m.end] for m in mentions[:4]] == ["1 أكتوبر من عام 2023", "العام 2000",
                                                             "2 أكتوبر من عام 2023", "العام 2001"]
    assert len(mentions) == 6000
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_a_weekday_after_and():
    text = "تعرضت القاعدة لهجمات بين الأحد والثلاثاء."
    # the second mention starts after "و", as "وكانون الثاني" does
    assert [(m.weekday, text[m.start:m.end]) for m in find_dates(text)] == [(6, "الأحد"), (1, "الثلاثاء")]


def test_that_day_takes_the_day_named_before_it():
    text = "قصفت الطائرات مواقع يوم الجمعة 2 شباط. وفي اليوم ذاته أطلقت الفصائل صواريخ. وفي ذلك اليوم أيضا"
    same = [m for m in find_dates(text) if m.start > text.index(".")]
    assert [(m.month, m.day, m.weekday, text[m.start:m.end]) for m in same] == [
        (2, 2, 4, "اليوم ذاته"), (2, 2, 4, "ذلك اليوم")]
    # with no day named before it, "ذلك اليوم" is no date at all, and never today
    assert find_dates("وفي ذلك اليوم أطلقت الفصائل صواريخ") == []


def test_that_day_after_since_and_the_day_of_ones_choosing():
    text = "وتعرضت القوات لهجمات منذ 17 تشرين الأول. وفي ذلك اليوم أطلقت الفصائل طائرات مسيرة."
    assert [(m.month, m.day) for m in find_dates(text)] == [(10, 17), (10, 17)]
    # "في اليوم نفسه الذي يختاره": the day it will choose, no date
    text = "قتل 3 جنود يوم الأحد 28 كانون الثاني. وأكد البنتاغون أن الرد سيكون في اليوم نفسه الذي يختاره."
    assert [(m.month, m.day) for m in find_dates(text)] == [(1, 28)]
    # "في مثل هذا اليوم": an anniversary, not today
    assert [m.relative for m in find_dates("وفي مثل هذا اليوم من عام 2020 اغتالت واشنطن سليماني.")] == [None]


def test_weekdays_last_week_in_the_dual():
    # "يومي الجمعة والسبت الماضيين": "الماضيين" is read, not cut to "الماضي" + "ين"
    found = find_dates("وتعرضت القواعد لهجمات يومي الجمعة والسبت الماضيين.")
    assert [(m.weekday, m.relative) for m in found] == [(4, None), (5, "الماضيين")]


def test_a_cue_before_a_part_of_the_month():
    # "بحلول نهاية أيلول 2025" is a deadline: the cue is kept with the modifier
    found = find_dates("ستنسحب القوات بحلول نهاية أيلول 2025 وحتى منتصف آذار")
    assert [(m.cue, m.modifier, m.month, m.year) for m in found] == [("بحلول", "نهاية", 9, 2025), ("حتى", "منتصف", 3, None)]


@pytest.mark.parametrize("text, expected", [
    # days written as ordinals, with a month name or a month named relative to publication
    ("ضربت القوات فجر الثاني من شباط/فبراير 85 هدفاً", date(2024, 2, 2)),
    ("لم يسجل أي هجوم منذ الرابع من شباط.", date(2024, 2, 4)),
    ("سقطت الموصل في العاشر من يونيو/ حزيران 2014", date(2014, 6, 10)),
    ("في الحادي والعشرين من تشرين الأول 2023", date(2023, 10, 21)),
    ("في الأول من كانون الثاني", date(2024, 1, 1)),
    ("تسلمت القوات في الثامن عشر من الشهر الجاري قاعدة فيكتوري", date(2024, 2, 18)),
    ("في الرابع والعشرين من الشهر الماضي", date(2024, 1, 24)),
])
def test_ordinal_days(text, expected):
    resolved = first(text, date(2024, 2, 11))
    assert (resolved.value, resolved.precision) == (expected, "day")


def test_an_ordinal_without_a_month_is_no_date():
    assert find_dates(normalize("وعقدت اللجنة جولتها الثانية من المحادثات").text) == []


@pytest.mark.parametrize("text, expected", [
    ("قتل جندي في 18 من الشهر الجاري", date(2024, 2, 18)),  # digits, like "الثامن عشر من الشهر الجاري"
    ("هجوم في 25 من الشهر الماضي", date(2024, 1, 25)),
])
def test_a_day_in_digits_of_a_month_named_relative_to_publication(text, expected):
    assert first(text, date(2024, 2, 20)).value == expected


def test_a_day_of_the_same_month_takes_the_month_named_before_it():
    view = normalize("تعرضت القاعدة لهجوم في 17 تموز، ثم لهجوم بأربعة صواريخ في 25 من الشهر ذاته.").text
    later = find_dates(view)[1]
    assert view[later.start:later.end] == "25 من الشهر ذاته"
    assert resolve(later, date(2024, 8, 6), "day").value == date(2024, 7, 25)


def test_the_night_between_two_weekdays_is_the_day_after_midnight():
    view = normalize("سقطت الصواريخ عند منتصف ليل الإثنين-الثلاثاء.").text
    mentions = find_dates(view)
    assert [view[m.start:m.end] for m in mentions] == ["الثلاثاء"]
    assert resolve(mentions[0], date(2020, 1, 21), "day").value == date(2020, 1, 21)
    # two days that are not one night stay two mentions
    assert len(find_dates(normalize("بين الأحد والثلاثاء").text)) == 2
