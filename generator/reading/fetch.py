"""`timeline add URL…`: fetch a news page, extract it like a saved page, save it as Markdown.

The articles folder stays the source of truth: each page becomes a `.md` file with front
matter (title, date, outlet, url, author, language, retrieved) that builds read like any
other article, without the network. `retrieved` is metadata only: no page shows it, so
it never makes two builds of the same folder differ. Prints nothing (`cli` does).
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import yaml

from generator import ids as slugs
from generator.reading import webpage

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = 5 * 1024 * 1024  # a news page is far smaller; more is not an article
USER_AGENT = "timeline-generator (timeline add; +https://pypi.org/project/timeline-generator/)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """A page that cannot be fetched or read; the message is one line for the user."""


class Added(NamedTuple):
    """One address and what became of it: the file (and its text), or why not."""

    url: str
    path: Path | None
    content: str | None
    error: str | None


def _charset(content_type: str, raw: bytes) -> str:
    """The page's encoding: the HTTP header's, else its `<meta charset>`, else UTF-8."""
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    m = m or _META_CHARSET.search(raw[:4096])
    name = m[1].decode() if m and isinstance(m[1], bytes) else m[1] if m else "utf-8"
    try:
        "".encode(name)
    except LookupError:
        return "utf-8"
    return name


def download(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """The page at `url` as text, and the address it came from after redirects."""
    if not re.match(r"https?://[^\s/]+", url, re.IGNORECASE):
        raise FetchError("not a web address (give an http:// or https:// URL)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # http(s) only
            content_type = response.headers.get("Content-Type", "")
            if content_type and content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
                raise FetchError(f"not a web page ({content_type.split(';')[0]}); nothing written")
            raw = response.read(max_bytes + 1)
            final = response.geturl()
    except urllib.error.HTTPError as e:
        raise FetchError(f"cannot fetch: HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        raise FetchError(f"cannot fetch: {e.reason}") from None
    except (TimeoutError, OSError) as e:
        raise FetchError(f"cannot fetch: {e.strerror or e or 'timed out'}") from None
    if len(raw) > max_bytes:
        raise FetchError(f"the page is over {max_bytes:,} bytes; not an article page")
    return raw.decode(_charset(content_type, raw), errors="replace"), final


def markdown(page: webpage.Page, url: str, retrieved: dt.date) -> str:
    """The article file: front matter, then the main text, one paragraph per block."""
    front = {k: v for k, v in page.metadata().items() if k != "url"}
    front["url"] = page.url or url
    front["retrieved"] = retrieved.isoformat()
    order = ("title", "date", "outlet", "url", "author", "language", "retrieved")
    ordered = {k: front[k] for k in order if k in front}
    head = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{head}---\n{page.text}\n"


def file_name(page: webpage.Page, url: str) -> str:
    """`2020-06-10-council-passes-harbour-budget.md`: the date, then the title (or address)."""
    words = page.title or url.rstrip("/").rsplit("/", 1)[-1] or "article"
    # ".md" so that the dots of "U.S." are not taken for an extension; "/" is no folder
    slug = slugs.article_slug(words.replace("/", " ") + ".md")[:80].strip("-_") or "article"
    return f"{page.date.isoformat()}-{slug}.md" if page.date else f"{slug}.md"


def add_one(url: str, folder: Path, retrieved: dt.date, get: Callable[[str], tuple[str, str]],
            taken: set[str]) -> Added:
    """Fetch, extract and name one page; the file is not written here."""
    try:
        html, final = get(url)
    except FetchError as e:
        return Added(url, None, None, str(e))
    page = webpage.extract(html, final)
    if page is None:
        return Added(url, None, None, "no article text found on the page; nothing written")
    name = file_name(page, final)
    path = folder / name
    if name in taken or path.exists():
        return Added(url, None, None, f"{path} already exists; nothing written (remove it to "
                                      "add the page again)")
    taken.add(name)
    return Added(url, path, markdown(page, final, retrieved), None)


def add(urls: Sequence[str], folder: Path, retrieved: dt.date, dry_run: bool = False,
        get: Callable[[str], tuple[str, str]] = download) -> list[Added]:
    """Each address fetched and, unless `dry_run`, saved as a new file in `folder`."""
    out: list[Added] = []
    taken: set[str] = set()
    for url in urls:
        added = add_one(url, folder, retrieved, get, taken)
        if added.path is not None and added.content is not None and not dry_run:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with open(added.path, "x", encoding="utf-8") as f:  # "x": never overwrite
                    f.write(added.content)
            except OSError as e:
                added = added._replace(path=None, error=f"cannot write {added.path}: "
                                                        f"{e.strerror or e}; nothing written")
        out.append(added)
    return out
