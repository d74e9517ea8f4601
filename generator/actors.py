"""Actors: the people, countries and organisations articles name, one record per entity.

`find_actors` reads only content sentences, in three passes over the corpus:

0. acronym definitions, `Government of National Accord (GNA)`, for the whole corpus;
1. every sentence is cut into units (known names, titles, unknown capitalised runs) and read
   for countries, organisations, places, titled or speaking people and role phrases;
2. people's spellings are merged into one actor each (phonetic keys, particles, middle
   names), then bare surnames, untitled full names and role phrases (`the Turkish leader`)
   are resolved against them.

Knowledge (countries, organisations, places, word lists) ships in `generator/data`; a user's
registry (`actors.yaml`) wins over both knowledge and discovery.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.model import Actor, Article, Diagnostic, Kind, Mention, PartialDate, Place, Role
from generator.names import (
    Lexicon,
    Token,
    core_words,
    fold,
    lexicon,
    load_yaml,
    name_key,
    name_parts,
    same_person,
    slug,
    tokenize,
)

KINDS: dict[str, Kind] = {
    "person": "person", "country": "country",
    "organization": "organization", "organisation": "organization",
}
ROLE_TOLERANCE_DAYS = 400  # how far from the dates a discovered title was seen it still counts
_ENTRY_KEYS = {"name", "kind", "aliases", "roles", "description"}


@dataclass(frozen=True)
class RegistryEntry:
    """One actor the user declared in `actors.yaml`."""

    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    description: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class ActorResult:
    """The actors of a corpus and where each article names them."""

    actors: tuple[Actor, ...]
    mentions: Mapping[str, tuple[Mention, ...]]
    places: Mapping[str, tuple[Place, ...]]
    diagnostics: tuple[Diagnostic, ...] = ()


# --- registry ---------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe loader that keeps dates as written (`2019-05` and `2019-05-01` alike)."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def load_registry(path: Path) -> tuple[tuple[RegistryEntry, ...], tuple[Diagnostic, ...]]:
    """Read `actors.yaml`: a list of entries, or a mapping with an `actors` list."""
    where = str(path)
    if not Path(path).is_file():
        return (), ()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return (), (Diagnostic("error", where, f"cannot read the actor registry: {exc}"),)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return _read_entries(root, loader, where)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return (), (Diagnostic("error", where, f"invalid YAML: {problem}", line),)
    finally:
        loader.dispose()


def _entry_nodes(root: yaml.Node | None, where: str) -> tuple[list[yaml.Node], list[Diagnostic]]:
    if root is None:
        return [], []
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "actors":
                return _entry_nodes(value, where)
    if isinstance(root, yaml.SequenceNode):
        return list(root.value), []
    msg = "the actor registry must be a list of entries (or `actors:` with a list)"
    return [], [Diagnostic("error", where, msg, root.start_mark.line + 1)]


def _read_entries(root: yaml.Node | None, loader: _Loader, where: str):
    nodes, diags = _entry_nodes(root, where)
    entries: list[RegistryEntry] = []
    claimed: dict[str, RegistryEntry] = {}
    for node in nodes:
        line = node.start_mark.line + 1
        entry, problems = _read_entry(node, loader, where, line)
        diags.extend(problems)
        if entry is None:
            continue
        clash = next((claimed[fold(n)] for n in (entry.name, *entry.aliases)
                      if fold(n) in claimed), None)
        if clash is not None:
            taken = next(n for n in (entry.name, *entry.aliases) if fold(n) in claimed)
            diags.append(Diagnostic("error", where, f"`{taken}` is already claimed by "
                                    f"`{clash.name}` (line {clash.line}); entry skipped", line))
            continue
        claimed.update({fold(n): entry for n in (entry.name, *entry.aliases)})
        entries.append(entry)
    return tuple(entries), tuple(diags)


def _read_entry(node: yaml.Node, loader: _Loader, where: str, line: int):
    def err(msg: str, at: int = line) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic("error", where, msg + "; entry skipped", at)]

    if not isinstance(node, yaml.MappingNode):
        return err("a registry entry must be a mapping with `name` and `kind`")
    data = loader.construct_object(node, deep=True)
    name, kind = data.get("name"), data.get("kind")
    if not isinstance(name, str) or not name.strip():
        return err("a registry entry needs a `name`")
    if not isinstance(kind, str) or kind.strip().lower() not in KINDS:
        return err(f"`{name}`: unknown kind {kind!r} (use person, country or organization)")
    aliases = data.get("aliases") or []
    aliases = [aliases] if isinstance(aliases, str) else aliases
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return err(f"`{name}`: `aliases` must be a list of names")
    roles, problem = _read_roles(data.get("roles") or [], node)
    if problem is not None:
        return err(f"`{name}`: {problem[0]}", problem[1])
    description = data.get("description")
    warn = [Diagnostic("warning", where, f"`{name}`: unknown field `{k}` ignored", line)
            for k in sorted(map(str, data)) if k not in _ENTRY_KEYS]
    entry = RegistryEntry(name.strip(), KINDS[kind.strip().lower()],
                          tuple(a.strip() for a in aliases if a.strip() and a.strip() != name),
                          roles, str(description).strip() if description else None, line)
    return entry, warn


def _read_roles(raw: Any, node: yaml.MappingNode) -> tuple[tuple[Role, ...], tuple | None]:
    """The roles, and (problem, line) when one is malformed."""
    role_node = next((v for k, v in node.value if k.value == "roles"), node)
    line = role_node.start_mark.line + 1
    if not isinstance(raw, list):
        return (), ("`roles` must be a list", line)
    out = []
    for i, item in enumerate(raw):
        at = line
        if isinstance(role_node, yaml.SequenceNode) and i < len(role_node.value):
            at = role_node.value[i].start_mark.line + 1
        role = _read_role(item)
        if isinstance(role, str):
            return (), (role, at)
        out.append(role)
    return tuple(out), None


def _read_role(item: Any) -> Role | str:
    if isinstance(item, str):
        return Role(item.strip())
    if not isinstance(item, dict) or not isinstance(item.get("title"), str):
        return "a role needs a `title`"
    try:
        start = _role_date(item.get("from"))
        end = _role_date(item.get("to"))
    except ValueError as exc:
        return f"role `{item['title']}`: {exc}"
    if start and end and end.last_day() < start.first_day():
        return f"role `{item['title']}` ends before it starts"
    return Role(item["title"].strip(), start, end)


def _role_date(value: Any) -> PartialDate | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    return PartialDate.parse(str(value))


# --- knowledge --------------------------------------------------------------------------------


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
    return " ".join(swaps.get(w, w) for w in words)


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
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def target(self, key: str) -> str:
        return self.redirect.get(key, key)

    def entity(self, key: str) -> Entity:
        return self.entities[self.target(key)]

    def discovered_org(self, name: str) -> str:
        """The entity key of an organisation found in the text (made if new)."""
        k = org_key(name)
        if k in self.org_names:
            return self.target(self.org_names[k])
        key = "d:" + k
        self.entities.setdefault(key, Entity(key, "organization"))
        self.org_names[k] = key
        return key


def _context(registry: Sequence[RegistryEntry]) -> Context:
    kb = knowledge()
    ctx = Context(lexicon(), kb.gazetteer.copy(), dict(kb.entities), dict(kb.org_names))
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


# --- units: a sentence cut into known names, titles and unknown capitalised runs ---------------


@dataclass
class Unit:
    """A piece of a sentence: gap (unknown capitalised run), ent, org, adj, title, conn,
    word, punct, poss or suffix."""

    kind: str
    toks: list[Token]
    entry: Entry | None = None
    office: str = ""  # a title's office
    role: str = ""  # a title's class: office, honorific, descriptor, counterpart

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    @property
    def spelling(self) -> str:
        return " ".join(t.text for t in self.toks)

    def is_word(self, *words: str) -> bool:
        return self.kind in ("word", "conn") and self.toks[0].fold in words


def units_of(tokens: Sequence[Token], ctx: Context) -> list[Unit]:
    """Cut a sentence's tokens into units."""
    units = []
    i = 0
    while i < len(tokens):
        unit = _unit_at(tokens, i, ctx)
        units.append(unit)
        i += len(unit.toks)
    return _merge_orgs(_portfolios(_merge_gaps(units), ctx), ctx)


def _unit_at(tokens: Sequence[Token], i: int, ctx: Context) -> Unit:
    tok = tokens[i]
    if tok.kind in ("poss", "suffix", "punct", "num"):
        return Unit(tok.kind if tok.kind in ("poss", "suffix") else "punct", [tok])
    n_title, office, role = _title_at(tokens, i, ctx.lex, tok.cap)
    if tok.cap:
        n_ent, entry = ctx.gaz.match(tokens, i)
        if n_ent and n_ent > n_title:
            return Unit("ent", list(tokens[i:i + n_ent]), entry)
    if n_title:
        return Unit("title", list(tokens[i:i + n_title]), office=office, role=role)
    if tok.cap and not _noise(tokens, i, ctx.lex):
        return Unit("gap", [tok])
    return Unit("conn" if tok.fold in ctx.lex.connectors else "word", [tok])


def _title_at(tokens: Sequence[Token], i: int, lex: Lexicon, cap: bool) -> tuple[int, str, str]:
    """(length, office, class) of the title starting at `i`; length 0 if none."""
    longest = lex.title_len if tokens[i].fold in lex.title_starts else 0
    for n in range(min(longest, len(tokens) - i), 0, -1):
        toks = tokens[i:i + n]
        if all(t.kind == "word" for t in toks) and _title_case(toks, cap, lex):
            office = lex.titles.get(tuple(t.fold for t in toks))
            if office:
                return n, office, "office"
    f = tokens[i].fold
    for role, words in (("honorific", lex.honorifics), ("descriptor", lex.descriptors),
                        ("counterpart", lex.counterparts)):
        if f in words and tokens[i].kind == "word":
            return 1, "", role
    return 0, "", ""


def _title_case(toks: Sequence[Token], cap: bool, lex: Lexicon) -> bool:
    if cap:
        return all(t.cap or (j and t.fold in lex.connectors) for j, t in enumerate(toks))
    return all(t.text[0].islower() for t in toks)


def _noise(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Capitalised but never part of a name: weekdays, months, sentence-starting `The`."""
    tok = tokens[i]
    f = tok.fold
    if f == "may":
        before = tokens[i - 1].fold if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        return before in lex.may_words or (after is not None and after.kind == "num")
    if f in lex.weekdays or f in lex.months or (f in lex.stopwords and not tok.upper):
        return True
    return tok.upper and len(tok.text) > 6


def _merge_gaps(units: list[Unit]) -> list[Unit]:
    """Join adjacent gaps, and gaps joined by a connector (`Bank of`, `bin`)."""
    out: list[Unit] = []
    for u in units:
        if u.kind == "gap" and out and out[-1].kind == "gap":
            out[-1].toks.extend(u.toks)
        elif u.kind == "gap" and len(out) > 1 and out[-1].kind == "conn" and out[-2].kind == "gap":
            conn = out.pop()
            out[-1].toks.extend(conn.toks + u.toks)
        else:
            out.append(u)
    return out


def _portfolios(units: list[Unit], ctx: Context) -> list[Unit]:
    """`Minister of Health Othman Abduljaleel`: the portfolio words join the title."""
    for k in range(len(units) - 2):
        title, conn, gap = units[k:k + 3]
        if title.kind != "title" or title.role != "office" or not conn.is_word("of", "for") \
                or gap.kind != "gap":
            continue
        n = 0
        while n < len(gap.toks) - 1 and gap.toks[n].fold in ctx.lex.portfolios:
            n += 1
        if n:
            words = " ".join(t.fold for t in gap.toks[:n])
            title.toks = title.toks + conn.toks + gap.toks[:n]
            title.office = f"{title.office} of {words}"
            gap.toks = gap.toks[n:]
            conn.kind = "merged"
    return [u for u in units if u.kind != "merged"]


def _merge_orgs(units: list[Unit], ctx: Context) -> list[Unit]:
    """A gap with an organisation head word (`Ministry`) becomes an organisation, with the
    known names before it (`Russian Foreign Ministry`) and `of ...` after it."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        u = units[k]
        if u.kind != "gap" or not any(t.fold in ctx.lex.org_heads for t in u.toks):
            out.append(u)
            k += 1
            continue
        prefix: list[Unit] = []
        while out and out[-1].kind == "ent" and out[-1].entry.kind != "outlet":
            prefix.insert(0, out.pop())
        hi = k
        while hi + 2 < len(units) and units[hi + 1].kind == "conn" \
                and units[hi + 2].kind in ("gap", "ent"):
            hi += 2
        out.append(_org_unit(prefix, units[k:hi + 1], ctx))
        if out[-1].kind == "gap":  # not an organisation after all
            out[-1:] = [*prefix, u]
            hi = k
        k = hi + 1
    return out


def _org_unit(prefix: list[Unit], rest: list[Unit], ctx: Context) -> Unit:
    toks = [t for p in (*prefix, *rest) for t in p.toks]
    if len(toks) < 2:
        return rest[0]
    head = tuple(t.fold for t in rest[0].toks)
    if len(prefix) == 1 and len(rest) == 1 and head in ctx.lex.state_heads:
        country = _country_of(prefix[0], ctx)
        if country:
            return Unit("adj", toks, Entry("actor", country, "adjective"))
    return Unit("org", toks)


def _country_of(unit: Unit, ctx: Context) -> str:
    """The country a demonym, metonym or country name unit stands for, or ""."""
    if unit.kind != "ent" or unit.entry.kind not in ("actor", "demonym", "metonym"):
        return ""
    key = ctx.target(unit.entry.target)
    return key if ctx.entities[key].kind == "country" else ""


# --- reading a sentence -------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """Something a sentence names, before people are merged and names resolved."""

    kind: str  # actor, place, person (cued), pending (uncued full name), single, role
    start: int
    end: int
    text: str  # the spelling (a person's name without brackets)
    target: str = ""  # actor: entity key; place: place name; role: qualifier key
    via: str = "name"
    office: str = ""  # role phrase: the office asked for; person: the office held
    title: str = ""  # person: the role title seen (`Turkish President`)
    qual: str = ""  # person: the role's qualifier key (country or organisation)


@dataclass(frozen=True)
class Qualifier:
    """What a title is qualified by: `Turkish`, `Turkey's`, `Kremlin`, `UN`."""

    index: int
    key: str
    display: str
    prefix: str = ""  # a metonym's office: `presidential`


class SentenceReader:
    """Turns one sentence's units into hits."""

    def __init__(self, units: list[Unit], ctx: Context) -> None:
        self.u = units
        self.ctx = ctx
        self.hits: list[Hit] = []
        self.used: set[int] = set()
        self.last_office = ""

    def read(self) -> list[Hit]:
        for k, unit in enumerate(self.u):
            if unit.kind == "title" and k not in self.used:
                self._title(k)
        readers = {"gap": self._gap, "ent": self._ent, "org": self._org, "adj": self._adj}
        for k, unit in enumerate(self.u):
            if k not in self.used and unit.kind in readers:
                readers[unit.kind](k)
        return self.hits

    def at(self, k: int) -> Unit | None:
        return self.u[k] if 0 <= k < len(self.u) else None

    def _title(self, k: int) -> None:
        j = k
        while (nxt := self.at(j + 1)) is not None and nxt.kind == "title":
            j += 1
        qual = self.qualifier(k)
        name = self._name_after(j, qual is not None and self.u[k].role == "office")
        if name is not None:
            self._titled_person(k, name, qual)
            self.used.update(range(k, j + 1))
        elif qual is not None and self.u[k].role == "office":
            the = self.at(qual.index - 1)
            start = the.start if the is not None and the.is_word("the") else self.u[qual.index].start
            office = _office(qual, self.u[k].office)
            self._hit("role", start, self.u[k].end, qual.key, "role", office=office)
            self.used.update(range(qual.index if self._is_country(qual) else k, k + 1))

    def _is_country(self, qual: Qualifier) -> bool:
        entity = self.ctx.entities.get(qual.key)
        return entity is not None and entity.kind == "country"

    def _titled_person(self, k: int, name: int, qual: Qualifier | None) -> None:
        title = self.u[k]
        office = title.office if title.role == "office" else ""
        if title.role == "counterpart" and qual is not None:
            office = self.last_office
        gap = self.u[name]
        if len(gap.toks) == 1 and gap.toks[0].fold in self.ctx.common:
            self._hit("single", gap.start, gap.end, gap.spelling, text=gap.spelling)
            self.used.add(name)
            return  # `Chief Executive Officer`: a common word is a name only as a known surname
        display = qual_key = ""
        if office:
            self.last_office = office
            display = _title_display(title, office)
            if qual is not None:
                display, qual_key = f"{qual.display} {display}", qual.key
                office = _office(qual, office)
        self.hits.append(Hit("person", gap.start, gap.end, gap.spelling, office=office,
                             title=display, qual=qual_key))
        self.used.add(name)
        if qual is not None and self._is_country(qual):
            self.used.add(qual.index)

    def qualifier(self, k: int) -> Qualifier | None:
        prev = self.at(k - 1)
        if prev is not None and prev.kind == "poss" and (owner := self.at(k - 2)) is not None:
            country = _country_of(owner, self.ctx)
            if country and owner.entry.kind == "actor":
                return Qualifier(k - 2, country, self.ctx.entity(country).adjective)
            return None
        if prev is None or prev.kind not in ("ent", "org"):
            return None
        if prev.kind == "org":
            return Qualifier(k - 1, self.ctx.discovered_org(prev.spelling), prev.spelling)
        entry, key = prev.entry, self.ctx.target(prev.entry.target)
        if entry.kind == "metonym":
            return Qualifier(k - 1, key, prev.spelling, entry.office)
        if entry.kind == "demonym":
            return Qualifier(k - 1, key, prev.spelling)
        if entry.kind in ("actor", "place"):  # `U.S. Secretary of State`, `Istanbul Mayor`
            return Qualifier(k - 1, key if entry.kind == "actor" else "place:" + key, prev.spelling)
        return None

    def _name_after(self, j: int, apposition: bool) -> int | None:
        nxt = self.at(j + 1)
        if nxt is not None and nxt.kind == "gap" and self._name_like(nxt, strong=True):
            return j + 1
        far = self.at(j + 2)
        if apposition and nxt is not None and nxt.kind == "punct" and nxt.toks[0].text == "," \
                and far is not None and far.kind == "gap" and len(far.toks) > 1 \
                and self._name_like(far, strong=True):
            return j + 2
        return None

    def _name_like(self, gap: Unit, strong: bool) -> bool:
        lex = self.ctx.lex
        words = [t for t in gap.toks if t.cap]
        if any(t.fold in lex.connectors and t.fold not in lex.particles for t in gap.toks):
            return False
        for t in words:
            if t.kind != "word" or (t.upper and len(t.text) > 1) or t.fold in lex.org_heads:
                return False
        if not 1 <= len(core_words(gap.spelling)) <= 5:
            return False
        return strong or len(words) < 2 or not all(t.fold in self.ctx.common for t in words)

    def _hit(self, kind: str, start: int, end: int, target: str, via: str = "name",
             text: str = "", office: str = "") -> None:
        self.hits.append(Hit(kind, start, end, text, target, via, office))

    def _org(self, k: int) -> None:
        unit = self.u[k]
        self._hit("actor", unit.start, unit.end, self.ctx.discovered_org(unit.spelling),
                  text=unit.spelling)

    def _adj(self, k: int) -> None:
        unit = self.u[k]
        self._hit("actor", unit.start, unit.end, unit.entry.target, "adjective")

    def _ent(self, k: int) -> None:
        unit, entry = self.u[k], self.u[k].entry
        nxt = self.at(k + 1)
        if entry.kind == "place":
            self._hit("place", unit.start, unit.end, entry.target)
        elif entry.kind == "metonym" or entry.kind == "actor":
            spelling = unit.spelling if entry.kind == "actor" else ""  # the Kremlin: no alias
            self._hit("actor", unit.start, unit.end, entry.target, entry.via, spelling)
            if self._is_location(k) and self.ctx.entity(entry.target).kind == "country":
                self._hit("place", unit.start, unit.end, self.ctx.entity(entry.target).name)
        elif entry.kind == "demonym" and nxt is not None and (
                nxt.kind == "suffix" or nxt.is_word(*self.ctx.lex.state_nouns)):
            self._hit("actor", unit.start, unit.end, entry.target, "adjective")

    def _is_location(self, k: int) -> bool:
        prev = self.at(k - 1)
        if prev is not None and prev.is_word("the"):
            prev = self.at(k - 2)
        return prev is not None and prev.is_word(*self.ctx.lex.location_words)

    def _gap(self, k: int) -> None:
        gap, lex = self.u[k], self.ctx.lex
        prev, before = self.at(k - 1), self.at(k - 2)
        if prev is not None and prev.is_word("of") and before is not None \
                and before.is_word(*lex.place_nouns):
            self._hit("place", gap.start, gap.end, gap.spelling)
        elif len(core_words(gap.spelling)) == 1 and len(gap.toks) == 1:
            self._hit("single", gap.start, gap.end, gap.toks[0].text, text=gap.spelling)
        elif self._name_like(gap, strong=False) and gap.spelling not in lex.outlets:
            kind = "person" if self._cued(k) else "pending"
            self.hits.append(Hit(kind, gap.start, gap.end, gap.spelling))

    def _cued(self, k: int) -> bool:
        """A say verb after or just before, a possessive after, or `led by` before."""
        lex = self.ctx.lex
        prev, nxt = self.at(k - 1), self.at(k + 1)
        if prev is not None and prev.is_word("at", "from", "the"):
            return False  # `analysts at Goldman Sachs said`, `the Silicon Valley's`: not people
        if nxt is not None and (nxt.kind == "poss" or nxt.is_word(*lex.say_verbs)):
            return True
        if prev is not None and prev.is_word(*lex.say_verbs) and (quote := self.at(k - 2)) \
                and quote.kind == "punct":
            return True  # `...," said Sergei Lavrov`
        before = self.at(k - 2)
        return bool(prev is not None and prev.is_word("by") and before is not None
                    and before.is_word(*lex.lead_verbs))


def _office(qual: Qualifier, office: str) -> str:
    """The office key under a qualifier: the Kremlin's spokesman is a presidential one."""
    if qual.prefix and not office.startswith(qual.prefix):
        return f"{qual.prefix} {office}"
    return office


def _title_display(title: Unit, office: str) -> str:
    text = " ".join(t.text.rstrip(".") for t in title.toks)
    if title.role != "office" or len(text) <= 3:
        return office.title()
    return " ".join(w if w in ("of", "the") else w[:1].upper() + w[1:] for w in text.split())


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
        self.of_spelling[spelling] = cluster

    def compatible(self, key: tuple[str, ...]) -> list[Cluster]:
        """The people a full name (two words or more) can be."""
        if len(key) < 2:
            return []
        return [c for c in self.by_last.get(key[-1], ()) if any(same_person(key, k) for k in c.keys)]

    def with_surname(self, word: str) -> list[Cluster]:
        key = name_key(word)
        return list(self.by_last.get(key[-1], ())) if len(key) == 1 else []


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
        if not key or (len(key) == 1 and people.by_last.get(key[0])):
            continue  # a bare surname: resolved per article
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


def _role_key(title: str, ctx: Context) -> tuple[str, str]:
    """(qualifier key, office) of a registry role title: `Turkish President`,
    `President of Turkey`."""
    units = units_of(tokenize(title), ctx)
    reader = SentenceReader(units, ctx)
    for k, unit in enumerate(units):
        if unit.kind == "title" and unit.role == "office":
            qual = reader.qualifier(k)
            after = reader.at(k + 2)
            if qual is None and reader.at(k + 1) is not None and units[k + 1].is_word("of") \
                    and after is not None and _country_of(after, ctx):
                key = _country_of(after, ctx)
                qual = Qualifier(k + 2, key, "", after.entry.office)
            return (qual.key, _office(qual, unit.office)) if qual else ("", unit.office)
    return "", fold(title)


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


def _merge_seen_roles(seen: list[tuple[str, str, str, dt.date | None]]) -> list[tuple]:
    """Group (qualifier, office, title, date) sightings: one role each, earliest to latest."""
    groups: dict[tuple[str, str], list[tuple[str, dt.date | None]]] = defaultdict(list)
    for qual, office, title, day in seen:
        groups[(qual, office)].append((title, day))
    qualified = {office for qual, office in groups if qual}
    out = []
    for (qual, office), items in sorted(groups.items()):
        if not qual and any(o == office or o.endswith(" " + office) for o in qualified):
            continue
        titles = Counter(t for t, _ in items)
        title = min(titles, key=lambda t: (-titles[t], t))
        days = sorted(d for _, d in items if d is not None)
        out.append((qual, office, title, days[0] if days else None, days[-1] if days else None))
    return out


# --- the passes -------------------------------------------------------------------------------


def find_actors(articles: Sequence[Article], registry: Sequence[RegistryEntry] = ()) -> ActorResult:
    """The actors the articles' content sentences name, and where they name them."""
    ctx = _context(registry)
    docs = [(a, _content_tokens(a)) for a in articles]
    ctx.common = frozenset(t.fold for _, sents in docs for s in sents for t in s
                           if t.kind == "word" and t.text[0].islower())
    _learn_acronyms(docs, ctx)
    hits = {a.id: [h for s in sents for h in SentenceReader(units_of(s, ctx), ctx).read()]
            for a, sents in docs}
    return Resolver(ctx, _people(hits, registry), registry).run([a for a, _ in docs], hits)


def _content_tokens(article: Article) -> list[list[Token]]:
    """Tokens of each content sentence (never furniture, never the title)."""
    kinds = {p.index: p.kind for p in article.paragraphs}
    return [tokenize(article.text[s.start:s.end], s.start) for s in article.sentences
            if kinds.get(s.paragraph) not in ("furniture", "title")]


def _learn_acronyms(docs: list[tuple[Article, list[list[Token]]]], ctx: Context) -> None:
    """`Name (ACRONYM)` anywhere makes ACRONYM name the same actor everywhere."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, str] = {}
    for article, sents in docs:
        for sent in sents:
            if not any(t.text == "(" for t in sent):
                continue
            units = units_of(sent, ctx)
            for k in range(len(units) - 3):
                defined = _definition(units[k:k + 4], ctx)
                if defined:
                    found[defined[0]][defined[1]] += 1
                    where.setdefault(defined[0], article.path)
    for acronym in sorted(found):
        ranked = sorted(found[acronym].items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1:
            ctx.diagnostics.append(Diagnostic(
                "warning", where[acronym], f"`{acronym}` is defined more than one way; "
                f"using `{_entity_label(ranked[0][0], ctx)}`"))
        ctx.gaz.add(acronym, Entry("actor", ranked[0][0], "acronym"), 1)


def _entity_label(key: str, ctx: Context) -> str:
    return ctx.entities[key].name or key.split(":", 1)[1]


def _definition(units: list[Unit], ctx: Context) -> tuple[str, str] | None:
    """(acronym, entity key) of `Name (ACRONYM)`, or None."""
    name, opening, acr, closing = units
    if not (opening.kind == closing.kind == "punct" and opening.toks[0].text == "("
            and closing.toks[0].text == ")" and len(acr.toks) == 1 and acr.toks[0].upper):
        return None
    letters = [c for c in acr.toks[0].text if c.isalpha()]
    capitals = [c for c in name.spelling if c.isupper()]
    if not capitals or letters[0] != capitals[0] or not _in_order(letters, capitals):
        return None
    if name.kind == "ent" and name.entry.kind == "actor":
        key = ctx.target(name.entry.target)
    elif name.kind in ("org", "gap") and len(name.toks) > 1:
        key = ctx.discovered_org(name.spelling)
        ctx.gaz.add(name.spelling, Entry("actor", key), 1)
    else:
        return None
    if acr.kind == "ent" and ctx.target(acr.entry.target) == key:
        return None
    return acr.toks[0].text, key


def _in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(c in it for c in short)


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
            for hit in hits[article.id]:
                if hit.kind == "role":
                    actor = _resolve_role(index, hit.target, hit.office, article.date, self.ctx.lex)
                    if actor is not None:
                        self.mentions[article.id].add((hit.start, hit.end, actor, "role"))
        return self._result(articles)

    def _article(self, article: Article, hits: list[Hit]) -> None:
        named: set[str] = set()
        later: list[Hit] = []
        for hit in hits:
            if hit.kind == "actor":
                self._actor_hit(article, hit)
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

    def _actor_hit(self, article: Article, hit: Hit) -> None:
        key = self.ctx.target(hit.target)
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
                qual, office = _role_key(role.title, self.ctx)
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
        name = ent.name if ent is not None and ent.name else _best_name(spellings, kind)
        aliases = {s for s in spellings if fold(s) != fold(name)}
        aliases |= set(ent.aliases if ent is not None else ())
        roles = list(ent.roles if ent is not None else ()) + self.roles.get(key, [])
        return Actor("", name, kind, tuple(sorted(aliases, key=lambda s: (fold(s), s))),
                     tuple(roles), ent.description if ent is not None else None,
                     ent.origin if ent is not None else "discovered")  # type: ignore[arg-type]


def _best_name(spellings: Counter[str], kind: Kind) -> str:
    """The most complete, then most frequent spelling (a person); the most frequent (others)."""
    if kind == "person":
        order = sorted(spellings, key=lambda s: (-len(name_parts(s)), -spellings[s], fold(s), s))
    else:  # an acronym names it only when nothing else does
        order = sorted(spellings, key=lambda s: (s.isupper(), -spellings[s], -len(s), fold(s), s))
    return order[0] if order else "unknown"


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
