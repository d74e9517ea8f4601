"""The cache folder: one pickle per entry under a folder named by the generator's
fingerprint. Written atomically (temporary file + `os.replace`); an entry that cannot be
read or unpickled is a miss, never an error, and a cache that cannot be written is no
cache. Delete the folder at any time."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.incremental.fingerprint import generator_fingerprint
from generator.output.outlock import pid_alive

SUFFIX = ".timeline-cache"
_VERSION = re.compile(r"[0-9a-f]{20}")  # the folders of generator versions
TAG = "CACHEDIR.TAG"  # backup tools skip a folder holding this (bford.ch/cachedir)
_TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# The timeline generator's cache of what it read from each article.\n"
             "# Delete this folder at any time; `timeline build --no-cache` ignores it.\n")


def cache_folder(output: Path) -> Path:
    """`<output>.timeline-cache`, beside the output folder (like its lock file)."""
    output = Path(os.path.abspath(output))
    return output.with_name(output.name + SUFFIX)


SCRATCH = ".timeline-scratch-"  # `.<output>.timeline-scratch-<pid>-<random>`


@contextmanager
def scratch(output: Path) -> Iterator[Cache | None]:
    """A cache of this build's own, beside the output, deleted when the build ends: where a
    build without the cache (`--no-cache`) keeps each article's tokens and units between
    the actors stage's passes instead of in memory. The user's cache is neither read nor
    written. None if the folder cannot be made (the stages then hold what they need).
    Beside the output, not in the temporary folder, which may be memory itself. Scratch
    folders of builds that were killed are deleted first (only those with our tag)."""
    output = Path(os.path.abspath(output))
    prefix = f".{output.name}{SCRATCH}"
    folder = None
    try:
        for old in output.parent.glob(prefix + "*"):
            pid = old.name[len(prefix):].split("-")[0]
            if pid.isdigit() and not pid_alive(int(pid)) and Cache(old).ours():
                shutil.rmtree(old, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=output.parent))
        Cache(folder)._tag()
    except OSError:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        yield None
        return
    cache = Cache(folder)
    cache.scratch = True
    try:
        yield cache
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Cache:
    """Entries `kind/key` under `folder/<fingerprint>`; `prune` forgets all not used since
    the cache was opened, and other generators' entries."""

    def __init__(self, folder: Path, fingerprint: str | None = None) -> None:
        self.folder = Path(folder)
        self.version = (fingerprint or generator_fingerprint())[:20]
        self.root = self.folder / self.version
        self.used: set[Path] = set()
        self.hits: Counter[str] = Counter()  # by kind
        self.reused = 0  # articles of the corpus read from the cache (set by read_corpus)
        self.writable = True
        self.scratch = False  # one build's own (`scratch`): nothing in it is read by the next

    def stores(self, held: bool) -> bool:
        """Whether an entry is worth storing: always in the user's cache (the next build
        reads it), in a scratch cache only when it is not held in memory as well."""
        return not (self.scratch and held)

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / f"{key}.pickle"

    def get(self, kind: str, key: str) -> Any | None:
        """The entry, or None if missing or unreadable."""
        path = self._path(kind, key)
        self.used.add(path)
        try:
            value = pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, truncated, foreign: recompute
            return None
        self.hits[kind] += 1
        return value

    def keep(self, kind: str, key: str) -> None:
        """Count an entry as used without reading it, so that `prune` keeps it."""
        self.used.add(self._path(kind, key))

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store an entry; a folder that cannot be written (read-only, full) is skipped."""
        path = self._path(kind, key)
        self.used.add(path)
        if not self.writable:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._tag()
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError):
            self.writable = False

    def _tag(self) -> None:
        tag = self.folder / TAG
        if not tag.exists():
            tag.write_text(_TAG_TEXT, encoding="utf-8")

    def prune(self) -> None:
        """Delete the entries this build did not use and other generators' folders, so the
        cache holds one corpus's worth. Best effort: a file another build is writing may stay."""
        if not self.writable or not self.ours():
            return
        try:
            for child in self.folder.iterdir():
                if child.is_dir() and child.name != self.version and _VERSION.fullmatch(child.name):
                    shutil.rmtree(child, ignore_errors=True)
            for kind in (self.root.iterdir() if self.root.is_dir() else ()):
                for entry in kind.iterdir():
                    if entry not in self.used and entry.suffix == ".pickle":
                        entry.unlink(missing_ok=True)
        except OSError:
            pass

    def ours(self) -> bool:
        """Whether the folder is a cache we made (its tag is ours): nothing else is deleted."""
        try:
            return (self.folder / TAG).read_text(encoding="utf-8") == _TAG_TEXT
        except (OSError, UnicodeDecodeError):
            return False
