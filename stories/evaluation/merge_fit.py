"""The learned weighing of merge pairs, fitted on the development stories' gold.

Every pair of candidates the merge compares whose two sentences each report a gold event is a
labelled example: one happening when the gold events are the same, two otherwise. A logistic
regression over what the merge reads of a pair (``_Comparisons.features``) weighs those measures
as the stories' own reports of one happening do. Only development stories are fitted on; how well
the weights carry to a story they were not fitted on is measured by leaving each story out in
turn and scoring its merge with the weights fitted on the others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from stories.nlp.merge import PairWeights, comparisons, merge_candidates
from stories.nlp.types import EventCandidate

from .events import chosen, score_events, supported
from .gold import Furniture, event_evidence
from .report import Ratio
from .text import file_key, label, normalize_text

# Keeps weights of rare features small: a feature seen in a handful of pairs must not decide.
_RIDGE = 1.0
_NEWTON_STEPS = 50


@dataclass(frozen=True)
class StoryCandidates:
    """What the merge of one story is given, beside that story's gold."""

    slug: str
    candidates: tuple[EventCandidate, ...]
    kinds: Mapping[str, str]
    gold: Mapping[str, Any]


@dataclass(frozen=True)
class Example:
    features: Mapping[str, float]
    same: bool


def gold_event_of(candidates: Sequence[EventCandidate], gold: Mapping[str, Any]) -> dict[int, int]:
    """The gold event each candidate reports, by index, as the benchmark would match it if it
    were an event of its own."""
    events = list(gold.get("events") or [])
    evidence = [event_evidence(g) for g in events]
    dates = [label(g.get("date")) for g in events]
    titles = [normalize_text(g.get("title")) for g in events]
    found: dict[int, int] = {}
    for i, c in enumerate(candidates):
        matches = supported(evidence, file_key(c.file), c.sentence)
        if matches:
            date = c.date.label if c.date else None
            found[i] = chosen(dict.fromkeys(matches, 1), date, c.title, dates, titles)
    return found


def examples(story: StoryCandidates) -> list[Example]:
    """The story's compared pairs whose candidates both report gold events, labelled."""
    story_pairs = comparisons(story.candidates, story.kinds)
    gold_of = gold_event_of(story.candidates, story.gold)
    return [
        Example(story_pairs.features(a, b), gold_of[a] == gold_of[b])
        for a, b in story_pairs.pairs()
        if a in gold_of and b in gold_of
    ]


def fit(found: Sequence[Example], ridge: float = _RIDGE) -> PairWeights:
    """A logistic regression of sameness on the features, by Newton's method with a ridge."""
    if not found:
        raise ValueError("no labelled pairs to fit on")
    names = sorted(found[0].features)
    x = np.array([[e.features[n] for n in names] + [1.0] for e in found])
    y = np.array([float(e.same) for e in found])
    penalty = np.diag([ridge] * len(names) + [0.0])  # the bias is not held small
    w = np.zeros(len(names) + 1)
    for _ in range(_NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1.0 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    return PairWeights(float(w[-1]), {n: float(v) for n, v in zip(names, w[:-1], strict=True)})


def weights_module(weights: PairWeights, stories: Sequence[str], pairs: int) -> str:
    """The source of ``stories/nlp/merge_weights.py`` holding ``weights``."""
    lines = [
        '"""Weights of the learned likelihood that two reports tell one happening (see ``merge``).',
        "",
        f"Fitted by ``manage.py fit_merge_weights`` on {pairs} labelled pairs of the "
        f"{len(stories)} development",
        "stories; written by that command, not by hand.",
        '"""',
        "",
        f"BIAS = {weights.bias!r}",
        "WEIGHTS = {",
        *(f'    "{name}": {value!r},' for name, value in sorted(weights.weights.items())),
        "}",
        "",
    ]
    return "\n".join(lines)


@dataclass(frozen=True)
class MergeFigures:
    """One story's event figures from its merge alone, as the benchmark counts them."""

    found: Ratio
    precision: Ratio
    dates: Ratio
    merged: Ratio


def merge_figures(story: StoryCandidates, weights: PairWeights) -> MergeFigures:
    """The story's candidates merged with ``weights`` and scored against its gold."""
    events = merge_candidates(story.candidates, story.kinds, weights)
    export = {
        "events": [
            {
                "id": i,
                "title": e.title,
                "date": e.date.label if e.date else None,
                "sources": [{"file": c.file, "evidence": c.sentence} for c in e.sources],
            }
            for i, e in enumerate(events)
        ]
    }
    scored = score_events(export, story.gold, Furniture(story.gold, {}))
    return MergeFigures(
        found=scored["event_recall"],
        precision=scored["event_precision"],
        dates=scored["date_accuracy"],
        merged=scored["merged"],
    )


def held_out(
    stories: Sequence[StoryCandidates], found: Mapping[str, list[Example]]
) -> dict[str, MergeFigures]:
    """Each story's figures with the weights fitted on all the other stories."""
    return {
        s.slug: merge_figures(
            s, fit([e for slug, ex in found.items() if slug != s.slug for e in ex])
        )
        for s in stories
    }
