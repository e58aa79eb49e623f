"""The scorer on small hand-made stories, and the seed story's gold against its articles."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from stories import evaluation
from stories.evaluation import Ratio, evaluate, format_report, gold_problems, read_texts

from .tiny import GOLD, TEXTS, perfect_export, sentence

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "fixtures" / "gold"


def export_with(**changes) -> dict:
    export = perfect_export()
    export.update(copy.deepcopy(changes))
    return export


# --------------------------------------------------------------------------- whole report


def test_perfect_export_scores_one_everywhere():
    report = evaluate(perfect_export(), GOLD, TEXTS)
    assert report.event_precision == Ratio(2, 2)
    assert report.event_recall == Ratio(2, 2)
    assert report.event_precision_strict == Ratio(2, 2)
    assert report.event_recall_strict == Ratio(2, 2)
    assert report.date_accuracy == Ratio(2, 2)
    assert report.date_exact == Ratio(2, 2)
    assert report.merged == Ratio(1, 1)
    assert report.split_events == ()
    assert report.actor_precision == Ratio(3, 3)
    assert report.actor_recall == Ratio(3, 3)
    assert report.actor_kind == Ratio(3, 3)
    assert report.wrongly_merged_people == ()
    assert report.quote_recall_direct == Ratio(3, 3)
    assert report.quote_recall_indirect == Ratio(1, 1)
    assert report.quote_precision == Ratio(4, 4)
    assert report.attribution == Ratio(4, 4)
    assert report.variant_groups == Ratio(1, 1)
    assert report.missed_events == () and report.false_positive_events == ()


def test_format_report_prints_figures_with_counts():
    text = format_report(evaluate(perfect_export(), GOLD, TEXTS))
    assert "events: precision 1.00 (2/2)  recall 1.00 (2/2)" in text
    assert "merged 1/1" in text
    assert "variant groups together 1/1" in text
    assert "wrongly merged people 0" in text
    assert "details:" not in text


def test_empty_export_has_no_precision_and_zero_recall():
    report = evaluate({"story": {"slug": "tiny"}}, GOLD, TEXTS)
    assert report.event_precision == Ratio(0, 0)
    assert report.event_precision.value is None
    assert report.event_recall == Ratio(0, 2)
    assert report.event_recall.value == 0.0
    assert report.merged == Ratio(0, 1)
    assert report.actor_recall == Ratio(0, 3)
    assert report.quote_recall_direct == Ratio(0, 3)
    assert report.variant_groups == Ratio(0, 0)
    text = format_report(report, details=True)
    assert "events: precision n/a (0/0)  recall 0.00 (0/2)" in text
    assert "e1 [2024-03-04] Dupont and Rossi meet in Paris" in text
    assert "Marco Rossi" in text  # among the gold actors not found


def test_empty_gold_and_empty_export_do_not_divide_by_zero():
    report = evaluate({}, {})
    assert "n/a (0/0)" in format_report(report, details=True)


# --------------------------------------------------------------------------- events


def test_wrong_date_is_matched_but_not_counted():
    export = perfect_export()
    export["events"][1]["date"] = "2024-06"
    report = evaluate(export, GOLD)
    assert report.event_results[1].gold == "e2"
    assert report.event_precision == Ratio(1, 2)
    assert report.event_recall == Ratio(1, 2)
    assert report.date_accuracy == Ratio(1, 2)
    assert [r.id for r in report.wrong_dates] == ["11"]
    assert "11 -> e2: system 2024-06, gold 2024-05" in format_report(report, details=True)


def test_date_accuracy_is_judged_at_the_gold_granularity():
    export = perfect_export()
    export["events"][1]["date"] = "2024-05-02"  # finer than the gold: right month
    export["events"][0]["date"] = "2024-03"  # coarser than the gold: not good enough
    report = evaluate(export, GOLD)
    assert report.date_accuracy == Ratio(1, 2)
    assert report.date_exact == Ratio(0, 2)
    assert report.event_precision == Ratio(0, 2)  # counting needs the exact label


def test_null_gold_date_needs_a_null_system_date():
    gold = copy.deepcopy(GOLD)
    gold["events"][1]["date"] = None
    report = evaluate(perfect_export(), gold)
    assert report.date_accuracy == Ratio(1, 2)
    export = perfect_export()
    export["events"][1]["date"] = None
    assert evaluate(export, gold).event_recall == Ratio(2, 2)


def test_strict_needs_the_same_files():
    export = perfect_export()
    export["events"][0]["sources"].pop()  # c.txt missing
    report = evaluate(export, GOLD)
    assert report.event_precision == Ratio(2, 2)
    assert report.event_precision_strict == Ratio(1, 2)
    assert report.event_recall_strict == Ratio(1, 2)
    assert report.event_results[0].files_equal is False
    assert report.merged == Ratio(0, 1)  # 2 of 3 files is under 80%


def test_evidence_matching_ignores_quote_styles_whitespace_and_case():
    export = perfect_export()
    export["events"][0]["sources"] = [
        {"file": "stories/c.txt", "evidence": "THE PRESIDENTS' MEETING   in\nParis went well."}
    ]
    report = evaluate(export, GOLD)
    assert report.event_results[0].gold == "e1"


def test_unmatched_event_is_a_false_positive_and_boilerplate_is_recognised():
    export = perfect_export()
    export["events"].append(
        {"id": 12, "date": None, "title": "Subscribe",
         "sources": [{"file": "a.txt", "evidence": "Subscribe to our newsletter today"}]}
    )  # fmt: skip
    export["events"].append(
        {"id": 13, "date": None, "title": "Dupont speaks",
         "sources": [{"file": "a.txt", "evidence": sentence("a.txt", "Mr. Dupont")}]}
    )  # fmt: skip
    report = evaluate(export, GOLD, TEXTS)
    assert report.event_precision == Ratio(2, 4)
    assert [(r.id, r.boilerplate) for r in report.false_positive_events] == [
        ("12", True),
        ("13", False),
    ]
    details = format_report(report, details=True)
    assert "12 [-] Subscribe (a.txt) [boilerplate]" in details
    assert details.endswith("13 [-] Dupont speaks (a.txt)")
    # Without the texts nothing can be called boilerplate.
    assert not any(r.boilerplate for r in evaluate(export, GOLD).false_positive_events)


def test_a_system_event_matches_the_gold_event_most_of_its_sources_support():
    export = perfect_export()
    storm = export["events"][1]["sources"]
    export["events"][0]["sources"].append(storm[0])  # one stray storm sentence in the meeting
    report = evaluate(export, GOLD)
    assert report.event_results[0].gold == "e1"


def test_one_sentence_reporting_two_events_goes_by_date_then_title():
    gold = copy.deepcopy(GOLD)
    gold["events"].append(
        {"id": "e3", "date": "2024-03-04", "title": "Presidents shake hands",
         "evidence": {"a.txt": "The two presidents met"}}
    )  # fmt: skip
    meeting = sentence("a.txt", "met in Paris")
    export = export_with(
        events=[
            {"id": 1, "date": "2024-03-04", "title": "Presidents shake hands",
             "sources": [{"file": "a.txt", "evidence": meeting}]},
            {"id": 2, "date": "2024-03-04", "title": "Presidents meet in Paris",
             "sources": [{"file": "a.txt", "evidence": meeting}]},
        ]
    )  # fmt: skip
    report = evaluate(export, gold)
    assert [r.gold for r in report.event_results] == ["e3", "e1"]


def test_merging_and_splitting():
    export = perfect_export()
    meeting = export["events"][0]
    second = {**meeting, "id": 14, "sources": meeting["sources"][2:]}
    meeting["sources"] = meeting["sources"][:2]
    export["events"].append(second)
    report = evaluate(export, GOLD)
    assert report.merged == Ratio(0, 1)  # best system event has 2 of 3 files: under 80%
    assert report.split_events == (("e1", ("10", "14")),)
    assert report.event_recall == Ratio(2, 2)  # both halves still count
    details = format_report(report, details=True)
    assert "merged 0/1" in details
    assert "e1: best 2/3 files" in details
    assert "e1: 10, 14" in details


# --------------------------------------------------------------------------- actors


def test_actor_matching_through_aliases_and_normalised_names():
    export = export_with(
        actors=[
            {"name": "Dupont’s", "kind": "person", "aliases": []},
            {"name": "the Paris", "kind": "organization", "aliases": []},
            {"name": "Ethan Kim", "kind": "person", "aliases": []},
        ]
    )
    report = evaluate(export, GOLD, TEXTS)
    assert report.actor_precision == Ratio(2, 3)
    assert report.actor_recall == Ratio(2, 3)
    assert report.actor_kind == Ratio(1, 2)
    assert report.missed_actors == ("Marco Rossi",)
    assert report.unmatched_actors == ("Ethan Kim",)
    assert report.boilerplate_actors == ()  # does not occur in the furniture either


def test_actor_found_only_in_furniture_is_boilerplate():
    export = export_with(actors=[{"name": "Summit Opens", "kind": "place", "aliases": []}])
    assert evaluate(export, GOLD, TEXTS).boilerplate_actors == ("Summit Opens",)


def test_two_people_merged_into_one_actor_are_reported():
    export = export_with(
        actors=[
            {"name": "Jean Dupont", "kind": "person", "aliases": ["Rossi"]},
            {"name": "Dupont", "kind": "person", "aliases": []},
        ]
    )
    report = evaluate(export, GOLD)
    assert report.wrongly_merged_people == (("Jean Dupont", ("Jean Dupont", "Marco Rossi")),)
    assert report.duplicated_actors == (("Jean Dupont", ("Jean Dupont", "Dupont")),)
    text = format_report(report, details=True)
    assert "wrongly merged people 1" in text
    assert "Jean Dupont: Jean Dupont, Marco Rossi" in text


def test_a_person_and_a_place_sharing_a_name_are_not_a_wrong_merge():
    gold = copy.deepcopy(GOLD)
    gold["actors"].append({"name": "Rossi Square", "kind": "place", "aliases": ["Rossi"]})
    export = export_with(actors=[{"name": "Rossi", "kind": "person", "aliases": []}])
    assert evaluate(export, gold).wrongly_merged_people == ()


# --------------------------------------------------------------------------- quotes


def test_quote_inside_a_longer_system_quote_is_found():
    export = perfect_export()
    export["quotes"][2]["text"] = "Rossi called the talks “very useful”"
    assert evaluate(export, GOLD).quote_recall_direct == Ratio(3, 3)


def test_quote_fuzzy_match_and_sentence_of_a_longer_quote():
    gold = copy.deepcopy(GOLD)
    gold["quotes"][3]["evidence"] = {"b.txt": "the storm in May was terrible"}
    export = perfect_export()
    export["quotes"][3]["text"] = "the storm in may was terible"  # a typo
    assert evaluate(export, gold).quote_recall_indirect == Ratio(1, 1)
    gold["quotes"][0]["evidence"] = {"a.txt": "we will work together. And we will win the peace."}
    export["quotes"][0]["text"] = "we will work together."  # one sentence, over 20 characters
    assert evaluate(export, gold).quote_results[0].found


def test_a_fragment_or_another_file_does_not_match_a_quote():
    export = perfect_export()
    export["quotes"][3]["text"] = "storm"
    export["quotes"][2]["file"] = "a.txt"
    report = evaluate(export, GOLD)
    assert report.quote_recall_direct == Ratio(2, 3)
    assert report.quote_recall_indirect == Ratio(0, 1)
    assert report.quote_precision == Ratio(2, 4)
    assert [q.id for q in report.missed_quotes] == ["q3", "q4"]
    assert 'q3 direct b.txt: "very useful"' in format_report(report, details=True)


def test_short_gold_quote_must_be_whole_words():
    assert evaluation.quote_overlap("evil", "the devil is in the detail") == 0.0
    assert evaluation.quote_overlap("evil", "victory against evil") == 100.0


def test_attribution_through_gold_and_system_aliases():
    export = perfect_export()
    export["actors"].append({"name": "The Italian", "kind": "person", "aliases": ["Rossi"]})
    export["quotes"][2]["speaker"] = "The Italian"  # resolved through the system's own aliases
    export["quotes"][3]["speaker"] = "Jean Dupont"  # wrong
    report = evaluate(export, GOLD)
    assert report.attribution == Ratio(3, 4)
    assert [(q.id, q.system_speaker) for q in report.wrong_speakers] == [("q4", "Jean Dupont")]
    assert 'q4 "the storm in May was terrible": gold Marco Rossi, system Jean Dupont' in (
        format_report(report, details=True)
    )


def test_names_spelt_with_other_hyphens_or_dots_are_one_actor():
    export = perfect_export()
    # The pipeline calls these the same names as the gold's "Jean Dupont" and "Marco Rossi".
    export["actors"][0].update(name="Jean-Dupont", aliases=[])
    export["actors"][1].update(name="MARCO  ROSSI", aliases=[])
    report = evaluate(export, GOLD)
    assert report.actor_recall.hits == len(GOLD["actors"])
    assert report.unmatched_actors == ()


def test_quote_without_a_gold_speaker_is_left_out_of_attribution():
    gold = copy.deepcopy(GOLD)
    gold["quotes"][2]["speaker"] = None
    export = perfect_export()
    export["quotes"][2]["speaker"] = None
    assert evaluate(export, gold).attribution == Ratio(3, 3)


def test_variant_groups_apart_and_mixed():
    export = perfect_export()
    export["quotes"][1]["variant_group"] = 2  # q2 joins Rossi's remark, leaves q1
    report = evaluate(export, GOLD)
    assert report.variant_groups == Ratio(0, 1)
    assert report.groups_apart == (("g1", (("q1", "1"), ("q2", "2"))),)
    assert report.mixed_variant_groups == (("2", ("g1", "g2")),)
    text = format_report(report, details=True)
    assert "variant groups together 0/1" in text
    assert "g1: q1->1, q2->2" in text


def test_null_variant_groups_are_not_together():
    export = perfect_export()
    for quote in export["quotes"]:
        quote["variant_group"] = None
    assert evaluate(export, GOLD).variant_groups == Ratio(0, 1)


def test_direct_flag_agreement():
    export = perfect_export()
    export["quotes"][3]["direct"] = True
    assert evaluate(export, GOLD).direct_flag == Ratio(3, 4)


# --------------------------------------------------------------------------- gold files


def test_gold_problems_finds_evidence_missing_from_the_text():
    gold = copy.deepcopy(GOLD)
    gold["events"][0]["evidence"]["a.txt"] = "The two presidents met in Rome"
    gold["quotes"][0]["speaker"] = "Nobody"
    gold["events"][1]["date"] = "May 2024"
    problems = gold_problems(gold, TEXTS)
    assert any("e1: not in a.txt" in p for p in problems)
    assert any("q1: speaker 'Nobody'" in p for p in problems)
    assert any("e2: bad date" in p for p in problems)
    assert gold_problems(GOLD, TEXTS) == ()


def test_evaluation_package_stays_free_of_django():
    package = Path(evaluation.__file__).parent
    offenders = [
        path.name
        for path in sorted(package.glob("*.py"))
        if re.search(r"^\s*(from|import)\s+django", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


@pytest.fixture(scope="module")
def summit() -> tuple[dict, dict[str, str]]:
    gold = json.loads((GOLD_DIR / "summit.json").read_text(encoding="utf-8"))
    texts = read_texts(ROOT / "fixtures" / "articles" / gold["story"], gold["files"])
    return gold, texts


def test_every_summit_evidence_string_occurs_in_its_article(summit):
    gold, texts = summit
    snippets = [
        (item["id"], file, snippet)
        for item in gold["events"] + gold["quotes"]
        for file, value in item["evidence"].items()
        for snippet in ([value] if isinstance(value, str) else value)
    ]
    assert len(snippets) > 60
    missing = [(i, f, s) for i, f, s in snippets if s not in texts[f]]
    assert missing == []


def test_summit_gold_is_sound_and_a_copy_of_itself_scores_perfectly(summit):
    gold, texts = summit
    assert gold_problems(gold, texts) == ()
    export = {
        "story": {"slug": "summit"},
        "actors": gold["actors"],
        "events": [
            {
                "id": e["id"],
                "date": e["date"],
                "title": e["title"],
                "sources": [
                    {"file": f, "evidence": v if isinstance(v, str) else v[0]}
                    for f, v in e["evidence"].items()
                ],
            }
            for e in gold["events"]
        ],
        "quotes": [
            {"id": q["id"], "speaker": q["speaker"], "direct": q["direct"], "file": f,
             "text": t, "variant_group": q["group"]}
            for q in gold["quotes"]
            for f, t in q["evidence"].items()
        ],
    }  # fmt: skip
    report = evaluate(export, gold, texts)
    assert report.event_precision.value == report.event_recall.value == 1.0
    assert report.actor_precision.value == report.actor_recall.value == 1.0
    assert report.quote_recall_direct.value == report.attribution.value == 1.0
    assert report.variant_groups.value == 1.0
    assert report.wrongly_merged_people == ()


def test_summit_gold_keeps_people_who_share_a_family_name_apart(summit):
    gold, _ = summit
    names = {a["name"] for a in gold["actors"]}
    assert {"Kim Jong Un", "Kim Yo Jong", "Kim Myong Sik"} <= names
    assert "Ethan Kim" not in names
    kim = next(a for a in gold["actors"] if a["name"] == "Kim Jong Un")
    assert "Kim" in kim["aliases"]
    assert all("Kim" not in a["aliases"] for a in gold["actors"] if a is not kim)
