"""Rules tested as rules: each test fails when its rule is taken out of the pipeline.

Small texts of our own, each beside a twin that differs only in what the rule looks at, so a test
shows both that the rule fires and that it is what makes the difference.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from stories.nlp.actors import extract_actors
from stories.nlp.dates import DateMention, main_event_day, recent_window
from stories.nlp.types import DateValue, Decisions

from .helpers import make_article
from .test_event_rules import events_in


def told(nlp: Language, sentence: str) -> list[str]:
    return [c.trigger for c in events_in(nlp, sentence)]


# --- events: what outlets only guess at is not an event --------------------------------------


def test_a_happening_analysts_speculate_about_is_not_an_event(nlp: Language) -> None:
    # The hedge words: speculation, analysts, "likely", "appears to", "if"...
    assert "sign" in told(nlp, "Ana Silva signed the port deal in Lisbon on Tuesday.")
    assert told(nlp, "Analysts believe Ana Silva signed the port deal in Lisbon on Tuesday.") == []
    assert told(nlp, "Ana Silva likely signed the port deal in Lisbon on Tuesday.") == []


def test_a_happening_that_may_have_happened_or_did_not_is_not_an_event(nlp: Language) -> None:
    # Modal auxiliaries and negation on the trigger.
    assert "meet" in told(nlp, "Ana Silva met Rui Costa in Lisbon on Tuesday.")
    assert told(nlp, "Ana Silva might have met Rui Costa in Lisbon on Tuesday.") == []
    assert told(nlp, "Ana Silva did not meet Rui Costa in Lisbon on Tuesday.") == []


def test_a_question_tells_no_happening(nlp: Language) -> None:
    assert "sign" in told(nlp, "Ana Silva signed the port deal in Lisbon on Tuesday.")
    assert told(nlp, "Who signed the port deal in Lisbon on Tuesday?") == []


# --- actors: which names may become one actor -------------------------------------------------


def names(nlp: Language, text: str, decisions: Decisions | None = None) -> set[str]:
    index = extract_actors([make_article(nlp, text)], decisions or Decisions())
    return {a.name for a in index.actors}


PORT = (
    "The United Nations sent inspectors to the port of Lisbon on Tuesday.\n\n"
    "The UN said the inspection would take a week."
)


def test_an_acronym_is_the_name_its_initials_spell(nlp: Language) -> None:
    assert "UN" not in names(nlp, PORT)
    assert "United Nations" in names(nlp, PORT)


def test_names_an_editor_ruled_different_never_join_whatever_the_rules_say(
    nlp: Language,
) -> None:
    ruled = Decisions(different_actors=(("UN", "United Nations"),))
    assert {"UN", "United Nations"} <= names(nlp, PORT, ruled)


FAMILY = (
    "Director Michael James Carter met the union on Monday.\n\n"
    "His cousin Michael Owen Carter, a lawyer, joined the talks.\n\n"
    "Michael Carter told reporters the talks had gone well."
)


def test_a_shorter_name_joins_a_longer_one_only_when_exactly_one_fits(nlp: Language) -> None:
    one = names(nlp, FAMILY.replace("Michael Owen Carter", "Helen Ford"))
    assert "Michael Carter" not in one and "Michael James Carter" in one
    two = names(nlp, FAMILY)
    assert {"Michael James Carter", "Michael Owen Carter", "Michael Carter"} <= two


def test_an_organisation_named_only_in_a_persons_title_is_no_actor(nlp: Language) -> None:
    assert "Navy" in names(nlp, "The Navy said the fleet was ready.")
    titled = names(nlp, "Navy Admiral Peter Hart inspected the fleet in Lisbon on Tuesday.")
    assert "Navy" not in titled and "Peter Hart" in titled


# --- dates: the day an article is about ---------------------------------------------------------


def _day(d: date, qualifier: str | None = None) -> DateValue:
    return DateValue(d, d, "day", d.isoformat(), "explicit", qualifier)


def test_the_main_day_is_the_first_plain_day_named_in_the_lede() -> None:
    dct = date(2024, 3, 14)
    lede = [
        DateMention(5, 12, DateValue(date(2024, 3, 1), date(2024, 3, 31), "month", "", "explicit")),
        DateMention(20, 27, _day(date(2024, 3, 10), qualifier="early")),
        DateMention(30, 37, _day(date(2024, 3, 12))),
        DateMention(40, 47, _day(date(2024, 3, 11))),
    ]
    assert main_event_day(lede, 100, dct) == DateValue(
        date(2024, 3, 12), date(2024, 3, 12), "day", "", "context"
    )
    # A day named after the lede does not make the article's day: its publication day does.
    assert main_event_day(lede[2:], 25, dct) == DateValue(dct, dct, "day", "", "context")
    assert main_event_day(lede[2:], 30, dct) == DateValue(dct, dct, "day", "", "context")


def test_recent_weeks_are_the_ninety_days_before_as_a_year_label() -> None:
    assert recent_window(date(2024, 6, 30)) == DateValue(
        date(2024, 4, 1), date(2024, 6, 30), "year", "", "relative", "recent"
    )
