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
// - `_module.HEAPU8`, `_module.__hiwire_get` and `_module.__hiwire_set`, to copy the
//   whole memory and the table of JavaScript values that Python holds (its "hiwire"
//   references, counted in that memory), and to put both back (memory), with the
//   files of the folders a program writes to (the public `FS`): the explorer starts
//   each run from the interpreter as it was before the first;
// - `setInterruptBuffer` given an object whose index 0 is a getter, where Pyodide
//   expects a TypedArray on a SharedArrayBuffer: the interpreter polls it, so the
//   getter decides when the running thread is preempted (preemption.mjs);
// - how Pyodide gets its files: it fetches `pyodide.asm.wasm` and `python_stdlib.zip`
//   from indexURL as it starts, and gives the first to `WebAssembly.instantiateStreaming`.
//   While it starts, those fetches are answered with the files downloaded here, and
//   instantiateStreaming given that answer instantiates the module compiled here
//   (interpreter.mjs).

import { answeringFetches } from "./interpreter.mjs";
import { HttpError, pyodideFiles } from "./pyodide-files.mjs";
import { MANIFEST_NAME, PYTHON_ENV, installRuntime } from "./runtime.mjs";
import { unpackPages } from "./snapshot-format.mjs";

const PYODIDE_URL = new URL("../../pyodide/", import.meta.url);
const RUNTIME_URL = new URL("python/", import.meta.url);
// Their names in the site's list (site_hooks/pyodide_bundle.py, site_assets.py).
const INTERPRETER = "pyodide.asm.wasm";
const EMSCRIPTEN_MODULE = "pyodide.asm.mjs"; // the interpreter's JavaScript half
const STANDARD_LIBRARY = "python_stdlib.zip";
const LOCK_FILE = "pyodide-lock.json";
const SNAPSHOT = "runtime-snapshot.bin";

// Resolves with the Pyodide instance, the runtime installed and `interruptBuffer`
// polled, `readInt32(address)`, which reads a 32-bit word of its memory, and `memory`:
// `save()` copies the interpreter's whole memory, `restore(image)` puts a copy back.
// Only while no Python runs: between two runs, from the event loop.
//
// interpreter: a WebAssembly.Module of pyodide.asm.wasm another worker compiled, or
// null to fetch and compile it here, and then give it to `onCompiled(module)`.
// onProgress(loaded, total): bytes of the files fetched so far, of all it fetches.
export async function loadPython({
  interruptBuffer,
  interpreter = null,
  onCompiled = () => {},
  onProgress = () => {},
}) {
  const pyodideModule = import(new URL("pyodide.mjs", PYODIDE_URL).href); // while files download
  pyodideModule.catch(() => {});
  const files = await pyodideFiles(PYODIDE_URL, onProgress);
  const hasSnapshot = files.has(SNAPSHOT);
  const opened = files.open([
    EMSCRIPTEN_MODULE,
    ...(interpreter ? [] : [INTERPRETER]),
    ...(hasSnapshot ? [SNAPSHOT] : []),
    STANDARD_LIBRARY,
    LOCK_FILE,
  ]);
  const asmModule = importText(opened.get(EMSCRIPTEN_MODULE));
  asmModule.catch(() => {});
  // All downloaded at once, while Pyodide's own modules are imported below.
  const snapshot = hasSnapshot
    ? readSnapshot(opened.get(SNAPSHOT))
    : Promise.reject(new SnapshotMissing("this site has none"));
  snapshot.catch(() => {}); // awaited below: a failure is no unhandled rejection
  const compiled = interpreter ? Promise.resolve(interpreter) : compile(opened.get(INTERPRETER), files);
  compiled.then((module) => interpreter || onCompiled(module), () => {});
  const lockFile = opened.get(LOCK_FILE).then((response) => response.text());
  const standardLibrary = opened.get(STANDARD_LIBRARY).then((response) => response.blob());
  const urlOf = (name) => new URL(name, PYODIDE_URL).href;
  const answers = new Map([
    [urlOf(INTERPRETER), () => Promise.resolve(new Response(null))],
    [urlOf(STANDARD_LIBRARY), async () => new Response(await standardLibrary)],
  ]);
  const answering = answeringFetches(answers, urlOf(INTERPRETER), compiled);
  // Pyodide says a standard library it could not fetch on the console, and goes on.
  const start = (load) => answering(async () => (await Promise.all([load(), standardLibrary]))[0]);
  const { loadPyodide } = await pyodideModule;
  const options = { indexURL: PYODIDE_URL.href, env: PYTHON_ENV, lockFileContents: lockFile };
  const plainOptions = async () => ({ ...options, createPyodideModule: (await asmModule).default });
  let pyodide;
  try {
    pyodide = await start(() => loadFromSnapshot(loadPyodide, options, snapshot, asmModule));
  } catch (error) {
    const reason = await snapshot.then(() => error, (fetchError) => fetchError);
    if (!(reason instanceof SnapshotMissing)) files.forget(SNAPSHOT);
    logFallback(reason);
    const plainLoad = async () => loadPyodide(await plainOptions());
    const [loaded, runtimeFiles] = await Promise.all([start(plainLoad), fetchRuntimeFiles()]);
    pyodide = loaded;
    installRuntime(pyodide, runtimeFiles);
  }
  pyodide.setInterruptBuffer(interruptBuffer);
  const module = pyodide._module; // its HEAP32 is replaced when the memory grows
  const references = () => {
    const values = [];
    for (;;) {
      try {
        values.push(module.__hiwire_get(values.length));
      } catch {
        return values; // past the table's end
      }
    }
  };
  const memory = {
    save: () => ({ heap: module.HEAPU8.slice(), references: references(), files: saveFiles(pyodide.FS) }),
    restore(image) {
      restoreFiles(pyodide.FS, image.files);
      const heap = module.HEAPU8;
      heap.set(image.heap);
      heap.fill(0, image.heap.length); // memory grown since is fresh again, as the allocator expects
      const now = references().length;
      image.references.forEach((value, index) => module.__hiwire_set(index, value));
      for (let index = image.references.length; index < now; index++) module.__hiwire_set(index, null);
    },
  };
  return { pyodide, readInt32: (address) => module.HEAP32[address / 4], memory };
}

// The folders a program writes to (its working directory, the temporary one), whose
// files Emscripten keeps in JavaScript, outside the interpreter's memory: saved and put
// back with it, so that a run finds none of the files an earlier run wrote.
const WRITABLE = ["/home/pyodide", "/tmp"];

function saveFiles(FS) {
  const saved = new Map(); // path -> {mode, contents} (contents null for a folder)
  const walk = (path) => {
    let stat;
    try {
      stat = FS.lstat(path);
    } catch {
      return;
    }
    if (FS.isDir(stat.mode)) {
      saved.set(path, { mode: stat.mode, contents: null });
      for (const name of FS.readdir(path)) if (name !== "." && name !== "..") walk(`${path}/${name}`);
    } else if (FS.isFile(stat.mode)) {
      saved.set(path, { mode: stat.mode, contents: FS.readFile(path) });
    }
  };
  WRITABLE.forEach(walk);
  return { saved, cwd: FS.cwd() };
}

function restoreFiles(FS, { saved, cwd }) {
  const remove = (path) => {
    let stat;
    try {
      stat = FS.lstat(path);
    } catch {
      return;
    }
    if (FS.isDir(stat.mode)) {
      for (const name of FS.readdir(path)) if (name !== "." && name !== "..") remove(`${path}/${name}`);
      if (!saved.has(path)) FS.rmdir(path);
    } else if (!saved.has(path)) {
      FS.unlink(path);
    }
  };
  WRITABLE.forEach(remove);
  for (const [path, { mode, contents }] of saved) {
    if (contents === null) {
      if (!FS.analyzePath(path).exists) FS.mkdir(path, mode);
    } else {
      FS.writeFile(path, contents);
    }
    FS.chmod(path, mode);
  }
  FS.chdir(cwd); // a run may have changed the working directory: Emscripten keeps it too
}

class SnapshotMissing extends Error {}

// The memory snapshot (tools/make_runtime_snapshot.mjs): Python started, the runtime
// installed.
async function readSnapshot(opened) {
  let response;
  try {
    response = await opened;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      throw new SnapshotMissing("no snapshot on this site (HTTP 404)");
    }
    throw error;
  }
  return unpackPages(new Uint8Array(await response.arrayBuffer()));
}

// A module downloaded as text, imported from memory: Pyodide's, which looks for nothing
// beside it (its files come through locateFile and the answers of interpreter.mjs).
async function importText(opened) {
  const text = await (await opened).blob();
  const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// The interpreter, compiled while it downloads.
async function compile(opened, files) {
  const response = await opened;
  const wasm = new Response(response.body, { headers: { "Content-Type": "application/wasm" } });
  try {
    return await WebAssembly.compileStreaming(wasm);
  } catch (error) {
    files.forget(INTERPRETER); // damaged on its way: fetched again next time
    throw error;
  }
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
async function loadFromSnapshot(loadPyodide, options, snapshot, asmModule) {
  let trampoline = null;
  const { default: createPyodideModule } = await asmModule;
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
