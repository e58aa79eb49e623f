"""Build pipeline inputs from small test texts: blank-line separated paragraphs are body blocks."""

from __future__ import annotations

import re

from spacy.language import Language

from stories.nlp.actors import ArticleDocs
from stories.nlp.types import Block, CleanArticle, DateValue, EventCandidate


def make_article(
    nlp: Language, text: str, file: str = "a.txt", author: str | None = None
) -> ArticleDocs:
    blocks = tuple(
        Block("body", m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
    )
    clean = CleanArticle(headline="", author=author, blocks=blocks)
    docs = tuple((b, nlp(b.text)) for b in blocks)
    return ArticleDocs(file, clean, docs)


def report(
    file: str,
    sentence: str,
    date: DateValue | None = None,
    *,
    actors: tuple[str, ...] = ("Harbour Union",),
    trigger: str = "sign",
    **fields: object,
) -> EventCandidate:
    """An event candidate whose sentence is its own title, for the merging rules."""
    return EventCandidate(
        file=file,
        sentence=sentence,
        start=0,
        end=len(sentence),
        title=sentence.rstrip("."),
        date=date,
        actors=actors,
        trigger=trigger,
        **fields,  # type: ignore[arg-type]
    )
