"""Arabic text normalisation and number reading.

Extraction runs on a *normalised view* of the article text: diacritics, tatweel and invisible
format characters removed, Arabic-Indic/Persian digits mapped to ASCII.  The view keeps a map back
to the original offsets, so every span found in it can be quoted exactly from the cleaned article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .patterns import FOLDED_SPELLINGS, alternation, translate_runs

# Characters dropped from the normalised view: harakat, superscript alef, tatweel, zero-width and
# bidi controls, BOM.  They carry no meaning for numbers or keywords but break literal matching.
_DROP = re.compile("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٬٫",
    "01234567890123456789,.",
)
_DIGIT_RUN = re.compile("[٠-٩۰-۹٬٫]+")


@dataclass(frozen=True)
class NormText:
    """A normalised view of `original` with a map from view offsets to original offsets."""

    original: str
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in `original` of text[i]; one extra entry at the end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for the view span [start, end)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(original: str) -> NormText:
    """Drop diacritics/tatweel/invisibles and map digits, remembering where each kept char came from."""
    dropped = [m.start() for m in _DROP.finditer(original)]
    if not dropped:
        return NormText(original, translate_runs(original, _DIGIT_RUN, _DIGITS), tuple(range(len(original) + 1)))
    offsets: list[int] = []
    position = 0
    for index in dropped:
        offsets.extend(range(position, index))
        position = index + 1
    offsets.extend(range(position, len(original)))
    kept = _DROP.sub("", original)
    offsets.append(len(original))
    return NormText(original, translate_runs(kept, _DIGIT_RUN, _DIGITS), tuple(offsets))


# ---------------------------------------------------------------------------------------------
# Number words.  Spelling variants are folded by the regex character classes below; values are
# looked up on a folded key (alef forms -> ا, ى -> ي, ة -> ه).

def fold(word: str) -> str:
    """Fold spelling variants so lexicon lookups do not depend on hamza or taa marbuta."""
    return (
        word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي").replace("ة", "ه")
    )


_UNITS = {
    "واحد": 1, "واحده": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثنتا": 2, "اثني": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
_HUNDREDS = {
    "مائه": 100, "مئه": 100, "مائتان": 200, "مائتين": 200, "مئتان": 200, "مئتين": 200, "مائتي": 200,
    "مئتي": 200, "ثلاثمائه": 300, "ثلاثمئه": 300, "اربعمائه": 400, "اربعمئه": 400,
    "خمسمائه": 500, "خمسمئه": 500, "ستمائه": 600, "ستمئه": 600, "سبعمائه": 700, "سبعمئه": 700,
    "ثمانمائه": 800, "ثمانمئه": 800, "تسعمائه": 900, "تسعمئه": 900,
}
# Scale words multiply what precedes them; alone they mean one (or two) of the scale.
_SCALES = {
    "الف": 1000, "الاف": 1000, "الفا": 1000,
    "الفان": 2000, "الفين": 2000, "الفي": 2000,
    "مليون": 10**6, "ملايين": 10**6, "مليونا": 10**6, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6,
    "مليار": 10**9, "مليارات": 10**9, "مليارا": 10**9,
}
_DUAL_SCALES = {"الفان", "الفين", "الفي", "مليونان", "مليونين"}

_PLURAL_SCALES = {"الاف", "ملايين", "مليارات"}
# "أحد عشر", "إحدى عشرة": "أحد" alone is "one of" ("أحد الجنود"), not a number
_ELEVEN = {"احد عشر": 11, "احد عشره": 11, "احدي عشر": 11, "احدي عشره": 11}
_WORD_VALUES: dict[str, int] = {**_UNITS, **_TENS, **_HUNDREDS, **_ELEVEN}
_LEXICON = {*_WORD_VALUES, *_SCALES}
# number words the article turns into something else: "الاثنين" is Monday, "في المئة"/"بالمئة" per cent
_NOT_WITH_ARTICLE = {"اثنين", "اثنان", *(fold(w) for w in ("مئة", "مائة"))}


_PREFIX = "(?:[وفبلك]|ول|وب|فب|فل)?(?:ال)?"  # attached conjunctions/prepositions/article
_NUMWORD = alternation([*_WORD_VALUES, *_SCALES], FOLDED_SPELLINGS)
_SCALE_WORD = alternation(_SCALES, FOLDED_SPELLINGS)

# Digits with an optional scale word ("5.2 ألف"), not glued to a preceding word other than a
# one-letter preposition or the article ("و500", "بـ2500" after normalisation, "ال2500").  The first
# digit is matched before the look-behind so that `re` can skip straight to digits.
DIGITS_RE = re.compile(
    r"(?P<digits>\d(?:(?<![\w.,]\d)|(?<=(?<!\w)[وبلفك]\d)|(?<=(?<!\w)ال\d))"
    r"(?:\d{0,2}(?:,\d{3})+(?!\d)|\d{0,2}(?:\.\d{3})+(?![\d.])|\d*(?:\.\d+)?))"
    rf"(?:\s?(?P<dscale>{_SCALE_WORD})(?!\w))?"
)
# A run of number words joined by و ("ستة وستين", "خمسة آلاف"), after attached prefixes.
WORDS_RE = re.compile(rf"(?<!\w){_PREFIX}(?P<words>(?:{_NUMWORD})(?:\s+و?(?:{_NUMWORD}))*)(?!\w)")
_GROUPED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def digits_value(text: str, scale_word: str | None) -> float:
    """Value of a digit string: ',' groups thousands; '.' groups thousands only as 2.500 with no scale."""
    text = text.replace(",", "")
    if not scale_word and _GROUPED_THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    value = float(text)
    if scale_word:
        value *= _SCALES[fold(scale_word)]
    return value


_WORD_TOKEN = re.compile(r"و?[اأإآ]حد[يى]?\s+عشر[ةه]?|\S+")  # "أحد عشر" is one token


def _number_words(text: str) -> Iterator[tuple[re.Match[str], str, bool]]:
    """Each word of a run of number words, folded and without the "و" that joins it to the word
    before ("وستين" -> "ستين"), and whether it had one."""
    for token in _WORD_TOKEN.finditer(text):
        word = " ".join(fold(token.group()).split())
        if word.startswith("و") and word not in _LEXICON and word[1:] in _LEXICON:
            yield token, word[1:], True
        else:
            yield token, word, False


def words_value(text: str) -> int | None:
    """Value of a run of number words ("ستة وستين" -> 66, "خمسة آلاف" -> 5000); None if not a count."""
    return _value([word for _, word, _ in _number_words(text)])


def _value(tokens: list[str]) -> int | None:
    """Value of folded number words without their joining "و"; None if not a count."""
    if len(tokens) == 1 and tokens[0] in _PLURAL_SCALES:
        return None  # "آلاف" alone means "thousands of", not a figure
    total, group = 0, 0
    for token in tokens:
        if token in _DUAL_SCALES:
            total += group + _SCALES[token]
            group = 0
        elif token in _SCALES:
            total += (group or 1) * _SCALES[token]
            group = 0
        elif token in _WORD_VALUES:
            group += _WORD_VALUES[token]
        else:
            return None
    return total + group


@dataclass(frozen=True)
class NumberMatch:
    """A number found in the normalised view (offsets are view offsets)."""

    start: int
    end: int
    value: int
    is_words: bool
    decimal: bool  # written with a decimal point and no scale word ("3.5")


def find_numbers(text: str) -> list[NumberMatch]:
    """All numbers in a normalised text, digits or words, left to right.

    Digits and number words are searched by two patterns (one pattern for both is slow to try at
    every position) and merged as one left-to-right scan would: a run of words is looked for again
    after any digits that start before it ("5 ألف ألف": the digits take the first "ألف").
    """
    found: list[NumberMatch] = []
    words = WORDS_RE.search(text)
    for digits in DIGITS_RE.finditer(text):
        while words and words.start() < digits.start():
            _add_words(found, words)
            words = WORDS_RE.search(text, words.end())
        found.append(_digits_number(digits))
        if words and words.start() < digits.end():
            words = WORDS_RE.search(text, digits.end())
    while words:
        _add_words(found, words)
        words = WORDS_RE.search(text, words.end())
    return share_scales(text, _join_compounds(text, found))


def _digits_number(match: re.Match[str]) -> NumberMatch:
    digits, scale = match.group("digits"), match.group("dscale")
    decimal = "." in digits and not scale and not _GROUPED_THOUSANDS.fullmatch(digits)
    return NumberMatch(match.start(), match.end(), int(round(digits_value(digits, scale))), False, decimal)


def _add_words(found: list[NumberMatch], match: re.Match[str]) -> None:
    found += word_numbers(match)


# "ألفا قتيل": the dual of a thousand before its noun (the view has no tanween to tell "ألفاً", a thousand)
_NOUN_AFTER = re.compile(r"\s+(?!من(?!\w))[^\W\d]")


def word_numbers(match: re.Match[str]) -> list[NumberMatch]:
    """The numbers of a run of number words: one ("ستة وستين"), or two where "و" cannot join them
    ("بين خمسة وستة آلاف" is 5 and 6000, not 11000)."""
    words = match.group("words")
    if fold(words) in _NOT_WITH_ARTICLE and match.group(0).endswith("ال" + words):
        return []
    offset, found = match.start("words"), []
    for start, end, tokens in _compounds(words):
        value = 2000 if tokens == ["الفا"] and _NOUN_AFTER.match(match.string, offset + end) else _value(tokens)
        if value is not None:
            found.append(NumberMatch(offset + start, offset + end, value, True, False))
    return found


def _compounds(words: str) -> list[tuple[int, int, list[str]]]:
    """A run of number words split into numbers at each "و" that does not continue the number: the
    span of each and its folded words."""
    compounds: list[tuple[int, int, list[str]]] = []
    start, current, previous, previous_end = 0, [], None, 0
    for token, word, joined in _number_words(words):
        value = _WORD_VALUES.get(word) or _SCALES.get(word)
        if joined and previous is not None and value is not None and not _continues(previous, value):
            compounds.append((start, previous_end, current))
            start, current = token.start() + 1, []
        current.append(word)
        previous, previous_end = value, token.end()
    compounds.append((start, len(words), current))
    return compounds


def _continues(previous: int, following: int) -> bool:
    """Whether "previous وfollowing" is one number: a unit then a ten ("خمسة وعشرين"), a ten then a
    unit, hundreds or thousands then something smaller ("مئة وخمسة", "ألفين وخمسمئة")."""
    if previous < 10:
        return following in _TENS.values()
    if previous < 20:
        return False
    if previous < 100:
        return following < 10
    return following < (100 if previous < 1000 else 1000)


RANGE_WORD = r"(?:و|-|–|إلى|الى|أو|او)"  # what joins the two ends of a range ("5 إلى 6", "5 أو 6", "5-6")
_RANGE_JOIN = re.compile(rf"\s*{RANGE_WORD}\s*")
_BETWEEN_AT_END = re.compile(r"بين\s*$")
_SCALED = re.compile(rf"(?P<figure>.*\S)\s?(?P<scale>{alternation(set(_SCALES) - _DUAL_SCALES, FOLDED_SPELLINGS)})",
                     re.DOTALL)


def share_scales(text: str, numbers: list[NumberMatch]) -> list[NumberMatch]:
    """"بين 7 و10 آلاف", "من 5 إلى 6 آلاف", "خمسة أو ستة آلاف": the first figure of a range takes the
    scale word of the second (7000, not 7) when it is smaller than the second's own figure ("بين 500
    و3 آلاف" keeps its 500).  With "و" only after "بين": "5 و6 آلاف" alone could be a list."""
    shared = list(numbers)
    for index in range(len(shared) - 1):
        first, second = shared[index], shared[index + 1]
        join = _RANGE_JOIN.fullmatch(text, first.end, second.start)
        scaled = _SCALED.fullmatch(text, second.start, second.end) if join else None
        if scaled is None or _SCALED.fullmatch(text, first.start, first.end):
            continue
        if join.group().strip() == "و" and not _BETWEEN_AT_END.search(text, max(0, first.start - 8), first.start):
            continue
        scale = _SCALES[fold(scaled.group("scale"))]
        if 0 < first.value < second.value // scale:
            figure = text[first.start:first.end]
            value = first.value * scale if first.is_words else round(digits_value(figure, None) * scale)
            shared[index] = NumberMatch(first.start, first.end, value, first.is_words, False)
    return shared


def _join_compounds(text: str, numbers: list[NumberMatch]) -> list[NumberMatch]:
    """"3 آلاف و500 جندي" is one number, 3500: a thousands figure followed by و and a smaller one."""
    joined: list[NumberMatch] = []
    for number in numbers:
        if joined:
            last = joined[-1]
            if (last.value >= 1000 and last.value % 1000 == 0 and number.value < 1000
                    and re.fullmatch(r"\s*و\s*", text[last.end:number.start])):
                joined[-1] = NumberMatch(last.start, number.end, last.value + number.value, last.is_words, False)
                continue
        joined.append(number)
    return joined
