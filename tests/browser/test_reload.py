"""`timeline serve` in a real browser: an edit reloads the page; an error shows on it."""

from __future__ import annotations

import argparse
import shutil
import threading
from pathlib import Path

import pytest
from browsertools import SEEDS

from generator import cli, serve

pytestmark = pytest.mark.browser


def until_watching(source: Path, state: serve.BuildState, tries: int = 40) -> None:
    """Touch the registry until the watcher rebuilds: it is live, so no later edit is missed."""
    registry, start = source / "actors.yaml", state.version
    for _ in range(tries):
        registry.write_bytes(registry.read_bytes())
        if state.wait_for_newer(str(start), timeout=0.5) != start:
            break
    else:
        raise AssertionError("the watcher never saw a change")
    while True:  # then until the rebuilds the touch caused are over
        now = state.version
        if state.wait_for_newer(str(now), timeout=0.5) == now:
            return


@pytest.fixture
def dev_site(tmp_path: Path):
    """A dev server on a copy of the example corpus, on a free port, rebuilding on change."""
    source = tmp_path / "seeds"
    shutil.copytree(SEEDS, source)
    args = argparse.Namespace(source=source, output=tmp_path / "site", title="Dev", search=False)
    state, stop = serve.BuildState(), threading.Event()

    def rebuild() -> serve.Outcome:
        return cli._serve_build(args)

    serve.publish(state, serve.run_build(rebuild), lambda line: None)
    server = serve.make_server(args.output, state, "127.0.0.1", 0)
    watcher = threading.Thread(target=serve.watch_and_rebuild, daemon=True,
                               args=([source], args.output, state, rebuild, lambda line: None, stop))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watcher.start()
    until_watching(source, state)
    yield f"http://127.0.0.1:{server.server_address[1]}/", source
    stop.set()
    server.shutdown()
    server.server_close()
    watcher.join(timeout=10)


def test_an_edit_reloads_the_open_page_and_an_error_shows_on_it(page, dev_site) -> None:
    url, source = dev_site
    page.goto(url + "index.html")
    assert "Reykjavik" not in page.locator("main").inner_text()
    with page.expect_navigation(timeout=20_000):
        (source / "zz_new.md").write_text("---\ntitle: Reykjavik talks\ndate: 2020-03-02\n---\n"
                                          "Delegations met in Reykjavik on 1 March 2020.\n")
    page.get_by_text("Reykjavik", exact=False).first.wait_for()
    with page.expect_navigation(timeout=20_000):
        (source / "actors.yaml").write_text("- name: X\n  kind: robot\n")
    alert = page.get_by_role("alert")
    assert "unknown kind" in alert.inner_text()
    assert "previous build" in alert.inner_text()
