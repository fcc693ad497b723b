"""tests/stress.py: runs under load, stops at the first failure, and leaves no busy
process behind."""

from __future__ import annotations

import subprocess
import sys
import time

import psutil
import pytest

from . import stress
from .stress import busy_cores

PASS = [sys.executable, "-c", "pass"]
FAIL = [sys.executable, "-c", "print('1 failed'); raise SystemExit(1)"]


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


def _busy(pid: int, within: float = 20.0) -> bool:
    """The process used half a second of CPU: far more than starting Python takes, and
    soon reached by a spinning process even on a machine that is busy already."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if sum(psutil.Process(pid).cpu_times()[:2]) > 0.5:
            return True
        time.sleep(0.1)
    return False


def test_busy_processes_spin_while_it_runs_and_end_after() -> None:
    with busy_cores(2) as burners:
        assert all(_busy(burner.pid) for burner in burners)
        assert all(burner.poll() is None for burner in burners)
    assert all(burner.poll() is not None for burner in burners)


def test_busy_processes_end_when_an_error_escapes() -> None:
    with pytest.raises(RuntimeError), busy_cores(1) as burners:
        raise RuntimeError("the suite crashed")
    assert burners[0].poll() is not None


def test_busy_processes_end_when_the_script_is_killed() -> None:
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from tests.stress import busy_cores\n"
            "with busy_cores(1) as b:\n    print(b[0].pid, flush=True); time.sleep(60)",
        ],
        cwd=stress.ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    burner = int(parent.stdout.readline())
    parent.kill()  # no `finally` runs: the burner must notice on its own
    parent.wait()
    assert _gone(burner)


def test_counts_runs_that_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert stress.stress(PASS, runs=3, busy=1) == (3, "")
    assert capsys.readouterr().out.count("passed") == 3


def test_stops_at_the_first_failing_run(capsys: pytest.CaptureFixture[str]) -> None:
    passed, output = stress.stress(FAIL, runs=3, busy=1)
    assert (passed, output.strip()) == (0, "1 failed")
    assert capsys.readouterr().out.count("run ") == 1


@pytest.mark.parametrize(
    ("command", "code", "summary"),
    [
        (PASS, 0, "stress: 2/2 runs passed (load: 1 busy process)"),
        (FAIL, 1, "stress: 0/2 runs passed (load: 1 busy process)"),
    ],
)
def test_main_prints_a_summary_and_exits_with_the_verdict(
    command: list[str],
    code: int,
    summary: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(stress, "SNIPPET_TESTS", command)
    assert stress.main(["--runs", "2", "--busy", "1"]) == code
    assert capsys.readouterr().out.splitlines()[-1] == summary
