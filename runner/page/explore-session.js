// One exploration of one program in a fresh worker (the explorer of worker.mjs): the
// program is run under many schedules, and the worker reports the distinct outcomes as
// it goes. Stop terminates the worker, so it ends at once, whatever a run is doing;
// what was reported until then is kept.
import { hasJspi, NO_JSPI_MESSAGE } from "./jspi.js";

// The worker's explore request for `code`, keeping the page's limits on every run.
export function exploreRequest(code, { granularity, budget, seed }, limits) {
  return {
    code,
    granularity,
    budget,
    seed,
    timeLimitSeconds: limits.timeLimitSeconds,
    maxOutputChars: limits.maxOutputChars,
  };
}

export class ExploreSession {
  // request: {code, granularity, budget, seed, timeLimitSeconds, maxOutputChars}, sent
  // to the worker as it is. onProgress(report) gets each report while it runs: {runs,
  // exhaustive, strategy, outcomes}.
  constructor({ pool, request, loadTimeoutSeconds, onProgress = () => {} }) {
    Object.assign(this, { pool, request, loadTimeoutSeconds, onProgress });
    this.over = false;
    this.worker = null;
    this.timer = 0;
    this.report = { runs: 0, exhaustive: false, strategy: null, outcomes: [] };
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  // Starts exploring; returns a promise of how it ended: the last report, with `state`
  // ("done", "stopped" or "error") and, after an error, `message`, a sentence.
  start() {
    if (!hasJspi()) {
      this.finish("error", NO_JSPI_MESSAGE);
      return this.ended;
    }
    this.worker = this.pool.take();
    this.worker.explore(this.request);
    this.timer = setTimeout(
      () => this.finish("error", `Python did not load within ${this.loadTimeoutSeconds} s.`),
      this.loadTimeoutSeconds * 1000,
    );
    this.worker.listen((message) => this.receive(message));
    return this.ended;
  }

  receive(message) {
    if (this.over) return;
    switch (message.type) {
      case "ready":
        clearTimeout(this.timer);
        if (!message.jspi) this.finish("error", NO_JSPI_MESSAGE);
        return;
      case "explore-progress":
        this.keep(message);
        return this.onProgress(this.report);
      case "explore-done":
        this.keep(message);
        return this.finish("done");
      // The worker failed before it could explore: it says why on stderr, then ends.
      case "stderr":
        this.failure = (this.failure || "") + message.text;
        return;
      case "done": {
        if (message.reason === "no-jspi") return this.finish("error", NO_JSPI_MESSAGE);
        const why = (this.failure || message.message || "no details").trim();
        return this.finish("error", `The Python runtime failed: ${why}`);
      }
      case "failed":
        return this.finish("error", `The Python runtime failed: ${message.message || "no details"}`);
    }
  }

  keep({ runs, exhaustive, strategy, outcomes, races }) {
    this.report = {
      runs,
      exhaustive: Boolean(exhaustive),
      strategy: strategy || null,
      outcomes: outcomes || [],
      ...(Array.isArray(races) ? { races } : {}),
    };
  }

  stop() {
    this.finish("stopped");
  }

  finish(state, message = null) {
    if (this.over) return;
    this.over = true;
    clearTimeout(this.timer);
    this.worker?.terminate();
    this.resolveEnded({ state, ...this.report, ...(message ? { message } : {}) });
    // A worker that explored is not a spare for a run: keep a new one loading.
    if (hasJspi()) this.pool.warm();
  }
}
