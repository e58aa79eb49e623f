"""Incremental ingest: spaCy reads a new or changed article once, and the story comes out as a
full run would make it, byte for byte in the export."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from stories import models as m
from stories import parses
from stories.export import as_json, story_export
from stories.ingest import ingest, reextract

SUMMIT = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "summit"
NAMES = sorted(p.name for p in SUMMIT.glob("*.txt"))


def exported(story: m.Story) -> str:
    return as_json(story_export(story))


def full_run_export(story: m.Story) -> str:
    """The export after extracting the whole story again with every article parsed afresh and
    every article's rules run again."""
    m.ArticleParse.objects.filter(article__story=story).delete()
    m.ArticleReadingRow.objects.filter(article__story=story).delete()
    report = reextract(story)
    assert report.parsed_now == story.articles.count() and report.parsed_before == 0
    assert report.ruled_now == story.articles.count() and report.ruled_before == 0
    return exported(m.Story.objects.get(pk=story.pk))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SUMMIT / "manifest.json", tmp_path / "manifest.json")
    for name in NAMES[:3]:
        shutil.copy(SUMMIT / name, tmp_path / name)
    return tmp_path


def test_adding_an_article_parses_only_that_article_and_equals_a_full_run(db, folder):
    first = ingest([folder], story_slug="summit")
    assert (first.parsed_now, first.parsed_before) == (3, 0)
    shutil.copy(SUMMIT / NAMES[3], folder / NAMES[3])

    added = ingest([folder / NAMES[3]], story_slug="summit", manifest=folder / "manifest.json")

    assert (added.parsed_now, added.parsed_before) == (1, 3)
    # The three articles' own results were kept; at most their actor-dependent passes ran again.
    assert added.ruled_before >= 1 and added.ruled_now + added.ruled_before == 4
    story = m.Story.objects.get(slug="summit")
    assert story.articles.count() == 4
    incremental = exported(story)
    assert full_run_export(story) == incremental


def test_changing_an_article_parses_it_again_and_equals_a_full_run(db, folder):
    ingest([folder], story_slug="summit")
    changed = folder / NAMES[1]
    text = changed.read_text()
    # An editor's fix to a paragraph: the text differs, so the stored parse no longer fits.
    changed.write_text(text.replace("\n\n", "\n\nThe talks lasted several hours.\n\n", 1))

    report = ingest([changed], story_slug="summit", manifest=folder / "manifest.json")

    assert (report.parsed_now, report.parsed_before) == (1, 2)
    assert [f.status for f in report.files if f.file == NAMES[1]] == ["updated"]
    story = m.Story.objects.get(slug="summit")
    article = story.articles.get(file_name=NAMES[1])
    assert "The talks lasted several hours." in article.raw_text
    assert full_run_export(story) == exported(story)


def test_removing_an_article_and_extracting_again_equals_a_full_run(db, folder):
    ingest([folder], story_slug="summit")
    story = m.Story.objects.get(slug="summit")
    story.articles.get(file_name=NAMES[2]).delete()

    report = reextract(story)

    assert (report.parsed_now, report.parsed_before) == (0, 2)
    assert not m.EventSource.objects.filter(event__story=story, article__file_name=NAMES[2])
    assert full_run_export(story) == exported(story)


def test_a_stored_parse_gives_the_same_extraction_as_parsing_again(db):
    from django.conf import settings

    from stories.nlp import types as t
    from stories.nlp.pipeline import load_pipeline
    from stories.nlp.story import extract_story
    from stories.nlp.topics import load_taxonomy

    nlp = load_pipeline(settings.SPACY_MODEL)
    taxonomy = load_taxonomy(settings.TOPIC_TAXONOMY)
    ingest([SUMMIT], story_slug="summit")
    inputs = [t.ArticleInput(file=n, text=(SUMMIT / n).read_text()) for n in NAMES]
    story = m.Story.objects.get()
    again = parses.plan(inputs, nlp, stored=parses.stored_for(story))
    assert again.reused == len(inputs) and not again.fresh
    made: dict[str, bytes] = {}

    assert extract_story(
        inputs, nlp=nlp, taxonomy=taxonomy, parses=again.stored, new_parses=made
    ) == extract_story(inputs, nlp=nlp, taxonomy=taxonomy)
    assert not made  # every article's stored parse was used


def test_a_parse_made_by_another_model_version_is_not_used(db, folder, monkeypatch):
    ingest([folder], story_slug="summit")
    monkeypatch.setattr(parses.spacy, "__version__", "0.0.0-other")

    report = reextract(m.Story.objects.get(slug="summit"))

    assert (report.parsed_now, report.parsed_before) == (3, 0)


def test_an_editors_correction_survives_an_incremental_add(db, folder):
    ingest([folder], story_slug="summit")
    story = m.Story.objects.get(slug="summit")
    event = story.events.visible().first()
    event.title = "Set by an editor"
    event.lock("title")
    event.save()
    shutil.copy(SUMMIT / NAMES[3], folder / NAMES[3])

    ingest([folder / NAMES[3]], story_slug="summit", manifest=folder / "manifest.json")

    event.refresh_from_db()
    assert event.title == "Set by an editor"


def test_a_kept_reading_that_cannot_be_read_back_is_made_again(db, folder):
    ingest([folder], story_slug="summit")
    story = m.Story.objects.get(slug="summit")
    row = m.ArticleReadingRow.objects.filter(article__story=story).first()
    row.data = b"not a reading"
    row.save()

    report = reextract(story)

    assert (report.ruled_now, report.ruled_before) == (1, 2)
    assert full_run_export(story) == exported(story)


def test_readings_made_by_other_pipeline_code_are_not_used(db, folder, monkeypatch):
    from stories import ingest as ingest_module

    ingest([folder], story_slug="summit")
    monkeypatch.setattr(ingest_module, "pipeline_fingerprint", lambda: "other rules")

    report = reextract(m.Story.objects.get(slug="summit"))

    assert (report.ruled_now, report.ruled_before) == (3, 0)


def test_a_process_adding_to_a_story_reads_the_kept_readings_it_wrote_without_unpickling(
    db, folder, monkeypatch
):
    import pickle
    from types import SimpleNamespace

    from stories import readings

    ingest([folder], story_slug="summit")
    shutil.copy(SUMMIT / NAMES[3], folder / NAMES[3])
    unpickled: list[bytes] = []

    def counting(data: bytes):
        unpickled.append(data)
        return pickle.loads(data)  # noqa: S301 (the test's own rows)

    monkeypatch.setattr(
        readings,
        "pickle",
        SimpleNamespace(
            loads=counting, dumps=pickle.dumps, HIGHEST_PROTOCOL=pickle.HIGHEST_PROTOCOL
        ),
    )
    added = ingest([folder / NAMES[3]], story_slug="summit", manifest=folder / "manifest.json")

    assert added.ruled_before >= 1 and not unpickled
    story = m.Story.objects.get(slug="summit")
    incremental = exported(story)
    assert full_run_export(story) == incremental
