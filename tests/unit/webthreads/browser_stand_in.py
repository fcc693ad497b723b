"""The browser as the runtime sees it, on CPython: greenlets stand in for the stacks
that JSPI suspends, and a loop turned by hand for the worker's event loop.

What it keeps of the real thing (runner/worker/ and Pyodide):

- ``run_sync(future)`` suspends the running stack; once the future is done, the stack
  resumes in a microtask (Pyodide resolves a promise from the future's done callback).
  The code that resolved the future goes on until it suspends in turn.
- ``startStack(ident)`` enters a new stack from JavaScript (``callPromising`` of
  ``scheduler.thread_entry``) at once, on top of the caller's, and returns to the caller
  when the new stack first suspends or ends.
- Each stack has its own running asyncio loop, kept while it is suspended; a new stack
  begins with Pyodide's own loop running (here ``PYODIDE_LOOP``, a stand-in too).
- ``wakeSoon()`` asks for one turn of the event loop and ``armTimer(ms)`` sets the one
  timer; on either, the worker calls ``scheduler.on_timer`` from the event loop, on no
  suspendable stack.
- Microtasks run before turns, turns before the timer. Time stands still except when
  the loop has nothing else to do (then it moves to the timer's due time: the worker's
  timer fires a little early and takes turns until due, with the same outcome) or when
  a test moves it (``advance``), as a thread's work would.

What escapes a stack, or ``on_timer``, is kept in ``errors`` (the worker would end the
run with an internal error), and ``run`` raises the first of them. The functions that
catch it stand for the worker's JavaScript at the bottom of each stack, which Python's
frame walks never see: their code is filed under the runtime's folder and marked as
calling the program's code, as ``scheduler.thread_entry`` is, so that every walk
(reports, preemption, tracebacks) treats them as it treats the runtime's entry points.
"""

from __future__ import annotations

import asyncio
import math
import os
from collections import deque
from collections.abc import Callable
from functools import partial
from types import ModuleType
from typing import Any

from greenlet import GreenletExit, getcurrent, greenlet

START_TIME = 100.0  # seconds on the stand-in's clock when a test starts
MAX_TURNS = 100_000  # a loop that never runs dry is a bug, not a long test

# Stacks still suspended when their run ended, kept as the browser keeps a worker it
# drops: never resumed, and never unwound (their finally blocks would run the
# scheduler's code in a state no run reaches). The interpreter does not unwind them at
# exit either.
_abandoned: list[greenlet] = []


class _PyodideLoop:
    """Stands for Pyodide's event loop (WebLoop), which new stacks begin with."""


PYODIDE_LOOP = _PyodideLoop()

# The worker's side of each stack: callPromising(thread_entry) and callPromising(run_main).
JAVASCRIPT = """
def enter_thread(errors, scheduler, ident):
    try:
        scheduler.thread_entry(ident)
    except GreenletExit:
        raise
    except BaseException as error:
        errors.append(error)


def enter_main(errors, scheduler, main):
    scheduler.enter_stack()
    try:
        main()
    except GreenletExit:
        raise
    except BaseException as error:
        errors.append(error)
    finally:
        scheduler.exit_current()  # the main thread ends like any other
"""


class _JsArray(list):
    """A JavaScript array as the runtime uses one: ``to_py()`` gives a Python list."""

    def to_py(self) -> list:
        return list(self)


class StandInBrowser:
    def __init__(self) -> None:
        self.now = START_TIME
        self.hub = getcurrent()  # the event loop runs on the test's own greenlet
        self.scheduler: ModuleType | None = None
        self._enter_thread: Callable[..., None] | None = None
        self._enter_main: Callable[..., None] | None = None
        self.microtasks: deque[greenlet] = deque()
        self.turn_pending = False
        self.timer_due: float | None = None
        self.stacks: dict[int, greenlet] = {}  # ident -> its stack
        self.errors: list[BaseException] = []
        self.calls: list[str] = []  # the bridge's calls, by name, in order
        self.finished: tuple | None = None

    def connect(self, scheduler: ModuleType, frames: ModuleType) -> None:
        """Serve this import of the runtime (its scheduler, and its frames module)."""
        self.scheduler = scheduler
        namespace: dict[str, Any] = {"GreenletExit": GreenletExit}
        filename = os.path.join(frames.RUNTIME_DIR, "<javascript>")
        exec(compile(JAVASCRIPT, filename, "exec"), namespace)
        self._enter_thread = frames.calls_program_code(namespace["enter_thread"])
        self._enter_main = frames.calls_program_code(namespace["enter_main"])

    # --- the clock ------------------------------------------------------------------

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Time passes, as if the running thread worked for ``seconds``."""
        self.now += seconds

    # --- stack switching (pyodide.ffi) ------------------------------------------------

    def run_sync(self, future: Any) -> Any:
        stack = getcurrent()
        if stack is self.hub:
            raise RuntimeError("run_sync() on no suspendable stack")
        future.add_done_callback(lambda _: self.microtasks.append(stack))
        # As in Pyodide, every stack shares one running loop: nothing keeps this one's.
        stack.parent.switch()
        return future.result()

    def can_run_sync(self) -> bool:
        return getcurrent() is not self.hub

    # --- the bridge (what webthreads/bridge.py calls) ---------------------------------

    def startStack(self, ident: int) -> None:  # the worker's names, as it spells them
        self.calls.append("startStack")
        self._enter(ident, self._enter_thread, self.errors, self.scheduler, ident)

    def wakeSoon(self) -> None:
        self.calls.append("wakeSoon")
        self.turn_pending = True

    def armTimer(self, ms: float) -> None:
        self.calls.append("armTimer")
        due = self.now + ms / 1000.0
        self.timer_due = due if due > self.now else math.nextafter(self.now, math.inf)

    def cancelTimer(self) -> None:
        self.calls.append("cancelTimer")
        self.timer_due = None

    def finish(self, status: str, reason: Any, message: Any) -> bool:
        self.calls.append("finish")
        self.finished = (status, reason, message)
        return True  # the timeline is wanted

    def timeline(self, timeline: str) -> None:
        self.calls.append("timeline")

    def object_keys(self) -> _JsArray:
        """The names of the worker's functions (a JsProxy's ``object_keys()``)."""
        return _JsArray(
            ["startStack", "wakeSoon", "armTimer", "cancelTimer", "finish", "timeline", "output"]
        )

    def __getattr__(self, name: str) -> Callable[..., None]:
        # output, tickSoon, collectSoon, setSwitchInterval, watchSwitches: noted only.
        if name.startswith("_"):
            raise AttributeError(name)
        return partial(self._note, name)

    def _note(self, name: str, *args: Any) -> None:
        self.calls.append(name)

    # --- running ----------------------------------------------------------------------

    def run(self, main: Callable[[], None]) -> None:
        """Run ``main()`` as the main thread, entered from the event loop as the worker
        enters ``program.run_main``; then turn the event loop until it runs dry. When
        ``main`` returns, the main thread ends like any other, and the rest go on."""
        scheduler = self.scheduler
        self._enter(scheduler.MAIN_IDENT, self._enter_main, self.errors, scheduler, main)
        self.turn_event_loop()
        if self.errors:
            raise self.errors[0]

    def turn_event_loop(self) -> None:
        for _ in range(MAX_TURNS):
            if self.microtasks:
                stack = self.microtasks.popleft()
                stack.parent = self.hub
                stack.switch()
            elif self.turn_pending:
                self.turn_pending = False
                self._on_timer()
            elif self.timer_due is not None:
                self.now = max(self.now, self.timer_due)
                self.timer_due = None
                self._on_timer()
            else:
                return
        raise AssertionError(f"the event loop still had work after {MAX_TURNS} turns")

    def _on_timer(self) -> None:
        if self.finished is None:
            try:
                self.scheduler.on_timer()
            except Exception as error:
                self.errors.append(error)

    def _enter(self, ident: int, entry: Callable[..., None], *args: Any) -> None:
        """Enter a new stack for ``ident``, on top of the caller's, until it suspends."""
        stack = greenlet(partial(entry, *args), parent=getcurrent())
        self.stacks[ident] = stack
        asyncio._set_running_loop(PYODIDE_LOOP)  # a new stack begins with Pyodide's
        stack.switch()

    def close(self) -> None:
        """End the run: nothing is scheduled any more, and no stack resumes."""
        if self.scheduler is not None:
            self.scheduler.stop()
        _abandoned.extend(stack for stack in self.stacks.values() if not stack.dead)
