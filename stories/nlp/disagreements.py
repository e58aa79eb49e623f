"""Where outlets reporting one event contradict each other: on a number, or on who did it.

Most differences between outlets' sentences are paraphrase ("a sharp rise", "a steep increase")
and say nothing new. A few change the facts: one outlet counts two ships sunk and another three;
one says a minister ordered the closure and two say it happened while she was away. Those are
worth a reader's attention, and they are few enough to find with plain patterns over the
sentences and the names of the event's actors. (Disagreeing dates are found when the dates
are reconciled, in ``merge``.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "twenty": 20,
    "hundred": 100,
}
_NUMBER = re.compile(
    r"\b(?P<n>\d[\d,.]*|" + "|".join(NUMBER_WORDS) + r")\s+(?P<what>[a-z][\w-]*)",
    re.IGNORECASE,
)
# What a person does to make a thing happen, and words that put them away from it.
_AGENCY = (
    r"(?:personally\s+)?(?:ordered|oversaw|supervised|directed|commanded|authori[sz]ed|led"
    r"|launched|carried out|approved)"
)
_ABSENCE = (
    r"(?:was|were|had been)\s+(?:not\s+(?:in|at|present|there)|absent|away|abroad"
    r"|out of the country|travell?ing)"
)


@dataclass(frozen=True)
class Claim:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    kind: str  # "number" or "who"
    about: str  # what the claims are about: "ships", "Lena Berg"
    claims: tuple[Claim, ...]


def _numbers(sentence: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _NUMBER.finditer(sentence):
        raw = match.group("n").lower()
        if raw.isdigit() and len(raw) == 4 and raw.startswith(("19", "20")):
            continue  # a year, not a count
        value = str(NUMBER_WORDS.get(raw, raw.replace(",", "")))
        what = match.group("what").lower()
        found.setdefault(what, value)
    return found


@lru_cache(maxsize=1024)
def _role_patterns(names: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """One actor's patterns, compiled once: put away by "while X was abroad" or "X was not in
    the country", or made the doer by "X ordered"."""
    n = "(?:" + "|".join(re.escape(x) for x in sorted(names, key=len, reverse=True)) + ")"
    away_clause = re.compile(rf"\b(?:while|as|when|with)\s+{n}\s+{_ABSENCE}", re.I)
    away = re.compile(rf"\b{n}\b(?:\s+\w+){{0,2}}\s+{_ABSENCE}", re.I)
    did = re.compile(rf"\b{n}\b(?:\s+\w+){{0,1}}\s+{_AGENCY}\b", re.I)
    return away_clause, away, did


def _role(sentence: str, names: Sequence[str]) -> str | None:
    """ "did" when the sentence makes a name the doer, "away" when it puts them elsewhere."""
    return _role_of(sentence, tuple(names))


# Kept from run to run in a process: an event's disputes are worked out again whenever an
# article joins it, over the sentences it had before.
@lru_cache(maxsize=1 << 16)
def _role_of(sentence: str, names: tuple[str, ...]) -> str | None:
    away_clause, away, did = _role_patterns(names)
    if away_clause.search(sentence) or away.search(sentence):
        return "away"
    if did.search(sentence):
        return "did"
    return None


def find_disagreements(
    sources: Sequence[tuple[str, str]], actors: Sequence[Sequence[str]] = ()
) -> list[Disagreement]:
    """``sources`` are (source label, sentence); ``actors`` each an actor's names, canonical
    first. Returns the contradictions, each with the sources behind each side."""
    out: list[Disagreement] = []

    counts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for label, sentence in sources:
        for what, value in _numbers(sentence).items():
            if label not in counts[what][value]:
                counts[what][value].append(label)
    for what, values in counts.items():
        if len(values) > 1:
            claims = tuple(
                Claim(f"{value} {what}", tuple(labels)) for value, labels in values.items()
            )
            out.append(Disagreement("number", what, claims))

    for names in actors:
        if not names:
            continue
        roles: dict[str, list[str]] = defaultdict(list)
        for label, sentence in sources:
            role = _role(sentence, names)
            if role and label not in roles[role]:
                roles[role].append(label)
        if len(roles) > 1:
            name = names[0]
            claims = (
                Claim(f"{name} did it", tuple(roles["did"])),
                Claim(f"{name} was away", tuple(roles["away"])),
            )
            out.append(Disagreement("who", name, claims))
    return out
