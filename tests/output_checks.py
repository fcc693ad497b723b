"""How a snippet's output is compared with the output recorded in its `#>` comments.

Most snippets are deterministic by construction and must print exactly what their
comments say. The few where variation is the lesson are listed in `INVARIANTS` with
the property that every run must keep; their pages say so. The browser tests use the
same table, so a snippet is held to the same standard on CPython and in the browser.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

# (lines recorded in the `#>` comments, lines a run printed) -> what is wrong, or None
Check = Callable[[list[str], list[str]], str | None]


def same_lines_any_order(expected: list[str], actual: list[str]) -> str | None:
    """The same lines, each as many times, in any order (threads print in any order)."""
    if Counter(expected) == Counter(actual):
        return None
    missing = Counter(expected) - Counter(actual)
    extra = Counter(actual) - Counter(expected)
    return f"lines missing: {sorted(missing.elements())}; unexpected: {sorted(extra.elements())}"


def _numbers(line: str) -> list[int]:
    return [int(n) for n in re.findall(r"-?\d+", line)]


def lost_updates(expected: list[str], actual: list[str]) -> str | None:
    """`expected total: E` then `actual total: A`, with 0 < A <= E.

    Races make A vary from run to run; it can never exceed E, and the labels and
    expected total never change.
    """
    if len(actual) != len(expected):
        return f"expected {len(expected)} lines, got {len(actual)}: {actual}"
    for want, got in zip(expected, actual, strict=True):
        if re.sub(r"-?\d+", "N", want) != re.sub(r"-?\d+", "N", got):
            return f"line {got!r} does not have the shape of {want!r}"
    (expected_total,) = _numbers(actual[0])
    (actual_total,) = _numbers(actual[1])
    if not 0 < actual_total <= expected_total:
        return f"total {actual_total} is not in 1..{expected_total}"
    return None


def running_totals(expected: list[str], actual: list[str]) -> str | None:
    """Lines that each print the shared total, then `final total: F` as recorded.

    Every thread adds the same step to the total (F / number of threads), then prints
    the total some time later, by which point other threads may have added theirs: the
    values can repeat, skip and come out of order. What holds: each is a multiple of
    the step, at most F, and sorted, the k-th is at least k steps (a thread never sees
    less than its own update), so the last thread to update prints F. The updates
    themselves (`total += amount`, no lock) are never lost on CPython with the GIL nor
    in the browser, so the final line is exact.
    """
    if len(actual) != len(expected):
        return f"expected {len(expected)} lines, got {len(actual)}: {actual}"
    if actual[-1] != expected[-1]:
        return f"last line {actual[-1]!r} is not {expected[-1]!r}"
    (final,) = _numbers(actual[-1])
    count = len(actual) - 1
    step, remainder = divmod(final, count)
    if step <= 0 or remainder:
        return f"final total {final} is not {count} equal steps"
    if not all(re.fullmatch(r"-?\d+", line) for line in actual[:-1]):
        return f"not all lines before the last are numbers: {actual[:-1]}"
    values = sorted(int(line) for line in actual[:-1])
    for k, value in enumerate(values, start=1):
        if value % step or not k * step <= value <= final:
            return f"sorted totals {values}: #{k} is not a step in {k * step}..{final}"
    return None


def peak_within_limit(expected: list[str], actual: list[str]) -> str | None:
    """The recorded lines, but `most at once: P` may have any P in 1..N (`limit: N`).

    A semaphore with N slots guarantees that no more than N threads are inside at once;
    how many actually overlapped depends on timing (usually N, fewer under load).
    """
    if len(actual) != len(expected):
        return f"expected {len(expected)} lines, got {len(actual)}: {actual}"
    limits = [_numbers(line)[0] for line in actual if line.startswith("limit: ")]
    if len(limits) != 1:
        return f"no single `limit: N` line in {actual}"
    for want, got in zip(expected, actual, strict=True):
        if want.startswith("most at once: ") and got.startswith("most at once: "):
            (peak,) = _numbers(got)
            if not 1 <= peak <= limits[0]:
                return f"{got!r}: the peak is not in 1..{limits[0]}"
        elif want != got:
            return f"line {got!r} is not {want!r}"
    return None


# Snippet (relative to `snippets/`) -> the invariant its output keeps. Every check here
# must hold whatever order the threads printed in.
INVARIANTS: dict[str, Check] = {
    "getting_started/doubler_threads.py": same_lines_any_order,
    "naming_and_logging/log_to_file.py": same_lines_any_order,
    "subclassing_thread/logging_thread.py": same_lines_any_order,
    "race_conditions/plus_equals.py": lost_updates,
    "race_conditions/lost_update.py": lost_updates,
    "race_conditions/print_shared_total.py": running_totals,
    "locks/print_outside_lock.py": running_totals,
    "locks/print_snapshot.py": same_lines_any_order,
    "semaphore_event_barrier/semaphore_downloads.py": peak_within_limit,
    "thread_safety/print_lock.py": same_lines_any_order,
    "thread_safety/printer_thread.py": same_lines_any_order,
}
