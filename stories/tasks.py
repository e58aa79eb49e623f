"""Ingestion as background tasks: editors queue them, `manage.py db_worker` processes run them.

The task framework keeps the queue (one row per task, claimed by one worker); ``IngestJob`` keeps
what editors see. A job either commits the whole story or leaves it exactly as it was: the write
happens in one transaction after the extraction, and a job whose articles cannot all be extracted
writes nothing and says why.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from stories import models as m
from stories.ingest import IngestError, IngestReport, ingest_texts, reextract
from stories.writer_lock import StoryBusy

# A run waits this long (seconds) for another run of the same story, in this worker or another
# machine's, to finish; the two are never written at once.
WAIT_FOR_STORY = 3600
# Progress is written at most this often (seconds): a 2,000-article story would otherwise write
# a row per article for a bar no one reads that fast.
PROGRESS_EVERY = 0.5
STAGES = {
    "reading": "Reading article {n} of {total}",
    "extracting": "Extracting events from article {n} of {total}",
    "merging": "Merging events and grouping quotes",
    "writing": "Saving the timeline",
}


def queue_articles(story: m.Story, articles: Sequence[dict], user=None) -> m.IngestJob:
    """Queue adding (or replacing) articles, given as ``{"file", "text", "outlet", "url",
    "author", "published"}``, to ``story``."""
    return _queue(story, m.IngestJob.ADD, list(articles), user)


def queue_reextract(story: m.Story, user=None) -> m.IngestJob:
    return _queue(story, m.IngestJob.REEXTRACT, [], user)


def _queue(story: m.Story, kind: str, articles: list[dict], user) -> m.IngestJob:
    total = len(articles) if articles else story.articles.count()
    job = m.IngestJob.objects.create(
        story=story,
        kind=kind,
        articles=articles,
        total=total,
        stage="Waiting for a worker",
        requested_by=user if user is not None and user.is_authenticated else None,
    )

    def enqueue() -> None:
        result = run_ingest_job.enqueue(job.pk)
        m.IngestJob.objects.filter(pk=job.pk).update(task_id=str(result.id))

    # The task may start at once in another process: it must find the job committed.
    transaction.on_commit(enqueue)
    return job


class _Recorder:
    """Writes a job's stage to its row, no more often than PROGRESS_EVERY."""

    def __init__(self, job: m.IngestJob) -> None:
        self.job = job
        self.last = (None, 0.0)

    def __call__(self, stage: str, n: int, total: int) -> None:
        now = time.monotonic()
        if stage == self.last[0] and now - self.last[1] < PROGRESS_EVERY and n != total:
            return
        self.last = (stage, now)
        label = STAGES.get(stage, stage).format(n=n, total=total)
        m.IngestJob.objects.filter(pk=self.job.pk).update(stage=label, done=n, total=total)


@task()
def run_ingest_job(job_id: int) -> str:
    job = m.IngestJob.objects.select_related("story").get(pk=job_id)
    if job.is_over:
        return job.message  # run already, e.g. by a worker that died after finishing it
    # Shown until the run holds the story's writer lock and starts reading.
    m.IngestJob.objects.filter(pk=job.pk).update(
        status=m.IngestJob.RUNNING,
        started=timezone.now(),
        stage="Waiting until no other run is writing this story",
    )
    options = {"stage": _Recorder(job), "all_or_nothing": True}
    try:
        if job.kind == m.IngestJob.ADD:
            report = ingest_texts(job.story, job.articles, wait=WAIT_FOR_STORY, **options)
        else:
            report = reextract(job.story, wait=WAIT_FOR_STORY, **options)
    except (IngestError, StoryBusy) as exc:
        return _finish(job, m.IngestJob.FAILED, str(exc))
    except Exception as exc:
        _finish(job, m.IngestJob.FAILED, f"The run stopped: {type(exc).__name__}: {exc}")
        raise  # the task framework records the traceback for whoever runs the workers
    failures = [f"{f.file}: {f.message}" for f in report.files if f.status == "failed"]
    if failures:
        return _finish(
            job,
            m.IngestJob.FAILED,
            "Nothing was changed, because an article could not be extracted. " + " ".join(failures),
        )
    return _finish(job, m.IngestJob.DONE, _done_message(report), keep_articles=False)


def _finish(job: m.IngestJob, status: str, message: str, *, keep_articles: bool = True) -> str:
    values = {"status": status, "message": message, "finished": timezone.now()}
    values["stage"] = "Done" if status == m.IngestJob.DONE else "Failed"
    if not keep_articles:
        # The texts are stored with their articles now (a failed job keeps them to look at);
        # the names stay, to say what the run added.
        values["articles"] = [{"file": a["file"]} for a in job.articles]
    m.IngestJob.objects.filter(pk=job.pk).update(**values)
    return message


def _done_message(report: IngestReport) -> str:
    return report.summary
