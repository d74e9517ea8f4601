"""A rebuild with nothing changed does nothing (generator/incremental/stamp.py): it reads,
renders and writes nothing, and says what the last build said. Any change to what the
output depends on, or to the output itself, gives a full build, equal to a clean one."""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from test_rewrite import stamps as stats
from test_rewrite import tree

from generator import build, cli
from generator.config import SiteConfig
from generator.incremental import Cache, cache_folder, stamp
from generator.output import outlock, search, writer

DATED = ("---\ntitle: Talks resume\ndate: 2021-03-04\n---\nForeign Minister Anna Berg met "
         "officials in Geneva on Monday, the ministry said.\n\nTalks will resume on 12 April "
         "2021.\n")
OTHER = ("---\ntitle: Deal signed\ndate: 2021-05-06\n---\nThe company signed a deal with "
         "the central bank on Tuesday.\n")
UNDATED = ("Council passes budget\n\nThe council approved the budget on Tuesday, officials "
           "said.\n\nIt had been rejected last year.\n")  # no date: a warning


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-talks.md").write_text(DATED, encoding="utf-8")
    (folder / "b-deal.md").write_text(OTHER, encoding="utf-8")
    (folder / "c-budget.txt").write_text(UNDATED, encoding="utf-8")
    return folder


@pytest.fixture
def assets(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the templates and static folders, free to change."""
    templates, static = tmp_path / "templates", tmp_path / "static"
    shutil.copytree(build.TEMPLATES, templates)
    shutil.copytree(build.STATIC, static)
    return templates, static


@pytest.fixture
def indexer(monkeypatch) -> list[Path]:
    """A fake Pagefind (as in test_rewrite.py): records its runs, writes a small index."""
    runs: list[Path] = []

    def run(command: list[str]) -> subprocess.CompletedProcess[str]:
        site = Path(command[command.index("--site") + 1])
        runs.append(site)
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        (site / "pagefind").mkdir()
        (site / "pagefind" / "pagefind-ui.js").write_text("// ui\n")
        (site / "pagefind" / "pages.json").write_text(json.dumps(pages))
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(search, "available", lambda: True)
    monkeypatch.setattr(search, "_run", run)
    return runs


def run(src: Path, out: Path, assets: tuple[Path, Path], **kw) -> build.BuildResult:  # noqa: ANN003
    options = {"with_search": False, "cache": True, **kw}
    result = build.build(src, out, templates=assets[0], static=assets[1], **options)
    assert not result.failed(), [str(d) for d in result.diagnostics if d.level == "error"]
    return result


def forbid(monkeypatch, *names: str) -> None:
    """Make the build's stages raise: a build that calls one of them is not up to date."""
    def stage(name: str) -> Callable[..., None]:
        def called(*args, **kwargs) -> None:
            raise AssertionError(f"{name} ran although nothing changed")
        return called

    for name in names:
        target = writer if name == "write_site" else build
        monkeypatch.setattr(target, name, stage(name))


STAGES = ("make_timeline", "site_stream", "write_site")


def test_a_rebuild_with_nothing_changed_reads_renders_and_writes_nothing(
        src: Path, tmp_path: Path, assets: tuple[Path, Path], monkeypatch) -> None:
    out = tmp_path / "site"
    first = run(src, out, assets)
    assert not first.up_to_date and first.timeline is not None
    before, contents = stats(out), tree(out)
    with monkeypatch.context() as m:
        forbid(m, *STAGES)
        again = run(src, out, assets)
    assert again.up_to_date and again.timeline is None and again.files == ()
    assert again.summary == first.summary  # counts, dating lines, diagnostics, files
    assert again.summary.articles == 3 and again.summary.files == len(first.files)
    assert stats(out) == before and tree(out) == contents
    assert not [p for p in out.parent.iterdir() if p.name.startswith("site.tmp-")]


def test_the_cli_says_the_same_again_and_that_the_site_is_up_to_date(
        src: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    out = tmp_path / "site"
    argv = ["build", "--source", str(src), "--output", str(out), "--no-search"]
    assert cli.main(argv) == 0
    first = capsys.readouterr()
    with monkeypatch.context() as m:
        forbid(m, *STAGES)
        assert cli.main(argv) == 0
    second = capsys.readouterr()
    assert "c-budget.txt: warning: could not infer a publication date" in first.err
    assert second.err == first.err  # the diagnostics, in the same order
    *dating, summary = first.out.splitlines()
    *dating_again, summary_again = second.out.splitlines()
    assert dating_again == dating and "  c-budget.txt: undated (see warning)" in dating
    assert not summary.endswith("up to date)")
    assert summary_again.endswith(", up to date)")
    same = re.compile(r"\d+\.\d\d s.*\)$")
    assert same.sub("", summary_again) == same.sub("", summary)
    with monkeypatch.context() as m:
        forbid(m, *STAGES)
        assert cli.main([*argv, "--quiet"]) == 0
    quiet = capsys.readouterr()
    assert quiet.out == ""
    assert quiet.err.splitlines() == [line for line in first.err.splitlines()
                                      if ": info: " not in line]


def test_no_cache_always_builds(src: Path, tmp_path: Path, assets: tuple[Path, Path],
                                monkeypatch) -> None:
    out = tmp_path / "site"
    run(src, out, assets)
    assert not run(src, out, assets, cache=False).up_to_date
    argv = ["build", "--source", str(src), "--output", str(out), "--no-search", "--no-cache"]
    with monkeypatch.context() as m:
        forbid(m, "make_timeline")
        with pytest.raises(AssertionError, match="make_timeline ran"):
            cli.main(argv)


def _edit(name: str, text: str) -> Callable[[Path, Path, tuple[Path, Path]], None]:
    def change(src: Path, out: Path, assets: tuple[Path, Path]) -> None:
        with (src / name).open("a", encoding="utf-8") as f:
            f.write(text)
    return change


def _add(name: str, text: str) -> Callable[[Path, Path, tuple[Path, Path]], None]:
    def change(src: Path, out: Path, assets: tuple[Path, Path]) -> None:
        (src / name).write_text(text, encoding="utf-8")
    return change


def _template(src: Path, out: Path, assets: tuple[Path, Path]) -> None:
    base = assets[0] / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- changed -->\n", encoding="utf-8")


def _static(src: Path, out: Path, assets: tuple[Path, Path]) -> None:
    (assets[1] / "extra.css").write_text("p { margin: 0 }\n", encoding="utf-8")


def _hand_edit(src: Path, out: Path, assets: tuple[Path, Path]) -> None:
    (out / "index.html").write_bytes(b"edited by hand")


def _hand_delete(src: Path, out: Path, assets: tuple[Path, Path]) -> None:
    (out / "static" / "style.css").unlink()


def _same_size_edit(src: Path, out: Path, assets: tuple[Path, Path]) -> None:
    """A page replaced keeping its size and modification time (a new inode gives it away)."""
    page, spare = out / "index.html", out / "index.html.new"
    info, data = page.stat(), page.read_bytes()
    spare.write_bytes(data.replace(b"<", b"[", 1))
    os.utime(spare, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(spare, page)


CHANGES = {
    "article edited": _edit("a-talks.md", "\nThe envoy will visit Ankara on 3 May 2021.\n"),
    "article added": _add("d-new.md", "---\ntitle: New\ndate: 2021-06-01\n---\nLawmakers "
                          "rejected the plan on Friday.\n"),
    "file skipped with a note added": _add("notes.pdf", "not an article"),
    "registry added": _add("actors.yaml", "- name: Anna Berg\n  kind: person\n"
                           "  aliases: [Berg]\n"),
    "template changed": _template,
    "static file added": _static,
    "output file edited": _hand_edit,
    "output file deleted": _hand_delete,
    "output file replaced, same size and time": _same_size_edit,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_any_change_gives_a_full_build_equal_to_a_clean_one(
        change: Callable[[Path, Path, tuple[Path, Path]], None], src: Path, tmp_path: Path,
        assets: tuple[Path, Path], monkeypatch) -> None:
    out = tmp_path / "site"
    run(src, out, assets)
    assert run(src, out, assets).up_to_date
    change(src, out, assets)
    again = run(src, out, assets)
    assert not again.up_to_date and again.timeline is not None
    clean = run(src, tmp_path / "clean", assets, cache=False)
    assert tree(out) == tree(tmp_path / "clean")
    assert again.summary == clean.summary
    with monkeypatch.context() as m:  # and the next one is up to date again
        forbid(m, *STAGES)
        third = run(src, out, assets)
    assert third.up_to_date and third.summary == again.summary


OPTIONS = {
    "title": ({}, {"config": SiteConfig(title="Another title")}),
    "base url": ({}, {"config": SiteConfig(url="https://example.org/t/", base_path="/t/")}),
    "strict": ({}, {"strict": True}),
    "max size": ({}, {"max_size": 150}),  # an article over it: skipped with a warning
    "search added": ({}, {"with_search": True}),
    "search dropped": ({"with_search": True}, {}),
}


@pytest.mark.parametrize("options", OPTIONS.values(), ids=OPTIONS.keys())
def test_another_option_gives_a_full_build_equal_to_a_clean_one(
        options: tuple[dict, dict], src: Path, tmp_path: Path, assets: tuple[Path, Path],
        indexer: list[Path]) -> None:
    first, second = options
    if "strict" in second:
        (src / "c-budget.txt").unlink()  # its warning would fail the strict build
    out = tmp_path / "site"
    run(src, out, assets, **first)
    assert run(src, out, assets, **first).up_to_date
    again = run(src, out, assets, **second)
    assert not again.up_to_date
    clean = run(src, tmp_path / "clean", assets, cache=False, **second)
    assert tree(out) == tree(tmp_path / "clean")
    assert again.summary == clean.summary
    assert again.search == clean.search or again.search.ok and clean.search.ok
    assert run(src, out, assets, **second).up_to_date


def test_source_date_epoch_is_an_input(src: Path, tmp_path: Path, assets: tuple[Path, Path],
                                       monkeypatch) -> None:
    out = tmp_path / "site"
    run(src, out, assets)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    again = run(src, out, assets)
    assert not again.up_to_date
    run(src, tmp_path / "clean", assets, cache=False)
    assert tree(out) == tree(tmp_path / "clean")
    assert run(src, out, assets).up_to_date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")  # a warning, said again when up to date
    warned = run(src, out, assets)
    assert not warned.up_to_date and any(d.path == "SOURCE_DATE_EPOCH" for d in warned.diagnostics)
    assert run(src, out, assets).diagnostics == warned.diagnostics


def test_search_reports_are_said_again(src: Path, tmp_path: Path, assets: tuple[Path, Path],
                                       indexer: list[Path], monkeypatch) -> None:
    out = tmp_path / "site"
    assert run(src, out, assets, with_search=True).search.ok and len(indexer) == 1
    again = run(src, out, assets, with_search=True)
    assert again.up_to_date and len(indexer) == 1
    assert again.search.ok and "reused, no page changed" in again.search.message
    shutil.rmtree(out / "pagefind")  # the user removed the index: made again
    assert not run(src, out, assets, with_search=True).up_to_date and len(indexer) == 2
    monkeypatch.setenv("PAGEFIND_EXCLUDE_SELECTORS", "nav")  # a setting Pagefind reads
    assert not run(src, out, assets, with_search=True).up_to_date and len(indexer) == 3
    monkeypatch.setattr(search, "available", lambda: False)  # uninstalled
    missing = run(src, out, assets, with_search=True)
    assert not missing.up_to_date and not missing.search.ok
    assert run(src, out, assets, with_search=True).search == missing.search


def test_a_failed_indexer_runs_again_next_time(src: Path, tmp_path: Path,
                                                assets: tuple[Path, Path], monkeypatch) -> None:
    runs = []

    def failing(command: list[str]) -> subprocess.CompletedProcess[str]:
        runs.append(command)
        return subprocess.CompletedProcess(command, 1, "", "Error: out of memory")

    monkeypatch.setattr(search, "available", lambda: True)
    monkeypatch.setattr(search, "_run", failing)
    out = tmp_path / "site"
    assert not run(src, out, assets, with_search=True).search.ok
    assert not run(src, out, assets, with_search=True).up_to_date and len(runs) == 2


def test_a_file_the_user_adds_to_the_output_is_reported_as_a_full_build_would(
        src: Path, tmp_path: Path, assets: tuple[Path, Path]) -> None:
    out = tmp_path / "site"
    run(src, out, assets)
    (out / "CNAME").write_text("timeline.example.org\n")
    first = run(src, out, assets)
    assert not first.up_to_date
    assert [d.level for d in first.diagnostics if d.path.endswith("CNAME")] == ["warning"]
    later = run(src, out, assets, cache=False)  # what a full build says from now on
    assert [d.level for d in later.diagnostics if d.path.endswith("CNAME")] == ["info"]
    run(src, out, assets)  # the stamp of the site as it is now
    again = run(src, out, assets)
    assert again.up_to_date and again.diagnostics == later.diagnostics
    (out / "notes").mkdir()  # even an empty folder: a full build would drop it
    assert not run(src, out, assets).up_to_date


def _stamp_file(out: Path) -> Path:
    cache = Cache(cache_folder(out))
    return cache.root / stamp.KIND / f"{stamp.KEY}.pickle"


@pytest.mark.parametrize("damage", [b"", b"\x80\x05garbage", pickle.dumps("a string"),
                                    pickle.dumps(stamp.Stamp("0" * 64, "0", None))],
                         ids=["empty", "garbage", "foreign", "other inputs"])
def test_a_corrupt_or_foreign_stamp_is_a_full_build_never_an_error(
        damage: bytes, src: Path, tmp_path: Path, assets: tuple[Path, Path]) -> None:
    out = tmp_path / "site"
    run(src, out, assets)
    assert _stamp_file(out).is_file()
    _stamp_file(out).write_bytes(damage)
    again = run(src, out, assets)
    assert not again.up_to_date
    run(src, tmp_path / "clean", assets, cache=False)
    assert tree(out) == tree(tmp_path / "clean")
    assert run(src, out, assets).up_to_date


def test_a_stamp_whose_report_is_not_ours_is_ignored(src: Path, tmp_path: Path,
                                                    assets: tuple[Path, Path]) -> None:
    out = tmp_path / "site"
    run(src, out, assets)
    found = pickle.loads(_stamp_file(out).read_bytes())
    _stamp_file(out).write_bytes(pickle.dumps(stamp.Stamp(found.inputs, found.output, "x")))
    assert not run(src, out, assets).up_to_date


def test_while_another_build_holds_the_output_the_check_steps_aside(
        src: Path, tmp_path: Path, assets: tuple[Path, Path], monkeypatch) -> None:
    out = tmp_path / "site"
    run(src, out, assets)
    monkeypatch.setenv(outlock.WAIT_ENV, "0")
    with outlock.locked(writer.real_output(out)), monkeypatch.context() as m:
        forbid(m, "make_timeline")
        with pytest.raises(AssertionError, match="make_timeline ran"):
            build.build(src, out, templates=assets[0], static=assets[1],
                        with_search=False, cache=True)
    assert run(src, out, assets).up_to_date


def test_serve_builds_say_up_to_date(src: Path, tmp_path: Path) -> None:
    args = argparse.Namespace(source=src, output=tmp_path / "site", config=None, title=None,
                              search=False, cache=True, jobs=1)
    first = cli._serve_build(args)
    again = cli._serve_build(args)
    assert first.ok and again.ok and again.problems == first.problems
    assert "up to date" not in first.summary and again.summary.endswith("(up to date)")
    assert again.summary.startswith("built 3 articles")
