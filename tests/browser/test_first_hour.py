"""What a newcomer sees first: events on the first screen, clean article pages, search that
finds events first, a favicon, and a 404 page whose links work without a configured URL."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path

import pytest
from browsertools import SEEDS, SUB_PATH

pytestmark = pytest.mark.browser

FIRST_SCREENS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.mark.parametrize("screen", sorted(FIRST_SCREENS))
def test_the_first_screen_of_the_timeline_shows_an_event(browser, site_url: str,
                                                         screen: str) -> None:
    width, height = FIRST_SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_url + "index.html")
    first = page.locator("article.event").first.bounding_box()
    title = page.locator("article.event .event-title").first.bounding_box()
    context.close()
    assert first is not None and title is not None
    assert title["y"] + title["height"] <= height, f"first event title at y={title['y']:.0f}"


def test_article_page_shows_the_text_without_furniture_or_a_repeated_headline(
        page, site_url: str) -> None:
    page.goto(site_url + "articles/index.html")
    links = page.locator("main a[href^='0']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs, "no article pages listed"
    for href in hrefs:
        page.goto(site_url + "articles/" + href)
        headline = page.locator("h1").inner_text().strip()
        text = page.locator("section.article-text").evaluate(
            "s => { const c = s.cloneNode(true);"
            " c.querySelectorAll('.event-ref').forEach(e => e.remove()); return c.innerText; }")
        assert "ADVERTISEMENT" not in text and "Loading ..." not in text, href
        assert "date from" not in page.locator("main").inner_text(), href
        assert text.count(headline) == 0, f"{href}: the headline is repeated in the text"


def test_a_word_from_an_event_title_finds_that_event_first(page, site_url: str,
                                                           site_dir: Path) -> None:
    data = json.loads((site_dir / "data" / "events.json").read_text(encoding="utf-8"))
    texts = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")).casefold()
    word, event = _distinctive_title_word(data["events"], texts)
    page.goto(site_url + "search.html")
    page.get_by_label("Search events, actors and articles").fill(word)
    results = page.locator(".pagefind-ui__result")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 1, "the word should also match actor or article pages"
    # the first result is the timeline page; the event's card is among its sub-results
    nested = results.first.locator(".pagefind-ui__result-nested .pagefind-ui__result-link")
    nested.first.wait_for(timeout=10_000)  # a result's sub-results come with its data, later
    hrefs = [link.get_attribute("href") or "" for link in nested.all()]
    assert any(h.endswith(f"#ev-{event['id']}") for h in hrefs), (word, hrefs)
    card = nested.nth(next(i for i, h in enumerate(hrefs) if h.endswith(f"#ev-{event['id']}")))
    label = card.inner_text()
    assert event["title"][:30] in label
    assert re.search(r"\b(19|20)\d\d\b", label), f"no date in the result's label: {label}"


def _distinctive_title_word(events: list[dict], texts: str) -> tuple[str, dict]:
    """A word that is in exactly one event's title and also in the articles' text."""
    counts: dict[str, list[dict]] = {}
    for event in events:
        for word in set(re.findall(r"[A-Za-z]{6,}", event["title"])):
            counts.setdefault(word.casefold(), []).append(event)
    for word in sorted(counts):
        if len(counts[word]) == 1 and texts.count(word) >= 2:
            return word, counts[word][0]
    raise AssertionError("no distinctive word in the event titles")


def test_every_page_has_a_favicon_that_loads(page, site_url: str) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for path in ("index.html", "actors/index.html", "articles/index.html", "search.html"):
        page.goto(site_url + path)
        icon = page.locator("link[rel=icon]")
        assert icon.count() == 1, path
    assert failed == []


class _PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like GitHub Pages: a missing address gets the site's 404.html, status 404."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / SUB_PATH / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def test_an_old_event_page_address_goes_on_to_its_card(page, served_root: Path,
                                                       site_dir: Path) -> None:
    event = json.loads((site_dir / "data" / "events.json").read_text(encoding="utf-8"))[
        "events"][3]
    handler = functools.partial(_PagesLikeHandler, directory=str(served_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
        page.goto(base + f"events/{event['id']}.html")  # an older site's event page
        page.wait_for_url(base + f"index.html#ev-{event['id']}")
        card = page.locator(":target")
        assert event["title"] in card.inner_text() and card.is_visible()
    finally:
        server.shutdown()
        server.server_close()


def test_404_page_links_work_at_any_depth_without_a_configured_url(page,
                                                                   served_root: Path) -> None:
    handler = functools.partial(_PagesLikeHandler, directory=str(served_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
        page.goto(base + "actors/gone/deeper.html")
        assert page.locator("h1").inner_text() == "Page not found"
        page.wait_for_function("document.querySelector('base') !== null")
        page.locator("main").get_by_role("link", name="Actors").click()
        page.wait_for_load_state()
        assert page.url == base + "actors/index.html"
        assert page.locator("h1").inner_text() == "Actors"
    finally:
        server.shutdown()
        server.server_close()
