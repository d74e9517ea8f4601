"""What article-level coreference (generator/events/coref.py) reads in the text: the word lists
from generator/lang/en/lexicon.yaml (organisation cues and heads, titles, group sizes, verbs
after "it", gendered honorifics), quoted spans, honorifics and capitalised names that are no
known actor."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.actors.names import fold, lexicon, load_yaml
from generator.lang import alternation, cased
from generator.model import Article, Mention, Sentence

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# "Mr Lee", "Mrs. Lee": an honorific written capitalised just before a name
_HONORIFIC = re.compile(rf"\b({alternation(cased(h) for h in lexicon().honorific_genders)})\.?\s+$")
_OPENS_QUOTE = "“«\""
_CLOSES_QUOTE = "”»\""


@dataclass(frozen=True)
class Words:
    """The word lists coreference reads, from lexicon.yaml."""

    cues: frozenset[tuple[str, ...]]
    cue_len: int
    modifiers: frozenset[str]
    heads: frozenset[str]
    countries: frozenset[str]
    plural_orgs: frozenset[str]
    plural_people: frozenset[str]
    counts: dict[str, int]
    glue: frozenset[str]
    it_verbs: frozenset[str]
    known: frozenset[str]  # capitalised words that are no name: titles, heads, months, demonyms
    titles: dict[tuple[str, ...], str]  # "foreign minister", "ceo" -> the office
    openers: frozenset[str] = frozenset()  # words that may follow "the" in a description

    def __post_init__(self) -> None:
        object.__setattr__(self, "openers", frozenset(
            {c[0] for c in self.cues} | self.modifiers | self.heads | self.countries
            | set(self.counts) | {t[0] for t in self.titles}))


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


@lru_cache(maxsize=1)
def words() -> Words:
    """The lists, loaded once."""
    lex = lexicon()
    person_nouns = {t[0] for t in lex.titles if len(t) == 1} | set(lex.descriptors)
    return Words(
        cues=lex.org_cues, cue_len=max(lex.cue_len, lex.title_len), modifiers=lex.org_cue_modifiers,
        heads=frozenset(w for w in lex.org_heads if not w.endswith("s")),
        countries=lex.country_nouns,
        plural_orgs=frozenset({_plural(c[-1]) for c in lex.org_cues}
                              | {w for w in lex.org_heads if w.endswith("s")}),
        plural_people=frozenset({_plural(w) for w in person_nouns}
                                | lex.person_group_nouns),
        counts=dict(lex.group_counts),
        glue=lex.pronoun_verb_glue,
        it_verbs=(lex.say_verbs | lex.agency_verbs) - lex.coref_not_after_it,
        known=frozenset(lex.stopwords | lex.months | lex.weekdays | lex.honorifics | lex.org_heads
                        | lex.portfolios | lex.descriptors | {w for t in lex.titles for w in t}
                        | {fold(str(d)) for row in load_yaml("countries.yaml")
                           for d in row.get("demonyms") or []}),
        titles=dict(lex.titles),
    )


def honorific_genders(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """People's genders where an honorific says it ("Mr Lee": m, "Mrs Lee", "Ms Lee": f)."""
    out: dict[str, str] = {}
    for m in mentions:
        hon = _HONORIFIC.search(text[max(0, m.start - 6):m.start])
        if hon:
            out.setdefault(m.actor, lexicon().honorific_genders[fold(hon.group(1))])
    return out


def quoted_spans(article: Article) -> list[tuple[int, int]]:
    """Spans inside quotation marks, paragraph by paragraph (a quote never runs on)."""
    spans: list[tuple[int, int]] = []
    for p in article.paragraphs:
        opened: int | None = None
        for k in range(p.start, p.end):
            ch = article.text[k]
            if opened is None and ch in _OPENS_QUOTE:
                opened = k
            elif opened is not None and ch in _CLOSES_QUOTE:
                spans.append((opened, k))
                opened = None
        if opened is not None:
            spans.append((opened, p.end))
    return spans


def inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies in one of `spans` (sorted, not overlapping)."""
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def unknown_name(text: str, sentence: Sentence, covered: Sequence[tuple[int, int]]) -> int:
    """2 when a sentence holds a capitalised name that is no actor or place (nor a title, head
    word, month or demonym) and says or does something ("Djamal told"); 1 when it holds one
    (not as its first word) that does not; else 0."""
    lw, level = words(), 0
    found = list(_WORD.finditer(text, sentence.start, sentence.end))
    for i, m in enumerate(found):
        word = m.group()
        if not word[:1].isupper() or len(word) < 3 or word.isupper() or fold(word) in lw.known:
            continue
        if inside(covered, m.start()):
            continue
        if i + 1 < len(found) and fold(found[i + 1].group()) in lw.it_verbs \
                and not text[m.end():found[i + 1].start()].strip():
            return 2
        if m.start() != sentence.start:
            level = 1
    return level
