"""Sentences of a normalised article text, with their offsets.

A sentence ends at . ! ? ؟ followed by space, at a blank line, or at a line break after closing
punctuation or a photo credit ("(الصورة: غيتي)").  A single line break inside a sentence (common in
scraped pages) does not end it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOUNDARY = re.compile(r"(?<=[.!?؟…])[ \t]+|\n[ \t]*\n\s*|(?<=[.!?؟:…\"”»])[ \t]*\n|\n(?=\s*[-•*]\s)"
                       r"|(?P<bracket>(?<=\))[ \t]*\n)")
# A line that ends with a photo credit ends a sentence: "… عام 2021 (الصورة: غيتي)", "(فرانس برس/أحمد
# الربيعي)".  Another closing bracket at a line end ("كانون الثاني (يناير)", "(رويترز)") is a scraped
# page's line wrap.
_AGENCY = r"(?:رويترز|فرانس\s+برس|أ\s*ف\s*ب|غيتي|الأناضول|أسوشيتد\s+برس|AFP|Reuters|Getty)"
_PHOTO_CREDIT = re.compile(rf"\([^()\n]*(?:(?:الصورة|صورة|تصوير|أرشيف)[^()\n]*|{_AGENCY}\s*[/:][^()\n]*"
                           rf"|[/:]\s*{_AGENCY}[^()\n]*)\)$")
# a line that starts with fewer words (and no dateline mark, no "و") continues the line above
_WRAPPED_WORDS = 2
_DATELINE_MARK = re.compile(r"[-–:|]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Non-empty sentences, trimmed of surrounding whitespace."""
    sentences = []
    position = 0
    boundaries = [b for b in _BOUNDARY.finditer(text)
                  if not b.group("bracket") or _PHOTO_CREDIT.search(text, max(0, b.start() - 200), b.start())]
    for boundary in [*boundaries, None]:
        end = boundary.start() if boundary else len(text)
        chunk = text[position:end]
        stripped_start = position + (len(chunk) - len(chunk.lstrip()))
        stripped_end = position + len(chunk.rstrip())
        if stripped_end > stripped_start:
            sentences.append(Sentence(stripped_start, stripped_end))
        position = boundary.end() if boundary else len(text)
    return sentences


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding text[start:end] starts and ends (without its line breaks)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text)


def after_last(text: str, separators: str) -> str:
    """The text after the last of `separators` (all of it if there is none): the current clause."""
    return text[max(text.rfind(separator) for separator in separators) + 1:]


def clause_before(before: str, separators: str) -> str:
    """The clause that `before` ends with: after the last of `separators` and the last line break,
    unless fewer than _WRAPPED_WORDS words follow that break, and no dateline mark ("بغداد -",
    "آخر تحديث:") or opening "و" (a new sentence under a headline): a scraped page wrapped the
    sentence there ("سيصل بحلول نهاية العام\nإلى 4000")."""
    lines = before.split("\n")
    clause = lines[-1]
    if len(lines) > 1 and len(clause.split()) < _WRAPPED_WORDS and not _DATELINE_MARK.search(clause) \
            and not clause.lstrip().startswith("و") and lines[-2].strip():
        clause = lines[-2] + " " + clause
    return after_last(clause, separators)

