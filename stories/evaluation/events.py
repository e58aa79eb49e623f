"""Events: matched to gold by their evidence sentences, dated, and counted as merged or split."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from .gold import Furniture, event_evidence
from .report import EventResult, Ratio
from .text import file_key, label, normalize_text

MERGE_MIN_FILES = 3
MERGE_FILE_SHARE = 0.8


def _date_at_granularity(system: str | None, gold: str | None) -> bool:
    if gold is None or system is None:
        return gold is None and system is None
    return len(system) >= len(gold) and system[: len(gold)] == gold


def supported(
    evidence: Sequence[Mapping[str, Sequence[str]]], file: str, sentence: str | None
) -> list[int]:
    """The gold events one of whose evidence strings for ``file`` the sentence holds."""
    said = normalize_text(sentence)
    return [g for g, ev in enumerate(evidence) if any(sub in said for sub in ev.get(file, ()))]


def chosen(
    votes: Mapping[int, int],
    date: str | None,
    title: str | None,
    gold_dates: Sequence[str | None],
    gold_titles: Sequence[str],
) -> int:
    """The gold event a system event matches: the most supported, then the one of its date,
    then the one whose title is most like its title, then the earlier."""
    told = normalize_text(title)
    return min(
        votes,
        key=lambda g: (
            -votes[g],
            gold_dates[g] != date,
            -fuzz.token_set_ratio(told, gold_titles[g]),
            g,
        ),
    )


def score_events(
    export: Mapping[str, Any], gold: Mapping[str, Any], furniture: Furniture
) -> dict[str, Any]:
    gold_events = list(gold.get("events") or [])
    evidence = [event_evidence(g) for g in gold_events]
    gold_files = [set(ev) for ev in evidence]
    gold_dates = [label(g.get("date")) for g in gold_events]
    gold_titles = [normalize_text(g.get("title")) for g in gold_events]

    results: list[EventResult] = []
    matched_by: dict[int, list[int]] = defaultdict(list)  # gold index -> result indexes
    supported_files: dict[tuple[int, int], set[str]] = {}  # (result, gold) -> files
    for event in export.get("events") or []:
        sources = event.get("sources") or []
        date = label(event.get("date"))
        files = tuple(sorted({file_key(s.get("file")) for s in sources}))
        votes: Counter[int] = Counter()
        support: dict[int, set[str]] = defaultdict(set)
        for source in sources:
            file = file_key(source.get("file"))
            for g in supported(evidence, file, source.get("evidence")):
                votes[g] += 1
                support[g].add(file)
        best: int | None = None
        if votes:
            best = chosen(votes, date, event.get("title"), gold_dates, gold_titles)
        index = len(results)
        if best is None:
            boilerplate = bool(sources) and all(
                furniture.only_in_furniture(s.get("evidence") or "", s.get("file")) for s in sources
            )
            results.append(
                EventResult(
                    id=str(event.get("id", index)),
                    title=str(event.get("title") or ""),
                    date=date,
                    files=files,
                    gold=None,
                    gold_date=None,
                    date_exact=False,
                    date_at_gold_granularity=False,
                    files_overlap=False,
                    files_equal=False,
                    boilerplate=boilerplate,
                )
            )
            continue
        matched_by[best].append(index)
        supported_files[(index, best)] = support[best]
        results.append(
            EventResult(
                id=str(event.get("id", index)),
                title=str(event.get("title") or ""),
                date=date,
                files=files,
                gold=str(gold_events[best].get("id")),
                gold_date=gold_dates[best],
                date_exact=date == gold_dates[best],
                date_at_gold_granularity=_date_at_granularity(date, gold_dates[best]),
                files_overlap=bool(set(files) & gold_files[best]),
                files_equal=set(files) == gold_files[best],
            )
        )

    matched = [r for r in results if r.gold is not None]
    found = {r.gold for r in results if r.counted}
    found_strict = {r.gold for r in results if r.counted_strict}

    merged_hits = 0
    merge_total = 0
    unmerged: list[tuple[str, int, int]] = []
    for g, files in enumerate(gold_files):
        if len(files) < MERGE_MIN_FILES:
            continue
        merge_total += 1
        best_files = max((len(supported_files[(i, g)]) for i in matched_by.get(g, ())), default=0)
        if best_files >= MERGE_FILE_SHARE * len(files):
            merged_hits += 1
        else:
            unmerged.append((str(gold_events[g].get("id")), best_files, len(files)))

    return {
        "event_precision": Ratio(sum(r.counted for r in results), len(results)),
        "event_recall": Ratio(len(found), len(gold_events)),
        "event_precision_strict": Ratio(sum(r.counted_strict for r in results), len(results)),
        "event_recall_strict": Ratio(len(found_strict), len(gold_events)),
        "date_accuracy": Ratio(sum(r.date_at_gold_granularity for r in matched), len(matched)),
        "date_exact": Ratio(sum(r.date_exact for r in matched), len(matched)),
        "merged": Ratio(merged_hits, merge_total),
        "split_events": tuple(
            (str(gold_events[g].get("id")), tuple(results[i].id for i in idx))
            for g, idx in sorted(matched_by.items())
            if len(idx) > 1
        ),
        "event_results": tuple(results),
        "missed_events": tuple(
            (str(g.get("id")), gold_dates[i], str(g.get("title") or ""))
            for i, g in enumerate(gold_events)
            if str(g.get("id")) not in found
        ),
        "unmerged_events": tuple(unmerged),
    }
