"""The Race check switch where a reader meets it: off in a runner's toolbar until
turned on, then the report under the output; a watched run's Replay is watched too, and
exact; on by default in Step through, reporting the races of the run so far."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Locator, Page, expect

from .runner_pages import LOAD_TIMEOUT_MS, open_playground, run, wait_until_over
from .test_step_through import LOSE_ONE, LOST_UPDATE, open_steps, step

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


def report(runner: Locator) -> Locator:
    return runner.locator(".runner-output .runner-races")


def races(runner: Locator) -> list[dict]:
    return json.loads(report(runner).get_attribute("data-races") or "null")


def test_off_by_default_for_run(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    toggle = runner.locator(".runner-toolbar").get_by_role("checkbox", name="Race check")
    expect(toggle).not_to_be_checked()
    assert run(runner)["stdout"] == "total = 2\n"
    expect(report(runner)).to_be_hidden()


def test_a_watched_run_reports_and_replays_watched(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    runner.locator(".runner-toolbar").get_by_role("checkbox", name="Race check").check()
    run(runner)
    found = races(runner)
    assert found and {race["variable"] for race in found} == {"total"}
    expect(report(runner)).to_contain_text("no single lock protects total")
    link = report(runner).get_by_role("link", name="Replay the run where it was seen").first
    assert runner.get_attribute("data-schedule") in (link.get_attribute("href") or "")
    # The replay is watched as the run was, whatever the switch says now: the same run.
    runner.locator(".runner-toolbar").get_by_role("checkbox", name="Race check").uncheck()
    runner.get_by_role("button", name="Replay", exact=True).click()
    wait_until_over(runner)
    expect(runner).not_to_have_attribute("data-reason", "schedule")
    assert races(runner) == found


def test_on_by_default_in_step_through(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner)
    expect(region.get_by_role("checkbox", name="Race check")).to_be_checked()
    step(region, *LOSE_ONE)
    expect(region).to_have_attribute("data-state", "done")
    lines = {
        (a["thread"], a["line"], a["kind"]) for race in races(runner) for a in race["accesses"]
    }
    # alice's stale write (line 9) against bob's read and write of the same total.
    assert ("alice", 9, "write") in lines and ("bob", 9, "write") in lines


def test_step_through_without_the_race_check(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner)
    region.get_by_role("checkbox", name="Race check").uncheck()
    expect(region).to_have_attribute("data-state", "paused")
    expect(region).to_have_attribute("data-steps", "0")
    step(region, *LOSE_ONE)
    expect(region).to_have_attribute("data-state", "done")
    expect(report(runner)).to_be_hidden()


def test_on_by_default_in_explore(page: Page, site_url: str) -> None:
    page.add_init_script("window.runnerConfig = { exploreBudget: 8 };")
    runner = open_playground(page, site_url, LOST_UPDATE)
    runner.get_by_role("button", name="Explore", exact=True).click()
    region = runner.locator(".runner-explore")
    expect(region).to_have_attribute("data-state", "done", timeout=LOAD_TIMEOUT_MS)
    toggle = region.get_by_role("checkbox", name="Race check")
    expect(toggle).to_be_checked()
    explored = region.locator(".runner-races")
    found = json.loads(explored.get_attribute("data-races") or "[]")
    assert {race["variable"] for race in found} == {"total"}
    # Off: the program is explored again, unwatched.
    toggle.uncheck()
    expect(region).to_have_attribute("data-state", "running")
    expect(region).to_have_attribute("data-state", "done", timeout=LOAD_TIMEOUT_MS)
    expect(explored).to_be_hidden()
