// Starting Python: from the memory snapshot made at build time when it can, the plain
// way otherwise. The only file of the worker that uses Pyodide's private APIs, so that a
// Pyodide upgrade means reading this one (and tools/make_runtime_snapshot.mjs, which
// makes the snapshot with two more):
//
// - the `_loadSnapshot` option of loadPyodide (`@ignore` in pyodide.ts): start from a
//   snapshot, which skips Python's start-up and the runtime's imports;
// - the `createPyodideModule` option ("@experimental", pyodide.d.ts), to get hold of
//   the Emscripten module while the snapshot is restored;
// - `_module.HEAP32`, the interpreter's memory, and the symbols
//   `__PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET` and `__PyRuntime`: to put back the trampoline
//   this browser chose (loadFromSnapshot), and to read the scheduler's switch counter;
// - `setInterruptBuffer` given an object whose index 0 is a getter, where Pyodide
//   expects a TypedArray on a SharedArrayBuffer: the interpreter polls it, so the
//   getter decides when the running thread is preempted (preemption.mjs).

import { MANIFEST_NAME, PYTHON_ENV, installRuntime } from "./runtime.mjs";
import { unpackPages } from "./snapshot-format.mjs";

const PYODIDE_URL = new URL("../../pyodide/", import.meta.url);
const SNAPSHOT_URL = new URL("runtime-snapshot.bin.gz", PYODIDE_URL);
const RUNTIME_URL = new URL("python/", import.meta.url);

// Resolves with the Pyodide instance, the runtime installed and `interruptBuffer`
// polled, and `readInt32(address)`, which reads a 32-bit word of its memory.
export async function loadPython({ interruptBuffer }) {
  const snapshot = fetchSnapshot(); // downloaded while Pyodide's own files are
  snapshot.catch(() => {}); // awaited below: a failure is no unhandled rejection
  const { loadPyodide } = await import(new URL("pyodide.mjs", PYODIDE_URL).href);
  const options = { indexURL: PYODIDE_URL.href, env: PYTHON_ENV };
  let pyodide;
  try {
    pyodide = await loadFromSnapshot(loadPyodide, options, snapshot);
  } catch (error) {
    logFallback(await snapshot.then(() => error, (fetchError) => fetchError));
    const [loaded, files] = await Promise.all([loadPyodide(options), fetchRuntimeFiles()]);
    pyodide = loaded;
    installRuntime(pyodide, files);
  }
  pyodide.setInterruptBuffer(interruptBuffer);
  const module = pyodide._module; // its HEAP32 is replaced when the memory grows
  return { pyodide, readInt32: (address) => module.HEAP32[address / 4] };
}

class SnapshotMissing extends Error {}

// The memory snapshot (tools/make_runtime_snapshot.mjs): Python started, the runtime
// installed. Gzipped, so that any static host sends it small (a host that already
// decompressed it is fine too).
async function fetchSnapshot() {
  const response = await fetch(SNAPSHOT_URL);
  if (response.status === 404) throw new SnapshotMissing("no snapshot on this site (HTTP 404)");
  if (!response.ok) throw new Error(`the snapshot could not be fetched (HTTP ${response.status})`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return unpackPages(bytes);
}

// A site built without a snapshot is slower to start, not broken: said quietly. Any
// other reason (a corrupt file, one from another Pyodide, a bug) is a warning.
function logFallback(reason) {
  const message = "Python starts without the runtime snapshot, more slowly:";
  if (reason instanceof SnapshotMissing) console.info(message, reason.message);
  else console.warn(message, reason); // an Error shows its stack in the console
}

// A snapshot holds the memory of an interpreter started at build time, in Node. One
// value in it depends on the JavaScript engine: CPython's trampoline for calling C
// functions, chosen at start-up. Node's choice (a JavaScript trampoline, which stack
// switching cannot cross) is replaced by the one this browser chose while starting.
async function loadFromSnapshot(loadPyodide, options, snapshot) {
  let trampoline = null;
  const { default: createPyodideModule } = await import(
    new URL("pyodide.asm.mjs", PYODIDE_URL).href
  );
  const pyodide = await loadPyodide({
    ...options,
    _loadSnapshot: snapshot,
    async createPyodideModule(settings) {
      const module = await createPyodideModule(settings);
      trampoline = trampolineSlot(module);
      trampoline.value = module.HEAP32[trampoline.index];
      return module;
    },
  });
  pyodide._module.HEAP32[trampoline.index] = trampoline.value;
  return pyodide;
}

function trampolineSlot(module) {
  const offset = module.HEAP32[module.__PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET / 4];
  return { index: (module.__PyRuntime + offset) / 4, value: 0 };
}

// The runtime's Python files, for a start without the snapshot: the list the build
// wrote (site_hooks/site_assets.py), then every file on it.
async function fetchRuntimeFiles() {
  const fetchOk = async (path) => {
    const response = await fetch(new URL(path, RUNTIME_URL));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  };
  const paths = await (await fetchOk(MANIFEST_NAME)).json();
  return Promise.all(paths.map(async (path) => [path, await (await fetchOk(path)).text()]));
}
