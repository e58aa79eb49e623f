import pytest

from stories.nlp.stems import stem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("launching", "launched"),
        ("satellites", "satellite"),
        ("talks", "talk"),
        ("imperialist", "imperialism"),
        ("developing", "development"),
    ],
)
def test_forms_of_one_word_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("war", "ward"), ("poll", "pollution"), ("aid", "aide")])
def test_different_words_keep_different_stems(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_a_double_s_is_no_plural() -> None:
    assert stem("press") == "press"
    assert stem("gas") == "gas"
