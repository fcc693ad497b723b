"""What the browser tests need to know about the runner: which snippets the site makes
runnable and where, and how to drive a runner through its documented interface
(runner/README.md)."""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from site_hooks import runnable_snippets

from ..snippet_files import DOCS_DIR, included_path

FINAL_STATE = re.compile(r"^(done|error|stopped)$")
SNIPPET_RUNNER = '.runner[data-runner="snippet"]'
PLAYGROUND_RUNNER = '.runner[data-runner="playground"]'
# Cold start of Python in a worker is a few seconds; a loaded 2-core machine needs room.
LOAD_TIMEOUT_MS = 60_000


hook = runnable_snippets


@dataclass(frozen=True)
class RunnableSnippet:
    page: str  # the page's URL, relative to the site's base
    snippet: str  # as the page includes it
    path: Path

    def __str__(self) -> str:
        return f"{self.page or 'index'}:{self.snippet}"


def recorded_timeline(site_dir: Path, page: str, snippet: str) -> dict:
    """The timeline of `snippet` that the build recorded on CPython and put in `page`."""
    html = (site_dir / page / "index.html").read_text()
    payload = re.search(
        rf'data-snippet="{re.escape(snippet)}"[^>]*><script type="application/json">(.*?)</script>',
        html,
    )
    assert payload, f"no recorded timeline of {snippet} on {page}"
    return json.loads(payload[1])


def page_url(markdown: Path) -> str:
    """The URL of the page built from docs/<markdown>, relative to the site."""
    relative = markdown.relative_to(DOCS_DIR).with_suffix("")
    if relative.name in ("index", "README"):
        relative = relative.parent
    return "" if str(relative) == "." else f"{relative.as_posix()}/"


def runnable_snippets_by_page() -> dict[str, list[str]]:
    """Page URL -> the snippets its runners run, in page order, as the hook marks them."""
    pages: dict[str, list[str]] = {}
    for markdown in sorted(DOCS_DIR.rglob("*.md")):
        if markdown.is_relative_to(DOCS_DIR / "assets"):
            continue
        found = []
        for *_, block in hook.find_snippet_fences(markdown.read_text()):
            path = included_path(block.snippet)
            if path is None:
                continue  # a missing file fails the strict build already
            if block.whole_file and hook.local_only_reason(hook.displayed_source(path)) is None:
                found.append(block.snippet)
        if found:
            pages[page_url(markdown)] = found
    return pages


def runnable_snippets() -> list[RunnableSnippet]:
    """Every snippet the site runs in a browser, once, on the first page showing it."""
    seen: dict[str, RunnableSnippet] = {}
    for page, snippets in runnable_snippets_by_page().items():
        for snippet in snippets:
            path = included_path(snippet)
            seen.setdefault(snippet, RunnableSnippet(page, snippet, path))
    return list(seen.values())


def chapter_with_runners() -> str:
    """A page with at least one runnable snippet: the first chapter if it has one."""
    pages = runnable_snippets_by_page()
    assert pages, "no page has a runnable snippet"
    return "getting-started/" if "getting-started/" in pages else next(iter(pages))


def playground_link(site_url: str, code: str, padding: bool = False) -> str:
    encoded = base64.urlsafe_b64encode(code.encode()).decode()
    return f"{site_url}playground/#code={encoded if padding else encoded.rstrip('=')}"


def open_playground(page: Page, site_url: str, code: str) -> Locator:
    page.goto(playground_link(site_url, code))
    runner = page.locator(PLAYGROUND_RUNNER)
    expect(runner.get_by_role("button", name="Run", exact=True)).to_be_visible()
    return runner


def reveal(runner: Locator) -> None:
    """Open the tab or collapsed block a runner may sit in, as a reader would."""
    runner.evaluate(
        """root => {
            for (let el = root; el; el = el.parentElement) {
                if (el.tagName === "DETAILS") el.open = true;
                if (el.classList.contains("tabbed-block")) {
                    const index = [...el.parentElement.children].indexOf(el);
                    const set = el.closest(".tabbed-set");
                    set.querySelectorAll(":scope > input")[index].click();
                }
            }
        }"""
    )
    runner.scroll_into_view_if_needed()


def wait_until_over(runner: Locator, timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
    expect(runner).to_have_attribute("data-state", FINAL_STATE, timeout=timeout_ms)


def run(runner: Locator, timeout_ms: int = LOAD_TIMEOUT_MS) -> dict[str, str]:
    """Click Run, wait for the run to end, and return what the runner shows."""
    reveal(runner)
    runner.get_by_role("button", name="Run", exact=True).click()
    wait_until_over(runner, timeout_ms)
    return shown(runner)


# The runner's state and the text of each output stream, given the runner's root: for
# Playwright here, and for the other browsers' doors (tests/firefox/runners.py).
SHOWN = """root => {
    const log = root.querySelector('[role="log"]');
    const text = (stream) => [
        ...log.querySelectorAll(`[data-stream="${stream}"]`)
    ].map((span) => span.textContent).join("");
    return {
        state: root.dataset.state,
        reason: root.dataset.reason || "",
        status: root.querySelector('.runner-status').textContent,
        stdout: text("stdout"),
        stderr: text("stderr"),
        notes: text("note"),
        recorded: text("recorded"),
    };
}"""


def shown(runner: Locator) -> dict[str, str]:
    """The runner's state and the text of each output stream."""
    return runner.evaluate(SHOWN)


# Every change of a runner's data-state, timed on the page's own clock.
RECORD_STATES = """
window.runnerStates = [];
new MutationObserver((changes) => {
    for (const change of changes) {
        window.runnerStates.push([change.target.dataset.state, performance.now()]);
    }
}).observe(document, {
    subtree: true, attributes: true, attributeFilter: ["data-state"],
});
"""


def record_states(page: Page) -> None:
    """Call before `goto`; `seconds_between` then reads the record."""
    page.add_init_script(RECORD_STATES)


def seconds_between(page: Page, first: str, then: str) -> float:
    states = page.evaluate("window.runnerStates")
    start = next(t for state, t in states if state == first)
    end = next(t for state, t in states if state == then and t >= start)
    return (end - start) / 1000


def lines(text: str) -> list[str]:
    return text.splitlines()
