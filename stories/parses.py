"""spaCy's reading of each article, kept in the database so that an article is parsed once.

Parsing is most of what ingestion costs and depends on nothing but the article's own text, the
model and spaCy's version: those make the key a stored parse is used for. Everything that depends
on the story (publication dates, actors, merging, variants) runs again over the stored parses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import spacy
from spacy.language import Language

from stories import models as m
from stories.nlp import types as t
from stories.nlp.clean import clean_article
from stories.nlp.story import fit_to_model


class StoredBlobs(Mapping[str, bytes]):
    """Stored parses (DocBin bytes) by file, read from the database only when asked for: an
    article whose reading is kept needs no parse at all."""

    def __init__(self) -> None:
        self._rows: dict[str, int] = {}  # file -> ArticleParse id

    def add(self, file: str, row_id: int) -> None:
        self._rows[file] = row_id

    def __getitem__(self, file: str) -> bytes:
        row = self._rows[file]
        return bytes(m.ArticleParse.objects.values_list("docs", flat=True).get(pk=row))

    def __contains__(self, file: object) -> bool:
        # Mapping's own test would read the bytes from the database to answer.
        return file in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@dataclass
class StoryParses:
    """Which stored parses still fit (by the key of their texts), and each article's key."""

    stored: StoredBlobs = field(default_factory=StoredBlobs)
    keys: dict[str, str] = field(default_factory=dict)  # file -> the key its texts give now
    made: dict[str, bytes] = field(default_factory=dict)  # file -> a parse made in this run

    @property
    def reused(self) -> int:
        return len(self.stored)

    @property
    def fresh(self) -> dict[str, tuple[str, bytes]]:
        """The parses made in this run, with their keys, ready to be saved."""
        return {f: (self.keys[f], blob) for f, blob in self.made.items() if f in self.keys}


def parse_key(nlp: Language, texts: Sequence[str], model: str | None = None) -> str:
    """``model``: ``model_name(nlp)``, when the caller has it (spaCy works ``nlp.meta`` out
    afresh on every access: a millisecond an article)."""
    digest = hashlib.sha256((model or model_name(nlp)).encode())
    for text in texts:
        digest.update(len(text).to_bytes(8, "big"))
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def model_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} spacy {spacy.__version__}"


def block_texts(article: t.ArticleInput, nlp: Language) -> list[str] | None:
    """The texts the pipeline gives the model for this article, or None when it cannot say
    (the pipeline then parses the article itself and reports what is wrong with it)."""
    try:
        return [
            b.text for b in fit_to_model(clean_article(article.text), nlp.max_length).body_blocks
        ]
    except Exception:
        return None


def stored_for(story: m.Story | None) -> dict[str, tuple[str, int]]:
    """The key of each article's stored parse and its row, by file (the Docs stay in the
    database until an article's rules ask for them)."""
    if story is None:
        return {}
    rows = m.ArticleParse.objects.filter(article__story=story).values_list(
        "article__file_name", "key", "pk"
    )
    return {name: (key, pk) for name, key, pk in rows}


def plan(
    inputs: Iterable[t.ArticleInput],
    nlp: Language,
    stored: dict[str, tuple[str, int]],
    known: dict[str, list[str]] | None = None,
) -> StoryParses:
    """Each article's parse key, and its stored parse where the key still matches; the others
    are parsed by the pipeline as it needs them. ``known`` gives, by file, block texts already
    known for the article's text (it is not cleaned again for them)."""
    result = StoryParses()
    model = model_name(nlp)
    for art in inputs:
        texts = (known or {}).get(art.file) or block_texts(art, nlp)
        if texts is None:
            continue
        key = result.keys[art.file] = parse_key(nlp, texts, model)
        kept = stored.get(art.file)
        if kept is not None and kept[0] == key:
            result.stored.add(art.file, kept[1])
    return result


def save(articles: dict[str, m.Article], fresh: dict[str, tuple[str, bytes]]) -> None:
    """Keep the parses made in this run with their articles (inside the run's transaction)."""
    for file, (key, blob) in fresh.items():
        article = articles.get(file)
        if article is not None:
            m.ArticleParse.objects.update_or_create(
                article=article, defaults={"key": key, "docs": blob}
            )
