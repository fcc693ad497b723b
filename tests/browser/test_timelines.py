"""The timeline on the race-conditions page, as a reader meets it: drawn, labelled,
explained on hover and on focus, usable from the keyboard, loading nothing from
elsewhere; and renderTimeline() as the in-browser runtime will call it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ..support.axe import serious_violations
from .page_records import Requests
from .runner_pages import recorded_timeline

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

PAGE = "race-conditions/"
FIGURE = ".thread-timeline-figure"
PLOT = f"{FIGURE} svg.tl-plot"
SLEEP = re.compile(
    r"^Thread-\d+ \(deposit\): sleeping [\d.]+ ms in time\.sleep\(0\) "
    r"at lost_update\.py:14, from [\d.]+ ms to [\d.]+ ms$"
)


def recorded(site_dir: Path) -> dict:
    """The timeline JSON as the build put it in the page."""
    return recorded_timeline(site_dir, PAGE, "race_conditions/lost_update.py")


@pytest.fixture
def timeline_page(
    page: Page, site_url: str, page_errors: list[str], page_requests: Requests
) -> Page:
    """The page, open at its timeline; what it met and requested is recorded from the
    start (the tests ask for `page_errors` and `page_requests` to read it)."""
    page.goto(site_url + PAGE)
    page.locator(FIGURE).scroll_into_view_if_needed()
    expect(page.locator(PLOT)).to_be_visible()
    return page


def test_one_lane_per_thread_with_labelled_bars(
    timeline_page: Page, site_dir: Path, page_errors: list[str], page_requests: Requests
) -> None:
    data = recorded(site_dir)
    names = [thread["name"] for thread in data["threads"]]
    assert len(names) == 5, names  # the main thread and four depositors
    lanes = timeline_page.locator(f"{PLOT} [role=list]")
    expect(lanes).to_have_count(len(names))
    for lane, name in zip(lanes.all(), names, strict=True):
        assert lane.get_attribute("aria-label").startswith(f"{name}: runnable ")
    labels = timeline_page.locator(f"{PLOT} [role=listitem]").evaluate_all(
        "(items) => items.map((item) => item.getAttribute('aria-label'))"
    )
    assert len(labels) == len(data["spans"]) + len(data["prints"])
    # Each depositor sleeps a hundred times, each sleep a bar of its own.
    assert sum(bool(SLEEP.match(label)) for label in labels) == 400
    assert any(label.startswith("MainThread: waiting") for label in labels)
    assert any(label.startswith("MainThread: printed “actual total: ") for label in labels)
    legend = timeline_page.locator(f"{FIGURE} .tl-legend").inner_text()
    for word in ("runnable", "sleeping", "waiting", "printed"):
        assert word in legend
    assert "CPython" in timeline_page.locator(f"{FIGURE} figcaption").inner_text()
    assert page_errors == []
    assert page_requests.foreign() == []


def test_hover_shows_details(timeline_page: Page, page_errors: list[str]) -> None:
    sleeps = timeline_page.locator(f"{PLOT} .tl-target-sleeping")
    widest = sleeps.evaluate_all(
        "(marks) => marks.reduce((best, mark, i) =>"
        " mark.getBBox().width > marks[best].getBBox().width ? i : best, 0)"
    )
    sleeps.nth(widest).hover(force=True)
    tooltip = timeline_page.locator(f"{FIGURE} .tl-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(
        re.compile(r"sleeping .* in time\.sleep\(0\) at lost_update\.py:14")
    )
    timeline_page.mouse.move(0, 0)
    expect(tooltip).to_be_hidden()
    assert page_errors == []


def test_keyboard_reaches_and_walks_the_timeline(timeline_page: Page) -> None:
    whole_run = timeline_page.locator(FIGURE).get_by_role("button", name="Whole run")
    whole_run.focus()
    timeline_page.keyboard.press("Tab")  # one tab stop for the whole picture
    focused = timeline_page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused.startswith("MainThread: runnable"), focused
    tooltip = timeline_page.locator(f"{FIGURE} .tl-tooltip")
    expect(tooltip).to_have_text(focused)

    timeline_page.keyboard.press("ArrowRight")
    following = timeline_page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert following.startswith("MainThread: waiting") and "Thread.start()" in following
    expect(tooltip).to_have_text(following)

    timeline_page.keyboard.press("ArrowDown")
    below = timeline_page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert below.startswith("Thread-1 (deposit): "), below

    timeline_page.keyboard.press("Tab")  # and out again, in one step
    assert timeline_page.evaluate("!document.activeElement.closest('svg.tl-plot')"), (
        "Tab should leave the timeline"
    )
    expect(tooltip).to_be_hidden()


def test_zoom_stretches_the_picture(timeline_page: Page) -> None:
    figure = timeline_page.locator(FIGURE)
    width = lambda: float(timeline_page.locator(PLOT).get_attribute("width"))  # noqa: E731
    before = width()
    figure.get_by_role("button", name="Zoom in").click()
    figure.get_by_role("button", name="Zoom in").click()
    assert width() == pytest.approx((before - 32) * 4 + 32, abs=1)
    expect(figure.locator(".tl-zoom-status")).to_contain_text("×4")
    figure.get_by_role("button", name="Whole run").click()
    assert width() == pytest.approx(before, abs=1)


def test_table_alternative(timeline_page: Page, site_dir: Path) -> None:
    data = recorded(site_dir)
    figure = timeline_page.locator(FIGURE)
    figure.get_by_text("The timeline as a table").click()
    per_thread = figure.get_by_role("table", name="Time per thread")
    expect(per_thread.locator("tbody tr")).to_have_count(len(data["threads"]))
    moments = figure.get_by_role("table", name=re.compile("^Moments"))
    expect(moments.get_by_role("cell", name="printed “expected total: 400”")).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_problem(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGE)
    expect(page.locator(PLOT)).to_be_visible()
    page.locator(FIGURE).get_by_text("The timeline as a table").click()
    assert serious_violations(page, within=FIGURE) == []


def test_render_timeline_as_the_runtime_will(page: Page, site_url: str) -> None:
    """The module's export draws any data in the format, into any element."""
    page.goto(site_url)
    result = page.evaluate(
        """async (url) => {
          const { renderTimeline } = await import(url);
          const box = document.createElement("div");
          document.querySelector("article").append(box);
          renderTimeline(box, {
            threads: [{ id: 1, name: "MainThread" }, { id: 2, name: "worker" }],
            spans: [
              { thread: 1, from: 0, to: 4, state: "running" },
              { thread: 1, from: 4, to: 110, state: "waiting",
                on: "Thread.join() at main.py:9" },
              { thread: 2, from: 5, to: 105, state: "waiting",
                on: "Lock.acquire() at main.py:4", timeout: true },
              { thread: 2, from: 105, to: 106, state: "running" },
            ],
            prints: [{ thread: 2, t: 105.5, text: "gave up" }],
            end: 110,
          });
          return {
            lanes: box.querySelectorAll("svg.tl-plot [role=list]").length,
            labels: [...box.querySelectorAll("[role=listitem]")].map(
              (item) => item.getAttribute("aria-label")),
          };
        }""",
        site_url + "assets/timeline/timeline.js",
    )
    assert result["lanes"] == 2
    assert (
        "worker: waiting 100 ms on Lock.acquire() at main.py:4, then gave up: the timeout "
        "passed, from 5 ms to 105 ms" in result["labels"]
    ), result["labels"]
    assert "worker: printed “gave up” at 106 ms" in result["labels"], result["labels"]
