"""One actor per organisation whatever the spelling: the passes after names are read.

Discovered organisations (`d:` keys, from names the text shows to be organisations) are
merged in three precise passes, the first two returned as the corpus's redirects:

1. junk before a name: `Beatles' Apple Corps` (a possessive owner), `Shares of Apple Inc.`
   (a sentence-opening common word) are the organisation after it when the corpus also
   names that one alone;
2. an acronym used without its definition (`USAF`) is the one organisation of the corpus
   whose initials it spells (`United States Air Force`);
3. inside one article, a shorter name (`Air Force`) is the one longer name of the same
   article that ends with it (`United States Air Force`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

from generator.actors.knowledge import DISCOVERED, Context, org_key
from generator.actors.names import fold as fold_name


def discovered_keys(hits: Mapping[str, Sequence]) -> frozenset[str]:
    """The discovered organisations the hits name, as actors or as a title's qualifier."""
    return frozenset(k for found in hits.values() for h in found
                     for k in (h.target if h.kind in ("actor", "role") else "", h.qual)
                     if k.startswith(DISCOVERED))


def corpus_redirects(hits: Mapping[str, Sequence], ctx: Context) -> Mapping[str, str]:
    """Passes 1 and 2 over the whole corpus: the context's redirects with theirs added."""
    redirect = dict(ctx.redirect)  # grown pass by pass: each redirect counts for the next

    def target(key: str) -> str:
        return redirect.get(key, key)

    keys = sorted({h.target for found in hits.values() for h in found
                   if h.kind == "actor" and h.target.startswith(DISCOVERED)})
    for key in keys:
        shorter = _without_junk_prefix(key, ctx)
        if shorter and shorter != key:
            redirect[key] = target(shorter)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        words = _name_words(key[len(DISCOVERED):], ctx)
        if len(words) > 1 and target(key) == key:
            by_initials["".join(w[0] for w in words)].append(key)
    for key in keys:
        word = key[len(DISCOVERED):]
        if " " in word or not 2 <= len(word) <= 6 or target(key) != key:
            continue
        spelled = by_initials.get(word.replace(".", ""), [])
        if len(spelled) == 1:
            redirect[key] = spelled[0]
    return MappingProxyType(redirect)


def local_targets(targets: Iterable[str], ctx: Context) -> dict[str, str]:
    """Pass 3 for one article: each discovered key -> the one longer key of the article
    ending with it, else the one organisation of the corpus named by it after a country
    the article names (`Air Force` in a story naming the United States)."""
    keys = {ctx.target(t) for t in targets}
    present = sorted(k for k in keys if k.startswith(DISCOVERED))
    countries = {fold_name(ctx.entities[k].name) for k in keys
                 if k in ctx.entities and ctx.entities[k].kind == "country"}
    out: dict[str, str] = {}
    for key in present:
        name = key[len(DISCOVERED):]
        if " " not in name:
            continue
        longer = [k for k in present if k != key and k[len(DISCOVERED):].endswith(" " + name)]
        if not longer:
            found = {ctx.org_names.get(f"{c} {name}") for c in countries} - {None}
            longer = [k for k in found if k.startswith(DISCOVERED)]
        if len(longer) == 1:
            out[key] = ctx.target(longer[0])
    return out


def _without_junk_prefix(key: str, ctx: Context) -> str:
    """The organisation this name is after a possessive owner or an opening common word,
    when the corpus (or the shipped knowledge) also has that one alone."""
    words = key[len(DISCOVERED):].split()
    junk = False
    for i, word in enumerate(words[:-1]):
        owner = word.endswith(("'", "'s", "’", "’s"))
        if not (owner or (i == 0 and word in ctx.common) or word in ctx.lex.connectors):
            return ""
        junk = junk or owner or i == 0
        found = ctx.org_names.get(org_key(" ".join(words[i + 1:])))
        if junk and found is not None:
            return found
    return ""


def _name_words(name: str, ctx: Context) -> list[str]:
    """The words whose initials an acronym spells: not `of`, `the`, `and`."""
    return [w for w in name.replace(".", " ").split()
            if w not in ctx.lex.connectors and w not in ctx.lex.stopwords and w[0].isalpha()]
