"""Feeds and data exports read back with the tools their users have (feedparser, icalendar,
jsonschema, csv), on the example corpus and on a small hand-made timeline."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
from test_render import sample_timeline

from generator import cli
from generator.config import SiteConfig
from generator.model import Actor, Event, PartialDate, Source, Timeline
from generator.output import exports, feeds, ical
from generator.output.eventsjson import events_json
from generator.site import urls

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "corpora" / "example-site.yaml"
SEEDS = ROOT / "tests" / "corpora" / "example"
URL = "https://user.github.io/REPO/"
# The rules of JSON Feed 1.1 (jsonfeed.org/version/1.1) that a reader relies on.
_TEXT = {"type": "string", "minLength": 1}
JSON_FEED_1_1 = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": _TEXT, "home_page_url": _TEXT, "feed_url": _TEXT, "language": _TEXT,
        "authors": {"type": "array", "items": {"type": "object", "required": ["name"]}},
        "items": {"type": "array", "items": {
            "type": "object",
            "required": ["id"],
            "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
            "properties": {
                "id": _TEXT, "url": _TEXT, "title": {"type": "string"},
                "content_html": {"type": "string"}, "content_text": {"type": "string"},
                "date_published": {"type": "string", "pattern": "^\\d{4}-\\d\\d-\\d\\dT"},
                "date_modified": {"type": "string", "pattern": "^\\d{4}-\\d\\d-\\d\\dT"},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
        }},
    },
}


def build(out: Path, *flags: str) -> Path:
    assert cli.main(["build", "--source", str(SEEDS), "--output", str(out), "--no-search",
                     "--quiet", "--config", str(CONFIG), *flags]) == 0
    return out


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site as GitHub Pages builds it: with an absolute base URL."""
    return build(tmp_path_factory.mktemp("hosted") / "site", "--base-url", URL)


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site without a site URL."""
    return build(tmp_path_factory.mktemp("local") / "site")


@pytest.fixture(scope="module")
def data(hosted: Path) -> dict:
    return json.loads((hosted / "data" / "events.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- feeds


def test_atom_feed_parses_with_one_entry_per_event_and_absolute_links(hosted: Path,
                                                                      data: dict) -> None:
    feed = feedparser.parse((hosted / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Libya ceasefire talks, 2019–2020"
    assert feed.feed.updated == "2020-06-20T00:00:00Z"  # the newest article, not the clock
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": URL + "feed.xml", "alternate": URL + "index.html"}
    assert len(feed.entries) == len(data["events"])
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    stamps = [e.updated for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True)  # the most recently reported first
    for entry in feed.entries:
        assert entry.link.startswith(URL + "index.html#ev-")
        assert entry.id.startswith("urn:uuid:")
        assert 'href="' + URL + "articles/" in entry.content[0].value


def test_one_atom_feed_per_actor_with_only_its_events(hosted: Path, data: dict) -> None:
    for actor in data["actors"]:
        feed = feedparser.parse((hosted / "actors" / f"{actor['id']}.xml").read_bytes())
        assert not feed.bozo, actor["id"]
        want = sum(actor["id"] in e["actors"] for e in data["events"])
        assert len(feed.entries) == min(want, feeds.ACTOR_FEED_LIMIT), actor["id"]
        assert feed.feed.link == f"{URL}actors/{actor['id']}.html"
        assert all(actor["id"] in {t.term for t in e.tags} for e in feed.entries)
    page = (hosted / "actors" / "sergey-lavrov.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml" title="Sergey Lavrov (Atom)" href="sergey-lavrov.xml"' \
        in page


def test_json_feed_is_version_1_1_with_the_event_dates(hosted: Path, data: dict) -> None:
    raw = json.loads((hosted / "feed.json").read_text(encoding="utf-8"))
    assert raw["version"] == "https://jsonfeed.org/version/1.1"
    assert raw["feed_url"] == URL + "feed.json" and raw["home_page_url"] == URL + "index.html"
    # feedparser 6.0 reads no JSON Feed: check the spec's rules with a schema instead.
    jsonschema.validate(raw, JSON_FEED_1_1)
    assert len(raw["items"]) == len(data["events"])
    assert len({item["id"] for item in raw["items"]}) == len(raw["items"])
    dates = {item["_timeline"]["event"]: item["_timeline"]["date"] for item in raw["items"]}
    assert dates == {e["id"]: e["date"] for e in data["events"]}
    for item in raw["items"]:
        assert item["url"].startswith(URL) and item["content_text"] and item["content_html"]
        dt.datetime.fromisoformat(item["date_published"])


def test_without_a_site_url_feeds_link_relative_to_themselves(local: Path) -> None:
    feed = feedparser.parse((local / "feed.xml").read_bytes())
    assert not feed.bozo
    assert feed.entries[0].link.startswith("index.html#ev-")
    actor = feedparser.parse((local / "actors" / "russia.xml").read_bytes())
    assert actor.feed.link == "russia.html"
    assert actor.entries[0].link.startswith("../index.html#ev-")
    assert json.loads((local / "feed.json").read_text())["feed_url"] == "feed.json"


def test_feed_updated_comes_from_source_date_epoch_when_set(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    out = build(tmp_path / "site")
    assert feedparser.parse((out / "feed.xml").read_bytes()).feed.updated == "2020-09-13T12:26:40Z"
    assert b"DTSTAMP:20200913T122640Z" in (out / "data" / "events.ics").read_bytes()


def test_feeds_keep_the_newest_entries_and_the_first_sources() -> None:
    timeline = sample_timeline()
    article = timeline.articles[0]
    sources = tuple(Source(article.id, 1, 0, 1, f"Quote {i}.") for i in range(8))
    many = tuple(Event(f"e{i:03d}", PartialDate(2020, 1, 1 + i % 28), "", "reported", f"E{i}",
                       ("lavrov",), (), sources) for i in range(feeds.FEED_LIMIT + 5))
    timeline = Timeline(timeline.articles, timeline.actors, many)
    files = feeds.atom_feeds(timeline, SiteConfig(), feeds.EPOCH)
    entries = feedparser.parse(files["feed.xml"]).entries
    assert len(entries) == feeds.FEED_LIMIT
    assert entries[0].title.startswith("28 January 2020")
    assert "Quote 4." in entries[0].summary and "Quote 5." not in entries[0].summary
    assert entries[0].summary.endswith("… and 3 more sources")
    # An actor's feed: fewer entries, each short (links to the sources, not their words).
    actor = feedparser.parse(files["actors/lavrov.xml"])
    assert not actor.bozo
    assert len(actor.entries) == feeds.ACTOR_FEED_LIMIT < feeds.FEED_LIMIT
    assert [e.id for e in actor.entries] == [e.id for e in entries[:feeds.ACTOR_FEED_LIMIT]]
    assert actor.entries[0].title == entries[0].title
    content = actor.entries[0].content[0].value
    assert "Quote" not in content and "… and 3 more sources" in content
    assert content.count('href="../articles/') == feeds.SOURCES_SHOWN
    items = json.loads(feeds.json_feed(timeline, SiteConfig(), feeds.EPOCH))["items"]
    assert len(items) == feeds.FEED_LIMIT
    cal = ical.calendar(timeline, SiteConfig(), feeds.EPOCH).decode().replace("\r\n ", "")
    assert cal.count("BEGIN:VEVENT") == feeds.FEED_LIMIT + 5  # the calendar keeps everything
    assert "… and 3 more sources" in cal


def test_actor_feed_entries_name_a_few_actors_and_always_their_own() -> None:
    timeline = sample_timeline()
    crowd = tuple(Actor(f"p{i:02d}", f"Person {i}", "person") for i in range(30))
    places = tuple(f"Town {i}" for i in range(25))
    event = Event("crowd", PartialDate(2020, 1, 8), "", "reported", "Everyone meets",
                  tuple(a.id for a in crowd), places, timeline.events[0].sources)
    timeline = Timeline(timeline.articles, crowd, (event,))
    files = feeds.atom_feeds(timeline, SiteConfig(url=URL), feeds.EPOCH)
    assert len(files) == 1 + len(crowd)
    shown = feeds.NAMES_SHOWN
    for i, actor in enumerate(crowd):
        feed = feedparser.parse(files[f"actors/{actor.id}.xml"])
        assert not feed.bozo
        (entry,) = feed.entries
        terms = [t.term for t in entry.tags]
        assert terms == [a.id for a in crowd[:shown]] + ([] if i < shown else [actor.id])
        content = entry.content[0].value
        assert f"and {len(crowd) - shown} more</p>" in content
        assert f"Town {shown - 1} and {len(places) - shown} more" in content
        assert content.count('href="' + URL + "actors/") == shown
        assert 'href="' + URL + "index.html#ev-crowd" in content
    whole = feedparser.parse(files["feed.xml"]).entries[0]  # the site feed names everyone
    assert len(whole.tags) == len(crowd) and "Town 24" in whole.summary


def test_links_from_a_feed_are_those_of_the_url_helpers() -> None:
    paths = ["index.html", "index.html#ev-x", "actors/a.b.html", "actors/a.html#s-2",
             "articles/é ü.html#s-1", "feed.xml", "actors/x.xml", "articles/x.html#a b"]
    for config in (SiteConfig(), SiteConfig(url=URL)):
        for origin in ("feed.xml", "actors/x.xml", "actors/a.html"):
            link = feeds.Linker(config, origin)
            for path in paths * 2:  # the second time from the cache
                want = config.absolute(path) or urls.relative(origin, path)
                assert link(path) == want, (config.url, origin, path)


def test_feed_updated_without_any_date_is_the_epoch() -> None:
    assert feeds.feed_updated(Timeline((), (), ())) == feeds.EPOCH


# ---------------------------------------------------------------- calendar


def test_calendar_parses_with_one_all_day_event_per_event(hosted: Path, data: dict) -> None:
    raw = (hosted / "data" / "events.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    assert len(events) == len(data["events"])
    for record in data["events"]:
        vevent = events[record["id"]]
        start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date
        date = PartialDate.parse(record["date"])
        assert (start, end) == (date.first_day(), date.last_day() + dt.timedelta(days=1))
        assert str(vevent["SUMMARY"]).endswith(record["title"])
        assert str(vevent["URL"]) == f"{URL}index.html#ev-{record['id']}"
        assert str(vevent["UID"]).endswith("@user.github.io")


def test_week_month_and_year_become_multi_day_spans() -> None:
    cal = icalendar.Calendar.from_ical(ical.calendar(sample_timeline(), SiteConfig(),
                                                     feeds.EPOCH))
    spans = {str(e["UID"]).split("@")[0]: (e.decoded("DTSTART"), e.decoded("DTEND"))
             for e in cal.walk("VEVENT")}
    assert spans["summit"] == (dt.date(2020, 6, 8), dt.date(2020, 6, 15))  # ISO week 24
    assert spans["ceasefire"] == (dt.date(2020, 1, 1), dt.date(2020, 2, 1))
    assert spans["conflict"] == (dt.date(2011, 1, 1), dt.date(2012, 1, 1))
    assert spans["meet"] == (dt.date(2020, 1, 8), dt.date(2020, 1, 9))
    summit = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("summit"))
    assert str(summit["STATUS"]) == "TENTATIVE" and str(summit["SUMMARY"]).startswith("Planned")
    assert "URL" not in summit  # no site URL, no link


def test_calendar_text_is_escaped_and_folded_without_splitting_characters() -> None:
    nasty = "Talks; in Berlin, Moscow\\Ankara\nnext line\x00 — " + "é" * 80
    assert ical.escape(nasty).startswith("Talks\\; in Berlin\\, Moscow\\\\Ankara\\nnext line —")
    folded = ical.fold("SUMMARY:" + ical.escape(nasty))
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + ical.escape(nasty)
    event = Event("x", PartialDate(2020, 1, 8), "", "reported", nasty, (), ("Berlin, Germany",),
                  (Source("a", 0, 0, 1, nasty),))
    cal = icalendar.Calendar.from_ical(ical.calendar(Timeline((), (), (event,)), SiteConfig(),
                                                     feeds.EPOCH))
    (parsed,) = cal.walk("VEVENT")
    assert str(parsed["SUMMARY"]) == nasty.replace("\x00", "")
    assert str(parsed["LOCATION"]) == "Berlin, Germany"


def _fold_by_character(line: str) -> str:
    """The folding `ical.fold` replaced (one character at a time): the reference."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not pieces else 74
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _escape_by_character(text: str) -> str:
    """The escaping `ical.escape` replaced: the reference."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c == "\n" or c == "\t" or ord(c) >= 0x20 and c != "\x7f")
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def test_folding_and_escaping_match_the_character_by_character_rules() -> None:
    rng = random.Random(5545)
    alphabet = "ab ,;\\\n\r\t\x00\x1f\x7f\x85é€😀ßж中\u2028"
    texts = ["".join(rng.choice(alphabet) for _ in range(size))
             for size in [*range(120), 200, 400, 1000] for _ in range(40)]
    # Every multi-byte width straddling every cut of the first and later lines.
    texts += ["a" * lead + wide * 50 for wide in "é€😀" for lead in range(160)]
    for text in texts:
        assert ical.escape(text) == _escape_by_character(text), repr(text)
        for line in (text, "DESCRIPTION:" + ical.escape(text)):
            if "\r" in line or "\n" in line:
                continue
            folded = ical.fold(line)
            assert folded == _fold_by_character(line), repr(line)
            assert all(len(piece.encode()) <= 75 for piece in folded.split("\r\n"))
            assert folded.replace("\r\n ", "") == line


def test_control_characters_never_break_the_xml() -> None:
    event = Event("x", PartialDate(2020, 1, 8), "", "reported", "Bad\x01 <b>title</b> & co",
                  (), (), ())
    feed = feedparser.parse(feeds.atom_feeds(Timeline((), (), (event,)), SiteConfig(),
                                             feeds.EPOCH)["feed.xml"])
    assert not feed.bozo
    assert feed.entries[0].title == "8 January 2020: Bad <b>title</b> & co"


# ---------------------------------------------------------------- data files


def test_events_json_validates_against_the_shipped_schema(hosted: Path, data: dict) -> None:
    schema = json.loads((hosted / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert [e.message for e in validator.iter_errors(data)] == []
    assert [e.message for e in validator.iter_errors(events_json(sample_timeline()))] == []
    broken = json.loads(json.dumps(data))
    broken["events"][0]["date"] = "2020-13"
    broken["events"][1]["precision"] = "hour"
    del broken["actors"][0]["kind"]
    assert len(list(validator.iter_errors(broken))) == 3


def test_csv_reads_back_one_row_per_event(hosted: Path, data: dict) -> None:
    text = (hosted / "data" / "events.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == exports.CSV_COLUMNS
    assert [r["id"] for r in rows] == [e["id"] for e in data["events"]]
    names = {a["id"]: a["name"] for a in data["actors"]}
    for row, event in zip(rows, data["events"], strict=True):
        assert row["title"] == event["title"] and row["date"] == event["date"]
        assert row["actor_ids"].split("; ") == (event["actors"] or [""])
        assert row["actors"].split("; ") == ([names[a] for a in event["actors"]] or [""])
        assert row["permalink"] == f"{URL}index.html#ev-{event['id']}"
        assert row["first_day"] <= row["last_day"]


def test_timelinejs_json_has_the_shape_timelinejs_reads(hosted: Path, data: dict) -> None:
    tl = json.loads((hosted / "data" / "timelinejs.json").read_text(encoding="utf-8"))
    assert tl["title"]["text"]["headline"]
    assert len(tl["events"]) == len(data["events"])
    by_anchor = {f"ev-{e['id']}": e for e in data["events"]}
    for slide in tl["events"]:
        record = by_anchor[slide["unique_id"]]
        keys = {"day": {"year", "month", "day"}, "week": {"year", "month", "day"},
                "month": {"year", "month"}, "year": {"year"}}[record["precision"]]
        assert set(slide["start_date"]) == keys
        assert all(isinstance(v, int) for v in slide["start_date"].values())
        assert ("end_date" in slide) == (record["precision"] == "week")
        assert set(slide["text"]) == {"headline", "text"}
        assert f'href="{URL}index.html#{slide["unique_id"]}"' in slide["text"]["text"]


def test_timelinejs_dates_keep_their_precision() -> None:
    assert exports.timelinejs_date(PartialDate(2020, week=24)) == {"year": 2020, "month": 6,
                                                                   "day": 8}
    assert exports.timelinejs_date(PartialDate(2020, week=24), end=True)["day"] == 14
    assert exports.timelinejs_date(PartialDate(2019, 4)) == {"year": 2019, "month": 4}
    assert exports.timelinejs_date(PartialDate(2011)) == {"year": 2011}
    tl = json.loads(exports.timelinejs(sample_timeline(), SiteConfig(base_path="/REPO/")))
    assert any('href="/REPO/index.html#ev-meet"' in s["text"]["text"] for s in tl["events"])
    assert all("<script>" not in s["text"]["headline"] for s in tl["events"])


def test_exports_are_the_same_whatever_order_the_timeline_comes_in() -> None:
    timeline = sample_timeline()
    shuffled = Timeline(timeline.articles[::-1], timeline.actors[::-1], timeline.events[::-1])
    config = SiteConfig(url=URL, base_path="/REPO/")
    first = exports.export_files(timeline, config, ["index.html"])
    assert exports.export_files(shuffled, config, ["index.html"]) == first


def test_export_files_sorts_once_and_gives_what_each_export_gives() -> None:
    timeline = sample_timeline()
    for config in (SiteConfig(), SiteConfig(url=URL), SiteConfig(base_path="/REPO/")):
        files = exports.export_files(timeline, config, ["index.html"])
        updated = feeds.feed_updated(timeline)
        assert files["data/events.csv"] == exports.events_csv(timeline, config)
        assert files["data/events.ics"] == ical.calendar(timeline, config, updated)
        assert files["data/timelinejs.json"] == exports.timelinejs(timeline, config)
        assert files["feed.json"] == feeds.json_feed(timeline, config, updated)
        assert {p: b for p, b in files.items() if p.endswith(".xml") and p != "sitemap.xml"} \
            == feeds.atom_feeds(timeline, config, updated)
