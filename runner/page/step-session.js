// One Step through session: a worker of its own (stepper.mjs) runs the program once per
// request, under the reader's steps so far, and answers with where it paused (or how
// it ended). Requests go one at a time, in order; stop() terminates the worker.
import { hasJspi, NO_JSPI_MESSAGE } from "./jspi.js";

export class StepSession {
  // onStop() is called when stop() ends the session from outside (the runner's Stop).
  constructor({ pool, code, granularity, raceCheck = true, limits, onStop = () => {} }) {
    Object.assign(this, { pool, code, granularity, raceCheck, limits, onStop });
    this.worker = null;
    this.over = false;
    this.pending = null; // {resolve, reject} of the request in flight
    this.failure = "";
  }

  // Starts the worker; false when this browser cannot run Python.
  start() {
    if (!hasJspi()) return false;
    this.worker = this.pool.take();
    this.loadTimer = setTimeout(
      () => this.fail(`Python did not load within ${this.limits.loadTimeoutSeconds} s.`),
      this.limits.loadTimeoutSeconds * 1000,
    );
    this.worker.listen((message) => this.receive(message));
    return true;
  }

  // The run under `steps` (thread idents): a promise of the worker's step-state, or
  // an Error whose message is a sentence for the reader.
  request(steps, { finish = false } = {}) {
    if (this.over) return Promise.reject(new Error("Step through has ended."));
    if (this.pending) return Promise.reject(new Error("A step is still running."));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.worker.postMessage({
        type: "step",
        code: this.code,
        granularity: this.granularity,
        raceCheck: this.raceCheck,
        steps,
        finish,
        timeLimitSeconds: this.limits.timeLimitSeconds,
        maxOutputChars: this.limits.maxOutputChars,
      });
    });
  }

  receive(message) {
    if (this.over) return;
    switch (message.type) {
      case "ready":
        clearTimeout(this.loadTimer);
        if (!message.jspi) this.fail(NO_JSPI_MESSAGE);
        return;
      case "step-state": {
        clearTimeout(this.loadTimer);
        const pending = this.pending;
        this.pending = null;
        return pending?.resolve(message);
      }
      // The worker failed before it could step: it says why on stderr, then ends.
      case "stderr":
        this.failure += message.text;
        return;
      case "done":
        if (message.reason === "no-jspi") return this.fail(NO_JSPI_MESSAGE);
        return this.fail(`The Python runtime failed: ${(this.failure || message.message || "no details").trim()}`);
      case "failed":
        return this.fail(`The Python runtime failed: ${message.message || "no details"}`);
    }
  }

  fail(sentence) {
    const pending = this.pending;
    this.end();
    pending?.reject(new Error(sentence));
  }

  stop() {
    if (this.over) return;
    this.end();
    this.onStop();
  }

  end() {
    if (this.over) return;
    this.over = true;
    this.pending = null;
    clearTimeout(this.loadTimer);
    this.worker?.terminate();
    // A worker that stepped is not a spare for a run: keep a new one loading.
    if (hasJspi()) this.pool.warm();
  }
}
