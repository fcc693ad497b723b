// The Step through button of a runner and the region it opens (`.runner-step`): the
// reader is the scheduler. Each live thread has a lane with its name, the line it runs
// next (and at bytecode granularity the instruction), its local variables, and a
// button `Step <thread name>` that runs it to its next scheduling point; a thread that
// cannot run says why, and its button is disabled. The shared state is shown beside
// them, after every step. Undo goes back a step (the program runs again under the
// shorter schedule), Redo forward again, Let it run finishes under the default
// schedule; a finished run is a run like any other: its token (Replay, a link) and its
// timeline.
//
// The region carries what a test needs: data-state (loading, paused, stepping, done,
// error), data-steps (steps taken), data-granularity, data-threads (JSON: the lanes as
// the worker described them) and, once the program ended, data-schedule.
import { button } from "./buttons.js";
import { limitsFor, playgroundUrl } from "./config.js";
import { playgroundLink } from "./code-link.js";
import { granularityChoice } from "./granularity-choice.js";
import { hasJspi, NO_JSPI_MESSAGE } from "./jspi.js";
import { raceToggle } from "./race-toggle.js";
import { StepSession } from "./step-session.js";

export const STEP_GRANULARITIES = [
  { value: "line", label: "Every line", hint: "A step runs one line of the thread." },
  {
    value: "bytecode",
    label: "Every bytecode",
    hint: "A step runs one instruction: `total += 1` is a read, an add and a write.",
  },
  { value: "blocking", label: "Only where threads block", hint: "A thread runs until it waits, ends or sleeps." },
];
const DEFAULT_GRANULARITY = "line";

const STATE_WORDS = { running: "runs next", ready: "ready", waiting: "waiting", new: "not started yet", finished: "finished" };

let panels = 0;

export function mountStepPanel(controls, { getCode }) {
  const id = ++panels;
  const region = document.createElement("section");
  region.className = "runner-step";
  region.id = `runner-step-${id}`;
  region.hidden = true;
  const title = document.createElement("p");
  title.className = "runner-step__title";
  title.id = `${region.id}-title`;
  title.textContent = "Step through";
  region.setAttribute("aria-labelledby", title.id);

  const choice = granularityChoice(`${region.id}-granularity`, {
    block: "runner-step",
    legend: "A step runs",
    options: STEP_GRANULARITIES,
    initial: DEFAULT_GRANULARITY,
  });
  const undoButton = button("Undo", "undo");
  const redoButton = button("Redo", "redo");
  const finishButton = button("Let it run", "run");
  const closeButton = button("Stop stepping", "stop");
  const raceCheck = raceToggle({ checked: true }); // on by default here
  const bar = document.createElement("div");
  bar.className = "runner-step__bar";
  bar.append(undoButton, redoButton, finishButton, closeButton, raceCheck.element);
  const status = document.createElement("p");
  status.className = "runner-step__status";
  status.setAttribute("role", "status");
  const lanes = document.createElement("ol");
  lanes.className = "runner-step__lanes";
  lanes.setAttribute("aria-label", "Threads");
  const shared = document.createElement("div");
  shared.className = "runner-step__shared";
  const sharedTitle = document.createElement("p");
  sharedTitle.className = "runner-step__heading";
  sharedTitle.textContent = "Shared state";
  const sharedList = document.createElement("dl");
  sharedList.className = "runner-step__values";
  const sharedNote = note(""); // when there is nothing to list: beside the list, not in it
  sharedNote.hidden = true;
  shared.append(sharedTitle, sharedList, sharedNote);
  const board = document.createElement("div");
  board.className = "runner-step__board";
  board.append(lanes, shared);
  const ending = document.createElement("p");
  ending.className = "runner-step__ending";
  ending.hidden = true;
  region.append(title, choice.element, bar, status, board, ending);
  controls.root.append(region);

  const stepButton = button("Step through", "step", { className: "runner-button--step" });
  stepButton.setAttribute("aria-controls", region.id);
  (controls.root.querySelector(".runner-button--explore") || controls.replayButton).after(stepButton);
  controls.runButtons.push(stepButton); // disabled while something runs, like Run

  let session = null;
  let code = "";
  let steps = []; // thread idents, one per choice made
  let redo = []; // steps undone, the next one last
  let seen = []; // seen[n]: the lanes met within the first n steps, by ident, in order
  let state = null; // the worker's last step-state
  const laneViews = new Map(); // ident -> its lane's elements, kept so focus stays

  function open() {
    if (controls.busy) return;
    code = getCode();
    const limits = limitsFor(controls.root);
    const mine = new StepSession({
      pool: controls.pool,
      code,
      granularity: choice.value(),
      raceCheck: raceCheck.on,
      limits,
      onStop: () => session === mine && close(),
    });
    session = mine;
    steps = [];
    redo = [];
    seen = [];
    state = null;
    laneViews.clear();
    lanes.replaceChildren();
    sharedList.replaceChildren();
    ending.hidden = true;
    region.hidden = false;
    region.dataset.granularity = choice.value();
    delete region.dataset.schedule;
    controls.setExploration(session); // Run waits, and Stop ends stepping
    controls.log.reset(limits);
    controls.timeline.reset();
    controls.races.reset();
    controls.about.textContent = "";
    controls.panel.hidden = false;
    controls.root.dispatchEvent(new CustomEvent("runner-started", { bubbles: true }));
    if (!session.start()) return failed(new Error(NO_JSPI_MESSAGE));
    show("loading", "Loading Python…");
    go(steps);
  }

  // Runs the program under `next` steps and shows where it paused or how it ended.
  async function go(next, { finish = false } = {}) {
    const mine = session;
    if (!mine || mine.over || controls.session) return; // a Run of the runner goes on
    controls.setExploration(mine);
    if (state) show("stepping", "Running…");
    let answer;
    try {
      answer = await mine.request(next, { finish });
    } catch (error) {
      if (session === mine) failed(error);
      return;
    }
    if (session !== mine) return;
    steps = next.slice(0, answer.steps);
    state = answer;
    const before = seen[steps.length - 1] ?? new Map();
    const met = new Map(before);
    for (const lane of answer.paused?.threads ?? []) met.set(lane.ident, lane.name);
    seen[steps.length] = met;
    seen.length = steps.length + 1;
    writeOutput(answer);
    if (answer.races) controls.showRaces(answer.races, code, answer.token);
    else controls.races.reset();
    if (answer.paused) showPaused(answer.paused, met);
    else showEnded(answer, met);
  }

  function writeOutput(answer) {
    const log = controls.log;
    log.reset(limitsFor(controls.root));
    if (answer.stdout) log.write("stdout", answer.stdout);
    if (answer.stderr) log.write("stderr", answer.stderr);
    log.flush();
  }

  function showPaused(paused, met) {
    const live = new Set(paused.threads.map((lane) => lane.ident));
    const finished = [...met].filter(([ident]) => !live.has(ident)).map(([ident, name]) => ({
      ident,
      name,
      state: "finished",
      runnable: false,
    }));
    const all = [...paused.threads, ...finished].sort((a, b) => a.ident - b.ident);
    region.dataset.threads = JSON.stringify(paused.threads);
    drawLanes(all);
    drawShared(paused.shared);
    const who = paused.threads.filter((lane) => lane.runnable).map((lane) => lane.name);
    show("paused", `Step ${steps.length}: choose the thread that runs next (${who.join(", ")}).`);
  }

  function showEnded(answer, met) {
    const ended = answer.ended || { status: "error", reason: "internal" };
    const finished = [...met].map(([ident, name]) => ({ ident, name, state: "finished", runnable: false }));
    region.dataset.threads = "[]";
    drawLanes(finished);
    drawShared([], "The program has ended.");
    controls.setExploration(null);
    const token = answer.token;
    if (token) {
      region.dataset.schedule = token;
      controls.root.dataset.schedule = token;
      controls.lastRun = { code, token, replay: false };
      controls.updateButtons();
    }
    if (answer.timeline) {
      controls.timeline.reset();
      controls.timeline.receive(answer.timeline);
      controls.timeline.finish();
    }
    ending.replaceChildren();
    ending.hidden = false;
    ending.append(endingWords(ended, steps.length));
    if (token) {
      const link = button("Link to this run", "link", { href: playgroundLink(playgroundUrl, code, token) });
      link.classList.add("runner-step__link");
      ending.append(" ", link);
    }
    const words = ended.status === "ok" ? "The program ended." : "The program ended with an error.";
    show(ended.reason === "internal" ? "error" : "done", words);
    controls.updateButtons();
    const result = {
      state: ended.status === "ok" ? "done" : "error",
      reason: ended.reason || null,
      stdout: answer.stdout,
      stderr: answer.stderr,
      schedule: token,
      stepped: true,
    };
    controls.root.dispatchEvent(new CustomEvent("runner-finished", { bubbles: true, detail: result }));
  }

  function failed(error) {
    const mine = session;
    session = null; // before stop(): the region stays open to say what went wrong
    mine?.stop();
    controls.setExploration(null);
    show("error", error.message);
  }

  function show(name, words) {
    region.dataset.state = name;
    region.dataset.steps = String(steps.length);
    status.textContent = words;
    const waiting = name === "loading" || name === "stepping";
    const live = Boolean(session && !session.over);
    undoButton.setAttribute("aria-disabled", String(waiting || !live || steps.length === 0));
    redoButton.setAttribute("aria-disabled", String(waiting || !live || redo.length === 0));
    finishButton.setAttribute("aria-disabled", String(waiting || name !== "paused"));
    closeButton.setAttribute("aria-disabled", String(!live));
    for (const view of laneViews.values()) {
      view.step.setAttribute("aria-disabled", String(waiting || name !== "paused" || !view.runnable));
    }
  }

  function drawLanes(all) {
    const wanted = new Set(all.map((lane) => lane.ident));
    for (const [ident, view] of laneViews) {
      if (!wanted.has(ident)) {
        view.element.remove();
        laneViews.delete(ident);
      }
    }
    all.forEach((lane, index) => {
      let view = laneViews.get(lane.ident);
      if (!view) {
        view = laneView(lane);
        laneViews.set(lane.ident, view);
      }
      view.update(lane);
      const there = lanes.children[index] ?? null;
      if (there !== view.element) lanes.insertBefore(view.element, there);
    });
  }

  function laneView(lane) {
    const element = document.createElement("li");
    element.className = "runner-step__lane";
    const head = document.createElement("div");
    head.className = "runner-step__lane-head";
    const name = document.createElement("span");
    name.className = "runner-step__thread";
    const state = document.createElement("span");
    state.className = "runner-step__state";
    head.append(name, state);
    const next = document.createElement("p");
    next.className = "runner-step__next";
    const why = document.createElement("p");
    why.className = "runner-step__why";
    const locals = document.createElement("dl");
    locals.className = "runner-step__values runner-step__locals";
    const step = button("Step", "step", { className: "runner-step__step" });
    element.append(head, next, why, locals, step);
    const view = {
      element,
      step,
      runnable: false,
      update(current) {
        view.runnable = current.runnable;
        element.dataset.thread = current.name;
        element.dataset.state = current.state;
        name.textContent = current.name;
        state.textContent = STATE_WORDS[current.state] || current.state;
        step.setAttribute("aria-label", `Step ${current.name}`);
        next.replaceChildren(...nextWords(current));
        why.textContent = current.why ? `It ${current.why}.` : "";
        why.hidden = !current.why;
        const values = Object.entries(current.locals || {});
        locals.replaceChildren(...values.flatMap(([key, text]) => pair(key, text)));
        locals.hidden = values.length === 0;
        if (values.length) locals.setAttribute("aria-label", `Local variables of ${current.name}`);
      },
    };
    step.addEventListener("click", () => {
      if (step.getAttribute("aria-disabled") === "true" || region.dataset.state !== "paused") return;
      const ident = Number(element.dataset.ident);
      redo = redo.length && redo.at(-1) === ident ? redo.slice(0, -1) : [];
      go([...steps, ident]);
    });
    element.dataset.ident = String(lane.ident);
    return view;
  }

  function drawShared(values, empty = "No globals of the program's own yet.") {
    sharedList.replaceChildren(...values.flatMap(([key, text]) => pair(key, text)));
    sharedList.hidden = values.length === 0;
    sharedNote.textContent = empty;
    sharedNote.hidden = values.length > 0;
  }

  undoButton.addEventListener("click", () => {
    if (undoButton.getAttribute("aria-disabled") === "true" || !steps.length) return;
    redo.push(steps.at(-1));
    go(steps.slice(0, -1));
  });
  redoButton.addEventListener("click", () => {
    if (redoButton.getAttribute("aria-disabled") === "true" || !redo.length) return;
    go([...steps, redo.pop()]);
  });
  finishButton.addEventListener("click", () => {
    if (finishButton.getAttribute("aria-disabled") === "true") return;
    redo = [];
    go(steps, { finish: true });
  });
  closeButton.addEventListener("click", () => close());
  stepButton.addEventListener("click", () => open());
  for (const event of ["pointerenter", "focus"]) {
    stepButton.addEventListener(event, () => hasJspi() && controls.pool.warm());
  }
  // A new granularity, or the race check turned on or off: start again with it.
  for (const changed of [choice.element, raceCheck.input]) {
    changed.addEventListener("change", () => {
      if (region.hidden) return;
      close({ keepOpen: true });
      open();
    });
  }

  // Ends stepping: Stop stepping, the runner's Stop, a new granularity (which opens
  // again at once). What the run printed stays in the output.
  function close({ keepOpen = false } = {}) {
    const mine = session;
    session = null;
    mine?.stop();
    if (controls.exploration === mine) controls.setExploration(null);
    if (!keepOpen) region.hidden = true;
    if (region.dataset.state !== "done") show("stopped", "Stopped stepping.");
    else show("done", status.textContent);
  }

  controls.updateButtons();
  return { open, region };
}

function endingWords(ended, count) {
  const steps = `${count} ${count === 1 ? "step" : "steps"}`;
  switch (ended.reason) {
    case "deadlock":
      return `After ${steps} of yours, the threads deadlocked: each waits for another (the report is in the output).`;
    case "exception":
      return `After ${steps} of yours, the program raised an exception (its traceback is in the output).`;
    case "time-limit":
      return `After ${steps} of yours, the program ran past the time limit for a run.`;
    case "output-limit":
      return `After ${steps} of yours, the program printed more than a run may.`;
    case "internal":
      return `The Python runtime failed: ${ended.message || "no details"}`;
    default:
      return ended.status === "ok"
        ? `The program finished after ${steps} of yours. This run's schedule replays it exactly:`
        : `The program ended after ${steps} of yours.`;
  }
}

function nextWords(lane) {
  if (lane.state === "finished") return [document.createTextNode("It has finished.")];
  const parts = [];
  if (lane.line) {
    parts.push(`line ${lane.line}: `);
    const source = document.createElement("code");
    source.textContent = lane.source || "";
    parts.push(source);
  } else if (lane.where) parts.push(`in ${lane.where}`);
  if (lane.instruction) {
    parts.push(", next instruction ");
    const instruction = document.createElement("code");
    instruction.textContent = lane.instruction;
    parts.push(instruction);
  }
  if (!parts.length) parts.push(lane.state === "new" ? "It has not started yet." : "");
  return parts;
}

function pair(key, text) {
  const term = document.createElement("dt");
  term.textContent = key;
  const value = document.createElement("dd");
  const code = document.createElement("code");
  code.textContent = text;
  value.append(code);
  return [term, value];
}

function note(text) {
  const element = document.createElement("p");
  element.className = "runner-step__note";
  element.textContent = text;
  return element;
}
