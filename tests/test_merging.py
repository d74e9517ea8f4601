"""Event identity: reports of one happening become one event, whatever precision they give."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
from test_events import make_article, run

from generator import cli
from generator.model import Event

NAMES = {"Acme": "acme", "Borealis": "borealis", "Dunmore": "dunmore", "Kestrel": "kestrel"}


def _not_leads(events: tuple[Event, ...]) -> list[Event]:
    return [e for e in events if all(s.quote != "Intro." for s in e.sources)]


def test_a_month_mention_joins_the_day_another_source_gives() -> None:
    day = make_article("a", dt.date(2021, 3, 6),
                       "Intro. On March 4, Acme recalled 4,000 tractors over faulty brakes")
    month = make_article("b", dt.date(2021, 5, 2),
                         "Intro. In March, Acme recalled 4,000 tractors with faulty brakes")
    (event,) = _not_leads(run(day, month, names=NAMES))
    assert event.date.iso() == "2021-03-04"
    assert event.date_text == "March 4"
    assert {s.article for s in event.sources} == {"a", "b"}
    assert event.disputed == ()


def test_last_month_joins_the_day() -> None:
    day = make_article("a", dt.date(2021, 3, 6),
                       "Intro. Borealis opened a steel mill in Dunmore on March 2")
    later = make_article("b", dt.date(2021, 4, 12),
                         "Intro. Borealis, which opened its steel mill in Dunmore last month, "
                         "is hiring")
    (event,) = _not_leads(run(day, later, names=NAMES))
    assert event.date.iso() == "2021-03-02"
    assert {s.article for s in event.sources} == {"a", "b"}
    assert {s.date.iso() for s in event.sources if s.date} == {"2021-03-02", "2021-03"}


def test_two_happenings_of_one_actor_in_one_month_stay_apart() -> None:
    one = make_article("a", dt.date(2021, 3, 20),
                       "Intro. Acme recalled 4,000 tractors over faulty brakes on March 4. "
                       "Acme opened a new factory in Kestrel on March 18")
    two = make_article("b", dt.date(2021, 5, 2),
                       "Intro. In March, Acme opened a new factory in Kestrel. "
                       "In March, Acme also cut its dividend")
    events = _not_leads(run(one, two, names=NAMES))
    got = sorted((e.date.iso(), tuple(sorted({s.article for s in e.sources}))) for e in events)
    assert got == [("2021-03", ("b",)), ("2021-03-04", ("a",)), ("2021-03-18", ("a", "b"))]


def test_a_coarse_mention_matching_two_events_equally_stays_alone() -> None:
    one = make_article("a", dt.date(2021, 3, 20),
                       "Intro. Acme and Borealis signed a supply deal on March 4. "
                       "Acme and Borealis signed a supply deal on March 18")
    two = make_article("b", dt.date(2021, 5, 2),
                       "Intro. In March, Acme and Borealis signed a supply deal")
    dates = sorted(e.date.iso() for e in _not_leads(run(one, two, names=NAMES)))
    assert dates == ["2021-03", "2021-03-04", "2021-03-18"]


def test_an_earlier_this_year_mention_joins_the_day() -> None:
    day = make_article("a", dt.date(2021, 2, 10),
                       "Intro. Kestrel resigned as chairman of Borealis on February 8")
    later = make_article("b", dt.date(2021, 9, 1),
                         "Intro. Kestrel resigned as chairman of Borealis earlier this year")
    (event,) = _not_leads(run(day, later, names=NAMES))
    assert event.date.iso() == "2021-02-08"
    assert {s.article for s in event.sources} == {"a", "b"}


def test_same_day_different_words_shared_actors_merge() -> None:
    one = make_article("a", dt.date(2021, 6, 9),
                       "Intro. On June 8, Kestrel met Dunmore to discuss the merger")
    two = make_article("b", dt.date(2021, 6, 10),
                       "Intro. Kestrel and Dunmore held talks in private on June 8")
    (event,) = _not_leads(run(one, two, names=NAMES))
    assert event.date.iso() == "2021-06-08"
    assert {s.article for s in event.sources} == {"a", "b"}


def test_sources_giving_different_days_make_one_event_that_shows_both() -> None:
    one = make_article("a", dt.date(2021, 6, 9),
                       "Intro. Acme sold its tractor division to Borealis for 300 million "
                       "dollars on June 7")
    two = make_article("b", dt.date(2021, 6, 10),
                       "Intro. On June 8, Acme sold its tractor division to Borealis for "
                       "300 million dollars")
    three = make_article("c", dt.date(2021, 6, 10),
                         "Intro. Acme agreed on June 8 to sell the tractor division to Borealis "
                         "for 300 million dollars")
    (event,) = _not_leads(run(one, two, three, names=NAMES))
    assert [d.iso() for d in event.disputed] == ["2021-06-07", "2021-06-08"]
    assert event.date.iso() == "2021-06-08"  # the day most sources give
    says = {s.article: s.date.iso() for s in event.sources if s.date}
    assert says == {"a": "2021-06-07", "b": "2021-06-08", "c": "2021-06-08"}


def test_different_days_with_different_numbers_stay_apart() -> None:
    one = make_article("a", dt.date(2021, 6, 9),
                       "Intro. Acme delivered 12 tractors to Borealis on June 7")
    two = make_article("b", dt.date(2021, 6, 10),
                       "Intro. Acme delivered 30 tractors to Borealis on June 8")
    events = _not_leads(run(one, two, names=NAMES))
    assert sorted(e.date.iso() for e in events) == ["2021-06-07", "2021-06-08"]
    assert all(e.disputed == () for e in events)


def test_merging_is_deterministic_in_any_article_order() -> None:
    arts = [make_article("a", dt.date(2021, 3, 6), "Intro. On March 4, Acme recalled 4,000 tractors"),
            make_article("b", dt.date(2021, 5, 2), "Intro. In March, Acme recalled 4,000 tractors"),
            make_article("c", dt.date(2021, 5, 2), "Intro. In March, Acme cut its dividend")]
    first = [(e.id, e.date, len(e.sources)) for e in run(*arts, names=NAMES)]
    again = [(e.id, e.date, len(e.sources)) for e in run(*reversed(arts), names=NAMES)]
    assert first == again


def test_two_month_reports_of_one_actor_with_different_words_stay_apart() -> None:
    one = make_article("a", dt.date(2021, 5, 2), "Intro. In March, Acme opened a factory in Kestrel")
    two = make_article("b", dt.date(2021, 5, 3), "Intro. In March, Acme cut its dividend by half")
    assert [e.date.iso() for e in _not_leads(run(one, two, names=NAMES))] == ["2021-03", "2021-03"]



PLACES = {**NAMES, "Turkey": "turkey", "Russia": "russia"}  # countries in test_events.run


def test_planned_visits_to_different_places_stay_apart() -> None:
    """Year reports sharing a person, or a place and a word, do not chain into one event;
    nor does a report naming no one bind them together."""
    said = ["Acme is expected to visit Turkey by the end of the year",
            "Acme is expected to visit Russia by the end of the year",
            "Kestrel is expected to visit Turkey by the end of the year",
            "A visit is expected by the end of the year"]
    arts = [make_article(f"a{n}", dt.date(2021, 3, 1 + n), f"Intro. {text}")
            for n, text in enumerate(said)]
    events = _not_leads(run(*arts, names=PLACES))
    assert sorted(tuple(s.article for s in e.sources) for e in events) == [
        ("a0",), ("a1",), ("a2",), ("a3",)]
    assert {e.date.iso() for e in events} == {"2021"}


def test_two_peoples_planned_visits_in_one_article_stay_apart() -> None:
    art = make_article("a", dt.date(2021, 3, 1),
                       "Intro. Acme is expected to visit Turkey by the end of the year. "
                       "Kestrel is expected to visit Russia by the end of the year")
    events = _not_leads(run(art, names=PLACES))
    assert sorted(e.actors for e in events) == [("acme", "turkey"), ("kestrel", "russia")]


def test_one_planned_visit_told_twice_is_one_event() -> None:
    one = make_article("a", dt.date(2021, 3, 1),
                       "Intro. Acme is expected to visit Turkey by the end of the year")
    two = make_article("b", dt.date(2021, 4, 1), "Intro. Acme is expected to visit Turkey later this year")
    (event,) = _not_leads(run(one, two, names=PLACES))
    assert event.date.iso() == "2021"
    assert {s.article for s in event.sources} == {"a", "b"}


def test_a_planned_visit_never_joins_one_over_before_it_was_announced() -> None:
    """A coarse report joins only a day on its side of its article's date: what was still
    to come in July is not a visit made in March, nor what had happened in May one in June."""
    march = make_article("a", dt.date(2021, 3, 6), "Intro. Acme visited Turkey on March 4 to sign a gas deal")
    july = make_article("b", dt.date(2021, 7, 1),
                        "Intro. Acme is expected to visit Turkey by the end of the year to sign a gas deal")
    got = sorted((e.date.iso(), tuple(s.article for s in e.sources))
                 for e in _not_leads(run(march, july, names=PLACES)))
    assert got == [("2021", ("b",)), ("2021-03-04", ("a",))]
    autumn = make_article("c", dt.date(2021, 10, 2),
                          "Intro. Acme visited Turkey on September 30 to sign a gas deal")
    got = sorted((e.date.iso(), tuple(sorted(s.article for s in e.sources)))
                 for e in _not_leads(run(march, july, autumn, names=PLACES)))
    assert got == [("2021-03-04", ("a",)), ("2021-09-30", ("b", "c"))]
    may = make_article("d", dt.date(2021, 5, 20),
                       "Intro. Acme signed a gas deal in Turkey earlier this year")
    got = sorted((e.date.iso(), tuple(sorted(s.article for s in e.sources)))
                 for e in _not_leads(run(may, autumn, names=PLACES)))
    assert got == [("2021", ("d",)), ("2021-09-30", ("c",))]

DISAGREEING = {
    "a.md": "---\ntitle: Northwind Motors sells truck unit\ndate: 2021-06-09\n---\n"
            "Northwind Motors sold its truck division to Halvorsen Group for 300 million dollars "
            "on June 7, the companies said.\n",
    "b.md": "---\ntitle: Halvorsen buys truck maker\ndate: 2021-06-10\n---\n"
            "On June 8, Northwind Motors sold its truck division to Halvorsen Group for "
            "300 million dollars.\n",
}


def test_a_disagreeing_event_shows_both_days_in_the_card_and_the_data(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name, text in DISAGREEING.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["build", "--source", str(src), "--output", str(out), "--quiet",
                     "--no-search"]) == 0
    data = json.loads((out / "data" / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((out / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    (sold,) = [e for e in data["events"] if "dates" in e]
    assert sold["dates"] == ["2021-06-07", "2021-06-08"]
    assert sorted(s["date"] for s in sold["sources"]) == ["2021-06-07", "2021-06-08"]
    assert all("date" not in s for e in data["events"] if "dates" not in e for s in e["sources"])
    assert "sources disagree on the day" in (out / "newest.html").read_text(encoding="utf-8")
    page = (out / "index.html").read_text(encoding="utf-8")  # the card
    assert "Sources disagree on the day" in page
    assert '(gives <time datetime="2021-06-07">' in page
