"""Issue 12: a rebuild rewrites only the files whose bytes changed, and reuses the search
index when the HTML it was made from did not change.

Pagefind may be missing here, so most tests put a fake indexer in its place (it writes a
small `pagefind/` folder and counts its runs); one test runs the real one when installed.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import cli
from generator.output import outlock, samefile, search

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "corpora" / "example"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time (what deploy tools look at)."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def add_a_sentence(src: Path) -> None:
    """One more dated sentence at the end of the first article."""
    article = sorted(src.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nTalks resumed on 3 May 2021.\n",
                       encoding="utf-8")


def leftovers(out: Path) -> list[str]:
    """Temporary folders and locks beside the output (the cache stays by design)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f"{out.name}.")
                  and p.name != f"{out.name}.timeline-cache")


def build(src: Path, out: Path, *extra: str) -> int:
    return cli.main(["build", "--source", str(src), "--output", str(out), "--quiet", *extra])


@pytest.fixture
def src(tmp_path: Path) -> Path:
    """A copy of the example articles, free to change."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def indexer(monkeypatch) -> list[Path]:
    """A fake Pagefind: each run is recorded (the folder it indexed) and writes an index
    naming the pages it saw, with a digest of each."""
    runs: list[Path] = []

    def run(command: list[str]) -> subprocess.CompletedProcess[str]:
        site = Path(command[command.index("--site") + 1])
        runs.append(site)
        pages = sorted((p.relative_to(site).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
                       for p in site.rglob("*.html"))
        (site / "pagefind" / "fragment").mkdir(parents=True)
        (site / "pagefind" / "pagefind-ui.js").write_text("// ui\n")
        (site / "pagefind" / "fragment" / "all.json").write_text(json.dumps(pages))
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(search, "available", lambda: True)
    monkeypatch.setattr(search, "_run", run)
    return runs


def test_a_rebuild_without_changes_touches_no_file_and_skips_the_indexer(
        src: Path, tmp_path: Path, indexer: list[Path], capsys) -> None:
    out = tmp_path / "site"
    assert build(src, out) == 0
    assert len(indexer) == 1 and (out / "pagefind" / "pagefind-ui.js").is_file()
    before, contents = stamps(out), tree(out)
    manifest = json.loads((out / outlock.MANIFEST).read_text())
    assert manifest["folders"] == ["pagefind"] and len(manifest["search"]) == 64
    # without the cache: a full build (with it, the site is up to date: test_uptodate.py)
    assert cli.main(["build", "--source", str(src), "--output", str(out), "--no-cache"]) == 0
    assert "search index reused, no page changed" in capsys.readouterr().out
    assert len(indexer) == 1  # not run again
    assert stamps(out) == before and tree(out) == contents  # the manifest too
    assert leftovers(out) == []
    assert all(p.stat().st_nlink == 1 for p in out.rglob("*") if p.is_file())


def test_a_changed_article_rewrites_only_the_files_whose_bytes_changed(
        src: Path, tmp_path: Path, indexer: list[Path]) -> None:
    out = tmp_path / "site"
    assert build(src, out) == 0
    before, old = stamps(out), tree(out)
    add_a_sentence(src)
    assert build(src, out) == 0
    after, new = stamps(out), tree(out)
    changed = {p for p in new if p not in old or new[p] != old[p]}
    assert {p for p in after if after[p] != before.get(p)} == changed
    assert changed and "static/style.css" not in changed
    assert len(changed) < len(new) // 2
    pages = [p for p in new if p.startswith("articles/") and p.endswith(".html")]
    assert any(p not in changed for p in pages)  # the other articles' pages stay as they were
    assert "pagefind/fragment/all.json" in changed  # the HTML changed: indexed again
    assert len(indexer) == 2


def test_the_users_own_files_are_still_kept(src: Path, tmp_path: Path, indexer: list[Path],
                                            capsys) -> None:
    out = tmp_path / "site"
    assert build(src, out) == 0
    (out / "CNAME").write_text("timeline.example.org\n")
    (out / "notes").mkdir()
    (out / "notes" / "todo.html").write_text("<p>mine</p>")  # Pagefind would read it
    assert build(src, out) == 0
    assert "CNAME: warning: not written by the build" in capsys.readouterr().err
    assert (out / "CNAME").read_text() == "timeline.example.org\n"
    assert len(indexer) == 2  # an HTML file more: indexed again
    before = stamps(out)
    assert build(src, out) == 0
    assert stamps(out) == before and len(indexer) == 2
    assert json.loads((out / outlock.MANIFEST).read_text())["kept"] == ["CNAME",
                                                                        "notes/todo.html"]


def test_a_failed_build_leaves_the_old_site_and_its_files_alone(
        src: Path, tmp_path: Path, indexer: list[Path], monkeypatch, capsys) -> None:
    out = tmp_path / "site"
    assert build(src, out) == 0
    before, contents = stamps(out), tree(out)
    add_a_sentence(src)

    def full(target: Path, content: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(samefile, "write_file", full)  # the first changed file fails
    assert build(src, out) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert stamps(out) == before and tree(out) == contents and leftovers(out) == []
    assert all(p.stat().st_nlink == 1 for p in out.rglob("*") if p.is_file())


def test_where_links_fail_files_are_copied_with_their_times(
        src: Path, tmp_path: Path, indexer: list[Path], monkeypatch) -> None:
    out = tmp_path / "site"
    assert build(src, out) == 0
    before, contents = stamps(out), tree(out)

    def no_links(*args, **kwargs) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    assert build(src, out, "--no-cache") == 0
    assert len(indexer) == 1 and tree(out) == contents
    after = stamps(out)
    assert {p: t for p, (_, t) in after.items()} == {p: t for p, (_, t) in before.items()}


def test_the_index_is_made_again_when_it_is_missing_or_the_indexer_changed(
        src: Path, tmp_path: Path, indexer: list[Path], monkeypatch) -> None:
    out = tmp_path / "site"
    assert build(src, out, "--no-search") == 0
    assert "search" not in json.loads((out / outlock.MANIFEST).read_text())
    assert build(src, out) == 0 and len(indexer) == 1  # no index to reuse
    shutil.rmtree(out / "pagefind")
    assert build(src, out) == 0 and len(indexer) == 2  # the user removed it
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", "nav")
    assert build(src, out) == 0 and len(indexer) == 3  # a setting Pagefind reads changed
    assert build(src, out) == 0 and len(indexer) == 3


def test_a_hand_edited_page_is_written_again(src: Path, tmp_path: Path,
                                             indexer: list[Path]) -> None:
    out = tmp_path / "site"
    assert build(src, out, "--no-search") == 0
    contents = tree(out)
    (out / "index.html").write_text("edited by hand")
    (out / "static" / "style.css").unlink()
    (out / "static" / "style.css").symlink_to(out / "feed.xml")
    assert build(src, out, "--no-search") == 0
    assert tree(out) == contents and not (out / "static" / "style.css").is_symlink()


def test_the_html_digest_covers_paths_bytes_and_refuses_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_text("<p>x</p>")
    (tmp_path / "data.json").write_text("{}")
    first = search.html_digest(tmp_path)
    (tmp_path / "data.json").write_text("[]")  # not read by Pagefind
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "old.html").write_text("an index")
    assert search.html_digest(tmp_path) == first
    (tmp_path / "a" / "x.html").rename(tmp_path / "a" / "y.html")
    assert search.html_digest(tmp_path) not in (first, "")
    (tmp_path / "b").symlink_to(tmp_path / "a", target_is_directory=True)
    assert search.html_digest(tmp_path) == ""


@pytest.mark.skipif(not search.available(), reason="pagefind[bin] is not installed")
def test_the_real_index_is_reused_byte_for_byte(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "site"
    assert build(SEEDS, out) == 0
    before = stamps(out)
    assert any(p.startswith("pagefind/") for p in before)

    def must_not_run(command: list[str]) -> None:
        raise AssertionError("Pagefind ran although no page changed")

    monkeypatch.setattr(search, "_run", must_not_run)
    assert build(SEEDS, out, "--no-cache") == 0
    assert stamps(out) == before
