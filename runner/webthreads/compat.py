"""The private APIs of Pyodide and CPython that the runtime uses, behind one door.

Each entry says what it is and why the runtime needs it, so that a Pyodide or CPython
upgrade means reading this file. Outside a browser (the unit tests, on CPython) there
is no stack switching: ``switch_stacks_with`` plugs in a stand-in, and every module
looks ``run_sync`` and ``can_run_sync`` up here when it calls them.

Not here, because the runtime implements them rather than calls them: the names
``threading.py`` takes from ``_thread`` (``thread_module``), the lock methods
``threading.Condition`` calls (``_release_save``, ``_acquire_restore``, ``_is_owned``,
in ``locks``) and ``sys._current_frames`` (``introspection``). Nor ``sys._getframe``,
which CPython keeps stable and the runtime calls where it needs a frame.
"""

import asyncio
import atexit
import sys

try:
    import pyodide.ffi as _ffi
except ModuleNotFoundError:  # CPython outside a browser
    _ffi = None


def _no_stack_switching(*args):
    raise RuntimeError("no stack switching outside Pyodide: see compat.switch_stacks_with")


# pyodide.ffi.run_sync(future): suspends the running stack (JSPI) until the future is
# done, and returns its result. Every switch between green threads goes through it.
run_sync = _ffi.run_sync if _ffi else _no_stack_switching

# pyodide.ffi.can_run_sync(): whether the running code is on a stack that run_sync can
# suspend (not when JavaScript called Python plainly, as the worker calls on_timer).
can_run_sync = _ffi.can_run_sync if _ffi else bool  # bool(): False


def switch_stacks_with(run_sync_stand_in, can_run_sync_stand_in):
    """Use these instead of Pyodide's (unit tests: greenlets stand in for JSPI)."""
    global run_sync, can_run_sync
    run_sync = run_sync_stand_in
    can_run_sync = can_run_sync_stand_in


# asyncio._get_running_loop() and _set_running_loop(loop): the running loop is one for
# every stack, since they share a thread state; each green thread keeps its own (None
# for a new one, or asyncio.run() would refuse to start in it).
get_running_loop = asyncio._get_running_loop
set_running_loop = asyncio._set_running_loop


class _ImmediateLoop:
    """The loop of the futures that threads park on: callbacks run at once.

    ``asyncio.Future`` needs a loop, and of it only three methods, which is asyncio's
    implementation detail: ``get_debug()`` when the future is made, ``call_soon`` for
    each done callback and ``call_exception_handler`` for an exception never retrieved
    (there is none here). The only callback is Pyodide's, which resolves the promise
    ``run_sync`` waits on and needs no context: running it at once makes a switch cost
    one JavaScript microtask instead of several trips through Pyodide's event loop."""

    get_debug = bool  # called with no argument: False

    def call_soon(self, callback, *args, context=None):
        callback(*args)

    def call_exception_handler(self, context):
        pass


IMMEDIATE_LOOP = _ImmediateLoop()


class EventLoopOnSelector(asyncio.BaseEventLoop):
    """An asyncio event loop that waits with a selector of the runtime's own.

    ``BaseEventLoop`` leaves its waiting to three private hooks, which
    ``BaseSelectorEventLoop`` fills for real file descriptors: ``_run_once`` waits in
    ``self._selector.select(timeout)`` and hands what it returns to
    ``self._process_events``, and ``call_soon_threadsafe`` wakes a waiting ``select``
    with ``self._write_to_self()``. ``selector`` has ``select(timeout)``, ``wake()``
    and ``close()``; it watches no file descriptors, so there are no events."""

    def __init__(self, selector):
        super().__init__()
        self._selector = selector

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        self._selector.wake()


def threading_thread(ident):
    """The ``threading.Thread`` running as ``ident``, or None (started without
    ``threading``): ``threading._active`` maps idents to running threads."""
    return sys.modules["threading"]._active.get(ident)


def shutdown_threading():
    """``threading._shutdown()``: what the interpreter calls at exit, waiting for the
    non-daemon threads."""
    sys.modules["threading"]._shutdown()


# atexit._run_exitfuncs(): runs the functions registered with atexit, as the
# interpreter does at exit; the program's run ends without the interpreter exiting.
run_exit_functions = atexit._run_exitfuncs
