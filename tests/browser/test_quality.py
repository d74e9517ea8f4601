"""Every page type in a real browser: layout at phone and desktop widths, axe-core, and vnu."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from browsertools import AXE, VNU, have_java, require

pytestmark = pytest.mark.browser

# One page of each type (site path, and a name for the artifacts).
PAGE_TYPES = {
    "timeline": "index.html",
    "newest": "newest.html",
    "actors": "actors/index.html",
    "actor": "actors/sergey-lavrov.html",
    "articles": "articles/index.html",
    "article": "articles/001_ccb38a0cb269b36b.html",
    "search": "search.html?q=Berlin",
    "not-found": "404.html",
}
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
BLOCKING = {"serious", "critical"}


def open_page(browser, url: str, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(url)
    if "search.html" in url:  # wait for Pagefind's results, so they are checked too
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    return context, page


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_layout_fits_the_screen(browser, site_url: str, artifacts: Path, kind: str,
                                viewport: str) -> None:
    width, height = VIEWPORTS[viewport]
    context, page = open_page(browser, site_url + PAGE_TYPES[kind], width, height)
    try:
        page.screenshot(path=str(artifacts / f"{kind}-{viewport}.png"), full_page=False)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{kind} scrolls sideways by {overflow}px at {width}px"
        nav = page.locator(".site-nav").bounding_box()
        assert nav and nav["x"] >= 0 and nav["x"] + nav["width"] <= width
    finally:
        context.close()


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_no_serious_or_critical_violation(browser, site_url: str, artifacts: Path,
                                                    kind: str) -> None:
    require(AXE.is_file(), "no node_modules/axe-core (run npm ci)")
    context, page = open_page(browser, site_url + PAGE_TYPES[kind], 1280, 800)
    try:
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run()")
    finally:
        context.close()
    found = [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"]}
             for v in result["violations"]]
    (artifacts / f"axe-{kind}.json").write_text(json.dumps(found, indent=2) + "\n")
    blocking = [v for v in found if v["impact"] in BLOCKING]
    assert blocking == [], json.dumps(blocking, indent=2)


def test_every_page_type_is_valid_html(site_dir: Path) -> None:
    require(have_java(), "no java on PATH (apt-get install default-jre-headless)")
    require(VNU.is_file(), "no node_modules/vnu-jar (run npm ci)")
    done = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only",
                           str(site_dir)], capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr or done.stdout
