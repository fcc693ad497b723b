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

from . import bridge, compat, scheduler
from .frames import PROGRAM_CODE_CALLERS, RUNTIME_DIR

SIGNAL = signal.SIGUSR1

_original_setswitchinterval = sys.setswitchinterval


def preemptible(frame):
    """Whether the thread may be interrupted at ``frame``: in the program's code."""
    return compat.can_run_sync() and _preemptible(frame)


def _preemptible(frame):
    while frame is not None:
        code = frame.f_code
        filename = code.co_filename
        if filename.startswith(RUNTIME_DIR):
            if code not in PROGRAM_CODE_CALLERS:
                return False
        elif filename.startswith("<frozen importlib"):
            return False
        frame = frame.f_back
    return True


# In a run whose schedule the worker chooses, threads switch only at the program's
# switch points (``switch_points``), and the signal means that the run is to end (its
# time limit or output cap): this function ends it.
_end_run = None


def end_runs_with(end_run):
    """From now on, the signal ends the run by calling ``end_run()`` (None: it
    preempts the running thread again)."""
    global _end_run
    _end_run = end_run


def _on_signal(signum, frame):
    if scheduler.finished:
        return
    if scheduler.current is None or not preemptible(frame):
        # Between threads, or in the runtime's own code: ask again soon. An explored
        # run's end is signalled once, so it must not be dropped.
        bridge.js.tickSoon()
    elif _end_run is not None:
        _end_run()
    else:
        scheduler.yield_now()


def setswitchinterval(interval):
    """``sys.setswitchinterval`` that also reaches the worker's clock."""
    _original_setswitchinterval(interval)
    bridge.js.setSwitchInterval(sys.getswitchinterval())


def install():
    signal.signal(SIGNAL, _on_signal)
    setswitchinterval.__doc__ = _original_setswitchinterval.__doc__
    sys.setswitchinterval = setswitchinterval


def attach():
    """Tell a newly attached worker the interval and where to watch for switches."""
    bridge.js.setSwitchInterval(sys.getswitchinterval())
    bridge.js.watchSwitches(scheduler.switch_counter.buffer_info()[0])
