"""A reader in a real browser: the timeline, its links, the filters, search and the charts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browsertools import PART_BYTES

from generator.output import search, searchparts

pytestmark = pytest.mark.browser


def visible_events(page) -> int:
    return page.locator("article.event:visible").count()


def test_event_leads_to_its_actor_and_to_the_marked_sentence(page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    assert page.locator("h1").inner_text()
    event = page.locator("article.event").filter(has=page.locator("a[data-actor]")).first
    # the card's heading is its date, then its title (the heading's last text)
    title = event.locator(".event-title").evaluate("h => h.lastChild.textContent.trim()")
    actor = event.locator("a[data-actor]").first
    name = actor.inner_text()
    actor.click()
    page.wait_for_url(re.compile(r"/REPO/actors/[^/]+\.html$"))
    assert page.locator("h1").inner_text() == name
    page.locator(".event-list a", has_text=title).first.click()  # back to the card
    page.wait_for_url(re.compile(r"/REPO/(index|timeline/[^/]+)\.html#ev-[^/]+$"))
    heading = page.locator(":target")
    assert title in heading.inner_text() and heading.is_visible()
    source = page.locator("article.event", has=heading).locator(".event-sources a").first
    source.click()
    page.wait_for_url(re.compile(r"/REPO/articles/[^/]+\.html#s-\d+$"))
    fragment = page.url.rsplit("#", 1)[1]
    marked = page.locator(f"mark#{fragment}")
    assert marked.count() == 1
    assert marked.evaluate("el => el.matches(':target')")
    assert marked.is_visible()


def test_filter_by_actor_without_reload_keeps_the_state_in_the_url(page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    total = visible_events(page)
    select = page.get_by_label("Actor", exact=True)
    option = select.locator("option", has_text="Lavrov").first
    key = option.get_attribute("value")
    page.evaluate("window.marker = 'same page'")
    select.select_option(key)
    assert f"actor={key}" in page.url
    assert page.evaluate("window.marker") == "same page"  # no reload happened
    shown = visible_events(page)
    assert 0 < shown < total
    for card in page.locator("article.event:visible").all():
        assert key in (card.get_attribute("data-actors") or "").split()
    assert f"Showing {shown} of {total} events" in page.get_by_role("status").inner_text()
    page.reload()
    assert page.get_by_label("Actor", exact=True).input_value() == key
    assert visible_events(page) == shown
    page.get_by_label("Year", exact=True).select_option("2019")
    assert "year=2019" in page.url
    assert all(c.get_attribute("data-year") == "2019"
               for c in page.locator("article.event:visible").all())
    page.get_by_role("button", name="Show all").click()
    assert visible_events(page) == total
    assert "actor=" not in page.url


def test_without_javascript_there_are_no_controls_and_every_event_shows(browser, site_url) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "index.html?actor=sergey-lavrov")
    assert page.locator("#timeline-filters").is_hidden()
    assert visible_events(page) == page.locator("article.event").count()
    context.close()


def test_chart_bars_link_to_their_month(page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    bar = page.locator("figure.chart a.chart-link").first
    label = bar.locator("title").text_content()
    bar.click()
    month = page.url.rsplit("#", 1)[1]
    assert re.fullmatch(r"m-\d{4}-\d{2}", month)
    assert page.locator(f"#{month} h3").inner_text() == label.split(":")[0]


def test_actor_page_draws_its_activity(page, site_url: str) -> None:
    page.goto(site_url + "actors/sergey-lavrov.html")
    chart = page.locator("figure.chart svg")
    assert chart.get_attribute("aria-labelledby")
    assert page.locator("figure.chart a.chart-link").count() >= 1


def test_search_for_berlin_and_open_a_result(page, site_url: str) -> None:
    page.goto(site_url + "search.html")
    box = page.get_by_label("Search events, actors and articles")
    box.fill("Berlin")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=10_000)
    assert "q=Berlin" in page.url
    filters = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"actor", "kind", "year"} <= {f.strip().lower() for f in filters}
    href = results.first.get_attribute("href")
    assert href.startswith("/REPO/"), href
    results.first.click()
    page.wait_for_load_state()
    assert "/REPO/" in page.url
    assert "Berlin" in page.locator("main").inner_text()


def test_search_over_an_index_in_parts_finds_pages_of_every_part(page, parted_url: str,
                                                                   parted_root: Path) -> None:
    site = parted_root / "REPO"
    parts = searchparts.split(site, search._html_files(site), PART_BYTES)
    part_of = {path: n for n, paths in enumerate(parts) for path in paths}
    page.goto(parted_url + "search.html?q=Berlin")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=10_000)
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__result').length >= 3")
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert all(h.startswith("/REPO/") for h in hrefs), hrefs
    found = {part_of[h.removeprefix("/REPO/").split("#")[0] or "index.html"] for h in hrefs}
    assert len(found) >= 2, hrefs  # one search, over pages indexed in different parts
    filters = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"actor", "kind", "year"} <= {f.strip().lower() for f in filters}
    results.first.click()
    page.wait_for_load_state()
    assert "Berlin" in page.locator("main").inner_text()


def test_search_page_without_index_says_so(browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.route("**/pagefind/pagefind-ui.js", lambda route: route.abort())
    page.goto(site_url + "search.html")
    page.get_by_text("Search is not available here.").wait_for()
    assert page.locator("main a[href='index.html']").count() == 1
    context.close()


def test_opened_from_disk_the_site_reads_and_search_says_it_is_unavailable(page, site_dir) -> None:
    page.goto((site_dir / "index.html").as_uri() + "?actor=sergey-lavrov")
    assert 0 < visible_events(page) < page.locator("article.event").count()  # filters work
    page.goto((site_dir / "search.html").as_uri())
    page.get_by_text("Search is not available here.").wait_for()


def test_an_old_link_finds_its_card_in_a_later_part_of_a_month(page, tmp_path,
                                                                monkeypatch) -> None:
    import csv
    import functools
    import http.server
    import threading

    from generator import cli
    from generator.site import paging

    monkeypatch.setattr(paging, "PAGE_EVENTS", 5)  # April's 12 talks: three parts
    source = tmp_path / "articles"
    source.mkdir()
    talks = " ".join(f"Talk {i} took place in Vienna on April {i}, 2020." for i in range(1, 13))
    (source / "april.md").write_text(f"---\ntitle: A busy April\ndate: 2020-05-01\n---\n\n{talks}\n",
                                     encoding="utf-8")
    site = tmp_path / "www" / "REPO"
    assert cli.main(["build", "--source", str(source), "--output", str(site), "--quiet",
                     "--no-search", "--no-cache"]) == 0
    with (site / "data" / "events.csv").open(encoding="utf-8", newline="") as f:
        links = [row["permalink"] for row in csv.DictReader(f)]
    wanted = next(link for link in links if "-p2.html#" in link)  # on April's second part
    fragment = wanted[wanted.index("#"):]
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/REPO/"
        page.goto(base + "index.html" + fragment)  # an old permalink to the overview
        page.wait_for_url(base + wanted)  # via April's first part, which goes on
        assert page.locator(":target").is_visible()
    finally:
        server.shutdown()
        server.server_close()
