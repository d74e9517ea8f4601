"""Known names: the shipped countries, organisations and places, and a corpus's view of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator.actors.names import Lexicon, Token, fold, is_legal_suffix, lexicon, load_yaml, tokenize
from generator.actors.registry import RegistryEntry
from generator.model import Diagnostic, Kind, Role


@dataclass(frozen=True)
class Entry:
    """What a known name stands for."""

    kind: str  # actor, demonym, metonym, place, outlet
    target: str  # entity key, or place name
    via: str = "name"
    office: str = ""  # a metonym's office: `presidential` for the Kremlin


@dataclass
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


class Gazetteer:
    """Known names by token keys; the longest match wins, then the highest rank."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, ...], tuple[int, Entry]] = {}
        self.longest: dict[str, int] = {}  # first key -> longest name starting with it

    def add(self, text: str, entry: Entry, rank: int) -> None:
        key = tuple(t.key for t in tokenize(text))
        if not key:
            return
        old = self.table.get(key)
        if old is None or rank < old[0]:
            self.table[key] = (rank, entry)
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, Entry | None]:
        for n in range(min(self.longest.get(tokens[i].key, 0), len(tokens) - i), 0, -1):
            hit = self.table.get(tuple(t.key for t in tokens[i:i + n]))
            if hit is not None:
                return n, hit[1]
        return 0, None

    def copy(self) -> Gazetteer:
        new = Gazetteer()
        new.table, new.longest = dict(self.table), dict(self.longest)
        return new


@dataclass
class Knowledge:
    """The shipped knowledge: entities and the gazetteer of their names."""

    entities: dict[str, Entity]
    gazetteer: Gazetteer
    org_names: dict[str, str]  # folded organisation name -> entity key
    country_names: dict[str, str]  # folded country name -> entity key


def _via(alias: str, name: str) -> str:
    if alias == name:
        return "name"
    letters = [c for c in alias if c.isalpha()]
    return "acronym" if letters and all(c.isupper() for c in letters) else "alias"


def _add_countries(kb: Knowledge) -> None:
    for row in load_yaml("countries.yaml"):
        key = "k:" + row["name"]
        demonyms = [str(d) for d in row.get("demonyms") or []]
        kb.entities[key] = Entity(key, "country", row["name"], "knowledge",
                                  adjective=demonyms[0] if demonyms else row["name"])
        for alias in [row["name"], *(row.get("aliases") or [])]:
            kb.gazetteer.add(str(alias), Entry("actor", key, _via(str(alias), row["name"])), 2)
            kb.country_names[fold(str(alias))] = key
        for demonym in demonyms:
            kb.gazetteer.add(demonym, Entry("demonym", key, "adjective"), 4)
        for met in row.get("metonyms") or []:
            kb.gazetteer.add(met["name"], Entry("metonym", key, "alias", met["office"]), 3)
        if row.get("capital"):
            kb.gazetteer.add(row["capital"], Entry("place", row["capital"]), 5)


def _add_organizations(kb: Knowledge) -> None:
    for row in load_yaml("organizations.yaml"):
        key = "k:" + row["name"]
        kb.entities[key] = Entity(key, "organization", row["name"], "knowledge")
        for alias in [row["name"], *(row.get("aliases") or [])]:
            kb.gazetteer.add(str(alias), Entry("actor", key, _via(str(alias), row["name"])), 2)
            kb.org_names[org_key(str(alias))] = key


def _add_places(kb: Knowledge) -> None:
    raw = load_yaml("places.yaml")
    for item in [*raw["regions"], *raw["cities"]]:
        name = item if isinstance(item, str) else item["name"]
        aliases = [] if isinstance(item, str) else item.get("aliases") or []
        for alias in [name, *aliases]:
            kb.gazetteer.add(str(alias), Entry("place", str(name)), 5)
    for outlet in lexicon().outlets:
        kb.gazetteer.add(outlet, Entry("outlet", outlet), 6)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The shipped knowledge, loaded once."""
    kb = Knowledge({}, Gazetteer(), {}, {})
    _add_countries(kb)
    _add_organizations(kb)
    _add_places(kb)
    return kb


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


@dataclass
class Context:
    """Everything one `find_actors` call knows: knowledge, registry, corpus acronyms."""

    lex: Lexicon
    gaz: Gazetteer
    entities: dict[str, Entity]
    org_names: dict[str, str]
    redirect: dict[str, str] = field(default_factory=dict)
    single_aliases: dict[str, str] = field(default_factory=dict)  # registry one-word aliases
    common: frozenset[str] = frozenset()
    cued_orgs: set[str] = field(default_factory=set)  # org keys of names seen after a cue
    diagnostics: list[Diagnostic] = field(default_factory=list)
    country_names: dict[str, str] = field(default_factory=dict)  # folded alias -> entity key

    def target(self, key: str) -> str:
        return self.redirect.get(key, key)

    def entity(self, key: str) -> Entity:
        return self.entities[self.target(key)]

    def discovered_org(self, name: str) -> str:
        """The entity key of an organisation found in the text (made if new)."""
        k = self.country_prefix(org_key(name))
        if k in self.org_names:
            return self.target(self.org_names[k])
        key = "d:" + k
        self.entities.setdefault(key, Entity(key, "organization"))
        self.org_names[k] = key
        return key


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


def corpus_context(registry: Sequence[RegistryEntry]) -> Context:
    """A fresh context for one corpus: the knowledge, with the registry winning over it."""
    kb = knowledge()
    ctx = Context(lexicon(), kb.gazetteer.copy(), dict(kb.entities), dict(kb.org_names),
                  country_names=kb.country_names)
    for i, entry in enumerate(registry):
        key = f"r:{i}"
        ctx.entities[key] = Entity(key, entry.kind, entry.name, "registry", entry.description,
                                   entry.aliases, entry.roles)
        if entry.kind == "person":
            ctx.single_aliases.update({fold(a): key for a in entry.aliases if " " not in a})
            continue
        names = kb.country_names if entry.kind == "country" else kb.org_names
        norm = fold if entry.kind == "country" else org_key
        for alias in (entry.name, *entry.aliases):
            if norm(alias) in names:
                ctx.redirect[names[norm(alias)]] = key
                ctx.entities[key].adjective = kb.entities[names[norm(alias)]].adjective
            ctx.gaz.add(alias, Entry("actor", key, _via(alias, entry.name)), 0)
            if entry.kind == "organization":
                ctx.org_names[org_key(alias)] = key
    return ctx
