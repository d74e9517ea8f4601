"""Write a rendered site to disk: all or nothing, never touching anything else.

The files go into a fresh folder beside the output (`<output>.tmp-XXXX`); only when
every file is written is the old output renamed aside (`<output>.tmp-XXXX.old`), the
new one renamed in, and the old one deleted. A failure before the swap leaves the
previous output as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath


def write_site(files: Mapping[str, bytes], output: Path) -> None:
    """Replace the folder `output` with exactly `files` (site path -> content)."""
    output = Path(os.path.abspath(output))
    check_output(output)
    checked = {path: _target(path) for path in sorted(files)}
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{output.name}.tmp-", dir=output.parent))
    try:
        staging.chmod(0o755)
        for path, relative in checked.items():
            _write_file(staging.joinpath(*relative.parts), files[path])
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def check_output(output: Path) -> None:
    """Refuse outputs whose replacement would destroy something that is not a built site."""
    resolved = output.resolve()
    if resolved == Path(resolved.anchor):
        raise ValueError(f"refusing to write the site to the file-system root: {output}")
    for name, protected in (("home folder", Path.home()), ("current folder", Path.cwd())):
        protected = protected.resolve()
        if resolved == protected or resolved in protected.parents:
            raise ValueError(f"refusing to replace {output}: it is (or contains) the {name}")
    if resolved.exists() and not resolved.is_dir():
        raise ValueError(f"refusing to replace {output}: it exists and is not a folder")
    for marker in ("pyproject.toml", ".git"):
        if (resolved / marker).exists():
            raise ValueError(f"refusing to replace {output}: it contains {marker}, a project?")


def _target(path: str) -> PurePosixPath:
    """A site path as a safe relative path; anything that could escape the output is refused."""
    relative = PurePosixPath(path)
    if (
        not path
        or "\\" in path
        or relative.is_absolute()
        or any(part in ("", ".", "..") for part in path.split("/"))
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
