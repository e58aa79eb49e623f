"""What a run costs the database, and what it works out again.

Each table is read once and only what changed is written, so the number of statements does not
grow with the story; the derived values (families, the order of a day's events, disputes) are
worked out again only where the run changed what they are worked out from, and must come out as
working them all out again would.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories import derived
from stories import models as m
from stories.ingest import ingest, reextract
from stories.nlp import story as story_module
from stories.nlp import types as t

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = sorted(p for p in (FIXTURES / "corpus").iterdir() if p.is_dir())
SUMMIT = FIXTURES / "articles" / "summit"
LATER = SUMMIT / "003_d25ba9dc3e99a244.txt"


def statements_of_runs(tmp_path: Path, slug: str, stories: list[Path]) -> tuple[int, int, int]:
    """Ingest the articles of ``stories`` as one story; then count the statements of a run that
    adds one article, and of a run that extracts the story again with nothing changed.
    Returns the story's articles, and the two counts."""
    folder = tmp_path / slug
    folder.mkdir()
    for story in stories:
        for article in story.glob("*.txt"):
            shutil.copy(article, folder / f"{story.name}-{article.name}")
    ingest([folder], story_slug=slug)
    with CaptureQueriesContext(connection) as added:
        assert ingest([LATER], story_slug=slug).count("created") == 1
    with CaptureQueriesContext(connection) as again:
        report = reextract(m.Story.objects.get(slug=slug))
    assert report.count("unchanged") == len(report.files)
    return len(report.files), len(added.captured_queries), len(again.captured_queries)


def test_the_statements_of_a_run_do_not_grow_with_the_story(db, tmp_path):
    small, added_small, again_small = statements_of_runs(tmp_path, "small", CORPUS[:1])
    large, added_large, again_large = statements_of_runs(tmp_path, "large", CORPUS[:6])
    # Nothing changed: every table is read once and nothing is written, at any size.
    assert again_large == again_small
    # Adding an article changes more rows in a larger story, but what each kind of change costs
    # does not depend on how many rows it touches: not one statement per row.
    assert added_large - added_small < large - small


def derived_values(story: m.Story) -> tuple[list, list]:
    events = m.Event.objects.for_story(story).values_list("pk", "sequence", "disputes")
    articles = m.Article.objects.for_story(story).values_list("pk", "family")
    return sorted(events), sorted(articles)


def test_adding_articles_works_out_again_all_that_the_additions_move(db, tmp_path):
    names = sorted(p.name for p in SUMMIT.glob("*.txt"))
    for name in names[:2]:
        shutil.copy(SUMMIT / name, tmp_path / name)
    ingest([tmp_path], story_slug="summit")
    story = m.Story.objects.get(slug="summit")
    # The last one is a copy of an article already in: the two make a wire family.
    copy = tmp_path / "copy.txt"
    shutil.copy(SUMMIT / names[0], copy)
    for path in [*(SUMMIT / name for name in names[2:]), copy]:
        ingest([path], story_slug="summit")
        after_run = derived_values(story)
        derived.refresh(story)
        assert derived_values(story) == after_run, f"after adding {path.name}"
    assert story.articles.get(file_name="copy.txt").family == names[0]


def busiest_day(events: list[t.Event]) -> list[int]:
    """The machine events on the date most events share, by index."""
    busiest = Counter(e.date.label for e in events if e.date).most_common(1)[0][0]
    return [i for i, e in enumerate(events) if e.date and e.date.label == busiest]


def moved_to_another_date(extraction: t.StoryExtraction) -> t.StoryExtraction:
    events = list(extraction.events)
    first = busiest_day(events)[0]
    other = next(e.date for i, e in enumerate(events) if e.date and i not in busiest_day(events))
    events[first] = replace(events[first], date=other)
    return replace(extraction, events=tuple(events))


def gone(extraction: t.StoryExtraction) -> t.StoryExtraction:
    events = list(extraction.events)
    del events[busiest_day(events)[0]]
    return replace(extraction, events=tuple(events))


def with_less_evidence(extraction: t.StoryExtraction) -> t.StoryExtraction:
    events = list(extraction.events)
    most = max(busiest_day(events), key=lambda i: len(events[i].sources))
    events[most] = replace(events[most], sources=events[most].sources[:1])
    return replace(extraction, events=tuple(events))


def with_more_evidence(extraction: t.StoryExtraction) -> t.StoryExtraction:
    events = list(extraction.events)
    day = busiest_day(events)
    least = min(day, key=lambda i: len(events[i].sources))
    borrowed = tuple(s for i in day if i != least for s in events[i].sources)
    events[least] = replace(events[least], sources=events[least].sources + borrowed[:3])
    return replace(extraction, events=tuple(events))


def without_actors(extraction: t.StoryExtraction) -> t.StoryExtraction:
    return replace(extraction, events=tuple(replace(e, actors=()) for e in extraction.events))


def retitled(extraction: t.StoryExtraction) -> t.StoryExtraction:
    articles = tuple(
        replace(a, clean=replace(a.clean, headline="Retitled by new rules"))
        if a.input.file == LATER.name
        else a
        for a in extraction.articles
    )
    return replace(extraction, articles=articles)


@pytest.mark.parametrize(
    "new_rules",
    [moved_to_another_date, gone, with_less_evidence, with_more_evidence, without_actors, retitled],
)
def test_what_new_rules_change_is_worked_out_again(db, monkeypatch, new_rules):
    """Whatever the run changes that the day's order, the disputes or the families are worked
    out from, they come out as working everything out again gives."""
    ingest([SUMMIT], story_slug="summit")
    story = m.Story.objects.get(slug="summit")
    before = derived_values(story)
    real = story_module.extract_story
    monkeypatch.setattr(story_module, "extract_story", lambda *a, **kw: new_rules(real(*a, **kw)))

    # One article named: a run over the whole story would work everything out again.
    ingest([LATER], story_slug="summit", force=True)

    after_run = derived_values(story)
    assert after_run != before
    derived.refresh(story)
    assert derived_values(story) == after_run


def test_re_extracting_a_story_mends_what_a_deleted_article_left(db, tmp_path):
    """Deleting an article works nothing out again; re-extracting the whole story then does."""
    names = sorted(p.name for p in SUMMIT.glob("*.txt"))
    for name in names:
        shutil.copy(SUMMIT / name, tmp_path / name)
    shutil.copy(SUMMIT / names[0], tmp_path / "copy.txt")
    ingest([tmp_path], story_slug="summit")
    story = m.Story.objects.get(slug="summit")
    assert story.articles.get(file_name="copy.txt").family == names[0]
    story.articles.get(file_name=names[0]).delete()

    reextract(story)

    assert story.articles.get(file_name="copy.txt").family == ""
    after_run = derived_values(story)
    derived.refresh(story)
    assert derived_values(story) == after_run


def test_evidence_found_at_another_place_keeps_its_row_and_takes_the_new_place(db, monkeypatch):
    ingest([SUMMIT], story_slug="summit")
    before = {
        s.pk: (s.sentence, s.start, s.end)
        for s in m.EventSource.objects.filter(event__story__slug="summit")
    }
    real = story_module.extract_story

    def shifted(extraction: t.StoryExtraction) -> t.StoryExtraction:
        events = list(extraction.events)
        first = events[0]
        moved = tuple(replace(c, start=c.start + 7, end=c.end + 7) for c in first.sources)
        events[0] = replace(first, sources=moved)
        return replace(extraction, events=tuple(events))

    monkeypatch.setattr(story_module, "extract_story", lambda *a, **kw: shifted(real(*a, **kw)))
    ingest([SUMMIT], story_slug="summit", force=True)

    after = {
        s.pk: (s.sentence, s.start, s.end)
        for s in m.EventSource.objects.filter(event__story__slug="summit")
    }
    assert set(after) == set(before)
    moved = {pk for pk in before if after[pk] != before[pk]}
    assert moved
    for pk in moved:
        sentence, start, end = before[pk]
        assert after[pk] == (sentence, start + 7, end + 7)
