from django import template

from stories.filters import TimelineFilter
from stories.presenters import BASIS_SHORT, outlets_of

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
def short_source(article) -> str:
    """A badge-sized source label: the outlet, or "Unnamed outlet (000_1a84…)"."""
    if article.outlet_id:
        return article.outlet.name
    stem = article.file_name.rsplit(".", 1)[0]
    return f"Unnamed outlet ({stem[:8]}…)" if len(stem) > 9 else f"Unnamed outlet ({stem})"
