"""Which facts of one outlet's sentence no other outlet gives: a word-level diff for readers.

Each text is compared with every other text of its group (difflib, word by word, blind to case,
punctuation and quote-mark styles); a word is "own wording" when it lines up with no word of any
other text. Only own words that can change the facts are marked: numbers, names, dates,
negations and attributions ("said", "ordered", "according"). Function words and paraphrase
("complete backing" for "full support") are left alone: marking them buries the differences
that matter. The result is plain segments; templates render them, escaping as they go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

_TOKEN = re.compile(r"\S+\s*")
_NOT_WORD = re.compile(r"[^\w]+")
_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "dozen", "dozens", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
    "thousand", "thousands", "million", "millions", "billion", "first", "second", "third",
    "half", "once", "twice",
}  # fmt: skip
_NEGATIONS = {
    "not", "no", "never", "nor", "neither", "none", "nothing", "without", "absent", "away",
    "denied", "denies", "deny", "refused", "rejected", "failed", "cannot", "unable",
}  # fmt: skip
_ATTRIBUTIONS = {
    "said", "says", "say", "told", "according", "claimed", "claims", "stated", "announced",
    "insisted", "alleged", "confirmed", "reported", "ordered", "oversaw", "directed",
    "supervised", "led", "quoted", "warned", "promised", "pledged", "admitted",
}  # fmt: skip
_MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "yesterday", "today", "tomorrow",
}  # fmt: skip


@dataclass(frozen=True)
class Segment:
    text: str
    differs: bool


def _key(token: str) -> str:
    return _NOT_WORD.sub("", token.lower())


def word_segments(texts: list[str]) -> list[list[Segment]]:
    """For each text, its segments, marking words that none of the other texts shares.

    A lone text (or one with no others to compare to) has nothing marked.
    """
    tokens = [_TOKEN.findall(t) for t in texts]
    keys = [[_key(tok) for tok in toks] for toks in tokens]
    result = []
    for i, toks in enumerate(tokens):
        shared = [False] * len(toks)
        others = [k for j, k in enumerate(keys) if j != i]
        if not others:
            shared = [True] * len(toks)
        for other in others:
            matcher = SequenceMatcher(None, keys[i], other, autojunk=False)
            for block in matcher.get_matching_blocks():
                for n in range(block.a, block.a + block.size):
                    shared[n] = True
        # Punctuation-only tokens never count as a difference on their own; nor does wording
        # that cannot change the facts.
        # A fact word another outlet uses anywhere in its sentence is not this one's own,
        # whatever the word order.
        elsewhere = {k for other in others for k in other}
        differs = [
            not s and bool(keys[i][n]) and keys[i][n] not in elsewhere and matters(toks, n)
            for n, s in enumerate(shared)
        ]
        segments: list[Segment] = []
        for tok, d in zip(toks, differs, strict=True):
            if segments and segments[-1].differs == d:
                segments[-1] = Segment(segments[-1].text + tok, d)
            else:
                segments.append(Segment(tok, d))
        # Keep the trailing space outside a mark, so marks hug their words.
        result.append(_trim_marks(segments))
    return result


def matters(tokens: list[str], n: int) -> bool:
    """Whether the n-th token can change what a sentence says happened."""
    token = tokens[n].strip()
    key = _key(token)
    if any(ch.isdigit() for ch in key) or key in _NUMBER_WORDS:
        return True
    if key in _NEGATIONS or key.endswith("nt") and token.lower().endswith(("n't", "n’t")):
        return True
    if key in _ATTRIBUTIONS or key in _MONTHS_AND_DAYS:
        return True
    word = token.lstrip("\"'“‘(")
    if word[:1].isupper() and key != "i":
        # A capitalised word is a name unless it merely starts the sentence.
        starts = n == 0 or tokens[n - 1].rstrip().endswith((".", "!", "?", ":", "“", '"'))
        follows_name = n + 1 < len(tokens) and tokens[n + 1][:1].isupper() and token[-1:].isalnum()
        return not starts or follows_name
    return False


def _trim_marks(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        if seg.differs and seg.text != seg.text.rstrip():
            stripped = seg.text.rstrip()
            out.append(Segment(stripped, True))
            out.append(Segment(seg.text[len(stripped) :], False))
        else:
            out.append(seg)
    return out


def render_segments(segments: list[Segment]) -> SafeString:
    """Escaped HTML: own wording in <mark class="diff">, everything else as text."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<mark class="diff">{}</mark>', s.text) if s.differs else s.text,)
            for s in segments
        ),
    )


def highlight(texts: list[str]) -> list[SafeString]:
    """Each text as escaped HTML with the words no other text shares marked."""
    return [render_segments(segs) for segs in word_segments(texts)]
