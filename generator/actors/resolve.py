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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from generator.actors.acronyms import find_acronyms
from generator.actors.knowledge import Context, corpus_context
from generator.actors.linking import Resolver
from generator.actors.mentions import SentenceReader
from generator.actors.names import Lexicon, Token, lexicon, tokenize
from generator.actors.orgnames import learn_org_names
from generator.actors.orgresolve import corpus_redirects, discovered_keys
from generator.actors.people import merge_people
from generator.actors.records import ActorResult
from generator.actors.registry import RegistryEntry, load_registry
from generator.actors.units import Unit, cued_org_keys, known_orgs, units_of
from generator.model import Article

__all__ = ["ActorResult", "RegistryEntry", "find_actors", "load_registry"]

Doc = tuple[Article, list[list[Token]]]
# (docs, ctx, depends) -> units per article id; `depends` names all that `units_of` reads
# beyond the sentence (the registry, the acronyms learned), for a cache key
Cut = Callable[[Sequence[Doc], Context, str], Mapping[str, list[list[Unit]]]]


def find_actors(articles: Sequence[Article], registry: Sequence[RegistryEntry] = (),
                tokens: dict[str, list[list[Token]]] | None = None,
                cut: Cut | None = None) -> ActorResult:
    """The actors the articles' content sentences name, and where they name them.

    `tokens` (by article id) are `content_tokens` already made; they are taken out of the
    dict, so that they are freed once read. `cut` cuts the sentences into units in place
    of `cut_units` (generator/incremental caches both)."""
    tokens = tokens if tokens is not None else {}
    docs = [(a, tokens.pop(a.id) if a.id in tokens else content_tokens(a)) for a in articles]
    common = frozenset(t.fold for _, sents in docs for s in sents for t in s
                       if t.kind == "word" and t.text[0].islower())
    ctx = corpus_context(registry, common)
    acronyms = find_acronyms(docs, ctx)
    ctx = ctx.with_names(acronyms.names).with_discovered(acronyms.discovered)
    depends = repr((tuple(registry), acronyms.names, sorted(acronyms.discovered)))
    units = dict(cut(docs, ctx, depends)) if cut else cut_units(docs, ctx)
    shown = learn_org_names((u for sents in units.values() for u in sents), ctx)
    cued = cued_org_keys((u for sents in units.values() for u in sents), common)
    ctx = replace(ctx, cued_orgs=shown | cued)
    units = {aid: [known_orgs(u, ctx) for u in sents] for aid, sents in units.items()}
    hits = {aid: [h for u in sents for h in SentenceReader(u, ctx).read()]
            for aid, sents in units.items()}
    del docs, units  # the tokens and units: the largest part of a corpus in memory
    ctx = ctx.with_discovered(discovered_keys(hits))
    ctx = replace(ctx, redirect=corpus_redirects(hits, ctx))
    resolver = Resolver(ctx, merge_people(hits, registry), registry)
    return resolver.run(list(articles), hits, acronyms.diagnostics)


def cut_units(docs: Sequence[Doc], ctx: Context) -> dict[str, list[list[Unit]]]:
    """Each article's content sentences cut into units."""
    return {a.id: [units_of(s, ctx) for s in sents] for a, sents in docs}


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
