"""Linking (pass 2 of actor finding): each article's hits to actors. Full names are
matched to people, bare surnames and first names to the one person they can be, role
phrases (`the Turkish leader`) to the holder on the article's date; then the actor records
are made."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from generator.actors.knowledge import Context
from generator.actors.mentions import Hit
from generator.actors.names import fold, name_key
from generator.actors.orgresolve import local_targets
from generator.actors.people import Cluster, People
from generator.actors.records import ActorResult, assign_ids, make_actor, with_id
from generator.actors.registry import RegistryEntry
from generator.actors.roles import Seen, resolve_local_role, resolve_role, role_index
from generator.model import Actor, Article, Diagnostic, Level, Mention, Place, Role

ID_CLASH_LEVEL: Level = "warning"  # two actors' names make one id (one gets a numbered page)


class Resolver:
    """Pass 2: hits to mentions; people, surnames and role phrases resolved."""

    def __init__(self, ctx: Context, people: People, registry: Sequence[RegistryEntry]) -> None:
        self.ctx, self.people, self.registry = ctx, people, registry
        self.mentions: dict[str, set[tuple[int, int, str, str]]] = defaultdict(set)
        self.places: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
        self.spellings: dict[str, Counter[str]] = defaultdict(Counter)
        self.seen_roles: dict[str, list[Seen]] = defaultdict(list)
        self.diagnostics: list[Diagnostic] = []

    def run(self, articles: list[Article], hits: Mapping[str, list[Hit]],
            diagnostics: Sequence[Diagnostic] = ()) -> ActorResult:
        """The actors and mentions of `articles`; `diagnostics` from earlier passes join
        this pass's own."""
        for article in articles:
            self._article(article, hits[article.id])
        index, roles = role_index(self.registry, self.seen_roles, self.ctx)
        for article in articles:
            for hit in (h for h in hits[article.id] if h.kind == "role"):
                if hit.target:
                    actor = resolve_role(index, hit.target, hit.office, article.date, self.ctx.lex)
                else:
                    named = {m[2] for m in self.mentions[article.id] if m[3] != "role"}
                    actor = resolve_local_role(index, hit.office, named, self.ctx.lex)
                if actor is not None:
                    self.mentions[article.id].add((hit.start, hit.end, actor, "role"))
        self.diagnostics.extend(diagnostics)
        return self._result(articles, roles)

    def _article(self, article: Article, hits: list[Hit]) -> None:
        named: set[str] = set()
        later: list[Hit] = []
        longer = local_targets((h.target for h in hits if h.kind == "actor"), self.ctx)
        for hit in hits:
            if hit.kind == "actor":
                self._actor_hit(article, hit, longer)
            elif hit.kind == "place":
                self.places[article.id].add((hit.start, hit.end, hit.target))
            elif hit.kind in ("person", "pending") and (found := self._full_name(hit)):
                named.add(found.key)
                self._person(article, hit, found.key, "name")
            elif hit.kind in ("person", "single"):
                later.append(hit)
        for hit in later:
            key = self._single(article, hit, named)
            if key is not None:
                via = "alias" if fold(hit.text) in self.ctx.single_aliases else "surname"
                self._person(article, hit, key, via)

    def _actor_hit(self, article: Article, hit: Hit, longer: Mapping[str, str]) -> None:
        key = self.ctx.target(hit.target)
        key = longer.get(key, key)  # `Air Force` in an article naming `U.S. Air Force`
        self.mentions[article.id].add((hit.start, hit.end, key, hit.via))
        if hit.via in ("name", "alias", "acronym") and hit.text:
            self.spellings[key][hit.text] += 1

    def _full_name(self, hit: Hit) -> Cluster | None:
        found = self.people.of_spelling.get(hit.text)
        if found is None and hit.kind == "pending":
            fits = self.people.compatible(name_key(hit.text))
            found = fits[0] if len(fits) == 1 else None
        return found

    def _person(self, article: Article, hit: Hit, key: str, via: str) -> None:
        self.mentions[article.id].add((hit.start, hit.end, key, via))
        if via == "name":
            self.spellings[key][hit.text] += 1
        if hit.office:
            self.seen_roles[key].append((hit.qual, hit.office, hit.title, article.date))

    def _single(self, article: Article, hit: Hit, named: set[str]) -> str | None:
        """A one-word name: a registry alias, or the surname of one person."""
        if fold(hit.text) in self.ctx.single_aliases:
            return self.ctx.single_aliases[fold(hit.text)]
        cands = self.people.with_surname(hit.text)
        if not cands:  # `Steve` in an article about Steve Jobs: the one of that first name here
            cands = [c for c in self.people.with_first_name(hit.text) if c.key in named]
        if len(cands) > 1:
            local = [c for c in cands if c.key in named]
            if len(local) != 1:
                self.diagnostics.append(Diagnostic(
                    "info", article.path, f"`{hit.text}` could be any of "
                    f"{len(cands)} people; not linked"))
            cands = local
        return cands[0].key if len(cands) == 1 else None

    def _result(self, articles: list[Article], roles: Mapping[str, Sequence[Role]]
                ) -> ActorResult:
        keys = {k for found in self.mentions.values() for _, _, k, _ in found}
        keys |= {f"r:{i}" for i in range(len(self.registry))}
        made = {key: make_actor(key, self.ctx.entities.get(key), self.spellings[key],
                                roles.get(key, ())) for key in sorted(keys)}
        ids, clashes = assign_ids(made)
        self.diagnostics.extend(self._id_clash(made, ids, clash, articles) for clash in clashes
                                if not all(k.startswith("r:") for k in clash[:2]))
        actors = tuple(sorted((with_id(a, ids[k]) for k, a in made.items()), key=lambda a: a.id))
        mentions = {a.id: self._mentions_of(a, ids) for a in articles}
        places = {a.id: tuple(sorted(
            (Place(name, s, e, a.text[s:e]) for s, e, name in self.places[a.id]),
            key=lambda p: (p.start, p.end, p.name))) for a in articles}
        diags = tuple(sorted(set(self.diagnostics),
                             key=lambda d: (d.path, d.line or 0, d.level, d.message)))
        return ActorResult(actors, MappingProxyType(mentions), MappingProxyType(places), diags)

    def _id_clash(self, made: Mapping[str, Actor], ids: Mapping[str, str],
                  clash: tuple[str, str, str], articles: list[Article]) -> Diagnostic:
        """Two actors whose names make one id: both named, with where each comes from.
        (Two registry entries are reported by the registry itself.)"""
        key, twin, base = clash

        def source(k: str) -> tuple[str | None, str]:
            if k.startswith("r:"):
                return None, f"actors.yaml line {self.registry[int(k[2:])].line or '?'}"
            path = next((a.path for a in articles if any(m[2] == k for m in self.mentions[a.id])),
                        None)
            return path, f"named in {path}" if path else "discovered"

        (where, said), (twin_where, twin_said) = source(key), source(twin)
        one, other = made[key], made[twin]
        declared = next((a for k, a in ((key, one), (twin, other)) if k.startswith("r:")), None)
        found = other if declared is one else one
        fix = (f"add `{found.name}` to the aliases of `{declared.name}` in actors.yaml"
               if declared is not None else "declare it in actors.yaml, the other name an alias")
        return Diagnostic(ID_CLASH_LEVEL, where or twin_where or "actors.yaml",
                          f"`{one.name}` ({one.kind}, {said}) and `{other.name}` ({other.kind}, "
                          f"{twin_said}) make the same actor id `{base}`, so `{one.name}` gets "
                          f"`{ids[key]}`; if they are one actor, {fix}")

    def _mentions_of(self, article: Article, ids: Mapping[str, str]) -> tuple[Mention, ...]:
        found = [Mention(ids[k], s, e, article.text[s:e], via)  # type: ignore[arg-type]
                 for s, e, k, via in self.mentions[article.id]]
        return tuple(sorted(found, key=lambda m: (m.start, m.end, m.actor, m.via)))
