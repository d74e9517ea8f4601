"""What the date rules share: the match context, their result record and resolution helpers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.dates import tense
from generator.dates.words import MONTHS, NUMBERS, UNITS, VAGUE_NUMBERS, WORDS
from generator.model import PartialDate

# Prepositions and determiners that make a bare month or season name a date.
DATE_LEAD = WORDS.date_lead
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_FAR_DAYS = 183
_NEAR_DAYS = 45


@dataclass
class Ctx:
    """What a rule needs to normalise one match."""

    text: str
    sent_start: int
    sent_end: int
    dct: dt.date | None
    anchors: list[dt.date]
    reference: dt.date | None = None  # the last day the story has named (narrative time)
    last_named: PartialDate | None = None  # the last date of any precision it has named
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
class Found:
    start: int
    end: int
    type: str
    value: str
    direction: str = "none"
    reason: str = ""


Rule = Callable[[re.Match[str], Ctx], list[Found]]


# ---------------------------------------------------------------- resolution helpers


def pick_year(
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


def year_for_month_day(month: int, day: int, ctx: Ctx, direction: str) -> tuple[int, str]:
    assert ctx.dct is not None
    cands = _days_in_years(month, day, range(ctx.dct.year - 1, ctx.dct.year + 2))
    if not cands:  # February 29 with no leap year within a year of publication
        cands = _days_in_years(month, day, range(ctx.dct.year - 4, ctx.dct.year + 5))
    return pick_year(cands, ctx.dct, direction)


def _days_in_years(month: int, day: int, years: range) -> list[tuple[int, dt.date, dt.date]]:
    """(year, day, day) for each year in which `month`/`day` exists."""
    cands = []
    for y in years:
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        cands.append((y, d, d))
    return cands


def year_for_months(first: int, last: int, ctx: Ctx, direction: str) -> tuple[int, str]:
    """Year for a span of months (a month, a season, a quarter) with no year given."""
    assert ctx.dct is not None
    cands = []
    for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        end_y, end_m = (y + 1, last - 12) if last > 12 else (y, last)
        start = dt.date(y, first, 1)
        end = PartialDate(end_y, end_m).last_day()
        cands.append((y, start, end))
    return pick_year(cands, ctx.dct, direction)


def amount_of(text: str) -> float | None:
    """The number in an amount phrase ("two", "14", "a"), or None when vague."""
    t = " ".join(text.lower().split())
    if t in VAGUE_NUMBERS or t.startswith(WORDS.vague_amount_starts):
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


def num_text(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def unit_code(unit: str) -> str:
    u = unit.lower()
    return UNITS[WORDS.unit_plurals.get(u, u)]


def direction_of(m: re.Match[str], ctx: Ctx) -> tuple[str, str]:
    return ctx.direction(m.start(), m.end())


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + month - 1 + delta
    return idx // 12, idx % 12 + 1


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def case_ok(word: str) -> bool:
    """Month and weekday names count only when capitalised ("may", "march" are verbs)."""
    return word[:1].isupper()


