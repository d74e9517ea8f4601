"""A story the generator was not built around (tests/sites/port-strike): no registry, no catalog,
Markdown with front matter, wire-style datelines, bylines and footers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import cli

SRC = Path(__file__).resolve().parent / "sites" / "port-strike" / "src"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("port") / "site"
    assert cli.main(["build", "--source", str(SRC), "--output", str(out), "--quiet"]) == 0
    return json.loads((out / "data" / "events.json").read_text(encoding="utf-8"))


def events_on(data: dict, date: str) -> list[dict]:
    return [e for e in data["events"] if e["date"] == date]


def actor_names(data: dict, event: dict) -> set[str]:
    names = {a["id"]: a["name"] for a in data["actors"]}
    return {names[a] for a in event["actors"]}


def test_publication_dates_come_from_front_matter_source_and_published_lines(data: dict) -> None:
    got = {a["file"]: (a["date"], a["date_origin"]) for a in data["articles"]}
    assert got == {"01-strike-begins.md": ("2023-03-14", "front matter"),
                   "02-minister-meets.txt": ("2023-03-17", "source line"),
                   "03-deal.txt": ("2023-03-22", "published line")}


def test_people_and_organisations_are_found_without_a_registry(data: dict) -> None:
    kinds = {a["name"]: a["kind"] for a in data["actors"]}
    assert kinds["Elena Varga"] == "person"
    assert kinds["Tomas Brandt"] == "person"
    assert kinds["Hanna Lindqvist"] == "person"
    assert kinds["Dockworkers' Union"] == "organization"
    assert kinds["Northport Port Authority"] == "organization"
    assert kinds["Maersk"] == "organization"
    for byline in ("Amira Haddad", "Paul Krasner", "Jan de Vries", "Alex Richardson"):
        assert byline not in kinds


def test_the_announced_meeting_merges_with_its_report_and_is_reported(data: dict) -> None:
    (meeting,) = events_on(data, "2023-03-17")
    assert {s["article"] for s in meeting["sources"]} == {"01-strike-begins", "02-minister-meets"}
    assert meeting["status"] == "reported"
    assert "Elena Varga" in actor_names(data, meeting)


def test_dates_resolve_against_each_articles_own_publication_day(data: dict) -> None:
    assert events_on(data, "2023-03-13")  # "late on Monday", in a Tuesday article
    assert any("Dockworkers' Union" in actor_names(data, e) for e in events_on(data, "2023-03-14"))
    assert [e["status"] for e in events_on(data, "2023-03-23")] == ["planned"]  # "will return on Thursday"
    assert [e["status"] for e in events_on(data, "2023-05-01")] == ["planned"]
    assert events_on(data, "2023-W10")  # "last week", in a Friday article of week 11
    (strike_2015,) = events_on(data, "2015")
    assert len(strike_2015["sources"]) == 2


def test_no_event_takes_its_date_from_furniture_or_numbers(data: dict) -> None:
    dates = {e["date"] for e in data["events"]}
    assert dates <= {"2015", "2023-W10", "2023-03-13", "2023-03-14", "2023-03-17", "2023-03-20",
                     "2023-03-22", "2023-03-23", "2023-04", "2023-05-01"}


# ---- a second story: wire-service datelines (AP, Reuters), military titles, a registry-free
# ---- corpus where one article is dated by its dateline plus the year of its source line.

SUDAN = Path(__file__).resolve().parent / "sites" / "sudan-talks" / "src"


@pytest.fixture(scope="module")
def sudan(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("sudan") / "site"
    assert cli.main(["build", "--source", str(SUDAN), "--output", str(out), "--quiet"]) == 0
    return json.loads((out / "data" / "events.json").read_text(encoding="utf-8"))


def test_dateline_takes_its_year_from_the_source_line(sudan: dict) -> None:
    got = {a["file"]: (a["date"], a["date_origin"]) for a in sudan["articles"]}
    assert got["a2.txt"] == ("2023-05-06", "dateline")


def test_titled_people_are_actors_and_contributors_are_not(sudan: dict) -> None:
    kinds = {a["name"]: a["kind"] for a in sudan["actors"]}
    for person in ("Abdel Fattah Burhan", "Mohamed Hamdan Dagalo", "Volker Perthes",
                   "Antony Blinken", "Omar al-Bashir"):
        assert kinds.get(person) == "person", person
    assert kinds.get("Rapid Support Forces") == "organization"
    for credit in ("Samy Magdy", "Aidan Lewis", "Michael Georgy", "Alison Williams"):
        assert credit not in kinds


def test_announced_talks_merge_with_their_report(sudan: dict) -> None:
    (talks,) = events_on(sudan, "2023-05-06")
    assert {s["article"] for s in talks["sources"]} == {"a1", "a2"}
    assert talks["status"] == "reported"
    (war,) = events_on(sudan, "2023-04-15")
    assert {s["article"] for s in war["sources"]} == {"a1", "a2"}


# ---- a third story: name particles, ranges, a plan for "next week" dated elsewhere.

EU = Path(__file__).resolve().parent / "sites" / "eu-gas-cap" / "src"


@pytest.fixture(scope="module")
def eu(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("eu") / "site"
    assert cli.main(["build", "--source", str(EU), "--output", str(out), "--quiet", "--no-search"]) == 0
    return json.loads((out / "data" / "events.json").read_text(encoding="utf-8"))


def test_a_name_with_particles_is_one_actor(eu: dict) -> None:
    names = {a["name"] for a in eu["actors"]}
    assert "Ursula von der Leyen" in names
    assert not any(n != "Ursula von der Leyen" and "Leyen" in n for n in names)


def test_the_summit_range_is_one_planned_event(eu: dict) -> None:
    summit = [e for e in events_on(eu, "2022-10-20") if e["status"] == "planned"]
    assert [e["sources"][0]["date_text"] for e in summit] == ["Oct. 20-21"]
    assert not [e for e in events_on(eu, "2022-10-21") if e["status"] == "planned"]


def test_a_week_level_plan_joins_the_dated_meeting(eu: dict) -> None:
    (meeting,) = events_on(eu, "2022-10-26")
    assert {s["article"] for s in meeting["sources"]} == {"eu1", "eu2"}
    names = actor_names(eu, meeting)
    assert {"Olaf Scholz", "Emmanuel Macron"} <= names
    assert not [e for e in events_on(eu, "2022-W43") if "Macron" in e["title"]]
