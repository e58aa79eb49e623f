"""The learned weighing of merge pairs: what it joins beside the rules, and how it is fitted."""

import pytest
from spacy.language import Language

from stories.evaluation.merge_fit import Example, fit, gold_event_of, weights_module
from stories.nlp.merge import FITTED, RULES_ONLY, comparisons, merge_candidates

from .test_events_merge import events_of


def test_one_statement_in_two_verbs_the_rules_keep_apart_is_joined_by_the_learned_weights(
    nlp: Language,
) -> None:
    a = events_of(
        nlp,
        "a.txt",
        "At a news conference on Wednesday afternoon, clinic owner Ana Reis said the clinic would "
        "keep seeing patients every day it legally can.",
    )
    b = events_of(
        nlp,
        "b.txt",
        "Clinic owner Ana Reis told reporters the clinic would keep seeing patients every day it "
        "legally can.",
    )
    assert len(merge_candidates([*a, *b], None, RULES_ONLY)) == 2
    [event] = merge_candidates([*a, *b], None, FITTED)
    assert {s.file for s in event.sources} == {"a.txt", "b.txt"}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "Rebels seized the Corvin garrison on Monday.",
            "Rebels lost the Corvin garrison on Monday.",
        ),
        (
            "Rebels attacked the Corvin garrison on Monday.",
            "Rebels withdrew from the Corvin garrison on Monday.",
        ),
        (
            "A Harbour Lines ferry hit the quay at Port Vessa on Sunday.",
            "Divers rescued two passengers of a Harbour Lines ferry at Port Vessa on Sunday.",
        ),
    ],
)
def test_acts_the_lexicon_tells_apart_stay_apart_however_alike_their_words(
    nlp: Language, one: str, other: str
) -> None:
    a, b = events_of(nlp, "a.txt", one), events_of(nlp, "b.txt", other)
    assert comparisons([*a, *b], {}).learned(0, 1) > 0.5  # the words alike would join them
    assert len(merge_candidates([*a, *b], None, FITTED)) == 2


def test_acts_in_other_verbs_sharing_only_their_setting_stay_apart(nlp: Language) -> None:
    a = events_of(nlp, "a.txt", "Protesters blocked the main bridge into Varro on Tuesday.")
    b = events_of(nlp, "b.txt", "Police cleared the main bridge into Varro on Tuesday.")
    story = comparisons([*a, *b], {})
    assert story.learned(0, 1) > 0.5  # the letters alike would join them
    assert len(merge_candidates([*a, *b], None, FITTED)) == 2


def test_the_fit_weighs_what_tells_one_happening_from_two() -> None:
    same = [Example({"words": 0.9, "dates_clash": 0.0}, True) for _ in range(20)]
    apart = [Example({"words": 0.1, "dates_clash": 1.0}, False) for _ in range(20)]
    mixed = [Example({"words": 0.5, "dates_clash": 0.0}, s) for s in (True, False) * 5]
    weights = fit(same + apart + mixed)
    assert weights.weights["words"] > 0 > weights.weights["dates_clash"]


def test_the_written_weights_read_back_as_fitted() -> None:
    weights = fit([Example({"words": w}, w > 0.5) for w in (0.1, 0.2, 0.4, 0.6, 0.8, 0.9)])
    source = weights_module(weights, ["one", "two"], 6)
    space: dict[str, object] = {}
    exec(compile(source, "merge_weights.py", "exec"), space)  # noqa: S102
    assert space["BIAS"] == weights.bias
    assert space["WEIGHTS"] == dict(weights.weights)


def test_a_candidate_is_labelled_with_the_gold_event_of_its_own_date(nlp: Language) -> None:
    found = events_of(
        nlp, "a.txt", "The union signed the agreement with the port authority on Tuesday."
    )
    gold = {
        "events": [
            {
                "id": "e1",
                "date": "2024-03-01",
                "title": "Union signs",
                "evidence": {"a.txt": "signed"},
            },
            {
                "id": "e2",
                "date": "2024-03-12",
                "title": "Union signs",
                "evidence": {"a.txt": "signed"},
            },
        ]
    }
    assert gold_event_of(found, gold) == {0: 1}
