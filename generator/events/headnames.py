"""Who a headline is about: a pronoun subject named, long titles of people shortened.

A pronoun that opens a title ("he", "she", "it", "they", "its") becomes the short name of the
one actor of its kind (people: surname; "it": the organisation's name without its legal
suffix; "they": exactly two people, countries or organisations). The sentence's actors come
first; the event's other actors only when the sentence names none of that kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from generator.actors.names import fold, lexicon
from generator.model import Actor


def named(title: str, actors: Sequence[Actor], others: Sequence[Actor] = ()) -> str:
    """A title whose pronoun subject ("he", "it", "they", "its") is replaced by the short name
    of the one actor of its kind in `actors` (the sentence's), else in `others` (the event's)."""
    lex = lexicon()
    first, _, rest = title.partition(" ")
    word = fold(first)
    kinds = (("person", lex.headline_person_pronouns, lex.headline_person_possessives),
             ("organization", lex.headline_thing_pronouns, lex.headline_thing_possessives),
             ("group", lex.headline_group_pronouns, lex.headline_group_possessives))
    verb = next((fold(w) for w in rest.split() if fold(w) not in lex.headline_adverbs), "")
    acts = (lex.say_verbs | lex.agency_verbs) - lex.headline_copulas  # "it said", not "it is slated"
    for kind, pronouns, possessives in kinds:
        acting = kind != "organization" or word in possessives or verb in acts
        if (word in pronouns or word in possessives) and acting:
            name = _who(kind, actors) or (None if _of_kind(kind, actors) else _who(kind, others))
            if name and rest:
                return f"{name[:1].upper()}{name[1:]}{'’s' if word in possessives else ''} {rest}"
    return title


def is_pronoun(word: str) -> bool:
    """Whether a (folded) word is a pronoun or possessive this module may name."""
    lex = lexicon()
    return word in (lex.headline_person_pronouns | lex.headline_thing_pronouns | lex.headline_group_pronouns
                    | lex.headline_person_possessives | lex.headline_thing_possessives
                    | lex.headline_group_possessives)


def compact(title: str, actors: Sequence[Actor], limit: int) -> str:
    """A title over `limit` with people by surname: "Russian Foreign Minister Sergey Lavrov":
    "Lavrov". Only a name after a title or role word goes ("Apple Inc. Steve Jobs" stays)."""
    vocab = _title_words()
    for actor in actors:
        names = [n for n in (actor.name, *actor.aliases) if n in title]
        if len(title) <= limit or actor.kind != "person" or not names:
            continue
        at = title.index(names[0])
        words = title[:at].split()
        k = len(words)
        while k and words[k - 1][:1].isupper() and (
                fold(words[k - 1]) in vocab or (k < len(words) and fold(words[k]) in vocab)):
            k -= 1  # "Deputy Foreign Minister", with the "Russian" before it
        if k < len(words):
            title = " ".join([*words[:k], _short(actor)]) + title[at + len(names[0]):]
    return title


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    lex = lexicon()
    words = {w for key in lex.titles for w in key} | {w for o in lex.leader_offices for w in o.split()}
    words |= lex.corporate_titles | lex.honorifics | lex.portfolios | lex.descriptors
    return frozenset(words - lex.stopwords - lex.connectors)  # not "and", "of


def _of_kind(kind: str, pool: Sequence[Actor]) -> list[Actor]:
    return [a for a in pool if a.kind == kind or (kind == "group" and a.kind == "person")]


def _who(kind: str, pool: Sequence[Actor]) -> str | None:
    """The short name a pronoun of this kind stands for, when only one fits."""
    if kind == "group":
        for each in ("person", "country", "organization"):
            found = [a for a in pool if a.kind == each]
            if len(found) == 2:
                return " and ".join(_short(a) for a in found)
        return None
    found = _of_kind(kind, pool)
    return _short(found[0]) if len(found) == 1 else None


def _short(actor: Actor) -> str:
    """A person's surname ("von der Leyen"); an organisation's name without its legal suffix."""
    lex = lexicon()
    words = actor.name.split()
    if actor.kind == "person":
        while len(words) > 1 and fold(words[-1].strip(".,")) in lex.headline_name_suffixes:
            words = words[:-1]
        i = len(words) - 1
        while i > 1 and words[i - 1].islower():
            i -= 1  # particles: "von der Leyen"
        return " ".join(words[i:]).rstrip(",")
    if actor.kind == "organization" and len(words) > 1 and fold(words[-1].strip(".,")) in lex.legal_suffixes:
        return " ".join(words[:-1]).rstrip(",")
    return actor.name
