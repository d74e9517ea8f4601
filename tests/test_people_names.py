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
