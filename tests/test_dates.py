"""The date engine, case by case: sentence, publication date, every expression expected."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.dates import engine as dates
from generator.model import PartialDate

# (sentence, publication date, [(span text, TIMEX3 type, value), ...]) — the whole list:
# an expression the engine finds that is not listed fails the case too.
# 2020-06-17 is a Wednesday; 2019-12-10 a Tuesday; 2020-01-08 a Wednesday.
CASES = [
    # -- weekdays: the one in the week up to publication, unless the sentence looks ahead
    ("The minister spoke to reporters on Wednesday.", "2020-06-17",
     [("Wednesday", "DATE", "2020-06-17")]),
    ("The minister spoke to reporters on Monday.", "2020-06-17", [("Monday", "DATE", "2020-06-15")]),
    ("Rebels shelled the airport on Thursday.", "2020-06-17", [("Thursday", "DATE", "2020-06-11")]),
    ("The envoy will travel to Rome on Friday.", "2020-06-17", [("Friday", "DATE", "2020-06-19")]),
    ("Talks are scheduled for Saturday.", "2020-06-17", [("Saturday", "DATE", "2020-06-20")]),
    ("Talks that were scheduled for Sunday have been called off.", "2020-06-15",
     [("Sunday", "DATE", "2020-06-14")]),
    ("The summit is planned for Tuesday, officials said.", "2020-06-17",
     [("Tuesday", "DATE", "2020-06-23")]),
    ("Last Monday the council voted.", "2020-06-17", [("Last Monday", "DATE", "2020-06-15")]),
    ("They meet again next Monday.", "2020-06-17", [("next Monday", "DATE", "2020-06-22")]),
    ("Monday's vote was close.", "2020-06-17", [("Monday", "DATE", "2020-06-15")]),
    ("Voting resumes Wednesday, the commission will say.", "2020-06-17",
     [("Wednesday", "DATE", "2020-06-17")]),
    ("Fighting broke out on Saturday night.", "2020-06-17",
     [("Saturday night", "TIME", "2020-06-13TNI")]),
    ("The president will address the nation on Thursday morning.", "2020-06-17",
     [("Thursday morning", "TIME", "2020-06-18TMO")]),
    # -- month and day without a year: the sentence's tense picks the year
    ("The two leaders will meet in Ankara on January 8.", "2019-12-10",
     [("January 8", "DATE", "2020-01-08")]),
    ("He hoped to speak to her before their summit on January 8.", "2019-12-10",
     [("January 8", "DATE", "2020-01-08")]),
    ("The militia seized the port on November 30.", "2019-12-10",
     [("November 30", "DATE", "2019-11-30")]),
    ("A truce was agreed on Feb. 28, the agency said.", "2020-06-17",
     [("Feb. 28", "DATE", "2020-02-28")]),
    ("A truce was agreed on Feb. 28.", "2020-06-17", [("Feb. 28", "DATE", "2020-02-28")]),
    ("The ceasefire takes effect at midnight on Jan. 12.", "2020-01-08",
     [("midnight on Jan. 12", "TIME", "2020-01-12T24:00")]),
    ("They called for a truce from Jan. 12.", "2020-01-08", [("Jan. 12", "DATE", "2020-01-12")]),
    ("The plan foresees a pause starting June 8.", "2020-06-20", [("June 8", "DATE", "2020-06-08")]),
    ("He had planned to fly to Cairo on June 14, but the trip was postponed.", "2020-06-20",
     [("June 14", "DATE", "2020-06-14")]),
    ("Elections are due on December 24.", "2021-06-01", [("December 24", "DATE", "2021-12-24")]),
    ("The court ruled on 3 March that the decree was void.", "2020-06-17",
     [("3 March", "DATE", "2020-03-03")]),
    ("The accord signed on the 5th of May still holds.", "2020-06-17",
     [("the 5th of May", "DATE", "2020-05-05")]),
    ("A conference on January 19 of this year set out a plan.", "2020-06-20",
     [("January 19 of this year", "DATE", "2020-01-19")]),
    ("The deal from March 3 of last year expired.", "2020-06-20",
     [("March 3 of last year", "DATE", "2019-03-03")]),
    # -- full dates and punctuation
    ("Leaders met in Moscow on Monday, Jan. 13, 2020, for talks.", "2020-06-20",
     [("Monday, Jan. 13, 2020", "DATE", "2020-01-13")]),
    ("The decree of 13 January 2020 remains in force.", "2020-06-20",
     [("13 January 2020", "DATE", "2020-01-13")]),
    ("It was first reported on June 20, 2020.", "2021-01-01", [("June 20, 2020", "DATE", "2020-06-20")]),
    ("The file was dated 2020-03-04.", "2021-01-01", [("2020-03-04", "DATE", "2020-03-04")]),
    ("The letter, dated 03/04/2020, was leaked.", "2021-01-01",
     [("03/04/2020", "DATE", "2020-03-04")]),
    ("The receipt reads 25/12/2019.", "2021-01-01", [("25/12/2019", "DATE", "2019-12-25")]),
    ("The form said Feb. 30, which does not exist.", "2021-01-01", []),
    # -- months without a day
    ("In April, the general announced an offensive.", "2019-12-10",
     [("April", "DATE", "2019-04")]),
    ("After a counteroffensive launched in March, the army retook the base.", "2020-06-15",
     [("March", "DATE", "2020-03")]),
    ("Parliament will reconvene in September.", "2020-06-15", [("September", "DATE", "2020-09")]),
    ("Talks resume in January.", "2019-12-10", [("January", "DATE", "2020-01")]),
    ("Exports fell in April 2019.", "2020-06-15", [("April 2019", "DATE", "2019-04")]),
    ("Prices rose sharply last November.", "2020-06-15", [("last November", "DATE", "2019-11")]),
    ("The report is expected in early July.", "2020-06-15", [("early July", "DATE", "2020-07")]),
    ("By the end of May 2020 the camp was empty.", "2020-06-15",
     [("the end of May 2020", "DATE", "2020-05")]),
    ("March's protests were the largest.", "2020-06-15", [("March", "DATE", "2020-03")]),
    # -- words that look like dates but are not
    ("We may see more protests, she said.", "2020-06-15", []),
    ("Thousands march through the capital.", "2020-06-15", []),
    ("May Day rallies drew crowds, said Theresa May.", "2020-06-15", []),
    ("They sat in silence as the sun set.", "2020-06-15", []),
    ("The council adopted Resolution 2510 unanimously.", "2020-06-15", []),
    ("Resolution 2020 was adopted without a vote.", "2020-06-15", []),
    ("Turkey bought the S-400 missile system.", "2020-06-15", []),
    ("More than 1,000 people were killed.", "2020-06-15", []),
    ("About 2000 people fled the town.", "2020-06-15", []),
    ("The unit fired 1500 rounds.", "2020-06-15", []),
    ("Flight 1920 landed safely.", "2020-06-15", []),
    ("The stock gained 3.5 percent to $2,019.", "2020-06-15", []),
    ("The score was 2-1 after extra time.", "2020-06-15", []),
    ("He was fined 2,010 euros.", "2020-06-15", []),
    ("The Arab Spring toppled several rulers.", "2020-06-15", []),
    ("Prices may fall further.", "2020-06-15", []),
    ("The fall of the city shocked the region.", "2020-06-15", []),
    ("They discussed the future of their country.", "2020-06-15", []),
    # -- years
    ("The country has been in turmoil since 2011.", "2020-06-15", [("2011", "DATE", "2011")]),
    ("A 2011 uprising ousted the ruler.", "2020-01-08", [("2011", "DATE", "2011")]),
    ("The 2020 budget was approved.", "2020-06-15", [("2020", "DATE", "2020")]),
    ("In 1969, a coup brought him to power.", "2020-06-15", [("1969", "DATE", "1969")]),
    ("The war of 1812 is a distant memory.", "2020-06-15", [("1812", "DATE", "1812")]),
    ("Output fell in 2009-2010.", "2020-06-15", [("2009", "DATE", "2009"), ("2010", "DATE", "2010")]),
    ("Growth slowed in mid-2019.", "2020-06-15", [("mid-2019", "DATE", "2019")]),
    # -- relative to publication
    ("Last week, the United Nations said new talks had begun.", "2020-06-15",
     [("Last week", "DATE", "2020-W24")]),
    ("The push last week came despite the proposal.", "2020-06-15",
     [("last week", "DATE", "2020-W24")]),
    ("The envoy will visit next week.", "2020-06-15", [("next week", "DATE", "2020-W26")]),
    ("This week has been calm.", "2020-06-15", [("This week", "DATE", "2020-W25")]),
    ("A truce collapsed earlier this year.", "2020-06-15", [("earlier this year", "DATE", "2020")]),
    ("Elections are planned for later this year.", "2020-06-15",
     [("later this year", "DATE", "2020")]),
    ("The bank cut rates last month.", "2020-06-15", [("last month", "DATE", "2020-05")]),
    ("Exports rose last year.", "2020-06-15", [("last year", "DATE", "2019")]),
    ("The law takes effect next year.", "2020-06-15", [("next year", "DATE", "2021")]),
    ("The state was destroyed almost ten years ago.", "2020-06-20",
     [("almost ten years ago", "DATE", "2010")]),
    ("He resigned two years ago.", "2020-06-20", [("two years ago", "DATE", "2018")]),
    ("She arrived three days ago.", "2020-06-20", [("three days ago", "DATE", "2020-06-17")]),
    ("The ban was lifted six months ago.", "2020-06-20", [("six months ago", "DATE", "2019-12")]),
    ("Fighting flared two weeks ago.", "2020-06-20", [("two weeks ago", "DATE", "2020-W23")]),
    ("The camp was cleared several years ago.", "2020-06-20",
     [("several years ago", "DATE", "PAST_REF")]),
    ("Officials met today.", "2020-06-20", [("today", "DATE", "2020-06-20")]),
    ("Officials met yesterday.", "2020-06-20", [("yesterday", "DATE", "2020-06-19")]),
    ("The vote is tomorrow.", "2020-06-20", [("tomorrow", "DATE", "2020-06-21")]),
    ("Protesters gathered again tonight.", "2020-06-20", [("tonight", "TIME", "2020-06-20TNI")]),
    ("Sirens sounded last night.", "2020-06-20", [("last night", "TIME", "2020-06-19TNI")]),
    # -- durations never make dates
    ("He has tried to take the capital for more than a year.", "2020-06-17",
     [("more than a year", "DURATION", "P1Y")]),
    ("For over a year, the two sides have fought.", "2020-06-20",
     [("over a year", "DURATION", "P1Y")]),
    ("His 14-month campaign has stalled.", "2020-06-15", [("14-month", "DURATION", "P14M")]),
    ("The deal gives them 90 days to leave.", "2020-06-15", [("90 days", "DURATION", "P90D")]),
    ("The siege lasted three weeks.", "2020-06-15", [("three weeks", "DURATION", "P3W")]),
    ("The army has advanced for weeks.", "2020-06-15", [("weeks", "DURATION", "PXW")]),
    ("The meeting lasted two hours.", "2020-06-15", [("two hours", "DURATION", "PT2H")]),
    ("A 45-year-old man was arrested.", "2020-06-15", [("45-year-old", "DURATION", "P45Y")]),
    ("The rivalry has lasted decades.", "2020-06-15", [("decades", "DURATION", "PXDE")]),
    # -- seasons, quarters, halves, decades, centuries, fiscal years
    ("The offensive began in the summer of 2019.", "2020-06-15",
     [("the summer of 2019", "DATE", "2019-SU")]),
    ("Troops withdrew last winter.", "2020-06-15", [("last winter", "DATE", "2019-WI")]),
    ("Talks may resume in the autumn.", "2020-06-15", [("the autumn", "DATE", "2020-FA")]),
    ("Profits rose in the first quarter of 2020.", "2020-06-15",
     [("the first quarter of 2020", "DATE", "2020-Q1")]),
    ("Sales fell in Q3 2019.", "2020-06-15", [("Q3 2019", "DATE", "2019-Q3")]),
    ("Debt grew in the second half of 2019.", "2020-06-15",
     [("the second half of 2019", "DATE", "2019-H2")]),
    ("The city boomed in the 1990s.", "2020-06-15", [("the 1990s", "DATE", "199X")]),
    ("The border was drawn in the 19th century.", "2020-06-15",
     [("the 19th century", "DATE", "18")]),
    ("The deficit narrowed in fiscal 2019.", "2020-06-15", [("fiscal 2019", "DATE", "FY2019")]),
    # -- references to now, the past, the future
    ("There are currently two governments.", "2020-06-15", [("currently", "DATE", "PRESENT_REF")]),
    ("The country is now divided.", "2020-06-15", [("now", "DATE", "PRESENT_REF")]),
    ("Ties have grown in recent months.", "2020-06-15", [("recent months", "DATE", "PAST_REF")]),
    ("The army recently retook the base.", "2020-06-15", [("recently", "DATE", "PAST_REF")]),
    ("A call will take place in the coming days.", "2019-12-10",
     [("the coming days", "DATE", "FUTURE_REF")]),
    ("The town was quiet at the time.", "2019-12-10", [("at the time", "DATE", "PAST_REF")]),
    # -- times of day
    ("The vote closes at 15:00 GMT Saturday.", "2020-06-17",
     [("15:00 GMT Saturday", "TIME", "2020-06-13T15:00")]),
    ("He will speak on Sunday night at 8 PM.", "2020-06-17",
     [("Sunday night at 8 PM", "TIME", "2020-06-21T20:00")]),
    ("The blast happened at 9:30 a.m.", "2020-06-17", [("9:30 a.m.", "TIME", "2020-06-17T09:30")]),
    ("The truce starts at noon.", "2020-06-17", [("noon", "TIME", "2020-06-17T12:00")]),
    # -- sets
    ("The council meets every Monday.", "2020-06-17", [("every Monday", "SET", "XXXX-WXX-1")]),
    ("Inspectors report weekly.", "2020-06-17", [("weekly", "SET", "P1W")]),
    ("The index is published monthly.", "2020-06-17", [("monthly", "SET", "P1M")]),
    # -- rates, year-earlier figures, the current period
    ("Profit rose 12% from the year-earlier quarter.", "1989-10-26",
     [("year-earlier", "DATE", "1988")]),
    ("The plant makes $2 million a year.", "1990-03-01", [("a year", "SET", "P1Y")]),
    ("Patients take the pill twice a day.", "1990-03-01", [("a day", "SET", "P1D")]),
    ("Fees are charged per month.", "1990-03-01", [("per month", "SET", "P1M")]),
    ("Sales in the current quarter will be weak.", "1989-10-26",
     [("the current quarter", "DATE", "1989-Q4")]),
    # "the past quarter" once crashed the build (no unit code for a quarter)
    ("Sales grew in the past quarter.", "2010-05-05",
     [("the past quarter", "DURATION", "P1Q")]),
    ("Earnings for the third quarter fell.", "1989-10-26",
     [("the third quarter", "DATE", "1989-Q3")]),
    ("The company expects a loss for the fourth quarter.", "1989-10-26",
     [("the fourth quarter", "DATE", "1989-Q4")]),
    ("Shares closed at a record on Oct. 13, 1989.", "1989-10-26",
     [("Oct. 13, 1989", "DATE", "1989-10-13")]),
    ("The 30-year bond rose slightly.", "1989-10-26", [("30-year", "DURATION", "P30Y")]),
    ("Output grew over the past three years.", "1989-10-26",
     [("the past three years", "DURATION", "P3Y")]),
    ("The offer expires in fiscal 1990.", "1989-10-26", [("fiscal 1990", "DATE", "FY1990")]),
    ("Demand fell during the weekend.", "1989-10-26", [("the weekend", "DATE", "1989-W42-WE")]),
    ("Crowds are expected this weekend.", "2020-06-17", [("this weekend", "DATE", "2020-W25-WE")]),
    ("Talks are set for June 8-12.", "2020-06-01",
     [("June 8", "DATE", "2020-06-08"), ("12", "DATE", "2020-06-12")]),
    ("The fair ran from June 8 to June 12.", "2020-06-20",
     [("June 8", "DATE", "2020-06-08"), ("June 12", "DATE", "2020-06-12")]),
    ("Profits fell over the past year.", "2020-06-17", [("the past year", "DURATION", "P1Y")]),
    ("Sales will rise over the next month.", "2020-06-17", [("the next month", "DURATION", "P1M")]),
    ("The deal should close by the end of the year.", "2020-06-17",
     [("the end of the year", "DATE", "2020")]),
    ("Traders were busy this weekend.", "1989-10-28", [("this weekend", "DATE", "1989-W43-WE")]),
    ("Talks resume in the coming weeks.", "2020-06-15", [("the coming weeks", "DATE", "FUTURE_REF")]),
    ("The tanker sank in December 1999 off the coast.", "2020-06-15",
     [("December 1999", "DATE", "1999-12")]),
    ("He died on Sept. 11.", "2020-06-15", [("Sept. 11", "DATE", "2019-09-11")]),
    ("She will step down on Sept. 11.", "2020-06-15", [("Sept. 11", "DATE", "2020-09-11")]),
    ("The ruling came on Jan. 3, after the vote.", "2020-01-08", [("Jan. 3", "DATE", "2020-01-03")]),
    ("The summit will be held on Monday.", "2020-06-17", [("Monday", "DATE", "2020-06-22")]),
    ("The summit was held on Monday.", "2020-06-17", [("Monday", "DATE", "2020-06-15")]),
    ("The summit has been postponed until Monday.", "2020-06-17",
     [("Monday", "DATE", "2020-06-22")]),
    ("The vote was delayed until September.", "2020-06-17", [("September", "DATE", "2020-09")]),
    # -- more relative and partial forms
    ("The vote is the day after tomorrow.", "2020-06-17",
     [("the day after tomorrow", "DATE", "2020-06-19")]),
    ("The dam was built a decade ago.", "2020-06-17", [("a decade ago", "DATE", "2010")]),
    ("Growth returns early next year.", "2020-06-17", [("early next year", "DATE", "2021")]),
    ("Protests peaked in mid-March.", "2020-06-17", [("mid-March", "DATE", "2020-03")]),
    ("The previous year was worse.", "2020-06-17", [("The previous year", "DATE", "2019")]),
    ("She flew home this morning.", "2020-06-17", [("this morning", "TIME", "2020-06-17TMO")]),
    ("The index is reviewed every other week.", "2020-06-17",
     [("every other week", "SET", "P2W")]),
    ("Dues are paid annually.", "2020-06-17", [("annually", "SET", "P1Y")]),
    ("Revenue rose in the late 1990s.", "2020-06-17", [("the late 1990s", "DATE", "199X")]),
    ("He signed a two-year contract.", "2020-06-17", [("two-year", "DURATION", "P2Y")]),
    ("Flights resume in June 2020.", "2020-05-01", [("June 2020", "DATE", "2020-06")]),
    ("The accord was signed on June 8th.", "2020-06-17", [("June 8th", "DATE", "2020-06-08")]),
    ("Results were due at 5 p.m. on Friday.", "2020-06-17",
     [("5 p.m. on Friday", "TIME", "2020-06-12T17:00")]),
    ("Rebels held the town for several months.", "2020-06-17",
     [("several months", "DURATION", "PXM")]),
    ("Oil fell 3% on the day.", "2020-06-17", []),
    ("They sold 2019 shares at 14 cents.", "2020-06-17", []),
    ("The shops remained closed until Monday.", "2020-06-17", [("Monday", "DATE", "2020-06-15")]),
    ("The ruling came weeks after the vote.", "2020-06-17", [("weeks", "DURATION", "PXW")]),
    ("The country emerged from years of war.", "2020-06-17", [("years", "DURATION", "PXY")]),
    ("The fighting started weeks ago.", "2020-06-17", [("weeks ago", "DATE", "PAST_REF")]),
    ("Aid arrived a few days after the storm.", "2020-06-17", [("a few days", "DURATION", "PXD")]),
    ("Third-quarter profit rose 12%.", "1989-10-26", [("Third-quarter", "DATE", "1989-Q3")]),
    ("Prices are expected to fall.", "1989-10-26", []),
    ("Sales slowed this past summer.", "1989-10-26", [("this past summer", "DATE", "1989-SU")]),
    # -- several expressions in one sentence
    ("Erdogan met Putin on Wednesday, when they called for a truce from midnight on Jan. 12.",
     "2020-01-08", [("Wednesday", "DATE", "2020-01-08"),
                    ("midnight on Jan. 12", "TIME", "2020-01-12T24:00")]),
    ("The leader said on Monday that he wanted a call before their meeting on January 8.",
     "2019-12-10", [("Monday", "DATE", "2019-12-09"), ("January 8", "DATE", "2020-01-08")]),
]


@pytest.mark.parametrize(("sentence", "dct", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_sentence(sentence: str, dct: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(t.text, t.type, t.value) for t in dates.tag(sentence, dt.date.fromisoformat(dct))]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The ship sank on 3 March 2019. Survivors were found the next day.",
     [("3 March 2019", "2019-03-03"), ("the next day", "2019-03-04")]),
    ("The ship sank on 3 March 2019. Divers reached it three days later.",
     [("3 March 2019", "2019-03-03"), ("three days later", "2019-03-06")]),
    ("Talks began on Monday. The same day, rebels shelled the port.",
     [("Monday", "2020-06-15"), ("The same day", "2020-06-15")]),
    ("Talks began on Monday. Rebels had attacked the port the day before.",
     [("Monday", "2020-06-15"), ("the day before", "2020-06-14")]),
    ("Nothing was said about that day.", [("that day", "2020-06-17")]),
])
def test_days_counted_from_the_last_day_the_story_named(text: str, expected: list) -> None:
    got = [(t.text, t.value) for t in dates.tag(text, dt.date(2020, 6, 17))]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He left the firm in 1985. One year later, he bought a studio.",
     [("1985", "1985"), ("One year later", "1986")]),
    ("He left in 1985. One year later he bought a studio. Two years later he sold it.",
     [("1985", "1985"), ("One year later", "1986"), ("Two years later", "1988")]),
    ("The plant opened in March 2001. Two months later it closed.",
     [("March 2001", "2001-03"), ("Two months later", "2001-05")]),
    ("Nothing was dated before. Two years later is a long time.",
     [("Two years later", "2022")]),
])
def test_years_and_months_counted_from_the_date_the_story_named(text: str,
                                                                expected: list) -> None:
    got = [(t.text, t.value) for t in dates.tag(text, dt.date(2020, 6, 17))]
    assert got == expected


def test_spans_are_offsets_into_the_text() -> None:
    text = "Intro line.\n\nOn Feb. 28, the army moved. It left on Monday."
    for t in dates.tag(text, dt.date(2020, 6, 17)):
        assert text[t.start:t.end] == t.text


def test_weekday_follows_a_full_date_in_the_previous_sentence() -> None:
    text = "Ministers met on Monday, Jan. 13, 2020. They prepared Monday's talks."
    got = [t.value for t in dates.tag(text, dt.date(2020, 6, 20))]
    assert got == ["2020-01-13", "2020-01-13"]


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    got = [(t.text, t.value) for t in dates.tag("It began on June 8 and ended in 2011.", None)]
    assert got == [("June 8", "XXXX-06-08"), ("2011", "2011")]


def test_explain_names_the_rule_and_direction() -> None:
    (t,) = dates.tag("In April, the general announced an offensive.", dt.date(2019, 12, 10))
    record = t.explain()
    assert record["rule"] == "month"
    assert record["direction"] == "past"
    assert "announced" in str(record["reason"])


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-01-08", "2020-01-08"), ("2020-W24", "2020-W24"), ("2020-06", "2020-06"),
    ("2011", "2011"), ("2020-01-12T24:00", "2020-01-12"), ("2020-Q1", None),
    ("2019-SU", None), ("P1Y", None), ("PRESENT_REF", None), ("199X", None),
])
def test_event_dates_keep_their_precision(value: str, expected: str | None) -> None:
    got = dates.value_to_date(value)
    assert (got.iso() if got else None) == expected


def test_durations_and_refs_give_no_event_date() -> None:
    found = dates.tag("For more than a year, fighting went on; now it is calm.", dt.date(2020, 1, 1))
    assert found and all(t.event_date() is None for t in found)


def test_partial_date_reads_like_a_person_writes() -> None:
    assert PartialDate(2020, 1, 8).human() == "8 January 2020"
    assert PartialDate(2020, week=24).human() == "week of 8 June 2020"
    assert PartialDate(2019, 4).human() == "April 2019"
    assert PartialDate(2011).human() == "2011"


@pytest.mark.parametrize("dct", ["2020-06-17", "2019-12-31", "2021-01-01"])
def test_every_weekday_resolves_within_a_week_of_publication(dct: str) -> None:
    day = dt.date.fromisoformat(dct)
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        (t,) = dates.tag(f"The talks were held on {name}.", day)
        got = dt.date.fromisoformat(t.value)
        assert 0 <= (day - got).days < 7 and got.strftime("%A") == name
        (t,) = dates.tag(f"The talks will be held on {name}.", day)
        got = dt.date.fromisoformat(t.value)
        assert 0 <= (got - day).days < 7 and got.strftime("%A") == name


def test_february_29_without_a_nearby_leap_year_takes_the_nearest_one() -> None:
    """No leap year within a year of 2010: the last one before publication, not a crash."""
    found = dates.tag("The vote was on February 29.", dt.date(2010, 5, 6))
    assert [(t.text, t.value) for t in found] == [("February 29", "2008-02-29")]


def test_vague_time_ago_in_capitals_is_read() -> None:
    found = dates.tag("It happened WEEKS AGO.", dt.date(2010, 5, 6))
    assert [(t.text, t.value) for t in found] == [("WEEKS AGO", "PAST_REF")]
