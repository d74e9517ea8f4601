"""The whole pipeline on the example corpus (tests/corpora/example/): what a reader checks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from linkcheck import broken_links

from generator import cli
from generator.output.outlock import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "corpora" / "example-site.yaml"
SEEDS = ROOT / "tests" / "corpora" / "example"
GOLDEN = Path(__file__).resolve().parent / "golden" / "example"

# What the five example articles report (our own reading of them): date, precision,
# status, actors that must be linked, and the articles (by file-name prefix) that must
# all be sources of that one event.
EXPECTED_EVENTS = [
    ("2019-04", "month", "reported", ["Khalifa Haftar"], ["004"]),
    ("2019-12-09", "day", "reported", ["Recep Tayyip Erdogan", "Vladimir Putin"], ["004"]),
    ("2019-12-10", "day", "reported", ["Dmitry Peskov", "Vladimir Putin", "Recep Tayyip Erdogan"],
     ["004"]),
    ("2020-01-07", "day", "reported", ["Khalifa Haftar"], ["003"]),
    ("2020-01-08", "day", "reported", ["Recep Tayyip Erdogan", "Vladimir Putin"], ["003", "004"]),
    ("2020-01-12", "day", "planned", [], ["003"]),
    ("2020-01-13", "day", "reported", ["Sergey Lavrov", "Mevlut Cavusoglu"], ["001"]),
    ("2020-01-19", "day", "reported", ["Vladimir Putin"], ["001"]),
    ("2020-03", "month", "reported", ["Government of National Accord"], ["002"]),
    ("2020-06-06", "day", "reported", [], ["001"]),
    ("2020-W24", "week", "reported", ["United Nations"], ["002"]),
    ("2020-06-14", "day", "reported", ["Sergey Lavrov"], ["001", "002"]),
    ("2020-06-15", "day", "reported", ["Mevlut Cavusoglu", "Javad Zarif"], ["002"]),
    ("2020-06-17", "day", "reported", ["Sergey Lavrov", "United States"], ["000"]),
    ("2020-06-20", "day", "reported", ["Sergey Lavrov", "Mevlut Cavusoglu"], ["001"]),
    ("2011", "year", "reported", ["Muammar Gaddafi", "NATO"], ["002", "003"]),
]
# Dates an event may carry: the ones above, the optional ones a careful reader might also
# draw ("earlier this year", "almost ten years ago", the Cairo plan's start), and the
# articles' own publication days.
ALLOWED_DATES = {e[0] for e in EXPECTED_EVENTS} | {"2020", "2010", "2020-06-08", "2019-12-10"}
EXPECTED_ACTORS = {
    "Sergey Lavrov": ("person", ["Sergei Lavrov", "Lavrov"]),
    "Mevlut Cavusoglu": ("person", ["Cavusoglu"]),
    "Vladimir Putin": ("person", ["Putin"]),
    "Recep Tayyip Erdogan": ("person", ["Erdogan"]),
    "Khalifa Haftar": ("person", ["Haftar"]),
    "Fayez al-Sarraj": ("person", ["Fayez Sarraj"]),
    "Dmitry Peskov": ("person", ["Peskov"]),
    "Javad Zarif": ("person", []),
    "Muammar Gaddafi": ("person", ["Muammar Qaddafi"]),
    "Abdullah al-Thani": ("person", ["Abdullah Abdurrahman al-Thani"]),
    "Russia": ("country", []), "Turkey": ("country", []), "Libya": ("country", []),
    "United States": ("country", ["U.S."]), "Egypt": ("country", []), "Iran": ("country", []),
    "United Arab Emirates": ("country", []),
    "Government of National Accord": ("organization", ["GNA"]),
    "Libyan National Army": ("organization", ["LNA"]),
    "United Nations": ("organization", ["UN"]),
    "NATO": ("organization", []),
}
NOT_ACTORS = ["Pavel Golovkin", "Selcan Hacaoglu", "Cagan Koc", "Olga Tanas", "Onur Ant",
              "Lin Noueihed", "Caroline Alexander", "Mark Williams", "Firat Kozok", "Bloomberg"]


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def tree(folder: Path) -> dict[str, bytes]:
    """The site's files; the writer's manifest is checked in test_output_safety.py."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    assert cli.main(["build", "--source", str(SEEDS), "--output", str(out), "--quiet",
                     "--no-search", "--config", str(CONFIG)]) == 0
    return out


@pytest.fixture(scope="module")
def data(site: Path) -> dict:
    return json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))


def spellings(data: dict) -> dict[str, set[str]]:
    return {a["id"]: {norm(n) for n in [a["name"], *a["aliases"]]} for a in data["actors"]}


def test_every_article_is_listed_with_its_publication_date(data: dict) -> None:
    got = {Path(a["file"]).name[:3]: a["date"] for a in data["articles"]}
    assert got == {"000": "2020-06-17", "001": "2020-06-20", "002": "2020-06-15",
                   "003": "2020-01-08", "004": "2019-12-10"}


@pytest.mark.parametrize(("date", "precision", "status", "actors", "articles"), EXPECTED_EVENTS,
                         ids=[e[0] for e in EXPECTED_EVENTS])
def test_expected_event(data: dict, date: str, precision: str, status: str,
                        actors: list[str], articles: list[str]) -> None:
    names = spellings(data)
    prefix = {a["id"]: Path(a["file"]).name[:3] for a in data["articles"]}
    matching = []
    for ev in data["events"]:
        have = set().union(*(names[a] for a in ev["actors"])) if ev["actors"] else set()
        cited = {prefix[s["article"]] for s in ev["sources"]}
        if ev["date"] == date and all(norm(n) in have for n in actors) and set(articles) <= cited:
            matching.append(ev)
    assert matching, f"no event on {date} with {actors} citing {articles}"
    assert matching[0]["precision"] == precision
    assert matching[0]["status"] == status


def test_no_event_carries_a_date_the_articles_do_not_support(data: dict) -> None:
    wrong = [(e["date"], e["title"]) for e in data["events"] if e["date"] not in ALLOWED_DATES]
    assert wrong == []


def test_one_actor_per_entity_with_its_kind(data: dict) -> None:
    names = spellings(data)
    kinds = {a["id"]: a["kind"] for a in data["actors"]}
    for name, (kind, also) in EXPECTED_ACTORS.items():
        hits = [aid for aid, sp in names.items() if sp & {norm(n) for n in [name, *also]}]
        assert len(hits) == 1, f"{name}: {hits}"
        assert kinds[hits[0]] == kind, name


def test_bylines_credits_and_contacts_are_not_actors(data: dict) -> None:
    everyone = set().union(*spellings(data).values())
    assert [n for n in NOT_ACTORS if norm(n) in everyone] == []


def test_every_internal_link_and_asset_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_article_page_marks_each_event_sentence_and_links_it(site: Path, data: dict) -> None:
    for article in data["articles"]:
        html = (site / "articles" / f"{article['id']}.html").read_text(encoding="utf-8")
        for ev in data["events"]:
            for src in ev["sources"]:
                if src["article"] == article["id"]:
                    assert f'<mark id="s-{src["sentence"]}"' in html
                    assert f'#ev-{ev["id"]}"' in html


def test_timeline_shows_human_dates_planned_badges_and_permalinks(site: Path, data: dict) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "8 January 2020" in html
    assert "week of 8 June 2020" in html
    assert "April 2019" in html
    assert "planned" in html.lower()
    for ev in data["events"]:
        assert f'id="ev-{ev["id"]}"' in html


def test_site_matches_the_golden_tree(site: Path) -> None:
    """The committed expected site; regenerate with `python tests/regen_golden.py`."""
    want, got = tree(GOLDEN), tree(site)
    assert sorted(got) == sorted(want)
    changed = [path for path in want if want[path] != got[path]]
    assert changed == [], "site differs from tests/golden/example in: " + ", ".join(changed)


def test_builds_are_byte_identical_whatever_the_environment(tmp_path: Path) -> None:
    shuffled = tmp_path / "src"
    shuffled.mkdir()
    for p in sorted(SEEDS.iterdir(), reverse=True):  # a different creation order on disk
        shutil.copy(p, shuffled / p.name)
    outs = []
    for i, env in enumerate([{"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C"},
                             {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati",
                              "LC_ALL": "C.UTF-8", "LANG": "tr_TR.UTF-8"}]):
        out = tmp_path / f"site{i}"
        src = SEEDS if i == 0 else shuffled
        # --no-search: Pagefind's filter files differ from run to run (its own hash order)
        subprocess.run([sys.executable, "-m", "generator", "build", "--source", str(src),
                        "--output", str(out), "--quiet", "--no-search"], check=True, cwd=ROOT,
                       env={**os.environ, **env})
        outs.append(tree(out))
    assert outs[0] == outs[1]


def test_undated_articles_still_build_with_a_warning(tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, src / p.name)
    out = tmp_path / "site"
    assert cli.main(["build", "--source", str(src), "--output", str(out)]) == 0
    err = capsys.readouterr().err
    assert "000_e03eaf84c137d225.txt: warning: could not infer a publication date" in err
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Undated articles" in html
    data = json.loads((out / "data" / "events.json").read_text(encoding="utf-8"))
    dated = {a["file"]: a["date"] for a in data["articles"]}
    assert dated["001_ccb38a0cb269b36b.txt"] == "2020-06-20"  # from its "Source:" line


def test_a_failed_build_leaves_the_previous_site(tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.html").write_text("old site")
    src = tmp_path / "src"
    src.mkdir()
    (src / "actors.yaml").write_text("- name: X\n  kind: robot\n")
    (src / "a.txt").write_text("Talks began on 6 June 2020.\n")
    assert cli.main(["build", "--source", str(src), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert "actors.yaml:2: error:" in err and "unknown kind 'robot'" in err and "build failed" in err
    assert (out / "keep.html").read_text() == "old site"
