"""Clocks that always move forward, as CPython's do.

The browser's clocks count in steps of 0.1 ms (``time.time()`` even in steps of 1 ms),
so two readings are often equal and a wait can end at the very instant of its deadline.
Then ``end - start`` can come out a hair shorter than the wait, in floating point, and
a program that checks it slept long enough (or ``queue.Queue.get`` computing what is
left of a timeout) goes wrong. Here every reading is later than the one before, by at
least a nanosecond, and ``time.time()`` is the monotonic clock plus a fixed offset, so
the two agree.

All of them are made from ``source``, the interpreter's own monotonic clock, or the
one given to ``read_time_from`` (a test's clock, which moves only when told). The
scheduler reads ``source`` itself, as well as ``monotonic`` (see ``scheduler``).
"""

import time

_real_time = time.time
source = time.monotonic
_source_ns = time.monotonic_ns
_STEP = 1e-9
_WALL_STEP = 1e-6  # more than a float's resolution at today's time.time()

_last = 0.0
_last_ns = 0
_last_wall = 0.0
_epoch = 0.0  # time.time() - time.monotonic()


def monotonic():
    global _last
    now = source()
    _last = now if now > _last else _last + _STEP
    return _last


def monotonic_ns():
    global _last_ns
    now = _source_ns()
    _last_ns = now if now > _last_ns else _last_ns + 1
    return _last_ns


def wall_time():
    global _last_wall
    now = _epoch + source()
    _last_wall = now if now > _last_wall else _last_wall + _WALL_STEP
    return _last_wall


def wall_time_ns():
    return round(_epoch * 1e9) + monotonic_ns()


def read_time_from(monotonic_source):
    """From now on, every clock here is made from ``monotonic_source()`` (seconds)
    instead of the interpreter's monotonic clock, from a fresh start."""
    global source, _source_ns

    def source_ns():
        return round(monotonic_source() * 1e9)

    source = monotonic_source
    _source_ns = source_ns
    start()


def start():
    """Start afresh in each worker: a snapshot keeps the readings of the one that
    made it, whose monotonic clock was far ahead."""
    global _epoch, _last, _last_ns, _last_wall
    _last = 0.0
    _last_ns = 0
    _last_wall = 0.0
    _epoch = _real_time() - source()


def install():
    start()
    for name, function in (
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("time", wall_time),
        ("time_ns", wall_time_ns),
    ):
        function.__doc__ = getattr(time, name).__doc__
        setattr(time, name, function)
