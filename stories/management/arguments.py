"""What the management commands share about their arguments: one reading of ``--story``."""

from __future__ import annotations

from django.core.management.base import CommandError

from stories import models as m


def story_named(raw: str | None) -> m.Story:
    """The story ``--story`` names, spelt any way that gives its slug ("StoryA" is "storya");
    without ``--story``, the only story there is. Otherwise a CommandError saying what exists."""
    if raw is None:
        stories = list(m.Story.objects.order_by("slug")[:2])
        if not stories:
            raise CommandError("no story yet; ingest one with: manage.py ingest PATH --story SLUG")
        if len(stories) > 1:
            raise CommandError(f"there are several stories; name one with --story ({_known()})")
        return stories[0]
    try:
        slug = m.story_slug(raw)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    story = m.Story.objects.filter(slug=slug).first()
    if story is None:
        spelt = f" (from {raw!r})" if slug != raw else ""
        raise CommandError(f"no story {slug!r}{spelt}; {_known() or 'ingest it first'}")
    return story


def _known() -> str:
    slugs = list(m.Story.objects.order_by("slug").values_list("slug", flat=True)[:20])
    return f"the stories are: {', '.join(slugs)}" if slugs else ""
