"""The reader's filter: a plain GET query string <-> a QuerySet and its facet counts."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.http import QueryDict

from stories import models as m


@dataclass(frozen=True)
class TimelineFilter:
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    q: str = ""
    date_from: date | None = None
    date_to: date | None = None
    # The words the reader typed ("2023"), kept for the URL and the form: "2023" stays "2023"
    # rather than turning into a day, and a mistyped value stays there to be corrected.
    from_text: str = ""
    to_text: str = ""
    errors: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_query(cls, query: QueryDict) -> TimelineFilter:
        errors = []

        def day(name: str, last: bool = False) -> date | None:
            raw = query.get(name, "").strip()
            if not raw:
                return None
            try:
                # A year or a year-month is read as its first day for "from" ("from 2022") and
                # as its last day for "to" ("to 2022" takes in December 2022).
                parts = [int(p) for p in raw.split("-")]
                if not 1 <= len(parts) <= 3:
                    raise ValueError(raw)
                year = parts[0]
                month = parts[1] if len(parts) > 1 else (12 if last else 1)
                if len(parts) > 2:
                    return date(year, month, parts[2])
                if last:
                    return date(year, month, calendar.monthrange(year, month)[1])
                return date(year, month, 1)
            except ValueError:
                errors.append(f"“{raw}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD).")
                return None

        def values(name: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(v for v in query.getlist(name) if v))

        return cls(
            actors=values("actor"),
            topics=values("topic"),
            outlets=values("outlet"),
            q=query.get("q", "").strip()[:200],
            date_from=day("from"),
            date_to=day("to", last=True),
            from_text=query.get("from", "").strip()[:10],
            to_text=query.get("to", "").strip()[:10],
            errors=tuple(errors),
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
            self.actors or self.topics or self.outlets or self.q or self.date_from or self.date_to
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

    def query_items(self) -> list[tuple[str, str]]:
        items = [("actor", a) for a in self.actors]
        items += [("topic", t) for t in self.topics]
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
