"""An article's own results are kept between runs and used only while they still hold."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

import pytest
from spacy.language import Language

from stories.nlp.story import extract_story
from stories.nlp.topics import load_taxonomy
from stories.nlp.types import ArticleInput

TAXONOMY = load_taxonomy("fixtures/topics.json")
SURNAME_ONLY = ArticleInput(
    file="a.txt",
    text=(
        "Port strike ends\n\n"
        "Ortiz signed the agreement with the dock workers in Valparaiso on Monday.\n\n"
        "“The port opens tomorrow,” Ortiz said."
    ),
    published=date(2024, 5, 8),
)
FULL_NAME = ArticleInput(
    file="b.txt",
    text=(
        "Mayor hails deal\n\n"
        "Mayor Elena Ortiz announced the end of the strike in Valparaiso on Monday.\n\n"
        "Elena Ortiz thanked the unions."
    ),
    published=date(2024, 5, 8),
)


class _NoParses(Mapping[str, bytes]):
    """Parses that must not be needed: reading one fails the test."""

    def __getitem__(self, file: str) -> bytes:
        raise AssertionError(f"the parse of {file} was read although its reading was kept")

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def test_a_kept_reading_gives_the_story_without_reading_the_article_again(nlp: Language) -> None:
    kept: dict = {}
    first = extract_story([SURNAME_ONLY, FULL_NAME], nlp=nlp, taxonomy=TAXONOMY, readings=kept)
    assert set(kept) == {"a.txt", "b.txt"}

    again = extract_story(
        [SURNAME_ONLY, FULL_NAME],
        nlp=nlp,
        taxonomy=TAXONOMY,
        readings=kept,
        parses=_NoParses(),
    )

    assert again == first
    assert not any(r.changed for r in kept.values())


def test_a_kept_pass_runs_again_when_the_story_now_names_its_people_otherwise(
    nlp: Language,
) -> None:
    kept: dict = {}
    alone = extract_story([SURNAME_ONLY], nlp=nlp, taxonomy=TAXONOMY, readings=kept)
    assert any("Ortiz" in e.actors for e in alone.events)

    # The new article names "Elena Ortiz" in full: the first article's "Ortiz" is now her.
    grown = extract_story([SURNAME_ONLY, FULL_NAME], nlp=nlp, taxonomy=TAXONOMY, readings=kept)

    assert grown == extract_story([SURNAME_ONLY, FULL_NAME], nlp=nlp, taxonomy=TAXONOMY)
    own = [e for e in grown.events if any(s.file == "a.txt" for s in e.sources)]
    assert own and all("Ortiz" not in e.actors for e in own)
    assert any("Elena Ortiz" in e.actors for e in own)
    assert kept["a.txt"].changed  # its events were found again against the new names


@pytest.mark.parametrize(
    "changed",
    [
        ArticleInput(SURNAME_ONLY.file, SURNAME_ONLY.text + " The deal ends a two-week strike."),
        ArticleInput(SURNAME_ONLY.file, SURNAME_ONLY.text, published=date(2024, 5, 9)),
    ],
    ids=["text", "manifest date"],
)
def test_a_reading_of_other_text_or_another_manifest_date_is_not_used(
    nlp: Language, changed: ArticleInput
) -> None:
    kept: dict = {}
    extract_story([SURNAME_ONLY], nlp=nlp, taxonomy=TAXONOMY, readings=kept)
    before = kept["a.txt"]

    result = extract_story([changed], nlp=nlp, taxonomy=TAXONOMY, readings=kept)

    assert kept["a.txt"] is not before and kept["a.txt"].changed
    assert result == extract_story([changed], nlp=nlp, taxonomy=TAXONOMY)
