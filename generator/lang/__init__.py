"""The language seam: every word a stage reads or writes, one folder per language.

`language("en")` loads `generator/lang/en/*.yaml` once into a frozen `Language`; stages take
their words from it instead of keeping word lists in code. Adding a language means adding a
folder with the same files (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

LANG_DIR = Path(__file__).resolve().parent
DEFAULT = "en"


@dataclass(frozen=True)
class Language:
    """The words of one language, read-only."""

    code: str
    months: MappingProxyType[str, int]  # month word or abbreviation -> 1..12
    weekdays: MappingProxyType[str, int]  # weekday -> 0 (Monday) .. 6
    month_names: tuple[str, ...]  # how the site writes months, January first

    @property
    def month_name(self) -> str:
        """A regex alternation matching any month word (no flags; the caller sets case)."""
        return alternation(self.months)

    @property
    def weekday_name(self) -> str:
        """A regex alternation matching any weekday."""
        return alternation(self.weekdays)


def alternation(words: Any) -> str:
    """`(?:a|b|c)` for the given words, longest first so that no word hides a longer one."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def _load(code: str, name: str) -> dict[str, Any]:
    path = LANG_DIR / code / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


@cache
def language(code: str = DEFAULT) -> Language:
    """The words of language `code`, loaded once per process."""
    cal = _load(code, "calendar")
    return Language(
        code=code,
        months=MappingProxyType({str(k): int(v) for k, v in cal["months"].items()}),
        weekdays=MappingProxyType({str(k): int(v) for k, v in cal["weekdays"].items()}),
        month_names=tuple(str(m) for m in cal["month_names"]),
    )
