"""The differences marked between outlets' sentences are the ones that change the facts."""

from stories.diff import word_segments


def marked(texts: list[str]) -> list[list[str]]:
    return [[s.text for s in segs if s.differs] for segs in word_segments(texts)]


def test_function_words_and_paraphrase_are_left_alone() -> None:
    texts = [
        "The mayor gave her complete backing to the plan in a speech.",
        "The mayor offered full support for the plan during an address.",
    ]
    assert marked(texts) == [[], []]


def test_numbers_names_dates_and_negations_are_marked() -> None:
    texts = [
        "On Monday, Mayor Ana Ruiz said 40 homes were flooded.",
        "Mayor Ruiz said 60 homes were not flooded on Tuesday.",
    ]
    first, second = marked(texts)
    assert first == ["Monday,", "Ana", "40"]
    assert second == ["60", "not", "Tuesday."]


def test_a_name_another_outlet_gives_elsewhere_is_not_marked() -> None:
    texts = [
        "Rescuers reached Oslo before Bergen sent help.",
        "Bergen sent help after rescuers reached Oslo.",
    ]
    assert marked(texts) == [[], []]


def test_who_said_or_ordered_it_is_marked() -> None:
    first, second = marked(["The general ordered the retreat.", "The retreat began at night."])
    assert "ordered" in first
