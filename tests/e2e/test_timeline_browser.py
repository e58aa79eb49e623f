import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot
from tests.factories import make_story

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def event_ids(page) -> set[str]:
    script = "els => els.map(e => e.dataset.eventId)"
    return set(page.eval_on_selector_all("[data-event-id]", script))


def test_filtering_by_actor_swaps_events_without_a_reload(live_server, page):
    story = make_story(6)
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    assert len(event_ids(page)) == 6
    page.evaluate("window.__sameDocument = true")

    page.get_by_label("Alice Example").check()
    page.wait_for_url("**actor=alice-example**")

    assert page.evaluate("window.__sameDocument") is True  # no full reload happened
    alice = {str(e.pk) for e in story.events.filter(actors__slug="alice-example")}
    expect(page.locator("[data-event-id]")).to_have_count(3)
    assert event_ids(page) == alice
    assert page.get_by_role("heading", name="3 of 6 events").is_visible()
    screenshot(page, "timeline-filtered")

    page.go_back()
    expect(page.locator("[data-event-id]")).to_have_count(6)
    assert "actor=" not in page.url
    assert page.console_errors == []
