"""Sentences: spans of the sentences in a stretch of text, abbreviations and titles
("Mr.", "Jan. 5", "U.S.") not taken for sentence ends."""

from __future__ import annotations

import re

from generator.lang import language
from generator.reading.paragraphs import trim_span


def wordset(words: str) -> frozenset[str]:
    """The set of space-separated words."""
    return frozenset(words.split())


_TITLES = wordset(
    "mr mrs ms messrs dr prof gen lt col maj capt cmdr cdr sgt adm gov sen rep rev hon pres supt"
    " insp st mt ft vs approx dept esp cf"
)
# Month abbreviations ("Jan. 5") are the language's month words that are no month's full name.
_MONTH_SHORT = frozenset(language().months) - {m.lower() for m in language().month_names}
_BEFORE_NUMBER = wordset("no nos nr vol p pp fig art ch sec para") | _MONTH_SHORT
_AMBIGUOUS = wordset("jr sr inc corp co ltd llc plc etc bros")
_STARTERS = wordset(
    "the a an he she it they we i you in on at but and this that these those there his her its"
    " their our however meanwhile after before when while if as according since also for with"
    " some many yet so then still now"
)
_END = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")
_OPENERS = "\"'“‘«([¿¡"
_WORD = re.compile(r"\w+")


def _word_before(text: str, pos: int, floor: int) -> str:
    """The token ending at `pos`, without opening punctuation."""
    i = pos
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos].lstrip(_OPENERS)


def _next_word(text: str, pos: int, limit: int) -> str:
    """The word starting at or after `pos`, after spaces and opening quotes."""
    while pos < limit and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    m = _WORD.match(text, pos, limit)
    return m[0] if m else text[pos : pos + 1]


def _is_boundary(text: str, m: re.Match[str], floor: int, limit: int) -> bool:
    """Whether the punctuation matched by `m` ends a sentence."""
    nxt = _next_word(text, m.end(), limit)
    if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()):
        return False
    if m[0][0] in "!?…" or m[0].startswith(".."):
        return True
    word = _word_before(text, m.start(), floor)
    low = word.lower()
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER:
        return not nxt[0].isdigit()
    if low in _AMBIGUOUS or _ACRONYM.fullmatch(word):
        return nxt.lower() in _STARTERS
    return True


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets, trimmed of whitespace) inside `text[start:end]`."""
    spans, cur = [], start
    for m in _END.finditer(text, start, end):
        if _is_boundary(text, m, start, end):
            spans.append(trim_span(text, cur, m.end()))
            cur = m.end()
    spans.append(trim_span(text, cur, end))
    return [(s, e) for s, e in spans if s < e]
