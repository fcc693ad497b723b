"""Every snippet the site can run in the browser is run there, by clicking its Run
button, and must print what CPython prints.

Snippets whose output varies by design (tests/output_checks.py's INVARIANTS) are held
to the same invariant as on CPython, against the output recorded in their `#>` lines.
An exercise's programs are judged by its `check.py`, as on CPython: the check passes on
what the solution prints in the browser, and fails on what the starter prints.
"""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ..output_checks import INVARIANTS
from ..snippet_files import expected_lines, python_for
from .page_records import Requests
from .runner_pages import (
    SNIPPET_RUNNER,
    RunnableSnippet,
    chapter_with_runners,
    lines,
    reveal,
    run,
    runnable_snippets,
    runnable_snippets_by_page,
)

pytestmark = pytest.mark.browser
EXERCISE = re.compile(r"^exercises/.+/(?P<program>starter|solution)\.py$")
SNIPPETS = runnable_snippets()


@pytest.fixture(scope="module")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="module")
def chapter_pages(shared_context: BrowserContext, site_url: str) -> Iterator[dict[str, Page]]:
    """The chapter page in use, kept open: its runners share a spare worker."""
    pages: dict[str, Page] = {}
    yield pages
    for page in pages.values():
        page.close()


def chapter(pages: dict[str, Page], context: BrowserContext, site_url: str, path: str) -> Page:
    if path not in pages:
        # The snippets come page by page: the previous page and its spare can go.
        for old in pages.values():
            old.close()
        pages.clear()
        page = context.new_page()
        page.goto(site_url + path)
        pages[path] = page
    return pages[path]


def cpython_stdout(snippet: Path, tmp_path: Path, python: str) -> tuple[list[str], int]:
    """What the snippet prints on CPython (`python`: this one, or a newer one for a
    snippet that needs it), run from a copy in a temp dir."""
    copy = tmp_path / snippet.name
    shutil.copy(snippet, copy)
    result = subprocess.run(
        [python, copy.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout.splitlines(), result.returncode


def test_there_are_runnable_snippets() -> None:
    assert SNIPPETS, "no page shows a whole snippet that can run in a browser"


@pytest.mark.parametrize("path", sorted(runnable_snippets_by_page()))
def test_page_has_a_runner_for_each_runnable_snippet(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    runners = page.locator(SNIPPET_RUNNER)
    expected = runnable_snippets_by_page()[path]
    expect(runners).to_have_count(len(expected))
    assert [r.get_attribute("data-snippet") for r in runners.all()] == expected
    for runner in runners.all():
        reveal(runner)
        expect(runner.get_by_role("button", name="Run", exact=True)).to_be_visible()


@pytest.mark.timeout(180)
@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_snippet_prints_in_browser_what_it_prints_on_cpython(
    snippet: RunnableSnippet,
    chapter_pages: dict[str, Page],
    shared_context: BrowserContext,
    site_url: str,
    tmp_path: Path,
) -> None:
    page = chapter(chapter_pages, shared_context, site_url, snippet.page)
    runner = page.locator(f'{SNIPPET_RUNNER}[data-snippet="{snippet.snippet}"]').first
    shown = run(runner, timeout_ms=120_000)
    printed = lines(shown["stdout"])

    cpython, returncode = cpython_stdout(snippet.path, tmp_path, python_for(snippet.snippet))
    assert shown["state"] == ("done" if returncode == 0 else "error"), shown
    exercise = EXERCISE.match(snippet.snippet)
    if exercise:
        check = runpy.run_path(str(snippet.path.with_name("check.py")))["check"]
        hint = check(shown["stdout"])
        if exercise["program"] == "solution":
            assert hint is None, f"the solution's output fails its check: {hint}"
        else:
            assert hint is not None, "the starter's output passes the check in the browser"
        return
    invariant = INVARIANTS.get(snippet.snippet)
    if invariant is None:
        assert printed == cpython, f"stderr in the browser:\n{shown['stderr']}"
    else:
        source = snippet.path.read_text()
        problem = invariant(expected_lines(source), printed)
        assert problem is None, problem


@pytest.mark.timeout(120)
def test_no_request_leaves_the_site_while_a_page_loads_and_runs_an_example(
    page: Page, site_url: str, page_requests: Requests
) -> None:
    page.goto(site_url + chapter_with_runners())
    runner = page.locator(SNIPPET_RUNNER).first
    shown = run(runner)
    assert shown["state"] == "done", shown
    page.wait_for_load_state("networkidle")
    assert page_requests.foreign() == []
