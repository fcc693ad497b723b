// Python threads in the browser park and resume WebAssembly stacks with JavaScript
// Promise Integration (JSPI). Without it a blocking call has nowhere to wait. Imported
// by the page and by the worker (worker.mjs), which are served from the same folder:
// every place that decides or says that a browser cannot run Python goes through here.

export function hasJspi() {
  return typeof WebAssembly === "object" && typeof WebAssembly.Suspending === "function";
}

// Which browsers work, and what a reader can do meanwhile: the snippet runners show
// the output recorded on CPython right after this message.
export const NO_JSPI_MESSAGE =
  "This browser cannot run Python threads: they need WebAssembly JavaScript Promise " +
  "Integration (JSPI), which Chrome and Edge 137+, Firefox 153+ and Safari 27+ have. " +
  "Open this page in one of those to run the code, or read the output each example " +
  "printed on CPython, shown with it.";
