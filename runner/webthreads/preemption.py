"""Preemption: the running thread makes way every ``sys.getswitchinterval()`` seconds.

The worker gives Pyodide an "interrupt buffer" whose first element is a getter: the
interpreter reads it from its own periodic checks, and once the switch interval has
passed since the last switch (``scheduler.switch_counter``, read from memory) the
getter answers SIGUSR1. The handler below then asks the scheduler to yield
(``scheduler.yield_now``, where the policy decides whether the thread gives way), so a
pure-Python loop loses the processor at an arbitrary bytecode, as it loses the GIL on
CPython.

Never inside the runtime's own code (it stands for C code, which runs to its end under
the GIL) nor during an import (the import lock is a real lock, shared by all green
threads); the handler then asks for another signal as soon as possible. The program's
code that the runtime calls (a thread's target, a ``local``'s ``__init__``…) is the
program's again: those runtime functions are marked ``@frames.calls_program_code``.
"""

import signal
import sys

from . import bridge, compat, scheduler, signal_module
from .frames import PROGRAM_CODE_CALLERS, RUNTIME_DIR

SIGNAL = signal.SIGUSR1

_original_setswitchinterval = sys.setswitchinterval

# The shortest time slice: CPython's own unit (it keeps the interval in whole
# microseconds, so that 1e-7 reads back as 0.0 and means "switch at every check").
MIN_SLICE = 1e-6


def preemptible(frame):
    """Whether the thread may be interrupted at ``frame``: in the program's code."""
    return compat.can_run_sync() and _preemptible(frame)


# A frame whose callers were all found to run the program's code is marked, so that the
# next walk stops there and a deep recursion is not walked whole at every signal. The
# mark is the frame's own ``f_trace`` (unused unless a program traces): it dies with the
# frame, so a new frame, even at the same address, is never taken for a marked one,
# and nothing holds a frame. A frame's callers stay the same as long as it lives, except
# a generator's or a coroutine's, resumed from anywhere: those are never marked.


class _ProgramBelow:
    """The mark. As a trace function (a program that traces calls it for the lines of
    a marked frame) it does nothing, as no trace function would."""

    __slots__ = ()

    def __call__(self, frame, event, arg):
        return None


_MARK = _ProgramBelow()
_RESUMABLE = 0x20 | 0x80 | 0x200  # inspect's CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR


def _preemptible(frame):
    top = frame
    while frame is not None:
        if frame.f_trace is _MARK:
            break
        code = frame.f_code
        filename = code.co_filename
        if filename.startswith(RUNTIME_DIR):
            if code not in PROGRAM_CODE_CALLERS:
                return False
        elif filename.startswith("<frozen importlib"):
            return False
        frame = frame.f_back
    _mark(top, frame)
    return True


def _mark(frame, end):
    """Mark the frames from ``frame`` down to ``end`` (not included)."""
    while frame is not end:
        if frame.f_trace is None and not frame.f_code.co_flags & _RESUMABLE:
            frame.f_trace = _MARK
        frame = frame.f_back


# In a run whose schedule the worker chooses, threads switch only at the program's
# switch points (``switch_points``), and the signal means that the run is to end (its
# time limit or output cap): this function ends it.
_end_run = None


def end_runs_with(end_run):
    """From now on, the signal ends the run by calling ``end_run()`` (None: it
    preempts the running thread again)."""
    global _end_run
    _end_run = end_run


@signal_module.handles_signals
def _on_signal(signum, frame):
    if scheduler.finished:
        return
    if scheduler.current is None or not preemptible(frame):
        # Between threads, or in the runtime's own code: ask again soon. An explored
        # run's end is signalled once, so it must not be dropped.
        bridge.js.tickSoon()
        return
    if _end_run is not None:
        _end_run()
        return
    signal_module.deliver(frame)  # the program's handlers, for the main thread
    scheduler.yield_now()
    signal_module.deliver(frame)  # and those raised while it gave way


def setswitchinterval(interval):
    """``sys.setswitchinterval`` that also reaches the worker's clock."""
    _original_setswitchinterval(interval)
    bridge.js.setSwitchInterval(_time_slice())


def _time_slice():
    return max(sys.getswitchinterval(), MIN_SLICE)


def install():
    signal.signal(SIGNAL, _on_signal)
    setswitchinterval.__doc__ = _original_setswitchinterval.__doc__
    sys.setswitchinterval = setswitchinterval


def attach():
    """Tell a newly attached worker the interval and where to watch for switches."""
    bridge.js.setSwitchInterval(_time_slice())
    bridge.js.watchSwitches(scheduler.switch_counter.buffer_info()[0])
