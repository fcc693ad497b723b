// Run, Stop and Replay, the state label and the output panel of one runner, shared by
// the snippets on the chapter pages and by the playground. The runner's root element
// carries `data-state` (idle, loading, running, done, error, stopped), after an error or
// a stop `data-reason`, and after a run that was recorded `data-schedule`, the token
// that replays it. A run dispatches `runner-started` on the root, and `runner-finished`
// when it ends.
import { button } from "./buttons.js";
import { playgroundLink } from "./code-link.js";
import { limitsFor, playgroundUrl } from "./config.js";
import { loadingLabel } from "./load-progress.js";
import { NO_JSPI_MESSAGE, hasJspi } from "./jspi.js";
import { OutputLog } from "./output-log.js";
import { keepInView } from "./output-view.js";
import { RaceReport } from "./race-report.js";
import { raceToggle } from "./race-toggle.js";
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
const REPLAYING = "Replaying…";
const OTHER_CODE_REPLAYED = "This replays the code as it was when it ran, not the code as it is now.";
const CLOSED = "The program closed its own worker (self.close()), which ended the run.";
// How the worker says a program exited with a status (webthreads/program.py).
const EXIT_STATUS = /^(?:SystemExit: |os\._exit\()(-?\d+)\)?$/;
const TOO_LONG_TO_RECORD =
  "This run read its clocks too often to be recorded, so it cannot be replayed.";

export class RunControls {
  // adjustRun(options) may change what a run will run ({code, schedule, notes}): the
  // playground replays its link's recorded run that way.
  constructor(root, { pool, getCode, recordedOutput = null, adjustRun = (options) => options }) {
    Object.assign(this, { root, pool, getCode, recordedOutput, adjustRun });
    this.session = null;
    this.ended = null; // resolves the promise run() returned
    this.lastRun = null; // {code, token, replay} of the last run; token once it came
    this.exploration = null; // an exploration going on (explore-panel.js): Stop ends it

    this.runButton = button("Run", "run", { className: "runner-button--run" });
    this.runButtons = [this.runButton]; // buttons that start a run
    this.stopButton = button("Stop", "stop");
    // Shown once a run has been recorded: runs its code again, exactly as it ran.
    this.replayButton = button("Replay", "replay");
    this.replayButton.hidden = true;
    this.status = document.createElement("span");
    this.status.className = "runner-status";
    this.status.setAttribute("role", "status");
    this.raceCheck = raceToggle({ checked: false });
    this.toolbar = document.createElement("div");
    this.toolbar.className = "runner-toolbar";
    this.toolbar.append(this.runButton, this.stopButton, this.replayButton, this.raceCheck.element, this.status);

    this.log = new OutputLog();
    this.about = document.createElement("span");
    this.about.className = "runner-output__about";
    const heading = document.createElement("span");
    heading.className = "runner-output__title";
    heading.textContent = "Output";
    const header = document.createElement("div");
    header.className = "runner-output__header";
    header.append(heading, this.about, this.log.copy.element);
    this.panel = document.createElement("div");
    this.panel.className = "runner-output";
    this.panel.hidden = true;
    this.timeline = new RunTimeline();
    this.races = new RaceReport(); // the race check's report, after a watched run
    this.panel.append(header, this.log.element, this.races.element, this.timeline.element);
    keepInView(root, this.panel);

    this.runButton.addEventListener("click", () => this.run());
    this.stopButton.addEventListener("click", () => this.stop());
    this.replayButton.addEventListener("click", () => this.replay());
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

  // More buttons, placed after Run, Stop and Replay.
  addButtons(...elements) {
    this.raceCheck.element.before(...elements);
  }

  // The race check's report of a run of `code`, with the link to its Replay once the
  // run has a token.
  showRaces(races, code, token) {
    this.races.show(races, { replayHref: token ? playgroundLink(playgroundUrl, code, token) : null });
  }

  // A button that starts a run too (an exercise's Check), placed after Run and
  // disabled like it.
  addRunButton(element) {
    this.runButtons.at(-1).after(element);
    this.runButtons.push(element);
    element.setAttribute("aria-disabled", this.runButton.getAttribute("aria-disabled"));
  }

  get busy() {
    return this.session !== null || this.exploration !== null;
  }

  // Runs the code, showing its output. Returns a promise of how the run ended,
  // { state, reason, message, stdout, stderr, schedule }, or null when something runs
  // already. With `schedule` (a token) the run is the replay of a recorded one; `notes`
  // are the runner's words shown before the output.
  run(options = {}) {
    if (this.busy) return null;
    const { code, schedule, notes } = this.adjustRun({ code: this.getCode(), schedule: null, notes: [], ...options });
    const limits = limitsFor(this.root);
    const ended = new Promise((resolve) => (this.ended = resolve));
    this.log.reset(limits);
    for (const note of notes) this.log.note(note);
    this.timeline.reset();
    this.races.reset();
    this.about.textContent = "";
    this.panel.hidden = false;
    this.lastRun = { code, token: null, replay: Boolean(schedule) };
    let races = null;
    delete this.root.dataset.schedule;
    this.root.dispatchEvent(new CustomEvent("runner-started", { bubbles: true }));
    this.session = new RunSession({
      pool: this.pool,
      code,
      schedule,
      raceCheck: this.raceCheck.on,
      limits,
      log: this.log,
      onRaces: (list) => (races = list),
      onChange: (state, detail) => this.show(state, detail, limits),
      onTimeline: (data) => this.timeline.receive(data),
      onProgress: (loaded, total) => (this.status.textContent = loadingLabel(loaded, total)),
      onSchedule: ({ token, tooLong }) => {
        if (!token) {
          if (tooLong) this.log.note(TOO_LONG_TO_RECORD);
          return;
        }
        this.lastRun.token = token;
        this.root.dataset.schedule = token;
      },
    });
    // The report once the run is over: its token, which its link replays, comes last.
    ended.then(() => races && this.showRaces(races, code, this.lastRun?.token));
    this.session.start();
    return ended;
  }

  // Runs `code` again under `token`, by default the last run's: its output replaces
  // the log, as Run's does. Returns what run() returns.
  replay(code = this.lastRun?.code, token = this.lastRun?.token) {
    if (this.busy || !token) return null;
    const notes = code === this.getCode() ? [] : [OTHER_CODE_REPLAYED];
    return this.run({ code, schedule: token, notes });
  }

  stop() {
    if (this.session) this.session.stop();
    else this.exploration?.stop();
  }

  // An exploration starts (its session, with stop()) or ends (null): while it goes,
  // nothing else runs, and Stop ends it.
  setExploration(session) {
    this.exploration = session;
    this.updateButtons();
  }

  updateButtons() {
    for (const runButton of this.runButtons) runButton.setAttribute("aria-disabled", String(this.busy));
    this.stopButton.setAttribute("aria-disabled", String(!this.busy));
    if (this.lastRun?.token) this.replayButton.hidden = false; // and stays, disabled when useless
    this.replayButton.setAttribute("aria-disabled", String(this.busy || !this.lastRun?.token));
  }

  show(state, detail, limits) {
    const final = isFinal(state);
    const replay = Boolean(this.lastRun?.replay);
    if (final) this.session = null;
    // A stopped run was not recorded to its end: there is nothing to replay.
    if (state === "stopped" && this.lastRun) {
      this.lastRun.token = null;
      delete this.root.dataset.schedule;
    }
    if (detail.python) {
      this.about.textContent = `Python ${detail.python} in your browser${replay ? " · a replay" : ""}`;
    }
    if (final && detail.seconds != null) this.about.textContent += ` · ${detail.seconds.toFixed(2)} s`;
    this.explain(detail, limits);
    this.log.flush();

    // A replay that went its own way is not the recorded run: "schedule" says so.
    const reason = detail.reason || (detail.diverged ? "schedule" : null);
    this.root.dataset.state = state;
    if (reason) this.root.dataset.reason = reason;
    else delete this.root.dataset.reason;
    this.status.textContent = this.label(state, detail.reason, replay);
    this.updateButtons();
    // For other scripts on the page, such as an exercise's check.
    if (final) {
      this.timeline.finish();
      this.log.settle();
      const result = { state, reason, stdout: this.log.text("stdout") };
      this.root.dispatchEvent(new CustomEvent("runner-finished", { bubbles: true, detail: result }));
      const ended = this.ended;
      this.ended = null;
      ended?.({
        ...result,
        message: detail.message || null,
        stderr: this.log.text("stderr"),
        schedule: this.lastRun?.token || null,
      });
    }
  }

  label(state, reason, replay) {
    if (reason === "no-jspi") return "Not supported in this browser";
    return state === "running" && replay ? REPLAYING : LABELS[state];
  }

  // The runner's own words about how a run ended; the program's traceback or the
  // deadlock report already came on stderr.
  explain({ reason, message, workerFailed, diverged }, limits) {
    const log = this.log;
    if (diverged) log.note(`This replay did not follow the recorded run: ${diverged}.`, "error");
    switch (reason) {
      case "exception": {
        // sys.exit(3) prints nothing: the status is all there is to say.
        const status = EXIT_STATUS.exec(message || "");
        if (status) log.note(`The program exited with status ${status[1]}.`, "error");
        return;
      }
      case "closed":
        return log.note(CLOSED, "error");
      case "stop":
        return log.note("Stopped.");
      case "schedule":
        // The worker's sentence: why this token cannot be replayed here.
        return log.note(message || "This schedule cannot be replayed here.", "error");
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
