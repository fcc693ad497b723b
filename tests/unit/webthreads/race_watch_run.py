"""Runs one program (its source on stdin) as ``main.py`` on the runtime with the race
check on, on the stand-in browser, and prints the race reports as JSON.

``sys.monitoring`` came with Python 3.12, and the runtime's thread API is 3.13's:
``test_race_watch`` runs this script on a Python 3.13+ with greenlet, whatever Python
runs the tests.
"""

import importlib
import json
import linecache
import sys
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[2] / "runner"), str(HERE.parents[2]), str(HERE)]

from browser_stand_in import StandInBrowser  # noqa: E402

# The order of support.MODULES: compat, clocks and bridge get the stand-ins first.
MODULES = ("compat", "clocks", "bridge", "frames", "scheduler", "thread_module", "queue_module")


def main() -> None:
    source = sys.stdin.read()
    browser = StandInBrowser()
    runtime = {}
    for name in MODULES:
        module = runtime[name] = importlib.import_module(f"webthreads.{name}")
        if name == "compat":
            module.switch_stacks_with(browser.run_sync, browser.can_run_sync)
        elif name == "clocks":
            module.read_time_from(browser.monotonic)
        elif name == "bridge":
            module.attach(browser)
    browser.connect(runtime["scheduler"], runtime["frames"])
    # threading and queue built on the runtime's _thread and _queue, as in the browser.
    sys.modules["_thread"] = runtime["thread_module"].make_module()
    sys.modules["_queue"] = runtime["queue_module"].make_module()
    for name in list(sys.modules):
        if name in ("threading", "queue", "logging", "concurrent.futures") or name.startswith(
            ("logging.", "concurrent.futures.")
        ):
            del sys.modules[name]
    importlib.import_module("queue")
    importlib.import_module("concurrent.futures.thread")
    threading = importlib.import_module("threading")
    time.sleep = runtime["scheduler"].sleep
    race_watch = importlib.import_module("webthreads.race_watch")
    reports = []

    def run() -> None:
        race_watch.start()
        program = types.ModuleType("__main__")
        program.__file__ = "main.py"
        sys.modules["__main__"] = program
        linecache.cache["main.py"] = (len(source), None, source.splitlines(True), "main.py")
        code = compile(source, "main.py", "exec")
        race_watch.watch_program(code)
        exec(code, vars(program))
        threading._shutdown()
        reports.extend(race_watch.report())

    browser.run(run)
    print(json.dumps(reports))


main()
