"""What the race check costs, measured in headless Chromium on this machine.

    python bench/race_check_bench.py [--site DIR] [--repeat N]

Runs each program of the Race conditions chapter (snippets/race_conditions/ that
starts threads) in a worker that has finished loading, with the race check off and
on (the worker's `{type: "run", code, raceCheck}`), and prints the median time from
the request to `done` of each, the ratio (the goal: at most 3x) and the races the
check reported. With the check off the runtime runs its own methods: the watcher's
are swapped in only for a run that asks for it, so off costs nothing by construction.

Not part of `make test`: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from browser_bench import build_site
from playwright.sync_api import sync_playwright
from schedule_bench import timed

from tests.snippet_files import SNIPPETS_DIR
from tests.support import chromium
from tests.support.site import serve, site_folder, sub_path

GOAL = 3.0


def chapter_programs() -> list[tuple[str, str]]:
    programs = []
    for path in sorted((SNIPPETS_DIR / "race_conditions").glob("*.py")):
        source = path.read_text()
        if "Thread(" in source:
            programs.append((path.name, source))
    return programs


def races_of(messages: list[dict]) -> list[dict] | None:
    return next((m["races"] for m in messages if m["type"] == "races"), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--site", type=Path, help=f"a built site: the folder that holds {sub_path()}/"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each timing (median shown)")
    args = parser.parse_args()
    rows = [("program", "off", "on", "on / off", "races reported")]
    worst = 0.0
    with tempfile.TemporaryDirectory() as build:
        site = site_folder(args.site) if args.site else build_site(Path(build))
        with serve(site) as base, sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page()
            page.goto(base)
            for name, code in chapter_programs():
                times = {}
                for check in (False, True):
                    runs = [
                        timed(page, base, {"type": "run", "code": code, "raceCheck": check})
                        for _ in range(args.repeat)
                    ]
                    times[check] = statistics.median(ms for ms, _ in runs)
                    races = races_of(runs[0][1])
                    if check and races is None:
                        raise SystemExit(
                            f"{name}: the worker sent no races for a run with the race check on"
                        )
                ratio = times[True] / times[False]
                worst = max(worst, ratio)
                variables = sorted({race["variable"] for race in races}) or ["none"]
                rows.append(
                    (
                        name,
                        f"{times[False]:,.0f} ms",
                        f"{times[True]:,.0f} ms",
                        f"{ratio:.2f}x",
                        ", ".join(variables),
                    )
                )
            browser.close()
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    verdict = "within" if worst <= GOAL else "over"
    print(f"\nworst: {worst:.2f}x, {verdict} the goal of {GOAL:g}x")


if __name__ == "__main__":
    main()
