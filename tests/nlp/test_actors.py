import pytest
from spacy.language import Language

from stories.nlp.actors import extract_actors, same_place, strip_title
from stories.nlp.types import Decisions

from .helpers import make_article

MOON = (
    "South Korean President Moon Jae-in met Japanese Prime Minister Shinzo Abe in Osaka on Friday."
    "\n\n"
    "Moon Jae In told reporters that the talks were useful. Mr. Moon also thanked the hosts."
    "\n\n"
    "Moon's adviser Moon Chung-in said the meeting had been long planned."
    "\n\n"
    "The South Korean president later flew home, and Abe said he was pleased."
)


def people(index) -> dict[str, tuple[str, ...]]:
    return {a.name: a.aliases for a in index.actors if a.kind == "person"}


def test_spelling_title_and_possessive_variants_are_one_person(nlp: Language) -> None:
    index = extract_actors([make_article(nlp, MOON)])
    names = people(index)
    assert "Moon Jae In" in names or "Moon Jae-in" in names
    canonical = index.resolve("Moon Jae-in")
    assert canonical is not None
    for surface in ("Moon Jae In", "Mr. Moon", "Moon's", "President Moon Jae-in", "moon jae in"):
        assert index.resolve(surface) == canonical


def test_person_sharing_a_family_name_stays_separate(nlp: Language) -> None:
    index = extract_actors([make_article(nlp, MOON)])
    assert index.resolve("Moon Chung-in") not in (None, index.resolve("Moon Jae-in"))


def test_role_noun_resolves_to_person_introduced_with_that_nationality(nlp: Language) -> None:
    art = make_article(nlp, MOON)
    index = extract_actors([art])
    start = MOON.index("The South Korean president")
    assert index.resolve("Moon Jae-in") in index.actors_in(art.file, start, start + 26)
    assert index.resolve("the South Korean leader") == index.resolve("Moon Jae-in")


def test_pronoun_is_resolved_for_actors_in(nlp: Language) -> None:
    text = "Chancellor Olaf Scholz arrived in Paris on Monday.\n\nHe said the visit was overdue."
    art = make_article(nlp, text)
    index = extract_actors([art])
    start = text.index("He said")
    assert index.actors_in(art.file, start, start + 2) == ("Olaf Scholz",)


def test_surname_goes_to_the_person_the_article_establishes(nlp: Language) -> None:
    text = (
        "Prime Minister Boris Johnson met Rachel Johnson, his sister, in London.\n\n"
        "Boris Johnson later spoke to Parliament. Boris Johnson was cheered.\n\n"
        "Johnson said the vote would happen soon."
    )
    art = make_article(nlp, text)
    index = extract_actors([art])
    start = text.index("Johnson said")
    assert index.actors_in(art.file, start, start + 7) == ("Boris Johnson",)


def test_byline_author_is_never_an_actor(nlp: Language) -> None:
    text = "Lena Park met Governor Tomas Brink in Dorvale.\n\nBrink said the budget was ready."
    index = extract_actors([make_article(nlp, text, author="Lena Park")])
    assert "Lena Park" not in people(index)
    assert "Tomas Brink" in people(index)


def test_editor_says_surname_is_a_different_person(nlp: Language) -> None:
    decisions = Decisions(different_actors=(("Moon", "Moon Jae-in"),))
    index = extract_actors([make_article(nlp, MOON)], decisions)
    assert index.resolve("Moon Jae In") == "Moon Jae-in"
    assert index.resolve("Mr. Moon") not in (None, "Moon Jae-in")


def test_editor_merge_beats_the_rules(nlp: Language) -> None:
    decisions = Decisions(same_actor=(("Moon Chung-in", "Moon Jae In"),))
    index = extract_actors([make_article(nlp, MOON)], decisions)
    assert index.resolve("Moon Chung-in") == "Moon Jae In"
    assert "Moon Chung-in" in people(index)["Moon Jae In"]


def test_acronym_joins_its_organisation_and_headings_are_not_read(nlp: Language) -> None:
    text = (
        "Historic Meeting Between Rivals\n\n"
        "The United Nations condemned the launch on Tuesday.\n\n"
        "A UN spokesman said more sanctions were possible."
    )
    index = extract_actors([make_article(nlp, text)])
    orgs = {a.name: a.aliases for a in index.actors if a.kind == "organization"}
    assert orgs == {"United Nations": ("UN",)}
    assert not people(index)


def test_titles_are_split_off_names() -> None:
    assert strip_title(["Natural", "Resources", "Minister", "Alexander", "Kozlov"]) == (
        ["Natural", "Resources", "Minister"],
        ["Alexander", "Kozlov"],
    )
    assert strip_title(["Martin", "Luther", "King"])[1] == ["Martin", "Luther", "King"]


def test_demonym_matches_its_country_only() -> None:
    assert same_place("North Korean", "north korea")
    assert same_place("Chinese", "China")
    assert not same_place("South Korean", "North Korea")
    assert not same_place("Austrian", "Australia")


def test_facility_head_noun_makes_a_place(nlp: Language) -> None:
    text = (
        "The minister landed at Kurpaty Airbase on Monday.\n\n"
        "Trucks waited at the Torkham crossing before the border opened."
    )
    index = extract_actors([make_article(nlp, text)])
    kinds = {a.name: a.kind for a in index.actors}
    assert kinds.get("Kurpaty Airbase") == "place"
    assert kinds.get("Torkham") == "place"


def test_acronym_in_brackets_is_the_name_before_it(nlp: Language) -> None:
    text = "The Islamic Republic of Iran (IRI) sent envoys to Oman.\n\nIRI envoys left on Friday."
    index = extract_actors([make_article(nlp, text)])
    [actor] = [a for a in index.actors if "IRI" in (a.name, *a.aliases)]
    assert (actor.name, actor.kind) == ("Islamic Republic of Iran", "place")


def test_misspelt_names_of_one_person_are_one_actor(nlp: Language) -> None:
    index = extract_actors(
        [
            make_article(nlp, "President Marko Kovacevic visited the port city.", "a.txt"),
            make_article(
                nlp, "Marko Kovacevc promised new homes. Kovacevc spoke on Friday.", "b.txt"
            ),
        ]
    )
    people = [a for a in index.actors if a.kind == "person"]
    assert [a.name for a in people] == ["Marko Kovacevic"]


def test_two_people_whose_first_names_differ_by_one_letter_stay_apart(nlp: Language) -> None:
    index = extract_actors(
        [make_article(nlp, "John Barlow met Joan Barlow at the harbour on Monday.", "a.txt")]
    )
    assert {"John Barlow", "Joan Barlow"} <= {a.name for a in index.actors}


def test_a_two_letter_family_name_is_a_person(nlp: Language) -> None:
    index = extract_actors(
        [
            make_article(
                nlp,
                "Chinese President Wu Haoran arrived in Lisbon. Wu was greeted by the mayor.",
                "a.txt",
            )
        ]
    )
    wu = [a for a in index.actors if a.name == "Wu Haoran"]
    assert wu and "Wu" in wu[0].aliases


def test_every_author_of_a_shared_byline_is_left_out(nlp: Language) -> None:
    art = make_article(
        nlp,
        "Ana Lopes and Tom Hale watched as Rui Costa signed the deal.",
        author="Ana Lopes and Tom Hale",
    )
    assert [a.name for a in extract_actors([art]).actors if a.kind == "person"] == ["Rui Costa"]


def test_a_country_written_short_or_as_its_state_is_one_actor(nlp: Language) -> None:
    index = extract_actors(
        [
            make_article(nlp, "North Korea and Russia signed a pact in Moscow.", "a.txt"),
            make_article(nlp, "Officials in N. Korea praised the Russian Federation.", "b.txt"),
        ]
    )
    names = [{a.name, *a.aliases} for a in index.actors]
    assert {"North Korea", "N. Korea"} in names
    assert any({"Russia", "Russian Federation"} <= n for n in names)


def test_a_company_the_model_takes_for_a_person_is_a_company(nlp: Language) -> None:
    text = (
        "Rui Costa bought Hartley Inc last year.\n\n"
        "Rui Costa completed his purchase of Hartley on Thursday. Costa wrote that Hartley"
        " would form a council."
    )
    index = extract_actors([make_article(nlp, text)])
    kinds = {a.name: a.kind for a in index.actors}
    assert kinds["Hartley Inc"] == "organization"
    # One word, never a full name: no person.
    assert not [a for a in index.actors if a.kind == "person" and "Hartley" in (a.name, *a.aliases)]
    assert kinds["Rui Costa"] == "person"


@pytest.mark.parametrize("calling", ["a software vendor", "a German trader", "a parent company"])
def test_a_company_introduced_by_a_trade_is_no_person(nlp: Language, calling: str) -> None:
    text = f"Kelt Systems, {calling} based in Alder, said the outage was over."
    kinds = {a.name: a.kind for a in extract_actors([make_article(nlp, text)]).actors}
    assert kinds["Kelt Systems"] == "organization"


def test_a_company_named_with_a_foreign_legal_form_is_a_company(nlp: Language) -> None:
    text = "The ferry’s owner, Dorvale Kisen Kaisha, apologised on Thursday."
    kinds = {a.name: a.kind for a in extract_actors([make_article(nlp, text)]).actors}
    assert [kind for name, kind in kinds.items() if name.endswith("Kaisha")] == ["organization"]


def test_a_one_word_person_told_as_where_things_happen_is_a_place(nlp: Language) -> None:
    text = "Rescuers pulled a boy from the rubble in Antakya on Tuesday."
    index = extract_actors([make_article(nlp, text)])
    assert {a.name: a.kind for a in index.actors}.get("Antakya") == "place"


def test_a_span_finds_every_mention_reaching_into_it_however_early_it_starts() -> None:
    from stories.nlp.actors import ActorIndex
    from stories.nlp.types import Mention

    council = "the Council of the Northern Provinces and Free Cities of the Coast"
    mentions = (
        Mention("Northern Council", council, 0, len(council)),
        Mention("Mara Lund", "Lund", 10, 14),
        Mention("Ivo Berg", "Berg", 70, 74),
    )
    index = ActorIndex((), {"a.txt": mentions}, {}, {}, {})

    assert index.actors_in("a.txt", 60, 80) == ("Northern Council", "Ivo Berg")
    assert index.mention_at("a.txt", 60, 64) == mentions[0]
    assert index.actors_in("a.txt", 80, 90) == ()
    assert index.actors_in("b.txt", 0, 90) == ()


def test_a_body_named_with_and_before_its_acronym_is_one_actor(nlp: Language) -> None:
    text = (
        "The Harbourton Fisheries and Marine Authority (HFMA) said it had concerns."
        "\n\nHFMA closed the bay on Monday."
    )
    index = extract_actors([make_article(nlp, text)])
    names = {a.name for a in index.actors}
    assert "Harbourton Fisheries and Marine Authority" in names
    assert "Marine Authority" not in names


def test_a_body_named_with_and_is_one_actor_where_the_parse_makes_it_one_phrase(
    nlp: Language,
) -> None:
    text = (
        "The Valmoran Television and Radio Authority said on Tuesday it would fine the "
        "broadcaster.\n\nSilva Holdings and Costa Logistics said they would merge."
    )
    names = {a.name for a in extract_actors([make_article(nlp, text)]).actors}
    assert "Valmoran Television and Radio Authority" in names
    assert "Radio Authority" not in names
    # Two names joined by "and" stay two.
    assert {"Silva Holdings", "Costa Logistics"} <= names


def test_a_time_zone_after_a_clock_is_no_actor(nlp: Language) -> None:
    text = (
        "The network failed at about 4 a.m. local time (1700 GMT on Tuesday), Optus said."
        "\n\nIn 2023 NATO held talks with Sweden."
    )
    names = {a.name for a in extract_actors([make_article(nlp, text)]).actors}
    assert "GMT" not in names
    assert "NATO" in names  # a year before a body is no clock


def test_a_family_name_with_an_apostrophe_is_part_of_the_name(nlp: Language) -> None:
    text = "Metro chief executive Raymond O’Donnell apologised to passengers on Tuesday."
    index = extract_actors([make_article(nlp, text)])
    assert "Raymond O’Donnell" in people(index)


def test_a_name_the_text_introduces_as_a_union_is_an_organisation(nlp: Language) -> None:
    index = extract_actors(
        [
            make_article(
                nlp,
                "In a statement late on Wednesday, the 28-year-old said her union, DOCKPRO,"
                " would defend her interests.\n\n"
                "The sailors’ union SAILPRO called on the league to act.",
            )
        ]
    )
    kinds = {a.name: a.kind for a in index.actors}
    assert kinds.get("DOCKPRO") == "organization"
    assert kinds.get("SAILPRO") == "organization"


def _person_aliases(index) -> dict[str, set[str]]:
    return {a.name: set(a.aliases) for a in index.actors if a.kind == "person"}


def test_a_surname_said_of_a_man_is_not_the_woman_of_that_name(nlp: Language) -> None:
    told = make_article(
        nlp,
        "Governor Rui Varga and his wife, Lena Varga, toured the harbour on Monday.\n\n"
        "The governor and first lady Jana Kovac joined them later.\n\n"
        "Kovac told reporters he would send more ships.",
        file="b.txt",
    )
    named = make_article(
        nlp, "President Marko Kovac and first lady Jana Kovac will visit the port.", file="a.txt"
    )
    people = _person_aliases(extract_actors([named, told]))
    assert "Kovac" not in people.get("Jana Kovac", set())
    assert "Kovac" in people.get("Marko Kovac", set())


def test_a_surname_listed_beside_a_full_name_is_another_person(nlp: Language) -> None:
    text = (
        "Governor Rui Varga and his wife, Lena Varga, toured the harbour on Monday.\n\n"
        "Varga, Lena Varga and two ministers met the ships at the pier.\n\n"
        "Lena Varga later spoke to the crews."
    )
    people = _person_aliases(extract_actors([make_article(nlp, text)]))
    assert "Varga" in people.get("Rui Varga", set())
    assert "Varga" not in people.get("Lena Varga", set())


def test_a_subject_is_main_when_no_verb_stands_above_it_but_not_in_a_relative_clause(
    nlp: Language,
) -> None:
    from stories.nlp.actors import _is_main_subject

    misparsed = nlp(
        "In a second recording he posed beside Deputy Governor Marko Kovac and demanded that "
        "Tomas Vidal travel to meet him."
    )
    assert _is_main_subject(next(t for t in misparsed if t.lower_ == "he"))
    relative = nlp("Chaos at the port where Ana Silva said the cranes had failed.")
    assert not _is_main_subject(next(t for t in relative if t.text == "Silva"))


def test_a_person_the_model_takes_for_a_body_is_a_person_by_who_they_are(nlp: Language) -> None:
    text = (
        "Ivo Horvat, the ferry line's chief executive, flew in from the capital.\n\n"
        "Marko Kovac, 34, swam ashore.\n\n"
        "The Harbour Union, the largest union on the docks, called a strike."
    )
    index = extract_actors([make_article(nlp, text)])
    kinds = {a.name: a.kind for a in index.actors}
    assert kinds["Ivo Horvat"] == "person"  # set beside a role
    assert kinds["Marko Kovac"] == "person"  # set beside an age
    assert kinds["Harbour Union"] == "organization"  # set beside a body's noun


@pytest.mark.parametrize("title", ["PM", "Congresswoman", "Councillor", "Detective"])
def test_a_short_or_plain_title_is_no_part_of_the_name(nlp: Language, title: str) -> None:
    text = f"Ana Silva visited the port on Monday.\n\n{title} Silva said the quay would reopen."
    index = extract_actors([make_article(nlp, text)])
    assert [a.name for a in index.actors if a.kind == "person"] == ["Ana Silva"]


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("the Federated States of Alder", "the FSA"),  # a place, and an acronym tagged a body
        ("South Caldoria", "S. Caldoria"),  # a place, and its short form tagged a body
        ("the Union of Shipping", "the US"),  # an acronym written like a stop word
    ],
)
def test_a_short_form_joins_its_name_whatever_the_model_tags_it(
    nlp: Language, full: str, short: str
) -> None:
    text = (
        f"Officials from {full} met in Harbourton on Monday.\n\n"
        f"A spokesman for {short} said on Tuesday that the talks had gone well."
    )
    index = extract_actors([make_article(nlp, text)])
    bare = short.removeprefix("the ")
    joined = [a for a in index.actors if bare in a.aliases]
    assert [a.name for a in joined] == [full.removeprefix("the ")]


def test_a_misspelling_the_model_takes_for_a_body_is_still_the_person(nlp: Language) -> None:
    text = (
        "Ana Silva met the harbour board in Harbourton on Monday.\n\n"
        "A spokesman for Ana Sylva said on Tuesday that the talks had gone well."
    )
    index = extract_actors([make_article(nlp, text)])
    people = {a.name: a.aliases for a in index.actors if a.kind == "person"}
    assert people == {"Ana Silva": ("Ana Sylva",)}


def test_a_name_after_a_persons_title_is_a_person_the_model_took_for_a_body(
    nlp: Language,
) -> None:
    text = (
        "Striker Marco Bellini scored twice on Sunday.\n\n"
        "The State Opera Ensemble reopened on Monday."
    )
    index = extract_actors([make_article(nlp, text)])
    kinds = {a.name: a.kind for a in index.actors}
    assert kinds["Marco Bellini"] == "person"
    assert kinds["State Opera Ensemble"] == "organization"  # "State" opens bodies' names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The Harbour Port Authority, the quay's manager, closed the pier.",
            "Harbour Port Authority",
        ),
        ("Patients were moved to Queen Marta Hospital on Monday.", "Queen Marta Hospital"),
        ("Lumen Group, the market leader, raised prices on Monday.", "Lumen Group"),
        ("Lumen Brands, the market leader, raised prices on Monday.", "Lumen Brands"),
    ],
)
def test_a_body_beside_a_role_or_after_a_royal_title_stays_a_body(
    nlp: Language, text: str, body: str
) -> None:
    kinds = {a.name: a.kind for a in extract_actors([make_article(nlp, text)]).actors}
    assert kinds[body] != "person"


@pytest.mark.parametrize(
    ("text", "person", "other"),
    [
        # A place is never a misspelt person, even of the same given name.
        (
            "Mayor Santa Lucena met the crew on Monday.\n\n"
            "The ferry sailed to Santa Lucina on Tuesday.",
            "Santa Lucena",
            "Santa Lucina",
        ),
        # A body's name is a misspelt person's only with the same given name.
        (
            "Mayor Sandra Vera met the crew on Monday.\n\n"
            "A spokesman for Sandro Vera said the crew was safe.",
            "Sandra Vera",
            "Sandro Vera",
        ),
    ],
)
def test_only_a_bodys_name_of_the_same_given_name_may_be_a_misspelt_person(
    nlp: Language, text: str, person: str, other: str
) -> None:
    names = {a.name: a.aliases for a in extract_actors([make_article(nlp, text)]).actors}
    assert person in names and other in names and other not in names[person]


def test_a_short_title_is_a_title_only_with_its_full_stop(nlp: Language) -> None:
    names = [a.name for a in extract_actors([make_article(nlp, "Gen Tanaka met the crew.")]).actors]
    assert names == ["Gen Tanaka"]
    text = "Gen. Rui Tanaka met the crew."
    assert [a.name for a in extract_actors([make_article(nlp, text)]).actors] == ["Rui Tanaka"]
    # The tokenizer may split the full stop off; the short title is still no body.
    text = "Army Maj. Lena Ortiz said the ferry was late."
    assert [a.name for a in extract_actors([make_article(nlp, text)]).actors] == ["Lena Ortiz"]


def test_a_lone_name_two_people_of_the_article_share_alike_joins_neither(nlp: Language) -> None:
    text = (
        "Speaker Ilko Yapa Varga said on Friday that he had accepted the resignation.\n\n"
        "The court ordered that Ilko Barmo, the former prime minister, could not leave the "
        "country.\n\n"
        "Ilko was forced out as prime minister in May after his supporters attacked protesters."
    )
    art = make_article(nlp, text)
    index = extract_actors([art])
    start = text.index("Ilko was")
    assert not {"Ilko Yapa Varga", "Ilko Barmo"} & set(index.actors_in(art.file, start, start + 4))
    assert not any(
        a.name in ("Ilko Yapa Varga", "Ilko Barmo") and "Ilko" in a.aliases for a in index.actors
    )


def test_a_lone_name_before_the_second_person_of_that_name_is_named_is_the_first(
    nlp: Language,
) -> None:
    text = (
        "Governor Tomas Kral opened the new bridge on Monday.\n\n"
        "Kral said the crossing would cut the journey to the coast by an hour.\n\n"
        "His wife, Dana Kral, cut the ribbon, and the couple walked across together.\n\n"
        "Kral later thanked the workers."
    )
    art = make_article(nlp, text)
    index = extract_actors([art])
    first = text.index("Kral said")
    assert tuple(index.actors_in(art.file, first, first + 4)) == ("Tomas Kral",)
    # Once both are named, the lone name may mean either.
    last = text.index("Kral later")
    assert not {"Tomas Kral", "Dana Kral"} & set(index.actors_in(art.file, last, last + 4))


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (
            "Mayor Nina Varga met the crew on Monday.\n\n"
            "A spokesman for N. Varga said the crew was safe.",
            True,
        ),
        (
            "Mayor Nina Varga met the crew on Monday. Her brother, Nils Varga, said he was glad."
            "\n\nA spokesman for N. Varga said the crew was safe.",
            False,
        ),
    ],
)
def test_an_initialled_name_is_the_one_person_of_that_surname_and_initial(
    nlp: Language, text: str, joined: bool
) -> None:
    names = {a.name: a.aliases for a in extract_actors([make_article(nlp, text)]).actors}
    assert ("N. Varga" in names.get("Nina Varga", ())) is joined
    assert ("N. Varga" in names.get("Nils Varga", ())) is False


def test_a_name_set_beside_a_spokesman_for_a_body_is_the_subject_a_pronoun_continues(
    nlp: Language,
) -> None:
    # The parser hangs the name on the body; the spokesman is the one named, and the subject.
    text = (
        "A deadline for the coup leaders to reinstate ousted President Tomas Kral expired at "
        "midnight Sunday, and the junta closed the airspace.\n\n"
        "In a statement read on television late Sunday, a spokesman for the military council, "
        "Col. Maj. Ilko Barmo, said the airspace was closed “in the face of the threat” that he "
        "said was growing. He claimed that troops had been deployed."
    )
    art = make_article(nlp, text)
    index = extract_actors([art])
    for he in (text.index("he said"), text.index("He claimed")):
        assert tuple(index.actors_in(art.file, he, he + 2)) == ("Ilko Barmo",)


@pytest.mark.parametrize(
    ("text", "body", "short"),
    [
        (
            "The Valmoran National Assembly voted on Friday. The Assembly said the law stood.",
            "Valmoran National Assembly",
            "Assembly",
        ),
        (
            "Acme Holdings fired its chief on Monday. Acme said the board had lost confidence.",
            "Acme Holdings",
            "Acme",
        ),
    ],
)
def test_a_body_written_short_is_the_one_body_of_that_longer_name(
    nlp: Language, text: str, body: str, short: str
) -> None:
    names = {a.name: a.aliases for a in extract_actors([make_article(nlp, text)]).actors}
    assert short in names[body]


def test_a_name_that_only_opens_a_longer_name_is_another_body(nlp: Language) -> None:
    text = (
        "Harbour Lines blamed the outage on Monday on a routing fault at Dorvale Internet "
        "Exchange. Dorvale said the upgrade was routine."
    )
    names = {a.name: a.aliases for a in extract_actors([make_article(nlp, text)]).actors}
    assert "Dorvale" in names and "Dorvale Internet Exchange" in names


@pytest.mark.parametrize(
    "text",
    [
        # Introduced as someone of their own, with an age and a relation.
        "Governor Tomas Kral, 61, opened the bridge on Monday.\n\n"
        "His son, T. Kral, 30, won the contract to build it. T. Kral declined to comment.",
        # A place that begins so is no one.
        "Wildfires forced thousands to flee San Orlo on Tuesday.\n\n"
        "A firefighter, S. Orlo, was treated for burns. S. Orlo said the wind had turned.",
    ],
)
def test_an_initialled_name_introduced_as_someone_else_joins_no_one(
    nlp: Language, text: str
) -> None:
    initialled = next(w for w in ("T. Kral", "S. Orlo") if w in text)
    index = extract_actors([make_article(nlp, text)])
    holder = next(a for a in index.actors if initialled == a.name or initialled in a.aliases)
    assert {"Tomas Kral", "San Orlo"}.isdisjoint({holder.name, *holder.aliases})


def test_a_lone_name_introduced_with_an_age_is_not_the_namesake_named_before(
    nlp: Language,
) -> None:
    text = (
        "Governor Tomas Kral opened the bridge on Monday.\n\n"
        "His daughter, a nurse in the capital, was among the first to cross. Kral, 24, said the "
        "crossing would change her commute.\n\n"
        "The daughter, Mira Kral, has lived in the capital since 2019."
    )
    art = make_article(nlp, text)
    index = extract_actors([art])
    at = text.index("Kral, 24")
    assert "Tomas Kral" not in index.actors_in(art.file, at, at + 4)


def test_a_name_beside_a_person_a_lawyer_speaks_for_is_not_the_lawyer(nlp: Language) -> None:
    text = (
        "Police Chief Marek Ostrov opened an inquiry on Sunday.\n\n"
        "A lawyer for the arrested activist, Dana Kral, 27, said she had been beaten in custody. "
        "He said he would file a complaint."
    )
    art = make_article(nlp, text)
    index = extract_actors([art])
    he = text.index("He said")
    assert "Dana Kral" not in index.actors_in(art.file, he, he + 2)


@pytest.mark.parametrize(
    ("text", "one", "other"),
    [
        (
            "Floods cut off the town of Alder on Monday. Alder Group, the town's largest "
            "employer, closed its plant.",
            "Alder",
            "Alder Group",
        ),
        (
            "Protesters marched through Brenna on Sunday. The governor of Brenna Province said "
            "the march in the city was peaceful.",
            "Brenna",
            "Brenna Province",
        ),
    ],
)
def test_a_place_is_not_the_body_or_the_province_whose_name_it_opens(
    nlp: Language, text: str, one: str, other: str
) -> None:
    names = {a.name: a.aliases for a in extract_actors([make_article(nlp, text)]).actors}
    assert one in names and other in names


def test_a_short_body_name_two_longer_names_hold_joins_neither(nlp: Language) -> None:
    text = (
        "The Bank of Valmora said on Friday that the lender would close. The World Bank said "
        "the risk to the region was low. The Bank said depositors would be paid."
    )
    names = {a.name: a.aliases for a in extract_actors([make_article(nlp, text)]).actors}
    assert "Bank" not in names.get("World Bank", ()) + names.get("Bank of Valmora", ())


def test_a_name_set_beside_a_calling_of_the_press_is_a_person(nlp: Language) -> None:
    text = (
        "The ministry condemned harassment aimed at Sabrina Okonjo-Tarr, the Harbour Journal "
        "correspondent who asked the question."
    )
    index = extract_actors([make_article(nlp, text)])
    assert index.kind(index.resolve("Sabrina Okonjo-Tarr")) == "person"


def test_a_name_the_tagger_missed_is_a_person_when_who_is_said_of_it(nlp: Language) -> None:
    text = (
        "Lena Berg, spokeswoman for the army, said 6,000 people were missing.\n\n"
        "Tamer Rasul, who heads the delegation of the Harbour Relief Federation, told reporters "
        "on Tuesday that the toll was rising. “The death toll is huge,” he said."
    )
    art = make_article(nlp, text)
    index = extract_actors([art])
    assert index.kind(index.resolve("Tamer Rasul")) == "person"
    he = text.index("he said")
    assert index.actors_in(art.file, he, he + 2) == ("Tamer Rasul",)


def test_who_said_of_a_bodys_or_a_places_name_makes_no_person(nlp: Language) -> None:
    index = extract_actors(
        [
            make_article(
                nlp,
                "Flood Relief Network, who coordinated the rescue, said 40 people were saved.\n\n"
                "Residents of Upper Dorvale, who lost power on Monday, said they were cold.",
            )
        ]
    )
    people = {a.name for a in index.actors if a.kind == "person"}
    assert not people & {"Flood Relief Network", "Upper Dorvale"}
