"""The actor registry: `actors.yaml` read and checked into `RegistryEntry` records."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.actors.names import fold, slug
from generator.model import Diagnostic, Kind, PartialDate, Role
from generator.reading import decoding, yamlio

KINDS: dict[str, Kind] = {
    "person": "person", "country": "country",
    "organization": "organization", "organisation": "organization",
}
_FIELD_ORDER = ("name", "kind", "aliases", "roles", "description")
_ENTRY_KEYS = frozenset(_FIELD_ORDER)


@dataclass(frozen=True)
class RegistryEntry:
    """One actor the user declared in `actors.yaml`."""

    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    description: str | None = None
    line: int | None = None


_Loader = yamlio.Loader  # keeps dates as written (`2019-05` and `2019-05-01` alike)


def load_registry(path: Path, display: str | None = None
                  ) -> tuple[tuple[RegistryEntry, ...], tuple[Diagnostic, ...]]:
    """Read `actors.yaml`: a list of entries, or a mapping with an `actors` list.

    Diagnostics name the file as `display` (the build passes the path relative to the
    articles folder, as article diagnostics do), else as `path`."""
    where = str(path) if display is None else display
    if not Path(path).is_file():
        return (), ()
    try:
        text, warnings = decoding.decode(Path(path).read_bytes(), where)
    except OSError as exc:
        message = f"cannot read the actor registry ({exc.strerror}); check its permissions"
        return (), (Diagnostic("error", where, message),)
    if decoding.looks_binary(text):
        return (), (Diagnostic("error", where, "the actor registry " + decoding.BINARY),)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        cleaned = yamlio.cleaned_diagnostics(yamlio.clean(root), where, 1)
        entries, diags = _read_entries(root, loader, where)
        return entries, (*warnings, *cleaned, *diags)
    except yamlio.ERRORS as exc:
        problem, line, col = yamlio.problem(exc, 1)
        message = f"invalid YAML ({problem}); fix the actor registry"
        return (), (*warnings, Diagnostic("error", where, message, line, col))
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
    pages: dict[str, RegistryEntry] = {}
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
            at = _field_line(node, "name" if taken == entry.name else "aliases", line)
            diags.append(Diagnostic("error", where, f"`{taken}` is already claimed by "
                                    f"`{clash.name}` (line {clash.line}); keep it in one entry only "
                                    "(this entry is skipped)", at))
            continue
        claimed.update({fold(n): entry for n in (entry.name, *entry.aliases)})
        entries.append(entry)
        if (twin := pages.setdefault(slug(entry.name), entry)) is not entry:
            diags.append(Diagnostic("warning", where, _same_page(entry, twin), line))
    return tuple(entries), tuple(diags)


def _same_page(entry: RegistryEntry, twin: RegistryEntry) -> str:
    """Two entries whose names make one page name: the later one gets a numbered page."""
    return (f"`{entry.name}` would write the same page as `{twin.name}` (line {twin.line}), so "
            "it gets a numbered one; if they are one actor, make one an alias of the other")


def _read_entry(node: yaml.Node, loader: _Loader, where: str, line: int):
    def err(msg: str, at: int = line) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic("error", where, msg + "; entry skipped", at)]

    if not isinstance(node, yaml.MappingNode):
        return err("a registry entry must be a mapping with `name` and `kind`")
    data = loader.construct_object(node, deep=True)
    name, kind = data.get("name"), data.get("kind")
    if not isinstance(name, str) or not name.strip():
        return err("a registry entry needs a `name`", _field_line(node, "name", line))
    if not isinstance(kind, str) or kind.strip().lower() not in KINDS:
        shown = repr(kind) if isinstance(kind, str | int | float | None) else type(kind).__name__
        return err(f"`{name}`: unknown kind {shown} (use person, country or organization)",
                   _field_line(node, "kind", line))
    aliases = data.get("aliases") or []
    aliases = [aliases] if isinstance(aliases, str) else aliases
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return err(f"`{name}`: `aliases` must be a list of names",
                   _field_line(node, "aliases", line))
    roles, problem = _read_roles(data.get("roles") or [], node)
    if problem is not None:
        return err(f"`{name}`: {problem[0]}", problem[1])
    description = data.get("description")
    if description is not None and not isinstance(description, str | int | float):
        return err(f"`{name}`: `description` must be text", _field_line(node, "description", line))
    warn = [Diagnostic("warning", where, f"`{name}`: {_unknown_field(k)}", _field_line(node, k, line))
            for k in sorted(map(str, data)) if k not in _ENTRY_KEYS]
    entry = RegistryEntry(name.strip(), KINDS[kind.strip().lower()],
                          tuple(a.strip() for a in aliases if a.strip() and a.strip() != name),
                          roles, str(description).strip() if description else None, line)
    return entry, warn


def _unknown_field(key: str) -> str:
    """The warning for a field the registry does not know, with a hint."""
    close = difflib.get_close_matches(key.casefold(), sorted(_ENTRY_KEYS), n=1, cutoff=0.75)
    hint = f"did you mean `{close[0]}`?" if close else "the fields are " + ", ".join(_FIELD_ORDER)
    return f"unknown field `{key}` ignored; {hint}"


def _field_line(node: yaml.MappingNode, key: str, default: int) -> int:
    """The line where an entry's field `key` is written (`default` if it is not)."""
    return next((k.start_mark.line + 1 for k, _ in node.value if str(k.value) == key), default)


def _read_roles(raw: Any, node: yaml.MappingNode) -> tuple[tuple[Role, ...], tuple | None]:
    """The roles, and (problem, line) when one is malformed."""
    role_node = next((v for k, v in node.value if k.value == "roles"), node)
    line = role_node.start_mark.line + 1
    if not isinstance(raw, list):
        return (), ("`roles` must be a list", _field_line(node, "roles", line))
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
