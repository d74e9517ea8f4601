"""Client-side search: index a written site with Pagefind. Reports as data; prints nothing.

Pagefind reads the HTML (what `data-pagefind-body` marks, and the `data-pagefind-filter`
values) and writes only `<site>/pagefind/`. The build runs it inside its temporary
folder, before the new site replaces the old one, so a published site never has pages
without their index.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"
INSTALL_HINT = "pip install 'pagefind[bin]==1.5.2'"
TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class SearchReport:
    """How indexing went: `ok` False means the site has no search index."""

    ok: bool
    message: str
    seconds: float = 0.0


def available() -> bool:
    """Whether the Pagefind package (with its binary) can be imported here."""
    return importlib.util.find_spec("pagefind") is not None


def index_site(folder: Path) -> SearchReport:
    """Run Pagefind over the HTML in `folder`; it writes `folder/pagefind/`."""
    if not available():
        return SearchReport(False, f"search skipped: Pagefind is not installed ({INSTALL_HINT}); "
                                   "the site works, its search page says search is unavailable")
    began = time.perf_counter()
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--quiet"]
    try:
        done = _run(command)
    except (OSError, subprocess.TimeoutExpired) as e:
        return SearchReport(False, f"search skipped: Pagefind did not run: {e}")
    seconds = time.perf_counter() - began
    if done.returncode != 0 or not (Path(folder) / BUNDLE / "pagefind-ui.js").is_file():
        detail = _last_line(done.stderr or done.stdout) or f"exit code {done.returncode}"
        return SearchReport(False, f"search skipped: Pagefind failed: {detail}", seconds)
    return SearchReport(True, f"search index written in {seconds:.2f} s", seconds)


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the indexer in its own process group, and stop the whole group if we are stopped.

    On Ctrl+C (or a timeout) it must not keep writing into a folder we are removing.
    """
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=os.name == "posix") as child:
        try:
            out, err = child.communicate(timeout=TIMEOUT_SECONDS)
        except BaseException:
            _stop(child)
            raise
    return subprocess.CompletedProcess(command, child.returncode, out, err)


def _stop(child: subprocess.Popen[str]) -> None:
    """End the indexer and anything it started: politely, then for sure."""
    for sig, wait in ((signal.SIGTERM, 5.0), (getattr(signal, "SIGKILL", signal.SIGTERM), 30.0)):
        try:
            if os.name == "posix":
                os.killpg(child.pid, sig)
            else:  # pragma: no cover - Windows
                child.kill()
            child.wait(timeout=wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""
