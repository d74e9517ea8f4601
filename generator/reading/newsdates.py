"""Dates as news text writes them: the dateline opening a paragraph (`MOSCOW, December 10.
/TASS/.`, `(Bloomberg) --`), copyright notices, `Source:` and `Published:` lines.

Written dates are read by `dateline.parse_date`, the one written-date parser.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from generator.lang import alternation, language
from generator.reading.dateline import MONTH_NAME, WEEKDAY_SHORT, MonthDay, parse_date

MONTH = rf"(?i:{MONTH_NAME})"
# Weekdays as before the split: `dateline`'s short forms but "thur", and a short form may also
# take "day" ("tueday") or be a stem ("wednes", "satur") -- kept so that no match changes.
_STEMS = (*(w for w in WEEKDAY_SHORT if w != "thur"), "wednes", "satur")
_WEEKDAY = rf"(?i:(?:{alternation(language().weekdays)}|{alternation(_STEMS)}(?:day)?)\.?)"
_ORD = r"(?:st|nd|rd|th)?"
DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}}"
    rf"|{MONTH}\b\.?\s+\d{{1,2}}{_ORD}\b(?:,?\s+\d{{4}}\b)?"
    rf"|\d{{1,2}}{_ORD}\s+{MONTH}\b\.?(?:,?\s+\d{{4}}\b)?)"
)


def complete_date(parts: MonthDay, year: int) -> dt.date | None:
    """The date `parts` gives, in `year` when it has none of its own."""
    try:
        return dt.date(parts[0] or year, parts[1], parts[2])
    except ValueError:
        return None


def nearest_date(parts: MonthDay, ref: dt.date) -> dt.date | None:
    """Complete a year-less date with the year that puts it last on or (by a day) after `ref`."""
    latest = ref + dt.timedelta(days=1) if ref < dt.date.max else ref
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := complete_date(parts, y))]
    return max((d for d in options if d <= latest), default=None)


class Dateline(NamedTuple):
    """A dateline opening a paragraph: `MOSCOW, December 10. /TASS/.`, `(Bloomberg) --`."""

    start: int
    end: int
    text: str
    agency: str | None
    date: MonthDay | None


_CITY = r"[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+)*"
_REGION = rf",[ \t]+(?!{MONTH}\b)[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){{0,2}}"
_AGENCY = r"(?:/[A-Za-z][\w.\- ]{0,20}/|\([A-Z][\w.&'’\- ]{0,30}\))"
_SEP = r"(?:--|[-–—:])"
_DATELINE = re.compile(
    rf"(?P<city>{_CITY})(?:{_REGION})?(?:,?\s+(?P<date>{DATE}))?(?P<dot>\.)?\s*"
    rf"(?P<agency>{_AGENCY})?\.?\s*(?P<sep>{_SEP})?\s*"
)
_AGENCY_ONLY = re.compile(r"(?P<agency>\([A-Z][\w.&'’\- ]{0,30}\))\s*(?P<sep>--|[-–—])\s*")


def find_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline at `text[start:end]`'s beginning, if there is one."""
    m = _AGENCY_ONLY.match(text, start, end) or _DATELINE.match(text, start, end)
    if not m:
        return None
    groups = m.groupdict()
    date, agency, sep = groups.get("date"), groups["agency"], groups["sep"]
    if not (date and (agency or sep or groups.get("dot"))) and not (agency and sep):
        return None
    parts = parse_date(date) if date else None
    if date and parts is None:
        return None
    name = agency.strip("()/ ") if agency else None
    return Dateline(start, m.end(), text[start : m.end()].strip(), name, parts)


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?(\d{4})\b", re.IGNORECASE
)
_SOURCE_LINE = re.compile(rf"(?i:source)\s*:\s*(?P<who>[^,\n]{{1,60}}?)\s*,\s*(?P<date>{DATE})")
_PUBLISHED_LINE = re.compile(
    r"(?P<kind>(?i:first published|published|posted|last updated|updated|last modified))"
    rf"(?:\s+(?i:on|at))?\s*:?\s*(?P<date>{DATE})"
)


def copyright_year(line: str) -> int | None:
    """The (last) year of a copyright notice in `line`."""
    m = _COPYRIGHT.search(line)
    return int(m[1]) if m else None


def source_line(line: str) -> tuple[str, dt.date] | None:
    """`Source: TASS, June 20, 2020` -> ("TASS", date); only a full date counts."""
    m = _SOURCE_LINE.match(line)
    parts = parse_date(m["date"]) if m else None
    if not m or not parts or parts[0] is None:
        return None
    day = complete_date(parts, parts[0])
    return (m["who"].strip(), day) if day else None


def published_line(line: str) -> tuple[str, dt.date] | None:
    """`Published: 2020-06-17`, `Updated June 17, 2020 10:00 GMT` -> (keyword, date)."""
    m = _PUBLISHED_LINE.match(line)
    parts = parse_date(m["date"]) if m else None
    if not m or not parts or parts[0] is None:
        return None
    day = complete_date(parts, parts[0])
    return (m["kind"].lower(), day) if day else None
