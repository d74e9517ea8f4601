"""The publication date a page states about itself, found in its header lines.

News pages write their own date in a handful of shapes: a line holding only a date
("March 01, 2008", "Monday, 8 June 2020 14:32 GMT", "08.06.2020", "2020-06-08T14:32Z"),
a site name or byline before it ("Kyiv Post | Monday, June 8, 2020"), a label
("Published 8 June 2020", "Updated: …", "Added …", "Date: 08.06.2020"), a city dateline
("Kyiv, 8 June 2020: …") or a date in the page's address ("…/2020/06/08/story").
Only the header area (the lines before the story starts) is read, and only whole
lines of these shapes count, so a date inside a story sentence is never taken.
`parse_date` is the one reader of a written date (`newsdates` uses it too).
Pure functions; no imports from the other text helpers (`newsdates` imports this).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from generator.lang import alternation, language

MONTHS = language().months
MONTH_NAME = language().month_name

_MON = MONTH_NAME
# Weekday abbreviations news pages write; not in the language tables (yet).
WEEKDAY_SHORT = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_WD = rf"{alternation([*language().weekdays, *WEEKDAY_SHORT])}\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = (
    r"(?<![\w/.])(?:"
    r"(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?!\d)"
    r"|(?P<nd>\d{1,2})(?P<nsep>[./])(?P<nm>\d{1,2})(?P=nsep)(?P<ny>\d{4})(?!\d)"
    rf"|(?:{_WD},?\s+)?(?P<mm>{_MON})\.?\s+(?P<md>\d{{1,2}}){_ORD}(?!\d)(?:,?\s+(?P<my>\d{{4}})(?!\d))?"
    rf"|(?:{_WD},?\s+)?(?:the\s+)?(?P<dd>\d{{1,2}}){_ORD}\.?\s+(?:of\s+)?(?P<dm>{_MON})\b\.?"
    r"(?:,?\s+(?P<dy>\d{4})(?!\d))?"
    r")(?!(?!T\d)[^\W\d_])"
)
_ZONE = r"(?:\s*\(?(?-i:[A-Z]{2,5})(?:\s*[+-]\s?\d{1,2}(?::?\d{2})?)?\)?|\s*[+-]\d{2}:?\d{2}|Z)"
_TIME = (
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\s*(?:,|\||·|•|-|–|—|/)?\s*(?:at\s+|um\s+|à\s+)?"
    r"(?:\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
    rf"(?:{_ZONE})?)"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
_CLOCK_FIRST = re.compile(  # "10:32 AM EDT, " before the date; "08.06.2020" is no clock
    r"\d{1,2}[:.]\d{2}(?![.\d])(?:\s*[ap]\.?\s?m\.?)?(?:\s+(?-i:[A-Z]{2,5}))?\s*[,|·•–—-]?\s*",
    re.IGNORECASE)
_TIME_RE = re.compile(_TIME, re.IGNORECASE)
_LABEL = re.compile(
    r"(?P<label>first\s+published|originally\s+published|published|posted|added|created"
    r"|last\s+updated|updated|last\s+modified|modified|dated?|datum)"
    r"(?:\s+(?:on|at))?\s*:?\s*(?=\S)", re.IGNORECASE)
_LABEL_WORD = re.compile(r"\b(?:published|posted|added|created|updated|modified|dated?|datum)\b",
                         re.IGNORECASE)
_UPDATED = ("updat", "modif")
_BY_NAME = re.compile(r"\bby\s+\S+(?:\s+\S+){0,2}\s*$", re.IGNORECASE)  # "Posted … by admin"
_SEPARATORS = "|•·–—-:,/"
# Words a header line may hold besides names: connectors, labels, clock and reading time.
_SMALL = frozenset(
    "of the and de du la le von van al on at by am pm a.m. p.m. min mins minute minutes read"
    " published posted added updated modified last first originally created date dated".split()
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=[/_.-]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?=[/_.-]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?=[/_.-]|$)"),
)
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})(?=/)")
_CITY_DATELINE = re.compile(
    r"[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,3}(?:,[ \t]+[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,2})?"
    r",?[ \t]+(?=\S)"
)
HEADER_PARAGRAPHS = 12


class Found(NamedTuple):
    """The date the page states (None if none), how it was found, and where."""

    date: dt.date | None
    origin: str
    paragraph: int | None
    year: int | None  # a year the header vouches for, to complete a dateline without one


NOTHING = Found(None, "undated", None, None)
MonthDay = tuple[int | None, int, int]  # (year or None, month, day)


def _parts(m: re.Match[str]) -> MonthDay | None:
    """(year, month, day) of a date match; None when it is not a real or unambiguous date."""
    g = m.groupdict()
    if g["iy"]:
        year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["ny"]:
        day, month, year = int(g["nd"]), int(g["nm"]), int(g["ny"])
        if g["nsep"] == "/" and day <= 12 and month <= 12 and day != month:
            return None  # 03/04/2020: March or April depends on the country; never guess
        if g["nsep"] == "/" and month > 12:
            day, month = month, day
    elif g["mm"]:
        year = int(g["my"]) if g["my"] else None
        month, day = MONTHS[g["mm"].lower().rstrip(".")[:3]], int(g["md"])
    else:
        year = int(g["dy"]) if g["dy"] else None
        month, day = MONTHS[g["dm"].lower().rstrip(".")[:3]], int(g["dd"])
    try:
        dt.date(year or 2000, month, day)  # 2000: 29 February stays possible without a year
    except ValueError:
        return None
    return year, month, day


def parse_date(text: str) -> MonthDay | None:
    """The first written date in `text` (`June 20, 2020`, `10 December`, `2020-06-17`,
    `08.06.2020`) as (year, month, day), the year None when not written."""
    m = _DATE_RE.search(text)
    return _parts(m) if m else None


def _full(m: re.Match[str]) -> dt.date | None:
    """The date of a match that names its year."""
    parts = _parts(m)
    if parts is None or parts[0] is None or parts[0] < 1000:
        return None
    return dt.date(parts[0], parts[1], parts[2])


def _after_date(line: str, pos: int) -> int:
    """The end of a clock time and zone right after a date, else `pos`."""
    m = _TIME_RE.match(line, pos)
    return m.end() if m else pos


def _furniture_words(text: str) -> bool:
    """Whether `text` (beside a date) holds only names, separators, labels, times and dates."""
    text = _DATE_RE.sub(" ", text)
    words = [w for w in re.split(r"[\s|•·–—,:;/()\[\]]+", text) if w and w != "-"]
    if len(words) > 10:
        return False
    for word in words:
        bare = word.strip(".'’\"")
        if not bare or bare.lower() in _SMALL or bare[0].isupper() or bare[0].isdigit():
            continue
        if re.fullmatch(rf"{_WD}|{_MON}\.?", bare, re.IGNORECASE):
            continue
        return False
    return True


def _ends_with_separator(text: str) -> bool:
    """Whether `text` is empty or ends with a separator (a site name or byline before a date)."""
    text = text.rstrip()
    return not text or text[-1] in _SEPARATORS


def date_line(line: str) -> dt.date | None:
    """The date of a line that is only a date (with weekday, time, zone, a site name before it)."""
    line = " ".join(line.split())
    if len(line) > 120:
        return None
    for m in _DATE_RE.finditer(line):
        day = _full(m)
        if day is None:
            continue
        before, after = line[: m.start()], line[_after_date(line, m.end()) :]
        named = _furniture_words(before) and (_ends_with_separator(before) or m[0][:1].isalpha())
        tail = not after.strip() or (after.lstrip()[:1] in _SEPARATORS and len(after) <= 60
                                     and _furniture_words(after))
        if named and tail and not _LABEL_WORD.search(before):
            return day
        return None  # only the first date of a line is its date
    return None


def is_date_line(line: str) -> bool:
    """Whether a paragraph is nothing but a date line (page furniture)."""
    return date_line(line) is not None or bool(labelled(line))


def labelled(line: str) -> list[tuple[str, dt.date]]:
    """Each `Published …`/`Updated …`/`Added …`/`Date: …` with a full date in a header line."""
    line = " ".join(line.split())
    if len(line) > 200:
        return []
    found: list[tuple[str, dt.date]] = []
    for m in _LABEL.finditer(line):
        clock = _CLOCK_FIRST.match(line, m.end())  # "Updated: 10:32 AM EDT, June 8, 2020"
        d = _DATE_RE.match(line, clock.end() if clock else m.end())
        day = _full(d) if d else None
        if day is None or not _furniture_words(line[: m.start()]):
            continue
        found.append((" ".join(m["label"].lower().split()), day))
    rest = _BY_NAME.sub(" ", _LABEL.sub(" ", _TIME_RE.sub(" ", line)))
    if found and not _furniture_words(rest):
        return []  # a sentence that happens to say "published": not a header line
    return found


def url_date(line: str) -> tuple[dt.date | None, int | None]:
    """The date (or at least the year) in the path of a web address in `line`."""
    for m in _URL.finditer(line):
        for pattern in _URL_DATES:
            if d := pattern.search(m[0]):
                try:
                    return dt.date(int(d["y"]), int(d["m"]), int(d["d"])), int(d["y"])
                except ValueError:
                    continue
        if (d := _URL_MONTH.search(m[0])) and 1 <= int(d["m"]) <= 12:
            return None, int(d["y"])
    return None, None


def city_dateline(para: str) -> dt.date | None:
    """`Kyiv, 8 June 2020: …`, `LAGOS, Nigeria, June 8, 2020 (Reuters) -`: a full date only."""
    m = _CITY_DATELINE.match(para)
    d = _DATE_RE.match(para, m.end()) if m else None
    if not d or (day := _full(d)) is None:
        return None
    rest = para[_after_date(para, d.end()) :].lstrip()
    return day if rest[:1] in (":", "-", "–", "—", "(", "/", "|") or not rest else None


def _is_story(para: str, kind: str) -> bool:
    """Whether a paragraph starts the story (a body paragraph of sentences)."""
    words = para.split()
    ended = para.rstrip().rstrip("\"'”’)»")[-1:] in ".!?"
    return kind == "body" and (len(words) >= 25 or (len(words) >= 8 and ended))


def header_date(paras: Sequence[str], kinds: Sequence[str]) -> Found:
    """The date governing a page: the earliest `published` label, else the first full date of
    the header (date line, address, city dateline), else an `updated` label."""
    published: list[tuple[dt.date, int]] = []
    updated: list[tuple[dt.date, int]] = []
    plain: list[tuple[dt.date, int, str]] = []
    year = None
    for i, (para, kind) in enumerate(zip(paras, kinds, strict=True)):
        if i >= HEADER_PARAGRAPHS:
            break
        story = _is_story(para, kind)
        if story:
            if day := city_dateline(para):
                plain.append((day, i, "dateline"))
            break
        for label, day in labelled(para):
            (updated if any(u in label for u in _UPDATED) else published).append((day, i))
        if day := date_line(para):
            plain.append((day, i, "date line"))
        at_url, url_year = url_date(para)
        if at_url:
            plain.append((at_url, i, "URL"))
        year = year or url_year
    if published:
        day, i = min(published)
        return Found(day, "published line", i, day.year)
    if plain:
        day, i, origin = plain[0]
        return Found(day, origin, i, day.year)
    if updated:
        day, i = min(updated)
        return Found(day, "updated line", i, day.year)
    return Found(None, "undated", None, year)
