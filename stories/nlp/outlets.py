"""Naming an outlet from its own page furniture, when no manifest says who published an article.

Saved web pages carry their publisher's name in a few stock places: the masthead above the
headline ("THE NORTHGATE HERALD | World"), the copyright line ("© 2022 Meridian Newswire. All
rights reserved.") and the subscription pitch ("Subscribe to Harbour TV"). The masthead is the
brand as the outlet prints it, so it is preferred; a copyright holder often drops a word of it
("Golden Gate 7" under "GOLDEN GATE 7 NEWS"). Nothing here knows any outlet's name.
"""

from __future__ import annotations

import re

# How far into the page a masthead can be: it sits above the headline, after a date or a
# cookie banner at most.
_MASTHEAD_LINES = 3
_MAX_NAME_WORDS = 6
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to"}

_COPYRIGHT = re.compile(
    r"^\s*(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>.+?)\s*"
    r"(?:\d{4}\s*)?(?:[.,]?\s*all rights reserved\.?)?\s*$",
    re.IGNORECASE,
)
# "Subscribe to Harbour TV", "Subscribe to the Upland Courier for $2 a month",
# "Subscribe to The Kestrel Post: unlimited access": a capitalised name, up to the pitch.
_SUBSCRIBE = re.compile(
    r"\b(?i:subscribe to) (?:the (?=[A-Z]))?(?P<name>(?:The )?[A-Z0-9][\w&'’.-]*"
    r"(?: (?:[A-Z0-9&][\w&'’.-]*|of|and|the))*)",
)
# Separators between a masthead's name and its section links or tagline.
_MASTHEAD_SPLIT = re.compile(r"\s+(?:\||—|–|›|»|·)\s+|\s{2,}")
_DASHES = re.compile(r"\s+[–—-]\s+")
_LETTERS = re.compile(r"[A-Za-z]")
_MASTHEAD_NAME = re.compile(r"^[A-Z][A-Z0-9&'’.\- ]+$")
_TITLE_NAME = re.compile(r"^(?:[A-Z0-9][\w&'’.-]*)(?: (?:[A-Z0-9&][\w&'’.-]*|of|and|the)){0,4}$")
_BREADCRUMB = re.compile(r"\s[›»>]\s")
_REPUBLISHED = re.compile(
    r"\b(?i:republished|distributed|syndicated) by (?:[Tt]he )?"
    r"(?P<name>[A-Z][\w&'’-]*(?: [A-Z0-9&][\w&'’-]*){0,4})"
)
_CREDIT = re.compile(r"©|\bcopyright\b|\blicen[cs]e\b", re.IGNORECASE)
_SPACES = re.compile(r"[^\S\n]")


def outlet_from_text(text: str) -> str | None:
    """The outlet that published ``text``, read from its furniture, or None when it says nothing."""
    # Spacing is normalised (saved pages are full of no-break spaces); runs of spaces that
    # separate a masthead from its section links are kept as two.
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines() if line.strip()]
    republisher = _republisher(lines)
    if republisher:
        return republisher
    masthead, holder = _masthead(lines), _copyright(lines)
    if masthead and holder and not _shares_a_word(masthead, holder):
        # A caps line that names nothing the copyright holder is called ("WORLD NEWS |
        # STORMS" over "© Continental Wire") is a section label, not the masthead.
        return holder
    return masthead or holder or _subscription(lines)


def _shares_a_word(a: str, b: str) -> bool:
    words = lambda s: {w for w in re.findall(r"\w+", s.lower()) if w not in _SMALL_WORDS}  # noqa: E731
    return bool(words(a) & words(b))


def _republisher(lines: list[str]) -> str | None:
    """ "Republished by Bitstream Daily under license", "Distributed by the Valley Courier":
    the page is that outlet's, whoever holds the copyright (the agency whose story it is)."""
    for line in reversed(lines):
        # Only in the furniture: a short credit line, never a story's sentence ("a photograph
        # distributed by the government").
        if len(line) > 120 or not (_CREDIT.search(line) or _REPUBLISHED.match(line)):
            continue
        match = _REPUBLISHED.search(line)
        if match:
            name = _plain_name(match.group("name"))
            if name:
                return name
    return None


def _masthead(lines: list[str]) -> str | None:
    for line in lines[:_MASTHEAD_LINES]:
        parts = _MASTHEAD_SPLIT.split(line)
        name = parts[0].strip()
        letters = _LETTERS.findall(name)
        if len(letters) < 3:
            continue
        # A breadcrumb ("Bitstream Daily › Tech › Social Media") starts with the site's name,
        # however it is cased.
        if len(parts) >= 3 and _BREADCRUMB.search(line) and _TITLE_NAME.match(name):
            if len(name.split()) >= 2:  # "World > Asia" is a section's breadcrumb
                return _title_case(name) if name.isupper() else name
            continue
        if not _MASTHEAD_NAME.match(name):
            continue
        # One capitalised word is a section label ("WORLD"), not a masthead.
        if not 2 <= len(name.split()) <= _MAX_NAME_WORDS or name.endswith((".", ":")):
            continue
        return _title_case(name)
    return None


def _copyright(lines: list[str]) -> str | None:
    # The last copyright line: the page's own, below any quoted or embedded material.
    for line in reversed(lines):
        if len(line) > 120:
            continue
        match = _COPYRIGHT.match(line)
        if match:
            name = _plain_name(match.group("name"))
            if name:
                return name
    return None


def _subscription(lines: list[str]) -> str | None:
    for line in reversed(lines):
        match = _SUBSCRIBE.search(line)
        if match:
            name = _plain_name(match.group("name"))
            if name:
                return name
    return None


def _plain_name(name: str) -> str | None:
    """A holder's name without its trimmings; an acronym beside the full name gives way to it."""
    # "Copyright 2024 Harbourton 9 News. Wire services contributed to this report.": the name
    # ends with its sentence.
    name = re.split(r"[.!?]\s", name)[0].strip(" .,;:")
    parts = [p.strip(" .,;:") for p in _DASHES.split(name) if p.strip(" .,;:")]
    if len(parts) == 2:
        short, full = sorted(parts, key=len)
        initials = "".join(w[0] for w in full.split() if w[0].isalpha()).upper()
        if short.isupper() and initials.startswith(short[:2]):
            name = full
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS or not _LETTERS.search(name):
        return None
    if words[0].lower() in {"our", "my", "your", "this", "us"}:
        return None
    return _title_case(name) if name.isupper() and len(name) > 4 else name


def _title_case(name: str) -> str:
    words = name.split()
    out = []
    for n, word in enumerate(words):
        lower = word.lower()
        if n and lower in _SMALL_WORDS:
            out.append(lower)
        elif any(ch.isdigit() for ch in word) or len(_LETTERS.findall(word)) <= 1:
            out.append(word)
        else:
            out.append(word[0] + word[1:].lower())
    return " ".join(out)
