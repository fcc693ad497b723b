"""How well the explorer searches: the lost update it must find, and the schedules it
must count exactly (runner/worker/explorer.mjs, explore-strategies.mjs)."""

from __future__ import annotations

import pytest

from .schedule_harness import explore_request, workers

__all__ = ["workers"]  # the fixture, for the tests below

pytestmark = pytest.mark.browser

# Two threads, one increment each: at bytecode granularity the second thread can read
# `total` between the first one's read and write, and one update is lost.
ONE_INCREMENT_EACH = """\
import threading

total = 0


def work():
    global total
    total += 1


threads = [threading.Thread(target=work) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(total)
"""

SEEDS = range(1, 101)


def test_bytecode_granularity_finds_the_lost_update_within_20_schedules_for_every_seed(workers):
    # Two workers, each exploring half of the seeds one after the other: a worker is as
    # fresh after an exploration as before it.
    halves = [list(SEEDS)[0::2], list(SEEDS)[1::2]]
    sessions = workers.sessions(
        [
            [
                explore_request(ONE_INCREMENT_EACH, granularity="bytecode", budget=20, seed=seed)
                for seed in half
            ]
            for half in halves
        ]
    )
    missed = []
    for half, session in zip(halves, sessions, strict=True):
        for seed, reply in zip(half, session.replies, strict=True):
            explored = reply.explored
            assert explored["runs"] <= 20
            totals = {outcome["stdout"] for outcome in explored["outcomes"]}
            assert totals <= {"1\n", "2\n"}, totals
            if "1\n" not in totals:
                missed.append(seed)
    assert missed == [], f"no lost update within 20 schedules for seeds {missed}"


def test_cpython_switch_points_never_split_an_increment(workers):
    explored = workers.explore(ONE_INCREMENT_EACH, granularity="switch-points").explored
    assert explored["exhaustive"] is True
    assert [(o["stdout"], o["state"]) for o in explored["outcomes"]] == [("2\n", "done")]


# Counted by hand, at line granularity, where a switch can come before each line that a
# thread runs while another could run:
# - main blocks in start() until the worker has started; the worker, about to print "w",
#   may go on (1: "w" then "m") or switch to main;
# - switched to main, which is about to print "m": main goes on, and then, about to call
#   join(), may go on (2) or switch to the worker (3): "m" then "w" either way; or main
#   switches back to the worker at once (4): "w" then "m".
# Four schedules, two of each order, each run exactly once.
PRINT_IN_TWO_THREADS = """\
import threading


def worker():
    print("w")


thread = threading.Thread(target=worker)
thread.start()
print("m")
thread.join()
"""


def test_exhaustive_search_runs_each_schedule_exactly_once(workers):
    explored = workers.explore(PRINT_IN_TWO_THREADS, granularity="line").explored
    assert explored["exhaustive"] is True
    assert explored["strategy"] == {"name": "exhaustive"}
    assert explored["runs"] == 4
    counts = {outcome["stdout"]: outcome["count"] for outcome in explored["outcomes"]}
    assert counts == {"w\nm\n": 2, "m\nw\n": 2}


def test_a_search_too_large_to_finish_says_so_and_samples(workers):
    explored = workers.explore(
        ONE_INCREMENT_EACH.replace("total += 1", "for _ in range(50):\n        total += 1"),
        granularity="bytecode",
        budget=30,
    ).explored
    assert explored["exhaustive"] is False
    assert explored["runs"] == 30
    assert explored["strategy"]["name"] == "sampled"
    assert explored["strategy"]["pct"] == {"depth": 3, "seed": 1}
    assert sum(outcome["count"] for outcome in explored["outcomes"]) == 30
    counts = [outcome["count"] for outcome in explored["outcomes"]]
    assert counts == sorted(counts, reverse=True)
