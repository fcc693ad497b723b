"""The race check on synthetic traces: happens-before and locksets, without a run."""

from __future__ import annotations

from typing import Any

from webthreads import race_check

MAIN, ONE, TWO = "MainThread", "Thread-1", "Thread-2"
READ = "current = total"
WRITE = "total = current + 1"


def started(*threads: str) -> list[tuple[Any, ...]]:
    """The main thread writes ``total`` first, then starts ``threads``."""
    return [("write", MAIN, "total", 1, "total = 0")] + [
        ("start", MAIN, thread) for thread in threads
    ]


def increment(thread: str, *locks: str) -> list[tuple[Any, ...]]:
    """``thread`` reads then writes ``total`` (lines 5 and 6) holding ``locks``."""
    return (
        [("acquire", thread, lock) for lock in locks]
        + [("read", thread, "total", 5, READ), ("write", thread, "total", 6, WRITE)]
        + [("release", thread, lock) for lock in reversed(locks)]
    )


def test_an_unlocked_read_and_write_in_two_threads_race() -> None:
    reports = race_check.races(started(ONE, TWO) + increment(ONE) + increment(TWO))
    assert reports == [
        {
            "variable": "total",
            "accesses": [
                {"thread": ONE, "line": 6, "kind": "write", "locks": [], "source": WRITE},
                {"thread": TWO, "line": 5, "kind": "read", "locks": [], "source": READ},
            ],
            "fix": "no single lock protects `total`: hold one `Lock` around the read and the write",
        },
        {
            "variable": "total",
            "accesses": [
                {"thread": ONE, "line": 6, "kind": "write", "locks": [], "source": WRITE},
                {"thread": TWO, "line": 6, "kind": "write", "locks": [], "source": WRITE},
            ],
            "fix": "no single lock protects `total`: hold one `Lock` around both writes",
        },
    ]


def test_a_loop_that_races_many_times_is_reported_once_per_pair_of_lines() -> None:
    trace = started(ONE, TWO)
    for _ in range(100):
        trace += increment(ONE) + increment(TWO)
    reports = race_check.races(trace)
    # Thread-2's write then Thread-1's read is lines 5 and 6 again: the same report.
    assert [[a["line"] for a in report["accesses"]] for report in reports] == [[6, 5], [6, 6]]


def test_one_lock_around_both_protects_the_total() -> None:
    trace = started(ONE, TWO) + increment(ONE, "lock") + increment(TWO, "lock")
    assert race_check.races(trace) == []


def test_two_locks_protect_nothing() -> None:
    trace = started(ONE, TWO) + increment(ONE, "lock_a") + increment(TWO, "lock_b")
    reports = race_check.races(trace)
    assert [access["locks"] for access in reports[0]["accesses"]] == [["lock_a"], ["lock_b"]]
    assert reports[0]["fix"] == (
        "no single lock protects `total`: Thread-1 holds `lock_a` and Thread-2 holds "
        "`lock_b`; hold the same `Lock` around the read and the write"
    )


def test_two_locks_held_together_by_both_threads_protect_the_total() -> None:
    trace = started(ONE, TWO) + increment(ONE, "a", "b") + increment(TWO, "b", "c")
    assert race_check.races(trace) == []


def test_a_lock_on_one_side_only_is_named_in_the_fix() -> None:
    trace = started(ONE, TWO) + increment(ONE, "total_lock") + increment(TWO)
    fixes = {report["fix"] for report in race_check.races(trace)}
    assert fixes == {
        "`total` is written under `total_lock` in Thread-1 but read without it in "
        "Thread-2: hold `total_lock` around that read too",
        "`total` is written under `total_lock` in Thread-1 but written without it in "
        "Thread-2: hold `total_lock` around that write too",
    }


def test_data_initialised_before_start_is_no_race() -> None:
    trace = [("write", MAIN, "config", 1, "config = {}")]
    trace += [("start", MAIN, ONE), ("read", ONE, "config", 4, "print(config)")]
    trace += [("start", MAIN, TWO), ("read", TWO, "config", 4, "print(config)")]
    assert race_check.races(trace) == []


def test_data_written_after_start_races_with_the_started_thread() -> None:
    trace = [("start", MAIN, ONE), ("write", MAIN, "config", 9, "config = {}")]
    trace += [("read", ONE, "config", 4, "print(config)")]
    assert [report["variable"] for report in race_check.races(trace)] == ["config"]


def test_read_only_sharing_is_no_race() -> None:
    trace = [("start", MAIN, ONE), ("start", MAIN, TWO)]
    trace += [("read", thread, "LIMIT", 3, "LIMIT") for thread in (ONE, TWO, MAIN, ONE)]
    assert race_check.races(trace) == []


def test_a_join_orders_the_threads_work_before_the_joiners_read() -> None:
    trace = started(ONE) + increment(ONE) + [("end", ONE), ("join", MAIN, ONE)]
    trace += [("read", MAIN, "total", 9, "print(total)")]
    assert race_check.races(trace) == []


def test_a_read_before_the_join_races() -> None:
    trace = started(ONE) + increment(ONE) + [("read", MAIN, "total", 9, "print(total)")]
    trace += [("end", ONE), ("join", MAIN, ONE)]
    assert len(race_check.races(trace)) == 1


def test_a_queue_hands_off_what_was_put() -> None:
    trace = [("start", MAIN, ONE), ("start", MAIN, TWO)]
    trace += [("write", ONE, "item", 3, "item.value = 1"), ("put", ONE, "q")]
    trace += [("get", TWO, "q"), ("write", TWO, "item", 7, "item.value += 1")]
    assert race_check.races(trace) == []


def test_a_get_is_ordered_after_its_own_put_only() -> None:
    trace = [("start", MAIN, ONE), ("start", MAIN, TWO)]
    trace += [("put", ONE, "q"), ("write", ONE, "late", 4, "late = 1"), ("put", ONE, "q")]
    trace += [("get", TWO, "q"), ("read", TWO, "late", 8, "print(late)")]
    assert [report["variable"] for report in race_check.races(trace)] == ["late"]
    trace += [("get", TWO, "q"), ("read", TWO, "late", 9, "print(late)")]
    assert len(race_check.races(trace)) == 1  # line 9 comes after the second put


def test_an_event_orders_what_came_before_set_before_what_follows_wait() -> None:
    trace = [("start", MAIN, ONE), ("write", MAIN, "data", 5, "data = 1")]
    trace += [("signal", MAIN, "ready"), ("wait", ONE, "ready")]
    trace += [("read", ONE, "data", 2, "print(data)")]
    assert race_check.races(trace) == []
    unsignalled = trace[:2] + [("wait", ONE, "ready"), ("read", ONE, "data", 2, "print(data)")]
    assert len(race_check.races(unsignalled)) == 1


def test_a_barrier_orders_every_party_before_every_other() -> None:
    trace = [("start", MAIN, ONE), ("start", MAIN, TWO)]
    trace += [("write", ONE, "part", 3, "parts[0] = 1"), ("signal", ONE, "barrier")]
    trace += [("write", TWO, "other", 3, "parts[1] = 1"), ("signal", TWO, "barrier")]
    trace += [("wait", ONE, "barrier"), ("wait", TWO, "barrier")]
    trace += [("read", ONE, "other", 5, "parts"), ("read", TWO, "part", 5, "parts")]
    assert race_check.races(trace) == []


def test_a_lock_released_by_another_thread_leaves_the_holders_lockset() -> None:
    trace = [("start", MAIN, ONE), ("start", MAIN, TWO), ("acquire", ONE, "gate")]
    trace += [("release", TWO, "gate"), ("write", ONE, "x", 3, "x = 1")]
    trace += [("write", TWO, "x", 4, "x = 2")]
    reports = race_check.races(trace)
    assert [access["locks"] for access in reports[0]["accesses"]] == [[], []]


def test_a_reentrant_lock_is_held_until_its_last_release() -> None:
    trace = [("start", MAIN, ONE), ("start", MAIN, TWO)]
    trace += [("acquire", ONE, "r"), ("acquire", ONE, "r"), ("release", ONE, "r")]
    trace += [("write", ONE, "x", 3, "x = 1"), ("release", ONE, "r")]
    trace += [("acquire", TWO, "r"), ("write", TWO, "x", 4, "x = 2"), ("release", TWO, "r")]
    assert race_check.races(trace) == []


def test_reports_name_threads_and_locks_as_asked() -> None:
    trace = started(1, 2) + increment(1, 10) + increment(2)
    reports = race_check.races(trace, name_thread=lambda t: f"T{t}", name_lock=lambda k: f"L{k}")
    assert reports[0]["accesses"][0]["thread"] == "T1"
    assert reports[0]["accesses"][0]["locks"] == ["L10"]


def test_a_report_spells_the_variable_as_the_access_names_it() -> None:
    trace = [("start", MAIN, ONE), ("write", MAIN, (7, "count"), 3, "c.count = 0", "c.count")]
    trace += [("write", ONE, (7, "count"), 9, "self.count = 1", "self.count")]
    assert race_check.races(trace)[0]["variable"] == "self.count"


def test_an_unknown_event_is_refused() -> None:
    check = race_check.RaceCheck()
    try:
        check.feed(("fork", MAIN, ONE))
    except ValueError as error:
        assert "fork" in str(error)
    else:
        raise AssertionError("no error")


def test_a_check_then_act_is_reported_even_when_ordered() -> None:
    # Thread-1 checks, starts Thread-2, which checks and stores, and joins it: then
    # Thread-1 stores on what it read before Thread-2's store.
    check, act = "if key not in cache:", "cache[key] = load(key)"
    trace = [("start", MAIN, ONE), ("read", ONE, "entry", 7, check, "cache['k']", "call 1")]
    trace += [("start", ONE, TWO), ("read", TWO, "entry", 7, check, "cache['k']", "call 2")]
    trace += [("write", TWO, "entry", 8, act, "cache['k']", "call 2"), ("end", TWO)]
    trace += [("join", ONE, TWO), ("write", ONE, "entry", 8, act, "cache['k']", "call 1")]
    reports = race_check.races(trace)
    assert [(a["thread"], a["line"], a["kind"]) for a in reports[0]["accesses"]] == [
        (ONE, 7, "read"),
        (TWO, 8, "write"),
    ]
    assert reports[0]["fix"] == (
        "a write by Thread-2 on line 8 came between the read of `cache['k']` by Thread-1 "
        "on line 7 and its write on line 8: hold one `Lock` from the read to the write, "
        "so that no other thread writes in between"
    )
    assert len(reports) == 1


def test_no_check_then_act_when_the_read_and_the_write_are_in_different_calls() -> None:
    trace = [("start", MAIN, ONE), ("read", ONE, "x", 3, "print(x)", "x", "call 1")]
    trace += [("start", ONE, TWO), ("write", TWO, "x", 9, "x = 2", "x", "call 2")]
    trace += [("end", TWO), ("join", ONE, TWO), ("write", ONE, "x", 5, "x = 1", "x", "call 3")]
    assert race_check.races(trace) == []


def test_no_check_then_act_when_the_thread_read_again_after_the_other_write() -> None:
    trace = [("start", MAIN, ONE), ("read", ONE, "x", 3, "x", "x", "call")]
    trace += [("start", ONE, TWO), ("write", TWO, "x", 9, "x = 2", "x", "other")]
    trace += [("end", TWO), ("join", ONE, TWO), ("read", ONE, "x", 4, "x", "x", "call")]
    trace += [("write", ONE, "x", 5, "x += 1", "x", "call")]
    assert race_check.races(trace) == []


def test_an_access_that_tells_nothing_new_says_so_until_something_happens() -> None:
    check = race_check.RaceCheck()
    check.start(MAIN, ONE)
    seen = [check.read(ONE, "total", 5, READ), check.write(ONE, "total", 6, WRITE)]
    seen += [check.read(ONE, "total", 5, READ), check.write(ONE, "total", 6, WRITE)]
    assert seen == [None, None, True, True]  # the second pass: the same epoch and lines
    check.acquire(ONE, "lock")
    assert check.read(ONE, "total", 5, READ) is None  # other locks held
    check.release(ONE, "lock")
    assert check.read(ONE, "total", 5, READ) is None  # a new epoch
    check.start(MAIN, TWO)
    check.read(TWO, "total", 5, READ)
    assert check.write(ONE, "total", 6, WRITE) is None  # another thread read it
    assert len(check.reports()) == 1
