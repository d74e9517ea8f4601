"""Incremental and parallel builds (generator/incremental): a build from the cache, after a
change, or over several processes writes the very bytes a clean build in one process does."""

from __future__ import annotations

import pickle
import random
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from generator import build, cli
from generator.actors import Held, find_actors, load_registry
from generator.actors.tokens import tokenize
from generator.config import SiteConfig
from generator.events import extract
from generator.incremental import Cache, CachedSentences, cache_folder, pool, scratch
from generator.incremental import corpus as incremental_corpus
from generator.incremental import read_corpus as read_cached
from generator.incremental.corpus import HOLD_TOKENS
from generator.incremental.progress import Meter
from generator.incremental.store import SCRATCH, TAG
from generator.reading import corpus

ROOT = Path(__file__).resolve().parent
EXAMPLE = ROOT / "corpora" / "example"
NASTY = ROOT / "nasty" / "src"

_WHO = ["Foreign Minister Anna Berg", "The United Nations envoy", "Rebel forces", "The company",
        "Chancellor Olaf Scholz", "Amnesty International", "The central bank", "Lawmakers"]
_DID = ["met officials in Geneva", "announced a ceasefire", "will visit Ankara",
        "signed a deal with the Government of National Accord (GNA)", "rejected the plan"]
_WHEN = ["on Monday", "last week", "on Jan. 12", "in March", "next month", "on June 8, 2020", ""]


def _corpus(folder: Path, n: int, seed: int = 7) -> Path:
    """`n` short news articles with front matter, plus the example corpus and its registry."""
    shutil.copytree(EXAMPLE, folder)
    rng = random.Random(seed)
    for i in range(n):
        lines = [f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHEN)}, the GNA said."
                 .replace(" ,", ",") for _ in range(rng.randint(3, 8))]
        (folder / f"story-{i:03d}.md").write_text(
            f"---\ntitle: Story {i}\ndate: 2020-0{1 + i % 9}-1{i % 10}\n---\n"
            + "\n\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(source: Path, output: Path, **kw) -> build.BuildResult:  # noqa: ANN003
    result = build.build(source, output, with_search=False, **kw)
    assert not result.failed(), [str(d) for d in result.diagnostics if d.level == "error"]
    return result


@pytest.mark.parametrize("source", [EXAMPLE, NASTY], ids=["example", "nasty"])
def test_cached_reading_gives_what_the_reader_gives(source: Path, tmp_path: Path) -> None:
    plain = corpus.read_corpus(source)
    for run in range(2):  # computed, then from the cache
        cache = Cache(tmp_path / "cache")
        articles, diags, extracted, keys = read_cached(source, cache=cache)
        assert (articles, diags) == plain
        assert set(extracted) == set(keys) == {a.id for a in articles}
        assert cache.reused == run * len(articles)


def test_rebuild_after_a_change_is_byte_identical_to_a_clean_build(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "src", 6)
    site = tmp_path / "site"
    first = _build(source, site, cache=True)
    assert first.reused == 0 and cache_folder(site).is_dir()
    assert _build(source, site, cache=True).up_to_date  # nothing changed: nothing read
    again = _build(source, site, cache=True, config=SiteConfig(title="Retitled"))
    assert again.reused == len(again.timeline.articles)
    with (source / "story-002.md").open("a", encoding="utf-8") as f:
        f.write("\nForeign Minister Anna Berg will meet the GNA in Tripoli on Friday.\n")
    changed = _build(source, site, cache=True)
    assert changed.reused == len(changed.timeline.articles) - 1  # only the edited one re-read
    _build(source, tmp_path / "clean")  # no cache, one process
    assert _files(site) == _files(tmp_path / "clean")


def test_a_rebuild_works_out_candidates_and_titles_again_only_where_inputs_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _corpus(tmp_path / "src", 6)
    seen: list[str] = []  # the articles whose candidates, then the titles, were worked out
    candidates, title = extract._article_candidates, extract.event_title

    def spy_candidates(article, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append(article.path)
        return candidates(article, *args, **kw)

    def spy_title(article, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append("title")
        return title(article, *args, **kw)

    monkeypatch.setattr(extract, "_article_candidates", spy_candidates)
    monkeypatch.setattr(extract, "event_title", spy_title)

    def timeline() -> tuple:
        seen.clear()
        cache = Cache(tmp_path / "cache")
        made, _ = build.make_timeline(source, cache=cache)
        cache.prune()
        return made.events

    first = timeline()
    assert len(seen) > 2 * len(first) // 2 and "title" in seen
    assert timeline() == first and seen == []  # all kept
    with (source / "story-002.md").open("a", encoding="utf-8") as f:
        f.write("\nThe United Nations envoy announced a ceasefire on Jan. 12.\n")
    changed, worked = timeline(), list(seen)
    clean = build.make_timeline(source)[0]
    assert changed == clean.events  # what a clean build finds
    edited = next(a.id for a in clean.articles if a.path == "story-002.md")
    told = [e for e in changed if any(s.article == edited for s in e.sources)]
    assert [p for p in worked if p != "title"] == ["story-002.md"]  # only its candidates
    assert 0 < worked.count("title") <= len(told) < len(changed)  # only the titles it may give
    # a new actor (its name may be a pronoun's antecedent anywhere): every article again
    (source / "story-009.md").write_text("---\ntitle: New\ndate: 2020-03-03\n---\nThe "
                                         "Zentrix Corporation said on Monday it was sold.\n",
                                         encoding="utf-8")
    assert timeline() == build.make_timeline(source)[0].events
    assert len({p for p in seen if p != "title"}) == len(list(source.glob("*.md"))) + len(
        list(source.glob("*.txt")))


def test_a_rebuild_cuts_into_units_only_articles_whose_actor_inputs_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _corpus(tmp_path / "src", 6)
    (source / "story-100.md").write_text(
        "---\ntitle: Zentrix\ndate: 2020-04-04\n---\nZentrix said on Monday it would "
        "buy the GNA's shares. Hope Corp. rejected the plan.\n", encoding="utf-8")
    cut: list[str] = []
    units = CachedSentences.units

    def spy(self: CachedSentences, article, *args):  # noqa: ANN001, ANN002, ANN202
        cut.append(article.path)
        return units(self, article, *args)

    monkeypatch.setattr(CachedSentences, "units", spy)

    def timeline() -> build.Timeline:
        cut.clear()
        cache = Cache(tmp_path / "cache")
        made, _ = build.make_timeline(source, cache=cache)
        cache.prune()
        return made

    first = timeline()
    assert set(cut) == {a.path for a in first.articles}
    assert timeline() == first and cut == []  # every article's evidence and hits kept
    with (source / "story-002.md").open("a", encoding="utf-8") as f:
        f.write("\nLawmakers rejected the plan on Friday.\n")  # no word new to the corpus
    assert timeline() == build.make_timeline(source)[0]  # what a clean build finds
    assert set(cut) == {"story-002.md"}
    with (source / "story-004.md").open("a", encoding="utf-8") as f:
        f.write("\nThe ship met a berg of ice on Monday.\n")  # `berg`: as in Anna Berg
    assert timeline() == build.make_timeline(source)[0]
    named = {p.name for p in source.glob("story-*.md") if "Berg" in p.read_text("utf-8")}
    assert set(cut) == named | {"story-004.md"}  # those that write the word, and no other
    with (source / "story-003.md").open("a", encoding="utf-8") as f:
        # lower-case words another article writes as names: its evidence is read again
        f.write("\nThere is little hope and zentrix is a word here.\n")
    assert timeline() == build.make_timeline(source)[0]
    assert {"story-003.md", "story-100.md"} <= set(cut)


def test_a_new_registry_or_acronym_is_not_served_stale_units(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "src", 4)
    site = tmp_path / "site"
    _build(source, site, cache=True)
    (source / "actors.yaml").write_text(
        "- name: Anna Berg\n  kind: person\n  aliases: [Berg]\n"
        "- name: Bank of Nowhere\n  kind: organization\n  aliases: [The central bank]\n",
        encoding="utf-8")
    (source / "story-000.md").write_text(
        "---\ntitle: New\ndate: 2020-03-03\n---\nThe Libyan Oil Authority (LOA) said on "
        "Monday the LOA would resume exports.\n", encoding="utf-8")
    _build(source, site, cache=True)
    _build(source, tmp_path / "clean")
    assert _files(site) == _files(tmp_path / "clean")


@pytest.mark.parametrize("hold", [0, 150, None], ids=["none", "some", "all"])
def test_tokens_held_up_to_a_budget_the_rest_wait_in_the_cache_same_actors(
        tmp_path: Path, hold: int | None) -> None:
    source = _corpus(tmp_path / "src", 5)
    registry, _ = load_registry(source / "actors.yaml")
    for run in range(2):  # made and stored, then read back
        cache = Cache(tmp_path / "cache")
        articles, _, extracted, keys = read_cached(source, cache=cache, hold=hold)
        kept = sum(sum(map(len, e.tokens)) for e in extracted.values())
        assert kept <= (hold if hold is not None else HOLD_TOKENS)
        if hold == 0:
            assert all(e.tokens == [] for e in extracted.values())
        sentences = CachedSentences(cache, keys, extracted, hold=hold)
        assert find_actors(articles, registry, sentences) == find_actors(articles, registry, Held())
        reads = cache.hits["tokens"]
        if hold == 0:  # every pass reads them again
            assert reads >= (run + 1) * len(articles)
        elif hold is None:  # made and kept, or read once
            assert reads == run * len([a for a in articles if keys.get(a.id)])
        else:  # some held, the others read again
            assert reads > 0 and (run or kept and any(not e.tokens for e in extracted.values()))


def test_jobs_give_the_output_of_one_process(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "src", pool.MIN_PARALLEL + 4)
    one = _build(source, tmp_path / "one", jobs=1)
    two = _build(source, tmp_path / "two", jobs=2, cache=True)
    assert one.files == two.files
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_the_pool_keeps_order_and_runs_small_inputs_in_process() -> None:
    tasks = list(range(pool.MIN_PARALLEL * 3))
    assert list(pool.ordered_map(abs, [-t for t in tasks], 2)) == tasks
    assert list(pool.ordered_map(str, [1, 2], 8)) == ["1", "2"]


def test_the_pool_never_runs_far_ahead_of_its_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = []  # chunks handed to the workers: their results wait in memory until taken
    submit = ProcessPoolExecutor.submit

    def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        sent.append(1)
        return submit(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", counted)
    results = pool.ordered_map(abs, list(range(-2000, 0)), 2)
    assert next(results) == 2000
    assert len(sent) <= 2 * pool.AHEAD + 1  # a few chunks per process, not all 63
    assert list(results) == list(range(1999, 0, -1))


def test_a_corrupt_or_unwritable_cache_is_recomputed_never_fatal(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "src", 3)
    site = tmp_path / "site"
    _build(source, site, cache=True)
    entries = [p for p in cache_folder(site).rglob("*.pickle")]
    assert entries
    for i, p in enumerate(entries):
        p.write_bytes(b"" if i % 2 else b"\x80\x05garbage")
    again = _build(source, site, cache=True)
    assert again.reused == 0
    _build(source, tmp_path / "clean")
    assert _files(site) == _files(tmp_path / "clean")
    blocked = tmp_path / "blocked"
    cache_folder(blocked).write_text("not a folder", encoding="utf-8")
    _build(source, blocked, cache=True)
    assert _files(blocked) == _files(tmp_path / "clean")


def test_another_generator_version_starts_afresh_and_prunes_the_old(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "src", 2)
    folder = tmp_path / "cache"
    old = Cache(folder, "a" * 64)
    read_cached(source, cache=old)
    old.prune()
    assert (folder / old.version).is_dir()
    new = Cache(folder, "b" * 64)
    read_cached(source, cache=new)
    assert new.hits["article"] == 0
    new.prune()
    assert sorted(p.name for p in folder.iterdir()) == sorted(["CACHEDIR.TAG", new.version])


def test_a_folder_of_the_users_named_like_the_cache_is_never_pruned(tmp_path: Path) -> None:
    folder = tmp_path / "site.timeline-cache"
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "mine.txt").write_text("keep me", encoding="utf-8")
    cache = Cache(folder, "c" * 64)
    cache.prune()
    assert (folder / "notes" / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_no_cache_neither_reads_nor_writes_it(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "src", 2)
    out = tmp_path / "site"
    code = cli.main(["build", "--source", str(source), "--output", str(out), "--quiet",
                     "--no-search", "--no-cache", "--jobs", "1"])
    assert code == 0 and not cache_folder(out).exists()


def test_no_cache_keeps_tokens_in_a_scratch_folder_of_its_own_then_deletes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _corpus(tmp_path / "src", 3)
    out = tmp_path / "site"
    read_from: set[str] = set()
    get = Cache.get

    def spy(self: Cache, kind: str, key: str) -> object:
        value = get(self, kind, key)
        if kind == "tokens" and value is not None:
            read_from.add(self.folder.name)
        return value

    monkeypatch.setattr(Cache, "get", spy)
    monkeypatch.setattr(incremental_corpus, "HOLD_TOKENS", 0)  # a corpus too big to hold
    code = cli.main(["build", "--source", str(source), "--output", str(out), "--quiet",
                     "--no-search", "--no-cache", "--jobs", "1"])
    assert code == 0 and (out / "index.html").is_file()
    assert [name.startswith(".site" + SCRATCH) for name in read_from] == [True]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_a_killed_builds_scratch_folder_is_deleted_and_nothing_else(tmp_path: Path) -> None:
    source = _corpus(tmp_path / "src", 1)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    dead, alive, users = (tmp_path / f".site{SCRATCH}{gone}-a", tmp_path / f".site{SCRATCH}1-b",
                          tmp_path / f".site{SCRATCH}{gone}-c")
    for folder in (dead, alive, users):
        folder.mkdir()
    for folder in (dead, alive):  # our tag: made by a build (pid 1 is always running)
        with scratch(tmp_path / "other") as made:
            assert made is not None
            shutil.copy(made.folder / TAG, folder / TAG)
    _build(source, tmp_path / "site")
    assert not dead.exists() and alive.exists() and users.exists()


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["build", "--jobs", "0"])
    assert "--jobs" in capsys.readouterr().err


def test_progress_is_one_redrawn_line_only_when_live_and_slow() -> None:
    now = [0.0]
    out: list[str] = []
    quiet = Meter(out.append, live=False, clock=lambda: now[0])
    now[0] = 10.0
    quiet("read", 5, 10)
    assert out == []
    meter = Meter(out.append, live=True, clock=lambda: now[0] - 10.0)
    now[0] = 10.5
    meter("read", 1, 10)  # under two seconds: nothing yet
    assert out == []
    now[0] = 13.0
    meter("read", 500, 1000)
    now[0] = 13.05
    meter("read", 501, 1000)  # too soon to redraw
    now[0] = 14.0
    meter("render", 0, 1000)
    assert len(out) == 2 and all(s.startswith("\r") for s in out)
    assert "500/1000" in out[0] and "/s" in out[0] and "rendering" in out[1]
    meter.finish()
    assert out[-1].strip() == "" and out[-1].endswith("\r")


def test_tokens_read_back_share_their_words_and_offsets() -> None:
    # Each article's tokens come back from a worker or the cache as their own pickle; a
    # corpus's tokens must not each hold a copy of the same word (memory at 10,000 articles)
    text = "Talks with Anna Berg resumed. Anna Berg left."
    one, two = (pickle.loads(pickle.dumps(tokenize(text))) for _ in range(2))
    assert one == two == tokenize(text)
    assert [t.text for t in one][2:4] == ["Anna", "Berg"]
    assert all(a.text is b.text and a.fold is b.fold and a.key is b.key and a.start is b.start
               for a, b in zip(one, two, strict=True))
