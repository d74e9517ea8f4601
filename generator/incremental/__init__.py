"""Incremental and parallel builds: what is per article and pure (the `Article` read from
its bytes, its dates, its sentences' tokens and units) is cached beside the output and
computed across processes.

- `fingerprint`: what a cache entry depends on besides the article (the generator's own
  source and data files, the Python that pickled it).
- `store`: the cache folder `<output>.timeline-cache/`, one pickle per entry, written
  atomically; an unreadable entry is a miss. `scratch`: a cache of one build's own, for
  `--no-cache`, deleted when it ends.
- `pool`: a map over processes in chunks, in-process for a small corpus.
- `stamp`: whether the site is up to date (inputs and output as the last build left
  them), so a build can do nothing and repeat the last report.
- `memo`: results of the later stages pure in one article and a few small inputs (an
  article's report candidates, an event's title), kept for the next build; `PageMemo`:
  the digest of each page the last build wrote, by the page's key (site/pagekeys.py).
- `corpus`: the reading stage with the cache and the pool (`read_corpus`) and the units
  cut for `actors.find_actors` (`Units`).
"""

from generator.incremental.corpus import CachedSentences, Extracted, read_corpus
from generator.incremental.memo import Memo, PageMemo
from generator.incremental.store import Cache, cache_folder, scratch

__all__ = ["Cache", "CachedSentences", "Extracted", "Memo", "PageMemo", "cache_folder", "read_corpus",
           "scratch"]
