"""Two journeys at a desktop's and a phone's width, with screenshots of each step:

- a reader opens the story, reads the lede, filters by a person and an outlet, opens an event
  and comes back to the same filter;
- an editor merges two events choosing by their evidence, then opens the merged one's old URL.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from stories import derived
from stories import models as m
from tests.e2e.conftest import screenshot
from tests.factories import make_summit_story

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 390}
PASSWORD = "a long editor passphrase"


@pytest.fixture(params=list(WIDTHS))
def sized(request, browser):
    name = request.param
    context = browser.new_context(viewport={"width": WIDTHS[name], "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield name, page
    context.close()


def events_shown(page) -> int:
    return page.locator("[data-event-id]").count()


def test_a_reader_reads_the_lede_filters_opens_an_event_and_comes_back(live_server, sized):
    size, page = sized
    story = make_summit_story()
    derived.refresh(story)
    page.goto(f"{live_server.url}/")
    screenshot(page, f"journey-{size}-1-stories")
    page.get_by_role("link", name=story.title).click()
    page.wait_for_url(f"**/stories/{story.slug}/")

    lede = page.locator(".story-lede")
    assert lede.is_visible()
    sentences = lede.locator("a.lede-sentence")
    assert 2 <= sentences.count() <= 3
    assert page.locator(".story-facts").get_by_text("13 September 2023").is_visible()
    # Events come before the filters on a phone: the first event is on the first screen.
    first_event_top = page.locator("[data-event-id]").first.bounding_box()["y"]
    if size == "phone":
        assert first_event_top < 900 + 600  # a lede and an overview above, not 800 px of filters
        assert not page.locator("#timeline-filters").is_visible()
    # The overview's marks are links in the keyboard's tab order.
    page.locator("a.ov-mark").first.wait_for()
    assert page.evaluate("document.querySelector('a.ov-mark').tabIndex") == 0
    screenshot(page, f"journey-{size}-2-timeline")

    if size == "phone":
        page.get_by_role("button", name="Filters").click()
        assert page.locator("#timeline-filters").is_visible()
    page.get_by_label("Kim Jong Un").check()
    page.wait_for_url("**actor=kim-jong-un**")
    page.get_by_label("Switch TV").check()
    page.wait_for_url("**outlet=switch-tv**")
    expected = (
        story.events.filter(actors__slug="kim-jong-un")
        .filter(sources__article__outlet__slug="switch-tv", sources__detached=False)
        .distinct()
        .count()
    )
    expect(page.locator("[data-event-id]")).to_have_count(expected)
    filtered_url = page.url
    assert page.locator("#announce").text_content().strip().startswith(f"{expected} of ")
    screenshot(page, f"journey-{size}-3-filtered")

    page.locator("[data-event-id] h4 a").first.click()
    page.wait_for_url("**/events/**")
    assert "actor=kim-jong-un" in page.url and "outlet=switch-tv" in page.url
    screenshot(page, f"journey-{size}-4-event")
    page.get_by_role("link", name=re.compile("← Timeline")).click()
    page.wait_for_url(filtered_url)
    assert events_shown(page) == expected
    if size == "phone":
        page.get_by_role("button", name=re.compile("Filters")).click()
    assert page.get_by_label("Kim Jong Un").is_checked()
    assert page.get_by_label("Switch TV").is_checked()
    screenshot(page, f"journey-{size}-5-back")
    assert page.console_errors == []


def test_an_editor_merges_by_evidence_and_the_old_url_follows(
    live_server, sized, django_user_model
):
    size, page = sized
    story = make_summit_story()
    editor = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name=m.EDITOR_GROUP))
    meeting = story.events.get(title="Putin and Kim meet at the Vostochny Cosmodrome")
    tour = story.events.get(title="The leaders tour the Soyuz-2 launch facility")

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/stories/event/?story__id__exact={story.pk}")
    screenshot(page, f"editor-{size}-1-event-list")
    if size == "desktop":
        # At 1280 px the list and the change page fit: titles wide, nothing scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        title_cell = page.locator("td.field-title, th.field-title").first.bounding_box()
        assert title_cell["width"] >= 300
        # Hidden and Corrected are on screen, not clipped by the list's own scrolling.
        assert page.evaluate(
            "document.querySelector('th.column-corrected').getBoundingClientRect().right"
            " <= document.querySelector('.results').getBoundingClientRect().right"
        )
        page.goto(f"{live_server.url}/admin/stories/event/{meeting.pk}/change/")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.locator("textarea#id_title").is_visible()
        assert page.get_by_role("link", name="View on site").is_visible()
        screenshot(page, "editor-desktop-change-page")
        page.goto(f"{live_server.url}/admin/stories/event/?story__id__exact={story.pk}")
    for event in (meeting, tour):
        page.check(f"input[name=_selected_action][value='{event.pk}']")
    page.select_option("select[name=action]", "merge_events")
    page.click("button[name=index]")
    page.get_by_role("heading", name="Keep which event?").wait_for()

    # Choose by evidence: keep the event more outlets' sentences support.
    blocks = page.locator(".merge-evidence")
    counts = [len(blocks.nth(n).locator("li").all()) for n in range(blocks.count())]
    candidates = [meeting, tour] if meeting.pk < tour.pk else [tour, meeting]
    keep, gone = (candidates[0], candidates[1])
    if counts[1] > counts[0]:
        keep, gone = gone, keep
    assert keep == meeting
    assert page.get_by_text(re.compile("Switch TV")).first.is_visible()
    page.check(f"input[name=survivor][value='{keep.pk}']")
    screenshot(page, f"editor-{size}-2-merge-by-evidence")
    page.click("input[value='Yes, merge']")
    page.locator(".messagelist .success").wait_for()

    page.goto(f"{live_server.url}/stories/{story.slug}/events/{gone.pk}/")
    page.wait_for_url(f"**/events/{keep.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == keep.title
    assert page.get_by_role("link", name="Edit this event").is_visible()
    screenshot(page, f"editor-{size}-3-old-url-followed")
    page.goto(f"{live_server.url}/admin/stories/event/{keep.pk}/history/")
    history = page.locator("#change-history").inner_text()
    assert f"#{gone.pk}" in history and f"#{keep.pk}" in history and "None" not in history
    screenshot(page, f"editor-{size}-4-history")
    assert page.console_errors == []
