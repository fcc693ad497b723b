"""The deadlock report shown on the deadlocks page is what the runner prints for the
hanging version the page describes: the page's diff, applied to the snippet, run in
the browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from ..support.paths import ROOT
from .runtime_harness import run_in_browser

pytestmark = pytest.mark.browser

PAGE = ROOT / "docs" / "deadlocks.md"
SNIPPET = ROOT / "snippets" / "deadlocks" / "opposite_order_timeout.py"
REPORT = ROOT / "snippets" / "deadlocks" / "opposite_order_hangs.report.txt"
SECTION = "### The version that hangs"


def hanging_version() -> str:
    """The snippet with the page's one-line diff applied."""
    section = PAGE.read_text().split(SECTION, 1)[1]
    diff = re.search(r"```diff\n(.*?)```", section, re.DOTALL)
    assert diff, f"no diff under {SECTION!r} in {PAGE.name}"
    removed = [line[1:] for line in diff[1].splitlines() if line.startswith("-")]
    added = [line[1:] for line in diff[1].splitlines() if line.startswith("+")]
    assert len(removed) == len(added) == 1, diff[1]
    source = SNIPPET.read_text()
    assert source.count(removed[0] + "\n") == 1, f"the diff's line is not in {SNIPPET.name}"
    return source.replace(removed[0] + "\n", added[0] + "\n")


def test_the_page_shows_the_report_after_the_diff() -> None:
    section = PAGE.read_text().split(SECTION, 1)[1].split("\n## ", 1)[0]
    assert f'--8<-- "deadlocks/{REPORT.name}"' in section


def test_the_report_is_what_the_runner_prints(runtime_page: Page, site_url: str) -> None:
    result = run_in_browser(runtime_page, site_url, hanging_version())
    assert (result.status, result.reason) == ("error", "deadlock"), result
    assert result.stdout == ""
    assert result.stderr == REPORT.read_text(), (
        f"The runner now reports this; if it is right, put it in {REPORT.relative_to(ROOT)}:\n"
        + result.stderr
    )
