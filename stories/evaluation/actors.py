"""Actors: system actors matched to gold ones by any of their names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from .gold import Furniture, GoldActors, actor_keys
from .report import Ratio


def score_actors(
    export: Mapping[str, Any], gold_actors: GoldActors, furniture: Furniture
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
        keys = actor_keys(actor)
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
