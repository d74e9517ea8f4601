"""Article-level coreference: the entity a pronoun or a description subject stands for.

The last pass of the sieve (docs: RESOLUTION.md, section 5). An event's actors are those
named in its sentence; when a sentence says "he", "she", "it", "they", "the company", "the
airline", "the ministry", "the minister" or "the two leaders", these rules find whom it
means, precision first (when unsure, nothing):

1. Kind and number. "he"/"she": one person (of that gender when an honorific or an earlier
   pronoun told it). "it" (a subject before a reporting or acting verb: "it said", "it has
   signed") and "the company", "the airline" (`org_cues`): one organisation. "the ministry",
   "the court" (`org_heads`): one organisation whose name holds that word. "the minister",
   "the CEO" (`titles`): one person whose role, or the words before whose name, hold it.
   "the country" (`country_nouns`): one country. "they" (a subject before a verb): the two
   or more people, or organisations, named in the sentence just before. "the two leaders",
   "both companies" (`group_counts`): exactly that many. Descriptions count only as
   subjects (opening the sentence or a clause, or before a verb), never in "of the company".
2. Nearest. The antecedent comes from the nearest earlier sentence that names a compatible
   entity, at most `WINDOW` sentences back, never across a heading; so it never crosses a
   paragraph that names another compatible entity.
3. Unique. When that sentence names several compatible entities, a description takes the
   one whose name holds its word ("the airline": "X Airlines"); otherwise nothing.
4. Unknown names. Names are not always found as actors ("Zentrix sued", "the spokesman
   said"): passing such a name makes the search unsure, and it attaches nothing.
5. Already named. A pronoun after a compatible name in its own sentence ("Lee said he would")
   stands for that name, already an actor: nothing is added.
6. Chains. A resolved pronoun counts as a mention of its entity for the sentences after it
   ("The airline signed ... The company said ...").
7. Quotes. Pronouns inside quotation marks are the speaker's: skipped.
8. The lead. Its pronouns may take their antecedent from the headline; a lead that names no
   person or organisation gets the one that opens the headline ("Acme buys ...").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from generator.actors.names import fold
from generator.events.corefwords import honorific_genders, inside, quoted_spans, unknown_name
from generator.events.corefwords import words as _words
from generator.model import Actor, Article, Mention, Place, Sentence

WINDOW = 3  # sentences back to look for an antecedent
_TITLE = -1  # the headline, as the sentence before the lead
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CLAUSE_LINKS = frozenset("that and but when while after because as since although though before "
                          "until whereas if".split())
_PERSON = frozenset({"person"})
_ORG = frozenset({"organization"})
_PEOPLE_OR_ORGS = frozenset({"person", "organization"})


@dataclass(frozen=True)
class Ref:
    """A pronoun or description that may stand for entities named earlier."""

    start: int
    end: int
    kinds: frozenset[str]
    plural: bool = False
    count: int | None = None  # "the two leaders": 2
    word: str = ""  # the description's noun, folded ("airline"); "" for a pronoun
    strict: bool = False  # the antecedent's name must hold `word` ("the ministry")
    gender: str = ""  # "he": "m", "she": "f"
    phrase: str = ""  # a person description's words ("ceo"), matched like its office


def resolve(
    article: Article,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    known: Known | None = None,
    places: Sequence[Place] = (),
) -> tuple[Mention, ...]:
    """Mentions (via "coref") for the pronouns and descriptions whose entity is certain enough.

    `kinds` maps actor ids to kinds; `known` gives the actors' spellings (for the headline's
    actors: the lead's antecedents and main actor) and roles ("the minister"); `places` are
    names that are no actor but known.
    """
    known = known or Known({}, {})
    chain: dict[int, list[tuple[int, str, str]]] = {s.index: [] for s in article.sentences}
    index = {s.index: s for s in article.sentences}
    for m in mentions:
        i = article.sentence_at(m.start)
        if i is not None and m.actor in kinds:
            before = article.text[max(index[i].start, m.start - 40):m.start].split()[-3:]
            chain[i].append((m.start, m.actor, " ".join([*before, m.text])))  # "carmaker X"
    chain[_TITLE] = _title_mentions(article.title, known.spellings)
    quoted = quoted_spans(article)
    heads = [p.index for p in article.paragraphs if p.kind == "heading"]
    gender = honorific_genders(article.text, mentions)
    covered = sorted((m.start, m.end) for m in (*mentions, *places))
    levels: dict[int, int] = {}

    def unknown(k: int) -> int:  # computed only for the sentences a search visits
        if k not in levels:
            levels[k] = unknown_name(article.text, index[k], covered)
        return levels[k]

    found: list[Mention] = []
    for sentence in article.sentences:
        here = chain[sentence.index]
        here.sort()
        for ref in find_refs(article.text, sentence, quoted):
            if _named_before(ref, here, kinds) or (ref.gender and unknown(sentence.index) > 2):
                continue
            ids = _antecedent(ref, sentence, article, chain, index, kinds, unknown, gender, heads,
                              known.roles)
            if not ids and ref.phrase:  # "the spokesman said he": someone not named here
                levels[sentence.index] = 3
            for actor in ids:
                if ref.gender:
                    gender[actor] = ref.gender
                found.append(Mention(actor, ref.start, ref.end, article.text[ref.start:ref.end],
                                     "coref"))
                here.append((ref.start, actor, article.text[ref.start:ref.end]))
            here.sort()
        if sentence.index == article.lead:
            found.extend(_main_actor(article, sentence, here, chain[_TITLE], kinds))
    return tuple(sorted(found, key=lambda m: (m.start, m.end, m.actor)))


def _title_mentions(title: str, spellings: Mapping[str, str]) -> list[tuple[int, str, str]]:
    """The actors the headline names (longest spelling first), as mentions before the lead."""
    words = list(_WORD.finditer(title))
    out: list[tuple[int, str, str]] = []
    i = 0
    while i < len(words):
        for n in range(min(6, len(words) - i), 0, -1):
            text = title[words[i].start():words[i + n - 1].end()]
            if text[:1].isupper() and text in spellings:
                out.append((-1000 + words[i].start(), spellings[text], text))
                i += n
                break
        else:
            i += 1
    return out


def find_refs(text: str, sentence: Sentence, quoted: Sequence[tuple[int, int]] = ()) -> list[Ref]:
    """The pronouns and descriptions of a sentence that may stand for earlier entities."""
    words = [m for m in _WORD.finditer(text, sentence.start, sentence.end)
             if not inside(quoted, m.start())]
    refs: list[Ref] = []
    for i, w in enumerate(words):
        low = w.group().lower()
        ref: Ref | None = None
        if low in ("he", "she"):
            ref = Ref(w.start(), w.end(), _PERSON, gender="m" if low == "he" else "f")
        elif low == "it" and _subject(text, sentence, words, i, i + 1, verb=True):
            ref = Ref(w.start(), w.end(), _ORG)
        elif low == "they" and _subject(text, sentence, words, i, i + 1, verb=True):
            ref = Ref(w.start(), w.end(), _PEOPLE_OR_ORGS, plural=True)
        elif low in ("the", "both") and i + 1 < len(words) and (
                low == "both" or fold(words[i + 1].group()) in _words().openers):
            ref = _description(text, words, i)
            end = next((k for k in range(i, len(words)) if ref and words[k].end() == ref.end), i)
            if ref is not None and not _subject(text, sentence, words, i, end + 1):
                ref = None
        if ref is not None:
            refs.append(ref)
    return refs


def _subject(text: str, sentence: Sentence, words: Sequence[re.Match[str]], i: int, after: int,
             verb: bool = False) -> bool:
    """Whether words[i:after] are a subject: opening the sentence or a clause ("that it said"),
    and, with `verb` or anywhere else, followed by a reporting or acting verb."""
    before = text[sentence.start:words[i].start()].strip()
    opens = not before or before.endswith(",") or (
        i > 0 and fold(words[i - 1].group()) in _CLAUSE_LINKS and not
        text[words[i - 1].end():words[i].start()].strip())
    acts = after < len(words) and not text[words[after - 1].end():words[after].start()].strip() \
        and _acts(words, after)
    return acts if verb or not opens else True


def _acts(words: Sequence[re.Match[str]], i: int) -> bool:
    """Whether a reporting or acting verb follows ("it said", "it has also signed")."""
    lw = _words()
    while i < len(words) and fold(words[i].group()) in lw.glue:
        i += 1
    return i < len(words) and fold(words[i].group()) in lw.it_verbs


def _description(text: str, words: Sequence[re.Match[str]], i: int) -> Ref | None:
    """ "the company", "the budget airline", "the ministry", "the two leaders", "both firms"."""
    lw = _words()
    j, count = i + 1, None
    if words[i].group().lower() == "both":
        j, count = i + 1, 2
    elif j < len(words) and words[j].group().lower() in lw.counts:
        count = lw.counts[words[j].group().lower()]
        j += 1
    for k in range(j, min(j + 3, len(words))):  # "the airline", "the state-owned airline"
        if not _adjacent(text, words, i, k):
            return None
        ref = _noun(text, words, i, k, count)
        if ref is not None or not (words[k].group().islower()
                                   and fold(words[k].group()) in lw.modifiers):
            return ref
    return None


def _noun(text: str, words: Sequence[re.Match[str]], i: int, j: int, count: int | None) -> Ref | None:
    """The description whose noun starts at words[j] ("company", "flag carrier"), if any."""
    lw = _words()
    for n in range(min(lw.cue_len, len(words) - j), 0, -1):
        noun = words[j + n - 1]
        phrase = tuple(fold(w.group()) for w in words[j:j + n])
        if not all(w.group().islower() for w in words[j:j + n]) or _named_after(text, noun.end()):
            continue
        start, end = words[i].start(), noun.end()
        if count is None and phrase in lw.cues:
            return Ref(start, end, _ORG, word=phrase[-1])
        if count is None and phrase in lw.titles:  # "the minister", "the chief executive"
            return Ref(start, end, _PERSON, word=lw.titles[phrase], strict=True,
                       phrase=" ".join(phrase))
        if count is None and n == 1 and phrase[0] in lw.heads:
            return Ref(start, end, _ORG, word=phrase[0], strict=True)
        if count is None and n == 1 and phrase[0] in lw.countries:
            return Ref(start, end, frozenset({"country"}), word=phrase[0])
        if count is not None and n == 1 and phrase[0] in lw.plural_orgs:
            return Ref(start, end, _ORG, plural=True, count=count)
        if count is not None and n == 1 and phrase[0] in lw.plural_people:
            return Ref(start, end, _PERSON, plural=True, count=count)
    return None


def _adjacent(text: str, words: Sequence[re.Match[str]], i: int, j: int) -> bool:
    """Whether words i..j follow each other with only spaces between."""
    return all(not text[words[k].end():words[k + 1].start()].strip() for k in range(i, j))


def _named_after(text: str, pos: int) -> bool:
    """ "the company Boeing": an appositive name follows, so the description is no pronoun."""
    rest = text[pos:pos + 40]
    return bool(re.match(r"\s+(?:of\b|[A-Z])", rest))


def _named_before(ref: Ref, here: Sequence[tuple[int, str, str]], kinds: Mapping[str, str]) -> bool:
    return any(start < ref.start and kinds.get(actor) in ref.kinds for start, actor, _ in here)


def _antecedent(
    ref: Ref,
    sentence: Sentence,
    article: Article,
    chain: Mapping[int, list[tuple[int, str, str]]],
    index: Mapping[int, Sentence],
    kinds: Mapping[str, str],
    unknown: Callable[[int], int],
    gender: Mapping[str, str],
    heads: Sequence[int] = (),
    roles: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """The entities of the nearest earlier sentence that names a compatible one, if certain.

    Names are not always found ("Cisco", "Djamal"): an unknown capitalised name in the
    sentences searched makes an organisation's antecedent unsure, and one that says or does
    something ("Djamal told") a person's, so none is given."""
    back = 1 if ref.plural and ref.count is None else WINDOW
    roles = roles or {}
    earlier = [k for k in range(sentence.index - 1, sentence.index - 1 - back, -1) if k in index]
    if sentence.index == article.lead:
        earlier.append(_TITLE)
    for k in earlier:
        if k != _TITLE and _heading_between(heads, index[k], sentence):
            return ()
        if k != _TITLE and max(unknown(k), unknown(sentence.index)) >= (1 if ref.kinds == _ORG else 2):
            return ()
        cands = _compatible(ref, chain[k], kinds, gender, roles)
        if cands:
            return _pick(ref, cands, kinds)
    return ()


def _heading_between(heads: Sequence[int], a: Sentence, b: Sentence) -> bool:
    """Whether a heading (paragraph indices `heads`, sorted) lies between two sentences."""
    return bisect.bisect_left(heads, b.paragraph) > bisect.bisect_right(heads, a.paragraph)


def _compatible(ref: Ref, named: Sequence[tuple[int, str, str]], kinds: Mapping[str, str],
                gender: Mapping[str, str], roles: Mapping[str, str]) -> dict[str, str]:
    """Compatible entities of one sentence (kind, and gender when known), in order, each with
    the text of its mentions."""
    out: dict[str, str] = {}
    for _, actor, text in sorted(named):
        if kinds.get(actor) in ref.kinds and gender.get(actor, ref.gender) == ref.gender:
            out[actor] = out.get(actor, "") + " " + fold(text)
    if ref.strict and ref.kinds == _PERSON:
        out = {a: t for a, t in out.items()
               if any(f" {w} " in f" {t} {roles.get(a, '')} " for w in (ref.word, ref.phrase))}
    elif ref.strict:
        out = {a: t for a, t in out.items() if ref.word in t.split()}
    return out


def _pick(ref: Ref, cands: Mapping[str, str], kinds: Mapping[str, str]) -> tuple[str, ...]:
    """The antecedent(s) among one sentence's compatible entities, or none when unsure."""
    ids = list(cands)
    if ref.count is not None:
        return tuple(ids) if len(ids) == ref.count else ()
    if ref.plural:
        by_kind = [[a for a in ids if kinds.get(a) == k] for k in sorted(ref.kinds)]
        fits = [g for g in by_kind if len(g) >= 2]
        return tuple(fits[0]) if len(fits) == 1 else ()
    if len(ids) == 1:
        return (ids[0],)
    if ref.word:
        hits = [a for a in ids if any(w.startswith(ref.word) for w in cands[a].split())]
        if len(hits) == 1:
            return (hits[0],)
    return ()


def _main_actor(article: Article, lead: Sentence, here: Sequence[tuple[int, str, str]],
                title: Sequence[tuple[int, str, str]], kinds: Mapping[str, str]) -> list[Mention]:
    """A lead naming no person or organisation: the person or organisation opening the headline."""
    if any(kinds.get(a) in _PEOPLE_OR_ORGS for _, a, _ in here):
        return []
    if not title or title[0][0] != -1000 or kinds.get(title[0][1]) not in _PEOPLE_OR_ORGS:
        return []  # the headline's subject opens it: "Acme buys ..."
    return [Mention(title[0][1], lead.start, lead.start, "", "coref")]


@dataclass(frozen=True)
class Known:
    """What the actor stage found that coreference reads: each name and alias -> its actor
    (a spelling two actors share is left out), and each actor -> its roles, folded."""

    spellings: Mapping[str, str]
    roles: Mapping[str, str]


def known_actors(actors: Sequence[Actor]) -> Known:
    """The spellings and roles of the actors, for `resolve`."""
    seen: dict[str, set[str]] = {}
    for a in actors:
        for text in (a.name, *a.aliases):
            seen.setdefault(text, set()).add(a.id)
    spellings = {text: next(iter(ids)) for text, ids in sorted(seen.items()) if len(ids) == 1}
    roles = {a.id: " ".join(fold(r.title) for r in a.roles) for a in actors if a.roles}
    return Known(spellings, roles)


def with_antecedents(
    article: Article,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    names: Known | None = None,
    places: Sequence[Place] = (),
) -> tuple[Mention, ...]:
    """The article's mentions plus those `resolve` finds, in text order."""
    found = resolve(article, mentions, kinds, names, places)
    if not found:
        return tuple(mentions)
    return tuple(sorted((*mentions, *found), key=lambda m: (m.start, m.end, m.actor, m.via)))
