"""Put one file into a new site being written: a hard link to the previous site's file
when that already holds the file's bytes (so a rebuild changes only what changed and
deploy tools see a small diff), else the bytes written anew. A file is compared with the
old one as its bytes come; a page known only by the digest of its bytes (`Known`, a page
the last build rendered from the same inputs) is rendered only if the old file is not that.
Nothing ever writes into a file in place (files are created new, `open(..., "xb")`), so
sharing an inode with the previous site cannot change it."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from generator.site.pagekeys import Known

# a file's bytes, its bytes in pieces as they are made, or the digest of the bytes the old
# file should hold (a page the last build wrote from the same inputs) and how to make them
Content = bytes | Iterator[bytes] | Known
_BLOCK = 1 << 20  # how much of an old file is read at a time to compare it
# Opening an old file to compare it: never through a link, never waiting on a pipe.
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def put(staging: Path, path: str, content: Content, output: Path,
         old_files: frozenset[str]) -> None:
    """Create `staging/path` holding `content`: a link to the old file if it has these bytes."""
    target = staging.joinpath(*PurePosixPath(path).parts)
    old = output.joinpath(*PurePosixPath(path).parts)
    if isinstance(content, Known):
        same = digest_matches(old, content.digest) if path in old_files else None
        if same is not None and _link_old(old, target, same):
            return
        content = content.make()
    if not isinstance(content, bytes):
        _put_pieces(target, old if path in old_files else None, content)
        return
    same = same_file(old, content) if path in old_files else None
    if same is None or not _link_old(old, target, same, content):
        write_file(target, content)


def _link_old(old: Path, target: Path, status: os.stat_result,
              content: bytes | None = None) -> bool:
    """Put the old file at `target`: a hard link, else a copy keeping its modification
    time (written from `content` if given). False if neither could be made."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if hard_link(old, target):
        return True
    try:
        if content is None:
            shutil.copyfile(old, target, follow_symlinks=False)
        else:
            write_file(target, content)  # a copy: new inode, old modification time
        os.utime(target, ns=(status.st_atime_ns, status.st_mtime_ns))
    except OSError:
        target.unlink(missing_ok=True)
        return False
    return True


def _put_pieces(target: Path, old: Path | None, pieces: Iterator[bytes]) -> None:
    """`_put` for a content in pieces: each written as it comes and compared with the old
    file's bytes there; when they were all the old file's, the old file is linked instead."""
    target.parent.mkdir(parents=True, exist_ok=True)
    theirs = _open_plain(old) if old is not None else None
    try:
        same = theirs is not None
        with open(target, "xb") as handle:
            for piece in pieces:
                handle.write(piece)
                same = same and theirs is not None and _equal(theirs, piece)
        status = os.fstat(theirs.fileno()) if same and theirs and not theirs.read(1) else None
    finally:
        if theirs is not None:
            theirs.close()
    if status is not None and old is not None:
        target.unlink()
        if not _link_old(old, target, status):
            raise OSError(f"cannot link or copy {old} into the new site")


def _open_plain(path: Path) -> io.BufferedReader | None:
    """`path` open for reading if it is a plain file (never through a link), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | _NO_FOLLOW)
    except OSError:
        return None
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        return None
    return handle


def _equal(handle: io.BufferedReader, content: bytes) -> bool:
    """Whether the handle's next bytes are `content`, read a block at a time."""
    view = memoryview(content)
    for at in range(0, len(content), _BLOCK):
        block = view[at:at + _BLOCK]
        if handle.read(len(block)) != block:
            return False
    return True


def digest_matches(old: Path, digest: str) -> os.stat_result | None:
    """The old file's status if it is a plain file whose bytes have this sha256 digest."""
    handle = _open_plain(old)
    if handle is None:
        return None
    with handle:
        h = hashlib.sha256()
        while block := handle.read(_BLOCK):
            h.update(block)
        return os.fstat(handle.fileno()) if h.hexdigest() == digest else None


def same_file(old: Path, content: bytes) -> os.stat_result | None:
    """The old file's status if it is a plain file holding exactly `content`, else None."""
    handle = _open_plain(old)
    if handle is None:
        return None
    with handle:
        status = os.fstat(handle.fileno())
        if status.st_size != len(content) or not _equal(handle, content):
            return None
        return status if not handle.read(1) else None


def hard_link(old: Path, target: Path) -> bool:
    """Hard-link the file `old` at `target`; False (nothing made) if it cannot be linked.

    Linking fails across devices and on file systems without hard links.
    """
    try:
        os.link(old, target, follow_symlinks=False)
    except (OSError, NotImplementedError):
        return False
    return True


def write_file(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "xb") as handle:
        handle.write(content)
