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

from collections.abc import Sequence
from dataclasses import replace

from generator.actors.acronyms import find_acronyms
from generator.actors.knowledge import corpus_context
from generator.actors.linking import Resolver
from generator.actors.mentions import SentenceReader
from generator.actors.names import Lexicon, Token, lexicon, tokenize
from generator.actors.orgnames import learn_org_names
from generator.actors.orgresolve import corpus_redirects, discovered_keys
from generator.actors.people import merge_people
from generator.actors.records import ActorResult
from generator.actors.registry import RegistryEntry, load_registry
from generator.actors.units import cued_org_keys, known_orgs, units_of
from generator.model import Article

__all__ = ["ActorResult", "RegistryEntry", "find_actors", "load_registry"]


def find_actors(articles: Sequence[Article], registry: Sequence[RegistryEntry] = ()) -> ActorResult:
    """The actors the articles' content sentences name, and where they name them."""
    docs = [(a, _content_tokens(a)) for a in articles]
    common = frozenset(t.fold for _, sents in docs for s in sents for t in s
                       if t.kind == "word" and t.text[0].islower())
    ctx = corpus_context(registry, common)
    acronyms = find_acronyms(docs, ctx)
    ctx = ctx.with_names(acronyms.names).with_discovered(acronyms.discovered)
    units = {a.id: [units_of(s, ctx) for s in sents] for a, sents in docs}
    shown = learn_org_names((u for sents in units.values() for u in sents), ctx)
    cued = cued_org_keys((u for sents in units.values() for u in sents), common)
    ctx = replace(ctx, cued_orgs=shown | cued)
    units = {aid: [known_orgs(u, ctx) for u in sents] for aid, sents in units.items()}
    hits = {aid: [h for u in sents for h in SentenceReader(u, ctx).read()]
            for aid, sents in units.items()}
    ctx = ctx.with_discovered(discovered_keys(hits))
    ctx = replace(ctx, redirect=corpus_redirects(hits, ctx))
    resolver = Resolver(ctx, merge_people(hits, registry), registry)
    return resolver.run([a for a, _ in docs], hits, acronyms.diagnostics)


def _content_tokens(article: Article) -> list[list[Token]]:
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
