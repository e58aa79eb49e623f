"""Every kind of editor's decision, made in the admin as an editor would, survives re-ingest.

Each test makes one decision (through the admin with an editor's account where the admin offers
it), re-ingests the seed story without and then with ``--force``, and checks the decision and
whatever else the editor did is still there. Some also change the machine's output between runs
(titles, dates, an extra or a missing event, renumbered quote groups) to stand for a change of
the extraction rules.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stories import ingest as ingest_module
from stories import models as m
from stories.nlp import story as story_module
from stories.nlp.types import NO_DECISIONS
from stories.tasks import run_ingest_job
from tests.factories import make_story

SUMMIT = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "summit"


# --- helpers ------------------------------------------------------------------------------


def reingest(force: bool) -> str:
    out, err = StringIO(), StringIO()
    call_command("ingest", str(SUMMIT), story="summit", force=force, stdout=out, stderr=err)
    return out.getvalue()


def reingest_both_ways(check) -> None:
    """Re-ingest without and with --force, checking the decision after each run."""
    for force in (False, True):
        reingest(force)
        check()


def change_the_rules(monkeypatch, edit) -> None:
    """Stand for new extraction rules: a new pipeline fingerprint and edited machine output."""
    real = story_module.extract_story
    monkeypatch.setattr(ingest_module, "pipeline_fingerprint", lambda: "new rules")
    monkeypatch.setattr(story_module, "extract_story", lambda *a, **kw: edit(real(*a, **kw)))


def form_data(response) -> dict:
    """The POST an unchanged admin change form would send, inlines included."""
    data: dict = {}

    def add(form) -> None:
        for name, field in form.fields.items():
            if field.disabled:
                continue
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            elif isinstance(value, date):
                data[key] = value.isoformat()
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


def post_change(client, obj, **changes):
    url = reverse(f"admin:stories_{obj._meta.model_name}_change", args=[obj.pk])
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    return response


def _errors(response):
    ctx = response.context
    if not ctx or "adminform" not in ctx:
        return response.status_code
    return ctx["adminform"].form.errors, [i.formset.errors for i in ctx["inline_admin_formsets"]]


def run_action(client, model, action: str, objects, **extra):
    url = reverse(f"admin:stories_{model._meta.model_name}_changelist")
    data = {"action": action, "_selected_action": [o.pk for o in objects], "index": 0, **extra}
    return client.post(url, data)


def event_with_sources(story: m.Story, n: int) -> m.Event:
    return next(e for e in story.events.visible() if e.sources.active().count() >= n)


def active_keys(event: m.Event) -> set[tuple[int, str]]:
    return set(event.sources.active().values_list("article_id", "sentence_key"))


def history(obj) -> list[str]:
    model = obj._meta.model_name
    entries = LogEntry.objects.filter(object_id=str(obj.pk), content_type__model=model)
    return [e.get_change_message() for e in entries]


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def _remember_extractions():
    """The pipeline is deterministic: the same articles and decisions give the same result, so
    this module extracts each combination once. Tests that change the rules wrap this."""
    real = story_module.extract_story
    done: dict = {}

    def extract_story(inputs, *, decisions=NO_DECISIONS, **kwargs):
        key = (tuple(inputs), decisions)
        if key not in done:
            done[key] = real(inputs, decisions=decisions, **kwargs)
        return done[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(story_module, "extract_story", extract_story)
        yield


@pytest.fixture(scope="module")
def _seed_story(django_db_setup, django_db_blocker, _remember_extractions):
    """The seed story, ingested once for this module; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        reingest(force=False)
    yield
    with django_db_blocker.unblock():
        m.Story.objects.filter(slug="summit").delete()
        m.Outlet.objects.all().delete()
        m.Topic.objects.all().delete()


@pytest.fixture
def summit(_seed_story, db) -> m.Story:
    return m.Story.objects.get(slug="summit")


@pytest.fixture
def editor(db, django_user_model):
    call_command("create_editor", "ed", stdout=StringIO(), **{})
    return django_user_model.objects.get(username="ed")


@pytest.fixture(autouse=True)
def _editor_password(monkeypatch):
    monkeypatch.setenv("NEWSROOM_EDITOR_PASSWORD", "correct horse battery staple")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# --- events -------------------------------------------------------------------------------


def test_edited_event_title_date_actors_and_topics_survive_reingest(summit, editor_client):
    event = event_with_sources(summit, 3)
    putin = summit.actors.get(name="Vladimir Putin")
    topic = m.Topic.objects.exclude(pk__in=event.topics.all()).first()
    post_change(
        editor_client,
        event,
        title="Kim and Putin meet at the cosmodrome",
        date_start="2023-09-01",
        granularity="month",
        actors=[str(putin.pk)],
        topics=[str(topic.pk)],
    )

    def check():
        event.refresh_from_db()
        assert event.title == "Kim and Putin meet at the cosmodrome"
        assert (event.date_iso, event.date_basis) == ("2023-09", "editor")
        assert list(event.actors.all()) == [putin]
        assert list(event.topics.all()) == [topic]
        assert event.corrected

    check()
    reingest_both_ways(check)


def test_hidden_event_stays_hidden_after_reingest(summit, editor_client):
    event = event_with_sources(summit, 2)
    run_action(editor_client, m.Event, "hide_events", [event])
    event.refresh_from_db()
    assert event.hidden

    def check():
        assert summit.events.filter(pk=event.pk, hidden=True).exists()
        assert not summit.events.visible().filter(pk=event.pk).exists()

    reingest_both_ways(check)


def test_verified_event_stays_verified_even_when_the_machine_drops_it(
    summit, editor_client, monkeypatch
):
    event = event_with_sources(summit, 1)
    keys = active_keys(event)
    sentences = set(event.sources.values_list("sentence", flat=True))
    run_action(editor_client, m.Event, "mark_verified", [event])
    reingest_both_ways(lambda: summit.events.get(pk=event.pk, verified=True))

    def drop_it(extraction):
        kept = [e for e in extraction.events if not {s.sentence for s in e.sources} & sentences]
        return replace(extraction, events=tuple(kept))

    change_the_rules(monkeypatch, drop_it)
    reingest(force=False)
    event.refresh_from_db()
    assert event.verified
    assert active_keys(event) == keys  # its evidence stays with it


def test_merged_events_stay_merged_after_reingest(summit, editor_client, monkeypatch):
    events = summit.events.visible()
    first = next(
        e
        for e in events
        if e.sources.active().count() >= 3
        and events.exclude(pk=e.pk).filter(date_start=e.date_start).exists()
    )
    second = events.exclude(pk=first.pk).filter(date_start=first.date_start)[0]
    keys = active_keys(first) | active_keys(second)
    events_before = summit.events.count()

    page = run_action(editor_client, m.Event, "merge_events", [first, second])
    assert page.status_code == 200 and b"Keep which event?" in page.content
    run_action(
        editor_client, m.Event, "merge_events", [first, second], post="yes", survivor=second.pk
    )
    assert not m.Event.objects.filter(pk=first.pk).exists()
    second.refresh_from_db()
    title = second.title

    def check():
        assert not m.Event.objects.filter(pk=first.pk).exists()
        survivor = m.Event.objects.get(pk=second.pk)
        assert active_keys(survivor) == keys
        assert survivor.title == title
        assert summit.events.count() == events_before - 1
        for key in keys:  # no other event took any of the evidence back
            holders = m.EventSource.objects.active().filter(
                event__story=summit, article_id=key[0], sentence_key=key[1]
            )
            assert second.pk in {s.event_id for s in holders}

    reingest_both_ways(check)
    assert any("Merged" in message for message in history(second))

    # New rules that retitle and re-date every event do not undo the merge either.
    def retitle(extraction):
        events = tuple(replace(e, title="Machine says: " + e.title) for e in extraction.events)
        return replace(extraction, events=events)

    change_the_rules(monkeypatch, retitle)
    reingest(force=False)
    check()


def test_split_event_keeps_its_identity_after_reingest(summit, editor_client):
    event = event_with_sources(summit, 4)
    sources = list(event.sources.active())
    moved, kept = sources[:2], sources[2:]
    url = reverse("admin:stories_event_split", args=[event.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(
        url, {"source": [s.pk for s in moved], "title": "The part that is something else"}
    )
    assert response.status_code == 302
    new = summit.events.get(title="The part that is something else")
    moved_keys = {(s.article_id, s.sentence_key) for s in moved}
    kept_keys = {(s.article_id, s.sentence_key) for s in kept}

    def check():
        assert m.Event.objects.get(pk=new.pk).title == "The part that is something else"
        assert active_keys(new) == moved_keys
        assert set(new.sources.values_list("by_editor", flat=True)) == {True}
        assert active_keys(event) == kept_keys
        assert (
            set(event.sources.filter(detached=True).values_list("article_id", "sentence_key"))
            == moved_keys
        )

    check()
    reingest_both_ways(check)
    assert history(new) and any("Split" in message for message in history(event))


def test_detached_evidence_stays_detached_after_reingest(summit, editor_client):
    event = event_with_sources(summit, 3)
    url = reverse("admin:stories_event_change", args=[event.pk])
    data = form_data(editor_client.get(url))
    data["sources-0-detached"] = "on"
    response = editor_client.post(url, data)
    assert response.status_code == 302, _errors(response)
    detached = event.sources.get(detached=True)
    count = event.sources.count()

    def check():
        row = m.EventSource.objects.get(pk=detached.pk)  # kept as a tombstone, not deleted
        assert row.detached and row.event_id == event.pk
        assert event.sources.count() == count

    reingest_both_ways(check)


def test_attached_evidence_stays_after_reingest(summit, editor_client):
    event = event_with_sources(summit, 2)
    article = summit.articles.exclude(pk__in=event.sources.values("article")).first()
    if article is None:
        article = summit.articles.first()
    # The first sentence of the article's last body paragraph, as an editor would copy it.
    sentence = re.split(r"(?<=[.!?])\s+", article.body.split("\n\n")[-1])[0].strip()
    assert sentence in article.raw_text
    url = reverse("admin:stories_event_change", args=[event.pk])
    data = form_data(editor_client.get(url))
    n = int(data["sources-TOTAL_FORMS"])

    # A sentence the article does not have is refused.
    bad = {**data, "sources-TOTAL_FORMS": str(n + 1)}
    bad.update({f"sources-{n}-article": article.pk, f"sources-{n}-sentence": "Not in there."})
    assert editor_client.post(url, bad).status_code == 200

    data["sources-TOTAL_FORMS"] = str(n + 1)
    data.update({f"sources-{n}-article": article.pk, f"sources-{n}-sentence": sentence})
    response = editor_client.post(url, data)
    assert response.status_code == 302, _errors(response)
    attached = event.sources.get(sentence=sentence)
    assert attached.by_editor and attached.article.raw_text[attached.start : attached.end]

    reingest_both_ways(lambda: event.sources.active().get(pk=attached.pk, by_editor=True))


# --- actors -------------------------------------------------------------------------------


def test_renamed_actor_keeps_name_and_kind_after_reingest(summit, editor_client):
    actor = summit.actors.get(name="Vostochny Cosmodrome")
    events = set(actor.events.values_list("pk", flat=True))
    post_change(editor_client, actor, name="Vostochny Cosmodrome (Amur region)", kind=m.Actor.PLACE)

    def check():
        row = m.Actor.objects.get(pk=actor.pk)
        assert (row.name, row.kind) == ("Vostochny Cosmodrome (Amur region)", m.Actor.PLACE)
        assert not summit.actors.filter(name="Vostochny Cosmodrome").exists()  # no twin
        assert set(row.events.values_list("pk", flat=True)) >= events - {None}

    reingest_both_ways(check)


def test_added_alias_survives_reingest(summit, editor_client):
    actor = summit.actors.get(name="Kim Yo Jong")
    post_change(editor_client, actor, **{"aliases-0-name": "Kim's sister"})

    reingest_both_ways(lambda: actor.aliases.get(name="Kim's sister", by_editor=True))


def test_removed_machine_alias_stays_removed_after_reingest(summit, editor_client):
    actor = summit.actors.get(name="Kim Jong Un")
    alias = actor.aliases.get(name="Kim Jong-un")
    url = reverse("admin:stories_actor_change", args=[actor.pk])
    data = form_data(editor_client.get(url))
    index = next(k for k, v in data.items() if k.endswith("-id") and v == str(alias.pk))
    data[index.replace("-id", "-DELETE")] = "on"
    response = editor_client.post(url, data)
    assert response.status_code == 302, _errors(response)
    assert summit.actor_decisions.filter(
        kind="different", name="Kim Jong-un", other_name="Kim Jong Un"
    ).exists()

    def check():
        assert m.Actor.objects.filter(pk=actor.pk).exists()
        assert not actor.aliases.filter(name="Kim Jong-un").exists()

    reingest_both_ways(check)


def test_merged_actors_stay_merged_after_reingest(summit, editor_client):
    korea = summit.actors.get(name="North Korea")
    dprk = summit.actors.get(name="DPRK")
    dprk_events = set(dprk.events.values_list("pk", flat=True))
    page = run_action(editor_client, m.Actor, "merge_actors", [korea, dprk])
    assert page.status_code == 200
    run_action(editor_client, m.Actor, "merge_actors", [korea, dprk], post="yes", survivor=korea.pk)

    def check():
        assert not summit.actors.filter(name="DPRK").exists()
        row = m.Actor.objects.get(pk=korea.pk)
        assert row.name == "North Korea"
        assert row.aliases.filter(name="DPRK").exists()
        assert dprk_events <= set(row.events.values_list("pk", flat=True))

    check()
    assert summit.actor_decisions.filter(kind="same", name="DPRK", other_name="North Korea")
    reingest_both_ways(check)
    assert any("Merged" in message for message in history(korea))


def test_actors_marked_not_the_same_are_never_merged(summit, editor_client, monkeypatch):
    putin = summit.actors.get(name="Vladimir Putin")
    lavrov = summit.actors.get(name="Sergei Lavrov")
    run_action(editor_client, m.Actor, "mark_not_the_same", [putin, lavrov])
    assert summit.actor_decisions.filter(kind="different").count() == 1
    seen = []

    # A rule that wrongly folds Lavrov into Putin, whatever the editors said.
    def fold(extraction):
        seen.append(extraction)
        actors = []
        for actor in extraction.actors:
            if actor.name == "Sergei Lavrov":
                continue
            if actor.name == "Vladimir Putin":
                actor = replace(actor, aliases=(*actor.aliases, "Sergei Lavrov"))
            actors.append(actor)
        return replace(extraction, actors=tuple(actors))

    real = story_module.extract_story

    def spy(*args, **kwargs):
        assert ("Vladimir Putin", "Sergei Lavrov") in kwargs["decisions"].different_actors
        return real(*args, **kwargs)

    monkeypatch.setattr(story_module, "extract_story", spy)
    reingest(force=True)
    change_the_rules(monkeypatch, fold)

    def check():
        assert m.Actor.objects.filter(pk=lavrov.pk).exists()
        assert not putin.aliases.filter(name="Sergei Lavrov").exists()

    reingest_both_ways(check)
    assert seen


# --- quotes -------------------------------------------------------------------------------


def test_quote_corrections_survive_reingest(summit, editor_client):
    quote = m.Quote.objects.for_story(summit).filter(direct=True, speaker__isnull=False)[0]
    other_speaker = summit.actors.exclude(pk=quote.speaker_id).get(name="Sergei Lavrov")
    event = summit.events.visible().exclude(pk=quote.event_id).first()
    text = quote.text[:-1] + "!"
    post_change(
        editor_client,
        quote,
        speaker=str(other_speaker.pk),
        text=text,
        start=str(quote.start + 1),
        direct="",
        event=str(event.pk),
    )

    def check():
        row = m.Quote.objects.get(pk=quote.pk)
        assert (row.speaker, row.text, row.start, row.direct, row.event) == (
            other_speaker,
            text,
            quote.start + 1,
            False,
            event,
        )

    check()
    reingest_both_ways(check)


def test_hidden_quote_stays_hidden_after_reingest(summit, editor_client):
    quote = m.Quote.objects.for_story(summit).first()
    post_change(editor_client, quote, hidden="on")
    reingest_both_ways(lambda: m.Quote.objects.get(pk=quote.pk, hidden=True))


def test_quote_moved_to_another_variant_group_stays_with_that_remark(
    summit, editor_client, monkeypatch
):
    quotes = m.Quote.objects.for_story(summit)
    target = quotes.exclude(variant_group=None).order_by("-variant_group")[0]
    members = set(quotes.filter(variant_group=target.variant_group).values_list("pk", flat=True))
    quote = quotes.exclude(variant_group=target.variant_group).exclude(variant_group=None)[0]
    post_change(editor_client, quote, variant_group=str(target.variant_group))

    def check():
        row = m.Quote.objects.get(pk=quote.pk)
        group = set(quotes.filter(variant_group=row.variant_group).values_list("pk", flat=True))
        assert group == members | {quote.pk}

    reingest_both_ways(check)

    # New rules number the groups the other way round: the quote stays with the same remark.
    def renumber(extraction):
        top = max(q.variant_group or 0 for q in extraction.quotes)
        moved = tuple(
            replace(q, variant_group=None if q.variant_group is None else top - q.variant_group)
            for q in extraction.quotes
        )
        return replace(extraction, quotes=moved)

    change_the_rules(monkeypatch, renumber)
    reingest(force=False)
    check()


def test_quote_correction_survives_when_the_machine_changes_its_words(
    summit, editor_client, monkeypatch
):
    quote = m.Quote.objects.for_story(summit).filter(direct=True)[0]
    post_change(editor_client, quote, text="A corrected remark")
    count = m.Quote.objects.for_story(summit).count()

    def trim(extraction):
        quotes = tuple(replace(q, text=q.text[:-2], end=q.end - 2) for q in extraction.quotes)
        return replace(extraction, quotes=quotes)

    change_the_rules(monkeypatch, trim)
    reingest(force=False)
    assert m.Quote.objects.get(pk=quote.pk).text == "A corrected remark"
    assert m.Quote.objects.for_story(summit).count() == count


# --- articles -----------------------------------------------------------------------------


def test_article_outlet_author_and_date_edits_survive_reingest(summit, editor_client):
    article = summit.articles.get(file_name__startswith="000")
    outlet = m.Outlet.objects.create(name="Korea Daily Example", slug="korea-daily-example")
    post_change(
        editor_client, article, outlet=str(outlet.pk), author="A. Reporter", published="2023-09-14"
    )

    def check():
        row = m.Article.objects.get(pk=article.pk)
        assert (row.outlet, row.author, row.published) == (outlet, "A. Reporter", date(2023, 9, 14))
        assert row.published_basis == "editor"

    reingest_both_ways(check)


def test_editors_publication_date_moves_events_dated_from_it(summit, editor_client):
    article = summit.articles.get(file_name__startswith="001")
    only_here = [
        e
        for e in summit.events.filter(date_basis="context")
        if set(e.sources.values_list("article", flat=True)) == {article.pk}
    ]
    assert only_here and {e.date_start for e in only_here} == {date(2023, 9, 13)}
    post_change(editor_client, article, published="2023-09-20")
    reingest(force=False)  # the new date changes the inputs: no --force needed
    moved = m.Event.objects.filter(pk__in=[e.pk for e in only_here])
    assert {e.date_start for e in moved} == {date(2023, 9, 20)}


def test_rerun_extraction_action_extracts_the_story_again_and_keeps_corrections(
    summit, editor_client, monkeypatch
):
    event = event_with_sources(summit, 2)
    post_change(editor_client, event, title="Kept through a re-run")
    article = summit.articles.first()
    change_the_rules(monkeypatch, lambda x: x)
    calls = []
    real = ingest_module._write

    def spy(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "_write", spy)
    response = run_action(editor_client, m.Article, "rerun_extraction", [article])
    assert response.status_code == 302
    assert not calls, "the extraction must run in the background, not in the request"
    messages = [str(msg) for msg in response.wsgi_request._messages]
    assert any("Queued extracting “Summit” again" in msg for msg in messages), messages
    job = m.IngestJob.objects.get(story=summit)
    run_ingest_job.call(job.pk)  # what a worker does with the queued task
    assert calls, "the task did not extract the story again"
    job.refresh_from_db()
    assert job.status == m.IngestJob.DONE, job.message
    assert m.Event.objects.get(pk=event.pk).title == "Kept through a re-run"
    assert summit.articles.count() == 5
    assert any("extracting its story again" in message for message in history(article))


# --- the machine changes its mind ---------------------------------------------------------


def test_corrections_hold_when_the_rules_change_titles_dates_and_events(
    summit, editor_client, monkeypatch
):
    edited = event_with_sources(summit, 3)
    post_change(editor_client, edited, title="Edited by a person")
    hidden = summit.events.visible().exclude(pk=edited.pk).first()
    run_action(editor_client, m.Event, "hide_events", [hidden])
    untouched = summit.events.visible().exclude(pk=edited.pk).filter(date_start__year=2023).last()
    dropped_title = untouched.title

    def new_rules(extraction):
        events = []
        for e in extraction.events:
            if e.title == dropped_title:
                continue  # the new rules no longer see this event
            date_value = e.date and replace(e.date, qualifier="late")
            events.append(replace(e, title=e.title.upper(), date=date_value))
        found = replace(events[0].sources[0], sentence="A sentence only the new rules see.")
        extra = replace(events[0], title="A brand new event", sources=(found,))
        return replace(extraction, events=(*events, extra))

    change_the_rules(monkeypatch, new_rules)
    reingest(force=False)
    edited.refresh_from_db()
    assert edited.title == "Edited by a person"
    assert m.Event.objects.get(pk=hidden.pk).hidden
    assert not m.Event.objects.filter(pk=untouched.pk).exists()
    assert summit.events.filter(title="A brand new event").exists()


# --- history, roles, speed ----------------------------------------------------------------


def test_history_of_editors_actions_survives_reingest(summit, editor_client):
    event = event_with_sources(summit, 2)
    run_action(editor_client, m.Event, "mark_verified", [event])
    post_change(editor_client, event, title="Checked and retitled")
    before = list(LogEntry.objects.order_by("pk").values_list("pk", "change_message"))
    assert len(history(event)) == 2
    reingest(force=True)
    assert list(LogEntry.objects.order_by("pk").values_list("pk", "change_message")) == before
    response = editor_client.get(reverse("admin:stories_event_history", args=[event.pk]))
    assert b"Marked as verified." in response.content


def test_editor_group_has_exactly_the_permissions_editing_needs(db):
    group = Group.objects.get(name=m.EDITOR_GROUP)
    granted = {(p.content_type.app_label, p.codename) for p in group.permissions.all()}
    expected = {
        ("stories", f"{action}_{model}")
        for model, actions in m.EDITOR_PERMISSIONS.items()
        for action in actions
    }
    assert granted == expected
    assert not any(codename.startswith("delete_event") for _, codename in granted)


def test_create_editor_makes_a_staff_editor_and_needs_a_password(db, monkeypatch):
    call_command("create_editor", "writer", stdout=StringIO())
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="writer")
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name=m.EDITOR_GROUP).exists()
    assert user.check_password(os.environ["NEWSROOM_EDITOR_PASSWORD"])

    monkeypatch.delenv("NEWSROOM_EDITOR_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="no password"):
        call_command("create_editor", "other", stdout=StringIO())
    monkeypatch.setenv("NEWSROOM_EDITOR_PASSWORD", "short")
    with pytest.raises(CommandError):
        call_command("create_editor", "other", stdout=StringIO())


@pytest.mark.parametrize("model", ["event", "quote", "actor", "article", "eventsource"])
def test_changelist_queries_do_not_grow_with_the_story(editor_client, model):
    def count(n: int) -> int:
        m.Story.objects.all().delete()
        story = make_story(n, slug=f"story-{n}")
        for i, article in enumerate(story.articles.all()):
            for j in range(n // 2):
                m.Quote.objects.create(
                    article=article,
                    speaker=story.actors.first(),
                    text=f"Remark {j}",
                    key=f"k{i}-{j}",
                    start=0,
                    end=5,
                    event=story.events.first(),
                    variant_group=j,
                )
        url = reverse(f"admin:stories_{model}_changelist")
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        return len(queries)

    assert count(10) == count(200)


def test_every_admin_page_an_editor_may_see_renders(editor_client):
    from django.contrib import admin

    story = make_story(3)
    m.Quote.objects.create(article=story.articles.first(), text="We will.", key="k", start=0, end=5)
    m.ActorAlias.objects.create(actor=story.actors.first(), name="Alice")
    m.ActorDecision.objects.create(story=story, kind="same", name="A. Example", other_name="Alice")
    m.IngestJob.objects.create(story=story, kind=m.IngestJob.REEXTRACT, status="failed")
    for model in (mdl for mdl in admin.site._registry if mdl._meta.app_label == "stories"):
        name = model._meta.model_name
        assert editor_client.get(reverse(f"admin:stories_{name}_changelist")).status_code == 200
        obj = model.objects.first()
        change = editor_client.get(reverse(f"admin:stories_{name}_change", args=[obj.pk]))
        assert change.status_code == 200, name
    event = story.events.first()
    split = editor_client.get(reverse("admin:stories_event_split", args=[event.pk]))
    assert split.status_code == 200
    add = editor_client.get(reverse("admin:stories_eventsource_add"))
    assert add.status_code == 200
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_new_rules_that_tell_two_happenings_apart_give_two_events(summit, monkeypatch):
    """The machine's own earlier grouping is no decision: only an editor's merge is kept."""
    from stories.nlp import types as t

    event = event_with_sources(summit, 3)
    events_before = summit.events.visible().count()
    sources_before = event.sources.active().count()

    def split_first_source_off(extraction):
        events = list(extraction.events)
        for i, e in enumerate(events):
            if {s.sentence for s in e.sources} == set(
                event.sources.active().values_list("sentence", flat=True)
            ):
                alone = t.Event(
                    date=e.date,
                    title="Told apart: " + e.title,
                    actors=e.actors,
                    topics=e.topics,
                    sources=e.sources[:1],
                )
                events[i] = replace(e, sources=e.sources[1:])
                events.append(alone)
                break
        else:
            raise AssertionError("the chosen event is not in the machine's output")
        return replace(extraction, events=tuple(events))

    change_the_rules(monkeypatch, split_first_source_off)
    reingest(force=True)

    assert summit.events.visible().count() == events_before + 1
    told_apart = summit.events.get(title__startswith="Told apart: ")
    assert told_apart.pk != event.pk
    assert told_apart.sources.active().count() == 1
    assert event.sources.active().count() == sources_before - 1


def test_an_editor_deletes_an_article_added_by_mistake_and_its_story_runs_again(
    summit, editor_client
):
    article = summit.articles.order_by("pk").last()
    url = reverse("admin:stories_article_delete", args=[article.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not m.Article.objects.filter(pk=article.pk).exists()
    job = m.IngestJob.objects.get(story=summit)
    assert job.status == m.IngestJob.QUEUED


def test_an_article_is_added_through_its_story_not_a_bare_form(summit, editor_client):
    changelist = editor_client.get(reverse("admin:stories_article_changelist")).content.decode()
    assert reverse("admin:stories_article_add") not in changelist
    assert editor_client.get(reverse("admin:stories_article_add")).status_code == 403
    story_page = reverse("admin:stories_story_change", args=[summit.pk])
    assert "Add articles" in editor_client.get(story_page).content.decode()
