"""``_thread.lock`` and ``_thread.RLock`` for green threads.

They behave like CPython's C locks: ``acquire`` returns True or False, a released lock
wakes one waiter, and the waiter competes again for the lock (the releasing thread may
take it back first, as on CPython). Runtime code is never preempted, so these methods
are atomic, as C code is under the GIL.
"""

from collections import deque

from . import scheduler

TIMEOUT_MAX = 9223372036.0  # CPython's value on 64-bit Linux, in seconds


def _deadline(blocking, timeout):
    """Check acquire()'s arguments as CPython does; None means wait forever."""
    if not blocking:
        if timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        return 0
    if timeout == -1:
        return None
    if timeout < 0:
        raise ValueError("timeout value must be a non-negative number")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")
    return scheduler.deadline_after(timeout)


class lock:
    """A primitive lock: any thread may release it."""

    __slots__ = ("_locked", "_waiters", "_holder", "__weakref__")

    def __init__(self):
        self._locked = False
        self._waiters = deque()  # a wait queue (see scheduler)
        self._holder = 0  # who acquired it last, for deadlock reports only

    def acquire(self, blocking=True, timeout=-1):
        if blocking is True and timeout == -1:
            deadline = None  # the common case, without a call
        else:
            deadline = _deadline(blocking, timeout)
        if not self._locked:
            self._locked = True
            self._holder = scheduler.current_ident
            return True
        if deadline == 0:
            return False
        while scheduler.park(self, deadline, self._waiters):
            if not self._locked:
                self._locked = True
                self._holder = scheduler.current_ident
                return True
        return False

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        if self._waiters:
            scheduler.wake_one(self._waiters)

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        self.release()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


lock.__module__ = "_thread"


class RLock:
    """A reentrant lock: the owner may acquire it again and must release it as often."""

    __slots__ = ("_owner", "_count", "_waiters", "__weakref__")

    def __init__(self, *args, **kwargs):
        self._owner = 0
        self._count = 0
        self._waiters = deque()

    def acquire(self, blocking=True, timeout=-1):
        if blocking is True and timeout == -1:
            deadline = None  # the common case, without a call
        else:
            deadline = _deadline(blocking, timeout)
        me = scheduler.current_ident
        if self._count and self._owner == me:
            self._count += 1
            return True
        if not self._count:
            self._owner = me
            self._count = 1
            return True
        if deadline == 0:
            return False
        while scheduler.park(self, deadline, self._waiters):
            if not self._count:
                self._owner = me
                self._count = 1
                return True
        return False

    def release(self):
        if not self._count or self._owner != scheduler.current_ident:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = 0
            if self._waiters:
                scheduler.wake_one(self._waiters)

    def locked(self):
        return self._count > 0

    def _is_owned(self):
        return self._count > 0 and self._owner == scheduler.current_ident

    def _recursion_count(self):
        return self._count if self._is_owned() else 0

    def _release_save(self):
        if not self._count:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = 0
        if self._waiters:
            scheduler.wake_one(self._waiters)
        return state

    def _acquire_restore(self, state):
        self.acquire()
        self._count, self._owner = state

    def _at_fork_reinit(self):
        self._owner = 0
        self._count = 0
        self._waiters.clear()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        self.release()

    def __repr__(self):
        state = "locked" if self._count else "unlocked"
        return (
            f"<{state} _thread.RLock object owner={self._owner} "
            f"count={self._count} at {id(self):#x}>"
        )


RLock.__module__ = "_thread"


def holder(primitive):
    """Who holds a ``lock`` or an ``RLock``, for reports: the ident of the thread that
    acquired the lock last (any thread may release it), or of the RLock's owner (0:
    nobody)."""
    return primitive._holder if isinstance(primitive, lock) else primitive._owner
