"""Shapes the reader pages need, computed from rows already loaded (no queries here).

- date groups for the timeline, each with the gap since the group before ("3 years later");
- the coverage matrix of events by articles;
- quotes grouped by speaker, with an outlet's variants of one remark side by side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import dateparser

from stories.diff import highlight
from stories.nlp.disagreements import Disagreement, find_disagreements

# The visible short form of how an event's date was found; the long form is its tooltip.
BASIS_SHORT = {
    "explicit": "date stated",
    "relative": "date worked out",
    "context": "date inferred",
    "editor": "date set by editor",
}


# Timeline ---------------------------------------------------------------------------------


@dataclass
class DateGroup:
    label: str
    iso: str | None
    events: list = field(default_factory=list)
    gap: str = ""  # "3 years later", "5 days later", or "" when nothing worth saying
    gap_size: str = ""  # "s", "m", "l", "xl": how much air the axis shows before the group


def gap_between(
    prev_start: date | None, prev_end: date | None, start: date | None
) -> tuple[str, str]:
    """How far apart two moments are, in words a reader scans, and a size for the axis.

    Nothing is said when the new moment falls inside the previous period ("2023", then
    "12 Sep 2023"); otherwise the distance runs start to start, as a reader compares labels
    ("2019" then "2022" is three years).
    """
    if prev_start is None or prev_end is None or start is None or start <= prev_end:
        return "", ""
    days = (start - prev_start).days
    if days <= 1:
        return "", ""  # consecutive days: the labels say it, a marker would only be noise
    if days < 14:
        return f"{days} days later", "s"
    if days < 60:
        weeks = round(days / 7)
        return f"{weeks} weeks later", "m"
    if days < 548:
        months = round(days / 30.44)
        return ("a year later" if months == 12 else f"{months} months later"), "l"
    years = round(days / 365.25)
    return f"{years} years later", "xl"


def date_groups(events) -> list[DateGroup]:
    """Consecutive events with the same date label, in the order given (chronological)."""
    groups: list[DateGroup] = []
    prev_start: date | None = None
    prev_end: date | None = None
    for event in events:
        label = event.date_label
        if not groups or groups[-1].label != label:
            group = DateGroup(label=label, iso=event.date_iso)
            if groups:
                group.gap, group.gap_size = gap_between(prev_start, prev_end, event.date_start)
            groups.append(group)
        groups[-1].events.append(event)
        if event.date_start:
            prev_start, prev_end = event.date_start, event.date_end or event.date_start
    return groups


def outlets_of(event) -> list:
    """The distinct articles that reported an event, from its prefetched active sources."""
    seen: dict[int, Any] = {}
    for source in event.active_sources:
        seen.setdefault(source.article_id, source.article)
    return list(seen.values())


@dataclass
class SourceGroup:
    """One independent report: an outlet's articles, or the copies of one wire story."""

    articles: list

    @property
    def label(self) -> str:
        return self.articles[0].short_label

    @property
    def title(self) -> str:
        names = "; ".join(dict.fromkeys(a.source_label for a in self.articles))
        if self.is_family:
            return f"Copies of one wire story: {names}"
        return names

    @property
    def is_family(self) -> bool:
        return bool(self.articles[0].family) and len(self.articles) > 1

    @property
    def copies(self) -> int:
        """How many more outlets ran the same story."""
        return len({a.source_label for a in self.articles}) - 1


def independent(articles) -> list[SourceGroup]:
    """Articles grouped into independent reports (an outlet, or a wire story's copies)."""
    groups: dict[str, SourceGroup] = {}
    for article in articles:
        key = article.independence_key
        if key not in groups:
            groups[key] = SourceGroup([])
        groups[key].articles.append(article)
    return list(groups.values())


def event_disagreements(event) -> list[Disagreement]:
    """Where the outlets reporting an event contradict each other on a number or on who did it
    (from its prefetched sources and actors; the actors' aliases when prefetched too)."""
    sources = [(s.article.short_label, s.sentence) for s in event.active_sources]
    if len({label for label, _ in sources}) < 2:
        return []
    actors = []
    for actor in event.actors.all():
        names = [actor.name]
        cache = getattr(actor, "_prefetched_objects_cache", {})
        if "aliases" in cache:
            names += [a.name for a in cache["aliases"]]
        elif actor.kind == "person":
            # Without the aliases at hand, a person is also known by each longer part of
            # their name ("Lund" for "Mara Lund"), as articles refer to them after first use.
            names += [part for part in actor.name.split() if len(part) > 2]
        actors.append(names)
    return find_disagreements(sources, actors)


# Coverage ---------------------------------------------------------------------------------


@dataclass
class CoverageRow:
    event: Any
    cells: list[bool]
    reporters: int

    @property
    def single(self) -> bool:
        return self.reporters == 1


@dataclass
class CoverageColumn:
    article: Any
    reported: int = 0
    unique: int = 0


def coverage_matrix(events, articles) -> tuple[list[CoverageRow], list[CoverageColumn]]:
    """Rows of events by article columns: who reported what, and who alone reported what."""
    columns = [CoverageColumn(article=a) for a in articles]
    index = {a.pk: n for n, a in enumerate(articles)}
    rows = []
    for event in events:
        cells = [False] * len(articles)
        for source in event.active_sources:
            if source.article_id in index:
                cells[index[source.article_id]] = True
        reporters = sum(cells)
        for n, cell in enumerate(cells):
            if cell:
                columns[n].reported += 1
                if reporters == 1:
                    columns[n].unique += 1
        rows.append(CoverageRow(event=event, cells=cells, reporters=reporters))
    return rows, columns


# Quotes -----------------------------------------------------------------------------------


@dataclass
class Remark:
    """One thing said: a single quote, or the variants of it that several outlets printed."""

    quotes: list
    renderings: list  # escaped HTML of each quote, own wording marked when there are variants

    @property
    def is_variant_group(self) -> bool:
        return len(self.quotes) > 1

    @property
    def outlet_count(self) -> int:
        """How many independent outlets printed it: an outlet printing it twice counts once."""
        return len({q.article.independence_key for q in self.quotes})

    @property
    def pairs(self) -> list[tuple[Any, Any]]:
        return list(zip(self.quotes, self.renderings, strict=True))


@dataclass
class SpeakerQuotes:
    speaker: Any  # an Actor, or None for unattributed quotes
    remarks: list[Remark] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(r.quotes) for r in self.remarks)


def group_quotes(quotes) -> list[SpeakerQuotes]:
    """Quotes (ordered by speaker) grouped by speaker, variants of one remark side by side."""
    by_speaker: dict[int | None, SpeakerQuotes] = {}
    for quote in quotes:
        key = quote.speaker_id
        if key not in by_speaker:
            by_speaker[key] = SpeakerQuotes(speaker=quote.speaker)
        by_speaker[key].remarks.append(quote)  # type: ignore[arg-type]
    result = []
    for group in by_speaker.values():
        remarks: list[Remark] = []
        variants: dict[int, list] = {}
        order: list[Any] = []
        for quote in group.remarks:
            if quote.variant_group is None:
                order.append(quote)
            else:
                if quote.variant_group not in variants:
                    variants[quote.variant_group] = []
                    order.append(variants[quote.variant_group])
                variants[quote.variant_group].append(quote)
        for item in order:
            members = item if isinstance(item, list) else [item]
            renderings = highlight([q.text for q in members])
            remarks.append(Remark(quotes=members, renderings=renderings))
        group.remarks = remarks
        result.append(group)
    # Who said most comes first; the unattributed last.
    result.sort(
        key=lambda g: (g.speaker is None, -len(g.remarks), -g.count, g.speaker and g.speaker.name)
    )
    return result


# A quote this short ("sacred war") means little without the sentence it was said in.
SHORT_QUOTE_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s|\n")


def quote_context(quote) -> tuple[str, str] | None:
    """For a quote of a few words: the text of its sentence before and after it, else None."""
    if len(quote.text.split()) > SHORT_QUOTE_WORDS:
        return None
    text = quote.article.raw_text
    start, end = quote.start, quote.end
    if not (0 <= start < end <= len(text)):
        return None
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    sentence_start = before[-1] if before else 0
    after = _SENTENCE_END.search(text, end)
    sentence_end = after.start() + 1 if after else len(text)
    return text[sentence_start:start].lstrip(), text[end:sentence_end].rstrip()


# Article pages --------------------------------------------------------------------------------

_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b")


def page_date(article) -> date | None:
    """The date the saved page prints above or below its headline (a dateline block), if any.

    It is often the day the page was saved or updated rather than the day of the story, which
    is why the publication date may have been inferred otherwise; the page says so.
    """
    for block in (article.blocks or [])[:4]:
        if block.get("kind") != "dateline":
            continue
        text = article.raw_text[int(block["start"]) : int(block["end"])]
        text = _ORDINAL.sub(r"\1", text)
        parsed = dateparser.parse(
            text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
        )
        if parsed is not None:
            return parsed.date()
    return None
