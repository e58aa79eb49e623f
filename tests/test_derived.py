"""What is worked out after each write: wire families and the order of a day's events."""

import json
from datetime import date

from stories import derived
from stories import models as m
from stories.export import FORMATS, story_export
from tests.factories import make_story, make_summit_story

WIRE = (
    "The city council voted on Tuesday to close the old river bridge for two years of repairs. "
    "Engineers found cracks in three of the bridge's steel supports during an inspection in May. "
    "Commuters will be sent across the northern ring road while the work goes on, officials said. "
    "The repairs are expected to cost about forty million dollars, most of it from the state."
)


def timeline_html(client, story, query: str = "") -> str:
    return client.get(f"/stories/{story.slug}/{query}").content.decode()


def test_summit_day_runs_in_the_story_order_not_the_alphabet(client, db):
    story = make_summit_story()
    derived.refresh(story)
    day = [
        e.title
        for e in m.Event.objects.for_story(story).chronological()
        if e.date_start == date(2023, 9, 13)
    ]
    assert day.index("North Korea launches two ballistic missiles") < day.index(
        "Putin and Kim meet at the Vostochny Cosmodrome"
    )
    assert day[-1] == "Putin and Kim have lunch and toast victory"
    assert day != sorted(day)
    html = timeline_html(client, story).split('<ol class="timeline">')[1]
    assert html.index("launches two ballistic missiles") < html.index("meet at the Vostochny")
    assert html.index("meet at the Vostochny") < html.index("have lunch and toast")


def test_copies_of_one_wire_story_count_as_one_outlet(client, db):
    story = make_story(2)
    articles = list(story.articles.order_by("file_name"))
    for article in articles:
        article.body = WIRE
        article.save()
    derived.refresh(story)
    families = set(m.Article.objects.for_story(story).values_list("family", flat=True))
    assert families == {articles[0].file_name}
    html = timeline_html(client, story)
    # The first event is reported by both articles: one independent report with a copy.
    first_card = html.split('data-event-id="')[1]
    assert "+1 copy" in first_card
    assert "only one outlet" in first_card
    assert "Copies of one wire story: Outlet 0; Outlet 1" in first_card


def test_independent_outlets_are_counted_on_the_card(client, db):
    story = make_story(2)
    derived.refresh(story)
    first_card = timeline_html(client, story).split('data-event-id="')[1]
    assert "Reported by 2 outlets" in first_card


def test_timelinejs_names_outlets_never_files(db):
    story = make_story(2, rich=True)
    timeline = json.loads(FORMATS["timelinejs"](story_export(story)))
    texts = " ".join(e["text"]["text"] for e in timeline["events"])
    assert "Outlet 0" in texts
    assert "an unnamed outlet (“Headline 2”)" in texts
    assert ".txt" not in texts
