from django.core.management import call_command

from stories import models as m
from tests.factories import make_story


def export(story: m.Story, fmt: str = "json") -> str:
    from io import StringIO

    out = StringIO()
    call_command("export_timeline", story=story.slug, format=fmt, stdout=out)
    return out.getvalue()


def test_export_is_byte_identical_between_runs(db):
    story = make_story(5)
    assert export(story) == export(story)


def test_export_sorts_by_date_with_undated_last(db):
    import json

    story = make_story(3)
    m.Event.objects.create(story=story, title="Aaa undated")
    data = json.loads(export(story))
    dates = [e["date"] for e in data["events"]]
    assert dates == ["2020-01-01", "2020-01-02", "2020-01-03", None]
    assert set(data) == {"story", "sources", "actors", "topics", "events", "quotes"}
    assert set(data["events"][0]) == {
        "id",
        "date",
        "granularity",
        "date_text",
        "title",
        "actors",
        "topics",
        "sources",
    }


def test_export_writes_dates_at_their_granularity(db):
    import json
    from datetime import date

    story = make_story(0)
    m.Event.objects.create(
        story=story,
        title="Year",
        date_start=date(2019, 1, 1),
        date_end=date(2019, 12, 31),
        granularity="year",
    )
    m.Event.objects.create(
        story=story,
        title="Month",
        date_start=date(2023, 5, 1),
        date_end=date(2023, 5, 31),
        granularity="month",
    )
    data = json.loads(export(story))
    assert [e["date"] for e in data["events"]] == ["2019", "2023-05"]


def test_csv_and_timelinejs_exports_carry_the_events(db):
    import json

    story = make_story(2)
    assert export(story, "csv").count("\n") == 3
    story.events.update(date_text="just hours")
    timeline = json.loads(export(story, "timelinejs"))
    assert len(timeline["events"]) == 2
    assert timeline["events"][0]["start_date"] == {"year": "2020", "month": "1", "day": "1"}
    # The date as a reader reads it, not the article's own words for it.
    assert timeline["events"][0]["display_date"] == "1 January 2020"


def test_timelinejs_export_escapes_text_taken_from_articles(db):
    import json

    story = make_story(1)
    story.events.update(title="<img src=x onerror=alert(1)>")
    timeline = json.loads(export(story, "timelinejs"))
    headline = timeline["events"][0]["text"]["headline"]
    assert "<img" not in headline and "&lt;img" in headline
