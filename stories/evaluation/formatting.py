"""One story's report as readable lines."""

from __future__ import annotations

from collections.abc import Iterable

from .report import Report


def format_report(report: Report, details: bool = False) -> str:
    """A readable block of lines; with ``details``, every miss and false positive."""
    lines = [
        f"story: {report.story}",
        f"events: precision {report.event_precision}  recall {report.event_recall}",
        f"  strict (same files): precision {report.event_precision_strict}"
        f"  recall {report.event_recall_strict}",
        f"  dates: accuracy {report.date_accuracy} at the gold granularity,"
        f" exact {report.date_exact}",
        f"  merged {report.merged.hits}/{report.merged.total}"
        f" (gold events in 3+ files with one system event carrying 80% of their files)"
        f"  split {len(report.split_events)}",
        f"actors: precision {report.actor_precision}  recall {report.actor_recall}"
        f"  kind {report.actor_kind}",
        f"  wrongly merged people {len(report.wrongly_merged_people)}"
        f"  duplicated {len(report.duplicated_actors)}",
        f"quotes: direct recall {report.quote_recall_direct}"
        f"  indirect recall {report.quote_recall_indirect}"
        f"  precision {report.quote_precision}",
        f"  attribution {report.attribution}  direct/indirect {report.direct_flag}",
        f"  variant groups together {report.variant_groups.hits}/{report.variant_groups.total}"
        f"  mixed system groups {len(report.mixed_variant_groups)}",
        f"unmatched: events {len(report.false_positive_events)}"
        f" (boilerplate {sum(r.boilerplate for r in report.false_positive_events)})"
        f"  actors {len(report.unmatched_actors)} (boilerplate {len(report.boilerplate_actors)})"
        f"  quotes {len(report.unmatched_quotes)} (boilerplate {len(report.boilerplate_quotes)})",
    ]
    if not details:
        return "\n".join(lines)

    def section(title: str, items: Iterable[str]) -> None:
        items = list(items)
        if items:
            lines.append(f"  {title} ({len(items)}):")
            lines.extend(f"    {item}" for item in items)

    lines.append("details:")
    section(
        "gold events not found",
        (f"{gid} [{date or '-'}] {title}" for gid, date, title in report.missed_events),
    )
    section(
        "false-positive events",
        (
            f"{r.id} [{r.date or '-'}] {r.title} ({', '.join(r.files)})"
            + (" [boilerplate]" if r.boilerplate else "")
            for r in report.false_positive_events
        ),
    )
    section(
        "wrong dates",
        (
            f"{r.id} -> {r.gold}: system {r.date or '-'}, gold {r.gold_date or '-'}  {r.title}"
            for r in report.wrong_dates
        ),
    )
    section(
        "not merged",
        (f"{gid}: best {best}/{total} files" for gid, best, total in report.unmerged_events),
    )
    section(
        "split gold events",
        (f"{gid}: {', '.join(ids)}" for gid, ids in report.split_events),
    )
    section("gold actors not found", report.missed_actors)
    section(
        "unmatched system actors",
        (
            name + (" [boilerplate]" if name in report.boilerplate_actors else "")
            for name in report.unmatched_actors
        ),
    )
    section(
        "wrongly merged people",
        (f"{name}: {', '.join(golds)}" for name, golds in report.wrongly_merged_people),
    )
    section(
        "duplicated actors",
        (f"{name}: {', '.join(names)}" for name, names in report.duplicated_actors),
    )
    section(
        "gold quotes not found",
        (
            f'{q.id} {"direct" if q.direct else "indirect"} {q.file}: "{q.text}"'
            for q in report.missed_quotes
        ),
    )
    section(
        "wrong speakers",
        (
            f'{q.id} "{q.text}": gold {q.speaker}, system {q.system_speaker or "-"}'
            for q in report.wrong_speakers
        ),
    )
    section(
        "unmatched system quotes",
        (
            f'{sid} {file}: "{text}"'
            + (" [boilerplate]" if sid in report.boilerplate_quotes else "")
            for sid, file, text in report.unmatched_quotes
        ),
    )
    section(
        "variant groups apart",
        (
            f"{group}: " + ", ".join(f"{qid}->{label or '-'}" for qid, label in members)
            for group, members in report.groups_apart
        ),
    )
    section(
        "system groups mixing gold groups",
        (f"{label}: {', '.join(groups)}" for label, groups in report.mixed_variant_groups),
    )
    return "\n".join(lines)
