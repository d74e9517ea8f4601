"""Rebuild the golden tree tests/golden/example/ from tests/corpora/example/ (after a change).

Usage: python tests/regen_golden.py   then review `git diff tests/golden` before committing.
Built with --no-search: the search index is Pagefind's output, not ours.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "corpora" / "example-site.yaml"
sys.path.insert(0, str(ROOT))

from generator import cli  # noqa: E402


def main() -> int:
    golden = ROOT / "tests" / "golden" / "example"
    if golden.exists():
        shutil.rmtree(golden)
    golden.parent.mkdir(parents=True, exist_ok=True)
    return cli.main(["build", "--source", str(ROOT / "tests" / "corpora" / "example"),
                     "--output", str(golden), "--quiet",
                     "--no-search", "--config", str(CONFIG)])


if __name__ == "__main__":
    sys.exit(main())
