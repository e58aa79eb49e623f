"""Days told from the story's own happenings: "a day after the theft" is the theft's day + 1."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from spacy.language import Language

from stories.nlp.anchored import anchored_dates
from stories.nlp.story import extract_story
from stories.nlp.topics import load_taxonomy
from stories.nlp.types import ArticleInput, DateValue

from .helpers import report

MONDAY = date(2025, 3, 3)
FRIDAY = date(2025, 3, 7)


def on(day: date, basis: str = "relative") -> DateValue:
    return DateValue(day, day, "day", "" if basis == "context" else "Monday", basis)  # type: ignore[arg-type]


def told(*sentences: tuple[str, str, DateValue | None, str]) -> list:
    return [report(file, text, d, trigger=trigger) for file, text, d, trigger in sentences]


def theft_on_monday() -> list:
    return told(
        ("a.txt", "Thieves stole three paintings from the gallery on Monday.", on(MONDAY), "steal"),
        ("b.txt", "The theft took under ten minutes.", on(MONDAY, "context"), "theft"),
    )


def test_a_day_after_the_happening_is_the_day_after_the_story_dates_it() -> None:
    later = report("c.txt", "Police offered a reward a day after the theft.", on(FRIDAY, "context"))
    dated = anchored_dates([*theft_on_monday(), later])[-1]
    assert dated.date is not None
    assert (dated.date.start, dated.date.basis) == (date(2025, 3, 4), "relative")


def test_days_before_and_the_morning_of_move_by_what_they_say() -> None:
    before = report("c.txt", "Two days before the theft a guard saw a van.", on(FRIDAY, "context"))
    morning = report("d.txt", "The morning of the robbery, alarms rang.", on(FRIDAY, "context"))
    *_, a, b = anchored_dates([*theft_on_monday(), before, morning])
    assert a.date is not None and a.date.start == date(2025, 3, 1)
    assert b.date is not None and b.date.start == MONDAY


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("On the eve of the theft a guard saw a van.", date(2025, 3, 2)),
        ("The day before the theft a guard saw a van.", date(2025, 3, 2)),
        ("The night after the theft the alarm was fixed.", date(2025, 3, 4)),
        ("Two weeks after the theft police made an arrest.", date(2025, 3, 17)),
        ("Hours after the theft police sealed the road.", MONDAY),
    ],
)
def test_each_measure_moves_the_day_by_what_it_says(words: str, day: date) -> None:
    later = report("c.txt", words, on(FRIDAY, "context"))
    dated = anchored_dates([*theft_on_monday(), later])[-1]
    assert dated.date is not None and dated.date.start == day


def test_outlets_dating_a_happening_in_words_outweigh_inherited_days() -> None:
    # Two outlets inherit Friday for the theft; one dates it Monday in words.
    sentences = told(
        ("a.txt", "Thieves stole three paintings on Monday.", on(MONDAY), "steal"),
        ("b.txt", "The theft shocked the town.", on(FRIDAY, "context"), "theft"),
        ("c.txt", "The theft was the third this year.", on(FRIDAY, "context"), "theft"),
    )
    later = report("d.txt", "A day after the theft the mayor spoke.", on(FRIDAY, "context"))
    dated = anchored_dates([*sentences, later])[-1]
    assert dated.date is not None and dated.date.start == date(2025, 3, 4)


def test_a_report_dated_in_its_own_words_keeps_its_day() -> None:
    own = report("c.txt", "Hours after the theft, on Friday, police spoke.", on(FRIDAY))
    assert anchored_dates([*theft_on_monday(), own])[-1].date == on(FRIDAY)


@pytest.mark.parametrize(
    "words",
    ["Security was tightened after the theft.", "A few days after the theft a guard quit."],
)
def test_after_without_an_exact_measure_leaves_the_inherited_day(words: str) -> None:
    vague = report("c.txt", words, on(FRIDAY, "context"))
    assert anchored_dates([*theft_on_monday(), vague])[-1].date == on(FRIDAY, "context")


def test_a_kind_the_story_tells_on_two_days_alike_names_no_day() -> None:
    meetings = told(
        ("a.txt", "The ministers met in Oslo on Monday.", on(MONDAY), "meet"),
        ("b.txt", "The ministers met again on Friday.", on(FRIDAY), "meet"),
    )
    later = report("c.txt", "A day after the meeting, talks stalled.", on(FRIDAY, "context"))
    assert anchored_dates([*meetings, later])[-1].date == on(FRIDAY, "context")


def test_a_clause_is_dated_by_its_verb_not_its_subject() -> None:
    # The deal was signed on Monday; it closed on Friday.
    sentences = told(
        ("a.txt", "The two firms signed the deal on Monday.", on(MONDAY), "sign"),
        ("b.txt", "The purchase closed on Friday.", on(FRIDAY), "close"),
    )
    letter = report("c.txt", "Hours before the deal closed, he wrote.", on(MONDAY, "context"))
    dated = anchored_dates([*sentences, letter])[-1]
    assert dated.date is not None and dated.date.start == FRIDAY


def test_a_name_after_the_is_not_a_happening() -> None:
    sentences = told(
        ("a.txt", "The minister stated on Monday that talks would go on.", on(MONDAY), "state"),
        ("b.txt", "She stated on Monday that she would stay.", on(MONDAY), "state"),
    )
    later = report(
        "c.txt", "A day after the State Department spoke, he left.", on(FRIDAY, "context")
    )
    assert anchored_dates([*sentences, later])[-1].date == on(FRIDAY, "context")


def test_a_story_dates_a_follow_up_from_the_happening_it_names(nlp: Language) -> None:
    first = ArticleInput(
        "first.txt",
        "Museum robbed\n\nThieves stole three paintings from the city museum on Monday, "
        "March 3, 2025. The theft took seven minutes.",
        published=MONDAY,
    )
    second = ArticleInput(
        "second.txt",
        "Paintings still missing\n\nThe theft of three paintings from the city museum on Monday "
        "shocked the city. The museum director resigned two days after the theft.",
        published=FRIDAY,
    )
    result = extract_story([first, second], nlp=nlp, taxonomy=load_taxonomy())
    resigned = [e for e in result.events for s in e.sources if s.trigger == "resign"]
    assert resigned and resigned[0].date is not None
    assert resigned[0].date.start == date(2025, 3, 5)


def test_the_next_morning_after_a_day_the_story_gave_moves_on_from_that_day() -> None:
    before = report("c.txt", "The day before the theft a guard saw a van.", on(FRIDAY, "context"))
    before = replace(before, start=0)
    morning = report("c.txt", "By the next morning the van had gone.", on(FRIDAY, "context"))
    morning = replace(morning, start=60)
    *_, seen, gone = anchored_dates([*theft_on_monday(), before, morning])
    assert seen.date is not None and seen.date.start == date(2025, 3, 2)
    assert gone.date is not None
    assert (gone.date.start, gone.date.basis) == (MONDAY, "relative")


def test_a_day_later_after_a_day_the_article_gave_itself_is_left_to_the_article() -> None:
    own = report("c.txt", "A guard saw a van on Sunday.", on(date(2025, 3, 2)))
    later = replace(report("c.txt", "A day later it had gone.", on(FRIDAY, "context")), start=40)
    assert anchored_dates([*theft_on_monday(), own, later])[-1].date == on(FRIDAY, "context")


def _runoff_won_on_sunday() -> list:
    sunday = date(2025, 3, 9)
    return told(
        ("a.txt", "Rui Costa won the presidential runoff on Sunday.", on(sunday), "win"),
        ("b.txt", "Costa won the runoff by two points on Sunday.", on(sunday), "win"),
    )


def test_a_happening_named_only_as_what_was_won_dates_what_is_told_from_it() -> None:
    first_round = report(
        "c.txt", "Four weeks before the runoff, Costa finished ahead.", on(FRIDAY, "context")
    )
    dated = anchored_dates([*_runoff_won_on_sunday(), first_round])[-1]
    assert dated.date is not None and dated.date.start == date(2025, 2, 9)


def test_what_a_statement_names_is_no_day_of_that_happening() -> None:
    called = told(
        ("a.txt", "Ana Silva called the runoff a fraud.", on(MONDAY), "call"),
        ("b.txt", "Silva called the runoff rigged.", on(MONDAY), "call"),
    )
    first_round = report(
        "c.txt", "Four weeks before the runoff, Costa finished ahead.", on(FRIDAY, "context")
    )
    dated = anchored_dates([*called, first_round])[-1]
    assert dated.date is not None and dated.date.start == FRIDAY


def test_putting_off_a_happening_is_no_day_of_it() -> None:
    postponed = told(
        ("a.txt", "Officials postponed the runoff on Monday.", on(MONDAY), "postpone"),
        ("b.txt", "The runoff was postponed on Monday.", on(MONDAY), "postpone"),
    )
    first_round = report(
        "c.txt", "Four weeks before the runoff, Costa finished ahead.", on(FRIDAY, "context")
    )
    dated = anchored_dates([*postponed, first_round])[-1]
    assert dated.date is not None and dated.date.start == FRIDAY


def last_week() -> DateValue:
    return DateValue(MONDAY, date(2025, 3, 9), "day", "last week", "relative", "week")


def test_a_report_dated_by_its_week_takes_the_day_another_outlet_gives_it() -> None:
    week = report(
        "a.txt", "The council passed the harbour budget by a wide margin last week.", last_week()
    )
    dated = report(
        "b.txt", "On Wednesday the council passed the harbour budget 31 to 4.", on(date(2025, 3, 5))
    )
    other = report(
        "c.txt", "Dockers marched through the old town on Thursday.", on(date(2025, 3, 6))
    )
    placed = anchored_dates([week, dated, other])[0]
    assert placed.date == DateValue(
        date(2025, 3, 5), date(2025, 3, 5), "day", "last week", "relative"
    )


def test_a_week_keeps_its_span_when_no_outlet_tells_the_same_that_week() -> None:
    week = report("a.txt", "The council passed the harbour budget last week.", last_week())
    elsewhere = report(
        "b.txt", "Dockers marched through the old town on Thursday.", on(date(2025, 3, 6))
    )
    later = report(
        "c.txt", "The council passed the harbour budget on 20 March.", on(date(2025, 3, 20))
    )
    assert anchored_dates([week, elsewhere, later])[0].date == last_week()


def test_another_kind_of_act_that_week_gives_no_day() -> None:
    week = report(
        "a.txt",
        "The council passed the harbour budget by a wide margin last week.",
        last_week(),
        trigger="pass",
    )
    debated = report(
        "b.txt",
        "The council debated the harbour budget on Tuesday.",
        on(date(2025, 3, 4)),
        trigger="debate",
    )
    assert anchored_dates([week, debated])[0].date == last_week()


def test_a_plans_week_is_left_as_it_was() -> None:
    plan = replace(
        report("a.txt", "The council will vote on the harbour budget next week.", last_week()),
        scheduled=True,
    )
    dated = report(
        "b.txt", "The council votes on the harbour budget on Wednesday.", on(date(2025, 3, 5))
    )
    assert anchored_dates([plan, dated])[0].date == last_week()


def test_a_weekday_after_the_happening_is_the_first_such_day_after_it() -> None:
    later = report("c.txt", "Late on the Friday after the theft, the museum posted a report.", None)
    before = report("d.txt", "The Saturday before the theft, a guard saw a van.", None)
    *_, a, b = anchored_dates([*theft_on_monday(), later, before])
    assert a.date is not None and a.date.start == FRIDAY
    assert b.date is not None and b.date.start == date(2025, 3, 1)
