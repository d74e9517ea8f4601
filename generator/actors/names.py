"""Name handling for actor finding: folding, phonetic keys, word lists and a tokenizer.

Everything here is pure and deterministic. `fold` removes case and accents; `phonetic`
maps transliteration variants of one word to one key (Gaddafi, Qaddafi and Kadhafi all
give `kadafi`); `name_key` is the key of a whole personal name, particles (al-, bin, van)
left out.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from generator import ids
from generator.lang import language

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_SPECIAL = str.maketrans({
    "ı": "i", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-",
})
_LETTERS = str.maketrans({"q": "k", "g": "k", "c": "k", "y": "i", "w": "v", "o": "u"})
_DIGRAPHS = (("kh", "k"), ("dh", "d"), ("ph", "f"), ("dj", "j"), ("kk", "k"))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents: `Çavuşoğlu` -> `cavusoglu`."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().translate(_SPECIAL)


def phonetic(word: str) -> str:
    """One key for transliteration variants: q/k/g/c -> k, dh -> d, kh -> k, y -> i, o -> u."""
    w = re.sub(r"[^a-z]", "", fold(word)).replace("sch", "sh").translate(_LETTERS)
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def slug(text: str) -> str:
    """An actor's id (`generator.ids.slug`): `Fayez al-Sarraj` -> `fayez-al-sarraj`,
    `Сергей Лавров` -> `sergei-lavrov`; `actor` when nothing is left."""
    return ids.slug(text) or "actor"


def name_parts(name: str) -> list[tuple[str, bool]]:
    """The words of a name, each with whether it was hyphen-joined to the next (`al-`)."""
    parts: list[tuple[str, bool]] = []
    for word in name.replace("]", " ").replace("[", " ").split():
        pieces = [p for p in word.split("-") if p]
        parts.extend((p, i < len(pieces) - 1) for i, p in enumerate(pieces))
    return parts


def core_words(name: str) -> list[str]:
    """The words of a name without particles: `Fayez al-Sarraj` -> [Fayez, Sarraj]."""
    lex = lexicon()
    parts = name_parts(name)
    out = []
    for i, (word, joined) in enumerate(parts):
        last = i == len(parts) - 1
        folded = fold(word.rstrip("."))
        particle = folded in lex.particles and not last
        if particle and (joined or i > 0 or folded in _SURNAME_LEADS):
            continue
        out.append(word)
    return out


# Particles that begin a surname said on its own ("Von der Leyen", "De Mistura", "Le Pen");
# not "Al", "Ben", "Do" or "As", which also begin given names ("Al Gore") or sentences.
_SURNAME_LEADS = frozenset("von van de der den del della di da du le la ter ten zu bin ibn".split())


def name_key(name: str) -> tuple[str, ...]:
    """Phonetic key of a personal name: the same for every spelling of it."""
    return tuple(k for k in (phonetic(w) for w in core_words(name)) if k)


def is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether `short`'s words appear in `long` in order."""
    it = iter(long)
    return all(word in it for word in short)


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two name keys of one person: the same last word (or one letter apart, `Haftar` and
    `Hafter`, when the first names agree), the shorter's other words kept by the longer."""
    if not a or not b or min(len(a), len(b)) < 2:
        return False
    if a[-1] != b[-1] and not (a[0] == b[0] and min(len(a[-1]), len(b[-1])) >= 5
                               and one_edit_apart(a[-1], b[-1])):
        return False
    short, long = sorted((a, b), key=len)
    return is_subsequence(short[:-1], long[:-1])


def one_edit_apart(x: str, y: str) -> bool:
    """Whether one letter changed, added or dropped turns `x` into `y`."""
    if abs(len(x) - len(y)) > 1 or x == y:
        return False
    i = 0
    while i < min(len(x), len(y)) and x[i] == y[i]:
        i += 1
    if len(x) == len(y):
        return x[i + 1:] == y[i + 1:]
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return longer[i + 1:] == shorter[i:]


# --- word lists -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists in generator/lang/en/lexicon.yaml, folded, as sets and read-only maps."""

    stopwords: frozenset[str]
    months: frozenset[str]
    may_words: frozenset[str]
    weekdays: frozenset[str]
    abbreviations: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    titles: dict[tuple[str, ...], str]
    leader_offices: frozenset[str]
    honorifics: frozenset[str]
    descriptors: frozenset[str]
    counterparts: frozenset[str]
    portfolios: frozenset[str]
    say_verbs: frozenset[str]
    lead_verbs: frozenset[str]
    org_heads: frozenset[str]
    state_heads: frozenset[tuple[str, ...]]
    state_nouns: frozenset[str]
    compound_suffixes: frozenset[str]
    location_words: frozenset[str]
    place_nouns: frozenset[str]
    outlets: tuple[str, ...]
    org_cues: frozenset[tuple[str, ...]]
    org_cue_modifiers: frozenset[str]
    plural_owners: frozenset[str]
    credit_words: frozenset[str]
    credit_glue: frozenset[str]
    legal_suffixes: frozenset[str] = frozenset()
    corporate_titles: frozenset[str] = frozenset()
    org_owned: frozenset[str] = frozenset()
    agency_verbs: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    news_verbs: frozenset[str] = frozenset()
    # article-level coreference (generator/events/coref.py, corefwords.py)
    country_nouns: frozenset[str] = frozenset()
    person_group_nouns: frozenset[str] = frozenset()
    pronoun_verb_glue: frozenset[str] = frozenset()
    group_counts: tuple[tuple[str, int], ...] = ()  # "both" -> 2
    title_len: int = 1
    title_starts: frozenset[str] = frozenset()
    cue_len: int = 1
    # the first words of titles, portfolios, honorifics, descriptors, counterparts and
    # organisation cues: a word not among them starts none (actors/units.py)
    unit_starts: frozenset[str] = frozenset()
    # event headlines (generator/events/headlines.py, headnames.py)
    headline_openers: frozenset[str] = frozenset()
    headline_adverbials: frozenset[str] = frozenset()
    headline_participles: frozenset[str] = frozenset()
    headline_coordinators: frozenset[str] = frozenset()
    headline_articles: frozenset[str] = frozenset()
    headline_modals: frozenset[str] = frozenset()
    headline_clause_starts: frozenset[str] = frozenset()
    headline_adverbs: frozenset[str] = frozenset()
    headline_attribution_starts: frozenset[str] = frozenset()
    headline_audiences: frozenset[str] = frozenset()
    headline_complementizers: frozenset[str] = frozenset()
    headline_bare_say_verbs: frozenset[str] = frozenset()
    headline_speakers: frozenset[str] = frozenset()
    headline_report_verbs: frozenset[str] = frozenset()
    headline_subordinators: frozenset[str] = frozenset()
    headline_origin_words: frozenset[str] = frozenset()
    headline_relatives: frozenset[str] = frozenset()
    headline_say_verbs: frozenset[str] = frozenset()
    headline_person_pronouns: frozenset[str] = frozenset()
    headline_thing_pronouns: frozenset[str] = frozenset()
    headline_group_pronouns: frozenset[str] = frozenset()
    headline_person_possessives: frozenset[str] = frozenset()
    headline_thing_possessives: frozenset[str] = frozenset()
    headline_group_possessives: frozenset[str] = frozenset()
    headline_determiners: frozenset[str] = frozenset()
    headline_copulas: frozenset[str] = frozenset()
    headline_date_needed: frozenset[str] = frozenset()
    headline_date_prepositions: frozenset[str] = frozenset()
    headline_date_joined: frozenset[str] = frozenset()
    headline_cut_words: frozenset[str] = frozenset()
    headline_cut_phrases: frozenset[str] = frozenset()
    headline_dangling: frozenset[str] = frozenset()
    headline_name_suffixes: frozenset[str] = frozenset()
    headline_photo_positions: frozenset[str] = frozenset()
    headline_photo_sides: frozenset[str] = frozenset()
    # coreference: honorifics and verbs after a name (generator/events/corefwords.py)
    honorific_genders: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "mr" -> "m"
    coref_not_after_it: frozenset[str] = frozenset()
    # event keywords and dates (generator/events/extract.py)
    keyword_stopwords: frozenset[str] = frozenset()
    keyword_stems: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # "met" -> "meet"
    keyword_suffixes: tuple[str, ...] = ()  # in the order they are tried
    date_openers: frozenset[str] = frozenset()
    range_joiners: frozenset[str] = frozenset()
    range_pair_joiners: frozenset[str] = frozenset()
    range_pair_openers: frozenset[str] = frozenset()


def load_yaml(name: str) -> Any:
    """A YAML data file shipped in `generator/data` (word lists are in `generator/lang`)."""
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(fold(text).replace(".", "").split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists of the language's lexicon.yaml, loaded once."""
    raw = language().lexicon
    sets = {k: _words(v) for k, v in raw.items() if isinstance(v, tuple)}
    titles = {_phrase(k): str(v) for k, v in raw["titles"].items()}
    return Lexicon(
        **{k: sets[k] for k in Lexicon.__dataclass_fields__ if k in sets
           and k not in ("titles", "state_heads", "outlets", "org_cues", "keyword_suffixes")},
        honorific_genders=MappingProxyType({fold(str(k)): str(v)
                                            for k, v in raw["honorific_genders"].items()}),
        keyword_stems=MappingProxyType({fold(str(k)): fold(str(v)) for k, v in raw["keyword_stems"].items()}),
        keyword_suffixes=tuple(fold(str(v)) for v in raw["keyword_suffixes"]),
        titles=titles,
        state_heads=frozenset(_phrase(v) for v in raw["state_heads"]),
        outlets=tuple(str(v) for v in raw["outlets"]),
        org_cues=frozenset(_phrase(v) for v in raw["org_cues"]),
        title_len=max(len(k) for k in titles),
        title_starts=frozenset(k[0] for k in titles),
        cue_len=max(len(_phrase(v)) for v in raw["org_cues"]),
        unit_starts=frozenset(k[0] for k in titles).union(
            *(sets.get(k, ()) for k in ("portfolios", "honorifics", "descriptors", "counterparts")),
            (p[0] for p in (_phrase(v) for v in raw["org_cues"]) if p)),
        group_counts=tuple(sorted((fold(str(k)), int(v)) for k, v in raw["group_counts"].items())),
    )


def is_legal_suffix(word: str) -> bool:
    """`Co.`, `Inc`, `Group`: a company's legal form (`legal_suffixes` in lang/en/lexicon.yaml)."""
    return fold(word).strip(".,") in lexicon().legal_suffixes


# --- tokens -----------------------------------------------------------------------------------

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
