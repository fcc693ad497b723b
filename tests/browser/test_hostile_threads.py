"""The runtime under programs that push its threads, signals and stacks to their
limits: it answers as CPython does, and the tab survives.

Each program runs in a fresh worker of a page of its own: a program that brought the
page down would take no other test with it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from .runtime_harness import Run, run_in_browser

pytestmark = pytest.mark.browser


@pytest.fixture
def own_page(context: BrowserContext, site_url: str) -> Iterator[Page]:
    page = context.new_page()
    page.goto(site_url)
    yield page
    page.close()


def run(page: Page, site_url: str, code: str, timeout: float = 60) -> Run:
    return run_in_browser(page, site_url, code, timeout=timeout)


# Starts threads that wait until the program can no longer start one: Chromium's tab
# dies at about 22,000 live green threads, so the runtime must refuse one long before.
TOO_MANY_THREADS = """
import threading
gate = threading.Lock()
gate.acquire()
started = 0
try:
    for _ in range(30000):
        threading.Thread(target=gate.acquire, daemon=True).start()
        started += 1
except RuntimeError as error:
    print("RuntimeError:", error)
    print("live threads refused at:", threading.active_count())
print("and the program goes on:", started == threading.active_count() - 1)
"""


def test_too_many_threads_raise_cpythons_error_and_the_tab_lives(
    own_page: Page, site_url: str
) -> None:
    result = run(own_page, site_url, TOO_MANY_THREADS, timeout=120)
    assert result.stdout == (
        "RuntimeError: can't start new thread\n"
        "live threads refused at: 10000\n"
        "and the program goes on: True\n"
    ), str(result)
    assert result.status == "ok", str(result)
    assert run(own_page, site_url, "print('next run')").stdout == "next run\n"
