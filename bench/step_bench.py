"""What a step of Step through costs, measured in headless Chromium on this machine.

    python bench/step_bench.py [--site DIR] [--steps N]

In the playground, Step through is opened on two programs; each step is a click on a
`Step <thread name>` button, timed in the page from the click to the lanes and the
shared state drawn again (the region's `data-state` back to "paused"). Each step runs
the program again from the start under the steps so far, so a step costs more the
further the run has gone: the table gives the first steps and the last of N.

- two threads, one read and one write each (the lost update of Step through's tests);
- the race chapter's deposits: four threads of 500 `total += amount` each, stepped at
  every line, the threads taken in turn.

Prints a table; the goal is 50 ms a step. Not part of `make test`: the figures depend
on the machine.
"""

from __future__ import annotations

import argparse
import base64
import statistics
import tempfile
from pathlib import Path

from browser_bench import build_site
from playwright.sync_api import Page, sync_playwright

from tests.support import chromium
from tests.support.site import serve, site_folder, sub_path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 120_000

TWO_STEPS_EACH = """\
import threading

total = 0


def add_one():
    global total
    current = total
    total = current + 1


alice = threading.Thread(target=add_one, name="alice")
bob = threading.Thread(target=add_one, name="bob")
alice.start()
bob.start()
alice.join()
bob.join()
print(f"total = {total}")
"""

DEPOSITS = (ROOT / "snippets" / "race_conditions" / "plus_equals.py").read_text()

# Clicks the first enabled Step button after the one last pressed (threads in turn),
# and resolves with the milliseconds until the region is paused (or done) again.
_STEP = """
(region) => new Promise((resolve) => {
  const buttons = [...region.querySelectorAll(".runner-step__step")]
    .filter((b) => b.getAttribute("aria-disabled") !== "true");
  const last = Number(region.dataset.benchTurn || 0);
  const chosen = buttons[(last + 1) % buttons.length];
  region.dataset.benchTurn = String(last + 1);
  const before = region.dataset.steps;
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (region.dataset.steps !== before && ["paused", "done"].includes(region.dataset.state)) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    }
  });
  observer.observe(region, { attributes: true });
  chosen.click();
})
"""


def playground(base: str, code: str) -> str:
    encoded = base64.urlsafe_b64encode(code.encode()).decode().rstrip("=")
    return f"{base}playground/#code={encoded}"


def stepped(page: Page, base: str, code: str, steps: int) -> list[float]:
    page.goto(playground(base, code))
    runner = page.locator('.runner[data-runner="playground"]')
    runner.get_by_role("button", name="Step through", exact=True).click()
    region = runner.locator(".runner-step")
    page.wait_for_function(
        "(r) => r.dataset.state === 'paused'", arg=region.element_handle(), timeout=TIMEOUT_MS
    )
    times = []
    for _ in range(steps):
        if region.get_attribute("data-state") != "paused":
            break
        times.append(region.evaluate(_STEP))
    return times


def describe(times: list[float], first: int = 5) -> str:
    head = statistics.median(times[:first])
    tail = statistics.median(times[-first:])
    return (
        f"median {head:,.0f} ms (first {first}), {tail:,.0f} ms (last {first}), "
        f"most {max(times):,.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--site", type=Path, help=f"a built site: the folder that holds {sub_path()}/"
    )
    parser.add_argument("--steps", type=int, default=60, help="steps of the deposits")
    args = parser.parse_args()
    rows = [("measure", "time per step")]
    with tempfile.TemporaryDirectory() as build:
        site = site_folder(args.site) if args.site else build_site(Path(build))
        with serve(site) as base, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page()
            times = stepped(page, base, TWO_STEPS_EACH, 20)
            rows.append(
                (f"two threads, a read and a write each ({len(times)} steps)", describe(times, 3))
            )
            times = stepped(page, base, DEPOSITS, args.steps)
            rows.append((f"deposits, 4 x 500 (steps 1 to {len(times)})", describe(times)))
            browser.close()
    width = max(len(label) for label, _ in rows)
    for label, figure in rows:
        print(f"{label:<{width}}  {figure}")


if __name__ == "__main__":
    main()
