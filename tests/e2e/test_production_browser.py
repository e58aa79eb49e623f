"""A reader on the production server (gunicorn, DEBUG off, collected static files, the CSP):
the page is styled, the filters work in place, and the browser reports no error, CSP
violations included."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def https_page(browser):
    """A page whose requests reach the server as the HTTPS proxy in front would pass them."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        extra_http_headers={"X-Forwarded-Proto": "https"},
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()


def count_events(page) -> int:
    return page.eval_on_selector_all("[data-event-id]", "els => els.length")


def test_a_reader_filters_on_the_production_server_without_a_console_error(
    production_server, https_page
):
    page = https_page
    page.goto(f"{production_server.url}/stories/summit/")
    # The stylesheet arrived and applies: the skip link is moved off screen by it.
    position = page.eval_on_selector(".skip-link", "e => getComputedStyle(e).position")
    assert position == "absolute"
    heading = page.locator("#results-heading")
    total = int(heading.inner_text().split()[0])
    assert total > 5 and count_events(page) > 5
    shown = count_events(page)
    page.evaluate("window.__sameDocument = true")

    first = page.locator("input[name=actor]").first
    slug = first.get_attribute("value")
    first.check()
    page.wait_for_url(f"**actor={slug}**")
    # (Waiting through locators: a predicate string would be eval'd, which the CSP refuses.)
    expect(heading).to_have_text(re.compile(rf"\d+ of {total} events"))
    assert count_events(page) < shown
    assert page.evaluate("window.__sameDocument") is True  # swapped in place by htmx

    # A mistyped date is said on the page, in place.
    page.fill("#f-from", "soon")
    page.press("#f-from", "Enter")
    page.get_by_role("alert").filter(has_text="is not a date").wait_for()
    screenshot(page, "production-timeline-filtered")

    # One history entry a request: Back twice undoes the date, then the actor.
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?actor=[-\w]+$"))
    expect(page.get_by_role("alert")).to_have_count(0)
    page.go_back()
    expect(heading).to_have_text(re.compile(rf"^\s*{total} events\s*$"))
    expect(page.locator("[data-event-id]")).to_have_count(shown)
    assert page.console_errors == [], "\n".join(page.console_errors[:8])
