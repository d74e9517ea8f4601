"""The data every stage shares: frozen records that refer to each other by id."""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, Protocol, TypeVar

from generator.lang import language

Precision = Literal["day", "week", "month", "year"]
Kind = Literal["person", "country", "organization"]
Status = Literal["reported", "planned"]
Level = Literal["error", "warning", "info"]

MONTH_NAMES = language().month_names
# Publication dates the engine reasons from: far enough from year 1 and year 9999 that
# "next week" or "on June 8" never leaves the calendar (outside it: no publication date).
EARLIEST = dt.date(1000, 1, 1)
LATEST = dt.date(8999, 12, 31)


_C = TypeVar("_C", bound=type)


def packed(cls: _C) -> _C:
    """Pickle a slotted dataclass as its class and field values, built again by its
    `__init__`: about twice as fast as the dataclass's own way (a loop over `fields()` per
    object), for the hundreds of thousands of records the cache reads and writes."""
    names = [f.name for f in fields(cls)]
    if len(names) < 2 or not all(f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: packed needs two or more fields, all in __init__")
    values = operator.attrgetter(*names)
    cls.__reduce__ = lambda self: (cls, values(self))
    return cls


def in_range(day: dt.date | None) -> bool:
    """Whether `day` is a publication date the date engine can count from."""
    return day is not None and EARLIEST <= day <= LATEST


_ISO = re.compile(r"^(\d{4})(?:-(?:W(\d{2})|(\d{2})(?:-(\d{2}))?))?$")


@packed
@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A calendar date known to day, ISO week, month or year; never completed from a clock."""

    year: int
    month: int | None = None
    day: int | None = None
    week: int | None = None

    def __post_init__(self) -> None:
        if self.week is not None:
            if self.month is not None or self.day is not None:
                raise ValueError("a week date has no month or day")
            dt.date.fromisocalendar(self.year, self.week, 1)
        elif self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            dt.date(self.year, self.month, self.day)
        elif self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")

    @property
    def precision(self) -> Precision:
        """How precisely the date is known."""
        if self.week is not None:
            return "week"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        """The day-precision date of a `datetime.date`."""
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `2020-01-08`, `2020-W24`, `2020-06` or `2020`."""
        m = _ISO.match(text.strip())
        if not m:
            raise ValueError(f"not a date: {text!r}")
        year, week, month, day = m.groups()
        return cls(
            int(year),
            int(month) if month else None,
            int(day) if day else None,
            int(week) if week else None,
        )

    def iso(self) -> str:
        """The normalised form: `2020-01-08`, `2020-W24`, `2020-06` or `2020`."""
        if self.week is not None:
            return f"{self.year:04d}-W{self.week:02d}"
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> dt.date:
        """The first day the date covers."""
        if self.week is not None:
            return dt.date.fromisocalendar(self.year, self.week, 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the date covers."""
        if self.week is not None:
            return dt.date.fromisocalendar(self.year, self.week, 7)
        if self.day is not None:
            return self.first_day()
        if self.month is not None:
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def sort_key(self) -> tuple[int, int]:
        """Chronological order; a coarser date sorts before finer ones starting the same day."""
        rank = {"year": 0, "month": 1, "week": 2, "day": 3}[self.precision]
        return (self.first_day().toordinal(), rank)

    def human(self) -> str:
        """The date as a person reads it: `8 January 2020`, `week of 8 June 2020`, `April 2019`."""
        if self.week is not None:
            start = self.first_day()
            return f"week of {start.day} {MONTH_NAMES[start.month - 1]} {start.year}"
        if self.day is not None:
            return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"  # type: ignore[index]
        if self.month is not None:
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in the input: where, how bad, and what to do."""

    level: Level
    path: str
    message: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        """`path:line:col: level: message`, always on one line (names may hold line breaks)."""
        where = _one_line(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.level}: {_one_line(self.message)}"


def _one_line(text: str) -> str:
    """Text with line breaks and other control characters shown as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


@packed
@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of an article's text; `kind` says whether it is content."""

    index: int
    start: int
    end: int
    kind: Literal["title", "heading", "body", "caption", "furniture"]


@packed
@dataclass(frozen=True, slots=True)
class Sentence:
    """A content sentence: character span into `Article.text` (end exclusive)."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@packed
@dataclass(frozen=True, slots=True)
class Article:
    """One source article, as read; `text` is what offsets point into."""

    id: str
    path: str
    title: str
    date: dt.date | None
    date_origin: str
    outlet: str | None
    url: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    lead: int | None = None
    metadata: tuple[tuple[str, str], ...] = ()

    def sentence_at(self, pos: int) -> int | None:
        """The index of the sentence whose span holds offset `pos` (sentences are in text
        order: a bisect, never a scan), or None."""
        i = bisect.bisect_right(self.sentences, pos, key=lambda s: s.start) - 1
        return self.sentences[i].index if i >= 0 and pos < self.sentences[i].end else None


@dataclass(frozen=True, slots=True)
class Role:
    """A position an actor holds, optionally bounded in time."""

    title: str
    start: PartialDate | None = None
    end: PartialDate | None = None

    def holds_on(self, day: dt.date) -> bool:
        """Whether the role was held on `day` (open ends count as held)."""
        if self.start is not None and day < self.start.first_day():
            return False
        return self.end is None or day <= self.end.last_day()


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, country or organisation: one record per real entity."""

    id: str
    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    description: str | None = None
    origin: Literal["registry", "discovered", "knowledge"] = "discovered"


@packed
@dataclass(frozen=True, slots=True)
class Mention:
    """A place in an article's text that names an actor."""

    actor: str
    start: int
    end: int
    text: str
    via: Literal["name", "alias", "surname", "acronym", "role", "adjective", "coref"] = "name"


@packed
@dataclass(frozen=True, slots=True)
class Place:
    """A place an article's text names (a city, a country used as a location)."""

    name: str
    start: int
    end: int
    text: str


@packed
@dataclass(frozen=True, slots=True)
class Source:
    """Where an event is reported: an article's sentence, and the date words in it."""

    article: str
    sentence: int
    start: int
    end: int
    quote: str
    date_text: str = ""
    date_start: int = -1
    date_end: int = -1
    date: PartialDate | None = None  # the date this source gives the happening


@packed
@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening, with every source that reports it."""

    id: str
    date: PartialDate
    date_text: str
    status: Status
    title: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    sources: tuple[Source, ...]
    disputed: tuple[PartialDate, ...] = ()  # every day given when the sources disagree on it


def event_order(event: Event) -> tuple[tuple[int, int], str]:
    """The one chronological order of events: by date, ties broken by id (stable output)."""
    return (event.date.sort_key(), event.id)


def chronological(events: Iterable[Event]) -> list[Event]:
    """`events` in the one chronological order (`event_order`)."""
    return sorted(events, key=event_order)


@dataclass(frozen=True, slots=True)
class Timeline:
    """Everything a build found, ready to render."""

    articles: tuple[Article, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())


_R = TypeVar("_R")


class Memo(Protocol):
    """Results of a corpus-wide stage that are pure in one article and the inputs named,
    kept across builds (generator/incremental/memo.py): `make` gives one not kept yet."""

    def each(self, kind: str, article_id: str, inputs: tuple[Any, ...],
             make: Callable[[], _R], check: Callable[[Any], bool]) -> _R:
        """A result kept on its own, accepted when `check` says it has the right shape."""

    def small(self, kind: str, article_id: str, inputs: tuple[Any, ...],
              make: Callable[[], _R]) -> _R:
        """A small result (a string), kept with the others of its kind."""

    def shared(self, value: Any) -> str:
        """A digest of an input that many keys share, made once."""
