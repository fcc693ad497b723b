"""The program's view of signals: the runtime's own are invisible to it.

The worker signals Python with SIGUSR1 (switch threads: ``preemption``) and SIGUSR2
(collect garbage: ``collector``). Their real handlers stay the runtime's; what the
program sets for them (``signal.signal``, seen again through ``signal.getsignal``) runs
only when the program raises the signal itself (``signal.raise_signal``, ``os.kill``
of its own process), as on CPython, where nobody else sends them.

As on CPython, a signal's handler runs in the main thread: raised from another thread
(or by ``_thread.interrupt_main``), it waits for the main thread, which runs it at its
next instruction outside the runtime, where CPython's main thread would run it once
back from the C code it was in (its wait, or the eval loop's check). That instruction
is watched with ``sys.monitoring``; the worker's next signals that find the main
thread in the program's code run it too, should that frame never run again.
"""

import _signal
import os
import signal
import sys
from collections import deque

from . import bridge, scheduler
from .frames import calls_program_code, is_runtime

TOOL = 3  # a tool id that CPython leaves free (switch_points takes 4)
_monitoring = sys.monitoring
_INSTRUCTION = _monitoring.events.INSTRUCTION

_real_signal = _signal.signal
_real_getsignal = _signal.getsignal
_real_raise_signal = _signal.raise_signal
_real_kill = os.kill

_runtime_handlers = {}  # signal number: the runtime's handler, and how to ask again
_in_handler = set()  # the threads inside one of the runtime's handlers
_program_handlers = {}  # signal number: what the program set for it (SIG_DFL at first)
_for_main = deque()  # signals raised for the main thread's handlers, in order
_preemptible = None  # preemption.preemptible, given at install()
_watched = None  # the main thread's frame whose next instruction runs them


def take(signum, handler, ask_again):
    """Make ``signum`` the runtime's, handled by ``handler(signum, frame)``;
    ``ask_again()`` asks the worker for the signal again soon."""
    _runtime_handlers[signum] = handler, ask_again
    _program_handlers.setdefault(signum, signal.SIG_DFL)
    _real_signal(signum, _on_runtime_signal)


@calls_program_code
def _on_runtime_signal(signum, frame):
    handler, ask_again = _runtime_handlers[signum]
    me = scheduler.current_ident
    if me in _in_handler:
        # A signal inside a handler (time slices shorter than a handler runs): once it
        # has run, not deeper, where each signal would come inside the last one's
        # handler until the browser's stack ran out.
        ask_again()
        return
    # Signals for the main thread first (the program's handlers: the program's code,
    # preemptible), then the runtime's own, which may switch threads.
    if _for_main:
        _run_for_main(frame)
    _in_handler.add(me)
    try:
        handler(signum, frame)
    finally:
        _in_handler.discard(me)


def _handler(signum):
    if signum in _program_handlers:
        return _program_handlers[signum]
    return _real_getsignal(signum)


@calls_program_code
def _run_for_main(frame):
    if scheduler.current_ident != scheduler.MAIN_IDENT or not _preemptible(frame):
        bridge.js.collectSoon()  # a signal again soon: the main thread may run then
        return
    _stop_watching()
    while _for_main:
        signum = _for_main.popleft()
        handler = _handler(signum)
        if callable(handler):
            handler(signum, frame)


@calls_program_code
def _for_main_thread(signum, frame):
    """Run the program's handler for ``signum`` in the main thread: now if this is it."""
    if scheduler.current_ident == scheduler.MAIN_IDENT:
        _for_main.append(int(signum))
        _run_for_main(frame)
    else:
        _for_main.append(int(signum))
        bridge.js.collectSoon()
        _watch_main_thread()


def _watch_main_thread():
    """Run the signals at the main thread's next instruction in a frame not the runtime's."""
    global _watched
    frame = scheduler._main.frame  # where it parked or gave way, in the runtime
    while frame is not None and is_runtime(frame.f_code):
        if frame.f_code is _on_runtime_signal.__code__:
            # Preempted between two instructions: the worker's next signals will do
            # (instrumenting a frame stopped there breaks Pyodide's interpreter).
            return
        frame = frame.f_back
    if frame is None or _watched is not None:
        return
    try:
        _monitoring.use_tool_id(TOOL, "webthreads signals")
    except ValueError:
        return  # the program's own tool has it: the worker's signals will do
    _watched = frame
    _monitoring.register_callback(TOOL, _INSTRUCTION, _at_instruction)
    _monitoring.set_local_events(TOOL, frame.f_code, _INSTRUCTION)


@calls_program_code
def _at_instruction(code, offset):
    frame = sys._getframe(1)
    if frame is _watched and scheduler.current_ident == scheduler.MAIN_IDENT:
        _run_for_main(frame)


def _stop_watching():
    global _watched
    if _watched is None:
        return
    _monitoring.set_local_events(TOOL, _watched.f_code, 0)
    _monitoring.register_callback(TOOL, _INSTRUCTION, None)
    _monitoring.free_tool_id(TOOL)
    _watched = None


def signal_(signalnum, handler):
    """``_signal.signal``, which ``signal.signal`` calls."""
    if signalnum not in _program_handlers:
        return _real_signal(signalnum, handler)
    if handler not in (signal.SIG_DFL, signal.SIG_IGN) and not callable(handler):
        raise TypeError(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"
        )
    if scheduler.current_ident != scheduler.MAIN_IDENT:
        raise ValueError("signal only works in main thread of the main interpreter")
    previous, _program_handlers[signalnum] = _program_handlers[signalnum], handler
    return previous


def getsignal(signalnum):
    """``_signal.getsignal``, which ``signal.getsignal`` calls."""
    if signalnum in _program_handlers:
        return _program_handlers[signalnum]
    return _real_getsignal(signalnum)


@calls_program_code
def raise_signal(signalnum):
    """``signal.raise_signal``: the handler runs in the main thread, as on CPython."""
    return _raise(signalnum, sys._getframe(1))


@calls_program_code
def kill(pid, signalnum):
    """``os.kill``: to this process, a signal raised as ``raise_signal`` does."""
    if pid == os.getpid() and (signalnum in _program_handlers or callable(_handler(signalnum))):
        return _raise(signalnum, sys._getframe(1))
    return _real_kill(pid, signalnum)


@calls_program_code
def _raise(signalnum, frame):
    handler = _handler(signalnum)
    if signalnum not in _program_handlers and (
        scheduler.current_ident == scheduler.MAIN_IDENT or not callable(handler)
    ):
        return _real_raise_signal(signalnum)
    if callable(handler):
        _for_main_thread(signalnum, frame)
    return None


@calls_program_code
def interrupt_main(signum=signal.SIGINT):
    """``_thread.interrupt_main``: as if ``signum`` came, for the main thread."""
    if signum not in signal.valid_signals():
        raise ValueError("signal number out of range")
    if callable(_handler(signum)):  # CPython does nothing for SIG_IGN and SIG_DFL
        _for_main_thread(signum, sys._getframe(1))


def install(preemptible):
    """``preemptible(frame)`` says whether the program's code runs at ``frame``."""
    global _preemptible
    _preemptible = preemptible
    for name, function in (
        ("signal", signal_),
        ("getsignal", getsignal),
        ("raise_signal", raise_signal),
    ):
        function.__doc__ = getattr(_signal, name).__doc__
        function.__name__ = function.__qualname__ = name
        setattr(_signal, name, function)
    signal.raise_signal = raise_signal
    kill.__doc__ = os.kill.__doc__
    os.kill = kill
