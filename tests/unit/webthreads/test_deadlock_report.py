"""The deadlock report's words, for programs that use the runtime's primitives directly.

The browser tests (tests/browser/test_runtime.py, test_deadlock_report_on_page.py) run
such programs through ``threading`` and ``queue`` and check the same lines; here the
threads have no ``threading.Thread`` (they are named "Thread N", as threads started
with ``_thread.start_new_thread`` are in the browser), and a join is the handle's.
"""

from __future__ import annotations

import contextlib
import re
import textwrap
from collections.abc import Callable
from functools import partial
from typing import Any

from .support import Runtime

HEADER = "Deadlock: every thread is waiting and none can wake the others."


def program(runtime: Runtime, source: str) -> tuple[Callable[[], None], dict[str, Any]]:
    """``source``, run as the reader's ``main.py`` with the runtime's primitives in
    scope, and its namespace."""
    code = compile(textwrap.dedent(source), "main.py", "exec")
    namespace: dict[str, Any] = {
        "Lock": runtime.locks.lock,
        "RLock": runtime.locks.RLock,
        "SimpleQueue": runtime.queue_module.SimpleQueue,
        "sleep": runtime.scheduler.sleep,
        "start": partial(runtime.thread_module.start_joinable_thread, daemon=False),
    }
    return partial(exec, code, namespace), namespace


def line_of(source: str, text: str) -> int:
    """The number of the only line of ``source`` that holds ``text``."""
    numbers = [n for n, line in enumerate(textwrap.dedent(source).splitlines(), 1) if text in line]
    assert len(numbers) == 1, (text, numbers)
    return numbers[0]


def deadlock_report(runtime: Runtime, main: Callable[[], None]) -> str:
    """The report of the deadlock that running ``main`` ends in."""
    reports = []

    def on_deadlock(reporter, parked) -> None:
        reports.append(runtime.deadlock_report.report(reporter, parked))
        runtime.scheduler.stop()

    runtime.scheduler.report_deadlocks_to(on_deadlock)
    runtime.run(main)
    assert len(reports) == 1
    return reports[0]


def test_locks_taken_in_opposite_orders(runtime: Runtime) -> None:
    source = """\
        def one():
            with a:
                sleep(0.05)
                with b:  # one waits
                    pass
        def two():
            with b:
                sleep(0.05)
                with a:  # two waits
                    pass
        a, b = Lock(), Lock()
        first = start(one)
        second = start(two)
        first.join()
        """
    main, _ = program(runtime, source)
    report = deadlock_report(runtime, main)
    assert report == "\n".join(
        [
            HEADER,
            f"  Thread 1 waits in Thread.join() at main.py:{line_of(source, 'first.join')}",
            "  Thread 2 waits in Lock.acquire() for a lock last acquired by Thread 3"
            f" at main.py:{line_of(source, 'one waits')}",
            "  Thread 3 waits in Lock.acquire() for a lock last acquired by Thread 2"
            f" at main.py:{line_of(source, 'two waits')}",
            "",
        ]
    )


def test_a_consumer_waiting_on_a_queue_nobody_fills(runtime: Runtime) -> None:
    source = """\
        def consumer():
            while True:
                got.append(q.get())
        q, got = SimpleQueue(), []
        t = start(consumer)
        q.put(1)
        t.join()
        """
    main, namespace = program(runtime, source)
    lines = deadlock_report(runtime, main).splitlines()
    assert namespace["got"] == [1]
    join_line = line_of(source, "t.join")
    assert lines[:2] == [HEADER, f"  Thread 1 waits in Thread.join() at main.py:{join_line}"]
    queue = re.escape(repr(namespace["q"]))
    assert re.fullmatch(r"<_queue\.SimpleQueue object at 0x[0-9a-f]+>", repr(namespace["q"]))
    get_line = line_of(source, "q.get")
    pattern = rf"  Thread 2 waits in SimpleQueue\.get\(\) on queue {queue} at main\.py:{get_line}"
    assert re.fullmatch(pattern, lines[2]), lines[2]
    assert len(lines) == 3


def test_an_rlock_held_by_a_thread_that_waits(runtime: Runtime) -> None:
    source = """\
        def holder():
            with rlock:
                taken.put(True)
                never.acquire()  # holder waits
        rlock, never, taken = RLock(), Lock(), SimpleQueue()
        never.acquire()
        start(holder)
        taken.get()
        rlock.acquire()  # main waits
        """
    main, _ = program(runtime, source)
    assert deadlock_report(runtime, main).splitlines() == [
        HEADER,
        "  Thread 1 waits in RLock.acquire() for a lock held by Thread 2"
        f" at main.py:{line_of(source, 'main waits')}",
        "  Thread 2 waits in Lock.acquire() for a lock last acquired by Thread 1"
        f" at main.py:{line_of(source, 'holder waits')}",
    ]


def test_a_program_that_ended_but_left_a_thread_waiting(runtime: Runtime) -> None:
    # The main thread's stack has none of the reader's frames once the program has
    # ended: it waits in the runtime's _shutdown(), as in the browser.
    source = """\
        def consumer():
            while True:
                q.get()
        q = SimpleQueue()
        start(consumer)
        q.put(1)
        """
    run_program, _ = program(runtime, source)
    run_program()  # it only starts the thread, which runs once the main thread waits
    report = deadlock_report(runtime, runtime.thread_module._shutdown)
    assert report.splitlines()[:2] == [
        HEADER,
        "  Thread 1 has finished the program and waits, as Python does at exit, "
        "for the non-daemon thread Thread 2",
    ]
    assert report.splitlines()[2].startswith("  Thread 2 waits in SimpleQueue.get() on queue")


def test_a_wait_the_standard_library_made_is_named_after_its_caller(runtime: Runtime) -> None:
    lock = runtime.locks.lock()
    exits = contextlib.ExitStack()  # never closed: it would release a lock it never got

    def main() -> None:
        lock.acquire()
        runtime.spawn(partial(exits.enter_context, lock))  # no frame of the reader's
        runtime.scheduler.park("the end")

    report = deadlock_report(runtime, main)
    caller = f"contextlib.{contextlib.ExitStack.enter_context.__qualname__}"
    assert report.splitlines()[2] == (
        "  Thread 2 waits in Lock.acquire() for a lock last acquired by Thread 1,"
        f" called by {caller}"
    )


def test_a_wait_with_no_call_to_name_says_what_it_waits_on(runtime: Runtime) -> None:
    def main() -> None:
        runtime.spawn(partial(runtime.scheduler.park, "the end of the run"))
        runtime.scheduler.park("the end")

    assert deadlock_report(runtime, main).splitlines()[2] == (
        "  Thread 2 waits on 'the end of the run'"
    )
