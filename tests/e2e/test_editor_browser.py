"""An editor (staff, in the Editor group, not a superuser) merges two events in the admin."""

from datetime import date

import pytest

from stories import models as m
from tests.e2e.conftest import screenshot
from tests.factories import editor_group, make_story

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long editor passphrase"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(editor_group())
    return user


def two_reports_of_one_meeting() -> tuple[m.Story, m.Event, m.Event]:
    story = make_story(0, slug="meeting")
    first_article, second_article = story.articles.order_by("file_name")
    day = date(2023, 9, 13)
    events = []
    for title, article in (("Leaders meet", first_article), ("Summit held", second_article)):
        event = m.Event.objects.create(
            story=story, title=title, date_start=day, date_end=day, granularity="day"
        )
        m.EventSource.objects.create(
            event=event, article=article, sentence=f"{title} today.", start=0, end=5
        )
        events.append(event)
    return story, *events


def test_an_editor_merges_two_events_and_readers_see_one(live_server, page, editor):
    story, first, second = two_reports_of_one_meeting()

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/stories/event/")
    for event in (first, second):
        page.check(f"input[name=_selected_action][value='{event.pk}']")
    page.select_option("select[name=action]", "merge_events")
    page.click("button[name=index]")

    page.get_by_role("heading", name="Keep which event?").wait_for()
    page.check(f"input[name=survivor][value='{first.pk}']")
    screenshot(page, "admin-merge-confirmation")
    page.click("input[value='Yes, merge']")
    page.locator(".messagelist .success").wait_for()

    page.goto(f"{live_server.url}/stories/{story.slug}/")
    events = page.locator("[data-event-id]")
    assert events.count() == 1
    assert events.first.get_attribute("data-event-id") == str(first.pk)
    outlets = events.first.locator(".outlets .badge").all_inner_texts()
    assert sorted(outlets) == ["Outlet 0", "Outlet 1"]
    screenshot(page, "timeline-after-merge")
    assert page.console_errors == []
