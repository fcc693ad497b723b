"""The runtime's programs that tests/browser/test_runtime.py compares with CPython, run
in Firefox's worker and compared with this machine's CPython the same way: stdout, the
lines of stderr that do not depend on versions or paths, and how the run ended."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..browser.runtime_harness import run_in_browser, run_in_cpython, stderr_summary
from ..browser.test_runtime import COMPARED
from ..support.firefox import Page

pytestmark = pytest.mark.timeout(120)


@pytest.mark.parametrize("path", COMPARED, ids=lambda path: path.stem)
def test_program_prints_in_firefox_what_cpython_prints(
    runtime_page: Page, site_url: str, path: Path
) -> None:
    code = path.read_text()
    firefox = run_in_browser(runtime_page, site_url, code)
    cpython = run_in_cpython(code)
    both = f"Firefox:\n{firefox}\nCPython:\n{cpython}"
    assert firefox.stdout == cpython.stdout, both
    assert stderr_summary(firefox.stderr) == stderr_summary(cpython.stderr), both
    assert firefox.status == cpython.status, both
    assert "webthreads" not in firefox.stderr, "runtime frames in a traceback"


def test_the_worker_says_it_runs_on_jspi(runtime_page: Page, site_url: str) -> None:
    result = run_in_browser(runtime_page, site_url, "print('hello')")
    assert result.ready is not None and result.ready["jspi"] is True, result.ready
    assert (result.stdout, result.status) == ("hello\n", "ok")
