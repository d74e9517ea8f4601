"""Sentence scanning: units (known names, titles, capitalised runs) read into hits."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.actors.knowledge import Context, Entry, org_key
from generator.actors.names import Lexicon, Token, core_words, fold, is_subsequence, tokenize
from generator.actors.orgnames import split_glued_names
from generator.model import Article, Diagnostic

# --- units: a sentence cut into known names, titles and unknown capitalised runs ---------------


@dataclass
class Unit:
    """A piece of a sentence: gap (unknown capitalised run), ent, org, adj, title, cue
    (`carmaker`: an organisation's name may follow), conn, word, punct, poss or suffix."""

    kind: str
    toks: list[Token]
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
    return _known_orgs(_cued_orgs(units, ctx.lex), ctx)


def _unit_at(tokens: Sequence[Token], i: int, ctx: Context) -> Unit:
    tok = tokens[i]
    if tok.kind in ("poss", "suffix", "punct", "num"):
        return Unit(tok.kind if tok.kind in ("poss", "suffix") else "punct", [tok])
    n_title, office, role = _title_at(tokens, i, ctx.lex, tok.cap)
    if tok.cap:
        n_ent, entry = ctx.gaz.match(tokens, i)
        if n_ent and n_ent > n_title:
            return Unit("ent", list(tokens[i:i + n_ent]), entry)
    n_cue = _cue_at(tokens, i, ctx.lex)
    if n_cue > n_title:
        return Unit("cue", list(tokens[i:i + n_cue]))
    if n_title:
        return Unit("title", list(tokens[i:i + n_title]), office=office, role=role)
    if tok.cap and not _noise(tokens, i, ctx.lex):
        return Unit("gap", [tok])
    return Unit("conn" if tok.fold in ctx.lex.connectors else "word", [tok])


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
    for n in range(min(lex.cue_len, len(tokens) - i), 0, -1):
        toks = tokens[i:i + n]
        phrase = tuple(t.fold for t in toks)
        if phrase not in lex.org_cues or any(t.kind != "word" for t in toks) \
                or not all(t.text[0].islower() for t in toks[1:]):
            continue
        if toks[0].text[0].islower() or (toks[0].first and phrase[-1] not in lex.org_heads):
            return n
    return 0


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
    for u in units:
        conns = 0  # counting past the limit would make a run of connectors quadratic
        while conns <= _MAX_CONNECTORS and conns < len(out) and out[-1 - conns].kind == "conn":
            conns += 1
        if u.kind == "gap" and conns <= _MAX_CONNECTORS and len(out) > conns \
                and out[-1 - conns].kind == "gap":
            joined = [t for c in out[len(out) - conns:] for t in c.toks]
            del out[len(out) - conns:]
            out[-1].toks.extend(joined + u.toks)
        else:
            out.append(u)
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
    for k in range(len(units) - 2):
        title, conn, gap = units[k:k + 3]
        if title.kind != "title" or title.role != "office" or not conn.is_word("of", "for") \
                or gap.kind != "gap":
            continue
        n = 0
        while n < len(gap.toks) - 1 and gap.toks[n].fold in ctx.lex.portfolios:
            n += 1
        if n:
            words = " ".join(t.fold for t in gap.toks[:n])
            title.toks = title.toks + conn.toks + gap.toks[:n]
            title.office = f"{title.office} of {words}"
            gap.toks = gap.toks[n:]
            conn.kind = "merged"
    return [u for u in units if u.kind != "merged"]


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
    for k, cue in enumerate(units):
        if cue.kind != "cue":
            continue
        j = k - 1
        while j >= 0 and units[j].kind in ("gap", "word", "suffix") and len(units[j].toks) == 1 \
                and units[j].toks[0].fold.lstrip("-") in lex.org_cue_modifiers:
            units[j].kind = "word" if units[j].kind == "gap" else units[j].kind
            j -= 1
        name = units[k + 1] if k + 1 < len(units) else None
        if name is not None and name.kind == "gap" and len(name.toks) <= 6 \
                and all(t.kind in ("word", "acr") or t.text in _APOSTROPHES for t in name.toks):
            name.kind, name.role = "org", "cued"
    return units


def _known_orgs(units: list[Unit], ctx: Context) -> list[Unit]:
    """A name seen after a cue elsewhere in the corpus is that organisation here too."""
    if ctx.cued_orgs:
        for u in units:
            if u.kind == "gap" and org_key(u.spelling) in ctx.cued_orgs:
                u.kind = "org"
    return units


def learn_cued_orgs(sentences: Iterable[list[Unit]], ctx: Context) -> None:
    """Remember the names cues made organisations (not all-common words: `the group Hope`),
    and mark their uncued mentions in `sentences` too."""
    all_units = [u for units in sentences for u in units]
    ctx.cued_orgs.update(org_key(u.spelling) for u in all_units if u.role == "cued"
                         and not all(t.fold in ctx.common for t in u.toks if t.cap))
    _known_orgs(all_units, ctx)


def _org_unit(prefix: list[Unit], rest: list[Unit], ctx: Context) -> Unit:
    toks = [t for p in (*prefix, *rest) for t in p.toks]
    if len(toks) < 2:
        return rest[0]
    head = tuple(t.fold for t in rest[0].toks)
    if len(prefix) == 1 and len(rest) == 1 and head in ctx.lex.state_heads:
        country = _country_of(prefix[0], ctx)
        if country:
            return Unit("adj", toks, Entry("actor", country, "adjective"))
    return Unit("org", toks)


def _country_of(unit: Unit, ctx: Context) -> str:
    """The country a demonym, metonym or country name unit stands for, or ""."""
    if unit.kind != "ent" or unit.entry.kind not in ("actor", "demonym", "metonym"):
        return ""
    key = ctx.target(unit.entry.target)
    return key if ctx.entities[key].kind == "country" else ""


# --- reading a sentence -------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """Something a sentence names, before people are merged and names resolved."""

    kind: str  # actor, place, person (cued), pending (uncued full name), single, role
    start: int
    end: int
    text: str  # the spelling (a person's name without brackets)
    target: str = ""  # actor: entity key; place: place name; role: qualifier key
    via: str = "name"
    office: str = ""  # role phrase: the office asked for; person: the office held
    title: str = ""  # person: the role title seen (`Turkish President`)
    qual: str = ""  # person: the role's qualifier key (country or organisation)


@dataclass(frozen=True)
class Qualifier:
    """What a title is qualified by: `Turkish`, `Turkey's`, `Kremlin`, `UN`."""

    index: int
    key: str
    display: str
    prefix: str = ""  # a metonym's office: `presidential`


class SentenceReader:
    """Turns one sentence's units into hits."""

    def __init__(self, units: list[Unit], ctx: Context) -> None:
        self.u = units
        self.ctx = ctx
        self.hits: list[Hit] = []
        self.used: set[int] = set()
        self.last_office = ""

    def read(self) -> list[Hit]:
        for k, unit in enumerate(self.u):
            if unit.kind == "title" and k not in self.used:
                self._title(k)
        readers = {"gap": self._gap, "ent": self._ent, "org": self._org, "adj": self._adj}
        for k, unit in enumerate(self.u):
            if k not in self.used and unit.kind in readers:
                readers[unit.kind](k)
        return self.hits

    def at(self, k: int) -> Unit | None:
        return self.u[k] if 0 <= k < len(self.u) else None

    def _title(self, k: int) -> None:
        j = k
        while (nxt := self.at(j + 1)) is not None and nxt.kind == "title":
            j += 1
        qual = self.qualifier(k)
        name = self._name_after(j, qual is not None and self.u[k].role == "office")
        if name is not None:
            self._titled_person(k, name, qual)
            self.used.update(range(k, j + 1))
        elif qual is not None and self.u[k].role == "office":
            the = self.at(qual.index - 1)
            start = the.start if the is not None and the.is_word("the") else self.u[qual.index].start
            office = _office(qual, self.u[k].office)
            self._hit("role", start, self.u[k].end, qual.key, "role", office=office)
            self.used.update(range(qual.index if self._is_country(qual) else k, k + 1))
        elif qual is None and self.u[k].role == "office" and j == k \
                and (the := self.at(k - 1)) is not None and the.is_word("the"):
            # "the foreign minister": someone this article names with that title, if only one
            self._hit("role", the.start, self.u[k].end, "", "role", office=self.u[k].office)
            self.used.add(k)

    def _is_country(self, qual: Qualifier) -> bool:
        entity = self.ctx.entities.get(qual.key)
        return entity is not None and entity.kind == "country"

    def _titled_person(self, k: int, name: int, qual: Qualifier | None) -> None:
        title = self.u[k]
        office = title.office if title.role == "office" else ""
        if title.role == "counterpart" and qual is not None:
            office = self.last_office
        gap = self.u[name]
        if len(gap.toks) == 1 and gap.toks[0].fold in self.ctx.common:
            self._hit("single", gap.start, gap.end, gap.spelling, text=gap.spelling)
            self.used.add(name)
            return  # `Chief Executive Officer`: a common word is a name only as a known surname
        display = qual_key = ""
        if office:
            self.last_office = office
            display = _title_display(title, office)
            if qual is not None:
                display, qual_key = f"{qual.display} {display}", qual.key
                office = _office(qual, office)
        self.hits.append(Hit("person", gap.start, gap.end, gap.spelling, office=office,
                             title=display, qual=qual_key))
        self.used.add(name)
        if qual is not None and self._is_country(qual):
            self.used.add(qual.index)

    def qualifier(self, k: int) -> Qualifier | None:
        prev = self.at(k - 1)
        if prev is not None and prev.kind == "poss" and (owner := self.at(k - 2)) is not None:
            country = _country_of(owner, self.ctx)
            if country and owner.entry.kind == "actor":
                return Qualifier(k - 2, country, self.ctx.entity(country).adjective)
            return None
        if prev is None or prev.kind not in ("ent", "org"):
            return None
        if prev.kind == "org":
            return Qualifier(k - 1, self.ctx.discovered_org(prev.spelling), prev.spelling)
        entry, key = prev.entry, self.ctx.target(prev.entry.target)
        if entry.kind == "metonym":
            return Qualifier(k - 1, key, prev.spelling, entry.office)
        if entry.kind == "demonym":
            return Qualifier(k - 1, key, prev.spelling)
        if entry.kind in ("actor", "place"):  # `U.S. Secretary of State`, `Istanbul Mayor`
            return Qualifier(k - 1, key if entry.kind == "actor" else "place:" + key, prev.spelling)
        return None

    def _name_after(self, j: int, apposition: bool) -> int | None:
        nxt = self.at(j + 1)
        if nxt is not None and nxt.kind == "gap" and self._name_like(nxt, strong=True):
            return j + 1
        far = self.at(j + 2)
        if apposition and nxt is not None and nxt.kind == "punct" and nxt.toks[0].text == "," \
                and far is not None and far.kind == "gap" and len(far.toks) > 1 \
                and self._name_like(far, strong=True):
            return j + 2
        return None

    def _name_like(self, gap: Unit, strong: bool) -> bool:
        lex = self.ctx.lex
        words = [t for t in gap.toks if t.cap]
        if any(t.fold in lex.connectors and t.fold not in lex.particles for t in gap.toks):
            return False
        for t in words:
            if t.kind != "word" or (t.upper and len(t.text) > 1) or t.fold in lex.org_heads:
                return False
        if not 1 <= len(core_words(gap.spelling)) <= 5:
            return False
        return strong or len(words) < 2 or not all(t.fold in self.ctx.common for t in words)

    def _hit(self, kind: str, start: int, end: int, target: str, via: str = "name",
             text: str = "", office: str = "") -> None:
        self.hits.append(Hit(kind, start, end, text, target, via, office))

    def _org(self, k: int) -> None:
        unit = self.u[k]
        self._hit("actor", unit.start, unit.end, self.ctx.discovered_org(unit.spelling),
                  text=unit.spelling)

    def _adj(self, k: int) -> None:
        unit = self.u[k]
        self._hit("actor", unit.start, unit.end, unit.entry.target, "adjective")

    def _ent(self, k: int) -> None:
        unit, entry = self.u[k], self.u[k].entry
        nxt = self.at(k + 1)
        if entry.kind == "place":
            self._hit("place", unit.start, unit.end, entry.target)
        elif entry.kind == "metonym" or entry.kind == "actor":
            spelling = unit.spelling if entry.kind == "actor" else ""  # the Kremlin: no alias
            self._hit("actor", unit.start, unit.end, entry.target, entry.via, spelling)
            if self._is_location(k) and self.ctx.entity(entry.target).kind == "country":
                self._hit("place", unit.start, unit.end, self.ctx.entity(entry.target).name)
        elif entry.kind == "demonym" and nxt is not None and (
                nxt.kind == "suffix" or nxt.is_word(*self.ctx.lex.state_nouns)):
            self._hit("actor", unit.start, unit.end, entry.target, "adjective")

    def _is_location(self, k: int) -> bool:
        prev = self.at(k - 1)
        if prev is not None and prev.is_word("the"):
            prev = self.at(k - 2)
        return prev is not None and prev.is_word(*self.ctx.lex.location_words)

    def _gap(self, k: int) -> None:
        gap, lex = self.u[k], self.ctx.lex
        prev, before = self.at(k - 1), self.at(k - 2)
        if prev is not None and prev.is_word("of") and before is not None \
                and before.is_word(*lex.place_nouns):
            self._hit("place", gap.start, gap.end, gap.spelling)
        elif len(core_words(gap.spelling)) == 1 and len(gap.toks) == 1:
            self._hit("single", gap.start, gap.end, gap.toks[0].text, text=gap.spelling)
        elif self._name_like(gap, strong=False) and gap.spelling not in lex.outlets:
            kind = "person" if self._cued(k) else "pending"
            self.hits.append(Hit(kind, gap.start, gap.end, gap.spelling))

    def _cued(self, k: int) -> bool:
        """A say verb after or just before, a possessive after, or `led by` before."""
        lex = self.ctx.lex
        prev, nxt = self.at(k - 1), self.at(k + 1)
        if prev is not None and prev.is_word("at", "from", "the"):
            return False  # `analysts at Goldman Sachs said`, `the Silicon Valley's`: not people
        if nxt is not None and (nxt.kind == "poss" or nxt.is_word(*lex.say_verbs)):
            return True
        if prev is not None and prev.is_word(*lex.say_verbs) and (quote := self.at(k - 2)) \
                and quote.kind == "punct":
            return True  # `...," said Sergei Lavrov`
        before = self.at(k - 2)
        return bool(prev is not None and prev.is_word("by") and before is not None
                    and before.is_word(*lex.lead_verbs))


def _office(qual: Qualifier, office: str) -> str:
    """The office key under a qualifier: the Kremlin's spokesman is a presidential one."""
    if qual.prefix and not office.startswith(qual.prefix):
        return f"{qual.prefix} {office}"
    return office


def _title_display(title: Unit, office: str) -> str:
    text = " ".join(t.text.rstrip(".") for t in title.toks)
    if title.role != "office" or len(text) <= 3:
        return office.title()
    return " ".join(w if w in ("of", "the") else w[:1].upper() + w[1:] for w in text.split())


def role_key(title: str, ctx: Context) -> tuple[str, str]:
    """(qualifier key, office) of a registry role title: `Turkish President`,
    `President of Turkey`."""
    units = units_of(tokenize(title), ctx)
    reader = SentenceReader(units, ctx)
    for k, unit in enumerate(units):
        if unit.kind == "title" and unit.role == "office":
            qual = reader.qualifier(k)
            after = reader.at(k + 2)
            if qual is None and reader.at(k + 1) is not None and units[k + 1].is_word("of") \
                    and after is not None and _country_of(after, ctx):
                key = _country_of(after, ctx)
                qual = Qualifier(k + 2, key, "", after.entry.office)
            return (qual.key, _office(qual, unit.office)) if qual else ("", unit.office)
    return "", fold(title)


# --- acronym definitions ----------------------------------------------------------------------


def learn_acronyms(docs: list[tuple[Article, list[list[Token]]]], ctx: Context) -> None:
    """`Name (ACRONYM)` anywhere makes ACRONYM name the same actor everywhere."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, str] = {}
    for article, sents in docs:
        for sent in sents:
            if not any(t.text == "(" for t in sent):
                continue
            units = units_of(sent, ctx)
            for k in range(len(units) - 3):
                defined = _definition(units[k:k + 4], ctx)
                if defined:
                    found[defined[0]][defined[1]] += 1
                    where.setdefault(defined[0], article.path)
    for acronym in sorted(found):
        ranked = sorted(found[acronym].items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1:
            ctx.diagnostics.append(Diagnostic(
                "warning", where[acronym], f"`{acronym}` is defined more than one way; "
                f"using `{_entity_label(ranked[0][0], ctx)}`"))
        ctx.gaz.add(acronym, Entry("actor", ranked[0][0], "acronym"), 1)


def _entity_label(key: str, ctx: Context) -> str:
    return ctx.entities[key].name or key.split(":", 1)[1]


def _definition(units: list[Unit], ctx: Context) -> tuple[str, str] | None:
    """(acronym, entity key) of `Name (ACRONYM)`, or None."""
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
        key = ctx.target(name.entry.target)
    elif name.kind in ("org", "gap") and len(name.toks) > 1:
        key = ctx.discovered_org(name.spelling)
        ctx.gaz.add(name.spelling, Entry("actor", key), 1)
    else:
        return None
    if acr.kind == "ent" and ctx.target(acr.entry.target) == key:
        return None
    return acr.toks[0].text, key
