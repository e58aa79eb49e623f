"""The pipeline's own components, on top of the trained model."""

from spacy.language import Language

from stories.nlp.readings import model_id

from .test_quotes import _said


def test_a_title_written_short_does_not_end_the_sentence(nlp: Language) -> None:
    doc = nlp(
        "Lena Varga held talks with the coup leaders, including Brig. Gen. Ilko Barmo, the "
        "army chief. He was promoted to Gen. Then he left."
    )
    assert [s.text for s in doc.sents] == [
        "Lena Varga held talks with the coup leaders, including Brig. Gen. Ilko Barmo, the "
        "army chief.",
        "He was promoted to Gen.",
        "Then he left.",
    ]


def test_she_after_a_name_with_a_short_title_is_the_sentences_subject(nlp: Language) -> None:
    said = _said(
        nlp,
        "On Monday, Deputy Secretary of State Lena Varga held talks in Tarrow with the coup "
        "leaders, including Brig. Gen. Ilko Barmo, the new army chief. She described the talks "
        "as “extremely frank.”",
    )
    assert said["extremely frank"] == "Lena Varga"


def test_a_reading_depends_on_the_pipelines_components(nlp: Language) -> None:
    assert "title_abbreviations" in model_id(nlp)


def test_a_lowercase_word_like_a_title_still_ends_its_sentence(nlp: Language) -> None:
    doc = nlp("Workers met a union rep. Lena Varga, the union's leader, said the strike was on.")
    assert len(list(doc.sents)) == 2
