"""Event titles read as headlines: who did what, short, from the sentence (one test per shape)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.dates import engine as dates
from generator.events.headlines import TITLE_MAX, event_title
from generator.model import Actor, Article, Sentence

DCT = dt.date(2021, 3, 10)  # a Wednesday
HEADLINE = "A headline"


def title(text: str, date: str = "", actors: tuple[Actor, ...] = (), others: tuple[Actor, ...] = (),
          context: str = "") -> str:
    """The title for the event `text` reports, dated by the expression holding `date`."""
    body = f"{context} {text}" if context else text
    full = f"{HEADLINE}\n\n{body}"
    start = full.index(text)
    sentence = Sentence(1, start, start + len(text), text, 1)
    article = Article("a", "a.txt", HEADLINE, DCT, "catalog", None, None, full, (), (), lead=0)
    timex = None
    if date:
        found = dates.tag_sentence(full, start, start + len(text), DCT)
        timex = next(t for t in found if date in t.text)
    return event_title(article, sentence, timex, actors, others)


LEE = Actor("mara-lee", "Mara Lee", "person")
KIM = Actor("jun-kim", "Jun Kim", "person")
NORTHWIND = Actor("northwind", "Northwind Freight Inc.", "organization")


def test_a_leading_pronoun_becomes_the_one_persons_surname() -> None:
    assert title("She resigned as chair of the board on Monday.", "Monday", actors=(LEE,)) \
        == "Lee resigned as chair of the board"


def test_it_becomes_the_organisation_when_it_acts() -> None:
    got = title("It announced a new route to Lisbon on Monday.", "Monday", actors=(NORTHWIND,))
    assert got == "Northwind Freight announced a new route to Lisbon"


def test_they_becomes_the_two_people() -> None:
    got = title("They signed the agreement on Monday.", "Monday", actors=(LEE, KIM))
    assert got == "Lee and Kim signed the agreement"


def test_a_pronoun_stays_when_two_people_could_be_meant() -> None:
    ross = Actor("ann-ross", "Ann Ross", "person")
    got = title("He signed the agreement on Monday.", "Monday", actors=(ross, KIM))
    assert got == "He signed the agreement"


def test_the_events_other_actors_name_the_pronoun_when_the_sentence_has_none() -> None:
    assert title("He left the firm on Monday.", "Monday", others=(KIM,)) == "Kim left the firm"


def test_a_leading_participle_phrase_is_dropped() -> None:
    got = title("Speaking alongside the mayor on Tuesday, the minister promised a new bridge.", "Tuesday")
    assert got == "The minister promised a new bridge"


def test_a_leading_adverbial_and_connective_are_dropped() -> None:
    assert title("However, on Tuesday the union called off the strike.", "Tuesday") \
        == "The union called off the strike"
    assert title("After the talks ended on Tuesday, the union called off the strike.", "Tuesday") \
        == "The union called off the strike"


def test_an_attribution_is_removed() -> None:
    got = title("The plant will close in June, the company said on Tuesday.", "Tuesday")
    assert got == "The plant will close in June"
    assert title("The plant will close on Friday, according to the union.", "Friday") \
        == "The plant will close"


def test_a_leading_attribution_goes_unless_what_was_said_opens_on_a_pronoun() -> None:
    assert title("The company said that sales rose sharply on Tuesday.", "Tuesday") == "Sales rose sharply"
    assert title("Lee said she would resign on Tuesday.", "Tuesday", actors=(LEE,)) \
        == "Lee said she would resign"
    assert title("The union argued that the plan broke the law on Tuesday.", "Tuesday") \
        == "The union argued that the plan broke the law"  # a claim keeps its author


def test_a_relative_clause_and_an_appositive_are_dropped() -> None:
    got = title("The ferry, which had been delayed for a week, left the port on Tuesday.", "Tuesday")
    assert got == "The ferry left the port"
    got = title("Mara Lee, the company's chief engineer, unveiled the prototype on Tuesday.", "Tuesday")
    assert got == "Mara Lee unveiled the prototype"


def test_a_trailing_participle_phrase_is_dropped() -> None:
    got = title("The storm hit the coast on Tuesday, leaving thousands without power.", "Tuesday")
    assert got == "The storm hit the coast"


def test_the_clause_with_the_date_gives_the_title() -> None:
    text = "The firm was founded in 1990, and in 2004 the founders sold it to a rival."
    assert title(text, "2004") == "The founders sold it to a rival"
    assert title(text, "1990") == "The firm was founded"


def test_a_clause_without_subject_borrows_the_first_ones() -> None:
    text = "Northwind Freight opened a depot in 1990, and launched an airline in 2004."
    assert title(text, "2004") == "Northwind Freight launched an airline"


def test_a_date_the_sentence_needs_stays() -> None:
    assert title("The first flight was in 1994.", "1994") == "The first flight was in 1994"
    assert title("Sunday was chosen for the launch.", "Sunday") == "Sunday was chosen for the launch"


def test_extraposition_is_unwrapped() -> None:
    got = title("It is expected that the bridge will open on Friday.", "Friday")
    assert got == "The bridge will open"


def test_a_long_sentence_is_cut_under_the_limit_at_a_sensible_point() -> None:
    text = ("The regional transport authority approved a plan to extend the northern tram line "
            "through three new districts while closing two older stations near the river on Tuesday.")
    got = title(text, "Tuesday")
    assert len(got) <= TITLE_MAX
    assert got == "The regional transport authority approved a plan to extend the northern tram line"


def test_a_long_title_without_a_clause_break_ends_on_a_word_with_an_ellipsis() -> None:
    text = "Officials " + " ".join(["approved"] + ["extraordinary"] * 15) + " measures on Tuesday."
    got = title(text, "Tuesday")
    assert len(got) <= TITLE_MAX and got.endswith("…") and " extraordinary…" in got


def test_a_long_title_names_people_by_surname() -> None:
    minister = Actor("ana-ruiz", "Ana Ruiz", "person")
    text = ("Deputy Foreign Minister Ana Ruiz and Mara Lee attended a long meeting of the regional "
            "water commission in the capital on Tuesday.")
    got = title(text, "Tuesday", actors=(minister, LEE))
    assert got.startswith("Ruiz and ") and "Minister" not in got and len(got) <= TITLE_MAX


@pytest.mark.parametrize("text", ["On Tuesday.", "However, on Tuesday,", "He said.", "…", "And"])
def test_a_title_is_never_empty(text: str) -> None:
    assert title(text, "Tuesday" if "Tuesday" in text else "").strip()


def test_an_empty_sentence_still_gets_a_title() -> None:
    article = Article("a", "a.txt", HEADLINE, DCT, "catalog", None, None, HEADLINE, (), (), lead=0)
    assert event_title(article, Sentence(1, 0, 0, "", 1), None) == HEADLINE


def test_the_lead_takes_the_articles_headline() -> None:
    article = Article("a", "a.txt", "Ferry strike ends after two weeks", DCT, "catalog", None, None,
                      "x\n\nThe union called off the strike.", (), (), lead=1)
    sentence = Sentence(1, 3, 36, "The union called off the strike.", 1)
    assert event_title(article, sentence, None) == "Ferry strike ends after two weeks"


def test_an_undated_statement_keeps_who_said_it() -> None:
    # news of the publication day because it was said: the speaker is the news
    assert title("Northwind said the port would reopen within days.", actors=(NORTHWIND,)) \
        == "Northwind said the port would reopen within days"
    assert title("Northwind said on Monday that the port would reopen within days.", "Monday",
                 actors=(NORTHWIND,)) == "The port would reopen within days"
