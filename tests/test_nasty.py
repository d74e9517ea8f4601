"""The folder of nasty inputs in tests/nasty/: every message, exit code and surviving page.

`tests/nasty/src/` holds one file per kind of bad input, `tests/nasty/errors/` the inputs
that must fail a build. What cannot be committed safely (symbolic links, a pipe, Windows
device names, two names differing only in case) is made by `add_generated` in a copy.
The expected messages are in `tests/nasty/expected*.txt`, one line each, exactly as
`timeline build` prints them; README.md's "Problems and messages" explains each one.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
from pathlib import Path

import pytest

from generator import cli

NASTY = Path(__file__).resolve().parent / "nasty"
IGNORED = ["files/.hidden.txt", "files/draft.txt~", "files/#draft.txt#", "files/.draft.txt.swp",
           "files/old.txt.bak", "files/.cache/cached.txt"]
# Every article that must be on the site (file path in events.json -> title shown).
SURVIVORS = {
    "AUX.md": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "bad-catalog-date.txt": "Talks in Geneva",
    "catalog-broken/article.txt": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "con.txt": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "encodings/cp1252.txt": "Café talks “began”",
    "encodings/latin1.txt": "Naïve talks began",  # the C1 control character is dropped
    "encodings/utf16.txt": "Talks in UTF-16",
    "encodings/utf8-bom.txt": "Starts with a byte-order mark",
    "files/page.html": "A saved page.",  # a saved web page with no metadata (issue 13)
    "from-catalog.txt": "Talks from the catalog",
    "front-matter/date-feb-30.md": "Date that does not exist",
    "front-matter/date-soon.md": "Date soon",
    "front-matter/javascript-url.md": "A script link",
    "front-matter/malformed-yaml.md": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "front-matter/never-closed.md": "title: Never closed date: 2020-06-07 Talks between the two "
                                    "ministers began in Geneva on 6 June 2020.",  # read as text
    "front-matter/not-a-mapping.md": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "front-matter/title-list.md": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "front-matter/unknown-keys.md": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "front-matter/url-without-scheme.md": "No scheme",
    "good.txt": "Ministers meet in Geneva",
    "links/inside.txt": "Ministers meet in Geneva",
    "names/file with spaces.txt": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "names/it's $(echo pwned) & more; ok!.txt":
        "Talks between the two ministers began in Geneva on 6 June 2020.",
    "names/ünïcødé 新闻.txt": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "names/报道.txt": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "names/新闻.txt": "Talks between the two ministers began in Geneva on 6 June 2020.",
    "undated.txt": "Talks resume",
}


def add_generated(src: Path, outside: Path) -> None:
    """The cases that are made at test time rather than committed."""
    outside.mkdir()
    (outside / "secret.txt").write_text("A secret written on 6 June 2020.\n")
    links = src / "links"
    links.mkdir()
    (links / "outside.txt").symlink_to(outside / "secret.txt")
    (links / "outside-folder").symlink_to(outside, target_is_directory=True)
    (links / "inside-folder").symlink_to(Path("..") / "names", target_is_directory=True)
    (links / "inside.txt").symlink_to(Path("..") / "good.txt")
    (links / "broken.txt").symlink_to(Path("nowhere.txt"))
    (links / "loop.txt").symlink_to(Path("loop.txt"))
    os.mkfifo(src / "files" / "pipe.txt")  # reading it would hang a build that tried
    body = (src / "names" / "file with spaces.txt").read_text()
    (src / "con.txt").write_text(body)  # Windows device names
    (src / "AUX.md").write_text(body)
    for rel in IGNORED:  # in case a checkout dropped them (global gitignore)
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text("Should never be read.\n")


@pytest.fixture
def nasty(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(NASTY / "src", src, symlinks=True)
    add_generated(src, tmp_path / "outside")
    return src


def build(src: Path, out: Path, capsys, *flags: str) -> tuple[int, list[str]]:
    """Run `timeline build`; the exit code and the lines on standard error."""
    code = cli.main(["build", "--source", str(src), "--output", str(out), "--no-search",
                     "--max-size", "2K", *flags])
    return code, capsys.readouterr().err.splitlines()


def expected(name: str) -> list[str]:
    return (NASTY / name).read_text(encoding="utf-8").splitlines()


def same_lines(got: list[str], want: list[str]) -> None:
    diff = "\n".join(difflib.unified_diff(want, got, "expected", "got", lineterm=""))
    assert got == want, "messages differ:\n" + diff


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_nasty_inputs_build_with_one_exact_message_each(nasty: Path, tmp_path: Path,
                                                        capsys) -> None:
    out = tmp_path / "site"
    code, err = build(nasty, out, capsys)
    assert code == 0
    same_lines(err, expected("expected.txt"))
    data = json.loads((out / "data" / "events.json").read_text(encoding="utf-8"))
    assert {a["file"]: a["title"] for a in data["articles"]} == SURVIVORS
    for article in data["articles"]:
        assert (out / "articles" / f"{article['id']}.html").is_file()
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*.html"))
    assert "Should never be read" not in text and "A secret" not in text


def test_nasty_names_get_safe_stable_pages(nasty: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    assert build(nasty, out, capsys)[0] == 0
    pages = sorted(p.name for p in (out / "articles").iterdir())
    for name in pages:
        assert name.isascii() and " " not in name and "$" not in name and "'" not in name
        assert name.split(".")[0].lower() not in {"con", "aux", "nul", "prn"}
    assert len({p.lower() for p in pages}) == len(pages)
    again = tmp_path / "again"
    assert build(nasty, again, capsys)[0] == 0
    assert tree(again) == tree(out)


def test_strict_fails_on_the_warnings_and_keeps_the_old_site(nasty: Path, tmp_path: Path,
                                                             capsys) -> None:
    out = tmp_path / "site"
    assert build(nasty, out, capsys)[0] == 0
    before = tree(out)
    code, err = build(nasty, out, capsys, "--strict")
    assert code == 1
    same_lines(err, [*expected("expected.txt"), f"build failed: {out} left as it was"])
    assert tree(out) == before


def test_nasty_errors_fail_the_build_and_keep_the_old_site(nasty: Path, tmp_path: Path,
                                                           capsys) -> None:
    out = tmp_path / "site"
    assert build(nasty, out, capsys)[0] == 0
    before = tree(out)
    shutil.copytree(NASTY / "errors", nasty, dirs_exist_ok=True)
    body = (nasty / "good.txt").read_text()
    (nasty / "Report.txt").write_text(body)  # one file on Windows and macOS
    (nasty / "report.txt").write_text(body)
    code, err = build(nasty, out, capsys, "--quiet")
    assert code == 1
    same_lines(err, [*expected("expected-errors.txt"), f"build failed: {out} left as it was"])
    assert tree(out) == before
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
