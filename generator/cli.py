"""The `timeline` command. The only module that prints or chooses an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import __version__
from generator.dates import engine as dates
from generator.reading import sourcefiles


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _size_arg(text: str) -> int:
    try:
        return sourcefiles.parse_size(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline", description="Build a linked timeline site "
                                "from a folder of news articles.")
    p.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the site from the articles folder")
    b.add_argument("--source", type=Path, default=Path("seeds"), help="articles folder (seeds/)")
    b.add_argument("--output", type=Path, default=Path("site"), help="output folder (site/)")
    b.add_argument("--config", type=Path, help="site configuration (default: site.yaml, if present)")
    b.add_argument("--title", help="site title (overrides the config)")
    b.add_argument("--base-url", help="where the site is published: an absolute URL "
                   "(https://USER.github.io/REPO/) or a path (/REPO/); overrides the config")
    b.add_argument("--strict", action="store_true", help="fail on warnings too")
    b.add_argument("--quiet", action="store_true", help="print only problems")
    b.add_argument("--max-size", type=_size_arg, default=sourcefiles.DEFAULT_MAX_SIZE,
                   metavar="SIZE",
                   help="skip article files bigger than this: bytes, or e.g. 500K, 2M (10M)")
    b.add_argument("--no-search", dest="search", action="store_false",
                   help="skip the search index (Pagefind)")
    _speed_args(b)
    v = sub.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on every change")
    v.add_argument("--source", type=Path, default=Path("seeds"), help="articles folder (seeds/)")
    v.add_argument("--output", type=Path, default=Path("site"), help="output folder (site/)")
    v.add_argument("--config", type=Path, help="site configuration (default: site.yaml, if present)")
    v.add_argument("--title", help="site title (overrides the config)")
    v.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    v.add_argument("--port", type=int, default=8000, help="port (8000; 0 picks a free one)")
    v.add_argument("--no-search", dest="search", action="store_false",
                   help="skip the search index (Pagefind)")
    _speed_args(v)
    i = sub.add_parser("init", help="start a new timeline project in DIR (the current folder)")
    i.add_argument("dir", nargs="?", type=Path, default=Path("."), metavar="DIR",
                   help="the project folder; created if missing, never overwritten")
    a = sub.add_parser("add", help="fetch news pages and save them as articles (Markdown)")
    a.add_argument("urls", nargs="+", metavar="URL", help="address of a news article page")
    a.add_argument("--source", type=Path, default=Path("seeds"), help="articles folder (seeds/)")
    a.add_argument("--dry-run", action="store_true", help="show what would be written; write nothing")
    d = sub.add_parser("dates", help="print the temporal expressions in a text as JSON lines")
    d.add_argument("file", help="a text file, or - for standard input")
    d.add_argument("--dct", type=_date_arg, help="publication date, YYYY-MM-DD")
    d.add_argument("--explain", action="store_true", help="add the rule, direction and reason")
    return p


def _jobs_arg(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes (1 or more): {text!r}")
    return int(text)


def _speed_args(p: argparse.ArgumentParser) -> None:
    from generator.incremental import pool

    p.add_argument("--jobs", type=_jobs_arg, default=pool.default_jobs(), metavar="N",
                   help="processes reading the articles (the machine's cores)")
    p.add_argument("--no-cache", dest="cache", action="store_false", help="ignore and leave "
                   "alone the cache of each article's extraction (OUTPUT.timeline-cache/)")


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised like Ctrl+C so a build cleans up the same way."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stops_quietly(run: Callable[[Sequence[str] | None], int]) -> Callable[..., int]:
    """Ctrl+C, SIGTERM and SIGHUP end a command with one line and 128 + the signal number."""

    @functools.wraps(run)
    def wrapper(argv: Sequence[str] | None = None) -> int:
        def stop(signum: int, _frame: object) -> None:
            raise Stopped(signum)

        handled = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
        mine = threading.current_thread() is threading.main_thread()
        previous = {sig: signal.signal(sig, stop) for sig in handled} if mine else {}
        try:
            return run(argv)
        except KeyboardInterrupt as e:
            print("timeline: error: interrupted", file=sys.stderr)
            return interrupt_code(e)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    return wrapper


def interrupt_code(e: KeyboardInterrupt) -> int:
    """The exit code for an interrupt: 130 for Ctrl+C, 143 for SIGTERM."""
    return 128 + int(getattr(e, "signum", signal.SIGINT))


@_stops_quietly
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "build":
        return _cmd_build(args)
    if args.command == "serve":
        return _cmd_serve(args)
    if args.command == "init":
        return _cmd_init(args)
    if args.command == "add":
        return _cmd_add(args)
    return _cmd_dates(args)


def _cmd_add(args: argparse.Namespace) -> int:
    """`timeline add URL…`: one line per address; exit 1 if any could not be added."""
    from generator.reading import fetch

    results = fetch.add(args.urls, args.source, dt.date.today(), dry_run=args.dry_run)
    for r in results:
        if r.error is not None:
            print(f"{r.url}: error: {r.error}", file=sys.stderr)
        elif args.dry_run:
            print(f"would write {r.path}:\n{r.content}")
        else:
            print(f"added {r.path} ({r.url})")
    return 1 if any(r.error for r in results) else 0


def _cmd_init(args: argparse.Namespace) -> int:
    from generator import scaffold

    root: Path = args.dir
    if root.exists() and not root.is_dir():
        print(f"{root}: error: not a folder; pass a folder name, e.g. `timeline init mytimeline`",
              file=sys.stderr)
        return 2
    plan = scaffold.plan(root.resolve().name)
    clashes = scaffold.existing(root, plan.files)
    if clashes:
        for rel in clashes:
            print(f"{root / rel}: error: already exists; init writes nothing over it",
                  file=sys.stderr)
        print(f"{root}: error: nothing written; choose an empty folder, e.g. "
              "`timeline init mytimeline`", file=sys.stderr)
        return 1
    try:
        scaffold.write(root, plan.files)
    except OSError as e:
        print(f"{e.filename or root}: error: cannot write ({e.strerror or e})", file=sys.stderr)
        return 1
    for rel in plan.files:
        print(f"created {root / rel}")
    for note in plan.notes:
        print(f"note: {note}")
    where = "" if root.resolve() == Path.cwd() else f"cd {root} && "
    print(f"Next: {where}timeline build   (then open site/index.html, or run `timeline serve`)")
    return 0


def _cmd_dates(args: argparse.Namespace) -> int:
    try:
        if args.file == "-":
            content = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8", newline="") as f:
                content = f.read()
    except (OSError, UnicodeDecodeError) as e:
        print(f"{args.file}: error: cannot read: {e}", file=sys.stderr)
        return 2
    for t in dates.tag(content, args.dct):
        record = t.explain() if args.explain else t.as_json()
        print(json.dumps(record, ensure_ascii=False))
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from generator import build

    problem = _missing(args.source, "folder", "--source DIR")
    if problem is None and args.config is not None:
        problem = _missing(args.config, "config file", "--config FILE")
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    config = _site_config(args)
    if config is None:
        return 1
    from generator.incremental.progress import Meter

    began = time.perf_counter()
    meter = Meter(sys.stderr.write, sys.stderr.isatty() and not args.quiet)
    try:
        try:
            result = build.build(args.source, args.output, config,
                                 strict=args.strict, with_search=args.search,
                                 max_size=args.max_size, on_wait=_waiting(args),
                                 cache=args.cache, jobs=args.jobs, progress=meter)
        finally:
            meter.finish()  # the progress line, if any, goes before anything else is said
    except ValueError as e:  # the writer refuses a dangerous output folder
        print(f"{args.output}: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # disk full, no permission: the previous site is still in place
        print(f"{args.output}: error: cannot write the site ({e.strerror or e}); "
              "the previous site is left as it was", file=sys.stderr)
        return 1
    except KeyboardInterrupt as e:  # Ctrl+C or SIGTERM: the writer has cleaned up
        print(f"{args.output}: error: interrupted; the previous site is left as it was",
              file=sys.stderr)
        return interrupt_code(e)
    for diag in result.diagnostics:
        if diag.level != "info" or not args.quiet:
            print(diag, file=sys.stderr)
    summary = result.summary
    if not args.quiet:
        print("Publication dates:")
        print("\n".join(summary.dating))
    if result.failed(args.strict):
        print(f"build failed: {args.output} left as it was", file=sys.stderr)
        return 1
    _report_search(result.search, args.quiet)
    if not args.quiet:
        counts = ", ".join(_count(n, word) for n, word in (
            (summary.articles, "article"), (summary.events, "event"), (summary.actors, "actor")))
        reused = ", up to date" if result.up_to_date else \
            f", {result.reused}/{summary.articles} articles from the cache" if result.reused else ""
        print(f"{counts} -> {args.output}/ ({summary.files} files, "
              f"{time.perf_counter() - began:.2f} s{reused})")
    return 0


def _missing(path: Path, what: str, flag: str) -> str | None:
    """The error line when `path` is not a readable folder (or file), else None."""
    try:
        found = path.is_dir() if what == "folder" else path.is_file()
    except OSError as e:  # a name too long to look up, a link loop
        return f"{path}: error: cannot read: {e.strerror or e}; check {flag.split()[0]}"
    return None if found else f"{path}: error: no such {what}; pass {flag}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _waiting(args: argparse.Namespace) -> Callable[[int | None], None]:
    """What to say when another build is writing the output first."""
    def say(pid: int | None) -> None:
        if not args.quiet:
            who = f" (process {pid})" if pid else ""
            print(f"{args.output}: info: another build{who} is writing this folder; waiting "
                  "for it to finish", file=sys.stderr, flush=True)
    return say


def _site_config(args: argparse.Namespace):
    """The site config from the file and the flags, or None (after saying why) if it is bad."""
    from generator import config as config_mod

    config, diags = config_mod.resolve(args.config, args.title, args.base_url)
    for diag in diags:
        print(diag, file=sys.stderr)
    bad = {"error", "warning"} if args.strict else {"error"}
    if any(d.level in bad for d in diags):
        print(f"build failed: {args.output} left as it was", file=sys.stderr)
        return None
    return config


def _report_search(report, quiet: bool) -> None:
    """A failed or skipped index is a warning (the site still works); success is info."""
    if report is None:
        return
    if not report.ok:
        print(f"warning: {report.message}", file=sys.stderr)
    elif not quiet:
        print(report.message)


def _serve_build(args: argparse.Namespace):
    """One build for the dev server, as a `serve.Outcome` (problems as printable lines)."""
    from generator import build, serve
    from generator import config as config_mod

    began = time.perf_counter()
    config, config_diags = config_mod.resolve(getattr(args, "config", None), args.title)
    if any(d.level == "error" for d in config_diags):
        return serve.Outcome(False, tuple(str(d) for d in config_diags))
    result = build.build(args.source, args.output, config, with_search=args.search,
                         cache=getattr(args, "cache", True), jobs=getattr(args, "jobs", 1))
    problems = tuple(str(d) for d in config_diags + result.diagnostics if d.level != "info")
    if result.failed():
        return serve.Outcome(False, problems)
    if result.search is not None and not result.search.ok:
        problems += (f"warning: {result.search.message}",)
    summary, same = result.summary, " (up to date)" if result.up_to_date else ""
    return serve.Outcome(True, problems, f"built {summary.articles} articles, {summary.events} "
                         f"events in {time.perf_counter() - began:.2f} s{same}")


def _cmd_serve(args: argparse.Namespace) -> int:
    import functools
    import threading

    from generator import build, serve
    from generator import config as config_mod
    from generator.output import writer

    if (problem := _missing(args.source, "folder", "--source DIR")) is not None:
        print(problem, file=sys.stderr)
        return 2
    try:
        writer.check_output(Path(args.output).absolute())
    except ValueError as e:
        print(f"{args.output}: error: {e}", file=sys.stderr)
        return 2
    state, rebuild = serve.BuildState(), functools.partial(_serve_build, args)
    serve.publish(state, serve.run_build(rebuild), _log)
    try:
        server = serve.make_server(args.output, state, args.host, args.port)
    except OSError as e:
        print(f"error: cannot listen on {args.host}:{args.port}: {e}", file=sys.stderr)
        return 2
    threading.Thread(target=server.serve_forever, daemon=True).start()
    theme = config_mod.resolve(args.config, args.title)[0].theme  # a theme folder, if any
    paths = serve.watched([args.source, build.TEMPLATES, build.STATIC,
                           args.config or Path("site.yaml"),
                           *([theme] if theme else [])])
    host, port = server.server_address[:2]
    _log(f"Serving {args.output}/ at http://{host}:{port}/ (Ctrl+C to stop)")
    _log("Watching " + ", ".join(str(p) for p in paths))
    try:
        serve.watch_and_rebuild(paths, args.output, state, rebuild, _log)
    finally:
        server.shutdown()
        server.server_close()
    return 0


def _log(line: str) -> None:
    print(line, flush=True)
