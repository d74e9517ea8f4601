"""`data/events.json`: the event records as data, in a stable order (see events.schema.json)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Actor, Article, Event, Timeline, event_order


def events_json(timeline: Timeline) -> dict:
    """The machine-readable data: articles, actors and events in a stable order."""
    return {key: list(records) for key, records in events_records(timeline).items()}


def events_records(timeline: Timeline) -> dict[str, Iterator[dict]]:
    """`events_json` with each list an iterator: records made one at a time, so writing
    the file never holds them all (`safety.json_records_bytes`)."""
    return {
        "articles": (_article_json(a) for a in sorted(timeline.articles, key=lambda a: a.id)),
        "actors": (_actor_json(a) for a in sorted(timeline.actors, key=lambda a: a.id)),
        "events": (_event_json(e) for e in sorted(timeline.events, key=event_order)),
    }


def _article_json(article: Article) -> dict:
    return {
        "id": article.id,
        "file": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "date_origin": article.date_origin,
        "outlet": article.outlet,
        "url": article.url,
    }


def _actor_json(actor: Actor) -> dict:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "roles": [
            {
                "title": r.title,
                "from": r.start.iso() if r.start else None,
                "to": r.end.iso() if r.end else None,
            }
            for r in actor.roles
        ],
        "description": actor.description,
    }


def _event_json(event: Event) -> dict:
    out = {
        "id": event.id,
        "date": event.date.iso(),
        "precision": event.date.precision,
        "date_text": event.date_text,
        "status": event.status,
        "title": event.title,
        "actors": list(event.actors),
        "places": list(event.places),
        "sources": [
            {
                "article": s.article,
                "sentence": s.sentence,
                "start": s.start,
                "end": s.end,
                "quote": s.quote,
                "date_text": s.date_text,
                **({"date": s.date.iso()} if event.disputed and s.date else {}),
            }
            for s in event.sources
        ],
    }
    if event.disputed:  # only then, so that agreeing events read as before
        out["dates"] = [d.iso() for d in event.disputed]
    return out
