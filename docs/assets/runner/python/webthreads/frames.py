"""Whose code a frame runs: the runtime's, the standard library's or the reader's."""

import os

RUNTIME_DIR = os.path.dirname(__file__) + os.sep
STDLIB_DIR = os.path.dirname(os.__file__) + os.sep  # also holds Pyodide's own modules


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
