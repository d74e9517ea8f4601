"""A key for each page: a digest of everything its template is given, so that a rebuild can
reuse the page the last build wrote when nothing it shows has changed.

The key covers the template folders' files, the site config, the page's path and template,
and its whole context, each object in it reached to the end; templates and the functions
they call are the generator's own, which the cache folder's fingerprint covers. Links to
events depend on which timeline page lists each one (`placed`): an event's digest holds
its page. The objects many pages share (articles, actors, events and their views) are
digested once a build and named by digest, so the cost grows with the site, not with how
often a page repeats them. A context that cannot be digested gets no key (the page is
rendered every time)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import operator
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from generator.model import Actor, Article, Event
from generator.site.views import EventView

_SHARED = (Article, Actor, Event, EventView)  # digested once a build, named by digest


@dataclass(frozen=True)
class Known:
    """A page whose bytes the last build wrote under the same key: the writer links the old
    file when it still has the bytes of `digest`, and else writes what `make()` renders."""

    digest: str
    make: Callable[[], bytes]


class PageIndex(Protocol):
    """What the last build wrote for each page key (the digest of the page's bytes)."""

    def known(self, key: str) -> str | None: ...

    def record(self, key: str, content_digest: str) -> None: ...


def content_digest(content: bytes) -> str:
    """The digest a page index keeps for a page's bytes (the writer checks old files by it)."""
    return hashlib.sha256(content).hexdigest()


class PageKeys:
    """Page keys for one build: `base` names what every page shares (templates, config)."""

    def __init__(self, base: str, placed: Mapping[str, str]) -> None:
        self.base, self.placed = base, placed
        self._shared: dict[int, tuple[object, bytes]] = {}  # id -> (object kept alive, digest)
        self._fields: dict[type, Callable[[Any], Any] | None] = {}

    def key(self, template: str, path: str, config: object,
            context: Mapping[str, Any]) -> str | None:
        """The page's key, or None if its context cannot be digested."""
        try:
            body = self._pickled((template, path, config, sorted(context.items())), None)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None
        return hashlib.sha256(self.base.encode() + b"\0" + body).hexdigest()

    def _digest(self, obj: object) -> bytes:
        got = self._shared.get(id(obj))
        if got is None:
            extra = self.placed.get(obj.id, "") if isinstance(obj, Event) else ""
            digest = hashlib.sha256(self._pickled(obj, obj) + extra.encode()).digest()
            got = self._shared[id(obj)] = (obj, digest)
        return got[1]

    def _pickled(self, value: object, top: object) -> bytes:
        out = io.BytesIO()
        _Pickler(out, self, top).dump(value)
        return out.getvalue()

    def fields_of(self, kind: type) -> Callable[[Any], Any] | None:
        """A getter of a dataclass's fields in order (faster than pickle's own way for
        slotted dataclasses), None for other types."""
        if kind not in self._fields:
            names = [f.name for f in dataclasses.fields(kind)] \
                if dataclasses.is_dataclass(kind) else []
            self._fields[kind] = operator.attrgetter(*names) if len(names) > 1 else \
                (lambda obj, n=names[0]: (getattr(obj, n),)) if names else None
        return self._fields[kind]


class _Pickler(pickle.Pickler):
    """Pickles a context for its digest: shared objects as their digests; no memo (`fast`),
    so equal values give equal bytes however they are shared in memory. A set would give
    its items in an order that changes from one process to the next (and the page would
    be rendered every time): contexts hold none (tests/test_pagecache.py checks the keys
    under two hash seeds)."""

    def __init__(self, out: io.BytesIO, keys: PageKeys, top: object) -> None:
        super().__init__(out, protocol=5)
        self.fast = True
        self.keys, self.top = keys, top

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is type:  # a dataclass's class, saved with each instance: pickle's own way
            return NotImplemented
        if kind in _SHARED and obj is not self.top:
            return bytes, (self.keys._digest(obj),)
        fields = self.keys.fields_of(kind)
        return NotImplemented if fields is None else (kind, (fields(obj),))
