"""The explorer (runner/worker/explorer.mjs): a program run many times in one worker,
each run under another schedule and in virtual time, its outcomes counted; every
outcome's schedule replays, in a fresh worker, to exactly that outcome; each run keeps
its time limit and output cap; a worker serves one exploration after another, each as
a fresh worker would.

What a correct program must print comes from CPython, or from a plain run in the
browser; the explorer is seeded, so each exploration here is the same every time."""

from __future__ import annotations

import pytest

from .runtime_harness import run_in_cpython
from .schedule_harness import Reply, Workers, explore_request, run_request, workers

__all__ = ["workers"]  # the fixture, for the tests below

pytestmark = pytest.mark.timeout(300)

GRANULARITIES = ["switch-points", "line", "bytecode"]

LOCKED_TOTAL = """\
import threading

total = 0
lock = threading.Lock()

def add():
    global total
    for _ in range(3):
        with lock:
            total += 1

threads = [threading.Thread(target=add) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("total", total)
"""

# Two threads take two locks: in opposite orders, a schedule that lets each take its
# first lock before the other takes its second deadlocks; in the same order, none can.
OPPOSITE_ORDER = """\
import threading

first, second = threading.Lock(), threading.Lock()

def forward():
    with first:
        with second:
            pass

def backward():
    with second:
        with first:
            pass

threads = [threading.Thread(target=forward), threading.Thread(target=backward)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("finished")
"""

SAME_ORDER = OPPOSITE_ORDER.replace(
    "    with second:\n        with first:", "    with first:\n        with second:"
)

# At bytecode granularity a thread can be switched out inside `total += 1`.
LOST_UPDATE = """\
import threading

total = 0

def add():
    global total
    for _ in range(2):
        total += 1

threads = [threading.Thread(target=add) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("total", total)
"""

SLEEPS = """\
import threading, time

started = time.monotonic()

def nap():
    for _ in range(4):
        time.sleep(0.25)

thread = threading.Thread(target=nap)
thread.start()
nap()
thread.join()
print(f"slept {time.monotonic() - started:.1f} s")
"""

ENDLESS = """\
import threading

def spin():
    while True:
        pass

threading.Thread(target=spin).start()
print("started")
spin()
"""

FLOOD = """\
import threading

def say(word):
    while True:
        print(word * 30)

threading.Thread(target=say, args=("a",)).start()
say("b")
"""

# Each run writes a file: a run that found the file of the run before would print more.
WRITES_A_FILE = """\
import os, threading

def add():
    with open("runs.txt", "a") as file:
        file.write("x")

threads = [threading.Thread(target=add) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(os.path.getsize("runs.txt"))
"""


def outcomes(reply: Reply) -> list[dict]:
    explored = reply.explored
    found = explored["outcomes"]
    assert found, f"no outcome: {reply}"
    assert sum(outcome["count"] for outcome in found) == explored["runs"]
    counts = [outcome["count"] for outcome in found]
    assert counts == sorted(counts, reverse=True), "most frequent first"
    return found


def without_schedules(found: list[dict]) -> list[dict]:
    return [{k: v for k, v in outcome.items() if k != "schedule"} for outcome in found]


def state_of(reply: Reply) -> tuple[str, str | None]:
    """How a run ended, in an outcome's terms: (state, reason)."""
    done = reply.done
    return ("done" if done["status"] == "ok" else "error", done.get("reason"))


def cpython_stdout(code: str) -> str:
    ran = run_in_cpython(code)
    assert ran.status == "ok", ran
    return ran.stdout


@pytest.mark.parametrize("granularity", GRANULARITIES)
def test_a_correct_program_has_one_outcome(workers: Workers, granularity: str) -> None:
    found = outcomes(workers.explore(LOCKED_TOTAL, granularity=granularity, budget=40))
    assert without_schedules(found) == [
        {
            "stdout": cpython_stdout(LOCKED_TOTAL),
            "stderr": "",
            "state": "done",
            "reason": None,
            "count": found[0]["count"],
        }
    ]


@pytest.mark.parametrize("granularity", GRANULARITIES)
def test_opposite_order_locks_can_deadlock_and_ordered_locks_cannot(
    workers: Workers, granularity: str
) -> None:
    opposite, same = workers.sessions(
        [
            [explore_request(OPPOSITE_ORDER, granularity=granularity, budget=60)],
            [explore_request(SAME_ORDER, granularity=granularity, budget=60)],
        ]
    )
    found = outcomes(opposite.replies[0])
    deadlocks = [outcome for outcome in found if outcome["reason"] == "deadlock"]
    assert deadlocks, without_schedules(found)
    assert all(outcome["state"] == "error" and outcome["stderr"] for outcome in deadlocks)
    finished = cpython_stdout(SAME_ORDER)
    assert {outcome["stdout"] for outcome in found} <= {"", finished}
    found = outcomes(same.replies[0])
    assert [(o["stdout"], o["stderr"], o["state"], o["reason"]) for o in found] == [
        (finished, "", "done", None)
    ]


def test_every_outcome_replays_to_that_outcome(workers: Workers) -> None:
    explored = workers.sessions(
        [
            [explore_request(OPPOSITE_ORDER, budget=60)],
            [explore_request(LOST_UPDATE, granularity="bytecode", budget=60)],
        ]
    )
    cases = []
    for code, session in zip((OPPOSITE_ORDER, LOST_UPDATE), explored, strict=True):
        found = outcomes(session.replies[0])
        assert len(found) > 1, f"one outcome only: {without_schedules(found)}"
        cases += [(code, outcome) for outcome in found]
    replays = workers.sessions(
        [[run_request(code, outcome["schedule"])] for code, outcome in cases]
    )
    for (_, outcome), session in zip(cases, replays, strict=True):
        replay = session.replies[0]
        assert replay.diverged is None, replay.diverged
        assert replay.stdout == outcome["stdout"]
        assert replay.stderr == outcome["stderr"]
        assert state_of(replay) == (outcome["state"], outcome["reason"])


def test_exploring_a_program_that_sleeps_does_not_wait(workers: Workers) -> None:
    reply = workers.explore(SLEEPS, budget=20)
    found = outcomes(reply)
    runs = reply.explored["runs"]
    # The program sees its sleeps pass (virtual time jumps to each deadline)...
    assert without_schedules(found) == [
        {
            "stdout": cpython_stdout(SLEEPS),
            "stderr": "",
            "state": "done",
            "reason": None,
            "count": runs,
        }
    ]
    # ...and the worker does not wait them out: a second of sleep in every run.
    took = reply.seconds_after(reply.ready)
    assert runs >= 10, f"{runs} runs"
    assert took < runs / 4, f"{runs} runs took {took:.2f} s"
    print(f"\n{runs} runs of 1 s of sleep explored in {took:.2f} s")


def test_an_exploration_reports_progress_then_its_end_and_no_done(workers: Workers) -> None:
    reply = workers.explore(LOST_UPDATE, granularity="bytecode", budget=60)
    assert reply.messages[-1]["type"] == "explore-done"
    assert reply.of("done") == []
    progress = reply.of("explore-progress")
    assert progress, "no progress in a long exploration"
    # Besides what the worker says while it loads Python (its files' bytes, the compiled
    # interpreter), an exploration says only how far it is, then its end.
    loading = ("progress", "compiled")
    said = [m["type"] for m in reply.messages if m["type"] not in loading]
    assert all(kind in ("explore-progress", "explore-done") for kind in said), said
    runs = [m["runs"] for m in progress] + [reply.explored["runs"]]
    assert runs == sorted(runs) and runs[0] >= 1


def test_an_endless_loop_ends_each_run_at_the_time_limit(workers: Workers) -> None:
    reply = workers.explore(ENDLESS, timeLimitSeconds=0.3, budget=3)
    found = outcomes(reply)
    assert {(o["state"], o["reason"]) for o in found} == {("error", "time-limit")}, [
        (o["state"], o["reason"], o["stderr"][-200:]) for o in found
    ]
    assert reply.explored["runs"] == 3
    took = reply.seconds_after(reply.ready)
    assert took >= 3 * 0.3, f"three runs of 0.3 s took {took:.2f} s"
    # A run that was ended replays to the same end.
    replays = workers.sessions([[run_request(ENDLESS, o["schedule"])] for o in found])
    for outcome, session in zip(found, replays, strict=True):
        replay = session.replies[0]
        assert replay.diverged is None, replay.diverged
        assert (replay.stdout, replay.stderr) == (outcome["stdout"], outcome["stderr"])
        assert state_of(replay) == ("error", "time-limit")


def test_the_output_cap_ends_each_run(workers: Workers) -> None:
    reply = workers.explore(FLOOD, maxOutputChars=1000, budget=3)
    found = outcomes(reply)
    assert {(o["state"], o["reason"]) for o in found} == {("error", "output-limit")}, [
        (o["state"], o["reason"], o["stderr"][-200:]) for o in found
    ]
    assert reply.explored["runs"] == 3
    for outcome in found:
        assert len(outcome["stdout"]) + len(outcome["stderr"]) == 1000
        assert set(outcome["stdout"]) <= set("ab\n")


def test_explored_runs_start_from_a_fresh_file_system(workers: Workers) -> None:
    plain = workers.run(WRITES_A_FILE)
    assert state_of(plain) == ("done", None), plain
    found = outcomes(workers.explore(WRITES_A_FILE, granularity="bytecode", budget=10))
    assert [(o["stdout"], o["state"]) for o in found] == [(plain.stdout, "done")]


def test_explorations_one_after_the_other_in_one_worker_are_as_in_fresh_workers(
    workers: Workers,
) -> None:
    first = explore_request(OPPOSITE_ORDER, budget=40)
    second = explore_request(LOST_UPDATE, granularity="bytecode", budget=40, seed=7)
    one_worker, fresh_first, fresh_second = workers.sessions(
        [[first, second, first, second], [first], [second]]
    )
    expected = [fresh_first, fresh_second, fresh_first, fresh_second]
    for reply, fresh in zip(one_worker.replies, expected, strict=True):
        fresh = fresh.replies[0]
        assert without_schedules(outcomes(reply)) == without_schedules(outcomes(fresh))
        keep = ("runs", "exhaustive", "strategy")
        assert {k: reply.explored[k] for k in keep} == {k: fresh.explored[k] for k in keep}
    assert len(outcomes(fresh_first.replies[0])) > 1, "the schedules made a difference"
