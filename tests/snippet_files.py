"""Where the snippets and pages are, and what each snippet is expected to print."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_hooks.markdown_vocabulary import find_included, recorded_output, snippet_bases_in

from .support.paths import ROOT

SNIPPETS_DIR = ROOT / "snippets"
EXERCISES_DIR = ROOT / "exercises"
DOCS_DIR = ROOT / "docs"
# Where `--8<--` looks for a file, in order, as mkdocs.yml configures pymdownx.snippets.
INCLUDE_BASES = snippet_bases_in(ROOT / "mkdocs.yml")


def all_snippets() -> list[Path]:
    """Every snippet file, as a path relative to `snippets/`, sorted."""
    return sorted(p.relative_to(SNIPPETS_DIR) for p in SNIPPETS_DIR.rglob("*.py"))


def expected_lines(source: str) -> list[str]:
    """The `#>` output comments of a snippet, in file order."""
    return recorded_output(source)


def included_path(target: str) -> Path | None:
    """The file an include such as `locks/x.py` or `exercises/locks/y/starter.py` shows."""
    return find_included(target, INCLUDE_BASES)


def all_exercises() -> list[Path]:
    """Every exercise folder, `<chapter>/<name>` relative to `exercises/`, sorted."""
    return sorted(p.parent.relative_to(EXERCISES_DIR) for p in EXERCISES_DIR.glob("*/*/check.py"))


# Snippets that need a newer Python than the oldest one the tutorial supports (3.11).
# Each runs on the first interpreter found that is new enough (see `python_at_least`).
MIN_VERSION: dict[str, tuple[int, int]] = {
    "queue_family/shutdown_consumers.py": (3, 13),
    # An exercise's programs, by the name the pages give them.
    "exercises/queue_family/drain_then_stop/starter.py": (3, 13),
    "exercises/queue_family/drain_then_stop/solution.py": (3, 13),
}


def python_for_exercise(exercise: str, name: str) -> str:
    """The Python to run an exercise's program on (`exercise` is `<chapter>/<name>`,
    `name` starter.py or solution.py), as python_for does for a snippet."""
    return python_for(f"exercises/{exercise}/{name}")


def python_at_least(version: tuple[int, int]) -> str | None:
    """The oldest Python found that is `version` or newer: the one running when it is,
    else a `python3.X` on PATH or one under ~/.pyenv/versions; None when there is none."""
    if sys.version_info[:2] >= version:
        return sys.executable
    candidates = [shutil.which(f"python{version[0]}.{minor}") for minor in range(version[1], 30)]
    candidates += sorted(str(p) for p in Path.home().glob(".pyenv/versions/*/bin/python3"))
    found = []
    for candidate in filter(None, candidates):
        found_version = _version_of(candidate)
        if found_version is not None and found_version >= version:
            found.append((found_version, candidate))
    return min(found)[1] if found else None


def _version_of(python: str) -> tuple[int, int] | None:
    try:
        result = subprocess.run(
            [python, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except OSError:
        return None
    if result.returncode != 0:
        return None
    major, minor = result.stdout.split()
    return int(major), int(minor)


def python_for(snippet: str) -> str:
    """The Python to run `snippet` (relative to `snippets/`) on: this one, unless
    MIN_VERSION asks for a newer one. Fails with a sentence saying so, never skips,
    when no Python new enough is found."""
    needed = MIN_VERSION.get(snippet)
    if needed is None:
        return sys.executable
    python = python_at_least(needed)
    if python is None:
        version = ".".join(map(str, needed))
        pytest.fail(
            f"snippets/{snippet} needs Python {version} or later, and none was found (this "
            f"is {sys.version_info.major}.{sys.version_info.minor}; looked for "
            f"python{version} and newer on PATH and under ~/.pyenv/versions): install one "
            "to test it",
            pytrace=False,
        )
    return python
