"""Candidates from every article of a story merged into events with one consensus date.

Candidates are only compared inside blocks that share a date bucket and an actor (or a trigger),
so the cost grows with the size of the blocks, not with the square of the story. Within a block,
pairs are scored on what makes two reports one happening: the same kind of act, the same people,
similar wording and compatible dates. An event takes at most one sentence from each article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations

from rapidfuzz import fuzz

from .events import event_kind
from .types import DateValue, Event, EventCandidate

_BASIS_RANK = {"explicit": 3, "relative": 2, "context": 1}
_GRAIN_RANK = {"day": 3, "month": 2, "year": 1}
_THRESHOLD = 0.55


def merge_candidates(candidates: Sequence[EventCandidate]) -> list[Event]:
    """Group candidates into events; output is sorted by date (undated last), then title."""
    cands = list(candidates)
    parent = list(range(len(cands)))
    files: dict[int, set[str]] = {i: {c.file} for i, c in enumerate(cands)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        bucket = _bucket(c.date)
        for actor in c.actors:
            blocks[(bucket, "actor:" + actor)].append(i)
        blocks[(bucket, "kind:" + event_kind(c.trigger))].append(i)
        if c.date is not None:
            # A year-wide report ("this year", "in recent months") meets the finer reports of
            # its year through the kind of act alone.
            blocks[(f"{c.date.start.year:04d}", "kind:" + event_kind(c.trigger))].append(i)

    scored: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        for a, b in combinations(members, 2):
            if cands[a].file == cands[b].file or (a, b) in scored:
                continue
            scored[(a, b)] = _score(cands[a], cands[b])

    for (a, b), score in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < _THRESHOLD:
            break
        ra, rb = find(a), find(b)
        if ra == rb or files[ra] & files[rb]:
            continue  # one sentence per article per event
        parent[rb] = ra
        files[ra] |= files.pop(rb)

    groups: dict[int, list[EventCandidate]] = defaultdict(list)
    for i, c in enumerate(cands):
        groups[find(i)].append(c)
    events = [_event(members) for members in groups.values()]
    return sorted(events, key=_order)


def _bucket(date: DateValue | None) -> str:
    # Month buckets keep a day-dated report and a month-dated report of one event comparable.
    return "undated" if date is None else f"{date.start.year:04d}-{date.start.month:02d}"


def _dates_compatible(a: DateValue | None, b: DateValue | None) -> float:
    if a is None or b is None:
        return 0.5
    overlap = a.start <= b.end and b.start <= a.end
    if "context" in (a.basis, b.basis):
        if a.basis != b.basis:
            worded = a if b.basis == "context" else b
            if worded.granularity == "year":
                # Words placing it somewhere in a year tell of another time than the day the
                # article is about.
                return 0.0
        return 1.0 if overlap else 0.3  # an inherited date is a guess
    if not overlap:
        return 0.0
    if "year" in (a.granularity, b.granularity) and a.granularity != b.granularity:
        # "two failed launches this year" is not "a failed launch in August": a year-wide
        # report and a dated one are only the same happening when words say so.
        return 0.0
    return 1.0


def _score(a: EventCandidate, b: EventCandidate) -> float:
    dates = _dates_compatible(a.date, b.date)
    if dates == 0.0:
        return 0.0
    if a.trigger == b.trigger:
        trigger = 1.0
    elif event_kind(a.trigger) == event_kind(b.trigger):
        trigger = 0.8
    else:
        return 0.0  # reports of different kinds of act are different happenings
    union = set(a.actors) | set(b.actors)
    actors = len(set(a.actors) & set(b.actors)) / len(union) if union else 0.0
    words = fuzz.token_set_ratio(a.sentence, b.sentence) / 100
    titles = fuzz.token_set_ratio(a.title, b.title) / 100
    score = 0.35 * trigger + 0.2 * actors + 0.2 * words + 0.1 * titles + 0.15 * dates
    if a.agents and b.agents:
        # Who did it decides between two acts of one kind ("Kim pledged", "Putin pledged").
        score += 0.1 if set(a.agents) & set(b.agents) else -0.25
    return score


def _date_rank(d: DateValue) -> tuple[int, int]:
    return (_BASIS_RANK[d.basis], _GRAIN_RANK[d.granularity])


def _consensus(dates: list[DateValue]) -> tuple[DateValue | None, tuple[DateValue, ...]]:
    """The strongest kind of reading wins; among those, the most common, then the most precise."""
    if not dates:
        return None, ()
    best_basis = max(_BASIS_RANK[d.basis] for d in dates)
    strong = [d for d in dates if _BASIS_RANK[d.basis] == best_basis]
    votes = Counter(d.label for d in strong)
    chosen = max(
        strong, key=lambda d: (votes[d.label], _GRAIN_RANK[d.granularity], -d.start.toordinal())
    )
    others: dict[str, DateValue] = {}
    for d in dates:
        if d.basis == "context" or d.label == chosen.label:
            continue
        if chosen.start <= d.start and d.end <= chosen.end:
            continue  # a finer reading inside the chosen one is agreement, not dissent
        if d.start <= chosen.start and chosen.end <= d.end:
            continue
        others.setdefault(d.label, d)
    return chosen, tuple(sorted(others.values(), key=lambda d: d.start))


def _event(members: list[EventCandidate]) -> Event:
    members = sorted(members, key=lambda c: (c.file, c.start))
    date, alternatives = _consensus([c.date for c in members if c.date is not None])
    # The title comes from the clearest report: one that fits without being cut, then the
    # best-dated one, then one that names who acted, then the one nearest a headline's length.
    best = max(
        members,
        key=lambda c: (
            not c.title.endswith("…"),
            _date_rank(c.date) if c.date else (0, 0),
            bool(c.agents),
            -abs(len(c.title) - 60),
            c.file,
        ),
    )
    actor_votes = Counter(a for c in members for a in c.actors)
    actors = tuple(sorted(actor_votes, key=lambda a: (-actor_votes[a], a)))
    topics = tuple(sorted({t for c in members for t in c.topics}))
    return Event(
        date=date,
        title=best.title,
        actors=actors,
        topics=topics,
        sources=tuple(members),
        alternative_dates=alternatives,
    )


def _order(e: Event) -> tuple[int, object, object, str]:
    if e.date is None:
        return (1, 0, 0, e.title)
    return (0, e.date.start, -_GRAIN_RANK[e.date.granularity], e.title)
