"""How counts are worded in messages editors and command users read."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "2 articles", "0 articles"; ``plural`` where adding "s" is wrong."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
