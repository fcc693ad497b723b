// The Python runner's worker: loads Pyodide from the site itself and runs one program,
// whose threads are green threads (see webthreads/__init__.py). This file is the
// protocol and puts the parts together; each part is a module beside it.
//
// Protocol (the page's side is runner/page/worker-handle.js):
//   worker → page  {type: "ready", jspi, python}
//   page → worker  {type: "run", code}            (once; may come before "ready")
//   worker → page  {type: "stdout" | "stderr", text}
//   worker → page  {type: "timeline", data}        (who ran when: timeline/)
//   worker → page  {type: "done", status: "ok" | "error", reason?, message?}

import { createBridge } from "./bridge.mjs";
import { createClock } from "./clock.mjs";
import { NO_JSPI_MESSAGE, hasJspi } from "./jspi.js"; // served beside this file from runner/page/
import { loadPython } from "./load.mjs";
import { createOutput } from "./output.mjs";
import { createTick } from "./preemption.mjs";
import { withoutStackDump } from "./stdio-filter.mjs";

const STACK_OVERFLOW =
  "RecursionError: maximum recursion depth exceeded: the program recursed too deeply " +
  "through C code for the browser's stack, which is smaller than CPython's.";
// What the JavaScript engine says when the stack overflows: V8, then SpiderMonkey.
const ENGINE_STACK_OVERFLOW = /Maximum call stack size exceeded|too much recursion/;

let pendingCode = null; // a run that came before Python was ready
let runRequested = false;
let runtime = null; // {api, threadEntry, onTimer, runMain}: webthreads/worker_api.py
let loadError = null;
let finished = false;

const output = createOutput((message) => postMessage(message));
const tick = createTick();
const clock = createClock(() => {
  if (finished) return;
  try {
    runtime.onTimer();
  } catch (error) {
    internalError(error);
  }
});

// timelineJson: the run's timeline (webthreads/timeline.py), when Python ended it.
function finish(status, reason, message, timelineJson) {
  if (finished) return;
  output.close();
  finished = true;
  clock.cancelTimer();
  tick.stop();
  if (timelineJson) postMessage({ type: "timeline", data: JSON.parse(timelineJson) });
  const done = { type: "done", status };
  if (reason) done.reason = reason;
  if (message) done.message = String(message);
  postMessage(done);
}

function internalError(error) {
  const message = String((error && (error.message || error.type)) || error);
  if (ENGINE_STACK_OVERFLOW.test(message)) {
    output.write("stderr", `${STACK_OVERFLOW}\n`);
    finish("error", "exception", STACK_OVERFLOW);
    return;
  }
  output.write("stderr", `The Python runner failed: ${message}\n`);
  finish("error", "internal", message);
}

const bridge = createBridge({
  output,
  clock,
  tick,
  finish,
  startStack(ident) {
    runtime.threadEntry.callPromising(ident).catch(internalError);
  },
});

async function loadRuntime() {
  const { pyodide, readInt32 } = await loadPython({ interruptBuffer: tick });
  tick.readInt32 = readInt32;
  pyodide.setStdout(withoutStackDump((text) => output.write("stdout", text)));
  pyodide.setStderr(withoutStackDump((text) => output.write("stderr", text)));
  const api = pyodide.pyimport("webthreads.worker_api");
  api.attach(bridge);
  return { api, threadEntry: api.thread_entry, onTimer: api.on_timer, runMain: api.run_main };
}

function start(code) {
  tick.start();
  runtime.runMain.callPromising(code).catch(internalError);
}

self.onmessage = (event) => {
  const message = event.data;
  if (!message || message.type !== "run" || runRequested) return;
  runRequested = true;
  if (!hasJspi()) finish("error", "no-jspi", NO_JSPI_MESSAGE);
  else if (loadError) internalError(loadError);
  else if (runtime) start(String(message.code));
  else pendingCode = String(message.code);
};

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
