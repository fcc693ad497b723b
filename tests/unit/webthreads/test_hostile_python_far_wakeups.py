"""A program whose every thread waits, the first to wake further away than a run can
last: reported at once, with the wait in words; a wait within a day is waited for."""

from __future__ import annotations

import pytest

from .support import Runtime


def reports_of(runtime: Runtime, main) -> list[tuple[str, float | None]]:
    reports = []

    def on_deadlock(reporter, parked, wakes_in=None) -> None:
        reports.append((runtime.deadlock_report.report(reporter, parked, wakes_in), wakes_in))
        runtime.scheduler.stop()

    runtime.scheduler.report_deadlocks_to(on_deadlock)
    runtime.run(main)
    return reports


def test_a_sleep_of_twelve_days_is_reported_at_once(runtime: Runtime) -> None:
    started = []

    def main() -> None:
        started.append(runtime.now())
        runtime.scheduler.sleep(1e6)

    ((report, wakes_in),) = reports_of(runtime, main)
    assert 1e6 - 1 < wakes_in <= 1e6 + 1
    assert report.splitlines()[0] == (
        "Every thread is waiting, and the first to wake would wake in about 12 days: "
        "much longer than a run can last here."
    )
    assert runtime.now() - started[0] < 1.0  # not waited for


def test_a_sleep_of_an_hour_is_waited_for(runtime: Runtime) -> None:
    woke = []

    def main() -> None:
        start = runtime.now()
        runtime.scheduler.sleep(3600)
        woke.append(runtime.now() - start)

    assert reports_of(runtime, main) == []
    assert woke and woke[0] >= 3600


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (86400 * 1.4, "about 1 day"),
        (86400 * 60, "about 60 days"),
        (86400 * 200, "about 7 months"),
        (1e9, "about 32 years"),
        (9.2e9, "about 292 years"),
        (1e12, "about 31,688 years"),
    ],
)
def test_long_waits_in_words(runtime: Runtime, seconds: float, words: str) -> None:
    assert runtime.deadlock_report.in_words(seconds) == words
