"""The scheduler's two choices: which thread runs next, and whether a running thread
asked to yield gives way.

Everything else the scheduler does follows from the program: which threads are
runnable, and in which order they became so. A policy has:

- ``ready``: a deque of the runnable threads, to which the scheduler appends each
  thread as it becomes runnable (started, woken, timed out, or giving way);
- ``next_thread()``: removes from ``ready`` the thread to run now and returns it. It is
  called, with ``ready`` not empty, whenever the running thread blocks, ends or gives
  way, and when the browser's event loop gives the scheduler a turn. A thread giving
  way is in ``ready`` too: choosing it lets it go on running;
- ``keeps_running()``: whether the running thread, asked to yield (its time slice is
  over, see ``preemption``, or it called ``time.sleep(0)``), goes on without the
  others having their turn first. It is asked only when another thread is runnable:
  alone, a thread goes on.

Where the browser needs a turn of its own (``scheduler.BREATH_INTERVAL``), the
running thread gives way whatever ``keeps_running()`` says; how long a time slice
lasts is the worker's clock (``sys.getswitchinterval()``).
"""

from collections import deque


class FirstComeFirstServed:
    """Threads run in the order they became runnable; a thread asked to yield goes on
    only if no other is runnable. The runtime's schedule unless told otherwise, and
    the cheapest: ``next_thread`` is the deque's own ``popleft``, with no Python call
    per switch."""

    __slots__ = ("ready", "next_thread")

    def __init__(self):
        self.ready = deque()
        self.next_thread = self.ready.popleft

    def keeps_running(self):
        return not self.ready


class ChosenByTheWorker:
    """Every choice is the worker's: when the explorer searches the schedules of a
    program, and when a schedule it found is replayed. The worker answers
    ``pick(*idents)`` with the index of the thread to run among ``idents`` (runnable,
    in the order they became so); it is asked only when there is a choice.

    A thread asked to yield (``time.sleep(0)``) is at a switch point: whether it goes
    on is ``keeps_running()``'s answer (``switch_points``), which may choose the thread
    to run instead. ``forced`` is such a thread, chosen in advance, run next without
    asking.

    In a stepped run (``stepping``) the worker may answer ``PAUSE`` instead: then
    ``pause(runnable)`` ends the run there, ``runnable`` being the threads it could have
    chosen, in the order of its options. Asked between threads (no stack is running),
    it returns the thread to resume, on whose stack the run then ends."""

    __slots__ = ("ready", "pick", "keeps_running", "forced", "pause")

    def __init__(self, pick, keeps_running, pause):
        self.ready = deque()
        self.pick = pick
        self.keeps_running = keeps_running
        self.forced = None
        self.pause = pause

    def next_thread(self):
        ready = self.ready
        forced = self.forced
        if forced is not None:
            self.forced = None
            ready.remove(forced)
            return forced
        if len(ready) == 1:
            return ready.popleft()
        index = self.pick(*[thread.ident for thread in ready])
        if index < 0:
            return self.pause(list(ready))
        thread = ready[index]
        del ready[index]
        return thread
