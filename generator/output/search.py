"""Client-side search: index a written site with Pagefind. Reports as data; prints nothing.

Pagefind reads the HTML (what `data-pagefind-body` marks, and the `data-pagefind-filter`
values) and writes only `<site>/pagefind/`. The build runs it inside its temporary
folder, before the new site replaces the old one, so a published site never has pages
without their index.

Pagefind is the slowest step of a build, so its index is reused when nothing it reads
changed: the digest of every HTML file in the site (paths and bytes, in sorted order)
and of the indexer itself (its version, options and configuration) is recorded in the
site's manifest. When the temporary folder's digest equals the one the previous site
recorded, and that site still has its `pagefind/` folder, the folder is hard-linked
(or copied) into the new site instead of running Pagefind. The previous site is found
through the temporary folder's marker (see outlock.py), so the build's hook stays
`index_site(folder)`.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.output import outlock, samefile, searchparts, writer

BUNDLE = "pagefind"
INSTALL_HINT = "pip install 'pagefind[bin]==1.5.2'"
TIMEOUT_SECONDS = 600
OPTIONS = ("--quiet",)
PARTS_FILE = "parts.json"  # in the bundle: the other parts' bundles, for the search page
PART_FOLDER = ".timeline-search-part-"  # a part's pages while it is indexed
# What a part merged into the first needs none of: the search page's scripts and styles.
UI_FILES = ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-highlight.js",
            "pagefind-component-ui.js", "pagefind-component-ui.css",
            "pagefind-modular-ui.js", "pagefind-modular-ui.css")
# Pagefind reads a configuration file from the folder it runs in, and PAGEFIND_* settings.
CONFIG_FILES = ("pagefind.json", "pagefind.toml", "pagefind.yaml", "pagefind.yml")


@dataclass(frozen=True)
class SearchReport:
    """How indexing went: `ok` False means the site has no search index."""

    ok: bool
    message: str
    seconds: float = 0.0


def available() -> bool:
    """Whether the Pagefind package (with its binary) can be imported here."""
    return importlib.util.find_spec("pagefind") is not None


def index_site(folder: Path, previous: Path | None = None) -> SearchReport:
    """Index the HTML in `folder` into `folder/pagefind/`, reusing the previous site's index
    when the HTML is the same. `previous` is the site being replaced; by default the output
    a build's temporary folder is for."""
    if not available():
        return SearchReport(False, f"search skipped: Pagefind is not installed ({INSTALL_HINT}); "
                                   "the site works, its search page says search is unavailable")
    folder = Path(folder)
    began = time.perf_counter()
    output = outlock.output_of(folder)  # set when `folder` is a build's temporary folder
    previous = previous if previous is not None else output
    try:
        digest = html_digest(folder)
    except OSError:
        digest = ""  # Pagefind will say what it cannot read
    if digest and previous is not None and _reuse(previous, folder, digest):
        _stamp(folder, digest, output is not None)
        seconds = time.perf_counter() - began
        return SearchReport(True, f"search index reused, no page changed ({seconds:.2f} s)",
                            seconds)
    try:
        parts = searchparts.split(folder, _html_files(folder) or [])
        indexer = indexer_id()
        digests = [searchparts.part_digest(folder, paths, indexer) for paths in parts] \
            if len(parts) > 1 else []
        done = _run_parts(folder, parts, _PartReuse(previous, digests))
    except (OSError, subprocess.TimeoutExpired) as e:
        return SearchReport(False, f"search skipped: Pagefind did not run: {e}")
    seconds = time.perf_counter() - began
    if done.returncode != 0 or not (folder / BUNDLE / "pagefind-ui.js").is_file():
        detail = _last_line(done.stderr or done.stdout) or f"exit code {done.returncode}"
        if len(parts) > 1:  # no index rather than one that misses the parts after a failure
            shutil.rmtree(folder / BUNDLE, ignore_errors=True)
        return SearchReport(False, f"search skipped: Pagefind failed: {detail}", seconds)
    (folder / BUNDLE / PARTS_FILE).write_text(json.dumps(
        {"parts": [searchparts.part_name(n) + "/" for n in range(1, len(parts))], "digests": digests}
    ) + "\n", encoding="utf-8")
    if previous is not None:
        _relink(previous, folder)
    _stamp(folder, digest, output is not None)
    return SearchReport(True, f"search index written in {seconds:.2f} s", seconds)


class _PartReuse:
    """Links the previous site's index of a part into the new site when that part's pages
    are the same (same place in the list, same digest)."""

    def __init__(self, previous: Path | None, digests: list[str]) -> None:
        self.old: list[str] = []
        self.previous = previous
        self.digests = digests
        if previous is None or _previous_index(previous) is None:
            return
        with contextlib.suppress(OSError, ValueError, AttributeError):
            listed = json.loads((previous / BUNDLE / PARTS_FILE).read_text(encoding="utf-8"))
            self.old = [d for d in listed.get("digests", []) if isinstance(d, str)]

    def __call__(self, n: int, bundle: Path) -> bool:
        if not (n < len(self.old) and n < len(self.digests) and self.old[n] == self.digests[n]):
            return False
        assert self.previous is not None
        old = self.previous / BUNDLE / (searchparts.part_name(n) if n else "")
        skip = {PARTS_FILE} | {searchparts.part_name(k) for k in range(1, len(self.old))} if n == 0 else set()
        return _linked(old, bundle, skip)


def _run_parts(folder: Path, parts: list[list[str]],
               reuse: Callable[[int, Path], bool]) -> subprocess.CompletedProcess[str]:
    """Index `folder` into `folder/pagefind/`: in one run, or one run per part, the first
    into `pagefind/`, the others into `pagefind/part-N/` (the search page merges them).
    Each part's pages are linked into a folder of their own for its run (same paths);
    a part whose pages did not change gets the previous index of it (`reuse`)."""
    if len(parts) == 1:
        done = _run([sys.executable, "-m", "pagefind", "--site", str(folder), *OPTIONS])
        searchparts.drop_unused_wasm(folder / BUNDLE)
        return done
    done = subprocess.CompletedProcess([], 0, "", "")
    for n, paths in enumerate(parts):
        bundle = folder / BUNDLE / (searchparts.part_name(n) if n else "")
        if reuse(n, bundle):
            continue
        pages = folder / f"{PART_FOLDER}{n + 1}"
        try:
            for path in paths:
                target = pages / path
                target.parent.mkdir(parents=True, exist_ok=True)
                if not samefile.hard_link(folder / path, target):
                    shutil.copyfile(folder / path, target)
            done = _run([sys.executable, "-m", "pagefind", "--site", str(pages),
                         "--output-path", str(bundle), *OPTIONS])
        finally:
            shutil.rmtree(pages, ignore_errors=True)
        if done.returncode != 0 or not (bundle / "pagefind-entry.json").is_file():
            break
        for name in UI_FILES if n else ():  # the search page loads them from the first part
            (bundle / name).unlink(missing_ok=True)
        searchparts.drop_unused_wasm(bundle)
    return done


def html_digest(folder: Path) -> str:
    """A digest of what Pagefind reads in `folder`: every HTML file's path and bytes, in
    sorted order, and the indexer's version and settings. "" if the folder holds a
    symbolic link (Pagefind might read through it, so nothing can be promised)."""
    paths = _html_files(folder)
    return "" if paths is None else searchparts.part_digest(folder, paths, indexer_id())


def _html_files(folder: Path) -> list[str] | None:
    """The site paths of the HTML files in `folder`, sorted; None if it holds a link."""
    found = []
    for top, dirs, names in os.walk(folder):
        base = Path(top).relative_to(folder)
        if base == Path(".") and BUNDLE in dirs:
            dirs.remove(BUNDLE)  # an index already there is not read
        if any(os.path.islink(os.path.join(top, name)) for name in dirs + names):
            return None
        found += [(base / n).as_posix() for n in names if n.lower().endswith((".html", ".htm"))]
    return sorted(found)


def indexer_id() -> bytes:
    """The indexer's version, options and configuration, as bytes."""
    parts = [" ".join(OPTIONS), searchparts.rule()]
    for package in ("pagefind", "pagefind_bin", "pagefind_bin_extended"):
        try:
            parts.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package} -")
    parts += sorted(f"{k}={v}" for k, v in os.environ.items() if k.upper().startswith("PAGEFIND"))
    for name in CONFIG_FILES:
        with contextlib.suppress(OSError):
            parts.append(f"{name} {hashlib.sha256(Path(name).read_bytes()).hexdigest()}")
    return "\n".join(parts).encode("utf-8", "surrogateescape") + b"\n\n"


def _reuse(previous: Path, folder: Path, digest: str) -> bool:
    """Link the previous site's index into `folder` if it was made from the same HTML."""
    manifest = _previous_index(previous)
    old = previous / BUNDLE
    if manifest is None or manifest.search != digest or not (old / "pagefind-ui.js").is_file():
        return False
    return _linked(old, folder / BUNDLE)


def _previous_index(previous: Path) -> outlock.Manifest | None:
    """The previous site's manifest if its index folder is one a build wrote, as a real
    folder (never followed through a link); else None."""
    manifest = outlock.read_manifest(previous)
    if manifest is None or BUNDLE not in manifest.folders or (previous / BUNDLE).is_symlink():
        return None
    return manifest


def _linked(old: Path, target: Path, skip: frozenset[str] | set[str] = frozenset()) -> bool:
    """`_link_tree(old, target, skip)`, or False and nothing left if it fails."""
    try:
        _link_tree(old, target, skip)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def _link_tree(source: Path, target: Path, skip: set[str] | frozenset[str] = frozenset()
               ) -> None:
    """Recreate the folder `source` at `target`, its files hard links (or copies) of the old,
    leaving out the names in `skip` at its top.

    Raises OSError on anything but plain folders and files."""
    target.mkdir(parents=True)
    for top, dirs, names in os.walk(source):
        base = Path(top).relative_to(source)
        if base == Path("."):
            dirs[:] = [d for d in dirs if d not in skip]
            names = [n for n in names if n not in skip]
        for name in sorted(dirs):
            if os.path.islink(os.path.join(top, name)):
                raise OSError(f"a link in the previous index: {base / name}")
            (target / base / name).mkdir()
        for name in sorted(names):
            old, new = Path(top, name), target / base / name
            if not stat.S_ISREG(os.lstat(old).st_mode):
                raise OSError(f"not a plain file in the previous index: {base / name}")
            if not samefile.hard_link(old, new):
                shutil.copy2(old, new, follow_symlinks=False)


def _relink(previous: Path, folder: Path) -> None:
    """In a new index, make each file the previous index holds with the same bytes a link
    to it (Pagefind names its fragments by content, so most stay), for small deploy diffs."""
    if _previous_index(previous) is None:
        return
    old_files = writer.regular_files(previous / BUNDLE)
    for path in sorted(writer.regular_files(folder / BUNDLE) & old_files):
        old, new = previous / BUNDLE / path, folder / BUNDLE / path
        try:
            if os.path.samefile(old, new):  # a reused part's file, linked already; renaming
                continue  # a link onto the same file would leave the temporary name behind
            same = samefile.same_file(old, new.read_bytes())
            temporary = new.with_name(f"{new.name}.timeline-link")
            if same is not None and samefile.hard_link(old, temporary):
                os.replace(temporary, new)
        except OSError:
            continue  # the new file stays: a bigger diff, never a wrong index


def _stamp(folder: Path, digest: str, staging: bool) -> None:
    """Leave the digest for the writer's manifest (only in a build's temporary folder)."""
    if staging and digest:
        (folder / outlock.SEARCH_STAMP).write_text(digest + "\n", encoding="ascii")


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the indexer in its own process group, and stop the whole group if we are stopped.

    On Ctrl+C (or a timeout) it must not keep writing into a folder we are removing.
    """
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=os.name == "posix") as child:
        try:
            out, err = child.communicate(timeout=TIMEOUT_SECONDS)
        except BaseException:
            _stop(child)
            raise
    return subprocess.CompletedProcess(command, child.returncode, out, err)


def _stop(child: subprocess.Popen[str]) -> None:
    """End the indexer and anything it started: politely, then for sure."""
    for sig, wait in ((signal.SIGTERM, 5.0), (getattr(signal, "SIGKILL", signal.SIGTERM), 30.0)):
        try:
            if os.name == "posix":
                os.killpg(child.pid, sig)
            else:  # pragma: no cover - Windows
                child.kill()
            child.wait(timeout=wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""
