// The page's handle on one worker (worker.mjs), which loads Python as soon as it is
// created and runs one program, or explores one. Messages that arrive before anyone
// listens (a spare's `ready`, the last of its `progress`) are kept for later.
import { SHARED_INTERPRETER } from "./interpreter-sharing.js";

export class WorkerHandle {
  // interpreter: a WebAssembly.Module another worker compiled, or null. onCompiled gets
  // the one this worker compiled, if it compiles one.
  constructor(url, { onReady = () => {}, interpreter = null, onCompiled = () => {} } = {}) {
    this.onReady = onReady;
    this.onCompiled = onCompiled;
    this.ended = false;
    this.listener = null;
    this.backlog = [];
    this.worker = new Worker(url, interpreter ? { type: "module", name: SHARED_INTERPRETER } : { type: "module" });
    if (interpreter) this.worker.postMessage({ type: "interpreter", module: interpreter });
    this.worker.onmessage = (event) => this.deliver(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.deliver({ type: "failed", message: event.message || "the Python runtime failed to load" });
    };
    this.worker.onmessageerror = () =>
      this.deliver({ type: "failed", message: "a message from the Python runtime could not be read" });
  }

  deliver(message) {
    if (message?.type === "compiled") return this.onCompiled(message.module);
    if (message?.type === "ready") this.onReady(message);
    if (this.listener) return this.listener(message);
    if (message?.type === "progress" && this.backlog.at(-1)?.type === "progress") this.backlog.pop();
    this.backlog.push(message);
  }

  listen(listener) {
    this.listener = listener;
    for (const message of this.backlog.splice(0)) listener(message);
  }

  // A recorded run (watched by the race check if `raceCheck`), or with `schedule` (a
  // token) the replay of one, watched as its run was.
  run(code, schedule = null, { raceCheck = false } = {}) {
    this.worker.postMessage(schedule ? { type: "run", code, schedule } : { type: "run", code, raceCheck });
  }

  // request: {code, granularity, budget, seed, timeLimitSeconds, maxOutputChars}.
  explore(request) {
    this.worker.postMessage({ type: "explore", ...request });
  }

  terminate() {
    this.ended = true;
    this.listener = null;
    this.worker.terminate();
  }
}
