"""Tracebacks as CPython prints them: the runtime's own frames left out.

The runtime stands in for C code, which has no frames in a CPython traceback.
"""

import sys
import traceback

from .frames import is_runtime


def without_runtime_frames(exc):
    """Drop the runtime's frames from ``exc``'s traceback and its chained ones."""
    seen = set()
    pending = [exc]
    while pending:
        error = pending.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        error.__traceback__ = _filtered(error.__traceback__)
        pending += [error.__cause__, error.__context__]
        pending += getattr(error, "exceptions", ())
    return exc


def _filtered(tb):
    head = last = None
    while tb is not None:
        following = tb.tb_next
        if not is_runtime(tb.tb_frame.f_code):
            if last is None:
                head = tb
            else:
                last.tb_next = tb
            last = tb
        tb = following
    if last is not None:
        last.tb_next = None
    return head


def print_exception(exc):
    traceback.print_exception(without_runtime_frames(exc), file=sys.stderr)


def cleaning_excepthook(hook):
    """Wrap ``threading.excepthook`` so thread tracebacks leave out runtime frames."""

    def excepthook(args, /):
        if args.exc_value is not None:
            without_runtime_frames(args.exc_value)
            args = args._replace(exc_traceback=args.exc_value.__traceback__)
        return hook(args)

    excepthook.__doc__ = hook.__doc__
    excepthook.__name__ = hook.__name__
    excepthook.__qualname__ = hook.__qualname__
    excepthook.__module__ = hook.__module__
    return excepthook
