"""Which list pages a timeline needs, so that no page grows with the whole corpus. Pure.

Each event's full card is on the one timeline page that lists it (`placements`); every
other list (the newest, an actor's, an article's) shows compact rows linking there.
A timeline of at most `PAGE_EVENTS` events is one page (`index.html`, and `newest.html`
reversed, in rows). A longer one becomes an overview (`index.html`: the chart, the years with their
counts, the latest events) and a page per year (`timeline/<year>.html`, oldest first); a
year with more than `PAGE_EVENTS` events lists its months, each on its own page
(`timeline/<year>-<mm>.html`), and a month with more goes on in parts of `PAGE_EVENTS`
(`timeline/<year>-<mm>-p2.html`, ...), in the timeline's order. `newest.html` then shows
the newest `PAGE_EVENTS` events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from generator.model import MONTH_NAMES, Event, PartialDate, chronological
from generator.site import urls
from generator.site.views import EventView, Year, month_of, timeline_years, year_of

PAGE_EVENTS = 250  # the most events one list page shows before the list is split
RECENT = 20  # the newest events an overview (of a long timeline or a busy actor) shows


@dataclass(frozen=True)
class Entry:
    """A link to a list page with how many events it holds, e.g. "2021 (4,075)"."""

    label: str
    path: str
    count: int

    def bare(self) -> Entry:
        """The link without its count, for the pages that do not show it: their key
        (pagekeys.py) then does not change when an event is added to the page linked."""
        return Entry(self.label, self.path, 0)


@dataclass(frozen=True)
class ListPage:
    """One page of a long timeline: a year or a month, its events, where it sits."""

    path: str
    heading: str
    years: list[Year]
    count: int
    months: tuple[Entry, ...] = ()  # a split year's page links its month pages
    up: Entry | None = None  # a month page's year
    previous: Entry | None = None
    next: Entry | None = None
    continued: bool = False  # the next page is the next part of the same month


@dataclass
class Plan:
    """The timeline's list pages and, for each event and month, the page that lists it."""

    paged: bool
    placed: dict[str, str] = field(default_factory=dict)  # event id -> its list page
    month_pages: dict[tuple[int, int], str] = field(default_factory=dict)
    years: list[Entry] = field(default_factory=list)  # the overview's years
    lists: list[ListPage] = field(default_factory=list)

    def month_page(self, year: int, month: int) -> str:
        """The page that lists a month (the chart's bars link there)."""
        return self.month_pages.get((year, month), urls.INDEX)


T = TypeVar("T")


@dataclass(frozen=True)
class _Page(Generic[T]):
    """A list page as `_layout` decides it, holding items of any kind (views or events)."""

    path: str
    heading: str
    items: Sequence[T]
    count: int  # a split year's page counts the whole year
    months: tuple[Entry, ...] = ()
    up: Entry | None = None
    continued: bool = False


def _layout(items: Sequence[T], date_of: Callable[[T], PartialDate]
            ) -> tuple[list[Entry], list[_Page[T]]]:
    """The years (for the overview) and the list pages, in order, of a long timeline whose
    `items` are oldest first: a page per year, a page per month of a year over
    `PAGE_EVENTS`, parts of `PAGE_EVENTS` for a month over it. The one place that decides."""
    by_year: dict[int, list[T]] = defaultdict(list)
    for item in items:
        by_year[year_of(date_of(item))].append(item)
    years, pages = [], []
    for year in sorted(by_year):
        listed = by_year[year]
        path = urls.year_path(year)
        years.append(Entry(str(year), path, len(listed)))
        if len(listed) <= PAGE_EVENTS:
            pages.append(_Page(path, str(year), listed, len(listed)))
            continue
        by_month: dict[int | None, list[T]] = defaultdict(list)
        for item in listed:
            by_month[month_of(date_of(item))].append(item)
        vague = by_month.pop(None, [])
        months = tuple(Entry(f"{MONTH_NAMES[m - 1]} {year}", urls.month_path(year, m),
                             len(by_month[m])) for m in sorted(by_month))
        pages.append(_Page(path, str(year), vague, len(listed), months))
        up = Entry(str(year), path, 0)  # shown without its count
        for month, entry in zip(sorted(by_month), months, strict=True):
            month_items = by_month[month]
            parts = [month_items[i:i + PAGE_EVENTS]
                     for i in range(0, len(month_items), PAGE_EVENTS)]
            for k, chunk in enumerate(parts, 1):
                heading = entry.label if len(parts) == 1 else \
                    f"{entry.label}, part {k} of {len(parts)}"
                pages.append(_Page(urls.month_path(year, month, k), heading, chunk, len(chunk),
                                   up=up, continued=k < len(parts)))
    return years, pages


def plan(views: Sequence[EventView]) -> Plan:
    """The list pages for the events `views` (oldest first)."""
    if len(views) <= PAGE_EVENTS:
        return Plan(False, dict.fromkeys((v.event.id for v in views), urls.INDEX))
    years, pages = _layout(views, lambda view: view.event.date)
    result = Plan(True, years=years)
    for page in pages:
        result.lists.append(ListPage(page.path, page.heading, timeline_years(page.items, False),
                                     page.count, page.months, page.up,
                                     continued=page.continued))
        _place(result, page.items, page.path)
    _link_neighbours(result)
    return result


def placements(events: Sequence[Event]) -> dict[str, str]:
    """The timeline page holding each event's card, by event id: what `plan` decides (the
    same `_layout`), from the events alone, so the data files link there unrendered."""
    if len(events) <= PAGE_EVENTS:
        return dict.fromkeys((e.id for e in events), urls.INDEX)
    _, pages = _layout(chronological(events), lambda event: event.date)
    return {event.id: page.path for page in pages for event in page.items}


def _place(result: Plan, events: Sequence[EventView], path: str) -> None:
    for view in events:
        result.placed[view.event.id] = path
        month = month_of(view.event.date)
        if month is not None:  # a month in parts: the chart's bar leads to its first
            result.month_pages.setdefault((view.year, month), path)


def _link_neighbours(result: Plan) -> None:
    pages = result.lists
    entries = [Entry(p.heading, p.path, 0) for p in pages]  # shown without their counts
    for i, page in enumerate(pages):
        pages[i] = replace(page, previous=entries[i - 1] if i else None,
                           next=entries[i + 1] if i + 1 < len(pages) else None)


def split_years(result: Plan) -> str:
    """The years listed a month a page, space-separated: how the overview's script finds the
    page of an old permalink (`index.html#ev-<date>-...`) from the date in the event id."""
    return " ".join(page.path.removeprefix(f"{urls.TIMELINE}/").removesuffix(".html")
                    for page in result.lists if page.months)


def newest(views: Sequence[EventView]) -> list[EventView]:
    """The newest `PAGE_EVENTS` events, oldest first (for `timeline_years` to reverse)."""
    return list(views[-PAGE_EVENTS:])


def actor_years(events: Sequence[EventView]) -> dict[int, list[EventView]] | None:
    """A busy actor's events by year (each year on its own page), or None if they fit one."""
    if len(events) <= PAGE_EVENTS:
        return None
    by_year: dict[int, list[EventView]] = defaultdict(list)
    for view in events:
        by_year[view.year].append(view)
    return dict(sorted(by_year.items()))
