"""Disjoint sets: the one way the pipeline closes "these two are one" links into groups.

Mentions into actors, candidates into events and quotes into variant groups are all grouped by
linking pairs and taking the transitive closure; they share this structure so that the closure
behaves the same everywhere (path halving, and the first-named set's root stays the root).
"""

from __future__ import annotations


class UnionFind:
    """Sets over the items 0, 1, 2, ...; ``add`` makes room for one more."""

    def __init__(self, size: int = 0) -> None:
        self.parent = list(range(size))

    def __len__(self) -> int:
        return len(self.parent)

    def add(self) -> int:
        """A new item in a set of its own; returns its number."""
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, item: int) -> int:
        """The root of the item's set."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, keep: int, other: int) -> int:
        """Join the set of ``other`` into the set of ``keep``; returns the joined set's root."""
        root, gone = self.find(keep), self.find(other)
        if root != gone:
            self.parent[gone] = root
        return root
