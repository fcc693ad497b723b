// Python threads in the browser park and resume WebAssembly stacks with JavaScript
// Promise Integration (JSPI). Without it a blocking call has nowhere to wait. Imported
// by the page and by the worker (worker.mjs), which are served from the same folder.

export function hasJspi() {
  return typeof WebAssembly === "object" && typeof WebAssembly.Suspending === "function";
}

export const NO_JSPI_MESSAGE =
  "This browser cannot run these examples: Python threads here need WebAssembly " +
  "JavaScript Promise Integration (JSPI), which Chrome and Edge have from version 137. " +
  "Other browsers are untested or do not support it yet.";
