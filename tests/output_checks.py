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


# Snippet (relative to `snippets/`) -> the invariant its output keeps. Every check here
# must hold whatever order the threads printed in.
INVARIANTS: dict[str, Check] = {}
