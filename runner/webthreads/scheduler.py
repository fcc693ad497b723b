"""Green threads: one runs at a time, the others are suspended stacks.

A thread gives up the processor only through this module: when it blocks (``park``),
yields (``yield_now``: ``time.sleep(0)`` and preemption) or ends (``exit_current``).
Each suspended thread waits on a future of its own with ``run_sync``; to switch, the
running thread resolves the next thread's future and then suspends on its own. The
futures belong to ``compat.IMMEDIATE_LOOP``, which runs their done callbacks at once,
so a switch costs one JavaScript microtask.

Which thread runs next, and whether a thread asked to yield gives way, is the choice of
a policy (``policy``; ``use_policy``), and of nothing else here.

Each primitive that blocks (a lock, a queue, a thread to join) keeps a wait queue of
the threads parked on it: a plain deque, changed only by ``park(..., queue)``,
``wake_one`` and ``wake_all``. A waiting thread joins its end as it parks, and leaves it
if its deadline comes first; a woken thread runs when its turn comes, and checks again
for what it waited for (a lock may have been taken meanwhile, as on CPython). Trio's
``ParkingLot`` is the model. It is a plain deque, not a class of its own, and ``park``
takes it as an argument, not a function of its own: a deque subclass costs half as
much again to append to and take from, and a function more would be a call more, on
every switch.

When no thread can run, the worker's JavaScript is asked to call ``on_timer`` when the
earliest timeout is due. With no thread runnable and no timeout pending, no thread can
ever wake another: that is a deadlock, reported to the function given to
``report_deadlocks_to``. So is a program whose earliest timeout is further away than
any run can last (``FAR_AWAY``): it is reported at once, with how long the wait is.

Time is read on two clocks, and the difference is deliberate. A deadline is set on the
program's own ``time.monotonic`` (``clocks.monotonic``), the clock a program times its
waits with. Deadlines come due, and the browser's turns are timed, on the clock that
one is made from (``clocks.source``), read on every switch: a C call, where the
program's clock is a Python call. The program's clock is never behind its source, so a
deadline reached on the source has been reached on the program's clock too.
"""

import errno
import heapq
import math
import operator
import os
import sys
from array import array
from asyncio import Future

from . import bridge, clocks, compat
from .frames import calls_program_code
from .policy import FirstComeFirstServed

RUNNING, READY, PARKED, DONE = "running", "ready", "parked", "done"
MAIN_IDENT = 1

# Longest stretch of Python without letting the browser's event loop run (seconds):
# switching threads through microtasks alone would starve timers and messages.
BREATH_INTERVAL = 0.05

SLEEPING = "sleep"  # what a thread in time.sleep() waits on

# With no thread runnable, a first timeout further away than this (seconds) is
# reported as a deadlock is: no run in a page lasts a day.
FAR_AWAY = 86400.0

# CPython counts time in signed 64-bit nanoseconds: a sleep, or its deadline on the
# monotonic clock, past that range is refused.
_NANOSECONDS_LIMIT = 2**63
_SECONDS_LIMIT = _NANOSECONDS_LIMIT / 1e9

_IMMEDIATE = compat.IMMEDIATE_LOOP


class GreenThread:
    __slots__ = (
        "ident",
        "state",
        "daemon",
        "body",
        "wakeup",
        "woken",
        "waiting",
        "frame",
        "park_seq",
        "timed",
        "__weakref__",
    )

    def __init__(self, ident, body, daemon):
        self.ident = ident
        self.body = body
        self.daemon = daemon
        self.state = READY
        self.wakeup = None  # the future it is suspended on; None before its first run
        self.woken = False  # whether its last park ended by wake() (else a timeout)
        self.waiting = None  # what it is parked on, for deadlock reports
        self.frame = None  # where it stopped running, for reports and dumps
        self.park_seq = 0
        self.timed = False  # whether its current park has a timeout


_main = GreenThread(MAIN_IDENT, None, False)
_main.state = RUNNING
_threads = {MAIN_IDENT: _main}  # every thread not yet done
# The policy's runnable threads and its two choices (see policy.py), bound once: with
# the default policy, taking the next thread is a call of the deque's own popleft.
_policy = FirstComeFirstServed()
_ready, _next_thread, _keeps_running = _policy.ready, _policy.next_thread, _policy.keeps_running
_timers = []  # heap of (deadline, park_seq, thread); stale entries are skipped
_live_timers = 0
_park_counter = 0
_next_ident = MAIN_IDENT + 1
_last_breath = 0.0

current = _main
current_ident = MAIN_IDENT

# Counts switches; the worker reads it straight from memory to give each thread it
# switches to a full time slice before preempting it (see preemption.py).
switch_counter = array("i", [0])
finished = False  # set when the run is over: nothing is scheduled any more

_deadlock_handler = None  # see report_deadlocks_to()
_deadlock_reporter = None
_first_wakeup_in = None  # seconds, when a deadlock report is of a far-away timeout
_visit = None  # a _Visit in progress
_errand = None  # (thread, function): to run on that suspended thread's stack, see run_on()
_observer = None  # told of every wait, sleep and thread start: see observe()


def observe(observer):
    """From now on, tell ``observer`` (None: nobody) what the threads do.

    The observer (the run's timeline) has ``thread_began(ident)``, and
    ``wait_began(ident, waiting, frame)`` and ``sleep_began(ident, seconds, frame)``,
    called as the thread blocks, whose result (None, or a token) is handed back to
    ``wait_ended(token, woken)`` and ``sleep_ended(token)`` once it runs again."""
    global _observer
    _observer = observer


def use_policy(policy):
    """From now on, let ``policy`` choose (see ``policy``); the threads runnable now
    join its ``ready`` queue, in their order."""
    global _policy, _ready, _next_thread, _keeps_running
    policy.ready.extend(_ready)
    _ready.clear()
    _policy = policy
    _ready, _next_thread, _keeps_running = policy.ready, policy.next_thread, policy.keeps_running


def report_deadlocks_to(handler):
    """When no thread can ever run again, call ``handler(reporter, parked)``: ``parked``
    are the parked threads, and the call runs on the stack of ``reporter``, one of them,
    from where it can visit the others."""
    global _deadlock_handler
    _deadlock_handler = handler


def get_ident():
    return current_ident


def threads():
    """Every thread that has not ended, oldest first."""
    return list(_threads.values())


def spawn(body, daemon):
    """Create a thread that will run ``body()`` on a stack of its own."""
    global _next_ident
    thread = GreenThread(_next_ident, body, daemon)
    _next_ident += 1
    _threads[thread.ident] = thread
    _ready.append(thread)
    return thread


def park(waiting, deadline=None, queue=None):
    """Suspend the current thread, on ``waiting`` (what reports and timelines say it
    waits for), until ``wake()`` or ``deadline`` (monotonic); in ``queue``, the wait
    queue of what it waits for, if there is one: it joins the queue's end, and leaves
    the queue if the deadline comes first.

    Returns True when woken, False on timeout."""
    global _park_counter, _live_timers
    thread = current
    if thread is None:
        raise RuntimeError("a thread cannot block here")
    if queue is not None:
        queue.append(thread)
    _park_counter += 1
    thread.park_seq = _park_counter
    thread.waiting = waiting
    thread.frame = sys._getframe(1)
    thread.timed = deadline is not None
    thread.state = PARKED
    observer = _observer
    token = None
    if observer is not None and waiting is not SLEEPING:
        token = observer.wait_began(thread.ident, waiting, thread.frame)
    if deadline is not None:
        heapq.heappush(_timers, (deadline, _park_counter, thread))
        _live_timers += 1
        _compact_timers()
    _switch_from(thread)
    thread.waiting = None
    thread.frame = None
    if token is not None:
        observer.wait_ended(token, thread.woken)
    if thread.woken:
        return True
    if queue is not None:
        try:
            queue.remove(thread)
        except ValueError:
            pass  # a wake_one() found it timed out and dropped it already
    return False


def wake(thread):
    """Make a parked thread runnable; it runs when its turn comes.

    Returns False if it was not parked (its timeout came first)."""
    global _live_timers
    if thread.state is not PARKED:
        return False
    if thread.timed:
        thread.timed = False
        _live_timers -= 1
    thread.state = READY
    thread.woken = True
    _ready.append(thread)
    return True


def wake_one(queue):
    """Wake the first thread of a wait queue that is still parked; False if there was
    none (a thread whose deadline passed may not have run yet to leave the queue)."""
    while queue:
        if wake(queue.popleft()):
            return True
    return False


def wake_all(queue):
    """Wake every thread of a wait queue, first come first."""
    while queue:
        wake(queue.popleft())


def deadline_after(seconds):
    """The monotonic time at which ``seconds`` will have passed.

    The browser's clock counts in steps of 0.1 ms, so a thread can wake at the very
    deadline; one more microsecond, and a deadline moved up until
    ``deadline - now >= seconds`` holds in floating point, make sure that a program
    timing the wait (with ``time.monotonic()`` or ``time.time()``) never finds it a hair
    too short."""
    now = clocks.monotonic()
    deadline = now + seconds + 1e-6
    while deadline - now < seconds:
        deadline = math.nextafter(deadline, math.inf)
    return deadline


def yield_now():
    """Offer the other runnable threads a turn, as releasing the GIL does; the policy
    says whether this thread goes on instead (unless the browser is due a turn)."""
    thread = current
    now = clocks.source()
    if _timers and _timers[0][0] <= now:
        _fire_due_timers(now)
    if now - _last_breath <= BREATH_INTERVAL and (not _ready or _keeps_running()):
        return  # no other thread could run, or the policy lets this one go on
    thread.state = READY
    thread.frame = sys._getframe(1)
    _ready.append(thread)
    _switch_from(thread)
    thread.frame = None


def sleep(seconds):
    """``time.sleep`` for green threads."""
    if not isinstance(seconds, float):
        seconds = operator.index(seconds)  # TypeError for what CPython refuses
    if seconds != seconds:
        raise ValueError("Invalid value NaN (not a number)")
    _check_sleep_range(seconds)
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    observer = _observer
    token = None
    if observer is not None:
        token = observer.sleep_began(current_ident, seconds, sys._getframe())
    if seconds == 0:
        yield_now()
    else:
        park(SLEEPING, deadline_after(seconds))
    if token is not None:
        observer.sleep_ended(token)


def _check_sleep_range(seconds):
    """CPython's checks, and messages, for a sleep its clock cannot count (64-bit)."""
    if isinstance(seconds, float):
        if not -_NANOSECONDS_LIMIT <= seconds * 1e9 < _NANOSECONDS_LIMIT:
            raise OverflowError("timestamp out of range for platform time_t")
    elif not -_NANOSECONDS_LIMIT <= seconds * 10**9 < _NANOSECONDS_LIMIT:
        raise OverflowError("timestamp too large to convert to C PyTime_t")
    # CPython's deadline is its monotonic clock plus the sleep; one past the range is
    # EINVAL. (The clock is read only for sleeps of centuries: a read is recorded.)
    if seconds > _SECONDS_LIMIT / 2 and clocks.monotonic() + seconds >= _SECONDS_LIMIT:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))


def exit_current():
    """The current thread's body has returned: run the next one."""
    thread = current
    thread.state = DONE
    thread.frame = None
    _threads.pop(thread.ident, None)
    if finished:
        return
    now = clocks.source()
    if _timers and _timers[0][0] <= now:
        _fire_due_timers(now)
    if _ready and now - _last_breath <= BREATH_INTERVAL:
        _resume(_next_thread())
    elif _ready:
        _idle_until_event_loop()
    else:
        _go_idle(now)


@calls_program_code
def thread_entry(ident):
    """Runs on a new stack, started by the worker when the thread's turn first came."""
    enter_stack()
    thread = _threads.get(ident)
    if thread is None or current is not thread:
        return
    if _observer is not None:
        _observer.thread_began(ident)
    try:
        thread.body()
    finally:
        exit_current()


def enter_stack():
    """A stack begins to run (the main thread's, or a thread's on its first turn),
    entered from JavaScript: the time to the browser's next turn counts from now. It
    begins with Pyodide's event loop as its running loop, which a thread has not
    (``asyncio.run`` would refuse to start)."""
    global _last_breath
    _last_breath = clocks.source()
    compat.set_running_loop(None)


def on_timer():
    """Called by the worker from its event loop: a timeout is due, or it is a turn."""
    global _last_breath
    if finished or current is not None:
        return
    now = clocks.source()
    _last_breath = now
    _fire_due_timers(now)
    if _ready:
        _resume(_next_thread())
    else:
        _go_idle(now)


def stop():
    """End scheduling: no thread runs again."""
    global finished
    finished = True
    bridge.js.cancelTimer()


def _switch_from(thread):
    """``thread`` has stopped running: run the others until it is resumed."""
    # Every stack has the same running loop, which the others set: keep this thread's.
    running_loop = compat.get_running_loop()
    now = clocks.source()
    if _timers and _timers[0][0] <= now:
        _fire_due_timers(now)
    wakeup = Future(loop=_IMMEDIATE)
    thread.wakeup = wakeup
    if finished:
        _suspend(thread, wakeup, running_loop)  # never resumed: the run is over
        return
    if now - _last_breath > BREATH_INTERVAL:
        _idle_until_event_loop()
    elif _ready:
        following = _next_thread()
        if following is thread:
            thread.wakeup = None
            thread.state = RUNNING
            return
        _resume(following)
    else:
        _go_idle(now)
    _suspend(thread, wakeup, running_loop)


def _suspend(thread, wakeup, running_loop):
    """Wait until ``wakeup`` is resolved; meanwhile serve visits and deadlock reports.
    Then go on with ``running_loop``, the thread's own."""
    global _deadlock_reporter, _errand
    while True:
        compat.run_sync(wakeup)
        if _visit is not None and _visit.target is thread:
            _visit.run()
        elif _errand is not None and _errand[0] is thread:
            function = _errand[1]
            _errand = None
            function()
        elif _deadlock_reporter is thread:
            _deadlock_reporter = None
            parked = [t for t in _threads.values() if t.state is PARKED]
            if _first_wakeup_in is None:
                _deadlock_handler(thread, parked)
            else:
                _deadlock_handler(thread, parked, _first_wakeup_in)
        else:
            compat.set_running_loop(running_loop)
            return
        wakeup = thread.wakeup = Future(loop=_IMMEDIATE)
        if _visit is not None:
            _visit.done.set_result(None)


class _Visit:
    def __init__(self, target, function):
        self.target = target
        self.function = function
        self.done = Future(loop=_IMMEDIATE)
        self.result = self.error = None

    def run(self):
        try:
            self.result = self.function()
        except BaseException as error:  # handed to the visitor
            self.error = error


def visit(thread, function):
    """Run ``function()`` on the stack of ``thread``, which is suspended, and return
    its result; nothing else runs meanwhile.

    A suspended thread's frames may only be walked from its own stack: frames that
    cross C code live on the C stack, which other threads reuse while it waits.
    """
    global _visit
    wakeup = thread.wakeup
    if wakeup is None or wakeup.done():
        return None  # never ran, or about to run: no frames to look at
    _visit = current_visit = _Visit(thread, function)
    thread.wakeup = None
    wakeup.set_result(None)
    try:
        compat.run_sync(current_visit.done)
    finally:
        _visit = None
    if current_visit.error is not None:
        raise current_visit.error
    return current_visit.result


def run_on(thread, function):
    """Have ``function()`` run on the stack of ``thread``, suspended, once it is resumed
    (``_resume``), before it goes on: for what must run on some thread's stack when
    none is running (between threads, in the browser's turn)."""
    global _errand
    _errand = (thread, function)


def _resume(thread):
    global current, current_ident
    switch_counter[0] = (switch_counter[0] + 1) & 0xFFFFFF
    current = thread
    current_ident = thread.ident
    thread.state = RUNNING
    wakeup = thread.wakeup
    if wakeup is None:
        bridge.js.startStack(thread.ident)
    else:
        thread.wakeup = None
        wakeup.set_result(None)


def _idle_until_event_loop():
    """Let the browser's event loop run; ``on_timer`` then runs the next thread."""
    global current
    current = None
    bridge.js.wakeSoon()


def _go_idle(now):
    """No thread can run: wait for the earliest timeout, or report a deadlock (or a
    first timeout too far away to come within a run)."""
    global current, _deadlock_reporter, _first_wakeup_in
    current = None
    while _timers and not _timer_is_live(_timers[0]):
        heapq.heappop(_timers)
    wakes_in = _timers[0][0] - now if _timers else None
    if wakes_in is not None and (wakes_in <= FAR_AWAY or _deadlock_handler is None):
        bridge.js.armTimer(max(0.0, wakes_in * 1000.0))
    elif _deadlock_handler is not None:
        # Reported from a parked thread's own stack, where it can visit the others.
        parked = [t for t in _threads.values() if t.state is PARKED and t.wakeup]
        if parked:
            _deadlock_reporter = parked[0]
            _first_wakeup_in = wakes_in
            wakeup, parked[0].wakeup = parked[0].wakeup, None
            wakeup.set_result(None)
        elif wakes_in is not None:
            bridge.js.armTimer(wakes_in * 1000.0)


def _timer_is_live(entry):
    thread = entry[2]
    return thread.state is PARKED and thread.park_seq == entry[1]


def _fire_due_timers(now):
    global _live_timers
    while _timers and _timers[0][0] <= now:
        entry = heapq.heappop(_timers)
        if _timer_is_live(entry):
            _live_timers -= 1
            thread = entry[2]
            thread.timed = False
            thread.state = READY
            thread.woken = False
            _ready.append(thread)


def _compact_timers():
    # Timeouts that ended early (a lock acquired in time) stay in the heap until their
    # deadline; drop them once they outnumber the live ones.
    global _timers, _live_timers
    if len(_timers) > 64 and len(_timers) > 2 * _live_timers:
        _timers = [entry for entry in _timers if _timer_is_live(entry)]
        heapq.heapify(_timers)
        _live_timers = len(_timers)
