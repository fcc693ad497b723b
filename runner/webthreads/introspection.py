"""``sys._current_frames()`` and ``faulthandler.dump_traceback()`` for green threads.

CPython's versions look at the interpreter's thread states; here the threads are the
scheduler's (and walking the thread states of suspended stacks crashes Pyodide). A
thread that is not running is shown where it stopped (see ``stacks``), without the
runtime's frames.
"""

import faulthandler
import os
import sys

from . import scheduler, stacks
from .frames import is_runtime


def current_frames():
    """Thread ident -> the thread's innermost frame (a snapshot for other threads)."""
    here = sys._getframe(1)
    frames = {}
    for thread in scheduler.threads():
        frame = stacks.of_thread(thread, here)
        if frame is not None:
            frames[thread.ident] = frame
    return frames


def _stack_lines(frame):
    lines = []
    while frame is not None:
        if not is_runtime(frame.f_code):
            code = frame.f_code
            lines.append(f'  File "{code.co_filename}", line {frame.f_lineno} in {code.co_name}')
        frame = frame.f_back
    return lines


def dump_traceback(file=None, all_threads=True):
    """What CPython's faulthandler prints: each thread's stack, innermost call first."""
    me = scheduler.current
    here = sys._getframe(1)
    blocks = []
    threads = reversed(scheduler.threads()) if all_threads else [me]
    for thread in threads:
        frame = stacks.of_thread(thread, here)
        if not all_threads:
            header = "Stack (most recent call first):"
        else:
            kind = "Current thread" if thread is me else "Thread"
            header = f"{kind} 0x{thread.ident:016x} (most recent call first):"
        blocks.append("\n".join([header, *(_stack_lines(frame) or ["  <no Python frame>"])]))
    _write(file, "\n\n".join(blocks) + "\n")


def _write(file, text):
    if file is None:
        file = sys.stderr
    if isinstance(file, int):
        os.write(file, text.encode())
        return
    try:
        descriptor = file.fileno()
    except (AttributeError, OSError, ValueError):
        file.write(text)  # sys.stderr here is a Python stream without a descriptor
        return
    file.flush()
    os.write(descriptor, text.encode())


def install():
    sys._current_frames = current_frames
    faulthandler.dump_traceback = dump_traceback
