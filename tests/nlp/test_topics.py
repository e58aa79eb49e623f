from spacy.language import Language

from stories.nlp.topics import load_taxonomy, topics_for

TAXONOMY = load_taxonomy()


def test_taxonomy_is_general_and_of_useful_size() -> None:
    assert 12 <= len(TAXONOMY.topics) <= 18
    assert len({t.slug for t in TAXONOMY.topics}) == len(TAXONOMY.topics)


def test_lemmas_match_inflected_words(nlp: Language) -> None:
    doc = nlp("The government sanctioned three banks and imposed new tariffs on steel imports.")
    found = topics_for(doc, TAXONOMY)
    assert "sanctions" in found
    assert "trade" in found


def test_phrases_match_in_plain_text() -> None:
    assert "climate" in topics_for("Leaders discussed climate change at length.", TAXONOMY)


def test_unrelated_sentence_has_no_topics(nlp: Language) -> None:
    assert topics_for(nlp("The cat slept on the sofa all afternoon."), TAXONOMY) == ()


def test_general_election_is_about_elections_not_the_military(nlp: Language) -> None:
    found = topics_for(nlp("The party lost the general election in June."), TAXONOMY)
    assert "elections" in found
    assert "military" not in found


def test_office_space_is_not_about_space(nlp: Language) -> None:
    assert "space" not in topics_for(nlp("The firm rented new office space downtown."), TAXONOMY)
    assert "space" in topics_for(nlp("The space agency plans a crewed mission."), TAXONOMY)


def test_ambiguous_single_words_need_their_phrase(nlp: Language) -> None:
    assert (
        topics_for(nlp("The minister said the power of the deal was its sentence."), TAXONOMY) == ()
    )
    found = topics_for(nlp("He was charged with fraud after the arms deal."), TAXONOMY)
    assert "crime" in found and "military" in found and "trade" not in found
    assert "energy" in topics_for(nlp("The power plant closed."), TAXONOMY)
    assert "diplomacy" in topics_for(nlp("The foreign minister flew home."), TAXONOMY)


def test_plain_text_matches_inflected_words_by_stem() -> None:
    found = topics_for("Government sanctioned three banks", TAXONOMY)
    assert "sanctions" in found and "economy" in found
    assert topics_for("Cats sleep", TAXONOMY) == ()
