"""The output folder: all or nothing, even when the build is killed; dangerous places refused."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import cli
from generator.output import outlock, samefile, writer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "corpora" / "example"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f"{out.name}.tmp-"))


def build_command(out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--source", str(SEEDS), "--output",
            str(out), "--no-search", "--quiet"]


def wait_for_staging(out: Path, process: subprocess.Popen, files: int) -> Path:
    """The temporary folder of a running build, once it holds `files` files."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        for name in leftovers(out):
            staging = out.parent / name
            if sum(1 for p in staging.rglob("*") if p.is_file()) >= files:
                return staging
        time.sleep(0.02)
    raise AssertionError("the build never started writing (or ended before it was killed)")


def test_a_build_killed_mid_write_leaves_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    subprocess.run(build_command(out), check=True, cwd=ROOT)
    before = tree(out)
    (out / "index.html").write_bytes(b"the previous site")  # so a new one would show
    before["index.html"] = b"the previous site"
    slow = {**os.environ, writer.WRITE_DELAY_ENV: "0.05"}  # about 0.05 s a file
    process = subprocess.Popen(build_command(out), cwd=ROOT, env=slow)
    try:
        staging = wait_for_staging(out, process, files=5)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert staging.is_dir(), "the killed build had started writing beside the output"
    assert tree(out) == before
    subprocess.run(build_command(out), check=True, cwd=ROOT)
    assert leftovers(out) == []
    assert (out / "index.html").read_bytes() != b"the previous site"


def dead_pid() -> int:
    """The pid of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def mark_as_killed(folder: Path, role: str, output: str = "site") -> None:
    """Give `folder` the marker a build killed outright would have left in it."""
    record = {"output": output, "pid": dead_pid(), "role": role}
    (folder / outlock.MARKER).write_text(json.dumps(record))


def test_a_kill_between_the_two_renames_gives_the_old_site_back(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert cli.main(["build", "--source", str(SEEDS), "--output", str(out), "--no-search",
                     "--quiet"]) == 0
    before = tree(out)
    out.rename(tmp_path / "site.tmp-abcd1234.old")  # set aside; the new one never came in
    mark_as_killed(tmp_path / "site.tmp-abcd1234.old", "old")
    (tmp_path / "site.tmp-abcd1234").mkdir()
    (tmp_path / "site.tmp-abcd1234" / "index.html").write_text("half")
    mark_as_killed(tmp_path / "site.tmp-abcd1234", "new")
    writer.clean_leftovers(out)
    assert tree(out) == before and leftovers(out) == []


def test_leftover_cleaning_touches_only_its_own_temporary_folders(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    keep = ["site.tmp-notes", "site.tmp-abcd1234.txt", "other.tmp-abcd1234", "site-old",
            "site.tmp-zz99zz99", "site.tmp-other000"]
    for name in keep:
        (tmp_path / name).mkdir()
    mark_as_killed(tmp_path / "site.tmp-other000", "new", output="other")  # not this output's
    (tmp_path / "site.tmp-live0000").mkdir()  # a running build's: our own pid
    (tmp_path / "site.tmp-live0000" / outlock.MARKER).write_text(
        json.dumps({"output": "site", "pid": os.getpid(), "role": "new"}))
    keep.append("site.tmp-live0000")
    (tmp_path / "site.tmp-dead0000").mkdir()
    mark_as_killed(tmp_path / "site.tmp-dead0000", "new")
    writer.clean_leftovers(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*keep, "site"])


@pytest.mark.parametrize(("where", "reason"), [
    ("root", "it is the root of the file system"),
    ("home", "it is or holds your home folder"),
    ("project", "it is or holds the project folder"),
    ("source", "it is or holds the articles folder"),
    ("source-parent", "it is or holds the articles folder"),
    ("inside-source", "it is inside the articles folder, whose files would be read back"),
    ("file", "it exists and is not a folder"),
    ("not-a-site", "it holds files but no index.html, so it is not a site built here"),
])
def test_dangerous_outputs_are_refused_before_anything_is_read(
        where: str, reason: str, tmp_path: Path, monkeypatch, capsys) -> None:
    src = tmp_path / "work" / "seeds"
    src.mkdir(parents=True)
    (src / "a.txt").write_text("Talks began on 6 June 2020.\n")
    (tmp_path / "file.txt").write_text("not a folder")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("the user's own notes")
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)  # so neither the home nor the current folder is in the way
    outputs = {"root": Path("/"), "home": tmp_path / "home", "project": ROOT, "source": src,
               "source-parent": src.parent, "inside-source": src / "site",
               "file": tmp_path / "file.txt", "not-a-site": tmp_path / "docs"}
    output = outputs[where]
    code = cli.main(["build", "--source", str(src), "--output", str(output), "--no-search"])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"{output}: error: refusing to write the site here: {reason}; "
                   "choose another --output"]
    assert (tmp_path / "docs" / "notes.md").read_text() == "the user's own notes"
    assert (tmp_path / "file.txt").read_text() == "not a folder"


def test_an_empty_folder_or_a_previous_site_is_replaced(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Talks began on 6 June 2020.\n")
    for out in (tmp_path / "empty", tmp_path / "old-site"):
        out.mkdir()
    (tmp_path / "old-site" / "index.html").write_text("old")
    (tmp_path / "old-site" / "articles").mkdir()
    (tmp_path / "old-site" / "articles" / "stale.html").write_text("old")
    for out in (tmp_path / "empty", tmp_path / "old-site", tmp_path / "new" / "deeper"):
        assert cli.main(["build", "--source", str(src), "--output", str(out), "--no-search",
                         "--quiet"]) == 0
        assert (out / "index.html").is_file() and not (out / "articles/stale.html").exists()


def test_paths_that_are_one_file_on_a_case_blind_system_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="differ only in case"):
        writer.write_site({"a/Page.html": b"1", "a/page.html": b"2"}, tmp_path / "site")
    for bad in ("../x.html", "a/../../x", "/etc/x", "a\\b.html", "con.html", "a/NUL.txt"):
        with pytest.raises(ValueError, match="not a safe site path"):
            writer.write_site({bad: b"x"}, tmp_path / "site")
    assert not (tmp_path / "site").exists() and leftovers(tmp_path / "site") == []


def test_the_site_is_written_file_by_file_as_it_is_made(tmp_path: Path) -> None:
    out = tmp_path / "site"
    writer.write_site({"index.html": b"old"}, out)
    seen = []

    def made():
        for n in range(3):
            if n:  # the file before this one is on disk already: nothing is held back
                staging = out.parent / leftovers(out)[0]
                seen.append((staging / f"p{n - 1}.html").read_bytes())
            yield f"p{n}.html", f"page {n}".encode()

    writer.write_site(made(), out)
    assert seen == [b"page 0", b"page 1"]
    pages = {p: c for p, c in tree(out).items() if p != outlock.MANIFEST}
    assert pages == {"p0.html": b"page 0", "p1.html": b"page 1", "p2.html": b"page 2"}
    assert leftovers(out) == []


def test_a_large_file_is_written_in_pieces_and_linked_when_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "site"
    size = 1 << 17  # more than a write buffer holds
    seen = []

    def pieces(letter: bytes):
        for n in range(3):
            if n:  # the pieces before this one are on disk already: the file is never held
                staging = out.parent / leftovers(out)[0]
                seen.append(len((staging / "data.json").read_bytes()))
            yield letter * size

    writer.write_site(iter([("data.json", pieces(b"a"))]), out)
    assert seen == [size, 2 * size] and (out / "data.json").read_bytes() == b"a" * 3 * size
    inode = (out / "data.json").stat().st_ino
    writer.write_site(iter([("data.json", pieces(b"a")), ("more.json", pieces(b"m"))]), out)
    assert (out / "data.json").stat().st_ino == inode  # the same bytes: the old file kept
    for changed in (b"a" * size + b"b", b"a" * (3 * size + 1)):  # other bytes, or more
        writer.write_site(iter([("data.json", iter([changed]))]), out)
        assert (out / "data.json").read_bytes() == changed
        assert (out / "data.json").stat().st_ino != inode
    assert leftovers(out) == []


def test_a_site_failing_half_made_leaves_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "site"
    writer.write_site({"index.html": b"old"}, out)
    before = tree(out)

    def broken():
        yield "index.html", b"new"
        raise RuntimeError("a page failed")

    def broken_piece():
        yield b"new"
        raise RuntimeError("a piece failed")

    with pytest.raises(RuntimeError, match="a page failed"):
        writer.write_site(broken(), out)
    with pytest.raises(RuntimeError, match="a piece failed"):
        writer.write_site(iter([("index.html", broken_piece())]), out)
    with pytest.raises(ValueError, match="two files would be written to a.html"):
        writer.write_site(iter([("a.html", b"1"), ("a.html", b"2")]), out)
    with pytest.raises(ValueError, match="not a safe site path"):
        writer.write_site(iter([("a.html", b"1"), ("../x.html", b"2")]), out)
    assert tree(out) == before and leftovers(out) == []
    assert not (tmp_path / "x.html").exists()


def test_a_full_disk_fails_the_build_and_keeps_the_old_site(tmp_path: Path, monkeypatch,
                                                            capsys) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Talks began on 6 June 2020.\n")
    out = tmp_path / "site"
    args = ["build", "--source", str(src), "--output", str(out), "--no-search", "--quiet"]
    assert cli.main(args) == 0
    capsys.readouterr()
    before = tree(out)
    calls = []

    def full(target: Path, content: bytes) -> None:
        calls.append(target)
        if len(calls) > 3:
            raise OSError(28, "No space left on device")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    def no_link(*args, **kwargs) -> None:  # unchanged files are linked: no room for that either
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(samefile, "write_file", full)
    monkeypatch.setattr(os, "link", no_link)
    assert cli.main([*args, "--no-cache"]) == 1  # a full build (with the cache: up to date)
    assert capsys.readouterr().err.strip() == (
        f"{out}: error: cannot write the site (No space left on device); "
        "the previous site is left as it was")
    assert tree(out) == before and leftovers(out) == []
