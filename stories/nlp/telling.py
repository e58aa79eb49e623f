"""Telling words: what a sentence is about, as stems weighed by how rare they are in the story.

Two reports share what they tell when most of the weight of the rarer-worded one is repeated by
the other: the story's common words ("said", its main actor) weigh little, its rare ones (a
number, a place, an unusual verb) a lot. Events are merged on this, and an undated article's
"on Thursday" is tied to the day a dated sibling gives the same happening.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping

from .lexicon import COMMON_WORDS, MODALS, NEGATIONS
from .stems import stem

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def telling_words(text: str) -> frozenset[str]:
    """The stems of a text's content words, and its numbers as "#<digits>"."""
    # Stems let "launching" meet "launched"; numbers are telling words too ("6.4", "12 billion").
    words = re.findall(r"[^\W\d_]+", text.lower())
    found = {stem(w) for w in words if len(w) > 2 and w not in COMMON_WORDS}
    found |= {"#" + n.replace(",", "") for n in _NUMBER.findall(text) if len(n) > 1 or n != "1"}
    return frozenset(found)


def names_act(words: frozenset[str], trigger: str) -> bool:
    """Whether telling words name the act a trigger lemma stands for ("kill" in "killed",
    "offer" in "offered"); a compound trigger ("take_office") by its verb."""
    act = stem(trigger.split("_")[0])
    return any(w.startswith(act) for w in words)


def told_around(text: str, trigger: str, reach: int) -> list[frozenset[str]]:
    """The telling words within ``reach`` words of each place a text names the act a trigger
    lemma stands for, the act itself left out: "... on Thursday, three weeks after a freight
    train loaded with chemicals derailed there" tells the derailment in the words beside
    "derailed". A place where the act is denied or only thought possible ("was not killed",
    "could be killed") tells none."""
    act = stem(trigger.split("_")[0])
    words = text.split()
    plain = [re.sub(r"\W", "", w.lower()) for w in words]
    found = []
    for i, word in enumerate(plain):
        if not stem(word).startswith(act):
            continue
        if _doubted(words[max(0, i - _DOUBT_REACH) : i]):
            continue
        near = telling_words(" ".join(words[max(0, i - reach) : i + reach + 1]))
        found.append(frozenset(w for w in near if not w.startswith(act)))
    return found


# How many words before an act a "not" or a "could" still doubts it: "was not killed", "no one
# was killed", "could have been killed".
_DOUBT_REACH = 3


def _doubted(before: list[str]) -> bool:
    """Whether the words just before an act deny it or only think it possible; a comma ends
    the clause they belong to ("the driver, who did not stop, was arrested"), and a capital
    "May" is the month."""
    for word in reversed(before):
        bare = re.sub(r"\W", "", word)
        if bare.lower() in NEGATIONS or bare in MODALS:
            return True
        if word.endswith(","):
            return False
    return False


def word_weights(sentences: Mapping[Hashable, Iterable[str]]) -> dict[str, float]:
    """How telling each word is in a story: its inverse frequency over the story's sentences."""
    df = Counter(w for words in sentences.values() for w in set(words))
    n = max(len(sentences), 1)
    return {w: math.log((n + 1) / (k + 0.5)) for w, k in df.items()}


def shared_share(
    wa: frozenset[str], wb: frozenset[str], weights: Mapping[str, float], default: float
) -> float:
    """Share of the rarer-worded side's weight that the other side repeats."""
    if not wa or not wb:
        return 0.0

    def weight(words: Iterable[str]) -> float:
        return math.fsum(weights.get(w, default) for w in words)

    total = min(weight(wa), weight(wb))
    return weight(wa & wb) / total if total else 0.0
