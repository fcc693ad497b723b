"""Every snippet the site can run in the browser runs in Firefox and must print what it
prints on CPython, held to the same expectations as in Chromium
(tests/browser/test_snippets_in_browser.py): the same lines, or the invariant of
tests/output_checks.py's INVARIANTS against the `#>` lines; an exercise's solution
passes its `check.py` and its starter does not.

The snippets of one chapter (`chapter_with_runners()`) run through their Run buttons,
clicked with the mouse, one after the other, as a reader runs them. The rest run
through runner.js's `runProgram` export, two at a time from one page: the same workers
and the same code (the program as the page shows it), without waiting on the page.
"""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from site_hooks import runnable_snippets as hook

from ..browser.runner_pages import (
    SNIPPET_RUNNER,
    RunnableSnippet,
    chapter_with_runners,
    lines,
    runnable_snippets,
)
from ..browser.runtime_harness import Run, run_in_cpython
from ..browser.test_snippets_in_browser import EXERCISE
from ..output_checks import INVARIANTS
from ..snippet_files import expected_lines, python_for
from ..support.firefox import Firefox
from .runners import run, run_programs

pytestmark = pytest.mark.timeout(600)

SNIPPETS = runnable_snippets()
BY_BUTTON = chapter_with_runners()


def shown_source(snippet: RunnableSnippet) -> str:
    """The program as the page shows it, and as its runner runs it."""
    return hook.displayed_source(snippet.path)


@pytest.fixture(scope="module")
def on_cpython() -> Iterator[dict[str, Future[Run]]]:
    """Each snippet run on CPython (a newer one for a snippet that needs it), in the
    background while Firefox works."""
    with ThreadPoolExecutor(2) as pool:
        yield {
            s.snippet: pool.submit(run_in_cpython, s.path.read_text(), python=python_for(s.snippet))
            for s in SNIPPETS
        }


@pytest.fixture(scope="module")
def in_firefox(firefox: Firefox, site_url: str, on_cpython: dict) -> dict[str, dict]:
    """What each snippet printed in Firefox, and how its run ended."""
    found: dict[str, dict] = {}
    page = firefox.new_page()
    page.goto(site_url + BY_BUTTON)
    for snippet in SNIPPETS:
        if snippet.page == BY_BUTTON:
            root = f'{SNIPPET_RUNNER}[data-snippet="{snippet.snippet}"]'
            found[snippet.snippet] = run(page, root, timeout=120)
    quiet = [s for s in SNIPPETS if s.page != BY_BUTTON]
    results = run_programs(page, site_url, [shown_source(s) for s in quiet])
    found.update((s.snippet, result) for s, result in zip(quiet, results, strict=True))
    page.close()
    return found


def test_some_snippets_run_by_their_run_button_and_the_rest_quietly() -> None:
    by_button = [s for s in SNIPPETS if s.page == BY_BUTTON]
    assert by_button and len(by_button) < len(SNIPPETS)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=str)
def test_snippet_prints_in_firefox_what_it_prints_on_cpython(
    snippet: RunnableSnippet, in_firefox: dict[str, dict], on_cpython: dict[str, Future[Run]]
) -> None:
    shown = in_firefox[snippet.snippet]
    printed = lines(shown["stdout"])
    cpython = on_cpython[snippet.snippet].result()
    assert shown["state"] == ("done" if cpython.status == "ok" else "error"), shown
    exercise = EXERCISE.match(snippet.snippet)
    if exercise:
        check = runpy.run_path(str(snippet.path.with_name("check.py")))["check"]
        hint = check(shown["stdout"])
        if exercise["program"] == "solution":
            assert hint is None, f"the solution's output fails its check: {hint}"
        else:
            assert hint is not None, "the starter's output passes the check in Firefox"
        return
    invariant = INVARIANTS.get(snippet.snippet)
    if invariant is None:
        assert printed == cpython.stdout.splitlines(), f"stderr in Firefox:\n{shown['stderr']}"
    else:
        problem = invariant(expected_lines(snippet.path.read_text()), printed)
        assert problem is None, problem
