"""The written site has no broken links, and writing it is safe and all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from linkcheck import broken_links
from test_render import render, sample_mentions

from generator.output import writer
from generator.output.writer import write_site


def tree(folder: Path) -> dict[str, bytes]:
    """The site's files; the writer's manifest is checked in test_output_safety.py."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != writer.outlock.MANIFEST
    }


def siblings(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != output.name)


# ---------------------------------------------------------------- links


def test_written_site_has_no_broken_links(tmp_path):
    output = tmp_path / "site"
    files = render(mentions=sample_mentions())
    write_site(files, output)
    assert tree(output) == files
    assert broken_links(output) == []


def test_link_checker_finds_problems(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "ok.html").write_text('<p id="here">x</p><a href="https://example.com/">x</a>')
    (tmp_path / "sub" / "page.html").write_text(
        '<a href="../ok.html#here">fine</a>'
        '<a href="../ok.html#nowhere">bad id</a>'
        '<a href="/ok.html">root</a>'
        '<a href="missing.html">gone</a>'
        '<a href="#top">no top</a>'
        '<a href="../sub/">folder</a>'
        '<img src="../x.png" alt="">'
        '<a href="javascript:alert(1)">js</a>'
        '<a href="mailto:a@example.com">mail</a>'
    )
    problems = broken_links(tmp_path)
    links = [p.split(" ")[1] for p in problems]
    assert links == [
        "../ok.html#nowhere",
        "/ok.html",
        "missing.html",
        "#top",
        "../sub/",
        "../x.png",
        "javascript:alert(1)",
    ]
    assert all(p.startswith("sub/page.html: ") for p in problems)


# ---------------------------------------------------------------- safe writing


def test_rewrite_replaces_the_old_site_completely(tmp_path):
    output = tmp_path / "site"
    write_site({"index.html": b"old", "stale/page.html": b"stale"}, output)
    write_site({"index.html": b"new", "data/events.json": b"{}\n"}, output)
    assert tree(output) == {"index.html": b"new", "data/events.json": b"{}\n"}
    assert siblings(output) == []


def test_failure_mid_write_keeps_the_previous_site(tmp_path, monkeypatch):
    output = tmp_path / "site"
    old = {"index.html": b"old", "actors/index.html": b"old actors"}
    write_site(old, output)
    written = []

    def failing_write(target: Path, content: bytes) -> None:
        if len(written) == 2:
            raise OSError("disk full")
        written.append(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    monkeypatch.setattr(writer, "_write_file", failing_write)
    with pytest.raises(OSError, match="disk full"):
        write_site({f"p{i}.html": b"new" for i in range(5)}, output)
    assert len(written) == 2
    assert tree(output) == old
    assert siblings(output) == []


def test_failure_during_swap_keeps_the_previous_site(tmp_path, monkeypatch):
    output = tmp_path / "site"
    write_site({"index.html": b"old"}, output)
    real_rename = Path.rename

    def rename(self: Path, target):
        if Path(target) == output and self.name.startswith("site.tmp-") and "old" not in self.name:
            raise OSError("rename failed")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="rename failed"):
        write_site({"index.html": b"new"}, output)
    assert tree(output) == {"index.html": b"old"}
    assert siblings(output) == []


def test_writes_into_a_new_folder(tmp_path):
    output = tmp_path / "deep" / "site"
    write_site({"index.html": b"x"}, output)
    assert tree(output) == {"index.html": b"x"}


@pytest.mark.parametrize("marker", ["pyproject.toml", ".git"])
def test_refuses_a_project_folder(tmp_path, marker):
    output = tmp_path / "project"
    output.mkdir()
    if marker == ".git":
        (output / marker).mkdir()
    else:
        (output / marker).write_text("")
    with pytest.raises(ValueError, match=marker):
        write_site({"index.html": b"x"}, output)
    assert (output / marker).exists()
    assert siblings(output) == []


def test_refuses_root_home_and_working_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    work = home / "work"
    work.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    for output in (Path("/"), home, work, Path("."), tmp_path):
        with pytest.raises(ValueError, match="refusing"):
            write_site({"index.html": b"x"}, output)
    assert list(work.iterdir()) == []


def test_refuses_a_file_as_output(tmp_path):
    output = tmp_path / "notes.txt"
    output.write_text("keep me")
    with pytest.raises(ValueError, match="not a folder"):
        write_site({"index.html": b"x"}, output)
    assert output.read_text() == "keep me"


@pytest.mark.parametrize("path", ["../escape.html", "/abs.html", "a//b.html", "a\\b.html", ""])
def test_refuses_paths_that_leave_the_output(tmp_path, path):
    with pytest.raises(ValueError, match="not a safe site path"):
        write_site({path: b"x"}, tmp_path / "site")
    assert list(tmp_path.iterdir()) == []
