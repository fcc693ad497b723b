"""The Break it puzzles on their pages (puzzles/README.md): each puzzle's `winning`
steps, pressed on the `Step <thread name>` buttons at the puzzle's granularity, reach
the goal, and the page says so with the run's link; Let it run from the first pause
does not, and the page gives the check's hint; Undo then Redo on the way gives the
same lanes and output; the won run replays to the same output. The goal that no
schedule reaches is shown unreached by an exhaustive Explore. A plain Run is not
judged, a check that raises is said to have failed, and the verdicts pass axe-core.

A stepped run is made only of the reader's choices (virtual clocks, the same random
numbers in every run), so the winning steps give the same run every time: its output is
the one puzzle.json records. `PUZZLES_RECORD=1` writes what the steps gave instead."""

from __future__ import annotations

import json
import os
import re
import runpy
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route, expect

from site_hooks import puzzles as puzzles_hook

from ..snippet_files import DOCS_DIR, ROOT
from ..support.axe import serious_violations
from .runner_pages import LOAD_TIMEOUT_MS, page_url, reveal, shown, wait_until_over

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

PUZZLES_DIR = ROOT / "puzzles"
PUZZLE_DIV = re.compile(r'<div class="puzzle" data-puzzle="(?P<name>[^"]+)" markdown>')
RECORD = os.environ.get("PUZZLES_RECORD") == "1"
GRANULARITY_LABELS = {
    "line": "Every line",
    "bytecode": "Every bytecode",
    "blocking": "Only where threads block",
}
EXPLORE_LABELS = {"line": "Every line", "bytecode": "Every bytecode"}


def pages_of_puzzles() -> dict[str, str]:
    """Puzzle -> the URL of the page that shows it, in page order."""
    found = {}
    for markdown in sorted(DOCS_DIR.rglob("*.md")):
        for match in PUZZLE_DIV.finditer(markdown.read_text()):
            found[match["name"]] = page_url(markdown)
    return found


PAGES = pages_of_puzzles()


def about(puzzle: str) -> dict:
    return json.loads((PUZZLES_DIR / puzzle / "puzzle.json").read_text(encoding="utf-8"))


def puzzle_json(described: dict) -> str:
    """puzzle.json's text: indented, the winning steps on one line."""
    text = json.dumps(described, indent=2)
    steps = json.dumps(described["winning"], indent=2).replace("\n", "\n  ")
    return text.replace(steps, json.dumps(described["winning"])) + "\n"


def load_check(puzzle: str) -> Callable[[str, str | None], str | None]:
    return runpy.run_path(str(PUZZLES_DIR / puzzle / "check.py"))["check"]


# Ordered by page, so that each chapter's page is opened once and its puzzles share it.
REACHABLE = [p for p in PAGES if not about(p).get("impossible")]
IMPOSSIBLE = [p for p in PAGES if about(p).get("impossible")]


@pytest.fixture(scope="module")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="module")
def chapter_pages(shared_context: BrowserContext) -> Iterator[dict[str, Page]]:
    """The chapter page in use, kept open for its other puzzles."""
    pages: dict[str, Page] = {}
    yield pages
    for page in pages.values():
        page.close()


def puzzle_runner(
    pages: dict[str, Page], context: BrowserContext, site_url: str, puzzle: str
) -> Locator:
    path = PAGES[puzzle]
    if path not in pages:
        for old in pages.values():  # one chapter at a time: the last one can go
            old.close()
        pages.clear()
        pages[path] = context.new_page()
        pages[path].goto(site_url + path)
    runner = pages[path].locator(f'.puzzle[data-puzzle="{puzzle}"] .runner')
    reveal(runner)
    return runner


def open_steps(runner: Locator, granularity: str) -> Locator:
    """Press Step through, and wait for the first pause, at the puzzle's granularity."""
    region = runner.locator(".runner-step")
    runner.get_by_role("button", name="Step through", exact=True).click()
    expect(region.get_by_role("radio", name=GRANULARITY_LABELS[granularity])).to_be_checked()
    expect(region).to_have_attribute("data-granularity", granularity)
    expect(region).to_have_attribute("data-state", "paused", timeout=LOAD_TIMEOUT_MS)
    return region


def step(region: Locator, name: str) -> None:
    before = int(region.get_attribute("data-steps") or 0)
    region.get_by_role("button", name=f"Step {name}", exact=True).click()
    expect(region).to_have_attribute("data-state", re.compile("^(paused|done)$"))
    expect(region).to_have_attribute("data-steps", str(before + 1))


def verdict(runner: Locator) -> Locator:
    result = runner.locator(".puzzle-result")
    expect(result).to_have_attribute(
        "data-verdict", re.compile("^(won|lost|error)$"), timeout=LOAD_TIMEOUT_MS
    )
    return result


def ending_of(runner: Locator) -> str | None:
    """How the stepped run ended, as the runner's root says it: None for a clean end."""
    return runner.get_attribute("data-last-ending") or None


def expect_lost(runner: Locator, puzzle: str) -> None:
    """The page's verdict on a run that did not reach the goal: the check's own hint."""
    result = verdict(runner)
    expect(result).to_have_attribute("data-verdict", "lost")
    printed = shown(runner)
    hint = load_check(puzzle)(printed["stdout"], ending_of(runner))
    assert hint, "the check on CPython accepts what the page calls not reached"
    expect(result.locator(".puzzle-result__title")).to_have_text("✗ Not this time.")
    assert result.locator(".puzzle-result__message").inner_text().startswith(hint)


def watch_endings(page: Page) -> None:
    """Each runner's root keeps how its last run ended, from `runner-finished`."""
    page.evaluate(
        """() => {
            if (window.puzzleEndings) return;
            window.puzzleEndings = true;
            document.addEventListener("runner-finished", (event) => {
                event.target.dataset.lastEnding = event.detail.reason ?? "";
            });
        }"""
    )


def test_every_puzzle_is_on_a_page() -> None:
    shown_puzzles = set(PAGES)
    folders = {
        p.parent.relative_to(PUZZLES_DIR).as_posix() for p in PUZZLES_DIR.glob("*/*/check.py")
    }
    assert shown_puzzles == folders
    assert len(REACHABLE) >= 8 and IMPOSSIBLE


@pytest.mark.parametrize("puzzle", REACHABLE)
def test_the_winning_steps_reach_the_goal(
    puzzle: str, chapter_pages: dict[str, Page], shared_context: BrowserContext, site_url: str
) -> None:
    described = about(puzzle)
    runner = puzzle_runner(chapter_pages, shared_context, site_url, puzzle)
    watch_endings(runner.page)

    # Left to run from the first pause, the program does not reach the goal.
    region = open_steps(runner, described["granularity"])
    region.get_by_role("button", name="Let it run", exact=True).click()
    expect(region).to_have_attribute("data-state", "done", timeout=LOAD_TIMEOUT_MS)
    expect_lost(runner, puzzle)

    # The winning steps, from a fresh start; halfway, Undo then Redo changes nothing.
    region = open_steps(runner, described["granularity"])
    expect(runner.locator(".puzzle-result")).not_to_have_attribute("data-verdict", re.compile("."))
    winning = described["winning"]
    halfway = len(winning) // 2
    for name in winning[:halfway]:
        step(region, name)
    state = (region.get_attribute("data-threads"), shown(runner)["stdout"])
    step(region, winning[halfway])
    region.get_by_role("button", name="Undo", exact=True).click()
    expect(region).to_have_attribute("data-steps", str(halfway))
    expect(region).to_have_attribute("data-state", "paused")
    assert (region.get_attribute("data-threads"), shown(runner)["stdout"]) == state
    region.get_by_role("button", name="Redo", exact=True).click()
    expect(region).to_have_attribute("data-steps", str(halfway + 1))
    expect(region).to_have_attribute("data-state", re.compile("^(paused|done)$"))
    for name in winning[halfway + 1 :]:
        step(region, name)
    expect(region).to_have_attribute("data-state", "done")

    won = {"stdout": shown(runner)["stdout"], "ending": ending_of(runner)}
    if RECORD:
        described["won"] = won
        path = PUZZLES_DIR / puzzle / "puzzle.json"
        path.write_text(puzzle_json(described), encoding="utf-8")
    assert won == described["won"]
    result = verdict(runner)
    expect(result).to_have_attribute("data-verdict", "won")
    expect(result.locator(".puzzle-result__title")).to_have_text("✓ Goal reached!")
    token = region.get_attribute("data-schedule")
    assert token
    link = result.get_by_role("link", name="Link to this run")
    href = link.get_attribute("href") or ""
    assert "/playground/#code=" in href and href.endswith(f"&schedule={token}")

    # The won run replays, exactly; a replay is not a stepped run, and is not judged.
    runner.get_by_role("button", name="Replay", exact=True).click()
    wait_until_over(runner)
    expect(runner).not_to_have_attribute("data-reason", "schedule")
    assert shown(runner)["stdout"] == won["stdout"]
    expect(runner.locator(".puzzle-result")).not_to_have_attribute("data-verdict", re.compile("."))


@pytest.mark.parametrize("puzzle", IMPOSSIBLE)
def test_the_goal_out_of_reach_is_reached_by_no_schedule(
    puzzle: str, chapter_pages: dict[str, Page], shared_context: BrowserContext, site_url: str
) -> None:
    granularity = about(puzzle)["granularity"]
    runner = puzzle_runner(chapter_pages, shared_context, site_url, puzzle)
    watch_endings(runner.page)
    region = open_steps(runner, granularity)
    region.get_by_role("button", name="Let it run", exact=True).click()
    expect(region).to_have_attribute("data-state", "done", timeout=LOAD_TIMEOUT_MS)
    expect_lost(runner, puzzle)

    # Explore at the same granularity runs every schedule, and none reaches the goal.
    runner.get_by_role("button", name="Explore", exact=True).click()
    explore = runner.locator(".runner-explore")
    label = EXPLORE_LABELS[granularity]
    explore.get_by_role("radio", name=label).check()
    summary = explore.locator(".runner-explore__summary")
    expect(summary).to_have_text(
        re.compile(rf"^{label}: all \d+ interleavings explored"), timeout=2 * LOAD_TIMEOUT_MS
    )
    expect(explore).to_have_attribute("data-state", "done")
    expect(explore).to_have_attribute("data-exhaustive", "true")
    outcomes = json.loads(explore.get_attribute("data-outcomes") or "[]")
    check = load_check(puzzle)
    assert outcomes
    for outcome in outcomes:
        ending = outcome["reason"] if outcome["state"] != "done" else None
        assert check(outcome["stdout"], ending) is not None, outcome


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_verdicts_have_no_serious_accessibility_problem(
    page: Page, site_url: str, scheme: str
) -> None:
    puzzle = "deadlocks/opposite_order"
    described = about(puzzle)
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGES[puzzle])
    watch_endings(page)
    runner = page.locator(f'.puzzle[data-puzzle="{puzzle}"] .runner')
    reveal(runner)
    within = f'.puzzle[data-puzzle="{puzzle}"] .puzzle-result'
    region = open_steps(runner, described["granularity"])
    region.get_by_role("button", name="Let it run", exact=True).click()
    expect(verdict(runner)).to_have_attribute("data-verdict", "lost")
    assert serious_violations(page, within) == []
    region = open_steps(runner, described["granularity"])
    for name in described["winning"]:
        step(region, name)
    expect(verdict(runner)).to_have_attribute("data-verdict", "won")
    assert serious_violations(page, within) == []


def test_a_plain_run_is_not_judged_and_a_broken_check_says_so(page: Page, site_url: str) -> None:
    puzzle = "deadlocks/opposite_order"
    broken = "def check(output, ending):\n    return 1 / 0\n"
    element = re.compile(r'<script type="application/json" class="puzzle-check">.*?</script>', re.S)

    def with_broken_check(route: Route) -> None:
        text = route.fetch().text()
        swapped = puzzles_hook.check_element(puzzle, broken, about(puzzle)["granularity"])
        route.fulfill(body=element.sub(lambda _: swapped, text, count=1), content_type="text/html")

    page.route(f"**/{PAGES[puzzle]}", with_broken_check)
    page.goto(site_url + PAGES[puzzle])
    runner = page.locator(f'.puzzle[data-puzzle="{puzzle}"] .runner')
    reveal(runner)
    runner.get_by_role("button", name="Run", exact=True).click()
    wait_until_over(runner)
    assert shown(runner)["stdout"] == "done: ['alice', 'bob']\n"
    expect(runner.locator(".puzzle-result")).not_to_have_attribute("data-verdict", re.compile("."))

    region = open_steps(runner, about(puzzle)["granularity"])
    region.get_by_role("button", name="Let it run", exact=True).click()
    result = verdict(runner)
    expect(result).to_have_attribute("data-verdict", "error")
    expect(result.locator(".puzzle-result__title")).to_have_text("The check failed.")
    expect(result.locator(".puzzle-result__message")).to_contain_text("ZeroDivisionError")
