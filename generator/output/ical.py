"""Events as an iCalendar file (RFC 5545): one all-day VEVENT per event. Pure.

A day is a one-day event; a week, month or year is an all-day span over the days it
covers (DTEND is the day after, as the standard has it). Text is escaped, lines are
folded at 75 octets without splitting a character, and every line ends in CRLF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from generator.config import SiteConfig
from generator.model import Article, Event, Timeline, chronological
from generator.output.feeds import SOURCES_SHOWN, more_sources
from generator.site import urls

PRODID = "-//timeline-generator//Timeline//EN"
_LIMIT = 75


def escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped, controls dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c == "\n" or c == "\t" or ord(c) >= 0x20 and c != "\x7f")
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """One content line folded into pieces of at most 75 octets, joined by CRLF + space."""
    if len(line) * 4 <= _LIMIT or len(line.encode("utf-8")) <= _LIMIT:
        return line
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = _LIMIT if not pieces else _LIMIT - 1  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def date_value(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def uid(event_id: str, config: SiteConfig) -> str:
    """Stable across builds: the event id at the site's host (or at the generator's name)."""
    host = urlsplit(config.url).hostname if config.url else None
    return f"{urls.safe_name(event_id)}@{host or 'timeline-generator'}"


def vevent(event: Event, names: Mapping[str, str], articles: Mapping[str, Article],
           config: SiteConfig, stamp: dt.datetime) -> list[str]:
    """The content lines of one event (unfolded)."""
    planned = event.status == "planned"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(uid(event.id, config))}",
        f"DTSTAMP:{stamp.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{date_value(event.date.first_day())}",
        f"DTEND;VALUE=DATE:{date_value(event.date.last_day() + dt.timedelta(days=1))}",
        f"SUMMARY:{escape(('Planned: ' if planned else '') + event.title)}",
        f"DESCRIPTION:{escape(_description(event, names, articles))}",
        f"STATUS:{'TENTATIVE' if planned else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT",
    ]
    if event.places:
        lines.append(f"LOCATION:{escape(', '.join(event.places))}")
    who = [names.get(i, i) for i in dict.fromkeys(event.actors)]
    if who:
        lines.append("CATEGORIES:" + ",".join(escape(name) for name in who))
    url = config.absolute(urls.event_path(event.id))
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def _description(event: Event, names: Mapping[str, str], articles: Mapping[str, Article]) -> str:
    parts = [f"When: {event.date.human()} ({event.date.precision})"]
    who = [names.get(i, i) for i in dict.fromkeys(event.actors)]
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


def calendar(timeline: Timeline, config: SiteConfig, stamp: dt.datetime) -> bytes:
    """The whole `events.ics`, events in chronological order."""
    names = {a.id: a.name for a in timeline.actors}
    articles = {a.id: a for a in timeline.articles}
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
    for event in chronological(timeline.events):
        lines += vevent(event, names, articles, config, stamp)
    lines.append("END:VCALENDAR")
    return _join(lines)


def _join(lines: Iterable[str]) -> bytes:
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")
