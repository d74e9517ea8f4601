"""Write a rendered site to disk: all or nothing, never touching anything else.

The files go into a fresh folder beside the output (`<output>.tmp-XXXX`); only when
every file is written is the old output renamed aside (`<output>.tmp-XXXX.old`), the
new one renamed in, and the old one deleted. A failure before the swap leaves the
previous output as it was. A build killed outright (power cut, SIGKILL) cannot clean
up: the next build removes its temporary folder, and puts the previous output back if
the kill came between the two renames. Builds into one output take turns (a lock), and
only folders carrying our marker are ever cleaned up (see outlock.py).

A file whose bytes did not change since the last build is not rewritten: the temporary
folder gets a hard link to the old file (a copy keeping its modification time where
links fail), so a rebuild changes only what changed and deploy tools see a small diff.
Nothing ever writes into a file in place (files are created new, `open(..., "xb")`), so
sharing an inode with the previous site cannot change it.

The site keeps a manifest of what the build wrote. Files in the output that no build
wrote (a `CNAME`, the user's notes) are carried into the new site (linked, or copied)
and reported, never deleted. An output that is a symbolic link is written through the link.

Outputs whose replacement would destroy something else are refused: the file-system
root, the home folder, the current or project folder, the articles folder, any folder
holding one of those, and a folder with files in it that is not a site (no index.html).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.ids import case_clashes, is_reserved
from generator.output import outlock
from generator.output.samefile import Content, hard_link, put
from generator.site import urls

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
# Tests only: seconds to sleep after each file, so a build can be killed mid-write.
WRITE_DELAY_ENV = "TIMELINE_TEST_WRITE_DELAY"


@dataclass(frozen=True)
class Written:
    """The user's files `write_site` carried into the new site (no build wrote them)."""

    kept: tuple[str, ...] = ()
    new: tuple[str, ...] = ()  # those the previous build had not kept: seen for the first time


def write_site(
    files: Mapping[str, Content] | Iterable[tuple[str, Content]],
    output: Path,
    before_swap: Callable[[Path], None] | None = None,
    refuse_unknown: bool = False,
    on_wait: Callable[[int | None], None] | None = None,
    after_swap: Callable[[Path], None] | None = None,
) -> Written:
    """Replace the folder `output` with `files` and the user's files.

    `files` maps site paths to contents, or yields (site path, content) pairs: each is
    written as it comes, so a build never holds its whole site in memory. A content is
    bytes, or an iterator of pieces of bytes written as they come (a large data file). A path that is
    unsafe, repeated, or one file with another on a case-blind system fails the build
    before the swap, as any failure does: the old site stays.

    `before_swap(folder)` runs on the finished temporary folder before it replaces the
    output (the search indexer adds its files there). `refuse_unknown` refuses an output
    holding files no build wrote instead of keeping them (`--strict`). `on_wait(pid)` is
    called when another build (process `pid`) holds the output, before waiting for it.
    `after_swap(output)` runs on the new site still holding the lock (no other build can
    have changed it yet).
    """
    output = real_output(output)
    check_output(output)
    items = sorted(files.items()) if isinstance(files, Mapping) else files
    output.parent.mkdir(parents=True, exist_ok=True)
    with outlock.locked(output, on_wait=on_wait):
        clean_leftovers(output)
        check_output(output)  # again: the last build may have changed it while we waited
        previous = outlock.read_manifest(output)
        staging = Path(tempfile.mkdtemp(prefix=f"{output.name}.tmp-", dir=output.parent))
        try:
            outlock.mark(staging, output, "new")
            staging.chmod(0o755)
            old = regular_files(output)
            checked = _write_all(staging, items, output, old)
            kept = outlock.foreign(output, previous, checked) if output.is_dir() else []
            new = [p for p in kept if previous is None or p not in previous.kept]
            _check_kept(kept, new, checked, refuse_unknown)
            _fill(staging, checked, output, old, kept, before_swap)
            _swap(staging, output)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if after_swap is not None:
            after_swap(output)
    return Written(tuple(kept), tuple(new))


def real_output(output: Path) -> Path:
    """The real folder behind `output`: a symbolic link is written through, never replaced."""
    try:
        return Path(output).resolve()
    except (RuntimeError, OSError):  # a link loop
        raise _refuse("it is a symbolic link that leads nowhere (a loop)") from None


def _check_kept(kept: list[str], new: list[str], checked: Mapping[str, PurePosixPath],
                refuse_unknown: bool) -> None:
    """Refuse user files in the way of the site's own, and new ones under `--strict`."""
    folders = {parent.as_posix() for rel in checked.values() for parent in rel.parents}
    for path in kept:
        if path in folders or any(p.as_posix() in checked for p in PurePosixPath(path).parents):
            raise ValueError(f"refusing to write the site here: its file {path!r} was not "
                             "written by a build and is in the way of the site's own; move it out")
    if new and refuse_unknown:
        names = ", ".join(new[:3]) + (", …" if len(new) > 3 else "")
        raise ValueError(f"refusing to write the site here: it holds files no build wrote "
                         f"({names}); move them out, or build without --strict to keep them")


def _write_all(staging: Path, items: Iterable[tuple[str, Content]], output: Path,
               old: frozenset[str]) -> dict[str, PurePosixPath]:
    """Write each file into `staging` as it comes; every site path written, checked.

    A file the previous site holds with the same bytes is linked, not written again.
    """
    delay = float(os.environ.get(WRITE_DELAY_ENV) or 0)
    checked: dict[str, PurePosixPath] = {}
    for path, content in items:
        if path in checked:
            raise ValueError(f"two files would be written to {path} (duplicate id?)")
        checked[path] = _target(path)
        put(staging, path, content, output, old)
        if delay:
            time.sleep(delay)
    clashes = case_clashes((path, path) for path in sorted(checked))
    if clashes:
        page, first, _ = clashes[0]
        raise ValueError(f"two files differ only in case: {first} and {page}; "
                         "they would be one file on Windows and macOS")
    return checked


def _fill(staging: Path, checked: Mapping[str, PurePosixPath], output: Path,
          old: frozenset[str], kept: list[str], before_swap: Callable[[Path], None] | None
          ) -> None:
    """Add the user's kept files, the indexer's and the manifest to `staging`."""
    for path in kept:  # the user's own: linked too, a link of theirs copied as a link
        target, theirs = staging / path, output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (stat.S_ISREG(os.lstat(theirs).st_mode) and hard_link(theirs, target)):
            shutil.copy2(theirs, target, follow_symlinks=False)
    written, folders, search = set(checked), set(), ""
    if before_swap is not None:
        before = set(os.listdir(staging))
        before_swap(staging)
        search = _take_stamp(staging)
        for name in sorted(set(os.listdir(staging)) - before):
            (folders if (staging / name).is_dir() else written).add(name)
    if outlock.SEARCH_FOLDER not in folders:
        search = ""  # a digest only stands for an index that is there
    manifest = outlock.Manifest(frozenset(written), frozenset(folders), frozenset(kept), search)
    put(staging, outlock.MANIFEST, manifest.to_bytes(), output, old)


def _take_stamp(staging: Path) -> str:
    """The search digest the indexer left in `staging` (removed from it), or ""."""
    stamp = staging / outlock.SEARCH_STAMP
    try:
        digest = stamp.read_text(encoding="ascii").strip()
        stamp.unlink()
    except (OSError, ValueError):
        return ""
    return digest if digest.isalnum() else ""


def regular_files(output: Path) -> frozenset[str]:
    """The site paths of the plain files in `output`, reached without following any link."""
    found = set()
    for folder, dirs, names in os.walk(output):
        base = Path(folder).relative_to(output)
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
        for name in names:
            if stat.S_ISREG(os.lstat(os.path.join(folder, name)).st_mode):
                found.add((base / name).as_posix())
    return frozenset(found)


def _refuse(reason: str) -> ValueError:
    return ValueError(f"refusing to write the site here: {reason}; choose another --output")


def _contains(folder: Path, other: Path) -> bool:
    """Whether `folder` is `other` or one of its parents."""
    return folder == other or folder in other.parents


def check_output(output: Path, source: Path | None = None, contents: bool = True) -> None:
    """Refuse outputs whose replacement would destroy something that is not a built site.

    `contents=False` skips looking inside the folder (a build checks the place before it
    reads anything, and the contents right before it replaces them).
    """
    resolved = real_output(output)
    if resolved == Path(resolved.anchor):
        raise _refuse("it is the root of the file system")
    protected = [("your home folder", Path.home()), ("the current folder", Path.cwd()),
                 ("the project folder", PROJECT_ROOT)]
    if source is not None:
        protected.append(("the articles folder", source))
    for name, folder in protected:
        if _contains(resolved, folder.resolve()):
            raise _refuse(f"it is or holds {name}")
    if source is not None and source.resolve() in resolved.parents:
        raise _refuse("it is inside the articles folder, whose files would be read back")
    if resolved.exists() and not resolved.is_dir():
        raise _refuse("it exists and is not a folder")
    for marker in ("pyproject.toml", ".git"):
        if (resolved / marker).exists():
            raise _refuse(f"it holds {marker}, so it looks like a project, not a built site")
    if contents and resolved.is_dir() and not (resolved / "index.html").exists() \
            and not (resolved / outlock.MANIFEST).exists() and any(resolved.iterdir()):
        raise _refuse("it holds files but no index.html, so it is not a site built here")


def clean_leftovers(output: Path) -> None:
    """Remove temporary folders a killed build left beside `output`; restore a set-aside one.

    Only folders carrying our marker, for this output, whose build is gone are touched.
    """
    prefix = f"{output.name}.tmp-"
    candidates = sorted(p for p in output.parent.iterdir()
                        if p.name.startswith(prefix) and p.is_dir() and not p.is_symlink())
    for folder in candidates:
        role = outlock.abandoned(folder, output)
        if role == "old" and not output.exists() and not output.is_symlink():
            folder.rename(output)  # killed between the two renames: the old site comes back
            (output / outlock.MARKER).unlink(missing_ok=True)
        elif role is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _target(path: str) -> PurePosixPath:
    """A site path as a safe relative path; anything that could escape the output is refused."""
    relative = PurePosixPath(path)
    if (
        not path
        or "\\" in path
        or relative.is_absolute()
        or any(part in ("", ".", "..") or is_reserved(part) for part in path.split("/"))
    ):
        raise ValueError(f"not a safe site path: {path!r}")
    return relative


def _swap(staging: Path, output: Path) -> None:
    """Put `staging` where `output` is; the old output is set aside, then deleted."""
    if not output.exists() and not output.is_symlink():
        staging.rename(output)
        (output / outlock.MARKER).unlink()
        return
    aside = staging.with_name(f"{staging.name}.old")
    outlock.mark(output, output, "old")  # so a kill between the renames can be undone
    try:
        output.rename(aside)
        try:
            staging.rename(output)
        except BaseException:
            aside.rename(output)
            raise
    except BaseException:
        (output / outlock.MARKER).unlink(missing_ok=True)
        raise
    (output / outlock.MARKER).unlink()
    shutil.rmtree(aside, ignore_errors=True)  # the new site is in; the next build retries


def static_files(static_dir: Path) -> dict[str, bytes]:
    """Every file under static_dir, at `static/<relative path>`."""
    if not static_dir.is_dir():
        raise FileNotFoundError(f"static folder not found: {static_dir}")
    found = sorted(p for p in static_dir.rglob("*") if p.is_file())
    return {urls.static_path(p.relative_to(static_dir).as_posix()): p.read_bytes() for p in found}
