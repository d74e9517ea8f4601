"""The TimeML scorer in bench/ reads annotations right, and the engine holds its score on the
small annotated sample in tests/timeml/ (news-style texts written for this project)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import timeml_eval  # noqa: E402


def test_tags_are_stripped_and_spans_point_into_the_plain_text(tmp_path: Path) -> None:
    f = tmp_path / "d.tml"
    f.write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2020-06-17" '
                 'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>\nA &amp; B met '
                 '<TIMEX3 tid="t1" type="DATE" value="2020-06-15">Monday</TIMEX3>.</TEXT></TimeML>')
    doc = timeml_eval.parse_tml(f)
    assert doc.dct == dt.date(2020, 6, 17)
    assert doc.text == "\nA & B met Monday."
    (g,) = doc.gold
    assert doc.text[g.start:g.end] == "Monday" and g.value == "2020-06-15"


def test_scoring_counts_misses_spurious_and_wrong_values() -> None:
    S = timeml_eval.Span
    gold = [S(0, 6, "Monday", "DATE", "2020-06-15"), S(10, 14, "2011", "DATE", "2011")]
    system = [S(0, 6, "Monday", "DATE", "2020-06-08"), S(20, 24, "2510", "DATE", "2510")]
    errors: list[str] = []
    t = timeml_eval.compare(gold, system, errors, "d")
    assert (t.relaxed, t.value) == (1, 0)
    assert [e.split()[1] for e in errors] == ["VALUE", "MISSED", "SPURIOUS"]


def test_engine_keeps_its_score_on_the_sample() -> None:
    every, date_only, _ = timeml_eval.evaluate([ROOT / "tests" / "timeml"])
    assert timeml_eval.Tally.f1(every.value, every.system, every.gold)[2] >= 0.95
    assert timeml_eval.Tally.f1(date_only.value, date_only.system, date_only.gold)[2] >= 0.95
