"""Ingest on the real pipeline: the seed story, re-runs, bad input and editors' edits."""

from __future__ import annotations

import gc
import json
import shutil
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from stories import ingest as ingest_module
from stories import models as m
from stories.ingest import IngestError, ingest

SUMMIT = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "summit"


def run(*paths, story="summit", **opts) -> str:
    out, err = StringIO(), StringIO()
    call_command("ingest", *map(str, paths), story=story, stdout=out, stderr=err, **opts)
    return out.getvalue() + err.getvalue()


def snapshot(story: m.Story) -> dict:
    """Everything a reader could see, to compare two runs."""
    from stories.export import as_json, story_export

    return json.loads(as_json(story_export(story)))


@pytest.fixture
def summit(db) -> m.Story:
    run(SUMMIT)
    return m.Story.objects.get(slug="summit")


def test_summit_timeline_has_dated_events_from_2019_to_september_2023(summit):
    events = summit.events.visible().exclude(date_start=None)
    assert events.count() >= 10
    years = {e.date_start.year for e in events}
    assert min(years) == 2019
    latest = max(e.date_start for e in events)
    assert (latest.year, latest.month) == (2023, 9)


def test_the_meeting_is_one_event_reported_by_several_outlets(summit):
    meeting = [
        e
        for e in summit.events.visible()
        if any("Cosmodrome" in s.sentence for s in e.sources.all())
        and e.sources.values("article").distinct().count() >= 3
    ]
    assert meeting, "no event carries evidence from three or more articles about the meeting"


def test_boilerplate_never_becomes_events_actors_or_quotes(summit):
    furniture = ("Leave a Reply", "Subscribe to", "Read also", "Popular Post", "Editors' Picks")
    sentences = m.EventSource.objects.filter(event__story=summit).values_list("sentence", flat=True)
    assert not [s for s in sentences if any(f in s for f in furniture)]
    names = set(summit.actors.values_list("name", flat=True))
    assert "Ethan Kim" not in names  # the byline's author is not an actor
    quotes = m.Quote.objects.for_story(summit).values_list("text", flat=True)
    assert not [q for q in quotes if any(f in q for f in furniture)]


def test_second_run_changes_nothing(summit):
    before = snapshot(summit)
    output = run(SUMMIT)
    assert "5 unchanged" in output
    assert snapshot(summit) == before


def test_forced_run_extracts_again_and_still_changes_nothing(summit):
    before = snapshot(summit)
    output = run(SUMMIT, force=True)
    assert "0 created, 0 updated, 5 unchanged, 0 failed" in output
    assert snapshot(summit) == before


def test_summary_line_counts_created_files(db):
    output = run(SUMMIT)
    assert "5 files: 5 created, 0 updated, 0 unchanged, 0 failed" in output


def test_summary_line_speaks_of_one_file_in_the_singular(db):
    output = run(next(SUMMIT.glob("*.txt")), story="one")
    assert "1 file: 1 created" in output and "1 files" not in output


def test_publication_dates_are_determined_and_say_how(summit):
    for article in summit.articles.all():
        assert article.published is not None, article.file_name
        assert article.published_basis in {"inferred from text", "inferred from story"}


def test_dry_run_writes_nothing(db):
    output = run(SUMMIT, dry_run=True)
    assert "Dry run" in output
    assert not m.Story.objects.exists()
    assert not m.Event.objects.exists()


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SUMMIT / "003_d25ba9dc3e99a244.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "latin1.txt").write_bytes(
        "Caf\xe9 owners said on Monday that prices rose.".encode("latin-1")
    )
    return folder


def test_unreadable_files_are_named_and_the_others_still_ingested(db, bad_folder):
    output = run(bad_folder, story="bad")
    for name in ("empty.txt", "binary.txt", "latin1.txt"):
        assert name in output
    assert "1 created" in output and "3 failed" in output
    story = m.Story.objects.get(slug="bad")
    assert list(story.articles.values_list("file_name", flat=True)) == ["good.txt"]
    assert story.events.exists()


def test_only_unreadable_files_is_an_error(db, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(CommandError, match="no file could be ingested"):
        run(tmp_path / "empty.txt", story="nothing")


def test_too_large_file_is_refused_with_a_message(db, tmp_path, settings):
    settings.MAX_ARTICLE_BYTES = 100
    (tmp_path / "long.txt").write_text("A sentence that goes on. " * 20)
    report = ingest([tmp_path / "long.txt"], story_slug="long")
    assert report.files[0].status == "failed"
    assert "long.txt" in report.files[0].message
    assert "too large" in report.files[0].message


def test_missing_path_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "nope.txt")


def test_broken_manifest_is_a_clear_error(db, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text("{not json")
    with pytest.raises(CommandError, match="not valid JSON"):
        run(SUMMIT / "003_d25ba9dc3e99a244.txt", manifest=str(manifest))


def test_a_failure_while_writing_leaves_nothing_behind(db, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest_module, "_write_quotes", explode)
    with pytest.raises(RuntimeError):
        ingest([SUMMIT], story_slug="summit")
    assert not m.Story.objects.exists()
    assert not m.Article.objects.exists()
    assert not m.Event.objects.exists()


def test_an_interrupted_rerun_keeps_the_previous_timeline(summit, monkeypatch):
    before = snapshot(summit)

    def explode(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_module, "_write_quotes", explode)
    with pytest.raises(KeyboardInterrupt):
        ingest([SUMMIT], story_slug="summit", force=True)
    assert snapshot(summit) == before


def test_a_run_finished_or_interrupted_leaves_its_objects_to_the_cycle_collector(db, monkeypatch):
    # A run keeps older objects out of its collections; after it they are collected again, or
    # a process running job after job would never free their cycles.
    thresholds = gc.get_threshold()
    ingest([SUMMIT], story_slug="summit")
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds

    def explode(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_module, "_write_quotes", explode)
    with pytest.raises(KeyboardInterrupt):
        ingest([SUMMIT], story_slug="summit", force=True)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds


def test_manifest_publication_date_wins_and_is_recorded(db, tmp_path):
    shutil.copy(SUMMIT / "003_d25ba9dc3e99a244.txt", tmp_path / "a.txt")
    (tmp_path / "manifest.json").write_text(
        json.dumps([{"file": "a.txt", "published": "2023-09-14", "outlet": "Daily Example"}])
    )
    run(tmp_path, story="dated")
    article = m.Article.objects.get(file_name="a.txt")
    assert str(article.published) == "2023-09-14"
    assert article.published_basis == "manifest"
    assert article.outlet.name == "Daily Example"


def test_an_editors_event_edit_survives_reingest(summit):
    event = summit.events.visible().exclude(date_start=None).first()
    event.title = "Edited by a person"
    event.locked_fields = ["title"]
    event.save()
    rejected = summit.events.visible().exclude(pk=event.pk).first()
    rejected.hidden = True
    rejected.save()

    run(SUMMIT, force=True)

    event.refresh_from_db()
    rejected.refresh_from_db()
    assert event.title == "Edited by a person"
    assert rejected.hidden
    assert not summit.events.visible().filter(pk=rejected.pk).exists()


def test_adding_an_article_later_merges_it_into_the_story(db, tmp_path):
    names = sorted(p.name for p in SUMMIT.glob("*.txt"))
    for name in names[:3]:
        shutil.copy(SUMMIT / name, tmp_path / name)
    run(tmp_path)
    shutil.copy(SUMMIT / names[3], tmp_path / names[3])
    output = run(tmp_path / names[3])
    assert "1 created" in output
    story = m.Story.objects.get(slug="summit")
    assert story.articles.count() == 4


def test_ingest_rejects_files_sharing_a_name(db, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for sub in ("a", "b"):
        shutil.copy(SUMMIT / "003_d25ba9dc3e99a244.txt", tmp_path / sub / "same.txt")
    with pytest.raises(IngestError, match="share a name"):
        ingest([tmp_path / "a", tmp_path / "b"], story_slug="x")


def test_adding_an_article_keeps_what_the_manifest_said_of_the_others(db, tmp_path):
    run(SUMMIT)
    extra = tmp_path / "later.txt"
    shutil.copy(SUMMIT / "003_d25ba9dc3e99a244.txt", extra)
    run(extra)
    outlets = dict(m.Article.objects.values_list("file_name", "outlet__name"))
    assert outlets["001_fe4c2203425943d0.txt"] == "Switch TV"
    assert outlets["002_4b2ac2a1d5d82938.txt"] == "Big Big News"


def test_a_failed_article_is_tried_again_on_the_next_run(db, monkeypatch):
    from stories.nlp import story as story_module

    real = story_module.extract_story

    def one_fails(inputs, **kwargs):
        extraction = real(inputs, **kwargs)
        name = inputs[0].file
        kept = tuple(a for a in extraction.articles if a.input.file != name)
        return replace(extraction, articles=kept, errors=((name, f"{name}: broke"),))

    monkeypatch.setattr(story_module, "extract_story", one_fails)
    assert "1 failed" in run(SUMMIT)
    monkeypatch.setattr(story_module, "extract_story", real)
    output = run(SUMMIT)
    assert "1 created" in output and "0 failed" in output


def test_manifest_url_must_be_a_web_address(db, tmp_path):
    shutil.copy(SUMMIT / "003_d25ba9dc3e99a244.txt", tmp_path / "a.txt")
    (tmp_path / "manifest.json").write_text(
        json.dumps([{"file": "a.txt", "url": "javascript:alert(1)"}])
    )
    with pytest.raises(CommandError, match="not http"):
        run(tmp_path, story="evil")


def test_a_folders_articles_are_read_with_their_manifests_facts(tmp_path):
    (tmp_path / "a.txt").write_bytes(
        b"Ferry strike ends\r\n\r\nDock workers returned on Monday.\r\n"
    )
    (tmp_path / "b.txt").write_text("Port reopens\n\nThe port reopened on Tuesday.\n")
    (tmp_path / "manifest.json").write_text(
        json.dumps([{"file": "a.txt", "outlet": "Harbour Post", "published": "2024-03-04"}])
    )
    a, b = ingest_module.folder_inputs(tmp_path)
    assert (a.file, a.outlet, str(a.published)) == ("a.txt", "Harbour Post", "2024-03-04")
    assert "\r" not in a.text  # offsets count "\n" newlines, as an ingest reads them
    assert (b.file, b.outlet, b.published) == ("b.txt", None, None)
