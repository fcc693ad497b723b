"""The runner as a reader meets it: buttons, streaming output, errors, limits, the
playground and its links, and browsers that cannot run Python threads."""

from __future__ import annotations

import re
import time
from textwrap import dedent

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .runner_pages import (
    LOAD_TIMEOUT_MS,
    PLAYGROUND_RUNNER,
    SNIPPET_RUNNER,
    chapter_with_runners,
    lines,
    open_playground,
    playground_link,
    record_states,
    reveal,
    run,
    seconds_between,
    shown,
    wait_until_over,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

NO_JSPI = "delete WebAssembly.Suspending;"
PYODIDE_OR_WORKER = re.compile(r"/pyodide/|/assets/runner/worker\.mjs")


def record_runtime_requests(page: Page) -> list[str]:
    fetched: list[str] = []
    page.on(
        "request",
        lambda request: PYODIDE_OR_WORKER.search(request.url) and fetched.append(request.url),
    )
    return fetched


def first_snippet_runner(page: Page, site_url: str):
    page.goto(site_url + chapter_with_runners())
    return page.locator(SNIPPET_RUNNER).first


# Controls and loading


def test_every_runner_has_its_controls(page: Page, site_url: str) -> None:
    page.goto(site_url + chapter_with_runners())
    runners = page.locator(SNIPPET_RUNNER)
    assert runners.count() > 0
    for runner in runners.all():
        reveal(runner)
        expect(runner).to_have_attribute("data-state", "idle")
        for name in ("Run", "Stop", "Edit"):
            expect(runner.get_by_role("button", name=name, exact=True)).to_be_visible()
        expect(runner.get_by_role("link", name="Open in playground")).to_be_visible()
        # The output area appears with the first run.
        expect(runner.locator('[role="log"]')).to_be_hidden()


def test_reading_a_page_fetches_no_python(page: Page, site_url: str) -> None:
    fetched = record_runtime_requests(page)
    page.goto(site_url + chapter_with_runners())
    page.mouse.wheel(0, 4000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert fetched == []
    assert "runnerSpare" not in page.evaluate("Object.assign({}, document.documentElement.dataset)")


def test_pointing_at_run_starts_loading_python(page: Page, site_url: str) -> None:
    fetched = record_runtime_requests(page)
    runner = first_snippet_runner(page, site_url)
    runner.get_by_role("button", name="Run", exact=True).hover()
    expect(page.locator("html[data-runner-spare]")).to_have_count(1)
    page.wait_for_timeout(200)
    assert any(url.endswith("/assets/runner/worker.mjs") for url in fetched)


def test_focusing_run_starts_loading_python(page: Page, site_url: str) -> None:
    runner = first_snippet_runner(page, site_url)
    runner.get_by_role("button", name="Run", exact=True).focus()
    expect(page.locator("html[data-runner-spare]")).to_have_count(1)


def test_state_labels_follow_the_run(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "import time\ntime.sleep(1.5)\nprint('over')\n")
    status = runner.locator(".runner-status")
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(status).to_have_text(re.compile("Loading Python…|Running…"))
    expect(runner).to_have_attribute("data-state", "running", timeout=LOAD_TIMEOUT_MS)
    expect(status).to_have_text("Running…")
    wait_until_over(runner)
    expect(status).to_have_text("Finished")
    expect(runner).to_have_attribute("data-state", "done")


# Output


def test_output_appears_as_it_is_printed(page: Page, site_url: str) -> None:
    code = "import time\nprint('first', flush=True)\ntime.sleep(2)\nprint('second')\n"
    runner = open_playground(page, site_url, code)
    runner.get_by_role("button", name="Run", exact=True).click()
    log = runner.get_by_role("log")
    expect(log).to_contain_text("first", timeout=LOAD_TIMEOUT_MS)
    assert "second" not in log.inner_text()
    expect(runner).to_have_attribute("data-state", "running")
    wait_until_over(runner)
    assert lines(shown(runner)["stdout"]) == ["first", "second"]


def test_stderr_is_told_apart_from_stdout(page: Page, site_url: str) -> None:
    code = "import sys\nprint('to stdout')\nprint('to stderr', file=sys.stderr)\n"
    runner = open_playground(page, site_url, code)
    result = run(runner)
    assert result["state"] == "done"
    assert result["stdout"] == "to stdout\n"
    assert result["stderr"] == "to stderr\n"
    log = runner.get_by_role("log")
    stderr_span = log.locator('[data-stream="stderr"]')
    stdout_span = log.locator('[data-stream="stdout"]')
    assert stderr_span.evaluate("e => getComputedStyle(e).color") != stdout_span.evaluate(
        "e => getComputedStyle(e).color"
    )
    # Screen readers hear where the text came from.
    assert stderr_span.evaluate("e => e.previousElementSibling.textContent") == "Error output: "


def test_output_is_text_never_html(page: Page, site_url: str) -> None:
    html = '<img src=x onerror="window.injected=1"><b>bold</b><script>window.injected=2</script>'
    runner = open_playground(
        page,
        site_url,
        f"import sys\nprint({html!r})\nprint({html!r}, file=sys.stderr)\n",
    )
    result = run(runner)
    assert result["stdout"] == html + "\n"
    assert result["stderr"] == html + "\n"
    log = runner.get_by_role("log")
    assert log.locator("img, b, script").count() == 0
    assert page.evaluate("window.injected") is None


def test_traceback_is_shown(page: Page, site_url: str) -> None:
    code = "def fail():\n    raise ValueError('no good')\n\nprint('before')\nfail()\n"
    runner = open_playground(page, site_url, code)
    result = run(runner)
    assert result["state"] == "error"
    assert result["reason"] == "exception"
    assert result["stdout"] == "before\n"
    assert "Traceback (most recent call last)" in result["stderr"]
    assert "ValueError: no good" in result["stderr"]
    expect(runner.locator(".runner-status")).to_have_text("Error")


def test_traceback_from_a_thread_is_shown_and_the_program_goes_on(
    page: Page, site_url: str
) -> None:
    code = dedent(
        """\
        import threading

        def work():
            raise RuntimeError('boom in a thread')

        t = threading.Thread(target=work, name='Worker-1')
        t.start()
        t.join()
        print('main goes on')
        """
    )
    runner = open_playground(page, site_url, code)
    result = run(runner)
    assert result["state"] == "done", result
    assert "Exception in thread Worker-1" in result["stderr"]
    assert "RuntimeError: boom in a thread" in result["stderr"]
    assert result["stdout"] == "main goes on\n"


def test_syntax_error_is_reported(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "print('never')\ndef broken(:\n    pass\n")
    result = run(runner)
    assert result["state"] == "error"
    assert "SyntaxError" in result["stderr"]
    assert result["stdout"] == ""


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
    runner = open_playground(page, site_url, code)
    result = run(runner)
    assert result["state"] == "error"
    assert result["reason"] == "deadlock"
    assert result["stdout"] == "holding the lock\n"
    # The report comes on stderr: every thread, what it waits in, and on which line.
    assert result["stderr"].splitlines() == [
        "Deadlock: every thread is waiting and none can wake the others.",
        "  MainThread waits in Lock.acquire() for a lock last acquired by MainThread"
        " at main.py:6",
    ]


# Ending runs


def test_stop_ends_a_run_within_a_second(page: Page, site_url: str) -> None:
    runner = open_playground(
        page, site_url, "print('spinning', flush=True)\nwhile True:\n    pass\n"
    )
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(runner.get_by_role("log")).to_contain_text("spinning", timeout=LOAD_TIMEOUT_MS)
    started = time.monotonic()
    runner.get_by_role("button", name="Stop", exact=True).click()
    expect(runner).to_have_attribute("data-state", "stopped", timeout=1000)
    assert time.monotonic() - started < 1
    expect(runner.locator(".runner-status")).to_have_text("Stopped")
    # The worker is gone: nothing more arrives.
    printed = shown(runner)["stdout"]
    page.wait_for_timeout(300)
    assert shown(runner)["stdout"] == printed == "spinning\n"


def test_stop_ends_an_infinite_loop_in_a_thread(page: Page, site_url: str) -> None:
    code = dedent(
        """\
        import threading

        def spin():
            while True:
                pass

        t = threading.Thread(target=spin)
        t.start()
        print('started', flush=True)
        t.join()
        """
    )
    runner = open_playground(page, site_url, code)
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(runner).to_have_attribute("data-state", "running", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_timeout(500)
    runner.get_by_role("button", name="Stop", exact=True).click()
    expect(runner).to_have_attribute("data-state", "stopped", timeout=1000)


@pytest.mark.parametrize(
    "code",
    ["while True:\n    pass\n", "import time\nwhile True:\n    time.sleep(0.01)\n"],
    ids=["busy-loop", "sleeping-loop"],
)
def test_time_limit_ends_any_run(page: Page, site_url: str, code: str) -> None:
    page.add_init_script("window.runnerConfig = { timeLimitSeconds: 2 };")
    record_states(page)
    runner = open_playground(page, site_url, code)
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(runner).to_have_attribute("data-state", "running", timeout=LOAD_TIMEOUT_MS)
    expect(runner).to_have_attribute("data-state", "error", timeout=5000)
    assert 1.9 < seconds_between(page, "running", "error") < 3
    result = shown(runner)
    assert result["reason"] == "time-limit"
    assert "time limit" in result["notes"]


def test_time_limit_from_a_data_attribute(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "while True:\n    pass\n")
    runner.evaluate("root => root.dataset.timeLimit = '1'")
    result = run(runner)
    assert (result["state"], result["reason"]) == ("error", "time-limit")


FLOOD = "i = 0\nwhile True:\n    print('line', i)\n    i += 1\n"


def test_output_flood_is_cut_at_the_cap(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, FLOOD)
    result = run(runner)
    assert (result["state"], result["reason"]) == ("error", "output-limit")
    printed = lines(result["stdout"])
    assert len(printed) == 10_000
    assert printed[0] == "line 0" and printed[-1] == "line 9999"
    assert "Output cut after 10,000 lines" in result["notes"]
    run_button = runner.get_by_role("button", name="Run", exact=True)
    expect(run_button).to_have_attribute("aria-disabled", "false")


@pytest.mark.timeout(240)
def test_page_stays_responsive_during_a_flood(page: Page, site_url: str) -> None:
    # A higher cap makes the flood last: 200,000 lines. It ends at the cap, not at the
    # time limit, however long a loaded machine takes to print them.
    page.add_init_script(
        "window.runnerConfig = { maxOutputLines: 200000, maxOutputChars: 1e8,"
        " timeLimitSeconds: 600 };"
    )
    record_states(page)
    runner = open_playground(page, site_url, FLOOD)
    # The page's own work in each slow frame: its scripts (message handlers, the
    # per-frame writes, with any layout they force) and then style and layout. Wall
    # time alone would also count the moments a loaded machine gives the page no CPU.
    page.evaluate(
        """() => {
            window.ticks = [];
            setInterval(() => window.ticks.push(performance.now()), 20);
            window.slowFrames = [];
            new PerformanceObserver((list) => {
                for (const frame of list.getEntries()) {
                    const scripts = frame.scripts.reduce((sum, s) => sum + s.duration, 0);
                    const end = frame.startTime + frame.duration;
                    const layout = frame.styleAndLayoutStart
                        ? end - frame.styleAndLayoutStart : 0;
                    window.slowFrames.push([frame.startTime, scripts + layout]);
                }
            }).observe({ type: "long-animation-frame" });
        }"""
    )
    result = run(runner, timeout_ms=3 * LOAD_TIMEOUT_MS)
    assert result["reason"] == "output-limit"
    assert len(lines(result["stdout"])) == 200_000
    ticks, work = page.evaluate(
        """() => {
            const states = window.runnerStates;
            const from = states.find(([state]) => state === "running")[1];
            const to = states.find(([state]) => state === "error")[1];
            const during = (t) => t >= from && t <= to;
            return [
                window.ticks.filter(during).length,
                window.slowFrames.filter(([t]) => during(t)).map(([, work]) => work),
            ];
        }"""
    )
    assert ticks > 5, "the page's timers kept running during the flood"
    assert max(work, default=0) < 200, f"the page was busy for {max(work):.0f} ms"


def test_output_without_newlines_is_capped_too(page: Page, site_url: str) -> None:
    page.add_init_script("window.runnerConfig = { maxOutputChars: 50000 };")
    code = "while True:\n    print('x' * 1000, end='')\n"
    result = run(open_playground(page, site_url, code))
    assert result["reason"] == "output-limit"
    assert result["stdout"] == "x" * 50_000
    assert "Output cut after 50,000 characters" in result["notes"]


def test_output_cap_is_configurable(page: Page, site_url: str) -> None:
    page.add_init_script("window.runnerConfig = { maxOutputLines: 50 };")
    runner = open_playground(page, site_url, "for i in range(1000):\n    print(i)\n")
    result = run(runner)
    assert result["reason"] == "output-limit"
    assert lines(result["stdout"]) == [str(i) for i in range(50)]


# A second run


def test_second_run_finds_python_ready(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "print('hello')\n")
    assert run(runner)["stdout"] == "hello\n"
    expect(page.locator("html[data-runner-spare='ready']")).to_have_count(
        1, timeout=LOAD_TIMEOUT_MS
    )
    started = time.monotonic()
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(runner.get_by_role("log")).to_contain_text("hello", timeout=LOAD_TIMEOUT_MS)
    assert time.monotonic() - started < 1.0
    wait_until_over(runner)
    assert shown(runner)["stdout"] == "hello\n", "a second run starts with a clean output"


def test_each_run_gets_a_fresh_interpreter(page: Page, site_url: str) -> None:
    code = "try:\n    seen\nexcept NameError:\n    print('fresh')\nseen = True\n"
    runner = open_playground(page, site_url, code)
    assert run(runner)["stdout"] == "fresh\n"
    assert run(runner)["stdout"] == "fresh\n"


# For other scripts on the page


def test_a_finished_run_is_announced(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "print('announced')\nraise SystemExit(3)\n")
    page.evaluate(
        """() => document.addEventListener("runner-finished", (event) => {
            window.finished = event.detail;
        })"""
    )
    run(runner)
    assert page.evaluate("window.finished") == {
        "state": "error",
        "reason": "exception",
        "stdout": "announced\n",
    }


def test_other_scripts_can_run_a_program_quietly(page: Page, site_url: str) -> None:
    page.goto(site_url + chapter_with_runners())
    result = page.evaluate(
        """async (url) => {
            const { runProgram } = await import(url);
            return runProgram("import sys\\nprint(6 * 7)\\nprint('e', file=sys.stderr)");
        }""",
        site_url + "assets/runner/runner.js",
    )
    schedule = result.pop("schedule")
    assert result == {"state": "done", "reason": None, "stdout": "42\n", "stderr": "e\n"}
    assert re.fullmatch(r"s1\.\d+-\d+-\d+\.[0-9a-f]{8}\.[A-Za-z0-9_-]+", schedule), schedule
    # Nothing of it shows on the page.
    assert page.locator('[role="log"]:visible').count() == 0


# Editing a snippet


def test_edit_run_and_reset_a_snippet(page: Page, site_url: str) -> None:
    runner = first_snippet_runner(page, site_url)
    original = runner.get_attribute("data-source")
    code_block = runner.locator(".highlight")
    runner.get_by_role("button", name="Edit", exact=True).click()
    editor = runner.get_by_role("textbox")
    expect(editor).to_be_focused()
    expect(editor).to_have_value(original)
    expect(code_block).to_be_hidden()

    editor.fill("print('edited', 6 * 7)\n")
    editor.press("Control+Enter")
    wait_until_over(runner)
    assert shown(runner)["stdout"] == "edited 42\n"

    runner.get_by_role("button", name="Reset", exact=True).click()
    expect(code_block).to_be_visible()
    expect(editor).to_be_hidden()
    expect(runner.get_by_role("button", name="Edit", exact=True)).to_be_focused()
    runner.get_by_role("button", name="Edit", exact=True).click()
    expect(editor).to_have_value(original)


def test_tab_indents_in_the_editor_and_escape_lets_focus_move_on(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "")
    editor = runner.get_by_role("textbox", name="Python code")
    editor.focus()
    editor.press("Tab")
    editor.type("pass")
    expect(editor).to_have_value("    pass")
    editor.press("Escape")
    editor.press("Tab")
    expect(editor).not_to_be_focused()


def test_keyboard_alone_runs_and_stops(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, "print('go', flush=True)\nwhile True:\n    pass\n")
    run_button = runner.get_by_role("button", name="Run", exact=True)
    run_button.focus()
    page.keyboard.press("Enter")
    expect(runner.get_by_role("log")).to_contain_text("go", timeout=LOAD_TIMEOUT_MS)
    page.keyboard.press("Tab")
    expect(runner.get_by_role("button", name="Stop", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(runner).to_have_attribute("data-state", "stopped", timeout=1000)


# The playground and its links


def test_open_in_playground_carries_the_code(page: Page, site_url: str) -> None:
    runner = first_snippet_runner(page, site_url)
    original = runner.get_attribute("data-source")
    runner.get_by_role("link", name="Open in playground").click()
    page.wait_for_url(re.compile(r"/playground/#code="))
    expect(page.locator(PLAYGROUND_RUNNER).get_by_role("textbox")).to_have_value(original)


def test_open_in_playground_carries_edits(page: Page, site_url: str) -> None:
    runner = first_snippet_runner(page, site_url)
    runner.get_by_role("button", name="Edit", exact=True).click()
    runner.get_by_role("textbox").fill("print('from the chapter')\n")
    runner.get_by_role("link", name="Open in playground").click()
    page.wait_for_url(re.compile(r"/playground/#code="))
    expect(page.locator(PLAYGROUND_RUNNER).get_by_role("textbox")).to_have_value(
        "print('from the chapter')\n"
    )


def test_playground_link_round_trip_with_non_ascii_code(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    text = "café ☕, 東京, emoji 🧵"
    code = f"naïve = {text!r}\nprint(naïve)\nprint(len(naïve))\n"
    runner = open_playground(page, site_url, "print('starter')\n")
    runner.get_by_role("textbox").fill(code)
    runner.get_by_role("button", name="Copy link").click()
    expect(runner.locator(".runner-copy-status")).to_have_text("Link copied.")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url
    assert re.fullmatch(re.escape(site_url) + r"playground/#code=[A-Za-z0-9_-]+", link)

    reopened = context.new_page()
    reopened.goto(link)
    runner = reopened.locator(PLAYGROUND_RUNNER)
    expect(runner.get_by_role("textbox")).to_have_value(code)
    assert lines(run(runner)["stdout"]) == [text, str(len(text))]
    reopened.close()


def test_playground_accepts_padded_links(page: Page, site_url: str) -> None:
    code = "print('ab')\n"
    page.goto(playground_link(site_url, code, padding=True))
    expect(page.locator(PLAYGROUND_RUNNER).get_by_role("textbox")).to_have_value(code)


def test_playground_follows_a_changed_link(page: Page, site_url: str) -> None:
    open_playground(page, site_url, "print(1)\n")
    page.goto(playground_link(site_url, "print(2)\n"))
    expect(page.locator(PLAYGROUND_RUNNER).get_by_role("textbox")).to_have_value("print(2)\n")


def test_playground_with_a_broken_link_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url + "playground/#code=%%%")
    runner = page.locator(PLAYGROUND_RUNNER)
    expect(runner.locator(".runner-copy-status")).to_contain_text("could not be read")
    expect(runner.get_by_role("textbox")).not_to_have_value("")


# Browsers without JSPI


def test_without_jspi_a_snippet_shows_why_and_its_recorded_output(
    page: Page, site_url: str
) -> None:
    page.add_init_script(NO_JSPI)
    fetched = record_runtime_requests(page)
    runner = first_snippet_runner(page, site_url)
    runner.get_by_role("button", name="Run", exact=True).hover()
    result = run(runner, timeout_ms=2000)
    assert (result["state"], result["reason"]) == ("error", "no-jspi")
    assert "Chrome and Edge" in result["notes"] and "137" in result["notes"]
    expected = runner.evaluate("root => JSON.parse(root.dataset.expected)")
    assert expected, "the snippet records its output in `#>` lines"
    assert lines(result["recorded"]) == expected
    assert result["stdout"] == ""
    expect(runner.locator(".runner-status")).to_have_text("Not supported in this browser")
    assert fetched == [], "nothing is loaded that cannot run"


def test_without_jspi_the_playground_shows_why(page: Page, site_url: str) -> None:
    page.add_init_script(NO_JSPI)
    runner = open_playground(page, site_url, "print('hi')\n")
    result = run(runner, timeout_ms=2000)
    assert (result["state"], result["reason"]) == ("error", "no-jspi")
    assert "Chrome and Edge" in result["notes"]
    assert result["recorded"] == ""


def test_a_worker_without_jspi_is_never_a_hang(page: Page, site_url: str) -> None:
    # The page has JSPI but the worker has not: the worker says so, the page explains.
    page.route(
        re.compile(r".*/assets/runner/worker\.mjs$"),
        lambda route: route.fulfill(
            content_type="text/javascript",
            body='postMessage({type: "ready", jspi: false, python: "3.14.2"});',
        ),
    )
    runner = open_playground(page, site_url, "print('hi')\n")
    result = run(runner, timeout_ms=5000)
    assert (result["state"], result["reason"]) == ("error", "no-jspi")
    assert "Chrome and Edge" in result["notes"]


def test_a_worker_that_fails_to_load_is_reported(page: Page, site_url: str) -> None:
    page.route(
        re.compile(r".*/assets/runner/worker\.mjs$"),
        lambda route: route.fulfill(status=404, body="not here"),
    )
    runner = open_playground(page, site_url, "print('hi')\n")
    result = run(runner, timeout_ms=5000)
    assert (result["state"], result["reason"]) == ("error", "internal")
    assert "The Python runtime failed" in result["notes"]
