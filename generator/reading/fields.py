"""Front-matter and catalog fields: declared, type-checked, unknown ones hinted.

The build uses `title`, `date` (or `published`), `outlet` and `url`. A few more keys
are declared as metadata that is kept with the article but not shown: `author`,
`language`, `section`, `source`, `subtitle`, `summary` and `tags`. Any other key is kept
as metadata too, with a warning and a "did you mean" hint, since it is most often a
typo (`titel:`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import yaml

from generator.model import EARLIEST, LATEST, Diagnostic, in_range

USED_KEYS = ("title", "date", "published", "outlet", "url")
METADATA_KEYS = ("author", "language", "retrieved", "section", "source", "subtitle", "summary",
                 "tags")  # retrieved: when `timeline add` fetched the page
KNOWN_KEYS = USED_KEYS + METADATA_KEYS
CATALOG_KEYS = ("file",)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?")
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?", re.I)


class Spot(NamedTuple):
    """A place in a file: line and column, 1-based (None when unknown)."""

    line: int | None = None
    col: int | None = None


class Where(NamedTuple):
    """Which file a block of fields is in, what it is called, and where each key and value is."""

    path: str
    label: str  # "front-matter" or "catalog"
    keys: Mapping[str, Spot]
    values: Mapping[str, Spot]


class Fields(NamedTuple):
    """The checked fields: what the build uses, and the rest as (key, text) metadata."""

    title: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


def spots(node: yaml.Node | None, first_line: int) -> tuple[dict[str, Spot], dict[str, Spot]]:
    """File positions of each key and each value of a YAML mapping that starts at `first_line`."""
    if not isinstance(node, yaml.MappingNode):
        return {}, {}
    keys, values = {}, {}
    for k, v in node.value:
        name = str(k.value)
        keys[name] = Spot(first_line + k.start_mark.line, k.start_mark.column + 1)
        values[name] = Spot(first_line + v.start_mark.line, v.start_mark.column + 1)
    return keys, values


def parse_iso_date(value: Any) -> dt.date | None:
    """A `YYYY-MM-DD` value (string or date) as a date, or None if it is not a real date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str | int):
        return None
    m = _ISO_DATE.fullmatch(str(value).strip())
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else written_date(str(value))
    except ValueError:
        return None


_WRITTEN = re.compile(r"(?=.*[^\W\d_]{3})(?=.*\b\d{4}\b).{6,60}")
# A fixed base: dateparser must never fill anything in from today's date.
_BASE = dt.datetime(2000, 1, 1)


@functools.lru_cache(maxsize=1024)
def written_date(text: str) -> dt.date | None:
    """A date written out with a month name and a year ("June 17, 2020", "17 juin 2020").

    dateparser reads month names in many languages; only text that names a month and
    a four-digit year is tried, so relative words ("tomorrow") and ambiguous numbers
    ("03/04/2020") are never guessed.
    """
    text = " ".join(text.split())
    if not _WRITTEN.fullmatch(text):
        return None
    import dateparser  # imported on first use: it takes a moment to load

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                "RELATIVE_BASE": _BASE, "RETURN_AS_TIMEZONE_AWARE": False}
    found = dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
    return found.date() if found else None


def web_url(value: str | None) -> str | None:
    """The value if it is a plain http(s) address a reader may follow, else None."""
    if value is None:
        return None
    value = value.strip()
    return value if _WEB_URL.fullmatch(value) else None


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted on one line and cut short, for a message."""
    text = " ".join(str(value).split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def read_fields(data: Mapping[str, Any], where: Where, extra_keys: Sequence[str] = ()) -> tuple[
    Fields, list[Diagnostic]
]:
    """Check every field of a front-matter block or catalog entry; bad values are ignored."""
    diags: list[Diagnostic] = []
    fields = Fields(
        _text(data, "title", where, diags),
        _date(data, where, diags),
        _text(data, "outlet", where, diags),
        _url(data, where, diags),
        _metadata(data, where, extra_keys, diags),
    )
    return fields, diags


def quiet_fields(data: Mapping[str, Any] | None) -> Fields:
    """The fields of a block whose problems were reported elsewhere (a catalog entry)."""
    if not data:
        return Fields()
    return read_fields(data, Where("", "catalog", {}, {}), CATALOG_KEYS)[0]


def _warn(where: Where, key: str, message: str, spot: Spot | None = None) -> Diagnostic:
    at = spot or where.values.get(key) or Spot()
    return Diagnostic("warning", where.path, message, at.line, at.col)


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _text(data: Mapping[str, Any], key: str, where: Where, diags: list[Diagnostic]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, list | dict | set | tuple):
        message = f"{where.label} `{key}` must be text, not {_kind(value)}; ignored"
        diags.append(_warn(where, key, message))
        return None
    return " ".join(str(value).split()) or None


def _date(data: Mapping[str, Any], where: Where, diags: list[Diagnostic]) -> dt.date | None:
    key = "date" if data.get("date") is not None else "published"
    value = data.get(key)
    if value is None:
        return None
    day = parse_iso_date(value)
    if in_range(day):
        return day
    if day is not None:
        message = (f"{where.label} `{key}` {shown(value)} is not a plausible publication date "
                   f"(years {EARLIEST.year} to {LATEST.year}); ignored")
        diags.append(_warn(where, key, message))
        return None
    if _scalar(value):
        message = f"{where.label} `{key}` {shown(value)} is not a real date (write YYYY-MM-DD)"
    else:  # never print a whole structure: it may be huge
        message = f"{where.label} `{key}` must be a date (YYYY-MM-DD), not {_kind(value)}"
    message += "; ignored"
    diags.append(_warn(where, key, message))
    return None


def _url(data: Mapping[str, Any], where: Where, diags: list[Diagnostic]) -> str | None:
    text = _text(data, "url", where, diags)
    if text is None or web_url(text):
        return text
    message = f"{where.label} `url` {shown(text)} is not a web address and is ignored; "
    if _BARE_DOMAIN.fullmatch(text):
        message += f"did you mean 'https://{text}'?"
    else:
        message += "only http:// and https:// addresses are linked"
    diags.append(_warn(where, "url", message))
    return None


def _metadata(data: Mapping[str, Any], where: Where, extra_keys: Sequence[str],
              diags: list[Diagnostic]) -> tuple[tuple[str, str], ...]:
    """Every key the build does not use, as text; unknown keys get a hint."""
    kept = []
    for key in sorted(map(str, data)):
        if key in USED_KEYS or key in extra_keys:
            continue
        if key not in METADATA_KEYS:
            diags.append(_warn(where, key, _unknown(key, where.label, extra_keys),
                               where.keys.get(key)))
        text = _meta_text(data[key])
        if text is None:
            message = f"{where.label} `{key}` must be text or a list of text; ignored"
            diags.append(_warn(where, key, message))
        else:
            kept.append((key, text))
    return tuple(kept)


def _unknown(key: str, label: str, extra_keys: Sequence[str]) -> str:
    known = [*KNOWN_KEYS, *extra_keys]
    close = difflib.get_close_matches(key.casefold(), known, n=1, cutoff=0.75)
    name = " ".join(key.split())[:40]
    if close:
        return f"unknown {label} key `{name}` kept as metadata; did you mean `{close[0]}`?"
    return f"unknown {label} key `{name}` kept as metadata; known keys: {', '.join(known)}"


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool | dt.date)


def _meta_text(value: Any) -> str | None:
    """A metadata value as text: scalars as they are, a list of scalars joined by commas."""
    if value is None:
        return ""
    if _scalar(value):
        return str(value)
    if isinstance(value, list) and all(_scalar(v) for v in value):
        return ", ".join(str(v) for v in value)
    return None
