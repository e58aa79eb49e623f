"""Keys cut into lists that every database takes in one ``IN (...)``.

SQLite builds before 3.32 refuse a statement with more than 999 parameters; a story of a few
thousand articles has tens of thousands of rows, so a write touching many of them goes in parts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from django.db.models import Model

SIZE = 500


def chunked(keys: Iterable[int], size: int = SIZE) -> Iterator[list[int]]:
    """The keys, sorted, in lists of at most ``size``."""
    items = sorted(keys)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def delete(model: type[Model], pks: Iterable[int]) -> None:
    """Delete the rows (and what cascades from them) in a few statements, not one a row."""
    for chunk in chunked(pks):
        model._default_manager.filter(pk__in=chunk).delete()


def update(model: type[Model], rows: Sequence[Model], fields: Iterable[str]) -> None:
    """Write ``fields`` of the rows in a few statements (nothing when there are no rows)."""
    if rows:
        model._default_manager.bulk_update(rows, sorted(fields))
