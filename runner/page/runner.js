// Makes the runnable code on a page runnable: each `div.runner[data-runner="snippet"]`
// (marked at build time by site_hooks/runnable_snippets.py) and the playground. Nothing
// heavy is fetched here: Python loads only when someone is about to run code. The
// runner of an exercise's starter (inside `div.exercise`) gets a Check button too; the
// playground, exercise starters and snippets that start threads an Explore button and a
// Step through button; the runner of a puzzle (inside `div.puzzle`) is judged after
// each stepped run.
import { limitsFor, workerUrl } from "./config.js";
import { mountExerciseCheck } from "./exercise-check.js";
import { mountExplorePanel } from "./explore-panel.js";
import { ExploreSession, exploreRequest } from "./explore-session.js";
import { mountPlayground } from "./playground.js";
import { mountPuzzle } from "./puzzle.js";
import { RunSession } from "./run-session.js";
import { mountSnippetRunner } from "./snippet-runner.js";
import { mountStepPanel } from "./step-panel.js";
import { WorkerPool } from "./worker-pool.js";

const pool = new WorkerPool(workerUrl);
const MOUNTS = {
  snippet: mountSnippetRunner,
  playground: mountPlayground,
};

function mountAll() {
  for (const root of document.querySelectorAll(".runner[data-runner]:not([data-mounted])")) {
    root.dataset.mounted = "";
    const controls = MOUNTS[root.dataset.runner]?.(root, pool);
    const exercise = root.parentElement?.closest(".exercise[data-exercise]");
    if (controls && exercise) mountExerciseCheck(exercise, controls, runProgram);
    if (controls && (exercise || root.dataset.runner === "playground" || "startsThreads" in root.dataset)) {
      mountExplorePanel(controls, { getCode: () => controls.getCode(), recorded: recordedOutputOf(root) });
      mountStepPanel(controls, { getCode: () => controls.getCode() });
      const puzzle = root.parentElement?.closest(".puzzle[data-puzzle]");
      if (puzzle) mountPuzzle(puzzle, controls, runProgram);
    }
  }
}

// The output a snippet's page shows from CPython (its `#>` lines), and for which code.
function recordedOutputOf(root) {
  if (root.dataset.source == null) return null;
  try {
    return { code: root.dataset.source, lines: JSON.parse(root.dataset.expected || "[]") };
  } catch {
    return null;
  }
}

// Runs a program without showing anything and resolves with how it ended, what it
// printed, and the token that replays it: { state, reason, stdout, stderr, schedule }.
// With `schedule` (a token) it replays that run instead; `reason` is "schedule" when
// the token cannot be replayed, or the replay went its own way. The rest of the
// options are limits (config.js). For other scripts on the site, such as an exercise's
// check; it shares the page's spare worker.
export async function runProgram(code, { schedule = null, ...limits } = {}) {
  const printed = { stdout: "", stderr: "" };
  let token = null;
  const session = new RunSession({
    pool,
    code,
    schedule,
    limits: { ...limitsFor(document.documentElement), ...limits },
    log: { write: (stream, text) => ((printed[stream] += text), true) },
    onSchedule: (recorded) => (token = recorded.token),
  });
  const { state, reason, diverged } = await session.start();
  return {
    state,
    reason: reason || (diverged ? "schedule" : null),
    ...printed,
    schedule: state === "stopped" ? null : token,
  };
}

// Runs a program under many schedules, in a worker of its own, and resolves with what
// came of it: { runs, exhaustive, strategy, outcomes } (runner/README.md). Each run keeps
// the page's limits; `budget` is the most schedules to run. Rejects with the reason
// when no exploration could be made (a browser without JSPI, a runtime that failed).
export async function exploreProgram(code, { granularity = "switch-points", budget, seed = 1, ...limits } = {}) {
  const merged = { ...limitsFor(document.documentElement), ...limits };
  const session = new ExploreSession({
    pool,
    request: exploreRequest(code, { granularity, budget: budget ?? merged.exploreBudget, seed }, merged),
    loadTimeoutSeconds: merged.loadTimeoutSeconds,
  });
  const { state, message, runs, exhaustive, strategy, outcomes } = await session.start();
  if (state === "error") throw new Error(message);
  return { runs, exhaustive, strategy, outcomes };
}

mountAll();
// With Material's instant navigation, pages arrive without a reload.
window.document$?.subscribe?.(mountAll);
