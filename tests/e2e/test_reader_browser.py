"""What a reader does on the summit story: filter, go back, expand, compare, read."""

import pytest
from playwright.sync_api import expect

from stories.filters import TimelineFilter
from tests.e2e.conftest import screenshot
from tests.factories import make_summit_story

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENTS = "[data-event-id]"


def count(page, selector: str) -> int:
    return page.locator(selector).count()


def settled(page) -> None:
    """Wait until htmx has finished swapping and settling (a reader is never this quick)."""
    busy = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"
    expect(page.locator(busy)).to_have_count(0)
    page.wait_for_timeout(50)


def facet_count(page, name: str) -> str:
    return page.locator(f"label[for='{name}'] .count").inner_text().split()[0]


def test_filter_by_actor_and_outlet_in_place_then_back(live_server, page):
    story = make_summit_story()
    restores = []
    page.on(
        "request",
        lambda r: restores.append(r.url) if r.headers.get("hx-history-restore-request") else None,
    )
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    total = count(page, EVENTS)
    assert total == story.events.count()
    page.evaluate("window.__sameDocument = true")
    switch_tv_before = facet_count(page, "f-outlet-switch-tv")

    page.get_by_label("Alexander Kozlov").check()
    page.wait_for_url("**actor=alexander-kozlov**")
    expect(page.locator(EVENTS)).to_have_count(1)
    assert page.get_by_role("heading", name=f"1 of {total} events").is_visible()
    # Counts follow the filter: Switch TV reported none of Kozlov's events.
    assert facet_count(page, "f-outlet-switch-tv") == "0" != switch_tv_before
    chip = " ".join(page.locator(".active-chip").first.text_content().split())
    assert chip.startswith("Who: Alexander Kozlov")
    assert "q=" not in page.url  # empty fields stay out of the URL

    page.get_by_role("link", name="Clear all").click()
    expect(page.locator(EVENTS)).to_have_count(total)
    page.get_by_label("Switch TV").check()
    page.wait_for_url("**outlet=switch-tv**")
    switch_tv = story.events.filter(sources__article__outlet__slug="switch-tv").distinct()
    expect(page.locator(EVENTS)).to_have_count(switch_tv.count())
    assert page.evaluate("window.__sameDocument") is True  # no reload so far
    screenshot(page, "timeline-filtered-desktop")

    page.go_back()  # to the cleared timeline
    expect(page.locator(EVENTS)).to_have_count(total)
    settled(page)
    page.go_back()  # to Kozlov
    expect(page.locator(EVENTS)).to_have_count(1)
    assert "actor=alexander-kozlov" in page.url
    assert page.get_by_label("Alexander Kozlov").is_checked()
    # The server rendered those states as whole pages (htmx keeps no stale snapshots).
    assert len(restores) == 2
    assert page.console_errors == []


def test_search_keeps_focus_and_expanding_an_event_loads_its_sentences(live_server, page):
    story = make_summit_story()
    page.goto(f"{live_server.url}/stories/{story.slug}/")
    screenshot(page, "timeline-desktop")
    search = page.get_by_label("Search titles and sentences")
    search.press_sequentially("missile", delay=30)
    page.wait_for_url("**q=missile**")
    found = TimelineFilter(q="missile").apply(story.events.all()).count()
    expect(page.locator(EVENTS)).to_have_count(found)
    assert page.evaluate("document.activeElement.id") == "f-q"
    assert search.input_value() == "missile"

    event = story.events.get(title="North Korea launches two ballistic missiles")
    card = page.locator(f"[data-event-id='{event.pk}']")
    url_before = page.url
    card.locator("summary").click()
    sentences = card.locator(f"#event-{event.pk}-sources .evidence li")
    sentences.first.wait_for()
    assert sentences.count() == 4
    assert card.locator("mark.diff").count() > 0
    assert page.url == url_before
    screenshot(page, "timeline-expanded-desktop")

    card.get_by_role("link", name="North Korea launches two ballistic missiles").click()
    # The event page keeps the reader's filter, for the way back.
    page.wait_for_url(f"**/events/{event.pk}/?q=missile")
    assert count(page, ".evidence li") == 4
    assert page.get_by_text("Other readings of the date").is_visible()
    screenshot(page, "event-desktop")
    assert page.console_errors == []


def test_coverage_quotes_actor_and_article_pages(live_server, page):
    story = make_summit_story()
    base = f"{live_server.url}/stories/{story.slug}"

    page.goto(f"{base}/coverage/")
    rows = story.events.count()
    assert count(page, "table.coverage tbody tr") == rows
    assert count(page, "table.coverage thead th[scope=col]") == 1 + 5 + 1
    assert count(page, "td.unique") == 3
    screenshot(page, "coverage-desktop")

    page.goto(f"{base}/quotes/")
    assert count(page, ".remark.has-variants") == 2
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("checkbox", name="Vladimir Putin").check()
    page.wait_for_url("**speaker=vladimir-putin**")
    expect(page.locator(".speaker-group")).to_have_count(1)
    assert page.evaluate("window.__sameDocument") is True
    assert page.locator(".speaker-group h3").inner_text().startswith("Vladimir Putin")
    screenshot(page, "quotes-filtered-desktop")

    page.goto(f"{base}/actors/kim-jong-un/")
    assert page.get_by_role("heading", name="Kim Jong Un", level=1).is_visible()
    assert count(page, EVENTS) == story.events.filter(actors__slug="kim-jong-un").count()
    screenshot(page, "actor-desktop")

    article = story.articles.get(file_name__startswith="002_")
    page.goto(f"{base}/articles/{article.pk}/")
    starts = set(article.event_sources.values_list("start", flat=True))
    assert count(page, ".article-text .ev[id^='s-']") == len(starts)  # one anchor a sentence
    assert count(page, ".blk-label") > 0
    screenshot(page, "article-desktop")
    assert page.console_errors == []


def test_pages_fit_a_phone(live_server, browser):
    story = make_summit_story()
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    base = f"{live_server.url}/stories/{story.slug}"
    event = story.events.get(title="Putin and Kim meet at the Vostochny Cosmodrome")
    for name, path in [
        ("timeline", "/"),
        ("event", f"/events/{event.pk}/"),
        ("coverage", "/coverage/"),
        ("quotes", "/quotes/"),
    ]:
        page.goto(base + path)
        # Nothing but the coverage table (which scrolls in its own box) is wider than the phone.
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 390, (name, overflow)
        screenshot(page, f"{name}-phone")
    context.close()
    assert errors == []
