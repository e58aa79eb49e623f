from stories.nlp.families import wire_families

WIRE = [
    "The city council voted on Tuesday to close the old river bridge for two years of repairs.",
    "Engineers found cracks in three of the bridge's steel supports during an inspection in May.",
    "Commuters will be sent across the northern ring road while the work goes on, officials said.",
    "The repairs are expected to cost about forty million dollars, most of it from the state.",
]
OWN = [
    "Shop owners near the bridge said they feared losing customers during the long closure.",
    "A local cycling group asked the council to keep a lane open for bicycles and walkers.",
    "The mayor said the decision had been difficult but that safety had to come first.",
    "Residents will be able to comment on the detour plans at a meeting next week downtown.",
]


def test_copies_of_one_wire_story_are_one_family() -> None:
    copy = list(WIRE)
    # An outlet's copy edits a word, drops nothing, and adds a sentence of its own.
    copy[2] = copy[2].replace("officials said", "city officials said")
    families = wire_families(
        {"a.txt": " ".join(WIRE), "b.txt": " ".join(OWN), "c.txt": " ".join(copy + OWN[:1])}
    )
    assert families == [["a.txt", "c.txt"]]


def test_articles_sharing_one_quote_are_independent() -> None:
    shared = WIRE[0]
    families = wire_families(
        {"a.txt": " ".join([shared, *OWN]), "b.txt": " ".join([shared, *WIRE[1:]])}
    )
    assert families == []


def test_families_join_through_a_common_copy() -> None:
    texts = {name: " ".join(WIRE) for name in ("x.txt", "y.txt", "z.txt")}
    texts["w.txt"] = " ".join(OWN)
    assert wire_families(texts) == [["x.txt", "y.txt", "z.txt"]]


STOCK = [
    "This article was updated with the latest figures published by the national office.",
    "Readers can write to the corrections desk if they notice an error in our reporting.",
    "All times given in this report are local unless another time zone is named.",
]


def _stock_articles(n: int) -> dict[str, str]:
    return {
        f"{i:02d}.txt": " ".join([*STOCK, f"Reporter number {i} filed this story today."])
        for i in range(n)
    }


def test_sentences_every_outlet_prints_make_no_family() -> None:
    # A stock passage (a standard disclaimer, an agency's boilerplate) in more articles than a
    # wire story reaches is no sign that they copy one another.
    texts = _stock_articles(60)
    assert wire_families(texts) == []
    # In a handful of articles the same passage is a copy.
    assert wire_families(dict(list(texts.items())[:5])) == [list(texts)[:5]]


def test_families_as_a_story_grows_are_those_of_the_grown_story() -> None:
    texts = _stock_articles(60)
    names = list(texts)
    wire_families({"other.txt": " ".join(OWN)})  # another story's families came before
    grown = [wire_families({name: texts[name] for name in names[:n]}) for n in range(1, 61)]
    shrunk = [wire_families({name: texts[name] for name in names[:n]}) for n in range(60, 0, -1)]

    # The passage joins the first articles into a family, until so many print it that it is
    # a stock passage, which joins nothing.
    assert grown[4] == [names[:5]]
    assert grown[59] == []
    assert grown == shrunk[::-1]
