"""The Timeline view under a run's output: after a run whose worker sent the run's
timeline (`{type: "timeline", data}` before `done`, runner/README.md), a
Timeline toggle draws it, one lane per thread."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from .runner_pages import SNIPPET_RUNNER, open_playground, recorded_timeline, reveal, run

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

PAGE = "race-conditions/"
SNIPPET = "race_conditions/lost_update.py"
PLOT = "svg.tl-plot"


def recorded_thread_names(site_dir: Path) -> list[str]:
    """The threads of lost_update.py in the timeline the build recorded on CPython."""
    return [thread["name"] for thread in recorded_timeline(site_dir, PAGE, SNIPPET)["threads"]]


def open_timeline(runner: Locator) -> Locator:
    toggle = runner.get_by_role("button", name="Timeline", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    view = runner.locator(".runner-timeline__view")
    expect(view.locator(PLOT)).to_be_visible()
    return view


def lane_names(view: Locator) -> list[str]:
    """Each lane's thread, from the lane's accessible summary "<name>: runnable …"."""
    return [
        label.split(": runnable ")[0]
        for label in view.locator(f"{PLOT} [role=list]").evaluate_all(
            "(lanes) => lanes.map((lane) => lane.getAttribute('aria-label'))"
        )
    ]


def test_timeline_of_a_real_run(page: Page, site_url: str, site_dir: Path) -> None:
    names = recorded_thread_names(site_dir)
    assert len(names) == 5, names  # the main thread and four depositors
    page.goto(site_url + PAGE)
    runner = page.locator(f'{SNIPPET_RUNNER}[data-snippet="{SNIPPET}"]')
    reveal(runner)
    assert run(runner)["state"] == "done"
    toggle = runner.get_by_role("button", name="Timeline", exact=True)
    assert toggle.is_visible(), (
        "no Timeline button after the run: the worker sent no "
        '{type: "timeline", data} message before "done" (runner/README.md)'
    )
    view = open_timeline(runner)
    assert lane_names(view) == names
    # The names are drawn beside the lanes too.
    drawn = view.locator(".tl-names text").all_text_contents()
    assert len(drawn) == len(names)
    assert all(name.startswith(text.rstrip("…")) for name, text in zip(names, drawn, strict=True))
    expect(view.locator(".tl-note")).to_have_count(0)


def test_a_cut_timeline_says_how_much_it_shows(page: Page, site_url: str) -> None:
    code = "import time\nfor _ in range(6000):\n    time.sleep(0)\nprint('done')\n"
    runner = open_playground(page, site_url, code)
    assert run(runner)["stdout"] == "done\n"
    view = open_timeline(runner)
    expect(view.locator(".tl-note")).to_have_text(
        re.compile(
            r"Only the first [\d.]+ ms of [\d.]+ ms of the run: recording stopped "
            r"after 5000 waits, sleeps and prints\."
        )
    )


# The page's side alone, with a stand-in worker that sends a timeline.
FAKE_TIMELINE = {
    "threads": [{"id": 1, "name": "MainThread"}, {"id": 2, "name": "worker <b>1</b>"}],
    "spans": [
        {"thread": 1, "from": 0, "to": 1, "state": "running"},
        {"thread": 1, "from": 1, "to": 3, "state": "waiting", "on": "Thread.join() at main.py:5"},
        {"thread": 1, "from": 3, "to": 4, "state": "running"},
        {"thread": 2, "from": 1, "to": 3, "state": "running"},
    ],
    "prints": [{"thread": 2, "t": 2, "text": "hi"}],
    "end": 4,
}


def fake_worker(timeline: object | None) -> str:
    sent = f'postMessage({{type: "timeline", data: {json.dumps(timeline)}}});' if timeline else ""
    return f"""
        postMessage({{type: "ready", jspi: true, python: "3.14.2"}});
        onmessage = () => {{
            postMessage({{type: "stdout", text: "hi\\n"}});
            {sent}
            postMessage({{type: "done", status: "ok"}});
        }};
    """


def with_fake_worker(page: Page, timeline: object | None) -> None:
    page.route(
        re.compile(r".*/assets/runner/worker\.mjs$"),
        lambda route: route.fulfill(content_type="text/javascript", body=fake_worker(timeline)),
    )


def test_timeline_toggle_draws_what_the_worker_sent(page: Page, site_url: str) -> None:
    with_fake_worker(page, FAKE_TIMELINE)
    runner = open_playground(page, site_url, "print('hi')\n")
    expect(runner.get_by_role("button", name="Timeline", exact=True)).to_be_hidden()
    assert run(runner)["stdout"] == "hi\n"
    view = open_timeline(runner)
    assert lane_names(view) == ["MainThread", "worker <b>1</b>"]  # text, not markup
    expect(view.locator("b")).to_have_count(0)

    # From the keyboard it closes and opens again.
    toggle = runner.get_by_role("button", name="Timeline", exact=True)
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(view).to_be_hidden()
    page.keyboard.press("Enter")
    expect(view.locator(PLOT)).to_be_visible()

    # The next run starts without the last one's timeline.
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(view.locator(PLOT)).to_have_count(0)


def test_no_timeline_no_toggle(page: Page, site_url: str) -> None:
    with_fake_worker(page, None)
    runner = open_playground(page, site_url, "print('hi')\n")
    assert run(runner)["state"] == "done"
    expect(runner.get_by_role("button", name="Timeline", exact=True)).to_be_hidden()
