"""Search: what the pages mark for Pagefind, and the index the build writes (or skips)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator import cli
from generator.output import search, searchparts, writer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "corpora" / "example"


def build(out: Path, *extra: str) -> int:
    return cli.main(["build", "--source", str(SEEDS), "--output", str(out), "--quiet", *extra])


def filters(html: str) -> set[tuple[str, str]]:
    return set(re.findall(r'data-pagefind-filter="(\w+)">([^<]*)<', html))


@pytest.mark.skipif(not search.available(), reason="pagefind[bin] is not installed")
def test_the_build_indexes_events_actors_and_articles(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(out) == 0
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    pages = len(list((out / "actors").glob("*.html"))) - 1 + len(
        list((out / "articles").glob("*.html"))) - 1 + 1  # minus the two lists; the cards
    assert entry["languages"]["en"]["page_count"] == pages
    assert (out / "pagefind" / "pagefind-ui.js").is_file()
    # the search engine the English index loads, not the one for pages of no language
    assert [p.name for p in (out / "pagefind").glob("wasm.*")] == ["wasm.en.pagefind"]
    assert not list(tmp_path.glob("site.tmp-*"))  # indexed in the staging folder, then swapped


def test_html_is_split_into_runs_of_consecutive_pages_of_a_folder_within_the_budget(tmp_path: Path) -> None:
    body = b"<main data-pagefind-body>"
    for name, size in (("a.html", 40), ("b/c.html", 50), ("b/d.html", 120), ("e.html", 10),
                       ("search.html", 30)):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes((b"x" if name == "search.html" else body) * size)
    paths = ["a.html", "b/c.html", "b/d.html", "e.html", "search.html"]
    # a page without a body: out; each top folder and the top pages: their own runs
    parts = [["a.html"], ["b/c.html"], ["b/d.html"], ["e.html"]]
    assert searchparts.split(tmp_path, paths, 100 * len(body)) == parts
    assert searchparts.split(tmp_path, paths, 1000 * len(body)) == [paths]  # one run: Pagefind's


def test_parts_grow_with_the_site_but_stay_few(monkeypatch) -> None:
    monkeypatch.delenv(searchparts.PART_BYTES_ENV, raising=False)
    mib = 1 << 20
    assert searchparts.part_bytes(50 * mib) == 8 * mib  # 1,000 articles: about 50 MiB of HTML
    assert searchparts.part_bytes(400 * mib) == 32 * mib  # 10,000: a few parts, not fifty
    assert searchparts.part_bytes(4000 * mib) == searchparts.PART_BYTES  # memory bounds a part
    assert searchparts.part_bytes(searchparts.MOST_PARTS * 8 * mib + 1) == 16 * mib


@pytest.mark.skipif(not search.available(), reason="pagefind[bin] is not installed")
def test_a_big_site_is_indexed_in_parts_the_search_page_merges(tmp_path: Path,
                                                               monkeypatch) -> None:
    whole, parted = tmp_path / "whole", tmp_path / "parted"
    assert build(whole, "--no-cache") == 0
    assert json.loads((whole / "pagefind" / "parts.json").read_text())["parts"] == []
    monkeypatch.setenv(searchparts.PART_BYTES_ENV, "60000")
    assert build(parted, "--no-cache") == 0
    listed = json.loads((parted / "pagefind" / "parts.json").read_text())["parts"]
    assert len(listed) >= 2 and listed[0] == "part-2/"

    def pages(bundle: Path) -> int:
        entry = json.loads((bundle / "pagefind-entry.json").read_text())
        return entry["languages"]["en"]["page_count"]

    counts = [pages(parted / "pagefind")] + [pages(parted / "pagefind" / p) for p in listed]
    assert all(counts) and sum(counts) == pages(whole / "pagefind")  # each page once
    assert not list((parted / "pagefind" / listed[0]).glob("*ui*"))  # the scripts: in part 1
    assert [p.name for p in (parted / "pagefind" / listed[0]).glob("wasm.*")] == ["wasm.en.pagefind"]
    assert not [p for p in parted.rglob("*") if search.PART_FOLDER in p.name]
    assert build(parted, "--no-cache") == 0  # unchanged pages: the index in parts is reused
    assert json.loads((parted / "pagefind" / "parts.json").read_text())["parts"] == listed


def test_pages_mark_their_body_and_their_filters(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(out, "--no-search") == 0
    assert not (out / "pagefind").exists()
    actor = (out / "actors" / "sergey-lavrov.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in actor
    assert filters(actor) == {("kind", "Person"), ("actor", "Sergey Lavrov"), ("year", "2020")}
    cards = (out / "index.html").read_text(encoding="utf-8")  # a short timeline: one page
    assert ("kind", "Event") in filters(cards) and ("year", "2011") in filters(cards)
    assert ("actor", "Sergey Lavrov") in filters(cards)
    assert '<span data-pagefind-meta="title">Timeline</span>' in cards
    # each card's heading, with its id, is a sub-result reading "date: title"
    assert re.search(r'<h4 class="event-title" id="ev-2011-e7b1bb51"><time datetime="2011">2011'
                     r'</time><span class="visually-hidden">: </span> OPEC member Libya', cards)
    for path in (out / "articles").glob("*.html"):  # an article's actors: those it names
        html = path.read_text(encoding="utf-8")
        named = set(re.findall(r'<a href="(\.\./actors/(?!index\.html)[^"]+)">', html))
        assert len([v for k, v in filters(html) if k == "actor"]) == len(named), path.name
    for unindexed in ("newest.html", "search.html", "actors/index.html",
                      "articles/index.html"):
        assert "data-pagefind-body" not in (out / unindexed).read_text(encoding="utf-8")
    page = (out / "search.html").read_text(encoding="utf-8")
    assert 'data-bundle="pagefind/pagefind-ui.js"' in page and "static/search.js" in page


def test_without_pagefind_the_build_still_works_and_says_why(tmp_path: Path, monkeypatch,
                                                             capsys) -> None:
    monkeypatch.setattr(search, "available", lambda: False)
    out = tmp_path / "site"
    assert build(out) == 0
    err = capsys.readouterr().err
    assert "warning: search skipped: Pagefind is not installed" in err
    assert (out / "search.html").is_file() and not (out / "pagefind").exists()


def test_a_failing_indexer_is_a_warning_not_a_broken_site(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(search, "TIMEOUT_SECONDS", 0)
    report = search.index_site(tmp_path)
    assert not report.ok and report.message.startswith("search skipped")


@pytest.mark.skipif(not search.available(), reason="pagefind[bin] is not installed")
def test_a_part_failing_leaves_no_index_rather_than_half_of_one(tmp_path: Path,
                                                                monkeypatch, capsys) -> None:
    runs = []
    real = search._run

    def second_fails(command: list[str]):
        runs.append(command)
        done = real(command)
        return done if len(runs) < 2 else search.subprocess.CompletedProcess(command, 1, "",
                                                                              "out of memory")
    monkeypatch.setenv(searchparts.PART_BYTES_ENV, "60000")
    monkeypatch.setattr(search, "_run", second_fails)
    out = tmp_path / "site"
    assert build(out, "--no-cache") == 0  # the site without search, and a warning
    assert "warning: search skipped: Pagefind failed: out of memory" in capsys.readouterr().err
    assert len(runs) == 2 and not (out / "pagefind").exists()


@pytest.mark.skipif(not search.available(), reason="pagefind[bin] is not installed")
def test_a_part_whose_pages_did_not_change_keeps_its_index(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(searchparts.PART_BYTES_ENV, "2000")
    pages = {f"p{n:02}.html": (f"<html lang=\"en\"><body><main data-pagefind-body><h1>Page {n:02}</h1>"
                               f"<p>{f'word{n} ' * 50}</p></main></body></html>").encode()
             for n in range(12)}
    out = tmp_path / "site"
    writer.write_site(pages, out, before_swap=search.index_site)
    listed = json.loads((out / "pagefind" / "parts.json").read_text())["parts"]
    assert len(listed) >= 2
    runs: list[list[str]] = []
    real = search._run
    monkeypatch.setattr(search, "_run", lambda command: runs.append(command) or real(command))
    changed = {**pages, "p05.html": pages["p05.html"].replace(b"Page 05", b"Page V5")}
    writer.write_site(changed, out, before_swap=search.index_site)
    assert len(runs) == 1  # the part holding p05.html; the others' index is the last one's
    bundles = [out / "pagefind"] + [out / "pagefind" / p for p in listed]
    counts = [json.loads((b / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"]
              for b in bundles]
    assert sum(counts) == 12
    fragments = [len(list((b / "fragment").iterdir())) for b in bundles]
    assert fragments == counts and not list(out.rglob("*.timeline-link"))
