"""Run a snippet and record who ran when, as timeline JSON (timeline/README.md).

    python -m timeline.record snippets/race_conditions/lost_update.py

Prints the timeline JSON on stdout. The program's own output goes to stderr, so that the
two never mix. Exits with the program's status: non-zero if it raised.

Before the program runs, the recorder wraps what a thread can block on:

- `threading.Lock`, `threading.RLock` and `threading._allocate_lock`. Condition, Event,
  Semaphore, Barrier and queue.Queue build on these (`Condition.wait()` allocates its
  waiter with `_allocate_lock`), so their waits show too;
- `queue.SimpleQueue`, where the workers of a ThreadPoolExecutor wait for tasks;
- `Thread.join()` and `Thread.start()`, which wait on locks made in C;
- `time.sleep()`; and `print()`, for the moments a thread printed.

A wait is named after the call the program made: the frame called from the snippet's
own code (`Queue.get()`, `Event.wait()`, `with Lock`), and placed at the snippet's line,
as `naming` (shared with the browser runtime) names it.
Between its waits and sleeps a thread is "running", which with the GIL means runnable:
running, or ready to run as soon as it gets the GIL.
"""

from __future__ import annotations

import _thread
import ast
import builtins
import importlib
import json
import os
import pkgutil  # noqa: F401  (runpy loads it when the program starts)
import queue
import runpy
import sys
import threading
import time
import traceback
from types import GenericAlias

if not __package__:
    # Run as a file (python timeline/record.py): the folder above comes first, so that
    # `timeline` is this file's own package, as with python -m timeline.record.
    _folder = os.path.dirname(os.path.realpath(__file__))
    if sys.path and os.path.realpath(sys.path[0]) == _folder:
        sys.path[0] = os.path.dirname(_folder)

from timeline import naming  # noqa: E402

RECORDER_FILE = __file__
_real_allocate_lock = _thread.allocate_lock
_real_rlock = threading.RLock
_real_simple_queue = queue.SimpleQueue
_real_sleep = time.sleep
_real_print = builtins.print
_real_start = threading.Thread.start
_real_join = threading.Thread.join
_now = time.perf_counter

_local = _thread._local()  # .lane: the Lane of the current thread, while it is traced
_lanes_lock = _real_allocate_lock()  # the recorder's own lock, never traced


class Recording:
    """The lanes of a run, one per thread (naming.Lane), in seconds of ``_now()``."""

    def __init__(self, snippet: str) -> None:
        self.snippet = os.path.abspath(snippet)
        self.lanes: list[naming.Lane] = []
        self.t0 = _now()

    def restart_clock(self) -> None:
        """Time 0 is now, for the main thread, the only one so far."""
        self.t0 = _now()
        for lane in self.lanes:
            lane.start, lane.spans, lane.prints, lane.last_call = self.t0, [], [], None

    def new_lane(self, thread: threading.Thread) -> naming.Lane:
        with _lanes_lock:
            lane = naming.Lane(thread, thread.name)
            self.lanes.append(lane)
            return lane


_recording: Recording | None = None


# --- naming a wait ------------------------------------------------------------------

# Wrappers whose own names would mislead: the reader's code called Thread.start().
_CALL_NAMES: dict = {}
_kinds: dict = {}  # code -> naming.USER (the snippet's), LIBRARY or OWN (the recorder's)


def _kind(code) -> str:
    snippet = _recording.snippet if _recording else ""
    filename = code.co_filename
    kind = (
        naming.USER if filename == snippet
        else naming.OWN if filename == RECORDER_FILE
        else naming.LIBRARY
    )
    _kinds[code] = kind
    return kind


def _record(start: float, end: float, state: str, timed_out: bool = False,
            seconds: float | None = None) -> None:
    """Record a wait, or the sleep of ``seconds``, made by the wrapper that calls this."""
    lane = getattr(_local, "lane", None)
    if lane is None or lane.end is not None:  # not started by the program, or ended
        return
    frame, call, place = naming.find_call(sys._getframe(1), _kinds, _kind)
    span = lane.span_of_same_call(frame, state)
    if span is not None:
        span.stop, span.timed_out = end, timed_out
        return
    if state == naming.SLEEPING:
        call = seconds
    lane.spans.append(naming.Span(start, state, call, place, stop=end, timed_out=timed_out))
    lane.last_call = frame


def _wait(acquire, blocking: bool = True, timeout: float = -1) -> bool:
    """Acquire, recording a wait only if the lock was not free."""
    if not blocking:
        return acquire(False)
    if acquire(False):
        return True
    start = _now()
    got = acquire(True, timeout)
    _record(start, _now(), naming.WAITING, timed_out=not got)
    return got


# --- the wrapped primitives -----------------------------------------------------------


class Lock:
    """threading.Lock, with waits recorded."""

    def __init__(self) -> None:
        self._lock = _real_allocate_lock()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return _wait(self._lock.acquire, blocking, timeout)

    def __enter__(self) -> bool:
        return _wait(self._lock.acquire)

    def __exit__(self, *exc_info: object) -> None:
        self._lock.release()

    def release(self) -> None:
        self._lock.release()

    def __getattr__(self, name: str):  # locked(), _at_fork_reinit()…
        return getattr(self._lock, name)

    def __repr__(self) -> str:
        return repr(self._lock)


class RLock(Lock):
    """threading.RLock, with waits recorded, including Condition's re-acquire."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self._lock = _real_rlock(*args, **kwargs)

    def _is_owned(self) -> bool:
        return self._lock._is_owned()

    def _release_save(self):
        return self._lock._release_save()

    def _acquire_restore(self, state) -> None:
        # No non-blocking form: try the lock first, so only a real wait is recorded.
        if self._lock.acquire(False):
            self._lock.release()
            self._lock._acquire_restore(state)
            return
        start = _now()
        self._lock._acquire_restore(state)
        _record(start, _now(), naming.WAITING)


class SimpleQueue:
    """queue.SimpleQueue, with waits in get() recorded."""

    __class_getitem__ = classmethod(GenericAlias)

    def __init__(self) -> None:
        self._queue = _real_simple_queue()

    def get(self, block: bool = True, timeout: float | None = None):
        if block:
            try:
                return self._queue.get(False)
            except queue.Empty:
                pass
            start = _now()
            try:
                item = self._queue.get(True, timeout)
            except queue.Empty:
                _record(start, _now(), naming.WAITING, timed_out=True)
                raise
            _record(start, _now(), naming.WAITING)
            return item
        return self._queue.get(False)

    def get_nowait(self):
        return self._queue.get(False)

    def put(self, item: object, block: bool = True, timeout: float | None = None) -> None:
        self._queue.put(item)

    def put_nowait(self, item: object) -> None:
        self._queue.put(item)

    def empty(self) -> bool:
        return self._queue.empty()

    def qsize(self) -> int:
        return self._queue.qsize()


def _start(self: threading.Thread) -> None:
    if (
        _recording is None
        or not getattr(self, "_initialized", True)
        or getattr(self, "_timeline_lane", None) is not None
    ):
        return _real_start(self)  # raises, as it would without the recorder
    lane = _recording.new_lane(self)  # before the thread runs: lanes in start order
    self._timeline_lane = lane
    run = self.run

    def traced_run() -> None:
        _local.lane = lane
        lane.start = _now()
        try:
            run()
        finally:
            # The lane stays set: threading.excepthook may still print in this thread.
            lane.end, lane.name = _now(), self.name

    self.run = traced_run
    _real_start(self)  # its wait for the new thread to begin is an Event's: recorded


def _join(self: threading.Thread, timeout: float | None = None) -> None:
    if not self.is_alive():
        return _real_join(self, timeout)
    start = _now()
    _real_join(self, timeout)  # raises at once for the current thread: nothing waited
    _record(start, _now(), naming.WAITING, timed_out=self.is_alive())


def _sleep(seconds: float) -> None:
    start = _now()
    _real_sleep(seconds)
    _record(start, _now(), naming.SLEEPING, seconds=seconds)


def _print(*args: object, sep: str | None = " ", end: str | None = "\n", file=None,
           flush: bool = False) -> None:
    if sep is not None and not isinstance(sep, str):
        return _real_print(*args, sep=sep, end=end, file=file, flush=flush)  # raises
    text = (" " if sep is None else sep).join(map(str, args))
    lane = getattr(_local, "lane", None)
    if lane is not None and (file is None or file is sys.stdout):
        lane.prints.append((_now(), text))
    _real_print(text, end=end, file=file, flush=flush)
    if lane is not None and lane.end is not None:  # printed by excepthook, after run()
        lane.end = max(lane.end, _now())


_CALL_NAMES.update({_start.__code__: "Thread.start()", _join.__code__: "Thread.join()"})


def install(snippet: str) -> Recording:
    global _recording
    _recording = Recording(snippet)
    threading.Lock = Lock
    threading._allocate_lock = Lock
    threading.RLock = RLock
    queue.SimpleQueue = SimpleQueue
    threading.Thread.start = _start
    threading.Thread.join = _join
    time.sleep = _sleep
    builtins.print = _print
    main = threading.main_thread()
    lane = _recording.new_lane(main)
    main._timeline_lane = lane
    _local.lane = lane
    lane.start = _now()
    return _recording


def preimport(snippet: str) -> None:
    """Load the standard-library modules the snippet imports at its top level.

    Loading `concurrent.futures` takes longer than most of the programs here run: done
    first, after the primitives are wrapped, it does not crowd the picture.
    """
    with open(snippet, encoding="utf-8") as file:
        tree = ast.parse(file.read())
    for node in tree.body:
        if isinstance(node, ast.Import):
            modules = [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules = [(node.module, [alias.name for alias in node.names])]
        else:
            continue
        for name, attributes in modules:
            if name.partition(".")[0] not in sys.stdlib_module_names:
                continue
            module = importlib.import_module(name)
            for attribute in attributes:
                getattr(module, attribute, None)  # a package may load it lazily


# --- the JSON -------------------------------------------------------------------------


def timeline(recording: Recording, end: float) -> dict:
    """The recording in the timeline format, with running spans filling the gaps."""
    describe = naming.describer(calls=_CALL_NAMES)
    return naming.timeline(recording.lanes, recording.t0, end, describe)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    snippet = argv[1]
    # stdout carries the JSON; the program's own output goes to stderr.
    json_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(2, 1)
    sys.argv = [snippet]
    sys.path[0] = os.path.dirname(os.path.abspath(snippet))
    recording = install(snippet)
    status = 0
    try:
        preimport(recording.snippet)
        recording.restart_clock()
        runpy.run_path(recording.snippet, run_name="__main__")
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    except BaseException:
        traceback.print_exc()
        status = 1
    recording.lanes[0].end = _now()
    # As at interpreter exit: wait for the threads the program left running.
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            _real_join(thread)
    sys.stdout.flush()
    json.dump(timeline(recording, _now()), json_out, separators=(",", ":"))
    json_out.write("\n")
    json_out.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
