"""When each article of a story was published: its own words first, then its siblings'.

An article's events are dated against its publication date (the DCT), so a wrong or missing DCT
misdates everything it reports and keeps it from merging with other outlets' reports. Pages often
carry no date, and the text then speaks in weekdays ("early Tuesday", "on Wednesday") and in
"yesterday". Each article's own evidence is read first (a labelled date line, a dateline, explicit
days, weekdays); the story then supplies what one article cannot: the days its firmly dated
siblings report. An undated article's DCT is the day that makes its own weekday and "yesterday"
mentions land on days the story is about, as soon after them as possible.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TypeVar

import numpy as np
from spacy.tokens import Doc, Span, Token

from .clauses import is_future, verb_above
from .dates import (
    MEASURE,
    NUMBER,
    WEEKDAY_NAMES,
    loose_weekday,
    measured_days,
    number,
    resolve_expression,
    sentence_tense,
    weekday_index,
)
from .lexicon import REPORTED_FUTURE_AUX, REPORTING_VERBS
from .telling import shared_share, telling_words, word_weights
from .types import Block, CleanArticle, PublishedBasis

_WEEKDAY_IN = re.compile(rf"\b(?P<rel>next|coming|last|this)?\s*(?P<day>{WEEKDAY_NAMES})\b", re.I)
_MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_NAMES["sept"] = 9
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# "Mar. 3", "March 3rd", "3 March": a day of a month with no year.
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{_MONTH.replace('month', 'month2')})(?![\w,]*\s*\d{{4}})\b",
    re.I,
)
_AGO = re.compile(
    r"^(?:about |nearly |almost |roughly |some |just |more than |just over |just under )?"
    rf"(?P<n>{NUMBER})\s+(?P<unit>days?|weeks?)(?P<half> and a half)?\s+ago$"
)
_AHEAD_OF = re.compile(r"\b(?:for|through|until|till|by|before)\s*$", re.I)
_LAST_WEEK = re.compile(r"^(?:early |late )?last week$")
# How long ago the happening a story began with was, said where the article sets its own time:
# a headline or standfirst's "Two weeks after the collapse: ...", "Three weeks on, ...", and a
# body sentence that opens "Eight days on, ..." or "It has been five weeks since ...".
# Only a span that opens the line or a part of it: "came a day after the senator's" in a
# headline relates two happenings, not the article's time.
_SINCE_IN_HEADLINE = re.compile(rf"(?:^|[,:;—–-]\s*){MEASURE}\s+(?:on|after|since)\b", re.I)
_SINCE_OPENING = re.compile(rf"^{MEASURE}\s+on\s*,", re.I)
_SINCE_IT_HAS_BEEN = re.compile(rf"^it\s+has\s+(?:now\s+)?been\s+{MEASURE}\s+since\b", re.I)
# A span of days easily counts from a later happening than the story's first ("a day after the
# search ended", "three days since the funeral"); "three weeks on" is counted from its start.
_SINCE_SHORTEST = 7
# The weekday a byline labels as the day the page went up: "first published Wednesday".
_PUBLISHED_WEEKDAY = re.compile(
    rf"\b(?:published|posted)(?:\s+on)?[\s:]+(?P<day>{WEEKDAY_NAMES})\b", re.I
)
# Past mentions that are not dates of a happening: "next Tuesday" looks ahead.
_AHEAD = frozenset({"next", "coming"})
# How long after the day it reports a news article typically appears: a DCT further than this
# from every day its own words name is unlikely.
_MAX_LAG = 10
# How much of its telling words a sentence must share with a dated sibling's to be taken for a
# report of the same happening, and what such a tie adds to the day it points to: more than a
# day the story merely names, since it says which of the story's days the weekday is. A weekday
# or a month-day can only be tied to a day of its own name, so a chance likeness rarely counts;
# "yesterday" can be tied to any day, and needs more in common.
_ANCHOR_SHARE = 0.3
_ANCHOR_SHARE_ANY_DAY = 0.5
_ANCHOR = 2.0
# What a wire dateline's month-day ("PORT CITY, July 28 (Wire) -") adds to that day: as much as a
# tie to a sibling's report.
_DATELINE = 2.0
# What a sentence no dated sibling retells keeps of its confirmation by days the story names: a
# sibling naming a day of that weekday likely tells of something else.
_UNTIED = 0.5
# The weekday an article's opening paragraph names is the news it leads with, most often of the
# day the article appears or the day before ("rose to 96 on Monday" in Monday's or Tuesday's
# paper), whatever older days the rest of it recounts. It only settles a tie between weeks the
# other clues fit equally (which would otherwise go to the earliest): a lead of "Thursday night"
# may be Thursday's late news or Friday's.
_LEAD_SAME_DAY = 0.05
_LEAD_DAY_AFTER = 0.03
# How far apart one story's reports may lie: follow-ups come weeks later, not years.
_STORY_SPAN = 42
# A word more dated sentences share than this finds too many to compare (a story's main actor,
# "said"): a sentence is compared only with those sharing a rarer word.
_ANCHOR_KEY_CAP = 100


@dataclass(frozen=True)
class PublishedGuess:
    """What one article's own text says about its publication date."""

    date: date | None
    basis: PublishedBasis
    # Only a date printed on the page: possibly the day the page was saved, weeks later.
    printed_only: bool = False
    # Firm: given by the manifest, a labelled date line ("Published: ...") or a full dateline.
    firm: bool = False


@dataclass(frozen=True)
class Sighting:
    """One day an article names, with the telling words of the sentence that names it (the
    date's own words left out): how the story ties "on Thursday" in an undated article to the
    day a dated sibling gives the same happening."""

    words: frozenset[str]
    weekday: int | None = None
    month_day: tuple[int, int] | None = None
    day: date | None = None
    back: int | None = None  # days before the article's own: "yesterday" is 1
    last: bool = False  # "last Thursday": a week back when the article is of a Thursday


@dataclass(frozen=True)
class PublishedEvidence:
    """One article's own clues to its publication date, kept for the story-level decision."""

    guess: PublishedGuess
    # The latest full day the body names: the article cannot be older than what it reports.
    lower_bound: date | None = None
    weekdays: tuple[int, ...] = ()  # past weekdays named ("on Tuesday", "early Monday")
    last_weekdays: tuple[int, ...] = ()  # "last Thursday": before the article's own day
    month_days: tuple[tuple[int, int], ...] = ()  # (month, day) named without a year
    yesterday: int = 0  # how often "yesterday" / "last night" is said
    days: tuple[date, ...] = field(default=())  # full days named in the body
    # "a week and a half ago", "10 days ago": how many days back, as a (fewest, most) range
    ago: tuple[tuple[int, int], ...] = ()
    last_week: int = 0  # how often "last week" is said: the calendar week before the article's
    # "Three weeks on": how many days (fewest, most) the article is after the happening the story
    # began with
    since: tuple[tuple[int, int], ...] = ()
    # "Posted by Ana Reis · Friday": the weekday a byline prints is the day the article appeared
    byline_weekday: int | None = None
    sightings: tuple[Sighting, ...] = ()
    # The month and day of a wire dateline without a year ("PORT CITY, July 28 (Wire) -"): the day
    # the article was filed, in the year the story gives.
    dateline: tuple[int, int] | None = None
    # The telling words of each body sentence: a rewrite of a sibling repeats most of them.
    sentences: tuple[frozenset[str], ...] = ()
    told_past: tuple[frozenset[str], ...] = ()  # the sentences told in the past
    lead_weekday: int | None = None  # the first past weekday of the opening paragraph


def read_evidence(
    clean: CleanArticle, docs: Sequence[tuple[Block, Doc]], *, manifest: date | None = None
) -> PublishedEvidence:
    """Everything one article's own text says about when it was published."""
    explicit: list[date] = []
    weekdays: list[int] = []
    last_weekdays: list[int] = []
    month_days: list[tuple[int, int]] = []
    yesterday = 0
    ago: list[tuple[int, int]] = []
    last_week = 0
    sightings: list[Sighting] = []
    sentences: list[frozenset[str]] = []
    told_past: list[frozenset[str]] = []  # those told as done, not as to come
    lead_weekday: int | None = None
    for n, (_block, doc) in enumerate(docs):
        for sent in doc.sents:
            if len(words := telling_words(sent.text)) >= _TOLD:
                sentences.append(words)
                if _told_as_done(sent):
                    told_past.append(words)
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            words = " ".join(ent.text.split()).strip(" ,.;:")
            low = words.lower()
            left = doc.text[max(0, ent.start_char - 12) : ent.start_char]
            if _AHEAD_OF.search(left) or _told_ahead(verb_above(ent.root)):
                # "a fourth day of strikes for May 11", "will vote on Thursday", "suspends the
                # levy through Jan. 1, 2031": days ahead, not days the article reports.
                continue
            told = _told_of(ent)
            if low.startswith(("yesterday", "last night")):
                yesterday += 1
                sightings.append(Sighting(told, back=1))
                continue
            if (back := _days_ago(low)) is not None:
                ago.append(back)
                continue
            if (since := _span_before_now(ent)) is not None:
                # "Five days after the ferry sank, its owners have ...": the happening
                # after "after" lies that many days before the article.
                days_back, what = since
                ago.append((days_back, days_back))
                sightings.append(Sighting(what, back=days_back))
                continue
            if _LAST_WEEK.match(low):
                last_week += 1
                continue
            if m := _WEEKDAY_IN.search(low):
                rel = (m.group("rel") or "").lower()
                loose = loose_weekday(ent) or re.search(r"\ban?\s+$", low[: m.start("day")])
                if rel not in _AHEAD and not re.search(r"\d", low) and not loose:
                    day = weekday_index(m.group("day"))
                    (last_weekdays if rel == "last" else weekdays).append(day)
                    if n == 0 and rel != "last" and lead_weekday is None:
                        lead_weekday = day
                    sightings.append(Sighting(told, weekday=day, last=rel == "last"))
                    continue
            if re.search(r"\b\d{4}\b", words):
                value = resolve_expression(words, date(2000, 1, 1))
                if (
                    value is not None
                    and value.granularity == "day"
                    and value.basis == "explicit"
                    and sentence_tense(ent.sent) == "past"
                ):
                    explicit.append(value.start)
                    sightings.append(Sighting(told, day=value.start))
                continue
            if md := _month_day(low):
                month_days.append(md)
                sightings.append(Sighting(told, month_day=md))
    dateline = _dateline_day(clean)
    if dateline is not None and len(dateline) == 2:
        month_days.insert(0, dateline)  # type: ignore[arg-type]
    guess = _own_guess(clean, explicit, weekdays, manifest, dateline)
    return PublishedEvidence(
        since=_spans_since(clean, docs),
        byline_weekday=_byline_weekday(clean),
        guess=guess,
        lower_bound=max(explicit) if explicit else None,
        weekdays=tuple(weekdays),
        last_weekdays=tuple(last_weekdays),
        month_days=tuple(month_days),
        yesterday=yesterday,
        days=tuple(sorted(set(explicit))),
        ago=tuple(ago),
        last_week=last_week,
        sightings=tuple(sightings),
        dateline=(dateline[0], dateline[1])
        if dateline is not None and len(dateline) == 2
        else None,
        sentences=tuple(sentences),
        told_past=tuple(told_past),
        lead_weekday=lead_weekday,
    )


def _told_as_done(sent: Span) -> bool:
    """A sentence whose own verb tells something as done ("divers resumed", "had found"), not
    as to come or in hand ("will resume", "are preparing to resume", "hope to resume")."""
    root = sent.root
    if root.lemma_.lower() in REPORTING_VERBS:
        # "Divers will resume the search, police said": what was said is what is told.
        root = next((c for c in root.children if c.dep_ == "ccomp"), root)
    if root.tag_ == "VBD" and root.lemma_.lower() not in ("be", "have"):
        return not any(c.dep_ == "xcomp" for c in root.children)
    return root.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "was", "were")
        for c in root.children
    )


def _spans_since(
    clean: CleanArticle, docs: Sequence[tuple[Block, Doc]]
) -> tuple[tuple[int, int], ...]:
    """ "Two weeks after the collapse: what we know", "Eight days on, the question is ...": how
    long the article comes after the happening the story began with, as a (fewest, most) range of
    days. A headline sets the article's own time, so its span is from then; in the body, only a
    sentence that opens on the span does (not "two days after the vote, he resigned")."""
    found: list[re.Match[str]] = []
    for block in clean.blocks:
        if block.kind in ("headline", "subheadline"):
            found += _SINCE_IN_HEADLINE.finditer(block.text)
    for _block, doc in docs:
        for sent in doc.sents:
            text = " ".join(sent.text.split())
            found += [m for p in (_SINCE_OPENING, _SINCE_IT_HAS_BEEN) if (m := p.search(text))]
    spans = []
    for m in found:
        days = measured_days(m)
        if days >= _SINCE_SHORTEST:
            slack = 1 if m.group("unit").lower().startswith("week") else 0  # "two weeks": 13 to 15
            spans.append((days - slack, days + slack))
    return tuple(spans)


def _byline_weekday(clean: CleanArticle) -> int | None:
    """The weekday printed on the byline ("Posted by Ana Reis · Friday · 7 min read"): a page
    that gives no date often gives the day of the week it went up. A byline naming more than one
    ("Updated Saturday, first published Wednesday") went up on the one labelled published or
    posted; with no such label, which is which is unknown, and none is taken."""
    for block in clean.blocks:
        if block.kind != "byline":
            continue
        named = [m for m in _WEEKDAY_IN.finditer(block.text) if not m.group("rel")]
        if len(named) == 1:
            return weekday_index(named[0].group("day"))
        if m := _PUBLISHED_WEEKDAY.search(block.text):
            return weekday_index(m.group("day"))
    return None


def _told_of(ent: Span) -> frozenset[str]:
    """What a named day is the day of: the happening it owns ("Thursday's flood" is the
    day of the flood, whatever else the sentence tells), else the sentence's telling words,
    the date's own left out."""
    owner = ent.root.head
    if ent.root.dep_ == "poss" and owner.pos_ == "NOUN":
        return telling_words(owner.text)
    return telling_words(ent.sent.text) - telling_words(ent.text)


def _told_ahead(verb: Token) -> bool:
    """A verb announced, itself or through the verb it completes: "will close", "will be able
    to claim the refund from Monday", "is expected to start on Friday"."""
    for _ in range(4):
        if is_future(verb) or _reported_intent(verb):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.dep_ == "acomp" and verb.head.i != verb.i:
            verb = verb.head  # "able" in "will be able to claim"
    return False


def _reported_intent(verb: Token) -> bool:
    """ "said the president would speak on Wednesday": what someone was told to mean to do is a
    day ahead of the telling, not a day the article reports."""
    return verb.dep_ == "ccomp" and any(
        c.dep_ == "aux" and c.lower_ in REPORTED_FUTURE_AUX for c in verb.children
    )


def _days_ago(words: str) -> tuple[int, int] | None:
    """ "a week and a half ago" -> (10, 11); "two weeks ago" -> (13, 15); "10 days ago"."""
    m = _AGO.match(words)
    if m is None:
        return None
    n = number(m.group("n"))
    if not n:
        return None
    unit = 7 if m.group("unit").startswith("week") else 1
    back = (n + (0.5 if m.group("half") else 0)) * unit
    slack = 1 if unit == 7 else 0  # "two weeks ago" is said of 13 or 15 days as well
    return int(back) - slack, int(back + 0.5) + slack


def _span_before_now(ent: Span) -> tuple[int, frozenset[str]] | None:
    """ "A week after the fire, the quay is still closed": how many days before the article's
    own time the happening after "after" was, and its telling words, when the clause the span
    leads tells of that time (in the present, or the present perfect)."""
    # Only an exact span ("a week", "five days") names a day; "about two weeks" does not.
    m = re.fullmatch(MEASURE, " ".join(ent.text.lower().split()))
    doc = ent.doc
    if m is None or ent.end >= len(doc) or doc[ent.end].lower_ != "after":
        return None
    after = doc[ent.end]
    # "after the fire" governs its noun and hangs on the verb it dates; "after the agency
    # declared ..." marks a clause that hangs on that verb.
    clause = after.head if after.dep_ == "mark" else after
    led = clause.head
    now = led.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in led.children
    )
    if not now:
        return None
    end = after.head.right_edge.i if after.dep_ == "mark" else after.right_edge.i
    words = telling_words(doc[after.i + 1 : end + 1].text)
    if not words:
        return None
    return measured_days(m), words


def infer_published(
    clean: CleanArticle, docs: Sequence[tuple[Block, Doc]], *, manifest: date | None = None
) -> PublishedGuess:
    """The publication date from the article alone (see ``fill_published_from_story``)."""
    return read_evidence(clean, docs, manifest=manifest).guess


def _month_day(text: str) -> tuple[int, int] | None:
    m = _MONTH_DAY.search(text)
    if not m:
        return None
    month = _month_index(m.group("month") or m.group("month2"))
    day = int(m.group("day") or m.group("day2"))
    return (month, day) if month is not None and 1 <= day <= 31 else None


def _month_index(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return _MONTH_NAMES.get(word) or _MONTH_NAMES.get(word[:3])


# A wire dateline at the head of the first paragraph: "PORT VESSA, Mar 3 (Wire) -", "LONDON, 3
# March 2021 -". Only its date matters here; the place is furniture.
_DATELINE_DATE = re.compile(
    r"^[A-Z][\w .'’/-]{1,40}?,\s*(?:(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2})|(?P<d2>\d{1,2})\s+"
    r"(?P<mon2>[A-Z][a-z]{2,8}))(?:,?\s+(?P<y>\d{4}))?\s*(?:\([^)]{1,40}\))?\s*[-—–:]",
)


def _dateline_day(clean: CleanArticle) -> tuple[int, int] | tuple[int, int, int] | None:
    lines = [b for b in clean.blocks if b.kind == "dateline"]
    if not lines:
        return None
    m = _DATELINE_DATE.match(lines[-1].text)
    if not m:
        return None
    month = _month_index(m.group("mon") or m.group("mon2"))
    day = int(m.group("d") or m.group("d2"))
    if month is None or not 1 <= day <= 31:
        return None
    if m.group("y"):
        return (int(m.group("y")), month, day)
    return (month, day)


def _own_guess(
    clean: CleanArticle,
    explicit: list[date],
    weekdays: list[int],
    manifest: date | None,
    dateline: tuple[int, ...] | None,
) -> PublishedGuess:
    if manifest is not None:
        return PublishedGuess(manifest, "manifest", firm=True)
    if clean.stamped_date is not None:
        return PublishedGuess(clean.stamped_date, "inferred from text", firm=True)
    if dateline is not None and len(dateline) == 3:
        try:
            return PublishedGuess(date(*dateline), "inferred from text", firm=True)
        except ValueError:
            pass
    if explicit:
        latest = max(explicit)
        later = [(wd - latest.weekday()) % 7 for wd in weekdays]
        # A weekday within the week after the latest explicit day is the day of the report.
        ahead = Counter(d for d in later if d > 0).most_common(1)
        day = latest + timedelta(days=ahead[0][0]) if ahead else latest
        if clean.printed_date is not None and clean.printed_date < day:
            day = clean.printed_date
        return PublishedGuess(day, "inferred from text")
    if clean.printed_date is not None:
        return PublishedGuess(clean.printed_date, "inferred from text", printed_only=True)
    return PublishedGuess(None, "unknown")


_Days = TypeVar("_Days", int, np.ndarray)


def _weekday_before(day: date, weekday: int, last: bool = False) -> date:
    return day - timedelta(days=_days_back(day.weekday(), weekday, last))


def _days_back(today: _Days, weekday: int, last: bool) -> _Days:
    """How many days back a weekday named in an article of weekday ``today`` lies: "on
    Thursday" in Thursday's paper is that day, "last Thursday" the week before."""
    return (today - weekday - 1) % 7 + 1 if last else (today - weekday) % 7


def _month_day_near(day: date, month: int, dom: int) -> date | None:
    """The occurrence of a month-day nearest ``day``: news names days within months of its own,
    ahead ("a hearing on May 7") as well as behind."""
    found = []
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            found.append(date(year, month, dom))
        except ValueError:
            continue
    return min(found, key=lambda d: abs((d - day).days), default=None)


def _reported_days(ev: PublishedEvidence, dct: date) -> list[date]:
    """The days an article dated ``dct`` names: its explicit, weekday and month-day mentions."""
    days = list(ev.days)
    days += [_weekday_before(dct, w) for w in ev.weekdays]
    days += [_weekday_before(dct, w, last=True) for w in ev.last_weekdays]
    days += [d for m, dd in ev.month_days if (d := _month_day_near(dct, m, dd)) is not None]
    days += [dct - timedelta(days=1)] * ev.yesterday
    days += [dct - timedelta(days=(lo + hi) // 2) for lo, hi in ev.ago]
    return days


def fill_published_from_story(
    items: Sequence[PublishedEvidence | PublishedGuess],
) -> list[PublishedGuess]:
    """Each article's publication date, decided with what its sibling articles say.

    Firm dates (manifest, a labelled date line, a dated dateline) stand. An article dated only by
    weekdays, month-days without a year or "yesterday" takes the day that puts those mentions on
    the days its firmly dated siblings report, as soon after them as it can. Other undated
    articles, and those with nothing but a printed date after it, take the date most of the
    firmly dated siblings share, or the story's most reported day; an article with no date at
    all takes that day even when the siblings' reports span weeks (not when they span more, which
    is no one story).
    """
    evidence = [
        it if isinstance(it, PublishedEvidence) else PublishedEvidence(guess=it) for it in items
    ]
    story_days: Counter[date] = Counter()
    published: Counter[date] = Counter()
    for ev in evidence:
        g = ev.guess
        if g.date is None or g.printed_only:
            continue
        published[g.date] += 1
        for day in set(_reported_days(ev, g.date)):
            story_days[day] += 1
        story_days[g.date] += 0.5
    ordered = sorted(story_days)
    calendar_ = _Calendar(story_days, published, ordered) if story_days else None
    anchors = _Anchors(evidence)
    out: list[PublishedGuess] = []
    for i, ev in enumerate(evidence):
        out.append(_decide(ev, calendar_, anchors.of(i)))
    out = _rewrites_dated(evidence, out)
    retold = _after_what_it_retells(evidence, out)
    filled = _fill_majority(out, story_days)
    return [
        r if r.date is not None and g.date is not None and r.date > g.date and o.date is None else g
        for o, r, g in zip(out, retold, filled, strict=True)
    ]


# The share of a dated sentence's telling words an undated article's sentence must repeat for
# it to tell the same happening.
_RETOLD = 0.6
_RETOLD_WORDS = 4


def _after_what_it_retells(
    evidence: Sequence[PublishedEvidence], guesses: list[PublishedGuess]
) -> list[PublishedGuess]:
    """An article with no day of its own is no earlier than the latest happening it tells that
    a dated sibling gives a day: an explainer that reports what divers found on the 7th and
    the 31st came out after them, not on the day of the landing most of the story reports. It
    takes that day, as soon after what it reports as it can be."""
    out = list(guesses)
    undated = [i for i, g in enumerate(guesses) if g.date is None and evidence[i].told_past]
    if not undated:
        return out
    dated: list[tuple[date, frozenset[str]]] = []
    index: dict[str, list[int]] = {}
    for ev, g in zip(evidence, guesses, strict=True):
        if g.date is None or g.printed_only:
            continue
        for s in ev.sightings:
            day = _sighted_day(s, g.date)
            if day is None or day > g.date or len(s.words) < _RETOLD_WORDS:
                continue
            for w in s.words:
                index.setdefault(w, []).append(len(dated))
            dated.append((day, s.words))
    for i in undated:
        latest: date | None = None
        # Only what it tells as done: "divers will resume the search" previews the day a
        # sibling reports, and comes before it.
        for words in evidence[i].told_past:
            near = {n for w in words if len(p := index.get(w, ())) <= _ANCHOR_KEY_CAP for n in p}
            for n in near:
                day, told = dated[n]
                if len(words & told) >= _RETOLD * len(told) and (latest is None or day > latest):
                    latest = day
        if latest is not None:
            out[i] = PublishedGuess(latest, "inferred from story")
    return out


# Telling words a sentence needs before it can be said to be repeated; the share of an article's
# sentences a sibling must repeat, each mostly in the same words, for it to be a rewrite of that
# sibling (an outlet's own lines added around the wire's).
_TOLD = 5
_REPEATED = 0.6
_REWRITTEN = 0.4


def _rewrites_dated(
    evidence: Sequence[PublishedEvidence], guesses: list[PublishedGuess]
) -> list[PublishedGuess]:
    """An article with no date of its own that rewrites a dated sibling (a wire story an
    outlet ran with lines of its own) is of that sibling's day: it tells what the sibling does,
    in its words, so its undated happenings are the sibling's day's too. The dated siblings'
    sentences are indexed by word, so a sentence is held only against those sharing a word
    that is not too common, and the cost grows with the story, not with its square."""
    out = list(guesses)
    undated = [i for i, g in enumerate(guesses) if g.date is None and evidence[i].sentences]
    if not undated:
        return out
    told: list[tuple[int, frozenset[str]]] = []  # (article, sentence) of the dated siblings
    index: dict[str, list[int]] = {}
    for j, (ev, g) in enumerate(zip(evidence, guesses, strict=True)):
        if g.date is None or g.printed_only:
            continue
        for words in ev.sentences:
            for w in words:
                index.setdefault(w, []).append(len(told))
            told.append((j, words))
    for i in undated:
        mine = evidence[i].sentences
        repeated: Counter[int] = Counter()  # sentences of article i each dated sibling repeats
        for words in mine:
            near = {n for w in words if len(p := index.get(w, ())) <= _ANCHOR_KEY_CAP for n in p}
            repeated.update(
                {told[n][0] for n in near if len(words & told[n][1]) >= _REPEATED * len(words)}
            )
        best = max(repeated, key=lambda j: (repeated[j], -j), default=None)
        if best is not None and repeated[best] >= _REWRITTEN * len(mine):
            out[i] = PublishedGuess(guesses[best].date, "inferred from story")
    return out


def _sighted_day(s: Sighting, dct: date) -> date | None:
    """The day a sighting names in an article published on ``dct``."""
    if s.day is not None:
        return s.day
    if s.weekday is not None:
        return _weekday_before(dct, s.weekday, s.last)
    if s.month_day is not None:
        return _month_day_near(dct, *s.month_day)
    if s.back is not None:
        return dct - timedelta(days=s.back)
    return None


def _may_be(s: Sighting, day: date) -> bool:
    """Whether a sighting may name ``day``: a weekday only a day of its name, and so on."""
    if s.weekday is not None:
        return day.weekday() == s.weekday
    if s.month_day is not None:
        return (day.month, day.day) == s.month_day
    return True


class _Anchors:
    """The days firmly dated articles give the happenings their sentences tell, found for the
    sentences of the undated ones: a sentence that retells a dated sibling's is about that
    sibling's day. Only sentences sharing a word not too common are compared, so the cost grows
    with the story, not with its square."""

    def __init__(self, evidence: Sequence[PublishedEvidence]) -> None:
        self.evidence = evidence
        self.weights = word_weights(
            {(i, k): s.words for i, ev in enumerate(evidence) for k, s in enumerate(ev.sightings)}
        )
        self.default = max(self.weights.values(), default=1.0)
        self.dated: list[tuple[date, frozenset[str]]] = []
        self.index: dict[str, list[int]] = {}
        for ev in evidence:
            g = ev.guess
            if not g.firm or g.date is None:
                continue
            for s in ev.sightings:
                day = _sighted_day(s, g.date)
                if day is None or not s.words:
                    continue
                for w in s.words:
                    self.index.setdefault(w, []).append(len(self.dated))
                self.dated.append((day, s.words))

    def of(self, i: int) -> list[tuple[Sighting, frozenset[date]]]:
        """Article ``i``'s sightings, each with the days dated siblings that retell it give
        (none where no sibling does)."""
        if self.evidence[i].guess.firm:
            return []
        found = []
        for s in self.evidence[i].sightings:
            if s.day is not None or not s.words:
                continue  # a day named in full needs no sibling to say which it is
            postings = [self.index.get(w, ()) for w in s.words]
            near = {n for p in postings if len(p) <= _ANCHOR_KEY_CAP for n in p}
            needed = _ANCHOR_SHARE_ANY_DAY if s.back is not None else _ANCHOR_SHARE
            days = frozenset(
                day
                for day, words in (self.dated[n] for n in near)
                if _may_be(s, day) and self._share(s.words, words) >= needed
            )
            found.append((s, days))
        return found

    def _share(self, a: frozenset[str], b: frozenset[str]) -> float:
        return shared_share(a, b, self.weights, self.default)


class _Calendar:
    """The days a story's undated articles may be placed on, and what the story says of each,
    as arrays: each article's candidate days are then scored all at once."""

    def __init__(self, story_days: Counter[date], published: Counter[date], ordered: list[date]):
        self.story_days, self.published, self.ordered = story_days, published, ordered
        self.first = min(published) if published else ordered[0]
        self.last = max(published) if published else ordered[-1]
        # The days tried: from _MAX_LAG days before the first report to as far after the last as
        # one story's reports may lie ("Three weeks on" may come well after every dated report).
        # The first report may be weeks after the happening the story began with ("the March 2
        # sinking" in a paper of the 20th): an undated article of that day is tried too.
        began = min(
            (d for d in ordered if self.first - timedelta(days=_STORY_SPAN) <= d < self.first),
            default=self.first,
        )
        start = began.toordinal() - _MAX_LAG + 1
        self.days = np.arange(start, self.last.toordinal() + _STORY_SPAN + 1)
        self.weekday = (self.days - 1) % 7  # date.fromordinal(1) is a Monday
        self.year = np.array([date.fromordinal(int(o)).year for o in self.days])
        self.pub_bonus = np.array(
            [0.05 * min(published[date.fromordinal(int(o))], 2) for o in self.days]
        )
        # Counts by day, over every day a candidate's named days can fall on (a month-day is
        # placed in the year before, of or after it: within two years and a bit).
        self.base = int(self.days[0]) - 800
        self.counts = np.zeros(len(self.days) + 1600)
        for d, n in story_days.items():
            i = d.toordinal() - self.base
            if 0 <= i < len(self.counts):
                self.counts[i] = n
        self._month_days: dict[tuple[int, int], np.ndarray] = {}

    def month_day(self, month: int, dom: int) -> np.ndarray:
        """``_month_day_near`` of every day tried, as ordinals (-1 where there is none)."""
        key = (month, dom)
        if key not in self._month_days:
            self._month_days[key] = self._nearest(month, dom)
        return self._month_days[key]

    def _nearest(self, month: int, dom: int) -> np.ndarray:
        low = int(self.year.min()) - 1
        occ = np.full(int(self.year.max()) + 2 - low + 1, -1)
        for y in range(low, len(occ) + low):
            try:
                occ[y - low] = date(y, month, dom).toordinal()
            except ValueError:
                continue
        best = np.full(len(self.days), -1)
        best_gap = np.full(len(self.days), np.iinfo(np.int64).max)
        for shift in (-1, 0, 1):  # the nearest, the earlier year first on a tie
            cand = occ[self.year + shift - low]
            gap = np.where(cand >= 0, np.abs(cand - self.days), np.iinfo(np.int64).max)
            better = gap < best_gap
            best = np.where(better, cand, best)
            best_gap = np.where(better, gap, best_gap)
        return best


def _decide(
    ev: PublishedEvidence,
    cal: _Calendar | None,
    anchors: Sequence[tuple[Sighting, frozenset[date]]] = (),
) -> PublishedGuess:
    g = ev.guess
    if g.firm or cal is None:
        return g
    reach = timedelta(days=_MAX_LAG)
    if g.printed_only and g.date is not None and cal.first - reach <= g.date <= cal.last + reach:
        # A date printed on the page within days of the story's firm dates is the article's
        # own; one weeks later is the day the page was saved.
        return replace(g, printed_only=False)
    if not (
        ev.weekdays
        or ev.last_weekdays
        or ev.month_days
        or ev.yesterday
        or ev.ago
        or ev.last_week
        or ev.since
    ):
        return g
    # Its own sightings count for the story, but not as confirmation of themselves. Only its own
    # days differ from the story's counts, so those are all that is kept apart.
    mine: Counter[date] = Counter()
    if g.date is not None and not g.printed_only:
        mine[g.date] += 0.5
        for day in set(_reported_days(ev, g.date)):
            mine[day] += 1
    own = cal.counts.copy()
    for d, n in mine.items():
        i = d.toordinal() - cal.base
        if 0 <= i < len(own):
            own[i] -= n

    def own_of(d: date) -> float:
        return cal.story_days[d] - mine[d]

    # Weekdays name days of the last week of the news; one that would fall before the story's
    # first reports is read against the wrong week.
    published = cal.published
    earliest = min(published) - timedelta(30) if published else None
    near = next(
        (d for d in cal.ordered if earliest is not None and d >= earliest and own_of(d) > 0), None
    )
    news_start = ((near or cal.ordered[0]) - timedelta(days=2)).toordinal()

    days = cal.days
    weekdays = [days - _days_back(cal.weekday, w, False) for w in ev.weekdays]
    weekdays += [days - _days_back(cal.weekday, w, True) for w in ev.last_weekdays]
    named = weekdays + [cal.month_day(m, dd) for m, dd in ev.month_days]
    named += [days - 1] * ev.yesterday
    weight = [1.0] * len(named)
    days_named = len(named)
    # A span of days back names the story's best-reported day within it: a vaguer clue than a
    # day named, so it weighs a quarter.
    named += [_best_back(own, cal, lo, hi) for lo, hi in ev.ago]
    # "last week": Monday to Sunday of the week before the article's own.
    named += [_best_back(own, cal, cal.weekday + 1, cal.weekday + 7)] * ev.last_week
    weight += [0.25] * (len(named) - len(weight))
    hits = np.zeros(len(days))
    behind = np.zeros(len(days), dtype=np.int64)
    ahead = np.zeros(len(days), dtype=np.int64)
    latest = np.full(len(days), -1)
    reported = np.full(len(days), -1)  # the latest story day the article's own days name
    for n, (col, w) in enumerate(zip(named, weight, strict=True)):
        there = col >= 0  # a month-day with no such day in the years around
        hit = _hit(own, cal, col)
        hits += w * hit
        back = there & (col <= days)
        behind += back
        ahead += there & ~back
        latest = np.where(back, np.maximum(latest, col), latest)
        if n < days_named:
            reported = np.where(back & (hit > 0), np.maximum(reported, col), reported)
    stray = sum((col < news_start).astype(np.int64) for col in weekdays)
    inside = sum(((col >= news_start) & (col <= days)).astype(np.int64) for col in weekdays)
    lag = np.where(behind > 0, days - latest, _MAX_LAG)
    # Weekdays that fall in the story's days are explained even where no sibling names them.
    score = hits + 0.2 * inside - 0.3 * ahead - stray - 0.1 * lag
    score += cal.pub_bonus
    if ev.lead_weekday is not None:
        since_lead = (cal.weekday - ev.lead_weekday) % 7
        score += np.where(since_lead == 0, _LEAD_SAME_DAY, 0.0)
        score += np.where(since_lead == 1, _LEAD_DAY_AFTER, 0.0)
    filed = np.zeros(len(days), dtype=bool)
    if ev.dateline is not None:
        # A dateline's day is most often the day of filing: evidence, not proof (a rewrite may
        # keep the wire's dateline and appear a day or more later).
        filed = days == cal.month_day(*ev.dateline)
        score += _DATELINE * filed
    for sighting, told in anchors:
        # A sentence that retells a dated sibling's names that sibling's day; any other day the
        # story happens to name by the same weekday is a coincidence, not a confirmation.
        col = _sighted_column(sighting, cal)
        if col is None:
            continue
        if told:
            tied = np.isin(col, [d.toordinal() for d in told])
            score += np.where(tied, _ANCHOR, -_hit(own, cal, col))
        else:
            score -= (1 - _UNTIED) * _hit(own, cal, col)
    if g.printed_only and g.date is not None:
        score -= np.where(days > g.date.toordinal(), 1.0, 0.0)
    tried = (hits != 0) | filed
    if ev.lower_bound is not None:
        tried &= days >= ev.lower_bound.toordinal()
    if ev.since and (start := _story_start(own, cal)) is not None:
        # "Three weeks on" says how long after the story began the article came out: only the
        # days it allows are tried (all of them when it leads outside the story's days).
        after = days - start
        fits = np.zeros(len(days), dtype=bool)
        for lo, hi in ev.since:
            fits |= (after >= lo) & (after <= hi)
        if (own_best := _first_best(score, tried)) is not None and reported[own_best] >= 0:
            # The span may count from a later happening than the story's first ("a week after
            # the search ended"): it never puts the article before a story day its own words
            # report, where they fit best.
            fits &= days >= reported[own_best]
        if ev.lower_bound is not None:
            fits &= days >= ev.lower_bound.toordinal()
        tried = _narrowed(tried | fits, fits)
    if ev.byline_weekday is not None:
        tried = _narrowed(tried, cal.weekday == ev.byline_weekday)
    best = _first_best(score, tried)
    if best is None or (g.date is not None and g.date.toordinal() == days[best]):
        return g
    return PublishedGuess(date.fromordinal(int(days[best])), "inferred from story")


def _first_best(score: np.ndarray, tried: np.ndarray) -> int | None:
    """The index of the best-scored day tried, the earliest of equals: of days its clues fit
    alike, an article most likely appeared soonest after what it reports."""
    best: int | None = None
    for i in np.flatnonzero(tried):
        if best is None or score[i] > score[best] + 1e-9:
            best = int(i)
    return best


def _narrowed(tried: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """The days tried that a firm clue allows, or all of them when it allows none."""
    kept = tried & allowed
    return kept if kept.any() else tried


def _story_start(own: np.ndarray, cal: _Calendar) -> int | None:
    """The first day two of the story's articles report, as an ordinal: the happening the story
    began with, that "three weeks on" counts from."""
    first = int(cal.days[0]) - cal.base
    reported = np.flatnonzero(own[first : first + len(cal.days)] >= 2)
    return int(cal.days[reported[0]]) if len(reported) else None


def _hit(own: np.ndarray, cal: _Calendar, col: np.ndarray) -> np.ndarray:
    """What a named day adds for every day tried: how many of the story's articles report it."""
    there = col >= 0  # a month-day with no such day in the years around
    value = own[np.where(there, col - cal.base, 0)]
    # Capped so that one much-told day cannot outvote the rest; beyond the cap, a day more
    # outlets report still weighs a little more (a tie between "Monday" as the announcement
    # day and "Monday" a week before is the announcement's).
    return np.where(there & (value > 0), np.minimum(value, 2.0) + 0.01 * value, 0.0)


def _sighted_column(s: Sighting, cal: _Calendar) -> np.ndarray | None:
    """The day a sighting names for every day tried, as ordinals (-1 where there is none)."""
    if s.weekday is not None:
        return cal.days - _days_back(cal.weekday, s.weekday, s.last)
    if s.month_day is not None:
        return cal.month_day(*s.month_day)
    if s.back is not None:
        return cal.days - s.back
    return None


def _best_back(
    own: np.ndarray, cal: _Calendar, lo: int | np.ndarray, hi: int | np.ndarray
) -> np.ndarray:
    """For every day tried, the day ``lo`` to ``hi`` days before it that the story reports
    most (the latest of equals), as an ordinal."""
    lo_, hi_ = np.broadcast_to(lo, cal.days.shape), np.broadcast_to(hi, cal.days.shape)
    best = cal.days - lo_
    best_count = np.full(len(cal.days), -1.0)
    for k in range(int(lo_.min()), int(hi_.max()) + 1):
        day = cal.days - k
        count = np.where((k >= lo_) & (k <= hi_), own[day - cal.base], -1.0)
        better = count > best_count
        best = np.where(better, day, best)
        best_count = np.where(better, count, best_count)
    return best


def _fill_majority(
    guesses: list[PublishedGuess], story_days: Counter[date] | None = None
) -> list[PublishedGuess]:
    # Articles of one story appear within days of each other, so a sibling's firm date beats a
    # printed date that lies after it (which is most likely the day the page was saved). Where
    # the reports span weeks, a later date may well be the article's own: only an article with
    # no date at all is placed then.
    firm = Counter(g.date for g in guesses if g.date is not None and not g.printed_only)
    if not firm:
        return guesses
    best, count = firm.most_common(1)[0]
    spread = False
    if 2 * count <= firm.total():
        days = sorted(firm.elements())
        # Reports spread over days or weeks: an article with no clue of its own is placed among
        # them rather than left undated, which would leave every one of its events undated:
        # on the day the story reports most of them (where its undated sentences most likely
        # belong), else the middle one.
        span = (days[-1] - days[0]).days
        if span > _STORY_SPAN:
            return guesses  # not one story's reports: an unrelated article among them
        spread = span > _MAX_LAG
        middle = days[len(days) // 2]
        told = story_days or Counter()
        best = max(sorted(set(days)), key=lambda d: (told[d], d == middle))
    stated = [g.date for g in guesses if g.firm and g.date is not None]
    out = []
    for g in guesses:
        if g.date is None:
            out.append(replace(g, date=best, basis="inferred from story", printed_only=False))
        elif spread:
            out.append(g)
        elif g.printed_only and best <= g.date:
            out.append(replace(g, date=best, basis="inferred from story", printed_only=False))
        elif (
            not g.firm and stated and best in stated and (min(stated) - g.date).days > 2 * _MAX_LAG
        ):
            # The latest day its body names is only a lower bound: background ("the emergency
            # declared in January 2016") in an article its dated siblings place years later.
            out.append(replace(g, date=best, basis="inferred from story", printed_only=False))
        else:
            out.append(g)
    return out
