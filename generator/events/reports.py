"""A dated report of a happening, as merging reads it, and the union-find that groups them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.dates.engine import Timex
from generator.model import Article, PartialDate, Sentence

_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Candidate:
    """One sentence's report of a happening on one date."""

    article: Article
    sentence: Sentence
    date: PartialDate
    timex: Timex | None
    status: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    keywords: tuple[str, ...]  # sorted, each once

    @property
    def numbers(self) -> frozenset[str]:
        """Numbers in the sentence outside its date words ("179 tankers", "$40 billion")."""
        text = self.sentence.text
        if not _DIGIT.search(text):
            return _NONE
        if self.timex is not None:
            a, b = self.timex.start - self.sentence.start, self.timex.end - self.sentence.start
            text = text[:a] + " " + text[b:]
        found = {m.group().replace(",", "") for m in _NUMBER.finditer(text)}
        return frozenset(n for n in found if not _YEAR.fullmatch(n))  # another date, not a quantity


class UnionFind:
    """Union-find over group indexes; the smaller index is always the root (deterministic)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self, items: Sequence[list[Candidate]]) -> list[list[Candidate]]:
        out: dict[int, list[Candidate]] = defaultdict(list)
        for i, g in enumerate(items):
            out[self.find(i)].extend(g)
        return list(out.values())
