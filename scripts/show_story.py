"""Dev tool: run the extraction on a folder of article files and print the timeline.

    python scripts/show_story.py fixtures/articles/summit

Until the actor and quote modules exist on this branch, ``--stand-in`` uses a crude NER-only
stand-in for them so the rest of the pipeline can be inspected.
"""

from __future__ import annotations

import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stories.nlp.pipeline import load_pipeline  # noqa: E402
from stories.nlp.reading import read_article_text  # noqa: E402
from stories.nlp.topics import load_taxonomy  # noqa: E402
from stories.nlp.types import Actor, ArticleInput, Mention  # noqa: E402


def _install_stand_in() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class ArticleDocs:
        file: str
        clean: object
        docs: tuple

    class Index:
        def __init__(self, articles):  # type: ignore[no-untyped-def]
            self._mentions: dict[str, list[Mention]] = {}
            names: dict[str, str] = {}
            for art in articles:
                ms = []
                for block, doc in art.docs:
                    for e in doc.ents:
                        if e.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                            start = block.start + e.start_char
                            ms.append(Mention(e.text, e.text, start, start + len(e.text)))
                            names[e.text] = e.label_
                self._mentions[art.file] = ms
            self.actors = tuple(Actor(n, "person") for n in sorted(names))

        def mentions(self, file):  # type: ignore[no-untyped-def]
            return tuple(self._mentions.get(file, ()))

        def actors_in(self, file, start, end):  # type: ignore[no-untyped-def]
            seen = []
            for m in self._mentions.get(file, ()):
                if start <= m.start < end and m.actor not in seen:
                    seen.append(m.actor)
            return tuple(seen)

        def resolve(self, surface):  # type: ignore[no-untyped-def]
            return surface

    actors = types.ModuleType("stories.nlp.actors")
    actors.ArticleDocs = ArticleDocs  # type: ignore[attr-defined]
    actors.extract_actors = lambda arts, decisions=None: Index(arts)  # type: ignore[attr-defined]
    quotes = types.ModuleType("stories.nlp.quotes")
    quotes.extract_quotes = lambda art, idx: []  # type: ignore[attr-defined]
    quotes.group_variants = lambda qs: list(qs)  # type: ignore[attr-defined]
    sys.modules["stories.nlp.actors"] = actors
    sys.modules["stories.nlp.quotes"] = quotes


def main(argv: list[str]) -> None:
    if "--stand-in" in argv:
        argv.remove("--stand-in")
        _install_stand_in()
    from stories.nlp.story import extract_story

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
