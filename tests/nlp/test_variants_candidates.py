"""Variant grouping compares a quote only with the quotes it could be one remark with."""

import random
import string

import pytest

from stories.nlp import variants
from stories.nlp.types import Quote
from stories.nlp.variants import group_variants


def _remarks(n: int) -> list[Quote]:
    """``n`` unrelated remarks of one speaker, one article each, every fifth also rendered as a
    fragment by another article."""
    rng = random.Random(n)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(9))

    quotes = []
    for i in range(n):
        a, b, c, d = word(), word(), word(), word()
        text = f"We will {a} the {b} and {c} every {d} this year."
        quotes.append(Quote(f"{i:04d}.txt", text, 0, len(text), True, "A"))
        if i % 5 == 0:
            fragment = f"{b} and {c}"
            quotes.append(Quote(f"{i:04d}b.txt", fragment, 0, len(fragment), True, "A"))
    return quotes


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times ``same_remark`` ran, counted into the list's only item."""
    count = [0]
    same_remark = variants._Linker.same_remark

    def counting(self, *args):  # type: ignore[no-untyped-def]
        count[0] += 1
        return same_remark(self, *args)

    monkeypatch.setattr(variants._Linker, "same_remark", counting)
    return count


def test_comparisons_grow_with_the_remarks_not_with_their_pairs(compared: list[int]) -> None:
    counts = []
    for n in (100, 400):
        compared[0] = 0
        out = group_variants(_remarks(n))
        counts.append(compared[0])
        # Still linked: each fragment shares the group of the remark it comes from.
        groups = {q.file: q.variant_group for q in out}
        assert all(groups[f"{i:04d}.txt"] == groups[f"{i:04d}b.txt"] for i in range(0, n, 5))
        assert len(set(groups.values())) == n
    # Every pair would be 7,140 and 114,960 comparisons: sixteen times more for four times the
    # remarks. Compared only where a word meets, it grows about as the remarks do.
    assert 0 < counts[0] <= len(_remarks(100))
    assert counts[1] <= 5 * counts[0]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # A fragment with no content word: only its words lead to the longer quote.
        ("We will.", "We will, and we must, whatever it takes for the farmers of this nation."),
        # Function words only, alike but neither within the other.
        ("That is why we are all here.", "And that is why we are here now."),
        # Most of the weight of the stems shared, the rarest words not.
        (
            "Our farmers deserve fair prices, modern tractors and steady harvests.",
            "Fair prices, modern tractors, steady harvests: growers merit nothing less.",
        ),
        # Most of the letters shared, no stem.
        (
            "They would have been there with all of them before themselves, whenever and "
            "wherever, nevertheless, alpha beta gamma kappa.",
            "They would have been there with all of them before themselves, whenever and "
            "wherever, nevertheless, delta omega sigma theta.",
        ),
    ],
    ids=["fragment-of-function-words", "function-words-alike", "heavy-stems", "letters"],
)
def test_renderings_are_found_among_many_unrelated_remarks(one: str, other: str) -> None:
    quotes = [
        *_remarks(30),
        Quote("one.txt", one, 0, len(one), True, "A"),
        Quote("other.txt", other, 0, len(other), True, "A"),
    ]
    *_, a, b = group_variants(quotes)
    assert a.variant_group == b.variant_group


def test_a_story_grouped_again_reads_only_the_paragraphs_it_has_not_read() -> None:
    quotes = _remarks(20)
    texts = {q.file: f"{q.text}\nA paragraph of {q.file} around the quote." for q in quotes}
    variants._paragraph.cache_clear()
    first = group_variants(quotes, texts=texts)
    read = variants._paragraph.cache_info().misses
    joined = Quote("new.txt", "We will stay.", 0, 13, True, "A")

    again = group_variants([*quotes, joined], texts={**texts, "new.txt": "We will stay."})

    assert variants._paragraph.cache_info().misses == read + 1
    assert [q.variant_group for q in again[: len(first)]] == [q.variant_group for q in first]
