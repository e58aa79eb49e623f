"""Dev tool: run the extraction on a folder of article files and print the timeline.

python scripts/show_story.py fixtures/articles/summit
python scripts/show_story.py fixtures/articles/summit -v   # with each event's sources
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stories.nlp.pipeline import load_pipeline  # noqa: E402
from stories.nlp.reading import read_article_text  # noqa: E402
from stories.nlp.story import extract_story  # noqa: E402
from stories.nlp.topics import load_taxonomy  # noqa: E402
from stories.nlp.types import ArticleInput  # noqa: E402


def main(argv: list[str]) -> None:
    folder = Path(argv[0])
    inputs = [
        ArticleInput(file=p.name, text=read_article_text(p.read_bytes(), p.name))
        for p in sorted(folder.glob("*.txt"))
    ]
    nlp = load_pipeline()
    t0 = time.perf_counter()
    result = extract_story(inputs, nlp=nlp, taxonomy=load_taxonomy())
    elapsed = time.perf_counter() - t0
    for art in result.articles:
        print(f"{art.input.file}: published {art.published} ({art.published_basis})")
    for file, message in result.errors:
        print(f"ERROR {file}: {message}")
    print()
    for event in result.events:
        label = event.date.label if event.date else "undated"
        basis = event.date.basis[:3] if event.date else ""
        files = ",".join(sorted(s.file[:3] for s in event.sources))
        print(f"{label:11s} {basis} [{len(event.sources)}:{files:19s}] {event.title}")
        if "-v" in argv:
            for s in event.sources:
                d = s.date.label if s.date else "-"
                print(f"      {s.file[:3]} {d} {s.trigger}: {s.sentence[:110]}")
    print(f"\n{len(result.events)} events, {len(result.quotes)} quotes in {elapsed:.2f}s")


if __name__ == "__main__":
    main(sys.argv[1:])
