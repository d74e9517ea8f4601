"""The publication date a page states about itself (issue 13): every common shape, and the
dates that must not be taken. Texts are written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.reading import dateline
from generator.reading.readers import read_article

STORY = ("The city council approved the new budget after a long debate, officials said. "
         "The vote was close.")


def _read(text: str, name: str = "a.txt") -> tuple[dt.date | None, str, list[str]]:
    """Date, origin and diagnostics of an article read from `text`."""
    article, diags = read_article(Path(name), name, text.encode(), None)
    assert article is not None
    return article.date, article.date_origin, [d.message for d in diags]


@pytest.mark.parametrize(("header", "day", "origin"), [
    ("March 01, 2008", "2008-03-01", "date line"),
    ("Monday, 8 June 2020", "2020-06-08", "date line"),
    ("Mon 8 Jun 2020 10.21 EDT", "2020-06-08", "date line"),
    ("Tuesday, June 9, 2020 2:30 PM EDT", "2020-06-09", "date line"),
    ("June 9, 2020 at 10:00 a.m. ET", "2020-06-09", "date line"),
    ("Jun. 9, 2020", "2020-06-09", "date line"),
    ("9th of June, 2020", "2020-06-09", "date line"),
    ("08.06.2020", "2020-06-08", "date line"),
    ("2020-06-08", "2020-06-08", "date line"),
    ("2020-06-08T14:32:00+02:00", "2020-06-08", "date line"),
    ("8 June 2020 14:32 GMT | 3 min read", "2020-06-08", "date line"),
    ("Harbour Gazette | Monday, June 8, 2020", "2020-06-08", "date line"),
    ("The Harbour Gazette Monday, June 8, 2020", "2020-06-08", "date line"),
    ("By Jane Doe | June 8, 2020", "2020-06-08", "date line"),
    ("Published: June 8, 2020", "2020-06-08", "published line"),
    ("Published on 8 June 2020 at 10:02 CET", "2020-06-08", "published line"),
    ("By Jane Doe Published June 8, 2020 10:00 a.m.", "2020-06-08", "published line"),
    ("Posted on June 8, 2020 by admin", "2020-06-08", "published line"),
    ("Added: 2020-06-08 10:00", "2020-06-08", "published line"),
    ("Datum: 08.06.2020", "2020-06-08", "published line"),
    ("Date: 13/06/2020", "2020-06-13", "published line"),
    ("https://news.example.com/world/2020/06/08/council-budget", "2020-06-08", "URL"),
    ("https://news.example.com/2020-06-08-council-budget.html", "2020-06-08", "URL"),
    ("Last updated 9 June 2020", "2020-06-09", "updated line"),
    ("Updated: 10:32 AM EDT, Tue June 9, 2020", "2020-06-09", "updated line"),
    ("Published 14:32, 8 June 2020", "2020-06-08", "published line"),
    ("14:32, 8 June 2020", "2020-06-08", "date line"),
])
def test_header_shapes(header: str, day: str, origin: str) -> None:
    found, how, diags = _read(f"Council passes budget\n\n{header}\n\n{STORY}\n")
    assert (str(found), how) == (day, origin)
    assert not [m for m in diags if "publication date" in m]


def test_city_dateline_with_year_and_colon() -> None:
    found, how, _ = _read(f"Council passes budget\n\nKyiv, 8 June 2020: {STORY}\n")
    assert (found, how) == (dt.date(2020, 6, 8), "dateline")


@pytest.mark.parametrize("lead", [
    "MOSCOW, June 8, 2020. /TASS/. ",
    "LAGOS, Nigeria, June 8, 2020 (Reuters) - ",
    "WASHINGTON, 8 June 2020 (AP) -- ",
])
def test_agency_datelines_with_the_year(lead: str) -> None:
    found, how, _ = _read(f"Council passes budget\n\n{lead}{STORY}\n")
    assert (found, how) == (dt.date(2020, 6, 8), "dateline")


def test_url_on_the_first_line_before_the_title() -> None:
    text = f"https://example.org/news/20200608/budget\nCouncil passes budget\n\n{STORY}\n"
    assert _read(text)[:2] == (dt.date(2020, 6, 8), "URL")


def test_published_wins_over_an_updated_line_before_it() -> None:
    text = f"Council passes budget\n\nUpdated: 10 June 2020\nPublished: 8 June 2020\n\n{STORY}\n"
    assert _read(text)[:2] == (dt.date(2020, 6, 8), "published line")
    one_line = f"Council passes budget\n\nUpdated 10 June 2020 | Published 8 June 2020\n\n{STORY}\n"
    assert _read(one_line)[:2] == (dt.date(2020, 6, 8), "published line")


def test_a_date_line_wins_over_an_updated_line() -> None:
    text = f"Council passes budget\n\nLast updated 10 June 2020\n\nJune 8, 2020\n\n{STORY}\n"
    assert _read(text)[:2] == (dt.date(2020, 6, 8), "date line")


def test_first_date_of_the_header_governs() -> None:
    text = f"Council passes budget\n\nJune 8, 2020\n\nJune 1, 2021\n\n{STORY}\n"
    assert _read(text)[0] == dt.date(2020, 6, 8)


@pytest.mark.parametrize("text", [
    # a date inside a story sentence, in the first paragraph and later
    "Council passes budget\n\nOn March 3, 2019, the council approved the new budget, officials said.\n",
    f"Council passes budget\n\n{STORY}\n\nThe plan was first published on June 8, 2020.\n",
    # the story's first line mentions a date after a name, but it is a sentence
    "Council passes budget\n\nMayor Jane Doe said on Monday, June 8, 2020 that the vote was close.\n",
    # 03/04/2020 is March or April depending on the country: never guessed
    f"Council passes budget\n\n03/04/2020\n\n{STORY}\n",
    # a date without a year on a line of its own
    f"Council passes budget\n\nMonday, June 8\n\n{STORY}\n",
    # a chronology below a long first paragraph that lacks its final full stop
    "Council passes budget\n\n" + "The council debated the budget for many hours " * 5 + "\n\n"
    "June 8, 2020\n\nThe first vote failed.\n",
    # a date far below the header, after the story has started
    f"Council passes budget\n\n{STORY}\n\nJune 8, 2020\n\n{STORY}\n",
])
def test_dates_that_must_not_be_taken(text: str) -> None:
    found, how, diags = _read(text)
    assert (found, how) == (None, "undated")
    assert any("could not infer a publication date" in m for m in diags)


def test_yearless_dateline_without_evidence_stays_undated() -> None:
    found, _, diags = _read(f"Council passes budget\n\nMOSCOW, June 8. /TASS/. {STORY}\n")
    assert found is None
    assert any("gives no year" in m for m in diags)


def test_yearless_dateline_takes_its_year_from_the_address() -> None:
    text = (f"https://example.org/2020/06/budget\nCouncil passes budget\n\n"
            f"MOSCOW, June 8. /TASS/. {STORY}\n")
    assert _read(text)[:2] == (dt.date(2020, 6, 8), "dateline")


def test_yearless_dateline_takes_its_year_from_a_full_date_in_the_header() -> None:
    text = f"Council passes budget\n\nJune 9, 2020\n\nMOSCOW, June 8. /TASS/. {STORY}\n"
    assert _read(text)[:2] == (dt.date(2020, 6, 8), "dateline")


def test_date_lines_are_not_titles_or_events() -> None:
    article, _ = read_article(Path("a.txt"), "a.txt",
                              f"Harbour Gazette | Monday, June 8, 2020\n\nCouncil passes budget\n\n"
                              f"{STORY}\n".encode(), None)
    assert article is not None and article.title == "Council passes budget"
    assert all("Gazette" not in s.text for s in article.sentences)


def test_front_matter_still_wins() -> None:
    text = f"---\ndate: 2021-01-02\n---\nCouncil passes budget\n\nJune 8, 2020\n\n{STORY}\n"
    assert _read(text)[:2] == (dt.date(2021, 1, 2), "front matter")


def test_helpers_directly() -> None:
    assert dateline.date_line("The report published on June 8, 2020 said") is None
    assert dateline.labelled("The report was published on June 8, 2020 by the council.") == []
    assert dateline.url_date("see https://x.org/2020/06/story") == (None, 2020)
    assert dateline.city_dateline("On June 8, 2020, the council met.") is None
