"""Known names: the shipped countries, organisations and places (loaded once, immutable),
and one corpus's frozen view of them (`Context`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType

from generator.actors.names import Lexicon, fold, is_legal_suffix, lexicon, load_yaml
from generator.actors.registry import RegistryEntry
from generator.actors.tokens import Token, tokenize
from generator.model import Kind, Role

DISCOVERED = "d:"  # key prefix of an organisation found in the text

_NO_KEYS: Mapping[str, str] = MappingProxyType({})


def _no_keys() -> Mapping[str, str]:
    return _NO_KEYS


@dataclass(frozen=True)
class Entry:
    """What a known name stands for."""

    kind: str  # actor, demonym, metonym, place, outlet
    target: str  # entity key, or place name
    via: str = "name"
    office: str = ""  # a metonym's office: `presidential` for the Kremlin


@dataclass(frozen=True)
class Entity:
    """A country or organisation from knowledge or the registry, or a discovered one."""

    key: str
    kind: Kind
    name: str = ""  # fixed name; "" = the best spelling seen
    origin: str = "discovered"
    description: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    adjective: str = ""  # a country's demonym, for role titles


Name = tuple[str, Entry, int]  # a name for the gazetteer: (text, entry, rank)


@dataclass(frozen=True)
class Gazetteer:
    """Known names by token keys; the longest match wins, then the lowest rank. Immutable:
    `with_names` gives a new gazetteer."""

    table: Mapping[tuple[str, ...], tuple[int, Entry]]
    longest: Mapping[str, int]  # first key -> longest name starting with it

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, Entry | None]:
        for n in range(min(self.longest.get(tokens[i].key, 0), len(tokens) - i), 0, -1):
            hit = self.table.get(tuple(t.key for t in tokens[i:i + n]))
            if hit is not None:
                return n, hit[1]
        return 0, None

    def with_names(self, names: Iterable[Name]) -> Gazetteer:
        """This gazetteer with `names` added in order (a name keeps its lowest rank)."""
        table, longest = dict(self.table), dict(self.longest)
        for name in names:
            _add_name(table, longest, name)
        return Gazetteer(MappingProxyType(table), MappingProxyType(longest))


def _add_name(table: dict[tuple[str, ...], tuple[int, Entry]], longest: dict[str, int],
              name: Name) -> None:
    text, entry, rank = name
    key = tuple(t.key for t in tokenize(text))
    if not key:
        return
    old = table.get(key)
    if old is None or rank < old[0]:
        table[key] = (rank, entry)
        longest[key[0]] = max(longest.get(key[0], 0), len(key))


EMPTY_GAZETTEER = Gazetteer(MappingProxyType({}), MappingProxyType({}))


@dataclass(frozen=True)
class Knowledge:
    """The shipped knowledge: entities and the gazetteer of their names (shared, read-only)."""

    entities: Mapping[str, Entity]
    gazetteer: Gazetteer
    org_names: Mapping[str, str]  # folded organisation name -> entity key
    country_names: Mapping[str, str]  # folded country name -> entity key


def _via(alias: str, name: str) -> str:
    if alias == name:
        return "name"
    letters = [c for c in alias if c.isalpha()]
    return "acronym" if letters and all(c.isupper() for c in letters) else "alias"


def _countries(entities: dict[str, Entity], names: list[Name],
               country_names: dict[str, str]) -> None:
    for row in load_yaml("countries.yaml"):
        key = "k:" + row["name"]
        demonyms = [str(d) for d in row.get("demonyms") or []]
        entities[key] = Entity(key, "country", row["name"], "knowledge",
                               adjective=demonyms[0] if demonyms else row["name"])
        for alias in [row["name"], *(row.get("aliases") or [])]:
            names.append((str(alias), Entry("actor", key, _via(str(alias), row["name"])), 2))
            country_names[fold(str(alias))] = key
        for demonym in demonyms:
            names.append((demonym, Entry("demonym", key, "adjective"), 4))
        for met in row.get("metonyms") or []:
            names.append((met["name"], Entry("metonym", key, "alias", met["office"]), 3))
        if row.get("capital"):
            names.append((row["capital"], Entry("place", row["capital"]), 5))


def _organizations(entities: dict[str, Entity], names: list[Name],
                   org_names: dict[str, str]) -> None:
    for row in load_yaml("organizations.yaml"):
        key = "k:" + row["name"]
        entities[key] = Entity(key, "organization", row["name"], "knowledge")
        for alias in [row["name"], *(row.get("aliases") or [])]:
            names.append((str(alias), Entry("actor", key, _via(str(alias), row["name"])), 2))
            org_names[org_key(str(alias))] = key


def _places(names: list[Name]) -> None:
    raw = load_yaml("places.yaml")
    for item in [*raw["regions"], *raw["cities"]]:
        name = item if isinstance(item, str) else item["name"]
        aliases = [] if isinstance(item, str) else item.get("aliases") or []
        for alias in [name, *aliases]:
            names.append((str(alias), Entry("place", str(name)), 5))
    for outlet in lexicon().outlets:
        names.append((outlet, Entry("outlet", outlet), 6))


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The shipped knowledge, loaded once and frozen (every build shares it)."""
    entities: dict[str, Entity] = {}
    names: list[Name] = []
    org_names: dict[str, str] = {}
    country_names: dict[str, str] = {}
    _countries(entities, names, country_names)
    _organizations(entities, names, org_names)
    _places(names)
    return Knowledge(MappingProxyType(entities), EMPTY_GAZETTEER.with_names(names),
                     MappingProxyType(org_names), MappingProxyType(country_names))


def org_key(name: str) -> str:
    """Spelling-independent key of an organisation name."""
    words = fold(name).replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    swaps = {"organisation": "organization", "programme": "program", "defence": "defense",
             "centre": "center", "labour": "labor", "co-operation": "cooperation"}
    words = [swaps.get(w, w) for w in words]
    while len(words) > 1 and is_legal_suffix(words[-1]):  # `Boeing Co.` = `The Boeing Company`
        words.pop()
    return " ".join(w.rstrip(",") for w in words)


# --- per-corpus context -----------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """Everything one `find_actors` pass knows: knowledge, registry, what earlier passes
    learned. Frozen: a pass that learns something returns it, and the caller makes the next
    context with `with_names`, `with_discovered` or `dataclasses.replace`."""

    lex: Lexicon
    gaz: Gazetteer
    entities: Mapping[str, Entity]
    org_names: Mapping[str, str]
    redirect: Mapping[str, str] = field(default_factory=_no_keys)
    single_aliases: Mapping[str, str] = field(default_factory=_no_keys)  # registry one-word aliases
    common: frozenset[str] = frozenset()
    cued_orgs: frozenset[str] = frozenset()  # org keys of names shown to be organisations
    country_names: Mapping[str, str] = field(default_factory=_no_keys)  # folded alias -> entity key

    def target(self, key: str) -> str:
        return self.redirect.get(key, key)

    def entity(self, key: str) -> Entity:
        return self.entities[self.target(key)]

    def discovered_org(self, name: str) -> str:
        """The entity key of an organisation found in the text: a known one, or a `d:` key
        (`with_discovered` makes it an entity of the context)."""
        k = self.country_prefix(org_key(name))
        return self.target(self.org_names.get(k, DISCOVERED + k))

    def country_prefix(self, key: str) -> str:
        """`u.s. air force`, `us air force` -> `united states air force`: a country's name or
        acronym leading an organisation's name is written one way."""
        words = key.split()
        for n in range(min(3, len(words) - 1), 0, -1):
            country = self.country_names.get(" ".join(words[:n]))
            if country is not None:
                name = fold(self.entities[country].name)
                return " ".join([name, *words[n:]])
        return key

    def with_names(self, names: Iterable[Name]) -> Context:
        """This context with `names` added to its gazetteer."""
        names = tuple(names)
        return replace(self, gaz=self.gaz.with_names(names)) if names else self

    def with_discovered(self, keys: Iterable[str]) -> Context:
        """This context with the discovered organisations `keys` (`d:` keys) as entities."""
        new = sorted(k for k in keys if k.startswith(DISCOVERED) and k not in self.entities)
        if not new:
            return self
        entities, org_names = dict(self.entities), dict(self.org_names)
        for key in new:
            _add_discovered(entities, org_names, key)
        return replace(self, entities=MappingProxyType(entities),
                       org_names=MappingProxyType(org_names))


def _add_discovered(entities: dict[str, Entity], org_names: dict[str, str], key: str) -> None:
    if key.startswith(DISCOVERED) and key not in entities:
        entities[key] = Entity(key, "organization")
        org_names.setdefault(key[len(DISCOVERED):], key)


class Learning:
    """For a pass that reads with what it has learned so far (an acronym's definition makes
    its name known to the next sentences): `ctx` with a gazetteer and discovered
    organisations that grow in place. Its tables are this object's own copies, so it must
    stay local to the one call that made it: that call returns what it learned, frozen."""

    def __init__(self, ctx: Context) -> None:
        self._table, self._longest = dict(ctx.gaz.table), dict(ctx.gaz.longest)
        self._entities, self._org_names = dict(ctx.entities), dict(ctx.org_names)
        self.ctx = replace(ctx, gaz=Gazetteer(self._table, self._longest),
                           entities=self._entities, org_names=self._org_names)

    def add_name(self, name: Name) -> None:
        _add_name(self._table, self._longest, name)

    def add_discovered(self, key: str) -> None:
        _add_discovered(self._entities, self._org_names, key)


def corpus_context(registry: Sequence[RegistryEntry], common: frozenset[str] = frozenset()
                   ) -> Context:
    """A fresh context for one corpus: the knowledge, with the registry winning over it;
    `common` holds the words the corpus writes in lower case."""
    kb = knowledge()
    entities, org_names = dict(kb.entities), dict(kb.org_names)
    redirect: dict[str, str] = {}
    single_aliases: dict[str, str] = {}
    names: list[Name] = []
    for i, entry in enumerate(registry):
        key = f"r:{i}"
        adjective = ""
        if entry.kind == "person":
            single_aliases.update({fold(a): key for a in entry.aliases if " " not in a})
        else:
            known = kb.country_names if entry.kind == "country" else kb.org_names
            norm = fold if entry.kind == "country" else org_key
            for alias in (entry.name, *entry.aliases):
                if norm(alias) in known:
                    redirect[known[norm(alias)]] = key
                    adjective = kb.entities[known[norm(alias)]].adjective
                names.append((alias, Entry("actor", key, _via(alias, entry.name)), 0))
                if entry.kind == "organization":
                    org_names[org_key(alias)] = key
        entities[key] = Entity(key, entry.kind, entry.name, "registry", entry.description,
                               entry.aliases, entry.roles, adjective)
    return Context(lexicon(), kb.gazetteer.with_names(names), MappingProxyType(entities),
                   MappingProxyType(org_names), MappingProxyType(redirect),
                   MappingProxyType(single_aliases), common, frozenset(), kb.country_names)
