"""Reading one sentence's units into hits: countries, organisations, places, titled or
speaking people and role phrases (`SentenceReader`), and registry role titles (`role_key`)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.actors.knowledge import Context
from generator.actors.names import core_words, fold
from generator.actors.tokens import tokenize
from generator.actors.units import Unit, country_of, units_of
from generator.model import packed


@packed
@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
            country = country_of(owner, self.ctx)
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
                    and after is not None and country_of(after, ctx):
                key = country_of(after, ctx)
                qual = Qualifier(k + 2, key, "", after.entry.office)
            return (qual.key, _office(qual, unit.office)) if qual else ("", unit.office)
    return "", fold(title)
