"""``_thread.lock`` and ``_thread.RLock`` on green threads, side by side with this
CPython's own where they can be compared without a second thread."""

from __future__ import annotations

import _thread
import re
from functools import partial

from .support import Runtime, raised, without_addresses

# --- lock ---------------------------------------------------------------------------


def test_a_lock_taken_and_given_back(runtime: Runtime) -> None:
    lock = runtime.locks.lock()
    seen = []

    def main() -> None:
        seen.append((lock.acquire(), lock.locked()))
        seen.append((lock.acquire(False), lock.acquire(timeout=0)))
        lock.release()
        seen.append((lock.locked(), lock.acquire(blocking=False)))
        lock.release()

    runtime.run(main)
    assert seen == [(True, True), (False, False), (False, True)]


def test_a_lock_refuses_what_cpythons_refuses(runtime: Runtime) -> None:
    green, cpython = runtime.locks.lock(), _thread.allocate_lock()
    assert raised(green.release) == raised(cpython.release)
    assert raised(partial(green.acquire, False, 1)) == raised(partial(cpython.acquire, False, 1))
    # The words for these two differ from one CPython version to the next; the
    # runtime's are those of the browser's Python (3.14), not this one's.
    negative = raised(partial(green.acquire, True, -2))
    assert negative[0] is raised(partial(cpython.acquire, True, -2))[0]
    too_long = runtime.locks.TIMEOUT_MAX * 2
    assert raised(partial(green.acquire, timeout=too_long))[0] is OverflowError
    assert raised(partial(cpython.acquire, timeout=too_long))[0] is OverflowError


def test_a_lock_looks_like_cpythons(runtime: Runtime) -> None:
    green, cpython = runtime.locks.lock(), _thread.allocate_lock()
    assert without_addresses(repr(green)) == without_addresses(repr(cpython))
    green.acquire()
    cpython.acquire()
    assert without_addresses(repr(green)) == without_addresses(repr(cpython))
    assert runtime.locks.TIMEOUT_MAX == _thread.TIMEOUT_MAX
    assert type(green).__module__ == type(cpython).__module__ == "_thread"


def test_acquire_gives_up_at_its_timeout(runtime: Runtime) -> None:
    lock = runtime.locks.lock()
    seen = []

    def waiter() -> None:
        start = runtime.now()
        seen.append(lock.acquire(timeout=0.5))
        seen.append(runtime.now() - start >= 0.5)

    def main() -> None:
        lock.acquire()
        runtime.spawn(waiter)
        runtime.scheduler.sleep(2)
        seen.append(lock.locked())

    runtime.run(main)
    assert seen == [False, True, True]


def test_a_released_lock_goes_to_the_waiters_first_come_first_served(
    runtime: Runtime,
) -> None:
    lock = runtime.locks.lock()
    log: list[str] = []

    def waiter(name: str) -> None:
        with lock:
            log.append(name)

    def main() -> None:
        lock.acquire()
        for name in ("first", "second", "third"):
            runtime.spawn(partial(waiter, name))
        runtime.scheduler.sleep(0.1)  # all three wait
        log.append("released")
        lock.release()

    runtime.run(main)
    assert log == ["released", "first", "second", "third"]


def test_the_releasing_thread_may_take_the_lock_back_first(runtime: Runtime) -> None:
    lock = runtime.locks.lock()
    log: list[object] = []

    def waiter() -> None:
        with lock:
            log.append("waiter has it")

    def main() -> None:
        lock.acquire()
        runtime.spawn(waiter)
        runtime.scheduler.sleep(0.1)
        lock.release()  # wakes the waiter, which runs when its turn comes
        log.append(("main takes it back", lock.acquire(False)))
        runtime.scheduler.sleep(0.1)  # the waiter finds it taken, and waits again
        log.append("main releases")
        lock.release()

    runtime.run(main)
    assert log == [("main takes it back", True), "main releases", "waiter has it"]


def test_the_holder_is_who_acquired_it_last(runtime: Runtime) -> None:
    lock = runtime.locks.lock()
    holders = []

    def other() -> None:
        lock.release()  # any thread may release a lock
        holders.append(runtime.locks.holder(lock))
        lock.acquire()
        holders.append(runtime.locks.holder(lock))
        lock.release()

    def main() -> None:
        lock.acquire()
        holders.append(runtime.locks.holder(lock))
        runtime.spawn(other)

    runtime.run(main)
    assert holders == [1, 1, 2]


# --- RLock --------------------------------------------------------------------------


def test_an_rlock_counts_its_owners_acquisitions(runtime: Runtime) -> None:
    rlock = runtime.locks.RLock()
    seen = []

    def main() -> None:
        for _ in range(3):
            rlock.acquire()
        seen.append((rlock._is_owned(), rlock._recursion_count(), rlock.locked()))
        rlock.release()
        rlock.release()
        seen.append((rlock._recursion_count(), rlock.locked()))
        rlock.release()
        seen.append((rlock._is_owned(), rlock._recursion_count(), rlock.locked()))

    runtime.run(main)
    assert seen == [(True, 3, True), (1, True), (False, 0, False)]


def test_an_rlock_refuses_what_cpythons_refuses(runtime: Runtime) -> None:
    green, cpython = runtime.locks.RLock(), _thread.RLock()
    assert raised(green.release) == raised(cpython.release)
    assert raised(green._release_save) == raised(cpython._release_save)
    assert raised(partial(green.acquire, False, 1)) == raised(partial(cpython.acquire, False, 1))


def test_an_rlock_looks_like_cpythons(runtime: Runtime) -> None:
    green, cpython = runtime.locks.RLock(), _thread.RLock()
    seen = []

    def owners_masked(text: str) -> str:
        return re.sub(r"owner=\d+", "owner=…", without_addresses(text))

    def main() -> None:
        seen.append((repr(green), repr(cpython)))
        green.acquire()
        green.acquire()
        cpython.acquire()
        cpython.acquire()
        seen.append((repr(green), repr(cpython)))
        seen.append(f"owner={runtime.scheduler.current_ident} " in repr(green))
        cpython.release()
        cpython.release()

    runtime.run(main)
    unlocked, locked, names_owner = seen
    assert without_addresses(unlocked[0]) == without_addresses(unlocked[1])
    assert owners_masked(locked[0]) == owners_masked(locked[1])
    assert names_owner is True


def test_only_its_owner_releases_an_rlock(runtime: Runtime) -> None:
    rlock = runtime.locks.RLock()
    cpython = _thread.RLock()
    seen = []

    def other() -> None:
        seen.append(raised(rlock.release))
        seen.append(rlock.acquire(timeout=0.1))

    def main() -> None:
        rlock.acquire()
        runtime.spawn(other)
        runtime.scheduler.sleep(1)
        seen.append((runtime.locks.holder(rlock), rlock._recursion_count()))
        rlock.release()
        seen.append(runtime.locks.holder(rlock))

    runtime.run(main)
    assert seen == [raised(cpython.release), False, (1, 1), 0]


def test_an_rlock_goes_to_a_waiter_only_when_fully_released(runtime: Runtime) -> None:
    rlock = runtime.locks.RLock()
    log: list[str] = []

    def waiter() -> None:
        with rlock:
            log.append("waiter has it")

    def main() -> None:
        rlock.acquire()
        rlock.acquire()
        runtime.spawn(waiter)
        runtime.scheduler.sleep(0.1)
        rlock.release()
        runtime.scheduler.sleep(0.1)
        log.append("released once")
        rlock.release()

    runtime.run(main)
    assert log == ["released once", "waiter has it"]


def test_a_condition_saves_and_restores_an_rlocks_state(runtime: Runtime) -> None:
    rlock = runtime.locks.RLock()
    log: list[object] = []

    def other() -> None:
        with rlock:
            log.append("other has it")

    def main() -> None:
        rlock.acquire()
        rlock.acquire()
        runtime.spawn(other)
        state = rlock._release_save()  # as Condition.wait() does
        log.append(rlock.locked())
        runtime.scheduler.sleep(0.1)
        rlock._acquire_restore(state)
        log.append((rlock._is_owned(), rlock._recursion_count()))
        rlock.release()
        rlock.release()

    runtime.run(main)
    assert log == [False, "other has it", (True, 2)]
