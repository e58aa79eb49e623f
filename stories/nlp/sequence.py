"""The order of events that share one date: the story's own sequence, never the alphabet.

News articles rarely tell a day in order (the signing comes first, the strike called off "hours
before" it in the fourth paragraph), but their sentences say how things relate: a time of day,
"hours before", "ahead of", "after the talks", "as the meeting concluded". The day's main event
(the one most outlets report) is the anchor; each other event is placed before or after it by
what its sentences say, then by the time of day they give, then by where the articles tell it.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

# Phases of a day around its main event, in reading order.
BEFORE, ARRIVAL, MAIN, OPENING, DURING, AFTER = range(6)

_BEFORE = re.compile(
    r"\b(?:(?:hours|minutes|days|shortly|just|moments|a day|the day)\s+(?:before|earlier)"
    r"|ahead of|prior to|in the run-up to|on the eve of|earlier (?:that|in the) day"
    r"|before (?:the|their|its|his|her) (?!end\b)\w+)\b",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"\b(?:(?:after|following|after the end of) (?:the|their|its|his|her|this) \w+"
    r"|afterwards?|later (?:that|in the) (?:day|evening|night)"
    r"|as the \w+ (?:concluded|ended|closed)"
    r"|at the end of|wrapp?(?:ed|ing) up|concluded|in the evening|hours later)\b",
    re.IGNORECASE,
)
# "This encounter took place just hours after Valmora closed...": the sentence is about
# another event that came after this one, so this one came first.
_OTHER_AFTER = re.compile(
    r"\b(?:took place|came|happened|was held|began)\s+(?:just\s+|only\s+)?"
    r"(?:hours|minutes|days|shortly)\s+after\b",
    re.IGNORECASE,
)
_ARRIVAL = re.compile(r"\b(?:arriv(?:ed|al|ing)|landed|travel(?:l)?ed to|reached)\b", re.IGNORECASE)
_OPENING = re.compile(
    r"\b(?:welcom(?:ed|ing)|greet(?:ed|ing)|shook hands|handshake|at the (?:onset|start|outset)"
    r"|began their|opened (?:the|their))\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\b(?:at\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)"
    r"|\b(?P<h24>[01]\d|2[0-3]):(?P<m24>[0-5]\d)\b",
    re.IGNORECASE,
)
_PARTS_OF_DAY = {
    "dawn": 6 * 60,
    "morning": 9 * 60,
    "midday": 12 * 60,
    "noon": 12 * 60,
    "lunch": 13 * 60,
    "afternoon": 15 * 60,
    "evening": 19 * 60,
    "dinner": 19 * 60 + 30,
    "night": 22 * 60,
}
_PART_OF_DAY = re.compile(r"\b(" + "|".join(_PARTS_OF_DAY) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class DayEvent:
    """One event of the day: its key, its evidence and how many outlets report it."""

    key: Hashable
    # (where the sentence sits in its article, 0 = top and 1 = bottom; the sentence)
    sentences: Sequence[tuple[float, str]]
    reporters: int = 1


def phase(sentences: Sequence[str]) -> int:
    """Where the sentences place their event against the day's main event, by majority."""
    votes = {BEFORE: 0, AFTER: 0, ARRIVAL: 0, OPENING: 0}
    for text in sentences:
        vote = _vote(text)
        if vote is not None:
            votes[vote] += 1
    best = max(votes.values())
    if best == 0:
        return DURING
    # Ties go to the firmer words: an explicit "before" or "after" over an arrival or greeting.
    for kind in (BEFORE, AFTER, ARRIVAL, OPENING):
        if votes[kind] == best:
            return kind
    return DURING  # pragma: no cover


def time_of_day(sentences: Sequence[str]) -> int | None:
    """Minutes after midnight the sentences give ("at 3 p.m.", "14:30", "in the evening")."""
    for text in sentences:
        minutes = _clock_time(text)
        if minutes is not None:
            return minutes
    for text in sentences:
        minutes = _part_of_day(text)
        if minutes is not None:
            return minutes
    return None


# What one sentence says is worked out once a process: a day's order is worked out again
# whenever an article joins one of its events, over the sentences its events had before.
@lru_cache(maxsize=1 << 16)
def _vote(text: str) -> int | None:
    """The phase the sentence's words place its event in, if any."""
    if _BEFORE.search(text) or _OTHER_AFTER.search(text):
        return BEFORE
    if _AFTER.search(text):
        return AFTER
    if _ARRIVAL.search(text):
        return ARRIVAL
    if _OPENING.search(text):
        return OPENING
    return None


@lru_cache(maxsize=1 << 16)
def _clock_time(text: str) -> int | None:
    clock = _CLOCK.search(text)
    if clock is None:
        return None
    if clock.group("h24"):
        return int(clock.group("h24")) * 60 + int(clock.group("m24"))
    hour = int(clock.group("h")) % 12
    if clock.group("ampm").lower().startswith("p"):
        hour += 12
    return hour * 60 + int(clock.group("m") or 0)


@lru_cache(maxsize=1 << 16)
def _part_of_day(text: str) -> int | None:
    part = _PART_OF_DAY.search(text)
    return _PARTS_OF_DAY[part.group(1).lower()] if part else None


def order_within_day(events: Sequence[DayEvent]) -> list[Hashable]:
    """The events' keys in the day's order: the main event first among the undistinguished."""
    if not events:
        return []
    given = {e.key: n for n, e in enumerate(events)}
    texts = {e.key: [text for _, text in e.sentences] for e in events}
    where = {e.key: median(pos for pos, _ in e.sentences) if e.sentences else 1.0 for e in events}
    stages = {e.key: phase(texts[e.key]) for e in events}
    # The main event: what most outlets report, told highest in the articles; never an event
    # its own sentences place before or after something else.
    candidates = [e for e in events if stages[e.key] not in (BEFORE, AFTER)] or list(events)
    main = min(candidates, key=lambda e: (-e.reporters, where[e.key], given[e.key]))
    stages[main.key] = MAIN

    def key(event: DayEvent) -> tuple:
        clock = time_of_day(texts[event.key])
        # A time of day orders events within their phase; those without one keep article order.
        return (
            stages[event.key],
            clock if clock is not None else 24 * 60,
            where[event.key],
            given[event.key],
        )

    return [e.key for e in sorted(events, key=key)]
