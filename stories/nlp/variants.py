"""Variant groups: one remark as rendered by different outlets.

One remark reaches the reader in several renderings: a translation worded differently ("bitter
blow", "bitter loss"), a shortened version, a fragment of the longer quote, or the reporter's
own summary of it. Two quotes are linked as one remark only when the same speaker said them and
their words (or the words the writer wrapped around one of them) meet; the links are then
closed transitively. A quote of several sentences is compared sentence by sentence and split
where other outlets render its sentences as separate remarks. Renderings whose words do not
meet at all ("I'm so grateful" / "his gratitude") are linked by the speech act they perform,
only for one speaker at one happening and when no article leaves open which quote is meant.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from stories.nlp.lexicon import (
    ACT_WORDS,
    COMPOUND_PREFIXES,
    FUNCTION_WORDS,
    GLAD_WORDS,
    GUEST_WORDS,
    MEETING_WORDS,
    NEGATIONS,
    NOT_ACTS,
    PLACE_TIME_PREPOSITIONS,
    PREPOSITIONS,
    STOPWORDS,
    WARM_WORDS,
    WELCOME_WORDS,
)
from stories.nlp.quotes import find_quoted
from stories.nlp.stems import stem
from stories.nlp.types import Quote
from stories.nlp.unionfind import UnionFind

_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"]?\s+(?=[“‘\"]?[A-Z])")
# What may stand between two quoted fragments of one list: “a”, “b” and “c”.
_LIST_GLUE = re.compile(r"^[\s,;”’\"“‘]*(?:(?:and|or|as well as)[\s”’\"“‘]*)?$")
_CASED = re.compile(r"(?<![.!?] )(?<=\s)[A-Za-z]+")
_SHORT = 3  # content words of a phrase (a fragment) rather than a sentence
_OVERLAP = 0.5  # share of the lighter sentence's weight two renderings of a sentence share
_DESCRIBED = 0.6  # share of a quote's weight the writer's words around another quote must hold
_FUZZY = 85  # token_set_ratio of two renderings worded nearly alike


_CASED_WORD = re.compile(r"[A-Za-z0-9]+")
# Texts and words read once per process: outlets repeat a remark word for word, and a story's
# articles share most of their vocabulary.
_CACHED = 1 << 16


def speech_act(text: str) -> str | None:
    """The speech act a quote performs, from its first cue word: "welcome", "thanks",
    "support", "congratulate", "invite", "condolences", "apology", prefixed "not-" when negated
    ("we do not support"), or None.

    The first cue is the head in English main clauses and noun phrases ("I'm so grateful you
    ...", "strong support for ..."); later cues tend to sit in what follows ("thank you for
    the warm welcome" thanks, it does not welcome)."""
    return _speech_act(text)[0]


@functools.lru_cache(maxsize=_CACHED)
def _speech_act(text: str) -> tuple[str | None, frozenset[str]]:
    """The speech act (``speech_act``) and the names after its cue: whom or what it is aimed
    at ("support for President Silva", not "in Harbourton"), as stems so "Valmora"
    meets "Valmoran"."""
    cased = _CASED_WORD.findall(text.replace("’", "'"))
    tokens = [t.lower() for t in cased]

    def guest_after(n: int) -> bool:
        return any(
            t in GUEST_WORDS or (m > 0 and cased[m][0].isupper())
            for m, t in enumerate(tokens[n + 1 : n + 4], n + 1)
        )

    for n, w in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else ""
        if (w, nxt) in NOT_ACTS:
            continue
        act = None
        if w in WELCOME_WORDS:
            if guest_after(n) or (n and tokens[n - 1] in WARM_WORDS):
                act = "welcome"
        elif w in GLAD_WORDS:
            meet = next(
                (m for m in range(n + 1, n + 5) if m < len(tokens) and tokens[m] in MEETING_WORDS),
                None,
            )
            if meet is not None and guest_after(meet):
                act = "welcome"
        else:
            act = next(
                (a for a, cues in ACT_WORDS.items() if w in cues or f"{w}_{nxt}" in cues), None
            )
        if act is None:
            continue
        negated = any(t in NEGATIONS for t in tokens[max(0, n - 3) : n])
        names = frozenset(
            stem(t.lower())
            for m, t in enumerate(cased[n + 1 :], n + 1)
            if t[0].isupper() and t != "I" and tokens[m - 1] not in PLACE_TIME_PREPOSITIONS
        )
        return (f"not-{act}" if negated else act), names
    return None, frozenset()


@functools.lru_cache(maxsize=_CACHED)
def _content_stem(word: str) -> str | None:
    """The stem of a content word, None for any other word."""
    if len(word) > 2 and word not in COMPOUND_PREFIXES and word not in STOPWORDS:
        return None if word.isdigit() else stem(word)
    return None


def _content(text: str) -> list[str]:
    """Content-word stems in order, so inflections meet ("unionist", "unionism";
    "developing", "development")."""
    return [
        s
        for w in _WORD.findall(text.lower().replace("’", "'"))
        if (s := _content_stem(w)) is not None
    ]


def _stems(text: str) -> set[str]:
    return set(_content(text))


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


def _key(text: str) -> set[str]:
    """What tells a short phrase apart: its modifiers, not its head noun. Translations of one
    phrase keep the distinctive word and vary the generic one ("bitter blow", "bitter loss"),
    while "loss for X" shares only the generic head with "bitter loss"."""
    tokens = _WORD.findall(text.lower().replace("’", "'"))
    cut = next((n for n, w in enumerate(tokens) if w in PREPOSITIONS and n), len(tokens))
    head_part, rest = tokens[:cut], tokens[cut:]
    head_content = _content(" ".join(head_part))
    head = head_content[-1] if head_content else None
    key = set(head_content[:-1]) | set(_content(" ".join(rest)))
    return key or ({head} if head else set())


def _shape(text: str) -> str:
    """Function words kept, content words as slots: "swift and thorough review" and
    "quick and careful inquiry" are both "W and W W"."""
    return " ".join(
        w if w in FUNCTION_WORDS else "W" for w in _WORD.findall(text.lower().replace("’", "'"))
    )


@functools.lru_cache(maxsize=_CACHED)
def _reading(text: str) -> tuple[set[str], set[str], str, str, frozenset[str], int, str, bool]:
    """What the comparison reads off a unit's text (the fields of ``_Unit``). Units of one text
    share the sets, which nothing changes."""
    norm = _norm(text)
    tokens = norm.split()
    shape = _shape(text)
    shaped = shape.count("W") >= 3 and any(w in FUNCTION_WORDS for w in shape.split())
    return (
        _stems(text),
        _key(text),
        norm,
        f" {norm} ",
        frozenset(tokens),
        len(tokens),
        shape,
        shaped,
    )


@dataclasses.dataclass
class _Unit:
    """One sentence of a quote (or the whole quote), with what the comparison needs."""

    quote: int
    piece: int
    start: int  # offsets into the article
    end: int
    text: str
    framing: set[str]  # the writer's own words in the quote's sentence
    carrier: bool = False  # reported speech that wraps a quoted fragment
    act: str | None = None  # the speech act it performs (``speech_act``)
    aimed_at: frozenset[str] = frozenset()  # names after the act's cue
    # Read off the text once here: a unit meets many others, and ``replace`` works them out anew.
    stems: set[str] = dataclasses.field(init=False)
    key: set[str] = dataclasses.field(init=False)
    norm: str = dataclasses.field(init=False)
    padded: str = dataclasses.field(init=False)  # ``norm`` between spaces, to find it in another
    words: frozenset[str] = dataclasses.field(init=False)  # the distinct words of ``norm``
    length: int = dataclasses.field(init=False)  # how many words ``norm`` has
    shape: str = dataclasses.field(init=False)
    shaped: bool = dataclasses.field(init=False)  # ``shape`` is specific enough to compare

    def __post_init__(self) -> None:
        (
            self.stems,
            self.key,
            self.norm,
            self.padded,
            self.words,
            self.length,
            self.shape,
            self.shaped,
        ) = _reading(self.text)

    @property
    def short(self) -> bool:
        return len(self.stems) <= _SHORT


@functools.lru_cache(maxsize=_CACHED)
def _paragraph(p: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A paragraph's distinct content stems, and the stems of the words it writes with a capital
    and without one (but a sentence's first word, which any sentence capitalises). Tuples of
    shared strings: a story's paragraphs are many to keep."""
    words = set(_WORD.findall(p.lower().replace("’", "'")))
    cased = set(_CASED.findall(p))
    return (
        tuple({s for w in words if (s := _content_stem(w)) is not None}),
        tuple({sys.intern(stem(w.lower())) for w in cased if w[0].isupper()}),
        tuple({sys.intern(stem(w.lower())) for w in cased if not w[0].isupper()}),
    )


class _Weights:
    """Inverse paragraph frequency of stems over the story: words every article repeats (the
    actors' names, "meeting") weigh little, a remark's own words ("bitter") weigh much."""

    def __init__(self, texts: Mapping[str, str] | None, quotes: Sequence[Quote]) -> None:
        paras = [p for t in (texts or {}).values() for p in t.split("\n") if p.strip()]
        if not paras:
            paras = [q.text for q in quotes]
        self.n = len(paras)
        self.df: Counter[str] = Counter()
        # Outlets print the same paragraph (wire copy, templates): each text is read once.
        repeats = Counter(paras)
        upper: set[str] = set()
        lower: set[str] = set()
        for p, times in repeats.items():
            stems, capitalised, uncapitalised = _paragraph(p)
            if times == 1:
                self.df.update(stems)
            else:
                self.df.update(dict.fromkeys(stems, times))
            upper.update(capitalised)
            lower.update(uncapitalised)
        # Names (never written in lower case) say who, not what: "Silva", "Valmora".
        self.names = frozenset(upper - lower)
        self._of: dict[str, float] = {}
        self._totals: dict[int, tuple[set[str], float]] = {}
        self._unnamed: dict[int, tuple[set[str], set[str], float]] = {}

    def of(self, s: str) -> float:
        """The weight of one stem."""
        weight = self._of.get(s)
        if weight is None:
            weight = self._of[s] = math.log((self.n + 1) / (self.df.get(s, 0) + 1)) + 0.1
        return weight

    def __call__(self, stems: Iterable[str]) -> float:
        return sum(self.of(s) for s in stems)

    def total(self, stems: set[str]) -> float:
        """``self(stems)`` of a unit's stems, which every pair it is in weighs again. The set is
        kept with its weight, so that its id names it while the weights live."""
        held = self._totals.get(id(stems))
        if held is None:
            held = self._totals[id(stems)] = (stems, self(stems))
        return held[1]

    def unnamed(self, stems: set[str]) -> tuple[set[str], float]:
        """A unit's stems but the names, and their weight."""
        held = self._unnamed.get(id(stems))
        if held is None:
            rest = stems - self.names
            held = self._unnamed[id(stems)] = (stems, rest, self(rest))
        return held[1], held[2]


def _units(quotes: Sequence[Quote], texts: Mapping[str, str] | None) -> list[list[_Unit]]:
    out: list[list[_Unit]] = []
    for qi, q in enumerate(quotes):
        text = (texts or {}).get(q.file)
        framing: set[str] = set()
        # Around reported speech the writer's words are often more reported speech, which
        # would describe a different remark; only quote marks set the framing apart.
        if q.direct and text is not None and q.sentence_end > q.sentence_start:
            sent = text[q.sentence_start : q.sentence_end]
            cut = [(a, b) for a, b in find_quoted(sent)]
            rel = (q.start - q.sentence_start, q.end - q.sentence_start)
            if 0 <= rel[0] <= rel[1] <= len(sent):
                cut.append(rel)
            kept, last = [], 0
            for a, b in sorted(cut):
                kept.append(sent[last:a])
                last = max(last, b)
            kept.append(sent[last:])
            framing = _stems(" ".join(kept))
        carrier = not q.direct and any(ch in q.text for ch in '“”"')
        pieces: list[tuple[int, int]] = []
        if q.direct:
            last = 0
            for m in _SENTENCE_END.finditer(q.text):
                pieces.append((last, m.start()))
                last = m.end()
            pieces.append((last, len(q.text)))
        else:
            pieces = [(0, len(q.text))]
        units = []
        for n, (a, b) in enumerate(pieces):
            piece = q.text[a:b]
            units.append(
                _Unit(qi, n, q.start + a, q.start + b, piece, framing, carrier, *_speech_act(piece))
            )
        out.append(units)
    return out


class _Linker:
    def __init__(
        self,
        quotes: Sequence[Quote],
        weights: _Weights,
        texts: Mapping[str, str] | None,
        event_days: Sequence[str | None] | None,
    ) -> None:
        self.quotes, self.w, self.texts, self.event_days = quotes, weights, texts, event_days

    def events_apart(self, a: Quote, b: Quote) -> bool:
        """Said at two different happenings. Events of one day may be one happening that the
        merge left split, so with their days known only different days keep remarks apart."""
        if a.event is None or b.event is None or a.event == b.event:
            return False
        if self.event_days is None:
            return True
        da, db = self.event_days[a.event], self.event_days[b.event]
        return da is not None and db is not None and da != db

    def overlap(self, a: set[str], b: set[str]) -> float:
        """Weighted share of the smaller side's words that the other side has."""
        small = min(self.w.total(a), self.w.total(b))
        return self.w(a & b) / small if small else 0.0

    def described(self, words_: set[str], framing: set[str]) -> bool:
        """Whether the writer's words around another quote say the same thing ("Costa offered to
        help them build ferries" / "asked about helping with ferries, Costa said '...'")."""
        words_, weight = self.w.unnamed(words_)
        shared = words_ & framing
        return len(shared) >= 2 and self.w(shared) >= _DESCRIBED * weight

    def same_remark(self, ua: _Unit, ub: _Unit, whole_b: _Unit | None = None) -> bool:
        a, b = self.quotes[ua.quote], self.quotes[ub.quote]
        if a.speaker is None or a.speaker != b.speaker or self.events_apart(a, b):
            return False
        na, nb = ua.norm, ub.norm
        if ua.carrier or ub.carrier:
            # Reported speech around a quoted fragment is the remark that fragment comes from.
            outer, inner = (ua, ub) if ua.carrier else (ub, ua)
            return (
                a.file == b.file
                and not inner.carrier
                and outer.start <= inner.start
                and inner.end <= outer.end
            )
        if not na or not nb:
            return False
        if na == nb or (
            min(len(na), len(nb)) >= 4 and (ua.padded in ub.padded or ub.padded in ua.padded)
        ):
            return True  # the same words, or a fragment of the longer quote
        if a.file == b.file:
            # Within one article distinct quotes are distinct remarks, unless they are items of
            # one list the speaker gave: “a” and “b”.
            if a.sentence_start == b.sentence_start and self.texts is not None:
                first, second = sorted((ua, ub), key=lambda u: u.start)
                between = self.texts[a.file][first.end : second.start]
                return len(between) < 12 and bool(_LIST_GLUE.match(between))
            return False
        if ua.act and ub.act and ua.act != ub.act:
            return False  # a welcome and a thank-you: two remarks, however their words meet
        sa, sb = ua.stems, ub.stems
        if ua.short or ub.short:
            short, other = (ua, ub) if len(sa) <= len(sb) else (ub, ua)
            if not short.key:  # only function words: "that's why we are here"
                if min(ua.length, ub.length) >= 4 and fuzz.token_set_ratio(na, nb) >= _FUZZY:
                    return True
            elif short.key <= other.stems or (other.short and other.key <= short.stems):
                return (
                    True  # the distinctive word(s) of a phrase recur: "bitter blow" / "bitter loss"
                )
            elif self._same_shape(ua, ub):
                return True
            return self.described(sa, ub.framing) or self.described(sb, ua.framing)
        if len(sa & sb) >= 2 and self.overlap(sa, sb) >= _OVERLAP:
            return True
        if fuzz.token_set_ratio(na, nb) >= _FUZZY and min(len(sa), len(sb)) >= 2:
            return True
        return self.described(sa, ub.framing) or self.described(sb, ua.framing)

    def same_act(self, ua: _Unit, ub: _Unit) -> bool:
        """One speech act of one speaker, told by two articles of one happening: "I'm very glad
        to see you" / "his pleasure in seeing him". Both quotes must be placed at an event."""
        a, b = self.quotes[ua.quote], self.quotes[ub.quote]
        return (
            ua.act is not None
            and ua.act == ub.act
            and a.file != b.file
            and a.speaker is not None
            and a.speaker == b.speaker
            and a.event is not None
            and b.event is not None
            and not self.events_apart(a, b)
            # support "for Valmora" and "for Caldoria" are two acts, aimed at two parties; a
            # welcome is aimed at the guest, whom one outlet names and the other calls "you"
            and (
                ua.act == "welcome"
                or not (ua.aimed_at and ub.aimed_at and not ua.aimed_at & ub.aimed_at)
            )
        )

    def _same_shape(self, ua: _Unit, ub: _Unit) -> bool:
        """Two renderings of one phrase at one event with the same build ("W and W W")."""
        a, b = self.quotes[ua.quote], self.quotes[ub.quote]
        return a.event is not None and a.event == b.event and ua.shaped and ua.shape == ub.shape


_MARGIN = 1e-9  # for rounding in sums of weights: a candidate too many costs little, one too few
_FUZZY_SHARE = 1 - _FUZZY / 100


def _heaviest(stems: Iterable[str], share: float, weight: Callable[[str], float]) -> list[str]:
    """The fewest heaviest stems that weigh more than ``share`` of all: a part of the stems that
    weighs at least the rest of the total must hold one of them."""
    ranked = sorted(stems, key=lambda s: (-weight(s), s))
    need = share * sum(weight(s) for s in ranked) * (1 + _MARGIN)
    out: list[str] = []
    held = 0.0
    for s in ranked:
        out.append(s)
        held += weight(s)
        if held > need:
            break
    return out


class _Index:
    """One speaker's units (by number) under what a link between two of them goes through."""

    def __init__(self) -> None:
        self.article: defaultdict[str, list[int]] = defaultdict(list)
        self.word: defaultdict[str, list[int]] = defaultdict(list)
        self.stem: defaultdict[str, list[int]] = defaultdict(list)
        self.framing: defaultdict[str, list[int]] = defaultdict(list)
        self.shape: defaultdict[tuple[int, str], list[int]] = defaultdict(list)
        self.wordy: list[int] = []  # of four words or more


class _Candidates:
    """Which units a unit may be one remark with. Every way ``same_remark`` links two units
    needs them to have one speaker and to share something: the article (the same-article
    rules), a word (all the words of the shorter are in the longer: the same words, a fragment,
    a word set within another), a phrase's distinctive stems, a heavy part of the weight of
    their stems or of the writer's words, a build at one event. Units are indexed by those
    once; each unit looks up only the entries that such a link would go through, so comparing
    the pairs found links what comparing every pair would, at a cost that follows the number
    of units and of links rather than its square.

    One rule reaches past what the index guarantees: two long sentences whose words differ
    but are spelt nearly alike (token_set_ratio, see ``_fuzzy_words``)."""

    def __init__(self, items: Sequence[_Unit], quotes: Sequence[Quote], weights: _Weights) -> None:
        self.items, self.quotes, self.w = items, quotes, weights
        self.index: defaultdict[str, _Index] = defaultdict(_Index)
        for n, u in enumerate(items):
            q = quotes[u.quote]
            if q.speaker is None:
                continue  # said by no one known: never one remark with anything
            index = self.index[q.speaker]
            index.article[q.file].append(n)
            if u.carrier or not u.norm:
                continue  # these link within their own article only
            for w in u.words:
                index.word[w].append(n)
            for s in u.stems:
                index.stem[s].append(n)
            for s in u.framing:
                index.framing[s].append(n)
            if q.event is not None and u.shaped:
                index.shape[(q.event, u.shape)].append(n)
            if u.length >= 4:
                index.wordy.append(n)
        self._keys: dict[tuple[str, str], tuple[list[str], list[str], list[str], bool]] = {}
        self._heavy: dict[str, tuple[list[str], list[str]]] = {}

    def of(self, n: int) -> set[int]:
        """The items that item ``n`` may be one remark with. Of each pair ``same_remark``
        links, one item at least finds the other (the pair's shorter or lighter one)."""
        u = self.items[n]
        q = self.quotes[u.quote]
        if q.speaker is None:
            return set()
        index = self.index[q.speaker]
        found = set(index.article[q.file])
        if u.carrier or not u.norm:
            return found
        if q.event is not None and u.shaped:
            found.update(index.shape.get((q.event, u.shape), ()))
        keys = self._keys.get((q.speaker, u.text))
        if keys is None:
            keys = self._keys[(q.speaker, u.text)] = self._keys_of(u, index)
        words, stems, framing, wordy = keys
        for k in words:
            found.update(index.word[k])
        for k in stems:
            found.update(index.stem[k])
        for k in framing:
            found.update(index.framing.get(k, ()))
        if wordy:
            found.update(index.wordy)
        return found

    def _keys_of(self, u: _Unit, index: _Index) -> tuple[list[str], list[str], list[str], bool]:
        """The entries of the speaker's index that the unit looks up (words, stems, framing
        stems, whether all quotes of four words or more), the same for every rendering of one
        text by the speaker."""

        def rarest(entries: Mapping[str, list[int]], keys: Iterable[str]) -> str:
            return min(keys, key=lambda k: (len(entries[k]), k))

        # Equal words, a fragment of a longer quote, a word set within another: all the words
        # of the one are in the other, its rarest too.
        words = [rarest(index.word, u.words)]
        heavy, framing = self._heaviest_of(u)
        stems: list[str] = []
        if u.stems and u.short:  # the phrase's distinctive stems are all in the other
            stems = [rarest(index.stem, u.key)]
        elif u.stems:
            stems = heavy
            words += self._fuzzy_words(u, index)
        # Only function words: token_set_ratio with every quote long enough.
        wordy = not u.stems and u.length >= 4
        return words, stems, framing, wordy

    def _heaviest_of(self, u: _Unit) -> tuple[list[str], list[str]]:
        """The heaviest stems of a text, whoever says it: enough of them that a sentence
        sharing half the weight of the text shares one (when the text is the lighter), and
        enough of them but the names that a framing holding a heavy part of those does."""
        known = self._heavy.get(u.text)
        if known is None:
            words_ = u.stems - self.w.names
            known = self._heavy[u.text] = (
                _heaviest(u.stems, _OVERLAP, self.w.of),
                _heaviest(words_, 1 - _DESCRIBED, self.w.of) if len(words_) >= 2 else [],
            )
        return known

    @staticmethod
    def _fuzzy_words(u: _Unit, index: _Index) -> list[str]:
        """The unit's rarest words, enough of them that a sentence holding none of them leaves
        too many of the unit's letters unshared for token_set_ratio to reach ``_FUZZY`` by
        the shared words alone. Its other way there, sorted differing words alike letter by
        letter, has no word it must share: the one link the index may miss."""
        ranked = sorted(u.words, key=lambda w: (len(index.word[w]), w))
        letters = len(" ".join(u.words))
        # The ratio of the shared words against them plus the unit's other words (``apart``
        # letters) is 1 - (1 + apart) / (2 * shared + 1 + apart), shared = letters - 1 - apart.
        most = (_FUZZY_SHARE * (2 * letters - 1) - 1) / (1 + _FUZZY_SHARE) + _MARGIN
        out: list[str] = []
        apart = -1
        for w in ranked:
            out.append(w)
            apart += len(w) + 1
            if apart > most:
                break
        return out


class _Groups:
    """The union-find over units, knowing for each group its units and which quotes of which
    article it holds: the passes ask that of groups, and asking it of every unit is quadratic."""

    def __init__(self, flat: Sequence[_Unit], quotes: Sequence[Quote]) -> None:
        self.sets = UnionFind(len(flat))
        self.members: dict[int, set[int]] = {n: {n} for n in range(len(flat))}
        self.held: dict[int, dict[str, set[int]]] = {
            n: {quotes[u.quote].file: {u.quote}} for n, u in enumerate(flat)
        }

    def find(self, item: int) -> int:
        return self.sets.find(item)

    def union(self, keep: int, other: int) -> None:
        a, b = self.sets.find(keep), self.sets.find(other)
        if a == b:
            return
        root = self.sets.union(keep, other)
        gone = b if root == a else a
        # The smaller side joins the larger, so no unit is copied more than log(n) times.
        small, big = self.members.pop(gone), self.members[root]
        if len(small) > len(big):
            small, big = big, small
        big |= small
        self.members[root] = big
        held_small, held_big = self.held.pop(gone), self.held[root]
        if len(held_small) > len(held_big):
            held_small, held_big = held_big, held_small
        for file, held in held_small.items():
            held_big.setdefault(file, set()).update(held)
        self.held[root] = held_big

    def others(self, item: int, found: set[int]) -> set[int]:
        """The items of ``found`` that are not in the item's group."""
        return found - self.members[self.sets.find(item)]

    def holds_other(self, item: int, quote: int, file: str) -> bool:
        """Whether the item's group holds a quote other than ``quote`` (of ``file``)."""
        held = self.held[self.sets.find(item)]
        return len(held) > 1 or len(held[file]) > 1

    def told_apart(self, i: int, j: int) -> bool:
        """Whether one article holds different quotes in the two groups: it tells them apart."""
        in_i, in_j = self.held[self.sets.find(i)], self.held[self.sets.find(j)]
        files = in_i.keys() if len(in_i) <= len(in_j) else in_j.keys()
        return any(file in in_i and file in in_j and not in_j[file] <= in_i[file] for file in files)


def group_variants(
    quotes: Sequence[Quote],
    texts: Mapping[str, str] | None = None,
    event_days: Sequence[str | None] | None = None,
) -> list[Quote]:
    """The quotes with ``variant_group`` set: quotes of one remark share it, every quote gets one.

    ``texts`` (article text by file) lets the writer's framing and the story's word frequencies
    count; ``event_days`` (a day label per event index) lets same-day events count as one. A quote
    of several sentences comes back split where its sentences belong to different remarks. Ids
    follow first appearance (by file, then offset), so they are deterministic."""
    units = _units(quotes, texts)
    flat = [u for us in units for u in us]
    index = {(u.quote, u.piece): n for n, u in enumerate(flat)}
    groups = _Groups(flat, quotes)
    find, union = groups.find, groups.union

    weights = _Weights(texts, quotes)
    linker = _Linker(quotes, weights, texts, event_days)
    wholes = {
        qi: dataclasses.replace(
            us[0],
            piece=-1,
            end=us[-1].end,
            text=quotes[qi].text,
            act=None,
            aimed_at=frozenset(),
        )
        for qi, us in enumerate(units)
        if len(us) > 1
    }
    whole_of = list(wholes)  # the quote of each whole, numbered after the units
    items = flat + [wholes[qi] for qi in whole_of]
    candidates = _Candidates(items, quotes, weights)
    to_wholes: set[tuple[int, int]] = set()  # (unit, whole)
    unlike: set[tuple[int, int]] = set()  # pairs compared and found two remarks
    for n, u in enumerate(items):
        if n >= len(flat):
            to_wholes.update((m, n) for m in candidates.of(n) if m < len(flat))
            continue
        # Units already in the unit's group are passed over: a link would change no group.
        for m in groups.others(n, candidates.of(n)):
            if m >= len(flat):
                to_wholes.add((n, m))
                continue
            pair = (n, m) if n < m else (m, n)
            if flat[m].quote == u.quote or pair in unlike or find(n) == find(m):
                continue
            if linker.same_remark(u, flat[m]):
                union(n, m)
            else:
                unlike.add(pair)
    # A remark told across sentences matches only the whole quote: it binds all its sentences.
    for i, j in sorted(to_wholes):
        u, qi = flat[i], whole_of[j - len(flat)]
        if u.quote == qi:
            continue
        if linker.same_remark(u, wholes[qi]) and not any(
            linker.same_remark(u, p) for p in units[qi]
        ):
            for p in units[qi]:
                union(i, index[(qi, p.piece)])

    # Sentences of one quote stay together unless other outlets render them apart.
    for qi, us in enumerate(units):
        if len(us) < 2:
            continue
        ids = [index[(qi, u.piece)] for u in us]
        outside = [groups.holds_other(i, qi, quotes[qi].file) for i in ids]
        roots = [find(i) for i in ids]
        for n in range(len(ids) - 1):
            if not outside[n] and not outside[n + 1]:
                union(ids[n], ids[n + 1])
        for n in range(1, len(ids) - 1):  # a sentence between two of one remark is part of it
            if not outside[n] and roots[n - 1] == roots[n + 1]:
                union(ids[n - 1], ids[n])

    # Last, renderings of one speech act ("I'm so grateful" / "his gratitude"): after the split,
    # so that a sentence joined only by its act never cuts a quote apart.
    # Only where an article has one quote of the act by the speaker is it clear which is meant.
    acts = Counter(
        (act, file, speaker)
        for act, file, speaker, _ in {
            (u.act, quotes[u.quote].file, quotes[u.quote].speaker, u.quote) for u in flat
        }
    )
    by_act: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, u in enumerate(flat):
        q = quotes[u.quote]
        if (
            u.act is not None
            and q.speaker is not None
            and q.event is not None
            and acts[(u.act, q.file, q.speaker)] == 1
        ):
            by_act[(u.act, q.speaker)].append(n)
    # Each link changes what later pairs see (``told_apart``), so pairs go in the order of the
    # units, as when every pair was tried; a unit pairs only with later ones of its act.
    place = {n: (block, k) for block in by_act.values() for k, n in enumerate(block)}
    for i in sorted(place):
        block, k = place[i]
        file = quotes[flat[i].quote].file
        for j in block[k + 1 :]:
            if (
                quotes[flat[j].quote].file != file
                and find(i) != find(j)
                and linker.same_act(flat[i], flat[j])
                and not groups.told_apart(i, j)
            ):
                union(i, j)

    pieces: list[Quote] = []
    roots_of: list[int] = []
    for qi, us in enumerate(units):
        q = quotes[qi]
        run: list[_Unit] = []
        for u in us + [None]:  # type: ignore[list-item]
            if run and (u is None or find(index[(qi, u.piece)]) != find(index[(qi, run[0].piece)])):
                a, b = run[0].start - q.start, run[-1].end - q.start
                pieces.append(
                    dataclasses.replace(q, text=q.text[a:b], start=q.start + a, end=q.start + b)
                    if len(run) < len(us)
                    else q
                )
                roots_of.append(find(index[(qi, run[0].piece)]))
                run = []
            if u is not None:
                run.append(u)
    order = sorted(range(len(pieces)), key=lambda i: (pieces[i].file, pieces[i].start))
    ids: dict[int, int] = {}
    for i in order:
        ids.setdefault(roots_of[i], len(ids))
    return [dataclasses.replace(q, variant_group=ids[roots_of[i]]) for i, q in enumerate(pieces)]


def share_events(quotes: Sequence[Quote]) -> list[Quote]:
    """A remark is said once: renderings that no event claims take the event the other
    renderings of their group agree on (one event, or a clear majority of them)."""
    votes: dict[int, Counter[int]] = {}
    for q in quotes:
        if q.variant_group is not None and q.event is not None:
            votes.setdefault(q.variant_group, Counter())[q.event] += 1
    agreed: dict[int | None, int | None] = {}  # the event a group agrees on, by group
    out = []
    for q in quotes:
        if q.event is None:
            if q.variant_group not in agreed:
                ranked = votes.get(q.variant_group, Counter()).most_common(2)
                clear = ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
                agreed[q.variant_group] = ranked[0][0] if clear else None
            event = agreed[q.variant_group]
            if event is not None:
                q = dataclasses.replace(q, event=event)
        out.append(q)
    return out
