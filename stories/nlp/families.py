"""Wire families: articles that are copies of one agency story, told by near-identical sentences.

Outlets that run a wire story reprint its sentences, sometimes with a word changed, a sentence
cut or a paragraph of their own added. Counting such copies as independent reports would make
one agency's account look confirmed by many, so they are grouped: two articles are one family
when most sentences of the shorter one are near-identical to sentences of the other.

Sentences are compared through shared word 5-grams (an inverted index, so the cost grows with
the text, not with the square of the article count) and then by the overlap of their words.
The families are worked out again each time an article joins a story: a process keeps what it
found for the last story it read (``_Sentences``), and compares only the sentences that are new.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache

from .unionfind import UnionFind

_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_WORD = re.compile(r"\w+")
MIN_WORDS = 8  # shorter sentences ("Editing by Lena Berg.") are too common to tell anything
SHINGLE = 5
SAME_SENTENCE = 0.8  # word-set overlap (Jaccard) of two near-identical sentences
SHARED_SHARE = 0.5  # share of the shorter article's sentences found in the other
MIN_SHARED = 3  # and at least this many, so that two short texts need real overlap
# A shingle in more sentences than this is a stock phrase, not a sign of copying.
COMMON_SHINGLE = 50


def sentences(text: str) -> list[tuple[str, ...]]:
    """The text's sentences long enough to compare, each as its lowercased words."""
    out = []
    for raw in _SENTENCE.split(text):
        words = tuple(_WORD.findall(raw.lower()))
        if len(words) >= MIN_WORDS:
            out.append(words)
    return out


@lru_cache(maxsize=4096)
def _read(text: str) -> tuple[list[frozenset[str]], list[frozenset[tuple[str, ...]]]]:
    """Each sentence's words and shingles. A story's families are worked out again whenever an
    article joins it, over texts that mostly have not changed."""
    seqs = sentences(text)
    return (
        [frozenset(seq) for seq in seqs],
        [frozenset(seq[i : i + SHINGLE] for i in range(len(seq) - SHINGLE + 1)) for seq in seqs],
    )


def wire_families(texts: Mapping[str, str]) -> list[list[str]]:
    """Groups of two or more articles (by name, in the order given) that copy one story."""
    global _last
    with _lock:
        known = _last if _last is not None and _last.only_added(texts) else _Sentences()
        _last = None  # until it holds these texts in full
        known.add({name: text for name, text in texts.items() if name not in known.texts})
        families = _families(list(texts), known)
        _last = known
    return families


def _families(names: list[str], known: _Sentences) -> list[list[str]]:
    # For each pair of articles, which sentences of each have a near-identical partner.
    position = {name: n for n, name in enumerate(names)}
    matched: dict[tuple[int, int], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for d, e in known.near_identical():
        for name_a, sa in known.occurs[d]:
            a = position[name_a]
            for name_b, sb in known.occurs[e]:
                b = position[name_b]
                if a < b:
                    left, right = matched[(a, b)]
                    left.add(sa)
                    right.add(sb)
                elif b < a:
                    left, right = matched[(b, a)]
                    left.add(sb)
                    right.add(sa)

    sets = UnionFind(len(names))
    for (a, b), (left, right) in matched.items():
        shared = min(len(left), len(right))
        shorter = min(len(known.sentences_of[names[a]]), len(known.sentences_of[names[b]]))
        if shared >= MIN_SHARED and shared >= SHARED_SHARE * shorter:
            # The set whose root comes first keeps it, so a family's root is its first article.
            keep, other = sorted((sets.find(a), sets.find(b)))
            sets.union(keep, other)

    groups: dict[str, list[str]] = defaultdict(list)
    for n, name in enumerate(names):
        groups[names[sets.find(n)]].append(name)
    return [members for members in groups.values() if len(members) > 1]


class _Sentences:
    """The distinct sentences of a story's articles (copies print many word for word: each is
    compared once for all its copies), and which of them are near-identical.

    The story's families are worked out again whenever an article joins it. When articles were
    only added since the last time, what was found then still holds but for one thing: a
    shingle that the new articles make a stock phrase no longer brings two sentences together.
    So the pairs found are kept and checked for that, and only the new sentences are compared.
    """

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.sentences_of: dict[str, list[frozenset[str]]] = {}  # each article's sentences' words
        self.number: dict[frozenset[tuple[str, ...]], int] = {}  # by its shingles
        self.shingles: list[frozenset[tuple[str, ...]]] = []
        self.words: list[frozenset[str]] = []
        self.occurs: list[list[tuple[str, int]]] = []  # (article, its sentence number)
        self.seen: Counter[tuple[str, ...]] = Counter()  # sentences a shingle occurs in
        # Sentences by shingle, for the shingles that were not stock phrases when they came.
        self.index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.pairs: list[tuple[int, int]] = []  # near-identical, each sentence with itself too
        self.new: list[int] = []  # sentences not compared yet

    def only_added(self, texts: Mapping[str, str]) -> bool:
        """Whether ``texts`` are these texts and more."""
        return all(texts.get(name) == text for name, text in self.texts.items())

    def add(self, texts: Mapping[str, str]) -> None:
        for name, text in texts.items():
            self.texts[name] = text
            self.sentences_of[name], shingles = _read(text)
            for n, shingled in enumerate(shingles):
                self.seen.update(shingled)
                d = self.number.setdefault(shingled, len(self.occurs))
                if d == len(self.occurs):
                    self.shingles.append(shingled)
                    self.words.append(self.sentences_of[name][n])
                    self.occurs.append([])
                    self.new.append(d)
                self.occurs[d].append((name, n))

    def telling(self, shingles: frozenset[tuple[str, ...]]) -> bool:
        """Whether any of the shingles is in no more than ``COMMON_SHINGLE`` sentences."""
        return any(self.seen[s] <= COMMON_SHINGLE for s in shingles)

    def near_identical(self) -> list[tuple[int, int]]:
        """The pairs of distinct sentences that share a shingle in no more than
        ``COMMON_SHINGLE`` sentences and whose words overlap by ``SAME_SENTENCE`` or more; and
        each such sentence with itself, for its copies."""
        shingles, telling = self.shingles, self.telling
        self.pairs = [
            (e, d)
            for e, d in self.pairs
            if telling(shingles[d] if d == e else shingles[d] & shingles[e])
        ]
        for d in self.new:
            own = [s for s in shingles[d] if self.seen[s] <= COMMON_SHINGLE]
            if not own:
                continue
            partners: set[int] = set()
            for s in own:
                partners.update(self.index[s])
                self.index[s].append(d)
            x, size = self.words[d], len(self.words[d])
            for e in partners:
                y = self.words[e]
                shared = len(x & y)
                # ``shared / len(x | y)``, with the union's size worked out rather than built.
                if shared / (size + len(y) - shared) >= SAME_SENTENCE:
                    self.pairs.append((e, d))
            self.pairs.append((d, d))
        self.new = []
        return self.pairs


# The sentences of the texts families were last worked out for (one story's, in a process).
_last: _Sentences | None = None
_lock = threading.Lock()
