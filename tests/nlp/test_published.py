from datetime import date

from spacy.language import Language

from stories.nlp.clean import clean_article
from stories.nlp.published import (
    PublishedEvidence,
    PublishedGuess,
    fill_published_from_story,
    read_evidence,
)


def _evidence(nlp: Language, text: str, manifest: date | None = None) -> PublishedEvidence:
    clean = clean_article(text)
    docs = [(b, nlp(b.text)) for b in clean.body_blocks]
    return read_evidence(clean, docs, manifest=manifest)


DATED = (
    "Ferry Sinks Off the Coast\n\n"
    "A passenger ferry sank yesterday after striking rocks in heavy fog, the coast guard said.\n\n"
    "Divers resumed the search on Wednesday morning.\n"
)
WEEKDAYS_ONLY = (
    "Dozens Missing After Ferry Disaster\n\n"
    "The ferry went down early Tuesday morning with more than 200 people on board.\n\n"
    "Rescuers pulled 40 survivors from the water.\n"
)


def _placed_beside_the_sinking(nlp: Language, text: str) -> date | None:
    """The day an undated article is placed on beside a sibling of 27 March that calls the
    sinking (26 March) "yesterday"."""
    sibling = _evidence(nlp, DATED, manifest=date(2024, 3, 27))
    return fill_published_from_story([sibling, _evidence(nlp, text)])[1].date


def test_weekday_only_article_takes_the_day_its_siblings_report(nlp: Language) -> None:
    # The sibling was published Wednesday 27 March 2024 and calls the sinking "yesterday".
    sibling = _evidence(nlp, DATED, manifest=date(2024, 3, 27))
    undated = _evidence(nlp, WEEKDAYS_ONLY)
    assert undated.guess.date is None
    filled = fill_published_from_story([sibling, undated])
    assert (filled[1].date, filled[1].basis) == (date(2024, 3, 26), "inferred from story")
    assert filled[0].basis == "manifest"


def test_own_weekdays_beat_the_siblings_majority_date(nlp: Language) -> None:
    later = _evidence(nlp, "Inquiry Opens\n\nThe inquiry opened.\n", manifest=date(2024, 3, 29))
    sibling = _evidence(nlp, DATED, manifest=date(2024, 3, 27))
    undated = _evidence(nlp, WEEKDAYS_ONLY)
    filled = fill_published_from_story([later, later, sibling, undated])
    # The majority says 29 March; its own "Tuesday" is the 26th that a sibling reports.
    assert filled[3].date == date(2024, 3, 26)


def test_a_labelled_date_line_is_firm_and_a_bare_one_is_not(nlp: Language) -> None:
    stamped = _evidence(nlp, "Published: 7 February 2023, 10:41 GMT\nQuake Toll\n\nIt rose.\n")
    assert stamped.guess == PublishedGuess(date(2023, 2, 7), "inferred from text", firm=True)
    meta = _evidence(nlp, "Date 2023-02-08\n\nQuake Toll Rises\n\nThe toll rose again.\n")
    assert meta.guess.date == date(2023, 2, 8) and meta.guess.firm
    bare = _evidence(nlp, "Fri. Mar 29th, 2024\nBridge Reopens\n\nThe bridge reopened.\n")
    assert bare.guess.printed_only and not bare.guess.firm


def test_a_dateline_gives_the_day_and_the_story_gives_the_year(nlp: Language) -> None:
    wire = _evidence(
        nlp,
        "Aid Reaches the North\n\nANKARA, Feb 9 (Continental Wire) - The first aid convoy crossed"
        " the border, officials said.\n",
    )
    assert (2, 9) in wire.month_days
    sibling = _evidence(
        nlp, "Convoys Wait\n\nTrucks waited at the border on Feb. 9.\n", manifest=date(2023, 2, 10)
    )
    filled = fill_published_from_story([sibling, wire])
    assert filled[1].date == date(2023, 2, 9)


def test_background_dates_are_only_a_lower_bound_against_firm_siblings(nlp: Language) -> None:
    background = _evidence(
        nlp,
        "Emergency Ends\n\nThe emergency, declared on January 30, 2020, is over, officials said.\n",
    )
    assert background.guess.date == date(2020, 1, 30)
    firm = PublishedGuess(date(2023, 5, 5), "manifest", firm=True)
    filled = fill_published_from_story([firm, firm, background])
    assert (filled[2].date, filled[2].basis) == (date(2023, 5, 5), "inferred from story")


def test_weekdays_that_would_fall_before_the_story_pick_a_later_week_day() -> None:
    # Siblings report a Monday 6 February disaster; an undated article names "Monday's quake"
    # once and "Wednesday" four times. Dated Monday, its Wednesdays would fall before the quake.
    sibling = PublishedEvidence(
        guess=PublishedGuess(date(2023, 2, 6), "manifest", firm=True), yesterday=0
    )
    later = PublishedEvidence(guess=PublishedGuess(date(2023, 2, 9), "manifest", firm=True))
    undated = PublishedEvidence(guess=PublishedGuess(None, "unknown"), weekdays=(0, 2, 2, 2, 2))
    filled = fill_published_from_story([sibling, later, undated])
    assert filled[2].date == date(2023, 2, 8)


def test_days_ago_place_an_undated_article_after_the_day_its_siblings_report(
    nlp: Language,
) -> None:
    placed = _placed_beside_the_sinking(
        nlp,
        "What We Know About the Ferry\n\n"
        "The ferry went down a week and a half ago with more than 200 people on board.\n",
    )
    # Ten or eleven days after the 26th: the earliest day that fits.
    assert placed in (date(2024, 4, 5), date(2024, 4, 6))


def test_days_after_a_happening_told_in_the_present_place_the_article_that_long_after(
    nlp: Language,
) -> None:
    placed = _placed_beside_the_sinking(
        nlp,
        "Ferry Owners Face Questions\n\n"
        "Five days after the passenger ferry sank off the coast, its owners have hired lawyers.\n",
    )
    assert placed == date(2024, 3, 31)
    # Told in the past, the span dates the act it leads, not the article, even where the
    # sentence reports it in the present.
    for told in (
        "Five days after the passenger ferry sank off the coast, its owners hired lawyers.",
        "The owners have said they hired lawyers five days after the passenger ferry sank.",
    ):
        past = _evidence(nlp, f"Ferry Owners Face Questions\n\n{told}\n")
        assert past.ago == ()


def test_last_week_puts_an_article_in_the_week_after_the_story(nlp: Language) -> None:
    sibling = _evidence(nlp, DATED, manifest=date(2024, 3, 27))  # Wednesday; sinking Tuesday
    later = _evidence(
        nlp,
        "Ferry Owners Face Questions\n\n"
        "If you followed the news last week, you saw divers search the wreck.\n",
    )
    filled = fill_published_from_story([sibling, later])
    assert filled[1].date is not None
    # The Monday after the sinking's week at the earliest, and within that week.
    assert date(2024, 4, 1) <= filled[1].date <= date(2024, 4, 7)


def test_a_weekday_goes_to_the_week_whose_day_more_outlets_report() -> None:
    # Two Mondays are story days: the 11th (told twice) and the 18th (told four times).
    def firm(day: date, told: date) -> PublishedEvidence:
        return PublishedEvidence(guess=PublishedGuess(day, "manifest", firm=True), days=(told,))

    siblings = [firm(date(2024, 3, 19), date(2024, 3, 18)) for _ in range(4)]
    siblings += [firm(date(2024, 3, 19), date(2024, 3, 11)) for _ in range(2)]
    undated = PublishedEvidence(guess=PublishedGuess(None, "unknown"), weekdays=(0,))
    filled = fill_published_from_story([*siblings, undated])
    assert filled[-1].date == date(2024, 3, 18)


def test_last_week_weighs_less_than_a_day_named(nlp: Language) -> None:
    sibling = _evidence(nlp, DATED, manifest=date(2024, 3, 27))  # reports Tue 26, Wed 27
    # The day's report, which also recalls something of last week.
    same_day = _evidence(
        nlp,
        "Divers Search Wreck\n\n"
        "Divers searched the wreck on Wednesday, a day after the ferry went down on Tuesday.\n\n"
        "The operator had been warned about the fog last week.\n",
    )
    filled = fill_published_from_story([sibling, same_day])
    assert filled[1].date == date(2024, 3, 27)


def test_a_day_ahead_named_in_the_body_is_no_lower_bound(nlp: Language) -> None:
    evidence = _evidence(
        nlp,
        "Harbour Bill Passes\n\n"
        "Lawmakers passed the harbour bill on Wednesday, March 13, 2024.\n\n"
        "The vote suspended the old fees through Jan. 1, 2026.\n\n"
        "The law will take effect on Monday, June 3, 2024.\n",
    )
    assert evidence.days == (date(2024, 3, 13),)
    assert evidence.lower_bound == date(2024, 3, 13)


def test_days_ahead_are_not_days_an_article_reports(nlp: Language) -> None:
    evidence = _evidence(
        nlp,
        "Dockers Strike Again\n\n"
        "Dockers walked out on Tuesday, March 12.\n\n"
        "Unions called a second day of strikes for Thursday, March 21, and the port will close"
        " on Monday.\n",
    )
    assert evidence.month_days == ((3, 12),)
    assert evidence.weekdays == ()


def test_an_article_without_clues_takes_the_day_the_story_reports_most() -> None:
    wednesday, thursday = date(2024, 3, 13), date(2024, 3, 14)
    # One report dated by its own text, one next-day report with a manifest date; both tell
    # of Wednesday. Articles with no clue of their own stay on the day the story is about.
    by_text = PublishedEvidence(
        guess=PublishedGuess(wednesday, "inferred from text"), weekdays=(2,)
    )
    next_day = PublishedEvidence(
        guess=PublishedGuess(thursday, "manifest", firm=True), weekdays=(2,)
    )
    clueless = PublishedEvidence(guess=PublishedGuess(None, "unknown"))
    filled = fill_published_from_story([by_text, next_day, clueless, clueless])
    assert [g.date for g in filled[2:]] == [wednesday, wednesday]


def test_a_clueless_article_of_a_story_told_over_weeks_takes_its_most_reported_day() -> None:
    tuesday, wednesday, later = date(2024, 3, 12), date(2024, 3, 13), date(2024, 3, 29)
    # Reports on the visit day and the day after, and a review two weeks on: no date is shared
    # by most of them, and they span more than a week.
    firm = [
        PublishedEvidence(guess=PublishedGuess(day, "manifest", firm=True), weekdays=(2,))
        for day in (tuesday, wednesday, wednesday, later)
    ]
    clueless = PublishedEvidence(guess=PublishedGuess(None, "unknown"))
    filled = fill_published_from_story([*firm, clueless])
    # Left undated, every event it tells would be undated; on the story's main day, most of
    # what it retells is dated right.
    assert filled[4].date == wednesday
    assert filled[4].basis == "inferred from story"


def test_a_printed_date_in_a_story_told_over_weeks_is_not_moved_to_its_main_day() -> None:
    tuesday, wednesday, later = date(2024, 3, 12), date(2024, 3, 13), date(2024, 3, 29)
    firm = [
        PublishedEvidence(guess=PublishedGuess(day, "manifest", firm=True), weekdays=(2,))
        for day in (tuesday, wednesday, wednesday, later)
    ]
    printed = PublishedEvidence(
        guess=PublishedGuess(date(2024, 4, 19), "inferred from text", printed_only=True)
    )
    filled = fill_published_from_story([*firm, printed])
    # The story has reports weeks apart: a page printed three weeks on may be one of them.
    assert filled[4].date == date(2024, 4, 19)


def test_a_day_the_reader_will_be_able_to_do_something_is_ahead(nlp: Language) -> None:
    evidence = _evidence(
        nlp,
        "Ferry Firm Offers Free Trips\n\n"
        "Passengers will be able to claim a free trip from Monday, the company said on Thursday.\n",
    )
    assert evidence.weekdays == (3,)


def test_a_datelines_day_without_a_year_outweighs_weekdays_the_siblings_name(
    nlp: Language,
) -> None:
    early = _evidence(nlp, DATED, manifest=date(2024, 3, 27))  # Wednesday; sinking Tuesday
    later = _evidence(
        nlp,
        "Ferry Owners Face Questions\n\n"
        "PORT CITY, April 4 (Coast Wire) - The owners of the ferry that sank were questioned on "
        "Thursday by investigators, who on Tuesday had recovered the vessel's data recorder.\n",
    )
    filled = fill_published_from_story([early, later])
    # Read by its weekdays alone, the Tuesday of the sinking week would fit as well.
    assert filled[1].date == date(2024, 4, 4)


def test_last_thursday_is_never_the_articles_own_day(nlp: Language) -> None:
    storm = _evidence(
        nlp,
        "Storm Batters the Coast\n\nA storm hit the coast on Monday, the coast guard said.\n",
        manifest=date(2024, 3, 11),
    )
    resigned = _evidence(
        nlp,
        "Harbour Chief Quits\n\nThe harbour chief resigned on Thursday, the council said.\n",
        manifest=date(2024, 3, 14),
    )
    undated = _evidence(
        nlp,
        "A Week of Trouble at the Port\n\n"
        "The storm hit the coast on Monday.\n\n"
        "The harbour chief resigned last Thursday.\n",
    )
    filled = fill_published_from_story([storm, resigned, undated])
    # Not Thursday the 14th, where "on Monday" and "Thursday" would both fit: on a Thursday,
    # "last Thursday" is a week back.
    assert filled[2].date == date(2024, 3, 15)


WIRE = (
    "Ferry Sinks Off the Coast\n\n"
    "A passenger ferry carrying 212 people sank off the northern cape after striking rocks in"
    " heavy fog, the coast guard said.\n\n"
    "Rescue boats pulled 140 survivors from the cold water and took them to the port of Alder.\n\n"
    "The operator said the ferry had passed its safety inspection in the spring.\n"
)
REWRITE = (
    "Ferry Disaster Off the Cape\n\n"
    "A passenger ferry with 212 people aboard sank off the northern cape after it struck rocks"
    " in thick fog, according to the coast guard.\n\n"
    "Rescue boats pulled 140 survivors from the water and brought them to the port of Alder.\n\n"
    "Families gathered at the harbour gates waiting for news.\n"
)


def test_an_undated_rewrite_of_a_dated_wire_story_takes_the_wires_day(nlp: Language) -> None:
    wire = _evidence(nlp, WIRE, manifest=date(2024, 3, 11))
    later = [
        _evidence(
            nlp,
            "Ferry Inquiry Opens\n\nInvestigators opened an inquiry into the sinking.\n",
            manifest=date(2024, 3, 14),
        )
        for _ in range(2)
    ]
    rewrite = _evidence(nlp, REWRITE)
    filled = fill_published_from_story([wire, *later, rewrite])
    assert (filled[3].date, filled[3].basis) == (date(2024, 3, 11), "inferred from story")


def test_an_undated_report_of_the_first_day_is_placed_before_the_first_dated_article(
    nlp: Language,
) -> None:
    # The dated siblings appeared weeks after the sinking, which they date as Feb. 2.
    later = [
        _evidence(
            nlp,
            "Inquiry Faults the Ferry's Crew\n\n"
            "Investigators said the ferry sank on Feb. 2 after its crew ignored a fog warning.\n",
            manifest=day,
        )
        for day in (date(2024, 2, 22), date(2024, 3, 8))
    ]
    undated = _evidence(
        nlp,
        "Ferry Sinks in Fog\n\n"
        "A passenger ferry sank late Friday after its crew ignored a fog warning.\n\n"
        "Rescuers searched the water through the night and into Saturday.\n",
    )
    filled = fill_published_from_story([*later, undated])
    assert filled[2].date is not None
    assert date(2024, 2, 3) <= filled[2].date <= date(2024, 2, 4)


WEEK_OF_TOLLS = (
    "Ferry Toll Climbs\n\n"
    "The death toll from the ferry sinking rose to 61 on Monday, the coast guard said.\n\n"
    "The ferry went down on Tuesday. The toll stood at 12 on Wednesday, 30 on Thursday and 41 "
    "on Friday. Divers found more bodies on Saturday, and on Sunday it was 58.\n"
)


def test_a_lead_weekday_settles_which_week_the_weekdays_are_of(nlp: Language) -> None:
    # Every day of the week is named, so any day from the sinking's Tuesday on fits the
    # weekdays alike; the opening paragraph's Monday is the news, so the paper is Monday's.
    sibling = _evidence(nlp, DATED, manifest=date(2024, 3, 27))
    undated = _evidence(nlp, WEEK_OF_TOLLS)
    assert undated.lead_weekday == 0
    filled = fill_published_from_story([sibling, undated])
    assert filled[1].date == date(2024, 4, 1)


def test_a_weekday_with_a_names_no_week(nlp: Language) -> None:
    ev = _evidence(nlp, "The ferry sank on a Friday night. Divers reached it on Monday.")
    assert ev.weekdays == (0,)


def _beside_the_collapse(nlp: Language, text: str) -> date | None:
    """The day an undated article is placed on beside two siblings that report a bridge
    collapse on Tuesday 5 March 2024 and the search that ended on Sunday 10 March."""
    first = _evidence(
        nlp,
        "Bridge Falls in Valmora\n\nThe Valmora bridge collapsed yesterday, police said.\n",
        manifest=date(2024, 3, 6),
    )
    second = _evidence(
        nlp,
        "Search Ends in Valmora\n\nDivers found the last car on Sunday, five days after the"
        " bridge collapsed on Tuesday.\n",
        manifest=date(2024, 3, 11),
    )
    return fill_published_from_story([first, second, _evidence(nlp, text)])[2].date


def test_a_headline_span_since_the_story_began_dates_the_article(nlp: Language) -> None:
    # Without the span, its "on Sunday" would put it the day after the search ended.
    placed = _beside_the_collapse(
        nlp,
        "Two weeks after the Valmora collapse: what we know\n\n"
        "Divers found the last car on Sunday, and the town is counting the cost.\n",
    )
    assert placed is not None and date(2024, 3, 18) <= placed <= date(2024, 3, 20)


def test_a_span_since_the_story_began_reaches_past_the_last_dated_report(nlp: Language) -> None:
    placed = _beside_the_collapse(
        nlp, "Valmora, four weeks on\n\nThe town is still counting the cost of the collapse.\n"
    )
    assert placed is not None and date(2024, 4, 1) <= placed <= date(2024, 4, 3)


def test_a_sentence_opening_on_a_span_since_the_story_began_dates_the_article(
    nlp: Language,
) -> None:
    placed = _beside_the_collapse(
        nlp,
        "What the Valmora Collapse Cost\n\n"
        "Eight days on, the question is who pays for a new bridge.\n\n"
        "Divers found the last car on Sunday.\n",
    )
    assert placed == date(2024, 3, 13)


def test_a_span_inside_a_headline_relates_two_happenings_not_the_article() -> None:
    from stories.nlp.published import _spans_since

    clean = clean_article(
        "Minister's visit came a day after the senator's, as the Valmora collapse divides"
        "\n\nThe minister toured the site.\n"
    )
    assert _spans_since(clean, []) == ()


def test_a_weekday_on_the_byline_is_the_day_the_article_went_up(nlp: Language) -> None:
    placed = _beside_the_collapse(
        nlp,
        "The Valmora Search, Day by Day\n\n"
        "Posted by Rui Costa  ·  Thursday  ·  5 min read\n\n"
        "Divers found the last car on Sunday.\n",
    )
    # Its Sunday alone would place it on the day the search ended.
    assert placed == date(2024, 3, 14)


def test_a_day_someone_was_said_to_mean_to_act_on_is_not_one_the_article_reports(
    nlp: Language,
) -> None:
    ev = _evidence(
        nlp,
        "Valmora Mayor to Speak\n\n"
        "The council said the mayor would give a television interview on Wednesday.\n\n"
        "Divers found the last car on Sunday.\n",
    )
    assert ev.weekdays == (6,)


def test_of_two_weekdays_on_a_byline_the_published_one_is_the_articles(nlp: Language) -> None:
    placed = _beside_the_collapse(
        nlp,
        "The Valmora Search, Day by Day\n\n"
        "Posted by Ana Reis  ·  Updated Saturday, first published Wednesday\n\n"
        "Divers found the last car on Sunday.\n",
    )
    assert placed == date(2024, 3, 13)


def test_two_weekdays_on_a_byline_with_neither_labelled_name_no_day() -> None:
    from stories.nlp.published import _byline_weekday

    clean = clean_article(
        "The Valmora Search\n\nPosted by Ana Reis  ·  Saturday  ·  Wednesday\n\nThe search ended.\n"
    )
    assert [b.kind for b in clean.blocks][:2] == ["headline", "byline"]
    assert _byline_weekday(clean) is None


def test_a_span_of_days_counts_from_no_particular_happening(nlp: Language) -> None:
    from stories.nlp.published import _spans_since

    for text in (
        "A day after the search ended, Valmora mourns\n\nThe town grieved.\n",
        "Valmora Mourns\n\nIt has been three days since the search ended.\n",
    ):
        clean = clean_article(text)
        assert _spans_since(clean, [(b, nlp(b.text)) for b in clean.body_blocks]) == ()
    # Read from the collapse, "a day after" would put it before the Sunday it reports.
    placed = _beside_the_collapse(
        nlp,
        "A day after the search ended, Valmora mourns\n\n"
        "Divers found the last car on Sunday, and the town grieved.\n",
    )
    assert placed is not None and date(2024, 3, 10) <= placed <= date(2024, 3, 11)


def test_a_span_since_the_story_began_never_puts_an_article_before_a_day_it_reports(
    nlp: Language,
) -> None:
    first = _evidence(
        nlp,
        "Bridge Falls in Valmora\n\nThe Valmora bridge collapsed yesterday, police said.\n",
        manifest=date(2024, 3, 6),
    )
    second = _evidence(
        nlp,
        "Search Ends in Valmora\n\nDivers found the last car on Sunday, five days after the"
        " bridge collapsed on Tuesday.\n",
        manifest=date(2024, 3, 11),
    )
    funeral = _evidence(
        nlp,
        "Valmora Buries Its Dead\n\nHundreds attended the funeral of the victims on Friday, "
        "the council said.\n",
        manifest=date(2024, 3, 16),
    )
    undated = _evidence(
        nlp,
        "A week after the search ended, Valmora says goodbye\n\n"
        "Hundreds attended the funeral of the victims on Friday.\n",
    )
    placed = fill_published_from_story([first, second, funeral, undated])[3].date
    # Counted from the collapse (Tuesday 5 March), the week would end before Friday's funeral.
    assert placed is not None and date(2024, 3, 15) <= placed <= date(2024, 3, 17)


_TOWN_LINES = (
    "Shopkeepers near the old crossing say trade has halved since traffic stopped.\n\n"
    "Engineers from the regional authority will inspect the remaining spans of the bridge.\n"
)


def _beside_two_collapse_reports(nlp: Language, search: str, text: str) -> date | None:
    """The day an undated article is placed on beside two reports of a bridge collapse dated
    the day after it (6 March 2024) and one of the search, dated 11 March."""
    collapse = "Bridge Falls in Valmora\n\nThe Valmora bridge collapsed yesterday, police said.\n"
    siblings = [
        _evidence(nlp, collapse, manifest=date(2024, 3, 6)),
        _evidence(nlp, collapse.replace("police", "officials"), manifest=date(2024, 3, 6)),
        _evidence(nlp, f"Search in Valmora\n\n{search}\n", manifest=date(2024, 3, 11)),
    ]
    return fill_published_from_story([*siblings, _evidence(nlp, text)])[3].date


def test_an_article_with_no_day_of_its_own_comes_after_the_latest_happening_it_retells(
    nlp: Language,
) -> None:
    # The undated article tells how the search ended on the Sunday, so it came out no earlier
    # than that, though most of its dated siblings are of the collapse.
    placed = _beside_two_collapse_reports(
        nlp,
        "Divers found the last car in the river on Sunday, ending the search for the missing "
        "drivers.",
        "What the Valmora Collapse Cost\n\nDivers found the last car in the river, ending the "
        "search for the missing drivers.\n\n" + _TOWN_LINES + "\nSchool buses now take a "
        "forty minute detour through the hills around the valley.\n",
    )
    assert placed == date(2024, 3, 10)


def test_an_article_that_previews_a_happening_is_not_placed_after_it(nlp: Language) -> None:
    placed = _beside_two_collapse_reports(
        nlp,
        "Divers resumed the search for the missing drivers in the river on Sunday, once the "
        "water level dropped.",
        "Valmora Waits\n\nDivers will resume the search for the missing drivers in the river "
        "once the water level drops, police said.\n\n" + _TOWN_LINES,
    )
    assert placed is not None and placed < date(2024, 3, 10)
