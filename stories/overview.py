"""The overview above the timeline: every event of the current filter as a mark on one line.

The story's main days (where most events fall) get most of the width, a column each with their
events stacked in the day's order, so a busy day reads as a tall column; the background (years
before, weeks after) is drawn apart on its own time scale, compressed to the left or right.
Coordinates are worked out here; the template only draws them as SVG, each mark a link.

A long filter (more than ``MAX_MARKS`` events) is drawn as density instead: the marks of each
stretch of the axis become one bar, as tall as its events are many, linking to the timeline
narrowed to those dates. The overview stays a few kilobytes however long the story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

WIDTH, HEIGHT = 1000, 150
BASELINE = 118  # y of the axis; marks stack upwards from it
MARK_R = 5
MAX_STACK_HEIGHT = 88
BEFORE_SPAN = (24, 300)  # x range of the background before the main days
MAIN_SPAN = (360, 880)
AFTER_SPAN = (930, 980)
MAX_MARKS = 60
BIN_WIDTH = 20  # px of axis one bar of a long filter stands for


@dataclass
class Mark:
    pk: int
    title: str
    label: str
    x: float
    y: float
    main: bool


@dataclass
class Bar:
    """Several events close together on the axis, drawn as one bar linking to their dates."""

    x: float
    y: float
    height: float
    count: int
    first: date
    last: date

    @property
    def label(self) -> str:
        if self.first == self.last:
            return f"{self.count} events on {self.first.day} {self.first:%b %Y}"
        return (
            f"{self.count} events, {self.first.day} {self.first:%b %Y}"
            f" to {self.last.day} {self.last:%b %Y}"
        )

    @property
    def query(self) -> tuple[str, str]:
        return self.first.isoformat(), self.last.isoformat()


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Overview:
    marks: list[Mark] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    sections: list[tuple[float, float, str]] = field(default_factory=list)  # x, width, caption
    undated: int = 0
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = BASELINE
    mark_r: int = MARK_R

    @property
    def drawn(self) -> bool:
        return bool(self.marks or self.bars)

    @property
    def summary(self) -> str:
        if self.bars:
            total = sum(b.count for b in self.bars)
            text = f"{total} dated events in {len(self.bars)} bars; a bar opens its dates"
            return text + (f", {self.undated} undated not shown" if self.undated else "")
        main = sum(1 for m in self.marks if m.main)
        parts = [f"{len(self.marks)} dated events"]
        if main and main != len(self.marks):
            parts.append(f"{main} of them on the main days")
        if self.undated:
            parts.append(f"{self.undated} undated not shown")
        return ", ".join(parts)


def main_days(events) -> list[date]:
    """Days (day-precise events) carrying at least half as many events as the busiest day."""
    counts = Counter(e.date_start for e in events if e.date_start and e.granularity == "day")
    if not counts:
        return []
    top = max(counts.values())
    return sorted(d for d, n in counts.items() if n * 2 >= top and n >= 2) or [
        max(counts, key=lambda d: (counts[d], d))
    ]


def _stack(columns: dict[float, list], main: set[date]) -> list[Mark]:
    marks = []
    for x, events in columns.items():
        step = min(2 * MARK_R + 3, MAX_STACK_HEIGHT / max(len(events), 1))
        for n, event in enumerate(events):
            marks.append(
                Mark(
                    pk=event.pk,
                    title=event.title,
                    label=event.date_label,
                    x=round(x, 1),
                    y=round(BASELINE - MARK_R - 2 - n * step, 1),
                    main=event.date_start in main and event.granularity == "day",
                )
            )
    return marks


def _bars(columns: dict[float, list]) -> list[Bar]:
    bins: dict[int, list] = defaultdict(list)
    for x, events in columns.items():
        bins[int(x // BIN_WIDTH)].extend(events)
    top = max(len(events) for events in bins.values())
    bars = []
    for n, events in sorted(bins.items()):
        height = max(4.0, MAX_STACK_HEIGHT * len(events) / top)
        days = [e.date_start for e in events]
        ends = [e.date_end or e.date_start for e in events]
        bars.append(
            Bar(
                x=n * BIN_WIDTH + 3,
                y=round(BASELINE - height, 1),
                height=round(height, 1),
                count=len(events),
                first=min(days),
                last=max(ends),
            )
        )
    return bars


def _linear(d: date, first: date, last: date, span: tuple[int, int]) -> float:
    if first == last:
        return (span[0] + span[1]) / 2
    return span[0] + (span[1] - span[0]) * (d - first).days / (last - first).days


def build_overview(events) -> Overview:
    """``events`` in chronological order (with ``date_label``, ``date_start``, ``granularity``)."""
    events = list(events)
    dated = [e for e in events if e.date_start]
    result = Overview(undated=len(events) - len(dated))
    if not dated:
        return result
    # Events dated only by month or year have no main day: their own dates are the columns.
    days = main_days(dated) or sorted({e.date_start for e in dated})
    first_main, last_main = days[0], days[-1]
    main = set(days)
    before = [e for e in dated if e.date_start < first_main]
    after = [e for e in dated if e.date_start > last_main]
    within = [e for e in dated if first_main <= e.date_start <= last_main]

    columns: dict[float, list] = defaultdict(list)
    # The main days: equal columns, in date order, whatever the gaps between them.
    column_days = sorted({e.date_start for e in within})
    lo, hi = MAIN_SPAN
    for n, d in enumerate(column_days):
        x = lo + (hi - lo) * (n + 0.5) / len(column_days)
        result.ticks.append(Tick(x=round(x, 1), label=f"{d.day} {d:%b}"))
    place = {d: lo + (hi - lo) * (n + 0.5) / len(column_days) for n, d in enumerate(column_days)}
    for e in within:
        columns[place[e.date_start]].append(e)
    result.sections.append((lo - 20, hi - lo + 40, _span_caption(first_main, last_main)))

    if before:
        first, last = before[0].date_start, before[-1].date_start
        for e in before:
            columns[round(_linear(e.date_start, first, last, BEFORE_SPAN), 0)].append(e)
        years = sorted({e.date_start.year for e in before})
        for year in years:
            x = _linear(max(date(year, 1, 1), first), first, last, BEFORE_SPAN)
            result.ticks.append(Tick(x=round(x, 1), label=str(year)))
        result.sections.append(
            (BEFORE_SPAN[0] - 14, BEFORE_SPAN[1] - BEFORE_SPAN[0] + 28, "Background")
        )
    if after:
        first, last = after[0].date_start, after[-1].date_start
        for e in after:
            columns[round(_linear(e.date_start, first, last, AFTER_SPAN), 0)].append(e)
        result.sections.append((AFTER_SPAN[0] - 14, AFTER_SPAN[1] - AFTER_SPAN[0] + 28, "After"))

    if len(dated) > MAX_MARKS:
        result.bars = _bars(columns)
    else:
        result.marks = _stack(columns, main)
    # Keep the ticks' labels apart: a later tick too close to the one before is dropped.
    ticks, last_x = [], -100.0
    for tick in sorted(result.ticks, key=lambda t: t.x):
        if tick.x - last_x >= 36:
            ticks.append(tick)
            last_x = tick.x
    result.ticks = ticks
    return result


def _span_caption(first: date, last: date) -> str:
    if first == last:
        return f"Main day: {first.day} {first:%B %Y}"
    return f"Main days: {first.day} {first:%b} – {last.day} {last:%b %Y}"
