from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories import models as m
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
    assert html.lstrip().startswith('<div id="timeline-panel"')
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
    # The sentences differ in one word, which is marked as that outlet's own wording.
    assert 'Sentence 0 from <mark class="diff">0.</mark>' in html
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
