"""The output folder's bookkeeping: one build at a time, our temporary folders, our files.

- **Lock.** `<output>.timeline-lock` beside the output holds the pid of the build writing
  it. The lock itself is an OS file lock (`flock`), which the kernel drops when the holder
  dies however it dies, so a lock left by a killed build is stale and taken over at once.
  A second build polls until the first is done, for up to `TIMELINE_LOCK_WAIT` seconds.
- **Marker.** Every temporary folder a build makes beside the output holds `MARKER`
  naming the output and the build's pid; only folders with a marker whose build is gone
  are ever cleaned up, whatever their name.
- **Manifest.** Every site holds `MANIFEST`: the files the build wrote, the folders it
  owns whole (Pagefind's index) and the user's own files it kept; with a search index,
  the digest of the HTML it was made from (`search`, see search.py). Sorted, no times, so
  identical builds give identical manifests.
- **Search stamp.** `SEARCH_STAMP` is left in a temporary folder by the indexer (the
  digest of the HTML it indexed); the writer moves it into the manifest.
"""

from __future__ import annotations

import errno
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".timeline-lock"
MARKER = ".timeline-temp"
MANIFEST = ".timeline-manifest"
SEARCH_STAMP = ".timeline-search"
SEARCH_FOLDER = "pagefind"
WAIT_ENV = "TIMELINE_LOCK_WAIT"
DEFAULT_WAIT_SECONDS = 300.0
POLL_SECONDS = 0.1
# What a site built before manifests existed is taken to own: our pages and folders.
LEGACY_OWNED = frozenset({
    "index.html", "newest.html", "search.html", "404.html", "feed.xml", "feed.json",
    "sitemap.xml", "robots.txt", ".nojekyll", "actors", "articles", "data", "events",
    "static", "pagefind", MARKER,
})


class OutputBusy(OSError):
    """Another build kept the output's lock for longer than we were willing to wait."""


def lock_path(output: Path) -> Path:
    """The lock file of `output` (a resolved path)."""
    return output.with_name(output.name + LOCK_SUFFIX)


def wait_seconds() -> float:
    """How long a build waits for another one: `TIMELINE_LOCK_WAIT`, else 300 s."""
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, "")))
    except ValueError:
        return DEFAULT_WAIT_SECONDS


@contextmanager
def locked(output: Path, wait: float | None = None,
           on_wait: Callable[[int | None], None] | None = None) -> Iterator[None]:
    """Hold `output`'s lock for the block; wait for another build up to `wait` seconds.

    `on_wait(pid)` is called once, with the holder's pid, if the lock is taken.
    """
    path = lock_path(output)
    limit = wait_seconds() if wait is None else wait
    deadline = time.monotonic() + limit
    while (fd := _try_lock(path)) is None:
        if on_wait is not None:
            on_wait(lock_holder(path))
            on_wait = None
        if time.monotonic() >= deadline:
            holder = lock_holder(path)
            who = f", process {holder}," if holder else ""
            raise OutputBusy(errno.EBUSY, f"another build{who} is writing it and did not finish "
                             f"within {limit:g} s; try again when it is done")
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        if fcntl is not None:  # removed while still held, so no waiter locks a dead file
            path.unlink(missing_ok=True)
        os.close(fd)


def _try_lock(path: Path) -> int | None:
    """An open, locked descriptor of the lock file holding our pid, or None if it is taken."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # The holder may have removed the file between our open and our lock.
            if not os.path.samestat(os.fstat(fd), os.stat(path)):
                raise BlockingIOError
        else:  # pragma: no cover - Windows
            import msvcrt
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError, FileNotFoundError):
        os.close(fd)
        return None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def lock_holder(path: Path) -> int | None:
    """The pid written in a lock file, if it holds one."""
    try:
        return int(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid is running (on this machine)."""
    if pid <= 0 or os.name == "nt":  # Windows' os.kill would end the process
        return os.name == "nt" and pid == os.getpid()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def mark(folder: Path, output: Path, role: str) -> None:
    """Mark `folder` as this build's temporary `role` ("new" or "old") folder for `output`."""
    record = {"output": output.name, "pid": os.getpid(), "role": role}
    (folder / MARKER).write_text(json.dumps(record, sort_keys=True) + "\n", encoding="utf-8")


def output_of(folder: Path) -> Path | None:
    """The output a temporary folder of this build is for (its marker says), else None."""
    try:
        record = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        name, role, pid = str(record["output"]), record["role"], record["pid"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if role != "new" or pid != os.getpid() or name in ("", ".", "..") or "/" in name:
        return None
    return Path(folder).parent / name


def abandoned(folder: Path, output: Path) -> str | None:
    """The role of `folder` if it is a temporary folder of `output` whose build is gone."""
    try:
        record = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        pid, role, name = int(record["pid"]), str(record["role"]), record["output"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if name != output.name or pid_alive(pid):
        return None
    return role


@dataclass(frozen=True)
class Manifest:
    """What the last build put in the output: written files, owned folders, kept files,
    and the digest of the HTML its search index was made from ("" if none)."""

    written: frozenset[str] = frozenset()
    folders: frozenset[str] = frozenset()
    kept: frozenset[str] = frozenset()
    search: str = ""

    def owns(self, path: str) -> bool:
        """Whether the build wrote `path` (a site path) last time."""
        return path in self.written or path.split("/", 1)[0] in self.folders

    def to_bytes(self) -> bytes:
        record = {"format": 1, "written": sorted(self.written),
                  "folders": sorted(self.folders), "kept": sorted(self.kept)}
        if self.search:
            record["search"] = self.search
        return (json.dumps(record, indent=1, sort_keys=True) + "\n").encode("ascii")


def read_manifest(output: Path) -> Manifest | None:
    """The manifest in `output`, or None (no site, a site from before manifests, or damaged)."""
    try:
        record = json.loads((output / MANIFEST).read_bytes())
        lists = [frozenset(str(p) for p in record[key]) for key in ("written", "folders", "kept")]
        search = record.get("search", "")
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return Manifest(*lists, search=search if isinstance(search, str) else "")


def site_files(output: Path) -> list[str]:
    """Every file (and link) in `output` as a sorted site path; our bookkeeping left out."""
    found = []
    for folder, dirs, names in os.walk(output):
        dirs.sort()
        base = Path(folder).relative_to(output)
        for name in sorted(names) + [d for d in dirs if Path(folder, d).is_symlink()]:
            path = (base / name).as_posix()
            if path not in (MANIFEST, MARKER, SEARCH_STAMP):
                found.append(path)
    return sorted(found)


def foreign(output: Path, previous: Manifest | None, new: Iterable[str]) -> list[str]:
    """Files in `output` that no build wrote and the new one does not write either."""
    new = set(new)
    tops = {p.split("/", 1)[0] for p in new}
    mine = previous.owns if previous is not None else (
        lambda p: p.split("/", 1)[0] in LEGACY_OWNED | tops)
    return [p for p in site_files(output) if p not in new and not mine(p)]
