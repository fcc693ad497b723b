"""What the runtime's unit tests share: the freshly imported runtime, and comparisons
with this CPython's own modules."""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import pytest

from .browser_stand_in import StandInBrowser

# Imported in this order: compat, clocks and bridge are given the stand-ins first.
MODULES = (
    "compat",
    "clocks",
    "bridge",
    "frames",
    "policy",
    "scheduler",
    "locks",
    "queue_module",
    "thread_local",
    "thread_module",
    "stacks",
    "deadlock_report",
    "preemption",
    "green_asyncio",
    "stepping",
)


class Runtime:
    """The freshly imported modules (``runtime.scheduler``, ``runtime.locks``…), the
    stand-in browser, and shortcuts for what most tests do."""

    def __init__(self, browser: StandInBrowser, modules: dict[str, ModuleType]) -> None:
        self.browser = browser
        self.__dict__.update(modules)

    def run(self, main: Callable[[], None]) -> None:
        self.browser.run(main)

    def spawn(self, body: Callable[[], None]) -> Any:
        """A green thread that will run ``body()`` (a daemon, of the scheduler only)."""
        return self.scheduler.spawn(body, True)

    def now(self) -> float:
        """The program's ``time.monotonic()``."""
        return self.clocks.monotonic()


class _CompiledOnce(importlib.machinery.SourceFileLoader):
    """Compiles each of the runtime's files once in a session: the tests import the
    package afresh for each test, and where no bytecode is written
    (PYTHONDONTWRITEBYTECODE) each import would compile it all again."""

    codes: dict[tuple[str, int], Any] = {}

    def get_code(self, fullname: str) -> Any:
        key = (self.path, os.stat(self.path).st_mtime_ns)
        if key not in self.codes:
            self.codes[key] = super().get_code(fullname)
        return self.codes[key]


class CompiledOnceFinder:
    """Finds ``webthreads`` and its modules as the path finder does, loaded by
    ``_CompiledOnce``."""

    @staticmethod
    def find_spec(fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != "webthreads" and not fullname.startswith("webthreads."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            spec.loader = _CompiledOnce(spec.loader.name, spec.loader.path)
        return spec


def _webthreads_modules() -> dict[str, ModuleType]:
    return {
        name: module
        for name, module in sys.modules.items()
        if name == "webthreads" or name.startswith("webthreads.")
    }


@contextmanager
def fresh_runtime() -> Iterator[Runtime]:
    """A new import of ``webthreads`` on a new stand-in browser; afterwards the modules
    imported before are put back."""
    saved = _webthreads_modules()
    for name in saved:
        del sys.modules[name]
    browser = StandInBrowser()
    try:
        modules: dict[str, ModuleType] = {}
        for name in MODULES:
            module = modules[name] = importlib.import_module(f"webthreads.{name}")
            if name == "compat":
                module.switch_stacks_with(browser.run_sync, browser.can_run_sync)
            elif name == "clocks":
                module.read_time_from(browser.monotonic)
            elif name == "bridge":
                module.attach(browser)
        browser.connect(modules["scheduler"], modules["frames"])
        yield Runtime(browser, modules)
    finally:
        browser.close()
        for name in _webthreads_modules():
            del sys.modules[name]
        sys.modules.update(saved)


def raised(call: Callable[[], Any]) -> tuple[type, str]:
    """The type and the words of the exception ``call()`` raises."""
    with pytest.raises(BaseException) as error:
        call()
    return type(error.value), str(error.value)


def without_addresses(text: str) -> str:
    return re.sub(r"0x[0-9a-f]+", "0x…", text)
