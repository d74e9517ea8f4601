"""Event titles: a short headline from the event's sentence; the quote keeps the sentence.

Sentence compression without a parser, guided by punctuation and the `headline_*` words:
1. The date goes with its preposition ("on Tuesday") unless its neighbours need it ("was in
   1994", "between 2014 and 2016", "by 2016", "August or September").
2. Commas, semicolons and dashes split the sentence into segments; "; " and ", and" + four
   words start a new clause. The clause holding the date gives the title (a subordinate one
   too: ", when they called for a truce from Jan. 12"); one that starts with its verb
   ("..., and launched X") borrows the first clause's subject.
3. Asides go: leading adverbials ("On Tuesday,"), connectives, "The firm said (that)", and
   after the main segment relative clauses, appositives and attributions. A pronoun subject
   is named (headnames.py).
4. Over TITLE_MAX characters: cut before a clause or phrase, else after a word with "…".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import dropwhile, takewhile

from generator.actors.names import Lexicon, fold, lexicon
from generator.dates import engine as dates
from generator.events import headnames
from generator.lang import alternation
from generator.model import Actor, Article, PartialDate, Sentence

TITLE_MAX = 90
_MIN_CUT = 55  # a title cut short keeps at least this many characters (60 at a preposition)
_MARK = "\ue000"  # where the date stood (a private-use character, never in text)
_GLUE = "\u00a0"  # joins a kept date's own comma ("Oct. 5, 2010") so it splits nothing
_BREAK = re.compile(r"\s*(?:[,;:]|\s[—–]|\s--?)\s+")
# ", left,", ", second right,": where a photo shows someone
_PHOTO_DIRECTION = re.compile(rf",\s+(?:{alternation(lexicon().headline_photo_positions)}\s+)?"
                              rf"{alternation(lexicon().headline_photo_sides)},(?=\s)", re.IGNORECASE)
_QUOTES = "\"“”"
_EDGE = " ,;:-–—.'’" + _QUOTES + _MARK


@dataclass(frozen=True)
class _Seg:
    """A stretch of a sentence between clause punctuation, with the mark before it."""

    sep: str
    text: str

    @property
    def words(self) -> list[str]:
        return [w for w in (fold(t.strip(_EDGE + "()")) for t in self.text.split()) if w]


def event_title(article: Article, sentence: Sentence, timex: dates.Timex | None,
                actors: Sequence[Actor] = (), others: Sequence[Actor] = ()) -> str:
    """A headline for the event a sentence reports: the article's headline for its lead,
    else who did what, from the sentence. `actors` are the sentence's, `others` the rest of
    the event's: they name a pronoun subject."""
    if sentence.index == article.lead and article.title and (
        timex is None or (article.date and timex.event_date() == PartialDate.of(article.date))
    ):
        return _fit(_tidy(article.title))
    text = _tidy(_drop_date(sentence.text, sentence.start, timex))
    segs = _asides(_clause(_segments(text)), article, actors)
    title = _undated(_extraposed(_clean(_join(segs))), article)
    others = [a for a in others if a not in actors]
    if timex is not None:  # an undated statement is news because it was said: keep who said it
        title = _unattributed(title)
    title = headnames.named(title, actors, others)
    if len(title) > TITLE_MAX:
        title = _clean(headnames.compact(title, actors, TITLE_MAX))
    title = _fit(title)
    return title or _fit(_clean(_tidy(sentence.text))) or article.title or article.id


def _tidy(text: str) -> str:
    """Drop asides a title does not need: parentheses, photo directions, doubled spaces."""
    return re.sub(r"\s+", " ", _PHOTO_DIRECTION.sub("", re.sub(r"\s*\([^()]*\)", "", text))).strip()


# ---------------------------------------------------------------- the date
def _drop_date(text: str, offset: int, timex: dates.Timex | None) -> str:
    """The sentence with its date replaced by a mark, or marked and kept where needed."""
    if timex is None or not 0 <= timex.start - offset < timex.end - offset <= len(text):
        return text
    a, b = timex.start - offset, timex.end - offset
    before, date, after = text[:a], text[a:b], text[b:]
    if after[:2] in ("'s", "’s") and date[-2:].isdigit() and date.endswith("0"):
        date, after = date + after[:2], after[2:]  # "the late 1980's": a decade, not an owner
    elif after[:2] in ("'s", "’s"):  # "ahead of next week's summit": "ahead of the summit"
        return before + "the" + _MARK + after[2:]
    lex = lexicon()
    words = before.split()
    prev = _bare(words[-1]) if words else ""
    cut = len(before.rstrip())
    following = after.split()
    nxt = _bare(following[0]) if following and after[:1] == " " else after.strip()[:1]
    if prev in lex.headline_date_prepositions:
        cut = len(before.rstrip()) - len(words[-1])
        prev = _bare(words[-2]) if len(words) > 1 else ""  # "was in 1994", "starting in April"
        needed = prev in lex.headline_copulas or (
            prev in lex.headline_date_needed and prev not in lex.headline_coordinators)
    else:  # a bare date inside a clause as its object ("will spend the rest of the week") stays
        inside = bool(words) and before.rstrip()[-1:].isalnum() and nxt.isalnum()
        needed = prev in lex.headline_date_needed or (
            inside and _bare(date.split()[0]) in lex.headline_articles)
    opens = not before[:cut].strip() or before[:cut].rstrip()[-1:] in ",;:"
    subject = opens and nxt in lex.headline_copulas  # "Sunday was chosen", "that day has come"
    if needed or nxt in lex.headline_date_joined or subject:
        return before + _MARK + date.replace(", ", "," + _GLUE) + after
    head = before[:cut].rstrip()
    if head.endswith(",") and after.lstrip().startswith(","):
        after = " " + after.lstrip()[1:]  # the date was an aside between commas
    return head + " " + _MARK + after


def _bare(word: str) -> str:
    return fold(word.strip(_EDGE + "()"))


# ---------------------------------------------------------------- clauses
def _segments(text: str) -> list[_Seg]:
    segs, last, sep = [], 0, ""
    for m in _BREAK.finditer(text):
        segs.append(_Seg(sep, text[last:m.start()]))
        sep, last = m.group().strip(), m.end()
    segs.append(_Seg(sep, text[last:]))
    return segs


def _clause(segs: list[_Seg]) -> list[_Seg]:
    """The clause that holds the date (else the first), with a subject if it lacks one."""
    lex = lexicon()
    clauses: list[list[_Seg]] = [[]]
    for seg in segs:
        words = seg.words
        starts = seg.sep == ";" or (seg.sep and len(words) >= 4 and words[0] in lex.headline_clause_starts)
        if starts and clauses[-1]:
            clauses.append([])
        clauses[-1].append(seg)
    pick = next((i for i, c in enumerate(clauses) if any(_MARK in s.text for s in c)), 0)
    chosen = clauses[pick]
    if pick == 0:
        return chosen
    head = chosen[0].text.strip()
    if _bare(head.split()[0] if head.split() else "") in lex.headline_clause_starts:
        head = head.split(" ", 1)[1] if " " in head else ""
    verb_first = _verb_first(head)
    if not verb_first and len(head.replace(_MARK, " ").split()) < 5:
        return clauses[0] + chosen  # ", and not 2015 as hoped": with the clause before
    if _bare(head.split()[0]) in lex.headline_complementizers:  # "He said X, and that Y"
        said = _said(clauses[0][0].text)
        return [_Seg("", f"{said} {head}" if said else head), *chosen[1:]]
    if not verb_first:
        return [_Seg("", head), *chosen[1:]]
    subject = _named_subject(clauses[0])
    if not subject:  # "The airliner will bypass X, and fly to Y": the clauses together
        return clauses[0] + chosen
    return [_Seg("", f"{subject} {head}"), *chosen[1:]]


def _verb_first(text: str) -> bool:
    """Whether a clause starts with its verb ("and only became public"): it lacks a subject."""
    lex = lexicon()
    words = list(dropwhile(lambda w: _bare(w) in lex.headline_adverbs, text.replace(_MARK, " ").split()))
    first = _bare(words[0]) if words else ""
    return bool(first) and words[0][:1].islower() and first not in _subject_words(lex) \
        and not first[:1].isdigit()


def _said(text: str) -> str:
    """The attribution that opens a clause ("He said that ..."): "He said"; else ""."""
    words = text.replace(_MARK, " ").split()
    verb = next((i for i, w in enumerate(words[:7]) if _bare(w) in lexicon().headline_say_verbs), None)
    return " ".join(words[:verb + 1]) if verb else ""


def _subject_words(lex: Lexicon) -> frozenset[str]:
    return (lex.headline_determiners | lex.headline_person_pronouns | lex.headline_thing_pronouns
            | lex.headline_group_pronouns | lex.headline_adverbials | lex.headline_openers)


def _named_subject(clause: list[_Seg]) -> str:
    """The capitalised name (or pronoun) that opens a clause: "Apple Computer was ..."."""
    lex = lexicon()
    for seg in clause:
        words = seg.text.replace(_MARK, "").split()
        if not words or _bare(words[0]) in lex.headline_adverbials | lex.headline_openers:
            continue
        verb = next((i for i, w in enumerate(words) if _bare(w) in lex.headline_copulas), 0)
        if 0 < verb <= 6:  # "Apple's bumpers were priced ..., but will be free": "Apple's bumpers"
            modal = _bare(words[verb]) in lex.headline_modals  # "X will bypass Y, and fly to Z"
            return " ".join(words[:verb + modal])
        run = list(takewhile(lambda w: w[:1].isupper() and w[-1:] not in ",;:", words))
        if run and len(run) < len(words) and _bare(run[0]) not in lex.headline_determiners \
                and not run[-1].endswith(("'s", "’s")):
            return " ".join(run)
        return ""
    return ""


# ---------------------------------------------------------------- asides
def _asides(segs: list[_Seg], article: Article, actors: Sequence[Actor]) -> list[_Seg]:
    """The clause without its leading adverbials and its trailing or inserted asides (a verb
    after an inserted phrase goes on with a leading clause: "After the jet, bearing the livery,
    arrives in Tokyo, the airline will ...")."""
    main = next((i for i, s in enumerate(segs) if not _aside(s, article, actors, lead=True)
                 and not (i > 1 and _participial(segs[i - 1]) and _verb_first(s.text))
                 or not _brief(s, segs[i + 1:])), None)
    if main is None:
        main = next((i for i, s in enumerate(segs) if s.words), 0)
    dated = _dated_clause(segs, main)
    if dated:
        return [dated]
    segs = segs[main:]
    lex = lexicon()
    kept, dropped = [segs[0]], False
    for seg in segs[1:]:
        first = seg.words[0] if seg.words else ""
        start = seg.text.lstrip(_MARK + " ")
        resumes = dropped and start[:1].islower() and first not in lex.headline_adverbials \
            and (first.endswith("ed") or first in lex.headline_participles)
        if not resumes and _aside(seg, article, actors, lead=False):
            dropped = True  # (a verb after an aside resumes the clause: "X, with Y, estimated")
            continue
        if (dropped or seg.text.startswith(_MARK)) and start[:1].islower():
            seg = _Seg("", seg.text)  # "X, which ..., believes", "X, at 08:30, was": no comma
        kept.append(seg)
        dropped = False
    text = _join(kept)
    if len(text.split()) < 3 or not any(w[:1].islower() for w in text.split()):
        # "Singapore Airlines, which will be the first to fly it, opened ...": a name alone
        return segs
    return kept


def _dated_clause(segs: list[_Seg], main: int) -> _Seg | None:
    """The subordinate clause that holds the date, when it has a subject of its own: "X met
    Y on Wednesday, when they called for a truce from Jan. 12"; "Since the iPhone was released
    in 2007, Y has ...". Its event is the one dated."""
    lex = lexicon()
    at = next((i for i, s in enumerate(segs) if _MARK in s.text), main)
    words = segs[at].text.replace(_MARK, " ").split()
    if at == main or len(words) < 4 or _bare(words[0]) not in (
            lex.headline_subordinators if at > main else lex.headline_origin_words):
        return None
    subject = words[1][:1].isupper() or _bare(words[1]) in lex.headline_determiners \
        or headnames.is_pronoun(_bare(words[1]))
    return _Seg("", " ".join(words[1:])) if subject else None


def _brief(seg: _Seg, rest: Sequence[_Seg]) -> bool:
    """Whether a leading phrase is short enough to be an aside: "Between 2014 and 2016 it
    will take delivery of six jets, a new design" is not one."""
    return not rest or len(seg.words) <= 12 or len(seg.words) <= sum(len(s.words) for s in rest)


def _join(segs: Sequence[_Seg]) -> str:
    return "".join((f"{s.sep} " if s.sep in ",;:" else f" {s.sep} ") + s.text for s in segs).strip(" ,;:")


def _aside(seg: _Seg, article: Article, actors: Sequence[Actor], lead: bool) -> bool:
    """Whether a segment hangs off the clause rather than carrying it."""
    lex = lexicon()
    words = seg.words
    if not words:
        return True
    if lead and words[0] in lex.headline_openers and len(words) <= 3:
        return True
    if lead:  # "Already bearing the livery, ...": the participle after an adverb
        words = list(dropwhile(lambda w: w in lex.headline_openers, words)) or words
    first = words[0]
    if _attribution(words) or first in lex.headline_adverbials or first in lex.headline_relatives:
        return True
    if not lead and (first in lex.headline_openers and first not in lex.headline_coordinators
                     or words == [first] and first in lex.headline_coordinators):
        return True  # ", also out of court,", ", but,"
    if not lead and first in lex.headline_articles | lex.headline_person_possessives \
            | lex.headline_thing_possessives | lex.headline_group_possessives:
        return True  # an appositive: ", the company's chief,"
    opener = next((w.strip(_EDGE) for w in seg.text.split() if _bare(w) == first), first)
    if first.endswith("ly") and (len(words) == 1 or opener[:1].islower()):
        return True  # ", reportedly,", "Unfortunately,"
    return _participial(seg) and (opener[:1].islower() if not lead else not _is_name(opener, article, actors))


def _participial(seg: _Seg) -> bool:
    """Whether a segment opens on a participle ("speaking", "already bearing", "born")."""
    lex = lexicon()
    first = next(iter(dropwhile(lambda w: w in lex.headline_openers, seg.words)), "")
    return first in lex.headline_participles or (
        len(first) > 4 and first.isalpha() and first.endswith(("ing", "ed")))


def _attribution(words: list[str]) -> bool:
    """ "he said", "the company said", "said John Smith", "according to officials"."""
    say = lexicon().headline_say_verbs
    if len(words) > 8:
        return False
    return words[0] in lexicon().headline_attribution_starts or words[-1] in say or (
        len(words) <= 5 and words[0] in say and len(words) > 1
        and words[1] in lexicon().headline_determiners | lexicon().headline_audiences)


def _is_name(word: str, article: Article, actors: Sequence[Actor]) -> bool:
    """A capitalised word that names something: in an actor's name, or capitalised inside
    a sentence of the article ("Boeing", unlike "Speaking")."""
    if not word[:1].isupper() or any(word in a.name.split() for a in actors):
        return word[:1].isupper()
    return re.search(rf"[a-z,;] +{re.escape(word)}\b", article.text) is not None


def _undated(title: str, article: Article) -> str:
    """ "In 1998 Apple introduced ...": a title does not open on another date either."""
    first = title.split(" ", 1)[0]
    if _bare(first) not in lexicon().headline_date_prepositions:
        return title
    found = dates.tag_sentence(title, 0, len(title), article.date)
    between = lexicon().headline_articles
    rest = next((title[t.end:] for t in found
                 if all(_bare(w) in between for w in title[len(first):t.start].split())), "")
    rest = re.sub(r"^(?:['’]s)?[\s,]*", "", rest)  # "In the late 1980's, ..."
    joined = lexicon().headline_date_needed | lexicon().headline_date_joined  # "... quarter of the year"
    return _clean(rest) if len(rest.split()) >= 3 and _bare(rest.split()[0]) not in joined else title


def _unattributed(title: str) -> str:
    """ "The firm said that sales rose" -> "Sales rose"; kept when what was said opens on a
    pronoun ("Boeing said it would ...", "he said we will ...") or an adverbial."""
    lex = lexicon()
    words = title.split(" ")
    verbs = lex.headline_bare_say_verbs | lex.headline_report_verbs  # not "argued", "claimed"
    verb = next((i for i, w in enumerate(words[1:7], 1) if fold(w) in verbs), 0)
    that = verb and len(words) > verb + 1 and fold(words[verb + 1]) in lex.headline_complementizers
    if not verb or not (that or fold(words[verb]) in lex.headline_bare_say_verbs) or "," in title[:verb]:
        return title
    rest = _clean(" ".join(words[verb + 1 + that:]))
    first = _bare(rest.split(" ", 1)[0]) if rest else ""
    if len(rest.split()) < 3 or first in lex.headline_speakers | lex.headline_adverbials \
            | lex.headline_complementizers:
        return title  # "X said in a statement, ...", "X said we will ..."
    return title if headnames.is_pronoun(first) else rest  # "Lee said she would resign" stays


def _extraposed(title: str) -> str:
    """ "It is expected that X will ..." -> "X will ..."."""
    lex = lexicon()
    words = title.split(" ")
    if len(words) > 4 and fold(words[0]) in lex.headline_thing_pronouns \
            and fold(words[1]) in lex.headline_copulas:
        at = next((i for i in range(2, 5) if fold(words[i]) in lex.headline_complementizers), 0)
        return _clean(" ".join(words[at + 1:])) if at else title
    return title


# ---------------------------------------------------------------- length and edges
def _clean(text: str) -> str:
    """Tidy a title's edges: no mark, no opening connective, no dangling word or quote."""
    lex = lexicon()
    text = re.sub(r"\s+", " ", text.replace(_MARK, " ").replace(_GLUE, " ")).strip()
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    words = text.split()
    while words and (_bare(words[0]) in lex.headline_openers or not _bare(words[0])):
        words = words[1:]
    while words and (_bare(words[-1]) in lex.headline_dangling or not _bare(words[-1])):
        words = words[:-1]
    last = _bare(words[-1]) if words else ""
    if words and words[-1].endswith(".") and words[-1].count(".") == 1 \
            and last not in lex.abbreviations and not (last in lex.legal_suffixes and len(last) < 5):
        words[-1] = words[-1][:-1]  # a headline has no full stop; "Inc." keeps its own
    text = " ".join(words).strip(" ,;:-–—")
    if sum(text.count(q) for q in _QUOTES) % 2:
        text = text.translate({ord(q): None for q in _QUOTES})
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.islower() else text  # "iOS" stays


def _fit(text: str) -> str:
    """A title of at most TITLE_MAX characters, cut where a clause or phrase begins."""
    if len(text) <= TITLE_MAX:
        return text
    cut = _cut(text)
    if cut:
        return _clean(text[:cut])
    head = text[:TITLE_MAX - 1]
    return (_clean(head[:head.rfind(" ")]) if " " in head else head) + "…"


def _cut(text: str) -> int | None:
    """Where a long title may end: its last clause break, else the last clause or phrase
    word, that leaves between _MIN_CUT and TITLE_MAX characters."""
    breaks = [m.start() for m in _BREAK.finditer(text) if _MIN_CUT <= m.start() <= TITLE_MAX]
    if breaks:
        return breaks[-1]
    lex = lexicon()
    for words, least in ((lex.headline_cut_words, _MIN_CUT), (lex.headline_cut_phrases, 60)):
        spots = [m.start() for m in re.finditer(r" (\w+)", text)
                 if least <= m.start() <= TITLE_MAX and fold(m.group(1)) in words]
        if spots:
            return spots[-1]
    return None
