"""axe-core finds no serious or critical accessibility problem on the home page, on a
chapter page whose runners have run, or on the playground (after errors, and with a
run's Timeline open), in either colour scheme."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from ..support.axe import serious_violations
from .runner_pages import (
    PLAYGROUND_RUNNER,
    SNIPPET_RUNNER,
    chapter_with_runners,
    open_playground,
    reveal,
    run,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

SCHEMES = ["light", "dark"]


@pytest.fixture(params=SCHEMES)
def scheme_page(request: pytest.FixtureRequest, page: Page) -> Page:
    page.emulate_media(color_scheme=request.param)
    return page


def test_home_page(scheme_page: Page, site_url: str) -> None:
    scheme_page.goto(site_url)
    assert serious_violations(scheme_page) == []


def test_chapter_page_after_a_run(scheme_page: Page, site_url: str) -> None:
    scheme_page.goto(site_url + chapter_with_runners())
    runner = scheme_page.locator(SNIPPET_RUNNER).first
    assert run(runner)["state"] == "done"
    # An open editor is on the page too.
    second = scheme_page.locator(SNIPPET_RUNNER).last
    reveal(second)
    second.get_by_role("button", name="Edit", exact=True).click()
    assert serious_violations(scheme_page) == []


def test_playground_after_a_run_with_errors(scheme_page: Page, site_url: str) -> None:
    code = "import sys\nprint('out')\nprint('err', file=sys.stderr)\nraise SystemExit(1)\n"
    runner = open_playground(scheme_page, site_url, code)
    run(runner)
    assert scheme_page.locator(PLAYGROUND_RUNNER).get_attribute("data-state") in (
        "done",
        "error",
    )
    assert serious_violations(scheme_page) == []


def test_playground_with_the_runs_timeline_open(scheme_page: Page, site_url: str) -> None:
    # Enough sleeps for the timeline to be cut, so that its note is checked too.
    code = (
        "import threading, time\n"
        "def nap():\n"
        "    for _ in range(3000):\n"
        "        time.sleep(0)\n"
        "threads = [threading.Thread(target=nap) for _ in range(2)]\n"
        "for t in threads:\n"
        "    t.start()\n"
        "for t in threads:\n"
        "    t.join()\n"
        "print('done')\n"
    )
    runner = open_playground(scheme_page, site_url, code)
    assert run(runner)["state"] == "done"
    runner.get_by_role("button", name="Timeline", exact=True).click()
    expect(runner.locator(".runner-timeline__view svg.tl-plot")).to_be_visible()
    expect(runner.locator(".runner-timeline__view .tl-note")).to_be_visible()
    assert serious_violations(scheme_page) == []
