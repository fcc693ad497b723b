"""Where a thread may be preempted: in the program's code, also when the runtime
called it, never in the runtime's own code, and never outside a suspendable stack."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from .support import Runtime


def test_the_programs_code_may_be_preempted(runtime: Runtime) -> None:
    preemptible = runtime.preemption.preemptible
    seen: list[tuple[str, bool]] = []

    class Local(runtime.thread_local._local):
        def __init__(self) -> None:
            seen.append(("a local's __init__", preemptible(sys._getframe())))

    def body(local: Local) -> None:
        seen.append(("a thread's target", preemptible(sys._getframe())))
        local.x = 1  # the runtime calls __init__ again, for this thread

    def main() -> None:
        local = Local()
        seen.append(("the main thread", preemptible(sys._getframe())))
        runtime.spawn(partial(body, local))

    runtime.run(main)
    assert seen == [
        ("a local's __init__", True),
        ("the main thread", True),
        ("a thread's target", True),
        ("a local's __init__", True),
    ]


def test_the_runtimes_own_code_is_never_preempted(runtime: Runtime) -> None:
    lock = runtime.locks.lock()
    seen = []

    def main() -> None:
        lock.acquire()
        waiter = runtime.spawn(lock.acquire)
        runtime.scheduler.yield_now()
        seen.append(waiter.frame.f_code.co_name)  # where it parked: in the runtime
        seen.append(runtime.preemption.preemptible(waiter.frame))
        lock.release()

    runtime.run(main)
    assert seen == ["acquire", False]


def test_nothing_is_preempted_outside_a_suspendable_stack(runtime: Runtime) -> None:
    assert runtime.preemption.preemptible(sys._getframe()) is False


def _runtime_function(runtime: Runtime, name: str, source: str) -> Any:
    """A function compiled as if it were in the runtime's files, and not marked as
    calling the program's code."""
    namespace: dict[str, Any] = {}
    exec(compile(source, runtime.frames.RUNTIME_DIR + "stand_in.py", "exec"), namespace)
    return namespace[name]


def _recurse(depth: int, at_bottom: Callable[[], Any]) -> Any:
    return at_bottom() if depth == 0 else _recurse(depth - 1, at_bottom)


def test_a_deep_recursion_is_walked_once_not_at_every_check(runtime: Runtime) -> None:
    preemptible = runtime.preemption.preemptible
    times = {}

    def check_often(label: str) -> None:
        start = time.perf_counter()
        for _ in range(500):
            assert preemptible(sys._getframe())
        times[label] = time.perf_counter() - start

    def main() -> None:
        _recurse(10, partial(check_often, "shallow"))
        _recurse(5000, partial(check_often, "deep"))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + 5000)
    try:
        runtime.run(main)
    finally:
        sys.setrecursionlimit(limit)
    # Walked whole at each check, the deep stack would cost 500 times the shallow one.
    assert times["deep"] < 50 * times["shallow"] + 0.05, times


def test_a_checked_frame_answers_for_its_own_callers_only(runtime: Runtime) -> None:
    preemptible = runtime.preemption.preemptible
    in_runtime = _runtime_function(runtime, "in_runtime", "def in_runtime(f):\n    return f()\n")
    seen = []

    def check() -> bool:
        return preemptible(sys._getframe())

    def main() -> None:
        # The same code at the same depth, checked from the program, then called from
        # the runtime's code: a new frame (which may reuse the old one's memory).
        for _ in range(3):
            seen.append(_recurse(5, check))
            seen.append(in_runtime(partial(_recurse, 5, check)))

    runtime.run(main)
    assert seen == [True, False] * 3


def test_a_generator_resumed_from_the_runtime_is_not_preemptible(runtime: Runtime) -> None:
    preemptible = runtime.preemption.preemptible
    resume = _runtime_function(runtime, "resume", "def resume(g):\n    return next(g)\n")
    seen = []

    def checks() -> Iterator[bool]:
        while True:
            yield preemptible(sys._getframe())

    def main() -> None:
        generator = checks()
        seen.append(next(generator))
        seen.append(resume(generator))
        seen.append(next(generator))

    runtime.run(main)
    assert seen == [True, False, True]


def test_a_programs_trace_function_is_left_alone(runtime: Runtime) -> None:
    preemptible = runtime.preemption.preemptible
    events = []

    def trace(frame: Any, event: str, arg: Any) -> Any:
        events.append(event)
        return None

    def main() -> None:
        frame = sys._getframe()
        frame.f_trace = trace
        assert preemptible(frame)
        assert frame.f_trace is trace

    runtime.run(main)
