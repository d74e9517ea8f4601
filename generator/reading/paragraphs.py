"""Paragraphs of plain text: blank-line blocks, and hard-wrapped blocks cut back into
paragraphs; whether a line ends a sentence; span trimming."""

from __future__ import annotations

_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!?:;…"


def ends_sentence(line: str) -> bool:
    """Whether `line` ends with sentence punctuation (closing quotes allowed after it)."""
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Each line's span without its newline."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`start, end` moved inward past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end



def plain_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of plain text: blank-line blocks, one per line unless hard-wrapped."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for start, end in _line_spans(text):
        s, e = trim_span(text, start, end)
        if s == e:
            blocks.append([])
        else:
            blocks[-1].append((s, e))
    return [span for block in blocks if block for span in _split_block(text, block)]


def _is_wrapped(lines: list[str]) -> bool:
    """Whether most lines of a block (but the last) are long-ish and stop mid-sentence."""
    width = max(len(line) for line in lines)
    if len(lines) < 2 or width > 200:
        return False
    wrapish = [ln for ln in lines[:-1] if len(ln) >= 0.6 * width and not ends_sentence(ln)]
    return 2 * len(wrapish) >= len(lines) - 1


def _breaks_after(line: str, following: str, width: int) -> bool:
    """Whether a hard-wrapped block ends a paragraph after `line`."""
    next_word = following.split(maxsplit=1)[0]
    fits = len(line) + 1 + len(next_word) <= width
    return len(line) < 0.5 * width or (fits and ends_sentence(line))


def _split_block(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One block of lines as paragraphs."""
    lines = [text[s:e] for s, e in spans]
    if not _is_wrapped(lines):
        return spans
    width = max(len(line) for line in lines)
    out, first = [], 0
    for i in range(len(spans) - 1):
        if _breaks_after(lines[i], lines[i + 1], width):
            out.append((spans[first][0], spans[i][1]))
            first = i + 1
    out.append((spans[first][0], spans[-1][1]))
    return out
