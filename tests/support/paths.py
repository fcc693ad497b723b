"""Where the project's files are."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
NODE_MODULES = ROOT / "node_modules"
