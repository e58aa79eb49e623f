"""One story's articles in, one sourced timeline out: the orchestration of the pure pipeline."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .anchored import anchored_dates
from .clean import clean_article
from .dates import DateMention, dates_in_doc, main_event_day, narrated_weekdays
from .events import extract_events
from .fanout import each_article
from .linking import link_quotes
from .merge import merge_candidates
from .outlets import outlet_from_text
from .published import PublishedEvidence, PublishedGuess, fill_published_from_story, read_evidence
from .readings import ArticleReading, Recorded, model_id, reading_key, recorded
from .topics import Taxonomy
from .types import (
    NO_DECISIONS,
    Actor,
    ArticleExtraction,
    ArticleInput,
    Block,
    CleanArticle,
    DateValue,
    Decisions,
    EventCandidate,
    Quote,
    StoryExtraction,
)

if TYPE_CHECKING:
    from .actors import ActorIndex, ArticleNames


Progress = Callable[[str, int, int], None]
# Where an over-long paragraph may be cut for the model: after a sentence, else at a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+|\n\s*")


@dataclass
class _Article:
    """One article on its way through the pipeline."""

    input: ArticleInput
    clean: CleanArticle
    reading: ArticleReading | None = None  # this run's, once the article's own rules have run
    blob: bytes | None = None  # its parse as DocBin bytes, when a rule must read it
    evidence: PublishedEvidence | None = None
    guess: PublishedGuess = PublishedGuess(None, "unknown")
    mentions: list[DateMention] = field(default_factory=list)


def extract_story(
    inputs: Sequence[ArticleInput],
    *,
    nlp: Language,
    taxonomy: Taxonomy,
    decisions: Decisions = NO_DECISIONS,
    progress: Progress | None = None,
    parses: Mapping[str, bytes] | None = None,
    new_parses: MutableMapping[str, bytes] | None = None,
    readings: MutableMapping[str, ArticleReading] | None = None,
    processes: int = 1,
) -> StoryExtraction:
    """Extract events, actors and quotes from all articles of one story.

    A failure in one article is recorded in ``errors`` and the other articles go on.
    ``parses`` may give, by file, the Docs of an article's body blocks (as ``fit_to_model`` cuts
    them) parsed earlier by ``nlp``, as DocBin bytes, so a stored parse is not parsed again; it
    is read only for articles whose rules must run. The parses made in this run go into
    ``new_parses``. ``readings`` holds, by file, what earlier runs derived from each article
    alone; it is used where it still holds and updated in place with this run's. ``processes``:
    how many worker processes may parse articles and run their own rules.
    """
    # Imported here so the rest of the core stays usable on its own.
    from .actors import ArticleDocs
    from .quotes import extract_quotes
    from .variants import group_variants, share_events

    report = progress or (lambda _stage, _done, _total: None)
    kept_readings: MutableMapping[str, ArticleReading] = {} if readings is None else readings
    model = model_id(nlp)
    errors: list[tuple[str, str]] = []
    total = len(inputs)

    made: MutableMapping[str, bytes] = {} if new_parses is None else new_parses

    def with_docs(arts: list[_Article], stage: str) -> list[_Article]:
        """The articles with their stored parse, read here before any worker starts (a worker
        must not read the database); one that cannot be read fails with ``stage``'s reason.
        A worker parses an article that has none."""
        ready = []
        for a in arts:
            try:
                if a.blob is None and parses is not None and a.input.file in parses:
                    a.blob = parses[a.input.file]
            except Exception as exc:
                errors.append((a.input.file, f"{stage}: {_describe(exc)}"))
            else:
                ready.append(a)
        return ready

    def keep_parse(a: _Article, blob: bytes | None) -> None:
        if blob is not None:
            a.blob = made[a.input.file] = blob

    cleaned: list[_Article] = []
    for n, art in enumerate(inputs, 1):
        key = reading_key(art, model)
        kept = kept_readings.get(art.file)
        if kept is not None and kept.key == key:
            kept.changed = False
            cleaned.append(_Article(art, kept.clean, reading=kept, evidence=kept.evidence))
        else:
            try:
                clean = fit_to_model(clean_article(art.text), nlp.max_length)
            except Exception as exc:  # one broken page must not sink the story
                errors.append((art.file, f"could not split the page into blocks: {exc}"))
            else:
                cleaned.append(_Article(art, clean))
        report("clean", n, total)

    # Each article's own clues to its date, and its names.
    unread = with_docs([a for a in cleaned if a.reading is None], "could not parse the text")
    unnamed: dict[str, str] = {}  # file -> why its names could not be read

    def own_reading(a: _Article) -> tuple:
        return _read_own(a, nlp)

    own = each_article(own_reading, unread, processes, prepare=_shared_by_workers)
    for n, (a, result) in enumerate(zip(unread, own, strict=True), 1):
        evidence, names, dated, blob, problem = result
        keep_parse(a, blob)
        if evidence is None:
            errors.append((a.input.file, f"could not parse the text: {problem}"))
        elif names is None:
            a.evidence = evidence
            unnamed[a.input.file] = f"could not find the actors: {problem}"
        else:
            a.evidence = evidence
            a.reading = ArticleReading(reading_key(a.input, model), a.clean, evidence, names)
            if dated is not None:  # read against its own date, which mostly stands
                a.reading.dates = dict([dated])
        report("parse", n, len(unread))
    parsed = [a for a in cleaned if a.evidence is not None]

    story_dates = fill_published_from_story([a.evidence or a.guess for a in parsed])
    for a, guess in zip(parsed, story_dates, strict=True):
        a.guess = guess
    for a in parsed:
        if a.reading is None:
            errors.append((a.input.file, unnamed[a.input.file]))
    named = [a for a in parsed if a.reading is not None]

    actor_index, arts = _actors_of(named, decisions, errors)
    report("actors", 1, 1)

    # Each article's dates against the day the story gave it, and its events and quotes: what
    # was kept holds while the day is the same and the story answers its passes alike.
    wanted = [
        a
        for a in arts
        if a.guess.date not in _reading(a).dates
        or not _holds(_reading(a).events, a.guess.date, actor_index)
        or not _holds(_reading(a).quotes, None, actor_index)
    ]
    stale = with_docs(wanted, "extraction failed")
    ready = {a.input.file for a in stale}
    failed = {a.input.file for a in wanted if a.input.file not in ready}

    def passes(a: _Article) -> _Passes:
        """The article's dates, events and quotes: None for what was kept and still holds."""
        reading = _reading(a)
        blob, found = None, None
        try:
            docs, blob = _docs(a, nlp)
            mentions = reading.dates.get(a.guess.date)
            if mentions is None:
                mentions = found = tuple(_date_mentions(docs, a.guess, a.input))
        except Exception as exc:
            return _Passes(blob=blob, problem=f"could not read the dates: {_describe(exc)}")
        try:
            context = _context(a, mentions)
            events, ran = recorded(
                reading.events,
                a.guess.date,
                actor_index,
                lambda lookup: extract_events(
                    a.input.file, docs, list(mentions), context, lookup, taxonomy
                ),
            )
            said, spoke = recorded(
                reading.quotes,
                None,
                actor_index,
                lambda lookup: extract_quotes(
                    ArticleDocs(a.input.file, a.clean, tuple(docs)), lookup
                ),
            )
        except Exception as exc:
            return _Passes(found, blob=blob, problem=f"extraction failed: {_describe(exc)}")
        return _Passes(found, events if ran else None, said if spoke else None, blob)

    done = 0
    results = each_article(passes, stale, processes, prepare=_shared_by_workers)
    for a, result in zip(stale, results, strict=True):
        keep_parse(a, result.blob)
        done += 1
        report("events", done, len(arts))
        reading = _reading(a)
        if result.dates is not None:
            reading.dates = {a.guess.date: result.dates}
            reading.changed = True
        if result.problem is not None:
            failed.add(a.input.file)
            errors.append((a.input.file, result.problem))
            continue
        reading.events = result.events or reading.events
        reading.quotes = result.quotes or reading.quotes
        reading.changed = reading.changed or result.events is not None
        reading.changed = reading.changed or result.quotes is not None
    for a in arts:
        a.mentions = list(_reading(a).dates.get(a.guess.date, ()))

    candidates: list[EventCandidate] = []
    quotes: list[Quote] = []
    extractions: list[ArticleExtraction] = []
    for a in arts:
        art, reading = a.input, _reading(a)
        if art.file in failed or reading.events is None or reading.quotes is None:
            continue
        candidates += reading.events.value
        quotes += reading.quotes.value
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
    report("events", len(arts), len(arts))

    for a in cleaned:
        if a.reading is not None:
            kept_readings[a.input.file] = a.reading
    candidates = anchored_dates([c for c in candidates if c.file not in failed])
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
        candidates=tuple(candidates),
    )


def _shared_by_workers() -> None:
    """What the date rules build on first use in a process: dateparser compiles its time-zone
    patterns and reads its English tables (a fifth of a second). Built once here, before the
    workers are forked, every worker inherits it, and so does this process's next run."""
    from dateparser import DateDataParser

    DateDataParser(languages=["en"]).get_date_data("last Tuesday")


@dataclass
class _Passes:
    """What a worker sends back for one article's dates, events and quotes."""

    dates: tuple[DateMention, ...] | None = None  # read again: the story moved its date
    events: Recorded | None = None  # None: the kept pass holds
    quotes: Recorded | None = None
    blob: bytes | None = None  # a parse made for it
    problem: str | None = None


def _context(a: _Article, mentions: Sequence[DateMention]) -> DateValue | None:
    """The day the article's undated sentences are about."""
    if a.guess.date is None:
        return None
    body = a.clean.body_blocks
    return main_event_day(mentions, body[0].end if body else 0, a.guess.date)


def _reading(a: _Article) -> ArticleReading:
    assert a.reading is not None  # only articles whose own rules ran come this far
    return a.reading


def _holds(kept: Recorded | None, day: date | None, actors: ActorIndex) -> bool:
    return kept is not None and kept.holds(day, actors)


def _docs(a: _Article, nlp: Language) -> tuple[list[tuple[Block, Doc]], bytes | None]:
    """The article's blocks with their Docs, read from its parse; an article without one is
    parsed here, and the bytes of that new parse come back too (run in a worker)."""
    blocks = a.clean.body_blocks
    if a.blob is not None:
        docs = list(DocBin().from_bytes(a.blob).get_docs(nlp.vocab))
        return list(zip(blocks, docs, strict=True)), None
    docs = list(nlp.pipe(b.text for b in blocks))
    kept = DocBin(store_user_data=True)
    for doc in docs:
        kept.add(doc)
    return list(zip(blocks, docs, strict=True)), kept.to_bytes()


def _read_own(
    a: _Article, nlp: Language
) -> tuple[
    PublishedEvidence | None,
    ArticleNames | None,
    tuple[date | None, tuple[DateMention, ...]] | None,
    bytes | None,
    str | None,
]:
    """One article's clues to its publication date, its names, and its dates as read against
    the date it gives itself (run in a worker)."""
    from .actors import ArticleDocs, read_names

    try:
        docs, blob = _docs(a, nlp)
    except Exception as exc:
        return None, None, None, None, _describe(exc)
    try:
        evidence = read_evidence(a.clean, docs, manifest=a.input.published)
    except Exception as exc:
        return None, None, None, blob, _describe(exc)
    try:
        names = read_names(ArticleDocs(a.input.file, a.clean, tuple(docs)))
    except Exception as exc:
        return evidence, None, None, blob, _describe(exc)
    try:
        guess = evidence.guess
        dated = (guess.date, tuple(_date_mentions(docs, guess, a.input)))
    except Exception:  # the story may date it otherwise; the date pass then says what fails
        dated = None
    return evidence, names, dated, blob, None


def _with_unnamed_speakers(actors: Sequence[Actor], quotes: Sequence[Quote]) -> tuple[Actor, ...]:
    """The story's actors and the speakers it describes without naming ("a senior official")."""
    from .quotes import unnamed_speaker_kind

    known = {a.name for a in actors}
    described = sorted({q.speaker for q in quotes if q.speaker and q.speaker not in known})
    shorter: dict[str, set[str]] = {name: set() for name in described}
    for q in quotes:
        if q.speaker in shorter:
            shorter[q.speaker] |= set(q.speaker_aliases)
    return (
        *actors,
        *(
            Actor(name, unnamed_speaker_kind(name), tuple(sorted(shorter[name])))
            for name in described
        ),
    )


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def _actors_of(
    articles: list[_Article], decisions: Decisions, errors: list[tuple[str, str]]
) -> tuple[ActorIndex, list[_Article]]:
    """The story's actors; an article the actor pass cannot read is left out with an error."""
    from .actors import resolve_actors

    def names(arts: list[_Article]) -> list[ArticleNames]:
        return [a.reading.names for a in arts if a.reading is not None]

    try:
        return resolve_actors(names(articles), decisions), articles
    except Exception:
        bad = set()
        for art in articles:
            try:
                resolve_actors(names([art]), decisions)
            except Exception as exc:
                bad.add(art.input.file)
                errors.append((art.input.file, f"could not find the actors: {_describe(exc)}"))
        if not bad:
            raise  # the articles fail only together: nothing to single out
        rest = [a for a in articles if a.input.file not in bad]
        return resolve_actors(names(rest), decisions), rest


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
    paragraphs = [block.start for block, _doc in docs]
    if reference == guess.date:
        return narrated_weekdays(first, guess.date, paragraphs)
    return narrated_weekdays(
        [
            m
            for block, doc in docs
            for m in dates_in_doc(doc, block.start, guess.date, reference=reference)
        ],
        guess.date,
        paragraphs,
    )
