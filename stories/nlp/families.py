"""Wire families: articles that are copies of one agency story, told by near-identical sentences.

Outlets that run a wire story reprint its sentences, sometimes with a word changed, a sentence
cut or a paragraph of their own added. Counting such copies as independent reports would make
one agency's account look confirmed by many, so they are grouped: two articles are one family
when most sentences of the shorter one are near-identical to sentences of the other.

Sentences are compared through shared word 5-grams (an inverted index, so the cost grows with
the text, not with the square of the article count) and then by the overlap of their words. A
sentence printed word for word in several articles is compared once for all its copies: the
families are worked out again each time an article joins a story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
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
    words: dict[str, list[frozenset[str]]] = {}
    # Copies print many sentences word for word: each distinct sentence (its shingles, which
    # hold its words) is compared once, and keeps where it occurs, in the order of the articles.
    distinct: dict[frozenset[tuple[str, ...]], int] = {}
    occurs: list[list[tuple[int, int]]] = []
    seen: Counter[tuple[str, ...]] = Counter()  # sentences a shingle occurs in
    for a, name in enumerate(names):
        words[name], shingles = _read(texts[name])
        for n, shingled in enumerate(shingles):
            seen.update(shingled)
            d = distinct.setdefault(shingled, len(occurs))
            if d == len(occurs):
                occurs.append([])
            occurs[d].append((a, n))

    # For each pair of articles, which sentences of each have a near-identical partner.
    matched: dict[tuple[int, int], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    sentence_words = [words[names[a]][n] for a, n in (places[0] for places in occurs)]
    for d, e in _near_identical(list(distinct), seen, sentence_words):
        for a, sa in occurs[d]:
            for b, sb in occurs[e]:
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
        shorter = min(len(words[names[a]]), len(words[names[b]]))
        if shared >= MIN_SHARED and shared >= SHARED_SHARE * shorter:
            # The set whose root comes first keeps it, so a family's root is its first article.
            keep, other = sorted((sets.find(a), sets.find(b)))
            sets.union(keep, other)

    groups: dict[str, list[str]] = defaultdict(list)
    for n, name in enumerate(names):
        groups[names[sets.find(n)]].append(name)
    return [members for members in groups.values() if len(members) > 1]


def _near_identical(
    shingles: list[frozenset[tuple[str, ...]]],
    seen: Mapping[tuple[str, ...], int],
    words: list[frozenset[str]],
) -> Iterator[tuple[int, int]]:
    """The pairs of distinct sentences, by number, that share a shingle in no more than
    ``COMMON_SHINGLE`` sentences (``seen``) and whose words overlap by ``SAME_SENTENCE`` or
    more; and each such sentence with itself, for its copies."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for d, own in enumerate(shingles):
        telling = [s for s in own if seen[s] <= COMMON_SHINGLE]
        if not telling:
            continue
        partners: set[int] = set()
        for s in telling:
            partners.update(index[s])
            index[s].append(d)
        x, size = words[d], len(words[d])
        for e in partners:
            y = words[e]
            shared = len(x & y)
            # ``shared / len(x | y)``, with the union's size worked out rather than built.
            if shared / (size + len(y) - shared) >= SAME_SENTENCE:
                yield e, d
        yield d, d
