"""The runner's documented interface (runner/README.md) driven in Firefox: what
tests/browser/runner_pages.py does with Playwright's locators, here with CSS selectors
of a runner's root and the buttons' accessible names."""

from __future__ import annotations

from typing import Any

from ..browser.runner_pages import PLAYGROUND_RUNNER, SHOWN, playground_link
from ..support.firefox import Page

LOAD_TIMEOUT_S = 60
RUNNER_MODULE = "assets/runner/runner.js"

# Open the tab or collapsed block a runner may sit in, as a reader would.
_REVEAL = """selector => {
    const root = document.querySelector(selector);
    for (let el = root; el; el = el.parentElement) {
        if (el.tagName === "DETAILS") el.open = true;
        if (el.classList.contains("tabbed-block")) {
            const index = [...el.parentElement.children].indexOf(el);
            const set = el.closest(".tabbed-set");
            set.querySelectorAll(":scope > input")[index].click();
        }
    }
    root.scrollIntoView({ block: "center" });
}"""

# The runner's state and the text of each output stream.
_SHOWN = f"selector => ({SHOWN})(document.querySelector(selector))"

_STATE = "selector => document.querySelector(selector)?.dataset.state"


def press(page: Page, root: str, name: str) -> None:
    """Click the runner's button with that accessible name."""
    page.click(root, role="button", name=name)


def state(page: Page, root: str) -> str | None:
    return page.evaluate(_STATE, root)


def wait_for_state(page: Page, root: str, states: tuple[str, ...], timeout: float) -> str:
    return page.wait_for_function(
        "([selector, states]) => {"
        " const state = document.querySelector(selector)?.dataset.state;"
        " return states.includes(state) && state; }",
        [root, list(states)],
        timeout=timeout,
    )


def wait_until_over(page: Page, root: str, timeout: float = LOAD_TIMEOUT_S) -> str:
    return wait_for_state(page, root, ("done", "error", "stopped"), timeout)


def shown(page: Page, root: str) -> dict[str, str]:
    return page.evaluate(_SHOWN, root)


def run(page: Page, root: str, timeout: float = LOAD_TIMEOUT_S) -> dict[str, str]:
    """Reveal the runner, press Run, wait for the run to end; what the runner shows."""
    page.evaluate(_REVEAL, root)
    press(page, root, "Run")
    wait_until_over(page, root, timeout)
    return shown(page, root)


def open_playground(page: Page, site_url: str, code: str) -> str:
    """Open the playground with `code`; its runner's selector, once Run is there."""
    page.goto(playground_link(site_url, code))
    page.element(PLAYGROUND_RUNNER, role="button", name="Run")
    return PLAYGROUND_RUNNER


def run_programs(
    page: Page, site_url: str, codes: list[str], parallel: int = 2, **options: Any
) -> list[dict]:
    """Each program through runner.js's `runProgram`, `parallel` at a time, from the
    page open in `page`: [{state, reason, stdout, stderr, schedule}]."""
    return page.evaluate(
        """async ([url, codes, parallel, options]) => {
            const { runProgram } = await import(url);
            const results = new Array(codes.length);
            const queue = [...codes.keys()];
            const lanes = Array.from({ length: parallel }, async () => {
                while (queue.length) {
                    const index = queue.shift();
                    results[index] = await runProgram(codes[index], options);
                }
            });
            await Promise.all(lanes);
            return results;
        }""",
        [site_url + RUNNER_MODULE, codes, parallel, options],
    )
