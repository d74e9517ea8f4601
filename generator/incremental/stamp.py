"""Up to date: a build whose inputs and output are as the last build left them does nothing.

After a build with the cache writes the site, it keeps a stamp in the cache (the entry
`stamp/site`): a digest of everything the output depends on (`input_digest`), a digest of
the output folder as the build left it (`snapshot`: every entry's path and type, every
file's size, inode, modification and change times) and what the build reported. The
next build computes the input digest again (it reads every file it would read, but
parses none) and, when both digests match, reports what the last one did instead of
building. A stamp that is missing, unreadable or for other inputs is no stamp; so is an
output another build is writing.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.incremental.fingerprint import files_digest, generator_fingerprint
from generator.incremental.store import Cache
from generator.output import outlock
from generator.reading import sourcefiles

KIND, KEY = "stamp", "site"


@dataclass(frozen=True)
class Stamp:
    """The last build's input digest, output snapshot and report (the build decides what)."""

    inputs: str
    output: str
    report: Any


def input_digest(source: Path, max_size: int, folders: Iterable[Path | None],
                 settings: str) -> str | None:
    """A digest of what a build reads: the generator (its fingerprint), the files of the
    articles folder as the reader selects them (paths and bytes of articles, catalogs and
    the registry; the names of the others; the notes on the skipped ones), every file of
    the template, theme and static `folders`, and the build's `settings` as text.
    None if something cannot be read: the build will say what."""
    h = hashlib.sha256()

    def add(part: bytes | str) -> None:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)

    source = Path(source)
    try:
        for part in (generator_fingerprint(), settings, str(source), os.path.abspath(source)):
            add(part)
        files, notes = sourcefiles.list_files(source, max_size)
        add(repr(notes))
        for rel in files:
            add(rel)
            if sourcefiles.kind(rel) != "other":
                add((source / rel).read_bytes())
        add(files_digest(folders))
    except (OSError, RuntimeError, ValueError):  # unreadable, a link loop, a bad name
        return None
    return h.hexdigest()


def snapshot(output: Path) -> str:
    """A digest of the entries of the folder `output` as they are on disk, links not
    followed: each one's path and type, and for all but folders its size, inode,
    modification time and change time (which no one can set back, unlike the
    modification time). Raises OSError if it cannot be looked at."""
    h = hashlib.sha256()
    top = os.lstat(output)
    if not stat.S_ISDIR(top.st_mode):
        raise NotADirectoryError(str(output))
    h.update(f"{top.st_dev} {top.st_ino}\n".encode())

    def fail(exc: OSError) -> None:
        raise exc

    for folder, dirs, names in os.walk(output, onerror=fail):
        dirs.sort()
        base = Path(folder).relative_to(output)
        for name in sorted(dirs + names):
            rel = (base / name).as_posix().encode("utf-8", "surrogateescape")
            info = os.lstat(os.path.join(folder, name))
            kind = stat.S_IFMT(info.st_mode)
            if stat.S_ISDIR(info.st_mode):
                h.update(b"%s\0%d\n" % (rel, kind))
            else:
                h.update(b"%s\0%d %d %d %d %d\n" % (rel, kind, info.st_size, info.st_ino,
                                                    info.st_mtime_ns, info.st_ctime_ns))
    return h.hexdigest()


def load(cache: Cache, inputs: str, output: Path) -> Any | None:
    """The report the last build saved, if it had these inputs and `output` (the real
    folder) is still exactly as it left it; else None. Never waits for another build:
    while one writes the output, this is None (the build then waits its turn to write)."""
    found = cache.get(KIND, KEY)
    if not isinstance(found, Stamp) or found.inputs != inputs or not output.is_dir():
        return None
    try:
        with outlock.locked(output, wait=0):
            same = snapshot(output) == found.output
    except OSError:  # busy (outlock.OutputBusy), or the folder cannot be looked at
        return None
    return found.report if same else None


def save(cache: Cache, inputs: str, output_snapshot: str, report: Any) -> None:
    """Keep the stamp of a build that wrote the site (best effort, like every entry)."""
    cache.put(KIND, KEY, Stamp(inputs, output_snapshot, report))
