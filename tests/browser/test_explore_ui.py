"""The explorer as a reader meets it (runner/README.md): the Explore button where a
program starts threads, the `.runner-explore` region and its data attributes, the
outcome histogram with a Replay for each outcome, the mark on CPython's output, Stop,
and `exploreProgram`. Explorations are seeded, so what they find is the same every
time; what is checked is what the page shows of it, against its own data."""

from __future__ import annotations

import json
import re
import time
from textwrap import dedent

import pytest
from playwright.sync_api import Locator, Page, expect

from site_hooks.runnable_snippets import starts_threads

from ..snippet_files import included_path
from ..support.axe import serious_violations
from .runner_pages import (
    LOAD_TIMEOUT_MS,
    SNIPPET_RUNNER,
    open_playground,
    reveal,
    runnable_snippets_by_page,
    shown,
    wait_until_over,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

TOKEN = re.compile(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){3}$")
OUTCOME_KEYS = {"stdout", "stderr", "state", "reason", "count", "schedule"}

# Two threads, one `total += 1` each: at bytecode granularity one may overwrite the
# other's increment, at CPython's switch points never.
ONE_INCREMENT_EACH = dedent(
    """\
    import threading

    total = 0


    def add():
        global total
        total += 1


    threads = [threading.Thread(target=add) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(total)
    """
)

OPPOSITE_ORDER = dedent(
    """\
    import threading

    a = threading.Lock()
    b = threading.Lock()


    def one():
        with a:
            with b:
                pass


    def two():
        with b:
            with a:
                pass


    threads = [threading.Thread(target=one), threading.Thread(target=two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("both done")
    """
)

# Each run takes a while, and there are more schedules than anyone would wait for.
LONG_RUNS = dedent(
    """\
    import threading

    total = 0


    def add():
        global total
        for _ in range(50000):
            total += 1


    threads = [threading.Thread(target=add) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(total)
    """
)

OVER = re.compile(r"^(done|stopped|error)$")


def explore_program(page: Page, site_url: str, code: str, options: dict) -> dict:
    return page.evaluate(
        """async ([url, code, options]) => {
            const { exploreProgram } = await import(url);
            return exploreProgram(code, options);
        }""",
        [site_url + "assets/runner/runner.js", code, options],
    )


def region_of(runner: Locator) -> Locator:
    return runner.locator(".runner-explore")


def explore(runner: Locator, timeout_ms: int = 2 * LOAD_TIMEOUT_MS) -> Locator:
    """Press Explore and wait for the exploration to end."""
    reveal(runner)
    runner.get_by_role("button", name="Explore", exact=True).click()
    region = region_of(runner)
    expect(region).to_be_visible()
    expect(region).to_have_attribute("data-state", OVER, timeout=timeout_ms)
    return region


def explored(region: Locator) -> dict:
    """The region's data attributes, read."""
    data = region.evaluate("root => Object.assign({}, root.dataset)")
    return {
        "state": data["state"],
        "runs": int(data["runs"]),
        "exhaustive": data["exhaustive"],
        "outcomes": json.loads(data["outcomes"]),
    }


def well_formed(result: dict) -> None:
    """Outcomes as runner/README.md describes them."""
    outcomes = result["outcomes"]
    assert outcomes, result
    for outcome in outcomes:
        assert set(outcome) == OUTCOME_KEYS, outcome
        assert outcome["state"] in ("done", "error")
        assert (outcome["reason"] is None) == (outcome["state"] == "done"), outcome
        assert isinstance(outcome["count"], int) and outcome["count"] > 0
        assert TOKEN.match(outcome["schedule"]), outcome["schedule"]
    counts = [outcome["count"] for outcome in outcomes]
    assert counts == sorted(counts, reverse=True), "most frequent first"
    assert sum(counts) == result["runs"]
    distinct = {(o["stdout"], o["stderr"], o["state"], o["reason"]) for o in outcomes}
    assert len(distinct) == len(outcomes), "each outcome once"


def summary_of(region: Locator) -> str:
    return region.locator(".runner-explore__summary").inner_text()


# exploreProgram


def test_explore_program_finds_the_lost_update_at_bytecode(page: Page, site_url: str) -> None:
    page.goto(site_url)
    result = explore_program(
        page, site_url, ONE_INCREMENT_EACH, {"granularity": "bytecode", "budget": 40}
    )
    assert isinstance(result["exhaustive"], bool)
    assert 1 <= result["runs"] <= 40
    well_formed(result)
    assert {outcome["stdout"] for outcome in result["outcomes"]} == {"1\n", "2\n"}

    # Each outcome's schedule replays it.
    lost = next(outcome for outcome in result["outcomes"] if outcome["stdout"] == "1\n")
    replayed = page.evaluate(
        """async ([url, code, schedule]) => {
            const { runProgram } = await import(url);
            return runProgram(code, { schedule });
        }""",
        [site_url + "assets/runner/runner.js", ONE_INCREMENT_EACH, lost["schedule"]],
    )
    assert (replayed["state"], replayed["reason"], replayed["stdout"]) == ("done", None, "1\n")


def test_explore_program_at_cpythons_switch_points_keeps_every_increment(
    page: Page, site_url: str
) -> None:
    page.goto(site_url)
    result = explore_program(page, site_url, ONE_INCREMENT_EACH, {"budget": 40})
    well_formed(result)
    assert [outcome["stdout"] for outcome in result["outcomes"]] == ["2\n"]


def test_explore_program_keeps_the_page_limits(page: Page, site_url: str) -> None:
    # The page's limits, or the caller's, go with the explore request to every run.
    spin = "import threading\n\ndef spin():\n    while True:\n        pass\n\n"
    spin += "threading.Thread(target=spin).start()\n"
    page.add_init_script("window.runnerConfig = { timeLimitSeconds: 0.5 };")
    page.goto(site_url)
    ended = explore_program(page, site_url, spin, {"budget": 2})
    assert {(o["state"], o["reason"]) for o in ended["outcomes"]} == {("error", "time-limit")}
    flood = "import threading\n\ndef say():\n    while True:\n        print('ab' * 20)\n\n"
    flood += "threading.Thread(target=say).start()\nsay()\n"
    cut = explore_program(page, site_url, flood, {"budget": 2, "maxOutputChars": 1000})
    assert {(o["state"], o["reason"]) for o in cut["outcomes"]} == {("error", "output-limit")}
    assert all(len(o["stdout"]) == 1000 for o in cut["outcomes"])


# The Explore button and its region


def test_the_playground_explores_and_each_outcome_replays(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, ONE_INCREMENT_EACH)
    region = explore(runner)
    first = explored(region)
    assert (first["state"], first["exhaustive"]) == ("done", "true")
    well_formed(first)
    assert summary_of(region) == (
        f"CPython's switch points: all {first['runs']} interleavings explored; none deadlocked."
    )

    # Another granularity, with the keyboard: the exploration starts again with it, a
    # sample of 40 schedules this time (the limits are read at each exploration).
    page.evaluate("window.runnerConfig = { exploreBudget: 40 }")
    switch_points = region.get_by_role("radio", name="CPython's switch points")
    expect(switch_points).to_be_checked()
    switch_points.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(region.get_by_role("radio", name="Every bytecode")).to_be_checked()
    expect(region).to_have_attribute("data-state", "running")
    expect(runner.get_by_role("button", name="Run", exact=True)).to_have_attribute(
        "aria-disabled", "true"
    )
    expect(region).to_have_attribute("data-state", OVER, timeout=2 * LOAD_TIMEOUT_MS)
    result = explored(region)
    assert (result["state"], result["runs"], result["exhaustive"]) == ("done", 40, "false")
    well_formed(result)
    assert len(result["outcomes"]) > 1
    assert re.fullmatch(
        r"Every bytecode: 40 schedules \((.+, then )?PCT, seed 1\); none deadlocked\.",
        summary_of(region),
    ), summary_of(region)
    expect(runner.get_by_role("button", name="Run", exact=True)).to_have_attribute(
        "aria-disabled", "false"
    )

    items = region.locator("li.runner-outcome")
    expect(items).to_have_count(len(result["outcomes"]))
    for index, outcome in enumerate(result["outcomes"]):
        item = items.nth(index)
        expect(item.locator(".runner-outcome__output")).to_have_text(
            outcome["stdout"] + outcome["stderr"]
        )
        expect(item.locator(".runner-outcome__count")).to_have_text(
            f"{outcome['count']} schedule{'s' if outcome['count'] != 1 else ''} of {result['runs']}"
        )
        expect(item.locator(".runner-outcome__ending")).to_have_text("finished")
        item.get_by_role("button", name=f"Replay outcome {index + 1}").click()
        wait_until_over(runner)
        assert shown(runner)["stdout"] == outcome["stdout"]
        assert runner.get_attribute("data-schedule") == outcome["schedule"]


def test_a_deadlock_is_counted_and_named(page: Page, site_url: str) -> None:
    runner = open_playground(page, site_url, OPPOSITE_ORDER)
    region = explore(runner)
    result = explored(region)
    well_formed(result)
    stuck = sum(o["count"] for o in result["outcomes"] if o["reason"] == "deadlock")
    assert stuck > 0
    assert summary_of(region).endswith(f"; {stuck} deadlocked.")
    item = region.locator("li.runner-outcome", has=page.get_by_text("deadlocked", exact=True))
    expect(item).to_have_count(1)
    expect(item.locator(".runner-outcome__output")).to_contain_text("Deadlock")


def test_a_sample_says_how_it_was_chosen(page: Page, site_url: str) -> None:
    page.add_init_script("window.runnerConfig = { exploreBudget: 12 };")
    runner = open_playground(page, site_url, LONG_RUNS)
    region = explore(runner)
    result = explored(region)
    assert (result["state"], result["runs"], result["exhaustive"]) == ("done", 12, "false")
    assert re.fullmatch(
        r"CPython's switch points: 12 schedules \((.+, then )?PCT, seed 1\); none deadlocked\.",
        summary_of(region),
    ), summary_of(region)


@pytest.mark.parametrize("stop", ["Stop exploring", "Stop"])
def test_stop_ends_an_exploration_within_a_second(page: Page, site_url: str, stop: str) -> None:
    page.add_init_script("window.runnerConfig = { exploreBudget: 100000 };")
    runner = open_playground(page, site_url, LONG_RUNS)
    page.evaluate(
        """() => {
            window.ticks = [];
            setInterval(() => window.ticks.push(performance.now()), 20);
            window.slowFrames = [];
            new PerformanceObserver((list) => {
                for (const frame of list.getEntries()) {
                    const scripts = frame.scripts.reduce((sum, s) => sum + s.duration, 0);
                    const end = frame.startTime + frame.duration;
                    const layout = frame.styleAndLayoutStart ? end - frame.styleAndLayoutStart : 0;
                    window.slowFrames.push(scripts + layout);
                }
            }).observe({ type: "long-animation-frame" });
        }"""
    )
    runner.get_by_role("button", name="Explore", exact=True).click()
    region = region_of(runner)
    expect(region).to_have_attribute("data-state", "running")
    # Wait until some schedules are in, then a while more.
    expect(region).not_to_have_attribute("data-runs", "0", timeout=LOAD_TIMEOUT_MS)
    expect(region.locator(".runner-explore__progress-text")).to_contain_text("so far")
    ticks_before = page.evaluate("window.ticks.length")
    page.wait_for_timeout(1000)
    assert page.evaluate("window.ticks.length") - ticks_before > 5, "the page's timers kept running"
    started = time.monotonic()
    runner.get_by_role("button", name=stop, exact=True).click()
    expect(region).to_have_attribute("data-state", "stopped", timeout=1000)
    assert time.monotonic() - started < 1
    result = explored(region)
    assert result["runs"] > 0
    well_formed(result)  # what was found until then is kept
    assert re.fullmatch(
        rf"CPython's switch points: Stopped after {result['runs']} schedules .* so far\.",
        summary_of(region),
    )
    work = page.evaluate("window.slowFrames")
    assert max(work, default=0) < 200, f"the page was busy for {max(work):.0f} ms"
    # The worker is gone: nothing more arrives, and the runner can run again.
    page.wait_for_timeout(300)
    assert explored(region) == result
    expect(runner.get_by_role("button", name="Run", exact=True)).to_have_attribute(
        "aria-disabled", "false"
    )


def test_an_exploration_that_cannot_start_says_why(page: Page, site_url: str) -> None:
    page.add_init_script("delete WebAssembly.Suspending;")
    runner = open_playground(page, site_url, ONE_INCREMENT_EACH)
    region = explore(runner)
    assert explored(region) == {"state": "error", "runs": 0, "exhaustive": "false", "outcomes": []}
    expect(region.locator(".runner-explore__summary")).to_contain_text("JSPI")
    expect(runner.get_by_role("button", name="Explore", exact=True)).to_have_attribute(
        "aria-disabled", "false"
    )


def test_outcomes_are_text_never_html(page: Page, site_url: str) -> None:
    html = '<img src=x onerror="window.injected=1"><b>bold</b>'
    code = (
        "import sys, threading\n"
        f"t = threading.Thread(target=print, args=({html!r},))\n"
        "t.start()\n"
        "t.join()\n"
        f"print({html!r}, file=sys.stderr)\n"
    )
    runner = open_playground(page, site_url, code)
    region = explore(runner)
    output = region.locator(".runner-outcome__output").first
    expect(output).to_have_text(f"{html}\n{html}\n")
    assert output.locator("img, b").count() == 0
    assert page.evaluate("window.injected") is None


# Where Explore is, and CPython's output


def page_with_both_kinds() -> tuple[str, set[str], set[str]]:
    """A chapter with snippets that start threads and snippets that do not."""
    for page, snippets in runnable_snippets_by_page().items():
        threaded = {s for s in snippets if starts_threads(included_path(s).read_text())}
        plain = set(snippets) - threaded
        if threaded and plain and not page.startswith("exercises"):
            return page, threaded, plain
    raise AssertionError("no page has both kinds of snippet")


def test_explore_is_on_snippets_that_start_threads_only(page: Page, site_url: str) -> None:
    chapter, threaded, plain = page_with_both_kinds()
    page.goto(site_url + chapter)
    for runner in page.locator(SNIPPET_RUNNER).all():
        if runner.locator("xpath=ancestor::div[contains(@class, 'exercise')]").count():
            continue  # an exercise's starter: below
        reveal(runner)
        snippet = runner.get_attribute("data-snippet")
        explore_button = runner.get_by_role("button", name="Explore", exact=True)
        expect(runner.get_by_role("button", name="Run", exact=True)).to_be_visible()
        if snippet in threaded:
            expect(explore_button).to_be_visible()
        else:
            assert snippet in plain
            expect(explore_button).to_have_count(0)


def test_every_exercise_starter_can_be_explored(page: Page, site_url: str) -> None:
    # The starter of "unblock the event loop" starts no thread; its solution does.
    starter = "exercises/choosing_concurrency/unblock_the_event_loop/starter.py"
    assert not starts_threads(included_path(starter).read_text())
    [chapter] = [page for page, found in runnable_snippets_by_page().items() if starter in found]
    page.goto(site_url + chapter)
    in_exercises = f".exercise[data-exercise] {SNIPPET_RUNNER}"
    expect(page.locator(f'{in_exercises}[data-snippet="{starter}"]')).to_have_count(1)
    for runner in page.locator(in_exercises).all():
        reveal(runner)
        expect(runner.get_by_role("button", name="Explore", exact=True)).to_be_visible()


def test_the_output_cpython_printed_is_marked(page: Page, site_url: str) -> None:
    page.add_init_script("window.runnerConfig = { exploreBudget: 8 };")
    page.goto(site_url + "race-conditions/")
    runner = page.locator(f'{SNIPPET_RUNNER}[data-snippet="race_conditions/locked_total.py"]')
    expected = json.loads(runner.get_attribute("data-expected"))
    region = explore(runner)
    result = explored(region)
    [outcome] = result["outcomes"]  # a lock around the update: every schedule agrees
    assert outcome["stdout"] == "".join(line + "\n" for line in expected)
    marked = region.locator("li.runner-outcome[data-cpython]")
    expect(marked).to_have_count(1)
    expect(marked.locator(".runner-outcome__cpython")).to_have_text(
        "the output this page shows, from CPython"
    )

    # Edited code is not what CPython printed that for.
    runner.get_by_role("button", name="Edit", exact=True).click()
    editor = runner.get_by_role("textbox")
    editor.fill(editor.input_value() + "# edited\n")
    region = explore(runner)
    assert [o["stdout"] for o in explored(region)["outcomes"]] == [outcome["stdout"]]
    expect(region.locator("li.runner-outcome[data-cpython]")).to_have_count(0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_explorer_is_accessible(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.add_init_script("window.runnerConfig = { exploreBudget: 8 };")
    page.goto(site_url + "race-conditions/")
    runner = page.locator(f'{SNIPPET_RUNNER}[data-snippet="race_conditions/locked_total.py"]')
    region = explore(runner)
    expect(region.locator("li.runner-outcome[data-cpython]")).to_have_count(1)
    assert serious_violations(page) == []


def test_the_explorer_fits_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    runner = open_playground(page, site_url, OPPOSITE_ORDER)
    region = explore(runner)
    assert region.evaluate("root => root.scrollWidth <= root.clientWidth")
    for element in region.locator(".runner-outcome__head, .runner-explore__option").all():
        assert element.evaluate("e => e.getBoundingClientRect().right <= innerWidth")
