"""A page of the site in WebKitGTK, driven through the runner's documented interface
(runner/README.md): its runners, their buttons, what each shows, and the errors the page
reports while the test presses them.

What the error watch cannot see: WebKitGTK's WebDriver has neither a console log nor
WebDriver BiDi, so the watch is a script put in the page once it has loaded. An error
thrown while the page's own scripts first ran came before it; a runner script that threw
then would leave its runner without buttons, which `open_page` checks. Messages of the
browser itself that no script can see (a refused request, a CSP violation) are not in it
either, and no worker is watched: without JSPI no worker is ever started, which
`started_workers` checks from the page's resource timings.
"""

from __future__ import annotations

import time

from selenium.webdriver import WebKitGTK
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

# Without JSPI nothing loads: every press answers at once. Room for a busy 2-core machine.
ANSWER_S = 5
MOUNT_S = 15

# Uncaught errors (window.onerror's events, and failed loads of scripts or images, seen
# in the capture phase), unhandled rejections and console.error, from now on.
WATCH_ERRORS = """
if (!window.pageErrors) {
    const RESIZE_NOTICE = "ResizeObserver loop completed with undelivered notifications.";
    window.pageErrors = [];
    const keep = (text) => window.pageErrors.push(text);
    window.addEventListener("error", (event) => {
        // The notice the browser gives when a resize observation waits for the next
        // frame (HTML's "report an exception" with no exception): nothing threw.
        if (event.message === RESIZE_NOTICE && event.error == null) return;
        const source = event.target?.src || event.target?.href;
        keep(source ? `failed to load ${source}` : `uncaught: ${event.message}`);
    }, true);
    window.addEventListener("unhandledrejection", (event) =>
        keep(`unhandled rejection: ${event.reason?.stack || event.reason}`));
    const consoleError = console.error.bind(console);
    console.error = (...args) => {
        keep(`console.error: ${args.map(String).join(" ")}`);
        consoleError(...args);
    };
}
"""

MOUNTED = """
const runners = [...document.querySelectorAll('.runner[data-runner]')];
return runners.length > 0 && runners.every((root) =>
    'mounted' in root.dataset && root.querySelector('.runner-button--run'));
"""

# Open the tab or collapsed block a runner may sit in, as a reader would.
REVEAL = """
const root = arguments[0];
for (let el = root; el; el = el.parentElement) {
    if (el.tagName === "DETAILS") el.open = true;
    if (el.classList.contains("tabbed-block")) {
        const index = [...el.parentElement.children].indexOf(el);
        el.closest(".tabbed-set").querySelectorAll(":scope > input")[index].click();
    }
}
root.scrollIntoView({block: "center", behavior: "instant"});
"""

SHOWN = """
const root = arguments[0];
const log = root.querySelector('[role="log"]');
const text = (stream) => [...log.querySelectorAll(`[data-stream="${stream}"]`)]
    .map((span) => span.textContent).join("");
const result = root.parentElement.closest('.exercise')?.querySelector('.exercise-result');
const region = root.querySelector('section.runner-explore');
const steps = root.querySelector('section.runner-step');
return {
    state: root.dataset.state || "",
    reason: root.dataset.reason || "",
    status: root.querySelector('.runner-status').textContent,
    stdout: text("stdout"),
    stderr: text("stderr"),
    notes: text("note"),
    recorded: text("recorded"),
    verdict: result?.dataset.verdict || "",
    verdictMessage: result?.querySelector('.exercise-result__message')?.textContent || "",
    exploreState: region?.dataset.state || "",
    exploreSummary: region?.querySelector('.runner-explore__summary')?.textContent || "",
    stepState: steps?.dataset.state || "",
    stepStatus: steps?.querySelector('.runner-step__status')?.textContent || "",
    stepShown: Boolean(steps && !steps.hidden),
};
"""


def open_page(browser: WebKitGTK, url: str) -> list[WebElement]:
    """Open `url`, wait until every runner on it has its buttons, start watching for
    errors; the page's runners, in page order."""
    browser.get(url)
    WebDriverWait(browser, MOUNT_S, poll_frequency=0.1).until(
        lambda driver: driver.execute_script(MOUNTED),
        f"the runners of {url} never got their buttons",
    )
    browser.execute_script(WATCH_ERRORS)
    return browser.find_elements("css selector", ".runner[data-runner]")


def page_errors(browser: WebKitGTK) -> list[str]:
    return browser.execute_script("return window.pageErrors")


def started_workers(browser: WebKitGTK) -> list[str]:
    """What the page fetched of Python's runtime: its worker and Pyodide's files."""
    return browser.execute_script(
        """return performance.getEntriesByType("resource").map((entry) => entry.name)
            .filter((name) => /\\/assets\\/runner\\/worker\\.mjs|\\/pyodide\\//.test(name));"""
    )


def shown(browser: WebKitGTK, runner: WebElement) -> dict[str, str]:
    """What the runner shows: its state, each stream of its log, the verdict of its
    exercise's Check and the state and summary of its Explore region."""
    return browser.execute_script(SHOWN, runner)


# The runner's own button with this visible label, brought into view, or null.
FIND_BUTTON = (
    REVEAL
    + """
const found = [...root.querySelectorAll('.runner-button')]
    .find((candidate) => candidate.textContent.trim() === arguments[1]) || null;
// A tall runner (the playground with its regions open) can leave the button under the
// page's header: bring the button itself to the middle, at once (a smooth scroll would
// move it under the click).
found?.scrollIntoView({block: "center", behavior: "instant"});
return found;
"""
)


def has_button(browser: WebKitGTK, runner: WebElement, name: str) -> bool:
    return browser.execute_script(
        """return [...arguments[0].querySelectorAll('.runner-button')]
            .some((candidate) => candidate.textContent.trim() === arguments[1]);""",
        runner,
        name,
    )


# Resolves once the page has not scrolled for five frames in a row: a run brings its
# output into view with a smooth scroll (output-view.js), and a click while the page
# still moves lands where the button was, not where it is.
SCROLL_SETTLED = """
const done = arguments[arguments.length - 1];
let last = scrollY, still = 0;
const watch = () => {
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
    if (still >= 5) done(true); else requestAnimationFrame(watch);
};
requestAnimationFrame(watch);
"""


def press(browser: WebKitGTK, runner: WebElement, name: str, answered: str) -> dict:
    """Click the runner's button `name` as a reader would, and wait until the script
    `answered` (given the runner) is true. Returns what the runner shows then, with
    `seconds`, how long the answer took; fails the test after ANSWER_S."""
    browser.execute_async_script(SCROLL_SETTLED)
    target = browser.execute_script(FIND_BUTTON, runner, name)
    assert target is not None, f"no {name} button"
    start = time.monotonic()
    target.click()
    WebDriverWait(browser, ANSWER_S, poll_frequency=0.02).until(
        lambda driver: driver.execute_script(answered, runner),
        f"{name} gave no answer within {ANSWER_S} s",
    )
    return {**shown(browser, runner), "seconds": time.monotonic() - start}


def no_jspi_message(browser: WebKitGTK, site_url: str) -> str:
    """NO_JSPI_MESSAGE, as the site's jspi.js exports it."""
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "import(arguments[0]).then((jspi) => done(jspi.NO_JSPI_MESSAGE), (e) => done(`${e}`));",
        site_url + "assets/runner/jspi.js",
    )
