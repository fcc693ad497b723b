"""What the two emitters of the timeline format (README.md) share: how a wait is named,
how a thread's waits and sleeps become its lane, and the timeline as a whole.

The CPython recorder (``timeline/record.py``) and the browser runtime
(``runner/webthreads/timeline.py``) record the same things in different places: each
keeps, for every thread, a ``Lane`` of ``Span``s, each span saying when the thread
blocked, when it ran again, and what names the call, kept cheaply (code objects and
an instruction offset, found by ``find_call``). The text of each ``on`` is made once,
at the end, by ``describer``, and ``timeline`` turns the lanes into the format's dict.

Pure Python, with nothing of either emitter's machinery: it runs on CPython and in
Pyodide alike.
"""

import os
from types import MappingProxyType

# The most waits, sleeps and prints a run records: a picture of more would be
# unreadable, and the browser's message too large to send. Past it, recording stops
# and the timeline says where it was cut (its ``truncated``).
MAX_RECORDS = 5000

RUNNING, SLEEPING, WAITING = "running", "sleeping", "waiting"

# Whose code a frame runs, for find_call: the program's, the library's (the standard
# library, pure Python), or the emitter's own (the recorder's wrappers, the runtime
# standing in for C), which is never named and never places a call.
USER, LIBRARY, OWN = "user", "library", "own"

UNKNOWN_CALL = "an unknown call"
_NO_NAMES = MappingProxyType({})


class Lane:
    """What one thread did: its first and last moments, waits, sleeps and prints."""

    __slots__ = ("thread", "name", "start", "end", "spans", "prints", "last_call")

    def __init__(self, thread, name, start=None):
        self.thread = thread  # the threading.Thread (or None), for its name at the end
        self.name = name
        self.start = start
        self.end = None
        self.spans = []  # Spans: waits and sleeps only; running fills the gaps
        self.prints = []  # (moment, text)
        self.last_call = None  # the frame of the call the last span was made in

    def span_of_same_call(self, call_frame, state, ends_at_deadline=False):
        """The last span, if the call of ``call_frame`` made it and blocks again now, in
        ``state``: one call that blocks more than once (``Condition.wait()``: on its
        waiter, then on its lock) is one span. Not for waits that end at a deadline
        (an event loop's, between the callbacks it runs): each is a span of its own."""
        if self.last_call is call_frame and self.spans:
            last = self.spans[-1]
            if last.state == state and not (ends_at_deadline or last.ends_at_deadline):
                return last
        return None


class Span:
    """One wait or sleep of a thread, from the moment it blocked to the moment it ran
    again (``stop``: None while it has not).

    ``call`` is what names the call: for a sleep, its seconds; for a wait, the
    ``(code, owner)`` of ``what_is_called``, or None when nothing does. ``place`` is
    where it was made, from ``find_call``. ``ends_at_deadline``: a deadline is how
    the wait normally ends (an event loop waiting for its next timer), so reaching it
    is no timeout."""

    __slots__ = ("start", "stop", "state", "call", "place", "timed_out", "ends_at_deadline")

    def __init__(self, start, state, call, place, ends_at_deadline=False, stop=None,
                 timed_out=False):
        self.start = start
        self.stop = stop
        self.state = state
        self.call = call
        self.place = place
        self.timed_out = timed_out
        self.ends_at_deadline = ends_at_deadline


# --- naming a wait ------------------------------------------------------------------


def find_call(frame, kinds, classify, named_whole=_NO_NAMES):
    """The call a wait was made in: the frame that stands for it, what names it (see
    ``what_is_called``; None if nothing does) and where it was made.

    Walks outwards from ``frame``, the innermost frame of the wait. The call is the
    frame the program's own code called (``Queue.get``, not the lock inside the
    condition inside the queue), placed at the program's line: ``("at", code, lasti)``.
    A wait with no program code on the stack (a pool's worker waiting for a task) is
    named after the first call made from library code, placed in the function that
    made it: ``("in", module, code)``; a call whose code is in ``named_whole``
    (``Thread.join``) is then named as a whole, not after the call it made. With
    neither, the place is None.

    ``kinds`` maps code objects to ``USER``, ``LIBRARY`` or ``OWN``; ``classify(code)``
    tells the kind of code not in it yet (and keeps it there)."""
    callee = None
    library = None
    while frame is not None:
        code = frame.f_code
        if callee is not None:
            kind = kinds.get(code) or classify(code)
            if kind is USER:
                return callee, what_is_called(callee), ("at", code, frame.f_lasti)
            if library is None and kind is LIBRARY:
                library = (callee, frame)
                if code in named_whole and frame.f_back is not None:
                    library = (frame, frame.f_back)
        callee, frame = frame, frame.f_back
    if library is None:
        return callee, None, None
    callee, caller = library
    module = caller.f_globals.get("__name__", "?")
    return callee, what_is_called(callee), ("in", module, caller.f_code)


def what_is_called(frame):
    """What names the call ``frame`` runs: its code, and the class of its ``self`` (the
    program's own class, not the base class that defines the method) or, for a
    function, its module's name."""
    code = frame.f_code
    if code.co_argcount and code.co_varnames[0] == "self":
        instance = frame.f_locals.get("self")
        return code, type(instance) if instance is not None else None
    return code, frame.f_globals.get("__name__")


def call_name(code, owner, calls=_NO_NAMES, classes=_NO_NAMES, modules=_NO_NAMES):
    """How the program's code reads the call of ``code`` on ``owner`` (see
    ``what_is_called``): ``Queue.get()``, ``with Lock``, ``end of with Lock``.

    An emitter may know better names than the code's: ``calls`` names whole calls by
    their code (``Thread.join()`` on any subclass of Thread), ``classes`` renames
    classes, and ``modules`` names the functions of a module after the one the reader
    knows (a runtime's replacement for ``asyncio``)."""
    name = calls.get(code)
    if name is not None:
        return name
    defined_in, _, function = code.co_qualname.rpartition(".")
    if isinstance(owner, type):
        defined_in = owner.__name__
    elif not defined_in:
        defined_in = modules.get(owner, "")
    owner = classes.get(defined_in, defined_in)
    if function == "__enter__":
        return f"with {owner}"
    if function == "__exit__":
        return f"end of with {owner}"
    return f"{owner}.{function}()" if owner else f"{function}()"


def sleep_name(seconds):
    return f"time.sleep({seconds!r})"


def place_text(place):
    """`` at main.py:12``, `` in concurrent.futures.thread._worker()``, or nothing."""
    if place is None:
        return ""
    if place[0] == "in":
        _, module, code = place
        return f" in {module}.{code.co_qualname}()"
    _, code, lasti = place
    return f" at {os.path.basename(code.co_filename)}:{line_at(code, lasti)}"


def line_at(code, lasti):
    """The line of ``code`` that its instruction at offset ``lasti`` belongs to."""
    line = next((n for start, end, n in code.co_lines() if start <= lasti < end), None)
    return line if line is not None else code.co_firstlineno


def describer(calls=_NO_NAMES, classes=_NO_NAMES, modules=_NO_NAMES):
    """The function that gives a span its ``on``: ``"Queue.get() at main.py:12"``.

    Names as ``call_name`` does, with these names. Each call and place is described
    once: a lock handed to and fro thousands of times is two texts."""
    texts = {}

    def describe(span):
        # With the type: sleep(0) and sleep(0.0) are equal seconds, but not the same text.
        key = (span.call, type(span.call), span.place)
        try:
            text = texts.get(key)
        except TypeError:  # seconds of a type that cannot be hashed
            key, text = None, None
        if text is None:
            if span.state == SLEEPING:
                name = sleep_name(span.call)
            elif span.call is None:
                name = UNKNOWN_CALL
            else:
                name = call_name(*span.call, calls, classes, modules)
            text = name + place_text(span.place)
            if key is not None:
                texts[key] = text
        return text

    return describe


# --- the timeline -------------------------------------------------------------------


def timeline(lanes, t0, end, describe, cut_at=None):
    """The timeline format, as a dict for JSON, of ``lanes`` (in the order the threads
    were started, the main thread first), with times counted from ``t0``.

    ``end`` is when the run ended; ``cut_at`` when recording stopped, if it stopped
    early (after ``MAX_RECORDS``): the timeline then ends there, and says so. A lane
    without an end ends with the run; a span without a stop, with its lane.
    ``describe(span)`` gives each span its ``on`` (see ``describer``)."""
    last = end if cut_at is None else cut_at
    threads, spans, prints = [], [], []
    number = 0
    for lane in lanes:
        if lane.start is None or lane.start > last:
            continue  # never ran, or only after the cut
        number += 1
        threads.append({"id": number, "name": lane.name})
        lane_end = min(end if lane.end is None else lane.end, last)
        spans += lane_spans(number, lane, lane_end, t0, describe)
        prints += [{"thread": number, "t": ms(t, t0), "text": text} for t, text in lane.prints]
    spans.sort(key=_span_order)
    prints.sort(key=_print_order)
    data = {"threads": threads, "spans": spans, "prints": prints, "end": ms(last, t0)}
    if cut_at is not None:
        data["truncated"] = {"records": MAX_RECORDS, "runEnd": ms(end, t0)}
    return data


def lane_spans(number, lane, lane_end, t0, describe):
    """The spans of thread ``number``: its waits and sleeps up to ``lane_end``, with
    running spans in the gaps.

    A wait shorter than the clock's rounding still happened and is kept; a gap that
    short did not, unless it is all the thread did."""
    result = []
    cursor = lane.start
    for span in lane.spans:
        start = span.start
        stop = lane_end if span.stop is None else min(span.stop, lane_end)
        if start > cursor:
            gap_start, gap_end = ms(cursor, t0), ms(start, t0)
            if gap_end > gap_start:
                result.append({"thread": number, "from": gap_start, "to": gap_end,
                               "state": RUNNING})
        entry = {"thread": number, "from": ms(start, t0), "to": ms(max(start, stop), t0),
                 "state": span.state, "on": describe(span)}
        if span.timed_out:
            entry["timeout"] = True
        result.append(entry)
        cursor = max(cursor, stop)
    rest_start, rest_end = ms(cursor, t0), ms(max(lane_end, cursor), t0)
    if rest_end > rest_start or not result:
        result.append({"thread": number, "from": rest_start, "to": rest_end, "state": RUNNING})
    return result


def ms(moment, t0):
    """Milliseconds from ``t0`` to ``moment`` (seconds), to the microsecond."""
    return round((moment - t0) * 1000, 3)


def _span_order(span):
    return span["from"], span["thread"]


def _print_order(item):
    return item["t"]
