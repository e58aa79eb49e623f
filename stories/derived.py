"""What is worked out from a story's stored rows after every write to them: which articles are
copies of one wire story, and the order of the events that share a date.

Ingest calls ``refresh`` once its rows are written, and so do editors' merges and splits (they
change which events share a day). Both are pure computations in ``stories/nlp``; this module
only reads their inputs and stores what changed.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models.functions import Length

from stories import models as m
from stories.nlp.families import wire_families
from stories.nlp.sequence import DayEvent, order_within_day


def refresh(story: m.Story) -> None:
    refresh_families(story)
    refresh_sequence(story)


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
