"""Candidates from every article of a story merged into events with one consensus date.

Which pairs are compared is decided by what two reports share, never by their dates: the rarer
telling words and numbers of their sentences, or who did which kind of act. Each candidate's words
are read once into an index, and only candidates under a common key that is not too common are
paired, so the cost grows with the story, not with its square (Ahmed et al., "2 * n is better
than n^2"). A pair is then scored on the same kind of act, the same people, similar wording and
dates; differing dates count against a pair, they do not forbid it, since outlets misdate. An
event takes at most one sentence from each article.

Beside those rules, a pair is weighed by what the same measures say, weighted as the development
stories' reports of one happening were (``merge_weights``, fitted by ``manage.py
fit_merge_weights``): outlets tell one happening in verbs and words the rules do not expect, and a
likelihood read from many stories joins such a pair when it is likely one happening.

A story of 2,000 articles has some 26,000 candidates and a quarter of a million pairs to score,
so what a score reads of a candidate is read once, each pair is scored once, and what many pairs
share (two dates, two texts, two sets of agents) is worked out once. Weights are summed exactly,
so that how a set happens to order its words never tips a score.
"""

from __future__ import annotations

import math
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cached_property, lru_cache, partial
from itertools import combinations
from typing import Generic, TypeVar

from rapidfuzz import fuzz

from .events import event_kind
from .lexicon import DENIAL_VERBS, EVENT_VERBS, LIGHT_VERBS, NON_EVENT_VERBS, STATEMENT_VERBS
from .merge_weights import BIAS, WEIGHTS
from .telling import names_act, telling_words, told_around, word_weights
from .types import DateValue, Event, EventCandidate
from .unionfind import UnionFind

_BASIS_RANK = {"explicit": 3, "relative": 2, "context": 1}
_GRAIN_RANK = {"day": 3, "month": 2, "year": 1}
_THRESHOLD = 0.5
# A sentence telling a second happening is added to an event already told by this many outlets,
# when it repeats this share of what they tell.
_BESIDE_MIN_FILES = 2
_BESIDE_SHARE = 0.5
# How many words either side of where a sentence names an event's act tell it there.
_BESIDE_REACH = 3
# How far from its article's day an inherited date may be off and still be a fair guess: an
# article may come a few days after what it tells without a date (a Thursday resignation in
# Monday's paper), but a report a week away is more often a like happening of another day
# ("crews stopped work again on Thursday").
_GUESS_REACH = timedelta(days=4)
# How far before a worded day an article's own day may be and still tell of it: a day, for a
# report that runs on past midnight or a time zone behind.
_GUESS_AHEAD = timedelta(days=1)
# Kinds of speech act that outlets render in one another's words: what one calls a statement
# ("X stated that Valmora would help") another calls an offer or a pledge.
_SPEECH = frozenset({"statement", "pledge", "offer"})
# Shares of telling words: enough to say two reports tell the same content, or at least that
# two statements are about the same thing.
_SAME_WORDS = 0.4
_SAID_ALIKE = 0.15
# Telling words two reports of one act in different verbs share; fewer when both are dated
# by their words to the same day.
_SAME_ACT_WORDS = 0.55
_SAME_DAY_ACT_WORDS = 0.35
# What the learned weighing reads by comparing texts letter by letter, the costly part.
_FUZZY = ("sentences", "titles")
# What the rules say of a pair they rule out: known to be two happenings, or only told in verbs of
# two kinds (where the learned weighing may still find one happening).
_VETOED = -2.0
_OTHER_KIND = -1.0


# How many candidates a blocking key may hold before it is too common to tell anything apart
# (a story's main actor, its main verb); and how many of its rarest words each candidate is
# indexed under.
_KEY_CAP = 60
_KEYS_PER_CANDIDATE = 6
# Texts read, and texts compared letter by letter, kept from run to run in a process: a story is
# merged again whenever an article joins it, over candidates that mostly have not changed.
_CACHED = 1 << 16


@dataclass(frozen=True)
class PairWeights:
    """The learned weighing of a pair: a bias and a weight for each feature ``features`` reads."""

    bias: float
    weights: Mapping[str, float]


FITTED = PairWeights(BIAS, WEIGHTS)
# The rules alone: no pair is ever likely enough to join on the learned weighing.
RULES_ONLY = PairWeights(-math.inf, {})


@dataclass(frozen=True)
class _Read:
    """What one candidate's words are, read once."""

    sentence: frozenset[str]
    title: frozenset[str]
    names: frozenset[str]
    kind: str


def _read(
    c: EventCandidate,
    kinds: Mapping[str, str] | None = None,
    content: Callable[[str], frozenset[str]] = telling_words,
) -> _Read:
    # Who took part says who, not what; where it happened is part of what happened.
    people = [a for a in c.actors if (kinds or {}).get(a, "person") == "person"]
    return _Read(
        sentence=content(c.sentence),
        title=content(c.title),
        names=content(" ".join(people)),
        kind=event_kind(c.trigger),
    )


def _reads(cands: Sequence[EventCandidate], kinds: Mapping[str, str]) -> list[_Read]:
    """Every candidate read once; outlets repeat one another's sentences and titles, and the
    same people take part in many reports, so each distinct text is read once too."""
    contents: dict[str, frozenset[str]] = {}

    def content(text: str) -> frozenset[str]:
        found = contents.get(text)
        if found is None:
            found = contents[text] = frozenset(_kept_content(text))
        return found

    return [_read(c, kinds, content) for c in cands]


@lru_cache(maxsize=_CACHED)
def _kept_content(text: str) -> tuple[str, ...]:
    # A tuple of shared strings: a fifth of the memory of a set of strings of its own.
    return tuple(map(sys.intern, telling_words(text)))


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


def _blocks(cands: Sequence[EventCandidate], reads: Sequence[_Read]) -> list[list[int]]:
    """The candidates under each key not too common to tell, in the order they came."""
    df = Counter(w for r in reads for w in r.sentence)
    index: dict[str, list[int]] = defaultdict(list)
    for i, (c, r) in enumerate(zip(cands, reads, strict=True)):
        for key in _blocking_keys(c, r, df):
            index[key].append(i)
    return [members for members in index.values() if len(members) <= _KEY_CAP]


def candidate_pairs(
    cands: Sequence[EventCandidate], reads: Sequence[_Read] | None = None
) -> set[tuple[int, int]]:
    """Pairs of candidates from different articles that share a key not too common to tell."""
    reads = reads or [_read(c) for c in cands]
    pairs: set[tuple[int, int]] = set()
    for members in _blocks(cands, reads):
        for x, y in combinations(members, 2):
            if cands[x].file != cands[y].file:
                pairs.add((x, y))
    return pairs


def merge_candidates(
    candidates: Sequence[EventCandidate],
    actor_kinds: Mapping[str, str] | None = None,
    weights: PairWeights = FITTED,
) -> list[Event]:
    """Group candidates into events; output is sorted by date (undated last), then title.

    ``actor_kinds`` ("person", "organization", "place" by canonical name) tells a country acting
    through its leader ("Valmora's offer", "Costa stated") from two people doing the same thing;
    a name of unknown kind counts as a person. ``weights``: the learned weighing of pairs.
    """
    cands = list(candidates)
    kinds = actor_kinds or {}
    story = comparisons(cands, kinds, weights)
    # The best-scored pairs join first; equal scores in the order the candidates came.
    scored = sorted(
        (-score, a, b) for a, b in story.pairs() if (score := story.score(a, b)) >= _THRESHOLD
    )
    groups = UnionFind(len(cands))
    files: dict[int, set[str]] = {i: {c.file} for i, c in enumerate(cands)}
    # Who conflicts with whom depends only on the agents named, so a group keeps its members'
    # distinct sets of agents, not the members.
    agents_of: dict[int, set[int]] = {
        i: {story.reports[i].agents_id} if c.agents else set() for i, c in enumerate(cands)
    }
    for _, a, b in scored:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb or files[ra] & files[rb]:
            continue  # one sentence per article per event
        if any(story.agents_conflict(x, y) for x in agents_of[ra] for y in agents_of[rb]):
            continue  # a report without a named agent must not bridge two agents' acts
        root = groups.union(ra, rb)
        other = rb if root == ra else ra
        files[root] |= files.pop(other)
        agents_of[root] |= agents_of.pop(other)

    grouped: dict[int, list[int]] = defaultdict(list)
    for i in range(len(cands)):
        grouped[groups.find(i)].append(i)
    told_beside = _told_beside(story, grouped)
    events = [
        _event([cands[i] for i in members] + told_beside.get(root, []))
        for root, members in grouped.items()
    ]
    return sorted(events, key=_order)


def comparisons(
    cands: Sequence[EventCandidate], kinds: Mapping[str, str], weights: PairWeights = FITTED
) -> _Comparisons:
    """A story's candidates read for comparing, pair by pair."""
    return _Comparisons(cands, _reads(cands, kinds), kinds, weights)


def _told_beside(
    story: _Comparisons, groups: Mapping[int, list[int]]
) -> dict[int, list[EventCandidate]]:
    """Sentences that tell a second happening beside their own: "He took over the group after
    its founder was killed in a raid" is one outlet's report of the killing as well as of the
    taking over. A sentence gives one candidate, for the happening it dates; it is added to an
    event other outlets tell, as a further source, when it names that event's act and repeats
    most of what they tell, or, told in other words ("after commandos shot him dead in a
    raid"), when the likelihood read from many stories takes it for a report of that event and
    no rule says otherwise (a sentence taken on likelihood alone goes to the one event it most
    likely tells). It brings no date of its own to that event."""
    cands, reads = story.cands, story.reads
    root_of = {i: root for root, members in groups.items() for i in members}
    blocks_of: dict[int, list[list[int]]] = defaultdict(list)
    for block in story.blocks:
        for i in block:
            blocks_of[i].append(block)
    found: dict[int, list[EventCandidate]] = defaultdict(list)
    likeliest: dict[int, tuple[float, int]] = {}  # sentence -> (odds, event) it most likely tells
    for root, members in groups.items():
        files = {cands[i].file for i in members}
        if len(files) < _BESIDE_MIN_FILES or all(story.reports[i].speech for i in members):
            continue  # what was said is told in words of its own, not beside another act
        agents = frozenset().union(*(cands[i].agents for i in members))
        # The act the event is of: a verb of speech or a light verb names none ("said", "made").
        acts = {
            lemma
            for i in members
            if (lemma := cands[i].trigger.split("_")[0])
            not in STATEMENT_VERBS | LIGHT_VERBS | NON_EVENT_VERBS
        }
        kinds = {story.reports[i].kind for i in members}
        told = frozenset().union(*(story.reports[i].words for i in members))
        cast = story.people(*(cands[i].actors for i in members))
        nearby = {j for i in members for block in blocks_of[i] for j in block}
        best: dict[str, tuple[float, int]] = {}
        for j in sorted(nearby):
            c = cands[j]
            if c.file in files or root_of[j] == root or c.scheduled or c.trigger in DENIAL_VERBS:
                continue
            if story.reports[j].kind in kinds:
                continue  # a report of this kind of act that scoring kept apart stays apart
            if agents and not agents & set(c.actors):
                continue  # another's act of the same kind ("Assad made his first visit")
            sentence = reads[j].sentence
            if not any(names_act(sentence, a) for a in acts):
                continue  # the sentence does not name this event's act ("kill" in "killed")
            names = story.reports[j].names
            # Counted word for word: the more outlets tell the event, the commoner its words
            # are in the story, and weighing by rarity would count them for less. The whole
            # sentence, or the words beside where it names the act: a clause of a sentence about
            # something else ("..., three weeks after a freight train derailed there").
            share = max(
                (
                    len(own & told) / len(own)
                    for words in (
                        sentence,
                        *(w for a in acts for w in told_around(c.sentence, a, _BESIDE_REACH)),
                    )
                    if (own := words - names)
                ),
                default=0.0,
            )
            if share >= _BESIDE_SHARE and share > best.get(c.file, (0.0, -1))[0]:
                best[c.file] = (share, j)
        likely: dict[str, tuple[float, int]] = {}
        for j in sorted(nearby):
            c = cands[j]
            if c.file in files or c.file in best or root_of[j] == root:
                continue
            if c.scheduled or c.trigger in DENIAL_VERBS:
                continue
            if cast and (people := story.people(c.actors)) and not cast & people:
                continue  # a like happening to other people, in a place the event shares
            # A sentence the likelihood read from many stories takes for a report of this
            # happening, though its own happening kept it out ("... hours after X accused the
            # army of a strike", already an event of its own article's).
            odds = max(story.likely(i, j) for i in members)
            if odds >= _THRESHOLD and odds > likely.get(c.file, (0.0, -1))[0]:
                likely[c.file] = (odds, j)
        found[root] = [replace(cands[j], date=None) for _, j in best.values()]
        for odds, j in likely.values():
            if odds > likeliest.get(j, (0.0, -1))[0]:
                likeliest[j] = (odds, root)
    # On likelihood alone a sentence is taken for one happening beside its own at most, and
    # not for one beside a happening whose act it names.
    sourced = {(c.file, c.start) for sources in found.values() for c in sources}
    for j, (_, root) in likeliest.items():
        if (cands[j].file, cands[j].start) not in sourced:
            found[root].append(replace(cands[j], date=None))
    return found


def _date_key(d: DateValue | None) -> tuple[object, ...] | None:
    # What the date rules read of a date: its span, how fine and how it was found.
    return None if d is None else (d.start, d.end, d.granularity, d.basis)


@dataclass(slots=True)
class _Report:
    """What a score reads of one candidate, read once; the numbers name the story's distinct
    files, dates, sets of agents, texts and ways of telling (see ``_Comparisons``)."""

    file: int
    side: int
    scheduled: bool
    trigger: str
    kind: str
    speech: bool
    # Telling words, without the names of the report's own people (they say who, not what);
    # the other side's names are taken out pair by pair, where they occur.
    words: frozenset[str]
    words_weight: float
    title_words: frozenset[str]
    title_weight: float
    names: frozenset[str]
    actors: frozenset[str]
    agents: frozenset[str]
    agents_id: int
    date: int
    sentence: int
    title: int


class _Comparisons:
    """The pairs of one story's candidates that may be one happening, and their scores.

    Everything a score reads of one candidate is read once, into a ``_Report``, and what many
    pairs have in common (two dates, two sets of agents, two texts) is worked out once per
    story: a pair costs a few set operations on words already read, and a fuzzy comparison of
    its texts only when nothing cheaper has ruled it out.
    """

    def __init__(
        self,
        cands: Sequence[EventCandidate],
        reads: Sequence[_Read],
        kinds: Mapping[str, str],
        weights: PairWeights = FITTED,
    ) -> None:
        self.cands, self.reads = cands, reads
        self.kinds = kinds
        self.pair_weights = weights
        self._fuzzy_reach = sum(max(weights.weights.get(k, 0.0), 0.0) for k in _FUZZY)
        weights = word_weights(
            {(c.file, c.start): r.sentence for c, r in zip(cands, reads, strict=True)}
        )
        default = max(weights.values(), default=1.0)
        self.weight = {w: weights.get(w, default) for r in reads for w in r.sentence | r.title}
        self._weigh = self.weight.__getitem__
        files, _ = _numbered([c.file for c in cands])
        dates, distinct_dates = _numbered([_date_key(c.date) for c in cands])
        date_values: list[DateValue | None] = [None] * len(distinct_dates)
        for date, c in zip(dates, cands, strict=True):
            date_values[date] = c.date  # any of the dates that read alike
        agents, agent_sets = _numbered([frozenset(c.agents) for c in cands])
        speech = [r.kind in _SPEECH for r in reads]
        # How a report is told, as far as telling one happening from another goes: as speech or
        # a deed, by which agents.
        sides, side_values = _numbered([(s, a) for s, a in zip(speech, agents, strict=True)])
        sentences, sentence_texts = _numbered([c.sentence for c in cands])
        titles, title_texts = _numbered([c.title for c in cands])
        told: dict[tuple[frozenset[str], frozenset[str]], tuple[frozenset[str], float]] = {}

        def telling(words: frozenset[str], names: frozenset[str]) -> tuple[frozenset[str], float]:
            # The names of the report's own people are not telling (they say who, not what).
            found = told.get((words, names))
            if found is None:
                kept = words - names
                found = told[words, names] = (kept, self._sum(kept))
            return found

        self.reports: list[_Report] = []
        for c, r, file, side, spoken, agent, date, sentence, title in zip(
            cands, reads, files, sides, speech, agents, dates, sentences, titles, strict=True
        ):
            words, words_weight = telling(r.sentence, r.names)
            title_words, title_weight = telling(r.title, r.names)
            self.reports.append(
                _Report(
                    file=file,
                    side=side,
                    scheduled=c.scheduled,
                    trigger=c.trigger,
                    kind=r.kind,
                    speech=spoken,
                    words=words,
                    words_weight=words_weight,
                    title_words=title_words,
                    title_weight=title_weight,
                    names=r.names,
                    actors=frozenset(c.actors),
                    agents=agent_sets[agent],
                    agents_id=agent,
                    date=date,
                    sentence=sentence,
                    title=title,
                )
            )
        self.date_values = date_values
        self.agent_sets = agent_sets
        self.dates_agree = _Memo(date_values, _dates_agree)
        self.agents_conflict = _Memo(agent_sets, partial(_agents_conflict, kinds=kinds))
        self.sides_compatible = _Memo(side_values, self._sides_compatible)
        # Outlets repeat one another's sentences and titles word for word.
        self.sentences_alike = _Memo(sentence_texts, _alike)
        self.titles_alike = _Memo(title_texts, _alike)

    @cached_property
    def blocks(self) -> list[list[int]]:
        """The candidates under each blocking key, worked out once for pairing and for what is
        told beside an event."""
        return _blocks(self.cands, self.reads)

    def _sum(self, words: frozenset[str]) -> float:
        # An exact sum, so a set of words weighs the same whatever order it is read in.
        return math.fsum(map(self._weigh, words))

    def _sides_compatible(self, x: tuple[bool, int], y: tuple[bool, int]) -> bool:
        """Whether reports told thus may be one happening at all: speech and a deed are
        different kinds of act, and who did it decides between two acts of one kind ("Varga
        pledged", "Costa pledged")."""
        speech_x, agents_x = x
        speech_y, agents_y = y
        if speech_x != speech_y:
            # "Alder County confirmed the 36 deaths" and "Alder County raised the toll to 36":
            # a body may report its own act in a verb of speech; only the same agents may.
            return agents_x == agents_y and bool(self.agent_sets[agents_x])
        return not self.agents_conflict(agents_x, agents_y)

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Each pair from different articles that shares a block and that how the two are told
        does not rule out, once."""
        blocks_of: list[list[list[int]]] = [[] for _ in self.cands]
        for members in self.blocks:
            for i in members:
                blocks_of[i].append(members)
        in_file: dict[int, set[int]] = defaultdict(set)
        for i, report in enumerate(self.reports):
            in_file[report.file].add(i)
        side_of = [report.side for report in self.reports]
        compatible = self.sides_compatible
        for a, blocks in enumerate(blocks_of):
            # Blocks list their members in order: those after ``a`` make its pairs.
            partners = set().union(*[m[bisect_right(m, a) :] for m in blocks])
            partners -= in_file[self.reports[a].file]
            side = side_of[a]
            for b in partners:
                if compatible(side, side_of[b]):
                    yield a, b

    def score(self, a: int, b: int) -> float:
        """How surely candidates ``a`` and ``b``, a pair ``pairs`` gives, report one happening;
        0 when they cannot: the rules' score, or the learned likelihood where that is higher
        and says the two are more likely one happening than not."""
        x, y = self.reports[a], self.reports[b]
        # Every measure below reads the words two reports share: worked out once per pair.
        words = self._words(x, y)
        ruled = self._ruled(x, y, words)
        if ruled == _VETOED:
            return 0.0
        if ruled >= 1.0 or self._kept_apart(x, y, words):
            return max(ruled, 0.0)
        return max(ruled, 0.0, self._learned(x, y, words))

    def _kept_apart(self, x: _Report, y: _Report, words: float) -> bool:
        """Pairs the learned weighing may not join, however alike their letters: reports whose
        dates clash (a series and one of its members, a guessed day and words placing it months
        away), an announced act and a deed, acts the lexicon knows as two kinds ("seized",
        "lost"), and acts in different verbs dated at different grains or sharing few telling
        words ("protesters blocked the bridge", "police cleared the bridge"), alike only in
        their setting."""
        if self.dates_agree(x.date, y.date)[0] == 0.0 or x.scheduled != y.scheduled:
            return True
        if x.trigger == y.trigger:
            return False
        if x.kind != y.kind and x.trigger in EVENT_VERBS and y.trigger in EVENT_VERBS:
            return True  # "seized the garrison", "lost the garrison": acts the lexicon tells apart
        one, other = self.date_values[x.date], self.date_values[y.date]
        if one is not None and other is not None and one.granularity != other.granularity:
            return True  # "on Tuesday" and "this month" may be two happenings of the month
        return words < _SAME_DAY_ACT_WORDS

    def features(self, a: int, b: int) -> dict[str, float]:
        """What the learned weighing reads of a pair: the measures the rules read, as numbers."""
        x, y = self.reports[a], self.reports[b]
        return {**self._cheap_features(x, y, self._words(x, y)), **self._fuzzy_features(x, y)}

    def people(self, *names: Sequence[str]) -> frozenset[str]:
        """The people among actors' names (a name of unknown kind counts as a person)."""
        return frozenset(
            a for group in names for a in group if self.kinds.get(a, "person") == "person"
        )

    def likely(self, a: int, b: int) -> float:
        """The learned likelihood that ``a`` and ``b`` tell one happening, 0 where the rules
        know they do not (a denial and the act denied, an announced act and a deed, two
        statements about different things); their dates do count against them."""
        x, y = self.reports[a], self.reports[b]
        words = self._words(x, y)
        if self._ruled(x, y, words) == _VETOED:
            return 0.0
        return self._learned(x, y, words)

    def learned(self, a: int, b: int) -> float:
        """The likelihood, by the fitted weights, that ``a`` and ``b`` tell one happening; 0 when
        it is under even odds (the fuzzy comparisons are skipped when even identical texts could
        not lift it there)."""
        x, y = self.reports[a], self.reports[b]
        return self._learned(x, y, self._words(x, y))

    def _learned(self, x: _Report, y: _Report, words: float) -> float:
        bias, weights = self.pair_weights.bias, self.pair_weights.weights
        if bias == -math.inf:
            return 0.0
        cheap = self._cheap_features(x, y, words)
        z = bias + math.fsum(weights.get(k, 0.0) * v for k, v in cheap.items())
        if z + self._fuzzy_reach < 0.0:
            return 0.0
        z += math.fsum(weights.get(k, 0.0) * v for k, v in self._fuzzy_features(x, y).items())
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0.0 else 0.0

    def _cheap_features(self, x: _Report, y: _Report, words: float) -> dict[str, float]:
        dates, collective = self.dates_agree(x.date, y.date)
        union = len(x.actors | y.actors)
        return {
            "same_trigger": float(x.trigger == y.trigger),
            "same_kind": float(x.kind == y.kind),
            "both_speech": float(x.speech and y.speech),
            "speech_mismatch": float(x.speech != y.speech),
            "denial_mismatch": float((x.trigger in DENIAL_VERBS) != (y.trigger in DENIAL_VERBS)),
            "both_known": float(x.trigger in EVENT_VERBS and y.trigger in EVENT_VERBS),
            "words": words,
            "actors": len(x.actors & y.actors) / union if union else 0.0,
            "agents_shared": float(bool(x.agents & y.agents)),
            "agents_disjoint": float(bool(x.agents and y.agents and not x.agents & y.agents)),
            "dates_agree": float(dates == 1.0),
            "dates_clash": float(dates == 0.0),
            "date_missing": float(dates == 0.5),
            "date_guessed": float(dates == 0.3),
            "collective": float(collective),
            "scheduled_mismatch": float(x.scheduled != y.scheduled),
        }

    def _fuzzy_features(self, x: _Report, y: _Report) -> dict[str, float]:
        return {
            "sentences": self.sentences_alike(x.sentence, y.sentence) / 100,
            "titles": self.titles_alike(x.title, y.title) / 100,
        }

    def _ruled(self, x: _Report, y: _Report, words: float) -> float:
        """The rules' score of a pair: ``_VETOED`` where they know the two are not one happening
        (a denial and the act denied, an announced act and one done another day, clashing dates
        with little in common, two statements about different things); ``_OTHER_KIND`` where
        they only see two kinds of act."""
        dates, collective = self.dates_agree(x.date, y.date)
        if dates == 0.0 and collective:
            return _VETOED
        if x.scheduled != y.scheduled and dates < 1.0:
            # An act announced for a day and the act done that day may be one happening (the
            # act's day may be its article's: "the minister visited the port" in Tuesday's
            # paper); an announced act and one done on some other day, or undated, are not.
            return _VETOED
        if dates == 0.0 and words < _SAME_WORDS:
            # Different dates and little in common: two happenings of one kind.
            return _VETOED
        speech = x.speech and y.speech
        if speech and x.trigger != y.trigger and words < _SAID_ALIKE:
            # One speaker says several things in a day: two statements are one only when what
            # was said is alike.
            return _VETOED
        if (x.trigger in DENIAL_VERBS) != (y.trigger in DENIAL_VERBS):
            return _VETOED  # "denied that it had shot down the drone" is no report of the shooting
        if x.trigger == y.trigger:
            trigger = 1.0
        elif x.kind == y.kind:
            trigger = 0.8
        elif speech and words >= _SAME_WORDS:
            # "Costa stated that Valmora would help build ferries" and "Valmora's offer to help
            # build ferries": one speech act in two words, when what was said is the same.
            trigger = 0.5
        elif (
            words >= _SAME_ACT_WORDS
            or (words >= _SAME_DAY_ACT_WORDS and self._same_day(x, y, dates))
        ) and not (x.speech or y.speech):
            # Outlets name one act with different verbs ("ripped through", "devastated"); most of
            # the telling words in common say it is one happening all the same.
            trigger = 0.4
        elif x.speech != y.speech and dates == 1.0 and words >= _SAME_ACT_WORDS:
            # The same agents reporting their own act ("confirmed the 36 deaths") and doing it
            # ("raised the toll to 36"), on the same day in most of the same words.
            trigger = 0.4
        else:
            return _OTHER_KIND  # reports of different kinds of act are different happenings
        union = len(x.actors | y.actors)
        actors = len(x.actors & y.actors) / union if union else 0.0
        titles = self.titles_alike(x.title, y.title) / 100
        # When the telling words of one side are all repeated, the likeness of the sentences
        # can add nothing to the wording: it is complete already.
        wording = (
            words
            if words >= 1.0
            else max(words, self.sentences_alike(x.sentence, y.sentence) / 100)
        )
        score = 0.35 * trigger + 0.2 * actors + 0.2 * wording + 0.1 * titles + 0.15 * dates
        if speech:
            # One speaker says many things in a day, in words that overlap: statements need a
            # little more in common than deeds.
            score -= 0.05
        if dates == 0.0:
            # Outlets do misdate, so a clash is evidence against, not a veto: only reports that
            # share most of their telling words get over it.
            score -= 0.15
        if x.agents and y.agents:
            if x.agents & y.agents:
                score += 0.1
            elif words < _SAME_WORDS:
                score -= 0.1  # a country and a person, saying different things
        return score

    def _same_day(self, x: _Report, y: _Report, dates: float) -> bool:
        """Two reports dated to the same day, in verbs that may name one act: outlets telling
        it in different words ("hit the quay", "struck the pier")."""
        a, b = self.date_values[x.date], self.date_values[y.date]
        return (
            dates == 1.0
            # Two acts the lexicon tells apart ("closed", "visited") stay two; a verb it does
            # not know may name a known act in other words.
            and not (x.trigger in EVENT_VERBS and y.trigger in EVENT_VERBS)
            and a is not None
            and b is not None
            and a.granularity == b.granularity == "day"
        )

    def _words(self, x: _Report, y: _Report) -> float:
        """The share of telling words two reports have in common, by their sentences or by their
        titles, whichever share more."""
        titles = self._shared(
            x.title_words, x.title_weight, y.title_words, y.title_weight, x.names, y.names
        )
        if titles >= 1.0:
            return titles  # no share is more than whole
        sentences = self._shared(x.words, x.words_weight, y.words, y.words_weight, x.names, y.names)
        return max(sentences, titles)

    def _shared(
        self,
        wa: frozenset[str],
        weight_a: float,
        wb: frozenset[str],
        weight_b: float,
        names_a: frozenset[str],
        names_b: frozenset[str],
    ) -> float:
        """Share of the rarer-worded side's weight that the other side repeats, the names of
        who took part on either side left out."""
        if not wa.isdisjoint(names_b):
            wa = wa - names_b
            weight_a = self._sum(wa)
        if not wb.isdisjoint(names_a):
            wb = wb - names_a
            weight_b = self._sum(wb)
        if not wa or not wb:
            return 0.0
        if wa <= wb or wb <= wa:
            # All of one side repeated: the whole share, as summing would find (the weights are
            # positive and summed exactly).
            return 1.0
        total = min(weight_a, weight_b)
        return self._sum(wa & wb) / total if total else 0.0


@lru_cache(maxsize=4 * _CACHED)
def _alike(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b)


def _agents_conflict(a: frozenset[str], b: frozenset[str], kinds: Mapping[str, str]) -> bool:
    """Two sets of agents that name different people or different countries."""
    return bool(a and b and not a & b and not _acts_for(tuple(a), tuple(b), kinds))


def _dates_agree(a: DateValue | None, b: DateValue | None) -> tuple[float, bool]:
    return _dates_compatible(a, b), _collective_and_single(a, b)


T = TypeVar("T", bound=Hashable)


def _numbered(values: Sequence[T]) -> tuple[list[int], list[T]]:
    """Each value's number among the distinct values, and the distinct values in that order."""
    numbers: dict[T, int] = {}
    return [numbers.setdefault(v, len(numbers)) for v in values], list(numbers)


V = TypeVar("V")


class _Memo(Generic[T, V]):
    """A function of two of a story's distinct values, called by their numbers and worked out
    once for each two: many pairs of reports share their two dates, their two texts or their
    two sets of agents."""

    def __init__(self, values: Sequence[T], function: Callable[[T, T], V]) -> None:
        self.values, self.function, self.size = values, function, len(values)
        self.known: dict[int, V] = {}

    def __call__(self, x: int, y: int) -> V:
        key = x * self.size + y
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self.function(self.values[x], self.values[y])
        return found


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
        if overlap:
            return 1.0
        if a.basis != b.basis:
            guess, worded = (a, b) if a.basis == "context" else (b, a)
            # An inherited day is a guess about the article's time: an article may tell without
            # a date what came a few days before it, never what came after it; words placing a
            # report further away tell of another happening.
            reach = _GUESS_REACH if worded.end < guess.start else _GUESS_AHEAD
            if _apart(a, b) > reach:
                return 0.0
        return 0.3  # an inherited date is a guess
    if not overlap:
        return 0.0
    if "year" in (a.granularity, b.granularity) and a.granularity != b.granularity:
        # "two ferry strikes this year" is not "a ferry strike in August": a year-wide
        # report and a dated one are only the same happening when words say so.
        return 0.0
    return 1.0


def _apart(a: DateValue, b: DateValue) -> timedelta:
    """How far apart two periods lie (zero when they touch)."""
    if a.end < b.start:
        return b.start - a.end
    if b.end < a.start:
        return a.start - b.end
    return timedelta(0)


def _collective_and_single(a: DateValue | None, b: DateValue | None) -> bool:
    """A year-wide report ("two ferry strikes this year") and one dated finer ("a ferry
    strike in August") tell of a series and one of its members: never one happening."""
    if a is None or b is None or "context" in (a.basis, b.basis):
        return False
    return "year" in (a.granularity, b.granularity) and a.granularity != b.granularity


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
    # A day is finer than a week dated by its first day ("last week" reads as its Monday).
    chosen = max(
        strong,
        key=lambda d: (
            votes[d.label],
            _GRAIN_RANK[d.granularity],
            d.start == d.end,
            -d.start.toordinal(),
        ),
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
