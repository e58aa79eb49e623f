from spacy.language import Language

from stories.nlp.actors import extract_actors
from stories.nlp.quotes import extract_quotes, find_quoted, group_variants
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


def test_participle_and_pronoun_attribution(nlp: Language) -> None:
    text = (
        "French President Emmanuel Macron met the striking workers in Lyon.\n\n"
        "He thanked them, saying, “Your work keeps this country running.”"
    )
    [quote] = quotes_of(nlp, text)
    assert quote.speaker == "Emmanuel Macron" and quote.cue == "say"


def test_role_noun_speaker_and_partial_quote(nlp: Language) -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva hosted Argentine President Javier Milei.\n\n"
        "The Brazilian leader pledged his “unconditional friendship” to the guests."
    )
    [quote] = quotes_of(nlp, text)
    assert quote.direct and quote.text == "unconditional friendship" and quote.cue == "pledge"
    assert quote.speaker == "Luiz Inacio Lula da Silva"


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
        "Japanese Prime Minister Fumio Kishida met reporters in Tokyo.\n\n"
        "Translating Kishida’s words, the interpreter said the visit was “a turning point.”"
    )
    direct = [q for q in quotes_of(nlp, text) if q.direct]
    assert [(q.speaker, q.via_interpreter) for q in direct] == [("Fumio Kishida", True)]


def _q(text: str, speaker: str = "A", file: str = "a.txt", start: int = 0) -> Quote:
    return Quote(
        file=file, text=text, start=start, end=start + len(text), direct=True, speaker=speaker
    )


def test_fragments_and_renderings_of_one_remark_share_a_group() -> None:
    quotes = [
        _q("We stand together in the sacred fight against oppression.", file="a.txt"),
        _q("sacred fight", file="b.txt"),
        _q("sacred struggle", file="c.txt"),
        _q("The harvest this year was the best in a decade.", file="d.txt"),
        _q("sacred fight", speaker="B", file="e.txt"),
    ]
    groups = [q.variant_group for q in group_variants(quotes)]
    assert groups[0] == groups[1] == groups[2]
    assert len({groups[0], groups[3], groups[4]}) == 3


def test_quotes_at_different_events_stay_apart() -> None:
    a = Quote("a.txt", "we will win", 0, 11, True, "A", event=1)
    b = Quote("b.txt", "we will win", 0, 11, True, "A", event=2)
    ga, gb = (q.variant_group for q in group_variants([a, b]))
    assert ga is not None and ga != gb
