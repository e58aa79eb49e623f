"""Candidates from every article of a story merged into events with one consensus date.

Which pairs are compared is decided by what two reports share, never by their dates: the rarer
telling words and numbers of their sentences, or who did which kind of act. Each candidate's words
are read once into an index, and only candidates under a common key that is not too common are
paired, so the cost grows with the story, not with its square (Ahmed et al., "2 * n is better
than n^2"). A pair is then scored on the same kind of act, the same people, similar wording and
dates; differing dates count against a pair, they do not forbid it, since outlets misdate. An
event takes at most one sentence from each article.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from .events import event_kind
from .lexicon import COMMON_WORDS
from .stems import stem
from .types import DateValue, Event, EventCandidate
from .unionfind import UnionFind

_BASIS_RANK = {"explicit": 3, "relative": 2, "context": 1}
_GRAIN_RANK = {"day": 3, "month": 2, "year": 1}
_THRESHOLD = 0.5
# Kinds of speech act that outlets render in one another's words: what one calls a statement
# ("X stated that Russia would help") another calls an offer or a pledge.
_SPEECH = frozenset({"statement", "pledge", "offer"})
# Shares of telling words: enough to say two reports tell the same content, or at least that
# two statements are about the same thing.
_SAME_WORDS = 0.4
_SAID_ALIKE = 0.15
# Telling words two reports of one act in different verbs share.
_SAME_ACT_WORDS = 0.55


# How many candidates a blocking key may hold before it is too common to tell anything apart
# (a story's main actor, its main verb); and how many of its rarest words each candidate is
# indexed under.
_KEY_CAP = 60
_KEYS_PER_CANDIDATE = 6
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _content(text: str) -> frozenset[str]:
    # Stems let "launching" meet "launched"; numbers are telling words too ("7.8", "44 billion").
    words = re.findall(r"[^\W\d_]+", text.lower())
    found = {stem(w) for w in words if len(w) > 2 and w not in COMMON_WORDS}
    found |= {"#" + n.replace(",", "") for n in _NUMBER.findall(text) if len(n) > 1 or n != "1"}
    return frozenset(found)


@dataclass(frozen=True)
class _Read:
    """What one candidate's words are, read once."""

    sentence: frozenset[str]
    title: frozenset[str]
    names: frozenset[str]
    kind: str


def _read(c: EventCandidate, kinds: Mapping[str, str] | None = None) -> _Read:
    # Who took part says who, not what; where it happened is part of what happened.
    people = [a for a in c.actors if (kinds or {}).get(a, "person") == "person"]
    return _Read(
        sentence=_content(c.sentence),
        title=_content(c.title),
        names=_content(" ".join(people)),
        kind=event_kind(c.trigger),
    )


def content_weights(candidates: Sequence[EventCandidate]) -> dict[str, float]:
    """How telling each content word is in this story: inverse frequency over its sentences."""
    return _weights({(c.file, c.start): _content(c.sentence) for c in candidates})


def _weights(sentences: Mapping[tuple[str, int], frozenset[str]]) -> dict[str, float]:
    df = Counter(w for words in sentences.values() for w in words)
    n = max(len(sentences), 1)
    return {w: math.log((n + 1) / (k + 0.5)) for w, k in df.items()}


def _shared(
    wa: frozenset[str], wb: frozenset[str], weights: Mapping[str, float], default: float
) -> float:
    """Share of the rarer-worded side's weight that the other side repeats."""
    if not wa or not wb:
        return 0.0
    total = min(sum(weights.get(w, default) for w in wa), sum(weights.get(w, default) for w in wb))
    return sum(weights.get(w, default) for w in wa & wb) / total if total else 0.0


def _shared_content(
    a: str, b: str, weights: Mapping[str, float], names: frozenset[str] = frozenset()
) -> float:
    """Share of the rarer-worded sentence's weight that the other sentence repeats; the names
    of who took part are left out (they say who, not what)."""
    default = max(weights.values(), default=1.0)
    return _shared(_content(a) - names, _content(b) - names, weights, default)


def _blocking_keys(c: EventCandidate, read: _Read, df: Mapping[str, int]) -> set[str]:
    """The keys a candidate is indexed under: its rarest shared words, and who did what."""
    words = sorted(
        (w for w in read.sentence - read.names if df.get(w, 0) > 1),
        key=lambda w: (df[w], w),
    )
    keys = {"w:" + w for w in words[:_KEYS_PER_CANDIDATE]}
    keys |= {f"a:{agent}:{read.kind}" for agent in c.agents}
    keys |= {"p:" + actor for actor in c.actors}
    keys.add("t:" + c.trigger)
    keys.add("k:" + read.kind)
    if c.date is not None:
        # The same kind of act in the same month: one more way in, never the only one.
        keys.add(f"k:{read.kind}:{c.date.start.year:04d}-{c.date.start.month:02d}")
    return keys


def candidate_pairs(
    cands: Sequence[EventCandidate], reads: Sequence[_Read] | None = None
) -> set[tuple[int, int]]:
    """Pairs of candidates from different articles that share a key not too common to tell."""
    reads = reads or [_read(c) for c in cands]
    df = Counter(w for r in reads for w in r.sentence)
    index: dict[str, list[int]] = defaultdict(list)
    for i, (c, r) in enumerate(zip(cands, reads, strict=True)):
        for key in _blocking_keys(c, r, df):
            index[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > _KEY_CAP:
            continue
        for x, y in combinations(members, 2):
            if cands[x].file != cands[y].file:
                pairs.add((x, y))
    return pairs


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
    reads = [_read(c, kinds) for c in cands]
    weights = _weights({(c.file, c.start): r.sentence for c, r in zip(cands, reads, strict=True)})
    default = max(weights.values(), default=1.0)
    groups = UnionFind(len(cands))
    files: dict[int, set[str]] = {i: {c.file} for i, c in enumerate(cands)}
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(cands))}

    scored = [
        (_score(cands[a], cands[b], weights, kinds, reads[a], reads[b], default), a, b)
        for a, b in candidate_pairs(cands, reads)
    ]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    for score, a, b in scored:
        if score < _THRESHOLD:
            break
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb or files[ra] & files[rb]:
            continue  # one sentence per article per event
        if any(
            _who_conflicts(cands[x], cands[y], kinds)
            for x in members_of[ra]
            for y in members_of[rb]
        ):
            continue  # a report without a named agent must not bridge two agents' acts
        root = groups.union(ra, rb)
        other = rb if root == ra else ra
        files[root] |= files.pop(other)
        members_of[root] += members_of.pop(other)

    grouped: dict[int, list[EventCandidate]] = defaultdict(list)
    for i, c in enumerate(cands):
        grouped[groups.find(i)].append(c)
    events = [_event(members) for members in grouped.values()]
    return sorted(events, key=_order)


def _dates_compatible(a: DateValue | None, b: DateValue | None) -> float:
    """1 when two readings of a date agree, 0.5 when one is missing, 0 when they clash."""
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


def _collective_and_single(a: DateValue | None, b: DateValue | None) -> bool:
    """A year-wide report ("two failed launches this year") and one dated finer ("a failed
    launch in August") tell of a series and one of its members: never one happening."""
    if a is None or b is None or "context" in (a.basis, b.basis):
        return False
    return "year" in (a.granularity, b.granularity) and a.granularity != b.granularity


def _score(
    a: EventCandidate,
    b: EventCandidate,
    weights: Mapping[str, float] | None = None,
    kinds: Mapping[str, str] | None = None,
    ra: _Read | None = None,
    rb: _Read | None = None,
    default: float | None = None,
) -> float:
    weights = weights or {}
    ra, rb = ra or _read(a), rb or _read(b)
    default = default if default is not None else max(weights.values(), default=1.0)
    if a.scheduled != b.scheduled:
        return 0.0
    dates = _dates_compatible(a.date, b.date)
    if dates == 0.0 and _collective_and_single(a.date, b.date):
        return 0.0
    names = ra.names | rb.names
    words = max(
        _shared(ra.sentence - names, rb.sentence - names, weights, default),
        _shared(ra.title - names, rb.title - names, weights, default),
    )
    if dates == 0.0 and words < _SAME_WORDS:
        # Different dates and little in common: two happenings of one kind.
        return 0.0
    kind_a, kind_b = ra.kind, rb.kind
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
    elif words >= _SAME_ACT_WORDS and not ({kind_a, kind_b} & _SPEECH):
        # Outlets name one act with different verbs ("ripped through", "devastated"); most of
        # the telling words in common say it is one happening all the same.
        trigger = 0.4
    else:
        return 0.0  # reports of different kinds of act are different happenings
    union = set(a.actors) | set(b.actors)
    actors = len(set(a.actors) & set(b.actors)) / len(union) if union else 0.0
    titles = fuzz.token_set_ratio(a.title, b.title) / 100
    wording = max(words, fuzz.token_set_ratio(a.sentence, b.sentence) / 100)
    score = 0.35 * trigger + 0.2 * actors + 0.2 * wording + 0.1 * titles + 0.15 * dates
    if {kind_a, kind_b} <= _SPEECH:
        # One speaker says many things in a day, in words that overlap: statements need a
        # little more in common than deeds.
        score -= 0.05
    if dates == 0.0:
        # Outlets do misdate, so a clash is evidence against, not a veto: only reports that
        # share most of their telling words get over it.
        score -= 0.15
    if a.agents and b.agents:
        # Who did it decides between two acts of one kind ("Kim pledged", "Putin pledged").
        if _who_conflicts(a, b, kinds or {}):
            return 0.0
        if set(a.agents) & set(b.agents):
            score += 0.1
        elif words < _SAME_WORDS:
            score -= 0.1  # a country and a person, saying different things
    return score


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
