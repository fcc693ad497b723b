"""Tracebacks as CPython prints them: the runtime's own frames left out.

The runtime stands in for C code, which has no frames in a CPython traceback.

After the traceback of some errors that only this page's Python gives, one line more
says why: a module that is not in it (the page has Python's standard library only),
and a size past what a 32-bit Python can index.
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
        # with_traceback(), not an assignment: a JsException is a proxy of a
        # JavaScript error, and its attributes are the JavaScript object's.
        error.with_traceback(_filtered(error.__traceback__))
        pending += [error.__cause__, error.__context__]
        pending += getattr(error, "exceptions", ())
    return exc


def _is_worker_code(code):
    """A frame Pyodide made of the JavaScript under a call into JavaScript: the worker's
    own modules and Pyodide's glue (a blob), which stand for C code too. A program's
    own JavaScript (``js.eval``'d, say) is kept."""
    filename = code.co_filename
    return filename.startswith("blob:") or (
        "/assets/runner/" in filename and filename.endswith(".mjs")
    )


def _filtered(tb):
    head = last = None
    while tb is not None:
        following = tb.tb_next
        code = tb.tb_frame.f_code
        if not (is_runtime(code) or _is_worker_code(code)):
            if last is None:
                head = tb
            else:
                last.tb_next = tb
            last = tb
        tb = following
    if last is not None:
        last.tb_next = None
    return head


# PyNumber_AsSsize_t's message: an int that does not fit a size (31 bits here).
_INDEX_OVERFLOW = "cannot fit 'int' into an index-sized integer"
_NO_GUI = (
    "tkinter opens windows on a desktop; a program in this page runs inside the "
    "browser, with no desktop to open them on."
)


def why(exc):
    """The line that explains ``exc`` in this page, or None."""
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        top = exc.name.partition(".")[0]
        if top in ("tkinter", "_tkinter", "turtle", "idlelib"):
            return _NO_GUI
        if top not in sys.stdlib_module_names:
            return (
                f"{top} is not part of Python's standard library, and programs in this "
                "page have the standard library only."
            )
        return f"{top} is part of Python's standard library, but not of this page's Python."
    if isinstance(exc, OverflowError) and str(exc) == _INDEX_OVERFLOW:
        return (
            "This page's Python is 32-bit: sizes and indexes stop at 2**31 - 1, "
            "where a 64-bit Python would go on until memory runs out (MemoryError)."
        )
    return None


def print_exception(exc):
    traceback.print_exception(without_runtime_frames(exc), file=sys.stderr)
    explanation = why(exc)
    if explanation is not None:
        print(explanation, file=sys.stderr)


def cleaning_excepthook(hook):
    """Wrap ``threading.excepthook`` so thread tracebacks leave out runtime frames."""

    def excepthook(args, /):
        if args.exc_value is not None:
            without_runtime_frames(args.exc_value)
            args = args._replace(exc_traceback=args.exc_value.__traceback__)
        hook(args)
        explanation = why(args.exc_value)
        if explanation is not None and sys.stderr is not None:
            print(explanation, file=sys.stderr)

    excepthook.__doc__ = hook.__doc__
    excepthook.__name__ = hook.__name__
    excepthook.__qualname__ = hook.__qualname__
    excepthook.__module__ = hook.__module__
    return excepthook
