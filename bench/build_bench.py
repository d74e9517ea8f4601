"""Benchmark: a whole build on a generated corpus; time per stage and peak memory.

Usage: python bench/build_bench.py [--articles 300] [--words 600]

Writes a deterministic corpus of news-like articles (front matter dates spread over a
year, titled people, organisations and countries from fixed pools) into a temporary
folder, then times each stage of the build (read, actors, events, render, write) and
prints the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dates_bench import make_article  # noqa: E402

from generator import build  # noqa: E402
from generator.actors import resolve as actors  # noqa: E402
from generator.events import extract as events  # noqa: E402
from generator.model import Timeline  # noqa: E402
from generator.output import writer  # noqa: E402
from generator.reading import corpus  # noqa: E402
from generator.site import render  # noqa: E402

PEOPLE = ["Foreign Minister Anna Berg", "President Tomas Novak", "General Idris Karam",
          "Prime Minister Lena Ortiz", "spokesman Yusuf Demir", "Senator Paul Whitfield"]
GROUPS = ["the United Nations", "NATO", "the European Union", "the African Union",
          "the National Liberation Front (NLF)", "the Ministry of Defence"]
COUNTRIES = ["France", "Egypt", "Turkey", "Russia", "Brazil", "Japan", "Kenya", "Germany"]


def write_corpus(folder: Path, n: int, words: int) -> None:
    """`n` articles with front matter, each naming a few actors."""
    rng = random.Random(20240101)
    start = dt.date(2023, 1, 1)
    for i in range(n):
        day = start + dt.timedelta(days=rng.randrange(365))
        lead = (f"{rng.choice(PEOPLE)} met officials from {rng.choice(GROUPS)} in "
                f"{rng.choice(COUNTRIES)} on Monday, officials said.")
        body = make_article(rng, words).replace("The foreign minister", rng.choice(PEOPLE))
        text = f"---\ntitle: Report {i}\ndate: {day.isoformat()}\noutlet: Wire\n---\n{lead}\n\n{body}\n"
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")


def timed(label: str, fn, *args):  # noqa: ANN001, ANN202
    began = time.perf_counter()
    out = fn(*args)
    print(f"  {label:8} {time.perf_counter() - began:7.2f} s")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--words", type=int, default=600)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "site"
        src.mkdir()
        write_corpus(src, a.articles, a.words)
        print(f"{a.articles} articles of about {a.words} words")
        began = time.perf_counter()
        arts, _ = timed("read", corpus.read_corpus, src)
        found = timed("actors", actors.find_actors, arts)
        evs = timed("events", events.extract_events, arts, found.mentions, found.places, found.actors)
        tl = Timeline(tuple(arts), found.actors, evs)
        files = timed("render", build.site_files, tl, render.SiteConfig(), ROOT / "templates",
                      ROOT / "static", found.mentions)
        timed("write", writer.write_site, files, out)
        total = time.perf_counter() - began
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  total    {total:7.2f} s: {a.articles / total:.0f} articles/s, {len(evs)} events, "
              f"{len(found.actors)} actors, {len(files)} files; peak memory {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
