"""What a browser cannot do: stop the program with a message that says why.

Starting other programs or processes, opening network connections (which would also
send the reader's requests to other sites) and reading from the keyboard. The program
ends at once with the reason ``unsupported``, whichever thread tried; an exception
could be caught and hidden by the program.

What ``multiprocessing`` does with threads only (``multiprocessing.pool.ThreadPool``,
``multiprocessing.dummy``) works as on CPython; starting a process, or what needs one
(the locks and queues that processes share), is refused.
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
    """Modules that only real processes use: importing them stops the run.

    ``_multiprocessing`` is not among them: ``multiprocessing.connection`` tries it and
    does without, and ``multiprocessing.pool`` (ThreadPool's module) imports that."""

    MODULES = {
        "_posixshmem": PROCESSES,
        "multiprocessing.synchronize": PROCESSES,  # locks shared between processes
        "multiprocessing.managers": PROCESSES,
        "multiprocessing.shared_memory": PROCESSES,
        "multiprocessing.sharedctypes": PROCESSES,
        "multiprocessing.resource_tracker": PROCESSES,
        "multiprocessing.forkserver": PROCESSES,
    }

    def find_spec(self, name, path=None, target=None):
        message = self.MODULES.get(name)
        if message is not None:
            _stop_program(message)
        return None


class _ChangeNotifier:
    """The ``multiprocessing.SimpleQueue`` by which a ThreadPool wakes the thread that
    looks after its workers. CPython's is a pipe with locks shared between processes;
    between threads, a list and a condition do. It is its own reader, the object that
    ``multiprocessing.connection.wait`` is given."""

    _changed = None  # a threading.Condition, shared by every notifier

    def __init__(self):
        import threading

        if _ChangeNotifier._changed is None:
            _ChangeNotifier._changed = threading.Condition()
        self._items = []
        self._reader = self

    def put(self, obj):
        with self._changed:
            self._items.append(obj)
            self._changed.notify_all()

    def get(self):
        with self._changed:
            self._changed.wait_for(self._has_items)
            return self._items.pop(0)

    def empty(self):
        return not self._items

    def _has_items(self):
        return bool(self._items)


class _ThreadsOnly:
    """The ``multiprocessing`` context of a ThreadPool: what its ``Pool.__init__`` asks
    of a context (a SimpleQueue) made for threads."""

    SimpleQueue = _ChangeNotifier


def _waiting_for_notifiers(wait):
    """``multiprocessing.connection.wait``, which also waits for change notifiers."""

    def wait_for_notifiers(object_list, timeout=None):
        if not object_list or not all(isinstance(o, _ChangeNotifier) for o in object_list):
            return wait(object_list, timeout)
        with _ChangeNotifier._changed:
            _ChangeNotifier._changed.wait_for(
                lambda: [o for o in object_list if not o.empty()], timeout
            )
            return [o for o in object_list if not o.empty()]

    return wait_for_notifiers


def _thread_pools_without_processes():
    import concurrent.futures.process
    import multiprocessing.pool
    import multiprocessing.process

    pool = multiprocessing.pool

    def __init__(self, processes=None, initializer=None, initargs=()):
        pool.Pool.__init__(self, processes, initializer, initargs, context=_ThreadsOnly())

    __init__.__qualname__ = "ThreadPool.__init__"
    __init__.__module__ = pool.__name__
    pool.ThreadPool.__init__ = __init__
    pool.wait = _waiting_for_notifiers(pool.wait)
    multiprocessing.process.BaseProcess.start = _refuse(PROCESSES)
    concurrent.futures.process.ProcessPoolExecutor.__init__ = _refuse(PROCESSES)


def install():
    import asyncio
    import asyncio.base_events
    import socket
    import subprocess

    subprocess.Popen.__init__ = _refuse(SUBPROCESS)
    asyncio.create_subprocess_exec = _refuse(SUBPROCESS)
    asyncio.create_subprocess_shell = _refuse(SUBPROCESS)
    asyncio.subprocess.create_subprocess_exec = _refuse(SUBPROCESS)
    asyncio.subprocess.create_subprocess_shell = _refuse(SUBPROCESS)
    asyncio.base_events.BaseEventLoop.subprocess_exec = _refuse(SUBPROCESS)
    asyncio.base_events.BaseEventLoop.subprocess_shell = _refuse(SUBPROCESS)
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
    _thread_pools_without_processes()
    sys.meta_path.insert(0, _RefusingImporter())
