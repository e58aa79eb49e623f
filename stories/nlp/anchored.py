"""Days told from the story's own happenings: "a day after the raid", "the morning of the collapse",
"the Friday after the storm".

An article often dates a happening only against another ("two days after the theft", "hours
before the vote"). Which day "the theft" was is not in that sentence, and often not in that
article, but the story knows it: the outlets that date the theft outright. A report whose day
was only inherited from its article is dated from that day instead, moved by the offset its
words give. Only offsets that name a day are read ("the day after", "hours before", "three days
after"); "after the result" or "weeks later" leave the inherited day as it was.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from .dates import MEASURE, WEEKDAY_NAMES, later_on, measured_days, weekday_index
from .events import event_kind
from .lexicon import ANCHOR_NOUNS, HOLDING_VERBS
from .telling import names_act, shared_share, telling_words, word_weights
from .types import DateValue, EventCandidate

_ANCHOR = re.compile(
    rf"(?:{MEASURE}\s+(?P<way>after|before|following)"
    r"|\b(?:(?:(?:just|only|mere)\s+)?(?:hours|minutes|moments|shortly)\s+"
    r"(?:after|before|following)"
    r"|just\s+(?:after|before)"
    r"|within\s+(?:hours|minutes)\s+of"
    r"|the\s+(?:morning|afternoon|evening|night|day|hours)\s+of"
    r"|the\s+(?P<side>day|night|morning|afternoon|evening)\s+(?P<side_way>after|before|following)"
    rf"|the\s+(?P<weekday>{WEEKDAY_NAMES})\s+(?P<weekday_way>after|before|following)"
    r"|on\s+the\s+(?P<eve>eve)\s+of"
    r"))\s+(?:the|that|this|last\s+\w+'s)\s+(?P<first>[a-z]+)(?:\s+(?P<second>[a-z]+))?",
    re.IGNORECASE,
)
# How many outlets must place a happening on a day before the story knows it, when none dates
# it in words.
_MIN_FILES = 2
# The share of telling words a report dated only by its week must repeat of another outlet's
# report to take that report's day.
_SAME_WORDS = 0.25


def anchored_dates(candidates: Sequence[EventCandidate]) -> list[EventCandidate]:
    """The candidates, with a day read from another happening of the story where a report's own
    day was only its article's."""
    days = _days_by_kind(candidates)
    out = []
    anchored: set[int] = set()
    for n, c in enumerate(candidates):
        if c.date is None or c.date.basis == "context":
            found = _anchored(c, days)
            if found is not None:
                c = replace(c, date=found)
                anchored.add(n)
        out.append(c)
    return _narrated_on(_weeks_placed(out), anchored)


def _weeks_placed(cands: list[EventCandidate]) -> list[EventCandidate]:
    """ "Congress passed the measure this week": a week names no day of it, but the story may.
    A report dated only by its week takes the day within it that another outlet gives the
    same act, told in much the same words."""
    # "expected early next week": a plan's week, whose first day is as good a guess as any.
    weeks = [n for n, c in enumerate(cands) if _week_only(c.date) and not c.scheduled]
    if not weeks:
        return cands
    told = [telling_words(c.sentence) for c in cands]
    weights = word_weights(dict(enumerate(told)))
    default = max(weights.values(), default=1.0)
    days = [
        n
        for n, c in enumerate(cands)
        if c.date is not None
        and c.date.granularity == "day"
        and c.date.start == c.date.end
        and c.date.basis != "context"
        and not c.scheduled
    ]
    out = list(cands)
    for n in weeks:
        c = cands[n]
        week = c.date
        assert week is not None
        best: tuple[float, date] | None = None
        for m in days:
            other = cands[m]
            day = other.date.start  # type: ignore[union-attr]
            if other.file == c.file or not week.start <= day <= week.end:
                continue
            if _told_apart(c, told[n], other, told[m]):
                continue  # "debated the budget on Tuesday" does not date "passed the budget"
            share = shared_share(told[n], told[m], weights, default)
            if share >= _SAME_WORDS and (best is None or share > best[0]):
                best = (share, day)
        if best is not None:
            out[n] = replace(c, date=DateValue(best[1], best[1], "day", week.text, "relative"))
    return out


def _told_apart(
    a: EventCandidate, words_a: frozenset[str], b: EventCandidate, words_b: frozenset[str]
) -> bool:
    """Two reports of different acts: of different kinds, neither naming the other's act
    ("passed the budget" and "debated the budget"; not "offered 200GB" and "will give
    customers 200GB of the data it offered")."""
    if event_kind(a.trigger) == event_kind(b.trigger):
        return False
    return not (names_act(words_a, b.trigger) or names_act(words_b, a.trigger))


def _week_only(d: DateValue | None) -> bool:
    return d is not None and d.qualifier == "week" and d.start != d.end


def _narrated_on(cands: list[EventCandidate], anchored: set[int]) -> list[EventCandidate]:
    """ "The pumps faltered the afternoon before the flood. By the next morning the crew had
    restarted them": an article moves on from a day the story gave it, which its own pass could
    not know, so a report told "the next morning" or "a day later" after one dated here is
    moved on from that day."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for n, c in enumerate(cands):
        by_file[c.file].append(n)
    out = list(cands)
    for numbers in by_file.values():
        last: DateValue | None = None  # the last day told in words, if the story gave it
        for n in sorted(numbers, key=lambda n: out[n].start):
            c = out[n]
            if c.date is not None and c.date.basis == "context" and last is not None:
                found = None if c.scheduled else later_on(c.sentence)
                if found is not None:
                    day = last.start + timedelta(days=found[0])
                    c = out[n] = replace(c, date=DateValue(day, day, "day", found[1], "relative"))
                    anchored.add(n)
            if c.date is not None and c.date.text and not c.scheduled:
                day_told = n in anchored and c.date.granularity == "day"
                last = c.date if day_told else None
    return out


def _days_by_kind(candidates: Sequence[EventCandidate]) -> dict[str, date]:
    """Each kind of happening that the outlets telling it place on one day above all others.

    Outlets that date it in words count first; a day inherited from an article counts next,
    since the happening an article leads with is mostly dated so, and rightly. A kind the story
    tells on several days alike ("a meeting") names no one happening. A happening no report
    tells as its act ("the runoff") takes the day of the reports whose titles name it as what
    was done ("Costa won the runoff on Sunday")."""
    days = _one_day_each(candidates, lambda c: {event_kind(c.trigger)})
    named = _one_day_each(candidates, _named_in_title)
    return {**{k: d for k, d in named.items() if k not in days}, **days}


def _one_day_each(
    candidates: Sequence[EventCandidate], kinds_of: Callable[[EventCandidate], set[str]]
) -> dict[str, date]:
    own: dict[str, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
    told: dict[str, dict[date, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in candidates:
        d = c.date
        if d is None or d.granularity != "day" or d.start != d.end:
            continue
        for kind in kinds_of(c):
            told[kind][d.start].add(c.file)
            if d.basis != "context":
                own[kind][d.start].add(c.file)
    days: dict[str, date] = {}
    for kind, by_day in told.items():
        ranked = sorted(by_day, key=lambda day: (-len(own[kind][day]), -len(by_day[day]), day))
        best = ranked[0]
        support = (len(own[kind][best]), len(by_day[best]))
        if (support[0] or support[1] >= _MIN_FILES) and (
            len(ranked) == 1 or (len(own[kind][ranked[1]]), len(by_day[ranked[1]])) < support
        ):
            days[kind] = best
    return days


def _named_in_title(c: EventCandidate) -> set[str]:
    """The happenings a report's title names as what its act won, lost or held ("Costa won the
    runoff on Sunday"); postponing the runoff or calling it a fraud is no day of it."""
    if c.trigger not in HOLDING_VERBS:
        return set()
    return {event_kind(w) for w in re.findall(r"[a-z]+", c.title.lower()) if w in ANCHOR_NOUNS}


def _anchored(c: EventCandidate, days: dict[str, date]) -> DateValue | None:
    for m in _ANCHOR.finditer(c.sentence):
        day = _day_of(m, days)
        if day is None:
            continue
        moved = day + _offset(m, day)
        return DateValue(moved, moved, "day", m.group(0), "relative")
    return None


def _day_of(m: re.Match[str], days: dict[str, date]) -> date | None:
    first, second = m.group("first"), m.group("second") or ""
    if second.lower().endswith("ed"):
        # "before the deal closed": the happening is the verb's, not its subject's.
        verb = second.lower()
        return _known(days, verb[:-1], verb[:-2])
    # Lemmas are lower case, so a name ("the State Department") never reads as a happening.
    words = [w for w in (first, second) if w]
    return _known(days, *[lemma for w in words for lemma in (w, w[:-1] if w.endswith("s") else w)])


def _known(days: dict[str, date], *lemmas: str) -> date | None:
    for lemma in lemmas:
        day = days.get(event_kind(lemma))
        if day is not None:
            return day
    return None


def _offset(m: re.Match[str], day: date) -> timedelta:
    if m.group("weekday"):
        # "The Friday after the collapse": the first Friday after its day (or last before).
        target = weekday_index(m.group("weekday"))
        if m.group("weekday_way").lower() == "before":
            return -timedelta(days=(day.weekday() - target) % 7 or 7)
        return timedelta(days=(target - day.weekday()) % 7 or 7)
    if m.group("eve"):
        return timedelta(days=-1)
    if m.group("side"):
        return timedelta(days=-1 if m.group("side_way").lower() == "before" else 1)
    if m.group("n"):
        days = measured_days(m)
        return timedelta(days=-days if m.group("way").lower() == "before" else days)
    return timedelta(0)
