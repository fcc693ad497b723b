"""What schedules cost, measured in headless Chromium on this machine.

    python bench/schedule_bench.py [--site DIR] [--repeat N]

Talks to the runner's worker directly (runner/README.md, "Worker protocol"), each time
in a worker that has finished loading, and measures:

- exploring: 200 schedules of a two-thread, 1,000-iteration lost update, at each
  granularity, from the request to the last outcome;
- replaying: a threaded program that only computes and the lock ping-pong (bench/
  programs.py), run (and recorded), then replayed in another worker: the two runs'
  times; and a program that sleeps 5 s in total, replayed;
- the token's length for each.

Prints a table. Not part of `make test`: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from browser_bench import build_site
from playwright.sync_api import Page, sync_playwright
from programs import LOCK_PING_PONG

from tests.support import chromium
from tests.support.site import serve, site_folder, sub_path

LOST_UPDATE = """\
import threading
import time

total = 0


def deposit(times):
    global total
    for _ in range(times):
        current = total
        time.sleep(0)
        total = current + 1


threads = [threading.Thread(target=deposit, args=(1000,)) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(total)
"""

COMPUTING = """\
import threading


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


results = []
threads = [
    threading.Thread(target=lambda: results.append(work(400_000))) for _ in range(4)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(sorted(results))
"""

SLEEPING = """\
import threading
import time


def nap():
    for _ in range(5):
        time.sleep(0.5)


threads = [threading.Thread(target=nap) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("rested")
"""

# Starts a worker, waits until it is loaded, sends `request`, and resolves with the
# milliseconds from the request to the last message (`done` or `explore-done`), and
# the messages.
TIMED_REQUEST = """
async ([url, request]) => {
  const worker = new Worker(url, { type: "module" });
  const messages = [];
  await new Promise((resolve) => {
    worker.onmessage = (event) => { if (event.data.type === "ready") resolve(); };
  });
  return await new Promise((resolve) => {
    const start = performance.now();
    worker.onmessage = (event) => {
      messages.push(event.data);
      if (event.data.type === "done" || event.data.type === "explore-done") {
        const ms = performance.now() - start;
        worker.terminate();
        resolve({ ms, messages });
      }
    };
    worker.postMessage(request);
  });
}
"""


def timed(page: Page, base: str, request: dict) -> tuple[float, list[dict]]:
    result = page.evaluate(TIMED_REQUEST, [base + "assets/runner/worker.mjs", request])
    return result["ms"], result["messages"]


def token_of(messages: list[dict]) -> str:
    return next(m["token"] for m in messages if m["type"] == "schedule")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--site", type=Path, help=f"a built site: the folder that holds {sub_path()}/"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (median shown)")
    args = parser.parse_args()
    rows = [("measure", "time", "")]
    with tempfile.TemporaryDirectory() as build:
        site = site_folder(args.site) if args.site else build_site(Path(build))
        with serve(site) as base, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page()
            page.goto(base)
            for granularity in ("switch-points", "line", "bytecode"):
                request = {
                    "type": "explore",
                    "code": LOST_UPDATE,
                    "granularity": granularity,
                    "budget": 200,
                }
                runs = [timed(page, base, request) for _ in range(args.repeat)]
                done = runs[0][1][-1]
                totals = sorted({int(o["stdout"]) for o in done["outcomes"]})
                rows.append(
                    (
                        f"explore 200 schedules, 2 x 1,000 lost update, {granularity}",
                        f"{statistics.median(ms for ms, _ in runs):,.0f} ms",
                        f"{len(totals)} totals, {totals[0]} to {totals[-1]}",
                    )
                )
            replayed = (
                ("computing, 4 threads", COMPUTING),
                ("lock ping-pong, 40,000 switches", LOCK_PING_PONG),
                ("sleeping 5 s", SLEEPING),
            )
            for label, code in replayed:
                originals, replays, lengths = [], [], []
                for _ in range(args.repeat):
                    ms, messages = timed(page, base, {"type": "run", "code": code})
                    token = token_of(messages)
                    replay_ms, replayed = timed(
                        page, base, {"type": "run", "code": code, "schedule": token}
                    )
                    if next(m for m in replayed if m["type"] == "schedule")["diverged"]:
                        raise SystemExit(f"the replay of {label} went its own way")
                    originals.append(ms)
                    replays.append(replay_ms)
                    lengths.append(len(token))
                original, replay = statistics.median(originals), statistics.median(replays)
                rows.append((f"run, {label}", f"{original:,.0f} ms", ""))
                rows.append(
                    (
                        f"its replay (token {statistics.median(lengths):,.0f} characters)",
                        f"{replay:,.0f} ms",
                        f"{replay / original:.2f}x the run",
                    )
                )
            browser.close()
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
