"""Reader URLs under hostile input: bounded cost, clear 400s, never a 500."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories import models as m
from stories.filters import MAX_VALUES_PER_FACET
from tests.factories import make_story


def timeline_url(story: m.Story) -> str:
    return reverse("stories:timeline", args=[story.slug])


def queries(client: Client, url: str, params: list[tuple[str, str]]) -> tuple[int, int]:
    """A request's status and queries, computed afresh (a cached page would cost one query)."""
    cache.clear()
    query = "&".join(f"{k}={v}" for k, v in params)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"{url}?{query}")
    return response.status_code, len(ctx.captured_queries)


def test_a_200_value_filter_runs_as_many_queries_as_a_one_value_filter(client, db):
    story = make_story(12)
    event = story.events.filter(actors__slug="alice-example").order_by("pk").first()
    n = MAX_VALUES_PER_FACET
    actors = m.Actor.objects.bulk_create(
        m.Actor(story=story, name=f"Person {k}", slug=f"person-{k}") for k in range(n)
    )
    topics = m.Topic.objects.bulk_create(m.Topic(slug=f"t-{k}", name=f"T {k}") for k in range(n))
    event.actors.add(*actors)
    event.topics.add(*topics)
    one = [("actor", "person-0"), ("topic", "t-0"), ("outlet", "outlet-0")]
    many = [("actor", a.slug) for a in actors] + [("topic", t.slug) for t in topics]
    many.append(("outlet", "outlet-0"))
    for url in (timeline_url(story), reverse("stories:export", args=[story.slug, "json"])):
        assert queries(client, url, one)[0] == 200
        assert queries(client, url, many) == queries(client, url, one)
    # Both found the one event that has all of them.
    html = client.get(timeline_url(story) + "?" + "&".join(f"{k}={v}" for k, v in many)).text
    assert re.findall(r'data-event-id="(\d+)"', html) == [str(event.pk)]


def test_the_sql_of_a_facet_does_not_grow_a_subquery_per_value(db):
    story = make_story(4)
    events = m.Event.objects.for_story(story)
    slugs = [f"actor-{n}" for n in range(50)]
    one = str(events.for_actor(slugs[0]).query)
    fifty = str(events.for_actor(*slugs).query)
    assert fifty.count("SELECT") == one.count("SELECT")


def test_several_actors_mean_events_with_all_of_them(client, db):
    story = make_story(6)
    alice = story.actors.get(slug="alice-example")
    bob = story.actors.get(slug="bob-sample")
    both = story.events.filter(actors=alice).order_by("pk").first()
    both.actors.add(bob)
    response = client.get(timeline_url(story), {"actor": ["alice-example", "bob-sample"]})
    assert response.status_code == 200
    ids = [int(i) for i in re.findall(r'data-event-id="(\d+)"', response.text)]
    assert ids == [both.pk]
    assert list(m.Event.objects.for_actor(alice, bob)) == [both]


def test_more_values_than_a_facet_takes_is_refused_with_a_400_that_says_so(client, db):
    story = make_story(3)
    params = {"actor": [f"a-{n}" for n in range(MAX_VALUES_PER_FACET + 1)]}
    response = client.get(timeline_url(story), params)
    assert response.status_code == 400
    assert f"more than the {MAX_VALUES_PER_FACET}" in response.text
    # The page is still whole: the filters and every event, the refused filter left out.
    assert response.text.count("data-event-id=") == 3
    export = client.get(reverse("stories:export", args=[story.slug, "csv"]), params)
    assert export.status_code == 400
    assert "more than the" in export.text


@pytest.mark.parametrize("value", ["99999999999999999999", "2023-02-30", "0", "soon"])
def test_a_date_that_is_not_one_is_said_on_the_page_and_left_out(client, db, value):
    story = make_story(2)
    response = client.get(timeline_url(story), {"from": value})
    assert response.status_code == 200  # a reader's slip, as a form would show it
    assert "is not a date" in response.text
    assert response.text.count("data-event-id=") == 2
    export = client.get(reverse("stories:export", args=[story.slug, "json"]), {"from": value})
    # A download is what was asked for or nothing.
    assert export.status_code == 400 and "is not a date" in export.text


@pytest.mark.parametrize(
    "params, says",
    [
        ({"q": "missile\x00"}, "NUL character"),
        ({"from": "2023\x00"}, "NUL character"),
        ({"actor": "alice\x00"}, "is not a valid actor"),
        ({"topic": "<script>"}, "is not a valid topic"),
    ],
)
def test_bad_filter_values_get_a_400_page_naming_them(client, db, params, says):
    story = make_story(2)
    response = client.get(timeline_url(story), params)
    assert response.status_code == 400
    assert says in response.text
    assert "<script>" not in response.text
    assert response.text.count("data-event-id=") == 2


def test_bad_quote_filters_get_a_400_page_naming_them(client, db):
    story = make_story(5, rich=True)
    response = client.get(reverse("stories:quotes", args=[story.slug]), {"speaker": "x\x00"})
    assert response.status_code == 400
    assert "is not a valid speaker" in response.text


def test_an_unknown_slug_matches_nothing_and_can_be_removed(client, db):
    story = make_story(3)
    response = client.get(timeline_url(story), {"actor": "nobody-at-all"})
    assert response.status_code == 200
    assert response.text.count("data-event-id=") == 0
    assert "nobody-at-all" in response.text  # its chip, to remove it


# --- the fuzz test --------------------------------------------------------------------------

HOSTILE = [
    "\x00",
    "a\x00b",
    "99999999999999999999",
    "-1",
    "0",
    "9999-12-31",
    "0000-01-01",
    "2023-13-45",
    "1e309",
    "NaN",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%00",
    "\ud7ff\U0001f600",
    "ǅ" * 300,
    "x" * 5000,
    "nobody-at-all",
    "../../etc/passwd",
]
FACETS = ["actor", "topic", "outlet", "speaker"]
PARAMS = [*FACETS, "q", "from", "to", "page", "actor_q", "more"]
HX_HEADERS = [
    {},
    {"HTTP_HX_REQUEST": "true"},
    {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"},
    {"HTTP_HX_REQUEST": "\x00", "HTTP_HX_CURRENT_URL": "javascript:alert(1)"},
]


def reader_urls(story: m.Story) -> tuple[list[str], list[str]]:
    """The URLs that read filter parameters, and the others."""
    event = story.events.order_by("pk").first()
    article = story.articles.order_by("pk").first()
    actor = story.actors.order_by("pk").first()
    s = story.slug
    filtered = [
        reverse("stories:timeline", args=[s]),
        *(reverse("stories:export", args=[s, fmt]) for fmt in ("json", "csv", "timelinejs")),
        reverse("stories:quotes", args=[s]),
        reverse("stories:facet", args=[s, "actor"]),
    ]
    others = [
        reverse("stories:story_list"),
        reverse("stories:export", args=[s, "xml"]),
        reverse("stories:facet", args=[s, "nothing"]),
        reverse("stories:event", args=[s, event.pk]),
        f"/stories/{s}/events/99999999999999999999999/",
        reverse("stories:coverage", args=[s]),
        reverse("stories:articles", args=[s]),
        reverse("stories:article", args=[s, article.pk]),
        f"/stories/{s}/articles/99999999999999999999999/",
        reverse("stories:actor", args=[s, actor.slug]),
        reverse("stories:actor", args=[s, "nobody-at-all"]),
        "/stories/no-such-story/",
    ]
    return filtered, others


def test_hostile_parameters_on_every_reader_url_never_give_a_500(db):
    """Every reader URL and export with each hostile value: in each filter parameter alone and
    200 times over, or in all parameters at once where a page has no filter; under each kind
    of htmx request. About 1,300 requests."""
    story = make_story(8, rich=True)
    client = Client(raise_request_exception=False)
    statuses: Counter[int] = Counter()
    failures: list[str] = []

    def get(url: str, data: dict, headers: dict) -> None:
        response = client.get(url, data, **headers)
        statuses[response.status_code] += 1
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url} {data!r:.60}")

    filtered, others = reader_urls(story)
    for n, value in enumerate(HOSTILE):
        headers = HX_HEADERS[n % len(HX_HEADERS)]
        for url in filtered:
            for param in PARAMS:
                get(url, {param: value}, headers)
                if param in FACETS:
                    get(url, {param: [f"{value}{k}" for k in range(200)]}, headers)
        for url in others:
            get(url, dict.fromkeys(PARAMS, value), headers)
    print(f"fuzz: {statuses.total()} requests, statuses {dict(sorted(statuses.items()))}")
    assert not failures, failures[:10]
    assert statuses[400] > 0 and statuses[200] > 0
