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
