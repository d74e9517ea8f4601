"""Actors: the people, countries and organisations articles name, one record per entity."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.actors.knowledge import Context, corpus_context, org_key
from generator.actors.mentions import (
    Hit,
    SentenceReader,
    learn_acronyms,
    learn_cued_orgs,
    role_key,
    units_of,
)
from generator.actors.names import (
    Lexicon,
    Token,
    fold,
    is_legal_suffix,
    lexicon,
    name_key,
    name_parts,
    same_person,
    slug,
    tokenize,
)
from generator.actors.orgnames import learn_org_names
from generator.actors.orgresolve import local_targets, merge_corpus_orgs
from generator.actors.registry import RegistryEntry, load_registry
from generator.model import Actor, Article, Diagnostic, Kind, Mention, PartialDate, Place, Role

__all__ = ["ActorResult", "RegistryEntry", "find_actors", "load_registry"]

ROLE_TOLERANCE_DAYS = 400  # how far from the dates a discovered title was seen it still counts


@dataclass(frozen=True)
class ActorResult:
    """The actors of a corpus and where each article names them."""

    actors: tuple[Actor, ...]
    mentions: Mapping[str, tuple[Mention, ...]]
    places: Mapping[str, tuple[Place, ...]]
    diagnostics: tuple[Diagnostic, ...] = ()


# --- people: spellings merged into one actor each --------------------------------------------


@dataclass(eq=False)
class Cluster:
    """One person: the name keys of the spellings merged into them."""

    key: str
    keys: list[tuple[str, ...]] = field(default_factory=list)


class People:
    """The people of a corpus, findable by spelling, by name key and by surname."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.by_last: dict[str, list[Cluster]] = defaultdict(list)
        self.by_first: dict[str, list[Cluster]] = defaultdict(list)  # of names of 2+ words
        self.of_spelling: dict[str, Cluster] = {}

    def new(self, key: str) -> Cluster:
        cluster = Cluster(key)
        self.clusters.append(cluster)
        return cluster

    def attach(self, cluster: Cluster, spelling: str) -> None:
        key = name_key(spelling)
        if key and key not in cluster.keys:
            cluster.keys.append(key)
            if cluster not in self.by_last[key[-1]]:
                self.by_last[key[-1]].append(cluster)
            if len(key) > 1 and cluster not in self.by_first[key[0]]:
                self.by_first[key[0]].append(cluster)
        self.of_spelling[spelling] = cluster

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


def _people(hits: Mapping[str, list[Hit]], registry: Sequence[RegistryEntry]) -> People:
    """Merge the cued names: longest first, each joining the one person it fits."""
    people = People()
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
    return people


# --- roles ------------------------------------------------------------------------------------


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


def _resolve_role(index: Mapping[str, list[Held]], qual: str, office: str, day: dt.date | None,
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


def _resolve_local_role(index: Mapping[str, list[Held]], office: str, named: set[str],
                        lex: Lexicon) -> str | None:
    """"The foreign minister" with no country: the one person the article names who holds
    that office (whatever its country); none when two could be meant."""
    holders = {h.actor for held in index.values() for h in held
               if h.actor in named and _office_matches(office, h.office, lex)}
    return holders.pop() if len(holders) == 1 else None


def _merge_seen_roles(seen: list[tuple[str, str, str, dt.date | None]]) -> list[tuple]:
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


# --- the passes -------------------------------------------------------------------------------
#
# `find_actors` reads only content sentences, in three passes over the corpus:
# 0. acronym definitions, `Government of National Accord (GNA)`, for the whole corpus;
# 1. every sentence is cut into units (known names, titles, unknown capitalised runs) and read
#    for countries, organisations, places, titled or speaking people and role phrases;
# 2. people's spellings are merged into one actor each (phonetic keys, particles, middle
#    names), then bare surnames, untitled full names and role phrases (`the Turkish leader`)
#    are resolved against them.


def find_actors(articles: Sequence[Article], registry: Sequence[RegistryEntry] = ()) -> ActorResult:
    """The actors the articles' content sentences name, and where they name them."""
    ctx = corpus_context(registry)
    docs = [(a, _content_tokens(a)) for a in articles]
    ctx.common = frozenset(t.fold for _, sents in docs for s in sents for t in s
                           if t.kind == "word" and t.text[0].islower())
    learn_acronyms(docs, ctx)
    units = {a.id: [units_of(s, ctx) for s in sents] for a, sents in docs}
    learn_org_names((u for sents in units.values() for u in sents), ctx)
    learn_cued_orgs((u for sents in units.values() for u in sents), ctx)
    hits = {aid: [h for u in sents for h in SentenceReader(u, ctx).read()]
            for aid, sents in units.items()}
    merge_corpus_orgs(hits, ctx)
    return Resolver(ctx, _people(hits, registry), registry).run([a for a, _ in docs], hits)


def _content_tokens(article: Article) -> list[list[Token]]:
    """Tokens of each content sentence (never furniture, the title or a credit line)."""
    kinds = {p.index: p.kind for p in article.paragraphs}
    sents = [tokenize(article.text[s.start:s.end], s.start) for s in article.sentences
             if kinds.get(s.paragraph) not in ("furniture", "title")]
    return [s for s in sents if not _is_credit(s, lexicon())]


def _is_credit(sent: Sequence[Token], lex: Lexicon) -> bool:
    """`By Amira Haddad`, `(Reporting by X in Y; Editing by Z)`: a byline, not content."""
    words = [t for t in sent if t.kind in ("word", "acr")]
    if not words or not (words[0].fold == "by" or (
            words[0].fold in lex.credit_words and any(t.fold == "by" for t in words[1:3]))):
        return False
    return all(t.cap or t.fold in lex.credit_words or t.fold in lex.credit_glue
               or t.fold in lex.particles for t in words[1:])



class Resolver:
    """Pass 2: hits to mentions; people, surnames and role phrases resolved."""

    def __init__(self, ctx: Context, people: People, registry: Sequence[RegistryEntry]) -> None:
        self.ctx, self.people, self.registry = ctx, people, registry
        self.mentions: dict[str, set[tuple[int, int, str, str]]] = defaultdict(set)
        self.places: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
        self.spellings: dict[str, Counter[str]] = defaultdict(Counter)
        self.seen_roles: dict[str, list[tuple[str, str, str, dt.date | None]]] = defaultdict(list)
        self.roles: dict[str, list[Role]] = {}

    def run(self, articles: list[Article], hits: Mapping[str, list[Hit]]) -> ActorResult:
        for article in articles:
            self._article(article, hits[article.id])
        index = self._role_index()
        for article in articles:
            for hit in (h for h in hits[article.id] if h.kind == "role"):
                if hit.target:
                    actor = _resolve_role(index, hit.target, hit.office, article.date, self.ctx.lex)
                else:
                    named = {m[2] for m in self.mentions[article.id] if m[3] != "role"}
                    actor = _resolve_local_role(index, hit.office, named, self.ctx.lex)
                if actor is not None:
                    self.mentions[article.id].add((hit.start, hit.end, actor, "role"))
        return self._result(articles)

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
                self.ctx.diagnostics.append(Diagnostic(
                    "info", article.path, f"`{hit.text}` could be any of "
                    f"{len(cands)} people; not linked"))
            cands = local
        return cands[0].key if len(cands) == 1 else None

    def _role_index(self) -> dict[str, list[Held]]:
        index: dict[str, list[Held]] = defaultdict(list)
        for i, entry in enumerate(self.registry):
            for role in entry.roles if entry.kind == "person" else ():
                qual, office = role_key(role.title, self.ctx)
                index[qual].append(Held(f"r:{i}", qual, office,
                                        role.start.first_day() if role.start else None,
                                        role.end.last_day() if role.end else None, False))
        for key in sorted(self.seen_roles):
            declared = {(h.qual, h.office) for hs in index.values() for h in hs if h.actor == key}
            roles = []
            for qual, office, title, start, end in _merge_seen_roles(self.seen_roles[key]):
                if (qual, office) in declared:
                    continue
                roles.append(Role(title, start and PartialDate.of(start),
                                  end and PartialDate.of(end)))
                index[qual].append(Held(key, qual, office, start, end, True))
            self.roles[key] = roles
        return index

    def _result(self, articles: list[Article]) -> ActorResult:
        keys = {k for found in self.mentions.values() for _, _, k, _ in found}
        keys |= {f"r:{i}" for i in range(len(self.registry))}
        made = {key: self._make(key) for key in sorted(keys)}
        ids = _assign_ids(made)
        actors = tuple(sorted((_with_id(a, ids[k]) for k, a in made.items()), key=lambda a: a.id))
        mentions = {a.id: self._mentions_of(a, ids) for a in articles}
        places = {a.id: tuple(sorted(
            (Place(name, s, e, a.text[s:e]) for s, e, name in self.places[a.id]),
            key=lambda p: (p.start, p.end, p.name))) for a in articles}
        diags = tuple(sorted(set(self.ctx.diagnostics),
                             key=lambda d: (d.path, d.line or 0, d.level, d.message)))
        return ActorResult(actors, mentions, places, diags)

    def _mentions_of(self, article: Article, ids: Mapping[str, str]) -> tuple[Mention, ...]:
        found = [Mention(ids[k], s, e, article.text[s:e], via)  # type: ignore[arg-type]
                 for s, e, k, via in self.mentions[article.id]]
        return tuple(sorted(found, key=lambda m: (m.start, m.end, m.actor, m.via)))

    def _make(self, key: str) -> Actor:
        ent = self.ctx.entities.get(key)
        kind: Kind = ent.kind if ent is not None else "person"
        spellings = self.spellings[key]
        name = ent.name if ent is not None and ent.name else _best_name(spellings, kind, key)
        aliases = {s for s in spellings if fold(s) != fold(name)}
        aliases |= set(ent.aliases if ent is not None else ())
        roles = list(ent.roles if ent is not None else ()) + self.roles.get(key, [])
        return Actor("", name, kind, tuple(sorted(aliases, key=lambda s: (fold(s), s))),
                     tuple(roles), ent.description if ent is not None else None,
                     ent.origin if ent is not None else "discovered")  # type: ignore[arg-type]


def _best_name(spellings: Counter[str], kind: Kind, key: str = "") -> str:
    """The most complete, then most frequent spelling (a person); for others the most
    frequent full name (an acronym or a shortened name only when nothing else names it)."""
    if kind == "person":
        order = sorted(spellings, key=lambda s: (-len(name_parts(s)), -spellings[s], fold(s), s))
    else:  # a legal suffix is left off
        full = key.removeprefix("d:")
        order = sorted(spellings, key=lambda s: (s.isupper(), len(org_key(s)) < len(full),
                                                 -spellings[s], _legal_form(s), -len(s),
                                                 fold(s), s))
    return order[0] if order else "unknown"


def _legal_form(spelling: str) -> bool:
    """`Boeing Co.`: a name ending in a legal suffix (`Boeing` names it better)."""
    words = spelling.split()
    return len(words) > 1 and is_legal_suffix(words[-1])


def _assign_ids(made: Mapping[str, Actor]) -> dict[str, str]:
    """Slug ids of the names; a clash gets `-2`, `-3` in a fixed order."""
    rank = {"country": 0, "organization": 1, "person": 2}
    order = sorted(made, key=lambda k: (slug(made[k].name), rank[made[k].kind], made[k].name, k))
    ids: dict[str, str] = {}
    used: set[str] = set()
    for key in order:
        base = slug(made[key].name)
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        ids[key] = ident
    return ids


def _with_id(actor: Actor, ident: str) -> Actor:
    return Actor(ident, actor.name, actor.kind, actor.aliases, actor.roles, actor.description,
                 actor.origin)
