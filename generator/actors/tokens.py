"""Sentences as tokens: words, acronyms, numbers, possessive marks, hyphen suffixes and
punctuation, with offsets into the article text and their folded keys. Pure."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from generator.actors.names import fold, lexicon

_RAW = re.compile(
    r"(?:[^\W\d_]\.){2,}"                      # U.S., U.N.
    r"|[^\W\d_]+(?:['’][^\W\d_]{2,})?"        # words, O'Brien
    r"|\d+(?:[.,:]\d+)*"                       # numbers
    r"|['’]s\b"                                # possessive
    r"|[^\s\[\]]"                              # anything else; brackets are skipped
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word or mark of a sentence, with offsets into the article text.

    `cap`: capitalised (`Lavrov`, `U.S.`, `al-Sarraj`); `upper`: all capitals, two letters
    or more (`GNA`); `key`: lookup key, where short acronyms keep their case (`US` is not `us`).
    """

    text: str
    start: int
    end: int
    kind: str  # word, acr (U.S.), num, poss ('s), suffix (-backed), punct
    first: bool = False  # first word of its sentence (or of a quotation)
    fold: str = ""
    key: str = ""
    cap: bool = False
    upper: bool = False

    def __reduce__(self) -> tuple:
        # Rebuilt by a call, twice as fast to unpickle as a slotted dataclass's default,
        # sharing its strings and offsets with the other tokens (`_shared_token`).
        return (_shared_token, (self.text, self.start, self.end, self.kind, self.first,
                                self.fold, self.key, self.cap, self.upper))


# Hundreds of thousands of tokens, a few thousand distinct words and offsets: each token
# points to one shared string per word and one int per offset (over half its memory).
_OFFSETS = tuple(range(1 << 16))


def _offset(n: int) -> int:
    return _OFFSETS[n] if 0 <= n < len(_OFFSETS) else n


def _shared_token(text: str, start: int, end: int, kind: str, first: bool, fold: str,
                  key: str, cap: bool, upper: bool) -> Token:
    intern = sys.intern
    return Token(intern(text), _offset(start), _offset(end), intern(kind), first,
                 intern(fold), intern(key), cap, upper)


def make_token(text: str, start: int, end: int, kind: str, first: bool = False) -> Token:
    """A token with its derived fields filled in."""
    return Token(sys.intern(text), _offset(start), _offset(end), kind, first,
                 *_derived(text, kind))


@lru_cache(maxsize=1 << 16)
def _derived(text: str, kind: str) -> tuple[str, str, bool, bool]:
    folded = fold(text.rstrip("."))
    letters = [c for c in text if c.isalpha()]
    upper = len(letters) >= 2 and all(c.isupper() for c in letters)
    key = fold(text) if kind == "acr" else folded
    if kind == "word" and upper and len(text) <= 3:
        key = "=" + text
    return sys.intern(folded), sys.intern(key), _is_cap(text, kind), upper


def _is_cap(text: str, kind: str) -> bool:
    if kind == "acr":
        return text[0].isupper()
    if kind != "word":
        return False
    if text[0].isupper():
        return True
    head, _, rest = text.partition("-")
    return bool(rest) and rest[0].isupper() and fold(head) in lexicon().particles


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; hyphenated words are one token unless they end in `-backed` etc.
    The first word of the sentence and of each quotation is marked `first`."""
    out: list[Token] = []
    first = True
    raw = [(m.group(), m.start(), m.end()) for m in _RAW.finditer(text)]
    for word, start, end, kind in _join_hyphens(raw, text):
        is_word = kind in ("word", "acr")
        out.append(make_token(word, start + offset, end + offset, kind, first and is_word))
        first = (first and not is_word) or (not is_word and word in _OPENERS)
    return out


_OPENERS = frozenset("“\"‘«:")


_POSSESSIVE_MARKS = frozenset(("'s", "’s"))


@lru_cache(maxsize=1 << 16)
def _kind(tok: str) -> str:
    if tok[0].isdigit():
        return "num"
    if tok in _POSSESSIVE_MARKS:
        return "poss"
    if len(tok) > 2 and tok.endswith(".") and tok[-2].isalpha() and "." in tok[:-1]:
        return "acr"
    return "word" if tok[0].isalpha() else "punct"


def _join_hyphens(raw: list[tuple[str, int, int]], text: str) -> Iterator[tuple[str, int, int, str]]:
    lex = lexicon()
    i = 0
    while i < len(raw):
        tok, start, end = raw[i]
        kind = _kind(tok)
        while (kind in ("word", "acr") and i + 2 < len(raw) and raw[i + 1][0] == "-"
               and raw[i + 1][1] == end and raw[i + 2][1] == end + 1
               and raw[i + 2][0][0].isalpha()):
            nxt = raw[i + 2]
            if fold(nxt[0]) in lex.compound_suffixes:
                break
            tok, end, i = text[start:nxt[2]], nxt[2], i + 2
        if kind in ("word", "acr") and i + 2 < len(raw) and raw[i + 1][0] == "-" \
                and raw[i + 1][1] == end and fold(raw[i + 2][0]) in lex.compound_suffixes:
            yield tok, start, end, kind
            yield "-" + raw[i + 2][0], end, raw[i + 2][2], "suffix"
            i += 3
            continue
        if kind == "word" and end < len(text) and text[end] == "." and _keeps_period(tok, text, end):
            tok, end = tok + ".", end + 1
            i += 1 if i + 1 >= len(raw) or raw[i + 1][1] != end - 1 else 2
            yield tok, start, end, kind
            continue
        yield tok, start, end, kind
        i += 1


def _keeps_period(word: str, text: str, end: int) -> bool:
    """`Gen.`, `Jan.`, and initials like the `W.` of `George W. Bush`."""
    if fold(word) in lexicon().abbreviations:
        return True
    return len(word) == 1 and word.isupper() and re.match(r"\.\s+[A-Z]", text[end:]) is not None
