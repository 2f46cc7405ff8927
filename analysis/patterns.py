"""Word lists as fast regular expressions.

Python's `re` tries the alternatives of `a|b|c|…` one after another at every position of the text,
so a list of a hundred words costs a hundred tries per character.  `alternation` writes the same
list as a trie (`ثلاث(?:ين|ون|ه)?…`): each position costs a few character tests, and the regex
matches exactly what the flat, longest-first alternation matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A folded letter stands for every spelling that folds to it (see arabic.fold).
FOLDED_SPELLINGS = {"ا": "[اأإآ]", "ي": "[يى]", "ه": "[هة]"}


def alternation(words: Iterable[str], spellings: dict[str, str] | None = None) -> str:
    """A regex (no groups) matching any of `words`, longest first where one word begins another.

    `spellings` maps a character to the regex it stands for (e.g. FOLDED_SPELLINGS); a space always
    stands for any run of whitespace.
    """
    char_regex = {" ": r"\s+", **(spellings or {})}
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        branches = [char_regex.get(char, re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: try the longer words first, then stop
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return emit(trie)
