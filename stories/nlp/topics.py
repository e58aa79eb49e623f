"""A small, general news taxonomy: which subjects a sentence or an article is about.

The taxonomy lives in a fixture so editors can extend it without touching code; a topic matches
on lemmas (so "sanctions" and "sanctioned" both count) or on lower-cased multiword phrases.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.tokens import Doc, Span

from .stems import stem

DEFAULT_TAXONOMY = Path(__file__).resolve().parents[2] / "fixtures" / "topics.json"


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    lemmas: frozenset[str]
    phrases: tuple[str, ...] = ()

    @cached_property
    def phrase_pattern(self) -> re.Pattern[str] | None:
        """Any of the phrases as whole words: one search instead of one a phrase."""
        if not self.phrases:
            return None
        return re.compile(rf"\b(?:{'|'.join(re.escape(p) for p in self.phrases)})\b")

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(stem(lemma) for lemma in self.lemmas)


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]

    def topics_for(self, source: Doc | Span | str) -> tuple[str, ...]:
        """Slugs of the topics ``source`` mentions, in taxonomy order."""
        if isinstance(source, str):
            # Plain strings come from headlines and titles, with no parse to give lemmas: their
            # words and the topics' lemmas are compared by stem.
            stems = {stem(w) for w in re.findall(r"[a-z][a-z-]*", source.lower())}
            text = source.lower()

            def named(topic: Topic) -> bool:
                return bool(stems & topic.stems)
        else:
            words = {t.lemma_.lower() for t in source} | {t.lower_ for t in source}
            text = source.text.lower()

            def named(topic: Topic) -> bool:
                return bool(words & topic.lemmas)

        found = []
        for topic in self.topics:
            pattern = topic.phrase_pattern
            if named(topic) or (pattern is not None and pattern.search(text)):
                found.append(topic.slug)
        return tuple(found)


def load_taxonomy(path: Path | str = DEFAULT_TAXONOMY) -> Taxonomy:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Taxonomy(
        tuple(
            Topic(
                slug=t["slug"],
                name=t["name"],
                lemmas=frozenset(w.lower() for w in t.get("lemmas", ())),
                phrases=tuple(p.lower() for p in t.get("phrases", ())),
            )
            for t in data["topics"]
        )
    )


def topics_for(source: Doc | Span | str, taxonomy: Taxonomy) -> tuple[str, ...]:
    return taxonomy.topics_for(source)
