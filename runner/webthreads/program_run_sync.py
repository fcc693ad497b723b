"""A program's own ``pyodide.ffi.run_sync``: Pyodide's, except that a failure of what it
waits for is only raised in the program.

Pyodide's ``run_sync`` prints the exception of a rejected promise or a failed coroutine
on stderr, then raises it: a program that catches it still shows a traceback, which no
program on CPython would. Here what the program waits for is wrapped in a coroutine
that never fails (it returns the outcome), and the exception is raised afterwards, with
its own traceback. The runtime keeps Pyodide's own (``compat.run_sync``).
"""

import inspect
import sys

from .frames import calls_program_code


def install():
    ffi = sys.modules.get("pyodide.ffi")
    if ffi is None or not hasattr(ffi, "run_sync"):
        return
    pyodides = ffi.run_sync

    def run_sync(awaitable):
        if not inspect.isawaitable(awaitable):
            return pyodides(awaitable)  # its own TypeError
        succeeded, outcome = pyodides(_settled(awaitable))
        if succeeded:
            return outcome
        raise outcome

    run_sync.__doc__ = pyodides.__doc__
    run_sync.__module__ = "pyodide.ffi"
    ffi.run_sync = run_sync


@calls_program_code  # what it awaits is the program's own: preemptible as before
async def _settled(awaitable):
    try:
        return True, await awaitable
    except BaseException as error:  # handed to the program by run_sync
        return False, error
