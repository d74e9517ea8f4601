"""Linear time on any text: pathological inputs cost about what normal prose of the same size
costs. Each timing test compares against normal prose (or a corpus of short articles) of
equal byte size, never against a clock, so a slow machine does not fail them. Every one of
them failed before the fix (ratios of 5 to 35; 2.6 to 3 for the long article) where they
now stay under 2. `bench/growth_bench.py` shows the same at larger sizes."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import build
from generator.actors import knowledge, units
from generator.actors.tokens import tokenize
from generator.dates import engine as dates
from generator.reading import corpus, longtext
from generator.site import render

DCT = dt.date(2020, 6, 17)
MAX_RATIO = 3.5  # pathological over normal: now under 2; before the fix 5 or more

_SUBJECTS = ["The foreign minister", "Rebel forces", "The central bank", "Lawmakers",
             "The United Nations envoy", "Local residents", "The company", "The two delegations"]
_VERBS = ["said", "announced", "will meet", "plans to visit", "rejected the plan",
          "postponed the talks", "signed a deal", "called for a ceasefire", "denied the report"]
_TIMES = ["on Monday", "last week", "on Jan. 12", "in March", "two years ago", "next month",
          "on June 8, 2020", "yesterday", "", ""]
_TAILS = ["despite objections from the opposition", "according to a statement",
          "after weeks of negotiations", "while talks continued in Geneva"]


def prose(size: int, seed: int = 1) -> str:
    """News-like prose of about `size` characters, in paragraphs of a few sentences."""
    rng, out, length = random.Random(seed), [], 0
    while length < size:
        parts = (rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_TIMES), rng.choice(_TAILS))
        sentence = " ".join(p for p in parts if p) + "."
        out.append(sentence + ("\n\n" if rng.random() < 0.25 else " "))
        length += len(out[-1])
    return "".join(out)[:size]


def dense(size: int, seed: int = 1) -> str:
    """Short sentences thick with names, a few dated: what makes per-article scans show."""
    rng, out, length = random.Random(seed), [], 0
    countries = ["France", "Turkey", "Russia", "Egypt", "Germany", "Italy", "Greece", "Spain"]
    while length < size:
        a, b = rng.sample(countries, 2)
        when = " on Monday" if rng.random() < 0.1 else ""
        out.append(f"{a} criticised {b}{when}." + ("\n\n" if rng.random() < 0.5 else " "))
        length += len(out[-1])
    return "".join(out)[:size]


def _write(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"{i:03d}.txt").write_text(f"---\ntitle: T{i}\ndate: {DCT}\n---\n{text}\n",
                                             encoding="utf-8")
    return folder


def _pipeline(folder: Path) -> None:
    """Read, extract and render in memory: every stage but writing."""
    timeline, found = build.make_timeline(folder)
    build.site_files(timeline, render.SiteConfig(), build.TEMPLATES, build.STATIC, found)


def _seconds(run: Callable[[], object], runs: int) -> float:
    """Best of `runs` runs, in CPU seconds of this process (other processes do not count)."""
    best = float("inf")
    for _ in range(runs):
        began = time.process_time()
        run()
        best = min(best, time.process_time() - began)
    return best


def _ratio(bad: Callable[[], object], normal: Callable[[], object], runs: int = 1) -> float:
    return _seconds(bad, runs) / max(_seconds(normal, runs), 1e-3)


@pytest.fixture(autouse=True, scope="module")
def _warm(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load the shipped knowledge and the templates once, before anything is timed."""
    _pipeline(_write(tmp_path_factory.mktemp("warm"), [prose(2_000)]))


def _one_sentence(text: str) -> None:
    """The per-sentence stages on `text` as one sentence, as no reader would cut it."""
    dates.tag(text, DCT, [(0, len(text))])
    units.units_of(tokenize(text), knowledge.corpus_context([]))


@pytest.mark.parametrize("bad", [
    pytest.param("Officials of the Bank met " + "of the " * 3000 + "Bank of England.", id="of-the"),
    pytest.param("The minister said he would meet " + "on Monday " * 4000 + "in Paris.",
                 id="on-monday"),
])
def test_a_pathological_sentence_builds_like_prose_of_its_size(tmp_path: Path, bad: str) -> None:
    bad_dir, normal_dir = _write(tmp_path / "bad", [bad]), _write(tmp_path / "ok", [prose(len(bad))])
    ratio = _ratio(lambda: _pipeline(bad_dir), lambda: _pipeline(normal_dir))
    assert ratio < MAX_RATIO, f"{ratio:.1f} times slower than prose of the same size"


@pytest.mark.parametrize("bad", [
    pytest.param("of the " * 2000, id="of-the"),
    pytest.param("on Monday " * 6000, id="on-monday"),
    pytest.param("at 15:00 on Monday " * 1500, id="clock-times"),
])
def test_the_sentence_stages_are_linear_even_on_an_uncut_sentence(bad: str) -> None:
    normal = prose(len(bad)).replace("\n", " ")
    ratio = _ratio(lambda: _one_sentence(bad), lambda: _one_sentence(normal), runs=2)
    assert ratio < MAX_RATIO, f"{ratio:.1f} times slower than prose of the same size"


def test_a_long_article_builds_like_short_articles_of_the_same_total_size(tmp_path: Path) -> None:
    short = [dense(3_000, seed) for seed in range(20)]
    long_dir = _write(tmp_path / "long", ["".join(short)])
    short_dir = _write(tmp_path / "short", short)
    ratio = _ratio(lambda: _pipeline(long_dir), lambda: _pipeline(short_dir))
    # the same text either way, so the same work: before the fix, 2.6 to 3 times as long
    assert ratio < 2.0, f"{ratio:.1f} times slower than 20 articles of the same size"


def test_a_sentence_of_pathological_length_is_read_in_pieces_with_one_warning(
        tmp_path: Path) -> None:
    text = "A normal first line.\n\n" + "The talks went on and on " * 800 + "until Monday."
    _write(tmp_path, [text])
    articles, diags = corpus.read_corpus(tmp_path, 10 << 20)
    (article,) = articles
    assert max(s.end - s.start for s in article.sentences) <= longtext.MAX_SENTENCE
    assert [str(d) for d in diags] == [
        f"000.txt:7: warning: {longtext.too_long(len(text) - 22)}"]
    assert article.sentences[-1].text.endswith("until Monday.")


def test_pieces_cut_at_spaces_and_cover_the_text() -> None:
    text = "word " * 50 + "x" * 40
    spans = longtext.pieces(text, 0, len(text), limit=32)
    assert all(e - s <= 32 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    assert all(text[s:e].endswith("word") for s, e in spans[:-2])


def test_a_sentence_repeated_word_for_word_gives_events_with_distinct_ids(tmp_path: Path) -> None:
    _write(tmp_path, ["He ran on Monday.\n\nHe ran on Monday."])
    timeline, _ = build.make_timeline(tmp_path)
    ids = [e.id for e in timeline.events]
    assert len(ids) == 2 and len(set(ids)) == 2
