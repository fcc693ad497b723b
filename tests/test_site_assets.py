"""site_hooks/site_assets.py: what the site serves besides its pages.

A strict build of a small site that uses only this hook, on a machine where Node cannot
make the runtime snapshot: the build still succeeds and says why, and the site has
Pyodide and the runtime's files, listed in the manifest the worker reads, but no
snapshot.
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from site_hooks import pyodide_bundle, site_assets

from .support.paths import ROOT

RUNTIME_SOURCES = {"webthreads": ROOT / "runner" / "webthreads", "timeline": ROOT / "timeline"}
NO_SNAPSHOT = "No runtime snapshot, so the runner starts Python slower: "

pytestmark = pytest.mark.timeout(300)


def build(project: Path, path: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a one-page site with this hook, `path` as PATH."""
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n")
    (project / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: Assets
            strict: true
            hooks: [{ROOT / "site_hooks" / "site_assets.py"}]
            """
        )
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env={**os.environ, "PATH": str(path), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=240,
    )


@pytest.fixture(scope="module")
def built_without_node(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site built with no `node` on PATH, and what the build printed."""
    project = tmp_path_factory.mktemp("without-node")
    empty = project / "bin"
    empty.mkdir()
    result = build(project, empty)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def test_without_node_the_build_succeeds_without_a_snapshot(
    built_without_node: tuple[Path, str],
) -> None:
    site, printed = built_without_node
    assert NO_SNAPSHOT + "`node` is not installed" in printed
    for name in site_assets.IMPORTED_FILES:
        assert (site / "pyodide" / name).is_file(), name
    listed = json.loads((site / "pyodide" / pyodide_bundle.LIST_NAME).read_text())
    assert set(listed) == set(pyodide_bundle.COMPRESSED)
    assert not list((site / "pyodide").glob("runtime-snapshot*"))
    assert (site / site_assets.MANIFEST).is_file()


def test_the_large_files_are_gzipped_under_their_digest(
    built_without_node: tuple[Path, str],
) -> None:
    """Each listed file is served gzipped, named by the digest of the bytes served, with
    its size as listed; and what it holds is Pyodide's file (the standard library
    repacked)."""
    site, _ = built_without_node
    listed = json.loads((site / "pyodide" / pyodide_bundle.LIST_NAME).read_text())
    for name, entry in listed.items():
        served = (site / "pyodide" / entry["path"]).read_bytes()
        assert len(served) == entry["size"]
        digest = hashlib.sha256(served).hexdigest()[:16]
        stem, _, suffix = name.rpartition(".")
        assert entry["path"] == f"{stem}.{digest}.{suffix}.gz"
        original = (site_assets.PYODIDE_DIR / name).read_bytes()
        if name == pyodide_bundle.STANDARD_LIBRARY:
            original = pyodide_bundle.standard_library(original)
        assert gzip.decompress(served) == original, name
    assert not (site / "pyodide" / "pyodide.asm.wasm").exists(), "only the gzipped one is served"


def test_the_standard_library_is_stored_without_what_never_runs() -> None:
    original = (site_assets.PYODIDE_DIR / pyodide_bundle.STANDARD_LIBRARY).read_bytes()
    repacked = pyodide_bundle.standard_library(original)
    left_out = pyodide_bundle.LEFT_OUT
    with (
        zipfile.ZipFile(io.BytesIO(original)) as before,
        zipfile.ZipFile(io.BytesIO(repacked)) as after,
    ):
        kept = [info.filename for info in before.infolist() if info.filename not in left_out]
        assert [info.filename for info in after.infolist()] == kept
        assert set(left_out) <= set(before.namelist()), "each was there to leave out"
        assert {info.compress_type for info in after.infolist()} == {zipfile.ZIP_STORED}
        assert all(after.read(name) == before.read(name) for name in kept)
    assert len(gzip.compress(repacked, 9)) < len(original), "smaller on the wire than Pyodide's"
    assert pyodide_bundle.standard_library(original) == repacked, "the same bytes every time"


def test_left_out_modules_are_refused_with_the_reason_by_the_runtime() -> None:
    """A program that imports one is stopped with the reason before Python looks for it
    (webthreads/unsupported.py, _RefusingImporter.MODULES)."""
    source = (RUNTIME_SOURCES["webthreads"] / "unsupported.py").read_text()
    refused = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == "_RefusingImporter":
            (table,) = [
                statement.value
                for statement in node.body
                if isinstance(statement, ast.Assign) and statement.targets[0].id == "MODULES"
            ]
            refused = {key.value for key in table.keys}
    for path in pyodide_bundle.LEFT_OUT:
        assert path.removesuffix(".py").replace("/", ".") in refused, path


def test_with_a_node_that_lacks_jspi_the_build_succeeds_without_a_snapshot(
    tmp_path: Path,
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "node").write_text("#!/bin/sh\nexit 1\n")  # answers no to every probe
    (tools / "node").chmod(0o755)
    result = build(tmp_path / "project", tools)
    assert result.returncode == 0, result.stderr
    assert NO_SNAPSHOT + "this Node has no WebAssembly stack switching (JSPI)" in result.stderr
    site = tmp_path / "project" / "site"
    listed = json.loads((site / "pyodide" / pyodide_bundle.LIST_NAME).read_text())
    assert (site / "pyodide" / listed["pyodide.asm.wasm"]["path"]).is_file()
    assert site_assets.SNAPSHOT_NAME not in listed
    assert not list((site / "pyodide").glob("runtime-snapshot*"))


def test_the_manifest_lists_files_that_are_served(built_without_node: tuple[Path, str]) -> None:
    """Each listed file is served, as it is in the repository."""
    site, _ = built_without_node
    listed = json.loads((site / site_assets.MANIFEST).read_text())
    served = site / site_assets.RUNTIME_URL
    for path in listed:
        package, _, rest = path.partition("/")
        assert (served / path).read_bytes() == (RUNTIME_SOURCES[package] / rest).read_bytes()


def test_the_manifest_lists_every_module_the_runtime_imports(
    built_without_node: tuple[Path, str],
) -> None:
    """Every module of webthreads, and every module of the runtime's own packages that
    one of them imports: the worker installs these files and nothing else."""
    site, _ = built_without_node
    listed = set(json.loads((site / site_assets.MANIFEST).read_text()))
    modules = {f"webthreads/{p.name}" for p in RUNTIME_SOURCES["webthreads"].glob("*.py")}
    assert modules <= listed
    missing = []
    for path in sorted(listed):
        package, _, rest = path.partition("/")
        missing += _missing_imports(path, (RUNTIME_SOURCES[package] / rest).read_text(), listed)
    assert not missing, f"imported but not in the manifest: {missing}"


def _missing_imports(path: str, source: str, listed: set[str]) -> list[str]:
    """The imports of one runtime file, from the runtime's own packages (which are
    flat), that no file of `listed` answers."""

    def is_module(name: str) -> bool:
        return f"{name}.py" in listed or f"{name}/__init__.py" in listed

    def exists(name: str) -> bool:  # a namespace package has no __init__.py
        return is_module(name) or any(p.startswith(f"{name}/") for p in listed)

    missing = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            wanted = [(alias.name.replace(".", "/"), []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = (node.module or "").replace(".", "/")
            if node.level:
                module = "/".join(filter(None, [path.split("/")[0], module]))
            wanted = [(module, [alias.name for alias in node.names])]
        else:
            continue
        for module, names in wanted:
            if module.split("/")[0] not in RUNTIME_SOURCES:
                continue
            if not exists(module):
                missing.append(f"{path}: {module}")
            elif f"{module}.py" not in listed and f"{module}/__init__.py" not in listed:
                # From a package without an __init__.py, only its modules can come.
                missing += [
                    f"{path}: {module}/{name}"
                    for name in names
                    if not is_module(f"{module}/{name}")
                ]
    return missing


def test_the_build_fails_clearly_without_pyodide(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match=r"Pyodide is missing .* run `make setup`"):
        site_assets.require_pyodide(tmp_path / "node_modules" / "pyodide")


# Takes every free block of the C heap back (without growing the memory) and counts
# the bytes in them that are not zero, before and after zeroFreeMemory, then checks
# that the interpreter still runs. Printed as JSON.
FREE_MEMORY_CHECK = """
import { zeroFreeMemory } from "%(format)s";
const { loadPyodide } = await import("%(pyodide)s");
const pyodide = await loadPyodide({ indexURL: "%(index)s" });
const module = pyodide._module;
const staleBytes = () => {
  const taken = [];
  let stale = 0;
  module._malloc_set_footprint_limit(module._malloc_footprint());
  for (let size = 1 << 24; size >= 8; size >>= 1) {
    for (let block = module._malloc(size); block; block = module._malloc(size)) {
      // Past the first two words: free writes its list's links there.
      for (let at = block + 8; at < block + size; at++) stale += module.HEAPU8[at] !== 0;
      taken.push(block);
    }
  }
  taken.forEach((block) => module._free(block));
  module._malloc_set_footprint_limit(-1);
  return { stale, blocks: taken.length };
};
pyodide.runPython("import gc; [bytes(range(256)) * 64 for _ in range(400)]; gc.collect()");
const length = module.HEAPU8.length;
const before = staleBytes();
const zeroed = zeroFreeMemory(module);
const after = staleBytes();
const result = pyodide.runPython("sum(range(10))");
const grew = module.HEAPU8.length !== length;
console.log(JSON.stringify({ before, zeroed, after, grew, result }));
"""


def test_the_snapshot_tool_zeroes_the_free_memory_without_growing_it(tmp_path: Path) -> None:
    pyodide = site_assets.PYODIDE_DIR
    script = tmp_path / "check.mjs"
    script.write_text(
        FREE_MEMORY_CHECK
        % {
            "format": (ROOT / "runner" / "worker" / "snapshot-format.mjs").as_uri(),
            "pyodide": (pyodide / "pyodide.mjs").as_uri(),
            "index": f"{pyodide}/",
        }
    )
    done = subprocess.run(
        ["node", str(script)], capture_output=True, text=True, timeout=120, check=True
    )
    checked = json.loads(done.stdout.strip().splitlines()[-1])
    # What is left in them is the allocator's own links: a few words a block at most.
    links = 24
    assert checked["before"]["stale"] > links * checked["before"]["blocks"]  # can fail
    assert checked["zeroed"] > 0
    assert checked["after"]["stale"] <= links * checked["after"]["blocks"]
    assert not checked["grew"]
    assert checked["result"] == 45
