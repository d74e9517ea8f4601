"""The date engine on random and mutated text: it never crashes and its spans are honest."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.dates import engine as dates

WORDS = ["on", "Monday", "Jan.", "12", "2020", "last", "week", "ago", "two", "years", "in",
         "March", "the", "1990s", "will", "was", "said", "May", "may", "15:00", "GMT", "every",
         "Friday", "night", "at", "8", "PM", "Q3", "fiscal", "2019-2020", ",", ".", "\n", "—",
         "summer", "of", "next", "month", "until", "Resolution", "2510", "S-400", "a", "year",
         "twice", "day", "14-month", "midnight", "today", "’s", "(", ")", "1/2/2020", "31/12/2020"]
VALUE = re.compile(
    r"^(?:\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?"
    r"|XXXX-\d{2}(?:-\d{2})?|XXXX-(?:Q[1-4]|SP|SU|FA|WI)|XXXX-WXX-[1-7]|\d{3}X|\d{2}|FY\d{4}"
    r"|(?:PRESENT|PAST|FUTURE)_REF|P(?:T)?(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|S|DE|CE)"
    r"|(?:\d{4}-\d{2}-\d{2}|XXXX-XX-XX)T(?:\d{2}:\d{2}|MO|AF|EV|NI)|XXXX-XX-XXT(?:MO|AF|EV|NI))$"
)
dcts = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))


def check(text: str, dct: dt.date | None) -> None:
    found = dates.tag(text, dct)
    last = -1
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= last, "expressions come in text order without overlap"
        last = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert VALUE.match(t.value), t.value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), dcts)
def test_any_text_never_crashes(text: str, dct: dt.date | None) -> None:
    check(text, dct)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), dcts)
def test_date_like_word_salad_gives_well_formed_values(words: list[str], dct: dt.date | None) -> None:
    check(" ".join(words), dct)
