"""Sentences cut into units: known names, titles, organisation cues and unknown capitalised
runs (`units_of`), and the names the corpus's cues show to be organisations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from generator.actors.knowledge import Context, Entry, org_key
from generator.actors.names import Lexicon
from generator.actors.orgnames import split_glued_names
from generator.actors.tokens import Token


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of a sentence: gap (unknown capitalised run), ent, org, adj, title, cue
    (`carmaker`: an organisation's name may follow), conn, word, punct, poss or suffix.
    Frozen; a changed copy is made with `dataclasses.replace`."""

    kind: str
    toks: tuple[Token, ...]
    entry: Entry | None = None
    office: str = ""  # a title's office
    role: str = ""  # a title's class: office, honorific, descriptor, counterpart; "cued" org

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end

    @property
    def spelling(self) -> str:
        """The words as written: spaced where the text has a space (`Dockworkers' Union`)."""
        out = [self.toks[0].text]
        for before, tok in zip(self.toks, self.toks[1:], strict=False):
            out.append(tok.text if tok.start == before.end else " " + tok.text)
        return "".join(out)

    def is_word(self, *words: str) -> bool:
        return self.kind in ("word", "conn", "cue") and self.toks[0].fold in words


def units_of(tokens: Sequence[Token], ctx: Context) -> list[Unit]:
    """Cut a sentence's tokens into units."""
    units = []
    i = 0
    while i < len(tokens):
        unit = _unit_at(tokens, i, ctx)
        units.append(unit)
        i += len(unit.toks)
    units = _merge_possessives(_merge_gaps(units), ctx.lex)
    units = _merge_orgs(split_glued_names(_portfolios(units, ctx), ctx.lex), ctx)
    return known_orgs(_cued_orgs(units, ctx.lex), ctx)


def _unit_at(tokens: Sequence[Token], i: int, ctx: Context) -> Unit:
    tok = tokens[i]
    if tok.kind in ("poss", "suffix", "punct", "num"):
        return Unit(tok.kind if tok.kind in ("poss", "suffix") else "punct", (tok,))
    starts = tok.fold in ctx.lex.unit_starts  # else no title nor cue starts here
    n_title, office, role = _title_at(tokens, i, ctx.lex, tok.cap) if starts else (0, "", "")
    if tok.cap:
        n_ent, entry = ctx.gaz.match(tokens, i)
        if n_ent and n_ent > n_title:
            return Unit("ent", tuple(tokens[i:i + n_ent]), entry)
    n_cue = _cue_at(tokens, i, ctx.lex) if starts else 0
    if n_cue > n_title:
        return Unit("cue", tuple(tokens[i:i + n_cue]))
    if n_title:
        return Unit("title", tuple(tokens[i:i + n_title]), office=office, role=role)
    if tok.cap and not _noise(tokens, i, ctx.lex):
        return Unit("gap", (tok,))
    return Unit("conn" if tok.fold in ctx.lex.connectors else "word", (tok,))


def _title_at(tokens: Sequence[Token], i: int, lex: Lexicon, cap: bool) -> tuple[int, str, str]:
    """(length, office, class) of the title starting at `i`; length 0 if none."""
    longest = lex.title_len if tokens[i].fold in lex.title_starts else 0
    for n in range(min(longest, len(tokens) - i), 0, -1):
        toks = tokens[i:i + n]
        if all(t.kind == "word" for t in toks) and _title_case(toks, cap, lex):
            office = lex.titles.get(tuple(t.fold for t in toks))
            if office:
                return n, office, "office"
    if _portfolio_minister(tokens, i, lex, cap):
        return 2, f"{tokens[i].fold} minister", "office"
    f = tokens[i].fold
    for role, words in (("honorific", lex.honorifics), ("descriptor", lex.descriptors),
                        ("counterpart", lex.counterparts)):
        if f in words and tokens[i].kind == "word":
            return 1, "", role
    return 0, "", ""


def _portfolio_minister(tokens: Sequence[Token], i: int, lex: Lexicon, cap: bool) -> bool:
    """`Transport Minister`: a portfolio word the title list lacks, then `minister`."""
    toks = tokens[i:i + 2]
    return len(toks) == 2 and toks[1].fold == "minister" and toks[0].fold in lex.portfolios \
        and toks[0].fold not in lex.stopwords and toks[0].fold not in lex.connectors \
        and all(t.kind == "word" for t in toks) and _title_case(toks, cap, lex)


def _cue_at(tokens: Sequence[Token], i: int, lex: Lexicon) -> int:
    """Length of the organisation cue (`carmaker`, `rights group`) starting at `i`; 0 if none.
    Lower case, or capitalised as a sentence's first word unless it ends in an organisation
    head word (`Union Pacific`)."""
    if tokens[i].fold not in _first_words(lex.org_cues):
        return 0
    for n in range(min(lex.cue_len, len(tokens) - i), 0, -1):
        toks = tokens[i:i + n]
        phrase = tuple(t.fold for t in toks)
        if phrase not in lex.org_cues or any(t.kind != "word" for t in toks) \
                or not all(t.text[0].islower() for t in toks[1:]):
            continue
        if toks[0].text[0].islower() or (toks[0].first and phrase[-1] not in lex.org_heads):
            return n
    return 0


@lru_cache(maxsize=4)
def _first_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases if p)


def _title_case(toks: Sequence[Token], cap: bool, lex: Lexicon) -> bool:
    if cap:
        return all(t.cap or (j and t.fold in lex.connectors) for j, t in enumerate(toks))
    return all(t.text[0].islower() for t in toks)


def _noise(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Capitalised but never part of a name: weekdays, months, sentence-starting `The`."""
    tok = tokens[i]
    f = tok.fold
    if f == "may":
        before = tokens[i - 1].fold if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        return before in lex.may_words or (after is not None and after.kind == "num")
    if f in lex.weekdays or f in lex.months or (f in lex.stopwords and not tok.upper):
        return True
    return tok.upper and len(tok.text) > 6


_MAX_CONNECTORS = 3


def _merge_gaps(units: list[Unit]) -> list[Unit]:
    """Join adjacent gaps, and gaps joined by up to three connectors (`Bank of England`,
    `Ursula von der Leyen`, `Mohammed bin Salman`)."""
    out: list[Unit] = []
    grown: dict[int, list[Token]] = {}  # index in `out` -> tokens of a gap that took more
    for u in units:
        conns = 0  # counting past the limit would make a run of connectors quadratic
        while conns <= _MAX_CONNECTORS and conns < len(out) and out[-1 - conns].kind == "conn":
            conns += 1
        if u.kind == "gap" and conns <= _MAX_CONNECTORS and len(out) > conns \
                and out[-1 - conns].kind == "gap":
            joined = [t for c in out[len(out) - conns:] for t in c.toks]
            del out[len(out) - conns:]
            toks = grown.setdefault(len(out) - 1, list(out[-1].toks))
            toks.extend(joined)
            toks.extend(u.toks)
        else:
            out.append(u)
    for k, toks in grown.items():
        out[k] = Unit("gap", tuple(toks))
    return out


_APOSTROPHES = ("'", "’")


def _merge_possessives(units: list[Unit], lex: Lexicon) -> list[Unit]:
    """`Dockworkers' Union`, `People's Party`: an owner, its possessive mark and a name with an
    organisation head word are one name."""
    out: list[Unit] = []
    for u in units:
        if len(out) > 1 and _inner_possessive(out[-2], out[-1], u, lex):
            mark, owner = out.pop(), out.pop()
            u = Unit("gap", owner.toks + mark.toks + u.toks)
        out.append(u)
    return out


def _inner_possessive(owner: Unit, mark: Unit, name: Unit, lex: Lexicon) -> bool:
    if name.kind != "gap" or not any(t.fold in lex.org_heads for t in name.toks) \
            or mark.start != owner.end or name.start == mark.end:
        return False
    last = owner.toks[-1]
    if mark.kind == "punct" and mark.toks[0].text in _APOSTROPHES:
        return owner.kind == "gap" and last.kind == "word" and last.text.endswith("s")
    return mark.kind == "poss" and len(owner.toks) == 1 and last.cap \
        and owner.kind in ("gap", "word") and last.fold in lex.plural_owners


def _portfolios(units: list[Unit], ctx: Context) -> list[Unit]:
    """`Minister of Health Othman Abduljaleel`: the portfolio words join the title."""
    out = units  # copied before the first change
    merged: set[int] = set()  # the `of` units taken into a title
    for k in range(len(out) - 2):
        title, conn, gap = out[k:k + 3]
        if title.kind != "title" or title.role != "office" or not conn.is_word("of", "for") \
                or gap.kind != "gap":
            continue
        n = 0
        while n < len(gap.toks) - 1 and gap.toks[n].fold in ctx.lex.portfolios:
            n += 1
        if n:
            if out is units:
                out = list(units)
            words = " ".join(t.fold for t in gap.toks[:n])
            out[k] = replace(title, toks=title.toks + conn.toks + gap.toks[:n],
                             office=f"{title.office} of {words}")
            out[k + 2] = replace(gap, toks=gap.toks[n:])
            merged.add(k + 1)
    return [u for k, u in enumerate(out) if k not in merged] if merged else units


def _merge_orgs(units: list[Unit], ctx: Context) -> list[Unit]:
    """A gap with an organisation head word (`Ministry`) becomes an organisation, with the
    known names before it (`Russian Foreign Ministry`) and `of ...` after it."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        u = units[k]
        if u.kind != "gap" or not any(t.fold in ctx.lex.org_heads for t in u.toks):
            out.append(u)
            k += 1
            continue
        prefix: list[Unit] = []
        while out and out[-1].kind == "ent" and out[-1].entry.kind != "outlet":
            prefix.insert(0, out.pop())
        hi = k
        while hi + 2 < len(units) and units[hi + 1].kind == "conn" \
                and units[hi + 2].kind in ("gap", "ent"):
            hi += 2
        out.append(_org_unit(prefix, units[k:hi + 1], ctx))
        if out[-1].kind == "gap":  # not an organisation after all
            out[-1:] = [*prefix, u]
            hi = k
        k = hi + 1
    return out


def _cued_orgs(units: list[Unit], lex: Lexicon) -> list[Unit]:
    """`carmaker Volkswagen`, `rights group Amnesty International`: the name after a cue is an
    organisation (marked `cued`); capitalised modifiers before the cue (`Shipping group`) are
    not names."""
    out = list(units)
    for k, cue in enumerate(out):
        if cue.kind != "cue":
            continue
        j = k - 1
        while j >= 0 and out[j].kind in ("gap", "word", "suffix") and len(out[j].toks) == 1 \
                and out[j].toks[0].fold.lstrip("-") in lex.org_cue_modifiers:
            if out[j].kind == "gap":
                out[j] = replace(out[j], kind="word")
            j -= 1
        name = out[k + 1] if k + 1 < len(out) else None
        if name is not None and name.kind == "gap" and len(name.toks) <= 6 \
                and all(t.kind in ("word", "acr") or t.text in _APOSTROPHES for t in name.toks):
            out[k + 1] = replace(name, kind="org", role="cued")
    return out


def known_orgs(units: list[Unit], ctx: Context) -> list[Unit]:
    """A name the corpus shows to be an organisation (`ctx.cued_orgs`) is one here too."""
    if not ctx.cued_orgs:
        return units
    return [replace(u, kind="org") if u.kind == "gap" and org_key(u.spelling) in ctx.cued_orgs
            else u for u in units]


def cued_org_keys(sentences: Iterable[list[Unit]], common: frozenset[str]) -> frozenset[str]:
    """Org keys of the names cues made organisations (not all-common words: `the group
    Hope`)."""
    return frozenset(org_key(u.spelling) for units in sentences for u in units
                     if u.role == "cued" and not all(t.fold in common for t in u.toks if t.cap))


def _org_unit(prefix: list[Unit], rest: list[Unit], ctx: Context) -> Unit:
    toks = tuple(t for p in (*prefix, *rest) for t in p.toks)
    if len(toks) < 2:
        return rest[0]
    head = tuple(t.fold for t in rest[0].toks)
    if len(prefix) == 1 and len(rest) == 1 and head in ctx.lex.state_heads:
        country = country_of(prefix[0], ctx)
        if country:
            return Unit("adj", toks, Entry("actor", country, "adjective"))
    return Unit("org", toks)


def country_of(unit: Unit, ctx: Context) -> str:
    """The country a demonym, metonym or country name unit stands for, or ""."""
    if unit.kind != "ent" or unit.entry.kind not in ("actor", "demonym", "metonym"):
        return ""
    key = ctx.target(unit.entry.target)
    return key if ctx.entities[key].kind == "country" else ""
