from django.core.management.base import BaseCommand, CommandError

from stories.export import FORMATS, story_export
from stories.models import Story


class Command(BaseCommand):
    help = "Write a story's timeline to stdout (JSON is the documented interchange format)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--story", help="The story's slug (needed when there are several).")
        parser.add_argument("--format", choices=sorted(FORMATS), default="json")

    def handle(self, *args, **opts) -> None:
        if opts["story"]:
            story = Story.objects.filter(slug=opts["story"]).first()
            if story is None:
                raise CommandError(f"no story {opts['story']!r}; ingest it first")
        else:
            stories = list(Story.objects.all()[:2])
            if not stories:
                raise CommandError(
                    "no story yet; ingest one with: manage.py ingest PATH --story SLUG"
                )
            if len(stories) > 1:
                raise CommandError("there are several stories; name one with --story SLUG")
            story = stories[0]
        self.stdout.write(FORMATS[opts["format"]](story_export(story)), ending="")
