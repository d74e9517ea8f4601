"""Bounds that keep every stage linear in the input: sentences of pathological length.

Every per-sentence stage (dates, names, tense, events) may look at a sentence as a whole,
so one sentence of a megabyte would cost far more than a megabyte of ordinary sentences.
A sentence longer than `MAX_SENTENCE` characters is read as pieces of at most that length,
cut at spaces, with one warning naming where it starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.model import Diagnostic, Sentence

# Real news sentences stay under a thousand characters; a list or a table read as prose may
# run to a few thousand. Beyond this, text is not a sentence anyone wrote to be read.
MAX_SENTENCE = 5000


def too_long(length: int) -> str:
    """The warning for a sentence of `length` characters."""
    return (f"a sentence of {length:,} characters (over {MAX_SENTENCE:,}); read in pieces, "
            "so dates, names and events may be missed across the cuts")


def split_long(
    sentences: Sequence[Sentence], text: str, path: str, line_of: Callable[[int], int | None],
    limit: int = MAX_SENTENCE,
) -> tuple[list[Sentence], list[Diagnostic]]:
    """`sentences` with each one longer than `limit` cut into pieces, renumbered; a warning
    (with the file line of its start, when known) for each sentence cut."""
    if all(s.end - s.start <= limit for s in sentences):
        return list(sentences), []
    out: list[Sentence] = []
    diags: list[Diagnostic] = []
    for s in sentences:
        spans = [(s.start, s.end)]
        if s.end - s.start > limit:
            spans = pieces(text, s.start, s.end, limit)
            diags.append(Diagnostic("warning", path, too_long(s.end - s.start), line_of(s.start)))
        for start, end in spans:
            out.append(Sentence(len(out), start, end, text[start:end], s.paragraph))
    return out, diags


def pieces(text: str, start: int, end: int, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """`text[start:end]` as spans of at most `limit` characters, cut at the last space before
    the limit (at the limit when the second half of a piece has no space); trimmed."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        cut = min(end, pos + limit)
        if cut < end:
            space = text.rfind(" ", pos + limit // 2, cut)
            cut = space if space > pos else cut
        stop = cut
        while stop > pos and text[stop - 1].isspace():
            stop -= 1
        if stop > pos:
            out.append((pos, stop))
        pos = cut
    return out
