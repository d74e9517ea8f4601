"""Real-browser fixtures: the example site built with search, served under /REPO/, and Chromium.

Debian's Chromium is driven by Playwright (never `playwright install`). On a developer
machine without Chromium, Playwright or node_modules the tests skip and say why; in CI
(CI=true) a missing tool fails them instead, so a green CI means they really ran.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsertools import (
    ARTIFACTS,
    CHROMIUM,
    LAUNCH_ARGS,
    PART_BYTES,
    SEEDS,
    SUB_PATH,
    require,
    require_browser_tools,
)

from generator import cli
from generator.output import searchparts


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


@pytest.fixture(scope="session")
def served_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the built example site at REPO/ (as GitHub Pages serves a project)."""
    root = tmp_path_factory.mktemp("www")
    code = cli.main(["build", "--source", str(SEEDS), "--output", str(root / SUB_PATH), "--quiet"])
    assert code == 0
    require((root / SUB_PATH / "pagefind" / "pagefind-ui.js").is_file(),
            "the build wrote no search index (is pagefind[bin] installed?)")
    return root


@pytest.fixture(scope="session")
def site_dir(served_root: Path) -> Path:
    return served_root / SUB_PATH


def _serve(root: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/REPO/ for the site in `root`, served by http.server in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(served_root: Path) -> Iterator[str]:
    yield from _serve(served_root)


@pytest.fixture(scope="session")
def parted_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site again, its search index made in parts as a big site's is."""
    root = tmp_path_factory.mktemp("parted")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(searchparts.PART_BYTES_ENV, str(PART_BYTES))
        code = cli.main(["build", "--source", str(SEEDS), "--output", str(root / SUB_PATH),
                         "--quiet", "--no-cache"])
    assert code == 0
    require((root / SUB_PATH / "pagefind" / "part-2").is_dir(),
            "the build wrote no search index in parts (is pagefind[bin] installed?)")
    return root


@pytest.fixture(scope="session")
def parted_url(parted_root: Path) -> Iterator[str]:
    yield from _serve(parted_root)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    require_browser_tools()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A desktop-sized page that fails the test on any JavaScript error."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
