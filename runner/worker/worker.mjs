// The Python runner's worker: loads Pyodide from the site itself and runs one program,
// whose threads are green threads (see python/webthreads/__init__.py).
//
// Protocol (the page is runner/page/python-worker.js):
//   worker → page  {type: "ready", jspi, python}
//   page → worker  {type: "run", code}            (once; may come before "ready")
//   worker → page  {type: "stdout" | "stderr", text}
//   worker → page  {type: "timeline", data}        (who ran when: timeline/)
//   worker → page  {type: "done", status: "ok" | "error", reason?, message?}

import { MANIFEST_NAME, PYTHON_ENV, installRuntime } from "./runtime.mjs";

const PYODIDE_URL = new URL("../../pyodide/", import.meta.url);
const SNAPSHOT_URL = new URL("runtime-snapshot.bin.gz", PYODIDE_URL);
const RUNTIME_URL = new URL("python/", import.meta.url);
const SIGUSR1 = 10; // switch threads (webthreads/preemption.py)
const SIGUSR2 = 12; // collect garbage (webthreads/collector.py)
const COLLECTION_INTERVAL_MS = 50;
const RETRY_MS = 0.5; // a signal that came at a bad moment comes again this much later
const OUTPUT_DELAY_MS = 16; // output waits at most this long to be sent in a batch
const OUTPUT_BATCH_CHARS = 65536;
const NO_JSPI =
  "This browser cannot suspend WebAssembly (JavaScript Promise Integration), " +
  "which Python threads need here.";

let pendingCode = null; // a run that came before Python was ready
let runRequested = false;
let runtime = null; // {api, threadEntry, onTimer, runMain}: webthreads/worker_api.py
let loadError = null;
let finished = false;

// ---- Output: batched, in order, stdout and stderr apart --------------------------

const output = { items: [], chars: 0, since: 0, lastFlush: -Infinity, timer: null };

function write(stream, text) {
  if (finished) return;
  const now = performance.now();
  // An old batch goes first, on its own; a finished line goes at once unless output
  // was sent less than OUTPUT_DELAY_MS ago (then a timer or the next write sends it).
  if (output.items.length && now - output.since >= OUTPUT_DELAY_MS) flushOutput();
  const last = output.items.at(-1);
  if (last && last.type === stream) last.text += text;
  else output.items.push({ type: stream, text });
  output.chars += text.length;
  if (!output.since) output.since = now;
  const lineDone = text.endsWith("\n") && now - output.lastFlush >= OUTPUT_DELAY_MS;
  if (lineDone || output.chars >= OUTPUT_BATCH_CHARS) flushOutput();
  else if (output.timer === null) output.timer = setTimeout(flushOutput, OUTPUT_DELAY_MS);
}

function flushOutput() {
  clearTimeout(output.timer);
  output.timer = null;
  for (const item of output.items) postMessage(item);
  output.items = [];
  output.chars = 0;
  output.since = 0;
  output.lastFlush = performance.now();
}

// timelineJson: the run's timeline (webthreads/timeline.py), when Python ended it.
function finish(status, reason, message, timelineJson) {
  if (finished) return;
  flushOutput();
  finished = true;
  stopClock();
  if (timelineJson) postMessage({ type: "timeline", data: JSON.parse(timelineJson) });
  const done = { type: "done", status };
  if (reason) done.reason = reason;
  if (message) done.message = String(message);
  postMessage(done);
}

const STACK_OVERFLOW =
  "RecursionError: maximum recursion depth exceeded: the program recursed too deeply " +
  "through C code for the browser's stack, which is smaller than CPython's.";

function internalError(error) {
  const message = String((error && (error.message || error.type)) || error);
  if (/Maximum call stack size exceeded/.test(message)) {
    write("stderr", `${STACK_OVERFLOW}\n`);
    finish("error", "exception", STACK_OVERFLOW);
    return;
  }
  write("stderr", `The Python runner failed: ${message}\n`);
  finish("error", "internal", message);
}

// ---- Clock: timeouts and turns for the scheduler (scheduler.on_timer) ------------

let timer = null;
let turnPending = false;
const turns = new MessageChannel();
turns.port1.onmessage = () => {
  turnPending = false;
  callOnTimer();
};

function callOnTimer() {
  if (finished) return;
  try {
    runtime.onTimer();
  } catch (error) {
    internalError(error);
  }
}

function wakeSoon() {
  if (!turnPending) {
    turnPending = true;
    turns.port2.postMessage(0);
  }
}

function armTimer(ms) {
  cancelTimer();
  // setTimeout may fire late (and never early): wake a little before the deadline,
  // then take turns through the event loop until the scheduler finds it due.
  if (ms <= 3) wakeSoon();
  else {
    timer = setTimeout(() => {
      timer = null;
      callOnTimer();
    }, ms - 2);
  }
}

function cancelTimer() {
  clearTimeout(timer);
  timer = null;
}

// ---- Preemption: the interpreter polls this "interrupt buffer" -------------------

const tick = {
  next: Infinity, // no signal before the program starts
  interval: 5,
  nextCollection: Infinity,
  module: null, // Emscripten module: its HEAP32 is the interpreter's memory
  counter: -1, // where scheduler.switch_counter lives in it
  seen: 0,
  get 0() {
    const now = performance.now();
    if (this.counter >= 0) {
      const switches = this.module.HEAP32[this.counter];
      if (switches !== this.seen) {
        // Another thread runs now: it gets a whole time slice.
        this.seen = switches;
        this.next = now + this.interval;
      }
    }
    if (now >= this.next) {
      this.next = now + this.interval;
      return SIGUSR1;
    }
    if (now >= this.nextCollection) {
      this.nextCollection = now + COLLECTION_INTERVAL_MS;
      return SIGUSR2;
    }
    return 0;
  },
  set 0(value) {},
};

function stopClock() {
  cancelTimer();
  tick.next = Infinity;
  tick.nextCollection = Infinity;
}

// ---- What Python calls (webthreads/bridge.py) ------------------------------------

const bridge = {
  output: write,
  finish,
  armTimer,
  cancelTimer,
  wakeSoon,
  startStack(ident) {
    runtime.threadEntry.callPromising(ident).catch(internalError);
  },
  // The thread was in the runtime's own code: ask again shortly.
  tickSoon() {
    tick.next = performance.now() + RETRY_MS;
  },
  collectSoon() {
    tick.nextCollection = performance.now() + RETRY_MS;
  },
  setSwitchInterval(seconds) {
    tick.interval = seconds * 1000;
  },
  watchSwitches(address) {
    tick.counter = address / 4;
  },
};

// ---- Loading ----------------------------------------------------------------------

// The memory snapshot made at build time (tools/make_runtime_snapshot.mjs): Python
// started, the runtime installed. Gzipped, so that any static host sends it small (a
// host that already decompressed it is fine too), without its pages of zeros.
async function fetchSnapshot() {
  const response = await fetch(SNAPSHOT_URL);
  if (!response.ok) throw new Error(`no snapshot (HTTP ${response.status})`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return unpackPages(bytes);
}

function unpackPages(packed) {
  const [magic, length, pageSize, count] = new Uint32Array(packed.buffer, 0, 4);
  if (magic !== 0x53505457) throw new Error("not a packed snapshot");
  const pages = new Uint32Array(packed.buffer, 16, count);
  const start = 16 + 4 * count;
  const memory = new Uint8Array(length);
  pages.forEach((index, n) => {
    const page = packed.subarray(start + n * pageSize, start + (n + 1) * pageSize);
    memory.set(page, index * pageSize);
  });
  return memory;
}

async function fetchRuntimeFiles() {
  const fetchOk = async (path) => {
    const response = await fetch(new URL(path, RUNTIME_URL));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  };
  const paths = await (await fetchOk(MANIFEST_NAME)).json();
  return Promise.all(paths.map(async (path) => [path, await (await fetchOk(path)).text()]));
}

// What C code writes to the standard streams (Python's own streams are
// webthreads/streams.py). Pyodide's dump of the Python stack after a fatal error is
// left out: internalError() explains what happened.
function pyodideOutput(stream) {
  const decoder = new TextDecoder();
  let inDump = false;
  let lineStart = true;
  let dropLine = false; // whether the line being written is left out
  return {
    write(bytes) {
      const text = decoder.decode(bytes, { stream: true });
      let kept = "";
      for (const piece of text.split(/(?<=\n)/)) {
        if (lineStart) {
          if (piece.startsWith("Stack (most recent call first):")) inDump = true;
          else if (inDump && !/^ {2}(File |<)/.test(piece)) inDump = false;
          dropLine = inDump;
        }
        if (!dropLine) kept += piece;
        lineStart = piece.endsWith("\n");
      }
      if (kept) write(stream, kept);
      return bytes.length;
    },
  };
}

async function loadRuntime() {
  const snapshot = fetchSnapshot(); // downloaded while Pyodide's own files are
  snapshot.catch(() => {}); // a missing snapshot is handled below
  const { loadPyodide } = await import(new URL("pyodide.mjs", PYODIDE_URL).href);
  const options = { indexURL: PYODIDE_URL.href, env: PYTHON_ENV };
  let pyodide;
  try {
    pyodide = await loadFromSnapshot(loadPyodide, options, snapshot);
  } catch {
    // No snapshot, or one from another Pyodide: start Python the plain way.
    const [loaded, files] = await Promise.all([loadPyodide(options), fetchRuntimeFiles()]);
    pyodide = loaded;
    installRuntime(pyodide, files);
  }
  pyodide.setStdout(pyodideOutput("stdout"));
  pyodide.setStderr(pyodideOutput("stderr"));
  tick.module = pyodide._module;
  pyodide.setInterruptBuffer(tick);
  const api = pyodide.pyimport("webthreads.worker_api");
  api.attach(bridge);
  return { api, threadEntry: api.thread_entry, onTimer: api.on_timer, runMain: api.run_main };
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

function start(code) {
  tick.next = performance.now() + tick.interval;
  tick.nextCollection = performance.now() + COLLECTION_INTERVAL_MS;
  runtime.runMain.callPromising(code).catch(internalError);
}

self.onmessage = (event) => {
  const message = event.data;
  if (!message || message.type !== "run" || runRequested) return;
  runRequested = true;
  if (!hasJspi()) finish("error", "no-jspi", NO_JSPI);
  else if (loadError) internalError(loadError);
  else if (runtime) start(String(message.code));
  else pendingCode = String(message.code);
};

function hasJspi() {
  return typeof WebAssembly.Suspending === "function";
}

if (!hasJspi()) {
  postMessage({ type: "ready", jspi: false });
} else {
  loadRuntime().then(
    (loaded) => {
      runtime = loaded;
      postMessage({ type: "ready", jspi: true, python: runtime.api.python_version });
      if (pendingCode !== null) start(pendingCode);
    },
    (error) => {
      loadError = error;
      if (runRequested) internalError(error);
    },
  );
}
