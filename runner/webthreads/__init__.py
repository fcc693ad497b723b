"""Green threads for Python in a browser worker.

Every Python thread is a stack of its own, suspended and resumed with WebAssembly
stack switching (JSPI, through ``pyodide.ffi.run_sync``; in the unit tests on CPython,
greenlets stand in for it). Only one runs at a time, as under the GIL. The standard
library's own ``threading``, ``queue``, ``logging`` and ``concurrent.futures`` run
unchanged on top of the replacement ``_thread`` and ``_queue`` modules defined here.

Modules:

- ``bridge``: the only door to the worker's JavaScript.
- ``compat``: the only door to Pyodide's and CPython's private APIs.
- ``clocks``: clocks that always move forward, as CPython's do.
- ``scheduler``: the green threads, their wait queues, timers, switching, deadlocks.
- ``policy``: which thread runs next, and whether a thread asked to yield gives way
  (first come first served; or the worker's choice, in explored and replayed runs).
- ``switch_points``: the program's own switch points, where an explored run may
  switch threads, at three granularities (``sys.monitoring``).
- ``preemption``: switching threads every ``sys.getswitchinterval()`` seconds.
- ``collector``: garbage collection that never walks a suspended stack.
- ``signal_module``: the program's view of signals, without the runtime's own, and
  ``_thread.interrupt_main``.
- ``locks``: ``_thread.lock`` and ``_thread.RLock``.
- ``thread_local``: ``_thread._local``.
- ``thread_module``: the replacement ``_thread`` module.
- ``queue_module``: the replacement ``_queue`` module.
- ``frames``: whose code a frame runs (runtime, standard library or reader), and which
  of the runtime's functions call the program's code.
- ``green_asyncio``: an asyncio event loop that waits by parking its thread.
- ``deadlock_report``: what each stuck thread waits for, in the reader's words.
- ``introspection``: ``sys._current_frames`` and ``faulthandler.dump_traceback``.
- ``stacks``: copies of suspended threads' frames, taken on their own stacks.
- ``streams``: ``sys.stdout``, ``sys.stderr`` and ``sys.stdin``.
- ``tracebacks``: tracebacks without the runtime's own frames.
- ``unsupported``: clear messages for what a browser cannot do.
- ``program``: runs the reader's program as the main thread.
- ``install``: puts all of it in place.
- ``worker_api``: the few functions the worker calls.
"""
