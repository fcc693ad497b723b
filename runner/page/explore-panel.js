// The Explore button of a runner and the region it opens (`.runner-explore`): the
// program is run under many schedules in a worker of its own, and the region shows
// each distinct outcome (what it printed, how it ended, how many schedules gave it),
// with a Replay that replays one of those schedules in the runner's log. The region
// carries what a test needs: data-state (running, done, stopped, or error when no
// exploration could start), data-runs, data-exhaustive and data-outcomes (JSON).
// Program output is text only, never HTML.
import { button } from "./buttons.js";
import { playgroundLink } from "./code-link.js";
import { limitsFor, playgroundUrl } from "./config.js";
import { ExploreSession, exploreRequest } from "./explore-session.js";
import { granularityChoice } from "./granularity-choice.js";
import { hasJspi } from "./jspi.js";
import { RaceReport } from "./race-report.js";
import { raceToggle } from "./race-toggle.js";
import {
  DEFAULT_GRANULARITY,
  GRANULARITIES,
  ending,
  granularityLabel,
  isRecordedOutput,
  summary,
} from "./explore-report.js";

const SEED = 1; // the same schedules every time: what the page says stays true
const SHOWN_OUTCOMES = 12; // the rarer ones are counted, not drawn
const SHOWN_CHARS = 4000; // of each outcome's output; data-outcomes has all of it
const RESTART_MS = 300; // after a change of granularity, so that arrow keys can pass by

let panels = 0;

// controls: the runner's RunControls; getCode: what Explore explores (the editor's code
// when there is one); recorded: the lines the page shows from CPython and the code
// that printed them, or null.
export function mountExplorePanel(controls, { getCode, recorded = null }) {
  const id = ++panels;
  const region = document.createElement("section");
  region.className = "runner-explore";
  region.id = `runner-explore-${id}`;
  region.hidden = true;
  const title = document.createElement("p");
  title.className = "runner-explore__title";
  title.id = `${region.id}-title`;
  title.textContent = "Explore schedules";
  region.setAttribute("aria-labelledby", title.id);

  const choice = granularityChoice(`${region.id}-granularity`, {
    block: "runner-explore",
    legend: "Where threads may switch",
    options: GRANULARITIES,
    initial: DEFAULT_GRANULARITY,
  });
  const stopButton = button("Stop exploring", "stop");
  const progress = document.createElement("progress");
  progress.className = "runner-explore__progress";
  progress.setAttribute("aria-label", "Schedules explored");
  const progressText = document.createElement("span");
  progressText.className = "runner-explore__progress-text";
  const bar = document.createElement("div");
  bar.className = "runner-explore__bar";
  const raceCheck = raceToggle({ checked: true }); // on by default here
  bar.append(stopButton, raceCheck.element, progress, progressText);
  const summaryText = document.createElement("p");
  summaryText.className = "runner-explore__summary";
  summaryText.setAttribute("role", "status");
  const histogram = new Histogram(controls);
  const races = new RaceReport(); // the races found across the runs, with the race check
  region.append(title, choice.element, bar, summaryText, histogram.element, races.element);
  controls.root.append(region);

  const exploreButton = button("Explore", "explore", { className: "runner-button--explore" });
  exploreButton.setAttribute("aria-controls", region.id);
  controls.replayButton.after(exploreButton);
  controls.runButtons.push(exploreButton); // disabled while something runs, like Run

  let session = null;
  let restart = 0;
  let exploredCode = "";

  async function explore() {
    if (controls.busy) return;
    clearTimeout(restart);
    const code = getCode();
    const granularity = choice.value();
    const limits = limitsFor(controls.root);
    const request = exploreRequest(code, { granularity, budget: limits.exploreBudget, seed: SEED }, limits);
    request.raceCheck = raceCheck.on;
    const mine = new ExploreSession({
      pool: controls.pool,
      request,
      loadTimeoutSeconds: limits.loadTimeoutSeconds,
      onProgress: (report) => show("running", report),
    });
    session = mine;
    region.hidden = false;
    progress.max = request.budget;
    histogram.reset(code, recorded && recorded.code === code ? recorded.lines : null);
    races.reset();
    exploredCode = code;
    summaryText.textContent = "";
    show("running", { runs: 0, exhaustive: false, outcomes: [] });
    controls.setExploration(mine);
    stopButton.setAttribute("aria-disabled", "false");
    const ended = await mine.start();
    if (session !== mine) return;
    session = null;
    controls.setExploration(null);
    stopButton.setAttribute("aria-disabled", "true");
    show(ended.state, ended);
    summaryText.textContent =
      ended.state === "error"
        ? ended.message
        : `${granularityLabel(granularity)}: ${summary(ended, { state: ended.state, seed: SEED })}`;
  }

  function show(state, report) {
    region.dataset.state = state;
    region.dataset.runs = String(report.runs);
    region.dataset.exhaustive = String(Boolean(report.exhaustive));
    region.dataset.outcomes = JSON.stringify(report.outcomes);
    const running = state === "running";
    progress.value = report.runs;
    progress.hidden = !running;
    progressText.textContent = running ? `Exploring… ${plural(report.runs, "schedule")} so far` : "";
    histogram.show(report.outcomes, report.runs, !running);
    // Each race links to the playground with the first run that showed it.
    if (Array.isArray(report.races) && (report.races.length || !running)) {
      const code = exploredCode;
      races.show(report.races, {
        replayHref: (race) => (race.schedule ? playgroundLink(playgroundUrl, code, race.schedule) : null),
      });
    }
  }

  exploreButton.addEventListener("click", () => explore());
  // Someone about to press Explore: start loading Python now.
  for (const event of ["pointerenter", "focus"]) {
    exploreButton.addEventListener(event, () => hasJspi() && controls.pool.warm());
  }
  stopButton.addEventListener("click", () => session?.stop());
  // A new granularity, or the race check turned on or off: explore again with it.
  for (const changed of [choice.element, raceCheck.input]) {
    changed.addEventListener("change", () => {
      clearTimeout(restart);
      restart = setTimeout(() => {
        if (session) {
          session.stop();
          session = null;
          controls.setExploration(null);
        }
        explore();
      }, RESTART_MS);
    });
  }
  stopButton.setAttribute("aria-disabled", "true");
  controls.updateButtons();
  return { explore, region };
}

function plural(count, one) {
  return `${count.toLocaleString("en")} ${count === 1 ? one : `${one}s`}`;
}

// The outcome histogram: one item per distinct outcome, most frequent first. Items are
// kept by their schedule (an outcome's token never changes), so an update while
// exploring moves and rewrites only what changed.
class Histogram {
  constructor(controls) {
    this.controls = controls;
    this.element = document.createElement("div");
    this.element.className = "runner-explore__histogram";
    this.list = document.createElement("ol");
    this.list.className = "runner-explore__outcomes";
    this.list.setAttribute("aria-label", "Outcomes, most frequent first");
    this.more = document.createElement("p");
    this.more.className = "runner-explore__more";
    this.element.append(this.list, this.more);
    this.over = false;
    this.reset("", null);
    // Replay waits while anything runs in this runner.
    for (const event of ["runner-started", "runner-finished"]) {
      controls.root.addEventListener(event, () => queueMicrotask(() => this.refresh()));
    }
  }

  refresh() {
    const idle = this.over && !this.controls.busy;
    for (const item of this.items.values()) item.replay.setAttribute("aria-disabled", String(!idle));
  }

  reset(code, recordedLines) {
    this.code = code;
    this.recordedLines = recordedLines;
    this.items = new Map(); // schedule -> item
    this.list.replaceChildren();
    this.more.textContent = "";
  }

  show(outcomes, runs, over) {
    const shown = outcomes.slice(0, SHOWN_OUTCOMES);
    const wanted = new Set(shown.map((outcome) => outcome.schedule));
    for (const [schedule, item] of this.items) {
      if (!wanted.has(schedule)) {
        item.element.remove();
        this.items.delete(schedule);
      }
    }
    shown.forEach((outcome, index) => {
      let item = this.items.get(outcome.schedule);
      if (!item) {
        item = this.item(outcome);
        this.items.set(outcome.schedule, item);
      }
      item.update(outcome, index, runs);
      const there = this.list.children[index] ?? null;
      if (there !== item.element) this.list.insertBefore(item.element, there);
    });
    this.over = over;
    this.refresh();
    const rest = outcomes.slice(SHOWN_OUTCOMES);
    const restRuns = rest.reduce((sum, outcome) => sum + outcome.count, 0);
    this.more.textContent = rest.length
      ? `${plural(rest.length, "rarer outcome")} not shown here (${plural(restRuns, "schedule")}).`
      : "";
  }

  item(outcome) {
    const element = document.createElement("li");
    element.className = "runner-outcome";
    element.dataset.ending = outcome.state;
    const head = document.createElement("div");
    head.className = "runner-outcome__head";
    const meter = document.createElement("span");
    meter.className = "runner-outcome__meter";
    meter.setAttribute("aria-hidden", "true");
    const fill = document.createElement("span");
    fill.className = "runner-outcome__fill";
    meter.append(fill);
    const count = document.createElement("span");
    count.className = "runner-outcome__count";
    const ended = document.createElement("span");
    ended.className = "runner-outcome__ending";
    ended.textContent = ending(outcome);
    const recorded = isRecordedOutput(outcome, this.recordedLines);
    const replay = button("Replay", "replay", { className: "runner-outcome__replay" });
    head.append(meter, count, ended);
    if (recorded) {
      element.dataset.cpython = "";
      const mark = document.createElement("span");
      mark.className = "runner-outcome__cpython";
      mark.textContent = "the output this page shows, from CPython";
      head.append(mark);
    }
    head.append(replay);
    const output = outputOf(outcome);
    element.append(head, output);
    const code = this.code;
    replay.addEventListener("click", () => {
      if (!this.over || this.controls.busy) return;
      this.controls.replay(code, outcome.schedule);
      this.controls.panel.scrollIntoView({ block: "nearest" });
    });
    return {
      element,
      replay,
      update(current, index, runs) {
        const share = runs ? current.count / runs : 0;
        fill.style.width = `${(share * 100).toFixed(1)}%`;
        count.textContent = `${plural(current.count, "schedule")} of ${runs.toLocaleString("en")}`;
        replay.setAttribute("aria-label", `Replay outcome ${index + 1}`);
      },
    };
  }
}

// What an outcome printed, stdout and stderr apart, cut for the page when long.
function outputOf(outcome) {
  const output = document.createElement("pre");
  output.className = "runner-outcome__output";
  output.tabIndex = 0; // it may scroll
  output.setAttribute("aria-label", "What it printed");
  let left = SHOWN_CHARS;
  for (const stream of ["stdout", "stderr"]) {
    const text = outcome[stream];
    if (!text || left <= 0) continue;
    const span = document.createElement("span");
    span.className = `runner-${stream}`;
    span.dataset.stream = stream;
    span.textContent = text.length > left ? text.slice(0, left) : text;
    left -= text.length;
    output.append(span);
  }
  const cut = outcome.stdout.length + outcome.stderr.length - SHOWN_CHARS;
  if (cut > 0 || !(outcome.stdout || outcome.stderr)) {
    const note = document.createElement("span");
    note.className = "runner-note";
    note.textContent = cut > 0 ? `\n… and ${plural(cut, "character")} more` : "(it printed nothing)";
    output.append(note);
  }
  return output;
}
