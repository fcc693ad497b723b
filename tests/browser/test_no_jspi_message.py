"""Browsers without JSPI get one message, from runner/page/jspi.js: it names the engines
that work, with their versions, and says what to do. Every way of finding out, in the
page (WebAssembly.Suspending missing) or in the worker (a worker that says `jspi:
false`), and every button that would run Python, says exactly that message; one feature
test, `hasJspi()`, decides it everywhere."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from ..support.paths import ROOT
from .runner_pages import (
    FINAL_STATE,
    open_playground,
    reveal,
    run,
    runnable_snippets_by_page,
)

WITHOUT_JSPI_IN_PAGE = "delete WebAssembly.Suspending;"
WORKER = re.compile(r".*/assets/runner/worker\.mjs$")
RUNNER_SOURCES = ROOT / "runner"


def no_jspi_message(page: Page, site_url: str) -> str:
    return page.evaluate(
        "async (url) => (await import(url)).NO_JSPI_MESSAGE", site_url + "assets/runner/jspi.js"
    )


def without_jspi_in_worker(page: Page) -> None:
    """The page keeps JSPI; its workers run the real worker.mjs in a realm without it."""
    page.route(
        WORKER,
        lambda route: route.fulfill(
            content_type="text/javascript",
            body=f"delete WebAssembly.Suspending; await import({route.request.url + '?real'!r});",
        ),
    )


def exercise_page() -> str:
    return next(
        page
        for page, snippets in runnable_snippets_by_page().items()
        if any(snippet.startswith("exercises/") for snippet in snippets)
    )


def check(runner: Locator) -> str:
    """Press Check; the message of the verdict, once there is one."""
    reveal(runner)
    runner.get_by_role("button", name="Check", exact=True).click()
    result = runner.locator("xpath=ancestor::div[contains(@class, 'exercise')][1]").locator(
        ".exercise-result"
    )
    expect(result).to_have_attribute("data-verdict", "not-run", timeout=5000)
    return result.locator(".exercise-result__message").text_content()


def explore(runner: Locator) -> str:
    """Press Explore; the region's summary, once it has ended."""
    reveal(runner)
    runner.get_by_role("button", name="Explore", exact=True).click()
    region = runner.locator(".runner-explore")
    expect(region).to_have_attribute("data-state", FINAL_STATE, timeout=5000)
    assert region.get_attribute("data-state") == "error"
    return region.locator(".runner-explore__summary").text_content()


def test_the_message_names_what_works_and_what_to_do(page: Page, site_url: str) -> None:
    page.goto(site_url)
    message = no_jspi_message(page, site_url)
    for engine in ("Chrome and Edge 137+", "Firefox 153+", "Safari 27+"):
        assert engine in message, engine
    assert "JSPI" in message
    assert "Open this page in one of those" in message, "what to do: use one of them"
    assert "on CPython" in message, "or read the output recorded on CPython"


@pytest.mark.parametrize("where", ["page", "worker"])
def test_run_check_and_explore_say_the_one_message(page: Page, site_url: str, where: str) -> None:
    if where == "page":
        page.add_init_script(WITHOUT_JSPI_IN_PAGE)
    else:
        without_jspi_in_worker(page)
    page.goto(site_url + exercise_page())
    message = no_jspi_message(page, site_url)
    runner = page.locator(".exercise .runner[data-runner]").first
    result = run(runner, timeout_ms=30_000)
    assert (result["state"], result["reason"]) == ("error", "no-jspi")
    assert result["notes"].splitlines()[0] == message, result["notes"]
    assert check(runner) == message
    assert explore(runner) == message


@pytest.mark.parametrize("where", ["page", "worker"])
def test_the_playground_says_the_one_message(page: Page, site_url: str, where: str) -> None:
    if where == "page":
        page.add_init_script(WITHOUT_JSPI_IN_PAGE)
    else:
        without_jspi_in_worker(page)
    runner = open_playground(page, site_url, "print('hi')\n")
    message = no_jspi_message(page, site_url)
    result = run(runner, timeout_ms=30_000)
    assert (result["state"], result["reason"]) == ("error", "no-jspi")
    assert result["notes"].splitlines() == [message]
    assert explore(runner) == message


@pytest.mark.parametrize("request_type", ["run", "explore"])
def test_the_worker_says_the_one_message(page: Page, site_url: str, request_type: str) -> None:
    page.goto(site_url)
    message = no_jspi_message(page, site_url)
    said = page.evaluate(
        """([url, type]) => new Promise((resolve) => {
            setTimeout(() => resolve({ reason: "no answer within 10 s" }), 10_000);
            const source = `delete WebAssembly.Suspending; await import(${JSON.stringify(url)});`;
            const blob = new Blob([source], { type: "text/javascript" });
            const worker = new Worker(URL.createObjectURL(blob), { type: "module" });
            // Asked once it is listening: it says `ready` when it is.
            worker.onmessage = ({ data }) => {
                if (data.type === "ready") worker.postMessage({ type, code: "print(1)" });
                if (data.type === "done") resolve(data);
            };
        })""",
        [site_url + "assets/runner/worker.mjs", request_type],
    )
    assert (said.get("reason"), said.get("message")) == ("no-jspi", message)


def test_the_page_scripts_explore_program_rejects_with_the_one_message(
    page: Page, site_url: str
) -> None:
    page.add_init_script(WITHOUT_JSPI_IN_PAGE)
    page.goto(site_url)
    message = no_jspi_message(page, site_url)
    said = page.evaluate(
        """(url) => Promise.race([
            import(url).then(({ exploreProgram }) =>
                exploreProgram("print(1)").then(() => "explored", (error) => error.message)),
            new Promise((resolve) => setTimeout(() => resolve("no answer within 10 s"), 10_000)),
        ])""",
        site_url + "assets/runner/runner.js",
    )
    assert said == message


def test_one_feature_test_decides() -> None:
    """Only jspi.js looks for JSPI itself; every other script asks its `hasJspi()`."""
    scripts = [*RUNNER_SOURCES.glob("page/*.js"), *RUNNER_SOURCES.glob("worker/*.mjs")]
    looking = [
        script.relative_to(ROOT).as_posix()
        for script in scripts
        if script.name != "jspi.js" and "Suspending" in script.read_text(encoding="utf-8")
    ]
    assert looking == []
