"""Output where the reader looks, measured in the viewport: on a wide screen (1280x720)
and on a phone (390x844, touch). The playground shows Run and the output without
scrolling where there is room, and brings the output into view where there is not; a
chapter's runner brings its output into view after Run, and never moves a page whose
output is in view already, nor one the reader is scrolling. Nothing is cut off, nothing
scrolls sideways, every target is at least 24 by 24 CSS pixels (WCAG 2.2). All of a
long output can be copied, selected, found and read by a screen reader."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from .runner_pages import (
    LOAD_TIMEOUT_MS,
    PLAYGROUND_RUNNER,
    SNIPPET_RUNNER,
    chapter_with_runners,
    open_playground,
    reveal,
    wait_until_over,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

SCREENS = {
    "wide": {"viewport": {"width": 1280, "height": 720}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
    },
}
SMALLEST_TARGET_PX = 24
LONG_OUTPUT_LINES = 3000
LONG_OUTPUT = f"for i in range({LONG_OUTPUT_LINES}):\n    print(f'line {{i:05d}}')\n"


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def context(browser: Browser, screen: str) -> Iterator[BrowserContext]:
    """A context of the screen's size; motion reduced, so that scrolls end at once."""
    context = browser.new_context(**SCREENS[screen], reduced_motion="reduce")
    yield context
    context.close()


# Geometry, as the page measures it

BOX = """(element) => {
    const box = element.getBoundingClientRect();
    const header = document.querySelector(".md-header");
    return {
        top: box.top, bottom: box.bottom, left: box.left, right: box.right,
        width: box.width, height: box.height,
        viewTop: header ? Math.max(header.getBoundingClientRect().bottom, 0) : 0,
        viewBottom: innerHeight,
    };
}"""


def box(locator: Locator) -> dict[str, float]:
    return locator.evaluate(BOX)


def in_view(locator: Locator) -> bool:
    """Wholly inside the viewport, below the site's header."""
    b = box(locator)
    return b["top"] >= b["viewTop"] - 1 and b["bottom"] <= b["viewBottom"] + 1


def scroll_y(page: Page) -> float:
    return page.evaluate("scrollY")


def output_panel(runner: Locator) -> Locator:
    return runner.locator(".runner-output")


def run_button(runner: Locator) -> Locator:
    return runner.get_by_role("button", name="Run", exact=True)


def place_toolbar(runner: Locator, at: str) -> None:
    """Scroll the page so that the runner's toolbar sits just above the viewport's
    bottom edge ("bottom") or just below the site's header ("top")."""
    reveal(runner)
    runner.locator(".runner-toolbar").evaluate(
        """(toolbar, at) => {
            const box = toolbar.getBoundingClientRect();
            const header = document.querySelector(".md-header").getBoundingClientRect();
            const goal = at === "bottom" ? innerHeight - 8 - box.height : header.bottom + 8;
            scrollBy({ top: box.top - goal, behavior: "instant" });
        }""",
        at,
    )


# The playground


def test_playground_shows_run_and_the_output_where_the_reader_looks(
    page: Page, site_url: str, screen: str
) -> None:
    # A program of some length, as the playground's own example is.
    code = "".join(f"# step {i}\n" for i in range(20)) + "print('hello from the playground')\n"
    runner = open_playground(page, site_url, code)
    assert in_view(run_button(runner)), box(run_button(runner))
    if screen == "wide":
        # Side by side with the editor, in sight before and after Run.
        editor, panel = box(runner.locator(".runner-editor")), box(output_panel(runner))
        assert panel["left"] >= editor["right"], (editor, panel)
        assert panel["top"] < editor["bottom"], (editor, panel)
        assert in_view(output_panel(runner)), panel
    else:
        assert not in_view(output_panel(runner)), "the output is below the code here"
    before = scroll_y(page)
    run_button(runner).click()
    wait_until_over(runner)
    panel = output_panel(runner)
    assert in_view(panel), box(panel)
    line = runner.locator('[data-stream="stdout"]')
    expect(line).to_have_text("hello from the playground\n")
    assert in_view(line), box(line)
    if screen == "wide":
        assert scroll_y(page) == before, "nothing moved: it was all in view"


def test_a_scroll_of_the_readers_own_is_kept(page: Page, site_url: str) -> None:
    code = "import time\ntime.sleep(1.5)\nprint('late')\n"
    runner = open_playground(page, site_url, code)
    run_button(runner).click()
    # The output comes into view at once (on the phone) or is there already (wide)...
    assert in_view(output_panel(runner))
    expect(runner).to_have_attribute("data-state", re.compile("loading|running"))
    # ...and then the reader scrolls back up, before anything is printed.
    page.mouse.move(10, 300)
    page.mouse.wheel(0, -5000)
    page.wait_for_function("scrollY === 0")
    wait_until_over(runner)
    expect(runner.locator('[data-stream="stdout"]')).to_have_text("late\n")
    assert scroll_y(page) == 0, "the page was moved under the reader"


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_scrolls_are_the_least_that_shows_the_output_smooth_unless_motion_is_reduced(
    page: Page, site_url: str, motion: str
) -> None:
    page.emulate_media(reduced_motion=motion)
    page.add_init_script(
        """window.scrolledIntoView = [];
        const scroll = Element.prototype.scrollIntoView;
        Element.prototype.scrollIntoView = function (options) {
            window.scrolledIntoView.push(options);
            return scroll.call(this, options);
        };"""
    )
    page.goto(site_url + chapter_with_runners())
    runner = page.locator(SNIPPET_RUNNER).first
    place_toolbar(runner, "bottom")
    run_button(runner).click()
    wait_until_over(runner)
    # Smooth or not, the scroll ends with the output in view.
    page.wait_for_function(
        "(panel) => panel.getBoundingClientRect().bottom <= innerHeight + 1",
        arg=output_panel(runner).element_handle(),
    )
    assert in_view(output_panel(runner)), box(output_panel(runner))
    calls = page.evaluate("window.scrolledIntoView")
    assert calls, "the output was not brought into view"
    behavior = "auto" if motion == "reduce" else "smooth"
    assert all(
        c == {"block": "nearest", "inline": "nearest", "behavior": behavior} for c in calls
    ), calls


# Chapter runners


def test_a_chapter_runner_brings_its_output_into_view(page: Page, site_url: str) -> None:
    page.goto(site_url + chapter_with_runners())
    runner = page.locator(SNIPPET_RUNNER).first
    place_toolbar(runner, "bottom")
    run_button(runner).click()
    wait_until_over(runner)
    panel = output_panel(runner)
    assert in_view(panel), box(panel)
    # The least scroll: the output's bottom edge is at the viewport's, or near it.
    assert box(panel)["bottom"] > box(panel)["viewBottom"] - 40, box(panel)


def test_a_chapter_runner_never_moves_an_output_in_view(page: Page, site_url: str) -> None:
    page.goto(site_url + chapter_with_runners())
    runner = page.locator(SNIPPET_RUNNER).first
    place_toolbar(runner, "top")
    before = scroll_y(page)
    run_button(runner).click()
    wait_until_over(runner)
    assert in_view(output_panel(runner)), box(output_panel(runner))
    assert scroll_y(page) == before


# Nothing cut off, nothing sideways, targets a finger can hit

FIT = """(root) => {
    const problems = [];
    const describe = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}` +
        ` "${(el.getAttribute("aria-label") || el.textContent).trim().slice(0, 30)}"`;
    const shown = (el) => el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== "hidden";
    const targets = root.querySelectorAll("button, a[href], input, select, textarea, summary");
    for (const el of targets) {
        if (!shown(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.width < 24 || box.height < 24) {
            problems.push(`${describe(el)} is ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
        }
    }
    const parts = root.querySelectorAll(
        ".runner-toolbar, .runner-toolbar > *, .runner-editor, .runner-output, " +
        ".runner-log, .runner-timeline__view, .runner-explore, .runner-explore *"
    );
    for (const el of [...targets, ...parts]) {
        if (!shown(el)) continue;
        // What sits in a scrolling box is not cut off: it scrolls.
        const scrolls = ".runner-explore__outcomes, .runner-outcome__output";
        if (el.parentElement.closest(scrolls)) continue;
        const box = el.getBoundingClientRect();
        if (box.left < -0.5 || box.right > innerWidth + 0.5) {
            problems.push(`${describe(el)} spans ${box.left.toFixed(1)}..${box.right.toFixed(1)}`);
        }
    }
    const page = document.scrollingElement;
    if (page.scrollWidth > innerWidth) problems.push(`the page is ${page.scrollWidth} px wide`);
    return problems;
}"""


def fits(runner: Locator) -> list[str]:
    return runner.evaluate(FIT)


def run_timeline_and_explore(runner: Locator) -> None:
    """Run, open the Timeline, explore: every part of a runner is on show."""
    reveal(runner)
    run_button(runner).click()
    wait_until_over(runner)
    timeline = runner.get_by_role("button", name="Timeline", exact=True)
    timeline.click()
    expect(
        runner.locator(".runner-timeline__view svg, .runner-timeline__view figure").first
    ).to_be_visible()
    runner.get_by_role("button", name="Explore", exact=True).click()
    region = runner.locator("section.runner-explore")
    expect(region).to_have_attribute("data-state", "done", timeout=LOAD_TIMEOUT_MS)
    expect(region.locator("li.runner-outcome").first).to_be_visible()


@pytest.fixture
def few_schedules(page: Page) -> Page:
    page.add_init_script("window.runnerConfig = { exploreBudget: 8 };")
    return page


def test_a_chapter_runner_fits_the_screen(few_schedules: Page, site_url: str) -> None:
    page = few_schedules
    page.goto(site_url + chapter_with_runners())
    runner = page.locator(f"{SNIPPET_RUNNER}[data-starts-threads]").first
    reveal(runner)
    assert fits(runner) == []
    runner.get_by_role("button", name="Edit", exact=True).click()
    run_timeline_and_explore(runner)
    assert fits(runner) == []


def test_the_playground_fits_the_screen(few_schedules: Page, site_url: str) -> None:
    few_schedules.goto(site_url + "playground/")  # its own example, which starts threads
    runner = few_schedules.locator(PLAYGROUND_RUNNER)
    expect(run_button(runner)).to_be_visible()
    assert fits(runner) == []
    run_timeline_and_explore(runner)
    assert fits(runner) == []


def test_the_editor_needs_no_zoom_on_a_touch_screen(page: Page, site_url: str, screen: str) -> None:
    runner = open_playground(page, site_url, "print(1)\n")
    size = runner.locator(".runner-editor").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    # Safari on iOS zooms in on a field whose text is smaller than 16px.
    if screen == "phone":
        assert size >= 16
    else:
        assert size < 16, "a desktop keeps the code's own size"


# All of a long output: copy, select, find, read


@pytest.fixture
def long_output(context: BrowserContext, page: Page, site_url: str) -> Locator:
    """The playground after a run printing LONG_OUTPUT_LINES lines, its log scrolled to
    the end: most of its blocks are out of view."""
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    runner = open_playground(page, site_url, LONG_OUTPUT)
    run_button(runner).click()
    wait_until_over(runner)
    assert runner.get_attribute("data-state") == "done"
    log = runner.get_by_role("log")
    assert log.evaluate("log => log.querySelectorAll('.runner-log__page').length") > 3
    return runner


AT_END = "log => log.scrollHeight - log.scrollTop - log.clientHeight < 24"


def test_the_log_stays_where_the_reader_scrolled_it(page: Page, site_url: str) -> None:
    code = (
        "import time\nfor i in range(200):\n    print(i)\n"
        "time.sleep(1.5)\nfor i in range(200):\n    print('more', i)\n"
    )
    runner = open_playground(page, site_url, code)
    run_button(runner).click()
    log = runner.get_by_role("log")
    expect(log).to_contain_text("199", timeout=LOAD_TIMEOUT_MS)
    assert log.evaluate(AT_END)
    log.hover()
    page.mouse.wheel(0, -400)
    page.wait_for_function(
        "(log) => log.scrollTop < log.scrollHeight - log.clientHeight - 300",
        arg=log.element_handle(),
    )
    kept = log.evaluate("log => log.scrollTop")
    wait_until_over(runner)
    expect(log).to_contain_text("more 199")
    assert log.evaluate("log => log.scrollTop") == kept


def laid_out(page: Page, log: Locator) -> None:
    """Wait until the log's blocks are all laid out again, a few in each frame once
    the run is over: innerText has the first line and the last."""
    page.wait_for_function(
        "(log) => log.innerText.includes('line 00000') && log.innerText.includes('line 02999')",
        arg=log.element_handle(),
    )


def printed() -> str:
    return "".join(f"line {i:05d}\n" for i in range(LONG_OUTPUT_LINES))


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_output_copies_all_of_it(long_output: Locator, page: Page) -> None:
    page.evaluate("navigator.clipboard.writeText('')")
    long_output.get_by_role("button", name="Copy output", exact=True).click()
    expect(long_output.locator(".runner-output__copy-status")).to_have_text("Output copied.")
    assert clipboard(page) == printed()


def test_select_all_in_the_log_selects_all_of_it(long_output: Locator, page: Page) -> None:
    page.evaluate("navigator.clipboard.writeText('')")
    log = long_output.get_by_role("log")
    log.focus()
    page.keyboard.press("ControlOrMeta+a")
    assert page.evaluate("getSelection().toString()").rstrip("\n") == printed().rstrip("\n")
    page.keyboard.press("ControlOrMeta+c")
    # A copy of a selection ends without the last newline, as a terminal's does.
    assert clipboard(page).rstrip("\n") == printed().rstrip("\n")


def test_find_in_page_and_screen_readers_get_all_of_it(long_output: Locator, page: Page) -> None:
    log = long_output.get_by_role("log")
    laid_out(page, log)
    # innerText breaks the line at each block of the log: the lines are all there.
    shown = log.evaluate("log => log.innerText")
    assert [line for line in shown.split("\n") if line] == printed().splitlines()
    assert page.evaluate("window.find('line 00007')"), "find-in-page misses the first lines"
    # Chromium's own accessibility tree: the text a screen reader gets.
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    read = set()
    for node in nodes:
        if node.get("role", {}).get("value") == "StaticText" and not node.get("ignored"):
            read.update(re.findall(r"line (\d{5})", node.get("name", {}).get("value", "")))
    assert len(read) == LONG_OUTPUT_LINES
