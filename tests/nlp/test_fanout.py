"""The articles' own rules spread over worker processes give what one process gives."""

from __future__ import annotations

import os
from datetime import date

from spacy.language import Language

from stories.nlp import fanout
from stories.nlp.story import extract_story
from stories.nlp.topics import load_taxonomy
from stories.nlp.types import ArticleInput

TAXONOMY = load_taxonomy("fixtures/topics.json")
PEOPLE = ["Elena Ortiz", "Marcus Reed", "Ana Lima", "Tomas Berg", "Grace Obi", "Ivan Petrov"]
PLACES = ["Valparaiso", "Lyon", "Porto", "Gdansk"]


def _pid_of(_item: int) -> int:
    return os.getpid()


def test_a_large_stage_runs_in_worker_processes_and_keeps_the_order() -> None:
    items = list(range(fanout.MIN_ARTICLES * 2))

    assert list(fanout.each_article(lambda n: n * n, items, 2)) == [n * n for n in items]
    assert os.getpid() not in set(fanout.each_article(_pid_of, items, 2))


_prepared: dict[str, int] = {}


def _prepared_by(_item: int) -> int | None:
    return _prepared.get("by")


def test_what_every_worker_needs_is_made_once_before_they_are_forked() -> None:
    items = list(range(fanout.MIN_ARTICLES * 2))

    def prepare() -> None:
        _prepared["by"] = os.getpid()

    try:
        found = set(fanout.each_article(_prepared_by, items, 2, prepare=prepare))
    finally:
        _prepared.clear()
    assert found == {os.getpid()}


def test_a_small_stage_or_a_single_process_stays_in_this_process() -> None:
    few = list(range(fanout.MIN_ARTICLES - 1))
    many = list(range(fanout.MIN_ARTICLES * 2))

    assert set(fanout.each_article(_pid_of, few, 2)) == {os.getpid()}
    assert set(fanout.each_article(_pid_of, many, 1)) == {os.getpid()}


def _article(n: int) -> ArticleInput:
    who, other = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 1) % len(PEOPLE)]
    place = PLACES[n % len(PLACES)]
    text = (
        f"Talks in {place}\n\n"
        f"{who} met {other} in {place} on Monday to sign a trade accord.\n\n"
        f"“We have a deal,” {who} told reporters after the meeting.\n\n"
        f"{other} said the accord would take effect in {2020 + n % 5}."
    )
    return ArticleInput(file=f"{n:03}.txt", text=text, published=date(2024, 3, 5 + n % 3))


def test_a_story_extracted_over_two_processes_equals_one_process(nlp: Language) -> None:
    inputs = [_article(n) for n in range(fanout.MIN_ARTICLES + 2)]

    one = extract_story(inputs, nlp=nlp, taxonomy=TAXONOMY, processes=1)
    two = extract_story(inputs, nlp=nlp, taxonomy=TAXONOMY, processes=2)

    assert two == one
    assert one.events and one.quotes
