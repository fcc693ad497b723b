"""Whose code a frame runs: the runtime's, the standard library's or the reader's."""

import os

RUNTIME_DIR = os.path.dirname(__file__) + os.sep
STDLIB_DIR = os.path.dirname(os.__file__) + os.sep  # also holds Pyodide's own modules


# The names the reader knows for the runtime's classes (on CPython they are C types)
# and for the modules whose functions the runtime replaces: for reports and timelines.
READER_CLASS_NAMES = {"lock": "Lock", "_ThreadHandle": "Thread"}
READER_MODULE_NAMES = {"webthreads.green_asyncio": "asyncio"}


# The code of the runtime's functions that call the program's code (a thread's target,
# a ``local``'s ``__init__``, ``str()`` of what is printed): below them the program's
# code is the program's again, and may be preempted (see ``preemption``).
PROGRAM_CODE_CALLERS = set()


def calls_program_code(function):
    """Decorator for such a function of the runtime's."""
    PROGRAM_CODE_CALLERS.add(function.__code__)
    return function


def is_runtime(code):
    return code.co_filename.startswith(RUNTIME_DIR)


def is_user(code):
    """The reader's program (``main.py``) or anything else not part of Python."""
    filename = code.co_filename
    return not (
        filename.startswith(RUNTIME_DIR)
        or filename.startswith(STDLIB_DIR)
        or filename.startswith("<frozen ")
    )
