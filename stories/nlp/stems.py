"""The one stemmer: how the rules tell that two words are forms of one word.

Crude on purpose: a plural "s" goes, then the first six letters stand for the word, so
"launching" meets "launched", "harbours" meets "harbour", "talks" meets "talk" and
"unionist" meets "unionism". Comparing reports and remarks needs no more than that, and a
prefix never invents a word that was not there.
"""

from __future__ import annotations

STEM_LETTERS = 6


def stem(word: str) -> str:
    """The stem of one lower-case word."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:STEM_LETTERS]
