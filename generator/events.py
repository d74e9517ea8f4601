"""Sentences with dated happenings -> event records; reports of one happening merged."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from generator import dates, tense
from generator.model import Actor, Article, Event, Mention, PartialDate, Place, Sentence, Source

TITLE_MAX = 120
_MIN_CLAUSE = 25
_PREPOSITION = re.compile(
    r"(?:\b(?:on|in|at|since|from|by|during|until|till|of|for|starting|from)\s+)?$", re.IGNORECASE
)
_STOP = frozenset(
    "that this with from have has had were was will would said says told also their there they "
    "them then than which while when where what about after before over into more most other some "
    "such only very been being between both each just like made make many much must under upon "
    "well could should does done into its it's his her hers him who whom whose these those the and "
    "but for not are can any all our out one two new".split()
)
_IRREGULAR = {"met": "meet", "meeting": "meet", "meetings": "meet", "held": "hold",
              "took": "take", "talks": "talk", "talked": "talk", "called": "call",
              "calls": "call", "calling": "call"}


@dataclass(frozen=True)
class _Candidate:
    """One sentence's report of a happening on one date."""

    article: Article
    sentence: Sentence
    date: PartialDate
    timex: dates.Timex | None
    status: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    keywords: frozenset[str]


def extract_events(
    articles: Sequence[Article],
    mentions: Mapping[str, Sequence[Mention]],
    places: Mapping[str, Sequence[Place]],
    actors: Sequence[Actor] = (),
) -> tuple[Event, ...]:
    """Every dated happening the articles report, one event per happening, in date order."""
    cands: list[_Candidate] = []
    for article in articles:
        cands.extend(_article_candidates(article, mentions.get(article.id, ()),
                                         places.get(article.id, ())))
    kinds = {a.id: a.kind for a in actors}
    groups = _weeks_into_days(_merge(cands, kinds), kinds)
    events = [_event(group) for group in groups]
    return tuple(sorted(events, key=lambda e: (e.date.sort_key(), e.id)))


def article_timexes(article: Article) -> list[dates.Timex]:
    """The temporal expressions in an article's content sentences."""
    spans = [(s.start, s.end) for s in article.sentences]
    return dates.tag(article.text, article.date, spans)


def _article_candidates(
    article: Article, mentions: Sequence[Mention], places: Sequence[Place]
) -> list[_Candidate]:
    by_sentence: dict[int, list[dates.Timex]] = defaultdict(list)
    starts = [s.start for s in article.sentences]
    for t in article_timexes(article):
        idx = _sentence_at(starts, t.start)
        if idx is not None:
            by_sentence[idx].append(t)
    out = []
    for sentence in article.sentences:
        seen: set[PartialDate] = set()
        for t in join_ranges(article.text, by_sentence.get(sentence.index, [])):
            day = t.event_date()
            if day is None or day in seen:
                continue
            seen.add(day)
            out.append(_candidate(article, sentence, day, t, mentions, places))
        if sentence.index == article.lead and article.date and not seen:
            out.append(_candidate(article, sentence, PartialDate.of(article.date), None,
                                  mentions, places))
    return out


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|until|till|and)\s*", re.IGNORECASE)


def join_ranges(text: str, found: Sequence[dates.Timex]) -> list[dates.Timex]:
    """"Oct. 20-21", "from June 8 to June 12": one expression for one happening, dated by
    its start; a range is not two events."""
    out: list[dates.Timex] = []
    for t in found:
        prev = out[-1] if out else None
        if prev is not None and _RANGE_JOIN.fullmatch(text[prev.end:t.start]) \
                and prev.event_date() and t.event_date() \
                and prev.event_date().precision == t.event_date().precision:
            out[-1] = replace(prev, end=t.end, text=text[prev.start:t.end])
        else:
            out.append(t)
    return out


def _sentence_at(starts: list[int], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 else None


def _candidate(
    article: Article,
    sentence: Sentence,
    day: PartialDate,
    timex: dates.Timex | None,
    mentions: Sequence[Mention],
    places: Sequence[Place],
) -> _Candidate:
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
    actors = tuple(dict.fromkeys(m.actor for m in inside))
    where = tuple(dict.fromkeys(p.name for p in places if sentence.start <= p.start < sentence.end))
    return _Candidate(article, sentence, day, timex, _status(day, timex, sentence, article.date), actors,
                      where, _keywords(sentence.text, timex, sentence.start))


def _status(day: PartialDate, timex: dates.Timex | None, sentence: Sentence,
            dct: dt.date | None) -> str:
    """Planned when the date lies after publication, or when it takes in the publication day
    and the sentence looks ahead ("will meet later today", "votes this month")."""
    if dct is None:
        return "reported"
    if day.first_day() > dct:
        return "planned"
    if timex is not None and day.last_day() >= dct:
        start, end = timex.start - sentence.start, timex.end - sentence.start
        direction, _ = tense.direction_near(sentence.text, start, end)
        if direction == "future" or timex.direction == "future":
            return "planned"
    return "reported"


def _stem(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix in ("ments", "ment", "ings", "ing", "ions", "ion", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _keywords(text: str, timex: dates.Timex | None, offset: int) -> frozenset[str]:
    """Content words of a sentence (lower-case stems), for telling reports apart."""
    if timex is not None:
        a, b = timex.start - offset, timex.end - offset
        text = text[:a] + " " + text[b:]
    words = re.findall(r"\b[a-z][a-z-]{3,}\b", text)  # lower-case words only: names are actors
    return frozenset(_stem(w) for w in words if w not in _STOP)


# ---------------------------------------------------------------- merging


def _merge_keys(c: _Candidate, kinds: Mapping[str, str]) -> set[tuple[str, ...]]:
    """What two reports on the same date must share to tell of the same happening.

    A person or organisation is enough; countries and places are named in nearly every
    sentence of a story, so a shared country or place also needs a shared content word.
    Within one article a shared content word is enough (a story retells its own news);
    across articles, two shared content words.
    """
    words = sorted(c.keywords)
    where = [a for a in c.actors if kinds.get(a) == "country"] + list(c.places)
    keys: set[tuple[str, ...]] = {("actor", a) for a in c.actors if kinds.get(a) != "country"}
    keys |= {("place", p, w) for p in where for w in words}
    keys |= {("article", c.article.id, w) for w in words}
    keys |= {("words", w1, w2) for i, w1 in enumerate(words) for w2 in words[i + 1:]}
    return keys


def _merge(cands: list[_Candidate], kinds: Mapping[str, str]) -> list[list[_Candidate]]:
    """Group candidates on the same date that share a merge key (union-find, near-linear)."""
    parent = list(range(len(cands)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[object, ...], int] = {}
    for i, c in enumerate(cands):
        for key in _merge_keys(c, kinds):
            j = first.setdefault((c.date, *key), i)
            if j != i:
                parent[find(i)] = find(j)
    groups: dict[int, list[_Candidate]] = defaultdict(list)
    for i, c in enumerate(cands):
        groups[find(i)].append(c)
    return list(groups.values())


def _weeks_into_days(groups: list[list[_Candidate]], kinds: Mapping[str, str]) -> list[list[_Candidate]]:
    """A plan dated to a week joins the one report of a day in that week that names the
    same person or organisation and shares a word or place ("will meet in Paris next week",
    "will meet Macron in Paris on Oct. 26"); the event keeps the day. Past weeks ("last
    week, the UN said") stay apart: a story tells them at the precision it knows them."""
    days: dict[dt.date, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        if g[0].date.precision == "day":
            days[g[0].date.first_day()].append(i)
    absorbed: set[int] = set()
    for i, g in enumerate(groups):
        if g[0].date.precision != "week" or any(c.status != "planned" for c in g):
            continue
        start = g[0].date.first_day()
        inside = [j for k in range(7) for j in days.get(start + dt.timedelta(days=k), [])]
        fits = [j for j in inside if _related(g, groups[j], kinds)]
        if len(fits) == 1:
            groups[fits[0]] = groups[fits[0]] + [replace(c, date=groups[fits[0]][0].date) for c in g]
            absorbed.add(i)
    return [g for i, g in enumerate(groups) if i not in absorbed]


def _related(a: list[_Candidate], b: list[_Candidate], kinds: Mapping[str, str]) -> bool:
    """Whether two groups name the same person or organisation and share a word or place."""
    actors = {x for c in a for x in c.actors} & {x for c in b for x in c.actors}
    if not any(kinds.get(x) != "country" for x in actors):
        return False
    words = {w for c in a for w in c.keywords} & {w for c in b for w in c.keywords}
    places = {p for c in a for p in c.places} & {p for c in b for p in c.places}
    return bool(words or places)


# ---------------------------------------------------------------- event records


def _order(c: _Candidate) -> tuple[object, ...]:
    """Which report gives the event its title: a reported one, whose date opens the sentence
    (so the date modifies its main clause), from the earliest article."""
    published = c.article.date.isoformat() if c.article.date else "9999"
    opens = c.timex is None or _PREPOSITION.sub("", c.sentence.text[:c.timex.start - c.sentence.start]) == ""
    return (c.status != "reported", not opens, published, c.article.path, c.sentence.index)


def _event(group: list[_Candidate]) -> Event:
    group = sorted(group, key=_order)
    best = group[0]
    sources = tuple(_source(c) for c in sorted(group, key=lambda c: (c.article.path, c.sentence.index)))
    status = "reported" if any(c.status == "reported" for c in group) else "planned"
    actors = tuple(dict.fromkeys(a for c in group for a in c.actors))
    places = tuple(dict.fromkeys(p for c in group for p in c.places))
    digest = hashlib.sha1(f"{best.article.id}\n{best.sentence.text}".encode()).hexdigest()[:8]
    return Event(
        id=f"{best.date.iso().lower()}-{digest}",
        date=best.date,
        date_text=best.timex.text if best.timex else "",
        status=status,  # type: ignore[arg-type]
        title=event_title(best.article, best.sentence, best.timex),
        actors=actors,
        places=places,
        sources=sources,
    )


def _source(c: _Candidate) -> Source:
    t = c.timex
    return Source(
        article=c.article.id, sentence=c.sentence.index, start=c.sentence.start,
        end=c.sentence.end, quote=c.sentence.text, date_text=t.text if t else "",
        date_start=t.start if t else -1, date_end=t.end if t else -1,
    )


def event_title(article: Article, sentence: Sentence, timex: dates.Timex | None) -> str:
    """A short readable title: the article's headline for its lead, else the sentence trimmed."""
    if sentence.index == article.lead and article.title and (
        timex is None or (article.date and timex.event_date() == PartialDate.of(article.date))
    ):
        return _shorten(article.title)
    text = _tidy(sentence.text)
    if timex is not None:
        a, b = timex.start - sentence.start, timex.end - sentence.start
        tail = sentence.text[b:]
        if tail[:2] in ("'s", "’s"):  # "ahead of next week's summit": "ahead of the summit"
            before, tail = sentence.text[:a] + "the", tail[2:]
        else:
            before = _PREPOSITION.sub("", sentence.text[:a])
        head = _tidy(before.rstrip(" ,"))
        tail = _tidy(tail)
        if before.rstrip().endswith(",") and tail.startswith(","):
            tail = tail[1:]  # the date was an aside between commas
        text = head + ("" if tail[:1] in ",.;:" or not head else " ") + tail.lstrip()
        text = re.sub(r"^[,;:\s]+", "", text)
        if len(text) > TITLE_MAX:
            text = _clause_at(text, len(head))
    text = _LEADING_LINK.sub("", text.strip().rstrip(".,;:-–— "))
    return _shorten(text[:1].upper() + text[1:])


def _tidy(text: str) -> str:
    """Drop asides a title does not need: parentheses, photo directions, doubled spaces."""
    text = re.sub(r"\s*\([^()]*\)", "", text)
    text = _PHOTO_DIRECTION.sub("", text)
    return re.sub(r"\s+", " ", text)


# Where people stand in a photo caption: "X, left, and Y".
_PHOTO_DIRECTION = re.compile(r",\s+(?:(?:second|third|far|centre|center)\s+)?(?:left|right|centre|center),"
                              r"(?=\s)", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:which|who|whom|whose|that)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:]|\s[—–]|\s--)\s+")
_LEADING_LINK = re.compile(r"^(?:when|while|where|and|but|as|after|which|who|whereas)\s+",
                           re.IGNORECASE)


def _clause_at(text: str, pos: int) -> str:
    """The clause of a long sentence around `pos` (where the date was), not too short."""
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    i = max(k for k in range(len(bounds) - 1) if bounds[k] <= pos)
    start, end = bounds[i], bounds[i + 1]
    if i > 0 and _RELATIVE.match(text[start:]):
        i -= 1  # "…the deal, which was reached": keep what "which" stands for
        start = bounds[i]
    j = i
    while end - start < _MIN_CLAUSE and (j + 2 < len(bounds) or i > 0):
        if j + 2 < len(bounds):
            j += 1
            end = bounds[j + 1]
        else:
            i -= 1
            start = bounds[i]
    return text[start:end]


def _shorten(text: str) -> str:
    if len(text) <= TITLE_MAX:
        return text
    cut = text[:TITLE_MAX]
    for mark in (", ", "; ", " — ", " – ", " -- "):
        pos = cut.rfind(mark)
        if pos >= 50:
            return cut[:pos] + "…"
    return cut[: cut.rfind(" ")] + "…"
