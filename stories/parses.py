"""spaCy's reading of each article, kept in the database so that an article is parsed once.

Parsing is most of what ingestion costs and depends on nothing but the article's own text, the
model and spaCy's version: those make the key a stored parse is used for. Everything that depends
on the story (publication dates, actors, merging, variants) runs again over the stored parses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from stories import models as m
from stories.nlp import types as t
from stories.nlp.clean import clean_article
from stories.nlp.story import fit_to_model

# spaCy's worker processes cost a model's start-up each; below this many articles to parse they
# cost more than they save on a two-core machine (see scripts/benchmark.py).
PARALLEL_FROM = 40
# Blocks per batch handed to the model (spaCy's default is 1,000; smaller batches bound the
# memory a worker process holds).
BATCH_SIZE = 256

ArticleDone = Callable[[int, int], None]


class StoredDocs(Mapping[str, list[Doc]]):
    """Docs by file: those parsed in this run, and stored ones read back from the database only
    when asked for (an article whose reading is kept needs no Docs at all)."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp
        self._parsed: dict[str, list[Doc]] = {}
        self._stored: dict[str, int] = {}  # file -> ArticleParse id

    def add(self, file: str, docs: list[Doc]) -> None:
        self._parsed[file] = docs

    def add_stored(self, file: str, row_id: int) -> None:
        self._stored[file] = row_id

    def __getitem__(self, file: str) -> list[Doc]:
        if file in self._parsed:
            return self._parsed[file]
        if file not in self._stored or self._nlp is None:
            raise KeyError(file)
        blob = m.ArticleParse.objects.values_list("docs", flat=True).get(pk=self._stored[file])
        return list(DocBin().from_bytes(bytes(blob)).get_docs(self._nlp.vocab))

    def __iter__(self) -> Iterator[str]:
        yield from self._parsed
        yield from (f for f in self._stored if f not in self._parsed)

    def __len__(self) -> int:
        return len(self._parsed.keys() | self._stored.keys())


@dataclass
class StoryParses:
    """The Docs of each article's body blocks, and which of them were parsed in this run."""

    docs: StoredDocs = field(default_factory=StoredDocs)
    fresh: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # file -> (key, DocBin)
    reused: int = 0


def parse_key(nlp: Language, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(
        f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')} "
        f"spacy {spacy.__version__}".encode()
    )
    for text in texts:
        digest.update(len(text).to_bytes(8, "big"))
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()


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


def parse_story(
    inputs: Iterable[t.ArticleInput],
    nlp: Language,
    stored: dict[str, tuple[str, int]],
    on_article: ArticleDone | None = None,
    processes: int = 2,
    known: dict[str, list[str]] | None = None,
) -> StoryParses:
    """Docs for every article: from its stored parse when the key matches, else parsed now, all
    new articles in one stream (over both cores when there are many). ``known`` gives, by file,
    block texts already known for the article's text (it is not cleaned again for them)."""
    result = StoryParses(StoredDocs(nlp))
    todo: list[tuple[str, str, list[str]]] = []
    for art in inputs:
        texts = (known or {}).get(art.file) or block_texts(art, nlp)
        if texts is None:
            continue
        key = parse_key(nlp, texts)
        kept = stored.get(art.file)
        if kept is not None and kept[0] == key:
            result.docs.add_stored(art.file, kept[1])
            result.reused += 1
        else:
            todo.append((art.file, key, texts))

    flat = [(i, text) for i, (_f, _k, texts) in enumerate(todo) for text in texts]
    n_process = processes if len(todo) >= PARALLEL_FROM else 1
    docs_of: list[list[Doc]] = [[] for _ in todo]
    remaining = [len(texts) for _f, _k, texts in todo]
    done = 0
    report = on_article or (lambda _n, _total: None)
    for (i, _text), doc in zip(
        flat,
        nlp.pipe((text for _i, text in flat), n_process=n_process, batch_size=BATCH_SIZE),
        strict=True,
    ):
        docs_of[i].append(doc)
        remaining[i] -= 1
        if remaining[i] == 0:
            done += 1
            report(done, len(todo))
    for (file, key, texts), docs in zip(todo, docs_of, strict=True):
        if not texts:
            done += 1
            report(done, len(todo))
        result.docs.add(file, docs)
        blob = DocBin(store_user_data=True)
        for doc in docs:
            blob.add(doc)
        result.fresh[file] = (key, blob.to_bytes())
    return result


def save(articles: dict[str, m.Article], fresh: dict[str, tuple[str, bytes]]) -> None:
    """Keep the parses made in this run with their articles (inside the run's transaction)."""
    for file, (key, blob) in fresh.items():
        article = articles.get(file)
        if article is not None:
            m.ArticleParse.objects.update_or_create(
                article=article, defaults={"key": key, "docs": blob}
            )
