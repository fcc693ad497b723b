"""The runner's failure modes and the playground's links in Firefox, as a reader meets
them (the same checks as tests/browser/test_runner_ui.py): Stop ends an endless loop at
once, the time limit ends a run, a deadlock is reported, a flood of output is cut at the
cap, printed HTML shows as text, and a copied link opens the same code."""

from __future__ import annotations

import re
import time
from textwrap import dedent

import pytest

from ..browser.runner_pages import PLAYGROUND_RUNNER, lines
from ..support.firefox import Firefox, Page
from .runners import (
    LOAD_TIMEOUT_S,
    open_playground,
    press,
    run,
    shown,
    wait_for_state,
)

pytestmark = pytest.mark.timeout(120)

# Every change of a runner's data-state, and every click, timed on the page's own clock.
RECORD_STATES = """() => {
    window.runnerStates = [];
    const clicked = () => window.runnerStates.push(["click", performance.now()]);
    document.addEventListener("click", clicked, true);
    new MutationObserver((changes) => {
        for (const change of changes) {
            window.runnerStates.push([change.target.dataset.state, performance.now()]);
        }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
}"""


def seconds_between(page: Page, first: str, then: str) -> float:
    states = page.evaluate("window.runnerStates")
    start = next(t for state, t in states if state == first)
    end = next(t for state, t in states if state == then and t >= start)
    return (end - start) / 1000


def wait_for_output(page: Page, root: str, text: str) -> None:
    page.wait_for_function(
        "([root, text]) => document.querySelector(root)"
        ".querySelector('[role=\"log\"]')?.textContent.includes(text)",
        [root, text],
        timeout=LOAD_TIMEOUT_S,
    )


def test_stop_ends_an_endless_loop_within_a_second(page: Page, site_url: str) -> None:
    root = open_playground(page, site_url, "print('spinning', flush=True)\nwhile True:\n    pass\n")
    page.evaluate(RECORD_STATES)
    press(page, root, "Run")
    wait_for_output(page, root, "spinning")
    press(page, root, "Stop")
    wait_for_state(page, root, ("stopped",), timeout=5)
    # From the click on Stop, as the page got it, to the state Stopped.
    stop_clicked = seconds_between(page, "running", "click")
    assert seconds_between(page, "running", "stopped") - stop_clicked < 1
    result = shown(page, root)
    assert (result["status"], result["reason"]) == ("Stopped", "stop"), result
    # The worker is gone: nothing more arrives.
    time.sleep(0.3)
    assert shown(page, root)["stdout"] == result["stdout"] == "spinning\n"


@pytest.mark.parametrize(
    "code",
    ["while True:\n    pass\n", "import time\nwhile True:\n    time.sleep(0.01)\n"],
    ids=["busy-loop", "sleeping-loop"],
)
def test_time_limit_ends_any_run(page: Page, site_url: str, code: str) -> None:
    root = open_playground(page, site_url, code)
    page.evaluate("root => { document.querySelector(root).dataset.timeLimit = '2'; }", root)
    page.evaluate(RECORD_STATES)
    press(page, root, "Run")
    wait_for_state(page, root, ("running",), timeout=LOAD_TIMEOUT_S)
    wait_for_state(page, root, ("error",), timeout=5)
    assert 1.9 < seconds_between(page, "running", "error") < 3
    result = shown(page, root)
    assert result["reason"] == "time-limit", result
    assert "time limit" in result["notes"]


def test_deadlock_is_reported(page: Page, site_url: str) -> None:
    code = dedent(
        """\
        import threading

        lock = threading.Lock()
        lock.acquire()
        print('holding the lock')
        lock.acquire()
        print('never')
        """
    )
    root = open_playground(page, site_url, code)
    result = run(page, root)
    assert (result["state"], result["reason"]) == ("error", "deadlock"), result
    assert result["stdout"] == "holding the lock\n"
    assert result["stderr"].splitlines() == [
        "Deadlock: every thread is waiting and none can wake the others.",
        "  MainThread waits in Lock.acquire() for a lock last acquired by MainThread at main.py:6",
    ]


def test_output_flood_is_cut_at_the_cap(page: Page, site_url: str) -> None:
    flood = "i = 0\nwhile True:\n    print('line', i)\n    i += 1\n"
    root = open_playground(page, site_url, flood)
    result = run(page, root)
    assert (result["state"], result["reason"]) == ("error", "output-limit"), result["notes"]
    printed = lines(result["stdout"])
    assert len(printed) == 10_000
    assert printed[0] == "line 0" and printed[-1] == "line 9999"
    assert "Output cut after 10,000 lines" in result["notes"]


def test_printed_html_is_shown_as_text(page: Page, site_url: str) -> None:
    html = '<img src=x onerror="window.injected=1"><b>bold</b><script>window.injected=2</script>'
    code = f"import sys\nprint({html!r})\nprint({html!r}, file=sys.stderr)\n"
    root = open_playground(page, site_url, code)
    result = run(page, root)
    assert (result["stdout"], result["stderr"]) == (html + "\n", html + "\n")
    names = page.evaluate(
        "root => Array.from(document.querySelector(root).querySelectorAll('[role=log] *'),"
        " (element) => element.tagName)",
        root,
    )
    assert not {"IMG", "B", "SCRIPT"} & set(names), names
    assert page.evaluate("window.injected") is None


def test_playground_link_round_trip_with_non_ascii_code(
    firefox: Firefox, page: Page, site_url: str
) -> None:
    text = "café ☕, 東京, emoji 🧵"
    code = f"naïve = {text!r}\nprint(naïve)\nprint(len(naïve))\n"
    root = open_playground(page, site_url, "print('starter')\n")
    textbox = f"{root} textarea"
    page.click(textbox)
    page.press("a", "Control")
    page.type(code)
    assert page.evaluate("s => document.querySelector(s).value", textbox) == code
    press(page, root, "Copy link")
    page.wait_for_function(
        "s => document.querySelector(s).textContent === 'Link copied.'",
        f"{root} .runner-copy-status",
        timeout=5,
    )
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert link == page.url
    assert re.fullmatch(re.escape(site_url) + r"playground/#code=[A-Za-z0-9_-]+", link)

    reopened = firefox.new_page()
    reopened.goto(link)
    reopened.element(PLAYGROUND_RUNNER, role="button", name="Run")
    assert reopened.evaluate("s => document.querySelector(s).value", textbox) == code
    assert lines(run(reopened, PLAYGROUND_RUNNER)["stdout"]) == [text, str(len(text))]
    reopened.close()
