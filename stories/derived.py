"""What is worked out from a story's stored rows after every write to them: which articles are
copies of one wire story, the order of the events that share a date, and where outlets
contradict each other on an event.

Ingest calls ``refresh`` once its rows are written, and so do editors' merges and splits (they
change which events share a day). Both are pure computations in ``stories/nlp``; this module
only reads their inputs and stores what changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Prefetch
from django.db.models.functions import Length

from stories import models as m
from stories.nlp.families import wire_families
from stories.nlp.sequence import DayEvent, order_within_day
from stories.presenters import event_disagreements


def refresh(story: m.Story) -> None:
    refresh_families(story)
    refresh_sequence(story)
    refresh_disputes(story)


def refresh_disputes(story: m.Story, events: Iterable[m.Event] | None = None) -> None:
    """Each event's contradictions between outlets, in words ("" when they agree)."""
    if events is None:
        events = m.Event.objects.for_story(story)
    rows = m.Event.objects.filter(pk__in=[e.pk for e in events]).prefetch_related(
        "actors__aliases",
        Prefetch(
            "sources",
            queryset=m.EventSource.objects.active()
            .select_related("article__outlet")
            .defer("article__raw_text", "article__body", "article__blocks"),
            to_attr="active_sources",
        ),
    )
    changed = []
    for event in rows:
        text = describe(event_disagreements(event))
        if event.disputes != text:
            event.disputes = text
            changed.append(event)
    m.Event.objects.bulk_update(changed, ["disputes"])


def describe(found: list) -> str:
    """Disagreements in one line a reader can hover over."""
    parts = []
    for d in found:
        claims = "; ".join(f"{', '.join(c.sources)}: {c.text}" for c in d.claims)
        label = "Who did it" if d.kind == "who" else f"How many {d.about}"
        parts.append(f"{label}: {claims}")
    return " · ".join(parts)


def refresh_families(story: m.Story) -> None:
    articles = list(m.Article.objects.for_story(story).only("pk", "file_name", "body", "family"))
    families = wire_families({a.file_name: a.body for a in articles})
    root = {name: members[0] for members in families for name in members}
    for article in articles:
        family = root.get(article.file_name, "")
        if article.family != family:
            m.Article.objects.filter(pk=article.pk).update(family=family)


def refresh_sequence(story: m.Story) -> None:
    events = list(m.Event.objects.for_story(story).only("pk", "date_start", "date_end", "sequence"))
    sources = (
        m.EventSource.objects.active()
        .filter(event__story=story)
        .annotate(text_length=Length("article__raw_text"))
        .values_list("event_id", "article_id", "start", "sentence", "text_length")
    )
    evidence: dict[int, list[tuple[float, str]]] = defaultdict(list)
    reporters: dict[int, set[int]] = defaultdict(set)
    for event_id, article_id, start, sentence, length in sources:
        evidence[event_id].append((start / max(length or 1, 1), sentence))
        reporters[event_id].add(article_id)
    days: dict[tuple, list[m.Event]] = defaultdict(list)
    for event in events:
        days[(event.date_start, event.date_end)].append(event)
    changed = []
    for day_events in days.values():
        day_events.sort(key=lambda e: e.pk)
        order = order_within_day(
            [DayEvent(e.pk, evidence[e.pk], len(reporters[e.pk])) for e in day_events]
        )
        place = {pk: n for n, pk in enumerate(order)}
        for event in day_events:
            if event.sequence != place[event.pk]:
                event.sequence = place[event.pk]
                changed.append(event)
    m.Event.objects.bulk_update(changed, ["sequence"])
