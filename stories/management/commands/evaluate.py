import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stories.evaluation import evaluate, format_report, gold_problems
from stories.export import story_export
from stories.management.arguments import story_named


class Command(BaseCommand):
    help = (
        "Print precision and recall of a story's extraction against a hand-written gold file "
        "(a benchmark: it reports figures, it does not pass or fail)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--story", required=True)
        parser.add_argument("--gold", required=True, help="e.g. fixtures/gold/summit.json")
        parser.add_argument(
            "--details", action="store_true", help="List the misses and false positives too."
        )

    def handle(self, *args, **opts) -> None:
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
