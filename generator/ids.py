"""Slugs: file names that are safe on every OS and stable across rebuilds.

A slug is made only from the text it names (never from the clock or the order of
files), so the same file gets the same page on every build. Whatever could confuse a
file system is kept out: `/`, `\\`, `..`, Windows device names (CON, NUL, COM1, ...)
and names that differ only in case, which are one file on Windows and macOS.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePosixPath

# Windows refuses these as file names, with any extension ("con.html" too).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{dev}{n}" for dev in ("com", "lpt") for n in "0123456789¹²³"}
)
MAX_SLUG = 80


def is_reserved(name: str) -> bool:
    """Whether Windows reserves `name` (its part before the first dot) for a device."""
    return name.split(".", 1)[0].rstrip(" ").casefold() in WINDOWS_RESERVED


def digest(text: str, length: int = 8) -> str:
    """A short, stable hash of `text`."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters, digits, `-` and `_`: `Über die Lage` -> `uber-die-lage`."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9_]+", "-", folded.lower()).strip("-_")
    return re.sub(r"-{2,}", "-", slug)


def _loses_letters(text: str) -> bool:
    """Whether folding to ASCII drops letters or digits (Chinese, Arabic, ...), not just accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return any(c.isalnum() and not c.isascii() for c in decomposed)


def article_slug(rel: str) -> str:
    """The id of the article at `rel` (a POSIX path): its path without extension, slugged.

    A hash of the path is added when the slug alone could clash or is unsafe: when it is
    empty, a reserved name, too long, or when letters were lost in folding to ASCII.
    """
    path = PurePosixPath(rel)
    base = str(path.with_suffix("")) if path.suffix else rel
    slug = ascii_slug(base)
    if slug and len(slug) <= MAX_SLUG and not is_reserved(slug) and not _loses_letters(base):
        return slug
    short = slug[: MAX_SLUG - 10].strip("-_")
    return f"{short or 'article'}-{digest(rel)}"


def case_clashes(owners: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(page, first owner, second owner) for pages that are one file on a case-blind system.

    `owners` holds (page path, who writes it) pairs, in a fixed order; the first owner of
    a name keeps it and every later one is reported.
    """
    seen: dict[str, str] = {}
    clashes = []
    for page, owner in owners:
        key = page.casefold()
        if key in seen:
            clashes.append((page, seen[key], owner))
        else:
            seen[key] = owner
    return clashes
