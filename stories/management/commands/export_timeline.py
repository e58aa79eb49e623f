from django.core.management.base import BaseCommand

from stories.export import FORMATS, story_export
from stories.management.arguments import story_named


class Command(BaseCommand):
    help = "Write a story's timeline to stdout (JSON is the documented interchange format)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--story", help="The story's slug (needed when there are several).")
        parser.add_argument("--format", choices=sorted(FORMATS), default="json")

    def handle(self, *args, **opts) -> None:
        story = story_named(opts["story"])
        self.stdout.write(FORMATS[opts["format"]](story_export(story)), ending="")
