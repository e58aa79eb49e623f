"""What ingesting a story costs as it grows: a benchmark that prints figures, not a test.

For each size, in a process of its own (so peak memory is that size's), on a database of its own
(var/bench-ingest-N.sqlite3, recreated, unless DATABASE_URL is set), with stories made by
scripts/synthetic_news.py:

- bare ``nlp.pipe`` over exactly the texts ingest gives the model (one process, model loaded once);
- a full ingest, per stage: CPU seconds (this process and spaCy's worker processes), wall
  seconds and peak memory;
- adding one article to the stored story;

then the ratios the targets are stated in, sizes side by side.

    .venv/bin/python scripts/bench_ingest.py [--size 20 200 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from contextlib import contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def peak_rss_mib() -> float:
    """The process's peak resident memory since the last reset (VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    # Linux resets VmHWM to the current size when "5" is written here.
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def cpu_now() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class Stages:
    """CPU and wall seconds spent in each wrapped function, and the peak memory around it."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.peak: dict[str, float] = defaultdict(float)
        self.depth = 0

    def wrap(self, owner, name: str, label: str) -> None:
        real = getattr(owner, name)

        def timed(*args, **kwargs):
            self.depth += 1
            cpu, wall = cpu_now(), time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.cpu[label] += cpu_now() - cpu
                self.wall[label] += time.perf_counter() - wall
                self.peak[label] = max(self.peak[label], peak_rss_mib())
                self.depth -= 1

        setattr(owner, name, timed)

    def call(self, label: str, run):
        cpu, wall = cpu_now(), time.perf_counter()
        try:
            return run()
        finally:
            self.cpu[label] += cpu_now() - cpu
            self.wall[label] += time.perf_counter() - wall
            self.peak[label] = max(self.peak[label], peak_rss_mib())


@contextmanager
def measured(into: dict, key: str):
    reset_peak()
    cpu, wall = cpu_now(), time.perf_counter()
    yield
    into[key] = {
        "cpu": cpu_now() - cpu,
        "wall": time.perf_counter() - wall,
        "peak_mib": peak_rss_mib(),
    }


def one_size(n: int) -> dict:
    """Runs in its own process: the figures for a story of ``n`` articles."""
    from bench_env import use_production_settings

    use_production_settings(f"bench-ingest-{n}.sqlite3")
    import tempfile

    import django

    django.setup()
    import synthetic_news
    from django.conf import settings
    from django.core.management import call_command

    from stories import ingest as ingest_module
    from stories import parses
    from stories.nlp import actors, variants
    from stories.nlp import story as story_module
    from stories.nlp.pipeline import load_pipeline

    call_command("migrate", verbosity=0)
    articles = synthetic_news.story(n + 1)
    extra = articles.pop()
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
    for name, text, _entry in articles:
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps([e for _n, _t, e in articles]))
    (folder / extra[0]).write_text(extra[1], encoding="utf-8")
    result: dict = {"articles": n, "words": sum(len(t.split()) for _n, t, _e in articles)}

    nlp = load_pipeline(settings.SPACY_MODEL)  # once, for both runs
    from stories.nlp import types as t

    inputs = [t.ArticleInput(file=name, text=text) for name, text, _e in articles]
    texts = [x for a in inputs for x in (parses.block_texts(a, nlp) or [])]
    with measured(result, "bare_pipe"):
        for _doc in nlp.pipe(texts):
            pass

    stages = Stages()
    # spaCy runs in the worker processes, article by article, inside the first rule stage: its
    # CPU is counted there, into memory the workers share with this process.
    import multiprocessing

    spacy_cpu = {"parse": multiprocessing.Value("d", 0.0), "load": multiprocessing.Value("d", 0.0)}
    real_docs = story_module._docs

    def timed_docs(article, model):
        counter = spacy_cpu["parse" if article.blob is None else "load"]
        began = time.process_time()
        try:
            return real_docs(article, model)
        finally:
            with counter.get_lock():
                counter.value += time.process_time() - began

    story_module._docs = timed_docs
    # The articles' own rules run in worker processes: timed per stage, around all articles.
    real_each = story_module.each_article
    stage_names = {
        "own_reading": "spaCy parse + rules: date clues, names, dates",
        "passes": "rules: events, quotes (dates the story moved)",
    }

    def each_article(run, items, processes, **options):
        label = stage_names.get(run.__name__, run.__name__)
        return stages.call(label, lambda: list(real_each(run, items, processes, **options)))

    story_module.each_article = each_article
    stages.wrap(story_module, "fill_published_from_story", "story: publication dates")
    stages.wrap(actors, "resolve_actors", "story: actors")
    stages.wrap(story_module, "merge_candidates", "story: merge")
    stages.wrap(story_module, "link_quotes", "story: link quotes")
    stages.wrap(variants, "group_variants", "story: variant groups")
    stages.wrap(variants, "share_events", "story: share events")
    stages.wrap(story_module, "extract_story", "extract_story (all of it)")
    stages.wrap(ingest_module, "_write", "writes")

    with measured(result, "full"):
        report = ingest_module.ingest(
            [folder / name for name, _t, _e in articles],
            story_slug=f"bench-{n}",
            manifest=folder / "manifest.json",
        )
    result["full_summary"] = report.summary
    result["spacy_cpu"] = {k: v.value for k, v in spacy_cpu.items()}
    for counter in spacy_cpu.values():
        counter.value = 0.0
    result["stages"] = {
        label: {"cpu": stages.cpu[label], "wall": stages.wall[label], "peak": stages.peak[label]}
        for label in stages.cpu
    }
    for label in list(stages.cpu):
        stages.cpu[label] = stages.wall[label] = 0.0

    with measured(result, "add_one"):
        added = ingest_module.ingest(
            [folder / extra[0]], story_slug=f"bench-{n}", manifest=folder / "manifest.json"
        )
    result["add_summary"] = added.summary
    result["add_spacy_cpu"] = {k: v.value for k, v in spacy_cpu.items()}
    result["add_parsed"] = [added.parsed_now, added.parsed_before]
    result["add_ruled"] = [added.ruled_now, added.ruled_before]
    result["add_stages"] = {label: {"cpu": stages.cpu[label]} for label in stages.cpu}
    result["children_peak_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def print_size(r: dict) -> None:
    n = r["articles"]
    print(f"\n== {n} articles, {r['words']:,} words ==")
    print(f"  {r['full_summary']}")
    print(f"  {'stage':<34} {'CPU s':>8} {'wall s':>8} {'peak MiB':>9}")
    for label, s in r["stages"].items():
        print(f"  {label:<34} {s['cpu']:>8.2f} {s['wall']:>8.2f} {s['peak']:>9.0f}")
    spacy = r["spacy_cpu"]
    print(
        f"  {'  of which spaCy parsing (workers)':<34} {spacy['parse']:>8.2f}"
        f"\n  {'  and reading stored parses':<34} {spacy['load']:>8.2f}"
    )
    for key, label in (
        ("bare_pipe", "bare nlp.pipe, 1 process"),
        ("full", "full ingest"),
        ("add_one", "add one article"),
    ):
        s = r[key]
        print(f"  {label:<34} {s['cpu']:>8.2f} {s['wall']:>8.2f} {s['peak_mib']:>9.0f}")
    parsed_now, parsed_before = r["add_parsed"]
    ruled_now, ruled_before = r["add_ruled"]
    print(
        f"  adding one: {r['add_summary']}; spaCy read {parsed_now}, reused {parsed_before}; "
        f"rules ran for {ruled_now}, kept for {ruled_before}; "
        "its CPU by stage: "
        + ", ".join(
            f"{label} {s['cpu']:.2f}" for label, s in r["add_stages"].items() if s["cpu"] >= 0.05
        )
    )
    print(f"  peak of spaCy's worker processes: {r['children_peak_mib']:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, nargs="+", default=[20, 200, 2000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
        return

    print(f"cores: {os.cpu_count()}; CPU s count this process and spaCy's worker processes")
    results = []
    for n in args.size:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print_size(results[-1])

    print("\n== ratios (targets: ingest/pipe <= 1.3; add one <= 10%; peak < 1024 MiB) ==")
    print(
        f"  {'articles':>8} {'ingest/pipe wall':>17} {'ingest/pipe CPU':>16} "
        f"{'add one/full wall':>18} {'peak MiB':>9}"
    )
    for r in results:
        full, pipe, add = r["full"], r["bare_pipe"], r["add_one"]
        peak = max(full["peak_mib"], add["peak_mib"])
        print(
            f"  {r['articles']:>8} {full['wall'] / pipe['wall']:>17.2f} "
            f"{full['cpu'] / pipe['cpu']:>16.2f} {add['wall'] / full['wall']:>18.1%} {peak:>9.0f}"
        )
    by_size = {r["articles"]: r for r in results}
    if 200 in by_size and 2000 in by_size:
        small, large = by_size[200]["full"]["wall"], by_size[2000]["full"]["wall"]
        print(
            f"  2,000 vs 200 articles: full ingest {large / small:.1f}x the time "
            f"for 10x the articles ({large / small / 10:.2f}x per article; target for each "
            "doubling <= 2.2x, i.e. <= 13.8x over 10x)"
        )


if __name__ == "__main__":
    main()
