"""`site.yaml`: declared keys, problems with their lines, command-line overrides, themes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import cli, config
from generator.config import SiteConfig, load, resolve, with_base_url

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def messages(diags) -> list[str]:
    return [str(d) for d in diags]


def test_every_declared_key_is_read_and_normalised(tmp_path: Path) -> None:
    (tmp_path / "theme").mkdir()
    path = write(tmp_path, "title: Libya talks\ndescription: Talks.\nlanguage: pt-BR\n"
                           "url: https://user.github.io/repo\ntheme: theme\n")
    got, diags = load(path)
    assert diags == ()
    assert got == SiteConfig("Libya talks", "Talks.", "pt-BR", "https://user.github.io/repo/",
                             "/repo/", (tmp_path / "theme").resolve())


def test_an_empty_file_or_empty_values_keep_the_defaults(tmp_path: Path) -> None:
    assert load(write(tmp_path, "# nothing yet\n")) == (SiteConfig(), ())
    assert load(write(tmp_path, "title:\nurl: ''\n")) == (SiteConfig(), ())


def test_unknown_key_is_a_warning_with_a_hint_and_its_line(tmp_path: Path) -> None:
    got, diags = load(write(tmp_path, "title: T\ntitel: X\nfoo: 1\n"), display="site.yaml")
    assert got.title == "T"
    assert messages(diags) == [
        "site.yaml:2: warning: unknown key `titel` ignored; did you mean `title`?",
        "site.yaml:3: warning: unknown key `foo` ignored; known keys: title, description, "
        "language, url, base_path, theme",
    ]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("title: T\nlanguage: [en, fr]\n", 2, "`language` must be text, not a list"),
    ("title: 2020\n", 1, "`title` must be text, not a number; put it in quotes"),
    ("description:\n  short: x\n", 1, "`description` must be text, not a mapping"),
    ("url: yes\n", 1, "`url` must be text, not true/false"),
    ("\nurl: user.github.io/repo\n", 2, "`url`: not an absolute http(s) URL"),
    ("url: https://x.org/?page=1\n", 1, "`url`: a site URL has no query"),
    ("language: english!\n", 1, "`language`: not a language tag"),
    ("base_path: /a/../b\n", 1, "`base_path`: not a path"),
    ("theme: nowhere\n", 1, "`theme`: no such folder"),
    ("title: A\ntitle: B\n", 2, "`title` is given twice (first on line 1)"),
    ("url: https://x.org/repo/\nbase_path: /other/\n", 2, "does not match the path of `url`"),
    ("- title: T\n", 1, "must be a mapping"),
    ("title: [unclosed\n", 2, "invalid YAML"),
])
def test_wrong_values_are_errors_with_their_line(tmp_path: Path, text: str, line: int,
                                                  message: str) -> None:
    _, diags = load(write(tmp_path, text))
    assert [(d.level, d.line) for d in diags] == [("error", line)]
    assert message in diags[0].message


def test_base_path_is_normalised_and_follows_the_url(tmp_path: Path) -> None:
    assert load(write(tmp_path, "base_path: REPO\n"))[0].base_path == "/REPO/"
    assert load(write(tmp_path, "base_path: /\n"))[0].base_path == "/"
    assert load(write(tmp_path, "url: https://x.org\n"))[0].base_path == "/"
    got = load(write(tmp_path, "url: https://x.org/a/b/\nbase_path: /a/b\n"))
    assert got == (SiteConfig(url="https://x.org/a/b/", base_path="/a/b/"), ())


def test_base_url_flag_takes_an_absolute_url_or_a_path() -> None:
    plain = SiteConfig()
    assert with_base_url(plain, "/REPO") == SiteConfig(base_path="/REPO/")
    assert with_base_url(plain, "https://u.github.io/REPO") == SiteConfig(
        url="https://u.github.io/REPO/", base_path="/REPO/")
    assert with_base_url(plain, "https://example.org") == SiteConfig(
        url="https://example.org/", base_path="/")
    hosted = SiteConfig(url="https://example.org/old/", base_path="/old/")
    assert with_base_url(hosted, "/new/") == SiteConfig(url="https://example.org/new/",
                                                        base_path="/new/")
    with pytest.raises(ValueError):
        with_base_url(plain, "ftp://example.org/")


def test_flags_override_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "title: From the file\nurl: https://example.org/t/\n")
    got, diags = resolve(path, title="From the flag", base_url="https://u.github.io/REPO")
    assert diags == ()
    assert (got.title, got.url, got.base_path) == ("From the flag", "https://u.github.io/REPO/",
                                                   "/REPO/")
    _, diags = resolve(path, base_url="mailto:x@example.org")
    assert messages(diags) == ["--base-url: error: not an absolute http(s) URL: "
                               "'mailto:x@example.org'"]


def test_default_config_is_site_yaml_in_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve(None) == (SiteConfig(), ())
    write(tmp_path, "title: Here\n")
    assert resolve(None)[0].title == "Here"


def test_the_committed_example_config_is_valid() -> None:
    got, diags = load(ROOT / config.DEFAULT_NAME)
    assert diags == ()
    assert got.title != SiteConfig().title


# ---------------------------------------------------------------- through the command line


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("---\ntitle: Talks\ndate: 2020-06-08\n---\n"
                              "Talks began in Berlin on 6 June 2020.\n", encoding="utf-8")
    return src


def build(source: Path, out: Path, *flags: str) -> int:
    return cli.main(["build", "--source", str(source), "--output", str(out), "--no-search",
                     "--quiet", *flags])


def test_a_config_error_fails_the_build_and_keeps_the_old_site(tmp_path: Path, source: Path,
                                                                capsys) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.html").write_text("old site")
    conf = write(tmp_path, "title: T\nurl: not a url\n")
    assert build(source, out, "--config", str(conf)) == 1
    err = capsys.readouterr().err
    assert f"{conf}:2: error: `url`: not an absolute http(s) URL" in err
    assert "build failed" in err
    assert (out / "keep.html").read_text() == "old site"


def test_config_warnings_fail_only_under_strict(tmp_path: Path, source: Path, capsys) -> None:
    conf = write(tmp_path, "title: T\nlanguge: fr\n")
    assert build(source, tmp_path / "s1", "--config", str(conf)) == 0
    assert "did you mean `language`?" in capsys.readouterr().err
    assert build(source, tmp_path / "s2", "--config", str(conf), "--strict") == 1


def test_a_missing_config_file_is_a_usage_error(tmp_path: Path, source: Path, capsys) -> None:
    assert build(source, tmp_path / "site", "--config", str(tmp_path / "nope.yaml")) == 2
    assert "nope.yaml: error: no such config file" in capsys.readouterr().err


def test_title_language_and_theme_reach_the_pages(tmp_path: Path, source: Path) -> None:
    theme = tmp_path / "my-theme"
    theme.mkdir()
    original = (ROOT / "templates" / "404.html").read_text(encoding="utf-8")
    (theme / "404.html").write_text(original.replace("Page not found", "Lost at sea"),
                                    encoding="utf-8")
    conf = write(tmp_path, "title: From the file\nlanguage: fr\ntheme: my-theme\n")
    out = tmp_path / "site"
    assert build(source, out, "--config", str(conf), "--title", "Libya <talks>") == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in index and "Libya &lt;talks&gt;" in index
    assert "Lost at sea" in (out / "404.html").read_text(encoding="utf-8")
    assert "Lost at sea" not in index


def test_themes_need_only_the_templates_they_change(tmp_path: Path, source: Path) -> None:
    shutil.copytree(ROOT / "templates", tmp_path / "full")
    conf = write(tmp_path, "theme: full\n")
    assert build(source, tmp_path / "site", "--config", str(conf)) == 0
