"""Data exports and publishing extras: CSV, TimelineJS JSON, the events.json schema,
feeds and calendar, sitemap and robots.txt. Pure: returns (or yields) files, writes nothing.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from generator.config import SiteConfig
from generator.model import Article, Event, PartialDate, Timeline, chronological
from generator.output import feeds, ical
from generator.reading import safety
from generator.site import paging, render, urls

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "events.schema.json"
CSV_COLUMNS = (
    "id", "date", "precision", "first_day", "last_day", "status", "title",
    "actors", "actor_ids", "places", "articles", "permalink",
)


# ---------------------------------------------------------------- CSV


def events_csv(timeline: Timeline, config: SiteConfig, order: Sequence[Event] | None = None,
               placed: Mapping[str, str] | None = None) -> bytes:
    """One row per event; lists joined with "; ", ids beside names for joining tables.

    `permalink` (the event's card) is absolute with a site URL, else the path within the
    site. `order` is `chronological(timeline.events)` and `placed` is `paging.placements`,
    when the caller has them already."""
    return b"".join(events_csv_pieces(timeline, config, order, placed))


def events_csv_pieces(timeline: Timeline, config: SiteConfig,
                      order: Sequence[Event] | None = None,
                      placed: Mapping[str, str] | None = None) -> Iterator[bytes]:
    """`events_csv` in pieces of a few hundred rows (the build writes each as it is made)."""
    names = {a.id: a.name for a in timeline.actors}
    placed = paging.placements(timeline.events) if placed is None else placed
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for n, e in enumerate(chronological(timeline.events) if order is None else order, 1):
        actor_ids = list(dict.fromkeys(e.actors))
        path = urls.event_path(e.id, placed.get(e.id, urls.INDEX))
        writer.writerow([
            e.id, e.date.iso(), e.date.precision, e.date.first_day().isoformat(),
            e.date.last_day().isoformat(), e.status, csv_text(e.title),
            csv_text("; ".join(names.get(i, i) for i in actor_ids)), "; ".join(actor_ids),
            csv_text("; ".join(e.places)), "; ".join(dict.fromkeys(s.article for s in e.sources)),
            config.absolute(path) or path,
        ])
        if n % _CSV_ROWS == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


_CSV_ROWS = 500  # rows in a piece of the CSV file


# What makes a spreadsheet read a cell as a formula (or, after a tab or CR, a new cell).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """Text from the articles as a CSV cell no spreadsheet runs as a formula.

    Only the text columns (titles, names, places) pass through here: our own ids, dates
    and links never start with one of these characters, and stay exactly as they are."""
    return "'" + text if text.startswith(_FORMULA_START) else text


# ---------------------------------------------------------------- TimelineJS


def timelinejs_date(date: PartialDate, end: bool = False) -> dict[str, int]:
    """A TimelineJS date at the precision known; a week becomes its Monday (or Sunday)."""
    if date.precision == "week":
        day = date.last_day() if end else date.first_day()
        return {"year": day.year, "month": day.month, "day": day.day}
    found = {"year": date.year, "month": date.month, "day": date.day}
    return {key: value for key, value in found.items() if value is not None}


def timelinejs(timeline: Timeline, config: SiteConfig, order: Sequence[Event] | None = None,
               placed: Mapping[str, str] | None = None) -> bytes:
    """TimelineJS3's JSON: a title slide and one slide per event, links inside the text.

    Links are absolute with a site URL, rooted at the base path when only that is known,
    else relative to the site root (right for a page embedding it beside `index.html`).
    Headlines are short (TimelineJS sets them large); the sources' sentences are the text.
    `order` is `chronological(timeline.events)` and `placed` is `paging.placements`, when
    the caller has them already."""
    return b"".join(timelinejs_pieces(timeline, config, order, placed))


def timelinejs_pieces(timeline: Timeline, config: SiteConfig,
                      order: Sequence[Event] | None = None,
                      placed: Mapping[str, str] | None = None) -> Iterator[bytes]:
    """`timelinejs` in pieces, a slide at a time (the build writes each as it is made)."""
    names = {a.id: a.name for a in timeline.actors}
    articles = {a.id: a for a in timeline.articles}
    placed = paging.placements(timeline.events) if placed is None else placed
    title_text = {"headline": html.escape(config.title)}
    if config.description:
        title_text["text"] = html.escape(config.description)
    link = _SiteLinker(config)
    events = chronological(timeline.events) if order is None else order
    slides = (_slide(e, names, articles, link, placed.get(e.id, urls.INDEX)) for e in events)
    # every string is our markup around html.escape'd text: no `<` of an article's is left
    return safety.json_records_pieces({"title": {"text": title_text}, "events": slides},
                                      markup=True)


class _SiteLinker:
    """TimelineJS links: absolute with a site URL, else rooted at a known base path, else
    the path itself. Each actor's and article's link is made (and escaped) once."""

    def __init__(self, config: SiteConfig):
        self.config = config
        self._actors: dict[str, str] = {}
        self._articles: dict[str, str] = {}
        self._anchors: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        config = self.config
        return config.absolute(path) or (config.rooted(path) if config.base_known else path)

    def actor(self, actor_id: str, name: str) -> str:
        """The name linked to the actor's page."""
        found = self._actors.get(actor_id)
        if found is None:
            found = self._actors[actor_id] = _a(self(urls.actor_path(actor_id)), name)
        return found

    def sentence(self, article: Article, index: int) -> str:
        """The link to a sentence, escaped for an attribute."""
        page = self._articles.get(article.id)
        if page is None:
            page = self._articles[article.id] = html.escape(self(urls.article_path(article.id)))
        anchor = urls.sentence_anchor(index)
        fragment = self._anchors.get(anchor)
        if fragment is None:  # `#anchor` as `__call__` would end a link with it
            whole = self(urls.INDEX + "#" + anchor).removeprefix(self(urls.INDEX))
            fragment = self._anchors[anchor] = html.escape(whole)
        return page + fragment


def _slide(event: Event, names: Mapping[str, str], articles: Mapping[str, Article],
           link: _SiteLinker, page: str) -> dict:
    short = short_headline(event.title)
    slide = {
        "unique_id": urls.event_anchor(event.id),
        "start_date": timelinejs_date(event.date),
        "display_date": event.date.human(),
        "text": {"headline": html.escape(short),
                 "text": _slide_text(event, short, names, articles, link, page)},
        "group": "Planned" if event.status == "planned" else "Reported",
    }
    if event.date.precision == "week":
        slide["end_date"] = timelinejs_date(event.date, end=True)
    return slide


def _slide_text(event: Event, short: str, names: Mapping[str, str],
                articles: Mapping[str, Article], link: _SiteLinker, page: str) -> str:
    """The slide's HTML: who (linked), the first sources with their words, the permalink."""
    parts = []
    if short != event.title:
        parts.append(f"<p>{html.escape(event.title)}</p>")
    who = [(names.get(i), i) for i in dict.fromkeys(event.actors)]
    if who:
        parts.append("<p>" + ", ".join(
            link.actor(i, name) if name else html.escape(i) for name, i in who
        ) + "</p>")
    known = [s for s in event.sources if s.article in articles]
    for s in known[:feeds.SOURCES_SHOWN]:
        article = articles[s.article]
        label = f"{article.outlet}: {article.title}" if article.outlet else article.title
        quote = f" “{html.escape(s.quote)}”" if s.quote else ""
        parts.append(f'<p><a href="{link.sentence(article, s.sentence)}">'
                     f"{html.escape(label)}</a>{quote}</p>")
    if len(known) > feeds.SOURCES_SHOWN:
        parts.append(f"<p>{html.escape(feeds.more_sources(len(known) - feeds.SOURCES_SHOWN))}</p>")
    parts.append(f"<p>{_a(link(urls.event_path(event.id, page)), 'On the timeline')}</p>")
    return "".join(parts)


HEADLINE_LIMIT = 70


def short_headline(title: str, limit: int = HEADLINE_LIMIT) -> str:
    """The title cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—(") + "…"


def _a(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


# ---------------------------------------------------------------- sitemap and robots


def sitemap(pages: Iterable[str], config: SiteConfig) -> bytes:
    """A sitemap of the given HTML pages (`index.html` listed as its folder)."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in sorted(pages):
        pretty = page.removesuffix("index.html")
        lines.append(f"  <url><loc>{xml_escape(config.absolute(pretty) or '')}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode()


def robots(config: SiteConfig) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.absolute(urls.SITEMAP)}\n".encode()


# ---------------------------------------------------------------- all of them


def export_files(timeline: Timeline, config: SiteConfig, pages: Iterable[str],
                 epoch: int | None = None) -> dict[str, bytes]:
    """Feeds, data exports and publishing extras for a rendered site of `pages`."""
    return render.held(export_items(timeline, config, pages, epoch))


def export_items(timeline: Timeline, config: SiteConfig, pages: Iterable[str],
                 epoch: int | None = None) -> Iterator[tuple[str, bytes | Iterator[bytes]]]:
    """`export_files`, one (path, content) at a time: a build writes each as it is made, the
    large data files in pieces (writer.Content)."""
    updated = feeds.feed_updated(timeline, epoch)
    newest = feeds.newest_first(timeline)  # the feeds' order, sorted once for all of them
    order = chronological(timeline.events)  # the data files' order, likewise
    placed = paging.placements(timeline.events)  # the page holding each event's card
    yield from feeds.atom_feeds(timeline, config, updated, newest, placed).items()
    yield urls.FEED_JSON, feeds.json_feed(timeline, config, updated, newest, placed)
    yield urls.DATA_CSV, events_csv_pieces(timeline, config, order, placed)
    yield urls.DATA_ICS, ical.calendar_pieces(timeline, config, updated, order, placed)
    yield urls.DATA_TIMELINEJS, timelinejs_pieces(timeline, config, order, placed)
    yield urls.DATA_SCHEMA, SCHEMA_FILE.read_bytes()
    yield urls.NOJEKYLL, b""
    if config.url:
        yield urls.SITEMAP, sitemap(pages, config)
        yield urls.ROBOTS, robots(config)
