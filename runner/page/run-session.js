// One run of one program in a fresh worker, from Run to its end. Stop, the time
// limit and the output cap are enforced here, on the page: terminating the worker
// ends the program whatever it is doing, even a loop that never yields.
import { hasJspi } from "./jspi.js";

// A run is "loading", then "running", then in one of these states for good.
const FINAL_STATES = new Set(["done", "error", "stopped"]);

export function isFinal(state) {
  return FINAL_STATES.has(state);
}

export class RunSession {
  // log: what the program prints goes to `log.write(stream, text)`, which returns
  // false once the output cap is reached. onChange(state, detail) follows the run.
  // With `schedule` (a token) the run replays that recorded run; onSchedule({token,
  // diverged}) gets the token of the run (diverged: null, or how a replay went its own
  // way). onProgress(loaded, total) follows the bytes of Python's files while it loads.
  // With `raceCheck` the race check watches the run; onRaces(races) gets its report.
  constructor({
    pool,
    code,
    schedule = null,
    raceCheck = false,
    limits,
    log,
    onChange = () => {},
    onTimeline = () => {},
    onSchedule = () => {},
    onProgress = () => {},
    onRaces = () => {},
  }) {
    Object.assign(this, { pool, code, schedule, raceCheck, limits, log, onChange, onTimeline, onSchedule, onProgress, onRaces });
    this.diverged = null;
    this.over = false;
    this.timers = [];
    this.startedAt = 0;
    this.worker = null;
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  // Starts the run; returns a promise of how it ended, { state, reason, message,
  // diverged }. A replay that could not be made ends in "error" with reason "schedule";
  // one that went its own way ends as the run did, with `diverged` saying how.
  start() {
    // Without JSPI nothing is loaded that cannot run.
    if (!hasJspi()) {
      this.finish("error", { reason: "no-jspi" });
      return this.ended;
    }
    this.onChange("loading", {});
    this.worker = this.pool.take();
    this.worker.run(this.code, this.schedule, { raceCheck: this.raceCheck });
    this.after(this.limits.loadTimeoutSeconds, () =>
      this.finish("error", {
        reason: "load",
        message: `Python did not load within ${this.limits.loadTimeoutSeconds} s.`,
      }),
    );
    // A spare that is already loaded replays its `ready` here at once.
    this.worker.listen((message) => this.receive(message));
    return this.ended;
  }

  // Only the worker's own code posts to the page (worker/sandbox.mjs); still, a
  // message of the wrong shape is dropped rather than trusted.
  receive(message) {
    if (this.over || !message || typeof message !== "object") return;
    switch (message.type) {
      case "progress":
        if (this.startedAt || !Number.isFinite(message.loaded) || !Number.isFinite(message.total)) return;
        return this.onProgress(message.loaded, message.total);
      case "ready":
        if (this.startedAt) return; // once: a second one must not re-arm the time limit
        this.clearTimers();
        if (!message.jspi) return this.finish("error", { reason: "no-jspi" });
        this.startedAt = performance.now();
        this.onChange("running", { python: message.python });
        this.after(this.limits.timeLimitSeconds, () =>
          this.finish("error", { reason: "time-limit" }),
        );
        return;
      case "stdout":
      case "stderr":
        if (typeof message.text !== "string") return;
        if (!this.log.write(message.type, message.text)) {
          this.finish("error", { reason: "output-limit" });
        }
        return;
      case "timeline":
        // Who ran when (timeline/README.md), sent just before `done`.
        return this.onTimeline(message.data);
      case "races":
        // The race check's report, sent just before `done`.
        if (!Array.isArray(message.races)) return;
        return this.onRaces(message.races);
      case "schedule":
        // How to replay this run, sent just before `done`.
        this.diverged = message.diverged || null;
        return this.onSchedule({ token: message.token, tooLong: Boolean(message.tooLong), diverged: this.diverged });
      case "done":
        return message.status === "ok"
          ? this.finish("done", {})
          : this.finish("error", {
              reason: typeof message.reason === "string" ? message.reason : "exception",
              message: typeof message.message === "string" ? message.message : null,
            });
      case "failed":
        return this.finish("error", { reason: "internal", message: message.message, workerFailed: true });
    }
  }

  stop() {
    this.finish("stopped", { reason: "stop" });
  }

  finish(state, detail) {
    if (this.over) return;
    this.over = true;
    this.clearTimers();
    this.worker?.terminate();
    const seconds = this.startedAt ? (performance.now() - this.startedAt) / 1000 : null;
    this.onChange(state, { ...detail, seconds, diverged: this.diverged });
    this.resolveEnded({
      state,
      reason: detail.reason || null,
      message: detail.message || null,
      diverged: this.diverged,
    });
    // Keep one worker loading for the next Run, unless this browser cannot run Python.
    if (detail.reason !== "no-jspi") this.pool.warm();
  }

  after(seconds, callback) {
    this.timers.push(setTimeout(callback, seconds * 1000));
  }

  clearTimers() {
    this.timers.forEach(clearTimeout);
    this.timers = [];
  }
}
