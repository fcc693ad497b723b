"""The race check of real runs: programs run as ``main.py`` on the runtime, with
``threading`` and ``queue`` built on its green threads, on the stand-in browser.

The watcher needs ``sys.monitoring``, and the runtime the thread API of Python 3.13+:
each program runs in ``race_watch_run.py`` on the venv `make setup` makes for it
(``.venv-monitoring``), or else the first Python found that will do and has greenlet,
whatever Python runs the tests. Without one the tests fail, saying so.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tests.snippet_files import SNIPPETS_DIR

RUNNER = Path(__file__).with_name("race_watch_run.py")
MONITORING_PYTHON = Path(__file__).resolve().parents[3] / ".venv-monitoring" / "bin" / "python"


@functools.cache
def _python() -> str | None:
    """This Python if it will do, else the first of the ones found that will."""
    candidates = [sys.executable, str(MONITORING_PYTHON)]  # the one `make setup` makes
    candidates += [shutil.which(f"python3.{minor}") for minor in range(13, 30)]
    candidates += sorted(str(p) for p in Path.home().glob(".pyenv/versions/*/bin/python3"))
    for python in filter(None, candidates):
        try:
            found = subprocess.run([python, "-c", _FITS], capture_output=True, timeout=60)
        except OSError:
            continue
        if found.returncode == 0:
            return python
    return None


_FITS = "import sys, greenlet; sys.exit(sys.version_info < (3, 13))"


def races(source: str) -> list[dict[str, Any]]:
    """The race reports of one run of ``source``."""
    python = _python()
    if python is None:
        pytest.fail(
            "the race watcher's tests need Python 3.13 or later (sys.monitoring) with "
            "greenlet, and none was found on PATH or under ~/.pyenv/versions: install one "
            "(`python3.14 -m pip install greenlet==3.5.6`)",
            pytrace=False,
        )
    result = subprocess.run(
        [python, str(RUNNER)],
        input=textwrap.dedent(source),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def variables(source: str) -> list[str]:
    return [report["variable"] for report in races(source)]


def test_a_lost_update_is_reported_with_its_lines_threads_and_fix() -> None:
    reports = races((SNIPPETS_DIR / "race_conditions" / "lost_update.py").read_text())
    assert reports[0] == {
        "variable": "total",
        "accesses": [
            {
                "thread": "Thread-1 (deposit)",
                "line": 15,
                "kind": "write",
                "locks": [],
                "source": "total = current + amount  # 3. write back, based on what we read",
            },
            {
                "thread": "Thread-2 (deposit)",
                "line": 13,
                "kind": "read",
                "locks": [],
                "source": "current = total  # 1. read the shared total",
            },
        ],
        "fix": "no single lock protects `total`: hold one `Lock` around the read and the write",
    }
    assert [[a["line"] for a in report["accesses"]] for report in reports] == [[15, 13], [15, 15]]


def test_threads_that_ran_one_after_the_other_still_race() -> None:
    # Without a switch inside the loop each thread runs its 500 increments whole; the
    # table of threads that threading locks as each thread starts and ends orders
    # nothing the program sees.
    reports = races((SNIPPETS_DIR / "race_conditions" / "plus_equals.py").read_text())
    assert [(r["variable"], [a["line"] for a in r["accesses"]]) for r in reports] == [
        ("total", [12, 12])
    ]


def test_a_counter_under_one_lock_is_no_race() -> None:
    assert races((SNIPPETS_DIR / "race_conditions" / "locked_total.py").read_text()) == []


def test_a_read_outside_the_lock_names_the_lock_in_the_fix() -> None:
    reports = races((SNIPPETS_DIR / "locks" / "print_outside_lock.py").read_text())
    # A thread's unlocked read, then the next thread's write under the lock.
    assert [access["locks"] for access in reports[0]["accesses"]] == [[], ["total_lock"]]
    assert "hold `total_lock` around that read too" in reports[0]["fix"]


def test_a_check_then_act_is_reported_though_a_join_orders_it() -> None:
    reports = races((SNIPPETS_DIR / "thread_safety" / "check_then_act.py").read_text())
    assert [(r["variable"], [a["line"] for a in r["accesses"]]) for r in reports] == [
        ("cache['config']", [7, 8])
    ]
    assert reports[0]["fix"].startswith("a write by Thread-2 (get_racy) on line 8 came between")


def test_a_queue_hand_off_is_no_race() -> None:
    assert (
        races(
            """
            import queue, threading

            class Box:
                pass

            jobs = queue.Queue()

            def produce():
                for n in range(20):
                    box = Box()
                    box.value = n
                    jobs.put(box)

            def consume():
                for _ in range(20):
                    box = jobs.get()
                    box.value += 1

            threads = [threading.Thread(target=produce), threading.Thread(target=consume)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            """
        )
        == []
    )


def test_data_initialised_before_start_and_read_after_join_is_no_race() -> None:
    assert (
        races(
            """
            import threading

            settings = {"step": 2}
            results = [0, 0]

            def work(slot):
                results[slot] = settings["step"] * slot

            threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            print(results[0] + results[1], settings["step"])
            """
        )
        == []
    )


def test_a_read_before_the_join_races() -> None:
    source = """
        import threading
        import time

        done = False

        def work():
            global done
            done = True

        thread = threading.Thread(target=work)
        thread.start()
        time.sleep(0)
        print(done)
        thread.join()
        """
    assert variables(source) == ["done"]


def test_an_attribute_of_a_shared_object_races_and_is_named_as_the_code_spells_it() -> None:
    source = """
        import threading

        class Counter:
            def __init__(self):
                self.count = 0

            def add(self):
                for _ in range(50):
                    self.count += 1

        counter = Counter()
        threads = [threading.Thread(target=counter.add) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        """
    assert variables(source) == ["self.count"]


def test_items_of_a_shared_dict_race_key_by_key() -> None:
    source = """
        import threading

        counts = {"a": 0, "b": 0}

        def count(word):
            for _ in range(20):
                counts[word] += 1

        threads = [threading.Thread(target=count, args=(w,)) for w in "aab"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        """
    assert variables(source) == ["counts['a']"]


def test_thread_local_attributes_and_own_objects_are_no_race() -> None:
    source = """
        import threading

        mine = threading.local()

        class Point:
            pass

        def work():
            for n in range(20):
                mine.value = n
                point = Point()
                point.x = n

        threads = [threading.Thread(target=work) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        """
    assert races(source) == []


def test_event_condition_and_semaphore_orderings_are_no_race() -> None:
    source = """
        import threading

        data = None
        ready = threading.Event()
        items = []
        available = threading.Condition()
        slots = threading.Semaphore(1)
        shared = [0]

        def produce():
            global data
            data = "loaded"
            ready.set()
            with available:
                items.append(1)
                available.notify()

        def consume():
            ready.wait()
            print(data)
            with available:
                while not items:
                    available.wait()
            for _ in range(5):
                with slots:
                    shared[0] += 1

        threads = [threading.Thread(target=consume), threading.Thread(target=produce)]
        threads.append(threading.Thread(target=consume))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        """
    assert races(source) == []


def test_two_different_locks_race() -> None:
    source = """
        import threading

        total = 0
        locks = [threading.Lock(), threading.Lock()]

        def deposit(lock):
            global total
            for _ in range(20):
                with lock:
                    total += 1

        threads = [threading.Thread(target=deposit, args=(lock,)) for lock in locks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        """
    reports = races(source)
    assert [r["variable"] for r in reports] == ["total"]
    assert [len(access["locks"]) for access in reports[0]["accesses"]] == [1, 1]


def test_a_thread_that_waited_on_a_condition_holds_no_lock_after() -> None:
    source = """
        import threading

        total = 0
        ready = threading.Condition()
        started = []

        def waiter():
            global total
            with ready:
                while not started:
                    ready.wait()
            total += 1

        def other():
            global total
            with ready:
                started.append(1)
                ready.notify()
            total += 1

        threads = [threading.Thread(target=waiter), threading.Thread(target=other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        """
    reports = races(source)
    assert [r["variable"] for r in reports] == ["total"]
    assert [access["locks"] for access in reports[0]["accesses"]] == [[], []]


def test_a_loop_left_out_after_its_first_passes_is_watched_again_in_the_next_thread() -> None:
    # Each thread's increments pass unwatched after the first two (nothing new to
    # learn); the switch to the next thread, with no synchronisation between, turns
    # them on again for it.
    source = """
        import threading
        import time

        total = 0

        def deposit():
            global total
            for _ in range(3):
                time.sleep(0)  # both threads started before either loops
            for _ in range(50):
                total += 1
            for _ in range(10):
                time.sleep(0)  # alive, not ending, while the other thread loops

        threads = [threading.Thread(target=deposit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(total)
        """
    reports = races(source)
    assert [(r["variable"], [a["thread"] for a in r["accesses"]]) for r in reports] == [
        ("total", ["Thread-1 (deposit)", "Thread-2 (deposit)"])
    ]
