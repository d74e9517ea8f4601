"""The corpus: which files of a folder are articles, each read once, one article per id."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from generator.model import Article, Diagnostic
from generator.reading import catalog, sourcefiles
from generator.reading.readers import NO_ARTICLES, _diag, _diag_key, read_article


def read_one(source: Path, rel: str, entry: Mapping[str, Any] | None) -> tuple[
    Article | None, list[Diagnostic]
]:
    """Read one article file, reporting I/O errors."""
    try:
        raw = (source / rel).read_bytes()
    except OSError as exc:
        return None, [_diag("error", rel, f"cannot read: {exc.strerror}; check its permissions")]
    return read_article(source / rel, rel, raw, entry)


def _same_page(rel: str, owner: str, article_id: str) -> Diagnostic:
    """Two files whose names give one article id (and so one page)."""
    message = (f"gets the same article id as {owner} ({article_id}): their names differ "
               "only in case, accents or punctuation; rename one")
    return _diag("error", rel, message)


class CorpusFiles(NamedTuple):
    """The article files of a folder, in path order, their catalog entries, and the notes
    on everything else (catalog problems, skipped files)."""

    articles: list[str]
    entries: dict[str, dict[str, Any]]
    diagnostics: list[Diagnostic]


def corpus_files(source: Path, max_size: int = sourcefiles.DEFAULT_MAX_SIZE) -> CorpusFiles:
    """Which files under the folder `source` are articles, and what the catalogs say of them."""
    files, diags = sourcefiles.list_files(source, max_size)
    kinds = {rel: sourcefiles.kind(rel) for rel in files}
    readable = {rel for rel, k in kinds.items() if k == "article"}
    entries: dict[str, dict[str, Any]] = {}
    for rel in (r for r in files if kinds[r] == "catalog"):
        found, more = catalog.load_catalog(source, rel, readable)
        diags += more
        entries.update({k: v for k, v in found.items() if k not in entries})
    diags = list(diags) + [sourcefiles.skip_note(rel) for rel in files if kinds[rel] == "other"]
    return CorpusFiles([rel for rel in files if kinds[rel] == "article"], entries, diags)


def keep_articles(read: Iterable[tuple[str, Article | None, Sequence[Diagnostic]]],
                  diags: list[Diagnostic]) -> list[Article]:
    """One article per id from (path, article, its diagnostics) in path order; a later file
    with the same id is an error. Adds every diagnostic to `diags`."""
    articles: list[Article] = []
    owners: dict[str, str] = {}
    for rel, article, more in read:
        diags += more
        if article and article.id in owners:
            diags.append(_same_page(rel, owners[article.id], article.id))
        elif article:
            owners[article.id] = rel
            articles.append(article)
    return articles


def corpus_result(source: Path, articles: Sequence[Article], diags: list[Diagnostic]) -> tuple[
    tuple[Article, ...], tuple[Diagnostic, ...]
]:
    """The corpus as `read_corpus` returns it: a warning when no article was read (a wrong
    --source would otherwise replace a site with an empty one), diagnostics sorted."""
    if not articles:
        diags = [*diags, _diag("warning", str(source), NO_ARTICLES)]
    return tuple(articles), tuple(sorted(diags, key=_diag_key))


def read_corpus(source: Path, max_size: int = sourcefiles.DEFAULT_MAX_SIZE) -> tuple[
    tuple[Article, ...], tuple[Diagnostic, ...]
]:
    """Every article under `source`, in path order, and every problem found."""
    if not source.is_dir():
        return (), (_diag("error", str(source), "source folder not found; check the path"),)
    found = corpus_files(source, max_size)
    diags = found.diagnostics
    articles = keep_articles(((rel, *read_one(source, rel, found.entries.get(rel)))
                              for rel in found.articles), diags)
    return corpus_result(source, articles, diags)
