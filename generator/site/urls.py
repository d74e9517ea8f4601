"""Output paths and links: the one place that knows where every page lives.

Paths are only formatted here, from ids made safe by `generator.ids.safe_name`.

Every path here is a POSIX path relative to the site root ("articles/x.html").
Pages link to each other only through `relative`, so the site works from any
sub-path (GitHub Pages' `/REPO/`) and when opened straight from the file system.
"""

from __future__ import annotations

from urllib.parse import quote

from generator.ids import safe_name  # `urls.safe_name` stays: renderers and exports use it

INDEX = "index.html"
NEWEST = "newest.html"
ACTORS_INDEX = "actors/index.html"
ARTICLES_INDEX = "articles/index.html"
SEARCH = "search.html"
DATA = "data/events.json"
STATIC = "static"
STYLESHEET = "static/style.css"
# Served at any depth (GitHub Pages' "not found" page): its links are rooted, not relative.
NOT_FOUND = "404.html"
NOJEKYLL = ".nojekyll"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
FEED_ATOM = "feed.xml"
FEED_JSON = "feed.json"
DATA_CSV = "data/events.csv"
DATA_ICS = "data/events.ics"
DATA_TIMELINEJS = "data/timelinejs.json"
DATA_SCHEMA = "data/events.schema.json"


def article_path(article_id: str) -> str:
    """The page of one article: `articles/<id>.html`."""
    return f"articles/{safe_name(article_id)}.html"


def actor_path(actor_id: str) -> str:
    """The page of one actor: `actors/<id>.html`."""
    return f"actors/{safe_name(actor_id)}.html"


def actor_feed_path(actor_id: str) -> str:
    """The Atom feed of one actor's events: `actors/<id>.xml`."""
    return f"actors/{safe_name(actor_id)}.xml"


def event_anchor(event_id: str) -> str:
    """The element id of an event on the timeline: `ev-<id>`."""
    return f"ev-{safe_name(event_id)}"


def event_path(event_id: str) -> str:
    """An event's permalink: `index.html#ev-<id>`."""
    return f"{INDEX}#{event_anchor(event_id)}"


def event_page(event_id: str) -> str:
    """The page of one event (its full card, indexed for search): `events/<id>.html`."""
    return f"events/{safe_name(event_id)}.html"


def sentence_anchor(index: int) -> str:
    """The element id of a sentence on its article page: `s-<index>`."""
    return f"s-{index}"


def sentence_path(article_id: str, index: int) -> str:
    """A sentence of an article: `articles/<id>.html#s-<index>`."""
    return f"{article_path(article_id)}#{sentence_anchor(index)}"


def static_path(name: str) -> str:
    """A file copied from the static folder: `static/<name>`."""
    return f"{STATIC}/{name}"


def _parts(path: str) -> list[str]:
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if path.startswith("/") or ".." in parts:
        raise ValueError(f"not a site-relative path: {path!r}")
    return parts


def relative(from_path: str, to_path: str) -> str:
    """The link from page `from_path` to `to_path` (which may end in `#fragment`).

    >>> relative("actors/a.html", "index.html#ev-1")
    '../index.html#ev-1'
    >>> relative("index.html", "index.html#ev-1")
    '#ev-1'
    """
    target, hash_sign, fragment = to_path.partition("#")
    if hash_sign and (not target or _parts(target) == _parts(from_path)):
        return f"#{fragment}"
    source_dir = _parts(from_path)[:-1]
    target_parts = _parts(target)
    common = 0
    while (
        common < min(len(source_dir), len(target_parts) - 1)
        and source_dir[common] == target_parts[common]
    ):
        common += 1
    steps = [".."] * (len(source_dir) - common) + target_parts[common:]
    link = "/".join(quote(step, safe="._-~!$&'()*+,;=:@") for step in steps)
    return f"{link or '.'}{hash_sign}{fragment}"
