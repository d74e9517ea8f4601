"""Sentences with dated happenings -> event records; reports of one happening merged."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from generator.actors.names import lexicon
from generator.dates import engine as dates
from generator.dates import tense
from generator.events import coref, merging
from generator.events.headlines import event_title
from generator.events.reports import Candidate
from generator.lang import alternation
from generator.model import (
    Actor,
    Article,
    Event,
    Memo,
    Mention,
    PartialDate,
    Place,
    Sentence,
    Source,
    chronological,
)

_LEX = lexicon()  # the words below: generator/lang/en/lexicon.yaml
# A preposition (or nothing) before a date that opens its sentence ("On Monday, ...").
_PREPOSITION = re.compile(rf"(?:\b{alternation(_LEX.date_openers)}\s+)?$", re.IGNORECASE)
_STOP = _LEX.keyword_stopwords
_WORD = re.compile(r"[A-Za-z]+")
_NEWS_VERBS = _LEX.say_verbs | _LEX.news_verbs
_IRREGULAR = _LEX.keyword_stems
_SUFFIXES = _LEX.keyword_suffixes

_Spanned = TypeVar("_Spanned", Mention, Place)


def extract_events(
    articles: Sequence[Article],
    mentions: Mapping[str, Sequence[Mention]],
    places: Mapping[str, Sequence[Place]],
    actors: Sequence[Actor] = (),
    timexes: Mapping[str, Sequence[dates.Timex]] | None = None,
    memo: Memo | None = None,
) -> tuple[Event, ...]:
    """Every dated happening the articles report, one event per happening, in date order.

    `timexes` (by article id) are `article_timexes` already found (generator/incremental);
    `memo` keeps each article's candidates and each event's title for the next build."""
    timexes = timexes or {}
    cands: list[Candidate] = []
    kinds = {a.id: a.kind for a in actors}
    names = coref.known_actors(actors)
    # what an article's candidates depend on beyond the article and its own mentions
    world = memo.shared((sorted(kinds.items()), sorted(names.spellings.items()),
                         sorted(names.roles.items()))) if memo else ""
    for article in articles:
        where = places.get(article.id, ())
        own = tuple(mentions.get(article.id, ()))

        def make(article: Article = article, own: tuple[Mention, ...] = own,
                 where: Sequence[Place] = where) -> list[tuple[Any, ...]]:
            # pronoun and description subjects ("he", "the company") count as mentions
            found = coref.with_antecedents(article, own, kinds, names, where)
            return [_encode(c) for c in _article_candidates(
                article, found, where, kinds, timexes.get(article.id))]

        code = memo.each("candidates", article.id, (own, tuple(where), world), make,
                         _fits(article)) if memo else make()
        cands.extend(_decode(article, code, timexes.get(article.id)))
    groups = merging.merge_groups(cands, kinds)
    by_id = {a.id: a for a in actors}
    events = [_event(group, by_id, memo) for group in groups]
    return _unique_ids(chronological(events))


def _encode(c: Candidate) -> tuple[Any, ...]:
    """A candidate without its article (kept once, outside): for the memo."""
    return (c.sentence.index, c.date, c.timex, c.status, c.actors, c.places, c.keywords)


def _fits(article: Article) -> Callable[[Any], bool]:
    """Whether a kept result is a list of encoded candidates of this article's sentences."""
    indexes = {s.index for s in article.sentences}
    return lambda code: isinstance(code, list) and all(
        isinstance(c, tuple) and len(c) == 7 and c[0] in indexes for c in code)


def _decode(article: Article, code: list[tuple[Any, ...]],
            timexes: Sequence[dates.Timex] | None) -> list[Candidate]:
    """The candidates again, sharing their words and ids with every other article's and
    their dates with the article's (read back, each entry would hold its own copies:
    100 MB more at 10,000 articles)."""
    index = {s.index: s for s in article.sentences}
    found = {t: t for t in timexes or ()}
    return [Candidate(article, index[i], date, found.get(timex, timex) if timex else None,
                      status, _shared(actors), _shared(places), _shared(words))
            for i, date, timex, status, actors, places, words in code]


def _shared(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(sys.intern, words))


def _unique_ids(events: list[Event]) -> tuple[Event, ...]:
    """Events with distinct ids: an article that repeats a sentence word for word (or a long
    one read in like pieces) may report two happenings the same way; `-2`, `-3` tell them apart."""
    seen: dict[str, int] = {}
    out = []
    for e in events:
        seen[e.id] = seen.get(e.id, 0) + 1
        out.append(e if seen[e.id] == 1 else replace(e, id=f"{e.id}-{seen[e.id]}"))
    return tuple(out)


def article_timexes(article: Article) -> list[dates.Timex]:
    """The temporal expressions in an article's content sentences."""
    spans = [(s.start, s.end) for s in article.sentences]
    return dates.tag(article.text, article.date, spans)


def _article_candidates(
    article: Article, mentions: Sequence[Mention], places: Sequence[Place],
    kinds: Mapping[str, str] | None = None, timexes: Sequence[dates.Timex] | None = None,
) -> list[Candidate]:
    kinds = kinds or {}
    by_sentence: dict[int, list[dates.Timex]] = defaultdict(list)
    for t in article_timexes(article) if timexes is None else timexes:
        idx = article.sentence_at(t.start)
        if idx is not None:
            by_sentence[idx].append(t)
    # each sentence looks only at its own mentions: a scan of all of them per sentence
    # would grow with the square of the article
    mentions_in, places_in = _per_sentence(article, mentions), _per_sentence(article, places)
    out = []
    for sentence in article.sentences:
        seen: set[PartialDate] = set()
        inside, where = mentions_in.get(sentence.index, []), places_in.get(sentence.index, [])
        for t in join_ranges(article.text, by_sentence.get(sentence.index, [])):
            day = t.event_date()
            if day is None or day in seen:
                continue
            if len(seen) == MAX_DAYS_PER_SENTENCE:
                break  # a list of dates, not a report of that many happenings
            seen.add(day)
            out.append(_candidate(article, sentence, day, t, inside, where))
        if article.date and not seen and (sentence.index == article.lead
                                          or _is_statement(sentence, inside, kinds)):
            out.append(_candidate(article, sentence, PartialDate.of(article.date), None,
                                  inside, where))
    return out


MAX_DAYS_PER_SENTENCE = 24


def _per_sentence(article: Article, found: Sequence[_Spanned]) -> dict[int, list[_Spanned]]:
    """Mentions or places by the index of the sentence they start in, in their order."""
    out: dict[int, list[_Spanned]] = defaultdict(list)
    for m in found:
        idx = article.sentence_at(m.start)
        if idx is not None:
            out[idx].append(m)
    return out


def _is_statement(sentence: Sentence, mentions: Sequence[Mention],
                  kinds: Mapping[str, str]) -> bool:
    """An undated sentence where a named person or organisation says or does something now
    (`Louis Gallois said the company expects ...`): news of the publication day."""
    named = any(kinds.get(m.actor) != "country" for m in mentions)  # the sentence's own
    return named and any(w.lower() in _NEWS_VERBS for w in _WORD.findall(sentence.text))


# "between March and June"
_BETWEEN = re.compile(rf"\b{alternation(_LEX.range_pair_openers)}\s+(?:the\s+)?$", re.IGNORECASE)
_RANGE_JOIN = re.compile(rf"\s*(?:-|–|—|{alternation(_LEX.range_joiners)})\s*", re.IGNORECASE)


def join_ranges(text: str, found: Sequence[dates.Timex]) -> list[dates.Timex]:
    """"Oct. 20-21", "from June 8 to June 12": one expression for one happening, dated by
    its start; a range is not two events."""
    out: list[dates.Timex] = []
    for t in found:
        prev = out[-1] if out else None
        joiner = text[prev.end:t.start] if prev is not None else ""
        if prev is not None and _RANGE_JOIN.fullmatch(joiner) \
                and (joiner.strip().lower() not in _LEX.range_pair_joiners
                     or _BETWEEN.search(text, max(0, prev.start - 16), prev.start)) \
                and prev.event_date() and t.event_date() \
                and prev.event_date().precision == t.event_date().precision:
            out[-1] = replace(prev, end=t.end, text=text[prev.start:t.end])
        else:
            out.append(t)
    return out


def _candidate(
    article: Article,
    sentence: Sentence,
    day: PartialDate,
    timex: dates.Timex | None,
    mentions: Sequence[Mention],
    places: Sequence[Place],
) -> Candidate:
    actors = tuple(dict.fromkeys(m.actor for m in mentions))  # the sentence's own (_per_sentence)
    where = tuple(dict.fromkeys(p.name for p in places))
    return Candidate(article, sentence, day, timex, _status(day, timex, sentence, article.date), actors,
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
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _keywords(text: str, timex: dates.Timex | None, offset: int) -> tuple[str, ...]:
    """Content words of a sentence (lower-case stems, each once, sorted), for telling
    reports apart: a tuple, a third of a set's size, as every dated sentence holds one."""
    if timex is not None:
        a, b = timex.start - offset, timex.end - offset
        text = text[:a] + " " + text[b:]
    words = re.findall(r"\b[a-z][a-z-]{3,}\b", text)  # lower-case words only: names are actors
    return tuple(sorted({_stem(w) for w in words if w not in _STOP}))


# ---------------------------------------------------------------- event records


def _order(c: Candidate) -> tuple[object, ...]:
    """Which report gives the event its title: a reported one, whose date opens the sentence
    (so the date modifies its main clause), from the earliest article."""
    published = c.article.date.isoformat() if c.article.date else "9999"
    opens = c.timex is None or _PREPOSITION.sub("", c.sentence.text[:c.timex.start - c.sentence.start]) == ""
    return (c.status != "reported", not opens, published, c.article.path, c.sentence.index)


def _event(group: list[Candidate], by_id: Mapping[str, Actor] | None = None,
           memo: Memo | None = None) -> Event:
    group = sorted(group, key=_order)
    best = group[0]
    date, disputed = merging.event_date(group)
    dated = next(c for c in group if c.date == date)  # the report that gives the event's date
    sources = tuple(_source(c) for c in sorted(group, key=lambda c: (c.article.path, c.sentence.index)))
    status = "reported" if any(c.status == "reported" for c in group) else "planned"
    actors = tuple(dict.fromkeys(a for c in group for a in c.actors))
    places = tuple(dict.fromkeys(p for c in group for p in c.places))
    digest = hashlib.sha1(f"{best.article.id}\n{best.sentence.text}".encode()).hexdigest()[:8]
    return Event(
        id=f"{date.iso().lower()}-{digest}",
        date=date,
        date_text=dated.timex.text if dated.timex else "",
        status=status,  # type: ignore[arg-type]
        title=_title(best, _title_actors(best, actors, by_id), memo),
        actors=actors,
        places=places,
        sources=sources,
        disputed=disputed,
    )


def _title(best: Candidate, actors: tuple[list[Actor], list[Actor]], memo: Memo | None) -> str:
    """The event's title, from its best report (`event_title`; kept in `memo`)."""
    def make() -> str:
        return event_title(best.article, best.sentence, best.timex, *actors)
    if memo is None:
        return make()
    inputs = (best.sentence.index, best.timex, tuple(actors[0]), tuple(actors[1]))
    return memo.small("titles", best.article.id, inputs, make)


def _title_actors(best: Candidate, actors: Sequence[str], by_id: Mapping[str, Actor] | None
                  ) -> tuple[list[Actor], list[Actor]]:
    """The title sentence's actors and the event's others: they name a pronoun subject."""
    by_id = by_id or {}
    return ([by_id[a] for a in best.actors if a in by_id],
            [by_id[a] for a in actors if a in by_id and a not in best.actors])


def _source(c: Candidate) -> Source:
    t = c.timex
    return Source(
        article=c.article.id, sentence=c.sentence.index, start=c.sentence.start,
        end=c.sentence.end, quote=c.sentence.text, date_text=t.text if t else "",
        date_start=t.start if t else -1, date_end=t.end if t else -1, date=c.date,
    )

