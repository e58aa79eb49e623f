"""Each article's own results (``stories.nlp.readings``), kept in the database between runs.

A reading is a pickle of plain dataclasses. Only this module writes and reads them, from rows of
this project's own database, and only for the pipeline code that made them: a reading made by
other code, or one that cannot be read back, is ignored and the article's rules run again.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping

from stories import models as m
from stories.nlp.readings import ArticleReading


def stored_for(story: m.Story | None, pipeline: str) -> dict[str, ArticleReading]:
    """The readings of ``story``'s articles that ``pipeline`` (a pipeline fingerprint) made."""
    if story is None:
        return {}
    rows = m.ArticleReadingRow.objects.filter(article__story=story, pipeline=pipeline)
    found: dict[str, ArticleReading] = {}
    for name, data in rows.values_list("article__file_name", "data"):
        try:
            reading = pickle.loads(bytes(data))  # noqa: S301 (our own rows, see the docstring)
        except Exception:  # a reading that cannot be read back is made again
            continue
        if isinstance(reading, ArticleReading):
            found[name] = reading
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
    for name, reading in changed.items():
        article = articles[name]
        data = pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL)
        row = existing.get(article.pk)
        if row is None:
            new.append(m.ArticleReadingRow(article=article, pipeline=pipeline, data=data))
        else:
            row.pipeline, row.data = pipeline, data
            updated.append(row)
    m.ArticleReadingRow.objects.bulk_create(new)
    m.ArticleReadingRow.objects.bulk_update(updated, ["pipeline", "data"])
