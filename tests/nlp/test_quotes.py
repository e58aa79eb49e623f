from dataclasses import replace

import pytest
from spacy.language import Language
from spacy.tokens import Span

from stories.nlp.actors import extract_actors
from stories.nlp.quotes import extract_quotes, find_quoted, unnamed_speaker_kind
from stories.nlp.types import Quote

from .helpers import make_article


def quotes_of(nlp: Language, text: str, file: str = "a.txt") -> list[Quote]:
    art = make_article(nlp, text, file)
    return extract_quotes(art, extract_actors([art]))


def test_quote_marks_are_told_from_apostrophes() -> None:
    text = "The minister’s aide said ‘we are ready’ and called it “a new start,” she added."
    assert [text[a:b] for a, b in find_quoted(text)] == ["we are ready", "a new start"]


def test_direct_quote_with_speaker_after_the_quote(nlp: Language) -> None:
    text = (
        "German Chancellor Olaf Scholz visited the factory on Monday.\n\n"
        "“We will not leave anyone behind,” Scholz said."
    )
    [quote] = quotes_of(nlp, text)
    assert quote.direct and quote.speaker == "Olaf Scholz" and quote.cue == "say"
    assert text[quote.start : quote.end] == "We will not leave anyone behind"
    assert text[quote.sentence_start : quote.sentence_end].endswith("Scholz said.")


def test_a_lone_surname_the_tagger_took_for_a_noun_still_names_the_speaker(
    nlp: Language,
) -> None:
    text = (
        "Federation president Tomas Andrales kissed a player.\n\n"
        "Asked about it, Rui Costa was blunt. “It was unacceptable,” he said.\n\n"
        "Andrales first brushed off the criticism. On Monday he told a radio station that there "
        "were “idiots” everywhere."
    )
    speakers = {q.text: q.speaker for q in quotes_of(nlp, text)}
    assert speakers["idiots"] == "Tomas Andrales"


def test_participle_and_pronoun_attribution(nlp: Language) -> None:
    text = (
        "Valmoran President Marko Kovac met the striking workers in Harbourton.\n\n"
        "He thanked them, saying, “Your work keeps this country running.”"
    )
    [quote] = quotes_of(nlp, text)
    assert quote.speaker == "Marko Kovac" and quote.cue == "say"


def test_role_noun_speaker_and_partial_quote(nlp: Language) -> None:
    text = (
        "Valmoran President Rui Costa Almeida hosted Dorvalean President Tomas Brink.\n\n"
        "The Valmoran leader pledged his “unconditional friendship” to the guests."
    )
    [quote] = quotes_of(nlp, text)
    assert quote.direct and quote.text == "unconditional friendship" and quote.cue == "pledge"
    assert quote.speaker == "Rui Costa Almeida"


def test_scare_quotes_without_speech_are_not_quotes(nlp: Language) -> None:
    text = "The so-called “peace plan” was published in a report titled “Next Steps” on Friday."
    assert quotes_of(nlp, text) == []


def test_continuation_paragraph_keeps_its_speaker(nlp: Language) -> None:
    text = (
        "Mayor Karen Bass spoke at City Hall on Tuesday.\n\n"
        "“We have cleared the streets,” Bass said. “The city is open again.”\n\n"
        "“Nobody should be afraid to come downtown.”"
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Karen Bass"] * 3
    assert quotes[-1].text.startswith("Nobody should be afraid")


def test_indirect_quote_and_according_to(nlp: Language) -> None:
    text = (
        "Prime Minister Mark Carney spoke in Ottawa.\n\n"
        "Carney warned that the tariffs would hurt both economies.\n\n"
        "According to Carney, the talks will resume next month."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.direct, q.speaker, q.cue) for q in quotes] == [
        (False, "Mark Carney", "warn"),
        (False, "Mark Carney", "according to"),
    ]
    assert quotes[0].text == "the tariffs would hurt both economies"


def test_interpreter_speaks_for_the_person_translated(nlp: Language) -> None:
    text = (
        "Valmoran Prime Minister Ivo Horvat met reporters in Harbourton.\n\n"
        "Translating Horvat’s words, the interpreter said the visit was “a turning point.”"
    )
    direct = [q for q in quotes_of(nlp, text) if q.direct]
    assert [(q.speaker, q.via_interpreter) for q in direct] == [("Ivo Horvat", True)]


def test_speech_verb_with_a_noun_phrase_object_is_reported_speech(nlp: Language) -> None:
    text = (
        "Kenyan President William Ruto met traders in Mombasa.\n\n"
        "Ruto expressed deep concern over the rising price of maize.\n\n"
        "He toured the port and stated his delight in meeting the dockers."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.direct, q.speaker, q.cue, q.text) for q in quotes] == [
        (False, "William Ruto", "express", "deep concern over the rising price of maize"),
        (False, "William Ruto", "state", "his delight in meeting the dockers"),
    ]


def test_noun_phrase_speech_needs_its_own_speaker_and_no_quote_marks(nlp: Language) -> None:
    text = (
        "Kenyan President William Ruto met traders in Mombasa.\n\n"
        "Ruto appeared to express sympathy for the striking dock workers.\n\n"
        "The visit drew large crowds, further underlining the tensions in the port city.\n\n"
        "Ruto expressed his strong support for the “blue economy” plan."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.direct, q.text) for q in quotes] == [(True, "blue economy")]


def test_a_quote_next_to_an_event_its_speaker_is_no_part_of_is_not_linked() -> None:
    from datetime import date

    from stories.nlp.linking import link_quote
    from stories.nlp.types import DateValue, Event, EventCandidate

    day = DateValue(date(2024, 5, 1), date(2024, 5, 1), "day", "", "context")
    text = "Floods hit the valley. “We will rebuild,” Ortiz said."

    def event(actors: tuple[str, ...]) -> Event:
        src = EventCandidate("a.txt", text[:22], 0, 22, "Floods hit", day, actors)
        return Event(day, "Floods hit", actors, (), (src,))

    quote = Quote("a.txt", "We will rebuild", 24, 39, True, "Ortiz", "say", False, 23, len(text))
    assert link_quote(quote, [event(("Valley",))]) is None
    assert link_quote(quote, [event(("Ortiz",))]) == 0


def test_a_remark_restated_far_below_joins_the_speakers_event_with_the_same_words() -> None:
    from datetime import date

    from stories.nlp.linking import link_quote
    from stories.nlp.types import DateValue, Event, EventCandidate

    day = DateValue(date(2024, 5, 1), date(2024, 5, 1), "day", "", "context")
    first = "Mayor Ortiz voiced her support for the rebuilding plan on Monday."
    other = "Mayor Ortiz toured the flooded district."
    later = "Ortiz repeated her full support for the rebuilding plan."
    text = "\n\n".join([first, other, "Residents waited for news.", later])

    def event(sentence: str) -> Event:
        start = text.index(sentence)
        src = EventCandidate(
            "a.txt", sentence, start, start + len(sentence), sentence, day, ("Ortiz",)
        )
        return Event(day, sentence, ("Ortiz",), (), (src,))

    start = text.index("full support")
    quote = Quote(
        "a.txt",
        "full support for the rebuilding plan",
        start,
        start + 36,
        False,
        "Ortiz",
        "repeat",
        False,
        text.index(later),
        len(text),
    )
    assert link_quote(quote, [event(other), event(first)]) == 1
    unrelated = replace(quote, text="the water came fast")
    assert link_quote(unrelated, [event(other), event(first)]) is None


def test_reported_clause_around_quoted_words_leaves_the_quote_as_the_record(nlp: Language) -> None:
    text = (
        "Chilean President Gabriel Boric spoke in Santiago.\n\n"
        "Boric insisted that Chile would always stand with its “old friends” in the region."
    )
    quotes = quotes_of(nlp, text)
    assert [(q.direct, q.text, q.speaker) for q in quotes] == [
        (True, "old friends", "Gabriel Boric")
    ]


def test_a_toast_speaks_and_two_speakers_make_no_single_speaker(nlp: Language) -> None:
    intro = "Prime Minister Anna Berg met President Olaf Lind in Oslo.\n\n"
    [one] = quotes_of(nlp, intro + "At dinner, Berg raised a toast to “our shared future.”")
    assert (one.text, one.speaker, one.cue) == ("our shared future", "Anna Berg", "toast")
    both_text = "Later, Berg and Lind raised a toast to a “lasting friendship.”"
    [both] = quotes_of(nlp, intro + both_text)
    assert both.text == "lasting friendship" and both.direct and both.speaker is None


def test_where_a_speech_was_given_is_not_a_quote(nlp: Language) -> None:
    intro = "Prime Minister Anna Berg met President Olaf Lind in Oslo.\n\n"
    assert quotes_of(nlp, intro + "Berg gave a speech in the “Blue Hall” of the city hall.") == []


def test_noun_phrase_speech_beside_a_coordinated_quote_is_kept(nlp: Language) -> None:
    text = (
        "Finnish President Olaf Lind met Norwegian Prime Minister Anna Berg in Oslo.\n\n"
        "Berg expressed her pleasure at meeting Lind and said the talks would cover “energy and "
        "fisheries.”"
    )
    found = [(q.text, q.direct, q.speaker) for q in quotes_of(nlp, text)]
    assert found == [
        ("her pleasure at meeting Lind", False, "Anna Berg"),
        ("energy and fisheries", True, "Anna Berg"),
    ]


def _speakers(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    art = make_article(nlp, text)
    return [(q.text, q.speaker) for q in extract_quotes(art, extract_actors([art]))]


def _said(nlp: Language, text: str) -> dict[str, str | None]:
    """Who said each quote of ``text``, by its words."""
    return dict(_speakers(nlp, text))


def test_the_speaker_is_found_several_participles_and_conjuncts_up(nlp: Language) -> None:
    said = _said(
        nlp,
        "President Rui Costa signed an order on Aug. 10 and toured the port last week, walking "
        "Quay Street and standing beside the flooded warehouse to promise state help “until the "
        "last crane is back.”",
    )
    assert said == {"until the last crane is back": "Rui Costa"}


def test_a_joint_statement_goes_under_the_first_named(nlp: Language) -> None:
    said = _said(
        nlp,
        "Former mayor Rui Costa and his wife Ana Silva said in a joint statement that the jury "
        "“did the right thing.”",
    )
    assert said == {"did the right thing": "Rui Costa"}
    # Two people's words not said together are nobody's in particular.
    assert _said(nlp, "Rui Costa and Ana Silva raised a toast: “To the port!”") == {
        "To the port!": None
    }
    # At a joint news conference each speaks for themselves.
    said = _said(
        nlp,
        "At a joint news conference on Tuesday, Rui Costa and Ana Silva said the talks had been "
        "“difficult but honest.”",
    )
    assert said == {"difficult but honest": None}


def test_an_unnamed_official_is_the_speaker_as_the_text_describes_them(nlp: Language) -> None:
    said = _speakers(
        nlp, "“We will not rest,” a senior official, who spoke on condition of anonymity, said."
    )
    assert said == [("We will not rest", "a senior official")]


def test_the_agency_is_the_body_the_article_named_before(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "The Harbour Safety Agency said the cranes failed overnight. The agency told shippers"
        " to wait “until every crane is checked.”",
    )
    assert ("until every crane is checked", "Harbour Safety Agency") in said


def test_a_body_or_its_paper_speaks_when_no_one_is_named(nlp: Language) -> None:
    said = _speakers(nlp, "The congressional panel wrote that the port authority “failed to act.”")
    assert said == [("failed to act", "the congressional panel")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The transport ministry said the ferry was “not seaworthy.”", "the transport ministry"),
    ],
)
def test_a_body_written_small_speaks_though_the_tagger_took_it_for_a_name(
    nlp: Language, text: str, speaker: str
) -> None:
    assert _speakers(nlp, text) == [("not seaworthy", speaker)]


def test_a_sentence_quoted_whole_beside_one_persons_deed_is_theirs(nlp: Language) -> None:
    said = _said(nlp, "Tomas Vidal folded the map. “We sail at dawn or not at all.”")
    assert said == {"We sail at dawn or not at all.": "Tomas Vidal"}
    # Beside what a thing did, the words are no one's the text shows.
    assert _said(nlp, "The old ferry left the quay. “We sail at dawn or not at all.”") == {}
    # Nor when the next sentence tells of someone else; of the same person, it still is.
    text = "Tomas Vidal folded the map. “We sail at dawn.” Ana Silva walked past without a word."
    assert _said(nlp, text) == {}
    text = "Tomas Vidal folded the map. “We sail at dawn.” Tomas walked out without a word."
    assert _said(nlp, text) == {"We sail at dawn.": "Tomas Vidal"}


def test_a_surname_the_model_takes_for_a_nationality_still_names_its_person(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Mayor Rui Costa visited the quay on Monday.\n"
        "“The ferry was overloaded,” Costa insisted. “Where were the inspectors?” Costa asked.",
    )
    assert said == {
        "The ferry was overloaded": "Rui Costa",
        "Where were the inspectors?": "Rui Costa",
    }


def test_the_name_after_the_quote_speaks_across_an_aside(nlp: Language) -> None:
    said = _said(nlp, "“We will find them,” Rui Costa, speaking to reporters on Friday, said.")
    assert said == {"We will find them": "Rui Costa"}
    said = _said(nlp, "“We will find them” Rui Costa, speaking to reporters on Friday, said.")
    assert said == {"We will find them": "Rui Costa"}
    # A name inside the quote is spoken to.
    said = _said(nlp, "“Lena Berg, we will find them,” Rui Costa, speaking on Friday, said.")
    assert said == {"Lena Berg, we will find them": "Rui Costa"}


def test_a_titled_name_opening_the_sentence_speaks_across_a_long_aside(nlp: Language) -> None:
    # The parser may hang the name on a verb inside the aside and leave "said" without a
    # subject; a title before the name must not hide it.
    said = _said(
        nlp,
        "Colonel-Major Rui Costa, reading a statement with nine other officers in uniform lined "
        "up behind him, said the defence and security forces had “decided to put an end to the "
        "regime you know” because of insecurity.",
    )
    assert said == {"decided to put an end to the regime you know": "Rui Costa"}
    # The name's aide speaks, not the name.
    said = _said(
        nlp,
        "Colonel-Major Rui Costa's aide, reading a statement with nine other officers in uniform "
        "lined up behind him, said the forces had “decided to end the regime” because of "
        "insecurity.",
    )
    assert said.get("decided to end the regime") != "Rui Costa"


def test_a_name_after_an_opening_phrase_speaks_across_a_relative_clause(nlp: Language) -> None:
    said = _said(
        nlp,
        "President Marko Kovac opened the summit. In his opening speech, Kovac, who is chairman "
        "of the harbour league, said the striking crews must “return to their posts” and let "
        "the ferries sail again.",
    )
    assert said == {"return to their posts": "Marko Kovac"}
    # A place named in the opening phrase is where it was said, not who said it.
    said = _said(
        nlp,
        "In Harbourton, the league's envoy, Ana Silva, urged governments to keep aid out of the "
        "campaign, saying it should “not be a bargaining chip”.",
    )
    assert said == {"not be a bargaining chip": "Ana Silva"}


def test_the_name_before_an_aside_speaks_when_the_parser_gives_the_verb_no_subject(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "The split screen sharpened when a network aired an interview in which former president "
        "Rui Costa, speaking to Ana Silva, said the protection of minorities was “worth "
        "mentioning” if the two leaders met.",
    )
    assert said == {"worth mentioning": "Rui Costa"}
    # The one acted on, before an aside, is no speaker of what the actor went on to say.
    said = _said(
        nlp,
        "The council sacked Rui Costa, who ran the port for a decade, saying he had “lost the "
        "trust” of the board.",
    )
    assert said.get("lost the trust") != "Rui Costa"
    said = _said(
        nlp,
        "Police arrested Rui Costa, accused of smuggling fuel across the border, on Friday, "
        "saying he would “face the full force of the law”.",
    )
    assert said.get("face the full force of the law") != "Rui Costa"


def test_who_is_among_an_unnamed_group_is_no_part_of_its_description(nlp: Language) -> None:
    # Neither the one named among them, nor the words about him, speak.
    for among in ("the striker Rui Costa", "striker Rui Costa"):
        said = _said(
            nlp,
            f"Several players, including {among}, said they would not play for Valmora “until "
            "there are changes”.",
        )
        assert said["until there are changes"] == "Several players"


def test_a_phrase_set_off_after_an_unnamed_speaker_is_no_part_of_the_description(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "The regulator’s chief executive, in evidence to the committee, said the outage was "
        "“unacceptable”.",
    )
    assert said == {"unacceptable": "the regulator’s chief executive"}
    # Whose people they are stays part of who speaks.
    said = _said(
        nlp, "A spokesman, for the Valmora fire service, said the blaze was “under control”."
    )
    assert said == {"under control": "a spokesman for the Valmora fire service"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A senior official called the claims “nonsense”.", "a senior official"),
        # A name given by "called" is no speech: nobody said the ship's name.
        ("The ferry called “Northern Star” sank off the coast.", None),
        ("A man called “the Captain”.", None),
        ("The letter, described as “urgent”.", None),
    ],
)
def test_a_verb_the_parser_hung_on_its_subject_still_speaks(
    nlp: Language, text: str, speaker: str | None
) -> None:
    # The parser reads "A senior official called ..." as a noun with a clause describing it.
    said = list(_said(nlp, text).values())
    assert said == [speaker] if speaker else not any(said)


def test_words_joked_shouted_or_whispered_are_quoted(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa won the vote on Sunday. “We did it,” Costa shouted to the crowd. “Not bad "
        "for an old man,” he joked.",
    )
    assert said == {"We did it": "Rui Costa", "Not bad for an old man": "Rui Costa"}


def test_a_teams_boss_is_a_person_of_the_team_not_the_team(nlp: Language) -> None:
    said = _said(
        nlp,
        "Valmora beat Dorvale 2-1 on Sunday under coach Lena Berg. “We were the better side,” "
        "the Valmora boss said.",
    )
    assert said["We were the better side"] != "Valmora"


def test_the_ministry_is_the_one_the_text_described_by_its_country(nlp: Language) -> None:
    said = _said(
        nlp,
        "Portugal’s foreign ministry has condemned the attack on the consulate. Valmoran forces "
        "must protect “every diplomatic building”, the ministry said.\n\n"
        "According to the ministry, “between 300 and 400” Portuguese nationals are in Valmora.",
    )
    assert said == {
        "every diplomatic building": "Portugal’s foreign ministry",
        "between 300 and 400": "Portugal’s foreign ministry",
    }
    # A company or an airline so described is a rival of the one the article is about, not it.
    said = _said(
        nlp,
        "Nordia Air cancelled 40 flights on Tuesday after a strike at France's national airline "
        "spread to its ground crews. “Safety comes first,” the airline said.",
    )
    assert said == {"Safety comes first": "Nordia Air"}
    said = _said(
        nlp,
        "Kelt Air's chief executive, Ana Silva, said French airlines had an unfair edge. “We will "
        "fight this,” the airline said.",
    )
    assert said["We will fight this"] == "Kelt Air"
    # A public body so described is one, though the story is about a company.
    said = _said(
        nlp,
        "Kelt Air was fined $2m by Spain's aviation regulator on Tuesday. The airline had broken "
        "“basic safety rules”, the regulator said.",
    )
    assert said == {"basic safety rules": "Spain's aviation regulator"}


def test_people_of_common_callings_speak_as_described(nlp: Language) -> None:
    said = _said(
        nlp,
        "Crowds lined the avenue. “We waited nine years to see this,” said one pharmacist from "
        "the suburbs.\n\n“We sent him home,” a schoolteacher said on Friday.",
    )
    assert said == {
        "We waited nine years to see this": "one pharmacist from the suburbs",
        "We sent him home": "a schoolteacher",
    }
    said = _said(nlp, "“We have not been paid in months,” said a taxi driver in Alder.")
    assert said == {"We have not been paid in months": "a taxi driver in Alder"}


def test_it_is_the_body_the_sentence_before_described_by_its_country(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa fled to the Alder Islands on Wednesday.\n\n"
        "Valmora’s foreign ministry was quick to set limits on its guest. Costa had been "
        "allowed in “on a private visit”, it said.",
    )
    assert said == {"on a private visit": "Valmora’s foreign ministry"}
    # Not a body told of as background, nor one beside a body the paragraph names.
    said = _said(
        nlp,
        "Kelt Air said on Monday it would cut 200 jobs. Spain's aviation regulator had fined the "
        "airline $2m last year. The cuts were needed “to survive”, it said.",
    )
    assert said["to survive"] == "Kelt Air"
    said = _said(
        nlp,
        "Portugal's largest lender, Banco Orra, cut 2,000 jobs on Tuesday. The cuts were "
        "“unavoidable”, it said.",
    )
    assert said == {"unavoidable": "Banco Orra"}
    # A body the described one acted on is not "it"; a company described by its country is.
    said = _said(
        nlp,
        "Spain's aviation regulator fined Kelt Air $2m on Tuesday. The airline had broken "
        "“basic safety rules”, it said.",
    )
    assert said == {"basic safety rules": "Spain's aviation regulator"}
    said = _said(
        nlp,
        "Portugal's largest bank cut 2,000 jobs on Tuesday. The cuts were “painful but "
        "necessary”, it said.",
    )
    assert said == {"painful but necessary": "Portugal's largest bank"}
    said = _said(
        nlp,
        "Orra's chief executive, Ana Silva, resigned on Tuesday. The decision was “personal”, it "
        "said.",
    )
    assert said.get("personal") != "Ana Silva"


def test_a_verb_of_speech_coordinated_after_a_deed_shares_its_subject(nlp: Language) -> None:
    said = _said(
        nlp,
        "General Rui Costa declared himself head of the council on Friday.\n"
        "Costa spoke on Wednesday evening. He rejected the sanctions “as a whole” as illegal, said "
        "the council would never yield to any threat “wherever it comes from” and warned that "
        "the coming weeks would be hard.",
    )
    assert said["as a whole"] == "Rui Costa"
    assert said["wherever it comes from"] == "Rui Costa"
    # An inverted "..., said X" is X's, not the subject's of what was said.
    said = _said(
        nlp,
        "Mayor Rui Costa toured the quay. The ferry sank “within minutes”, said one official "
        "who asked not to be named.",
    )
    assert said["within minutes"] == "one official"


def test_the_n_year_old_is_whom_the_text_gave_that_age(nlp: Language) -> None:
    said = _said(
        nlp,
        "Striker Marco Bellini, 25, scored twice, and goalkeeper Lena Berg, 31, saved a penalty.\n"
        "“This is the best night of my life,” said the 25-year-old striker.",
    )
    assert said == {"This is the best night of my life": "Marco Bellini"}
    said = _said(
        nlp,
        "The 25-year-old Marco Bellini scored twice, and Lena Berg, 31, saved a penalty.\n"
        "“This is the best night of my life,” said the 25-year-old.",
    )
    assert said == {"This is the best night of my life": "Marco Bellini"}


def test_a_described_speaker_becomes_an_actor_of_the_story(nlp: Language) -> None:
    from stories.nlp.story import extract_story
    from stories.nlp.topics import load_taxonomy
    from stories.nlp.types import ArticleInput

    text = "Port Talks Stall\n\n“Nothing was agreed,” a senior official said on Monday.\n"
    result = extract_story([ArticleInput("a.txt", text)], nlp=nlp, taxonomy=load_taxonomy())
    assert ("a senior official", "person") in {(a.name, a.kind) for a in result.actors}


def test_an_official_of_a_named_body_speaks_as_that_official(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "The Harbour Safety Agency opened an inquiry. “It was not a second collapse,” an HSA"
        " official, who asked not to be named because of the inquiry, told reporters.",
    )
    assert said == [("It was not a second collapse", "an HSA official")]


def test_a_described_speaker_with_a_name_beside_it_is_that_person(nlp: Language) -> None:
    said = _speakers(
        nlp, "“The claims are false,” his lawyer, Tomas Vidal, said in a filing on Monday."
    )
    assert said == [("The claims are false", "Tomas Vidal")]


def test_a_thing_that_suggests_is_no_speaker_whoever_reads_it_is(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "Foreign Minister Ana Silva told reporters that the visit suggested Spain would rather"
        " provide “cover for the smugglers.”",
    )
    assert said == [("cover for the smugglers", "Ana Silva")]


def test_a_role_and_a_name_both_taken_for_subjects_the_name_speaks(nlp: Language) -> None:
    from stories.nlp.quotes import _subject_of

    doc = nlp("At a hearing, the union’s lawyer Thomas Reid told the judge it was sabotage.")
    told = next(t for t in doc if t.lower_ == "told")
    # The parser makes both "lawyer" and "Reid" subjects of "told".
    assert sorted(c.text for c in told.children if c.dep_ == "nsubj") == ["Reid", "lawyer"]
    subject, cue = _subject_of(told)
    assert subject is not None and (subject.text, cue) == ("Reid", "tell")


def test_it_said_is_the_body_the_article_speaks_of(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "The Harbour Safety Agency closed the port on Monday.\n\n"
        "At first the agency spoke of a fault. A day later it said the cranes had been damaged"
        " by crews who “failed to follow procedures.”",
    )
    assert ("failed to follow procedures", "Harbour Safety Agency") in said


def test_according_to_a_bodys_review_cites_the_body(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "The Harbour Safety Agency closed the port on Monday. According to the Harbour Safety"
        " Agency’s preliminary review, contract workers “deleted files” by mistake.",
    )
    assert ("deleted files", "Harbour Safety Agency") in said


def test_a_traveler_speaks_as_the_text_describes_them(nlp: Language) -> None:
    said = _speakers(nlp, "“They told us nothing,” one traveler said at the gate.")
    assert said == [("They told us nothing", "one traveler")]


def test_the_company_is_the_one_the_article_speaks_of_most(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "Acme Holdings Inc bought the port on Monday. Acme Holdings Inc will run it from May."
        "\n\nCranes were delivered by Global Cranes Ltd on Tuesday.\n\n"
        "The company said the deal “will keep every job.”",
    )
    assert ("will keep every job", "Acme Holdings Inc") in said


def test_a_participle_after_reported_words_is_the_reporters_speech(nlp: Language) -> None:
    text = (
        "Premier Lena Varga said her government would review its contracts with the "
        "ferry company, describing its response as “deeply disappointing”."
    )
    [quote] = [q for q in quotes_of(nlp, text) if q.text == "deeply disappointing"]
    assert quote.speaker == "Lena Varga"


def test_a_bodys_own_paper_speaks_for_the_body(nlp: Language) -> None:
    text = (
        "Harbour Ferries sued the port authority on Monday. Its complaint said the authority "
        "“broke every promise it made to the company.”"
    )
    [quote] = [q for q in quotes_of(nlp, text) if q.text.startswith("broke every promise")]
    assert quote.speaker == "Harbour Ferries"


def test_the_people_are_the_unnamed_people_described_before(nlp: Language) -> None:
    text = (
        "The captain was dismissed on Monday, according to two people familiar with the "
        "matter.\n\nHe was escorted off the ship, the people said."
    )
    [quote] = [q for q in quotes_of(nlp, text) if "escorted" in q.text]
    assert quote.speaker == "two people familiar with the matter"


def test_a_name_after_a_long_description_names_the_speaker(nlp: Language) -> None:
    text = (
        "In Harbourton, the U.N. special envoy for Valmora, Lena Berg, urged governments to keep "
        "aid out of the election campaign, saying it should “not be a bargaining chip”."
    )
    [quote] = [q for q in quotes_of(nlp, text) if q.text == "not be a bargaining chip"]
    assert quote.speaker == "Lena Berg"


@pytest.mark.parametrize(
    "reported",
    [
        "Opposition leader Anna Berg said the mayor, Clara Holm, should resign over the budget.",
        # The main clause may be the second of two joined ones.
        "The council met on Monday, and opposition leader Anna Berg said the mayor, Clara Holm, "
        "should resign over the budget.",
    ],
)
def test_a_pronoun_continues_the_last_sentences_main_subject_not_a_reported_one(
    nlp: Language, reported: str
) -> None:
    text = f"{reported} “She must go,” she told reporters."
    [quote] = [q for q in quotes_of(nlp, text) if q.text == "She must go"]
    assert quote.speaker == "Anna Berg"


def test_a_pronoun_after_a_sentence_whose_only_person_is_no_subject_is_that_person(
    nlp: Language,
) -> None:
    text = (
        "Coach Lena Berg thanked the fans at the town hall.\n\n"
        "The loudest cheer was for Ana Silva, whose goal won the final. "
        "“Now you have the cup you wanted so much,” she told the crowd."
    )
    [quote] = [q for q in quotes_of(nlp, text) if q.text.startswith("Now you have")]
    assert quote.speaker == "Ana Silva"


def test_a_generic_role_does_not_reach_a_person_only_another_article_names(
    nlp: Language,
) -> None:
    other = make_article(nlp, "President Ana Silva signed the decree on Monday.", "a.txt")
    text = (
        "The agency declared an emergency on Monday.\n\n"
        "The agency chief told reporters that the outbreak “can still be stopped”."
    )
    art = make_article(nlp, text, "b.txt")
    actors = extract_actors([other, art])
    [quote] = extract_quotes(art, actors)
    assert quote.speaker != "Ana Silva"


def test_an_exact_role_reaches_the_one_person_introduced_with_it_in_another_article(
    nlp: Language,
) -> None:
    other = make_article(nlp, "Agency director Ana Silva declared an emergency.", "a.txt")
    art = make_article(
        nlp, "The director told reporters that the outbreak “can still be stopped”.", "b.txt"
    )
    actors = extract_actors([other, art])
    [quote] = extract_quotes(art, actors)
    assert quote.speaker == "Ana Silva"


def test_the_federation_and_the_association_are_the_bodies_named_before(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "The Harbour Rowing Federation banned Rui Costa on Monday.\n\n"
        "“The ban stands,” the federation said.\n\n"
        "The Dock Workers Association called a strike. “We will not load a ship,” the"
        " association said.",
    )
    assert ("The ban stands", "Harbour Rowing Federation") in said
    assert ("We will not load a ship", "Dock Workers Association") in said


def test_the_company_is_the_body_the_text_set_beside_that_noun(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "Nordic Lines, the region’s biggest ferry company, cut six routes on Monday.\n\n"
        "The Harbour Union called a strike. The Harbour Union also asked the Port Authority to"
        " step in.\n\n"
        "The company said the cuts “will save the rest of the network.”",
    )
    assert ("will save the rest of the network", "Nordic Lines") in said


def test_a_royal_keeps_the_title_beside_a_given_name(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "Prince Tomas opened the new harbour on Monday.\n\n"
        "Prince Tomas told the crowd they had “built something to last”.",
    )
    assert said == [("built something to last", "Prince Tomas")]


def test_a_full_name_the_story_knows_speaks_where_the_tagger_missed_it(nlp: Language) -> None:
    first = make_article(nlp, "Union leader Laurent Moreau called for a strike on Monday.", "a.txt")
    text = (
        "“We had a social crisis that is turning into a democratic crisis,” said the CFDU’s"
        " Laurent Moreau."
    )
    second = make_article(nlp, text, "b.txt")
    # Another article names him; this one only where the tagger does not see the name.
    assert "Laurent Moreau" not in {e.text for e in second.docs[0][1].ents}
    said = [(q.text, q.speaker) for q in extract_quotes(second, extract_actors([first, second]))]
    assert said == [
        ("We had a social crisis that is turning into a democratic crisis", "Laurent Moreau")
    ]


def test_he_after_an_unnamed_speaker_in_the_same_paragraph_is_that_speaker(
    nlp: Language,
) -> None:
    said = _speakers(
        nlp,
        "Port director Rui Costa closed the docks on Monday.\n\n"
        "A spokesman for the Port Authority said cleaners expect to finish by Friday. “We would"
        " like to open the docks again as soon as possible,” he said.",
    )
    assert (
        "We would like to open the docks again as soon as possible",
        "a spokesman for the Port Authority",
    ) in said


def test_the_police_of_a_place_speak_as_that_police_not_as_the_place(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "Thieves broke into a museum in Valmora on Monday.\n\n"
        "Valmora police said they had contacted colleagues in other cities to look for links.",
    )
    assert said == [
        ("they had contacted colleagues in other cities to look for links", "Valmora police")
    ]


def test_it_said_after_an_unnamed_body_spoke_is_that_body(nlp: Language) -> None:
    said = _said(
        nlp,
        "The regional football federation said on Thursday it would not attend the meeting"
        " the Port Authority has called, citing “the seriousness of what happened”. It said"
        " it would also decide whether its president should stay on the board.",
    )
    assert said["it would also decide whether its president should stay on the board"] == (
        "the regional football federation"
    )


def test_a_reader_speaks_as_the_text_describes_them(nlp: Language) -> None:
    said = _speakers(nlp, "“The ferry never leaves on time,” one reader wrote.")
    assert said == [("The ferry never leaves on time", "one reader")]


def test_she_passes_over_a_man_the_title_names(nlp: Language) -> None:
    text = (
        "Port Authority chief Ana Silva met the dockers on Monday.\n\n"
        "Mr. Costa, the union leader, walked out of the talks after an hour.\n\n"
        "“We will not close the port,” she said."
    )
    [quote] = quotes_of(nlp, text)
    assert quote.speaker == "Ana Silva"


def test_he_passes_over_a_woman_her_own_pronoun_names(nlp: Language) -> None:
    text = (
        "Union leader Rui Costa called the strike on Monday.\n\n"
        "Ana Silva said her office would answer the union within a week.\n\n"
        "“The port stays shut until they answer,” he said."
    )
    [quote] = [q for q in quotes_of(nlp, text) if q.direct]
    assert quote.speaker == "Rui Costa"


def test_he_passes_over_a_woman_a_noun_beside_her_name_names(nlp: Language) -> None:
    text = (
        "Union leader Rui Costa called the strike on Monday.\n\n"
        "On Tuesday the actress Ana Silva joined the march.\n\n"
        "“The port stays shut until they answer,” he said."
    )
    [quote] = quotes_of(nlp, text)
    assert quote.speaker == "Rui Costa"


def test_the_prime_minister_is_the_person_introduced_as_prime_minister(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "On Tuesday the acting prime minister, Rui Costa, received the team at the palace.\n\n"
        "The prime minister, who shook the coach’s hand, said the win was “a gift to the"
        " country”.",
    )
    assert said == [("a gift to the country", "Rui Costa")]


def test_the_union_is_the_union_the_text_named_not_the_body_spoken_of_most(
    nlp: Language,
) -> None:
    said = _speakers(
        nlp,
        "The Harbour Authority closed the port on Monday. The Harbour Authority blamed the"
        " storm.\n\nThe Dock Workers Union called a strike. The union said the closure was"
        " “a lockout by another name”.",
    )
    assert ("a lockout by another name", "Dock Workers Union") in said


def test_the_union_is_no_other_body_when_the_text_named_no_union(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "The Harbour Authority closed the port on Monday. The Harbour Authority blamed the"
        " storm.\n\nThe union said the closure was “a lockout by another name”.",
    )
    assert ("a lockout by another name", "Harbour Authority") not in said


def test_bare_police_are_the_police_the_article_named(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "Harbour Police closed the museum on Monday.\n\n"
        "“The whole raid lasted only a few minutes,” police said in a statement.",
    )
    assert said == [("The whole raid lasted only a few minutes", "Harbour Police")]


def test_bare_police_are_the_police_the_article_described_speaking(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "“We are looking at every camera,” Leeds police said on Monday.\n\n"
        "“The whole raid lasted only a few minutes,” police said in a statement.",
    )
    assert ("The whole raid lasted only a few minutes", "Leeds police") in said


def test_bare_police_no_one_named_speak_as_the_police(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "The Harbour Authority closed the museum on Monday.\n\n"
        "“The whole raid lasted only a few minutes,” police said in a statement.",
    )
    assert said == [("The whole raid lasted only a few minutes", "police")]


def test_the_telco_is_the_company_spoken_of(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "Harbour Mobile restored its network on Thursday. Harbour Mobile apologised.\n\n"
        "In a statement, the telco said the fault began with “a routine software upgrade”.",
    )
    assert ("a routine software upgrade", "Harbour Mobile") in said


def test_a_speaker_the_tagger_took_for_a_title_of_a_work_still_speaks(nlp: Language) -> None:
    text = (
        "Thieves took the jewels on Monday.\n\n"
        "“Two suspects can be seen on the recordings, but that doesn't mean there weren't other"
        " accomplices,” Tomas Kral, head of the city's criminal police, told a news conference."
    )
    art = make_article(nlp, text)
    # The tagger reads the name as the title of a work.
    assert [e.label_ for e in art.docs[1][1].ents if e.text == "Tomas Kral"] == ["WORK_OF_ART"]
    [quote] = extract_quotes(art, extract_actors([art]))
    assert quote.speaker == "Tomas Kral"


def test_a_second_verb_of_speech_joined_to_what_was_said_is_the_speakers(
    nlp: Language,
) -> None:
    said = _speakers(
        nlp,
        "In the north, the Harbour Rescue Corps said hundreds of families were still trapped"
        " and warned of a “great shortage” of equipment.",
    )
    assert said == [("great shortage", "Harbour Rescue Corps")]


def test_a_second_verb_of_speech_joined_to_a_speakers_clause_is_that_speakers(
    nlp: Language,
) -> None:
    said = _speakers(
        nlp,
        "Rui Costa opened the ferry terminal on Monday. The 58-year-old said the quay would "
        "stay open at night and told shipowners that “the harbour is open for business”.",
    )
    assert said == [("the harbour is open for business", "Rui Costa")]


def test_the_union_is_the_union_the_text_introduced_by_a_name_the_tagger_missed(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "In a statement late on Wednesday, the 28-year-old said her union, DOCKPRO, would"
        " defend her interests. The union said it was working so that such acts “never go"
        " unpunished”.",
    )
    assert said["never go unpunished"] == "DOCKPRO"


def test_it_said_after_a_named_body_spoke_is_that_body(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbour League fined the club on Monday.\n\n"
        "The Harbour League met again on Tuesday.\n\n"
        "The sailors’ union SAILPRO then called on the Harbour League to act, saying it was"
        " “deeply lamentable” that the final had been stained. “Such approaches are not"
        " acceptable in any context,” it said.",
    )
    assert said["deeply lamentable"] == "SAILPRO"
    assert said["Such approaches are not acceptable in any context"] == "SAILPRO"


def test_who_spoke_of_what_was_quoted_said_it_not_who_is_named_after(nlp: Language) -> None:
    said = _said(
        nlp,
        "Marta Ruiz, a deputy minister, spoke on Thursday of images that were “humiliating"
        " and shameful”, while Tomas Vidal, the interior minister, warned that the"
        " government would act.",
    )
    assert said["humiliating and shameful"] == "Marta Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "According to a statement the Harbour Safety Agency released Thursday evening, a review"
        " found that “crews unintentionally deleted files” while fixing the cranes.",
        "According to a letter from the Harbour Safety Agency, a review found that “crews"
        " unintentionally deleted files” while fixing the cranes.",
    ],
)
def test_a_paper_speaks_for_the_body_that_issued_it(nlp: Language, text: str) -> None:
    said = _said(nlp, text)
    assert said["crews unintentionally deleted files"] == "Harbour Safety Agency"


def test_a_paper_a_name_released_is_theirs_though_the_parser_hangs_the_verb_elsewhere(
    nlp: Language,
) -> None:
    from spacy.tokens import Doc

    from stories.nlp.quotes import _issuer

    # The parse the trained model gives "According to a statement the HSA released Thursday
    # evening, a review found ...": "released" modifies "evening", not "statement".
    words = ["According", "to", "a", "statement", "the", "HSA", "released", "Thursday", "evening"]
    heads = [0, 0, 3, 1, 5, 6, 8, 8, 0]
    deps = ["ROOT", "prep", "det", "pobj", "det", "nsubj", "amod", "compound", "pobj"]
    pos = ["VERB", "ADP", "DET", "NOUN", "DET", "PROPN", "VERB", "PROPN", "NOUN"]
    lemmas = ["accord", "to", "a", "statement", "the", "HSA", "release", "Thursday", "evening"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    issuer = _issuer(doc[3])
    assert issuer is not None and issuer.text == "HSA"


def test_a_paper_the_body_released_speaks_for_the_body_named_before(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbour Ministry closed the port on Monday.\n\n"
        "According to a statement the ministry released on Friday, a review found that"
        " “crews unintentionally deleted files” while fixing the cranes.",
    )
    assert said["crews unintentionally deleted files"] == "Harbour Ministry"


def test_the_company_is_the_body_the_sentence_before_spoke_of(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbour Council hosted the talks on Monday. The Harbour Council also held a"
        " dinner.\n\n"
        "Vantel Aerospace said it had signed a deal to build engines at the port. The company"
        " said the arrangement still required export approval.",
    )
    assert said["the arrangement still required export approval"] == "Vantel Aerospace"


def test_the_county_is_the_county_the_text_named(nlp: Language) -> None:
    said = _said(
        nlp,
        "Alder County raised the death toll to 36 on Wednesday.\n\n"
        "Crews had been sent to areas “where residents are entering the sea,” the county said.",
    )
    assert said["where residents are entering the sea"] == "Alder County"


def test_who_stressed_is_the_speaker_the_relative_clause_describes(nlp: Language) -> None:
    said = _said(
        nlp,
        "At least 100 people on the list had been reported safe, said Tomas Vidal, the"
        " harbour police chief, who stressed that “the 388 names are a subset of a larger"
        " list.”",
    )
    assert said["the 388 names are a subset of a larger list"] == "Tomas Vidal"


def test_who_countered_speaks_not_who_spoke_before(nlp: Language) -> None:
    said = _said(
        nlp,
        "Prosecutor Ana Silva told jurors to trust the video. Defence lawyer Tomas Vidal"
        " countered that his client had acted as a “reasonable officer” would have.",
    )
    assert said["reasonable officer"] == "Tomas Vidal"


def test_the_federation_is_the_one_the_sentence_before_named_in_brackets(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbour Broadcasting Service showed the final. The Harbour Broadcasting Service"
        " also showed the parade.\n\n"
        "Later on Sunday the national sailing federation (NSFB) said that the captain's"
        " father had died. “The captain learned the sad news after the final,” the"
        " federation said in a statement.",
    )
    assert said["The captain learned the sad news after the final"] == "NSFB"


def test_he_after_a_name_and_himself_is_that_name(nlp: Language) -> None:
    said = _said(
        nlp,
        "Tomas Vidal led the strike in June.\n\n"
        "Rui Costa added that the dockers were still at the pier.\n\n"
        "Vidal himself has said almost nothing. On July 3 he posted a voice message. “I want you"
        " to understand,” he said.",
    )
    assert said["I want you to understand"] == "Tomas Vidal"


@pytest.mark.parametrize(
    ("introduced", "role"),
    [
        ("Judge Ana Silva", "the judge"),
        ("Harbour United captain Ana Silva", "the captain"),
        ("House Speaker Ana Silva", "the speaker"),
    ],
)
def test_the_judge_the_captain_or_the_speaker_is_the_person_introduced_so(
    nlp: Language, introduced: str, role: str
) -> None:
    said = _said(
        nlp,
        f"{introduced} spoke to the court on Monday. Rui Costa listened.\n\n"
        f"“The verdict stands,” {role} said.",
    )
    assert said["The verdict stands"] == "Ana Silva"


def test_the_governor_is_the_person_titled_gov(nlp: Language) -> None:
    said = _said(
        nlp,
        "Harbour Gov. Ana Silva visited the pier on Monday. Rui Costa met her there.\n\n"
        "Silva has pushed for new rules. “This is absurd,” the governor said last month.",
    )
    assert said["This is absurd"] == "Ana Silva"


def test_a_player_described_by_their_club_does_not_speak_as_the_club(nlp: Language) -> None:
    said = _said(nlp, "The Rovers striker said: “I have waited my whole life for this.”")
    assert said["I have waited my whole life for this."] != "Rovers"


def test_a_speaker_set_apart_by_a_participle_clause_still_speaks(nlp: Language) -> None:
    said = _said(
        nlp,
        "Ana Silva met the dockers on Thursday.\n\n"
        "Silva, asked whether she had played down their concerns, said the two sides had"
        " “a frank talk about pay.”",
    )
    assert said["a frank talk about pay"] == "Ana Silva"


def test_words_quoted_in_a_reported_clause_are_the_reporters_when_no_one_there_speaks(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Ana Silva met the dockers on Monday. “We came to talk,” she said, adding that the"
        " meeting had revealed “deep mistrust” on both sides.",
    )
    assert said["deep mistrust"] == "Ana Silva"


def test_the_one_a_paper_quoted_as_saying_is_the_speaker(nlp: Language) -> None:
    said = _said(
        nlp,
        "Ana Silva met the dockers on Monday.\n\n"
        "Local papers quoted a source in the port authority as saying the strike was"
        " “over for now.”",
    )
    assert said["over for now"] == "a source in the port authority"


def test_a_body_the_tagger_does_not_name_speaks_by_its_name(nlp: Language) -> None:
    text = (
        "The Alder County Sheriff's Office warned that adults who stayed behind with children"
        " “may be subject to arrest.”"
    )
    assert _said(nlp, text)["may be subject to arrest"] == "Alder County Sheriff's Office"
    assert unnamed_speaker_kind("Alder County Sheriff's Office") == "organization"


def test_a_colon_hands_a_quote_to_the_subject_of_the_clause_before_it(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa called the closure a setback. The mayor, Ana Silva, put it simply: “The "
        "harbour is our living, and we want it back.” The notice on the gate was short: "
        "“Closed until further notice by order of the port.”",
    )
    assert said["The harbour is our living, and we want it back."] == "Ana Silva"
    # A thing's words are no one's quote, nor the rest of the one before.
    assert "Closed until further notice by order of the port." not in said
    # An answer is its owner's.
    said = _said(
        nlp,
        "Rui Costa said the quay would reopen. His reply was short: “Never again, not in this "
        "harbour.”",
    )
    assert said["Never again, not in this harbour."] == "Rui Costa"


def test_he_continues_the_main_subject_even_where_the_parser_misses_the_main_verb(
    nlp: Language,
) -> None:
    # The parser hangs "he posed" below "In a second recording"; "he" is still the topic the
    # next "he said" continues, not the people he demanded meet him.
    said = _said(
        nlp,
        "On Monday Rui Costa spoke to dockers on the pier in Harbourton. In a second recording "
        "he posed beside Deputy Governor Marko Kovac and Colonel Ivo Horvat and demanded that "
        "Tomas Vidal and Petar Novak travel to meet him. Unless they travelled, he said, the "
        "dockers would “close the harbour for a week.”",
    )
    assert said["close the harbour for a week"] == "Rui Costa"


def test_words_in_a_message_someone_sent_are_the_senders(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbour Safety Agency issued a statement saying the quay was “safe for now”. "
        "The mayor, Marko Kovac, sent a message urging the council to “act before the winter "
        "comes”.",
    )
    assert said["safe for now"] == "Harbour Safety Agency"
    assert said["act before the winter comes"] == "Marko Kovac"
    # Whoever reads or receives a message does not speak it.
    read = _said(nlp, "Rui Costa read out a letter saying the quay was “safe for now”.")
    assert read.get("safe for now") != "Rui Costa"
    # A law's words are not those of the court that upheld it.
    upheld = _said(nlp, "The court upheld a port law saying that dockers must “rest every night”.")
    assert upheld["rest every night"] is None


def test_the_n_year_old_with_a_role_speaks_as_the_person_introduced(nlp: Language) -> None:
    said = _said(
        nlp,
        "Ana Silva scored the winner on Sunday. The 27-year-old striker said she would stay "
        "at the club. A 19-year-old fan said she would never forget it. The 41-year-old Marko "
        "Kovac said he would resign.",
    )
    assert said["she would stay at the club"] == "Ana Silva"
    # "A 19-year-old fan" is someone new; an age before a name introduces that name.
    assert said["she would never forget it"] != "Ana Silva"
    assert said["he would resign"] == "Marko Kovac"


def test_the_n_year_old_with_a_hyphenated_role_speaks_as_the_person_introduced(
    nlp: Language,
) -> None:
    # The tagger takes "elect" for a name; in lower case it is part of the role.
    said = _said(
        nlp,
        "Lena Berg won the mayoral race on Sunday. The 61-year-old mayor-elect said she would "
        "open the quay to ferries, and told the crowd that “Harbourton is awake”.",
    )
    assert said["Harbourton is awake"] == "Lena Berg"
    # A role the tagger also takes for a name is the role the text gave someone.
    said = _said(
        nlp,
        "Rui Costa met Lena Berg, the UN secretary-general, in Dorvale. The 70-year-old "
        "secretary-general said “the ceasefire must hold” after the talks.",
    )
    assert said["the ceasefire must hold"] == "Lena Berg"


@pytest.mark.parametrize(
    "told",
    [
        "The 23-year-old told reporters: “I dreamed of this.”",
        "“I dreamed of this,” the 23-year-old told reporters.",
    ],
)
def test_the_n_year_old_who_told_reporters_is_the_person_introduced(
    nlp: Language, told: str
) -> None:
    # The parser reads "the 23-year-old told reporters" as one noun phrase, "told" an adjective.
    said = _said(nlp, f"Rui Costa scored the winner in the 89th minute. {told}")
    assert list(said.values()) == ["Rui Costa"]


def test_the_n_year_old_is_not_someone_the_text_gave_another_age(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa, 52, was sworn in as prime minister on Monday. The 67-year-old teacher "
        "said “the constitution has been respected” after the ceremony.",
    )
    # Someone the text has not named, told as the text describes them, hyphens and all.
    assert said["the constitution has been respected"] == "the 67-year-old teacher"


def test_the_n_year_old_speaks_as_the_person_the_text_was_about(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa opened the new ferry terminal in Harbourton on Monday. The 58-year-old "
        "said the harbour would double its traffic.",
    )
    assert said["the harbour would double its traffic"] == "Rui Costa"
    said = _said(
        nlp,
        "Marko Kovac opened the terminal on Monday. The old said they would stay in Harbourton.",
    )
    assert said.get("they would stay in Harbourton") != "Marko Kovac"


def test_the_name_opening_a_sentence_speaks_though_the_parser_gives_it_to_a_relative_clause(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Ivo Horvat, whose Harbour Workers League is the largest union on the docks, said the "
        "port chief should go, calling the cuts “a plain betrayal”.",
    )
    assert said["a plain betrayal"] == "Ivo Horvat"


def test_a_bare_plural_of_a_calling_speaks_as_the_text_calls_them(nlp: Language) -> None:
    said = _said(
        nlp,
        "Marko Kovac was sentenced on Friday.\n\n"
        "Prosecutors had asked for 30 years, arguing in court filings that his conduct "
        "“shocked the town’s conscience.”",
    )
    assert said == {"shocked the town’s conscience": "prosecutors"}


def test_bare_officials_are_nobody_in_particular(nlp: Language) -> None:
    said = _said(
        nlp,
        "Flights resumed on Wednesday.\n\n"
        "At Harbourton airport, officials said the stop was lifted “at once” that morning.",
    )
    assert said == {"at once": None}


def test_an_age_the_parser_hung_on_the_verb_after_a_quote_still_speaks(nlp: Language) -> None:
    said = _said(
        nlp,
        "Valmora beat Caldoria 2-1 in the final on Sunday. Striker Ana Silva scored twice.\n\n"
        "“It is the best night of my life,” the 24-year-old said.",
    )
    assert said == {"It is the best night of my life": "Ana Silva"}


def test_a_bodys_officials_speak_for_the_body(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbourton Port Authority sent a team to the quay on Monday.\n\n"
        "Harbourton Port Authority officials said they had found “no harmful levels” of fuel. "
        "A Harbourton Port Authority official said the quay was “safe”.",
    )
    assert said == {
        "no harmful levels": "Harbourton Port Authority",
        "safe": "a Harbourton Port Authority official",
    }


def test_a_persons_office_speaks_for_them(nlp: Language) -> None:
    said = _said(
        nlp,
        "Governor Ana Silva toured the site on Monday.\n\n"
        "Governor Ana Silva's office called it a “catastrophic failure”.",
    )
    assert said == {"catastrophic failure": "Ana Silva"}


def test_a_bodys_workers_and_unplaced_sources_speak_for_no_body(nlp: Language) -> None:
    said = _said(
        nlp,
        "Harbourton Steel cut 300 jobs on Monday.\n\n"
        "Harbourton Steel workers said the cuts were “a betrayal”. Sources said the board had "
        "been “divided”.",
    )
    assert said == {"a betrayal": "Harbourton Steel workers", "divided": None}


def test_a_name_set_before_a_colon_as_a_label_speaks(nlp: Language) -> None:
    said = _said(
        nlp,
        "Valmora beat Caldoria 2-1 in the final on Sunday. Captain Marta Vidal lifted the cup.\n\n"
        "Captain Marta Vidal: “We deserved this.”",
    )
    assert said == {"We deserved this.": "Marta Vidal"}


def test_a_name_before_a_colon_gives_no_speaker_to_a_title_quoted_in_its_line(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Rui Costa coaches Valmora.\n\nRui Costa: “The Valmora Years” is out on Tuesday.",
    )
    assert said.get("The Valmora Years") is None


def test_an_owner_described_speaks_without_the_possessive(nlp: Language) -> None:
    said = _said(nlp, "The ferry sank on Monday.\n\nThe ministry's reply was short: “No comment.”")
    assert said == {"No comment.": "the ministry"}


def test_an_attribution_after_or_inside_the_clause_reports_that_clause(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbour Agency inspected the cranes.\n\n"
        "Valmora’s ferry came through the storm with only minor damage and remains on track "
        "for a sailing early Wednesday, Nov. 16, the agency said Friday.\n\n"
        "Rui Costa spoke to reporters.\n\n"
        "One of the cables to the cranes was also sending erratic signals, Rui Costa said, and "
        "engineers may swap in a backup cable.\n\n"
        "Investors, he added, would get no protection.",
    )
    assert said == {
        "Valmora’s ferry came through the storm with only minor damage and remains on track "
        "for a sailing early Wednesday, Nov. 16": "Harbour Agency",
        "One of the cables to the cranes was also sending erratic signals, Rui Costa said, and "
        "engineers may swap in a backup cable": "Rui Costa",
        "Investors, he added, would get no protection": "Rui Costa",
    }


def test_a_clause_joined_after_the_attribution_with_its_own_subject_is_narration(
    nlp: Language,
) -> None:
    intro = "Rui Costa spoke to reporters on Monday.\n\n"
    said = _said(
        nlp,
        intro + "Two crew members were arrested, Costa said, but prosecutors later released them.",
    )
    assert said == {"Two crew members were arrested": "Rui Costa"}
    # Its "and" goes with it, whatever its verb.
    said = _said(
        nlp, intro + "The ferry will sail on Friday, Costa said, and the union warned of strikes."
    )
    assert said == {"The ferry will sail on Friday": "Rui Costa"}
    # One in the present goes on with what was said, as does one sharing the clause's subject.
    said = _said(
        nlp, intro + "The guards are unarmed, Costa said, and other ports follow the same rule."
    )
    assert said == {
        "The guards are unarmed, Costa said, and other ports follow the same rule": "Rui Costa"
    }
    said = _said(nlp, intro + "The ferry will sail on Friday, Costa said, and return on Monday.")
    assert said == {"The ferry will sail on Friday, Costa said, and return on Monday": "Rui Costa"}


def test_each_further_that_clause_is_reported_beside_quoted_words(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa spoke to reporters on Monday.\n\n"
        "Speaking briefly to reporters, Costa said the deal contained “historic cuts” and no new "
        "taxes, and that staff were still writing the text.\n\n"
        "Costa said the rules were “a good start” and that talks would resume on Friday.",
    )
    assert said == {
        "historic cuts": "Rui Costa",
        "staff were still writing the text": "Rui Costa",
        "a good start": "Rui Costa",
        "talks would resume on Friday": "Rui Costa",
    }


def test_the_government_is_not_the_last_body_the_article_named(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "The Dorvale Shipping Company said on Friday that it would close its yard.\n\n"
        "The government said it was working “at pace” on a plan for the workers.",
    )
    assert ("at pace", "the government") in said


def test_a_title_word_before_a_body_noun_names_the_body_not_a_person(nlp: Language) -> None:
    said = _speakers(
        nlp,
        "Dorvale launched 30 drones at Valmora overnight. Sixteen of the drones were shot "
        "down, the General Staff said.",
    )
    assert [s for _, s in said] == ["General Staff"]


def test_the_bank_written_bare_is_the_bank_the_article_named(nlp: Language) -> None:
    said = _said(
        nlp,
        "Dorvale Savings Bank collapsed on Friday, and regulators seized it.\n\n"
        "On the same night, the Reserve Bank of Valmora said it would put the lender's local arm "
        "into insolvency. “Its local arm has no critical functions,” the Bank said at the time.",
    )
    assert said["Its local arm has no critical functions"] == "Reserve Bank of Valmora"
    # A bank named since only by its letters is not the one the bare word refers to.
    said = _said(
        nlp,
        "Dorvale Savings Bank (DSB) collapsed on Friday, and regulators seized it.\n\n"
        "On the same night, the Reserve Bank of Valmora said it would put DSB into insolvency. "
        "“DSB has no critical functions,” the Bank said at the time.",
    )
    assert said["DSB has no critical functions"] == "Reserve Bank of Valmora"


def test_a_lower_case_body_noun_is_the_body_last_named_however_written(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Valmora Space Agency (VSA) launched a probe on Monday to study a satellite run by "
        "the Dorvale Space Agency.\n\n"
        "VSA said the launch went well.\n\n"
        "“The probe is healthy,” the agency said.",
    )
    assert said["The probe is healthy"] == "Valmora Space Agency"


def test_a_given_name_cut_off_after_a_title_stays_in_the_speakers_name(nlp: Language) -> None:
    said = _said(
        nlp,
        "Early reports had suggested as many as 100 people were in the sea, but Capt. Aja "
        "Vostrik, who commands the Coast Guard’s harbour sector, said: “The initial number of "
        "100 was an estimate.”",
    )
    assert said == {"The initial number of 100 was an estimate.": "Aja Vostrik"}


def test_a_bodys_name_the_tagger_cut_to_its_place_is_the_whole_name(nlp: Language) -> None:
    text = (
        "Around 55 of the tower’s units were in the part that fell, Valmora-Vale Fire Rescue said."
    )
    art = make_article(nlp, text)
    _, doc = art.docs[0]
    # The tagger's slip, as it makes it on some real names: only the place is a name.
    place = next(t for t in doc if t.text == "Valmora")
    doc.ents = [Span(doc, place.i, place.i + 1, label="GPE")]
    [quote] = extract_quotes(art, extract_actors([art]))
    assert quote.speaker == "Valmora-Vale Fire Rescue"


def test_a_bodys_name_in_capital_letters_cut_to_its_place_is_the_whole_name(
    nlp: Language,
) -> None:
    text = (
        "The DVR P&I Club, which insures the owners against third-party claims, said the demand "
        "included $300 million for a “salvage bonus”."
    )
    art = make_article(nlp, text)
    _, doc = art.docs[0]
    # Only the letters that open it are taken for a name, and for a place.
    place = next(t for t in doc if t.text == "DVR")
    doc.ents = [Span(doc, place.i, place.i + 1, label="GPE")]
    [quote] = extract_quotes(art, extract_actors([art]))
    assert quote.speaker == "DVR P&I Club"
    # A label in capitals over the page is no word of the name.
    art = make_article(nlp, "UPDATE Valmora Fire Rescue said the blaze was “contained”.")
    _, doc = art.docs[0]
    place = next(t for t in doc if t.text == "Valmora")
    doc.ents = [Span(doc, place.i, place.i + 1, label="GPE")]
    [quote] = extract_quotes(art, extract_actors([art]))
    assert quote.speaker == "Valmora Fire Rescue"


def test_a_speaker_joined_inside_another_reported_clause_speaks_for_themselves(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "The port closed on June 27, the same day the Dorvale Ferry Company said its boats "
        "would stay in harbour and Rui Costa disclosed that the port had paid for the repairs "
        "in full.",
    )
    assert said == {
        "its boats would stay in harbour": "Dorvale Ferry Company",
        "the port had paid for the repairs in full": "Rui Costa",
    }
    # What someone told staff is theirs, whoever the article cites for it.
    said = _said(
        nlp,
        "During those meetings, Rui Costa told staff that he did not intend to sell the yard, "
        "according to two employees who were present.",
    )
    assert said == {"he did not intend to sell the yard": "Rui Costa"}


def test_a_list_of_places_stays_in_the_description_of_a_speaker(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Valmora government said two of its citizens were missing, and consulates of Alder, "
        "Brill and Cove said they were trying to trace nationals who lived in the tower.",
    )
    assert said["they were trying to trace nationals who lived in the tower"] == (
        "consulates of Alder, Brill and Cove"
    )


def test_the_company_is_the_one_the_text_named_right_after_the_word(nlp: Language) -> None:
    for name in ("Dorvale Nordic", "Valmoran Nordic"):  # tagged a body; tagged a person
        said = _said(
            nlp,
            "The Valmora Health Agency said on Friday that it would send doses.\n\n"
            f"There is one modern shot against the virus, made by the Danish company {name} and "
            "sold as Vexira in Europe.\n\n"
            "On Monday the company said the regulator had extended the licence to cover the virus.",
        )
        assert said["the regulator had extended the licence to cover the virus"] == name


def test_the_company_is_the_body_the_headline_and_lead_name_most(nlp: Language) -> None:
    text = (
        "Dorvale Telecom brought its network back on Wednesday after an outage that stopped "
        "trains.\n\n"
        "Metro Rail said the outage cut the link to its trains. The Harbour Hospital said its "
        "phone lines were down.\n\n"
        "The company, owned by Brill Holdings, said the failure started at about 4am."
    )
    art = make_article(nlp, text)
    art = replace(art, clean=replace(art.clean, headline="Dorvale Telecom outage stops trains"))
    said = {q.text: q.speaker for q in extract_quotes(art, extract_actors([art]))}
    assert said["the failure started at about 4am"] == "Dorvale Telecom"


def test_letters_that_spell_a_named_bodys_initials_are_that_body(nlp: Language) -> None:
    said = _said(
        nlp,
        "Members of the Dorvale Harbour Crews’ Association met on Friday.\n\n"
        "The DHCA said in a statement from its president, Ana Silva, that Costa had represented "
        "the crews “incredibly well” and asked questions many had wanted to ask.",
    )
    assert said == {"incredibly well": "Dorvale Harbour Crews’ Association"}


def test_an_accusation_in_quote_marks_is_the_accusers_words(nlp: Language) -> None:
    said = _said(
        nlp,
        "Dockers leader Rui Costa accused the minister of “denial and lies”, while the union’s "
        "Ana Silva said the plan showed “contempt” for workers.",
    )
    assert said == {"denial and lies": "Rui Costa", "contempt": "Ana Silva"}


def test_a_speaker_named_by_role_is_the_person_introduced_in_that_role(nlp: Language) -> None:
    said = _said(
        nlp,
        "Lena Varga, the museum's director, arrived at dawn.\n\n"
        "Police said two men were seen fleeing. The director said the burglars had reached "
        "only three cabinets.",
    )
    assert said["the burglars had reached only three cabinets"] == "Lena Varga"


def test_a_role_of_another_body_or_a_lede_role_is_not_the_person_named_elsewhere(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Tomas Berg, a police spokesman, said two men were seen fleeing.\n\n"
        "The ministry's spokesman said the minister would visit the museum on Friday.",
    )
    assert said["the minister would visit the museum on Friday"] != "Tomas Berg"
    said = _said(
        nlp,
        "The thieves took fewer jewels than staff had feared, the museum's director said.\n\n"
        "Lena Varga, who lives opposite the museum, told reporters she heard glass breaking.",
    )
    assert said["The thieves took fewer jewels than staff had feared"] != "Lena Varga"


def test_the_board_is_a_body_named_a_board_not_the_company_spoken_of_before(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        'Harbour Lines removed its chief executive on Friday. "The board no longer has '
        'confidence in him," the board said in a statement.\n\n'
        "The Valmora Safety Board opened an inquiry. The board said the ferry had no working "
        "radar.",
    )
    assert said["The board no longer has confidence in him"] == "the board"
    assert said["the ferry had no working radar"] == "Valmora Safety Board"


def test_a_presidency_or_a_junta_speaks_as_described(nlp: Language) -> None:
    said = _said(
        nlp,
        "Around midday the presidency said on Twitter that guards had launched an "
        "“anti-Republican” movement. It said the president and his family were well.\n\n"
        "The junta said the airspace was closed.",
    )
    assert said["anti-Republican"] == "the presidency"
    assert said["the president and his family were well"] == "the presidency"
    assert said["the airspace was closed"] == "the junta"


def test_it_said_after_a_body_that_issued_a_statement_is_that_bodys(nlp: Language) -> None:
    said = _said(
        nlp,
        "The presidency has issued a strongly worded statement after the violence at the "
        "embassy. Anyone who attacks its nationals “would see a swift response,” it said.",
    )
    assert said["would see a swift response"] == "the presidency"


def test_it_said_after_a_body_acted_on_another_is_not_the_actors_by_default(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "The regulator fined Harbour Lines on Friday for the delays. “We will appeal,” it said.",
    )
    assert said["We will appeal"] != "the regulator"


def test_the_statement_speaks_for_whoever_the_article_said_spoke_in_it(nlp: Language) -> None:
    said = _said(
        nlp,
        "Harbour Lines, the ferry operator, apologised on Friday. In a statement on its website, "
        "the company said it was trying to refloat the ferry.\n\n"
        "“We sincerely apologise for the delays,” the statement said.",
    )
    assert said["We sincerely apologise for the delays"] == "Harbour Lines"


def test_a_statement_no_one_was_said_to_issue_speaks_as_itself(nlp: Language) -> None:
    said = _said(
        nlp, "The ferry was late again.\n\n“We apologise for the delays,” the statement said."
    )
    assert said["We apologise for the delays"] == "the statement"


BODIES = (
    "Norland Crewing, which manages the crew, said all 25 sailors were safe. Norland Crewing has "
    "run the ship since 2019.\n\n"
    "The ferry’s owner, Dorvale Shipping, apologised on Thursday for the disruption. The company "
    "said it was trying to refloat the vessel. “We are sorry,” the statement said. The company "
    "said no one was hurt."
)


def test_the_company_is_the_body_named_beside_the_subject_of_the_sentence_before(
    nlp: Language,
) -> None:
    assert _said(nlp, BODIES)["it was trying to refloat the vessel"] == "Dorvale Shipping"


def test_the_company_goes_on_meaning_the_body_it_meant_a_sentence_before(nlp: Language) -> None:
    assert _said(nlp, BODIES)["no one was hurt"] == "Dorvale Shipping"


def test_a_report_someone_only_spoke_of_still_speaks_as_itself(nlp: Language) -> None:
    said = _said(
        nlp,
        "Minister Ana Sova said on Monday she had not yet read the report into the sinking.\n\n"
        "“Failures of oversight were systemic,” the report said.",
    )
    assert said["Failures of oversight were systemic"] == "the report"


def test_the_company_is_the_body_named_since_not_the_one_it_meant_before(nlp: Language) -> None:
    said = _said(
        nlp,
        "Harbour Lines cancelled all sailings on Monday. The company said the fleet needed "
        "checks.\n\n"
        "The ferries were built by Dorvale Shipping, a yard in Brenna. The company said it was "
        "cooperating fully.",
    )
    assert said["it was cooperating fully"] == "Dorvale Shipping"


def test_a_role_named_beside_its_body_speaks_as_the_name(nlp: Language) -> None:
    # The parser hangs the name on the body ("the harbour authority, Lena Varga") and takes what
    # was said for the subject; the name is who holds the role.
    said = _said(
        nlp,
        "At a briefing in Porto Vale, the chairman of the Harbour Authority, Lena Varga, said "
        "the storm and the fog “were not to blame” for the collision.",
    )
    assert said == {"were not to blame": "Lena Varga"}


@pytest.mark.parametrize("bloc", ["ARDC", "SADEC"])
def test_a_role_named_after_an_opening_phrase_speaks_as_the_name(nlp: Language, bloc: str) -> None:
    # The parser may leave the name hanging, or take the bloc for who speaks.
    said = _said(
        nlp,
        "Its defence chiefs met in Ardena from Wednesday to Friday, and at the end of the meeting "
        f"the {bloc} commissioner for political affairs, peace and security, Kwame Mensah, said "
        "they had worked out “all the details” of a possible mission.",
    )
    assert said == {"all the details": "Kwame Mensah"}


def test_a_named_subject_is_not_renamed_by_an_appositive(nlp: Language) -> None:
    said = _said(nlp, "Ana Silva, the minister, said the ship was “in good order.”")
    assert said == {"in good order": "Ana Silva"}


@pytest.mark.parametrize("verb", ["promised", "pledged"])
def test_names_side_by_side_without_and_are_no_list_of_speakers(nlp: Language, verb: str) -> None:
    # The parser joins the speaker to the name in the phrase before it, as if "X and Y" spoke.
    said = _said(
        nlp,
        f"Questioned by the panel’s chairman, Sen. Bob Parker of Nevada, Moran {verb} that the "
        "firm would stay “until the work is done.”",
    )
    assert said == {"until the work is done": "Moran"}


def test_two_named_speakers_joined_by_and_have_no_single_speaker(nlp: Language) -> None:
    said = _said(nlp, "Ana Silva and Tomas Vidal said the deal was “a good start.”")
    assert said == {"a good start": None}


def test_a_man_or_a_woman_speaks_as_described(nlp: Language) -> None:
    said = _said(
        nlp,
        "“We will stay until they listen,” said one young man in a red scarf. “It was "
        "terrifying,” a woman who lives nearby said.",
    )
    assert said == {
        "We will stay until they listen": "one young man in a red scarf",
        "It was terrifying": "a woman who lives nearby",
    }


def test_two_men_are_no_unnamed_speaker_of_a_statement(nlp: Language) -> None:
    # "the two men" are people named before; the statement that reports their deal speaks.
    said = _said(
        nlp,
        "A statement from the governor's office said the two men had agreed on “an end to the "
        "blockade.”",
    )
    assert said["an end to the blockade"] != "the two men"


def test_a_role_told_in_more_words_speaks_as_the_person_set_in_it(nlp: Language) -> None:
    said = _said(
        nlp,
        "Ana Silva, the company's chief executive, spoke on Monday. “We failed our customers,” "
        "the chief executive said. Later, the company's chief executive said she was "
        "“encouraged by the changes.”",
    )
    assert said == {
        "We failed our customers": "Ana Silva",
        "encouraged by the changes": "Ana Silva",
    }


def test_the_same_role_of_another_body_is_not_the_person_named_before(nlp: Language) -> None:
    said = _said(
        nlp,
        "Lena Varga, the museum's director, said the theft was a blow. On Tuesday the ministry's "
        "director said the thieves had taken “fewer treasures than feared”.",
    )
    assert said["fewer treasures than feared"] == "the ministry's director"


def test_a_name_in_what_was_said_or_in_a_clause_about_the_subject_does_not_speak(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "The fire was started by a neighbour, Tom Reed, said police. The agency that hired the "
        "nurse, Ida Holm, says she was “fully trained”.",
    )
    assert said == {
        "The fire was started by a neighbour, Tom Reed": "police",
        "fully trained": "the agency",
    }


def test_another_or_each_holder_of_a_role_is_not_the_one_named_before(nlp: Language) -> None:
    said = _said(
        nlp,
        "Ana Silva, a spokeswoman for the ministry, said the talks would resume. “The minister is "
        "ill,” another spokeswoman said.",
    )
    assert said["The minister is ill"] == "another spokeswoman"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Jon Ek, 34, was charged with murder on Monday. “I am innocent,” the man told the "
            "court.",
            "Jon Ek",
        ),
        (
            "A man was pulled from the river near Dornbach on Friday. “The water was freezing,” "
            "the man said.",
            "the man",
        ),
        (
            "Pedro Lima was charged on Monday. A woman walking her dog found the body. “It was "
            "horrible,” the woman told reporters.",
            "the woman",
        ),
    ],
)
def test_the_man_who_speaks_is_the_one_the_text_last_spoke_of(
    nlp: Language, text: str, speaker: str
) -> None:
    assert list(_said(nlp, text).values()) == [speaker]


def test_a_second_verb_of_speech_joined_to_what_was_said_is_the_first_speakers(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "In a statement after the vote, Costa said the Assembly had taken “a critical step "
        "forward” to prevent a default, and urged the Senate to pass the bill “as quickly as "
        "possible” so he could sign it. Ana Silva said she would govern for all and told "
        "foreign governments that “Ardena is back”.",
    )
    assert said == {
        "a critical step forward": "Costa",
        "as quickly as possible": "Costa",
        "Ardena is back": "Ana Silva",
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "In a note to staff, Tomas Vidal said Ana Silva would go back to being chief "
            "technology officer and that Rui Costa would again be president. “Rui and I are "
            "partners in running this company,” he wrote.",
            "Rui and I are partners in running this company",
        ),
        (
            "Rui Costa said he was then pulled into a separate call and told he was being "
            "removed. Ana Silva, he wrote, had been told the night before.",
            "Ana Silva, he wrote, had been told the night before",
        ),
    ],
)
def test_he_who_speaks_is_not_the_one_his_words_speak_of(
    nlp: Language, text: str, words: str
) -> None:
    said = _said(nlp, text)
    speaker = said[words]
    assert speaker is not None
    assert speaker not in words


def test_a_speaker_named_in_her_own_words_with_no_one_before_stays(nlp: Language) -> None:
    said = _said(nlp, "“I, Ana Silva, swear to serve the city,” she said.")
    assert said == {"I, Ana Silva, swear to serve the city": "Ana Silva"}


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "“We will win,” Lena Ortz said. Her rival, Tomas Brink, was more cautious. “Brink has "
            "never lost an election in this town,” he said.",
            "Brink has never lost an election in this town",
            "Tomas Brink",
        ),
        (
            "“The fire is out,” Ms Rosa Lind said. Mr Felix Arno watched his house burn. "
            "“Everything Felix owned is gone,” he said.",
            "Everything Felix owned is gone",
            "Felix Arno",
        ),
    ],
)
def test_he_named_before_in_the_paragraph_may_speak_of_himself(
    nlp: Language, text: str, words: str, speaker: str
) -> None:
    assert _said(nlp, text)[words] == speaker


def test_without_a_comma_the_joined_verb_of_speech_is_the_reported_speakers(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Coach Ivo Marek said his captain Tim Ardal had apologised to the team and promised "
        "“never to do it again.”",
    )
    assert said == {"never to do it again": "Tim Ardal"}


def test_the_woman_spoken_of_as_a_woman_is_not_the_last_name(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rescuers pulled a man from the river on Sunday. Lifeguard Nora Pell said he was lucky. "
        "“I thought I was going to die,” the man said.",
    )
    assert said["I thought I was going to die"] == "the man"


def test_a_body_reported_on_does_not_go_on_speaking(nlp: Language) -> None:
    said = _said(
        nlp,
        "Union leader Ana Brel said the company had broken its promises and warned that workers "
        "“will not wait forever.”",
    )
    assert said == {"will not wait forever": "Ana Brel"}


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Rescuers said no one saw the man fall from the pier at Kelm. Hours later, fisherman "
            "Bram Oster pulled Tomas Wiel from the water. “I thought I would die,” the man said.",
            "I thought I would die",
            "Tomas Wiel",
        ),
        (
            "Police said one of the woman's neighbours had called them. Later, Greta Sova, the "
            "tenant, returned to the flat. “They took everything,” the woman said.",
            "They took everything",
            "Greta Sova",
        ),
    ],
)
def test_the_man_not_spoken_of_as_a_man_is_the_one_last_named(
    nlp: Language, text: str, words: str, speaker: str
) -> None:
    assert _said(nlp, text)[words] == speaker


def test_he_is_the_person_who_spoke_last_past_a_bodys_words(nlp: Language) -> None:
    said = dict(
        _speakers(
            nlp,
            "“We will appeal,” said lawyer Ivo Marek, who represents the builder.\n\nThe county "
            "court said in a statement that its ruling “stands as written.”\n\n“Sten Kessel is "
            "an honest man and the court knows it,” he said.",
        )
    )
    assert said["Sten Kessel is an honest man and the court knows it"] == "Ivo Marek"


def test_words_the_writer_hands_to_someone_are_theirs(nlp: Language) -> None:
    said = _said(
        nlp,
        "Officials told families there was “no chance of survival,” in the words of Deputy Chief "
        "Lena Berg.\n\nThe plan was, in Rui Costa's words, “dead on arrival.”\n\nThe repair was "
        "“a long road,” as Ana Silva put it.",
    )
    assert said == {
        "no chance of survival": "Lena Berg",
        "dead on arrival": "Rui Costa",
        "a long road": "Ana Silva",
    }


def test_words_quoted_in_a_charge_of_saying_are_the_accuseds(nlp: Language) -> None:
    said = _said(
        nlp,
        "Lena Berg accused Rui Costa of saying the flood was “an act of God.”\n\nLena Berg "
        "criticised Rui Costa for calling the protesters “a mob.”",
    )
    assert said == {"an act of God": "Rui Costa", "a mob": "Rui Costa"}


def test_a_speaker_set_after_a_rarer_verb_of_speech_speaks(nlp: Language) -> None:
    said = _said(nlp, "“The deal is done,” tweeted Rui Costa.")
    assert said == {"The deal is done": "Rui Costa"}


def test_a_paper_that_reads_speaks_for_its_issuer(nlp: Language) -> None:
    said = _said(
        nlp,
        "A ministry official said the port would reopen. “It is a matter of days,” read a "
        "statement from the Dorvale ministry of transport.\n\n“It is over,” read the sign.",
    )
    assert said["It is a matter of days"] == "Dorvale ministry of transport"
    assert "It is over" not in said


def test_the_statement_someone_issued_speaks_for_them(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbourton Port Authority issued a statement on Monday. “The port will reopen "
        "within days,” the statement added.",
    )
    assert said == {"The port will reopen within days": "Harbourton Port Authority"}


def test_the_words_of_a_message_from_someone_are_theirs(nlp: Language) -> None:
    said = _said(nlp, "The message from Rui Costa was clear: “The deal is done.”")
    assert said == {"The deal is done.": "Rui Costa"}


def test_what_a_body_condemns_as_in_quotation_marks_is_its_wording(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Valmora foreign ministry condemned the strike as “a grave violation.”\n\nRui Costa "
        "dismissed the report as “fantasy.”",
    )
    assert said == {"a grave violation": "the Valmora foreign ministry", "fantasy": "Rui Costa"}


def test_words_a_speaker_relays_in_an_attribution_set_after_are_the_speakers(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Spokeswoman Lena Berg spoke after the talks. The ministry condemned “any threats "
        "against reporters” in the city, she said.\n\nRui Costa said the council had condemned "
        "“any attempt at a cover-up.”",
    )
    assert said == {
        "any threats against reporters": "Lena Berg",
        "any attempt at a cover-up": "the council",
    }


def test_a_participle_that_says_which_person_speaks_describes_them(nlp: Language) -> None:
    said = _said(
        nlp,
        "The board was “blindsided,” according to a person briefed on the talks.\n\nA senior "
        "official, speaking on condition of anonymity, said the plan was “dead.”",
    )
    assert said == {"blindsided": "a person briefed on the talks", "dead": "a senior official"}


def test_a_speaker_named_after_a_noun_is_the_name(nlp: Language) -> None:
    said = _said(nlp, "“We were not consulted,” said a man named Rui Costa.")
    assert said == {"We were not consulted": "Rui Costa"}


def test_a_paper_issued_by_someone_speaks_for_them(nlp: Language) -> None:
    said = _said(
        nlp,
        "A statement issued by the Harbourton Port Authority described the grounding as “an "
        "accident.”",
    )
    assert said == {"an accident": "Harbourton Port Authority"}


def test_words_a_report_or_an_outlet_passes_on_are_its_own(nlp: Language) -> None:
    said = _said(
        nlp,
        "The committee’s report concluded that the agency had “failed at every level.”\n\n"
        "Dorvale’s state news agency reported that the leader had been “received warmly.”",
    )
    assert said == {
        "failed at every level": "the committee",
        "received warmly": "Dorvale’s state news agency",
    }


def test_the_one_a_cleft_singles_out_speaks(nlp: Language) -> None:
    said = _said(
        nlp,
        "Agency chairman Rui Costa grew up in Harbourton. It was he who announced the news, "
        'turning from his console to say "Valmora is on the moon".\n\nIt was Lena Berg who told '
        'the council that the port was "finished".',
    )
    assert said == {"Valmora is on the moon": "Rui Costa", "finished": "Lena Berg"}


def test_a_clause_that_says_which_person_speaks_describes_them(nlp: Language) -> None:
    said = _said(
        nlp,
        "A diplomat who follows the region said the model was “finished.”\n\nA scientist "
        "working on one of the instruments said the data was “clean.”\n\nAn engineer, who asked "
        "not to be named, said the valve was “fine.”",
    )
    assert said == {
        "finished": "a diplomat who follows the region",
        "clean": "a scientist working on one of the instruments",
        "fine": "an engineer",
    }


def test_it_in_an_attribution_set_inside_a_clause_is_the_body_spoken_of(nlp: Language) -> None:
    said = _said(
        nlp,
        "The Harbour Markets Authority answered its critics on Thursday. The bonds’ terms, it "
        "said, provide for a write-down in a “trigger event”.",
    )
    assert said == {"trigger event": "Harbour Markets Authority"}


def test_words_set_beside_someones_reply_or_message_are_theirs(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa, the chairman of its biggest shareholder, was asked on television whether it "
        "would put in more money. His reply, “not a chance”, sent the shares down.\n\nLena "
        "Berg texted her family. Her message, “we are safe”, arrived at midnight.",
    )
    assert said == {"not a chance": "Rui Costa", "we are safe": "Lena Berg"}


def test_what_an_outlet_or_a_person_reports_another_said_stays_theirs(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa called the plan “madness”, the Harbourton Gazette reported.\n\nThe Valmora "
        "Foreign Ministry condemned the strike as “a grave violation”, the state news agency "
        "reported.\n\nRui Costa told reporters the talks had been “a waste of time”, a "
        "spokesman for Lena Berg said.",
    )
    assert said == {
        "madness": "Rui Costa",
        "a grave violation": "Valmora Foreign Ministry",
        "a waste of time": "Rui Costa",
    }


def test_words_of_a_claim_that_was_rejected_are_not_the_rejecters(nlp: Language) -> None:
    said = _said(
        nlp,
        "The court rejected Rui Costa's claim that the contract was “void from the start”.\n\n"
        "The minister rejected the union's demand for “a fair wage for fair work”.",
    )
    assert said.get("void from the start") != "the court"
    assert said.get("a fair wage for fair work") != "the minister"


def test_words_handed_to_someone_are_only_those_of_the_clause_that_says_so(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Lena Berg called the plan “reckless”; as Rui Costa put it, it was “a gamble with "
        "people's homes”.\n\nAs Rui Costa put it to the committee, the ferries were “not fit "
        "for purpose”, a view Lena Berg called “nonsense”.",
    )
    assert said["reckless"] == "Lena Berg"
    assert said["a gamble with people's homes"] == "Rui Costa"
    assert said["not fit for purpose"] == "Rui Costa"
    assert said["nonsense"] == "Lena Berg"


def test_a_name_inside_the_naming_clause_is_not_the_speakers(nlp: Language) -> None:
    said = _said(
        nlp,
        "A woman identified as the sister of Lena Berg said the family was “devastated”.\n\nA "
        "man named by police as a suspect in the killing of Rui Costa told reporters he was "
        "“innocent”.",
    )
    assert said == {"devastated": "a woman", "innocent": "a man"}


def test_how_a_source_spoke_to_the_paper_is_no_part_of_their_description(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "“We are looking at it,” said a spokesman reached by phone.\n\n“It is over,” said an "
        "official who spoke on condition of anonymity.",
    )
    assert said == {"We are looking at it": "a spokesman", "It is over": "an official"}


def test_it_is_said_is_no_one(nlp: Language) -> None:
    said = _said(
        nlp,
        "Harbour Lines bought the ferry in 2019. The vessel, it is said, was “a floating wreck” "
        "even then.",
    )
    assert said == {"a floating wreck": None}


def test_the_museum_speaks_for_the_museum_the_article_named_and_only_for_one(
    nlp: Language,
) -> None:
    said = _said(
        nlp,
        "Thieves raided the Harbourton Museum of Art on Sunday. The museum said the jewels were "
        "of “inestimable value.”\n\nA bus operated by Harbour Lines crashed on Monday. The "
        "driver was taken to hospital. The hospital said he was in a “critical but stable” "
        "condition.",
    )
    assert said == {
        "inestimable value": "Harbourton Museum of Art",
        "critical but stable": "the hospital",
    }


def test_a_verb_of_judging_used_as_the_speech_tag_speaks(nlp: Language) -> None:
    said = _said(
        nlp,
        "“It is an absolute disgrace,” Lena Berg blasted.\n\nLena Berg blasted the council's "
        "decision as “a betrayal of residents”.",
    )
    assert said == {
        "It is an absolute disgrace": "Lena Berg",
        "a betrayal of residents": "Lena Berg",
    }


def test_words_of_a_charge_that_is_no_saying_are_not_the_charged(nlp: Language) -> None:
    said = _said(
        nlp,
        "Lena Berg criticised the council for failing to tell residents about the “serious "
        "risk” of flooding.\n\nLena Berg accused the government of announcing “cosmetic” "
        "reforms.",
    )
    assert said.get("serious risk") != "the council"
    assert said.get("cosmetic") != "the government"


def test_as_x_put_it_set_after_the_subject_hands_over_the_clause(nlp: Language) -> None:
    said = _said(nlp, "The ferries, as Rui Costa put it, were “not fit for purpose”.")
    assert said == {"not fit for purpose": "Rui Costa"}


def test_a_clause_about_who_they_are_stays_in_the_description(nlp: Language) -> None:
    said = _said(
        nlp,
        "“We have nothing left,” said a woman who spoke at the rally.\n\n“I stayed,” said a man "
        "who refused to leave his flooded home.",
    )
    assert said == {
        "We have nothing left": "a woman who spoke at the rally",
        "I stayed": "a man who refused to leave his flooded home",
    }


def test_it_quoted_as_saying_is_the_body_spoken_of(nlp: Language) -> None:
    said = _said(
        nlp,
        "Harbour Lines has faced weeks of criticism. It was quoted by the Harbourton Gazette as "
        "saying the ferry was “perfectly safe”.",
    )
    assert said == {"perfectly safe": "Harbour Lines"}


def test_a_noun_inside_the_quote_is_not_the_speaker_set_after_it(nlp: Language) -> None:
    said = _said(
        nlp,
        "“It’s just sad for everybody, his parents most of all,” said a neighbor who lives "
        "across the road.",
    )
    sad = "It’s just sad for everybody, his parents most of all"
    assert said == {sad: "a neighbor who lives across the road"}


def test_the_jury_speaks_through_its_forewoman_and_jurors(nlp: Language) -> None:
    said = _said(
        nlp,
        "The forewoman answered “guilty” to each count.\n\nA juror told reporters that the panel "
        "had “gone through everything carefully”.",
    )
    assert said == {"guilty": "the forewoman", "gone through everything carefully": "a juror"}


def test_it_after_a_statement_was_issued_is_whoever_issued_it(nlp: Language) -> None:
    said = _said(
        nlp,
        "Lena Berg, Rui Costa's lawyer, issued a short written statement. “We respect the jury's "
        "decision,” it said. It added that Costa maintains his innocence and “will fight on”."
        "\n\nThe Harbour Port Authority issued a statement on Monday. The ferry company said it "
        "would appeal. “We are confident,” it said.",
    )
    assert said["We respect the jury's decision"] == "Lena Berg"
    assert said["will fight on"] == "Lena Berg"
    assert said["We are confident"] == "the ferry company"


def test_a_lawmaker_speaks_as_described(nlp: Language) -> None:
    said = _said(
        nlp,
        "“Nobody thought she could carry on,” said a senior lawmaker who asked not to be named.",
    )
    assert said == {"Nobody thought she could carry on": "a senior lawmaker"}


def test_it_is_not_a_persons_statement_once_a_body_has_been_named_since(nlp: Language) -> None:
    said = _said(
        nlp,
        "Lena Berg released a statement on Monday denying the claims. Harbourton Council has "
        "opened an inquiry. “We take every complaint seriously,” it said.",
    )
    assert said["We take every complaint seriously"] != "Lena Berg"


def test_a_name_set_off_right_before_the_verb_of_speech_speaks(nlp: Language) -> None:
    said = _said(
        nlp,
        "Rui Costa's comments came after the mayor, Lena Berg, said the port was “fully prepared.”",
    )
    assert said == {"fully prepared": "Lena Berg"}
