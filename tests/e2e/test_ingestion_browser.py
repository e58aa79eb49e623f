"""An editor adds an article in the admin; a worker runs it; the page follows the progress."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from django.db import connection

from stories import models as m
from stories.ingest import ingest
from tests.e2e.conftest import screenshot
from tests.factories import editor_group
from tests.test_tasks import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SUMMIT = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "summit"
NAMES = sorted(p.name for p in SUMMIT.glob("*.txt"))


@pytest.fixture
def worker():
    """A database worker in a thread of the test process, as `manage.py db_worker` runs one."""
    from django_tasks_db.management.commands.db_worker import Worker

    def run() -> None:
        try:
            w.run()
        finally:
            connection.close()

    w = Worker(
        queue_names=["default"],
        interval=0.2,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test-worker",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield w
    w.running = False
    thread.join(timeout=60)


def test_an_editor_uploads_an_article_and_sees_the_run_reach_done(
    live_server, page, django_user_model, worker, tmp_path
):
    ingest([SUMMIT / n for n in NAMES[:2]], story_slug="summit", manifest=SUMMIT / "manifest.json")
    story = m.Story.objects.get(slug="summit")
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(editor_group())
    upload = tmp_path / NAMES[2]
    upload.write_bytes((SUMMIT / NAMES[2]).read_bytes())

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/stories/story/{story.pk}/change/")
    page.get_by_role("link", name="Add articles…").click()
    page.get_by_label("Article files").set_input_files(str(upload))
    page.get_by_label("Outlet").fill("Browser Test Outlet")
    page.get_by_role("button", name="Add and extract").click()

    page.locator(".messagelist .success").wait_for()
    # The list of runs refreshes itself: no reload, the worker's progress arrives in place.
    page.locator("[data-job-status=done]").wait_for(timeout=90_000)
    screenshot(page, "admin-ingestion-done")
    assert "1 created" in page.locator("#ingestion").inner_text()
    assert page.console_errors == []

    page.goto(f"{live_server.url}/stories/summit/export.json")
    sources = json.loads(page.locator("body").inner_text())["sources"]
    added = next(s for s in sources if s["file"] == NAMES[2])
    assert added["outlet"] == "Browser Test Outlet"
