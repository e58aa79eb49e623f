"""Direct and reported speech: who said what, found through the dependency parse.

A quote is a span in quote marks that a speech verb governs or sits next to ("X said", "said X",
"X, ..., said", "..., saying, '...'", "X pledged his 'full support'"), or a paragraph that only
continues the previous speaker's quote. Words in quote marks without any speech nearby (a title,
a scare quote) are not quotes. Reported speech is a clause governed by a speech verb ("X said
that ...", "according to X, ...") and is kept only when its speaker is a known actor.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from stories.nlp.actors import ActorIndex, ArticleDocs
from stories.nlp.lexicon import (
    ACT_WORDS,
    COMPOUND_PREFIXES,
    CONTRAST,
    FUNCTION_WORDS,
    GLAD_WORDS,
    GUEST_WORDS,
    INTERPRETERS,
    MEETING_WORDS,
    NEGATIONS,
    NOT_ACTS,
    OBJECT_REPORTING_VERBS,
    PLACE_TIME_PREPOSITIONS,
    PREPOSITIONS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    WARM_WORDS,
    WELCOME_WORDS,
)
from stories.nlp.types import Block, Quote

OPENERS = {"“": "”", '"': '"', "‘": "’", "'": "'"}
_WORD = re.compile(r"[a-z0-9]+")


def find_quoted(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quote marks.

    Double marks nest single ones. An apostrophe ("Russia’s", "leaders’") is told from a closing
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
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def _speech_noun(tok: Token) -> Token | None:
    """The speech noun a verb takes as its object ("raised a toast"): the verb then speaks."""
    if tok.pos_ != "VERB":
        return None
    return next(
        (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS), None
    )


def _governing_verb(span: Span, inside: set[int]) -> Token | None:
    """The nearest speech verb above the quoted words in the parse ("pledged 'full support'")."""
    for tok in span:
        if tok.head.i in inside and tok.head is not tok:
            continue
        node = tok.head
        steps = 0
        placed = False  # the way up passed "in/at/during ...": where or when, not what was said
        while steps < 8:
            if node.i not in inside and _speech_verb(node):
                return node
            if node.i not in inside and not placed and _speech_noun(node):
                return node
            placed = placed or (node.dep_ == "prep" and node.lower_ in PLACE_TIME_PREPOSITIONS)
            if node.head is node:
                break
            node, steps = node.head, steps + 1
    return None


def _nearby_verb(sents: list[Span], inside: set[int], span: Span) -> Token | None:
    """A speech verb next to the quote in its sentences ("'...,' Putin said.")."""
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if tok.i in inside or not _speech_verb(tok):
                continue
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


class _Speakers:
    """Resolve the token that names a speaker to an actor of the story."""

    def __init__(self, article: ArticleDocs, actors: ActorIndex, block: Block) -> None:
        self.article, self.actors, self.block = article, actors, block

    def actor(self, tok: Token) -> str | None:
        start = self.block.start + tok.idx
        mention = self.actors.mention_at(self.article.file, start, start + len(tok.text))
        if mention is not None:
            return mention.actor
        for child in tok.children:  # "his sister, Kim Yo Jong," / "Kim's spokesman"
            if child.dep_ in ("appos", "compound"):
                found = self.actor(child)
                if found:
                    return found
        return None

    def sole(self, tok: Token) -> str | None:
        """The one actor a subject names; none for "X and Y", whose words nobody can tell
        apart ("Putin and Kim raised a toast to ...")."""
        found = self.actor(tok)
        others = {self.actor(c) for c in tok.children if c.dep_ == "conj"} - {None, found}
        return None if others else found

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


def _subject_of(verb: Token) -> tuple[Token | None, str]:
    """The speaker token of a speech verb and the cue lemma.

    Participles ("..., saying ...") and infinitives borrow the subject of the verb they hang on;
    "X was quoted as saying" names X as the passive subject of "quote".
    """
    node: Token | None = verb
    cue = verb.lemma_.lower()
    for _ in range(4):
        if node is None:
            break
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if node.lemma_.lower() == "quote":
            subjects = [c for c in node.children if c.dep_ == "nsubjpass"] or subjects
        elif not subjects:
            agents = [c for c in node.children if c.dep_ == "agent"]
            subjects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
        if subjects:
            return subjects[0], cue
        if (
            node.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl", "ccomp")
            and node.head is not node
        ):
            node = node.head
        else:
            break
    return None, cue


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
    for bi, (block, doc) in enumerate(article.docs):
        speakers = _Speakers(article, actors, block)
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
            verb = _governing_verb(span, inside) or _nearby_verb(sents + after, inside, span)
            speaker: str | None = None
            cue = ""
            via = False
            if verb is not None:
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
            else:
                acc = None
                for s in sents:
                    acc = acc or _according_to(s, inside)
                if acc is not None:
                    cue, speaker = "according to", speakers.actor(acc[1])
                elif block_quotes and block_quotes[-1].cue:
                    # The second half of a quote split by its attribution.
                    speaker, cue = block_quotes[-1].speaker, block_quotes[-1].cue
                elif (
                    last_speaker is not None and qe - qs >= 0.7 * len(block.text.strip()) and bi > 0
                ):
                    # A paragraph that only continues the previous speaker's quote.
                    speaker, cue = last_speaker
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
    return quotes


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
                if not comps:
                    continue
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
                ]
                subj, cue = _subject_of(tok)
            elif tok.lower_ == "according":
                acc = _according_to(sent, set())
                if acc is None:
                    continue
                drop = {t.i for t in tok.subtree}
                clause = [t for t in sent if t.i not in drop]
                subj, cue = acc[1], "according to"
            else:
                continue
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


# --------------------------------------------------------------------------- variant groups
#
# One remark reaches the reader in several renderings: a translation worded differently ("sacred
# war", "sacred struggle"), a shortened version, a fragment of the longer quote, or the reporter's
# own summary of it. Two quotes are linked as one remark only when the same speaker said them and
# their words (or the words the writer wrapped around one of them) meet; the links are then
# closed transitively. A quote of several sentences is compared sentence by sentence and split
# where other outlets render its sentences as separate remarks. Renderings whose words do not
# meet at all ("I'm so grateful" / "his gratitude") are linked by the speech act they perform,
# only for one speaker at one happening and when no article leaves open which quote is meant.

_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"]?\s+(?=[“‘\"]?[A-Z])")
# What may stand between two quoted fragments of one list: “a”, “b” and “c”.
_LIST_GLUE = re.compile(r"^[\s,;”’\"“‘]*(?:(?:and|or|as well as)[\s”’\"“‘]*)?$")
_CASED = re.compile(r"(?<![.!?] )(?<=\s)[A-Za-z]+")
_SHORT = 3  # content words of a phrase (a fragment) rather than a sentence


_CASED_WORD = re.compile(r"[A-Za-z0-9]+")


def speech_act(text: str) -> str | None:
    """The speech act a quote performs, from its first cue word: "welcome", "thanks",
    "support", "congratulate", "invite", "condolences", "apology", prefixed "not-" when negated
    ("we do not support"), or None.

    The first cue is the head in English main clauses and noun phrases ("I'm so grateful you
    ...", "unwavering support for ..."); later cues tend to sit in what follows ("thank you for
    the warm welcome" thanks, it does not welcome)."""
    return _speech_act(text)[0]


def _speech_act(text: str) -> tuple[str | None, frozenset[str]]:
    """The speech act (``speech_act``) and the names after its cue: whom or what it is aimed
    at ("support for President Putin", not "in Oslo"), as five-letter prefixes so "Russia"
    meets "Russian"."""
    cased = _CASED_WORD.findall(text.replace("’", "'"))
    tokens = [t.lower() for t in cased]

    def guest_after(n: int) -> bool:
        return any(
            t in GUEST_WORDS or (m > 0 and cased[m][0].isupper())
            for m, t in enumerate(tokens[n + 1 : n + 4], n + 1)
        )

    for n, w in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else ""
        if (w, nxt) in NOT_ACTS:
            continue
        act = None
        if w in WELCOME_WORDS:
            if guest_after(n) or (n and tokens[n - 1] in WARM_WORDS):
                act = "welcome"
        elif w in GLAD_WORDS:
            meet = next(
                (m for m in range(n + 1, n + 5) if m < len(tokens) and tokens[m] in MEETING_WORDS),
                None,
            )
            if meet is not None and guest_after(meet):
                act = "welcome"
        else:
            act = next(
                (a for a, cues in ACT_WORDS.items() if w in cues or f"{w}_{nxt}" in cues), None
            )
        if act is None:
            continue
        negated = any(t in NEGATIONS for t in tokens[max(0, n - 3) : n])
        names = frozenset(
            t[:5].lower()
            for m, t in enumerate(cased[n + 1 :], n + 1)
            if t[0].isupper() and t != "I" and tokens[m - 1] not in PLACE_TIME_PREPOSITIONS
        )
        return (f"not-{act}" if negated else act), names
    return None, frozenset()


def _content(text: str) -> list[str]:
    """Content-word stems in order: long enough words cut to seven letters, so inflections meet
    ("imperialist", "imperialism"; "developing", "development")."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if len(w) > 2 and w not in COMPOUND_PREFIXES and w not in STOPWORDS and not w.isdigit():
            out.append(w[:7])
    return out


def _stems(text: str) -> set[str]:
    return set(_content(text))


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


def _key(text: str) -> set[str]:
    """What tells a short phrase apart: its modifiers, not its head noun. Translations of one
    phrase keep the distinctive word and vary the generic one ("sacred war", "sacred fight"),
    while "fight against X" shares only the generic head with "sacred fight"."""
    tokens = _WORD.findall(text.lower().replace("’", "'"))
    cut = next((n for n, w in enumerate(tokens) if w in PREPOSITIONS and n), len(tokens))
    head_part, rest = tokens[:cut], tokens[cut:]
    head_content = _content(" ".join(head_part))
    head = head_content[-1] if head_content else None
    key = set(head_content[:-1]) | set(_content(" ".join(rest)))
    return key or ({head} if head else set())


def _shape(text: str) -> str:
    """Function words kept, content words as slots: "complete and unequivocal backing" and
    "full and unconditional support" are both "W and W W"."""
    return " ".join(
        w if w in FUNCTION_WORDS else "W" for w in _WORD.findall(text.lower().replace("’", "'"))
    )


@dataclasses.dataclass
class _Unit:
    """One sentence of a quote (or the whole quote), with what the comparison needs."""

    quote: int
    piece: int
    start: int  # offsets into the article
    end: int
    text: str
    stems: set[str]
    key: set[str]
    framing: set[str]  # the writer's own words in the quote's sentence
    carrier: bool = False  # reported speech that wraps a quoted fragment
    act: str | None = None  # the speech act it performs (``speech_act``)
    aimed_at: frozenset[str] = frozenset()  # names after the act's cue

    @property
    def short(self) -> bool:
        return len(self.stems) <= _SHORT


class _Weights:
    """Inverse paragraph frequency of stems over the story: words every article repeats (the
    actors' names, "meeting") weigh little, a remark's own words ("sacred") weigh much."""

    def __init__(self, texts: Mapping[str, str] | None, quotes: Sequence[Quote]) -> None:
        paras = [p for t in (texts or {}).values() for p in t.split("\n") if p.strip()]
        if not paras:
            paras = [q.text for q in quotes]
        self.n = len(paras)
        self.df: Counter[str] = Counter(s for p in paras for s in _stems(p))
        # Names (never written in lower case) say who, not what: "Putin", "Korea".
        upper: set[str] = set()
        lower: set[str] = set()
        for p in paras:
            for m in _CASED.finditer(p):
                w = m.group(0)
                (upper if w[0].isupper() else lower).add(w.lower()[:7])
        self.names = frozenset(upper - lower)

    def __call__(self, stems: Iterable[str]) -> float:
        return sum(math.log((self.n + 1) / (self.df.get(s, 0) + 1)) + 0.1 for s in stems)


def _units(quotes: Sequence[Quote], texts: Mapping[str, str] | None) -> list[list[_Unit]]:
    out: list[list[_Unit]] = []
    for qi, q in enumerate(quotes):
        text = (texts or {}).get(q.file)
        framing: set[str] = set()
        if text is not None and q.sentence_end > q.sentence_start:
            sent = text[q.sentence_start : q.sentence_end]
            cut = [(a, b) for a, b in find_quoted(sent)]
            rel = (q.start - q.sentence_start, q.end - q.sentence_start)
            if 0 <= rel[0] <= rel[1] <= len(sent):
                cut.append(rel)
            kept, last = [], 0
            for a, b in sorted(cut):
                kept.append(sent[last:a])
                last = max(last, b)
            kept.append(sent[last:])
            # Around reported speech the writer's words are often more reported speech, which
            # would describe a different remark; only quote marks set the framing apart.
            framing = _stems(" ".join(kept)) if q.direct else set()
        carrier = not q.direct and any(ch in q.text for ch in '“”"')
        pieces: list[tuple[int, int]] = []
        if q.direct:
            last = 0
            for m in _SENTENCE_END.finditer(q.text):
                pieces.append((last, m.start()))
                last = m.end()
            pieces.append((last, len(q.text)))
        else:
            pieces = [(0, len(q.text))]
        units = []
        for n, (a, b) in enumerate(pieces):
            piece = q.text[a:b]
            units.append(
                _Unit(
                    qi,
                    n,
                    q.start + a,
                    q.start + b,
                    piece,
                    _stems(piece),
                    _key(piece),
                    framing,
                    carrier,
                    *_speech_act(piece),
                )
            )
        out.append(units)
    return out


class _Linker:
    def __init__(
        self,
        quotes: Sequence[Quote],
        weights: _Weights,
        texts: Mapping[str, str] | None,
        event_days: Sequence[str | None] | None,
    ) -> None:
        self.quotes, self.w, self.texts, self.event_days = quotes, weights, texts, event_days

    def events_apart(self, a: Quote, b: Quote) -> bool:
        """Said at two different happenings. Events of one day may be one happening that the
        merge left split, so with their days known only different days keep remarks apart."""
        if a.event is None or b.event is None or a.event == b.event:
            return False
        if self.event_days is None:
            return True
        da, db = self.event_days[a.event], self.event_days[b.event]
        return da is not None and db is not None and da != db

    def overlap(self, a: set[str], b: set[str]) -> float:
        """Weighted share of the smaller side's words that the other side has."""
        small = min(self.w(a), self.w(b))
        return self.w(a & b) / small if small else 0.0

    def described(self, words_: set[str], framing: set[str]) -> bool:
        """Whether the writer's words around another quote say the same thing ("Putin offered to
        help them launch satellites" / "asked about helping with satellites, Putin said '...'")."""
        words_ = words_ - self.w.names
        shared = words_ & framing
        return len(shared) >= 2 and self.w(shared) >= 0.6 * self.w(words_)

    def same_remark(self, ua: _Unit, ub: _Unit, whole_b: _Unit | None = None) -> bool:
        a, b = self.quotes[ua.quote], self.quotes[ub.quote]
        if a.speaker is None or a.speaker != b.speaker or self.events_apart(a, b):
            return False
        na, nb = _norm(ua.text), _norm(ub.text)
        if ua.carrier or ub.carrier:
            # Reported speech around a quoted fragment is the remark that fragment comes from.
            outer, inner = (ua, ub) if ua.carrier else (ub, ua)
            return (
                a.file == b.file
                and not inner.carrier
                and outer.start <= inner.start
                and inner.end <= outer.end
            )
        if not na or not nb:
            return False
        if na == nb or (
            min(len(na), len(nb)) >= 4 and (f" {na} " in f" {nb} " or f" {nb} " in f" {na} ")
        ):
            return True  # the same words, or a fragment of the longer quote
        if a.file == b.file:
            # Within one article distinct quotes are distinct remarks, unless they are items of
            # one list the speaker gave: “a” and “b”.
            if a.sentence_start == b.sentence_start and self.texts is not None:
                first, second = sorted((ua, ub), key=lambda u: u.start)
                between = self.texts[a.file][first.end : second.start]
                return len(between) < 12 and bool(_LIST_GLUE.match(between))
            return False
        if ua.act and ub.act and ua.act != ub.act:
            return False  # a welcome and a thank-you: two remarks, however their words meet
        sa, sb = ua.stems, ub.stems
        if ua.short or ub.short:
            short, other = (ua, ub) if len(sa) <= len(sb) else (ub, ua)
            if not short.key:  # only function words: "that's why we are here"
                if (
                    min(len(na.split()), len(nb.split())) >= 4
                    and fuzz.token_set_ratio(na, nb) >= 85
                ):
                    return True
            elif short.key <= other.stems or (other.short and other.key <= short.stems):
                return (
                    True  # the distinctive word(s) of a phrase recur: "sacred war" / "sacred fight"
                )
            elif self._same_shape(ua, ub):
                return True
            return self.described(sa, ub.framing) or self.described(sb, ua.framing)
        if len(sa & sb) >= 2 and self.overlap(sa, sb) >= 0.5:
            return True
        if fuzz.token_set_ratio(na, nb) >= 85 and min(len(sa), len(sb)) >= 2:
            return True
        return self.described(sa, ub.framing) or self.described(sb, ua.framing)

    def same_act(self, ua: _Unit, ub: _Unit) -> bool:
        """One speech act of one speaker, told by two articles of one happening: "I'm very glad
        to see you" / "his pleasure in seeing him". Both quotes must be placed at an event."""
        a, b = self.quotes[ua.quote], self.quotes[ub.quote]
        return (
            ua.act is not None
            and ua.act == ub.act
            and a.file != b.file
            and a.speaker is not None
            and a.speaker == b.speaker
            and a.event is not None
            and b.event is not None
            and not self.events_apart(a, b)
            # support "for Ukraine" and "for Moldova" are two acts, aimed at two parties; a
            # welcome is aimed at the guest, whom one outlet names and the other calls "you"
            and (
                ua.act == "welcome"
                or not (ua.aimed_at and ub.aimed_at and not ua.aimed_at & ub.aimed_at)
            )
        )

    def _same_shape(self, ua: _Unit, ub: _Unit) -> bool:
        """Two renderings of one phrase at one event with the same build ("W and W W")."""
        a, b = self.quotes[ua.quote], self.quotes[ub.quote]
        shape = _shape(ua.text)
        return (
            a.event is not None
            and a.event == b.event
            and shape == _shape(ub.text)
            and shape.count("W") >= 3
            and any(w in FUNCTION_WORDS for w in shape.split())
        )


def _told_apart(
    flat: Sequence[_Unit], quotes: Sequence[Quote], find: Callable[[int], int], i: int, j: int
) -> bool:
    """Whether one article holds different quotes in the two groups: it tells them apart."""
    ri, rj = find(i), find(j)
    in_i = {flat[n].quote for n in range(len(flat)) if find(n) == ri}
    in_j = {flat[n].quote for n in range(len(flat)) if find(n) == rj}
    files_i = {quotes[q].file for q in in_i}
    return any(quotes[q].file in files_i and q not in in_i for q in in_j)


def group_variants(
    quotes: Sequence[Quote],
    texts: Mapping[str, str] | None = None,
    event_days: Sequence[str | None] | None = None,
) -> list[Quote]:
    """The quotes with ``variant_group`` set: quotes of one remark share it, every quote gets one.

    ``texts`` (article text by file) lets the writer's framing and the story's word frequencies
    count; ``event_days`` (a day label per event index) lets same-day events count as one. A quote
    of several sentences comes back split where its sentences belong to different remarks. Ids
    follow first appearance (by file, then offset), so they are deterministic."""
    units = _units(quotes, texts)
    flat = [u for us in units for u in us]
    index = {(u.quote, u.piece): n for n, u in enumerate(flat)}
    parent = list(range(len(flat)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(j)] = find(i)

    linker = _Linker(quotes, _Weights(texts, quotes), texts, event_days)
    wholes = {
        qi: dataclasses.replace(
            us[0],
            piece=-1,
            end=us[-1].end,
            text=quotes[qi].text,
            stems=_stems(quotes[qi].text),
            key=_key(quotes[qi].text),
            act=None,
            aimed_at=frozenset(),
        )
        for qi, us in enumerate(units)
        if len(us) > 1
    }
    for x, ua in enumerate(flat):
        for ub in flat[x + 1 :]:
            if ua.quote != ub.quote and linker.same_remark(ua, ub):
                union(index[(ua.quote, ua.piece)], index[(ub.quote, ub.piece)])
    # A remark told across sentences matches only the whole quote: it binds all its sentences.
    for qi, whole in wholes.items():
        for u in flat:
            if (
                u.quote != qi
                and not any(linker.same_remark(u, p) for p in units[qi])
                and linker.same_remark(u, whole)
            ):
                for p in units[qi]:
                    union(index[(u.quote, u.piece)], index[(qi, p.piece)])

    # Sentences of one quote stay together unless other outlets render them apart.
    for qi, us in enumerate(units):
        if len(us) < 2:
            continue
        ids = [index[(qi, u.piece)] for u in us]
        outside = [
            any(flat[m].quote != qi and find(m) == find(i) for m in range(len(flat))) for i in ids
        ]
        roots = [find(i) for i in ids]
        for n in range(len(ids) - 1):
            if not outside[n] and not outside[n + 1]:
                union(ids[n], ids[n + 1])
        for n in range(1, len(ids) - 1):  # a sentence between two of one remark is part of it
            if not outside[n] and roots[n - 1] == roots[n + 1]:
                union(ids[n - 1], ids[n])

    # Last, renderings of one speech act ("I'm so grateful" / "his gratitude"): after the split,
    # so that a sentence joined only by its act never cuts a quote apart.
    # Only where an article has one quote of the act by the speaker is it clear which is meant.
    acts = Counter(
        (act, file, speaker)
        for act, file, speaker, _ in {
            (u.act, quotes[u.quote].file, quotes[u.quote].speaker, u.quote) for u in flat
        }
    )
    for x, ua in enumerate(flat):
        for ub in flat[x + 1 :]:
            i, j = index[(ua.quote, ua.piece)], index[(ub.quote, ub.piece)]
            if (
                find(i) != find(j)
                and linker.same_act(ua, ub)
                and acts[(ua.act, quotes[ua.quote].file, quotes[ua.quote].speaker)] == 1
                and acts[(ub.act, quotes[ub.quote].file, quotes[ub.quote].speaker)] == 1
                and not _told_apart(flat, quotes, find, i, j)
            ):
                union(i, j)

    pieces: list[Quote] = []
    roots_of: list[int] = []
    for qi, us in enumerate(units):
        q = quotes[qi]
        run: list[_Unit] = []
        for u in us + [None]:  # type: ignore[list-item]
            if run and (u is None or find(index[(qi, u.piece)]) != find(index[(qi, run[0].piece)])):
                a, b = run[0].start - q.start, run[-1].end - q.start
                pieces.append(
                    dataclasses.replace(q, text=q.text[a:b], start=q.start + a, end=q.start + b)
                    if len(run) < len(us)
                    else q
                )
                roots_of.append(find(index[(qi, run[0].piece)]))
                run = []
            if u is not None:
                run.append(u)
    order = sorted(range(len(pieces)), key=lambda i: (pieces[i].file, pieces[i].start))
    ids: dict[int, int] = {}
    for i in order:
        ids.setdefault(roots_of[i], len(ids))
    return [dataclasses.replace(q, variant_group=ids[roots_of[i]]) for i, q in enumerate(pieces)]


def share_events(quotes: Sequence[Quote]) -> list[Quote]:
    """A remark is said once: renderings that no event claims take the event the other
    renderings of their group agree on (one event, or a clear majority of them)."""
    votes: dict[int, Counter[int]] = {}
    for q in quotes:
        if q.variant_group is not None and q.event is not None:
            votes.setdefault(q.variant_group, Counter())[q.event] += 1
    out = []
    for q in quotes:
        ranked = votes.get(q.variant_group, Counter()).most_common(2) if q.event is None else []
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            q = dataclasses.replace(q, event=ranked[0][0])
        out.append(q)
    return out
