"""Benchmark: how many news-like articles per second the date engine tags on one core.

Usage: python bench/dates_bench.py [--articles 400] [--words 600] [--seeds DIR]

Makes a deterministic corpus of news-like articles (sentences built from a fixed pool
of clauses and temporal phrases, seeded random), tags each with `dates.tag`, and prints
articles per second, words per second and expressions found. With --seeds it also
times tagging the real articles in that folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.dates import engine as dates  # noqa: E402

SUBJECTS = ["The foreign minister", "Rebel forces", "The central bank", "Officials in the capital",
            "The prime minister's office", "A spokesman for the army", "The two delegations",
            "Lawmakers", "The United Nations envoy", "Local residents", "The company"]
VERBS = ["said", "announced", "confirmed", "will meet", "plans to visit", "rejected the plan",
         "met with rivals", "postponed the talks", "signed a deal", "is expected to vote",
         "launched an offensive", "called for a ceasefire", "denied the report"]
TIMES = ["on Monday", "on Friday", "last week", "on Jan. 12", "in March", "earlier this year",
         "since 2011", "two years ago", "on June 8, 2020", "next month", "in the coming days",
         "for more than a year", "at 15:00 GMT", "in the first quarter of 2019", "yesterday",
         "on Tuesday night", "in the 1990s", "every Monday", "by the end of 2021", "", "", ""]
TAILS = ["despite objections from the opposition", "according to a statement",
         "after weeks of negotiations", "in a move criticised by neighbours",
         "with 1,200 troops and 40 S-400 units", "under Resolution 2510",
         "as prices rose 3.5 percent", "while talks continued in Geneva"]


def make_article(rng: random.Random, words: int) -> str:
    """A news-like article of about `words` words."""
    out, count = [], 0
    while count < words:
        sentence = " ".join(x for x in (rng.choice(SUBJECTS), rng.choice(VERBS),
                                         rng.choice(TIMES), rng.choice(TAILS)) if x) + "."
        out.append(sentence)
        count += len(sentence.split())
        if rng.random() < 0.2:
            out.append("\n\n")
    return " ".join(out)


def run(texts: list[str], dct: dt.date, repeat: int) -> tuple[float, int]:
    """Best-of-`repeat` seconds to tag every text, and expressions found."""
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = sum(len(dates.tag(t, dct)) for t in texts)
        best = min(best, time.perf_counter() - start)
    return best, found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seeds", type=Path, default=None)
    a = ap.parse_args()
    rng = random.Random(20200617)
    texts = [make_article(rng, a.words) for _ in range(a.articles)]
    n_words = sum(len(t.split()) for t in texts)
    secs, found = run(texts, dt.date(2020, 6, 17), a.repeat)
    print(f"synthetic: {len(texts)} articles, {n_words} words, {found} expressions "
          f"({1000 * found / n_words:.0f} per 1,000 words; real news has about 20)")
    print(f"  {secs:.3f} s best of {a.repeat}: {len(texts) / secs:.0f} articles/s, "
          f"{n_words / secs:.0f} words/s, mean {statistics.mean(len(t) for t in texts):.0f} chars")
    if a.seeds:
        seeds = [p.read_text(encoding="utf-8") for p in sorted(a.seeds.glob("*.txt"))]
        secs, found = run(seeds, dt.date(2020, 6, 17), a.repeat)
        print(f"seeds: {len(seeds)} articles, {found} expressions, {secs * 1000:.1f} ms "
              f"({len(seeds) / secs:.0f} articles/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
