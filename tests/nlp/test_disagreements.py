from stories.nlp.disagreements import find_disagreements

KIM = ["Mara Lund", "Lund", "Ms Lund"]


def test_one_outlet_makes_her_the_doer_and_two_put_her_away() -> None:
    found = find_disagreements(
        [
            ("Daily A", "Mara Lund ordered the dam's gates opened at dawn."),
            ("Daily B", "The gates were opened while Lund was abroad."),
            ("Daily C", "Engineers opened the gates; Ms Lund was not in the country."),
        ],
        [KIM],
    )
    assert len(found) == 1
    who = found[0]
    assert who.kind == "who" and who.about == "Mara Lund"
    assert [c.sources for c in who.claims] == [("Daily A",), ("Daily B", "Daily C")]


def test_outlets_agreeing_on_who_did_it_raise_nothing() -> None:
    found = find_disagreements(
        [
            ("Daily A", "Mara Lund ordered the gates opened."),
            ("Daily B", "Lund personally ordered the opening of the gates."),
        ],
        [KIM],
    )
    assert found == []


def test_different_counts_of_one_thing_disagree_and_years_are_not_counts() -> None:
    found = find_disagreements(
        [
            ("Daily A", "Two missiles were fired in 2023."),
            ("Daily B", "Three missiles were fired in 2022, officials said."),
            ("Daily C", "The army fired 2 missiles."),
        ]
    )
    assert len(found) == 1
    number = found[0]
    assert number.kind == "number" and number.about == "missiles"
    assert {c.text: c.sources for c in number.claims} == {
        "2 missiles": ("Daily A", "Daily C"),
        "3 missiles": ("Daily B",),
    }


def test_an_event_that_gains_a_report_reads_only_the_new_sentence_for_roles() -> None:
    from stories.nlp import disagreements

    sources = [
        ("Daily A", "Mara Lund ordered the dam's gates opened at dawn."),
        ("Daily B", "The gates were opened while Lund was abroad."),
    ]
    disagreements._role_of.cache_clear()
    find_disagreements(sources, [KIM])
    read = disagreements._role_of.cache_info().misses
    joined = ("Daily C", "Engineers opened the gates; Ms Lund was not in the country.")

    found = find_disagreements([*sources, joined], [KIM])

    assert disagreements._role_of.cache_info().misses == read + 1
    assert [c.sources for c in found[0].claims] == [("Daily A",), ("Daily B", "Daily C")]
