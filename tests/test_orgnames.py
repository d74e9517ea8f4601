"""Unknown organisations told apart from people, places and products by corpus-wide evidence."""

from __future__ import annotations

from pathlib import Path

from generator.actors.resolve import find_actors
from generator.model import Actor
from generator.reading.corpus import read_corpus


def found_actors(tmp_path: Path, *texts: str) -> list[Actor]:
    """The actors found in the articles `texts` (one file each)."""
    for i, text in enumerate(texts):
        (tmp_path / f"a{i}.md").write_text(
            f"---\ntitle: Story {i}\ndate: 2021-03-0{i + 1}\n---\n{text}\n", encoding="utf-8")
    articles, _ = read_corpus(tmp_path)
    return list(find_actors(articles).actors)


def actors_of(tmp_path: Path, *texts: str) -> dict[str, str]:
    """name -> kind of every actor found in the articles `texts`."""
    return {a.name: a.kind for a in found_actors(tmp_path, *texts)}


def test_a_one_word_company_is_one_organisation_with_its_legal_forms(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "Quillon said on Monday that it would build a new plant. Quillon CEO Dana Pike "
        "announced the plan.",
        "Shares of Quillon Co. rose on Tuesday. Quillon has hired 300 workers.",
        "Quillon will open the plant in May, Quillon said.",
    )
    assert found.get("Quillon") == "organization", found
    assert not [n for n in found if n.startswith("Quillon ") and n != "Quillon"], found
    assert found.get("Dana Pike") == "person"


def test_a_repeated_acronym_that_acts_is_an_organisation(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "ZETRA said on Monday that it had won the contract.",
        "The contract, which ZETRA won in March, was signed on Friday.",
    )
    assert found.get("ZETRA") == "organization", found


def test_a_surname_that_acts_stays_a_person(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "President Ilse Marrow said on Monday that talks would resume. Marrow has met "
        "the envoy twice.",
        "Marrow said the talks were useful. Marrow will travel on Friday.",
    )
    assert found.get("Ilse Marrow") == "person", found
    assert "Marrow" not in found, found


def test_a_product_or_a_place_is_not_an_organisation(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "The Skyglider is the largest plane ever built. The Skyglider has four engines.",
        "Tests of the Skyglider were held in Porvenna on Monday. The Skyglider is late.",
        "Crowds in Porvenna watched. Porvenna is a small town, and in Porvenna hotels are full.",
    )
    assert "Skyglider" not in found and "Porvenna" not in found, found


def test_a_based_company_with_two_names_is_an_organisation(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "The air force chose Denver-based Halvard Brenning on Monday to build the tankers.",
        "A rival bid from Halvard Brenning Corp. lost in March.",
    )
    assert found == {"Halvard Brenning": "organization"}, found  # one, named without `Corp.`


def test_a_country_written_three_ways_before_an_organisation_is_one_organisation(
        tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "The U.S. Coast Guard said on Monday that it had found the boat.",
        "The US Coast Guard ended the search on Tuesday.",
        "The United States Coast Guard thanked the crews on Wednesday.",
    )
    assert [n for n in found if "Coast Guard" in n] == ["United States Coast Guard"], found


def test_an_undefined_acronym_is_the_organisation_whose_initials_it_spells(
        tmp_path: Path) -> None:
    found = found_actors(
        tmp_path,
        "The Northern Grain Board announced new quotas on Monday.",
        "NGB said on Tuesday that quotas would rise. NGB has 40 members.",
    )
    board = [a for a in found if "NGB" in (a.name, *a.aliases)]
    assert [(a.name, a.kind) for a in board] == [("Northern Grain Board", "organization")]


def test_a_short_name_is_the_longer_one_of_the_same_article(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "The Harbour Pilots Union called a strike on Monday. The Pilots Union said talks failed.",
    )
    assert [n for n in found if "Union" in n] == ["Harbour Pilots Union"], found


def test_a_possessive_owner_before_a_known_organisation_is_dropped(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "Marlowe's Blue Kite Foundation sued on Monday.",
        "Blue Kite Foundation won the case in March.",
    )
    assert [n for n in found if "Kite" in n] == ["Blue Kite Foundation"], found


def test_a_person_glued_after_an_organisation_is_split_off(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "Orvane Inc. Chief Executive Lina Stroud said on Monday that sales rose.",
        "Orvane Inc. Lina Stroud announced the results on Tuesday.",
    )
    assert found.get("Lina Stroud") == "person", found
    assert not [n for n in found if "Orvane" in n and "Stroud" in n], found


def test_a_short_acronym_defined_in_brackets_may_take_inner_letters(tmp_path: Path) -> None:
    found = found_actors(
        tmp_path,
        "The first plane was delivered to Tasman Airlines (TAL) on Monday.",
        "TAL said on Tuesday that the plane would fly in May.",
    )
    airline = [a for a in found if "TAL" in (a.name, *a.aliases)]
    assert [a.name for a in airline] == ["Tasman Airlines"], [(a.name, a.aliases) for a in found]


def test_an_office_of_an_organisation_before_a_name_is_the_persons_title(
        tmp_path: Path) -> None:
    found = found_actors(
        tmp_path,
        "Secretary of the Coast Guard Mara Quint said on Monday that the search would go on.",
        "The United States Coast Guard ended the search on Tuesday.",
    )
    quint = [a for a in found if a.name == "Mara Quint"]
    assert [(a.kind, [r.title for r in a.roles]) for a in quint] == [
        ("person", ["Secretary of the Coast Guard"])], [(a.name, a.kind) for a in found]
    assert not [a for a in found if a.name.startswith("Secretary")]


def test_a_short_name_in_a_story_naming_a_country_is_that_countrys_organisation(
        tmp_path: Path) -> None:
    found = found_actors(
        tmp_path,
        "The United States Coast Guard said on Monday that it had found the boat.",
        "The Coast Guard ended the search in the United States on Tuesday.",
        "The Royal Coast Guard sent a ship to Norway on Wednesday.",
    )
    assert sorted(a.name for a in found if "Coast Guard" in a.name) == [
        "Royal Coast Guard", "United States Coast Guard"]


def test_a_company_whose_name_starts_with_a_rank_is_not_a_person(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "General Motors said on Monday that it would cut 2,000 jobs.",
        "Major Industries announced a new plant on Tuesday.",
    )
    assert found.get("General Motors") == "organization", found
    assert found.get("Major Industries") == "organization", found
    assert "Motors" not in found and "Industries" not in found, found
