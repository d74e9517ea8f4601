"""Events-per-month charts: which months, how tall, where each bar links."""

from __future__ import annotations

from generator.model import PartialDate as D
from generator.site import charts


def test_months_between_crosses_the_year() -> None:
    assert charts.months_between((2019, 11), (2020, 2)) == [
        (2019, 11), (2019, 12), (2020, 1), (2020, 2)]


def test_a_week_counts_in_the_month_of_its_first_day_and_a_year_is_not_drawn() -> None:
    dates = [D(2020, 1, 8), D(2020, 1), D(2020, week=5), D(2020, 3, 1), D(2011)]
    chart = charts.month_chart(dates, "index.html")
    assert chart is not None
    assert [(b.label, b.count) for b in chart.bars] == [("January 2020", 3), ("March 2020", 1)]
    assert chart.months == 3 and chart.undrawn == 1 and chart.peak == 3
    assert chart.bars[0].target == "index.html#m-2020-01"
    assert chart.bars[0].height > chart.bars[1].height
    assert "4 events from January 2020 to March 2020" in chart.summary
    assert "1 dated only to a year" in chart.summary


def test_bars_stay_inside_the_drawing() -> None:
    dates = [D(2000 + i // 12, i % 12 + 1) for i in range(0, 300, 7)]
    chart = charts.month_chart(dates, "p.html")
    assert chart is not None
    for bar in chart.bars:
        assert bar.x >= 0 and bar.x + bar.width <= chart.width + 0.01
        assert bar.height > 0 and bar.y + bar.height <= chart.plot_bottom + 0.01
    xs = [t.x for t in chart.ticks]
    assert xs == sorted(xs) and all(b - a >= 40 for a, b in zip(xs, xs[1:], strict=False))


def test_an_actor_chart_uses_the_whole_timeline_axis() -> None:
    chart = charts.month_chart([D(2020, 6, 1)], "index.html", span=((2019, 4), (2020, 6)))
    assert chart is not None and chart.months == 15 and len(chart.bars) == 1
    assert (chart.first, chart.last) == ("April 2019", "June 2020")
    assert chart.summary == "1 event in June 2020."


def test_nothing_to_draw() -> None:
    assert charts.month_chart([], "index.html") is None
    assert charts.month_chart([D(2011)], "index.html") is None
