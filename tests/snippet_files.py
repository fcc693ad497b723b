"""Where the snippets and pages are, and what each snippet is expected to print."""

from __future__ import annotations

from pathlib import Path

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
