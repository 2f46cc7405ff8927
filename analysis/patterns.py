"""Fast forms of the extractors' regular expressions, matching exactly what the plain forms match.

Python's `re` tries the alternatives of `a|b|c|…` one after another at every position of the text,
so a list of a hundred words costs a hundred tries per character.  `alternation` writes the same
list as a trie (`ثلاث(?:ين|ون|ه)?…`): each position costs a few character tests.  `finditer_near`
runs a long pattern only in windows around what a cheap search found (a year, a month name).
`translate_runs` translates only the runs of characters that change.  tests/test_patterns.py checks
them against the plain forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# A folded letter stands for every spelling that folds to it (see arabic.fold).
FOLDED_SPELLINGS = {"ا": "اأإآ", "ي": "يى", "ه": "هة"}
_NOT_AFTER_WORD = r"(?<!\w.)"  # after a word's first letter: no letter or digit before that letter
_NOT_AFTER_WORD_OR_AND = r"(?:(?<!\w.)|(?<=(?<!\w)و.))"  # … or only a word-initial "و"


def alternation(words: Iterable[str], spellings: dict[str, str] | None = None,
                word_start: bool = False, after_and: bool = False) -> str:
    r"""A regex (no groups) matching any of `words`, longest first where one word begins another.

    `spellings` maps a character to the characters it stands for (e.g. FOLDED_SPELLINGS); a space
    stands for any run of whitespace.  With `word_start`, a match must not follow a letter or digit,
    as with a leading `(?<!\w)`; the check is written after each first letter so that `re` can skip
    ahead to the letters words begin with instead of trying every position.  With `after_and` too, a
    match may also follow a word-initial "و" ("والثلاثاء"), which it leaves out.
    """
    spellings = spellings or {}
    word_check = _NOT_AFTER_WORD_OR_AND if after_and else _NOT_AFTER_WORD

    def char_regex(char: str) -> str:
        if char == " ":
            return r"\s+"
        spelled = spellings.get(char, char)
        return re.escape(spelled) if len(spelled) == 1 else f"[{spelled}]"

    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict, top: bool = False) -> str:
        if top and word_start:
            branches = [re.escape(spelled) + word_check + emit(child)
                        for char, child in sorted(node.items()) if char for spelled in spellings.get(char, char)]
        else:
            branches = [char_regex(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: try the longer words first, then stop
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return emit(trie, top=True)


def finditer_near(pattern: re.Pattern[str], text: str, anchors: Iterable[tuple[int, int]],
                  back: int, ahead: int) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match lies around an anchor (a month name,
    a year) that a cheap search found: only windows reaching `back` non-space characters before and
    `ahead` after each anchor (plus the spaces next to them) are searched.  That finds the same
    matches when no match reaches further (`ahead` includes what the pattern's look-ahead reads);
    a pattern with an unbounded part (DATE_RE's run of separators after a weekday) is found only
    where that part fits in the window."""
    reversed_text = text[::-1]  # reaching back is reaching forward in the reversed text
    windows: list[list[int]] = []
    for anchor_start, anchor_end in anchors:
        start = len(text) - _reach(reversed_text, len(text) - anchor_start, back)
        end = _reach(text, anchor_end, ahead)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


@lru_cache(maxsize=None)
def _nonspace_run(steps: int) -> re.Pattern[str]:
    return re.compile(rf"(?:\s*\S){{0,{steps}}}\s*")


def _reach(text: str, position: int, steps: int) -> int:
    """The position past the next `steps` non-space characters from `position` and the spaces after."""
    return _nonspace_run(steps).match(text, position).end()


def translate_runs(text: str, runs: re.Pattern[str], table: dict[int, str | int | None]) -> str:
    """`text.translate(table)` for a table that only changes what `runs` matches (digits, say):
    `str.translate` looks up every character of an article, this only the few runs that change."""
    if not runs.search(text):
        return text
    return runs.sub(lambda run: run.group().translate(table), text)
