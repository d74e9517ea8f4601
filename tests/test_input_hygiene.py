"""Bad input is one line naming its file: characters that cannot be published, theme
templates that fail, paths that cannot be read; and data exports are safe to open."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from generator import build as build_mod
from generator import cli
from generator.config import SiteConfig
from generator.model import Actor, Event, PartialDate, Source, Timeline
from generator.output import exports

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Talks between the two ministers began in Geneva on 6 June 2020.\n"
# Characters no page may hold: a lone surrogate, C0 controls, DEL and a C1 control.
BAD = ("\ud800", "\x01", "\x1b", "\x7f", "\x9b")


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder, the current one (so messages name files relative to it)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def build(*flags: str) -> int:
    return cli.main(["build", "--source", "src", "--output", "site", "--no-search", "--quiet",
                     *flags])


def site_text(folder: Path) -> str:
    """Every page, feed and data file of a built site, as text."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*"))
                     if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv", ".ics"))


def assert_clean(folder: Path) -> None:
    text = site_text(folder)
    assert not [c for c in BAD if c in text]


# ---------------------------------------------------------------- characters from YAML escapes


def test_a_lone_surrogate_in_a_title_is_removed_with_a_warning(here: Path, capsys) -> None:
    write(here / "src/a.md", f'---\ntitle: "Talks \\ud800 in Geneva"\ndate: 2020-06-08\n---\n{TEXT}')
    assert build() == 0
    assert capsys.readouterr().err.splitlines() == [
        "a.md:2:8: warning: front-matter `title`: removed lone surrogate U+D800, which cannot "
        "be published; fix the escapes in the YAML"]
    assert "Talks in Geneva" in (here / "site/articles/a.html").read_text(encoding="utf-8")
    assert_clean(here / "site")


def test_control_characters_in_front_matter_never_reach_the_pages(here: Path, capsys) -> None:
    write(here / "src/a.md", '---\ntitle: "Talks\\x01 \\e[31m in \\x7f\\x9bGeneva"\n'
                             f'outlet: "Wire\\a"\ntags: [ok, "\\x02"]\ndate: 2020-06-08\n---\n{TEXT}')
    assert build() == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "a.md:2:8: warning: front-matter `title`: removed control character U+0001, control "
        "character U+001B, control character U+007F and control character U+009B, which cannot "
        "be published; fix the escapes in the YAML",
        "a.md:3:9: warning: front-matter `outlet`: removed control character U+0007, which "
        "cannot be published; fix the escapes in the YAML",
        "a.md:4:12: warning: front-matter `tags`: removed control character U+0002, which "
        "cannot be published; fix the escapes in the YAML",
    ]
    assert_clean(here / "site")


def test_a_surrogate_pair_written_as_two_escapes_is_one_character(here: Path, capsys) -> None:
    write(here / "src/a.md", f'---\ntitle: "Talks \\ud83d\\ude00"\ndate: 2020-06-08\n---\n{TEXT}')
    assert build() == 0
    assert capsys.readouterr().err == ""
    assert "Talks \U0001f600" in (here / "site/articles/a.html").read_text(encoding="utf-8")


def test_the_catalog_is_cleaned_and_named(here: Path, capsys) -> None:
    write(here / "src/a.txt", TEXT)
    write(here / "src/catalog.yaml", 'articles:\n  - file: a.txt\n    published: 2020-06-08\n'
                                     '    title: "Talks \\ud800\\x01"\n')
    assert build() == 0
    assert capsys.readouterr().err.splitlines() == [
        "catalog.yaml:4:12: warning: catalog `title`: removed lone surrogate U+D800 and control "
        "character U+0001, which cannot be published; fix the escapes in the YAML"]
    assert_clean(here / "site")


def test_the_actor_registry_is_cleaned_and_named(here: Path, capsys) -> None:
    write(here / "src/a.md", f"---\ntitle: Talks\ndate: 2020-06-08\n---\n{TEXT}")
    write(here / "src/actors.yaml", '- name: "Geneva\\x00 Group"\n  kind: organization\n'
                                    '  aliases: ["\\ud800GG"]\n  description: "A \\x1b[1mgroup"\n')
    assert build() == 0
    assert capsys.readouterr().err.splitlines() == [
        "actors.yaml:1:9: warning: `name`: removed control character U+0000, which cannot be "
        "published; fix the escapes in the YAML",
        "actors.yaml:3:13: warning: `aliases`: removed lone surrogate U+D800, which cannot be "
        "published; fix the escapes in the YAML",
        "actors.yaml:4:16: warning: `description`: removed control character U+001B, which "
        "cannot be published; fix the escapes in the YAML",
    ]
    assert_clean(here / "site")


def test_site_yaml_is_cleaned_and_named(here: Path, capsys) -> None:
    write(here / "src/a.md", f"---\ntitle: Talks\ndate: 2020-06-08\n---\n{TEXT}")
    write(here / "site.yaml", 'title: "Libya \\ud800talks"\ndescription: "Who\\x07 and when"\n')
    assert build("--config", "site.yaml") == 0
    assert capsys.readouterr().err.splitlines() == [
        "site.yaml:1:8: warning: `title`: removed lone surrogate U+D800, which cannot be "
        "published; fix the escapes in the YAML",
        "site.yaml:2:14: warning: `description`: removed control character U+0007, which cannot "
        "be published; fix the escapes in the YAML",
    ]
    assert "Libya talks" in (here / "site/index.html").read_text(encoding="utf-8")
    assert_clean(here / "site")


def test_a_title_flag_that_is_not_utf8_is_cleaned(here: Path, capsys) -> None:
    write(here / "src/a.md", f"---\ntitle: Talks\ndate: 2020-06-08\n---\n{TEXT}")
    assert build("--title", "Caf\udce9 talks") == 0  # how Python passes the bytes `Caf\xe9`
    assert capsys.readouterr().err.splitlines() == [
        "--title: warning: removed lone surrogate U+DCE9, which cannot be published"]
    assert_clean(here / "site")


# ---------------------------------------------------------------- the CSV export


def test_csv_text_cells_are_never_formulas_and_our_data_is_untouched() -> None:
    actors = (Actor("x", "-Minus Group", "organization"),)
    events = tuple(
        Event(f"e{i}", PartialDate(2020, 1, 8), "", "reported", title, ("x",), ("@Place",),
              (Source("a", 0, 0, 1, "q"),))
        for i, title in enumerate(['=HYPERLINK("http://x","y")', "+1 talks", "\tTab", "\rCR",
                                   "Talks = progress"]))
    text = exports.events_csv(Timeline((), actors, events), SiteConfig()).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["title"] for r in rows] == ["'=HYPERLINK(\"http://x\",\"y\")", "'+1 talks",
                                          "'\tTab", "'\rCR", "Talks = progress"]
    assert {r["actors"] for r in rows} == {"'-Minus Group"}
    assert {r["places"] for r in rows} == {"'@Place"}
    assert {(r["id"][0], r["date"], r["first_day"], r["actor_ids"], r["articles"])
            for r in rows} == {("e", "2020-01-08", "2020-01-08", "x", "a")}


# ---------------------------------------------------------------- theme templates


THEME_CASES = [
    ("syntax", {"search.html": "<p>\n{% if x %}\nno end\n"},
     "theme/search.html:2: error: Unexpected end of template. Jinja was looking for the "
     "following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be "
     "closed is 'if'; fix the template"),
    ("runtime", {"search.html": "<p>\n\n{{ 1 // 0 }}\n"},
     "theme/search.html:3: error: integer division or modulo by zero (ZeroDivisionError); "
     "fix the template"),
    ("undefined", {"search.html": "<p>\n{{ nothing.here }}\n"},
     "theme/search.html:2: error: 'nothing' is undefined (UndefinedError); fix the template"),
    ("extends", {"search.html": '{% extends "nope.html" %}\n'},
     "theme/search.html:1: error: template 'nope.html' not found (looked in theme, TEMPLATES); "
     "add it to the theme or fix the name"),
    ("include", {"search.html": '<p>\n{% include "gone.html" %}\n'},
     "theme/search.html:2: error: template 'gone.html' not found (looked in theme, TEMPLATES); "
     "add it to the theme or fix the name"),
    ("included syntax", {"search.html": '{% include "part.html" %}\n', "part.html": "\n{{ a b }}"},
     "theme/part.html:2: error: expected token 'end of print statement', got 'b'; "
     "fix the template"),
    ("binary", {"search.html": b"<p>\xff\xfe\x00 </p>"},
     "theme/search.html: error: not valid UTF-8 text (byte 0xff); save the template as UTF-8"),
    ("binary include", {"search.html": '{% include "logo.html" %}', "logo.html": b"\x89PNG\xff"},
     "theme/logo.html: error: not valid UTF-8 text (byte 0x89); save the template as UTF-8"),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in THEME_CASES],
                         ids=[c[0] for c in THEME_CASES])
def test_a_failing_theme_template_is_one_line_naming_it(here: Path, capsys, files: dict,
                                                         expected: str) -> None:
    write(here / "src/a.md", f"---\ntitle: Talks\ndate: 2020-06-08\n---\n{TEXT}")
    write(here / "site.yaml", "theme: theme\n")
    for name, content in files.items():
        target = here / "theme" / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
    (here / "site").mkdir()
    (here / "site/index.html").write_text("old site")
    assert build("--config", "site.yaml") == 1
    err = capsys.readouterr().err.replace(str(build_mod.TEMPLATES), "TEMPLATES")
    assert err.splitlines() == [expected, "build failed: site left as it was"]
    assert (here / "site/index.html").read_text() == "old site"
    assert not list(here.glob("site.tmp-*"))  # the pages written before it failed: gone


def test_a_missing_page_template_names_it(tmp_path: Path) -> None:
    src = write(tmp_path / "src/a.md", f"---\ntitle: Talks\ndate: 2020-06-08\n---\n{TEXT}").parent
    templates = tmp_path / "templates"
    templates.mkdir()
    result = build_mod.build(src, tmp_path / "site", templates=templates, with_search=False)
    assert result.failed()
    assert [str(d) for d in result.diagnostics if d.level == "error"] == [
        f"index.html: error: template 'index.html' not found (looked in {templates}); "
        "add it to the theme or fix the name"]
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------- paths that cannot be read


def test_a_source_path_too_long_is_a_read_problem(here: Path, capsys) -> None:
    long = "a" * 300
    assert cli.main(["build", "--source", long, "--output", "site", "--no-search"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{long}: error: cannot read: File name too long; check --source"]
    assert cli.main(["build", "--source", "src", "--config", long, "--output", "site"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{long}: error: cannot read: File name too long; check --config"]


def make_deep(root: Path, depth: int) -> None:
    """Folders nested deeper than a path may be long, with an article at the bottom."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for i in range(depth):  # through folder handles: the full path is too long to use
            name = chr(ord("a") + i) * 200
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        article = os.open("b.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(article, TEXT.encode())
        os.close(article)
    finally:
        os.close(fd)


def test_a_file_whose_path_is_too_long_is_named_not_the_output(here: Path, capsys) -> None:
    write(here / "src/a.md", f"---\ntitle: Talks\ndate: 2020-06-08\n---\n{TEXT}")
    make_deep(here / "src", 22)
    assert build() == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "build failed: site left as it was"
    problems = [line for line in err if "error" in line]
    assert len(problems) == 1
    assert problems[0].startswith("a" * 200 + "/" + "b" * 200 + "/")
    assert problems[0].endswith(": error: cannot read: File name too long; shorten the names of "
                                "the folders it is in, or move it up")


def test_a_theme_path_too_long_is_a_config_error(here: Path, capsys) -> None:
    write(here / "src/a.md", f"---\ntitle: Talks\ndate: 2020-06-08\n---\n{TEXT}")
    write(here / "site.yaml", "title: T\ntheme: " + "t" * 300 + "\n")
    assert build("--config", "site.yaml") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"site.yaml:2: error: `theme`: cannot read {here / ('t' * 300)} (File name too "
                   "long)", "build failed: site left as it was"]


def test_a_read_no_reader_expected_to_fail_is_not_blamed_on_the_output(
        here: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(source: Path, max_size: int) -> None:
        raise PermissionError(13, "Permission denied", "src/a.md")

    # the listing every read starts with (the cached and the plain reading alike)
    monkeypatch.setattr(build_mod.sourcefiles, "list_files", unreadable)
    assert build() == 1
    assert capsys.readouterr().err.splitlines() == [
        "src/a.md: error: cannot read: Permission denied; check it exists and its permissions",
        "build failed: site left as it was"]


def _marks(node) -> list[tuple[int, int, str]]:
    out, todo = [], [node] if node is not None else []
    while todo:
        n = todo.pop()
        out.append((n.start_mark.line, n.start_mark.column, n.tag))
        if isinstance(n.value, list):
            todo += [x for item in n.value for x in (item if isinstance(item, tuple) else (item,))]
    return out


@pytest.mark.parametrize("text", [
    "title: Talks resume\ndate: 2021-02-28\noutlet: Wire",
    "title: \"Quote \\x01 and \\u00e9\"\ntags: [a, b]\nwhen: 2019-05",
    "title: 'it''s'\nsummary: |\n  two\n  lines\nn: 0x1F",
    "title: Zürich\nplaces: {città: Torino, 北京: Beijing}",  # columns count characters
    "title: \"\\ud800 alone\"",  # libyaml refuses a lone surrogate: PyYAML reads it, cleaned
])
def test_front_matter_reads_alike_with_and_without_libyaml(text: str) -> None:
    """Front matter is parsed by libyaml where PyYAML has it (four times faster), by
    PyYAML's own parser otherwise and whenever libyaml refuses a text: the same data, the
    same cleaned characters and the same lines and columns either way."""
    from generator.reading import yamlio

    fast, slow = yamlio.load(text), yamlio._load(yamlio.Loader, text)
    assert fast[0] == slow[0]
    assert fast[2] == slow[2]
    assert _marks(fast[1]) == _marks(slow[1])
