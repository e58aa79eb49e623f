"""Small ORM builders for view and admin tests that need a story of a given shape, fast.

Rows are bulk-created so that a story of 500 events builds in well under a second: the query
count tests compare pages of 10 and 500 events.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from django.utils.text import slugify

from stories import models as m


def _article_text(headline: str, byline: str, sentences: list[str]) -> tuple[str, list, list]:
    """An article's raw text, its blocks and each sentence's (start, end), built together."""
    text, blocks, spans = "", [], []

    def add(kind: str, content: str, sep: str = "\n\n") -> int:
        nonlocal text
        start = len(text)
        text += content
        blocks.append({"kind": kind, "start": start, "end": len(text)})
        text += sep
        return start

    add("headline", headline)
    add("byline", byline)
    add("caption", "Delegates arrive for the talks. [Photo/Agency]")
    # Three sentences a paragraph, like a wire story.
    for p in range(0, len(sentences), 3):
        para_start = len(text)
        for k, sentence in enumerate(sentences[p : p + 3]):
            if k:
                text += " "
            spans.append((len(text), len(text) + len(sentence)))
            text += sentence
        blocks.append({"kind": "body", "start": para_start, "end": len(text)})
        text += "\n\n"
    add("boilerplate", "Read also: more on this story from our desk.", sep="\n")
    return text, blocks, spans


def make_story(
    n_events: int = 3,
    slug: str = "test-story",
    outlets: int = 2,
    *,
    rich: bool = False,
) -> m.Story:
    """A story of ``n_events`` day-dated events reported by ``outlets`` articles.

    Alice is in the even events, Bob (an organisation) in the odd ones; every third event is
    about diplomacy; the first outlet reports every event, the others only the even ones.

    ``rich`` adds what real stories have: an article with no known outlet, events dated to a
    year, to part of a month, or not at all, editors' marks, and quotes (one remark rendered
    by two outlets as a variant group every fifth event, reported speech, an interpreter).
    """
    story = m.Story.objects.create(slug=slug, title=slug.replace("-", " ").title())
    outlet_rows = [
        m.Outlet.objects.get_or_create(name=f"Outlet {i}", defaults={"slug": f"outlet-{i}"})[0]
        for i in range(outlets)
    ]
    if rich:
        outlet_rows.append(None)  # an article nobody could name the outlet of
    alice = m.Actor.objects.create(story=story, name="Alice Example", slug="alice-example")
    bob = m.Actor.objects.create(
        story=story, name="Bob Sample", slug="bob-sample", kind=m.Actor.ORGANIZATION
    )
    if rich:
        m.ActorAlias.objects.bulk_create(
            [m.ActorAlias(actor=alice, name="A. Example"), m.ActorAlias(actor=alice, name="Alice")]
        )
    topic, _ = m.Topic.objects.get_or_create(slug="diplomacy", defaults={"name": "Diplomacy"})

    # Events.
    start = date(2020, 1, 1)
    events = []
    for i in range(n_events):
        day = start + timedelta(days=i)
        events.append(
            m.Event(
                story=story,
                title=f"Event number {i}",
                date_start=day,
                date_end=day,
                granularity="day",
                date_basis="explicit",
                date_text=f"{day:%-d %B %Y}" if rich else "",
            )
        )
    if rich:
        events += [
            m.Event(
                story=story,
                title="First meeting of the two leaders",
                date_start=date(2016, 1, 1),
                date_end=date(2016, 12, 31),
                granularity="year",
                date_basis="explicit",
                date_text="in 2016",
                alternative_dates=[{"label": "2017", "text": "in 2017", "file": f"{slug}-1.txt"}],
            ),
            m.Event(
                story=story,
                title="A series of tests begins",
                date_start=date(2018, 1, 1),
                date_end=date(2018, 4, 30),
                granularity="year",
                date_qualifier="early",
                date_basis="relative",
                date_text="early 2018",
                verified=True,
            ),
            m.Event(
                story=story,
                title="Talks are expected to continue",
                date_basis="",
                locked_fields=["title"],
            ),
        ]
    m.Event.objects.bulk_create(events)  # sets primary keys on SQLite and PostgreSQL

    Through = m.Event.actors.through
    TopicThrough = m.Event.topics.through
    Through.objects.bulk_create(
        [
            Through(event_id=e.pk, actor_id=(alice if k % 2 == 0 else bob).pk)
            for k, e in enumerate(events)
        ]
    )
    TopicThrough.objects.bulk_create(
        [TopicThrough(event_id=e.pk, topic_id=topic.pk) for k, e in enumerate(events) if k % 3 == 0]
    )

    # Which article reports which event, and each article's sentences in order.
    per_article: list[list[tuple[m.Event, str]]] = [[] for _ in outlet_rows]
    for k, event in enumerate(events):
        for j in range(len(outlet_rows)):
            if k % 2 == 0 or j == 0:
                per_article[j].append((event, f"Sentence {k} from {j}."))
    quote_plan: list[list[tuple[str, m.Actor, int | None, bool, bool, m.Event | None]]] = [
        [] for _ in outlet_rows
    ]
    if rich:
        for k, event in enumerate(events[:n_events]):
            if k % 5 == 0:
                # One remark of Alice's as two outlets heard it.
                quote_plan[0].append(
                    (f"We agreed on point {k} today", alice, k + 1, True, False, event)
                )
                quote_plan[1].append(
                    (f"We have agreed on point {k} this morning", alice, k + 1, True, False, event)
                )
        quote_plan[0].append(("talks would go on", bob, None, False, True, None))
        quote_plan[-1].append(("Nothing was signed", bob, None, True, True, None))

    articles, sources, quotes = [], [], []
    for j, outlet in enumerate(outlet_rows):
        sentences = [s for _, s in per_article[j]]
        quote_sentences = []
        for text, speaker, _g, direct, _via, _e in quote_plan[j]:
            if direct:
                quote_sentences.append(f"{speaker.name} said: “{text}.”")
            else:
                quote_sentences.append(f"{speaker.name} said that {text}.")
        raw, blocks, spans = _article_text(
            f"Headline {j}", f"By Reporter {j}", sentences + quote_sentences
        )
        article = m.Article(
            story=story,
            file_name=f"{slug}-{j}.txt",
            content_hash=str(j),
            outlet=outlet,
            headline=f"Headline {j}",
            raw_text=raw,
            blocks=blocks,
            published=date(2024, 3, 1),
            published_basis="manifest",
        )
        articles.append(article)
        for (event, sentence), (s, e) in zip(per_article[j], spans, strict=False):
            sources.append(
                m.EventSource(
                    event=event,
                    article=article,
                    sentence=sentence,
                    sentence_key=m.text_key(sentence),
                    start=s,
                    end=e,
                )
            )
        for plan, (s, _e), qs in zip(
            quote_plan[j], spans[len(sentences) :], quote_sentences, strict=True
        ):
            text, speaker, group, direct, via, event = plan
            offset = qs.index(text)
            quotes.append(
                m.Quote(
                    article=article,
                    speaker=speaker,
                    text=text,
                    key=m.text_key(text),
                    start=s + offset,
                    end=s + offset + len(text),
                    direct=direct,
                    cue="said",
                    via_interpreter=via,
                    event=event,
                    variant_group=group,
                )
            )
    m.Article.objects.bulk_create(articles)
    for source in sources:
        source.article_id = source.article.pk
        source.event_id = source.event.pk
    m.EventSource.objects.bulk_create(sources)
    for quote in quotes:
        quote.article_id = quote.article.pk
        quote.event_id = quote.event.pk if quote.event else None
    m.Quote.objects.bulk_create(quotes)
    return story


# A realistic story for browser tests and screenshots: the five summit articles of fixtures/,
# with events and quotes placed by hand on their real sentences (no pipeline involved).

SUMMIT = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "summit"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][”\"])\s+")


def _blocks_of(text: str) -> list[dict]:
    blocks = []
    for match in re.finditer(r"[^\n]+", text):
        para = match.group()
        if not para.strip():
            continue
        dateline = re.match(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\. ", para)
        if not dateline and not any(b["kind"] == "headline" for b in blocks):
            kind = "headline"
        elif para.lower().startswith("by ") or para.strip() == "0 comment":
            kind = "byline"
        elif dateline:
            kind = "dateline"
        elif "[Photo" in para:
            kind = "caption"
        elif para.startswith(("Read also", "See also")):
            kind = "boilerplate"
        elif len(para) < 70 and not para.rstrip().endswith((".", "”", '"')):
            kind = "heading"
        else:
            kind = "body"
        blocks.append({"kind": kind, "start": match.start(), "end": match.end()})
    return blocks


def _sentence_at(text: str, needle: str) -> tuple[int, int]:
    """The span of the sentence of ``text`` that contains ``needle``."""
    at = text.index(needle)
    para_start = text.rfind("\n", 0, at) + 1
    para_end = text.find("\n", at)
    para_end = len(text) if para_end == -1 else para_end
    start = para_start
    for m_ in _SENTENCE_END.finditer(text, para_start, para_end):
        if m_.end() <= at:
            start = m_.end()
        elif m_.start() >= at + len(needle):
            return start, m_.start()
    return start, para_end


def make_summit_story(slug: str = "summit") -> m.Story:
    manifest = json.loads((SUMMIT / "manifest.json").read_text())
    story = m.Story.objects.create(
        slug=slug, title="Putin and Kim meet at the Vostochny Cosmodrome"
    )
    articles = []
    for row in manifest:
        text = (SUMMIT / row["file"]).read_text()
        outlet = None
        if row["outlet"]:
            outlet = m.Outlet.objects.get_or_create(
                name=row["outlet"], defaults={"slug": slugify(row["outlet"])}
            )[0]
        blocks = _blocks_of(text)
        head = next(b for b in blocks if b["kind"] == "headline")
        articles.append(
            m.Article.objects.create(
                story=story,
                file_name=row["file"],
                content_hash=row["file"][:12],
                outlet=outlet,
                author=row["author"] or "",
                headline=text[head["start"] : head["end"]],
                raw_text=text,
                blocks=blocks,
                published=date(2023, 9, 13),
                published_basis="inferred from story",
            )
        )

    def actor(name, kind="person", aliases=()):
        a = m.Actor.objects.create(story=story, name=name, slug=slugify(name), kind=kind)
        for alias in aliases:
            m.ActorAlias.objects.create(actor=a, name=alias)
        return a

    kim = actor("Kim Jong Un", aliases=["Kim Jong-un", "Chairman Kim", "Kim"])
    putin = actor("Vladimir Putin", aliases=["President Putin", "Putin"])
    nk = actor("North Korea", "place", ["Pyongyang"])
    russia = actor("Russia", "place", ["Moscow"])
    kozlov = actor("Alexander Kozlov")
    topics = {
        slug_: m.Topic.objects.get_or_create(slug=slug_, defaults={"name": name})[0]
        for slug_, name in [
            ("diplomacy", "Diplomacy"),
            ("military", "Military"),
            ("space", "Space"),
        ]
    }
    summit_day = date(2023, 9, 13)
    plan = [
        (
            "Putin and Kim first met, in Vladivostok",
            (date(2019, 1, 1), date(2019, 12, 31), "year", "", "explicit", "since 2019"),
            [kim, putin],
            ["diplomacy"],
            [
                (0, "first in-person meeting between the two leaders since 2019"),
                (1, "first face-to-face encounter since 2019"),
            ],
            {},
        ),
        (
            "North Korea begins a series of weapons tests",
            (date(2022, 1, 1), date(2022, 4, 30), "year", "early", "explicit", "early 2022"),
            [nk],
            ["military"],
            [(2, "continuing a provocative series of weapons tests")],
            {},
        ),
        (
            "North Korea's satellite launches fail",
            (date(2023, 1, 1), date(2023, 12, 31), "year", "", "relative", "this year"),
            [nk],
            ["space", "military"],
            [
                (1, "After two failed satellite launch attempts this year"),
                (3, "This aligns with Kim’s previous statements"),
                (4, "North Korea had faced failures in launching reconnaissance satellites"),
            ],
            {},
        ),
        (
            "Kim and Kozlov walk to Khasan station",
            (
                date(2023, 9, 12),
                date(2023, 9, 12),
                "day",
                "",
                "explicit",
                "Tuesday, September 12, 2023",
            ),
            [kim, kozlov],
            ["diplomacy"],
            [(2, "Khasan station in Russia on Tuesday")],
            {},
        ),
        (
            "North Korea launches two ballistic missiles",
            (summit_day, summit_day, "day", "", "context", ""),
            [nk, kim],
            ["military"],
            [
                (1, "with North Korea recently launching two missiles"),
                (2, "just hours after North Korea launched two ballistic missiles"),
                (3, "ordered the launch of ballistic missiles"),
                (4, "North Korea launched two short-range ballistic missiles"),
            ],
            {
                "alternative_dates": [
                    {
                        "label": "12 Sep 2023",
                        "text": "Ahead of the meeting",
                        "file": "004_26d8d3f109e9745f.txt",
                    }
                ]
            },
        ),
        (
            "The leaders tour the Soyuz-2 launch facility",
            (summit_day, summit_day, "day", "", "context", ""),
            [kim, putin],
            ["space"],
            [
                (2, "the leaders toured a Soyuz-2 space rocket launch facility"),
                (3, "featured a tour of the space rocket launch facility"),
            ],
            {},
        ),
        (
            "Putin and Kim meet at the Vostochny Cosmodrome",
            (summit_day, summit_day, "day", "", "relative", "On Wednesday"),
            [kim, putin, russia],
            ["diplomacy", "space"],
            [
                (0, "The rendezvous took place at the Vostochny Cosmodrome"),
                (1, "In a meeting at Russia’s Vostochny Cosmodrome"),
                (2, "took place at Russia’s Vostochny Cosmodrome"),
                (3, "met at the Vostochny Cosmodrome in a secluded region"),
                (4, "met at the Vostochny Cosmodrome space station"),
            ],
            {"verified": True},
        ),
        (
            "Kim pledges full support for Russia’s “sacred” fight",
            (summit_day, summit_day, "day", "", "relative", "On Wednesday"),
            [kim, putin, russia],
            ["diplomacy", "military"],
            [
                (0, "lauded Russia’s efforts as a"),
                (2, "his nation’s “complete and unequivocal backing”"),
                (3, "pledged “full and unconditional support”"),
                (4, "Kim expressed his full support for Russia"),
            ],
            {"locked_fields": ["title"]},
        ),
        (
            "Russia offers to help North Korea build satellites",
            (summit_day, summit_day, "day", "", "context", ""),
            [putin, russia, nk],
            ["space"],
            [
                (1, "Russia’s offer to assist North Korea in building satellites"),
                (4, "Putin stated that Russia would assist North Korea"),
            ],
            {},
        ),
        (
            "Putin and Kim have lunch and toast victory",
            (summit_day, summit_day, "day", "", "context", ""),
            [kim, putin],
            ["diplomacy"],
            [(4, "had lunch and raised a toast")],
            {},
        ),
        (
            "The leaders may agree an arms deal",
            (None, None, "", "", "", ""),
            [kim, putin],
            ["military"],
            [(1, "may finalize an arms deal"), (4, "possibility of North Korea supplying weapons")],
            {},
        ),
    ]
    for title, (start, end, gran, qual, basis, words), who, about, evidence, extra in plan:
        event = m.Event.objects.create(
            story=story,
            title=title,
            date_start=start,
            date_end=end,
            granularity=gran,
            date_qualifier=qual,
            date_basis=basis,
            date_text=words,
            **extra,
        )
        event.actors.add(*who)
        event.topics.add(*(topics[t] for t in about))
        for n, needle in evidence:
            article = articles[n]
            s, e = _sentence_at(article.raw_text, needle)
            m.EventSource.objects.create(
                event=event, article=article, sentence=article.raw_text[s:e], start=s, end=e
            )
    events = {e.title: e for e in story.events.all()}
    meeting = events["Putin and Kim meet at the Vostochny Cosmodrome"]
    pledge = events["Kim pledges full support for Russia’s “sacred” fight"]
    satellites = events["Russia offers to help North Korea build satellites"]
    quotes = [
        (
            1,
            putin,
            "Dear Chairman, I’m very glad to see and host you in Russia. "
            "This time, as we agreed, at the Vostochny Cosmodrome.",
            True,
            False,
            meeting,
            None,
        ),
        (
            1,
            kim,
            "I’m so grateful you are paying such attention to our visit to Russia. "
            "I’m sure we will remain together in the fight against imperialism.",
            True,
            True,
            meeting,
            None,
        ),
        (2, kim, "complete and unequivocal backing", True, False, pledge, 1),
        (3, kim, "full and unconditional support", True, False, pledge, 1),
        (0, kim, "sacred war", True, False, pledge, 2),
        (2, kim, "sacred struggle", True, False, pledge, 2),
        (4, kim, "sacred fight", True, False, pledge, 2),
        (2, kim, "the top priority", True, True, pledge, None),
        (1, putin, "the two leaders would discuss all issues", True, False, meeting, None),
        (
            4,
            putin,
            "Russia would assist North Korea in launching satellites",
            False,
            False,
            satellites,
            None,
        ),
    ]
    for n, speaker, text, direct, via, event, group in quotes:
        article = articles[n]
        at = article.raw_text.index(text)
        m.Quote.objects.create(
            article=article,
            speaker=speaker,
            text=text,
            key=m.text_key(text),
            start=at,
            end=at + len(text),
            direct=direct,
            via_interpreter=via,
            event=event,
            variant_group=group,
            cue="said",
        )
    return story


def editor_group():
    """The Editor group a migration makes, with its permissions; made again when a test that
    empties the tables (``transaction=True``) ran before."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=m.EDITOR_GROUP)
    codenames = [f"{a}_{model}" for model, acts in m.EDITOR_PERMISSIONS.items() for a in acts]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="stories", codename__in=codenames)
    )
    return group
