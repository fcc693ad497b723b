"""Switch points in the program's own code, where the explorer may switch threads.

A normal run is preempted when its time slice is over (``preemption``); a run whose
schedule the worker chooses (``policy.ChosenByTheWorker``) is switched only here, at
points counted in the program's execution, never timed, so that the same choices give
the same run. Four granularities, three of them through ``sys.monitoring`` events in
the program's code (``main.py``) only, since the runtime and the standard library stand
for C code:

- ``switch-points``: where CPython 3.10+ may hand over the GIL: a function's start or
  resumption, a backward jump (the end of a loop's body) and a call. Never inside
  ``x += 1``;
- ``line``: before every line;
- ``bytecode``: before every instruction that reads or writes what another thread can
  see, or may run code of its own (what the language allows, and what free-threaded
  builds show). Instructions on the frame's own locals and constants are left out:
  a switch before one of them gives the same run as a switch after it;
- ``blocking``: nowhere: threads switch only where one blocks, ends or yields.

At each point where another thread could run (counted: ``points``), the worker may be
asked, ``choose(points, current, *ready)``. Its answer is ``choice + (len(ready) + 1) *
skip``: ``choice`` 0 goes on, ``i`` switches to the ``i``-th of ``ready``; then ``skip``
more points pass without asking, unless the number of runnable threads changes (a
thread woken or started may change the worker's mind). Asking costs a call into
JavaScript; a strategy that knows where it will switch (PCT) asks rarely.
"""

import dis
import sys

from . import scheduler
from .frames import calls_program_code
from .preemption import preemptible

PROGRAM = "main.py"
TOOL = 4  # a tool id that CPython leaves free (debugger 0, coverage 1, profiler 2, optimizer 5)

_monitoring = sys.monitoring
_DISABLE = _monitoring.DISABLE
_EVENTS = _monitoring.events

# Instructions that touch only the frame itself: no other thread can tell them apart.
_LOCAL = {
    name
    for name in dis.opmap
    if name.startswith(("LOAD_FAST", "STORE_FAST", "LOAD_CONST", "POP_JUMP", "JUMP"))
    or name
    in {
        "LOAD_SMALL_INT",
        "POP_TOP",
        "PUSH_NULL",
        "COPY",
        "SWAP",
        "NOP",
        "NOT_TAKEN",
        "RESUME",
        "CACHE",
        "EXTENDED_ARG",
        "RETURN_VALUE",
        "RETURN_CONST",
        "END_FOR",
        "POP_ITER",
        "END_SEND",
        "MAKE_CELL",
        "COPY_FREE_VARS",
        "BUILD_TUPLE",
        "BUILD_LIST",
        "BUILD_MAP",
        "BUILD_SLICE",
        "BUILD_STRING",
        "LOAD_LOCALS",
        "UNPACK_SEQUENCE",
        "TO_BOOL",
        "UNARY_NOT",
        "INTERPRETER_EXIT",
    }
}

_choose = None
_policy = None
_ready = ()  # the policy's runnable threads
_local_offsets = {}  # code -> offsets of its instructions that are no switch points
points = 0  # switch points passed with another thread runnable
_ask_at = 0  # the next point at which the worker is asked
_asked_with = -1  # how many threads were runnable then


def install(granularity, choose, policy):
    """Switch threads at ``granularity``'s points from now on, as ``choose`` says;
    ``policy`` is the run's ``ChosenByTheWorker``."""
    global _choose, _policy, _ready
    _choose = choose
    _policy = policy
    _ready = policy.ready
    _monitoring.use_tool_id(TOOL, "webthreads")
    register = _monitoring.register_callback
    if granularity == "switch-points":
        register(TOOL, _EVENTS.PY_START, _at_point)
        register(TOOL, _EVENTS.PY_RESUME, _at_point)
        register(TOOL, _EVENTS.CALL, _at_call)
        register(TOOL, _EVENTS.JUMP, _at_jump)
        events = _EVENTS.PY_START | _EVENTS.PY_RESUME | _EVENTS.CALL | _EVENTS.JUMP
    elif granularity == "line":
        register(TOOL, _EVENTS.LINE, _at_point)
        events = _EVENTS.LINE
    elif granularity == "bytecode":
        register(TOOL, _EVENTS.INSTRUCTION, _at_instruction)
        events = _EVENTS.INSTRUCTION
    elif granularity == "blocking":
        events = _EVENTS.NO_EVENTS
    else:
        raise ValueError(f"unknown granularity: {granularity!r}")
    _monitoring.set_events(TOOL, events)


# The callbacks run at every event of the program's code, most of them to count a
# point and go on: that part is written out in each, without a call. They are called
# from the program's code and hold no state of the runtime's: a signal that comes in
# one of them (an explored run's end, see ``preemption``) is as if it came in the
# program's code, or a loop whose every step is a switch point could never be ended.


@calls_program_code
def _at_point(code, where):
    global points
    if code.co_filename != PROGRAM:
        return _DISABLE
    ready = _ready
    if ready:
        points += 1
        if points >= _ask_at or len(ready) != _asked_with:
            _switch_point(sys._getframe(1))
    return None


@calls_program_code
def _at_call(code, offset, callable, argument):
    global points
    if code.co_filename != PROGRAM:
        return _DISABLE
    ready = _ready
    if ready:
        points += 1
        if points >= _ask_at or len(ready) != _asked_with:
            _switch_point(sys._getframe(1))
    return None


@calls_program_code
def _at_jump(code, source, destination):
    global points
    if destination > source or code.co_filename != PROGRAM:
        return _DISABLE  # forward jumps are no switch points of CPython's
    ready = _ready
    if ready:
        points += 1
        if points >= _ask_at or len(ready) != _asked_with:
            _switch_point(sys._getframe(1))
    return None


@calls_program_code
def _at_instruction(code, offset):
    global points
    local = _local_offsets.get(code)
    if local is None:
        if code.co_filename != PROGRAM:
            return _DISABLE
        local = _local_offsets[code] = {
            instruction.offset
            for instruction in dis.get_instructions(code)
            if instruction.opname in _LOCAL
        }
    if offset in local:
        return _DISABLE
    ready = _ready
    if ready:
        points += 1
        if points >= _ask_at or len(ready) != _asked_with:
            _switch_point(sys._getframe(1))
    return None


def _chosen():
    """At a switch point already counted, where the worker is to be asked: the thread
    to switch to, or None to go on."""
    global _ask_at, _asked_with
    ready = _ready
    options = len(ready) + 1
    answer = _choose(points, scheduler.current_ident, *[thread.ident for thread in ready])
    if answer < 0:  # a stepped run, where the reader is to choose: it ends here
        _policy.pause([scheduler.current, *ready])
    choice = answer % options
    _ask_at = points + 1 + answer // options
    _asked_with = len(ready)
    return ready[choice - 1] if choice else None


def _switch_point(frame):
    chosen = _chosen()
    if chosen is not None and preemptible(frame):
        _policy.forced = chosen
        scheduler.yield_now()


def keeps_running():
    """The policy's answer when the running thread yields (``time.sleep(0)``): a
    switch point too, asked only when another thread is runnable. A thread already
    chosen at a switch point (which then yields) is not asked about again."""
    global points
    if _policy.forced is not None:
        return False
    points += 1
    if points < _ask_at and len(_ready) == _asked_with:
        return True
    chosen = _chosen()
    if chosen is None:
        return True
    _policy.forced = chosen
    return False
