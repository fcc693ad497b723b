"""The cyclic garbage collector, run so that it never walks a suspended stack.

CPython 3.14's automatic collections are incremental: now and then they walk the
frames of every thread state, through the frames that C calls keep on the C stack.
Pyodide's suspended stacks lose that part of their C stack to the running one, so the
walk would read (and write) garbage. Full and young collections do not walk stacks.
So automatic collection is off, and the worker asks for this module's collection from
time to time (SIGUSR2, about every 50 ms of running); it does what the automatic
collector would, with a full collection in place of the incremental steps.
``gc.enable()``, ``gc.disable()`` and ``gc.isenabled()`` keep their meaning for the
program.
"""

import gc
import signal

from . import bridge, signal_module

SIGNAL = signal.SIGUSR2

_collect = gc.collect
_enabled = True  # as the program sees it
_young_collections = 0


def collect(generation=2):
    """``gc.collect``: generation 1 (an incremental step) becomes a full collection."""
    if generation not in (0, 1, 2):
        raise ValueError("invalid generation")
    return _collect(0 if generation == 0 else 2)


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def collect_if_due():
    """Collect as the automatic collector would have by now."""
    global _young_collections
    if not _enabled:
        return
    young_threshold, old_threshold, _ = gc.get_threshold()
    if not young_threshold or gc.get_count()[0] < young_threshold:
        return
    _young_collections += 1
    if old_threshold and _young_collections >= old_threshold:
        _young_collections = 0
        _collect(2)
    else:
        _collect(0)


def install(preemptible):
    """``preemptible(frame)`` says whether the program's code runs at ``frame``."""

    @signal_module.handles_signals
    def on_signal(signum, frame):
        signal_module.deliver(frame)
        if preemptible(frame):
            collect_if_due()
        else:
            bridge.js.collectSoon()

    gc.disable()
    for function in (collect, enable, disable, isenabled):
        function.__doc__ = getattr(gc, function.__name__).__doc__
        setattr(gc, function.__name__, function)
    signal.signal(SIGNAL, on_signal)
