"""Debian's Chromium driven by Playwright against the live test server."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
# Chromium's background services try to reach the internet, which this kind of machine refuses.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"browser tests need Chromium at {CHROMIUM} (make test installs it)")
    # Playwright's sync API runs an event loop; Django refuses ORM calls from such a thread
    # unless told this is deliberate, as it is in these tests.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture(autouse=True)
def editor_group_exists(request):
    """Transactional tests end by flushing every table, the Editor group the migrations made
    included: put it back for the browser tests that log an editor in."""
    if "live_server" not in request.fixturenames:
        return
    from django.contrib.auth.models import Group, Permission

    from stories import models as m

    request.getfixturevalue("live_server")
    group, _ = Group.objects.get_or_create(name=m.EDITOR_GROUP)
    codenames = [f"{a}_{model}" for model, acts in m.EDITOR_PERMISSIONS.items() for a in acts]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="stories", codename__in=codenames)
    )
