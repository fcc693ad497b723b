"""The replacement ``_thread`` module, built on green threads.

It offers what the standard library's ``threading.py`` (3.14) takes from the C module:
joinable threads and their handles, locks, identities and ``_shutdown``. Its
``_excepthook`` is left out on purpose: ``threading`` then uses its own Python
version, which prints the same report.
"""

import sys
import traceback
import types
from collections import deque
from functools import partial

from . import scheduler, signal_module, thread_local, timeline
from .frames import calls_program_code
from .locks import TIMEOUT_MAX, RLock, lock

_non_daemon = set()  # handles of the threads that _shutdown() waits for
_stack_size = 0

# Live threads at most, main included. Each green thread's stack is a few memory
# mappings of the browser's, and Chromium's renderer dies (the whole tab with it) when
# the process runs out of them: at about 22,000 live threads with Linux's default of
# 65,530 mappings, fewer where each thread's stack is deep. CPython raises
# RuntimeError when the operating system refuses a thread; here, well before the tab
# would die.
MAX_LIVE_THREADS = 10_000


def _make_room():
    """Raise CPython's error if another thread would be one too many."""
    # scheduler._threads holds every thread not yet done; threads() would copy it.
    if len(scheduler._threads) >= MAX_LIVE_THREADS:
        raise RuntimeError("can't start new thread")


class _ThreadHandle:
    """What a thread's creator keeps to join it."""

    __slots__ = ("_ident", "_done", "_joiners", "_started", "__weakref__")

    def __init__(self):
        self._ident = None
        self._done = False
        self._joiners = deque()  # a wait queue
        self._started = False

    @property
    def ident(self):
        return self._ident

    def is_done(self):
        return self._done

    def _set_done(self):
        self._done = True
        _non_daemon.discard(self)
        scheduler.wake_all(self._joiners)

    def join(self, timeout=None):
        if self._done:
            return
        if not self._started:
            raise RuntimeError("thread not started")
        if self._ident == scheduler.current_ident:
            raise RuntimeError("Cannot join current thread")
        deadline = None if timeout is None else scheduler.deadline_after(max(timeout, 0))
        while not self._done:
            if not scheduler.park(self, deadline, self._joiners):
                return

    def __repr__(self):
        return f"<_thread._ThreadHandle object: ident={self._ident}>"


_ThreadHandle.__module__ = "_thread"


def _make_thread_handle(ident):
    handle = _ThreadHandle()
    handle._ident = ident
    handle._started = True
    return handle


@calls_program_code
def _run(function, args, kwargs, handle):
    try:
        function(*args, **kwargs)
    except SystemExit:
        pass
    except BaseException as exc:
        # What CPython reports for an exception that escapes a raw thread.
        print(f"Exception ignored in thread started by: {function!r}", file=sys.stderr)
        traceback.print_exception(exc, file=sys.stderr)
    finally:
        timeline.thread_ended(handle._ident)
        thread_local.forget_thread(handle._ident)
        handle._set_done()


def start_joinable_thread(function, handle=None, daemon=True):
    if handle is None:
        handle = _ThreadHandle()
    elif handle._started:
        raise RuntimeError("thread already started")
    _make_room()
    handle._started = True
    thread = scheduler.spawn(partial(_run, function, (), {}, handle), daemon)
    handle._ident = thread.ident
    # threading starts a thread with its bound _bootstrap method: the Thread is there.
    timeline.thread_created(thread.ident, getattr(function, "__self__", None))
    if not daemon:
        _non_daemon.add(handle)
    return handle


def start_new_thread(function, args, kwargs=None):
    if not callable(function):
        raise TypeError("first arg must be callable")
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    _make_room()
    handle = _make_thread_handle(None)
    thread = scheduler.spawn(partial(_run, function, args, kwargs or {}, handle), True)
    handle._ident = thread.ident
    timeline.thread_created(thread.ident, None)
    return thread.ident


def _shutdown():
    """Wait for every non-daemon thread, as the interpreter does at exit."""
    me = scheduler.current_ident
    while True:
        pending = [h for h in _non_daemon if not h._done and h._ident != me]
        if not pending:
            return
        pending[0].join()


def allocate_lock():
    return lock()


def get_ident():
    return scheduler.current_ident


def get_native_id():
    return scheduler.current_ident


def _get_main_thread_ident():
    return scheduler.MAIN_IDENT


def _is_main_interpreter():
    return True


def daemon_threads_allowed():
    return True


def _count():
    return len(scheduler.threads()) - 1


def stack_size(size=0):
    global _stack_size
    if size != 0 and size < 32768:
        raise ValueError(f"size not valid: {size} bytes")
    previous, _stack_size = _stack_size, size
    return previous


def set_name(name):
    pass  # there is no operating-system thread to name


def exit():
    raise SystemExit


_EXPORTS = {
    "LockType": lock,
    "lock": lock,
    "RLock": RLock,
    "_local": thread_local._local,
    "_ThreadHandle": _ThreadHandle,
    "_make_thread_handle": _make_thread_handle,
    "start_joinable_thread": start_joinable_thread,
    "start_new_thread": start_new_thread,
    "start_new": start_new_thread,
    "_shutdown": _shutdown,
    "allocate_lock": allocate_lock,
    "allocate": allocate_lock,
    "get_ident": get_ident,
    "get_native_id": get_native_id,
    "_get_main_thread_ident": _get_main_thread_ident,
    "_is_main_interpreter": _is_main_interpreter,
    "daemon_threads_allowed": daemon_threads_allowed,
    "_count": _count,
    "stack_size": stack_size,
    "set_name": set_name,
    "exit": exit,
    "exit_thread": exit,
    "interrupt_main": signal_module.interrupt_main,
    "error": RuntimeError,
    "TIMEOUT_MAX": TIMEOUT_MAX,
}


def make_module():
    """A fresh module object to put in ``sys.modules["_thread"]``."""
    module = types.ModuleType("_thread", "Green threads for Python in a browser.")
    module.__dict__.update(_EXPORTS)
    return module
