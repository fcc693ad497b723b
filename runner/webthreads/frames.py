"""Whose code a frame runs: the runtime's, the standard library's or the reader's."""

import os

RUNTIME_DIR = os.path.dirname(__file__) + os.sep
STDLIB_DIR = os.path.dirname(os.__file__) + os.sep  # also holds Pyodide's own modules


# The names the reader knows for the runtime's classes (on CPython they are C types)
# and for the modules whose functions the runtime replaces: for reports and timelines.
READER_CLASS_NAMES = {"lock": "Lock", "_ThreadHandle": "Thread"}
READER_MODULE_NAMES = {"webthreads.green_asyncio": "asyncio"}


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
