"""An undated article is visible, not silent (issue 13): the dates in it that need the
publication date are listed in the build report and on its page, and `--strict` fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli
from generator.dates import undated
from generator.model import Article
from generator.reading.readers import read_article

TEXT = ("Council passes budget\n\nThe council approved the budget on Tuesday, officials said.\n\n"
        "It had been rejected last year.\n\nOn 6 June 2020 a first deal was signed.\n")


def _article(text: str) -> Article:
    article, _ = read_article(Path("a.txt"), "a.txt", text.encode(), None)
    assert article is not None
    return article


def test_pending_lists_only_dates_that_need_the_article_date() -> None:
    found = [p.text for p in undated.pending(_article(TEXT))]
    assert found == ["Tuesday", "last year"]  # "6 June 2020" makes its event without it


def test_dated_article_has_nothing_pending() -> None:
    assert undated.pending(_article("---\ndate: 2020-06-10\n---\n" + TEXT)) == ()


def test_report_names_the_dates_and_the_hint() -> None:
    (diag,) = undated.report([_article(TEXT)])
    assert diag.level == "warning" and diag.path == "a.txt"
    assert "'Tuesday', 'last year'" in diag.message
    assert "add `date:` front matter or a catalog entry" in diag.message


def test_build_reports_lists_on_the_page_and_strict_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "site"
    assert cli.main(["build", "--source", str(src), "--output", str(out), "--no-search"]) == 0
    captured = capsys.readouterr()
    assert "a.txt: undated" in captured.out
    assert "not on the timeline (undated): 'Tuesday', 'last year'" in captured.err
    page = (out / "articles" / "a.html").read_text(encoding="utf-8")
    assert "Undated events" in page and "needs the date: Tuesday" in page
    assert "<code>date:</code>" in page
    assert cli.main(["build", "--source", str(src), "--output", str(out), "--no-search",
                     "--strict"]) == 1
