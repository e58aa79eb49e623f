"""Which stories the benchmark finds, and how it reports the ones it must leave out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stories.evaluation import gold_problems
from stories.evaluation.corpus import find_stories

ROOT = Path(__file__).resolve().parents[2]


def story(fixtures: Path, slug: str, gold: object, folder: str = "corpus") -> None:
    articles = fixtures / folder / slug
    articles.mkdir(parents=True)
    (articles / "a.txt").write_text("Text.", encoding="utf-8")
    if gold is not None:
        (fixtures / "gold").mkdir(exist_ok=True)
        text = gold if isinstance(gold, str) else json.dumps(gold)
        (fixtures / "gold" / f"{slug}.json").write_text(text, encoding="utf-8")


def test_stories_come_with_their_split_and_a_gold_without_one_is_development(
    tmp_path: Path,
) -> None:
    story(tmp_path, "quake", {"split": "test", "events": []})
    story(tmp_path, "summit", {"events": []}, folder="articles")
    corpus = find_stories(tmp_path)
    assert [(s.slug, s.split) for s in corpus.stories] == [
        ("quake", "test"),
        ("summit", "development"),
    ]
    assert corpus.stories[1].articles == tmp_path / "articles" / "summit"
    assert corpus.problems == ()


@pytest.mark.parametrize(
    ("gold", "problem"),
    [
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "holds a list, not a JSON object"),
        ({"split": "holdout"}, "split 'holdout', not one of development, test"),
        ({"events": {"e1": {}}}, "'events' is not a list"),
    ],
)
def test_a_broken_gold_file_is_reported_and_the_others_still_run(
    tmp_path: Path, gold: object, problem: str
) -> None:
    story(tmp_path, "good", {"split": "development"})
    story(tmp_path, "bad", gold)
    corpus = find_stories(tmp_path)
    assert [s.slug for s in corpus.stories] == ["good"]
    [reported] = corpus.problems
    assert reported.startswith("bad: ") and problem in reported and "left out" in reported


def test_articles_without_gold_and_gold_without_articles_are_reported(tmp_path: Path) -> None:
    story(tmp_path, "unannotated", None)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "orphan.json").write_text("{}", encoding="utf-8")
    problems = find_stories(tmp_path).problems
    assert any(p.startswith("unannotated: no gold file") for p in problems)
    assert any(p.startswith("orphan: gold file") and "no articles" in p for p in problems)


def test_a_run_narrows_to_one_split_or_one_story_in_any_case(tmp_path: Path) -> None:
    story(tmp_path, "quake", {"split": "test"})
    story(tmp_path, "vote", {"split": "development"})
    corpus = find_stories(tmp_path)
    assert [s.slug for s in corpus.select(split="test").stories] == ["quake"]
    assert [s.slug for s in corpus.select(story="VOTE").stories] == ["vote"]
    assert corpus.select(story="vote", split="test").stories == ()


def test_the_project_corpus_has_test_and_development_stories() -> None:
    corpus = find_stories(ROOT / "fixtures")
    splits = {s.split for s in corpus.stories}
    assert splits == {"development", "test"}
    assert "summit" in {s.slug for s in corpus.stories}
    assert corpus.problems == ()


CORPUS = find_stories(ROOT / "fixtures")


@pytest.mark.parametrize("case", CORPUS.stories, ids=lambda s: s.slug)
def test_every_gold_file_quotes_its_articles_exactly(case) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in case.articles.glob("*.txt")}
    assert gold_problems(case.gold, texts) == ()
    assert sorted(case.gold.get("files", texts)) == sorted(texts)
    assert set(case.gold.get("published", {})) <= set(texts)
