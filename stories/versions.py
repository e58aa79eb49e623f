"""A story's version: one number that changes whenever anything a reader sees of the story does.

Reader pages key their caches and ETags on it, so a correction shows at once: every save or
delete of a story's rows (an editor's in the admin, ingest's, a merge's) bumps it in the same
transaction as the change, and a rolled-back change rolls its bump back too. Bulk writes that
send no signals (``QuerySet.update``, ``bulk_create``) must call ``bump`` themselves; ingest
does once per run, inside ``one_bump``, instead of once per row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import F, Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from stories import models as m

# Inside ``one_bump()`` rows' signals are not turned into bumps: the caller bumps once.
_quiet: ContextVar[bool] = ContextVar("story_versions_quiet", default=False)


def bump(stories: m.Story | QuerySet | int) -> None:
    """Give the stories a new version (one UPDATE, whatever the number of stories)."""
    if isinstance(stories, m.Story):
        stories = stories.pk
    qs = stories if isinstance(stories, QuerySet) else m.Story.objects.filter(pk=stories)
    qs.update(version=F("version") + 1, changed=timezone.now())


@contextmanager
def one_bump(story: m.Story | None = None) -> Iterator[None]:
    """Writes inside bump nothing row by row; the caller bumps the story once at the end."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)
    if story is not None:
        bump(story)


def stories_of(instance: Model) -> QuerySet | None:
    """The stories a row belongs to, as a QuerySet (no query is run here)."""
    stories = m.Story.objects
    match instance:
        case m.Story():
            return stories.filter(pk=instance.pk)
        case m.Article() | m.Actor() | m.Event() | m.ActorDecision():
            return stories.filter(pk=instance.story_id)
        case m.EventSource():
            return stories.filter(events=instance.event_id)
        case m.Quote():
            return stories.filter(articles=instance.article_id)
        case m.ActorAlias():
            return stories.filter(actors=instance.actor_id)
        case m.Outlet():
            # An outlet's name shows on every story one of its articles belongs to.
            return stories.filter(articles__outlet=instance.pk)
        case m.Topic():
            return stories.filter(events__topics=instance.pk)
    return None


def _on_change(sender, instance: Model, **kwargs) -> None:
    if _quiet.get() or kwargs.get("raw"):
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: the change is not made yet
    stories = stories_of(instance)
    if stories is None:
        return
    if isinstance(instance, m.Story) and kwargs.get("signal") is post_delete:
        return  # nothing left to version
    bump(m.Story.objects.filter(pk__in=stories.values("pk")))


def connect() -> None:
    """Called once from the app's ``ready()``."""
    for model in (
        m.Story,
        m.Outlet,
        m.Article,
        m.Actor,
        m.ActorAlias,
        m.ActorDecision,
        m.Topic,
        m.Event,
        m.EventSource,
        m.Quote,
    ):
        post_save.connect(_on_change, sender=model, dispatch_uid=f"version-save-{model.__name__}")
        post_delete.connect(
            _on_change, sender=model, dispatch_uid=f"version-delete-{model.__name__}"
        )
    for through in (m.Event.actors.through, m.Event.topics.through):
        m2m_changed.connect(_on_change, sender=through, dispatch_uid=f"version-m2m-{through}")
