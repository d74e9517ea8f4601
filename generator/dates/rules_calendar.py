"""Date rules for calendar expressions: full and partial dates, years, seasons, quarters."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from generator.dates.context import (
    DATE_LEAD,
    SEASON_START,
    Ctx,
    Found,
    case_ok,
    direction_of,
    month_number,
    shift_months,
    year_for_month_day,
    year_for_months,
)
from generator.dates.words import (
    CENTURY_ORDINALS,
    COUNT_NOUNS,
    HALVES,
    LABEL_WORDS,
    ORDINALS,
    SEASONS,
    WORDS,
)

_RELATIVE_YEARS = WORDS.relative_years  # "this"/"last"/"next" (year) -> shift in years
_DIRECTION = {-1: "past", 0: "none", 1: "future"}

# ---------------------------------------------------------------- rules: calendar dates


def _rule_iso(m: re.Match[str], ctx: Ctx) -> list[Found]:
    y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
    try:
        dt.date(y, mo, d)
    except ValueError:
        return []
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["hour"]:
        return [Found(m.start(), m.end(), "TIME", f"{value}T{m['hour']}:{m['minute']}")]
    return [Found(m.start(), m.end(), "DATE", value)]


def _rule_numeric(m: re.Match[str], ctx: Ctx) -> list[Found]:
    a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
    month, day = (b, a) if a > 12 else (a, b)
    try:
        dt.date(y, month, day)
    except ValueError:
        return []
    return [Found(m.start(), m.end(), "DATE", f"{y:04d}-{month:02d}-{day:02d}",
                   reason="month/day/year order unless the first number exceeds 12")]


def _rule_month_day(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if not case_ok(m["month"]):
        return []
    month, day = month_number(m["month"]), int(re.sub(r"\D", "", m["day"]))
    try:
        dt.date(2000, month, day)  # a leap year: 29 February may exist
    except ValueError:
        return []
    relyear = m.groupdict().get("relyear")
    if m["year"]:
        year, direction, why = int(m["year"]), "none", "the year is given"
    elif relyear and ctx.dct:
        year = ctx.dct.year + _RELATIVE_YEARS[" ".join(relyear.split())]
        direction, why = "none", f"'{relyear} year' from publication"
    elif ctx.dct:
        direction, cue = direction_of(m, ctx)
        year, how = year_for_month_day(month, day, ctx, direction)
        why = f"no year: {cue}; took {how}"
    else:
        return [Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}",
                       reason="no year and no publication date")]
    try:
        dt.date(year, month, day)
    except ValueError:
        return []
    return [Found(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}",
                   direction, why)]


def _rule_month_year(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if not case_ok(m["month"]):
        return []
    value = f"{int(m['year']):04d}-{month_number(m['month']):02d}"
    return [Found(m.start(), m.end(), "DATE", value, reason="month and year given")]


def _rule_month(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if not case_ok(m["month"]):
        return []
    rel = (m["rel"] or "").lower()
    if not rel and not m["poss"] and ctx.word_before(m.start()) not in DATE_LEAD:
        return []
    month = month_number(m["month"])
    if not ctx.dct:
        return [Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}")]
    if " ".join(rel.split()) in _RELATIVE_YEARS:
        direction = _DIRECTION[_RELATIVE_YEARS[" ".join(rel.split())]]
        why = f"'{rel}' before the month"
    else:
        direction, why = direction_of(m, ctx)
    year, how = year_for_months(month, month, ctx, direction)
    return [Found(m.start(), m.end("month"), "DATE", f"{year:04d}-{month:02d}", direction,
                   f"no year: {why}; took {how}")]


def _rule_year(m: re.Match[str], ctx: Ctx) -> list[Found]:
    start = m.start("year")
    before, after = ctx.word_before(start), ctx.word_after(m.end())
    if before.rstrip(".") in LABEL_WORDS or before in LABEL_WORDS or after in COUNT_NOUNS:
        return []
    if after in WORDS.clock_after_year or ctx.text[m.end():m.end() + 1] == ":":
        return []
    year = int(m["year"])
    if year < 1900 and before not in DATE_LEAD and not m["mod"]:
        return []
    return [Found(m.start(), m.end(), "DATE", f"{year:04d}", reason="a year in date context")]


def _rule_year_range(m: re.Match[str], ctx: Ctx) -> list[Found]:
    y1, raw2 = int(m["year"]), m["year2"]
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if y2 <= y1 or ctx.word_before(m.start()).rstrip(".") in LABEL_WORDS:
        return []
    return [
        Found(m.start("year"), m.end("year"), "DATE", f"{y1:04d}", reason="start of a range"),
        Found(m.start("year2"), m.end("year2"), "DATE", f"{y2:04d}", reason="end of a range"),
    ]


def _rule_decade(m: re.Match[str], ctx: Ctx) -> list[Found]:
    return [Found(m.start(), m.end(), "DATE", f"{int(m['decade']) // 10}X")]


def _rule_century(m: re.Match[str], ctx: Ctx) -> list[Found]:
    raw = m["ord"].lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else CENTURY_ORDINALS[raw]
    return [Found(m.start(), m.end(), "DATE", f"{n - 1:02d}")]


def _rule_quarter(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if m["qnum"]:
        q, year = int(m["qnum"]), int(m["qyear"]) if m["qyear"] else None
    else:
        q, year = ORDINALS[m["ord"].lower()], int(m["year"]) if m["year"] else None
        if m["ord"].lower() == "last" and not m.group().lower().startswith("the") and ctx.dct:
            y, mo = shift_months(ctx.dct.year, ctx.dct.month, -3)
            return [Found(m.start(), m.end(), "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}", "past")]
    if year is None and m["relyear"] and ctx.dct:
        year = ctx.dct.year + _RELATIVE_YEARS[" ".join(m["relyear"].lower().split())]
    direction, why = "none", "year given"
    if year is None:
        if not ctx.dct:
            return [Found(m.start(), m.end(), "DATE", f"XXXX-Q{q}")]
        direction, cue = direction_of(m, ctx)
        year, how = year_for_months(3 * q - 2, 3 * q, ctx, direction)
        why = f"no year: {cue}; took {how}"
    return [Found(m.start(), m.end(), "DATE", f"{year:04d}-Q{q}", direction, why)]


def _rule_half(m: re.Match[str], ctx: Ctx) -> list[Found]:
    half = HALVES[m["ord"].lower()]
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct:
        year = ctx.dct.year + _RELATIVE_YEARS[" ".join(m["relyear"].lower().split())]
    else:
        return []
    return [Found(m.start(), m.end(), "DATE", f"{year:04d}-H{half}")]


def _rule_fiscal(m: re.Match[str], ctx: Ctx) -> list[Found]:
    raw = m["year"]
    year = int(raw) if len(raw) == 4 else 2000 + int(raw)
    return [Found(m.start(), m.end(), "DATE", f"FY{year:04d}")]


def _rule_season(m: re.Match[str], ctx: Ctx) -> list[Found]:
    rel = " ".join((m["rel"] or "").lower().split())
    rel = WORDS.season_relatives.get(rel, rel)  # a role: last, next, this, the, early, late
    season = SEASONS[m["season"].lower()]
    if season == "FA" and not rel and not m["year"] and ctx.word_before(m.start()) == "to":
        return []  # "expected to fall": the verb
    following = ctx.text[m.end():m.end() + 4].lower()
    if m["season"][0].isupper() and not rel and not m["year"]:
        return []
    if not rel and not m["year"] and ctx.word_before(m.start()) not in DATE_LEAD:
        return []
    if rel == "the" and not m["year"] and following.startswith(" of"):
        return []
    first = SEASON_START[season]
    if m["year"]:
        year, direction, why = int(m["year"]), "none", "year given"
    elif not ctx.dct:
        return [Found(m.start(), m.end(), "DATE", f"XXXX-{season}")]
    else:
        direction, why = {"last": ("past", "'last'"), "next": ("future", "'next'")}.get(
            rel, direction_of(m, ctx))
        if rel == "this":
            direction = "none"
        year, how = year_for_months(first, first + 2, ctx, direction)
        why = f"no year: {why}; took {how}"
    return [Found(m.start(), m.end(), "DATE", f"{year:04d}-{season}", direction, why)]



def _rule_day_range(m: re.Match[str], ctx: Ctx) -> list[Found]:
    """"June 8-12": the first day, and the last one in its own span."""
    first = _rule_month_day(m, ctx)
    if not first:
        return []
    day2 = int(re.sub(r"\D", "", m["day2"]))
    year_month = first[0].value[:8]
    try:
        dt.date(int(year_month[:4]), int(year_month[5:7]), day2)
    except ValueError:
        return first if year_month.startswith("XXXX") else []
    start = m.start("month")
    return [replace(first[0], start=start, end=m.end("day")),
            Found(m.start("day2"), m.end("day2"), "DATE", f"{year_month}{day2:02d}",
                   first[0].direction, "end of a range")]


CALENDAR_RULES = {
    "iso-date": _rule_iso, "numeric-date": _rule_numeric, "month-day-year": _rule_month_day,
    "day-month-year": _rule_month_day, "month-year": _rule_month_year, "month": _rule_month,
    "year-range": _rule_year_range, "decade": _rule_decade, "century": _rule_century,
    "quarter": _rule_quarter, "half": _rule_half, "fiscal": _rule_fiscal,
    "season": _rule_season, "year": _rule_year, "day-range": _rule_day_range,
}
