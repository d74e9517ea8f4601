"""Name handling for actor finding: folding, phonetic keys and word lists (the tokenizer is
in tokens.py).

Everything here is pure and deterministic. `fold` removes case and accents; `phonetic`
maps transliteration variants of one word to one key (Gaddafi, Qaddafi and Kadhafi all
give `kadafi`); `name_key` is the key of a whole personal name, particles (al-, bin, van)
left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from generator import ids
from generator.lang import SHIPPED_LOADER, language

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


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> tuple[str, ...]:
    """Phonetic key of a personal name: the same for every spelling of it (a corpus
    spells its people a few thousand ways, each asked for again and again)."""
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
    return yaml.load((DATA_DIR / name).read_text(encoding="utf-8"), Loader=SHIPPED_LOADER)


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
