"""Small ORM builders for view and admin tests that need a story of a given shape, fast."""

from __future__ import annotations

from datetime import date, timedelta

from stories import models as m


def make_story(n_events: int = 3, slug: str = "test-story", outlets: int = 2) -> m.Story:
    story = m.Story.objects.create(slug=slug, title=slug.replace("-", " ").title())
    outlet_rows = [
        m.Outlet.objects.get_or_create(name=f"Outlet {i}", defaults={"slug": f"outlet-{i}"})[0]
        for i in range(outlets)
    ]
    articles = [
        m.Article.objects.create(
            story=story,
            file_name=f"{slug}-{i}.txt",
            content_hash=str(i),
            outlet=outlet,
            headline=f"Headline {i}",
            raw_text="Text.",
            published=date(2024, 3, 1),
            published_basis="manifest",
        )
        for i, outlet in enumerate(outlet_rows)
    ]
    alice = m.Actor.objects.create(story=story, name="Alice Example", slug="alice-example")
    bob = m.Actor.objects.create(
        story=story, name="Bob Sample", slug="bob-sample", kind=m.Actor.ORGANIZATION
    )
    topic, _ = m.Topic.objects.get_or_create(slug="diplomacy", defaults={"name": "Diplomacy"})
    start = date(2020, 1, 1)
    for i in range(n_events):
        day = start + timedelta(days=i)
        event = m.Event.objects.create(
            story=story,
            title=f"Event number {i}",
            date_start=day,
            date_end=day,
            granularity="day",
            date_basis="explicit",
        )
        event.actors.add(alice if i % 2 == 0 else bob)
        if i % 3 == 0:
            event.topics.add(topic)
        for j, article in enumerate(articles):
            if i % 2 == 0 or j == 0:
                m.EventSource.objects.create(
                    event=event, article=article, sentence=f"Sentence {i} from {j}.", start=0, end=5
                )
    return story
