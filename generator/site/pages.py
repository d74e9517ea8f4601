"""The pages of the site: each one's output path, template and context."""

from __future__ import annotations

from collections.abc import Iterator

from generator.dates import undated
from generator.model import Actor, Article
from generator.reading.fields import web_url
from generator.site import enhance, paging, urls
from generator.site.views import ActorRef, Site, article_blocks, article_date, timeline_years

KINDS = (
    ("person", "Person", "People"),
    ("country", "Country", "Countries"),
    ("organization", "Organisation", "Organisations"),
)


def pages(site: Site, plan: paging.Plan) -> Iterator[tuple[str, str, dict]]:
    """(output path, template, context) for every page of the site."""
    yield from timeline_pages(site, plan)  # each event's card, found by search, is there
    yield urls.ACTORS_INDEX, "actors.html", {"groups": actor_groups(site)}
    span = enhance.site_span(site)
    for actor in sorted(site.timeline.actors, key=lambda a: a.id):
        yield from actor_pages(site, actor, span, plan)
    yield urls.ARTICLES_INDEX, "articles.html", {"articles": site.sorted_articles()}
    for article in sorted(site.timeline.articles, key=lambda a: a.id):
        yield urls.article_path(article.id), "article.html", article_context(site, article)
    yield urls.SEARCH, "search.html", {}


def _count(n: int) -> str:
    return f"{n:,} event{'' if n == 1 else 's'}"


def timeline_pages(site: Site, plan: paging.Plan) -> Iterator[tuple[str, str, dict]]:
    """The timeline: one page (and its reverse) or an overview, year and month pages."""
    views = [site.views[e.id] for e in site.events]
    undated = [a for a in site.sorted_articles() if a.date is None]
    base = {"overview": None, "listing": None, "undated": (), "chart": None, "paged": plan.paged,
            "heading": None, "filters": True, "full_cards": False}
    if not plan.paged:
        for path, newest in ((urls.INDEX, False), (urls.NEWEST, True)):
            years = timeline_years(views, newest_first=newest)
            nav = [paging.Entry(str(y.year), f"{path}#{y.anchor}", 0) for y in years]
            summary = f"{_count(len(views))}, {'newest' if newest else 'oldest'} first."
            cards = {} if newest else {  # the cards are on the one page, in rows on the other
                "full_cards": True, **enhance.listing_extras(site, views, "Timeline")}
            yield path, "index.html", {
                **base, "years": years, "newest": newest, "undated": undated, "nav": nav,
                "summary": summary, **enhance.timeline_extras(site, path), **cards}
        return
    recent = views[-paging.RECENT:][::-1]
    yield urls.INDEX, "index.html", {
        **base, "years": [], "newest": False, "undated": undated, "nav": plan.years,
        "overview": {"recent": recent, "pages": paging.split_years(plan)}, "filters": False,
        "summary": f"{_count(len(views))} in {len(plan.years)} year"
                   f"{'' if len(plan.years) == 1 else 's'}.",
        **enhance.timeline_extras(site, plan.month_page)}
    shown, nav = paging.newest(views), [entry.bare() for entry in plan.years]
    yield urls.NEWEST, "index.html", {
        **base, "years": timeline_years(shown, newest_first=True), "newest": True,
        "nav": nav, "summary": f"The newest {_count(len(shown))} of {len(views):,}."}
    for page in plan.lists:
        summary = f"{_count(page.count)} in {page.heading}, oldest first."
        listed = [v for y in page.years for s in y.sections for g in s.groups for v in g.events]
        yield page.path, "index.html", {
            **base, "years": page.years, "newest": False, "nav": nav, "listing": page,
            "heading": page.heading, "summary": summary, "full_cards": True,
            **enhance.listing_extras(site, listed, page.heading)}


def actor_groups(site: Site) -> list[dict]:
    groups = []
    for kind, _, plural in KINDS:
        counted = [(a, len(site.by_actor.get(a.id, ()))) for a in site.sorted_actors(kind)]
        actors = [(a, n) for a, n in counted if n]  # an actor without events is not listed
        if actors:
            groups.append({"kind": kind, "label": plural, "actors": actors})
    return groups


def actor_pages(site: Site, actor: Actor, span, plan: paging.Plan):
    """An actor's page; a busy actor's events are listed a year a page."""
    events = site.by_actor.get(actor.id, [])
    by_year = paging.actor_years(events)
    context = actor_context(site, actor, span, plan, by_year)
    yield urls.actor_path(actor.id), "actor.html", context
    if by_year is None:
        return
    parts = [entry.bare() for entry in context["parts"]]  # shown without their counts
    for year, views in by_year.items():
        yield urls.actor_year_path(actor.id, year), "actor_year.html", {
            "actor": ActorRef(actor.name, actor.id),  # its name and link: all the page shows
            "year": year, "years": timeline_years(views, newest_first=False),
            "count": len(views), "parts": parts}


def actor_context(site: Site, actor: Actor, span=None, plan: paging.Plan | None = None,
                  by_year: dict | None = None) -> dict:
    events = site.by_actor.get(actor.id, [])
    if by_year is None:
        target = plan.month_page if plan else urls.INDEX
        parts = None
    else:
        def target(year: int, _month: int) -> str:
            return urls.actor_year_path(actor.id, year)
        parts = [paging.Entry(str(y), urls.actor_year_path(actor.id, y), len(v))
                 for y, v in by_year.items()]
    groups: dict[int, list] = {}
    for view in events if by_year is None else ():
        groups.setdefault(view.year, []).append(view)
    return {
        **enhance.actor_extras(site, actor, events, span, target),
        "actor": actor,
        "events": events,
        "groups": groups,
        "parts": parts,
        "recent": events[-paging.RECENT:][::-1] if parts else [],
        "companions": site.companions(actor.id),
        "first": events[0].event.date if events else None,
        "last": events[-1].event.date if events else None,
    }


def article_context(site: Site, article: Article) -> dict:
    return {
        **enhance.article_extras(site, article,
                                 (m.actor for m in site.mentions.get(article.id, ()))),
        "article": article,
        "date": article_date(article),
        "url": web_url(article.url),
        "events": site.by_article.get(article.id, []),
        "blocks": article_blocks(site, article),
        "undated": undated.sentences(article),
    }
