"""What is worked out from a story's stored rows after every write to them: which articles are
copies of one wire story, the order of the events that share a date, and where outlets
contradict each other on an event.

Ingest calls ``refresh`` once its rows are written, naming what it changed so that only that is
worked out again (a run over the whole story works everything out again); editors' merges and
splits refresh the events they touch (they change which events share a day). Both computations
are pure, in ``stories/nlp``; this module only reads their inputs and stores what changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Length

from stories import models as m
from stories.batches import chunked
from stories.nlp.families import wire_families
from stories.nlp.sequence import DayEvent, order_within_day
from stories.presenters import event_disagreements

# The events that share a place in the timeline: (date_start, date_end).
Day = tuple[date | None, date | None]


@dataclass
class Changes:
    """What one write changed of the rows the derived values are worked out from."""

    # Articles created, or whose text, outlet or headline changed: the families, and the events
    # these articles report.
    articles: set[int] = field(default_factory=set)
    # Actors renamed, or given or relieved of an alias: the disputes of their events.
    actors: set[int] = field(default_factory=set)
    # Events created, or whose evidence, actors or date changed.
    events: set[int] = field(default_factory=set)
    # Dates that lost an event (moved to another date, or deleted): the order of the rest.
    days: set[Day] = field(default_factory=set)


def refresh(story: m.Story, changes: Changes | None = None) -> None:
    """Work out again every derived value of the story, or only those ``changes`` can move."""
    if changes is None:
        refresh_families(story)
        refresh_sequence(story)
        refresh_disputes(story)
        return
    if changes.articles:
        refresh_families(story)
    reported = changes.events | _events_reported_in(changes.articles)
    if reported or changes.days:
        refresh_sequence(story, reported, changes.days)
    _refresh_disputes_of(reported | _events_of_actors(changes.actors))


def _events_reported_in(articles: set[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunked(articles):
        rows = m.EventSource.objects.active().filter(article_id__in=chunk).order_by()
        found.update(rows.values_list("event_id", flat=True))
    return found


def _events_of_actors(actors: set[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunked(actors):
        links = m.Event.actors.through.objects.filter(actor_id__in=chunk)
        found.update(links.values_list("event_id", flat=True))
    return found


def refresh_disputes(story: m.Story, events: Iterable[m.Event] | None = None) -> None:
    """Each event's contradictions between outlets, in words ("" when they agree)."""
    if events is None:
        events = m.Event.objects.for_story(story).only("pk")
    _refresh_disputes_of({e.pk for e in events})


def _refresh_disputes_of(pks: set[int]) -> None:
    # Each article is read once and shared by all the evidence it gives, rather than copied
    # with each piece.
    articles: dict[int, m.Article] = {}
    sources = m.EventSource.objects.active().only("event_id", "article_id", "sentence")
    for chunk in chunked(pks):
        rows = list(
            m.Event.objects.filter(pk__in=chunk)
            .only("disputes")
            .prefetch_related(
                "actors__aliases", Prefetch("sources", queryset=sources, to_attr="active_sources")
            )
        )
        cited = {s.article_id for event in rows for s in event.active_sources}
        for more in chunked(cited - articles.keys()):
            found = m.Article.objects.filter(pk__in=more).select_related("outlet")
            articles.update((a.pk, a) for a in found.only("headline", "outlet__name"))
        changed = []
        for event in rows:
            for source in event.active_sources:
                source.article = articles[source.article_id]
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
    changed = []
    for article in articles:
        family = root.get(article.file_name, "")
        if article.family != family:
            article.family = family
            changed.append(article)
    m.Article.objects.bulk_update(changed, ["family"])


def refresh_sequence(
    story: m.Story, events: set[int] | None = None, days: Iterable[Day] = ()
) -> None:
    """The order of each day's events; with ``events``, only of the days these events are on
    and of ``days`` (the order of a day depends on its own events alone)."""
    rows = list(m.Event.objects.for_story(story).only("pk", "date_start", "date_end", "sequence"))
    by_day: dict[Day, list[m.Event]] = defaultdict(list)
    for event in rows:
        by_day[(event.date_start, event.date_end)].append(event)
    sources = m.EventSource.objects.active()
    if events is None:
        found = [_evidence(sources.filter(event__story=story))]
    else:
        wanted = set(days) | {(e.date_start, e.date_end) for e in rows if e.pk in events}
        by_day = {day: by_day[day] for day in wanted if day in by_day}
        pks = [e.pk for day_events in by_day.values() for e in day_events]
        found = [_evidence(sources.filter(event_id__in=chunk)) for chunk in chunked(pks)]
    evidence: dict[int, list[tuple[float, str]]] = defaultdict(list)
    reporters: dict[int, set[int]] = defaultdict(set)
    for part in found:
        for event_id, article_id, start, sentence, length in part:
            evidence[event_id].append((start / max(length or 1, 1), sentence))
            reporters[event_id].add(article_id)
    changed = []
    for day_events in by_day.values():
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


def _evidence(sources: QuerySet) -> QuerySet:
    """(event, article, start, sentence, length of the article's text) of each piece."""
    return sources.annotate(text_length=Length("article__raw_text")).values_list(
        "event_id", "article_id", "start", "sentence", "text_length"
    )
