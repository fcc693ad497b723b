"""Fixtures for tests in Chromium: Debian's Chromium driven by Playwright, on the built
site that tests/conftest.py serves (`site_url`).

Playwright lives for one test module at a time. Its sync API marks its event loop as
running in the main thread for as long as it lives, and a test elsewhere that calls
asyncio.run() there (a snippet, a notebook) must not find one: so the tests of every
other file run without it, in whatever order the files come.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    sync_playwright,
)

from ..support import chromium
from .page_records import Requests, watch_errors, watch_requests

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder runs in the browser: `-m "not browser"` leaves it out."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    try:
        browser = chromium.launch(playwright)
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="module")
def runtime_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """One page of the site for a whole test module, to start workers from: every run
    gets its own worker."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url)
    yield page
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A fresh page, in a context of its own."""
    page = context.new_page()
    yield page
    page.close()


@pytest.fixture
def page_requests(page: Page, site_url: str) -> Requests:
    """What the test's `page` requests, from before it opens anything."""
    return watch_requests(page, site_url)


@pytest.fixture
def page_errors(page: Page) -> list[str]:
    """The uncaught errors and console errors of the test's `page`, from before it
    opens anything."""
    return watch_errors(page)
