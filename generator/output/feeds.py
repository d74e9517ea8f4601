"""Feeds of events: Atom (the whole timeline and one per actor) and JSON Feed 1.1. Pure.

Links are absolute when the site URL is configured, else relative to the feed file
(feed readers resolve them against the feed's own address). No clock is read: the
feed's `updated` is the newest article's publication day, or `SOURCE_DATE_EPOCH`
when the caller passes one.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.config import SiteConfig
from generator.model import Actor, Article, Event, Timeline
from generator.reading import safety
from generator.site import paging, urls

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "timeline-generator"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 cannot carry at all; an article may still contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_DAY = EPOCH.date()
# Readers fetch a whole feed every time: keep it to the newest entries, each to its first
# few sources (the complete data is in data/events.json, .csv and .ics).
FEED_LIMIT = 100
SOURCES_SHOWN = 5
# An actor's feed: its newest entries, each short (title, dates, links; no quotes), so
# hundreds of actors cost little (twenty each: 40 MiB at 10,000 articles).
ACTOR_FEED_LIMIT = 10
NAMES_SHOWN = 10


def more_sources(hidden: int) -> str:
    """The line that stands for the sources left out of an entry."""
    return f"… and {hidden} more source{'' if hidden == 1 else 's'}" if hidden else ""


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 forbids removed."""
    return _NOT_XML.sub("", text)


def rfc3339(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def feed_updated(timeline: Timeline, epoch: int | None = None) -> dt.datetime:
    """`SOURCE_DATE_EPOCH` if given, else the newest publication day (1970 if none is known)."""
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.UTC)
    days = [a.date for a in timeline.articles if a.date is not None]
    return day_start(max(days)) if days else EPOCH


def entry_id(event_id: str) -> str:
    """A stable, globally unique id for an event: a name-based UUID of its id."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{GENERATOR}:event:{event_id}").urn


# ---------------------------------------------------------------- what an entry says


@dataclass(frozen=True)
class Facts:
    """Everything a feed entry shows about one event, links already made for its file."""

    event: Event
    url: str
    actors: tuple[tuple[str, str, str | None], ...]  # (id, name, link to the actor page)
    sources: tuple[tuple[str, str, str], ...]  # (label, link to the sentence, quote)
    published: dt.datetime | None
    updated: dt.datetime | None
    hidden: int = 0  # sources left out (beyond SOURCES_SHOWN)

    @property
    def heading(self) -> str:
        planned = " (planned)" if self.event.status == "planned" else ""
        return f"{self.event.date.human()}{planned}: {self.event.title}"

    def text(self) -> str:
        """A plain-text summary: date, who, where, and the first source's words."""
        lines = [self.heading]
        if self.actors:
            lines.append("Who: " + ", ".join(name for _, name, _ in self.actors))
        if self.event.places:
            lines.append("Where: " + ", ".join(self.event.places))
        lines += [f"{label}: “{quote}”" if quote else label for label, _, quote in self.sources]
        if self.hidden:
            lines.append(more_sources(self.hidden))
        return "\n".join(lines)

    def html(self) -> str:
        """The same as a small HTML fragment, with links."""
        out = [f"<p>{_esc(self.heading)}</p>"]
        if self.actors:
            who = ", ".join(_a(link, name) for _, name, link in self.actors)
            out.append(f"<p>Who: {who}</p>")
        if self.event.places:
            out.append(f"<p>Where: {_esc(', '.join(self.event.places))}</p>")
        items = [
            f"<li>{_a(link, label)}" + (f"<blockquote>{_esc(q)}</blockquote>" if q else "") + "</li>"
            for label, link, q in self.sources
        ]
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
        if self.hidden:
            out.append(f"<p>{_esc(more_sources(self.hidden))}</p>")
        out.append(f"<p>{_a(self.url, 'On the timeline')}</p>")
        return "".join(out)


    def brief_html(self) -> str:
        """A short HTML fragment: the first few actors (linked) and places, links to the
        first sources without their words, and the link to the timeline."""
        out = []
        if self.actors:
            who = [_a(link, name) for _, name, link in self.actors[:NAMES_SHOWN]]
            out.append(f"<p>Who: {_more(who, len(self.actors))}</p>")
        if self.event.places:
            where = [_esc(place) for place in self.event.places[:NAMES_SHOWN]]
            out.append(f"<p>Where: {_more(where, len(self.event.places))}</p>")
        if self.sources:
            out.append("<ul>" + "".join(f"<li>{_a(link, label)}</li>"
                                        for label, link, _ in self.sources) + "</ul>")
        if self.hidden:
            out.append(f"<p>{_esc(more_sources(self.hidden))}</p>")
        out.append(f"<p>{_a(self.url, 'On the timeline')}</p>")
        return "".join(out)


def _more(shown: list[str], total: int) -> str:
    """Names joined with commas, and how many more there are."""
    hidden = total - len(shown)
    return ", ".join(shown) + (f" and {hidden} more" if hidden else "")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _a(href: str | None, text: str) -> str:
    return f'<a href="{_esc(href)}">{_esc(text)}</a>' if href else _esc(text)


class Linker:
    """Links from one output file: absolute with a site URL, else relative to the file.

    The link to each page is made once; a fragment (`#s-3`) is added to it, as
    `urls.relative` and `SiteConfig.absolute` would."""

    def __init__(self, config: SiteConfig, from_path: str):
        self.config, self.from_path = config, from_path
        self._pages: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        page, sign, fragment = path.partition("#")
        page += sign
        prefix = self._pages.get(page)
        if prefix is None:
            prefix = self.config.absolute(page) or urls.relative(self.from_path, page)
            self._pages[page] = prefix
        if fragment and self.config.url:
            fragment = self.config.absolute(fragment).removeprefix(self.config.url)
        return prefix + fragment


def newest_first(timeline: Timeline) -> list[Event]:
    """The events in feed order: the most recently reported first (by the publication day
    of its newest source), then the latest event, then by id."""
    days = {a.id: a.date for a in timeline.articles}

    def key(event: Event) -> tuple:
        known = [d for d in (days.get(s.article) for s in event.sources) if d is not None]
        return (max(known) if known else _EPOCH_DAY, event.date.sort_key(), event.id)

    return sorted(timeline.events, key=key, reverse=True)


def event_facts(event: Event, actors: Mapping[str, Actor], articles: Mapping[str, Article],
                link: Linker, page: str = urls.INDEX) -> Facts:
    """What an entry shows of one event (its card is on the timeline page `page`): its first
    sources only, dated by all of them."""
    who = tuple(
        (i, actors[i].name, link(urls.actor_path(i))) if i in actors else (i, i, None)
        for i in dict.fromkeys(event.actors)
    )
    known = [(s, articles[s.article]) for s in event.sources if s.article in articles]
    sources = tuple(
        (f"{a.outlet}: {a.title}" if a.outlet else a.title,
         link(urls.sentence_path(a.id, s.sentence)), s.quote)
        for s, a in known[:SOURCES_SHOWN]
    )
    days = [a.date for _, a in known if a.date is not None]
    published = day_start(min(days)) if days else None
    updated = day_start(max(days)) if days else None
    url = link(urls.event_path(event.id, page))
    return Facts(event, url, who, sources, published, updated, len(known) - len(sources))


# ---------------------------------------------------------------- Atom


@dataclass(frozen=True)
class FeedInfo:
    """The feed-level facts: its title, where it lives and what it is the feed of."""

    title: str
    path: str  # the feed file
    page: str  # the page the feed follows
    subtitle: str = ""


def atom(info: FeedInfo, facts: Iterable[Facts], config: SiteConfig,
         updated: dt.datetime) -> bytes:
    """An Atom 1.0 document (RFC 4287) of the first `FEED_LIMIT` facts."""
    entries = [_xml(_atom_entry(fact, updated)) for fact in list(facts)[:FEED_LIMIT]]
    return _atom_document(info, entries, config, updated)


def _atom_document(info: FeedInfo, entries: Iterable[str], config: SiteConfig,
                   updated: dt.datetime) -> bytes:
    """The feed with its entries, each already serialised by `_xml`."""
    link = Linker(config, info.path)
    root = ET.Element("feed", {"xmlns": ATOM_NS, _XML_LANG: config.language})
    _sub(root, "id", config.absolute(info.path) or _feed_urn(config, info.path))
    _sub(root, "title", info.title)
    if info.subtitle:
        _sub(root, "subtitle", info.subtitle)
    _sub(root, "updated", rfc3339(updated))
    ET.SubElement(root, "link", rel="self", type="application/atom+xml", href=link(info.path))
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=link(info.page))
    _sub(ET.SubElement(root, "author"), "name", config.title)
    _sub(root, "generator", GENERATOR)
    ET.indent(root)
    head = ET.tostring(root, encoding="unicode").removesuffix("\n</feed>")
    body = "".join([head, *("\n  " + entry for entry in entries), "\n</feed>"])
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode()


def _xml(entry: ET.Element) -> str:
    """An entry as it reads inside the indented feed (what `ET.indent` of the feed gives)."""
    ET.indent(entry, level=1)
    return ET.tostring(entry, encoding="unicode")


def _atom_entry(fact: Facts, fallback: dt.datetime, brief: bool = False) -> ET.Element:
    """An entry; a `brief` one (in an actor's feed) has the first actors as categories,
    no summary, and links without the sources' words as content."""
    entry = ET.Element("entry")
    _sub(entry, "id", entry_id(fact.event.id))
    _sub(entry, "title", fact.heading)
    _sub(entry, "updated", rfc3339(fact.updated or fallback))
    if fact.published:
        _sub(entry, "published", rfc3339(fact.published))
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=fact.url)
    for actor_id, name, _ in fact.actors[:NAMES_SHOWN] if brief else fact.actors:
        entry.append(_category(actor_id, name))
    if not brief:
        _sub(entry, "summary", fact.text())
    _sub(entry, "content", fact.brief_html() if brief else fact.html(), type="html")
    return entry


def _category(actor_id: str, name: str) -> ET.Element:
    return ET.Element("category", term=xml_text(actor_id), label=xml_text(name))


@dataclass(frozen=True)
class _Brief:
    """An actor-feed entry, serialised once for every feed it is in. An actor beyond the
    first NAMES_SHOWN still gets its own category, put in before the content."""

    shown: frozenset[str]  # the actors with a category
    head: str  # up to the content element
    tail: str  # from the content element

    @classmethod
    def of(cls, fact: Facts, fallback: dt.datetime) -> _Brief:
        text = _xml(_atom_entry(fact, fallback, brief=True))
        cut = text.rindex("<content ")
        return cls(frozenset(i for i, _, _ in fact.actors[:NAMES_SHOWN]), text[:cut], text[cut:])

    def xml(self, actor: Actor) -> str:
        if actor.id in self.shown:
            return self.head + self.tail
        category = ET.tostring(_category(actor.id, actor.name), encoding="unicode")
        return f"{self.head}{category}\n    {self.tail}"


def _sub(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = xml_text(text)
    return element


def _feed_urn(config: SiteConfig, path: str) -> str:
    """A feed id without a site URL: stable for a site title and feed file."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{GENERATOR}:feed:{config.title}:{path}").urn


def atom_feeds(timeline: Timeline, config: SiteConfig, updated: dt.datetime,
               order: Sequence[Event] | None = None,
               placed: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """`feed.xml` for the whole timeline and `actors/<id>.xml` for each actor (`order`:
    `newest_first(timeline)`, `placed`: `paging.placements`, if the caller has them)."""
    order = newest_first(timeline) if order is None else order
    placed = paging.placements(timeline.events) if placed is None else placed
    actors = {a.id: a for a in timeline.actors}
    articles = {a.id: a for a in timeline.articles}
    whole = FeedInfo(config.title, urls.FEED_ATOM, urls.INDEX, config.description)
    link = Linker(config, whole.path)
    files = {whole.path: atom(whole, [event_facts(e, actors, articles, link, placed[e.id])
                                      for e in order[:FEED_LIMIT]], config, updated)}
    if not timeline.actors:
        return files
    # Each actor's newest events, in one walk over all of them.
    newest: dict[str, list[Event]] = {actor_id: [] for actor_id in actors}
    for event in order:
        for actor_id in dict.fromkeys(event.actors):
            chosen = newest.get(actor_id)
            if chosen is not None and len(chosen) < ACTOR_FEED_LIMIT:
                chosen.append(event)
    # Every actor feed lives in one folder, so an entry reads the same in each of them:
    # make it once.
    folder_link = Linker(config, urls.actor_feed_path(timeline.actors[0].id))
    briefs: dict[str, _Brief] = {}
    for actor in sorted(timeline.actors, key=lambda a: a.id):
        info = FeedInfo(f"{actor.name} · {config.title}", urls.actor_feed_path(actor.id),
                        urls.actor_path(actor.id), actor.description or "")
        entries = []
        for event in newest[actor.id]:
            brief = briefs.get(event.id)
            if brief is None:
                fact = event_facts(event, actors, articles, folder_link, placed[event.id])
                brief = briefs[event.id] = _Brief.of(fact, updated)
            entries.append(brief.xml(actor))
        files[info.path] = _atom_document(info, entries, config, updated)
    return files


# ---------------------------------------------------------------- JSON Feed


def json_feed(timeline: Timeline, config: SiteConfig, updated: dt.datetime,
              order: Sequence[Event] | None = None,
              placed: Mapping[str, str] | None = None) -> bytes:
    """A JSON Feed 1.1 document of the newest events (`_timeline`: the date as we know it;
    `order`, `placed`: as for `atom_feeds`)."""
    order = newest_first(timeline) if order is None else order
    placed = paging.placements(timeline.events) if placed is None else placed
    actors = {a.id: a for a in timeline.actors}
    articles = {a.id: a for a in timeline.articles}
    link = Linker(config, urls.FEED_JSON)
    feed: dict = {
        "version": JSON_FEED_VERSION,
        "title": config.title,
        "home_page_url": link(urls.INDEX),
        "feed_url": link(urls.FEED_JSON),
        "description": config.description,
        "language": config.language,
        "authors": [{"name": config.title}],
        "items": [_json_item(event_facts(e, actors, articles, link, placed[e.id]), updated)
                  for e in order[:FEED_LIMIT]],
    }
    if not feed["description"]:
        del feed["description"]
    return safety.json_bytes(feed)  # no string can open or close an HTML tag


def _json_item(fact: Facts, fallback: dt.datetime) -> dict:
    item = {
        "id": entry_id(fact.event.id),
        "url": fact.url,
        "title": fact.heading,
        "content_html": fact.html(),
        "content_text": fact.text(),
        "date_published": rfc3339(fact.published or fallback),
        "date_modified": rfc3339(fact.updated or fallback),
        "tags": [name for _, name, _ in fact.actors],
        "_timeline": {
            "event": fact.event.id,
            "date": fact.event.date.iso(),
            "precision": fact.event.date.precision,
            "status": fact.event.status,
        },
    }
    return item
