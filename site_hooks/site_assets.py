"""MkDocs hook: everything the site serves that is not a page.

- The browser runner (``runner/``) and the timeline renderer (``timeline/``), which live
  outside ``docs/`` because they are code, not content, are placed at
  ``assets/runner/`` and ``assets/timeline/`` (see ``SITE_FOLDERS``).
- The runtime's Python files are listed in ``assets/runner/python/manifest.json``, the
  list the worker reads when it starts Python without a snapshot.
- The files of npm's ``pyodide`` package that the runner loads are placed in
  ``pyodide/``: the module it imports as it is, the large files gzipped and
  named after their digest (``pyodide_bundle.py``), with the runtime snapshot named so
  too, ``runtime-snapshot.<digest>.bin.gz``: Python started and the green-thread
  runtime installed, saved by ``tools/make_runtime_snapshot.mjs`` in Node and cached
  in ``build/`` (beside mkdocs.yml) under a key made of everything it depends on.
  ``pyodide/files.json`` lists them (``pyodide_bundle.file_list``).

Without the snapshot the runner still works, only slower to start, so failing to make
it does not fail the build (not even a strict one): the build says why and goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

try:
    from site_hooks import pyodide_bundle
except ImportError:  # a site elsewhere that uses this hook: MkDocs puts its folder on sys.path
    import pyodide_bundle

ROOT = Path(__file__).resolve().parents[1]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
SNAPSHOT_TOOL = ROOT / "tools" / "make_runtime_snapshot.mjs"
# The tool imports the runtime's installer and the snapshot's format from here: any
# module of the worker may shape the snapshot.
SNAPSHOT_INPUTS = ROOT / "runner" / "worker"
SNAPSHOT_CACHE = "build/runtime-snapshot"  # relative to mkdocs.yml
BUNDLE_CACHE = "build/pyodide-files"  # relative to mkdocs.yml
SNAPSHOT_NAME = "runtime-snapshot.bin"  # its name in files.json
# Served as it is: the worker imports it.
IMPORTED_FILES = ("pyodide.mjs",)
PYODIDE_FILES = IMPORTED_FILES + pyodide_bundle.COMPRESSED
# Source folder -> where its files are served, and which of them.
SITE_FOLDERS = (
    (ROOT / "runner" / "page", "assets/runner", ("*.js", "*.css")),
    (ROOT / "runner" / "worker", "assets/runner", ("*.mjs",)),
    (ROOT / "runner" / "webthreads", "assets/runner/python/webthreads", ("*.py",)),
    (ROOT / "timeline", "assets/runner/python/timeline", ("__init__.py", "naming.py")),
    (ROOT / "timeline", "assets/timeline", ("*.js", "*.css")),
)
RUNTIME_URL = "assets/runner/python"  # the runtime's Python files are served under here
MANIFEST = f"{RUNTIME_URL}/manifest.json"
# Node options that turn on WebAssembly stack switching, tried in this order
# (Node 20 has the first; later versions renamed it or turned it on by default).
JSPI_OPTIONS = ([], ["--experimental-wasm-jspi"], ["--experimental-wasm-stack-switching"])

# Outside the `mkdocs` logger on purpose: strict mode counts that logger's warnings as
# errors, and a site without a snapshot is slower, not broken.
log = logging.getLogger("site_assets")
if not log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False
    log.setLevel(logging.INFO)


def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    require_pyodide(PYODIDE_DIR)
    return config


def require_pyodide(folder: Path) -> None:
    """Stop the build, saying what to do, if npm's pyodide package is not in `folder`."""
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        shown = folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder
        raise PluginError(
            f"Pyodide is missing from {shown} "
            f"({', '.join(missing)}): run `make setup` (or `npm ci`) first."
        )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for source, dest_uri in site_files():
        files.append(File.generated(config, dest_uri, abs_src_path=str(source)))
    manifest = json.dumps([path for path, _ in runtime_files()], indent=1)
    files.append(File.generated(config, MANIFEST, content=manifest))
    return files


def on_post_build(config: MkDocsConfig, **kwargs) -> None:
    target = Path(config["site_dir"]) / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in IMPORTED_FILES:
        _copy_if_changed(PYODIDE_DIR / name, target / name)
    project = Path(config.config_file_path).parent
    bundle = pyodide_bundle.prepare(PYODIDE_DIR, project / BUNDLE_CACHE)
    served = dict(bundle.served)
    snapshot = runtime_snapshot(project / SNAPSHOT_CACHE, bundle.standard_library)
    if snapshot is not None:
        served[SNAPSHOT_NAME] = snapshot
    placed = {}
    for name, source in served.items():
        file = source.name if name != SNAPSHOT_NAME else _snapshot_file_name(source)
        _copy_if_changed(source, target / file)
        placed[name] = target / file
    for old in target.glob("*.gz"):  # an earlier build's, under another digest
        if old not in placed.values():
            old.unlink()
    (target / pyodide_bundle.LIST_NAME).write_text(pyodide_bundle.file_list(placed))


def _snapshot_file_name(snapshot: Path) -> str:
    return pyodide_bundle.digest_name(SNAPSHOT_NAME, snapshot.read_bytes())


def site_files() -> list[tuple[Path, str]]:
    """Every file of ``SITE_FOLDERS``, with the URI it is served at."""
    placed = []
    for folder, dest, patterns in SITE_FOLDERS:
        for pattern in patterns:
            placed += [(path, f"{dest}/{path.name}") for path in sorted(folder.glob(pattern))]
    return placed


def runtime_files() -> list[tuple[str, Path]]:
    """The runtime's Python files: (path below the runtime's folder, file on disk)."""
    prefix = RUNTIME_URL + "/"
    placed = site_files()
    return [(uri.removeprefix(prefix), path) for path, uri in placed if uri.startswith(prefix)]


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.exists():
        old, new = target.stat(), source.stat()
        if old.st_size == new.st_size and old.st_mtime >= new.st_mtime:
            return
    shutil.copy2(source, target)


def runtime_snapshot(cache: Path, standard_library: Path) -> Path | None:
    """The snapshot file, made now (with this standard library zip) if `cache` does not
    hold it yet; None (and why, logged) if it cannot be made."""
    cached = cache / f"{_snapshot_key(standard_library)}.bin.gz"
    if cached.is_file():
        return cached
    node = shutil.which("node")
    if node is None:
        return _without_snapshot("`node` is not installed")
    options = _jspi_options(node)
    if options is None:
        return _without_snapshot("this Node has no WebAssembly stack switching (JSPI)")
    cache.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.partial")  # builds may run side by side
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as listing:
        json.dump([[path, str(source)] for path, source in runtime_files()], listing)
    try:
        command = [node, *options, str(SNAPSHOT_TOOL), str(PYODIDE_DIR), listing.name]
        command.append(str(standard_library))
        result = subprocess.run(
            [*command, str(partial)], capture_output=True, text=True, timeout=300
        )
    finally:
        os.unlink(listing.name)
    if result.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        return _without_snapshot((result.stderr or result.stdout).strip())
    for old in cache.glob("*.bin.gz"):
        old.unlink(missing_ok=True)
    partial.rename(cached)
    log.info("Made the runtime snapshot (%.1f MB gzipped)", cached.stat().st_size / 1e6)
    return cached


def _without_snapshot(reason: str) -> None:
    log.warning("No runtime snapshot, so the runner starts Python slower: %s", reason)
    return None


def _snapshot_key(standard_library: Path) -> str:
    """A digest of everything the snapshot is made from."""
    digest = hashlib.sha256()
    inputs = [SNAPSHOT_TOOL, *sorted(SNAPSHOT_INPUTS.glob("*.mjs"))]
    inputs += [PYODIDE_DIR / name for name in PYODIDE_FILES]
    named = [(str(path.relative_to(ROOT)), path) for path in inputs] + runtime_files()
    named.append((pyodide_bundle.STANDARD_LIBRARY, standard_library))
    for name, source in named:
        digest.update(name.encode())
        digest.update(source.read_bytes())
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
