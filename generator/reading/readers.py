"""Read a folder of news articles (.txt, .md) into `Article` records, with diagnostics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from generator import ids as slugs
from generator.model import Article, Diagnostic, Level, Paragraph, Sentence, in_range
from generator.reading import decoding, fields, pubdate, webpage, yamlio
from generator.reading.fields import parse_iso_date
from generator.reading.furniture import credit_span, is_furniture, looks_like_heading, norm_title
from generator.reading.longtext import split_long
from generator.reading.markdown_text import markdown_blocks
from generator.reading.newsdates import Dateline, find_dateline
from generator.reading.paragraphs import plain_paragraphs
from generator.reading.sentences import split_sentences

__all__ = ["parse_iso_date", "read_article", "split_sentences"]

UNDATED = "could not infer a publication date; add `date:` front matter or a catalog entry"
_LEVEL_RANK = {"error": 0, "warning": 1, "info": 2}


def _diag(level: Level, path: str, message: str, line: int | None = None,
          col: int | None = None) -> Diagnostic:
    """Shorthand for a `Diagnostic`."""
    return Diagnostic(level, path, message, line, col)


def _diag_key(d: Diagnostic) -> tuple[str, int, int, int, str]:
    """Deterministic order: file, position, severity, message."""
    return (d.path, d.line or 0, d.col or 0, _LEVEL_RANK[d.level], d.message)


# --- front matter ----------------------------------------------------------------------------


class _Split(NamedTuple):
    """Where the front matter ends: its YAML (None if absent), body offset, lines before it."""

    yaml_text: str | None
    body: int
    lines: int


def _split_front_matter(text: str, rel: str) -> tuple[_Split, list[Diagnostic]]:
    """Separate a leading `---` YAML `---` block from the text."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---" or len(lines) < 2:
        return _Split(None, 0, 0), []
    start = pos = len(lines[0]) + 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return _Split(text[start:pos], min(pos + len(line) + 1, len(text)), number), []
        pos += len(line) + 1
    message = "front matter opened with `---` is never closed: add a `---` line after it"
    return _Split(None, 0, 0), [_diag("warning", rel, message, 1)]


def _parse_front_matter(yaml_text: str, rel: str) -> tuple[
    dict[str, Any], fields.Where, list[Diagnostic]
]:
    """Front-matter fields and where each is in the file; a bad block is reported and ignored."""
    where = fields.Where(rel, "front-matter", {}, {})
    try:
        data, node, found = yamlio.load(yaml_text)
    except yamlio.ERRORS as exc:
        problem, line, col = yamlio.problem(exc, 2)
        message = f"malformed front matter ignored ({problem}); fix the YAML between the `---` lines"
        return {}, where, [_diag("warning", rel, message, line, col)]
    cleaned = yamlio.cleaned_diagnostics(found, rel, 2, "front-matter")
    if data is None:
        return {}, where, cleaned
    if not isinstance(data, dict):
        message = "front matter ignored: write it as `key: value` lines, not as a list or text"
        return {}, where, [_diag("warning", rel, message, 2)]
    keys, values = fields.spots(node, 2)
    return {str(k): v for k, v in data.items()}, where._replace(keys=keys, values=values), cleaned


# --- metadata ---------------------------------------------------------------------------------


class _Meta(NamedTuple):
    """Publication facts from front matter and catalog."""

    title: str | None
    date: dt.date | None
    origin: str
    outlet: str | None
    url: str | None
    extra: tuple[tuple[str, str], ...]


def _merge_meta(front: Mapping[str, Any], where: fields.Where,
                entry: Mapping[str, Any] | None) -> tuple[_Meta, list[Diagnostic]]:
    """Front matter over catalog, field by field (the catalog's problems are reported with it)."""
    mine, diags = fields.read_fields(front, where)
    cat = fields.quiet_fields(entry)
    origin = "front matter" if mine.date else "catalog" if cat.date else "undated"
    extra = dict(cat.extra)
    extra.update(mine.extra)
    meta = _Meta(
        mine.title or cat.title,
        mine.date or cat.date,
        origin,
        mine.outlet or cat.outlet,
        mine.url or cat.url,
        tuple(sorted(extra.items())),
    )
    return meta, diags


# --- the text as paragraphs -------------------------------------------------------------------


class _Doc(NamedTuple):
    """Article text, its paragraph spans, which are Markdown headings, and its first file line."""

    text: str
    spans: list[tuple[int, int]]
    headings: frozenset[int]
    first_line: int | None


def _markdown_doc(body: str) -> _Doc:
    """Markdown converted to plain-text blocks joined by blank lines."""
    blocks = markdown_blocks(body)
    spans, headings, pos = [], set(), 0
    for i, (block, is_heading) in enumerate(blocks):
        spans.append((pos, pos + len(block)))
        pos += len(block) + 2
        if is_heading:
            headings.add(i)
    text = "\n\n".join(block for block, _ in blocks)
    return _Doc(text, spans, frozenset(headings), None)


def _plain_doc(body: str, first_line: int) -> _Doc:
    """Plain text split into paragraphs."""
    return _Doc(body, plain_paragraphs(body), frozenset(), first_line)


def _file_line(doc: _Doc, offset: int) -> int | None:
    """The line in the article file of a text offset (unknown for Markdown)."""
    if doc.first_line is None:
        return None
    return doc.first_line + doc.text.count("\n", 0, offset) + 1


# --- titles and paragraph kinds ---------------------------------------------------------------


def _shorten(text: str, limit: int = 100) -> str:
    """`text` cut at a word boundary to about `limit` characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ") + "…"


def _infer_title(paras: list[str]) -> tuple[str | None, bool]:
    """The first non-furniture, non-caption line, and whether it is a headline (not a sentence)."""
    for para in paras:
        if is_furniture(para) or credit_span(para):
            continue
        flat = " ".join(para.split())
        if len(flat) <= 150 and not flat.endswith("."):
            return flat, True
        dateline = find_dateline(flat, 0, len(flat))
        sentences = split_sentences(flat, dateline.end if dateline else 0, len(flat))
        if sentences:
            return _shorten(flat[sentences[0][0] : sentences[0][1]]), False
    return None, False


def _first_kind(para: str, title: str | None) -> str:
    """Furniture, title, caption or body, before headings are told apart."""
    if is_furniture(para):
        return "furniture"
    if title is not None and norm_title(para) == title:
        return "title"
    if credit_span(para):
        content = _caption_content(para)
        return "caption" if content[0] < content[1] else "furniture"
    dateline = find_dateline(para, 0, len(para))
    return "furniture" if dateline and dateline.end >= len(para) else "body"


def _classify(doc: _Doc, headline: str | None) -> list[str]:
    """The kind of each paragraph; those equal to `headline` are titles."""
    paras = [doc.text[s:e] for s, e in doc.spans]
    title = norm_title(headline) if headline else None
    kinds = [_first_kind(p, title) for p in paras]
    for i, para in enumerate(paras):
        if kinds[i] != "body":
            continue
        followed = i + 1 < len(paras) and kinds[i + 1] in ("body", "caption")
        if i in doc.headings or (followed and looks_like_heading(para)):
            kinds[i] = "heading"
    return kinds


def _caption_content(para: str) -> tuple[int, int]:
    """The part of a caption that is not its photo credit (offsets within `para`)."""
    start, end = 0, len(para)
    credit = credit_span(para)
    if credit and not para[credit[1] :].strip(" .|"):
        end = credit[0]
    elif credit and not para[: credit[0]].strip():
        start = credit[1]
    while end > start and (para[end - 1].isspace() or para[end - 1] in "|–—-"):
        end -= 1
    while start < end and (para[start].isspace() or para[start] in "|–—-.:"):
        start += 1
    return start, end


# --- sentences ------------------------------------------------------------------------------


def _content(doc: _Doc, index: int, kind: str) -> tuple[int, int, Dateline | None]:
    """The span of a paragraph that holds sentences, and its dateline."""
    start, end = doc.spans[index]
    if kind == "caption":
        a, b = _caption_content(doc.text[start:end])
        return start + a, start + b, None
    dateline = find_dateline(doc.text, start, end) if kind == "body" else None
    return (dateline.end if dateline else start), end, dateline


def _sentences(doc: _Doc, kinds: list[str]) -> tuple[list[Sentence], dict[int, Dateline]]:
    """Sentences of body and caption paragraphs, and the datelines found."""
    sentences: list[Sentence] = []
    datelines: dict[int, Dateline] = {}
    for i, kind in enumerate(kinds):
        if kind == "furniture":  # a dateline on a line of its own
            start, end = doc.spans[i]
            if dateline := find_dateline(doc.text, start, end):
                datelines[i] = dateline
        if kind not in ("body", "caption"):
            continue
        start, end, dateline = _content(doc, i, kind)
        if dateline:
            datelines[i] = dateline
        for s, e in split_sentences(doc.text, start, end):
            sentences.append(Sentence(len(sentences), s, e, doc.text[s:e], i))
    return sentences, datelines


def _lead(sentences: list[Sentence], kinds: list[str], datelines: dict[int, Any]) -> int | None:
    """First sentence of the paragraph a dateline opens (or stands above), else of the first body."""
    firsts: dict[int, int] = {}
    for s in sentences:
        firsts.setdefault(s.paragraph, s.index)
    starts = [d + 1 if kinds[d] == "furniture" else d for d in sorted(datelines)]
    for para in [*starts, *range(len(kinds))]:
        if para in firsts and kinds[para] == "body":
            return firsts[para]
    return None


# --- one article ------------------------------------------------------------------------------


def _article_id(rel: str) -> str:
    """A slug of the path without its extension, safe as a file name on every OS."""
    return slugs.article_slug(rel)


NO_ARTICLES = "no articles found (.txt or .md files); add some, or check --source"
NO_TEXT = "no article text after the front matter; write the article below the closing `---`"


def read_article(
    path: Path, rel: str, raw: bytes, catalog_entry: Mapping[str, Any] | None
) -> tuple[Article | None, list[Diagnostic]]:
    """One article from its bytes; None (with diagnostics saying why) if it cannot be read."""
    text, diags = decoding.prepare(raw, rel)
    if text is None:
        return None, diags
    if path.suffix.lower() in webpage.SUFFIXES:
        return _read_page(rel, text, catalog_entry, diags)
    split, more = _split_front_matter(text, rel)
    diags += more
    front: dict[str, Any] = {}
    where = fields.Where(rel, "front-matter", {}, {})
    if split.yaml_text is not None:
        front, where, more = _parse_front_matter(split.yaml_text, rel)
        diags += more
    body = text[split.body :]
    is_md = path.suffix.lower() == ".md"
    doc = _markdown_doc(body) if is_md else _plain_doc(body, split.lines)
    if not doc.text.strip():
        return None, [*diags, _diag("warning", rel, NO_TEXT)]
    meta, more = _merge_meta(front, where, catalog_entry)
    diags += more
    article, more = _build(rel, meta, doc)
    return article, diags + more


def _read_page(rel: str, html: str, entry: Mapping[str, Any] | None,
               diags: list[Diagnostic]) -> tuple[Article | None, list[Diagnostic]]:
    """A saved web page: its main text, its metadata under the catalog's, what it lacks."""
    page = webpage.extract(html)
    if page is None:
        return None, [*diags, _diag("warning", rel, webpage.NO_TEXT)]
    given = {k for k, v in (entry or {}).items() if v not in (None, "")}
    mine = {k: v for k, v in page.metadata().items()
            if k not in given and not (k == "date" and "published" in given)}
    meta, more = _merge_meta({}, fields.Where(rel, "catalog", {}, {}), {**mine, **(entry or {})})
    if "date" in mine:
        meta = meta._replace(origin="web page")
    lacking = [k for k in page.missing() if k not in given and not (k == "date" and "published" in given)]
    if lacking:
        diags.append(_diag("info", rel, webpage.missing_note(lacking)))
    doc = _Doc(page.text, plain_paragraphs(page.text), frozenset(), None)
    article, built = _build(rel, meta, doc)
    return article, diags + more + built


def _build(rel: str, meta: _Meta, doc: _Doc) -> tuple[Article, list[Diagnostic]]:
    """Assemble the article from its metadata and text."""
    inferred, is_headline = _infer_title([doc.text[s:e] for s, e in doc.spans])
    title = meta.title or inferred or PurePosixPath(rel).stem
    kinds = _classify(doc, title if meta.title or is_headline else None)
    sentences, datelines = _sentences(doc, kinds)
    sentences, diags = split_long(sentences, doc.text, rel, lambda at: _file_line(doc, at))
    found = pubdate.infer(doc.text, doc.spans, kinds, datelines)
    date, origin = meta.date, meta.origin
    if date is None and in_range(found.date):  # year 9999 in a dateline is no date
        date, origin = found.date, found.origin
    if date is None:
        line = _file_line(doc, found.line_offset) if found.line_offset is not None else None
        diags.append(_diag("warning", rel, UNDATED + found.why_not, line))
    spans = enumerate(zip(doc.spans, kinds, strict=True))
    paragraphs = tuple(Paragraph(i, s, e, k) for i, ((s, e), k) in spans)
    article = Article(
        id=_article_id(rel), path=rel, title=title, date=date, date_origin=origin,
        outlet=meta.outlet or found.outlet, url=meta.url, text=doc.text, paragraphs=paragraphs,
        sentences=tuple(sentences), lead=_lead(sentences, kinds, datelines), metadata=meta.extra,
    )
    return article, diags
