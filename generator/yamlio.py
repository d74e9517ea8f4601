"""Safe YAML reading shared by the front matter, catalogs and the actor registry."""

from __future__ import annotations

from typing import Any

import yaml

# What a hostile or broken YAML text can raise: syntax and constructor errors, unhashable
# keys (TypeError), bad values (ValueError), and nesting deep enough to exhaust the stack.
ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError)


class Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as the strings written (`2019-05` and `2019-05-01`)."""


Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """The data and the node tree (for line numbers) of one YAML document."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
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
