"""The program's view of signals: the runtime's own are invisible to it.

The worker signals Python with SIGUSR1 (switch threads: ``preemption``) and SIGUSR2
(collect garbage: ``collector``), and their real handlers stay the runtime's. What the
program sets for them (``signal.signal``, seen again through ``signal.getsignal``) is
kept here, and runs only when the program raises the signal itself
(``signal.raise_signal``, ``os.kill`` of its own process), as on CPython, where nobody
else sends them.

As on CPython, the program's handlers run in the main thread. A signal raised in another
thread (or by ``_thread.interrupt_main``) waits for it, and runs at the main thread's
next instruction in the program's code, where CPython's main thread would run it once
back from the C code it was in (a wait, the eval loop's check): as the main thread
comes back from a preemption (``preemption``), or, from a wait, at the next instruction
of the program's frame it waits in (``sys.monitoring``). Should that frame never run
again, the runtime's next signal that finds the main thread in the program's code runs
it: meanwhile the worker is asked for one every half millisecond (SIGUSR2, whose
collection is cheap when none is due, and which never ends an explored run).
"""

import _signal
import os
import signal
import sys
from collections import deque

from . import bridge, scheduler
from .frames import calls_program_code, is_runtime

RUNTIME_SIGNALS = (signal.SIGUSR1, signal.SIGUSR2)

_real_signal = _signal.signal
_real_getsignal = _signal.getsignal
_real_raise_signal = _signal.raise_signal
_real_kill = os.kill

_program_handlers = dict.fromkeys(RUNTIME_SIGNALS, signal.SIG_DFL)
_for_main = deque()  # signals waiting for the main thread's handlers, in order
_preemptible = None  # preemption.preemptible, given at install()
_watched = None  # the main thread's frame whose next instruction runs them

TOOL = 3  # a tool id that CPython leaves free (switch_points takes 4)
_monitoring = getattr(sys, "monitoring", None)  # None on CPython before 3.12: signals do
_INSTRUCTION = _monitoring.events.INSTRUCTION if _monitoring else 0


def deliver(frame):
    """Run the signals waiting for the main thread, if it runs the program's code at
    ``frame``; called by the runtime's handlers, whatever their signal."""
    if not _for_main:
        return
    if scheduler.current_ident != scheduler.MAIN_IDENT or not _preemptible(frame):
        bridge.js.collectSoon()  # a signal again soon: the main thread may run then
        return
    _stop_watching()
    while _for_main:
        signum = _for_main.popleft()
        handler = _handler(signum)
        if callable(handler):
            handler(signum, frame)


def _handler(signum):
    if signum in _program_handlers:
        return _program_handlers[signum]
    return _real_getsignal(signum)


def _for_main_thread(signum, frame):
    """Run the program's handler for ``signum`` in the main thread: now if this is it."""
    _for_main.append(int(signum))
    deliver(frame)
    if _for_main and scheduler.current_ident != scheduler.MAIN_IDENT:
        _watch_main_thread()


def _watch_main_thread():
    """Run the signals at the main thread's next instruction in a frame not the runtime's."""
    global _watched
    frame = scheduler._main.frame  # where it waits, in the runtime
    while frame is not None and is_runtime(frame.f_code):
        if frame.f_code in _HANDLERS:
            # Preempted between two instructions: it runs them as it comes back
            # (instrumenting a frame stopped there breaks Pyodide's interpreter).
            return
        frame = frame.f_back
    if frame is None or _watched is not None or _monitoring is None:
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
        deliver(frame)


def _stop_watching():
    global _watched
    if _watched is None:
        return
    _monitoring.set_local_events(TOOL, _watched.f_code, 0)
    _monitoring.register_callback(TOOL, _INSTRUCTION, None)
    _monitoring.free_tool_id(TOOL)
    _watched = None


# The code of the runtime's signal handlers, in which a thread may be preempted.
_HANDLERS = set()


def handles_signals(function):
    """Decorator for the runtime's signal handlers."""
    _HANDLERS.add(function.__code__)
    return function


def signal_(signalnum, handler):
    """``_signal.signal``, which ``signal.signal`` calls: in the main thread only."""
    if scheduler.current_ident != scheduler.MAIN_IDENT:
        raise ValueError("signal only works in main thread of the main interpreter")
    if signalnum not in _program_handlers:
        return _real_signal(signalnum, handler)
    if handler not in (signal.SIG_DFL, signal.SIG_IGN) and not callable(handler):
        raise TypeError(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"
        )
    previous, _program_handlers[signalnum] = _program_handlers[signalnum], handler
    return previous


def getsignal(signalnum):
    """``_signal.getsignal``, which ``signal.getsignal`` calls."""
    if signalnum in _program_handlers:
        return _program_handlers[signalnum]
    return _real_getsignal(signalnum)


def raise_signal(signalnum):
    """``signal.raise_signal``: for the runtime's signals, what the program set; a
    Python handler runs in the main thread."""
    signalnum = int(signalnum)
    if signalnum in _program_handlers:
        return _raise(signalnum, sys._getframe(1))
    if scheduler.current_ident != scheduler.MAIN_IDENT and callable(_handler(signalnum)):
        return _for_main_thread(signalnum, sys._getframe(1))
    return _real_raise_signal(signalnum)


def _raise(signalnum, frame):
    handler = _program_handlers[signalnum]
    if handler == signal.SIG_DFL:
        # CPython's process is killed by the signal: the shell's status for it.
        os._exit(128 + signalnum)
    if callable(handler):
        _for_main_thread(signalnum, frame)
    return None


def kill(pid, signalnum):
    """``os.kill``: a runtime signal sent to this process is raised as ``raise_signal``."""
    if pid == os.getpid() and int(signalnum) in _program_handlers:
        return _raise(int(signalnum), sys._getframe(1))
    return _real_kill(pid, signalnum)


def interrupt_main(signum=signal.SIGINT, /):
    """``_thread.interrupt_main``: as if ``signum`` came, for the main thread."""
    if int(signum) not in signal.valid_signals():
        raise ValueError("signal number out of range")
    if callable(_handler(int(signum))):  # CPython does nothing for SIG_IGN and SIG_DFL
        _for_main_thread(int(signum), sys._getframe(1))


def install(preemptible):
    """``preemptible(frame)`` says whether the program's code runs at ``frame``; the
    runtime's handlers are set already."""
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
