// The runtime's Python files and how they are put into a Pyodide instance: shared by
// the worker and by the build-time snapshot tool (tools/make_runtime_snapshot.mjs).

export const RUNTIME_DIR = "/lib/webthreads-runtime";

// The list of the runtime's files, written by the build (site_hooks/site_assets.py):
// paths relative to this folder of the site and to RUNTIME_DIR alike.
export const MANIFEST_NAME = "manifest.json";

// Environment of the interpreter, the same with and without a snapshot. The hash seed
// is fixed so that two workers started the same way hash strings alike, as a replay
// needs: a snapshot fixes it anyway (it keeps the secret Python drew as it started).
export const PYTHON_ENV = { PYTHON_COLORS: "0", PYTHONHASHSEED: "8147" };

// files: [path, text] pairs, one for each path of the manifest.
export function installRuntime(pyodide, files) {
  for (const [path, text] of files) {
    const target = `${RUNTIME_DIR}/${path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
    pyodide.FS.writeFile(target, text);
  }
  pyodide.runPython(
    `import sys; sys.path.append(${JSON.stringify(RUNTIME_DIR)})\n` +
      "import webthreads.install, webthreads.worker_api\n" +
      "webthreads.install.install()",
  );
}
