"""Runs a program in the runner's worker (headless Chromium) or on this CPython, and
returns what it printed and how it ended, in the same shape for both."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

WORKER_PATH = "assets/runner/worker.mjs"
PROGRAMS_DIR = Path(__file__).parent / "runtime_programs"

# Starts a worker, sends {type: "run"} at once (before "ready", as the page may) and
# collects every message with its time, until "done" or the time limit. With
# `withoutJspi`, the worker runs in a realm where WebAssembly.Suspending was deleted.
_RUN_IN_WORKER = """
async ([code, workerUrl, timeoutMs, withoutJspi]) => {
  const start = performance.now();
  let url = workerUrl;
  if (withoutJspi) {
    const source = `delete WebAssembly.Suspending; await import(${JSON.stringify(workerUrl)});`;
    url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  }
  const worker = new Worker(url, { type: "module" });
  const messages = [];
  const end = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), timeoutMs);
    worker.onerror = (event) => {
      clearTimeout(timer);
      resolve(`worker error: ${event.message}`);
    };
    worker.onmessage = (event) => {
      messages.push({ ...event.data, at: performance.now() - start });
      if (withoutJspi && event.data.type === "ready") worker.postMessage({ type: "run", code });
      if (event.data.type === "done") {
        clearTimeout(timer);
        resolve("done");
      }
    };
    if (!withoutJspi) worker.postMessage({ type: "run", code });
  });
  worker.terminate();
  return { end, messages };
}
"""


@dataclass
class Run:
    stdout: str
    stderr: str
    status: str  # "ok" or "error"
    reason: str | None = None
    message: str | None = None
    ready: dict | None = None
    chunks: list[dict] = field(default_factory=list)  # stdout/stderr messages, timed
    done_at: float = 0.0  # milliseconds from the worker's creation
    timeline: dict | None = None  # who ran when (timeline/README.md)

    def __str__(self) -> str:
        return (
            f"status={self.status} reason={self.reason}\n"
            f"--- stdout\n{self.stdout}--- stderr\n{self.stderr}---"
        )


def run_in_browser(
    page: Page, site_url: str, code: str, timeout: float = 60, without_jspi: bool = False
) -> Run:
    result = page.evaluate(
        _RUN_IN_WORKER, [code, site_url + WORKER_PATH, timeout * 1000, without_jspi]
    )
    assert result["end"] == "done", f"{result['end']}: {result['messages']}"
    messages = result["messages"]
    chunks = [m for m in messages if m["type"] in ("stdout", "stderr")]
    (done,) = [m for m in messages if m["type"] == "done"]
    ready = [m for m in messages if m["type"] == "ready"]
    timelines = [m["data"] for m in messages if m["type"] == "timeline"]
    assert len(timelines) <= 1, f"{len(timelines)} timelines sent"
    return Run(
        stdout="".join(m["text"] for m in chunks if m["type"] == "stdout"),
        stderr="".join(m["text"] for m in chunks if m["type"] == "stderr"),
        status=done["status"],
        reason=done.get("reason"),
        message=done.get("message"),
        ready=ready[0] if ready else None,
        chunks=chunks,
        done_at=done["at"],
        timeline=timelines[0] if timelines else None,
    )


def run_in_cpython(code: str, timeout: float = 60, python: str = sys.executable) -> Run:
    """`code` run as main.py on CPython: this one, or `python`."""
    with tempfile.TemporaryDirectory() as directory:
        program = Path(directory) / "main.py"
        program.write_text(code)
        result = subprocess.run(
            [python, "main.py"],
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    status = "ok" if result.returncode == 0 else "error"
    return Run(stdout=result.stdout, stderr=result.stderr, status=status)


def stderr_summary(stderr: str) -> list[str]:
    """The lines of stderr that do not depend on the Python version or file paths:
    without traceback headers and frames (indented lines)."""
    return [
        line
        for line in stderr.splitlines()
        if line and not line.startswith((" ", "Traceback (most recent call last):"))
    ]
