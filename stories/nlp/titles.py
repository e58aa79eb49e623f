"""Event titles: the happening of a sentence told in a few words, "Subject did X (where)".

A title keeps the trigger's core (subject, verb, object), one place or target phrase and, for a
statement, what was stated; it drops hedges, asides and attributions, and a title too long loses
its trailing phrases whole before it is ever cut mid-phrase.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .clauses import inverted_participle, is_future, subject
from .lexicon import (
    BODY_SPEAKER_NOUNS,
    PREPOSITION_LIKE,
    SOURCING_PREPOSITIONS,
    STATEMENT_VERBS,
    TIME_UNITS,
    words,
)
from .types import ActorLookup, Block

# Dependencies that hang extra detail on a phrase; dropping them keeps a title scannable.
_DROP_IN_TITLE = words(
    "appos relcl acl advcl punct cc conj parataxis mark prep intj discourse meta advmod npadvmod"
)
_MAX_TITLE = 100
_CORE = words("nsubj nsubjpass agent dobj attr dative oprd prt acomp xcomp aux auxpass neg")


def event_title(trigger: Token, sent: Span, file: str, block: Block, actors: ActorLookup) -> str:
    """Subject, verb and object of the happening, without hedges, asides and attributions."""
    if inverted_participle(sent.root) == trigger:
        # "Accompanying Varga were A, the chairman of X, and B": the sentence without asides.
        skip = {t.i for tok in sent if tok.dep_ in ("appos", "relcl") for t in tok.subtree}
        return _finish(sent, {t.i for t in sent if t.i not in skip}, file, block, actors)
    keep: set[int] = set()
    anchor = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        keep |= _compact(trigger, keep_prep=True)
        head = trigger.head
        frame = head.head if head.dep_ == "prep" else None
        if trigger.dep_ == "attr" and head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP"):
            # "One of the results is Valmora's offer to help": the offer is the title.
            return _noun_title(trigger, sent, keep, file, block, actors)
        if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            # "X held talks", "the meeting took place at Y": keep the clause around a noun event.
            anchor = head
        elif trigger.dep_ == "pobj" and frame is not None and frame.pos_ == "VERB":
            if head.lower_ in ("in", "into"):
                anchor = frame  # "both ministers engaged in a long handshake"
                keep.add(head.i)
            elif frame.tag_ == "VBD":
                anchor, keep = frame, set()  # "During their visit, X questioned...": the act
            else:
                return _noun_title(trigger, sent, keep, file, block, actors)
        else:
            return _noun_title(trigger, sent, keep, file, block, actors)
    if anchor.dep_ == "xcomp" and is_future(anchor):
        # "Vidal is set to visit Port Vessa": the announcement carries the subject.
        keep |= _core(anchor)
        anchor = anchor.head
    keep.add(anchor.i)
    if (anchor.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in anchor.children)) or (
        anchor.dep_ == "acl" and anchor.tag_ == "VBN"
    ):
        # "trials that began in 2018": the trials are the subject of the title.
        keep |= _compact(anchor.head, keep_prep=False) - {
            c.i for c in anchor.children if c.tag_ in ("WDT", "WP")
        }
        keep = {i for i in keep if sent.doc[i].tag_ not in ("WDT", "WP")}
    # "a ferry that sank off the coast" is titled "A ferry sank off the coast".
    keep |= {i for i in _core(anchor) if sent.doc[i].tag_ not in ("WDT", "WP")}
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
        # "... and later held a conversation": the subject of the first verb is this one's too.
        subj = subject(anchor)
        if subj is not None and subj.dep_ != "agent":
            keep |= _compact(subj, keep_prep=False, keep_conj=True)
    fronted: Token | None = None
    if anchor.lemma_.lower() in STATEMENT_VERBS:
        # What was stated is the news: "X stressed that ...".
        for child in anchor.children:
            if child.dep_ == "ccomp" and (child.i < anchor.i or _in_quote_marks(child)):
                # "'We sail at dawn,' X said", "X told her team: 'You have earned it'": the
                # speaker's own words, told after who said them and in their quote marks.
                fronted = child
                break
            if child.dep_ == "ccomp":
                # The whole of what was said, without asides; a long one is trimmed later
                # phrase by phrase ("should not be a cause for concern for other ports").
                keep |= _without_asides(child)
                break
    # One place or target phrase after the verb says where or to whom; more is detail.
    for child in anchor.children:
        if (
            child.dep_ == "prep"
            and child.i > anchor.i
            and child.lower_ not in SOURCING_PREPOSITIONS
        ):
            # "..., according to a report": who says so is no part of what happened.
            keep |= _compact(child, keep_prep=False, keep_conj=True)
            break
    # A day says when, not what: "A jury found on Tuesday" is as thin as "A jury found".
    telling = keep - _when_phrases(anchor)
    if sum(sent.doc[i].is_alpha for i in telling) < 4 or not any(
        i > anchor.i and sent.doc[i].is_alpha for i in telling
    ):
        # "A review found", "Vidal finished", "The vote went": too thin to tell what happened;
        # what the verb found or how it ended is the news.
        for child in anchor.children:
            if child.i > anchor.i and child.dep_ in ("ccomp", "advmod", "npadvmod", "acomp"):
                keep |= _without_asides(child)
                if child.dep_ == "npadvmod" and child.lemma_.lower() in TIME_UNITS:
                    # "X acted a day after Y broke her silence": the span says nothing without
                    # what it is measured from.
                    keep |= {t.i for c in _counted_from(anchor) for t in c.subtree}
                break
    if fronted is not None:
        who = _finish(sent, keep, file, block, actors)
        # The speaker's own words in quote marks stay as they were said: "He will go to
        # Belarus," the spokesman said, is about someone else, whoever "he" was taken for.
        said = _render(
            sent, _without_asides(fronted), file, block, actors, verbatim=_in_quote_marks(fronted)
        )
        room = _MAX_TITLE - len(who) - 4
        if room < 12:
            return who  # no room to tell any of what was said
        if len(said) > room:
            said = said[: max(room - 1, 0)].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
        return f"{who}: “{said}”"
    return _finish(sent, keep, file, block, actors)


def listed_title(
    trigger: Token,
    sent: Span,
    item: tuple[int, int, int],
    file: str,
    block: Block,
    actors: ActorLookup,
) -> str:
    """An item of a dated list told with who did the act it repeats: "The toll stood at 36 late
    Wednesday, 55 on Thursday" gives "The toll stood at 55 on Thursday". ``item``: the verb's
    preposition leading into the list (-1 for none), where the item begins and ends."""
    lead, start, end = item
    keep = {trigger.i} | {
        c.i for c in trigger.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < trigger.i
    }
    subj = subject(trigger)
    if subj is not None:
        keep |= _compact(subj, keep_prep=False, keep_conj=True)
    who = _render(sent, keep, file, block, actors)
    into = f" {sent.doc[lead].text}" if lead >= 0 else ""
    return _finish_text(f"{who}{into} {sent.doc.text[start:end].strip()}")


def _when_phrases(verb: Token) -> set[int]:
    """The words of the verb's phrases that only say when: "on Tuesday", "at 4 a.m."."""
    found: set[int] = set()
    for child in verb.children:
        phrase = list(child.subtree)
        if child.dep_ in ("prep", "npadvmod") and all(
            t.ent_type_ in ("DATE", "TIME") or t.i == child.i and t.pos_ == "ADP" for t in phrase
        ):
            found |= {t.i for t in phrase}
    return found


def _counted_from(verb: Token) -> list[Token]:
    """The "after ..." or "before ..." clause a span of time hung on ``verb`` counts from."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("after", "before") for m in c.children)
    ]


def _in_quote_marks(phrase: Token) -> bool:
    """Whether a clause is quoted word for word: a quote mark opens just before it."""
    first = phrase.left_edge.i
    doc = phrase.doc
    marks = ("“", '"', "‘")
    return doc[first].text in marks or (first > 0 and doc[first - 1].text in marks)


def _without_asides(phrase: Token) -> set[int]:
    """A phrase's words without the clauses and appositions it hangs on itself."""
    aside = {
        t.i
        for tok in phrase.subtree
        if tok.dep_ in ("relcl", "appos", "parataxis", "advcl") and tok != phrase
        for t in tok.subtree
    }
    return {t.i for t in phrase.subtree if t.i not in aside}


def _noun_title(
    trigger: Token, sent: Span, keep: set[int], file: str, block: Block, actors: ActorLookup
) -> str:
    """A happening told as a noun phrase ("a failed strike vote in August"): without its
    article, and after the name of who the sentence is about when the phrase names no one."""
    doc = sent.doc
    keep = {i for i in keep if not (i == min(keep) and doc[i].dep_ == "det")}
    if sum(doc[i].is_alpha for i in keep) < 3:
        # "Road protests", "Deal": a bare noun says too little; the clause it sits in tells it.
        verb = next((t for t in trigger.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            return _finish(sent, keep | _core(verb) | {verb.i}, file, block, actors)
    title = _finish(sent, keep, file, block, actors)
    left, right = doc[min(keep)], doc[max(keep)]
    named = actors.actors_in(file, block.start + left.idx, block.start + right.idx + len(right))
    subj = subject(sent.root)
    if not named and subj is not None:
        last = subj.right_edge
        who = actors.actors_in(
            file, block.start + subj.left_edge.idx, block.start + last.idx + len(last)
        )
        if len(who) == 1:
            return _finish_text(f"{who[0]}: {title[0].lower()}{title[1:]}")
    return title


def previous_title(trigger: Token, sent: Span, file: str, block: Block, actors: ActorLookup) -> str:
    """ "the first in-person meeting between the two leaders since 2017" -> "Last in-person
    meeting between the two leaders"."""
    drop = {
        t.i
        for c in trigger.children
        if (c.dep_ == "amod" and (c.lower_ == "first" or c.tag_ == "JJS"))
        or c.dep_ in ("det", "poss")
        or (c.dep_ == "prep" and c.lower_ == "since")
        for t in c.subtree
    }
    keep = {i for i in _compact(trigger, keep_prep=True) if i not in drop}
    title = _finish(sent, keep, file, block, actors)
    return _finish_text("Last " + title[0].lower() + title[1:])


def _core(verb: Token) -> set[int]:
    out: set[int] = set()
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.pos_ == "PROPN" and child.i == verb.i + 1:
            # "Valmora beat Caldoria 1-0": the parser may take the name before a score for a
            # measure of the verb; it is what was beaten.
            out |= _compact(child, keep_prep=False)
        elif child.dep_ == "dobj" and _second_object_after_comma(child):
            # "raised rates on Wednesday, its largest increase in two decades": the parser may
            # take a remark set off by a comma for a second object.
            continue
        elif child.dep_ in _CORE:
            out |= _compact(
                child,
                keep_prep=child.dep_ in ("xcomp", "dobj"),
                keep_conj=child.dep_ in ("nsubj", "nsubjpass", "dobj"),
            )
    return out


def _second_object_after_comma(obj: Token) -> bool:
    """An object set off by a comma after the verb's own object, which is a remark on what
    was done, unless it starts a list ("a striker on Monday, a goalkeeper on Tuesday and ...")."""
    first = obj.left_edge
    return (
        first.i > 0
        and obj.doc[first.i - 1].text == ","
        and any(c.dep_ == "dobj" and c.i < obj.i for c in obj.head.children)
        and not any(c.dep_ == "conj" for c in obj.children)
    )


def _compact(tok: Token, *, keep_prep: bool, keep_conj: bool = False) -> set[int]:
    out = {tok.i}
    for child in tok.children:
        if keep_conj and child.dep_ in ("cc", "conj"):
            # "A and B" stays whole; "A, as well as B" keeps A.
            if any(c.dep_ == "cc" and c.lower_ not in ("and", "or", "&") for c in tok.children):
                continue
            # Each item of "A, B and C" hangs on the one before: the chain stays whole.
            out |= _compact(child, keep_prep=False, keep_conj=child.dep_ == "conj")
            continue
        if child.dep_ == "prep" and child.lower_ in ("including", "excluding"):
            continue  # examples are detail
        if keep_prep and child.dep_ == "acl" and any(c.tag_ == "TO" for c in child.children):
            # "their intention to continue discussions": the infinitive is the content.
            out |= _compact(child, keep_prep=False)
            continue
        of_complement = (
            child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "NOUN" and child.i > tok.i
        )
        if of_complement:
            # "the possibility of collaboration": a noun without its complement says nothing.
            out |= _compact(child, keep_prep=False)
            continue
        if tok.ent_type_ in ("DATE", "TIME") and all(
            t.ent_type_ == tok.ent_type_ for t in child.subtree
        ):
            # "on Monday 11 March 2024": a date stays whole, however the parser split it.
            out |= {t.i for t in child.subtree}
            continue
        if child.dep_ in _DROP_IN_TITLE and not (keep_prep and child.dep_ == "prep"):
            continue
        # "Ana Silva and Rui Costa" may hang as a modifier of the last name: keep it whole.
        name_part = keep_conj and child.dep_ in ("compound", "nmod", "poss")
        out |= _compact(
            child, keep_prep=False, keep_conj=child.dep_ in ("pobj", "dobj") or name_part
        )
    return out


def _whole_words(doc: Doc, keep: set[int]) -> set[int]:
    """Hyphenated words stay whole: "face-to-face", "Rui Costa-Reis", "one-on-one"."""
    out = set(keep)
    for i in keep:
        j = i
        while j + 1 < len(doc) and not doc[j].whitespace_ and "-" in doc[j].text + doc[j + 1].text:
            j += 1
            out.add(j)
        j = i
        while j > 0 and not doc[j - 1].whitespace_ and "-" in (doc[j - 1].text + doc[j].text):
            j -= 1
            out.add(j)
    return out


def _headline_verb(doc: Doc, keep: set[int]) -> int | None:
    """The kept verb that has its own subject and no auxiliary: the verb a title turns on."""
    for i in sorted(keep):
        tok = doc[i]
        if tok.pos_ == "VERB" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i in keep for c in tok.children
        ):
            has_aux = any(c.dep_ in ("aux", "auxpass") and c.i in keep for c in tok.children)
            return None if has_aux else i
    return None


def _present(verb: Token) -> str:
    """A gerund turned into the simple present its subject takes ("pledging" -> "pledges")."""
    lemma = verb.lemma_
    subj = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    if plural or subj.lower_ in ("they", "we", "you", "i"):
        return lemma
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _finish_text(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip()
    if len(title) > _MAX_TITLE:
        cut = title[: _MAX_TITLE - 1].rsplit(" ", 1)[0]
        title = cut.rstrip(" ,;:") + "…"
    return title


# Phrases a title can do without when it is too long, the last first: where, when, how.
_TRIMMABLE = words("prep acl relcl appos advcl npadvmod advmod conj")


def _finish(sent: Span, keep: set[int], file: str, block: Block, actors: ActorLookup) -> str:
    """The kept words as a title; a title too long loses its trailing phrases whole before it
    is ever cut mid-phrase."""
    title = _render(sent, keep, file, block, actors)
    keep = set(keep)
    doc = sent.doc
    if len(title) > _MAX_TITLE:
        # Roles before a person's name go first: "Valmoran President Ana Silva" -> the name.
        keep -= {i for i in keep if _role_word(doc[i])}
        title = _render(sent, keep, file, block, actors)
    while len(title) > _MAX_TITLE:
        first = min(keep)
        phrases = [
            doc[i]
            for i in sorted(keep, reverse=True)
            if doc[i].dep_ in _TRIMMABLE
            and i != first
            and doc[i].head.i in keep
            and doc[i].head.lemma_.lower() != "be"  # "might be on the agenda" is the predicate
        ]
        if not phrases:
            break
        # Detail on a noun goes before detail on the verb: where, then when and how.
        on_noun = [t for t in phrases if t.head.pos_ in ("NOUN", "PROPN")]
        keep -= {t.i for t in (on_noun or phrases)[0].subtree}
        title = _render(sent, keep, file, block, actors)
    if len(title) > _MAX_TITLE:
        cut = title[: _MAX_TITLE - 1].rsplit(" ", 1)[0]
        title = cut.rstrip(" ,;:") + "…"
    return title


def _role_word(tok: Token) -> bool:
    """A word of a person's role or title hung before the name ("President", "Valmoran
    leader"), outside the name itself."""
    if tok.ent_type_ == "PERSON" or tok.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = tok.head
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        if head.ent_type_ == "PERSON":
            break
        head = head.head
    return head.ent_type_ == "PERSON" and tok.i < head.i


def _speaker_it_stands_for(pronoun: Token, keep: set[int]) -> str | None:
    """ "The ministry said it had opened an inquiry": in a title without the saying, "it" is
    the speaker."""
    if pronoun.lower_ != "it":
        return None
    said = pronoun.head
    while said.dep_ == "conj" and said.head.i != said.i:
        said = said.head
    if (
        said.dep_ != "ccomp"
        or said.head.lemma_.lower() not in STATEMENT_VERBS
        or said.head.i in keep
    ):
        return None
    speaker = next((c for c in said.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.i > pronoun.i or not _a_body(speaker):
        return None  # "Ana Silva said it had rained": "it" is no person
    words = [
        t
        for t in speaker.subtree
        if t.i < speaker.i and t.dep_ in ("det", "compound", "amod", "poss", "case")
    ]
    return " ".join(t.text for t in [*words, speaker]).replace(" 's", "'s")


def _a_body(noun: Token) -> bool:
    """A body that may be called "it": "the ministry", "Harbourton Steel", "Acme"; a name the
    model takes for a person's is none."""
    if noun.pos_ == "PROPN":
        return noun.ent_type_ != "PERSON"
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in BODY_SPEAKER_NOUNS


def _render(
    sent: Span,
    keep: set[int],
    file: str,
    block: Block,
    actors: ActorLookup,
    *,
    verbatim: bool = False,
) -> str:
    doc = sent.doc
    # No preposition is left hanging: "aid worth 10 million euros", not "aid worth".
    keep = set(keep)
    for i in sorted(keep):
        tok = doc[i]
        if tok.dep_ == "prep" or tok.pos_ == "ADP" or tok.lower_ in PREPOSITION_LIKE:
            objects = [c for c in tok.children if c.dep_ in ("pobj", "pcomp", "npadvmod", "dobj")]
            if objects and not any(c.i in keep for c in objects):
                for c in objects:
                    keep |= _compact(c, keep_prep=False)
    kept = sorted(_whole_words(doc, keep))
    # A phrase trimmed away leaves no "and", "that" or "for" hanging at the end.
    while len(kept) > 1 and (
        doc[kept[-1]].pos_ in ("CCONJ", "SCONJ", "DET", "ADP", "PART") or doc[kept[-1]].is_punct
    ):
        kept.pop()
    words: list[str] = []
    last = said = -2
    for i in kept:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-", "–", "’", "'") and tok.text not in '“”"‘':
            last = i
            continue
        text = tok.text
        if tok.tag_ == "VBG" and i == _headline_verb(doc, keep):
            text = _present(tok)  # "with Costa pledging" -> "Costa pledges"
        if tok.tag_ == "PRP" and tok.dep_ in ("nsubj", "nsubjpass") and not verbatim:
            names = actors.actors_in(file, block.start + tok.idx, block.start + tok.idx + len(tok))
            # "Vidal said he had not seen ...": the name once, the pronoun after it.
            if len(names) == 1 and names[0].split()[-1] not in "".join(words):
                text = names[0]
            elif not names and (speaker := _speaker_it_stands_for(tok, keep)) is not None:
                # Mid-title, "the ministry", not "The ministry".
                text = "t" + speaker[1:] if words and speaker.startswith("The ") else speaker
        if words and said == i - 2 and doc[i - 1].text == ",":
            # The text's comma between two words the title keeps side by side: "Varga, Lena
            # Varga and two ministers met ...", not "Varga Lena Varga".
            words.append(",")
        if words and (i != last + 1 or doc[i - 1].whitespace_):
            words.append(" ")
        words.append(text)
        last = said = i
    title = "".join(words).strip(" ,;:–-")
    title = re.sub(r"\s+", " ", title)
    title = re.sub(r"[“”\"]", "", title)
    if not title:
        title = sent.text.strip()
    return title[0].upper() + title[1:]
