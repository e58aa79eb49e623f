"""Bad input to the commands: refused early and clearly, nothing lost, nothing half-read."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tracemalloc
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from stories import ingest as ingest_module
from stories import models as m
from stories.export import as_csv, story_export
from stories.ingest import ingest
from tests.factories import make_story

SUMMIT = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "summit"
ARTICLE = "003_d25ba9dc3e99a244.txt"


def run(*args: str, **opts) -> str:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err, **opts)
    return out.getvalue() + err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SUMMIT / ARTICLE, tmp_path / "a.txt")
    return tmp_path


@pytest.fixture
def no_extraction(monkeypatch):
    """Fails the test if extraction starts: these inputs must be refused before it."""

    def refuse(*args, **kwargs):
        pytest.fail("extraction ran on input that should have been refused")

    monkeypatch.setattr(ingest_module, "_extract", refuse)


def write_manifest(folder: Path, entries) -> None:
    (folder / "manifest.json").write_text(json.dumps(entries))


@pytest.mark.parametrize(
    "entry, says",
    [
        ({"file": "a.txt", "outlet": 123}, '"a.txt": "outlet" must be text or null, not a number'),
        ({"file": "a.txt", "author": ["a", "b"]}, '"a.txt": "author" must be text or null'),
        ({"file": "a.txt", "published": 20230913}, '"a.txt": "published" must be a date'),
        ({"file": "a.txt", "published": "13/09/2023"}, '"a.txt": "published" is not a date'),
        ({"file": "a.txt", "url": "javascript:alert(1)"}, '"a.txt" has a "url" that is not'),
        ({"file": "a.txt", "publisehd": "2023-09-13"}, "unknown keys 'publisehd'"),
        ({"file": "a.txt", "outlet": "x" * 201}, '"outlet" is longer than 200'),
        ({"file": 7}, 'entry 1 needs a "file"'),
        ("a.txt", 'entry 1 must be an object with a "file", not str'),
    ],
)
def test_a_manifest_value_of_the_wrong_kind_is_refused_before_extraction_naming_file_and_key(
    db, folder, no_extraction, entry, says
):
    write_manifest(folder, [entry])
    with pytest.raises(CommandError) as refused:
        run("ingest", str(folder), story="s")
    assert says in str(refused.value)
    assert "manifest.json" in str(refused.value)
    assert not m.Story.objects.exists()


def test_a_file_listed_twice_in_the_manifest_is_refused(db, folder, no_extraction):
    write_manifest(folder, [{"file": "a.txt"}, {"file": "a.txt", "outlet": "Other"}])
    with pytest.raises(CommandError, match='"a.txt" is listed twice'):
        run("ingest", str(folder), story="s")


def test_blank_manifest_values_mean_unknown(db, folder):
    write_manifest(
        folder, [{"file": "a.txt", "outlet": "   ", "author": "", "published": " ", "url": ""}]
    )
    run("ingest", str(folder), story="s")
    article = m.Article.objects.get()
    assert article.outlet is None
    assert not m.Outlet.objects.exists()
    assert article.published_basis != "manifest"


def test_manifest_text_is_trimmed(db, folder):
    write_manifest(folder, [{"file": "a.txt", "outlet": "  The  Daily\nPaper "}])
    run("ingest", str(folder), story="s")
    assert m.Article.objects.get().outlet.name == "The Daily Paper"


def test_a_folder_with_no_articles_is_an_error(db, tmp_path, no_extraction):
    (tmp_path / "notes.md").write_text("not an article")
    with pytest.raises(CommandError, match="the folder has no articles"):
        run("ingest", str(tmp_path), story="s")


def test_a_huge_file_is_refused_by_its_size_without_being_read(db, tmp_path, settings):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(600_000_000)  # sparse: takes no disk, would take 600 MB of memory to read
    tracemalloc.start()
    try:
        report = ingest([huge], story_slug="s")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.files[0].status == "failed"
    assert "too large (600,000,000 bytes" in report.files[0].message
    assert peak < 20_000_000


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(db):
    story = make_story(2)
    m.Outlet.objects.filter(slug="outlet-0").update(name='=HYPERLINK("http://evil.example")')
    m.Event.objects.filter(story=story).update(title="@SUM(A1:A9)")
    rows = list(csv.reader(io.StringIO(as_csv(story_export(story)))))
    header, body = rows[0], rows[1:]
    cells = [dict(zip(header, row, strict=True)) for row in body]
    assert all(c["title"] == "'@SUM(A1:A9)" for c in cells)
    assert all(c["outlets"].startswith("'=HYPERLINK") for c in cells)
    # Every cell that starts like a formula is text.
    assert not [v for row in body for v in row if v[:1] in ("=", "+", "-", "@")]


# --- one spelling of a story's slug -------------------------------------------------------


def test_a_story_slug_spelt_differently_means_one_story_everywhere(db, folder):
    output = run("ingest", str(folder), story="StoryA")
    assert "stored as 'storya'" in output
    assert m.Story.objects.get().slug == "storya"
    exported = json.loads(run("export_timeline", story="StoryA"))
    assert exported["story"]["slug"] == "storya"
    assert "1 unchanged" in run("ingest", str(folder), story=" storya ")
    assert m.Story.objects.count() == 1


def test_an_unknown_story_is_refused_naming_the_stories_there_are(db):
    make_story(1, slug="summit")
    with pytest.raises(CommandError, match="no story 'storya' \\(from 'StoryA'\\); the stories"):
        run("export_timeline", story="StoryA")
    with pytest.raises(CommandError, match="summit"):
        run("evaluate", story="StoryA", gold="fixtures/gold/summit.json")


@pytest.mark.parametrize(
    "story, says", [("!!!", "not a usable story slug"), ("a" * 60, "longer than 50")]
)
def test_a_story_slug_that_cannot_be_stored_is_refused(db, folder, no_extraction, story, says):
    with pytest.raises(CommandError, match=says):
        run("ingest", str(folder), story=story)


def test_a_blank_title_is_refused(db, folder, no_extraction):
    with pytest.raises(CommandError, match="--title must be 1 to 300 characters"):
        run("ingest", str(folder), story="s", title="   ")


def test_a_negative_wait_is_refused(db, folder):
    with pytest.raises(CommandError, match="not a number of seconds"):
        call_command("ingest", str(folder), "--story", "s", "--wait", "-5")
