"""A small link checker for a built site: every relative link must reach a file (and id).

Usage as a script: `python tests/linkcheck.py site/` prints problems, exits 1 if any.
"""

from __future__ import annotations

import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

IGNORED_SCHEMES = {"http", "https", "mailto"}
LINK_ATTRIBUTES = {"href", "src"}


class _Page(HTMLParser):
    """Collects the ids and the href/src values of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                self.links.append(value)

    handle_startendtag = handle_starttag


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _problem(site: Path, page: Path, link: str) -> str | None:
    """Why `link` on `page` is broken, or None if it works."""
    parts = urlsplit(link.strip())
    if parts.scheme.lower() in IGNORED_SCHEMES:
        return None
    if parts.scheme:
        return f"{parts.scheme}: link"
    if parts.netloc or parts.path.startswith("/"):
        return "root-relative link (breaks under a sub-path)"
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target != site and site not in target.parents:
        return "points outside the site"
    if target.is_dir():
        return "links to a folder (needs index.html to work from the file system)"
    if not target.is_file():
        return "missing file"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
        return f"no element with id {fragment!r}"
    return None


def broken_links(site: Path) -> list[str]:
    """Every broken link in the site, as "page: link (why)", sorted."""
    site = Path(site).resolve()
    _parse.cache_clear()
    problems = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        for link in _parse(page).links:
            why = _problem(site, page, link)
            if why:
                problems.append(f"{name}: {link} ({why})")
    _parse.cache_clear()
    return problems


if __name__ == "__main__":
    found = broken_links(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print("\n".join(found) or "no broken links")
    sys.exit(1 if found else 0)
