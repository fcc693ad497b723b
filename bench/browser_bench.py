"""How fast the in-browser runner is, measured in headless Chromium on this machine.

    python bench/browser_bench.py [--site DIR] [--repeat N]

Builds the site (or uses one already built into DIR, served under the same sub-path as
on GitHub Pages), then measures:

- cold start: a fresh browser context opens a chapter page and clicks Run; time to
  the first line of output on the page; and the same on a network throttled to
  50 Mbit/s and 40 ms (Chromium's own throttling, which the workers' downloads go
  through too), with the bytes that first Run brought over it (the test server
  compresses nothing, so those are the files' sizes);
- a second visit: the same page in the same context, its HTTP cache cleared: time to
  the first output, and the bytes that still come from the server;
- warm run: the second Run on the same page, once the spare worker is loaded;
- bytes a chapter page fetches before any Run (none of them Pyodide's) and for the
  first Run, raw and gzipped;
- the race demo and a two-thread lock ping-pong, in the browser against this CPython;
  the ping-pong short enough for the whole run to be in its timeline, with the timeline
  recorded and switched off: what recording costs; and how long the largest timeline
  a run can have takes to draw.

Prints a table. Not part of `make test`: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
from base64 import urlsafe_b64encode
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Page, Request, sync_playwright
from programs import (
    LOCK_PING_PONG,
    SHORT_LOCK_PING_PONG,
    WITHOUT_TIMELINE,
    race_demo,
    timed,
)

from tests.support import chromium
from tests.support.paths import ROOT
from tests.support.site import serve, site_folder, sub_path

CHAPTER = "getting-started/"
RUNNER = '.runner[data-runner="snippet"]'
TIMEOUT_MS = 180_000
# The throttled network the goals are set for: 50 Mbit/s down and up, 40 ms latency.
THROTTLED = {
    "offline": False,
    "latency": 40,
    "downloadThroughput": 50e6 / 8,
    "uploadThroughput": 50e6 / 8,
}

# Clicks Run and resolves with the milliseconds until output first shows on the page.
CLICK_AND_TIME_FIRST_OUTPUT = """(root) => new Promise((resolve) => {
    const log = root.querySelector('[role="log"]');
    const streams = '[data-stream="stdout"], [data-stream="stderr"]';
    const shown = () => [...log.querySelectorAll(streams)]
        .some((span) => span.textContent.length > 0);
    const started = performance.now();
    const observer = new MutationObserver(() => {
        if (shown()) { observer.disconnect(); resolve(performance.now() - started); }
    });
    observer.observe(log, { childList: true, subtree: true, characterData: true });
    root.querySelector('.runner-button--run').click();
})"""


def build_site(into: Path) -> Path:
    site = site_folder(into)
    command = ["mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    # The table is the output: MkDocs' banner about its next version is left out.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", *command], cwd=ROOT, env=env, check=True)
    return site


def wait_over(page: Page, selector: str) -> str:
    page.wait_for_function(
        "(s) => ['done', 'error', 'stopped'].includes(document.querySelector(s).dataset.state)",
        arg=selector,
        timeout=TIMEOUT_MS,
    )
    return page.locator(selector).first.get_attribute("data-state") or ""


def cold_and_warm(browser: Browser, base: str) -> tuple[float, float, str]:
    """Milliseconds to first output: a first Run in a fresh context, then a second."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + CHAPTER)
    runner = page.locator(RUNNER).first
    snippet = runner.get_attribute("data-snippet") or "?"
    cold = runner.evaluate(CLICK_AND_TIME_FIRST_OUTPUT)
    wait_over(page, RUNNER)
    page.wait_for_selector("html[data-runner-spare='ready']", state="attached", timeout=TIMEOUT_MS)
    warm = runner.evaluate(CLICK_AND_TIME_FIRST_OUTPUT)
    wait_over(page, RUNNER)
    context.close()
    return cold, warm, snippet


def first_run_on_the_wire(
    browser: Browser, site: Path, base: str, throttled: bool
) -> tuple[float, int, float, int]:
    """A first Run in a fresh context, the network throttled or not: milliseconds to
    its first output and the bytes it fetched; then, after the browser's HTTP cache
    is cleared, the same on a second visit (Cache Storage is kept, as a reader's is)."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if throttled:
        cdp.send("Network.emulateNetworkConditions", THROTTLED)
    visits = []
    for _ in range(2):
        page.goto(base + CHAPTER)
        page.wait_for_load_state("networkidle")
        requested: list[str] = []

        def note(request: Request, requested: list[str] = requested) -> None:
            requested.append(request.url)

        page.on("request", note)
        runner = page.locator(RUNNER).first
        elapsed = runner.evaluate(CLICK_AND_TIME_FIRST_OUTPUT)
        wait_over(page, RUNNER)
        page.remove_listener("request", note)
        visits.append((elapsed, sizes(site, base, requested)[0]))
        cdp.send("Network.clearBrowserCache")
    context.close()
    (first, first_bytes), (second, second_bytes) = visits
    return first, first_bytes, second, second_bytes


# A run whose timeline is as large as the runtime records (5,000 waits, sleeps, prints).
LARGEST_TIMELINE = """\
import threading, time
def nap():
    for _ in range(3000):
        time.sleep(0)
threads = [threading.Thread(target=nap) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("done")
"""

# Clicks Timeline and times it until the picture is on the screen.
OPEN_TIMELINE = """
async (runner) => {
  const start = performance.now();
  runner.querySelector(".runner-button--timeline").click();
  while (!runner.querySelector(".runner-timeline__view svg.tl-plot")) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
}
"""


def timeline_drawing(browser: Browser, base: str) -> float:
    """Milliseconds from clicking Timeline to the largest run timeline drawn."""
    context = browser.new_context()
    page = context.new_page()
    code = urlsafe_b64encode(LARGEST_TIMELINE.encode()).decode().rstrip("=")
    page.goto(f"{base}playground/#code={code}")
    selector = '.runner[data-runner="playground"]'
    page.locator(f"{selector} .runner-button--run").click()
    wait_over(page, selector)
    elapsed = page.locator(selector).evaluate(OPEN_TIMELINE)
    context.close()
    return elapsed


def sizes(site: Path, base: str, urls: list[str]) -> tuple[int, int]:
    """Raw and gzipped bytes of the site's files behind these URLs."""
    raw = zipped = 0
    for url in dict.fromkeys(urls):
        path = unquote(urlsplit(url).path)[len(urlsplit(base).path) :]
        file = site / path
        if file.is_dir() or path.endswith("/") or not path:
            file = file / "index.html"
        if file.is_file():
            data = file.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, compresslevel=6))
    return raw, zipped


def bytes_fetched(browser: Browser, site: Path, base: str) -> dict[str, object]:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + CHAPTER)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(1000)
    before = list(requested)
    requested.clear()
    page.locator(RUNNER).first.locator(".runner-button--run").click()
    wait_over(page, RUNNER)
    first_run = list(requested)
    context.close()
    return {
        "before": sizes(site, base, before),
        "before_pyodide": [u for u in before if "/pyodide/" in u or "worker.mjs" in u],
        "first_run": sizes(site, base, first_run),
        "first_run_files": len(set(first_run)),
    }


def elapsed_in_browser(browser: Browser, base: str, source: str, name: str) -> tuple[float, str]:
    context = browser.new_context()
    context.add_init_script("window.runnerConfig = { timeLimitSeconds: 600 };")
    page = context.new_page()
    code = timed(source, name)
    page.goto(f"{base}playground/#code={urlsafe_b64encode(code.encode()).decode().rstrip('=')}")
    selector = '.runner[data-runner="playground"]'
    page.locator(f"{selector} .runner-button--run").click()
    state = wait_over(page, selector)
    stdout = page.locator(f'{selector} [data-stream="stdout"]').all_text_contents()
    context.close()
    return parse_elapsed("".join(stdout), f"{name} in the browser ended {state}")


def elapsed_on_cpython(source: str, name: str) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as cwd:
        result = subprocess.run(
            [sys.executable, "-c", timed(source, name)],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=600,
        )
    return parse_elapsed(result.stdout, f"{name} on CPython: {result.stderr}")


def parse_elapsed(stdout: str, context: str) -> tuple[float, str]:
    match = re.search(r"^elapsed ([\d.]+)$", stdout, re.MULTILINE)
    if not match:
        raise SystemExit(f"no timing from {context}:\n{stdout}")
    rest = [line for line in stdout.splitlines() if not line.startswith("elapsed ")]
    return float(match[1]), (rest[-1] if rest else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--site", type=Path, help=f"a built site: the folder that holds {sub_path()}/"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of each browser timing (median shown)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as build:
        site = site_folder(args.site) if args.site else build_site(Path(build))
        with serve(site) as base, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            starts = [cold_and_warm(browser, base) for _ in range(args.repeat)]
            wire = {
                throttled: [
                    first_run_on_the_wire(browser, site, base, throttled)
                    for _ in range(args.repeat)
                ]
                for throttled in (False, True)
            }
            fetched = bytes_fetched(browser, site, base)
            drawing = statistics.median(timeline_drawing(browser, base) for _ in range(args.repeat))
            race_name, race_source = race_demo()
            programs = [
                (race_name, race_source, "race.py"),
                ("lock ping-pong", LOCK_PING_PONG, "ping_pong.py"),
                (
                    "lock ping-pong, 4,000 switches, each in the timeline",
                    SHORT_LOCK_PING_PONG,
                    "ping_pong.py",
                ),
                (
                    "lock ping-pong, 4,000 switches, timeline off",
                    WITHOUT_TIMELINE + SHORT_LOCK_PING_PONG,
                    "ping_pong.py",
                ),
            ]
            timings = []
            for label, source, name in programs:
                browser_runs = [
                    elapsed_in_browser(browser, base, source, name) for _ in range(args.repeat)
                ]
                cpython_runs = [elapsed_on_cpython(source, name) for _ in range(args.repeat)]
                timings.append((label, browser_runs, cpython_runs))
            browser.close()

    report(starts, wire, fetched, drawing, timings)


def report(starts, wire, fetched, drawing, timings) -> None:
    cpython = f"CPython {sys.version_info.major}.{sys.version_info.minor}"
    rows = [("measure", "browser", cpython, "browser / CPython")]
    cold = statistics.median(s[0] for s in starts)
    warm = statistics.median(s[1] for s in starts)
    rows.append((f"cold start to first output ({starts[0][2]})", f"{cold:,.0f} ms", "", ""))
    rows.append(("second Run to first output", f"{warm:,.0f} ms", "", ""))
    for throttled, runs in wire.items():
        network = "50 Mbit/s, 40 ms" if throttled else "unthrottled"
        first, first_bytes, second, second_bytes = (
            statistics.median(run[n] for run in runs) for n in range(4)
        )
        rows.append(
            (
                f"first Run, {network}: to first output, on the wire",
                f"{first:,.0f} ms, {first_bytes / 1e6:,.1f} MB",
                "",
                "",
            )
        )
        rows.append(
            (
                f"second visit, HTTP cache cleared, {network}",
                f"{second:,.0f} ms, {second_bytes / 1e6:,.2f} MB",
                "",
                "",
            )
        )
    raw, zipped = fetched["before"]
    pyodide = (
        "none from Pyodide"
        if not fetched["before_pyodide"]
        else f"PYODIDE: {fetched['before_pyodide']}"
    )
    rows.append(
        (
            "bytes before any Run",
            f"{raw / 1e3:,.0f} kB, {zipped / 1e3:,.0f} kB gzip",
            pyodide,
            "",
        )
    )
    raw, zipped = fetched["first_run"]
    rows.append(
        (
            f"bytes for the first Run ({fetched['first_run_files']} files)",
            f"{raw / 1e6:,.1f} MB, {zipped / 1e6:,.1f} MB gzip",
            "",
            "",
        )
    )
    rows.append(("drawing a run's largest timeline (5,000 records)", f"{drawing:,.0f} ms", "", ""))
    for label, browser_runs, cpython_runs in timings:
        in_browser = statistics.median(t for t, _ in browser_runs)
        on_cpython = statistics.median(t for t, _ in cpython_runs)
        if label.startswith("lock ping-pong"):
            switches = int(browser_runs[0][1].split()[-1])
            rows.append(
                (
                    f"{label}, switches/s",
                    f"{switches / in_browser:,.0f}",
                    f"{switches / on_cpython:,.0f}",
                    f"{on_cpython / in_browser:.2f}x",
                )
            )
        else:
            rows.append(
                (
                    label,
                    f"{in_browser * 1e3:,.1f} ms",
                    f"{on_cpython * 1e3:,.1f} ms",
                    f"{in_browser / on_cpython:.1f}x",
                )
            )
            rows.append(("  its last line", browser_runs[0][1], cpython_runs[0][1], ""))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for n, row in enumerate(rows):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
        if n == 0:
            print("  ".join("-" * width for width in widths))


if __name__ == "__main__":
    main()
