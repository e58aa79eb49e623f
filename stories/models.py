"""What the timeline is made of.

Machine output is a proposal; an editor's decision is a fact. Rows the pipeline writes carry
``locked_fields``: the names of fields an editor has set, which ingest never overwrites, and
flags (hidden, verified) that only people change. Identity across re-ingests comes from natural
keys (file names, slugs, evidence sentences), never from row order.
"""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from functools import lru_cache

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from stories.nlp.names import spelling_key

GRANULARITIES = [("year", "Year"), ("month", "Month"), ("day", "Day")]
DATE_BASES = [
    ("explicit", "Explicit date in the sentence"),
    ("relative", "Resolved against the publication date"),
    ("context", "Inferred from the article's main day"),
    ("editor", "Set by an editor"),
]
PUBLISHED_BASES = [
    ("manifest", "Manifest"),
    ("inferred from text", "Inferred from text"),
    ("inferred from story", "Inferred from story"),
    ("editor", "Set by an editor"),
    ("unknown", "Unknown"),
]


_SPACES = re.compile(r"\s+")
_QUOTE_MARKS = str.maketrans("‘’“”", "''\"\"")


# Kept from run to run in a process: a run keys every quote and piece of evidence of the story
# again, and most of them were there the run before.
@lru_cache(maxsize=1 << 16)
def text_key(text: str) -> str:
    """A short stable key for a piece of text, blind to spacing and quote-mark styles."""
    norm = _SPACES.sub(" ", text).strip().lower()
    norm = norm.translate(_QUOTE_MARKS)
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:20]


def norm_name(name: str) -> str:
    """How stored names are compared: as spellings (``stories.nlp.names.spelling_key``)."""
    return spelling_key(name)


def truncate_words(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def unique_slug(text: str, taken: set[str], fallback: str = "item") -> str:
    base = slugify(text)[:80] or fallback
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def story_slug(raw: str) -> str:
    """The one spelling of a story's slug, as every command and page looks it up.

    "StoryA", "storya" and " StoryA " are one story, stored as "storya"; a name that gives no
    slug, or one too long to store, is refused with a ValueError that says so.
    """
    slug = slugify(raw.strip())
    if not slug:
        raise ValueError(
            f"{raw!r} is not a usable story slug: use letters, digits and hyphens, e.g. summit"
        )
    limit = Story._meta.get_field("slug").max_length
    if len(slug) > limit:
        raise ValueError(f"the story slug {slug!r} is longer than {limit} characters")
    return slug


class Editable(models.Model):
    """Fields an editor set are listed here; ingest leaves them alone."""

    locked_fields = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        abstract = True

    def is_locked(self, field: str) -> bool:
        return field in self.locked_fields

    def lock(self, *fields: str) -> None:
        """Record fields (or "sources", "aliases": what a merge or split decided) as an editor's."""
        self.locked_fields = sorted(set(self.locked_fields) | set(fields))

    @property
    def corrected(self) -> bool:
        """An editor changed something here; reader pages may mark it. No query."""
        return bool(self.locked_fields)


# The group editors belong to, and what it may do: correct the machine, never manage people.
# Deleting is left out where a correction must survive re-ingest (an event or actor deleted
# would come back on the next run): editors hide events and merge actors instead.
EDITOR_GROUP = "Editor"
EDITOR_PERMISSIONS = {
    "story": ("view", "change"),
    "outlet": ("view", "add", "change"),
    # An article added by mistake is deleted, and its story extracted again without it.
    "article": ("view", "add", "change", "delete"),
    "actor": ("view", "change"),
    "actoralias": ("view", "add", "change", "delete"),
    "actordecision": ("view", "add", "delete"),
    "topic": ("view",),
    "event": ("view", "change"),
    "eventsource": ("view", "add", "change"),
    "quote": ("view", "change"),
    "ingestjob": ("view",),
}


class Story(Editable):
    slug = models.SlugField(unique=True)
    # An editor's title is locked: ingest's --title does not replace it.
    title = models.CharField(max_length=300)
    created = models.DateTimeField(auto_now_add=True)
    # A fingerprint of the inputs and pipeline that produced the current rows: a re-run with
    # the same fingerprint has nothing to do.
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # Bumped, with ``changed``, by every write to the story's rows (stories/versions.py):
    # reader pages' caches and ETags are keyed on it.
    version = models.PositiveBigIntegerField(default=0, editable=False)
    changed = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:timeline", args=[self.slug])


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def for_story(self, story: Story) -> ArticleQuerySet:
        return self.filter(story=story)


class Article(Editable):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="articles")
    file_name = models.CharField(max_length=255)
    content_hash = models.CharField(max_length=64)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    url = models.URLField(blank=True, max_length=500)
    headline = models.CharField(max_length=500, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    published_basis = models.CharField(max_length=32, choices=PUBLISHED_BASES, default="unknown")
    raw_text = models.TextField()
    body = models.TextField(blank=True)
    # The file name of the first article of this one's wire family (articles copying one agency
    # story, stories/nlp/families.py), or "" when it has no copy in the story.
    family = models.CharField(max_length=255, blank=True, editable=False)
    # The cleaned layout: [{"kind", "start", "end"}] over raw_text, for showing the article with
    # its furniture marked as such.
    blocks = models.JSONField(default=list, blank=True)
    # A digest of everything extracted from this article: "updated" is reported only on real change.
    extraction_digest = models.CharField(max_length=64, blank=True, editable=False)
    ingested = models.DateTimeField(auto_now_add=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["file_name"]
        constraints = [
            models.UniqueConstraint(fields=["story", "file_name"], name="article_file_per_story")
        ]

    def __str__(self) -> str:
        return self.headline or self.file_name

    def get_absolute_url(self) -> str:
        return reverse("stories:article", args=[self.story.slug, self.pk])

    @property
    def source_label(self) -> str:
        """What a reader sees for this source: the outlet, or the article's own headline when no
        outlet is known (a file name means nothing to a reader)."""
        if self.outlet_id:
            return self.outlet.name
        if self.headline:
            return f"Unnamed outlet (“{truncate_words(self.headline, 5)}”)"
        return "Unnamed outlet"

    @property
    def short_label(self) -> str:
        """A badge-sized source label: the outlet, or the first words of the headline."""
        if self.outlet_id:
            return self.outlet.name
        if self.headline:
            return f"Unnamed: “{truncate_words(self.headline, 3)}”"
        return "Unnamed outlet"

    @property
    def independence_key(self) -> str:
        """Articles with one key count as one independent report: one outlet, or one wire story."""
        if self.family:
            return f"family:{self.family}"
        return f"outlet:{self.outlet_id}" if self.outlet_id else f"article:{self.pk}"


class Actor(Editable):
    PERSON, ORGANIZATION, PLACE = "person", "organization", "place"
    KINDS = [(PERSON, "Person"), (ORGANIZATION, "Organization"), (PLACE, "Place")]

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="actors")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100)
    kind = models.CharField(max_length=20, choices=KINDS, default=PERSON)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["story", "slug"], name="actor_slug_per_story")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stories:actor", args=[self.story.slug, self.slug])


class ActorAlias(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    # Added by an editor (kept whatever the machine proposes) or proposed by the machine.
    by_editor = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "actor aliases"
        constraints = [models.UniqueConstraint(fields=["actor", "name"], name="alias_per_actor")]

    def __str__(self) -> str:
        return self.name


class ActorDecision(models.Model):
    """An editor's ruling on two names, fed to the pipeline on every run."""

    SAME, DIFFERENT = "same", "different"
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="actor_decisions")
    kind = models.CharField(
        max_length=10, choices=[(SAME, "Same actor"), (DIFFERENT, "Not the same")]
    )
    name = models.CharField(max_length=200, help_text="A name as it appears in the articles.")
    other_name = models.CharField(
        max_length=200, help_text="For 'same': the canonical name it belongs to."
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["story", "kind", "name", "other_name"], name="actor_decision_once"
            )
        ]

    def __str__(self) -> str:
        verb = "is" if self.kind == self.SAME else "is not"
        return f"{self.name} {verb} {self.other_name}"


class Topic(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EventQuerySet(models.QuerySet):
    def visible(self) -> EventQuerySet:
        return self.filter(hidden=False)

    def for_story(self, story: Story) -> EventQuerySet:
        return self.filter(story=story)

    # Each facet is one subquery however many values are asked: the events that carry as many
    # distinct asked values as were asked (all of them), counted over the link rows. A subquery
    # per value made the query grow with the URL, and the database's work with it.

    def for_actor(self, *actors: Actor | str) -> EventQuerySet:
        links = Event.actors.through.objects
        return self._having_all(links, "event", "actor", _slug_or_pk("actor", actors))

    def in_topic(self, *topics: Topic | str) -> EventQuerySet:
        links = Event.topics.through.objects
        return self._having_all(links, "event", "topic", _slug_or_pk("topic", topics))

    def from_outlet(self, *outlets: Outlet | str) -> EventQuerySet:
        links = EventSource.objects.active()
        return self._having_all(
            links, "event", "article__outlet", _slug_or_pk("article__outlet", outlets)
        )

    def _having_all(
        self, links: models.QuerySet, event: str, value: str, wanted: tuple[Q, int]
    ) -> EventQuerySet:
        condition, n = wanted
        if not n:
            return self
        matching = (
            links.filter(condition)
            .values(event)
            .annotate(n=Count(value, distinct=True))
            .filter(n=n)
            .values(event)
        )
        return self.filter(pk__in=matching)

    def chronological(self) -> EventQuerySet:
        # Undated events last; within a date, the wider period (a year) before its days, then
        # the story's own order of that day (stories/derived.py), never the alphabet.
        return self.order_by(
            models.F("date_start").asc(nulls_last=True), "-date_end", "sequence", "pk"
        )

    def for_cards(self) -> EventQuerySet:
        """What a timeline card shows and nothing more: no article text, no evidence sentence
        (the card loads those on demand from the event's page)."""
        return self.prefetch_related(
            Prefetch("actors", queryset=Actor.objects.only("id", "name", "slug", "kind")),
            Prefetch("topics", queryset=Topic.objects.only("id", "name", "slug")),
            Prefetch(
                "sources",
                queryset=EventSource.objects.active()
                .select_related("article__outlet")
                .only(
                    "event_id",
                    "article__file_name",
                    "article__headline",
                    "article__family",
                    "article__outlet__name",
                )
                .order_by("article__file_name"),
                to_attr="active_sources",
            ),
        )

    def with_reader_data(self) -> EventQuerySet:
        return (
            self.annotate(
                source_count=Count("sources", filter=Q(sources__detached=False), distinct=True)
            )
            .select_related("story")
            .prefetch_related(
                "actors",
                "topics",
                Prefetch(
                    "sources",
                    queryset=EventSource.objects.active()
                    .select_related("article__outlet")
                    .order_by("article__file_name"),
                    to_attr="active_sources",
                ),
            )
        )


def _slug_or_pk(field: str, items: tuple) -> tuple[Q, int]:
    """A condition matching any of the items (rows or slugs), and how many were asked."""
    slugs = {i for i in items if isinstance(i, str)}
    pks = {i.pk for i in items if not isinstance(i, str)}
    condition = Q()
    if slugs:
        condition |= Q(**{f"{field}__slug__in": sorted(slugs)})
    if pks:
        condition |= Q(**{f"{field}__in": sorted(pks)})
    return condition, len(slugs) + len(pks)


class Event(Editable):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=300)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    granularity = models.CharField(max_length=10, choices=GRANULARITIES, blank=True)
    date_text = models.CharField("date's own words", max_length=200, blank=True)
    date_basis = models.CharField(max_length=20, choices=DATE_BASES, blank=True)
    date_qualifier = models.CharField(max_length=30, blank=True)
    # Other outlets' readings of the date, when they disagree: [{"label", "text", "file"}].
    alternative_dates = models.JSONField(default=list, blank=True)
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    topics = models.ManyToManyField(Topic, blank=True, related_name="events")
    hidden = models.BooleanField(default=False, help_text="Rejected by an editor.")
    verified = models.BooleanField(default=False, help_text="Checked by an editor.")
    # Its place among the events of its date: the story's sequence, worked out after each write.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # Where its outlets contradict each other (a count, who did it), in words; worked out with
    # the sequence, so that a timeline card can flag it without loading every sentence.
    disputes = models.TextField(blank=True, editable=False)
    updated = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date_start").asc(nulls_last=True), "sequence", "pk"]
        indexes = [models.Index(fields=["story", "date_start"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:event", args=[self.story.slug, self.pk])

    @property
    def date_label(self) -> str:
        """The date at its true granularity: "2019", "Early 2022", "May 2023", "Wed 13 Sep 2023"."""
        if self.date_start is None:
            return "Undated"
        if self.granularity == "year":
            label = str(self.date_start.year)
        elif self.granularity == "month":
            label = self.date_start.strftime("%B %Y")
        else:
            label = f"{self.date_start:%a} {self.date_start.day} {self.date_start:%b %Y}"
        if self.date_qualifier == "after" and self.granularity == "year":
            # The rest of a year after a dated happening: "After July 2023" says it, where
            # "After 2023" would read as the years that follow.
            if (self.date_start.month, self.date_start.day) == (1, 1):
                return f"Later in {self.date_start.year}"
            return f"After {self.date_start - timedelta(days=1):%B %Y}"
        if self.date_qualifier:
            label = f"{self.date_qualifier.capitalize()} {label}"
        return label

    @property
    def date_iso(self) -> str | None:
        if self.date_start is None:
            return None
        if self.granularity == "year":
            return f"{self.date_start.year:04d}"
        if self.granularity == "month":
            return f"{self.date_start.year:04d}-{self.date_start.month:02d}"
        return self.date_start.isoformat()


class EventRedirect(models.Model):
    """An event merged into another by an editor: its old address leads to the one it joined."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="event_redirects")
    old_id = models.PositiveBigIntegerField()
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="redirects")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "old_id"], name="event_redirect_once")
        ]

    def __str__(self) -> str:
        return f"#{self.old_id} → #{self.event_id}"


class EventSourceQuerySet(models.QuerySet):
    def active(self) -> EventSourceQuerySet:
        return self.filter(detached=False)


class EventSource(models.Model):
    """One outlet's evidence for an event: a sentence of an article, with its span."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_sources")
    sentence = models.TextField()
    sentence_key = models.CharField(max_length=20, editable=False)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # Attached by an editor rather than proposed by the machine.
    by_editor = models.BooleanField(default=False)
    # Detached by an editor: kept so that no later run attaches it again.
    detached = models.BooleanField(default=False)

    objects = EventSourceQuerySet.as_manager()

    class Meta:
        ordering = ["article__file_name", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "article", "sentence_key"], name="evidence_once_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article.file_name}: {self.sentence[:80]}"

    def save(self, *args, **kwargs) -> None:
        self.sentence_key = text_key(self.sentence)
        super().save(*args, **kwargs)


class QuoteQuerySet(models.QuerySet):
    def visible(self) -> QuoteQuerySet:
        return self.filter(hidden=False)

    def for_story(self, story: Story) -> QuoteQuerySet:
        return self.filter(article__story=story)

    def by_speaker(self, *actors: Actor | str) -> QuoteQuerySet:
        if not actors:
            return self
        slugs = [a if isinstance(a, str) else a.slug for a in actors]
        return self.filter(speaker__slug__in=slugs)

    def from_outlet(self, *outlets: Outlet | str) -> QuoteQuerySet:
        if not outlets:
            return self
        slugs = [o if isinstance(o, str) else o.slug for o in outlets]
        return self.filter(article__outlet__slug__in=slugs)


class Quote(Editable):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    text = models.TextField()
    # The machine's identity for the quote across re-ingests (a digest of the words it last
    # proposed); an editor's corrected text span does not change it.
    key = models.CharField(max_length=20, editable=False)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    direct = models.BooleanField(default=True)
    cue = models.CharField(max_length=50, blank=True)
    via_interpreter = models.BooleanField(default=False)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    variant_group = models.PositiveIntegerField(null=True, blank=True)
    hidden = models.BooleanField(default=False)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article__file_name", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "key"], name="quote_once_per_article")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ArticleParse(models.Model):
    """spaCy's reading of one article's body blocks (a DocBin), kept so that an article whose
    text, model and spaCy version are unchanged is never parsed again."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="parse")
    # Digest of the model, spaCy's version and the texts parsed: a parse is used only for them.
    key = models.CharField(max_length=64)
    docs = models.BinaryField()

    def __str__(self) -> str:
        return f"parse of {self.article_id}"


class ArticleReadingRow(models.Model):
    """What the pipeline derived from one article alone (``stories.nlp.readings``), kept so that
    adding an article to a story does not run every other article's rules again. Written and read
    only by the ingest code; valid only for the pipeline code it was made by."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="reading")
    # pipeline_fingerprint() of the code that made it: any change to the rules discards it.
    pipeline = models.CharField(max_length=64)
    data = models.BinaryField()

    def __str__(self) -> str:
        return f"reading of {self.article_id}"


class IngestJobQuerySet(models.QuerySet):
    def for_story(self, story: Story) -> IngestJobQuerySet:
        return self.filter(story=story)

    def unfinished(self) -> IngestJobQuerySet:
        return self.filter(status__in=[IngestJob.QUEUED, IngestJob.RUNNING])

    def recent(self, n: int = 5) -> IngestJobQuerySet:
        return self.order_by("-created", "-pk")[:n]


class IngestJob(models.Model):
    """One background ingestion of a story: what an editor asked for and how far it has got.

    The task framework keeps the queue; this row keeps what editors see (stage, article N of M,
    the outcome in words) and the uploaded articles until the task has read them.
    """

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [(QUEUED, "Queued"), (RUNNING, "Running"), (DONE, "Done"), (FAILED, "Failed")]
    ADD, REEXTRACT = "add", "reextract"
    KINDS = [(ADD, "Add articles"), (REEXTRACT, "Re-run extraction")]

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="ingest_jobs")
    kind = models.CharField(max_length=20, choices=KINDS)
    status = models.CharField(max_length=20, choices=STATUSES, default=QUEUED)
    stage = models.CharField(max_length=200, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # The run's summary line when done; the reason when failed.
    message = models.TextField(blank=True)
    # Uploaded articles: [{"file", "text", "outlet", "url", "author", "published"}], emptied once
    # the articles are stored.
    articles = models.JSONField(default=list, blank=True)
    requested_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    task_id = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    objects = IngestJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.story} ({self.status})"

    @property
    def finished_ok(self) -> bool:
        return self.status == self.DONE

    @property
    def is_over(self) -> bool:
        return self.status in (self.DONE, self.FAILED)

    @property
    def files(self) -> list[str]:
        return [a["file"] for a in self.articles]
