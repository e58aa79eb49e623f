"""What a reader meets: the story header, the overview, quotes counted by outlet, the article."""

import re

from django.urls import reverse

from stories import derived
from stories import models as m
from tests.factories import make_story, make_summit_story


def page(client, name: str, *args, query: dict | None = None) -> str:
    return client.get(reverse(f"stories:{name}", args=args), query or {}).content.decode()


def test_the_timeline_opens_with_a_lede_of_linked_sentences_dates_people_and_outlets(client, db):
    story = make_summit_story()
    derived.refresh(story)
    html = page(client, "timeline", story.slug)
    header = html.split('class="story-header"')[1].split("</header>")[0]
    links = re.findall(r'class="lede-sentence" href="/stories/summit/events/(\d+)/"', header)
    assert 2 <= len(links) <= 3
    # The most-reported events, in the order they happened.
    assert str(story.events.get(title="Putin and Kim meet at the Vostochny Cosmodrome").pk) in links
    assert '<time datetime="2023-09-13">13 September 2023</time>' in header
    assert ">Kim Jong Un</a>" in header and ">Vladimir Putin</a>" in header
    assert "Switch TV" in header and "Big Big News" in header
    assert ".txt" not in header


def test_the_landing_page_shows_each_storys_lede_date_and_people(client, db):
    make_summit_story()
    html = page(client, "story_list")
    assert "story-lede" in html and "13 September 2023" in html and "Kim Jong Un" in html


def test_an_editor_set_title_is_the_storys_name_everywhere(client, db):
    story = make_story(1)
    story.title = "Bridge closes for two years"
    story.lock("title")
    story.save()
    assert "Bridge closes for two years" in page(client, "story_list")
    html = page(client, "timeline", story.slug)
    assert re.search(r"<h1 [^>]*>Bridge closes for two years</h1>", html)


def test_the_overview_draws_every_event_of_the_filter_as_a_link_kept_in_the_filter(client, db):
    story = make_story(6, rich=True)
    timeline = page(client, "timeline", story.slug, query={"actor": "alice-example"})
    # The page loads the overview of the form's filter (a plain link without JavaScript);
    # the results' fragment does not carry it.
    slot = timeline.split('id="overview-slot"')[1].split("</div>")[0]
    assert 'hx-get="/stories/test-story/overview/" hx-include="#timeline-filters"' in slot
    assert 'href="/stories/test-story/overview/?actor=alice-example"' in slot
    html = page(client, "overview", story.slug, query={"actor": "alice-example"})
    assert "← Timeline" in html  # its own page, for readers without JavaScript
    svg = html.split('<svg class="overview-svg"')[1].split("</svg>")[0]
    marks = re.findall(r'<a class="ov-mark[^"]*" href="([^"]+)"', svg)
    dated = story.events.filter(actors__slug="alice-example").exclude(date_start=None)
    assert len(marks) == dated.count()
    assert all(href.endswith("?actor=alice-example") for href in marks)
    assert "Background" in svg and "Main day" in svg
    assert 'aria-label="' in svg  # each mark names its event for screen readers


def test_the_results_heading_counts_in_the_singular_too(client, db):
    story = make_story(1)
    assert ">1 event<" in page(client, "timeline", story.slug).replace("\n", "").replace("  ", "")


def test_phones_get_a_filters_button_tied_to_the_form(client, db):
    story = make_story(2)
    html = page(client, "timeline", story.slug, query={"actor": "alice-example"})
    assert 'class="filters-button" aria-controls="timeline-filters"' in html


def test_a_remark_counts_distinct_outlets_the_same_on_the_event_and_quotes_pages(client, db):
    story = make_summit_story()
    derived.refresh(story)
    event_page = page(
        client, "event", story.slug, story.events.get(title__startswith="Kim pledges").pk
    )
    quotes_page = page(client, "quotes", story.slug)
    event_counts = re.findall(r"One remark as (\d+) outlets? printed it", event_page)
    quote_counts = re.findall(r"One remark as (\d+) outlets? printed it", quotes_page)
    assert event_counts and set(event_counts) <= set(quote_counts)
    for group in story.articles.values_list("quotes__variant_group", flat=True):
        if group is None:
            continue
        quotes = m.Quote.objects.filter(variant_group=group, hidden=False)
        outlets = {q.article.outlet_id or f"a{q.article_id}" for q in quotes}
        assert len(outlets) <= quotes.count()


def test_speakers_are_ordered_by_how_much_they_said(client, db):
    story = make_summit_story()
    html = page(client, "quotes", story.slug)
    names = re.findall(r'class="speaker-name"><a href="[^"]+">([^<]+)</a>', html)
    said = {
        a.name: m.Quote.objects.filter(speaker=a, hidden=False).count() for a in story.actors.all()
    }
    counts = [said[n] for n in names]
    assert names and counts == sorted(counts, reverse=True)


def test_a_quote_of_a_few_words_is_shown_in_its_sentence(client, db):
    story = make_summit_story()
    quote = m.Quote.objects.filter(text="sacred war").first()
    html = page(client, "quotes", story.slug)
    context = html.split(f"#q-{quote.pk}")[1].split("</figure>")[0]
    assert 'class="quote-context"' in context
    assert "<strong>sacred war</strong>" in context


def test_article_notes_sit_beside_the_text_and_a_page_date_is_explained(client, db):
    story = make_summit_story()
    article = story.articles.get(file_name__startswith="004_")
    html = page(client, "article", story.slug, article.pk)
    text = html.split('class="article-text">')[1]
    paragraphs = re.findall(r'<p class="blk blk-body">(.*?)</p>', text, re.S)
    assert paragraphs and not any("ev-ref" in p or "qt-ref" in p for p in paragraphs)
    assert 'class="blk-notes"' in text
    assert "The page itself shows" in html and "30 September 2023" in html
    assert "not the day of the story" in html
    assert article.file_name not in html


def test_the_quotes_page_filters_with_the_timelines_filter_and_chips(client, db):
    from django.http import QueryDict

    from stories.filters import TimelineFilter

    story = make_summit_story()
    query = QueryDict("speaker=kim-jong-un&outlet=switch-tv&actor=vladimir-putin")
    filters = TimelineFilter.from_query(query)
    quotes = filters.apply_to_quotes(m.Quote.objects.for_story(story).visible())
    assert {(q.speaker.slug, q.article.outlet.slug) for q in quotes} == {
        ("kim-jong-un", "switch-tv")
    }
    html = page(client, "quotes", story.slug, query=query)
    chips = html.split('class="active-filters"')[1].split("</ul>")[0]
    assert '<span class="chip-kind">Speaker:</span> Kim Jong Un' in chips
    assert '<span class="chip-kind">Outlet:</span> Switch TV' in chips
    assert "Who:" not in chips  # the quotes page does not filter by actor: no chip for it
    assert 'hx-target="#quotes-panel"' in chips
    timeline = page(client, "timeline", story.slug, query={"actor": "kim-jong-un"})
    timeline_chips = timeline.split('class="active-filters"')[1].split("</ul>")[0]
    # One partial: the same markup, aimed at each page's own panel.
    assert '<span class="chip-kind">Who:</span> Kim Jong Un' in timeline_chips
    assert timeline_chips.replace("timeline", "X").count('class="active-chip"') == 1


def test_a_long_filter_is_drawn_as_bars_linking_to_their_dates(client, db):
    story = make_story(120)
    url = reverse("stories:overview", args=[story.slug])
    html = client.get(url, {"topic": "diplomacy"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<h1" not in html and "<circle" in html  # 40 events: a mark each, the fragment alone
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    svg = html.split('<svg class="overview-svg"')[1].split("</svg>")[0]
    assert "ov-bar" in svg and "<circle" not in svg  # 120 events: bars
    bars = re.findall(r'<a class="ov-mark ov-bar" href="([^"]+)" aria-label="(\d+) events', svg)
    assert sum(int(n) for _, n in bars) == story.events.count()
    assert "from=2020-01-01" in bars[0][0]


def test_the_overview_of_a_filter_without_a_main_day_still_draws(client, db):
    story = make_summit_story()
    derived.refresh(story)
    # Only events dated by year before 2023: none falls on a day, let alone a main one.
    html = page(client, "overview", story.slug, query={"to": "2022"})
    svg = html.split('<svg class="overview-svg"')[1].split("</svg>")[0]
    marks = re.findall(r'<a class="ov-mark[^"]*" href="([^"]+)"', svg)
    dated = story.events.filter(date_start__lte="2022-12-31").exclude(date_start=None)
    assert dated.exists() and len(marks) == dated.count()
