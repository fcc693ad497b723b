"""The site opens in the browser at its published path, loading nothing from elsewhere."""

import pytest
from playwright.sync_api import Page

from .page_records import Requests

pytestmark = pytest.mark.browser


def test_home_page_loads_under_sub_path(
    page: Page, site_url: str, page_requests: Requests
) -> None:
    page.goto(site_url)
    assert "Python Threading, Hands-On" in page.title()
    assert page_requests.foreign() == []
