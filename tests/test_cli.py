"""The `timeline` command as a user runs it: output, offsets, messages and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from generator import cli

ROOT = Path(__file__).resolve().parent.parent


def test_dates_prints_json_lines_with_offsets_into_the_file(tmp_path: Path, capsys) -> None:
    text = "Talks\r\nLeaders met on Feb. 28, the agency said.\nThey meet again next week.\n"
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode("utf-8"))
    assert cli.main(["dates", "--dct", "2020-06-17", str(f)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(x["text"], x["type"], x["value"]) for x in lines] == [
        ("Feb. 28", "DATE", "2020-02-28"), ("next week", "DATE", "2020-W26")]
    content = f.read_bytes().decode("utf-8")
    for x in lines:
        assert content[x["start"]:x["end"]] == x["text"]
        assert set(x) == {"start", "end", "text", "type", "value"}


def test_dates_reads_standard_input_and_explains(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("In April, the general announced an offensive."))
    assert cli.main(["dates", "--dct", "2019-12-10", "--explain", "-"]) == 0
    (record,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert record["value"] == "2019-04"
    assert record["rule"] == "month" and record["direction"] == "past"
    assert "announced" in record["reason"]


def test_dates_without_a_publication_date_leaves_the_year_open(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("It started on June 8.", encoding="utf-8")
    assert cli.main(["dates", str(f)]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == "XXXX-06-08"


def test_dates_on_a_missing_file_says_so_in_one_line(tmp_path: Path, capsys) -> None:
    assert cli.main(["dates", "--dct", "2020-01-01", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.txt: error: cannot read" in err[0]


def test_build_reports_how_each_article_was_dated(tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("---\ntitle: A\ndate: 2021-05-04\n---\nTalks began on Monday.\n")
    (src / "b.txt").write_text("Headline\n\nTalks ended.\n\nSource: Agency, May 6, 2021\n")
    assert cli.main(["build", "--source", str(src), "--output", str(tmp_path / "site")]) == 0
    out = capsys.readouterr().out
    assert "a.md: 2021-05-04 (front matter)" in out
    assert "b.txt: 2021-05-06 (source line)" in out
    assert (tmp_path / "site" / "index.html").is_file()


def test_build_of_a_missing_folder_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert cli.main(["build", "--source", str(tmp_path / "none"), "--output",
                     str(tmp_path / "site")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_build_refuses_to_replace_the_project_folder(tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Talks began on 6 June 2020.\n")
    assert cli.main(["build", "--source", str(src), "--output", str(ROOT)]) == 2
    assert (ROOT / "pyproject.toml").is_file()
    assert "error" in capsys.readouterr().err


def test_strict_turns_warnings_into_a_failure(tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("No date anywhere in this text.\n")
    out = tmp_path / "site"
    assert cli.main(["build", "--source", str(src), "--output", str(out), "--strict"]) == 1
    assert not out.exists()
    assert cli.main(["build", "--source", str(src), "--output", str(out)]) == 0


def test_python_dash_m_generator_runs_the_same_command() -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    assert done.stdout.startswith("timeline ")
