"""The reading stage with the cache and the pool: each article's bytes (and catalog entry)
give its `Article`, its dates and its sentences' tokens once, and its units once per
registry and set of acronyms the corpus defines."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from generator.actors import resolve
from generator.actors.knowledge import Context
from generator.actors.tokens import Token
from generator.actors.units import Unit, units_of
from generator.dates.engine import Timex
from generator.events.extract import article_timexes
from generator.incremental.fingerprint import digest
from generator.incremental.pool import ordered_map
from generator.incremental.store import Cache
from generator.model import Article, Diagnostic
from generator.reading import corpus as reading_corpus
from generator.reading import readers, sourcefiles

Progress = Callable[[str, int, int], None]  # (stage, done, total)

# Tokens (with their units) kept in memory for the actors stage's passes, at about 175
# bytes each: some 175 MB, all of a corpus of 2,000 articles of 500 words. Beyond that, an
# article's tokens and units are read back from the cache at each pass (slower: they are
# unpickled again), so memory stays bounded however large the corpus.
HOLD_TOKENS = 1_000_000


class Extracted(NamedTuple):
    """What one article file gives by itself: pure in its bytes and catalog entry. With a
    cache, the tokens are stored on their own (kind "tokens") and read again when needed."""

    article: Article | None
    diagnostics: list[Diagnostic]
    timexes: list[Timex]
    tokens: list[list[Token]]
    lower: tuple[str, ...] = ()  # resolve.lower_words of the tokens (a tuple: a third the size)
    bracketed: list[list[Token]] = []  # resolve.bracketed of the tokens
    folds: tuple[str, ...] = ()  # resolve.word_folds of the tokens


def extract_one(task: tuple[str, bytes, Mapping[str, Any] | None]) -> Extracted:
    """Read one article and do its per-article work (runs in a worker process)."""
    rel, raw, entry = task
    article, diags = readers.read_article(Path(rel), rel, raw, entry)
    if article is None:
        return Extracted(None, diags, [], [])
    tokens = resolve.content_tokens(article)
    return Extracted(article, diags, article_timexes(article), tokens,
                     tuple(sorted(resolve.lower_words(tokens))), resolve.bracketed(tokens),
                     tuple(sorted(resolve.word_folds(tokens))))


def read_corpus(source: Path, max_size: int = sourcefiles.DEFAULT_MAX_SIZE,
                cache: Cache | None = None, jobs: int = 1, progress: Progress | None = None,
                hold: int | None = None) -> tuple[
    tuple[Article, ...], tuple[Diagnostic, ...], dict[str, Extracted], dict[str, str]
]:
    """`reading.corpus.read_corpus`, with each article's work from the cache or the pool: the
    articles, the diagnostics, what each article gave (by id) and its cache key (by id).
    With a cache, an article's tokens are stored in it, and kept in its `Extracted` too
    while the kept ones number at most `hold` (default `HOLD_TOKENS`)."""
    hold = HOLD_TOKENS if hold is None else hold
    if not source.is_dir():
        return (*reading_corpus.read_corpus(source, max_size), {}, {})
    found = reading_corpus.corpus_files(source, max_size)
    diags, rels = found.diagnostics, found.articles
    done: dict[str, Extracted] = {}
    keys: dict[str, str] = {}
    todo: list[tuple[str, bytes, Mapping[str, Any] | None]] = []
    hits: set[str] = set()
    for rel in rels:
        entry = found.entries.get(rel)
        try:
            raw = (source / rel).read_bytes()
        except OSError:  # the reader says why, in its words
            done[rel] = Extracted(*reading_corpus.read_one(source, rel, entry), [], [])
            continue
        keys[rel] = digest(rel, raw, repr(entry))
        hit = cache.get("article", keys[rel]) if cache is not None else None
        if isinstance(hit, Extracted):
            done[rel] = hit
            hits.add(rel)
            cache.keep("tokens", keys[rel])  # read again by the actors stage
        else:
            todo.append((rel, raw, entry))
    if progress:
        progress("read", len(done), len(rels))
    for (rel, _, _), got in zip(todo, ordered_map(extract_one, todo, jobs), strict=True):
        if cache is not None:
            size = sum(map(len, got.tokens))
            if cache.stores(held=size <= hold):
                cache.put("tokens", keys[rel], got.tokens)
            if cache.stores(held=True):  # a scratch cache is not read again by the next build
                cache.put("article", keys[rel], got._replace(tokens=[]))
            if size > hold:
                got = got._replace(tokens=[])
            else:
                hold -= size
        done[rel] = got
        if progress:
            progress("read", len(done), len(rels))
    articles = reading_corpus.keep_articles(
        ((rel, done[rel].article, done[rel].diagnostics) for rel in rels), diags)
    if cache is not None:
        cache.reused = sum(1 for a in articles if a.path in hits)
    kept = [a for a in articles if a.path in keys]  # an article's path is its file's
    extracted = {a.id: done[a.path] for a in kept}
    ids = {a.id: keys[a.path] for a in kept}
    return (*reading_corpus.corpus_result(source, articles, diags), extracted, ids)


# --------------------------------------------------------------------------- units


_Code = list[list[tuple[str, tuple[Any, ...], Any, str, str]]]


class CachedSentences:
    """`resolve.Sentences` from the cache: an article's tokens (stored by `read_corpus`)
    and its units, when its key and what they depend on (`depends`) are the same; else
    made, and stored. Held in memory for the articles whose tokens `read_corpus` kept, and
    then for more while they number at most `hold`; read again at each pass for the rest.
    What cannot be stored (a read-only cache) is held too."""

    def __init__(self, cache: Cache, keys: Mapping[str, str],
                 extracted: Mapping[str, Extracted], hold: int | None = None) -> None:
        self.cache, self.keys = cache, keys
        self._lower = frozenset().union(*(e.lower for e in extracted.values()))
        self._bracketed = {aid: e.bracketed for aid, e in extracted.items()}
        self._folds = {aid: e.folds for aid, e in extracted.items()}
        self._held: dict[tuple[str, str], Any] = {
            ("tokens", aid): e.tokens for aid, e in extracted.items() if e.tokens}
        held = sum(sum(map(len, t)) for t in self._held.values())
        self._room = (HOLD_TOKENS if hold is None else hold) - held

    def tokens(self, article: Article) -> list[list[Token]]:
        got = self._held.get(("tokens", article.id))
        if got is not None:
            return got
        key = self.keys.get(article.id)
        got = self.cache.get("tokens", key) if key else None
        made = not isinstance(got, list)
        if made:
            got = resolve.content_tokens(article)
        size = sum(map(len, got))
        if made and key and self.cache.stores(held=size <= self._room):
            self.cache.put("tokens", key, got)
        if size <= self._room or not key or not self.cache.writable:
            self._room -= size
            self._held[("tokens", article.id)] = got
        return got

    def common(self, articles: Sequence[Article]) -> frozenset[str]:
        unread = [a for a in articles if a.id not in self._bracketed]
        return self._lower.union(*(resolve.lower_words(self.tokens(a)) for a in unread))

    def bracketed(self, article: Article) -> list[list[Token]]:
        got = self._bracketed.get(article.id)
        return got if got is not None else resolve.bracketed(self.tokens(article))

    def folds(self, article: Article) -> Iterable[str]:
        got = self._folds.get(article.id)
        return got if got is not None else resolve.word_folds(self.tokens(article))

    def units(self, article: Article, ctx: Context, depends: str) -> list[list[Unit]]:
        got = self._held.get(("units", article.id))
        if got is not None:
            return got
        sents = self.tokens(article)
        held = ("tokens", article.id) in self._held  # then its units are held too
        key = self.keys.get(article.id)
        key = digest(key, depends) if key and self.cache.stores(held) else None
        got = _decode(self.cache.get("units", key), sents) if key else None
        if got is None:
            got = [units_of(s, ctx) for s in sents]
            if key:
                self.cache.put("units", key, _encode(got, sents))
        if held or not key or not self.cache.writable:
            self._held[("units", article.id)] = got
        return got

    def release(self) -> None:
        self._held.clear()
        self._bracketed.clear()
        self._folds.clear()


def _encode(units: list[list[Unit]], sents: Sequence[Sequence[Token]]) -> _Code:
    """Units with their tokens as indexes into the sentence's (a token not found there is
    kept as it is), so the entry is small and decoding shares the sentence's tokens."""
    code: _Code = []
    for sent_units, toks in zip(units, sents, strict=True):
        where = {id(t): i for i, t in enumerate(toks)}
        code.append([(u.kind, tuple(where.get(id(t), t) for t in u.toks), u.entry, u.office,
                      u.role) for u in sent_units])
    return code


def _decode(code: Any, sents: Sequence[Sequence[Token]]) -> list[list[Unit]] | None:
    """The units again, or None if the entry does not fit these sentences."""
    if not isinstance(code, list) or len(code) != len(sents):
        return None
    try:
        return [[Unit(kind, tuple(toks[i] if isinstance(i, int) else i for i in idx), entry,
                      office, role) for kind, idx, entry, office, role in sent]
                for sent, toks in zip(code, sents, strict=True)]
    except (TypeError, ValueError, IndexError):
        return None
