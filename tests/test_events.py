"""Events: one per dated happening, merged across the articles that report it."""

from __future__ import annotations

import datetime as dt
import re

from generator.events.extract import extract_events
from generator.model import Actor, Article, Mention, Paragraph, Sentence


def make_article(aid: str, date: dt.date | None, body: str, title: str = "A headline") -> Article:
    """An article whose body paragraphs are split into sentences at '. '."""
    text = title + "\n\n" + body
    paragraphs = [Paragraph(0, 0, len(title), "title")]
    sentences: list[Sentence] = []
    pos = len(title) + 2
    for chunk in body.split("\n\n"):
        start = text.index(chunk, pos)
        paragraphs.append(Paragraph(len(paragraphs), start, start + len(chunk), "body"))
        for m in re.finditer(r"[^.]+(?:\.|$)", chunk):
            s = m.group().strip()
            if s:
                s_start = start + m.start() + (len(m.group()) - len(m.group().lstrip()))
                sentences.append(Sentence(len(sentences), s_start, s_start + len(s), s,
                                          len(paragraphs) - 1))
        pos = start + len(chunk)
    return Article(aid, f"{aid}.txt", title, date, "catalog" if date else "undated", None, None,
                   text, tuple(paragraphs), tuple(sentences), 0 if sentences else None)


def mentions_of(article: Article, names: dict[str, str]) -> list[Mention]:
    """Mentions of each spelling in `names` (spelling -> actor id) in the article text."""
    out = []
    for spelling, actor in names.items():
        for m in re.finditer(re.escape(spelling), article.text):
            out.append(Mention(actor, m.start(), m.end(), spelling))
    return sorted(out, key=lambda m: m.start)


def run(*articles: Article, names: dict[str, str] | None = None):
    names = names or {}
    mentions = {a.id: mentions_of(a, names) for a in articles}
    actors = [Actor(aid, aid.title(), "country" if aid in COUNTRIES else "person")
              for aid in sorted(set(names.values()))]
    return extract_events(articles, mentions, {}, actors)


COUNTRIES = {"turkey", "russia"}


NAMES = {"Erdogan": "erdogan", "Putin": "putin", "Haftar": "haftar", "Lavrov": "lavrov",
         "Turkey": "turkey", "Russia": "russia"}


def test_each_dated_sentence_is_an_event_with_its_date_and_source() -> None:
    art = make_article("a", dt.date(2020, 1, 8),
                       "Haftar took the port on Tuesday. The weather was mild")
    (event,) = run(art, names=NAMES)
    assert event.date.iso() == "2020-01-07"
    assert event.actors == ("haftar",)
    assert event.sources[0].article == "a"
    assert event.sources[0].quote == "Haftar took the port on Tuesday."
    assert event.sources[0].date_text == "Tuesday"


def test_the_lead_without_a_date_is_news_of_the_publication_day() -> None:
    art = make_article("a", dt.date(2020, 1, 8),
                       "Russia and Turkey called for a ceasefire. Fighting went on",
                       title="Russia and Turkey call for ceasefire")
    (event,) = run(art, names=NAMES)
    assert event.date.iso() == "2020-01-08"
    assert event.title == "Russia and Turkey call for ceasefire"
    assert event.status == "reported"


def test_durations_and_refs_make_no_events() -> None:
    art = make_article("a", dt.date(2020, 1, 8),
                       "Intro of the day. The siege has lasted for more than a year. "
                       "There are currently two governments")
    events = run(art)
    assert [e.date.iso() for e in events] == ["2020-01-08"]  # the lead only


def test_a_date_after_publication_is_planned_until_someone_reports_it() -> None:
    before = make_article("a", dt.date(2019, 12, 10),
                          "Intro. Erdogan will host Putin in Istanbul on January 8")
    after = make_article("b", dt.date(2020, 1, 8), "Erdogan met Putin in Istanbul on Wednesday")
    (planned,) = [e for e in run(before, names=NAMES) if e.date.iso() == "2020-01-08"]
    assert planned.status == "planned"
    merged = [e for e in run(before, after, names=NAMES) if e.date.iso() == "2020-01-08"]
    assert len(merged) == 1
    assert merged[0].status == "reported"
    assert {s.article for s in merged[0].sources} == {"a", "b"}


def test_reports_sharing_only_a_country_and_no_words_stay_apart() -> None:
    one = make_article("a", dt.date(2020, 6, 20), "Intro. Russia sold grain on June 14")
    two = make_article("b", dt.date(2020, 6, 20), "Intro. Russia won a football match on June 14")
    day = [e for e in run(one, two, names=NAMES) if e.date.iso() == "2020-06-14"]
    assert len(day) == 2


def test_reports_sharing_a_country_and_a_word_merge() -> None:
    one = make_article("a", dt.date(2020, 6, 20),
                       "Intro. Lavrov had planned to visit Turkey on June 14, but the visit was postponed")
    two = make_article("b", dt.date(2020, 6, 15),
                       "Intro. On Sunday, Russia and Turkey postponed ministerial talks")
    day = [e for e in run(one, two, names=NAMES) if e.date.iso() == "2020-06-14"]
    assert len(day) == 1
    assert set(day[0].actors) >= {"lavrov", "turkey", "russia"}


def test_different_dates_never_merge() -> None:
    one = make_article("a", dt.date(2020, 6, 20), "Intro. Putin spoke on June 14")
    two = make_article("b", dt.date(2020, 6, 20), "Intro. Putin spoke on June 13")
    dated = [e for e in run(one, two, names=NAMES) if e.date.iso() in ("2020-06-13", "2020-06-14")]
    assert len(dated) == 2


def test_events_come_out_in_date_order_with_stable_ids() -> None:
    art = make_article("a", dt.date(2020, 6, 20),
                       "Intro. Troops left in 2011. Talks began on June 6. A truce held in March")
    first = run(art)
    assert [e.date.iso() for e in first] == ["2011", "2020-03", "2020-06-06", "2020-06-20"]
    assert [e.id for e in first] == [e.id for e in run(art)]
    assert len({e.id for e in first}) == len(first)


def test_titles_drop_the_date_words_and_stay_short() -> None:
    art = make_article("a", dt.date(2020, 1, 8),
                       "Intro. On Tuesday, the militia took the coastal city, " + "a gain " * 30)
    (event,) = [e for e in run(art) if e.date.iso() == "2020-01-07"]
    assert event.title.startswith("The militia took the coastal city")
    assert len(event.title) <= 121
    assert "Tuesday" not in event.title


def test_an_undated_article_still_gives_its_absolute_dates() -> None:
    art = make_article("a", None, "Intro. Talks began on 6 June 2020. They resumed on Monday")
    events = run(art)
    assert [e.date.iso() for e in events] == ["2020-06-06"]
    assert events[0].status == "reported"


def test_a_range_is_one_event_dated_by_its_start() -> None:
    art = make_article("a", dt.date(2022, 10, 18),
                       "Intro. The summit is scheduled for October 20-21 in Brussels")
    (summit,) = [e for e in run(art) if e.date.iso() != "2022-10-18"]
    assert summit.date.iso() == "2022-10-20"
    assert summit.date_text == "October 20-21"
    assert summit.title == "The summit is scheduled in Brussels"


def test_seasons_and_quarters_make_no_events() -> None:
    art = make_article("a", dt.date(2022, 10, 18),
                       "Intro. Gas may run short this winter. Profits fell in the third quarter")
    assert [e.date.iso() for e in run(art)] == ["2022-10-18"]


def test_a_possessive_date_reads_naturally_in_the_title() -> None:
    art = make_article("a", dt.date(2022, 10, 18), "Intro. Leaders prepared for next week's summit")
    (ev,) = [e for e in run(art) if e.date.precision == "week"]
    assert ev.title == "Leaders prepared for the summit"


def test_a_plan_for_next_week_joins_the_day_another_article_gives() -> None:
    one = make_article("a", dt.date(2022, 10, 18), "Intro. Erdogan will meet Putin in Paris on October 26")
    two = make_article("b", dt.date(2022, 10, 21),
                       "Intro. Erdogan and Putin will still meet in Paris next week")
    dated = [e for e in run(one, two, names=NAMES) if e.date.iso() not in ("2022-10-18", "2022-10-21")]
    assert [e.date.iso() for e in dated] == ["2022-10-26"]
    assert {s.article for s in dated[0].sources} == {"a", "b"}


def test_a_past_week_stays_apart_from_the_days_in_it() -> None:
    one = make_article("a", dt.date(2020, 6, 15), "Intro. Last week, Putin said talks had begun")
    two = make_article("b", dt.date(2020, 6, 15), "Intro. Putin began talks on June 10")
    got = sorted(e.date.iso() for e in run(one, two, names=NAMES) if e.date.iso() != "2020-06-15")
    assert got == ["2020-06-10", "2020-W24"]


def test_the_publication_day_told_in_the_future_is_planned() -> None:
    art = make_article("a", dt.date(2020, 6, 17),
                       "Intro. Erdogan will host talks on Wednesday. Haftar took the port on Wednesday")
    statuses = sorted((e.status, e.sources[0].quote) for e in run(art, names=NAMES)
                      if e.sources[0].quote != "Intro.")
    assert statuses == [("planned", "Erdogan will host talks on Wednesday."),
                        ("reported", "Haftar took the port on Wednesday")]


def test_an_undated_statement_of_a_named_actor_is_news_of_the_publication_day() -> None:
    art = make_article("a", dt.date(2020, 1, 8),
                       "The weather was mild. Talks went on\n\n"
                       "Haftar said his forces would hold the port. Many roads were closed")
    events = run(art, names=NAMES)
    said = [e for e in events if e.actors == ("haftar",)]
    assert [e.date.iso() for e in said] == ["2020-01-08"]
    assert [s.quote for s in said[0].sources] == ["Haftar said his forces would hold the port."]


def test_an_undated_sentence_without_a_named_actor_or_a_news_verb_makes_no_event() -> None:
    art = make_article("b", dt.date(2020, 1, 8),
                       "Roads were closed\n\nThe port said nothing. Haftar's forces are large")
    assert [e.actors for e in run(art, names=NAMES)] == [()]  # only the lead



def test_two_months_joined_by_and_are_two_events_and_between_makes_a_range() -> None:
    art = make_article("m", dt.date(2011, 10, 6),
                       "Haftar spoke in March and June about the port. Talks ran between "
                       "March and June")
    dates_found = sorted(e.date.iso() for e in run(art, names=NAMES))
    assert dates_found == ["2011-03", "2011-03", "2011-06"], dates_found
