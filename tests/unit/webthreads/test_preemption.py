"""Where a thread may be preempted: in the program's code, also when the runtime
called it, never in the runtime's own code, and never outside a suspendable stack."""

from __future__ import annotations

import sys
from functools import partial

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
