"""Each article's own results (``stories.nlp.readings``), kept in the database between runs.

A reading is a pickle of plain dataclasses. Only this module writes and reads them, from rows of
this project's own database, and only for the pipeline code that made them: a reading made by
other code, or one that cannot be read back, is ignored and the article's rules run again.

A process keeps the readings of the story it last read or wrote, by a digest of their stored
bytes: a process that runs one story again and again (a task worker, as editors add articles)
need not unpickle two hundred readings to add one article. A run is given copies of its own,
since it changes what it is given (``stories.nlp.story``), and a stored row whose bytes differ
is read from them.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections.abc import Mapping
from dataclasses import replace

from stories import models as m
from stories.nlp.readings import ArticleReading

_known: dict[bytes, ArticleReading] = {}  # by the digest of the bytes stored for it
_lock = threading.Lock()


def stored_for(story: m.Story | None, pipeline: str) -> dict[str, ArticleReading]:
    """The readings of ``story``'s articles that ``pipeline`` (a pipeline fingerprint) made."""
    global _known
    if story is None:
        return {}
    rows = m.ArticleReadingRow.objects.filter(article__story=story, pipeline=pipeline)
    with _lock:
        known = _known
    kept: dict[bytes, ArticleReading] = {}
    found: dict[str, ArticleReading] = {}
    for name, data in rows.values_list("article__file_name", "data"):
        data = bytes(data)
        digest = _digest(data)
        reading = known.get(digest)
        if reading is None:
            try:
                reading = pickle.loads(data)  # noqa: S301 (our own rows, see the docstring)
            except Exception:  # a reading that cannot be read back is made again
                continue
            if not isinstance(reading, ArticleReading):
                continue
        kept[digest] = reading
        found[name] = _copy(reading)
    with _lock:
        _known = kept
    return found


def save(
    articles: Mapping[str, m.Article], readings: Mapping[str, ArticleReading], pipeline: str
) -> None:
    """Keep the readings this run made or changed (inside the run's transaction)."""
    changed = {
        name: r
        for name, r in readings.items()
        if name in articles and r.changed and articles[name].pk is not None
    }
    if not changed:
        return
    existing = {
        row.article_id: row
        for row in m.ArticleReadingRow.objects.filter(
            article__in=[articles[name] for name in changed]
        )
    }
    new: list[m.ArticleReadingRow] = []
    updated: list[m.ArticleReadingRow] = []
    made: dict[bytes, ArticleReading] = {}
    for name, reading in changed.items():
        article = articles[name]
        data = pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL)
        made[_digest(data)] = _copy(reading)
        row = existing.get(article.pk)
        if row is None:
            new.append(m.ArticleReadingRow(article=article, pipeline=pipeline, data=data))
        else:
            row.pipeline, row.data = pipeline, data
            updated.append(row)
    m.ArticleReadingRow.objects.bulk_create(new)
    m.ArticleReadingRow.objects.bulk_update(updated, ["pipeline", "data"])
    with _lock:
        _known.update(made)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _copy(reading: ArticleReading) -> ArticleReading:
    """A reading a run may change: it sets the fields anew (and its dates are a dict of its
    own), while what the fields hold is frozen or copied before it is worked on."""
    return replace(reading, dates=dict(reading.dates))
