"""Acronym definitions: `Name (ACRONYM)` anywhere in the corpus makes ACRONYM name the same
actor everywhere. `find_acronyms` returns what it learns; the caller adds it to the context."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.actors.knowledge import DISCOVERED, Context, Entry, Learning, Name
from generator.actors.names import is_subsequence
from generator.actors.tokens import Token
from generator.actors.units import Unit, units_of
from generator.model import Article, Diagnostic


@dataclass(frozen=True)
class Acronyms:
    """What the corpus's acronym definitions teach."""

    names: tuple[Name, ...]  # gazetteer names, in the order learned: defined names, acronyms
    discovered: frozenset[str]  # keys of the organisations the definitions name
    diagnostics: tuple[Diagnostic, ...]


def find_acronyms(docs: list[tuple[Article, list[list[Token]]]], ctx: Context) -> Acronyms:
    """The acronyms the corpus defines, and the organisations it names in defining them
    (a name defined once is known from then on, as later definitions read it)."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, str] = {}
    names: list[Name] = []
    discovered: set[str] = set()
    learning = Learning(ctx)  # grows as definitions are read; local to this call
    for article, sents in docs:
        for sent in sents:
            if not any(t.text == "(" for t in sent):
                continue
            units = units_of(sent, learning.ctx)
            for k in range(len(units) - 3):
                defined = _definition(units[k:k + 4], learning.ctx)
                if defined is None:
                    continue
                acronym, key, spelling = defined
                if spelling:
                    names.append((spelling, Entry("actor", key), 1))
                    learning.add_name(names[-1])
                    if key.startswith(DISCOVERED):
                        discovered.add(key)
                        learning.add_discovered(key)
                if acronym:
                    found[acronym][key] += 1
                    where.setdefault(acronym, article.path)
    diagnostics = []
    for acronym in sorted(found):
        ranked = sorted(found[acronym].items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1:
            diagnostics.append(Diagnostic(
                "warning", where[acronym], f"`{acronym}` is defined more than one way; "
                f"using `{_entity_label(ranked[0][0], learning.ctx)}`"))
        names.append((acronym, Entry("actor", ranked[0][0], "acronym"), 1))
    return Acronyms(tuple(names), frozenset(discovered), tuple(diagnostics))


def _entity_label(key: str, ctx: Context) -> str:
    return ctx.entities[key].name or key.split(":", 1)[1]


def _definition(units: list[Unit], ctx: Context) -> tuple[str, str, str] | None:
    """(acronym, entity key, name) of `Name (ACRONYM)`, or None. The name is the spelling
    to learn when it is not a known name (else ""); the acronym is "" when it already names
    that actor."""
    name, opening, acr, closing = units
    if not (opening.kind == closing.kind == "punct" and opening.toks[0].text == "("
            and closing.toks[0].text == ")" and len(acr.toks) == 1 and acr.toks[0].upper):
        return None
    letters = [c for c in acr.toks[0].text if c.isalpha()]
    capitals = [c for c in name.spelling if c.isupper()]
    if not capitals or letters[0] != capitals[0]:
        return None
    if not is_subsequence(tuple(letters), tuple(capitals)) and not (
            len(letters) <= 4 and is_subsequence(tuple(c.lower() for c in letters[1:]),
                                                 tuple(c.lower() for c in name.spelling[1:]))):
        return None  # `Singapore Airlines (SIA)`: a short acronym may take inner letters
    if name.kind == "ent" and name.entry.kind == "actor":
        key, spelling = ctx.target(name.entry.target), ""
    elif name.kind in ("org", "gap") and len(name.toks) > 1:
        key, spelling = ctx.discovered_org(name.spelling), name.spelling
    else:
        return None
    named = acr.kind == "ent" and ctx.target(acr.entry.target) == key
    return ("" if named else acr.toks[0].text), key, spelling
