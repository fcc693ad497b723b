"""The timeline's naming and assembly (timeline/naming.py), shared by its two emitters.

Waits are named from real stacks: a thread of this process blocks in a real primitive of
the standard library, called from code compiled as the program's ``main.py``, and its
stack is named there, as an emitter names it at the moment the thread blocks. What C
does on CPython (a lock, a sleep) stands in as code of this file's: the emitter's own,
as the recorder's wrappers and the browser runtime are.

The timelines themselves are assembled from lanes written out here, in seconds.
"""

from __future__ import annotations

import json
import queue
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from types import FrameType
from typing import Any

import pytest

from timeline import naming
from timeline.naming import LIBRARY, OWN, RUNNING, SLEEPING, USER, WAITING, Lane, Span

THREAD_CALLS = {
    threading.Thread.start.__code__: "Thread.start()",
    threading.Thread.join.__code__: "Thread.join()",
}


# --- the emitter's own code: what is C on CPython -----------------------------------


class lock:  # named as the browser runtime's lock is, which the reader knows as Lock
    def __init__(self) -> None:
        self._free = threading.Event()

    def acquire(self) -> None:
        self._free.wait()

    def __enter__(self) -> None:
        self._free.wait()

    def __exit__(self, *exc_info: object) -> None:
        pass

    def release(self) -> None:
        self._free.set()


_woken = threading.Event()  # what sleep() and run() below wait for (see `woken`)


def sleep(seconds: float) -> None:
    """Stands for a runtime's time.sleep: the name says the seconds, not the clock."""
    _woken.wait()


def run(main: Callable[[], object]) -> None:
    """Stands for a runtime's replacement of a module's function (asyncio.run)."""
    _woken.wait()


@pytest.fixture
def woken() -> Iterator[threading.Event]:
    """The event that ends sleep() and run(), unset for the next test."""
    yield _woken
    _woken.clear()


OWN_CODE = {"lock": lock, "sleep": sleep, "run": run}


def classify(kinds: dict, code: Any) -> str:
    filename = code.co_filename
    kind = USER if filename == "main.py" else OWN if filename == __file__ else LIBRARY
    kinds[code] = kind
    return kind


# --- a program that blocks --------------------------------------------------------


def program(source: str) -> dict[str, Any]:
    """``source`` run as the program's ``main.py``: its namespace."""
    namespace: dict[str, Any] = {"__name__": "__main__", **OWN_CODE}
    exec(compile(textwrap.dedent(source), "main.py", "exec"), namespace)
    return namespace


def line_of(source: str, text: str) -> int:
    numbers = [n for n, line in enumerate(textwrap.dedent(source).splitlines(), 1) if text in line]
    assert len(numbers) == 1, (text, numbers)
    return numbers[0]


def inside(function: Callable) -> Callable[[FrameType], bool]:
    """Whether a thread's stack, from its innermost ``frame``, is in a call of it."""
    code = function.__code__

    def test(frame: FrameType | None) -> bool:
        while frame is not None:
            if frame.f_code is code:
                return True
            frame = frame.f_back
        return False

    return test


def blocked_in(function: Callable) -> Callable[[FrameType], bool]:
    """Whether a thread's innermost frame is a call of it."""
    code = function.__code__
    return lambda frame: frame.f_code is code


@contextmanager
def blocked(target: Callable[[], object], test: Callable[[FrameType], bool],
            release: Callable[[], object]) -> Iterator[FrameType]:
    """The innermost frame of a thread running ``target``, once ``test`` holds of it;
    ``release()`` lets the thread go on, and it ends."""
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while True:
            frame = sys._current_frames().get(thread.ident)
            if frame is not None and test(frame):
                break
            assert time.monotonic() < deadline, "the thread never blocked where expected"
            time.sleep(0.001)
        yield frame
    finally:
        release()
        thread.join(timeout=30)
    assert not thread.is_alive()


def named(frame: FrameType, state: str = WAITING, seconds: float | None = None,
          **names: dict) -> str:
    """The ``on`` of a span made where ``frame`` blocks, as an emitter makes it."""
    kinds: dict = {}
    _, call, place = naming.find_call(frame, kinds, lambda code: classify(kinds, code),
                                      THREAD_CALLS)
    span = Span(0.0, state, seconds if state == SLEEPING else call, place)
    return naming.describer(calls=THREAD_CALLS, **names)(span)


# Each program's wait() blocks once, marked "# the wait"; release() ends it.
WAITS = {
    "Event.wait()": (
        """
        import threading
        event = threading.Event()
        def wait():
            event.wait()  # the wait
        def release():
            event.set()
        """,
        threading.Event.wait,
    ),
    "Queue.get()": (
        """
        import queue
        jobs = queue.Queue()
        def wait():
            jobs.get()  # the wait
        def release():
            jobs.put("a job")
        """,
        queue.Queue.get,
    ),
    # The program's own class, not the class that defines the method.
    "Orders.get()": (
        """
        import queue
        class Orders(queue.Queue):
            pass
        orders = Orders()
        def wait():
            orders.get()  # the wait
        def release():
            orders.put("an order")
        """,
        queue.Queue.get,
    ),
    "Condition.wait_for()": (
        """
        import threading
        condition = threading.Condition()
        ready = []
        def wait():
            with condition:
                condition.wait_for(lambda: ready)  # the wait
        def release():
            with condition:
                ready.append(True)
                condition.notify()
        """,
        threading.Condition.wait_for,
    ),
    "with Condition": (
        """
        import threading
        condition = threading.Condition(threading.Lock())
        condition.acquire()
        def wait():
            with condition:  # the wait
                pass
        def release():
            condition.release()
        """,
        threading.Condition.__enter__,
    ),
    "Semaphore.acquire()": (
        """
        import threading
        slots = threading.Semaphore(0)
        def wait():
            slots.acquire()  # the wait
        def release():
            slots.release()
        """,
        threading.Semaphore.acquire,
    ),
    "Barrier.wait()": (
        """
        import threading
        barrier = threading.Barrier(2)
        def wait():
            barrier.wait()  # the wait
        def release():
            barrier.wait()
        """,
        threading.Barrier.wait,
    ),
    "Future.result()": (
        """
        from concurrent.futures import Future
        future = Future()
        def wait():
            future.result()  # the wait
        def release():
            future.set_result(42)
        """,
        Future.result,
    ),
    # Named as a whole, on any subclass of Thread.
    "Thread.join()": (
        """
        import threading
        class Worker(threading.Thread):
            pass
        go = threading.Event()
        worker = Worker(target=go.wait, daemon=True)
        worker.start()
        def wait():
            worker.join()  # the wait
        def release():
            go.set()
            worker.join()
        """,
        threading.Thread.join,
    ),
    "end of with ThreadPoolExecutor": (
        """
        import threading
        from concurrent.futures import ThreadPoolExecutor
        go = threading.Event()
        pool = ThreadPoolExecutor(max_workers=1)
        pool.submit(go.wait)
        def wait():
            with pool:  # the wait
                pass
        def release():
            go.set()
        """,
        ThreadPoolExecutor.__exit__,
    ),
    # The runtime's lock, by the name the reader knows (see below for its own).
    "Lock.acquire()": (
        """
        door = lock()
        def wait():
            door.acquire()  # the wait
        def release():
            door.release()
        """,
        lock.acquire,
    ),
    "with Lock": (
        """
        door = lock()
        def wait():
            with door:  # the wait
                pass
        def release():
            door.release()
        """,
        lock.__enter__,
    ),
}


@pytest.mark.parametrize("call", WAITS)
def test_a_wait_is_named_after_the_programs_call_and_line(call: str) -> None:
    source, primitive = WAITS[call]
    namespace = program(source)
    with blocked(namespace["wait"], inside(primitive), namespace["release"]) as frame:
        on = named(frame, classes={"lock": "Lock"})
    assert on == f"{call} at main.py:{line_of(source, '# the wait')}"


def test_a_class_is_named_as_the_code_names_it_unless_the_emitter_renames_it() -> None:
    source, primitive = WAITS["Lock.acquire()"]
    namespace = program(source)
    with blocked(namespace["wait"], inside(primitive), namespace["release"]) as frame:
        on = named(frame)
    assert on == f"lock.acquire() at main.py:{line_of(source, '# the wait')}"


def test_a_functions_module_is_named_only_when_the_emitter_renames_it(
    woken: threading.Event,
) -> None:
    source = """
    def wait():
        run(print)  # the wait
    """
    namespace = program(source)
    with blocked(namespace["wait"], inside(run), woken.set) as frame:
        plain = named(frame)
        renamed = named(frame, modules={__name__: "asyncio"})
    line = line_of(source, "# the wait")
    assert (plain, renamed) == (f"run() at main.py:{line}", f"asyncio.run() at main.py:{line}")


def test_thread_start_is_named_after_thread_on_any_subclass() -> None:
    class Worker(threading.Thread):
        pass

    code = threading.Thread.start.__code__
    assert naming.call_name(code, Worker) == "Worker.start()"
    assert naming.call_name(code, Worker, calls=THREAD_CALLS) == "Thread.start()"


def test_a_sleep_is_named_with_its_seconds(woken: threading.Event) -> None:
    source = """
    def wait():
        sleep(0.25)  # the wait
    """
    namespace = program(source)
    with blocked(namespace["wait"], inside(sleep), woken.set) as frame:
        on = named(frame, SLEEPING, seconds=0.25)
    assert on == f"time.sleep(0.25) at main.py:{line_of(source, '# the wait')}"


def test_sleeps_at_one_line_are_named_with_the_seconds_each_was_given() -> None:
    code = compile("import time\n\nfor seconds in (0, 0.0, 0.5):\n    time.sleep(seconds)\n",
                   "main.py", "exec")
    lasti = next(start for start, _, line in code.co_lines() if line == 4)
    describe = naming.describer()
    place = ("at", code, lasti)
    texts = [describe(Span(0.0, SLEEPING, seconds, place)) for seconds in (0, 0.0, 0.5)]
    assert texts == [
        "time.sleep(0) at main.py:4",
        "time.sleep(0.0) at main.py:4",
        "time.sleep(0.5) at main.py:4",
    ]


def test_a_wait_in_library_code_alone_is_placed_in_the_function_that_made_it() -> None:
    event = threading.Event()
    with blocked(event.wait, blocked_in(threading.Condition.wait), event.set) as frame:
        on = named(frame)
    assert on == "Condition.wait() in threading.Event.wait()"


def test_a_join_in_library_code_alone_is_named_as_a_whole() -> None:
    go = threading.Event()
    worker = threading.Thread(target=go.wait, daemon=True)
    worker.start()
    with blocked(worker.join, inside(threading.Thread.join), go.set) as frame:
        on = named(frame)
    assert on == "Thread.join() in threading.Thread.run()"


def test_a_wait_with_neither_program_nor_library_code_is_an_unknown_call() -> None:
    frame = sys._getframe()
    _, call, place = naming.find_call(frame, {}, lambda code: OWN)
    assert (call, place) == (None, None)
    assert naming.describer()(Span(0.0, WAITING, call, place)) == "an unknown call"


def test_one_call_that_blocks_again_is_one_span() -> None:
    call, other_call = object(), object()  # stand for the frames of two calls
    thread = Lane(None, "MainThread", 0.0)
    thread.spans.append(Span(1.0, WAITING, None, None, stop=2.0))
    thread.last_call = call
    assert thread.span_of_same_call(call, WAITING) is thread.spans[-1]
    assert thread.span_of_same_call(other_call, WAITING) is None
    assert thread.span_of_same_call(call, SLEEPING) is None
    # An event loop's waits for its next timer: each is a span of its own.
    assert thread.span_of_same_call(call, WAITING, ends_at_deadline=True) is None
    thread.spans.append(Span(3.0, WAITING, None, None, ends_at_deadline=True, stop=4.0))
    assert thread.span_of_same_call(call, WAITING) is None


# --- the timeline -----------------------------------------------------------------

T0 = 100.0  # seconds; every time below is T0 plus a few milliseconds


def at(ms: float) -> float:
    return T0 + ms / 1000


def lane(name: str, start: float | None, end: float | None, *spans: Span,
         prints: tuple = ()) -> Lane:
    made = Lane(None, name, None if start is None else at(start))
    made.end = None if end is None else at(end)
    made.spans = list(spans)
    made.prints = [(at(t), text) for t, text in prints]
    return made


def wait(start: float, stop: float | None, on: str, timed_out: bool = False) -> Span:
    return Span(at(start), WAITING, on, None, stop=None if stop is None else at(stop),
                timed_out=timed_out)


def nap(start: float, stop: float, on: str) -> Span:
    return Span(at(start), SLEEPING, on, None, stop=at(stop))


def text(span: Span) -> str:
    return span.call  # the spans below carry their text as their call


def spans_of(data: dict, thread: int) -> list[tuple]:
    return [
        (span["from"], span["to"], span["state"], span.get("on"), span.get("timeout", False))
        for span in data["spans"]
        if span["thread"] == thread
    ]


def test_running_spans_fill_the_gaps_between_waits_and_sleeps() -> None:
    main = lane(
        "MainThread", 0, 10,
        wait(1, 3, "Queue.get() at main.py:5"),
        nap(5, 6, "time.sleep(0.001) at main.py:6"),
    )
    data = naming.timeline([main], T0, at(12), text)
    assert spans_of(data, 1) == [
        (0.0, 1.0, RUNNING, None, False),
        (1.0, 3.0, WAITING, "Queue.get() at main.py:5", False),
        (3.0, 5.0, RUNNING, None, False),
        (5.0, 6.0, SLEEPING, "time.sleep(0.001) at main.py:6", False),
        (6.0, 10.0, RUNNING, None, False),
    ]


def test_a_wait_that_timed_out_says_so() -> None:
    main = lane("MainThread", 0, 5, wait(1, 3, "Lock.acquire() at main.py:2", timed_out=True))
    data = naming.timeline([main], T0, at(5), text)
    assert spans_of(data, 1)[1] == (1.0, 3.0, WAITING, "Lock.acquire() at main.py:2", True)
    assert "timeout" not in data["spans"][0]


def test_gaps_shorter_than_the_rounding_go_and_waits_that_short_stay() -> None:
    main = lane(
        "MainThread", 0, 4,
        wait(1, 2, "Event.wait() at main.py:3"),
        wait(2.0000001, 2.0000002, "Event.wait() at main.py:4"),  # 0.1 ns apart
        wait(2.0000003, 4, "Event.wait() at main.py:5"),
    )
    data = naming.timeline([main], T0, at(4), text)
    assert spans_of(data, 1) == [
        (0.0, 1.0, RUNNING, None, False),
        (1.0, 2.0, WAITING, "Event.wait() at main.py:3", False),
        (2.0, 2.0, WAITING, "Event.wait() at main.py:4", False),
        (2.0, 4.0, WAITING, "Event.wait() at main.py:5", False),
    ]


def test_a_thread_that_did_nothing_but_begin_and_end_keeps_one_span() -> None:
    data = naming.timeline([lane("MainThread", 0, 0)], T0, at(1), text)
    assert spans_of(data, 1) == [(0.0, 0.0, RUNNING, None, False)]


def test_a_wait_that_never_ended_lasts_as_long_as_its_thread() -> None:
    stuck = lane("Thread-1", 1, None, wait(2, None, "with Lock at main.py:6"))
    data = naming.timeline([lane("MainThread", 0, 3), stuck], T0, at(8), text)
    assert spans_of(data, 2) == [
        (1.0, 2.0, RUNNING, None, False),
        (2.0, 8.0, WAITING, "with Lock at main.py:6", False),
    ]
    assert data["end"] == 8.0


def test_threads_are_numbered_in_start_order_and_those_that_never_ran_left_out() -> None:
    lanes = [
        lane("MainThread", 0, 9, prints=((8, "done"), (1, "first"))),
        lane("Thread-1 (never ran)", None, None),
        lane("Thread-2 (work)", 2, 5, prints=((4, "working"),)),
    ]
    data = naming.timeline(lanes, T0, at(10), text)
    assert data["threads"] == [
        {"id": 1, "name": "MainThread"},
        {"id": 2, "name": "Thread-2 (work)"},
    ]
    assert data["prints"] == [
        {"thread": 1, "t": 1.0, "text": "first"},
        {"thread": 2, "t": 4.0, "text": "working"},
        {"thread": 1, "t": 8.0, "text": "done"},
    ]
    assert [(span["from"], span["thread"]) for span in data["spans"]] == [(0.0, 1), (2.0, 2)]


def test_the_json_has_the_formats_fields_and_nothing_else() -> None:
    data = naming.timeline([lane("MainThread", 0, 2, wait(1, 2, "Event.wait() at main.py:1"))],
                           T0, at(2.5), text)
    assert set(data) == {"threads", "spans", "prints", "end"}
    assert data["end"] == 2.5
    keys = {key for span in data["spans"] for key in span}
    assert keys == {"thread", "from", "to", "state", "on"}
    assert json.loads(json.dumps(data)) == data


def test_a_cut_timeline_ends_at_the_cut_and_says_when_the_run_ended() -> None:
    lanes = [
        lane("MainThread", 0, None, nap(1, 3, "time.sleep(0) at main.py:2"),
             wait(4, None, "Thread.join() at main.py:5")),
        lane("Thread-1", 2, 9, wait(5, 8, "Event.wait() at main.py:9")),
        lane("Thread-2", 7, 8),  # began after the cut
    ]
    data = naming.timeline(lanes, T0, at(20), text, cut_at=at(6))
    assert data["truncated"] == {"records": naming.MAX_RECORDS, "runEnd": 20.0}
    assert data["end"] == 6.0
    assert [thread["name"] for thread in data["threads"]] == ["MainThread", "Thread-1"]
    assert spans_of(data, 1)[-1] == (4.0, 6.0, WAITING, "Thread.join() at main.py:5", False)
    assert spans_of(data, 2) == [
        (2.0, 5.0, RUNNING, None, False),
        (5.0, 6.0, WAITING, "Event.wait() at main.py:9", False),
    ]
