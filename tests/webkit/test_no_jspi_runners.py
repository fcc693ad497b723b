"""Every runner of the site in WebKitGTK, which has no JSPI, as Safari before 27: each
button that would run Python (Run, an exercise's Check, Explore, Step through) says which browsers
can, at once; a snippet's runner shows the output recorded on CPython; nothing hangs,
nothing throws, nothing of Python's runtime is fetched. What the error watch cannot
see is said in runner_page.py."""

from __future__ import annotations

import pytest
from selenium.webdriver import WebKitGTK
from selenium.webdriver.remote.webelement import WebElement

from ..browser.runner_pages import runnable_snippets_by_page
from ..snippet_files import expected_lines, included_path
from .runner_page import (
    ANSWER_S,
    has_button,
    no_jspi_message,
    open_page,
    page_errors,
    press,
    started_workers,
)

RUN_ENDED = "return ['done', 'error', 'stopped'].includes(arguments[0].dataset.state)"
CHECKED = """
const result = arguments[0].parentElement.closest('.exercise').querySelector('.exercise-result');
return ['pass', 'hint', 'not-run', 'error'].includes(result.dataset.verdict);
"""
STEPPED = """
const state = arguments[0].querySelector('section.runner-step')?.dataset.state;
return ['done', 'error', 'stopped'].includes(state);
"""
EXPLORED = """
const state = arguments[0].querySelector('section.runner-explore')?.dataset.state;
return ['done', 'error', 'stopped'].includes(state);
"""
PAGES = runnable_snippets_by_page()


@pytest.fixture(scope="module")
def message(browser: WebKitGTK, site_url: str) -> str:
    browser.get(site_url)
    text = no_jspi_message(browser, site_url)
    assert "JSPI" in text, text
    return text


def press_every_button(
    browser: WebKitGTK, runner: WebElement, message: str, recorded: list[str]
) -> dict[str, float]:
    """Press Run, then Check, Explore and Step through where the runner has them; check what each
    says. Returns the seconds each press took to answer."""
    after_run = press(browser, runner, "Run", RUN_ENDED)
    assert (after_run["state"], after_run["reason"]) == ("error", "no-jspi"), after_run
    assert message in after_run["notes"], after_run["notes"]
    assert after_run["recorded"].splitlines() == recorded
    assert after_run["stdout"] == after_run["stderr"] == ""
    took = {"Run": after_run["seconds"]}
    if has_button(browser, runner, "Check"):
        checked = press(browser, runner, "Check", CHECKED)
        assert (checked["verdict"], checked["verdictMessage"]) == ("not-run", message)
        took["Check"] = checked["seconds"]
    if has_button(browser, runner, "Explore"):
        explored = press(browser, runner, "Explore", EXPLORED)
        assert (explored["exploreState"], explored["exploreSummary"]) == ("error", message)
        took["Explore"] = explored["seconds"]
    if has_button(browser, runner, "Step through"):
        stepped = press(browser, runner, "Step through", STEPPED)
        assert (stepped["stepState"], stepped["stepStatus"]) == ("error", message)
        assert stepped["stepShown"], "Step through's region says it, in view"
        took["Step through"] = stepped["seconds"]
    return took


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.rstrip("/"))
def test_every_runner_of_a_chapter_says_what_works(
    browser: WebKitGTK, site_url: str, message: str, page: str
) -> None:
    runners = open_page(browser, site_url + page)
    snippets = [runner.get_attribute("data-snippet") for runner in runners]
    assert snippets == PAGES[page], "the page's runners are the snippets it makes runnable"
    for runner, snippet in zip(runners, snippets, strict=True):
        recorded = expected_lines(included_path(snippet).read_text(encoding="utf-8"))
        took = press_every_button(browser, runner, message, recorded)
        assert max(took.values()) < ANSWER_S, (snippet, took)
    assert page_errors(browser) == []
    assert started_workers(browser) == []


def test_the_playground_says_what_works(browser: WebKitGTK, site_url: str, message: str) -> None:
    (runner,) = open_page(browser, site_url + "playground/")
    assert runner.get_attribute("data-runner") == "playground"
    took = press_every_button(browser, runner, message, recorded=[])
    assert set(took) == {"Run", "Explore", "Step through"}
    assert page_errors(browser) == []
    assert started_workers(browser) == []
