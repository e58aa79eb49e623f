"""Names as the text writes them, and the keys by which names are compared.

Whatever asks "is this the same name?" (actor clustering, the evaluation against gold) compares
``name_key`` values, so "Kim Jong-un" and "Kim Jong Un" are one name. The stored actors ask a
narrower question, "is this the same spelling?" (``spelling_key``), so that both spellings stay
on record as aliases a reader can see.
"""

from __future__ import annotations

import re

from .lexicon import TITLE_WORDS

_POSSESSIVE = re.compile(r"[’']s?$")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(text: str) -> str:
    """Whether two names are one name: case, spacing, hyphens and dots do not matter."""
    return _NOT_ALNUM.sub("", text.lower())


def spelling_key(name: str) -> str:
    """Whether two names are one spelling: case, spacing and apostrophe style do not matter, but
    a hyphen or a dot does, so "Kim Jong-un" is kept as an alias of "Kim Jong Un"."""
    return " ".join(name.replace("’", "'").lower().split())


def name_tokens(form: str) -> list[str]:
    """Name parts split on spaces and hyphens, so "Jong-un" and "Jong Un" both count two."""
    return [p for p in re.split(r"[\s\-‐–]+", form) if p]


def strip_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading title words off a name: (title words, name words).

    Strips through the last title word of the leading run, keeping at least one name word, so
    "Natural Resources Minister Alexander Kozlov" loses its whole title while "Martin Luther King"
    (title word last) keeps its name.
    """
    cut = 0
    for i, word in enumerate(words[:-1]):
        if word.lower().rstrip(".") in TITLE_WORDS:
            cut = i + 1
        elif not word[:1].isupper():
            break
    return words[:cut], words[cut:]


def clean_form(text: str) -> str:
    """Display form of a name: no possessive, no leading article, no surrounding punctuation."""
    text = text.strip().strip(',;:!?"“”‘’()[]')
    if text.endswith(".") and text.count(".") == 1:
        text = text[:-1]  # a sentence's full stop, not an abbreviation's ("U.S.")
    text = _POSSESSIVE.sub("", text) if re.search(r"[’']s?$", text) else text
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.split())
