"""What a scoring run finds: ratios, per-item results and the whole report of one story."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ratio:
    """``hits`` out of ``total``; ``value`` is ``None`` when there is nothing to count."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        shown = "n/a" if self.value is None else f"{self.value:.2f}"
        return f"{shown} ({self.hits}/{self.total})"


@dataclass(frozen=True)
class EventResult:
    """How one system event fared."""

    id: str
    title: str
    date: str | None
    files: tuple[str, ...]
    gold: str | None  # id of the matched gold event
    gold_date: str | None
    date_exact: bool
    date_at_gold_granularity: bool
    files_overlap: bool
    files_equal: bool
    boilerplate: bool = False

    @property
    def counted(self) -> bool:
        return self.gold is not None and self.date_exact and self.files_overlap

    @property
    def counted_strict(self) -> bool:
        return self.counted and self.files_equal


@dataclass(frozen=True)
class QuoteResult:
    """How one gold quote fared."""

    id: str
    file: str
    text: str
    direct: bool
    speaker: str | None
    group: str | None
    system_id: str | None = None  # best-matching system quote
    system_speaker: str | None = None
    system_direct: bool | None = None
    system_group: str | None = None
    speaker_ok: bool | None = None  # None: not found, or the gold has no speaker

    @property
    def found(self) -> bool:
        return self.system_id is not None


@dataclass(frozen=True)
class Report:
    story: str
    # events
    event_precision: Ratio
    event_recall: Ratio
    event_precision_strict: Ratio
    event_recall_strict: Ratio
    date_accuracy: Ratio
    date_exact: Ratio
    merged: Ratio
    split_events: tuple[tuple[str, tuple[str, ...]], ...]  # (gold id, system ids)
    # actors
    actor_precision: Ratio
    actor_recall: Ratio
    actor_kind: Ratio
    wrongly_merged_people: tuple[tuple[str, tuple[str, ...]], ...]  # (system name, gold names)
    duplicated_actors: tuple[tuple[str, tuple[str, ...]], ...]  # (gold name, system names)
    # quotes
    quote_recall_direct: Ratio
    quote_recall_indirect: Ratio
    quote_precision: Ratio
    attribution: Ratio
    direct_flag: Ratio
    variant_groups: Ratio
    mixed_variant_groups: tuple[tuple[str, tuple[str, ...]], ...]  # (system group, gold groups)
    # details
    event_results: tuple[EventResult, ...]
    quote_results: tuple[QuoteResult, ...]
    missed_events: tuple[tuple[str, str | None, str], ...]  # (gold id, date, title)
    unmerged_events: tuple[tuple[str, int, int], ...]  # (gold id, best files, gold files)
    missed_actors: tuple[str, ...]
    unmatched_actors: tuple[str, ...]
    boilerplate_actors: tuple[str, ...]
    unmatched_quotes: tuple[tuple[str, str, str], ...]  # (system id, file, text)
    boilerplate_quotes: tuple[str, ...]  # system ids
    groups_apart: tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]

    @property
    def false_positive_events(self) -> tuple[EventResult, ...]:
        return tuple(r for r in self.event_results if r.gold is None)

    @property
    def wrong_dates(self) -> tuple[EventResult, ...]:
        return tuple(r for r in self.event_results if r.gold is not None and not r.date_exact)

    @property
    def wrong_speakers(self) -> tuple[QuoteResult, ...]:
        return tuple(q for q in self.quote_results if q.speaker_ok is False)

    @property
    def missed_quotes(self) -> tuple[QuoteResult, ...]:
        return tuple(q for q in self.quote_results if not q.found)
