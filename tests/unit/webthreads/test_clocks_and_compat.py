"""The clocks a program reads, and the door to Pyodide's and CPython's private APIs."""

from __future__ import annotations

import importlib.util
import threading

import pytest

from .support import Runtime


def test_the_clock_never_stands_still_nor_goes_back(runtime: Runtime) -> None:
    clocks, browser = runtime.clocks, runtime.browser
    readings = [clocks.monotonic() for _ in range(3)]  # the stand-in's clock stands still
    assert readings == sorted(set(readings))
    assert readings[-1] - readings[0] < 1e-6
    browser.advance(0.5)
    later = clocks.monotonic()
    assert later == browser.now
    assert clocks.monotonic_ns() > round(later * 1e9) - 1


def test_the_wall_clock_moves_with_the_monotonic_clock(runtime: Runtime) -> None:
    clocks = runtime.clocks
    wall, monotonic = clocks.wall_time(), clocks.monotonic()
    runtime.browser.advance(2.5)
    assert clocks.wall_time() - wall == pytest.approx(clocks.monotonic() - monotonic, abs=1e-5)


def test_without_a_stand_in_nothing_switches_stacks_on_cpython() -> None:
    spec = importlib.util.find_spec("webthreads.compat")
    compat = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compat)  # a copy of its own, whatever other tests plugged in
    assert compat.can_run_sync() is False
    with pytest.raises(RuntimeError, match="no stack switching outside Pyodide"):
        compat.run_sync(None)


def test_compat_finds_the_threading_thread_of_an_ident(runtime: Runtime) -> None:
    current = threading.current_thread()
    assert runtime.compat.threading_thread(threading.get_ident()) is current
    assert runtime.compat.threading_thread(-1) is None
