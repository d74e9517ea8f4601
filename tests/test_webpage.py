"""Saved web pages (issue 13): main text without page furniture, metadata from the page,
the catalog over the page, what the page lacks reported. Pages are written for the tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator import cli
from generator.reading import webpage
from generator.reading.corpus import read_corpus

STORY = (
    "<p>The city council approved the new harbour budget on Tuesday after a long debate, "
    "officials said. The vote was close and several members abstained.</p>"
    "<p>Mayor Anna Berg welcomed the decision and said work on the new quay would start on "
    "6 July 2020. Opposition members said the plan was too costly for the town.</p>"
)
FURNITURE = ("Accept all cookies", "Share on Facebook", "Mayor opens bridge", "Great news",
             "Subscribe to our newsletter", "All rights reserved", "alert(")


def page(head: str = "", story: str = STORY, lang: str = "en") -> str:
    """A news page with its furniture: navigation, cookie notice, share bar, related links,
    newsletter box, comments, footer, a script."""
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>Council passes harbour budget | Harbour Gazette</title>{head}
<script>alert("page script")</script><style>body {{ color: red }}</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p>
<button>Accept all cookies</button></div>
<main><article><h1>Council passes harbour budget</h1>{story}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Mayor opens bridge</a></li>
<li><a href="/b">Harbour plans unveiled</a></li></ul></aside>
<div class="newsletter">Subscribe to our newsletter</div>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Great news for the town! Posted by Bob</p></div></section></main>
<footer><p>&copy; 2020 Harbour Gazette. All rights reserved.</p></footer></body></html>"""


META = """
<meta property="og:site_name" content="Harbour Gazette">
<link rel="canonical" href="https://gazette.example.com/news/council-budget">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2020-06-10T09:30:00+02:00">"""


def test_extract_main_text_and_metadata() -> None:
    found = webpage.extract(page(META))
    assert found is not None
    assert found.title == "Council passes harbour budget"
    assert found.date == dt.date(2020, 6, 10)
    assert (found.outlet, found.author, found.language) == ("Harbour Gazette", "Jane Doe", "en")
    assert found.url == "https://gazette.example.com/news/council-budget"
    assert "approved the new harbour budget on Tuesday" in found.text
    assert not [f for f in FURNITURE if f in found.text]
    assert found.missing() == []


def test_page_without_metadata_reports_what_it_lacks() -> None:
    found = webpage.extract(page())
    assert found is not None and found.date is None
    assert found.missing() == ["date", "outlet", "url", "author"]


def test_page_with_only_furniture_gives_nothing() -> None:
    assert webpage.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>") is None


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "gazette.html").write_text(page(META), encoding="utf-8")
    (src / "bare.htm").write_text(page(story="<p>June 9, 2020</p>" + STORY), encoding="utf-8")
    (src / "override.html").write_text(page(META), encoding="utf-8")
    (src / "catalog.yaml").write_text(
        "articles:\n  - file: override.html\n    title: Budget passed\n    published: 2020-06-11\n"
        "    outlet: The Quay Times\n", encoding="utf-8")
    (src / "plain.txt").write_text("Council meets\n\nJune 8, 2020\n\nThe council met on Monday "
                                   "to discuss the harbour budget, officials said.\n",
                                   encoding="utf-8")
    (src / "notes.md").write_text("---\ndate: 2020-06-12\n---\n# Quay works\n\nWork on the quay "
                                  "will start on 6 July 2020, the mayor said.\n", encoding="utf-8")
    return src


def test_reader_takes_page_metadata_under_the_catalog(tmp_path: Path) -> None:
    articles, diags = read_corpus(_folder(tmp_path))
    by = {a.path: a for a in articles}
    assert sorted(by) == ["bare.htm", "gazette.html", "notes.md", "override.html", "plain.txt"]
    gazette = by["gazette.html"]
    assert (gazette.title, gazette.date, gazette.date_origin, gazette.outlet, gazette.url) == (
        "Council passes harbour budget", dt.date(2020, 6, 10), "web page", "Harbour Gazette",
        "https://gazette.example.com/news/council-budget")
    assert dict(gazette.metadata) == {"author": "Jane Doe", "language": "en"}
    override = by["override.html"]
    assert (override.title, override.date, override.date_origin, override.outlet) == (
        "Budget passed", dt.date(2020, 6, 11), "catalog", "The Quay Times")
    bare = by["bare.htm"]  # no date in the markup: the date line of its text
    assert (bare.date, bare.date_origin) == (dt.date(2020, 6, 9), "date line")
    notes = [d.message for d in diags if d.path == "bare.htm"]
    assert notes == ["saved web page gives no date, site name (outlet), url, author; add them "
                     "to its catalog entry if you know them"]
    assert not [d for d in diags if d.path in ("gazette.html", "override.html")]


def test_mixed_folder_builds_without_furniture(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert cli.main(["build", "--source", str(_folder(tmp_path)), "--output", str(out),
                     "--no-search"]) == 0
    report = capsys.readouterr().out
    assert "gazette.html: 2020-06-10 (web page)" in report
    assert "bare.htm: 2020-06-09 (date line)" in report
    data = json.loads((out / "data" / "events.json").read_text(encoding="utf-8"))
    quotes = " ".join(s["quote"] for e in data["events"] for s in e["sources"])
    assert "2020-07-06" in {e["date"] for e in data["events"]}
    assert not [f for f in FURNITURE if f in quotes]
    for name in ("gazette", "bare"):
        html = (out / "articles" / f"{name}.html").read_text(encoding="utf-8")
        assert "approved the new harbour budget" in html
        assert not [f for f in FURNITURE if f in html]
