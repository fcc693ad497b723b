// Makes the runnable code on a page runnable: each `div.runner[data-runner="snippet"]`
// (marked at build time by hooks/runnable_snippets.py) and the playground. Nothing
// heavy is fetched here: Python loads only when someone is about to run code.
import { mountPlayground } from "./playground.js";
import { mountSnippetRunner } from "./snippet-runner.js";
import { workerUrl } from "./site.js";
import { WorkerPool } from "./worker-pool.js";

const pool = new WorkerPool(workerUrl);
const MOUNTS = {
  snippet: mountSnippetRunner,
  playground: mountPlayground,
};

function mountAll() {
  for (const root of document.querySelectorAll(".runner[data-runner]:not([data-mounted])")) {
    root.dataset.mounted = "";
    MOUNTS[root.dataset.runner]?.(root, pool);
  }
}

mountAll();
// With Material's instant navigation, pages arrive without a reload.
window.document$?.subscribe?.(mountAll);
