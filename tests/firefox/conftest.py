"""Fixtures for tests in Firefox: Debian's Firefox ESR driven over WebDriver BiDi
(tests/support/firefox.py), on the built site that tests/conftest.py serves
(`site_url`). One Firefox lives for one test module; each test gets a fresh tab."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ..support.firefox import Firefox, Page

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder runs in Firefox: `-m "not browser"` leaves it out, and
    `-m firefox` picks it alone."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.firefox)


@pytest.fixture(scope="module")
def firefox() -> Iterator[Firefox]:
    try:
        browser = Firefox.launch()
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def runtime_page(firefox: Firefox, site_url: str) -> Iterator[Page]:
    """One page of the site for a whole test module, to start workers from: every run
    gets its own worker."""
    page = firefox.new_page()
    page.goto(site_url)
    yield page
    page.close()


@pytest.fixture
def page(firefox: Firefox) -> Iterator[Page]:
    """A fresh tab."""
    page = firefox.new_page()
    yield page
    page.close()
