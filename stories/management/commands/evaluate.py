"""The extraction benchmark: ingest every story that has a gold file, score each, print figures.

A benchmark, not a test: it reports figures and never fails on them. It ingests into a scratch
database of its own (``make evaluate`` sets it up), so the stories people read are untouched.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from stories.evaluation import evaluate, format_report, gold_problems
from stories.evaluation.benchmark import StoryFigures, format_table, story_figures
from stories.evaluation.corpus import SPLITS, StoryCase, find_stories
from stories.export import story_export
from stories.ingest import ingest
from stories.management.arguments import story_named
from stories.models import Story, story_slug

SCRATCH_DATABASE = Path(settings.BASE_DIR) / "var" / "evaluation.sqlite3"
FIXTURES = Path(settings.BASE_DIR) / "fixtures"


class Command(BaseCommand):
    help = (
        "Ingest every story with a gold file into a scratch database and print extraction "
        "figures per story and their macro average, development and test stories apart "
        "(a benchmark: it reports figures, it does not pass or fail). With --gold, score a "
        "story already stored in this database instead."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--story", help="Only this story (its slug).")
        parser.add_argument("--split", choices=SPLITS, help="Only the stories of this split.")
        parser.add_argument("--details", action="store_true", help="List every story's misses too.")
        parser.add_argument(
            "--gold",
            help="Score the stored story --story against this gold file; nothing is ingested.",
        )
        parser.add_argument(
            "--fixtures",
            default=str(FIXTURES),
            help="Folder holding gold/, corpus/ and articles/ (default: the project's fixtures).",
        )

    def handle(self, *args, **opts) -> None:
        if opts["story"]:
            # One spelling of a slug everywhere: --story StoryA is the story "storya".
            try:
                opts["story"] = story_slug(opts["story"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        if opts["gold"]:
            self._score_stored(opts)
            return
        _require_scratch_database()
        corpus = find_stories(Path(opts["fixtures"]))
        for problem in corpus.problems:
            self.stderr.write(self.style.WARNING(f"left out: {problem}"))
        chosen = corpus.select(split=opts["split"], story=opts["story"])
        if not chosen.stories:
            known = ", ".join(s.slug for s in corpus.stories) or "none"
            raise CommandError(
                f"no story to evaluate for --story {opts['story']!r} --split {opts['split']!r}; "
                f"stories with gold files: {known}"
            )
        call_command("migrate", verbosity=0, interactive=False)

        started = time.monotonic()
        figures: list[StoryFigures] = []
        failures: list[tuple[str, str]] = []
        details: list[str] = []
        for case in chosen.stories:
            try:
                fig, detail = self._run_story(case, opts["details"])
            except _StoryFailed as exc:
                failures.append((case.slug, str(exc)))
                self.stderr.write(self.style.ERROR(f"{case.slug}: {exc}"))
                continue
            figures.append(fig)
            details.append(detail)

        for split in SPLITS:
            in_split = [f for f in figures if f.split == split]
            if in_split:
                title = f"{split} stories"
                self.stdout.write(format_table(title, in_split, targets=split == "test"))
                self.stdout.write("")
        if failures:
            self.stdout.write(f"not scored ({len(failures)}):")
            for slug, why in failures:
                self.stdout.write(f"  {slug}: {why}")
            self.stdout.write("")
        for detail in details if opts["details"] else ():
            self.stdout.write(detail)
            self.stdout.write("")
        self.stdout.write(
            f"{len(figures)} {'story' if len(figures) == 1 else 'stories'} scored, "
            f"{len(failures)} not, in {time.monotonic() - started:.0f} s"
        )

    def _run_story(self, case: StoryCase, details: bool) -> tuple[StoryFigures, str]:
        """Ingest one story, score its JSON export; any failure is this story's alone."""
        began = time.monotonic()
        try:
            result = ingest([case.articles], story_slug=case.slug, title=case.gold.get("title"))
        except Exception as exc:  # one story's failure must not stop the benchmark
            raise _StoryFailed(f"ingest failed: {type(exc).__name__}: {exc}") from exc
        failed = [f for f in result.files if f.status == "failed"]
        for item in failed:
            self.stderr.write(self.style.WARNING(f"{case.slug}: file failed: {item.message}"))
        if result.files and len(failed) == len(result.files):
            raise _StoryFailed("no article could be ingested")
        story = Story.objects.get(slug=result.story)
        # Scored through the JSON interchange format, exactly as exported.
        export = json.loads(json.dumps(story_export(story)))
        texts = dict(story.articles.values_list("file_name", "raw_text"))
        for problem in gold_problems(case.gold, texts):
            self.stderr.write(self.style.WARNING(f"{case.slug}: gold: {problem}"))
        try:
            report = evaluate(export, case.gold, texts)
            fig = story_figures(report, export, case.gold, case.split)
        except Exception as exc:  # a gold file malformed in a way the reader did not foresee
            raise _StoryFailed(f"cannot score: {type(exc).__name__}: {exc}") from exc
        self.stderr.write(
            f"{case.slug} ({case.split}): {len(result.files)} files, "
            f"{time.monotonic() - began:.1f} s"
        )
        detail = ""
        if details:
            lines = [f"--- {case.slug} ({case.split})", format_report(report, details=True)]
            if fig.wrong_published:
                lines.append(f"  publication dates wrong ({len(fig.wrong_published)}):")
                lines += [
                    f"    {file}: system {system or '-'}, gold {gold}"
                    for file, system, gold in fig.wrong_published
                ]
            detail = "\n".join(lines)
        return fig, detail

    def _score_stored(self, opts: dict[str, Any]) -> None:
        if not opts["story"]:
            raise CommandError("--gold scores a stored story: name it with --story")
        story = story_named(opts["story"])
        path = Path(opts["gold"])
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{path}: cannot read the gold file ({exc})") from exc
        texts = dict(story.articles.values_list("file_name", "raw_text"))
        for problem in gold_problems(gold, texts):
            self.stderr.write(self.style.WARNING(f"gold: {problem}"))
        report = evaluate(story_export(story), gold, texts)
        self.stdout.write(format_report(report, details=opts["details"]))


class _StoryFailed(Exception):
    """One story could not be ingested or scored; the message says why."""


def _require_scratch_database() -> None:
    """The benchmark writes a dozen stories; it must never write them into a reader's site."""
    db = settings.DATABASES["default"]
    name = Path(str(db.get("NAME", ""))).resolve()
    if db["ENGINE"] != "django.db.backends.sqlite3" or name != SCRATCH_DATABASE.resolve():
        raise CommandError(
            "evaluate ingests every story of the corpus, so it runs on a scratch database of "
            f"its own, not on {db.get('NAME')}: run `make evaluate`, or set "
            f"DATABASE_URL=sqlite:///{SCRATCH_DATABASE}"
        )
