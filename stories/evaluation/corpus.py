"""The stories the benchmark runs on: articles beside a gold file, development or test.

A story is a gold file ``fixtures/gold/<slug>.json`` and a folder of its articles, either
``fixtures/corpus/<slug>/`` (the corpus, with a ``manifest.json``) or ``fixtures/articles/<slug>/``
(the stories the app is seeded with). A gold file says ``"split": "development"`` or ``"test"``;
one that says nothing is a development story. Whatever is wrong with a story (no gold, no
articles, a gold file that is not JSON or names an unknown split) is reported and the story is
left out; the others still run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPLITS = ("development", "test")
ARTICLE_FOLDERS = ("corpus", "articles")


@dataclass(frozen=True)
class StoryCase:
    """One story to score: where its articles are, its gold annotation and its split."""

    slug: str
    articles: Path
    gold_path: Path
    gold: dict[str, Any] = field(repr=False)
    split: str


@dataclass(frozen=True)
class Corpus:
    stories: tuple[StoryCase, ...]
    problems: tuple[str, ...]  # stories left out, and why

    def select(self, *, split: str | None = None, story: str | None = None) -> Corpus:
        """The stories of one split, or the one story named (its slug in any case)."""
        chosen = tuple(
            s
            for s in self.stories
            if (split is None or s.split == split)
            and (story is None or s.slug.lower() == story.lower())
        )
        return Corpus(chosen, self.problems)


def find_stories(fixtures: Path) -> Corpus:
    """Every story under ``fixtures`` that has both a gold file and its articles."""
    gold_dir = fixtures / "gold"
    problems: list[str] = []
    folders: dict[str, Path] = {}
    for kind in reversed(ARTICLE_FOLDERS):  # a corpus folder wins over a seed folder
        base = fixtures / kind
        if base.is_dir():
            folders.update({p.name: p for p in base.iterdir() if p.is_dir()})
    golds = {p.stem: p for p in gold_dir.glob("*.json")} if gold_dir.is_dir() else {}
    for slug in sorted(set(folders) - set(golds)):
        if folders[slug].parent.name == "corpus":
            problems.append(f"{slug}: no gold file {gold_dir / (slug + '.json')}; left out")
    stories: list[StoryCase] = []
    for slug, path in sorted(golds.items()):
        if slug not in folders:
            problems.append(f"{slug}: gold file {path} has no articles folder; left out")
            continue
        gold, problem = read_gold(path)
        if problem:
            problems.append(f"{slug}: {problem}; left out")
            continue
        split = gold.get("split", "development")
        if split not in SPLITS:
            problems.append(
                f"{slug}: gold says split {split!r}, not one of {', '.join(SPLITS)}; left out"
            )
            continue
        stories.append(StoryCase(slug, folders[slug], path, gold, split))
    return Corpus(tuple(stories), tuple(problems))


def read_gold(path: Path) -> tuple[dict[str, Any], str | None]:
    """The gold annotation, or what makes it unusable."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return {}, f"cannot read {path} ({exc.strerror or exc})"
    except ValueError as exc:
        return {}, f"{path} is not valid JSON ({exc})"
    if not isinstance(gold, dict):
        return {}, f"{path} holds a {type(gold).__name__}, not a JSON object"
    for key in ("events", "actors", "quotes", "files"):
        if not isinstance(gold.get(key, []), list):
            return {}, f"{path}: {key!r} is not a list"
    return gold, None
