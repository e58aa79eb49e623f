"""Thin function views: one view renders a full page or, for an htmx request, its fragment."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers

from stories import models as m
from stories.export import FORMATS, story_export
from stories.filters import TimelineFilter, facet_counts

EVENTS_PER_PAGE = 100


def _render(
    request: HttpRequest, page: str, fragment: str, context: dict, status: int = 200
) -> TemplateResponse:
    """The fragment for htmx swaps; the full page otherwise, including on history restore,
    when htmx asks for the whole page because its cache missed."""
    wants_fragment = request.htmx and not request.htmx.history_restore_request
    response = TemplateResponse(
        request, fragment if wants_fragment else page, context, status=status
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


def story_list(request: HttpRequest) -> TemplateResponse:
    stories = m.Story.objects.all()
    return TemplateResponse(request, "stories/story_list.html", {"stories": stories})


def timeline(request: HttpRequest, slug: str) -> TemplateResponse:
    story = get_object_or_404(m.Story, slug=slug)
    filters = TimelineFilter.from_query(request.GET)
    events = filters.apply(m.Event.objects.for_story(story).visible())
    paginator = Paginator(events.chronological().with_reader_data(), EVENTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    facets = facet_counts(story, events)
    context = {
        "story": story,
        "filters": filters,
        "page": page,
        "events": page.object_list,
        "facets": facets,
        "selected": {
            "actor": set(filters.actors),
            "topic": set(filters.topics),
            "outlet": set(filters.outlets),
        },
        "total": m.Event.objects.for_story(story).visible().count(),
    }
    return _render(request, "stories/timeline.html", "stories/_timeline_panel.html", context)


def event_detail(request: HttpRequest, slug: str, pk: int) -> TemplateResponse:
    story = get_object_or_404(m.Story, slug=slug)
    event = get_object_or_404(
        m.Event.objects.for_story(story)
        .visible()
        .with_reader_data()
        .prefetch_related(
            Prefetch("quotes", queryset=m.Quote.objects.visible().select_related("speaker"))
        ),
        pk=pk,
    )
    return _render(
        request,
        "stories/event_detail.html",
        "stories/_event_sources.html",
        {"story": story, "event": event},
    )


def actor_detail(request: HttpRequest, slug: str, actor_slug: str) -> TemplateResponse:
    story = get_object_or_404(m.Story, slug=slug)
    actor = get_object_or_404(
        m.Actor.objects.filter(story=story).prefetch_related("aliases"), slug=actor_slug
    )
    events = m.Event.objects.for_story(story).visible().for_actor(actor)
    quotes = (
        m.Quote.objects.visible()
        .filter(speaker=actor)
        .select_related("article__outlet", "event")
        .order_by("event__date_start", "article__published", "article__file_name", "start")
    )
    context = {
        "story": story,
        "actor": actor,
        "events": events.chronological().with_reader_data(),
        "quotes": quotes,
    }
    return TemplateResponse(request, "stories/actor_detail.html", context)


def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    story = get_object_or_404(m.Story, slug=slug)
    if fmt not in FORMATS:
        return HttpResponse(
            f"Unknown format {fmt!r}; use one of {', '.join(sorted(FORMATS))}.",
            status=404,
            content_type="text/plain",
        )
    filters = TimelineFilter.from_query(request.GET)
    events = filters.apply(m.Event.objects.for_story(story).visible()) if filters.active else None
    body = FORMATS[fmt](story_export(story, events))
    content_type = "text/csv" if fmt == "csv" else "application/json"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    suffix = "csv" if fmt == "csv" else "json"
    response["Content-Disposition"] = f'inline; filename="{story.slug}-{fmt}.{suffix}"'
    return response
