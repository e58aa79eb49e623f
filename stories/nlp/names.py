"""Names as the text writes them, and the keys by which names are compared.

Whatever asks "is this the same name?" (actor clustering, the evaluation against gold) compares
``name_key`` values, so "Rui Costa-Reis" and "Rui Costa Reis" are one name. The stored actors ask a
narrower question, "is this the same spelling?" (``spelling_key``), so that both spellings stay
on record as aliases a reader can see.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Token

from .lexicon import ABBREVIATED_TITLES, TITLE_WORDS

_POSSESSIVE = re.compile(r"[’']s?$")
_NOT_ALNUM = re.compile(r"[\W_]+")
_NAME_PARTS = re.compile(r"[\s\-‐–]+")


# A story asks for the keys of the same few thousand names again and again.
@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Whether two names are one name: case, spacing, hyphens, dots and accents do not matter
    ("Kovač" is "Kovac", "Simão" is "Simao"); letters of any script are kept."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("", plain)


def spelling_key(name: str) -> str:
    """Whether two names are one spelling: case, spacing and apostrophe style do not matter, but
    a hyphen or a dot does, so "Rui Costa-Reis" is kept as an alias of "Rui Costa Reis"."""
    return " ".join(name.replace("’", "'").lower().split())


def name_tokens(form: str) -> list[str]:
    """Name parts split on spaces and hyphens, so "Costa-Reis" and "Costa Reis" both count two."""
    return list(_name_parts(form))


@lru_cache(maxsize=1 << 16)
def _name_parts(form: str) -> tuple[str, ...]:
    return tuple(p for p in _NAME_PARTS.split(form) if p)


def is_title(word: str) -> bool:
    """An office or a form of address ("Mayor", "Sen."), or a short one with its full stop
    ("Adm.", not the given name "Gen")."""
    low = word.lower()
    return low.rstrip(".") in TITLE_WORDS or (low.endswith(".") and low[:-1] in ABBREVIATED_TITLES)


def is_title_token(tok: Token) -> bool:
    """``is_title`` for a token, whose full stop the tokenizer may have split off ("Maj" ".")."""
    doc = tok.doc
    dot = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "." and not tok.whitespace_
    return is_title(tok.text + "." if dot else tok.text)


def strip_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading title words off a name: (title words, name words).

    Strips through the last title word of the leading run, keeping at least one name word, so
    "Natural Resources Minister Tomas Vidal" loses its whole title while "Ana Bishop"
    (title word last) keeps its name.
    """
    cut = 0
    for i, word in enumerate(words[:-1]):
        if is_title(word):
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


def near_spelling(a: str, b: str) -> bool:
    """Two spellings of one word that a slip of the keyboard or a transliteration separates:
    one edit apart in a short word, two in a word of five letters or more."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 5:
        return Levenshtein.distance(a, b) <= 2
    # In a short word only a dropped or added letter ("Jao" for "Joao"): "Joan" and "John",
    # a letter changed, are two names.
    return len(a) != len(b) and min(len(a), len(b)) >= 2 and Levenshtein.distance(a, b) == 1
