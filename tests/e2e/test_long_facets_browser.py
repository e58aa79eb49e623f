"""A reader of a long story: "Show all" from the keyboard, a facet's search, a reload's 304."""

import pytest
from playwright.sync_api import expect

from stories import caching
from tests.e2e.conftest import screenshot
from tests.test_facets import crowded_story

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENTS = "[data-event-id]"
BOXES = "#facet-actor input[type=checkbox]"


def test_show_all_search_and_tick_a_rare_value_from_the_keyboard(live_server, page, monkeypatch):
    story = crowded_story()
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    page.evaluate("window.__sameDocument = true")
    assert page.locator(BOXES).count() == 8

    more = page.get_by_role("link", name="Show all 32 people and organisations")
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator(BOXES)).to_have_count(32)
    # Focus lands on the first value "Show all" revealed, not back at the top of the page.
    expect(page.locator("#f-actor-person-06")).to_be_focused()

    search = page.get_by_label("Find among the 32 people and organisations")
    search.press_sequentially("person 2", delay=20)
    expect(page.locator(BOXES)).to_have_count(10)
    page.get_by_label("Person 29").check()
    page.wait_for_url("**actor=person-29**")
    expect(page.locator(EVENTS)).to_have_count(2)
    # The ticked value stays listed and ticked after the counts are swapped in.
    assert page.get_by_label("Person 29").is_checked()
    assert page.evaluate("window.__sameDocument") is True
    screenshot(page, "long-facet-searched-desktop")

    # The URL htmx pushed was never loaded whole: the first reload gets the page, the next
    # asks with its ETag and is answered 304 (the browser shows its copy).
    page.reload()
    answers = []
    real = caching.get_conditional_response

    def recorded(request, **kwargs):
        answer = real(request, **kwargs)
        # The page's own answer; the overview it loads after it is asked (and answered) apart.
        if "/overview/" not in request.path:
            answers.append(answer)
        return answer

    monkeypatch.setattr(caching, "get_conditional_response", recorded)
    page.reload()
    expect(page.locator(EVENTS)).to_have_count(2)
    assert [a.status_code if a else 200 for a in answers] == [304]
    assert page.console_errors == []


def test_the_quotes_pages_long_speaker_list_opens_and_searches_in_place(live_server, page):
    from stories import models as m
    from tests.factories import make_story

    story = make_story(2, slug="talkative")
    article = story.articles.first()
    speakers = m.Actor.objects.bulk_create(
        [m.Actor(story=story, name=f"Speaker {k:02d}", slug=f"speaker-{k:02d}") for k in range(20)]
    )
    m.Quote.objects.bulk_create(
        [
            m.Quote(article=article, speaker=a, text=f"Words {k}", key=f"k{k}", start=0, end=5)
            for k, a in enumerate(speakers)
        ]
    )
    boxes = "#facet-speaker input[type=checkbox]"
    page.goto(f"{live_server.url}/stories/{story.slug}/quotes/")
    page.evaluate("window.__sameDocument = true")
    assert page.locator(boxes).count() == 8
    page.get_by_role("link", name="Show all 20 speakers").click()
    expect(page.locator(boxes)).to_have_count(20)
    # The list is in the page before htmx has wired its search box; focus moving to the first
    # revealed value is the sign that it has (typing earlier would go unheard).
    expect(page.locator("#facet-speaker-values li:nth-child(9) input")).to_be_focused()
    page.get_by_label("Find among the 20 speakers").fill("speaker 1")
    expect(page.locator(boxes)).to_have_count(10)
    page.get_by_role("checkbox", name="Speaker 17").check()
    page.wait_for_url("**speaker=speaker-17**")
    expect(page.locator(".speaker-group")).to_have_count(1)
    assert page.get_by_role("checkbox", name="Speaker 17").is_checked()
    assert page.evaluate("window.__sameDocument") is True
    assert page.console_errors == []
