"""Ids and file names: one policy for every id (actors, articles, events).

An id is made only from the text it names (never from the clock or the order of files),
so the same file or name gets the same page on every build. `slug` makes the readable
part: Latin letters lose their accents (`Çavuşoğlu` -> `cavusoglu`) and letters that would
be lost (Cyrillic, Greek, Chinese, `ø`, `ß`) are transliterated (`Лавров` -> `lavrov`).
`safe_name` is the one gate to the file system: whatever could confuse it is kept out,
`/`, `\\`, `..`, Windows device names (CON, NUL, COM1, ...) and names that differ only in
case, which are one file on Windows and macOS.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import TypeVar

from anyascii import anyascii

K = TypeVar("K")

# Windows refuses these as file names, with any extension ("con.html" too).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{dev}{n}" for dev in ("com", "lpt") for n in "0123456789¹²³"}
)
MAX_SLUG = 80


def is_reserved(name: str) -> bool:
    """Whether Windows reserves `name` (its part before the first dot) for a device."""
    return name.split(".", 1)[0].rstrip(" ").casefold() in WINDOWS_RESERVED


def digest(text: str, length: int = 8) -> str:
    """A short, stable hash of `text`."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def _transliterated(char: str) -> bool:
    """Whether `char` (of NFKD text) is a letter, digit or vowel sign that accent folding
    would lose: anything not ASCII but an accent (a combining mark) or a symbol."""
    return not char.isascii() and not unicodedata.combining(char) and (
        char.isalnum() or unicodedata.category(char).startswith("M"))


def _transliteration(char: str) -> str:
    """`char` in ASCII letters: a sign that only marks how a letter sounds (Russian `ь`,
    Arabic `ع`, which anyascii writes `'` or `` ` ``) is left out (`Зеленський` ->
    `Zelenskii`); a modifier letter (`ʻ` in `Hawaiʻi`) keeps its mark, which parts words."""
    made = anyascii(char)
    return made if unicodedata.category(char) == "Lm" else re.sub(r"[^A-Za-z0-9 ]", "", made)


def to_ascii(text: str, symbols: str = " ") -> str:
    """`text` in ASCII, case kept: `Çavuşoğlu` -> `Cavusoglu`, `Сергей` -> `Sergei`.

    Accents are folded away (NFKD), letters and digits that folding would lose are
    transliterated (anyascii: `ø` -> `o`, `ß` -> `ss`, `Лавров` -> `Lavrov`, `新闻` ->
    `XinWen`) and any other non-ASCII character (`’`, `–`, `€`) becomes `symbols`.
    """
    out = []
    for char in unicodedata.normalize("NFKD", text):
        if char.isascii():
            out.append(char)
        elif _transliterated(char):
            out.append(_transliteration(char))
        elif not unicodedata.combining(char):
            out.append(symbols)
    return "".join(out)


def slug(text: str, keep: str = "", symbols: str = " ") -> str:
    """The readable id of `text`: lower-case ASCII letters, digits, `-` and the characters
    of `keep` (`Fayez al-Sarraj` -> `fayez-al-sarraj`, `Сергей Лавров` -> `sergei-lavrov`).

    Every other run of characters becomes one `-`; non-ASCII symbols (`’`, `–`) become
    `symbols` first (article paths drop them: `it’s.txt` -> `its`). May be empty.
    """
    ascii_text = to_ascii(text, symbols).lower()
    made = re.sub(f"[^a-z0-9{re.escape(keep)}]+", "-", ascii_text).strip("-" + keep)
    return re.sub(r"-{2,}", "-", made)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters, digits, `-` and `_`: `Über die Lage` -> `uber-die-lage`."""
    return slug(text, keep="_", symbols="")


def _loses_letters(text: str) -> bool:
    """Whether folding to ASCII drops letters or digits (Chinese, Arabic, ...), not just
    accents: they are transliterated instead, which different texts may share."""
    return any(_transliterated(c) for c in unicodedata.normalize("NFKD", text))


def article_slug(rel: str) -> str:
    """The id of the article at `rel` (a POSIX path): its path without extension, slugged.

    A hash of the path is added when the slug alone could clash or is unsafe: when it is
    empty, a reserved name, too long, or when letters had to be transliterated
    (`Новости.txt` -> `novosti-<hash>`: `Новости` and `Novosti` are two files).
    """
    path = PurePosixPath(rel)
    base = str(path.with_suffix("")) if path.suffix else rel
    made = ascii_slug(base)
    if made and len(made) <= MAX_SLUG and not is_reserved(made) and not _loses_letters(base):
        return made
    short = made[: MAX_SLUG - 10].strip("-_")
    return f"{short or 'article'}-{digest(rel)}"


def numbered(owners: Iterable[tuple[K, str]]) -> tuple[dict[K, str], list[tuple[K, K, str]]]:
    """Unique ids for (owner, wanted id) pairs, in a fixed order: the first owner of an id
    keeps it, later ones get `-2`, `-3`, ... (`actor`, `actor-2`).

    Also returns (owner, first owner, wanted id) for each numbered owner, so that the
    collision can be reported with both sources.
    """
    ids: dict[K, str] = {}
    holders: dict[str, K] = {}
    clashes: list[tuple[K, K, str]] = []
    for owner, base in owners:
        ident, n = base, 2
        while ident in holders:
            ident, n = f"{base}-{n}", n + 1
        if ident != base:
            clashes.append((owner, holders[base], base))
        holders[ident] = owner
        ids[owner] = ident
    return ids, clashes


def case_clashes(owners: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(page, first owner, second owner) for pages that are one file on a case-blind system.

    `owners` holds (page path, who writes it) pairs, in a fixed order; the first owner of
    a name keeps it and every later one is reported.
    """
    seen: dict[str, str] = {}
    clashes = []
    for page, owner in owners:
        key = page.casefold()
        if key in seen:
            clashes.append((page, seen[key], owner))
        else:
            seen[key] = owner
    return clashes


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_SITE_NAMES = frozenset({"index"})  # `actors/index.html` is the list of actors


def safe_name(identifier: str) -> str:
    """The file-name and fragment-safe form of an id; ids that already are safe stay as they are.

    Anything else (slashes, spaces, non-ASCII, "index", Windows device names such as
    "con", over-long) becomes a slug plus a short hash of the original id, so different
    ids never share a name.
    """
    if (
        _SAFE_NAME.fullmatch(identifier)
        and identifier.casefold() not in _SITE_NAMES
        and not is_reserved(identifier)
    ):
        return identifier
    short = slug(identifier, symbols="")[:40].strip("-")
    hashed = digest(identifier, 10)
    return f"{short}-{hashed}" if short else f"id-{hashed}"
