from stories.nlp.sequence import DayEvent, order_within_day, time_of_day


def ev(key: str, *sentences: str, reporters: int = 1, at: float = 0.5) -> DayEvent:
    return DayEvent(key, [(at, s) for s in sentences], reporters)


def test_the_main_event_leads_and_what_came_before_it_goes_first() -> None:
    order = order_within_day(
        [
            ev("lunch", "After the talks, the two mayors had lunch by the river.", at=0.8),
            ev("meeting", "The two mayors met at the town hall.", reporters=3, at=0.05),
            ev("protest", "Hours before the meeting, farmers blocked the main square.", at=0.6),
            ev("agenda", "The mayors discussed water rights and roads.", reporters=2, at=0.3),
        ]
    )
    assert order == ["protest", "meeting", "agenda", "lunch"]


def test_never_alphabetical() -> None:
    order = order_within_day(
        [
            ev("a-closing", "As the summit concluded, both sides promised more talks."),
            ev("b-summit", "Leaders gathered for the summit.", reporters=4, at=0.1),
        ]
    )
    assert order == ["b-summit", "a-closing"]


def test_an_arrival_and_a_welcome_frame_the_main_event() -> None:
    order = order_within_day(
        [
            ev("welcome", "The host welcomed her guest at the door.", at=0.2),
            ev("talks", "The two ministers held talks.", reporters=2, at=0.1),
            ev("arrival", "The minister arrived by train after a long journey.", at=0.9),
        ]
    )
    assert order == ["arrival", "talks", "welcome"]


def test_a_sentence_about_a_later_event_places_this_one_before_it() -> None:
    order = order_within_day(
        [
            ev("meeting", "The ministers met in the capital.", reporters=2, at=0.1),
            ev("launch", "The meeting took place just hours after the rocket launched.", at=0.9),
        ]
    )
    assert order == ["launch", "meeting"]


def test_times_of_day_order_events_of_one_phase() -> None:
    order = order_within_day(
        [
            ev("main", "The fair opened.", reporters=3, at=0.0),
            ev("late", "At 9 p.m. fireworks lit the sky.", at=0.1),
            ev("early", "In the morning a parade crossed the town.", at=0.9),
        ]
    )
    assert order == ["main", "early", "late"]
    assert time_of_day(["It ended at 14:30."]) == 14 * 60 + 30


def test_outlets_disagreeing_on_the_sequence_are_outvoted() -> None:
    order = order_within_day(
        [
            ev("meeting", "Leaders met.", reporters=3, at=0.0),
            ev(
                "launch",
                "Hours before the meeting, a rocket was launched.",
                "Ahead of the meeting, a rocket was launched.",
                "After the meeting a rocket was seen.",
                reporters=3,
                at=0.5,
            ),
        ]
    )
    assert order == ["launch", "meeting"]
