// The Python runner's worker: loads Pyodide from the site itself and runs a program,
// whose threads are green threads (see webthreads/__init__.py). This file is the
// protocol and puts the parts together; each part is a module beside it.
//
// Protocol (the page's side is runner/page/worker-handle.js):
//   worker → page  {type: "progress", loaded, total}  (bytes of Python's files so far)
//   worker → page  {type: "compiled", module}      (the interpreter's WebAssembly.Module,
//                  once compiled: the page gives it to its next workers, created with
//                  the name SHARED_INTERPRETER, as {type: "interpreter", module})
//   worker → page  {type: "ready", jspi, python, runtime}
//   page → worker  {type: "run", code, schedule?, raceCheck?}  (once; may come before
//                  "ready"; a replay is watched by the race check as its run was)
//                  {type: "explore", code, granularity, budget, seed?, timeLimitSeconds?,
//                   maxOutputChars?}                (instead of "run"; the worker is as
//                                                   fresh after it, so more may follow)
//   worker → page  {type: "stdout" | "stderr", text}
//   worker → page  {type: "timeline", data}        (who ran when: timeline/)
//   worker → page  {type: "races", races}          (the race check's report, when on)
//   worker → page  {type: "schedule", token, diverged?}  (how to replay the run; token
//                  null and tooLong true for a run with too many inputs to record)
//   worker → page  {type: "explore-progress" | "explore-done", runs, exhaustive,
//                   strategy, outcomes}            (explorer.mjs)
//   page → worker  {type: "step", code, granularity, steps, finish?, timeLimitSeconds?,
//                   maxOutputChars?}               (instead of "run", any number of
//                                                   them: stepper.mjs)
//   worker → page  {type: "step-state", steps, stdout, stderr, paused, ended, token,
//                   timeline}                      (stepper.mjs)
//   worker → page  {type: "done", status: "ok" | "error", reason?, message?}
//                  (reason "closed": the program closed this worker, `js.self.close()`)
//
// A program reaches this worker's globals through `js`: it cannot post to the page,
// and once Python has loaded it cannot reach the network (sandbox.mjs).

import { explore } from "./explorer.mjs";
import { createBridge } from "./bridge.mjs";
import { createClock } from "./clock.mjs";
import { NO_JSPI_MESSAGE, hasJspi } from "./jspi.js"; // served beside this file from runner/page/
import { SHARED_INTERPRETER } from "./interpreter-sharing.js"; // from runner/page/ too
import { loadPython } from "./load.mjs";
import { createOutput } from "./output.mjs";
import { createStepper } from "./stepper.mjs";
import { createTick } from "./preemption.mjs";
import { sealNetwork, sealPageChannel } from "./sandbox.mjs";
import { installRunInputs, newKey, recording, replaying, useRunInputs } from "./run-inputs.mjs";
import { OTHER_CODE, ScheduleError, decodeSchedule, encodeSchedule, hashText } from "./schedule-token.mjs";
import { withoutStackDump } from "./stdio-filter.mjs";

installRunInputs(); // before Python loads: its clocks and random bytes come through here
const postMessage = sealPageChannel(closedByProgram);

const STACK_OVERFLOW =
  "RecursionError: maximum recursion depth exceeded: the program recursed too deeply " +
  "through C code for the browser's stack, which is smaller than CPython's.";
// What the JavaScript engine says when the stack overflows: V8, then SpiderMonkey.
const ENGINE_STACK_OVERFLOW = /Maximum call stack size exceeded|too much recursion/;
const END_REASONS = ["time-limit", "output-limit"]; // why an explored run was ended

let pendingRequests = []; // requests that came before Python was ready
let requested = null; // "run" (one only), or "explore" or "step" (any number of them)
let runtime = null; // {api, threadEntry, onTimer, runMain, made, memory}
let loadError = null;
let run = null; // the run going on: {inputs, write, decider, resolve, over}
let closed = false;

const output = createOutput((message) => postMessage(message));

const CLOSED = "The program closed its own worker (self.close()), which ended the run.";

// The program called `close()`: what it printed so far goes first, then its end.
function closedByProgram() {
  if (closed) return;
  closed = true;
  output.close();
  postMessage({ type: "done", status: "error", reason: "closed", message: CLOSED });
}
const tick = createTick();
const clock = createClock(
  () => {
    if (!run || run.over) return;
    try {
      runtime.onTimer();
    } catch (error) {
      internalError(error);
    }
  },
  () => run?.inputs,
);

// How the run ended, from Python (webthreads/program.py). Returns whether the run's
// timeline is wanted; if it is, Python sends it next (`timeline`), after the run's
// inputs are no longer recorded.
function finish(status, reason, message) {
  if (!run || run.over) return false;
  run.over = true;
  clock.cancelTimer();
  tick.stop();
  useRunInputs(null);
  run.ended = { status, reason, message: message == null ? null : String(message), timelineJson: null };
  // A stepped run that paused (stepper.mjs) has what Python said of its threads instead.
  if (reason === "paused") run.ended.paused = run.paused;
  run.ended.races = run.racesJson ? JSON.parse(run.racesJson) : null;
  const wantsTimeline = run.wantsTimeline && reason !== "paused";
  if (!wantsTimeline) run.resolve(run.ended);
  return wantsTimeline;
}

function timeline(json) {
  if (!run?.ended || !run.wantsTimeline || run.ended.paused) return;
  run.ended.timelineJson = json;
  run.resolve(run.ended);
}

function internalError(error) {
  const message = String((error && (error.message || error.type)) || error);
  if (!run || run.over) return;
  if (ENGINE_STACK_OVERFLOW.test(message)) {
    run.write("stderr", `${STACK_OVERFLOW}\n`);
    finish("error", "exception", STACK_OVERFLOW);
    run.resolve(run.ended);
    return;
  }
  run.write("stderr", `The Python runner failed: ${message}\n`);
  finish("error", "internal", message);
  run.resolve(run.ended); // no timeline follows from JavaScript's side
}

const bridge = createBridge({
  write: (stream, text) => run && !run.over && run.write(stream, text),
  clock,
  tick,
  finish,
  timeline,
  startStack(ident) {
    runtime.threadEntry.callPromising(ident).catch(internalError);
  },
  // The scheduler's choices, in runs whose schedule the worker chooses
  // (webthreads/policy.py ChosenByTheWorker, webthreads/switch_points.py).
  pick: (...ready) => run.inputs.choice(ready.length, () => run.decider.pick(ready)),
  choose: (points, current, ...ready) =>
    run.inputs.choice(Infinity, () => run.decider.choose(points, current, ready)),
  endReason: () =>
    END_REASONS[run.inputs.choice(END_REASONS.length, () => END_REASONS.indexOf(tick.endReason))],
  // Where a stepped run paused: every thread and the shared state (webthreads/stepping.py).
  paused: (json) => {
    if (run && !run.over) run.paused = JSON.parse(json);
  },
  races: (json) => {
    if (run && !run.over && !run.racesJson) run.racesJson = String(json);
  },
});

// An exception in a Python function that JavaScript called (a timer's callback, say)
// comes here uncaught, once Pyodide has printed its traceback on stderr. Like an
// uncaught exception in a thread, and like CPython's event loops (asyncio, tkinter)
// with an exception in a callback, the program goes on: the error must not reach the
// page, which would end the run as the runner's own failure.
function uncaughtPythonError(event) {
  const error = event.error ?? event.reason;
  if (error?.constructor?.name === "PythonError" && run && !run.over) event.preventDefault();
}
self.addEventListener("error", uncaughtPythonError);
self.addEventListener("unhandledrejection", uncaughtPythonError);

// A worker named so gets the interpreter another worker compiled, as its first message.
const interpreter =
  self.name === SHARED_INTERPRETER
    ? new Promise((resolve) => {
        self.addEventListener("message", function take(event) {
          if (event.data?.type !== "interpreter") return;
          self.removeEventListener("message", take);
          resolve(event.data.module);
        });
      })
    : null;

async function loadRuntime() {
  const { pyodide, readInt32, memory } = await loadPython({
    interruptBuffer: tick,
    interpreter: await interpreter,
    onCompiled: (module) => postMessage({ type: "compiled", module }),
    onProgress: (loaded, total) => postMessage({ type: "progress", loaded, total }),
  });
  tick.readInt32 = readInt32;
  pyodide.setStdout(withoutStackDump((text) => bridge.output("stdout", text)));
  pyodide.setStderr(withoutStackDump((text) => bridge.output("stderr", text)));
  const api = pyodide.pyimport("webthreads.worker_api");
  api.attach(bridge);
  sealNetwork(pyodide.pyimport("webthreads.unsupported").NETWORK);
  return {
    api,
    threadEntry: api.thread_entry,
    onTimer: api.on_timer,
    runMain: api.run_main,
    made: { python: api.python_version, runtime: api.runtime_id },
    memory,
  };
}

// Runs the program once with these inputs (run-inputs.mjs); `write(stream, text)` gets
// its output. Resolves with how it ended: {status, reason, message, timelineJson,
// races} (the timeline only if `wantsTimeline`; `races`, the race check's report, only
// if `raceCheck`, else null).
export function runOnce(code, { inputs, write, decider = null, timeLimitMs, wantsTimeline = true, raceCheck = false }) {
  return new Promise((resolve) => {
    run = { inputs, write, decider, resolve, over: false, ended: null, wantsTimeline, paused: null, racesJson: null };
    useRunInputs(inputs);
    tick.start(inputs, timeLimitMs);
    runtime.runMain.callPromising(code, inputs.mode, Boolean(raceCheck)).catch(internalError);
  });
}

// The explorer's door to a run: ends the current one (its limits), and says what was made.
const explorerParts = {
  runOnce,
  endRun: (reason) => tick.end(reason),
  made: () => runtime.made,
  memory: () => runtime.memory,
  post: (message) => postMessage(message),
};

async function scheduleFor(code, token) {
  const schedule = await decodeSchedule(token, runtime.made);
  if (schedule.code !== hashText(code)) throw new ScheduleError(OTHER_CODE);
  return schedule;
}

// A Run, recorded, or the replay of a schedule: watched by the race check if asked, and
// a replay exactly when its run was (the watcher allocates: ids would differ otherwise).
async function runProgram(code, token, raceCheckAsked) {
  let schedule = null;
  if (token) {
    try {
      schedule = await scheduleFor(code, token);
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error;
      postMessage({ type: "done", status: "error", reason: "schedule", message: error.message });
      return;
    }
  }
  const inputs = schedule ? replaying(schedule) : recording(newKey());
  const raceCheck = schedule ? Boolean(schedule.raceCheck) : Boolean(raceCheckAsked);
  let printed = hashText("");
  const write = (stream, text) => {
    printed = hashText(stream[3] + text, printed); // "o" or "e", then the text
    output.write(stream, text);
  };
  const ended = await runOnce(code, { inputs, write, raceCheck });
  output.close();
  if (ended.timelineJson) postMessage({ type: "timeline", data: JSON.parse(ended.timelineJson) });
  if (ended.races) postMessage({ type: "races", races: ended.races });
  if (ended.reason !== "internal") {
    if (schedule) {
      let diverged = inputs.diverged;
      if (!diverged && printed !== schedule.printed) diverged = "it printed something else";
      if (!diverged && inputs.unused()) diverged = "it ended before the recorded run did";
      postMessage({ type: "schedule", token, diverged });
    } else if (inputs.tooLong) {
      postMessage({ type: "schedule", token: null, tooLong: true });
    } else {
      const token = await encodeSchedule({ ...inputs.schedule(hashText(code), printed), raceCheck }, runtime.made);
      postMessage({ type: "schedule", token });
    }
  }
  const done = { type: "done", status: ended.status };
  if (ended.reason) done.reason = ended.reason;
  if (ended.message) done.message = ended.message;
  postMessage(done);
}

let exploring = Promise.resolve(); // explorations and steps, one after the other
let stepper = null; // made at the first step request

function serve(request) {
  const failed = (error) => {
    postMessage({ type: "stderr", text: `The Python runner failed: ${error?.message || error}\n` });
    postMessage({ type: "done", status: "error", reason: "internal", message: String(error?.message || error) });
  };
  if (request.type === "explore") {
    exploring = exploring.then(() => explore(String(request.code), request, explorerParts).catch(failed));
  } else if (request.type === "step") {
    stepper ??= createStepper(explorerParts);
    exploring = exploring.then(() => stepper(request).catch(failed));
  } else runProgram(String(request.code), request.schedule || null, Boolean(request.raceCheck)).catch(failed);
}

self.onmessage = (event) => {
  const message = event.data;
  if (!message || !["run", "explore", "step"].includes(message.type)) return;
  // A run is the worker's only one; explorations, or steps, may follow each other.
  if (requested && !(message.type !== "run" && requested === message.type)) return;
  requested = message.type;
  if (!hasJspi()) postMessage({ type: "done", status: "error", reason: "no-jspi", message: NO_JSPI_MESSAGE });
  else if (loadError) {
    const text = String(loadError?.message || loadError);
    postMessage({ type: "stderr", text: `The Python runner failed: ${text}\n` });
    postMessage({ type: "done", status: "error", reason: "internal", message: text });
  } else if (runtime) serve(message);
  else pendingRequests.push(message);
};

if (!hasJspi()) {
  postMessage({ type: "ready", jspi: false });
} else {
  loadRuntime().then(
    (loaded) => {
      runtime = loaded;
      postMessage({ type: "ready", jspi: true, ...runtime.made });
      pendingRequests.splice(0).forEach(serve);
    },
    (error) => {
      loadError = error;
      if (requested) {
        const text = String(error?.message || error);
        postMessage({ type: "stderr", text: `The Python runner failed: ${text}\n` });
        postMessage({ type: "done", status: "error", reason: "internal", message: text });
      }
    },
  );
}
