"""A story's version changes with every write a reader could see, once per ingest run."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories import corrections, versions
from stories import models as m
from stories.ingest import ingest
from tests.factories import make_story

SUMMIT = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "summit"


def version(story: m.Story) -> int:
    return m.Story.objects.values_list("version", flat=True).get(pk=story.pk)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "x" * 20)
    client.force_login(user)
    return client


def test_saving_any_row_of_a_story_bumps_only_that_story(db):
    story, other = make_story(2, slug="one"), make_story(2, slug="two")
    before, other_before = version(story), version(other)
    event = story.events.first()
    event.title = "A corrected title"
    event.save()
    assert version(story) == before + 1
    source = event.sources.first()
    source.detached = True
    source.save()
    assert version(story) == before + 2
    event.actors.clear()
    assert version(story) == before + 3
    alias = m.ActorAlias.objects.create(actor=story.actors.first(), name="Al")
    alias.delete()
    assert version(story) == before + 5
    assert version(other) == other_before


def test_renaming_an_outlet_bumps_every_story_it_reported_in(db):
    one, two = make_story(1, slug="one"), make_story(1, slug="two")
    before = version(one), version(two)
    outlet = m.Outlet.objects.get(slug="outlet-0")
    outlet.name = "The Renamed Gazette"
    outlet.save()
    assert (version(one), version(two)) == (before[0] + 1, before[1] + 1)


def test_a_rolled_back_change_rolls_its_bump_back(db):
    story = make_story(1)
    before = version(story)
    with pytest.raises(RuntimeError), transaction.atomic():
        story.events.update(title="x")  # no signal: only the explicit save below bumps
        story.events.first().save()
        raise RuntimeError
    assert version(story) == before


def test_an_editors_admin_action_bumps_the_version_and_moves_changed(editor_client, db):
    story = make_story(2)
    before = m.Story.objects.get(pk=story.pk)
    event = story.events.first()
    editor_client.post(
        reverse("admin:stories_event_changelist"),
        {"action": "hide_events", "_selected_action": [event.pk], "index": 0},
    )
    after = m.Story.objects.get(pk=story.pk)
    assert after.version > before.version
    assert after.changed > before.changed


def test_a_correction_bumps_the_version(db):
    story = make_story(3)
    before = version(story)
    first, second = story.events.order_by("pk")[:2]
    corrections.merge_events(first, [second])
    assert version(story) > before


def test_an_ingest_run_bumps_once_and_a_run_with_nothing_to_do_not_at_all(db):
    with CaptureQueriesContext(connection) as ctx:
        ingest([SUMMIT], story_slug="summit")
    story = m.Story.objects.get(slug="summit")
    bumps = [
        q["sql"] for q in ctx.captured_queries if '"version"' in q["sql"] and "UPDATE" in q["sql"]
    ]
    assert len(bumps) == 1, bumps
    first = version(story)
    ingest([SUMMIT], story_slug="summit")
    assert version(story) == first
    ingest([SUMMIT], story_slug="summit", dry_run=True, force=True)
    assert version(story) == first
    ingest([SUMMIT], story_slug="summit", force=True)
    assert version(story) == first + 1


def test_one_bump_leaves_the_bump_to_its_caller(db):
    story = make_story(1)
    before = version(story)
    with versions.one_bump(story):
        event = story.events.get()
        event.title = "Renamed"
        event.save()
        assert version(story) == before
    assert version(story) == before + 1
