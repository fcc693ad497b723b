"""The queue of threads parked on one thing (a lock, a queue, a thread to join).

Every primitive that blocks uses one: the waiting thread joins the end of the queue and
parks, with an optional deadline; if the deadline passes first, it leaves the queue. The
primitive wakes the first waiter (``wake_one``) or all of them (``wake_all``). A woken
thread runs when its turn comes, and then checks again for what it waited for (a lock
may have been taken meanwhile, as on CPython). Trio's ``ParkingLot`` is the model.

It is a deque of the parked threads, so that making a lock makes one object for its
waiters and taking its first waiter is the deque's own ``popleft``.
"""

from collections import deque

from . import scheduler


class WaitQueue(deque):
    __slots__ = ()

    def park(self, waiting, deadline=None):
        """Park the current thread at the end of the queue, on ``waiting`` (what reports
        and timelines say it waits for), until woken (True) or until ``deadline``
        (monotonic) passes (False, and it has left the queue)."""
        thread = scheduler.current
        self.append(thread)
        if scheduler.park(waiting, deadline):
            return True
        try:
            self.remove(thread)
        except ValueError:
            pass  # a wake_one() found it timed out and dropped it already
        return False

    def wake_one(self):
        """Wake the first thread still parked here; False if there was none (a thread
        whose deadline passed may not have run yet to leave the queue)."""
        while self:
            if scheduler.wake(self.popleft()):
                return True
        return False

    def wake_all(self):
        """Wake every thread parked here, first come first."""
        while self:
            scheduler.wake(self.popleft())
