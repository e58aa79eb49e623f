"""The benchmark's figures, averages and targets on the tiny story: no model, no database."""

from __future__ import annotations

import copy

from stories.evaluation import Ratio, evaluate
from stories.evaluation.benchmark import (
    TARGETS,
    StoryFigures,
    format_table,
    macro,
    publication_dates,
    story_figures,
)

from .tiny import GOLD, TEXTS, perfect_export


def figures_of(export: dict, gold: dict = GOLD, split: str = "test") -> StoryFigures:
    return story_figures(evaluate(export, gold, TEXTS), export, gold, split)


def test_a_perfect_export_scores_every_figure_full() -> None:
    f = figures_of(perfect_export())
    assert (f.found_at_date, f.precision, f.date_accuracy) == (Ratio(2, 2),) * 3
    assert f.merged == Ratio(1, 1)
    assert f.speakers == Ratio(4, 4)
    assert (f.furniture, f.merged_people) == (0, 0)
    assert (f.story, f.split) == ("tiny", "test")


def test_an_event_dated_wrong_is_found_but_not_at_the_right_date() -> None:
    export = perfect_export()
    export["events"][1]["date"] = "2024-06"
    f = figures_of(export)
    assert f.found_at_date == Ratio(1, 2)
    assert f.precision == Ratio(1, 2)
    assert f.date_accuracy == Ratio(1, 2)


def test_a_coarser_date_is_wrong_but_a_finer_one_inside_is_right() -> None:
    export = perfect_export()
    export["events"][1]["date"] = "2024-05-20"  # gold says May: right at the gold's granularity
    export["events"][0]["date"] = "2024-03"  # gold says 4 March: too coarse
    f = figures_of(export)
    assert f.date_accuracy == Ratio(1, 2)
    assert f.found_at_date == Ratio(0, 2)  # found at the right date needs the exact label


def test_one_happening_told_as_two_events_is_not_merged() -> None:
    export = perfect_export()
    first = export["events"][0]
    second = copy.deepcopy(first) | {"id": 12, "sources": first["sources"][2:]}
    first["sources"] = first["sources"][:2]  # 2 of 3 files: under 80%
    export["events"].append(second)
    f = figures_of(export)
    assert f.merged == Ratio(0, 1)
    assert f.found_at_date == Ratio(2, 2)  # still found, and both halves are right
    assert f.precision == Ratio(3, 3)


def test_a_quote_given_to_the_wrong_person_counts_against_speakers() -> None:
    export = perfect_export()
    export["quotes"][2]["speaker"] = "Jean Dupont"
    assert figures_of(export).speakers == Ratio(3, 4)


def test_items_from_page_furniture_are_counted_by_kind() -> None:
    export = perfect_export()
    export["events"].append(
        {"id": 13, "date": None, "title": "Leaders meet", "sources": [
            {"file": "a.txt", "outlet": "A", "evidence": "Leaders Meet In Paris"}]}
    )  # fmt: skip
    export["actors"].append({"id": 4, "name": "Summit Opens", "kind": "place", "aliases": []})
    export["actors"].append({"id": 5, "name": "Lyon", "kind": "place", "aliases": []})  # a miss
    export["quotes"].append(
        {"id": 24, "speaker": None, "text": "Subscribe to our newsletter today", "direct": True,
         "file": "a.txt", "event": None, "variant_group": None}
    )  # fmt: skip
    f = figures_of(export)
    assert (f.furniture_events, f.furniture_actors, f.furniture_quotes) == (1, 1, 1)
    assert f.furniture == 3


def test_two_gold_people_in_one_system_actor_are_a_wrong_merge() -> None:
    export = perfect_export()
    export["actors"][0]["aliases"].append("Rossi")
    assert figures_of(export).merged_people == 1


def test_publication_dates_are_checked_file_by_file_against_the_gold() -> None:
    gold = {"published": {"a.txt": "2024-03-04", "b.txt": "2024-03-05", "c.txt": "2024-03-06"}}
    export = {
        "sources": [
            {"file": "stories/a.txt", "published": "2024-03-04"},
            {"file": "b.txt", "published": "2024-03-04"},
            {"file": "c.txt", "published": None},
        ]
    }
    ratio, wrong = publication_dates(export, gold)
    assert ratio == Ratio(1, 3)
    assert wrong == (("b.txt", "2024-03-04", "2024-03-05"), ("c.txt", None, "2024-03-06"))
    assert publication_dates(export, {})[0].value is None  # no gold dates: nothing to count


def _figures(story: str, found: Ratio, furniture: int = 0, people: int = 0) -> StoryFigures:
    full = Ratio(1, 1)
    return StoryFigures(story, "test", found, full, full, full, full, Ratio(0, 0),
                        furniture, 0, 0, people)  # fmt: skip


def test_macro_average_weighs_stories_alike_and_skips_those_with_nothing_to_count() -> None:
    figures = [
        _figures("big", Ratio(9, 10), furniture=2),
        _figures("small", Ratio(1, 2), people=1),
        _figures("empty", Ratio(0, 0)),
    ]
    m = macro(figures)
    assert m.ratios["found_at_date"] == 0.7  # (0.9 + 0.5) / 2, not 10/12
    assert m.counted["found_at_date"] == 2
    assert m.ratios["published"] is None
    assert m.totals == {"furniture": 2, "merged_people": 1}


def test_targets_are_met_at_their_bounds_and_missed_below() -> None:
    by_figure = {t.figure: t for t in TARGETS}
    at_bound = macro([_figures("a", Ratio(85, 100))])
    below = macro([_figures("a", Ratio(84, 100), furniture=1)])
    assert by_figure["found_at_date"].met(at_bound) is True
    assert by_figure["found_at_date"].met(below) is False
    assert by_figure["furniture"].met(at_bound) is True
    assert by_figure["furniture"].met(below) is False


def test_the_table_shows_each_story_the_average_and_the_verdicts() -> None:
    table = format_table(
        "test stories", [_figures("alpha", Ratio(1, 1)), _figures("beta", Ratio(1, 2))], True
    )
    lines = table.splitlines()
    assert lines[0] == "test stories (2 stories)"
    assert any(line.split()[:2] == ["alpha", "1.00"] for line in lines)
    assert any(line.split()[:3] == ["macro", "average", "0.75"] for line in lines)
    found = next(line for line in lines if "found with the right date" in line)
    assert found.endswith("0.75  NOT MET")
    assert next(line for line in lines if "wrongly merged" in line).endswith(" met")
