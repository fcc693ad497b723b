"""Where the snippets and pages are, and what each snippet is expected to print."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_DIR = ROOT / "snippets"
DOCS_DIR = ROOT / "docs"

OUTPUT_COMMENT = re.compile(r"^[ \t]*#> ?(.*)$", re.MULTILINE)


def all_snippets() -> list[Path]:
    """Every snippet file, as a path relative to `snippets/`, sorted."""
    return sorted(p.relative_to(SNIPPETS_DIR) for p in SNIPPETS_DIR.rglob("*.py"))


def expected_lines(source: str) -> list[str]:
    """The `#>` output comments of a snippet, in file order."""
    return OUTPUT_COMMENT.findall(source)
