"""Replay as a reader meets it (runner/README.md): the schedule token on the runner's
root after a run, the Replay button, playground links that carry a recorded run, and
`runProgram` with a schedule. A replay is compared with its own run: nothing expected
is written down."""

from __future__ import annotations

import re
from textwrap import dedent

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from .runner_pages import (
    LOAD_TIMEOUT_MS,
    PLAYGROUND_RUNNER,
    open_playground,
    playground_link,
    run,
    shown,
    wait_until_over,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

TOKEN = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){3}$")

# Threads whose prints interleave, times, random numbers and ids: two runs of it differ,
# and a replay must give every byte back.
RACY = dedent(
    """\
    import random
    import threading
    import time

    def worker(name):
        for step in range(3):
            print(name, step, random.random(), time.perf_counter_ns() % 1000, flush=True)
            time.sleep(0.001)

    threads = [threading.Thread(target=worker, args=(f"t{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("id", id(object()), "at", time.time())
    """
)

# Every change of a runner's status text, for "Replaying…", which a replay shows only
# for as long as it takes.
RECORD_STATUS = """
window.statusTexts = [];
new MutationObserver(() => {
    for (const status of document.querySelectorAll(".runner-status")) {
        if (window.statusTexts.at(-1) !== status.textContent) {
            window.statusTexts.push(status.textContent);
        }
    }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def schedule_of(runner: Locator) -> str | None:
    return runner.get_attribute("data-schedule")


def replay(runner: Locator) -> dict[str, str]:
    runner.get_by_role("button", name="Replay", exact=True).click()
    wait_until_over(runner)
    return shown(runner)


def statuses_since(page: Page, start: int) -> list[str]:
    return page.evaluate("window.statusTexts")[start:]


# The token on the root, and Replay


def test_a_run_leaves_its_schedule_and_a_new_run_takes_it_away(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "import time\ntime.sleep(1)\nprint('slept')\n")
    replay_button = runner.get_by_role("button", name="Replay", exact=True)
    expect(replay_button).to_be_hidden()  # nothing recorded yet
    assert schedule_of(runner) is None
    assert run(runner)["state"] == "done"
    first = schedule_of(runner)
    assert first and TOKEN.match(first), first
    expect(replay_button).to_have_attribute("aria-disabled", "false")

    runner.get_by_role("button", name="Run", exact=True).click()
    assert schedule_of(runner) is None  # gone as soon as the run starts
    expect(replay_button).to_have_attribute("aria-disabled", "true")
    wait_until_over(runner)
    assert TOKEN.match(schedule_of(runner) or "")


def test_a_stopped_run_has_no_schedule(page: Page, site_url: str) -> None:
    runner = open_playground(
        page, site_url, "print('spinning', flush=True)\nwhile True:\n    pass\n"
    )
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(runner.get_by_role("log")).to_contain_text("spinning", timeout=LOAD_TIMEOUT_MS)
    runner.get_by_role("button", name="Stop", exact=True).click()
    expect(runner).to_have_attribute("data-state", "stopped")
    assert schedule_of(runner) is None


def test_replay_gives_the_runs_output_byte_for_byte(page: Page, site_url: str) -> None:
    page.add_init_script(RECORD_STATUS)
    runner = open_playground(page, site_url, RACY)
    first = run(runner)
    assert first["state"] == "done", first
    token = schedule_of(runner)
    assert token

    before = len(page.evaluate("window.statusTexts"))
    again = replay(runner)
    assert (again["stdout"], again["stderr"]) == (first["stdout"], first["stderr"])
    assert (again["state"], again["reason"]) == ("done", "")
    assert "Replaying…" in statuses_since(page, before)
    assert "Running…" not in statuses_since(page, before)
    assert schedule_of(runner) == token  # the replay names the schedule it replayed
    expect(runner.locator(".runner-output__about")).to_contain_text("a replay")

    # The output is the replay's own: the log was emptied first, as Run does.
    assert again["notes"] == ""
    # A new Run is recorded anew: another token, and (times, random numbers) other output.
    fresh = run(runner)
    assert schedule_of(runner) not in (None, token)
    assert fresh["stdout"] != first["stdout"]


def test_replay_runs_the_code_that_ran_and_says_so_after_an_edit(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, RACY)
    first = run(runner)
    runner.get_by_role("textbox").fill("print('edited')\n")
    again = replay(runner)
    assert again["stdout"] == first["stdout"]
    assert "not the code as it is now" in again["notes"]


# A stand-in worker whose replays go their own way: the page's side alone.
DIVERGING_WORKER = """
postMessage({type: "ready", jspi: true, python: "3.14.2", runtime: "00000000"});
onmessage = ({data}) => {
    postMessage({type: "stdout", text: data.schedule ? "other\\n" : "first\\n"});
    postMessage(data.schedule
        ? {type: "schedule", token: data.schedule, diverged: "it printed something else"}
        : {type: "schedule", token: "s1.3-14-2.00000000.AAAA"});
    postMessage({type: "done", status: "ok"});
};
"""


def test_a_replay_that_went_its_own_way_says_so(page: Page, site_url: str) -> None:
    page.route(
        re.compile(r".*/assets/runner/worker\.mjs$"),
        lambda route: route.fulfill(content_type="text/javascript", body=DIVERGING_WORKER),
    )
    runner = open_playground(page, site_url, "print('first')\n")
    assert run(runner)["stdout"] == "first\n"
    assert schedule_of(runner) == "s1.3-14-2.00000000.AAAA"
    page.evaluate(
        """() => document.addEventListener("runner-finished", (event) => {
            window.finished = event.detail;
        })"""
    )
    result = replay(runner)
    assert (result["state"], result["reason"], result["stdout"]) == ("done", "schedule", "other\n")
    assert (
        result["notes"]
        == "This replay did not follow the recorded run: it printed something else.\n"
    )
    assert page.evaluate("window.finished") == {
        "state": "done",
        "reason": "schedule",
        "stdout": "other\n",
    }


# Links that carry a recorded run


def copied_link(context: BrowserContext, runner: Locator) -> str:
    runner.get_by_role("button", name="Copy link").click()
    expect(runner.locator(".runner-copy-status")).to_have_text("Link copied.")
    return runner.page.evaluate("navigator.clipboard.readText()")


def test_a_link_with_a_schedule_replays_it_once(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD_STATUS)
    runner = open_playground(page, site_url, RACY)
    first = run(runner)
    token = schedule_of(runner)
    link = copied_link(context, runner)
    assert link == page.url
    assert link.endswith(f"&schedule={token}")
    assert link.startswith(playground_link(site_url, RACY) + "&")

    reopened = context.new_page()
    reopened.goto(link)
    runner = reopened.locator(PLAYGROUND_RUNNER)
    expect(runner.get_by_role("textbox")).to_have_value(RACY)
    expect(runner.locator(".runner-copy-status")).to_contain_text("Run replays it")
    before = len(reopened.evaluate("window.statusTexts"))
    replayed = run(runner)
    assert (replayed["stdout"], replayed["stderr"]) == (first["stdout"], first["stderr"])
    assert "Replaying…" in statuses_since(reopened, before)
    assert schedule_of(runner) == token
    # Its link is the same link.
    assert copied_link(context, runner) == link

    # Later Runs record anew.
    before = len(reopened.evaluate("window.statusTexts"))
    fresh = run(runner)
    assert "Running…" in statuses_since(reopened, before)
    assert "Replaying…" not in statuses_since(reopened, before)
    assert schedule_of(runner) != token
    assert fresh["stdout"] != first["stdout"]
    reopened.close()


def test_a_link_for_edited_code_has_no_schedule(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    runner = open_playground(page, site_url, "print('ran')\n")
    run(runner)
    assert schedule_of(runner)
    runner.get_by_role("textbox").fill("print('not run yet')\n")
    link = copied_link(context, runner)
    assert link == playground_link(site_url, "print('not run yet')\n")


def test_edited_code_from_a_link_runs_anew_and_says_why(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "print('ran')\n")
    run(runner)
    page.goto(playground_link(site_url, "print('ran')\n") + f"&schedule={schedule_of(runner)}")
    runner = page.locator(PLAYGROUND_RUNNER)
    expect(runner.locator(".runner-copy-status")).to_contain_text("Run replays it")
    runner.get_by_role("textbox").fill("print('changed')\n")
    result = run(runner)
    assert (result["state"], result["reason"], result["stdout"]) == ("done", "", "changed\n")
    assert "for the code as it was in the link" in result["notes"]
    assert TOKEN.match(schedule_of(runner) or "")


def test_a_link_whose_schedule_is_for_other_code_says_so(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "print('one program')\n")
    run(runner)
    token = schedule_of(runner)
    page.goto(playground_link(site_url, "print('another')\n") + f"&schedule={token}")
    runner = page.locator(PLAYGROUND_RUNNER)
    expect(runner.get_by_role("textbox")).to_have_value("print('another')\n")
    result = run(runner)
    assert (result["state"], result["reason"]) == ("error", "schedule")
    assert "recorded for a different program" in result["notes"]
    assert result["stdout"] == ""
    assert schedule_of(runner) is None
    # The next Run is a plain one.
    assert run(runner)["stdout"] == "another\n"


def test_a_damaged_schedule_in_a_link_says_so(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "print('kept')\n")
    run(runner)
    token = schedule_of(runner)
    assert token
    head, payload = token.rsplit(".", 1)
    damaged = f"{head}.{payload[: len(payload) // 2]}"  # cut in half: still URL-safe
    page.goto(playground_link(site_url, "print('kept')\n") + f"&schedule={damaged}")
    runner = page.locator(PLAYGROUND_RUNNER)
    expect(runner.get_by_role("textbox")).to_have_value("print('kept')\n")
    result = run(runner)
    assert (result["state"], result["reason"]) == ("error", "schedule")
    assert "damaged" in result["notes"]
    expect(runner.locator('[data-stream="note"]')).to_contain_text("damaged")


@pytest.mark.parametrize("token", ["%%%", "not-a-token", "a.b.c.d%20e", ""])
def test_an_unreadable_schedule_in_a_link_is_said_at_once(
    page: Page, site_url: str, token: str
) -> None:
    page.goto(playground_link(site_url, "print('still here')\n") + f"&schedule={token}")
    runner = page.locator(PLAYGROUND_RUNNER)
    expect(runner.get_by_role("textbox")).to_have_value("print('still here')\n")
    expect(runner.locator(".runner-copy-status")).to_contain_text("could not be read")
    result = run(runner)
    assert (result["state"], result["stdout"]) == ("done", "still here\n")
    assert TOKEN.match(schedule_of(runner) or "")


def test_a_link_whose_code_cannot_be_read_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url + "playground/#code=%%%&schedule=s1.a.b.c")
    runner = page.locator(PLAYGROUND_RUNNER)
    expect(runner.locator(".runner-copy-status")).to_contain_text(
        "code in this link could not be read"
    )
    expect(runner.get_by_role("textbox")).not_to_have_value("")


# runProgram with a schedule


def run_program(page: Page, site_url: str, code: str, options: dict | None = None) -> dict:
    return page.evaluate(
        """async ([url, code, options]) => {
            const { runProgram } = await import(url);
            return runProgram(code, options ?? undefined);
        }""",
        [site_url + "assets/runner/runner.js", code, options],
    )


def test_run_program_records_and_replays(page: Page, site_url: str) -> None:
    page.goto(site_url)
    first = run_program(page, site_url, RACY)
    assert set(first) == {"state", "reason", "stdout", "stderr", "schedule"}
    assert (first["state"], first["reason"]) == ("done", None)
    assert TOKEN.match(first["schedule"] or "")

    again = run_program(page, site_url, RACY, {"schedule": first["schedule"]})
    assert again == first

    other = run_program(page, site_url, "print('other')\n", {"schedule": first["schedule"]})
    assert (other["state"], other["reason"], other["stdout"], other["schedule"]) == (
        "error",
        "schedule",
        "",
        None,
    )


def test_run_program_keeps_its_limits(page: Page, site_url: str) -> None:
    page.goto(site_url)
    result = run_program(page, site_url, "while True:\n    pass\n", {"timeLimitSeconds": 1})
    assert (result["state"], result["reason"], result["schedule"]) == ("error", "time-limit", None)


# A snippet's way to the playground, and a run that cannot be recorded


def test_open_in_playground_carries_the_last_run_of_that_code(page: Page, site_url: str) -> None:
    page.goto(site_url + "race-conditions/")
    runner = page.locator('.runner[data-snippet="race_conditions/lost_update.py"]')
    link = runner.get_by_role("link", name="Open in playground")
    assert "&schedule=" not in (link.get_attribute("href") or "")
    first = run(runner)
    token = schedule_of(runner)
    assert token and link.get_attribute("href").endswith(f"&schedule={token}")

    page.goto(link.get_attribute("href"))
    playground = page.locator(PLAYGROUND_RUNNER)
    replayed = run(playground)
    assert (replayed["stdout"], replayed["stderr"]) == (first["stdout"], first["stderr"])
    assert schedule_of(playground) == token


def test_open_in_playground_leaves_the_run_behind_once_the_code_is_edited(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "race-conditions/")
    runner = page.locator('.runner[data-snippet="race_conditions/lost_update.py"]')
    run(runner)
    runner.get_by_role("button", name="Edit", exact=True).click()
    runner.get_by_role("textbox").press("End")
    runner.get_by_role("textbox").type("\n")
    href = runner.get_by_role("link", name="Open in playground").get_attribute("href") or ""
    assert "#code=" in href and "&schedule=" not in href


def test_a_run_that_reads_the_clock_too_often_says_it_cannot_be_replayed(
    page: Page, site_url: str
) -> None:
    code = "import time\nfor _ in range(2_100_000):\n    time.monotonic()\nprint('read')\n"
    runner = open_playground(page, site_url, code)
    result = run(runner, timeout_ms=120_000)
    assert result["state"] == "done" and result["stdout"] == "read\n"
    assert schedule_of(runner) is None
    expect(runner.locator('[data-stream="note"]')).to_contain_text(
        "read its clocks too often to be recorded"
    )
    expect(runner.get_by_role("button", name="Replay", exact=True)).to_be_hidden()
