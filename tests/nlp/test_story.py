"""Orchestration: one broken or over-long article must not sink the others."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

import stories.nlp.story as story_module
from stories.nlp.story import extract_story, fit_to_model
from stories.nlp.topics import load_taxonomy
from stories.nlp.types import ArticleInput, Block, CleanArticle

LONG_PARAGRAPH = " ".join(
    f"The council met in Lyon on Monday to discuss budget item {n}." for n in range(12)
)
SHORT = "Council agrees budget\n\nThe council approved the budget in Lyon on Tuesday, 3 May 2022."


def test_an_over_long_block_is_cut_at_sentence_ends_with_its_offsets_kept() -> None:
    text = "Headline\n\n" + LONG_PARAGRAPH
    start = text.index(LONG_PARAGRAPH)
    clean = CleanArticle(
        headline="Headline",
        author=None,
        blocks=(Block("body", LONG_PARAGRAPH, start, start + len(LONG_PARAGRAPH)),),
    )
    pieces = fit_to_model(clean, 200).body_blocks
    assert len(pieces) > 1
    for piece in pieces:
        assert len(piece.text) <= 200
        assert text[piece.start : piece.end] == piece.text
        assert piece.text.endswith(".")
    assert " ".join(p.text for p in pieces) == LONG_PARAGRAPH


def test_an_endless_word_is_still_cut_to_the_model_limit() -> None:
    word = "x" * 450
    clean = CleanArticle("", None, (Block("body", word, 5, 455),))
    pieces = fit_to_model(clean, 200).body_blocks
    assert [len(p.text) for p in pieces] == [200, 200, 50]
    assert [p.start for p in pieces] == [5, 205, 405]


def test_an_article_longer_than_the_model_takes_is_parsed_in_pieces(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp, "max_length", 200)
    long_text = "Council meets on budget\n\n" + LONG_PARAGRAPH
    result = extract_story(
        [ArticleInput("long.txt", long_text), ArticleInput("short.txt", SHORT)],
        nlp=nlp,
        taxonomy=load_taxonomy(),
    )
    assert result.errors == ()
    assert {a.input.file for a in result.articles} == {"long.txt", "short.txt"}
    long = next(a for a in result.articles if a.input.file == "long.txt")
    assert any(m.text == "Lyon" for m in long.mentions)
    for m in long.mentions:
        assert long.input.text[m.start : m.end] == m.text
    assert long.date_mentions
    for start, end, _value in long.date_mentions:
        assert long.input.text[start:end] in LONG_PARAGRAPH


def test_a_broken_article_fails_alone_with_a_message(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = story_module.dates_in_doc

    def breaks_on_one_article(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "Geneva" in doc.text:
            raise ValueError("unreadable date")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(story_module, "dates_in_doc", breaks_on_one_article)
    broken = "Talks open\n\nThe envoys met in Geneva on Monday, 2 May 2022."
    result = extract_story(
        [ArticleInput("broken.txt", broken), ArticleInput("short.txt", SHORT)],
        nlp=nlp,
        taxonomy=load_taxonomy(),
    )
    assert [a.input.file for a in result.articles] == ["short.txt"]
    assert len(result.errors) == 1
    file, message = result.errors[0]
    assert file == "broken.txt" and "unreadable date" in message
    assert result.events


def test_a_parse_failure_fails_alone(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    real = story_module.read_evidence

    def breaks(clean, docs, *, manifest=None):  # type: ignore[no-untyped-def]
        if "Geneva" in clean.headline + "".join(b.text for b in clean.blocks):
            raise RuntimeError("model gave up")
        return real(clean, docs, manifest=manifest)

    monkeypatch.setattr(story_module, "read_evidence", breaks)
    broken = "Talks open\n\nThe envoys met in Geneva on Monday, 2 May 2022."
    result = extract_story(
        [ArticleInput("broken.txt", broken), ArticleInput("short.txt", SHORT)],
        nlp=nlp,
        taxonomy=load_taxonomy(),
    )
    assert [a.input.file for a in result.articles] == ["short.txt"]
    assert result.errors[0][0] == "broken.txt" and "model gave up" in result.errors[0][1]


def test_an_unnamed_speaker_is_also_known_by_the_shorter_description(nlp: Language) -> None:
    text = (
        "Port talks stall\n\nA French official who follows the region said on Monday that the "
        "model was “finished.”\n"
    )
    result = extract_story(
        [ArticleInput("a.txt", text, published=date(2024, 3, 4))],
        nlp=nlp,
        taxonomy=load_taxonomy(),
    )
    official = next(
        a for a in result.actors if a.name == "a French official who follows the region"
    )
    assert official.aliases == ("a French official",)
