"""Links that keep working: filters kept on the way back, merged events redirect, hidden 404."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from stories import corrections
from stories import models as m
from tests.factories import make_story, make_summit_story


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "x" * 20)
    client.force_login(user)
    return client


def event_url(story, event, query: str = "") -> str:
    return reverse("stories:event", args=[story.slug, event.pk]) + query


def test_an_event_opened_from_a_filtered_timeline_leads_back_to_the_same_filter(client, db):
    story = make_story(4)
    event = story.events.order_by("date_start").first()
    # The card's link takes the page's filter in the browser (static/js/newsroom.js; the
    # browser journeys check it); the event page turns it into the way back.
    page = client.get(event_url(story, event, "?actor=alice-example")).content.decode()
    assert f'href="/stories/{story.slug}/?actor=alice-example"' in page
    assert "your filters kept" in page


def test_a_merged_events_old_address_leads_to_the_event_it_joined(client, db):
    story = make_story(4)
    first, second, third = story.events.order_by("pk")[:3]
    first_url, second_url = event_url(story, first), event_url(story, second)
    corrections.merge_events(second, [first])
    response = client.get(first_url + "?topic=diplomacy")
    assert response.status_code == 301
    assert response["Location"] == second_url + "?topic=diplomacy"
    # Merged again, the oldest address follows it to the newest survivor.
    corrections.merge_events(third, [second])
    assert client.get(first_url)["Location"] == event_url(story, third)
    assert client.get(second_url)["Location"] == event_url(story, third)


def test_a_hidden_event_is_a_plain_404_page_with_the_way_back(client, db):
    story = make_story(2)
    event = story.events.first()
    event.hidden = True
    event.save()
    response = client.get(event_url(story, event, "?actor=bob-sample"))
    assert response.status_code == 404
    html = response.content.decode()
    assert "This event is not in the timeline" in html
    assert f'href="/stories/{story.slug}/?actor=bob-sample"' in html
    assert event.title not in html


def test_merge_confirmation_shows_each_candidates_outlets_and_evidence(editor_client, db):
    story = make_story(3)
    first, second = story.events.order_by("pk")[:2]
    changelist = reverse("admin:stories_event_changelist")
    page = editor_client.post(
        changelist, {"action": "merge_events", "_selected_action": [first.pk, second.pk]}
    ).content.decode()
    assert "Keep which event?" in page
    for source in m.EventSource.objects.filter(event__in=[first, second]):
        assert source.sentence in page
    assert "Outlet 0</strong>" in page and "Outlet 1</strong>" in page


def test_history_after_a_merge_names_both_events(editor_client, db):
    story = make_story(3)
    first, second = story.events.order_by("pk")[:2]
    changelist = reverse("admin:stories_event_changelist")
    editor_client.post(
        changelist,
        {
            "action": "merge_events",
            "_selected_action": [first.pk, second.pk],
            "post": "yes",
            "survivor": second.pk,
        },
    )
    message = LogEntry.objects.get(object_id=str(second.pk)).get_change_message()
    assert f"#{first.pk} “{first.title}”" in message
    assert f"#{second.pk} “{second.title}”" in message
    assert "None" not in message
    first_url = reverse("stories:event", args=[story.slug, first.pk])
    assert editor_client.get(first_url).status_code == 301


def test_event_list_shows_dates_at_their_granularity_and_undated_last(editor_client, db):
    make_story(2, rich=True)
    html = editor_client.get(reverse("admin:stories_event_changelist")).content.decode()
    assert ">2016<" in html and "1 Jan 2016" not in html
    assert html.index("First meeting of the two leaders") < html.index("Event number 0")
    assert html.index("Event number 1") < html.index("Talks are expected to continue")


def test_change_page_lists_locked_fields_in_words_and_evidence_makers(editor_client, db):
    story = make_story(1)
    event = story.events.get()
    event.lock("title", "sources", "date_start", "granularity")
    event.save()
    html = editor_client.get(reverse("admin:stories_event_change", args=[event.pk])).content
    html = html.decode()
    assert "date, evidence (merged, split, attached or detached), title" in html
    assert '["date_start"' not in html
    assert "the machine" in html  # who added each piece of evidence, in words
    assert 'textarea name="title"' in html
    assert "View on site" in html


def test_staff_see_an_edit_link_on_reader_pages_and_readers_do_not(editor_client, db):
    story = make_story(1)
    event = story.events.get()
    edit = reverse("admin:stories_event_change", args=[event.pk])
    assert edit in editor_client.get(event_url(story, event)).content.decode()
    assert edit not in Client().get(event_url(story, event)).content.decode()


def test_an_editors_story_title_is_locked(editor_client, db):
    story = make_story(1)
    url = reverse("admin:stories_story_change", args=[story.pk])
    response = editor_client.post(url, {"title": "A title a reader understands"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "A title a reader understands"
    assert story.is_locked("title")


def test_the_event_page_names_the_outlets_and_says_where_they_disagree(client, db):
    story = make_summit_story()
    event = story.events.get(title="North Korea launches two ballistic missiles")
    html = client.get(event_url(story, event)).content.decode()
    assert "Where outlets disagree" in html
    assert "Kim Jong Un did it" in html and "Kim Jong Un was away" in html
    assert "independent outlets:" in html and "Switch TV" in html
    assert "article" not in html.split("Reported by</dt>")[1].split("</dd>")[0]


def test_a_page_seen_as_a_reader_is_not_reused_once_logged_in_as_staff(
    client, django_user_model, db
):
    story = make_story(1)
    event = story.events.get()
    url = event_url(story, event)
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    staff = django_user_model.objects.create_superuser("boss", "b@example.org", "x" * 20)
    client.force_login(staff)
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Edit this event" in response.content.decode()
