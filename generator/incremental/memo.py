"""Results of the corpus-wide stages that are pure in one article and a few small inputs
(an article's report candidates, an event's title), kept in the cache for the next build:
after a change to one article, the others' are not worked out again.

A result is found by a digest of the article's cache key (its path, bytes and catalog
entry) and the `repr` of the other inputs the caller names: the caller must name all of
them (`shared` digests an input many keys share once). A result that cannot be read is
made again. The build makes no memo for a scratch cache, which no later build reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from generator.incremental.fingerprint import digest
from generator.incremental.store import Cache

_T = TypeVar("_T")
_SMALL = "small"  # the entry holding all the small results of one kind, by digest


class Memo:
    """`each`: one cache entry per result (a large one, read when asked for); `small`:
    the results of a kind kept together in one entry, read once and written by `save`."""

    def __init__(self, cache: Cache, keys: Mapping[str, str]) -> None:
        self.cache, self.keys = cache, keys
        self._old: dict[str, dict[str, Any]] = {}
        self._new: dict[str, dict[str, Any]] = {}

    def _key(self, article_id: str, inputs: tuple[Any, ...]) -> str | None:
        base = self.keys.get(article_id)
        return digest(base, repr(inputs)) if base else None

    def shared(self, value: Any) -> str:
        """A digest of `value`, made once and named in many keys (the registry, every
        actor's spellings) instead of writing it out in each."""
        return digest(repr(value))

    def each(self, kind: str, article_id: str, inputs: tuple[Any, ...],
             make: Callable[[], _T], check: Callable[[Any], bool]) -> _T:
        """The result of `make()` for this article and `inputs`, from the cache if there
        (and `check` accepts it), else made and stored."""
        key = self._key(article_id, inputs)
        got = self.cache.get(kind, key) if key else None
        if got is not None and check(got):
            return got
        got = make()
        if key:
            self.cache.put(kind, key, got)
        return got

    def small(self, kind: str, article_id: str, inputs: tuple[Any, ...],
              make: Callable[[], _T]) -> _T:
        """Like `each`, for a small result (a string): kept with its kind's others."""
        key = self._key(article_id, inputs)
        if key is None:
            return make()
        new = self._new.setdefault(kind, {})
        if key in new:
            return new[key]
        if kind not in self._old:
            old = self.cache.get(kind, _SMALL)
            self._old[kind] = old if isinstance(old, dict) else {}
        got = new[key] = self._old[kind][key] if key in self._old[kind] else make()
        return got

    def save(self) -> None:
        """Store the small results this build used (and only those: the others go)."""
        for kind, results in sorted(self._new.items()):
            self.cache.put(kind, _SMALL, results)
        self._old.clear()
        self._new.clear()


class PageMemo:
    """What the last build wrote for each page key (site/pagekeys.py): the digest of the
    page's bytes. One cache entry, read when the build starts and replaced, after the site
    is written, by the pages of this build."""

    KIND, KEY = "pages", "index"

    def __init__(self, cache: Cache) -> None:
        old = cache.get(self.KIND, self.KEY)  # read now: counted as used before the prune
        self.cache = cache
        self._old: dict[str, str] = old if isinstance(old, dict) else {}
        self._new: dict[str, str] = {}

    def known(self, key: str) -> str | None:
        return self._old.get(key)

    def record(self, key: str, content_digest: str) -> None:
        self._new[key] = content_digest

    def save(self) -> None:
        self.cache.put(self.KIND, self.KEY, self._new)
