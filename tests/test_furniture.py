"""Navigation, category and share bars are page furniture, never events or actors."""

from __future__ import annotations

import pytest

from generator.reading.furniture import is_furniture


@pytest.mark.parametrize("para", [
    "Home | World | Business | Sport",
    "| Published in: Politics | Europe |",
    "Published in: World news",
    "Share on Facebook",
    "Share this: Twitter | Facebook | Email",
    "Filed under: Airlines, Europe",
    "Categories: Aviation, Business",
    "Related: Port strike enters second week",
])
def test_bars_and_category_lines_are_furniture(para: str) -> None:
    assert is_furniture(para)


@pytest.mark.parametrize("para", [
    "The vote was 12 | 3 in favour of the motion, officials said on Monday.",
    "Airbus said on Monday it would cut 10,000 jobs.",
    "Shares of the carrier fell 4% on Tuesday.",
])
def test_story_sentences_are_not_furniture(para: str) -> None:
    assert not is_furniture(para)
