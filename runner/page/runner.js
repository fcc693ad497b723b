// Makes the runnable code on a page runnable: each `div.runner[data-runner="snippet"]`
// (marked at build time by site_hooks/runnable_snippets.py) and the playground. Nothing
// heavy is fetched here: Python loads only when someone is about to run code. The
// runner of an exercise's starter (inside `div.exercise`) gets a Check button too.
import { hasJspi } from "./browser-support.js";
import { mountExerciseCheck } from "./exercise-check.js";
import { mountPlayground } from "./playground.js";
import { RunSession } from "./run-session.js";
import { mountSnippetRunner } from "./snippet-runner.js";
import { limitsFor, workerUrl } from "./site.js";
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
export function runProgram(code, limits = {}) {
  if (!hasJspi()) return Promise.resolve({ state: "error", reason: "no-jspi", stdout: "", stderr: "" });
  return new Promise((resolve) => {
    const printed = { stdout: "", stderr: "" };
    const session = new RunSession({
      pool,
      code,
      limits: { ...limitsFor(document.documentElement), ...limits },
      log: { write: (stream, text) => ((printed[stream] += text), true) },
      onChange: (state, detail) => {
        if (state !== "loading" && state !== "running") {
          resolve({ state, reason: detail.reason || null, ...printed });
        }
      },
    });
    session.start();
  });
}

mountAll();
// With Material's instant navigation, pages arrive without a reload.
window.document$?.subscribe?.(mountAll);
