"""Long facets: the top values, "Show all" on demand, a search box, selected values kept."""

from __future__ import annotations

import re
from html import unescape

from django.urls import reverse

from stories import facets
from stories import models as m
from tests.factories import make_story

HX = {"HTTP_HX_REQUEST": "true"}


def crowded_story(n_actors: int = 30, n_events: int = 60, slug: str = "crowded") -> m.Story:
    """make_story's events, with ``n_actors`` more people: person k is in 60/(k+1) events."""
    story = make_story(n_events, slug=slug)
    actors = m.Actor.objects.bulk_create(
        [
            m.Actor(story=story, name=f"Person {k:02d}", slug=f"person-{k:02d}")
            for k in range(n_actors)
        ]
    )
    events = list(story.events.order_by("pk"))
    Through = m.Event.actors.through
    Through.objects.bulk_create(
        [
            Through(event_id=e.pk, actor_id=a.pk)
            for k, a in enumerate(actors)
            for e in events[: max(1, n_events // (k + 1))]
        ]
    )
    return story


def timeline_url(story: m.Story) -> str:
    return reverse("stories:timeline", args=[story.slug])


def actor_boxes(html: str) -> list[str]:
    return re.findall(r'name="actor" value="([^"]+)"', html)


def test_a_long_facet_shows_its_top_values_and_says_how_many_more(client, db):
    story = crowded_story()
    html = client.get(timeline_url(story)).content.decode()
    shown = actor_boxes(html)
    assert len(shown) == facets.TOP
    assert shown[:3] == ["alice-example", "bob-sample", "person-00"] or "person-00" in shown
    assert "Show all 32" in html  # 30 people, Alice and Bob
    assert 'id="facet-actor-q"' in html  # long enough for a search box
    assert 'id="facet-topic-q"' not in html  # one topic: no search box


def test_show_all_loads_the_rest_into_the_form(client, db):
    story = crowded_story()
    page = client.get(timeline_url(story), {"topic": "diplomacy"}).content.decode()
    link = re.search(r'<a class="facet-more" href="([^"]+)" hx-get="([^"]+)"', page)
    href, hx_get = (unescape(u) for u in link.groups())
    assert href.startswith(timeline_url(story)) and "more=actor" in href
    assert "topic=diplomacy" in hx_get and "more=actor" in hx_get
    html = client.get(hx_get, **HX).content.decode()
    assert html.lstrip().startswith('<fieldset id="facet-actor"')
    assert len(actor_boxes(html)) == 32  # those in no diplomacy event too, counted 0
    assert "Show all" not in html
    # The form remembers the facet is open, so the next filter change keeps it open.
    assert '<input type="hidden" name="more" value="actor">' in html


def test_show_all_without_javascript_is_the_timeline_with_the_facet_open(client, db):
    story = crowded_story()
    url = reverse("stories:facet", args=[story.slug, "actor"])
    response = client.get(url, {"topic": "diplomacy"})
    assert response.status_code == 302
    assert "more=actor" in response["Location"] and "topic=diplomacy" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert len(actor_boxes(page)) == 32


def test_a_selected_value_is_shown_whatever_its_rank(client, db):
    story = crowded_story()
    html = client.get(timeline_url(story), {"actor": "person-29"}).content.decode()
    assert "person-29" in actor_boxes(html)
    assert 'value="person-29" checked' in html
    assert len(actor_boxes(html)) == facets.TOP + 1


def test_facet_search_finds_values_beyond_the_top(client, db):
    story = crowded_story()
    url = reverse("stories:facet", args=[story.slug, "actor"])
    html = client.get(url, {"actor_q": "person 2"}, **HX).content.decode()
    assert actor_boxes(html) == [f"person-{k}" for k in range(20, 30)]
    missing = client.get(url, {"actor_q": "nobody"}, **HX).content.decode()
    assert "No name matches “nobody”" in missing
    # Without JavaScript the same search is a parameter of the timeline page.
    page = client.get(timeline_url(story), {"actor_q": "person 2"}).content.decode()
    assert actor_boxes(page) == [f"person-{k}" for k in range(20, 30)]


def test_facet_counts_follow_the_filter_and_keep_values_with_none(client, db):
    story = crowded_story()
    html = client.get(timeline_url(story), {"actor": "person-29"}, **HX).content.decode()
    # Person 29 is in the first two events; Outlet 1 reported only the first of them.
    assert re.search(
        r'f-outlet-outlet-0"><span class="facet-name">Outlet 0</span> <span class="count">2<', html
    )
    assert re.search(
        r'f-outlet-outlet-1"><span class="facet-name">Outlet 1</span> <span class="count">1<', html
    )


def test_an_open_facet_is_still_bounded(client, db, monkeypatch):
    monkeypatch.setattr(facets, "LIMIT", 10)
    story = crowded_story()
    html = client.get(timeline_url(story), {"more": "actor"}).content.decode()
    assert len(actor_boxes(html)) == 10
    assert "22 more not listed" in html


def test_unknown_facet_is_not_found(client, db):
    story = make_story(1)
    assert (
        client.get(reverse("stories:facet", args=[story.slug, "colour"]), **HX).status_code == 404
    )


def test_a_filter_fragment_stays_under_60_kb_however_long_the_story(client, db):
    story = crowded_story(n_actors=200, n_events=400, slug="long")
    m.Event.objects.filter(story=story).update(title="A long title " * 8)
    url = timeline_url(story)
    fragment = client.get(url, {"actor": "alice-example"}, **HX)
    assert fragment.status_code == 200
    assert fragment.content.decode().count("data-event-id=") > 0
    assert len(fragment.content) <= 60 * 1024, len(fragment.content)
    page_two = client.get(url, {"page": 2}, **HX)
    assert len(page_two.content) <= 60 * 1024, len(page_two.content)


def test_fragments_and_show_all_run_the_same_queries_for_small_and_large_stories(client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts(story: m.Story) -> list[int]:
        urls = [
            (timeline_url(story), {"actor": "alice-example"}),
            (timeline_url(story), {"actor": "person-03", "page": "2"}),
            (reverse("stories:facet", args=[story.slug, "actor"]), {}),
            (reverse("stories:facet", args=[story.slug, "actor"]), {"actor_q": "person"}),
        ]
        out = []
        for url, query in urls:
            for _ in range(2):  # computed, then from the cache
                with CaptureQueriesContext(connection) as ctx:
                    assert client.get(url, query, **HX).status_code == 200
                out.append(len(ctx.captured_queries))
        return out

    small = counts(crowded_story(n_actors=12, n_events=40, slug="small"))
    large = counts(crowded_story(n_actors=150, n_events=400, slug="large"))
    assert small == large
    assert max(small) <= 14 and all(n == 1 for n in small[1::2]), small


def test_the_quotes_page_bounds_its_speakers_the_same_way(client, db):
    story = make_story(2, slug="talkative")
    article = story.articles.first()
    speakers = m.Actor.objects.bulk_create(
        [m.Actor(story=story, name=f"Speaker {k:02d}", slug=f"speaker-{k:02d}") for k in range(20)]
    )
    m.Quote.objects.bulk_create(
        [
            m.Quote(article=article, speaker=a, text=f"Words {k}", key=f"k{k}", start=0, end=5)
            for k, a in enumerate(speakers)
        ]
    )
    url = reverse("stories:quotes", args=[story.slug])
    boxes = r'name="speaker" value="([^"]+)"'
    html = client.get(url).content.decode()
    assert len(re.findall(boxes, html)) == facets.TOP
    assert "Show all 20" in html and f'href="{url}?more=speaker"' in html
    assert len(re.findall(boxes, client.get(url, {"more": "speaker"}).content.decode())) == 20
    found = client.get(url, {"speaker_q": "speaker 1"}, **HX).content.decode()
    assert re.findall(boxes, found) == [f"speaker-{k}" for k in range(10, 20)]
    picked = client.get(url, {"speaker": "speaker-19"}).content.decode()
    assert 'value="speaker-19" checked' in picked
