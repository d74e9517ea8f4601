"""Attribution: a pronoun or description subject gives its event the entity it stands for."""

from __future__ import annotations

import datetime as dt
import re

from generator.events import coref
from generator.events.extract import extract_events
from generator.model import Actor, Article, Event, Mention, Paragraph, Role, Sentence

DAY = dt.date(2020, 6, 10)
KINDS = {"Maria Lopez": "person", "Ana Ruiz": "person", "Lee Chan": "person",
         "Acme Corp": "organization", "Borealis Airlines": "organization",
         "Widget Works": "organization", "Norland": "country"}


def article(body: str, title: str = "A headline") -> Article:
    """An article: paragraphs split at blank lines, sentences at '. '."""
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
                at = start + m.start() + (len(m.group()) - len(m.group().lstrip()))
                sentences.append(Sentence(len(sentences), at, at + len(s), s, len(paragraphs) - 1))
        pos = start + len(chunk)
    return Article("a", "a.txt", title, DAY, "catalog", None, None, text, tuple(paragraphs),
                   tuple(sentences), 0)


def events(art: Article) -> tuple[Event, ...]:
    mentions = sorted((Mention(name, m.start(), m.end(), name)
                       for name in KINDS for m in re.finditer(re.escape(name), art.text)
                       if m.start() > len(art.title)), key=lambda m: m.start)
    actors = [Actor(name, name, kind) for name, kind in KINDS.items()]  # type: ignore[arg-type]
    return extract_events([art], {art.id: mentions}, {}, actors)


def actors_on(art: Article, iso: str) -> set[str]:
    found = [e for e in events(art) if e.date.iso() == iso]
    assert found, f"no event on {iso}"
    return {a for e in found for a in e.actors}


def test_he_and_she_stand_for_the_person_named_before() -> None:
    art = article("Maria Lopez runs the lab.\n\nShe founded it in 1998.\n\n"
                  "Lee Chan joined the lab later.\n\nIn 2004 he left for Norland.")
    assert actors_on(art, "1998") == {"Maria Lopez"}
    assert actors_on(art, "2004") == {"Lee Chan", "Norland"}


def test_the_company_said_stands_for_the_company_named_before() -> None:
    art = article("Acme Corp posted record profits.\n\n"
                  "The company said on June 3 that it would hire 500 workers.")
    assert actors_on(art, "2020-06-03") == {"Acme Corp"}


def test_a_paragraph_naming_another_person_in_between_blocks_the_earlier_one() -> None:
    art = article("Maria Lopez founded the lab.\n\nAna Ruiz joined the lab in 2001.\n\n"
                  "She retired in 2010.")
    assert "Maria Lopez" not in actors_on(art, "2010")
    assert actors_on(art, "2010") == {"Ana Ruiz"}


def test_they_and_the_two_leaders_stand_for_the_people_just_named() -> None:
    art = article("Maria Lopez and Lee Chan met in the capital.\n\n"
                  "They agreed on June 5 to open the border.\n\n"
                  "The two leaders will meet again on June 20.")
    assert actors_on(art, "2020-06-05") == {"Maria Lopez", "Lee Chan"}
    assert actors_on(art, "2020-06-20") == {"Maria Lopez", "Lee Chan"}


def test_without_an_antecedent_nothing_is_attached() -> None:
    art = article("Prices rose sharply.\n\nHe said on June 2 that talks would resume.\n\n"
                  "It was announced on June 4 that the plant would close.")
    assert actors_on(art, "2020-06-02") == set()
    assert actors_on(art, "2020-06-04") == set()


def test_two_candidates_are_ambiguous_unless_the_description_names_one() -> None:
    art = article("Acme Corp sold ten jets to Borealis Airlines.\n\n"
                  "The airline said on June 6 that deliveries would start in July.\n\n"
                  "Acme Corp and Widget Works make parts.\n\n"
                  "The company said on June 8 that it had hired staff.")
    assert actors_on(art, "2020-06-06") == {"Borealis Airlines"}
    assert actors_on(art, "2020-06-08") == set()


def test_a_known_gender_vetoes_the_nearest_person() -> None:
    art = article("Ms Maria Lopez opened the lab.\n\nMr Lee Chan visited it.\n\n"
                  "She said on June 7 that the visit went well.")
    assert actors_on(art, "2020-06-07") == {"Maria Lopez"}


def test_quoted_pronouns_are_the_speakers_and_stay_unresolved() -> None:
    art = article("Maria Lopez spoke to reporters.\n\n"
                  "\u201cHe will come back on June 9,\u201d a neighbour said.")
    assert actors_on(art, "2020-06-09") == set()


def test_descriptions_that_are_objects_are_not_subjects() -> None:
    art = article("Acme Corp makes parts.\n\nShares of the company fell on June 11.")
    assert actors_on(art, "2020-06-11") == set()


def test_the_lead_without_a_named_subject_takes_the_headline_actor() -> None:
    art = article("Shares rose after the deal was announced.\n\nThe deal closes in July.",
                  title="Acme Corp buys a rival")
    assert actors_on(art, "2020-06-10") == {"Acme Corp"}


def test_resolved_mentions_are_deterministic_and_marked() -> None:
    art = article("Maria Lopez runs the lab.\n\nShe founded it in 1998.")
    mentions = [Mention("Maria Lopez", art.text.index("Maria"), art.text.index("Maria") + 11,
                        "Maria Lopez")]
    found = coref.resolve(art, mentions, KINDS)
    assert [(m.actor, m.text, m.via) for m in found] == [("Maria Lopez", "She", "coref")]
    assert found == coref.resolve(art, mentions, KINDS)


def test_it_said_stands_for_the_organisation_and_the_country_for_a_country() -> None:
    art = article("Widget Works opened a plant in Norland.\n\n"
                  "It said on June 12 that output would double.\n\n"
                  "The country will vote on June 25.")
    assert actors_on(art, "2020-06-12") == {"Widget Works"}
    assert actors_on(art, "2020-06-25") == {"Norland"}


def test_an_unknown_name_in_between_makes_the_company_unsure() -> None:
    art = article("Acme Corp sells phones.\n\nA rival, Zentrix, sued on June 1.\n\n"
                  "The company said on June 13 that it owns the brand.")
    assert actors_on(art, "2020-06-13") == set()


def test_a_person_named_too_long_ago_is_not_the_antecedent() -> None:
    art = article("Maria Lopez runs the lab.\n\nPrices rose.\n\nRents rose.\n\nWages fell.\n\n"
                  "She resigned on June 14.")
    assert actors_on(art, "2020-06-14") == set()


def roles_events(art: Article) -> tuple[Event, ...]:
    mentions = sorted((Mention(name, m.start(), m.end(), name)
                       for name in KINDS for m in re.finditer(re.escape(name), art.text)
                       if m.start() > len(art.title)), key=lambda m: m.start)
    actors = [Actor(name, name, kind,  # type: ignore[arg-type]
                    roles=(Role("Norland Foreign Minister"),) if name == "Lee Chan" else ())
              for name, kind in KINDS.items()]
    return extract_events([art], {art.id: mentions}, {}, actors)


def test_a_role_description_stands_for_the_person_holding_the_role() -> None:
    art = article("Foreign Minister Lee Chan met Maria Lopez.\n\n"
                  "The minister said on June 15 that the talks went well.")
    found = [e for e in roles_events(art) if e.date.iso() == "2020-06-15"]
    assert {a for e in found for a in e.actors} == {"Lee Chan"}


def test_an_unnamed_role_in_between_blocks_he() -> None:
    art = article("Maria Lopez opened the plant.\n\nThe spokesman said costs rose.\n\n"
                  "He added on June 16 that prices would rise.")
    assert actors_on(art, "2020-06-16") == set()
