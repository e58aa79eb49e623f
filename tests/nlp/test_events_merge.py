from dataclasses import replace
from datetime import date

import pytest
from spacy.language import Language

from stories.nlp.dates import dates_in_doc
from stories.nlp.events import extract_events
from stories.nlp.merge import merge_candidates
from stories.nlp.telling import telling_words, told_around
from stories.nlp.topics import load_taxonomy
from stories.nlp.types import Block, DateValue, EventCandidate

from .helpers import report

DCT = date(2024, 3, 14)
CONTEXT = DateValue(DCT, DCT, "day", "", "context")


class FakeActors:
    def actors_in(self, file: str, start: int, end: int) -> tuple[str, ...]:
        return ("Harbour Union",)

    def resolve(self, surface: str) -> str | None:
        return surface


def events_of(nlp: Language, file: str, text: str):  # type: ignore[no-untyped-def]
    block = Block("body", text, 0, len(text))
    doc = nlp(text)
    mentions = dates_in_doc(doc, 0, DCT)
    return extract_events(file, [(block, doc)], mentions, CONTEXT, FakeActors(), load_taxonomy())


def test_reported_happening_becomes_an_event_and_speculation_does_not(nlp: Language) -> None:
    found = events_of(
        nlp,
        "a.txt",
        "The union signed the agreement with the port authority on Tuesday. "
        "Analysts suggest the deal could collapse within a year.",
    )
    assert [(e.trigger, e.date.label if e.date else None) for e in found] == [
        ("sign", "2024-03-12")
    ]
    assert found[0].title.startswith("The union signed the agreement")


def test_two_dated_background_facts_in_one_sentence_are_two_events(nlp: Language) -> None:
    found = events_of(
        nlp,
        "a.txt",
        "The port has suffered setbacks, with a failed strike in August and a crash in May.",
    )
    assert sorted(e.date.label for e in found if e.date) == ["2023-05", "2023-08"]


def test_the_same_event_from_two_outlets_merges_with_one_source_each(nlp: Language) -> None:
    a = events_of(
        nlp, "a.txt", "The union signed the agreement with the port authority on Tuesday."
    )
    b = events_of(nlp, "b.txt", "On Tuesday the union signed a pay agreement with the port.")
    merged = merge_candidates([*a, *b])
    assert len(merged) == 1
    assert sorted(s.file for s in merged[0].sources) == ["a.txt", "b.txt"]
    assert merged[0].date is not None and merged[0].date.label == "2024-03-12"


def test_launch_test_and_crash_are_different_kinds_of_act() -> None:
    from stories.nlp.events import event_kind

    assert event_kind("launch") == event_kind("fire") == event_kind("liftoff")
    assert event_kind("fail") == event_kind("failure") == event_kind("crash")
    assert len({event_kind("launch"), event_kind("test"), event_kind("crash")}) == 3


def test_a_crash_and_a_launch_in_one_month_do_not_merge(nlp: Language) -> None:
    a = events_of(nlp, "a.txt", "The union's cargo plane crashed near the port on Tuesday.")
    b = events_of(nlp, "b.txt", "On Tuesday the union launched a new ferry service from the port.")
    assert a and b
    assert len(merge_candidates([*a, *b])) == 2


def test_two_reports_of_failed_attempts_merge(nlp: Language) -> None:
    a = events_of(nlp, "a.txt", "The union failed twice this year to launch its ferry service.")
    b = events_of(
        nlp, "b.txt", "Two attempts by the union this year to launch the ferry service failed."
    )
    assert a and b
    merged = merge_candidates([*a, *b])
    assert len(merged) == 1


def _day(d: date, basis: str = "relative") -> DateValue:
    return DateValue(d, d, "day", d.isoformat(), basis)  # type: ignore[arg-type]


def _report(file: str, sentence: str, value: DateValue | None, **kw) -> EventCandidate:  # type: ignore[no-untyped-def]
    return report(file, sentence, value, **{"trigger": "collapse", **kw})


COLLAPSE = "The Aldgate footbridge collapsed into the canal, killing 14 commuters."


def test_an_undated_report_merges_with_the_dated_reports_of_the_same_happening() -> None:
    reports = [
        _report("a.txt", COLLAPSE, _day(date(2024, 3, 12))),
        _report("b.txt", "14 commuters died when the Aldgate footbridge collapsed.", None),
        _report(
            "c.txt", "The footbridge at Aldgate collapsed into the canal.", _day(date(2024, 3, 12))
        ),
    ]
    merged = merge_candidates(reports)
    assert len(merged) == 1 and len(merged[0].sources) == 3


def test_outlets_that_misdate_a_happening_still_merge_and_the_other_date_stays_visible() -> None:
    reports = [
        _report("a.txt", COLLAPSE, _day(date(2024, 3, 12))),
        _report("b.txt", COLLAPSE.replace("killing", "and killed"), _day(date(2024, 3, 12))),
        _report(
            "c.txt",
            "The Aldgate footbridge collapsed into the canal and 14 commuters were killed.",
            _day(date(2024, 3, 13)),
        ),
    ]
    merged = merge_candidates(reports)
    assert len(merged) == 1
    assert merged[0].date is not None and merged[0].date.label == "2024-03-12"
    assert [d.label for d in merged[0].alternative_dates] == ["2024-03-13"]


def test_a_day_given_by_one_outlet_beats_a_week_given_by_another() -> None:
    week = DateValue(date(2024, 3, 11), date(2024, 3, 17), "day", "last week", "relative", "week")
    reports = [
        _report("a.txt", COLLAPSE, week),
        _report("b.txt", COLLAPSE.replace("killing", "and killed"), _day(date(2024, 3, 13))),
    ]
    [merged] = merge_candidates(reports)
    assert merged.date is not None and merged.date.label == "2024-03-13"


def test_two_happenings_of_one_kind_on_different_days_stay_apart() -> None:
    reports = [
        _report(
            "a.txt",
            "The Harbour Union staged a strike at the Aldgate depot.",
            _day(date(2024, 3, 12)),
            trigger="strike",
        ),
        _report(
            "b.txt",
            "The Harbour Union staged a strike at the Bow terminal over pay.",
            _day(date(2024, 1, 9)),
            trigger="strike",
        ),
    ]
    assert len(merge_candidates(reports)) == 2


def test_an_announced_visit_is_not_the_visit_that_happened() -> None:
    reports = [
        _report(
            "a.txt",
            "The minister visited the flooded port.",
            _day(date(2024, 3, 12)),
            trigger="visit",
        ),
        _report(
            "b.txt",
            "The minister is set to visit the flooded port.",
            None,
            trigger="visit",
            scheduled=True,
        ),
    ]
    assert len(merge_candidates(reports)) == 2


def test_a_visit_announced_for_a_day_and_the_visit_that_day_are_one_happening() -> None:
    tuesday = _day(date(2024, 3, 12))
    announced = _report(
        "b.txt",
        "The minister is due to visit the flooded port on Tuesday.",
        tuesday,
        trigger="visit",
        scheduled=True,
    )
    done = _report("a.txt", "The minister visited the flooded port.", tuesday, trigger="visit")
    other_act = _report("c.txt", "The minister closed the flooded port.", tuesday, trigger="close")
    assert len(merge_candidates([done, announced])) == 1
    assert len(merge_candidates([other_act, announced])) == 2


def test_comparisons_grow_with_the_story_not_with_its_square() -> None:
    from stories.nlp.merge import candidate_pairs

    def _place(g: int) -> str:
        return "k" + chr(97 + g % 26) + chr(97 + g // 26) + "ton"

    def story(n: int) -> list[EventCandidate]:
        # Every 20 reports share a rare place name; all share the common words and the verb.
        return [
            _report(
                f"{i}.txt",
                f"The crossing at {_place(i // 20)} closed after inspection.",
                None,
                trigger="close",
                actors=(),
            )
            for i in range(n)
        ]

    small, large = len(candidate_pairs(story(200))), len(candidate_pairs(story(800)))
    assert small > 0
    # Four times the reports, about four times the comparisons (all pairs would be sixteen).
    assert large < 5 * small


def test_two_phrases_dating_one_act_make_one_event(nlp: Language) -> None:
    found = events_of(
        nlp,
        "a.txt",
        "The union's ferry sank early on Tuesday, March 12, 2024, at the mouth of the harbour.",
    )
    assert [e.date.label for e in found if e.date] == ["2024-03-12"]


def test_one_act_told_in_two_verbs_on_its_day_is_one_happening() -> None:
    tuesday = _day(date(2024, 3, 12), "explicit")
    hit = _report(
        "a.txt",
        "The harbour authority hit its borrowing limit of $31 billion on Tuesday, officials said.",
        tuesday,
        trigger="hit",
        actors=("Harbour Authority",),
    )
    bumped = _report(
        "b.txt",
        "The port bumped into its $31 billion borrowing cap on Tuesday.",
        tuesday,
        trigger="bump",
        actors=("Harbour Authority",),
    )
    # The rest of the story, so that the words the two share are rare in it.
    others = [
        _report(f"{n}.txt", text, tuesday, trigger=verb, actors=())
        for n, (verb, text) in enumerate(
            [
                ("vote", "Dock workers voted to strike over pay at the container terminal."),
                ("run", "A ferry ran aground near the lighthouse during the storm."),
                ("open", "The mayor opened a new fish market beside the marina."),
                ("seize", "Customs officers seized counterfeit watches from a cargo ship."),
            ]
        )
    ]
    assert len(merge_candidates([hit, bumped, *others])) == 5
    # Told only as "this month", it may be another happening of that month.
    this_month = DateValue(date(2024, 3, 1), date(2024, 3, 31), "month", "this month", "relative")
    assert len(merge_candidates([hit, replace(bumped, date=this_month), *others])) == 6


def test_firing_a_person_is_a_dismissal_and_firing_a_missile_a_launch(nlp: Language) -> None:
    found = events_of(
        nlp,
        "a.txt",
        "The new owner fired the chief executive on Tuesday. The navy fired a missile on Monday.",
    )
    assert [e.trigger for e in found] == ["dismiss", "fire"]


def test_reaching_and_striking_a_deal_are_one_agreement(nlp: Language) -> None:
    a = events_of(nlp, "a.txt", "The union and the port authority reached an agreement on Tuesday.")
    b = events_of(
        nlp, "b.txt", "On Tuesday the union and the port authority struck a tentative deal."
    )
    assert [e.trigger for e in a + b] == ["agreement", "deal"]
    [merged] = merge_candidates([*a, *b])
    assert {s.file for s in merged.sources} == {"a.txt", "b.txt"}


def test_suing_and_filing_a_lawsuit_are_one_legal_action(nlp: Language) -> None:
    a = events_of(nlp, "a.txt", "The union sued the port authority over unpaid wages on Tuesday.")
    b = events_of(
        nlp, "b.txt", "On Tuesday the union filed a lawsuit against the port over unpaid wages."
    )
    [merged] = merge_candidates([*a, *b])
    assert {s.file for s in merged.sources} == {"a.txt", "b.txt"}
    # Filing for bankruptcy or a complaint with a board is no lawsuit.
    c = events_of(nlp, "c.txt", "On Tuesday the union filed a complaint with the labour board.")
    assert [e.trigger for e in c] == ["file"]


def test_a_guilty_verdict_is_a_conviction_not_a_discovery(nlp: Language) -> None:
    found = events_of(
        nlp,
        "a.txt",
        "A jury found the union's treasurer guilty of fraud on Tuesday. "
        "The jury found his deputy not guilty on Wednesday. Divers found the wreck on Monday.",
    )
    assert [e.trigger for e in found] == ["convict", "acquit", "find"]
    b = events_of(nlp, "b.txt", "The union's treasurer was convicted of fraud on Tuesday.")
    assert any(len({s.file for s in e.sources}) == 2 for e in merge_candidates([*found, *b]))


def test_being_sworn_in_and_taking_office_are_one_inauguration(nlp: Language) -> None:
    a = events_of(nlp, "a.txt", "The union's new president was sworn in on Tuesday at the port.")
    b = events_of(
        nlp, "b.txt", "A former docker took office as head of the union on Tuesday, vowing calm."
    )
    [merged] = merge_candidates([*a, *b])
    assert {s.file for s in merged.sources} == {"a.txt", "b.txt"}


def test_reaching_a_place_named_like_a_meeting_is_no_meeting(nlp: Language) -> None:
    [found] = events_of(nlp, "a.txt", "The climbers reached the summit on Tuesday.")
    assert found.trigger == "reach"


def _county_toll(agents: tuple[tuple[str, ...], tuple[str, ...]]) -> list[EventCandidate]:
    wednesday = _day(date(2024, 3, 13), "explicit")
    county = ("Alder County",)
    return [
        _report(
            "a.txt",
            "Alder County raised the death toll from the flood to 36 late on Wednesday.",
            wednesday,
            trigger="raise",
            actors=county,
            agents=agents[0],
        ),
        _report(
            "b.txt",
            "Alder County confirmed 36 deaths from the flood late on Wednesday.",
            wednesday,
            trigger="confirm",
            actors=county,
            agents=agents[1],
        ),
        *[
            _report(f"{n}.txt", text, wednesday, trigger=verb, actors=())
            for n, (verb, text) in enumerate(
                [
                    ("vote", "Dock workers voted to strike over pay at the container terminal."),
                    ("run", "A ferry ran aground near the lighthouse during the storm."),
                    ("open", "The mayor opened a new fish market beside the marina."),
                ]
            )
        ],
    ]


def test_a_body_reporting_its_own_act_in_a_verb_of_speech_is_that_act() -> None:
    county = ("Alder County",)
    assert len(merge_candidates(_county_toll((county, county)))) == 4


def test_a_statement_is_an_act_only_of_the_same_named_agents() -> None:
    # Who raised the toll is not said: the county's statement may be about another count.
    assert len(merge_candidates(_county_toll(((), ("Alder County",))))) == 5


def _raid_story(third: str, trigger: str) -> list[EventCandidate]:
    may = _day(date(2011, 5, 2), "explicit")
    return [
        _report(
            "a.txt",
            "Ivo Horvat was killed in a night raid on his compound.",
            may,
            trigger="kill",
            actors=("Ivo Horvat",),
        ),
        _report(
            "b.txt",
            "Commandos killed Ivo Horvat in a night raid on his compound.",
            may,
            trigger="kill",
            actors=("Ivo Horvat",),
        ),
        # Dated by the article's day, as a sentence with no day of its own is.
        _report(
            "c.txt",
            third,
            _day(date(2024, 3, 14), "context"),
            trigger=trigger,
            actors=("Marko Kovac", "Ivo Horvat"),
        ),
        *[
            _report(f"{n}.txt", text, may, trigger=verb, actors=())
            for n, (verb, text) in enumerate(
                [
                    ("vote", "Dock workers voted to strike over pay at the container terminal."),
                    ("run", "A ferry ran aground near the lighthouse during the storm."),
                ]
            )
        ],
    ]


TOOK_OVER_AFTER_THE_KILLING = (
    "Marko Kovac took over the group after Ivo Horvat was killed in a night raid on his compound."
)


def _the_killing(events: list) -> list[str]:  # type: ignore[type-arg]
    """The files of the event of the killing that more than one outlet tells."""
    killing = next(e for e in events if "killed" in e.title and len(e.sources) > 1)
    return sorted(c.file for c in killing.sources)


def test_a_sentence_telling_a_second_happening_is_a_source_of_it_too() -> None:
    events = merge_candidates(_raid_story(TOOK_OVER_AFTER_THE_KILLING, "take_over"))
    assert _the_killing(events) == ["a.txt", "b.txt", "c.txt"]
    killing = next(e for e in events if "killed" in e.title and len(e.sources) > 1)
    assert killing.date is not None and killing.date.label == "2011-05-02"
    # It stays the source of its own happening as well.
    assert any(e.sources == tuple(c for c in e.sources if c.file == "c.txt") for e in events)


def test_a_clause_of_a_sentence_about_something_else_is_a_source_of_what_it_tells() -> None:
    # Most of the sentence is about the visit; the words beside "killed" tell the killing.
    visited = (
        "Interior Minister Marko Kovac toured the burned compound and met grieving neighbours "
        "on Thursday, nearly two weeks after Ivo Horvat was killed in a night raid there."
    )
    events = merge_candidates(_raid_story(visited, "tour"))
    assert _the_killing(events) == ["a.txt", "b.txt", "c.txt"]


def test_another_persons_like_act_in_the_same_place_is_no_source_of_it() -> None:
    tuesday = _day(date(2024, 3, 12), "explicit")
    costa, berg, place = "Rui Costa", "Lena Berg", "Harbourton"
    visits = {
        "a.txt": "Rui Costa visited the Harbourton shipyard on Tuesday and met welders at its new "
        "dry dock.",
        "b.txt": "Rui Costa visited the shipyard in Harbourton on Tuesday, meeting welders at the "
        "new dry dock.",
    }
    reports = [
        *[
            _report(file, text, tuesday, trigger="visit", actors=(costa, place), agents=(costa,))
            for file, text in visits.items()
        ],
        # Told from a later article's day, in the words of the visit.
        _report(
            "c.txt",
            "Lena Berg toured the Harbourton shipyard and its new dry dock on Tuesday.",
            _day(date(2024, 3, 14), "context"),
            trigger="tour",
            actors=(berg, place),
            agents=(berg,),
        ),
        _report(
            "0.txt", "Dock workers voted to strike over pay.", tuesday, trigger="vote", actors=()
        ),
        _report(
            "1.txt", "A ferry ran aground near the lighthouse.", tuesday, trigger="run", actors=()
        ),
    ]
    events = merge_candidates(reports, {place: "place", costa: "person", berg: "person"})
    visit = next(e for e in events if e.title.startswith("Rui Costa visited"))
    assert sorted(c.file for c in visit.sources) == ["a.txt", "b.txt"]


def test_told_around_reads_the_words_beside_each_naming_of_the_act() -> None:
    found = told_around(
        "Crews cleared the road, days after the old bridge collapsed into it.", "collapse", 2
    )
    assert found == [telling_words("the old bridge into it.")]
    assert told_around("Crews cleared the road on Monday.", "collapse", 2) == []
    # Denied or only thought possible, the act is not told there ...
    assert told_around("He said the old bridge had not collapsed.", "collapse", 2) == []
    assert told_around("Engineers warned the old bridge could collapse.", "collapse", 2) == []
    assert told_around("No one was hurt when the old bridge collapsed.", "collapse", 3) != []
    assert told_around("Engineers said it could have collapsed.", "collapse", 3) == []
    assert told_around("He said it would never, ever collapse.", "collapse", 3) == []
    # ... but not by the month of May, nor by a "not" of another clause.
    assert told_around("after the May 3 collapse of the old bridge", "collapse", 2) != []
    assert told_around("The pier, which did not flood, collapsed at dawn.", "collapse", 2) != []


@pytest.mark.parametrize(
    "third",
    [
        # Another killing, of someone else or of nobody yet.
        "Marko Kovac was sworn in as mayor of the port city on Thursday, a year after his "
        "brother was killed.",
        "Marko Kovac opened a hospital wing in the eastern town on Thursday, months after a "
        "nurse was killed there.",
        "Marko Kovac visited the garrison on Thursday, warning that more soldiers could be killed "
        "in the coming weeks.",
        # The act denied.
        "Marko Kovac resigned on Thursday, insisting that Ivo Horvat was not killed by his "
        "soldiers.",
    ],
)
def test_a_sentence_naming_the_act_of_another_happening_is_no_source_of_it(third: str) -> None:
    assert _the_killing(merge_candidates(_raid_story(third, "swear"))) == ["a.txt", "b.txt"]


def test_a_sentence_telling_the_happening_in_other_words_is_a_source_of_it_too() -> None:
    # Neither "killed" nor a clause beside it: the likelihood read from many stories says the
    # words tell the same raid.
    for told in (
        "Marko Kovac took over after Ivo Horvat died in a night raid by commandos on his compound.",
        "Marko Kovac took over the group after commandos shot Ivo Horvat dead in a night raid on "
        "his compound.",
    ):
        assert _the_killing(merge_candidates(_raid_story(told, "take_over"))) == [
            "a.txt",
            "b.txt",
            "c.txt",
        ]


def test_a_sentence_of_another_happening_to_the_same_person_is_no_source_of_it() -> None:
    died = "Marko Kovac took over the group after Ivo Horvat died of a heart attack in hospital."
    assert _the_killing(merge_candidates(_raid_story(died, "take_over"))) == ["a.txt", "b.txt"]


def test_a_like_happening_to_other_people_is_no_source_of_it() -> None:
    # Told in the same words, on another day: another raid.
    a, b, c, *others = _raid_story(
        "Commandos killed Tomas Brink in a night raid on his compound.", "kill"
    )
    c = replace(c, actors=("Tomas Brink",))
    assert _the_killing(merge_candidates([a, b, c, *others])) == ["a.txt", "b.txt"]


def test_a_sentence_telling_a_second_happening_joins_it_whatever_order_reports_come_in() -> None:
    a, b, c, *others = _raid_story(TOOK_OVER_AFTER_THE_KILLING, "take_over")
    d = replace(a, file="d.txt", sentence="Commandos killed Ivo Horvat in a raid on his compound.")
    d = replace(d, title=d.sentence.rstrip("."))
    for order in ([a, b, c, d, *others], [a, c, *others, d, b], [c, *others, d, b, a]):
        events = merge_candidates(order)
        killing = max(events, key=lambda e: len(e.sources))
        assert sorted(c.file for c in killing.sources) == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_a_denial_is_no_report_of_the_act_it_denies() -> None:
    tuesday = _day(date(2024, 3, 12), "explicit")
    valmora = ("Valmora",)
    reports = [
        _report(
            "a.txt",
            "Valmora shot down a Caldorian drone over the border late on Tuesday.",
            tuesday,
            trigger="shoot_down",
            actors=valmora,
            agents=valmora,
        ),
        _report(
            "b.txt",
            "Valmora denied that it had shot down a Caldorian drone over the border "
            "late on Tuesday.",
            tuesday,
            trigger="deny",
            actors=valmora,
            agents=valmora,
        ),
        *[
            _report(f"{n}.txt", text, tuesday, trigger=verb, actors=())
            for n, (verb, text) in enumerate(
                [
                    ("vote", "Dock workers voted to strike over pay at the container terminal."),
                    ("run", "A ferry ran aground near the lighthouse during the storm."),
                ]
            )
        ],
    ]
    assert len(merge_candidates(reports)) == 4
