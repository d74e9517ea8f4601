"""Output paths and links: the one place that knows where every page lives.

Paths are only formatted here, from ids made safe by `generator.ids.safe_name`.

Every path here is a POSIX path relative to the site root ("articles/x.html").
Pages link to each other only through `relative`, so the site works from any
sub-path (GitHub Pages' `/REPO/`) and when opened straight from the file system.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from generator.ids import safe_name  # `urls.safe_name` stays: renderers and exports use it

INDEX = "index.html"
NEWEST = "newest.html"
TIMELINE = "timeline"  # the year and month pages of a long timeline
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


# `safe_name`, remembered: the pages ask for the same ids many times.
_name = lru_cache(maxsize=1 << 16)(safe_name)


def year_path(year: int) -> str:
    """A year of a long timeline, oldest first: `timeline/<year>.html`."""
    return f"{TIMELINE}/{year}.html"


def month_path(year: int, month: int, part: int = 1) -> str:
    """A month of a year too long for one page: `timeline/<year>-<mm>.html`; a month too
    long for one page goes on in parts, `timeline/<year>-<mm>-p2.html` and so on."""
    return f"{TIMELINE}/{year}-{month:02d}{'' if part == 1 else f'-p{part}'}.html"


def actor_year_path(actor_id: str, year: int) -> str:
    """One year of an actor with many events: `actors/<id>/<year>.html` (a folder, so no
    actor's id can give the same name)."""
    return f"actors/{_name(actor_id)}/{year}.html"


def article_path(article_id: str) -> str:
    """The page of one article: `articles/<id>.html`."""
    return f"articles/{_name(article_id)}.html"


def actor_path(actor_id: str) -> str:
    """The page of one actor: `actors/<id>.html`."""
    return f"actors/{_name(actor_id)}.html"


def actor_feed_path(actor_id: str) -> str:
    """The Atom feed of one actor's events: `actors/<id>.xml`."""
    return f"actors/{_name(actor_id)}.xml"


def event_anchor(event_id: str) -> str:
    """The element id of an event on the timeline: `ev-<id>`."""
    return f"ev-{_name(event_id)}"


def event_path(event_id: str, page: str = INDEX) -> str:
    """An event's card on the timeline page `page` that holds it (`paging.placements`):
    `timeline/2021-03.html#ev-<id>`, or `index.html#ev-<id>` for a one-page timeline. An
    old link to `index.html#ev-<id>` on a long timeline is sent on by the overview's script."""
    return f"{page}#{event_anchor(event_id)}"


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


# A path made of these needs no quoting and no normalising: the common case, taken fast.
_PLAIN = re.compile(r"[A-Za-z0-9_~!$&'()*+,;=:@-][A-Za-z0-9._~!$&'()*+,;=:@-]*"
                    r"(?:/[A-Za-z0-9_~!$&'()*+,;=:@-][A-Za-z0-9._~!$&'()*+,;=:@-]*)*")


@lru_cache(maxsize=4096)
def _folder(from_path: str) -> tuple[str, ...]:
    """The folders of page `from_path` (checked once per page)."""
    return tuple(_parts(from_path)[:-1])


def relative(from_path: str, to_path: str) -> str:
    """The link from page `from_path` to `to_path` (which may end in `#fragment`).

    >>> relative("actors/a.html", "index.html#ev-1")
    '../index.html#ev-1'
    >>> relative("index.html", "index.html#ev-1")
    '#ev-1'
    """
    target, hash_sign, fragment = to_path.partition("#")
    if hash_sign and (not target or target == from_path or (
            not (_PLAIN.fullmatch(target) and _PLAIN.fullmatch(from_path))
            and _parts(target) == _parts(from_path))):
        return f"#{fragment}"
    return f"{_from_folder(_folder(from_path), target)}{hash_sign}{fragment}"


@lru_cache(maxsize=1 << 17)
def _from_folder(source_dir: tuple[str, ...], target: str) -> str:
    """The link from any page in `source_dir` to the file `target`: pages in one folder
    share their links, so each is worked out once; plain paths are not quoted."""
    plain = _PLAIN.fullmatch(target) is not None
    target_parts = target.split("/") if plain else _parts(target)
    common, last = 0, min(len(source_dir), len(target_parts) - 1)
    while common < last and source_dir[common] == target_parts[common]:
        common += 1
    steps = [".."] * (len(source_dir) - common) + target_parts[common:]
    if not plain:
        steps = [quote(step, safe="._-~!$&'()*+,;=:@") for step in steps]
    return "/".join(steps) or "."
