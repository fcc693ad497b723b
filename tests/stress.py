"""Run the snippet tests many times in a row while every core is kept busy.

A threading example that passes on an idle machine can still fail on a loaded CI runner,
where threads get switched at other moments. This runs the snippet suite `--runs` times
(20 by default) beside one busy process per core, stops at the first failing run, and
exits non-zero if there was one. The busy processes end with it, whatever happens.

    python tests/stress.py --runs 20
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tests.support.paths import ROOT

SNIPPET_TESTS = [
    sys.executable,
    "-m",
    "pytest",
    "tests/test_snippets.py",
    "tests/test_exercises.py",
    "-q",
    "-p",
    "no:cacheprovider",
]
# Spins; checks now and then that the process that started it is still its parent, so
# that it ends even if that process is killed before it can stop it.
BURNER = """
import os, sys
parent = int(sys.argv[1])
while os.getppid() == parent:
    for _ in range(1_000_000):
        pass
"""


@contextmanager
def busy_cores(count: int) -> Iterator[list[subprocess.Popen]]:
    burners = [
        subprocess.Popen([sys.executable, "-c", BURNER, str(os.getpid())])
        for _ in range(count)
    ]
    try:
        yield burners
    finally:
        for burner in burners:
            burner.kill()
        for burner in burners:
            burner.wait()


def stress(command: list[str], runs: int, busy: int) -> tuple[int, str]:
    """Run `command` up to `runs` times under load: (runs passed, failure's output)."""
    with busy_cores(busy):
        for run in range(1, runs + 1):
            started = time.monotonic()
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            verdict = "passed" if result.returncode == 0 else "FAILED"
            print(
                f"run {run}/{runs}: {verdict} in {time.monotonic() - started:.1f} s",
                flush=True,
            )
            if result.returncode != 0:
                return run - 1, result.stdout + result.stderr
    return runs, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs",
        type=int,
        default=20,
        help="how many times to run the suite (default 20)",
    )
    parser.add_argument(
        "--busy",
        type=int,
        default=os.cpu_count() or 1,
        help="busy processes beside it (default: one per core)",
    )
    args = parser.parse_args(argv)
    passed, failure = stress(SNIPPET_TESTS, args.runs, args.busy)
    if failure:
        print(failure)
    processes = "process" if args.busy == 1 else "processes"
    print(
        f"stress: {passed}/{args.runs} runs passed (load: {args.busy} busy {processes})"
    )
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    # A plain `kill` of this script still ends the busy processes, through `finally`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
