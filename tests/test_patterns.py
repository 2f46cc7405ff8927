"""The fast forms of the extractors' patterns find exactly what the plain forms find.

Speed-ups (word lists as tries, patterns searched only near their anchors, numbers scanned in two
passes, lines folded without str.translate) must not change a single match: each is checked here
against the slow, obvious form on generated text.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import arabic, clean, dates, lexicon
from analysis.claims import _ANY_QUALIFIER_AT_END
from analysis.patterns import FOLDED_SPELLINGS, alternation, finditer_near, translate_runs

def _flat(words, spellings=None):
    """The plain form: every word spelled out, longest first."""
    def spell(char):
        if char == " ":
            return r"\s+"
        options = (spellings or {}).get(char, char)
        return f"[{options}]" if len(options) > 1 else re.escape(options)
    return "|".join("".join(map(spell, w)) for w in sorted(set(words), key=len, reverse=True))


WORD = st.text(alphabet="ابتيهولن ", min_size=1, max_size=5).map(str.strip).filter(bool)
TEXT_PIECE = st.one_of(WORD, st.sampled_from(["أ", "آ", "ى", "ة", " ", "  ", "\n", "1", "x", "،"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=12), st.lists(TEXT_PIECE, max_size=30).map("".join))
def test_trie_matches_the_flat_longest_first_alternation(words, text):
    for spellings in (None, FOLDED_SPELLINGS):
        flat = re.compile(rf"(?<!\w)(?:{_flat(words, spellings)})(?!\w)")
        trie = re.compile(alternation(words, spellings, word_start=True) + r"(?!\w)")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
        inner = re.compile(alternation(words, spellings))  # no word boundaries: same leftmost-longest
        assert [m.span() for m in inner.finditer(text)] == [m.span() for m in re.finditer(_flat(words, spellings), text)]
        # a word may also follow a word-initial "و" ("والثلاثاء"), which the match leaves out
        flat = re.compile(rf"(?:(?<!\w)|(?<=(?<!\w)و))(?:{_flat(words, spellings)})(?!\w)")
        trie = re.compile(alternation(words, spellings, word_start=True, after_and=True) + r"(?!\w)")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


DATE_PIECES = st.sampled_from([
    "2023", "2024", "1999", "17", "3", "31", "12", "/", "-", ".", " ", "  ", "\n", "منذ", "في", "عام", "العام",
    "لعام", "سنة", "منتصف", "أواخر", "بين", "من", "و", "إلى", "(", ")", "أكتوبر", "تشرين الأول", "كانون  الثاني",
    "آب", "أيلول/ سبتمبر", "يوم الثلاثاء", "الماضي", "العام الماضي", "شهر", "هجوما", "2023-10-17", "17/10/2023",
])


def _optional(*pieces):
    return st.sampled_from(("",) + pieces)


# The longest forms each pattern allows, part by part, so that a window too short shows up.
LONG_DATE = st.tuples(
    st.sampled_from(["هجوما", "قال", "2024"]), _optional("يوم الأربعاء", "الخميس"), _optional("،", ",", "-", "(", "، "),
    _optional("بدايات", "منتصف", "بحلول", "في"), _optional("17 إلى", "3 و", "1-"), _optional("31", "31 /", "5-"),
    _optional("من"), _optional("شهر"), st.sampled_from(["كانون الأول", "تشرين الثاني", "أيلول", "آب"]),
    _optional("/ ديسمبر", "(كانون الأول)", "/سبتمبر"), _optional("/ من العام 2019", "لعام 2020", "، 2021", "2021"),
    _optional("من العام الماضي", "المنصرم", "الماضي"), st.sampled_from(["", "الماضيين", "2", "هجوما"]),
).flatmap(lambda parts: st.sampled_from([" ", "  ", "\n"]).map(lambda gap: gap.join(p for p in parts if p)))
LONG_YEAR = st.tuples(
    _optional("بحلول", "منذ"), _optional("منتصف", "بداية"), _optional("لالعام", "بالعام", "عام"),
    st.sampled_from(["2019", "2003 و2011", "2003 إلى 2011", "(2003-2011)", "31/12/2019", "2019-12-31"]),
    st.sampled_from(["", "5", " جندي"]),
).flatmap(lambda parts: st.sampled_from([" ", "  "]).map(lambda gap: "بين " + gap.join(p for p in parts if p)))


@settings(max_examples=400, deadline=None)
@given(st.lists(DATE_PIECES, max_size=25).map(" ".join), st.lists(DATE_PIECES, max_size=25).map("".join),
       LONG_DATE, LONG_YEAR)
def test_searching_near_anchors_finds_every_date(spaced, glued, long_date, long_year):
    for text in (spaced, glued, long_date, long_year):
        years = [m.span() for m in dates._YEAR_HIT.finditer(text)]
        months = [m.span() for m in dates._MONTH_HIT.finditer(text)]
        for pattern, anchors, reach in (
                (dates.NUMERIC_DATE_RE, years, dates._AROUND_YEAR["numeric"]),
                (dates.YEAR_RE, years, dates._AROUND_YEAR["year"]),
                (dates.YEAR_RANGE_RE, years, dates._AROUND_YEAR["range"]),
                (dates.DATE_RE, months, dates._AROUND_MONTH)):
            near = [m.span() for m in finditer_near(pattern, text, anchors, *reach)]
            assert near == [m.span() for m in pattern.finditer(text)], pattern.pattern[:60]


# The number finder as one pattern with flat word lists, as it was before digits and words were
# scanned apart and the word lists became tries.
_NUMWORD = _flat([*arabic._WORD_VALUES, *arabic._SCALES], FOLDED_SPELLINGS)
_ONE_PATTERN = re.compile(
    rf"(?:(?<![\w.,])|(?<=(?<!\w)[وبلفك])|(?<=(?<!\w)ال))"
    rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:\.\d{{3}})+(?![\d.])|\d+(?:\.\d+)?)"
    rf"(?:\s?(?P<dscale>{_flat(arabic._SCALES, FOLDED_SPELLINGS)})(?!\w))?"
    rf"|(?<!\w){arabic._PREFIX}(?P<words>(?:{_NUMWORD})(?:\s+و?(?:{_NUMWORD}))*)(?!\w)"
)


def _numbers_with_one_pattern(text):
    found = []
    for m in _ONE_PATTERN.finditer(text):
        if m.group("digits"):
            digits, scale = m.group("digits"), m.group("dscale")
            decimal = "." in digits and not scale and not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits)
            found.append(arabic.NumberMatch(m.start(), m.end(), round(arabic.digits_value(digits, scale)), False,
                                            decimal))
        else:
            found += arabic.word_numbers(m)
    return found


NUMBER_PIECES = st.sampled_from([
    "5", "2500", "2,500", "2.500", "3.5", "و500", "ال2500", "ب14", "x7", "7x", " ", "  ", "\n", "،", "ألف", "آلاف",
    "مليون", "خمسة", "ثلاثة آلاف", "ستة وستين", "وستة", "بين", "أو", "الاثنين", "اثنين", "مئتي", "ألفي", "جندي",
    "هجوما", ".", ",",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(NUMBER_PIECES, max_size=25).map(" ".join), st.lists(NUMBER_PIECES, max_size=25).map("".join))
def test_numbers_found_in_two_scans_are_those_of_one_pattern(spaced, glued):
    for text in (spaced, glued):
        one_scan = arabic._join_compounds(text, _numbers_with_one_pattern(text))
        assert arabic.find_numbers(text) == arabic.share_scales(text, one_scan)


FOLD_ALPHABET = st.sampled_from(
    list("أإآٱىةـاهيبت١٢۳0aBİ") + ["\u064e", "\u0670", "\u200b", "\u200f", "\u061c", "\ufeff", "\xad",
                                    " ", "  ", "\n", "\t", "\xa0", "\u2003", "\x1c", "\u3000", "\u2028"])


@settings(max_examples=300, deadline=None)
@given(st.lists(FOLD_ALPHABET, max_size=60).map("".join))
def test_line_folding_equals_the_translation_table(text):
    lines = text.split("\n")
    expected = [re.sub(r"\s+", " ", line.translate(clean._FOLD).lower()).strip() for line in lines]
    assert [clean._fold(line) for line in lines] == expected
    assert [" ".join(line.split()) for line in clean._fold_letters(text).split("\n")] == expected  # a page at once


QUALIFIER_PIECES = st.sampled_from([
    "ما", "لا", "يقل", "عن", "عددهم", "على", "الأقل", "الاقل", "أقل", "من", "يتجاوز", "تتجاوز", "يزيد", "تزيد",
    "يتعدى", "دون", "أكثر", "قليلا", "بقليل", "يربو", "يفوق", "تفوق", "تجاوز", "تجاوزت", "فوق", "نيف", "نيفا", "و",
    "نحو", "بنحو", "وحوالي", "حوالى", "قرابة", "زهاء", "بحدود", "يقارب", "مايقارب", "يقرب", "يناهز", "في", "حدود",
    "تقريبا", "جندي", "هجوما", "(", "،", "x",
])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="٠١٩۰۵۹٬٫0 5,.عربيx\n", max_size=40))
def test_translating_digit_runs_equals_translating_everything(text):
    assert translate_runs(text, arabic._DIGIT_RUN, arabic._DIGITS) == text.translate(arabic._DIGITS)


@settings(max_examples=500, deadline=None)
@given(st.lists(QUALIFIER_PIECES, max_size=8), st.sampled_from(["", " ", "  ", "\n", "\t "]))
def test_no_qualifier_phrase_escapes_the_quick_test(words, end):
    for text in (" ".join(words) + end, "".join(words) + end):
        if _ANY_QUALIFIER_AT_END.search(text):
            assert lexicon.may_end_with_qualifier(text), text


@pytest.mark.parametrize("text", [  # one example of every alternative of lexicon.QUALIFIERS
    "ما لا يقل عن ", "لا يقل عددهم عن", "على الأقل ", "على الاقل", "أقل من ", "لا يتجاوز ", "لا تتجاوز عددهم ",
    "لا يزيد عددهم عن ", "لا تزيد على ", "لا يتعدى عددها ", "ما دون ", "أكثر قليلا من ", "ازيد من", "ما يزيد عن ",
    "يربو على ", "تزيد قليلا على", "ما يفوق ", "تفوق", "تجاوز عددها ", "يتجاوز", "فوق ", "نيف و", "نيفا و ",
    "بنحو ", "وحوالي ", "حوالى", "قرابة ", "زهاء ", "بحدود ", "مايقارب ", "يقارب من ", "يقرب من ", "يناهز ",
    "في حدود ", "تقريبا ", "ما يقارب ",
])
def test_every_qualifier_phrase_passes_the_quick_test(text):
    assert _ANY_QUALIFIER_AT_END.search(text), "the example must be a qualifier phrase"
    assert lexicon.may_end_with_qualifier(text)


_CASUALTY_PATTERNS = ((lexicon.KILLED_WORDS, lexicon.KILLED_RE, lexicon.may_name_casualty),
                      (lexicon.INJURED_WORDS, lexicon.INJURED_RE, lexicon.may_name_casualty),
                      (lexicon.MISSING_WORDS, lexicon.MISSING_RE, lexicon.may_name_missing))


@pytest.mark.parametrize(("word", "pattern", "quick_test"), [
    (w, pattern, quick_test) for groups, pattern, quick_test in _CASUALTY_PATTERNS for words in groups for w in words])
def test_every_casualty_word_passes_the_quick_test(word, pattern, quick_test):
    assert pattern.fullmatch(word), "the word must be one the pattern finds"
    assert quick_test(word)
    assert not quick_test(word[:2])  # the test is not always true


@pytest.mark.parametrize("word", ["حياتهم", "حياته", "حياتهما", "أرواحهم", "ارواحهم"])
def test_lost_lives_pass_the_missing_quick_test(word):
    assert lexicon.LOST_LIVES_RE.fullmatch(word)
    assert lexicon.may_name_missing(word)


@pytest.mark.parametrize("clause", ["أوصى مسؤولون بإبقاء ", "قررت الإدارة الإبقاء على ", "اتفقا على بقاء ",
                                    "تنوي الاحتفاظ بـ", "وقدم خطة لإبقاء قوة قوامها ", "ومن المقرر أن يبقى ",
                                    "ومن المتوقع أن يصل عدد الجنود في سوريا إلى "])
def test_every_plan_to_keep_troops_passes_the_quick_test(clause):
    assert lexicon.KEEP_AT_END_RE.search(clause), "the example must be a plan the pattern finds"
    assert lexicon.may_keep(clause)
    assert not lexicon.may_keep("وتنشر واشنطن ")
