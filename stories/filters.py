"""The reader's filter: a plain GET query string <-> a QuerySet and its facet counts."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.http import QueryDict

from stories import models as m

# More values of one facet than any reader picks by hand: past it the request is refused (400)
# rather than turned into a query whose size the visitor chooses.
MAX_VALUES_PER_FACET = 200
MAX_TEXT = 200
# The characters of a slug as the URLs make them (Django's slug: letters, digits, - and _).
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class _Problems:
    """What a query got wrong, in the reader's words. A mistyped date is a reader's slip, said
    on a page answered as usual; anything the page's own controls cannot send (a malformed slug,
    a NUL, more values than the cap) is refused as a bad request."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.refused = False

    def note(self, message: str) -> None:
        self.messages.append(message)

    def refuse(self, message: str) -> None:
        self.messages.append(message)
        self.refused = True


def _clean_values(query: QueryDict, name: str, errors: _Problems) -> tuple[str, ...]:
    """A facet's distinct values in the order given; malformed ones are reported and left out."""
    values = []
    for raw in dict.fromkeys(query.getlist(name)):
        value = raw.strip()
        if not value:
            continue
        if len(value) > MAX_TEXT or not SLUG.fullmatch(value):
            errors.refuse(f"“{_shown(value)}” is not a valid {name}; it was left out.")
            continue
        values.append(value)
    if len(values) > MAX_VALUES_PER_FACET:
        errors.refuse(
            f"{len(values)} values of “{name}” is more than the {MAX_VALUES_PER_FACET} a filter "
            "takes; none of them was used."
        )
        return ()
    return tuple(values)


def _clean_text(query: QueryDict, name: str, errors: _Problems) -> str:
    value = query.get(name, "")
    if "\x00" in value:
        # PostgreSQL cannot hold a NUL in text, and no reader types one.
        errors.refuse(f"The “{name}” filter held a NUL character; it was left out.")
        return ""
    return value.strip()[:MAX_TEXT]


def _shown(value: str) -> str:
    """A rejected value as it may be shown back: printable and short."""
    printable = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in value)
    return printable[:40] + ("…" if len(printable) > 40 else "")


def _day(raw: str, last: bool, errors: _Problems) -> date | None:
    """A year or a year-month is read as its first day for "from" ("from 2022") and as its
    last day for "to" ("to 2022" takes in December 2022)."""
    if not raw:
        return None
    try:
        if not re.fullmatch(r"\d{1,4}(-\d{1,2}){0,2}", raw):
            raise ValueError(raw)
        parts = [int(p) for p in raw.split("-")]
        year = parts[0]
        month = parts[1] if len(parts) > 1 else (12 if last else 1)
        if len(parts) > 2:
            return date(year, month, parts[2])
        if last:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, 1)
    except (ValueError, OverflowError):
        errors.note(
            f"“{_shown(raw)}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD, years 1 to 9999)."
        )
        return None


@dataclass(frozen=True)
class TimelineFilter:
    """The reader's filter on every page that filters: events on the timeline, quotes on the
    quotes page (which read ``speakers`` and ``outlets``). One object, one set of chips."""

    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    q: str = ""
    date_from: date | None = None
    date_to: date | None = None
    # The words the reader typed ("2023"), kept for the URL and the form: "2023" stays "2023"
    # rather than turning into a day, and a mistyped value stays there to be corrected.
    from_text: str = ""
    to_text: str = ""
    # What was left out, said to the reader; ``refused`` when the query was a bad request.
    errors: tuple[str, ...] = field(default=(), compare=False)
    refused: bool = field(default=False, compare=False)

    @classmethod
    def from_query(cls, query: QueryDict) -> TimelineFilter:
        errors = _Problems()
        from_text = _clean_text(query, "from", errors)[:10]
        to_text = _clean_text(query, "to", errors)[:10]
        return cls(
            actors=_clean_values(query, "actor", errors),
            topics=_clean_values(query, "topic", errors),
            outlets=_clean_values(query, "outlet", errors),
            speakers=_clean_values(query, "speaker", errors),
            q=_clean_text(query, "q", errors),
            date_from=_day(from_text, False, errors),
            date_to=_day(to_text, True, errors),
            from_text=from_text,
            to_text=to_text,
            errors=tuple(errors.messages),
            refused=errors.refused,
        )

    @classmethod
    def from_items(cls, items: list[tuple[str, str]]) -> TimelineFilter:
        query = QueryDict(mutable=True)
        for key, value in items:
            query.appendlist(key, value)
        return cls.from_query(query)

    @property
    def active(self) -> bool:
        return bool(
            self.actors
            or self.topics
            or self.outlets
            or self.speakers
            or self.q
            or self.date_from
            or self.date_to
        )

    def apply(self, events: m.EventQuerySet) -> m.EventQuerySet:
        qs = events.for_actor(*self.actors).in_topic(*self.topics).from_outlet(*self.outlets)
        if self.q:
            qs = qs.filter(
                Q(title__icontains=self.q)
                | Q(
                    pk__in=m.EventSource.objects.active()
                    .filter(sentence__icontains=self.q)
                    .values("event")
                )
            )
        if self.date_from:
            qs = qs.filter(date_end__gte=self.date_from)
        if self.date_to:
            qs = qs.filter(date_start__lte=self.date_to)
        return qs

    def apply_to_quotes(self, quotes: m.QuoteQuerySet) -> m.QuoteQuerySet:
        return quotes.by_speaker(*self.speakers).from_outlet(*self.outlets)

    def query_items(self) -> list[tuple[str, str]]:
        items = [("actor", a) for a in self.actors]
        items += [("topic", t) for t in self.topics]
        items += [("speaker", s) for s in self.speakers]
        items += [("outlet", o) for o in self.outlets]
        if self.q:
            items.append(("q", self.q))
        if self.date_from:
            items.append(("from", self.from_text))
        if self.date_to:
            items.append(("to", self.to_text))
        return items

    def querystring(self, without: tuple[str, str] | None = None) -> str:
        qd = QueryDict(mutable=True)
        for key, value in self.query_items():
            if (key, value) != without:
                qd.appendlist(key, value)
        encoded = qd.urlencode()
        return f"?{encoded}" if encoded else "?"
