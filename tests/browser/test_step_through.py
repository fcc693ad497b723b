"""Step through as a reader meets it (runner/page/step-panel.js): the Step through
button where a program starts threads, a lane per live thread with its next line, its
locals and a `Step <thread name>` button, why a thread cannot run, the shared state,
Undo, Redo, Let it run, and the finished run's token, link and timeline.

A stepped run is made only of the reader's choices (virtual clocks, the same random
numbers in every run), so every state checked here is the only one those steps give."""

from __future__ import annotations

import json
import re
from textwrap import dedent

import pytest
from playwright.sync_api import Locator, Page, expect

from ..support.axe import serious_violations
from .runner_pages import (
    LOAD_TIMEOUT_MS,
    PLAYGROUND_RUNNER,
    SNIPPET_RUNNER,
    open_playground,
    reveal,
    shown,
    wait_until_over,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

TOKEN = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){3}$")

# Each thread reads the total, then writes it back one more: two lines, so a step
# between them loses an update.
LOST_UPDATE = dedent(
    """\
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
)

# Steps that lose bob's update: alice reads 0; main starts bob; bob reads 0 and
# writes 1 and ends; alice writes her stale 0 + 1.
LOSE_ONE = ["alice", "MainThread", "MainThread", "bob", "bob", "bob", "alice"]

LOCKED = LOST_UPDATE.replace("total = 0\n", "lock = threading.Lock()\ntotal = 0\n").replace(
    "    current = total\n    total = current + 1\n",
    "    with lock:\n        current = total\n        total = current + 1\n",
)


def open_steps(runner: Locator, granularity: str | None = None) -> Locator:
    region = runner.locator(".runner-step")
    runner.get_by_role("button", name="Step through", exact=True).click()
    if granularity:
        region.get_by_role("radio", name=granularity).check()
    expect(region).to_have_attribute("data-state", "paused", timeout=LOAD_TIMEOUT_MS)
    return region


def step(region: Locator, *names: str) -> None:
    for name in names:
        before = int(region.get_attribute("data-steps") or 0)
        region.get_by_role("button", name=f"Step {name}", exact=True).click()
        expect(region).to_have_attribute("data-steps", str(before + 1))
        expect(region).not_to_have_attribute("data-state", "stepping")


def lanes(region: Locator) -> dict[str, dict]:
    return {lane["name"]: lane for lane in json.loads(region.get_attribute("data-threads") or "[]")}


def shared(region: Locator) -> dict[str, str]:
    terms = region.locator(".runner-step__shared dt").all_inner_texts()
    values = region.locator(".runner-step__shared dd").all_inner_texts()
    return dict(zip(terms, values, strict=True))


def test_each_thread_has_a_lane_with_its_next_line(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner)
    # Thread.start() waits until the new thread runs: alice is first to choose.
    first = lanes(region)
    assert first["alice"]["line"] == 8 and first["alice"]["source"] == "current = total"
    assert first["MainThread"]["source"] == "alice.start()"
    assert first["alice"]["runnable"] and first["MainThread"]["runnable"]
    alice = region.locator('li.runner-step__lane[data-thread="alice"]')
    expect(alice.locator(".runner-step__next")).to_have_text("line 8: current = total")
    step(region, "alice")
    expect(alice.locator(".runner-step__locals")).to_contain_text("current")
    assert lanes(region)["alice"]["locals"] == {"current": "0"}
    assert shared(region)["total"] == "0"


def test_steps_lose_an_update_and_the_stale_local_shows(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner)
    step(region, *LOSE_ONE[:-1])
    # bob has written 1 and ended; alice still holds the 0 she read.
    assert shared(region)["total"] == "1"
    assert lanes(region)["alice"]["locals"] == {"current": "0"}
    bob = region.locator('li.runner-step__lane[data-thread="bob"]')
    expect(bob).to_have_attribute("data-state", "finished")
    expect(bob.get_by_role("button", name="Step bob")).to_be_disabled()
    step(region, LOSE_ONE[-1])
    expect(region).to_have_attribute("data-state", "done")
    assert shown(runner)["stdout"] == "total = 1\n"
    token = region.get_attribute("data-schedule")
    assert token and TOKEN.match(token)
    assert runner.get_attribute("data-schedule") == token
    link = region.get_by_role("link", name="Link to this run")
    assert token in (link.get_attribute("href") or "")
    # The stepped run is a run like any other: it replays, exactly.
    runner.get_by_role("button", name="Replay", exact=True).click()
    wait_until_over(runner)
    expect(runner).to_have_attribute("data-state", "done")
    expect(runner).not_to_have_attribute("data-reason", "schedule")
    assert shown(runner)["stdout"] == "total = 1\n"


def test_undo_then_redo_gives_the_same_state(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner)
    step(region, "alice", "MainThread", "MainThread", "bob")
    before = (region.get_attribute("data-threads"), shared(region))
    earlier = region.get_attribute("data-threads")
    step(region, "bob")
    after = (region.get_attribute("data-threads"), shared(region))
    assert after != before
    region.get_by_role("button", name="Undo", exact=True).click()
    expect(region).to_have_attribute("data-steps", "4")
    expect(region).to_have_attribute("data-state", "paused")
    assert (region.get_attribute("data-threads"), shared(region)) == before
    assert region.get_attribute("data-threads") == earlier
    region.get_by_role("button", name="Redo", exact=True).click()
    expect(region).to_have_attribute("data-steps", "5")
    expect(region).to_have_attribute("data-state", "paused")
    assert (region.get_attribute("data-threads"), shared(region)) == after
    expect(region.get_by_role("button", name="Redo", exact=True)).to_be_disabled()


def test_a_thread_that_cannot_run_says_why(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOCKED)
    region = open_steps(runner)
    # alice takes the lock; main starts bob; bob comes to the lock and waits.
    step(region, "alice", "MainThread", "MainThread", "bob", "bob")
    bob = lanes(region)["bob"]
    assert not bob["runnable"]
    assert bob["why"] == "waits in Lock.acquire() for a lock last acquired by alice"
    lane = region.locator('li.runner-step__lane[data-thread="bob"]')
    expect(lane.locator(".runner-step__why")).to_have_text(
        "It waits in Lock.acquire() for a lock last acquired by alice."
    )
    expect(lane.get_by_role("button", name="Step bob")).to_be_disabled()
    assert shared(region)["lock"] == "Lock (held, last acquired by alice)"


def test_bytecode_steps_show_the_next_instruction(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner, "Every bytecode")
    expect(region).to_have_attribute("data-granularity", "bytecode")
    # The read, the add and the write are steps of their own; what touches only the
    # thread's own locals (storing `current`, loading it back) is no switch point.
    assert lanes(region)["alice"]["instruction"] == "LOAD_GLOBAL total"
    step(region, "alice")
    assert lanes(region)["alice"]["instruction"] == "BINARY_OP +"
    alice = region.locator('li.runner-step__lane[data-thread="alice"]')
    expect(alice.locator(".runner-step__next")).to_contain_text("line 9: total = current + 1")
    expect(alice.locator(".runner-step__next")).to_contain_text("BINARY_OP +")
    step(region, "alice")
    assert lanes(region)["alice"]["instruction"] == "STORE_GLOBAL total"


# Both threads wait for the same Event: once it is set, both can run.
RACE_TO_APPEND = dedent(
    """\
    import threading

    go = threading.Event()
    order = []


    def runner(name):
        go.wait()
        order.append(name)


    alice = threading.Thread(target=runner, args=("alice",), name="alice")
    bob = threading.Thread(target=runner, args=("bob",), name="bob")
    alice.start()
    bob.start()
    go.set()
    alice.join()
    bob.join()
    print(order)
    """
)


def test_only_where_threads_block(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, RACE_TO_APPEND)
    region = open_steps(runner, "Only where threads block")
    expect(region).to_have_attribute("data-granularity", "blocking")
    # Each thread runs until it waits or ends: the first choice is when the main
    # thread, having set the Event, waits for alice.
    first = lanes(region)
    assert first["MainThread"]["why"] == "waits in Thread.join() for alice"
    assert not first["MainThread"]["runnable"]
    assert first["alice"]["runnable"] and first["bob"]["runnable"]
    assert first["bob"]["source"] == "go.wait()"
    step(region, "bob")
    expect(region).to_have_attribute("data-state", "done")
    assert shown(runner)["stdout"] == "['bob', 'alice']\n"


def test_let_it_run_finishes_with_the_default_schedule(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner)
    step(region, "alice")
    region.get_by_role("button", name="Let it run", exact=True).click()
    expect(region).to_have_attribute("data-state", "done")
    # After alice's read, the default lets her go on: no update lost.
    assert shown(runner)["stdout"] == "total = 2\n"
    assert TOKEN.match(region.get_attribute("data-schedule") or "")
    expect(runner.get_by_role("button", name="Timeline")).to_be_visible()
    # Undo goes back into the run.
    region.get_by_role("button", name="Undo", exact=True).click()
    expect(region).to_have_attribute("data-state", "paused")
    expect(region).to_have_attribute("data-steps", "0")


def test_stop_ends_stepping(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner)
    runner.locator(".runner-toolbar").get_by_role("button", name="Stop", exact=True).click()
    expect(region).to_be_hidden()
    expect(runner.get_by_role("button", name="Run", exact=True)).to_be_enabled()
    expect(runner.get_by_role("button", name="Step through", exact=True)).to_be_enabled()


def test_a_program_without_a_choice_just_ends(page: Page, site_url: str) -> None:
    code = (
        'import threading\nt = threading.Thread(target=print, args=("hi",))\nt.start()\nt.join()\n'
    )
    runner = open_playground(page, site_url, code)
    runner.get_by_role("button", name="Step through", exact=True).click()
    region = runner.locator(".runner-step")
    expect(region).to_have_attribute("data-state", "done", timeout=LOAD_TIMEOUT_MS)
    assert shown(runner)["stdout"] == "hi\n"


def test_chapter_snippets_that_start_threads_can_be_stepped(page: Page, site_url: str) -> None:
    page.goto(site_url + "race-conditions/")
    runner = page.locator(f'{SNIPPET_RUNNER}[data-snippet="race_conditions/locked_total.py"]')
    reveal(runner)
    region = open_steps(runner)
    assert "MainThread" in lanes(region)


def test_keyboard_alone_steps(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, LOST_UPDATE)
    runner.get_by_role("button", name="Step through", exact=True).focus()
    page.keyboard.press("Enter")
    region = runner.locator(".runner-step")
    expect(region).to_have_attribute("data-state", "paused", timeout=LOAD_TIMEOUT_MS)
    # Every control is reachable and named.
    for control in region.locator("button, input, a").all():
        assert control.evaluate("e => e.tabIndex >= 0")
        name = control.evaluate(
            "e => e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent"
        )
        assert name.strip()
    alice = region.get_by_role("button", name="Step alice", exact=True)
    alice.focus()
    page.keyboard.press("Enter")
    expect(region).to_have_attribute("data-steps", "1")
    expect(region).to_have_attribute("data-state", "paused")
    # The lane is updated in place: focus stays on the button pressed.
    assert alice.evaluate("e => e === document.activeElement")
    page.keyboard.press("Enter")
    expect(region).to_have_attribute("data-steps", "2")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_step_through_is_accessible(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    runner = open_playground(page, site_url, LOCKED)
    region = open_steps(runner)
    step(region, "alice", "MainThread", "MainThread", "bob", "bob")
    assert serious_violations(page) == []
    region.get_by_role("button", name="Let it run", exact=True).click()
    expect(region).to_have_attribute("data-state", "done")
    # The runner, ended (the page's own "Back to top" may be fading in by now).
    assert serious_violations(page, PLAYGROUND_RUNNER) == []


def test_step_through_fits_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    runner = open_playground(page, site_url, LOST_UPDATE)
    region = open_steps(runner)
    step(region, "alice")
    assert region.evaluate("root => root.scrollWidth <= root.clientWidth")
    for element in region.locator(".runner-step__lane, .runner-step__option").all():
        assert element.evaluate("e => e.getBoundingClientRect().right <= innerWidth")
