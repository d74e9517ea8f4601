"""Read a folder of news articles (.txt, .md) into `Article` records, with diagnostics."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

import yaml

from generator import textutil as tu
from generator.model import Article, Diagnostic, Level, Paragraph, Sentence
from generator.textutil import split_sentences

__all__ = ["read_article", "read_corpus", "split_sentences"]

ARTICLE_SUFFIXES = (".txt", ".md")
DATA_FILES = frozenset({"catalog.yaml", "actors.yaml"})
BACKUP_SUFFIXES = ("~", ".swp", ".bak")
UNDATED = "could not infer a publication date; add `date:` front matter or a catalog entry"
_LEVEL_RANK = {"error": 0, "warning": 1, "info": 2}
_YAML_ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?")


def _diag(level: Level, path: str, message: str, line: int | None = None,
          col: int | None = None) -> Diagnostic:
    """Shorthand for a `Diagnostic`."""
    return Diagnostic(level, path, message, line, col)


def _diag_key(d: Diagnostic) -> tuple[str, int, int, int, str]:
    """Deterministic order: file, position, severity, message."""
    return (d.path, d.line or 0, d.col or 0, _LEVEL_RANK[d.level], d.message)


# --- YAML -------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as the strings written."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _load_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """The data and the node tree (for line numbers) of one YAML document."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def _yaml_problem(exc: Exception, first_line: int) -> tuple[str, int, int | None]:
    """(problem, line in the file, column) of a YAML error; the YAML starts at `first_line`."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or ["invalid YAML"])[0]
    if mark is None:
        return problem, first_line, None
    return problem, first_line + mark.line, mark.column + 1


def _value_lines(node: yaml.Node | None, first_line: int) -> dict[str, int]:
    """File line of each key of a mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): first_line + k.start_mark.line for k, _ in node.value}


def parse_iso_date(value: Any) -> dt.date | None:
    """A `YYYY-MM-DD` value (string or date) as a date, or None if it is not a real date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _ISO_DATE.fullmatch(str(value).strip())
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


# --- decoding and front matter ----------------------------------------------------------------


def _decode(raw: bytes, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """Text of a file: UTF-8 (BOM stripped), else cp1252, else latin-1, with a warning."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), [_diag("warning", rel, "read as UTF-16; re-save as UTF-8")]
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
    for encoding in ("cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        message = f"not valid UTF-8; read as {encoding} instead: re-save the file as UTF-8"
        return text, [_diag("warning", rel, message, line)]
    return None, [_diag("error", rel, "cannot decode the file; re-save it as UTF-8")]


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


def _parse_front_matter(
    yaml_text: str, rel: str
) -> tuple[dict[str, Any], dict[str, int], list[Diagnostic]]:
    """Front-matter fields and the file line of each; a bad block is reported and ignored."""
    try:
        data, node = _load_yaml(yaml_text)
    except _YAML_ERRORS as exc:
        problem, line, col = _yaml_problem(exc, 2)
        message = f"malformed front matter ignored ({problem}); fix the YAML between the `---` lines"
        return {}, {}, [_diag("warning", rel, message, line, col)]
    if data is None:
        return {}, {}, []
    if not isinstance(data, dict):
        message = "front matter ignored: write it as `key: value` lines"
        return {}, {}, [_diag("warning", rel, message, 2)]
    return {str(k): v for k, v in data.items()}, _value_lines(node, 2), []


# --- metadata ---------------------------------------------------------------------------------

_KNOWN_KEYS = frozenset({"title", "date", "published", "outlet", "url", "file"})


class _Meta(NamedTuple):
    """Publication facts from front matter and catalog."""

    title: str | None
    date: dt.date | None
    origin: str
    outlet: str | None
    url: str | None
    extra: tuple[tuple[str, str], ...]


def _text_field(*values: Any) -> str | None:
    """The first non-empty value, as a one-line string."""
    for value in values:
        if value is not None and (text := " ".join(str(value).split())):
            return text
    return None


def _as_text(value: Any) -> str:
    """A metadata value as text ("" for none)."""
    return "" if value is None else str(value)


def _front_date(front: Mapping[str, Any], lines: dict[str, int], rel: str) -> tuple[
    dt.date | None, list[Diagnostic]
]:
    """The front matter's `date` (or `published`), reporting one that is not a real date."""
    key = "date" if front.get("date") is not None else "published"
    value = front.get(key)
    if value is None:
        return None, []
    day = parse_iso_date(value)
    if day is None:
        message = f"front-matter date {str(value)!r} is not a real date (write YYYY-MM-DD); ignored"
        return None, [_diag("warning", rel, message, lines.get(key))]
    return day, []


def _merge_meta(front: Mapping[str, Any], lines: dict[str, int],
                entry: Mapping[str, Any] | None, rel: str) -> tuple[_Meta, list[Diagnostic]]:
    """Front matter over catalog, field by field."""
    entry = entry or {}
    front_day, diags = _front_date(front, lines, rel)
    cat_day = parse_iso_date(_text_field(entry.get("published"), entry.get("date")) or "")
    origin = "front matter" if front_day else "catalog" if cat_day else "undated"
    extra = {str(k): _as_text(v) for k, v in entry.items() if k not in _KNOWN_KEYS}
    extra.update({k: _as_text(v) for k, v in front.items() if k not in _KNOWN_KEYS})
    meta = _Meta(
        _text_field(front.get("title"), entry.get("title")),
        front_day or cat_day,
        origin,
        _text_field(front.get("outlet"), entry.get("outlet")),
        _text_field(front.get("url"), entry.get("url")),
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
    blocks = tu.markdown_blocks(body)
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
    return _Doc(body, tu.plain_paragraphs(body), frozenset(), first_line)


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
        if tu.is_furniture(para) or tu.credit_span(para):
            continue
        flat = " ".join(para.split())
        if len(flat) <= 150 and not flat.endswith("."):
            return flat, True
        dateline = tu.find_dateline(flat, 0, len(flat))
        sentences = split_sentences(flat, dateline.end if dateline else 0, len(flat))
        if sentences:
            return _shorten(flat[sentences[0][0] : sentences[0][1]]), False
    return None, False


def _first_kind(para: str, title: str | None) -> str:
    """Furniture, title, caption or body, before headings are told apart."""
    if tu.is_furniture(para):
        return "furniture"
    if title is not None and tu.norm_title(para) == title:
        return "title"
    if tu.credit_span(para):
        content = _caption_content(para)
        return "caption" if content[0] < content[1] else "furniture"
    dateline = tu.find_dateline(para, 0, len(para))
    return "furniture" if dateline and dateline.end >= len(para) else "body"


def _classify(doc: _Doc, headline: str | None) -> list[str]:
    """The kind of each paragraph; those equal to `headline` are titles."""
    paras = [doc.text[s:e] for s, e in doc.spans]
    title = tu.norm_title(headline) if headline else None
    kinds = [_first_kind(p, title) for p in paras]
    for i, para in enumerate(paras):
        if kinds[i] != "body":
            continue
        followed = i + 1 < len(paras) and kinds[i + 1] in ("body", "caption")
        if i in doc.headings or (followed and tu.looks_like_heading(para)):
            kinds[i] = "heading"
    return kinds


def _caption_content(para: str) -> tuple[int, int]:
    """The part of a caption that is not its photo credit (offsets within `para`)."""
    start, end = 0, len(para)
    credit = tu.credit_span(para)
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


def _content(doc: _Doc, index: int, kind: str) -> tuple[int, int, tu.Dateline | None]:
    """The span of a paragraph that holds sentences, and its dateline."""
    start, end = doc.spans[index]
    if kind == "caption":
        a, b = _caption_content(doc.text[start:end])
        return start + a, start + b, None
    dateline = tu.find_dateline(doc.text, start, end) if kind == "body" else None
    return (dateline.end if dateline else start), end, dateline


def _sentences(doc: _Doc, kinds: list[str]) -> tuple[list[Sentence], dict[int, tu.Dateline]]:
    """Sentences of body and caption paragraphs, and the datelines found."""
    sentences: list[Sentence] = []
    datelines: dict[int, tu.Dateline] = {}
    for i, kind in enumerate(kinds):
        if kind == "furniture":  # a dateline on a line of its own
            start, end = doc.spans[i]
            if dateline := tu.find_dateline(doc.text, start, end):
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


# --- publication date and outlet from the text ------------------------------------------------


class _Inferred(NamedTuple):
    """A date read from the text, how, why not (if not), and the outlet named there."""

    date: dt.date | None
    origin: str
    why_not: str
    outlet: str | None
    line_offset: int | None


def _furniture_dates(paras: list[str]) -> tuple[int | None, Any, Any]:
    """The copyright year, source line and published line found in the paragraphs."""
    years = [y for p in paras if (y := tu.copyright_year(p))]
    sources = [s for p in paras if (s := tu.source_line(p))]
    published = [x for p in paras if (x := tu.published_line(p))]
    published.sort(key=lambda x: "updat" in x[0] or "modif" in x[0])
    return (years[0] if years else None, sources[0] if sources else None,
            published[0] if published else None)


def _dateline_date(dateline: tu.Dateline, year: int | None, ref: dt.date | None) -> dt.date | None:
    """The date a dateline gives, its year from itself, a copyright year or a reference date."""
    parts = dateline.date
    if parts is None:
        return None
    if parts[0] is not None or year is not None:
        return tu.complete_date(parts, year or 0)
    return tu.nearest_date(parts, ref) if ref else None


def _infer(doc: _Doc, kinds: list[str], datelines: dict[int, tu.Dateline]) -> _Inferred:
    """Publication date and outlet from datelines, copyright, source and published lines."""
    furniture = [doc.text[s:e] for (s, e), k in zip(doc.spans, kinds, strict=True) if k == "furniture"]
    year, source, published = _furniture_dates(furniture)
    ref = source[1] if source else published[1] if published else None
    dated = [datelines[i] for i in sorted(datelines) if datelines[i].date]
    first = dated[0] if dated else None
    agencies = [datelines[i].agency for i in sorted(datelines) if datelines[i].agency]
    outlet = source[0] if source else agencies[0] if agencies else None
    at = first.start if first else None
    if first and (day := _dateline_date(first, year, ref)):
        return _Inferred(day, "dateline", "", outlet, at)
    if source or published:
        origin = "source line" if source else "published line"
        return _Inferred(ref, origin, "", outlet, None)
    why = ""
    if first:
        why = f" (the dateline {first.text!r} gives no year)"
    elif year:
        why = f" (the copyright line gives only the year {year})"
    return _Inferred(None, "undated", why, outlet, at)


# --- one article ------------------------------------------------------------------------------


def _article_id(rel: str) -> str:
    """A file-system-safe slug of the path without its extension."""
    path = PurePosixPath(rel)
    return tu.slugify(str(path.with_suffix("")) if path.suffix else rel)


def _prepare(rel: str, raw: bytes) -> tuple[str | None, list[Diagnostic]]:
    """Decoded text with `\\n` line endings, or None (with the reason) if there is none."""
    text, diags = _decode(raw, rel)
    if text is None:
        return None, diags
    if "\x00" in text:
        return None, [*diags, _diag("warning", rel, "looks like a binary file, not text; skipped")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [*diags, _diag("warning", rel, "empty file skipped; add text or remove it")]
    return text, diags


def read_article(
    path: Path, rel: str, raw: bytes, catalog_entry: Mapping[str, Any] | None
) -> tuple[Article | None, list[Diagnostic]]:
    """One article from its bytes; None (with diagnostics saying why) if it cannot be read."""
    text, diags = _prepare(rel, raw)
    if text is None:
        return None, diags
    split, more = _split_front_matter(text, rel)
    diags += more
    front: dict[str, Any] = {}
    lines: dict[str, int] = {}
    if split.yaml_text is not None:
        front, lines, more = _parse_front_matter(split.yaml_text, rel)
        diags += more
    body = text[split.body :]
    if not body.strip():
        return None, [*diags, _diag("warning", rel, "no article text after the front matter")]
    meta, more = _merge_meta(front, lines, catalog_entry, rel)
    diags += more
    is_md = path.suffix.lower() == ".md"
    doc = _markdown_doc(body) if is_md else _plain_doc(body, split.lines)
    article, more = _build(rel, meta, doc)
    return article, diags + more


def _build(rel: str, meta: _Meta, doc: _Doc) -> tuple[Article, list[Diagnostic]]:
    """Assemble the article from its metadata and text."""
    inferred, is_headline = _infer_title([doc.text[s:e] for s, e in doc.spans])
    title = meta.title or inferred or PurePosixPath(rel).stem
    kinds = _classify(doc, title if meta.title or is_headline else None)
    sentences, datelines = _sentences(doc, kinds)
    found = _infer(doc, kinds, datelines)
    date, origin, diags = meta.date, meta.origin, []
    if date is None:
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


# --- catalogs -------------------------------------------------------------------------------


def _catalog_items(data: Any, node: Any, rel: str) -> tuple[list[tuple[Any, Any]], list[Diagnostic]]:
    """(entry, YAML node) pairs of a catalog's `articles:` list."""
    if data is None:
        return [], []
    items = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(items, list):
        message = "catalog ignored: expected `articles:` followed by a list of entries"
        return [], [_diag("warning", rel, message, 1)]
    found = [v for k, v in node.value if getattr(k, "value", None) == "articles"]
    nodes = found[-1].value if found and isinstance(found[-1], yaml.SequenceNode) else []
    if len(nodes) != len(items):  # built by YAML merge keys: point at the document instead
        nodes = [node] * len(items)
    return list(zip(items, nodes, strict=True)), []


def _is_file(path: Path) -> bool:
    """Whether `path` names an existing file (False for names the OS rejects)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _check_entry(source: Path, folder: str, entry: Any, node: Any, rel: str) -> tuple[
    str | None, list[Diagnostic]
]:
    """The article path an entry is for, or None with the problem."""
    line = node.start_mark.line + 1
    if not isinstance(entry, dict) or not _text_field(entry.get("file")):
        return None, [_diag("warning", rel, "catalog entry without `file:` ignored", line)]
    name = _text_field(entry.get("file")) or ""
    target = posixpath.normpath(posixpath.join(folder, name))
    if not _is_file(source / target):
        message = f"catalog entry for {name!r}: no such file; fix the name or remove the entry"
        return None, [_diag("warning", rel, message, line)]
    diags = []
    for key in ("published", "date"):
        if entry.get(key) is not None and parse_iso_date(entry[key]) is None:
            key_line = _value_lines(node, 1).get(key, line)
            message = f"catalog {key} {str(entry[key])!r} is not a real date (write YYYY-MM-DD)"
            diags.append(_diag("warning", rel, message, key_line))
    return target, diags


def _load_catalog(source: Path, rel: str) -> tuple[dict[str, dict[str, Any]], list[Diagnostic]]:
    """Catalog entries of one `catalog.yaml`, by article path relative to `source`."""
    try:
        data, node = _load_yaml((source / rel).read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [_diag("warning", rel, f"catalog not read ({exc}); save it as UTF-8 YAML")]
    except _YAML_ERRORS as exc:
        problem, line, col = _yaml_problem(exc, 1)
        return {}, [_diag("warning", rel, f"catalog ignored: malformed YAML ({problem})", line, col)]
    items, diags = _catalog_items(data, node, rel)
    entries: dict[str, dict[str, Any]] = {}
    folder = posixpath.dirname(rel)
    for entry, entry_node in items:
        target, more = _check_entry(source, folder, entry, entry_node, rel)
        diags += more
        if target in entries:
            line = entry_node.start_mark.line + 1
            diags.append(_diag("warning", rel, f"second entry for {target!r} ignored", line))
        elif target is not None:
            entries[target] = entry
    return entries, diags


# --- the corpus -------------------------------------------------------------------------------


def _walk(source: Path) -> tuple[list[str], list[Diagnostic]]:
    """Relative POSIX paths of the visible files under `source`, sorted."""
    diags: list[Diagnostic] = []

    def report(exc: OSError) -> None:
        where = Path(exc.filename or source)
        rel = where.relative_to(source).as_posix() if where.is_relative_to(source) else str(where)
        diags.append(_diag("error", rel, f"cannot read: {exc.strerror}; check its permissions"))

    found = []
    for folder, dirs, files in os.walk(source, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder).relative_to(source)
        found += [(base / f).as_posix() for f in files if not f.startswith(".")]
    return sorted(found), diags


def _wanted(rel: str) -> tuple[bool, list[Diagnostic]]:
    """Whether a file is an article to read (and an info note for unsupported types)."""
    name = PurePosixPath(rel).name
    if name.endswith(BACKUP_SUFFIXES) or name in DATA_FILES:
        return False, []
    if PurePosixPath(name).suffix.lower() in ARTICLE_SUFFIXES:
        return True, []
    message = "skipped: unsupported file type (articles are .txt or .md)"
    return False, [_diag("info", rel, message)]


def _read_one(source: Path, rel: str, entry: Mapping[str, Any] | None) -> tuple[
    Article | None, list[Diagnostic]
]:
    """Read one article file, reporting I/O errors."""
    try:
        raw = (source / rel).read_bytes()
    except OSError as exc:
        return None, [_diag("error", rel, f"cannot read: {exc.strerror}; check its permissions")]
    return read_article(source / rel, rel, raw, entry)


def read_corpus(source: Path) -> tuple[tuple[Article, ...], tuple[Diagnostic, ...]]:
    """Every article under `source`, in path order, and every problem found."""
    if not source.is_dir():
        return (), (_diag("error", str(source), "source folder not found; check the path"),)
    files, diags = _walk(source)
    catalog: dict[str, dict[str, Any]] = {}
    for rel in files:
        if PurePosixPath(rel).name == "catalog.yaml":
            entries, more = _load_catalog(source, rel)
            diags += more
            catalog.update({k: v for k, v in entries.items() if k not in catalog})
    articles: list[Article] = []
    owners: dict[str, str] = {}
    for rel in files:
        wanted, more = _wanted(rel)
        article, more = _read_one(source, rel, catalog.get(rel)) if wanted else (None, more)
        diags += more
        if article and article.id in owners:
            message = f"article id {article.id!r} also belongs to {owners[article.id]}; rename one"
            diags.append(_diag("error", rel, message + f" ({rel} skipped)"))
        elif article:
            owners[article.id] = rel
            articles.append(article)
    return tuple(articles), tuple(sorted(diags, key=_diag_key))
