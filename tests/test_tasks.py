"""Editors add articles in the admin; a worker runs the ingestion in the background."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stories import models as m
from stories.export import as_json, story_export
from stories.ingest import ingest
from tests.factories import editor_group

SUMMIT = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "summit"
NAMES = sorted(p.name for p in SUMMIT.glob("*.txt"))
PASSWORD = "a long editor passphrase"

# The worker shares the test's database connection handling: it needs real commits.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker(worker_id: str = "test-worker") -> None:
    """What `manage.py db_worker --batch` does: take every queued task, then stop."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(editor_group())
    client.force_login(user)
    return client


@pytest.fixture
def story() -> m.Story:
    ingest([SUMMIT / n for n in NAMES[:3]], story_slug="summit", manifest=SUMMIT / "manifest.json")
    return m.Story.objects.get(slug="summit")


def upload(client, story: m.Story, *files: tuple[str, bytes], **fields):
    url = reverse("admin:stories_story_add_articles", args=[story.pk])
    data = {"files": [SimpleUploadedFile(name, data) for name, data in files], **fields}
    return client.post(url, data)


def exported(story: m.Story) -> str:
    return as_json(story_export(story))


def test_an_uploaded_article_is_queued_and_a_worker_adds_it_to_the_story(editor_client, story):
    response = upload(
        editor_client,
        story,
        (NAMES[3], (SUMMIT / NAMES[3]).read_bytes()),
        outlet="Test Outlet",
        published="2023-09-13",
    )
    assert response.status_code == 302
    job = m.IngestJob.objects.get()
    assert job.status == m.IngestJob.QUEUED and job.task_id
    assert not story.articles.filter(file_name=NAMES[3]).exists()  # not in the request

    run_worker()

    job.refresh_from_db()
    assert job.status == m.IngestJob.DONE, job.message
    assert "1 created" in job.message
    assert job.articles == [{"file": NAMES[3]}]  # the text now lives with its article
    article = story.articles.get(file_name=NAMES[3])
    assert article.outlet.name == "Test Outlet"
    assert article.published.isoformat() == "2023-09-13"
    assert article.published_basis == "manifest"
    assert m.EventSource.objects.filter(article=article).exists()
    page = editor_client.get(reverse("admin:stories_story_change", args=[story.pk]))
    assert "Done" in page.content.decode() and "1 created" in page.content.decode()


def test_a_pasted_article_gets_a_file_name_from_its_first_line(editor_client, story):
    text = (SUMMIT / NAMES[3]).read_text()
    url = reverse("admin:stories_story_add_articles", args=[story.pk])
    editor_client.post(url, {"pasted": text})
    run_worker()
    job = m.IngestJob.objects.get()
    assert job.status == m.IngestJob.DONE, job.message
    (name,) = set(story.articles.values_list("file_name", flat=True)) - set(NAMES[:3])
    assert name.endswith(".txt") and len(name) > 4


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n ", "is empty"),
        ("zero.txt", b"", "is empty"),
        ("binary.txt", b"\x00\x01\x02abc", "binary"),
        ("latin.txt", "caf\u00e9 au lait".encode("latin-1"), "is not UTF-8"),
        ("notes.docx", b"some text", "is not a .txt file"),
    ],
)
def test_a_bad_file_is_refused_with_its_name_and_nothing_is_queued(
    editor_client, story, name, data, message
):
    good = (NAMES[3], (SUMMIT / NAMES[3]).read_bytes())
    response = upload(editor_client, story, good, (name, data))
    assert response.status_code == 200
    body = response.content.decode()
    assert name in body and message in body and "Nothing was queued" in body
    assert not m.IngestJob.objects.exists()


def test_every_refused_file_is_named_at_once(editor_client, story):
    response = upload(
        editor_client,
        story,
        ("notes.pdf", b"%PDF-1.4"),
        ("zero.txt", b""),
        ("latin.txt", "caf\u00e9".encode("latin-1")),
    )
    body = response.content.decode()
    for refusal in ("notes.pdf: is not a .txt file", "zero.txt", "latin.txt"):
        assert refusal in body
    assert not m.IngestJob.objects.exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(editor_client, story, settings):
    settings.MAX_ARTICLE_BYTES = 100
    response = upload(editor_client, story, ("long.txt", b"word " * 50))
    assert "long.txt: file is too large (250 bytes; the limit is 100)" in response.content.decode()
    assert not m.IngestJob.objects.exists()


def test_an_empty_form_asks_for_files(editor_client, story):
    response = upload(editor_client, story)
    assert "Choose one or more .txt files or paste an article." in response.content.decode()


def test_a_failing_article_fails_its_task_with_the_reason_and_leaves_the_story_as_it_was(
    editor_client, story, monkeypatch
):
    from stories.nlp import story as story_module

    real = story_module.extract_story

    def breaks_on_the_new_article(inputs, **kwargs):
        extraction = real(inputs, **kwargs)
        kept = tuple(a for a in extraction.articles if a.input.file != NAMES[3])
        errors = ((NAMES[3], "extraction failed: ValueError: a rule broke"),)
        return replace(extraction, articles=kept, errors=errors)

    monkeypatch.setattr(story_module, "extract_story", breaks_on_the_new_article)
    before = exported(story)
    upload(editor_client, story, (NAMES[3], (SUMMIT / NAMES[3]).read_bytes()))

    run_worker()

    job = m.IngestJob.objects.get()
    assert job.status == m.IngestJob.FAILED
    assert "Nothing was changed" in job.message and "a rule broke" in job.message
    assert NAMES[3] in job.message
    assert job.articles and job.articles[0]["file"] == NAMES[3]  # kept to look at
    assert exported(m.Story.objects.get(pk=story.pk)) == before
    page = editor_client.get(reverse("admin:stories_story_change", args=[story.pk]))
    assert "a rule broke" in page.content.decode()


def test_progress_polls_while_a_run_is_unfinished_and_stops_when_it_is_over(editor_client, story):
    url = reverse("admin:stories_story_ingestion", args=[story.pk])
    upload(editor_client, story, (NAMES[3], (SUMMIT / NAMES[3]).read_bytes()))
    queued = editor_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in queued and "Queued" in queued

    run_worker()

    over = editor_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' not in over and "Done" in over


def test_progress_tells_the_stages_and_reads_only_the_new_article(story):
    from stories.ingest import ingest_texts

    stages: list[tuple[str, int, int]] = []
    article = {"file": NAMES[3], "text": (SUMMIT / NAMES[3]).read_text()}
    ingest_texts(story, [article], stage=lambda *step: stages.append(step))

    assert ("reading", 1, 1) in stages  # only the new article is read by spaCy
    assert ("extracting", 4, 4) in stages  # the rules run over every article of the story
    assert [s for s, _, _ in stages][-2:] == ["merging", "writing"]


def test_a_job_shows_article_n_of_m_while_it_runs(story):
    from stories import tasks

    job = tasks.queue_reextract(story)
    tasks._Recorder(job)("reading", 2, 3)
    job.refresh_from_db()
    assert (job.stage, job.done, job.total) == ("Reading article 2 of 3", 2, 3)


def test_rerun_extraction_from_the_article_list_runs_in_the_background(editor_client, story):
    event = story.events.visible().first()
    event.title = "Kept by an editor"
    event.lock("title")
    event.save()
    response = editor_client.post(
        reverse("admin:stories_article_changelist"),
        {"action": "rerun_extraction", "_selected_action": [story.articles.first().pk]},
    )
    assert response.status_code == 302
    job = m.IngestJob.objects.get()
    assert job.kind == m.IngestJob.REEXTRACT and job.status == m.IngestJob.QUEUED

    run_worker()

    job.refresh_from_db()
    assert job.status == m.IngestJob.DONE, job.message
    event.refresh_from_db()
    assert event.title == "Kept by an editor"


def test_a_reader_page_never_needs_the_worker(client, editor_client, story):
    upload(editor_client, story, (NAMES[3], (SUMMIT / NAMES[3]).read_bytes()))
    page = client.get(reverse("stories:timeline", args=[story.slug]))
    assert page.status_code == 200
    data = json.loads(client.get(f"/stories/{story.slug}/export.json").content)
    assert {s["file"] for s in data["sources"]} == set(NAMES[:3])


def test_an_editor_without_the_right_to_add_articles_cannot(client, django_user_model, story):
    user = django_user_model.objects.create_user("viewer", password=PASSWORD, is_staff=True)
    client.force_login(user)
    response = client.get(reverse("admin:stories_story_add_articles", args=[story.pk]))
    assert response.status_code == 403


def test_two_runs_of_one_story_in_two_workers_never_write_at_once(story, monkeypatch):
    import threading
    import time

    from django.db import connection

    from stories import ingest as ingest_module
    from stories import tasks

    writing: list[tuple[float, float]] = []
    real = ingest_module._write

    def slow_write(*args, **kwargs):
        start = time.monotonic()
        result = real(*args, **kwargs)
        time.sleep(0.5)  # widen the window in which a second writer would show
        writing.append((start, time.monotonic()))
        return result

    monkeypatch.setattr(ingest_module, "_write", slow_write)
    for name in NAMES[3:5]:
        tasks.queue_articles(story, [{"file": name, "text": (SUMMIT / name).read_text()}])

    def worker(worker_id: str) -> None:
        try:
            run_worker(worker_id)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f"worker-{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    jobs = list(m.IngestJob.objects.order_by("pk"))
    assert [j.status for j in jobs] == [m.IngestJob.DONE] * 2, [j.message for j in jobs]
    assert len(writing) == 2
    from django_tasks_db.models import DBTaskResult

    ran_by = {w for r in DBTaskResult.objects.all() for w in r.worker_ids}
    assert ran_by == {"worker-0", "worker-1"}, "the two runs were not taken by two workers"
    (first_start, first_end), (second_start, second_end) = sorted(writing)
    assert first_end <= second_start, "two runs wrote the story at the same time"
    # Nothing lost: each run's article is in the story, with its evidence.
    for name in NAMES[3:5]:
        assert m.EventSource.objects.filter(article__story=story, article__file_name=name)
