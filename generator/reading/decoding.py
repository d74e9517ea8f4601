"""Bytes to text: UTF-8 first, then what saved web pages and old editors produce.

Every file is read as UTF-8 (a byte-order mark is dropped). A file with a UTF-16
byte-order mark is read as UTF-16, and a file that is not valid UTF-8 as Windows-1252
(cp1252), or Latin-1 when even that fails; each of those gets a warning naming the
encoding used. Binary files and empty ones are refused. Control characters, which
no article needs and which break HTML and XML output, are removed.
"""

from __future__ import annotations

import re

from generator.model import Diagnostic

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_LEGACY = ("cp1252", "latin-1")
# C0 and C1 controls other than tab and line breaks, and the two non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_BINARY_SAMPLE = 4096

BINARY = "looks like a binary file, not text; skipped (articles are plain text or Markdown)"
EMPTY = "empty file skipped; add text or remove it"


def _bad_byte_at(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of the first byte that is not UTF-8."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    col = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, col


def decode(raw: bytes, rel: str) -> tuple[str, list[Diagnostic]]:
    """The text of a file, and a warning when it was not UTF-8."""
    if raw.startswith(_UTF16_BOMS):
        try:
            message = "read as UTF-16 (it starts with a UTF-16 byte-order mark); re-save it as UTF-8"
            return raw.decode("utf-16"), [Diagnostic("warning", rel, message)]
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line, col = _bad_byte_at(raw, exc.start)
    for encoding in _LEGACY:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        message = f"not valid UTF-8; read as {encoding} instead: re-save the file as UTF-8"
        return text, [Diagnostic("warning", rel, message, line, col)]
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def looks_binary(text: str) -> bool:
    """Whether decoded text is really binary data: a NUL, or many control characters."""
    sample = text[:_BINARY_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    return "\x00" in sample or controls > max(3, len(sample) // 20)


def prepare(raw: bytes, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """Decoded text with `\\n` line endings and no control characters, or None and why not."""
    text, diags = decode(raw, rel)
    if looks_binary(text):  # the decoding warning would only add noise
        return None, [Diagnostic("warning", rel, BINARY)]
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return None, [*diags, Diagnostic("warning", rel, EMPTY)]
    return text, diags
