"""One writer per story: two runs on one story wait for each other or refuse; nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections

from stories import ingest as ingest_module
from stories import models as m
from stories.ingest import reextract
from stories.writer_lock import StoryBusy, story_writer

ROOT = Path(__file__).resolve().parent.parent
SUMMIT = ROOT / "fixtures" / "articles" / "summit"


@contextmanager
def held_elsewhere(slug: str) -> Iterator[None]:
    """The story's writer lock held by another thread (another connection), as another run."""
    taken, done = threading.Event(), threading.Event()
    failure: list[BaseException] = []

    def hold() -> None:
        try:
            with story_writer(slug):
                taken.set()
                done.wait(30)
        except BaseException as exc:  # reported to the test below
            failure.append(exc)
            taken.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(30)
    try:
        assert not failure, failure
        yield
    finally:
        done.set()
        thread.join(30)


def test_a_second_writer_of_a_story_is_refused_while_the_first_holds_it(db):
    busy = pytest.raises(StoryBusy, match="being written")
    with held_elsewhere("summit"), busy, story_writer("summit"):
        pytest.fail("two writers of one story at once")


def test_a_waiting_writer_gives_up_after_its_wait_with_how_long_it_waited(db):
    told: list[str] = []
    busy = pytest.raises(StoryBusy, match=r"after waiting \d+ s")
    with held_elsewhere("summit"), busy, story_writer("summit", wait=0.5, on_wait=told.append):
        pass
    assert told and "waiting up to" in told[0]


def test_the_lock_is_free_again_once_its_holder_is_done(db):
    with held_elsewhere("summit"):
        pass
    with story_writer("summit"):
        pass


def test_writers_of_different_stories_do_not_wait_for_each_other(db):
    with held_elsewhere("summit"), story_writer("another-story"):
        pass


def test_ingest_refuses_clearly_and_writes_nothing_while_the_story_is_written(db):
    with held_elsewhere("summit"), pytest.raises(CommandError, match="being written"):
        call_command("ingest", str(SUMMIT), story="summit", wait=0, stderr=StringIO())
    assert not m.Story.objects.filter(slug="summit").exists()


def test_rerun_extraction_refuses_while_the_story_is_written(db):
    call_command("ingest", str(SUMMIT), story="summit", stdout=StringIO(), stderr=StringIO())
    story = m.Story.objects.get(slug="summit")
    with held_elsewhere("summit"), pytest.raises(StoryBusy):
        reextract(story)


@pytest.mark.django_db(transaction=True)
def test_an_editors_save_during_the_extraction_survives_the_write(monkeypatch):
    call_command("ingest", str(SUMMIT), story="summit", stdout=StringIO(), stderr=StringIO())
    event = m.Event.objects.filter(story__slug="summit").order_by("pk").first()
    real_extract = ingest_module._extract

    def extract_while_an_editor_saves(*args, **kwargs):
        result = real_extract(*args, **kwargs)
        # The editor's save commits while the run is extracting, after the run read the story.
        edited = m.Event.objects.get(pk=event.pk)
        edited.title = "The editor's title"
        edited.lock("title")
        edited.save()
        return result

    monkeypatch.setattr(ingest_module, "_extract", extract_while_an_editor_saves)
    call_command(
        "ingest", str(SUMMIT), story="summit", force=True, stdout=StringIO(), stderr=StringIO()
    )
    assert m.Event.objects.get(pk=event.pk).title == "The editor's title"


# --- two processes ------------------------------------------------------------------------


@pytest.fixture
def shared_database(tmp_path: Path, request) -> str:
    """A database that subprocesses share: a file on SQLite, the test database on PostgreSQL."""
    if connection.vendor == "postgresql":
        request.getfixturevalue("transactional_db")
        s = connection.settings_dict
        return (
            f"postgres://{s['USER']}:{s.get('PASSWORD') or ''}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
        )
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    manage(url, "migrate", "--noinput")
    return url


def manage(database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_two_ingests_of_one_story_at_once_lose_nothing(shared_database, tmp_path):
    """Two processes add different articles to one story at the same moment. Both finish (the
    second waits for the first), and the story then holds what one run of all the articles
    gives: a forced re-extraction of everything changes nothing."""
    files = sorted(SUMMIT.glob("*.txt"))
    manifest = SUMMIT / "manifest.json"
    halves = [files[:2], files[2:]]
    env = {**os.environ, "DATABASE_URL": shared_database, "DJANGO_DEBUG": "1"}
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "ingest",
                *map(str, half),
                "--story",
                "summit",
                "--manifest",
                str(manifest),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "created" in out

    before = manage(shared_database, "export_timeline", "--story", "summit")
    assert before.returncode == 0, before.stderr
    timeline = json.loads(before.stdout)
    reporting = {s["file"] for e in timeline["events"] for s in e["sources"]}
    assert reporting == {f.name for f in files}, "an article lost its evidence"

    again = manage(
        shared_database,
        "ingest",
        *map(str, files),
        "--story",
        "summit",
        "--manifest",
        str(manifest),
        "--force",
    )
    assert again.returncode == 0, again.stderr
    assert "5 unchanged" in again.stdout
    after = manage(shared_database, "export_timeline", "--story", "summit")
    assert json.loads(after.stdout) == timeline
