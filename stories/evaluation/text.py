"""How gold and export text are compared: blind to spacing, quote-mark styles and case."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from stories.nlp.names import clean_form, name_key

_STRAIGHTEN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_SPACES = re.compile(r"\s+")


def normalize_text(text: str | None) -> str:
    """Whitespace collapsed, quote and apostrophe styles unified, case folded."""
    if not text:
        return ""
    return _SPACES.sub(" ", text.translate(_STRAIGHTEN)).strip().casefold()


def normalize_name(name: str | None) -> str:
    """The pipeline's name key (``stories.nlp.names``) of a name without a leading "the" and a
    possessive, so gold and system names compare the way the pipeline compares names."""
    return name_key(clean_form(normalize_text(name)))


def file_key(name: Any) -> str:
    return re.split(r"[\\/]", str(name or ""))[-1]


def as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def label(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
