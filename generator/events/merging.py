"""Reports into events: which dated reports tell of one happening.

Date first, then who, then what (docs/RESOLUTION.md, "Reports into events"):

1. Reports on the same date merge when they share a key (samedate.py): union-find over a
   key index, so no pair of reports is ever compared.
2. Day events a few days apart, from different articles, that clearly tell one happening
   (a shared actor and most of their key words) become one event: its sources disagree
   on the day, and the event shows every day given (`event_date`).
3. A coarser report (a week, month or year: "in March", "last month", "earlier this year")
   joins the most precise event inside its span that it matches on who (a shared person
   or organisation) and what (shared key words, numbers, places), on its side of its
   article's date (what was still to come never joins what was over before); when two
   events match equally well it stays alone, at its own precision.

Words found all over the story (`topic_words`) tell no happening apart: they do not count
in steps 2 and 3, nor off the day in step 1. Steps 2 and 3 look only at
reports indexed under the same span (day, week, month, year) and actor.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.events.reports import Candidate, UnionFind
from generator.events.samedate import merge_same_date
from generator.model import PartialDate

_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}
_DISAGREE_DAYS = 3  # how far apart two sources may put the day of one happening
_TOPIC_MIN, _TOPIC_SHARE = 5, 0.1


def merge_groups(cands: list[Candidate], kinds: Mapping[str, str]) -> list[list[Candidate]]:
    """The reports grouped into happenings: same date, then days that disagree, then
    coarse into fine (a month may then join two days that are one happening)."""
    topic = topic_words(cands)
    groups = disagreeing_days(merge_same_date(cands, kinds, topic), kinds, topic)
    return coarse_into_fine(groups, kinds, topic)


def topic_words(cands: Sequence[Candidate]) -> frozenset[str]:
    """Words of the whole story ("ceasefire", "talks" in a war story): in a tenth of the
    dated sentences, and at least five. They say little about which happening a report tells."""
    sentences = {(c.article.id, c.sentence.index): c.keywords for c in cands}
    df = Counter(w for words in sentences.values() for w in words)
    return frozenset(w for w, n in df.items()
                     if n >= _TOPIC_MIN and n > _TOPIC_SHARE * len(sentences))


# ---------------------------------------------------------------- what a report tells


@dataclass(frozen=True, slots=True)
class _Profile:
    """Who and what one report tells, for comparing it with another report."""

    who: frozenset[str]  # people and organisations
    what: frozenset[str]  # key words that are not the story's topic words, places, numbers
    numbers: frozenset[str]


def _profile(c: Candidate, kinds: Mapping[str, str], topic: frozenset[str]) -> _Profile:
    """What `_match` and `_strong` compare of one report (`_profiles` keeps the recent ones)."""
    numbers = c.numbers
    what = frozenset(c.keywords).difference(topic).union(c.places, numbers)
    return _Profile(frozenset(_who(c, kinds)), what, numbers)


def _who(c: Candidate, kinds: Mapping[str, str]) -> set[str]:
    """The report's people and organisations (countries are where, not who)."""
    return {a for a in c.actors if kinds.get(a) != "country"}


def _profiles(reports: Sequence[tuple[int, Candidate]], kinds: Mapping[str, str],
              topic: frozenset[str]) -> Callable[[int], _Profile]:
    """Report index -> the report's profile, made when asked; the most recent 65,536 are
    kept (about 70 MB): one for every report of a large corpus would hold too much, and
    far fewer are remade again and again once a year's reports outnumber them (at 10,000
    articles, a cache of 4,096 made coarse-into-fine half as slow again)."""
    @functools.lru_cache(maxsize=1 << 16)
    def profile(r: int) -> _Profile:
        return _profile(reports[r][1], kinds, topic)
    return profile


def _match(a: _Profile, b: _Profile) -> int:
    """How strongly two reports tell one happening: 0 when they do not, else a score.

    Who: at least one shared person or organisation. What: two shared key words, numbers
    or places (one when two actors are shared), not counting the story's topic words.
    Numbers tell happenings apart: when both name numbers and share none, they are
    different happenings.
    """
    who = len(a.who & b.who)
    what = len(a.what & b.what)
    if not who or (a.numbers and b.numbers and not a.numbers & b.numbers):
        return 0
    return 2 * who + what if what >= 2 or (what and who >= 2) else 0


def _strong(a: _Profile, b: _Profile) -> bool:
    """Clearly one happening: a shared actor and most key words of the shorter report."""
    shared = len(a.what & b.what)
    return _match(a, b) > 0 and shared >= 3 and 2 * shared >= min(len(a.what), len(b.what))


# ---------------------------------------------------------------- 3. coarse into fine


def _buckets(date: PartialDate) -> frozenset[tuple[object, ...]]:
    """The coarser spans a date lies wholly inside: its week, month and year."""
    if date.precision == "year":
        return frozenset()
    out: list[tuple[object, ...]] = [("y", date.year)]
    first, last = date.first_day(), date.last_day()
    if date.precision == "day":
        out.append(("m", date.year, date.month))
        out.append(("w", *first.isocalendar()[:2]))
    elif date.precision == "week" and (first.year, first.month) == (last.year, last.month):
        out = [("y", first.year), ("m", first.year, first.month)]
    elif date.precision == "week":
        out = [("y", first.year)] if first.year == last.year else []
    return frozenset(out)


def _own_bucket(date: PartialDate) -> tuple[object, ...] | None:
    if date.precision == "year":
        return ("y", date.year)
    if date.precision == "month":
        return ("m", date.year, date.month)
    if date.precision == "week":
        return ("w", date.year, date.week)
    return None


def coarse_into_fine(groups: list[list[Candidate]], kinds: Mapping[str, str],
                     topic: frozenset[str] = frozenset()) -> list[list[Candidate]]:
    """A week, month or year report joins the more precise event inside its span that one
    of its sentences matches best, sentence against sentence (a group's words pooled would
    match too much). Reports are indexed by span, actor and key word."""
    wanted = {_own_bucket(g[0].date) for g in groups} - {None}
    within = functools.cache(lambda date: _buckets(date) & wanted)  # few distinct dates
    reports = [(gi, c) for gi, g in enumerate(groups) for c in g
               if within(c.date) or c.date.precision != "day"]
    profile = _profiles(reports, kinds, topic)
    index = _Index()
    mine: dict[int, list[int]] = defaultdict(list)
    for r, (gi, c) in enumerate(reports):
        mine[gi].append(r)
        buckets = within(c.date)
        if not buckets:
            continue
        p = _profile(c, kinds, topic)  # not `profile(r)`: filling the cache in this pass was slower
        for bucket in buckets:
            for a in p.who:
                index.add((*bucket, a), p.what, r)
    sets = UnionFind(len(groups))
    finest = [max((c.date for c in g), key=lambda d: _RANK[d.precision]) for g in groups]
    order = sorted(range(len(groups)), key=lambda gi: -_RANK[groups[gi][0].date.precision])
    for gi in order:  # weeks, then months, then years: a year follows a month into its day
        bucket = _own_bucket(groups[gi][0].date)
        if bucket is None:
            continue
        side = _Side(groups[gi])
        scored: dict[int, tuple[int, int]] = {}
        for r in mine[gi]:
            p = profile(r)
            # A report is listed once under each (actor, word) pair it shares with this one:
            # found once, it shares one actor and one word, which never match (`_match`), so
            # only those found twice or more are compared (the same matches, far fewer profiles).
            hits = Counter(j for a in p.who for w in p.what for j in index.get((*bucket, a), w))
            for j in sorted(j for j, n in hits.items() if n >= 2):
                score = side(reports[j][1].date) and _match(p, profile(j))
                root = sets.find(reports[j][0])
                if score and side(finest[root]):  # the event it is in: on the side too
                    key = (score, _RANK[reports[j][1].date.precision])
                    scored[root] = max(scored.get(root, key), key)
        best = _unique_best(scored)
        if best is not None:
            sets.union(gi, best)
            finest[sets.find(gi)] = finest[best]  # the finer: `best` holds a finer report
    return sets.groups(groups)


class _Side:
    """Which dates can be the happening a group of coarse reports tells: not over before an
    article said it was still to come ("expected to visit by the end of the year"), nor
    begun after an article said it had happened ("earlier this year")."""

    def __init__(self, group: Sequence[Candidate]) -> None:
        planned = [c.article.date for c in group if c.status == "planned" and c.article.date]
        told = [c.article.date for c in group if c.status != "planned" and c.article.date]
        self.after = max(planned, default=None)
        self.before = min(told, default=None)

    def __call__(self, date: PartialDate) -> bool:
        return (self.after is None or date.last_day() >= self.after) and \
            (self.before is None or date.first_day() <= self.before)


class _Index:
    """Report indexes by (span, actor) then key word, in the order added; one report is
    kept as a bare int (most keys name one report: a list each would double the index)."""

    def __init__(self) -> None:
        self._by: dict[tuple[object, ...], dict[str, int | list[int]]] = defaultdict(dict)

    def add(self, outer: tuple[object, ...], words: Iterable[str], r: int) -> None:
        """List report `r` under `outer` and each of `words` (in any order: a list of
        reports is in the order of the reports added)."""
        inner = self._by[outer]
        for word in words:
            got = inner.get(word)
            if got is None:
                inner[word] = r
            elif isinstance(got, int):
                inner[word] = [got, r]
            else:
                got.append(r)

    def get(self, outer: tuple[object, ...], word: str) -> Sequence[int]:
        inner = self._by.get(outer)
        got = inner.get(word) if inner is not None else None
        return () if got is None else (got,) if isinstance(got, int) else got


def _unique_best(scored: Mapping[int, tuple[int, int]]) -> int | None:
    """The one event that matches best; None when none matches or two tie."""
    if not scored:
        return None
    top = max(scored.values())
    roots = [r for r, s in scored.items() if s == top]
    return roots[0] if len(roots) == 1 else None


# ---------------------------------------------------------------- 2. disagreeing days


def disagreeing_days(groups: list[list[Candidate]], kinds: Mapping[str, str],
                     topic: frozenset[str] = frozenset()) -> list[list[Candidate]]:
    """Day events a few days apart, from different articles, become one event whose sources
    disagree on the day when a sentence of one clearly tells what a sentence of the other
    does. Day reports are indexed by day and actor."""
    reports = [(gi, c) for gi, g in enumerate(groups) for c in g if c.date.precision == "day"]
    profile = _profiles(reports, kinds, topic)
    index: dict[tuple[dt.date, str], list[int]] = defaultdict(list)
    for r, (_, c) in enumerate(reports):
        for who in sorted(_who(c, kinds)):
            index[(c.date.first_day(), who)].append(r)
    sets = UnionFind(len(groups))
    articles: dict[int, frozenset[str]] = {}  # a group's articles, made once when asked

    def articles_of(g: int) -> frozenset[str]:
        got = articles.get(g)
        if got is None:
            got = articles[g] = frozenset(c.article.id for c in groups[g])
        return got

    for r, (gi, c) in enumerate(reports):
        # a report without a date of its own was given its publication day: the
        # happening may have been before it, never after; so look only later from a stated day
        if c.timex is None:
            continue
        p = profile(r)
        day = c.date.first_day()
        near = {j for k in range(1, _DISAGREE_DAYS + 1) for a in p.who
                for j in index.get((day + dt.timedelta(days=k), a), ())}
        mine = articles_of(gi)
        fits = {sets.find(reports[j][0]) for j in sorted(near)
                if mine.isdisjoint(articles_of(reports[j][0])) and _strong(p, profile(j))}
        if len(fits) == 1:
            sets.union(gi, fits.pop())
    return sets.groups(groups)


# ---------------------------------------------------------------- the event's date


def event_date(group: Sequence[Candidate]) -> tuple[PartialDate, tuple[PartialDate, ...]]:
    """The date of a merged event, and every day its sources give when they disagree.

    The most precise date wins; a date stated in the sentence outranks the publication
    day a report without one was given. When sources state different days, the event
    goes under the day most of them give (the earliest on a tie) and keeps them all.
    """
    finest = max(_RANK[c.date.precision] for c in group)
    fine = [c for c in group if _RANK[c.date.precision] == finest]
    stated = [c for c in fine if c.timex is not None] or fine
    votes = Counter(c.date for c in stated)
    date = min(votes, key=lambda d: (-votes[d], d.sort_key()))
    days = tuple(sorted(votes, key=PartialDate.sort_key)) if len(votes) > 1 else ()
    return date, days
