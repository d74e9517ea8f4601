"""People: the spellings of a corpus's cued names merged into one person each, findable by
spelling, by name key, by surname and by first name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from generator.actors.mentions import Hit
from generator.actors.names import fold, name_key, same_person
from generator.actors.registry import RegistryEntry


@dataclass(frozen=True, eq=False)
class Cluster:
    """One person: the name keys of the spellings merged into them."""

    key: str
    keys: tuple[tuple[str, ...], ...]


class _Lookups:
    """Finding people by name key, surname or first name."""

    by_last: Mapping[str, Sequence[Cluster]]
    by_first: Mapping[str, Sequence[Cluster]]  # of names of 2+ words

    def compatible(self, key: tuple[str, ...]) -> list[Cluster]:
        """The people a full name (two words or more) can be."""
        if len(key) < 2:
            return []
        near = dict.fromkeys([*self.by_last.get(key[-1], ()), *self.by_first.get(key[0], ())])
        return [c for c in near if any(same_person(key, k) for k in c.keys)]

    def with_surname(self, word: str) -> list[Cluster]:
        key = name_key(word)
        return list(self.by_last.get(key[-1], ())) if len(key) == 1 else []

    def with_first_name(self, word: str) -> list[Cluster]:
        key = name_key(word)
        return list(self.by_first.get(key[0], ())) if len(key) == 1 else []


@dataclass(frozen=True)
class People(_Lookups):
    """The people of a corpus, findable by spelling, by name key and by surname."""

    clusters: tuple[Cluster, ...]
    by_last: Mapping[str, tuple[Cluster, ...]]
    by_first: Mapping[str, tuple[Cluster, ...]]
    of_spelling: Mapping[str, Cluster]


@dataclass(eq=False)
class _Growing:
    """A person while the spellings are merged: `keys` grows."""

    key: str
    keys: list[tuple[str, ...]] = field(default_factory=list)


class _Merging(_Lookups):
    """The people while `merge_people` builds them (local to that call)."""

    def __init__(self) -> None:
        self.clusters: list[_Growing] = []
        self.by_last: dict[str, list[_Growing]] = defaultdict(list)
        self.by_first: dict[str, list[_Growing]] = defaultdict(list)
        self.of_spelling: dict[str, _Growing] = {}

    def new(self, key: str) -> _Growing:
        cluster = _Growing(key)
        self.clusters.append(cluster)
        return cluster

    def attach(self, cluster: _Growing, spelling: str) -> None:
        key = name_key(spelling)
        if key and key not in cluster.keys:
            cluster.keys.append(key)
            if cluster not in self.by_last[key[-1]]:
                self.by_last[key[-1]].append(cluster)
            if len(key) > 1 and cluster not in self.by_first[key[0]]:
                self.by_first[key[0]].append(cluster)
        self.of_spelling[spelling] = cluster

    def frozen(self) -> People:
        done = {id(c): Cluster(c.key, tuple(c.keys)) for c in self.clusters}

        def index(by: Mapping[str, list[_Growing]]) -> Mapping[str, tuple[Cluster, ...]]:
            return MappingProxyType({w: tuple(done[id(c)] for c in cs) for w, cs in by.items()})

        return People(tuple(done.values()), index(self.by_last), index(self.by_first),
                      MappingProxyType({s: done[id(c)] for s, c in self.of_spelling.items()}))


def merge_people(hits: Mapping[str, list[Hit]], registry: Sequence[RegistryEntry]) -> People:
    """Merge the cued names: longest first, each joining the one person it fits."""
    people = _Merging()
    for i, entry in enumerate(registry):
        if entry.kind == "person":
            cluster = people.new(f"r:{i}")
            for spelling in (entry.name, *entry.aliases):
                people.attach(cluster, spelling)
    names = {h.text for found in hits.values() for h in found if h.kind == "person"}
    count = 0
    for spelling in sorted(names, key=lambda s: (-len(name_key(s)), fold(s), s)):
        key = name_key(spelling)
        if not key or (len(key) == 1 and (people.by_last.get(key[0])
                                          or people.by_first.get(key[0]))):
            continue  # a bare surname or first name: resolved per article
        fits = people.compatible(key)
        cluster = fits[0] if len(fits) == 1 else None
        if cluster is None:
            cluster, count = people.new(f"p:{count}"), count + 1
        people.attach(cluster, spelling)
    return people.frozen()
