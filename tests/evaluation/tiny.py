"""A tiny story of three articles, its gold annotation and a perfect export of it."""

import re

TEXTS = {
    "a.txt": (
        "Leaders Meet In Paris\n\n"
        "The two presidents met in Paris on Monday. "
        "Earlier, a storm hit the coast in May. "
        "Mr. Dupont said “we will work together.”\n\n"
        "Subscribe to our newsletter today"
    ),
    "b.txt": (
        "Summit Opens\n\n"
        "Dupont and Rossi held talks in Paris. "
        "Rossi called the talks “very useful” and said the storm in May was terrible."
    ),
    "c.txt": "The presidents’ meeting in Paris went well. Dupont said: “We’ll work together.”",
}

GOLD = {
    "story": "tiny",
    "files": ["a.txt", "b.txt", "c.txt"],
    "furniture": {
        "a.txt": ["Leaders Meet In Paris", {"from": "Subscribe to", "to": None}],
        "b.txt": ["Summit Opens"],
    },
    "actors": [
        {"name": "Jean Dupont", "kind": "person", "aliases": ["Dupont", "Mr. Dupont"]},
        {"name": "Marco Rossi", "kind": "person", "aliases": ["Rossi"]},
        {"name": "Paris", "kind": "place", "aliases": []},
    ],
    "events": [
        {
            "id": "e1",
            "date": "2024-03-04",
            "title": "Dupont and Rossi meet in Paris",
            "evidence": {
                "a.txt": "The two presidents met in Paris",
                "b.txt": "held talks in Paris",
                "c.txt": "meeting in Paris went well",
            },
        },
        {
            "id": "e2",
            "date": "2024-05",
            "title": "A storm hits the coast",
            "evidence": {"a.txt": "a storm hit the coast", "b.txt": ["the storm in May"]},
        },
    ],
    "quotes": [
        {
            "id": "q1",
            "speaker": "Jean Dupont",
            "direct": True,
            "group": "g1",
            "evidence": {"a.txt": "we will work together."},
        },
        {
            "id": "q2",
            "speaker": "Jean Dupont",
            "direct": True,
            "group": "g1",
            "evidence": {"c.txt": "We’ll work together."},
        },
        {
            "id": "q3",
            "speaker": "Marco Rossi",
            "direct": True,
            "group": "g2",
            "evidence": {"b.txt": "very useful"},
        },
        {
            "id": "q4",
            "speaker": "Marco Rossi",
            "direct": False,
            "group": "g3",
            "evidence": {"b.txt": "the storm in May was terrible"},
        },
    ],
}


def sentence(file: str, snippet: str) -> str:
    """The sentence of a test text that contains ``snippet``."""
    for part in re.split(r"(?<!Mr\.)(?<=[.”])\s+", TEXTS[file]):
        if snippet in part:
            return part
    raise AssertionError(snippet)


def perfect_export() -> dict:
    return {
        "story": {"slug": "tiny", "title": "Tiny"},
        "sources": [],
        "actors": [
            {"id": 1, "slug": "jean-dupont", "name": "Jean Dupont", "kind": "person",
             "aliases": ["Dupont", "Mr. Dupont"]},
            {"id": 2, "slug": "marco-rossi", "name": "Marco Rossi", "kind": "person",
             "aliases": ["Rossi"]},
            {"id": 3, "slug": "paris", "name": "Paris", "kind": "place", "aliases": []},
        ],
        "topics": [],
        "events": [
            {"id": 10, "date": "2024-03-04", "granularity": "day", "date_text": "on Monday",
             "title": "Presidents meet in Paris", "actors": ["Jean Dupont"], "topics": [],
             "sources": [
                 {"file": "a.txt", "outlet": "A", "evidence": sentence("a.txt", "met in Paris")},
                 {"file": "b.txt", "outlet": "B", "evidence": sentence("b.txt", "held talks")},
                 {"file": "c.txt", "outlet": "C", "evidence": sentence("c.txt", "went well")},
             ]},
            {"id": 11, "date": "2024-05", "granularity": "month", "date_text": "in May",
             "title": "Storm hits the coast", "actors": [], "topics": [],
             "sources": [
                 {"file": "a.txt", "outlet": "A", "evidence": sentence("a.txt", "storm hit")},
                 {"file": "b.txt", "outlet": "B", "evidence": sentence("b.txt", "storm in May")},
             ]},
        ],
        "quotes": [
            {"id": 20, "speaker": "Jean Dupont", "text": "we will work together.", "direct": True,
             "file": "a.txt", "event": 10, "variant_group": 1},
            {"id": 21, "speaker": "Dupont", "text": "We’ll work together.", "direct": True,
             "file": "c.txt", "event": 10, "variant_group": 1},
            {"id": 22, "speaker": "Marco Rossi", "text": "very useful", "direct": True,
             "file": "b.txt", "event": 10, "variant_group": 2},
            {"id": 23, "speaker": "Rossi", "text": "the storm in May was terrible",
             "direct": False, "file": "b.txt", "event": 11, "variant_group": None},
        ],
    }  # fmt: skip
