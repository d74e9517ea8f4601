"""Temporal expressions in news text, normalised to TIMEX3 values against the publication date.

`tag(text, dct)` finds every expression and returns `Timex` records in text order. Each
record says which rule fired and, for expressions without a year or with a bare weekday,
which way the sentence points (past or future) and why. The build and `timeline dates`
both use this module, so the site and the command never disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from generator import tense
from generator.model import PartialDate
from generator.timexwords import (
    CENTURY_ORDINALS,
    COUNT_NOUNS,
    LABEL_WORDS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    PATTERNS,
    SEASONS,
    TRIGGERS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)

# Prepositions and determiners that make a bare month or season name a date.
_DATE_LEAD = frozenset(
    "in since until till by from of during before after through throughout to between and or early "
    "late mid last next this that each every on around about the".split()
)
_SEASON_BY_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
                    8: "SU", 9: "FA", 10: "FA", 11: "FA"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_FAR_DAYS = 183
_NEAR_DAYS = 45


@dataclass(frozen=True)
class Timex:
    """One temporal expression: its span in the text, TIMEX3 type and value, and why."""

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str = ""
    direction: str = "none"
    reason: str = ""

    def as_json(self) -> dict[str, object]:
        """The record `timeline dates` prints."""
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value}

    def explain(self) -> dict[str, object]:
        """The record plus the rule that fired and the direction it chose."""
        return {**self.as_json(), "rule": self.rule, "direction": self.direction,
                "reason": self.reason}

    def event_date(self) -> PartialDate | None:
        """The timeline date this expression gives an event, or None (durations, refs)."""
        if self.type not in ("DATE", "TIME"):
            return None
        return value_to_date(self.value)


_VALUE_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_VALUE_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_VALUE_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_VALUE_YEAR = re.compile(r"^(\d{4})$")


def value_to_date(value: str) -> PartialDate | None:
    """A TIMEX3 DATE/TIME value as a timeline date (day, week, month or year), else None.

    Quarters, halves and seasons are not timeline precisions: rounding them to their year
    would claim a year-long event, so they date no event."""
    if m := _VALUE_DAY.match(value):
        return PartialDate(int(m[1]), int(m[2]), int(m[3]))
    if m := _VALUE_WEEK.match(value):
        return PartialDate(int(m[1]), week=int(m[2]))
    if m := _VALUE_MONTH.match(value):
        return PartialDate(int(m[1]), int(m[2]))
    if m := _VALUE_YEAR.match(value):
        return PartialDate(int(m[1]))
    return None


# Publication dates the engine reasons from: far enough from year 1 and year 9999 that
# "next week" or "on June 8" never leaves the calendar (outside it: no publication date).
EARLIEST = dt.date(1000, 1, 1)
LATEST = dt.date(8999, 12, 31)


def in_range(day: dt.date | None) -> bool:
    """Whether `day` is a publication date the engine can count from."""
    return day is not None and EARLIEST <= day <= LATEST


@dataclass
class _Ctx:
    """What a rule needs to normalise one match."""

    text: str
    sent_start: int
    sent_end: int
    dct: dt.date | None
    anchors: list[dt.date]
    reference: dt.date | None = None  # the last day the story has named (narrative time)
    _cues: list[tense.Cue] | None = None

    @property
    def cues(self) -> list[tense.Cue]:
        """The sentence's tense cues, found on first use (most expressions need none)."""
        if self._cues is None:
            self._cues = tense.cues(self.sentence)
        return self._cues

    @property
    def sentence(self) -> str:
        return self.text[self.sent_start:self.sent_end]

    def direction(self, start: int, end: int) -> tuple[str, str]:
        return tense.direction_near(
            self.sentence, start - self.sent_start, end - self.sent_start, self.cues
        )

    def word_before(self, pos: int) -> str:
        m = re.search(r"([A-Za-z.]+)[\s-]*$", self.text[max(0, pos - 30):pos])
        return m.group(1).lower() if m else ""

    def word_after(self, pos: int) -> str:
        m = re.match(r"[\s-]*([A-Za-z%]+)", self.text[pos:pos + 30])
        return m.group(1).lower() if m else ""


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    type: str
    value: str
    direction: str = "none"
    reason: str = ""


Rule = Callable[[re.Match[str], _Ctx], list[_Found]]


# ---------------------------------------------------------------- resolution helpers


def _pick_year(
    candidates: list[tuple[int, dt.date, dt.date]], dct: dt.date, direction: str
) -> tuple[int, str]:
    """Choose among (year, first day, last day) candidates by direction, then plausibility."""

    def gap(c: tuple[int, dt.date, dt.date]) -> int:
        if c[2] < dct:
            return (dct - c[2]).days
        return max(0, (c[1] - dct).days)

    past = [c for c in candidates if c[1] <= dct]
    future = [c for c in candidates if c[2] >= dct]
    nearest = min(candidates, key=lambda c: (gap(c), -c[0] if c[1] <= dct else c[0]))
    if direction == "past" and past:
        chosen, why = max(past, key=lambda c: c[1]), "the latest one on or before publication"
    elif direction == "future" and future:
        chosen, why = min(future, key=lambda c: c[1]), "the first one on or after publication"
    else:
        return nearest[0], "the one nearest to publication"
    if gap(chosen) > _FAR_DAYS and gap(nearest) <= _NEAR_DAYS:
        return nearest[0], "the one nearest to publication, since " + why + " is over six months away"
    return chosen[0], why


def _year_for_month_day(month: int, day: int, ctx: _Ctx, direction: str) -> tuple[int, str]:
    assert ctx.dct is not None
    cands = []
    for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        cands.append((y, d, d))
    return _pick_year(cands, ctx.dct, direction)


def _year_for_months(first: int, last: int, ctx: _Ctx, direction: str) -> tuple[int, str]:
    """Year for a span of months (a month, a season, a quarter) with no year given."""
    assert ctx.dct is not None
    cands = []
    for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        end_y, end_m = (y + 1, last - 12) if last > 12 else (y, last)
        start = dt.date(y, first, 1)
        end = PartialDate(end_y, end_m).last_day()
        cands.append((y, start, end))
    return _pick_year(cands, ctx.dct, direction)


def _amount(text: str) -> float | None:
    """The number in an amount phrase ("two", "14", "a"), or None when vague."""
    t = " ".join(text.lower().split())
    if t in VAGUE_NUMBERS or t.startswith(("dozens", "a couple", "several", "a few")):
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in NUMBERS:
        return float(NUMBERS[t])
    if "-" in t:
        tens, _, ones = t.partition("-")
        if tens in NUMBERS and ones in NUMBERS:
            return float(NUMBERS[tens] + NUMBERS[ones])
    return None


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def _unit_code(unit: str) -> str:
    u = unit.lower()
    if u in ("centuries", "century"):
        return "CE"
    return UNITS[u.rstrip("s") if u != "s" else u]


def _direction(m: re.Match[str], ctx: _Ctx) -> tuple[str, str]:
    return ctx.direction(m.start(), m.end())


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + month - 1 + delta
    return idx // 12, idx % 12 + 1


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _case_ok(word: str) -> bool:
    """Month and weekday names count only when capitalised ("may", "march" are verbs)."""
    return word[:1].isupper()


# ---------------------------------------------------------------- rules: calendar dates


def _rule_iso(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
    try:
        dt.date(y, mo, d)
    except ValueError:
        return []
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["hour"]:
        return [_Found(m.start(), m.end(), "TIME", f"{value}T{m['hour']}:{m['minute']}")]
    return [_Found(m.start(), m.end(), "DATE", value)]


def _rule_numeric(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
    month, day = (b, a) if a > 12 else (a, b)
    try:
        dt.date(y, month, day)
    except ValueError:
        return []
    return [_Found(m.start(), m.end(), "DATE", f"{y:04d}-{month:02d}-{day:02d}",
                   reason="month/day/year order unless the first number exceeds 12")]


def _rule_month_day(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if not _case_ok(m["month"]):
        return []
    month, day = _month_number(m["month"]), int(re.sub(r"\D", "", m["day"]))
    try:
        dt.date(2000, month, day)  # a leap year: 29 February may exist
    except ValueError:
        return []
    relyear = m.groupdict().get("relyear")
    if m["year"]:
        year, direction, why = int(m["year"]), "none", "the year is given"
    elif relyear and ctx.dct:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[relyear]
        direction, why = "none", f"'{relyear} year' from publication"
    elif ctx.dct:
        direction, cue = _direction(m, ctx)
        year, how = _year_for_month_day(month, day, ctx, direction)
        why = f"no year: {cue}; took {how}"
    else:
        return [_Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}",
                       reason="no year and no publication date")]
    try:
        dt.date(year, month, day)
    except ValueError:
        return []
    return [_Found(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}",
                   direction, why)]


def _rule_month_year(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if not _case_ok(m["month"]):
        return []
    value = f"{int(m['year']):04d}-{_month_number(m['month']):02d}"
    return [_Found(m.start(), m.end(), "DATE", value, reason="month and year given")]


def _rule_month(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if not _case_ok(m["month"]):
        return []
    rel = (m["rel"] or "").lower()
    if not rel and not m["poss"] and ctx.word_before(m.start()) not in _DATE_LEAD:
        return []
    month = _month_number(m["month"])
    if not ctx.dct:
        return [_Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}")]
    if rel in ("last", "next", "this"):
        direction = {"last": "past", "next": "future", "this": "none"}[rel]
        why = f"'{rel}' before the month"
    else:
        direction, why = _direction(m, ctx)
    year, how = _year_for_months(month, month, ctx, direction)
    return [_Found(m.start(), m.end("month"), "DATE", f"{year:04d}-{month:02d}", direction,
                   f"no year: {why}; took {how}")]


def _rule_year(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    start = m.start("year")
    before, after = ctx.word_before(start), ctx.word_after(m.end())
    if before.rstrip(".") in LABEL_WORDS or before in LABEL_WORDS or after in COUNT_NOUNS:
        return []
    if after in ("gmt", "utc", "hours", "hrs", "local") or ctx.text[m.end():m.end() + 1] == ":":
        return []
    year = int(m["year"])
    if year < 1900 and before not in _DATE_LEAD and not m["mod"]:
        return []
    return [_Found(m.start(), m.end(), "DATE", f"{year:04d}", reason="a year in date context")]


def _rule_year_range(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    y1, raw2 = int(m["year"]), m["year2"]
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if y2 <= y1 or ctx.word_before(m.start()).rstrip(".") in LABEL_WORDS:
        return []
    return [
        _Found(m.start("year"), m.end("year"), "DATE", f"{y1:04d}", reason="start of a range"),
        _Found(m.start("year2"), m.end("year2"), "DATE", f"{y2:04d}", reason="end of a range"),
    ]


def _rule_decade(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    return [_Found(m.start(), m.end(), "DATE", f"{int(m['decade']) // 10}X")]


def _rule_century(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    raw = m["ord"].lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else CENTURY_ORDINALS[raw]
    return [_Found(m.start(), m.end(), "DATE", f"{n - 1:02d}")]


def _rule_quarter(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if m["qnum"]:
        q, year = int(m["qnum"]), int(m["qyear"]) if m["qyear"] else None
    else:
        q, year = ORDINALS[m["ord"].lower()], int(m["year"]) if m["year"] else None
        if m["ord"].lower() == "last" and not m.group().lower().startswith("the") and ctx.dct:
            y, mo = _shift_months(ctx.dct.year, ctx.dct.month, -3)
            return [_Found(m.start(), m.end(), "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}", "past")]
    if year is None and m["relyear"] and ctx.dct:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["relyear"]]
    direction, why = "none", "year given"
    if year is None:
        if not ctx.dct:
            return [_Found(m.start(), m.end(), "DATE", f"XXXX-Q{q}")]
        direction, cue = _direction(m, ctx)
        year, how = _year_for_months(3 * q - 2, 3 * q, ctx, direction)
        why = f"no year: {cue}; took {how}"
    return [_Found(m.start(), m.end(), "DATE", f"{year:04d}-Q{q}", direction, why)]


def _rule_half(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    half = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        year = int(m["year"])
    elif ctx.dct:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["relyear"].lower()]
    else:
        return []
    return [_Found(m.start(), m.end(), "DATE", f"{year:04d}-H{half}")]


def _rule_fiscal(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    raw = m["year"]
    year = int(raw) if len(raw) == 4 else 2000 + int(raw)
    return [_Found(m.start(), m.end(), "DATE", f"FY{year:04d}")]


def _rule_season(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    rel = (m["rel"] or "").lower()
    season = SEASONS[m["season"].lower()]
    following = ctx.text[m.end():m.end() + 4].lower()
    if m["season"][0].isupper() and not rel and not m["year"]:
        return []
    if not rel and not m["year"] and ctx.word_before(m.start()) not in _DATE_LEAD:
        return []
    if rel == "the" and not m["year"] and following.startswith(" of"):
        return []
    first = _SEASON_START[season]
    if m["year"]:
        year, direction, why = int(m["year"]), "none", "year given"
    elif not ctx.dct:
        return [_Found(m.start(), m.end(), "DATE", f"XXXX-{season}")]
    else:
        direction, why = {"last": ("past", "'last'"), "next": ("future", "'next'")}.get(
            rel, _direction(m, ctx))
        if rel == "this":
            direction = "none"
        year, how = _year_for_months(first, first + 2, ctx, direction)
        why = f"no year: {why}; took {how}"
    return [_Found(m.start(), m.end(), "DATE", f"{year:04d}-{season}", direction, why)]


# ---------------------------------------------------------------- rules: relative to publication


def _rule_relative_day(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if not ctx.dct:
        return []
    word = " ".join(m["word"].lower().split())
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    day = ctx.dct + dt.timedelta(days=shift)
    part = PARTS_OF_DAY.get((m["part"] or "").lower()) or ("NI" if word == "tonight" else None)
    if part:
        return [_Found(m.start(), m.end(), "TIME", f"{day.isoformat()}T{part}")]
    return [_Found(m.start(), m.end(), "DATE", day.isoformat(), reason=f"'{word}'")]


def _rule_this_part(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if not ctx.dct:
        return []
    last = m.group().lower().startswith("last")
    day = ctx.dct - dt.timedelta(days=1 if last else 0)
    return [_Found(m.start(), m.end(), "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}")]


def _relative_value(unit: str, delta: int, dct: dt.date) -> str:
    if unit in ("week", "weekend"):
        y, w, _ = (dct + dt.timedelta(weeks=delta)).isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        y, mo = _shift_months(dct.year, dct.month, delta)
        return f"{y:04d}-{mo:02d}"
    if unit == "quarter":
        y, mo = _shift_months(dct.year, dct.month, 3 * delta)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    if unit == "decade":
        return f"{(dct.year + 10 * delta) // 10}X"
    if unit == "century":
        return f"{(dct.year + 100 * delta) // 100:02d}"
    return f"{dct.year + delta:04d}"


def _rule_relative_unit(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if not ctx.dct:
        return []
    rel = m["rel"].lower()
    delta = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "this": 0,
             "current": 0, "same": 0, "past": -1}[rel]
    unit = m["unit"].lower()
    if m["the"] and rel in ("past", "last", "next", "coming") and unit != "weekend":
        # "the past year", "the next month": a stretch of time ending or starting now
        return [_Found(m.start(), m.end(), "DURATION", f"P1{_unit_code(unit)}")]
    if rel == "past":
        return []
    direction = "past" if delta < 0 else "future" if delta > 0 else "none"
    return [_Found(m.start(), m.end(), "DATE", _relative_value(unit, delta, ctx.dct),
                   direction, f"'{rel} {unit}' counted from publication")]


def _rule_period_end(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    """"The end of the year": the current period, marked by its part in TIMEX3 only as a mod."""
    if not ctx.dct:
        return []
    unit = m["unit"].lower()
    return [_Found(m.start(), m.end(), "DATE", _relative_value(unit, 0, ctx.dct), "none",
                   f"'the {unit}' is the one of publication")]


def _rule_weekend(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    """A weekend: "this"/"the" by the sentence's tense, "last"/"next" by the word."""
    if not ctx.dct:
        return []
    word = m["the"].lower()
    if word in ("last", "next"):
        direction, why = ("past" if word == "last" else "future"), f"'{word}'"
    elif word == "that":
        return []
    else:
        direction, why = _direction(m, ctx)
    weekday = ctx.dct.weekday()
    if direction == "past" and weekday < 5:
        delta = -1
    elif direction == "future" and weekday >= 5 and word != "this":
        delta = 1
    else:
        delta = 1 if word == "next" else 0
    return [_Found(m.start(), m.end(), "DATE", _relative_value("weekend", delta, ctx.dct),
                   direction, why)]


def _rule_day_range(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
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
            _Found(m.start("day2"), m.end("day2"), "DATE", f"{year_month}{day2:02d}",
                   first[0].direction, "end of a range")]


def _rule_ago(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if not ctx.dct:
        return []
    amount = _amount(m["amount"])
    sign = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    direction = "past" if sign < 0 else "future"
    code = _unit_code(m["unit"])
    if m["unit"].lower().startswith(("hour", "minute", "second")) and m["dir"].lower() != "ago":
        return []  # "two hours later": a duration from the last event, not from publication
    if amount is None or amount != int(amount):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return [_Found(m.start(), m.end(), "DATE", ref, direction, "an unspecified amount")]
    n = int(amount) * sign
    base = ctx.dct
    if m["dir"].lower() in ("later", "earlier", "before") and ctx.reference is not None:
        base = ctx.reference  # "three days later": after the day the story last named
    try:
        value = _ago_value(code, n, base)
    except (OverflowError, ValueError):  # "9999999 days ago": beyond the calendar
        value = ""
    if not _CALENDAR_VALUE.fullmatch(value) or value.startswith("0000"):
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"  # before year 1 or after 9999
    return [_Found(m.start(), m.end(), "DATE", value, direction,
                   f"{abs(n)} {m['unit'].lower()} {m['dir'].lower()} counted from publication")]


_CALENDAR_VALUE = re.compile(r"\d{4}(?:-[0-9W-]+)?|\d{2}")


def _ago_value(code: str, n: int, dct: dt.date) -> str:
    if code == "D":
        return (dct + dt.timedelta(days=n)).isoformat()
    if code == "W":
        return _relative_value("week", n, dct)
    if code == "M":
        return _relative_value("month", n, dct)
    if code == "DE":
        return f"{dct.year + 10 * n:04d}"
    if code == "CE":
        return f"{(dct.year + 100 * n) // 100:02d}"
    if code in ("H", "S"):
        return dct.isoformat()
    return f"{dct.year + n:04d}"


def _weekday_date(weekday: int, ctx: _Ctx, rel: str, m: re.Match[str]) -> tuple[dt.date, str, str]:
    """The day a weekday name refers to, the direction used, and why."""
    assert ctx.dct is not None
    for anchor in reversed(ctx.anchors):
        if anchor.weekday() == weekday and not rel:
            return anchor, "none", f"the weekday of the date {anchor.isoformat()} given just before"
    back = (ctx.dct.weekday() - weekday) % 7
    ahead = (weekday - ctx.dct.weekday()) % 7
    if rel in ("last", "past"):
        return ctx.dct - dt.timedelta(days=back or 7), "past", f"'{rel}'"
    if rel in ("next", "coming", "this coming"):
        return ctx.dct + dt.timedelta(days=ahead or 7), "future", f"'{rel}'"
    if back == 0:
        return ctx.dct, "none", "the publication day's own weekday"
    direction, why = ("none", "'this'") if rel == "this" else _direction(m, ctx)
    if direction == "future":
        return ctx.dct + dt.timedelta(days=ahead), direction, why + ": the coming one"
    return ctx.dct - dt.timedelta(days=back), direction, why + ": the one in the week up to publication"


def _rule_weekday(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    weekday = WEEKDAYS[m["weekday"].lower()]
    if not ctx.dct:
        return [_Found(m.start(), m.end(), "DATE", f"XXXX-WXX-{weekday + 1}")]
    rel = " ".join((m["rel"] or "").lower().split())
    day, direction, why = _weekday_date(weekday, ctx, rel, m)
    if m["part"]:
        part = PARTS_OF_DAY[m["part"].lower()]
        return [_Found(m.start(), m.end("part"), "TIME", f"{day.isoformat()}T{part}", direction, why)]
    end = m.end("weekday")
    return [_Found(m.start(), end, "DATE", day.isoformat(), direction, why)]


def _rule_clock(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if m["word"]:
        hhmm = {"midnight": "24:00", "noon": "12:00", "midday": "12:00"}[m["word"].lower()]
    elif m["ampm"]:
        h = int(m["h12"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        hhmm = f"{h:02d}:{m['m12'] or '00'}"
    else:
        hhmm = f"{int(m['h24']):02d}:{m['m24']}"
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return [_Found(m.start(), m.end(), "TIME", f"{day}T{hhmm}",
                   reason="a clock time takes its day from the sentence, else publication")]


_ANAPHORIC_SHIFT = {"same day": 0, "that day": 0, "next day": 1, "following day": 1,
                   "day after": 1, "previous day": -1, "day before": -1}


def _rule_anaphoric_day(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    """"The next day", "the same day": counted from the last day the story named."""
    base = ctx.reference or ctx.dct
    if base is None:
        return []
    key = "that day" if m["word"] is None else " ".join(m["word"].lower().split())
    shift = _ANAPHORIC_SHIFT[key]
    why = "the last day the text named" if ctx.reference else "publication (no day named before)"
    day = base + dt.timedelta(days=shift)
    return [_Found(m.start(), m.end(), "DATE", day.isoformat(), "none",
                   f"'{key}' counted from {why}")]


def _rule_year_earlier(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if not ctx.dct:
        return []
    return [_Found(m.start(), m.end(), "DATE", f"{ctx.dct.year - 1:04d}", "past",
                   "the year before publication")]


# Words before "a year" that make it a rate ("$2 million a year", "twice a day").
_RATE_LEAD = re.compile(r"(?:\d[\d,.]*\s*(?:%|percent|per\s+cent)?|million|billion|trillion|"
                        r"once|twice|times|dollars|euros|pounds|each|a\s+piece)\s*$", re.IGNORECASE)


def _rule_rate(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    """A quantity per unit of time is a SET: "twice a day" is P1D, "$2 million a year" P1Y."""
    per = m["per"].lower()
    if per in ("a", "an") and not _RATE_LEAD.search(ctx.text[max(0, m.start() - 20):m.start()]):
        return []
    code = UNITS[m["unit"].lower()] if m["unit"].lower() != "quarter" else "Q"
    value = "PT1H" if code == "H" else "P3M" if code == "Q" else f"P1{code}"
    return [_Found(m.start(), m.end(), "SET", value)]


def _rule_set(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    if m["adverb"]:
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                 "yearly": "P1Y", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI",
                 "biweekly": "P2W", "quarterly": "P3M"}[m["adverb"].lower()]
        return [_Found(m.start(), m.end(), "SET", value)]
    unit = m["unit"].lower()
    n = 2 if m["other"] else 1
    if unit in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
    elif unit in PARTS_OF_DAY:
        value = f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}"
    else:
        value = f"P{n}{UNITS[unit]}"
    return [_Found(m.start(), m.end(), "SET", value)]


def _rule_duration(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    code = _unit_code(m["unit"])
    amount = _amount(m["amount"])
    end = m.end("unit")
    tail = ctx.text[end:end + 4]
    if tail.startswith("-old"):
        end += 4
    if m["amount"].lower() in ("a", "an") and ctx.word_before(m.start("amount")) in ("once", "twice"):
        return []
    num = "X" if amount is None else _num(amount)
    if code in ("H", "S") or (code == "M" and m["unit"].lower().startswith("minute")):
        value = f"PT{num}{code}"
    else:
        value = f"P{num}{code}"
    return [_Found(m.start(), end, "DURATION", value)]


def _rule_vague_duration(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
    if m["unit3"] and ctx.word_before(m.start()) in ("the", "these", "those", "two", "three", "few"):
        return []  # "the weeks after", "a few days ago": another rule's, or not vague at all
    if m["unit3"] and ctx.word_after(m.end()) == "ago":
        end = m.end() + ctx.text[m.end():].index("ago") + 3  # "weeks ago": some time back
        return [_Found(m.start(), end, "DATE", "PAST_REF", "past", "an unspecified amount ago")]
    code = _unit_code(unit)
    prefix = "PT" if unit in ("hours", "minutes", "seconds") else "P"
    return [_Found(m.start(), m.end(), "DURATION", f"{prefix}X{code}")]


def _rule_ref(m: re.Match[str], ctx: _Ctx) -> list[_Found]:
    value = "PRESENT_REF" if m["present"] else "PAST_REF" if m["past"] else "FUTURE_REF"
    return [_Found(m.start(), m.end(), "DATE", value)]


RULES: dict[str, Rule] = {
    "iso-date": _rule_iso, "numeric-date": _rule_numeric, "month-day-year": _rule_month_day,
    "day-month-year": _rule_month_day, "month-year": _rule_month_year, "month": _rule_month,
    "year-range": _rule_year_range, "decade": _rule_decade, "century": _rule_century,
    "quarter": _rule_quarter, "half": _rule_half, "fiscal": _rule_fiscal,
    "season": _rule_season, "year": _rule_year, "relative-day": _rule_relative_day,
    "this-part": _rule_this_part, "relative-unit": _rule_relative_unit, "ago": _rule_ago,
    "weekday": _rule_weekday, "year-earlier": _rule_year_earlier, "rate": _rule_rate,
    "anaphoric-day": _rule_anaphoric_day,
    "period-end": _rule_period_end, "weekend": _rule_weekend, "day-range": _rule_day_range,
    "clock": _rule_clock, "set": _rule_set,
    "duration": _rule_duration, "vague-duration": _rule_vague_duration, "ref": _rule_ref,
}
_PRIORITY = {name: i for i, (name, _) in enumerate(PATTERNS)}


# ---------------------------------------------------------------- driver

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*")
_ABBREV_END = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|"
    r"Capt|Gov|Sen|Rep|St|No|Nos|vs|etc|Inc|Corp|Ltd|Co|U\.S|U\.N|U\.K|E\.U|a\.m|p\.m|[A-Z])\.$"
)


def simple_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans for text with no reader in front (the `timeline dates` command)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREV_END.search(text[start:m.start()]) and "\n" not in m.group():
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _candidates(ctx: _Ctx) -> list[tuple[_Found, str]]:
    """Every normalised match of every rule inside the sentence."""
    sentence = ctx.sentence
    lower = sentence.lower()
    out = []
    for name, pattern in PATTERNS:
        if not TRIGGERS[name].search(lower):
            continue
        for m in pattern.finditer(ctx.text, ctx.sent_start, ctx.sent_end):
            if not m.group().strip():
                continue
            for found in RULES[name](m, ctx):
                if found.start < found.end and sentence:
                    out.append((found, name))
    return out


def _select(cands: list[tuple[_Found, str]]) -> list[tuple[_Found, str]]:
    """Keep the longest non-overlapping matches; pattern order breaks ties."""
    ordered = sorted(cands, key=lambda c: (-(c[0].end - c[0].start), _PRIORITY[c[1]], c[0].start))
    taken: list[tuple[_Found, str]] = []
    for found, name in ordered:
        if all(found.end <= t.start or found.start >= t.end for t, _ in taken):
            taken.append((found, name))
    return sorted(taken, key=lambda c: c[0].start)


_JOIN = re.compile(r"^(?:\s*,?\s*(?:on|at|of)?\s*,?\s*)$", re.IGNORECASE)


def _attach_clocks(chosen: list[tuple[_Found, str]], text: str) -> list[tuple[_Found, str]]:
    """Give clock times the day named beside them, joining "midnight on Jan. 12" into one TIME."""
    out = list(chosen)
    for i, (found, name) in enumerate(out):
        if name != "clock":
            continue
        days = [(j, f) for j, (f, _) in enumerate(out) if j != i and _VALUE_DAY.match(f.value)]
        if not days:
            continue
        j, day = min(days, key=lambda jf: min(abs(jf[1].start - found.end), abs(found.start - jf[1].end)))
        clock = found.value.split("T", 1)[1]
        value = f"{day.value[:10]}T{clock}"
        lo, hi = sorted((found, day), key=lambda f: f.start)
        if _JOIN.match(text[lo.end:hi.start]):
            out[i] = (replace(found, start=lo.start, end=hi.end, value=value,
                              direction=day.direction, reason=day.reason), name)
            out[j] = (replace(day, start=-1), "drop")
        else:
            out[i] = (replace(found, value=value, reason="the day named in the sentence"), name)
    return [c for c in out if c[1] != "drop"]


def _anchors_for(text: str, prev: tuple[int, int] | None, found: list[Timex]) -> list[dt.date]:
    """Explicit day dates in the previous sentence of the same paragraph."""
    if prev is None:
        return []
    out = []
    for t in found:
        if t.start >= prev[0] and t.end <= prev[1] and t.rule in ("month-day-year", "day-month-year",
                                                                  "iso-date", "numeric-date"):
            day = value_to_date(t.value)
            if day is not None and day.precision == "day":
                out.append(day.first_day())
    return out


def tag_sentence(
    text: str, start: int, end: int, dct: dt.date | None, anchors: Sequence[dt.date] = (),
    reference: dt.date | None = None,
) -> list[Timex]:
    """The temporal expressions in `text[start:end]`, one sentence."""
    dct = dct if in_range(dct) else None
    reference = reference if in_range(reference) else None
    ctx = _Ctx(text, start, end, dct, [a for a in anchors if in_range(a)], reference)
    chosen = _attach_clocks(_select(_candidates(ctx)), text)
    out = []
    for found, name in chosen:
        ctx.anchors += [d.first_day() for d in [value_to_date(found.value)]
                        if d and d.precision == "day" and name in ("month-day-year", "day-month-year")]
        out.append(Timex(found.start, found.end, text[found.start:found.end], found.type,
                         found.value, name, found.direction, found.reason))
    return out


def tag(
    text: str, dct: dt.date | None, sentences: Sequence[tuple[int, int]] | None = None
) -> list[Timex]:
    """Every temporal expression in `text`, in text order, normalised against `dct`."""
    spans = simple_sentences(text) if sentences is None else sorted(sentences)
    out: list[Timex] = []
    prev: tuple[int, int] | None = None
    reference: dt.date | None = None
    for start, end in spans:
        same_paragraph = prev is not None and "\n" not in text[prev[1]:start]
        anchors = _anchors_for(text, prev if same_paragraph else None, out)
        found = tag_sentence(text, start, end, dct, anchors, reference)
        out.extend(found)
        reference = _last_day(found) or reference
        prev = (start, end)
    return out


def _last_day(found: Sequence[Timex]) -> dt.date | None:
    """The last day-precision date among `found`: the story's time after this sentence."""
    for t in reversed(found):
        day = t.event_date()
        if day is not None and day.precision == "day":
            return day.first_day()
    return None
