"""Date rules for expressions counted from publication or from the story: relative days,
weeks and years, weekdays, clock times, sets, durations and references to now."""

from __future__ import annotations

import datetime as dt
import re

from generator.dates.context import (
    Ctx,
    Found,
    amount_of,
    direction_of,
    num_text,
    shift_months,
    unit_code,
)
from generator.dates.words import PARTS_OF_DAY, UNITS, WEEKDAYS, WORDS
from generator.lang import alternation


def _words(text: str) -> str:
    """A matched phrase as its word list writes it: lower case, one space between words."""
    return " ".join(text.lower().split())


# ---------------------------------------------------------------- rules: relative to publication


def _rule_relative_day(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if not ctx.dct:
        return []
    word = _words(m["word"])
    day = ctx.dct + dt.timedelta(days=WORDS.relative_days[word])
    part = PARTS_OF_DAY.get((m["part"] or "").lower()) or WORDS.relative_day_parts.get(word)
    if part:
        return [Found(m.start(), m.end(), "TIME", f"{day.isoformat()}T{part}")]
    return [Found(m.start(), m.end(), "DATE", day.isoformat(), reason=f"'{word}'")]


def _rule_this_part(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if not ctx.dct:
        return []
    day = ctx.dct + dt.timedelta(days=WORDS.part_relatives[_words(m["rel"])])
    return [Found(m.start(), m.end(), "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[m['part'].lower()]}")]


def relative_value(unit: str, delta: int, dct: dt.date) -> str:
    if unit in ("week", "weekend"):
        y, w, _ = (dct + dt.timedelta(weeks=delta)).isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        y, mo = shift_months(dct.year, dct.month, delta)
        return f"{y:04d}-{mo:02d}"
    if unit == "quarter":
        y, mo = shift_months(dct.year, dct.month, 3 * delta)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    if unit == "decade":
        return f"{(dct.year + 10 * delta) // 10}X"
    if unit == "century":
        return f"{(dct.year + 100 * delta) // 100:02d}"
    return f"{dct.year + delta:04d}"


def _rule_relative_unit(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if not ctx.dct:
        return []
    rel = _words(m["rel"])
    delta = WORDS.relative_unit_shifts[rel]
    word = m["unit"].lower()
    unit = WORDS.relative_units[word]  # week, weekend, month, year, quarter, decade, century
    if m["the"] and rel in WORDS.relative_stretch and unit != "weekend":
        # "the past year", "the next month": a stretch of time ending or starting now
        return [Found(m.start(), m.end(), "DURATION", f"P1{unit_code(unit)}")]
    if rel in WORDS.relative_stretch_only:
        return []
    direction = "past" if delta < 0 else "future" if delta > 0 else "none"
    return [Found(m.start(), m.end(), "DATE", relative_value(unit, delta, ctx.dct),
                   direction, f"'{rel} {word}' counted from publication")]


def _rule_period_end(m: re.Match[str], ctx: Ctx) -> list[Found]:
    """"The end of the year": the current period, marked by its part in TIMEX3 only as a mod."""
    if not ctx.dct:
        return []
    word = m["unit"].lower()
    return [Found(m.start(), m.end(), "DATE", relative_value(WORDS.period_units[word], 0, ctx.dct), "none",
                   f"'the {word}' is the one of publication")]


def _rule_weekend(m: re.Match[str], ctx: Ctx) -> list[Found]:
    """A weekend: "this"/"the" by the sentence's tense, "last"/"next" by the word."""
    if not ctx.dct:
        return []
    word = m["the"].lower()
    role = WORDS.weekend_relatives[_words(word)]  # the, this, last, next or that
    if role in ("last", "next"):
        direction, why = ("past" if role == "last" else "future"), f"'{word}'"
    elif role == "that":
        return []
    else:
        direction, why = direction_of(m, ctx)
    weekday = ctx.dct.weekday()
    if direction == "past" and weekday < 5:
        delta = -1
    elif direction == "future" and weekday >= 5 and role != "this":
        delta = 1
    else:
        delta = 1 if role == "next" else 0
    return [Found(m.start(), m.end(), "DATE", relative_value("weekend", delta, ctx.dct),
                   direction, why)]


def _rule_ago(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if not ctx.dct:
        return []
    amount = amount_of(m["amount"])
    sign = WORDS.ago_directions[_words(m["dir"])]
    direction = "past" if sign < 0 else "future"
    code = unit_code(m["unit"])
    if m["unit"].lower() in WORDS.clock_units and _words(m["dir"]) not in WORDS.ago_words:
        return []  # "two hours later": a duration from the last event, not from publication
    if amount is None or amount != int(amount):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return [Found(m.start(), m.end(), "DATE", ref, direction, "an unspecified amount")]
    n = int(amount) * sign
    base = ctx.dct
    told = ctx.last_named
    if _words(m["dir"]) in WORDS.ago_from_story and told is not None \
            and (code == "Y" or (code == "M" and told.precision != "year")):
        # "in 1985 ... one year later": counted from the year (or month) the story last named
        value = f"{told.year + n:04d}" if code == "Y" else relative_value("month", n, told.first_day())
        return [Found(m.start(), m.end(), "DATE", value, direction,
                      f"{abs(n)} {m['unit'].lower()} {m['dir'].lower()} counted from the date "
                      "the story last named")]
    if _words(m["dir"]) in WORDS.ago_from_story and ctx.reference is not None:
        base = ctx.reference  # "three days later": after the day the story last named
    try:
        value = _ago_value(code, n, base)
    except (OverflowError, ValueError):  # "9999999 days ago": beyond the calendar
        value = ""
    if not _CALENDAR_VALUE.fullmatch(value) or value.startswith("0000"):
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"  # before year 1 or after 9999
    return [Found(m.start(), m.end(), "DATE", value, direction,
                   f"{abs(n)} {m['unit'].lower()} {m['dir'].lower()} counted from publication")]


_CALENDAR_VALUE = re.compile(r"\d{4}(?:-[0-9W-]+)?|\d{2}")


def _ago_value(code: str, n: int, dct: dt.date) -> str:
    if code == "D":
        return (dct + dt.timedelta(days=n)).isoformat()
    if code == "W":
        return relative_value("week", n, dct)
    if code == "M":
        return relative_value("month", n, dct)
    if code == "DE":
        return f"{dct.year + 10 * n:04d}"
    if code == "CE":
        return f"{(dct.year + 100 * n) // 100:02d}"
    if code in ("H", "S"):
        return dct.isoformat()
    return f"{dct.year + n:04d}"


def _weekday_date(weekday: int, ctx: Ctx, rel: str, m: re.Match[str]) -> tuple[dt.date, str, str]:
    """The day a weekday name refers to, the direction used, and why."""
    assert ctx.dct is not None
    for anchor in reversed(ctx.anchors):
        if anchor.weekday() == weekday and not rel:
            return anchor, "none", f"the weekday of the date {anchor.isoformat()} given just before"
    back = (ctx.dct.weekday() - weekday) % 7
    ahead = (weekday - ctx.dct.weekday()) % 7
    role = WORDS.weekday_relatives.get(rel, "")  # last, next or this
    if role == "last":
        return ctx.dct - dt.timedelta(days=back or 7), "past", f"'{rel}'"
    if role == "next":
        return ctx.dct + dt.timedelta(days=ahead or 7), "future", f"'{rel}'"
    if back == 0:
        return ctx.dct, "none", "the publication day's own weekday"
    direction, why = ("none", f"'{rel}'") if role == "this" else direction_of(m, ctx)
    if direction == "future":
        return ctx.dct + dt.timedelta(days=ahead), direction, why + ": the coming one"
    return ctx.dct - dt.timedelta(days=back), direction, why + ": the one in the week up to publication"


def _rule_weekday(m: re.Match[str], ctx: Ctx) -> list[Found]:
    weekday = WEEKDAYS[m["weekday"].lower()]
    if not ctx.dct:
        return [Found(m.start(), m.end(), "DATE", f"XXXX-WXX-{weekday + 1}")]
    rel = " ".join((m["rel"] or "").lower().split())
    day, direction, why = _weekday_date(weekday, ctx, rel, m)
    if m["part"]:
        part = PARTS_OF_DAY[m["part"].lower()]
        return [Found(m.start(), m.end("part"), "TIME", f"{day.isoformat()}T{part}", direction, why)]
    end = m.end("weekday")
    return [Found(m.start(), end, "DATE", day.isoformat(), direction, why)]


def _rule_clock(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if m["word"]:
        hhmm = WORDS.clock_words[m["word"].lower()]
    elif m["ampm"]:
        h = int(m["h12"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        hhmm = f"{h:02d}:{m['m12'] or '00'}"
    else:
        hhmm = f"{int(m['h24']):02d}:{m['m24']}"
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return [Found(m.start(), m.end(), "TIME", f"{day}T{hhmm}",
                   reason="a clock time takes its day from the sentence, else publication")]


def _rule_anaphoric_day(m: re.Match[str], ctx: Ctx) -> list[Found]:
    """"The next day", "the same day": counted from the last day the story named."""
    base = ctx.reference or ctx.dct
    if base is None:
        return []
    if m["word"] is None:  # "that day": the day itself
        key, shift = _words(ctx.text[m.start("that"):m.end()]), 0
    else:
        key = _words(m["word"])
        shift = WORDS.anaphoric_days[key]
    why = "the last day the text named" if ctx.reference else "publication (no day named before)"
    day = base + dt.timedelta(days=shift)
    return [Found(m.start(), m.end(), "DATE", day.isoformat(), "none",
                   f"'{key}' counted from {why}")]


def _rule_year_earlier(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if not ctx.dct:
        return []
    return [Found(m.start(), m.end(), "DATE", f"{ctx.dct.year - 1:04d}", "past",
                   "the year before publication")]


# Words before "a year" that make it a rate ("$2 million a year", "twice a day").
_GAP = r"\s+"
_RATE_LEAD = re.compile(rf"(?:\d[\d,.]*\s*(?:%|{alternation(WORDS.percent_words, gap=_GAP)})?|"
                        rf"{alternation(WORDS.rate_leads, gap=_GAP)})\s*$", re.IGNORECASE)


def _rule_rate(m: re.Match[str], ctx: Ctx) -> list[Found]:
    """A quantity per unit of time is a SET: "twice a day" is P1D, "$2 million a year" P1Y."""
    per = m["per"].lower()
    if per in WORDS.articles and not _RATE_LEAD.search(ctx.text[max(0, m.start() - 20):m.start()]):
        return []
    code = UNITS[m["unit"].lower()]
    value = "PT1H" if code == "H" else "P3M" if code == "Q" else f"P1{code}"
    return [Found(m.start(), m.end(), "SET", value)]


def _rule_set(m: re.Match[str], ctx: Ctx) -> list[Found]:
    if m["adverb"]:
        value = WORDS.set_adverbs[m["adverb"].lower()]
        return [Found(m.start(), m.end(), "SET", value)]
    unit = m["unit"].lower()
    n = 2 if m["other"] else 1
    if unit in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
    elif unit in PARTS_OF_DAY:
        value = f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}"
    else:
        value = f"P{n}{UNITS[unit]}"
    return [Found(m.start(), m.end(), "SET", value)]


def _rule_duration(m: re.Match[str], ctx: Ctx) -> list[Found]:
    code = unit_code(m["unit"])
    amount = amount_of(m["amount"])
    end = m.end("unit")
    tail = ctx.text[end:end + 4]
    if tail.startswith("-old"):
        end += 4
    if m["amount"].lower() in WORDS.articles and ctx.word_before(m.start("amount")) in WORDS.multipliers:
        return []
    num = "X" if amount is None else num_text(amount)
    value = f"PT{num}{code}" if m["unit"].lower() in WORDS.clock_units else f"P{num}{code}"
    return [Found(m.start(), end, "DURATION", value)]


def _rule_vague_duration(m: re.Match[str], ctx: Ctx) -> list[Found]:
    unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
    if m["unit3"] and ctx.word_before(m.start()) in WORDS.vague_unit_blockers:
        return []  # "the weeks after", "a few days ago": another rule's, or not vague at all
    after = ctx.word_after(m.end())
    if m["unit3"] and after in WORDS.ago_words:
        end = m.end() + ctx.text[m.end():].lower().index(after) + len(after)  # "weeks ago"
        return [Found(m.start(), end, "DATE", "PAST_REF", "past", "an unspecified amount ago")]
    code = unit_code(unit)
    prefix = "PT" if unit in WORDS.clock_units else "P"
    return [Found(m.start(), m.end(), "DURATION", f"{prefix}X{code}")]


def _rule_ref(m: re.Match[str], ctx: Ctx) -> list[Found]:
    value = "PRESENT_REF" if m["present"] else "PAST_REF" if m["past"] else "FUTURE_REF"
    return [Found(m.start(), m.end(), "DATE", value)]


RELATIVE_RULES = {
    "relative-day": _rule_relative_day, "this-part": _rule_this_part,
    "relative-unit": _rule_relative_unit, "period-end": _rule_period_end,
    "weekend": _rule_weekend, "ago": _rule_ago, "weekday": _rule_weekday,
    "clock": _rule_clock, "anaphoric-day": _rule_anaphoric_day,
    "year-earlier": _rule_year_earlier, "rate": _rule_rate, "set": _rule_set,
    "duration": _rule_duration, "vague-duration": _rule_vague_duration, "ref": _rule_ref,
}
