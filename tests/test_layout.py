"""The house shows the pipeline (docs/ARCHITECTURE.md): few modules at the top, short modules,
stages that import only the stages before them, and no import circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# The order of the pipeline: a stage may import those before it, never those after.
ORDER = ("lang", "model", "ids", "reading", "dates", "actors", "events", "site", "output")
MAX_TOP_MODULES = 10
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The generator modules `path` imports, at any level (TYPE_CHECKING blocks too)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in modules else node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in modules)
    return out


def test_the_top_of_the_package_holds_at_most_ten_modules() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


def test_no_module_is_over_four_hundred_lines() -> None:
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_stages_import_only_earlier_stages() -> None:
    modules = _modules()
    backwards = []
    for name, path in modules.items():
        stage = name.split(".")[1] if "." in name else ""
        for target in _imports(path, modules):
            other = target.split(".")[1] if "." in target else ""
            if stage in ORDER and other in ORDER and ORDER.index(other) > ORDER.index(stage):
                backwards.append(f"{name} -> {target}")
    assert backwards == []


def test_no_import_circle() -> None:
    modules = _modules()
    graph = {name: {t for t in _imports(path, modules)
                    if t != name and not name.startswith(t + ".")}  # a package's own parent
             for name, path in modules.items()}
    graph = {name: {t for t in targets if not t.startswith(name + ".")}  # its re-exports
             for name, targets in graph.items()}
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []
