"""CPU-bound work in one loop, in threads and in processes: how long each takes.

The figures in docs/gil-and-free-threading.md come from a run of this script. It is
not a snippet and is not run by the tests: timings depend on the machine. Run it with

    python3 bench/cpu_bound_threads_vs_processes.py

and it prints a Markdown table. The work is pure Python (counting primes by trial
division), split into equal chunks; every variant does the same chunks and must find
the same number of primes.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def count_primes(numbers: range) -> int:
    """How many of `numbers` are prime, by trial division: pure CPU work."""
    found = 0
    for n in numbers:
        if n < 2:
            continue
        divisor = 2
        while divisor * divisor <= n:
            if n % divisor == 0:
                break
            divisor += 1
        else:
            found += 1
    return found


def chunks(limit: int, parts: int) -> list[range]:
    """`parts` interleaved ranges covering 0..limit: 0, 4, 8…; 1, 5, 9…; and so on.

    Testing a big number costs more than a small one, so interleaving gives every
    chunk the same amount of work.
    """
    return [range(i, limit, parts) for i in range(parts)]


def plain_loop(work: list[range], workers: int) -> int:
    return sum(count_primes(numbers) for numbers in work)


def in_threads(work: list[range], workers: int) -> int:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(count_primes, work))


def in_processes(work: list[range], workers: int) -> int:
    # Starting the worker processes is part of the cost, so it is timed too.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(count_primes, work))


def gil_status() -> str:
    is_enabled = getattr(sys, "_is_gil_enabled", None)
    if is_enabled is None:
        return "GIL enabled (no free-threaded builds before 3.13)"
    return "GIL enabled" if is_enabled() else "GIL disabled (free-threaded)"


def best_and_median(run: Callable[[], int], repeat: int, expected: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
        if result != expected:
            raise SystemExit(f"wrong result: {result} primes, expected {expected}")
    return [min(times), statistics.median(times)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400_000, help="primes below this")
    parser.add_argument("--chunks", type=int, default=4, help="pieces of work")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each variant")
    args = parser.parse_args()

    work = chunks(args.limit, args.chunks)
    expected = plain_loop(work, 1)
    cores = os.cpu_count() or 1
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{gil_status()}, {cores} cores, {platform.platform()}"
    )
    print(
        f"count primes below {args.limit:,} in {args.chunks} chunks "
        f"({expected:,} primes), best and median of {args.repeat} runs\n"
    )

    variants = [
        ("plain loop, 1 thread", plain_loop, 1),
        (f"{args.chunks} threads", in_threads, args.chunks),
        (f"{args.chunks} processes", in_processes, args.chunks),
    ]
    print("| Variant | Best (s) | Median (s) | Speed-up (best) |")
    print("| --- | ---: | ---: | ---: |")
    baseline = None
    for label, variant, workers in variants:
        best, median = best_and_median(
            lambda variant=variant, workers=workers: variant(work, workers),
            args.repeat,
            expected,
        )
        baseline = baseline or best
        print(f"| {label} | {best:.2f} | {median:.2f} | {baseline / best:.2f}x |")


if __name__ == "__main__":
    main()
