"""Score the date engine on TimeML-annotated news (TempEval-3 style), from the command line.

Usage: python bench/timeml_eval.py PATH [PATH ...] [--errors] [--cli]

PATH is a .tml file or a folder of them (TempEval-3 / TimeBank format: a DCT TIMEX3 with
functionInDocument="CREATION_TIME", inline TIMEX3 tags inside <TEXT>). The tags are
stripped, the plain text goes through the engine with the document's DCT (with --cli,
through `timeline dates` itself), and the answers are compared with the annotations:

  span   relaxed match (the two spans overlap) and strict match (same span)
  value  a relaxed match whose normalised value is also equal
  F1     over all types, and over DATE expressions alone

--errors lists every missed, spurious and wrong-valued expression.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.dates import engine as dates  # noqa: E402

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    name: str
    dct: dt.date
    text: str
    gold: list[Span]


def parse_tml(path: Path) -> Doc:
    """The plain text of a TimeML document, its creation date and its TIMEX3 annotations."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', raw) \
        or re.search(r'<TIMEX3[^>]*value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"', raw)
    if not dct_match:
        raise ValueError(f"{path}: no TIMEX3 with functionInDocument=\"CREATION_TIME\"")
    dct = dt.date.fromisoformat(dct_match.group(1)[:10])
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if not body:
        raise ValueError(f"{path}: no <TEXT> element")
    text, gold = _strip(body.group(1))
    return Doc(path.name, dct, text, gold)


def _strip(marked: str) -> tuple[str, list[Span]]:
    """Remove tags; remember where each TIMEX3 lay in the remaining text."""
    out: list[str] = []
    length = 0
    pos = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold = []
    for m in _TAG.finditer(marked):
        piece = html.unescape(marked[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing and m.group(4) != "/":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif closing and open_timex is not None:
            start, attrs = open_timex
            text = "".join(out)[start:length]
            gold.append(Span(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    out.append(html.unescape(marked[pos:]))
    return "".join(out), gold


def system_spans(doc: Doc, via_cli: bool) -> list[Span]:
    """What the engine finds in the document's text."""
    if not via_cli:
        return [Span(t.start, t.end, t.text, t.type, t.value) for t in dates.tag(doc.text, doc.dct)]
    done = subprocess.run([sys.executable, "-m", "generator", "dates", "--dct", doc.dct.isoformat(), "-"],
                          input=doc.text, capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return [Span(r["start"], r["end"], r["text"], r["type"], r["value"]) for r in rows]


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0

    def add(self, other: Tally) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def f1(hit: int, system: int, gold: int) -> tuple[float, float, float]:
        p = hit / system if system else 0.0
        r = hit / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def compare(gold: list[Span], system: list[Span], errors: list[str], name: str) -> Tally:
    """Match system spans to gold ones (first overlapping, one to one) and count."""
    t = Tally(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        match = next((i for i, s in enumerate(system)
                      if i not in used and s.start < g.end and g.start < s.end), None)
        if match is None:
            errors.append(f"{name}: MISSED {g.text!r} {g.type} {g.value}")
            continue
        used.add(match)
        s = system[match]
        t.relaxed += 1
        t.strict += (s.start, s.end) == (g.start, g.end)
        if s.value == g.value:
            t.value += 1
        else:
            errors.append(f"{name}: VALUE {g.text!r} gold {g.value}, got {s.value} ({s.text!r})")
    for i, s in enumerate(system):
        if i not in used:
            errors.append(f"{name}: SPURIOUS {s.text!r} {s.type} {s.value}")
    return t


def evaluate(paths: list[Path], via_cli: bool = False) -> tuple[Tally, Tally, list[str]]:
    """Totals over all types and over DATEs, and the list of errors."""
    files = sorted(p for path in paths for p in ([path] if path.is_file() else path.rglob("*.tml")))
    every, date_only, errors = Tally(), Tally(), []
    for f in files:
        doc = parse_tml(f)
        found = system_spans(doc, via_cli)
        every.add(compare(doc.gold, found, errors, doc.name))
        date_only.add(compare([g for g in doc.gold if g.type == "DATE"],
                              [s for s in found if s.type == "DATE"], [], doc.name))
    return every, date_only, errors


def report(label: str, t: Tally) -> str:
    _, _, relaxed = Tally.f1(t.relaxed, t.system, t.gold)
    _, _, strict = Tally.f1(t.strict, t.system, t.gold)
    vp, vr, vf = Tally.f1(t.value, t.system, t.gold)
    return (f"{label}: gold {t.gold}, found {t.system}; span F1 relaxed {relaxed:.3f} strict "
            f"{strict:.3f}; value P {vp:.3f} R {vr:.3f} F1 {vf:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--cli", action="store_true", help="run `timeline dates` instead of the API")
    a = ap.parse_args()
    every, date_only, errors = evaluate(a.paths, a.cli)
    if a.errors:
        print("\n".join(errors))
    print(report("all types", every))
    print(report("DATE only", date_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
