"""`catalog.yaml`: publication facts for the articles of one folder, checked entry by entry."""

from __future__ import annotations

import posixpath
from collections.abc import Set
from pathlib import Path
from typing import Any

import yaml

from generator.model import Diagnostic
from generator.reading import decoding, fields, yamlio


def _warn(rel: str, message: str, line: int | None = None, col: int | None = None) -> Diagnostic:
    return Diagnostic("warning", rel, message, line, col)


def _items(data: Any, node: Any, rel: str) -> tuple[list[tuple[Any, Any]], list[Diagnostic]]:
    """(entry, YAML node) pairs of a catalog's `articles:` list."""
    if data is None:
        return [], []
    items = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(items, list):
        message = "catalog ignored: expected `articles:` followed by a list of entries"
        return [], [_warn(rel, message, 1)]
    found = [v for k, v in node.value if getattr(k, "value", None) == "articles"]
    nodes = found[-1].value if found and isinstance(found[-1], yaml.SequenceNode) else []
    if len(nodes) != len(items):  # built by YAML merge keys: point at the document instead
        nodes = [node] * len(items)
    return list(zip(items, nodes, strict=True)), []


def _is_file(path: Path) -> bool:
    """Whether `path` names an existing file (False for names the OS rejects)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _target(source: Path, folder: str, name: str, readable: Set[str]) -> tuple[str | None, str]:
    """The article path `name` means (relative to `source`), or None and why not."""
    target = posixpath.normpath(posixpath.join(folder, name))
    if target.startswith("/") or target == ".." or target.startswith("../"):
        return None, "points outside the articles folder; fix the name or remove the entry"
    if target in readable:
        return target, ""
    if _is_file(source / target):
        return None, "is not read as an article (see the message for that file)"
    return None, "no such file; fix the name or remove the entry"


def _check_entry(source: Path, folder: str, entry: Any, node: Any, rel: str,
                 readable: Set[str]) -> tuple[str | None, list[Diagnostic]]:
    """The article path an entry is for, or None with the problem."""
    line = node.start_mark.line + 1
    name = entry.get("file") if isinstance(entry, dict) else None
    if not isinstance(name, str | int | float) or not str(name).strip():
        return None, [_warn(rel, "catalog entry without `file:` ignored; add `file: NAME`", line)]
    name = str(name).strip()
    target, problem = _target(source, folder, name, readable)
    if target is None:
        return None, [_warn(rel, f"catalog entry for {fields.shown(name)}: {problem}", line)]
    keys, values = fields.spots(node, 1)
    where = fields.Where(rel, "catalog", keys, values)
    return target, fields.read_fields(entry, where, fields.CATALOG_KEYS)[1]


def _parse(source: Path, rel: str) -> tuple[Any, Any, list[Diagnostic]]:
    """The YAML data and node tree of a catalog, or None and the problem."""
    try:
        raw = (source / rel).read_bytes()
    except OSError as exc:
        return None, None, [Diagnostic("error", rel, f"cannot read: {exc.strerror}; check its "
                                       "permissions")]
    text, diags = decoding.decode(raw, rel)
    if decoding.looks_binary(text):
        return None, None, [_warn(rel, "catalog ignored: " + decoding.BINARY)]
    try:
        data, node, found = yamlio.load(text)
    except yamlio.ERRORS as exc:
        problem, line, col = yamlio.problem(exc, 1)
        message = f"catalog ignored: malformed YAML ({problem}); fix the YAML"
        return None, None, [*diags, _warn(rel, message, line, col)]
    return data, node, diags + yamlio.cleaned_diagnostics(found, rel, 1, "catalog")


def load_catalog(source: Path, rel: str, readable: Set[str]) -> tuple[
    dict[str, dict[str, Any]], list[Diagnostic]
]:
    """Entries of one `catalog.yaml` by article path (relative to `source`), and its problems.

    `readable` holds the article files the build reads; an entry for any other file is
    reported and dropped.
    """
    data, node, diags = _parse(source, rel)
    items, more = _items(data, node, rel)
    diags += more
    entries: dict[str, dict[str, Any]] = {}
    folder = posixpath.dirname(rel)
    for entry, entry_node in items:
        target, more = _check_entry(source, folder, entry, entry_node, rel, readable)
        diags += more
        if target in entries:
            line = entry_node.start_mark.line + 1
            message = f"second entry for {fields.shown(target)} ignored; merge the two entries"
            diags.append(_warn(rel, message, line))
        elif target is not None:
            entries[target] = entry
    return entries, diags
