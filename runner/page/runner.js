// Makes the runnable code on a page runnable: each `div.runner[data-runner="snippet"]`
// (marked at build time by site_hooks/runnable_snippets.py) and the playground. Nothing
// heavy is fetched here: Python loads only when someone is about to run code. The
// runner of an exercise's starter (inside `div.exercise`) gets a Check button too.
import { limitsFor, workerUrl } from "./config.js";
import { mountExerciseCheck } from "./exercise-check.js";
import { mountPlayground } from "./playground.js";
import { RunSession } from "./run-session.js";
import { mountSnippetRunner } from "./snippet-runner.js";
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
  }
}

// Runs a program without showing anything and resolves with how it ended and what it
// printed: { state, reason, stdout, stderr }. For other scripts on the site, such as
// an exercise's check; it shares the page's spare worker.
export async function runProgram(code, limits = {}) {
  const printed = { stdout: "", stderr: "" };
  const session = new RunSession({
    pool,
    code,
    limits: { ...limitsFor(document.documentElement), ...limits },
    log: { write: (stream, text) => ((printed[stream] += text), true) },
  });
  const { state, reason } = await session.start();
  return { state, reason, ...printed };
}

mountAll();
// With Material's instant navigation, pages arrive without a reload.
window.document$?.subscribe?.(mountAll);
