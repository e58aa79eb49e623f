"""Stories of any size made of varied news articles of our own, for the ingest benchmark.

A seeded world (people with offices, organisations, places, outlets) lives through a season of
happenings; each article is one outlet's telling of a few of them: a headline, a dateline, a lede
about the latest happening, background sentences about earlier ones, direct and reported speech,
all from templates, synonyms and word lists, so no two articles are the same text with a name
swapped. Nothing is copied from real articles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

FIRST = [
    "Amara",
    "Bogdan",
    "Celia",
    "Dariusz",
    "Elena",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kalani",
    "Leona",
    "Marek",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Stefan",
    "Tamsin",
    "Umar",
    "Vera",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Anton",
    "Beatriz",
    "Cyril",
    "Dalia",
    "Emil",
    "Fatima",
    "Gideon",
    "Hana",
    "Ivo",
    "Jasmin",
    "Kofi",
    "Lidia",
    "Mateo",
    "Noor",
    "Olga",
    "Pavel",
    "Rania",
    "Sami",
    "Tereza",
    "Viktor",
    "Wanda",
    "Yara",
]
LAST = [
    "Abara",
    "Brandt",
    "Castell",
    "Dimitrov",
    "Eriksen",
    "Fontaine",
    "Galdos",
    "Haddad",
    "Ilves",
    "Jovanovic",
    "Kaminski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quiroga",
    "Rahimi",
    "Sorensen",
    "Tanaka",
    "Ulloa",
    "Varga",
    "Weller",
    "Xu",
    "Yilmaz",
    "Zeller",
    "Albescu",
    "Benedek",
    "Cardoso",
    "Delacroix",
    "Esposito",
    "Falk",
    "Grbic",
    "Horvath",
    "Iqbal",
    "Janssen",
    "Kovac",
    "Laine",
    "Mwangi",
    "Novak",
]
OFFICES = [
    "president",
    "prime minister",
    "foreign minister",
    "defence minister",
    "finance minister",
    "energy minister",
    "governor",
    "mayor",
    "central bank governor",
    "opposition leader",
    "union leader",
    "chief executive",
    "spokesperson",
    "ambassador",
    "health minister",
    "trade envoy",
]
COUNTRIES = [
    "Valdoria",
    "Karesh",
    "Montebrun",
    "Ostreva",
    "Sulania",
    "Tarvik",
    "Brenmark",
    "Quessa",
    "Lirandia",
    "Dunholm",
    "Perava",
    "Zemlar",
]
CITIES = """Port Aster, Velmira, Orsk Haven, Calder Bay, Nivara, Tolmen, Eastwick Falls, Sarn,
Hollow Ridge, Mirabel, Kestrel Point, Dravina, Ulmstead, Corvane, Fenwick, Isolde Harbour,
Greyhold, Sablemouth, Tirnan, Westmarch""".replace("\n", " ").split(", ")
ORGS = [
    "the Northern Grain Board",
    "the Coastal Energy Agency",
    "the National Rail Company",
    "the Federation of Dockworkers",
    "the Council of Mayors",
    "the Institute for Public Health",
    "the Continental Trade Bank",
    "the Water Authority",
    "the Civil Aviation Office",
    "the Association of Teachers",
    "the Harbour Development Fund",
    "the Electoral Commission",
    "the Space Research Centre",
    "the Red Valley Mining Group",
    "the Refugee Support Network",
    "the Fisheries Council",
]
OUTLETS = [
    "The Morning Ledger",
    "Harbour Post",
    "Valdoria Today",
    "The Evening Courier",
    "Continental Wire",
    "Daily Meridian",
    "The Northern Standard",
    "Bay City Chronicle",
    "Global Dispatch",
    "The Civic Observer",
    "Riverside Gazette",
    "The Weekly Compass",
    "Signal News",
    "Frontline Report",
    "The Capital Herald",
    "Metro Bulletin",
]
# Acts: (past tense, noun phrase of the act, what it is about)
ACTS = [
    ("met", "a meeting", "{other} to discuss {topic}"),
    ("signed", "a signing", "an agreement on {topic} with {other}"),
    ("announced", "an announcement", "a new plan for {topic}"),
    ("visited", "a visit", "{place} to inspect {topic}"),
    ("warned", "a warning", "{other} against cuts to {topic}"),
    ("pledged", "a pledge", "fresh money for {topic}"),
    ("criticised", "criticism", "{other} over {topic}"),
    ("launched", "a launch", "an inquiry into {topic}"),
    ("approved", "an approval", "a budget for {topic}"),
    ("rejected", "a rejection", "a proposal by {other} on {topic}"),
    ("opened", "an opening", "talks with {other} on {topic}"),
    ("postponed", "a delay", "a vote on {topic}"),
    ("resigned", "a resignation", "from a committee on {topic}"),
    ("hosted", "a summit", "{other} for talks on {topic}"),
    ("blocked", "a veto", "a bill on {topic}"),
    ("praised", "praise", "{other} for progress on {topic}"),
]
TOPICS = [
    "grain exports",
    "the port expansion",
    "rail freight",
    "fishing quotas",
    "hospital funding",
    "the energy grid",
    "water prices",
    "teacher pay",
    "the satellite programme",
    "border crossings",
    "mining permits",
    "refugee housing",
    "air traffic rules",
    "the election timetable",
    "flood defences",
    "wage talks",
    "fuel subsidies",
    "the new bridge",
    "vaccine supplies",
    "public transport fares",
]
OPENERS = [
    "{when}, {subject} {verb} {object}",
    "{subject} {verb} {object} {when}",
    "{when_cap} in {place}, {subject} {verb} {object}",
    "In {place} {when}, {subject} {verb} {object}",
]
BACKGROUND = [
    "The move follows {earlier}, when {subject} {verb} {object}.",
    "{earlier_cap}, {subject} had {verb} {object}.",
    "It came weeks after {subject} {verb} {object} {earlier}.",
    "Observers recalled that {subject} {verb} {object} {earlier}.",
    "{earlier_cap}, {subject} {verb} {object}, a step critics called premature.",
]
SAY_VERBS = ["said", "told reporters", "stated", "insisted", "added", "argued", "declared"]
QUOTE_OPENINGS = [
    "We will not accept",
    "Nobody expected",
    "This is the beginning of",
    "Our people deserve",
    "There is no alternative to",
    "We have worked for months on",
    "It would be a mistake to ignore",
    "History will judge",
    "The country needs",
    "We remain committed to",
]
QUOTE_ENDS = [
    "a fair deal on {topic}",
    "real progress on {topic}",
    "a serious conversation about {topic}",
    "more delays over {topic}",
    "the truth about {topic}",
    "clear answers on {topic}",
    "a plan that works for {topic}",
]
REPORTED = [
    "{speaker} {say} that the government would review {topic} before the end of the year.",
    "{speaker} {say} that talks on {topic} had stalled over costs.",
    "According to {speaker}, the dispute over {topic} could last until spring.",
    "{speaker} {say} the decision on {topic} was taken without consultation.",
    "{speaker} {say} that {org} had been warned about {topic} months earlier.",
]
COLOUR = [
    "Crowds gathered outside the building as the talks went on late into the evening.",
    "Local businesses said they were watching the negotiations closely.",
    "The weather delayed several delegations arriving by air.",
    "Protesters carrying banners about {topic} lined the main avenue.",
    "Officials declined to give further details.",
    "Analysts said markets had already priced in a compromise on {topic}.",
    "The session was broadcast live on national television.",
    "A joint statement is expected later this week.",
    "Residents of {place} have long complained about {topic}.",
    "Neither side published the full text of the documents.",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Person:
    name: str
    office: str
    country: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Happening:
    day: date
    actor: Person
    other: Person | str
    act: tuple[str, str, str]
    topic: str
    place: str


class World:
    """Who and what the story is about, and what happens in it, from one seed."""

    def __init__(self, seed: int = 2024, happenings: int = 400) -> None:
        self.rng = rng = random.Random(seed)
        names = sorted({f"{f} {last}" for f in FIRST for last in LAST})
        rng.shuffle(names)
        self.people = [Person(n, rng.choice(OFFICES), rng.choice(COUNTRIES)) for n in names[:90]]
        start = date(2025, 1, 6)
        self.happenings = sorted(
            (
                Happening(
                    start + timedelta(days=rng.randrange(240)),
                    rng.choice(self.people),
                    rng.choice([*self.people[:40], *ORGS]),
                    rng.choice(ACTS),
                    rng.choice(TOPICS),
                    rng.choice(CITIES),
                )
                for _ in range(happenings)
            ),
            key=lambda h: h.day,
        )

    def article(self, n: int) -> tuple[str, dict]:
        """Article number ``n``: its text and its manifest entry."""
        rng = random.Random(n * 7919 + 13)
        # Each article is about a recent happening and looks back on a few earlier ones.
        lead_index = rng.randrange(20, len(self.happenings))
        lead = self.happenings[lead_index]
        published = lead.day + timedelta(days=rng.choice([0, 1, 1, 2]))
        earlier = rng.sample(self.happenings[:lead_index], k=min(lead_index, rng.randint(6, 14)))
        outlet = OUTLETS[n % len(OUTLETS)] if rng.random() < 0.85 else None
        author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        paragraphs = [self._headline(lead, rng), f"By {author}"]
        paragraphs.append(self._lede(lead, published, rng))
        for p in self._quotes(lead, rng):
            paragraphs.append(p)
        for h in sorted(earlier, key=lambda h: h.day):
            paragraphs.append(self._background(h, published, rng))
            if rng.random() < 0.5:
                paragraphs.append(self._reported(h, rng))
        for _ in range(rng.randint(2, 5)):
            paragraphs.append(self._colour(lead, rng))
        text = "\n\n".join(paragraphs) + "\n"
        entry = {
            "file": f"article-{n:05d}.txt",
            "outlet": outlet,
            "author": author,
            "published": published.isoformat() if rng.random() < 0.7 else None,
        }
        return text, entry

    # --- pieces -------------------------------------------------------------------------

    def _who(self, person: Person | str, rng: random.Random, first: bool = True) -> str:
        if isinstance(person, str):
            return person
        if not first and rng.random() < 0.5:
            return person.surname
        style = rng.randrange(3)
        if style == 0:
            return f"{person.country}'s {person.office} {person.name}"
        if style == 1:
            return f"{person.name}, the {person.office} of {person.country},"
        return person.name

    def _object(self, h: Happening, rng: random.Random) -> str:
        other = self._who(h.other, rng)
        return h.act[2].format(other=other.rstrip(","), topic=h.topic, place=h.place)

    def _headline(self, h: Happening, rng: random.Random) -> str:
        subject = h.actor.surname if rng.random() < 0.5 else h.actor.name
        text = f"{subject} {h.act[0]} {self._object(h, rng)}".replace(",", "")
        return text[:1].upper() + text[1:]

    def _when(self, day: date, published: date, rng: random.Random) -> str:
        gap = (published - day).days
        if gap == 0:
            return "on Tuesday" if rng.random() < 0.2 else "today"
        if gap == 1 and rng.random() < 0.6:
            return "yesterday"
        if gap < 7 and rng.random() < 0.5:
            return f"on {WEEKDAYS[day.weekday()]}"
        if rng.random() < 0.5:
            return f"on {day.day} {MONTHS[day.month - 1]}"
        return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"

    def _lede(self, h: Happening, published: date, rng: random.Random) -> str:
        dateline = f"{h.place.upper()}, {MONTHS[published.month - 1]} {published.day} — "
        when = self._when(h.day, published, rng)
        sentence = rng.choice(OPENERS).format(
            when=when,
            when_cap=when[:1].upper() + when[1:],
            subject=self._who(h.actor, rng),
            verb=h.act[0],
            object=self._object(h, rng),
            place=h.place,
        )
        return dateline + sentence[:1].upper() + sentence[1:] + "."

    def _background(self, h: Happening, published: date, rng: random.Random) -> str:
        earlier = f"on {h.day.day} {MONTHS[h.day.month - 1]}"
        if rng.random() < 0.3:
            earlier = f"in {MONTHS[h.day.month - 1]}"
        sentence = rng.choice(BACKGROUND).format(
            earlier=earlier,
            earlier_cap=earlier[:1].upper() + earlier[1:],
            subject=self._who(h.actor, rng),
            verb=h.act[0],
            object=self._object(h, rng),
        )
        return sentence[:1].upper() + sentence[1:]

    def _quotes(self, h: Happening, rng: random.Random) -> list[str]:
        out = []
        for speaker in rng.sample([h.actor, *self.people[:30]], k=rng.randint(2, 4)):
            words = f"{rng.choice(QUOTE_OPENINGS)} {rng.choice(QUOTE_ENDS).format(topic=h.topic)}"
            say = rng.choice(SAY_VERBS)
            who = self._who(speaker, rng, first=rng.random() < 0.5).rstrip(",")
            if rng.random() < 0.5:
                out.append(f"“{words},” {who} {say}.")
            else:
                out.append(f"{who} {say}: “{words}.”")
        return out

    def _reported(self, h: Happening, rng: random.Random) -> str:
        sentence = rng.choice(REPORTED).format(
            speaker=self._who(rng.choice(self.people[:50]), rng).rstrip(","),
            say=rng.choice(["said", "told reporters", "claimed", "noted"]),
            topic=h.topic,
            org=rng.choice(ORGS),
        )
        return sentence[:1].upper() + sentence[1:]

    def _colour(self, h: Happening, rng: random.Random) -> str:
        return rng.choice(COLOUR).format(topic=h.topic, place=h.place)


def story(n_articles: int, seed: int = 2024) -> list[tuple[str, str, dict]]:
    """``n_articles`` articles of one story: (file name, text, manifest entry)."""
    world = World(seed, happenings=max(60, n_articles // 2))
    out = []
    for i in range(n_articles):
        text, entry = world.article(i)
        out.append((entry["file"], text, entry))
    return out
