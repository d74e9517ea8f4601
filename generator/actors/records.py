"""Actor records: the result of actor finding, each actor's name (the best spelling seen)
and its page id (a slug of the name, numbered on a clash)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.actors.knowledge import DISCOVERED, Entity, org_key
from generator.actors.names import fold, is_legal_suffix, name_parts, slug
from generator.ids import numbered
from generator.model import Actor, Diagnostic, Kind, Mention, Place, Role


@dataclass(frozen=True)
class ActorResult:
    """The actors of a corpus and where each article names them."""

    actors: tuple[Actor, ...]
    mentions: Mapping[str, tuple[Mention, ...]]
    places: Mapping[str, tuple[Place, ...]]
    diagnostics: tuple[Diagnostic, ...] = ()


def make_actor(key: str, ent: Entity | None, spellings: Counter[str],
               roles: Sequence[Role]) -> Actor:
    """The actor of entity `key` (no id yet): its fixed name or best spelling, the other
    spellings as aliases, its declared roles then the `roles` seen."""
    kind: Kind = ent.kind if ent is not None else "person"
    name = ent.name if ent is not None and ent.name else best_name(spellings, kind, key)
    aliases = {s for s in spellings if fold(s) != fold(name)}
    aliases |= set(ent.aliases if ent is not None else ())
    all_roles = list(ent.roles if ent is not None else ()) + list(roles)
    return Actor("", name, kind, tuple(sorted(aliases, key=lambda s: (fold(s), s))),
                 tuple(all_roles), ent.description if ent is not None else None,
                 ent.origin if ent is not None else "discovered")  # type: ignore[arg-type]


def best_name(spellings: Counter[str], kind: Kind, key: str = "") -> str:
    """The most complete, then most frequent spelling (a person); for others the most
    frequent full name (an acronym or a shortened name only when nothing else names it)."""
    if kind == "person":
        order = sorted(spellings, key=lambda s: (-len(name_parts(s)), -spellings[s], fold(s), s))
    else:  # a legal suffix is left off
        full = key.removeprefix(DISCOVERED)
        order = sorted(spellings, key=lambda s: (s.isupper(), len(org_key(s)) < len(full),
                                                 -spellings[s], _legal_form(s), -len(s),
                                                 fold(s), s))
    return order[0] if order else "unknown"


def _legal_form(spelling: str) -> bool:
    """`Boeing Co.`: a name ending in a legal suffix (`Boeing` names it better)."""
    words = spelling.split()
    return len(words) > 1 and is_legal_suffix(words[-1])


def assign_ids(made: Mapping[str, Actor]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Slug ids of the names; a clash gets `-2`, `-3` in a fixed order, and is returned as
    (numbered key, key holding the id, id) (`generator.ids.numbered`)."""
    rank = {"country": 0, "organization": 1, "person": 2}
    order = sorted(made, key=lambda k: (slug(made[k].name), rank[made[k].kind], made[k].name, k))
    return numbered((key, slug(made[key].name)) for key in order)


def with_id(actor: Actor, ident: str) -> Actor:
    return Actor(ident, actor.name, actor.kind, actor.aliases, actor.roles, actor.description,
                 actor.origin)
