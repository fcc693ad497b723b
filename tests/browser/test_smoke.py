from playwright.sync_api import Page


def test_home_page_loads_under_sub_path(page: Page, site_url: str) -> None:
    page.goto(site_url)
    assert "Python Threading, Hands-On" in page.title()
    assert page.foreign_requests == []  # type: ignore[attr-defined]
