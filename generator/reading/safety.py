"""Output that cannot carry a script: sanitised Markdown HTML and escaped JSON.

HTML pages are safe by construction: templates autoescape every value (see render.py)
and only http(s) addresses become links (`fields.web_url`). Two things need more:

- Markdown may hold raw HTML. It is run through `nh3` (the Ammonia sanitiser, a
  maintained HTML5 parser) before its text is taken, so `<script>`, `<style>`, event
  handlers and malformed tricks such as `<scr<script>ipt>` never reach the reader,
  whatever our own simpler tag-stripping parser would make of them.
- JSON written into the site may be pasted into a page or a `<script>` block by
  whoever uses it; `<`, `>`, `&` and the JavaScript line separators are written as
  `\\u` escapes, so no string in it can close a tag or start one. JSON whose strings
  are our own markup around escaped text (TimelineJS slides) would be a fifth bigger so:
  there only `</` and `<!` are escaped (`markup=True`), which is all a `<script>` block
  needs (it ends at `</script`; `<!--` is the only other way out).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import nh3

# Tags whose structure the Markdown reader needs (blocks, headings, lists) or whose text is
# harmless inline; everything else is dropped, keeping its text.
_KEEP_TAGS = frozenset(
    "p li h1 h2 h3 h4 h5 h6 blockquote pre dt dd tr td th div ul ol dl table thead tbody"
    " hr figure figcaption section article header footer aside details summary br"
    " a abbr b cite code del em i ins kbd mark q s samp small span strong sub sup time u var"
    .split()
)
# Tags dropped together with their content: code, styles and embedded documents.
_DROP_WITH_CONTENT = frozenset(
    "script style template noscript iframe svg math object textarea title head select".split()
)
# (text, its escape) pairs: they can only occur inside JSON strings, where they mean the same
_JS_LINE_ENDS = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), *_JS_LINE_ENDS)
_MARKUP_ESCAPES = (("</", "<\\/"), ("<!", "\\u003c!"), *_JS_LINE_ENDS)


def clean_html(html: str) -> str:
    """HTML with only harmless tags, no attributes, no comments and no script content."""
    return nh3.clean(
        html,
        tags=set(_KEEP_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={},
        url_schemes={"http", "https"},
        strip_comments=True,
        link_rel=None,
    )


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON in which no string can open or close an HTML tag."""
    return _escaped(json.dumps(data, ensure_ascii=False, indent=indent))


def _escaped(text: str, escapes: tuple[tuple[str, str], ...] = _JSON_ESCAPES) -> str:
    for found, escaped in escapes:  # str.replace: far faster than translate
        if found in text:
            text = text.replace(found, escaped)
    return text


def json_bytes(data: Any) -> bytes:
    """`json_text` as a UTF-8 file with a final newline."""
    return (json_text(data) + "\n").encode("utf-8")


def json_records_bytes(data: Mapping[str, Any]) -> bytes:
    """Like `json_bytes` for an object of record lists, but each record compact on a line of
    its own: a third smaller than indented, still read (and diffed) record by record.
    `json_records_pieces` makes the same file a record at a time."""
    return b"".join(json_records_pieces(data))


def json_records_pieces(data: Mapping[str, Any], markup: bool = False) -> Iterator[bytes]:
    """`json_records_bytes` in pieces, a record list's records one at a time: a record
    list may be an iterator, its records then made only as the file is written, and
    neither they nor the whole file are ever held. `markup`: the strings are our own
    markup around escaped text, and only what could end a `<script>` block is escaped."""
    escapes = _MARKUP_ESCAPES if markup else _JSON_ESCAPES

    def compact(value: Any) -> bytes:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return _escaped(text, escapes).encode("utf-8")  # part by part: structure is never escaped

    if not data:
        yield b"{}\n"
        return
    for n, (key, value) in enumerate(data.items()):
        head = (b"{\n" if n == 0 else b",\n") + b"  " + compact(key) + b": "
        if isinstance(value, list | Iterator):
            records = iter(value)
            first = next(records, _NONE)
            if first is not _NONE:
                yield head + b"[\n    " + compact(first)
                for record in records:
                    yield b",\n    " + compact(record)
                yield b"\n  ]"
                continue
            value = []
        yield head + compact(value)
    yield b"\n}\n"


_NONE = object()  # no first record
