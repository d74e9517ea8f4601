"""Pages kept from the last build: a rebuild renders only the pages whose inputs changed,
and its site is still byte-identical to a clean build's."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build
from generator.output import outlock, writer
from generator.site import render
from generator.site.pagekeys import Known, content_digest

ROOT = Path(__file__).resolve().parent
EXAMPLE = ROOT / "corpora" / "example"
STORY = ("---\ntitle: Story {i}\ndate: 2020-0{m}-1{d}\n---\n"
         "Foreign Minister Anna Berg met officials in Geneva on Monday, the ministry said.\n\n"
         "The United Nations envoy announced a ceasefire in March.\n")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(EXAMPLE, folder)
    for i in range(8):
        (folder / f"story-{i}.md").write_text(STORY.format(i=i, m=1 + i % 9, d=i),
                                              encoding="utf-8")
    return folder


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages rendered by the builds of the test, by path, in order."""
    seen: list[str] = []
    real = render.render_page

    def spy(env, template, path, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append(path)
        return real(env, template, path, *args, **kw)

    monkeypatch.setattr(render, "render_page", spy)
    return seen


def _build(source: Path, output: Path, **kw) -> build.BuildResult:  # noqa: ANN003
    result = build.build(source, output, with_search=False, **kw)
    assert not result.failed(), [str(d) for d in result.diagnostics if d.level == "error"]
    return result


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_a_rebuild_renders_only_the_pages_whose_inputs_changed(
        source: Path, tmp_path: Path, rendered: list[str]) -> None:
    site = tmp_path / "site"
    _build(source, site, cache=True)
    pages = _pages(site)
    assert set(rendered) == pages  # the first build renders them all
    rendered.clear()
    with (source / "story-3.md").open("a", encoding="utf-8") as f:
        f.write("\nThe central bank rejected the plan on June 8, 2020.\n")
    changed = _build(source, site, cache=True)
    article = next(a.id for a in changed.timeline.articles if a.path == "story-3.md")
    assert f"articles/{article}.html" in rendered  # the edited article's page
    assert "articles/story-5.html" not in rendered  # an article it does not touch
    assert 0 < len(rendered) < len(pages) // 2
    _build(source, tmp_path / "clean")  # no cache
    assert _files(site) == _files(tmp_path / "clean")


def test_a_page_changed_in_the_site_since_is_rendered_again(
        source: Path, tmp_path: Path, rendered: list[str]) -> None:
    site = tmp_path / "site"
    _build(source, site, cache=True)
    page = site / "articles" / "story-5.html"
    page.unlink()
    page.write_bytes(b"edited by hand")  # the page the build remembers is not there
    rendered.clear()
    (source / "story-1.md").write_text(STORY.format(i=1, m=2, d=2) + "More.\n",
                                       encoding="utf-8")
    _build(source, site, cache=True)
    assert "articles/story-5.html" in rendered
    _build(source, tmp_path / "clean")
    assert _files(site) == _files(tmp_path / "clean")


def test_a_changed_template_renders_every_page_again(
        source: Path, tmp_path: Path, rendered: list[str]) -> None:
    theme, site = tmp_path / "theme", tmp_path / "site"
    theme.mkdir()
    base = (ROOT.parent / "templates" / "base.html").read_text(encoding="utf-8")
    (theme / "base.html").write_text(base, encoding="utf-8")
    config = build.render.SiteConfig(theme=theme)
    _build(source, site, cache=True, config=config)
    rendered.clear()
    (theme / "base.html").write_text(base.replace("Skip to main content", "Skip ahead"),
                                     encoding="utf-8")
    _build(source, site, cache=True, config=config)
    assert set(rendered) == _pages(site)
    assert b"Skip ahead" in (site / "articles" / "story-5.html").read_bytes()


KEYS = """
import json, sys
from pathlib import Path
from generator import build
from generator.site import paging, render
from generator.site.pagekeys import PageKeys
from generator.site.pages import pages
from generator.site.views import Site
timeline, mentions = build.make_timeline(Path(sys.argv[1]))
site = Site(timeline, mentions)
plan = paging.plan([site.views[e.id] for e in site.events])
keys = PageKeys("base", plan.placed)
config = render.SiteConfig()
print(json.dumps([keys.key(t, p, config, c) for p, t, c in pages(site, plan)]))
"""


def test_page_keys_are_the_same_in_any_process(source: Path) -> None:
    """A key made from `repr` or a set's order would change with the hash seed: the next
    build would render every page again."""
    runs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", KEYS, str(source)], capture_output=True,
                              text=True, env=env, cwd=ROOT.parent, check=True)
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1] and None not in runs[0] and len(set(runs[0])) == len(runs[0])


def test_the_writer_links_a_known_page_and_renders_it_only_if_the_old_file_differs(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    writer.write_site({"index.html": b"home", "a.html": b"old a"}, site)
    made: list[str] = []

    def make(text: bytes) -> Known:
        def render_now() -> bytes:
            made.append(text.decode())
            return text
        return Known(content_digest(text), render_now)

    inode = (site / "index.html").stat().st_ino
    writer.write_site([("index.html", make(b"home")), ("a.html", make(b"new a"))], site)
    assert made == ["new a"]  # the old index.html has the bytes: linked, never rendered
    assert (site / "index.html").stat().st_ino == inode
    files = {k: v for k, v in _files(site).items() if k != outlock.MANIFEST}
    assert files == {"index.html": b"home", "a.html": b"new a"}
