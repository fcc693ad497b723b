"""The run's timeline: when each thread ran, slept, waited and printed.

The format is the one the site's static timelines use (timeline/README.md);
the worker sends it to the page just before the run ends. This module observes the
scheduler (``scheduler.observe``), which reports each thread's start, wait and sleep;
the thread functions report each thread's creation and end, and ``print`` each line
written to standard output. A wait is named after the call in the program's own code
(``Queue.get()``, ``with Lock``), and one call that blocks twice (``Condition.wait()``:
its waiter, then its lock) is one span. The naming, the lanes and the JSON are those of
the CPython recorder: ``timeline.naming``, which the site installs beside this package.

A run that blocks or prints very often (a lock handed to and fro a million times) would
make a picture nobody can read and a message too large to send: recording stops after
``MAX_RECORDS`` waits, sleeps and prints, and the timeline says where it was cut.
"""

import builtins
import sys
from time import monotonic

from timeline.naming import (
    LIBRARY,
    MAX_RECORDS,
    OWN,
    SLEEPING,
    USER,
    WAITING,
    Lane,
    Span,
    describer,
    find_call,
)
from timeline.naming import timeline as _timeline

from . import scheduler
from .frames import (
    READER_CLASS_NAMES,
    READER_MODULE_NAMES,
    calls_program_code,
    is_runtime,
    is_user,
)

# What waits for a deadline as its normal course (an event loop waiting for its next
# timer): its waits never count as timed out.
_TIMERS = set()

recording = False  # whether this run is still recorded (the scheduler is observed)
_t0 = 0.0
_lanes = {}  # ident -> Lane, in the order the threads were started
_records = 0
_cut_at = None  # when recording stopped early, if it did


def start_run(ident, main_thread):
    """The program starts now, in the main thread: time 0."""
    global recording, _t0, _records, _cut_at
    _name_thread_calls()
    _t0 = monotonic()
    _lanes.clear()
    _lanes[ident] = Lane(main_thread, f"Thread {ident}", _t0)
    _records = 0
    _cut_at = None
    recording = True
    scheduler.observe(_SchedulerObserver)


def stop_recording():
    """Record nothing more of this run (its timeline ends where it was)."""
    global recording
    recording = False
    scheduler.observe(None)


def thread_created(ident, thread):
    """``thread`` (None without ``threading``) is green thread ``ident``, just started:
    lanes come in this order."""
    if recording:
        _lanes[ident] = Lane(thread, f"Thread {ident}")


def thread_ended(ident):
    lane = _lanes.get(ident)
    if recording and lane is not None and lane.end is None:
        lane.end = monotonic()
        lane.name = _name(lane)  # as it was when the thread ended


def waits_for_timers(kind):
    """Parking on an instance of ``kind`` until a deadline is not a timeout."""
    _TIMERS.add(kind)


# --- what the scheduler tells the timeline (see scheduler.observe) -------------------
# On the path of every wait and sleep: each is one call from the scheduler, and only
# what names the call is kept (code objects, a frame's position). The text is made
# once, at the end, so that a wait costs the program little.


def thread_began(ident):
    lane = _lanes.get(ident)
    if recording and lane is not None:
        lane.start = monotonic()


def wait_began(ident, waiting, frame):
    """Thread ``ident`` blocks now, on ``waiting``, in the call whose innermost frame is
    ``frame``; returns the span to pass to ``wait_ended``, or None."""
    lane = _lanes.get(ident)
    if lane is None or lane.end is not None or lane.start is None:
        return None
    call_frame, call, place = find_call(frame, _kinds, _kind, _thread_call_names)
    # An event loop waits in one call, asyncio.run(), until its next timer, between the
    # callbacks it runs.
    loop_wait = type(waiting) in _TIMERS
    span = lane.span_of_same_call(call_frame, WAITING, loop_wait)
    if span is not None:
        span.stop = None  # blocked again
        return span
    if not _count_record():
        return None
    span = Span(monotonic(), WAITING, call, place, loop_wait)
    lane.spans.append(span)
    lane.last_call = call_frame
    return span


def wait_ended(span, woken):
    """The thread that made ``span`` runs again (``woken`` False: its timeout passed)."""
    span.stop = monotonic()
    span.timed_out = not woken and not span.ends_at_deadline


def sleep_began(ident, seconds, frame):
    """Thread ``ident`` calls ``time.sleep(seconds)`` now; ``frame`` is the sleep's own.
    Returns the span to pass to ``sleep_ended``, or None."""
    lane = _lanes.get(ident)
    if lane is None or lane.end is not None or lane.start is None or not _count_record():
        return None
    caller = frame.f_back
    code = caller.f_code
    if (_kinds.get(code) or _kind(code)) is USER:  # the common case, without a walk
        place = ("at", code, caller.f_lasti)
    else:
        place = find_call(frame, _kinds, _kind, _thread_call_names)[2]
    span = Span(monotonic(), SLEEPING, seconds, place)
    lane.spans.append(span)
    lane.last_call = None  # a sleep is one call that blocks once
    return span


def sleep_ended(span):
    span.stop = monotonic()


class _SchedulerObserver:
    """What the scheduler tells the timeline (see ``scheduler.observe``)."""

    thread_began = staticmethod(thread_began)
    wait_began = staticmethod(wait_began)
    wait_ended = staticmethod(wait_ended)
    sleep_began = staticmethod(sleep_began)
    sleep_ended = staticmethod(sleep_ended)


def printed(ident, text):
    lane = _lanes.get(ident)
    if lane is not None and lane.end is None and _count_record():
        lane.prints.append((monotonic(), text))


def _count_record():
    global _records, _cut_at
    _records += 1
    if _records <= MAX_RECORDS:
        return True
    _cut_at = monotonic()
    stop_recording()
    return False


def end_run():
    """The run ends now: recording stops, and the time it ended is returned."""
    end = monotonic()
    stop_recording()
    return end


def finish(end):
    """The timeline of the run that ended at ``end`` (``end_run``), as a dict for JSON."""
    for lane in _lanes.values():
        if lane.end is None:
            lane.name = _name(lane)  # as it is now, the thread still running
    describe = describer(_thread_call_names, READER_CLASS_NAMES, READER_MODULE_NAMES)
    return _timeline(_lanes.values(), _t0, end, describe, _cut_at)


def _name(lane):
    name = getattr(lane.thread, "name", None)
    return name if isinstance(name, str) else lane.name


# --- whose code a frame runs ----------------------------------------------------------

_kinds = {}  # code -> USER, LIBRARY or OWN (the runtime's, which stands for C code)


def _kind(code):
    kind = USER if is_user(code) else OWN if is_runtime(code) else LIBRARY
    _kinds[code] = kind
    return kind


# Thread.start and Thread.join are named as such on any subclass of Thread, and as a
# whole when a library function calls them (as on CPython, where the recorder wraps them).
_thread_call_names = {}


def _name_thread_calls():
    if not _thread_call_names:
        thread_class = sys.modules["threading"].Thread
        _thread_call_names[thread_class.start.__code__] = "Thread.start()"
        _thread_call_names[thread_class.join.__code__] = "Thread.join()"


# --- print --------------------------------------------------------------------------

_real_print = builtins.print


@calls_program_code  # str() of the reader's objects
def timeline_print(*args, sep=" ", end="\n", file=None, flush=False):
    stdout = sys.stdout
    if not (
        recording
        and (file is None or file is stdout)
        and stdout is not None
        and (sep is None or type(sep) is str)
        and (end is None or type(end) is str)
    ):
        return _real_print(*args, sep=sep, end=end, file=file, flush=flush)
    if sep is None:
        sep = " "
    parts = []
    for arg in args:
        try:
            parts.append(str(arg))
        except BaseException:
            if parts:  # what print() had written when str() failed
                stdout.write(sep.join(parts) + sep)
            raise
    text = sep.join(parts)
    _real_print(text, end=end, file=stdout, flush=flush)
    printed(scheduler.current_ident, text)
    return None


def install():
    """Put ``print`` in place (its text is what the timeline shows)."""
    for attribute in ("__doc__", "__name__", "__qualname__"):
        setattr(timeline_print, attribute, getattr(_real_print, attribute))
    timeline_print.__module__ = "builtins"
    builtins.print = timeline_print
