"""Fit the merge's learned weighing of pairs on the development stories, and say how it carries.

Reads every development story's articles straight from the fixtures (nothing is stored), labels
the pairs the merge compares by the gold, fits the weights and writes them to
``stories/nlp/merge_weights.py``. It then prints, story by story, the event figures of the rules
alone beside those of the weights fitted without that story (held out), so a refit is judged on
stories it did not learn from. Test stories are never read.
"""

from __future__ import annotations

from pathlib import Path
from statistics import mean

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from stories.evaluation.corpus import find_stories
from stories.evaluation.merge_fit import (
    MergeFigures,
    StoryCandidates,
    examples,
    fit,
    held_out,
    merge_figures,
    weights_module,
)
from stories.evaluation.report import Ratio
from stories.ingest import folder_inputs
from stories.nlp.merge import RULES_ONLY

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
WEIGHTS_MODULE = Path(settings.BASE_DIR) / "stories" / "nlp" / "merge_weights.py"


class Command(BaseCommand):
    help = (
        "Fit the merge's learned pair weights on the development stories, write them to "
        "stories/nlp/merge_weights.py and print each story's event figures with the rules alone "
        "and with weights fitted without that story."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the figures; do not write the weights."
        )

    def handle(self, *args, **opts) -> None:
        from stories.nlp.pipeline import load_pipeline
        from stories.nlp.story import extract_story
        from stories.nlp.topics import load_taxonomy

        corpus = find_stories(FIXTURES).select(split="development")
        if not corpus.stories:
            raise CommandError(f"no development story with a gold file under {FIXTURES}")
        nlp = load_pipeline(settings.SPACY_MODEL)
        taxonomy = load_taxonomy(settings.TOPIC_TAXONOMY)
        stories: list[StoryCandidates] = []
        for case in corpus.stories:
            extraction = extract_story(folder_inputs(case.articles), nlp=nlp, taxonomy=taxonomy)
            stories.append(
                StoryCandidates(
                    case.slug,
                    extraction.candidates,
                    {a.name: a.kind for a in extraction.actors},
                    case.gold,
                )
            )
            self.stderr.write(f"{case.slug}: {len(extraction.candidates)} candidates")
        found = {s.slug: examples(s) for s in stories}
        every = [e for ex in found.values() for e in ex]
        weights = fit(every)
        if not opts["dry_run"]:
            WEIGHTS_MODULE.write_text(
                weights_module(weights, [s.slug for s in stories], len(every)), encoding="utf-8"
            )
            self.stdout.write(f"wrote {WEIGHTS_MODULE.relative_to(settings.BASE_DIR)}")
        rules = {s.slug: merge_figures(s, RULES_ONLY) for s in stories}
        learned = held_out(stories, found)
        self.stdout.write(_table(rules, learned))


def _table(rules: dict[str, MergeFigures], learned: dict[str, MergeFigures]) -> str:
    head = f"  {'story':24}{'found@date':>22}{'precision':>22}{'dates':>22}{'merged':>16}"
    lines = [
        "event figures: the rules alone -> with weights fitted on the other stories (held out)",
        head,
    ]

    def pair(a: Ratio, b: Ratio) -> str:
        return f"{_shown(a)} -> {_shown(b)}"

    for slug in rules:
        r, w = rules[slug], learned[slug]
        lines.append(
            f"  {slug:24}{pair(r.found, w.found):>22}{pair(r.precision, w.precision):>22}"
            f"{pair(r.dates, w.dates):>22}{f'{r.merged.hits} -> {w.merged.hits}':>16}"
        )

    def macro(figures: dict[str, MergeFigures], name: str) -> str:
        values = [v for f in figures.values() if (v := getattr(f, name).value) is not None]
        return f"{mean(values):.4f}" if values else "n/a"

    total = sum(f.merged.total for f in rules.values())
    lines.append(
        f"  {'macro average':24}"
        + "".join(
            f"{macro(rules, n) + ' -> ' + macro(learned, n):>22}"
            for n in ("found", "precision", "dates")
        )
        + f"{sum(f.merged.hits for f in rules.values())} -> "
        f"{sum(f.merged.hits for f in learned.values())} of {total}".rjust(16)
    )
    return "\n".join(lines)


def _shown(r: Ratio) -> str:
    return "n/a" if r.value is None else f"{r.value:.2f}"
