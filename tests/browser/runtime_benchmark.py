"""Measures the in-browser runtime against this machine's CPython.

    .venv/bin/python -m tests.browser.runtime_benchmark [--site DIR] [--repeat N]

Builds the site (unless --site names a built one, served under /<sub-path>/), then
prints: start-up (cold: a fresh browser profile; warm: the same profile again) to the
first line printed, the race demos' time against CPython's, lock ping-pong switches per
second against CPython's, and the size of the runtime snapshot.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from .conftest import CHROMIUM, CHROMIUM_FLAGS, ROOT, SUB_PATH, StaticHandler
from .runtime_harness import run_in_browser, run_in_cpython

# Each program measures its work twice in the same interpreter and prints both times
# (or rates): the first run of a fresh worker starts on the browser's first-tier
# WebAssembly code, the second runs on optimized code, as later runs do.
RACE_INT = """\
import threading, time
def work(n):
    global counter
    for _ in range(n):
        value = counter
        value = int(value)
        counter = value + 1
def measure():
    global counter
    counter = 0
    start = time.perf_counter()
    threads = [threading.Thread(target=work, args=(500_000,)) for _ in range(2)]
    for t in threads: t.start()
    for t in threads: t.join()
    assert counter < 1_000_000, "no update was lost"
    return time.perf_counter() - start
print(measure(), measure())
"""
RACE_SLEEP = (
    RACE_INT.replace("value = int(value)", "time.sleep(0)")
    .replace("500_000", "20_000")
    .replace("counter < 1_000_000", "counter < 40_000")
)
PING_PONG = """\
import threading, time
N = 20_000
def player(mine, other):
    for _ in range(N):
        mine.acquire()
        other.release()
def measure():
    ping, pong = threading.Lock(), threading.Lock()
    ping.acquire(); pong.acquire()
    start = time.perf_counter()
    a = threading.Thread(target=player, args=(ping, pong))
    b = threading.Thread(target=player, args=(pong, ping))
    a.start(); b.start()
    ping.release()
    a.join(); b.join()
    return 2 * N / (time.perf_counter() - start)
print(measure(), measure())
"""


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(StaticHandler, directory=str(site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{site.name}/"


verbose = False


def measured(page, site_url: str, code: str, repeat: int) -> tuple[float, float, float]:
    """Medians of the browser's first and second measurement, and of CPython's."""
    browser = [run_in_browser(page, site_url, code).stdout.split() for _ in range(repeat)]
    cpython = [run_in_cpython(code).stdout.split() for _ in range(repeat)]
    first = [float(values[0]) for values in browser]
    second = [float(values[1]) for values in browser]
    native = [float(value) for values in cpython for value in values]
    if verbose:
        print(f"  browser first {fmt(first)}; second {fmt(second)}; CPython {fmt(native)}")
    return statistics.median(first), statistics.median(second), statistics.median(native)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site built under <dir>/" + SUB_PATH)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="print every measurement")
    args = parser.parse_args()
    global verbose
    verbose = args.verbose
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / SUB_PATH
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)],
                cwd=ROOT,
                check=True,
            )
        server, site_url = serve(site)
        snapshot = site / "pyodide" / "runtime-snapshot.bin.gz"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            cold, warm = [], []
            for _ in range(args.repeat):
                context = browser.new_context()
                page = context.new_page()
                cold.append(start_to_first_line(page, site_url))
                warm.append(start_to_first_line(page, site_url))
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(site_url)
            race_int = measured(page, site_url, RACE_INT, args.repeat)
            race_sleep = measured(page, site_url, RACE_SLEEP, args.repeat)
            ping_pong = measured(page, site_url, PING_PONG, args.repeat)
            browser.close()
        server.shutdown()
    print(f"start-up to first line, cold: {fmt(cold)} ms; warm: {fmt(warm)} ms")
    for name, (first, second, native) in (
        ("race read/int()/write", race_int),
        ("race read/sleep(0)/write", race_sleep),
    ):
        print(
            f"{name}: CPython {native:.3f} s; browser {first:.3f} s then {second:.3f} s, "
            f"ratio {first / native:.2f} then {second / native:.2f}"
        )
    first, second, native = ping_pong
    print(
        f"lock ping-pong: CPython {native:,.0f} switches/s; browser {first:,.0f} then "
        f"{second:,.0f}, ratio {first / native:.2f} then {second / native:.2f}"
    )
    if snapshot.is_file():
        print(f"snapshot: {snapshot.stat().st_size / 1e6:.1f} MB gzipped")


def start_to_first_line(page, site_url: str) -> float:
    """Milliseconds from navigating to the site to the first line a program prints."""
    page.goto("about:blank")
    page.goto(site_url)
    since_navigation = page.evaluate("performance.now()")
    result = run_in_browser(page, site_url, "print('hello')")
    return since_navigation + result.chunks[0]["at"]


def fmt(values: list[float]) -> str:
    return ", ".join(f"{value:.3g}" for value in values)


if __name__ == "__main__":
    main()
