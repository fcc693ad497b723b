"""Fixtures for tests in WebKitGTK, an engine without JSPI (tests/support/webkit.py), on
the built site that tests/conftest.py serves (`site_url`).

One MiniBrowser serves the whole folder: each test opens its own page in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver import WebKitGTK

from ..support import webkit

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder runs in WebKitGTK: `-m "not browser"` or
    `-m "not webkit"` leaves it out."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.webkit)


@pytest.fixture(scope="session")
def browser() -> Iterator[WebKitGTK]:
    if absent := webkit.missing():
        pytest.fail(f"{', '.join(absent)} missing: run `make setup`", pytrace=False)
    with webkit.launch() as driver:
        yield driver
