"""Temporal expressions resolved against the article's publication date (DCT).

spaCy finds the expressions (DATE and TIME entities, plus a few patterns it misses); each one is
resolved on its own words, by our rules for what news writing does that a date parser does not
("early 2018", "on Tuesday" meaning the most recent Tuesday, "hours before the meeting") and by
dateparser for the rest. Whole texts are never searched for dates: a number in a sentence is not a
date unless the model says the phrase is one.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

from .clauses import is_future, verb_above
from .lexicon import (
    DATE_MOVERS,
    HOLIDAYS,
    PLAY_CLOCK_UNITS,
    SETTING_VERBS,
    STATEMENT_VERBS,
    TWO_DAYS_AWAY,
)
from .types import DateBasis, DateValue

Tense = Literal["past", "future"]

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# The weekdays' names as a pattern's alternatives, for every rule that reads them.
WEEKDAY_NAMES = "|".join(_WEEKDAYS)
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "several": 3, "a few": 3, "few": 3,
}  # fmt: skip
NUMBER = r"(?:\d+|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + r")"
# A span of days told exactly enough to name a day from another: "four days", "a week", "12
# days"; not "several days", "a few weeks", "less than two weeks" (no day of its own).
_VAGUE_COUNTS = ("several", "a few", "few")
_EXACT = "|".join(
    sorted((re.escape(w) for w in _NUMBERS if w not in _VAGUE_COUNTS), key=len, reverse=True)
)
MEASURE = (
    r"(?<!than )(?<!nearly )(?<!almost )(?<!about )(?<!around )(?<!some )(?<!over )(?<!under )"
    rf"\b(?P<n>\d{{1,3}}|{_EXACT})\s+(?P<unit>days?|weeks?)"
)


def measured_days(m: re.Match[str]) -> int:
    """The days a ``MEASURE`` match spans: "four days" 4, "two weeks" 14 (0 for none)."""
    return number(m.group("n")) * (7 if m.group("unit").lower().startswith("week") else 1)


_UNIT = r"(?:year|month|week|day|hour|minute|decade)s?"
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_QUALIFIERS = {
    "early": (1, 4), "the beginning of": (1, 3), "the start of": (1, 3), "mid": (5, 8),
    "the middle of": (5, 8), "late": (9, 12), "the end of": (10, 12),
}  # fmt: skip

_DURATION = re.compile(
    rf"^(?:the\s+)?(?:past\s+|last\s+|next\s+|over\s+|about\s+|nearly\s+|almost\s+|more than\s+)?"
    rf"{NUMBER}[\s-]+{_UNIT}(?:[\s-]+(?:long|old))?$|^(?:decades|years|months|weeks|days|hours)$",
    re.I,
)
_AGO = re.compile(
    rf"^(?:about\s+|nearly\s+|some\s+)?(?P<n>{NUMBER})\s+(?P<unit>{_UNIT})\s+ago$", re.I
)
_QUALIFIED_YEAR = re.compile(
    r"^(?P<q>early|mid|late|the beginning of|the start of|the middle of|the end of)[\s-]*"
    r"(?P<month>[a-z]+\s+)?(?P<year>\d{4})$",
    re.I,
)
_SEASON = re.compile(
    r"^(?:(?P<rel>this|last|next|the)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$",
    re.I,
)
# "the early hours of June 24", "the night of Saturday": a part of a day is that day.
_PART_OF_DAY_OF = re.compile(
    r"^(?:the\s+)?(?:(?:early|small|wee)\s+hours|morning|afternoon|evening|night)\s+of\s+(?=\S)",
    re.I,
)
# "the end of March", "the start of June".
_PART_OF_PERIOD = re.compile(
    r"^the\s+(?P<part>start|beginning|middle|end)\s+of\s+(?P<month>[a-z]+\.?)$", re.I
)
_PARTS = {"start": "early", "beginning": "early", "middle": "mid", "end": "late"}
_DAY_OF_THIS_MONTH = re.compile(r"^the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$")
_MONTH_OF_YEAR = re.compile(r"^(?P<month>[a-z]+)\s+(?P<rel>last|this|next)\s+year$")
# "earlier this year", "late last month": the period itself, with where in it as a qualifier.
_RELATIVE_PERIOD = re.compile(
    r"^(?:(?P<part>earlier|later|early|late|mid)[\s-]+)?(?P<rel>this|last|next|past)\s+"
    r"(?P<unit>year|month|week)$",
    re.I,
)
# A holiday's name as the text may write it: any spacing, either apostrophe.
_HOLIDAY_NAME = "|".join(
    r"\s+".join(re.escape(w).replace("'", "['’]") for w in name.split()) for name in HOLIDAYS
)
_HOLIDAY = re.compile(rf"^(?:the\s+)?(?P<name>{_HOLIDAY_NAME})(?:,?\s+(?P<year>\d{{4}}))?$", re.I)
# Hours from the day the text is about: "hours ago", "earlier today", and "hours earlier" or
# "later in the day" told inside a sentence about that day. (Opening a sentence, they count from
# the day last told; see ``later_on``.)
_SAME_DAY = re.compile(
    r"^(?:(?:just|only|a few|several|some|mere)\s+)*(?:hours|minutes)(?:\s+(?:before|after|earlier|"
    r"later|ago))?$|^(?:earlier|later)\s+(?:today|in the day)$|^today$|^tonight$|"
    r"^this (?:morning|afternoon|evening)$|^(?:early|late) (?:today|on)$",
    re.I,
)
_WEEKDAY = re.compile(
    # "late Saturday", "early on Tuesday", "earlier on Monday": a part of the day is that day.
    r"^(?:(?:early|late|earlier|later)\s+(?:on\s+)?)?"
    rf"(?:(?P<rel>last|this|next|on|coming)\s+)?(?P<day>{WEEKDAY_NAMES})"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)
_BARE_MONTH = re.compile(
    r"^(?:(?P<rel>last|this|next|early|mid|late)[\s-]+)?(?P<month>january|february|march|april|may|"
    r"june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|"
    r"nov|dec)\.?$",
    re.I,
)
_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|late\s+|mid\s+)?(?P<decade>\d{3})0s$", re.I)
_VAGUE = re.compile(
    r"\b(?:recent|recently|coming|past few|next few|future|soon|now|currently|period|century|"
    r"centuries|millenni(?:um|a)|era|ages?|generations?)\b",
    re.I,
)
_FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|is set to|are set to|is to|are to|plans? to|planned|is expected to|are "
    r"expected to|is going to|are going to|is scheduled|are scheduled|next|upcoming|later this)\b"
    # "is due to begin", not "is due to the storm" (a cause).
    r"|\b(?:is|are)\s+due\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z]+",
    re.I,
)
# Expressions spaCy's model tends to miss in news prose.
_EXTRA_PATTERNS = re.compile(
    r"\b(?:(?:just|only|mere)\s+)?hours\s+(?:before|after|earlier|later)\b|\bearlier today\b"
    r"|\b(?:early|mid|late)[\s-]\d{4}\b"
    # The model may take a holiday for an event of its own ("New Year's Eve": EVENT).
    rf"|\b(?:{_HOLIDAY_NAME})(?:,?\s+\d{{4}})?\b",
    re.I,
)

# A day of a month written out ("March 16", "16 March 2023", "Sept. 3"): the model may run it
# into a name beside it ("the National Assembly on March 16" as one organisation).
_MONTH_NAME = "|".join(sorted({n.capitalize() for n in _MONTHS}, key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"\b(?:(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_NAME})\b\.?(?:,?\s+\d{{4}}\b)?)"
)

# How far from an article a day it names without a year may lie and still be this year's.
_NEAR = timedelta(days=14)

_parsers: dict[tuple[date, Tense], DateDataParser] = {}


def _parser(dct: date, tense: Tense) -> DateDataParser:
    key = (dct, tense)
    if key not in _parsers:
        if len(_parsers) > 256:
            _parsers.clear()
        _parsers[key] = DateDataParser(
            languages=["en"],
            settings={
                "RELATIVE_BASE": datetime(dct.year, dct.month, dct.day),
                "PREFER_DATES_FROM": tense,
                "PREFER_DAY_OF_MONTH": "first",
            },
        )
    return _parsers[key]


# dateparser's answers by (words, DCT, tense): an article resolves its dates twice (see
# stories.nlp.story), and a story's articles repeat the same phrases against the same days.
_answers: dict[tuple[str, date, Tense], tuple[date | None, str | None]] = {}


def _parsed(words: str, dct: date, tense: Tense) -> tuple[date | None, str | None]:
    key = (words, dct, tense)
    if key not in _answers:
        if len(_answers) > 65536:
            _answers.clear()
        data = _parser(dct, tense).get_date_data(words)
        _answers[key] = (data.date_obj.date() if data.date_obj else None, data.period)
    return _answers[key]


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(year: int, text: str, basis: DateBasis, qualifier: str | None = None) -> DateValue:
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year", text, basis, qualifier)


def _month(
    year: int, month: int, text: str, basis: DateBasis, qualifier: str | None = None
) -> DateValue:
    return DateValue(
        date(year, month, 1),
        _month_end(year, month),
        "month",
        text,
        basis,
        qualifier,
    )


def _day(d: date, text: str, basis: DateBasis, qualifier: str | None = None) -> DateValue:
    return DateValue(d, d, "day", text, basis, qualifier)


def number(word: str) -> int:
    """ "3", "three", "a" as a number (0 when it is none)."""
    return int(word) if word.isdigit() else _NUMBERS.get(word.lower(), 0)


_CLOCK = re.compile(
    r"^(?:about |around |just |shortly )?(?:after |before |at )?\d{1,2}(?:[:.]\d{2})?\s*"
    # A zone's letters ("EST"), never a month's ("17 June" is a day, not 17:00 in a zone).
    r"(?:a\.?m\.?|p\.?m\.?|o'clock|hours?|h)?(?:\s*\(?(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\b)[A-Z]{2,4}\)?|\s+local time|\s+gmt|"
    r"\s+utc)?$|^(?:noon|midnight|dawn|dusk)$"
    # "0245 GMT", "1430 UTC": a 24-hour clock, not a year.
    r"|^(?:[01]\d|2[0-3])[0-5]\d\s*(?:gmt|utc|z|hrs|hours|local time)$",
    re.I,
)
_RECENT = re.compile(r"^(?:the\s+)?(?:most\s+)?recent\s+(?:months|weeks|days)$", re.I)
RECENT_DAYS = 90


def recent_window(now: date) -> DateValue | None:
    """ "In recent months", "recent attempts": the weeks before ``now``, as the year they fall in
    (None when they straddle a new year, as no single label then holds them)."""
    start = now - timedelta(days=RECENT_DAYS)
    if start.year != now.year:
        return None
    return DateValue(start, now, "year", "", "relative", "recent")


def resolve_expression(
    text: str,
    dct: date,
    *,
    tense: Tense = "past",
    reference: date | None = None,
    left_context: str = "",
) -> DateValue | None:
    """Resolve one temporal expression, or None when it is a duration or too vague to place.

    ``reference`` is the day the surrounding text is about (the article's main event day), which
    "hours before" and "earlier today" refer to; it defaults to the DCT. ``left_context`` is the
    text just before the expression, which decides "since 2017" and "for the first time in six
    years".
    """
    words = " ".join(text.replace("’", "'").split()).strip(" ,.;:")
    words = re.sub(r"^(?:on|in|at|by|during|from|of)\s+", "", words, flags=re.I)
    words = _PART_OF_DAY_OF.sub("", words)
    if (m := _PART_OF_PERIOD.match(words)) and m.group("month").lower().rstrip(".") in _MONTHS:
        # "the end of March" is late March. ("The end of the year" is left alone: a year-wide
        # date tells of no one happening.)
        words = f"{_PARTS[m.group('part').lower()]} {m.group('month')}"
    low = words.lower()
    ref = reference or dct
    if m := _DAY_OF_THIS_MONTH.match(low):
        # "the 9th": a day of the article's month, or of the month before when that day is yet
        # to come (dateparser reads "the 9th" as September).
        day = int(m.group("day"))
        year, month = dct.year, dct.month
        if day > dct.day and tense != "future":
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        try:
            return _day(date(year, month, day), words, "relative")
        except ValueError:  # "the 31st" of a shorter month
            return None
    if (m := _MONTH_OF_YEAR.match(low)) and m.group("month") in _MONTHS:
        # "September last year" is that month of the year before, whatever month it is now.
        shift = {"last": -1, "this": 0, "next": 1}[m.group("rel")]
        return _month(dct.year + shift, _MONTHS[m.group("month")], words, "relative")
    before = left_context.lower().rstrip()
    if not low:
        return None

    # "the first visit in six years": the visit is now; the last one was N years back.
    first_in = re.search(r"\bfirst\b.*\bin(?: over| more than)?$", before[-50:])
    if first_in and (m := re.match(rf"^(?P<n>{NUMBER})\s+(?P<unit>years?|decades?)$", low)):
        return _day(ref, words, "relative", f"first in {m.group('n')} {m.group('unit')}")
    if _CLOCK.match(low):
        # "at 3:40 a.m.": a time of day says nothing about the day beyond the sentence's own.
        return None
    if _RECENT.match(low):
        window = recent_window(dct)
        return None if window is None else replace(window, text=words)
    if _DURATION.match(low) or low.endswith(("-year", "-month", "-week", "-day")):
        return None

    if m := _AGO.match(low):
        n, unit = number(m.group("n")), m.group("unit").rstrip("s")
        if unit == "year":
            return _year(dct.year - n, words, "relative")
        if unit == "decade":
            return _year(dct.year - 10 * n, words, "relative", "decade")
        if unit == "month":
            y, mo = divmod(dct.year * 12 + dct.month - 1 - n, 12)
            return _month(y, mo + 1, words, "relative")
        delta = {"week": timedelta(weeks=n), "day": timedelta(days=n)}.get(unit, timedelta())
        return _day(dct - delta, words, "relative")

    if m := _QUALIFIED_YEAR.match(low):
        q = m.group("q").lower()
        year = int(m.group("year"))
        if m.group("month") and m.group("month").strip() in _MONTHS:
            return _month(year, _MONTHS[m.group("month").strip()], words, "explicit", q)
        first, last = _QUALIFIERS[q]
        return DateValue(date(year, first, 1), _month_end(year, last), "year", words, "explicit", q)

    if m := _DECADE.match(low):
        start = int(m.group("decade")) * 10
        return DateValue(
            date(start, 1, 1), date(start + 9, 12, 31), "year", words, "explicit", "decade"
        )

    if m := _SEASON.match(low):
        first, last = _SEASONS[m.group("season").lower()]
        rel = (m.group("rel") or "").lower()
        if m.group("year"):
            year, basis = int(m.group("year")), "explicit"
        else:
            year, basis = dct.year, "relative"
            if rel == "last" or (rel in ("", "the") and tense == "past" and dct.month < first):
                year -= 1
            elif rel == "next" or (rel in ("", "the") and tense == "future" and dct.month > last):
                year += 1
        end_year = year + 1 if last < first else year
        return DateValue(
            date(year, first, 1),
            _month_end(end_year, last),
            "year",
            words,
            basis,
            m.group("season").lower(),
        )

    if m := _HOLIDAY.match(low):
        month, day = HOLIDAYS[" ".join(m.group("name").lower().replace("’", "'").split())]
        if m.group("year"):
            return _day(date(int(m.group("year")), month, day), words, "explicit")
        year = dct.year
        if tense == "future" and date(year, month, day) < dct:
            year += 1
        elif tense != "future" and date(year, month, day) > dct:
            year -= 1
        return _day(date(year, month, day), words, "relative")
    if low in TWO_DAYS_AWAY:
        return _day(dct + timedelta(days=TWO_DAYS_AWAY[low]), words, "relative")

    if m := _RELATIVE_PERIOD.match(low):
        rel, unit = m.group("rel").lower(), m.group("unit").lower()
        part = (m.group("part") or "").lower() or None
        shift = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
        if unit == "year":
            return _year(dct.year + shift, words, "relative", part)
        if unit == "month":
            y, mo = divmod(dct.year * 12 + dct.month - 1 + shift, 12)
            return _month(y, mo + 1, words, "relative", part)
        if part not in (None, "early"):
            # "later this week": no one day of it, and no grain between a day and a month; a
            # week is dated by its first day, which "early next week" is near.
            return None
        monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=shift)
        return DateValue(monday, monday + timedelta(days=6), "day", words, "relative", "week")

    if low in ("yesterday", "last night") or low.startswith("yesterday "):
        return _day(dct - timedelta(days=1), words, "relative")
    if low == "tomorrow" or low.startswith("tomorrow "):
        return _day(dct + timedelta(days=1), words, "relative")
    if _SAME_DAY.match(low):
        return _day(ref, words, "relative")

    if re.match(rf"^an?\s+(?:{WEEKDAY_NAMES})\b", low):
        return None  # "on a Friday night" says which weekday, not which week
    if m := _WEEKDAY.match(low):
        target = _WEEKDAYS[m.group("day").lower()]
        rel = (m.group("rel") or "").lower()
        if rel in ("next", "coming") or (rel != "last" and tense == "future"):
            ahead = (target - dct.weekday()) % 7
            if rel == "next" and ahead == 0:
                ahead = 7
            return _day(dct + timedelta(days=ahead), words, "relative")
        back = (dct.weekday() - target) % 7
        if rel == "last" and back == 0:
            back = 7
        return _day(dct - timedelta(days=back), words, "relative")

    if m := _BARE_MONTH.match(low):
        month = _MONTHS[m.group("month").lower().rstrip(".")]
        rel = (m.group("rel") or "").lower()
        year = dct.year
        if rel == "last" or (rel not in ("next", "this") and tense == "past" and month > dct.month):
            year -= 1
        elif rel == "next" or (tense == "future" and month < dct.month):
            year += 1
        qualifier = rel if rel in ("early", "mid", "late") else None
        return _month(year, month, words, "relative", qualifier)

    if _VAGUE.search(low):
        return None

    found, period = _parsed(re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", words), dct, tense)
    if found is None:
        return None
    if period == "day" and not re.search(r"\b\d{4}\b", low):
        found = _nearest_year(found, dct)
    basis = "explicit" if re.search(r"\b\d{4}\b", low) else "relative"
    if period == "year":
        return _year(found.year, words, basis)
    if period == "month":
        return _month(found.year, found.month, words, basis)
    if period in ("day", "time"):
        if not re.search(r"\d", low):
            return None  # a day from words alone that none of our rules understood
        if any(name in low for name in _MONTHS if len(name) > 2) and re.search(r"\b\d{1,2}\b", low):
            basis = "explicit" if basis == "explicit" or tense == "past" else basis
        return _day(found, words, basis)
    return None


_LATER_ON = re.compile(
    rf"(?:{MEASURE}\s+(?P<way>later|earlier|after\s+that|before\s+that)"
    r"|\b(?:the\s+(?:next|following)\s+(?P<next>day|morning|afternoon|evening|night)"
    r"|the\s+(?:previous|preceding)\s+(?P<previous>day|morning|afternoon|evening|night)"
    r"|the\s+(?P<side>day|night|evening)\s+(?P<side_way>after|before)"
    r"(?!\s+(?:the|a|an|his|her|its|their)\b)"
    r"|(?:later\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)"
    r"|(?:hours|minutes|moments)\s+later))\b",
    re.I,
)
# A sentence that opens on hours from a moment goes on from the day last told: "Later in the
# day, ...", "A few hours later, ...", "Within hours, ..." ("within hours of the ban" counts
# from the ban, not from the day last told).
_HOURS_ON = re.compile(
    r"^\W*(?:(?:but|and|then|so)\b\W*)?"
    r"(?:(?:(?:just|only|a\s+few|several|some|mere)\s+)?(?:hours|minutes|moments)\s+"
    r"(?:later|earlier|(?:before|after)(?!\s+\w))"
    r"|(?:later|earlier)\s+in\s+the\s+(?:day|morning|afternoon|evening)"
    r"|within\s+(?:hours|minutes)(?!\s+of\b))\b",
    re.I,
)


def later_on(text: str) -> tuple[int, str] | None:
    """How many days after the day last told a sentence says it is ("two days later", "two
    days after that", "the next morning", "that night", "four days earlier": -4; "Hours
    later", "Later in the day", "Within hours" opening it: 0), with its words; None when it
    says nothing of the kind or names no day ("weeks later")."""
    # What opens the sentence moves it on, whatever else the sentence goes on to tell.
    if (hours := _HOURS_ON.match(text)) is not None:
        return 0, hours.group(0).strip(" ,;:\"“‘'")
    m = _LATER_ON.search(text)
    return None if m is None else _moved_by(m)


_WEEKDAY_FIRST = re.compile(rf"^(?:{WEEKDAY_NAMES})\b", re.I)
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_NEXT_WEEKDAY = re.compile(rf"\bthe\s+(?:next|following)\s+(?P<day>{WEEKDAY_NAMES})\b", re.I)


# "the Friday after the collapse": a weekday counted from a happening, not from the article's day.
_FROM_A_HAPPENING = re.compile(r"\s+(?:after|before|following)\s+(?:the|that|this)\s", re.I)


def day_of_month_word(tok: Token) -> bool:
    """A month's capitalised name beside a day's number ("March 16", "16 May"): never a march
    or a modal, whatever the model took it for."""
    if not tok.text[:1].isupper() or tok.text.rstrip(".").lower() not in _MONTHS:
        return False
    doc = tok.doc
    return any(
        0 <= i < len(doc) and doc[i].like_num and doc[i].text[:1].isdigit()
        for i in (tok.i - 1, tok.i + 1)
    )


def weekday_index(name: str) -> int:
    """Monday 0 to Sunday 6, for a weekday's name in any case."""
    return _WEEKDAYS[name.lower()]


def loose_weekday(span: Span) -> bool:
    """A weekday that names no day by the article's: "on a Friday night" says which weekday,
    not which week ("at a Tuesday news conference" does name the day, as news writes it); "the
    following Monday" counts from another day (see ``next_weekday``), and "the Friday after the
    collapse" from the story's happening (see ``anchored``)."""
    if not _WEEKDAY_FIRST.match(span.text):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None:
        return False
    if before.lower_ == "the" and _FROM_A_HAPPENING.match(doc.text[span.end_char :]):
        return True
    if before.lower_ in ("next", "following") and span.start > 1:
        return doc[span.start - 2].lower_ == "the"
    if before.text not in ("a", "an") or before.pos_ != "DET":
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN") or after.lower_ in _DAY_PARTS


def next_weekday(text: str) -> tuple[int, str, int] | None:
    """The weekday a sentence says is the next one after the day last told ("The next Monday,
    officials ..."), with its words and where the weekday's name stands in ``text``."""
    m = _NEXT_WEEKDAY.search(text)
    if m is None:
        return None
    return _WEEKDAYS[m.group("day").lower()], m.group(0), m.start("day")


def later_phrases(text: str) -> list[tuple[int, int, int]]:
    """Where ``text`` says how far on from the day last told it is, as (start, end, days)."""
    return [
        (m.start(), m.end(), found[0])
        for m in _LATER_ON.finditer(text)
        if (found := _moved_by(m)) is not None
    ]


def _moved_by(m: re.Match[str]) -> tuple[int, str] | None:
    words = m.group(0)
    if m.group("n"):
        days = measured_days(m)
        if not days:
            return None
        back = m.group("way").lower().startswith(("earlier", "before"))
        return (-days if back else days), words
    if m.group("next"):
        return 1, words
    if m.group("previous"):
        return -1, words
    if m.group("side"):
        return (1 if m.group("side_way").lower() == "after" else -1), words
    return 0, words


def _nearest_year(found: date, dct: date) -> date:
    """A day and month without a year that dateparser put a year away, though in the article's
    own year it lies within days of it, is that day: "work begins on 9 October" in an article
    of 6 October (read as past), "on Monday, March 14, the law will ..." in an article of that
    Monday (read as future). News tells of the days around it, rarely of that day a year off."""
    if abs(found.year - dct.year) != 1:
        return found
    try:
        near = found.replace(year=dct.year)
    except ValueError:  # 29 February
        return found
    gap = near - dct
    if found.year < dct.year:
        return near if timedelta(0) < gap <= _NEAR else found
    return near if -_NEAR <= gap <= timedelta(0) else found


def sentence_tense(sent: Span) -> Tense:
    """Future when the sentence announces what is to come ("will", "is set to", "next")."""
    return "future" if _FUTURE_CUES.search(sent.text) else "past"


# Clauses of their own inside the one a date hangs on: their tense is not the date's.
_OTHER_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj"})


def date_tense(span: Span) -> Tense:
    """Whether the clause a date hangs on announces what is to come. Only that clause counts:
    "began on Wednesday, when the council ... planned to raise fares" is past though the
    sentence goes on to a plan."""
    verb = verb_above(span.root)
    if is_future(verb) or _scheduled_present(span) or _set_for(span, verb):
        return "future"
    # At any depth: "asked the court to halt it, complaining that Twitter 'will not ...'" is
    # past though a clause inside what it asked looks ahead.
    inner = {
        t.i
        for child in verb.subtree
        if child.i != verb.i
        and child.dep_ in _OTHER_CLAUSES
        and not (child.left_edge.i <= span.start <= child.right_edge.i)
        for t in child.subtree
    }
    own = " ".join(t.text for t in verb.subtree if t.i not in inner)
    return "future" if _FUTURE_CUES.search(own) else "past"


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the article text
    end: int
    value: DateValue
    possessive: bool = False  # "Monday's flood": it dates the noun it owns
    ahead: bool = False  # "the law takes effect on July 7": a day of a plan, not one narrated


def _with_day_of_month(span: Span) -> Span:
    """ "the 30 October runoff": used before a noun, the model may take the day for a count and
    keep only the month as the date; the number just before a bare month is its day."""
    if span.start == 0 or len(span) != 1 or span.text.lower().rstrip(".") not in _MONTHS:
        return span
    day = span.doc[span.start - 1]
    if _day_number(day) and day.whitespace_:
        return span.doc[span.start - 1 : span.end]
    return span


def _hyphened(tok: Token) -> bool:
    """Whether a word is the first part of a hyphened compound: "second" in "second-degree"."""
    after = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return after is not None and after.text == "-" and not tok.whitespace_


def _day_number(tok: Token) -> bool:
    """A day of a month as written: "30", "15th" (not "¹", which is a digit but no number)."""
    found = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", tok.text, re.I)
    return found is not None and found.group(1).isdecimal() and 1 <= int(found.group(1)) <= 31


def dates_in_doc(
    doc: Doc, offset: int, dct: date, *, reference: date | None = None
) -> list[DateMention]:
    """Date mentions of one block's Doc; ``offset`` is where the block starts in the article."""
    found: list[DateMention] = []
    spans: list[Span] = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    taken = [(e.start_char, e.end_char) for e in spans]
    extra = [
        *_EXTRA_PATTERNS.finditer(doc.text),
        *_DAY_OF_MONTH.finditer(doc.text),
    ]
    for m in extra:
        if not any(s < m.end() and m.start() < e for s, e in taken):
            taken.append((m.start(), m.end()))
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                spans.append(span)
    ordered = sorted(map(_with_day_of_month, spans), key=lambda s: s.start_char)
    for k, span in enumerate(ordered):
        following = ordered[k + 1] if k + 1 < len(ordered) else None
        if (
            following is not None
            and re.fullmatch(r"(?:early|late|later|earlier)(?:\s+on)?", span.text.strip(), re.I)
            and not doc.text[span.end_char : following.start_char].strip(" ,")
        ):
            continue  # "early on | Tuesday, March 12": a part of the next phrase, not a date
        if re.match(r"\s*(?:gmt|utc)\b", doc.text[span.end_char : span.end_char + 5], re.I):
            continue  # "(0245 GMT)": the model takes the clock for a year
        if (
            span[-1].lemma_.lower() in PLAY_CLOCK_UNITS
            and span[-1].pos_ in ("NOUN", "PROPN")
            and not _hyphened(span[-1])
        ):
            # "in the 64th minute": a moment of the game, which the model takes for a day; not
            # "in April of second-degree murder", a month the model ran into the words after it.
            continue
        left = doc.text[max(span.sent.start_char, span.start_char - 40) : span.start_char]
        after = doc[span.end] if span.end < len(doc) else None
        if _HOLIDAY.match(span.text) and after is not None and after.pos_ in ("NOUN", "PROPN"):
            continue  # "the Boxing Day storm", "Halloween sales": a name, not a day
        if loose_weekday(span):
            continue
        opening = _HOURS_ON.match(doc.text[span.sent.start_char : span.end_char])
        if opening is not None and span.sent.start_char + opening.end() >= span.end_char:
            # "Later in the day, ...", "Hours later, ...": counted from the day last told, which
            # the event rules read (see ``later_on``), not from the day the article is about.
            continue
        tense = date_tense(span)
        value = resolve_expression(
            span.text,
            dct,
            tense=tense,
            reference=reference,
            left_context=left,
        )
        if value is None and (named := _named_part(span)) is not None:
            # The model runs a date on into the words after it ("on Friday after months of
            # talks"): the date is the part that names a day or a month.
            span = named
            value = resolve_expression(
                span.text, dct, tense=tense, reference=reference, left_context=left
            )
        if value is None:
            continue
        if re.search(r"\([^()]*\b(?:gmt|utc)\b[^()]*$", left, re.I):
            continue  # "7 a.m. local time (2000 GMT on Sunday)": the day by another clock
        if re.search(r"\b(?:through|until|till|up to)\s*$", left, re.I) and value.qualifier is None:
            # "cooperation through 2035": the end of a period, not when anything happened.
            value = replace(value, qualifier="until")
        if re.search(r"\bsince\s*$", left, re.I) and value.qualifier is None:
            # "since 2017" dates the start of a period, not what the sentence reports.
            value = DateValue(
                value.start, value.end, value.granularity, value.text, value.basis, "since"
            )
        if _SAME_BEFORE.search(left) and _WEEKDAY.match(value.text.lower()):
            # "That same Thursday": the Thursday last told, settled with the text around it
            # (see ``narrated_weekdays``).
            value = replace(value, qualifier="same")
        owns = re.match(r"['’]s\b", doc.text[span.end_char : span.end_char + 3]) is not None
        found.append(
            DateMention(
                offset + span.start_char, offset + span.end_char, value, owns, tense == "future"
            )
        )
    return found


# How far before the article's day a narrative must have gone back for its bare weekdays to be
# told from there: within a week, the article's own week and the narrative's are one.
_NARRATIVE_GAP = 6


_SAME_BEFORE = re.compile(r"\b(?:the|that|this)\s+(?:very\s+)?same\s*$", re.I)
_NAMES_WEEKDAY = re.compile(rf"\b(?:{WEEKDAY_NAMES})\b", re.I)


def narrated_weekdays(
    mentions: Sequence[DateMention], dct: date, paragraphs: Sequence[int] = ()
) -> list[DateMention]:
    """Bare weekdays read from the day the text last named outright, where that day lies more
    than a week before the article's: a look back that tells "The vote came on Wednesday,
    March 6. ... on Tuesday the council had met ... The mayor resigned on Thursday" means the
    Tuesday and Thursday around March 6, not those of the week the article appeared in.

    Only past ones, in the scene's paragraph or the next (``paragraphs``: where each starts),
    and only in a text that has not already told of the article's own week by a bare weekday:
    "Crews found two survivors on Wednesday. The storm struck on Friday, March 1. On Tuesday,
    the mayor said ..." speaks of this week, the storm told in passing. "That same Thursday"
    is the Thursday last told, however it was read."""
    out: list[DateMention] = []
    anchor: tuple[date, int] | None = None  # the scene's day and paragraph
    last_day: date | None = None  # the last day told, however
    this_week = False  # a bare weekday has told of the article's own week
    paragraph = -1
    for m in sorted(mentions, key=lambda m: m.start):
        v = m.value
        here = bisect_right(paragraphs, m.start)
        if here != paragraph:
            # A weekday of the article's week tells of the present only in its own paragraph:
            # the next may go back ("The mayor resigned on Tuesday. | The scandal began on
            # Wednesday, Feb. 7 ...").
            paragraph, this_week = here, False
        weekday = _WEEKDAY.match(" ".join(v.text.lower().split()))
        if v.qualifier == "same":
            target = _WEEKDAYS[weekday.group("day")] if weekday else None
            day = last_day if last_day is not None and last_day.weekday() == target else v.start
            m = replace(m, value=replace(v, start=day, end=day, qualifier=None))
        elif v.granularity == "day" and v.qualifier is None and v.basis == "explicit":
            # Only a day named with its weekday ("on Wednesday, March 6") sets a scene the text
            # narrates on from; a bare date is as often background told in passing.
            named = _NAMES_WEEKDAY.search(v.text) and not m.ahead and not this_week
            anchor = (v.start, here) if named else None
        elif (
            weekday is not None
            and v.basis == "relative"
            and v.granularity == "day"
            and (weekday.group("rel") or "on").lower() == "on"
        ):
            if anchor is None or here - anchor[1] > 1 or m.ahead:
                this_week = this_week or (anchor is None and 0 <= (dct - v.start).days <= 6)
            elif (dct - anchor[0]).days > _NARRATIVE_GAP:
                ahead = (_WEEKDAYS[weekday.group("day").lower()] - anchor[0].weekday()) % 7
                if ahead:
                    # The scene's own weekday again ("On Monday, a week after the theft") is
                    # as likely the week after; another one is the nearest to the scene, and
                    # the narration goes on from it ("On Saturday ... | On Sunday ...").
                    near = anchor[0] + timedelta(days=ahead if ahead <= 3 else ahead - 7)
                    m = replace(m, value=replace(v, start=near, end=near))
                    anchor = (near, here)
        if m.value.granularity == "day" and m.value.qualifier is None:
            last_day = m.value.start
        out.append(m)
    return out


# How a phrase places a weekday's part: "late Wednesday".
_DAY_QUALIFIERS = frozenset({"early", "late", "earlier", "later"})


def _count_before_a_weekday(span: Span) -> bool:
    """ "36 late Wednesday": a count the model ran into the weekday after it."""
    if len(span) < 2 or not span[0].like_num:
        return False
    rest = [t.lower_ for t in span[1:]]
    if rest[0] in _DAY_QUALIFIERS:
        rest = rest[1:]
    return bool(rest) and rest[0] in _WEEKDAYS


def _named_part(span: Span) -> Span | None:
    """The longest opening of a date phrase that ends on a month, a weekday or the number
    after them; None when there is none, or when the words after it move the date ("March
    next year" is not this March)."""
    if _count_before_a_weekday(span):
        # "stood at 36 late Wednesday": the model runs the count before the day into it.
        span = span[1:]
        if len(span) == 1 or _named_part(span) is None:
            return span
    for end in range(len(span) - 1, 0, -1):
        head, rest = span[:end], span[end:]
        last = head[-1].lower_.rstrip(".")
        if not (last in _MONTHS or last in _WEEKDAYS or head[-1].is_digit):
            continue
        if not any(t.lower_.rstrip(".") in _MONTHS or t.lower_ in _WEEKDAYS for t in head):
            continue
        if any(t.lower_ in DATE_MOVERS for t in rest):
            return None
        return head
    return None


def _set_for(span: Span, verb: Token) -> bool:
    """ "scheduled sentencing for March 28", "postponed the vote to May 3": the day a happening
    is set for lies ahead of the setting, whatever its tense."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in ("for", "to", "until"):
        return False
    if verb.lemma_.lower() not in SETTING_VERBS or verb.dep_ != "ROOT":
        return False
    # Only an act of setting told as the news: not "was scheduled for", "had been set for" nor
    # "booked the hall for May 2 and 300 people came", which tell of the day as gone by, nor a
    # sentence that gives a day of its own beside it ("In December, the council fixed ...").
    told = verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("auxpass", "aux") and c.lower_ in ("was", "were", "had", "been")
        for c in verb.children
    )
    joined = any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    other_days = [e for e in span.sent.ents if e.label_ == "DATE" and e.start != span.start]
    return told and not joined and not other_days


def _scheduled_present(span: Span) -> bool:
    """ "The visit begins on Thursday", "the rule takes effect on May 3": a day hung on a verb
    in the present is a day ahead (a statement's "says" is the news of the day, and "is" a
    state: "the closure on Monday is due to the storm")."""
    verb = span.root.head
    if verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = verb.head
    return (
        verb.pos_ == "VERB"
        and verb.tag_ in ("VBZ", "VBP")
        and verb.lemma_.lower() not in STATEMENT_VERBS
    )


def main_event_day(mentions: Sequence[DateMention], lede_end: int, dct: date) -> DateValue:
    """The day an article is about: a day named in its first paragraph, else its DCT.

    Sentences without a date of their own inherit it (basis "context").
    """
    to_come = False
    for m in mentions:
        if m.start < lede_end and m.value.granularity == "day" and m.value.qualifier is None:
            if m.possessive:
                continue  # "Monday's flood ... on Wednesday": it names what it owns
            if m.value.start > dct:
                # "will step down on Wednesday, the speaker said late on Saturday": what is to
                # come is not the news; the day it was told is.
                to_come = True
                continue
            if to_come and dct - m.value.start > _TOLD_AHEAD:
                # "opens on Monday, a year after his arrest on March 3": background, not the day
                # the plan was told.
                break
            return DateValue(m.value.start, m.value.end, "day", "", "context")
    return DateValue(dct, dct, "day", "", "context")


# How long before an article a plan its lede announces may have been told.
_TOLD_AHEAD = timedelta(days=7)
