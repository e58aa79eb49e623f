from datetime import date

import pytest
from spacy.language import Language

from stories.nlp.clean import clean_article
from stories.nlp.dates import (
    dates_in_doc,
    later_on,
    main_event_day,
    narrated_weekdays,
    resolve_expression,
)
from stories.nlp.published import (
    PublishedGuess,
    fill_published_from_story,
    infer_published,
    read_evidence,
)

# A Thursday.
DCT = date(2024, 3, 14)


@pytest.mark.parametrize(
    ("words", "tense", "label", "granularity", "basis"),
    [
        ("Monday, March 11, 2024", "past", "2024-03-11", "day", "explicit"),
        ("2019", "past", "2019", "year", "explicit"),
        ("July 2021", "past", "2021-07", "month", "explicit"),
        ("on Tuesday", "past", "2024-03-12", "day", "relative"),
        ("Thursday", "past", "2024-03-14", "day", "relative"),
        ("Tuesday", "future", "2024-03-19", "day", "relative"),
        ("in August", "past", "2023-08", "month", "relative"),
        ("August", "future", "2024-08", "month", "relative"),
        ("March", "past", "2024-03", "month", "relative"),
        ("last month", "past", "2024-02", "month", "relative"),
        ("this year", "past", "2024", "year", "relative"),
        ("three years ago", "past", "2021", "year", "relative"),
        # Where in a period, said of the period: the period itself.
        ("earlier this year", "past", "2024", "year", "relative"),
        ("late last year", "past", "2023", "year", "relative"),
        ("earlier this month", "past", "2024-03", "month", "relative"),
        ("later this month", "future", "2024-03", "month", "relative"),
        ("early next week", "future", "2024-03-18", "day", "relative"),
        # A short month's name after a day is not a time zone's letters.
        ("17 June", "past", "2023-06-17", "day", "explicit"),
        ("5 May", "past", "2023-05-05", "day", "explicit"),
        ("yesterday", "past", "2024-03-13", "day", "relative"),
        ("earlier today", "past", "2024-03-14", "day", "relative"),
        ("just hours before", "past", "2024-03-14", "day", "relative"),
        ("the day before yesterday", "past", "2024-03-12", "day", "relative"),
        ("the day after tomorrow", "future", "2024-03-16", "day", "relative"),
        # A holiday's name fixes its day: the last one told in the past, the next one ahead.
        ("Christmas Eve", "past", "2023-12-24", "day", "relative"),
        ("Christmas Eve", "future", "2024-12-24", "day", "relative"),
        ("New Year's Day", "past", "2024-01-01", "day", "relative"),
        ("Christmas Day 2019", "past", "2019-12-25", "day", "explicit"),
    ],
)
def test_expressions_resolve_against_the_publication_date(
    words: str, tense: str, label: str, granularity: str, basis: str
) -> None:
    value = resolve_expression(words, DCT, tense=tense)  # type: ignore[arg-type]
    assert value is not None
    assert (value.label, value.granularity, value.basis) == (label, granularity, basis)


@pytest.mark.parametrize(
    ("words", "label", "qualifier"),
    [
        ("the end of January", "2024-01", "late"),
        ("the start of February", "2024-02", "early"),
        ("the early hours of March 2", "2024-03-02", None),
        ("the night of Saturday", "2024-03-09", None),
        ("September last year", "2023-09", None),
        ("the Fourth of July", "2023-07-04", None),
        ("the early hours of the 9th", "2024-03-09", None),  # a day of this month
        ("the 20th", "2024-02-20", None),  # yet to come this month: last month's
    ],
)
def test_parts_of_days_and_months_and_named_days_resolve(
    words: str, label: str, qualifier: str | None
) -> None:
    value = resolve_expression(words, DCT)
    assert value is not None and (value.label, value.qualifier) == (label, qualifier)


def test_a_weekday_with_a_names_no_day(nlp: Language) -> None:
    assert resolve_expression("a Friday", DCT) is None
    # Before a noun, news names the day so: "at a Tuesday news conference".
    text = "Rui Costa spoke at a Tuesday news conference."
    assert [m.value.label for m in dates_in_doc(nlp(text), 0, DCT)] == ["2024-03-12"]
    # "The following Monday" counts from another day, not from the article's.
    text = "The following Monday, divers sealed the hull."
    assert dates_in_doc(nlp(text), 0, DCT) == []
    mentions = dates_in_doc(nlp("The ferry ran aground on a Friday night off the point."), 0, DCT)
    assert mentions == []
    mentions = dates_in_doc(nlp("The ferry ran aground on Friday night off the point."), 0, DCT)
    assert [m.value.label for m in mentions] == ["2024-03-08"]
    # "The Friday after the storm" counts from the storm, which the story dates.
    text = "Late on the Friday after the storm, the town posted the survey."
    assert dates_in_doc(nlp(text), 0, DCT) == []


def test_the_end_of_the_year_names_no_one_time() -> None:
    assert resolve_expression("the end of the year", DCT) is None


def test_a_part_of_a_period_keeps_where_in_it_it_lies() -> None:
    value = resolve_expression("earlier this year", DCT)
    assert value is not None and value.qualifier == "earlier"


def test_later_this_week_names_no_one_day() -> None:
    assert resolve_expression("later this week", DCT, tense="future") is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Four days later, the company sued.", 4),
        ("A week later the board met.", 7),
        ("Two days after that, the board said the bearing had failed.", 2),
        ("A week before that the board met.", -7),
        ("The next morning the court confirmed it.", 1),
        ("The day after, crowds gathered.", 1),
        ("Later that day he resigned.", 0),
        ("Hours later the fire was out.", 0),
        ("They had lost there four days earlier.", -4),
        ("The day before, crowds gathered.", -1),
        ("The previous night the fire spread.", -1),
    ],
)
def test_a_sentence_told_on_from_the_last_day_says_how_far(text: str, days: int) -> None:
    found = later_on(text)
    assert found is not None and found[0] == days


@pytest.mark.parametrize(
    "text",
    [
        "Weeks later he resigned.",
        "The day after the vote he resigned.",
        "The day before the vote he left.",
        "Less than two days later it ended.",
        "A few days later it ended.",
        "Several weeks later it ended.",
        "He left later.",
    ],
)
def test_no_day_told_on_from(text: str) -> None:
    assert later_on(text) is None


@pytest.mark.parametrize("words", ["18-month", "four years", "two weeks", "the past decade"])
def test_durations_are_not_dates(words: str) -> None:
    assert resolve_expression(words, DCT) is None


def test_early_mid_late_year_keeps_the_qualifier_and_sorts_inside_the_year() -> None:
    early = resolve_expression("early 2020", DCT)
    late = resolve_expression("late 2020", DCT)
    assert early is not None and late is not None
    assert (early.label, early.qualifier, late.qualifier) == ("2020", "early", "late")
    assert early.start < late.start


def test_season_without_year_is_the_most_recent_one_for_past_events() -> None:
    value = resolve_expression("summer", DCT, tense="past")
    assert value is not None
    assert value.start == date(2023, 6, 1)
    assert value.qualifier == "summer"


def test_hours_before_refers_to_the_day_the_story_is_about() -> None:
    value = resolve_expression("hours before", DCT, reference=date(2024, 3, 12))
    assert value is not None and value.label == "2024-03-12"


def test_first_time_in_n_years_dates_the_event_now() -> None:
    value = resolve_expression("five years", DCT, left_context="visited for the first time in")
    assert value is not None
    assert value.label == "2024-03-14"


def test_mentions_in_a_doc_carry_article_offsets_and_since_is_marked(nlp: Language) -> None:
    text = "The ministers met on Tuesday, their first meeting since 2018."
    mentions = dates_in_doc(nlp(text), 100, DCT)
    labels = {(m.value.label, m.value.qualifier) for m in mentions}
    assert ("2024-03-12", None) in labels
    assert ("2018", "since") in labels
    tuesday = next(m for m in mentions if m.value.label == "2024-03-12")
    assert text[tuesday.start - 100 : tuesday.end - 100].endswith("Tuesday")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The model tags "30" as a count and "October" alone as the date.
        ("Rui Costa won the 30 October runoff with 50.9% of valid votes.", "2023-10-30"),
        ("Silva narrowly won the 28 October runoff.", "2023-10-28"),
        ("Ana Silva scored 2 goals in February.", "2024-02"),
    ],
)
def test_a_day_before_a_month_used_before_a_noun_is_its_day(
    nlp: Language, text: str, label: str
) -> None:
    assert [m.value.label for m in dates_in_doc(nlp(text), 0, DCT)] == [label]


def test_a_count_the_model_runs_into_a_day_is_left_out(nlp: Language) -> None:
    text = "The toll stood at 36 late Wednesday, 55 on Thursday and 80 by Friday night."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [text[m.start : m.end] for m in mentions][:2] == ["late Wednesday", "Thursday"]
    assert mentions[0].value.label == "2024-03-13"
    # A count before no weekday stays: "15th March" is a day, "¹" a footnote mark.
    text = "The ferry sank on 15th March after months of warnings."
    assert [m.value.label for m in dates_in_doc(nlp(text), 0, DCT)] == ["2024-03-15"]
    dates_in_doc(nlp("The toll was revised up ¹ March."), 0, DCT)  # no error


def test_a_holiday_the_model_takes_for_an_event_is_still_a_day(nlp: Language) -> None:
    mentions = dates_in_doc(nlp("The ferry sank off Valmora on New Year's Eve."), 0, DCT)
    assert [m.value.label for m in mentions] == ["2023-12-31"]
    mentions = dates_in_doc(nlp("Tomas Vidal died Christmas Day."), 0, DCT)
    assert [m.value.label for m in mentions] == ["2023-12-25"]
    # A holiday's name that names something else is no day.
    mentions = dates_in_doc(
        nlp("Survivors of the Boxing Day storm gathered in Harbourton."), 0, DCT
    )
    assert mentions == []
    assert dates_in_doc(nlp("Shoppers flocked to Boxing Day sales in Harbourton."), 0, DCT) == []


def test_a_date_the_model_ran_on_into_other_words_is_its_day(nlp: Language) -> None:
    text = "The deal was signed in Harbourton on Friday after months of talks."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [(m.value.label, text[m.start : m.end]) for m in mentions] == [("2024-03-08", "Friday")]
    # Words after the month that move it leave no wrong month behind.
    mentions = dates_in_doc(nlp("The new ferry will enter service in March next year."), 0, DCT)
    assert [m.value.label for m in mentions] in ([], ["2025-03"])


def test_future_tense_weekday_is_the_next_one(nlp: Language) -> None:
    mentions = dates_in_doc(nlp("The minister will travel to the capital on Monday."), 0, DCT)
    assert [m.value.label for m in mentions] == ["2024-03-18"]


def test_a_day_told_in_the_present_is_ahead(nlp: Language) -> None:
    mentions = dates_in_doc(nlp("The state visit begins on Monday with a welcome."), 0, DCT)
    assert [m.value.label for m in mentions] == ["2024-03-18"]


def test_a_day_a_statement_is_told_on_in_the_present_is_not_ahead(nlp: Language) -> None:
    mentions = dates_in_doc(nlp("Ana Silva tells reporters on Monday the port is safe."), 0, DCT)
    assert [m.value.label for m in mentions] == ["2024-03-11"]


@pytest.mark.parametrize(
    "words", ["late Saturday", "early on Saturday", "early Saturday morning", "late Saturday night"]
)
def test_a_part_of_a_weekday_is_that_day(words: str) -> None:
    # DCT is Thursday 14 March 2024: the Saturday before it.
    assert resolve_expression(words, DCT).label == "2024-03-09"


def test_a_deal_struck_late_on_a_weekday_is_dated_that_day(nlp: Language) -> None:
    text = "The two leaders struck a tentative agreement late Saturday to end the strike."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [m.value.label for m in mentions] == ["2024-03-09"]


def test_a_plan_told_in_another_clause_does_not_move_a_past_day_ahead(nlp: Language) -> None:
    text = (
        "The trouble began on Wednesday evening, when the bank disclosed a loss and planned to"
        " raise capital by selling shares."
    )
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [m.value.label for m in mentions] == ["2024-03-13"]


def test_a_day_in_a_clause_that_announces_is_ahead(nlp: Language) -> None:
    text = "The ferry company said on Tuesday that the port is expected to reopen on Monday."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [m.value.label for m in mentions] == ["2024-03-12", "2024-03-18"]


def _docs(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    clean = clean_article(text)
    return clean, [(b, nlp(b.text)) for b in clean.body_blocks]


def test_weekday_after_an_explicit_date_gives_the_publication_day(nlp: Language) -> None:
    text = (
        "Rail Strike Spreads\n\n"
        "On Friday, train drivers walked out across the north of the country.\n\n"
        "Talks had collapsed on Tuesday, March 5, 2024, after the operator rejected the offer.\n"
    )
    clean, docs = _docs(nlp, text)
    guess = infer_published(clean, docs)
    assert (guess.date, guess.basis) == (date(2024, 3, 8), "inferred from text")


def test_manifest_date_wins(nlp: Language) -> None:
    clean, docs = _docs(nlp, "Quiet Day\n\nNothing happened on Monday, May 6, 2024.\n")
    assert infer_published(clean, docs, manifest=date(2024, 5, 9)).basis == "manifest"


def test_a_printed_date_alone_is_weak_and_siblings_override_a_later_one(nlp: Language) -> None:
    clean, docs = _docs(nlp, "Fri. Mar 29th, 2024\nBridge Reopens\n\nThe bridge reopened.\n")
    printed = infer_published(clean, docs)
    assert printed.printed_only and printed.date == date(2024, 3, 29)
    sibling = PublishedGuess(date(2024, 3, 8), "inferred from text")
    filled = fill_published_from_story([printed, sibling, PublishedGuess(None, "unknown")])
    assert [(g.date, g.basis) for g in filled] == [
        (date(2024, 3, 8), "inferred from story"),
        (date(2024, 3, 8), "inferred from text"),
        (date(2024, 3, 8), "inferred from story"),
    ]


def test_siblings_that_disagree_impose_no_date() -> None:
    printed = PublishedGuess(date(2023, 6, 20), "inferred from text", printed_only=True)
    guesses = [
        PublishedGuess(date(2023, 6, 2), "inferred from text"),
        PublishedGuess(date(2021, 1, 5), "inferred from text"),
        printed,
        printed,
        PublishedGuess(None, "unknown"),
    ]
    assert fill_published_from_story(guesses) == guesses


def test_a_date_most_siblings_share_is_imposed_on_the_undated() -> None:
    shared = PublishedGuess(date(2023, 6, 2), "inferred from text")
    other = PublishedGuess(date(2021, 1, 5), "inferred from text")
    filled = fill_published_from_story([shared, shared, other, PublishedGuess(None, "unknown")])
    assert [(g.date, g.basis) for g in filled] == [
        (date(2023, 6, 2), "inferred from text"),
        (date(2023, 6, 2), "inferred from text"),
        (date(2021, 1, 5), "inferred from text"),
        (date(2023, 6, 2), "inferred from story"),
    ]


@pytest.mark.parametrize("words", ["this century", "earlier this century", "for generations"])
def test_centuries_and_eras_are_too_vague_to_date(words: str) -> None:
    assert resolve_expression(words, DCT) is None


@pytest.mark.parametrize(
    "words", ["4:17 a.m.", "6:18 a.m. local time", "1:04 a.m. EST", "midnight"]
)
def test_a_time_of_day_alone_names_no_other_day(words: str) -> None:
    # dateparser would put "4:17 a.m." on the day before a midnight base date.
    assert resolve_expression(words, DCT) is None


@pytest.mark.parametrize("words", ["0117 GMT", "1430 UTC", "2359 hrs"])
def test_a_twenty_four_hour_clock_is_not_a_year(words: str) -> None:
    assert resolve_expression(words, DCT) is None


def test_a_clock_the_model_takes_for_a_date_is_not_one(nlp: Language) -> None:
    mentions = dates_in_doc(nlp("The ferry sank at 3:40 a.m. (0140 GMT) off the coast."), 0, DCT)
    assert [m.value.label for m in mentions] == []


@pytest.mark.parametrize("until", ["through", "up to"])
def test_the_end_of_a_period_is_marked_and_dates_nothing_told(nlp: Language, until: str) -> None:
    text = f"The two ministers signed a plan for cooperation {until} 2030."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [(m.value.label, m.value.qualifier) for m in mentions] == [("2030", "until")]


def test_a_day_named_without_a_year_days_after_the_article_is_this_years() -> None:
    value = resolve_expression("17 March", DCT, tense="past")
    assert value is not None and value.label == "2024-03-17"
    # Far after the article it is still last year's, as told in the past tense.
    far = resolve_expression("17 June", DCT, tense="past")
    assert far is not None and far.label == "2023-06-17"


def test_is_due_to_announces_what_is_to_come_but_due_to_the_storm_does_not(
    nlp: Language,
) -> None:
    due = dates_in_doc(nlp("The team is due to begin work on Monday."), 0, DCT)
    assert [m.value.label for m in due] == ["2024-03-18"]
    cause = dates_in_doc(nlp("The closure on Monday is due to the storm."), 0, DCT)
    assert [m.value.label for m in cause] == ["2024-03-11"]


def test_a_day_owning_a_noun_is_not_the_day_the_lede_tells_of(nlp: Language) -> None:
    text = "The minister stood near the site of Monday's explosion on Wednesday and spoke."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert main_event_day(mentions, len(text), DCT).label == "2024-03-13"


def test_a_day_to_come_named_in_the_lede_is_not_the_day_the_article_tells_of(
    nlp: Language,
) -> None:
    text = (
        "The president will step down on Monday, the speaker said late on Wednesday, hours "
        "after protesters overran his residence."
    )
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert main_event_day(mentions, len(text), DCT).label == "2024-03-13"


def test_the_articles_own_day_read_in_a_future_sentence_stays_this_year() -> None:
    # dateparser, told to prefer the future, puts the very day of the article a year ahead.
    value = resolve_expression("Thursday, March 14", DCT, tense="future")
    assert value is not None and value.label == "2024-03-14"


def test_the_day_of_a_time_given_by_another_clock_is_not_a_day_told(nlp: Language) -> None:
    text = "The ferry sank at 4 a.m. local time (1700 GMT on Tuesday) off the coast."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [m.value.label for m in mentions] == []


def test_a_moment_of_a_game_is_not_a_day_and_leaves_the_lede_its_own(nlp: Language) -> None:
    # DCT is a Thursday: the final was played that day, its goal in the 29th minute.
    text = (
        "A low drive in the 29th minute gave the home side a 1-0 win in the cup final on "
        "Thursday, their first title."
    )
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [m.value.label for m in mentions] == [DCT.isoformat()]
    assert main_event_day(mentions, len(text), DCT).start == DCT


def test_a_moment_of_a_game_in_title_case_is_not_a_day(nlp: Language) -> None:
    text = "Rui Costa struck in the 64th Minute to give Valmora the cup."
    assert dates_in_doc(nlp(text), 0, DCT) == []


def test_an_ordinal_day_after_a_month_is_no_moment_of_a_game(nlp: Language) -> None:
    mentions = dates_in_doc(nlp("The ferry sank on June the second."), 0, DCT)
    assert [m.value.label[:7] for m in mentions] == [f"{DCT.year - 1}-06"]


def test_within_hours_of_a_happening_counts_from_it_not_from_the_day_last_told() -> None:
    assert later_on("Within hours of the ban, dockers had blocked the gates.") is None
    assert later_on("Within hours, dockers had blocked the gates.") == (0, "Within hours")


def test_a_month_run_into_an_ordinal_after_it_is_still_the_month(nlp: Language) -> None:
    # The model reads "April of second" as one date; "second" here is no second of a clock. Told
    # in the past in March, the April is the year before.
    text = "A jury convicted Rui Costa in April of second-degree murder and manslaughter."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert [m.value.label for m in mentions] == [f"{DCT.year - 1}-04"]


def test_a_printed_date_days_after_the_siblings_is_the_articles_own(nlp: Language) -> None:
    clean, docs = _docs(
        nlp, "Tue. Mar 12th, 2024\nBridge Reopens\n\nThe bridge reopened on Monday.\n"
    )
    printed = read_evidence(clean, docs)
    sibling = PublishedGuess(date(2024, 3, 8), "manifest", firm=True)
    filled = fill_published_from_story([printed, sibling])
    assert (filled[0].date, filled[0].basis) == (date(2024, 3, 12), "inferred from text")


def test_a_background_day_after_a_day_to_come_in_the_lede_is_not_the_articles_day(
    nlp: Language,
) -> None:
    text = "The trial of Ilko Barmo opens on Monday, a year after his arrest on March 3, 2023."
    mentions = dates_in_doc(nlp(text), 0, DCT)
    assert main_event_day(mentions, len(text), DCT).label == DCT.isoformat()


def test_a_day_of_a_month_the_model_runs_into_a_name_is_still_a_date(nlp: Language) -> None:
    text = "His government bypassed a vote in the National Assembly on March 16 by decree."
    assert [m.value.label for m in dates_in_doc(nlp(text), 0, DCT)] == ["2024-03-16"]
    # A modal is no month; a day set before what it dates is a date ("the 6 March Budget").
    assert dates_in_doc(nlp("The talks may 2 or 3 times fail."), 0, DCT) == []
    text = "Silva will present the 6 March Budget to parliament."
    assert [m.value.label for m in dates_in_doc(nlp(text), 0, DCT)] == ["2024-03-06"]


def _narrated(nlp: Language, *paragraphs: str, dct: date) -> dict[str, str]:
    """The day each date phrase of the paragraphs is read as, by its words."""
    text = "\n\n".join(paragraphs)
    starts = [text.index(p) for p in paragraphs]
    mentions = narrated_weekdays(dates_in_doc(nlp(text), 0, dct), dct, starts)
    return {text[m.start : m.end]: m.value.label for m in mentions}


def test_weekdays_of_a_look_back_are_read_from_the_scene_it_sets(nlp: Language) -> None:
    found = _narrated(
        nlp,
        "The vote came on Wednesday, March 6. On Tuesday the council had met in secret. "
        "The mayor resigned on Thursday and left the city on Friday.",
        dct=date(2024, 3, 29),
    )
    assert found["Tuesday"] == "2024-03-05"
    assert found["Thursday"] == "2024-03-07"
    assert found["Friday"] == "2024-03-08"


def test_weekdays_after_a_date_told_in_passing_are_the_articles_week(nlp: Language) -> None:
    found = _narrated(
        nlp,
        "The law was passed on March 6. On Tuesday the minister resigned.",
        dct=date(2024, 3, 29),
    )
    assert found["Tuesday"] == "2024-03-26"


def test_the_scenes_own_weekday_again_is_left_to_the_articles_week(nlp: Language) -> None:
    found = _narrated(
        nlp,
        "The theft happened on Monday, March 4. On Monday, police re-enacted the break-in.",
        dct=date(2024, 3, 13),
    )
    assert found["Monday"] == "2024-03-11"


def test_that_same_weekday_is_the_one_last_told(nlp: Language) -> None:
    found = _narrated(
        nlp,
        "The regulator answered its critics on Thursday, March 21. That same Thursday the bank "
        "raised its rate.",
        dct=date(2024, 3, 29),
    )
    assert found["Thursday"] == "2024-03-21"


def test_a_date_told_in_passing_after_the_articles_week_sets_no_scene(nlp: Language) -> None:
    found = _narrated(
        nlp,
        "Rescue crews in Valmora found two more survivors on Wednesday. The storm struck the "
        "coast on Friday, March 1, killing at least 12 people. On Tuesday, the mayor said the "
        "town would rebuild.",
        dct=date(2024, 3, 14),
    )
    assert found["Tuesday"] == "2024-03-12"


def test_a_weekday_to_come_is_not_read_from_a_scene_gone_by(nlp: Language) -> None:
    found = _narrated(
        nlp,
        "The ceasefire, agreed on Tuesday, Feb. 27, collapsed within hours. Talks resume in "
        "Dorvale on Monday.",
        dct=date(2024, 3, 14),
    )
    assert found["Monday"] == "2024-03-18"


def test_that_same_weekday_follows_the_weekday_as_the_scene_read_it(nlp: Language) -> None:
    found = _narrated(
        nlp,
        "The storm reached Valmora on Friday, March 1. On Saturday the river broke its banks, "
        "and that same Saturday the mayor ordered the town evacuated.",
        dct=date(2024, 3, 29),
    )
    assert set(found.values()) == {"2024-03-01", "2024-03-02"}


def test_a_look_back_in_a_new_paragraph_after_a_lede_of_this_week_is_read(
    nlp: Language,
) -> None:
    found = _narrated(
        nlp,
        "The mayor of Harbourton resigned on Tuesday after weeks of pressure.",
        "The scandal began on Wednesday, Feb. 7. On Friday, the council voted to open an inquiry.",
        dct=date(2024, 3, 14),
    )
    assert found["Tuesday"] == "2024-03-12"
    assert found["Friday"] == "2024-02-09"


def test_a_narration_goes_on_from_paragraph_to_paragraph(nlp: Language) -> None:
    found = _narrated(
        nlp,
        "The storm reached Valmora on Friday, March 1.",
        "On Saturday the river broke its banks.",
        "On Sunday the dam gave way.",
        "On Monday the water began to fall.",
        "On Tuesday the first families went home.",
        dct=date(2024, 3, 29),
    )
    assert [found[d] for d in ("Saturday", "Sunday", "Monday", "Tuesday")] == [
        "2024-03-02",
        "2024-03-03",
        "2024-03-04",
        "2024-03-05",
    ]
