"""`timeline init`: a new project that builds at once, and nothing of the user's overwritten."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml
from test_publish import actionlint

from generator import cli, config


def test_init_makes_a_project_that_builds_at_once(tmp_path: Path, monkeypatch, capsys) -> None:
    assert cli.main(["init", str(tmp_path / "mytimeline")]) == 0
    project = tmp_path / "mytimeline"
    assert "timeline build" in capsys.readouterr().out
    for rel in ("seeds/catalog.yaml", "site.yaml", ".github/workflows/pages.yml", ".gitignore",
                "README.md", "requirements.txt"):
        assert (project / rel).is_file(), rel
    assert len(list((project / "seeds").glob("*.txt"))) == 1

    monkeypatch.chdir(project)  # `cd mytimeline && timeline build`, with its defaults
    assert cli.main(["build", "--no-search"]) == 0
    data = json.loads((project / "site" / "data" / "events.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["date"] == "2024-03-07"
    dates = {e["date"] for e in data["events"]}
    assert {"2024-03-05", "2024-01-12", "2024-06-01"} <= dates
    assert "Ana Ruiz" in {a["name"] for a in data["actors"]}
    assert (project / "site" / "index.html").is_file()
    assert "site/" in (project / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_init_site_yaml_is_valid_and_documents_every_key(tmp_path: Path) -> None:
    assert cli.main(["init", str(tmp_path)]) == 0
    text = (tmp_path / "site.yaml").read_text(encoding="utf-8")
    loaded, diags = config.load(tmp_path / "site.yaml", display="site.yaml")
    assert not diags
    assert loaded.title == "My timeline"
    for key in ("title", "description", "language", "url", "base_path", "theme"):
        assert f"{key}:" in text, key
    assert isinstance(yaml.safe_load(text), dict)


def test_init_workflow_passes_actionlint_and_installs_the_requirements(tmp_path: Path) -> None:
    assert cli.main(["init", str(tmp_path)]) == 0
    workflow = tmp_path / ".github" / "workflows" / "pages.yml"
    done = subprocess.run([actionlint(), str(workflow)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pip install -r requirements.txt" in workflow.read_text(encoding="utf-8")
    requirement = [line for line in (tmp_path / "requirements.txt").read_text().splitlines()
                   if line and not line.startswith("#")]
    assert len(requirement) == 1 and requirement[0].startswith("timeline-generator")


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, capsys) -> None:
    (tmp_path / "site.yaml").write_text("title: Mine\n", encoding="utf-8")
    assert cli.main(["init", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'site.yaml'}: error: already exists" in err
    assert (tmp_path / "site.yaml").read_text(encoding="utf-8") == "title: Mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.yaml"]


def test_init_into_a_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert cli.main(["init", str(tmp_path / "notes.txt")]) == 2
    assert "not a folder" in capsys.readouterr().err
