"""The view models pages show (events, years, article text), built from a Timeline."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.model import (
    MONTH_NAMES,
    Actor,
    Article,
    Event,
    Mention,
    Paragraph,
    PartialDate,
    Sentence,
    Timeline,
    event_order,
)
from generator.site import urls

TOP_CO_ACTORS = 10


# ---------------------------------------------------------------- small helpers


def article_date(article: Article) -> PartialDate | None:
    return PartialDate.of(article.date) if article.date else None


def article_label(article: Article) -> str:
    """How a source is named in a link: "Outlet: Title" or just the title."""
    return f"{article.outlet}: {article.title}" if article.outlet else article.title


# ---------------------------------------------------------------- view models


# The view models of an event's actors and sources hold what the lists show (ids, names,
# labels), not whole articles or actors: a page's key (pagekeys.py) digests them, so a
# page is made again only when something it shows changed.


@dataclass(frozen=True)
class ActorRef:
    """An actor as an event names it; `id` is None when the actor is unknown."""

    name: str
    id: str | None


@dataclass(frozen=True)
class SourceRef:
    """A link to the sentence that reports an event (`sentence` None: the whole article;
    `article_id` None: an article the build does not have)."""

    label: str
    article_id: str | None
    sentence: int | None
    quote: str = ""
    date: PartialDate | None = None  # shown only when the event's sources disagree on the day


CARD_SOURCES = 10  # the sources a card shows; every one is in data/events.json


@dataclass(frozen=True)
class EventView:
    event: Event
    anchor: str
    actors: tuple[ActorRef, ...]
    sources: tuple[SourceRef, ...]  # the first `CARD_SOURCES`
    year: int = 0  # the year it is listed under
    keys: str = ""  # its known actors' file-safe ids, space-separated (for the filters)
    more_sources: int = 0  # those the card leaves out: a happening many articles report

    @property
    def planned(self) -> bool:
        return self.event.status == "planned"


@dataclass(frozen=True)
class Group:
    """Events under an optional note, e.g. "Sometime in January 2020"."""

    note: str | None
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class Section:
    """An h3 block of a year: the year's vague events, or one month."""

    label: str
    anchor: str
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Year:
    year: int
    anchor: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Piece:
    """A run of text, linked to an actor (by id) when it mentions one."""

    text: str
    actor_id: str | None = None


@dataclass(frozen=True)
class Part:
    """Text between sentences (`sentence` None) or one sentence, with its events."""

    pieces: tuple[Piece, ...]
    sentence: int | None = None
    events: tuple[EventView, ...] = ()


@dataclass(frozen=True)
class Block:
    kind: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Companion:
    """An actor sharing events with another: its id, name and how many."""

    id: str
    name: str
    count: int


# ---------------------------------------------------------------- the indexed timeline


class Site:
    """The timeline with the lookups every page needs."""

    def __init__(self, timeline: Timeline, mentions: Mapping[str, Sequence[Mention]] | None):
        self.timeline = timeline
        self.articles = {a.id: a for a in timeline.articles}
        self.actors = {a.id: a for a in timeline.actors}
        self.mentions = mentions or {}
        self.events = tuple(sorted(timeline.events, key=event_order))
        self.rendered = {a.id: rendered_sentences(a) for a in timeline.articles}
        self.views = {e.id: self._view(e) for e in self.events}
        self.by_actor: dict[str, list[EventView]] = defaultdict(list)
        self.by_sentence: dict[tuple[str, int], list[EventView]] = defaultdict(list)
        self.by_article: dict[str, list[EventView]] = defaultdict(list)
        for event in self.events:
            self._index(self.views[event.id])

    def _index(self, view: EventView) -> None:
        for actor_id in dict.fromkeys(view.event.actors):
            self.by_actor[actor_id].append(view)
        for article_id in dict.fromkeys(s.article for s in view.event.sources):
            self.by_article[article_id].append(view)
        for key in dict.fromkeys((s.article, s.sentence) for s in view.event.sources):
            self.by_sentence[key].append(view)

    def _view(self, event: Event) -> EventView:
        actors = tuple(
            ActorRef(self.actors[i].name, i) if i in self.actors else ActorRef(i, None)
            for i in dict.fromkeys(event.actors)
        )
        sources = []
        quotes = {(s.article, s.sentence): s.quote for s in event.sources}
        says = {(s.article, s.sentence): s.date for s in event.sources if event.disputed}
        for (article_id, index), quote in list(quotes.items())[:CARD_SOURCES]:
            article = self.articles.get(article_id)
            label = article_label(article) if article else f"unknown article {article_id}"
            known = article is not None and index in self.rendered[article_id]
            sources.append(SourceRef(label, article_id if article else None,
                                     index if known else None, quote,
                                     says.get((article_id, index))))
        keys = " ".join(urls.safe_name(ref.id) for ref in actors if ref.id)
        return EventView(event, urls.event_anchor(event.id), actors, tuple(sources),
                         year_of(event.date), keys, len(quotes) - len(sources))

    def sorted_articles(self) -> list[Article]:
        """Dated articles oldest first, then undated ones, each by title then id."""
        return sorted(
            self.timeline.articles,
            key=lambda a: (a.date is None, a.date or 0, a.title.casefold(), a.id),
        )

    def sorted_actors(self, kind: str) -> list[Actor]:
        found = [a for a in self.timeline.actors if a.kind == kind]
        return sorted(found, key=lambda a: (a.name.casefold(), a.name, a.id))

    def companions(self, actor_id: str) -> list[Companion]:
        """The actors sharing most events with this one (top 10, most shared first)."""
        counts = Counter(
            other
            for view in self.by_actor.get(actor_id, ())
            for other in dict.fromkeys(view.event.actors)
            if other != actor_id and other in self.actors
        )
        ranked = sorted(
            counts.items(),
            key=lambda item: (-item[1], self.actors[item[0]].name.casefold(), item[0]),
        )
        return [Companion(i, self.actors[i].name, n) for i, n in ranked[:TOP_CO_ACTORS]]


# ---------------------------------------------------------------- the timeline page


def year_of(date: PartialDate) -> int:
    return date.first_day().year


def month_of(date: PartialDate) -> int | None:
    """The month an event is listed under: None for year precision, else its first day's."""
    return None if date.precision == "year" else date.first_day().month


def timeline_years(events: Sequence[EventView], newest_first: bool) -> list[Year]:
    """Events grouped by year, then month; vague dates at the top of their year or month."""
    buckets: dict[int, dict[int | None, list[EventView]]] = defaultdict(lambda: defaultdict(list))
    for view in events:
        buckets[year_of(view.event.date)][month_of(view.event.date)].append(view)
    years = [Year(y, f"y-{y}", tuple(_sections(y, buckets[y]))) for y in sorted(buckets)]
    return _reverse_years(years) if newest_first else years


def _sections(year: int, months: Mapping[int | None, list[EventView]]) -> Iterator[Section]:
    if None in months:
        yield Section(f"Sometime in {year}", f"y-{year}-any", (Group(None, tuple(months[None])),))
    for month in sorted(m for m in months if m is not None):
        label = f"{MONTH_NAMES[month - 1]} {year}"
        vague = tuple(v for v in months[month] if v.event.date.precision == "month")
        exact = tuple(v for v in months[month] if v.event.date.precision != "month")
        groups = (Group(f"Sometime in {label}", vague),) if vague else ()
        groups += (Group(None, exact),) if exact else ()
        yield Section(label, f"m-{year}-{month:02d}", groups)


def _reverse_years(years: Sequence[Year]) -> list[Year]:
    def section(s: Section) -> Section:
        groups = tuple(Group(g.note, tuple(reversed(g.events))) for g in reversed(s.groups))
        return Section(s.label, s.anchor, groups)

    return [
        Year(y.year, y.anchor, tuple(section(s) for s in reversed(y.sections)))
        for y in reversed(years)
    ]


# ---------------------------------------------------------------- article text


def rendered_sentences(article: Article) -> set[int]:
    """Indexes of the sentences the article page shows (and so gives an id)."""
    by_paragraph = sentences_by_paragraph(article)
    return {s.index for p in article_paragraphs(article) for s in by_paragraph.get(p.index, ())}


def sentences_by_paragraph(article: Article) -> dict[int, list[Sentence]]:
    """Each paragraph's sentences in text order (all under paragraph 0 if the article has
    no paragraphs), in one pass over the sentences."""
    out: dict[int, list[Sentence]] = {}
    for s in article.sentences:
        out.setdefault(s.paragraph if article.paragraphs else 0, []).append(s)
    return {k: sorted(v, key=lambda s: (s.start, s.index)) for k, v in out.items()}


HIDDEN_KINDS = frozenset({"furniture", "title"})  # page furniture; the headline repeated


def article_paragraphs(article: Article) -> tuple[Paragraph, ...]:
    """The paragraphs the article page shows: the text as published, without page furniture
    or the headline repeated in it; the whole text as one paragraph if it has none."""
    if article.paragraphs:
        shown = (p for p in article.paragraphs if p.kind not in HIDDEN_KINDS)
        return tuple(sorted(shown, key=lambda p: (p.start, p.index)))
    return (Paragraph(0, 0, len(article.text), "body"),)


def usable_mentions(article: Article, mentions: Sequence[Mention], actors: Mapping[str, Actor]):
    """Known actors' mentions inside the text, without overlaps (earliest, then longest, wins)."""
    chosen: list[Mention] = []
    cursor = 0
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end, m.actor))
    for m in ordered:
        if m.actor in actors and cursor <= m.start < m.end <= len(article.text):
            chosen.append(m)
            cursor = m.end
    return chosen


def pieces(text: str, start: int, end: int, mentions: Sequence[Mention]) -> tuple[Piece, ...]:
    """Text[start:end] cut into plain runs and actor mentions fully inside the span
    (`mentions` as `usable_mentions` gives them: in order, none overlapping)."""
    out: list[Piece] = []
    cursor = start
    first = bisect.bisect_left(mentions, start, key=lambda m: m.start)  # not a scan of all
    for k in range(first, len(mentions)):
        m = mentions[k]
        if m.start >= end:
            break
        if m.start < cursor or m.end > end:
            continue
        if m.start > cursor:
            out.append(Piece(text[cursor : m.start]))
        out.append(Piece(text[m.start : m.end], m.actor))
        cursor = m.end
    if cursor < end:
        out.append(Piece(text[cursor:end]))
    return tuple(out)


def paragraph_parts(
    article: Article, paragraph: Paragraph, mentions: Sequence[Mention],
    sentences: Sequence[Sentence], events: Mapping[int, tuple[EventView, ...]],
) -> tuple[Part, ...]:
    """A paragraph cut into its `sentences` and the text between them; `events`: the
    events each sentence reports, by sentence index."""
    text, parts, cursor = article.text, [], paragraph.start
    for sentence in sentences:
        start = min(max(sentence.start, cursor), paragraph.end)
        end = max(min(sentence.end, paragraph.end), start)
        if start > cursor:
            parts.append(Part(pieces(text, cursor, start, mentions)))
        told = events.get(sentence.index, ())
        parts.append(Part(pieces(text, start, end, mentions), sentence.index, told))
        cursor = end
    if cursor < paragraph.end:
        parts.append(Part(pieces(text, cursor, paragraph.end, mentions)))
    return tuple(parts)


@dataclass(frozen=True)
class Blocks:
    """An article's text as its page shows it, cut into blocks when the page iterates over
    it; made of its inputs only (the article, its usable mentions, the events each sentence
    reports), so a page key digests these and a page kept from the last build never cuts."""

    article: Article
    mentions: tuple[Mention, ...]
    events: tuple[tuple[int, tuple[EventView, ...]], ...]  # (sentence index, its events)

    def __iter__(self) -> Iterator[Block]:
        by_paragraph, events = sentences_by_paragraph(self.article), dict(self.events)
        for p in article_paragraphs(self.article):
            yield Block(p.kind, paragraph_parts(self.article, p, self.mentions,
                                                by_paragraph.get(p.index, []), events))


def article_blocks(site: Site, article: Article) -> Blocks:
    """The article's text for its page (`Blocks`, cut when iterated)."""
    mentions = usable_mentions(article, site.mentions.get(article.id, ()), site.actors)
    events = tuple((s.index, tuple(told)) for s in article.sentences
                   if (told := site.by_sentence.get((article.id, s.index))))
    return Blocks(article, tuple(mentions), events)
