"""What the dependency parse says about a clause: its verb, its subject, whether it is announced.

Shared by the rules that find events and the rules that title them.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import EVENT_VERBS, FUTURE_AUX, FUTURE_HEADS


def head_verb(trigger: Token) -> Token:
    """The verb a noun trigger hangs on ("extended a welcome"), or the trigger itself."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    return trigger


def verb_above(tok: Token) -> Token:
    """The verb a phrase hangs on ("will close | on Monday"), a few steps up at most, or the
    phrase's top when none is that near."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def subject(tok: Token) -> Token | None:
    """The subject of a verb, borrowed from the verb it depends on when it has none."""
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
        if child_agent := next((c for c in tok.children if c.dep_ == "agent"), None):
            return child_agent
        for side in tok.lefts:
            # "Fans booed, sang a hymn and ...": the parser may hang the first verb, with
            # the subject, beside the second.
            if side.dep_ == "parataxis" and side.pos_ == "VERB":
                found = next((c for c in side.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if found is not None:
                    return found
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.dep_ == "npadvmod":
            # "Rescuers tunneled in, officials said": the parser took the subject for a
            # modifier of "said", and its verb for a clause describing it.
            return tok.head
        break
    return None


def is_future(trigger: Token) -> bool:
    """ "will visit", "is set to visit", "plans to travel": announced, not yet happened."""
    verb = head_verb(trigger)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    # "to visit", and the passive "to be sworn in".
    infinitive = verb.tag_ == "VB" or (
        verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children)
    )
    if verb.dep_ == "xcomp" and infinitive:
        head = verb.head
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        actor_subject = subj is not None and (subj.ent_type_ != "" or subj.pos_ == "PRON")
        # "X is to visit" announces; "it is hard to mend" judges.
        judged = any(c.dep_ in ("acomp", "attr") for c in head.children)
        if head.lemma_.lower() in FUTURE_HEADS or (
            head.lemma_.lower() == "be"
            and head.tag_ in ("VBZ", "VBP")
            and actor_subject
            and not judged
        ):
            return head.tag_ != "VBD" or head.lemma_.lower() in ("set", "schedule", "due")
    return False


def inverted_participle(root: Token) -> Token | None:
    """ "Accompanying Varga were A and B", "Among those arrested were two reporters": a past
    copula whose subject comes last, after the participle that names the happening."""
    if (
        root.tag_ == "VBG"
        and root.i == root.sent.start
        and root.lemma_.lower() in EVENT_VERBS
        and any(
            c.dep_ == "aux" and c.lemma_.lower() == "be" and c.tag_ == "VBD" for c in root.children
        )
    ):
        return root  # the parser may make the participle the root: "Accompanying X were Y"
    if root.lemma_.lower() != "be" or root.tag_ != "VBD":
        return None
    for tok in root.doc[root.sent.start : root.i]:
        if (
            tok.pos_ == "VERB"
            and tok.tag_ in ("VBG", "VBN")
            and tok.lemma_.lower() in EVENT_VERBS
            and tok.dep_ in ("amod", "acl", "csubj")
        ):
            return tok
    return None


def pluperfect(verb: Token) -> bool:
    """ "had been charged", "had drawn": told as done before the time the text is at."""
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children
    )
