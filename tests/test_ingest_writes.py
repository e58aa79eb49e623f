"""What a run costs the database: each table is read once and only what changed is written, so
the number of statements does not grow with the story."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories import models as m
from stories.ingest import ingest, reextract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = sorted(p for p in (FIXTURES / "corpus").iterdir() if p.is_dir())
LATER = FIXTURES / "articles" / "summit" / "003_d25ba9dc3e99a244.txt"


def statements_of_runs(tmp_path: Path, slug: str, stories: list[Path]) -> tuple[int, int, int]:
    """Ingest the articles of ``stories`` as one story; then count the statements of a run that
    adds one article, and of a run that extracts the story again with nothing changed.
    Returns the story's articles, and the two counts."""
    folder = tmp_path / slug
    folder.mkdir()
    for story in stories:
        for article in story.glob("*.txt"):
            shutil.copy(article, folder / f"{story.name}-{article.name}")
    ingest([folder], story_slug=slug)
    with CaptureQueriesContext(connection) as added:
        assert ingest([LATER], story_slug=slug).count("created") == 1
    with CaptureQueriesContext(connection) as again:
        report = reextract(m.Story.objects.get(slug=slug))
    assert report.count("unchanged") == len(report.files)
    return len(report.files), len(added.captured_queries), len(again.captured_queries)


def test_the_statements_of_a_run_do_not_grow_with_the_story(db, tmp_path):
    small, added_small, again_small = statements_of_runs(tmp_path, "small", CORPUS[:1])
    large, added_large, again_large = statements_of_runs(tmp_path, "large", CORPUS[:6])
    # Nothing changed: every table is read once and nothing is written, at any size.
    assert again_large == again_small
    # Adding an article changes more rows in a larger story, but what each kind of change costs
    # does not depend on how many rows it touches: not one statement per row.
    assert added_large - added_small < large - small
