"""Write a rendered site to disk: all or nothing, never touching anything else.

The files go into a fresh folder beside the output (`<output>.tmp-XXXX`); only when
every file is written is the old output renamed aside (`<output>.tmp-XXXX.old`), the
new one renamed in, and the old one deleted. A failure before the swap leaves the
previous output as it was. A build killed outright (power cut, SIGKILL) cannot clean
up: the next build removes its temporary folder, and puts the previous output back if
the kill came between the two renames.

Outputs whose replacement would destroy something else are refused: the file-system
root, the home folder, the current or project folder, the articles folder, any folder
holding one of those, and a folder with files in it that is not a site (no index.html).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

from generator.slugs import case_clashes, is_reserved

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Tests only: seconds to sleep after each file, so a build can be killed mid-write.
WRITE_DELAY_ENV = "TIMELINE_TEST_WRITE_DELAY"


def write_site(
    files: Mapping[str, bytes],
    output: Path,
    before_swap: Callable[[Path], None] | None = None,
) -> None:
    """Replace the folder `output` with exactly `files` (site path -> content).

    `before_swap(folder)` runs on the finished temporary folder before it replaces the
    output (the search indexer adds its files there).
    """
    output = Path(os.path.abspath(output))
    check_output(output)
    checked = _checked_paths(files)
    output.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(output)
    staging = Path(tempfile.mkdtemp(prefix=f"{output.name}.tmp-", dir=output.parent))
    delay = float(os.environ.get(WRITE_DELAY_ENV) or 0)
    try:
        staging.chmod(0o755)
        for path, relative in checked.items():
            _write_file(staging.joinpath(*relative.parts), files[path])
            if delay:
                time.sleep(delay)
        if before_swap is not None:
            before_swap(staging)
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


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
    resolved = output.resolve()
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
            and any(resolved.iterdir()):
        raise _refuse("it holds files but no index.html, so it is not a site built here")


_LEFTOVER = r"\.tmp-[a-z0-9_]{8}(\.old)?"


def clean_leftovers(output: Path) -> None:
    """Remove temporary folders a killed build left beside `output`; restore a set-aside one."""
    pattern = re.compile(re.escape(output.name) + _LEFTOVER)
    leftovers = sorted(p for p in output.parent.iterdir()
                       if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink())
    for folder in leftovers:
        if folder.name.endswith(".old") and not output.exists() and not output.is_symlink():
            folder.rename(output)  # killed between the two renames: the old site comes back
        else:
            shutil.rmtree(folder)


def _checked_paths(files: Mapping[str, bytes]) -> dict[str, PurePosixPath]:
    """Every site path checked, sorted; paths that are one file on a case-blind system refused."""
    checked = {path: _target(path) for path in sorted(files)}
    clashes = case_clashes((path, path) for path in checked)
    if clashes:
        page, first, _ = clashes[0]
        raise ValueError(f"two files differ only in case: {first} and {page}; "
                         "they would be one file on Windows and macOS")
    return checked


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


def _write_file(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "xb") as handle:
        handle.write(content)


def _swap(staging: Path, output: Path) -> None:
    """Put `staging` where `output` is; the old output is set aside, then deleted."""
    if not output.exists() and not output.is_symlink():
        staging.rename(output)
        return
    aside = staging.with_name(f"{staging.name}.old")
    output.rename(aside)
    try:
        staging.rename(output)
    except BaseException:
        aside.rename(output)
        raise
    if aside.is_symlink() or not aside.is_dir():
        aside.unlink()
    else:
        shutil.rmtree(aside)
