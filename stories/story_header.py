"""What a reader meets first: the story's lede, the days it happened, its people and outlets.

The lede is extractive: two or three sentences the outlets themselves wrote, one for each of the
story's most-reported events, in the order they happened, each linked to its event. Nothing is
generated, so nothing can be said that no outlet said.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q

from stories import models as m
from stories.presenters import SourceGroup, independent

LEDE_SENTENCES = 3
KEY_PEOPLE = 5
# A lede sentence must stand on its own: not too short to say anything, not a paragraph.
MIN_CHARS, MAX_CHARS = 50, 260
# Sentences that lean on what came before them read badly out of their article.
_DEPENDENT = re.compile(
    r"^(?:he|she|it|they|this|that|these|those|but|and|also|however|meanwhile)\b", re.I
)
_WORD = re.compile(r"\w+")


@dataclass
class LedeSentence:
    event: m.Event
    text: str
    source: str


@dataclass
class StoryHeader:
    story: m.Story
    lede: list[LedeSentence] = field(default_factory=list)
    main_days: str = ""
    main_days_iso: str = ""
    people: list[m.Actor] = field(default_factory=list)
    outlets: list[SourceGroup] = field(default_factory=list)
    event_count: int = 0


def story_header(story: m.Story) -> StoryHeader:
    """A handful of queries whatever the story's size: the articles, which article reports which
    event (ids only), the visible events' dates, the people, and the chosen events' sentences.
    Only the few events the lede quotes are loaded with their evidence."""
    articles = list(
        m.Article.objects.for_story(story)
        .select_related("outlet")
        .defer("raw_text", "body", "blocks")
    )
    key_of = {a.pk: a.independence_key for a in articles}
    reached: dict[int, set[str]] = {}
    for event_id, article_id in (
        m.EventSource.objects.active()
        .filter(event__story=story, event__hidden=False)
        .values_list("event_id", "article_id")
    ):
        reached.setdefault(event_id, set()).add(key_of.get(article_id, f"article:{article_id}"))
    events = {
        e.pk: e
        for e in m.Event.objects.filter(pk__in=reached).only(
            "pk", "story_id", "title", "date_start", "granularity", "sequence"
        )
    }
    header = StoryHeader(
        story=story,
        outlets=independent(articles),
        event_count=m.Event.objects.for_story(story).visible().count() if not events else 0,
    )
    header.event_count = header.event_count or len(events)
    header.people = list(
        m.Actor.objects.filter(story=story, kind=m.Actor.PERSON)
        .annotate(n=Count("events", filter=Q(events__hidden=False), distinct=True))
        .filter(n__gt=0)
        .order_by("-n", "name")[:KEY_PEOPLE]
    )
    if not events:
        return header

    def reach(event: m.Event) -> int:
        return len(reached.get(event.pk, ()))

    ranked = sorted(
        events.values(), key=lambda e: (-reach(e), e.date_start is None, e.sequence, e.pk)
    )
    chosen = [e for e in ranked if e.date_start is not None][:LEDE_SENTENCES]
    chosen.sort(key=lambda e: (e.date_start, e.sequence, e.pk))
    for event in chosen:
        event.lede_sources = []
    for source in (
        m.EventSource.objects.active()
        .filter(event__in=chosen)
        .select_related("article__outlet")
        .defer("article__raw_text", "article__body", "article__blocks")
        .order_by("event_id", "article__file_name", "start")
    ):
        events[source.event_id].lede_sources.append(source)
    for event in chosen:
        text, source = lede_sentence(event)
        header.lede.append(LedeSentence(event=event, text=text, source=source))
    header.main_days, header.main_days_iso = main_days(list(events.values()), reach)
    return header


def lede_sentence(event: m.Event) -> tuple[str, str]:
    """The outlets' most representative sentence for an event, and who wrote it."""
    sources = event.lede_sources
    words = [set(_WORD.findall(s.sentence.lower())) for s in sources]

    def score(n: int) -> tuple:
        text = sources[n].sentence.strip()
        fits = MIN_CHARS <= len(text) <= MAX_CHARS and not _DEPENDENT.match(text)
        shared = sum(len(words[n] & w) / max(len(words[n] | w), 1) for w in words) - 1
        return (fits, shared, -len(text))

    if not sources:
        return event.title.rstrip(".") + ".", ""
    best = max(range(len(sources)), key=score)
    text = sources[best].sentence.strip()
    if not (MIN_CHARS <= len(text) <= MAX_CHARS) or _DEPENDENT.match(text):
        return event.title.rstrip(".") + ".", ""
    return text, sources[best].article.source_label


def main_days(events: list[m.Event], reach) -> tuple[str, str]:
    """The days most of the reporting is about, as a label and an ISO range."""
    weight: Counter[date] = Counter()
    for event in events:
        if event.date_start and event.granularity == "day":
            weight[event.date_start] += reach(event)
    if not weight:
        return "", ""
    top = max(weight.values())
    days = sorted(d for d, w in weight.items() if w * 2 >= top)
    first, last = days[0], days[-1]
    if first == last:
        return f"{first.day} {first:%B %Y}", first.isoformat()
    if (first.year, first.month) == (last.year, last.month):
        label = f"{first.day}–{last.day} {last:%B %Y}"
    elif first.year == last.year:
        label = f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    else:
        label = f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"
    return label, f"{first.isoformat()}/{last.isoformat()}"
