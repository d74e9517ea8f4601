"""Roles: which actor holds an office (`the Turkish leader`) on a day, from the registry's
roles and the titles the corpus gives people."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from generator.actors.knowledge import Context
from generator.actors.mentions import role_key
from generator.actors.names import Lexicon
from generator.actors.registry import RegistryEntry
from generator.model import PartialDate, Role

ROLE_TOLERANCE_DAYS = 400  # how far from the dates a discovered title was seen it still counts


@dataclass(frozen=True)
class Held:
    """A role an actor holds, as the resolver sees it."""

    actor: str
    qual: str
    office: str
    start: dt.date | None
    end: dt.date | None
    discovered: bool

    def distance(self, day: dt.date) -> int:
        """Days from `day` to the held span (0 inside it)."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


def _office_matches(asked: str, held: str, lex: Lexicon) -> bool:
    if asked == held or held.endswith(" " + asked):
        return True
    return asked == "leader" and held in lex.leader_offices


def resolve_role(index: Mapping[str, Sequence[Held]], qual: str, office: str, day: dt.date | None,
                 lex: Lexicon) -> str | None:
    """The one actor holding the role on `day`; discovered titles also count near their dates."""
    cands = [h for h in index.get(qual, ()) if _office_matches(office, h.office, lex)]
    if day is None:
        actors = {h.actor for h in cands}
        return actors.pop() if len(actors) == 1 else None
    holding = {h.actor for h in cands if h.distance(day) == 0}
    if holding:
        return holding.pop() if len(holding) == 1 else None
    near = [(h.distance(day), h.actor) for h in cands
            if h.discovered and h.distance(day) <= ROLE_TOLERANCE_DAYS]
    best = {a for d, a in near if d == min(near)[0]} if near else set()
    return best.pop() if len(best) == 1 else None


def resolve_local_role(index: Mapping[str, Sequence[Held]], office: str, named: set[str],
                       lex: Lexicon) -> str | None:
    """"The foreign minister" with no country: the one person the article names who holds
    that office (whatever its country); none when two could be meant."""
    holders = {h.actor for held in index.values() for h in held
               if h.actor in named and _office_matches(office, h.office, lex)}
    return holders.pop() if len(holders) == 1 else None


Seen = tuple[str, str, str, dt.date | None]  # a title seen: (qualifier, office, title, date)


def merge_seen_roles(seen: list[Seen]) -> list[tuple]:
    """Group (qualifier, office, title, date) sightings: one role each, earliest to latest."""
    groups: dict[tuple[str, str], list[tuple[str, dt.date | None]]] = defaultdict(list)
    for qual, office, title, day in seen:
        groups[(qual, office)].append((title, day))
    out = []
    for (qual, office), items in sorted(groups.items()):
        if not qual and any(o.endswith(" " + office) or (q and o == office) for q, o in groups):
            continue  # `Minister X` beside `Transport Minister X` or `Turkish Minister X`
        titles = Counter(t for t, _ in items)
        title = min(titles, key=lambda t: (-titles[t], t))
        days = sorted(d for _, d in items if d is not None)
        out.append((qual, office, title, days[0] if days else None, days[-1] if days else None))
    return out


def role_index(registry: Sequence[RegistryEntry], seen_roles: Mapping[str, list[Seen]],
               ctx: Context) -> tuple[Mapping[str, tuple[Held, ...]], Mapping[str, tuple[Role, ...]]]:
    """Who holds what, by qualifier key: the registry's roles, then the titles seen per
    actor that the registry does not declare (also returned per actor, as roles)."""
    index: dict[str, list[Held]] = defaultdict(list)
    for i, entry in enumerate(registry):
        for role in entry.roles if entry.kind == "person" else ():
            qual, office = role_key(role.title, ctx)
            index[qual].append(Held(f"r:{i}", qual, office,
                                    role.start.first_day() if role.start else None,
                                    role.end.last_day() if role.end else None, False))
    found: dict[str, tuple[Role, ...]] = {}
    for key in sorted(seen_roles):
        declared = {(h.qual, h.office) for hs in index.values() for h in hs if h.actor == key}
        roles = []
        for qual, office, title, start, end in merge_seen_roles(seen_roles[key]):
            if (qual, office) in declared:
                continue
            roles.append(Role(title, start and PartialDate.of(start),
                              end and PartialDate.of(end)))
            index[qual].append(Held(key, qual, office, start, end, True))
        found[key] = tuple(roles)
    return (MappingProxyType({q: tuple(held) for q, held in index.items()}),
            MappingProxyType(found))
