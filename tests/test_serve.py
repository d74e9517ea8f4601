"""The dev server: serves the build with a reload script, rebuilds on change, survives errors."""

from __future__ import annotations

import argparse
import shutil
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from generator import cli, serve

ROOT = Path(__file__).resolve().parent.parent


def test_inject_adds_the_reload_script_and_escapes_problems() -> None:
    page = b"<html><body class='x'>\n<p>hi</p>\n</body></html>"
    out = serve.inject(page, 7, ["a.md:2: error: <script>alert(1)</script>"], failed=True)
    assert out.index(b'role="alert"') < out.index(b"<p>hi</p>") < out.index(b"data-build=\"7\"")
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert b"<script>alert" not in out
    assert serve.inject(page, 1, []).count(b"role=\"alert\"") == 0


def test_a_crashing_build_becomes_a_failed_outcome() -> None:
    def broken() -> serve.Outcome:
        raise RuntimeError("template exploded")

    outcome = serve.run_build(broken)
    assert not outcome.ok
    assert any("template exploded" in line for line in outcome.problems)


def test_waiting_for_a_newer_build_returns_at_once_or_after_the_timeout() -> None:
    state = serve.BuildState()
    state.publish(serve.Outcome(True))
    assert state.wait_for_newer("0", timeout=5) == 1
    began = time.perf_counter()
    assert state.wait_for_newer("1", timeout=0.2) == 1
    assert time.perf_counter() - began >= 0.2


def get(url: str, timeout: float = 10) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def wait_until(base: str, state: serve.BuildState, check, deadline: float = 60) -> str:
    """Long-poll build after build until `check(index page)` holds; return that page.

    A rebuild already under way when a file changes may publish without the change, so the
    test waits for what it expects to see, not for one rebuild, however slow the machine."""
    end = time.monotonic() + deadline
    while True:
        seen = state.version
        page = get(base + "index.html")
        if check(page):
            return page
        if time.monotonic() > end:
            raise AssertionError("the expected rebuild was never published")
        get(f"{base}{serve.RELOAD_PATH.lstrip('/')}?since={seen}", timeout=30)


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
def dev_server(tmp_path: Path):
    """The pieces of `timeline serve` on a copy of the example corpus, on a free port, watching it."""
    pytest.importorskip("watchfiles")
    source = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "corpora" / "example", source)
    args = argparse.Namespace(source=source, output=tmp_path / "site", title="Dev",
                              search=False)
    state, stop = serve.BuildState(), threading.Event()
    rebuild = lambda: cli._serve_build(args)  # noqa: E731 - a one-line closure
    serve.publish(state, serve.run_build(rebuild), lambda line: None)
    server = serve.make_server(args.output, state, "127.0.0.1", 0)
    threads = [threading.Thread(target=server.serve_forever, daemon=True),
               threading.Thread(target=serve.watch_and_rebuild, daemon=True,
                                args=([source], args.output, state, rebuild, lambda line: None,
                                      stop))]
    for t in threads:
        t.start()
    until_watching(source, state)
    yield f"http://127.0.0.1:{server.server_address[1]}/", source, state
    stop.set()
    server.shutdown()
    server.server_close()
    threads[1].join(timeout=10)


def test_serve_rebuilds_on_change_and_keeps_going_after_a_broken_input(dev_server) -> None:
    base, source, state = dev_server
    page = get(base + "index.html")
    assert serve.SCRIPT_PATH in page and f'data-build="{state.version}"' in page
    assert "Reykjavik" not in page
    assert "reload()" in get(base + serve.SCRIPT_PATH.lstrip("/"))

    (source / "zz_new.md").write_text("---\ntitle: Reykjavik talks\ndate: 2020-03-02\n---\n"
                                      "Delegations met in Reykjavik on 1 March 2020.\n")
    wait_until(base, state, lambda page: "Reykjavik" in page)

    (source / "actors.yaml").write_text("- name: X\n  kind: robot\n")  # an error: build fails
    page = wait_until(base, state, lambda page: 'role="alert"' in page)
    assert "unknown kind" in page and "Reykjavik" in page
    assert not state.ok

    (source / "actors.yaml").unlink()
    wait_until(base, state, lambda page: 'role="alert"' not in page)
    assert state.ok
