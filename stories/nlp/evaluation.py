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

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

MERGE_MIN_FILES = 3
MERGE_FILE_SHARE = 0.8
QUOTE_FUZZY_THRESHOLD = 90.0
QUOTE_FUZZY_MIN_CHARS = 15
QUOTE_FRAGMENT_CHARS = 20

_STRAIGHTEN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_SPACES = re.compile(r"\s+")
_DATE_LABEL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QUOTE_EDGES = " \"'.,;:!?"


def normalize_text(text: str | None) -> str:
    """Whitespace collapsed, quote and apostrophe styles unified, case folded."""
    if not text:
        return ""
    return _SPACES.sub(" ", text.translate(_STRAIGHTEN)).strip().casefold()


def normalize_name(name: str | None) -> str:
    """``normalize_text`` without a leading "the" and a trailing possessive."""
    text = normalize_text(name).strip(" ,;:")
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("s'"):
        text = text[:-1]
    return text.strip()


def _file_key(name: Any) -> str:
    return re.split(r"[\\/]", str(name or ""))[-1]


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _label(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


# --------------------------------------------------------------------------- report types


@dataclass(frozen=True)
class Ratio:
    """``hits`` out of ``total``; ``value`` is ``None`` when there is nothing to count."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        shown = "n/a" if self.value is None else f"{self.value:.2f}"
        return f"{shown} ({self.hits}/{self.total})"


@dataclass(frozen=True)
class EventResult:
    """How one system event fared."""

    id: str
    title: str
    date: str | None
    files: tuple[str, ...]
    gold: str | None  # id of the matched gold event
    gold_date: str | None
    date_exact: bool
    date_at_gold_granularity: bool
    files_overlap: bool
    files_equal: bool
    boilerplate: bool = False

    @property
    def counted(self) -> bool:
        return self.gold is not None and self.date_exact and self.files_overlap

    @property
    def counted_strict(self) -> bool:
        return self.counted and self.files_equal


@dataclass(frozen=True)
class QuoteResult:
    """How one gold quote fared."""

    id: str
    file: str
    text: str
    direct: bool
    speaker: str | None
    group: str | None
    system_id: str | None = None  # best-matching system quote
    system_speaker: str | None = None
    system_direct: bool | None = None
    system_group: str | None = None
    speaker_ok: bool | None = None  # None: not found, or the gold has no speaker

    @property
    def found(self) -> bool:
        return self.system_id is not None


@dataclass(frozen=True)
class Report:
    story: str
    # events
    event_precision: Ratio
    event_recall: Ratio
    event_precision_strict: Ratio
    event_recall_strict: Ratio
    date_accuracy: Ratio
    date_exact: Ratio
    merged: Ratio
    split_events: tuple[tuple[str, tuple[str, ...]], ...]  # (gold id, system ids)
    # actors
    actor_precision: Ratio
    actor_recall: Ratio
    actor_kind: Ratio
    wrongly_merged_people: tuple[tuple[str, tuple[str, ...]], ...]  # (system name, gold names)
    duplicated_actors: tuple[tuple[str, tuple[str, ...]], ...]  # (gold name, system names)
    # quotes
    quote_recall_direct: Ratio
    quote_recall_indirect: Ratio
    quote_precision: Ratio
    attribution: Ratio
    direct_flag: Ratio
    variant_groups: Ratio
    mixed_variant_groups: tuple[tuple[str, tuple[str, ...]], ...]  # (system group, gold groups)
    # details
    event_results: tuple[EventResult, ...]
    quote_results: tuple[QuoteResult, ...]
    missed_events: tuple[tuple[str, str | None, str], ...]  # (gold id, date, title)
    unmerged_events: tuple[tuple[str, int, int], ...]  # (gold id, best files, gold files)
    missed_actors: tuple[str, ...]
    unmatched_actors: tuple[str, ...]
    boilerplate_actors: tuple[str, ...]
    unmatched_quotes: tuple[tuple[str, str, str], ...]  # (system id, file, text)
    boilerplate_quotes: tuple[str, ...]  # system ids
    groups_apart: tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]

    @property
    def false_positive_events(self) -> tuple[EventResult, ...]:
        return tuple(r for r in self.event_results if r.gold is None)

    @property
    def wrong_dates(self) -> tuple[EventResult, ...]:
        return tuple(r for r in self.event_results if r.gold is not None and not r.date_exact)

    @property
    def wrong_speakers(self) -> tuple[QuoteResult, ...]:
        return tuple(q for q in self.quote_results if q.speaker_ok is False)

    @property
    def missed_quotes(self) -> tuple[QuoteResult, ...]:
        return tuple(q for q in self.quote_results if not q.found)


# --------------------------------------------------------------------------- gold helpers


def _event_evidence(event: Mapping[str, Any]) -> dict[str, list[str]]:
    return {
        _file_key(f): [normalize_text(s) for s in _as_list(v) if normalize_text(s)]
        for f, v in (event.get("evidence") or {}).items()
    }


def _split_furniture(text: str, entries: Iterable[Any]) -> tuple[str, str]:
    """(body, furniture) of one file; furniture spans are blanked out of the body."""
    covered = [False] * len(text)
    for entry in entries:
        if isinstance(entry, str):
            if not entry:
                continue
            start = text.find(entry)
            while start != -1:
                covered[start : start + len(entry)] = [True] * len(entry)
                start = text.find(entry, start + 1)
        else:
            start = text.find(entry.get("from") or "")
            if start == -1 or not entry.get("from"):
                continue
            end_marker = entry.get("to")
            if end_marker:
                end = text.find(end_marker, start)
                end = len(text) if end == -1 else end + len(end_marker)
            else:
                end = len(text)
            covered[start:end] = [True] * (end - start)
    body = "".join("\n" if c else ch for ch, c in zip(text, covered, strict=True))
    furniture = "".join(ch if c else "\n" for ch, c in zip(text, covered, strict=True))
    return normalize_text(body), normalize_text(furniture)


class _Furniture:
    def __init__(self, gold: Mapping[str, Any], texts: Mapping[str, str] | None) -> None:
        self.parts: dict[str, tuple[str, str]] = {}
        if texts is None:
            return
        furniture = {_file_key(f): v for f, v in (gold.get("furniture") or {}).items()}
        for name, text in texts.items():
            key = _file_key(name)
            self.parts[key] = _split_furniture(text, furniture.get(key, ()))

    @property
    def known(self) -> bool:
        return bool(self.parts)

    def only_in_furniture(self, text: str, file: str | None = None) -> bool:
        """The text occurs in some file's furniture and in no file's body."""
        needle = normalize_text(text)
        if not needle or not self.parts:
            return False
        parts = (
            [self.parts[_file_key(file)]]
            if file and _file_key(file) in self.parts
            else list(self.parts.values())
        )
        in_furniture = any(needle in furniture for _, furniture in parts)
        in_body = any(needle in body for body, _ in parts)
        return in_furniture and not in_body


# --------------------------------------------------------------------------- events


def _date_at_granularity(system: str | None, gold: str | None) -> bool:
    if gold is None or system is None:
        return gold is None and system is None
    return len(system) >= len(gold) and system[: len(gold)] == gold


def _evaluate_events(
    export: Mapping[str, Any], gold: Mapping[str, Any], furniture: _Furniture
) -> dict[str, Any]:
    gold_events = list(gold.get("events") or [])
    evidence = [_event_evidence(g) for g in gold_events]
    gold_files = [set(ev) for ev in evidence]
    gold_dates = [_label(g.get("date")) for g in gold_events]
    gold_titles = [normalize_text(g.get("title")) for g in gold_events]

    results: list[EventResult] = []
    matched_by: dict[int, list[int]] = defaultdict(list)  # gold index -> result indexes
    supported_files: dict[tuple[int, int], set[str]] = {}  # (result, gold) -> files
    for event in export.get("events") or []:
        sources = event.get("sources") or []
        date = _label(event.get("date"))
        files = tuple(sorted({_file_key(s.get("file")) for s in sources}))
        votes: Counter[int] = Counter()
        support: dict[int, set[str]] = defaultdict(set)
        for source in sources:
            file = _file_key(source.get("file"))
            sentence = normalize_text(source.get("evidence"))
            for g, ev in enumerate(evidence):
                if any(sub in sentence for sub in ev.get(file, ())):
                    votes[g] += 1
                    support[g].add(file)
        best: int | None = None
        if votes:
            title = normalize_text(event.get("title"))
            best = min(
                votes,
                key=lambda g: (
                    -votes[g],
                    gold_dates[g] != date,
                    -fuzz.token_set_ratio(title, gold_titles[g]),
                    g,
                ),
            )
        index = len(results)
        if best is None:
            boilerplate = bool(sources) and all(
                furniture.only_in_furniture(s.get("evidence") or "", s.get("file")) for s in sources
            )
            results.append(
                EventResult(
                    id=str(event.get("id", index)),
                    title=str(event.get("title") or ""),
                    date=date,
                    files=files,
                    gold=None,
                    gold_date=None,
                    date_exact=False,
                    date_at_gold_granularity=False,
                    files_overlap=False,
                    files_equal=False,
                    boilerplate=boilerplate,
                )
            )
            continue
        matched_by[best].append(index)
        supported_files[(index, best)] = support[best]
        results.append(
            EventResult(
                id=str(event.get("id", index)),
                title=str(event.get("title") or ""),
                date=date,
                files=files,
                gold=str(gold_events[best].get("id")),
                gold_date=gold_dates[best],
                date_exact=date == gold_dates[best],
                date_at_gold_granularity=_date_at_granularity(date, gold_dates[best]),
                files_overlap=bool(set(files) & gold_files[best]),
                files_equal=set(files) == gold_files[best],
            )
        )

    matched = [r for r in results if r.gold is not None]
    found = {r.gold for r in results if r.counted}
    found_strict = {r.gold for r in results if r.counted_strict}

    merged_hits = 0
    merge_total = 0
    unmerged: list[tuple[str, int, int]] = []
    for g, files in enumerate(gold_files):
        if len(files) < MERGE_MIN_FILES:
            continue
        merge_total += 1
        best_files = max((len(supported_files[(i, g)]) for i in matched_by.get(g, ())), default=0)
        if best_files >= MERGE_FILE_SHARE * len(files):
            merged_hits += 1
        else:
            unmerged.append((str(gold_events[g].get("id")), best_files, len(files)))

    return {
        "event_precision": Ratio(sum(r.counted for r in results), len(results)),
        "event_recall": Ratio(len(found), len(gold_events)),
        "event_precision_strict": Ratio(sum(r.counted_strict for r in results), len(results)),
        "event_recall_strict": Ratio(len(found_strict), len(gold_events)),
        "date_accuracy": Ratio(sum(r.date_at_gold_granularity for r in matched), len(matched)),
        "date_exact": Ratio(sum(r.date_exact for r in matched), len(matched)),
        "merged": Ratio(merged_hits, merge_total),
        "split_events": tuple(
            (str(gold_events[g].get("id")), tuple(results[i].id for i in idx))
            for g, idx in sorted(matched_by.items())
            if len(idx) > 1
        ),
        "event_results": tuple(results),
        "missed_events": tuple(
            (str(g.get("id")), gold_dates[i], str(g.get("title") or ""))
            for i, g in enumerate(gold_events)
            if str(g.get("id")) not in found
        ),
        "unmerged_events": tuple(unmerged),
    }


# --------------------------------------------------------------------------- actors


def _actor_keys(actor: Mapping[str, Any]) -> set[str]:
    names = [actor.get("name"), *(actor.get("aliases") or [])]
    return {k for k in (normalize_name(n) for n in names if n) if k}


class _GoldActors:
    def __init__(self, gold: Mapping[str, Any]) -> None:
        self.actors = list(gold.get("actors") or [])
        self.keys = [_actor_keys(a) for a in self.actors]

    def matching(self, keys: set[str]) -> list[int]:
        return [i for i, gold_keys in enumerate(self.keys) if keys & gold_keys]

    def index_of(self, name: str | None) -> int | None:
        key = normalize_name(name)
        for i, actor in enumerate(self.actors):
            if normalize_name(actor.get("name")) == key:
                return i
        hits = self.matching({key}) if key else []
        return hits[0] if len(hits) == 1 else None


def _evaluate_actors(
    export: Mapping[str, Any], gold_actors: _GoldActors, furniture: _Furniture
) -> dict[str, Any]:
    system = list(export.get("actors") or [])
    matched_gold: dict[int, list[str]] = defaultdict(list)
    hits = 0
    kind_hits = 0
    unmatched: list[str] = []
    boilerplate: list[str] = []
    wrong_merges: list[tuple[str, tuple[str, ...]]] = []
    for actor in system:
        name = str(actor.get("name") or "")
        keys = _actor_keys(actor)
        matches = gold_actors.matching(keys)
        if not matches:
            unmatched.append(name)
            names = [actor.get("name"), *(actor.get("aliases") or [])]
            if furniture.known and all(furniture.only_in_furniture(n) for n in names if n):
                boilerplate.append(name)
            continue
        hits += 1
        for g in matches:
            matched_gold[g].append(name)
        if any(gold_actors.actors[g].get("kind") == actor.get("kind") for g in matches):
            kind_hits += 1
        people = [g for g in matches if gold_actors.actors[g].get("kind") == "person"]
        if len(people) > 1:
            wrong_merges.append((name, tuple(gold_actors.actors[g]["name"] for g in people)))
    return {
        "actor_precision": Ratio(hits, len(system)),
        "actor_recall": Ratio(len(matched_gold), len(gold_actors.actors)),
        "actor_kind": Ratio(kind_hits, hits),
        "wrongly_merged_people": tuple(wrong_merges),
        "duplicated_actors": tuple(
            (gold_actors.actors[g]["name"], tuple(names))
            for g, names in sorted(matched_gold.items())
            if len(names) > 1
        ),
        "missed_actors": tuple(
            a["name"] for g, a in enumerate(gold_actors.actors) if g not in matched_gold
        ),
        "unmatched_actors": tuple(unmatched),
        "boilerplate_actors": tuple(boilerplate),
    }


# --------------------------------------------------------------------------- quotes


def _quote_words(text: str | None) -> str:
    return normalize_text(text).strip(_QUOTE_EDGES)


def quote_overlap(gold_words: str, system_text: str) -> float:
    """0-100: how well a system quote covers a gold quote (both already ``_quote_words``)."""
    if not gold_words or not system_text:
        return 0.0
    if re.search(rf"(?<!\w){re.escape(gold_words)}(?!\w)", system_text):
        return 100.0
    if len(system_text) < min(len(gold_words) / 2, QUOTE_FRAGMENT_CHARS):
        return 0.0
    if system_text in gold_words:
        return 100.0
    if min(len(gold_words), len(system_text)) < QUOTE_FUZZY_MIN_CHARS:
        return 0.0
    return float(fuzz.partial_ratio(gold_words, system_text))


def _speaker_actors(
    speaker: str | None, system_actors: Mapping[str, set[str]], gold_actors: _GoldActors
) -> set[int]:
    """Gold actor indexes a system speaker name stands for."""
    if not speaker:
        return set()
    own = gold_actors.matching({normalize_name(speaker)})
    if own:
        return set(own)
    return set(gold_actors.matching(system_actors.get(normalize_name(speaker), set())))


def _evaluate_quotes(
    export: Mapping[str, Any],
    gold: Mapping[str, Any],
    gold_actors: _GoldActors,
    furniture: _Furniture,
) -> dict[str, Any]:
    system = list(export.get("quotes") or [])
    system_words = [_quote_words(q.get("text")) for q in system]
    system_files = [_file_key(q.get("file")) for q in system]
    system_actors = {
        normalize_name(a.get("name")): _actor_keys(a) for a in export.get("actors") or []
    }
    matched_system: set[int] = set()
    system_to_groups: dict[int, set[str]] = defaultdict(set)

    results: list[QuoteResult] = []
    for gq in gold.get("quotes") or []:
        group = gq.get("group")
        best: tuple[float, int] | None = None
        first_file = ""
        first_text = ""
        for file, raw in (gq.get("evidence") or {}).items():
            file, words = _file_key(file), _quote_words(raw)
            first_file, first_text = first_file or file, first_text or str(raw)
            for i, text in enumerate(system_words):
                if system_files[i] != file:
                    continue
                score = quote_overlap(words, text)
                if score >= QUOTE_FUZZY_THRESHOLD:
                    matched_system.add(i)
                    if group:
                        system_to_groups[i].add(str(group))
                    if best is None or score > best[0]:
                        best = (score, i)
        speaker = gq.get("speaker")
        result = QuoteResult(
            id=str(gq.get("id")),
            file=first_file,
            text=first_text,
            direct=bool(gq.get("direct")),
            speaker=speaker,
            group=str(group) if group else None,
        )
        if best is not None:
            sq = system[best[1]]
            speaker_ok = None
            if speaker:
                target = gold_actors.index_of(speaker)
                resolved = _speaker_actors(sq.get("speaker"), system_actors, gold_actors)
                speaker_ok = (
                    target in resolved
                    if target is not None
                    else normalize_name(speaker) == normalize_name(sq.get("speaker"))
                )
            group_id = sq.get("variant_group")
            result = replace(
                result,
                system_id=str(sq.get("id", best[1])),
                system_speaker=sq.get("speaker"),
                system_direct=bool(sq.get("direct")),
                system_group=None if group_id is None else str(group_id),
                speaker_ok=speaker_ok,
            )
        results.append(result)

    found = [r for r in results if r.found]
    direct = [r for r in results if r.direct]
    indirect = [r for r in results if not r.direct]
    judged = [r for r in found if r.speaker_ok is not None]

    by_group: dict[str, list[QuoteResult]] = defaultdict(list)
    for r in found:
        if r.group:
            by_group[r.group].append(r)
    together = 0
    evaluated = 0
    apart: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
    for group, members in by_group.items():
        if len(members) < 2:
            continue
        evaluated += 1
        distinct = {m.system_id for m in members}
        labels = {m.system_group for m in members}
        if len(distinct) == 1 or (len(labels) == 1 and None not in labels):
            together += 1
        else:
            apart.append((group, tuple((m.id, m.system_group) for m in members)))

    gold_groups_of_system: dict[str, set[str]] = defaultdict(set)
    for i, groups in system_to_groups.items():
        label = system[i].get("variant_group")
        if label is not None:
            gold_groups_of_system[str(label)] |= groups

    unmatched = [i for i in range(len(system)) if i not in matched_system]
    return {
        "quote_recall_direct": Ratio(sum(r.found for r in direct), len(direct)),
        "quote_recall_indirect": Ratio(sum(r.found for r in indirect), len(indirect)),
        "quote_precision": Ratio(len(matched_system), len(system)),
        "attribution": Ratio(sum(bool(r.speaker_ok) for r in judged), len(judged)),
        "direct_flag": Ratio(sum(r.system_direct == r.direct for r in found), len(found)),
        "variant_groups": Ratio(together, evaluated),
        "mixed_variant_groups": tuple(
            (label, tuple(sorted(groups)))
            for label, groups in sorted(gold_groups_of_system.items())
            if len(groups) > 1
        ),
        "quote_results": tuple(results),
        "unmatched_quotes": tuple(
            (str(system[i].get("id", i)), system_files[i], str(system[i].get("text") or ""))
            for i in unmatched
        ),
        "boilerplate_quotes": tuple(
            str(system[i].get("id", i))
            for i in unmatched
            if furniture.only_in_furniture(system[i].get("text") or "", system_files[i])
        ),
        "groups_apart": tuple(apart),
    }


# --------------------------------------------------------------------------- public API


def evaluate(
    export: Mapping[str, Any],
    gold: Mapping[str, Any],
    texts: Mapping[str, str] | None = None,
) -> Report:
    """Score ``export`` (the JSON interchange format) against ``gold``.

    ``texts`` maps file names to the articles' text; with it, unmatched items found only in page
    furniture (headlines, captions, FAQ, boilerplate) are reported as boilerplate.
    """
    furniture = _Furniture(gold, texts)
    gold_actors = _GoldActors(gold)
    story = export.get("story") or {}
    slug = story.get("slug") if isinstance(story, Mapping) else story
    return Report(
        story=str(slug or gold.get("story") or ""),
        **_evaluate_events(export, gold, furniture),
        **_evaluate_actors(export, gold_actors, furniture),
        **_evaluate_quotes(export, gold, gold_actors, furniture),
    )


def format_report(report: Report, details: bool = False) -> str:
    """A readable block of lines; with ``details``, every miss and false positive."""
    lines = [
        f"story: {report.story}",
        f"events: precision {report.event_precision}  recall {report.event_recall}",
        f"  strict (same files): precision {report.event_precision_strict}"
        f"  recall {report.event_recall_strict}",
        f"  dates: accuracy {report.date_accuracy} at the gold granularity,"
        f" exact {report.date_exact}",
        f"  merged {report.merged.hits}/{report.merged.total}"
        f" (gold events in 3+ files with one system event carrying 80% of their files)"
        f"  split {len(report.split_events)}",
        f"actors: precision {report.actor_precision}  recall {report.actor_recall}"
        f"  kind {report.actor_kind}",
        f"  wrongly merged people {len(report.wrongly_merged_people)}"
        f"  duplicated {len(report.duplicated_actors)}",
        f"quotes: direct recall {report.quote_recall_direct}"
        f"  indirect recall {report.quote_recall_indirect}"
        f"  precision {report.quote_precision}",
        f"  attribution {report.attribution}  direct/indirect {report.direct_flag}",
        f"  variant groups together {report.variant_groups.hits}/{report.variant_groups.total}"
        f"  mixed system groups {len(report.mixed_variant_groups)}",
        f"unmatched: events {len(report.false_positive_events)}"
        f" (boilerplate {sum(r.boilerplate for r in report.false_positive_events)})"
        f"  actors {len(report.unmatched_actors)} (boilerplate {len(report.boilerplate_actors)})"
        f"  quotes {len(report.unmatched_quotes)} (boilerplate {len(report.boilerplate_quotes)})",
    ]
    if not details:
        return "\n".join(lines)

    def section(title: str, items: Iterable[str]) -> None:
        items = list(items)
        if items:
            lines.append(f"  {title} ({len(items)}):")
            lines.extend(f"    {item}" for item in items)

    lines.append("details:")
    section(
        "gold events not found",
        (f"{gid} [{date or '-'}] {title}" for gid, date, title in report.missed_events),
    )
    section(
        "false-positive events",
        (
            f"{r.id} [{r.date or '-'}] {r.title} ({', '.join(r.files)})"
            + (" [boilerplate]" if r.boilerplate else "")
            for r in report.false_positive_events
        ),
    )
    section(
        "wrong dates",
        (
            f"{r.id} -> {r.gold}: system {r.date or '-'}, gold {r.gold_date or '-'}  {r.title}"
            for r in report.wrong_dates
        ),
    )
    section(
        "not merged",
        (f"{gid}: best {best}/{total} files" for gid, best, total in report.unmerged_events),
    )
    section(
        "split gold events",
        (f"{gid}: {', '.join(ids)}" for gid, ids in report.split_events),
    )
    section("gold actors not found", report.missed_actors)
    section(
        "unmatched system actors",
        (
            name + (" [boilerplate]" if name in report.boilerplate_actors else "")
            for name in report.unmatched_actors
        ),
    )
    section(
        "wrongly merged people",
        (f"{name}: {', '.join(golds)}" for name, golds in report.wrongly_merged_people),
    )
    section(
        "duplicated actors",
        (f"{name}: {', '.join(names)}" for name, names in report.duplicated_actors),
    )
    section(
        "gold quotes not found",
        (
            f'{q.id} {"direct" if q.direct else "indirect"} {q.file}: "{q.text}"'
            for q in report.missed_quotes
        ),
    )
    section(
        "wrong speakers",
        (
            f'{q.id} "{q.text}": gold {q.speaker}, system {q.system_speaker or "-"}'
            for q in report.wrong_speakers
        ),
    )
    section(
        "unmatched system quotes",
        (
            f'{sid} {file}: "{text}"'
            + (" [boilerplate]" if sid in report.boilerplate_quotes else "")
            for sid, file, text in report.unmatched_quotes
        ),
    )
    section(
        "variant groups apart",
        (
            f"{group}: " + ", ".join(f"{qid}->{label or '-'}" for qid, label in members)
            for group, members in report.groups_apart
        ),
    )
    section(
        "system groups mixing gold groups",
        (f"{label}: {', '.join(groups)}" for label, groups in report.mixed_variant_groups),
    )
    return "\n".join(lines)


def gold_problems(gold: Mapping[str, Any], texts: Mapping[str, str]) -> tuple[str, ...]:
    """What is wrong with a gold file: evidence that is not an exact substring of its article,
    unknown speakers, bad dates, duplicate ids. Empty when the gold is sound."""
    problems: list[str] = []
    by_key = {_file_key(name): text for name, text in texts.items()}

    def check(where: str, file: str, snippet: str) -> None:
        text = by_key.get(_file_key(file))
        if text is None:
            problems.append(f"{where}: no text for file {file}")
        elif not snippet or snippet not in text:
            problems.append(f"{where}: not in {file}: {snippet!r}")

    gold_actors = _GoldActors(gold)
    for item in ("events", "quotes"):
        ids = Counter(str(x.get("id")) for x in gold.get(item) or [])
        problems.extend(f"duplicate {item[:-1]} id {i}" for i, n in ids.items() if n > 1)
    for event in gold.get("events") or []:
        date = event.get("date")
        if date is not None and not _DATE_LABEL.match(str(date)):
            problems.append(f"{event.get('id')}: bad date {date!r}")
        if not event.get("evidence"):
            problems.append(f"{event.get('id')}: no evidence")
        for file, snippets in (event.get("evidence") or {}).items():
            for snippet in _as_list(snippets):
                check(str(event.get("id")), file, snippet)
    for quote in gold.get("quotes") or []:
        speaker = quote.get("speaker")
        if speaker is not None and gold_actors.index_of(speaker) is None:
            problems.append(f"{quote.get('id')}: speaker {speaker!r} is not a gold actor")
        for file, snippet in (quote.get("evidence") or {}).items():
            check(str(quote.get("id")), file, snippet)
    for file, entries in (gold.get("furniture") or {}).items():
        for entry in entries:
            if isinstance(entry, str):
                check("furniture", file, entry)
            else:
                check("furniture", file, entry.get("from") or "")
                if entry.get("to"):
                    check("furniture", file, entry["to"])
    return tuple(problems)


def read_texts(directory: str | Path, files: Iterable[str]) -> dict[str, str]:
    """The articles named in a gold file, read from the story's fixture directory."""
    root = Path(directory)
    return {name: (root / name).read_text(encoding="utf-8") for name in files}
