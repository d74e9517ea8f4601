"""Actors: the people, countries and organisations articles name, one record per entity.

`find_actors` runs the passes over a corpus's content sentences; each pass returns what it
learns and the next one gets a new frozen context with it:
0. acronym definitions, `Government of National Accord (GNA)`, for the whole corpus
   (`acronyms`);
1. every sentence is cut into units (known names, titles, unknown capitalised runs;
   `units`), the corpus's evidence makes some unknown names organisations (`orgnames`), and
   each sentence is read for countries, organisations, places, titled or speaking people and
   role phrases (`mentions`); discovered organisations are merged across spellings
   (`orgresolve`);
2. people's spellings are merged into one actor each (phonetic keys, particles, middle
   names; `people`), then bare surnames, untitled full names and role phrases (`the Turkish
   leader`) are resolved against them (`linking`, `roles`) and the records made (`records`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import Protocol

from generator.actors.acronyms import find_acronyms
from generator.actors.knowledge import Context, corpus_context
from generator.actors.linking import Resolver
from generator.actors.mentions import Hit, SentenceReader
from generator.actors.names import Lexicon, lexicon
from generator.actors.orgnames import Evidence, evidence_of, org_names_of
from generator.actors.orgresolve import corpus_redirects, discovered_keys
from generator.actors.people import merge_people
from generator.actors.records import ActorResult
from generator.actors.registry import RegistryEntry, load_registry
from generator.actors.tokens import Token, tokenize
from generator.actors.units import Unit, cued_org_keys, known_orgs, units_of
from generator.model import Article, Memo

__all__ = ["ActorResult", "RegistryEntry", "find_actors", "load_registry"]

class Sentences(Protocol):
    """Each article's content sentences for the passes of `find_actors`, as tokens and cut
    into units: held in memory (`Held`), or read again from the cache at each pass
    (generator/incremental), so that a large corpus's tokens are never all in memory."""

    def common(self, articles: Sequence[Article]) -> frozenset[str]:
        """Folds of the words the articles write in lower case (`lower_words`)."""

    def bracketed(self, article: Article) -> list[list[Token]]:
        """The article's content sentences holding a `(`: all acronym definitions read."""

    def units(self, article: Article, ctx: Context, depends: str) -> list[list[Unit]]:
        """The article's content sentences cut into units with `ctx`; `depends` names all
        that the cut reads beyond the sentence (the registry, the acronyms), for a cache key."""

    def folds(self, article: Article) -> Iterable[str]:
        """The folds of all the words of the article's content sentences (`word_folds`)."""

    def release(self) -> None:
        """The passes are over: let go of what is held."""


class Held:
    """`Sentences` kept in memory: each article's tokens made once (or given, by article
    id), its units cut once."""

    def __init__(self, tokens: dict[str, list[list[Token]]] | None = None) -> None:
        self._tokens = tokens if tokens is not None else {}
        self._units: dict[str, list[list[Unit]]] = {}

    def tokens(self, article: Article) -> list[list[Token]]:
        got = self._tokens.get(article.id)
        if got is None:
            got = self._tokens[article.id] = content_tokens(article)
        return got

    def common(self, articles: Sequence[Article]) -> frozenset[str]:
        return frozenset(w for a in articles for w in lower_words(self.tokens(a)))

    def bracketed(self, article: Article) -> list[list[Token]]:
        return bracketed(self.tokens(article))

    def units(self, article: Article, ctx: Context, depends: str) -> list[list[Unit]]:
        got = self._units.get(article.id)
        if got is None:
            got = self._units[article.id] = [units_of(s, ctx) for s in self.tokens(article)]
        return got

    def folds(self, article: Article) -> Iterable[str]:
        return word_folds(self.tokens(article))

    def release(self) -> None:
        self._tokens.clear()
        self._units.clear()


def find_actors(articles: Sequence[Article], registry: Sequence[RegistryEntry] = (),
                sentences: Sentences | None = None, memo: Memo | None = None) -> ActorResult:
    """The actors the articles' content sentences name, and where they name them.

    `sentences` gives each article's tokens and units, pass after pass (default: `Held`).
    `memo` keeps each article's share of the organisation evidence and its hits for the
    next build, keyed by all they read: the article, the registry and acronyms, the
    corpus's common words among the article's own, and the names shown organisations.
    An article found there is not cut into units at all."""
    src = sentences if sentences is not None else Held()
    common = src.common(articles)
    ctx = corpus_context(registry, common)
    acronyms = find_acronyms([(a, src.bracketed(a)) for a in articles], ctx)
    ctx = ctx.with_names(acronyms.names).with_discovered(acronyms.discovered)
    depends = repr((tuple(registry), acronyms.names, sorted(acronyms.discovered)))
    cut = ctx
    # the common words an article's passes can ask about are among its own words
    own = {a.id: memo.shared(sorted(common.intersection(src.folds(a)))) for a in articles} \
        if memo else {}
    known = memo.shared(depends) if memo else ""  # the registry, written out once

    def evidence(article: Article) -> tuple[Evidence, frozenset[str]]:
        sents = src.units(article, cut, depends)
        return evidence_of(sents, cut), cued_org_keys(sents, common)

    ev, cued = Evidence(), set()
    for article in articles:
        part = memo.each("org-evidence", article.id, (known, own[article.id]),
                         partial(evidence, article), _is_evidence) if memo else evidence(article)
        ev.add(part[0])
        cued.update(part[1])
    ctx = replace(ctx, cued_orgs=org_names_of(ev, ctx) | frozenset(cued))
    orgs = memo.shared(sorted(ctx.cued_orgs)) if memo else ""

    def read(article: Article) -> list[Hit]:
        return [h for units in src.units(article, cut, depends)
                for h in SentenceReader(known_orgs(units, ctx), ctx).read()]

    hits = {a.id: memo.each("hits", a.id, (known, own[a.id], orgs), partial(read, a),
                            _is_hits) if memo else read(a) for a in articles}
    src.release()  # the tokens and units: the largest part of a corpus in memory
    ctx = ctx.with_discovered(discovered_keys(hits))
    ctx = replace(ctx, redirect=corpus_redirects(hits, ctx))
    resolver = Resolver(ctx, merge_people(hits, registry), registry)
    return resolver.run(list(articles), hits, acronyms.diagnostics)


def _is_evidence(kept: object) -> bool:
    return isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], Evidence) \
        and isinstance(kept[1], frozenset)


def _is_hits(kept: object) -> bool:
    return isinstance(kept, list) and all(isinstance(h, Hit) for h in kept)


def word_folds(sents: Sequence[Sequence[Token]]) -> frozenset[str]:
    """Folds of all the words: what an article's passes may look up in the common words."""
    return frozenset(t.fold for s in sents for t in s)


def lower_words(sents: Sequence[Sequence[Token]]) -> frozenset[str]:
    """Folds of the words written in lower case: a corpus's common words, never names."""
    return frozenset(t.fold for s in sents for t in s if t.kind == "word" and t.text[0].islower())


def bracketed(sents: Sequence[list[Token]]) -> list[list[Token]]:
    """The sentences holding a `(`, where an acronym may be defined."""
    return [s for s in sents if any(t.text == "(" for t in s)]


def content_tokens(article: Article) -> list[list[Token]]:
    """Tokens of each content sentence (never furniture, the title or a credit line)."""
    kinds = {p.index: p.kind for p in article.paragraphs}
    sents = [tokenize(article.text[s.start:s.end], s.start) for s in article.sentences
             if kinds.get(s.paragraph) not in ("furniture", "title")]
    return [s for s in sents if not _is_credit(s, lexicon())]


def _is_credit(sent: Sequence[Token], lex: Lexicon) -> bool:
    """`By Amira Haddad`, `(Reporting by X in Y; Editing by Z)`: a byline, not content."""
    words = [t for t in sent if t.kind in ("word", "acr")]
    if not words or not (words[0].fold == "by" or (
            words[0].fold in lex.credit_words and any(t.fold == "by" for t in words[1:3]))):
        return False
    return all(t.cap or t.fold in lex.credit_words or t.fold in lex.credit_glue
               or t.fold in lex.particles for t in words[1:])
