"""Safe YAML reading shared by the front matter, catalogs, the actor registry and site.yaml.

Every YAML text is cleaned here, where it enters: escapes such as `"\\x01"` or `"\\ud800"`
can put control characters and lone surrogates into any value, and those cannot be
published (a lone surrogate cannot even be written as UTF-8). `clean` removes them from
the node tree before anything is built from it, and says where they were.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

import yaml

from generator.lang import SHIPPED_LOADER
from generator.model import Diagnostic

# What a hostile or broken YAML text can raise: syntax and constructor errors, unhashable
# keys (TypeError), bad values (ValueError), and nesting deep enough to exhaust the stack.
ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError)


def _timestamp_as_text(loader: yaml.BaseLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node)  # type: ignore[arg-type]


class Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as the strings written (`2019-05` and `2019-05-01`)."""


class FastLoader(SHIPPED_LOADER):  # type: ignore[misc,valid-type]
    """`Loader` with libyaml's parser, where PyYAML has it: the same data and line numbers,
    four times faster (0.43 against 0.10 CPU s for 1,000 front matters). It also accepts
    tabs where YAML allows them (after a colon, inside a plain value), which PyYAML's
    parser refuses. A text it cannot read is read again by `Loader`, whose messages are
    the ones users see."""


for _loader in (Loader, FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


# C0 and C1 controls other than tab and line breaks, DEL, the two non-characters, and
# surrogates (a valid pair written as two `\u` escapes is joined first).
_UNPUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SHOWN = 4  # characters named in one message


class Cleaned(NamedTuple):
    """Characters removed from one YAML scalar: which field, where (0-based), and what."""

    field: str
    line: int
    col: int
    removed: tuple[str, ...]


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without unpublishable characters, and those it held (each once)."""
    text = _PAIR.sub(lambda m: m[0].encode("utf-16-le", "surrogatepass").decode("utf-16-le"),
                     text)
    removed = tuple(dict.fromkeys(_UNPUBLISHABLE.findall(text)))
    return (_UNPUBLISHABLE.sub("", text) if removed else text), removed


def clean(root: yaml.Node | None) -> list[Cleaned]:
    """Remove unpublishable characters from every key and value of a node tree, in place."""
    found: list[Cleaned] = []
    seen: set[int] = set()
    todo: list[tuple[yaml.Node, str]] = [(root, "the value")] if root is not None else []
    while todo:  # a loop, not recursion: YAML may nest deeply, and aliases may loop
        node, field = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            node.value, removed = clean_text(node.value)
            if removed:
                mark = node.start_mark
                found.append(Cleaned(field, mark.line, mark.column, removed))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend((item, field) for item in reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                todo.append((value, f"`{_key_name(key)}`"))
                todo.append((key, f"key `{_key_name(key)}`"))
    return sorted(found, key=lambda c: (c.line, c.col))


def _key_name(key: yaml.Node) -> str:
    name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
    return " ".join(clean_text(name)[0].split())[:40]


def _char_name(char: str) -> str:
    kind = "lone surrogate" if "\ud800" <= char <= "\udfff" else "control character"
    return f"{kind} U+{ord(char):04X}"


def removed_text(removed: Sequence[str]) -> str:
    """"removed control character U+0001 and lone surrogate U+D800" (at most a few named)."""
    names = [_char_name(c) for c in removed[:_SHOWN]]
    if len(removed) > _SHOWN:
        names.append(f"{len(removed) - _SHOWN} more")
    return "removed " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1
                         else names[0])


def cleaned_message(found: Cleaned, label: str = "") -> str:
    """What was removed from a field, and what to do (`label`: "front-matter", ...)."""
    field = f"{label} {found.field}" if label else found.field
    return (f"{field}: {removed_text(found.removed)}, which cannot be published; "
            "fix the escapes in the YAML")


def cleaned_diagnostics(found: list[Cleaned], path: str, first_line: int,
                        label: str = "") -> list[Diagnostic]:
    """A warning per cleaned field; the YAML starts at line `first_line` of `path`."""
    return [Diagnostic("warning", path, cleaned_message(c, label), first_line + c.line, c.col + 1)
            for c in found]


def load(text: str) -> tuple[Any, yaml.Node | None, list[Cleaned]]:
    """The data and the node tree (for line numbers) of one YAML document, cleaned, and
    what was cleaned."""
    if SHIPPED_LOADER is not yaml.SafeLoader:  # else FastLoader is `Loader` by another name
        with contextlib.suppress(*ERRORS):
            return _load(FastLoader, text)
    return _load(Loader, text)


def _load(loader_class: type, text: str) -> tuple[Any, yaml.Node | None, list[Cleaned]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        found = clean(node)
        return (loader.construct_document(node) if node is not None else None), node, found
    finally:
        loader.dispose()


def problem(exc: Exception, first_line: int) -> tuple[str, int, int | None]:
    """(problem, line in the file, column) of a YAML error; the YAML starts at `first_line`."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    text = getattr(exc, "problem", None) or (str(exc).splitlines() or ["invalid YAML"])[0]
    context = getattr(exc, "context", None)
    if "<stream end>" in text and getattr(exc, "context_mark", None) is not None:
        # The YAML ended inside something left open: point at where that started.
        mark = exc.context_mark  # type: ignore[attr-defined]
        text = f"{context}, {text}".replace("'<stream end>'", "the end")
    if isinstance(exc, RecursionError):
        text = "nested too deeply"
    if mark is None:
        return text, first_line, None
    return text, first_line + mark.line, mark.column + 1
