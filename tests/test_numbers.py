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


@pytest.mark.parametrize("text", ["عشرات الآلاف من العراقيين", "يوم الاثنين", "الثلاثاء", "الأربعاء"])
def test_not_numbers(text):
    assert values(text) == []


def test_offsets_map_back_through_removed_characters():
    text = "أطلق ثـلاثةَ صواريخ"
    norm = normalize(text)
    number = find_numbers(norm.text)[0]
    start, end = norm.span(number.start, number.end)
    assert text[start:end] == "ثـلاثة"  # the tatweel inside is kept, the trailing fatha is not part of it
