"""The language seam (generator/lang): one frozen vocabulary per language, loaded once."""

from __future__ import annotations

import dataclasses
import re
from types import MappingProxyType

import pytest

from generator.actors.names import lexicon
from generator.dates import words
from generator.lang import DateWords, TenseWords, alternation, frozen, language


def test_loaded_once_and_read_only() -> None:
    en = language("en")
    assert language("en") is en
    with pytest.raises(dataclasses.FrozenInstanceError):
        en.months = MappingProxyType({})  # type: ignore[misc]
    for part in (en.dates, en.tense):
        with pytest.raises(dataclasses.FrozenInstanceError):
            part.future_words = frozenset()  # type: ignore[union-attr]
        for f in dataclasses.fields(part):
            value = getattr(part, f.name)
            assert isinstance(value, MappingProxyType | frozenset | tuple | str | int), f.name
    with pytest.raises(TypeError):
        en.dates.numbers["one"] = 2  # type: ignore[index]
    with pytest.raises(TypeError):
        en.lexicon["titles"]["king"] = "queen"  # type: ignore[index]
    assert isinstance(en.lexicon["stopwords"], tuple)


def test_every_word_list_is_typed() -> None:
    en = language("en")
    assert isinstance(en.dates, DateWords) and isinstance(en.tense, TenseWords)
    assert en.dates.numbers["twenty"] == 20 and en.dates.numbers["half a"] == 0.5
    assert "will" in en.tense.future_words and en.tense.infinitive == "to"
    assert len(en.weekday_names) == 7 and len(en.month_names) == 12
    # the actor finder's lexicon comes through the language too
    assert lexicon().honorific_genders["mrs"] == "f"
    assert lexicon().keyword_suffixes[0] == "ments"


def test_alternation_longest_first_with_gaps() -> None:
    alt = alternation(["a", "an", "a few", "more than"], gap=r"\s+")
    assert alt == r"(?:more\s+than|a\s+few|an|a)"
    assert re.fullmatch(alt, "more \n than") and not re.fullmatch(alternation(["more than"]), "more  than")


def test_frozen_is_deep() -> None:
    value = frozen({"a": [1, {"b": [2]}]})
    assert value == MappingProxyType({"a": (1, MappingProxyType({"b": (2,)}))})


def test_date_patterns_take_their_words_from_the_language() -> None:
    assert words.NUMBERS is language("en").dates.numbers
    season = dict(words.PATTERNS)["season"]
    assert season.search("last  autumn")["season"] == "autumn"
    month = dict(words.PATTERNS)["month-day-year"]
    assert month.search("on Sept. 5, 2010")["month"] == "Sept."
    assert month.search("on May 5")["month"] == "May" and not month.search("on may 5")
