"""The Check button of each exercise: it runs the reader's code, then the exercise's own
`check(output)` in the browser's Python, and shows the verdict (exercises/README.md).

What the browser says is compared with what check.py says on CPython, never with text
written here."""

from __future__ import annotations

import json
import re
import runpy
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

from site_hooks import exercise_checks

from ..snippet_files import DOCS_DIR, EXERCISES_DIR, all_exercises, python_for_exercise
from ..support.axe import serious_violations
from .runner_pages import LOAD_TIMEOUT_MS, SNIPPET_RUNNER, page_url, shown, wait_until_over

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

EXERCISES = [str(exercise) for exercise in all_exercises()]
# Exercises whose starter prints the same on every run, so that the hint the browser
# shows can be compared with the hint check.py gives on CPython's own output.
STEADY = [
    "getting_started/fix_the_greeters",
    "locks/reenter_the_lock",
    "thread_pools/keep_the_order",
]
VERDICT_OVER = re.compile(r"^(pass|hint|not-run|error)$")


@cache
def exercise_pages() -> dict[str, str]:
    """Exercise -> the URL of the page that shows it."""
    pages = {}
    for markdown in sorted(DOCS_DIR.rglob("*.md")):
        for name in re.findall(r'data-exercise="([^"]+)"', markdown.read_text()):
            pages.setdefault(name, page_url(markdown))
    return pages


def source(exercise: str, name: str) -> str:
    return (EXERCISES_DIR / exercise / name).read_text(encoding="utf-8")


def cpython_check(exercise: str) -> Callable[[str], str | None]:
    return runpy.run_path(str(EXERCISES_DIR / exercise / "check.py"))["check"]


def cpython_output(exercise: str, name: str, tmp_path: Path) -> str:
    (tmp_path / name).write_text(source(exercise, name), encoding="utf-8")
    result = subprocess.run(
        [python_for_exercise(exercise, name), name],
        cwd=tmp_path,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def syntax_error(code: str) -> str:
    """What CPython says is wrong with `code`."""
    try:
        compile(code, "main.py", "exec")
    except SyntaxError as error:
        return error.msg
    raise AssertionError(f"{code!r} compiles")


def open_exercise(page: Page, site_url: str, exercise: str) -> Locator:
    """The runner of the exercise's starter, on its page."""
    assert exercise in exercise_pages(), f"no page shows exercise {exercise}"
    page.goto(site_url + exercise_pages()[exercise])
    runner = page.locator(f'.exercise[data-exercise="{exercise}"] {SNIPPET_RUNNER}')
    expect(runner).to_have_count(1)
    runner.scroll_into_view_if_needed()
    expect(runner.get_by_role("button", name="Check", exact=True)).to_be_visible()
    return runner


def replace_code(runner: Locator, code: str) -> None:
    edit = runner.get_by_role("button", name="Edit", exact=True)
    if edit.is_visible():
        edit.click()
    runner.get_by_role("textbox").fill(code)


def check(runner: Locator) -> dict[str, str]:
    """Press Check and wait for the verdict; what the result area and the log show."""
    runner.get_by_role("button", name="Check", exact=True).click()
    return verdict(runner)


def verdict(runner: Locator) -> dict[str, str]:
    result = runner.locator(".exercise-result")
    expect(result).to_have_attribute("data-verdict", VERDICT_OVER, timeout=2 * LOAD_TIMEOUT_MS)
    wait_until_over(runner)
    assert result.get_attribute("role") == "status"
    return {
        "verdict": result.get_attribute("data-verdict"),
        "title": result.locator(".exercise-result__title").inner_text(),
        "message": result.locator(".exercise-result__message").text_content(),
        **{f"run_{key}": value for key, value in shown(runner).items()},
    }


@pytest.mark.parametrize("exercise", STEADY)
def test_check_gives_the_hint_then_passes_the_solution(
    page: Page, site_url: str, exercise: str, tmp_path: Path
) -> None:
    expected_hint = cpython_check(exercise)(cpython_output(exercise, "starter.py", tmp_path))
    assert expected_hint, f"{exercise}: the starter passes its check on CPython"
    runner = open_exercise(page, site_url, exercise)

    shown_now = check(runner)
    assert shown_now["run_state"] == "done", shown_now  # the output is in the log, as with Run
    assert shown_now["run_stdout"], "the program's output shows in the runner's log"
    assert (shown_now["verdict"], shown_now["message"]) == ("hint", expected_hint)
    assert "Not yet" in shown_now["title"]

    replace_code(runner, source(exercise, "solution.py"))
    shown_now = check(runner)
    assert shown_now["verdict"] == "pass", shown_now
    assert shown_now["title"] == "✓ Correct!"
    assert cpython_check(exercise)(shown_now["run_stdout"]) is None


@pytest.fixture(scope="module")
def verdicts(
    browser: Browser, site_url: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict]:
    """For every exercise: what its starter and its solution print on CPython, and the
    verdicts of the check embedded in its page on those outputs, given by the browser's
    Python (all in one program, as the Check button's runCheck() runs one)."""
    tmp = tmp_path_factory.mktemp("exercise-outputs")
    jobs = [(exercise, name) for exercise in EXERCISES for name in ("starter.py", "solution.py")]

    def output(job: tuple[str, str]) -> str:
        folder = tmp / job[0].replace("/", "-") / job[1].removesuffix(".py")
        folder.mkdir(parents=True)
        return cpython_output(*job, folder)

    # The programs mostly wait on purpose: several at a time take little CPU.
    with ThreadPoolExecutor(max_workers=6) as pool:
        outputs = dict(zip(jobs, pool.map(output, jobs), strict=True))

    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + exercise_pages()[STEADY[0]])
    urls = {exercise: site_url + exercise_pages()[exercise] for exercise in EXERCISES}
    tasks = [{"exercise": exercise, "output": outputs[exercise, name]} for exercise, name in jobs]
    embedded, browser_verdicts = page.evaluate(
        """async ([base, urls, tasks]) => {
            const { runProgram } = await import(base + "assets/runner/runner.js");
            const { runChecks } = await import(base + "assets/runner/exercise-check.js");
            const embedded = {};
            for (const [name, url] of Object.entries(urls)) {
                const html = await (await fetch(url)).text();
                const page = new DOMParser().parseFromString(html, "text/html");
                const script = page.querySelector(
                    `.exercise[data-exercise="${name}"] script.exercise-check`
                );
                embedded[name] = script && JSON.parse(script.textContent);
            }
            const checks = tasks.map(({ exercise, output }) => ({ ...embedded[exercise], output }));
            return [embedded, await runChecks(checks, runProgram)];
        }""",
        [site_url, urls, tasks],
    )
    context.close()
    found = {}
    for (exercise, name), verdict in zip(jobs, browser_verdicts, strict=True):
        found.setdefault(exercise, {"embedded": embedded[exercise]})[name] = {
            "output": outputs[exercise, name],
            "verdict": verdict,
        }
    return found


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_check_says_in_the_browser_what_it_says_on_cpython(
    verdicts: dict[str, dict], exercise: str
) -> None:
    """The check as the page embeds it, run by the browser's Python on what the starter
    and the solution print on CPython, gives the verdicts check.py gives on CPython."""
    found = verdicts[exercise]
    assert found["embedded"], f"no check embedded for {exercise}"
    assert found["embedded"]["source"] == source(exercise, "check.py")
    check_on_cpython = cpython_check(exercise)
    for name in ("starter.py", "solution.py"):
        expected = {"hint": check_on_cpython(found[name]["output"])}
        assert found[name]["verdict"] == expected, name
    assert found["starter.py"]["verdict"]["hint"], "the starter fails its check"
    assert found["solution.py"]["verdict"]["hint"] is None, "the solution passes"


def test_a_syntax_error_is_reported_not_checked(page: Page, site_url: str) -> None:
    runner = open_exercise(page, site_url, STEADY[0])
    broken = "print('unfinished'\n"
    replace_code(runner, broken)
    # Check works from the keyboard.
    check_button = runner.get_by_role("button", name="Check", exact=True)
    check_button.focus()
    page.keyboard.press("Enter")
    shown_now = verdict(runner)
    assert (shown_now["run_state"], shown_now["run_reason"]) == ("error", "exception")
    assert shown_now["verdict"] == "not-run"
    assert shown_now["title"] == "Not checked."
    assert shown_now["message"].startswith("Your code has a syntax error on line 1")
    assert f"SyntaxError: {syntax_error(broken)}" in shown_now["message"]
    assert "SyntaxError" in shown_now["run_stderr"], "the traceback shows in the log"

    # A plain Run afterwards: the old verdict no longer applies.
    replace_code(runner, "print('fine')\n")
    runner.get_by_role("button", name="Run", exact=True).click()
    expect(runner.locator(".exercise-result")).to_be_empty()
    expect(runner.locator(".exercise-result")).not_to_have_attribute("data-verdict", VERDICT_OVER)
    wait_until_over(runner)


def test_a_program_that_raises_is_not_checked(page: Page, site_url: str) -> None:
    runner = open_exercise(page, site_url, STEADY[1])
    replace_code(runner, "print('partial')\nraise ValueError('boom')\n")
    shown_now = check(runner)
    assert shown_now["verdict"] == "not-run"
    assert "ValueError: boom" in shown_now["message"]
    assert "exception" in shown_now["message"]


def test_the_output_reaches_check_exactly(page: Page, site_url: str) -> None:
    """Quotes, backslashes, line separators, NUL, markup: check() gets the very text."""
    tricky = 'a """ b \'\'\' \\ \\n \\u0041 \u2028 \x00 </script><b>x</b> 🧵 é\r\n"'
    page.goto(site_url + exercise_pages()[STEADY[0]])
    hint = page.evaluate(
        """async ([base, output]) => {
            const { runProgram } = await import(base + "assets/runner/runner.js");
            const { runCheck } = await import(base + "assets/runner/exercise-check.js");
            const check = {
                path: "exercises/x/y/check.py",
                source: "def check(output):\\n    return repr(output)\\n",
            };
            return runCheck(check, output + "\\ud800", runProgram);
        }""",
        [site_url, tricky],
    )
    assert hint == {"hint": repr(tricky + "\ud800")}


def with_check(page: Page, site_url: str, exercise: str, check_source: str) -> Locator:
    """The exercise's page, served with `check_source` as its check, as the build puts it."""
    url = site_url + exercise_pages()[exercise]
    element = re.compile(
        r'<script type="application/json" class="exercise-check">\{"exercise": '
        + re.escape(json.dumps(exercise))
        + r".*?</script>"
    )

    def serve(route: Route) -> None:
        response = route.fetch()
        html, count = element.subn(
            lambda _: exercise_checks.check_element(exercise, check_source), response.text()
        )
        assert count == 1, f"no check of {exercise} on {url}"
        route.fulfill(response=response, body=html)

    page.route(url, serve)
    return open_exercise(page, site_url, exercise)


def test_hints_are_text_never_html(page: Page, site_url: str) -> None:
    markup = '<img src=x onerror="window.hacked = 1"><b>bold</b> & </span>'
    runner = with_check(page, site_url, STEADY[0], f"def check(output):\n    return {markup!r}\n")
    shown_now = check(runner)
    assert (shown_now["verdict"], shown_now["message"]) == ("hint", markup)
    result = runner.locator(".exercise-result")
    expect(result.locator("img, b")).to_have_count(0)
    assert page.evaluate("window.hacked") is None


def test_a_check_that_fails_is_not_a_verdict(page: Page, site_url: str) -> None:
    runner = with_check(page, site_url, STEADY[0], "def check(output):\n    return 1 / 0\n")
    shown_now = check(runner)
    assert shown_now["run_state"] == "done"
    assert shown_now["verdict"] == "error"
    assert "ZeroDivisionError" in shown_now["message"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_problem(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    runner = open_exercise(page, site_url, STEADY[1])
    assert check(runner)["verdict"] == "hint"
    assert serious_violations(page) == []
