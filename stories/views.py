"""Thin function views: one view renders a full page or, for an htmx request, its fragment."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe

from stories import caching, facets
from stories import models as m
from stories.caching import story_page
from stories.diff import highlight
from stories.export import FORMATS, story_export
from stories.filters import TimelineFilter
from stories.markup import Span, render_blocks
from stories.overview import build_overview
from stories.presenters import (
    coverage_matrix,
    date_groups,
    event_disagreements,
    group_quotes,
    independent,
    outlets_of,
    page_date,
)
from stories.story_header import StoryHeader, story_header

# A page of events and its facets stay under 60 KB, however long the story.
EVENTS_PER_PAGE = 30


def _page_number(request: HttpRequest) -> str:
    """The page asked for; "0" or "-1" is the first page, not (as the paginator has it) the
    last."""
    raw = request.GET.get("page", "")[:12]
    return "1" if re.fullmatch(r"\s*(?:0+|-\d+)\s*", raw) else raw


def _render(
    request: HttpRequest, page: str, fragment: str, context: dict, status: int = 200
) -> TemplateResponse:
    """The fragment for htmx swaps; the full page otherwise (see _wants_fragment)."""
    response = TemplateResponse(
        request, fragment if _wants_fragment(request) else page, context, status=status
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


def _header(story: m.Story) -> StoryHeader:
    """The story's header, computed once a story version: the same for every reader."""
    return caching.cached(story, ("story-header",), lambda: story_header(story))


def story_list(request: HttpRequest) -> TemplateResponse:
    headers = [_header(story) for story in m.Story.objects.all()]
    return TemplateResponse(request, "stories/story_list.html", {"headers": headers})


CHIP_KINDS = {
    "actor": "Who",
    "topic": "Topic",
    "speaker": "Speaker",
    "outlet": "Outlet",
    "q": "Text",
    "from": "From",
    "to": "To",
}
TIMELINE_CHIPS = tuple(k for k in CHIP_KINDS if k != "speaker")


def _active_chips(
    filters: TimelineFilter,
    names: dict[tuple[str, str], str],
    keys: tuple[str, ...] = TIMELINE_CHIPS,
) -> list[dict]:
    """The active filters as a reader reads them: names, not slugs, each removable. ``keys``
    are the filters the page applies; the others would filter nothing, so they get no chip."""
    return [
        {
            "kind": CHIP_KINDS[key],
            "name": names.get((key, value), value),
            "query": _nonempty(filters.querystring(without=(key, value))),
        }
        for key, value in filters.query_items()
        if key in keys
    ]


def _timeline_results(
    story: m.Story, filters: TimelineFilter, facet_list: list[facets.Facet], page_number: str
) -> str:
    """The results section (count, chips, one page of events), rendered once a story version:
    it is the same for every reader, and the heaviest part of the page to render."""

    def render() -> str:
        events = filters.apply(m.Event.objects.for_story(story).visible())
        paginator = Paginator(events.chronological().for_cards(), EVENTS_PER_PAGE)
        page = paginator.get_page(page_number)
        query = filters.querystring()
        context = {
            "story": story,
            "filters": filters,
            "page": page,
            "groups": date_groups(page.object_list),
            "chips": _active_chips(filters, facets.names(facet_list)),
            "query": "" if query == "?" else query,
            "page_query": (query + "&" if query != "?" else "?") + "page=",
            "total": facets.visible_total(story),
        }
        return render_to_string("stories/_timeline_results.html", context)

    parts = ("timeline-results", filters.querystring(), filters.errors, page_number)
    # Safe: the template escaped it when it was rendered.
    return mark_safe(caching.cached(story, parts, render))


@story_page
def timeline(request: HttpRequest, story: m.Story) -> HttpResponse:
    filters = TimelineFilter.from_query(request.GET)
    fragment = _wants_fragment(request)
    # A swap started by a link (a chip, "Clear all") changes the filter behind the form's back:
    # the form's text and date fields come along. The form's own swaps leave them alone, so
    # that what the reader is typing is never overwritten.
    refresh_inputs = fragment and request.htmx.trigger not in _FORM_TRIGGERS

    def render() -> str:
        display = facets.FacetDisplay.from_query(request.GET)
        facet_list = _timeline_facets(story, filters, display)
        page_number = _page_number(request)
        context = {
            "story": story,
            "filters": filters,
            "facets": facet_list,
            "top": facets.TOP,
            "results": _timeline_results(story, filters, facet_list, page_number),
            "refresh_inputs": refresh_inputs,
        }
        template = "stories/_timeline_fragment.html" if fragment else "stories/_timeline_panel.html"
        return render_to_string(template, context)

    # Everything but the page's chrome is the same for every reader of this version: rendered
    # once, then a cache read.
    parts = ("timeline", fragment, refresh_inputs, request.GET.urlencode())
    panel = mark_safe(caching.cached(story, parts, render))
    status = 400 if filters.refused else 200
    if fragment:
        return HttpResponse(panel, status=status)
    context = {
        "story": story,
        "section": "timeline",
        "panel": panel,
        # The header sits outside the swapped panel: a fragment does not need it.
        "header": _header(story),
    }
    return TemplateResponse(request, "stories/timeline.html", context, status=status)


def _wants_fragment(request: HttpRequest) -> bool:
    """htmx swaps get the fragment; a history restore (htmx's cache missed) gets the page."""
    return bool(request.htmx and not request.htmx.history_restore_request)


@story_page
def overview(request: HttpRequest, story: m.Story) -> TemplateResponse:
    """Every event of the filter, not only a page's, drawn small: loaded by the timeline's
    results after they arrive (it is not part of their size), or a page of its own."""
    filters = TimelineFilter.from_query(request.GET)

    def render() -> str:
        events = filters.apply(m.Event.objects.for_story(story).visible()).chronological()
        fields = ("pk", "title", "date_start", "date_end", "granularity", "date_qualifier")
        context = {
            "story": story,
            "filters": filters,
            "overview": build_overview(events.only(*fields)),
        }
        return render_to_string("stories/_overview.html", context)

    # Safe: the template escaped it when it was rendered.
    drawing = mark_safe(caching.cached(story, ("overview", filters.querystring()), render))
    context = {"story": story, "section": "timeline", "filters": filters, "drawing": drawing}
    return _render(
        request,
        "stories/overview.html",
        "stories/_overview_fragment.html",
        context,
        status=400 if filters.refused else 200,
    )


def _timeline_facets(
    story: m.Story, filters: TimelineFilter, display: facets.FacetDisplay, only: str | None = None
) -> list[facets.Facet]:
    timeline_url = reverse("stories:timeline", args=[story.slug])
    query = _nonempty(filters.querystring())
    facet_list = facets.facets(story, filters, display, only=only)
    for facet in facet_list:
        facet.search_get = reverse("stories:facet", args=[story.slug, facet.name])
        facet.more_href = timeline_url + display.expand(query, facet.name)
        facet.more_get = facet.search_get + display.expand(query, facet.name)
    return facet_list


# The ids of the timeline's form and its search field, sent by htmx as HX-Trigger.
_FORM_TRIGGERS = ("timeline-filters", "f-q")


def _querystring(items: list[tuple[str, str]]) -> str:
    qd = QueryDict(mutable=True)
    for key, value in items:
        qd.appendlist(key, value)
    return "?" + qd.urlencode()


def _nonempty(query: str) -> str:
    return "" if query == "?" else query


@story_page
def facet(request: HttpRequest, story: m.Story, name: str) -> HttpResponse:
    """One facet with all its values (bounded) or the values its search matches."""
    if name not in facets.NAMES:
        raise Http404(f"No facet {name!r}; the timeline's facets are {', '.join(facets.NAMES)}.")
    filters = TimelineFilter.from_query(request.GET)
    if not request.htmx:
        # Without JavaScript "Show all" is the timeline with this facet expanded.
        query = QueryDict(mutable=True)
        query.update(request.GET)
        query.setlist("more", sorted({*query.getlist("more"), name}))
        url = reverse("stories:timeline", args=[story.slug])
        return HttpResponseRedirect(f"{url}?{query.urlencode()}#facet-{name}")
    display = facets.FacetDisplay.from_query(request.GET)
    (one,) = _timeline_facets(story, filters, display, only=name)
    context = {"story": story, "facet": one, "top": facets.TOP}
    response = TemplateResponse(request, "stories/_facet.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _event_missing(request: HttpRequest, story: m.Story, pk: int) -> HttpResponse:
    """A merged event's address leads to the event it joined; a hidden or unknown one is a
    plain 404 page with the way back to the timeline."""
    redirect = m.EventRedirect.objects.filter(story=story, old_id=pk, event__hidden=False).first()
    if redirect is not None:
        query = request.GET.urlencode()
        url = redirect.event.get_absolute_url() + (f"?{query}" if query else "")
        return HttpResponsePermanentRedirect(url)
    filters = TimelineFilter.from_query(request.GET)
    context = {"story": story, "section": "timeline", "filters": filters}
    return TemplateResponse(request, "stories/event_missing.html", context, status=404)


def _with_whole_remarks(story: m.Story, quotes: list[m.Quote]) -> list[m.Quote]:
    """The quotes, with every outlet's rendering of the remarks among them: a remark counts
    the same outlets on the event page as on the quotes page."""
    groups = {q.variant_group for q in quotes if q.variant_group is not None}
    if not groups:
        return quotes
    have = {q.pk for q in quotes}
    more = (
        m.Quote.objects.for_story(story)
        .visible()
        .filter(variant_group__in=groups)
        .exclude(pk__in=have)
        .select_related("speaker", "article__outlet")
    )
    return sorted([*quotes, *more], key=lambda q: (q.article.file_name, q.start))


@story_page
def event_detail(request: HttpRequest, story: m.Story, pk: int) -> HttpResponse:
    event = (
        m.Event.objects.for_story(story)
        .visible()
        .with_reader_data()
        .prefetch_related(
            "actors__aliases",
            Prefetch(
                "quotes",
                queryset=m.Quote.objects.visible()
                .select_related("speaker", "article__outlet")
                .order_by("article__file_name", "start"),
                to_attr="visible_quotes",
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if event is None:
        return _event_missing(request, story, pk)
    sources = event.active_sources
    evidence = list(zip(sources, highlight([s.sentence for s in sources]), strict=True))
    reports = independent(outlets_of(event))
    labels = {s.article.file_name: s.article.source_label for s in sources}
    alt_files = {a.get("file") for a in event.alternative_dates or [] if isinstance(a, dict)}
    if alt_files - set(labels):
        # A reading from an article that does not report the event: still named by its outlet.
        others = m.Article.objects.for_story(story).filter(file_name__in=alt_files - set(labels))
        labels.update({a.file_name: a.source_label for a in others.select_related("outlet")})
    alternatives = [
        {
            "label": alt.get("label", ""),
            "text": alt.get("text", ""),
            "source": labels.get(alt.get("file", ""), "another article"),
        }
        for alt in event.alternative_dates or []
        if isinstance(alt, dict)
    ]
    context = {
        "story": story,
        "section": "timeline",
        "event": event,
        "evidence": evidence,
        "outlet_count": len(reports),
        "reports": reports,
        "alternatives": alternatives,
        "disagreements": event_disagreements(event),
        "quote_remarks": group_quotes(_with_whole_remarks(story, event.visible_quotes)),
        "filters": TimelineFilter.from_query(request.GET),
    }
    return _render(request, "stories/event_detail.html", "stories/_event_sources.html", context)


@story_page
def coverage(request: HttpRequest, story: m.Story) -> TemplateResponse:
    articles = list(m.Article.objects.for_story(story).select_related("outlet"))
    events = (
        m.Event.objects.for_story(story)
        .visible()
        .chronological()
        .prefetch_related(
            Prefetch(
                "sources",
                queryset=m.EventSource.objects.active().only("id", "event_id", "article_id"),
                to_attr="active_sources",
            )
        )
    )
    rows, columns = coverage_matrix(events, articles)
    context = {
        "story": story,
        "section": "coverage",
        "rows": rows,
        "columns": columns,
        "single_count": sum(1 for r in rows if r.single),
        "unreported_count": sum(1 for r in rows if r.reporters == 0),
    }
    return TemplateResponse(request, "stories/coverage.html", context)


@story_page
def quotes(request: HttpRequest, story: m.Story) -> TemplateResponse:
    filters = TimelineFilter.from_query(request.GET)
    speakers, outlets = filters.speakers, filters.outlets
    base = m.Quote.objects.for_story(story).visible()
    rows = (
        filters.apply_to_quotes(base)
        .select_related("speaker", "article__outlet", "event")
        .order_by(
            F("speaker__name").asc(nulls_last=True),
            F("event__date_start").asc(nulls_last=True),
            "article__file_name",
            "start",
        )
    )
    # Each facet counted under the other facet's filter, one query each.
    by_outlet = base.from_outlet(*outlets).values("pk")
    by_speaker = base.by_speaker(*speakers).values("pk")
    speaker_facet = (
        m.Actor.objects.filter(story=story, quotes__hidden=False)
        .annotate(n=Count("quotes", filter=Q(quotes__in=by_outlet), distinct=True))
        .order_by("-n", "name")
    )
    outlet_facet = (
        m.Outlet.objects.filter(articles__story=story, articles__quotes__hidden=False)
        .annotate(n=Count("articles__quotes", filter=Q(articles__quotes__in=by_speaker)))
        .order_by("-n", "name")
    )
    quotes_url = reverse("stories:quotes", args=[story.slug])
    display = facets.FacetDisplay.from_query(request.GET, names=("speaker", "outlet"))
    query = _nonempty(_querystring(filters.query_items()))
    facet_list = []
    for name, legend, counted in (
        ("speaker", "Speakers", speaker_facet),
        ("outlet", "Outlets", outlet_facet),
    ):
        values = [facets.FacetValue(slug=v.slug, name=v.name, n=v.n) for v in counted]
        chosen = set(speakers if name == "speaker" else outlets)
        facet = facets.build(name, legend, values, chosen, display, unit="quotes")
        facet.more_href = facet.more_get = quotes_url + display.expand(query, name)
        facet.search_get = quotes_url
        facet_list.append(facet)
    chips = _active_chips(filters, facets.names(facet_list), keys=("speaker", "outlet"))

    quote_list = list(rows)
    context = {
        "story": story,
        "section": "quotes",
        "filters": filters,
        "groups": group_quotes(quote_list),
        "quote_count": len(quote_list),
        "total": base.count(),
        "active": bool(chips),
        "errors": filters.errors,
        "facets": facet_list,
        "top": facets.TOP,
        "chips": chips,
    }
    return _render(
        request,
        "stories/quotes.html",
        "stories/_quotes_panel.html",
        context,
        status=400 if filters.refused else 200,
    )


@story_page
def actor_detail(request: HttpRequest, story: m.Story, actor_slug: str) -> TemplateResponse:
    actor = get_object_or_404(m.Actor.objects.filter(story=story), slug=actor_slug)
    page_number = _page_number(request)

    def render() -> str:
        events = m.Event.objects.for_story(story).visible().for_actor(actor)
        page = Paginator(events.chronological().for_cards(), EVENTS_PER_PAGE).get_page(page_number)
        quotes = (
            m.Quote.objects.visible()
            .filter(speaker=actor)
            .select_related("article__outlet", "event")
            .order_by(
                F("event__date_start").asc(nulls_last=True),
                F("article__published").asc(nulls_last=True),
                "article__file_name",
                "start",
            )
        )
        quote_list = list(quotes)
        context = {
            "story": story,
            "actor": actor,
            "aliases": list(actor.aliases.all()),
            "page": page,
            "groups": date_groups(page.object_list),
            "filters": TimelineFilter(),
            "quotes": quote_list,
            "remarks": group_quotes(quote_list),
        }
        return render_to_string("stories/_actor_body.html", context)

    # Rendered once a story version, as the timeline's results are.
    body = mark_safe(caching.cached(story, ("actor", actor.pk, page_number), render))
    context = {"story": story, "section": "actor", "actor": actor, "body": body}
    return TemplateResponse(request, "stories/actor_detail.html", context)


@story_page
def article_list(request: HttpRequest, story: m.Story) -> TemplateResponse:
    # Counted in subqueries: two counts over joins would multiply each other's rows.
    events = (
        m.EventSource.objects.active()
        .filter(article=OuterRef("pk"), event__hidden=False)
        .values("article")
        .annotate(n=Count("event", distinct=True))
        .values("n")
    )
    quotes = (
        m.Quote.objects.visible()
        .filter(article=OuterRef("pk"))
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    articles = (
        m.Article.objects.for_story(story)
        .select_related("outlet")
        .annotate(
            n_events=Coalesce(Subquery(events), 0),
            n_quotes=Coalesce(Subquery(quotes), 0),
        )
    )
    context = {"story": story, "section": "articles", "articles": articles}
    return TemplateResponse(request, "stories/article_list.html", context)


@story_page
def article_detail(request: HttpRequest, story: m.Story, pk: int) -> TemplateResponse:
    article = get_object_or_404(m.Article.objects.for_story(story).select_related("outlet"), pk=pk)
    sources = (
        m.EventSource.objects.active()
        .filter(article=article, event__hidden=False)
        .select_related("event")
        .order_by("start", "event__date_start", "event_id")
    )
    quotes = (
        m.Quote.objects.visible()
        .filter(article=article)
        .select_related("speaker")
        .order_by("start")
    )
    spans: dict[tuple[int, int], Span] = {}
    for source in sources:
        span = spans.setdefault(
            (source.start, source.end),
            Span("evidence", source.start, source.end, anchor=f"s-{source.start}"),
        )
        url = reverse("stories:event", args=[story.slug, source.event_id])
        span.links.append((url, f"Event: {source.event.title}"))
    quote_spans = []
    for quote in quotes:
        span = Span("quote", quote.start, quote.end, anchor=f"q-{quote.pk}", title="Quote")
        if quote.speaker_id:
            span.title = f"Quote of {quote.speaker.name}"
            url = reverse("stories:actor", args=[story.slug, quote.speaker.slug])
            span.links.append((url, f"— {quote.speaker.name}"))
        quote_spans.append(span)
    # Two evidence spans starting at one place share the anchor; only the first carries it.
    taken: set[str] = set()
    for span in spans.values():
        if span.anchor in taken:
            span.anchor = ""
        taken.add(span.anchor)
    context = {
        "story": story,
        "section": "articles",
        "article": article,
        "blocks": render_blocks(
            article.raw_text, article.blocks or [], [*spans.values(), *quote_spans]
        ),
        "page_date": page_date(article),
        "evidence_count": len(spans),
        "quote_count": len(quote_spans),
    }
    return TemplateResponse(request, "stories/article_detail.html", context)


@story_page
def export(request: HttpRequest, story: m.Story, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        return HttpResponse(
            f"Unknown format {fmt!r}; use one of {', '.join(sorted(FORMATS))}.",
            status=404,
            content_type="text/plain",
        )
    filters = TimelineFilter.from_query(request.GET)
    if filters.errors:
        # A download must be what the reader asked for or nothing: never a wider timeline.
        return HttpResponse(
            "\n".join(filters.errors) + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    events = filters.apply(m.Event.objects.for_story(story).visible()) if filters.active else None
    body = FORMATS[fmt](story_export(story, events))
    content_type = "text/csv" if fmt == "csv" else "application/json"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    suffix = "csv" if fmt == "csv" else "json"
    response["Content-Disposition"] = f'inline; filename="{story.slug}-{fmt}.{suffix}"'
    return response
