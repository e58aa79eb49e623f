"""An undated article's weekdays tied to the days dated siblings give the same happenings."""

from datetime import date, timedelta

from spacy.language import Language

from stories.nlp.clean import clean_article
from stories.nlp.published import (
    PublishedEvidence,
    PublishedGuess,
    Sighting,
    fill_published_from_story,
    read_evidence,
)
from stories.nlp.telling import telling_words

THU, SAT, WED = 3, 5, 2
VETO = "The mayor vetoed the harbour budget and sent it back to the council"
WALKOUT = "Dock workers walked out over pay, and the port stood idle through the night"
FERRY = "A ferry ran aground near the lighthouse, and its passengers were taken off by lifeboat"
MARKET = "Traders reopened the fish market after repairs to its roof"


def _firm(day: date, *told: tuple[int, str]) -> PublishedEvidence:
    sightings = tuple(Sighting(telling_words(text), weekday=w) for w, text in told)
    return PublishedEvidence(
        guess=PublishedGuess(day, "manifest", firm=True),
        weekdays=tuple(w for w, _ in told),
        sightings=sightings,
    )


def _undated(*told: tuple[int, str]) -> PublishedEvidence:
    return PublishedEvidence(
        guess=PublishedGuess(None, "unknown"),
        weekdays=tuple(w for w, _ in told),
        sightings=tuple(Sighting(telling_words(text), weekday=w) for w, text in told),
    )


# A story told over two weeks a month apart: Thursday 14 March 2024 and Saturday 13 April.
EARLY = date(2024, 3, 14)
LATE = date(2024, 4, 13)


def test_a_weekday_retelling_a_dated_siblings_report_takes_that_siblings_week() -> None:
    early = _firm(EARLY, (THU, VETO))
    late = _firm(LATE, (THU, FERRY), (SAT, MARKET))
    later = _firm(LATE, (THU, "A storm closed the coast road"))
    # "Thursday" retells the early article's veto; "Saturday" is a day nobody else reports.
    undated = _undated(
        (THU, "It began on Thursday, when the mayor vetoed the harbour budget"), (SAT, WALKOUT)
    )
    filled = fill_published_from_story([early, late, later, undated])
    # Read by weekdays alone, the late articles' Thursday and Saturday would fit better.
    assert filled[3].date is not None
    assert EARLY < filled[3].date < EARLY.replace(day=EARLY.day + 7)
    assert filled[3].basis == "inferred from story"


def test_a_weekday_whose_sentence_no_sibling_retells_goes_with_the_days_the_story_names() -> None:
    early = _firm(EARLY, (THU, VETO))
    late = _firm(LATE, (THU, FERRY), (SAT, MARKET))
    undated = _undated((THU, "Bakers handed out free bread on Thursday"), (SAT, WALKOUT))
    filled = fill_published_from_story([early, late, undated])
    assert filled[2].date == LATE


def test_a_retold_sentence_ties_only_a_weekday_of_its_own_name() -> None:
    # The early article tells the veto of a Wednesday; the undated one retells it of a
    # Saturday: a Saturday can not be that Wednesday, so the weekdays decide as usual.
    early = _firm(EARLY, (THU, FERRY), (WED, VETO))
    late = _firm(LATE, (THU, WALKOUT), (SAT, MARKET))
    undated = _undated((THU, "Bakers handed out free bread on Thursday"), (SAT, VETO))
    filled = fill_published_from_story([early, late, undated])
    assert filled[2].date == LATE


def test_each_day_an_article_names_keeps_its_sentences_telling_words(nlp: Language) -> None:
    text = (
        "Port Strike Ends\n\n"
        "The mayor vetoed the harbour budget on Thursday, aides said.\n\n"
        "Dockers marched to the town hall yesterday.\n"
    )
    clean = clean_article(text)
    evidence = read_evidence(clean, [(b, nlp(b.text)) for b in clean.body_blocks])
    by_day = {(s.weekday, s.back): s.words for s in evidence.sightings}
    assert {"mayor", "vetoed", "harbou", "budget"} <= by_day[(THU, None)]
    assert "thursd" not in by_day[(THU, None)]  # the date's own words say when, not what
    assert {"docker", "marche", "town", "hall"} <= by_day[(None, 1)]


def test_yesterday_is_tied_to_a_siblings_day_only_by_a_close_retelling() -> None:
    # "Yesterday" may be any day, so a sentence sharing a word or two with the early article's
    # veto (the harbour budget) does not move the article to the day after it.
    early = _firm(EARLY, (WED, VETO))
    late = [_firm(LATE, (4, FERRY)), _firm(LATE, (4, "A storm closed the coast road"))]
    undated = PublishedEvidence(
        guess=PublishedGuess(None, "unknown"),
        yesterday=1,
        sightings=(
            Sighting(
                telling_words(
                    "Councillors argued over the harbour budget late into the night with "
                    "dockers watching"
                ),
                back=1,
            ),
        ),
    )
    filled = fill_published_from_story([early, *late, undated])
    assert filled[3].date == LATE


def test_weekdays_no_sibling_retells_count_less_than_one_a_sibling_does() -> None:
    # The undated article retells the early veto of a Thursday, and names a Monday, a Tuesday
    # and a Saturday in sentences of its own; the late articles happen to name days of those
    # names too, in sentences about other things.
    early = _firm(EARLY, (THU, VETO))
    late = [
        _firm(LATE, (0, FERRY), (1, MARKET), (SAT, "A storm closed the coast road")),
        _firm(LATE, (SAT, "Fishermen rescued a stranded whale off the pier")),
    ]
    undated = _undated(
        (THU, "The unrest began on Thursday, when the mayor vetoed the harbour budget"),
        (0, "Councillors survived a vote of no confidence late on Monday"),
        (1, "By early Tuesday police had detained forty people"),
        (SAT, "On Saturday the prefect banned gatherings on the square"),
    )
    filled = fill_published_from_story([early, *late, undated])
    assert filled[3].date is not None
    assert EARLY <= filled[3].date < LATE.replace(day=1)


def test_yesterday_that_retells_a_siblings_report_is_the_day_after_it() -> None:
    early = _firm(EARLY, (WED, VETO))  # the veto on Wednesday 13 March
    late = [_firm(LATE, (4, FERRY)), _firm(LATE, (4, "A storm closed the coast road"))]
    undated = PublishedEvidence(
        guess=PublishedGuess(None, "unknown"),
        yesterday=1,
        sightings=(Sighting(telling_words(VETO + " yesterday"), back=1),),
    )
    filled = fill_published_from_story([early, *late, undated])
    assert filled[3].date == EARLY  # the day after the veto


def test_a_siblings_yesterday_gives_the_day_before_it_to_a_weekday_that_retells_it() -> None:
    yesterday = PublishedEvidence(
        guess=PublishedGuess(EARLY, "manifest", firm=True),
        yesterday=1,
        sightings=(Sighting(telling_words(VETO), back=1),),  # Wednesday 13 March
    )
    late = [_firm(LATE, (WED, FERRY)), _firm(LATE, (WED, "A storm closed the coast road"))]
    undated = _undated((WED, "On Wednesday the mayor vetoed the harbour budget"), (SAT, MARKET))
    filled = fill_published_from_story([yesterday, *late, undated])
    assert filled[3].date is not None
    assert EARLY - timedelta(days=1) <= filled[3].date < LATE.replace(day=1)


def test_a_weekday_that_owns_a_happening_is_the_day_of_that_happening(nlp: Language) -> None:
    text = (
        "Three more bodies were pulled from the pier, raising the death toll from Thursday’s"
        " collapse to four, the mayor said on Friday, as the count of missing rose to 159.\n\n"
        "Crews worked through the night and into Friday."
    )
    clean = clean_article(text)
    undated = read_evidence(clean, [(b, nlp(b.text)) for b in clean.body_blocks])
    # The pier fell on a Thursday; a week later, a Thursday of toll updates and a busy Friday.
    early = _firm(EARLY, (THU, "The old pier collapsed into the harbour before dawn"))
    late = _firm(
        EARLY + timedelta(days=7),
        (THU, "The death toll from the pier stood at 18, the mayor said, with 40 missing"),
        (WED, "Divers pulled two more bodies from the pier"),
    )
    later = _firm(EARLY + timedelta(days=8), (THU, "The mayor said the death toll rose to 20"))
    filled = fill_published_from_story([early, late, later, undated])
    # "Thursday's collapse" is the day the pier fell, so the article is of the day after it.
    assert filled[3].date == EARLY + timedelta(days=1)
