"""Which way a sentence points in time: tense, modal and cue words around an expression."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Literal

from generator.lang import language

Direction = Literal["past", "future", "none"]

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")

_T = language("en").tense  # the cue words (generator/lang/en/tense.yaml)
# Words that put what they govern after the reference time.
FUTURE_WORDS = _T.future_words
# Words that put what they govern before the reference time.
PAST_WORDS = _T.past_words
IRREGULAR_PAST = _T.irregular_past
# Participles whose time is set by the auxiliary before them ("is scheduled" vs "was scheduled").
NEUTRAL_PARTICIPLES = _T.neutral_participles
FUTURE_AUX = _T.future_aux
PAST_AUX = _T.past_aux
# Words ending in -ed that are not past-tense verbs.
NOT_PAST_ED = _T.not_past


@dataclass(frozen=True)
class Cue:
    """A word that points the sentence to the past or the future."""

    word: str
    start: int
    end: int
    direction: Direction


# Verbs whose "to"-infinitive looks ahead of them ("agreed to resume talks on Monday").
CONTROL_VERBS = frozenset(
    [v for stem in _T.control_stems for v in (stem + ending for ending in _T.control_endings)]
) | _T.control_words


def _is_infinitive(words: list[re.Match[str]], i: int) -> bool:
    """Whether word `i` is the "to" of an infinitive a control verb governs."""
    if words[i].group() != _T.infinitive or i + 1 >= len(words) or i == 0:
        return False
    if not words[i + 1].group().islower():
        return False
    # "agreed to resume", and "urged both sides to return" (object between verb and "to")
    return any(words[j].group().lower() in CONTROL_VERBS for j in range(max(0, i - 3), i))


def _classify(words: list[re.Match[str]], i: int) -> Direction:
    """The direction word `i` gives, if any."""
    w = words[i].group().lower().replace("’", "'")
    if _is_infinitive(words, i):
        return "future"
    if w in NEUTRAL_PARTICIPLES:
        for j in range(i - 1, max(i - 3, -1), -1):
            prev = words[j].group().lower().replace("’", "'")
            if prev in FUTURE_AUX:
                return "future"
            if prev in PAST_AUX:
                return "past"
        return "none"
    if w in FUTURE_WORDS:
        return "future"
    if w in PAST_WORDS:
        return "past"
    if w in IRREGULAR_PAST or (w.endswith(_T.past_suffix) and len(w) >= _T.past_suffix_min
                               and w not in NOT_PAST_ED):
        return _participle(words, i)
    return "none"


MODALS_AHEAD = _T.modals_ahead
PRESENT_BE = _T.present_be


def _participle(words: list[re.Match[str]], i: int) -> Direction:
    """A past form's direction, which a passive or modal before it overrides ("will be held")."""
    for j in range(i - 1, max(i - 4, -1), -1):
        prev = words[j].group().lower().replace("’", "'")
        if prev in MODALS_AHEAD:
            return "future"
        if prev in PAST_AUX or prev in _T.perfect_aux:
            return "past"
        if prev in PRESENT_BE:
            continue
        break
    if i and words[i - 1].group().lower() in PRESENT_BE:
        return "none"  # "is held", "are reported": present passive
    return "past"


def cues(sentence: str) -> list[Cue]:
    """Every tense cue in `sentence`, in order, with its offsets."""
    words = list(_WORD.finditer(sentence))
    out = []
    for i, m in enumerate(words):
        d = _classify(words, i)
        if d != "none":
            out.append(Cue(m.group(), m.start(), m.end(), d))
    return out


NEAR_WORDS = 6
# Past verbs of lasting: "remained closed until Monday" looks back, not ahead.
LASTING_VERBS = _T.lasting_verbs


def direction_near(
    sentence: str, start: int, end: int, found: list[Cue] | None = None
) -> tuple[Direction, str]:
    """The direction of the cue that governs `sentence[start:end]`, and why.

    A cue at most six words before the expression governs it ("will visit the port on
    Monday, her office said"); otherwise the nearest cue on either side, counted in
    characters, with a cue before the expression winning a tie.
    """
    found = cues(sentence) if found is None else found
    # cues are in text order: bisect, never a scan of the whole sentence per expression
    n_before = bisect.bisect_right(found, start, key=lambda c: c.end)
    before = found[max(0, n_before - 4):n_before]
    if before and before[-1].word.lower() in _T.until_words:
        lasting = [c for c in before[-4:-1] if c.word.lower() in LASTING_VERBS]
        if lasting:  # "remained closed until Monday": a state that ended, not a plan
            return "past", f"'{lasting[-1].word} … until' tells of a state that lasted to then"
    if before:
        cue = before[-1]
        if _words_at_most(sentence, cue.end, start, NEAR_WORDS):
            return cue.direction, f"tense cue {cue.word!r} just before points to the {cue.direction}"
    best: tuple[int, int, Cue] | None = None
    if before:
        best = (start - before[-1].end, 0, before[-1])
    after = n_before
    while after < len(found) and found[after].start >= start and found[after].end <= end:
        after += 1  # cues inside the expression do not count
    if after < len(found):
        cue = found[after]
        if best is None or (cue.start - end, 1) < best[:2]:
            best = (cue.start - end, 1, cue)
    if best is None:
        return "none", "no tense cue in the sentence"
    cue = best[2]
    return cue.direction, f"nearest tense cue {cue.word!r} points to the {cue.direction}"


def _words_at_most(text: str, start: int, end: int, limit: int) -> bool:
    """Whether `text[start:end]` holds at most `limit` words; reads no further than that."""
    words = _WORD.finditer(text, start, max(start, end))
    return sum(1 for _ in itertools.islice(words, limit + 1)) <= limit
