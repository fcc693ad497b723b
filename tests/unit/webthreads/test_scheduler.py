"""The scheduler: turns, yields, parking and waking, timeouts, deadlocks, visits, and
the policy that makes its choices; run on the stand-in browser."""

from __future__ import annotations

import math
import time
from collections import deque
from functools import partial

import pytest
from greenlet import getcurrent

from .browser_stand_in import START_TIME
from .support import Runtime


def test_threads_run_in_the_order_they_were_started(runtime: Runtime) -> None:
    log: list[str] = []

    def main() -> None:
        for name in "abc":
            runtime.spawn(partial(log.append, name))
        log.append("main ends")

    runtime.run(main)
    assert log == ["main ends", "a", "b", "c"]


def test_a_thread_that_yields_runs_again_after_the_others(runtime: Runtime) -> None:
    log: list[str] = []

    def player(name: str) -> None:
        for turn in range(3):
            log.append(f"{name}{turn}")
            runtime.scheduler.yield_now()

    def main() -> None:
        runtime.spawn(partial(player, "a"))
        runtime.spawn(partial(player, "b"))

    runtime.run(main)
    assert log == ["a0", "b0", "a1", "b1", "a2", "b2"]


def test_a_thread_alone_goes_on_when_it_yields(runtime: Runtime) -> None:
    counts = []

    def main() -> None:
        counts.append(runtime.scheduler.switch_counter[0])
        runtime.scheduler.yield_now()
        runtime.scheduler.sleep(0)
        counts.append(runtime.scheduler.switch_counter[0])

    runtime.run(main)
    assert counts[0] == counts[1]
    assert "wakeSoon" not in runtime.browser.calls


def test_each_switch_counts_for_the_worker(runtime: Runtime) -> None:
    counts = []

    def other() -> None:
        counts.append(runtime.scheduler.switch_counter[0])

    def main() -> None:
        counts.append(runtime.scheduler.switch_counter[0])
        runtime.spawn(other)
        runtime.scheduler.yield_now()
        counts.append(runtime.scheduler.switch_counter[0])

    runtime.run(main)
    assert counts == [counts[0], counts[0] + 1, counts[0] + 2]


def test_past_the_breath_interval_a_yield_lets_the_browser_have_a_turn(
    runtime: Runtime,
) -> None:
    seen = []
    interval = runtime.scheduler.BREATH_INTERVAL

    def main() -> None:
        runtime.browser.advance(interval / 2)
        runtime.scheduler.yield_now()
        seen.append(runtime.browser.calls.count("wakeSoon"))
        runtime.browser.advance(interval * 1.5)
        runtime.scheduler.yield_now()  # alone, but the browser is due a turn
        seen.append(runtime.browser.calls.count("wakeSoon"))
        runtime.scheduler.yield_now()  # the turn it had counts as the last breath
        seen.append(runtime.browser.calls.count("wakeSoon"))

    runtime.run(main)
    assert seen == [0, 1, 1]


def test_past_the_breath_interval_a_switch_goes_through_the_browser(
    runtime: Runtime,
) -> None:
    def main() -> None:
        runtime.spawn(lambda: None)
        runtime.browser.advance(runtime.scheduler.BREATH_INTERVAL * 2)
        runtime.scheduler.sleep(0)

    runtime.run(main)
    calls = runtime.browser.calls
    assert calls.index("wakeSoon") < calls.index("startStack")


def test_park_ends_when_another_thread_wakes_it(runtime: Runtime) -> None:
    scheduler = runtime.scheduler
    log: list[tuple[str, bool]] = []

    def sleeper() -> None:
        log.append(("woken", scheduler.park("something")))

    def main() -> None:
        thread = runtime.spawn(sleeper)
        scheduler.yield_now()  # the sleeper runs and parks
        log.append(("wake", scheduler.wake(thread)))
        log.append(("wake again", scheduler.wake(thread)))  # runnable already

    runtime.run(main)
    assert log == [("wake", True), ("wake again", False), ("woken", True)]


def test_a_parked_thread_says_what_it_waits_on_and_where(runtime: Runtime) -> None:
    seen = []

    def sleeper() -> None:
        runtime.scheduler.park("a signal")

    def main() -> None:
        thread = runtime.spawn(sleeper)
        runtime.scheduler.yield_now()
        seen.append((thread.state, thread.waiting, thread.frame.f_code.co_name))
        runtime.scheduler.wake(thread)
        runtime.scheduler.yield_now()
        seen.append((thread.state, thread.waiting, thread.frame))

    runtime.run(main)
    scheduler = runtime.scheduler
    assert seen == [(scheduler.PARKED, "a signal", "sleeper"), (scheduler.DONE, None, None)]


def test_park_times_out_at_its_deadline(runtime: Runtime) -> None:
    outcome = []

    def main() -> None:
        start = runtime.now()
        deadline = runtime.scheduler.deadline_after(0.25)
        woken = runtime.scheduler.park("nothing", deadline)
        end = runtime.now()
        outcome.append((woken, end >= deadline, end - start >= 0.25))

    runtime.run(main)
    assert outcome == [(False, True, True)]
    assert runtime.browser.now - START_TIME == pytest.approx(0.25, abs=1e-5)


def test_a_timeout_that_did_not_happen_wakes_no_later_park(runtime: Runtime) -> None:
    scheduler = runtime.scheduler
    log: list[object] = []

    def sleeper() -> None:
        log.append(scheduler.park("first", scheduler.deadline_after(1)))  # woken at once
        log.append(scheduler.park("second"))  # only a wake ends it

    def main() -> None:
        thread = runtime.spawn(sleeper)
        scheduler.yield_now()
        scheduler.wake(thread)
        scheduler.sleep(2)  # past the first park's deadline
        log.append("main wakes it")
        scheduler.wake(thread)

    runtime.run(main)
    assert log == [True, "main wakes it", True]


def test_timeouts_come_due_in_the_order_of_their_deadlines(runtime: Runtime) -> None:
    log: list[float] = []

    def sleeper(seconds: float) -> None:
        runtime.scheduler.sleep(seconds)
        log.append(seconds)

    def main() -> None:
        for seconds in (0.3, 0.1, 0.2):
            runtime.spawn(partial(sleeper, seconds))

    runtime.run(main)
    assert log == [0.1, 0.2, 0.3]


def test_overdue_timeouts_come_due_at_the_next_switch(runtime: Runtime) -> None:
    log: list[str] = []

    def sleeper() -> None:
        runtime.scheduler.sleep(0.1)
        log.append("sleeper")

    def main() -> None:
        runtime.spawn(sleeper)
        runtime.scheduler.yield_now()  # the sleeper sleeps
        runtime.browser.advance(0.2)  # main works past its deadline
        runtime.scheduler.yield_now()
        log.append("main")

    runtime.run(main)
    assert log == ["sleeper", "main"]
    assert "armTimer" not in runtime.browser.calls[runtime.browser.calls.index("startStack") :]


@pytest.mark.parametrize("clock", ["monotonic", "wall_time"])
def test_sleep_lasts_at_least_as_long_as_asked_on_the_programs_clocks(
    runtime: Runtime, clock: str
) -> None:
    now = getattr(runtime.clocks, clock)  # time.monotonic() and time.time()
    lengths = []

    def main() -> None:
        for seconds in (0.1, 0.25, 1e-4, 3.3, 0.7, 1e-7):
            runtime.browser.advance(1e-3)  # no two readings on one tick of the clock
            start = now()
            runtime.scheduler.sleep(seconds)
            lengths.append(now() - start >= seconds)

    runtime.run(main)
    assert lengths == [True] * 6


@pytest.mark.parametrize("seconds", [-1, math.nan, "1", None])
def test_sleep_refuses_what_time_sleep_refuses(runtime: Runtime, seconds: object) -> None:
    with pytest.raises(Exception) as cpython:
        time.sleep(seconds)  # type: ignore[arg-type]
    with pytest.raises(cpython.type) as green:
        runtime.scheduler.sleep(seconds)
    assert str(green.value) == str(cpython.value)


@pytest.mark.parametrize("seconds", [0.0, 1e-9, 0.1, 0.3, 7.7, 1e6])
def test_a_deadline_is_never_a_hair_too_soon(runtime: Runtime, seconds: float) -> None:
    now = runtime.clocks.monotonic()
    deadline = runtime.scheduler.deadline_after(seconds)
    assert deadline - now >= seconds


def test_a_deadlock_is_reported_on_the_stack_of_a_parked_thread(runtime: Runtime) -> None:
    scheduler = runtime.scheduler
    reports = []

    def on_deadlock(reporter, parked) -> None:
        stack = runtime.browser.stacks[reporter.ident]
        reports.append((reporter.ident, [t.ident for t in parked], stack is getcurrent()))
        scheduler.stop()

    scheduler.report_deadlocks_to(on_deadlock)

    def main() -> None:
        runtime.spawn(partial(scheduler.park, "a"))
        scheduler.park("b")

    runtime.run(main)
    assert reports == [(scheduler.MAIN_IDENT, [scheduler.MAIN_IDENT, 2], True)]


def test_no_deadlock_while_a_timeout_is_pending(runtime: Runtime) -> None:
    scheduler = runtime.scheduler
    log: list[object] = []

    def on_deadlock(reporter, parked) -> None:
        log.append(("deadlock", [t.ident for t in parked]))
        scheduler.stop()

    scheduler.report_deadlocks_to(on_deadlock)

    def main() -> None:
        runtime.spawn(partial(scheduler.park, "forever"))
        log.append(scheduler.park("a while", scheduler.deadline_after(0.1)))

    runtime.run(main)
    assert log == [False, ("deadlock", [2])]


def test_a_visit_runs_on_the_stack_of_the_visited_thread(runtime: Runtime) -> None:
    scheduler = runtime.scheduler
    seen: list[object] = []

    def sleeper() -> None:
        scheduler.park("visited")

    def main() -> None:
        thread = runtime.spawn(sleeper)
        scheduler.yield_now()
        runtime.spawn(partial(seen.append, "a thread that ran meanwhile"))
        stack, where = scheduler.visit(thread, lambda: (getcurrent(), thread.frame.f_code))
        seen.append(stack is runtime.browser.stacks[thread.ident])
        seen.append(where.co_name)
        scheduler.wake(thread)

    runtime.run(main)
    assert seen == [True, "sleeper", "a thread that ran meanwhile"]


def test_a_visit_hands_the_visitor_what_the_function_raised(runtime: Runtime) -> None:
    scheduler = runtime.scheduler
    raised = []

    def fail() -> None:
        raise LookupError("on the visited stack")

    def main() -> None:
        thread = runtime.spawn(partial(scheduler.park, "visited"))
        scheduler.yield_now()
        with pytest.raises(LookupError) as error:
            scheduler.visit(thread, fail)
        raised.append(str(error.value))
        scheduler.wake(thread)

    runtime.run(main)
    assert raised == ["on the visited stack"]


def test_a_thread_that_never_ran_has_no_stack_to_visit(runtime: Runtime) -> None:
    results = []

    def main() -> None:
        thread = runtime.spawn(lambda: None)
        results.append(runtime.scheduler.visit(thread, lambda: "visited"))

    runtime.run(main)
    assert results == [None]


def test_the_observer_hears_of_each_start_wait_and_sleep(runtime: Runtime) -> None:
    scheduler = runtime.scheduler
    heard: list[tuple] = []

    class Observer:
        def thread_began(self, ident):
            heard.append(("began", ident))

        def wait_began(self, ident, waiting, frame):
            heard.append(("wait", ident, waiting, frame.f_code.co_name))
            return f"wait of {ident}"

        def wait_ended(self, token, woken):
            heard.append(("wait ended", token, woken))

        def sleep_began(self, ident, seconds, frame):
            heard.append(("sleep", ident, seconds, frame.f_code.co_name))
            return f"sleep of {ident}"

        def sleep_ended(self, token):
            heard.append(("sleep ended", token))

    def waker(main_thread) -> None:
        scheduler.sleep(0.1)
        scheduler.wake(main_thread)

    def main() -> None:
        runtime.spawn(partial(waker, scheduler.current))
        scheduler.park("the waker")
        scheduler.observe(None)
        scheduler.sleep(0.1)

    scheduler.observe(Observer())
    runtime.run(main)
    assert heard == [
        ("wait", 1, "the waker", "main"),
        ("began", 2),
        ("sleep", 2, 0.1, "sleep"),
        ("sleep ended", "sleep of 2"),
        ("wait ended", "wait of 1", True),
    ]


def test_after_stop_no_thread_runs_again(runtime: Runtime) -> None:
    log: list[str] = []

    def main() -> None:
        runtime.spawn(partial(log.append, "never"))
        runtime.scheduler.stop()
        log.append("stopped")
        runtime.scheduler.park("the end of the run")

    runtime.run(main)
    assert log == ["stopped"]
    assert runtime.browser.calls == ["cancelTimer"]


def test_on_timer_while_a_thread_runs_changes_nothing(runtime: Runtime) -> None:
    seen = []

    def main() -> None:
        runtime.spawn(lambda: None)
        runtime.scheduler.on_timer()
        seen.append(runtime.scheduler.current_ident)

    runtime.run(main)
    assert seen == [runtime.scheduler.MAIN_IDENT]


def test_threads_lists_the_threads_not_yet_ended_oldest_first(runtime: Runtime) -> None:
    seen = []

    def main() -> None:
        first = runtime.spawn(partial(runtime.scheduler.park, "first"))
        runtime.spawn(lambda: None)
        runtime.scheduler.sleep(0.1)
        seen.append([t.ident for t in runtime.scheduler.threads()])
        runtime.scheduler.wake(first)

    runtime.run(main)
    assert seen == [[1, 2]]


# --- the policy ---------------------------------------------------------------------


class LastComeFirstServed:
    """A policy of the test's own: the thread that became runnable last runs first."""

    def __init__(self, keeps_running: bool) -> None:
        self.ready: deque = deque()
        self.chosen: list[int] = []
        self.asked = 0
        self._keeps_running = keeps_running

    def next_thread(self):
        thread = self.ready.pop()
        self.chosen.append(thread.ident)
        return thread

    def keeps_running(self) -> bool:
        self.asked += 1
        return self._keeps_running


def test_the_default_policy_is_first_come_first_served(runtime: Runtime) -> None:
    policy = runtime.policy.FirstComeFirstServed()
    assert policy.keeps_running()
    policy.ready.extend(["a", "b"])
    assert not policy.keeps_running()
    assert [policy.next_thread(), policy.next_thread()] == ["a", "b"]


@pytest.mark.parametrize("keeps_running", [True, False], ids=["goes on", "gives way"])
def test_every_choice_is_the_policys(runtime: Runtime, keeps_running: bool) -> None:
    log: list[str] = []
    policy = LastComeFirstServed(keeps_running)

    def worker(name: str) -> None:
        log.append(name)
        switches = runtime.scheduler.switch_counter[0]
        runtime.scheduler.yield_now()
        log.append(name + "'" * (1 + runtime.scheduler.switch_counter[0] - switches))

    def main() -> None:
        for name in "ab":
            runtime.spawn(partial(worker, name))
        runtime.scheduler.use_policy(policy)  # the runnable threads move to its queue
        runtime.spawn(partial(worker, "c"))

    runtime.run(main)
    # The policy takes the last thread that became runnable; one that yields and gives
    # way is the last, so it is chosen again, and goes on without a switch. The last
    # thread yields alone: there is nothing to choose.
    assert log == ["c", "c'", "b", "b'", "a", "a'"]
    assert policy.asked == 2
    assert policy.chosen == ([4, 3, 2] if keeps_running else [4, 4, 3, 3, 2])
