"""Reader pages are cached under the story's version and answer a repeat with 304: never stale.

A correction (an editor's save in the admin, an ingest run) gives the story a new version, so
the very next request renders the page again and old ETags stop matching.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories import models as m
from stories.ingest import ingest
from stories.nlp import story as story_module
from tests.factories import make_story

SUMMIT = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "summit"
HX = {"HTTP_HX_REQUEST": "true"}


def timeline_url(story: m.Story) -> str:
    return reverse("stories:timeline", args=[story.slug])


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "x" * 20)
    client.force_login(user)
    return client


def test_a_repeat_with_the_pages_etag_gets_304_without_a_body(client, db):
    story = make_story(3)
    first = client.get(timeline_url(story))
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get(timeline_url(story), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(timeline_url(story), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    # Browsers must ask before reusing it.
    assert "no-cache" in first["Cache-Control"]


def test_a_304_costs_one_query(client, db):
    story = make_story(30)
    etag = client.get(timeline_url(story))["ETag"]
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(timeline_url(story), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert len(ctx.captured_queries) == 1


def test_the_fragment_the_page_and_each_filter_have_their_own_etag(client, db):
    story = make_story(3)
    url = timeline_url(story)
    tags = {
        client.get(url)["ETag"],
        client.get(url, **HX)["ETag"],
        client.get(url, {"actor": "bob-sample"})["ETag"],
        client.get(url, **HX, HTTP_HX_HISTORY_RESTORE_REQUEST="true")["ETag"],
    }
    assert len(tags) == 4
    page_etag = client.get(url)["ETag"]
    # A fragment request never gets a 304 for the page's body, nor the page for a fragment's.
    assert client.get(url, HTTP_IF_NONE_MATCH=page_etag, **HX).status_code == 200


def test_every_reader_page_and_export_answers_a_repeat_with_304(client, db):
    story = make_story(2, rich=True)
    event = story.events.first()
    article = story.articles.first()
    urls = [
        timeline_url(story),
        reverse("stories:event", args=[story.slug, event.pk]),
        reverse("stories:coverage", args=[story.slug]),
        reverse("stories:quotes", args=[story.slug]),
        reverse("stories:articles", args=[story.slug]),
        reverse("stories:article", args=[story.slug, article.pk]),
        reverse("stories:actor", args=[story.slug, "alice-example"]),
        reverse("stories:export", args=[story.slug, "json"]),
        reverse("stories:export", args=[story.slug, "csv"]) + "?actor=alice-example",
    ]
    for url in urls:
        etag = client.get(url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url


def test_a_repeated_request_is_answered_from_the_cache(client, db):
    story = make_story(60, rich=True)
    url = timeline_url(story) + "?actor=alice-example"
    with CaptureQueriesContext(connection) as cold:
        first = client.get(url, **HX).content
    with CaptureQueriesContext(connection) as warm:
        second = client.get(url, **HX).content
    assert first == second
    assert len(warm.captured_queries) == 1 < len(cold.captured_queries)  # the story, no more
    client.get(url)
    with CaptureQueriesContext(connection) as page:
        assert "Event number 0" in client.get(url).content.decode()
    assert len(page.captured_queries) == 1


def test_an_editors_save_shows_at_once_on_a_cached_page(editor_client, client, db):
    story = make_story(3)
    url = timeline_url(story)
    before = client.get(url)
    assert "Event number 1" in before.content.decode()
    event = story.events.get(title="Event number 1")
    change = reverse("admin:stories_event_change", args=[event.pk])
    form = editor_client.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update(
        title="The corrected title",
        date_start="2020-01-02",
        actors=[a.pk for a in event.actors.all()],
        topics=[],
    )
    data.pop("story", None)
    data.update({"sources-TOTAL_FORMS": "0", "sources-INITIAL_FORMS": "0"})
    data.update({"quotes-TOTAL_FORMS": "0", "quotes-INITIAL_FORMS": "0"})
    response = editor_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    html = after.content.decode()
    assert "The corrected title" in html and "Event number 1" not in html
    # The filtered fragment and the facets were cached too; they follow as well.
    fragment = client.get(url, {"actor": "bob-sample"}, **HX).content.decode()
    assert "The corrected title" in fragment


def test_hiding_an_event_takes_it_off_the_cached_page_and_its_counts(editor_client, client, db):
    story = make_story(4)
    url = timeline_url(story)
    assert client.get(url).content.decode().count("data-event-id=") == 4
    event = story.events.get(title="Event number 3")
    editor_client.post(
        reverse("admin:stories_event_changelist"),
        {"action": "hide_events", "_selected_action": [event.pk], "index": 0},
    )
    html = client.get(url).content.decode()
    assert html.count("data-event-id=") == 3
    assert "3 events" in html


def test_an_ingest_commit_shows_at_once_on_a_cached_page(client, db, monkeypatch):
    ingest([SUMMIT], story_slug="summit")
    story = m.Story.objects.get(slug="summit")
    url = timeline_url(story)
    before = client.get(url)
    first = story.events.visible().chronological().first()
    assert first.title in before.content.decode()

    real = story_module.extract_story

    def renamed(*args, **kwargs):
        extraction = real(*args, **kwargs)
        events = [replace(e, title="A title the new rules give") for e in extraction.events]
        return replace(extraction, events=tuple(events))

    monkeypatch.setattr(story_module, "extract_story", renamed)
    ingest([SUMMIT], story_slug="summit", force=True)
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "A title the new rules give" in after.content.decode()


def test_an_actor_page_is_rendered_once_a_version_and_follows_a_rename(client, db):
    story = make_story(40)
    url = reverse("stories:actor", args=[story.slug, "alice-example"])
    assert "Alice Example" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    assert len(warm.captured_queries) == 2  # the story and the actor
    actor = story.actors.get(slug="alice-example")
    actor.name = "Alice Renamed"
    actor.save()
    html = client.get(url).content.decode()
    assert "Alice Renamed" in html and "Alice Example" not in html
