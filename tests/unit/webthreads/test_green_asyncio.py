"""asyncio's event loop on green threads: it waits by parking its thread."""

from __future__ import annotations

import asyncio

import pytest

from .support import Runtime


def test_a_loop_waiting_for_a_timer_lets_other_threads_run(runtime: Runtime) -> None:
    log: list[object] = []

    async def nap() -> None:
        await asyncio.sleep(0.2)
        log.append("the loop woke")

    def main() -> None:
        loop = runtime.green_asyncio.GreenEventLoop()
        runtime.spawn(lambda: log.append("another thread ran"))
        start = runtime.now()
        loop.run_until_complete(nap())
        loop.close()
        log.append(runtime.now() - start >= 0.2)

    runtime.run(main)
    assert log == ["another thread ran", "the loop woke", True]


def test_another_thread_wakes_a_waiting_loop(runtime: Runtime) -> None:
    results = []

    def main() -> None:
        loop = runtime.green_asyncio.GreenEventLoop()

        async def wait_for_another_thread() -> str:
            future = loop.create_future()
            answer = "from another thread"
            runtime.spawn(lambda: loop.call_soon_threadsafe(future.set_result, answer))
            return await future

        results.append(loop.run_until_complete(wait_for_another_thread()))
        loop.close()

    runtime.run(main)
    assert results == ["from another thread"]


def test_no_thread_runs_in_pyodides_event_loop(runtime: Runtime) -> None:
    seen = []

    def running_loop() -> str:
        with pytest.raises(RuntimeError) as error:
            asyncio.get_running_loop()
        return str(error.value)

    def main() -> None:
        seen.append(running_loop())
        runtime.spawn(lambda: seen.append(running_loop()))

    runtime.run(main)
    assert seen == ["no running event loop"] * 2
