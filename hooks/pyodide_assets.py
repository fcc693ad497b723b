"""MkDocs hook: the site serves Pyodide itself, and the snapshot the runner starts from.

Copies the files of npm's ``pyodide`` package that the browser runner loads into the
built site at ``pyodide/`` (for ``mkdocs build`` and ``mkdocs serve`` alike), and adds
``pyodide/runtime-snapshot.bin.gz``: Python started and the green-thread runtime
installed, saved by ``tools/make_runtime_snapshot.mjs`` in Node. The snapshot is cached
in ``build/`` under a key made of everything it depends on. Without it the runner still
works, only slower to start, so failing to make it is a warning.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[1]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
RUNTIME_DIR = ROOT / "docs" / "assets" / "runner" / "python"
SNAPSHOT_TOOL = ROOT / "tools" / "make_runtime_snapshot.mjs"
SNAPSHOT_CACHE = ROOT / "build" / "runtime-snapshot"
SNAPSHOT_NAME = "runtime-snapshot.bin.gz"
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# Node options that turn on WebAssembly stack switching, tried in this order
# (Node 20 has the first; later versions renamed it or turned it on by default).
JSPI_OPTIONS = ([], ["--experimental-wasm-jspi"], ["--experimental-wasm-stack-switching"])

log = logging.getLogger("mkdocs.hooks.pyodide_assets")


def on_config(config, **kwargs):
    missing = [name for name in PYODIDE_FILES if not (PYODIDE_DIR / name).is_file()]
    if missing:
        raise PluginError(
            f"Pyodide is missing from {PYODIDE_DIR.relative_to(ROOT)} "
            f"({', '.join(missing)}): run `make setup` (or `npm ci`) first."
        )
    return config


def on_post_build(config, **kwargs):
    target = Path(config["site_dir"]) / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        _copy_if_changed(PYODIDE_DIR / name, target / name)
    snapshot = _runtime_snapshot()
    if snapshot is not None:
        _copy_if_changed(snapshot, target / SNAPSHOT_NAME)


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.exists():
        old, new = target.stat(), source.stat()
        if old.st_size == new.st_size and old.st_mtime >= new.st_mtime:
            return
    shutil.copy2(source, target)


def _runtime_snapshot() -> Path | None:
    cached = SNAPSHOT_CACHE / f"{_snapshot_key()}.bin.gz"
    if cached.is_file():
        return cached
    node = shutil.which("node")
    if node is None:
        log.warning("No runtime snapshot: `node` is not installed (the runner starts slower).")
        return None
    options = _jspi_options(node)
    if options is None:
        log.warning("No runtime snapshot: this Node has no WebAssembly stack switching.")
        return None
    SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.partial")  # builds may run side by side
    command = [node, *options, str(SNAPSHOT_TOOL), str(PYODIDE_DIR), str(RUNTIME_DIR)]
    result = subprocess.run([*command, str(partial)], capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not partial.is_file():
        log.warning("No runtime snapshot: %s", (result.stderr or result.stdout).strip())
        partial.unlink(missing_ok=True)
        return None
    for old in SNAPSHOT_CACHE.glob("*.bin.gz"):
        old.unlink(missing_ok=True)
    partial.rename(cached)
    log.info("Made the runtime snapshot (%.1f MB gzipped)", cached.stat().st_size / 1e6)
    return cached


def _snapshot_key() -> str:
    """A digest of everything the snapshot is made from."""
    digest = hashlib.sha256()
    inputs = [SNAPSHOT_TOOL, *(PYODIDE_DIR / name for name in PYODIDE_FILES)]
    inputs += sorted(RUNTIME_DIR.rglob("*.py")) + sorted(RUNTIME_DIR.glob("*.mjs"))
    for path in inputs:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _jspi_options(node: str) -> list[str] | None:
    probe = (
        "process.exit(typeof WebAssembly.Suspending === 'function'"
        " || typeof WebAssembly.Suspender === 'function' ? 0 : 1)"
    )
    for options in JSPI_OPTIONS:
        result = subprocess.run([node, *options, "-e", probe], capture_output=True, timeout=60)
        if result.returncode == 0:
            return options
    return None
