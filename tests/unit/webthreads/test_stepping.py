"""What a stepped run shows where it pauses (``stepping``), and where it pauses when
the choice comes between threads, in the browser's turn, with no stack running."""

from __future__ import annotations

import linecache
from collections.abc import Iterator
from typing import Any

import pytest

from .support import Runtime

# The program's own code is what a lane shows: compiled as the worker compiles it.
PROGRAM = """\
def nap(scheduler, deadline):
    scheduler.park("a nap", deadline)
    done.append(scheduler.current_ident)


def wait_for_them(scheduler):
    scheduler.park("the others")
"""


@pytest.fixture
def code() -> Iterator[dict[str, Any]]:
    namespace: dict[str, Any] = {"done": []}
    linecache.cache["main.py"] = (len(PROGRAM), None, PROGRAM.splitlines(True), "main.py")
    exec(compile(PROGRAM, "main.py", "exec"), namespace)
    yield namespace
    linecache.cache.pop("main.py", None)


def test_a_choice_between_threads_pauses_on_a_suspended_stack(
    runtime: Runtime, code: dict[str, Any]
) -> None:
    scheduler = runtime.scheduler
    seen: dict[str, Any] = {}

    def pause(runnable: list) -> Any:
        # As the worker's program does: no thread runs, so the run ends on a
        # suspended one, resumed for that alone.
        assert scheduler.current is None
        carrier = next(
            t for t in scheduler.threads() if t.wakeup is not None and not t.wakeup.done()
        )

        def end_here() -> None:
            seen["state"] = runtime.stepping.describe(runnable, "line", None, carrier)
            seen["on"] = scheduler.get_ident()
            scheduler.stop()
            scheduler.park("the end of the run")  # never resumed

        scheduler.run_on(carrier, end_here)
        return carrier

    # The reader's one step: when the main thread waits, the first new thread runs;
    # the next choice comes when both wake, in the browser's turn.
    answers = iter([0, runtime.stepping.PAUSE])
    policy = runtime.policy.ChosenByTheWorker(lambda *idents: next(answers), lambda: True, pause)

    def main() -> None:
        scheduler.use_policy(policy)
        deadline = runtime.now() + 1.0  # one deadline for both: they wake together
        for _ in range(2):
            runtime.spawn(lambda: code["nap"](scheduler, deadline))
        code["wait_for_them"](scheduler)

    runtime.run(main)
    state = seen["state"]
    lanes = {lane["ident"]: lane for lane in state["threads"]}
    main_lane, first, second = lanes[1], lanes[2], lanes[3]
    assert state["options"] == [2, 3]
    assert first["state"] == second["state"] == "ready"
    assert first["source"] == second["source"] == 'scheduler.park("a nap", deadline)'
    # The carrier (the main thread, the only one suspended with frames of its own
    # besides them) is described where it stopped, not as running.
    assert main_lane["state"] == "waiting"
    assert main_lane["source"] == 'scheduler.park("the others")'
    assert main_lane["runnable"] is False
    assert code["done"] == []  # nothing ran after the pause
