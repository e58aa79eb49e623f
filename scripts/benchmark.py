"""Prints how long the main operations take; a benchmark, not a test.

Runs against a database of its own (var/bench.sqlite3, recreated each time) unless DATABASE_URL
is set, so it never touches the development database.

    .venv/bin/python scripts/benchmark.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench_env import use_production_settings  # noqa: E402

use_production_settings("bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

SUMMIT = ROOT / "fixtures" / "articles" / "summit"


@contextmanager
def count_queries():
    """Counts the SQL statements run inside the block, whatever DEBUG says."""
    counted = [0]

    def wrapper(execute, sql, params, many, context):
        counted[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield counted


def synthetic_candidates(n: int):
    """A large story's worth of candidates: 200 articles, 300 days, 80 actors, 12 verbs."""
    import random
    from datetime import date, timedelta

    from stories.nlp.types import DateValue, EventCandidate

    rng = random.Random(7)
    verbs = [
        "meet",
        "launch",
        "visit",
        "sign",
        "warn",
        "vote",
        "arrest",
        "announce",
        "attack",
        "pledge",
        "resign",
        "elect",
    ]
    out = []
    for i in range(n):
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
        verb = rng.choice(verbs)
        actors = tuple(sorted({f"Actor {rng.randrange(80)}" for _ in range(2)}))
        sentence = f"{actors[0]} did {verb} with {actors[-1]} about matter {rng.randrange(500)}."
        out.append(
            EventCandidate(
                file=f"article-{i % 200:03d}.txt",
                sentence=sentence,
                start=0,
                end=len(sentence),
                title=sentence[:-1],
                date=DateValue(day, day, "day", day.isoformat(), "explicit"),
                actors=actors,
                trigger=verb,
            )
        )
    return out


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def row(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:<44} {seconds * 1000:>9.1f} ms  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per page timing (median)")
    args = parser.parse_args()

    from stories import models as m
    from stories.ingest import ingest
    from stories.nlp.merge import merge_candidates
    from stories.nlp.pipeline import load_pipeline
    from stories.nlp.story import extract_story
    from stories.nlp.topics import load_taxonomy

    call_command("migrate", verbosity=0)
    # Production settings serve hashed static files: the pages timed below need the manifest,
    # which a fresh checkout does not have yet.
    call_command("collectstatic", verbosity=0, interactive=False)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    print(f"database: {connection.vendor}; articles: {len(list(SUMMIT.glob('*.txt')))} in {SUMMIT}")

    from django.conf import settings

    # Loaded by the name ingest uses, so the later runs find it in the same cache entry.
    seconds, nlp = timed(lambda: load_pipeline(settings.SPACY_MODEL))
    row("spaCy model load (once per process)", seconds)

    from stories.ingest import _article_input, load_manifest

    manifest = load_manifest(SUMMIT / "manifest.json")
    inputs = [
        _article_input(p.name, p.read_text(encoding="utf-8"), manifest.get(p.name, {}), None)
        for p in sorted(SUMMIT.glob("*.txt"))
    ]
    words = sum(len(i.text.split()) for i in inputs)
    taxonomy = load_taxonomy(settings.TOPIC_TAXONOMY)
    seconds, extraction = timed(lambda: extract_story(inputs, nlp=nlp, taxonomy=taxonomy), repeat=3)
    row(
        "extract_story, summit (5 articles)",
        seconds,
        f"{words / seconds:,.0f} words/s; {len(extraction.events)} events, "
        f"{len(extraction.quotes)} quotes",
    )

    seconds, merged = timed(lambda: merge_candidates(synthetic_candidates(5000)))
    row("merge_candidates, 5,000 synthetic candidates", seconds, f"{len(merged)} events")

    seconds, report = timed(lambda: ingest([SUMMIT], story_slug="summit"))
    row("ingest, first run", seconds, report.summary)
    seconds, report = timed(lambda: ingest([SUMMIT], story_slug="summit"))
    row("ingest, second run (nothing changed)", seconds, report.summary)
    seconds, report = timed(lambda: ingest([SUMMIT], story_slug="summit", force=True))
    row("ingest --force (extract again, write nothing)", seconds, report.summary)

    with open(os.devnull, "w") as devnull:
        seconds, _ = timed(
            lambda: call_command("export_timeline", story="summit", stdout=devnull),
            repeat=args.repeat,
        )
    row("export_timeline --format json", seconds)

    client = Client(HTTP_HOST="127.0.0.1")
    story = m.Story.objects.get(slug="summit")
    actor = story.actors.order_by("-events__id").first()
    pages = [
        ("timeline", f"/stories/{story.slug}/", {}),
        (
            "timeline, htmx fragment filtered by actor",
            f"/stories/{story.slug}/",
            {"actor": actor.slug, "HTTP_HX_REQUEST": "true"},
        ),
        ("event page", story.events.visible().first().get_absolute_url(), {}),
        ("actor page", actor.get_absolute_url(), {}),
    ]
    for label, url, params in pages:
        headers = {k: v for k, v in params.items() if k.startswith("HTTP_")}
        query = {k: v for k, v in params.items() if not k.startswith("HTTP_")}
        with count_queries() as counted:
            client.get(url, query, **headers)
        seconds, response = timed(
            lambda url=url, query=query, headers=headers: client.get(url, query, **headers),
            repeat=args.repeat,
        )
        row(
            f"GET {label}",
            seconds,
            f"{counted[0]} queries, status {response.status_code}",
        )

    sys.path.insert(0, str(ROOT / "tests"))
    from tests.factories import make_story

    big = make_story(500, slug="bench-500")
    url = f"/stories/{big.slug}/"
    with count_queries() as counted:
        client.get(url)
    seconds, _ = timed(lambda: client.get(url), repeat=args.repeat)
    row(
        "GET timeline, synthetic story of 500 events",
        seconds,
        f"{counted[0]} queries (100 a page)",
    )


if __name__ == "__main__":
    main()
