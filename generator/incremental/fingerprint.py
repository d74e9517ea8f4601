"""What every cache entry depends on besides the article: the generator itself."""

from __future__ import annotations

import hashlib
import platform
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # generator/
_SKIPPED = ("__pycache__",)


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """A digest of the generator's source and data files (code, the language data, the
    shipped knowledge) and of the Python running it: any change to them is a new cache.
    Computed once per process; a few hundred small files, milliseconds."""
    h = hashlib.sha256()
    h.update(f"{platform.python_implementation()} {sys.version_info[:3]}\n".encode())
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE)
        if not path.is_file() or any(part in _SKIPPED for part in rel.parts) \
                or path.suffix in (".pyc", ".pyo"):
            continue
        h.update(f"{rel.as_posix()}\0".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def digest(*parts: bytes | str) -> str:
    """A hex digest of the parts, each length-prefixed so no two lists give one digest."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def files_digest(folders: Iterable[Path | None]) -> str:
    """A digest of every file (path and bytes) under the folders, in a stable order; a
    folder given as None counts as one. Raises OSError if one cannot be read."""
    h = hashlib.sha256()
    for folder in folders:
        h.update(repr(folder).encode("utf-8", "surrogateescape") + b"\0")
        if folder is None:
            continue
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            h.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()
