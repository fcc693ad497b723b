"""asyncio on green threads: an event loop that waits by parking its own thread.

Pyodide's event loop (``WebLoop``) waits in the browser's event loop, where the green
scheduler cannot see it: a thread started by ``asyncio.to_thread`` or
``run_in_executor`` would never get its turn. This loop runs in the thread that runs
it, as on CPython; when it has nothing to do until a timer, it parks that thread, and
``call_soon_threadsafe`` wakes it.
"""

import asyncio
import asyncio.runners
import functools
from collections import deque

from . import compat, scheduler, timeline
from .frames import calls_program_code


class _ParkingSelector:
    """What ``BaseEventLoop`` waits with; there are no file descriptors to watch."""

    def __init__(self):
        self._waiting = deque()  # a wait queue: the loop's thread, while it waits here
        self._woken = False  # woken while not waiting: the next select() returns at once

    def select(self, timeout):
        if self._woken or (timeout is not None and timeout <= 0):
            self._woken = False
            scheduler.yield_now()  # a real select() lets other threads run too
            return []
        deadline = None if timeout is None else scheduler.deadline_after(timeout)
        scheduler.park(self, deadline, self._waiting)
        self._woken = False
        return []

    def wake(self):
        if self._waiting:
            scheduler.wake_one(self._waiting)
        else:
            self._woken = True

    def close(self):
        pass


class GreenEventLoop(compat.EventLoopOnSelector):
    def __init__(self):
        super().__init__(_ParkingSelector())


@calls_program_code
@functools.wraps(asyncio.runners.run)
def run(main, *, debug=None, loop_factory=None):
    return asyncio.runners.run(main, debug=debug, loop_factory=loop_factory or GreenEventLoop)


@functools.wraps(asyncio.new_event_loop)
def new_event_loop():
    return GreenEventLoop()


def install():
    timeline.waits_for_timers(_ParkingSelector)
    asyncio.run = run
    asyncio.new_event_loop = new_event_loop
