"""Saved web pages (.html, .htm): the article's main text and its metadata, via trafilatura.

trafilatura keeps the main text and drops navigation, share bars, related links, cookie
notices, footers and comments; its metadata comes from the page's own tags (title,
`og:site_name`, canonical link, author, `article:published_time` read by htmldate). The
page is only parsed: none of its scripts run and nothing it links to is fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from generator.reading import furniture

SUFFIXES = (".html", ".htm")
FIELDS = ("title", "date", "outlet", "url", "author", "language")
NO_TEXT = "saved web page without article text (nothing but page furniture); skipped"
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)",
                   re.IGNORECASE)
# htmldate: only dates the page states in its markup (no guessing from the text), the
# original publication rather than the last change, and a fixed upper bound instead of
# today, so the same page gives the same date on every build.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2100-12-31"}


class Page(NamedTuple):
    """What a saved page holds: its main text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None
    date: dt.date | None
    outlet: str | None
    url: str | None
    author: str | None
    language: str | None

    def missing(self) -> list[str]:
        """The metadata fields the page does not give."""
        return [name for name in FIELDS if getattr(self, name) is None]

    def metadata(self) -> dict[str, str]:
        """The fields the page gives, as front-matter keys and text."""
        out = {}
        for name in FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return out


def missing_note(fields: list[str]) -> str:
    """The note for metadata a saved page does not give."""
    names = ", ".join("site name (outlet)" if f == "outlet" else f for f in fields)
    return f"saved web page gives no {names}; add them to its catalog entry if you know them"


def _clean(value: object) -> str | None:
    """A metadata value as one line of text, or None when empty."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _date(value: object) -> dt.date | None:
    """htmldate's `YYYY-MM-DD` as a date."""
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _web(value: str | None) -> str | None:
    """Only an absolute http(s) address counts as the page's address."""
    return value if value and re.match(r"https?://[^\s/]+", value, re.IGNORECASE) else None


def extract(html: str, url: str | None = None) -> Page | None:
    """The article in a saved page; None when the page holds no main text."""
    import trafilatura  # imported on first use: it takes a moment to load

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None:
        return None
    found = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    lines = [" ".join(line.split()) for line in str(found.get("text") or "").split("\n")]
    text = "\n\n".join(line for line in lines if line)
    if all(furniture.is_furniture(line) for line in lines if line):  # "Home" from a bare menu
        return None
    lang = _LANG.search(html)
    language = _clean(found.get("language")) or (lang[1].lower() if lang else None)
    return Page(
        text=text, title=_clean(found.get("title")), date=_date(found.get("date")),
        outlet=_clean(found.get("sitename")), url=_web(_clean(found.get("url")) or url),
        author=_clean(found.get("author")), language=language,
    )
