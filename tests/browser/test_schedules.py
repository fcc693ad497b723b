"""Runs are replayable (runner/worker/run-inputs.mjs, schedule-token.mjs): each run in
the worker ends with a schedule token, and the token replayed in a fresh worker makes
the very same run, byte for byte and timeline included, without waiting. A token that
cannot be replayed here is refused with the sentence schedule-token.mjs gives.

Nothing expected is written down here: a replay is compared with its own run."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import pytest

from ..snippet_files import EXERCISES_DIR, all_exercises
from .runner_pages import runnable_snippets
from .schedule_harness import Reply, Workers, run_request, workers

__all__ = ["workers"]  # the fixture, for the tests below

pytestmark = pytest.mark.timeout(600)


@cache
def programs() -> dict[str, Path]:
    """Every snippet the site runs in the browser and every exercise's starter, once."""
    found = {snippet.snippet: snippet.path for snippet in runnable_snippets()}
    for exercise in all_exercises():
        name = f"exercises/{exercise.as_posix()}/starter.py"
        found.setdefault(name, EXERCISES_DIR / exercise / "starter.py")
    return found


def same_run(run: Reply, replay: Reply) -> None:
    """The replay did what the run did, and knows it."""
    assert run.token, f"the run sent no schedule: {run}"
    assert replay.diverged is None, replay.diverged
    assert replay.stdout == run.stdout
    assert replay.stderr == run.stderr
    assert replay.timeline == run.timeline
    keep = ("status", "reason", "message")
    assert {k: replay.done.get(k) for k in keep} == {k: run.done.get(k) for k in keep}
    assert replay.token == run.token, "a replay names the schedule it replayed"


@pytest.fixture(scope="module")
def replayed(workers: Workers) -> dict[str, tuple[Reply, Reply]]:
    """Every program run and replayed, several workers at a time."""
    names = sorted(programs())
    start = time.monotonic()
    # Many of the programs wait (sleeps, timeouts): a third worker loads meanwhile.
    codes = [programs()[name].read_text() for name in names]
    pairs = workers.run_and_replay(codes, parallel=3)
    seconds = time.monotonic() - start
    print(f"\n{len(names)} programs run and replayed in {seconds:.1f} s")
    return dict(zip(names, pairs, strict=True))


def test_there_are_programs_to_replay() -> None:
    assert len(programs()) > len(all_exercises())


@pytest.mark.parametrize("name", sorted(programs()))
def test_replay_of_every_program_is_its_run(
    replayed: dict[str, tuple[Reply, Reply]], name: str
) -> None:
    run, replay = replayed[name]
    same_run(run, replay)


# What makes two runs differ: clocks, random numbers, addresses (id(), and the order of
# a set of objects, which hash by address), and which thread ran when.
NONDETERMINISTIC = """\
import os, random, secrets, threading, time, uuid

class Thing:
    def __init__(self, n):
        self.n = n

print("time", time.time(), time.time_ns())
print("monotonic", time.monotonic(), time.monotonic_ns())
print("perf_counter", time.perf_counter(), time.perf_counter_ns())
print("random", random.random(), random.getrandbits(64))
print("urandom", os.urandom(16).hex())
print("secrets", secrets.token_hex(16))
print("uuid4", uuid.uuid4())
things = [Thing(n) for n in range(40)]
print("ids", [id(thing) % 100000 for thing in things[:5]])
print("set", [thing.n for thing in set(things)])
print("strings", list({str(n) for n in range(20)}))

def count(name):
    start = time.perf_counter()
    steps = 0
    while time.perf_counter() - start < 0.05:
        steps += 1
    print(name, "counted", steps, "at", time.monotonic())

threads = [threading.Thread(target=count, args=(n,)) for n in "ab"]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("done", time.time())
"""


def lines_starting(text: str, word: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(f"{word} ")]


def test_times_random_numbers_and_ids_replay_and_two_runs_differ(workers: Workers) -> None:
    first, second = workers.sessions(
        [[run_request(NONDETERMINISTIC)], [run_request(NONDETERMINISTIC)]], parallel=1
    )
    first, second = first.replies[0], second.replies[0]
    assert first.done["status"] == "ok", first
    # The second worker started after the first had ended: its time of day is later,
    # and its random numbers are its own.
    for word in ("time", "random", "urandom", "secrets", "uuid4"):
        assert lines_starting(first.stdout, word) != lines_starting(second.stdout, word), word
    replays = workers.sessions([[run_request(NONDETERMINISTIC, first.token)]] * 2)
    for session in replays:
        same_run(first, session.replies[0])


SLEEPER = """\
import threading, time

def nap(name, times):
    for _ in range(times):
        time.sleep(0.5)
    print(name, "woke", flush=True)

started = time.monotonic()
thread = threading.Thread(target=nap, args=("thread", 6))
thread.start()
nap("main", 4)
thread.join()
time.sleep(2)
print(f"slept {time.monotonic() - started:.1f} s")
"""


def test_a_replay_does_not_wait(workers: Workers) -> None:
    run = workers.run(SLEEPER)
    replay = workers.run(SLEEPER, run.token)
    same_run(run, replay)
    # From the worker's "ready" to its "done": the run's own time, without the loading.
    took = run.seconds_after(run.ready)
    replayed_in = replay.seconds_after(replay.ready)
    assert took >= 5, f"the run took {took:.2f} s"
    assert replayed_in < 2.5, f"the replay took {replayed_in:.2f} s"
    print(f"\nslept 5 s: run {took:.2f} s, replay {replayed_in:.3f} s")


DEADLOCK = """\
import threading, time

first, second = threading.Lock(), threading.Lock()

def grab(one, other, name):
    with one:
        time.sleep(0.1)
        print(name, "wants the other lock", time.monotonic())
        with other:
            print(name, "never gets here")

a = threading.Thread(target=grab, args=(first, second, "a"))
b = threading.Thread(target=grab, args=(second, first, "b"))
a.start(); b.start()
a.join(); b.join()
"""

RAISES = """\
import random, threading

def work():
    raise ValueError(f"unlucky {random.random()}")

thread = threading.Thread(target=work)
thread.start()
thread.join()
print("main goes on", random.random())
raise RuntimeError(f"the end {random.random()}")
"""


@pytest.mark.parametrize(
    ("code", "reason"), [(DEADLOCK, "deadlock"), (RAISES, "exception")], ids=["deadlock", "raises"]
)
def test_a_run_that_fails_replays_its_failure(workers: Workers, code: str, reason: str) -> None:
    ((run, replay),) = workers.run_and_replay([code])
    assert (run.done["status"], run.done.get("reason")) == ("error", reason), run
    assert run.stderr, "the failure is reported"
    same_run(run, replay)


# The refusals: each token is made from a good one, and the page's own copy of
# schedule-token.mjs says what the worker should say of it.
_REFUSAL = """
async ([base, token, made]) => {
  const module = await import(base + "assets/runner/schedule-token.mjs");
  try {
    await module.decodeSchedule(token, made);
  } catch (error) {
    return [error.message, module.OTHER_CODE];
  }
  return [null, module.OTHER_CODE];
}
"""

PROGRAM = "import random\nprint('hello', random.random())\n"


@pytest.fixture(scope="module")
def good(workers: Workers) -> tuple[str, dict]:
    """A token of PROGRAM, and what its worker runs: {python, runtime}."""
    (session,) = workers.sessions([[run_request(PROGRAM)]])
    assert session.replies[0].token, session.replies[0]
    return session.replies[0].token, session.made


def other_python(token: str) -> str:
    format_, python, *rest = token.split(".")
    major, minor, patch = python.split("-")
    return ".".join([format_, f"{major}-{int(minor) - 1}-{patch}", *rest])


def other_runtime(token: str) -> str:
    format_, python, runtime, payload = token.split(".")
    changed = "".join("0123456789abcdef"[(int(c, 16) + 1) % 16] for c in runtime)
    return ".".join([format_, python, changed, payload])


def damaged(token: str) -> str:
    head, payload = token.rsplit(".", 1)
    return f"{head}.{payload[: len(payload) // 2]}"


def not_base64url(token: str) -> str:
    head, payload = token.rsplit(".", 1)
    return f"{head}.{payload[:-2]}+/"


def other_format(token: str) -> str:
    return "s9" + token.removeprefix("s1")


CHANGES = {
    "other-python": other_python,
    "other-runtime": other_runtime,
    "damaged": damaged,
    "not-base64url": not_base64url,
    "other-format": other_format,
    "not-a-token": lambda token: "hello",
}


@pytest.mark.parametrize("change", [*CHANGES, "other-code"])
def test_a_token_that_cannot_be_replayed_is_refused(
    workers: Workers, good: tuple[str, dict], change: str
) -> None:
    token, made = good
    code = PROGRAM
    if change == "other-code":
        code = PROGRAM.replace("hello", "hullo")
    else:
        token = CHANGES[change](token)
    refusal, other_code = workers.page.evaluate(_REFUSAL, [workers.site_url, token, made])
    if change == "other-code":
        assert refusal is None, "the token itself is good"
        expected = other_code
    else:
        assert refusal is not None, f"{token} was read"
        expected = refusal
    refused = workers.run(code, token)
    assert refused.done == {
        "type": "done",
        "status": "error",
        "reason": "schedule",
        "message": expected,
        "at": refused.done["at"],
    }
    assert refused.stdout == "" and refused.stderr == "", "the program did not run"
    assert refused.one("schedule") is None
