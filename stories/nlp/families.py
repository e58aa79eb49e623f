"""Wire families: articles that are copies of one agency story, told by near-identical sentences.

Outlets that run a wire story reprint its sentences, sometimes with a word changed, a sentence
cut or a paragraph of their own added. Counting such copies as independent reports would make
one agency's account look confirmed by many, so they are grouped: two articles are one family
when most sentences of the shorter one are near-identical to sentences of the other.

Sentences are compared through shared word 5-grams (an inverted index, so the cost grows with
the text, not with the square of the article count) and then by the overlap of their words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache

from .unionfind import UnionFind

_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_WORD = re.compile(r"\w+")
MIN_WORDS = 8  # shorter sentences ("Editing by Ann Lee.") are too common to tell anything
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
    names = list(texts)
    position = {name: n for n, name in enumerate(names)}
    words: dict[str, list[frozenset[str]]] = {}
    index: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for name in names:
        words[name], shingles = _read(texts[name])
        for n, own in enumerate(shingles):
            for shingle in own:
                index[shingle].append((name, n))

    # For each pair of articles, which sentences of each have a near-identical partner.
    matched: dict[tuple[str, str], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    checked: set[tuple[str, int, str, int]] = set()
    for postings in index.values():
        if len(postings) > COMMON_SHINGLE:
            continue
        for i, (a, sa) in enumerate(postings):
            for b, sb in postings[i + 1 :]:
                if a == b:
                    continue
                if position[a] > position[b]:
                    a, sa, b, sb = b, sb, a, sa
                key = (a, sa, b, sb)
                if key in checked:
                    continue
                checked.add(key)
                x, y = words[a][sa], words[b][sb]
                if len(x & y) / len(x | y) >= SAME_SENTENCE:
                    left, right = matched[(a, b)]
                    left.add(sa)
                    right.add(sb)

    sets = UnionFind(len(names))
    for (a, b), (left, right) in matched.items():
        shared = min(len(left), len(right))
        shorter = min(len(words[a]), len(words[b]))
        if shared >= MIN_SHARED and shared >= SHARED_SHARE * shorter:
            # The set whose root comes first keeps it, so a family's root is its first article.
            keep, other = sorted((sets.find(position[a]), sets.find(position[b])))
            sets.union(keep, other)

    groups: dict[str, list[str]] = defaultdict(list)
    for n, name in enumerate(names):
        groups[names[sets.find(n)]].append(name)
    return [members for members in groups.values() if len(members) > 1]
