"""Which event each remark was made at: a story-level step over the merged events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .telling import telling_words
from .types import Event, EventCandidate, Quote

# (event index, that event's evidence in one article), in event order.
_FileEvents = list[tuple[int, Event, list[EventCandidate]]]


def link_quotes(quotes: Sequence[Quote], events: Sequence[Event]) -> list[Quote]:
    """Every quote with ``event`` set by ``link_quote``; the events are indexed by article once,
    so a story's quotes cost what their own articles' events cost, not the whole story's."""
    by_file: dict[str, _FileEvents] = defaultdict(list)
    for idx, event in enumerate(events):
        own: dict[str, list[EventCandidate]] = defaultdict(list)
        for src in event.sources:
            own[src.file].append(src)
        for file, sources in own.items():
            by_file[file].append((idx, event, sources))
    return [replace(q, event=_link(q, by_file.get(q.file, []))) for q in quotes]


def link_quote(quote: Quote, events: Sequence[Event]) -> int | None:
    """The event a remark was made at: its sentence is the event's evidence in the same article,
    or the sentence next to evidence of an event the speaker takes part in, or it is the
    speaker's only event of the article's main day."""
    return link_quotes([quote], events)[0].event


def _link(quote: Quote, file_events: _FileEvents) -> int | None:
    best: tuple[int, int] | None = None
    for idx, event, sources in file_events:
        for src in sources:
            gap = max(src.start - quote.sentence_end, quote.sentence_start - src.end, 0)
            if gap > 2 or (gap > 0 and quote.speaker not in event.actors):
                continue  # a neighbouring sentence about something the speaker is no part of
            if best is None or gap < best[0]:
                best = (gap, idx)
    if best is not None:
        return best[1]
    if quote.speaker is None:
        return None
    spoken = [
        (idx, sources) for idx, event, sources in file_events if quote.speaker in event.actors
    ]
    # A remark restated further down an article was folded into the event of its first telling:
    # the speaker's event in this article whose evidence shares most of the remark's words.
    words = _telling(quote.text) - _telling(quote.speaker)
    overlaps = sorted(
        (max(len(words & _telling(s.sentence)) for s in sources), idx) for idx, sources in spoken
    )
    if (
        overlaps
        and overlaps[-1][0] > 0
        and (len(overlaps) == 1 or overlaps[-2][0] < overlaps[-1][0])
    ):
        return overlaps[-1][1]
    same_day = [
        idx for idx, sources in spoken if any(s.date and s.date.basis == "context" for s in sources)
    ]
    return same_day[0] if len(same_day) == 1 else None


# Each quote is compared with every source of its speaker's events: a sentence is read once.
_telling = lru_cache(maxsize=65536)(telling_words)
