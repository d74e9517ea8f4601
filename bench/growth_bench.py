"""Benchmark: does the time grow linearly with the input? Doubles the input and watches.

Usage: python bench/growth_bench.py [--steps 5] [--quick]

For each kind of input, doubles its size `--steps` times and prints the seconds per size
and the growth factor per doubling (the time over the previous size's): close to 2 is
linear, close to 4 quadratic. Times are CPU seconds of this process, so other programs
running at the same time disturb them little. The inputs:

- `of-the`: one sentence with "of the" repeated N times (a run of name connectors);
- `on-monday`: one sentence with "on Monday" repeated N times (a date per two words);
- `clock times`: one sentence with "at 15:00 on Monday" repeated N times (per-sentence only);
- `article`: a long realistic article (news-like sentences, see dates_bench.py).

Each goes through the whole pipeline in memory (read, actors, events, render; no writing)
and, for the two pathological sentences, also straight into the per-sentence stages
(`dates.tag` and `units.units_of` on the sentence as one piece, as no reader would
pass it: the reader cuts sentences over `longtext.MAX_SENTENCE` characters).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dates_bench import make_article  # noqa: E402

from generator import build  # noqa: E402
from generator.actors import knowledge, units  # noqa: E402
from generator.actors.tokens import tokenize  # noqa: E402
from generator.dates import engine as dates  # noqa: E402
from generator.site import render  # noqa: E402

DCT = dt.date(2020, 6, 17)


def of_the(n: int) -> str:
    return "Officials of the Bank met " + "of the " * n + "Central Bank of England on Monday."


def on_monday(n: int) -> str:
    return "The minister said he would meet " + "on Monday " * n + "in Paris."


def clock_times(n: int) -> str:
    return "They met " + "at 15:00 on Monday " * n + "in Paris."


def article(n: int) -> str:
    """A realistic article of about `n` words."""
    return make_article(random.Random(n), n)


def pipeline(text: str) -> float:
    """Seconds to read, extract and render one article holding `text`."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_text(f"---\ntitle: T\ndate: {DCT}\n---\n{text}\n",
                                      encoding="utf-8")
        began = time.process_time()
        timeline, found = build.make_timeline(folder)
        build.site_files(timeline, render.SiteConfig(), build.TEMPLATES, build.STATIC, found)
        return time.process_time() - began


def one_sentence(text: str) -> float:
    """Seconds for the per-sentence stages on `text` as a single sentence."""
    ctx = knowledge.corpus_context([])
    began = time.process_time()
    dates.tag(text, DCT, [(0, len(text))])
    units.units_of(tokenize(text), ctx)
    return time.process_time() - began


def grow(label: str, make: Callable[[int], str], run: Callable[[str], float], first: int,
         steps: int) -> None:
    """Print the time at each doubling of `make`'s size and the growth factor."""
    print(f"{label}")
    before = None
    for k in range(steps):
        n = first << k
        text = make(n)
        secs = min(run(text) for _ in range(2))  # best of two: less noise from the machine
        growth = f"x{secs / before:4.2f}" if before else "     "
        print(f"  N={n:>8,}  {len(text):>10,} bytes  {secs:8.3f} s  {growth}", flush=True)
        before = secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=5, help="doublings per input (default 5)")
    ap.add_argument("--quick", action="store_true", help="smaller first sizes")
    a = ap.parse_args()
    scale = 1 if a.quick else 4
    pipeline(article(200))  # warm up: the shipped knowledge is loaded once per process
    print("growth per doubling: ~2 is linear, ~4 quadratic\n")
    grow("pipeline, one sentence 'of the' x N", of_the, pipeline, 1000 * scale, a.steps)
    grow("pipeline, one sentence 'on Monday' x N", on_monday, pipeline, 800 * scale, a.steps)
    grow("pipeline, realistic article of N words", article, pipeline, 4000 * scale, a.steps)
    grow("per-sentence stages, uncut 'of the' x N", of_the, one_sentence, 1000 * scale, a.steps)
    grow("per-sentence stages, uncut 'on Monday' x N", on_monday, one_sentence, 800 * scale,
         a.steps)
    grow("per-sentence stages, uncut 'at 15:00 on Monday' x N", clock_times, one_sentence,
         400 * scale, a.steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
