"""The build: articles folder in, site files out. Collects diagnostics; prints nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import actors as actor_mod
from generator import events as event_mod
from generator import readers, render, writer
from generator.model import Article, Diagnostic, Mention, Timeline

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REGISTRY_NAME = "actors.yaml"


@dataclass
class BuildResult:
    """What a build made and what it found wrong."""

    timeline: Timeline
    mentions: Mapping[str, Sequence[Mention]]
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.timeline.diagnostics

    def failed(self, strict: bool = False) -> bool:
        """Errors always fail a build; warnings too under `--strict`."""
        bad = {"error", "warning"} if strict else {"error"}
        return any(d.level in bad for d in self.diagnostics)


def make_timeline(source: Path) -> tuple[Timeline, Mapping[str, Sequence[Mention]]]:
    """Read every article under `source` and extract actors and events."""
    articles, diags = readers.read_corpus(source)
    registry: tuple[actor_mod.RegistryEntry, ...] = ()
    reg_path = source / REGISTRY_NAME
    if reg_path.is_file():
        registry, reg_diags = actor_mod.load_registry(reg_path, display=REGISTRY_NAME)
        diags = diags + reg_diags
    found = actor_mod.find_actors(articles, registry)
    events = event_mod.extract_events(articles, found.mentions, found.places, found.actors)
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
) -> BuildResult:
    """Build the site from `source` into `output`; the old site stays if the build fails."""
    timeline, mentions = make_timeline(source)
    result = BuildResult(timeline, mentions)
    if result.failed(strict):
        return result
    result.files = render.render_site(
        timeline,
        config or render.SiteConfig(),
        templates or PROJECT_ROOT / "templates",
        static or PROJECT_ROOT / "static",
        mentions,
    )
    writer.write_site(result.files, output)
    return result


def dating_report(articles: Sequence[Article]) -> list[str]:
    """One line per article: its publication date and how it was found."""
    lines = []
    for a in articles:
        when = f"{a.date.isoformat()} ({a.date_origin})" if a.date else "undated (see warning)"
        lines.append(f"  {a.path}: {when}")
    return lines
