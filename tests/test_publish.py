"""Publishing: the Pages workflow lints clean, and the site works under a sub-path with its
404 page, sitemap, robots.txt, canonical links and Open Graph tags."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from linkcheck import broken_links

from generator import cli

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "corpora" / "example-site.yaml"
SEEDS = ROOT / "tests" / "corpora" / "example"
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
URL = "https://user.github.io/REPO/"


def actionlint() -> str:
    """The actionlint installed beside this Python (the test extra), else one on PATH."""
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint")
    assert found, "actionlint is missing: pip install -e '.[test]'"
    return found


def build(out: Path, *flags: str) -> Path:
    assert cli.main(["build", "--source", str(SEEDS), "--output", str(out), "--no-search",
                     "--quiet", "--config", str(CONFIG), *flags]) == 0
    return out


def hrefs(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]*)"', html)


# ---------------------------------------------------------------- the workflow


def test_pages_workflow_passes_actionlint() -> None:
    done = subprocess.run([actionlint(), str(WORKFLOW)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = WORKFLOW.read_text(encoding="utf-8").replace("steps.pages.outputs", "steps.page.outputs")
    (tmp_path / "pages.yml").write_text(broken, encoding="utf-8")
    done = subprocess.run([actionlint(), str(tmp_path / "pages.yml")], capture_output=True)
    assert done.returncode == 1


def test_workflow_builds_with_the_pages_url_and_deploys_once_at_a_time() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for needed in ("actions/configure-pages@", "actions/upload-pages-artifact@",
                   "actions/deploy-pages@", "pages: write", "id-token: write",
                   "cancel-in-progress: false", "steps.pages.outputs.base_url",
                   'timeline build --base-url "$BASE_URL"', "path: site", "workflow_dispatch",
                   "actions/cache@", "path: site.timeline-cache"):
        assert needed in text, needed


# ---------------------------------------------------------------- under a sub-path


@pytest.fixture(scope="module")
def sub_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("sub") / "site", "--base-url", "/REPO/")


def test_a_sub_path_build_passes_the_link_checker(sub_path: Path) -> None:
    assert broken_links(sub_path, base_path="/REPO/") == []


def test_404_links_are_rooted_at_the_base_path(sub_path: Path) -> None:
    links = hrefs((sub_path / "404.html").read_text(encoding="utf-8"))
    assert links and all(link.startswith("/REPO/") or link.startswith("#") for link in links)
    assert "/REPO/index.html" in links and "/REPO/static/style.css" in links
    assert broken_links(sub_path, base_path="/OTHER/")  # the checker really looks at them


def test_every_other_page_links_relatively(sub_path: Path) -> None:
    for page in sub_path.rglob("*.html"):
        if page.name != "404.html":
            assert not [h for h in hrefs(page.read_text(encoding="utf-8"))
                        if h.startswith("/")], page


def test_without_a_url_there_is_no_sitemap_robots_or_canonical(sub_path: Path) -> None:
    assert not (sub_path / "sitemap.xml").exists() and not (sub_path / "robots.txt").exists()
    assert (sub_path / ".nojekyll").read_bytes() == b""
    index = (sub_path / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in index and "og:url" not in index


# ---------------------------------------------------------------- with an absolute URL


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("hosted") / "site", "--base-url", URL)


def test_sitemap_lists_every_page_but_the_404(hosted: Path) -> None:
    xml = (hosted / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", xml)
    pages = sorted(p.relative_to(hosted).as_posix() for p in hosted.rglob("*.html"))
    assert len(locs) == len(pages) - 1
    assert URL in locs and URL + "actors/" in locs and URL + "actors/russia.html" in locs
    assert not any("404" in loc for loc in locs)
    assert (hosted / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {URL}sitemap.xml\n"


def test_pages_carry_canonical_links_and_open_graph_tags(hosted: Path) -> None:
    page = (hosted / "actors" / "russia.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{URL}actors/russia.html">' in page
    assert f'<meta property="og:url" content="{URL}actors/russia.html">' in page
    assert '<meta property="og:title" content="Russia · Libya ceasefire talks, 2019–2020">' in page
    assert '<meta property="og:type" content="website">' in page
    assert 'property="og:description" content="Russia, Turkey and the United Nations' in page
    index = (hosted / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{URL}">' in index
    article = next((hosted / "articles").glob("0*.html")).read_text(encoding="utf-8")
    assert '<meta property="og:type" content="article">' in article
    assert 'rel="canonical"' not in (hosted / "404.html").read_text(encoding="utf-8")
    assert broken_links(hosted, base_path="/REPO/") == []
