from django import template

from stories.filters import TimelineFilter

register = template.Library()


@register.simple_tag
def querystring_without(filters: TimelineFilter, key: str, value: str) -> str:
    """The current filter's query string less one value (for a removable filter chip)."""
    return filters.querystring(without=(key, value))


@register.simple_tag
def querystring_with(filters: TimelineFilter, key: str, value: str) -> str:
    """The current filter's query string plus one value (narrowing by a chip)."""
    items = filters.query_items() if isinstance(filters, TimelineFilter) else []
    if (key, value) not in items:
        items.append((key, value))
    return TimelineFilter.from_items(items).querystring()
