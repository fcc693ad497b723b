// Run and Stop, the state label and the output panel of one runner, shared by the
// snippets on the chapter pages and by the playground. The runner's root element
// carries `data-state` (idle, loading, running, done, error, stopped) and, after an
// error or a stop, `data-reason`. A run dispatches `runner-started` on the root, and
// `runner-finished` when it ends.
import { button } from "./buttons.js";
import { limitsFor } from "./config.js";
import { NO_JSPI_MESSAGE, hasJspi } from "./jspi.js";
import { OutputLog } from "./output-log.js";
import { RunSession, isFinal } from "./run-session.js";
import { RunTimeline } from "./run-timeline.js";

const LABELS = {
  idle: "",
  loading: "Loading Python…",
  running: "Running…",
  done: "Finished",
  error: "Error",
  stopped: "Stopped",
};

export class RunControls {
  constructor(root, { pool, getCode, recordedOutput = null }) {
    Object.assign(this, { root, pool, getCode, recordedOutput });
    this.session = null;
    this.ended = null; // resolves the promise run() returned

    this.runButton = button("Run", "run", { className: "runner-button--run" });
    this.runButtons = [this.runButton]; // buttons that start a run
    this.stopButton = button("Stop", "stop");
    this.status = document.createElement("span");
    this.status.className = "runner-status";
    this.status.setAttribute("role", "status");
    this.toolbar = document.createElement("div");
    this.toolbar.className = "runner-toolbar";
    this.toolbar.append(this.runButton, this.stopButton, this.status);

    this.log = new OutputLog();
    this.about = document.createElement("span");
    this.about.className = "runner-output__about";
    const heading = document.createElement("span");
    heading.className = "runner-output__title";
    heading.textContent = "Output";
    const header = document.createElement("div");
    header.className = "runner-output__header";
    header.append(heading, this.about);
    this.panel = document.createElement("div");
    this.panel.className = "runner-output";
    this.panel.hidden = true;
    this.timeline = new RunTimeline();
    this.panel.append(header, this.log.element, this.timeline.element);

    this.runButton.addEventListener("click", () => this.run());
    this.stopButton.addEventListener("click", () => this.stop());
    // Someone about to press Run: start loading Python now.
    for (const event of ["pointerenter", "focus"]) {
      this.runButton.addEventListener(event, () => hasJspi() && this.pool.warm());
    }
    root.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.run();
      }
    });
    this.show("idle", {});
  }

  // More buttons, placed after Run and Stop.
  addButtons(...elements) {
    this.status.before(...elements);
  }

  // A button that starts a run too (an exercise's Check), placed after Run and
  // disabled like it.
  addRunButton(element) {
    this.runButtons.at(-1).after(element);
    this.runButtons.push(element);
    element.setAttribute("aria-disabled", this.runButton.getAttribute("aria-disabled"));
  }

  get busy() {
    return this.session !== null;
  }

  // Runs the code, showing its output. Returns a promise of how the run ended,
  // { state, reason, message, stdout, stderr }, or null when a run is going already.
  run() {
    if (this.busy) return null;
    const limits = limitsFor(this.root);
    const ended = new Promise((resolve) => (this.ended = resolve));
    this.log.reset(limits);
    this.timeline.reset();
    this.about.textContent = "";
    this.panel.hidden = false;
    this.root.dispatchEvent(new CustomEvent("runner-started", { bubbles: true }));
    this.session = new RunSession({
      pool: this.pool,
      code: this.getCode(),
      limits,
      log: this.log,
      onChange: (state, detail) => this.show(state, detail, limits),
      onTimeline: (data) => this.timeline.receive(data),
    });
    this.session.start();
    return ended;
  }

  stop() {
    this.session?.stop();
  }

  show(state, detail, limits) {
    const final = isFinal(state);
    if (final) this.session = null;
    if (detail.python) this.about.textContent = `Python ${detail.python} in your browser`;
    if (final && detail.seconds != null) this.about.textContent += ` · ${detail.seconds.toFixed(2)} s`;
    this.explain(detail, limits);
    this.log.flush();

    this.root.dataset.state = state;
    if (detail.reason) this.root.dataset.reason = detail.reason;
    else delete this.root.dataset.reason;
    this.status.textContent = detail.reason === "no-jspi" ? "Not supported in this browser" : LABELS[state];
    for (const runButton of this.runButtons) runButton.setAttribute("aria-disabled", String(this.busy));
    this.stopButton.setAttribute("aria-disabled", String(!this.busy));
    // For other scripts on the page, such as an exercise's check.
    if (final) {
      this.timeline.finish();
      const result = { state, reason: detail.reason || null, stdout: this.log.text("stdout") };
      this.root.dispatchEvent(new CustomEvent("runner-finished", { bubbles: true, detail: result }));
      const ended = this.ended;
      this.ended = null;
      ended?.({ ...result, message: detail.message || null, stderr: this.log.text("stderr") });
    }
  }

  // The runner's own words about how a run ended; the program's traceback or the
  // deadlock report already came on stderr.
  explain({ reason, message, workerFailed }, limits) {
    const log = this.log;
    switch (reason) {
      case "stop":
        return log.note("Stopped.");
      case "time-limit":
        return log.note(`Stopped after ${limits.timeLimitSeconds} s, the time limit for a run.`, "error");
      case "output-limit":
        return log.note(log.cap.note(), "error");
      case "no-jspi":
        log.note(NO_JSPI_MESSAGE, "error");
        if (this.recordedOutput?.length) {
          log.note("Output recorded when this program ran on CPython:");
          log.recorded(this.recordedOutput);
        }
        return;
      case "internal":
        // The worker explains its own failures on stderr; a worker that died cannot.
        if (!workerFailed) return;
      // falls through
      case "load":
        return log.note(`The Python runtime failed: ${message || "no details"}`, "error");
    }
  }
}
