"""`timeline init`: the files of a new timeline project, written only where nothing exists.

The project holds one short example article (written for this purpose) with its catalog,
a commented `site.yaml`, the GitHub Pages workflow, a `.gitignore` and a README stub.
The workflow installs the generator from `requirements.txt`, which names the generator
this command runs from (its git remote and commit when it is a checkout).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator import __version__

_CHECKOUT = Path(__file__).resolve().parent.parent

EXAMPLE_ARTICLE = """\
The city council of Eastbrook voted on Tuesday to reopen the Harbour Street library, \
closed since a flood in October 2023.

Mayor Ana Ruiz said the building would reopen on 1 June 2024 after repairs to the \
ground floor and the reading room.

The council first discussed the repairs on 12 January 2024, when engineers from the \
Eastbrook Water Authority presented their report on the flood.

Ruiz said the library would hold a public reading day in July.
"""

CATALOG = """\
# What the articles in this folder are: one entry per file. Front matter at the top of
# an article (between two `---` lines) does the same and wins over this catalog.
articles:
  - file: 2024-03-05-library-reopens.txt
    title: Eastbrook council votes to reopen Harbour Street library
    outlet: Eastbrook Gazette (an example written for this project)
    published: 2024-03-07       # the publication date: YYYY-MM-DD or "7 March 2024"
    # url: https://example.com/the-article
"""

SITE_YAML = """\
# Site configuration. Every key is optional; `timeline build` reads this file from the
# folder it runs in (or the one given with --config FILE).

# The site's name, shown on every page and in feeds.
title: My timeline

# One or two sentences about the story, for the home page and link previews.
description: >-
  What happened, in the order it happened, from the articles in seeds/.

# The language of the pages (a tag such as en, fr, pt-BR).
language: en

# The address the site is published at (feeds, sitemap, canonical links need it). The
# GitHub Pages workflow passes it with --base-url, so it can stay unset here.
# url: https://USER.github.io/REPO/

# The path the site is served under when the full address is not known (e.g. /REPO/);
# only 404.html needs it. `url` sets it too.
# base_path: /REPO/

# A folder of templates that replace the built-in ones, file by file.
# theme: my-theme
"""

GITIGNORE = """\
# Written by `timeline build`: rebuilt from seeds/ on every push.
site/
site.tmp*/
site.timeline-lock
site.timeline-cache/
.site.timeline-scratch-*/
.venv/
__pycache__/
"""

WORKFLOW = """\
# Build the timeline from seeds/ and publish it on GitHub Pages on every push to the
# default branch. Enable it once: Settings -> Pages -> Source: "GitHub Actions".
name: Publish the timeline

on:
  push:
    branches: [main, master]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
      - uses: actions/setup-python@v7
        with:
          python-version: "3.11"
      - name: Install the generator
        run: pip install -r requirements.txt
      - id: pages
        uses: actions/configure-pages@v6
      - name: Restore the cache of each article's extraction
        # Unchanged articles are not read again; saved under this commit when the job ends.
        uses: actions/cache@v6
        with:
          path: site.timeline-cache
          key: timeline-cache-${{ github.sha }}
          restore-keys: timeline-cache-
      - name: Build the site
        env:
          BASE_URL: ${{ steps.pages.outputs.base_url }}
        run: timeline build --base-url "$BASE_URL"
      - uses: actions/upload-pages-artifact@v5
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
"""

README = """\
# {name}

A timeline built from the news articles in `seeds/` with `timeline`.

- **Add articles**: put `.txt` or `.md` files in `seeds/`, each with front matter
  (`title`, `date`, `outlet`, `url`) or an entry in `seeds/catalog.yaml`. Remove the
  example article when you add your own.
- **Build**: `timeline build` writes the site to `site/`; open `site/index.html`.
- **Preview while editing**: `timeline serve`, then visit http://127.0.0.1:8000/ (it
  rebuilds on every change).
- **Publish**: push to GitHub, then in Settings -> Pages set "Source" to "GitHub Actions".
  The workflow in `.github/workflows/pages.yml` installs the generator named in
  `requirements.txt`, builds and deploys on every push.
- **Describe the site**: `site.yaml` (every key is explained there).
"""


@dataclass(frozen=True)
class Plan:
    """The files `init` would write (path relative to the project -> text), and any notes."""

    files: dict[str, str]
    notes: tuple[str, ...]


def generator_requirement() -> tuple[str, tuple[str, ...]]:
    """A pip requirement line for the generator running now, and notes when it is a guess."""
    remote, commit = _git(["remote", "get-url", "origin"]), _git(["rev-parse", "HEAD"])
    if remote and commit:
        address = remote if "://" in remote else _ssh_to_https(remote)
        return f"timeline-generator @ git+{address}@{commit}\n", ()
    note = ("requirements.txt names `timeline-generator`; if it is not installable from your "
            "package index, replace it with the generator's git address before publishing")
    return f"timeline-generator=={__version__}\n", (note,)


def plan(name: str) -> Plan:
    """Every file of a new project called `name`."""
    requirement, notes = generator_requirement()
    files = {
        "seeds/2024-03-05-library-reopens.txt": EXAMPLE_ARTICLE,
        "seeds/catalog.yaml": CATALOG,
        "site.yaml": SITE_YAML,
        ".github/workflows/pages.yml": WORKFLOW,
        ".gitignore": GITIGNORE,
        "README.md": README.format(name=name or "My timeline"),
        "requirements.txt": "# The timeline generator the Pages workflow installs.\n" + requirement,
    }
    return Plan(files, notes)


def existing(root: Path, files: dict[str, str]) -> list[str]:
    """The planned paths that already exist under `root` (init never overwrites)."""
    return [rel for rel in files if (root / rel).exists() or (root / rel).is_symlink()]


def write(root: Path, files: dict[str, str]) -> None:
    """Write every file, creating folders; the caller has checked nothing exists."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as f:
            f.write(text)


def _git(args: list[str]) -> str:
    if not (_CHECKOUT / ".git").exists():
        return ""
    try:
        done = subprocess.run(["git", "-C", str(_CHECKOUT), *args], capture_output=True,
                              text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _ssh_to_https(remote: str) -> str:
    """git@host:owner/repo.git -> https://host/owner/repo.git (pip needs a URL)."""
    if "@" in remote and ":" in remote:
        host, _, path = remote.split("@", 1)[1].partition(":")
        return f"https://{host}/{path}"
    return remote
