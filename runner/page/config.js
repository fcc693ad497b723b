// Where the site lives and the limits every run keeps. This file is
// <site>/assets/runner/config.js, so the site's base is two folders up: that holds on
// any host and under any sub-path (GitHub Pages serves a project at /<repository>/).
const siteBase = new URL("../../", import.meta.url);
export const workerUrl = new URL("assets/runner/worker.mjs", siteBase);
export const playgroundUrl = new URL("playground/", siteBase);

const DEFAULT_LIMITS = {
  timeLimitSeconds: 30,
  maxOutputLines: 10000,
  // A program can flood without newlines too.
  maxOutputChars: 2000000,
  // Only for a worker that never answers; a slow network gets plenty of time.
  loadTimeoutSeconds: 120,
  // The most schedules one press of Explore runs.
  exploreBudget: 200,
};

// Limits for one run: the defaults, then `window.runnerConfig` (for tests and
// benchmarks), then the runner's own `data-time-limit` / `data-max-output-lines`.
export function limitsFor(root) {
  const limits = { ...DEFAULT_LIMITS, ...(window.runnerConfig || {}) };
  const timeLimit = Number(root.dataset.timeLimit);
  const maxLines = Number(root.dataset.maxOutputLines);
  if (timeLimit > 0) limits.timeLimitSeconds = timeLimit;
  if (maxLines > 0) limits.maxOutputLines = maxLines;
  return limits;
}
