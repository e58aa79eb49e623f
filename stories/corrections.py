"""Editors' structural corrections: merges, splits, rulings on names.

Each one is written so that ``ingest`` keeps it on every later run, without a separate list of
decisions to replay:

- merged events: the survivor holds all the evidence (moved rows are ``by_editor``), so every
  machine event reporting any of it lands in the survivor; the others are deleted and nothing
  points a machine event at them again. Title and date of the survivor are locked.
- a split: the moved evidence stays on the old event as ``detached`` tombstones (never attached
  there again) and is copied to the new event as ``by_editor`` rows (never removed from it).
- merged actors: an ``ActorDecision(same)`` for the pipeline, and the other's names become
  ``by_editor`` aliases of the survivor, which ingest matches machine actors by.
- "not the same": an ``ActorDecision(different)`` for the pipeline; ingest never adds either
  name as an alias of the other and keeps both rows.
- a removed machine alias: an ``ActorDecision(different, alias, actor)``: the pipeline no longer
  resolves that name to the actor and ingest never proposes it as its alias again.

Whatever is merged, split or ruled on gets "sources" or "aliases" in ``locked_fields``, which
marks the row corrected and keeps ingest from deleting it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from stories import derived
from stories import models as m

DATE_FIELDS = ("date_start", "date_end", "granularity", "date_text", "date_basis", "date_qualifier")


class CorrectionError(ValueError):
    """A correction that cannot be made as asked (shown to the editor as it is)."""


@transaction.atomic
def merge_events(survivor: m.Event, others: Iterable[m.Event]) -> list[m.Event]:
    """Move all evidence, actors, topics and quotes of ``others`` to ``survivor``; delete them."""
    others = [e for e in others if e.pk != survivor.pk]
    if not others:
        raise CorrectionError("Choose at least two events to merge.")
    if any(e.story_id != survivor.story_id for e in others):
        raise CorrectionError("Only events of the same story can be merged.")
    held = {(s.article_id, s.sentence_key): s for s in survivor.sources.all()}
    for other in others:
        for source in other.sources.all():
            mine = held.get((source.article_id, source.sentence_key))
            if mine is not None:
                if mine.detached and not source.detached:
                    mine.detached, mine.by_editor = False, True
                    mine.save(update_fields=["detached", "by_editor"])
                source.delete()
                continue
            source.event = survivor
            source.by_editor = source.by_editor or not source.detached
            source.save()
            held[(source.article_id, source.sentence_key)] = source
        survivor.actors.add(*other.actors.all())
        survivor.topics.add(*other.topics.all())
        other.quotes.update(event=survivor)
        survivor.verified = survivor.verified or other.verified
        # Its address keeps working: it leads to the event it joined, as do the addresses of
        # events merged into it before.
        m.EventRedirect.objects.filter(event=other).update(event=survivor)
        m.EventRedirect.objects.update_or_create(
            story_id=survivor.story_id, old_id=other.pk, defaults={"event": survivor}
        )
        other.delete()
    survivor.lock("sources", "title", *DATE_FIELDS)
    survivor.save()
    derived.refresh_sequence(survivor.story)
    derived.refresh_disputes(survivor.story, [survivor])
    return others


@transaction.atomic
def split_event(event: m.Event, sources: Sequence[m.EventSource], title: str = "") -> m.Event:
    """A new event from some of ``event``'s evidence; the old rows stay as detached tombstones."""
    sources = [s for s in sources if s.event_id == event.pk and not s.detached]
    if not sources:
        raise CorrectionError("Pick at least one piece of evidence for the new event.")
    new = m.Event.objects.create(
        story=event.story,
        title=(title or event.title)[:300],
        **{f: getattr(event, f) for f in DATE_FIELDS},
    )
    new.lock("title", "sources")
    new.save(update_fields=["locked_fields"])
    new.actors.set(event.actors.all())
    new.topics.set(event.topics.all())
    for source in sources:
        m.EventSource.objects.create(
            event=new,
            article=source.article,
            sentence=source.sentence,
            start=source.start,
            end=source.end,
            by_editor=True,
        )
        source.detached = True
        source.save(update_fields=["detached"])
        # Remarks made in the moved sentences go with them, and stay there.
        for quote in event.quotes.filter(
            article=source.article_id, start__gte=source.start, end__lte=source.end
        ):
            quote.event = new
            quote.lock("event")
            quote.save(update_fields=["event", "locked_fields"])
    event.lock("sources")
    event.save(update_fields=["locked_fields", "updated"])
    derived.refresh_sequence(event.story)
    derived.refresh_disputes(event.story, [event, new])
    return new


@transaction.atomic
def merge_actors(survivor: m.Actor, others: Iterable[m.Actor]) -> list[m.Actor]:
    """One actor from several: events, quotes and names go to ``survivor``; the others go."""
    others = [a for a in others if a.pk != survivor.pk]
    if not others:
        raise CorrectionError("Choose at least two actors to merge.")
    if any(a.story_id != survivor.story_id for a in others):
        raise CorrectionError("Only actors of the same story can be merged.")
    through = m.Event.actors.through
    names = {m.norm_name(survivor.name)} | {m.norm_name(a.name) for a in survivor.aliases.all()}
    for other in others:
        for event_id in through.objects.filter(actor=other).values_list("event_id", flat=True):
            through.objects.get_or_create(event_id=event_id, actor=survivor)
        through.objects.filter(actor=other).delete()
        other.quotes.update(speaker=survivor)
        for name in [other.name, *(a.name for a in other.aliases.all())]:
            if m.norm_name(name) not in names:
                m.ActorAlias.objects.create(actor=survivor, name=name[:200], by_editor=True)
                names.add(m.norm_name(name))
        _forget_rulings(survivor.story, other.name, survivor.name, m.ActorDecision.DIFFERENT)
        m.ActorDecision.objects.get_or_create(
            story=survivor.story,
            kind=m.ActorDecision.SAME,
            name=other.name,
            other_name=survivor.name,
        )
        other.delete()
    survivor.lock("aliases")
    survivor.save(update_fields=["locked_fields"])
    return others


@transaction.atomic
def mark_different(first: m.Actor, second: m.Actor) -> m.ActorDecision:
    """Two actors are not the same: no later run merges them."""
    if first.pk == second.pk or first.story_id != second.story_id:
        raise CorrectionError("Choose two actors of the same story.")
    _forget_rulings(first.story, first.name, second.name, m.ActorDecision.SAME)
    for actor, other in ((first, second), (second, first)):
        actor.aliases.filter(name__iexact=other.name).delete()
        actor.lock("aliases")
        actor.save(update_fields=["locked_fields"])
    decision, _ = m.ActorDecision.objects.get_or_create(
        story=first.story, kind=m.ActorDecision.DIFFERENT, name=first.name, other_name=second.name
    )
    return decision


def remove_alias(alias: m.ActorAlias) -> m.ActorDecision | None:
    """Remove an alias; a machine alias is ruled "not this actor" so it does not come back."""
    actor = alias.actor
    decision = None
    if not alias.by_editor:
        _forget_rulings(actor.story, alias.name, actor.name, m.ActorDecision.SAME)
        decision, _ = m.ActorDecision.objects.get_or_create(
            story=actor.story,
            kind=m.ActorDecision.DIFFERENT,
            name=alias.name,
            other_name=actor.name,
        )
        actor.lock("aliases")
        actor.save(update_fields=["locked_fields"])
    if alias.pk is not None:
        alias.delete()
    return decision


def _forget_rulings(story: m.Story, a: str, b: str, kind: str) -> None:
    """A new ruling on two names replaces an opposite one."""
    for d in story.actor_decisions.filter(kind=kind):
        if {m.norm_name(d.name), m.norm_name(d.other_name)} == {m.norm_name(a), m.norm_name(b)}:
            d.delete()
