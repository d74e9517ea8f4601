"""The language seam: every word a stage reads or writes, one folder per language.

`language("en")` loads `generator/lang/en/*.yaml` once into a frozen `Language`; stages take
their words from it instead of keeping word lists in code. Adding a language means adding a
folder with the same files (see docs/ARCHITECTURE.md):

- `calendar.yaml`: month and weekday words, and how the site writes them;
- `dates.yaml`: the words of temporal expressions (numbers, units, seasons, relative words);
- `tense.yaml`: the cues that point a sentence to the past or the future;
- `lexicon.yaml`: the actor finder's, coreference's, event keywords' and headlines' words.

The stages keep the word ORDER of their patterns (English grammar, as regular expressions);
the words inside them come from here. Every list is a tuple or frozenset and every table a
read-only mapping, so nothing a stage does can change the words another stage reads.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

LANG_DIR = Path(__file__).resolve().parent
DEFAULT = "en"


@dataclass(frozen=True)
class DateWords:
    """The words of temporal expressions (`dates.yaml`): each list fills one slot of a date
    pattern in `generator/dates/words.py`; each table maps a word to what the rules compute."""

    numbers: Mapping[str, float]  # number word -> value ("a dozen" -> 12, "half a" -> 0.5)
    number_tens: tuple[str, ...]  # tens that take a hyphenated digit word ("twenty-one")
    number_ones: tuple[str, ...]  # the digit words after such a hyphen
    number_singles: tuple[str, ...]  # number words on their own, tens aside
    amount_words: tuple[str, ...]  # other amounts before a unit ("a few", "half a")
    vague_numbers: tuple[str, ...]  # amounts that give no number ("several")
    vague_amount_starts: tuple[str, ...]  # amount openings that give no number ("dozens")
    quantifiers: tuple[str, ...]  # words before an amount ("about", "more than")
    ordinals: Mapping[str, int]  # quarter ordinals ("first quarter", "final quarter")
    ordinal_suffixes: tuple[str, ...]  # "1st", "22nd": after a day or century number
    century_ordinals: Mapping[str, int]
    halves: Mapping[str, int]  # "first half" -> 1
    units: Mapping[str, str]  # unit word -> TIMEX3 code
    unit_plurals: Mapping[str, str]  # plural -> its unit word ("days" -> "day")
    duration_units: tuple[str, ...]  # the units an amount counts ("three days", "a century")
    clock_units: frozenset[str]  # units under a day: their durations are PT..
    seasons: Mapping[str, str]  # season -> TIMEX3 code
    parts_of_day: Mapping[str, str]  # part of day -> TIMEX3 code
    day_parts: tuple[str, ...]  # the parts of day the patterns match after a day
    relative_day_parts: Mapping[str, str]  # a relative day that names its part ("tonight")
    part_relatives: Mapping[str, int]  # "last night" -> -1 (days)
    label_words: frozenset[str]  # words before a number that make it a label, not a year
    count_nouns: frozenset[str]  # nouns after a number that make it a count, not a year
    clock_after_year: frozenset[str]  # words after a four-digit number that make it a time
    date_lead: frozenset[str]  # words that make a bare month or season name a date
    period_modifiers: tuple[str, ...]  # "early", "the end of" before a month or year
    unit_modifiers: tuple[str, ...]  # the same before "last week", "next year"
    decade_modifiers: tuple[str, ...]  # "the early 1990s"
    relative_years: Mapping[str, int]  # "this"/"last"/"next" (year) -> shift in years
    month_relatives: tuple[str, ...]  # words before a month name that date it
    season_relatives: Mapping[str, str]  # words before a season -> role (last/next/this/the/..)
    weekday_relatives: Mapping[str, str]  # words before a weekday -> role (last/next/this)
    weekend_relatives: Mapping[str, str]  # words before "weekend" -> role (the/this/last/next/that)
    relative_days: Mapping[str, int]  # "yesterday" -> -1
    relative_units: Mapping[str, str]  # units after "last", "next", "this" -> the unit counted
    relative_unit_shifts: Mapping[str, int]  # "last" (week) -> -1
    relative_stretch: frozenset[str]  # "the past year": a stretch of time, not a date
    relative_stretch_only: frozenset[str]  # of those, the ones that never make a date
    period_parts: tuple[str, ...]  # "the end", "the rest" (of the week)
    period_units: Mapping[str, str]  # units after "the end of the" -> the unit counted
    ago_directions: Mapping[str, int]  # "ago" -> -1, "from now" -> 1
    ago_words: frozenset[str]  # "two hours ago", "weeks ago": counted back from publication
    ago_from_story: frozenset[str]  # "three days later": from the day the story last named
    anaphoric_days: Mapping[str, int]  # "the next day" -> 1 (counted from the story's day)
    anaphoric_not_before: tuple[str, ...]  # "the day before yesterday" is no anaphora
    articles: frozenset[str]  # "a", "an": a rate ("a year") only after an amount
    rate_pers: tuple[str, ...]  # "per", "each": a rate on their own
    rate_units: tuple[str, ...]
    rate_leads: tuple[str, ...]  # words before "a year" that make it a rate ("twice a year")
    percent_words: tuple[str, ...]
    multipliers: frozenset[str]  # "once a day": no duration
    clock_words: Mapping[str, str]  # "noon" -> "12:00"
    time_zones: tuple[str, ...]
    clock_day_joiners: tuple[str, ...]  # "midnight on Jan. 12": a clock time joins its day
    every_words: tuple[str, ...]  # "every day", "each week"
    set_units: tuple[str, ...]  # what "every" counts (weekdays aside)
    set_adverbs: Mapping[str, str]  # "daily" -> "P1D"
    vague_units_after_for: tuple[str, ...]  # "for days"
    vague_units_alone: tuple[str, ...]  # "decades"
    vague_units_before: tuple[str, ...]  # "days after", "weeks ago"
    vague_unit_followers: tuple[str, ...]
    vague_unit_blockers: frozenset[str]  # "the weeks after": not vague


@dataclass(frozen=True)
class TenseWords:
    """The cues that point a sentence to the past or the future (`tense.yaml`)."""

    future_words: frozenset[str]
    past_words: frozenset[str]
    irregular_past: frozenset[str]
    neutral_participles: frozenset[str]
    future_aux: frozenset[str]
    past_aux: frozenset[str]
    perfect_aux: frozenset[str]
    past_suffix: str  # regular past forms end with it ("-ed")
    past_suffix_min: int  # ... and are at least this long
    not_past: frozenset[str]  # words with that ending that are no past form ("hundred")
    infinitive: str  # the infinitive marker ("to")
    control_stems: tuple[str, ...]  # verbs whose infinitive looks ahead ("agreed to resume")
    control_endings: tuple[str, ...]  # their inflections ("", "s", "ed", ...)
    control_words: frozenset[str]  # other words whose infinitive looks ahead
    modals_ahead: frozenset[str]
    present_be: frozenset[str]
    until_words: frozenset[str]  # "until": a state that lasted to then, after a lasting verb
    lasting_verbs: frozenset[str]


@dataclass(frozen=True)
class Language:
    """The words of one language, read-only."""

    code: str
    months: MappingProxyType[str, int]  # month word or abbreviation -> 1..12
    weekdays: MappingProxyType[str, int]  # weekday -> 0 (Monday) .. 6
    month_names: tuple[str, ...]  # how the site writes months, January first
    weekday_names: tuple[str, ...]  # how text writes weekdays, Monday first
    dates: DateWords
    tense: TenseWords
    lexicon: Mapping[str, Any]  # lexicon.yaml as read, made read-only (names.lexicon() types it)

    @property
    def month_name(self) -> str:
        """A regex alternation matching any month word (no flags; the caller sets case)."""
        return alternation(self.months)

    @property
    def weekday_name(self) -> str:
        """A regex alternation matching any weekday."""
        return alternation(self.weekdays)


def alternation(words: Iterable[Any], gap: str | None = None) -> str:
    """`(?:a|b|c)` for the given words, longest first so that no word hides a longer one.

    With `gap` (say `\\s+`), the words of a phrase are joined by it instead of one space,
    so "more than" also matches "more  than" or a line break between them."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    if gap is None:
        return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"
    return "(?:" + "|".join(gap.join(re.escape(p) for p in w.split()) for w in ordered) + ")"


def cased(word: str) -> str:
    """A word as it opens a name: first letter upper case ("jan" -> "Jan")."""
    return word[:1].upper() + word[1:]


# Our own data files (word lists here, generator/data), read by libyaml where PyYAML has
# it: the same data, ten times faster than PyYAML's own parser.
SHIPPED_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(code: str, name: str) -> dict[str, Any]:
    path = LANG_DIR / code / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=SHIPPED_LOADER)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


def frozen(value: Any) -> Any:
    """A YAML value made read-only: lists become tuples, mappings `MappingProxyType`."""
    if isinstance(value, dict):
        return MappingProxyType({k: frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(frozen(v) for v in value)
    return value


def _typed(cls: type, data: dict[str, Any], where: str) -> Any:
    """A `cls` (DateWords, TenseWords) from a YAML mapping: exactly its fields, each converted
    to its annotated read-only type."""
    names = [f.name for f in fields(cls)]
    missing, extra = set(names) - set(data), set(data) - set(names)
    if missing or extra:
        raise ValueError(f"{where}: missing {sorted(missing)}, unknown {sorted(extra)}")
    hints = typing.get_type_hints(cls)
    return cls(**{n: _convert(data[n], hints[n], f"{where}: {n}") for n in names})


def _convert(value: Any, hint: Any, where: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str or hint is int:
        if not isinstance(value, hint) or isinstance(value, bool):
            raise ValueError(f"{where}: expected {hint.__name__}, got {value!r}")
        return value
    if origin is frozenset or origin is tuple:
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list")
        items = tuple(_convert(v, args[0], where) for v in value)
        return frozenset(items) if origin is frozenset else items
    if origin is Mapping:
        if not isinstance(value, dict):
            raise ValueError(f"{where}: expected a mapping")
        return MappingProxyType({_convert(k, args[0], where): _number(v, args[1], where)
                                 for k, v in value.items()})
    raise TypeError(f"{where}: unsupported type {hint}")


def _number(value: Any, hint: Any, where: str) -> Any:
    if hint is float:  # numbers keep their YAML type: 12 stays an int, 0.5 a float
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ValueError(f"{where}: expected a number, got {value!r}")
        return value
    return _convert(value, hint, where)


@cache
def language(code: str = DEFAULT) -> Language:
    """The words of language `code`, loaded once per process."""
    cal = _load(code, "calendar")
    return Language(
        code=code,
        months=MappingProxyType({str(k): int(v) for k, v in cal["months"].items()}),
        weekdays=MappingProxyType({str(k): int(v) for k, v in cal["weekdays"].items()}),
        month_names=tuple(str(m) for m in cal["month_names"]),
        weekday_names=tuple(str(d) for d in cal["weekday_names"]),
        dates=_typed(DateWords, _load(code, "dates"), f"{code}/dates.yaml"),
        tense=_typed(TenseWords, _load(code, "tense"), f"{code}/tense.yaml"),
        lexicon=frozen(_load(code, "lexicon")),
    )
