"""The races in a trace of a run: access pairs that no common lock protects and
nothing orders.

Ordering is happens-before, kept with vector clocks in the manner of FastTrack: each
thread has a clock (thread -> count), each synchronisation object the clock of the
last thread that let go of it, and an access is ordered before a later one when the
later thread's clock has seen it. The locks each access held are kept as Eraser keeps
its locksets; a pair is reported when it includes a write, the two locksets have no
lock in common, and neither access happens before the other. Read-only sharing is
never a race, and data written before ``start()`` is ordered before the new thread's
accesses by the start itself.

A trace is a sequence of tuples, the first item saying what happened:

- ``("start", parent, child)``: ``parent`` started ``child`` (everything the parent
  did so far happens before all the child does);
- ``("end", thread)`` then ``("join", joiner, child)``: a ``join()`` that returned
  because ``child`` had ended (all the child did happens before what follows);
- ``("acquire", thread, lock)`` and ``("release", thread, lock)``: a lock taken and
  given back (a release happens before the next acquire of that lock; between the
  two the lock is in the thread's lockset; any thread may release a ``Lock``);
- ``("signal", thread, obj)`` and ``("wait", thread, obj)``: an ordering without a
  lockset, such as ``Event.set()`` and the ``wait()`` that returned, a Semaphore's
  release and acquire, or each party of a Barrier (a signal on arrival, a wait on
  leaving): what came before every signal so far happens before what follows a wait;
- ``("put", thread, queue)`` and ``("get", thread, queue)``: a queue's hand-off, the
  put happening before the get that took its item (first in, first out);
- ``("read" | "write", thread, variable, line, source[, name[, frame]])``: an
  access to ``variable`` (any hashable key) on ``line``, whose text is ``source``;
  ``name`` is how the report spells the variable (``variable`` itself by default),
  ``frame`` the call it was made in (any key).

A check then act is reported too, though it may be ordered: a thread reads a
variable, another thread writes it, and the first then writes it in the same call
(``if key not in cache: cache[key] = load(key)``, with the other thread's store in
between). Its write rests on what it read, which was stale by then; only a lock held
from the read to the write prevents that. The report gives the read and the other
thread's write, and says so in its fix.

``RaceCheck`` takes the same events one call at a time, as a run makes them. Reports
are ``{variable, accesses: [{thread, line, kind, locks, source}], fix}``, one per
variable and pair of lines, in the order they were found: a loop that races a
million times is reported once.
"""

from collections import deque

_NO_LOCKS = frozenset()


class _Access:
    __slots__ = ("thread", "time", "line", "kind", "locks", "source", "name", "frame")

    def __init__(self, thread, time, line, kind, locks, source, name, frame):
        self.thread = thread
        self.time = time  # the thread's own count at the access (an epoch)
        self.line = line
        self.kind = kind
        self.locks = locks  # a frozenset of the locks the thread held
        self.source = source
        self.name = name
        self.frame = frame  # the call it was made in (any key), for stale reads


class _Shadow:
    """What is kept of one variable: its last write and the reads since, per thread;
    and each thread's read not yet followed by its write, with the other thread's
    write that came after it, if one did."""

    __slots__ = ("write", "reads", "pending", "last_read")

    def __init__(self):
        self.write = None
        self.reads = {}
        self.pending = {}  # thread -> [its read, a later write of another thread]
        self.last_read = None  # the last read kept, which a write does not forget


class RaceCheck:
    """Happens-before and locksets over a run's events, fed as they happen.

    ``name_thread(thread)`` and ``name_lock(lock)`` say how a report names them; they
    are called when a race is found, while both are still there to be named. An
    access whose source is None gets ``line_source(line)``, looked up only then."""

    def __init__(self, name_thread=str, name_lock=str, line_source=None):
        self._name_thread = name_thread
        self._name_lock = name_lock
        self._line_source = line_source
        self._clocks = {}  # thread -> {thread: count}
        self._released = {}  # lock or signalled object -> the clock let go with it
        self._ended = {}  # thread -> its clock when it ended
        self._queued = {}  # queue -> deque of the putters' clocks, one per item
        self._held = {}  # thread -> {lock: times acquired}
        self._locksets = {}  # thread -> frozenset of its locks (kept for the accesses)
        self._shadows = {}  # variable -> _Shadow
        self._reports = {}  # (variable, line, line) -> report

    # --- threads and synchronisation --------------------------------------------

    def _clock(self, thread):
        clock = self._clocks.get(thread)
        if clock is None:
            clock = self._clocks[thread] = {thread: 1}
        return clock

    def _tick(self, thread):
        clock = self._clock(thread)
        clock[thread] += 1

    def _see(self, thread, other):
        """``thread`` has seen everything of ``other`` (a clock)."""
        clock = self._clock(thread)
        for who, count in other.items():
            if clock.get(who, 0) < count:
                clock[who] = count

    def start(self, parent, child):
        clock = self._clocks[child] = dict(self._clock(parent))
        clock[child] = clock.get(child, 0) + 1
        self._tick(parent)

    def end(self, thread):
        self._ended[thread] = dict(self._clock(thread))

    def join(self, joiner, child):
        ended = self._ended.get(child)
        if ended is not None:
            self._see(joiner, ended)

    def signal(self, thread, obj):
        released = self._released.get(obj)
        if released is None:
            self._released[obj] = dict(self._clock(thread))
        else:
            for who, count in self._clock(thread).items():
                if released.get(who, 0) < count:
                    released[who] = count
        self._tick(thread)

    def wait(self, thread, obj):
        released = self._released.get(obj)
        if released is not None:
            self._see(thread, released)

    def acquire(self, thread, lock):
        self.wait(thread, lock)
        held = self._held.setdefault(thread, {})
        held[lock] = held.get(lock, 0) + 1
        self._locksets[thread] = frozenset(held)

    def release(self, thread, lock):
        for holder, held in self._held.items():
            count = held.get(lock)
            if count is not None:
                if count > 1 and holder == thread:  # a reentrant lock, still held
                    held[lock] = count - 1
                else:
                    del held[lock]
                    self._locksets[holder] = frozenset(held)
                break
        self._released[lock] = dict(self._clock(thread))
        self._tick(thread)

    def put(self, thread, queue):
        self._queued.setdefault(queue, deque()).append(dict(self._clock(thread)))
        self._tick(thread)

    def get(self, thread, queue):
        queued = self._queued.get(queue)
        if queued:
            self._see(thread, queued.popleft())

    # --- accesses -----------------------------------------------------------------

    def _access(self, thread, kind, line, source, name, frame):
        clock = self._clocks.get(thread)
        if clock is None:
            clock = self._clock(thread)
        return _Access(
            thread,
            clock[thread],
            line,
            kind,
            self._locksets.get(thread, _NO_LOCKS),
            source,
            name,
            frame,
        )

    # A thread that goes on with a variable it has to itself (the last write is its
    # own and no other thread read since) at the same line, with the same locks, in
    # the same call and with nothing synchronised since, changes nothing FastTrack
    # keeps (the same epoch). ``_again`` says so, and ``read`` and ``write`` return
    # True then: the caller may leave the same access out until something happens.

    def _again(self, thread, access, line, frame):
        return (
            access is not None
            and access.thread == thread
            and access.line == line
            and access.frame == frame
            and access.time == self._clocks[thread][thread]
            and access.locks is self._locksets.get(thread, _NO_LOCKS)
        )

    def read(self, thread, variable, line, source, name=None, frame=None):
        shadow = self._shadows.get(variable)
        if shadow is None:
            shadow = self._shadows[variable] = _Shadow()
        write = shadow.write
        if write is None or write.thread == thread:
            again = shadow.last_read
            if thread in self._clocks and self._again(thread, again, line, frame):
                shadow.reads[thread] = again
                shadow.pending[thread] = [again, None]
                return True
        name = variable if name is None else name
        access = self._access(thread, "read", line, source, name, frame)
        if write is not None and write.thread != thread:
            self._check(variable, write, access)
        shadow.reads[thread] = access
        shadow.pending[thread] = [access, None]
        shadow.last_read = access

    def write(self, thread, variable, line, source, name=None, frame=None):
        shadow = self._shadows.get(variable)
        if shadow is None:
            shadow = self._shadows[variable] = _Shadow()
        reads = shadow.reads
        if (
            (not reads or (len(reads) == 1 and thread in reads))
            and thread in self._clocks
            and self._again(thread, shadow.write, line, frame)
        ):
            shadow.reads = {}
            shadow.pending.pop(thread, None)
            return True
        name = variable if name is None else name
        access = self._access(thread, "write", line, source, name, frame)
        write = shadow.write
        if write is not None and write.thread != thread:
            self._check(variable, write, access)
        for reader, read in shadow.reads.items():
            if reader != thread:
                self._check(variable, read, access)
        self._stale(variable, shadow, access)
        shadow.write = access
        shadow.reads = {}

    def _stale(self, variable, shadow, write):
        """A check then act: the writer's own read of the variable, in the same call,
        came before another thread's write, so what it writes rests on stale news.
        Ordered or not, no lock held that thread out from the read to the write."""
        pending = shadow.pending
        mine = pending.pop(write.thread, None)
        if mine is not None:
            read, between = mine
            if between is not None and read.frame == write.frame:
                key = (variable, tuple(sorted((read.line, between.line))))
                if key not in self._reports:  # one report per pair of lines, as races
                    self._reports[key] = self._stale_report(read, between, write)
        for entry in pending.values():
            if entry[1] is None:
                entry[1] = write

    def _check(self, variable, earlier, later):
        """Report ``earlier`` and ``later`` (another thread's, now) if they race."""
        if self._clocks[later.thread].get(earlier.thread, 0) >= earlier.time:
            return  # ordered: the later thread has seen the earlier access
        if earlier.locks & later.locks:
            return  # one lock protects both
        lines = (
            (earlier.line, later.line) if earlier.line <= later.line else (later.line, earlier.line)
        )
        key = (variable, lines)
        if key not in self._reports:
            self._reports[key] = self._report(earlier, later)

    def _stale_report(self, read, between, write):
        name = str(write.name)
        accesses = [self._described(read), self._described(between)]
        own = self._described(write)
        return {
            "variable": name,
            "accesses": accesses,
            "fix": (
                f"a write by {accesses[1]['thread']} on line {between.line} came between "
                f"the read of `{name}` by {own['thread']} on line {read.line} and its "
                f"write on line {write.line}: hold "
                "one `Lock` from the read to the write, so that no other thread writes "
                "in between"
            ),
        }

    def _report(self, earlier, later):
        name = str(later.name)
        first, second = (self._described(access) for access in (earlier, later))
        return {"variable": name, "accesses": [first, second], "fix": fix(name, first, second)}

    def _described(self, access):
        return {
            "thread": self._name_thread(access.thread),
            "line": access.line,
            "kind": access.kind,
            "locks": sorted(self._name_lock(lock) for lock in access.locks),
            "source": self._line_source(access.line) if access.source is None else access.source,
        }

    def reports(self):
        """The races found so far, as JSON-able dicts."""
        return list(self._reports.values())

    def feed(self, event):
        """One event of a trace, as the module's docstring spells them."""
        what, *details = event
        if what not in _EVENTS:
            raise ValueError(f"no such event: {what!r}")
        getattr(self, what)(*details)


_EVENTS = frozenset(
    ("start", "end", "join", "acquire", "release", "signal", "wait", "put", "get", "read", "write")
)


def races(trace, name_thread=str, name_lock=str):
    """The races of a whole trace."""
    check = RaceCheck(name_thread, name_lock)
    for event in trace:
        check.feed(event)
    return check.reports()


def fix(variable, first, second):
    """One sentence on how to make the two accesses safe (``first`` and ``second`` as
    in a report)."""
    kinds = {first["kind"], second["kind"]}
    both = "both writes" if kinds == {"write"} else "the read and the write"
    locked = [access for access in (first, second) if access["locks"]]
    if not locked:
        return f"no single lock protects `{variable}`: hold one `Lock` around {both}"
    if len(locked) == 1:
        held, bare = (first, second) if first["locks"] else (second, first)
        lock = _lock_words(held["locks"])
        return (
            f"`{variable}` is {_done(held)} under {lock} in {held['thread']} but "
            f"{_done(bare)} without it in {bare['thread']}: hold {lock} around that "
            f"{bare['kind']} too"
        )
    return (
        f"no single lock protects `{variable}`: {first['thread']} holds "
        f"{_lock_words(first['locks'])} and {second['thread']} holds "
        f"{_lock_words(second['locks'])}; hold the same `Lock` around {both}"
    )


def _done(access):
    return "written" if access["kind"] == "write" else "read"


def _lock_words(locks):
    return " and ".join(f"`{lock}`" for lock in locks)
