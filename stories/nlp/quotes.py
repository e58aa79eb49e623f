"""Direct and reported speech: who said what, found through the dependency parse.

A quote is a span in quote marks that a speech verb governs or sits next to ("X said", "said X",
"X, ..., said", "..., saying, '...'", "X pledged his 'full backing'"), or a paragraph that only
continues the previous speaker's quote. Words in quote marks without any speech nearby (a title,
a scare quote) are not quotes. Reported speech is a clause governed by a speech verb ("X said
that ...", "according to X, ...") and is kept only when its speaker is a known actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from stories.nlp.actors import ActorIndex, ArticleDocs, age_before_misread_verb, age_hung_on_verb
from stories.nlp.clauses import pluperfect, subject
from stories.nlp.lexicon import (
    ANONYMITY_WORDS,
    ANSWER_NOUNS,
    BARE_BODY_SPEAKERS,
    BODY_REFERENCE_NOUNS,
    BODY_SPEAKER_NOUNS,
    CONTRAST,
    DOCUMENT_SPEAKER_NOUNS,
    INFERENCE_VERBS,
    INTERPRETERS,
    INTERVIEW_VERBS,
    ISSUING_VERBS,
    JOINT_PAPERS,
    JUDGING_VERBS,
    MEDIUM_NOUNS,
    NAMED_BODY_NOUNS,
    OBJECT_REPORTING_VERBS,
    OFFICE_NOUNS,
    PASSING_ON_VERBS,
    PERSON_SPEAKER_NOUNS,
    PLACE_TIME_PREPOSITIONS,
    PRONOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SAYING_SENSES,
    SINGLE_SPEAKER_NOUNS,
    SPEAKING_OF_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SPOKESPERSON_NOUNS,
    STAFF_NOUNS,
    STATE_OFFICE_NOUNS,
    UNPLACED_SPEAKER_NOUNS,
)
from stories.nlp.names import is_title_token, name_tokens, strip_title
from stories.nlp.types import ActorKind, Block, Mention, Quote

OPENERS = {"“": "”", '"': '"', "‘": "’", "'": "'"}
_WORD = re.compile(r"[a-z0-9]+")


def find_quoted(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quote marks.

    Double marks nest single ones. An apostrophe ("Valmora’s", "leaders’") is told from a closing
    single mark by what follows it. A double mark left open runs to the end of the paragraph,
    as in a quote that continues into the next one.
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        prev = text[i - 1] if i else " "
        if ch in ("“", '"') and (ch == "“" or not prev.isalnum()):
            close = text.find(OPENERS[ch], i + 1)
            end = close if close != -1 else n
            spans.append((i + 1, end))
            i = end + 1
            continue
        if ch in ("‘", "'") and not prev.isalnum() and i + 1 < n and text[i + 1].isalnum():
            j = i + 1
            while j < n:
                if text[j] == OPENERS[ch] and (j + 1 == n or not text[j + 1].isalnum()):
                    break
                j += 1
            if j < n and j - i < 200:
                spans.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return [(a, b) for a, b in (_trim(text, s, e) for s, e in spans) if b > a]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and the trailing comma a quote carries before its attribution."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _speech_verb(tok: Token) -> bool:
    if tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_:
        return False  # "so-called", "well-described": an adjective, nobody speaks
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in SAYING_SENSES and not any(c.dep_ == "ccomp" for c in tok.children):
        return False  # "maintains his innocence": a stand, not words
    return (
        lemma in SPEECH_VERBS
        or lemma in JUDGING_VERBS
        or lemma in PASSING_ON_VERBS
        or _paper_reads(tok)
    )


def _paper_reads(verb: Token) -> bool:
    """ "'...,' read a statement from the ministry": a paper that reads speaks for whoever
    issued it; "the sign read" is no one's speech."""
    return verb.lemma_.lower() == "read" and any(
        (c.dep_ == "nsubj" or c in _inverted_subjects(verb))
        and c.lemma_.lower() in DOCUMENT_SPEAKER_NOUNS | MEDIUM_NOUNS
        for c in verb.children
    )


def _inverted_subjects(verb: Token) -> list[Token]:
    """ "'...,' tweeted Ana Silva": set after the quote, the verb comes before its speaker, whom
    the parser may take for its object when the verb is a rarer one than "said"."""
    doc = verb.doc
    before = [doc[i].text for i in range(max(verb.i - 2, 0), verb.i)]
    if len(before) < 2 or not ({before[0], before[1]} & {"”", '"', "’", "'"} and "," in before):
        return []
    return [c for c in verb.rights if c.dep_ in ("attr", "dobj") and c.i > verb.i]


def _speech_noun(tok: Token) -> Token | None:
    """The speech noun a verb takes as its object ("raised a toast"): the verb then speaks."""
    if tok.pos_ != "VERB":
        return None
    return next(
        (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS), None
    )


def _governing_verb(span: Span, inside: set[int]) -> Token | None:
    """The nearest speech verb above the quoted words in the parse ("pledged 'full backing'")."""
    for tok in span:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        node = tok.head
        path = [tok]  # the way up to ``node``
        steps = 0
        placed = False  # the way up passed "in/at/during ...": where or when, not what was said
        while steps < 8:
            if (
                node.i not in inside
                and _speech_verb(node)
                and not _inferred(node)
                and (node.lemma_.lower() not in JUDGING_VERBS or _judged_as(path))
            ):
                return node
            if node.i not in inside and _speaks_of(node):
                return node
            if node.i not in inside and not placed and _speech_noun(node):
                return node
            placed = placed or (node.dep_ == "prep" and node.lower_ in PLACE_TIME_PREPOSITIONS)
            if node.head.i == node.i:
                break
            path.append(node)
            node, steps = node.head, steps + 1
    return None


def _judged_as(path: list[Token]) -> bool:
    """Whether the quoted words are the judgement itself ("condemned the strike as 'a grave
    violation'", "dismissed 'any threats'"), not words of someone else's that were judged
    ("rejected Costa's claim that the deal was 'void'", "rejected the demand for 'a fair
    wage'")."""
    via = path[-1]
    if via.dep_ in ("ccomp", "oprd") or any(t.dep_ == "prep" and t.lower_ == "as" for t in path):
        return True  # "'A disgrace,' Berg blasted", "blasted the council's plan as '...'"
    if via.dep_ != "dobj" or any(c.dep_ == "poss" for c in via.children):
        return False
    return not any(t.dep_ in ("acl", "ccomp", "relcl", "prep") for t in path[:-1])


def _relayed_by(verb: Token, span: Span) -> Token | None:
    """ "The ministry condemned 'any threats', she said": the speaker who tells what a body
    said, in an attribution set after it, is the one who spoke the quoted words."""
    outer = verb.head
    if verb.dep_ != "ccomp" or outer.i <= span.end or not _speech_verb(outer):
        return None
    subj = next((c for c in outer.children if c.dep_ == "nsubj" and c.i < outer.i), None)
    if subj is None or subj.i == 0 or outer.doc[subj.left_edge.i - 1].text not in (",", "”", '"'):
        return None
    # Only a person telling what a body said ("..., she said", "..., a spokesman said"): what a
    # person said, or what an outlet reports ("..., the Gazette reported"), stays theirs.
    inner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    speaks_for = subj.lower_ in ("he", "she") or subj.lemma_.lower() in SPOKESPERSON_NOUNS
    if inner is None or _a_person(inner) or not speaks_for:
        return None
    return outer


def _owner_of_reply(span: Span, inside: set[int]) -> tuple[Token, Token] | None:
    """(the noun, its owner) where the quoted words stand beside a noun of what someone said
    ("His reply, 'not a chance', ...", "the message from X, 'we are safe', ...")."""
    tops = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    # "not a chance": the parser may hang the "not" on the noun beside the quote too.
    heads = [t for t in tops if t.dep_ in ("appos", "acl")]
    if len(heads) != 1 or any(t.head != heads[0].head for t in tops):
        return None
    noun = heads[0].head
    if noun.lemma_.lower() not in SPEECH_NOUNS | MEDIUM_NOUNS | ANSWER_NOUNS:
        return None
    owner = _issuer(noun)
    return (noun, owner) if owner is not None else None


def _speaks_of(verb: Token) -> bool:
    """ "spoke of delays that were 'absurd'", "talked about a 'new deal'": what was spoken of,
    in the speaker's words; "spoke after the talks" says nothing of what was said."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in SPEAKING_OF_VERBS
        and any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in verb.children)
    )


def _inferred(verb: Token) -> bool:
    """ "the visit suggested Valmora felt no responsibility": a thing that suggests or shows is
    evidence someone reads, not a speaker; the quote belongs to whoever reads it."""
    if verb.lemma_.lower() not in INFERENCE_VERBS:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and _common_noun(subj)
        and subj.ent_type_ == ""
        and subj.lemma_.lower() not in PERSON_SPEAKER_NOUNS | BODY_SPEAKER_NOUNS
    )


def _nearby_verb(sents: list[Span], inside: set[int], span: Span) -> Token | None:
    """A speech verb next to the quote in its sentences ("'...,' Costa said.")."""
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if tok.i in inside or not _speech_verb(tok):
                continue
            if tok.lemma_.lower() in JUDGING_VERBS and any(c.dep_ == "dobj" for c in tok.children):
                continue  # what was rejected is found by the parse, not by nearness
            distance = min(abs(tok.i - span.start), abs(tok.i - span.end))
            if best is None or distance < best[0]:
                best = (distance, tok)
    return best[1] if best else None


def _according_to(sent: Span, inside: set[int]) -> tuple[Token, Token] | None:
    """("according", the source's head token) in "according to X"."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i not in inside:
            for to in tok.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return tok, obj
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for obj in nxt.children:
                    if obj.dep_ == "pobj":
                        return tok, obj
    return None


def _handed_to(span: Span, inside: set[int], governing: Token | None) -> tuple[str, Token] | None:
    """(cue, speaker) where the writer hands the quoted words to someone ("in the words of X",
    "as X put it"): only the words of the clause the phrase is set in, and not those another
    verb of speech inside that clause gives to its own speaker ("..., a view Berg called
    'nonsense'")."""
    for sent in {t.sent.start: t.sent for t in span}.values():
        found = _in_words_of(sent, inside)
        if found is None:
            continue
        cue, who, clause = found
        while clause.pos_ in ("NOUN", "PROPN", "PRON") and clause.head.i != clause.i:
            clause = clause.head  # "The ferries, as X put it, were ...": hung on the subject
        if not any(t.i in inside for t in clause.subtree):
            continue
        if governing is not None and clause in governing.ancestors:
            continue
        return cue, who
    return None


def _in_words_of(sent: Span, inside: set[int]) -> tuple[str, Token, Token] | None:
    """(cue, the speaker's head token) where the writer hands quoted words to someone: "in the
    words of X", "in X's words", "as X put it". The words are X's even when the sentence tells
    of others speaking ("Officials told families there was 'no chance', in the words of X")."""
    for tok in sent:
        if tok.i in inside:
            continue
        if tok.lower_ == "words" and tok.head.lower_ == "in" and tok.dep_ == "pobj":
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PROPN":
                return "in the words of", owner, tok.head.head
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            source = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if source is not None:
                return "in the words of", _named_after(source), tok.head.head
        if (
            tok.lemma_ == "put"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
        ):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return "put", subj, tok.head
    return None


def _named_after(noun: Token) -> Token:
    """The name set after a role ("the mayor, Lena Berg"), which the parser may not hang on it."""
    doc = noun.doc
    after = noun.right_edge.i + 1
    if (
        _common_noun(noun)
        and after + 1 < len(doc)
        and doc[after].text == ","
        and doc[after + 1].ent_type_ == "PERSON"
        and doc[after + 1].ent_iob_ == "B"
    ):
        ent = next(e for e in doc.ents if e.start == after + 1)
        return ent.root
    return noun


class _Speakers:
    """Resolve the token that names a speaker to an actor of the story."""

    def __init__(
        self,
        article: ArticleDocs,
        actors: ActorIndex,
        block: Block,
        index: int = 0,
        described: dict[str, str] | None = None,
        referred: dict[str, tuple[int, int, str]] | None = None,
        shorter: dict[str, str] | None = None,
    ) -> None:
        self.article, self.actors, self.block = article, actors, block
        self._index = index  # the block's place among the article's blocks
        # The unnamed speakers the article has described so far, by head noun: "the people"
        # are the "two people familiar with the matter" it spoke of before.
        self.described = {} if described is None else described
        # The body each noun ("the company") last stood for, in which block and where.
        self.referred = {} if referred is None else referred
        # Each described speaker's description without the clause that says which one.
        self.shorter = {} if shorter is None else shorter

    def actor(self, tok: Token) -> str | None:
        start = self.block.start + tok.idx
        mention = self.actors.mention_at(self.article.file, start, start + len(tok.text))
        if mention is not None and _bare_body_name(tok, mention.text):
            # "the Bank said": the bank this article named, not whichever bank the story
            # clustered the bare word with.
            return self._body_before(tok, as_written=True) or mention.actor
        if mention is not None:
            return mention.actor
        if (longer := self._name_around_place(tok)) is not None:
            return longer
        for child in tok.children:  # "his sister, Ana Vidal," / "Vidal's spokesman"
            if child.dep_ in ("appos", "compound"):
                found = self.actor(child)
                if found and not (
                    # "Harbourton police said": the police of a place, not the place; "the
                    # Rovers striker said": a person of the club, not the club.
                    child.dep_ == "compound"
                    and (
                        _common_noun(tok)
                        and (
                            self.actors.kind(found) == "place" or child.ent_type_ in ("GPE", "LOC")
                        )
                        # The tagger may take the role for an adverb ("forward").
                        or ROLE_NOUNS & {tok.lower_, tok.lemma_.lower()}
                    )
                ):
                    return found
        return self._known_name(tok)

    def _name_around_place(self, tok: Token) -> str | None:
        """A body's name the tagger cut down to the place it opens with ("Harbourton-Vale Fire
        Rescue said" tagged as "Harbourton"): the capitalised words that end in ``tok`` name
        the body, not the place."""
        if tok.pos_ != "PROPN" or not tok.is_title:
            return None
        i = tok.i
        while i > 0 and (
            (tok.doc[i - 1].dep_ == "compound" and _capitalised(tok.doc[i - 1]))
            or (tok.doc[i - 1].text in "-‐" and not tok.doc[i - 1].whitespace_)
        ):
            i -= 1
        words = tok.doc[i : tok.i + 1]
        if len(words) < 3 or not _capitalised(words[0]):
            return None
        here = self.block.start
        names = self.actors.actors_in(
            self.article.file, here + words.start_char, here + words.end_char
        )
        if not names or any(self.actors.kind(n) != "place" for n in names):
            return None
        return words.text

    def _known_name(self, tok: Token) -> str | None:
        """A full name the story knows, which the tagger missed in this sentence ("said the
        union's Rui Costa"): the name still says who speaks. A lone word may be anyone's."""
        if tok.pos_ != "PROPN":
            return None
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if len(parts) != tok.i - (parts[0].i if parts else tok.i):
            return None  # not one run of name words
        _, words = strip_title([t.text for t in (*parts, tok)])
        if len(words) < 2:
            return None
        found = self.actors.resolve(" ".join(words))
        return found if found is not None and self.actors.kind(found) == "person" else None

    def source(self, tok: Token) -> str | None:
        """Who "according to X" cites: X, or the owner of "the HSA's preliminary review"."""
        found = self.actor(tok)
        if found is None:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            found = self.actor(owner) if owner is not None else None
        return found or self.unnamed(tok)

    def sole(self, tok: Token) -> str | None:
        """The one actor a subject names; none for "X and Y", whose words nobody can tell
        apart ("Costa and Varga raised a toast to ...")."""
        if tok.lower_ in ("he", "she") and tok.dep_ == "nsubj":
            unnamed = self._unnamed_before(tok)
            if unnamed is not None:
                return unnamed
        found = self.actor(tok)
        others = {self.actor(c) for c in tok.children if c.dep_ == "conj"} - {None, found}
        if others:
            # "X and Y said in a joint statement": their words are one statement, which goes
            # under the first named.
            return found if _jointly(tok.head) else None
        if (
            _common_noun(tok)
            and tok.tag_ == "NNS"
            and tok.lemma_.lower() in STAFF_NOUNS
            and (body := self._body_named_in(tok)) is not None
        ):
            # "State EPA officials said": the agency speaking through its people.
            return body
        if (
            found is None
            and _common_noun(tok)
            and tok.lemma_.lower() in OFFICE_NOUNS
            and (holder := next((c for c in tok.children if c.dep_ == "poss"), None)) is not None
            and (person := self.actor(holder)) is not None
            and self.actors.kind(person) == "person"
        ):
            return person  # "Governor Costa's office said": the governor speaking through it
        if (
            _common_noun(tok)
            and tok.lemma_.lower() in PERSON_SPEAKER_NOUNS
            and self._named(tok) is None
        ):
            # "an HSA official", "a senior ACME engineer": a person speaking for the body the
            # words name, not the body itself; "his lawyer, Tomas Vidal," is named after all.
            named = [self.actor(c) for c in tok.children if c.dep_ == "appos"]
            # "the U.N. special envoy for Valmora, Lena Berg,": the parser may hang the name
            # on the last noun of the description.
            named += [
                self.actor(d)
                for d in tok.subtree
                if d.dep_ == "appos"
                and d.head.i != tok.i
                and d.ent_type_ == "PERSON"
                # "several players, including the striker X,": one among them, not who speaks.
                and not any(a.lower_ == "including" for a in d.ancestors if a.i > tok.i)
            ]
            # "a man named Rui Costa", "a woman identified as Ana Silva"
            named += [
                self.actor(d)
                for c in tok.children
                if c.dep_ == "acl" and c.lemma_.lower() in ("name", "identify")
                for d in c.subtree
                # The name the clause gives, not one named inside it ("identified as the
                # sister of Lena Berg", "named by police as a suspect in the killing of X").
                if d.ent_type_ == "PERSON"
                and (
                    (d.dep_ in ("oprd", "dobj") and d.head == c)
                    or (d.dep_ == "pobj" and d.head.lower_ == "as" and d.head.head == c)
                )
            ]
            return next((n for n in named if n), None) or self.unnamed(tok) or found
        if (
            found is None
            and tok.lower_ == "it"
            and tok.dep_ == "nsubjpass"
            and tok.head.lemma_.lower() in ("say", "report", "claim", "believe", "rumour", "rumor")
        ):
            return None  # "it is said": no one
        if (
            found is None
            and tok.lower_ == "it"
            and tok.dep_ == "nsubj"
            and (issuer := self._paper_issued_before(tok, sentence_before=True)) is not None
        ):
            return issuer  # "Costa's lawyer issued a statement. '...,' it said"
        if found is None and tok.lower_ == "it" and tok.dep_ in ("nsubj", "nsubjpass"):
            # "The agency announced that it was moving ...": "it" is the body whose clause
            # holds it; "A day later it said ...": the body spoken of last.
            # Not "The terms, it said, provide ...": an attribution set inside a clause is not
            # held by it.
            held = tok.head.dep_ not in ("parataxis", "conj")
            for verb in tok.head.ancestors if held else ():
                outer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if outer is not None and outer.lower_ != "it":
                    return self.sole(outer)
            return (
                self._body_speaking_before(tok)
                or self._body_subject_before(tok)
                or self._described_body_before(tok)
                or self._body_before(tok, near=True)
                or self._body_before(tok)
            )
        return found or self.unnamed(tok)

    def _body_named_in(self, tok: Token) -> str | None:
        """The organisation named before a noun, as in "Treasury officials"."""
        for child in tok.children:
            if child.dep_ == "compound" and child.i < tok.i:
                found = self._named(child)
                if found is not None and self.actors.kind(found) == "organization":
                    return found
        return None

    def _the_one_before(self, tok: Token) -> str | None:
        """ "The man told the court": the man the text spoke of as "a man" ("A man was pulled
        from the river ... 'It was freezing,' the man said"), else the person last named."""
        here = self.block.start + tok.idx
        named = [
            m
            for m in self.actors.mentions(self.article.file)
            # By name: a pronoun the story took for someone says nothing of who came last.
            if m.start < here
            and self.actors.kind(m.actor) == "person"
            and m.text.lower() not in PRONOUNS
        ]
        last = max(named, key=lambda m: m.start, default=None)
        indefinite = re.compile(rf"\b[Aa]n?\s+(?:[a-z-]+\s+){{0,2}}{tok.lower_}\b(?!['’])")
        spoken_of = -1
        for block, _ in self.article.docs:
            if block.start >= here:
                break
            for found in indefinite.finditer(block.text[: here - block.start]):
                spoken_of = block.start + found.start()
        if spoken_of >= 0:
            return f"the {tok.lower_}"
        return last.actor if last is not None else None

    def _unnamed_before(self, pronoun: Token) -> str | None:
        """The unnamed person who spoke in the sentence before, in the same paragraph: "A
        spokesman for the port said ... 'We are ready,' he said." is the spokesman's, not
        that of someone named further up, as long as no one is named between them."""
        sent = pronoun.sent
        if sent.start == 0:
            return None
        before = pronoun.doc[sent.start - 1].sent
        for verb in before:
            if not _speech_verb(verb):
                continue
            subj, _ = _subject_of(verb)
            if (
                subj is None
                or not _common_noun(subj)
                or subj.lemma_.lower() not in PERSON_SPEAKER_NOUNS
                or self._named(subj) is not None
            ):
                continue
            here = self.block.start
            between = self.actors.actors_in(self.article.file, here + subj.idx, here + pronoun.idx)
            if any(self.actors.kind(a) == "person" for a in between):
                return None
            return self.sole(subj)
        return None

    def _body_speaking_before(self, pronoun: Token) -> str | None:
        """The body that spoke in the sentence before, in the same paragraph: "The Dockers'
        federation said it would stay away, citing ... It said it would decide ..." is the
        federation's, though the text never names it; the body the article spoke of most is
        not, unless it spoke in between."""
        sent = pronoun.sent
        if sent.start == 0:
            return None
        for verb in pronoun.doc[sent.start - 1].sent:
            if not _speech_verb(verb):
                continue
            subj, _ = _subject_of(verb)
            if subj is None or not self._a_body(subj):
                continue
            if any(
                t.dep_ in ("nsubj", "nsubjpass")
                and t.ent_type_ == "ORG"
                and _speech_verb(t.head)
                and t.head.dep_ != "relcl"  # "the meeting the authority called"
                for t in pronoun.doc[subj.i + 1 : pronoun.i]
            ):
                return None  # another body spoke in between
            return self.sole(subj)
        return None

    def _body_subject_before(self, pronoun: Token) -> str | None:
        """The body the sentence before is about, in the same paragraph: "The presidency has
        issued a statement. '...,' it said." is the presidency's, though it issued, not said."""
        sent = pronoun.sent
        if sent.start == 0:
            return None
        root = pronoun.doc[sent.start - 1].sent.root
        if root.lemma_.lower() not in ISSUING_VERBS or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in MEDIUM_NOUNS for c in root.children
        ):
            return None  # "The regulator fined Harbour Lines. 'We will appeal,' it said."
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or not self._a_body(subj):
            return None
        return self.sole(subj)

    def _described_body_before(self, pronoun: Token) -> str | None:
        """The body the sentence before is about, described by whose it is and not named, in
        the same paragraph: "Valmora's foreign ministry set limits on its guest. He had come
        'on a private visit', it said." is the ministry's."""
        sent = pronoun.sent
        if sent.start == 0:
            return None
        root = pronoun.doc[sent.start - 1].sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or pluperfect(root):
            return None  # "X had fined the airline last year": background, not who speaks now
        named = next((c for c in subj.children if c.dep_ == "appos"), None)
        found = self.actor(named) if named is not None else None
        if found is not None and subj.lemma_.lower() in BODY_REFERENCE_NOUNS:
            # "Portugal's largest lender, Banco Orra, ...": the name speaks; not the one set
            # beside a person ("Orra's chief executive, Ana Silva").
            return found
        start = self.block.start + subj.left_edge.idx
        if any(
            self.block.start <= m.start < start and self.actors.kind(m.actor) == "organization"
            for m in self.actors.mentions(self.article.file)
        ):
            # A body the paragraph named before may be whom "it" goes on meaning; one the
            # described body acted on ("the regulator fined Kelt Air") is not.
            return None
        if (
            not _common_noun(subj)
            or subj.tag_ in _PLURAL
            or subj.lemma_.lower() not in BODY_REFERENCE_NOUNS
            or not any(
                (c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP", "ORG"))
                or (c.dep_ == "amod" and c.ent_type_ == "NORP")
                for c in subj.children
            )
        ):
            return None
        return _described(subj)

    def _a_body(self, tok: Token) -> bool:
        """ "the federation", or a name of the story's bodies ("DOCKPRO then said ...")."""
        if _common_noun(tok):
            return tok.lemma_.lower() in BODY_SPEAKER_NOUNS
        found = self._named(tok) if tok.pos_ == "PROPN" else None
        return found is not None and self.actors.kind(found) == "organization"

    def _named(self, tok: Token) -> str | None:
        start = self.block.start + tok.idx
        mention = self.actors.mention_at(self.article.file, start, start + len(tok.text))
        return mention.actor if mention is not None else None

    def unnamed(self, tok: Token) -> str | None:
        """A speaker the text does not name: "the agency" is the body the article has been
        speaking of; "a senior official" or "the congressional panel" speaks as so described."""
        if (
            tok.pos_ == "PROPN"
            and not tok.is_lower
            and not any(c.dep_ == "conj" for c in tok.children)
        ):
            return _untagged_body(tok) or self._body_of_initials(tok)
        if tok.pos_ == "NOUN" and (initials := self._body_of_initials(tok)) is not None:
            return initials  # the tagger may take unknown letters for a noun
        if not _common_noun(tok) or any(c.dep_ == "conj" for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        if lemma not in PERSON_SPEAKER_NOUNS and lemma not in BODY_SPEAKER_NOUNS:
            return None
        determiner = next((c.lower_ for c in tok.children if c.dep_ in ("det", "poss")), "")
        if lemma in SINGLE_SPEAKER_NOUNS and tok.tag_ in _PLURAL:
            return None  # "the two men": people named before
        if lemma in SINGLE_SPEAKER_NOUNS and determiner == "the":
            return self._the_one_before(tok)
        modified = any(c.dep_ in ("amod", "compound", "nummod") for c in tok.children)
        if lemma in BODY_REFERENCE_NOUNS and determiner in ("the", "its") and not modified:
            body = self._body_before(tok)
            if body is not None:
                return body
        owner = _issuer(tok) if lemma in DOCUMENT_SPEAKER_NOUNS else None
        if owner is not None:
            # "Its complaint said", "the agency's memo said": the owner speaks through it.
            found = self.actor(owner)
            if found is None and owner.lower_ in ("its", "their"):
                found = self._body_before(tok)
            elif found is None and _common_noun(owner):
                found = self.unnamed(owner)  # "a statement the ministry released"
            if found is not None:
                return found
        if determiner == "the" and lemma in DOCUMENT_SPEAKER_NOUNS:
            issued = self._paper_issued_before(tok)
            if issued is not None:
                return issued
        if determiner == "the" and not modified and lemma in self.described:
            return self.described[lemma]
        if (
            lemma in PERSON_SPEAKER_NOUNS
            and (
                determiner == "the"
                or any(c.dep_ == "poss" and c.pos_ != "PRON" for c in tok.children)
            )
            and (person := self._person_in_role(tok)) is not None
        ):
            # "Lena Varga, the museum's director, ... The director said", "the museum's director
            # said": not "the ministry's spokesman" or "its director", who may be of another
            # body.
            return person
        words = _described(tok)
        if len(words.split()) < 2:
            if lemma in BARE_BODY_SPEAKERS and not determiner and not modified:
                # "police said": the police the article named or described before ("the
                # Harbour Police", "Harbourton police said ..."), else the police, as the text
                # names them.
                return self._body_before(tok) or self.described.get(lemma, words)
            if (
                lemma in PERSON_SPEAKER_NOUNS - UNPLACED_SPEAKER_NOUNS
                and tok.tag_ == "NNS"
                and not determiner
            ):
                # "Prosecutors argued that ...": people of that calling, as the text calls them.
                # Bare "officials" says nothing of whose; the sentence names the body elsewhere
                # ("At the airport, officials said").
                return words.lower()
            return None
        if determiner != "the":
            self.described[lemma] = words
        short = _described(tok, restrictive=False)
        if short != words and len(short.split()) >= 2:
            self.shorter[words] = short
        return words

    def _paper_issued_before(self, tok: Token, *, sentence_before: bool = False) -> str | None:
        """ "The port authority released a statement on Monday. '...,' the statement added":
        the paper is the one someone was last said to issue, in this paragraph or the one
        before, and speaks for them. ``sentence_before``: "it", for any paper issued earlier in
        the paragraph ("X issued a statement. '...,' it said. It added ...")."""
        lemma = tok.lemma_.lower()
        papers = DOCUMENT_SPEAKER_NOUNS | MEDIUM_NOUNS if sentence_before else {lemma}
        found: str | None = None
        for index in (self._index - 1, self._index):
            if index < 0:
                continue
            block, doc = self.article.docs[index]
            for t in doc:
                if index == self._index and t.i >= tok.i:
                    break
                if sentence_before and index != self._index:
                    continue
                if t.lemma_.lower() not in papers or t.dep_ != "dobj":
                    continue
                if t.head.lemma_.lower() not in ISSUING_VERBS:
                    continue
                subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.pos_ == "PRON":
                    continue
                start = block.start + subj.idx
                mention = self.actors.mention_at(self.article.file, start, start + len(subj.text))
                if mention is not None:
                    found = mention.actor
                    if sentence_before and _moved_on_to_someone(doc, t.i, tok.i):
                        found = None  # "... said it would appeal. '...,' it said": that one
        return found

    def _body_of_initials(self, tok: Token) -> str | None:
        """ "The DHCA said": letters the tagger did not take for a name, which spell the
        initials of a body the article named ("the Dorvale Harbour Crews' Association")."""
        letters = tok.text.replace(".", "")
        if len(letters) < 3 or not letters.isalpha() or not letters.isupper():
            return None
        found = {
            m.actor
            for m in self.actors.mentions(self.article.file)
            if self.actors.kind(m.actor) == "organization"
            and "".join(w[0] for w in name_tokens(m.actor) if w[:1].isupper()) == letters
        }
        return found.pop() if len(found) == 1 else None

    def _body_before(self, tok: Token, near: bool = False, as_written: bool = False) -> str | None:
        """The organisation a definite "the agency" refers back to: the last one mentioned
        before it in the article, preferring one whose name says what it is ("Supreme Court").
        ``near``: only one mentioned in this paragraph or the one before. ``as_written``: a bare
        capitalised "the Bank" the tagger took for a name, which prefers the body last written
        with the word."""
        here = self.block.start + tok.idx
        since = self.article.docs[max(self._index - 1, 0)][0].start if near else 0
        before = [
            m
            for m in self.actors.mentions(self.article.file)
            if since <= m.start < here and self.actors.kind(m.actor) == "organization"
        ]
        lemma = tok.lemma_.lower()
        named = [
            m for m in before if lemma in m.actor.lower().split() or self._introduced_as(m, lemma)
        ]
        # "the Bank of Valmora ... 'Harbour Bank UK has ...,' the Bank said": the body last named
        # with the word as written, before one whose full name only holds it. Only for the
        # capitalised word: "the agency" is the last body whose name holds it, however the article
        # wrote it then ("The Valmora Space Agency (VSA) ... VSA said ... the agency said").
        written = [m for m in named if lemma in m.text.lower().split()] if as_written else []
        if written or named:
            return (written or named)[-1].actor
        # "Alder County ... the county said": the tagger may take the county for a place.
        places = [
            m
            for m in self.actors.mentions(self.article.file)
            if since <= m.start < here
            and self.actors.kind(m.actor) == "place"
            and lemma in m.actor.lower().split()
        ]
        if places:
            return places[-1].actor
        if lemma in NAMED_BODY_NOUNS:
            return None
        introduced = self._introduced_beside(tok) or self._owned_by_a_country(tok)
        if introduced is not None:
            return introduced
        if not before:
            return None
        topic = self._subject_before(tok)
        if topic is None and lemma in self.referred:
            # "... the company said. The company said ...": the noun goes on meaning the body it
            # meant in this paragraph or the one before, unless another body was named since.
            block, at, body = self.referred[lemma]
            if self._index - block <= 1 and all(m.actor == body for m in before if m.start > at):
                topic = body
        # Otherwise the body the article speaks of most: "the agency" of a space story is its
        # space agency, not the building it last named.
        found = topic or self._most_named_before(here) or before[-1].actor
        self.referred[lemma] = (self._index, here, found)
        return found

    def _owned_by_a_country(self, tok: Token) -> str | None:
        """ "France's foreign ministry has condemned ... , the ministry said": a body the text
        described by its country, in this paragraph or the one before, and did not name, speaks
        as so described (the last such before)."""
        lemma = tok.lemma_.lower()
        if lemma not in STATE_OFFICE_NOUNS:
            return None
        found = None
        for index, (_, doc) in enumerate(self.article.docs):
            if index > self._index:
                break
            if index < self._index - 1:
                continue
            for t in doc:
                if index == self._index and t.i >= tok.i:
                    break
                if not (_common_noun(t) and t.lemma_.lower() == lemma and t.tag_ not in _PLURAL):
                    continue
                if t.dep_ == "appos" and t.head.pos_ == "PROPN":
                    # "Acme Shipping, the German company that ...": the body is the name.
                    found = self.actor(t.head) or found
                    continue
                named = t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"
                if not named and any(
                    (c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP"))
                    or (c.dep_ == "amod" and c.ent_type_ == "NORP")
                    for c in t.children
                ):
                    found = _described(t)
        return found

    def _introduced_beside(self, tok: Token) -> str | None:
        """The body whose name the text set right after the noun ("made by the Danish company
        Dorvale Nordic ... the company said"), though the parser did not join them or the
        tagger did not see the name: the last such before."""
        lemma = tok.lemma_.lower()
        found = None
        for block, doc in self.article.docs:
            if block.start > self.block.start:
                break
            for t in doc:
                if block.start == self.block.start and t.i >= tok.i:
                    break
                if not (_common_noun(t) and t.lemma_.lower() == lemma):
                    continue
                name = []
                for nxt in doc[t.i + 1 :]:
                    # The tagger may take a word of the name for an adjective ("Nordic").
                    if nxt.pos_ not in ("PROPN", "ADJ") or not nxt.is_title:
                        break
                    name.append(nxt)
                if not any(n.pos_ == "PROPN" for n in name):
                    continue
                start, end = block.start + name[0].idx, block.start + name[-1].idx + 1
                tagged = self.actors.actors_in(self.article.file, start, end)
                bodies = [a for a in tagged if self.actors.kind(a) == "organization"]
                found = bodies[-1] if bodies else " ".join(n.text for n in name)
        return found

    def _most_named_before(self, here: int) -> str | None:
        """The body whose name the headline and the text before ``here`` hold most often,
        counting the names the tagger missed ("Acme brought its network back ..." in the lead):
        of a tie, the one named last."""
        forms: dict[str, set[str]] = {}
        for m in self.actors.mentions(self.article.file):
            if self.actors.kind(m.actor) == "organization":
                forms.setdefault(m.actor, {m.actor}).add(m.text)
        # The headline names what the article is about, as its lead does.
        text = " ".join(
            [self.article.clean.headline or ""]
            + [b.text[: here - b.start] for b, _ in self.article.docs if b.start < here]
        )
        counts: dict[str, tuple[int, int]] = {}
        for actor, names in forms.items():
            found = [
                f.start()
                for name in names
                if not name.islower()
                for f in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
            ]
            if found:
                counts[actor] = (len(found), max(found))
        return max(counts, key=lambda a: counts[a]) if counts else None

    def _subject_before(self, tok: Token) -> str | None:
        """The body the sentence before in the paragraph is about ("Acme said it had signed
        a deal. The company said ..."): what it spoke of last, before what it spoke of most."""
        sent = tok.sent
        if sent.start == 0:
            return None
        root = tok.doc[sent.start - 1].sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PROPN":
            # "The ship's owner, Harbour Lines, apologised": the name set beside the noun.
            subj = next((c for c in subj.children if c.dep_ == "appos"), None)
        found = self.actor(subj) if subj is not None and subj.pos_ == "PROPN" else None
        if found is None or self.actors.kind(found) != "organization":
            return None
        return found

    def _person_in_role(self, tok: Token) -> str | None:
        """The one person the text named before in the role the noun names ("Dirk Vogel, the
        vault's director, ... the director said"): the role speaks for them. A role told with
        more words ("the vault's director", "the chief executive") is the one the text set
        beside the name in those words."""
        lemma = tok.lemma_.lower()
        words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")}
        here = self.block.start + tok.idx
        found = {
            m.actor
            for m in self.actors.mentions(self.article.file)
            if m.start < here
            and self.actors.kind(m.actor) == "person"
            and (told := self._roles_beside(m).get(lemma)) is not None
            and words <= told
        }
        return found.pop() if len(found) == 1 else None

    def _introduced_as(self, mention: Mention, lemma: str) -> bool:
        """Whether the text set the body's name beside the noun ("her union, Dockers United",
        "Acme, the country's biggest company"): "the company" is then that body, though its
        name does not hold the word."""
        return lemma in self._roles_beside(mention)

    def _roles_beside(self, mention: Mention) -> dict[str, set[str]]:
        """The common nouns the text set beside a name ("Acme, the country's biggest company",
        "vault director Dirk Vogel"), by lemma, each with the words of its phrase."""
        for block, doc in self.article.docs:
            if not block.start <= mention.start < block.end:
                continue
            span = doc.char_span(
                mention.start - block.start, mention.end - block.start, alignment_mode="expand"
            )
            if span is None:
                return {}
            inside = range(span.start, span.end)
            roles: dict[str, set[str]] = {}
            for t in span:
                beside = [c for c in t.children if c.dep_ in ("appos", "compound")]
                if t.dep_ in ("appos", "compound") and t.head.i not in inside:
                    beside.append(t.head)
                for b in beside:
                    if _common_noun(b):
                        words = roles.setdefault(b.lemma_.lower(), set())
                        words |= {w.lower_ for w in b.subtree if w.i not in inside}
            return roles
        return {}

    def person_near(self, tok: Token, exclude: Token) -> str | None:
        """For an interpreter: the person whose words they render (named in the sentence)."""
        sent = tok.sent
        for t in sent:
            if t.lemma_.lower() == "translate" or t.lower_.startswith("translat"):
                for d in t.subtree:
                    name = self.actor(d) if d.i != exclude.i else None
                    if name and self.actors.kind(name) == "person":
                        return name
        for t in sent:
            if t.i in {d.i for d in exclude.subtree}:
                continue
            name = self.actor(t)
            if name and self.actors.kind(name) == "person":
                return name
        return None


_NOT_IN_DESCRIPTION = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})


def _beside_a_deed(span: Span, sents: list[Span]) -> Token | None:
    """The named person (or he, she) whose deed the sentence right before a quoted sentence
    tells, in the same paragraph, when neither that sentence nor the one after quotes anything
    and the one after does not tell of someone else."""
    if len(sents) != 1 or len(span.text) < 0.8 * len(sents[0].text) or not span.text[:1].isupper():
        return None
    doc, sent = span.doc, sents[0]
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    after = doc[sent.end].sent if sent.end < len(doc) else None
    if any(t.is_quote for t in before) or (after is not None and any(t.is_quote for t in after)):
        return None  # a neighbour that quotes says whose words these are, or leaves it unclear
    root = before.root
    who = subject(root)
    if root.pos_ != "VERB" or _speech_verb(root) or who is None:
        return None
    if not _names_someone(who):
        return None
    other = subject(after.root) if after is not None else None
    if other is not None and other.pos_ == "PROPN" and not _one_name(other, who):
        return None  # "... 'No more sinkings.' Ana Silva walked past": whose words?
    return who


def _jointly(verb: Token) -> bool:
    """Words said as one statement: "jointly", "in a joint statement" (not "at a joint news
    conference", where each says their own)."""
    return any(
        c.lower_ == "jointly"
        or (
            c.dep_ == "prep"
            and any(
                o.lemma_.lower() in JOINT_PAPERS and any(g.lower_ == "joint" for g in o.children)
                for o in c.children
            )
        )
        for c in verb.children
    )


def _one_name(a: Token, b: Token) -> bool:
    """Two subjects that share a word of a name ("Tomas Vidal" ... "Vidal", "Tomas")."""
    words = {t.lower_ for t in b.subtree if t.pos_ == "PROPN"}
    return bool({t.lower_ for t in a.subtree if t.pos_ == "PROPN"} & words)


def _names_someone(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.lower_ in PRONOUNS


def _common_noun(tok: Token) -> bool:
    """A common noun, or one the tagger took for a name though it is written small ("the
    transport ministry said")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower)


def _described(tok: Token, *, restrictive: bool = True) -> str:
    """The words that describe an unnamed speaker, without the clauses that tell more about
    them: "a senior official, who spoke on condition of anonymity," is "a senior official".
    ``restrictive``: with the clause that says which one ("a person briefed on the talks")."""
    asides = {
        t.i
        for d in tok.subtree
        if d.dep_ in _NOT_IN_DESCRIPTION
        and d.i != tok.i
        and d.tag_ != "HYPH"  # "a 67-year-old teacher" keeps its hyphens
        # "consulates of Alder, Brill and Cove": a list inside the description is part of it.
        and not (d.dep_ in ("conj", "cc", "punct") and _in_a_phrase_of(d, tok))
        and not (restrictive and _says_which(d, tok))
        for t in d.subtree
    }
    # "Several players, including the striker X, said", "the chief executive, in evidence to
    # the committee, said": who is among them, or the occasion, set off by a comma, is an aside
    # too; whose people they are ("a spokesman, for the fire service,") is not.
    asides |= {
        t.i
        for d in tok.children
        if d.dep_ == "prep"
        and d.lower_ in ("including", "in", "during")
        and d.i > tok.i
        and d.nbor(-1).text == ","
        for t in d.subtree
    }
    toks = [t for t in tok.subtree if t.i not in asides]
    # "the ministry's (reply)": the owner, without the possessive that hung it on its paper.
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "case"):
        toks = toks[:-1]
    text = "".join(
        (t.lower_ if t.dep_ == "det" and t is toks[0] else t.text)
        # Words either side of an aside left out stay apart ("players, including ...").
        + ("" if t is toks[-1] else t.whitespace_ if toks[n + 1].i == t.i + 1 else " ")
        for n, t in enumerate(toks)
    )
    return " ".join(text.split())


def _says_which(clause: Token, noun: Token) -> bool:
    if _how_they_spoke(clause):
        return False  # "who spoke on condition of anonymity": how, not who
    if (
        clause.dep_ == "relcl"
        and clause.head.i == noun.i
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].text != ","
        and clause.left_edge.lower_ in ("who", "whose")
    ):
        return True
    return _says_which_participle(clause, noun)


def _how_they_spoke(clause: Token) -> bool:
    """A clause about how a source spoke to the paper ("reached by phone", "who spoke on
    condition of anonymity", "who asked not to be named"), not about who they are ("who spoke
    at the rally", "who refused to leave his home")."""
    if clause.lemma_.lower() in INTERVIEW_VERBS:
        return True
    # Its own words, not those of a clause joined to it or set inside it ("who follows the
    # region and asked not to be named" is who they are).
    own, stack = [], [clause]
    while stack:
        tok = stack.pop()
        own.append(tok)
        stack += [c for c in tok.children if c.dep_ not in ("relcl", "conj", "advcl", "acl")]
    return any(t.lemma_.lower() in ANONYMITY_WORDS for t in own)


def _says_which_participle(clause: Token, noun: Token) -> bool:
    """ "a person briefed on the talks", "an official involved in the talks": a participle set
    right after the noun, without a comma, says which person speaks; it is their description.
    One that names them ("a man named Rui Costa") gives the name instead."""
    return (
        clause.dep_ == "acl"
        and clause.lemma_.lower() not in ("name", "call", "identify", "know")
        and clause.tag_ in ("VBN", "VBG")
        and clause.head.i == noun.i
        and clause.i == noun.i + 1
    )


def _in_a_phrase_of(word: Token, noun: Token) -> bool:
    """Whether ``word`` sits in a phrase set after ``noun`` ("of Alder, Brill and Cove")."""
    for above in word.ancestors:
        if above.i == noun.i:
            return False
        if above.dep_ == "pobj":
            return True
    return False


def _bare_body_name(tok: Token, written: str) -> bool:
    """ "the Bank", "the Commission": a capitalised noun for a body, alone after "the", that
    the tagger took for a name; it refers back to a body the article named in full."""
    return (
        tok.pos_ == "PROPN"
        and tok.lower_ in BODY_REFERENCE_NOUNS
        and written == tok.text
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in tok.children)
    )


def _capitalised(tok: Token) -> bool:
    """A word of a name: "Vale", and letters such as "UK" or "P&I" (not a label in capitals
    such as "UPDATE")."""
    return tok.is_title or (
        tok.is_upper and tok.pos_ == "PROPN" and any(ch.isalpha() for ch in tok.text)
    )


def _untagged_body(tok: Token) -> str | None:
    """A body's name the tagger did not see as a name ("The Alder County Sheriff's Office
    warned ..."): capitalised words ending in a noun for a body speak as the name says."""
    if tok.lower_ not in BODY_SPEAKER_NOUNS or tok.ent_type_:
        return None
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"]
    if len(words) < 2 or not all(t.is_title or t.dep_ == "case" for t in words):
        return None
    return "".join(t.text + t.whitespace_ for t in words).strip()


def unnamed_speaker_kind(name: str) -> ActorKind:
    """Whether a described speaker is a person ("a senior official") or a body ("the panel")."""
    for word in reversed(name.lower().split()):
        if word in PERSON_SPEAKER_NOUNS or word.rstrip("s") in PERSON_SPEAKER_NOUNS:
            return "person"
        if word in BODY_SPEAKER_NOUNS or word.rstrip("s") in BODY_SPEAKER_NOUNS:
            return "organization"
    return "person"


def _reporting_verb(verb: Token) -> Token | None:
    """The verb of speech whose reported clause holds ``verb`` ("said the men had agreed")."""
    node = verb
    while node.dep_ == "ccomp" and node.head.i != node.i:
        node = node.head
        if _speech_verb(node):
            return node
    return None


_TAG_PARTS = frozenset({"nsubj", "aux", "advmod", "npadvmod", "prep", "punct", "dative"})
_VERBS = ("VERB", "AUX")


def _told_before(verb: Token) -> list[Token]:
    """What an attribution set after or inside its clause reports: "The ferry sails on Friday,
    the agency said." or "Investors, he added, would get no protection." The parser may hang
    such a "X said" on the clause it reports, as an aside or a conjunct; that clause is what X
    said, without the clauses joined after the attribution that are not: the writer's narration
    ("..., Costa said, but prosecutors released them") or other speech (see ``_joined_after``)."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "conj") or head.dep_ != "ROOT" or head.pos_ not in _VERBS:
        return []
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return []
    start = min(verb.i, subj.left_edge.i)  # "..., the agency said" or "..., said the agency"
    if start == 0 or verb.doc[start - 1].text != ",":
        return []
    # What the parser hung on the verb before the attribution ("..., Nov. 16, the agency said")
    # belongs to the clause; the conjuncts after it are judged below.
    parts = [c for c in verb.children if start <= c.i and c.dep_ not in ("cc", "conj")]
    if any(
        c.dep_ not in _TAG_PARTS and not (c.dep_ == "dobj" and verb.lemma_ == "tell") for c in parts
    ):
        return []  # "..., and the union said nothing": a clause of its own, not an attribution
    tag = {verb.i, start - 1} | {t.i for c in parts for t in c.subtree}
    others = {t.i for c in _joined_after(head, verb) for t in c.subtree}
    return [t for t in head.subtree if t.i not in tag | others]


def _joined_after(head: Token, verb: Token) -> list[Token]:
    """Clauses joined after the attribution ``verb`` that are not what its speaker said, with the
    "and"/"but" joining each: one with a verb of speech ("..., he said, and added ...") says
    something else, and one with a subject of its own told in the past ("..., he said, but
    prosecutors released them") is the writer's narration, whatever its verb. One in the
    present or with a modal ("..., she said, and other museums follow the same rule") goes on
    with what was said, as does one sharing the reported clause's subject."""
    joined = [
        c
        for c in (*head.children, *verb.children)
        if c.i > verb.i and c.dep_ == "conj" and (_speech_verb(c) or _narrated(c))
    ]
    links = [
        k
        for c in joined
        for k in c.head.children
        if k.dep_ in ("cc", "punct") and verb.i < k.i < c.left_edge.i
    ]
    return joined + links


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _narrated(clause: Token) -> bool:
    """A clause with a subject of its own whose finite verb is in the simple past: after "X
    said", the tense the writer tells the story in."""
    if not any(c.dep_ in _SUBJECTS for c in clause.children):
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i]
    finite = auxes[0] if auxes else clause
    return finite.tag_ == "VBD"


def _subject_of(verb: Token) -> tuple[Token | None, str]:
    """The speaker token of a speech verb and the cue lemma.

    Participles ("..., saying ...") and infinitives borrow the subject of the verb they hang on;
    "X was quoted as saying" names X as the passive subject of "quote".
    """
    node: Token | None = verb
    cue = verb.lemma_.lower()
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
        # "Agencies quoted a source in the office as saying ...": the one quoted speaks.
        quoted = verb.head.head
        obj = next((c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            return obj, cue
    # "signed ... and visited, walking ... and standing ... to promise '...'": the speaker may be
    # the subject of a verb several participles and conjuncts up.
    for _ in range(6):
        if node is None:
            break
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if node.lemma_.lower() == "quote":
            subjects = [c for c in node.children if c.dep_ == "nsubjpass"] or subjects
        elif not subjects:
            agents = [c for c in node.children if c.dep_ == "agent"]
            subjects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
        if not subjects:
            # "Silva, asked whether ..., said": the parser may hang the speaker on the
            # participle set between them.
            subjects = [
                g
                for c in node.children
                if c.dep_ in ("advcl", "ccomp") and c.tag_ in ("VBN", "VBG", "VBD") and c.i < node.i
                for g in c.children
                # Set off by a comma: "Silva, asked ...", not "As Silva asked ..., he said".
                if g.dep_ == "nsubj" and g.i + 2 == c.i and g.doc[g.i + 1].text == ","
            ]
        if not subjects and _speech_verb(node):
            subjects = _inverted_subjects(node)
        if _speech_verb(node) and (named := _named_in_apposition(node, subjects)) is not None:
            subjects = [named]
        if not subjects and _speech_verb(node) and (opener := _named_opener(node)) is not None:
            subjects = [opener]
        if not subjects and _speech_verb(node):
            subjects = _shared_subject(node) or _named_before_aside(node)
        if not subjects and _speech_verb(node):
            # "..., the 24-year-old said": the parser may hang the age on the verb itself.
            subjects = [
                c for c in node.lefts if (age := age_hung_on_verb(c)) is not None and age[-1] == c
            ]
        if (
            not subjects
            and _speech_verb(node)
            and node.dep_ == "acl"
            and node.tag_ == "VBD"
            and (root := node.sent.root).pos_ in ("NOUN", "PROPN")
            and root.i < node.i
        ):
            # "A senior official called the claims 'nonsense'": the parser may read the verb as
            # describing the noun before it ("an official called X"), and the sentence is left
            # with a noun for its root: that noun is who spoke. A participle so hung ("a man
            # called 'the Captain'") names; it does not speak.
            subjects = [root]
        if not subjects and _speech_verb(node) and node.i > 0:
            # "The 23-year-old told reporters": the parser may take the verb for an adjective
            # of its object, set right after the age.
            before = node.doc[node.i - 1]
            subjects = [before] if age_before_misread_verb(before) is not None else []
        if len(subjects) > 1:
            # "'It is sad, his parents most of all,' said a neighbour": the parser may take a
            # noun inside the quote for a second subject.
            subjects = [s for s in subjects if not _within_quote_marks(s)] or subjects
        if subjects:
            # "Acme's lawyer Tomas Vidal told ...": the parser may give the role and the
            # name as two subjects; the name says who.
            subj = _unlisted(min(subjects, key=lambda c: (c.pos_ != "PROPN", c.i)), node)
            if subj.lower_ in ("who", "that") and node.dep_ == "relcl":
                # "said Ana Silva, the port's chief, who stressed that ...": the relative
                # clause's speaker is whom it describes.
                return _described_by(node), cue
            if subj.lower_ == "who" and (focus := _cleft_focus(node)) is not None:
                return focus, cue  # "It was he who announced ...": the one singled out
            return subj, cue
        if (
            node.dep_ == "prep"
            and node.lower_ in ("of", "for")
            and verb.dep_ == "pcomp"
            and verb.head == node
            and verb.lemma_.lower() in CHARGED_SAYING
            and not any(c.dep_ == "neg" for c in verb.children)
            and (charged := next((c for c in node.head.children if c.dep_ == "dobj"), None))
        ):
            # "Berg accused Costa of saying ...", "criticised Costa for calling ...": the one
            # charged with saying it said it.
            return charged, cue
        if (
            node.dep_ == "dobj"
            and node.lemma_.lower() in MEDIUM_NOUNS
            and node.head.lemma_.lower() in ISSUING_VERBS
        ):
            # "X sent a letter asking the council to ...": the words are the sender's, not
            # those of whoever read or received it.
            node = node.head
            continue
        if (
            node.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl", "ccomp")
            and node.head.i != node.i
        ):
            joined = node.dep_ == "conj"
            node = node.head
            if (
                joined
                and _speech_verb(verb)
                and not _speech_verb(node)
                and node.dep_ == "ccomp"
                and node.head.i != node.i
                and _speech_verb(node.head)
                and (
                    not any(_a_person(c) for c in node.children if c.dep_ == "nsubj")
                    or _after_comma_and(verb)
                )
            ):
                # "X said crews were stranded and warned of a shortage", "X said the House had
                # taken a step, and urged the Senate to ...": the parser may join the second verb
                # of speech to what was said; it is X's all the same. Without the comma, a person
                # reported on goes on ("said his captain had apologised and promised ..."); a
                # body reported on does not ("said the company had broken its promises and
                # warned ...").
                node = node.head
            if (
                node.dep_ == "ccomp"
                and verb.tag_ == "VBG"
                and node.head.i != node.i
                and _speech_verb(node.head)
            ):
                # "Berg said her government would review ties, describing the response as
                # ...": a participle after what was said is the speaker's, not the subject's
                # of the reported clause.
                node = node.head
        else:
            break
    return None, cue


# What someone is charged with saying, in so many words: "accused X of saying / calling /
# describing ...". Other acts ("of telling residents ...", "of announcing 'cosmetic' reforms")
# may carry the accuser's own words.
CHARGED_SAYING = frozenset({"say", "call", "describe", "claim", "label", "brand", "dub", "term"})
_PLURAL = frozenset({"NNS", "NNPS"})
# How the parser may hang a speaker it did not see as the subject: beside another noun, or as
# a subject of its own.
_UNATTACHED = frozenset({"appos", "nsubj", "nsubjpass", "ROOT", "dep"})


def _moved_on_to_someone(doc: Doc, after: int, before: int) -> bool:
    """Whether the text between two tokens has moved on to someone else: a subject other than
    a pronoun ("Valmora Bank, his employer, thanked him. '...,' it said")."""
    return any(
        u.dep_ in ("nsubj", "nsubjpass") and u.pos_ != "PRON" for u in doc[after + 1 : before]
    )


def _within_quote_marks(tok: Token) -> bool:
    """Whether ``tok`` stands between quote marks opened before it in its sentence."""
    marks = [t for t in tok.sent if t.i < tok.i and t.text in ("“", "”", '"')]
    if not marks:
        return False
    last = marks[-1]
    return last.text == "“" or (last.text == '"' and len(marks) % 2 == 1)


def _cleft_focus(clause: Token) -> Token | None:
    """Whom "It was X who ..." singles out: the parser hangs the who-clause on "was" beside X."""
    be = clause.head
    if clause.dep_ not in ("ccomp", "relcl", "advcl") or be.lemma_ != "be":
        return None
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in be.children):
        return None
    return next((c for c in be.children if c.dep_ == "attr" and c.i < clause.i), None)


def _a_person(tok: Token) -> bool:
    """A person, by name, pronoun or a noun for one."""
    return (
        tok.ent_type_ == "PERSON"
        or tok.lower_ in ("he", "she")
        or tok.lemma_.lower() in PERSON_SPEAKER_NOUNS | ROLE_NOUNS
    )


def _after_comma_and(verb: Token) -> bool:
    """ "..., and urged": a verb set off by a comma before its "and"."""
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].dep_ in ("advmod", "neg"):
        i -= 1
    return i > 0 and doc[i].lower_ == "and" and doc[i - 1].text == ","


def _unlisted(subject: Token, verb: Token) -> Token:
    """ "Pressed by the chairman, Senator Ana Silva, Vidal promised ...": names set side by side
    without "and" are no list of speakers, and a name in apposition is closed by a comma; the
    parser may join the one who speaks, just before the verb, to a name in the phrase before
    it."""
    joined = [c for c in subject.children if c.dep_ in ("conj", "appos")]
    if not joined or any(c.dep_ == "cc" for t in (subject, *joined) for c in t.children):
        return subject
    last = joined[-1]
    if last.i + 1 == verb.i and subject.i < last.i and last.ent_type_ in ("PERSON", "ORG"):
        return last
    return subject


# How the parser may hang a name set off by commas that it did not see as the subject.
_HUNG = frozenset({"appos", "npadvmod", "dep"})


def _named_in_apposition(verb: Token, subjects: list[Token]) -> Token | None:
    """ "The chairman of the canal authority, Ana Silva, said ...": a person's name set off by
    commas just before the verb of speech names who holds the role the subject describes. The
    parser may hang the name on the body in the role's phrase ("the authority, Ana Silva") or on
    an opening phrase, and leave the role, or nothing, as the subject."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    name = doc[verb.i - 2]
    if name.ent_type_ != "PERSON" or name.dep_ not in _HUNG or name.head.i >= name.i:
        return None
    ent = next((e for e in verb.sent.ents if e.start <= name.i < e.end), None)
    if ent is None or ent.end != name.i + 1 or doc[ent.start - 1].text != ",":
        return None
    if any(c.dep_ == "ccomp" and c.i < verb.i and name in c.subtree for c in verb.children):
        return None  # "The fire was started by a neighbour, Tom Reed, said police."
    # A subject after the verb that cannot speak is the parser taking what was said for who
    # said it ("Silva said strong winds were ..."); "..., said police" is the speaker.
    if any(s.i > verb.i and _may_speak(s) for s in subjects):
        return None
    subjects = [s for s in subjects if s.i < verb.i]
    if not subjects:
        return name
    # Only a role may be so named, not a named subject, and by a name in its own phrase: not
    # one in a clause about it ("the agency that hired the nurse, Ida Holm, says").
    described = [s for s in subjects if _common_noun(s) and _in_phrase_of(name, s)]
    return name if described and len(subjects) == 1 else None


def _in_phrase_of(word: Token, noun: Token) -> bool:
    """Whether ``word`` hangs on ``noun`` through nouns and prepositions only, no verb."""
    tok = word
    while tok.i != noun.i:
        if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return True


def _named_before_aside(verb: Token) -> list[Token]:
    """ "... an interview in which X, speaking to Y, said ...": the parser may set X beside
    something earlier and leave the verb of speech without a subject; the name just before an
    aside that ends at the verb, set off by commas, is who speaks (the last such: a name inside
    the aside is spoken to)."""
    doc, sent = verb.doc, verb.sent
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []  # "..., saying": a participle's speaker is its clause's subject, found above
    if verb.i - 1 <= sent.start or doc[verb.i - 1].text != ",":
        return []
    name = doc[verb.i - 2]
    if (
        name.ent_type_ == "PERSON"
        and name.dep_ in _UNATTACHED | {"npadvmod"}
        and name.i - 1 > sent.start
        and doc[name.left_edge.i - 1].text == ","
    ):
        # "... after the mayor, Lena Berg, said ...": a name set off by commas right before
        # the verb, which the parser hung elsewhere.
        return [name]
    for p in range(verb.i - 2, sent.start, -1):
        if doc[p].text != "," or not (
            doc[p + 1].tag_ in ("VBG", "VBN") or doc[p + 1].lower_ in ("who", "whose")
        ):
            continue
        name = doc[p - 1]
        # Set beside something or left hanging, not an object ("The council sacked X, who ran
        # the port, ..."), an owner or a preposition's.
        if name.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and name.dep_ in _UNATTACHED:
            return [name]
        return []
    return []


def _shared_subject(verb: Token) -> list[Token]:
    """ "He rejected the sanctions, said the council would not yield and warned ...": the parser
    may take the first of the coordinated verbs for what was said and leave the verb of speech
    without a subject. A verb of speech that reports a clause of its own after it is no
    inverted "..., said X"; the first verb's subject is its subject too."""
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return []
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return []
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ == "VBD"]
    return [
        g
        for c in before
        for g in c.children
        if g.dep_ == "nsubj" and g.i < c.i and g.i == verb.sent.start and _may_speak(g)
    ]


def _named_opener(verb: Token) -> Token | None:
    """ "Ana Silva, whose union is the largest on the docks, said ...": the parser may make
    the name the subject of the relative clause and leave the verb of speech without one; the
    name that opens the sentence, set off by a comma, is who speaks."""
    sent = verb.sent
    doc = verb.doc
    # Or the name that opens what follows a closing quote mark: "'We sail at dawn,' Silva,
    # speaking to reporters on Friday, said." (the last such before the verb; a name inside the
    # quote, "'Lena, we sail at dawn,'", is spoken to, not speaking).
    opening = [
        e
        for e in sent.ents
        if e.start < verb.i
        and (
            _titled_from(doc, sent.start, e)
            or _titled_from(doc, _after_opening_phrase(sent), e)
            # A closing quote mark stands apart from the name after it; an opening one does not.
            or (
                e.start - 1 >= sent.start
                and doc[e.start - 1].is_quote
                and doc[e.start - 1].whitespace_
            )
        )
    ]
    ent = opening[-1] if opening else None
    if ent is None or ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    if ent.end >= verb.i or verb.doc[ent.end].text != ",":
        return None
    return ent.root


def _after_opening_phrase(sent: Span) -> int:
    """Where the text goes on after an opening phrase without a verb, set off by a comma ("In
    his opening speech, Silva, ..., said"); the sentence's start when it has none."""
    first = sent[0]
    if first.pos_ not in ("ADP", "ADV"):
        return sent.start
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") or tok.is_quote:
            return sent.start
        if tok.text == ",":
            return tok.i + 1
    return sent.start


_TITLE_DEPS = frozenset({"compound", "punct", "amod", "nmod"})


def _titled_from(doc: Doc, start: int, ent: Span) -> bool:
    """Whether the name opens the text from ``start`` on, or only its title comes first
    ("Colonel-Major Ana Silva, ...": the model may leave the title out of the name)."""
    if ent.start < start:
        return False
    for k in range(start, ent.start):
        tok = doc[k]
        # Up a chain of title words ("Colonel - Major") to the name they stand before.
        while tok != ent.root and tok.dep_ in _TITLE_DEPS and tok.head.i > tok.i:
            tok = tok.head
        if tok != ent.root:
            return False
    return True


def _issuer(paper: Token) -> Token | None:
    """Who a paper is from: "the agency's memo", "a statement the agency released", "a letter
    from the agency"."""
    for c in paper.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "relcl":
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if c.dep_ == "acl" and c.lemma_.lower() in ISSUING_VERBS:
            # "a statement issued by the agency"
            by = next((a for a in c.children if a.dep_ == "agent"), None)
            obj = next((o for o in by.children if o.dep_ == "pobj"), None) if by else None
            if obj is not None:
                return obj
    return _issued_by(paper)


def _issued_by(paper: Token) -> Token | None:
    """ "a statement the agency released Thursday": the parser may hang "released" elsewhere,
    but a paper followed by a name and a verb of issuing is that name's."""
    doc, i = paper.doc, paper.i + 1
    if i < len(doc) and doc[i].lower_ in ("the", "that"):
        i += 1
    start = i
    while i < len(doc) and doc[i].pos_ == "PROPN":
        i += 1
    if i == start or i >= len(doc) or doc[i].lemma_.lower() not in ISSUING_VERBS:
        return None
    return doc[i - 1]


def _described_by(clause: Token) -> Token:
    """The name a relative clause describes: "Ana Silva, the port's chief, who ..." hangs the
    clause on the role, which is set beside the name."""
    head = clause.head
    if head.dep_ == "appos" and _common_noun(head):
        return head.head
    return head


def _colon_clause(span: Span) -> Span | None:
    """The clause a colon closes just before the quote ("Silva put it simply:", "The sign
    read:"): whatever stands between the sentence's start and the colon, since the parser may
    hang that clause on the quote's own verb."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    return doc[doc[i].sent.start : i]


def _colon_speaker(clause: Span) -> Token | None:
    """Who speaks the words a colon after ``clause`` introduces: the subject of its one verb,
    when it may speak; a thing ("The sign read:") does not."""
    tops = [t for t in clause if not clause.start <= t.head.i < clause.end or t.head.i == t.i]
    if len(tops) == 1 and _only_a_name(clause, tops[0]):
        # "Captain Marta Vidal: 'We deserved this.'": a name set before the words, as a label.
        return tops[0]
    if len(tops) != 1 or tops[0].pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in tops[0].children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    # "The mayor, Ana Silva, put it simply": a name set beside the subject says who it is.
    named = any(c.dep_ == "appos" and _may_speak(c) for c in subj.children)
    if _may_speak(subj) or named:
        return subj
    # "His reply was short:", "The message from Silva was clear:": the words are the owner's.
    owner = _issuer(subj)
    if subj.lemma_.lower() in SPEECH_NOUNS | MEDIUM_NOUNS | ANSWER_NOUNS and owner is not None:
        return owner if _may_speak(owner) else None
    return None


def _only_a_name(clause: Span, head: Token) -> bool:
    """A clause that is a person's full name and nothing else, titles allowed, before words
    quoted to the end of the sentence."""
    words = [t for t in clause if not t.is_punct]
    return (
        head.pos_ == "PROPN"
        and head.ent_type_ == "PERSON"
        and 1 < len(words) <= 5
        and all(t.pos_ == "PROPN" or is_title_token(t) for t in words)
        # The words run to the end of the sentence: "X: 'We deserved this.'", not a title
        # quoted inside a line about X ("X: 'The Valmora Years' is out on Tuesday").
        and _QUOTE_TO_THE_END.search(clause.sent.text.strip()) is not None
    )


_QUOTE_TO_THE_END = re.compile(r"[.!?…,]?[”\"’']\W*$")


def _may_speak(tok: Token) -> bool:
    """A subject that may be a speaker: a pronoun, a name, or a noun for a person or a body."""
    return (
        tok.pos_ in ("PRON", "PROPN")
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or tok.lemma_.lower() in PERSON_SPEAKER_NOUNS | BODY_SPEAKER_NOUNS
    )


def _via_interpreter(verb: Token, subject: Token | None) -> bool:
    if subject is not None and subject.lemma_.lower() in INTERPRETERS:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("through", "via")
        and any(g.lemma_.lower() in INTERPRETERS for g in c.children)
        for c in verb.children
    )


def extract_quotes(article: ArticleDocs, actors: ActorIndex) -> list[Quote]:
    """Direct and reported quotes of one article's body blocks, in text order."""
    quotes: list[Quote] = []
    last_speaker: tuple[str | None, str] | None = None
    described: dict[str, str] = {}
    referred: dict[str, tuple[int, int, str]] = {}
    shorter: dict[str, str] = {}
    for bi, (block, doc) in enumerate(article.docs):
        speakers = _Speakers(article, actors, block, bi, described, referred, shorter)
        block_quotes: list[Quote] = []
        spans = find_quoted(block.text)
        covered: set[int] = set()
        for qs, qe in spans:
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is None or not any(t.is_alpha for t in span):
                continue
            inside = set(range(span.start, span.end))
            covered |= inside
            sents = [s for s in doc.sents if s.start < span.end and s.end > span.start]
            # A quote that closes its sentence is often attributed in the next one.
            after = [s for s in doc.sents if s.start == sents[-1].end and len(s) <= 12]
            governing = _governing_verb(span, inside)
            handed = _handed_to(span, inside, governing)
            verb = governing or _nearby_verb(sents + after, inside, span)
            if verb is not None and (relayed := _relayed_by(verb, span)) is not None:
                verb = relayed
            speaker: str | None = None
            cue = ""
            via = False
            if handed is not None:
                cue, who = handed
                speaker = speakers.sole(who) if who.pos_ == "PRON" else speakers.source(who)
            elif verb is not None:
                subj, cue = _subject_of(verb)
                noun = None if _speech_verb(verb) else _speech_noun(verb)
                cue = noun.lemma_.lower() if noun is not None else cue
                if subj is not None:
                    via = _via_interpreter(verb, subj)
                    speaker = (
                        speakers.person_near(subj, subj)
                        if via and subj.lemma_.lower() in INTERPRETERS
                        else speakers.sole(subj)
                    )
                outer = _reporting_verb(verb) if speaker is None else None
                if outer is not None:
                    # "A statement from the office said the two men had agreed on 'X'": no
                    # one the inner verb names can have said it, so the words are quoted from
                    # whoever reports them.
                    subj, cue = _subject_of(outer)
                    speaker = speakers.sole(subj) if subj is not None else None
            else:
                acc = None
                for s in sents:
                    acc = acc or _according_to(s, inside)
                introducer = _colon_clause(span)
                owner = _owner_of_reply(span, inside)
                if acc is not None:
                    cue, speaker = "according to", speakers.source(acc[1])
                elif owner is not None:
                    # "His reply, 'not a chance', sent the shares down": the words set beside
                    # someone's reply or message are theirs.
                    cue, speaker = owner[0].lemma_.lower(), speakers.sole(owner[1])
                elif introducer is not None:
                    # "Silva put it simply: '...'": a colon hands the words to the clause's
                    # subject; "The sign read: '...'" quotes no one, nor a split quote's rest.
                    if (colon_subject := _colon_speaker(introducer)) is None:
                        continue
                    labelled = colon_subject.head.i >= introducer.end  # "X: '...'"
                    cue = ":" if labelled else colon_subject.head.lemma_.lower()
                    speaker = speakers.sole(colon_subject)
                elif block_quotes and block_quotes[-1].cue:
                    # The second half of a quote split by its attribution.
                    speaker, cue = block_quotes[-1].speaker, block_quotes[-1].cue
                elif (
                    last_speaker is not None and qe - qs >= 0.7 * len(block.text.strip()) and bi > 0
                ):
                    # A paragraph that only continues the previous speaker's quote.
                    speaker, cue = last_speaker
                elif (
                    (beat := _beside_a_deed(span, sents)) is not None
                    and (who := speakers.sole(beat)) is not None
                    and actors.kind(who) == "person"
                ):
                    # '"We lost friends today." Silva wiped her eyes.': a sentence quoted whole
                    # beside what one person did, with no one else speaking, is theirs.
                    speaker, cue = who, beat.head.lemma_.lower()
                else:
                    continue  # quote marks without speech: a title or a scare quote
            if not block.text[qs].isupper() and block.text[qe - 1] == ".":
                qe -= 1  # a partial quote ends the writer's sentence; the full stop is theirs
            quote = Quote(
                file=article.file,
                text=block.text[qs:qe],
                start=block.start + qs,
                end=block.start + qe,
                direct=True,
                speaker=speaker,
                cue=cue,
                via_interpreter=via,
                sentence_start=block.start + sents[0].start_char,
                sentence_end=block.start + sents[-1].end_char,
            )
            block_quotes.append(quote)
        block_quotes += _reported(article, actors, block, doc, covered, speakers)
        block_quotes.sort(key=lambda q: q.start)
        direct = [q for q in block_quotes if q.direct and q.cue]
        if direct:
            last_speaker = (direct[-1].speaker, direct[-1].cue)
        elif block_quotes or not block.text.strip().startswith(tuple(OPENERS)):
            last_speaker = None
        quotes += block_quotes
    blocks = [b for b, _ in article.docs]
    quotes = _not_the_one_spoken_of(quotes, actors.mentions(article.file), actors, blocks)
    return [
        replace(q, speaker_aliases=(shorter[q.speaker],)) if q.speaker in shorter else q
        for q in _papers_speak_for_their_issuers(quotes, blocks)
    ]


# How many paragraphs back the person who spoke last may have spoken.
_SPOKE_LAST_REACH = 2


def _not_the_one_spoken_of(
    quotes: list[Quote], mentions: Sequence[Mention], actors: ActorIndex, blocks: list[Block]
) -> list[Quote]:
    """ "'The company is discussing how Varga can stay,' he said": a speaker the sentence names
    only inside what was said, so that "he" was taken for the person spoken of, is the person
    who spoke last, a paragraph or two before at most (a body's words between do not count).
    Not when the paragraph named them before outside anyone's words ("Her rival, Tomas Brink,
    was more cautious. 'Brink has never lost,' he said")."""
    starts = [b.start for b in blocks]
    out: list[Quote] = []
    for q in quotes:
        told = [m for m in mentions if m.actor == q.speaker]
        named = [m for m in told if m.text.lower() not in PRONOUNS]
        here = bisect_right(starts, q.start) - 1
        paragraph = blocks[here].start if blocks else 0
        said = [(p.start, p.end) for p in out]
        # The person who spoke last, a paragraph or two before at most, past a body's words.
        before = next(
            (
                p.speaker
                for p in reversed(out)
                if p.speaker is not None
                and actors.kind(p.speaker) == "person"
                and here - (bisect_right(starts, p.start) - 1) <= _SPOKE_LAST_REACH
            ),
            None,
        )
        if (
            q.speaker is not None
            and actors.kind(q.speaker) == "person"
            and q.cue
            and before is not None
            and before != q.speaker
            and any(
                m.text.lower() in ("he", "she") and q.sentence_start <= m.start < q.sentence_end
                for m in told
            )
            and any(q.start <= m.start < q.end for m in named)
            and not any(
                paragraph <= m.start < q.sentence_end
                and not q.start <= m.start < q.end
                and not any(a <= m.start < b for a, b in said)
                for m in named
            )
        ):
            q = replace(q, speaker=before)
        out.append(q)
    return out


# "The statement said", "the letter said": a paper the article has said someone issued.
_PAPER_SPEAKERS = frozenset(f"the {noun}" for noun in DOCUMENT_SPEAKER_NOUNS)
# How many paragraphs back the paper's issuer may have been named.
_PAPER_REACH = 2


def _papers_speak_for_their_issuers(quotes: list[Quote], blocks: list[Block]) -> list[Quote]:
    """ "In a statement, the company said ... '...,' the statement said": the words are those of
    whoever the article last said spoke in such a paper, a paragraph or two before; a paper no
    one was said to issue speaks as itself."""
    starts = [b.start for b in blocks]
    out: list[Quote] = []
    for q in quotes:
        if q.speaker is not None and q.speaker.lower() in _PAPER_SPEAKERS:
            noun = q.speaker.split()[-1]
            # Said to speak in it or to have issued it, not only to have spoken of it ("had not
            # read the report", "a letter from the union").
            paper = re.compile(
                rf"\b(?:in|with)\s+(?:an?|its|their|his|her)\s+(?:[\w-]+\s+){{0,3}}{noun}\b"
                rf"|\b(?:issued|released|published|posted|put\s+out|sent|signed)\s+"
                rf"(?:an?\s+|the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){{0,3}}{noun}\b",
                re.I,
            )
            here = bisect_right(starts, q.start) - 1
            for p in reversed(out):
                at = bisect_right(starts, p.sentence_start) - 1
                if here - at > _PAPER_REACH:
                    break
                block = blocks[at]
                sentence = block.text[p.sentence_start - block.start : p.sentence_end - block.start]
                if (
                    p.speaker is not None
                    and p.speaker.lower() not in _PAPER_SPEAKERS
                    and paper.search(sentence)
                ):
                    q = replace(q, speaker=p.speaker)
                    break
        out.append(q)
    return out


def _opens_with_that(verb: Token) -> bool:
    """A clause joined to another and opened by its own "that" ("..., and that talks would
    resume"): a further thing reported by the same verb of speech."""
    return verb.dep_ == "conj" and any(
        c.dep_ == "mark" and c.lower_ == "that" and c.i < verb.i for c in verb.children
    )


def _further_thats(
    verb: Token, comps: list[Token], clause: list[Token], covered: set[int]
) -> list[list[Token]]:
    """The further "and that ..." clauses of a verb of speech, each reported on its own: the
    parser may hang one on the verb itself ("said it held no new taxes, and that staff were
    still writing the text"); and one inside a clause that quotes words ("said the rules were
    'a good start' and that talks would resume") is reported though the quote records the
    rest."""
    ids = {t.i for t in clause}
    heads = [c for c in verb.children if _opens_with_that(c) and c.i not in ids]
    if any(i in covered for i in ids):
        heads += [t for c in comps for t in c.subtree if _opens_with_that(t)]
    found = []
    for head in heads:
        below = {t.i for t in head.subtree}
        nested = {t.i for g in heads if g.i != head.i and g.i in below for t in g.subtree}
        found.append([t for t in head.subtree if t.i not in nested])
    return found


def _speaks_apart(verb: Token, outer: Token) -> bool:
    """A verb of speech with a subject of its own inside what ``outer`` reports: "X said the
    men would go home and Y disclosed that ...", "..., a revolt Y had called treason", "Y told
    staff ..., according to X". Those words are Y's, not X's."""
    return (
        verb.i != outer.i
        and (
            verb.dep_ in ("conj", "relcl") or (verb.dep_ == "ROOT" and outer.lower_ == "according")
        )
        and _speech_verb(verb)
        and any(
            c.dep_ == "nsubj" and c.lower_ not in ("who", "that", "which") for c in verb.children
        )
        # What they said follows: "disclosed that ...", "called it treason"; not "were writing
        # the text".
        and any(c.dep_ in ("ccomp", "oprd") for c in verb.children)
    )


def _without_other_speakers(clause: list[Token], outer: Token) -> list[Token]:
    """What ``outer`` reports, without a clause joined to it or set inside it in which someone
    else speaks, nor the ", and" that joins it."""
    cut: set[int] = set()
    for verb in clause:
        if verb.i in cut or not _speaks_apart(verb, outer):
            continue
        cut |= {t.i for t in verb.subtree}
        i = verb.left_edge.i - 1
        while verb.dep_ == "conj" and i >= 0 and verb.doc[i].dep_ in ("cc", "punct"):
            cut.add(i)
            i -= 1
    return [t for t in clause if t.i not in cut]


def _reported(
    article: ArticleDocs,
    actors: ActorIndex,
    block: Block,
    doc: Doc,
    covered: set[int],
    speakers: _Speakers,
) -> list[Quote]:
    """Indirect quotes: the clause a reporting verb governs, or what a source says it says."""
    found: list[Quote] = []
    for sent in doc.sents:
        for tok in sent:
            clause: list[Token] = []
            clauses: list[list[Token]] = []
            cue = tok.lemma_.lower()
            subj: Token | None = None
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if (
                tok.pos_ == "VERB"
                and cue in OBJECT_REPORTING_VERBS
                and not any(c.dep_ == "ccomp" for c in tok.children)
                and objects
                and (tok.dep_ == "conj" or any(c.dep_ == "nsubj" for c in tok.children))
            ):
                # What was said as a noun phrase. Only a verb with a speaker of its own (or shared
                # with the verb it is coordinated with): "appeared to express" is the writer's
                # inference, "..., further emphasizing the risks" the writer's comment. When quote
                # marks carry the words anywhere under the verb, the quote is enough; a verb
                # coordinated with it ("expressed X and said '...'") says something else.
                own = [c for c in tok.children if c.dep_ not in ("conj", "cc", "punct")]
                if any(t.i in covered for c in own for t in c.subtree):
                    continue
                clause = list(objects[0].subtree)
                for prep in tok.children:  # "stated his pleasure | in seeing him"
                    if (
                        prep.dep_ == "prep"
                        and prep.i == clause[-1].i + 1
                        and not any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree)
                    ):
                        clause += list(prep.subtree)
                subj, cue = _subject_of(tok)
            elif tok.pos_ == "VERB" and cue in REPORTING_VERBS:
                comps = [c for c in tok.children if c.dep_ == "ccomp"]
                if not comps and cue in ("pledge", "vow", "promise", "threaten"):
                    comps = [c for c in tok.children if c.dep_ == "xcomp"]
                # A contrasting clause ("..., while Y did Z") is the reporter's, not the speaker's.
                aside = {
                    d.i
                    for c in comps
                    for a in c.children
                    if a.dep_ == "advcl" and any(m.lower_ in CONTRAST for m in a.children)
                    for d in a.subtree
                }
                clause = [
                    t
                    for c in comps
                    for t in c.subtree
                    if t.i not in aside and (t.dep_ != "mark" or t.head != c)
                ] or _told_before(tok)
                if not clause:
                    continue
                subj, cue = _subject_of(tok)
                clauses = [clause, *_further_thats(tok, comps, clause, covered)]
            elif tok.lower_ == "according":
                acc = _according_to(sent, set())
                if acc is None:
                    continue
                drop = {t.i for t in tok.subtree}
                clause = [t for t in sent if t.i not in drop]
                subj, cue = acc[1], "according to"
            else:
                continue
            for whole in clauses or [clause]:
                clause = _without_other_speakers(whole, tok)
                clause = [t for t in clause if not t.is_punct or t.i != clause[-1].i]
                if len([t for t in clause if t.is_alpha]) < 3 or subj is None:
                    continue
                if any(t.i in covered for t in clause):
                    continue  # quoted words carry the remark: the quote is the record of it
                via = _via_interpreter(tok, subj)
                if via and subj.lemma_.lower() in INTERPRETERS:
                    speaker = speakers.person_near(subj, subj)
                else:
                    speaker = speakers.sole(subj)
                if speaker is None:
                    continue
                first, last = min(clause, key=lambda t: t.i), max(clause, key=lambda t: t.i)
                while first.i < last.i and (first.is_punct or first.lower_ == "that"):
                    first = doc[first.i + 1]
                while last.i > first.i and last.is_punct and last.text not in '”’"':
                    last = doc[last.i - 1]
                start, end = first.idx, last.idx + len(last.text)
                text = block.text[start:end]
                if text.count("“") > text.count("”"):
                    # The clause ends inside a quote the parser hung elsewhere: close it.
                    close = block.text.find("”", end, end + 3)
                    end = close + 1 if close != -1 else end
                found.append(
                    Quote(
                        file=article.file,
                        text=block.text[start:end],
                        start=block.start + start,
                        end=block.start + end,
                        direct=False,
                        speaker=speaker,
                        cue=cue,
                        via_interpreter=via,
                        sentence_start=block.start + sent.start_char,
                        sentence_end=block.start + sent.end_char,
                    )
                )
    return found
