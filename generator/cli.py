"""The `timeline` command. The only module that prints or chooses an exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator import __version__, dates


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="timeline", description="Build a linked timeline site "
                                "from a folder of news articles.")
    p.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the site from the articles folder")
    b.add_argument("--source", type=Path, default=Path("seeds"), help="articles folder (seeds/)")
    b.add_argument("--output", type=Path, default=Path("site"), help="output folder (site/)")
    b.add_argument("--title", default="Timeline", help="site title")
    b.add_argument("--strict", action="store_true", help="fail on warnings too")
    b.add_argument("--quiet", action="store_true", help="print only problems")
    d = sub.add_parser("dates", help="print the temporal expressions in a text as JSON lines")
    d.add_argument("file", help="a text file, or - for standard input")
    d.add_argument("--dct", type=_date_arg, help="publication date, YYYY-MM-DD")
    d.add_argument("--explain", action="store_true", help="add the rule, direction and reason")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "build":
        return _cmd_build(args)
    return _cmd_dates(args)


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
    from generator import build, render

    if not args.source.is_dir():
        print(f"{args.source}: error: no such folder; pass --source DIR", file=sys.stderr)
        return 2
    began = time.perf_counter()
    try:
        result = build.build(args.source, args.output, render.SiteConfig(title=args.title),
                             strict=args.strict)
    except ValueError as e:  # the writer refuses a dangerous output folder
        print(f"{args.output}: error: {e}", file=sys.stderr)
        return 2
    for diag in result.diagnostics:
        if diag.level != "info" or not args.quiet:
            print(diag, file=sys.stderr)
    tl = result.timeline
    if not args.quiet:
        print("Publication dates:")
        print("\n".join(build.dating_report(tl.articles)))
    if result.failed(args.strict):
        print(f"build failed: {args.output} left as it was", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{len(tl.articles)} articles, {len(tl.events)} events, {len(tl.actors)} actors "
              f"-> {args.output}/ ({len(result.files)} files, {time.perf_counter() - began:.2f} s)")
    return 0
