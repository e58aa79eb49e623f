"""The documented interchange format of a story's timeline (schema in the README).

Deterministic: the same database gives byte-identical output.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
from html import escape

from django.db.models import Prefetch

from stories import models as m
from stories.models import truncate_words


def timeline_events(story: m.Story, events: m.EventQuerySet | None = None) -> list[m.Event]:
    qs = events if events is not None else m.Event.objects.for_story(story).visible()
    return list(qs.chronological().with_reader_data())


def story_export(story: m.Story, events: m.EventQuerySet | None = None) -> dict:
    event_rows = timeline_events(story, events)
    event_ids = {e.pk for e in event_rows}
    articles = list(story.articles.select_related("outlet").order_by("file_name"))
    actors = list(
        story.actors.prefetch_related(
            Prefetch("aliases", queryset=m.ActorAlias.objects.order_by("name"))
        ).order_by("name", "pk")
    )
    quotes = list(
        m.Quote.objects.for_story(story)
        .visible()
        .select_related("speaker", "article")
        .order_by("article__file_name", "start", "pk")
    )
    if events is not None:
        quotes = [q for q in quotes if q.event_id in event_ids]
    topics = sorted({t for e in event_rows for t in e.topics.all()}, key=lambda topic: topic.slug)
    return {
        "story": {"slug": story.slug, "title": story.title},
        "sources": [
            {
                "file": a.file_name,
                "outlet": a.outlet.name if a.outlet_id else None,
                "headline": a.headline,
                "author": a.author or None,
                "published": a.published.isoformat() if a.published else None,
                "published_basis": a.published_basis,
            }
            for a in articles
        ],
        "actors": [
            {
                "id": a.pk,
                "slug": a.slug,
                "name": a.name,
                "kind": a.kind,
                "aliases": [alias.name for alias in a.aliases.all()],
            }
            for a in actors
        ],
        "topics": [{"slug": tp.slug, "name": tp.name} for tp in topics],
        "events": [
            {
                "id": e.pk,
                "date": e.date_iso,
                "granularity": e.granularity or None,
                "date_text": e.date_text,
                "title": e.title,
                "actors": sorted(a.name for a in e.actors.all()),
                "topics": sorted(tp.slug for tp in e.topics.all()),
                "sources": [
                    {
                        "file": s.article.file_name,
                        "outlet": s.article.outlet.name if s.article.outlet_id else None,
                        "evidence": s.sentence,
                    }
                    for s in e.active_sources
                ],
            }
            for e in event_rows
        ],
        "quotes": [
            {
                "id": q.pk,
                "speaker": q.speaker.name if q.speaker_id else None,
                "text": q.text,
                "direct": q.direct,
                "file": q.article.file_name,
                "event": q.event_id if q.event_id in event_ids else None,
                "variant_group": q.variant_group,
            }
            for q in quotes
        ],
    }


def as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# A spreadsheet reads a cell starting with one of these as a formula (=HYPERLINK(...) in an
# outlet's name would run); a leading apostrophe makes it text, as OWASP recommends.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def as_csv(data: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "date", "granularity", "title", "actors", "topics", "outlets", "files"])
    for e in data["events"]:
        writer.writerow(
            _cell(value)
            for value in [
                e["id"],
                e["date"] or "",
                e["granularity"] or "",
                e["title"],
                "; ".join(e["actors"]),
                "; ".join(e["topics"]),
                "; ".join(sorted({s["outlet"] or "unknown" for s in e["sources"]})),
                "; ".join(s["file"] for s in e["sources"]),
            ]
        )
    return out.getvalue()


def as_timelinejs(data: dict) -> str:
    """TimelineJS 3 JSON: dated events only, since TimelineJS needs a start year."""
    items = []
    # Readers see outlets, never file names: an unnamed outlet is told by its headline.
    labels = {
        src["file"]: src["outlet"] or f"an unnamed outlet (“{truncate_words(src['headline'], 5)}”)"
        for src in data["sources"]
    }
    for e in data["events"]:
        if not e["date"]:
            continue
        parts = e["date"].split("-")
        start = {"year": parts[0]}
        if len(parts) > 1:
            start["month"] = str(int(parts[1]))
        if len(parts) > 2:
            start["day"] = str(int(parts[2]))
        outlets = sorted(
            {labels.get(s["file"]) or s["outlet"] or "an unnamed outlet" for s in e["sources"]}
        )
        items.append(
            {
                "unique_id": f"event-{e['id']}",
                "start_date": start,
                # TimelineJS renders these fields as HTML; they come from article text.
                # The date as the timeline shows it, not the words an article used for it
                # ("just hours", "Wednesday").
                "display_date": escape(_display_date(e["date"])),
                "text": {
                    "headline": escape(e["title"]),
                    "text": escape("Reported by " + ", ".join(outlets)),
                },
                "group": e["topics"][0] if e["topics"] else "",
            }
        )
    title = {"text": {"headline": escape(data["story"]["title"])}}
    return as_json({"title": title, "events": items})


FORMATS = {"json": as_json, "csv": as_csv, "timelinejs": as_timelinejs}


def _display_date(iso: str) -> str:
    """ "2023-09-13" -> "13 September 2023", "2023-09" -> "September 2023", "2019" -> "2019"."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = calendar.month_name[parts[1]]
    return f"{parts[2]} {month} {parts[0]}" if len(parts) > 2 else f"{month} {parts[0]}"
