"""`timeline serve`: build, serve on 127.0.0.1, rebuild when an input changes, reload the browser.

The server hands out the built files as they are, except that every HTML page gets a
small reload script (and, when the last build found problems, a banner listing them):
the files on disk never contain either. The script long-polls `RELOAD_PATH`; a request
there returns as soon as a newer build has been published (or after `POLL_SECONDS`).
A failed build keeps the previous site, shows its problems, and the server keeps going.
"""

from __future__ import annotations

import html
import http.server
import re
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

RELOAD_PATH = "/__timeline/reload"
SCRIPT_PATH = "/__timeline/reload.js"
POLL_SECONDS = 25.0
_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")

RELOAD_JS = b"""// Injected by `timeline serve` only: reload the page when a new build is published.
(function () {
  "use strict";
  var shown = document.currentScript.getAttribute("data-build");
  function poll() {
    fetch("%s?since=" + encodeURIComponent(shown), { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (now) { if (now !== shown) { window.location.reload(); } else { poll(); } })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  poll();
})();
""" % RELOAD_PATH.encode()


@dataclass(frozen=True)
class Outcome:
    """What one build reports: whether it succeeded and the lines to show."""

    ok: bool
    problems: tuple[str, ...] = ()
    summary: str = ""


class BuildState:
    """The latest build's number and problems, shared by the watcher and request threads."""

    def __init__(self) -> None:
        self.version = 0
        self.ok = True
        self.problems: tuple[str, ...] = ()
        self._changed = threading.Condition()

    def publish(self, outcome: Outcome) -> None:
        with self._changed:
            self.version += 1
            self.ok, self.problems = outcome.ok, outcome.problems
            self._changed.notify_all()

    def wait_for_newer(self, seen: str, timeout: float) -> int:
        """Block until the build number differs from `seen` (or the timeout); return it."""
        with self._changed:
            self._changed.wait_for(lambda: str(self.version) != seen, timeout)
            return self.version


def run_build(rebuild: Callable[[], Outcome]) -> Outcome:
    """One build; an unexpected exception becomes a failed outcome instead of a dead server."""
    try:
        return rebuild()
    except Exception as e:  # the server must survive a broken template or input
        lines = traceback.format_exception_only(type(e), e)
        return Outcome(False, tuple(f"error: {line.rstrip()}" for line in lines))


def inject(page: bytes, version: int, problems: Sequence[str], failed: bool = False) -> bytes:
    """The page with the reload script before </body> and, if any, the problems banner."""
    script = f'<script src="{SCRIPT_PATH}" data-build="{version}"></script>\n'.encode()
    match = _BODY_CLOSE.search(page)
    at = match.start() if match else len(page)
    page = page[:at] + script + page[at:]
    if problems:
        opening = _BODY_OPEN.search(page)
        at = opening.end() if opening else 0
        page = page[:at] + problems_banner(problems, failed) + page[at:]
    return page


def problems_banner(problems: Sequence[str], failed: bool) -> bytes:
    """A banner listing the last build's problems (after a failure the page is the old site)."""
    items = "\n".join(html.escape(p) for p in problems)
    heading = ("The last build failed; this page is from the previous build."
               if failed else "The last build found problems in the input.")
    colour = "#7a0000" if failed else "#5c3b00"
    return (
        f'\n<div role="alert" style="margin:0;padding:1rem;background:{colour};color:#fff;'
        'font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap">'
        f"<strong>{heading}</strong>\n{items}</div>\n"
    ).encode()


def error_page() -> bytes:
    """What to serve when no build has succeeded yet (`inject` adds the errors)."""
    return (b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            b"<title>Build failed</title></head><body>\n</body></html>\n")


class DevHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder, adding the reload script (and errors) to HTML pages."""

    state: BuildState

    def __init__(self, *args, state: BuildState, **kwargs) -> None:
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass  # the terminal is for build results, not one line per request

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:  # the browser went away (closed tab, reload): nothing to say
            self.close_connection = True

    def do_HEAD(self) -> None:
        if request_path(self.path) is None:
            self._bad_request()
        else:
            super().do_HEAD()

    def do_GET(self) -> None:
        path = request_path(self.path)
        if path is None:
            self._bad_request()
        elif path == RELOAD_PATH:
            self._long_poll()
        elif path == SCRIPT_PATH:
            self._send(200, "text/javascript; charset=utf-8", RELOAD_JS)
        elif path.endswith(("/", ".html")):
            self._send_page(self._html_file(path))
        else:
            super().do_GET()

    def _html_file(self, path: str) -> Path | None:
        target = Path(self.translate_path(path))
        if target.is_dir():
            target = target / "index.html"
        return target if target.suffix == ".html" and target.is_file() else None

    def _send_page(self, target: Path | None) -> None:
        state = self.state
        if target is None and state.ok:
            super().do_GET()  # the usual 404
            return
        page = target.read_bytes() if target is not None else error_page()
        body = inject(page, state.version, state.problems, failed=not state.ok)
        self._send(200 if target else 500, "text/html; charset=utf-8", body)

    def _long_poll(self) -> None:
        seen = parse_qs(urlsplit(self.path).query).get("since", [""])[0]
        version = self.state.wait_for_newer(seen, POLL_SECONDS)
        self._send(200, "text/plain; charset=utf-8", str(version).encode())

    def _bad_request(self) -> None:
        self._send(400, "text/plain; charset=utf-8",
                   b"400 Bad Request: the address is not a valid file path\n")

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def request_path(target: str) -> str | None:
    """The decoded path of a request, or None if it cannot name a file (a NUL byte, a
    control character, a `%` not followed by two hex digits, bytes that are not UTF-8)."""
    try:
        raw = urlsplit(target).path
        path = unquote(raw, errors="strict")
    except (ValueError, UnicodeDecodeError):
        return None
    if _BAD_ESCAPE.search(raw) or any(ord(c) < 32 or ord(c) == 127 for c in path):
        return None
    return path


class DevServer(http.server.ThreadingHTTPServer):
    """The threading server, minus tracebacks for browsers that hang up mid-answer."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        sys.stderr.write(f"serve: error: request from {client_address[0]} failed: "
                         f"{type(error).__name__}: {error}\n")


def make_server(output: Path, state: BuildState, host: str, port: int) -> DevServer:
    """An HTTP server for `output` on host:port (port 0: any free port)."""
    handler = partial(DevHandler, state=state, directory=str(output))
    return DevServer((host, port), handler)


def watched(paths: Iterable[Path]) -> list[Path]:
    """The inputs that exist now (watchfiles refuses a missing path)."""
    return sorted({Path(p).resolve() for p in paths if Path(p).exists()})


def ignore_output(output: Path) -> Callable[[object, str], bool]:
    """A watchfiles filter: skip the output folder, the build's temporary folders and its
    cache (`<output>.timeline-cache`)."""
    from watchfiles import DefaultFilter

    base, out = DefaultFilter(), Path(output).resolve()
    prefix, cache = f"{out.name}.tmp-", out.with_name(out.name + ".timeline-cache")

    def keep(change: object, path: str) -> bool:
        p = Path(path)
        if p in (out, cache) or out in p.parents or cache in p.parents:
            return False
        if any(part.startswith(prefix) for part in p.parts):
            return False
        return base(change, path)

    return keep


def watch_and_rebuild(
    paths: Sequence[Path],
    output: Path,
    state: BuildState,
    rebuild: Callable[[], Outcome],
    log: Callable[[str], None],
    stop: threading.Event | None = None,
) -> None:
    """Rebuild after every batch of changes until `stop` is set (or Ctrl+C)."""
    from watchfiles import watch

    for changes in watch(*paths, watch_filter=ignore_output(output), stop_event=stop,
                         raise_interrupt=False):
        names = sorted({Path(p).name for _, p in changes})
        log(f"changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}; rebuilding")
        publish(state, run_build(rebuild), log)


def publish(state: BuildState, outcome: Outcome, log: Callable[[str], None]) -> None:
    """Report a build in the terminal and tell the browsers."""
    for line in outcome.problems:
        log(line)
    log(outcome.summary or ("build done" if outcome.ok else "build failed; serving the last good site"))
    state.publish(outcome)
