"""Copies of the frames of suspended threads, safe to keep and to walk.

A suspended thread's frames can only be walked from its own stack (see
``scheduler.visit``), so reports and introspection work on these snapshots: they
offer what tracebacks and debugging code read from a frame.
"""

import sys

from . import scheduler
from .frames import is_runtime


class FrameSnapshot:
    """One frame of a copied stack; ``f_back`` is made on demand, so that dropping a
    deep stack does not recurse through a chain of objects."""

    __slots__ = ("_stack", "_index", "f_code", "f_lineno", "f_lasti", "f_globals")
    __slots__ += ("f_builtins", "f_locals", "f_trace", "f_trace_lines", "f_trace_opcodes")

    def __init__(self, stack, index):
        self._stack = stack
        self._index = index
        code, lineno, lasti, globals_, builtins, locals_ = stack[index]
        self.f_code = code
        self.f_lineno = lineno
        self.f_lasti = lasti
        self.f_globals = globals_
        self.f_builtins = builtins
        self.f_locals = locals_
        self.f_trace = None
        self.f_trace_lines = True
        self.f_trace_opcodes = False

    @property
    def f_back(self):
        index = self._index + 1
        return FrameSnapshot(self._stack, index) if index < len(self._stack) else None

    def clear(self):
        pass

    def __repr__(self):
        code = self.f_code
        return (
            f"<frame at {id(self):#x}, file {code.co_filename!r}, "
            f"line {self.f_lineno}, code {code.co_name}>"
        )


def snapshot(frame, with_runtime=False):
    """The innermost snapshot of the stack from ``frame`` out (by default without the
    runtime's frames)."""
    stack = []
    while frame is not None:
        if with_runtime or not is_runtime(frame.f_code):
            stack.append(
                (
                    frame.f_code,
                    frame.f_lineno,
                    frame.f_lasti,
                    frame.f_globals,
                    frame.f_builtins,
                    dict(frame.f_locals),
                )
            )
        frame = frame.f_back
    return FrameSnapshot(tuple(stack), 0) if stack else None


def of_thread(thread, here=None):
    """Where ``thread`` stands: its innermost frame, real if it is the caller's own
    thread (``here``), else a snapshot taken on its stack; None if it never ran."""
    if thread is scheduler.current:
        return here or sys._getframe(1)
    return scheduler.visit(thread, lambda: snapshot(thread.frame))


def of_parked(thread, reporter):
    """The stack of a parked thread from where it parked, runtime frames included.

    ``reporter`` is the parked thread whose stack the caller runs on."""
    if thread is reporter:
        return snapshot(thread.frame, with_runtime=True)
    return scheduler.visit(thread, lambda: snapshot(thread.frame, with_runtime=True))
