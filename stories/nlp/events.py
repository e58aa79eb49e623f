"""Sentences that report something happening, turned into event candidates.

A sentence reports an event when its main clause is built on a verb of happening (meet, launch,
sign, arrive...) in a past or perfect form, or when a noun of happening ("the meeting", "a failed
launch in May") is what the sentence dates or says took place. Sentences that speculate, hedge,
ask or merely describe are left out: a timeline must only show what outlets say happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from .dates import DateMention
from .topics import Taxonomy
from .types import Block, DateValue, EventCandidate


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of happening in news prose. Speech verbs are left to the quote module, except those that
# are acts in themselves (a pledge, a vow, a warning, an announcement).
EVENT_VERBS = _words(
    """
    meet visit tour arrive depart travel leave return launch fire test conduct hold host welcome
    sign pledge vow promise agree approve announce declare order attack strike kill bomb invade
    seize capture arrest detain release free elect vote win lose resign appoint sack fire open
    close begin start end conclude accompany inspect attend toast shake embrace talk discuss
    negotiate crash plunge explode fail collapse flee evacuate impose lift sanction ban warn
    condemn threaten deploy withdraw send deliver supply sell buy sue charge convict sentence
    die injure rescue raid protest march rally strike hit destroy build unveil award offer
    express voice convey walk initiate
    """
)
EVENT_NOUNS = _words(
    """
    meeting summit talks talk visit tour trip launch test attack strike election vote referendum
    signing ceremony parade conference negotiation agreement deal treaty ceasefire invasion
    explosion crash arrest raid protest rally march handshake lunch dinner banquet liftoff
    encounter discussion conversation
    """
)
# Verbs that only carry an event named by a noun ("the meeting took place", "marked the first
# meeting", "featured a tour").
LIGHT_VERBS = _words(
    "be take occur happen mark come begin commence feature include follow precede see"
)
_MODALS = _words("may might could would should can must")
_HEDGE = re.compile(
    r"\b(?:speculat\w*|rumou?rs?|analysts?|experts?|observers?|suggest\w*|believed? to|"
    r"appears? to|appeared to|seems? to|likely|possibl[ey]|potential(?:ly)?|reportedly plans|"
    r"concerns? that|it became evident|if\b|whether|uncertain|hypothetical)",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is set to|are set to|is to|are to|plans? to|intends? to|is expected to|"
    r"are expected to|is going to|are going to|intention to)\b",
    re.I,
)
# Dependencies that hang extra detail on a phrase; dropping them keeps a title scannable.
_DROP_IN_TITLE = _words(
    "appos relcl acl advcl punct cc conj parataxis mark prep intj discourse meta"
)
_MAX_TITLE = 100

# Lemmas that name the same kind of happening in different words.
_KINDS = {
    "meet": "meet meeting summit talk talks discuss discussion encounter conversation hold host "
    "welcome negotiate negotiation handshake shake",
    "launch": "launch fire test liftoff crash plunge fail",
    "visit": "visit tour trip inspect",
    "arrive": "arrive travel depart leave return",
    "pledge": "pledge vow promise declare offer agree support express voice convey",
    "meal": "lunch dinner banquet toast",
}
_KIND_OF = {word: kind for kind, words in _KINDS.items() for word in words.split()}


def event_kind(lemma: str) -> str:
    """The kind of happening a trigger lemma names ("talks" and "meet" are both a meeting)."""
    return _KIND_OF.get(lemma, lemma)


class ActorLookup(Protocol):
    def actors_in(self, file: str, start: int, end: int) -> tuple[str, ...]: ...

    def resolve(self, surface: str) -> str | None: ...


def extract_events(
    file: str,
    docs: Sequence[tuple[Block, Doc]],
    date_mentions: Sequence[DateMention],
    context_date: DateValue | None,
    actors: ActorLookup,
    taxonomy: Taxonomy,
) -> list[EventCandidate]:
    """Event candidates of one article's body blocks, one per happening the article reports."""
    found: list[EventCandidate] = []
    for block, doc in docs:
        if block.kind != "body":
            continue
        for sent in doc.sents:
            found.extend(
                _sentence_events(file, block, sent, date_mentions, context_date, actors, taxonomy)
            )
    return _dedupe(found)


def _sentence_events(
    file: str,
    block: Block,
    sent: Span,
    date_mentions: Sequence[DateMention],
    context_date: DateValue | None,
    actors: ActorLookup,
    taxonomy: Taxonomy,
) -> list[EventCandidate]:
    text = sent.text.strip()
    if len(sent) < 4 or text.endswith("?") or _FUTURE.search(text):
        return []
    start = block.start + sent.start_char
    end = block.start + sent.end_char
    mentions = [m for m in date_mentions if start <= m.start and m.end <= end]
    candidates: list[tuple[Token, DateValue | None]] = []

    # Each dated phrase of its own ("a failed launch in August and a crash in May") is one event.
    own_dates = [m for m in mentions if m.value.qualifier != "since"]
    if len({m.value.label for m in own_dates}) > 1:
        for m in own_dates:
            trigger = _trigger_for_date(sent, m.start - block.start, m.end - block.start)
            if trigger is not None:
                candidates.append((trigger, m.value))
    else:
        trigger = _main_trigger(sent)
        if trigger is None and own_dates:
            # A dated background fact told in passing ("tests initiated in early 2022").
            m = own_dates[0]
            trigger = _trigger_for_date(sent, m.start - block.start, m.end - block.start)
        if trigger is not None:
            date = own_dates[0].value if own_dates else context_date
            candidates.append((trigger, date))
    # "the first meeting since 2019, when they met in X": the when-clause is an event of 2019.
    for m in mentions:
        if m.value.qualifier == "since":
            after = sent.doc.text[m.end - block.start : sent.end_char]
            if re.match(r"\s*,?\s*when\b", after):
                when_verb = _event_verb_after(sent, m.end - block.start)
                if when_verb is not None:
                    v = m.value
                    candidates.append(
                        (when_verb, DateValue(v.start, v.end, v.granularity, v.text, v.basis))
                    )

    out = []
    for trigger, date in candidates:
        if _is_hedged(trigger) or _HEDGE.search(_clause_text(trigger)):
            continue
        names = actors.actors_in(file, start, end)
        out.append(
            EventCandidate(
                file=file,
                sentence=text,
                start=start + (len(sent.text) - len(sent.text.lstrip())),
                end=start + len(sent.text.rstrip()),
                title=_title(trigger, sent, file, block, actors),
                date=_sentence_date(date, context_date),
                actors=names,
                topics=taxonomy.topics_for(sent),
                trigger=_inner_lemma(trigger),
            )
        )
    return out


_CARRIER_VERBS = frozenset({"conduct", "order", "hold", "carry", "stage", "begin", "start"})


def _inner_lemma(trigger: Token) -> str:
    """ "conducted ... by launching missiles", "ordered the launch": the act is the launch."""
    lemma = trigger.lemma_.lower()
    if lemma not in _CARRIER_VERBS:
        return lemma
    for tok in trigger.subtree:
        inner = tok.lemma_.lower()
        if tok.i != trigger.i and inner in _KIND_OF and event_kind(inner) != event_kind(lemma):
            return inner
    return lemma


def _sentence_date(date: DateValue | None, context: DateValue | None) -> DateValue | None:
    if date is not None and date.qualifier and date.qualifier.startswith("first in"):
        # "the first visit in four years" happens on the day the article is about.
        return context or date
    return date


def _is_event_verb(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in EVENT_VERBS:
        return False
    if tok.tag_ in ("VBD", "VBN"):
        return True
    # Present perfect and "has/have + VBN" are covered by VBN; gerunds count inside a past clause.
    return tok.tag_ == "VBG" and tok.head.tag_ in ("VBD", "VBN")


def _is_event_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in EVENT_NOUNS


def _is_hedged(tok: Token) -> bool:
    for t in (tok, tok.head):
        for child in t.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in _MODALS):
                return True
    return False


def _clause_text(trigger: Token) -> str:
    """The words that frame ``trigger``: its clause and the clauses above it, without side
    remarks (relative clauses, appositions) that hedge something else."""
    doc = trigger.doc
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("pobj", "compound", "conj"):
        # A noun event told in passing keeps its own status whatever the sentence speculates.
        return " ".join(t.text for t in trigger.subtree)
    top = trigger
    while top.head.i != top.i and top.dep_ not in ("relcl", "appos", "acl"):
        top = top.head
    skip: set[int] = set()
    for tok in top.subtree:
        if tok.dep_ in ("relcl", "appos", "parataxis") and trigger not in tok.subtree:
            skip |= {t.i for t in tok.subtree}
    return " ".join(
        doc[i].text for i in range(top.left_edge.i, top.right_edge.i + 1) if i not in skip
    )


def _main_trigger(sent: Span) -> Token | None:
    root = sent.root
    if _is_event_verb(root):
        return root
    if root.lemma_.lower() in LIGHT_VERBS or root.pos_ in ("AUX", "VERB"):
        # An event verb in a clause that carries the sentence ("...by launching two missiles").
        for tok in root.subtree:
            if tok.dep_ in ("xcomp", "pcomp", "conj", "advcl", "ccomp") and _is_event_verb(tok):
                return tok
    # Present-tense light verbs describe ("the meeting comes at a time..."), except "marks".
    if root.lemma_.lower() in LIGHT_VERBS and (
        root.tag_ in ("VBD", "VBN") or root.lemma_.lower() == "mark"
    ):
        # The object names the happening more often than the subject ("the meeting featured a
        # tour"), so objects are tried first.
        order = {"dobj": 0, "attr": 1, "nsubj": 2, "nsubjpass": 3}
        for child in sorted(root.children, key=lambda c: (order.get(c.dep_, 9), c.i)):
            if child.dep_ not in order:
                continue
            for tok in [child, *child.subtree]:
                if _is_event_noun(tok):
                    return tok
    return None


def _trigger_for_date(sent: Span, start: int, end: int) -> Token | None:
    """The verb or noun of happening that a date phrase modifies."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok: Token = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if _is_event_verb(tok) or _is_event_noun(tok) or tok.lemma_.lower() in EVENT_VERBS:
            return tok
        if tok.pos_ == "NOUN" and any(_is_event_noun(c) for c in tok.children):
            return next(c for c in tok.children if _is_event_noun(c))
    return None


def _event_verb_after(sent: Span, char: int) -> Token | None:
    for tok in sent:
        if tok.idx >= char and tok.pos_ == "VERB" and tok.lemma_.lower() in EVENT_VERBS:
            return tok
    return None


# --- titles ---------------------------------------------------------------------------------


def _title(trigger: Token, sent: Span, file: str, block: Block, actors: ActorLookup) -> str:
    keep: set[int] = set()
    anchor = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        phrase = _compact(trigger, keep_prep=True)
        keep |= phrase
        head = trigger.head
        # "X held talks", "the meeting took place at Y": keep the clause around a noun event.
        if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            anchor = head
        else:
            return _finish(sent, keep, file, block, actors)
    keep.add(anchor.i)
    if anchor.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in anchor.children):
        # "tests that began in 2022": the tests are the subject of the title.
        keep |= _compact(anchor.head, keep_prep=False) - {
            c.i for c in anchor.children if c.tag_ in ("WDT", "WP")
        }
        keep = {i for i in keep if sent.doc[i].tag_ not in ("WDT", "WP")}
    for child in anchor.children:
        if child.dep_ in ("nsubj", "nsubjpass", "agent", "dobj", "attr", "dative", "oprd", "prt",
                          "acomp", "xcomp", "aux", "auxpass", "neg"):  # fmt: skip
            keep |= _compact(child, keep_prep=child.dep_ in ("xcomp", "dobj"))
    # One place or target phrase after the verb says where or to whom; more is detail.
    for child in anchor.children:
        if child.dep_ == "prep" and child.i > anchor.i:
            keep |= _compact(child, keep_prep=False)
            break
    return _finish(sent, keep, file, block, actors)


def _compact(tok: Token, *, keep_prep: bool) -> set[int]:
    out = {tok.i}
    for child in tok.children:
        if child.dep_ in _DROP_IN_TITLE and not (keep_prep and child.dep_ == "prep"):
            continue
        out |= _compact(child, keep_prep=False)
    return out


def _finish(sent: Span, keep: set[int], file: str, block: Block, actors: ActorLookup) -> str:
    doc = sent.doc
    words: list[str] = []
    last = -2
    for i in sorted(keep):
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-", "–", "’", "'") and tok.text not in '“”"‘':
            last = i
            continue
        text = tok.text
        if tok.tag_ == "PRP" and tok.dep_ in ("nsubj", "nsubjpass"):
            names = actors.actors_in(file, block.start + tok.idx, block.start + tok.idx + len(tok))
            if len(names) == 1:
                text = names[0]
        if words and (i != last + 1 or doc[i - 1].whitespace_):
            words.append(" ")
        words.append(text)
        last = i
    title = "".join(words).strip(" ,;:–-")
    title = re.sub(r"\s+", " ", title)
    title = re.sub(r"[“”\"]", "", title)
    if not title:
        title = sent.text.strip()
    title = title[0].upper() + title[1:]
    if len(title) > _MAX_TITLE:
        cut = title[: _MAX_TITLE - 1].rsplit(" ", 1)[0]
        title = cut.rstrip(" ,;:") + "…"
    return title


# --- repeated statements --------------------------------------------------------------------


def _dedupe(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """An article that says the same thing twice reports one event."""
    kept: list[EventCandidate] = []
    for cand in candidates:
        twin = next((k for k in kept if _same_happening(k, cand)), None)
        if twin is None:
            kept.append(cand)
        elif _strength(cand) > _strength(twin):
            kept[kept.index(twin)] = cand
    return kept


def _same_happening(a: EventCandidate, b: EventCandidate) -> bool:
    if a.start == b.start and a.trigger == b.trigger:
        return True
    same_date = (a.date.label if a.date else None) == (b.date.label if b.date else None)
    if not same_date:
        return False
    if fuzz.token_set_ratio(a.sentence, b.sentence) > 85:
        return True
    return (
        a.trigger == b.trigger
        and bool(set(a.actors) & set(b.actors))
        and (fuzz.token_set_ratio(a.title, b.title) > 70)
    )


def _strength(c: EventCandidate) -> int:
    order = {"explicit": 3, "relative": 2, "context": 1}
    return order.get(c.date.basis, 0) if c.date else 0
