"""Variant groups on hand-made quotes: which renderings are one remark, and which are not."""

from dataclasses import replace

import pytest

from stories.nlp.types import Quote
from stories.nlp.variants import group_variants, share_events, speech_act


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


def _in(text: str, words: str, file: str, speaker: str = "A", direct: bool = True, **kw) -> Quote:
    """A quote of ``words`` as it sits in ``text``, its sentence being the whole text."""
    start = text.index(words)
    return Quote(
        file=file,
        text=words,
        start=start,
        end=start + len(words),
        direct=direct,
        speaker=speaker,
        sentence_start=0,
        sentence_end=len(text),
        **kw,
    )


def test_a_shared_head_noun_alone_does_not_make_one_remark() -> None:
    quotes = [
        _q("holy battle", file="a.txt"),
        _q("holy combat", file="b.txt"),
        _q("battle against corruption", file="c.txt"),
    ]
    ga, gb, gc = (q.variant_group for q in group_variants(quotes))
    assert ga == gb != gc


def test_sentences_rendered_apart_elsewhere_are_split() -> None:
    a = "She said: “Thank you for the warm welcome. We will never abandon the green transition.”"
    b = "She vowed never to abandon the “green transition”."
    long = "Thank you for the warm welcome. We will never abandon the green transition."
    texts = {"a.txt": a, "b.txt": b}
    out = group_variants([_in(a, long, "a.txt"), _in(b, "green transition", "b.txt")], texts)
    assert [q.text for q in out] == [
        "Thank you for the warm welcome.",
        "We will never abandon the green transition.",
        "green transition",
    ]
    assert out[0].variant_group != out[1].variant_group == out[2].variant_group
    assert all(a[q.start : q.end] == q.text for q in out[:2])


def test_a_quote_of_several_sentences_stays_whole_when_nothing_splits_it() -> None:
    a = "He said: “We came to listen. We leave with a plan.”"
    [out] = group_variants(
        [_in(a, "We came to listen. We leave with a plan.", "a.txt")], {"a.txt": a}
    )
    assert out.text == "We came to listen. We leave with a plan."


def test_items_of_one_list_are_one_remark() -> None:
    a = "The agenda, she said, covers “trade barriers” and “fishing rights”."
    b = "She named “fishing rights” among the topics."
    c = "She also spoke of “school meals” and, later, of “bus fares”."
    texts = {"a.txt": a, "b.txt": b, "c.txt": c}
    quotes = [
        _in(a, "trade barriers", "a.txt"),
        _in(a, "fishing rights", "a.txt"),
        _in(c, "school meals", "c.txt"),
        _in(c, "bus fares", "c.txt"),
    ]
    g = [q.variant_group for q in group_variants(quotes, texts)]
    assert g[0] == g[1] and g[2] != g[3]


def test_reported_speech_joins_the_quote_whose_framing_describes_it() -> None:
    a = "Asked whether Norway would fund the new harbour cranes, Berg said: “That is the plan.”"
    b = "Berg said that Norway would fund harbour cranes."
    texts = {"a.txt": a, "b.txt": b}
    quotes = [
        _in(a, "That is the plan.", "a.txt", speaker="Berg"),
        _in(b, "Norway would fund harbour cranes", "b.txt", speaker="Berg", direct=False),
        _in(b, "Norway would fund harbour cranes", "c.txt", speaker="Other", direct=False),
    ]
    g = [q.variant_group for q in group_variants(quotes, texts)]
    assert g[0] == g[1] != g[2]


def test_same_build_at_the_same_event_is_one_phrase_translated() -> None:
    quotes = [
        _q("total and lasting commitment", file="a.txt"),
        _q("complete and enduring loyalty", file="b.txt"),
        _q("complete and enduring loyalty", file="c.txt"),
    ]
    quotes = [replace(quotes[0], event=3), replace(quotes[1], event=3), replace(quotes[2], event=4)]
    g = [q.variant_group for q in group_variants(quotes)]
    assert g[0] == g[1] and g[0] != g[2]


def test_events_of_one_day_do_not_keep_a_remark_apart() -> None:
    a = Quote("a.txt", "we will win", 0, 11, True, "A", event=1)
    b = Quote("b.txt", "we will win", 0, 11, True, "A", event=2)
    c = Quote("c.txt", "we will win", 0, 11, True, "A", event=3)
    days = [None, "2024-05-01", "2024-05-01", "2024-06-09"]
    ga, gb, gc = (q.variant_group for q in group_variants([a, b, c], event_days=days))
    assert ga == gb != gc


def test_a_remark_takes_the_event_its_other_renderings_agree_on() -> None:
    quotes = [
        replace(_q("we will win", file="a.txt"), variant_group=0, event=2),
        replace(_q("we will win", file="b.txt"), variant_group=0, event=2),
        replace(_q("we will win", file="c.txt"), variant_group=0),
        replace(_q("not now", file="c.txt", start=40), variant_group=1),
    ]
    assert [q.event for q in share_events(quotes)] == [2, 2, 2, None]


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("I am delighted to meet you here at last.", "welcome"),
        ("her pleasure at seeing them", "welcome"),
        ("We warmly welcome our neighbours.", "welcome"),
        ("Welcome to Oslo!", "welcome"),
        ("I am pleased to meet President Lind.", "welcome"),
        ("We welcome the decision.", None),  # approval, not a greeting
        ("I am happy to see the deal signed.", None),
        ("We invite you to visit us next year.", "invite"),
        ("our deepest condolences to the families", "condolences"),
        ("We are not going to apologise.", "not-apology"),
        ("We are deeply grateful for the help.", "thanks"),
        ("his appreciation for the invitation", "thanks"),
        ("Thank you for the warm welcome.", "thanks"),  # the first cue is the act
        ("We stand with the farmers.", "support"),
        ("firm backing", "support"),
        ("Congratulations on the result.", "congratulate"),
        ("We do not support this plan.", "not-support"),
        ("Thanks to the rain, the harvest was good.", None),
        ("We will stand on the shore.", None),
        ("the fight against poverty", None),
    ],
)
def test_speech_act_of_a_quote(text: str, act: str | None) -> None:
    assert speech_act(text) == act


def _act(text: str, file: str, speaker: str = "A", event: int | None = 1, start: int = 0):
    return Quote(file, text, start, start + len(text), True, speaker, event=event)


def test_renderings_of_one_speech_act_share_a_group() -> None:
    days = ["2024-05-01", "2024-05-01", "2024-05-01"]
    quotes = [
        _act("I am delighted to meet you here at last.", "a.txt", event=0),
        _act("her pleasure at seeing them", "b.txt", event=1),
        _act("We are deeply grateful for the help.", "a.txt", start=50, event=0),
        _act("her gratitude for the opportunity to meet", "c.txt", event=2),
        _act("unwavering support for the coalition", "b.txt", start=40, event=1),
        _act("We stand with our partners in everything they decide.", "c.txt", start=60, event=2),
    ]
    g = [q.variant_group for q in group_variants(quotes, event_days=days)]
    assert g[0] == g[1] and g[2] == g[3] and g[4] == g[5]
    assert len({g[0], g[2], g[4]}) == 3  # different acts of one speaker stay apart


def test_one_speech_act_needs_one_speaker_one_day_and_a_clear_counterpart() -> None:
    days = ["2024-05-01", "2024-06-09"]
    apart = [
        # different speakers
        [_act("firm backing", "a.txt"), _act("We support them.", "b.txt", speaker="B")],
        # different days
        [_act("firm backing", "a.txt", event=0), _act("We support them.", "b.txt", event=1)],
        # said where? without an event the act alone is too weak
        [_act("firm backing", "a.txt", event=None), _act("We support them.", "b.txt")],
        # support and its negation
        [_act("firm backing", "a.txt"), _act("We do not support them.", "b.txt")],
        # support aimed at two different parties
        [_act("We support Ukraine.", "a.txt"), _act("firm backing for Moldova", "b.txt")],
    ]
    for pair in apart:
        ga, gb = (q.variant_group for q in group_variants(pair, event_days=days))
        assert ga != gb
    # An article with two support remarks of the speaker leaves open which one is meant.
    quotes = [
        _act("firm backing", "a.txt"),
        _act("We support the farmers.", "b.txt"),
        _act("We also support the new port.", "b.txt", start=40),
    ]
    g = [q.variant_group for q in group_variants(quotes, event_days=days)]
    assert len(set(g)) == 3
    # One party named two ways is one aim.
    pair = [_act("support for President Lind", "a.txt"), _act("We stand with Lind.", "b.txt")]
    ga, gb = (q.variant_group for q in group_variants(pair, event_days=days))
    assert ga == gb


def test_a_speech_act_does_not_join_groups_an_article_tells_apart() -> None:
    # c.txt renders the two remarks as two quotes: the act they share must not join them.
    quotes = [
        _act("our unwavering support", "a.txt"),
        _act("We stand with them, come what may.", "b.txt"),
        _act("unwavering support", "c.txt"),
        _act("come what may", "c.txt", start=40),
    ]
    g = [q.variant_group for q in group_variants(quotes)]
    assert g[0] == g[2] and g[1] == g[3] and g[0] != g[1]


def test_a_sentence_joined_only_by_its_act_keeps_its_quote_whole() -> None:
    a = "She said: “I am glad to see you here. This time, in the north.”"
    b = "She voiced her pleasure in meeting them."
    whole = "I am glad to see you here. This time, in the north."
    quotes = [
        replace(_in(a, whole, "a.txt"), event=1),
        replace(_in(b, "her pleasure in meeting them", "b.txt", direct=False), event=1),
    ]
    out = group_variants(quotes, {"a.txt": a, "b.txt": b})
    assert [q.text for q in out] == [whole, "her pleasure in meeting them"]
    assert out[0].variant_group == out[1].variant_group


def test_two_sentences_of_one_quote_are_one_counterpart_for_an_act() -> None:
    b = "She said: “We support you. We stand with you.”"
    quotes = [
        _act("firm backing", "a.txt"),
        replace(_in(b, "We support you. We stand with you.", "b.txt"), event=1),
    ]
    out = group_variants(quotes, {"a.txt": "“firm backing”", "b.txt": b})
    assert len({q.variant_group for q in out}) == 1


def test_a_welcome_joins_whatever_place_or_guest_each_rendering_names() -> None:
    quotes = [
        _act("I am delighted to see you here in Oslo.", "a.txt"),
        _act("her pleasure at meeting Lind", "b.txt"),
    ]
    ga, gb = (q.variant_group for q in group_variants(quotes, event_days=["d", "d"]))
    assert ga == gb
