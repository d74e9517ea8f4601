"""Random and mutated articles never crash the reader or the build, and every span is honest.

A span is honest when it lies inside the article text and the text there is what the
record says: sentences, actor mentions, event sources and the date words in them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_dates_props import check as check_timexes

from generator import build
from generator.dates import engine as dates
from generator.model import Article, Diagnostic, Mention, Timeline
from generator.reading.readers import read_article

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "corpora" / "example"
SEED_TEXTS = [p.read_bytes()[:3000] for p in sorted(SEEDS.glob("*.txt"))]
# Pieces that have broken readers before: front-matter fences, odd bytes and line breaks,
# HTML, datelines and source lines, dates, quotes, captions, Markdown syntax.
SNIPPETS = [
    b"---\n", b"\n\n", b"\r\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\x93", b"\xe9",
    b"\xe2\x80\xa8", b"title: [", b"date: 2020-02-30\n", b": ", b"- ", b"# ", b"> ", b"*",
    b"<script>alert(1)</script>", b"<b>", b"</p>", b"&amp;", b"MOSCOW, Dec. 10. /TASS/. ",
    b"Source: TASS, June 20, 2020\n", b"Published: 2020-06-17\n", b"(AP Photo/X)", b"\xc2\xa9 2020",
    b"on 6 June 2020", b"Jan. 12", b"last week", b"Monday", b"Mr. Putin", b"U.S.", b"\"", b"\xe2\x80\x9c",
    b"Recep Tayyip Erdogan", b"Sergey Lavrov said", b"...", b"\t", b"   ", "é—ç新闻".encode(),
]
mutation = st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "replace"]),
                     st.sampled_from(SNIPPETS), st.integers(1, 40))


def mutate(raw: bytes, edits: Sequence[tuple[float, str, bytes, int]]) -> bytes:
    """`raw` with each edit applied at its relative position."""
    for where, op, snippet, length in edits:
        at = int(where * len(raw))
        if op == "insert":
            raw = raw[:at] + snippet + raw[at:]
        elif op == "delete":
            raw = raw[:at] + raw[at + length:]
        else:
            raw = raw[:at] + snippet + raw[at + len(snippet):]
    return raw


def check_article(article: Article | None, diags: Sequence[Diagnostic]) -> None:
    """Spans inside the text and matching it; every message one line."""
    for d in diags:
        assert d.level in ("error", "warning", "info") and "\n" not in str(d)
    if article is None:
        return
    text = article.text
    for s in article.sentences:
        assert 0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == s.text
    for p in article.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)
    assert article.lead is None or 0 <= article.lead < len(article.sentences)


def check_timeline(timeline: Timeline, mentions: Mapping[str, Sequence[Mention]]) -> None:
    """Mentions and event sources point at the text they quote."""
    texts = {a.id: a.text for a in timeline.articles}
    actors = {a.id for a in timeline.actors}
    for article_id, found in mentions.items():
        for m in found:
            assert 0 <= m.start < m.end <= len(texts[article_id])
            assert texts[article_id][m.start:m.end] == m.text and m.actor in actors
    for event in timeline.events:
        assert set(event.actors) <= actors
        for s in event.sources:
            text = texts[s.article]
            assert 0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == s.quote
            if s.date_start >= 0:
                assert s.start <= s.date_start < s.date_end <= s.end
                assert text[s.date_start:s.date_end] == s.date_text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.md"]))
def test_random_bytes_never_crash_the_reader(raw: bytes, name: str) -> None:
    check_article(*read_article(Path(name), name, raw, None))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SEED_TEXTS), st.lists(mutation, max_size=8),
       st.sampled_from(["a.txt", "a.md"]))
def test_mutated_seed_articles_never_crash_the_reader(raw: bytes, edits, name: str) -> None:
    check_article(*read_article(Path(name), name, mutate(raw, edits), None))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.dictionaries(
    st.sampled_from(["title", "date", "outlet", "url", "tags", "titel", "author", "published"]),
    st.one_of(st.text(max_size=20), st.integers(), st.lists(st.text(max_size=5), max_size=3),
              st.none()), max_size=5))
def test_random_front_matter_never_crashes_the_reader(body: str, front: dict) -> None:
    lines = "".join(f"{k}: {v!r}\n" for k, v in front.items())
    raw = f"---\n{lines}---\n{body}".encode("utf-8", "surrogatepass")
    check_article(*read_article(Path("a.md"), "a.md", raw, None))


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.sampled_from(SEED_TEXTS), st.lists(mutation, max_size=6),
                          st.sampled_from([".txt", ".md"])), min_size=1, max_size=3))
def test_mutated_corpora_never_crash_the_build(corpus) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "site"
        src.mkdir()
        for i, (raw, edits, suffix) in enumerate(corpus):
            (src / f"{i}{suffix}").write_bytes(mutate(raw, edits))
        result = build.build(src, out, with_search=False)
        check_timeline(result.timeline, result.mentions)
        for article in result.timeline.articles:
            check_article(article, result.diagnostics)
        assert result.failed() or (out / "index.html").is_file()


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**15), st.sampled_from(["days", "weeks", "months", "years", "decades",
                                                "centuries", "hours"]),
       st.sampled_from(["ago", "later", "earlier", "from now"]),
       st.sampled_from(["tomorrow", "next week", "last Monday", "on June 8", "next decade", ""]),
       st.dates())
def test_far_counts_and_calendar_edges_never_crash_the_date_engine(
        n: int, unit: str, direction: str, other: str, dct) -> None:
    check_timexes(f"It happened {n} {unit} {direction}, and {other}.", dct)


@settings(max_examples=60, deadline=None)
@given(st.dates(), st.sampled_from(["date: {d}\n", "published: {d}\n"]))
def test_any_publication_date_never_crashes_the_reader(day, line: str) -> None:
    raw = ("---\n" + line.format(d=day.isoformat()) + "---\nTalks began tomorrow, on June 8, "
           "and ended next week.\n\nSource: TASS, December 31, 9999\n").encode()
    article, diags = read_article(Path("a.md"), "a.md", raw, None)
    check_article(article, diags)
    assert article is not None and (article.date is None or dates.in_range(article.date))
