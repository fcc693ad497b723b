"""The run's timeline: when each thread ran, slept, waited and printed.

The format is the one the site's static timelines use (docs/assets/timeline/README.md);
the worker sends it to the page just before the run ends. The scheduler reports each
block and sleep (``block``/``unblock``), the thread functions each thread's first and
last moment, and ``print`` each line written to standard output. A wait is named after
the call in the program's own code (``Queue.get()``, ``with Lock``), as on CPython,
and one call that blocks twice (``Condition.wait()``: its waiter, then its lock) is one
span.

A run that blocks or prints very often (a lock handed to and fro a million times) would
make a picture nobody can read and a message too large to send: recording stops after
``MAX_RECORDS`` waits, sleeps and prints, and the timeline says where it was cut.
"""

import builtins
import sys
from time import monotonic

from . import scheduler
from .frames import is_runtime, is_user

MAX_RECORDS = 5000
SLEEPING, WAITING = "sleeping", "waiting"

# Names the reader knows for the runtime's classes (on CPython they are C types).
_CLASS_NAMES = {"lock": "Lock"}

recording = False  # read by the scheduler before each call into this module
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


def block(ident, state, frame, label=None):
    """Thread ``ident`` blocks or sleeps now, in the call whose innermost frame is
    ``frame``; returns the span to pass to ``unblock``, or None."""
    lane = _lanes.get(ident)
    if lane is None or lane.end is not None or lane.start is None:
        return None
    call, name, where = _call_and_place(frame)
    spans = lane.spans
    if spans and lane.last_call is call and spans[-1][2] == state:
        span = spans[-1]  # the same call blocking again: one span
        span[1] = None
        return span
    if not _count_record():
        return None
    span = [monotonic(), None, state, (label or name) + where, False]
    spans.append(span)
    lane.last_call = call
    return span


def unblock(span, woken):
    """The thread that made ``span`` runs again (``woken`` False: its timeout passed)."""
    span[1] = monotonic()
    span[4] = not woken


def printed(ident, text):
    lane = _lanes.get(ident)
    if lane is not None and lane.end is None and _count_record():
        lane.prints.append((monotonic(), text))


def _count_record():
    global _records, _cut_at, recording
    _records += 1
    if _records <= MAX_RECORDS:
        return True
    _cut_at = monotonic()
    recording = False
    return False


def finish():
    """The timeline of the run that ends now, as a dict for JSON."""
    global recording
    end = monotonic()
    recording = False
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
    for start, stop, state, on, timed_out in lane.spans:
        stop = lane_end if stop is None else min(stop, lane_end)
        if start > cursor:
            result.append(_span(number, cursor, start, "running"))
        span = _span(number, start, max(start, stop), state)
        span["on"] = on
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
    """The frame of the call being made, its name, and where it was made.

    The call is the frame the program's own code called (``Queue.get``), placed at the
    program's line. A wait with no program code on the stack (a pool's worker waiting
    for a task) is named after the call the standard library made, and the function
    that made it."""
    callee = None
    library = None
    while frame is not None:
        code = frame.f_code
        if callee is not None:
            if is_user(code):
                return callee, _call_name(callee), f" at {code.co_filename}:{frame.f_lineno}"
            if library is None and not is_runtime(code):
                library = (callee, frame)
        callee, frame = frame, frame.f_back
    if library is None:
        return callee, "an unknown call", ""
    callee, caller = library
    module = caller.f_globals.get("__name__", "?")
    return callee, _call_name(callee), f" in {module}.{caller.f_code.co_qualname}()"


def _call_name(frame):
    code = frame.f_code
    thread_class = sys.modules["threading"].Thread
    if code is thread_class.start.__code__:
        return "Thread.start()"
    if code is thread_class.join.__code__:
        return "Thread.join()"
    owner, _, method = code.co_qualname.rpartition(".")
    if owner and code.co_argcount and code.co_varnames[0] == "self":
        # The program's own class, not the base class that defines the method.
        instance = frame.f_locals.get("self")
        if instance is not None:
            owner = type(instance).__name__
        owner = _CLASS_NAMES.get(owner, owner)
    if method == "__enter__":
        return f"with {owner}"
    if method == "__exit__":
        return f"end of with {owner}"
    return f"{owner}.{method}()" if owner else f"{method}()"


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
