"""Which files under the articles folder are read, and which are left out and why.

Hidden files and folders and editor or download leftovers are ignored without a word.
Files of other types get a note. Symbolic links that lead out of the folder are never
followed (a link could otherwise publish any file of the machine), and files over the
size limit, pipes and devices are skipped, each with a warning.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path, PurePosixPath

from generator.model import Diagnostic

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")  # .html: saved web pages (webpage.py)
CATALOG = "catalog.yaml"
REGISTRY = "actors.yaml"
DEFAULT_MAX_SIZE = 10 * 1024 * 1024
BACKUP_SUFFIXES = (
    "~", ".swp", ".swo", ".swx", ".bak", ".orig", ".rej", ".tmp", ".part", ".crdownload",
)
IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini", "__pycache__"})
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str) -> int:
    """`2M` -> 2097152: bytes, or a number with K, M or G (powers of 1024)."""
    m = _SIZE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"not a size: {text!r} (write bytes, or a number with K, M or G)")
    return int(float(m[1]) * _UNITS[m[2].lower()])


def is_ignored(name: str) -> bool:
    """Hidden files, editor backups and lock files, partial downloads, OS clutter."""
    lower = name.lower()
    return (
        name.startswith((".", "~$"))
        or lower.endswith(BACKUP_SUFFIXES)
        or (len(name) > 1 and name.startswith("#") and name.endswith("#"))
        or lower in IGNORED_NAMES
    )


def kind(rel: str) -> str:
    """What a listed file is: `article`, `catalog`, `registry` or `other`."""
    path = PurePosixPath(rel)
    if path.name == CATALOG:
        return "catalog"
    if rel == REGISTRY:
        return "registry"
    return "article" if path.suffix.lower() in ARTICLE_SUFFIXES else "other"


def skip_note(rel: str) -> Diagnostic:
    """The note for a file that is listed but not an article or data file."""
    name = PurePosixPath(rel).name
    if name == REGISTRY:
        message = "skipped: the actor registry is read only from the top of the articles folder"
    elif name in ("catalog.yml", "actors.yml"):
        message = f"skipped: rename it to {name[:-4]}.yaml to use it"
    else:
        suffix = PurePosixPath(name).suffix
        what = f"unsupported file type {suffix!r}" if suffix else "unsupported file type"
        message = f"skipped: {what} (articles are .txt, .md or saved .html pages)"
    return Diagnostic("info", rel, message)


def _bad_name(rel: str) -> Diagnostic | None:
    """A warning for a file name that is not valid UTF-8 (it could not be written to a page)."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return _warning(shown, "file name is not valid UTF-8; rename the file (skipped)")
    return None


def _warning(rel: str, message: str) -> Diagnostic:
    return Diagnostic("warning", rel, message)


def read_problem(rel: str, exc: OSError) -> Diagnostic:
    """The error for a file or folder that cannot be read, with what to do about it."""
    if exc.errno == errno.ENAMETOOLONG:
        hint = "shorten the names of the folders it is in, or move it up"
    else:
        hint = "check it exists and its permissions"
    return Diagnostic("error", rel, f"cannot read: {exc.strerror or exc}; {hint}")


def _link_target(path: Path) -> Path | None:
    """Where a symbolic link finally leads, or None if it leads nowhere (broken, a loop)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return target


def check_link(path: Path, root: Path, rel: str, is_dir: bool) -> tuple[bool, list[Diagnostic]]:
    """Whether to follow `path` if it is a symbolic link; folder links are never followed."""
    try:
        if not path.is_symlink():
            return True, []
    except OSError as exc:  # a path too long to look at
        return False, [read_problem(rel, exc)]
    target = _link_target(path)
    if target is None:
        return False, [_warning(rel, "broken symbolic link skipped; fix or remove it")]
    if not target.is_relative_to(root):
        message = ("symbolic link to a place outside the articles folder not followed; "
                   "copy the file into the folder instead")
        return False, [_warning(rel, message)]
    if is_dir:
        message = "symbolic link to a folder not followed: its files are read where they are"
        return False, [Diagnostic("info", rel, message)]
    return True, []


def check_file(path: Path, rel: str, max_size: int) -> tuple[bool, list[Diagnostic]]:
    """Whether a (link-checked) file can be read: a regular file within the size limit."""
    try:
        info = path.stat()
    except OSError as exc:
        return False, [Diagnostic("error", rel, f"cannot read: {exc.strerror}; check it exists "
                                  "and its permissions")]
    if not stat.S_ISREG(info.st_mode):
        return False, [_warning(rel, "not a regular file (a pipe, socket or device); skipped")]
    if info.st_size > max_size:
        message = (f"skipped: the file is {info.st_size:,} bytes, over the size limit of "
                   f"{max_size:,} bytes; split it or raise --max-size")
        return False, [_warning(rel, message)]
    return True, []


def usable(source: Path, rel: str, max_size: int) -> tuple[bool, list[Diagnostic]]:
    """Whether the file at `rel` under `source` may be read, and why not."""
    path = source / rel
    follow, diags = check_link(path, source.resolve(), rel, is_dir=False)
    if not follow:
        return False, diags
    ok, more = check_file(path, rel, max_size)
    return ok, diags + more


def list_files(source: Path, max_size: int = DEFAULT_MAX_SIZE) -> tuple[list[str], list[Diagnostic]]:
    """Relative POSIX paths of the files under `source` that may be read, sorted."""
    root = source.resolve()
    diags: list[Diagnostic] = []

    def report(exc: OSError) -> None:
        where = Path(exc.filename or source)
        rel = where.relative_to(source).as_posix() if where.is_relative_to(source) else str(where)
        if exc.errno == errno.ENAMETOOLONG:
            diags.append(read_problem(rel, exc))
        else:
            diags.append(Diagnostic("error", rel, f"cannot read: {exc.strerror}; check its "
                                    "permissions"))

    found = []
    for folder, dirs, files in os.walk(source, onerror=report):
        base = Path(folder)
        prefix = base.relative_to(source)
        kept = []
        for name in sorted(d for d in dirs if not is_ignored(d)):
            follow, more = check_link(base / name, root, (prefix / name).as_posix(), is_dir=True)
            diags += more
            kept += [name] if follow else []
        dirs[:] = kept
        for name in sorted(f for f in files if not is_ignored(f)):
            rel = (prefix / name).as_posix()
            if bad := _bad_name(rel):
                diags.append(bad)
                continue
            ok, more = usable(source, rel, max_size)
            diags += more
            found += [rel] if ok else []
    return sorted(found), diags
