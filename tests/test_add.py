"""`timeline add URL…` (issue 13) against pages served from 127.0.0.1 (no outside network)."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from test_webpage import META, page

from generator import cli
from generator.reading import fetch


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    """A local server of saved pages; yields its address."""
    root = tmp_path / "www"
    (root / "news" / "2020" / "06" / "10").mkdir(parents=True)
    (root / "news" / "2020" / "06" / "10" / "budget.html").write_text(page(META), encoding="utf-8")
    (root / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                    encoding="utf-8")
    (root / "data.json").write_text("{}", encoding="utf-8")
    (root / "big.html").write_text("<p>" + "x" * 3000 + "</p>", encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_add_saves_markdown_that_builds(server: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    url = f"{server}/news/2020/06/10/budget.html"
    assert cli.main(["add", url, "--source", str(seeds)]) == 0
    saved = seeds / "2020-06-10-council-passes-harbour-budget.md"
    assert f"added {saved} ({url})" in capsys.readouterr().out
    text = saved.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert list(front) == ["title", "date", "outlet", "url", "author", "language", "retrieved"]
    assert front["title"] == "Council passes harbour budget"
    assert str(front["date"]) == "2020-06-10" and front["outlet"] == "Harbour Gazette"
    assert front["url"] == "https://gazette.example.com/news/council-budget"  # canonical
    assert "Accept all cookies" not in text and "Great news" not in text
    out = tmp_path / "site"
    assert cli.main(["build", "--source", str(seeds), "--output", str(out), "--no-search",
                     "--strict"]) == 0
    assert "2020-06-10 (front matter)" in capsys.readouterr().out


def test_retrieved_is_metadata_only(server: str, tmp_path: Path) -> None:
    seeds_a, seeds_b = tmp_path / "a", tmp_path / "b"
    url = f"{server}/news/2020/06/10/budget.html"
    fetch.add([url], seeds_a, dt.date(2026, 1, 1))
    fetch.add([url], seeds_b, dt.date(2030, 5, 5))
    sites = []
    for seeds in (seeds_a, seeds_b):
        out = tmp_path / f"site-{seeds.name}"
        assert cli.main(["build", "--source", str(seeds), "--output", str(out), "--no-search",
                         "--quiet"]) == 0
        sites.append({p.relative_to(out).as_posix(): p.read_bytes()
                      for p in sorted(out.rglob("*")) if p.is_file()})
    assert sites[0] == sites[1]


def test_dry_run_writes_nothing(server: str, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    assert cli.main(["add", "--dry-run", f"{server}/news/2020/06/10/budget.html",
                     "--source", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert "would write" in out and "title: Council passes harbour budget" in out
    assert not seeds.exists()


def test_never_overwrites(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    mine = seeds / "2020-06-10-council-passes-harbour-budget.md"
    mine.write_text("my own notes", encoding="utf-8")
    assert cli.main(["add", f"{server}/news/2020/06/10/budget.html", "--source", str(seeds)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists; nothing written" in err
    assert mine.read_text(encoding="utf-8") == "my own notes"


@pytest.mark.parametrize(("path", "why"), [
    ("/missing.html", "cannot fetch: HTTP 404"),
    ("/menu.html", "no article text found on the page"),
    ("/data.json", "not a web page (application/json)"),
])
def test_failures_are_one_line_and_write_nothing(server: str, tmp_path: Path, path: str, why: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    ok = f"{server}/news/2020/06/10/budget.html"
    assert cli.main(["add", f"{server}{path}", ok, "--source", str(seeds)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"{server}{path}: error: ") and why in err
    assert [p.name for p in seeds.iterdir()] == ["2020-06-10-council-passes-harbour-budget.md"]


def test_size_cap_and_bad_addresses(server: str) -> None:
    with pytest.raises(fetch.FetchError, match="over 1,000 bytes"):
        fetch.download(f"{server}/big.html", max_bytes=1000)
    with pytest.raises(fetch.FetchError, match="not a web address"):
        fetch.download("file:///etc/passwd")
    with pytest.raises(fetch.FetchError, match="cannot fetch"):
        fetch.download("http://127.0.0.1:1/nothing.html", timeout=2)
