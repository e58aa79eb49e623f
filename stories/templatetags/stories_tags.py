from django import template

from stories.filters import TimelineFilter
from stories.presenters import (
    BASIS_SHORT,
    independent,
    outlets_of,
    quote_context,
)

register = template.Library()


@register.simple_tag
def querystring_with(filters: TimelineFilter, key: str, value: str) -> str:
    """The current filter's query string plus one value (narrowing by a chip)."""
    items = filters.query_items() if isinstance(filters, TimelineFilter) else []
    if (key, value) not in items:
        items.append((key, value))
    return TimelineFilter.from_items(items).querystring()


@register.filter
def basis_short(basis: str) -> str:
    """How an event's date was found, in two or three words ("date inferred")."""
    return BASIS_SHORT.get(basis, "")


@register.filter
def reporters(event) -> list:
    """The distinct articles that reported an event (from its prefetched active sources)."""
    return outlets_of(event)


@register.filter
def independent_reports(event) -> list:
    """The independent reports of an event: outlets, a wire story's copies counted once."""
    return independent(outlets_of(event))


@register.filter
def short_source(article) -> str:
    """A badge-sized source label: the outlet, or the first words of the article's headline."""
    return article.short_label


@register.simple_tag
def keep_filters(url: str, filters: TimelineFilter | None) -> str:
    """``url`` carrying the reader's timeline filter, so that the way back keeps it."""
    if isinstance(filters, TimelineFilter) and filters.active:
        return url + filters.querystring()
    return url


@register.filter
def in_its_sentence(quote) -> tuple[str, str] | None:
    """A short quote's sentence around it, (before, after), or None for longer quotes."""
    return quote_context(quote)


@register.simple_tag
def narrow_to(filters: TimelineFilter | None, dates: tuple[str, str]) -> str:
    """The filter's query string with its dates narrowed to ``dates`` (first, last day)."""
    items = filters.query_items() if isinstance(filters, TimelineFilter) else []
    items = [(k, v) for k, v in items if k not in ("from", "to", "page")]
    items += [("from", dates[0]), ("to", dates[1])]
    return TimelineFilter.from_items(items).querystring()
