"""Events as an iCalendar file (RFC 5545): one all-day VEVENT per event. Pure.

A day is a one-day event; a week, month or year is an all-day span over the days it
covers (DTEND is the day after, as the standard has it). Text is escaped, lines are
folded at 75 octets without splitting a character, and every line ends in CRLF.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from urllib.parse import urlsplit

from generator.config import SiteConfig
from generator.model import Article, Event, Timeline, chronological
from generator.output.feeds import SOURCES_SHOWN, more_sources
from generator.site import paging, urls

PRODID = "-//timeline-generator//Timeline//EN"
_LIMIT = 75


# Control characters a TEXT value cannot carry (tab and newline can, newline escaped).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_ESCAPES = (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n"))


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped, controls dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    for plain, escaped in _ESCAPES:
        if plain in text:
            text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """One content line folded into pieces of at most 75 octets, joined by CRLF + space."""
    if len(line) * 4 <= _LIMIT:
        return line
    return _fold(line.encode("utf-8")).decode("utf-8")


def _fold(raw: bytes) -> bytes:
    """`fold` on the encoded line: cut every 75 octets (74 after the first piece, which
    the leading space fills up), moved back to the start of a character if it falls inside
    one (a UTF-8 continuation byte is 10xxxxxx)."""
    if len(raw) <= _LIMIT:
        return raw
    pieces, start, limit = [], 0, _LIMIT
    while len(raw) - start > limit:
        end = start + limit
        while raw[end] & 0xC0 == 0x80:
            end -= 1
        pieces.append(raw[start:end])
        start, limit = end, _LIMIT - 1
    pieces.append(raw[start:])
    return b"\r\n ".join(pieces)


def date_value(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def uid(event_id: str, config: SiteConfig) -> str:
    """Stable across builds: the event id at the site's host (or at the generator's name)."""
    return f"{urls.safe_name(event_id)}@{_uid_host(config)}"


def _uid_host(config: SiteConfig) -> str:
    host = urlsplit(config.url).hostname if config.url else None
    return host or "timeline-generator"


def vevent(event: Event, names: Mapping[str, str], articles: Mapping[str, Article],
           config: SiteConfig, stamp: dt.datetime, host: str | None = None,
           page: str = urls.INDEX) -> list[str]:
    """The content lines of one event (unfolded); `host` is `_uid_host(config)`, if known;
    `page` is the timeline page holding its card."""
    planned = event.status == "planned"
    who = [names.get(i, i) for i in dict.fromkeys(event.actors)]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(urls.safe_name(event.id) + '@' + (host or _uid_host(config)))}",
        f"DTSTAMP:{_stamp(stamp)}",
        f"DTSTART;VALUE=DATE:{date_value(event.date.first_day())}",
        f"DTEND;VALUE=DATE:{date_value(event.date.last_day() + dt.timedelta(days=1))}",
        f"SUMMARY:{escape(('Planned: ' if planned else '') + event.title)}",
        f"DESCRIPTION:{escape(_description(event, who, articles))}",
        f"STATUS:{'TENTATIVE' if planned else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT",
    ]
    if event.places:
        lines.append(f"LOCATION:{escape(', '.join(event.places))}")
    if who:
        lines.append("CATEGORIES:" + ",".join(escape(name) for name in who))
    url = config.absolute(urls.event_path(event.id, page))
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def _stamp(stamp: dt.datetime) -> str:
    return stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(event: Event, who: list[str], articles: Mapping[str, Article]) -> str:
    parts = [f"When: {event.date.human()} ({event.date.precision})"]
    if who:
        parts.append("Who: " + ", ".join(who))
    known = [s for s in event.sources if s.article in articles]
    for source in known[:SOURCES_SHOWN]:
        article = articles[source.article]
        where = f"{article.outlet}: {article.title}" if article.outlet else article.title
        parts.append(f"{where}: “{source.quote}”" if source.quote else where)
    if len(known) > SOURCES_SHOWN:
        parts.append(more_sources(len(known) - SOURCES_SHOWN))
    return "\n".join(parts)


def calendar(timeline: Timeline, config: SiteConfig, stamp: dt.datetime,
             order: Sequence[Event] | None = None,
             placed: Mapping[str, str] | None = None) -> bytes:
    """The whole `events.ics`, events in chronological order (`order`, when the caller
    has already sorted them; `placed`: `paging.placements`, likewise)."""
    return b"".join(calendar_pieces(timeline, config, stamp, order, placed))


def calendar_pieces(timeline: Timeline, config: SiteConfig, stamp: dt.datetime,
                    order: Sequence[Event] | None = None,
                    placed: Mapping[str, str] | None = None) -> Iterator[bytes]:
    """`calendar` in pieces, an event at a time (the build writes each as it is made)."""
    names = {a.id: a.name for a in timeline.actors}
    articles = {a.id: a for a in timeline.articles}
    host = _uid_host(config)
    placed = paging.placements(timeline.events) if placed is None else placed
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(config.title)}",
    ]
    if config.description:
        lines.append(f"X-WR-CALDESC:{escape(config.description)}")
    yield _join(lines)
    for event in chronological(timeline.events) if order is None else order:
        yield _join(vevent(event, names, articles, config, stamp, host, placed[event.id]))
    yield _join(["END:VCALENDAR"])


def _join(lines: Iterable[str]) -> bytes:
    """The folded lines, each ending in CRLF, as UTF-8."""
    return b"".join([_fold(line.encode("utf-8")) + b"\r\n" for line in lines])
