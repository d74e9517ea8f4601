"""Temporal expressions in news text, normalised to TIMEX3 values against the publication date.

`tag(text, dct)` finds every expression and returns `Timex` records in text order. Each
record says which rule fired and, for expressions without a year or with a bare weekday,
which way the sentence points (past or future) and why. The build and `timeline dates`
both use this module, so the site and the command never disagree.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.dates.context import Ctx, Found, Rule
from generator.dates.rules_calendar import CALENDAR_RULES
from generator.dates.rules_relative import RELATIVE_RULES
from generator.dates.words import PATTERNS, TRIGGERS, WORDS
from generator.lang import alternation
from generator.model import EARLIEST, LATEST, PartialDate, in_range, packed  # noqa: F401
from generator.reading.sentences import split_sentences


@packed
@dataclass(frozen=True, slots=True)
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


RULES: dict[str, Rule] = {**CALENDAR_RULES, **RELATIVE_RULES}
_PRIORITY = {name: i for i, (name, _) in enumerate(PATTERNS)}


# ---------------------------------------------------------------- driver

def simple_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans for text with no reader in front (the `timeline dates` command): each
    line split with the reader's own sentence splitter."""
    return [span for line in re.finditer(r"[^\n]+", text)
            for span in split_sentences(text, line.start(), line.end())]


def _candidates(ctx: Ctx) -> list[tuple[Found, str]]:
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


def _select(cands: list[tuple[Found, str]]) -> list[tuple[Found, str]]:
    """Keep the longest non-overlapping matches; pattern order breaks ties."""
    ordered = sorted(cands, key=lambda c: (-(c[0].end - c[0].start), _PRIORITY[c[1]], c[0].start))
    taken: list[tuple[Found, str]] = []
    starts: list[int] = []  # of the taken spans, sorted; they never overlap, so their ends
    ends: list[int] = []  # are sorted too and one neighbour tells whether a span is free
    for found, name in ordered:
        i = bisect.bisect_left(starts, found.end)  # spans before i start before this one ends
        if i == 0 or ends[i - 1] <= found.start:
            taken.append((found, name))
            starts.insert(i, found.start)
            ends.insert(i, found.end)
    return sorted(taken, key=lambda c: c[0].start)


_CLOCK_SCAN = 64  # expressions in a sentence beyond which a clock looks only nearby
# "midnight on Jan. 12", "08:30, Tuesday": what may stand between a clock time and its day
_JOIN = re.compile(rf"^(?:\s*,?\s*{alternation(WORDS.clock_day_joiners)}?\s*,?\s*)$", re.IGNORECASE)


def _attach_clocks(chosen: list[tuple[Found, str]], text: str) -> list[tuple[Found, str]]:
    """Give clock times the day named beside them, joining "midnight on Jan. 12" into one TIME."""
    out = list(chosen)
    for i, (found, name) in enumerate(out):
        if name != "clock":
            continue
        # a sentence of hundreds of clock times looks only at its neighbours: linear, not square
        lo, hi = (0, len(out)) if len(out) <= _CLOCK_SCAN else (max(0, i - 8), i + 9)
        days = [(j, f) for j, (f, _) in enumerate(out[lo:hi], lo)
                if j != i and _VALUE_DAY.match(f.value)]
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
    reference: dt.date | None = None, last_named: PartialDate | None = None,
) -> list[Timex]:
    """The temporal expressions in `text[start:end]`, one sentence."""
    dct = dct if in_range(dct) else None
    reference = reference if in_range(reference) else None
    ctx = Ctx(text, start, end, dct, [a for a in anchors if in_range(a)], reference, last_named)
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
    last_named: PartialDate | None = None
    found: list[Timex] = []
    for start, end in spans:
        same_paragraph = prev is not None and "\n" not in text[prev[1]:start]
        # the previous sentence's expressions are the last ones found: not a scan of all
        anchors = _anchors_for(text, prev if same_paragraph else None, found)
        found = tag_sentence(text, start, end, dct, anchors, reference, last_named)
        out.extend(found)
        reference = _last_day(found) or reference
        last_named = _last_named(found) or last_named
        prev = (start, end)
    return out


def _last_named(found: Sequence[Timex]) -> PartialDate | None:
    """The last date among `found` at a day, month or year: "in 1985. One year later"."""
    for t in reversed(found):
        day = t.event_date()
        if day is not None and day.precision in ("day", "month", "year"):
            return day
    return None


def _last_day(found: Sequence[Timex]) -> dt.date | None:
    """The last day-precision date among `found`: the story's time after this sentence."""
    for t in reversed(found):
        day = t.event_date()
        if day is not None and day.precision == "day":
            return day.first_day()
    return None
