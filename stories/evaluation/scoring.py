"""Score a timeline export against a hand-written gold annotation of the same story.

Pure: dicts in, a frozen ``Report`` out; no Django, no database. ``evaluate`` reads the JSON
interchange format that ``export_timeline --format json`` writes, ``format_report`` prints it.

Gold schema (``fixtures/gold/<story>.json``, rules in ``fixtures/gold/README.md``)::

    {"story": "summit", "story_date": "2023-09-13", "files": ["000_….txt", ...],
     "furniture": {"<file>": ["<exact substring>" | {"from": "<exact>", "to": "<exact>"|null}]},
     "actors": [{"name": canonical, "kind": "person"|"organization"|"place", "aliases": [...]}],
     "events": [{"id": "e1", "date": "YYYY"|"YYYY-MM"|"YYYY-MM-DD"|null, "title": "...",
                 "scheduled": true (optional),
                 "evidence": {"<file>": "<exact substring>" | ["<substring>", ...]}}],
     "quotes": [{"id": "q1", "speaker": canonical name|null, "direct": bool,
                 "group": "<variant group id>", "evidence": {"<file>": "<quoted words>"}}]}

``furniture`` lists the parts of each article that are not body text (headline, headings,
captions, FAQ, boilerplate); with the article texts it lets the report tell an item taken from
page furniture apart from a plain miss.

Export schema (what is read of it)::

    {"story": {"slug", "title"},
     "actors": [{"name", "kind", "aliases": [...]}],
     "events": [{"id", "date": label|null, "title", "sources": [{"file", "evidence"}]}],
     "quotes": [{"id", "speaker": name|null, "text", "direct", "file", "variant_group"}]}

How things are matched (text is compared after ``normalize_text``: whitespace collapsed, curly
quotes and apostrophes made straight, case folded; file names are compared by base name):

Events
    A system source (file, evidence sentence) *supports* a gold event when one of the gold
    evidence substrings for that file occurs in the sentence. A system event *matches* the gold
    event supported by the most of its sources (a plurality, not a majority); ties go to the gold
    event whose date equals the system date, then to the one whose title is most like the
    system title (one sentence can report two happenings), then to the earlier gold event. A
    matched event *counts* when its date label equals the gold date exactly (same granularity;
    ``null`` only equals ``null``) and its files overlap the gold event's files (always true for a
    matched event, as support comes from gold files); *strict* also requires the same set of
    files. Precision = counting system events / system events; recall = gold events with at
    least one counting system event / gold events. Several system events may count for one gold
    event (each is a true positive for precision; the gold event is *split*).
Dates
    Over matched system events: the system label cut to the gold granularity equals the gold
    label (a system date coarser than the gold one is wrong; ``null`` gold needs ``null``).
    The exact-label figure is reported next to it.
Merging
    A gold event reported by 3+ files is *merged* when one system event matched to it has
    supporting sources from at least 80% of its files. A gold event is *split* when two or more
    system events match it.
Actors
    A system actor matches a gold actor when its name or any alias equals (normalised, without a
    leading "the" or a possessive "'s") the gold name or any gold alias. Precision = system actors
    matching a gold actor / system actors; recall = gold actors matched / gold actors. A system
    actor matching two or more gold *persons* is a wrong merge; a gold actor matched by two or
    more system actors is duplicated.
Quotes
    In the same file, a system quote matches a gold quote when the gold words occur (as whole
    words) in the system text, or when the system text is not a mere fragment (at least half the
    gold words or 20 characters) and occurs in them or, both being 15+ characters, reaches
    rapidfuzz ``partial_ratio`` >= 90 against them (a quote split into sentences still counts,
    "Russia" inside a long quote does not). Recall is given for direct and indirect gold quotes
    separately; precision over all system quotes.
    Each found gold quote is judged by its best-matching system quote: attribution is right when
    the system speaker (or, failing that, the aliases of the system actor of that name) names the
    gold speaker's actor; gold quotes without a speaker are left out. A gold variant group with
    2+ members found is *together* when all their best system quotes are one quote or share one
    non-null ``variant_group``.
Furniture
    With ``texts`` given, unmatched system items whose text occurs only in a file's furniture and
    nowhere in its body are listed as boilerplate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .actors import score_actors
from .events import score_events
from .gold import Furniture, GoldActors
from .quotes import score_quotes
from .report import Report


def evaluate(
    export: Mapping[str, Any],
    gold: Mapping[str, Any],
    texts: Mapping[str, str] | None = None,
) -> Report:
    """Score ``export`` (the JSON interchange format) against ``gold``.

    ``texts`` maps file names to the articles' text; with it, unmatched items found only in page
    furniture (headlines, captions, FAQ, boilerplate) are reported as boilerplate.
    """
    furniture = Furniture(gold, texts)
    gold_actors = GoldActors(gold)
    story = export.get("story") or {}
    slug = story.get("slug") if isinstance(story, Mapping) else story
    return Report(
        story=str(slug or gold.get("story") or ""),
        **score_events(export, gold, furniture),
        **score_actors(export, gold_actors, furniture),
        **score_quotes(export, gold, gold_actors, furniture),
    )
