// Keeps at most one spare worker loading or loaded ahead of time, so that a Run
// click finds Python ready. Nothing is fetched until someone shows they want to run
// code: hovering or focusing a Run button, or running something. The interpreter the
// first worker compiles is given to every later one, which neither fetches nor
// compiles it again.
import { WorkerHandle } from "./worker-handle.js";

export class WorkerPool {
  constructor(url) {
    this.url = url;
    this.spare = null;
    this.interpreter = null; // a WebAssembly.Module, once a worker compiled it
  }

  // Start a spare worker unless one is already there.
  warm() {
    if (this.spare && !this.spare.ended) return;
    const spare = this.create(() => {
      if (this.spare === spare) this.publish("ready");
    });
    this.spare = spare;
    this.publish("loading");
  }

  // The spare (loaded or still loading), or a new worker. Each worker runs once.
  take() {
    const worker = this.spare && !this.spare.ended ? this.spare : this.create();
    this.spare = null;
    this.publish("");
    return worker;
  }

  create(onReady = () => {}) {
    return new WorkerHandle(this.url, {
      onReady,
      interpreter: this.interpreter,
      onCompiled: (module) => (this.interpreter ??= module),
    });
  }

  // Whether a spare is there and how far along, for tests and benchmarks:
  // <html data-runner-spare="loading|ready">.
  publish(state) {
    if (state) document.documentElement.dataset.runnerSpare = state;
    else delete document.documentElement.dataset.runnerSpare;
  }
}
