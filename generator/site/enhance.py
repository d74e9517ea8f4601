"""What pages add for search and pictures: Pagefind filters and bar charts. Pure.

`pages.pages` merges these into the page contexts. A page whose context has `search`
is indexed (its main content gets `data-pagefind-body`); `search.filters` are the
(filter, value) pairs Pagefind offers as facets: actor, kind and year.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from generator.model import Actor, Article, PartialDate
from generator.site import charts, urls
from generator.site.views import EventView, Site

KIND_FILTER = {"person": "Person", "country": "Country", "organization": "Organisation"}
EVENT_KIND = "Event"
ARTICLE_KIND = "Article"

Filters = tuple[tuple[str, str], ...]


def site_span(site: Site) -> tuple[charts.Month, charts.Month] | None:
    """The months the whole timeline covers; every actor's chart uses the same axis."""
    return charts.month_span(e.date for e in site.events)


def timeline_extras(site: Site, target: str | Callable[[int, int], str]) -> dict:
    """The timeline's bar chart (bars link to the page listing each month: `target`). The
    timeline pages holding the cards are indexed (`listing_extras`)."""
    return {"chart": charts.month_chart([e.date for e in site.events], target)}


def listing_extras(site: Site, views: Sequence[EventView], label: str) -> dict:
    """A timeline page holding event cards: its search record (each card's heading, "date:
    title", is a sub-result linking to the card), its facets and its label."""
    filters = _filters(EVENT_KIND, _actor_names(site, views),
                       _years(v.event.date for v in views))
    return {"search": {"filters": filters, "title": label}}


def actor_extras(site: Site, actor: Actor, events: Sequence[EventView], span,
                 target: str | Callable[[int, int], str] = urls.INDEX) -> dict:
    """The actor's activity over the timeline's months (bars link to `target`), and its
    search facets."""
    dates = [v.event.date for v in events]
    chart = charts.month_chart(dates, target, span=span, height=80) if span else None
    kind = KIND_FILTER.get(actor.kind, actor.kind)
    return {"activity": chart, "search": {"filters": _filters(kind, [actor.name], _years(dates))}}


def article_extras(site: Site, article: Article, named: Iterable[str]) -> dict:
    """An article's search facets: the actors it names (ids `named`), its publication year."""
    years = [str(article.date.year)] if article.date else []
    return {"search": {"filters": _filters(ARTICLE_KIND, _names(site, named), years)}}


def _actor_names(site: Site, views: Iterable[EventView]) -> list[str]:
    return _names(site, (i for v in views for i in v.event.actors))


def _names(site: Site, ids: Iterable[str]) -> list[str]:
    """The known actors' names, once each, in reading order."""
    return sorted({site.actors[i].name for i in ids if i in site.actors},
                  key=lambda n: (n.casefold(), n))


def _years(dates: Iterable[PartialDate]) -> list[str]:
    return [str(y) for y in sorted({d.first_day().year for d in dates})]


def _filters(kind: str, actors: Iterable[str], years: Iterable[str]) -> Filters:
    pairs = [("kind", kind)] + [("actor", a) for a in actors] + [("year", y) for y in years]
    return tuple(pairs)
