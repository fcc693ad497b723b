// The runtime's Python files and how they are put into a Pyodide instance: shared by
// the worker and by the build-time snapshot tool (tools/make_runtime_snapshot.mjs).

export const RUNTIME_DIR = "/lib/webthreads-runtime";

// Keep in step with webthreads/ (a test checks it).
export const RUNTIME_FILES = [
  "__init__.py",
  "bridge.py",
  "clocks.py",
  "collector.py",
  "deadlock_report.py",
  "frames.py",
  "green_asyncio.py",
  "install.py",
  "introspection.py",
  "locks.py",
  "preemption.py",
  "program.py",
  "scheduler.py",
  "simple_queue.py",
  "stacks.py",
  "streams.py",
  "thread_local.py",
  "thread_module.py",
  "timeline.py",
  "tracebacks.py",
  "unsupported.py",
  "worker_api.py",
];

// Environment of the interpreter, the same with and without a snapshot.
export const PYTHON_ENV = { PYTHON_COLORS: "0" };

// files: [name, text] pairs for RUNTIME_FILES.
export function installRuntime(pyodide, files) {
  pyodide.FS.mkdirTree(`${RUNTIME_DIR}/webthreads`);
  for (const [name, text] of files) {
    pyodide.FS.writeFile(`${RUNTIME_DIR}/webthreads/${name}`, text);
  }
  pyodide.runPython(
    `import sys; sys.path.append(${JSON.stringify(RUNTIME_DIR)})\n` +
      "import webthreads.install, webthreads.worker_api\n" +
      "webthreads.install.install()",
  );
}
