"""The build: articles folder in, site files out. Collects diagnostics; prints nothing."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from generator import ids as slugs
from generator.actors import resolve as actor_mod
from generator.dates import undated
from generator.events import extract as event_mod
from generator.incremental import Cache, CachedSentences, Memo, PageMemo, cache_folder, scratch, stamp
from generator.incremental import read_corpus as read_cached
from generator.model import Actor, Article, Diagnostic, Mention, Timeline
from generator.output import eventsjson, exports, writer
from generator.output import search as search_mod
from generator.reading import corpus, safety, sourcefiles
from generator.site import render, templateerrors, urls
from generator.site.pagekeys import Known, PageIndex

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _assets(name: str) -> Path:
    """The default `templates` or `static` folder: inside an installed package, else the
    checkout's own (see pyproject.toml)."""
    inside = Path(__file__).resolve().parent / name
    return inside if inside.is_dir() else PROJECT_ROOT / name


TEMPLATES = _assets("templates")
STATIC = _assets("static")
REGISTRY_NAME = "actors.yaml"


@dataclass(frozen=True)
class Summary:
    """What a build reports (the CLI prints it); kept in the cache's stamp, so a build that
    finds the site up to date reports it again without reading anything."""

    articles: int
    events: int
    actors: int
    files: int
    dating: tuple[str, ...]  # `dating_report`
    diagnostics: tuple[Diagnostic, ...]

    @classmethod
    def of(cls, timeline: Timeline, files: int = 0) -> Summary:
        return cls(len(timeline.articles), len(timeline.events), len(timeline.actors), files,
                   tuple(dating_report(timeline.articles)), timeline.diagnostics)


@dataclass(frozen=True)
class BuildResult:
    """What a build made and what it found wrong."""

    timeline: Timeline | None  # None when up to date: nothing was read (see `summary`)
    mentions: Mapping[str, Sequence[Mention]]
    files: tuple[str, ...] = ()  # the site paths written; empty when up to date
    search: search_mod.SearchReport | None = None  # None: indexing was not asked for
    reused: int = 0  # articles whose extraction came from the cache
    last: Summary | None = None  # set when up to date: what the last build reported

    @property
    def up_to_date(self) -> bool:
        """Whether the site was left as it was: inputs and output as the last build left them."""
        return self.last is not None

    @property
    def summary(self) -> Summary:
        if self.last is not None:
            return self.last
        assert self.timeline is not None  # a build that did not read has `last`
        return Summary.of(self.timeline, len(self.files))

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        if self.last is not None:
            return self.last.diagnostics
        assert self.timeline is not None
        return self.timeline.diagnostics

    def failed(self, strict: bool = False) -> bool:
        """Errors always fail a build; warnings too under `--strict`."""
        bad = {"error", "warning"} if strict else {"error"}
        return any(d.level in bad for d in self.diagnostics)


Progress = Callable[[str, int, int], None]  # (stage, done, total): read, actors, events, ...


def make_timeline(source: Path, max_size: int = sourcefiles.DEFAULT_MAX_SIZE,
                  cache: Cache | None = None, jobs: int = 1,
                  progress: Progress | None = None) -> tuple[
    Timeline, Mapping[str, Sequence[Mention]]
]:
    """Read every article under `source` and extract actors and events.

    Each article's own work (reading, dates, tokens, units) comes from `cache` when it has
    it, and runs over `jobs` processes; the timeline is the same either way (without
    either, the stages do it all themselves, as tests/test_incremental.py compares)."""
    say = progress or (lambda stage, done, total: None)
    if cache is None and jobs <= 1:
        articles, diags = corpus.read_corpus(source, max_size)
        extracted, keys = {}, {}
    else:
        articles, diags, extracted, keys = read_cached(source, max_size, cache, jobs, say)
    registry: tuple[actor_mod.RegistryEntry, ...] = ()
    reg_path = source / REGISTRY_NAME
    # read_corpus has already reported a registry that is a link out, too big or not a file
    if reg_path.is_file() and sourcefiles.usable(source, REGISTRY_NAME, max_size)[0]:
        registry, reg_diags = actor_mod.load_registry(reg_path, display=REGISTRY_NAME)
        diags = diags + reg_diags
    say("actors", 0, len(articles))
    timexes = {k: e.timexes for k, e in extracted.items()}
    # with a cache, each pass of the actors stage reads an article's tokens and units
    # again from it: a large corpus's tokens are never all in memory at once
    sentences = CachedSentences(cache, keys, extracted) if cache is not None else \
        actor_mod.Held({k: e.tokens for k, e in extracted.items()})
    del extracted
    memo = Memo(cache, keys) if cache is not None and not cache.scratch else None
    found = actor_mod.find_actors(articles, registry, sentences, memo)
    del sentences
    diags = diags + tuple(page_clashes(articles, found.actors, found.mentions))
    diags = diags + tuple(undated.report(articles))  # what an undated article loses
    say("events", 0, len(articles))
    events = event_mod.extract_events(articles, found.mentions, found.places, found.actors,
                                      timexes, memo)
    if memo is not None:
        memo.save()
    timeline = Timeline(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        actors=found.actors,
        events=events,
        diagnostics=tuple(diags) + tuple(found.diagnostics),
    )
    return timeline, found.mentions


def build(
    source: Path,
    output: Path,
    config: render.SiteConfig | None = None,
    templates: Path | None = None,
    static: Path | None = None,
    strict: bool = False,
    with_search: bool = True,
    max_size: int = sourcefiles.DEFAULT_MAX_SIZE,
    on_wait: Callable[[int | None], None] | None = None,
    cache: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the site from `source` into `output`; the old site stays if the build fails.

    `on_wait(pid)` is called if another build (process `pid`) is writing `output` first.
    `cache`: keep each article's extraction in `<output>.timeline-cache/` and use it next
    time; `jobs`: processes for it; `progress(stage, done, total)` hears how far it got.
    With the cache, a build whose inputs and output are as the last one left them reads and
    writes nothing and returns the last report (`up_to_date`; incremental/stamp.py).

    Raises ValueError before reading anything when `output` is a folder it must not replace.
    """
    writer.check_output(Path(output), Path(source), contents=False)
    store = Cache(cache_folder(output)) if cache else None
    config = config or render.SiteConfig()
    templates, static = templates or TEMPLATES, static or STATIC
    inputs = None
    if store is not None:  # up to date: say what the last build said, and do nothing
        inputs = stamp.input_digest(source, max_size, (templates, static, config.theme),
                                    _settings(output, config, strict, with_search, max_size))
        last = stamp.load(store, inputs, writer.real_output(output)) if inputs else None
        if isinstance(last, tuple) and len(last) == 2 and isinstance(last[0], Summary):
            return BuildResult(None, {}, search=last[1], last=last[0])
    try:  # without the cache, a scratch one keeps the actors stage's tokens out of memory
        with contextlib.nullcontext(store) if store is not None else scratch(output) as work:
            timeline, mentions = make_timeline(source, max_size, work, jobs, progress)
    except OSError as exc:  # one no reader expected; still a read problem, not a write one
        problem = sourcefiles.read_problem(str(exc.filename or source), exc)
        return BuildResult(Timeline((), (), (), (problem,)), {})
    epoch, problem = source_date_epoch(os.environ.get("SOURCE_DATE_EPOCH"))
    if problem is not None:
        timeline = replace(timeline, diagnostics=timeline.diagnostics + (problem,))
    result = BuildResult(timeline, mentions, reused=store.reused if store else 0)
    page_memo = PageMemo(store) if store is not None else None  # read before the prune
    if store is not None:
        store.prune()  # what this corpus no longer needs
    if result.failed(strict):
        return result
    if progress:
        progress("render", 0, len(timeline.articles))
    made: list[str] = []  # the site's paths, as they are written
    stream = _guarded(site_stream(timeline, config, templates, static, mentions, epoch,
                                  page_memo), made, progress)
    reports: list[search_mod.SearchReport] = []  # filled by the writer's hook, before the swap
    snapshots: list[str] = []  # the new site as this build left it, taken under the lock

    def index(folder: Path) -> None:
        reports.append(search_mod.index_site(folder))

    def look(site: Path) -> None:
        with contextlib.suppress(OSError):
            snapshots.append(stamp.snapshot(site))

    try:
        written = writer.write_site(stream, output, before_swap=index if with_search else None,
                                    refuse_unknown=strict, on_wait=on_wait,
                                    after_swap=look if inputs else None)
    except RenderFailed as failed:  # a theme's template may raise anything
        folders = [f for f in (config.theme, templates) if f is not None]
        problem = templateerrors.problem(failed.error, folders)
        if problem is None:
            raise failed.error from None
        return replace(result, timeline=replace(timeline,
                                                diagnostics=timeline.diagnostics + (problem,)))
    if page_memo is not None:
        page_memo.save()
    if progress:
        progress("done", len(made), len(made))
    notes = tuple(kept_notes(output, written))
    result = BuildResult(replace(timeline, diagnostics=timeline.diagnostics + notes), mentions,
                         tuple(made), reports[0] if reports else None, result.reused)
    if store is not None and inputs and snapshots and (report := _report(
            timeline, len(made), result.search, output, written)):
        stamp.save(store, inputs, snapshots[0], report)
    return result


def _settings(output: Path, config: render.SiteConfig, strict: bool, with_search: bool,
              max_size: int) -> str:
    """The build's options and environment, as text for the stamp's input digest."""
    indexer = (search_mod.available(), search_mod.indexer_id()) if with_search else None
    return repr((str(output), config, strict, with_search, max_size,
                 os.environ.get("SOURCE_DATE_EPOCH"), indexer))


def _report(timeline: Timeline, files: int, search: search_mod.SearchReport | None,
            output: Path, written: writer.Written) -> tuple[
    Summary, search_mod.SearchReport | None
] | None:
    """What the next build says if it finds the site up to date: what a full build after
    this one would (the user's kept files are no longer new, the index is reused). None
    if the indexer failed: the next build runs it again."""
    if search is not None and not search.ok and search_mod.available():
        return None
    if search is not None and search.ok:
        search = search_mod.SearchReport(True, "search index reused, no page changed")
    notes = tuple(kept_notes(output, replace(written, new=())))
    return Summary.of(replace(timeline, diagnostics=timeline.diagnostics + notes), files), search


def site_files(
    timeline: Timeline,
    config: render.SiteConfig,
    templates: Path,
    static: Path,
    mentions: Mapping[str, Sequence[Mention]] | None = None,
    epoch: int | None = None,
) -> dict[str, bytes]:
    """Every file of the site, path -> content (`site_stream`, held together)."""
    return render.held(site_stream(timeline, config, templates, static, mentions, epoch))


def site_stream(
    timeline: Timeline,
    config: render.SiteConfig,
    templates: Path,
    static: Path,
    mentions: Mapping[str, Sequence[Mention]] | None = None,
    epoch: int | None = None,
    page_memo: PageIndex | None = None,
) -> Iterator[tuple[str, writer.Content]]:
    """Every file of the site, (path, content), one at a time, so the build writes each as it
    is made and never holds the whole site: the pages, the data and exports, then the
    static assets. With `page_memo`, a page rendered from the same inputs as last time
    comes as `Known` (render.render_pages)."""
    assets = writer.static_files(Path(static))  # a missing folder fails before any page
    pages = []
    for path, content in render.render_pages(timeline, config, templates, mentions, page_memo):
        if path.endswith(".html") and path != urls.NOT_FOUND:
            pages.append(path)
        yield path, content
    yield urls.DATA, safety.json_records_pieces(eventsjson.events_records(timeline))
    yield from exports.export_items(timeline, config, pages, epoch)
    yield from assets.items()


class RenderFailed(Exception):
    """An exception raised while making the site's files, not while writing them."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def _guarded(stream: Iterator[tuple[str, writer.Content]], made: list[str],
             progress: Progress | None) -> Iterator[tuple[str, writer.Content]]:
    """`stream`, its failures told apart from the writer's (RenderFailed), its paths
    noted in `made`, its progress reported. A content in pieces is guarded likewise: its
    pieces are made as the writer writes them."""
    for path, content in _told_apart(stream):
        made.append(path)
        if progress and len(made) % 100 == 0:
            progress("write", len(made), 0)
        if isinstance(content, Known):
            yield path, Known(content.digest, _told_apart_call(content.make))
        else:
            yield path, content if isinstance(content, bytes) else _told_apart(content)


_T = TypeVar("_T")


def _told_apart(items: Iterator[_T]) -> Iterator[_T]:
    """`items`, an exception raised in making one raised as RenderFailed."""
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - sorted out by the build
            raise RenderFailed(exc) from exc
        yield item


def _told_apart_call(make: Callable[[], _T]) -> Callable[[], _T]:
    """`make`, an exception raised in it raised as RenderFailed."""
    def call() -> _T:
        try:
            return make()
        except Exception as exc:  # noqa: BLE001 - sorted out by the build
            raise RenderFailed(exc) from exc
    return call


def kept_notes(output: Path, written: writer.Written) -> list[Diagnostic]:
    """A warning for each file of the user's first found in the output; a note after that."""
    return [
        Diagnostic("warning", f"{output}/{path}", "not written by the build; kept in the new "
                   "site (delete it if it is not yours)") if path in written.new else
        Diagnostic("info", f"{output}/{path}", "your own file, kept in the site")
        for path in written.kept
    ]


def page_clashes(articles: Sequence[Article], actors: Sequence[Actor],
                 mentions: Mapping[str, Sequence[Mention]]) -> list[Diagnostic]:
    """An error for each page that would be one file with another on a case-blind system."""
    first_seen: dict[str, str] = {}
    for article_id, found in sorted(mentions.items()):
        for m in found:
            first_seen.setdefault(m.actor, article_id)
    paths = {a.id: a.path for a in articles}
    owners = [(urls.article_path(a.id), a.path) for a in articles]
    for actor in actors:
        where = REGISTRY_NAME if actor.origin == "registry" else paths.get(
            first_seen.get(actor.id, ""), REGISTRY_NAME)
        owners.append((urls.actor_path(actor.id), where))
    return [
        Diagnostic("error", second, f"would write the same page as {first} ({page}) on a "
                   "file system that ignores case; rename one")
        for page, first, second in slugs.case_clashes(owners)
    ]


def source_date_epoch(value: str | None) -> tuple[int | None, Diagnostic | None]:
    """`SOURCE_DATE_EPOCH` (seconds since 1970), the date feeds give as their last update."""
    if value is None or not value.strip():
        return None, None
    try:
        seconds = int(value)
    except ValueError:
        seconds = -1
    if not 0 <= seconds < 253402300800:  # up to the end of year 9999
        msg = f"not a whole number of seconds since 1970: {value!r}; ignored"
        return None, Diagnostic("warning", "SOURCE_DATE_EPOCH", msg)
    return seconds, None


def dating_report(articles: Sequence[Article]) -> list[str]:
    """One line per article: its publication date and how it was found."""
    lines = []
    for a in articles:
        when = f"{a.date.isoformat()} ({a.date_origin})" if a.date else "undated (see warning)"
        path = a.path if a.path.isprintable() else a.path.encode("unicode_escape").decode()
        lines.append(f"  {path}: {when}")  # no terminal escape codes from a file name
    return lines
