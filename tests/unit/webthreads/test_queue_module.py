"""The replacement ``_queue`` module, side by side with this CPython's own."""

from __future__ import annotations

import _queue
from collections.abc import Callable
from functools import partial

import pytest

from .support import Runtime, raised


def test_the_module_offers_what_cpythons_offers(runtime: Runtime) -> None:
    module = runtime.queue_module.make_module()

    def public(names: list[str]) -> set[str]:
        return {name for name in names if not name.startswith("__")}

    assert module.__name__ == "_queue"
    assert public(dir(module)) == public(dir(_queue))
    for name in ("SimpleQueue", "Empty"):
        assert getattr(module, name).__module__ == getattr(_queue, name).__module__
    assert module.Empty.__doc__ == _queue.Empty.__doc__
    assert module.SimpleQueue[int].__origin__ is module.SimpleQueue


def test_items_come_out_in_the_order_they_went_in(runtime: Runtime) -> None:
    queue = runtime.queue_module.SimpleQueue()
    for item in range(3):
        queue.put(item)
    queue.put_nowait(3)
    assert (queue.qsize(), queue.empty()) == (4, False)
    assert [queue.get(), queue.get(False), queue.get(timeout=1), queue.get_nowait()] == [0, 1, 2, 3]
    assert (queue.qsize(), queue.empty()) == (0, True)


def test_an_empty_queue_refuses_what_cpythons_refuses(runtime: Runtime) -> None:
    green, cpython = runtime.queue_module.SimpleQueue(), _queue.SimpleQueue()

    def refusal(call: Callable[[], object]) -> tuple[str, str, str]:
        kind, message = raised(call)
        return kind.__module__, kind.__qualname__, message

    assert refusal(green.get_nowait) == refusal(cpython.get_nowait)
    assert refusal(partial(green.get, False)) == refusal(partial(cpython.get, False))
    assert refusal(partial(green.get, timeout=-1)) == refusal(partial(cpython.get, timeout=-1))


def test_get_waits_for_a_put(runtime: Runtime) -> None:
    queue = runtime.queue_module.SimpleQueue()
    log: list[object] = []

    def getter(name: str) -> None:
        log.append((name, queue.get()))

    def main() -> None:
        runtime.spawn(partial(getter, "first"))
        runtime.spawn(partial(getter, "second"))
        runtime.scheduler.sleep(0.1)  # both wait
        queue.put("a")
        queue.put("b")
        log.append("put both")

    runtime.run(main)
    assert log == ["put both", ("first", "a"), ("second", "b")]


def test_get_gives_up_at_its_timeout(runtime: Runtime) -> None:
    queue = runtime.queue_module.SimpleQueue()
    log: list[object] = []

    def main() -> None:
        start = runtime.now()
        with pytest.raises(runtime.queue_module.Empty):
            queue.get(timeout=0.3)
        log.append(runtime.now() - start >= 0.3)

    runtime.run(main)
    assert log == [True]


def test_an_item_put_after_the_timeout_but_before_the_getter_ran_is_got(
    runtime: Runtime,
) -> None:
    queue = runtime.queue_module.SimpleQueue()
    scheduler = runtime.scheduler
    log: list[object] = []

    def getter() -> None:
        log.append(("got", queue.get(timeout=0.1)))

    def putter() -> None:
        queue.put("late")  # the getter's deadline has passed, but it has not run yet

    def main() -> None:
        runtime.spawn(getter)
        scheduler.yield_now()  # the getter waits
        runtime.spawn(putter)
        runtime.browser.advance(1)
        scheduler.park("nothing", scheduler.deadline_after(1))  # the getter's timer fires

    runtime.run(main)
    assert log == [("got", "late")]
