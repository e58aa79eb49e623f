"""The timeline's facets: each value's count under the reader's filter, and which values to show.

A long facet (hundreds of people in a big story) shows its most frequent values first; "Show
all" and the facet's search box reach the rest, and a value the reader selected is always shown.
Counts are computed once per story version and filter (stories/caching.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict

from stories import caching
from stories import models as m
from stories.filters import TimelineFilter

# (name, legend): the GET parameter each facet filters by and its heading.
FACETS = (
    ("actor", "People and organisations"),
    ("topic", "Topics"),
    ("outlet", "Outlets"),
)
NAMES = tuple(name for name, _ in FACETS)
# Values shown before "Show all"; a facet longer than SEARCHABLE gets a search box; an expanded
# or searched facet shows at most LIMIT values, so that no response grows with the story.
TOP = 8
SEARCHABLE = 12
LIMIT = 100


@dataclass(frozen=True)
class FacetValue:
    slug: str
    name: str
    n: int
    kind: str = ""


@dataclass
class Facet:
    name: str
    legend: str
    values: list[FacetValue]  # the values shown, most frequent first
    total: int  # the values the facet has in this story
    expanded: bool = False
    search: str = ""
    matches: int = 0  # values matching the search, shown or not
    selected: set[str] = field(default_factory=set)
    unit: str = "events"  # what the counts count
    # Where "Show all" leads without JavaScript and what it asks with htmx (its response holds
    # this facet's fieldset), and where the search box asks (its response holds the values).
    more_href: str = ""
    more_get: str = ""
    search_get: str = ""

    @property
    def searchable(self) -> bool:
        return self.total > SEARCHABLE

    @property
    def more(self) -> int:
        """Values the reader can still ask for with "Show all"."""
        return 0 if self.expanded or self.search else self.total - len(self.values)

    @property
    def cut(self) -> int:
        """Values left out of an expanded or searched list by LIMIT."""
        if self.search:
            return max(0, self.matches - LIMIT)
        return max(0, self.total - LIMIT) if self.expanded else 0


@dataclass(frozen=True)
class FacetDisplay:
    """How the reader asked to see the facets: which are expanded, what each is searched for.

    These are GET parameters too (``more=actor``, ``actor_q=kim``), so that the page without
    JavaScript and a reload show the facets as the reader left them; they filter no event.
    """

    expanded: frozenset[str] = frozenset()
    searches: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query: QueryDict, names: tuple[str, ...] = NAMES) -> FacetDisplay:
        return cls(
            expanded=frozenset(v for v in query.getlist("more") if v in names),
            searches={
                name: query.get(f"{name}_q", "").strip()[:100]
                for name in names
                if query.get(f"{name}_q", "").strip()
            },
        )

    def expand(self, query: str, name: str) -> str:
        """``query`` (a filter's "?a=b" or "") with this display and facet ``name`` open."""
        qd = QueryDict(query.lstrip("?"), mutable=True)
        qd.setlist("more", sorted(self.expanded | {name}))
        for key, text in self.searches.items():
            qd[f"{key}_q"] = text
        return "?" + qd.urlencode()


def counts(story: m.Story, filters: TimelineFilter) -> dict[str, list[FacetValue]]:
    """Every value of each facet with its count under ``filters``, most frequent first.

    The story's values and their unfiltered counts are computed once a version; a filter then
    costs one small count a facet over the events it keeps.
    """
    values = caching.cached(story, ("facet-values",), lambda: _story_values(story))
    if not filters.active:
        return values
    return caching.cached(
        story, ("facets", filters.querystring()), lambda: _filtered(story, filters, values)
    )


def visible_total(story: m.Story) -> int:
    """The story's visible events, unfiltered: the "of N events" of every filtered page."""
    return caching.cached(
        story, ("visible-total",), lambda: m.Event.objects.for_story(story).visible().count()
    )


def _story_values(story: m.Story) -> dict[str, list[FacetValue]]:
    actors = (
        m.Actor.objects.filter(story=story, events__hidden=False)
        .values("slug", "name", "kind")
        .annotate(n=Count("events"))  # an (event, actor) pair is one row: no DISTINCT needed
    )
    topics = (
        m.Topic.objects.filter(events__story=story, events__hidden=False)
        .values("slug", "name")
        .annotate(n=Count("events"))
    )
    # Outlets are counted by events, not articles: two articles of one outlet count once.
    outlets = (
        m.Outlet.objects.filter(articles__story=story)
        .values("slug", "name")
        .annotate(
            n=Count(
                "articles__event_sources__event",
                filter=Q(
                    articles__event_sources__detached=False,
                    articles__event_sources__event__hidden=False,
                ),
                distinct=True,
            )
        )
    )
    return {"actor": _ranked(actors), "topic": _ranked(topics), "outlet": _ranked(outlets)}


def _ranked(rows: QuerySet) -> list[FacetValue]:
    return [FacetValue(**row) for row in rows.order_by("-n", "name", "slug")]


def _filtered(
    story: m.Story, filters: TimelineFilter, values: dict[str, list[FacetValue]]
) -> dict[str, list[FacetValue]]:
    """The story's values recounted over the filtered events; values left with none stay, last
    (a reader sees that an outlet reported none of these)."""
    ids = filters.apply(m.Event.objects.for_story(story).visible()).values("pk")
    found = {
        "actor": m.Event.actors.through.objects.filter(event__in=ids)
        .values_list("actor__slug")
        .annotate(n=Count("event")),
        "topic": m.Event.topics.through.objects.filter(event__in=ids)
        .values_list("topic__slug")
        .annotate(n=Count("event")),
        "outlet": m.EventSource.objects.active()
        .filter(event__in=ids, article__outlet__isnull=False)
        .values_list("article__outlet__slug")
        .annotate(n=Count("event", distinct=True)),
    }
    out = {}
    for name, rows in found.items():
        n = dict(rows.order_by())
        recounted = [replace(v, n=n.get(v.slug, 0)) for v in values[name]]
        out[name] = sorted(recounted, key=lambda v: (-v.n, v.name, v.slug))
    return out


def facets(
    story: m.Story, filters: TimelineFilter, display: FacetDisplay, only: str | None = None
) -> list[Facet]:
    """The facets as the reader sees them (``only`` one of them, for its "Show all")."""
    everything = counts(story, filters)
    selected = {"actor": filters.actors, "topic": filters.topics, "outlet": filters.outlets}
    return [
        build(name, legend, everything[name], set(selected[name]), display)
        for name, legend in FACETS
        if not only or name == only
    ]


def build(
    name: str,
    legend: str,
    values: list[FacetValue],
    selected: set[str],
    display: FacetDisplay,
    *,
    unit: str = "events",
) -> Facet:
    """A facet of ``values`` (most frequent first) as ``display`` asks to show it."""
    facet = Facet(
        name=name,
        legend=legend,
        values=[],
        total=len(values),
        expanded=name in display.expanded,
        search=display.searches.get(name, ""),
        selected=selected,
        unit=unit,
    )
    return shown(facet, values)


def shown(facet: Facet, values: list[FacetValue]) -> Facet:
    """Fill in the values to show: the top ones, all of them or the search's matches (each
    bounded), and the selected ones whatever their rank."""
    if facet.search:
        needle = facet.search.casefold()
        pool = [v for v in values if needle in v.name.casefold()]
        facet.matches = len(pool)
        pool = pool[:LIMIT]
    else:
        pool = values[:LIMIT] if facet.expanded else values[:TOP]
    keep = {v.slug for v in pool} | facet.selected
    facet.values = [v for v in values if v.slug in keep]
    return facet


def names(facet_list: list[Facet]) -> dict[tuple[str, str], str]:
    """(facet, slug) -> name for the values shown, the selected ones among them."""
    return {(f.name, v.slug): v.name for f in facet_list for v in f.values}
