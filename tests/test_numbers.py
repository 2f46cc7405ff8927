"""Arabic numbers as written in the news: digits, separators, words, duals, thousands words."""

import pytest

from analysis.arabic import find_numbers, normalize


def values(text: str) -> list[int]:
    view = normalize(text).text
    return [n.value for n in find_numbers(view)]


@pytest.mark.parametrize("text, expected", [
    ("أكثر من 60 هجومًا", [60]),
    ("حوالي 2,500 جندي", [2500]),
    ("نحو 2.500 جندي", [2500]),
    ("٢٬٥٠٠ جندي", [2500]),
    ("۲۵۰۰ جندي", [2500]),
    ("سينخفض من 5.2 ألف جندي", [5200]),
    ("2.5 مليون نسمة", [2500000]),
    ("70 ألف عنصر", [70000]),
    ("قرابة 204 ألاف عنصر", [204000]),
    ("نحو خمسة آلاف جندي", [5000]),
    ("إلى 3 آلاف خلال شهر", [3000]),
    ("بنحو ألفي جندي", [2000]),
    # a thousand in the dual before its noun; the view has no tanween, so "ألفاً" alone stays a thousand
    ("ألفا قتيل أمريكي في العراق", [2000]),
    ("قتل ألفاً من المسلحين", [1000]),
    ("بلغ عددهم ألفاً.", [1000]),
    ("نحو 29 ألفاً و300 جريح", [29300]),
    ("ما يقارب ألف جندي", [1000]),
    ("ستةٍ وستين هجوماً", [66]),
    ("ثلاث غارات", [3]),
    ("بعشرة صواريخ", [10]),
    ("أمريكيين اثنين", [2]),
    ("ثـلاثة صواريخ", [3]),  # tatweel
    ("ثَلاثَة صواريخ", [3]),  # diacritics
    ("ثلا\u200bثة صواريخ", [3]),  # zero-width space inside the word
    ("و11 في سوريا", [11]),
    ("الضحايا الـ146", [146]),
])
def test_numbers(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ما بين 7 و10 آلاف مقاتل", [7000, 10000]),  # the first figure of a range shares the scale word
    ("من 5 إلى 6 آلاف جندي", [5000, 6000]),
    ("3 أو 4 آلاف جندي", [3000, 4000]),
    ("بين 2.5 و3 ملايين", [2500000, 3000000]),
    ("بين 500 و3 آلاف جندي", [500, 3000]),  # larger than the second's own figure: not shared
    ("أرسلت 5 صواريخ و10 آلاف طلقة", [5, 10000]),  # a noun between: two figures
    ("قتل 5 و10 آلاف نزحوا", [5, 10000]),  # "و" is a range only after "بين"
    ("ما بين خمسة وستة آلاف جندي", [5000, 6000]),  # "و" cannot join two units: not 11000
    ("بين سبعة وعشرة آلاف", [7000, 10000]),
    ("بين عشرين وثلاثين صاروخا", [20, 30]),
    ("ثلاثة وعشرون هجوما", [23]),  # a unit then a ten is one number
    ("مئة وخمسة وعشرين جنديا", [125]),
    ("ثلاثة آلاف وخمسمئة جندي", [3500]),
    ("ألفين ومئتين", [2200]),
    ("سقط أحد عشر منها داخل القاعدة", [11]),  # "أحد عشر" is eleven; "أحد" alone is "one of"
    ("وأطلقت إحدى عشرة قذيفة", [11]),
    ("قتل أحد الجنود", []),
])
def test_ranges_and_lists_of_number_words(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", ["عشرات الآلاف من العراقيين", "يوم الاثنين", "الثلاثاء", "الأربعاء"])
def test_not_numbers(text):
    assert values(text) == []


def test_offsets_map_back_through_removed_characters():
    text = "أطلق ثـلاثةَ صواريخ"
    norm = normalize(text)
    number = find_numbers(norm.text)[0]
    start, end = norm.span(number.start, number.end)
    assert text[start:end] == "ثـلاثة"  # the tatweel inside is kept, the trailing fatha is not part of it
