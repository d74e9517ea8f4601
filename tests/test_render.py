"""What a reader sees on the rendered site, checked on a small hand-made timeline."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import site_files
from generator.model import (
    Actor,
    Article,
    Event,
    Mention,
    Paragraph,
    PartialDate,
    Role,
    Sentence,
    Source,
    Timeline,
)
from generator.output.eventsjson import events_json
from generator.site import urls
from generator.site.render import SiteConfig

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
STATIC = ROOT / "static"
XSS_TITLE = "<script>alert(1)</script> Berlin process"

# ---------------------------------------------------------------- a small timeline


def make_article(
    article_id: str,
    title: str,
    date: dt.date | None,
    blocks: list[tuple[str, list[str]]],
    outlet: str | None = None,
    url: str | None = None,
) -> Article:
    """An article whose paragraphs are `blocks` (kind, sentences); furniture has no sentences."""
    text, paragraphs, sentences = "", [], []
    for p_index, (kind, parts) in enumerate(blocks):
        if text:
            text += "\n\n"
        start = len(text)
        for s_text in parts:
            if len(text) > start:
                text += " "
            if kind != "furniture":
                s = Sentence(len(sentences), len(text), len(text) + len(s_text), s_text, p_index)
                sentences.append(s)
            text += s_text
        paragraphs.append(Paragraph(p_index, start, len(text), kind))  # type: ignore[arg-type]
    origin = "catalog" if date else "none"
    return Article(
        article_id,
        f"{article_id}.txt",
        title,
        date,
        origin,
        outlet,
        url,
        text,
        tuple(paragraphs),
        tuple(sentences),
    )


ARTICLES = (
    make_article(
        "a1",
        "Ministers meet in Moscow",
        dt.date(2020, 1, 8),
        [
            ("title", ["Ministers meet in Moscow"]),
            (
                "body",
                [
                    "Sergei Lavrov met Mevlut Cavusoglu in Moscow on 8 January 2020.",
                    "They discussed Libya.",
                ],
            ),
            ("heading", ["Ceasefire talks"]),
            (
                "body",
                [
                    "Turkey and Russia called for a ceasefire in January 2020.",
                    "A summit is planned for the week of 8 June 2020.",
                ],
            ),
            ("caption", ["Lavrov at the press conference."]),
            ("furniture", ["Subscribe to our newsletter"]),
        ],
        outlet="Daily Planet",
        url="https://example.com/news/a1?x=1&y=2",
    ),
    make_article(
        "a2",
        XSS_TITLE,
        dt.date(2020, 6, 17),
        [
            (
                "body",
                [
                    "The United Nations backed the Berlin process in 2020.",
                    "In April 2019 Khalifa Haftar launched an offensive on Tripoli.",
                    "On 17 June 2020 Lavrov welcomed help from the United States.",
                ],
            ),
        ],
        outlet="News <b>Front</b>",
        url="javascript:alert(2)",
    ),
    make_article(
        "a3",
        "Background on Libya",
        None,
        [
            (
                "body",
                [
                    "Libya has been in conflict since 2011.",
                    "The UN recognised the Government of National Accord.",
                ],
            )
        ],
    ),
)

ACTORS = (
    Actor(
        "lavrov",
        "Sergei Lavrov",
        "person",
        ("Lavrov",),
        (Role("Foreign Minister of Russia", PartialDate(2004)),),
        "Russia's foreign minister.",
    ),
    Actor(
        "cavusoglu",
        "Mevlut Cavusoglu",
        "person",
        roles=(Role("Foreign Minister of Turkey", PartialDate(2015, 11), PartialDate(2023, 6)),),
    ),
    Actor("haftar", "Khalifa Haftar", "person"),
    Actor("putin", "Vladimir Putin", "person"),
    Actor("russia", "Russia", "country"),
    Actor("turkey", "Turkey", "country"),
    Actor("libya", "Libya", "country"),
    Actor("germany", "Germany", "country"),
    Actor("un", "United Nations", "organization", ("UN",)),
    Actor("gna", "Government of National Accord", "organization", ("GNA",)),
    Actor("nato", "NATO", "organization"),
)


def source(article: Article, sentence: int, date_text: str = "") -> Source:
    s = article.sentences[sentence]
    return Source(article.id, s.index, s.start, s.end, s.text, date_text)


A1, A2, A3 = ARTICLES
EVENTS = (
    Event(
        "meet",
        PartialDate(2020, 1, 8),
        "8 January 2020",
        "reported",
        "Lavrov and Cavusoglu meet in Moscow",
        ("lavrov", "cavusoglu", "russia", "turkey"),
        ("Moscow",),
        (source(A1, 1, "8 January 2020"),),
    ),
    Event(
        "summit",
        PartialDate(2020, week=24),
        "the week of 8 June 2020",
        "planned",
        "Summit on Libya",
        ("putin", "russia", "turkey", "un"),
        (),
        (source(A1, 5),),
    ),
    Event(
        "conflict",
        PartialDate(2011),
        "2011",
        "reported",
        "Conflict begins in Libya",
        ("libya",),
        (),
        (source(A3, 0, "2011"),),
    ),
    Event(
        "ceasefire",
        PartialDate(2020, 1),
        "January 2020",
        "reported",
        "Russia and Turkey call for a ceasefire",
        ("russia", "turkey", "lavrov"),
        (),
        (source(A1, 4, "January 2020"),),
    ),
    Event(
        "offensive",
        PartialDate(2019, 4),
        "April 2019",
        "reported",
        "Haftar launches an offensive on Tripoli",
        ("haftar", "libya"),
        ("Tripoli",),
        (source(A2, 1, "April 2019"),),
    ),
    Event(
        "berlin",
        PartialDate(2020),
        "2020",
        "reported",
        "UN backs the Berlin process",
        ("un", "germany"),
        (),
        (source(A2, 0, "2020"),),
    ),
    Event(
        "us-role",
        PartialDate(2020, 6, 17),
        "17 June 2020",
        "reported",
        "Lavrov welcomes US help",
        ("lavrov", "russia"),
        (),
        (source(A2, 2, "17 June 2020"), source(A1, 1)),
    ),
)
OLDEST_FIRST = ["conflict", "offensive", "berlin", "ceasefire", "meet", "summit", "us-role"]


def sample_timeline() -> Timeline:
    return Timeline(ARTICLES, ACTORS, EVENTS)


def sample_mentions() -> dict[str, list[Mention]]:
    """Mentions of a1, with an overlap ("Sergei Lavrov" / "Lavrov") to be resolved."""
    text = A1.text

    def at(actor: str, words: str, nth: int = 0) -> Mention:
        start = [m.start() for m in re.finditer(re.escape(words), text)][nth]
        return Mention(actor, start, start + len(words), words)

    return {
        "a1": [
            at("lavrov", "Lavrov", 1),
            at("lavrov", "Sergei Lavrov"),
            at("cavusoglu", "Mevlut Cavusoglu"),
            at("russia", "Russia"),
            at("ghost", "Moscow"),
        ]
    }


def render(timeline: Timeline | None = None, mentions=None) -> dict[str, bytes]:
    config = SiteConfig(title="Libya talks", description="Talks on a ceasefire in Libya.")
    return site_files(timeline or sample_timeline(), config, TEMPLATES, STATIC, mentions)


@pytest.fixture(scope="module")
def site() -> dict[str, str]:
    return {path: content.decode("utf-8") for path, content in render().items()}


# ---------------------------------------------------------------- HTML helpers


class Outline(HTMLParser):
    """Heading levels, ids, hrefs, landmarks and open/close balance of a page."""

    VOID = {"meta", "link", "br", "img", "hr", "input", "source", "wbr"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed {self.stack}")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if "href" in attributes:
            self.hrefs.append(attributes["href"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()


def article_block(html: str, event_id: str) -> str:
    """The event's card (its heading has the id) or its row (its title links to the card)."""
    body = r"(?:(?!</article>).)*?"
    match = re.search(rf'<article class="event[^"]*"[^>]*>{body}'
                      rf'(?:id="ev-{event_id}"|href="[^"]*#ev-{event_id}"){body}</article>', html,
                      re.S)
    assert match, event_id
    return match.group(0)


def order_of_events(html: str) -> list[str]:
    """The events' cards, or else their rows, in the page's order."""
    cards = re.findall(r'<h\d class="event-title" id="ev-([^"]+)"', html)
    return cards or re.findall(r'class="event-title"><a href="[^"]*#ev-([^"]+)"', html)


# ---------------------------------------------------------------- the timeline


def test_site_has_every_page(site):
    expected = {
        "index.html",
        "newest.html",
        "actors/index.html",
        "articles/index.html",
        "data/events.json",
        "static/style.css",
        "static/filter.js",
        "static/search.js",
        "static/favicon.svg",
        urls.SEARCH,
    }
    expected |= {urls.actor_path(a.id) for a in ACTORS}
    expected |= {urls.article_path(a.id) for a in ARTICLES}
    expected |= {urls.NOT_FOUND, urls.NOJEKYLL, urls.FEED_ATOM, urls.FEED_JSON, urls.DATA_CSV,
                 urls.DATA_ICS, urls.DATA_TIMELINEJS, urls.DATA_SCHEMA}
    expected |= {urls.actor_feed_path(a.id) for a in ACTORS}
    assert set(site) == expected


def test_timeline_lists_events_oldest_first(site):
    assert order_of_events(site["index.html"]) == OLDEST_FIRST


def test_timeline_groups_by_year_then_month_with_vague_dates_on_top(site):
    html = site["index.html"]
    headings = re.findall(r"<h([23]) id=\"[^\"]+\">([^<]+)</h\1>", html)
    assert [text for _, text in headings] == [
        "2011",
        "Sometime in 2011",
        "2019",
        "April 2019",
        "2020",
        "Sometime in 2020",
        "January 2020",
        "June 2020",
        "Undated articles",
    ]
    january = html[html.index(">January 2020</h3>") : html.index(">June 2020</h3>")]
    assert january.index("Sometime in January 2020") < january.index('id="ev-ceasefire"')
    assert january.index('id="ev-ceasefire"') < january.index('id="ev-meet"')


def test_events_show_human_dates_in_time_elements(site):
    html = site["index.html"]
    assert '<time datetime="2020-01-08">8 January 2020</time>' in html
    assert '<time datetime="2020-W24">week of 8 June 2020</time>' in html
    assert '<time datetime="2019-04">April 2019</time>' in html
    assert '<time datetime="2011">2011</time>' in html


def test_only_the_planned_event_has_the_badge(site):
    html = site["index.html"]
    assert "Planned" in article_block(html, "summit")
    for event_id in set(OLDEST_FIRST) - {"summit"}:
        assert "Planned" not in article_block(html, event_id)


def test_newest_rows_are_compact_and_link_to_the_card(site):
    block = article_block(site["newest.html"], "meet")
    assert ('<h4 class="event-title"><a href="index.html#ev-meet">Lavrov and Cavusoglu meet in '
            'Moscow</a></h4>' in block)
    assert '<a href="actors/lavrov.html" data-actor="lavrov">Sergei Lavrov</a>' in block
    assert '<a href="actors/turkey.html" data-actor="turkey">Turkey</a>' in block
    assert "blockquote" not in block and "articles/a1.html" not in block  # no quotes here
    assert "<blockquote" not in site["newest.html"] and 'id="ev-' not in site["newest.html"]


def test_a_row_names_its_first_actors_only(site):
    many = tuple(f"p{i}" for i in range(7))
    event = Event("crowd", PartialDate(2020, 2, 1), "1 February 2020", "reported", "A crowd",
                  many, (), (source(A1, 1),))
    actors = ACTORS + tuple(Actor(i, f"Person {i}", "person") for i in many)
    files = render(Timeline(ARTICLES, actors, EVENTS + (event,)))
    row = article_block(files["newest.html"].decode(), "crowd")
    assert row.count("<a href=\"actors/") == 4 and row.endswith(" and 3 more</p></article>")
    assert 'data-actors="p0 p1 p2 p3 p4 p5 p6"' in row  # the filters still know them all


def test_the_timeline_holds_each_events_full_card(site):
    html = site["index.html"]
    card = article_block(html, "us-role")
    assert ('<h4 class="event-title" id="ev-us-role"><time datetime="2020-06-17">17 June 2020'
            '</time><span class="visually-hidden">: </span> Lavrov welcomes US help</h4>' in card)
    assert '<a href="actors/lavrov.html" data-actor="lavrov">Sergei Lavrov</a>' in card
    assert 'href="articles/a2.html#s-2"' in card and 'href="articles/a1.html#s-1"' in card
    quote = A2.sentences[2].text
    assert f'<blockquote class="quote">{quote}</blockquote>' in card
    assert "data-pagefind-body" in html and 'data-pagefind-meta="title"' in html
    assert "data-pagefind-body" not in site["newest.html"]  # the cards are found once
    assert not any(path.startswith("events/") for path in site)  # no page per event


def test_a_card_shows_the_first_ten_sources_and_counts_the_rest():
    many = tuple(make_article(f"m{i:02}", f"Report {i}", dt.date(2020, 3, 2), [
        ("body", [f"The summit opened on 1 March 2020, report {i} said."])]) for i in range(13))
    event = Event("summit-day", PartialDate(2020, 3, 1), "1 March 2020", "reported",
                  "The summit opened", (), (), tuple(source(a, 0) for a in many))
    files = render(Timeline(ARTICLES + many, ACTORS, EVENTS + (event,)))
    card = article_block(files["index.html"].decode(), "summit-day")
    assert card.count('<blockquote class="quote">') == 10
    assert "Sources (13; the first 10):" in card
    assert '… and 3 more sources, all in <a href="data/events.json">the data</a>' in card
    last = files["articles/m12.html"].decode()  # a source the card leaves out still links it
    assert 'href="../index.html#ev-summit-day"' in last
    data = json.loads(files["data/events.json"])
    (record,) = [e for e in data["events"] if e["id"] == "summit-day"]
    assert len(record["sources"]) == 13  # the data keeps every one


def test_newest_first_page_is_the_same_reversed(site):
    assert order_of_events(site["newest.html"]) == OLDEST_FIRST[::-1]
    for page in ("index.html", "newest.html"):
        assert 'href="newest.html"' in site[page] and 'href="index.html"' in site[page]
    assert 'href="index.html#ev-meet"' in site["newest.html"]


def test_undated_articles_are_listed(site):
    html = site["index.html"]
    undated = html[html.index('id="undated"') :]
    assert '<a href="articles/a3.html">Background on Libya</a>' in undated
    assert "Ministers meet" not in undated


# ---------------------------------------------------------------- actors


def test_actor_index_groups_by_kind_with_counts(site):
    html = site["actors/index.html"]
    assert html.index(">People</h2>") < html.index(">Countries</h2>")
    assert html.index(">Countries</h2>") < html.index(">Organisations</h2>")
    assert re.search(r'href="russia.html">Russia</a> <span class="count">4 events', html)
    assert 'href="nato.html"' not in html  # an actor without events is not listed
    assert re.search(r'href="haftar.html">Khalifa Haftar</a> <span class="count">1 event<', html)


def test_actor_page_shows_roles_events_and_companions(site):
    html = site["actors/lavrov.html"]
    assert "<h1>Sergei Lavrov</h1>" in html and "Russia&#39;s foreign minister." in html
    assert "Foreign Minister of Russia" in html and "since 2004" in html
    events = re.findall(r'href="../index.html#ev-([^"]+)"', html)
    assert events == ["ceasefire", "meet", "us-role"]
    assert re.findall(r'<h3 id="y-(\d+)">', html) == ["2020"]  # grouped by year
    companions = html[html.index("Appears most with") :]
    found = re.findall(r'href="([a-z]+).html">[^<]+</a> <span class="count">(\d+)', companions)
    assert found == [("russia", "3"), ("turkey", "2"), ("cavusoglu", "1")]
    assert 'First appears</dt>\n<dd><time datetime="2020-01">January 2020</time>' in html
    assert 'Last appears</dt>\n<dd><time datetime="2020-06-17">17 June 2020</time>' in html


def test_actor_role_ranges_read_naturally(site):
    assert "November 2015 – June 2023" in site["actors/cavusoglu.html"]


def test_actor_without_events_says_so(site):
    html = site["actors/nato.html"]
    assert "takes part in no dated event" in html and "First appears" not in html


# ---------------------------------------------------------------- articles


def test_article_page_marks_exactly_the_event_sentences(site):
    html = site["articles/a1.html"]
    assert re.findall(r'<mark id="s-(\d+)">', html) == ["1", "4", "5"]
    ids = [i for i in Outline(html).ids if i.startswith("s-")]
    shown = {p.index for p in A1.paragraphs if p.kind not in ("title", "furniture")}
    assert ids == [f"s-{s.index}" for s in A1.sentences if s.paragraph in shown]
    mark = re.search(r'<mark id="s-1">(.*?)</mark>(.*?)</p>', html, re.S)
    assert mark.group(1) == "Sergei Lavrov met Mevlut Cavusoglu in Moscow on 8 January 2020."
    assert 'href="../index.html#ev-meet"' in mark.group(2)
    assert 'href="../index.html#ev-us-role"' in mark.group(2)
    # each date link is described, for a screen reader, by the sentence it follows
    refs = re.findall(r'<a class="event-ref" href="[^"]+" aria-describedby="([^"]+)">', html)
    assert refs and all(f'<mark id="{ref}">' in html for ref in refs)
    assert 'aria-describedby="s-1"' in mark.group(2)


def test_article_page_shows_metadata_and_structure(site):
    html = site["articles/a1.html"]
    assert "<h1>Ministers meet in Moscow</h1>" in html
    assert "Daily Planet" in html and "date from" not in html  # the build report says it
    assert '<a href="https://example.com/news/a1?x=1&amp;y=2"' in html
    assert '<h3><span id="s-3">Ceasefire talks</span></h3>' in html
    assert '<figcaption><span id="s-6">Lavrov at the press conference.</span></figcaption>' in html
    assert "Subscribe to our newsletter" not in html  # furniture is not shown
    assert html.count("Ministers meet in Moscow") == 2  # <title> and <h1>: not in the text


def test_articles_index_lists_all_with_date_and_outlet(site):
    html = site["articles/index.html"]
    assert re.findall(r'<li><a href="(a\d).html">', html) == ["a1", "a2", "a3"]
    assert '<time datetime="2020-01-08">8 January 2020</time>' in html
    assert "Daily Planet" in html and "date unknown" in html


def test_mentions_link_actors_without_nesting():
    html = render(mentions=sample_mentions())["articles/a1.html"].decode()
    mark = re.search(r'<mark id="s-1">(.*?)</mark>', html, re.S).group(1)
    assert mark == (
        '<a href="../actors/lavrov.html">Sergei Lavrov</a> met '
        '<a href="../actors/cavusoglu.html">Mevlut Cavusoglu</a>'
        " in Moscow on 8 January 2020."
    )
    assert '<a href="../actors/russia.html">Russia</a>' in html
    assert Outline(html).errors == []


# ---------------------------------------------------------------- safety and quality


def test_article_text_and_urls_are_escaped(site):
    pages = {path: html for path, html in site.items() if path.endswith(".html")}
    ours = re.compile(r'<script src="(\.\./)?static/(filter|search)\.js"></script>'
                      r'|<script>\n/\* Where the site lives is not configured.*?</script>'
                      r'|<script>\n/\* The page of one event.*?</script>', re.S)
    for path, html in pages.items():
        assert "<script" not in ours.sub("", html), path
        assert "<b>Front" not in html, path
        assert not [
            h
            for h in Outline(html).hrefs
            if not h.startswith(("https:", "#")) and ":" in h.split("/")[0]
        ], path
    page = site["articles/a2.html"]
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Berlin process</h1>" in page
    assert "javascript:alert(2)" in page  # shown as text, not as a link
    assert "News &lt;b&gt;Front&lt;/b&gt;" in page


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "newest.html",
        "actors/index.html",
        "actors/lavrov.html",
        "articles/index.html",
        "articles/a1.html",
    ],
)
def test_pages_are_accessible_html(site, page):
    html = site[page]
    outline = Outline(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert outline.errors == []
    assert len(outline.ids) == len(set(outline.ids)), "duplicate ids"
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    assert {"header", "nav", "main", "footer"} <= set(outline.tags)
    assert outline.headings[0] == 1 and outline.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:], strict=False))
    assert not [h for h in outline.hrefs if h.startswith("/")], "root-relative links"


def test_links_are_relative_to_each_page(site):
    assert 'href="../static/style.css"' in site["actors/lavrov.html"]
    assert 'href="static/style.css"' in site["index.html"]
    assert 'href="../articles/a1.html#s-1"' not in site["index.html"]


# ---------------------------------------------------------------- data and determinism


def test_events_json_has_the_documented_shape(site):
    data = json.loads(site["data/events.json"])
    assert site["data/events.json"].endswith("}\n")
    assert list(data) == ["articles", "actors", "events"]
    assert [a["id"] for a in data["articles"]] == ["a1", "a2", "a3"]
    assert data["articles"][2] == {
        "id": "a3",
        "file": "a3.txt",
        "title": "Background on Libya",
        "date": None,
        "date_origin": "none",
        "outlet": None,
        "url": None,
    }
    assert data["articles"][0]["date"] == "2020-01-08"
    assert [a["id"] for a in data["actors"]] == sorted(a.id for a in ACTORS)
    cav = next(a for a in data["actors"] if a["id"] == "cavusoglu")
    assert list(cav) == ["id", "name", "kind", "aliases", "roles", "description"]
    assert cav["roles"] == [
        {"title": "Foreign Minister of Turkey", "from": "2015-11", "to": "2023-06"}
    ]
    assert [e["id"] for e in data["events"]] == OLDEST_FIRST
    summit = next(e for e in data["events"] if e["id"] == "summit")
    assert summit["date"] == "2020-W24" and summit["precision"] == "week"
    assert summit["status"] == "planned" and summit["actors"] == ["putin", "russia", "turkey", "un"]
    assert list(summit) == [
        "id",
        "date",
        "precision",
        "date_text",
        "status",
        "title",
        "actors",
        "places",
        "sources",
    ]
    assert list(summit["sources"][0]) == [
        "article",
        "sentence",
        "start",
        "end",
        "quote",
        "date_text",
    ]
    assert summit["sources"][0]["quote"] == "A summit is planned for the week of 8 June 2020."
    assert data == events_json(sample_timeline())


def test_rendering_is_deterministic_and_input_order_free():
    first, second = render(), render()
    assert first == second
    shuffled = Timeline(ARTICLES[::-1], ACTORS[::-1], EVENTS[::-1])
    assert render(shuffled) == first


def test_static_files_are_copied(site):
    assert site["static/style.css"] == (STATIC / "style.css").read_text(encoding="utf-8")


def test_empty_timeline_renders():
    files = render(Timeline((), (), ()))
    assert "No dated events were found." in files["index.html"].decode()


# ---------------------------------------------------------------- urls


@pytest.mark.parametrize(
    ("source_page", "target", "link"),
    [
        ("index.html", "actors/x.html", "actors/x.html"),
        ("actors/a.html", "actors/x.html", "x.html"),
        ("actors/a.html", "index.html#ev-1", "../index.html#ev-1"),
        ("index.html", "index.html#ev-1", "#ev-1"),
        ("articles/a.html", "articles/a.html#s-2", "#s-2"),
        ("articles/a.html", "static/style.css", "../static/style.css"),
        ("a/b/c.html", "a/d/e.html", "../d/e.html"),
    ],
)
def test_relative_links(source_page, target, link):
    assert urls.relative(source_page, target) == link


def test_unsafe_ids_get_safe_distinct_names():
    assert urls.article_path("000_e03eaf84c137d225") == "articles/000_e03eaf84c137d225.html"
    names = {urls.safe_name(i) for i in ("index", "a/b", "a b", "../x", "Ré", "")}
    assert len(names) == 6
    assert all(re.fullmatch(r"[a-z0-9-]+", n) for n in names)
    assert urls.event_anchor("x y") != urls.event_anchor("x-y")
