"""The replacement ``_thread`` module: starting threads, joining them, and waiting for
the non-daemon ones at exit."""

from __future__ import annotations

import _thread
from functools import partial

import pytest

from .support import Runtime, raised


def test_join_waits_for_the_thread_to_end(runtime: Runtime) -> None:
    thread_module = runtime.thread_module
    log: list[object] = []

    def worker() -> None:
        runtime.scheduler.sleep(0.2)
        log.append("worker done")

    def main() -> None:
        handle = thread_module.start_joinable_thread(worker, daemon=False)
        log.append(handle.is_done())
        handle.join()
        log.append(handle.is_done())
        handle.join()  # a second join returns at once

    runtime.run(main)
    assert log == [False, "worker done", True]


def test_every_joiner_is_woken_first_come_first(runtime: Runtime) -> None:
    thread_module = runtime.thread_module
    log: list[str] = []

    def joiner(handle, name: str) -> None:
        handle.join()
        log.append(name)

    def main() -> None:
        handle = thread_module.start_joinable_thread(partial(runtime.scheduler.sleep, 0.2))
        for name in "abc":
            runtime.spawn(partial(joiner, handle, name))

    runtime.run(main)
    assert log == ["a", "b", "c"]


def test_join_gives_up_at_its_timeout(runtime: Runtime) -> None:
    thread_module = runtime.thread_module
    scheduler = runtime.scheduler
    log: list[object] = []

    def main() -> None:
        handle = thread_module.start_joinable_thread(partial(scheduler.park, "forever"))
        start = runtime.now()
        handle.join(0.3)
        log.append((handle.is_done(), runtime.now() - start >= 0.3))
        handle.join(-1)  # a negative timeout is no wait at all, as on CPython
        log.append(handle.is_done())

    runtime.run(main)
    assert log == [(False, True), False]


def test_join_refuses_what_cannot_be_joined(runtime: Runtime) -> None:
    thread_module = runtime.thread_module
    seen: list[object] = []

    def joins_itself(handles: list) -> None:
        seen.append(raised(handles[0].join)[0])

    def main() -> None:
        seen.append(raised(thread_module._ThreadHandle().join)[0])
        handles: list = []
        handles.append(thread_module.start_joinable_thread(partial(joins_itself, handles)))
        handles[0].join()
        seen.append(raised(partial(thread_module.start_joinable_thread, print, handles[0]))[0])

    runtime.run(main)
    assert seen == [RuntimeError, RuntimeError, RuntimeError]


@pytest.mark.parametrize(
    "arguments",
    [(1, ()), (print, []), (print, (), [])],
    ids=["not callable", "args not a tuple", "kwargs not a dict"],
)
def test_start_new_thread_refuses_what_cpythons_refuses(runtime: Runtime, arguments: tuple) -> None:
    green = raised(partial(runtime.thread_module.start_new_thread, *arguments))
    assert green == raised(partial(_thread.start_new_thread, *arguments))
    assert runtime.scheduler.threads() == [runtime.scheduler.current]


def test_start_new_thread_runs_the_function_with_its_arguments(runtime: Runtime) -> None:
    log: list[object] = []

    def main() -> None:
        ident = runtime.thread_module.start_new_thread(
            lambda *args, **kwargs: log.append((args, kwargs)), (1, 2), {"three": 3}
        )
        log.append(ident)

    runtime.run(main)
    assert log == [2, ((1, 2), {"three": 3})]


def test_shutdown_waits_for_the_non_daemon_threads_only(runtime: Runtime) -> None:
    thread_module = runtime.thread_module
    scheduler = runtime.scheduler
    log: list[object] = []

    def worker(seconds: float) -> None:
        scheduler.sleep(seconds)
        log.append(f"worker of {seconds} s done")

    def main() -> None:
        thread_module.start_joinable_thread(partial(worker, 0.2), daemon=False)
        thread_module.start_joinable_thread(partial(worker, 0.1), daemon=False)
        thread_module.start_joinable_thread(partial(scheduler.park, "forever"), daemon=True)
        log.append(thread_module._count())
        thread_module._shutdown()
        log.append(thread_module._count())

    runtime.run(main)
    assert log == [3, "worker of 0.1 s done", "worker of 0.2 s done", 1]


def test_the_module_answers_as_cpythons_does(runtime: Runtime) -> None:
    module = runtime.thread_module.make_module()
    assert module.__name__ == "_thread"
    assert module.get_ident() == module._get_main_thread_ident() == 1
    assert module.TIMEOUT_MAX == _thread.TIMEOUT_MAX
    assert module.error is _thread.error
    assert raised(partial(module.stack_size, 100)) == raised(partial(_thread.stack_size, 100))
    assert module.stack_size(65536) == 0
    assert module.stack_size() == 65536
    assert raised(module.exit)[0] is raised(_thread.exit)[0]
