"""What a browser cannot do: stop the program with a message that says why.

Starting other programs or processes, opening network connections (which would also
send the reader's requests to other sites) and reading from the keyboard. The program
ends at once with the reason ``unsupported``, whichever thread tried; an exception
could be caught and hidden by the program.
"""

import builtins
import importlib.abc
import os
import sys

from . import streams

ADVICE = "run this example with a local Python."
SUBPROCESS = f"subprocess: a browser cannot start other programs; {ADVICE}"
PROCESSES = (
    f"multiprocessing: a browser runs Python in a single process and cannot start others; {ADVICE}"
)
FORK = f"os.fork(): a browser cannot copy the running Python process; {ADVICE}"
NETWORK = (
    "network: Python in this page cannot open network connections (sockets, "
    f"urllib.request, http.client); {ADVICE}"
)
INPUT = f"input(): nobody can type into a program running in this page; {ADVICE}"

_stop_program = None  # see stop_programs_with()


def stop_programs_with(stop):
    """What refusing calls: ``stop(message)`` ends the run and never returns."""
    global _stop_program
    _stop_program = stop


def _refuse(message):
    def refuse(*args, **kwargs):
        _stop_program(message)

    return refuse


class _RefusingImporter(importlib.abc.MetaPathFinder):
    """Native modules that only real processes have: importing them stops the run."""

    MODULES = {"_multiprocessing": PROCESSES, "_posixshmem": PROCESSES}

    def find_spec(self, name, path=None, target=None):
        message = self.MODULES.get(name)
        if message is not None:
            _stop_program(message)
        return None


def install():
    import socket
    import subprocess

    subprocess.Popen.__init__ = _refuse(SUBPROCESS)
    for name in ("system", "popen", "posix_spawn", "posix_spawnp"):
        setattr(os, name, _refuse(SUBPROCESS))
    for name in ("execv", "execve", "execl", "execle", "execlp", "execlpe", "execvp"):
        setattr(os, name, _refuse(SUBPROCESS))
    for name in ("execvpe", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv"):
        setattr(os, name, _refuse(SUBPROCESS))
    for name in ("spawnve", "spawnvp", "spawnvpe"):
        setattr(os, name, _refuse(SUBPROCESS))
    for name in ("fork", "forkpty"):
        setattr(os, name, _refuse(FORK))
    socket.socket.__init__ = _refuse(NETWORK)
    socket.create_connection = _refuse(NETWORK)
    socket.getaddrinfo = _refuse(NETWORK)
    socket.gethostbyname = _refuse(NETWORK)
    builtins.input = _refuse(INPUT)
    sys.stdin = streams.InputStream(_refuse(INPUT))
    sys.meta_path.insert(0, _RefusingImporter())
