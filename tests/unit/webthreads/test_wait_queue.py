"""The wait queues every blocking primitive parks its threads in: deques, changed only by
``scheduler.park(..., queue)``, ``wake_one`` and ``wake_all``."""

from __future__ import annotations

from collections import deque
from functools import partial

from .support import Runtime


def test_wake_one_wakes_the_first_come(runtime: Runtime) -> None:
    queue: deque = deque()
    scheduler = runtime.scheduler
    log: list[object] = []

    def waiter(name: str) -> None:
        log.append((name, scheduler.park("the queue", None, queue)))

    def main() -> None:
        for name in ("first", "second", "third"):
            runtime.spawn(partial(waiter, name))
        scheduler.sleep(0.1)  # all three park
        log.append(len(queue))
        while scheduler.wake_one(queue):
            scheduler.sleep(0.1)  # the woken one runs
        log.append(scheduler.wake_one(queue))

    runtime.run(main)
    assert log == [3, ("first", True), ("second", True), ("third", True), False]


def test_wake_all_wakes_every_waiter_in_order(runtime: Runtime) -> None:
    queue: deque = deque()
    scheduler = runtime.scheduler
    log: list[str] = []

    def waiter(name: str) -> None:
        scheduler.park("the queue", None, queue)
        log.append(name)

    def main() -> None:
        for name in "abc":
            runtime.spawn(partial(waiter, name))
        scheduler.sleep(0.1)
        scheduler.wake_all(queue)
        log.append(f"{len(queue)} left")

    runtime.run(main)
    assert log == ["0 left", "a", "b", "c"]


def test_a_waiter_whose_deadline_passes_leaves_the_queue(runtime: Runtime) -> None:
    queue: deque = deque()
    scheduler = runtime.scheduler
    log: list[object] = []

    def waiter() -> None:
        log.append(scheduler.park("the queue", scheduler.deadline_after(0.1), queue))
        log.append(len(queue))

    def main() -> None:
        runtime.spawn(waiter)
        scheduler.sleep(0.5)
        log.append(scheduler.wake_one(queue))

    runtime.run(main)
    assert log == [False, 0, False]


def test_wake_one_passes_over_a_waiter_that_timed_out_but_has_not_run(
    runtime: Runtime,
) -> None:
    queue: deque = deque()
    scheduler = runtime.scheduler
    scheduler = runtime.scheduler
    log: list[object] = []

    def timed_waiter() -> None:
        log.append(("timed", scheduler.park("the queue", scheduler.deadline_after(0.1), queue)))

    def waiter() -> None:
        log.append(("untimed", scheduler.park("the queue", None, queue)))

    def busy() -> None:
        runtime.browser.advance(1)  # both deadlines pass while it works
        scheduler.park("nothing")

    def main() -> None:
        runtime.spawn(timed_waiter)
        runtime.spawn(waiter)
        runtime.spawn(busy)
        # Due before the timed waiter's: main runs first, when it is runnable too and
        # still in the queue.
        scheduler.sleep(0.05)
        log.append(("woke one", scheduler.wake_one(queue), len(queue)))

    runtime.run(main)
    assert log == [("woke one", True, 0), ("timed", False), ("untimed", True)]
