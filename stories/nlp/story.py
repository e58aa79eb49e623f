"""One story's articles in, one sourced timeline out: the orchestration of the pure pipeline."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .clean import clean_article
from .dates import (
    DateMention,
    PublishedGuess,
    dates_in_doc,
    fill_published_from_story,
    infer_published,
    main_event_day,
)
from .events import extract_events
from .merge import merge_candidates
from .topics import Taxonomy
from .types import (
    ArticleExtraction,
    ArticleInput,
    Block,
    CleanArticle,
    Decisions,
    Event,
    EventCandidate,
    Quote,
    StoryExtraction,
)

Progress = Callable[[str, int, int], None]
_NO_DECISIONS = Decisions()


def extract_story(
    inputs: Sequence[ArticleInput],
    *,
    nlp: Language,
    taxonomy: Taxonomy,
    decisions: Decisions = _NO_DECISIONS,
    progress: Progress | None = None,
) -> StoryExtraction:
    """Extract events, actors and quotes from all articles of one story.

    A failure in one article is recorded in ``errors`` and the other articles go on.
    """
    # Imported here so the rest of the core stays usable on its own.
    from .actors import ArticleDocs, extract_actors
    from .quotes import extract_quotes, group_variants, share_events

    report = progress or (lambda _stage, _done, _total: None)
    errors: list[tuple[str, str]] = []
    total = len(inputs)

    cleaned: list[tuple[ArticleInput, CleanArticle]] = []
    for n, art in enumerate(inputs, 1):
        try:
            cleaned.append((art, clean_article(art.text)))
        except Exception as exc:  # one broken page must not sink the story
            errors.append((art.file, f"could not split the page into blocks: {exc}"))
        report("clean", n, total)

    # One pass of the model over every body block of every article.
    jobs = [(i, b) for i, (_, c) in enumerate(cleaned) for b in c.body_blocks]
    docs_of: list[list[tuple[Block, Doc]]] = [[] for _ in cleaned]
    for n, ((i, block), doc) in enumerate(
        zip(jobs, nlp.pipe(b.text for _, b in jobs), strict=True), 1
    ):
        docs_of[i].append((block, doc))
        if n % 20 == 0 or n == len(jobs):
            report("parse", n, len(jobs))

    guesses = [
        infer_published(c, docs_of[i], manifest=art.published) for i, (art, c) in enumerate(cleaned)
    ]
    guesses = fill_published_from_story(guesses)

    mentions_of: list[list[DateMention]] = []
    for i, (art, _clean) in enumerate(cleaned):
        mentions_of.append(_date_mentions(docs_of[i], guesses[i], art))

    articles_docs = [
        ArticleDocs(file=art.file, clean=c, docs=tuple(docs_of[i]))
        for i, (art, c) in enumerate(cleaned)
    ]
    actor_index = extract_actors(articles_docs, decisions)
    report("actors", 1, 1)

    candidates: list[EventCandidate] = []
    quotes: list[Quote] = []
    extractions: list[ArticleExtraction] = []
    failed: set[str] = set()
    for i, (art, c) in enumerate(cleaned):
        try:
            dct = guesses[i].date
            context = None
            if dct is not None:
                lede_end = docs_of[i][0][0].end if docs_of[i] else 0
                context = main_event_day(mentions_of[i], lede_end, dct)
            candidates += extract_events(
                art.file, docs_of[i], mentions_of[i], context, actor_index, taxonomy
            )
            quotes += extract_quotes(articles_docs[i], actor_index)
        except Exception as exc:
            failed.add(art.file)
            errors.append((art.file, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        extractions.append(
            ArticleExtraction(
                input=art,
                clean=c,
                published=guesses[i].date,
                published_basis=guesses[i].basis,
                outlet=art.outlet,
                mentions=actor_index.mentions(art.file),
                date_mentions=tuple((m.start, m.end, m.value) for m in mentions_of[i]),
            )
        )
        report("events", i + 1, len(cleaned))

    candidates = [c for c in candidates if c.file not in failed]
    events = merge_candidates(candidates, {a.name: a.kind for a in actor_index.actors})
    linked = [replace(q, event=link_quote(q, events)) for q in quotes if q.file not in failed]
    grouped = share_events(
        group_variants(
            linked,
            texts={a.file: a.text for a, _ in cleaned},
            event_days=[e.date.label if e.date else None for e in events],
        )
    )
    report("done", 1, 1)
    return StoryExtraction(
        articles=tuple(extractions),
        actors=actor_index.actors,
        events=tuple(events),
        quotes=tuple(grouped),
        errors=tuple(errors),
    )


def _date_mentions(
    docs: Sequence[tuple[Block, Doc]], guess: PublishedGuess, art: ArticleInput
) -> list[DateMention]:
    if guess.date is None:
        return []
    # Relative words ("hours before") refer to the day the lede is about: resolve twice.
    first = [m for block, doc in docs for m in dates_in_doc(doc, block.start, guess.date)]
    lede_end = docs[0][0].end if docs else 0
    reference = main_event_day(first, lede_end, guess.date).start
    if reference == guess.date:
        return first
    return [
        m
        for block, doc in docs
        for m in dates_in_doc(doc, block.start, guess.date, reference=reference)
    ]


def link_quote(quote: Quote, events: Sequence[Event]) -> int | None:
    """The event a remark was made at: its sentence is the event's evidence in the same article,
    or the sentence next to evidence of an event the speaker takes part in, or it is the
    speaker's only event of the article's main day."""
    best: tuple[int, int] | None = None
    for idx, event in enumerate(events):
        for src in event.sources:
            if src.file != quote.file:
                continue
            gap = max(src.start - quote.sentence_end, quote.sentence_start - src.end, 0)
            if gap > 2 or (gap > 0 and quote.speaker not in event.actors):
                continue  # a neighbouring sentence about something the speaker is no part of
            if best is None or gap < best[0]:
                best = (gap, idx)
    if best is not None:
        return best[1]
    if quote.speaker is None:
        return None
    # A remark restated further down an article was folded into the event of its first telling:
    # the speaker's event in this article whose evidence shares most of the remark's words.
    words = _content_words(quote.text) - _content_words(quote.speaker)
    overlaps = sorted(
        (
            max(
                len(words & _content_words(s.sentence))
                for s in event.sources
                if s.file == quote.file
            ),
            idx,
        )
        for idx, event in enumerate(events)
        if quote.speaker in event.actors and any(s.file == quote.file for s in event.sources)
    )
    if (
        overlaps
        and overlaps[-1][0] > 0
        and (len(overlaps) == 1 or overlaps[-2][0] < overlaps[-1][0])
    ):
        return overlaps[-1][1]
    same_day = [
        idx
        for idx, event in enumerate(events)
        if quote.speaker in event.actors
        and any(
            s.file == quote.file and s.date and s.date.basis == "context" for s in event.sources
        )
    ]
    return same_day[0] if len(same_day) == 1 else None


def _content_words(text: str) -> set[str]:
    # Short words are mostly function words; four letters and up carry the content.
    return {w for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) >= 4}


def published_dates(extraction: StoryExtraction) -> dict[str, date | None]:
    return {a.input.file: a.published for a in extraction.articles}
