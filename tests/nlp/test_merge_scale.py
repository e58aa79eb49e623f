"""Merging costs what the story is worth: each report read once, each pair scored once, and the
pairs compared grow with the story, not with its square. Counted, never timed."""

from collections import Counter
from types import SimpleNamespace

import pytest

from stories.nlp import merge
from stories.nlp.types import EventCandidate

from .helpers import report

VARIANTS = [
    "The Harbour Union signed the pay agreement with the port authority on Tuesday.",
    "The Harbour Union signed a deal on pay with the port after months of talks.",
    "Dockers of the Harbour Union signed the port pay agreement in Aldgate.",
]


def _report(file: str, sentence: str, **kw: object) -> EventCandidate:
    return report(file, sentence, **kw)  # type: ignore[arg-type]


def _unrelated(n: int) -> list[EventCandidate]:
    """Reports that all share the common words and the verb; every 20 share a rare place."""

    def place(g: int) -> str:
        return "k" + chr(97 + g % 26) + chr(97 + g // 26) + "ton"

    return [
        _report(f"{i}.txt", f"The crossing at {place(i // 20)} closed after inspection.")
        for i in range(n)
    ]


def _wire_copy(articles: int) -> list[EventCandidate]:
    """Many outlets printing one of a few versions of one report."""
    return [_report(f"{i}.txt", VARIANTS[i % len(VARIANTS)]) for i in range(articles)]


def _count_scores(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    scored: list[tuple[int, int]] = []
    score = merge._Comparisons.score

    def counting(self: merge._Comparisons, a: int, b: int) -> float:
        scored.append((a, b))
        return score(self, a, b)

    monkeypatch.setattr(merge._Comparisons, "score", counting)
    return scored


def test_pairs_scored_grow_with_the_story_not_with_its_square(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scored = _count_scores(monkeypatch)
    merge.merge_candidates(_unrelated(200))
    small = len(scored)
    scored.clear()
    merge.merge_candidates(_unrelated(800))
    large = len(scored)
    assert small > 0
    # Four times the reports, about four times the pairs scored (all pairs would be sixteen).
    assert large < 5 * small


def test_each_pair_is_scored_once(monkeypatch: pytest.MonkeyPatch) -> None:
    scored = _count_scores(monkeypatch)
    merge.merge_candidates([*_unrelated(100), *_wire_copy(30)])
    assert scored
    assert len(scored) == len(set(scored))


def test_each_text_is_read_once_however_many_reports_repeat_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: Counter[str] = Counter()
    content = merge.telling_words

    def counting(text: str) -> frozenset[str]:
        read[text] += 1
        return content(text)

    monkeypatch.setattr(merge, "telling_words", counting)
    merge._kept_content.cache_clear()
    merge.merge_candidates(_wire_copy(60))
    assert read and max(read.values()) == 1
    # Three sentences, three titles and one set of names, whatever the number of reports.
    assert len(read) == 7


def test_a_story_merged_again_reads_only_texts_it_has_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    merge._kept_content.cache_clear()
    merge.merge_candidates(_wire_copy(60))
    read = merge._kept_content.cache_info().misses
    # One more outlet prints one of the versions, and another a new one.
    merge.merge_candidates([*_wire_copy(61), _report("new.txt", "The port agreed to the pay.")])
    assert merge._kept_content.cache_info().misses == read + 2  # its sentence and title


def test_each_two_texts_are_compared_fuzzily_once_even_over_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: Counter[tuple[str, str]] = Counter()
    ratio = merge.fuzz.token_set_ratio

    def token_set_ratio(a: str, b: str) -> float:
        compared[a, b] += 1
        return ratio(a, b)

    monkeypatch.setattr(merge, "fuzz", SimpleNamespace(token_set_ratio=token_set_ratio))
    merge._alike.cache_clear()
    merge.merge_candidates(_wire_copy(60))
    assert compared and max(compared.values()) == 1
    # The story is merged again after one more outlet printed one of the versions.
    merge.merge_candidates(_wire_copy(61))
    assert max(compared.values()) == 1
