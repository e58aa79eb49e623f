"""Reader pages at three story sizes, side by side in one run; a benchmark, not a test.

Builds, in a database of its own (var/bench-pages.sqlite3, recreated each time, unless
DATABASE_URL is set): the summit story (ingested from fixtures/), a story of 200 articles from
164 outlets with 165 events and 159 actors, and a story of 10,003 events (rows written
directly, with article texts of realistic length). Then prints:

1. in-process timings (Django's test client, DEBUG off) per page: p50 and p95 with the cache
   emptied before each request ("cold") and with it filled ("warm", every page of every story
   taken in turn), bytes and queries, and a repeat with the ETag the page sent (a reload);
2. throughput under gunicorn (2 workers on 127.0.0.1, 4 client threads, a few seconds a URL,
   the URLs taken in turn for several rounds and the median kept, so that a busy machine
   weighs on all of them alike) of the timelines beside `/admin/login/` and a static file;
3. the issue's targets as ratios, each marked met or not.

    .venv/bin/python scripts/bench_pages.py [--repeat N] [--seconds S] [--rounds R]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench_env import use_production_settings  # noqa: E402

use_production_settings("bench-pages.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from stories import models as m  # noqa: E402
from stories import versions  # noqa: E402

SUMMIT = ROOT / "fixtures" / "articles" / "summit"
# Filler words for article texts and titles (the pages' cost does not depend on what they say).
WORDS = [
    "talks",
    "officials",
    "agreed",
    "ministers",
    "said",
    "delegation",
    "border",
    "trade",
    "sanctions",
    "visit",
    "summit",
    "leaders",
    "meeting",
    "capital",
    "reported",
    "agency",
    "weapons",
    "security",
    "council",
    "vote",
    "election",
    "protest",
    "launch",
    "treaty",
]


# --- the stories --------------------------------------------------------------------------


def _prose(rng: random.Random, words: int) -> str:
    out, sentence = [], []
    for _ in range(words):
        sentence.append(rng.choice(WORDS))
        if len(sentence) > rng.randint(12, 24):
            out.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    if sentence:
        out.append(" ".join(sentence).capitalize() + ".")
    return " ".join(out)


def build_story(
    slug: str, *, articles: int, outlets: int, events: int, actors: int, seed: int
) -> m.Story:
    """A story of the given shape, written with bulk inserts (no pipeline involved)."""
    rng = random.Random(seed)
    story = m.Story.objects.create(slug=slug, title=f"A story of {events:,} events")
    outlet_rows = m.Outlet.objects.bulk_create(
        [m.Outlet(name=f"{slug} Outlet {i}", slug=f"{slug}-outlet-{i}") for i in range(outlets)]
    )
    article_rows = []
    for i in range(articles):
        text = _prose(rng, 900)  # about 6 KB, as a wire story
        paragraphs = [(p.start(), p.end()) for p in _paragraphs(text)]
        article_rows.append(
            m.Article(
                story=story,
                file_name=f"{slug}-{i:03d}.txt",
                content_hash=str(i),
                outlet=outlet_rows[i % outlets],
                headline=_prose(rng, 12)[:120],
                raw_text=text,
                body=text,
                blocks=[{"kind": "body", "start": s, "end": e} for s, e in paragraphs],
                published=date(2024, 1, 1) + timedelta(days=i % 300),
                published_basis="manifest",
            )
        )
    article_rows = m.Article.objects.bulk_create(article_rows)
    actor_rows = m.Actor.objects.bulk_create(
        [
            m.Actor(story=story, name=f"Person {i} {rng.choice(WORDS).title()}", slug=f"p-{i}")
            for i in range(actors)
        ]
    )
    topics = [
        m.Topic.objects.get_or_create(slug=f"topic-{i}", defaults={"name": f"Topic {i}"})[0]
        for i in range(12)
    ]
    event_rows = []
    for _ in range(events):
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(400))
        event_rows.append(
            m.Event(
                story=story,
                title=_prose(rng, 10)[:100],
                date_start=day,
                date_end=day,
                granularity="day",
                date_basis="explicit",
                date_text=f"{day:%-d %B}",
            )
        )
    event_rows = m.Event.objects.bulk_create(event_rows, batch_size=2000)
    # Frequent actors are frequent (a few leaders in most events), as in real stories.
    weights = [1 / (k + 1) for k in range(actors)]
    through, topic_through, sources = [], [], []
    for event in event_rows:
        for actor in set(rng.choices(actor_rows, weights, k=rng.randint(1, 3))):
            through.append(m.Event.actors.through(event_id=event.pk, actor_id=actor.pk))
        for topic in set(rng.choices(topics, k=rng.randint(0, 2))):
            topic_through.append(m.Event.topics.through(event_id=event.pk, topic_id=topic.pk))
        for article in rng.sample(article_rows, rng.randint(1, 5)):
            start = rng.randrange(0, max(1, len(article.raw_text) - 200))
            sentence = article.raw_text[start : start + 160]
            sources.append(
                m.EventSource(
                    event_id=event.pk,
                    article_id=article.pk,
                    sentence=sentence,
                    sentence_key=m.text_key(f"{event.pk}-{sentence}"),
                    start=start,
                    end=start + 160,
                )
            )
    m.Event.actors.through.objects.bulk_create(through, batch_size=5000)
    m.Event.topics.through.objects.bulk_create(topic_through, batch_size=5000)
    m.EventSource.objects.bulk_create(sources, batch_size=5000)
    versions.bump(story)  # bulk inserts send no signals
    return m.Story.objects.get(pk=story.pk)


def _paragraphs(text: str):
    import re

    return re.finditer(r"(?:[^.]+\.){1,5}", text)


# --- in-process timings -------------------------------------------------------------------


@contextmanager
def count_queries():
    counted = [0]

    def wrapper(execute, sql, params, many, context):
        counted[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield counted


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """p50, p95 and the fastest (what a request costs when nothing else runs)."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[0]


def measure(client: Client, url: str, headers: dict, repeat: int) -> dict:
    """Cold timings (cache emptied first), bytes, queries and the 304 of a repeat."""
    cold = []
    for _ in range(repeat):
        cache.clear()
        start = time.perf_counter()
        client.get(url, **headers)
        cold.append(time.perf_counter() - start)
    cache.clear()
    with count_queries() as cold_queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    with count_queries() as warm_queries:
        client.get(url, **headers)
    etag = response.get("ETag", "")
    start = time.perf_counter()
    again = client.get(url, HTTP_IF_NONE_MATCH=etag, **headers)
    revalidate = time.perf_counter() - start
    return {
        "cold": percentiles(cold),
        "bytes": len(response.content),
        "queries": (cold_queries[0], warm_queries[0]),
        "304": (again.status_code, revalidate),
    }


def measure_warm(client: Client, pages: list[tuple[tuple, str, dict]], repeat: int) -> dict:
    """Warm timings of every page, taken in turn ``repeat`` times: a busy machine slows them
    alike, and the ratios between stories stay fair."""
    for _, url, headers in pages:
        client.get(url, **headers)  # fill the cache
    samples: dict[tuple, list[float]] = {key: [] for key, _, _ in pages}
    for _ in range(repeat):
        for key, url, headers in pages:
            start = time.perf_counter()
            client.get(url, **headers)
            samples[key].append(time.perf_counter() - start)
    return {key: percentiles(times) for key, times in samples.items()}


def pages_of(story: m.Story) -> list[tuple[str, str, dict]]:
    actor = story.actors.annotate(n=django.db.models.Count("events")).order_by("-n")[1]
    hx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TRIGGER": "timeline-filters"}
    base = f"/stories/{story.slug}/"
    return [
        ("timeline", base, {}),
        ("timeline, actor filter (fragment)", f"{base}?actor={actor.slug}", hx),
        ("timeline, page 2 (fragment)", f"{base}?page=2", {"HTTP_HX_REQUEST": "true"}),
        ("facet 'Show all' (fragment)", f"{base}facets/actor/", {"HTTP_HX_REQUEST": "true"}),
        ("event page", story.events.visible().first().get_absolute_url(), {}),
        ("actor page", f"{base}actors/{actor.slug}/", {}),
    ]


# --- throughput under gunicorn ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(port: int):
    env = dict(os.environ, DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="127.0.0.1")
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen(
        [str(gunicorn_bin), "newsroom.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def throughput(
    port: int, path: str, seconds: float, headers: dict, threads: int = 4
) -> tuple[float, int]:
    """Requests a second over keep-alive connections, and the status codes that were not 200."""
    done, bad = [0], [0]
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n = errors = 0
        while time.monotonic() < stop:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            n += 1
            errors += response.status != 200
        conn.close()
        with lock:
            done[0] += n
            bad[0] += errors

    # Warm each worker (its process cache, its database connection) before counting.
    for _ in range(4):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", path, headers=headers)
        conn.getresponse().read()
        conn.close()
    started = time.monotonic()
    stop = started + seconds
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return done[0] / (time.monotonic() - started), bad[0]


# --- the run ------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15, help="requests per timing")
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds a throughput URL")
    parser.add_argument("--rounds", type=int, default=3, help="throughput rounds (median)")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    print(f"database: {connection.vendor}; cache: {cache.__class__.__name__}")
    from stories.ingest import ingest

    t0 = time.perf_counter()
    ingest([SUMMIT], story_slug="summit")
    summit = m.Story.objects.get(slug="summit")
    mid = build_story("s200", articles=200, outlets=164, events=165, actors=159, seed=1)
    big = build_story("s10k", articles=200, outlets=60, events=10_003, actors=400, seed=2)
    print(f"stories built in {time.perf_counter() - t0:.1f} s")
    stories = [("summit", summit), ("200 articles", mid), ("10k events", big)]
    for label, story in stories:
        print(
            f"  {label:<13} {story.events.count():>6} events {story.actors.count():>4} actors "
            f"{story.articles.count():>4} articles "
            f"{m.Outlet.objects.filter(articles__story=story).distinct().count():>4} outlets"
        )

    client = Client(HTTP_HOST="127.0.0.1")
    results: dict[tuple[str, str], dict] = {}
    print(
        f"\n{'page':<36} {'story':<13} {'cold p50':>9} {'p95':>7} {'warm p50':>9} {'p95':>7}"
        f" {'KB':>7} {'queries':>8} {'repeat w/ ETag':>15}"
    )
    every = [
        ((page, label), url, headers)
        for label, story in stories
        for page, url, headers in pages_of(story)
    ]
    for key, url, headers in every:
        results[key] = measure(client, url, headers, args.repeat)
    for key, warm in measure_warm(client, every, args.repeat * 10).items():
        results[key]["warm"] = warm
    for (page, label), _, _ in every:
        r = results[(page, label)]
        status, seconds = r["304"]
        cold, warm = r["cold"], r["warm"]
        print(
            f"{page:<36} {label:<13} {cold[0] * 1000:>7.1f}ms {cold[1] * 1000:>5.1f}ms"
            f" {warm[0] * 1000:>7.1f}ms {warm[1] * 1000:>5.1f}ms"
            f" {r['bytes'] / 1024:>7.1f} {r['queries'][0]:>4}/{r['queries'][1]:<3}"
            f" {status} in {seconds * 1000:.1f}ms"
        )

    port = free_port()
    rates: dict[str, float] = {}
    print(
        f"\nthroughput under gunicorn, 2 workers, 4 client threads, {args.seconds:.0f} s a URL,"
        f" median of {args.rounds} rounds"
    )
    hx = {"HX-Request": "true", "HX-Trigger": "timeline-filters"}
    urls = [
        ("static file", "/static/css/newsroom.css", {}),
        ("/admin/login/", "/admin/login/", {}),
        ("timeline, summit", f"/stories/{summit.slug}/", {}),
        ("timeline, 200 articles", f"/stories/{mid.slug}/", {}),
        ("timeline, 10k events", f"/stories/{big.slug}/", {}),
        ("fragment, 10k events, actor filter", pages_of(big)[1][1], hx),
    ]
    samples: dict[str, list[float]] = {label: [] for label, _, _ in urls}
    failures: dict[str, int] = dict.fromkeys(samples, 0)
    with gunicorn(port):
        for _ in range(args.rounds):
            for label, path, headers in urls:
                rate, bad = throughput(port, path, args.seconds, headers)
                samples[label].append(rate)
                failures[label] += bad
    for label, rates_seen in samples.items():
        rates[label] = statistics.median(rates_seen)
    for label in samples:
        ratio = rates[label] / rates["/admin/login/"]
        note = f"  ({failures[label]} responses not 200)" if failures[label] else ""
        spread = f"{min(samples[label]):.0f}-{max(samples[label]):.0f}"
        print(
            f"  {label:<36} {rates[label]:>8.1f} req/s ({spread:>9})"
            f"  {ratio:>5.0%} of /admin/login/{note}"
        )

    def ms(page: str, label: str, kind: str = "warm", at: int = 0) -> float:
        return results[(page, label)][kind][at] * 1000

    targets = [
        ("10k timeline, full page, within 2x the summit's (warm p50)", "timeline"),
        (
            "10k timeline, filtered fragment, within 2x the summit's full page (warm p50)",
            "timeline, actor filter (fragment)",
        ),
    ]
    print("\ntargets")
    for label, page in targets:
        ratio = ms(page, "10k events") / ms("timeline", "summit")
        fastest = ms(page, "10k events", at=2) / ms("timeline", "summit", at=2)
        verdict = "met" if ratio <= 2.0 else "NOT MET"
        print(f"  {label:<78} {ratio:>5.2f}x  {verdict} (fastest: {fastest:.2f}x)")
    for label in ("timeline, 200 articles", "timeline, 10k events"):
        share = rates[label] / rates["/admin/login/"]
        verdict = "met" if share >= 0.25 else "NOT MET"
        print(f"  {label + ' throughput >= 25% of /admin/login/':<78} {share:>5.0%}  {verdict}")
    biggest = max(
        r["bytes"] for (page, _), r in results.items() if "fragment" in page and "facet" not in page
    )
    print(
        f"  {'largest filter fragment <= 60 KB':<78} {biggest / 1024:>5.1f} KB"
        f"  {'met' if biggest <= 60 * 1024 else 'NOT MET'}"
    )
    repeats = {r["304"][0] for r in results.values()}
    print(
        f"  {'a repeated request answered with 304':<78} {sorted(repeats)}"
        f"  {'met' if repeats == {304} else 'NOT MET'}"
    )
    cold = ms("timeline", "10k events", "cold") / ms("timeline", "summit", "cold")
    print(f"  (cold cache, for the record: 10k timeline / summit timeline = {cold:.1f}x)")


if __name__ == "__main__":
    main()
