"""Vocabulary and regular expressions for temporal expressions in English news."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.lang import alternation, cased, language

_EN = language("en")
_W = WORDS = _EN.dates  # every date word list and table; the names below are the common ones
MONTHS = _EN.months
# A month's name or its abbreviation, as news pages write them in date lines (no flags:
# each pattern that uses it says whether case counts).
MONTH_NAME = _EN.month_name
WEEKDAYS = _EN.weekdays
NUMBERS = _W.numbers
VAGUE_NUMBERS = _W.vague_numbers
ORDINALS = _W.ordinals
CENTURY_ORDINALS = _W.century_ordinals
HALVES = _W.halves
UNITS = _W.units
SEASONS = _W.seasons
PARTS_OF_DAY = _W.parts_of_day
# Words before a number that make it a label, not a year ("Resolution 2510", "S-400").
LABEL_WORDS = _W.label_words
# Nouns after a number that make it a count, not a year ("2000 people").
COUNT_NOUNS = _W.count_nouns


def _alt(words: Iterable[str]) -> str:
    """The words as an alternation, any space between a phrase's words."""
    return alternation(words, gap=r"\s+")


# The patterns below keep English word order; every word list in them comes from the language.
# Month and weekday names count only capitalised (case_ok), so they are matched as written:
# a full name, or an abbreviation with or without its period ("Jan.", "Sept").
_ABBREVIATIONS = [cased(k) for k in MONTHS if k not in {n.lower() for n in _EN.month_names}]
_FULL_MONTH = alternation(_EN.month_names)
_MONTH_ALT = rf"{_FULL_MONTH}|{alternation(_ABBREVIATIONS)}\.?"
_WEEKDAY = alternation(_EN.weekday_names)
_NUM_WORD = rf"{_alt(_W.number_tens)}(?:-{_alt(_W.number_ones)})?|{_alt(_W.number_singles)}"
QUANT = rf"(?:{_alt(_W.quantifiers)}\s+)"
AMOUNT = rf"(?:\d+(?:\.\d+)?|{_NUM_WORD}|{_alt(_W.amount_words)})"
UNIT = _alt(_W.duration_units)
_ORD = _alt(_W.ordinal_suffixes)
DAY = rf"(?:[12]\d|3[01]|0?[1-9]){_ORD}?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
PART = _alt(_W.day_parts)
_RELYEAR = _alt(_W.relative_years)
_PERIOD_MOD = _alt(_W.period_modifiers)


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags | re.VERBOSE)


# Each pattern names its groups; the order of this table is the tie-break between
# equally long matches (earlier wins).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso-date", _c(r"(?<![\w/.-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
                    r"(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?(?![\w/-])")),
    ("numeric-date", _c(r"(?<![\w/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>\d{4})(?![\w/])")),
    ("month-day-year", _c(
        rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<month>{_MONTH_ALT})\s+(?P<day>{DAY})\b"
        rf"(?:,?\s+(?P<year>{YEAR})\b|\s+of\s+(?P<relyear>{_RELYEAR})\s+year)?")),
    ("day-month-year", _c(
        rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?"
        rf"(?P<month>{_MONTH_ALT})(?![a-z])(?:,?\s+(?P<year>{YEAR})\b"
        rf"|\s+of\s+(?P<relyear>{_RELYEAR})\s+year)?")),
    ("month-year", _c(
        rf"(?:(?P<mod>{_PERIOD_MOD})[\s-]+)?(?P<month>{_MONTH_ALT})(?:\s+of)?,?\s+(?P<year>{YEAR})\b")),
    ("month", _c(
        rf"(?:(?P<rel>{_alt(_W.month_relatives)})[\s-]+)?(?P<month>{_FULL_MONTH})\b(?P<poss>['’]s)?")),
    ("year-range", _c(rf"(?<![\w$€£#.,-])(?P<year>{YEAR})\s?[-–]\s?(?P<year2>{YEAR}|\d\d)(?![\w%])")),
    ("decade", _c(
        rf"(?:the\s+)?(?:(?P<mod>{_alt(_W.decade_modifiers)})[\s-]+)?(?P<decade>1[5-9]\d0|20\d0)s\b")),
    ("century", _c(
        rf"(?:the\s+)?(?P<ord>\d{{1,2}}{_ORD}|{_alt(_W.century_ordinals)})\s+century\b")),
    ("quarter", _c(
        rf"(?:the\s+)?(?:fiscal\s+)?(?P<ord>{_alt(ORDINALS)})[\s-]+quarter"
        rf"(?:\s+of\s+(?P<year>{YEAR})|\s+of\s+(?P<relyear>{_RELYEAR})\s+year)?\b"
        rf"|\bQ(?P<qnum>[1-4])(?:\s+(?P<qyear>{YEAR}))?\b", re.IGNORECASE)),
    ("half", _c(
        rf"(?:the\s+)?(?P<ord>{_alt(HALVES)})\s+half\s+of\s+(?:(?P<year>{YEAR})|"
        rf"(?P<relyear>{_RELYEAR})\s+year)")),
    ("fiscal", _c(rf"\b(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<year>{YEAR}|\d\d)\b")),
    ("season", _c(
        rf"(?:(?P<rel>{_alt(_W.season_relatives)})\s+)?(?P<season>{_alt(SEASONS)})"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b", re.IGNORECASE)),
    ("year", _c(
        rf"(?:(?P<mod>{_PERIOD_MOD})[\s-]+|(?<![\w$€£#.,/-]))(?P<year>{YEAR})(?![\w%]|[.,]\d|[-–]\d)")),
    ("relative-day", _c(
        rf"\b(?P<word>{_alt(_W.relative_days)})\b(?:\s+(?P<part>{PART}))?", re.IGNORECASE)),
    ("this-part", _c(rf"\b(?P<rel>{_alt(_W.part_relatives)})\s+(?P<part>{PART})\b", re.IGNORECASE)),
    ("relative-unit", _c(
        rf"\b(?:(?P<mod>{_alt(_W.unit_modifiers)})[\s-]+)?(?P<the>the\s+)?"
        rf"(?P<rel>{_alt(_W.relative_unit_shifts)})\s+(?:fiscal\s+)?(?P<unit>{_alt(_W.relative_units)})\b",
        re.IGNORECASE)),
    ("period-end", _c(
        rf"\b(?P<mod>(?:the\s+)?{_alt(_W.period_parts)})\s+of\s+the\s+"
        rf"(?P<unit>{_alt(_W.period_units)})\b", re.IGNORECASE)),
    ("weekend", _c(rf"\b(?P<the>{_alt(_W.weekend_relatives)})\s+weekend\b", re.IGNORECASE)),
    ("day-range", _c(
        rf"(?P<month>{_MONTH_ALT})\s+(?P<day>{DAY})\s?[-–]\s?(?P<day2>{DAY})\b"
        rf"(?:,?\s+(?P<year>{YEAR})\b)?")),
    ("anaphoric-day", _c(
        rf"\b(?:the|that)\s+(?P<word>{_alt(_W.anaphoric_days)})\b"
        rf"(?!\s+{_alt(_W.anaphoric_not_before)})|\b(?P<that>that)\s+day\b",
        re.IGNORECASE)),
    ("year-earlier", _c(r"\b(?P<word>year-earlier|year-ago|a\s+year\s+earlier|a\s+year\s+ago)\b",
                        re.IGNORECASE)),
    ("rate", _c(
        rf"(?<=\s)(?P<per>{_alt([*_W.articles, *_W.rate_pers])})\s+(?P<unit>{_alt(_W.rate_units)})\b",
        re.IGNORECASE)),
    ("ago", _c(
        rf"\b{QUANT}?(?P<amount>{AMOUNT})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>{_alt(_W.ago_directions)})\b",
        re.IGNORECASE)),
    ("weekday", _c(
        rf"(?:\b(?P<rel>(?i:{_alt(_W.weekday_relatives)}))\s+)?(?P<weekday>{_WEEKDAY})"
        rf"(?P<poss>['’]s)?(?:\s+(?P<part>{PART}))?\b")),
    ("clock", _c(
        r"(?:(?P<h12>1[0-2]|0?[1-9])(?::(?P<m12>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|"
        r"AM\b|PM\b|a\.m\b|p\.m\b)|(?<![\d:.,])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
        rf"|(?P<word>{_alt(_W.clock_words)})\b)(?:\s+(?P<tz>{_alt(_W.time_zones)}))?", re.IGNORECASE)),
    ("set", _c(
        rf"\b(?:(?P<every>{_alt(_W.every_words)})\s+(?P<other>other\s+)?"
        rf"(?P<unit>{_alt(_W.set_units)}|{_WEEKDAY})|(?P<adverb>{_alt(_W.set_adverbs)}))\b")),
    ("duration", _c(
        rf"\b{QUANT}?(?P<amount>{AMOUNT})[\s-]+(?P<unit>{UNIT})\b(?:[\s-]+long\b)?",
        re.IGNORECASE)),
    ("vague-duration", _c(
        rf"(?<=\bfor\s)(?P<unit>{_alt(_W.vague_units_after_for)})\b"
        rf"|\b(?P<unit2>{_alt(_W.vague_units_alone)})\b"
        rf"|(?<![\w-])(?P<unit3>{_alt(_W.vague_units_before)})(?=\s+{_alt(_W.vague_unit_followers)}\b)",
        re.IGNORECASE)),
    ("ref", _c(
        r"\b(?P<present>now|currently|at\s+present|at\s+the\s+moment|nowadays|presently|"
        r"these\s+days|the\s+present)\b|\b(?P<past>the\s+past|recently|lately|recent\s+(?:days|"
        r"weeks|months|years)|at\s+the\s+time)\b|\b(?P<future>the\s+"
        r"future(?!\s+of\b)|the\s+coming\s+(?:days|weeks|months|years)|coming\s+(?:days|weeks|months|years)|"
        r"the\s+days\s+ahead|the\s+weeks\s+ahead|the\s+months\s+ahead|the\s+years\s+ahead)\b",
        re.IGNORECASE)),
]

_DIGIT = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
# A pattern can only match a sentence that contains one of its trigger strings (lower-cased);
# checking that first keeps the engine fast on sentences with nothing temporal in them. A
# pattern built from a word list is triggered by the words themselves (a month name contains
# its abbreviation, "yesterday" is in "the day before yesterday"); the others by the fixed
# words of their English structure.
_MONTH_KEYS = tuple(MONTHS)
_UNIT_KEYS = _W.duration_units
_TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "iso-date": _DIGIT, "numeric-date": ("/",), "month-day-year": _MONTH_KEYS,
    "day-month-year": _MONTH_KEYS, "month-year": _MONTH_KEYS, "month": _MONTH_KEYS,
    "year-range": _DIGIT, "decade": ("0s",), "century": ("century",),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"), "half": ("half",),
    "fiscal": ("fiscal", "fy"), "season": tuple(SEASONS),
    "anaphoric-day": ("day",), "year": _DIGIT,
    "year-earlier": ("year-earlier", "year-ago", "year earlier", "year ago"),
    "rate": tuple(f"{w} " for w in (*_W.articles, *_W.rate_pers)),
    "relative-day": tuple(_W.relative_days),
    "this-part": _W.day_parts,
    "relative-unit": tuple(_W.relative_units),
    "period-end": (" of the ",), "weekend": ("weekend",), "day-range": ("-", "–"),
    "ago": tuple(_W.ago_directions),
    "weekday": tuple(WEEKDAYS), "clock": ("a.m", "p.m", "am", "pm", ":", *_W.clock_words),
    "set": (*_W.every_words, *_W.set_adverbs),
    "duration": _UNIT_KEYS, "vague-duration": _UNIT_KEYS,
    "ref": ("now", "current", "present", "moment", "these days", "past", "recent", "lately",
            "time", "future", "coming", "ahead"),
}
TRIGGERS: dict[str, re.Pattern[str]] = {
    name: re.compile("|".join(re.escape(w) for w in words)) for name, words in _TRIGGER_WORDS.items()
}
