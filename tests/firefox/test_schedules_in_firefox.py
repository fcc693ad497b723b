"""A run recorded in Chromium replays in Firefox: the schedule token made by Chromium's
worker (Playwright, tests/support/chromium.py), replayed in a fresh worker in Firefox,
gives the very same stdout, stderr, ending and timeline, and does not diverge. Nothing
expected is written down here: the replay is compared with its own run."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from ..browser.runner_pages import runnable_snippets
from ..browser.schedule_harness import Reply, Workers
from ..browser.test_runtime import DEADLOCKS
from ..browser.test_schedules import NONDETERMINISTIC
from ..support import chromium
from ..support.firefox import Page

pytestmark = pytest.mark.timeout(300)

# Clocks, random numbers, addresses and threads racing, then a race that loses updates
# and a program that ends in a deadlock.
PROGRAMS = {
    "nondeterministic": NONDETERMINISTIC,
    "lost_update": next(
        s.path.read_text()
        for s in runnable_snippets()
        if s.snippet == "race_conditions/lost_update.py"
    ),
    "deadlock": DEADLOCKS["locks_taken_in_opposite_orders"][0],
}


@pytest.fixture(scope="module")
def recorded_in_chromium(site_url: str) -> dict[str, Reply]:
    """Each program run once in Chromium, with its token; Chromium is closed after."""
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        page = browser.new_page()
        page.goto(site_url)
        workers = Workers(page, site_url)
        sessions = workers.sessions([[{"type": "run", "code": c}] for c in PROGRAMS.values()])
        browser.close()
    return {name: s.replies[0] for name, s in zip(PROGRAMS, sessions, strict=True)}


def test_the_programs_are_there() -> None:
    assert len(PROGRAMS) == 3, sorted(PROGRAMS)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_a_token_from_chromium_replays_in_firefox(
    recorded_in_chromium: dict[str, Reply], runtime_page: Page, site_url: str, name: str
) -> None:
    run = recorded_in_chromium[name]
    assert run.token, f"Chromium's run sent no schedule: {run}"
    replay = Workers(runtime_page, site_url).run(PROGRAMS[name], run.token)
    assert replay.diverged is None, replay.diverged
    assert replay.stdout == run.stdout
    assert replay.stderr == run.stderr
    assert replay.timeline == run.timeline
    keep = ("status", "reason", "message")
    assert {k: replay.done.get(k) for k in keep} == {k: run.done.get(k) for k in keep}
    assert replay.token == run.token, "a replay names the schedule it replayed"
