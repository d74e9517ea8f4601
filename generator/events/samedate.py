"""Step 1 of merging reports into events (merging.py): reports on the same date.

Reports on one date merge when they share a key (`merge_keys`): union-find over a key
index, so no pair of reports is ever compared. A report naming no one joins at most the
one group it shares most word pairs with (`_attach_loose`), not every group holding them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from generator.events.reports import Candidate, UnionFind


def merge_keys(c: Candidate, kinds: Mapping[str, str],
               topic: frozenset[str] = frozenset()) -> set[tuple[str, ...]]:
    """What two reports on the same date must share to tell of the same happening.

    On a day: a person or organisation; or a country or place and a content word (they are
    named in nearly every sentence of a story); within one article a content word (a story
    retells its own news); across articles two content words. On a week, month or year one
    actor does many things, and only words that are not the story's topic words count
    (`topic_words`: "expected to visit" said of everyone that year would bind them all): a
    person or organisation and a content word, and the place when it names one (a minister
    expected in two countries this year is two visits); a country or place and two content
    words when it names no person or organisation (two people expected there are two
    visits); or, for reports naming no person or organisation, within one article a
    content word, both still to come or both reported.
    A report there that names no one may join one group sharing its word pairs
    (`_attach_loose`, from its `("loose", ...)` and the others' `("pair", ...)` keys).
    """
    words = c.keywords  # sorted
    pairs = _pairs(words)
    who = [a for a in c.actors if kinds.get(a) != "country"]
    where = [a for a in c.actors if kinds.get(a) == "country"] + list(c.places)
    if c.date.precision != "day":  # a report naming no one may join on its words alone
        told = [w for w in words if w not in topic]
        # in one article, what is still to come that year is not what already happened; a
        # person's reports meet on their name (two people's visits are two happenings)
        keys: set[tuple[str, ...]] = set() if who else {
            ("article", c.article.id, c.status, w) for w in told}
        keys |= {("pair", *pair) for pair in pairs}
        if where:  # one actor going to two places in a year is two happenings
            keys |= {("who", a, w, p) for a in who for w in told for p in where}
        else:
            keys |= {("who", a, w) for a in who for w in told}
        if not who:  # people going to one place are not one happening: their names tell
            keys |= {("where", p, *pair) for p in where for pair in _pairs(told)}
        return keys if who or where else keys | {("loose", *pair) for pair in pairs}
    keys = {("article", c.article.id, w) for w in words}
    keys |= {("actor", a) for a in who}
    keys |= {("place", p, w) for p in where for w in words}
    return keys | {("words", *pair) for pair in pairs}


def _pairs(words: Sequence[str]) -> list[tuple[str, str]]:
    return [(w1, w2) for i, w1 in enumerate(words) for w2 in words[i + 1:]]


def merge_same_date(cands: list[Candidate], kinds: Mapping[str, str],
                    topic: frozenset[str] = frozenset()) -> list[list[Candidate]]:
    """Group candidates on the same date that share a merge key (union-find, near-linear).

    Keys only meet on one date, so each date's keys are made, matched and dropped in turn:
    memory holds the busiest date's keys, not the corpus's."""
    sets = UnionFind(len(cands))
    on_day: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        on_day[c.date.iso()].append(i)
    for day in sorted(on_day):
        keyed = [(i, merge_keys(cands[i], kinds, topic)) for i in on_day[day]]
        first: dict[tuple[str, ...], int] = {}
        meet = first.setdefault  # the first report with the key
        for i, keys in keyed:  # each other report met once, however many keys they share
            for j in {meet(key, i) for key in keys if key[0] not in _WEAK}:
                if j != i:
                    sets.union(i, j)
        _attach_loose(keyed, sets)
    return sets.groups([[c] for c in cands])


_WEAK = ("pair", "loose")
_LOOSE_SPREAD = 8  # a word pair found in more groups than this on one date tells none apart


def _attach_loose(keyed: Sequence[tuple[int, set[tuple[str, ...]]]], sets: UnionFind) -> None:
    """Each report naming no one joins the one group of its date sharing most of its word
    pairs (none on a tie, nor through a pair found in many groups). Each is decided on the
    groups before any joined: where a shared key would bind every group holding the pair
    into one ("X is expected to visit Y" said of everyone that year), a report joins at
    most one."""
    holders: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, keys in keyed:
        root = sets.find(i)
        for key in keys:
            if key[0] == "pair":
                holders[key[1:]].add(root)
    joins = []
    for i, keys in keyed:
        own = sets.find(i)
        shared: Counter[int] = Counter()
        for key in keys:
            if key[0] == "loose":
                roots = holders[key[1:]]
                if len(roots) <= _LOOSE_SPREAD:
                    shared.update(r for r in roots if r != own)
        if shared:
            top = max(shared.values())
            best = [r for r, n in shared.items() if n == top]
            if len(best) == 1:
                joins.append((i, best[0]))
    for i, root in joins:  # decided on the groups before any joined: no chains through them
        sets.union(i, root)
