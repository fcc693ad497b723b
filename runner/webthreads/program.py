"""Runs the reader's program as the main thread, then ends the run as CPython exits.

After the program's last line (or an uncaught exception) come the steps of CPython's
exit: wait for the non-daemon threads (``threading._shutdown``), then the ``atexit``
functions. The worker then learns how the run ended; daemon threads that are still
blocked are never resumed.
"""

import builtins
import json
import linecache
import os
import random
import sys
import traceback
import types

from . import (
    bridge,
    clocks,
    compat,
    deadlock_report,
    preemption,
    race_watch,
    scheduler,
    stepping,
    streams,
    switch_points,
    timeline,
    tracebacks,
    unsupported,
)
from .frames import calls_program_code
from .policy import ChosenByTheWorker

FILENAME = "main.py"


def finish(status, reason=None, message=None):
    """Tell the worker the run is over, then send its timeline if the worker wants it
    (an explored run's is never shown); nothing is scheduled afterwards. What the
    timeline's making reads comes after the run's end, so it is not part of the run."""
    if scheduler.finished:
        return
    scheduler.stop()
    end = timeline.end_run()
    if race_watch.watching():  # the race check's report comes just before the end
        races = race_watch.report()
        bridge.js.races(json.dumps(races, ensure_ascii=False, separators=(",", ":")))
    if bridge.js.finish(status, reason, message):
        made = timeline.finish(end)
        bridge.js.timeline(json.dumps(made, ensure_ascii=False, separators=(",", ":")))


def _on_deadlock(reporter, parked, wakes_in=None):
    """A deadlock, or (``wakes_in`` seconds) a first wake-up too far away for a run:
    either way the program would never go on within it."""
    streams.stderr.write(deadlock_report.report(reporter, parked, wakes_in))
    if wakes_in is None:
        message = "every thread is waiting and none can wake the others"
    else:
        message = deadlock_report.far_away_summary(wakes_in)
    finish("error", "deadlock", message)


def _stop_unsupported(message):
    streams.stderr.write(message + "\n")
    finish("error", "unsupported", message)
    if scheduler.current is not None:
        scheduler.park("the end of the run")  # never resumed


def _exit_at_once(status):
    """``os._exit()``: the program ends here, without waiting for its threads."""
    if status == 0:
        finish("ok")
    else:
        finish("error", "exception", f"os._exit({status})")
    if scheduler.current is not None:
        scheduler.park("the end of the run")  # never resumed


def _end_chosen_run():
    """A run whose schedule the worker chooses is over its time limit or output cap."""
    reason = bridge.js.endReason()
    finish("error", reason)
    scheduler.park("the end of the run")  # never resumed


def _pause_chosen_run(runnable):
    """A stepped run has come to a choice that is the reader's: it ends here, and the
    worker gets where every thread stands (``stepping``). Between threads, in the
    browser's turn, there is no stack to describe them from: the run ends on the stack
    of a suspended thread, which is resumed for that alone."""
    running = scheduler.current
    if running is not None:
        _end_paused(runnable, running, running)  # never returns
    carrier = next(t for t in scheduler.threads() if t.wakeup is not None and not t.wakeup.done())
    scheduler.run_on(carrier, lambda: _end_paused(runnable, None, carrier))
    return carrier


def _end_paused(runnable, running, here):
    state = stepping.describe(runnable, _mode, running, here)
    bridge.js.paused(json.dumps(state, ensure_ascii=False, separators=(",", ":")))
    finish("error", "paused")
    scheduler.park("the end of the run")  # never resumed


_mode = "timed"


def _start_run(mode):
    """What a run reads from outside the interpreter (clocks, random numbers) is
    recorded by the worker from here on; in ``mode`` "timed" threads are preempted by
    the clock, in any other the worker chooses at the program's switch points of that
    granularity (``switch_points``)."""
    global _mode
    _mode = mode
    clocks.start()
    random.seed()  # a memory snapshot would give every run the same "random" numbers
    if mode != "timed":
        policy = ChosenByTheWorker(bridge.js.pick, switch_points.keeps_running, _pause_chosen_run)
        scheduler.use_policy(policy)
        preemption.end_runs_with(_end_chosen_run)
        switch_points.install(mode, bridge.js.choose, policy)


@calls_program_code
def run_main(source, mode="timed", race_check=False):
    """Entry point of the main thread's stack; with ``race_check`` the race check
    watches the run (``race_watch``), from its start, so that what it allocates is part
    of the run, and its replay, watched too, is the same run."""
    scheduler.enter_stack()
    _start_run(mode)
    if race_check:
        race_watch.start()
    timeline.start_run(scheduler.MAIN_IDENT, sys.modules["threading"].main_thread())
    status, reason, message = _run_program(source)
    timeline.thread_ended(scheduler.MAIN_IDENT)  # what follows is Python's exit
    if scheduler.finished:  # deadlock or unsupported feature inside the program
        return
    try:
        compat.shutdown_threading()
        compat.run_exit_functions()
    except BaseException as exc:  # reported as CPython reports it at exit
        tracebacks.print_exception(exc)
    finish(status, reason, message)


@calls_program_code
def _run_program(source):
    try:
        code = compile(source, FILENAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        tracebacks.print_exception(exc)
        return "error", "exception", _summary(exc)
    race_watch.watch_program(code)  # when the race check is on
    main = types.ModuleType("__main__")
    main.__file__ = FILENAME
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    sys.argv = [FILENAME]
    lines = source.splitlines(keepends=True)
    linecache.cache[FILENAME] = (len(source), None, lines, FILENAME)
    try:
        exec(code, main.__dict__)
    except SystemExit as exc:
        return _exit_status(exc)
    except BaseException as exc:  # the program's own error
        tracebacks.print_exception(exc)
        return "error", "exception", _summary(exc)
    return "ok", None, None


def _exit_status(exc):
    """``sys.exit()``: 0 and None end well; a message is printed as CPython does."""
    code = exc.code
    if code is None or code == 0:
        return "ok", None, None
    if not isinstance(code, int):
        print(code, file=sys.stderr)
    return "error", "exception", f"SystemExit: {code}"


def _summary(exc):
    return "".join(traceback.format_exception_only(exc)).strip()


def install():
    scheduler.report_deadlocks_to(_on_deadlock)
    os._exit = _exit_at_once
    unsupported.stop_programs_with(_stop_unsupported)
