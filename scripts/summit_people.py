"""Dev check: actors and quotes of the seed articles, printed for a human to judge.

Splits each article into paragraphs and drops obvious non-body lines roughly (headings,
captions, a byline, FAQ sections, site furniture), standing in for the real cleaner.

    python scripts/summit_people.py [fixtures/articles/summit]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stories.nlp.actors import ArticleDocs, extract_actors  # noqa: E402
from stories.nlp.pipeline import load_pipeline  # noqa: E402
from stories.nlp.types import Block, CleanArticle  # noqa: E402


def rough_clean(text: str) -> CleanArticle:
    blocks: list[Block] = []
    author = None
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0).strip()
        if line.lower().startswith("frequently asked questions"):
            break  # FAQ answers are not the article's own reporting
        if line.lower().startswith("by "):
            author = line[3:].strip()
            continue
        sentence_like = re.search(r"[.!?\"”]$", line) and len(line.split()) > 6
        if not sentence_like or "[Photo" in line or line.startswith(("Read also", "See also")):
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        blocks.append(Block("body", line, start, start + len(line)))
    headline = text.strip().splitlines()[0]
    return CleanArticle(headline=headline, author=author, blocks=tuple(blocks))


def main(folder: str = "fixtures/articles/summit") -> None:
    nlp = load_pipeline()
    articles = []
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        clean = rough_clean(text)
        for b in clean.blocks:
            assert text[b.start : b.end] == b.text
        docs = tuple(
            zip(clean.body_blocks, nlp.pipe(b.text for b in clean.body_blocks), strict=True)
        )
        articles.append(ArticleDocs(path.name, clean, docs))
    index = extract_actors(articles)
    print("ACTORS")
    for a in index.actors:
        print(f"  {a.kind:12} {a.name:25} {', '.join(a.aliases)}")
    try:
        from stories.nlp.quotes import extract_quotes, group_variants
    except ImportError:
        return
    quotes = [q for art in articles for q in extract_quotes(art, index)]
    print("QUOTES")
    for q in group_variants(quotes):
        kind = "D" if q.direct else "I"
        via = " (via interpreter)" if q.via_interpreter else ""
        print(f"  [{q.variant_group}] {q.file[:3]} {kind} {q.speaker}{via} <{q.cue}> {q.text!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
