"""Actors of a story: named-entity mentions across its articles grouped into real-world entities.

What is an actor, and why:
- person: spaCy PERSON entities, with titles and possessives normalised away.
- organization: ORG entities. NORP ("Valmoran", "Western") is an adjective of belonging far
  more often than a group that acts, so NORP never becomes an actor; it is used as evidence of a
  person's affiliation ("the Valmoran leader").
- place: GPE, LOC and FAC entities. A capital used for its government ("Port Vessa said") stays the
  city: linking it to the country would need a gazetteer of capitals, which is knowledge the text
  does not carry, and a reader can still follow the city to the same events.

Only body blocks are read. Surname-only references, role nouns ("the Valmoran president") and
third-person singular pronouns are resolved to the person meant, so that ``actors_in`` sees them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from stories.nlp.lexicon import (
    BODY_SPEAKER_NOUNS,
    COMPANY_SUFFIXES,
    DOCUMENT_SPEAKER_NOUNS,
    FACILITY_NOUNS,
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    GENERIC_HEAD_ROLES,
    HEAD_ROLES,
    LOCATIVE_PREPOSITIONS,
    MALE_NOUNS,
    MALE_PRONOUNS,
    MALE_TITLES,
    NAME_FORM_WORDS,
    NOT_PERSON_NAME_WORDS,
    PERSON_NOUNS,
    PERSON_SPEAKER_NOUNS,
    PERSON_TITLES,
    PERSONAL_TITLES,
    PRONOUNS,
    ROLE_ABBREVIATIONS,
    ROLE_NOUNS,
    ROYAL_TITLES,
    SPEECH_VERBS,
    STATE_WORDS,
    STOP_NAMES,
)
from stories.nlp.names import (
    clean_form,
    is_title,
    is_title_token,
    name_key,
    name_tokens,
    near_spelling,
    strip_title,
)
from stories.nlp.types import (
    NO_DECISIONS,
    Actor,
    ActorKind,
    Block,
    CleanArticle,
    Decisions,
    Mention,
)
from stories.nlp.unionfind import UnionFind


@dataclass(frozen=True)
class ArticleDocs:
    file: str
    clean: CleanArticle
    docs: tuple[tuple[Block, Doc], ...]  # body blocks with their spaCy Doc


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

_LABEL_KIND: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


def same_place(a: str, b: str) -> bool:
    """Whether two affiliation words name the same country: "Valmoran" ~ "Valmora".

    Demonyms share a long prefix with their country (valmoran/valmora, chinese/china); requiring all
    but one character of the shorter word keeps "Austrian" apart from "Australia".
    """
    ta, tb = a.lower().split(), b.lower().split()
    if len(ta) != len(tb) or ta[:-1] != tb[:-1]:
        return False
    x, y = ta[-1], tb[-1]
    if x == y:
        return True
    common = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        common += 1
    return common >= 4 and common >= min(len(x), len(y)) - 1


def roles_match(wanted: str, held: str) -> bool:
    if wanted == held:
        return True
    return wanted in GENERIC_HEAD_ROLES and held in HEAD_ROLES


def looks_like_heading(text: str) -> bool:
    """A short line without sentence punctuation: a heading the cleaner may have let through."""
    stripped = text.strip()
    return len(stripped.split()) <= 12 and not re.search(r"[.!?:;\"”’)]$", stripped)


@dataclass
class _Raw:
    """A mention before clustering."""

    file: str
    block: int
    sent: int  # sentence number within the article
    start: int
    end: int
    text: str
    form: str
    kind: ActorKind
    label: str
    subject: bool
    # What the later phases ask of the mention's head token, read while the Doc is at hand so
    # that the story-level phases run over plain data (a stored article needs no Doc).
    verb_of: int = -1  # token index of the verb it is the subject of
    facility: bool = False  # the name of a facility or a landform
    # (affiliation, role) pairs of the person entity it is in; None: it is in no entity.
    introduction: frozenset[tuple[str, str]] | None = None
    role_of: str | None = None  # for role nouns: the resolved canonical name
    cluster: int = -1
    placed: bool = False  # it follows a preposition of place ("in Harbourton", "from Port Vessa")
    main: bool = False  # the subject of its sentence's main clause, not of a clause inside it
    # What the words around a person's name say of their sex, as weighted votes (male, female).
    sex: tuple[int, int] = (0, 0)
    # The age the text gives beside the name: "X, 58,", "the 58-year-old X".
    age: int | None = None


@dataclass(frozen=True)
class _Cue:
    """A role noun ("the Valmoran leader") or a he/she pronoun that may refer to a person."""

    block: int
    sent: int
    at: int  # offset of the role noun or pronoun itself
    start: int
    end: int
    text: str
    role: str | None  # None: a pronoun
    affil: str
    subject_dep: bool  # the pronoun is a clause's subject
    possessive: bool
    clause_head: int
    subject: bool
    verb_of: int
    main: bool = False
    age: int | None = None  # "the 58-year-old": whom the text gave that age


@dataclass(frozen=True)
class ArticleNames:
    """What one article says about names, read from its Docs: the story-level phases of
    ``resolve_actors`` need nothing else, so a stored article's Docs need not be loaded again."""

    file: str
    found: tuple[_Raw, ...]  # entity and titled-surname mentions
    added: tuple[_Raw, ...]  # lone surnames of people the article named in full
    # Index pairs into found + added (ordered by offset): a name, then "(ACRONYM)" after it.
    brackets: tuple[tuple[int, int], ...]
    cues: tuple[_Cue, ...]


class ActorIndex:
    """Canonical actors of a story, and where each article mentions them."""

    def __init__(
        self,
        actors: tuple[Actor, ...],
        mentions: dict[str, tuple[Mention, ...]],
        surface: dict[str, str],
        by_token: dict[str, list[tuple[str, int]]],
        profiles: dict[str, set[tuple[str, str]]],
    ) -> None:
        self.actors = actors
        self._mentions = mentions
        self._surface = surface  # squashed form -> canonical
        self._by_token = by_token  # squashed name part -> [(canonical, mention count)]
        self._profiles = profiles
        self._kind = {a.name: a.kind for a in actors}
        # Each file's mentions come in order of where they start; the longest says how far
        # before a span one may start and still reach into it. The rules ask about spans many
        # thousand times a story, each time about a few of the file's mentions.
        self._starts = {f: [m.start for m in ms] for f, ms in mentions.items()}
        self._longest = {f: max(m.end - m.start for m in ms) for f, ms in mentions.items() if ms}

    def kind(self, name: str) -> ActorKind | None:
        return self._kind.get(name)

    def mentions(self, file: str) -> tuple[Mention, ...]:
        return self._mentions.get(file, ())

    def _around(self, file: str, start: int, end: int) -> tuple[Mention, ...]:
        """The file's mentions, in order, that may overlap [start, end): those starting before
        ``end`` and not so far before ``start`` that even the longest would end before it."""
        starts = self._starts.get(file)
        if not starts:
            return ()
        first = bisect_left(starts, start - self._longest[file])
        return self._mentions[file][first : bisect_left(starts, end, first)]

    def actors_in(self, file: str, start: int, end: int) -> tuple[str, ...]:
        """Canonical names mentioned in [start, end) of the raw text, in order of appearance."""
        names: list[str] = []
        for m in self._around(file, start, end):
            if m.start < end and m.end > start and m.actor not in names:
                names.append(m.actor)
        return tuple(names)

    def mention_at(self, file: str, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end) most, preferring the longest."""
        best: Mention | None = None
        best_overlap = 0
        for m in self._around(file, start, end):
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        return best

    def resolve(self, surface: str) -> str | None:
        """Any surface form (alias, title + name, possessive, role noun) -> canonical name."""
        form = clean_form(surface)
        titles, words = strip_title(form.split())
        key = name_key(" ".join(words))
        if not key:
            return None
        if key in self._surface:
            return self._surface[key]
        if name_key(form) in self._surface:
            return self._surface[name_key(form)]
        if len(words) == 1 and key in self._by_token:
            return max(self._by_token[key], key=lambda c: c[1])[0]
        return self._resolve_role(form)

    def _resolve_role(self, phrase: str) -> str | None:
        """ "the Valmoran leader" -> the one person introduced as a Valmoran head of state."""
        words = [w.lower() for w in phrase.split()]
        roles = [i for i, w in enumerate(words) if w in ROLE_NOUNS]
        if not roles:
            return None
        i = roles[-1]
        role = words[i]
        affil = " ".join(w for w in words[:i] if w not in {"the", "a", "an"})
        found = _role_fits(affil, role, self._profiles)
        return next(iter(found)) if len(found) == 1 else None


class _NameClusters:
    """Clusters of mention forms that refuse to join names an editor said are different."""

    def __init__(self, forbidden: Iterable[tuple[str, str]]) -> None:
        self.sets = UnionFind()
        self.keys: dict[int, set[str]] = {}
        self.forbidden = {frozenset((name_key(a), name_key(b))) for a, b in forbidden}

    def add(self, key: str) -> int:
        cid = self.sets.add()
        self.keys[cid] = {key}
        return cid

    def find(self, cid: int) -> int:
        return self.sets.find(cid)

    def can_join(self, a: int, b: int) -> bool:
        ka, kb = self.keys[self.find(a)], self.keys[self.find(b)]
        return not any(frozenset((x, y)) in self.forbidden for x in ka for y in kb)

    def union(self, a: int, b: int, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and not self.can_join(ra, rb):
            return False
        self.sets.union(ra, rb)
        self.keys[ra] |= self.keys.pop(rb)
        return True


def _ent_mention(
    ent: Span, block: Block, art: ArticleDocs, sent: int, bi: int, *, known: bool = False
) -> _Raw | None:
    """Turn one NER entity into a raw mention, or None when it is noise. ``known``: a part of
    a name the article gave in full, whatever the tagger took the word for."""
    kind = _LABEL_KIND.get(ent.label_)
    if kind is None:
        return None
    tokens = list(ent)
    # NER sometimes swallows a sentence-initial verb ("Translating Varga's") or a possessive.
    while tokens and (
        tokens[0].pos_ in {"VERB", "AUX", "ADP", "PUNCT"}
        or (tokens[0].is_stop and not _acronym(tokens[0]))
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    span = ent.doc[tokens[0].i : tokens[-1].i + 1]
    form = clean_form(span.text)
    words = form.split()
    if kind == "person" and words and words[-1].rstrip(".").lower() in COMPANY_SUFFIXES:
        kind = "organization"  # "Larkspur Inc" tagged as a person is still a company
    if kind != "person" and _introduced_as_person(span):
        # "Ivo Horvat, the ferry line's chief executive," tagged as a body or a place.
        kind = "person"
    if kind == "person":
        titles, words = strip_title(words)
        if _given_name_only(words):
            prev = span.doc[span.start - 1] if span.start > 0 else None
            if titles and titles[-1].lower() in ROYAL_TITLES:
                # A royal goes by title and given name: the title is what tells them apart.
                words = [titles[-1], *words]
            elif prev is not None and prev.text[:1].isupper() and prev.lower_ in ROYAL_TITLES:
                words = [prev.text, *words]  # the tagger left the title out of the name
                span = span.doc[prev.i : span.end]
        form = " ".join(words)
    key = name_key(form)
    if (
        len(key) < 2
        or key in STOP_NAMES
        or not any(ch.isupper() for ch in form)
        or all(t.is_stop and not _acronym(t) for t in span)
        or not any(ch.isalpha() for ch in form)
        or (
            len(key) < 3
            and not form.replace(".", "").isupper()
            and not _short_surname(span, ent.label_)
        )
    ):
        return None
    if kind == "person" and not known and not any(t.pos_ == "PROPN" for t in span):
        return None
    if kind == "organization" and _is_title_modifier(span):
        return None
    if kind == "person" and key in _authors(art.clean.author):
        return None  # the byline's authors write the story; they are not in it
    start = block.start + span[0].idx
    end = block.start + span[-1].idx + len(span[-1].text)
    head = span.root
    found = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    return _Raw(
        art.file,
        bi,
        sent,
        start,
        end,
        span.text,
        form,
        kind,
        ent.label_,
        _is_subject(head),
        verb_of=_verb_of(head),
        facility=_names_a_facility(form, head),
        introduction=frozenset(_introduction(found)) if found is not None else None,
        placed=span.start > 0 and span.doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS,
        main=_is_main_subject(head),
        # Asked of every name: a lone surname NER took for a body may turn out a person's.
        sex=_sex_votes(span),
        age=_age_beside(span) if kind == "person" else None,
    )


def _introduced_as_person(name: Span) -> bool:
    """A name of two or three capitalised words set beside what only a person is: a role
    ("X, the line's chief executive,"), a person's noun ("X, a passenger,") or an age
    ("X, 58,"), or written after a role ("Striker X"). NER takes unfamiliar personal names for
    bodies or places."""
    words = [t for t in name if not t.is_punct]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() and t.is_alpha for t in words):
        return False
    if any(t.text.isupper() or t.lower_ in NOT_PERSON_NAME_WORDS for t in words):
        return False
    titled = words[0].lower_ in PERSON_TITLES
    rest = words[1:] if titled else words
    if (
        titled
        and 2 <= len(rest) <= 3
        and not any(is_title(t.text) or t.lower_ in ROLE_NOUNS for t in rest)
    ):
        return True  # "Striker Marco Bellini": a role before a name of its own
    if len(words) > 3:
        return False
    for child in name.root.children:
        if child.dep_ != "appos" or child.i < name.end:
            continue
        if child.like_num and child.text.isdigit() and 0 < int(child.text) < 120:
            return True  # "X, 58,"
        if child.pos_ == "NOUN" and child.lemma_.lower() in PERSON_NOUNS:
            return True
    return False


def _acronym(tok: Token) -> bool:
    """ "US", "WHO": written like stop words, but in capitals they are names."""
    return len(tok.text) >= 2 and tok.text.isupper() and tok.text.isalpha()


_REGNAL_NUMBER = re.compile(r"^[IVX]+$")


def _given_name_only(words: list[str]) -> bool:
    """One name word, perhaps with a regnal number ("Rui II")."""
    return len(words) == 1 or (len(words) == 2 and bool(_REGNAL_NUMBER.match(words[1])))


def _authors(byline: str | None) -> set[str]:
    """The name keys of a byline's authors: "Lena Berg and Tomas Vidal" is two people."""
    if not byline:
        return set()
    return {name_key(part) for part in re.split(r"\s*(?:,|\band\b|&)\s*", byline) if part}


def _short_surname(span: Span, label: str) -> bool:
    """ "Ho", "Li", "Wu": a two-letter family name the model tags as a person."""
    return (
        label == "PERSON"
        and len(span) == 1
        and span[0].pos_ == "PROPN"
        and span[0].text[:1].isupper()
        and span[0].text[1:].islower()
    )


_CLOCK_TOKEN = re.compile(r"^(?:\d{1,2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?|\d{4}|[ap]\.?m\.?)$", re.I)
# "GMT", "UTC", "AEDT", "EST": a zone's letters, not a body's ("2023 HSA" is a year and a body).
_TIME_ZONE = re.compile(r"^(?:UTC|[A-Z]{1,4}T)$")
_INITIALS_SKIP = frozenset({"and", "of", "the", "for", "&"})


def _entities(doc: Doc) -> Iterable[Span]:
    """The Doc's entities, repaired: a name the model cut at "and" whose acronym follows in
    brackets, or the parse, says so ("Harbour Safety and Customs Authority"), and a time zone
    after a clock ("2100 GMT", "6.30pm AEDT") is no name at all."""
    ents = [_repair(e) for e in doc.ents]
    skip: set[int] = set()
    for k, ent in enumerate(ents):
        if k in skip:
            continue
        if (
            ent.start > 0
            and _TIME_ZONE.match(ent.text)
            and _CLOCK_TOKEN.match(doc[ent.start - 1].text)
        ):
            continue
        joined = _joined_at_and(doc, ent, ents[k + 1] if k + 1 < len(ents) else None)
        if joined is not None:
            skip.add(k + 1)
            ent = joined
        yield ent
    yield from _missed_people(doc, ents)


def _missed_people(doc: Doc, ents: Sequence[Span]) -> list[Span]:
    """Personal names the model did not tag at all, where the text says a person is meant:
    two or three capitalised words set before ", who ..." or beside a role or an age ("Tamer
    Rasul, who heads the delegation, said"). Unfamiliar names are the ones it misses."""
    covered = {i for e in ents for i in range(e.start, e.end)}
    found: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in covered and _name_word(doc[j]):
            j += 1
        if 2 <= j - i <= 3 and (i == 0 or not _name_word(doc[i - 1])):
            span = Span(doc, i, j, label="PERSON")
            # Not a body's name ("Flood Relief Network, who ...") nor a place's ("residents of
            # Upper Dorvale, who ...": "who" is said of the residents).
            bodylike = any(t.lower_ in NOT_PERSON_NAME_WORDS for t in span)
            placed = span.root.dep_ == "pobj"
            if (
                not bodylike
                and not placed
                and (_described_by_who(span) or _introduced_as_person(span))
            ):
                found.append(span)
        i = max(j, i + 1)
    return found


def _name_word(tok: Token) -> bool:
    return (
        tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and tok.text[1:].islower()
    )


def _described_by_who(name: Span) -> bool:
    """ "X, who heads the delegation,": "who" is said of a person only."""
    doc = name.doc
    if name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return False
    who = doc[name.end + 1]
    return (
        who.lower_ in ("who", "whose") and who.head.dep_ == "relcl" and who.head.head == name.root
    )


def _joined_at_and(doc: Doc, ent: Span, following: Span | None) -> Span | None:
    """``ent`` "and" ``following`` as one body's name, which the model took for two: when the
    bracketed acronym after them spells the initials of the whole, or when the parse reads the
    whole as one phrase named by its last word ("the Valmora Ports and Harbours Authority
    said"), not as two names joined ("Valmora and Ostrava said")."""
    if following is None or ent.label_ not in ("ORG", "GPE", "NORP") or following.label_ != "ORG":
        return None
    between = doc[ent.end : following.start]
    if [t.lower_ for t in between if t.lower_ != "the"] != ["and"]:
        return None
    joined = Span(doc, ent.start, following.end, label="ORG")
    return joined if _acronym_after(joined) or _one_phrase(joined) else None


def _acronym_after(name: Span) -> bool:
    doc, end = name.doc, name.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1].text
    words = [t.text for t in name if t.lower_ not in _INITIALS_SKIP]
    return acronym.isupper() and "".join(w[0] for w in words).upper() == acronym


def _one_phrase(name: Span) -> bool:
    """Every word of ``name`` hangs, within it, on its last word, a name word too."""
    head = name[-1]
    if head.pos_ != "PROPN":
        return False
    return all(t.i == head.i or head in t.ancestors for t in name if t.lower_ != "the")


def _repair(ent: Span) -> Span:
    """Fix common NER slips on the names of who acts.

    A name after a personal title ("Chancellor Lena Berg", "Mr. Vidal") is a person even when NER
    says ORG or GPE. A person's name cut short before a hyphenated or capitalised last part
    ("Ana Silva-Reis", "Ana Silva Reis") is extended over it. A name that speaks ("Marko Kovac, head
    of the city police, told ...", "The Harbour Wardens said") is a person or a body, whatever
    else the tagger took it for.
    """
    doc = ent.doc
    label = ent.label_
    if label in _THINGS and _speaks(ent):
        label = "ORG" if label == "FAC" or ent[0].lower_ == "the" else "PERSON"
        ent = Span(doc, ent.start, ent.end, label=label)
    if label in ("ORG", "GPE", "NORP") and ent.start > 0:
        before = doc[ent.start - 1]
        if (
            before.text.lower().rstrip(".") in PERSONAL_TITLES
            and before.text[:1].isupper()
            and all(t.text[:1].isupper() for t in ent)
        ):
            label = "PERSON"
    if label != "PERSON":
        return ent
    end = ent.end
    while end < len(doc):
        tok, prev = doc[end], doc[end - 1]
        attached = not prev.whitespace_ and (tok.text in "-‐" or prev.text in "-‐")
        capital_part = (
            prev.whitespace_
            and tok.text[:1].isupper()
            # "O’Brennan", "D'Alvor": an apostrophe inside a family name is part of it.
            and re.sub(r"(?<=\w)['’](?=\w)", "", tok.text).isalpha()
            and tok.ent_type_ in ("", "PERSON")
            and tok.pos_ not in ("VERB", "AUX")
            and not is_title_token(tok)
            and not tok.is_sent_start
        )
        if not (attached and tok.text.isalpha() or tok.text in "-‐" or capital_part):
            break
        end += 1
    if doc[end - 1].text in "-‐":
        end -= 1
    start = ent.start
    while start > 0 and _given_name_before(doc[start - 1], start, end):
        start -= 1
    return Span(doc, start, end, label="PERSON")


def _given_name_before(tok: Token, start: int, end: int) -> bool:
    """A capitalised word between a title and the name the tagger found, hung on that name:
    "Capt. Aja Vostrik", where the splitter broke the sentence after the title and the tagger
    kept only the surname. Without a title before it, the word may be an office
    ("Administrator Ana Silva")."""
    doc = tok.doc
    before = tok.i - 1
    # "Capt" "." : the title's full stop split off. A full stop opening the text has no word
    # before it (a negative index would read the text's last token).
    if before >= 1 and doc[before].text == "." and not doc[before - 1].whitespace_:
        before -= 1
    return (
        before >= 0
        and is_title_token(doc[before])
        and doc[before].text[:1].isupper()
        and tok.pos_ == "PROPN"
        and tok.dep_ == "compound"
        and start <= tok.head.i < end
        and tok.ent_type_ == ""
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
        and tok.is_alpha
        and not is_title_token(tok)
        and tok.lower_ not in ROLE_NOUNS
    )


# Labels of things, which do not speak: a speaking one is a mislabelled person or body.
_THINGS = frozenset({"WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW"})


def _speaks(ent: Span) -> bool:
    """A capitalised name that is the subject of a verb of speech."""
    return (
        ent.root.dep_ == "nsubj"
        and ent.root.head.lemma_.lower() in SPEECH_VERBS
        and all(t.text[:1].isupper() for t in ent)
    )


def _is_title_modifier(span: Span) -> bool:
    """An ORG that is only part of someone's title: "Defense Minister X", "Navy Admiral X"."""
    doc = span.doc
    i = span.end
    while i < len(doc) and i - span.end < 3 and is_title_token(doc[i]):
        # "Maj" "." : a short title's full stop is part of it.
        i += 2 if i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_ else 1
    return i > span.end and i < len(doc) and doc[i].ent_type_ == "PERSON"


def _names_a_facility(form: str, head: Token) -> bool:
    """A name whose head noun is a facility or a landform: "Alder Cosmodrome", or "Harbourton"
    in "Harbourton station" (the name modifying the noun)."""
    last = form.split()[-1].lower()
    if last in FACILITY_NOUNS:
        return True
    return (
        head.dep_ == "compound"
        and head.head.i > head.i
        and head.head.lemma_.lower() in FACILITY_NOUNS
        and head.head.ent_type_ in ("", "FAC", "GPE", "LOC", "ORG")
    )


def _verb_of(head: Token) -> int:
    """Index of the verb a subject mention is the subject of (through an apposition)."""
    return _apposed(head).head.i


def _apposed(head: Token) -> Token:
    """The noun a name in apposition names, or the name itself. The parser hangs "a spokesman
    for the council, Col. Ilko Barmo," on the council, but it is the spokesman who is named."""
    if head.dep_ != "appos":
        return head
    noun = head.head
    if (
        noun.dep_ == "pobj"
        # A name can be set beside a body's noun only by a misparse; beside "the arrested
        # activist" it is the activist's ("a lawyer for the activist, Dana Kral,").
        and (noun.ent_type_ == "ORG" or noun.lemma_.lower() in BODY_SPEAKER_NOUNS)
        and noun.head.dep_ == "prep"
        and noun.head.head.lemma_.lower() in PERSON_NOUNS
        and noun.i + 1 < head.i  # the name comes after the phrase, set off by a comma
    ):
        return noun.head.head
    return noun


def _is_main_subject(head: Token) -> bool:
    """The subject of the sentence's main verb (or of a verb joined to it): "the minister" in
    "The minister said the mayor should step down", not "the mayor"."""
    if not _is_subject(head):
        return False
    verb = _apposed(head).head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ROOT":
        return True
    # The parser may make something else the root ("Later that night she flew home" hung on
    # "night"): then a verb with no verb above it is the main one all the same, unless a
    # relative word opens its clause ("chaos at the port where Silva said ...").
    relative = any(c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in verb.children)
    return (
        verb.pos_ in ("VERB", "AUX")
        and not relative
        and not any(a.pos_ in ("VERB", "AUX") for a in verb.ancestors)
    )


def _is_subject(head: Token) -> bool:
    if head.dep_ in SUBJECT_DEPS:
        return True
    # "Vidal's sister, Ana Vidal, accompanied him": the apposition names the subject.
    return head.dep_ == "appos" and _apposed(head).dep_ in SUBJECT_DEPS


# A title or a noun beside the name says the person's sex outright; a pronoun after the name
# only most likely, so it counts for less.
_SAID_SEX = 3
_QUOTE_MARKS = frozenset('"“”‘’')
# Nouns for someone a later pronoun may mean instead of the person named before them.
_OTHER_PERSON_NOUNS = ROLE_NOUNS | PERSON_SPEAKER_NOUNS | MALE_NOUNS | FEMALE_NOUNS


def _sex_of_word(word: str, male: frozenset[str], female: frozenset[str]) -> int:
    """0 for a male word, 1 for a female one, -1 for neither."""
    return 0 if word in male else 1 if word in female else -1


def _sex_votes(span: Span) -> tuple[int, int]:
    """(male, female) votes from the words around one mention of a person's name.

    The text alone says a person's sex, never a list of given names: a title ("Mrs Silva",
    "King Rui"), a noun set beside the name ("actress Ana Silva", "his wife, Ana Silva,"), and
    the first he/she/his/her after naming them in the sentence ("Ana Silva said her union ...").
    """
    votes = [0, 0]
    doc = span.doc
    words = [t for t in span] + [
        t for t in doc[max(span.start - 1, 0) : span.start] if t.text[:1].isupper()
    ]
    for t in words:
        sex = _sex_of_word(t.lower_.rstrip("."), MALE_TITLES, FEMALE_TITLES)
        if sex >= 0:
            votes[sex] += _SAID_SEX
    root = span.root
    beside = [
        c
        for c in root.children
        if c.dep_ in ("appos", "compound") and c.i not in range(span.start, span.end)
    ]
    if root.dep_ == "appos":
        beside.append(root.head)
    for t in beside:
        sex = _sex_of_word(t.lemma_.lower(), MALE_NOUNS, FEMALE_NOUNS)
        if sex < 0:
            sex = _sex_of_word(t.lower_, MALE_NOUNS, FEMALE_NOUNS)
        if sex >= 0:
            votes[sex] += _SAID_SEX
    pronoun = _pronoun_after(span, {t.i for t in beside})
    if pronoun is not None:
        votes[_sex_of_word(pronoun.lower_, MALE_PRONOUNS, FEMALE_PRONOUNS)] += 1
    return votes[0], votes[1]


def _pronoun_after(span: Span, beside: set[int]) -> Token | None:
    """The he/she/his/her that follows a subject's name inside its clause with no one else
    between: "Ana Silva said she would ..." An object pronoun ("Ana Silva thanked him") is
    someone else, and so is a pronoun outside the clause ("He said Ana Silva had called him,
    that he had ..."); a quote mark between may hand the words to another speaker ("'Ana
    Silva will win,' he said")."""
    root = span.root
    if not _is_subject(root):
        return None
    verb = root.head.head if root.dep_ == "appos" else root.head
    doc = span.doc
    sent = span.sent
    if any(t.lower_ in PRONOUNS for t in doc[sent.start : span.start]):
        return None  # "He said Ana Silva had called him": the sentence is someone else's
    for tok in doc[span.end : sent.end]:
        if tok.text in _QUOTE_MARKS:
            return None
        if tok.i in beside:
            continue
        if (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON")) or (
            tok.pos_ == "NOUN" and tok.lemma_.lower() in _OTHER_PERSON_NOUNS
        ):
            return None
        if tok.lower_ in PRONOUNS and (
            tok.tag_ == "PRP$" or tok.dep_ in SUBJECT_DEPS or tok.lower_ in ("himself", "herself")
        ):
            return tok if verb.is_ancestor(tok) and not _in_question(tok, verb) else None
    return None


def _in_question(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` sits in a question the clause of ``verb`` asks: "Ana Silva asked what
    his government would do" asks about the one she asked."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        first = node.left_edge
        if node.dep_ in ("ccomp", "advcl", "xcomp") and (
            first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.lower_ in ("whether", "if")
        ):
            return True
        node = node.head
    return False


def _titled_surnames(doc: Doc, covered: set[int]) -> Iterable[Span]:
    """ "Chairman Varga", "Mr. Costa" that NER left untagged: a title word then a proper noun.
    A noun for a body after the title is a body's name ("the General Staff", "the General
    Council"), not a surname."""
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if (
            is_title_token(tok)
            and tok.text[:1].isupper()
            and nxt.tag_ == "NNP"
            and nxt.i not in covered
            and nxt.text[:1].isupper()
            and not is_title_token(nxt)
            and nxt.ent_type_ in ("", "PERSON")
            and nxt.lower_ not in BODY_SPEAKER_NOUNS
        ):
            yield doc[nxt.i : nxt.i + 1]


# Nouns that introduce a body's name beside them: "her union, Dockers United", "the players'
# union DOCKPRO"; a paper's name is not a body's.
_BODY_NOUNS = BODY_SPEAKER_NOUNS - DOCUMENT_SPEAKER_NOUNS


def _named_bodies(doc: Doc, covered: set[int]) -> Iterable[Span]:
    """Names NER left untagged that the text introduces as a body's ("her union, DOCKPRO,",
    "the players' union DOCKPRO said"): the noun beside them says they name an organisation."""
    for tok in doc:
        if tok.i in covered or not _may_name_body(tok):
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # part of a longer name, read from its last word
        beside = [tok.head] if tok.dep_ == "appos" else []
        beside += [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        # The noun in lower case, whatever the tagger called it ("the sailing federation
        # (VSF)" may come out as a proper noun).
        if not any(
            (b.pos_ == "NOUN" or b.text.islower()) and b.lemma_.lower() in _BODY_NOUNS
            for b in beside
        ):
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        if not covered.intersection(range(start, tok.i + 1)):
            yield Span(doc, start, tok.i + 1, label="ORG")


def _may_name_body(tok: Token) -> bool:
    # The tagger may take an unknown acronym for a plural noun ("DOCKPRO" as NNS).
    return _acronym(tok) or (tok.pos_ == "PROPN" and tok.text[:1].isupper())


def _introduction(ent: Span) -> set[tuple[str, str]]:
    """(affiliation, role) pairs from how a person is introduced.

    "Valmoran leader X", "Caldorian President X", "Valmora's Foreign Minister X" put the role and
    the country in front of the name; "X, chairman of Caldoria's committee" in an apposition.
    """
    doc = ent.doc
    pairs: set[tuple[str, str]] = set()
    prefix = doc[ent.root.left_edge.i : ent.start] if ent.root.left_edge.i < ent.start else None
    # Titles NER kept inside the entity count as the prefix too.
    inner_titles, _ = strip_title([t.text for t in ent])
    candidates: list[Span] = []
    if prefix is not None:
        candidates.append(doc[prefix.start : ent.start + len(inner_titles)])
    elif inner_titles:
        candidates.append(doc[ent.start : ent.start + len(inner_titles)])
    for tok in ent:
        for child in tok.children:
            if child.dep_ == "appos" and child.lemma_.lower() in ROLE_NOUNS:
                candidates.append(doc[child.left_edge.i : child.right_edge.i + 1])
    if ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in ROLE_NOUNS:
        head = ent.root.head
        candidates.append(doc[head.left_edge.i : head.i + 1])
    for cand in candidates:
        role = _role_of(cand)
        if role is None:
            continue
        affils = [e.text for e in cand.ents if e.label_ in ("NORP", "GPE", "ORG")] or [""]
        for a in affils:
            pairs.add((clean_form(a).lower(), role))
    return pairs


def _role_of(span: Span) -> str | None:
    role = None
    for tok in span:
        role = _role_word(tok) or role
    return role


def _role_word(tok: Token) -> str | None:
    """The role a noun names, read alike where a person is introduced with it and where it
    stands for them: "the acting prime minister, X" and "the prime minister" are one role."""
    word = tok.text.lower()
    if (full := ROLE_ABBREVIATIONS.get(word.rstrip("."))) is not None and tok.text[:1].isupper():
        return full
    if word not in ROLE_NOUNS and tok.lemma_.lower() not in ROLE_NOUNS:
        return None
    role = word if word in ROLE_NOUNS else tok.lemma_.lower()
    if role == "minister" and tok.i > 0 and tok.doc[tok.i - 1].text.lower() == "prime":
        return "prime_minister"
    return role


def _role_phrase(tok: Token) -> tuple[Span, str, str] | None:
    """A definite singular role noun that stands for a person: "the Valmoran leader".

    Returns (span, affiliation, role). Introductions ("leader Tomas Vidal") are not references.
    """
    if tok.tag_ not in ("NN", "NNP") or tok.lemma_.lower() not in ROLE_NOUNS:
        return None
    if tok.ent_type_ == "PERSON" or (tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON"):
        return None
    if any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in tok.children):
        return None
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_ == "PERSON":
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nmod")]
    if not mods:
        return None
    det = [c for c in mods if c.dep_ == "det"]
    affil_ents = [
        e
        for e in tok.doc.ents
        if e.label_ in ("NORP", "GPE") and e.start >= mods[0].left_edge.i and e.end <= tok.i
    ]
    for child in tok.rights:  # "the leader of Valmora"
        if child.dep_ == "prep" and child.lower_ == "of":
            affil_ents += [
                e
                for e in tok.doc.ents
                if e.label_ in ("GPE", "NORP")
                and e.start > child.i
                and e.end <= child.right_edge.i + 1
            ]
    if det and det[0].lower_ not in ("the", "this") and not affil_ents:
        return None
    if not det and not affil_ents:
        return None
    affil = clean_form(affil_ents[0].text).lower() if affil_ents else ""
    start = min(m.left_edge.i for m in mods)
    return tok.doc[start : tok.i + 1], affil, _role_word(tok) or tok.lemma_.lower()


def extract_actors(
    articles: Sequence[ArticleDocs], decisions: Decisions = NO_DECISIONS
) -> ActorIndex:
    """Find the story's actors across all its articles and resolve every mention to one of them."""
    return resolve_actors([read_names(a) for a in articles], decisions)


def resolve_actors(
    articles: Sequence[ArticleNames], decisions: Decisions = NO_DECISIONS
) -> ActorIndex:
    """The story's actors from what each article says about names (``read_names``).

    The phases, in order: give each name one kind; cluster the names (a full name inside a
    longer one, acronyms, acronyms the text introduces, editors' rulings); send surname-only
    mentions to a full name; choose each cluster's canonical name; resolve role nouns and
    pronouns; index it all for the later passes.
    """
    # The phases settle kinds and clusters on the mentions: work on copies, so that an article's
    # reading can be used again in the next run.
    found = [[_copy(r) for r in a.found] for a in articles]
    added = [[_copy(r) for r in a.added] for a in articles]
    raws = [r for rs in found for r in rs] + [r for rs in added for r in rs]
    _settle_kinds(raws)
    names = _Names(raws, decisions)
    _join_longer_names(names)
    _join_spelling_variants(names)
    _join_abbreviated_names(names)
    _join_shortened_bodies(names)
    _join_initialled_people(names, raws)
    _join_acronyms(names)
    in_order = [f + a for f, a in zip(found, added, strict=True)]
    _join_introduced_acronyms(names, raws, articles, in_order)
    _apply_editors_same(names, decisions)
    by_file: dict[str, list[_Raw]] = defaultdict(list)
    for r in raws:
        by_file[r.file].append(r)
    _attach_surnames(names, raws, by_file, decisions)
    _unintroduced_people(raws)
    canon = _canonical_names(names, raws, decisions)
    profiles = _role_profiles(raws, canon.names)
    sexes = _sexes(raws, canon.names)
    refs = _resolve_references(articles, by_file, profiles, canon.names, sexes)
    return _index(raws, refs, canon, profiles, decisions)


def _copy(r: _Raw) -> _Raw:
    # copy.copy goes through __reduce_ex__: five times slower, for 80,000 mentions a big story.
    clone = object.__new__(_Raw)
    clone.__dict__.update(r.__dict__)
    return clone


def read_names(art: ArticleDocs) -> ArticleNames:
    """NER entities (repaired), titled surnames NER left untagged, lone surnames of people the
    article named in full, acronyms it introduces in brackets, and its role nouns and pronouns.
    Heading-like blocks are skipped."""
    found: list[_Raw] = []
    scanned: list[tuple[ArticleDocs, int, Block, Doc, list[int], set[int]]] = []
    sent_of: dict[int, list[Span]] = {}
    sent_no = 0
    for bi, (block, doc) in enumerate(art.docs):
        sents = list(doc.sents)
        sent_of[bi] = sents
        starts = {s.start: n for n, s in enumerate(sents)}
        if looks_like_heading(block.text):
            sent_no += len(sents)
            continue
        covered: set[int] = set()
        sent_idx = [0] * len(doc)
        n = -1
        for t in doc:
            if t.i in starts:
                n = starts[t.i]
            sent_idx[t.i] = sent_no + max(n, 0)
        for ent in _entities(doc):
            if ent.label_ != "NORP":
                # A surname the model takes for a nationality ("Costa insisted") may still be
                # the surname of someone the article named in full.
                covered.update(range(ent.start, ent.end))
            raw = _ent_mention(ent, block, art, sent_idx[ent.start], bi)
            if raw is not None:
                found.append(raw)
        for span in _named_bodies(doc, covered):
            covered.update(range(span.start, span.end))
            raw = _ent_mention(span, block, art, sent_idx[span.start], bi)
            if raw is not None:
                found.append(raw)
        for span in _titled_surnames(doc, covered):
            raw = _ent_mention(
                Span(doc, span.start, span.end, label="PERSON"),
                block,
                art,
                sent_idx[span.start],
                bi,
            )
            if raw is not None:
                found.append(raw)
        scanned.append((art, bi, block, doc, sent_idx, covered))
        sent_no += len(sents)
    added = _name_parts(found, scanned)
    return ArticleNames(
        art.file,
        tuple(found),
        tuple(added),
        _brackets(art, [*found, *added]),
        tuple(_cues(art, sent_of)),
    )


def _brackets(art: ArticleDocs, raws: list[_Raw]) -> tuple[tuple[int, int], ...]:
    """Neighbouring mentions with nothing but "(" between them and ")" after the second."""
    blocks = [block for block, _ in art.docs]
    order = sorted(range(len(raws)), key=lambda i: raws[i].start)
    pairs: list[tuple[int, int]] = []
    for i, j in zip(order, order[1:], strict=False):
        before, acronym = raws[i], raws[j]
        block = blocks[acronym.block]
        if (
            before.block == acronym.block
            and re.fullmatch(
                r"\s*\(\s*", block.text[before.end - block.start : acronym.start - block.start]
            )
            and block.text[acronym.end - block.start : acronym.end - block.start + 1] == ")"
        ):
            pairs.append((i, j))
    return tuple(pairs)


def _settle_kinds(raws: list[_Raw]) -> None:
    """One kind per name: a name NER once called a person is a person (ORG is its usual mistake
    for unfamiliar personal names); otherwise the majority label wins, and a facility is a place."""
    kind_votes: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for r in raws:
        kind_votes[name_key(r.form)][r.kind] += 1
    facility = {name_key(r.form) for r in raws if r.kind != "person" and r.facility}
    for r in raws:
        votes = kind_votes[name_key(r.form)]
        r.kind = "person" if votes["person"] else votes.most_common(1)[0][0]
        if r.kind != "person" and name_key(r.form) in facility:
            r.kind = "place"


class _Names:
    """Every distinct name of the story (by ``name_key``), each in a cluster the phases join."""

    def __init__(self, raws: list[_Raw], decisions: Decisions) -> None:
        self.clusters = _NameClusters(decisions.different_actors)
        self.cluster_of: dict[str, int] = {}
        for r in raws:
            key = name_key(r.form)
            if key not in self.cluster_of:
                self.cluster_of[key] = self.clusters.add(key)
        self.form_of: dict[str, str] = {name_key(r.form): r.form for r in raws}
        self.kind_of = {name_key(r.form): r.kind for r in raws}
        # People's names of two or more parts, with their parts.
        self.full = [
            k
            for k in self.cluster_of
            if self.kind_of[k] == "person" and len(name_tokens(self.form_of[k])) >= 2
        ]
        self.parts = {k: [name_key(p) for p in name_tokens(self.form_of[k])] for k in self.full}

    def root(self, key: str) -> int:
        return self.clusters.find(self.cluster_of[key])


def _join_longer_names(names: _Names) -> None:
    """Full names that are a part of a longer name of the same person ("Rui Costa" within
    "Rui Almeida Costa") join it when exactly one longer name contains them."""
    for k in names.full:
        supers = [
            o
            for o in names.full
            if o != k
            and len(names.parts[o]) > len(names.parts[k])
            and _is_subsequence(names.parts[k], names.parts[o])
        ]
        if len(supers) == 1:
            names.clusters.union(names.cluster_of[supers[0]], names.cluster_of[k])


def _join_spelling_variants(names: _Names) -> None:
    """Misspellings of one person's name: "Ilka Varga Horvth" is "Ilka Varga Horvath", "Rui Jao
    Costa" is "Rui Joao Costa". Two full names join when they have as many parts, every part
    starts with the same letter and all but one part are the same; the one that differs is a
    near spelling of the other (one or two letters apart in a word of five or more letters, one
    letter in a shorter one) and is not itself a different name the story uses."""
    # The model may tag one spelling a person and another a body ("Ana Sylva" ORG): a name of
    # as many parts as a person's, one of them misspelt, is that person's too.
    others = [
        k
        for k in names.cluster_of
        if names.kind_of[k] == "organization" and 2 <= len(name_tokens(names.form_of[k])) <= 3
    ]
    parts = dict(names.parts)
    parts |= {k: [name_key(p) for p in name_tokens(names.form_of[k])] for k in others}
    people = set(names.full)
    full = sorted([*names.full, *others], key=lambda k: (-len(k), k))
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            if a not in people and b not in people:
                continue
            pa, pb = parts[a], parts[b]
            if len(pa) != len(pb) or names.root(a) == names.root(b):
                continue
            differ = [(x, y) for x, y in zip(pa, pb, strict=True) if x != y]
            if len(differ) != 1:
                continue
            x, y = differ[0]
            if x[:1] != y[:1] or not near_spelling(x, y):
                continue
            if (a not in people or b not in people) and pa[0] != pb[0]:
                continue  # a body's name is a person's only with the same given name
            names.clusters.union(names.cluster_of[a], names.cluster_of[b])


def _join_abbreviated_names(names: _Names) -> None:
    """Places and bodies written short: "N. Valmora" is "North Valmora" (each part the same or its
    initial), and "the Valmoran Federation" is "Valmora" (the name of the state around the name
    of the country)."""
    others = [k for k in names.cluster_of if names.kind_of[k] != "person"]
    parts = {k: name_tokens(names.form_of[k]) for k in others}
    for a in others:
        for b in others:
            if a >= b or names.root(a) == names.root(b):
                continue
            if not _may_be_one(names.kind_of[a], names.kind_of[b]):
                continue
            if _abbreviates(parts[a], parts[b]) or _abbreviates(parts[b], parts[a]):
                names.clusters.union(names.cluster_of[a], names.cluster_of[b])
                continue
            for long, short in ((parts[a], parts[b]), (parts[b], parts[a])):
                core = [w for w in long if w.lower() not in STATE_WORDS]
                if (
                    len(long) > len(core) == 1
                    and len(short) == 1
                    and len(short[0]) >= 4
                    and core[0].lower().startswith(short[0].lower())
                    and len(core[0]) - len(short[0]) <= 2
                ):
                    names.clusters.union(names.cluster_of[a], names.cluster_of[b])


_INITIAL = re.compile(r"[A-Z]\.")


def _join_initialled_people(names: _Names, raws: list[_Raw]) -> None:
    """A person written with an initial for the given name ("N. Varga") is the one person of the
    story of that surname whose given name it begins, when there is just one ("Nina Varga");
    with two ("Nina Varga", "Nils Varga") it may be either and joins neither, nor does a form
    the text introduces as someone of their own ("a man, N. Varga, 34,", "his son, T. Kral,").
    The tagger takes such a form for a body as often as for a person, and either namesake too:
    the initial says it is a person's, and a place that begins so ("San Orlo") is no one."""
    introduced = {name_key(r.form) for r in raws if r.age is not None or r.introduction}
    # Names of two parts or more, by their last part: the only ones an initialled name may be.
    by_surname: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for other, whole in names.form_of.items():
        given = [name_key(p) for p in name_tokens(whole)]
        if len(given) >= 2 and names.kind_of[other] != "place":
            by_surname[given[-1]].append((other, given))
    for key, form in names.form_of.items():
        written = name_tokens(form)
        if len(written) != 2 or not _INITIAL.fullmatch(written[0]) or key in introduced:
            continue
        parts = [name_key(p) for p in written]
        fits = {
            names.root(other)
            for other, given in by_surname[parts[1]]
            if len(given[0]) > 1 and given[0].startswith(parts[0])
        }
        if len(fits) != 1:
            continue
        root = fits.pop()
        if root != names.root(key) and any(
            names.kind_of[k] == "person" for k in names.clusters.keys[root]
        ):
            names.clusters.union(root, names.cluster_of[key])


def _join_shortened_bodies(names: _Names) -> None:
    """A body written short, without the words that say what form it takes ("Acme" for "Acme
    Holdings") or by the last words of its name ("the Assembly" for "National Assembly"), when
    the story has just one longer name that holds those words: "the Bank" of a story that names
    the World Bank and the Bank of Valmora may be either. Only a body's: "Alder" the town is not
    "Alder Group", nor "Brenna" the city "Brenna Province"."""
    bodies = [k for k in names.cluster_of if names.kind_of[k] == "organization"]
    words = {k: [name_key(w) for w in name_tokens(names.form_of[k])] for k in bodies}
    # A story names thousands of bodies: only names that share a word are compared.
    having: dict[str, set[str]] = defaultdict(set)
    for k in bodies:
        for w in words[k]:
            having[w].add(k)
    for short in bodies:
        part = words[short]
        if not part or len(short) < 3:
            continue
        holding = [
            k for k in having[part[0]] if len(words[k]) > len(part) and _holds_run(words[k], part)
        ]
        if len({names.root(k) for k in holding}) != 1:
            continue
        longer = holding[0]
        opens = words[longer][: len(part)] == part and all(
            w in NAME_FORM_WORDS for w in words[longer][len(part) :]
        )
        if (opens or words[longer][-len(part) :] == part) and names.root(longer) != names.root(
            short
        ):
            names.clusters.union(names.root(longer), names.cluster_of[short])


def _holds_run(long: list[str], part: list[str]) -> bool:
    """Whether ``part`` stands in ``long`` as a run of its words."""
    n = len(part)
    return any(long[i : i + n] == part for i in range(len(long) - n + 1))


def _may_be_one(a: ActorKind, b: ActorKind) -> bool:
    """Kinds two forms of one name may carry: the model tags a country's short form or an
    acronym a body as often as a place ("UAE", "S. Korea"), never a person either."""
    return a == b or "person" not in (a, b)


def _abbreviates(short: list[str], long: list[str]) -> bool:
    """ "N. Valmora" for "North Valmora": as many parts, at least one an initial with a full stop,
    the others the same."""
    if len(short) != len(long) or len(short) < 2:
        return False
    initials = 0
    for s, w in zip(short, long, strict=True):
        if s.lower() == w.lower():
            continue
        if s.endswith(".") and len(s) <= 3 and w.lower().startswith(s[:-1].lower()):
            initials += 1
            continue
        return False
    return initials > 0


def _join_acronyms(names: _Names) -> None:
    """Acronyms of organisations and places: "UN" is "United Nations", "U.S." is "United
    States"."""
    for k, cid in names.cluster_of.items():
        form = names.form_of[k]
        if names.kind_of[k] == "person" or not form.replace(".", "").isupper():
            continue
        for other, ocid in names.cluster_of.items():
            oform = names.form_of[other]
            parts = [w for w in name_tokens(oform) if w[:1].isupper()]
            if (
                _may_be_one(names.kind_of[other], names.kind_of[k])
                and len(parts) >= 2
                and "".join(w[0] for w in parts).lower() == k
            ):
                names.clusters.union(ocid, cid)


def _join_introduced_acronyms(
    names: _Names,
    raws: list[_Raw],
    articles: Sequence[ArticleNames],
    in_order: list[list[_Raw]],
) -> None:
    """An acronym the text itself introduces: "the Harbour Safety Authority of Valmora (HSA)",
    "Acme Holdings (ACME)". The brackets say it, so initials and labels need not agree."""
    for n in sorted(range(len(articles)), key=lambda n: articles[n].file):
        mentions = in_order[n]
        for i, j in articles[n].brackets:
            before, acronym = mentions[i], mentions[j]
            if before.kind == "person" or not acronym.form.replace(".", "").isupper():
                continue
            names.clusters.union(
                names.cluster_of[name_key(before.form)], names.cluster_of[name_key(acronym.form)]
            )
            names.kind_of[name_key(acronym.form)] = names.kind_of[name_key(before.form)]
            for r in raws:
                if name_key(r.form) == name_key(acronym.form):
                    r.kind = before.kind


def _apply_editors_same(names: _Names, decisions: Decisions) -> None:
    """Editors' same-actor decisions are facts: merge even against the rules above."""
    for alias, canonical in decisions.same_actor:
        a, c = names.cluster_of.get(name_key(alias)), names.cluster_of.get(name_key(canonical))
        if a is not None and c is not None:
            names.clusters.union(c, a, force=True)


def _attach_surnames(
    names: _Names, raws: list[_Raw], by_file: dict[str, list[_Raw]], decisions: Decisions
) -> None:
    """Every mention takes its name's cluster; a surname-only person reference goes to a
    full-name person of that article (else of the story) whose name has that part."""
    full_counts_article: dict[tuple[str, int], int] = Counter()
    full_counts_story: dict[int, int] = Counter()
    for r in raws:
        if r.kind == "person" and len(name_tokens(r.form)) >= 2:
            root = names.root(name_key(r.form))
            full_counts_article[(r.file, root)] += 1
            full_counts_story[root] += 1
    edited = {name_key(pair[0]) for pair in decisions.same_actor}
    sex_of = _full_name_sexes(names, raws)
    # What an article's words say of the sex of whoever its lone surname means: "Kovac said
    # he ..." in one place tells of every "Kovac" of that article.
    surname_sex: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in raws:
        if r.kind == "person" and len(name_tokens(r.form)) == 1:
            tally = surname_sex[(r.file, name_key(r.form))]
            tally[0] += r.sex[0]
            tally[1] += r.sex[1]
    # The full names a surname may stand for depend on the surname alone: found once for each.
    fitting: dict[str, set[int]] = {}
    for r in raws:
        key = name_key(r.form)
        r.cluster = names.root(key)
        if r.kind != "person" or len(name_tokens(r.form)) != 1:
            continue
        if key in edited:
            continue  # an editor already said who this is
        if key not in fitting:
            fitting[key] = _surname_of(names, key)
        male, female = surname_sex[(r.file, key)]
        told = "m" if male > female else "f" if female > male else None
        # "Kovac said he ...": not the first lady of that name, though she is the one the
        # article names in full.
        candidates = {c for c in fitting[key] if told is None or sex_of.get(c) in (None, told)}
        listed = _listed_beside(r, by_file[r.file], names)
        candidates = candidates - listed
        if not candidates:
            continue
        in_article = sorted((full_counts_article[(r.file, c)] for c in candidates), reverse=True)
        if len(in_article) > 1 and 0 < in_article[0] < _DOMINANT * in_article[1]:
            # Two people of that name in the article, neither named far more often ("Ilko Yapa
            # Varga" and "Ilko Barmo"): the lone name may mean either, and joins neither, unless
            # only one of them has been named yet where it stands.
            named = [c for c in candidates if _last_seen(by_file[r.file], r, c) >= 0]
            if (
                len(named) != 1
                # "Kral, 24, said": introduced as someone of their own, or told of as a woman
                # where the one named so far is not known to be one.
                or r.age is not None
                or r.introduction
                or (told is not None and sex_of.get(named[0]) != told)
            ):
                continue
            r.cluster = named[0]
            continue
        best = max(
            candidates,
            key=lambda c: (
                full_counts_article[(r.file, c)],
                full_counts_story[c],
                _last_seen(by_file[r.file], r, c),
            ),
        )
        r.cluster = best


# How many times more often the article must name one of two people sharing a name before a
# lone use of that name is theirs ("Varga" is Lena Varga in a text that names Ana Varga once).
_DOMINANT = 2


def _listed_beside(r: _Raw, article: list[_Raw], names: _Names) -> set[int]:
    """The people named in full right beside a lone surname, as in a list ("Varga, Lena Varga
    and two ministers met the ships"): the surname is someone else, the list's other member."""
    found: set[int] = set()
    for other in article:
        if other.block != r.block or other.kind != "person" or len(name_tokens(other.form)) < 2:
            continue
        gap = other.start - r.end if r.start < other.start else r.start - other.end
        if 0 <= gap <= _LIST_GAP:
            found.add(names.root(name_key(other.form)))
    return found


# Characters between two names of one list: ", " or " and ".
_LIST_GAP = 6


def _full_name_sexes(names: _Names, raws: list[_Raw]) -> dict[int, str]:
    """The sex the story's words give each person named in full, where they agree."""
    votes: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for r in raws:
        if r.kind == "person" and len(name_tokens(r.form)) >= 2 and r.sex != (0, 0):
            tally = votes[names.root(name_key(r.form))]
            tally[0] += r.sex[0]
            tally[1] += r.sex[1]
    return {c: sex for c, (male, female) in votes.items() if (sex := _agreed_sex(male, female))}


def _agreed_sex(male: int, female: int) -> str | None:
    """ "m" or "f" where the votes agree well enough: one mention may be a slip of the parse."""
    if male > 2 * female:
        return "m"
    if female > 2 * male:
        return "f"
    return None


def _surname_of(names: _Names, key: str) -> set[int]:
    """The clusters of full names that ``key`` (one name part) may stand for."""
    uf = names.clusters
    candidates = {names.root(k) for k in names.full if key in names.parts[k]}
    if not candidates and len(key) >= 5:
        # "Horvth" for "Horvath": a misspelt surname of a single full name.
        near = {names.root(k) for k in names.full if near_spelling(key, names.parts[k][-1])}
        candidates = near if len(near) == 1 else set()
    return {
        c
        for c in candidates
        if uf.can_join(c, names.cluster_of[key]) and not _forbidden_name(key, c, uf)
    }


@dataclass
class _Canon:
    """Each cluster's canonical name, the forms written for it and its kinds."""

    names: dict[int, str]
    forms: dict[int, Counter[str]]
    first: dict[int, dict[str, int]]  # cluster -> form -> index of its first mention
    kinds: dict[int, Counter[ActorKind]]


def _unintroduced_people(raws: list[_Raw]) -> None:
    """A "person" the story never names in full nor introduces with a role is not one.

    News introduces people by name and surname ("Ana Silva", then "Silva"); a single word the
    model tags as a person everywhere and that no full name took in ("Acme", "Harbourton",
    "Alder") is a company or a place: a place where it mostly follows "in", "from", "near".
    """
    clusters: dict[int, list[_Raw]] = defaultdict(list)
    for r in raws:
        clusters[r.cluster].append(r)
    for members in clusters.values():
        if any(
            r.kind != "person" or len(name_tokens(r.form)) > 1 or r.introduction for r in members
        ):
            continue
        place = 2 * sum(r.placed for r in members) >= len(members)
        for r in members:
            r.kind, r.label = ("place", "GPE") if place else ("organization", "ORG")


def _canonical_names(names: _Names, raws: list[_Raw], decisions: Decisions) -> _Canon:
    """The fullest form (most name parts), then the most frequent, then the first; the name an
    editor gave when they ruled two names one."""
    forms: dict[int, Counter[str]] = defaultdict(Counter)
    first: dict[int, dict[str, int]] = defaultdict(dict)
    kinds: dict[int, Counter[ActorKind]] = defaultdict(Counter)
    for n, r in enumerate(raws):
        forms[r.cluster][r.form] += 1
        first[r.cluster].setdefault(r.form, n)
        kinds[r.cluster][r.kind] += 1
    forced = {
        names.root(name_key(c)): c
        for _, c in decisions.same_actor
        if name_key(c) in names.cluster_of
    }
    canon: dict[int, str] = {}
    for cid, counter in forms.items():
        canon[cid] = forced.get(cid) or max(
            counter,
            # "N. Varga" is a shorter way of writing "Nina Varga", never the fuller one.
            key=lambda f: (
                len(name_tokens(f)),
                not _INITIAL.fullmatch(name_tokens(f)[0]),
                counter[f],
                -first[cid][f],
            ),
        )
    return _Canon(canon, forms, first, kinds)


def _role_profiles(raws: list[_Raw], canon: dict[int, str]) -> dict[str, set[tuple[str, str]]]:
    """What each person was introduced as: (affiliation, role) pairs by canonical name."""
    profiles: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in raws:
        if r.kind == "person" and r.introduction is not None:
            profiles[canon[r.cluster]] |= r.introduction
    return profiles


def _sexes(raws: list[_Raw], canon: dict[int, str]) -> dict[str, str]:
    """Each person's sex ("m" or "f") where the story's words about them agree: what one
    mention says may be a slip of the parse, what most say is the person."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in raws:
        # A lone surname NER took for a body counts too: the cluster may be a person's.
        if r.sex != (0, 0):
            tally = votes[canon[r.cluster]]
            tally[0] += r.sex[0]
            tally[1] += r.sex[1]
    return {n: sex for n, (male, female) in votes.items() if (sex := _agreed_sex(male, female))}


def _resolve_references(
    articles: Sequence[ArticleNames],
    by_file: dict[str, list[_Raw]],
    profiles: dict[str, set[tuple[str, str]]],
    canon: dict[int, str],
    sexes: dict[str, str],
) -> list[_Raw]:
    """Role-noun ("the Valmoran leader") and pronoun references, article by article."""
    canon_cluster = {name: cid for cid, name in canon.items()}
    fits = _RoleFits(profiles)
    refs: list[_Raw] = []
    for art in articles:
        person_chain = sorted(
            (r for r in by_file.get(art.file, ()) if r.kind == "person"), key=lambda r: r.start
        )
        refs.extend(_references(art, person_chain, fits, canon, canon_cluster, sexes))
    return refs


def _index(
    raws: list[_Raw],
    refs: list[_Raw],
    canon: _Canon,
    profiles: dict[str, set[tuple[str, str]]],
    decisions: Decisions,
) -> ActorIndex:
    """The actors in order of first mention, every mention by file, and the lookups by name."""
    forms, first, kinds = canon.forms, canon.first, canon.kinds
    actors = tuple(
        Actor(
            name=canon.names[cid],
            kind=kinds[cid].most_common(1)[0][0] if not kinds[cid]["person"] else "person",
            aliases=tuple(sorted(f for f in forms[cid] if f != canon.names[cid])),
        )
        for cid in sorted(forms, key=lambda c: first[c][next(iter(forms[c]))])
    )
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for r in raws + refs:
        name = r.role_of or canon.names[r.cluster]
        mentions[r.file].append(Mention(name, r.text, r.start, r.end))
    surface: dict[str, str] = {}
    by_token: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for cid, counter in forms.items():
        for f in counter:
            surface.setdefault(name_key(f), canon.names[cid])
        if kinds[cid]["person"]:
            for part in name_tokens(canon.names[cid]):
                by_token[name_key(part)].append((canon.names[cid], sum(counter.values())))
    for alias, canonical in decisions.same_actor:
        surface[name_key(alias)] = canonical
    return ActorIndex(
        actors,
        {f: tuple(sorted(ms, key=lambda m: (m.start, -m.end))) for f, ms in mentions.items()},
        surface,
        dict(by_token),
        dict(profiles),
    )


def _name_parts(
    raws: list[_Raw], scanned: list[tuple[ArticleDocs, int, Block, Doc, list[int], set[int]]]
) -> list[_Raw]:
    """Surnames NER missed or mislabelled, once the article has named the person in full.

    NER often tags a lone unfamiliar surname as a place or organisation ("Kovac warned") or not
    at all. Within an article that named "Marko Kovac", the lone "Kovac" is that person.
    """
    parts: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        if r.kind == "person" and len(name_tokens(r.form)) >= 2:
            parts[r.file] |= {name_key(p) for p in name_tokens(r.form) if len(p) >= 3}
    for r in raws:
        if (
            r.kind != "person"
            and len(name_tokens(r.form)) == 1
            and name_key(r.form) in parts[r.file]
        ):
            r.kind, r.label = "person", "PERSON"
    added: list[_Raw] = []
    for art, bi, block, doc, sent_idx, covered in scanned:
        for tok in doc:
            if (
                tok.i not in covered
                and _may_be_name(tok)
                and tok.text[:1].isupper()
                and name_key(tok.text) in parts[art.file]
            ):
                raw = _ent_mention(
                    Span(doc, tok.i, tok.i + 1, label="PERSON"),
                    block,
                    art,
                    sent_idx[tok.i],
                    bi,
                    known=True,
                )
                if raw is not None:
                    added.append(raw)
    return added


def _may_be_name(tok: Token) -> bool:
    """A proper noun, or a word the tagger took for a common noun: an unfamiliar surname opening
    a sentence often is one ("Kovac first dismissed the complaint")."""
    return tok.pos_ in ("PROPN", "NOUN")


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(part in it for part in short)


def _forbidden_name(key: str, cid: int, uf: _NameClusters) -> bool:
    return any(frozenset((key, k)) in uf.forbidden for k in uf.keys[uf.find(cid)])


def _last_seen(raws: list[_Raw], r: _Raw, cid: int) -> int:
    """Offset of the cluster's latest full-name mention before ``r`` among ``raws``, the
    mentions of r's article (-1: none)."""
    return max(
        (
            o.start
            for o in raws
            if o.start < r.start and o.cluster == cid and len(name_tokens(o.form)) >= 2
        ),
        default=-1,
    )


def _cues(art: ArticleDocs, sent_of: dict[int, list[Span]]) -> Iterable[_Cue]:
    """The article's role nouns and he/she pronouns, with what resolving them asks of the parse."""
    sent_no = 0
    for bi, (block, doc) in enumerate(art.docs):
        sents = sent_of[bi]
        if looks_like_heading(block.text):
            sent_no += len(sents)
            continue
        for n, sent in enumerate(sents):
            for tok in sent:
                found = _role_phrase(tok)
                years = None
                if (age := _age_reference(tok)) is not None:
                    # "The 58-year-old said ...": a person the text has named, referred to as a
                    # pronoun would be.
                    span, affil, role = age, "", None
                    years = _years_in(age.text)
                elif found is not None:
                    span, affil, role = found
                elif tok.lower_ in PRONOUNS and tok.tag_ in ("PRP", "PRP$"):
                    if tok.dep_ == "appos" and tok.lower_.endswith("self"):
                        # "Costa himself said": the name it stands beside, not a reference.
                        continue
                    span, affil, role = doc[tok.i : tok.i + 1], "", None
                else:
                    continue
                clause_head = tok.head
                while (
                    clause_head.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj")
                    and clause_head.head.i != clause_head.i
                ):
                    clause_head = clause_head.head
                yield _Cue(
                    bi,
                    sent_no + n,
                    block.start + tok.idx,
                    block.start + span.start_char,
                    block.start + span.end_char,
                    span.text,
                    role,
                    affil,
                    tok.dep_ in SUBJECT_DEPS,
                    tok.tag_ == "PRP$",
                    clause_head.i,
                    _is_subject(tok),
                    _verb_of(tok),
                    _is_main_subject(tok),
                    years,
                )
        sent_no += len(sents)


_AGE = r"(\d{1,3})[\s-]year[\s-]old"
_YEARS_OLD = re.compile(rf"\b{_AGE}\b", re.I)
# "X, 58," and "X, a 58-year-old teacher," right after a name; "the 58-year-old X" before it.
_AGE_AFTER = re.compile(rf"^,\s*(?:(\d{{1,3}})\s*,|(?:an?\s+)?{_AGE}\b)", re.I)
_AGE_BEFORE = re.compile(rf"\b{_AGE}\s*$", re.I)


def _years_in(text: str) -> int | None:
    m = _YEARS_OLD.search(text)
    return int(m.group(1)) if m else None


def _age_beside(name: Span) -> int | None:
    """The age the text gives right beside a person's name: "Ana Silva, 58,", "Ana Silva, a
    58-year-old teacher,", "the 58-year-old Ana Silva"."""
    doc = name.doc
    after = _AGE_AFTER.match(doc.text[name.end_char : name.end_char + 40])
    if after is not None:
        return int(after.group(1) or after.group(2))
    before = doc.text[max(name.sent.start_char, name.start_char - 20) : name.start_char]
    m = _AGE_BEFORE.search(before)
    return int(m.group(1)) if m else None


def _age_reference(tok: Token) -> Span | None:
    """ "the 58-year-old", "the 27-year-old striker" as a subject: the whole phrase. An age
    with "the" speaks of someone the text has introduced; one before a name ("the
    27-year-old Ana Silva") introduces them."""
    if (misread := age_hung_on_verb(tok) or age_before_misread_verb(tok)) is not None:
        return misread
    if tok.dep_ not in SUBJECT_DEPS or (tok.pos_ == "PROPN" and not tok.is_lower):
        # A name is introduced by its age; a word in lower case the tagger took for a name
        # ("the 61-year-old mayor-elect") is a role.
        return None
    if tok.pos_ == "PROPN" and _role_phrase(tok) is not None:
        return None  # "the 70-year-old secretary-general": a role the text gave someone
    old = tok if tok.lower_ == "old" else None
    old = old or next((c for c in tok.children if c.dep_ == "amod" and c.lower_ == "old"), None)
    if old is None or not any(
        c.lemma_.lower() == "year" and any(g.like_num for g in c.children) for c in old.children
    ):
        return None  # "the old and the young said ..."
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None  # "a 27-year-old striker" is someone new
    return tok.doc[tok.left_edge.i : tok.i + 1]


def age_hung_on_verb(tok: Token) -> Span | None:
    """ "'It is the best night of my life,' the 24-year-old said": after a quote the parser may
    hang "the" and "old" on the verb itself, leaving it no subject; the phrase is the subject."""
    if tok.lower_ != "old" or tok.dep_ != "amod" or tok.head.pos_ != "VERB" or tok.head.i < tok.i:
        return None
    if not any(
        c.lemma_.lower() == "year" and any(g.like_num for g in c.children) for c in tok.children
    ):
        return None
    the = next((c for c in tok.head.children if c.dep_ == "det" and c.lower_ == "the"), None)
    if the is None or not the.i < tok.i:
        return None
    return tok.doc[the.i : tok.i + 1]


def age_before_misread_verb(tok: Token) -> Span | None:
    """ "The 23-year-old told reporters: '...'": the parser may read the verb as an adjective of
    its object, one noun phrase with the age; the age phrase is the verb's subject."""
    if tok.lower_ != "old" or tok.dep_ != "amod" or tok.i + 1 >= len(tok.doc):
        return None
    verb = tok.doc[tok.i + 1]
    if verb.tag_ != "VBD" or verb.dep_ != "amod" or verb.head.i != tok.head.i:
        return None
    if not any(
        c.lemma_.lower() == "year" and any(g.like_num for g in c.children) for c in tok.children
    ):
        return None
    the = next(
        (c for c in tok.head.children if c.dep_ == "det" and c.lower_ == "the" and c.i < tok.i),
        None,
    )
    return None if the is None else tok.doc[the.i : tok.i + 1]


class _RoleFits:
    """``_role_fits`` against one story's profiles, each (affiliation, role) worked out once."""

    def __init__(self, profiles: dict[str, set[tuple[str, str]]]) -> None:
        self.profiles = profiles
        self._known: dict[tuple[str, str], set[str]] = {}

    def __call__(self, affil: str, role: str) -> set[str]:
        if (affil, role) not in self._known:
            self._known[(affil, role)] = _role_fits(affil, role, self.profiles)
        return self._known[(affil, role)]

    def exact(self, affil: str, role: str) -> bool:
        """Whether those who fit were introduced with this very role, not a generic one."""
        return any(r == role for name in self(affil, role) for _, r in self.profiles[name])


def _references(
    art: ArticleNames,
    chain: list[_Raw],
    fits: _RoleFits,
    canon: dict[int, str],
    canon_cluster: dict[str, int],
    sexes: dict[str, str],
) -> list[_Raw]:
    """Role nouns and he/she pronouns of one article, resolved against its person mentions."""
    refs: list[_Raw] = []
    persons = list(chain)
    for cue in art.cues:
        aged = _aged(cue, persons, canon)
        if aged is not None:
            name: str | None = aged
        elif cue.role is not None:
            name = _pick_role(
                fits(cue.affil, cue.role),
                persons,
                cue.at,
                canon,
                alone=fits.exact(cue.affil, cue.role),
            )
        elif cue.age is not None:
            # "The 67-year-old said" is not someone the text gave another age.
            aged_otherwise = {
                _name(p, canon) for p in persons if p.age is not None and p.age != cue.age
            }
            name = _pick_pronoun(
                cue, [p for p in persons if _name(p, canon) not in aged_otherwise], canon, sexes
            )
        else:
            name = _pick_pronoun(cue, persons, canon, sexes)
        if name is None:
            continue
        raw = _Raw(
            art.file,
            cue.block,
            cue.sent,
            cue.start,
            cue.end,
            cue.text,
            cue.text,
            "person",
            "REF",
            cue.subject,
            verb_of=cue.verb_of,
            main=cue.main,
            role_of=name,
            cluster=canon_cluster.get(name, -1),
        )
        refs.append(raw)
        persons.append(raw)
        persons.sort(key=lambda r: r.start)
    return refs


def _aged(cue: _Cue, persons: list[_Raw], canon: dict[int, str]) -> str | None:
    """The one person named before "the 58-year-old" whom the text gave that age."""
    if cue.age is None:
        return None
    names = {_name(p, canon) for p in persons if p.age == cue.age and p.start < cue.at}
    return names.pop() if len(names) == 1 else None


def _name(r: _Raw, canon: dict[int, str]) -> str:
    return r.role_of or canon[r.cluster]


def _role_fits(affil: str, role: str, profiles: dict[str, set[tuple[str, str]]]) -> set[str]:
    """People introduced with this role (and affiliation); an exact role beats a generic one,
    so "the Valmoran leader" prefers a "leader" over a committee "chairman"."""
    exact: set[str] = set()
    loose: set[str] = set()
    for name, pairs in profiles.items():
        for a, r in pairs:
            if affil and not same_place(affil, a):
                continue
            if r == role:
                exact.add(name)
            elif roles_match(role, r):
                loose.add(name)
    return exact or loose


def _pick_role(
    fits: set[str],
    persons: list[_Raw],
    start: int,
    canon: dict[int, str],
    *,
    alone: bool = True,
) -> str | None:
    """The person a role noun refers to: one introduced with that role (and affiliation),
    ``fits``. ``alone``: whether the one person who fits may be meant though this article has
    not named them; a generic role ("the chief" for someone introduced as "President") may
    not: it names whoever the article has been speaking of."""
    if not fits:
        return None
    # Several fit: the one this article mentioned last before the reference.
    before = [p for p in persons if p.start < start and _name(p, canon) in fits]
    if before:
        return _name(before[-1], canon)
    if len(fits) == 1 and alone:
        return next(iter(fits))
    return None


def _pick_pronoun(
    cue: _Cue, persons: list[_Raw], canon: dict[int, str], sexes: dict[str, str]
) -> str | None:
    """Resolve he/she/his/her to a person mentioned shortly before.

    A subject pronoun continues the last person who was a subject (the usual topic chain); an
    object pronoun cannot be the subject of its own clause; a possessive prefers the subject of
    its clause. Only the last three paragraphs are searched, and "she" passes over a man the
    text has shown to be one ("Mr Costa"), "he" over a woman.
    """
    start, sent = cue.at, cue.sent
    word = cue.text.lower()
    other = "f" if word in MALE_PRONOUNS else "m" if word in FEMALE_PRONOUNS else ""
    before = [
        p
        for p in persons
        if p.start < start and cue.block - p.block <= 3 and sexes.get(_name(p, canon)) != other
    ]
    if not before:
        return None
    same_clause_subjects = {
        p.start for p in before if p.sent == sent and p.subject and p.verb_of == cue.clause_head
    }
    if cue.subject_dep:
        subjects = [p for p in before if p.subject]
        recent = [p for p in before if p.sent == sent - 1]
        if recent and (not subjects or subjects[-1].sent < sent - 1):
            # No one was the subject of the sentence before, but someone was in it: the topic
            # has moved to them ("The loudest cheer was for X, who steered the ferry home. 'We did
            # it together,' she told the crowd").
            return _name(recent[0], canon)
        if subjects and sent - subjects[-1].sent <= 4:
            last = subjects[-1]
            if last.sent != sent:
                # The topic a new sentence continues is the last one's main subject, not the
                # subject of a clause it reported ("The minister said the mayor should step
                # down. 'She must go,' she told reporters").
                main = [p for p in subjects if p.sent == last.sent and p.main]
                if main:
                    return _name(main[-1], canon)
            return _name(last, canon)
        return _name(before[-1], canon)
    if cue.possessive:
        own = [p for p in before if p.start in same_clause_subjects]
        if own:
            return _name(own[-1], canon)
        in_sentence = [p for p in before if p.sent == sent]
        if in_sentence:
            return _name(in_sentence[-1], canon)
        subjects = [p for p in before if p.subject]
        return _name((subjects or before)[-1], canon)
    others = [p for p in before if p.start not in same_clause_subjects]
    return _name(others[-1], canon) if others else None
