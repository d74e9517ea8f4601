"""Issue 9: builds take turns, never delete what they did not write, and stop cleanly.

Concurrency is tested with real processes and threads; every wait polls for a condition
with a generous deadline, so a slow machine makes the tests slower, never wrong.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import cli, serve
from generator.output import outlock, writer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "corpora" / "example"
DEADLINE = 120.0


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def siblings(out: Path) -> list[str]:
    """What lies beside the output: temporary folders, lock files (not the cache, which
    stays by design: `<output>.timeline-cache`)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f"{out.name}.")
                  and p.name != f"{out.name}.timeline-cache")


def command(out: Path, *extra: str, quiet: bool = True) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--source", str(SEEDS), "--output",
            str(out), *(["--quiet"] if quiet else []), *extra]


def build(out: Path, *extra: str) -> int:
    return cli.main(["build", "--source", str(SEEDS), "--output", str(out), "--quiet", *extra])


def poll(condition: Callable[[], object], what: str, deadline: float = DEADLINE) -> object:
    """Wait until `condition()` is true (returning it); fail after `deadline` seconds."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if value := condition():
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def staging_with_files(out: Path, process: subprocess.Popen, files: int) -> Callable[[], bool]:
    """A condition: a running build's temporary folder holds `files` files."""
    def check() -> bool:
        assert process.poll() is None, "the build ended before the test could catch it"
        return any(sum(1 for f in p.rglob("*") if f.is_file()) >= files
                   for p in out.parent.glob(f"{out.name}.tmp-*"))
    return check


def slow_env(**extra: str) -> dict[str, str]:
    return {**os.environ, writer.WRITE_DELAY_ENV: "0.02", **extra}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The site one build alone writes, bookkeeping included."""
    out = tmp_path_factory.mktemp("reference") / "site"
    assert build(out, "--no-search") == 0
    return tree(out)


# ---------------------------------------------------------------- one build at a time


def test_two_builds_into_one_output_take_turns(tmp_path: Path, reference) -> None:
    out = tmp_path / "site"
    first = subprocess.Popen(command(out, "--no-search"), cwd=ROOT, env=slow_env(),
                             stderr=subprocess.PIPE, text=True)
    poll(staging_with_files(out, first, 5), "the first build to start writing")
    second = subprocess.Popen(command(out, "--no-search"), cwd=ROOT, stderr=subprocess.PIPE,
                              text=True)
    results = [(p.wait(timeout=DEADLINE), p.stderr.read()) for p in (first, second)]
    assert results == [(0, ""), (0, "")]
    assert tree(out) == reference
    assert siblings(out) == []  # no temporary folder, no lock left


def test_a_build_that_waits_too_long_says_so_in_one_line(tmp_path: Path, monkeypatch,
                                                          capsys) -> None:
    out = tmp_path / "site"
    assert build(out, "--no-search") == 0
    before = tree(out)
    monkeypatch.setenv(outlock.WAIT_ENV, "0.2")
    with outlock.locked(out.resolve()):  # another build (this process) is writing
        assert build(out, "--no-search") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{out}: error: cannot write the site (another build, process {os.getpid()}, "
                   "is writing it and did not finish within 0.2 s; try again when it is done); "
                   "the previous site is left as it was"]
    assert tree(out) == before and siblings(out) == []


def lock_holder(out: Path) -> subprocess.Popen:
    """Another process holding the output's lock until its standard input is closed."""
    holder = subprocess.Popen([sys.executable, "-c", "import sys\n"
                               "from pathlib import Path\nfrom generator.output import outlock\n"
                               "with outlock.locked(Path(sys.argv[1])):\n"
                               "    print('locked', flush=True); sys.stdin.read()", str(out)],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    return holder


def test_a_second_build_says_it_waits_then_builds(tmp_path: Path, reference) -> None:
    out = tmp_path / "site"
    holder = lock_holder(out)
    waiting = subprocess.Popen(command(out, "--no-search", quiet=False), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert waiting.stderr.readline() == (f"{out}: info: another build (process "
                                             f"{holder.pid}) is writing this folder; waiting "
                                             "for it to finish\n")
        assert waiting.poll() is None and not out.exists()
    finally:
        holder.stdin.close()  # the first build is done
        holder.wait(timeout=DEADLINE)
    assert waiting.wait(timeout=DEADLINE) == 0
    assert waiting.stderr.read() == ""
    assert tree(out) == reference and siblings(out) == []


def test_a_lock_left_by_a_killed_build_is_taken_over_at_once(tmp_path: Path,
                                                             monkeypatch) -> None:
    out = tmp_path / "site"
    holder = lock_holder(out)
    holder.kill()
    holder.wait()
    lock = outlock.lock_path(out)
    assert outlock.lock_holder(lock) == holder.pid  # left behind, naming a process now gone
    monkeypatch.setenv(outlock.WAIT_ENV, "0")
    assert build(out, "--no-search") == 0
    assert not lock.exists()


# ---------------------------------------------------------------- never delete what we did not write


def old_version_site(out: Path) -> None:
    """A site as builds before the manifest left it: no record of what they wrote."""
    for path in ("index.html", "articles/gone.html", "data/events.json", "pagefind/x.js"):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text("old")


def test_the_users_own_files_are_kept_and_reported(tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    old_version_site(out)
    (out / "CNAME").write_text("timeline.example.org\n")
    (out / "notes").mkdir()
    (out / "notes" / "todo.txt").write_text("mine")
    assert build(out, "--no-search") == 0
    assert (out / "CNAME").read_text() == "timeline.example.org\n"
    assert (out / "notes" / "todo.txt").read_text() == "mine"
    assert not (out / "articles" / "gone.html").exists()  # a page the old version wrote
    assert not (out / "pagefind").exists()
    note = "not written by the build; kept in the new site (delete it if it is not yours)"
    assert capsys.readouterr().err.splitlines() == [
        f"{out}/CNAME: warning: {note}", f"{out}/notes/todo.txt: warning: {note}"]
    assert build(out, "--no-search") == 0  # known now: a note, which --quiet hides
    assert capsys.readouterr().err == ""
    assert (out / "CNAME").is_file()
    manifest = json.loads((out / outlock.MANIFEST).read_text())
    assert manifest["kept"] == ["CNAME", "notes/todo.txt"]


def test_files_added_to_a_site_are_kept_and_pages_no_longer_built_are_removed(
        tmp_path: Path, capsys) -> None:
    src, out = tmp_path / "src", tmp_path / "site"
    src.mkdir()
    (src / "a.txt").write_text("Talks began on 6 June 2020.\n")
    (src / "b.txt").write_text("Talks ended on 9 June 2020.\n")
    args = ["build", "--source", str(src), "--output", str(out), "--no-search", "--quiet"]
    assert cli.main(args) == 0
    assert (out / "articles" / "b.html").is_file()
    (src / "b.txt").unlink()
    (out / "articles" / "mine.html").write_text("mine")
    assert cli.main(args) == 0
    assert not (out / "articles" / "b.html").exists()
    assert (out / "articles" / "mine.html").read_text() == "mine"
    assert "articles/mine.html: warning: not written by the build" in capsys.readouterr().err


def test_strict_refuses_a_site_holding_unknown_files(tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    assert build(out, "--no-search") == 0
    (out / "CNAME").write_text("x")
    before = tree(out)
    capsys.readouterr()
    assert build(out, "--no-search", "--strict") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{out}: error: refusing to write the site here: it holds files no build wrote (CNAME); "
        "move them out, or build without --strict to keep them"]
    assert tree(out) == before and siblings(out) == []


def test_a_file_in_the_way_of_the_sites_own_or_a_link_loop_is_refused(tmp_path: Path,
                                                                       capsys) -> None:
    out = tmp_path / "site"
    assert build(out, "--no-search") == 0
    for f in (out / "data").iterdir():
        f.unlink()
    (out / "data").rmdir()
    (out / "data").write_text("the user's")  # a file where the site needs a folder
    capsys.readouterr()
    assert build(out, "--no-search") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{out}: error: refusing to write the site here: its file 'data' was not written by a "
        "build and is in the way of the site's own; move it out"]
    assert (out / "data").read_text() == "the user's"
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert build(loop, "--no-search") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{loop}: error: refusing to write the site here: it is a symbolic link that leads "
        "nowhere (a loop); choose another --output"]
    assert loop.is_symlink() and siblings(loop) == []


def test_the_manifest_is_the_same_for_the_same_input(tmp_path: Path, reference) -> None:
    manifest = json.loads(reference[outlock.MANIFEST])
    assert manifest == {"format": 1, "folders": [], "kept": [],
                        "written": sorted(p for p in reference if p != outlock.MANIFEST)}
    out = tmp_path / "site"
    for _ in range(2):  # a fresh build and a rebuild over it
        assert build(out, "--no-search") == 0
        assert (out / outlock.MANIFEST).read_bytes() == reference[outlock.MANIFEST]


def test_folders_named_like_our_temporary_folders_are_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "site"
    names = ["site.tmp-20240101", "site.tmp-abcd1234", "site.tmp-abcd1234.old"]
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("the user's")
    assert build(out, "--no-search") == 0
    for name in names:
        assert (tmp_path / name / "index.html").read_text() == "the user's"


def test_a_symlinked_output_is_updated_through_the_link(tmp_path: Path, reference) -> None:
    target, link = tmp_path / "elsewhere" / "site", tmp_path / "site"
    target.mkdir(parents=True)
    link.symlink_to(target, target_is_directory=True)
    for _ in range(2):
        assert build(link, "--no-search") == 0
        assert link.is_symlink() and link.resolve() == target.resolve()
        assert tree(target) == reference
    assert sorted(p.name for p in tmp_path.iterdir()
                  if not p.name.endswith(".timeline-cache")) == ["elsewhere", "site"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["site"]


# ---------------------------------------------------------------- clean interrupts


FAKE_PAGEFIND = """\
import os, sys, time
from pathlib import Path
Path(os.environ["FAKE_PAGEFIND_PID"]).write_text(str(os.getpid()))
site = Path(sys.argv[sys.argv.index("--site") + 1])
(site / "pagefind").mkdir()
while True:  # an indexer that takes its time
    (site / "pagefind" / "chunk.bin").write_bytes(b"x" * 1000)
    time.sleep(0.05)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_build_stops_its_indexer_and_keeps_the_old_site(
        tmp_path: Path, sig: int, code: int) -> None:
    fake = tmp_path / "fake"
    (fake / "pagefind").mkdir(parents=True)
    (fake / "pagefind" / "__init__.py").write_text("")
    (fake / "pagefind" / "__main__.py").write_text(FAKE_PAGEFIND)
    pid_file = tmp_path / "indexer.pid"
    out = tmp_path / "site"
    assert build(out, "--no-search") == 0
    before = tree(out)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake), str(ROOT)]),
           "FAKE_PAGEFIND_PID": str(pid_file)}
    process = subprocess.Popen(command(out), cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    indexer = 0
    try:
        poll(lambda: pid_file.is_file() and pid_file.read_text(), "the indexer to start")
        indexer = int(pid_file.read_text())
        process.send_signal(sig)
        assert process.wait(timeout=DEADLINE) == code
        assert process.stderr.read().splitlines() == [
            f"{out}: error: interrupted; the previous site is left as it was"]
        poll(lambda: not alive(indexer), "the indexer to be stopped", deadline=30)
    finally:
        for pid in (process.pid, indexer):
            if pid and alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert tree(out) == before
    assert siblings(out) == []


def test_ctrl_c_while_writing_prints_one_line(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(out, "--no-search") == 0
    before = tree(out)
    process = subprocess.Popen(command(out, "--no-search", "--no-cache"), cwd=ROOT,
                               env=slow_env(), stderr=subprocess.PIPE, text=True)
    poll(staging_with_files(out, process, 5), "the build to start writing")
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=DEADLINE) == 130
    assert process.stderr.read().splitlines() == [
        f"{out}: error: interrupted; the previous site is left as it was"]
    assert tree(out) == before and siblings(out) == []


# ---------------------------------------------------------------- the dev server


@pytest.fixture
def server(tmp_path: Path, capfd):
    (tmp_path / "index.html").write_text("<html><body>hi</body></html>")
    state = serve.BuildState()
    state.publish(serve.Outcome(True))
    srv = serve.make_server(tmp_path, state, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv, state
    srv.shutdown()
    srv.server_close()


def status(srv, path: str, method: str = "GET") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", srv.server_address[1], timeout=30)
    try:
        conn.request(method, path)
        return conn.getresponse().status
    finally:
        conn.close()


def test_the_dev_server_answers_bad_addresses_with_400(server, capfd) -> None:
    srv, _ = server
    assert status(srv, "/index.html") == 200
    for path in ("/%00", "/index.html%00.txt", "/a%00/", "/%zz", "/%", "/%ff%fe.html",
                 "/%0a.html"):
        assert status(srv, path) == 400, path
        assert status(srv, path, "HEAD") == 400, path
    assert status(srv, "/missing.html") == 404
    assert capfd.readouterr().err == ""


def test_the_dev_server_ignores_browsers_that_hang_up(server, capfd) -> None:
    srv, state = server
    finished = threading.Event()
    real = srv.shutdown_request

    def shutdown_request(request) -> None:  # the last step of every request, even a failed one
        real(request)
        finished.set()

    srv.shutdown_request = shutdown_request
    for _ in range(5):
        finished.clear()
        client = socket.create_connection(srv.server_address[:2], timeout=30)
        client.sendall(f"GET {serve.RELOAD_PATH}?since={state.version} HTTP/1.1\r\n"
                       "Host: x\r\n\r\n".encode())
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()  # a reset, as when a tab is closed mid-request
        poll(lambda: state.publish(serve.Outcome(True)) or finished.wait(0.2),
             "the server to finish the request")
    assert status(srv, "/index.html") == 200
    assert capfd.readouterr().err == ""
