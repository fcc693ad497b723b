"""Step through in Firefox (the same program and steps as
tests/browser/test_step_through.py): a lost update made by hand, its stale local shown,
Undo, and the stepped run's token replayed."""

from __future__ import annotations

import json

import pytest

from ..browser.test_step_through import LOSE_ONE, LOST_UPDATE
from ..support.firefox import Page
from .runners import LOAD_TIMEOUT_S, open_playground, press, shown, wait_until_over

pytestmark = pytest.mark.timeout(120)

REGION = ".runner-step"


def region_attribute(page: Page, root: str, name: str) -> str | None:
    return page.attribute(f"{root} {REGION}", name)


def wait_for_step(page: Page, root: str, steps: int, state: str = "paused") -> None:
    page.wait_for_function(
        "([selector, steps, state]) => { const r = document.querySelector(selector);"
        " return r.dataset.steps === String(steps) && r.dataset.state === state; }",
        [f"{root} {REGION}", steps, state],
        timeout=LOAD_TIMEOUT_S,
    )


def lanes(page: Page, root: str) -> dict[str, dict]:
    threads = json.loads(region_attribute(page, root, "data-threads") or "[]")
    return {lane["name"]: lane for lane in threads}


def test_a_lost_update_by_hand(page: Page, site_url: str) -> None:
    root = open_playground(page, site_url, LOST_UPDATE)
    press(page, root, "Step through")
    wait_for_step(page, root, 0)
    assert lanes(page, root)["alice"]["source"] == "current = total"
    for count, name in enumerate(LOSE_ONE[:-1], start=1):
        page.click(f"{root} {REGION}", role="button", name=f"Step {name}")
        wait_for_step(page, root, count)
    assert lanes(page, root)["alice"]["locals"] == {"current": "0"}
    page.click(f"{root} {REGION}", role="button", name="Undo")
    wait_for_step(page, root, len(LOSE_ONE) - 2)
    page.click(f"{root} {REGION}", role="button", name="Redo")
    wait_for_step(page, root, len(LOSE_ONE) - 1)
    page.click(f"{root} {REGION}", role="button", name=f"Step {LOSE_ONE[-1]}")
    wait_for_step(page, root, len(LOSE_ONE), "done")
    assert shown(page, root)["stdout"] == "total = 1\n"
    token = region_attribute(page, root, "data-schedule")
    assert token and page.attribute(root, "data-schedule") == token
    press(page, root, "Replay")
    assert wait_until_over(page, root) == "done"
    assert page.attribute(root, "data-reason") is None
    assert shown(page, root)["stdout"] == "total = 1\n"
