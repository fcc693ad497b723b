"""The functions the worker calls (see ``worker.mjs``)."""

import platform

from . import bridge, install, preemption, program, scheduler

python_version = platform.python_version()
runtime_id = install.runtime_id  # what a schedule names as the runtime it ran on
run_main = program.run_main  # the main thread's stack
thread_entry = scheduler.thread_entry  # every other thread's stack
on_timer = scheduler.on_timer  # a timeout is due, or the event loop gave a turn


def attach(worker_object):
    """Connect the runtime to this worker."""
    bridge.attach(worker_object)
    preemption.attach()
