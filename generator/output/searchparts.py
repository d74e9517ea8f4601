"""A big site's search index in parts (search.py runs the indexer): which pages each part
holds, and what a part's index is made from.

Pagefind holds what it indexes in memory, about seven times the HTML it reads, so a big
site is indexed in parts of at most `PART_BYTES` of HTML each, merged again by the search
page. Smaller parts make a rebuild cheaper (only the parts holding a changed page are
indexed again) but every search loads each part's index: parts start at `PART_BYTES_MIN`
and double until the site makes at most `MOST_PARTS` of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

PART_BYTES_MIN = 8 << 20
PART_BYTES = 32 << 20
MOST_PARTS = 24
PART_BYTES_ENV = "TIMELINE_SEARCH_PART_BYTES"
BODY_MARK = b"data-pagefind-body"


def rule() -> str:
    """How parts are sized, for the indexer's identity (a new rule is a new index)."""
    return (f"parts of {PART_BYTES_MIN} to {PART_BYTES} bytes, at most {MOST_PARTS}; "
            f"{PART_BYTES_ENV}={os.environ.get(PART_BYTES_ENV, '')}")


def part_bytes(total: int = 0) -> int:
    """The most HTML one indexer run reads, for a site of `total` bytes of HTML: the
    smallest of 8, 16 and 32 MiB that makes at most `MOST_PARTS` parts, never more than
    32 MiB (`PART_BYTES_ENV` sets it, for tests). It changes only when the site doubles."""
    with contextlib.suppress(ValueError):
        if os.environ.get(PART_BYTES_ENV):
            return max(1, int(os.environ[PART_BYTES_ENV]))
    budget = PART_BYTES_MIN
    while budget < PART_BYTES and total > budget * MOST_PARTS:
        budget *= 2
    return budget


def split(folder: Path, paths: list[str], budget: int | None = None) -> list[list[str]]:
    """The HTML files in runs of consecutive paths holding at most `budget` bytes each
    (a bigger file is a run of its own), by default `part_bytes` of the site's size. One
    run for a small site.

    When there are several, each top folder (and the site's own top pages) starts a run:
    articles change one at a time, while an edit changes timeline pages every time, so
    the runs of articles keep their index. Only pages marking their body for Pagefind are
    kept, as one run over the whole site would: a part without any would have its pages
    indexed whole."""
    sizes = {path: (folder / path).stat().st_size for path in paths}
    total = sum(sizes.values())
    budget = part_bytes(total) if budget is None else budget
    if total <= budget:
        return [paths]
    marked = [p for p in paths if BODY_MARK in (folder / p).read_bytes()]
    parts: list[list[str]] = [[]]
    size = 0
    group = None
    for path in marked or paths:
        n = sizes[path]
        top = path.split("/", 1)[0] if "/" in path else ""
        if parts[-1] and (size + n > budget or top != group):
            parts.append([])
            size = 0
        group = top
        parts[-1].append(path)
        size += n
        if size >= budget * 3 // 4 and _cut_after(path):
            parts.append([])
            size = 0
    return [p for p in parts if p]


def _cut_after(path: str) -> bool:
    """Whether a part past three quarters of its size ends after this page: about one page
    in 16, chosen by its path, so a page changing size or a page added moves no boundary
    but its own part's, and the other parts' index is reused."""
    return hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=2
                           ).digest()[0] % 16 == 0


def part_digest(folder: Path, paths: list[str], indexer: bytes) -> str:
    """What the index of `paths` (a part, or the whole site) is made from: the indexer (its
    version and settings, as `indexer` bytes) and the pages' paths and bytes."""
    digest = hashlib.sha256(indexer)
    for path in paths:
        data = (folder / path).read_bytes()
        digest.update(b"%s\0%d\0" % (path.encode("utf-8", "surrogateescape"), len(data)))
        digest.update(data)
    return digest.hexdigest()


def part_name(n: int) -> str:
    return f"part-{n + 1}"


def drop_unused_wasm(bundle: Path) -> None:
    """Remove the search engines (`wasm.<language>.pagefind`, 70 KB each) that no language
    of the bundle's index names: Pagefind writes one for pages of no known language too,
    and the search page only ever loads those its `pagefind-entry.json` names (a language
    without its own loads "unknown")."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        wanted = {f"wasm.{index.get('wasm') or 'unknown'}.pagefind"
                  for index in entry["languages"].values()}
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return  # an index we cannot read: keep everything
    for path in bundle.glob("wasm.*.pagefind"):
        if path.name not in wanted:
            path.unlink(missing_ok=True)
