"""One test per stage package: its entry function on a small input, as docs/ARCHITECTURE.md
describes it (what each stage takes and what it returns)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator import actors, dates, events, output, reading, site
from generator.build import STATIC, TEMPLATES, site_files
from generator.config import SiteConfig
from generator.model import PartialDate, Timeline

ARTICLE = """---
title: Talks open in Geneva
date: 2024-03-12
outlet: Wire
---
Foreign Minister Anna Berg met officials of the United Nations in Geneva on Monday.

The talks will resume on 2 April, Berg said.
"""


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.md").write_text(ARTICLE, encoding="utf-8")
    return folder


def _timeline(tmp_path: Path):  # noqa: ANN202 - the test's own shorthand
    articles, diags = reading.read_corpus(_corpus(tmp_path))
    found = actors.find_actors(articles)
    found_events = events.extract_events(articles, found.mentions, found.places, found.actors)
    timeline = Timeline(articles, found.actors, found_events, diags + found.diagnostics)
    return timeline, found


def test_reading_gives_dated_articles_with_sentences(tmp_path: Path) -> None:
    articles, diags = reading.read_corpus(_corpus(tmp_path))
    assert [a.id for a in articles] == ["talks"]
    assert articles[0].date == dt.date(2024, 3, 12)
    assert len(articles[0].sentences) == 2
    assert not [d for d in diags if d.level == "error"]


def test_dates_normalise_against_the_publication_date() -> None:
    found = dates.tag("They met on Monday and will meet again in June.", dt.date(2024, 3, 12))
    assert [(t.text, t.value) for t in found] == [("Monday", "2024-03-11"), ("June", "2024-06")]


def test_actors_are_found_once_per_entity(tmp_path: Path) -> None:
    articles, _ = reading.read_corpus(_corpus(tmp_path))
    found = actors.find_actors(articles)
    names = {a.name: a.kind for a in found.actors}
    assert names.get("Anna Berg") == "person"
    assert names.get("United Nations") == "organization"
    assert {m.actor for m in found.mentions["talks"]} >= {a.id for a in found.actors
                                                          if a.name == "Anna Berg"}


def test_events_carry_date_actors_and_source(tmp_path: Path) -> None:
    timeline, _ = _timeline(tmp_path)
    by_date = {e.date: e for e in timeline.events}
    meeting = by_date[PartialDate(2024, 3, 11)]
    assert meeting.status == "reported"
    assert meeting.sources[0].article == "talks"
    berg = next(a.id for a in timeline.actors if a.name == "Anna Berg")
    assert berg in meeting.actors
    assert by_date[PartialDate(2024, 4, 2)].status == "planned"


def test_site_renders_pages_and_writes_nothing(tmp_path: Path) -> None:
    timeline, found = _timeline(tmp_path)
    pages = site.render_site(timeline, SiteConfig(), TEMPLATES, found.mentions)
    assert "index.html" in pages and "articles/talks.html" in pages
    assert all(path.endswith(".html") for path in pages)
    assert b"Geneva" in pages["articles/talks.html"]
    assert list(tmp_path.iterdir()) == [tmp_path / "articles"]


def test_output_writes_the_files_and_the_data(tmp_path: Path) -> None:
    timeline, found = _timeline(tmp_path)
    files = site_files(timeline, SiteConfig(), TEMPLATES, STATIC,
                       found.mentions)
    written = output.write_site(files, tmp_path / "site")
    data = json.loads((tmp_path / "site" / "data" / "events.json").read_text(encoding="utf-8"))
    assert [e["date"] for e in data["events"]] == ["2024-03-11", "2024-04-02"]
    assert (tmp_path / "site" / "index.html").is_file()
    assert not written.kept
