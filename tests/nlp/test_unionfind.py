from stories.nlp.unionfind import UnionFind


def test_links_close_transitively_into_groups() -> None:
    sets = UnionFind(5)
    sets.union(0, 1)
    sets.union(3, 1)
    groups: dict[int, list[int]] = {}
    for item in range(len(sets)):
        groups.setdefault(sets.find(item), []).append(item)
    assert sorted(groups.values()) == [[0, 1, 3], [2], [4]]


def test_the_first_named_set_keeps_its_root() -> None:
    sets = UnionFind(3)
    assert sets.union(2, 0) == 2
    assert sets.find(0) == 2
    assert sets.union(1, 0) == 1  # joining a set joins all of it
    assert {sets.find(i) for i in range(3)} == {1}


def test_items_added_later_start_alone() -> None:
    sets = UnionFind()
    a, b = sets.add(), sets.add()
    assert (a, b) == (0, 1)
    assert sets.find(a) != sets.find(b)
