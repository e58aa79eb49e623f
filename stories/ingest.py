"""The only write path from text files to the database.

Reading and extraction happen before anything is written; the writing happens in one transaction,
so a failed or interrupted run leaves the database as it was. Rows are matched by natural keys
(file names, actor names and aliases, evidence sentences), which makes a re-run idempotent and lets
an editor's decisions (locked fields, hidden rows, merges and splits of events) survive it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from stories import batches, derived, heap, parses, readings, versions
from stories import models as m
from stories.manifest import ManifestError, read_manifest
from stories.nlp import types as t
from stories.nlp.reading import UnreadableArticle, read_article_text
from stories.wording import counted
from stories.writer_lock import lock_rows_for_writing, story_writer

Progress = Callable[[str], None]
# Where a run has got, for a progress bar: a stage ("reading", "extracting", "merging",
# "writing") and, when it goes article by article, n of total.
Stage = Callable[[str, int, int], None]
ARTICLE_SUFFIXES = {".txt"}


class IngestError(Exception):
    """A problem with the command's input as a whole (a missing path, a broken manifest)."""


@dataclass
class FileReport:
    file: str
    status: str  # created / updated / unchanged / failed
    message: str = ""


@dataclass
class IngestReport:
    story: str
    files: list[FileReport] = field(default_factory=list)
    events: int = 0
    actors: int = 0
    quotes: int = 0
    dry_run: bool = False
    # Articles spaCy read in this run, and articles whose stored reading was used instead.
    parsed_now: int = 0
    parsed_before: int = 0
    # Articles whose own rules ran in this run, and articles whose kept results were used.
    ruled_now: int = 0
    ruled_before: int = 0

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("created", "updated", "unchanged", "failed")]
        line = (
            f"{counted(len(self.files), 'file')}: {', '.join(parts)} "
            f"({counted(self.events, 'event')}, {counted(self.actors, 'actor')}, "
            f"{counted(self.quotes, 'quote')})"
        )
        return f"Dry run, nothing written. {line}" if self.dry_run else line


class _Rollback(Exception):
    """Raised inside the transaction to undo a dry run."""


# --- input --------------------------------------------------------------------------------


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the article files of folders named, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            articles = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES
            )
            if not articles:
                raise IngestError(
                    f"{path}: the folder has no articles (.txt files); name the files, "
                    "or the folder that holds them"
                )
            found.extend(articles)
        elif path.exists():
            found.append(path)
        else:
            raise IngestError(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(found))
    names = Counter(p.name for p in unique)
    clashes = sorted(name for name, n in names.items() if n > 1)
    if clashes:
        raise IngestError(
            "two files share a name, and articles are known by file name: " + ", ".join(clashes)
        )
    return unique


def _read_at_most(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused by its size before they are read: a 600 MB file must not
    pass through memory to be told it is too large."""
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableArticle(
            f"{path.name}: file is too large ({size:,} bytes; the limit is {max_bytes:,})"
        )
    with path.open("rb") as f:
        # One byte more than allowed: a file that grew since stat() is still refused.
        return f.read(max_bytes + 1)


def find_manifest(paths: Iterable[str | Path]) -> Path | None:
    """A ``manifest.json`` beside the articles of a folder named on the command line."""
    for raw in paths:
        candidate = Path(raw) / "manifest.json"
        if Path(raw).is_dir() and candidate.is_file():
            return candidate
    return None


def load_manifest(path: Path) -> dict[str, dict]:
    try:
        return read_manifest(path)
    except ManifestError as exc:
        raise IngestError(str(exc)) from exc


def _article_input(name: str, text: str, meta: dict, article: m.Article | None) -> t.ArticleInput:
    """The pipeline's view of one article: manifest facts, overridden by an editor's."""
    outlet = meta.get("outlet")
    published = meta.get("published")
    author = meta.get("author")
    if article is not None:
        if article.is_locked("outlet"):
            outlet = article.outlet.name if article.outlet_id else None
        if article.is_locked("published"):
            published = article.published
        if article.is_locked("author"):
            author = article.author or None
    return t.ArticleInput(
        file=name,
        text=text,
        outlet=outlet or None,
        url=meta.get("url") or None,
        published=published or None,
        author=author or None,
    )


def folder_inputs(folder: Path) -> list[t.ArticleInput]:
    """A folder's articles as the pipeline reads them, with its manifest's facts and nothing
    stored: for tools that run the pipeline outside any story (``fit_merge_weights``)."""
    manifest_path = find_manifest([folder])
    meta = load_manifest(manifest_path) if manifest_path else {}
    limit = settings.MAX_ARTICLE_BYTES
    return [
        _article_input(
            path.name,
            read_article_text(_read_at_most(path, limit), path.name, max_bytes=limit),
            meta.get(path.name, {}),
            None,
        )
        for path in collect_files([folder])
    ]


def pipeline_fingerprint() -> str:
    """Changes when the extraction code, the taxonomy or the model changes."""
    digest = hashlib.sha256(settings.SPACY_MODEL.encode())
    nlp_dir = Path(__file__).parent / "nlp"
    for path in [*sorted(nlp_dir.glob("*.py")), Path(settings.TOPIC_TAXONOMY)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _decisions(story: m.Story) -> t.Decisions:
    """Editors' rulings on names: their decisions, and the aliases they gave an actor."""
    same, different = set(), set()
    for d in story.actor_decisions.all():
        (same if d.kind == m.ActorDecision.SAME else different).add((d.name, d.other_name))
    for alias in m.ActorAlias.objects.filter(actor__story=story, by_editor=True).select_related(
        "actor"
    ):
        if m.norm_name(alias.name) != m.norm_name(alias.actor.name):
            same.add((alias.name, alias.actor.name))
    return t.Decisions(same_actor=tuple(sorted(same)), different_actors=tuple(sorted(different)))


def _story_fingerprint(inputs: Sequence[t.ArticleInput], decisions: t.Decisions) -> str:
    digest = hashlib.sha256(pipeline_fingerprint().encode())
    for item in sorted(inputs, key=lambda i: i.file):
        digest.update(
            json.dumps(
                [
                    item.file,
                    _sha(item.text),
                    item.outlet,
                    item.url,
                    str(item.published),
                    item.author,
                ],
            ).encode()
        )
    digest.update(json.dumps([decisions.same_actor, decisions.different_actors]).encode())
    return digest.hexdigest()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the run ------------------------------------------------------------------------------


def ingest(
    paths: Sequence[str | Path],
    *,
    story_slug: str,
    title: str | None = None,
    manifest: str | Path | None = None,
    force: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    stage: Stage | None = None,
    wait: float = 0,
) -> IngestReport:
    """Ingest the files into the story. ``wait`` is how long to wait, in seconds, for another
    run writing the same story to finish before refusing with StoryBusy."""
    say = progress or (lambda _msg: None)
    files = collect_files(paths)
    file_names = {p.name for p in files}
    manifest_path = Path(manifest) if manifest else find_manifest(paths)
    meta = load_manifest(manifest_path) if manifest_path else {}
    try:
        slug = m.story_slug(story_slug)
    except ValueError as exc:
        raise IngestError(str(exc)) from exc

    report = IngestReport(story=slug, dry_run=dry_run)
    texts: dict[str, str] = {}
    for n, path in enumerate(files, 1):
        try:
            texts[path.name] = read_article_text(
                _read_at_most(path, settings.MAX_ARTICLE_BYTES),
                path.name,
                max_bytes=settings.MAX_ARTICLE_BYTES,
            )
            say(f"[{n}/{len(files)}] read {path.name} ({path.stat().st_size:,} bytes)")
        except UnreadableArticle as exc:
            report.files.append(FileReport(path.name, "failed", str(exc)))
            say(f"[{n}/{len(files)}] FAILED {path.name}: {exc}")
        except OSError as exc:
            message = f"{path.name}: cannot be read ({exc.strerror or exc})"
            report.files.append(FileReport(path.name, "failed", message))
            say(f"[{n}/{len(files)}] FAILED {message}")

    if not texts:
        return report
    # The story is read only once this run is its one writer: a run that read it before another
    # run's commit would write it back without that run's articles.
    with story_writer(slug, wait=wait, on_wait=say):
        story = m.Story.objects.filter(slug=slug).first()
        known = file_names | (
            set(story.articles.values_list("file_name", flat=True)) if story else set()
        )
        for unknown in sorted(set(meta) - known):
            say(f"manifest: there is no article {unknown}; its entry is not used")
        return _run(
            story,
            slug,
            title,
            texts,
            meta,
            report,
            force=force,
            dry_run=dry_run,
            say=say,
            stage=stage,
        )


def ingest_texts(
    story: m.Story,
    articles: Sequence[dict],
    *,
    progress: Progress | None = None,
    stage: Stage | None = None,
    all_or_nothing: bool = False,
    wait: float = 0,
) -> IngestReport:
    """Add or replace articles of ``story`` given as text with their manifest facts
    (``{"file", "text", "outlet", "url", "author", "published"}``), as ``ingest`` does for files.

    The texts were checked as the command checks files (``read_article_text``) when they were
    uploaded. Raises StoryBusy when another run is writing the story after ``wait`` seconds.
    """
    say = progress or (lambda _msg: None)
    report = IngestReport(story=story.slug)
    texts = {a["file"]: a["text"] for a in articles}
    meta = {}
    for a in articles:
        entry = {k: a.get(k) for k in ("outlet", "url", "author")}
        entry["published"] = date.fromisoformat(a["published"]) if a.get("published") else None
        meta[a["file"]] = entry
    if not texts:
        return report
    with story_writer(story.slug, wait=wait, on_wait=say):
        story.refresh_from_db()
        return _run(
            story,
            story.slug,
            None,
            texts,
            meta,
            report,
            force=False,
            dry_run=False,
            say=say,
            stage=stage,
            all_or_nothing=all_or_nothing,
        )


def reextract(
    story: m.Story,
    *,
    progress: Progress | None = None,
    stage: Stage | None = None,
    all_or_nothing: bool = False,
    wait: float = 0,
) -> IngestReport:
    """Extract a story again from the article text already stored, as ``ingest --force`` would.

    What a manifest said about each article is taken from the stored rows (outlet, url, author,
    a publication date the manifest gave), and editors' locked values win as on every run.
    Raises StoryBusy when another run is writing the story after ``wait`` seconds.
    """
    say = progress or (lambda _msg: None)
    report = IngestReport(story=story.slug)
    with story_writer(story.slug, wait=wait, on_wait=say):
        story.refresh_from_db()
        articles = list(story.articles.select_related("outlet"))
        texts = {a.file_name: a.raw_text for a in articles}
        meta = {a.file_name: _stored_meta(a) for a in articles}
        if not texts:
            return report
        return _run(
            story,
            story.slug,
            None,
            texts,
            meta,
            report,
            force=True,
            dry_run=False,
            say=say,
            stage=stage,
            all_or_nothing=all_or_nothing,
        )


def _meta_for(name: str, meta: dict[str, dict], existing: dict[str, m.Article]) -> dict:
    """This run's manifest entry, else what an earlier run's manifest said (kept on the row)."""
    if name in meta:
        return meta[name]
    return _stored_meta(existing[name]) if name in existing else {}


def _stored_meta(article: m.Article) -> dict:
    return {
        "outlet": article.outlet.name if article.outlet_id else None,
        "url": article.url or None,
        "author": article.author or None,
        "published": article.published if article.published_basis == "manifest" else None,
    }


# What there was before the run, and what it keeps to its end, is not scanned by its collections.
@heap.older_objects_frozen()
def _run(
    story: m.Story | None,
    slug: str,
    title: str | None,
    texts: dict[str, str],
    meta: dict[str, dict],
    report: IngestReport,
    *,
    force: bool,
    dry_run: bool,
    say: Progress,
    stage: Stage | None = None,
    all_or_nothing: bool = False,
) -> IngestReport:
    """Extract the story with ``texts`` added or replaced and write it in one transaction.

    With ``all_or_nothing`` an article that cannot be extracted (named in this run or not) means
    nothing is written; otherwise the others are written and the failure is reported.
    """
    step = stage or (lambda _stage, _n, _total: None)
    # Articles of the story that this run does not name take part in the extraction too: events
    # are merged across the whole story, not across one batch of files.
    existing = {a.file_name: a for a in story.articles.select_related("outlet")} if story else {}
    all_texts = {name: a.raw_text for name, a in existing.items()} | texts
    inputs = [
        _article_input(name, text, _meta_for(name, meta, existing), existing.get(name))
        for name, text in sorted(all_texts.items())
    ]

    decisions = _decisions(story) if story else t.Decisions()
    fingerprint = _story_fingerprint(inputs, decisions)
    if story and story.fingerprint == fingerprint and not force and title in (None, story.title):
        for name in texts:
            report.files.append(FileReport(name, "unchanged"))
        _count_rows(report, story)
        say("Nothing changed since the last run (use --force to extract again).")
        return report

    pipeline = pipeline_fingerprint()
    kept = readings.stored_for(story, pipeline)
    heap.freeze()  # the readings are kept to the end of the run
    extraction, parsed = _extract(inputs, decisions, parses.stored_for(story), kept, say, step)
    report.parsed_now, report.parsed_before = len(parsed.fresh), parsed.reused
    report.ruled_now = sum(1 for r in kept.values() if r.changed)
    report.ruled_before = len(kept) - report.ruled_now
    failed = dict(extraction.errors)
    for name, message in sorted(failed.items()):
        if name in texts or all_or_nothing:
            report.files.append(FileReport(name, "failed", message))
            say(f"FAILED {name}: {message}")
    if failed and all_or_nothing:
        return report

    step("writing", 0, 0)
    try:
        with transaction.atomic():
            # One new version for the run, in its transaction, rather than one a row written.
            with versions.one_bump():
                story = _write(
                    story, slug, title, extraction, fingerprint, report, texts, failed, parsed
                )
                if any(r.changed for r in kept.values()):
                    readings.save(_articles_of(story), kept, pipeline)
            versions.bump(story)
            _count_rows(report, story)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    report.files.sort(key=lambda f: f.file)
    return report


def _extract(
    inputs: Sequence[t.ArticleInput],
    decisions: t.Decisions,
    stored: dict[str, tuple[str, int]],
    kept: dict[str, Any],
    say: Progress,
    step: Stage,
) -> tuple[t.StoryExtraction, parses.StoryParses]:
    """Extract the story, parsing only the articles whose stored parse does not fit and running
    the rules of an article only where its kept reading (``kept``, updated in place) no longer
    holds."""
    from stories.nlp.pipeline import load_pipeline
    from stories.nlp.readings import known_blocks
    from stories.nlp.story import extract_story
    from stories.nlp.topics import load_taxonomy

    say(f"Loading the language model ({settings.SPACY_MODEL})...")
    nlp = load_pipeline(settings.SPACY_MODEL)
    taxonomy = load_taxonomy(settings.TOPIC_TAXONOMY)

    step("reading", 0, len(inputs))
    processes = max(1, settings.NLP_PROCESSES)
    parsed = parses.plan(inputs, nlp, stored, known=known_blocks(kept, list(inputs), nlp))

    def pipeline_step(stage: str, n: int, total: int) -> None:
        say(f"  {stage}: {n}/{total}")
        if stage == "parse":
            step("reading", n, total)
        elif stage == "events":
            step("extracting", n, total)
            if n == total:
                step("merging", 0, 0)

    extraction = extract_story(
        inputs,
        nlp=nlp,
        taxonomy=taxonomy,
        decisions=decisions,
        progress=pipeline_step,
        parses=parsed.stored,
        new_parses=parsed.made,
        readings=kept,
        processes=processes,
    )
    say(f"  {len(parsed.made)} articles parsed now, {parsed.reused} parsed before")
    return extraction, parsed


def _articles_of(story: m.Story) -> dict[str, m.Article]:
    rows = m.Article.objects.filter(story=story).only("pk", "file_name")
    return {a.file_name: a for a in rows}


def _count_rows(report: IngestReport, story: m.Story) -> None:
    report.events = story.events.visible().count()
    report.actors = story.actors.count()
    report.quotes = m.Quote.objects.for_story(story).visible().count()


# --- writing ------------------------------------------------------------------------------
#
# Each table is read once, compared in memory, and written in bulk, only where it differs: a
# run that changes little writes little, however large the story.

# What the derived values (stories/derived.py) read of an article.
_DERIVED_FROM_ARTICLE = {"raw_text", "body", "outlet", "headline"}


def _changed(obj, values: dict) -> list[str]:
    """Set the values an editor has not locked; the names of those that differed."""
    locked = set(getattr(obj, "locked_fields", ()) or ())
    dirty = []
    for name, value in values.items():
        if name in locked:
            continue
        field = obj._meta.get_field(name)
        if field.many_to_one:
            # Compare keys, not objects: reading the related object would cost a query a row.
            same = getattr(obj, field.attname) == (value.pk if value is not None else None)
        else:
            same = getattr(obj, name) == value
        if not same:
            setattr(obj, name, value)
            dirty.append(name)
    return dirty


def _write(
    story: m.Story | None,
    slug: str,
    title: str | None,
    extraction: t.StoryExtraction,
    fingerprint: str,
    report: IngestReport,
    texts: dict[str, str],
    failed: dict[str, str],
    parsed: parses.StoryParses,
) -> m.Story:
    if story is None:
        story = m.Story.objects.create(slug=slug, title=title or slug.replace("-", " ").title())
    lock_rows_for_writing(story.pk)
    if title and story.title != title and not story.is_locked("title"):
        story.title = title
        story.save(update_fields=["title"])

    changes = derived.Changes()
    topics = _write_topics()
    articles, article_status = _write_articles(
        story, extraction, failed, _digests(extraction), changes
    )
    parses.save(articles, parsed.fresh)
    actors = _write_actors(story, extraction, changes)
    event_rows = _write_events(story, extraction, articles, actors, topics, changes)
    _write_quotes(story, extraction, articles, actors, event_rows)
    # A run over every article of the story (re-extracting it, or ingesting its whole folder
    # again) works all the derived values out again, which also mends those a write outside
    # ingest left as they were (an article deleted, actors merged); a run over some articles
    # works out again only what it changed.
    derived.refresh(story, None if texts.keys() >= articles.keys() else changes)

    for name, status in article_status.items():
        # Articles not named in this run are reported too when the story's new context changed
        # what was extracted from them.
        if name in texts or status != "unchanged":
            report.files.append(FileReport(name, status))
    # A run with a failed article must not look finished: the next run tries it again.
    story.fingerprint = "" if failed else fingerprint
    story.save(update_fields=["fingerprint"])
    return story


def _write_topics() -> dict[str, m.Topic]:
    """Every topic by slug, the taxonomy's created or renamed where the rows differ."""
    from stories.nlp.topics import load_taxonomy

    rows = {tp.slug: tp for tp in m.Topic.objects.all()}
    missing: dict[str, m.Topic] = {}
    renamed: dict[str, m.Topic] = {}
    for topic in load_taxonomy(settings.TOPIC_TAXONOMY).topics:
        row = rows.get(topic.slug) or missing.get(topic.slug)
        if row is None:
            missing[topic.slug] = m.Topic(slug=topic.slug, name=topic.name)
        elif row.name != topic.name:
            row.name = topic.name
            if row.pk is not None:
                renamed[topic.slug] = row
    m.Topic.objects.bulk_update(renamed.values(), ["name"])
    if missing:
        # Topics are shared by all stories, and another story's run may be creating them too:
        # a topic it made first is used, not made twice.
        m.Topic.objects.bulk_create(missing.values(), ignore_conflicts=True)
        rows = {tp.slug: tp for tp in m.Topic.objects.all()}
    return rows


def _write_articles(
    story: m.Story,
    extraction: t.StoryExtraction,
    failed: dict[str, str],
    digests: dict[str, str],
    changes: derived.Changes,
) -> tuple[dict[str, m.Article], dict[str, str]]:
    """Each article's row and whether it was created, updated or left unchanged.

    An article is "updated" when what was extracted from it changed (its digest), even if its
    own row did not.
    """
    existing = {a.file_name: a for a in story.articles.all()}
    written = [art for art in extraction.articles if art.input.file not in failed]
    outlets = {o.name: o for o in m.Outlet.objects.all()}
    taken_outlet_slugs = {o.slug for o in outlets.values()}
    new_outlets = []
    for art in written:
        outlet_name = (art.outlet or "")[:200]
        if outlet_name and outlet_name not in outlets:
            outlets[outlet_name] = m.Outlet(
                name=outlet_name, slug=m.unique_slug(outlet_name, taken_outlet_slugs, "outlet")
            )
            new_outlets.append(outlets[outlet_name])
    m.Outlet.objects.bulk_create(new_outlets)

    rows: dict[str, m.Article] = {}
    status: dict[str, str] = {}
    created: list[m.Article] = []
    updated: list[m.Article] = []
    fields: set[str] = set()
    for art in written:
        name = art.input.file
        values = {
            "content_hash": _sha(art.input.text),
            "raw_text": art.input.text,
            "outlet": outlets[art.outlet[:200]] if art.outlet else None,
            "url": (art.input.url or "")[:500],
            "headline": art.clean.headline[:500],
            "author": (art.clean.author or art.input.author or "")[:200],
            "published": art.published,
            "published_basis": art.published_basis,
            "body": art.clean.body,
            "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in art.clean.blocks],
            "extraction_digest": digests.get(name, ""),
        }
        row = existing.get(name)
        if row is None:
            row = m.Article(story=story, file_name=name, **values)
            created.append(row)
            status[name] = "created"
        else:
            dirty = _changed(row, values)
            status[name] = "updated" if dirty else "unchanged"
            if dirty:
                updated.append(row)
                fields.update(dirty)
            if _DERIVED_FROM_ARTICLE.intersection(dirty):
                changes.articles.add(row.pk)
        rows[name] = row
    m.Article.objects.bulk_create(created)
    batches.update(m.Article, updated, fields)
    changes.articles.update(row.pk for row in created)
    return rows, status


def _write_actors(
    story: m.Story, extraction: t.StoryExtraction, changes: derived.Changes
) -> dict[str, m.Actor]:
    """Map each machine canonical name to its row, matching existing rows by any known name.

    Several machine actors may land in one row (an editor said they are one, or renamed the row);
    then every name they bring is an alias of it. A name an editor ruled is not this actor
    (``ActorDecision`` "different", e.g. an alias the editor removed) never becomes its alias.
    """
    rows = list(story.actors.prefetch_related("aliases"))
    aliases = {row.pk: list(row.aliases.all()) for row in rows}
    by_name: dict[str, m.Actor] = {}
    for row in rows:
        by_name.setdefault(m.norm_name(row.name), row)
    for row in rows:
        for alias in aliases[row.pk]:
            by_name.setdefault(m.norm_name(alias.name), row)
    apart: dict[str, set[str]] = defaultdict(set)
    decided: set[str] = set()
    for d in story.actor_decisions.all():
        decided |= {m.norm_name(d.name), m.norm_name(d.other_name)}
        if d.kind == m.ActorDecision.DIFFERENT:
            apart[m.norm_name(d.name)].add(m.norm_name(d.other_name))
            apart[m.norm_name(d.other_name)].add(m.norm_name(d.name))
    taken = {row.slug for row in rows}

    landed: list[tuple[t.Actor, m.Actor]] = []
    new_rows: list[m.Actor] = []
    for actor in extraction.actors:
        row = by_name.get(m.norm_name(actor.name)) or next(
            (by_name[m.norm_name(a)] for a in actor.aliases if m.norm_name(a) in by_name), None
        )
        if row is None:
            row = m.Actor(
                story=story,
                name=actor.name[:200],
                slug=m.unique_slug(actor.name, taken, "actor"),
                kind=actor.kind,
            )
            by_name[m.norm_name(actor.name)] = row
            rows.append(row)
            new_rows.append(row)
        landed.append((actor, row))
    m.Actor.objects.bulk_create(new_rows)
    result: dict[str, m.Actor] = {}
    members: dict[int, list[t.Actor]] = defaultdict(list)
    for actor, row in landed:
        result[actor.name] = row
        members[row.pk].append(actor)

    renamed: list[m.Actor] = []
    fields: set[str] = set()
    new_aliases: list[m.ActorAlias] = []
    gone_aliases: list[int] = []
    for row in rows:
        group = members.get(row.pk)
        if not group:
            continue
        # The machine actor named like the row speaks for it, else the best known one.
        lead = next((a for a in group if m.norm_name(a.name) == m.norm_name(row.name)), None)
        lead = lead or max(group, key=lambda a: len(a.aliases))
        dirty = _changed(row, {"name": lead.name, "kind": lead.kind})
        if dirty:
            renamed.append(row)
            fields.update(dirty)
        own = {m.norm_name(row.name)}
        current = {a.name: a for a in aliases.get(row.pk, ())}
        own |= {m.norm_name(n) for n, a in current.items() if a.by_editor}
        refused = set().union(*(apart.get(n, set()) for n in own))
        proposed = {
            name[:200]
            for actor in group
            for name in (actor.name, *actor.aliases)
            if m.norm_name(name) != m.norm_name(row.name) and m.norm_name(name) not in refused
        }
        added = [m.ActorAlias(actor=row, name=alias) for alias in sorted(proposed - set(current))]
        gone = [a.pk for name, a in current.items() if name not in proposed and not a.by_editor]
        new_aliases += added
        gone_aliases += gone
        if dirty or added or gone:
            changes.actors.add(row.pk)
    batches.update(m.Actor, renamed, fields)
    batches.delete(m.ActorAlias, gone_aliases)
    m.ActorAlias.objects.bulk_create(new_aliases)

    used = {row.pk for row in result.values()}
    unused = [
        row
        for row in rows
        if row.pk not in used and not row.locked_fields and m.norm_name(row.name) not in decided
    ]
    _delete_actors_out_of_use(unused, aliases, changes)
    return result


def _delete_actors_out_of_use(
    unused: list[m.Actor], aliases: dict[int, list[m.ActorAlias]], changes: derived.Changes
) -> None:
    """Delete the actors no machine actor landed in, unless an editor's decision uses them: an
    alias they gave it, an event or a quote they corrected."""
    in_use = {row.pk for row in unused if any(a.by_editor for a in aliases.get(row.pk, ()))}
    events_of: dict[int, set[int]] = defaultdict(set)
    for chunk in batches.chunked(row.pk for row in unused):
        links = m.Event.actors.through.objects.filter(actor_id__in=chunk)
        for actor_id, event_id, locked in links.values_list(
            "actor_id", "event_id", "event__locked_fields"
        ):
            events_of[actor_id].add(event_id)
            if locked:
                in_use.add(actor_id)
        corrected = m.Quote.objects.filter(speaker_id__in=chunk).exclude(locked_fields=[])
        in_use.update(corrected.values_list("speaker_id", flat=True))
    gone = [row.pk for row in unused if row.pk not in in_use]
    for pk in gone:
        changes.events |= events_of[pk]
    batches.delete(m.Actor, gone)


def _date_values(value: t.DateValue | None) -> dict:
    if value is None:
        return {
            "date_start": None,
            "date_end": None,
            "granularity": "",
            "date_text": "",
            "date_basis": "",
            "date_qualifier": "",
        }
    return {
        "date_start": value.start,
        "date_end": value.end,
        "granularity": value.granularity,
        "date_text": value.text[:200],
        "date_basis": value.basis,
        "date_qualifier": value.qualifier or "",
    }


def _write_events(
    story: m.Story,
    extraction: t.StoryExtraction,
    articles: dict[str, m.Article],
    actors: dict[str, m.Actor],
    topics: dict[str, m.Topic],
    changes: derived.Changes,
) -> dict[int, m.Event]:
    """Write events, keeping each piece of evidence with the event an editor left it in.

    A machine event lands in the existing row whose evidence it shares most closely; several
    machine events land in one row when an editor merged them. One sentence may be evidence for
    two events ("their first meeting since 2019"), so evidence is known per event.
    Returns the row of each machine event, by its index in ``extraction.events``.
    """
    event_rows = {e.pk: e for e in story.events.all()}
    # The story's evidence as plain rows: there are many, and few of them change.
    existing = list(
        m.EventSource.objects.filter(event__story=story)
        .order_by()
        .values_list(*_SOURCE_FIELDS, named=True)
    )
    by_event_key = {(s.event_id, s.article_id, s.sentence_key): s for s in existing}
    # Who holds each piece of evidence: by the machine's last proposal, or because a person put
    # it there (a merge, an attach). Only the second is a decision about grouping.
    machine_holders: dict[tuple[int, str], set[int]] = defaultdict(set)
    editor_holders: dict[tuple[int, str], set[int]] = defaultdict(set)
    held: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for source in existing:
        if not source.detached:
            key = (source.article_id, source.sentence_key)
            (editor_holders if source.by_editor else machine_holders)[key].add(source.event_id)
            held[source.event_id].add(key)

    # Each machine event's evidence in the articles written, with its key (one sentence is
    # often evidence for several events: its key is worked out once).
    key_of = functools.cache(m.text_key)
    evidence = [
        [(c, articles[c.file], key_of(c.sentence)) for c in event.sources if c.file in articles]
        for event in extraction.events
    ]
    keys_of = [{(article.pk, key) for _c, article, key in found} for found in evidence]

    def closeness(index: int, pk: int) -> tuple:
        event, keys, row = extraction.events[index], keys_of[index], event_rows[pk]
        label = event.date.label if event.date else None
        return (
            -len(keys & held[pk]),
            len(keys ^ held[pk]),
            row.title != event.title[:300],
            row.date_iso != label,
            pk,
        )

    # The machine's own earlier grouping is no decision: each row goes to the one machine event
    # that shares its evidence most closely, best pairs first, so a rule that now tells two
    # happenings apart gets two rows.
    pairs = sorted(
        (closeness(index, pk), index, pk)
        for index, keys in enumerate(keys_of)
        for pk in {pk for key in keys for pk in machine_holders.get(key, ())}
    )
    targets: dict[int, m.Event | None] = dict.fromkeys(range(len(extraction.events)))
    claimed: dict[int, list[int]] = defaultdict(list)  # event pk -> machine event indexes
    for _score, index, pk in pairs:
        if targets[index] is None and pk not in claimed:
            targets[index] = event_rows[pk]
            claimed[pk].append(index)
    # A person's grouping is: a machine event whose evidence an editor put in a row (merging
    # events) lands there, even when that row already speaks for another machine event.
    for index, keys in enumerate(keys_of):
        if targets[index] is None:
            rows_by_editor = {pk for key in keys for pk in editor_holders.get(key, ())}
            if rows_by_editor:
                pk = min(rows_by_editor, key=lambda pk, index=index: closeness(index, pk))
                targets[index] = event_rows[pk]
                claimed[pk].append(index)

    # The rows' own fields first, so that every row has its key before evidence and links are
    # written.
    now = timezone.now()
    rows: dict[int, m.Event] = {}
    leads: set[int] = set()
    new_rows: list[m.Event] = []
    updated: list[m.Event] = []
    fields: set[str] = set()
    for index, event in enumerate(extraction.events):
        row = targets[index]
        # When several machine events land in one row (an editor merged them), the best
        # attested one speaks for the row's fields; the others only bring their evidence.
        if row is not None:
            lead = max(claimed[row.pk], key=lambda i: (len(extraction.events[i].sources), -i))
            if lead != index:
                rows[index] = row
                continue
        values = {
            "title": event.title[:300],
            "alternative_dates": [
                {
                    "label": d.label,
                    "text": d.text,
                    "basis": d.basis,
                    "file": next((c.file for c in event.sources if c.date == d), None),
                }
                for d in event.alternative_dates
            ],
            **_date_values(event.date),
        }
        if row is None:
            row = m.Event(story=story, **values)
            new_rows.append(row)
        else:
            day = (row.date_start, row.date_end)
            dirty = _changed(row, values)
            if dirty:
                # What save() would set; a bulk update sets only what it is given.
                row.updated = now
                updated.append(row)
                fields.update(dirty)
            if (row.date_start, row.date_end) != day:
                changes.events.add(row.pk)
                changes.days.add(day)
        rows[index] = row
        leads.add(index)
    m.Event.objects.bulk_create(new_rows)
    batches.update(m.Event, updated, {*fields, "updated"})
    changes.events.update(row.pk for row in new_rows)

    actor_links = _Links(m.Event.actors.through, "actor_id", story)
    topic_links = _Links(m.Event.topics.through, "topic_id", story)
    proposed: set[tuple[int, int, str]] = set()
    new_sources: list[m.EventSource] = []
    moved_sources: dict[int, m.EventSource] = {}
    for index, row in rows.items():
        if index in leads:
            # A row several machine events land in (merged by an editor) is about all of them.
            speakers = [extraction.events[i] for i in claimed.get(row.pk, [index])]
            wanted_actors = {actors[n].pk for e in speakers for n in e.actors if n in actors}
            wanted_topics = {topics[s].pk for e in speakers for s in e.topics if s in topics}
            if not row.is_locked("actors") and actor_links.set(row.pk, wanted_actors):
                changes.events.add(row.pk)
            if not row.is_locked("topics"):
                topic_links.set(row.pk, wanted_topics)
        if _add_sources(row, evidence[index], by_event_key, proposed, new_sources, moved_sources):
            changes.events.add(row.pk)
    actor_links.write()
    topic_links.write()
    m.EventSource.objects.bulk_create(new_sources)
    batches.update(
        m.EventSource, list(moved_sources.values()), ["start", "end", "sentence", "sentence_key"]
    )

    # Evidence the machine no longer proposes goes, unless a person put it there or took it out,
    # or a person decided about its event (rejected, verified, corrected it) and no machine event
    # speaks for that event any more; events left with nothing go too, unless a person has
    # touched them.
    kept = {row.pk for row in rows.values()}
    orphans = [e for pk, e in event_rows.items() if pk not in kept]
    touched = {e.pk for e in orphans if e.locked_fields or e.hidden or e.verified}
    stale = [
        source
        for key, source in by_event_key.items()
        if not (
            key in proposed or source.by_editor or source.detached or source.event_id in touched
        )
    ]
    batches.delete(m.EventSource, [s.pk for s in stale])
    changes.events.update(s.event_id for s in stale)
    attached_by_editor = {s.event_id for s in existing if s.by_editor}
    gone = [e for e in orphans if e.pk not in touched and e.pk not in attached_by_editor]
    batches.delete(m.Event, [e.pk for e in gone])
    changes.days.update((e.date_start, e.date_end) for e in gone)
    return rows


class _Links:
    """The links of the story's events through one many-to-many table, and the changes to
    make to them, written together."""

    def __init__(self, through: type[Model], column: str, story: m.Story) -> None:
        self.through, self.column = through, column
        # event -> {linked row: link row}
        self.current: dict[int, dict[int, int]] = defaultdict(dict)
        links = through.objects.filter(event__story=story).values_list("pk", "event_id", column)
        for pk, event_id, other in links:
            self.current[event_id][other] = pk
        self.unlinked: list[int] = []
        self.linked: list[Model] = []

    def set(self, event_id: int, wanted: set[int]) -> bool:
        """Note what it takes for the event to link exactly ``wanted``; True when anything."""
        current = self.current.get(event_id, {})
        if set(current) == wanted:
            return False
        self.unlinked += [pk for other, pk in current.items() if other not in wanted]
        self.linked += [
            self.through(event_id=event_id, **{self.column: other})
            for other in sorted(wanted - set(current))
        ]
        return True

    def write(self) -> None:
        batches.delete(self.through, self.unlinked)
        self.through.objects.bulk_create(self.linked)


_SOURCE_FIELDS = (
    "pk",
    "event_id",
    "article_id",
    "sentence_key",
    "sentence",
    "start",
    "end",
    "by_editor",
    "detached",
)


def _add_sources(
    row: m.Event,
    evidence: list[tuple[t.EventCandidate, m.Article, str]],
    existing: dict[tuple[int, int, str], Any],
    proposed: set[tuple[int, int, str]],
    new: list[m.EventSource],
    moved: dict[int, m.EventSource],
) -> bool:
    """Give the row each piece of the machine event's evidence it does not hold yet (into
    ``new``), and move the span of each it holds where the machine now finds it (into
    ``moved``); True when there was any. Evidence an editor detached from this row stays
    detached.

    ``existing`` holds the stored evidence as plain rows, and the evidence of this run as
    EventSource objects, by (event, article, sentence key).
    """
    changed = False
    for cand, article, sentence_key in evidence:
        key = (row.pk, article.pk, sentence_key)
        proposed.add(key)
        source = existing.get(key)
        if source is None:
            # Built as save() would build it: a bulk insert does not call save().
            source = m.EventSource(
                event=row,
                article=article,
                sentence=cand.sentence,
                sentence_key=sentence_key,
                start=cand.start,
                end=cand.end,
            )
            new.append(source)
            existing[key] = source
            changed = True
        elif (source.start, source.end, source.sentence) != (cand.start, cand.end, cand.sentence):
            if not isinstance(source, m.EventSource):
                source = existing[key] = moved[source.pk] = m.EventSource(
                    **{f: getattr(source, f) for f in _SOURCE_FIELDS}
                )
            source.start, source.end, source.sentence = cand.start, cand.end, cand.sentence
            source.sentence_key = sentence_key
            changed = True
    return changed


def _write_quotes(
    story: m.Story,
    extraction: t.StoryExtraction,
    articles: dict[str, m.Article],
    actors: dict[str, m.Actor],
    events: dict[int, m.Event],
) -> None:
    """Write quotes, matched by (article, the machine's words); keep what editors decided.

    When a rule change alters the machine's words for a remark, the row whose span it overlaps
    in the same article carries on (with its corrections) rather than being replaced. Variant
    groups keep their numbers from run to run, so a quote an editor moved into a group stays
    with the same remark.
    """
    # In each article by position (and age, for two at one position): the order overlapping
    # rows are weighed in.
    stored = list(m.Quote.objects.for_story(story).order_by("article_id", "start", "pk"))
    # A failed article's quotes are left as they are.
    written = {a.pk for a in articles.values()}
    existing = {(q.article_id, q.key): q for q in stored if q.article_id in written}
    wanted: list[tuple[t.Quote, m.Article, str]] = []
    seen: set[tuple[int, str]] = set()
    for quote in extraction.quotes:
        article = articles.get(quote.file)
        if article is None:
            continue
        key = (article.pk, m.text_key(quote.text))
        if key in seen:
            continue
        seen.add(key)
        wanted.append((quote, article, key[1]))

    matched: dict[int, m.Quote] = {}
    for i, (_quote, article, key) in enumerate(wanted):
        if (article.pk, key) in existing:
            matched[i] = existing[(article.pk, key)]
    taken = {row.pk for row in matched.values()}
    free: dict[int, list[m.Quote]] = defaultdict(list)
    for q in existing.values():
        if q.pk not in taken:
            free[q.article_id].append(q)
    for i, (quote, article, _key) in enumerate(wanted):
        if i in matched:
            continue
        candidates = free.get(article.pk, [])
        overlapping = [q for q in candidates if q.start < quote.end and quote.start < q.end]
        if overlapping:
            row = max(overlapping, key=lambda q: min(q.end, quote.end) - max(q.start, quote.start))
            matched[i] = row
            candidates.remove(row)

    groups = _stable_variant_groups([q for q, _, _ in wanted], matched, stored)
    proposed: set[int] = set()
    created: list[m.Quote] = []
    updated: list[m.Quote] = []
    fields: set[str] = set()
    for i, (quote, article, key) in enumerate(wanted):
        values = {
            "text": quote.text,
            "start": quote.start,
            "end": quote.end,
            "direct": quote.direct,
            "cue": quote.cue[:50],
            "via_interpreter": quote.via_interpreter,
            "speaker": actors.get(quote.speaker) if quote.speaker else None,
            "event": events.get(quote.event) if quote.event is not None else None,
            "variant_group": groups.get(quote.variant_group),
        }
        row = matched.get(i)
        if row is None:
            created.append(m.Quote(article=article, key=key, **values))
            continue
        dirty = _changed(row, values)
        if row.key != key:
            row.key = key
            dirty.append("key")
        if dirty:
            updated.append(row)
            fields.update(dirty)
        proposed.add(row.pk)
    m.Quote.objects.bulk_create(created)
    batches.update(m.Quote, updated, fields)
    batches.delete(
        m.Quote,
        [
            row.pk
            for row in existing.values()
            if row.pk not in proposed and not row.locked_fields and not row.hidden
        ],
    )


def _stable_variant_groups(
    quotes: list[t.Quote], matched: dict[int, m.Quote], stored: Iterable[m.Quote]
) -> dict[int, int]:
    """Machine variant-group numbers -> the numbers the same groups had in the database.

    A machine group takes the number most of its existing quotes had; a new group takes its own
    number when free, else the next free one. Numbers that editors placed quotes in (among the
    story's ``stored`` quotes) stay taken, so no new remark is grouped with a quote an editor
    put somewhere else.
    """
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    for i, quote in enumerate(quotes):
        row = matched.get(i)
        if quote.variant_group is None or row is None or row.variant_group is None:
            continue
        if not row.is_locked("variant_group"):
            votes[quote.variant_group][row.variant_group] += 1
    reserved = {
        q.variant_group
        for q in stored
        if q.variant_group is not None and q.is_locked("variant_group")
    }
    mapping: dict[int, int] = {}
    used: set[int] = set()
    ranked = sorted(votes, key=lambda g: (-max(votes[g].values()), g))
    for g in ranked:
        for number, _n in sorted(votes[g].items(), key=lambda kv: (-kv[1], kv[0])):
            if number not in used:
                mapping[g] = number
                used.add(number)
                break
    taken = used | reserved
    for g in sorted({q.variant_group for q in quotes if q.variant_group is not None}):
        if g in mapping:
            continue
        number = g if g not in taken else max(taken | {g}) + 1
        mapping[g] = number
        taken.add(number)
    return mapping


def _digests(extraction: t.StoryExtraction) -> dict[str, str]:
    """Per article, a digest of what was extracted from it, to tell 'updated' from 'unchanged'."""
    parts: dict[str, list] = defaultdict(list)
    for art in extraction.articles:
        parts[art.input.file].append(
            [
                art.clean.headline,
                art.clean.author,
                str(art.published),
                art.published_basis,
                art.outlet,
            ]
        )
    for event in extraction.events:
        date_label = event.date.label if event.date else None
        for cand in event.sources:
            parts[cand.file].append(
                ["event", event.title, date_label, sorted(event.actors), cand.sentence]
            )
    for quote in extraction.quotes:
        parts[quote.file].append(
            ["quote", quote.text, quote.speaker, quote.direct, quote.variant_group]
        )
    return {
        name: hashlib.sha256(json.dumps(items, default=str).encode()).hexdigest()
        for name, items in parts.items()
    }
