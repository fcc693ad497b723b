"""The runner against programs that turn on the page or the worker around them: the
network through `js`, messages to the page, closing the worker, exceptions in
callbacks, terminal control characters, floods, and links the page cannot open."""

from __future__ import annotations

import json
from textwrap import dedent

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .runner_pages import (
    PLAYGROUND_RUNNER,
    open_playground,
    record_states,
    run,
    seconds_between,
    wait_until_over,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

# The sentence of webthreads/unsupported.py for sockets and urllib.
NETWORK = (
    "network: Python in this page cannot open network connections (sockets, "
    "urllib.request, http.client); run this example with a local Python."
)


def limits(page: Page, **config: float) -> None:
    page.add_init_script(f"window.runnerConfig = {json.dumps(config)};")


# The network, through JavaScript


def test_every_way_to_the_network_through_js_is_refused(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    code = dedent(
        """\
        import js
        from pyodide.http import open_url

        def xhr(url):
            request = js.XMLHttpRequest.new()
            request.open("GET", url, False)
            request.send()

        attempts = {
            "fetch": lambda: js.fetch("/leak-fetch"),
            "fetch elsewhere": lambda: js.fetch(
                "http://127.0.0.2:9/leak", js.Object.fromEntries([["mode", "no-cors"]])
            ),
            "open_url": lambda: open_url("/leak-open-url"),
            "XMLHttpRequest": lambda: xhr("/leak-xhr"),
            "WebSocket": lambda: js.WebSocket.new("ws://127.0.0.1:9/leak"),
            "EventSource": lambda: js.EventSource.new("/leak-events"),
            "importScripts": lambda: js.importScripts("/leak-script.js"),
            "Worker": lambda: js.Worker.new("data:text/javascript,fetch('/leak-worker')"),
            "caches": lambda: js.caches,
            "import()": lambda: js.eval("import('/leak-import.mjs')"),
            "Function": lambda: js.Function.new("return import('/leak-function.mjs')")(),
            "setTimeout text": lambda: js.setTimeout("import('/leak-timer.mjs')", 0),
        }
        for name, attempt in attempts.items():
            try:
                attempt()
                print(name, "reached the network")
            except Exception as error:
                print(name, "|", str(error).removeprefix("TypeError: "))
        print("eval still works:", js.eval("6 * 7"))
        """
    )
    runner = open_playground(page, site_url, code)
    shown = run(runner)
    assert shown["state"] == "done", shown
    lines = shown["stdout"].splitlines()
    assert lines[-1] == "eval still works: 42"
    refused = [line.split(" | ") for line in lines[:-1]]
    assert len(refused) == 12, lines
    for name, message in refused:
        assert message == NETWORK, (name, message)
    page.wait_for_timeout(300)
    assert [url for url in requests if "leak" in url] == []


# Messages to the page


def test_a_program_cannot_speak_for_the_runner(page: Page, site_url: str) -> None:
    limits(page, timeLimitSeconds=2)
    code = dedent(
        """\
        import js, time
        from pyodide.ffi import to_js
        fake = {"type": "ready", "jspi": False, "python": "9.9-spoofed"}
        try:
            js.postMessage(to_js(fake, dict_converter=js.Object.fromEntries))
        except Exception as error:
            print("refused:", type(error).__name__)
        for _ in range(5):
            time.sleep(0.9)
            try:
                ready = to_js({"type": "ready", "jspi": True}, dict_converter=js.Object.fromEntries)
                js.self.postMessage(ready)
                js.DedicatedWorkerGlobalScope.prototype.postMessage.call(js.self, "x")
            except Exception:
                pass
        print("survived")
        """
    )
    runner = open_playground(page, site_url, code)
    shown = run(runner)
    assert shown["stdout"] == "refused: JsException\n"
    assert (shown["state"], shown["reason"]) == ("error", "time-limit")
    expect(runner.locator(".runner-output__about")).not_to_contain_text("spoofed")


def test_the_page_drops_messages_of_the_wrong_shape(page: Page, site_url: str) -> None:
    page.goto(site_url)
    written = page.evaluate(
        """async () => {
            const { RunSession } = await import("./assets/runner/run-session.js");
            const written = [];
            const log = { write: (stream, text) => (written.push([stream, text]), true) };
            const session = new RunSession({ pool: {}, code: "", limits: {}, log });
            session.startedAt = 1;
            for (const junk of [null, 7, "stdout", { type: "stdout", text: 42 },
                                { type: "stderr" }, { type: "ready", jspi: false }]) {
                session.receive(junk);
            }
            session.receive({ type: "stdout", text: "kept" });
            return { written, over: session.over };
        }"""
    )
    assert written == {"written": [["stdout", "kept"]], "over": False}


def test_closing_its_own_worker_is_said_at_once(page: Page, site_url: str) -> None:
    limits(page, timeLimitSeconds=20)
    record_states(page)
    runner = open_playground(page, site_url, "import js\nprint('closing')\njs.self.close()\n")
    shown = run(runner)
    assert (shown["state"], shown["reason"]) == ("error", "closed")
    assert shown["stdout"] == "closing\n"
    assert shown["notes"] == (
        "The program closed its own worker (self.close()), which ended the run.\n"
    )
    assert seconds_between(page, "running", "error") < 3


# Exceptions


def test_an_exception_in_a_javascript_callback_shows_its_traceback(
    page: Page, site_url: str
) -> None:
    code = dedent(
        """\
        import js, time
        from pyodide.ffi import create_once_callable
        def cb():
            raise ValueError('in JS callback')
        js.setTimeout(create_once_callable(cb), 10)
        time.sleep(0.5)
        print('main after')
        """
    )
    shown = run(open_playground(page, site_url, code))
    assert (shown["state"], shown["stdout"]) == ("done", "main after\n"), shown
    assert shown["stderr"].startswith("Traceback (most recent call last):\n")
    assert "    raise ValueError('in JS callback')\n" in shown["stderr"]
    assert shown["stderr"].endswith("ValueError: in JS callback\n")
    assert shown["notes"] == ""


@pytest.mark.parametrize(
    ("code", "status"),
    [("import sys\nsys.exit(3)\n", 3), ("import os\nprint('a', flush=True)\nos._exit(5)\n", 5)],
)
def test_an_exit_status_is_said(page: Page, site_url: str, code: str, status: int) -> None:
    shown = run(open_playground(page, site_url, code))
    assert (shown["state"], shown["reason"]) == ("error", "exception")
    assert shown["notes"] == f"The program exited with status {status}.\n"


# What the output shows


def test_carriage_returns_and_colours_as_a_terminal_shows_them(page: Page, site_url: str) -> None:
    code = dedent(
        """\
        import sys, time
        for i in range(0, 101, 20):
            print(f'\\r{i:3d}%', end='', flush=True)
            time.sleep(0.03)
        print()
        print('\\x1b[31mred\\x1b[0m plain\\x1b[1;', end='', flush=True)
        time.sleep(0.05)
        print('32mbold green\\x1b[0m')
        print('a\\r\\nb')
        sys.stderr.write('\\x1b]0;title\\x07err\\n')
        """
    )
    shown = run(open_playground(page, site_url, code))
    assert shown["stdout"] == "100%\nred plainbold green\na\nb\n"
    assert shown["stderr"] == "err\n"


def test_a_line_without_end_is_laid_out_in_pieces(page: Page, site_url: str) -> None:
    # Each page of the log is laid out alone: a flood of print(..., end="") must not
    # grow one page without bound, which held the page up to half a second a frame.
    # (Measured times are left to the benchmarks: this machine's load makes them vary.)
    code = "for _ in range(100_000):\n    print('x', end='')\nprint('!')\n"
    runner = open_playground(page, site_url, code)
    shown = run(runner)
    assert (shown["state"], shown["stdout"]) == ("done", "x" * 100_000 + "!\n")
    sizes = runner.locator(".runner-log__page").evaluate_all(
        "pages => pages.map((page) => page.textContent.length)"
    )
    assert sum(sizes) == 100_002
    assert max(sizes) <= 16384, sizes


def test_stop_ends_a_flood_without_newlines(page: Page, site_url: str) -> None:
    limits(page, timeLimitSeconds=60)
    runner = open_playground(page, site_url, "for _ in range(10**7):\n    print('x', end='')\n")
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(runner).to_have_attribute("data-state", "running", timeout=60_000)
    page.wait_for_timeout(3000)
    runner.get_by_role("button", name="Stop", exact=True).click()
    wait_until_over(runner)
    assert (runner.get_attribute("data-state"), runner.get_attribute("data-reason")) == (
        "stopped",
        "stop",
    )


# Links


def test_a_link_that_is_not_base64_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url + "playground/#code=!!!notbase64")
    runner = page.locator(PLAYGROUND_RUNNER)
    expect(runner.locator(".runner-copy-status")).to_contain_text("could not be read")


def test_copy_link_warns_of_a_link_too_long_to_open(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    runner = open_playground(page, site_url, "print('short')\n")
    copy = runner.get_by_role("button", name="Copy link")
    copy.click()
    expect(runner.locator(".runner-copy-status")).to_have_text("Link copied.")
    runner.get_by_role("textbox").evaluate(
        """(area) => {
            area.value = "# " + "x".repeat(800000) + "\\nprint('long')\\n";
            area.dispatchEvent(new Event("input"));
        }"""
    )
    copy.click()
    expect(runner.locator(".runner-copy-status")).to_contain_text("Link copied. It is 1,066,")
    expect(runner.locator(".runner-copy-status")).to_contain_text(
        "browsers open links of up to about 1,048,576, so it may not open."
    )
    assert len(page.evaluate("navigator.clipboard.readText()")) > 1_048_576
