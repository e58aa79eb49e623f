"""The reader pages' plain helpers: word diffs, marked-up article text, date groups."""

from datetime import date
from types import SimpleNamespace

from stories.diff import highlight, word_segments
from stories.markup import Span, render_blocks
from stories.presenters import date_groups, gap_between


def test_facts_no_other_text_has_are_marked_and_paraphrase_is_not():
    a, b = highlight(["Kim pledged full support.", "Kim pledged complete support."])
    assert a == "Kim pledged full support."
    a, b = highlight(["Then Kim pledged 2 tanks.", "Then Lee pledged 3 tanks."])
    assert a == 'Then <mark class="diff">Kim</mark> pledged <mark class="diff">2</mark> tanks.'
    assert b == 'Then <mark class="diff">Lee</mark> pledged <mark class="diff">3</mark> tanks.'


def test_diff_ignores_case_punctuation_and_quote_styles():
    segs = word_segments(["He said “sacred war”.", "he said 'sacred war'"])
    assert not any(s.differs for group in segs for s in group)


def test_a_lone_text_has_nothing_marked_and_text_is_escaped():
    (only,) = highlight(["<b>bold</b> & co"])
    assert only == "&lt;b&gt;bold&lt;/b&gt; &amp; co"
    a, _ = highlight(["<i>X9</i> y", "z y"])
    assert a == '<mark class="diff">&lt;i&gt;X9&lt;/i&gt;</mark> y'


def test_a_word_shared_with_any_other_outlet_is_not_marked():
    a, b, c = highlight(["two missiles fired", "three missiles fired", "missiles fired"])
    assert a == '<mark class="diff">two</mark> missiles fired'
    assert b == '<mark class="diff">three</mark> missiles fired'
    assert "<mark" not in c


def test_blocks_are_labelled_and_spans_nest_safely():
    text = "Title\n\nOne two three four.\n\nPhoto: AP"
    blocks = [
        {"kind": "headline", "start": 0, "end": 5},
        {"kind": "body", "start": 7, "end": 26},
        {"kind": "caption", "start": 28, "end": 37},
    ]
    spans = [
        Span("evidence", 7, 26, anchor="s-7", links=[("/e/1/", "Event: one")]),
        Span("quote", 11, 20, anchor="q-1", links=[("/a/x/", "— X")]),
    ]
    title, body, caption = render_blocks(text, blocks, spans)
    assert title == '<p class="blk blk-headline">Title</p>'
    # The links are notes beside the paragraph, never chips inside its sentence; the spans
    # name them on hover.
    assert body == (
        '<div class="blk-row"><p class="blk blk-body">'
        '<span class="ev" id="s-7" title="Event: one">One </span>'
        '<span class="ev" title="Event: one"><span class="qt" id="q-1" title="— X">two three'
        '</span></span><span class="ev" title="Event: one"> four.</span></p>'
        '<div class="blk-notes"><ul><li><a class="ev-ref" href="/e/1/">Event: one</a></li>'
        '<li><a class="qt-ref" href="/a/x/">— X</a></li></ul></div></div>'
    )
    assert '<span class="blk-label">Caption</span>' in caption


def test_a_span_across_two_blocks_links_once_after_its_end():
    text = "aaa bbb\nccc ddd"
    blocks = [{"kind": "body", "start": 0, "end": 7}, {"kind": "body", "start": 8, "end": 15}]
    html = "".join(render_blocks(text, blocks, [Span("evidence", 4, 11, "s-4", [("/e/", "E")])]))
    assert html.count('href="/e/"') == 1 and html.count('id="s-4"') == 1
    assert html.index('href="/e/"') > html.index("ccc")


def test_no_blocks_means_one_body_block_and_bad_spans_are_ignored():
    (html,) = render_blocks("a < b", [], [Span("quote", 3, 99), Span("quote", 2, 1)])
    assert html == '<p class="blk blk-body">a &lt; b</p>'


def ev(start, end, granularity, qualifier=""):
    from stories.models import Event

    return Event(date_start=start, date_end=end, granularity=granularity, date_qualifier=qualifier)


def test_date_groups_say_how_far_apart_they_are():
    events = [
        ev(date(2019, 1, 1), date(2019, 12, 31), "year"),
        ev(date(2022, 1, 1), date(2022, 4, 30), "year", "early"),
        ev(date(2023, 1, 1), date(2023, 12, 31), "year"),
        ev(date(2023, 9, 12), date(2023, 9, 12), "day"),
        ev(date(2023, 9, 13), date(2023, 9, 13), "day"),
        ev(date(2023, 9, 13), date(2023, 9, 13), "day"),
        ev(None, None, ""),
    ]
    groups = date_groups(events)
    assert [g.label for g in groups] == [
        "2019",
        "Early 2022",
        "2023",
        "Tue 12 Sep 2023",
        "Wed 13 Sep 2023",
        "Undated",
    ]
    assert [g.gap for g in groups] == ["", "3 years later", "a year later", "", "", ""]
    assert len(groups[4].events) == 2


def test_gap_words():
    d = date
    assert gap_between(d(2020, 1, 1), d(2020, 1, 1), d(2020, 1, 6)) == ("5 days later", "s")
    assert gap_between(d(2020, 1, 1), d(2020, 1, 1), d(2020, 2, 1)) == ("4 weeks later", "m")
    assert gap_between(d(2020, 1, 1), d(2020, 1, 1), d(2020, 6, 1)) == ("5 months later", "l")
    assert gap_between(d(2020, 1, 1), d(2020, 12, 31), d(2020, 6, 1)) == ("", "")
    assert gap_between(None, None, d(2020, 6, 1)) == ("", "")


def test_presenters_need_no_database():
    # date_groups reads only attributes: any object with the Event's date fields will do.
    e = SimpleNamespace(date_label="2020", date_iso="2020", date_start=date(2020, 1, 1))
    e.date_end = date(2020, 12, 31)
    assert date_groups([e])[0].events == [e]


def test_date_filters_read_years_and_months_as_whole_periods():
    from django.http import QueryDict

    from stories.filters import TimelineFilter

    f = TimelineFilter.from_query(QueryDict("from=2022&to=2023-02"))
    assert (f.date_from, f.date_to) == (date(2022, 1, 1), date(2023, 2, 28))
    f = TimelineFilter.from_query(QueryDict("to=2023"))
    assert f.date_to == date(2023, 12, 31)
    f = TimelineFilter.from_query(QueryDict("from=2023-13&to=soon"))
    assert f.date_from is None and f.date_to is None and len(f.errors) == 2
