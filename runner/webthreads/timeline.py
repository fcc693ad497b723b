"""The run's timeline: when each thread ran, slept, waited and printed.

The format is the one the site's static timelines use (timeline/README.md);
the worker sends it to the page just before the run ends. This module observes the
scheduler (``scheduler.observe``), which reports each thread's start, wait and sleep;
the thread functions report each thread's creation and end, and ``print`` each line
written to standard output. A wait is named after the call in the program's own code
(``Queue.get()``, ``with Lock``), as on CPython, and one call that blocks twice
(``Condition.wait()``: its waiter, then its lock) is one span.

A run that blocks or prints very often (a lock handed to and fro a million times) would
make a picture nobody can read and a message too large to send: recording stops after
``MAX_RECORDS`` waits, sleeps and prints, and the timeline says where it was cut.
"""

import builtins
import sys
from time import monotonic

from . import scheduler
from .frames import READER_CLASS_NAMES, READER_MODULE_NAMES, is_runtime, is_user

MAX_RECORDS = 5000
SLEEPING, WAITING = "sleeping", "waiting"

# What waits for a deadline as its normal course (an event loop waiting for its next
# timer): its waits never count as timed out.
_TIMERS = set()

recording = False  # whether this run is still recorded (the scheduler is observed)
_t0 = 0.0
_lanes = {}  # ident -> _Lane, in the order the threads were started
_records = 0
_cut_at = None  # when recording stopped early, if it did


class _Lane:
    __slots__ = ("thread", "start", "end", "name", "spans", "prints", "last_call")

    def __init__(self, thread, name, start=None):
        self.thread = thread  # the threading.Thread, for its name at the end
        self.name = name  # for a thread started without threading
        self.start = start
        self.end = None
        self.spans = []  # [from, to, state, on, timed_out]: waits and sleeps only
        self.prints = []  # (moment, text)
        self.last_call = None  # the frame of the call the last span was made in


def start_run(ident, main_thread):
    """The program starts now, in the main thread: time 0."""
    global recording, _t0, _records, _cut_at
    _t0 = monotonic()
    _lanes.clear()
    _lanes[ident] = _Lane(main_thread, f"Thread {ident}", _t0)
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
        _lanes[ident] = _Lane(thread, f"Thread {ident}")


def thread_began(ident):
    lane = _lanes.get(ident)
    if recording and lane is not None:
        lane.start = monotonic()


def thread_ended(ident):
    lane = _lanes.get(ident)
    if recording and lane is not None and lane.end is None:
        lane.end = monotonic()
        lane.name = _name(lane)  # as it was when the thread ended


def waits_for_timers(kind):
    """Parking on an instance of ``kind`` until a deadline is not a timeout."""
    _TIMERS.add(kind)


def block(ident, state, frame, waiting=None):
    """Thread ``ident`` blocks or sleeps now, on ``waiting``, in the call whose innermost
    frame is ``frame``; returns the span to pass to ``unblock``, or None.

    Only what names the call is kept here (code objects, a frame's position): the text
    is made once, at the end, so that a wait costs the program little."""
    lane = _lanes.get(ident)
    if lane is None or lane.end is not None or lane.start is None:
        return None
    call, what, where = _call_and_place(frame)
    spans = lane.spans
    # An event loop waits in one call, asyncio.run(), between the callbacks it runs:
    # each of those waits is a span of its own.
    loop_wait = type(waiting) in _TIMERS
    last = spans[-1] if spans else None
    if last and lane.last_call is call and last[2] == state and not (loop_wait or last[5]):
        last[1] = None  # the same call blocking again: one span
        return last
    if not _count_record():
        return None
    # [from, to, state, (name, what, where), timed out, a deadline is its normal end]
    span = [monotonic(), None, state, (None, what, where), False, loop_wait]
    spans.append(span)
    lane.last_call = call
    return span


def sleep_started(ident, seconds, frame):
    """Thread ``ident`` calls ``time.sleep(seconds)`` now; ``frame`` is the sleep's own.
    Returns the span to pass to ``unblock``, or None."""
    lane = _lanes.get(ident)
    if lane is None or lane.end is not None or lane.start is None or not _count_record():
        return None
    caller = frame.f_back
    code = caller.f_code
    if (_kinds.get(code) or _kind(code)) is _USER:  # the common case, without a walk
        where = ("at", code, caller.f_lasti)
    else:
        where = _call_and_place(frame)[2]
    span = [monotonic(), None, SLEEPING, (("time.sleep", seconds), None, where), False, False]
    lane.spans.append(span)
    lane.last_call = None  # a sleep is one call that blocks once
    return span


def unblock(span, woken):
    """The thread that made ``span`` runs again (``woken`` False: its timeout passed)."""
    span[1] = monotonic()
    span[4] = not woken and not span[5]


class _SchedulerObserver:
    """What the scheduler tells the timeline (see ``scheduler.observe``)."""

    thread_began = staticmethod(thread_began)
    sleep_began = staticmethod(sleep_started)

    @staticmethod
    def wait_began(ident, waiting, frame):
        return block(ident, WAITING, frame, waiting=waiting)

    @staticmethod
    def wait_ended(span, woken):
        unblock(span, woken)

    @staticmethod
    def sleep_ended(span):
        unblock(span, True)


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


def finish():
    """The timeline of the run that ends now, as a dict for JSON."""
    end = monotonic()
    stop_recording()
    last = _cut_at if _cut_at is not None else end
    threads, spans, prints = [], [], []
    number = 0
    for lane in _lanes.values():
        if lane.start is None or lane.start > last:
            continue  # never ran, or only after the cut
        number += 1
        name = lane.name if lane.end is not None else _name(lane)
        threads.append({"id": number, "name": name})
        lane_end = min(lane.end if lane.end is not None else end, last)
        spans += _lane_spans(number, lane, lane_end)
        prints += [{"thread": number, "t": _ms(t), "text": text} for t, text in lane.prints]
    spans.sort(key=lambda span: (span["from"], span["thread"]))
    prints.sort(key=lambda item: item["t"])
    timeline = {"threads": threads, "spans": spans, "prints": prints, "end": _ms(last)}
    if _cut_at is not None:
        timeline["truncated"] = {"records": MAX_RECORDS, "runEnd": _ms(end)}
    return timeline


def _lane_spans(number, lane, lane_end):
    """The lane's waits and sleeps, with running spans in the gaps."""
    cursor = lane.start
    result = []
    for start, stop, state, call, timed_out, _ in lane.spans:
        stop = lane_end if stop is None else min(stop, lane_end)
        if start > cursor:
            result.append(_span(number, cursor, start, "running"))
        span = _span(number, start, max(start, stop), state)
        span["on"] = _describe(call)
        if timed_out:
            span["timeout"] = True
        result.append(span)
        cursor = max(cursor, stop)
    if lane_end > cursor or not result:
        result.append(_span(number, cursor, max(lane_end, cursor), "running"))
    return result


def _span(number, start, stop, state):
    return {"thread": number, "from": _ms(start), "to": _ms(stop), "state": state}


def _ms(moment):
    return round((moment - _t0) * 1000, 3)


def _name(lane):
    name = getattr(lane.thread, "name", None)
    return name if isinstance(name, str) else lane.name


# --- naming a wait ------------------------------------------------------------------


def _call_and_place(frame):
    """The frame of the call being made, what it calls, and where it was made.

    The call is the frame the program's own code called (``Queue.get``), placed at the
    program's line. A wait with no program code on the stack (a pool's worker waiting
    for a task) is named after the call the standard library made, and the function
    that made it."""
    callee = None
    library = None
    while frame is not None:
        code = frame.f_code
        if callee is not None:
            kind = _kinds.get(code) or _kind(code)
            if kind is _USER:
                return callee, _what(callee), ("at", code, frame.f_lasti)
            if library is None and kind is _LIBRARY:
                library = (callee, frame)
                if code in _thread_calls() and frame.f_back is not None:
                    library = (frame, frame.f_back)  # named as a whole, as on CPython
        callee, frame = frame, frame.f_back
    if library is None:
        return callee, None, None
    callee, caller = library
    return callee, _what(callee), ("in", caller.f_globals.get("__name__", "?"), caller.f_code)


_USER, _LIBRARY, _RUNTIME = "user", "library", "runtime"
_kinds = {}  # code -> whose it is


def _kind(code):
    kind = _USER if is_user(code) else _RUNTIME if is_runtime(code) else _LIBRARY
    _kinds[code] = kind
    return kind


_thread_call_names = {}


def _thread_calls():
    """The code of ``Thread.start`` and ``Thread.join``, by the name they go by."""
    if not _thread_call_names:
        thread_class = sys.modules["threading"].Thread
        _thread_call_names[thread_class.start.__code__] = "Thread.start()"
        _thread_call_names[thread_class.join.__code__] = "Thread.join()"
    return _thread_call_names


def _what(frame):
    """What names the call ``frame`` runs: its code, and the class of its ``self`` (the
    program's own class, not the base class that defines the method) or its module."""
    code = frame.f_code
    if code.co_argcount and code.co_varnames[0] == "self":
        instance = frame.f_locals.get("self")
        return code, type(instance) if instance is not None else None
    return code, frame.f_globals.get("__name__")


_descriptions = {}


def _describe(call):
    """The text of ``on``: "Queue.get() at main.py:12", from what ``block`` kept."""
    description = _descriptions.get(call)
    if description is None:
        label, what, where = call
        if isinstance(label, tuple):  # (function, seconds)
            label = f"{label[0]}({label[1]!r})"
        name = label or (_call_name(*what) if what else "an unknown call")
        description = _descriptions[call] = name + _place(where)
    return description


def _call_name(code, owner_or_module):
    name = _thread_calls().get(code)
    if name is not None:
        return name
    owner, _, method = code.co_qualname.rpartition(".")
    if isinstance(owner_or_module, type):
        owner = owner_or_module.__name__
    elif not owner and _kind(code) is _RUNTIME:
        owner = READER_MODULE_NAMES.get(owner_or_module, "")
    owner = READER_CLASS_NAMES.get(owner, owner)
    if method == "__enter__":
        return f"with {owner}"
    if method == "__exit__":
        return f"end of with {owner}"
    return f"{owner}.{method}()" if owner else f"{method}()"


def _place(where):
    if where is None:
        return ""
    if where[0] == "in":  # a function of the standard library
        _, module, code = where
        return f" in {module}.{code.co_qualname}()"
    _, code, lasti = where
    line = next((n for start, end, n in code.co_lines() if start <= lasti < end), None)
    return f" at {code.co_filename}:{line if line is not None else code.co_firstlineno}"


# --- print --------------------------------------------------------------------------

_real_print = builtins.print


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
