"""Sentences that report something happening, turned into event candidates.

A sentence reports an event when its main clause is built on a verb of happening (meet, launch,
sign, arrive...) in a past or perfect form, or when a noun of happening ("the meeting", "a ferry
crash in May") is what the sentence dates or says took place. Sentences that speculate, hedge,
ask or merely describe are left out: a timeline must only show what outlets say happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from .clauses import head_verb, inverted_participle, is_future, pluperfect, subject, verb_above
from .dates import (
    MEASURE,
    DateMention,
    day_of_month_word,
    later_on,
    later_phrases,
    measured_days,
    next_weekday,
    recent_window,
)
from .lexicon import (
    ANONYMITY_WORDS,
    APPEARANCE_BODIES,
    APPEARANCE_PREPOSITIONS,
    BACKGROUND_ADVERBS,
    BODY_REFERENCE_NOUNS,
    BODY_SPEAKER_NOUNS,
    CALLED_FOR,
    CARRIER_VERBS,
    CLAUSE_TIMING_MARKS,
    CONDITION_MARKS,
    CONTENT_CARRIERS,
    CONTENTION_VERBS,
    DISMISSAL_SENSES,
    DOCUMENT_SPEAKER_NOUNS,
    DUE_BY_PREPOSITIONS,
    EVENT_KINDS,
    EVENT_NOUNS,
    EVENT_VERBS,
    FUTURE_HEADS,
    GATHER_VERBS,
    HABITUAL_ADVERBS,
    HELD_POST_VERBS,
    HELD_STATE_VERBS,
    HELD_THINGS,
    INFERENCE_VERBS,
    INTENT_MODALS,
    LAWSUIT_NOUNS,
    LIGHT_VERBS,
    MEANS_PREPOSITIONS,
    MEANWHILE_VERBS,
    MEDIUM_NOUNS,
    MEMORY_NOUNS,
    MODALS,
    MOOD_NOUNS,
    MOVED_BETWEEN,
    MOVING_ON,
    NEWS_PRESENT_VERBS,
    NOBODY,
    NON_EVENT_VERBS,
    OCCURRENCE_VERBS,
    OTHER_TIME_PREPOSITIONS,
    OUTCOME_PHRASALS,
    OWN_SIDE_WORDS,
    PERSON_NOUNS_ACTING,
    PERSON_SPEAKER_NOUNS,
    PHRASAL_ACTS,
    PHRASAL_PARTICLES,
    PLAIN_SPEECH,
    PROGRESSIVE_STATE_VERBS,
    PROMISE_VERBS,
    QUESTION_HEADS,
    REFUSAL_VERBS,
    REMEMBERED_NOUNS,
    REQUIRING_NOUNS,
    RESCHEDULING_VERBS,
    ROLE_NOUNS,
    SAYING_OCCASIONS,
    SAYING_SENSES,
    SCENE_MARKS,
    SEALED_KINDS,
    SEALING_VERBS,
    SOURCING_VERBS,
    SPEECH_VERBS,
    SPELLS_OF_OFFICE,
    STATE_OF_OBJECT_HEADS,
    STATEMENT_VERBS,
    STATIVE_PARTICIPLES,
    TAKEN_NOUNS,
    TAKEN_PARTICLES,
    TAKEN_PLURALS,
    TAKEN_ROLES,
    TEMPORAL_MARKS,
    TIME_PREPOSITIONS,
    TIME_UNITS,
    TIMED_BY_PREPOSITIONS,
    UNMADE_HAPPENINGS,
    VAGUE_SPEAKER_WORDS,
    WITHHELD_THINGS,
    WITHHELD_WORDS,
    WORDING_NOUNS,
)
from .names import is_title_token
from .quotes import find_quoted
from .stems import stem
from .telling import telling_words
from .titles import event_title, listed_title, previous_title
from .topics import Taxonomy
from .types import ActorLookup, Block, DateValue, EventCandidate

_HEDGE = re.compile(
    r"\b(?:speculat\w*|rumou?rs?|analysts?|experts?|observers?|suggest\w*|believed? to|"
    r"appears? to|appeared to|seems? to|likely|possibl[ey]|potential(?:ly)?|reportedly plans|"
    r"concerns? that|it became evident|if\b|whether|uncertain|hypothetical)",
    re.I,
)


_KIND_OF = {word: kind for kind, words in EVENT_KINDS.items() for word in words.split()}


def event_kind(lemma: str) -> str:
    """The kind of happening a trigger lemma names ("talks" and "meet" are both a meeting)."""
    return _KIND_OF.get(lemma, lemma)


@dataclass(frozen=True)
class _Found:
    """A happening found in a sentence: the token that names it, how it is dated."""

    trigger: Token
    date: DateValue | None
    # "own": a date of its own; "context": may inherit the article's day; "none": undated.
    dating: str
    # Told as given whatever the rest of the sentence speculates ("As the unions came
    # together for the talks, it became clear that ..."): only its own words can hedge it.
    presupposed: bool = False
    # "the first meeting since 2017" tells of the previous meeting, in 2017.
    previous: bool = False
    # "..., Zika in 2016, Ebola again in 2019": an item of a list that tells the act again for
    # another thing on another day, the verb left out: the preposition of the verb that leads
    # into the list (a token index, -1 for none), and where the item's own words lie
    # (character offsets in the paragraph).
    item: tuple[int, int, int] | None = None


def extract_events(
    file: str,
    docs: Sequence[tuple[Block, Doc]],
    date_mentions: Sequence[DateMention],
    context_date: DateValue | None,
    actors: ActorLookup,
    taxonomy: Taxonomy,
) -> list[EventCandidate]:
    """Event candidates of one article's body blocks, one per happening the article reports."""
    body = [(b, d) for b, d in docs if b.kind == "body"]
    # The people and places the article's opening paragraph is about: the main event's cast.
    lede: frozenset[str] = frozenset()
    if body:
        lede = frozenset(actors.actors_in(file, body[0][0].start, body[0][0].end))
    found: list[EventCandidate] = []
    definite: set[int] = set()  # indexes of candidates named by a definite noun ("the meeting")
    words: list[str] = []  # each candidate's trigger as the text has it ("spoke", "held")
    previous = 0  # where the paragraph before the current one starts
    for block, doc in body:
        # What the paragraph quotes: a speaker's own account is theirs, not a happening told.
        quoted = find_quoted(doc.text)
        for sent in doc.sents:
            for cand, named_definite, word in _sentence_events(
                file,
                block,
                sent,
                date_mentions,
                context_date,
                actors,
                taxonomy,
                lede,
                found,
                quoted,
                previous,
            ):
                if named_definite:
                    definite.add(len(found))
                found.append(cand)
                words.append(word)
        previous = block.start
    return _dedupe(found, [b for b, _ in body], definite, words)


def _sentence_events(
    file: str,
    block: Block,
    sent: Span,
    date_mentions: Sequence[DateMention],
    context_date: DateValue | None,
    actors: ActorLookup,
    taxonomy: Taxonomy,
    lede: frozenset[str],
    earlier: Sequence[EventCandidate],
    quoted: Sequence[tuple[int, int]],
    previous: int,
) -> list[tuple[EventCandidate, bool, str]]:
    text = sent.text.strip()
    if len(sent) < 4 or text.endswith("?"):
        return []
    start = block.start + sent.start_char
    end = block.start + sent.end_char
    mentions = [m for m in date_mentions if start <= m.start and m.end <= end]
    mentions += _moved_on_in_sentence(sent, start, mentions)
    found: list[_Found] = []

    # Each dated phrase of its own ("a strike in August and a crash in May") is one event.
    own_dates = [
        m
        for m in mentions
        if m.value.qualifier not in ("since", "until") and not _date_as_argument(sent, m, block)
    ]
    if len({m.value.label for m in own_dates}) > 1:
        main = _main_trigger(sent)
        # trigger -> (its list's leading preposition, its first item's start, last date end)
        dated_before: dict[int, tuple[int, int, int]] = {}
        for m in own_dates:
            at = (m.start - block.start, m.end - block.start)
            trigger = _trigger_for_date(sent, *at)
            if trigger is None and main is not None and _dates_trigger(sent, main, *at):
                # "X told the council Friday that ... by Monday": a statement is no verb of
                # happening the date climbs to, but the date is on its verb all the same.
                trigger = main
            if trigger is None:
                continue
            same = next((f for f in found if f.trigger.i == trigger.i), None)
            if same is None:
                found.append(_Found(trigger, m.value, "own"))
                if (first := _list_start(sent, trigger, at[0])) is not None:
                    dated_before[trigger.i] = (*first, at[1])
            elif same.date is not None and _finer(m.value, same.date):
                # "early Tuesday, May 9, at 2:10 a.m.": two phrases dating one act are one
                # event, dated by the more precise of them.
                found[found.index(same)] = _Found(trigger, m.value, "own")
            elif (
                same.date is not None
                and not any(_overlap(m.value, f.date) for f in found if f.date is not None)
                and trigger.i in dated_before
                and (begins := _listed(sent, dated_before[trigger.i][2], *at)) is not None
            ):
                lead, first, _ = dated_before[trigger.i]
                found.append(_Found(trigger, m.value, "own", item=(lead, begins, at[1])))
            if trigger.i in dated_before:
                # The next item comes after this date, whether it made an item or not ("in
                # January and February and 3% in March").
                lead, first, _ = dated_before[trigger.i]
                dated_before[trigger.i] = (lead, first, at[1])
        for n, f in enumerate(found):
            # The list's first item is told on its own too, not with the items after it.
            listed = any(g.item is not None and g.trigger.i == f.trigger.i for g in found)
            if f.item is None and listed:
                lead, first, _ = dated_before[f.trigger.i]
                first_end = _first_date_end(f, block, own_dates)
                if first_end is not None:
                    found[n] = replace(f, item=(lead, first, first_end))
    else:
        trigger = _main_trigger(sent)
        if trigger is None and own_dates:
            # A dated background fact told in passing ("trials started in early 2018").
            m = own_dates[0]
            trigger = _trigger_for_date(sent, m.start - block.start, m.end - block.start)
        if trigger is not None:
            m = own_dates[0] if own_dates else None
            at = (m.start - block.start, m.end - block.start) if m is not None else (0, 0)
            if m is not None and _dates_trigger(sent, trigger, *at):
                found.append(_Found(trigger, m.value, "own"))
            elif m is not None and (when := _when_clause_dated(sent, trigger, *at)) is not None:
                # "12 people were killed when the bridge collapsed on Tuesday": what the
                # when-clause tells and what it times happened on its day.
                found.append(_Found(trigger, m.value, "own"))
                found.append(_Found(when, m.value, "own"))
            else:
                found.append(_Found(trigger, None, "context"))
                if m is not None:
                    # "The union condemned the lockout, calling it a breach of the 2016 deal":
                    # the year dates the deal, not the condemnation.
                    other = _trigger_for_date(sent, m.start - block.start, m.end - block.start)
                    if other is not None and other.i != trigger.i:
                        found.append(_Found(other, m.value, "own"))
    # "the first meeting since 2017, when they met in X": the when-clause is an event of 2017.
    for m in mentions:
        if m.value.qualifier == "since":
            after = sent.doc.text[m.end - block.start : sent.end_char]
            if re.match(r"\s*,?\s*when\b", after):
                when_verb = _event_verb_after(sent, m.end - block.start)
                if when_verb is not None:
                    v = m.value
                    found.append(
                        _Found(
                            when_verb,
                            replace(v, qualifier=None),
                            "own",
                        )
                    )
            elif (
                state := _held_since(sent, m.start - block.start, m.end - block.start)
            ) is not None:
                # "She had chaired the board since 2015": the state began then, whatever day the
                # sentence is told on.
                v = m.value
                began = _Found(state, replace(v, qualifier=None), "own")
                found = [f for f in found if f.trigger.i != state.i] + [began]
            elif (
                noun := _first_since(sent, m.start - block.start, m.end - block.start)
            ) is not None:
                # "the first meeting between them since 2017": there was one in 2017.
                v = m.value
                found.append(
                    _Found(
                        noun,
                        replace(v, qualifier=None),
                        "own",
                        previous=True,
                    )
                )
    # Second happenings told inside the sentence: "..., with X closing two piers" and
    # "at the harbour, where both sides shook hands".
    taken = {f.trigger.i for f in found}
    for tok in _inner_happenings(sent):
        if tok.i not in taken and not any(
            tok.i in {t.i for t in f.trigger.subtree} and f.trigger.pos_ in ("NOUN", "PROPN")
            for f in found
        ):
            dating = "none" if _open_period(tok) else "context"
            found.append(_Found(tok, None, dating))
            taken.add(tok.i)

    main = found[0].trigger if found else None
    for tok in _presupposed(sent, main):
        if tok.i not in taken:
            found.append(_Found(tok, None, "context", presupposed=True))
            taken.add(tok.i)

    if found and main is not None and found[0].trigger.i == main.i:
        said = _statement_of_what_was_not_done(sent, main, found, quoted)
        if said is not None:
            # The statement is dated by the words that hang on it ("X said on Tuesday"), not by
            # those of what it reports ("the ferries were not repaired last year").
            own = next(
                (
                    m
                    for m in own_dates
                    if _dates_trigger(sent, said, m.start - block.start, m.end - block.start)
                ),
                None,
            )
            stated = _Found(said, own.value, "own") if own else _Found(said, None, "context")
            if (
                is_future(main)
                and found[0].dating == "own"
                and (own is None or own.value != found[0].date)
            ):
                found.append(stated)  # a promise with a day of its own is announced too
            else:
                found[0] = stated
            main = said
    found = [f for f in found if not _said_in_own_voice(f.trigger, quoted)]
    out = []
    told_apart: list[int] = []  # the candidates dated only by their context
    triggers: list[Token] = []
    names = actors.actors_in(file, start, end)
    for f in found:
        trigger = f.trigger
        words = _own_words(trigger) if f.presupposed else _clause_text(trigger)
        if _is_hedged(trigger) or _asked_not_told(trigger):
            continue
        is_main = main is not None and trigger.i == main.i
        if _HEDGE.search(words) and not (is_main and _named_statement(trigger)):
            continue  # what a statement says may be a guess; that it was said is not
        if _nothing_given(trigger) or _tells_a_mood(trigger):
            continue
        if f.dating != "own" and (_terms_to_come(trigger) or _standing_present(trigger)):
            continue
        if f.dating == "context" and _done_since(trigger):
            f = replace(f, dating="none")
        agents = _agents(trigger, file, block, actors)
        date = f.date
        if f.dating == "context":
            told_before = [m for m in date_mentions if m.start < start]
            date = _later_on(sent, trigger, earlier, told_before) or _date_without_words(
                trigger, agents, lede, context_date, earlier
            )
            if date is context_date:
                told = [m for m in date_mentions if block.start <= m.start < start]
                date = (
                    _carried_date(trigger, block, earlier, told, context_date)
                    or _same_doer_on(trigger, agents, block, previous, earlier, context_date)
                    or date
                )
            told_apart.append(len(out))
        cand = EventCandidate(
            file=file,
            sentence=text,
            start=start + (len(sent.text) - len(sent.text.lstrip())),
            end=start + len(sent.text.rstrip()),
            title=(
                previous_title(trigger, sent, file, block, actors)
                if f.previous
                else listed_title(trigger, sent, f.item, file, block, actors)
                if f.item is not None
                else event_title(trigger, sent, file, block, actors)
            ),
            date=_sentence_date(date, context_date),
            actors=names,
            topics=taxonomy.topics_for(sent),
            trigger=_inner_lemma(trigger),
            agents=agents,
            clarity=0 if f.presupposed else _clarity(trigger, agents),
            scheduled=is_future(trigger),
        )
        # The trigger's word, whose subject is the doer; a light verb's subject is the happening
        # ("their talks began after the ministers toured ...").
        word = "" if trigger.lemma_.lower() in LIGHT_VERBS else trigger.lower_
        out.append((cand, _is_definite(trigger), word))
        triggers.append(trigger)
    by_verb = {head_verb(t).i: c.date for t, c in zip(triggers, (o[0] for o in out), strict=True)}
    unplaced: set[int] = set()
    for n in told_apart:
        apart = (
            _days_apart(triggers[n], by_verb, context_date)
            or _same_time(triggers[n], by_verb)
            or _when_its_doer_happened(triggers[n], by_verb)
            or _in_its_when_clause(triggers[n], by_verb)
            or _where_it_was_done(triggers[n], by_verb)
            or _after_its_clause(triggers[n], by_verb)
            or _the_sentence_day(triggers[n], by_verb)
        )
        if apart is not None:
            out[n] = (replace(out[n][0], date=apart), *out[n][1:])
        elif (main is None or triggers[n].i != main.i) and _measured_from(triggers[n]) is not None:
            # A side clause told only as "days after" an act with no day is background.
            unplaced.add(n)
    return [o for n, o in enumerate(out) if n not in unplaced]


def _moved_on_in_sentence(
    sent: Span, start: int, mentions: Sequence[DateMention]
) -> list[DateMention]:
    """ "The ferry left on March 2 and docked three days later": a span on from a day the
    sentence has just named dates what it leads, as a day of its own; the next span counts
    on from there."""
    told = list(mentions)
    moved = []
    for at, to, days in later_phrases(sent.text):
        # Only a day can be moved on from ("in March ... two days later" names no day); a
        # year told in passing ("a quay built in 1970") is no day the sentence is at.
        before = [m for m in told if m.end <= start + at and m.value.granularity == "day"]
        if not before:
            continue
        last = max(before, key=lambda m: m.end)
        day = last.value.start + timedelta(days=days)
        words = sent.text[at:to]
        mention = DateMention(start + at, start + to, DateValue(day, day, "day", words, "relative"))
        moved.append(mention)
        told.append(mention)
    return moved


def _terms_to_come(trigger: Token) -> bool:
    """ "Any losses will be recovered through a levy", "the purchase will be funded from its
    reserves": a passive future with no day of its own, told with the means it will be done by,
    tells the terms of what was settled, not a happening announced for some day ("the bridge
    will be demolished", "he will be buried in his home town" are announced)."""
    verb = head_verb(trigger)
    if verb.tag_ != "VBN" or not is_future(verb):
        return False
    passive = any(c.dep_ == "auxpass" and c.lemma_.lower() == "be" for c in verb.children)
    return passive and any(
        c.dep_ == "prep" and c.lower_ in MEANS_PREPOSITIONS for c in verb.children
    )


def _standing_present(trigger: Token) -> bool:
    """ "The ministry rejects the court's authority", "the bill holds spending flat": a verb
    in the simple present with no day of its own tells a standing position or state; "says",
    "tells" and "writes", and a verb of speech with what was said ("the union warns that the
    strike could spread"), are the news present of what someone has just said."""
    lemma = trigger.lemma_.lower()
    return (
        trigger.pos_ == "VERB"
        and trigger.tag_ in ("VBZ", "VBP")
        and lemma not in NEWS_PRESENT_VERBS
        and not (lemma in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in trigger.children))
    )


def _in_quote(tok: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    return any(a <= tok.idx < b for a, b in quoted)


def _said_in_own_voice(trigger: Token, quoted: Sequence[tuple[int, int]]) -> bool:
    """ "'We saved the season,' he said", "'I waited on the quay for an hour'": what a
    speaker says they did, in their own words, is their account, not a happening the article
    reports."""
    if not _in_quote(trigger, quoted):
        return False
    subj = subject(head_verb(trigger))
    return subj is not None and subj.lower_ in ("i", "we", "you")


def _date_without_words(
    trigger: Token,
    agents: tuple[str, ...],
    lede: frozenset[str],
    context: DateValue | None,
    earlier: Sequence[EventCandidate],
) -> DateValue | None:
    """The date of a happening the sentence gives no date words for.

    Announced happenings ("is set to visit") have no date; "following the visit" takes the
    time of the visit told before; "recent attempts" lie in the weeks before the article; a
    standing position or a warning of what might come by someone outside the main event's cast
    was stated at a time the text leaves open; everything else, reactions told in the past
    included, happened on the article's main day.
    """
    if is_future(trigger):
        return None
    if context is None:
        return None
    if (after := _after_earlier(trigger, earlier)) is not None:
        return after
    if _is_recent(trigger):
        return recent_window(context.start)
    verb = head_verb(trigger)
    if (
        verb.lemma_.lower() in STATEMENT_VERBS
        # A reaction told in the simple past ("X called the decision a mistake") was made in the
        # news of the day; a standing position or a warning of what might come was not. A
        # promise of what will come was made on a day all the same.
        and (verb.tag_ != "VBD" or _speculates(verb) and not _promises(verb, context.start.year))
        and agents
        and lede
        and not set(agents) & lede
    ):
        return None
    return context


def _promises(verb: Token, year: int) -> bool:
    """A promise made in the news the article tells: not one set in another time ("during his
    campaign", "years ago", "throughout the race") nor one due by a year gone by ("promised the
    terminal would open by 2020")."""
    if verb.lemma_.lower() not in PROMISE_VERBS:
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in OTHER_TIME_PREPOSITIONS and _of_time(c):
            return False
        if c.dep_ in ("advmod", "npadvmod") and (
            c.lower_ in BACKGROUND_ADVERBS or any(g.lower_ == "ago" for g in c.subtree)
        ):
            return False
    return not any(_year_gone_by(t, verb, year) for t in verb.subtree)


def _of_time(prep: Token) -> bool:
    """ "during his campaign", "before the election"; not "before parliament"."""
    return any(
        g.dep_ == "pobj"
        and (
            g.ent_type_ in ("DATE", "TIME", "EVENT")
            or _is_event_noun(g)
            or g.lemma_.lower() in TIME_UNITS | SPELLS_OF_OFFICE
        )
        for g in prep.children
    )


def _year_gone_by(tok: Token, verb: Token, year: int) -> bool:
    """ "would open by 2020": a year before the article's that the promise is due by, in what
    was promised itself, not in a clause that tells more of something in it ("the pier, which
    was built in 1920") nor in a count ("1500 new homes", "2019 levels")."""
    if not (len(tok.text) == 4 and tok.text.isdigit() and int(tok.text) < year):
        return False
    if tok.head.lower_ not in DUE_BY_PREPOSITIONS:
        return False
    node = tok.head
    while node.i != verb.i:
        if node.dep_ in ("relcl", "acl") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _later_on(
    sent: Span, trigger: Token, earlier: Sequence[EventCandidate], told: Sequence[DateMention]
) -> DateValue | None:
    """ "Two days later, the court adjourned", "That night, crowds gathered": the day last
    told in the article, moved on by what the sentence says."""
    if is_future(trigger):
        return None
    found = later_on(sent.text)
    weekday = next_weekday(sent.text) if found is None else None
    if weekday is not None and not _dates_its_act(sent, trigger, weekday[2]):
        weekday = None
    if found is None and weekday is None:
        return None
    last = _last_told(earlier, told)
    if last is None or last[1].granularity != "day":
        return None
    if weekday is not None:
        # "The next Monday": the first Monday after the day last told.
        ahead = (weekday[0] - last[1].start.weekday()) % 7 or 7
        day = last[1].start + timedelta(days=ahead)
        return DateValue(day, day, "day", weekday[1], "relative")
    days, words = found  # type: ignore[misc]
    day = last[1].start + timedelta(days=days)
    return DateValue(day, day, "day", words, "relative")


def _dates_its_act(sent: Span, trigger: Token, at: int) -> bool:
    """Whether the day named at character ``at`` of the sentence hangs on the trigger itself:
    "The following Monday, divers sealed the hull"; not "postponed to the next Tuesday" (the
    plan's day) nor "said it would resume the following Monday"."""
    tok = next((t for t in sent if t.idx - sent.start_char == at), None)
    if tok is None:
        return False
    while tok.head.i != tok.i and tok.i != trigger.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "until", "till", "for", "by", "before"):
            return False
        tok = tok.head
        if tok.i != trigger.i and tok.pos_ in ("VERB", "AUX"):
            return False
    return tok.i == trigger.i


_APART = re.compile(rf"{MEASURE}\s+(?P<way>after|before)\s*$", re.I)


def _measured_from(verb: Token) -> int | None:
    """How many days a clause's act lies from the act of the clause it hangs on, when it says
    so ("a day after X declared", "two weeks before the vote was held"); negative before."""
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    if verb.dep_ != "advcl" or mark is None or mark.lower_ not in ("after", "before"):
        return None
    found = _APART.search(verb.doc[max(mark.i - 4, 0) : mark.i + 1].text)
    if found is None:
        return None
    days = measured_days(found)
    return -days if found.group("way").lower() == "after" else days


def _same_time(trigger: Token, by_verb: dict[int, DateValue | None]) -> DateValue | None:
    """ "The rebels seized the port on Monday and at once closed its gates": a deed joined to a
    dated one is told at its time. In a longer run ("flew in on Monday, handed out water and
    bought meals") the parser hangs each deed on the one before, so the day is sought back
    along the run; further back than the deed just before, only a day is told at (not "elected
    in 2019, survived two votes and resigned"). A deed moved on ("and later signed") or told as
    done before ("and had been charged") is of another time."""
    verb = head_verb(trigger)
    if verb.dep_ != "conj" or is_future(verb) or _moved_on(verb):
        return None
    deed, step = verb, 0
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb, step = verb.head, step + 1
        first = by_verb.get(verb.i)
        if first is None or first.basis == "context" or not first.text:
            continue
        if (step > 1 and first.granularity != "day") or _told_as_before(deed, verb):
            return None
        return DateValue(first.start, first.end, first.granularity, "", first.basis)
    return None


def _moved_on(verb: Token) -> bool:
    """ "... and later signed a deal": the deed is moved on from the time told before it."""
    return any(c.dep_ == "advmod" and c.lower_ in MOVING_ON for c in verb.children)


def _told_as_before(deed: Token, dated: Token) -> bool:
    """A deed in the pluperfect beside a dated one that is not ("resigned on Monday; he had been
    charged with fraud") lies before that day."""
    return pluperfect(deed) and not pluperfect(dated)


# Clauses that tell the sentence's own news: its main clause, and what a colon or a semicolon
# joins to it (the parser hangs one on the other).
_TOP_CLAUSE = ("ROOT", "ccomp", "parataxis")


def _the_sentence_day(trigger: Token, by_verb: dict[int, DateValue | None]) -> DateValue | None:
    """ "On Saturday another train derailed; no one was hurt", "Technicians rebooted it early on
    Wednesday, and the agency ordered a ground stop": a deed told beside the one dated deed of
    its sentence, in a clause of the sentence's own news, is of that day. A clause that
    describes ("the ban, issued on Saturday"), looks ahead, reports what someone said, or hangs
    on an "after" is of some other time, and neither gives nor takes the day; nor does a deed
    told before the day is named, unless the day opens the sentence ("That evening the crowd
    poured in and police made arrests") or the deed's own clause holds the clause that names it
    ("Investors agreed: shares jumped on Monday"). A deed moved on ("later found a crack") or
    told in the pluperfect beside a deed that is not ("resigned on Monday; he had been charged")
    is of another time."""
    verb = head_verb(trigger)
    if not _narrated_past(verb) or is_future(verb) or verb.lemma_.lower() in SPEECH_VERBS:
        return None
    if not _tells_the_news(verb) or _moved_on(verb):
        return None
    doc = verb.doc
    days: dict[tuple[date, date], DateValue] = {}
    for i, when in by_verb.items():
        source = doc[i]
        if i == verb.i or when is None or when.basis == "context" or not when.text:
            continue
        if when.granularity != "day" or is_future(source) or not _tells_the_news(source):
            continue
        if _told_as_before(verb, source):
            continue
        told_on = source.head.i == verb.i and source.dep_ in ("ccomp", "parataxis")
        if source.i > verb.i and not told_on and not _named_before(when, verb):
            continue
        days[(when.start, when.end)] = when
    if len(days) != 1:
        return None
    (when,) = days.values()
    return DateValue(when.start, when.end, "day", "", when.basis)


def _tells_the_news(verb: Token) -> bool:
    """Whether a verb's clause is one of the sentence's own news, told in the article's voice."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ in _TOP_CLAUSE and not _told_by_someone(verb)


def _told_by_someone(verb: Token) -> bool:
    """Whether a verb is in what someone said: what someone told reporters is of the time of
    the telling, whatever it tells of."""
    return any(
        tok.lemma_.lower() in SPEECH_VERBS and not _beside(verb, tok) for tok in verb.ancestors
    )


def _named_before(when: DateValue, verb: Token) -> bool:
    """Whether a day's words come before the verb in its sentence."""
    sent = verb.sent
    at = sent.text.find(when.text)
    return at >= 0 and sent.start_char + at + len(when.text) <= verb.idx


def _after_its_clause(trigger: Token, by_verb: dict[int, DateValue | None]) -> DateValue | None:
    """ "He took over the group after its founder was killed in 2011": an act told as
    following one dated only by its year or month is of that year or month, as near as the
    text says."""
    verb = head_verb(trigger)
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ == "after" for c in clause.children
        ):
            continue
        doc = clause.doc
        for i, when in by_verb.items():
            # The clause's own act ("was killed in 2011", or "in a raid in 2011" on it), not
            # one told inside it ("after its founder, who built it up in 1998, died").
            if i != clause.i and _verb_of(doc[i]).i != clause.i:
                continue
            if when is not None and when.text and when.granularity != "day":
                return DateValue(when.start, when.end, when.granularity, "", when.basis)
    return None


def _verb_of(tok: Token) -> Token:
    """The nearest verb a word hangs on (itself, if it is one)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _when_its_doer_happened(
    trigger: Token, by_verb: dict[int, DateValue | None]
) -> DateValue | None:
    """ "The quake, which struck at 4:17 a.m. on Monday, toppled thousands of buildings": what
    a happening did, it did when it struck; one that only began then ("the strike, which began
    on Monday, ended ...") may have done it later."""
    verb = head_verb(trigger)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not _is_event_noun(subj) or is_future(verb):
        return None
    for clause in subj.children:
        if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in OCCURRENCE_VERBS:
            continue  # "the strike, which began on Monday, ended ...": not when it struck
        when = by_verb.get(clause.i)
        if when is not None and when.basis != "context" and when.text:
            return DateValue(when.start, when.end, when.granularity, "", when.basis)
    return None


def _in_its_when_clause(trigger: Token, by_verb: dict[int, DateValue | None]) -> DateValue | None:
    """ "The handover began on 3 November, when the vice-president met the chief of staff": a
    deed in a "when" clause on a day is of that day. One told as done before ("when he had
    already left") or still to come is not."""
    verb = head_verb(trigger)
    day = verb.head
    if (
        verb.dep_ != "relcl"
        or day.ent_type_ != "DATE"
        or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)
    ):
        return None
    if not _narrated_past(verb) or is_future(verb):
        return None
    dated = next((a for a in day.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if dated is None or is_future(dated) or dated.dep_ == "xcomp":
        return None  # "Talks were due to resume on 20 March, when ...": a day still to come
    when = by_verb.get(dated.i)
    if when is None or when.basis == "context" or not when.text or when.granularity != "day":
        return None
    if _told_as_before(verb, dated):
        return None
    return DateValue(when.start, when.end, "day", "", when.basis)


def _where_it_was_done(trigger: Token, by_verb: dict[int, DateValue | None]) -> DateValue | None:
    """ "He testified before a Senate panel in May, where he urged lawmakers to act", "attended
    a summit in Brussels on Monday, where he met ...": a deed done at the sitting or gathering a
    dated deed tells of is of that deed's time. A dated deed that tells of no such occasion
    ("moved to Alder in 2015, where police arrested him": a place, whatever the parser hung
    "where" on), one told in the past perfect, a deed told as done before ("where he had
    worked for years") or still to come is not."""
    verb = head_verb(trigger)
    if verb.dep_ != "relcl" or not any(
        c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children
    ):
        return None
    if not _narrated_past(verb) or is_future(verb):
        return None
    dated = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if dated is None or is_future(dated) or pluperfect(dated):
        return None
    occasion = any(
        (_is_event_noun(t) or (t.pos_ == "NOUN" and t.lemma_.lower() in BODY_SPEAKER_NOUNS))
        and not _set_apart(t, dated)
        for t in dated.subtree
        if t.i < verb.left_edge.i and t.i != dated.i
    )
    if not occasion:
        return None
    when = by_verb.get(dated.i)
    if when is None or when.basis == "context" or not when.text or _told_as_before(verb, dated):
        return None
    return DateValue(when.start, when.end, when.granularity, "", when.basis)


def _set_apart(tok: Token, verb: Token) -> bool:
    """ "returned to Alder after the election": a happening the deed is timed by, not one it
    took part in."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in TIMED_BY_PREPOSITIONS:
            return True
        node = node.head
    return False


def _days_apart(
    trigger: Token, by_verb: dict[int, DateValue | None], context: DateValue | None
) -> DateValue | None:
    """ "The visit came a day after Kovac declared an emergency", "filed on May 3, four
    days after the union told the company": the clause's act lies that far from the day of
    the act of the clause it hangs on, or of the article's day when that clause tells no
    happening ("The move comes 12 days after X declared ...")."""
    verb = head_verb(trigger)
    days = _measured_from(verb)
    base = by_verb.get(verb.head.i, None if is_future(verb.head) else context)
    if days is None or base is None or base.granularity != "day":
        return None
    day = base.start + timedelta(days=days)
    return DateValue(day, day, "day", "", "relative")


def _last_told(
    earlier: Sequence[EventCandidate], told: Sequence[DateMention], since: int = 0
) -> tuple[int, DateValue] | None:
    """Where and what the last day told before a sentence is, from ``since`` on: a happening
    dated in words (not one announced) or a day named in passing (not the day of a plan),
    whichever came later."""
    planned = {(m.value.label, m.start) for m in told if m.ahead}
    last: tuple[int, DateValue] | None = None
    for cand in reversed(earlier):
        if cand.start < since:
            break
        if (
            cand.date is not None
            and cand.date.text
            and not cand.scheduled
            # "The law takes effect on March 20": a plan told in the present.
            and not any(
                label == cand.date.label and cand.start <= at < cand.end for label, at in planned
            )
        ):
            last = (cand.start, cand.date)
            break
    for m in reversed(told):
        if m.value.qualifier is None and not m.possessive and not m.ahead:
            if last is None or m.start > last[0]:
                last = (m.start, m.value)
            break
    return last


def _carried_date(
    trigger: Token,
    block: Block,
    earlier: Sequence[EventCandidate],
    told: Sequence[DateMention],
    context: DateValue | None,
) -> DateValue | None:
    """A past happening told without date words in a paragraph that has dated one before it
    ("In March Vidal tried to pull out. Acme sued.") is of that time, not of the day the
    article is about: a paragraph narrates on from the last date it gave, whether that dated a
    happening (``earlier``) or only a scene (``told``: "as Costa saw him to the door on Friday
    night. 'We have a deal,' Costa replied.")."""
    if not _narrated_past(head_verb(trigger)) or not _carries(trigger):
        return None
    last = _last_told(earlier, told, since=block.start)
    if last is None:
        return None
    d = last[1]
    if context is not None and d.start >= context.start:
        return None  # only a paragraph gone back in time narrates on from there
    if d.granularity != "day" and _aside_at(trigger.doc, _words_at(trigger.doc, last, block)):
        # "Silva, who has led the city since 2015, ... A reporter asked ...": a year told in an
        # aside about someone does not move the narration there.
        return None
    return DateValue(d.start, d.end, d.granularity, "", "context")


def _words_at(doc: Doc, told: tuple[int, DateValue], block: Block) -> int:
    """Where in the paragraph a date told at ``told`` has its words: a happening's date is
    told from its sentence's start, its words somewhere in the sentence."""
    start, value = told
    at = start - block.start
    if value.text:
        found = doc.text.find(value.text, at)
        if found >= 0:
            return found
    return at


def _aside_at(doc: Doc, at: int) -> bool:
    """Whether the words at character ``at`` lie in a clause told beside the sentence's news: a
    relative clause set off by commas ("Silva, who has led the city since 2015, ...") or a
    participle's after the news ("..., having first spoken there in 2016"); not one that tells
    which thing is meant ("A storm that hit the coast in 2019 ...") nor one that opens the
    sentence and sets its time ("Returning to the city in 1998, ...")."""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    while True:
        if tok.dep_ == "relcl":
            # Set off by commas ("The bridge, which closed in 2019, ..."), it tells more about
            # what it follows; without ("an accident that happened in 2019") it is the news.
            return tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
        if tok.dep_ in ("advcl", "acl", "pcomp") and tok.tag_ in ("VBG", "VBN"):
            clause = tok.head if tok.dep_ == "pcomp" else tok
            return clause.left_edge.i != tok.sent.start
        if any(c.dep_ == "aux" and c.lower_ == "having" for c in tok.children):
            return True  # the parser may take "having spoken" for the sentence's own verb
        if tok.head.i == tok.i:
            return False
        tok = tok.head


def _same_doer_on(
    trigger: Token,
    agents: tuple[str, ...],
    block: Block,
    previous: int,
    earlier: Sequence[EventCandidate],
    context: DateValue | None,
) -> DateValue | None:
    """ "On Friday night Costa addressed the nation. | 'We held firm,' the president said." A
    past deed of whoever acted in the last sentence of the paragraph before that told a
    happening, told first in its own paragraph, goes on with that sentence's scene when the
    scene is set on one day before the article's: a new paragraph alone does not end a scene
    its doer is still acting in. One told in the pluperfect is background."""
    verb = head_verb(trigger)
    if not agents or not _narrated_past(verb) or pluperfect(verb) or not _carries(trigger):
        return None  # "Costa had founded the firm": background, told as before the scene
    if context is None or any(c.start >= block.start for c in earlier):
        return None
    before = [c for c in earlier if previous <= c.start < block.start]
    if not before:
        return None
    scene = [c for c in before if c.start == before[-1].start]
    days = {c.date.label if c.date is not None else None for c in scene}
    d = scene[0].date
    if len(days) != 1 or d is None or any(c.scheduled for c in scene):
        return None
    if d.granularity != "day" or d.start >= context.start:
        return None
    if not set(agents) & {a for c in scene for a in c.agents}:
        return None
    return DateValue(d.start, d.end, d.granularity, "", "context")


def _carries(trigger: Token) -> bool:
    """Whether a narrated deed may take the day of the scene told before it: not one told as
    what someone said (what someone told reporters is of the article's time, whatever it tells
    of), nor one moved on from it ("later")."""
    verb = head_verb(trigger)
    return not _told_by_someone(verb) and not any(map(_moved_on, (verb, *verb.ancestors)))


def _beside(verb: Token, speech: Token) -> bool:
    """ "X called the leak a breach and directed the marshal to ...": a deed joined to a
    statement is told beside it, not in what was said."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == speech.i:
            return True
    return False


def _narrated_past(verb: Token) -> bool:
    """ "sued", "was killed", "had agreed"; not "has condemned" (the present perfect tells of
    the article's own time) nor "says"."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return bool(aux) and aux[0].tag_ == "VBD"


def _speculates(verb: Token) -> bool:
    """What a statement says is a possibility: "might be on the agenda", "would violate".
    Only what was said counts: "The union, which can order a strike, said it was standing by"
    describes the speaker in a modal but states a fact."""
    speaker = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return any(
        t.dep_ == "aux"
        and t.lower_ in MODALS
        and t.i not in speaker
        and not (t.lower_ in INTENT_MODALS and _speakers_own_intent(t.head))
        for t in verb.subtree
    )


def _speakers_own_intent(verb: Token) -> bool:
    """ "X said her office would audit the ferries", "X said she would call a meeting": what the
    speaker's own side will do is an intention stated, not a guess at what might come."""
    subj = subject(verb)
    if subj is None:
        return False
    if subj.lower_ == "it" and subj.dep_ == "nsubj":
        return _a_bodys_own_act(verb)
    return subj.lower_ in OWN_SIDE_WORDS or any(
        c.dep_ == "poss" and c.lower_ in OWN_SIDE_WORDS for c in subj.children
    )


def _a_bodys_own_act(verb: Token) -> bool:
    """ "Acme said it would invest $40 million": a body's "it" is the body, doing an act of its
    own; "X said it would be a mistake" or "... it would take years" is no one's act."""
    lemma = verb.lemma_.lower()
    if lemma in NON_EVENT_VERBS or lemma in LIGHT_VERBS:
        return False
    said = next((a for a in verb.ancestors if a.lemma_.lower() in SPEECH_VERBS), None)
    speaker = subject(said) if said is not None else None
    return (
        speaker is not None
        and speaker.ent_type_ != "PERSON"
        and speaker.lower_ not in OWN_SIDE_WORDS
        and (speaker.pos_ == "PROPN" or speaker.pos_ == "NOUN")
    )


def _finer(a: DateValue, b: DateValue) -> bool:
    grain = {"year": 1, "month": 2, "day": 3}
    basis = {"context": 0, "relative": 1, "explicit": 2}
    return (grain[a.granularity], basis[a.basis]) > (grain[b.granularity], basis[b.basis])


def _names_a_person(tok: Token) -> bool:
    """ "its chief executive", "Rui Costa", "three officials": someone, not something."""
    return (
        tok.ent_type_ == "PERSON"
        or tok.lemma_.lower() in PERSON_SPEAKER_NOUNS
        or is_title_token(tok)
    )


def _verdict(find: Token) -> str | None:
    """ "A jury found him guilty" is a conviction, "found him not guilty" an acquittal: a
    verdict, not a discovery."""
    for child in find.children:
        if child.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and child.lower_ == "guilty":
            negated = any(c.dep_ == "neg" for c in child.children)
            return "acquit" if negated else "convict"
    return None


def _inner_lemma(trigger: Token) -> str:
    """The act behind a carrier verb: "conducted ... by closing the gates" is a closure,
    "expressed support" a pledge, "extended a welcome" a welcome."""
    lemma = trigger.lemma_.lower()
    particle = _particle(trigger)
    if particle in PHRASAL_PARTICLES and trigger.pos_ == "VERB":
        if lemma in CARRIER_VERBS and (carried := _carried_happening(trigger)) is not None:
            return carried  # "carried out arrests" are arrests
        # "lifted off", "stepped down", "broke out": the particle makes another act.
        return f"{lemma}_{particle}"
    if (taken := _taken(trigger)) is not None:
        return f"{lemma}_{taken.lemma_.lower()}"
    if (made := _made_happening(trigger)) is not None:
        return made.lemma_.lower()  # "made a visit" is a visit
    if lemma == "find" and (verdict := _verdict(trigger)) is not None:
        return verdict
    if lemma == "file" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in LAWSUIT_NOUNS for c in trigger.children
    ):
        return "sue"  # "filed a lawsuit against the utility"
    if lemma in DISMISSAL_SENSES and any(
        c.dep_ in ("dobj", "nsubjpass") and _names_a_person(c) for c in trigger.children
    ):
        # "fired its head coach", "the minister was sacked": a dismissal, not a launch.
        return "dismiss"
    if lemma in OCCURRENCE_VERBS:
        # "the storm struck", "two storms hit the coast": the happening is what the
        # subject names; the verb only says it occurred.
        for child in trigger.children:
            if child.dep_ in ("nsubj", "nsubjpass") and _is_event_noun(child):
                return child.lemma_.lower()
    if lemma in SEALING_VERBS:
        for child in trigger.children:
            if child.dep_ in ("dobj", "nsubjpass") and (
                event_kind(child.lemma_.lower()) in SEALED_KINDS
            ):
                return child.lemma_.lower()
    if lemma in CONTENT_CARRIERS:
        for child in trigger.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in _KIND_OF:
                return child.lemma_.lower()
        return lemma
    if lemma not in CARRIER_VERBS:
        return lemma
    return _carried_happening(trigger) or lemma


def _carried_happening(carrier: Token) -> str | None:
    """The happening a carrier verb's words name: "conducted ... by closing the gates"."""
    lemma = carrier.lemma_.lower()
    for child in carrier.children:
        if child.dep_ in ("nsubj", "nsubjpass", "npadvmod", "dep", "advmod", "punct"):
            continue
        if child.dep_ == "prep" and child.lower_ in TIME_PREPOSITIONS:
            continue
        for tok in child.subtree:
            inner = tok.lemma_.lower()
            if inner in _KIND_OF and event_kind(inner) != event_kind(lemma):
                return inner
    return None


def _particle(verb: Token) -> str | None:
    """The particle of a phrasal verb: "off" in "called off"."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


def _nothing_given(trigger: Token) -> bool:
    """Words that carry, give or withhold nothing: "conveyed through an interpreter", "gave no
    details", "declined to comment"."""
    return _only_wording(trigger) or _gives_nothing(trigger) or _kept_silent(trigger)


def _only_wording(trigger: Token) -> bool:
    """ "The remarks were conveyed through an interpreter" says how words travelled, not that
    anything happened."""
    if trigger.lemma_.lower() not in CONTENT_CARRIERS:
        return False
    content = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(content) and all(c.lemma_.lower() in WORDING_NOUNS for c in content)


def _gives_nothing(trigger: Token) -> bool:
    """ "He offered no evidence", "she gave no details": what was given was nothing, so
    nothing was done."""
    if trigger.lemma_.lower() not in CONTENT_CARRIERS:
        return False
    content = [c for c in trigger.children if c.dep_ == "dobj"]
    return bool(content) and all(
        any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in content
    )


def _kept_silent(trigger: Token) -> bool:
    """ "A spokesperson declined to comment", "the agency refused to give details": words
    withheld are no happening."""
    if trigger.lemma_.lower() not in REFUSAL_VERBS:
        return False
    for c in trigger.children:
        if c.dep_ != "xcomp" or c.lemma_.lower() not in WITHHELD_WORDS:
            continue
        # "declined to comment", "refused to give details"; not "refused to give up the
        # territory" nor "declined to name a candidate", which are acts.
        objects = [o for o in c.children if o.dep_ == "dobj"]
        if all(o.lemma_.lower() in WITHHELD_THINGS for o in objects) and not any(
            p.dep_ == "prt" for p in c.children
        ):
            return True
    return False


def _tells_a_mood(trigger: Token) -> bool:
    """ "The mood soured quickly", "the mood was subdued": how a place or a crowd felt is
    colour, not a happening."""
    subj = subject(head_verb(trigger))
    return subj is not None and subj.lemma_.lower() in MOOD_NOUNS


def _sentence_date(date: DateValue | None, context: DateValue | None) -> DateValue | None:
    if date is not None and date.qualifier and date.qualifier.startswith("first in"):
        # "the first visit in six years" happens on the day the article is about.
        return context or date
    return date


def _agents(trigger: Token, file: str, block: Block, actors: ActorLookup) -> tuple[str, ...]:
    """Who did it: the actors named in the trigger's subject (or in "X's visit", "visit by X")."""
    verb = head_verb(trigger)
    spans: list[Token] = []
    owner = [c for c in trigger.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if trigger.pos_ in ("NOUN", "PROPN") and owner:
        spans += owner  # "Valmora's offer", "Varga's delegation": the owner acted
    elif verb.pos_ in ("VERB", "AUX"):
        subj = subject(verb)
        if subj is not None:
            spans.append(subj)
    else:
        for child in trigger.children:
            if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by"):
                spans.append(child)
    names: list[str] = []
    for tok in spans:
        left, right = tok.left_edge, tok.right_edge
        # "Lawmakers in Port Vessa": the place says where the lawmakers are from, it did not act.
        detail = [c for c in tok.children if c.dep_ in ("prep", "acl", "relcl") and c.i > tok.i]
        if detail and tok.pos_ in ("NOUN", "PRON"):
            right = tok.doc[detail[0].left_edge.i - 1]
        # "Lena Berg, whom Costa named on Tuesday as coordinator, said": who is named in a clause
        # describing the doer did not act ("Berg of the union" keeps the union; "Berg, who
        # chairs the board, and Costa said" keeps Costa).
        described = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for c in detail
            if c.dep_ in ("acl", "relcl") and c.left_edge.i <= right.i
        ]
        start = block.start + left.idx
        for part_start, part_end in [*described, (right.idx + len(right), None)]:
            end = block.start + part_start
            for name in actors.actors_in(file, start, end):
                if name not in names:
                    names.append(name)
            if part_end is None:
                break
            start = block.start + part_end
    return tuple(names)


def _is_recent(trigger: Token) -> bool:
    """ "recent attempts", "recent talks have failed": within the weeks before the article."""
    # "recently" on a reported act usually means the news itself, so only the adjective counts.
    nouns = [trigger] if trigger.pos_ == "NOUN" else []
    if trigger.pos_ == "VERB":
        nouns += [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lower_ == "recent" and c.dep_ == "amod" for noun in nouns for c in noun.children)


def _after_earlier(trigger: Token, earlier: Sequence[EventCandidate]) -> DateValue | None:
    """ "Following the visit, X toured the docks": the time of the visit told before."""
    verb = head_verb(trigger)
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ("after", "following"):
            continue
        noun = next((c for c in child.children if c.dep_ == "pobj"), None)
        if noun is None or not any(c.lower_ in ("the", "this", "that") for c in noun.children):
            continue
        kind = event_kind(noun.lemma_.lower())
        for cand in reversed(earlier):
            if cand.date is None or event_kind(cand.trigger) != kind:
                continue
            d = cand.date
            if d.granularity == "day":
                return DateValue(d.start, d.end, "day", "", d.basis)
            # The rest of that year: it starts the day after the earlier happening's period,
            # so the timeline puts it after that happening, and stays a year-level date.
            year_end = date(d.start.year, 12, 31)
            start = d.end + timedelta(days=1) if d.end < year_end else d.start
            return DateValue(
                start,
                year_end,
                "year",
                child.text + " " + noun.text,
                "relative",
                "after",
            )
    return None


def _open_period(tok: Token) -> bool:
    """ "X and Y have supported each other, with Z pledging more": the act falls somewhere in
    a period the present perfect leaves open."""
    root = tok.sent.root
    perfect = root.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ")
        for c in root.children
    )
    return (
        perfect
        and root.lemma_.lower() not in EVENT_VERBS | LIGHT_VERBS
        and not _done_to_lately(root)
    )


def _inner_happenings(sent: Span) -> list[Token]:
    """Happenings told in a side clause: an absolute "with X doing", a "where X did", or one
    measured from the main act ("four days after X did")."""
    out = []
    for tok in sent:
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if tok.pos_ == "VERB" and has_subject and _measured_from(tok) is not None:
            out.append(tok)  # "filed on May 3, four days after the union told the company"
            continue
        if (
            tok.pos_ == "VERB"
            and tok.dep_ == "conj"
            and has_subject
            and tok.lemma_.lower() not in HELD_POST_VERBS
            and _is_event_verb(tok)
        ):
            out.append(tok)  # "the union struck on Monday and the port closed": two doers
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in EVENT_VERBS | LIGHT_VERBS:
            continue
        if (
            tok.dep_ == "conj"
            and tok.tag_ == "VBD"
            and tok.head.tag_ == "VBD"
            and _is_event_verb(tok)
            and _is_event_verb(tok.head)
            and event_kind(tok.lemma_.lower()) != event_kind(tok.head.lemma_.lower())
        ):
            out.append(tok)  # "X declared an emergency and visited the city": two acts
            continue
        if (
            tok.tag_ == "VBG"
            and tok.dep_ == "pcomp"
            and tok.head.lower_ == "with"
            and has_subject
            and tok.lemma_.lower() in EVENT_VERBS
        ):
            out.append(tok)
        elif (
            tok.dep_ == "relcl"
            and tok.tag_ in ("VBD", "VBN")
            and has_subject
            and any(c.lower_ in ("where", "when") for c in tok.children)
        ):
            if tok.lemma_.lower() in EVENT_VERBS:
                out.append(tok)
            elif (noun := _carried_noun(tok)) is not None:
                out.append(noun)
    return out


def _presupposed(sent: Span, main: Token | None) -> list[Token]:
    """Happenings a sentence takes as given while it says something else about them.

    - the subject of a light verb whose clause names another happening: "Their talks
      began shortly after both ministers toured the docks" tells the talks and the tour;
    - when the main clause reports nothing, a temporal clause: "As both unions came
      together for the talks, it became clear that ...";
    - when the main clause only draws a conclusion, its subject: "X's delegation, including Y,
      suggests a focus on ..." (the delegation is a fact, the focus an inference).
    """
    root = sent.root
    out: list[Token] = []
    if (
        main is not None
        and main.dep_ == "advcl"
        and root.lemma_.lower() in LIGHT_VERBS
        and root.tag_ in ("VBD", "VBN")
        and main.i != root.i
    ):
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass") and _is_event_noun(child) and child != main:
                out.append(child)
    if main is not None:
        return out
    for tok in sent:
        if tok.dep_ != "advcl" or tok.tag_ not in ("VBD", "VBN"):
            continue
        mark = next((c for c in tok.children if c.dep_ == "mark"), None)
        if mark is None or mark.lower_ not in TEMPORAL_MARKS:
            continue
        if mark.lower_ in ("as", "while") and tok.left_edge.i != sent.start:
            continue  # "as we agreed" compares; only an opening "As X happened, ..." is time
        if _is_event_verb(tok):
            out.append(tok)
        elif tok.lemma_.lower() in LIGHT_VERBS | GATHER_VERBS:
            noun = _carried_noun(tok, preps=("in", "into", "for"))
            if noun is not None:
                out.append(noun)
    if root.lemma_.lower() in INFERENCE_VERBS and root.tag_ in ("VBZ", "VBD"):
        for child in root.children:
            if (
                child.dep_ == "nsubj"
                and _is_event_noun(child)
                and any(c.dep_ == "poss" for c in child.children)
            ):
                out.append(child)
    return out


def _own_words(trigger: Token) -> str:
    """The words of a presupposed happening: its clause, or its noun phrase."""
    top = trigger
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj":
        top = trigger.head.head  # "came together for the talks": the whole temporal clause
    return " ".join(t.text for t in top.subtree)


def _carried_noun(verb: Token, preps: tuple[str, ...] = ("in", "into")) -> Token | None:
    """The noun of happening a light verb carries: "engaged in a handshake", "had lunch"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "attr") and _is_event_noun(child):
            return child
        if child.dep_ == "prep" and child.lower_ in preps:
            for grand in child.children:
                if grand.dep_ == "pobj" and _is_event_noun(grand):
                    return grand
    return None


def _taken(tok: Token) -> Token | None:
    """The object or particle that makes "take" an act: "took office", "will take effect",
    "took over as chief executive"."""
    if tok.lemma_.lower() != "take" or tok.pos_ != "VERB":
        return None
    taken = next(
        (
            c
            for c in tok.children
            if c.dep_ == "dobj"
            and c.lemma_.lower() in TAKEN_NOUNS
            and (c.tag_ != "NNS" or c.lemma_.lower() in TAKEN_PLURALS)
        ),
        None,
    )
    if taken is not None and not (
        taken.lemma_.lower() in TAKEN_ROLES
        and any(c.dep_ == "advmod" and c.tag_ == "RB" and c.i > taken.i for c in tok.children)
    ):
        # "took command", "took effect immediately"; not "took commands from", "took the job
        # seriously" (how a role was treated, said after it).
        return taken
    over = next((c for c in tok.children if c.dep_ == "prt"), None)
    if over is None or over.lower_ not in TAKEN_PARTICLES or not _takes_over(tok):
        return None
    return over


def _takes_over(verb: Token) -> bool:
    """ "Rebels took over two towns", "the bank took over its rival", "she took over as chief
    executive"; not "the meeting took over three hours" (a length of time) nor "fear took
    over" (no one acting)."""
    subj = subject(verb)
    if subj is None:
        return False
    if subj.pos_ == "NOUN" and subj.lemma_.lower() not in (
        PERSON_SPEAKER_NOUNS | BODY_SPEAKER_NOUNS | PERSON_NOUNS_ACTING
    ):
        return False
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in TIME_UNITS for c in verb.children)


def _dated_present(tok: Token) -> bool:
    """ "Silva, who takes office on 1 April": a present tense with its day is a day ahead."""
    return tok.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in c.children) for c in tok.children
    )


def _is_event_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if lemma == "hold" and _holds_an_amount(tok):
        return False  # "the cabinet held 100 pieces", "it held $209 billion in assets"
    if lemma in SAYING_SENSES and any(c.dep_ == "ccomp" for c in tok.children):
        return False  # "officials maintained that the dam was safe": a claim, no deed
    if _taken(tok) is not None:
        return _told_as_done(tok) or is_future(tok) or _dated_present(tok)
    if _recalls_something(tok):
        # "Valmora recalled its ambassador", "the maker recalled 40,000 cars".
        return _told_as_done(tok) or is_future(tok)
    if _calls_for(tok):
        # "called for calm", "has called on residents to stay indoors": a demand made, which
        # the present perfect tells as news as it does a statement.
        return _told_as_done(tok) or is_future(tok) or _present_perfect(tok)
    if _calls_a_happening(tok):
        # "Unions called a ninth day of strikes", "the premier called a snap election".
        return _told_as_done(tok) or is_future(tok)
    if _made_happening(tok) is not None:
        # "made a surprise trip to the port", "made an emergency landing".
        return _told_as_done(tok) or is_future(tok)
    if _appears_before(tok):
        # "appeared in court", "will appear before the committee": an appearance, not a seeming.
        return _told_as_done(tok) or is_future(tok)
    if _phrasal_act(tok):
        # "called off the match", "set up a commission", "carried out raids": the particle
        # makes an act of a verb that names none alone.
        return _told_as_done(tok) or is_future(tok)
    if lemma not in EVENT_VERBS:
        # Any verb told as a deed counts; states, thoughts, perceptions, speech (left to the
        # quote module) and verbs that only carry a noun's happening do not.
        return (
            tok.pos_ == "VERB"
            and lemma.isalpha()
            and lemma not in NON_EVENT_VERBS
            and lemma not in LIGHT_VERBS
            and lemma not in STATEMENT_VERBS
            # Told as a deed, or announced ("is due to be sworn in", "is set to reopen").
            and (_told_as_done(tok) or is_future(tok))
        )
    if tok.lemma_.lower() in STATEMENT_VERBS and not _has_speaker(tok):
        return False
    if tok.lemma_.lower() in SOURCING_VERBS and _as_a_source(tok):
        # "as reported by state media", "airlines reporting delays": a source, not a report made.
        return False
    if _standing_passive(tok):
        return False
    if tok.tag_ in ("VBD", "VBN"):
        return True
    if tok.tag_ == "VB" and is_future(tok):
        return True  # "will visit", "is set to sign": announced happenings are events too
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_.lower() in STATEMENT_VERBS:
        return True  # "the ministry says", "the minister warns": news present of speech acts
    # Present perfect and "has/have + VBN" are covered by VBN; gerunds count inside a past clause.
    return (tok.tag_ == "VBG" and tok.head.tag_ in ("VBD", "VBN")) or _past_progressive(tok)


def _past_progressive(tok: Token) -> bool:
    """ "Police were questioning two men", "his office was making a referral": an act under
    way at the time told; "was living in the house", "was wearing a jacket", "was leading 2-0"
    tell how someone or something stood, and "was waiting for a bus when the bomb exploded"
    sets the scene of the happening its clause tells."""
    if tok.lemma_.lower() in PROGRESSIVE_STATE_VERBS or tok.lower_ == "hoping":
        return False
    if any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SCENE_MARKS for m in c.children)
        for c in tok.children
    ):
        return False
    return tok.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("was", "were") for c in tok.children
    )


def _recalls_something(verb: Token) -> bool:
    """To recall someone or something made is to call it back, a deed; to recall a moment, or
    that something happened, is to remember."""
    if verb.lemma_.lower() != "recall" or any(
        c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb.children
    ):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.pos_ in ("NOUN", "PROPN")
        and o.lemma_.lower() not in REMEMBERED_NOUNS
        and not _is_event_noun(o)  # "recalled the flood of 1998"
        for o in objects
    )


def _names_the_plan(date_root: Token) -> bool:
    """A day that names what an act plans, not when it was done: "called a day of strikes for
    Thursday", "moved the launch from Monday to Wednesday"."""
    prep = date_root.head
    if prep.dep_ != "prep":
        return False
    verb = verb_above(prep)
    return (prep.lower_ in CALLED_FOR and _calls_a_happening(verb)) or (
        prep.lower_ in MOVED_BETWEEN and _reschedules(verb)
    )


def _reschedules(verb: Token) -> bool:
    """A verb that moves a happening in time, itself or through the verb it completes:
    "moved the launch", "announced that it was moving the launch"."""
    for tok in (verb, *[c for c in verb.children if c.dep_ == "ccomp"]):
        if tok.lemma_.lower() in RESCHEDULING_VERBS:
            return True
    return False


def _calls_a_happening(verb: Token) -> bool:
    """To call a happening is to convene it, not to speak: "called a snap election", "called a
    day of strikes"; "called the ruling a disgrace" names what was said of it."""
    if verb.lemma_.lower() != "call":
        return False
    if any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children):
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if any(
            c.i > obj.i and (c.pos_ == "ADJ" or (c.tag_ == "VBN" and not list(c.children)))
            for c in obj.children
        ):
            return False  # "called the vote rigged": what was said of it
        nouns = [obj] + [
            g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
        ]
        if any(_is_event_noun(n) for n in nouns):
            return True
    return False


def _present_perfect(verb: Token) -> bool:
    """ "has called", "have condemned"."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in verb.children
    )


def _calls_for(verb: Token) -> bool:
    """ "The union called for his release", "the council called on the army to stand down":
    "call" makes a demand with "for" or "on" someone (not "on Monday"), when someone who can
    demand calls ("the contract called for delivery by June" requires) and not as a standing
    wish ("have long called for a bypass")."""
    if verb.lemma_.lower() != "call" or _calls_of_old(verb):
        return False
    subj = subject(verb)  # "..., calling on residents to ...": the sentence's subject calls
    if subj is None or not _may_demand(subj):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("for", "on")
        and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
        for c in verb.children
    )


def _may_demand(subj: Token) -> bool:
    """Anyone may demand, but not a paper or a plan, which requires."""
    return subj.lemma_.lower() not in REQUIRING_NOUNS | DOCUMENT_SPEAKER_NOUNS


def _calls_of_old(verb: Token) -> bool:
    """ "have long called for", "had repeatedly called for", "have called for years": a wish
    held over time, not a demand made."""
    for c in verb.children:
        if c.dep_ == "advmod" and (c.lower_ in BACKGROUND_ADVERBS or c.lower_ == "long"):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ("year", "decade", "month", "week")
                for g in c.children
            )
        ):
            return True
    return False


def _phrasal_act(verb: Token) -> bool:
    """ "called off the match", "set up a commission": a verb that names no act alone, made
    one by its particle (most such pairs still name none: "put up with"); not when it tells
    what something came to or took up, or how it is remembered ("came down to one vote", "took
    up 60% of the budget", "went down in history")."""
    phrasal = f"{verb.lemma_.lower()}_{_particle(verb)}"
    if verb.pos_ != "VERB" or phrasal not in PHRASAL_ACTS:
        return False
    return not any(
        (c.dep_ == "prep" and c.lower_ == "to" and phrasal in OUTCOME_PHRASALS)
        or (c.dep_ == "prep" and any(g.lemma_.lower() in MEMORY_NOUNS for g in c.children))
        or (c.dep_ == "dobj" and _an_amount(c))
        for c in verb.children
    )


def _an_amount(noun: Token) -> bool:
    """ "60% of the budget", "two weeks", "most of her time": how much, not what ("a day of
    protests" is protests)."""
    of = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    if _a_time(noun):
        return not of or any(map(_a_time, of))
    if noun.ent_type_ in _AMOUNTS:
        return True
    return noun.lemma_.lower() in ("most", "much", "part") and any(map(_a_time, of))


def _a_time(noun: Token) -> bool:
    """ "weeks", "her time": a stretch of time, which can be an amount spent."""
    return noun.lemma_.lower() in TIME_UNITS or noun.lemma_.lower() == "time"


# What the model names a sum, a measure or a share: "$209 billion", "40 tonnes", "12%".
_AMOUNTS = frozenset({"MONEY", "QUANTITY", "PERCENT"})


def _made_happening(verb: Token) -> Token | None:
    """The happening a light "make" does: "made a surprise trip", "made an emergency landing"
    are a trip and a landing; "made a profit" is no happening."""
    if verb.lemma_.lower() != "make":
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and _is_event_noun(c) and c.lemma_.lower() not in UNMADE_HAPPENINGS
        ),
        None,
    )


def _as_a_source(verb: Token) -> bool:
    """A verb of reporting that names where something was reported, not a report made: the
    passive with its source ("was reported by state media") or a count ("deaths were
    reported"), and the participle that describes ("airlines reporting delays"); "the theft
    was reported to police" is a report made."""
    if any(c.dep_ == "agent" for c in verb.children):
        return True  # "was reported by state media"
    if any(c.dep_ == "nsubjpass" and c.tag_ == "NNS" for c in verb.children):
        return True  # "five deaths were reported": counts from somewhere, no report made
    return verb.dep_ in ("acl", "advcl", "amod") and verb.tag_ in ("VBN", "VBG")


def _appears_before(verb: Token) -> bool:
    return verb.lemma_.lower() == "appear" and any(
        c.dep_ == "prep"
        and c.lower_ in APPEARANCE_PREPOSITIONS
        and any(g.dep_ == "pobj" and g.lemma_.lower() in APPEARANCE_BODIES for g in c.children)
        for c in verb.children
    )


def _standing_passive(tok: Token) -> bool:
    """ "The region is held by rebels", "the ferry is run by the city": a passive in the present
    tells how things stand, not something that happened."""
    if tok.tag_ != "VBN":
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(a.dep_ == "auxpass" and a.lower_ in ("is", "are", "am") for a in auxes) and not any(
        a.dep_ == "aux" for a in auxes
    )


def _holds_an_amount(verb: Token) -> bool:
    """ "held 100 pieces", "held about $209 billion in assets": what something holds, counted,
    is a state; "held three rallies", "held 30 migrants", "held two minutes of silence" are
    acts."""
    if _particle(verb) is not None:
        return False  # "held up 300 trucks"
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.ent_type_ in _AMOUNTS:
            return True  # "$209 billion", "40 tonnes", "12%"
        if obj.lemma_.lower() in HELD_THINGS and any(c.dep_ == "nummod" for c in obj.children):
            return True  # "100 pieces", "three seats"
    return False


def _told_as_done(tok: Token) -> bool:
    """A verb outside the well-known acts counts only when told as a past deed: "sank", "was
    grounded", "had struck", "..., killing 14". A present perfect ("have backed each other")
    mostly tells of a standing state of affairs."""
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"has", "have", "'ve", "'s", "having"}:
        return _done_to_lately(tok)
    if tok.tag_ == "VBD":
        return True
    if tok.tag_ == "VBN":
        if (
            not auxes
            and any(c.dep_ == "nsubj" for c in tok.children)
            and (tok.dep_ == "ROOT" or tok.head.pos_ in ("VERB", "AUX"))
            and tok.head.lemma_.lower() not in STATE_OF_OBJECT_HEADS
            and not any(c.dep_ == "mark" and c.lower_ == "with" for c in tok.children)
        ):
            # "Silva said the port reopened on Monday": the parser may tag a finite past in a
            # reported clause as a participle; one with a subject of its own and no auxiliary
            # is the past tense, except where it tells the state of what a verb wants or
            # finds ("wants the deal renegotiated", "found the gates locked") or of what goes
            # with a clause ("..., with talks stalled").
            return True
        # "was grounded", "had struck"; not "is associated", "will be monitored".
        return bool(auxes & {"was", "were", "had", "'d"})
    if _past_progressive(tok):
        return True
    # "..., killing 14": a deed told after the clause it belongs to.
    return (
        tok.tag_ == "VBG"
        and tok.head.tag_ == "VBD"
        and tok.dep_ in ("advcl", "conj", "xcomp")
        and tok.i > tok.head.i
    )


def _done_to_lately(tok: Token) -> bool:
    """ "The case has been handed to prosecutors", "traffic has been halted", "the police
    have since sealed off the area": a present perfect passive, or one told as done since,
    tells what someone has just done, news like any past deed; "no one has been brought out"
    tells of nothing done."""
    if tok.tag_ != "VBN" or _nothing_done(tok) or _held_over_a_span(tok):
        return False
    if tok.lemma_.lower() in STATIVE_PARTICIPLES:
        return False  # "has been linked to the cartel", "has been based in Dorvale"
    passive = any(c.dep_ == "auxpass" and c.lower_ == "been" for c in tok.children)
    return passive or _done_since(tok)


def _held_over_a_span(verb: Token) -> bool:
    """ "The port has been criticised for years", "has been run down since 2019": a perfect held
    over a long stretch of time tells how things have stood, not what was just done ("halted
    for two hours" is still news)."""
    for prep in verb.children:
        if prep.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "since" for c in prep.children
        ):
            return True  # "... since the ferry sank"
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "since"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pcomp" or (obj.dep_ == "pobj" and prep.lower_ == "since"):
                return True
            if obj.dep_ == "pobj" and obj.ent_type_ == "DATE" and obj.lemma_.lower() in _LONG_SPANS:
                return True
    return False


# Units of time a state is held over: "for years", "for months".
_LONG_SPANS = frozenset({"week", "month", "year", "decade", "century"})


def _done_since(verb: Token) -> bool:
    """ "The agency has since changed its rules": done some time between what the article
    tells and now, on no day of its own."""
    return any(c.dep_ == "advmod" and c.lower_ == "since" for c in verb.children)


def _nothing_done(verb: Token) -> bool:
    """ "No culprit has been named", "nobody was hurt": a subject that denies the act."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    return subj.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _has_speaker(verb: Token) -> bool:
    """A statement needs someone to make it: "the visit emphasizes ..." is analysis."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.dep_ == "nsubjpass":
        return True
    if subj.lower_ in ("it", "this", "that", "which", "what"):
        return False
    return not (_is_event_noun(subj) and not subj.ent_type_)


def _is_event_noun(tok: Token) -> bool:
    # "Then came March 16": a month's name is no march.
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.lemma_.lower() in EVENT_NOUNS
        and tok.ent_type_ not in ("DATE", "TIME")
        and not day_of_month_word(tok)
    )


def _is_hedged(tok: Token) -> bool:
    for t in (tok,) if _own_clause(tok) else (tok, tok.head):
        for child in t.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in MODALS):
                return True
            if child.dep_ == "preconj" and child.lower_ == "neither":
                return True  # "had neither conceded nor commented"
    return False


def _own_clause(verb: Token) -> bool:
    """ "The shares will not be protected, and the managers have been removed": a joined
    clause with a subject of its own tells its own act, which the other clause's doubt or
    denial does not touch. Only a clause joined to the sentence's main one: inside "whether
    the pilot was tired and the crew ignored warnings", or under an "if", both are in doubt."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and head.dep_ == "ROOT"
        and not any(
            c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children)
            for c in head.children
        )
    )


_WH_WORDS = frozenset({"what", "which", "who", "whom", "whose", "how", "why", "whether"})


def _asked_not_told(trigger: Token) -> bool:
    """A clause that asks rather than tells: "what caused the failure", "which company employed
    them", "here is what broke". A relative clause with a noun before it ("a ferry that
    sank") still tells."""
    verb = head_verb(trigger)
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "how many cranes failed or which supplier built them"
    if first.dep_ not in ("ccomp", "csubj", "pcomp", "advcl", "xcomp", "dobj", "pobj", "attr"):
        return False
    told_when = first.dep_ == "advcl" and not _asks_of(first.head)
    for child in verb.children:
        if told_when and child.tag_ == "WRB" and child.lower_ not in _WH_WORDS:
            continue  # "were killed when the bridge collapsed": a time, not a question
        if child.lower_ in _WH_WORDS or child.tag_ in ("WP", "WRB"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            g.dep_ == "det" and g.lower_ in _WH_WORDS for g in child.children
        ):
            return True
    return False


def _asks_of(head: Token) -> bool:
    """ "It is unclear when ...", "trying to establish when ...": a clause that a verb of
    knowing or telling, or a word of doubt, governs asks, whatever the parser calls it."""
    return head.lemma_.lower() in QUESTION_HEADS or any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in QUESTION_HEADS for c in head.children
    )


def _held_since(sent: Span, start: int, end: int) -> Token | None:
    """The verb of a position or condition held "since" a date, told in the perfect ("had
    chaired the board since 2015", "has been free since May"): it began on that date."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    since = span.root.head
    verb = since.head
    if since.lower_ != "since" or since.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return None
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    held = verb.lemma_.lower() in HELD_STATE_VERBS
    return verb if perfect and held and verb.tag_ == "VBN" else None


def _first_since(sent: Span, start: int, end: int) -> Token | None:
    """The noun of happening in "the first meeting ... since 2017" (or "the worst flooding
    since ..."): a superlative that points back to one before."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok: Token = span.root
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if _is_event_noun(tok):
            first = any(
                c.dep_ == "amod" and (c.lower_ == "first" or c.tag_ == "JJS") for c in tok.children
            )
            return tok if first else None
    return None


def _clarity(trigger: Token, agents: tuple[str, ...]) -> int:
    """How plainly the sentence tells the happening, for choosing an event's title: a verb in
    the past with a subject ("X discussed Y") beats a perfect ("the talks have taken place"),
    which beats a noun phrase or a participle; a named agent adds one."""
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        if trigger.dep_ not in ("nsubj", "nsubjpass", "dobj") or trigger.head.pos_ != "VERB":
            return 0
        verb = trigger.head
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return 0
    if verb.tag_ == "VBD":
        score = 2
    elif verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children):
        score = 1
    else:
        return 0
    return score + (1 if agents else 0)


def _is_definite(trigger: Token) -> bool:
    """A noun of happening that refers back: "the meeting", "this encounter", "Varga's visit"."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
        or c.dep_ == "poss"
        for c in trigger.children
    )


def _clause_text(trigger: Token) -> str:
    """The words that frame ``trigger``: its clause and the clauses above it, without side
    remarks (relative clauses, appositions) that hedge something else."""
    doc = trigger.doc
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("pobj", "compound", "conj"):
        # A noun event told in passing keeps its own status whatever the sentence speculates.
        return " ".join(t.text for t in trigger.subtree)
    top = trigger
    # A joined clause with its own subject is framed by its own words alone.
    own = _own_clause(trigger)
    while top.head.i != top.i and top.dep_ not in ("relcl", "appos", "acl") and not own:
        top = top.head
    skip: set[int] = set()
    for tok in top.subtree:
        aside = tok.dep_ in ("relcl", "appos", "parataxis") or (
            # "X toured the docks, actions experts believe serve ...": a comment on the act.
            tok.dep_ == "conj" and tok.pos_ == "NOUN" and tok.head.pos_ == "VERB"
        )
        if aside and trigger not in tok.subtree:
            skip |= {t.i for t in tok.subtree}
        elif tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and tok.head is not trigger:
            # "put the port on alert for a possible storm": a word on a thing acted on,
            # not on the act.
            skip.add(tok.i)
        elif tok.dep_ == "dobj":
            # "dismissed speculation about a strike", "hired outside experts": what was acted on,
            # however doubtful, is no doubt on the act.
            skip |= {t.i for t in tok.subtree}
    return " ".join(
        doc[i].text for i in range(top.left_edge.i, top.right_edge.i + 1) if i not in skip
    )


def _main_trigger(sent: Span) -> Token | None:
    root = sent.root
    if _is_event_verb(root) and (
        root.lemma_.lower() in EVENT_VERBS
        or not (_framing_noun(root) or _is_hedged(root) or _HEDGE.search(_clause_text(root)))
    ):
        # A verb outside the well-known acts gives way to the happening that frames it ("During
        # their visit, X displayed ...") and to a dated noun when it is only speculation.
        return root
    if (inverted := inverted_participle(root)) is not None:
        return inverted
    if (misread := _misread_clause_before_source(root)) is not None:
        return misread
    if (
        root.lemma_.lower() == "be"
        and root.tag_ in ("VBZ", "VBP")
        and (noun := next((c for c in root.children if c.dep_ == "attr"), None)) is not None
        and _is_event_noun(noun)
        and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children)
    ):
        # "One of the results is Valmora's offer to help": a named party's act, told as given.
        return noun
    if (
        root.lemma_.lower() in CONTENTION_VERBS
        and any(c.dep_ == "ccomp" for c in root.children)
        and _named_speaker(root)
        and (
            root.tag_ == "VBD"
            or (
                root.tag_ == "VBN"
                and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in root.children)
            )
        )
    ):
        # What a named party argued is a claim, no happening; that they argued it is their act.
        # Argued by nobody named, the sentence is read as any other.
        return root
    light_past = root.lemma_.lower() in LIGHT_VERBS and root.tag_ in ("VBD", "VBN")
    if light_past and (noun := _carried_noun(root)) is not None:
        return noun
    if root.lemma_.lower() in LIGHT_VERBS or root.pos_ in ("AUX", "VERB"):
        # An event verb in a clause that carries the sentence ("...by closing two piers").
        timing = {t.i for tok in root.subtree if _times_its_clause(tok) for t in tok.subtree}
        # "An official, who spoke on condition of anonymity because he was not authorized to
        # brief reporters, said ...": a clause describing the speaker is no news of the sentence.
        timing |= {t.i for tok in _speaker_asides(root) for t in tok.subtree}
        for tok in root.subtree:
            if tok.i in timing:
                continue
            if (
                tok.dep_ in ("xcomp", "pcomp", "conj", "advcl", "ccomp")
                and _is_event_verb(tok)
                # "X said he was ready to resign, but gave no date": nothing given is no news
                # of the sentence, which is then the statement.
                and not _nothing_given(tok)
            ):
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
    if _named_statement(root):
        return root
    # A past act framed by a happening: "During their visit to the plant, X questioned ...".
    return _framing_noun(root)


def _speaker_asides(verb: Token) -> list[Token]:
    """The relative clauses on a speech verb's subject."""
    if verb.lemma_.lower() not in PLAIN_SPEECH:
        return []
    return [c for s in verb.children if s.dep_ == "nsubj" for c in s.children if c.dep_ == "relcl"]


def _times_its_clause(verb: Token) -> bool:
    """ "Trade has doubled since the bridge collapsed", "... once he arrived": a clause that
    only tells from or until when the rest held recalls a happening told elsewhere; it is not
    the sentence's news."""
    if verb.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in CLAUSE_TIMING_MARKS for c in verb.children)


def _misread_clause_before_source(root: Token) -> Token | None:
    """ "Rescuers tunneled in from the garage, officials said": the parser may take the
    opening noun for a modifier of the trailing "said" and the verb after it for a clause
    describing that noun; a finite past verb never describes a noun, so it is the deed told."""
    if root.lemma_.lower() not in SPEECH_VERBS:
        return None
    for noun in root.lefts:
        if noun.dep_ not in ("npadvmod", "nsubj") or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for verb in noun.rights:
            if verb.dep_ == "acl" and verb.tag_ == "VBD" and _is_event_verb(verb):
                return verb
    return None


def _named_statement(root: Token) -> bool:
    """ "Senator X said her office would audit the ferries", "X called the decision courageous",
    "'We will not rest,' X told a news conference": a named speaker's statement is an act of
    theirs whatever it says, before or after what they said (a trailing "..., officials said"
    only sources what it follows)."""
    lemma = root.lemma_.lower()
    if lemma not in PLAIN_SPEECH or root.dep_ != "ROOT" or not _told_as_said(root):
        return False
    if lemma == "describe":
        # What it was described as is what was said: "described the verdict as a step forward".
        # The parser may hang the "as" on the object.
        objects = [c for c in root.children if c.dep_ == "dobj"]
        heads = [root, *objects]
        return any(c.dep_ == "prep" and c.lower_ == "as" for h in heads for c in h.children) and (
            _named_speaker(root)
        )
    said = ("oprd", "xcomp") if lemma == "call" else ("ccomp",)
    if not any(c.dep_ in said for c in root.children) and not _misread_that_clause(root):
        return False
    return _named_speaker(root)


def _told_as_said(verb: Token) -> bool:
    """ "X said", "X says", "X has said", "X had said beforehand": a statement made, in any
    tense that tells it as made."""
    if verb.tag_ in ("VBD", "VBZ"):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
        return False  # "has long said", "has repeatedly said": a position held, not said once
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in verb.children
    )


def _misread_that_clause(verb: Token) -> bool:
    """ "X told a news conference that Y had failed", "X said in a statement that it was
    committed": the parser may hang the that-clause on the noun before it as a relative
    clause; one with a subject of its own besides "that", on a noun for where words are said
    ("a news conference", "a statement", "reporters"), is what was said ("told a story that
    everyone had heard" tells none)."""
    if verb.lemma_.lower() not in ("say", "tell"):
        return False
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    nouns += [g for n in list(nouns) for p in n.children if p.dep_ == "prep" for g in p.children]
    for noun in (n for n in nouns if n.lemma_.lower() in SAYING_OCCASIONS):
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            before = [t for t in clause.subtree if t.i < clause.i]
            that = any(t.lower_ == "that" and t.head.i == clause.i for t in before)
            subject = any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ != "that" for t in before)
            if that and subject:
                return True
    return False


def _named_speaker(verb: Token) -> bool:
    """A verb of speech whose subject, before it, is a name or a body named by its kind."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > verb.i:
        return False
    return (
        subj.pos_ == "PROPN"
        or _the_body(subj)
        or _granted_anonymity(subj)
        or _described_speaker(subj)
    )


def _described_speaker(noun: Token) -> bool:
    """ "Federal officials said", "a senior Treasury official told reporters", "protest leaders
    said": people of a calling the text places by a word of its own speak as plainly as a name
    (a bare "officials said" only sources what it follows). So does "he" or "she" who said
    something on a day the sentence gives: someone named before, on an occasion of their own."""
    if noun.lower_ in ("he", "she"):
        return _dated_here(noun.head)
    if noun.lemma_.lower() not in PERSON_SPEAKER_NOUNS | ROLE_NOUNS:
        return False
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ not in VAGUE_SPEAKER_WORDS
        for c in noun.children
    )


def _dated_here(verb: Token) -> bool:
    """Whether the verb's own words, not what it reports, say when: "he said on Tuesday"."""
    return any(
        t.ent_type_ in ("DATE", "TIME")
        for c in verb.children
        if c.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "parataxis")
        for t in c.subtree
    )


def _granted_anonymity(noun: Token) -> bool:
    """ "A senior official, who spoke on condition of anonymity, said ...": a source the
    reporter vouches for without naming is as plain a speaker as a name."""
    return any(
        t.lower_ in ANONYMITY_WORDS
        for c in noun.children
        if c.dep_ in ("relcl", "acl", "prep")
        for t in c.subtree
    )


def _the_body(noun: Token) -> bool:
    """ "The federation said on Saturday ...": the body the article speaks of, by its kind, is
    as plain a speaker as its name; "the striker said" stays a person the text leaves unnamed."""
    return noun.lemma_.lower() in BODY_REFERENCE_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    )


def _statement_of_what_was_not_done(
    sent: Span, main: Token, found: Sequence[_Found], quoted: Sequence[tuple[int, int]]
) -> Token | None:
    """ "Ana Silva said the ferries were not repaired", "... said her office would audit
    whichever crane broke": what a named person said did not happen, may happen or is asked is
    no happening, but that they said it is their act."""
    root = sent.root
    if main.i == root.i or not _named_statement(root) or any(f.trigger.i == root.i for f in found):
        return None
    if main.i not in {t.i for t in root.subtree}:
        return None
    if _is_hedged(main) or _asked_not_told(main) or _HEDGE.search(_clause_text(main)):
        return root
    if is_future(main) and _in_quote(main, quoted):
        # "'We will rebuild the quay,' X said": a promise in the speaker's words is no
        # happening yet; that they made it is the act.
        return root
    return None


def _framing_noun(root: Token) -> Token | None:
    if root.tag_ == "VBD" and root.pos_ == "VERB":
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ in ("during", "at", "on"):
                for noun in child.children:
                    if noun.dep_ == "pobj" and _is_event_noun(noun):
                        return noun
    return None


_OTHER_CLAUSES = frozenset({"advcl", "relcl", "acl", "dep", "ccomp", "conj", "parataxis"})


def _date_as_argument(sent: Span, m: DateMention, block: Block) -> bool:
    """ "declared that March 4 would be a holiday", "marked Sunday as a day of
    mourning": a date that is what a verb is said of, as its subject or object, names a day
    without dating anything that happened."""
    span = sent.doc.char_span(m.start - block.start, m.end - block.start, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass", "dobj") and root.head.pos_ in ("VERB", "AUX")


def _dates_trigger(sent: Span, trigger: Token, start: int, end: int) -> bool:
    """Whether a date phrase belongs to the trigger's own clause: reached from the phrase up the
    parse before any other verb, or hung on the trigger's own verb."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    own_verb = head_verb(trigger)
    tok: Token = span.root
    if _names_the_plan(tok):
        return False
    for _ in range(12):
        if tok.i in (trigger.i, own_verb.i):
            return True
        if (
            tok.dep_ == "prep"
            and tok.lower_ == "for"
            and _calls_for(tok.head)
            and any(g.dep_ == "pobj" and _is_event_noun(g) for g in tok.children)
            and not _BARE_WEEKDAY.search(span.text)
        ):
            # "called for a strike on March 20": the strike's day, not the call's; a call for
            # what names no happening ("a huge turnout on May 1") carries the day itself, and a
            # bare weekday in a past report is the day of the call ("called for his
            # resignation on Monday").
            return False
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.dep_ in _OTHER_CLAUSES
            and tok.i != span.root.i
            # "At a hearing held on May 17, X told ...": the date of a happening that frames
            # the sentence is the sentence's.
            and not (tok.dep_ in ("acl", "dep") and _frames(tok.head))
            and not _as_planned(tok)
            and not _done_meanwhile(tok, span.root, own_verb)
        ):
            return False  # the date hangs in a clause of its own ("..., calling it the 2016 deal")
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


def _done_meanwhile(participle: Token, date: Token, verb: Token) -> bool:
    """ "Speaking in Harbourton on Wednesday, X said" and "X, speaking from Y on Friday, condemned":
    a participle of speaking or being somewhere that opens the sentence or describes its subject
    tells what the doer was doing as they acted, so the day it is told on is the act's. Only a
    day on the participle itself ("..., calling it a breach of the 2016 deal" is the deal's),
    and only for a past act (a weekday before "will sign" is one ahead)."""
    if (
        participle.tag_ != "VBG"
        or participle.lemma_.lower() not in MEANWHILE_VERBS
        or is_future(verb)
        or any(
            c.dep_ in ("nsubj", "nsubjpass") or c.lower_ == "having" for c in participle.children
        )
    ):
        return False
    opening = participle.dep_ == "advcl" and participle.head.i == verb.i and participle.i < verb.i
    of_doer = (
        participle.dep_ == "acl"
        and participle.head.dep_ in ("nsubj", "nsubjpass")
        and participle.head.head.i == verb.i
    )
    on_it = date.head.i == participle.i or (
        date.head.dep_ == "prep" and date.head.head.i == participle.i
    )
    return (opening or of_doer) and on_it


def _when_clause_dated(sent: Span, trigger: Token, start: int, end: int) -> Token | None:
    """The verb of a when- or while-clause of the trigger's verb that a date phrase hangs in
    ("... were killed when the bridge collapsed on Tuesday", "While rescuers searched the
    harbour on Friday, police ..."), when it names a happening."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    verb = head_verb(trigger)
    if span is None:
        return None
    for clause in verb.children:
        if (
            clause.dep_ == "advcl"
            and any(
                (c.dep_ == "advmod" and c.lower_ == "when")
                or (c.dep_ == "mark" and c.lower_ in ("while", "as"))
                for c in clause.children
            )
            and clause.left_edge.i <= span.root.i <= clause.right_edge.i
            and _is_event_verb(clause)
            and _dates_trigger(sent, clause, start, end)
        ):
            return clause
    return None


# A weekday named without a word that looks ahead or a date: "on Monday", not "next Monday" or
# "Sunday, March 17".
_BARE_WEEKDAY = re.compile(
    r"^(?!.*(?:\b(?:next|coming|following)\b|\d)).*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)


def _as_planned(verb: Token) -> bool:
    """ "The levy came into force as planned on Monday": the day of the plan is the act's."""
    return verb.lemma_.lower() in FUTURE_HEADS and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


def _frames(noun: Token) -> bool:
    """ "At a hearing ...", "During the talks ...", "In a statement ...": a happening or a
    medium the sentence is set in."""
    return (
        (_is_event_noun(noun) or noun.lemma_.lower() in MEDIUM_NOUNS)
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("at", "during", "in", "on", "after")
    )


def _first_date_end(f: _Found, block: Block, mentions: Sequence[DateMention]) -> int | None:
    """Where the date phrase that dates ``f`` ends, in the paragraph."""
    return next(
        (m.end - block.start for m in mentions if f.date is not None and m.value == f.date),
        None,
    )


def _overlap(a: DateValue, b: DateValue) -> bool:
    return a.start <= b.end and b.start <= a.end


def _list_start(sent: Span, trigger: Token, date_start: int) -> tuple[int, int] | None:
    """The first item of a dated list, as (the verb's preposition leading into the list, -1 for
    none; where the item begins): "stood at | 36 late Wednesday", "visited | Porto in May",
    "won | 52% of the vote in 2020". None when the words before the date are no object or
    prepositional phrase of the act."""
    before = [t for t in sent if t.idx + len(t) <= date_start and t.i > trigger.i]
    while before and (before[-1].pos_ == "ADP" or before[-1].is_punct):
        before.pop()  # the date's own "in", "on", "by"
    if not before or before[-1].pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    tok = before[-1]
    while tok.head.i != trigger.i:
        if tok.head.i == tok.i or tok.head.i < trigger.i:
            return None
        tok = tok.head
    if tok.dep_ == "prep":
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        return (tok.i, objects[0].left_edge.idx) if objects else None
    if tok.dep_ in ("dobj", "attr", "oprd", "npadvmod"):
        return -1, tok.left_edge.idx
    return None


# What may join list items: a comma, a comma and "and", or "and" ("or" gives alternatives).
_LIST_JOINER = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)
# What a list item's words may be, before its date: a noun phrase ("Zika", "55", "polio and
# Ebola", "a goalkeeper", "Ebola again"), never a phrase of its own ("up from $3 million", "a
# year after his graduation", "to Sunday").
_ITEM_WORDS = frozenset({"DET", "NUM", "NOUN", "PROPN", "ADJ", "SYM", "PART", "CCONJ"})


def _listed(sent: Span, last_end: int, date_start: int, date_end: int) -> int | None:
    """Where the next item of a dated list begins, when what lies between the last date and
    this one is a list item told for the same act: ", 55 on Thursday", " and Lisbon in June";
    not ", up from 3 million in 2022", " to Sunday, March 3" or "or in June"."""
    joined = _LIST_JOINER.match(sent.doc.text[last_end:date_start])
    if joined is None:
        return None
    begins = last_end + joined.end()
    words = [t for t in sent if begins <= t.idx and t.idx + len(t) <= date_start]
    while words and (words[-1].pos_ == "ADP" or words[-1].is_punct):
        words.pop()  # the date's own "in", "on", "by"
    if not words or words[0].pos_ == "CCONJ":
        return None
    if any(t.pos_ not in _ITEM_WORDS and t.lower_ not in ("again", "%", "$") for t in words):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in words):
        return None
    return begins


def _trigger_for_date(sent: Span, start: int, end: int) -> Token | None:
    """The verb or noun of happening that a date phrase modifies."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok: Token = span.root
    if _names_the_plan(tok):
        return None  # "called an election for March 30": the election's day, no act's
    for step in range(8):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lemma_.lower() == "hold" and _holds_an_amount(tok):
            return None  # "held $209 billion in assets at the end of 2023": a state's date
        if (
            _is_event_verb(tok)
            or _is_event_noun(tok)
            or (tok.lemma_.lower() in EVENT_VERBS and tok.lemma_.lower() not in SOURCING_VERBS)
        ):
            return tok
        if step < 2 and _dated_participle(tok):
            return tok
        if tok.pos_ == "NOUN" and any(_is_event_noun(c) for c in tok.children):
            return next(c for c in tok.children if _is_event_noun(c))
    # The parser may hang the date on a far verb; the noun of happening right before it is what
    # it dates ("after two failed strike votes this year, ...").
    before = sent.doc[span.start - 1] if span.start > sent.start else None
    if before is not None and _is_event_noun(before):
        return before
    return None


def _dated_participle(tok: Token) -> bool:
    """ "a law passed in 2018", "a treaty signed in 1991": a participle that a date hangs on
    ("in 2018" on "passed", not on a word further down), describing a noun, names a happening
    of that date; so does one set beside a clause to describe its subject ("Opened in 1994,
    the terminal handles ...")."""
    lemma = tok.lemma_.lower()
    # "Unless repaired by Friday, the bridge will close" sets a condition, not a happening.
    condition = any(c.dep_ == "mark" for c in tok.children)
    describes = (tok.dep_ == "advcl" and not condition) or (
        tok.dep_ in ("acl", "dep") and tok.head.pos_ in ("NOUN", "PROPN")
    )
    return (
        tok.tag_ == "VBN"
        and describes
        and lemma.isalpha()
        and lemma not in NON_EVENT_VERBS
        and lemma not in LIGHT_VERBS
    )


def _event_verb_after(sent: Span, char: int) -> Token | None:
    for tok in sent:
        if tok.idx >= char and tok.pos_ == "VERB" and tok.lemma_.lower() in EVENT_VERBS:
            return tok
    return None


# --- titles ---------------------------------------------------------------------------------


# --- repeated statements --------------------------------------------------------------------


def _dedupe(
    candidates: list[EventCandidate],
    paragraphs: Sequence[Block],
    definite: frozenset[int] | set[int] = frozenset(),
    words: Sequence[str] = (),
) -> list[EventCandidate]:
    """An article that says the same thing twice reports one event. ``words`` gives each
    candidate's trigger as the text has it, which its title repeats."""

    def paragraph(c: EventCandidate) -> int:
        return next((i for i, b in enumerate(paragraphs) if b.start <= c.start < b.end), -1)

    def word(n: int) -> str:
        return words[n] if n < len(words) else ""

    kept: list[EventCandidate] = []
    kept_definite: list[bool] = []
    kept_words: list[str] = []
    for n, cand in enumerate(candidates):
        twin_at = next(
            (
                i
                for i, k in enumerate(kept)
                if _same_happening(
                    k,
                    cand,
                    abs(paragraph(k) - paragraph(cand)),
                    kept_definite[i] or n in definite,
                    frozenset({kept_words[i], word(n)}),
                )
            ),
            None,
        )
        if twin_at is None:
            kept.append(cand)
            kept_definite.append(n in definite)
            kept_words.append(word(n))
        elif _strength(cand) > _strength(kept[twin_at]):
            kept[twin_at] = cand
            kept_words[twin_at] = word(n)
    return kept


_SPEECH_KINDS = frozenset({"statement", "pledge"})


def _same_happening(
    a: EventCandidate,
    b: EventCandidate,
    paragraphs_apart: int,
    definite: bool = False,
    verbs: frozenset[str] = frozenset(),
) -> bool:
    """Two reports of one article tell one happening.

    ``paragraphs_apart`` counts body paragraphs between them; ``definite`` says one of them names
    its happening with a definite noun ("the rendezvous", "this encounter", "Varga's delegation"),
    which refers back to a happening of that kind the article has told.
    """
    same_paragraph = paragraphs_apart == 0
    if a.start == b.start:
        # One sentence telling two happenings ("met at X, where they shook hands") keeps both;
        # "the first meeting since 2017" tells this meeting and the one of 2017.
        return a.trigger == b.trigger and a.date == b.date
    same_date = (a.date.label if a.date else None) == (b.date.label if b.date else None)
    if not same_date:
        return False
    if fuzz.token_set_ratio(a.sentence, b.sentence) > 85:
        return True
    if a.agents and b.agents and not set(a.agents) & set(b.agents):
        return False
    kinds = {event_kind(a.trigger), event_kind(b.trigger)}
    shared_agents = bool(set(a.agents) & set(b.agents))
    if kinds <= _SPEECH_KINDS:
        # A speaker's words told over one paragraph are one statement; in another paragraph
        # the same speaker is saying something else, unless the next paragraph names the very
        # same act again ("voiced his support" ... "expressed strong support").
        if a.trigger == b.trigger and paragraphs_apart <= 1 and shared_agents:
            return True
        return same_paragraph and shared_agents
    if len(kinds) == 1 and definite:
        # "They met at the port. ... The meeting ...": a definite noun refers back to the
        # happening of its kind the article has told on that day.
        return True
    # "Both ministers toured the site" and later "the ministers toured a dry dock": one tour;
    # "they engaged in discussions" and "the ministers discussing ...": one word, one happening.
    return len(kinds) == 1 and (
        (
            _one_word(a.trigger, b.trigger)
            and (paragraphs_apart <= 1 or _told_alike(a, b, verbs))
            and not _other_doers(a, b)
        )
        or fuzz.token_set_ratio(a.title, b.title) > 70
    )


def _told_alike(a: EventCandidate, b: EventCandidate, verbs: frozenset[str]) -> bool:
    """Two acts of one verb told paragraphs apart are one only if their words share more than
    the verb: "Ana Silva spoke briefly" and "Rui Costa spoke for a minute" are two speeches.
    ``verbs`` holds the verb's words as the text has them ("spoke", "held")."""
    verb = {stem(w) for w in (a.trigger, b.trigger, *verbs)}
    return bool((telling_words(a.title) & telling_words(b.title)) - verb)


def _other_doers(a: EventCandidate, b: EventCandidate) -> bool:
    """ "The Valmora Aviation Authority ordered all departures held" and "Dorvale Air had held
    its flights": one verb whose doers are named, and named apart, is two acts; "Police
    arrested Costa" and "Officers arrested him" name no one apart and may be one."""
    return bool(a.agents and b.agents) and not set(a.agents) & set(b.agents)


def _one_word(a: str, b: str) -> bool:
    """Lemmas of one word family: "discuss" and "discussion", "meet" and "meeting"."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= 4


def _strength(c: EventCandidate) -> int:
    order = {"explicit": 3, "relative": 2, "context": 1}
    return order.get(c.date.basis, 0) if c.date else 0
