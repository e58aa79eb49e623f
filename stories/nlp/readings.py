"""What the pipeline derives from one article alone, kept so that a later run of the story need
not read the article again.

A story is extracted again whenever an article is added; the story-level steps (publication-date
inference, actors, merging, variants) must see every article, but what each article's rules find
mostly does not change. A reading keeps those results, and a rule pass that asked the story
something (who a name means, who is mentioned where) keeps its questions with the answers: the
pass is re-used only while the story still answers every question the same way. The rules are
deterministic, so the re-used result is exactly what running them again would give.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import spacy
from spacy.language import Language

from .actors import ArticleNames
from .dates import DateMention
from .published import PublishedEvidence
from .types import ActorKind, ArticleInput, CleanArticle, Mention

# (method, arguments) -> the answer given.
Asked = dict[tuple[str, tuple[Any, ...]], Any]


@dataclass
class Recorded:
    """One rule pass's result over an article, the day it was dated against, and what it asked."""

    day: date | None
    asked: Asked
    value: tuple[Any, ...]

    def holds(self, day: date | None, story: Any) -> bool:
        """Whether ``story`` (the actors of this run) answers every question as before."""
        return day == self.day and all(
            getattr(story, method)(*args) == answer for (method, args), answer in self.asked.items()
        )


@dataclass
class ArticleReading:
    """One article's own results: kept between runs, valid for ``key`` only."""

    key: str
    clean: CleanArticle  # blocks already cut to the model's limit
    evidence: PublishedEvidence
    names: ArticleNames
    # Date mentions, by the publication date they were resolved against (the latest only).
    dates: dict[date | None, tuple[DateMention, ...]] = field(default_factory=dict)
    events: Recorded | None = None
    quotes: Recorded | None = None
    # Set when this run derived something new, so the caller knows to store the reading again.
    changed: bool = True


def model_id(nlp: Language) -> str:
    """The model as a reading depends on it: its name, version, components and length limit,
    and spaCy's version (which can change the parse)."""
    meta = nlp.meta
    name = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    return f"{name} {'+'.join(nlp.pipe_names)} {nlp.max_length} spacy {spacy.__version__}"


def reading_key(article: ArticleInput, model: str) -> str:
    """What an article's reading depends on besides the pipeline's code: its text, the
    publication date its manifest gives and the model (``model_id``)."""
    digest = hashlib.sha256(model.encode())
    digest.update(str(article.published).encode())
    digest.update(article.text.encode("utf-8"))
    return digest.hexdigest()


class RecordingLookup:
    """The story's actors as a rule pass sees them, keeping each question and its answer."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self.asked: Asked = {}

    def _ask(self, method: str, *args: Any) -> Any:
        key = (method, args)
        if key not in self.asked:
            self.asked[key] = getattr(self._index, method)(*args)
        return self.asked[key]

    def actors_in(self, file: str, start: int, end: int) -> tuple[str, ...]:
        return self._ask("actors_in", file, start, end)

    def resolve(self, surface: str) -> str | None:
        return self._ask("resolve", surface)

    def mention_at(self, file: str, start: int, end: int) -> Mention | None:
        return self._ask("mention_at", file, start, end)

    def mentions(self, file: str) -> tuple[Mention, ...]:
        return self._ask("mentions", file)

    def kind(self, name: str) -> ActorKind | None:
        return self._ask("kind", name)


def recorded(
    previous: Recorded | None, day: date | None, story: Any, run: Callable[[Any], list[Any]]
) -> tuple[Recorded, bool]:
    """The previous result when the story still answers its questions alike, else ``run``'s
    (given a recording view of the story); True when it ran."""
    if previous is not None and previous.holds(day, story):
        return previous, False
    lookup = RecordingLookup(story)
    value = tuple(run(lookup))
    return Recorded(day, lookup.asked, value), True


def known_blocks(
    readings: dict[str, ArticleReading], inputs: list[ArticleInput], nlp: Language
) -> dict[str, list[str]]:
    """The texts each article gives the model, by file, where a kept reading of that very text
    says them: a run need not clean an article again to see that its stored parse still fits."""
    model = model_id(nlp)
    found: dict[str, list[str]] = {}
    for art in inputs:
        kept = readings.get(art.file)
        if kept is not None and kept.key == reading_key(art, model):
            found[art.file] = [b.text for b in kept.clean.body_blocks]
    return found
