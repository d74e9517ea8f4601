"""Turn a Timeline into the files of a static site. Pure: returns bytes, writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from generator.config import SiteConfig  # `render.SiteConfig` stays: build and benches use it
from generator.incremental.fingerprint import files_digest
from generator.model import Mention, Role, Timeline
from generator.site import paging, urls
from generator.site.pagekeys import Known, PageIndex, PageKeys, content_digest
from generator.site.pages import KINDS, pages
from generator.site.views import Site, article_date, year_of

KIND_LABEL = {kind: label for kind, label, _ in KINDS}


def role_span(role: Role) -> str:
    """A role's dates as a person reads them: "2012 – 2020", "since May 2012", ""."""
    start = role.start.human() if role.start else None
    end = role.end.human() if role.end else None
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return ""


# ---------------------------------------------------------------- links


@dataclass(frozen=True)
class Links:
    """Links from one page, computed through `urls.relative`; templates call these.

    `placed` gives the timeline page listing each event (`index.html` if not given)."""

    page: str
    placed: Mapping[str, str] = field(default_factory=dict)

    def to(self, path: str) -> str:
        return urls.relative(self.page, path)

    def actor(self, actor_id: str) -> str:
        return self.to(urls.actor_path(actor_id))

    def article(self, article_id: str, sentence: int | None = None) -> str:
        if sentence is None:
            return self.to(urls.article_path(article_id))
        return self.to(urls.sentence_path(article_id, sentence))

    def event(self, event_id: str) -> str:
        """The event on the timeline page that lists it."""
        return self.to(urls.event_path(event_id, self.placed.get(event_id, urls.INDEX)))

    def static(self, name: str) -> str:
        return self.to(urls.static_path(name))

    def actor_feed(self, actor_id: str) -> str:
        return self.to(urls.actor_feed_path(actor_id))


@dataclass(frozen=True)
class RootLinks(Links):
    """Links for a page served at any depth (the 404 page): rooted at the base path when it
    is known; else relative to the site root, and the page's script finds the root."""

    config: SiteConfig = field(default_factory=SiteConfig)

    def to(self, path: str) -> str:
        if self.config.base_known:
            return self.config.rooted(path)
        return urls.relative(urls.NOT_FOUND, path)


# ---------------------------------------------------------------- rendering


def environment(templates_dir: Path, theme: Path | None = None) -> Environment:
    """Templates from the theme folder first (a user's overrides), then ours."""
    folders = [theme, templates_dir] if theme is not None else [templates_dir]
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(kind_label=KIND_LABEL, role_span=role_span, article_date=article_date,
                       actor_key=urls.safe_name, year_of=year_of)
    return env


def render_page(
    env: Environment, template: str, path: str, config: SiteConfig, context: dict,
    link: Links | None = None,
) -> bytes:
    section = path.split("/")[0] if "/" in path else "timeline"
    section = "search" if path == urls.SEARCH else section
    section = "" if path == urls.NOT_FOUND else section
    rooted = isinstance(link, RootLinks)  # served at any depth: no canonical address
    canonical = None if rooted else config.absolute(path.removesuffix("index.html"))
    page = env.get_template(template).render(
        config=config, link=link or Links(path), page=path, section=section,
        canonical=canonical, **context
    )
    return page.encode("utf-8")


def render_site(
    timeline: Timeline,
    config: SiteConfig,
    templates_dir: Path,
    mentions: Mapping[str, Sequence[Mention]] | None = None,
) -> dict[str, bytes]:
    """Every page of the site (HTML): output path -> content. Data and assets: `output`."""
    return held(render_pages(timeline, config, templates_dir, mentions))


def held(files: Iterable[tuple[str, bytes | Iterator[bytes] | Known]]) -> dict[str, bytes]:
    """Files made one at a time, held together: path -> content (one made in pieces is
    joined, a known one made). A repeated path is an error."""
    out: dict[str, bytes] = {}
    for path, content in files:
        if path in out:
            raise ValueError(f"two pages would be written to {path} (duplicate id?)")
        out[path] = content if isinstance(content, bytes) else \
            content.make() if isinstance(content, Known) else b"".join(content)
    return out


def _reused(index: PageIndex, key: str | None, make: Callable[[], bytes]) -> bytes | Known:
    """The page rendered now (and its digest noted under `key`), or `Known` by the digest
    the index holds for `key`, to be rendered only if the old file is not that."""
    def made() -> bytes:
        content = make()
        if key is not None:
            index.record(key, content_digest(content))
        return content
    known = index.known(key) if key is not None else None
    if known is None:
        return made()
    index.record(key, known)
    return Known(known, made)


def render_pages(
    timeline: Timeline,
    config: SiteConfig,
    templates_dir: Path,
    mentions: Mapping[str, Sequence[Mention]] | None = None,
    index: PageIndex | None = None,
) -> Iterator[tuple[str, bytes | Known]]:
    """Every page of the site, (output path, content), one at a time: a build writes each
    as it comes instead of holding the whole site.

    With an `index` of what the last build wrote, a page whose key (pagekeys.py) it knows
    comes as `Known`: the writer keeps the old file if it is unchanged, else renders it."""
    env, site = environment(Path(templates_dir), config.theme), Site(timeline, mentions)
    plan = paging.plan([site.views[e.id] for e in site.events])
    keys = None if index is None else \
        PageKeys(files_digest((config.theme, Path(templates_dir))), plan.placed)
    for path, template, context in pages(site, plan):
        def make(path=path, template=template, context=context) -> bytes:
            return render_page(env, template, path, config, context, Links(path, plan.placed))
        if keys is None or index is None:
            yield path, make()
            continue
        yield path, _reused(index, keys.key(template, path, config, context), make)
    yield urls.NOT_FOUND, render_page(env, "404.html", urls.NOT_FOUND, config, {},
                                      RootLinks(urls.NOT_FOUND, config=config))
