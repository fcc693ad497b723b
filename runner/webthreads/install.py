"""Puts the green-thread runtime in place, once per interpreter.

Run before a memory snapshot is taken, or when the worker starts without one. Pyodide
imports ``threading``, ``logging`` and ``concurrent.futures`` while it starts, so those
modules (and ``queue``) are imported afresh here: their module-level locks must be
green locks, not the C locks they captured.
"""

import hashlib
import linecache
import os
import sys
import time

from . import (
    clocks,
    collector,
    green_asyncio,
    introspection,
    preemption,
    program,
    program_run_sync,
    queue_module,
    scheduler,
    signal_module,
    streams,
    thread_module,
    timeline,
    tracebacks,
    unsupported,
)

_REFRESHED = {"threading", "_threading_local", "queue", "logging", "concurrent.futures"}
_REFRESHED_PACKAGES = ("logging.", "concurrent.futures.")
_installed = False


def _runtime_id():
    """A short hash of the runtime's Python files and of the interpreter's version: a
    schedule recorded on one runtime means nothing on another."""
    digest = hashlib.sha256(sys.version.encode())
    package = os.path.dirname(__file__)
    for directory in (package, os.path.join(os.path.dirname(package), "timeline")):
        if not os.path.isdir(directory):
            continue
        for name in sorted(os.listdir(directory)):
            if name.endswith(".py"):
                with open(os.path.join(directory, name), "rb") as file:
                    digest.update(name.encode() + b"\0" + file.read())
    return digest.hexdigest()[:8]


runtime_id = _runtime_id()


def install():
    global _installed
    if _installed:
        return
    _installed = True
    clocks.install()  # before threading and queue import the clocks afresh
    replaced = {name: sys.modules.get(name) for name in ("_thread", "_queue")}
    sys.modules["_thread"] = thread_module.make_module()
    sys.modules["_queue"] = queue_module.make_module()
    for name in list(sys.modules):
        if name in _REFRESHED or name.startswith(_REFRESHED_PACKAGES):
            replaced[name] = sys.modules.pop(name)
    import concurrent.futures.thread  # noqa: F401 - imported now, not on first use
    import logging  # noqa: F401
    import queue  # noqa: F401
    import threading

    _rebind(replaced)

    threading.excepthook = tracebacks.cleaning_excepthook(threading.excepthook)
    threading.__excepthook__ = threading.excepthook
    time.sleep = scheduler.sleep
    preemption.install()
    collector.install(preemption.preemptible)
    signal_module.install(preemption.preemptible)  # after the runtime's own handlers
    program.install()
    program_run_sync.install()
    unsupported.install()
    green_asyncio.install()
    introspection.install()
    timeline.install()
    sys.stdout = streams.stdout
    sys.stderr = streams.stderr
    _cache_runtime_sources()


def _rebind(replaced):
    """Modules imported earlier (asyncio, zipfile…) point to the new modules too."""
    new = {id(module): sys.modules[name] for name, module in replaced.items() if module}
    for module in list(sys.modules.values()):
        namespace = getattr(module, "__dict__", None)
        if namespace is None or module in new.values():
            continue
        for attribute, value in list(namespace.items()):
            if id(value) in new and value is replaced.get(value.__name__):
                namespace[attribute] = new[id(value)]


def _cache_runtime_sources():
    # Keeps the runtime's source lines for tracebacks even when it was loaded from a
    # memory snapshot, without its files.
    directory = os.path.dirname(__file__)
    for entry in os.scandir(directory):
        if entry.name.endswith(".py"):
            with open(entry.path, encoding="utf-8") as file:
                lines = file.readlines()
            linecache.cache[entry.path] = (sum(map(len, lines)), None, lines, entry.path)
