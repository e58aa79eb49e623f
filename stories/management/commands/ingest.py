import argparse

from django.core.management.base import BaseCommand, CommandError

from stories.ingest import IngestError, ingest
from stories.models import Story, story_slug
from stories.writer_lock import StoryBusy


def _seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = -1
    if not 0 <= value <= 86_400:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a number of seconds from 0 to 86400")
    return value


TITLE_LENGTH = Story._meta.get_field("title").max_length


class Command(BaseCommand):
    help = "Read article text files into a story's event timeline (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", help="Text files, or folders of .txt files.")
        parser.add_argument("--story", required=True, help="The story's slug, e.g. summit.")
        parser.add_argument("--title", help="The story's title (kept from earlier runs if unset).")
        parser.add_argument(
            "--manifest",
            help="JSON list of {file, outlet, url, published, author}; a folder's manifest.json "
            "is used when this is not given.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Extract again even if nothing has changed."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Do everything but keep nothing."
        )
        parser.add_argument(
            "--wait",
            type=_seconds,
            default=600,
            metavar="SECONDS",
            help="How long to wait for another run writing the same story to finish before "
            "giving up (default 600; 0 refuses at once).",
        )

    def handle(self, *args, **opts) -> None:
        title = opts["title"]
        if title is not None:
            title = " ".join(title.split())
            if not title or len(title) > TITLE_LENGTH:
                raise CommandError(f"--title must be 1 to {TITLE_LENGTH} characters of text")
        try:
            slug = story_slug(opts["story"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if slug != opts["story"]:
            # One spelling everywhere: say which one the other commands and the URLs know.
            self.stderr.write(f"story {opts['story']!r} is stored as {slug!r}")
        try:
            report = ingest(
                opts["paths"],
                story_slug=slug,
                title=title,
                manifest=opts["manifest"],
                force=opts["force"],
                dry_run=opts["dry_run"],
                progress=lambda msg: self.stderr.write(msg),
                wait=opts["wait"],
            )
        except (IngestError, StoryBusy) as exc:
            raise CommandError(str(exc)) from exc
        for item in report.files:
            if item.status == "failed":
                self.stderr.write(self.style.ERROR(f"failed: {item.message}"))
        style = self.style.WARNING if report.count("failed") else self.style.SUCCESS
        self.stdout.write(style(report.summary))
        if report.files and report.count("failed") == len(report.files):
            raise CommandError("no file could be ingested")
