"""The benchmark command on a small corpus of its own: it scores what it can and says what not."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from stories.management.commands import evaluate as command

GOOD = (
    "Rain Floods Valley Town\n\n"
    "VALLEY TOWN — Heavy rain flooded the centre of Valley Town on 3 March 2024, officials said. "
    "Mayor Anna Berg ordered the evacuation of two schools on 3 March 2024.\n"
)


def run(**opts) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("evaluate", stdout=out, stderr=err, **opts)
    return out.getvalue(), err.getvalue()


def test_it_refuses_to_ingest_the_corpus_into_a_readers_database(db) -> None:
    with pytest.raises(CommandError, match="scratch database of its own"):
        run()


@pytest.fixture
def small_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(command, "_require_scratch_database", lambda: None)
    good = tmp_path / "corpus" / "flood"
    good.mkdir(parents=True)
    (good / "a.txt").write_text(GOOD, encoding="utf-8")
    (good / "manifest.json").write_text(
        json.dumps([{"file": "a.txt", "outlet": "Valley News", "published": "2024-03-03"}])
    )
    broken = tmp_path / "corpus" / "unreadable"
    broken.mkdir()
    (broken / "a.txt").write_bytes(b"\x00\x01\x02 not text")
    (tmp_path / "corpus" / "unannotated").mkdir()
    (tmp_path / "corpus" / "typo").mkdir()
    (tmp_path / "corpus" / "typo" / "a.txt").write_text(GOOD, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "flood.json").write_text(
        json.dumps(
            {
                "split": "test",
                "files": ["a.txt"],
                "published": {"a.txt": "2024-03-03"},
                "actors": [{"name": "Anna Berg", "kind": "person", "aliases": ["Berg"]}],
                "events": [
                    {
                        "id": "e1",
                        "date": "2024-03-03",
                        "title": "Rain floods Valley Town",
                        "evidence": {"a.txt": "Heavy rain flooded the centre"},
                    },
                    {
                        "id": "e2",
                        "date": "2024-03-03",
                        "title": "Two schools evacuated",
                        "evidence": {"a.txt": "words that are not in the article"},
                    },
                ],
                "quotes": [],
            }
        )
    )
    (gold / "unreadable.json").write_text(json.dumps({"split": "development"}))
    (gold / "typo.json").write_text("{broken")
    return tmp_path


def test_a_story_that_fails_or_has_bad_gold_is_reported_and_the_rest_scored(
    db, small_corpus: Path
) -> None:
    out, err = run(fixtures=str(small_corpus))
    assert "test stories (1 story)" in out
    assert any(line.split()[0] == "flood" for line in out.splitlines() if line.strip())
    assert "targets (macro average of these stories):" in out
    assert "not scored (1):" in out and "unreadable: no article could be ingested" in out
    assert "1 story scored, 1 not" in out
    assert "left out: typo:" in err and "is not valid JSON" in err
    assert "left out: unannotated: no gold file" in err
    assert "flood: gold: e2: not in a.txt" in err  # reported, and the story still scored


def test_details_list_the_misses_and_a_story_can_be_named_alone(db, small_corpus: Path) -> None:
    out, _ = run(fixtures=str(small_corpus), story="FLOOD", details=True)
    assert "--- flood (test)" in out
    assert "gold events not found" in out and "e2 [2024-03-03] Two schools evacuated" in out
    assert "unreadable" not in out


def test_naming_a_story_that_does_not_exist_lists_the_ones_that_do(db, small_corpus: Path) -> None:
    with pytest.raises(CommandError, match="stories with gold files: flood, unreadable"):
        run(fixtures=str(small_corpus), story="nope")
