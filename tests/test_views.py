import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from stories import models as m
from stories.views import EVENTS_PER_PAGE
from tests.factories import make_story

HX = {"HTTP_HX_REQUEST": "true"}


def timeline_url(story: m.Story) -> str:
    return reverse("stories:timeline", args=[story.slug])


def test_story_list_links_each_story(client, db):
    story = make_story(1)
    html = client.get("/").content.decode()
    assert timeline_url(story) in html


def test_timeline_renders_full_page_with_every_event(client, db):
    story = make_story(4)
    response = client.get(timeline_url(story))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert html.count("data-event-id=") == 4
    assert "HX-Request" in response["Vary"]


def test_htmx_request_gets_only_the_fragment(client, db):
    story = make_story(4)
    response = client.get(timeline_url(story), {"actor": "alice-example"}, **HX)
    html = response.content.decode()
    assert "<html" not in html
    # The results, then the facets' new counts swapped in out of band; no form, no chrome.
    assert html.lstrip().startswith('<section id="timeline-results"')
    assert "<form" not in html and "<nav" not in html
    assert html.count('hx-swap-oob="true"') == 4  # three facets and the text and date fields
    assert html.count("data-event-id=") == 2
    assert "HX-Request" in response["Vary"]


def test_history_restore_gets_the_full_page(client, db):
    story = make_story(2)
    response = client.get(timeline_url(story), **HX, HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_filters_combine_with_and_across_facets(client, db):
    story = make_story(6)
    both = client.get(timeline_url(story), {"actor": "alice-example", "topic": "diplomacy"})
    ids = {
        e.pk
        for e in story.events.all()
        if e.actors.filter(slug="alice-example").exists()
        and e.topics.filter(slug="diplomacy").exists()
    }
    html = both.content.decode()
    assert html.count("data-event-id=") == len(ids) == 1


def test_outlet_filter_keeps_events_that_outlet_reported(client, db):
    story = make_story(4)
    html = client.get(timeline_url(story), {"outlet": "outlet-1"}).content.decode()
    html = html.split('id="timeline-panel"')[1]  # the results, not the story's lede
    # Outlet 1 reports only the even-numbered events.
    assert "Event number 0" in html and "Event number 2" in html
    assert "Event number 1" not in html


def test_facet_counts_follow_the_current_filter(client, db):
    story = make_story(6)
    html = client.get(timeline_url(story), {"actor": "bob-sample"}).content.decode()
    # Bob: events 1, 3, 5
    assert '<span class="count">3<span class="visually-hidden"> events</span></span>' in html


def test_hidden_events_are_not_shown(client, db):
    story = make_story(3)
    story.events.filter(title="Event number 1").update(hidden=True)
    html = client.get(timeline_url(story)).content.decode()
    assert "Event number 1" not in html
    assert html.count("data-event-id=") == 2


def test_bad_date_filter_explains_itself(client, db):
    story = make_story(2)
    html = client.get(timeline_url(story), {"from": "soon"}).content.decode()
    assert "is not a date" in html
    assert html.count("data-event-id=") == 2


def test_timeline_query_count_does_not_grow_with_events(client, db):
    small, large = make_story(10, slug="small"), make_story(120, slug="large")
    counts = []
    for story in (small, large):
        with CaptureQueriesContext(connection) as ctx:
            client.get(timeline_url(story), {"actor": "alice-example"})
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_event_page_shows_every_outlets_evidence(client, db):
    story = make_story(1)
    event = story.events.get()
    html = client.get(event.get_absolute_url()).content.decode()
    # The sentences differ in one number: the one no other outlet gives anywhere is marked.
    assert "Sentence 0 from 0." in html
    assert 'Sentence 0 from <mark class="diff">1.</mark>' in html
    assert f'data-event-id="{event.pk}"' in html


def test_event_of_another_story_is_not_found(client, db):
    make_story(1, slug="one")
    other = make_story(1, slug="two")
    event = other.events.get()
    assert client.get(f"/stories/one/events/{event.pk}/").status_code == 404


def test_actor_page_lists_the_actors_events(client, db):
    story = make_story(4)
    html = client.get(reverse("stories:actor", args=[story.slug, "bob-sample"])).content.decode()
    assert "Bob Sample" in html
    assert html.count("data-event-id=") == 2


def test_export_link_respects_the_current_filter(client, db):
    story = make_story(4)
    data = client.get(
        reverse("stories:export", args=[story.slug, "json"]), {"actor": "bob-sample"}
    ).json()
    assert [e["title"] for e in data["events"]] == ["Event number 1", "Event number 3"]


# The reader's other pages ------------------------------------------------------------------

import pytest  # noqa: E402


def page_urls(story: m.Story) -> dict[str, str]:
    """One URL of each reader page of a story built by make_story(rich=True)."""
    event = story.events.filter(title="Event number 0").get()
    article = story.articles.order_by("file_name").first()
    return {
        "timeline": timeline_url(story),
        "timeline-filtered": timeline_url(story) + "?actor=alice-example&outlet=outlet-1&q=number",
        "event": reverse("stories:event", args=[story.slug, event.pk]),
        "coverage": reverse("stories:coverage", args=[story.slug]),
        "quotes": reverse("stories:quotes", args=[story.slug]),
        "quotes-filtered": reverse("stories:quotes", args=[story.slug]) + "?speaker=alice-example",
        "actor": reverse("stories:actor", args=[story.slug, "alice-example"]),
        "articles": reverse("stories:articles", args=[story.slug]),
        "article": reverse("stories:article", args=[story.slug, article.pk]),
    }


def query_counts(client, story: m.Story) -> dict[str, int]:
    counts = {}
    for name, url in page_urls(story).items():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(ctx.captured_queries)
    return counts


def test_every_page_runs_the_same_queries_for_10_and_500_events(client, db):
    small = query_counts(client, make_story(10, slug="small", rich=True))
    large = query_counts(client, make_story(500, slug="large", rich=True))
    assert small == large
    # The timeline's ceiling includes its story header (articles, which article reports which
    # event, the events' dates, people, the lede's sentences): a fixed cost, whatever the number
    # of events.
    assert max(small.values()) <= 15, small


def test_timeline_groups_events_under_their_date_with_the_gap_between(client, db):
    story = make_story(2, rich=True)
    html = client.get(timeline_url(story)).content.decode()
    for label in ("2016", "Early 2018", "Wed 1 Jan 2020", "Thu 2 Jan 2020", "Undated"):
        assert f">{label}</" in html
    assert "2 years later" in html and "next day" not in html
    # The group header carries the date: the card does not repeat it, it says how it was found.
    assert html.count(">Wed 1 Jan 2020<") == 1
    assert 'title="Resolved against the publication date">date worked out<' in html


def test_timeline_marks_single_outlet_verified_and_corrected_events(client, db):
    story = make_story(2, rich=True)
    html = client.get(timeline_url(story)).content.decode()
    assert "only one outlet" in html
    assert "verified</span>" in html
    assert "corrected</span>" in html
    assert "dates differ" in html
    # One badge per reporting article, unnamed outlets by their headline, never a file name.
    assert "Unnamed: “Headline 2”" in html
    assert ".txt" not in html.split("<main")[1]


def test_active_filter_chips_show_names_and_remove_one_value(client, db):
    story = make_story(4)
    html = client.get(timeline_url(story), {"actor": "bob-sample", "topic": "diplomacy"}).content
    html = html.decode()
    assert '<span class="chip-kind">Who:</span> Bob Sample' in html
    assert '<span class="chip-kind">Topic:</span> Diplomacy' in html
    assert f'href="{timeline_url(story)}?topic=diplomacy"' in html  # Bob removed
    assert "Clear all" in html


def test_text_and_date_filters(client, db):
    story = make_story(5, rich=True)
    html = client.get(timeline_url(story), {"q": "sentence 3 from"}).content.decode()
    assert html.count("data-event-id=") == 1 and "Event number 3" in html
    html = client.get(timeline_url(story), {"from": "2019", "to": "2020-01-02"}).content.decode()
    assert html.count("data-event-id=") == 2


def test_timeline_links_exports_for_the_current_filter(client, db):
    story = make_story(3)
    html = client.get(timeline_url(story), {"actor": "bob-sample"}).content.decode()
    for fmt in ("json", "csv", "timelinejs"):
        assert f"/stories/{story.slug}/export.{fmt}?actor=bob-sample" in html


def test_long_timelines_are_paged(client, db):
    story = make_story(130)
    first = client.get(timeline_url(story)).content.decode()
    assert first.count("data-event-id=") == EVENTS_PER_PAGE
    assert "?page=2" in first
    pages = -(-130 // EVENTS_PER_PAGE)
    last = client.get(timeline_url(story), {"page": pages}).content.decode()
    assert last.count("data-event-id=") == 130 - (pages - 1) * EVENTS_PER_PAGE
    # A page before the first is the first, not (as a page past the end is) the last.
    for before in ("0", "-1"):
        html = client.get(timeline_url(story), {"page": before}).content.decode()
        assert html.count("data-event-id=") == EVENTS_PER_PAGE and "?page=2" in html


def test_every_htmx_get_has_a_plain_link_or_form_action(client, db):
    story = make_story(3, rich=True)
    for name, url in page_urls(story).items():
        html = client.get(url).content.decode()
        for tag in re.findall(r"<(?:a|form|input|details)\b[^>]*\bhx-get=[^>]*>", html):
            kind = tag.split()[0]
            if kind == "<a":
                assert "href=" in tag, (name, tag)
            elif kind == "<details":
                # The sources fragment's placeholder is a plain link to the event page.
                assert 'hx-target="find .sources-body"' in tag, tag
            elif kind == "<input":
                assert 'hx-include="closest form"' in tag, tag
            else:
                assert "action=" in tag, (name, tag)


def test_expanding_an_event_gets_its_sources_fragment(client, db):
    story = make_story(1)
    event = story.events.get()
    response = client.get(event.get_absolute_url(), **HX)
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div id="event-{event.pk}-sources"')
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]
    article = story.articles.order_by("file_name").first()
    source = event.sources.get(article=article)
    assert f"/articles/{article.pk}/#s-{source.start}" in html


def test_event_page_shows_how_its_date_was_found_and_its_quotes(client, db):
    story = make_story(1, rich=True)
    event = story.events.get(title="First meeting of the two leaders")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "from the words “in 2016”" in html
    # Outlet 1's article did not report it; the reading still names the outlet, not a file.
    assert "<strong>2017</strong> from “in 2017” in Outlet 1" in html
    quoted = story.events.get(title="Event number 0")
    html = client.get(quoted.get_absolute_url()).content.decode()
    assert "Said at this event" in html
    assert '<mark class="diff">today</mark>' in html  # a fact only one variant gives
    assert '<mark class="diff">have</mark>' not in html  # wording is not a fact


def test_coverage_matrix_shows_who_reported_what(client, db):
    story = make_story(4, rich=True)
    html = client.get(reverse("stories:coverage", args=[story.slug])).content.decode()
    assert "<table" in html and '<th scope="col"' in html and '<th scope="row"' in html
    assert "Unnamed outlet" in html
    # Outlet 0 alone reports the odd events: they are its unique events.
    assert "reported, only here" in html
    assert "Reported by this article alone" in html


def test_quotes_page_groups_variants_and_filters(client, db):
    story = make_story(6, rich=True)
    url = reverse("stories:quotes", args=[story.slug])
    html = client.get(url).content.decode()
    assert "One remark as 2 outlets printed it" in html
    assert "reported speech" in html and "via an interpreter" in html
    response = client.get(url, {"speaker": "bob-sample"}, **HX)
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="quotes-panel"')
    assert "HX-Request" in response["Vary"]
    assert "Alice Example</a>" not in fragment.split('class="results"')[1]
    assert '<span class="chip-kind">Speaker:</span> Bob Sample' in fragment
    restore = client.get(
        url, {"speaker": "bob-sample"}, **HX, HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in restore.content.decode()
    by_outlet = client.get(url, {"outlet": "outlet-1"}).content.decode()
    assert "One remark as" not in by_outlet  # only one rendering of each remark left


def test_actor_page_lists_aliases_events_and_quotes_in_date_order(client, db):
    story = make_story(6, rich=True)
    html = client.get(reverse("stories:actor", args=[story.slug, "alice-example"])).content
    html = html.decode()
    assert "“A. Example”" in html and "Person" in html
    assert html.index("point 0 ") < html.index("point 5 ")
    assert "Outlet 0" in html


def test_article_page_anchors_evidence_and_quotes(client, db):
    story = make_story(5, rich=True)
    article = story.articles.get(file_name=f"{story.slug}-0.txt")
    html = client.get(reverse("stories:article", args=[story.slug, article.pk])).content.decode()
    source = article.event_sources.order_by("start").first()
    assert f'id="s-{source.start}"' in html
    assert f"/events/{source.event_id}/" in html
    assert "/actors/alice-example/" in html
    assert '<span class="blk-label">Caption</span>' in html
    assert '<span class="blk-label">Not part of the story</span>' in html


def test_article_text_is_escaped(client, db):
    story = make_story(1)
    article = story.articles.first()
    raw = 'Hi <script>alert(1)</script> & <b onclick="x()">bold</b> said "it".'
    article.raw_text = raw
    article.blocks = [{"kind": "body", "start": 0, "end": len(raw)}]
    article.save()
    # An evidence span and a quote that overlap the markup.
    m.EventSource.objects.filter(article=article).update(start=3, end=30)
    m.Quote.objects.create(article=article, text="bold", key="k", start=25, end=50, direct=True)
    html = client.get(reverse("stories:article", args=[story.slug, article.pk])).content.decode()
    text = html.split('class="article-text">')[1].split('<div class="blk-notes">')[0]
    assert "<script" not in text and "<b " not in text
    # With our own tags (span, p, div) taken out, the article reads exactly as written, escaped.
    plain = re.sub(r"</?(span|p|div)\b[^>]*>", "", text).strip()
    assert plain == escape(raw)
    # Our spans are well nested: every opened span is closed.
    assert text.count("<span") == text.count("</span>")


@pytest.mark.parametrize("name", ["event", "actor", "article"])
def test_other_stories_objects_are_not_found(client, db, name):
    make_story(1, slug="one", rich=True)
    other = make_story(1, slug="two", rich=True)
    url = page_urls(other)[name].replace("/stories/two/", "/stories/one/")
    if name == "actor":
        url = url.replace("alice-example", "nobody")
    assert client.get(url).status_code == 404


def test_unknown_story_is_not_found(client, db):
    for name in ("stories:timeline", "stories:coverage", "stories:quotes", "stories:articles"):
        assert client.get(reverse(name, args=["nope"])).status_code == 404


def test_date_range_keeps_the_words_the_reader_typed(client, db):
    story = make_story(3)
    html = client.get(timeline_url(story), {"from": "2020", "to": "2020-01"}).content.decode()
    assert 'value="2020"' in html and 'value="2020-01"' in html
    assert html.count("data-event-id=") == 3


def test_date_labels_read_at_the_dates_granularity():
    from datetime import date

    def label(start, end, granularity, qualifier=""):
        return m.Event(
            date_start=start, date_end=end, granularity=granularity, date_qualifier=qualifier
        ).date_label

    assert label(date(2019, 1, 1), date(2019, 12, 31), "year") == "2019"
    assert label(date(2022, 1, 1), date(2022, 4, 30), "year", "early") == "Early 2022"
    assert label(date(2023, 5, 1), date(2023, 5, 31), "month") == "May 2023"
    assert label(date(2023, 9, 13), date(2023, 9, 13), "day") == "Wed 13 Sep 2023"
    assert label(date(2023, 8, 1), date(2023, 12, 31), "year", "after") == "After July 2023"
    assert label(date(2023, 1, 1), date(2023, 12, 31), "year", "after") == "Later in 2023"
    assert m.Event().date_label == "Undated"
