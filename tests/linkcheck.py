"""A small link checker for a built site: every relative link must reach a file (and id).

Usage as a script: `python tests/linkcheck.py site/ [BASE_PATH]` prints problems, exits 1
if any (BASE_PATH, default `/`, is where the 404 page's rooted links must point).
"""

from __future__ import annotations

import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

IGNORED_SCHEMES = {"http", "https", "mailto"}
# Pages served at any depth (GitHub Pages' 404): their links are rooted at the base path.
ROOTED_PAGES = {"404.html"}
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


def _problem(site: Path, page: Path, link: str, base_path: str | None = None) -> str | None:
    """Why `link` on `page` is broken, or None if it works (`base_path`: rooted links allowed)."""
    parts = urlsplit(link.strip())
    if parts.scheme.lower() in IGNORED_SCHEMES:
        return None
    if parts.scheme:
        return f"{parts.scheme}: link"
    rooted = base_path is not None and parts.path.startswith(base_path)
    if parts.netloc or (parts.path.startswith("/") and not rooted):
        return "root-relative link (breaks under a sub-path)"
    if rooted:
        target = (site / unquote(parts.path[len(base_path):])).resolve()  # type: ignore[arg-type]
    else:
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


def broken_links(site: Path, base_path: str = "/") -> list[str]:
    """Every broken link in the site, as "page: link (why)", sorted.

    Links must be relative, except on ROOTED_PAGES, whose links must start with `base_path`.
    """
    site = Path(site).resolve()
    _parse.cache_clear()
    problems = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        rooted = base_path if name in ROOTED_PAGES else None
        for link in _parse(page).links:
            why = _problem(site, page, link, rooted)
            if why:
                problems.append(f"{name}: {link} ({why})")
    _parse.cache_clear()
    return problems


if __name__ == "__main__":
    found = broken_links(Path(sys.argv[1] if len(sys.argv) > 1 else "site"),
                         sys.argv[2] if len(sys.argv) > 2 else "/")
    print("\n".join(found) or "no broken links")
    sys.exit(1 if found else 0)
