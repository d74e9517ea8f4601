"""Corpus-wide evidence that an unknown capitalised name is an organisation.

A company is often named by one word (`Airbus`, `Ryanair`) or two (`Northrop Grumman`) that no
list holds. Each mention alone rarely says what the name is; the corpus together does:
a legal suffix once (`Boeing Co.`), a corporate title after it (`Ryanair CEO`), a
possessive owning something only organisations own (`Boeing's shares`), a repeated acronym
(`EADS`), `X-based` or an organisation cue before it, or the name doing things (`Airbus
said`, `Boeing has`) while never being a person's name. Evidence is counted per name over
the whole corpus; a name that is also a person's name, a place, or a common word is never
made an organisation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from generator.actors.knowledge import Context, org_key
from generator.actors.names import Lexicon, is_legal_suffix


def learn_org_names(sentences: Iterable[Sequence], ctx: Context) -> frozenset[str]:
    """Org keys of the unknown names the corpus shows to be organisations (the caller puts
    them in the context's `cued_orgs`, so every mention of them becomes that organisation)."""
    return org_names_of(evidence_of(sentences, ctx), ctx)


def evidence_of(sentences: Iterable[Sequence], ctx: Context) -> Evidence:
    """What these sentences (cut into units) show: an article's share of the corpus's
    evidence. It reads the context's common words only for the words of the sentences."""
    ev = Evidence()
    for units in sentences:
        for k, unit in enumerate(units):
            if unit.kind == "org":
                _suffix_evidence(unit, ctx.lex, ev)
            elif unit.kind == "gap":
                _gap_evidence(units, k, ctx.lex, ev, ctx.common)
    return ev


def org_names_of(ev: Evidence, ctx: Context) -> frozenset[str]:
    """The org keys the evidence (of the whole corpus, `Evidence.add`) makes organisations."""
    return frozenset(key for key in ev.names if ev.is_org(key) and _may_be_org(key, ctx))


class Evidence:
    """Per name (org key): what the corpus shows it doing. Added up over articles in any
    order (`add`): counts and sets only."""

    def __init__(self) -> None:
        self.strong: Counter[str] = Counter()  # a legal suffix, a corporate title, `-based`
        self.acts: Counter[str] = Counter()  # `Airbus said`, `Boeing has`
        self.acronym: Counter[str] = Counter()
        self.place: Counter[str] = Counter()  # `in Toulouse`
        self.person: Counter[str] = Counter()  # `President X`, `Mr X`, a surname of one
        self.surnames: set[str] = set()  # the last words of people's names: never companies
        self.names: set[str] = set()

    def add(self, other: Evidence) -> None:
        """Count `other`'s evidence too."""
        for mine, theirs in ((self.strong, other.strong), (self.acts, other.acts),
                             (self.acronym, other.acronym), (self.place, other.place),
                             (self.person, other.person)):
            mine.update(theirs)
        self.surnames |= other.surnames
        self.names |= other.names

    def is_org(self, key: str) -> bool:
        """Enough evidence, and more of an organisation than of a person or a place."""
        strong, acts, acronym = self.strong[key], self.acts[key], self.acronym[key] >= 2
        # two or more words: a person's name unless strongly shown otherwise
        score = 2 * strong if " " in key else 2 * strong + acts + 2 * acronym
        if key in self.surnames:
            return False
        enough = strong >= 1 or acts >= 3 or (acronym and acts >= 1)
        against = self.person[key] + (self.place[key] if " " not in key else 0)
        return enough and score > against


def _suffix_evidence(unit, lex: Lexicon, ev: Evidence) -> None:
    """`Boeing Co.`, `Airbus SAS`: the name before a legal suffix is an organisation."""
    toks = unit.toks
    n = len(toks)
    while n > 1 and is_legal_suffix(toks[n - 1].text):
        n -= 1
    if n < len(toks) and all(t.cap for t in toks[:n]):
        key = org_key(" ".join(t.text for t in toks[:n]))
        ev.names.add(key)
        ev.strong[key] += 1


def _gap_evidence(units: Sequence, k: int, lex: Lexicon, ev: Evidence,
                  common: frozenset[str]) -> None:
    gap = units[k]
    key = org_key(gap.spelling)
    ev.names.add(key)
    if k and units[k - 1].kind == "ent" and units[k - 1].end + 1 == gap.start:
        return  # `China Eastern`: the rest of a longer name, not a name of its own
    nxt = units[k + 1] if k + 1 < len(units) else None
    after = units[k + 2] if k + 2 < len(units) else None
    prev = units[k - 1] if k else None
    if len(gap.toks) == 1 and gap.toks[0].upper and len(gap.toks[0].text) <= 6 \
            and gap.toks[0].fold not in lex.abbreviations \
            and not (prev is not None and prev.toks[-1].kind == "num"):  # `16 GB`: a unit
        ev.acronym[key] += 1
    first = _words(nxt)[0] if nxt is not None and _words(nxt) else ""
    if first in lex.corporate_titles:
        ev.strong[key] += 1  # `Ryanair CEO`, `Airbus spokesman`
    elif nxt is not None and nxt.kind == "poss" and after is not None and _words(after) \
            and _words(after)[0] in lex.org_owned:
        ev.strong[key] += 1  # `Boeing's shares`
    elif first in lex.agency_verbs:
        ev.acts[key] += 1  # `Airbus said`, `Boeing has`
    if prev is not None and prev.kind == "suffix" and prev.toks[0].fold.lstrip("-") == "based":
        ev.strong[key] += 1  # `Seattle-based Boeing`
    if prev is not None and prev.kind in ("word", "conn") and prev.toks[0].fold in lex.place_words:
        ev.place[key] += 1
    if prev is not None and prev.kind == "title" and prev.role in ("office", "honorific"):
        ev.person[key] += 2  # `President X`, `Mr X`
        ev.surnames.add(gap.toks[-1].fold)  # and its surname alone
    if prev is not None and prev.is_word("the") and (nxt is None or nxt.kind == "punct"
                                                      or nxt.toks[0].text[0].islower()):
        ev.place[key] += 2  # `the Dreamliner is`, `the Cupertino campus`: a thing or a place
    if len(gap.toks) == 2 and all(t.kind == "word" and not t.upper for t in gap.toks) \
            and not any(t.fold in lex.org_heads or t.fold in lex.legal_suffixes for t in gap.toks) \
            and gap.toks[0].fold not in common:  # not `Actual Airbus` opening a sentence
        # `Steve Jobs`, `Mark Papermaster`: most two-word names are people's
        ev.person[gap.toks[0].fold] += 1
        ev.surnames.add(gap.toks[1].fold)


def _words(unit) -> list[str]:
    return [t.fold for t in unit.toks] if unit.kind in ("word", "conn", "title", "cue") else []


def _may_be_org(key: str, ctx: Context) -> bool:
    """Not a word the corpus also writes in lower case, a month or a weekday."""
    words = key.split()
    if all(w in ctx.common for w in words):
        return False
    return not any(w in ctx.lex.months or w in ctx.lex.weekdays for w in words)


def split_glued_names(units: list, lex: Lexicon) -> list:
    """`Apple Inc. Steve Jobs`, `Secretary of the Air Force James Roche`: a run of capitalised
    words that goes on past an organisation's head word and ends in a person's first and
    last name (with perhaps an initial between) is the organisation, then the person."""
    out = []
    for unit in _title_led_names(units, lex):
        cut = _person_tail(unit.toks, lex) if unit.kind == "gap" and len(unit.toks) >= 4 else 0
        if cut:
            first = unit.toks[:cut]
            while len(first) > 1 and first[-1].fold in lex.connectors:
                first = first[:-1]
            out.append(_office_or_org(type(unit), first, lex))
            out.append(type(unit)("gap", unit.toks[cut:]))
        else:
            out.append(unit)
    return out


def _title_led_names(units: list, lex: Lexicon) -> list:
    """`General Motors`, `Royal Air Force`: a capitalised title word right before a name that
    holds an organisation's head word is the first word of that name, not a rank."""
    out: list = []
    for unit in units:
        prev = out[-1] if out else None
        if unit.kind == "gap" and prev is not None and prev.kind == "title" \
                and all(t.cap for t in prev.toks) and prev.end + 1 >= unit.start \
                and any(_is_head(t.fold, lex) for t in unit.toks):
            out[-1] = type(unit)("gap", (*prev.toks, *unit.toks))
        else:
            out.append(unit)
    return out


def _person_tail(toks: Sequence, lex: Lexicon) -> int:
    """Where the person's name at the end of `toks` starts, or 0."""
    middle = len(toks) >= 5 and len(toks[-2].text.rstrip(".")) == 1  # `Michael R. Golden`
    cut = len(toks) - (3 if middle else 2)
    tail = toks[cut:]
    if not _is_head(toks[cut - 1].fold, lex):
        return 0  # the name must follow the head word itself: `Government of National Accord`
    if all(t.kind == "word" and t.cap and not t.upper and t.fold not in lex.connectors
           and not _is_head(t.fold, lex) for t in (tail[0], tail[-1])):
        return cut
    return 0


def _office_or_org(unit_type: type, toks: Sequence, lex: Lexicon):
    """`Secretary of the Air Force` before a name is the person's office, not an
    organisation: a title word, then `of`."""
    if len(toks) > 2 and toks[0].fold in lex.title_starts and toks[1].fold == "of":
        office = " ".join(t.fold for t in toks)
        return unit_type("title", toks, office=office, role="office")
    return unit_type("gap", toks)


def _is_head(word: str, lex: Lexicon) -> bool:
    bare = word.replace(".", "")
    return word in lex.org_heads or bare in lex.legal_suffixes or bare in lex.org_heads
