"""Candidates from every article of a story merged into events with one consensus date.

Candidates are only compared inside blocks that share a date bucket and an actor (or a trigger),
so the cost grows with the size of the blocks, not with the square of the story. Within a block,
pairs are scored on what makes two reports one happening: the same kind of act, the same people,
similar wording and compatible dates. An event takes at most one sentence from each article.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations

from rapidfuzz import fuzz

from .events import event_kind
from .lexicon import COMMON_WORDS
from .types import DateValue, Event, EventCandidate

_BASIS_RANK = {"explicit": 3, "relative": 2, "context": 1}
_GRAIN_RANK = {"day": 3, "month": 2, "year": 1}
_THRESHOLD = 0.55
# Kinds of speech act that outlets render in one another's words: what one calls a statement
# ("X stated that Russia would help") another calls an offer or a pledge.
_SPEECH = frozenset({"statement", "pledge", "offer"})
# Shares of telling words: enough to say two reports tell the same content, or at least that
# two statements are about the same thing.
_SAME_WORDS = 0.4
_SAID_ALIKE = 0.15


def content_weights(candidates: Sequence[EventCandidate]) -> dict[str, float]:
    """How telling each content word is in this story: inverse frequency over its sentences."""
    sentences = {(c.file, c.start): _content(c.sentence) for c in candidates}
    df = Counter(w for words in sentences.values() for w in words)
    n = max(len(sentences), 1)
    return {w: math.log((n + 1) / (k + 0.5)) for w, k in df.items()}


def _content(text: str) -> frozenset[str]:
    # A crude stem (the first six letters) lets "launching" meet "launched", "satellites"
    # meet "satellite".
    words = re.findall(r"[^\W\d_]+", text.lower())
    return frozenset(w[:6] for w in words if len(w) > 2 and w not in COMMON_WORDS)


def _shared_content(
    a: str, b: str, weights: Mapping[str, float], names: frozenset[str] = frozenset()
) -> float:
    """Share of the rarer-worded sentence's weight that the other sentence repeats; the names
    of who took part are left out (they say who, not what)."""
    wa, wb = _content(a) - names, _content(b) - names
    if not wa or not wb:
        return 0.0
    default = max(weights.values(), default=1.0)
    total = min(sum(weights.get(w, default) for w in wa), sum(weights.get(w, default) for w in wb))
    return sum(weights.get(w, default) for w in wa & wb) / total if total else 0.0


def merge_candidates(
    candidates: Sequence[EventCandidate], actor_kinds: Mapping[str, str] | None = None
) -> list[Event]:
    """Group candidates into events; output is sorted by date (undated last), then title.

    ``actor_kinds`` ("person", "organization", "place" by canonical name) tells a country acting
    through its leader ("Russia's offer", "Putin stated") from two people doing the same thing;
    a name of unknown kind counts as a person.
    """
    cands = list(candidates)
    kinds = actor_kinds or {}
    weights = content_weights(cands)
    parent = list(range(len(cands)))
    files: dict[int, set[str]] = {i: {c.file} for i, c in enumerate(cands)}
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(cands))}

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
            scored[(a, b)] = _score(cands[a], cands[b], weights, kinds)

    for (a, b), score in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < _THRESHOLD:
            break
        ra, rb = find(a), find(b)
        if ra == rb or files[ra] & files[rb]:
            continue  # one sentence per article per event
        if any(
            _who_conflicts(cands[x], cands[y], kinds)
            for x in members_of[ra]
            for y in members_of[rb]
        ):
            continue  # a report without a named agent must not bridge two agents' acts
        parent[rb] = ra
        files[ra] |= files.pop(rb)
        members_of[ra] += members_of.pop(rb)

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


def _score(
    a: EventCandidate,
    b: EventCandidate,
    weights: Mapping[str, float] | None = None,
    kinds: Mapping[str, str] | None = None,
) -> float:
    dates = _dates_compatible(a.date, b.date)
    if dates == 0.0:
        return 0.0
    words = _similar_words(a, b, weights or {})
    kind_a, kind_b = event_kind(a.trigger), event_kind(b.trigger)
    if {kind_a, kind_b} <= _SPEECH and a.trigger != b.trigger and words < _SAID_ALIKE:
        # One speaker says several things in a day: two statements are one only when what
        # was said is alike.
        return 0.0
    if a.trigger == b.trigger:
        trigger = 1.0
    elif kind_a == kind_b:
        trigger = 0.8
    elif {kind_a, kind_b} <= _SPEECH and words >= _SAME_WORDS:
        # "Putin stated that Russia would help build satellites" and "Russia's offer to help
        # build satellites": one speech act in two words, when what was said is the same.
        trigger = 0.5
    else:
        return 0.0  # reports of different kinds of act are different happenings
    union = set(a.actors) | set(b.actors)
    actors = len(set(a.actors) & set(b.actors)) / len(union) if union else 0.0
    titles = fuzz.token_set_ratio(a.title, b.title) / 100
    wording = max(words, fuzz.token_set_ratio(a.sentence, b.sentence) / 100)
    score = 0.35 * trigger + 0.2 * actors + 0.2 * wording + 0.1 * titles + 0.15 * dates
    if a.agents and b.agents:
        # Who did it decides between two acts of one kind ("Kim pledged", "Putin pledged").
        if _who_conflicts(a, b, kinds or {}):
            return 0.0
        if set(a.agents) & set(b.agents):
            score += 0.1
        elif words < _SAME_WORDS:
            score -= 0.1  # a country and a person, saying different things
    return score


def _similar_words(a: EventCandidate, b: EventCandidate, weights: Mapping[str, float]) -> float:
    """How much of what happened two reports share: over their sentences, or over their
    titles (the clause of the happening itself, without the sentence's other news)."""
    names = _content(" ".join((*a.actors, *b.actors)))
    return max(
        _shared_content(a.sentence, b.sentence, weights, names),
        _shared_content(a.title, b.title, weights, names),
    )


def _who_conflicts(a: EventCandidate, b: EventCandidate, kinds: Mapping[str, str]) -> bool:
    """Two different people, or two different countries, named as doing the act."""
    if not a.agents or not b.agents or set(a.agents) & set(b.agents):
        return False
    return not _acts_for(a.agents, b.agents, kinds)


def _acts_for(a: Sequence[str], b: Sequence[str], kinds: Mapping[str, str]) -> bool:
    """One side names only people and the other only countries or bodies: the one may act
    for the other. Two different people, or two different countries, never do one act."""
    people_a = {kinds.get(x, "person") == "person" for x in a}
    people_b = {kinds.get(x, "person") == "person" for x in b}
    return len(people_a) == 1 and len(people_b) == 1 and people_a != people_b


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
    # The title comes from the clearest report: one that fits without being cut, then one
    # that tells the happening as "Agent did X", then the best-dated one, then the shortest
    # (a title under a few words says too little to count as shorter).
    best = max(
        members,
        key=lambda c: (
            not c.title.endswith("…"),
            c.clarity,
            _date_rank(c.date) if c.date else (0, 0),
            bool(c.agents),
            -max(len(c.title), 30),
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
