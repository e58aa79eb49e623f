"""Quotes: found by their words in the same file, judged by speaker and variant group."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz

from .gold import Furniture, GoldActors, actor_keys
from .report import QuoteResult, Ratio
from .text import file_key, normalize_name, normalize_text

QUOTE_FUZZY_THRESHOLD = 90.0
QUOTE_FUZZY_MIN_CHARS = 15
QUOTE_FRAGMENT_CHARS = 20
_QUOTE_EDGES = " \"'.,;:!?"


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
    speaker: str | None, system_actors: Mapping[str, set[str]], gold_actors: GoldActors
) -> set[int]:
    """Gold actor indexes a system speaker name stands for."""
    if not speaker:
        return set()
    own = gold_actors.matching({normalize_name(speaker)})
    if own:
        return set(own)
    return set(gold_actors.matching(system_actors.get(normalize_name(speaker), set())))


def score_quotes(
    export: Mapping[str, Any],
    gold: Mapping[str, Any],
    gold_actors: GoldActors,
    furniture: Furniture,
) -> dict[str, Any]:
    system = list(export.get("quotes") or [])
    system_words = [_quote_words(q.get("text")) for q in system]
    system_files = [file_key(q.get("file")) for q in system]
    system_actors = {
        normalize_name(a.get("name")): actor_keys(a) for a in export.get("actors") or []
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
            file, words = file_key(file), _quote_words(raw)
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
