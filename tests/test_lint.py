"""The project's own Python (tests, hooks, bench, exercises) passes ruff, as snippets do."""

import subprocess
import sys

from .support.paths import ROOT


def test_project_passes_ruff() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "concise", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
