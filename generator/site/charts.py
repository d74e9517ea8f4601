"""Bar charts of events per month, as geometry for an inline SVG. Pure: no files, no markup.

The templates draw the SVG (`templates/_charts.html`), so every label goes through
Jinja's autoescaping. A bar links to its month's section on the timeline (on the page
that lists that month); months without events have no bar and no link, because they
have no section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.model import MONTH_NAMES, PartialDate

WIDTH = 640
PLOT_TOP = 8
LABEL_BAND = 18  # room under the bars for the year labels
MIN_SLOT_FOR_GAP = 4.0

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class Bar:
    """One month's bar: geometry in viewBox units, and where it links."""

    x: float
    y: float
    width: float
    height: float
    count: int
    label: str
    target: str  # site path with fragment, e.g. "index.html#m-2020-01"


@dataclass(frozen=True)
class Tick:
    """A year label under the bars."""

    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    """An events-per-month bar chart: what the template needs to draw and describe it."""

    width: int
    height: int
    plot_bottom: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    peak: int
    first: str  # the axis: the first and last month drawn
    last: str
    months: int
    undrawn: int  # events dated only to a year: they belong to no month

    @property
    def summary(self) -> str:
        """The chart in one sentence, for its description and for readers without SVG."""
        total = sum(b.count for b in self.bars)
        busiest = max(self.bars, key=lambda b: b.count)
        first, last = self.bars[0].label, self.bars[-1].label
        when = f"in {first}" if first == last else f"from {first} to {last}"
        text = f"{total} event{'s' if total != 1 else ''} {when}"
        if len(self.bars) > 1:
            text += f"; busiest month: {busiest.label} with {busiest.count}"
        text += "."
        if self.undrawn:
            text += f" {self.undrawn} dated only to a year are not drawn."
        return text


def month_anchor(year: int, month: int) -> str:
    """The id of a month's section on the timeline (as `views` writes it)."""
    return f"m-{year}-{month:02d}"


def month_of(date: PartialDate) -> Month | None:
    """The month an event is listed under; None for a year-only date."""
    if date.precision == "year":
        return None
    first = date.first_day()
    return (first.year, first.month)


def month_span(dates: Iterable[PartialDate]) -> tuple[Month, Month] | None:
    """The first and last month any of the dates falls in, or None."""
    months = sorted(m for m in map(month_of, dates) if m is not None)
    return (months[0], months[-1]) if months else None


def months_between(first: Month, last: Month) -> list[Month]:
    """Every month from `first` to `last`, both included."""
    out, (year, month) = [], first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_chart(
    dates: Sequence[PartialDate],
    page: str | Callable[[int, int], str],
    span: tuple[Month, Month] | None = None,
    height: int = 120,
) -> Chart | None:
    """Bars for the events on `dates`, linking to `page#m-YYYY-MM`; None if nothing to draw.

    `page` is one page for every month, or gives the page that lists a (year, month)."""
    where = page if callable(page) else (lambda _year, _month: page)
    counts = Counter(m for m in map(month_of, dates) if m is not None)
    span = span or month_span(dates)
    if not counts or span is None:
        return None
    months = months_between(*span)
    plot_bottom = height - LABEL_BAND
    slot = WIDTH / len(months)
    gap = slot * 0.2 if slot >= MIN_SLOT_FOR_GAP else 0.0
    peak = max(counts.values())
    bars = []
    for i, (year, month) in enumerate(months):
        if counts[(year, month)]:
            h = (plot_bottom - PLOT_TOP) * counts[(year, month)] / peak
            bars.append(Bar(round(i * slot + gap / 2, 2), round(plot_bottom - h, 2),
                            round(slot - gap, 2), round(h, 2), counts[(year, month)],
                            _label(year, month), f"{where(year, month)}#{month_anchor(year, month)}"))
    return Chart(WIDTH, height, plot_bottom, tuple(bars), _ticks(months, slot), peak,
                 _label(*months[0]), _label(*months[-1]), len(months),
                 sum(1 for d in dates if month_of(d) is None))


def _label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


def _ticks(months: Sequence[Month], slot: float) -> tuple[Tick, ...]:
    """A label at each January (and at the first month), thinned so labels never overlap."""
    starts = [i for i, (_, month) in enumerate(months) if month == 1 or i == 0]
    if len(starts) > 1 and starts[1] - starts[0] < 3:
        starts.pop(0)  # the first month sits too close to the next January
    step = max(1, -(-len(starts) * 48 // WIDTH))  # about 48 units per label, rounded up
    return tuple(Tick(round(i * slot, 2), str(months[i][0])) for i in starts[::step])
