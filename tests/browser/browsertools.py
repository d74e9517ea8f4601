"""Paths, launch flags and the skip-or-fail rule shared by the browser tests."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "corpora" / "example"
ARTIFACTS = ROOT / "test-artifacts"
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
SUB_PATH = "REPO"
PART_BYTES = 60_000  # a search index in parts: the example's HTML in about five
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
IN_CI = os.environ.get("CI", "").lower() == "true"


def require(ok: bool, reason: str) -> None:
    """Skip with `reason` on a developer machine; fail in CI, where every tool must be there."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"CI is missing a browser-test tool: {reason}")
    pytest.skip(reason)


def require_browser_tools() -> None:
    require(importlib.util.find_spec("playwright") is not None,
            "Playwright is not installed (pip install -e '.[test]')")
    require(CHROMIUM.exists(), "no /usr/bin/chromium (apt-get install chromium)")


def have_java() -> bool:
    return shutil.which("java") is not None
