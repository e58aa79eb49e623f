"""One writer per story: ingest and re-extraction of a story never run at the same time.

Two runs that each read a story, extract for minutes and then write would each write a story
without the other's articles, so the first committer's article would lose its evidence. The lock
is held from the first read of the story to the commit.

The lock dies with its holder, so a killed run never leaves a story locked:
- PostgreSQL: a session-level advisory lock on the connection the run writes with;
- SQLite (one machine by nature): an ``flock`` on a file beside the database.

Waiting polls rather than blocks, so a wait can end with a clear message instead of hanging.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import connections

POLL_SECONDS = 0.2


class StoryBusy(Exception):
    """Another run is writing this story."""

    def __init__(self, slug: str, waited: float) -> None:
        self.slug = slug
        self.waited = waited
        if waited:
            message = (
                f"story {slug!r} is still being written by another ingest or re-extraction "
                f"after waiting {waited:.0f} s; nothing was written, try again when it finishes"
            )
        else:
            message = (
                f"story {slug!r} is being written by another ingest or re-extraction; "
                "nothing was written, try again when it finishes"
            )
        super().__init__(message)


def _advisory_key(slug: str) -> int:
    """A signed 64-bit key, as PostgreSQL's advisory locks take, named for this story."""
    digest = hashlib.sha256(f"newsroom.story-writer:{slug}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class _PostgresLock:
    def __init__(self, slug: str, alias: str) -> None:
        self.connection = connections[alias]
        self.key = _advisory_key(slug)

    def try_acquire(self) -> bool:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [self.key])
            return bool(cursor.fetchone()[0])

    def release(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [self.key])


class _FileLock:
    def __init__(self, slug: str, alias: str) -> None:
        database = str(connections[alias].settings_dict["NAME"])
        # Keyed by database as well as story: two databases on one machine never wait for
        # each other.
        name = hashlib.sha256(f"{database}\0{slug}".encode()).hexdigest()[:32]
        folder = Path(settings.STORY_LOCK_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"story-{name}.lock"
        self.fd: int | None = None

    def try_acquire(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self.fd = fd
        return True

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def _lock_for(slug: str, alias: str) -> _PostgresLock | _FileLock:
    if connections[alias].vendor == "postgresql":
        return _PostgresLock(slug, alias)
    return _FileLock(slug, alias)


@contextlib.contextmanager
def story_writer(
    slug: str,
    *,
    wait: float = 0,
    on_wait: Callable[[str], None] | None = None,
    alias: str = "default",
) -> Iterator[None]:
    """Hold the story's writer lock for the block, waiting up to ``wait`` seconds for it.

    Raises StoryBusy when another run still holds it. ``on_wait`` is told once, when the run
    starts waiting, so a person watching knows why nothing happens.
    """
    lock = _lock_for(slug, alias)
    started = time.monotonic()
    told = False
    while not lock.try_acquire():
        waited = time.monotonic() - started
        if waited >= wait:
            raise StoryBusy(slug, waited if wait else 0)
        if on_wait and not told:
            on_wait(
                f"story {slug!r} is being written by another run; "
                f"waiting up to {wait:.0f} s for it to finish..."
            )
            told = True
        time.sleep(min(POLL_SECONDS, max(wait - waited, 0)))
    try:
        yield
    finally:
        lock.release()


def lock_rows_for_writing(story_id: int, alias: str = "default") -> None:
    """Inside the writing transaction: make editors' saves of the story's rows wait for commit.

    Without it, an editor's save committed between this transaction's reading of a row and its
    writing of the same row would be overwritten. SQLite needs nothing: its writers are serial
    (``transaction_mode`` IMMEDIATE in the settings).
    """
    from stories import models as m

    if connections[alias].vendor != "postgresql":
        return
    editable = (
        m.Story.objects.filter(pk=story_id),
        m.Article.objects.filter(story_id=story_id),
        m.Actor.objects.filter(story_id=story_id),
        m.ActorAlias.objects.filter(actor__story_id=story_id),
        m.Event.objects.filter(story_id=story_id),
        m.EventSource.objects.filter(event__story_id=story_id),
        m.Quote.objects.filter(article__story_id=story_id),
    )
    for rows in editable:
        list(rows.using(alias).select_for_update(of=("self",)).values_list("pk", flat=True))
