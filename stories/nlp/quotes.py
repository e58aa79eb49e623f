"""Direct and reported speech: who said what, found through the dependency parse.

A quote is a span in quote marks that a speech verb governs or sits next to ("X said", "said X",
"X, ..., said", "..., saying, '...'", "X pledged his 'full support'"), or a paragraph that only
continues the previous speaker's quote. Words in quote marks without any speech nearby (a title,
a scare quote) are not quotes. Reported speech is a clause governed by a speech verb ("X said
that ...", "according to X, ...") and is kept only when its speaker is a known actor.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from stories.nlp.actors import ActorIndex, ArticleDocs, words
from stories.nlp.types import Block, Quote

# Verbs that report what someone said, or how they called something. Evaluative verbs ("laud",
# "term", "describe as") carry quoted words of the speaker just as "say" does.
SPEECH_VERBS = words(
    """
    say tell state add note pledge warn emphasize emphasise stress express affirm declare
    announce vow insist claim write ask reply hint indicate welcome confirm outline refer term
    call describe laud praise hail convey acknowledge explain argue assert promise urge predict
    remark comment reiterate quote reveal deny admit agree respond answer tout dub label
    threaten boast lament complain recall mention suggest
    """
)
# Verbs whose complement clause is reported speech ("X warned that ...").
REPORTING_VERBS = words(
    """
    say tell state add note pledge warn emphasize emphasise stress affirm declare announce vow
    insist claim write hint indicate confirm acknowledge explain argue assert promise predict
    reiterate reveal deny admit agree reply respond threaten boast
    """
)
INTERPRETERS = words("interpreter translator")
CONTRAST = words("while whereas although though")
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


def _governing_verb(span: Span, inside: set[int]) -> Token | None:
    """The nearest speech verb above the quoted words in the parse ("pledged 'full support'")."""
    for tok in span:
        if tok.head.i in inside and tok.head is not tok:
            continue
        node = tok.head
        steps = 0
        while steps < 8:
            if node.i not in inside and _speech_verb(node):
                return node
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
                if subj is not None:
                    via = _via_interpreter(verb, subj)
                    speaker = (
                        speakers.person_near(subj, subj)
                        if via and subj.lemma_.lower() in INTERPRETERS
                        else speakers.actor(subj)
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
            if tok.pos_ == "VERB" and cue in REPORTING_VERBS:
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
            if sum(t.i in covered for t in clause) > len(clause) / 2:
                continue  # the direct quote already carries these words
            via = _via_interpreter(tok, subj)
            if via and subj.lemma_.lower() in INTERPRETERS:
                speaker = speakers.person_near(subj, subj)
            else:
                speaker = speakers.actor(subj)
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


# Short prefixes of compounds ("anti-imperialist") that do not change which remark it is.
_PREFIXES = words("anti pro non pre post un")


_STOPWORDS = words(
    """
    that this with from have will would they their there about which what when were been being
    into also very such your than then them these those just only some more most much many
    """
)


def _stems(text: str) -> set[str]:
    """Content-word stems: long enough words cut to seven letters, so inflections meet."""
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if len(w) > 3 and w not in _PREFIXES and w not in _STOPWORDS:
            out.add(w[:7])
    return out


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


def same_remark(a: Quote, b: Quote) -> bool:
    """Whether two quotes are one remark in other words (a fragment, a different rendering)."""
    if a.speaker is None or a.speaker != b.speaker:
        return False
    if a.event is not None and b.event is not None and a.event != b.event:
        return False
    na, nb = _norm(a.text), _norm(b.text)
    sa, sb = _stems(a.text), _stems(b.text)
    if not sa or not sb:
        return na == nb
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if short <= long:
        return True  # a fragment of the longer quote
    if fuzz.token_set_ratio(na, nb) >= 85:
        return True
    # Two short renderings of one phrase keep its distinctive first word ("sacred war",
    # "sacred struggle"): translations differ in the noun more often than the modifier.
    first_a, first_b = _first_stem(a.text), _first_stem(b.text)
    return len(sa) <= 3 and len(sb) <= 3 and first_a is not None and first_a == first_b


def _first_stem(text: str) -> str | None:
    for w in _WORD.findall(text.lower()):
        if len(w) > 3 and w not in _PREFIXES and w not in _STOPWORDS:
            return w[:7]
    return None


def group_variants(quotes: Sequence[Quote]) -> list[Quote]:
    """Copies of the quotes with ``variant_group`` set: every quote gets a group id, and quotes
    of one remark share it. Ids follow first appearance (by file, then offset), so they are
    deterministic. Reported speech joins a group only through its own words."""
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].file, quotes[i].start))
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x, i in enumerate(order):
        for j in order[x + 1 :]:
            if quotes[i].direct and quotes[j].direct and same_remark(quotes[i], quotes[j]):
                parent[find(j)] = find(i)
    ids: dict[int, int] = {}
    for i in order:
        ids.setdefault(find(i), len(ids))
    return [dataclasses.replace(q, variant_group=ids[find(i)]) for i, q in enumerate(quotes)]
