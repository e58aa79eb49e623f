"""One story's articles in, one sourced timeline out: the orchestration of the pure pipeline."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from .clean import clean_article
from .dates import DateMention, dates_in_doc, main_event_day
from .events import extract_events
from .linking import link_quotes
from .merge import merge_candidates
from .outlets import outlet_from_text
from .published import PublishedEvidence, PublishedGuess, fill_published_from_story, read_evidence
from .topics import Taxonomy
from .types import (
    NO_DECISIONS,
    Actor,
    ArticleExtraction,
    ArticleInput,
    Block,
    CleanArticle,
    Decisions,
    EventCandidate,
    Quote,
    StoryExtraction,
)

if TYPE_CHECKING:
    from .actors import ActorIndex, ArticleDocs


Progress = Callable[[str, int, int], None]
# Where an over-long paragraph may be cut for the model: after a sentence, else at a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+|\n\s*")


@dataclass
class _Article:
    """One article on its way through the pipeline."""

    input: ArticleInput
    clean: CleanArticle
    docs: list[tuple[Block, Doc]] = field(default_factory=list)
    guess: PublishedGuess = PublishedGuess(None, "unknown")
    evidence: PublishedEvidence | None = None
    mentions: list[DateMention] = field(default_factory=list)


def extract_story(
    inputs: Sequence[ArticleInput],
    *,
    nlp: Language,
    taxonomy: Taxonomy,
    decisions: Decisions = NO_DECISIONS,
    progress: Progress | None = None,
    parsed_docs: Mapping[str, Sequence[Doc]] | None = None,
) -> StoryExtraction:
    """Extract events, actors and quotes from all articles of one story.

    A failure in one article is recorded in ``errors`` and the other articles go on.
    ``parsed_docs`` may give, by file, the Docs of an article's body blocks (as ``fit_to_model``
    cuts them) parsed earlier by ``nlp``, so a stored parse is not parsed again.
    """
    # Imported here so the rest of the core stays usable on its own.
    from .actors import ArticleDocs
    from .quotes import extract_quotes
    from .variants import group_variants, share_events

    report = progress or (lambda _stage, _done, _total: None)
    errors: list[tuple[str, str]] = []
    total = len(inputs)

    cleaned: list[_Article] = []
    for n, art in enumerate(inputs, 1):
        try:
            cleaned.append(_Article(art, clean_article(art.text)))
        except Exception as exc:  # one broken page must not sink the story
            errors.append((art.file, f"could not split the page into blocks: {exc}"))
        report("clean", n, total)

    parsed: list[_Article] = []
    for n, a in enumerate(cleaned, 1):
        try:
            a.clean = fit_to_model(a.clean, nlp.max_length)
            blocks = a.clean.body_blocks
            given = (parsed_docs or {}).get(a.input.file)
            docs = nlp.pipe(b.text for b in blocks) if given is None else given
            a.docs = list(zip(blocks, docs, strict=True))
            a.evidence = read_evidence(a.clean, a.docs, manifest=a.input.published)
            a.guess = a.evidence.guess
        except Exception as exc:
            errors.append((a.input.file, f"could not parse the text: {_describe(exc)}"))
        else:
            parsed.append(a)
        report("parse", n, len(cleaned))

    story_dates = fill_published_from_story([a.evidence or a.guess for a in parsed])
    for a, guess in zip(parsed, story_dates, strict=True):
        a.guess = guess
    dated: list[_Article] = []
    for a in parsed:
        try:
            a.mentions = _date_mentions(a.docs, a.guess, a.input)
        except Exception as exc:
            errors.append((a.input.file, f"could not read the dates: {_describe(exc)}"))
        else:
            dated.append(a)

    articles_docs = [
        ArticleDocs(file=a.input.file, clean=a.clean, docs=tuple(a.docs)) for a in dated
    ]
    actor_index, articles_docs = _actors_of(articles_docs, decisions, errors)
    kept = {d.file for d in articles_docs}
    arts = [a for a in dated if a.input.file in kept]
    report("actors", 1, 1)

    candidates: list[EventCandidate] = []
    quotes: list[Quote] = []
    extractions: list[ArticleExtraction] = []
    failed: set[str] = set()
    for i, a in enumerate(arts):
        art = a.input
        try:
            dct = a.guess.date
            context = None
            if dct is not None:
                lede_end = a.docs[0][0].end if a.docs else 0
                context = main_event_day(a.mentions, lede_end, dct)
            candidates += extract_events(
                art.file, a.docs, a.mentions, context, actor_index, taxonomy
            )
            quotes += extract_quotes(articles_docs[i], actor_index)
        except Exception as exc:
            failed.add(art.file)
            errors.append((art.file, f"extraction failed: {_describe(exc)}"))
            continue
        extractions.append(
            ArticleExtraction(
                input=art,
                clean=a.clean,
                published=a.guess.date,
                published_basis=a.guess.basis,
                outlet=art.outlet or outlet_from_text(art.text),
                mentions=actor_index.mentions(art.file),
                date_mentions=tuple((m.start, m.end, m.value) for m in a.mentions),
            )
        )
        report("events", i + 1, len(arts))

    candidates = [c for c in candidates if c.file not in failed]
    events = merge_candidates(candidates, {a.name: a.kind for a in actor_index.actors})
    linked = link_quotes([q for q in quotes if q.file not in failed], events)
    grouped = share_events(
        group_variants(
            linked,
            texts={a.input.file: a.input.text for a in arts},
            event_days=[e.date.label if e.date else None for e in events],
        )
    )
    report("done", 1, 1)
    return StoryExtraction(
        articles=tuple(extractions),
        actors=_with_unnamed_speakers(actor_index.actors, grouped),
        events=tuple(events),
        quotes=tuple(grouped),
        errors=tuple(errors),
    )


def _with_unnamed_speakers(actors: Sequence[Actor], quotes: Sequence[Quote]) -> tuple[Actor, ...]:
    """The story's actors and the speakers it describes without naming ("a senior official")."""
    from .quotes import unnamed_speaker_kind

    known = {a.name for a in actors}
    described = sorted({q.speaker for q in quotes if q.speaker and q.speaker not in known})
    return (*actors, *(Actor(name, unnamed_speaker_kind(name)) for name in described))


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def _actors_of(
    articles: list[ArticleDocs], decisions: Decisions, errors: list[tuple[str, str]]
) -> tuple[ActorIndex, list[ArticleDocs]]:
    """The story's actors; an article the actor pass cannot read is left out with an error."""
    from .actors import extract_actors

    try:
        return extract_actors(articles, decisions), articles
    except Exception:
        bad = set()
        for art in articles:
            try:
                extract_actors([art], decisions)
            except Exception as exc:
                bad.add(art.file)
                errors.append((art.file, f"could not find the actors: {_describe(exc)}"))
        if not bad:
            raise  # the articles fail only together: nothing to single out
        rest = [a for a in articles if a.file not in bad]
        return extract_actors(rest, decisions), rest


def fit_to_model(clean: CleanArticle, limit: int) -> CleanArticle:
    """Cut body blocks longer than the model takes (``limit`` characters) into pieces, at
    sentence ends where it can; every piece keeps its offsets into the article's text."""
    if all(len(b.text) <= limit for b in clean.body_blocks):
        return clean
    blocks: list[Block] = []
    for block in clean.blocks:
        if block.kind == "body" and len(block.text) > limit:
            blocks += _cut(block, limit)
        else:
            blocks.append(block)
    return replace(clean, blocks=tuple(blocks))


def _cut(block: Block, limit: int) -> list[Block]:
    text = block.text
    out: list[Block] = []
    pos = 0
    while len(text) - pos > limit:
        window = text[pos : pos + limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        if ends and ends[-1] > 0:
            cut = ends[-1]
        elif (space := max(window.rfind(" "), window.rfind("\n"))) > 0:
            cut = space + 1
        else:
            cut = limit  # one endless word: cut it anywhere
        piece_end = pos + len(text[pos : pos + cut].rstrip())
        if piece_end > pos:
            out.append(
                Block(block.kind, text[pos:piece_end], block.start + pos, block.start + piece_end)
            )
        pos += cut
        while pos < len(text) and text[pos].isspace():
            pos += 1
    if pos < len(text):
        out.append(Block(block.kind, text[pos:], block.start + pos, block.end))
    return out


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
