// Makes the memory snapshot the browser runner starts from: Pyodide started in Node,
// the green-thread runtime installed, the whole memory saved and gzipped. Loading it
// skips Python's start-up and the runtime's imports.
//
//   node --experimental-wasm-stack-switching tools/make_runtime_snapshot.mjs \
//        <pyodide dir> <runtime files .json> <standard library .zip> <output .bin.gz>
//
// The JSON file lists the runtime's files as [path in the runtime, file on disk] pairs
// (site_hooks/site_assets.py writes it). The standard library is the zip the site
// serves (site_hooks/pyodide_bundle.py), not Pyodide's own: the interpreter in the
// snapshot has read where each file is in it.
//
// Needs stack switching (JSPI) in Node: what Pyodide finds at start-up is saved too,
// and a snapshot made without it could not suspend threads in the browser. Called by
// site_hooks/site_assets.py.
//
// Uses two private APIs of Pyodide: the `_makeSnapshot` option of loadPyodide and
// `makeMemorySnapshot()` (`@private` in pyodide.d.ts), and the Emscripten module
// (`_module`), whose malloc, free and dlmalloc footprint functions zero the free memory
// first (zeroFreeMemory). The worker loads the result with others (runner/worker/load.mjs
// lists them).

import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

import { PYTHON_ENV, installRuntime } from "../runner/worker/runtime.mjs";
import { packPages, zeroFreeMemory } from "../runner/worker/snapshot-format.mjs";

const [pyodideDir, runtimeList, standardLibrary, output] = process.argv
  .slice(2)
  .map((path) => resolve(path));
if (!output) {
  console.error(
    "usage: make_runtime_snapshot.mjs <pyodide dir> <runtime files .json> <standard library .zip> <output>",
  );
  process.exit(2);
}
if (typeof WebAssembly.Suspending !== "function" && typeof WebAssembly.Suspender !== "function") {
  console.error("this Node has no WebAssembly stack switching (JSPI): no snapshot made");
  process.exit(3);
}

const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);

const pyodide = await loadPyodide({
  indexURL: pyodideDir + "/",
  stdLibURL: standardLibrary,
  env: PYTHON_ENV,
  _makeSnapshot: true,
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
const files = JSON.parse(readFileSync(runtimeList, "utf8")).map(([path, source]) => [
  path,
  readFileSync(source, "utf8"),
]);
installRuntime(pyodide, files);
pyodide.runPython("import gc; gc.collect()"); // what start-up left, freed first
zeroFreeMemory(pyodide._module);
// The worker reads it back with unpackPages (runner/worker/load.mjs).
writeFileSync(output, gzipSync(packPages(pyodide.makeMemorySnapshot()), { level: 9 }));

