"""The publication date and outlet an article's text gives: datelines, copyright, source,
published and updated lines, and the date lines of the header (`dateline`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from generator.reading import dateline, newsdates


class Inferred(NamedTuple):
    """A date read from the text, how, why not (if not), and the outlet named there."""

    date: dt.date | None
    origin: str
    why_not: str
    outlet: str | None
    line_offset: int | None


def furniture_dates(paras: list[str]) -> tuple[int | None, Any, Any]:
    """The copyright year, source line and published line found in the paragraphs."""
    years = [y for p in paras if (y := newsdates.copyright_year(p))]
    sources = [s for p in paras if (s := newsdates.source_line(p))]
    published = [x for p in paras if (x := newsdates.published_line(p))]
    published.sort(key=lambda x: "updat" in x[0] or "modif" in x[0])
    return (years[0] if years else None, sources[0] if sources else None,
            published[0] if published else None)


def dateline_date(line: newsdates.Dateline, year: int | None, ref: dt.date | None) -> dt.date | None:
    """The date a dateline gives, its year from itself, a copyright year or a reference date."""
    parts = line.date
    if parts is None:
        return None
    if parts[0] is not None or year is not None:
        return newsdates.complete_date(parts, year or 0)
    return newsdates.nearest_date(parts, ref) if ref else None


def infer(text: str, spans: Sequence[tuple[int, int]], kinds: Sequence[str],
          datelines: Mapping[int, newsdates.Dateline]) -> Inferred:
    """Publication date and outlet from datelines, copyright, source, published and date lines."""
    paras = [text[s:e] for s, e in spans]
    furniture = [p for p, k in zip(paras, kinds, strict=True) if k == "furniture"]
    year, source, published = furniture_dates(furniture)
    header = dateline.header_date(paras, kinds)
    ref = source[1] if source else published[1] if published else header.date
    year = year or (None if ref else header.year)  # a year in the page's address
    dated = [datelines[i] for i in sorted(datelines) if datelines[i].date]
    first = dated[0] if dated else None
    agencies = [datelines[i].agency for i in sorted(datelines) if datelines[i].agency]
    outlet = source[0] if source else agencies[0] if agencies else None
    at = first.start if first else None
    if first and (day := dateline_date(first, year, ref)):
        return Inferred(day, "dateline", "", outlet, at)
    if header.origin == "published line" and not source:
        return Inferred(header.date, header.origin, "", outlet, None)
    updated = published is not None and published[0].startswith(("last", "updat", "modif"))
    if source or (published and not updated):
        origin = "source line" if source else "published line"
        return Inferred(ref, origin, "", outlet, None)
    if header.date:  # a date line or address before an `Updated` line
        return Inferred(header.date, header.origin, "", outlet, None)
    if published:
        return Inferred(published[1], "updated line", "", outlet, None)
    why = ""
    if first:
        why = f" (the dateline {first.text!r} gives no year)"
    elif year:
        why = f" (the copyright line gives only the year {year})"
    return Inferred(None, "undated", why, outlet, at)
