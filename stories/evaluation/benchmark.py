"""The figures the benchmark reports per story, their macro averages, and the targets.

Per story, from its ``Report`` and export: gold events found with the right date (recall at the
right date) and event precision; date accuracy of the events found; events told by 3+ outlets
merged into one event carrying 80% of their files (n of m); quotes with the right speaker;
events, actors and quotes taken from page furniture; wrongly merged people (two gold persons that
became one system actor); publication dates right (n of m files, against the gold's
``published``). Ratios are macro-averaged over the stories that have something to count; counts
are summed.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .report import Ratio, Report
from .text import file_key, label

RATIO_FIGURES = (
    ("found_at_date", "found@date"),
    ("precision", "precision"),
    ("date_accuracy", "dates"),
    ("merged", "merged"),
    ("speakers", "speakers"),
    ("published", "published"),
)
COUNT_FIGURES = (
    ("furniture", "furniture e/a/q"),
    ("merged_people", "merged people"),
)


@dataclass(frozen=True)
class StoryFigures:
    story: str
    split: str
    found_at_date: Ratio  # gold events with a system event of the right date
    precision: Ratio  # system events matching a gold event at the right date
    date_accuracy: Ratio  # matched system events dated right at the gold's granularity
    merged: Ratio  # gold events of 3+ files told as one event carrying 80% of them
    speakers: Ratio  # found gold quotes with the right speaker
    published: Ratio  # files whose publication date is the gold's
    furniture_events: int
    furniture_actors: int
    furniture_quotes: int
    merged_people: int
    wrong_published: tuple[tuple[str, str | None, str], ...] = ()  # (file, system, gold)

    @property
    def furniture(self) -> int:
        return self.furniture_events + self.furniture_actors + self.furniture_quotes


def publication_dates(
    export: Mapping[str, Any], gold: Mapping[str, Any]
) -> tuple[Ratio, tuple[tuple[str, str | None, str], ...]]:
    """Files whose exported publication date equals the gold's, and the ones that do not."""
    truth = {file_key(f): str(d) for f, d in (gold.get("published") or {}).items() if d}
    system = {
        file_key(s.get("file")): label(s.get("published")) for s in export.get("sources") or []
    }
    wrong = tuple(
        (file, system.get(file), day)
        for file, day in sorted(truth.items())
        if system.get(file) != day
    )
    return Ratio(len(truth) - len(wrong), len(truth)), wrong


def story_figures(
    report: Report, export: Mapping[str, Any], gold: Mapping[str, Any], split: str
) -> StoryFigures:
    published, wrong = publication_dates(export, gold)
    return StoryFigures(
        story=report.story,
        split=split,
        found_at_date=report.event_recall,
        precision=report.event_precision,
        date_accuracy=report.date_accuracy,
        merged=report.merged,
        speakers=report.attribution,
        published=published,
        furniture_events=sum(r.boilerplate for r in report.false_positive_events),
        furniture_actors=len(report.boilerplate_actors),
        furniture_quotes=len(report.boilerplate_quotes),
        merged_people=len(report.wrongly_merged_people),
        wrong_published=wrong,
    )


@dataclass(frozen=True)
class Macro:
    """Ratios averaged over the stories that have something to count; counts summed."""

    stories: int
    ratios: dict[str, float | None]
    counted: dict[str, int]  # how many stories each average is over
    totals: dict[str, int]


def macro(figures: Sequence[StoryFigures]) -> Macro:
    ratios: dict[str, float | None] = {}
    counted: dict[str, int] = {}
    for name, _ in RATIO_FIGURES:
        values = [v for f in figures if (v := getattr(f, name).value) is not None]
        ratios[name] = sum(values) / len(values) if values else None
        counted[name] = len(values)
    totals = {name: sum(getattr(f, name) for f in figures) for name, _ in COUNT_FIGURES}
    return Macro(len(figures), ratios, counted, totals)


@dataclass(frozen=True)
class Target:
    text: str
    figure: str
    compare: Callable[[float, float], bool]
    bound: float

    def met(self, m: Macro) -> bool | None:
        value = m.ratios[self.figure] if self.figure in m.ratios else m.totals[self.figure]
        return None if value is None else self.compare(value, self.bound)

    def shown(self, m: Macro) -> str:
        value = m.ratios[self.figure] if self.figure in m.ratios else m.totals[self.figure]
        return "n/a" if value is None else f"{value:.2f}" if self.figure in m.ratios else str(value)


# The issue's targets, checked on the test stories' macro average.
TARGETS = (
    Target("gold events found with the right date >= 0.85", "found_at_date", operator.ge, 0.85),
    Target("event precision >= 0.70", "precision", operator.ge, 0.70),
    Target("date accuracy of the events found >= 0.95", "date_accuracy", operator.ge, 0.95),
    Target("events of 3+ outlets merged into one >= 0.80", "merged", operator.ge, 0.80),
    Target("quotes with the right speaker >= 0.92", "speakers", operator.ge, 0.92),
    Target("events, actors, quotes from furniture = 0", "furniture", operator.eq, 0),
    Target("wrongly merged people = 0", "merged_people", operator.eq, 0),
)


def _cell(ratio: Ratio, counts: bool) -> str:
    if ratio.value is None:
        return "n/a"
    return f"{ratio.value:.2f} {ratio.hits}/{ratio.total}" if counts else f"{ratio.value:.2f}"


_FURNITURE_PARTS = ("furniture_events", "furniture_actors", "furniture_quotes")


def _counts(f: StoryFigures, name: str) -> str:
    """Furniture as events/actors/quotes; other counts as they are."""
    if name == "furniture":
        return "/".join(str(getattr(f, p)) for p in _FURNITURE_PARTS)
    return str(getattr(f, name))


_WIDTHS = {"found@date": 10, "precision": 9, "dates": 5, "merged": 10, "speakers": 8,
           "published": 10, "furniture e/a/q": 15, "merged people": 13}  # fmt: skip
_WITH_COUNTS = {"merged", "published"}


def format_table(title: str, figures: Sequence[StoryFigures], targets: bool = False) -> str:
    """One split's stories, a line each, with their macro average (and the targets)."""
    width = max([len("macro average"), *(len(f.story) for f in figures)])
    heads = [h for _, h in RATIO_FIGURES] + [h for _, h in COUNT_FIGURES]
    lines = [
        f"{title} ({len(figures)} {'story' if len(figures) == 1 else 'stories'})",
        "  " + "story".ljust(width) + "".join(f"  {h:>{_WIDTHS[h]}}" for h in heads),
    ]
    for f in figures:
        cells = [_cell(getattr(f, n), n in _WITH_COUNTS) for n, _ in RATIO_FIGURES]
        cells += [_counts(f, n) for n, _ in COUNT_FIGURES]
        lines.append(
            "  "
            + f.story.ljust(width)
            + "".join(f"  {c:>{_WIDTHS[h]}}" for c, h in zip(cells, heads, strict=True))
        )
    if figures:
        m = macro(figures)
        cells = ["n/a" if (v := m.ratios[n]) is None else f"{v:.2f}" for n, _ in RATIO_FIGURES]
        cells += [
            "/".join(str(sum(getattr(f, p) for f in figures)) for p in _FURNITURE_PARTS)
            if n == "furniture"
            else str(m.totals[n])
            for n, _ in COUNT_FIGURES
        ]
        lines.append(
            "  "
            + "macro average".ljust(width)
            + "".join(f"  {c:>{_WIDTHS[h]}}" for c, h in zip(cells, heads, strict=True))
        )
        if targets:
            lines.append("  targets (macro average of these stories):")
            for t in TARGETS:
                met = t.met(m)
                verdict = "n/a" if met is None else "met" if met else "NOT MET"
                lines.append(f"    {t.text:<46} {t.shown(m):>5}  {verdict}")
    return "\n".join(lines)
