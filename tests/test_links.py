"""The written site has no broken links, and writing it is safe and all-or-nothing."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from linkcheck import broken_links
from test_render import STATIC, TEMPLATES, Outline, make_article, render, sample_mentions

from generator.build import site_files
from generator.model import Actor, Event, PartialDate, Source, Timeline
from generator.output import samefile, writer
from generator.output.writer import write_site
from generator.site import paging, urls
from generator.site.render import SiteConfig


def tree(folder: Path) -> dict[str, bytes]:
    """The site's files; the writer's manifest is checked in test_output_safety.py."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != writer.outlock.MANIFEST
    }


def siblings(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != output.name)


# ---------------------------------------------------------------- links


def test_written_site_has_no_broken_links(tmp_path):
    output = tmp_path / "site"
    files = render(mentions=sample_mentions())
    write_site(files, output)
    assert tree(output) == files
    assert broken_links(output) == []


def test_link_checker_finds_problems(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "ok.html").write_text('<p id="here">x</p><a href="https://example.com/">x</a>')
    (tmp_path / "sub" / "page.html").write_text(
        '<a href="../ok.html#here">fine</a>'
        '<a href="../ok.html#nowhere">bad id</a>'
        '<a href="/ok.html">root</a>'
        '<a href="missing.html">gone</a>'
        '<a href="#top">no top</a>'
        '<a href="../sub/">folder</a>'
        '<img src="../x.png" alt="">'
        '<a href="javascript:alert(1)">js</a>'
        '<a href="mailto:a@example.com">mail</a>'
    )
    problems = broken_links(tmp_path)
    links = [p.split(" ")[1] for p in problems]
    assert links == [
        "../ok.html#nowhere",
        "/ok.html",
        "missing.html",
        "#top",
        "../sub/",
        "../x.png",
        "javascript:alert(1)",
    ]
    assert all(p.startswith("sub/page.html: ") for p in problems)


# ---------------------------------------------------------------- safe writing


def test_rewrite_replaces_the_old_site_completely(tmp_path):
    output = tmp_path / "site"
    write_site({"index.html": b"old", "stale/page.html": b"stale"}, output)
    write_site({"index.html": b"new", "data/events.json": b"{}\n"}, output)
    assert tree(output) == {"index.html": b"new", "data/events.json": b"{}\n"}
    assert siblings(output) == []


def test_failure_mid_write_keeps_the_previous_site(tmp_path, monkeypatch):
    output = tmp_path / "site"
    old = {"index.html": b"old", "actors/index.html": b"old actors"}
    write_site(old, output)
    written = []

    def failing_write(target: Path, content: bytes) -> None:
        if len(written) == 2:
            raise OSError("disk full")
        written.append(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    monkeypatch.setattr(samefile, "write_file", failing_write)
    with pytest.raises(OSError, match="disk full"):
        write_site({f"p{i}.html": b"new" for i in range(5)}, output)
    assert len(written) == 2
    assert tree(output) == old
    assert siblings(output) == []


def test_failure_during_swap_keeps_the_previous_site(tmp_path, monkeypatch):
    output = tmp_path / "site"
    write_site({"index.html": b"old"}, output)
    real_rename = Path.rename

    def rename(self: Path, target):
        if Path(target) == output and self.name.startswith("site.tmp-") and "old" not in self.name:
            raise OSError("rename failed")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="rename failed"):
        write_site({"index.html": b"new"}, output)
    assert tree(output) == {"index.html": b"old"}
    assert siblings(output) == []


def test_writes_into_a_new_folder(tmp_path):
    output = tmp_path / "deep" / "site"
    write_site({"index.html": b"x"}, output)
    assert tree(output) == {"index.html": b"x"}


@pytest.mark.parametrize("marker", ["pyproject.toml", ".git"])
def test_refuses_a_project_folder(tmp_path, marker):
    output = tmp_path / "project"
    output.mkdir()
    if marker == ".git":
        (output / marker).mkdir()
    else:
        (output / marker).write_text("")
    with pytest.raises(ValueError, match=marker):
        write_site({"index.html": b"x"}, output)
    assert (output / marker).exists()
    assert siblings(output) == []


def test_refuses_root_home_and_working_folder(tmp_path, monkeypatch):
    home = tmp_path / "home"
    work = home / "work"
    work.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    for output in (Path("/"), home, work, Path("."), tmp_path):
        with pytest.raises(ValueError, match="refusing"):
            write_site({"index.html": b"x"}, output)
    assert list(work.iterdir()) == []


def test_refuses_a_file_as_output(tmp_path):
    output = tmp_path / "notes.txt"
    output.write_text("keep me")
    with pytest.raises(ValueError, match="not a folder"):
        write_site({"index.html": b"x"}, output)
    assert output.read_text() == "keep me"


@pytest.mark.parametrize("path", ["../escape.html", "/abs.html", "a//b.html", "a\\b.html", ""])
def test_refuses_paths_that_leave_the_output(tmp_path, path):
    with pytest.raises(ValueError, match="not a safe site path"):
        write_site({path: b"x"}, tmp_path / "site")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- a long timeline, paged


def long_timeline() -> Timeline:
    """14 events: 2 in 2019, 10 in 2020 (over three months), 2 in 2021; one busy actor."""
    article = make_article("long", "Many meetings", dt.date(2021, 6, 1),
                           [("body", [f"Meeting {i} took place." for i in range(14)])])
    dates = ([PartialDate(2019, 5, 1), PartialDate(2019)]
             + [PartialDate(2020, 1 + i % 3, 1 + i) for i in range(10)]
             + [PartialDate(2021, 2, 2), PartialDate(2021, 3)])
    events = tuple(
        Event(f"e{i:02d}", date, "", "reported", f"Meeting {i} <b>held</b>",
              ("busy", "other") if i % 2 == 0 else ("busy",), (),
              (Source("long", i, *_span(article, i), article.sentences[i].text, ""),))
        for i, date in enumerate(dates))
    actors = (Actor("busy", "Busy Person", "person"), Actor("other", "Other Person", "person"))
    return Timeline((article,), actors, events)


def _span(article, i: int) -> tuple[int, int]:
    return article.sentences[i].start, article.sentences[i].end


@pytest.fixture
def paged(tmp_path, monkeypatch) -> tuple[Path, dict[str, str]]:
    monkeypatch.setattr(paging, "PAGE_EVENTS", 5)
    monkeypatch.setattr(paging, "RECENT", 3)
    output = tmp_path / "site"
    files = site_files(long_timeline(), SiteConfig(title="Long"), TEMPLATES, STATIC)
    write_site(files, output)
    pages = {p: c.decode("utf-8") for p, c in files.items() if p.endswith(".html")}
    return output, pages


def test_a_long_timeline_is_paged_and_every_link_resolves(paged):
    output, pages = paged
    assert broken_links(output) == []
    assert {urls.year_path(y) for y in (2019, 2020, 2021)} <= set(pages)
    assert {urls.month_path(2020, m) for m in (1, 2, 3)} <= set(pages)
    assert urls.actor_year_path("busy", 2020) in pages


def test_the_overview_links_years_and_shows_the_latest_events(paged):
    _, pages = paged
    index = pages[urls.INDEX]
    for year, count in (("2019", "2 events"), ("2020", "10 events"), ("2021", "2 events")):
        assert re.search(rf'<a href="timeline/{year}.html">{year}</a> <span class="count">'
                         rf"{count}</span>", index)
    latest = re.findall(r'class="event-title"><a href="timeline/([\d-]+).html#ev-(e\d+)"', index)
    assert latest == [("2021", "e13"), ("2021", "e12"), ("2020-03", "e10")]  # newest first
    assert 'href="timeline/2020-02.html#m-2020-02"' in index  # the chart's bars
    assert "<blockquote" not in index and "&lt;b&gt;held&lt;/b&gt;" in index
    assert "data-pagefind-body" not in index


def test_a_year_page_holds_its_events_cards_oldest_first(paged):
    _, pages = paged
    year = pages[urls.year_path(2019)]
    assert re.findall(r'id="ev-(e\d+)"', year) == ["e01", "e00"]  # the vague date on top
    assert '</span> Meeting 0 &lt;b&gt;held&lt;/b&gt;</h3>' in year
    assert "<blockquote" in year and "data-pagefind-body" in year  # found by search here
    assert '<span data-pagefind-meta="title">2019</span>' in year
    assert '<a href="2020.html" rel="next">Next: 2020</a>' in year
    split = pages[urls.year_path(2020)]  # more than PAGE_EVENTS: a page per month
    assert re.findall(r'<a href="(2020-\d\d).html">', split) == ["2020-01", "2020-02", "2020-03"]
    month = pages[urls.month_path(2020, 2)]
    assert re.findall(r'id="ev-(e\d+)"', month) == ["e03", "e06", "e09"]
    assert '<a href="2020.html">All of 2020</a>' in month


def test_newest_is_capped_and_links_to_the_years(paged):
    _, pages = paged
    newest = pages[urls.NEWEST]
    rows = re.findall(r'class="event-title"><a href="[^"]*#ev-(e\d+)"', newest)
    assert rows == ["e13", "e12", "e10", "e07", "e04"]
    assert 'Older events are listed by year: <a href="timeline/2019.html">2019</a>' in newest


def test_each_card_is_on_one_list_page_and_everything_links_there(paged):
    _, pages = paged
    month = pages[urls.month_path(2020, 2)]
    assert '<blockquote class="quote">Meeting 3 took place.</blockquote>' in month
    holding = [p for p, html in pages.items() if 'id="ev-e03"' in html]
    assert holding == [urls.month_path(2020, 2)]
    article = pages[urls.article_path("long")]
    assert 'href="../timeline/2020-02.html#ev-e03"' in article  # its sentence's event
    assert not any(p.startswith("events/") for p in pages)


def test_a_busy_actor_is_listed_a_year_a_page(paged):
    _, pages = paged
    actor = pages[urls.actor_path("busy")]
    assert re.findall(r'<a href="busy/(\d+).html">', actor) == ["2019", "2020", "2021"]
    assert re.findall(r'href="../timeline/[\d-]+.html#ev-(e\d+)"', actor) == ["e13", "e12", "e10"]
    assert 'href="busy/2020.html#m-2020-01"' in actor  # the chart's bars
    year = pages[urls.actor_year_path("busy", 2020)]
    assert len(re.findall(r'href="../../timeline/2020-\d\d.html#ev-e\d+"', year)) == 10
    assert '<a href="../busy.html">All about Busy Person</a>' in year
    small = pages[urls.actor_path("other")]  # 7 events: more than 5, paged too
    assert 'href="other/2020.html"' in small


def test_old_permalinks_to_the_overview_go_on_to_the_card(paged):
    _, pages = paged
    assert 'data-timeline="timeline/" data-by-month="2020"' in pages[urls.INDEX]
    assert "data-by-month" in (STATIC / "filter.js").read_text(encoding="utf-8")


def test_the_data_files_link_each_event_to_its_card(paged):
    output, _ = paged
    placed = {"e00": "timeline/2019.html", "e03": "timeline/2020-02.html",
              "e13": "timeline/2021.html"}
    with (output / urls.DATA_CSV).open(encoding="utf-8", newline="") as f:
        permalinks = {row["id"]: row["permalink"] for row in csv.DictReader(f)}
    for event_id, page in placed.items():
        assert permalinks[event_id] == f"{page}#ev-{event_id}"
    feed = (output / urls.FEED_ATOM).read_text(encoding="utf-8")
    assert 'href="timeline/2021.html#ev-e13"' in feed


def test_paged_pages_are_well_formed(paged):
    _, pages = paged
    for path, html in pages.items():
        outline = Outline(html)
        assert outline.errors == [], path
        assert len(outline.ids) == len(set(outline.ids)), path
        assert outline.headings.count(1) == 1, path
        steps = zip(outline.headings, outline.headings[1:], strict=False)
        assert all(b - a <= 1 for a, b in steps), path


def test_every_card_is_where_the_data_files_say(paged):
    _, pages = paged
    found = {m: path for path, html in pages.items()
             for m in re.findall(r'class="event-title" id="ev-([^"]+)"', html)}
    assert found == paging.placements(long_timeline().events)


def test_a_month_longer_than_a_page_goes_on_in_parts(tmp_path, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_EVENTS", 5)
    article = make_article("busy", "A busy April", dt.date(2020, 5, 1),
                           [("body", [f"Talk {i} took place." for i in range(12)])])
    events = tuple(
        Event(f"t{i:02d}", PartialDate(2020, 4, 1 + i), "", "reported", f"Talk {i}", (), (),
              (Source("busy", i, *_span(article, i), article.sentences[i].text, ""),))
        for i in range(12))
    timeline = Timeline((article,), (), events)
    output = tmp_path / "site"
    files = site_files(timeline, SiteConfig(title="April"), TEMPLATES, STATIC)
    write_site(files, output)
    assert broken_links(output) == []
    pages = {p: c.decode("utf-8") for p, c in files.items() if p.endswith(".html")}
    parts = [urls.month_path(2020, 4, k) for k in (1, 2, 3)]
    assert parts == ["timeline/2020-04.html", "timeline/2020-04-p2.html",
                     "timeline/2020-04-p3.html"]
    counts = [len(re.findall(r'class="event-title" id="ev-', pages[p])) for p in parts]
    assert counts == [5, 5, 2]
    assert "<h1>April 2020, part 2 of 3</h1>" in pages[parts[1]]
    assert '<a href="2020-04-p3.html" rel="next" data-continues>' in pages[parts[1]]
    assert "data-continues" not in pages[parts[2]]  # the month's last part
    assert 'href="timeline/2020-04.html#m-2020-04"' in pages[urls.INDEX]  # the chart's bar
    found = {m: path for path, html in pages.items()
             for m in re.findall(r'class="event-title" id="ev-([^"]+)"', html)}
    assert found == paging.placements(events)
