// Makes the memory snapshot the browser runner starts from: Pyodide started in Node,
// the green-thread runtime installed, the whole memory saved and gzipped. Loading it
// skips Python's start-up and the runtime's imports.
//
//   node --experimental-wasm-stack-switching tools/make_runtime_snapshot.mjs \
//        <pyodide dir> <runtime files .json> <output .bin.gz>
//
// The JSON file lists the runtime's files as [path in the runtime, file on disk] pairs
// (site_hooks/site_assets.py writes it).
//
// Needs stack switching (JSPI) in Node: what Pyodide finds at start-up is saved too,
// and a snapshot made without it could not suspend threads in the browser. Called by
// site_hooks/site_assets.py.

import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [pyodideDir, runtimeList, output] = process.argv.slice(2).map((path) => resolve(path));
if (!output) {
  console.error("usage: make_runtime_snapshot.mjs <pyodide dir> <runtime files .json> <output>");
  process.exit(2);
}
if (typeof WebAssembly.Suspending !== "function" && typeof WebAssembly.Suspender !== "function") {
  console.error("this Node has no WebAssembly stack switching (JSPI): no snapshot made");
  process.exit(3);
}

const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const { PYTHON_ENV, installRuntime } = await import(
  new URL("../runner/worker/runtime.mjs", import.meta.url).href
);

const pyodide = await loadPyodide({
  indexURL: pyodideDir + "/",
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
writeFileSync(output, gzipSync(packPages(pyodide.makeMemorySnapshot()), { level: 6 }));

// Half of the memory is pages of zeros: they are left out, so that the browser has
// half as much to decompress. Read back by unpackPages() in worker.mjs.
function packPages(snapshot) {
  const PAGE = 65536;
  const kept = [];
  for (let start = 0; start < snapshot.length; start += PAGE) {
    const page = snapshot.subarray(start, start + PAGE);
    if (page.some((byte) => byte !== 0)) kept.push(start / PAGE);
  }
  const header = new Uint32Array([0x53505457, snapshot.length, PAGE, kept.length, ...kept]);
  const packed = new Uint8Array(header.byteLength + kept.length * PAGE);
  packed.set(new Uint8Array(header.buffer));
  kept.forEach((index, n) => {
    const page = snapshot.subarray(index * PAGE, (index + 1) * PAGE);
    packed.set(page, header.byteLength + n * PAGE);
  });
  return packed;
}
