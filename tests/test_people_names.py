"""People named by a first name alone, once the article has named them in full."""

from __future__ import annotations

from pathlib import Path

from test_orgnames import actors_of


def test_a_first_name_alone_is_the_one_person_of_that_name_in_the_article(
        tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        'Chief Executive Tomas Reyne said on Monday that he would retire. "Tomas built this '
        'firm," the chairman said. Tomas said goodbye to the staff.',
    )
    assert found.get("Tomas Reyne") == "person", found
    assert "Tomas" not in found, found


def test_a_surname_one_letter_apart_with_the_same_first_name_is_one_person(
        tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "General Khalifa Haftar said on Monday that his forces had taken the port.",
        "General Khalifa Hafter said on Tuesday that talks would start.",
    )
    assert [n for n in found if n.startswith("Khalifa")] == ["Khalifa Haftar"], found


def test_different_first_names_keep_near_surnames_apart(tmp_path: Path) -> None:
    found = actors_of(
        tmp_path,
        "Minister Anton Berglund said on Monday that the talks failed.",
        "Minister Maria Berglunt said on Tuesday that talks would resume.",
    )
    assert {"Anton Berglund", "Maria Berglunt"} <= set(found), found
