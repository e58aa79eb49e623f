"""The data contract between the pure pipeline and everything built on top of it.

Every offset is a character offset into the article's original text (``ArticleInput.text``), so
evidence can always be shown in place in the article it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Protocol

BlockKind = Literal[
    "headline", "subheadline", "byline", "dateline", "heading", "caption", "boilerplate", "body"
]
Granularity = Literal["year", "month", "day"]
# How a date was found, strongest first: explicit words ("3 March 2021"), words resolved
# against the publication date ("on Tuesday", "last month"), or no words at all (the article's
# main day, inherited by a sentence that has no date of its own).
DateBasis = Literal["explicit", "relative", "context"]
PublishedBasis = Literal["manifest", "inferred from text", "inferred from story", "unknown"]
ActorKind = Literal["person", "organization", "place"]


@dataclass(frozen=True)
class ArticleInput:
    """One text file and what the manifest says about it (all optional but the name)."""

    file: str
    text: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class CleanArticle:
    headline: str
    author: str | None
    blocks: tuple[Block, ...]
    # A date printed above or below the headline. It may be the day the page was saved rather than
    # the day of the story, so it is evidence for the publication date, not the answer.
    printed_date: date | None = None
    # A date on a labelled line ("Published: 3 Mar 2021", "Date 2021-03-03"): the page says it is
    # the publication date.
    stamped_date: date | None = None

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "body")

    @property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.body_blocks)


@dataclass(frozen=True)
class DateValue:
    start: date
    end: date
    granularity: Granularity
    text: str  # the date's own words, "" when inherited from context
    basis: DateBasis
    qualifier: str | None = None  # "early", "mid", "late", a season...

    @property
    def label(self) -> str:
        """ISO form at the date's granularity: "2021", "2021-03" or "2021-03-03"."""
        if self.granularity == "year":
            return f"{self.start.year:04d}"
        if self.granularity == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()


@dataclass(frozen=True)
class Actor:
    """A real-world entity of the story: ``name`` is canonical (the fullest form used)."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    actor: str  # canonical name
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class EventCandidate:
    """A sentence of one article that reports something happening."""

    file: str
    sentence: str
    start: int
    end: int
    title: str
    date: DateValue | None
    actors: tuple[str, ...]  # canonical names
    topics: tuple[str, ...] = ()  # topic slugs
    trigger: str = ""  # lemma of the verb or noun that names the happening
    agents: tuple[str, ...] = ()  # canonical names of who did it (the trigger's subject)
    # How plainly the title tells the happening (0 = a noun phrase ... 3 = "Named agent did X"),
    # for choosing the title of an event several outlets report.
    clarity: int = 0
    # Announced, not yet happened ("is set to visit"): the same happening as a deed done only
    # on the day it was announced for.
    scheduled: bool = False


@dataclass(frozen=True)
class Event:
    """One happening, possibly reported by several outlets (one candidate per article)."""

    date: DateValue | None
    title: str
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    sources: tuple[EventCandidate, ...]
    # Other outlets' readings of the date when they disagree with ``date``.
    alternative_dates: tuple[DateValue, ...] = ()


@dataclass(frozen=True)
class Quote:
    file: str
    text: str  # the quoted words (without quote marks) or the reported content
    start: int
    end: int
    direct: bool
    speaker: str | None  # canonical actor name
    cue: str = ""  # the speech verb or "according to"
    via_interpreter: bool = False
    sentence_start: int = 0
    sentence_end: int = 0
    # Index into StoryExtraction.events of the event it was said at, if any.
    event: int | None = None
    # Quotes with the same variant_group are one remark as rendered by different outlets.
    variant_group: int | None = None
    # Shorter ways of naming an unnamed speaker: "a senior official" for "a senior official who
    # briefed reporters".
    speaker_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleExtraction:
    input: ArticleInput
    clean: CleanArticle
    published: date | None
    published_basis: PublishedBasis
    outlet: str | None
    mentions: tuple[Mention, ...] = ()
    date_mentions: tuple[tuple[int, int, DateValue], ...] = ()  # (start, end, value)


@dataclass(frozen=True)
class Decisions:
    """What editors decided, fed back into every run so the machine never undoes it."""

    # Pairs of names that are one actor: (alias, canonical name).
    same_actor: tuple[tuple[str, str], ...] = ()
    # Pairs of names that must never be merged into one actor.
    different_actors: tuple[tuple[str, str], ...] = ()


# Editors decided nothing yet (a module-level default keeps the dataclass out of signatures).
NO_DECISIONS = Decisions()


@dataclass(frozen=True)
class StoryExtraction:
    articles: tuple[ArticleExtraction, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    errors: tuple[tuple[str, str], ...] = field(default=())  # (file, message)
    # What the merge was given, every article's dated candidates, for fitting how it weighs pairs.
    candidates: tuple[EventCandidate, ...] = field(default=())


class ActorLookup(Protocol):
    """What the rules ask of a story's actors: who is named where, and who a name means."""

    def actors_in(self, file: str, start: int, end: int) -> tuple[str, ...]: ...

    def resolve(self, surface: str) -> str | None: ...
