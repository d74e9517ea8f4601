"""Unknown organisations told apart from people, places and products by corpus-wide evidence."""

from __future__ import annotations

from pathlib import Path

from generator.actors import find_actors
from generator.readers import read_corpus


def actors_of(tmp_path: Path, *texts: str) -> dict[str, str]:
    """name -> kind of every actor found in the articles `texts` (one file each)."""
    for i, text in enumerate(texts):
        (tmp_path / f"a{i}.md").write_text(
            f"---\ntitle: Story {i}\ndate: 2021-03-0{i + 1}\n---\n{text}\n", encoding="utf-8")
    articles, _ = read_corpus(tmp_path)
    return {a.name: a.kind for a in find_actors(articles).actors}


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
